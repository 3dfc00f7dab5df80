/* scc-window.c
 *
 * SccWindow: the main window. It builds the view models of its pages from
 * the application's SccApiClient, hands them to the pages, and keeps window
 * state in GSettings (size, maximized, the server address).
 *
 * The server address is read from GSettings once, when the window opens,
 * and written back whenever the user starts a connection to a usable
 * address, so what is typed but never tried is not remembered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-window"

#include "config.h"

#include "scc-window.h"

struct _SccWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned */
  SccApiClient         *api_client;
  SccConnectionVm      *connection_vm;
  GSettings            *settings;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  SccConnectionPage    *connection_page;
};

enum {
  PROP_0,
  PROP_API_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccWindow, scc_window, ADW_TYPE_APPLICATION_WINDOW)

static void
on_connection_state_cb (SccWindow       *self,
                        GParamSpec      *pspec,
                        SccConnectionVm *view_model)
{
  g_assert (SCC_IS_WINDOW (self));
  g_assert (SCC_IS_CONNECTION_VM (view_model));

  if (scc_connection_vm_get_state (view_model) == SCC_CONNECTION_STATE_CONNECTING)
    g_settings_set_string (self->settings, "server-url",
                           scc_connection_vm_get_target_url (view_model));
}

static void
scc_window_constructed (GObject *object)
{
  SccWindow *self = (SccWindow *)object;

  G_OBJECT_CLASS (scc_window_parent_class)->constructed (object);

  g_assert (SCC_IS_API_CLIENT (self->api_client));

  self->connection_vm = scc_connection_vm_new (self->api_client);
  g_settings_bind (self->settings, "server-url", self->connection_vm, "server-url",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_signal_connect_object (self->connection_vm, "notify::state",
                           G_CALLBACK (on_connection_state_cb), self,
                           G_CONNECT_SWAPPED);
  scc_connection_page_set_view_model (self->connection_page, self->connection_vm);
}

static void
scc_window_dispose (GObject *object)
{
  SccWindow *self = (SccWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_WINDOW);

  if (self->connection_vm != NULL)
    scc_connection_vm_cancel (self->connection_vm);
  g_clear_object (&self->connection_vm);
  g_clear_object (&self->settings);
  g_clear_object (&self->api_client);

  G_OBJECT_CLASS (scc_window_parent_class)->dispose (object);
}

static void
scc_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SccWindow *self = SCC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_API_CLIENT:
      g_value_set_object (value, self->api_client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SccWindow *self = SCC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_API_CLIENT:
      self->api_client = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_window_class_init (SccWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = scc_window_constructed;
  object_class->dispose = scc_window_dispose;
  object_class->get_property = scc_window_get_property;
  object_class->set_property = scc_window_set_property;

  /**
   * SccWindow:api-client:
   *
   * The application's API client, shared by every page of the window.
   */
  properties[PROP_API_CLIENT] =
    g_param_spec_object ("api-client", NULL, NULL,
                         SCC_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SCC_TYPE_CONNECTION_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SccWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SccWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SccWindow, connection_page);
}

static void
scc_window_init (SccWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (SC_APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

SccWindow *
scc_window_new (SccApplication *application)
{
  g_return_val_if_fail (SCC_IS_APPLICATION (application), NULL);

  return g_object_new (SCC_TYPE_WINDOW,
                       "application", application,
                       "api-client", scc_application_get_api_client (application),
                       NULL);
}

/**
 * scc_window_get_connection_page:
 *
 * Returns: (transfer none): the connection page
 */
SccConnectionPage *
scc_window_get_connection_page (SccWindow *self)
{
  g_return_val_if_fail (SCC_IS_WINDOW (self), NULL);
  return self->connection_page;
}

/**
 * scc_window_get_connection_vm:
 *
 * Returns: (transfer none): the view model of the connection page
 */
SccConnectionVm *
scc_window_get_connection_vm (SccWindow *self)
{
  g_return_val_if_fail (SCC_IS_WINDOW (self), NULL);
  return self->connection_vm;
}

/**
 * scc_window_connect_to:
 * @server_url: (nullable): an address, e.g. from the command line, or
 *   %NULL for the one remembered in GSettings
 *
 * Shows the connection page and connects: the application calls it when it
 * opens the window, so a caseworker who uses one server every day is not
 * asked again. A bad address is reported beside the field as if typed.
 */
void
scc_window_connect_to (SccWindow  *self,
                       const char *server_url)
{
  g_return_if_fail (SCC_IS_WINDOW (self));

  scc_window_show_page (self, "connection");
  if (server_url != NULL)
    scc_connection_vm_set_server_url (self->connection_vm, server_url);
  scc_connection_vm_connect (self->connection_vm);
}

/**
 * scc_window_show_page:
 * @name: the page's name in the leaflet ("connection", ...)
 */
void
scc_window_show_page (SccWindow  *self,
                      const char *name)
{
  g_return_if_fail (SCC_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  adw_leaflet_set_visible_child_name (self->leaflet, name);
}

/**
 * scc_window_add_toast:
 * @toast: (transfer full): the toast
 */
void
scc_window_add_toast (SccWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (SCC_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
