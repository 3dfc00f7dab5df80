/* test-sign-in-page.c
 *
 * The real SccApplication and SccWindow under Xvfb, against the real
 * sendcased with its demo users. The window opens on the sign-in page,
 * checks the server kept in GSettings and shows its version under the
 * address. Then, as a user would: a wrong password is shown beside the
 * password field; empty fields beside theirs; `manager` signs in and the
 * home page welcomes Tom Reilly, Team manager; the Account page changes
 * the password (field errors beside the fields, a toast on success); Sign
 * Out returns to an empty sign-in form. A server that cannot be reached
 * shows the "Cannot Reach the Server" page with Retry; a bad address is
 * shown beside the field; with its database stopped the server is shown as
 * reachable but unavailable. Each state is rendered to a PNG under
 * docs/screenshots/.
 *
 * Runs with GSK_RENDERER=cairo (stable antialiasing) and animations off, so
 * a screenshot never catches a transition half-way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-test-daemon.h"

#include "scc-application.h"
#include "scc-client-test.h"
#include "scc-user-button.h"
#include "scc-window.h"

static ScTestDaemon *daemon_;
static char *data_dir;
static SccApplication *app;
static SccWindow *window;

static GtkWidget *
get_child (gpointer    widget,
           GType       type,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

#define SIGN_IN_CHILD(name) get_child (scc_window_get_sign_in_page (window), SCC_TYPE_SIGN_IN_PAGE, name)
#define ACCOUNT_CHILD(name) get_child (scc_window_get_account_page (window), SCC_TYPE_ACCOUNT_PAGE, name)

/* The keyboard focus is on @widget or inside it. */
static gboolean
has_focus (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
connection_settled (gpointer user_data)
{
  return !scc_connection_vm_get_busy (scc_sign_in_vm_get_connection (scc_window_get_sign_in_vm (window)));
}

static gboolean
sign_in_settled (gpointer user_data)
{
  return !scc_sign_in_vm_get_busy (scc_window_get_sign_in_vm (window));
}

static gboolean
page_shown (gpointer user_data)
{
  return g_strcmp0 (scc_window_get_visible_page (window), user_data) == 0;
}

static gboolean
password_settled (gpointer user_data)
{
  return !scc_change_password_vm_get_busy (scc_window_get_change_password_vm (window));
}

static void
type_into (const char *row_name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (SIGN_IN_CHILD (row_name)), text);
}

/* Fills in the form and signs in with the page's own action. */
static void
sign_in_as (const char *username,
            const char *password)
{
  type_into ("username_row", username);
  type_into ("password_row", password);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scc_window_get_sign_in_page (window)),
                                             "sign-in.sign-in", NULL));
  scc_test_wait_until (sign_in_settled, NULL, 30);
}

static void
assert_field_error (GtkWidget  *row,
                    GtkWidget  *label,
                    const char *message)
{
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, message);
}

static void
assert_toast (const char *title)
{
  g_auto(GStrv) titles = scc_window_dup_toast_titles (window);

  g_assert_true (g_strv_contains ((const char * const *) titles, title));
}

static void
assert_no_field_error (GtkWidget *row,
                       GtkWidget *label)
{
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_widget_get_visible (label));
}

static void
test_renders (void)
{
  SccSignInPage *page = scc_window_get_sign_in_page (window);
  SccConnectionVm *connection = scc_sign_in_vm_get_connection (scc_window_get_sign_in_vm (window));
  g_autofree char *expected = NULL;
  GtkWidget *def;

  /* The window checked the server in GSettings by itself. */
  scc_test_wait_until (connection_settled, NULL, 30);
  g_assert_cmpstr (scc_window_get_visible_page (window), ==, "sign-in");
  g_assert_cmpint (scc_connection_vm_get_state (connection), ==, SCC_CONNECTION_STATE_CONNECTED);
  g_assert_cmpstr (scc_sign_in_page_get_visible_face (page), ==, "form");

  expected = g_strdup_printf ("Connected to sendcase %s (schema %" G_GINT64_FORMAT ")",
                              PACKAGE_VERSION, scc_connection_vm_get_schema_version (connection));
  g_assert_cmpstr (scc_sign_in_page_get_status_text (page), ==, expected);
  g_assert_true (gtk_widget_get_visible (SIGN_IN_CHILD ("status_box")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (SIGN_IN_CHILD ("url_row"))), ==,
                   sc_test_daemon_get_base_url (daemon_));

  /* Nothing to complain about yet, no session message. */
  g_assert_false (gtk_widget_get_visible (SIGN_IN_CHILD ("expired_box")));
  assert_no_field_error (SIGN_IN_CHILD ("password_row"), SIGN_IN_CHILD ("password_error_label"));

  /* Enter in any field presses Sign In; the username field has the focus. */
  def = gtk_window_get_default_widget (GTK_WINDOW (window));
  g_assert_true (def == SIGN_IN_CHILD ("sign_in_button"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (def)), ==, "sign-in.sign-in");
  g_assert_true (has_focus (SIGN_IN_CHILD ("username_row")));

  /* Signed-out: the session actions are off. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "sign-out"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-account"));

  scc_test_save_screenshot (GTK_WIDGET (window), "sign-in.png");
}

static void
test_wrong_password (void)
{
  GtkWidget *password_row = SIGN_IN_CHILD ("password_row");
  GtkEditable *text;
  guint n_busy = 0;

  type_into ("username_row", "manager");
  type_into ("password_row", "not-my-password");

  /* Enter in the password field signs in (through the default button). */
  gtk_widget_grab_focus (password_row);
  text = gtk_editable_get_delegate (GTK_EDITABLE (password_row));
  g_assert_true (GTK_IS_TEXT (text));
  g_signal_emit_by_name (text, "activate");
  /* GtkButton emits clicked when its short press animation ends. */
  while (!scc_sign_in_vm_get_busy (scc_window_get_sign_in_vm (window)) && n_busy++ < 100)
    scc_test_run_for (20);
  scc_test_wait_until (sign_in_settled, NULL, 30);

  g_assert_cmpstr (scc_window_get_visible_page (window), ==, "sign-in");
  assert_field_error (password_row, SIGN_IN_CHILD ("password_error_label"), "Invalid username or password");
  assert_no_field_error (SIGN_IN_CHILD ("username_row"), SIGN_IN_CHILD ("username_error_label"));
  g_assert_false (gtk_widget_get_visible (SIGN_IN_CHILD ("error_label")));

  /* The keyboard is back in the password field, ready for another try. */
  g_assert_true (has_focus (password_row));

  scc_test_save_screenshot (GTK_WIDGET (window), "sign-in-error.png");

  /* Typing again clears the complaint. */
  type_into ("password_row", "another-try");
  assert_no_field_error (password_row, SIGN_IN_CHILD ("password_error_label"));
}

static void
test_empty_fields (void)
{
  sign_in_as ("", "");

  assert_field_error (SIGN_IN_CHILD ("username_row"), SIGN_IN_CHILD ("username_error_label"), "Must not be empty");
  assert_field_error (SIGN_IN_CHILD ("password_row"), SIGN_IN_CHILD ("password_error_label"), "Must not be empty");
  g_assert_true (has_focus (SIGN_IN_CHILD ("username_row")));
}

static void
test_bad_address (void)
{
  SccSignInVm *vm = scc_window_get_sign_in_vm (window);

  type_into ("url_row", "sendcase.example.org");
  sign_in_as ("manager", SC_TEST_DEMO_PASSWORD);

  /* Nothing was sent; the address is what is wrong. */
  g_assert_cmpstr (scc_window_get_visible_page (window), ==, "sign-in");
  assert_field_error (SIGN_IN_CHILD ("url_row"), SIGN_IN_CHILD ("server_error_label"),
                      "Must start with http:// or https://");
  g_assert_cmpstr (scc_sign_in_page_get_visible_face (scc_window_get_sign_in_page (window)), ==, "form");

  type_into ("url_row", sc_test_daemon_get_base_url (daemon_));
  g_assert_null (scc_sign_in_vm_get_server_error (vm));
  assert_no_field_error (SIGN_IN_CHILD ("url_row"), SIGN_IN_CHILD ("server_error_label"));
}

static void
test_unreachable (void)
{
  SccSignInPage *page = scc_window_get_sign_in_page (window);
  g_autofree char *closed = scc_test_closed_url ();
  g_autoptr(GSettings) settings = g_settings_new (SC_APP_ID);
  g_autofree char *saved = NULL;

  type_into ("url_row", closed);
  sign_in_as ("manager", SC_TEST_DEMO_PASSWORD);

  /* Signing in checked the server first, and says it cannot reach it. */
  g_assert_cmpstr (scc_sign_in_page_get_visible_face (page), ==, "problem");
  g_assert_cmpstr (scc_sign_in_page_get_status_text (page), ==, "Cannot reach the server");
  g_assert_cmpstr (scc_window_get_visible_page (window), ==, "sign-in");

  /* A usable address that was tried is remembered, even if it failed. */
  saved = g_settings_get_string (settings, "server-url");
  g_assert_cmpstr (saved, ==, closed);

  scc_test_save_screenshot (GTK_WIDGET (window), "sign-in-unreachable.png");

  /* Change Server Address goes back to the form, the reason beside the field. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign-in.edit-address", NULL));
  g_assert_cmpstr (scc_sign_in_page_get_visible_face (page), ==, "form");
  g_assert_true (gtk_widget_get_visible (SIGN_IN_CHILD ("server_error_label")));
  g_assert_true (has_focus (SIGN_IN_CHILD ("url_row")));

  /* Retry, once the address is right, connects. */
  type_into ("url_row", sc_test_daemon_get_base_url (daemon_));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign-in.retry", NULL));
  scc_test_wait_until (connection_settled, NULL, 30);
  g_assert_cmpstr (scc_sign_in_page_get_visible_face (page), ==, "form");
  g_assert_true (g_str_has_prefix (scc_sign_in_page_get_status_text (page), "Connected to sendcase"));
}

static gboolean
settings_hold_secret (GSettings  *settings,
                      const char *secret)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      if (strstr (text, secret) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_sign_in_manager (void)
{
  SccHomePage *home = scc_window_get_home_page (window);
  SccApiClient *client = scc_application_get_api_client (app);
  g_autoptr(GSettings) settings = g_settings_new (SC_APP_ID);
  GObject *user_button;
  GObject *name_label;
  GObject *role_label;

  sign_in_as ("manager", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_until (page_shown, (gpointer) "home", 10);

  g_assert_cmpstr (scc_home_page_get_welcome_text (home), ==, "Welcome, Tom Reilly");
  g_assert_cmpstr (scc_home_page_get_role_text (home), ==, "Team manager");

  /* The header bar's account menu names the user and their role. */
  user_button = gtk_widget_get_template_child (GTK_WIDGET (home), SCC_TYPE_HOME_PAGE, "user_button");
  name_label = gtk_widget_get_template_child (GTK_WIDGET (user_button), SCC_TYPE_USER_BUTTON, "name_label");
  role_label = gtk_widget_get_template_child (GTK_WIDGET (user_button), SCC_TYPE_USER_BUTTON, "role_label");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (name_label)), ==, "Tom Reilly");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (role_label)), ==, "Team manager");

  /* The password is gone from the form; the token is in memory only. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (SIGN_IN_CHILD ("password_row"))), ==, "");
  g_assert_nonnull (scc_api_client_get_token (client));
  g_assert_false (settings_hold_secret (settings, scc_api_client_get_token (client)));
  g_assert_false (settings_hold_secret (settings, SC_TEST_DEMO_PASSWORD));

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "sign-out"));

  scc_test_save_screenshot (GTK_WIDGET (window), "home.png");
}

static void
test_account (void)
{
  SccAccountPage *page = scc_window_get_account_page (window);
  SccChangePasswordVm *vm = scc_window_get_change_password_vm (window);
  static const char new_password[] = "tom-reilly-new-password-2026";

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-account", NULL);
  g_assert_cmpstr (scc_window_get_visible_page (window), ==, "account");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ACCOUNT_CHILD ("user_row"))), ==,
                   "Tom Reilly");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ACCOUNT_CHILD ("user_row"))), ==, "manager");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ACCOUNT_CHILD ("role_label"))), ==, "Team manager");
  /* Enter submits; the first field has the focus. */
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (window)) == ACCOUNT_CHILD ("change_button"));
  g_assert_true (has_focus (ACCOUNT_CHILD ("current_row")));

  scc_test_save_screenshot (GTK_WIDGET (window), "account.png");

  /* The repetition is checked before anything is sent. */
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT_CHILD ("current_row")), SC_TEST_DEMO_PASSWORD);
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT_CHILD ("new_row")), new_password);
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT_CHILD ("repeat_row")), "tom-reilly-new-pasword-2026");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "account.change-password", NULL));
  g_assert_false (scc_change_password_vm_get_busy (vm));
  assert_field_error (ACCOUNT_CHILD ("repeat_row"), ACCOUNT_CHILD ("repeat_error_label"),
                      "Does not match the new password");

  /* The server's rules come back beside their fields. */
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT_CHILD ("current_row")), "not-my-password");
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT_CHILD ("repeat_row")), new_password);
  assert_no_field_error (ACCOUNT_CHILD ("repeat_row"), ACCOUNT_CHILD ("repeat_error_label"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "account.change-password", NULL));
  scc_test_wait_until (password_settled, NULL, 30);
  assert_field_error (ACCOUNT_CHILD ("current_row"), ACCOUNT_CHILD ("current_error_label"),
                      "Is not your current password");

  /* And the right one changes it: the form empties. */
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT_CHILD ("current_row")), SC_TEST_DEMO_PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "account.change-password", NULL));
  scc_test_wait_until (password_settled, NULL, 30);
  assert_no_field_error (ACCOUNT_CHILD ("current_row"), ACCOUNT_CHILD ("current_error_label"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ACCOUNT_CHILD ("new_row"))), ==, "");
  g_assert_false (scc_change_password_vm_get_has_input (vm));
  g_free (sc_test_sign_in (daemon_, "manager", new_password));
  assert_toast ("Your password has been changed");

  /* Back goes home. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-home", NULL);
  g_assert_cmpstr (scc_window_get_visible_page (window), ==, "home");
}

static void
test_sign_out (void)
{
  SccApiClient *client = scc_application_get_api_client (app);
  SccSignInVm *vm = scc_window_get_sign_in_vm (window);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.sign-out");
  g_auto(GStrv) titles = NULL;
  GdkModifierType modifiers;
  guint key;

  /* Typed but not submitted: must not survive a sign-out. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-account", NULL);
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT_CHILD ("current_row")), "typed-then-left");

  g_assert_nonnull (accels[0]);
  g_assert_true (gtk_accelerator_parse (accels[0], &key, &modifiers));
  g_assert_cmpuint (key, ==, GDK_KEY_q);
  g_assert_cmpuint (modifiers, ==, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_action_group_activate_action (G_ACTION_GROUP (window), "sign-out", NULL);

  g_assert_cmpstr (scc_window_get_visible_page (window), ==, "sign-in");
  g_assert_false (scc_api_client_get_signed_in (client));
  g_assert_null (scc_api_client_get_token (client));
  g_assert_cmpstr (scc_sign_in_vm_get_username (vm), ==, "");
  g_assert_null (scc_sign_in_vm_get_expired_message (vm));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ACCOUNT_CHILD ("current_row"))), ==, "");
  g_assert_null (scc_home_page_get_user (scc_window_get_home_page (window)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "sign-out"));
  g_assert_true (has_focus (SIGN_IN_CHILD ("username_row")));

  /* Only the sign-out's toast: the old session's news went with it. */
  assert_toast ("Signed out");
  titles = scc_window_dup_toast_titles (window);
  g_assert_cmpuint (g_strv_length (titles), ==, 1);
  scc_window_dismiss_toasts (window);

  /* Let the server hear of it before the next test. */
  scc_test_run_for (200);
}

static void
test_app_actions (void)
{
  g_auto(GStrv) quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_before = g_list_model_get_n_items (toplevels);
  GtkWindow *about = NULL;

  g_assert_true (g_strv_contains ((const char * const *) quit_accels, "<Control>q"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));

  /* app.about opens an AdwAboutWindow over the main window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (toplevel))
        about = toplevel;
    }
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  gtk_window_destroy (about);

  /* The keyboard shortcuts window comes from the resources. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
}

static void
test_degraded (void)
{
  SccSignInPage *page = scc_window_get_sign_in_page (window);

  scc_test_stop_database (data_dir);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign-in.retry", NULL));
  scc_test_wait_until (connection_settled, NULL, 30);

  g_assert_cmpstr (scc_sign_in_page_get_visible_face (page), ==, "problem");
  g_assert_cmpstr (scc_sign_in_page_get_status_text (page), ==, "Server reachable, database unavailable");

  scc_test_save_screenshot (GTK_WIDGET (window), "sign-in-degraded.png");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* In this order: each starts where the one before left the window. */
  g_test_add_func ("/client/sign-in-page/renders", test_renders);
  g_test_add_func ("/client/sign-in-page/wrong-password", test_wrong_password);
  g_test_add_func ("/client/sign-in-page/empty-fields", test_empty_fields);
  g_test_add_func ("/client/sign-in-page/bad-address", test_bad_address);
  g_test_add_func ("/client/sign-in-page/unreachable", test_unreachable);
  g_test_add_func ("/client/session/sign-in-manager", test_sign_in_manager);
  g_test_add_func ("/client/session/account", test_account);
  g_test_add_func ("/client/session/sign-out", test_sign_out);
  g_test_add_func ("/client/window/app-actions", test_app_actions);
  /* Last: it stops the database. */
  g_test_add_func ("/client/window/server-degraded", test_degraded);

  data_dir = sc_test_make_tmpdir ("scc-page-XXXXXX");
  daemon_ = sc_test_daemon_spawn ((const char *[]) { "--data-dir", data_dir, "--demo-data", NULL }, &error);
  g_assert_no_error (error);

  /* GSETTINGS_BACKEND=memory: this is the address the window will find. */
  settings = g_settings_new (SC_APP_ID);
  g_settings_set_string (settings, "server-url", sc_test_daemon_get_base_url (daemon_));

  /* Not unique: the GTK tests run side by side on one session bus. */
  app = scc_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = SCC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  g_clear_object (&app);

  if (status != 0)
    {
      g_autofree char *log = sc_test_daemon_dup_log (daemon_);
      g_printerr ("sendcased log:\n%s\n", log);
    }
  sc_test_daemon_stop (daemon_);
  g_clear_pointer (&daemon_, sc_test_daemon_free);
  sc_test_rm_rf (data_dir);
  g_clear_pointer (&data_dir, g_free);

  return status;
}
