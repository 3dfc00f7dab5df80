/* test-connection-vm.c
 *
 * SccConnectionVm without a display, against the real sendcased: connected
 * (with the daemon's version and schema), unreachable (a closed port),
 * degraded (the daemon up, its PostgreSQL stopped under it), a bad address
 * refused before anything is sent, and cancel. The watch: a daemon that
 * stops is seen as unreachable by the next check and connected again once
 * it is back, by itself; a failed request makes it check at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include "sc-error.h"
#include "sc-test-daemon.h"

#include "scc-api-client.h"
#include "scc-client-test.h"
#include "scc-connection-vm.h"

static ScTestDaemon *daemon_;  /* shared by the tests of this binary */
static char *data_dir;

typedef struct
{
  SccApiClient    *client;
  SccConnectionVm *vm;
  guint            n_busy_changes;
} Fixture;

static void
on_busy_cb (SccConnectionVm *vm,
            GParamSpec      *pspec,
            Fixture         *fixture)
{
  fixture->n_busy_changes++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->client = scc_api_client_new (NULL);
  fixture->vm = scc_connection_vm_new (fixture->client);
  g_signal_connect (fixture->vm, "notify::busy", G_CALLBACK (on_busy_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->vm);
  g_assert_finalize_object (fixture->client);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_ready (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

static gboolean
vm_settled (gpointer user_data)
{
  SccConnectionVm *vm = user_data;

  return !scc_connection_vm_get_busy (vm);
}

static void
test_connected (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *url = sc_test_daemon_get_base_url (daemon_);

  g_assert_cmpint (scc_connection_vm_get_state (fixture->vm), ==, SCC_CONNECTION_STATE_IDLE);
  g_assert_cmpint (scc_connection_vm_get_schema_version (fixture->vm), ==, -1);

  scc_connection_vm_set_server_url (fixture->vm, url);
  g_assert_true (scc_connection_vm_connect (fixture->vm));
  g_assert_cmpint (scc_connection_vm_get_state (fixture->vm), ==, SCC_CONNECTION_STATE_CONNECTING);
  g_assert_true (scc_connection_vm_get_busy (fixture->vm));
  g_assert_cmpstr (scc_connection_vm_get_target_url (fixture->vm), ==, url);

  scc_test_wait_until (vm_settled, fixture->vm, 30);

  g_assert_cmpint (scc_connection_vm_get_state (fixture->vm), ==, SCC_CONNECTION_STATE_CONNECTED);
  g_assert_cmpstr (scc_connection_vm_get_version (fixture->vm), ==, PACKAGE_VERSION);
  g_assert_cmpint (scc_connection_vm_get_schema_version (fixture->vm), >=, 1);
  g_assert_null (scc_connection_vm_get_error_message (fixture->vm));
  g_assert_null (scc_connection_vm_get_url_error (fixture->vm));
  g_assert_cmpuint (fixture->n_busy_changes, ==, 2);

  /* The view model pointed the shared client at the server. */
  g_assert_cmpstr (scc_api_client_get_base_url (fixture->client), ==, url);

  /* Retry asks again and lands in the same place. */
  g_assert_true (scc_connection_vm_retry (fixture->vm));
  scc_test_wait_until (vm_settled, fixture->vm, 30);
  g_assert_cmpint (scc_connection_vm_get_state (fixture->vm), ==, SCC_CONNECTION_STATE_CONNECTED);
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *url = scc_test_closed_url ();

  scc_connection_vm_set_server_url (fixture->vm, url);
  g_assert_true (scc_connection_vm_connect (fixture->vm));
  scc_test_wait_until (vm_settled, fixture->vm, 30);

  g_assert_cmpint (scc_connection_vm_get_state (fixture->vm), ==, SCC_CONNECTION_STATE_UNREACHABLE);
  g_assert_nonnull (scc_connection_vm_get_error_message (fixture->vm));
  g_assert_null (scc_connection_vm_get_version (fixture->vm));
  g_assert_cmpint (scc_connection_vm_get_schema_version (fixture->vm), ==, -1);
  g_assert_cmpstr (scc_connection_vm_get_target_url (fixture->vm), ==, url);

  /* From unreachable to connected once the address is right. */
  scc_connection_vm_set_server_url (fixture->vm, sc_test_daemon_get_base_url (daemon_));
  g_assert_true (scc_connection_vm_retry (fixture->vm));
  scc_test_wait_until (vm_settled, fixture->vm, 30);
  g_assert_cmpint (scc_connection_vm_get_state (fixture->vm), ==, SCC_CONNECTION_STATE_CONNECTED);
  g_assert_null (scc_connection_vm_get_error_message (fixture->vm));
}

static void
test_not_sendcase (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *url = g_strconcat (sc_test_daemon_get_base_url (daemon_), "/elsewhere", NULL);

  /* Something answers there, but GET .../api/v1/health is not found. */
  scc_connection_vm_set_server_url (fixture->vm, url);
  g_assert_true (scc_connection_vm_connect (fixture->vm));
  scc_test_wait_until (vm_settled, fixture->vm, 30);

  g_assert_cmpint (scc_connection_vm_get_state (fixture->vm), ==, SCC_CONNECTION_STATE_UNREACHABLE);
  g_assert_true (g_str_has_prefix (scc_connection_vm_get_error_message (fixture->vm),
                                   "the server answered, but not as a sendcase server: "));
}

static void
test_bad_address (Fixture       *fixture,
                  gconstpointer  user_data)
{
  /* Not checked until the user tries to connect: no red field while typing. */
  scc_connection_vm_set_server_url (fixture->vm, "sendcase.example.org");
  g_assert_null (scc_connection_vm_get_url_error (fixture->vm));

  g_assert_false (scc_connection_vm_connect (fixture->vm));
  g_assert_cmpstr (scc_connection_vm_get_url_error (fixture->vm), ==, "must start with http:// or https://");
  g_assert_cmpint (scc_connection_vm_get_state (fixture->vm), ==, SCC_CONNECTION_STATE_IDLE);
  g_assert_cmpuint (fixture->n_busy_changes, ==, 0);
  g_assert_null (scc_api_client_get_base_url (fixture->client));

  /* From then on the message follows the edits, and goes once it is right. */
  scc_connection_vm_set_server_url (fixture->vm, "http://");
  g_assert_nonnull (scc_connection_vm_get_url_error (fixture->vm));
  scc_connection_vm_set_server_url (fixture->vm, "http://sendcase.example.org:8080");
  g_assert_null (scc_connection_vm_get_url_error (fixture->vm));
}

static void
test_check_url (void)
{
  static const struct {
    const char *url;
    gboolean    ok;
  } cases[] = {
    { "http://127.0.0.1:8080", TRUE },
    { "https://sendcase.example.org", TRUE },
    { "  HTTPS://sendcase.example.org/prefix/  ", TRUE },
    { "http://[::1]:8080", TRUE },
    { "", FALSE },
    { "   ", FALSE },
    { NULL, FALSE },
    { "127.0.0.1:8080", FALSE },
    { "ftp://example.org", FALSE },
    { "http://", FALSE },
    { "http://user:secret@example.org", FALSE },
    { "http://example.org/?q=1", FALSE },
    { "http://example.org/#top", FALSE },
    { "http://exa mple.org", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = scc_connection_vm_check_url (cases[i].url, &error);

      g_test_message ("url \"%s\"", cases[i].url ? cases[i].url : "(null)");
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_no_error (error);
      else
        g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
    }
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  scc_connection_vm_set_server_url (fixture->vm, sc_test_daemon_get_base_url (daemon_));
  g_assert_true (scc_connection_vm_connect (fixture->vm));
  scc_connection_vm_cancel (fixture->vm);
  g_assert_cmpint (scc_connection_vm_get_state (fixture->vm), ==, SCC_CONNECTION_STATE_IDLE);
  g_assert_false (scc_connection_vm_get_busy (fixture->vm));

  /* The cancelled answer, when it comes, changes nothing. */
  scc_test_run_for (200);
  g_assert_cmpint (scc_connection_vm_get_state (fixture->vm), ==, SCC_CONNECTION_STATE_IDLE);
  g_assert_null (scc_connection_vm_get_version (fixture->vm));
}

static void
test_reconnect_replaces (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *closed = scc_test_closed_url ();

  /* A second connect before the first answers wins. */
  scc_connection_vm_set_server_url (fixture->vm, closed);
  g_assert_true (scc_connection_vm_connect (fixture->vm));
  scc_connection_vm_set_server_url (fixture->vm, sc_test_daemon_get_base_url (daemon_));
  g_assert_true (scc_connection_vm_connect (fixture->vm));
  scc_test_wait_until (vm_settled, fixture->vm, 30);
  g_assert_cmpint (scc_connection_vm_get_state (fixture->vm), ==, SCC_CONNECTION_STATE_CONNECTED);
  scc_test_run_for (100);
  g_assert_cmpint (scc_connection_vm_get_state (fixture->vm), ==, SCC_CONNECTION_STATE_CONNECTED);
}

/* Stops the daemon's embedded PostgreSQL behind its back ("fast" shutdown:
 * SIGINT to the postmaster), so the daemon is up without its database. */
static void
stop_database (void)
{
  g_autofree char *pid_file = g_build_filename (data_dir, "pgdata", "postmaster.pid", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pid;

  g_file_get_contents (pid_file, &contents, NULL, &error);
  g_assert_no_error (error);
  pid = g_ascii_strtoll (contents, NULL, 10);
  g_assert_cmpint (pid, >, 1);
  g_assert_cmpint (kill ((pid_t) pid, SIGINT), ==, 0);

  while (g_file_test (pid_file, G_FILE_TEST_EXISTS))
    g_usleep (G_USEC_PER_SEC / 20);
}

static gboolean
state_is (gpointer user_data)
{
  gpointer *args = user_data;

  return (int) scc_connection_vm_get_state (args[0]) == GPOINTER_TO_INT (args[1]);
}

static void
wait_for_state (SccConnectionVm    *vm,
                SccConnectionState  state,
                guint               timeout_seconds)
{
  gpointer args[] = { vm, GINT_TO_POINTER (state) };

  scc_test_wait_until (state_is, args, timeout_seconds);
}

static void
test_watch (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autofree char *url = g_strdup (sc_test_daemon_get_base_url (daemon_));
  gint64 stopped_at;
  gint64 restarted_at;

  /* Checked every second while up, at most every 2 s while down. */
  g_object_set (fixture->vm, "up-interval", 1, "max-down-interval", 2, NULL);
  scc_connection_vm_set_server_url (fixture->vm, url);
  g_assert_true (scc_connection_vm_connect (fixture->vm));
  wait_for_state (fixture->vm, SCC_CONNECTION_STATE_CONNECTED, 30);

  /* The daemon stops: nothing else asks, the watch sees it. */
  g_assert_cmpint (sc_test_daemon_stop (daemon_), ==, 0);
  g_clear_pointer (&daemon_, sc_test_daemon_free);
  stopped_at = g_get_monotonic_time ();
  wait_for_state (fixture->vm, SCC_CONNECTION_STATE_UNREACHABLE, 10);
  g_test_message ("unreachable after %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - stopped_at) / 1000);

  /* And back by itself, at the same address. */
  daemon_ = scc_test_restart_daemon (url, (const char *[]) { "--data-dir", data_dir, NULL });
  restarted_at = g_get_monotonic_time ();
  wait_for_state (fixture->vm, SCC_CONNECTION_STATE_CONNECTED, 10);
  g_test_message ("connected after %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - restarted_at) / 1000);
  g_assert_cmpstr (scc_connection_vm_get_target_url (fixture->vm), ==, url);
  scc_test_wait_until (vm_settled, fixture->vm, 30);
}

static void
test_failure_checks_now (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *closed = scc_test_closed_url ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ScSession) me = NULL;
  g_autoptr(GError) error = NULL;

  /* No check is due for an hour. */
  g_object_set (fixture->vm, "up-interval", 3600, NULL);
  scc_connection_vm_set_server_url (fixture->vm, sc_test_daemon_get_base_url (daemon_));
  g_assert_true (scc_connection_vm_connect (fixture->vm));
  wait_for_state (fixture->vm, SCC_CONNECTION_STATE_CONNECTED, 30);

  /* A page's request finds the server gone (here: the client now points
   * at a closed port): the connection asks at once. */
  scc_api_client_set_base_url (fixture->client, closed);
  scc_api_client_get_me_async (fixture->client, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  me = scc_api_client_get_me_finish (fixture->client, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  wait_for_state (fixture->vm, SCC_CONNECTION_STATE_UNREACHABLE, 5);
  scc_test_wait_until (vm_settled, fixture->vm, 30);

  /* check_now is the banner's Retry: the state stays until the answer. */
  scc_api_client_set_base_url (fixture->client, sc_test_daemon_get_base_url (daemon_));
  g_assert_true (scc_connection_vm_check_now (fixture->vm));
  g_assert_true (scc_connection_vm_get_busy (fixture->vm));
  g_assert_cmpint (scc_connection_vm_get_state (fixture->vm), ==, SCC_CONNECTION_STATE_UNREACHABLE);
  wait_for_state (fixture->vm, SCC_CONNECTION_STATE_CONNECTED, 30);
  scc_test_wait_until (vm_settled, fixture->vm, 30);
}

static void
test_degraded (Fixture       *fixture,
               gconstpointer  user_data)
{
  stop_database ();

  scc_connection_vm_set_server_url (fixture->vm, sc_test_daemon_get_base_url (daemon_));
  g_assert_true (scc_connection_vm_connect (fixture->vm));
  scc_test_wait_until (vm_settled, fixture->vm, 30);

  /* Reachable, but not usable: told apart from unreachable. */
  g_assert_cmpint (scc_connection_vm_get_state (fixture->vm), ==, SCC_CONNECTION_STATE_DEGRADED);
  g_assert_cmpstr (scc_connection_vm_get_version (fixture->vm), ==, PACKAGE_VERSION);
  g_assert_cmpint (scc_connection_vm_get_schema_version (fixture->vm), ==, -1);
  g_assert_nonnull (scc_connection_vm_get_error_message (fixture->vm));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/client/connection-vm/check-url", test_check_url);
  ADD ("/client/connection-vm/connected", test_connected);
  ADD ("/client/connection-vm/unreachable", test_unreachable);
  ADD ("/client/connection-vm/not-sendcase", test_not_sendcase);
  ADD ("/client/connection-vm/bad-address", test_bad_address);
  ADD ("/client/connection-vm/cancel", test_cancel);
  ADD ("/client/connection-vm/reconnect-replaces", test_reconnect_replaces);
  ADD ("/client/connection-vm/failure-checks-now", test_failure_checks_now);
  ADD ("/client/connection-vm/watch", test_watch);
  /* Last: it stops the database. */
  ADD ("/client/connection-vm/degraded", test_degraded);
#undef ADD

  return scc_test_run_with_daemon ("scc-vm-XXXXXX", NULL, NULL,
                                   NULL, &daemon_, &data_dir);
}
