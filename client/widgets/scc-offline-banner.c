/* scc-offline-banner.c
 *
 * SccOfflineBanner: see scc-offline-banner.h. Shown for the states in which
 * the signed-in pages cannot do their work (unreachable, degraded), hidden
 * otherwise; connecting (a new address) never happens while signed in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-offline-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-offline-banner.h"

struct _SccOfflineBanner
{
  GtkWidget        parent_instance;

  /* Owned */
  SccConnectionVm *connection;

  /* Template widgets */
  GtkRevealer     *revealer;
  GtkImage        *icon;
  GtkLabel        *label;
  GtkSpinner      *spinner;
};

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccOfflineBanner, scc_offline_banner, GTK_TYPE_WIDGET)

static void
update (SccOfflineBanner *self)
{
  SccConnectionState state = SCC_CONNECTION_STATE_IDLE;
  gboolean busy = FALSE;
  gboolean was_revealed;

  g_assert (SCC_IS_OFFLINE_BANNER (self));

  if (self->connection != NULL)
    {
      state = scc_connection_vm_get_state (self->connection);
      busy = scc_connection_vm_get_busy (self->connection);
    }

  if (state == SCC_CONNECTION_STATE_UNREACHABLE)
    {
      gtk_image_set_from_icon_name (self->icon, "network-offline-symbolic");
      gtk_label_set_label (self->label, _("The server cannot be reached. sendcase keeps trying and "
                                          "will carry on by itself when it answers."));
    }
  else if (state == SCC_CONNECTION_STATE_DEGRADED)
    {
      gtk_image_set_from_icon_name (self->icon, "dialog-warning-symbolic");
      gtk_label_set_label (self->label, _("The server cannot reach its database. sendcase keeps "
                                          "trying and will carry on by itself when it can."));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "banner.retry", self->connection != NULL && !busy);

  was_revealed = gtk_revealer_get_reveal_child (self->revealer);
  gtk_revealer_set_reveal_child (self->revealer,
                                 state == SCC_CONNECTION_STATE_UNREACHABLE ||
                                 state == SCC_CONNECTION_STATE_DEGRADED);
  if (was_revealed != gtk_revealer_get_reveal_child (self->revealer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

static void
banner_retry_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SccOfflineBanner *self = SCC_OFFLINE_BANNER (widget);

  if (self->connection != NULL)
    scc_connection_vm_check_now (self->connection);
}

static void
scc_offline_banner_dispose (GObject *object)
{
  SccOfflineBanner *self = (SccOfflineBanner *)object;

  scc_offline_banner_set_connection (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_OFFLINE_BANNER);

  G_OBJECT_CLASS (scc_offline_banner_parent_class)->dispose (object);
}

static void
scc_offline_banner_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SccOfflineBanner *self = SCC_OFFLINE_BANNER (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;

    case PROP_REVEALED:
      g_value_set_boolean (value, scc_offline_banner_get_revealed (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_offline_banner_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SccOfflineBanner *self = SCC_OFFLINE_BANNER (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      scc_offline_banner_set_connection (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_offline_banner_class_init (SccOfflineBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scc_offline_banner_dispose;
  object_class->get_property = scc_offline_banner_get_property;
  object_class->set_property = scc_offline_banner_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL,
                         SCC_TYPE_CONNECTION_VM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SccOfflineBanner:revealed:
   *
   * The banner is shown (or sliding in).
   */
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sendcase/Sendcase/ui/scc-offline-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, SccOfflineBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, SccOfflineBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, SccOfflineBanner, label);
  gtk_widget_class_bind_template_child (widget_class, SccOfflineBanner, spinner);

  gtk_widget_class_install_action (widget_class, "banner.retry", NULL, banner_retry_action);
}

static void
scc_offline_banner_init (SccOfflineBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/**
 * scc_offline_banner_get_connection:
 *
 * Returns: (transfer none) (nullable): the connection followed
 */
SccConnectionVm *
scc_offline_banner_get_connection (SccOfflineBanner *self)
{
  g_return_val_if_fail (SCC_IS_OFFLINE_BANNER (self), NULL);
  return self->connection;
}

void
scc_offline_banner_set_connection (SccOfflineBanner *self,
                                   SccConnectionVm  *connection)
{
  g_return_if_fail (SCC_IS_OFFLINE_BANNER (self));
  g_return_if_fail (!connection || SCC_IS_CONNECTION_VM (connection));

  if (self->connection == connection)
    return;

  if (self->connection != NULL)
    g_signal_handlers_disconnect_by_data (self->connection, self);
  g_set_object (&self->connection, connection);
  if (connection != NULL)
    {
      g_signal_connect_object (connection, "notify::state", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (connection, "notify::busy", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION]);
}

gboolean
scc_offline_banner_get_revealed (SccOfflineBanner *self)
{
  g_return_val_if_fail (SCC_IS_OFFLINE_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
scc_offline_banner_get_text (SccOfflineBanner *self)
{
  g_return_val_if_fail (SCC_IS_OFFLINE_BANNER (self), NULL);
  return gtk_label_get_label (self->label);
}
