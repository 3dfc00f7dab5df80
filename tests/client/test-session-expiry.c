/* test-session-expiry.c
 *
 * An ended session, in the real window under Xvfb, against a sendcased
 * whose sessions end after 2 s idle (--session-idle-timeout 2s):
 *
 *  - manager signs in, opens Account, types into the Change Password form,
 *    waits 3 s and submits: the window goes back to sign-in saying "Your
 *    session has ended. Sign in again to continue.", with the username
 *    filled in and the focus in the password field; the typed input is
 *    still in the form. Signing in again as manager goes back to Account
 *    with the input as it was and a notice to submit again.
 *  - the same, but someone else signs in: they start at home, and the
 *    previous user's input is gone.
 *
 * Saves docs/screenshots/session-expired.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-test-daemon.h"

#include "scc-application.h"
#include "scc-client-test.h"
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

static const char *
text_of (GtkWidget *editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
sign_in_as (const char *username,
            const char *password)
{
  gtk_editable_set_text (GTK_EDITABLE (SIGN_IN_CHILD ("username_row")), username);
  gtk_editable_set_text (GTK_EDITABLE (SIGN_IN_CHILD ("password_row")), password);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scc_window_get_sign_in_page (window)),
                                             "sign-in.sign-in", NULL));
  scc_test_wait_until (sign_in_settled, NULL, 30);
}

/* Signs in as @username, types into the Change Password form, lets the
 * session idle out, and submits. */
static void
type_and_let_the_session_end (const char *username)
{
  sign_in_as (username, SC_TEST_DEMO_PASSWORD);
  scc_test_wait_until (page_shown, (gpointer) "home", 10);

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-account", NULL);
  g_assert_cmpstr (scc_window_get_visible_page (window), ==, "account");
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT_CHILD ("current_row")), SC_TEST_DEMO_PASSWORD);
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT_CHILD ("new_row")), "a-new-password-for-2027");
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT_CHILD ("repeat_row")), "a-new-password-for-2027");

  /* Idle for longer than the daemon allows. */
  scc_test_run_for (3000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scc_window_get_account_page (window)),
                                             "account.change-password", NULL));
  scc_test_wait_until (password_settled, NULL, 30);
}

static void
test_resume (void)
{
  SccApiClient *client = scc_application_get_api_client (app);
  GtkWidget *password_row = SIGN_IN_CHILD ("password_row");

  scc_test_wait_until (connection_settled, NULL, 30);
  type_and_let_the_session_end ("manager");

  /* Back at sign-in, told why, with the username filled in. */
  g_assert_cmpstr (scc_window_get_visible_page (window), ==, "sign-in");
  g_assert_false (scc_api_client_get_signed_in (client));
  g_assert_true (gtk_widget_get_visible (SIGN_IN_CHILD ("expired_box")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (SIGN_IN_CHILD ("expired_label"))), ==,
                   "Your session has ended. Sign in again to continue.");
  g_assert_cmpstr (text_of (SIGN_IN_CHILD ("username_row")), ==, "manager");
  g_assert_cmpstr (text_of (password_row), ==, "");
  g_assert_true (has_focus (password_row));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-account"));

  /* What was typed is still in the form, which says it was not saved. */
  g_assert_cmpstr (text_of (ACCOUNT_CHILD ("new_row")), ==, "a-new-password-for-2027");
  g_assert_nonnull (scc_change_password_vm_get_notice (scc_window_get_change_password_vm (window)));

  scc_test_save_screenshot (GTK_WIDGET (window), "session-expired.png");

  /* The same user signs in again: back to Account, input intact, told to
   * submit again. */
  gtk_editable_set_text (GTK_EDITABLE (password_row), SC_TEST_DEMO_PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scc_window_get_sign_in_page (window)),
                                             "sign-in.sign-in", NULL));
  scc_test_wait_until (sign_in_settled, NULL, 30);
  scc_test_wait_until (page_shown, (gpointer) "account", 10);

  g_assert_cmpstr (text_of (ACCOUNT_CHILD ("current_row")), ==, SC_TEST_DEMO_PASSWORD);
  g_assert_cmpstr (text_of (ACCOUNT_CHILD ("new_row")), ==, "a-new-password-for-2027");
  g_assert_cmpstr (text_of (ACCOUNT_CHILD ("repeat_row")), ==, "a-new-password-for-2027");
  g_assert_true (gtk_widget_get_visible (ACCOUNT_CHILD ("notice_box")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (ACCOUNT_CHILD ("notice_label"))),
                            "Submit the form again"));
  g_assert_false (gtk_widget_get_visible (SIGN_IN_CHILD ("expired_box")));
  /* Enter submits what is there. */
  g_assert_true (has_focus (ACCOUNT_CHILD ("change_button")));

  scc_test_save_screenshot (GTK_WIDGET (window), "account-resumed.png");
}

static void
test_other_user (void)
{
  SccChangePasswordVm *vm = scc_window_get_change_password_vm (window);

  type_and_let_the_session_end ("manager");
  g_assert_cmpstr (scc_window_get_visible_page (window), ==, "sign-in");
  g_assert_true (scc_change_password_vm_get_has_input (vm));

  /* Someone else signs in on this computer: nothing of the form survives. */
  sign_in_as ("caseworker", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_until (page_shown, (gpointer) "home", 10);

  g_assert_cmpstr (scc_home_page_get_welcome_text (scc_window_get_home_page (window)), ==, "Welcome, Asha Patel");
  g_assert_false (scc_change_password_vm_get_has_input (vm));
  g_assert_null (scc_change_password_vm_get_notice (vm));
  g_assert_cmpstr (text_of (ACCOUNT_CHILD ("new_row")), ==, "");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ACCOUNT_CHILD ("user_row"))), ==, "caseworker");
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

  g_test_add_func ("/client/session-expiry/resume", test_resume);
  g_test_add_func ("/client/session-expiry/other-user", test_other_user);

  data_dir = sc_test_make_tmpdir ("scc-expiry-XXXXXX");
  daemon_ = sc_test_daemon_spawn ((const char *[]) { "--data-dir", data_dir, "--demo-data",
                                                     "--session-idle-timeout", "2s", NULL },
                                  &error);
  g_assert_no_error (error);

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
