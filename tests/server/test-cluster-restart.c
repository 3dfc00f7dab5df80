/* test-cluster-restart.c
 *
 * The embedded PostgreSQL killed under a running daemon: the daemon starts
 * it again by itself, health comes back to 200 without anyone's help, the
 * main loop keeps answering meanwhile, and a later SIGTERM stops everything
 * cleanly. A SIGTERM right after the kill stops cleanly too (there is no
 * "pg_ctl failed" for a postmaster that is gone).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <unistd.h>

#include "sc-test-daemon.h"

static void
assert_log_lacks (ScTestDaemon *daemon,
                  const char   *text)
{
  g_autofree char *log = sc_test_daemon_dup_log (daemon);

  if (strstr (log, text) != NULL)
    g_error ("the log says \"%s\":\n%s", text, log);
}

static GPid
postmaster_pid (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "pgdata", "postmaster.pid", NULL);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;
  return (GPid) g_ascii_strtoll (contents, NULL, 10);
}

static gboolean
process_alive (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL;
  const char *state;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return FALSE;
  state = strrchr (stat, ')');
  /* a zombie is not alive */
  return state != NULL && state[1] == ' ' && state[2] != 'Z';
}

static guint
health (ScTestDaemon *daemon,
        gint64       *latency)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(ScTestResponse) response = sc_test_daemon_request (daemon, "GET", "/api/v1/health", NULL, NULL, NULL);

  if (latency != NULL)
    *latency = g_get_monotonic_time () - start;
  return response->status;
}

static void
test_restart_after_kill (void)
{
  g_autofree char *dir = sc_test_make_tmpdir ("sc-restart-XXXXXX");
  const char *args[] = { "--data-dir", dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTestDaemon) daemon = sc_test_daemon_spawn (args, &error);
  g_autofree char *log = NULL;
  gint64 killed_at;
  gint64 deadline;
  gint64 slowest = 0;
  gboolean saw_503 = FALSE;
  double back;
  guint status = 0;
  GPid first;
  GPid second;

  g_assert_no_error (error);
  g_assert_cmpuint (health (daemon, NULL), ==, 200);
  first = postmaster_pid (dir);
  g_assert_cmpint (first, >, 0);

  g_assert_cmpint (kill (first, SIGKILL), ==, 0);
  killed_at = g_get_monotonic_time ();
  deadline = killed_at + 60 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      gint64 latency = 0;

      status = health (daemon, &latency);
      /* the daemon answers throughout: a restart does not hold its loop */
      slowest = MAX (slowest, latency);
      if (status == 503)
        saw_503 = TRUE;
      if (status == 200 && saw_503)
        break;
      g_assert_true (status == 200 || status == 503);
      g_usleep (50 * 1000);
    }
  back = (g_get_monotonic_time () - killed_at) / (double) G_USEC_PER_SEC;
  g_test_message ("health back to 200 %.2f s after SIGKILL of the postmaster; slowest answer meanwhile %.0f ms",
                  back, slowest / 1000.0);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (saw_503);
  g_assert_cmpint (slowest, <, 500 * 1000);

  second = postmaster_pid (dir);
  g_assert_cmpint (second, >, 0);
  g_assert_cmpint (second, !=, first);
  g_assert_true (process_alive (second));

  log = sc_test_daemon_dup_log (daemon);
  g_assert_nonnull (strstr (log, "the embedded PostgreSQL is not running: starting it again (attempt 1)"));
  g_assert_nonnull (strstr (log, "the embedded PostgreSQL is running again"));
  g_assert_nonnull (strstr (log, "database connection restored"));

  /* and it stops as usual, the restarted cluster with it */
  g_assert_cmpint (sc_test_daemon_stop (daemon), ==, 0);
  assert_log_lacks (daemon, "pg_ctl failed");
  g_free (log);
  log = sc_test_daemon_dup_log (daemon);
  g_assert_nonnull (strstr (log, "PostgreSQL stopped"));
  g_assert_false (process_alive (second));
  sc_test_rm_rf (dir);
}

static void
test_sigterm_after_kill (void)
{
  g_autofree char *dir = sc_test_make_tmpdir ("sc-restart-XXXXXX");
  const char *args[] = { "--data-dir", dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTestDaemon) daemon = sc_test_daemon_spawn (args, &error);
  g_autofree char *log = NULL;
  GPid postmaster;

  g_assert_no_error (error);
  g_assert_cmpuint (health (daemon, NULL), ==, 200);
  postmaster = postmaster_pid (dir);
  g_assert_cmpint (kill (postmaster, SIGKILL), ==, 0);
  /* stop before or while the daemon restarts it: clean either way */
  g_usleep (50 * 1000);
  g_assert_cmpint (sc_test_daemon_stop (daemon), ==, 0);
  assert_log_lacks (daemon, "pg_ctl failed");
  log = sc_test_daemon_dup_log (daemon);
  g_assert_nonnull (strstr (log, "stopped"));
  /* nothing of the cluster is left running */
  g_assert_false (process_alive (postmaster_pid (dir)));
  sc_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/cluster-restart/after-kill", test_restart_after_kill);
  g_test_add_func ("/server/cluster-restart/sigterm-after-kill", test_sigterm_after_kill);
  return g_test_run ();
}
