/* scc-window.c
 *
 * SccWindow: the main window and the session's life in it. It builds the
 * view models of its pages from the application's SccApiClient, hands them
 * to the pages, installs the signed-in actions (win.show-home,
 * win.show-account, win.sign-out) and keeps window state in GSettings
 * (size, maximized, the server address).
 *
 * The session, as the window sees it:
 *
 *   sign-in --SccSignInVm::signed-in--> home (or back where the user was)
 *   any page --win.sign-out--> sign-in, empty; every page's input cleared
 *   any page --SccApiClient::unauthorized--> sign-in, username filled in,
 *            "Your session has ended"; the pages keep their input
 *
 * When a session ends under the user, the window remembers the page they
 * were on and who they were. If the same user (by id) signs in again, they
 * go back to that page with their input as they left it (and a form whose
 * submission was cut short says so: SccChangePasswordVm:notice). Anyone
 * else starts from home with every form cleared, so one person's unsaved
 * input never reaches another.
 *
 * The server address is read from GSettings once, when the window opens,
 * and written back whenever the user starts a connection to a usable
 * address, so what is typed but never tried is not remembered. The token is
 * never stored (scc-api-client.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-window.h"

struct _SccWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned */
  SccApiClient         *api_client;
  SccSignInVm          *sign_in_vm;
  SccChangePasswordVm  *change_password_vm;
  GSettings            *settings;
  GPtrArray            *toasts;          /* AdwToast shown or queued, until dismissed */
  char                 *resume_page;     /* where an ended session left the user, or NULL */
  gint64                resume_user_id;  /* whose it was */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  SccSignInPage        *sign_in_page;
  SccHomePage          *home_page;
  SccAccountPage       *account_page;
};

enum {
  PROP_0,
  PROP_API_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccWindow, scc_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_actions (SccWindow *self)
{
  gboolean signed_in = scc_api_client_get_signed_in (self->api_client);
  static const char * const signed_in_actions[] = { "show-home", "show-account", "sign-out" };

  g_assert (SCC_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (signed_in_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), signed_in_actions[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), signed_in);
    }
}

/* Every page's unsaved input, for a sign-out or a different user. */
static void
clear_input (SccWindow *self)
{
  g_assert (SCC_IS_WINDOW (self));

  scc_change_password_vm_clear (self->change_password_vm);
}

static void
set_user (SccWindow *self,
          SccUser   *user)
{
  g_assert (SCC_IS_WINDOW (self));

  scc_home_page_set_user (self->home_page, user);
  scc_account_page_set_user (self->account_page, user);
}

/* Toasts belong to the session that raised them: a new session, or none,
 * starts without the old one's news ("Your password has been changed"). */
static void
dismiss_toasts (SccWindow *self)
{
  g_autoptr(GPtrArray) toasts = NULL;

  g_assert (SCC_IS_WINDOW (self));

  toasts = g_steal_pointer (&self->toasts);
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < toasts->len; i++)
    adw_toast_dismiss (g_ptr_array_index (toasts, i));
}

static void
on_toast_dismissed_cb (SccWindow *self,
                       AdwToast  *toast)
{
  g_assert (SCC_IS_WINDOW (self));

  /* NULL once the window is disposed, which dismisses what it shows. */
  if (self->toasts != NULL)
    g_ptr_array_remove (self->toasts, toast);
}

static void
on_connection_state_cb (SccWindow       *self,
                        GParamSpec      *pspec,
                        SccConnectionVm *connection)
{
  g_assert (SCC_IS_WINDOW (self));
  g_assert (SCC_IS_CONNECTION_VM (connection));

  if (scc_connection_vm_get_state (connection) == SCC_CONNECTION_STATE_CONNECTING)
    g_settings_set_string (self->settings, "server-url",
                           scc_connection_vm_get_target_url (connection));
}

static void
on_signed_in_cb (SccWindow   *self,
                 SccSession  *session,
                 SccSignInVm *view_model)
{
  SccUser *user = scc_session_get_user (session);
  g_autofree char *page = g_steal_pointer (&self->resume_page);
  gboolean resuming = page != NULL && self->resume_user_id == scc_user_get_id (user);

  g_assert (SCC_IS_WINDOW (self));

  g_debug ("signed in as user %" G_GINT64_FORMAT "%s", scc_user_get_id (user),
           resuming ? ", resuming" : "");

  if (!resuming)
    {
      clear_input (self);
      g_clear_pointer (&page, g_free);
      page = g_strdup ("home");
    }
  self->resume_user_id = 0;

  dismiss_toasts (self);
  set_user (self, user);
  update_actions (self);
  scc_window_show_page (self, page);
}

static void
on_unauthorized_cb (SccWindow    *self,
                    SccSession   *ended,
                    SccApiClient *api_client)
{
  const char *visible = scc_window_get_visible_page (self);
  SccUser *user = ended != NULL ? scc_session_get_user (ended) : NULL;

  g_assert (SCC_IS_WINDOW (self));

  g_debug ("the session has ended; back to sign-in from %s", visible);

  update_actions (self);
  if (g_strcmp0 (visible, "sign-in") == 0)
    return;

  g_free (self->resume_page);
  self->resume_page = g_strdup (visible);
  self->resume_user_id = user != NULL ? scc_user_get_id (user) : 0;

  dismiss_toasts (self);
  scc_sign_in_vm_session_ended (self->sign_in_vm, user != NULL ? scc_user_get_username (user) : NULL);
  scc_window_show_page (self, "sign-in");
}

static void
sign_out_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Signed out here either way; an unreachable server lets the session
   * idle out, so this is not worth a word to the user. */
  if (!scc_api_client_sign_out_finish (SCC_API_CLIENT (object), result, &error))
    g_debug ("could not tell the server about the sign-out: %s", error->message);
}

static void
win_sign_out_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SccWindow *self = user_data;

  g_assert (SCC_IS_WINDOW (self));

  if (!scc_api_client_get_signed_in (self->api_client))
    return;

  scc_api_client_sign_out_async (self->api_client, NULL, sign_out_cb, NULL);

  g_clear_pointer (&self->resume_page, g_free);
  self->resume_user_id = 0;
  clear_input (self);
  scc_sign_in_vm_reset (self->sign_in_vm);
  set_user (self, NULL);
  update_actions (self);
  dismiss_toasts (self);
  scc_window_show_page (self, "sign-in");
  scc_window_add_toast (self, adw_toast_new (_("Signed out")));
}

static void
win_show_account_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  SccWindow *self = user_data;

  g_assert (SCC_IS_WINDOW (self));

  scc_window_show_page (self, "account");
}

static void
win_show_home_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SccWindow *self = user_data;

  g_assert (SCC_IS_WINDOW (self));

  scc_window_show_page (self, "home");
}

static const GActionEntry win_actions[] = {
  { "sign-out", win_sign_out_action },
  { "show-account", win_show_account_action },
  { "show-home", win_show_home_action },
};

static void
scc_window_constructed (GObject *object)
{
  SccWindow *self = (SccWindow *)object;

  G_OBJECT_CLASS (scc_window_parent_class)->constructed (object);

  g_assert (SCC_IS_API_CLIENT (self->api_client));

  self->sign_in_vm = scc_sign_in_vm_new (self->api_client);
  g_settings_bind (self->settings, "server-url", self->sign_in_vm, "server-url",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_signal_connect_object (scc_sign_in_vm_get_connection (self->sign_in_vm), "notify::state",
                           G_CALLBACK (on_connection_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sign_in_vm, "signed-in",
                           G_CALLBACK (on_signed_in_cb), self, G_CONNECT_SWAPPED);
  scc_sign_in_page_set_view_model (self->sign_in_page, self->sign_in_vm);

  self->change_password_vm = scc_change_password_vm_new (self->api_client);
  scc_account_page_set_view_model (self->account_page, self->change_password_vm);

  g_signal_connect_object (self->api_client, "unauthorized",
                           G_CALLBACK (on_unauthorized_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->api_client, "notify::signed-in",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  update_actions (self);
}

static void
scc_window_dispose (GObject *object)
{
  SccWindow *self = (SccWindow *)object;

  if (self->api_client != NULL)
    g_signal_handlers_disconnect_by_data (self->api_client, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_WINDOW);

  if (self->sign_in_vm != NULL)
    scc_sign_in_vm_cancel (self->sign_in_vm);
  if (self->change_password_vm != NULL)
    scc_change_password_vm_cancel (self->change_password_vm);
  g_clear_object (&self->sign_in_vm);
  g_clear_object (&self->change_password_vm);
  g_clear_object (&self->settings);
  g_clear_object (&self->api_client);
  g_clear_pointer (&self->toasts, g_ptr_array_unref);
  g_clear_pointer (&self->resume_page, g_free);

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

  g_type_ensure (SCC_TYPE_SIGN_IN_PAGE);
  g_type_ensure (SCC_TYPE_HOME_PAGE);
  g_type_ensure (SCC_TYPE_ACCOUNT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SccWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SccWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SccWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, SccWindow, home_page);
  gtk_widget_class_bind_template_child (widget_class, SccWindow, account_page);
}

static void
scc_window_init (SccWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
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
 * scc_window_get_sign_in_page:
 *
 * Returns: (transfer none): the sign-in page
 */
SccSignInPage *
scc_window_get_sign_in_page (SccWindow *self)
{
  g_return_val_if_fail (SCC_IS_WINDOW (self), NULL);
  return self->sign_in_page;
}

/**
 * scc_window_get_sign_in_vm:
 *
 * Returns: (transfer none): the view model of the sign-in page
 */
SccSignInVm *
scc_window_get_sign_in_vm (SccWindow *self)
{
  g_return_val_if_fail (SCC_IS_WINDOW (self), NULL);
  return self->sign_in_vm;
}

/**
 * scc_window_get_home_page:
 *
 * Returns: (transfer none): the home page
 */
SccHomePage *
scc_window_get_home_page (SccWindow *self)
{
  g_return_val_if_fail (SCC_IS_WINDOW (self), NULL);
  return self->home_page;
}

/**
 * scc_window_get_account_page:
 *
 * Returns: (transfer none): the account page
 */
SccAccountPage *
scc_window_get_account_page (SccWindow *self)
{
  g_return_val_if_fail (SCC_IS_WINDOW (self), NULL);
  return self->account_page;
}

/**
 * scc_window_get_change_password_vm:
 *
 * Returns: (transfer none): the view model of the Change Password form
 */
SccChangePasswordVm *
scc_window_get_change_password_vm (SccWindow *self)
{
  g_return_val_if_fail (SCC_IS_WINDOW (self), NULL);
  return self->change_password_vm;
}

/**
 * scc_window_connect_to:
 * @server_url: (nullable): an address, e.g. from the command line, or
 *   %NULL for the one remembered in GSettings
 *
 * Checks the server (health and version) so the sign-in page can say at
 * once whether it answers: the application calls it when it opens the
 * window. A bad address is reported beside the field as if typed. Ignored
 * while signed in: the server of a session is not changed under it.
 */
void
scc_window_connect_to (SccWindow  *self,
                       const char *server_url)
{
  SccConnectionVm *connection;

  g_return_if_fail (SCC_IS_WINDOW (self));

  if (scc_api_client_get_signed_in (self->api_client))
    return;

  connection = scc_sign_in_vm_get_connection (self->sign_in_vm);
  scc_window_show_page (self, "sign-in");
  if (server_url != NULL)
    scc_sign_in_vm_set_server_url (self->sign_in_vm, server_url);
  scc_connection_vm_connect (connection);
}

/**
 * scc_window_show_page:
 * @name: the page's name in the leaflet: "sign-in", "home" or "account"
 *
 * Shows the page and puts the keyboard focus where its user goes next.
 */
void
scc_window_show_page (SccWindow  *self,
                      const char *name)
{
  g_return_if_fail (SCC_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  adw_leaflet_set_visible_child_name (self->leaflet, name);

  /* After the leaflet, which moves the focus to the first widget of the new
   * page when the old one had it. */
  if (g_str_equal (name, "sign-in"))
    {
      if (g_strcmp0 (scc_sign_in_page_get_visible_face (self->sign_in_page), "form") == 0)
        scc_sign_in_page_focus (self->sign_in_page);
    }
  else if (g_str_equal (name, "account"))
    {
      scc_account_page_focus (self->account_page);
    }
}

/**
 * scc_window_get_visible_page:
 *
 * Returns: the name of the page shown
 */
const char *
scc_window_get_visible_page (SccWindow *self)
{
  g_return_val_if_fail (SCC_IS_WINDOW (self), NULL);
  return adw_leaflet_get_visible_child_name (self->leaflet);
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

  g_ptr_array_add (self->toasts, g_object_ref (toast));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * scc_window_dup_toast_titles:
 *
 * For tests: what the toasts shown or waiting to be shown say.
 *
 * Returns: (transfer full): their titles, oldest first
 */
char **
scc_window_dup_toast_titles (SccWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SCC_IS_WINDOW (self), NULL);

  for (guint i = 0; i < self->toasts->len; i++)
    g_strv_builder_add (builder, adw_toast_get_title (g_ptr_array_index (self->toasts, i)));
  return g_strv_builder_end (builder);
}

/**
 * scc_window_dismiss_toasts:
 *
 * Dismisses every toast, shown or waiting.
 */
void
scc_window_dismiss_toasts (SccWindow *self)
{
  g_return_if_fail (SCC_IS_WINDOW (self));

  dismiss_toasts (self);
}
