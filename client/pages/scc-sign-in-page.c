/* scc-sign-in-page.c
 *
 * SccSignInPage: the view of an SccSignInVm and of the window's
 * SccConnectionVm. The template holds two faces:
 *
 *   form     the address with a status line under it (what the server said
 *            when last asked), username, password, Sign In, and a notice
 *            when the user's session has ended;
 *   problem  an AdwStatusPage for a server that cannot be reached or cannot
 *            reach its database, with Retry and Change Server Address.
 *
 * The face follows the connection's state when it changes (unreachable and
 * degraded -> problem; connected, idle -> form), also while the server is
 * watched in the background: a server that stops shows the problem face by
 * itself, and one that comes back the form. Change Server Address returns
 * to the form. A server that does not answer is never blamed on the
 * address field.
 *
 * SccPage does the form's part: sign-in.submit and sign-in.retry, the
 * keyboard to the first field in error, Sign In as the default widget
 * while the form shows (Enter in any field signs in). The page adds
 * connection.retry and connection.edit-address.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-sign-in-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-field-row.h"
#include "scc-sign-in-page.h"

struct _SccSignInPage
{
  SccPage              parent_instance;

  /* Owned */
  SccSignInVm         *view_model;
  char                *status_text;

  /* Template widgets */
  GtkStack            *stack;
  GtkWidget           *expired_box;
  GtkLabel            *expired_label;
  SccFieldRow         *url_row;
  GtkWidget           *status_box;
  GtkStack            *status_icon_stack;
  GtkSpinner          *status_spinner;
  GtkImage            *status_icon;
  GtkLabel            *status_label;
  SccFieldRow         *username_row;
  SccFieldRow         *password_row;
  GtkButton           *sign_in_button;
  AdwStatusPage       *problem_page;
  GtkLabel            *problem_details_label;
  GtkButton           *retry_button;
  GtkSpinner          *retry_spinner;
};

enum {
  PROP_0,
  PROP_VIEW_MODEL,
  PROP_STATUS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccSignInPage, scc_sign_in_page, SCC_TYPE_PAGE)

static SccConnectionVm *
get_connection (SccSignInPage *self)
{
  return scc_page_get_connection (SCC_PAGE (self));
}

static void
set_status_icon (SccSignInPage *self,
                 const char    *icon_name,
                 const char    *style_class)
{
  static const char * const classes[] = { "success", "warning", "error" };

  g_assert (SCC_IS_SIGN_IN_PAGE (self));

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

/* Whether the status line is about the address now in the field. */
static gboolean
status_is_current (SccSignInPage *self)
{
  SccConnectionVm *connection = get_connection (self);
  g_autofree char *typed = NULL;

  g_assert (SCC_IS_SIGN_IN_PAGE (self));

  if (connection == NULL || scc_connection_vm_get_target_url (connection) == NULL)
    return FALSE;

  typed = g_strstrip (g_strdup (scc_connection_vm_get_server_url (connection)));
  return g_strcmp0 (typed, scc_connection_vm_get_target_url (connection)) == 0;
}

static void
show_problem (SccSignInPage      *self,
              SccConnectionState  state)
{
  SccConnectionVm *connection = get_connection (self);
  const char *target_url = scc_connection_vm_get_target_url (connection);
  const char *version = scc_connection_vm_get_version (connection);
  g_autofree char *description = NULL;
  g_autofree char *details = NULL;

  g_assert (SCC_IS_SIGN_IN_PAGE (self));
  g_assert (state == SCC_CONNECTION_STATE_UNREACHABLE || state == SCC_CONNECTION_STATE_DEGRADED);

  if (state == SCC_CONNECTION_STATE_UNREACHABLE)
    {
      adw_status_page_set_icon_name (self->problem_page, "network-offline-symbolic");
      adw_status_page_set_title (self->problem_page, _("Cannot Reach the Server"));
      description = g_markup_printf_escaped (_("sendcase could not connect to <b>%s</b>. "
                                               "Check the address and your network connection. "
                                               "sendcase keeps trying, and goes on by itself when "
                                               "the server answers."),
                                             target_url);
    }
  else
    {
      adw_status_page_set_icon_name (self->problem_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->problem_page, _("Database Unavailable"));
      if (version != NULL)
        description = g_markup_printf_escaped (_("The server at <b>%s</b> (sendcase %s) is reachable, "
                                                 "but it cannot reach its database. sendcase keeps "
                                                 "trying; tell your system administrator if this "
                                                 "continues."),
                                               target_url, version);
      else
        description = g_markup_printf_escaped (_("The server at <b>%s</b> is reachable, but it cannot "
                                                 "serve requests. sendcase keeps trying; tell your "
                                                 "system administrator if this continues."),
                                               target_url);
    }

  adw_status_page_set_description (self->problem_page, description);
  /* The technical reason, when the description does not already say it. */
  if (state == SCC_CONNECTION_STATE_UNREACHABLE || version == NULL)
    details = scc_form_field_dup_sentence (scc_connection_vm_get_error_message (connection));
  gtk_label_set_label (self->problem_details_label, details != NULL ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_details_label), details != NULL);
}

static void
set_status_text (SccSignInPage *self,
                 const char    *text)
{
  g_assert (SCC_IS_SIGN_IN_PAGE (self));

  if (g_strcmp0 (self->status_text, text) == 0)
    return;

  g_free (self->status_text);
  self->status_text = g_strdup (text);
  gtk_label_set_label (self->status_label, text != NULL ? text : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_TEXT]);
}

/* The status line under the address and the problem face. */
static void
update_connection (SccSignInPage *self,
                   gboolean       state_changed)
{
  SccConnectionVm *connection = get_connection (self);
  SccConnectionState state = SCC_CONNECTION_STATE_IDLE;
  g_autofree char *text = NULL;
  const char *server_error;
  const char *face = NULL;
  gboolean busy;

  g_assert (SCC_IS_SIGN_IN_PAGE (self));

  if (connection != NULL)
    state = scc_connection_vm_get_state (connection);
  /* A first check, or a check of a known state (the problem face's Retry). */
  busy = connection != NULL && scc_connection_vm_get_busy (connection);

  switch (state)
    {
    case SCC_CONNECTION_STATE_IDLE:
      face = "form";
      break;

    case SCC_CONNECTION_STATE_CONNECTING:
      text = g_strdup_printf (_("Connecting to %s…"), scc_connection_vm_get_target_url (connection));
      gtk_stack_set_visible_child_name (self->status_icon_stack, "busy");
      break;

    case SCC_CONNECTION_STATE_CONNECTED:
      face = "form";
      if (scc_connection_vm_get_schema_version (connection) >= 0)
        text = g_strdup_printf (_("Connected to sendcase %s (schema %" G_GINT64_FORMAT ")"),
                                scc_connection_vm_get_version (connection),
                                scc_connection_vm_get_schema_version (connection));
      else
        text = g_strdup_printf (_("Connected to sendcase %s"), scc_connection_vm_get_version (connection));
      set_status_icon (self, "emblem-ok-symbolic", "success");
      break;

    case SCC_CONNECTION_STATE_UNREACHABLE:
      face = "problem";
      text = g_strdup (_("Cannot reach the server"));
      set_status_icon (self, "network-offline-symbolic", "error");
      show_problem (self, state);
      break;

    case SCC_CONNECTION_STATE_DEGRADED:
      face = "problem";
      text = g_strdup (_("Server reachable, database unavailable"));
      set_status_icon (self, "dialog-warning-symbolic", "warning");
      show_problem (self, state);
      break;

    default:
      g_assert_not_reached ();
    }

  set_status_text (self, text);
  /* The line gives way to a complaint about the address itself. */
  server_error = scc_form_vm_get_field_error (SCC_FORM_VM (self->view_model), "server_url");
  gtk_widget_set_visible (self->status_box, text != NULL && server_error == NULL && status_is_current (self));

  gtk_spinner_set_spinning (self->status_spinner, state == SCC_CONNECTION_STATE_CONNECTING);
  gtk_spinner_set_spinning (self->retry_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connection.retry", !busy);

  /* Only a new state moves between faces: the user's "Change Server
   * Address" is not undone by an unrelated notification. */
  if (state_changed && face != NULL &&
      g_strcmp0 (face, gtk_stack_get_visible_child_name (self->stack)) != 0)
    {
      gtk_stack_set_visible_child_name (self->stack, face);
      /* Enter signs in only where Sign In shows. */
      scc_page_set_default_widget (SCC_PAGE (self),
                                   g_str_equal (face, "form") ? GTK_WIDGET (self->sign_in_button) : NULL);
      /* The keyboard follows, unless the user is on another page. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        scc_page_shown (SCC_PAGE (self));
    }
}

static void
update_expired (SccSignInPage *self)
{
  const char *message = NULL;

  g_assert (SCC_IS_SIGN_IN_PAGE (self));

  if (self->view_model != NULL)
    message = scc_sign_in_vm_get_expired_message (self->view_model);

  gtk_label_set_label (self->expired_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->expired_box, message != NULL);
}

static void
on_url_error_cb (SccSignInPage *self)
{
  update_connection (self, FALSE);
}

static void
on_connection_notify_cb (SccSignInPage   *self,
                         GParamSpec      *pspec,
                         SccConnectionVm *connection)
{
  g_assert (SCC_IS_SIGN_IN_PAGE (self));

  if (g_str_equal (pspec->name, "state"))
    update_connection (self, TRUE);
  else if (g_str_equal (pspec->name, "version") ||
           g_str_equal (pspec->name, "schema-version") ||
           g_str_equal (pspec->name, "error-message") ||
           g_str_equal (pspec->name, "target-url") ||
           g_str_equal (pspec->name, "busy") ||
           g_str_equal (pspec->name, "server-url"))
    update_connection (self, FALSE);
}

static void
connection_retry_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SccSignInPage *self = SCC_SIGN_IN_PAGE (widget);

  /* The address may have become unusable since; the form says why. */
  if (!scc_connection_vm_retry (get_connection (self)))
    {
      gtk_stack_set_visible_child_name (self->stack, "form");
      scc_page_set_default_widget (SCC_PAGE (self), GTK_WIDGET (self->sign_in_button));
      scc_field_row_focus (self->url_row);
    }
}

static void
connection_edit_address_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  SccSignInPage *self = SCC_SIGN_IN_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "form");
  scc_page_set_default_widget (SCC_PAGE (self), GTK_WIDGET (self->sign_in_button));
  scc_field_row_focus (self->url_row);
}

/* The form's general state, and the face a new state may bring. */
static void
scc_sign_in_page_shown (SccPage *page)
{
  SccSignInPage *self = SCC_SIGN_IN_PAGE (page);
  SccFormVm *form = SCC_FORM_VM (self->view_model);
  const char *username;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "problem") == 0)
    {
      /* GtkStack may have given the focus to the (selectable) details,
       * selecting them; the user's next step is Retry. */
      gtk_widget_grab_focus (GTK_WIDGET (self->retry_button));
      gtk_label_select_region (self->problem_details_label, 0, 0);
      return;
    }

  if (scc_page_focus_first_error (page, form))
    return;

  /* Someone whose session ended has their username filled in. */
  username = scc_form_vm_get_value (form, "username");
  if (username[0] != '\0')
    scc_field_row_focus (self->password_row);
  else
    scc_field_row_focus (self->username_row);
}

static void
scc_sign_in_page_session_ended (SccPage *page,
                                ScUser  *user)
{
  SccSignInPage *self = SCC_SIGN_IN_PAGE (page);

  scc_sign_in_vm_session_ended (self->view_model, user != NULL ? sc_user_get_username (user) : NULL);
}

static void
scc_sign_in_page_form_failed (SccPage   *page,
                              SccFormVm *form)
{
  SccSignInPage *self = SCC_SIGN_IN_PAGE (page);
  SccConnectionState state = scc_connection_vm_get_state (get_connection (self));

  /* The problem face already says it, with its own Retry: no toast. */
  if (state == SCC_CONNECTION_STATE_UNREACHABLE || state == SCC_CONNECTION_STATE_DEGRADED)
    {
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        scc_page_shown (page);
      return;
    }

  SCC_PAGE_CLASS (scc_sign_in_page_parent_class)->form_failed (page, form);
}

static void
scc_sign_in_page_constructed (GObject *object)
{
  SccSignInPage *self = (SccSignInPage *)object;
  SccConnectionVm *connection;
  SccFormField *server_url;

  G_OBJECT_CLASS (scc_sign_in_page_parent_class)->constructed (object);

  connection = get_connection (self);
  g_assert (SCC_IS_CONNECTION_VM (connection));

  self->view_model = scc_sign_in_vm_new (scc_page_get_api_client (SCC_PAGE (self)), connection);
  scc_page_add_form (SCC_PAGE (self), "sign-in", SCC_FORM_VM (self->view_model));
  g_signal_connect_object (self->view_model, "notify::expired-message",
                           G_CALLBACK (update_expired), self, G_CONNECT_SWAPPED);
  server_url = scc_form_vm_lookup_field (SCC_FORM_VM (self->view_model), "server_url");
  g_signal_connect_object (server_url, "notify::has-error",
                           G_CALLBACK (on_url_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (connection, "notify", G_CALLBACK (on_connection_notify_cb), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (object, properties[PROP_VIEW_MODEL]);

  update_expired (self);
  update_connection (self, TRUE);
}

static void
scc_sign_in_page_dispose (GObject *object)
{
  SccSignInPage *self = (SccSignInPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_SIGN_IN_PAGE);

  G_OBJECT_CLASS (scc_sign_in_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
}

static void
scc_sign_in_page_finalize (GObject *object)
{
  SccSignInPage *self = (SccSignInPage *)object;

  g_clear_pointer (&self->status_text, g_free);

  G_OBJECT_CLASS (scc_sign_in_page_parent_class)->finalize (object);
}

static void
scc_sign_in_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SccSignInPage *self = SCC_SIGN_IN_PAGE (object);

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
scc_sign_in_page_class_init (SccSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_sign_in_page_constructed;
  object_class->dispose = scc_sign_in_page_dispose;
  object_class->finalize = scc_sign_in_page_finalize;
  object_class->get_property = scc_sign_in_page_get_property;

  page_class->shown = scc_sign_in_page_shown;
  page_class->session_ended = scc_sign_in_page_session_ended;
  page_class->form_failed = scc_sign_in_page_form_failed;

  scc_page_class_set_page_name (page_class, "sign-in");
  scc_page_class_set_needs_session (page_class, FALSE);

  properties[PROP_VIEW_MODEL] =
    g_param_spec_object ("view-model", NULL, NULL,
                         SCC_TYPE_SIGN_IN_VM,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccSignInPage:status-text:
   *
   * The server status line as shown, e.g. "Connected to sendcase 0.1.0
   * (schema 3)".
   */
  properties[PROP_STATUS_TEXT] =
    g_param_spec_string ("status-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SCC_TYPE_FIELD_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sendcase/Sendcase/ui/scc-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, expired_box);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, expired_label);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, status_icon_stack);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, status_spinner);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, problem_page);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, problem_details_label);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, retry_spinner);
  /* By name only, for tests and tools (gtk_widget_get_template_child). */
  gtk_widget_class_bind_template_child_full (widget_class, "error_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "menu_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "connection.retry", NULL, connection_retry_action);
  gtk_widget_class_install_action (widget_class, "connection.edit-address", NULL,
                                   connection_edit_address_action);
}

static void
scc_sign_in_page_init (SccSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * scc_sign_in_page_get_view_model:
 *
 * Returns: (transfer none): the sign-in form
 */
SccSignInVm *
scc_sign_in_page_get_view_model (SccSignInPage *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_PAGE (self), NULL);
  return self->view_model;
}

const char *
scc_sign_in_page_get_status_text (SccSignInPage *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_PAGE (self), NULL);
  return self->status_text;
}

const char *
scc_sign_in_page_get_visible_face (SccSignInPage *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
