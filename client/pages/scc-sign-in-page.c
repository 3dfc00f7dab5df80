/* scc-sign-in-page.c
 *
 * SccSignInPage: the view of an SccSignInVm and of the SccConnectionVm it
 * owns. The template holds two faces:
 *
 *   form     the address with a status line under it (what the server said
 *            when last asked), username, password, Sign In, and a notice
 *            when the user's session has ended;
 *   problem  an AdwStatusPage for a server that cannot be reached or cannot
 *            reach its database, with Retry and Change Server Address.
 *
 * The face follows the connection's state when it changes (unreachable and
 * degraded -> problem; connected, idle -> form); Change Server Address
 * returns to the form. While a check or a sign-in runs, the face that
 * started it stays, with a spinner.
 *
 * Errors go where they belong: beside the field (scc-form.c), a general one
 * under the fields, and a failure that may pass by itself (network,
 * database) also as a toast with Retry. The page installs sign-in.sign-in,
 * .retry and .edit-address and makes Sign In the window's default widget
 * whenever the form shows, so Enter in any field signs in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-sign-in-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-form.h"
#include "scc-window.h"
#include "scc-sign-in-page.h"

struct _SccSignInPage
{
  AdwBin               parent_instance;

  /* Owned */
  SccSignInVm         *view_model;
  GPtrArray           *bindings;  /* GBinding, unbound when the view model goes */
  char                *status_text;

  /* Template widgets */
  GtkStack            *stack;
  GtkWidget           *expired_box;
  GtkLabel            *expired_label;
  AdwEntryRow         *url_row;
  GtkWidget           *status_box;
  GtkStack            *status_icon_stack;
  GtkSpinner          *status_spinner;
  GtkImage            *status_icon;
  GtkLabel            *status_label;
  GtkLabel            *server_error_label;
  AdwEntryRow         *username_row;
  GtkLabel            *username_error_label;
  AdwPasswordEntryRow *password_row;
  GtkLabel            *password_error_label;
  GtkLabel            *error_label;
  GtkButton           *sign_in_button;
  GtkSpinner          *sign_in_spinner;
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

G_DEFINE_FINAL_TYPE (SccSignInPage, scc_sign_in_page, ADW_TYPE_BIN)

static SccConnectionVm *
get_connection (SccSignInPage *self)
{
  return self->view_model != NULL ? scc_sign_in_vm_get_connection (self->view_model) : NULL;
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
    details = scc_form_dup_sentence (scc_connection_vm_get_error_message (connection));
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
  busy = state == SCC_CONNECTION_STATE_CONNECTING;

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
  server_error = self->view_model != NULL ? scc_sign_in_vm_get_server_error (self->view_model) : NULL;
  gtk_widget_set_visible (self->status_box, text != NULL && server_error == NULL && status_is_current (self));

  gtk_spinner_set_spinning (self->status_spinner, busy);
  gtk_spinner_set_spinning (self->retry_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.retry", connection != NULL && !busy);

  /* Only a new state moves between faces: the user's "Change Server
   * Address" is not undone by an unrelated notification. */
  if (state_changed && face != NULL &&
      g_strcmp0 (face, gtk_stack_get_visible_child_name (self->stack)) != 0)
    {
      gtk_stack_set_visible_child_name (self->stack, face);
      if (g_str_equal (face, "problem"))
        {
          /* GtkStack may have given the focus to the (selectable) details,
           * selecting them; the user's next step is Retry. */
          gtk_widget_grab_focus (GTK_WIDGET (self->retry_button));
          gtk_label_select_region (self->problem_details_label, 0, 0);
        }
      else
        {
          scc_sign_in_page_focus (self);
        }
    }
}

static void
update_errors (SccSignInPage *self)
{
  SccSignInVm *vm = self->view_model;

  g_assert (SCC_IS_SIGN_IN_PAGE (self));

  scc_form_show_field_error (GTK_WIDGET (self->url_row), self->server_error_label,
                             vm ? scc_sign_in_vm_get_server_error (vm) : NULL);
  scc_form_show_field_error (GTK_WIDGET (self->username_row), self->username_error_label,
                             vm ? scc_sign_in_vm_get_username_error (vm) : NULL);
  scc_form_show_field_error (GTK_WIDGET (self->password_row), self->password_error_label,
                             vm ? scc_sign_in_vm_get_password_error (vm) : NULL);
  scc_form_show_message (self->error_label, vm ? scc_sign_in_vm_get_error_message (vm) : NULL);
  /* The status line gives way to an error about the same address. */
  update_connection (self, FALSE);
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

/* After a failed attempt, the keyboard goes to what needs fixing. */
static void
focus_first_error (SccSignInPage *self)
{
  SccSignInVm *vm = self->view_model;

  g_assert (SCC_IS_SIGN_IN_PAGE (self));

  /* The problem face has its own focus (Retry). */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") != 0)
    return;

  if (scc_sign_in_vm_get_server_error (vm) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
  else if (scc_sign_in_vm_get_username_error (vm) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
  else if (scc_sign_in_vm_get_password_error (vm) != NULL)
    {
      GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (self->password_row));

      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      if (text != NULL)
        gtk_editable_select_region (text, 0, -1);
    }
}

static void
update_busy (SccSignInPage *self)
{
  gboolean busy = FALSE;

  g_assert (SCC_IS_SIGN_IN_PAGE (self));

  if (self->view_model != NULL)
    busy = scc_sign_in_vm_get_busy (self->view_model);

  /* Read-only rather than insensitive: a focused GtkText made insensitive
   * loses the focus without a focus-out (GTK warns), and the keyboard
   * should stay where the user was. */
  gtk_editable_set_editable (GTK_EDITABLE (self->url_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->username_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_spinner), busy);
  gtk_spinner_set_spinning (self->sign_in_spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.sign-in", self->view_model != NULL && !busy);

  if (!busy && self->view_model != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_first_error (self);
}

/* Toasts go over the whole window; a page outside one has no one to tell. */
static void
show_toast (SccSignInPage *self,
            AdwToast      *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (SCC_IS_WINDOW (root))
    scc_window_add_toast (SCC_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

static void
on_retry_clicked_cb (SccSignInPage *self,
                     AdwToast      *toast)
{
  g_assert (SCC_IS_SIGN_IN_PAGE (self));

  if (self->view_model != NULL)
    scc_sign_in_vm_sign_in (self->view_model);
}

static void
show_retry_toast (SccSignInPage *self)
{
  AdwToast *toast;

  g_assert (SCC_IS_SIGN_IN_PAGE (self));

  if (scc_sign_in_vm_get_server_error (self->view_model) != NULL)
    toast = adw_toast_new (_("Could not reach the server"));
  else
    toast = adw_toast_new (_("The server is not available at the moment"));
  adw_toast_set_button_label (toast, _("_Retry"));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_retry_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  show_toast (self, toast);
}

static void
on_view_model_notify_cb (SccSignInPage *self,
                         GParamSpec    *pspec,
                         SccSignInVm   *view_model)
{
  g_assert (SCC_IS_SIGN_IN_PAGE (self));
  g_assert (SCC_IS_SIGN_IN_VM (view_model));

  if (g_str_equal (pspec->name, "busy"))
    update_busy (self);
  else if (g_str_equal (pspec->name, "expired-message"))
    update_expired (self);
  else if (g_str_has_suffix (pspec->name, "-error") || g_str_equal (pspec->name, "error-message"))
    update_errors (self);
  else if (g_str_equal (pspec->name, "server-url"))
    update_connection (self, FALSE);
  else if (g_str_equal (pspec->name, "can-retry") && scc_sign_in_vm_get_can_retry (view_model))
    show_retry_toast (self);
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
           g_str_equal (pspec->name, "target-url"))
    update_connection (self, FALSE);
}

static void
sign_in_sign_in_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SccSignInPage *self = SCC_SIGN_IN_PAGE (widget);

  if (self->view_model == NULL)
    return;

  if (!scc_sign_in_vm_sign_in (self->view_model))
    focus_first_error (self);
}

static void
sign_in_retry_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SccSignInPage *self = SCC_SIGN_IN_PAGE (widget);
  SccConnectionVm *connection = get_connection (self);

  if (connection == NULL)
    return;

  /* The address may have become unusable since; the form says why. */
  if (!scc_connection_vm_retry (connection))
    {
      gtk_stack_set_visible_child_name (self->stack, "form");
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
    }
}

static void
sign_in_edit_address_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SccSignInPage *self = SCC_SIGN_IN_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
}

/* Sign In is the window's default widget whenever the form shows. GTK
 * drops the default when the stack hides the form, so it is claimed again
 * each time the form comes back, not only on map. */
static void
claim_default_widget (SccSignInPage *self)
{
  GtkRoot *root;

  g_assert (SCC_IS_SIGN_IN_PAGE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root) &&
      gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0)
    gtk_window_set_default_widget (GTK_WINDOW (root), GTK_WIDGET (self->sign_in_button));
}

static void
on_stack_visible_child_cb (SccSignInPage *self,
                           GParamSpec    *pspec,
                           GtkStack      *stack)
{
  g_assert (SCC_IS_SIGN_IN_PAGE (self));

  claim_default_widget (self);
}

static void
scc_sign_in_page_map (GtkWidget *widget)
{
  SccSignInPage *self = SCC_SIGN_IN_PAGE (widget);

  GTK_WIDGET_CLASS (scc_sign_in_page_parent_class)->map (widget);

  claim_default_widget (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0)
    scc_sign_in_page_focus (self);
}

static void
scc_sign_in_page_unmap (GtkWidget *widget)
{
  SccSignInPage *self = SCC_SIGN_IN_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root) &&
      gtk_window_get_default_widget (GTK_WINDOW (root)) == GTK_WIDGET (self->sign_in_button))
    gtk_window_set_default_widget (GTK_WINDOW (root), NULL);

  GTK_WIDGET_CLASS (scc_sign_in_page_parent_class)->unmap (widget);
}

static void
scc_sign_in_page_dispose (GObject *object)
{
  SccSignInPage *self = (SccSignInPage *)object;

  /* The page's work ends with the page (style.md 3.6). */
  if (self->view_model != NULL)
    scc_sign_in_vm_cancel (self->view_model);
  scc_sign_in_page_set_view_model (self, NULL);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_SIGN_IN_PAGE);

  G_OBJECT_CLASS (scc_sign_in_page_parent_class)->dispose (object);
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
scc_sign_in_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SccSignInPage *self = SCC_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW_MODEL:
      scc_sign_in_page_set_view_model (self, g_value_get_object (value));
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

  object_class->dispose = scc_sign_in_page_dispose;
  object_class->finalize = scc_sign_in_page_finalize;
  object_class->get_property = scc_sign_in_page_get_property;
  object_class->set_property = scc_sign_in_page_set_property;

  widget_class->map = scc_sign_in_page_map;
  widget_class->unmap = scc_sign_in_page_unmap;

  properties[PROP_VIEW_MODEL] =
    g_param_spec_object ("view-model", NULL, NULL,
                         SCC_TYPE_SIGN_IN_VM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

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
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, server_error_label);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, username_error_label);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, password_error_label);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, sign_in_spinner);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, problem_page);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, problem_details_label);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, SccSignInPage, retry_spinner);

  gtk_widget_class_install_action (widget_class, "sign-in.sign-in", NULL, sign_in_sign_in_action);
  gtk_widget_class_install_action (widget_class, "sign-in.retry", NULL, sign_in_retry_action);
  gtk_widget_class_install_action (widget_class, "sign-in.edit-address", NULL, sign_in_edit_address_action);
}

static void
scc_sign_in_page_init (SccSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new ();
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (on_stack_visible_child_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.sign-in", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.retry", FALSE);
}

/**
 * scc_sign_in_page_get_view_model:
 *
 * Returns: (transfer none) (nullable): the view model
 */
SccSignInVm *
scc_sign_in_page_get_view_model (SccSignInPage *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_PAGE (self), NULL);
  return self->view_model;
}

void
scc_sign_in_page_set_view_model (SccSignInPage *self,
                                 SccSignInVm   *view_model)
{
  static const struct {
    const char *property;
    gsize       row_offset;
  } fields[] = {
    { "server-url", G_STRUCT_OFFSET (SccSignInPage, url_row) },
    { "username", G_STRUCT_OFFSET (SccSignInPage, username_row) },
    { "password", G_STRUCT_OFFSET (SccSignInPage, password_row) },
  };

  g_return_if_fail (SCC_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (!view_model || SCC_IS_SIGN_IN_VM (view_model));

  if (self->view_model == view_model)
    return;

  if (self->view_model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view_model, self);
      g_signal_handlers_disconnect_by_data (get_connection (self), self);
      for (guint i = 0; i < self->bindings->len; i++)
        g_binding_unbind (g_ptr_array_index (self->bindings, i));
      g_ptr_array_set_size (self->bindings, 0);
      g_clear_object (&self->view_model);
    }

  if (view_model != NULL)
    {
      self->view_model = g_object_ref (view_model);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          GObject *row = G_STRUCT_MEMBER (GObject *, self, fields[i].row_offset);

          g_ptr_array_add (self->bindings,
                           g_object_bind_property (view_model, fields[i].property, row, "text",
                                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
        }
      g_signal_connect_object (view_model, "notify", G_CALLBACK (on_view_model_notify_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (scc_sign_in_vm_get_connection (view_model), "notify",
                               G_CALLBACK (on_connection_notify_cb), self, G_CONNECT_SWAPPED);
    }

  update_errors (self);
  update_expired (self);
  update_busy (self);
  update_connection (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_MODEL]);
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

void
scc_sign_in_page_focus (SccSignInPage *self)
{
  GtkEditable *username;

  g_return_if_fail (SCC_IS_SIGN_IN_PAGE (self));

  username = GTK_EDITABLE (self->username_row);
  if (gtk_editable_get_text (username)[0] != '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      /* A selection left in the username from an earlier visit would show
       * as a grey band that looks like a problem. */
      gtk_editable_select_region (username, 0, 0);
    }
  else
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
    }
}
