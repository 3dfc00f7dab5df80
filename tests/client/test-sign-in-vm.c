/* test-sign-in-vm.c
 *
 * SccSignInVm (a form on SccFormVm) without a display, against the real
 * sendcased with its demo users (--demo-data) and a lockout after 3
 * failures (--lockout-failures 3, so the lockout test is quick): signing
 * in; a wrong password beside the password; empty fields beside both
 * fields, in the server's words; an unreachable server as a general error
 * with Retry and never on the address field, which only a bad address
 * marks; the lockout as a message with the wait; the ended-session message
 * and clear.
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
  SccApiClient    *client;
  SccConnectionVm *connection;
  SccSignInVm     *vm;
  SccFormVm       *form;         /* the same, as a form */
  ScSession       *signed_in;    /* the API client's session after ::succeeded */
  guint            n_signed_in;
} Fixture;

static void
on_succeeded_cb (SccFormVm *form,
                 Fixture   *fixture)
{
  fixture->n_signed_in++;
  g_set_object (&fixture->signed_in, scc_api_client_get_session (fixture->client));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->client = scc_api_client_new (NULL);
  fixture->connection = scc_connection_vm_new (fixture->client);
  fixture->vm = scc_sign_in_vm_new (fixture->client, fixture->connection);
  fixture->form = SCC_FORM_VM (fixture->vm);
  g_signal_connect (fixture->vm, "succeeded", G_CALLBACK (on_succeeded_cb), fixture);
  scc_form_vm_set_value (fixture->form, "server_url", sc_test_daemon_get_base_url (daemon_));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->signed_in);
  g_assert_finalize_object (fixture->vm);
  scc_connection_vm_cancel (fixture->connection);
  g_assert_finalize_object (fixture->connection);
  g_assert_finalize_object (fixture->client);
}

static gboolean
vm_settled (gpointer user_data)
{
  return !scc_form_vm_get_busy (SCC_FORM_VM (user_data));
}

static const char *
error_of (Fixture    *fixture,
          const char *field)
{
  return scc_form_vm_get_field_error (fixture->form, field);
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
  scc_form_vm_set_value (fixture->form, "username", username);
  scc_form_vm_set_value (fixture->form, "password", password);
  g_assert_true (scc_form_vm_submit (fixture->form));
  g_assert_true (scc_form_vm_get_busy (fixture->form));
  scc_test_wait_until (vm_settled, fixture->vm, 30);
}

static void
test_success (Fixture       *fixture,
              gconstpointer  user_data)
{
  ScUser *user;

  sign_in (fixture, "manager", SC_TEST_DEMO_PASSWORD);

  g_assert_cmpuint (fixture->n_signed_in, ==, 1);
  user = sc_session_get_user (fixture->signed_in);
  g_assert_cmpstr (sc_user_get_full_name (user), ==, "Tom Reilly");
  g_assert_cmpstr (sc_user_get_role_title (user), ==, "Team manager");

  /* The API client holds the session; the view model no longer holds the
   * password; nothing is wrong. */
  g_assert_true (scc_api_client_get_session (fixture->client) == fixture->signed_in);
  g_assert_cmpstr (scc_form_vm_get_value (fixture->form, "password"), ==, "");
  g_assert_cmpstr (scc_form_vm_get_value (fixture->form, "username"), ==, "manager");
  g_assert_null (scc_form_vm_get_error_message (fixture->form));
  g_assert_null (error_of (fixture, "username"));
  g_assert_null (error_of (fixture, "password"));
  g_assert_null (error_of (fixture, "server_url"));
  g_assert_false (scc_form_vm_get_can_retry (fixture->form));

  /* Signing in checked the server first: its version is known. */
  g_assert_cmpint (scc_connection_vm_get_state (fixture->connection), ==,
                   SCC_CONNECTION_STATE_CONNECTED);
  g_assert_cmpstr (scc_connection_vm_get_version (fixture->connection), ==,
                   PACKAGE_VERSION);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  user_data)
{
  sign_in (fixture, "caseworker", "not-the-password");

  g_assert_cmpuint (fixture->n_signed_in, ==, 0);
  g_assert_false (scc_api_client_get_signed_in (fixture->client));
  g_assert_cmpstr (error_of (fixture, "password"), ==, "invalid username or password");
  g_assert_null (error_of (fixture, "username"));
  g_assert_null (scc_form_vm_get_error_message (fixture->form));
  g_assert_false (scc_form_vm_get_can_retry (fixture->form));
  /* The typed password stays, to be corrected. */
  g_assert_cmpstr (scc_form_vm_get_value (fixture->form, "password"), ==, "not-the-password");

  /* Typing a new password takes the complaint away. */
  scc_form_vm_set_value (fixture->form, "password", SC_TEST_DEMO_PASSWORD);
  g_assert_null (error_of (fixture, "password"));

  g_assert_true (scc_form_vm_submit (fixture->form));
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
  g_assert_cmpstr (error_of (fixture, "username"), ==, "must not be empty");
  g_assert_cmpstr (error_of (fixture, "password"), ==, "must not be empty");
  g_assert_null (scc_form_vm_get_error_message (fixture->form));

  /* Each goes when its field is edited. */
  scc_form_vm_set_value (fixture->form, "username", "caseworker");
  g_assert_null (error_of (fixture, "username"));
  g_assert_nonnull (error_of (fixture, "password"));
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *closed = scc_test_closed_url ();

  scc_form_vm_set_value (fixture->form, "server_url", closed);
  sign_in (fixture, "manager", SC_TEST_DEMO_PASSWORD);

  g_assert_cmpuint (fixture->n_signed_in, ==, 0);
  g_assert_cmpint (scc_connection_vm_get_state (fixture->connection), ==,
                   SCC_CONNECTION_STATE_UNREACHABLE);
  /* A server that does not answer is not the address field's fault: a
   * general error, with Retry. */
  g_assert_null (error_of (fixture, "server_url"));
  g_assert_null (error_of (fixture, "password"));
  g_assert_true (g_str_has_prefix (scc_form_vm_get_error_message (fixture->form),
                                   "Could not sign in: the server could not be reached"));
  g_assert_true (scc_form_vm_get_can_retry (fixture->form));
  /* Nothing of the credentials went anywhere. */
  g_assert_false (scc_api_client_get_signed_in (fixture->client));

  /* The right address signs in. */
  scc_form_vm_set_value (fixture->form, "server_url", sc_test_daemon_get_base_url (daemon_));
  g_assert_true (scc_form_vm_submit (fixture->form));
  scc_test_wait_until (vm_settled, fixture->vm, 30);
  g_assert_cmpuint (fixture->n_signed_in, ==, 1);
}

static void
test_server_gone (Fixture       *fixture,
                  gconstpointer  user_data)
{
  SccConnectionVm *connection = fixture->connection;
  g_autofree char *closed = scc_test_closed_url ();

  /* The server was checked, then went away: the sign-in itself fails to
   * connect, which may be retried, and is not the address field's fault. */
  scc_connection_vm_connect (connection);
  scc_test_wait_until (connection_settled, connection, 30);
  g_assert_cmpint (scc_connection_vm_get_state (connection), ==, SCC_CONNECTION_STATE_CONNECTED);

  scc_api_client_set_base_url (fixture->client, closed);
  sign_in (fixture, "manager", SC_TEST_DEMO_PASSWORD);

  g_assert_cmpuint (fixture->n_signed_in, ==, 0);
  g_assert_null (error_of (fixture, "server_url"));
  g_assert_nonnull (scc_form_vm_get_error_message (fixture->form));
  g_assert_true (scc_form_vm_get_can_retry (fixture->form));

  /* The failure made the connection check the server at once. */
  scc_test_wait_until (connection_settled, connection, 30);
  g_assert_cmpint (scc_connection_vm_get_state (connection), ==, SCC_CONNECTION_STATE_UNREACHABLE);
}

static void
test_bad_address (Fixture       *fixture,
                  gconstpointer  user_data)
{
  scc_form_vm_set_value (fixture->form, "server_url", "sendcase.example.org");
  scc_form_vm_set_value (fixture->form, "username", "manager");
  scc_form_vm_set_value (fixture->form, "password", SC_TEST_DEMO_PASSWORD);

  /* Refused before anything is sent. */
  g_assert_false (scc_form_vm_submit (fixture->form));
  g_assert_false (scc_form_vm_get_busy (fixture->form));
  g_assert_cmpstr (error_of (fixture, "server_url"), ==, "must start with http:// or https://");
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
                      error_of (fixture, "password"),
                      scc_form_vm_get_error_message (fixture->form));

      if (i <= 3)
        {
          g_assert_cmpstr (error_of (fixture, "password"), ==, "invalid username or password");
          g_assert_null (scc_form_vm_get_error_message (fixture->form));
        }
      else
        {
          g_assert_null (error_of (fixture, "password"));
          g_assert_cmpstr (scc_form_vm_get_error_message (fixture->form), ==,
                           "Too many failed attempts to sign in. Try again in 15 minutes.");
          /* Waiting is the point: no Retry. */
          g_assert_false (scc_form_vm_get_can_retry (fixture->form));
        }
    }

  /* Even the right password waits. */
  sign_in (fixture, "officer", SC_TEST_DEMO_PASSWORD);
  g_assert_cmpuint (fixture->n_signed_in, ==, 0);
  g_assert_nonnull (scc_form_vm_get_error_message (fixture->form));
}

static void
test_session_ended (Fixture       *fixture,
                    gconstpointer  user_data)
{
  scc_form_vm_set_value (fixture->form, "password", "half-typed");
  scc_sign_in_vm_session_ended (fixture->vm, "caseworker");

  g_assert_cmpstr (scc_sign_in_vm_get_expired_message (fixture->vm), ==,
                   "Your session has ended. Sign in again to continue.");
  g_assert_cmpstr (scc_form_vm_get_value (fixture->form, "username"), ==, "caseworker");
  g_assert_cmpstr (scc_form_vm_get_value (fixture->form, "password"), ==, "");

  /* The message stays through a failed attempt, and goes with success. */
  sign_in (fixture, "caseworker", "not-the-password");
  g_assert_nonnull (scc_sign_in_vm_get_expired_message (fixture->vm));
  scc_form_vm_set_value (fixture->form, "password", SC_TEST_DEMO_PASSWORD);
  g_assert_true (scc_form_vm_submit (fixture->form));
  scc_test_wait_until (vm_settled, fixture->vm, 30);
  g_assert_cmpuint (fixture->n_signed_in, ==, 1);
  g_assert_null (scc_sign_in_vm_get_expired_message (fixture->vm));

  /* After signing out: an empty form, the server address kept. */
  scc_form_vm_clear (fixture->form);
  g_assert_cmpstr (scc_form_vm_get_value (fixture->form, "username"), ==, "");
  g_assert_cmpstr (scc_form_vm_get_value (fixture->form, "server_url"), ==, sc_test_daemon_get_base_url (daemon_));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  scc_form_vm_set_value (fixture->form, "username", "manager");
  scc_form_vm_set_value (fixture->form, "password", SC_TEST_DEMO_PASSWORD);
  g_assert_true (scc_form_vm_submit (fixture->form));
  /* A second press while busy does nothing. */
  g_assert_false (scc_form_vm_submit (fixture->form));
  scc_form_vm_cancel (fixture->form);
  g_assert_false (scc_form_vm_get_busy (fixture->form));

  scc_test_run_for (300);
  g_assert_cmpuint (fixture->n_signed_in, ==, 0);
  g_assert_false (scc_api_client_get_signed_in (fixture->client));
}

int
main (int   argc,
      char *argv[])
{
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

  return scc_test_run_with_daemon ("scc-sign-in-vm-XXXXXX", (const char *[]) { "--demo-data", "--lockout-failures", "3", NULL }, NULL,
                                   NULL, &daemon_, NULL);
}
