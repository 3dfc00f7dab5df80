/* test-offline.c
 *
 * The server going away and coming back, in the real window under Xvfb,
 * with the real sendcased stopped (SIGTERM) and started again on the same
 * port and data directory:
 *
 *  - signed in, on the account page: the daemon stops; submitting the
 *    password form fails with "could not be reached", and that failure
 *    makes the connection check at once, so the offline banner shows
 *    without waiting for the next check. The daemon comes back: the banner
 *    goes by itself, the user still signed in, the input still there, and
 *    Retry then changes the password.
 *  - signed out, on the sign-in page: the daemon stops; with nobody doing
 *    anything, the next check shows "Cannot Reach the Server" instead of a
 *    stale "Connected", and the address field is not marked as wrong. The
 *    daemon comes back: the form returns by itself, "Connected".
 *
 * Saves docs/screenshots/offline-banner.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-test-daemon.h"

#include "scc-client-test.h"
#include "scc-offline-banner.h"
#include "scc-window-test.h"

static ScTestDaemon *daemon_;
static char *data_dir;
static char *base_url;

#define window scc_test_window

static void
stop_daemon (void)
{
  g_assert_cmpint (sc_test_daemon_stop (daemon_), ==, 0);
  g_clear_pointer (&daemon_, sc_test_daemon_free);
}

static void
start_daemon (void)
{
  daemon_ = scc_test_restart_daemon (base_url, (const char *[]) { "--data-dir", data_dir, "--demo-data", NULL });
}

static SccOfflineBanner *
find_banner (GtkWidget *widget)
{
  if (SCC_IS_OFFLINE_BANNER (widget))
    return SCC_OFFLINE_BANNER (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      SccOfflineBanner *found = find_banner (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
banner_is (gpointer user_data)
{
  gpointer *args = user_data;

  return scc_offline_banner_get_revealed (args[0]) == GPOINTER_TO_INT (args[1]);
}

static void
wait_for_banner (SccOfflineBanner *banner,
                 gboolean          revealed,
                 guint             timeout_seconds)
{
  gpointer args[] = { banner, GINT_TO_POINTER (revealed) };

  scc_test_wait_until (banner_is, args, timeout_seconds);
}

static gboolean
face_is (gpointer user_data)
{
  SccSignInPage *page = SCC_SIGN_IN_PAGE (scc_test_page ("sign-in"));

  return g_strcmp0 (scc_sign_in_page_get_visible_face (page), user_data) == 0;
}

static void
test_banner (void)
{
  SccApiClient *client = scc_application_get_api_client (scc_test_app);
  SccPage *account = scc_test_page ("account");
  SccFormVm *form = scc_test_form ("account");
  SccOfflineBanner *banner = find_banner (GTK_WIDGET (account));
  SccOfflineBanner *home_banner = find_banner (GTK_WIDGET (scc_test_page ("home")));
  static const char new_password[] = "a-password-for-bad-days";
  gint64 restarted_at;

  g_assert_nonnull (banner);
  scc_test_sign_in_as ("caseworker", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("caseload");
  g_assert_false (scc_offline_banner_get_revealed (home_banner));

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_string ("account"));
  scc_test_type_into ("account", "current_row", SC_TEST_DEMO_PASSWORD);
  scc_test_type_into ("account", "new_row", new_password);
  scc_test_type_into ("account", "repeat_row", new_password);

  /* The server goes; no check is due for 30 s, but the failed request
   * asks at once. */
  stop_daemon ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (account), "account.submit", NULL));
  scc_test_wait_form (form);
  g_assert_true (g_str_has_prefix (scc_form_vm_get_error_message (form),
                                   "Your password has not been changed: the server could not be reached"));
  g_assert_true (scc_form_vm_get_can_retry (form));
  scc_test_assert_toast ("Your password has not been changed");
  wait_for_banner (banner, TRUE, 5);
  g_assert_true (g_str_has_prefix (scc_offline_banner_get_text (banner), "The server cannot be reached."));
  /* Every signed-in page says so, and the user is still signed in. */
  g_assert_true (scc_offline_banner_get_revealed (home_banner));
  g_assert_true (scc_api_client_get_signed_in (client));

  /* The picture for the guide: home, with the banner. */
  scc_window_dismiss_toasts (window);
  g_action_group_activate_action (G_ACTION_GROUP (window), "go-back", NULL);
  scc_test_save_screenshot (GTK_WIDGET (window), "offline-banner.png");
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_string ("account"));
  g_assert_cmpstr (scc_window_get_visible_page (window), ==, "account");

  /* Back, and the banner goes by itself (checks after 2, 4 ... s). */
  start_daemon ();
  restarted_at = g_get_monotonic_time ();
  wait_for_banner (banner, FALSE, 15);
  g_test_message ("banner gone %" G_GINT64_FORMAT " ms after the restart",
                  (g_get_monotonic_time () - restarted_at) / 1000);
  g_assert_false (scc_offline_banner_get_revealed (home_banner));

  /* Nothing was lost: the session, the input; the toast's Retry (the
   * window's page-action, as its button activates it) goes through. */
  g_assert_true (scc_api_client_get_signed_in (client));
  g_assert_cmpstr (gtk_editable_get_text (scc_test_entry ("account", "new_row")), ==, new_password);
  g_action_group_activate_action (G_ACTION_GROUP (window), "page-action",
                                  g_variant_new ("(ss)", "account", "account.retry"));
  g_assert_true (scc_form_vm_get_busy (form));
  scc_test_wait_form (form);
  g_assert_cmpstr (scc_form_vm_get_notice (form), ==, "Your password has been changed.");
  g_free (sc_test_sign_in (daemon_, "caseworker", new_password));

  g_action_group_activate_action (G_ACTION_GROUP (window), "sign-out", NULL);
  scc_window_dismiss_toasts (window);
  scc_test_run_for (200);
}

static void
test_sign_in_page (void)
{
  SccSignInPage *page = SCC_SIGN_IN_PAGE (scc_test_page ("sign-in"));
  SccConnectionVm *connection = scc_window_get_connection (window);

  g_assert_cmpstr (scc_window_get_visible_page (window), ==, "sign-in");
  g_assert_cmpstr (scc_sign_in_page_get_visible_face (page), ==, "form");

  /* Check every second while up (30 s by default), so this test need not
   * wait half a minute. */
  g_object_set (connection, "up-interval", 1, NULL);
  scc_connection_vm_check_now (connection);
  scc_test_wait_connection ();

  /* The server stops; nobody does anything; the page notices. */
  stop_daemon ();
  scc_test_wait_until (face_is, (gpointer) "problem", 10);
  g_assert_cmpstr (scc_sign_in_page_get_status_text (page), ==, "Cannot reach the server");
  g_assert_true (scc_test_has_focus (scc_test_child ("sign-in", "retry_button")));

  /* The address is right: the field is not blamed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "connection.edit-address", NULL));
  scc_test_assert_no_field_error ("sign-in", "url_row");
  g_assert_cmpstr (gtk_editable_get_text (scc_test_entry ("sign-in", "url_row")), ==, base_url);
  gtk_widget_activate_action (GTK_WIDGET (page), "connection.retry", NULL);
  scc_test_wait_connection ();
  g_assert_cmpstr (scc_sign_in_page_get_visible_face (page), ==, "problem");

  /* It comes back, and so does the form, by itself. */
  start_daemon ();
  scc_test_wait_until (face_is, (gpointer) "form", 15);
  g_assert_true (g_str_has_prefix (scc_sign_in_page_get_status_text (page), "Connected to sendcase"));
  scc_test_assert_no_field_error ("sign-in", "url_row");
  g_assert_true (scc_test_has_focus (scc_test_child ("sign-in", "username_row")));
}

/* the address the daemon comes back at after each restart */
static void
started (const char *url)
{
  base_url = g_strdup (url);
  scc_window_test_start (url);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/client/offline/banner", test_banner);
  g_test_add_func ("/client/offline/sign-in-page", test_sign_in_page);

  return scc_test_run_with_daemon ("scc-offline-XXXXXX", (const char *[]) { "--demo-data", NULL }, started,
                                   scc_window_test_stop, &daemon_, &data_dir);
}
