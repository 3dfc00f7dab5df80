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
 *  - the same, but someone else signs in: they start where their role
 *    starts (a caseworker at their caseload), and the
 *    previous user's input is gone.
 *
 * Saves docs/screenshots/session-expired.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-test-daemon.h"

#include "scc-client-test.h"
#include "scc-window-test.h"

static ScTestDaemon *daemon_;
static char *data_dir;

#define window scc_test_window

static const char *
text_of (const char *page,
         const char *row)
{
  return gtk_editable_get_text (scc_test_entry (page, row));
}

/* Signs in as @username, types into the Change Password form, lets the
 * session idle out, and submits. */
static void
type_and_let_the_session_end (const char *username)
{
  scc_test_sign_in_as (username, SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("home");

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_string ("account"));
  g_assert_cmpstr (scc_window_get_visible_page (window), ==, "account");
  scc_test_type_into ("account", "current_row", SC_TEST_DEMO_PASSWORD);
  scc_test_type_into ("account", "new_row", "a-new-password-for-2027");
  scc_test_type_into ("account", "repeat_row", "a-new-password-for-2027");

  /* Idle for longer than the daemon allows. */
  scc_test_run_for (3000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scc_test_page ("account")), "account.submit", NULL));
  scc_test_wait_form (scc_test_form ("account"));
}

static void
test_resume (void)
{
  SccApiClient *client = scc_application_get_api_client (scc_test_app);
  GtkWidget *password_row = scc_test_child ("sign-in", "password_row");

  type_and_let_the_session_end ("manager");

  /* Back at sign-in, told why, with the username filled in. */
  g_assert_cmpstr (scc_window_get_visible_page (window), ==, "sign-in");
  g_assert_false (scc_api_client_get_signed_in (client));
  g_assert_true (gtk_widget_get_visible (scc_test_child ("sign-in", "expired_box")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (scc_test_child ("sign-in", "expired_label"))), ==,
                   "Your session has ended. Sign in again to continue.");
  g_assert_cmpstr (text_of ("sign-in", "username_row"), ==, "manager");
  g_assert_cmpstr (text_of ("sign-in", "password_row"), ==, "");
  g_assert_true (scc_test_has_focus (password_row));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "sign-out"));

  /* What was typed is still in the form, which says it was not saved. */
  g_assert_cmpstr (text_of ("account", "new_row"), ==, "a-new-password-for-2027");
  g_assert_nonnull (scc_form_vm_get_notice (scc_test_form ("account")));

  scc_test_save_screenshot (GTK_WIDGET (window), "session-expired.png");

  /* The same user signs in again: back to Account, input intact, told to
   * submit again. */
  scc_test_type_into ("sign-in", "password_row", SC_TEST_DEMO_PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scc_test_page ("sign-in")), "sign-in.submit", NULL));
  scc_test_wait_form (scc_test_form ("sign-in"));
  scc_test_wait_page ("account");

  g_assert_cmpstr (text_of ("account", "current_row"), ==, SC_TEST_DEMO_PASSWORD);
  g_assert_cmpstr (text_of ("account", "new_row"), ==, "a-new-password-for-2027");
  g_assert_cmpstr (text_of ("account", "repeat_row"), ==, "a-new-password-for-2027");
  g_assert_true (gtk_widget_get_visible (scc_test_child ("account", "notice_box")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (scc_test_child ("account", "notice_label"))),
                            "Submit the form again"));
  g_assert_false (gtk_widget_get_visible (scc_test_child ("sign-in", "expired_box")));
  /* Enter submits what is there. */
  g_assert_true (scc_test_has_focus (scc_test_child ("account", "change_button")));

  scc_test_save_screenshot (GTK_WIDGET (window), "account-resumed.png");
}

static void
test_other_user (void)
{
  SccFormVm *form = scc_test_form ("account");

  type_and_let_the_session_end ("manager");
  g_assert_cmpstr (scc_window_get_visible_page (window), ==, "sign-in");
  g_assert_true (scc_form_vm_get_has_input (form));

  /* Someone else signs in on this computer: nothing of the form survives,
   * and they start where their role starts (a caseworker: the caseload). */
  scc_test_sign_in_as ("caseworker", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("caseload");

  g_assert_cmpstr (scc_home_page_get_welcome_text (SCC_HOME_PAGE (scc_test_page ("home"))), ==,
                   "Welcome, Asha Patel");
  g_assert_false (scc_form_vm_get_has_input (form));
  g_assert_null (scc_form_vm_get_notice (form));
  g_assert_cmpstr (text_of ("account", "new_row"), ==, "");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (scc_test_child ("account", "user_row"))), ==,
                   "caseworker");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/client/session-expiry/resume", test_resume);
  g_test_add_func ("/client/session-expiry/other-user", test_other_user);

  return scc_test_run_with_daemon ("scc-expiry-XXXXXX", (const char *[]) { "--demo-data", "--session-idle-timeout", "2s", NULL }, scc_window_test_start,
                                   scc_window_test_stop, &daemon_, &data_dir);
}
