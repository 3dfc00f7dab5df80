/* test-sign-in-vm.c
 *
 * SccSignInVm without a display, against the real sendcased with its demo
 * users (--demo-data) and a lockout after 3 failures (--lockout-failures 3,
 * so the lockout test is quick): signing in; a wrong password beside the
 * password; empty fields beside both fields, in the server's words; an
 * unreachable server and a bad address beside the server field; the lockout
 * as a message with the wait; the ended-session message and reset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-error.h"
#include "sc-test-daemon.h"

#include "scc-api-client.h"
#include "scc-client-test.h"
#include "scc-sign-in-vm.h"

static ScTestDaemon *daemon_;  /* shared by the tests of this binary */

typedef struct
{
  SccApiClient *client;
  SccSignInVm  *vm;
  SccSession   *signed_in;     /* from ::signed-in */
  guint         n_signed_in;
} Fixture;

static void
on_signed_in_cb (SccSignInVm *vm,
                 SccSession  *session,
                 Fixture     *fixture)
{
  fixture->n_signed_in++;
  g_set_object (&fixture->signed_in, session);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->client = scc_api_client_new (NULL);
  fixture->vm = scc_sign_in_vm_new (fixture->client);
  g_signal_connect (fixture->vm, "signed-in", G_CALLBACK (on_signed_in_cb), fixture);
  scc_sign_in_vm_set_server_url (fixture->vm, sc_test_daemon_get_base_url (daemon_));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->signed_in);
  g_assert_finalize_object (fixture->vm);
  g_assert_finalize_object (fixture->client);
}

static gboolean
vm_settled (gpointer user_data)
{
  return !scc_sign_in_vm_get_busy (SCC_SIGN_IN_VM (user_data));
}

static gboolean
connection_settled (gpointer user_data)
{
  return !scc_connection_vm_get_busy (SCC_CONNECTION_VM (user_data));
}

/* Fills in the form and signs in, as the page would; waits for the end. */
static void
sign_in (Fixture    *fixture,
         const char *username,
         const char *password)
{
  scc_sign_in_vm_set_username (fixture->vm, username);
  scc_sign_in_vm_set_password (fixture->vm, password);
  g_assert_true (scc_sign_in_vm_sign_in (fixture->vm));
  g_assert_true (scc_sign_in_vm_get_busy (fixture->vm));
  scc_test_wait_until (vm_settled, fixture->vm, 30);
}

static void
test_success (Fixture       *fixture,
              gconstpointer  user_data)
{
  SccUser *user;

  sign_in (fixture, "manager", SC_TEST_DEMO_PASSWORD);

  g_assert_cmpuint (fixture->n_signed_in, ==, 1);
  user = scc_session_get_user (fixture->signed_in);
  g_assert_cmpstr (scc_user_get_full_name (user), ==, "Tom Reilly");
  g_assert_cmpstr (scc_user_get_role_title (user), ==, "Team manager");

  /* The API client holds the session; the view model no longer holds the
   * password; nothing is wrong. */
  g_assert_true (scc_api_client_get_session (fixture->client) == fixture->signed_in);
  g_assert_cmpstr (scc_sign_in_vm_get_password (fixture->vm), ==, "");
  g_assert_cmpstr (scc_sign_in_vm_get_username (fixture->vm), ==, "manager");
  g_assert_null (scc_sign_in_vm_get_error_message (fixture->vm));
  g_assert_null (scc_sign_in_vm_get_username_error (fixture->vm));
  g_assert_null (scc_sign_in_vm_get_password_error (fixture->vm));
  g_assert_null (scc_sign_in_vm_get_server_error (fixture->vm));
  g_assert_false (scc_sign_in_vm_get_can_retry (fixture->vm));

  /* Signing in checked the server first: its version is known. */
  g_assert_cmpint (scc_connection_vm_get_state (scc_sign_in_vm_get_connection (fixture->vm)), ==,
                   SCC_CONNECTION_STATE_CONNECTED);
  g_assert_cmpstr (scc_connection_vm_get_version (scc_sign_in_vm_get_connection (fixture->vm)), ==,
                   PACKAGE_VERSION);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  user_data)
{
  sign_in (fixture, "caseworker", "not-the-password");

  g_assert_cmpuint (fixture->n_signed_in, ==, 0);
  g_assert_false (scc_api_client_get_signed_in (fixture->client));
  g_assert_cmpstr (scc_sign_in_vm_get_password_error (fixture->vm), ==, "invalid username or password");
  g_assert_null (scc_sign_in_vm_get_username_error (fixture->vm));
  g_assert_null (scc_sign_in_vm_get_error_message (fixture->vm));
  g_assert_false (scc_sign_in_vm_get_can_retry (fixture->vm));
  /* The typed password stays, to be corrected. */
  g_assert_cmpstr (scc_sign_in_vm_get_password (fixture->vm), ==, "not-the-password");

  /* Typing a new password takes the complaint away. */
  scc_sign_in_vm_set_password (fixture->vm, SC_TEST_DEMO_PASSWORD);
  g_assert_null (scc_sign_in_vm_get_password_error (fixture->vm));

  g_assert_true (scc_sign_in_vm_sign_in (fixture->vm));
  scc_test_wait_until (vm_settled, fixture->vm, 30);
  g_assert_cmpuint (fixture->n_signed_in, ==, 1);
}

static void
test_empty_fields (Fixture       *fixture,
                   gconstpointer  user_data)
{
  /* Sent as they are: the server says what is missing. */
  sign_in (fixture, "", "");

  g_assert_cmpuint (fixture->n_signed_in, ==, 0);
  g_assert_cmpstr (scc_sign_in_vm_get_username_error (fixture->vm), ==, "must not be empty");
  g_assert_cmpstr (scc_sign_in_vm_get_password_error (fixture->vm), ==, "must not be empty");
  g_assert_null (scc_sign_in_vm_get_error_message (fixture->vm));

  /* Each goes when its field is edited. */
  scc_sign_in_vm_set_username (fixture->vm, "caseworker");
  g_assert_null (scc_sign_in_vm_get_username_error (fixture->vm));
  g_assert_nonnull (scc_sign_in_vm_get_password_error (fixture->vm));
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *closed = scc_test_closed_url ();

  scc_sign_in_vm_set_server_url (fixture->vm, closed);
  sign_in (fixture, "manager", SC_TEST_DEMO_PASSWORD);

  g_assert_cmpuint (fixture->n_signed_in, ==, 0);
  g_assert_nonnull (scc_sign_in_vm_get_server_error (fixture->vm));
  g_assert_null (scc_sign_in_vm_get_password_error (fixture->vm));
  g_assert_cmpint (scc_connection_vm_get_state (scc_sign_in_vm_get_connection (fixture->vm)), ==,
                   SCC_CONNECTION_STATE_UNREACHABLE);
  /* Nothing of the credentials went anywhere. */
  g_assert_false (scc_api_client_get_signed_in (fixture->client));

  /* The right address takes the complaint away, and signs in. */
  scc_sign_in_vm_set_server_url (fixture->vm, sc_test_daemon_get_base_url (daemon_));
  g_assert_null (scc_sign_in_vm_get_server_error (fixture->vm));
  g_assert_true (scc_sign_in_vm_sign_in (fixture->vm));
  scc_test_wait_until (vm_settled, fixture->vm, 30);
  g_assert_cmpuint (fixture->n_signed_in, ==, 1);
}

static void
test_server_gone (Fixture       *fixture,
                  gconstpointer  user_data)
{
  SccConnectionVm *connection = scc_sign_in_vm_get_connection (fixture->vm);
  g_autofree char *closed = scc_test_closed_url ();

  /* The server was checked, then went away: the sign-in itself fails to
   * connect, which is the server field's business, and may be retried. */
  scc_connection_vm_connect (connection);
  scc_test_wait_until (connection_settled, connection, 30);
  g_assert_cmpint (scc_connection_vm_get_state (connection), ==, SCC_CONNECTION_STATE_CONNECTED);

  scc_api_client_set_base_url (fixture->client, closed);
  sign_in (fixture, "manager", SC_TEST_DEMO_PASSWORD);

  g_assert_cmpuint (fixture->n_signed_in, ==, 0);
  g_assert_nonnull (scc_sign_in_vm_get_server_error (fixture->vm));
  g_assert_true (scc_sign_in_vm_get_can_retry (fixture->vm));
}

static void
test_bad_address (Fixture       *fixture,
                  gconstpointer  user_data)
{
  scc_sign_in_vm_set_server_url (fixture->vm, "sendcase.example.org");
  scc_sign_in_vm_set_username (fixture->vm, "manager");
  scc_sign_in_vm_set_password (fixture->vm, SC_TEST_DEMO_PASSWORD);

  /* Refused before anything is sent. */
  g_assert_false (scc_sign_in_vm_sign_in (fixture->vm));
  g_assert_false (scc_sign_in_vm_get_busy (fixture->vm));
  g_assert_cmpstr (scc_sign_in_vm_get_server_error (fixture->vm), ==, "must start with http:// or https://");
  g_assert_null (scc_api_client_get_base_url (fixture->client));
}

static void
test_lockout (Fixture       *fixture,
              gconstpointer  user_data)
{
  /* The daemon locks a username out after 3 failures (for its default
   * window of 15 minutes). */
  for (guint i = 1; i <= 6; i++)
    {
      sign_in (fixture, "officer", "guessing-the-password");
      g_test_message ("attempt %u: password-error %s, error-message %s", i,
                      scc_sign_in_vm_get_password_error (fixture->vm),
                      scc_sign_in_vm_get_error_message (fixture->vm));

      if (i <= 3)
        {
          g_assert_cmpstr (scc_sign_in_vm_get_password_error (fixture->vm), ==, "invalid username or password");
          g_assert_null (scc_sign_in_vm_get_error_message (fixture->vm));
        }
      else
        {
          g_assert_null (scc_sign_in_vm_get_password_error (fixture->vm));
          g_assert_cmpstr (scc_sign_in_vm_get_error_message (fixture->vm), ==,
                           "Too many failed attempts to sign in. Try again in 15 minutes.");
          /* Waiting is the point: no Retry. */
          g_assert_false (scc_sign_in_vm_get_can_retry (fixture->vm));
        }
    }

  /* Even the right password waits. */
  sign_in (fixture, "officer", SC_TEST_DEMO_PASSWORD);
  g_assert_cmpuint (fixture->n_signed_in, ==, 0);
  g_assert_nonnull (scc_sign_in_vm_get_error_message (fixture->vm));
}

static void
test_session_ended (Fixture       *fixture,
                    gconstpointer  user_data)
{
  scc_sign_in_vm_set_password (fixture->vm, "half-typed");
  scc_sign_in_vm_session_ended (fixture->vm, "caseworker");

  g_assert_cmpstr (scc_sign_in_vm_get_expired_message (fixture->vm), ==,
                   "Your session has ended. Sign in again to continue.");
  g_assert_cmpstr (scc_sign_in_vm_get_username (fixture->vm), ==, "caseworker");
  g_assert_cmpstr (scc_sign_in_vm_get_password (fixture->vm), ==, "");

  /* The message stays through a failed attempt, and goes with success. */
  sign_in (fixture, "caseworker", "not-the-password");
  g_assert_nonnull (scc_sign_in_vm_get_expired_message (fixture->vm));
  scc_sign_in_vm_set_password (fixture->vm, SC_TEST_DEMO_PASSWORD);
  g_assert_true (scc_sign_in_vm_sign_in (fixture->vm));
  scc_test_wait_until (vm_settled, fixture->vm, 30);
  g_assert_cmpuint (fixture->n_signed_in, ==, 1);
  g_assert_null (scc_sign_in_vm_get_expired_message (fixture->vm));

  /* After signing out: an empty form, the server address kept. */
  scc_sign_in_vm_reset (fixture->vm);
  g_assert_cmpstr (scc_sign_in_vm_get_username (fixture->vm), ==, "");
  g_assert_cmpstr (scc_sign_in_vm_get_server_url (fixture->vm), ==, sc_test_daemon_get_base_url (daemon_));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  scc_sign_in_vm_set_username (fixture->vm, "manager");
  scc_sign_in_vm_set_password (fixture->vm, SC_TEST_DEMO_PASSWORD);
  g_assert_true (scc_sign_in_vm_sign_in (fixture->vm));
  /* A second press while busy does nothing. */
  g_assert_false (scc_sign_in_vm_sign_in (fixture->vm));
  scc_sign_in_vm_cancel (fixture->vm);
  g_assert_false (scc_sign_in_vm_get_busy (fixture->vm));

  scc_test_run_for (300);
  g_assert_cmpuint (fixture->n_signed_in, ==, 0);
  g_assert_false (scc_api_client_get_signed_in (fixture->client));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/client/sign-in-vm/success", test_success);
  ADD ("/client/sign-in-vm/wrong-password", test_wrong_password);
  ADD ("/client/sign-in-vm/empty-fields", test_empty_fields);
  ADD ("/client/sign-in-vm/unreachable", test_unreachable);
  ADD ("/client/sign-in-vm/server-gone", test_server_gone);
  ADD ("/client/sign-in-vm/bad-address", test_bad_address);
  ADD ("/client/sign-in-vm/lockout", test_lockout);
  ADD ("/client/sign-in-vm/session-ended", test_session_ended);
  ADD ("/client/sign-in-vm/cancel", test_cancel);
#undef ADD

  data_dir = sc_test_make_tmpdir ("scc-sign-in-vm-XXXXXX");
  daemon_ = sc_test_daemon_spawn ((const char *[]) { "--data-dir", data_dir, "--demo-data",
                                                     "--lockout-failures", "3", NULL },
                                  &error);
  g_assert_no_error (error);

  status = g_test_run ();

  if (status != 0)
    {
      g_autofree char *log = sc_test_daemon_dup_log (daemon_);
      g_printerr ("sendcased log:\n%s\n", log);
    }
  sc_test_daemon_stop (daemon_);
  g_clear_pointer (&daemon_, sc_test_daemon_free);
  sc_test_rm_rf (data_dir);

  return status;
}
