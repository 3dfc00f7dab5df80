/* test-harness.c
 *
 * The test harness itself (tests/support): a test fails when the daemon it
 * spawned ends in a way the test did not ask for (killed by a signal nobody
 * sent on purpose), inside a test case and, for a daemon shared by a whole
 * program, after the test cases ran; a daemon stopped cleanly or killed on
 * purpose passes. And an answer that docs/openapi.yaml does not describe
 * fails the test that received it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

static ScTestDaemon *
spawn_on (ScTestCluster *cluster)
{
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--database", sc_test_cluster_get_conninfo (cluster), NULL };
  ScTestDaemon *daemon = sc_test_daemon_spawn (args, &error);

  g_assert_no_error (error);
  return daemon;
}

static void
wait_gone (ScTestDaemon *daemon)
{
  /* the zombie stays until the harness reaps it; wait for its end */
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *path = g_strdup_printf ("/proc/%d/stat", sc_test_daemon_get_pid (daemon));
      g_autofree char *stat = NULL;

      if (!g_file_get_contents (path, &stat, NULL, NULL) || strstr (stat, ") Z ") != NULL)
        return;
      g_usleep (10 * 1000);
    }
  g_error ("sendcased %d did not die", sc_test_daemon_get_pid (daemon));
}

/* In a subprocess: the daemon dies of a signal the test did not send through
 * the harness, and the test is done with it. */
static void
crash_then_free (int signal_number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTestCluster) cluster = sc_test_cluster_new (&error);
  ScTestDaemon *daemon;

  g_assert_no_error (error);
  daemon = spawn_on (cluster);
  kill (sc_test_daemon_get_pid (daemon), signal_number);
  wait_gone (daemon);
  sc_test_daemon_free (daemon);
}

static void
test_crash_fails_the_test (void)
{
  if (g_test_subprocess ())
    {
      /* SIGKILL, not SIGSEGV: under AddressSanitizer a SIGSEGV becomes exit 1 */
      crash_then_free (SIGKILL);
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*sendcased was killed by signal 9*");
}

static void
test_stop_after_crash_fails_the_test (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScTestCluster) cluster = sc_test_cluster_new (&error);
      ScTestDaemon *daemon;

      g_assert_no_error (error);
      daemon = spawn_on (cluster);
      kill (sc_test_daemon_get_pid (daemon), SIGABRT);
      wait_gone (daemon);
      /* as the client tests do: the status of stop is not looked at */
      sc_test_daemon_stop (daemon);
      sc_test_daemon_free (daemon);
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*sendcased was killed by signal 6*");
}

static void
test_expected_ends_pass (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTestCluster) cluster = sc_test_cluster_new (&error);
  ScTestDaemon *daemon;

  g_assert_no_error (error);
  daemon = spawn_on (cluster);
  g_assert_cmpint (sc_test_daemon_stop (daemon), ==, 0);
  sc_test_daemon_free (daemon);
  g_assert_false (g_test_failed ());

  daemon = spawn_on (cluster);
  sc_test_daemon_kill (daemon);
  sc_test_daemon_free (daemon);
  g_assert_false (g_test_failed ());

  /* a daemon still running at the end is stopped, cleanly */
  daemon = spawn_on (cluster);
  sc_test_daemon_free (daemon);
  g_assert_false (g_test_failed ());
}

/* A program whose daemon, shared by all its test cases, dies after they
 * have passed: the program must still fail. */
static int
run_shared_daemon_program (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTestCluster) cluster = sc_test_cluster_new (&error);
  ScTestDaemon *daemon;

  g_assert_no_error (error);
  daemon = spawn_on (cluster);
  kill (sc_test_daemon_get_pid (daemon), SIGKILL);
  wait_gone (daemon);
  sc_test_daemon_stop (daemon);
  g_clear_pointer (&cluster, sc_test_cluster_free);
  sc_test_daemon_free (daemon);
  return 0;
}

static void
test_shared_daemon_crash_fails_the_program (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self, "--shared-daemon-program", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                               NULL));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "sendcased was killed by signal 9"));
}

/* An answer that the document does not describe fails the test: here the
 * document is a copy in which Health's "status" is called "state". */
static void
test_undocumented_answer_fails (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *source = g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "docs", "openapi.yaml", NULL);
      g_autofree char *dir = sc_test_make_tmpdir ("sc-openapi-XXXXXX");
      g_autofree char *copy = g_build_filename (dir, "openapi.yaml", NULL);
      g_autofree char *text = NULL;
      g_autoptr(GString) changed = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ScTestCluster) cluster = sc_test_cluster_new (&error);
      g_autoptr(ScTestDaemon) daemon = NULL;
      g_autoptr(ScTestResponse) response = NULL;
      const char *health = "    Health:\n      type: object\n      additionalProperties: false\n"
                           "      required: [status, database, schema_version, version]\n"
                           "      properties:\n        status:\n";

      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
      changed = g_string_new (text);
      g_assert_nonnull (strstr (changed->str, health));
      g_string_replace (changed, health,
                        "    Health:\n      type: object\n      additionalProperties: false\n"
                        "      required: [state, database, schema_version, version]\n"
                        "      properties:\n        state:\n", 1);
      g_assert_true (g_file_set_contents (copy, changed->str, -1, NULL));
      g_setenv ("SC_OPENAPI_DOCUMENT", copy, TRUE);

      daemon = spawn_on (cluster);
      response = sc_test_daemon_request (daemon, "GET", "/api/v1/health", NULL, NULL, NULL);
      g_assert_cmpuint (response->status, ==, 200);
      sc_test_rm_rf (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*GET /api/v1/health -> 200: the body does not match the document*");
}

int
main (int    argc,
      char **argv)
{
  if (argc == 2 && g_str_equal (argv[1], "--shared-daemon-program"))
    return run_shared_daemon_program ();

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/harness/crash-fails-the-test", test_crash_fails_the_test);
  g_test_add_func ("/server/harness/stop-after-crash-fails-the-test", test_stop_after_crash_fails_the_test);
  g_test_add_func ("/server/harness/expected-ends-pass", test_expected_ends_pass);
  g_test_add_func ("/server/harness/shared-daemon-crash-fails-the-program",
                   test_shared_daemon_crash_fails_the_program);
  g_test_add_func ("/server/harness/undocumented-answer-fails", test_undocumented_answer_fails);
  return g_test_run ();
}
