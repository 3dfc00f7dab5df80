/* scc-connection-page.c
 *
 * SccConnectionPage: the view of an SccConnectionVm. The template holds two
 * faces: the form (address field, Connect, one status row) and the problem
 * face (an AdwStatusPage with Retry and Change Server Address). Which face
 * shows follows the view model's state:
 *
 *   idle, connected        -> form
 *   unreachable, degraded  -> problem ("cannot reach" and "database
 *                             unavailable" are told apart)
 *   connecting             -> whichever face started it, with a spinner
 *
 * and "Change Server Address" returns to the form. A bad address is shown
 * beside the field, never in a dialog.
 *
 * The page installs its own actions (connection.connect, .retry,
 * .edit-address) and makes Connect the window's default widget while it is
 * mapped, so Enter in the field connects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-connection-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-connection-page.h"

struct _SccConnectionPage
{
  AdwBin             parent_instance;

  /* Owned */
  SccConnectionVm   *view_model;
  GBinding          *url_binding;
  char              *status_text;

  /* Template widgets */
  GtkStack          *stack;
  AdwEntryRow       *url_row;
  GtkLabel          *url_error_label;
  AdwPreferencesGroup *status_group;
  AdwActionRow      *status_row;
  GtkStack          *status_icon_stack;
  GtkSpinner        *status_spinner;
  GtkImage          *status_icon;
  GtkButton         *connect_button;
  AdwStatusPage     *problem_page;
  GtkLabel          *problem_details_label;
  GtkButton         *retry_button;
  GtkSpinner        *retry_spinner;
};

enum {
  PROP_0,
  PROP_VIEW_MODEL,
  PROP_STATUS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccConnectionPage, scc_connection_page, ADW_TYPE_BIN)

/* View model messages are lower case (style.md 3.3); beside a field they
 * start a sentence. */
static char *
dup_sentence (const char *message)
{
  char *sentence = g_strdup (message);

  if (sentence != NULL && sentence[0] != '\0')
    sentence[0] = g_ascii_toupper (sentence[0]);
  return sentence;
}

static void
set_status_text (SccConnectionPage *self,
                 const char        *text)
{
  g_assert (SCC_IS_CONNECTION_PAGE (self));

  if (g_strcmp0 (self->status_text, text) == 0)
    return;

  g_free (self->status_text);
  self->status_text = g_strdup (text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), text != NULL ? text : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_TEXT]);
}

static void
set_status_icon (SccConnectionPage *self,
                 const char        *icon_name,
                 const char        *style_class)
{
  static const char * const classes[] = { "success", "warning", "error" };

  g_assert (SCC_IS_CONNECTION_PAGE (self));

  gtk_image_set_from_icon_name (self->status_icon, icon_name);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (g_strcmp0 (classes[i], style_class) == 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), classes[i]);
    }
  gtk_stack_set_visible_child_name (self->status_icon_stack, "icon");
}

static void
update_url_error (SccConnectionPage *self)
{
  const char *url_error = NULL;
  g_autofree char *sentence = NULL;

  g_assert (SCC_IS_CONNECTION_PAGE (self));

  if (self->view_model != NULL)
    url_error = scc_connection_vm_get_url_error (self->view_model);

  sentence = dup_sentence (url_error);
  gtk_label_set_label (self->url_error_label, sentence != NULL ? sentence : "");
  gtk_widget_set_visible (GTK_WIDGET (self->url_error_label), url_error != NULL);

  if (url_error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->url_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->url_row),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->url_error_label, NULL,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->url_row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->url_row),
                                     GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
}

static void
show_problem (SccConnectionPage  *self,
              SccConnectionState  state)
{
  SccConnectionVm *vm = self->view_model;
  const char *target_url = scc_connection_vm_get_target_url (vm);
  const char *version = scc_connection_vm_get_version (vm);
  g_autofree char *description = NULL;
  g_autofree char *details = NULL;

  g_assert (SCC_IS_CONNECTION_PAGE (self));
  g_assert (state == SCC_CONNECTION_STATE_UNREACHABLE || state == SCC_CONNECTION_STATE_DEGRADED);

  if (state == SCC_CONNECTION_STATE_UNREACHABLE)
    {
      adw_status_page_set_icon_name (self->problem_page, "network-offline-symbolic");
      adw_status_page_set_title (self->problem_page, _("Cannot Reach the Server"));
      description = g_markup_printf_escaped (_("sendcase could not connect to <b>%s</b>. "
                                               "Check the address and your network connection, "
                                               "then try again."),
                                             target_url);
    }
  else
    {
      adw_status_page_set_icon_name (self->problem_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->problem_page, _("Database Unavailable"));
      if (version != NULL)
        description = g_markup_printf_escaped (_("The server at <b>%s</b> (sendcase %s) is reachable, "
                                                 "but it cannot reach its database. Try again in a "
                                                 "few minutes, or tell your system administrator if "
                                                 "this continues."),
                                               target_url, version);
      else
        description = g_markup_printf_escaped (_("The server at <b>%s</b> is reachable, but it cannot "
                                                 "serve requests. Try again in a few minutes, or "
                                                 "tell your system administrator if this "
                                                 "continues."),
                                               target_url);
    }

  adw_status_page_set_description (self->problem_page, description);
  /* The technical reason, when the description does not already say it. */
  if (state == SCC_CONNECTION_STATE_UNREACHABLE || version == NULL)
    details = dup_sentence (scc_connection_vm_get_error_message (vm));
  gtk_label_set_label (self->problem_details_label, details != NULL ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_details_label), details != NULL);
}

static void
update_state (SccConnectionPage *self)
{
  SccConnectionState state = SCC_CONNECTION_STATE_IDLE;
  SccConnectionVm *vm = self->view_model;
  g_autofree char *text = NULL;
  g_autofree char *subtitle = NULL;
  const char *face = NULL;
  gboolean busy;

  g_assert (SCC_IS_CONNECTION_PAGE (self));

  if (vm != NULL)
    state = scc_connection_vm_get_state (vm);
  busy = state == SCC_CONNECTION_STATE_CONNECTING;

  switch (state)
    {
    case SCC_CONNECTION_STATE_IDLE:
      face = "form";
      break;

    case SCC_CONNECTION_STATE_CONNECTING:
      text = g_strdup_printf (_("Connecting to %s…"), scc_connection_vm_get_target_url (vm));
      gtk_stack_set_visible_child_name (self->status_icon_stack, "busy");
      break;

    case SCC_CONNECTION_STATE_CONNECTED:
      face = "form";
      if (scc_connection_vm_get_schema_version (vm) >= 0)
        text = g_strdup_printf (_("Connected to sendcase %s (schema %" G_GINT64_FORMAT ")"),
                                scc_connection_vm_get_version (vm),
                                scc_connection_vm_get_schema_version (vm));
      else
        text = g_strdup_printf (_("Connected to sendcase %s"), scc_connection_vm_get_version (vm));
      subtitle = g_strdup (scc_connection_vm_get_target_url (vm));
      set_status_icon (self, "emblem-ok-symbolic", "success");
      break;

    case SCC_CONNECTION_STATE_UNREACHABLE:
      face = "problem";
      text = g_strdup (_("Cannot reach the server"));
      subtitle = dup_sentence (scc_connection_vm_get_error_message (vm));
      set_status_icon (self, "network-offline-symbolic", "error");
      show_problem (self, state);
      break;

    case SCC_CONNECTION_STATE_DEGRADED:
      face = "problem";
      text = g_strdup (_("Server reachable, database unavailable"));
      subtitle = dup_sentence (scc_connection_vm_get_error_message (vm));
      set_status_icon (self, "dialog-warning-symbolic", "warning");
      show_problem (self, state);
      break;

    default:
      g_assert_not_reached ();
    }

  set_status_text (self, text);
  adw_action_row_set_subtitle (self->status_row, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), state != SCC_CONNECTION_STATE_IDLE);

  gtk_spinner_set_spinning (self->status_spinner, busy);
  gtk_spinner_set_spinning (self->retry_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_spinner), busy);

  /* While connecting, the face that started it stays, so Retry spins in place. */
  if (face != NULL && g_strcmp0 (face, gtk_stack_get_visible_child_name (self->stack)) != 0)
    {
      gtk_stack_set_visible_child_name (self->stack, face);
      if (g_str_equal (face, "problem"))
        gtk_widget_grab_focus (GTK_WIDGET (self->retry_button));
    }
}

static void
on_view_model_notify_cb (SccConnectionPage *self,
                         GParamSpec        *pspec,
                         SccConnectionVm   *view_model)
{
  g_assert (SCC_IS_CONNECTION_PAGE (self));
  g_assert (SCC_IS_CONNECTION_VM (view_model));

  if (g_str_equal (pspec->name, "url-error"))
    update_url_error (self);
  else if (g_str_equal (pspec->name, "state") ||
           g_str_equal (pspec->name, "version") ||
           g_str_equal (pspec->name, "schema-version") ||
           g_str_equal (pspec->name, "error-message"))
    update_state (self);
}

static void
connection_connect_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SccConnectionPage *self = SCC_CONNECTION_PAGE (widget);

  if (self->view_model == NULL)
    return;

  if (!scc_connection_vm_connect (self->view_model))
    gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
}

static void
connection_retry_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SccConnectionPage *self = SCC_CONNECTION_PAGE (widget);

  if (self->view_model == NULL)
    return;

  /* The address may have become unusable since; the form says why. */
  if (!scc_connection_vm_retry (self->view_model))
    {
      gtk_stack_set_visible_child_name (self->stack, "form");
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
    }
}

static void
connection_edit_address_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  SccConnectionPage *self = SCC_CONNECTION_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
}

/* Connect is the window's default widget whenever the form shows. GTK
 * drops the default when the stack hides the form, so it is claimed again
 * each time the form comes back, not only on map. */
static void
claim_default_widget (SccConnectionPage *self)
{
  GtkRoot *root;

  g_assert (SCC_IS_CONNECTION_PAGE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root) &&
      gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0)
    gtk_window_set_default_widget (GTK_WINDOW (root), GTK_WIDGET (self->connect_button));
}

static void
on_stack_visible_child_cb (SccConnectionPage *self,
                           GParamSpec        *pspec,
                           GtkStack          *stack)
{
  g_assert (SCC_IS_CONNECTION_PAGE (self));

  claim_default_widget (self);
}

static void
scc_connection_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (scc_connection_page_parent_class)->map (widget);

  claim_default_widget (SCC_CONNECTION_PAGE (widget));
}

static void
scc_connection_page_unmap (GtkWidget *widget)
{
  SccConnectionPage *self = SCC_CONNECTION_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root) &&
      gtk_window_get_default_widget (GTK_WINDOW (root)) == GTK_WIDGET (self->connect_button))
    gtk_window_set_default_widget (GTK_WINDOW (root), NULL);

  GTK_WIDGET_CLASS (scc_connection_page_parent_class)->unmap (widget);
}

static void
scc_connection_page_dispose (GObject *object)
{
  SccConnectionPage *self = (SccConnectionPage *)object;

  /* The page's work ends with the page (style.md 3.6). */
  if (self->view_model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view_model, self);
      scc_connection_vm_cancel (self->view_model);
    }
  g_clear_pointer (&self->url_binding, g_binding_unbind);
  g_clear_object (&self->view_model);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_CONNECTION_PAGE);

  G_OBJECT_CLASS (scc_connection_page_parent_class)->dispose (object);
}

static void
scc_connection_page_finalize (GObject *object)
{
  SccConnectionPage *self = (SccConnectionPage *)object;

  g_clear_pointer (&self->status_text, g_free);

  G_OBJECT_CLASS (scc_connection_page_parent_class)->finalize (object);
}

static void
scc_connection_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SccConnectionPage *self = SCC_CONNECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW_MODEL:
      g_value_set_object (value, self->view_model);
      break;

    case PROP_STATUS_TEXT:
      g_value_set_string (value, self->status_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_connection_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SccConnectionPage *self = SCC_CONNECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW_MODEL:
      scc_connection_page_set_view_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_connection_page_class_init (SccConnectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scc_connection_page_dispose;
  object_class->finalize = scc_connection_page_finalize;
  object_class->get_property = scc_connection_page_get_property;
  object_class->set_property = scc_connection_page_set_property;

  widget_class->map = scc_connection_page_map;
  widget_class->unmap = scc_connection_page_unmap;

  properties[PROP_VIEW_MODEL] =
    g_param_spec_object ("view-model", NULL, NULL,
                         SCC_TYPE_CONNECTION_VM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SccConnectionPage:status-text:
   *
   * The status line as shown, e.g. "Connected to sendcase 0.1.0 (schema 3)".
   */
  properties[PROP_STATUS_TEXT] =
    g_param_spec_string ("status-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sendcase/Sendcase/ui/scc-connection-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccConnectionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SccConnectionPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, SccConnectionPage, url_error_label);
  gtk_widget_class_bind_template_child (widget_class, SccConnectionPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, SccConnectionPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, SccConnectionPage, status_icon_stack);
  gtk_widget_class_bind_template_child (widget_class, SccConnectionPage, status_spinner);
  gtk_widget_class_bind_template_child (widget_class, SccConnectionPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, SccConnectionPage, connect_button);
  gtk_widget_class_bind_template_child (widget_class, SccConnectionPage, problem_page);
  gtk_widget_class_bind_template_child (widget_class, SccConnectionPage, problem_details_label);
  gtk_widget_class_bind_template_child (widget_class, SccConnectionPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, SccConnectionPage, retry_spinner);

  gtk_widget_class_install_action (widget_class, "connection.connect", NULL, connection_connect_action);
  gtk_widget_class_install_action (widget_class, "connection.retry", NULL, connection_retry_action);
  gtk_widget_class_install_action (widget_class, "connection.edit-address", NULL,
                                   connection_edit_address_action);
}

static void
scc_connection_page_init (SccConnectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (on_stack_visible_child_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connection.connect", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connection.retry", FALSE);
}

GtkWidget *
scc_connection_page_new (void)
{
  return g_object_new (SCC_TYPE_CONNECTION_PAGE, NULL);
}

/**
 * scc_connection_page_get_view_model:
 *
 * Returns: (transfer none) (nullable): the view model
 */
SccConnectionVm *
scc_connection_page_get_view_model (SccConnectionPage *self)
{
  g_return_val_if_fail (SCC_IS_CONNECTION_PAGE (self), NULL);
  return self->view_model;
}

void
scc_connection_page_set_view_model (SccConnectionPage *self,
                                    SccConnectionVm   *view_model)
{
  g_return_if_fail (SCC_IS_CONNECTION_PAGE (self));
  g_return_if_fail (!view_model || SCC_IS_CONNECTION_VM (view_model));

  if (self->view_model == view_model)
    return;

  if (self->view_model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view_model, self);
      g_clear_pointer (&self->url_binding, g_binding_unbind);
      g_clear_object (&self->view_model);
    }

  if (view_model != NULL)
    {
      self->view_model = g_object_ref (view_model);
      self->url_binding = g_object_bind_property (view_model, "server-url",
                                                  self->url_row, "text",
                                                  G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_signal_connect_object (view_model, "notify",
                               G_CALLBACK (on_view_model_notify_cb),
                               self,
                               G_CONNECT_SWAPPED);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connection.connect", view_model != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connection.retry", view_model != NULL);

  update_url_error (self);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_MODEL]);
}

/**
 * scc_connection_page_get_status_text:
 *
 * Returns: (nullable): the status line as shown
 */
const char *
scc_connection_page_get_status_text (SccConnectionPage *self)
{
  g_return_val_if_fail (SCC_IS_CONNECTION_PAGE (self), NULL);
  return self->status_text;
}

const char *
scc_connection_page_get_visible_face (SccConnectionPage *self)
{
  g_return_val_if_fail (SCC_IS_CONNECTION_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
