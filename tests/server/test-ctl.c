/* test-ctl.c
 *
 * sendcasectl's own behaviour, run as an administrator runs it: every
 * command and `user` verb answers --help on standard output with exit 0
 * and touches nothing; a --data-dir that holds no sendcase cluster (a
 * mistyped path, an empty directory, a file) is refused by every database
 * command with one line and exit 1, and is left exactly as it was; only
 * `init` creates a cluster; `status` works on a real data directory with
 * and without a daemon running on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs sendcasectl with @args (NULL-terminated), @stdin_text on standard
 * input; @data_dir, if not NULL, is given as --data-dir first. */
static void
ctlv (Run                *run,
      const char         *data_dir,
      const char         *stdin_text,
      const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, sc_test_build_path ("server/sendcasectl"));
  if (data_dir != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("--data-dir"));
      g_ptr_array_add (argv, g_strdup (data_dir));
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "SC_EMBEDDED_FAST", "1", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, stdin_text != NULL ? stdin_text : "", NULL,
                                 &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

#define ctl(run, data_dir, stdin_text, ...) \
  ctlv ((run), (data_dir), (stdin_text), (const char * const[]) { __VA_ARGS__, NULL })

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted and joined by spaces ("" when empty), or
 * "(none)" when it does not exist. */
static char *
dup_listing (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return g_strdup ("(none)");
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_one_line (const char *text)
{
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);
}

/* Every command's --help: its usage on standard output, exit 0, nothing on
 * standard error, and no data directory touched. */
static void
test_help (void)
{
  static const struct { const char *args[8]; const char *prefix; const char *contains; } cases[] = {
    { { "--help" }, "Usage: sendcasectl [--data-dir DIR | --database CONNINFO] COMMAND [ARGS]\n",
      "\n  user unlock NAME\n" },
    { { "-h" }, "Usage: sendcasectl ", "\n  init " },
    { { "help" }, "Usage: sendcasectl ", "\n  status " },
    { { "init", "--help" },
      "Usage: sendcasectl [--data-dir DIR | --database CONNINFO] init\n", "the only\ncommand" },
    { { "help", "init" }, "Usage: sendcasectl ", " init\n" },
    { { "migrate", "--help" },
      "Usage: sendcasectl [--data-dir DIR | --database CONNINFO] migrate\n", "schema version" },
    { { "migrate", "-h" }, "Usage: sendcasectl ", " migrate\n" },
    { { "help", "migrate" }, "Usage: sendcasectl ", " migrate\n" },
    { { "status", "--help" }, "Usage: sendcasectl [--data-dir DIR | --database CONNINFO] status\n",
      "Changes nothing" },
    { { "help", "status" }, "Usage: sendcasectl ", " status\n" },
    { { "user", "--help" },
      "Usage: sendcasectl [--data-dir DIR | --database CONNINFO] user COMMAND\n",
      "\n  user add NAME --role ROLE [--full-name TEXT] --password-stdin\n"
      "  user list\n  user disable NAME\n  user unlock NAME\n"
      "  user passwd NAME --password-stdin\n" },
    { { "user", "-h" }, "Usage: sendcasectl ", " user COMMAND\n" },
    { { "user", "help" }, "Usage: sendcasectl ", " user COMMAND\n" },
    { { "help", "user" }, "Usage: sendcasectl ", " user COMMAND\n" },
    { { "user", "add", "--help" }, "Usage: sendcasectl [--data-dir DIR | --database CONNINFO]\n"
      "         user add NAME --role ROLE [--full-name TEXT] --password-stdin\n", "caseworker" },
    { { "user", "add", "bob", "--role", "boss", "--help" },
      "Usage: sendcasectl ", " user add NAME " },
    { { "user", "list", "--help" }, "Usage: sendcasectl ", "         user list\n" },
    { { "user", "disable", "-h" }, "Usage: sendcasectl ", "         user disable NAME\n" },
    { { "user", "unlock", "--help" }, "Usage: sendcasectl ", "         user unlock NAME\n" },
    { { "user", "passwd", "--help" },
      "Usage: sendcasectl ", "         user passwd NAME --password-stdin\n" },
    { { "user", "help", "passwd" },
      "Usage: sendcasectl ", "         user passwd NAME --password-stdin\n" },
    { { "help", "user", "unlock" }, "Usage: sendcasectl ", "         user unlock NAME\n" },
    { { "timeline", "--help" }, "Usage: sendcasectl timeline ", "\n  consultation_sent " },
    { { "help", "timeline" }, "Usage: sendcasectl timeline ", "\n  tribunal_order " },
    { { "holidays", "--help" }, "Usage: sendcasectl holidays [--config FILE] YEAR\n", "YEAR" },
    { { "help", "holidays" }, "Usage: sendcasectl holidays ", "YEAR" },
  };
  g_autofree char *tmp = sc_test_make_tmpdir ("sc-ctl-help-XXXXXX");
  g_autofree char *missing = g_build_filename (tmp, "mistyped", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *joined = g_strjoinv (" ", (char **) cases[i].args);
      g_auto(Run) plain = { 0 };
      g_auto(Run) with_dir = { 0 };

      g_test_message ("sendcasectl %s", joined);
      ctlv (&plain, NULL, NULL, cases[i].args);
      g_assert_cmpint (plain.status, ==, 0);
      g_assert_cmpstr (plain.err, ==, "");
      if (!g_str_has_prefix (plain.out, cases[i].prefix) ||
          strstr (plain.out, cases[i].contains) == NULL)
        g_error ("sendcasectl %s printed:\n%s", joined, plain.out);

      /* the same with a data directory that does not exist: help first */
      ctlv (&with_dir, missing, NULL, cases[i].args);
      g_assert_cmpint (with_dir.status, ==, 0);
      g_assert_cmpstr (with_dir.out, ==, plain.out);
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    }
  sc_test_rm_rf (tmp);
}

/* Bad usage is still exit 2 with one line, --help or not. */
static void
test_bad_usage (void)
{
  static const struct { const char *args[6]; const char *line; } cases[] = {
    { { "frob" }, "sendcasectl: unknown command \"frob\" (see sendcasectl --help)\n" },
    { { "help", "frob" }, "sendcasectl: unknown command \"frob\" (see sendcasectl --help)\n" },
    { { "migrate", "--frob" },
      "sendcasectl: migrate: unknown option \"--frob\" (see sendcasectl migrate --help)\n" },
    { { "migrate", "--init" },
      "sendcasectl: migrate: unknown option \"--init\" (see sendcasectl migrate --help)\n" },
    { { "init", "now" },
      "sendcasectl: init: unexpected argument \"now\" (see sendcasectl init --help)\n" },
    { { "migrate", "now" },
      "sendcasectl: migrate: unexpected argument \"now\" (see sendcasectl migrate --help)\n" },
    { { "status", "--init" },
      "sendcasectl: status: unknown option \"--init\" (see sendcasectl status --help)\n" },
    { { "status", "all" },
      "sendcasectl: status: unexpected argument \"all\" (see sendcasectl status --help)\n" },
    { { "user", "frob", "--help" },
      "sendcasectl: user: unknown command \"frob\" (see sendcasectl user --help)\n" },
    { { "help", "user", "frob" },
      "sendcasectl: user: unknown command \"frob\" (see sendcasectl user --help)\n" },
  };
  g_autofree char *tmp = sc_test_make_tmpdir ("sc-ctl-usage-XXXXXX");
  g_autofree char *missing = g_build_filename (tmp, "mistyped", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      ctlv (&run, missing, NULL, cases[i].args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, ==, cases[i].line);
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    }
  sc_test_rm_rf (tmp);
}

/* Every database command on a directory with no cluster: exit 1, one line
 * naming the directory and what is wrong, and the directory as it was. */
static void
test_not_a_data_dir (void)
{
  static const struct { const char *args[7]; const char *input; } commands[] = {
    { { "status" }, NULL },
    { { "migrate" }, NULL },
    { { "user", "list" }, NULL },
    { { "user", "disable", "bob" }, NULL },
    { { "user", "add", "bob", "--role", "caseworker", "--password-stdin" },
      "long-enough-password\n" },
    { { "user", "passwd", "bob", "--password-stdin" }, "long-enough-password\n" },
  };
  g_autofree char *tmp = sc_test_make_tmpdir ("sc-ctl-nodir-XXXXXX");
  g_autofree char *missing = g_build_filename (tmp, "mistyped", "deeper", NULL);
  g_autofree char *empty = g_build_filename (tmp, "empty", NULL);
  g_autofree char *other = g_build_filename (tmp, "other", NULL);
  g_autofree char *other_file = g_build_filename (other, "notes.txt", NULL);
  g_autofree char *file = g_build_filename (tmp, "file", NULL);
  g_autoptr(GError) error = NULL;
  const struct { const char *dir; const char *what; const char *listing; } dirs[] = {
    { missing, "it does not exist", "(none)" },
    { empty, "it holds no sendcase cluster", "" },
    { other, "it holds no sendcase cluster", "notes.txt" },
    { file, "it is not a directory", "(none)" },
  };

  g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (other, 0755), ==, 0);
  g_file_set_contents (other_file, "not a cluster\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (file, "not a directory\n", -1, &error);
  g_assert_no_error (error);

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
      {
        g_autofree char *joined = g_strjoinv (" ", (char **) commands[c].args);
        g_autofree char *expected = NULL;
        g_autofree char *listing = NULL;
        g_auto(Run) run = { 0 };

        g_test_message ("sendcasectl --data-dir %s %s", dirs[d].dir, joined);
        ctlv (&run, dirs[d].dir, commands[c].input, commands[c].args);
        g_assert_cmpint (run.status, ==, 1);
        g_assert_cmpstr (run.out, ==, "");
        assert_one_line (run.err);
        expected = g_strdup_printf ("sendcasectl: %s: no sendcase data directory at \"%s\": %s "
                                    "(check --data-dir", commands[c].args[0], dirs[d].dir,
                                    dirs[d].what);
        if (!g_str_has_prefix (run.err, expected))
          g_error ("expected \"%s...\", got: %s", expected, run.err);
        if (strstr (dirs[d].what, "directory") == NULL)
          {
            g_autofree char *quoted = g_shell_quote (dirs[d].dir);
            g_autofree char *advice = NULL;

            advice = g_strdup_printf ("create one with: sendcasectl --data-dir %s init)\n",
                                      quoted);

            g_assert_true (g_str_has_suffix (run.err, advice));
          }

        /* nothing was created: not the directory, not a lock, not a cluster */
        if (d == G_N_ELEMENTS (dirs) - 1)
          g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
        else
          {
            listing = dup_listing (dirs[d].dir);
            g_assert_cmpstr (listing, ==, dirs[d].listing);
          }
      }
  {
    g_autofree char *parent = g_path_get_dirname (missing);

    g_assert_false (g_file_test (parent, G_FILE_TEST_EXISTS));
  }
  sc_test_rm_rf (tmp);
}

/* init makes a data directory with an empty database and no schema;
 * status reads it without and with a daemon; the other commands use it. */
static void
test_init_and_status (void)
{
  g_autofree char *tmp = sc_test_make_tmpdir ("sc-ctl-init-XXXXXX");
  g_autofree char *dir = g_build_filename (tmp, "data", NULL);
  g_autofree char *canonical = NULL;
  g_autofree char *version_line = NULL;
  g_autofree char *status_version = NULL;
  guint version;

  {
    g_autofree char *created = NULL;
    g_autofree char *already = NULL;
    g_autofree char *expected = NULL;
    g_auto(Run) init = { 0 };
    g_auto(Run) again = { 0 };
    g_auto(Run) status = { 0 };

    ctl (&init, dir, NULL, "init");
    if (init.status != 0)
      g_error ("init failed: %s", init.err);
    canonical = g_canonicalize_filename (dir, NULL);
    created = g_strdup_printf ("created a new cluster in %s\n", canonical);
    g_assert_cmpstr (init.out, ==, created);

    /* on a data directory that exists, init changes nothing */
    ctl (&again, dir, NULL, "init");
    g_assert_cmpint (again.status, ==, 0);
    already = g_strdup_printf ("%s already holds a sendcase cluster\n", canonical);
    g_assert_cmpstr (again.out, ==, already);

    /* init applied no migration: status shows them all pending */
    ctl (&status, dir, NULL, "status");
    g_assert_cmpint (status.status, ==, 0);
    expected = g_strdup_printf ("data directory: %s\ndaemon: not running\nschema version: 0\n",
                                canonical);
    g_assert_true (g_str_has_prefix (status.out, expected));
    g_assert_nonnull (strstr (status.out, "pending migrations:\n  0001-"));
  }
  {
    g_auto(Run) migrate = { 0 };
    g_auto(Run) again = { 0 };

    ctl (&migrate, dir, NULL, "migrate");
    g_assert_cmpint (migrate.status, ==, 0);
    g_assert_true (g_str_has_prefix (migrate.out, "schema version "));
    version = (guint) g_ascii_strtoull (migrate.out + strlen ("schema version "), NULL, 10);
    g_assert_cmpuint (version, >=, 1);
    version_line = g_strdup_printf ("schema version %u\n", version);
    g_assert_cmpstr (migrate.out, ==, version_line);
    status_version = g_strdup_printf ("schema version: %u\nlatest known: %u\n"
                                      "pending migrations: none\n", version, version);
    ctl (&again, dir, NULL, "migrate");
    g_assert_cmpint (again.status, ==, 0);
    g_assert_cmpstr (again.out, ==, version_line);
  }
  {
    g_autofree char *expected = g_strdup_printf ("data directory: %s\ndaemon: not running\n%s",
                                                 canonical, status_version);
    g_auto(Run) run = { 0 };

    ctl (&run, dir, NULL, "status");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, expected);
  }
  {
    g_auto(Run) add = { 0 };

    ctl (&add, dir, "first-admin-password\n", "user", "add", "admin", "--role", "system_admin",
         "--password-stdin");
    g_assert_cmpint (add.status, ==, 0);
    g_assert_true (g_str_has_prefix (add.out, "created user admin "));
  }

  /* with a daemon on the directory, status uses the daemon's cluster */
  {
    const char *args[] = { "--data-dir", dir, NULL };
    g_autoptr(GError) error = NULL;
    g_autoptr(ScTestDaemon) daemon = sc_test_daemon_spawn (args, &error);
    g_autofree char *expected = NULL;
    g_autofree char *already = NULL;
    g_auto(Run) run = { 0 };
    g_auto(Run) list = { 0 };
    g_auto(Run) init = { 0 };

    g_assert_no_error (error);
    expected = g_strdup_printf ("data directory: %s\ndaemon: running (pid %d)\n%s", canonical,
                                (int) sc_test_daemon_get_pid (daemon), status_version);
    ctl (&run, dir, NULL, "status");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, expected);

    ctl (&list, dir, NULL, "user", "list");
    g_assert_cmpint (list.status, ==, 0);
    g_assert_nonnull (strstr (list.out, "admin"));
    ctl (&init, dir, NULL, "init");
    g_assert_cmpint (init.status, ==, 0);
    already = g_strdup_printf ("%s already holds a sendcase cluster\n", canonical);
    g_assert_cmpstr (init.out, ==, already);

    g_free (sc_test_sign_in (daemon, "admin", "first-admin-password"));
    g_assert_cmpint (sc_test_daemon_stop (daemon), ==, 0);
  }

  /* and again without it */
  {
    g_autofree char *expected = g_strdup_printf ("data directory: %s\ndaemon: not running\n%s",
                                                 canonical, status_version);
    g_auto(Run) run = { 0 };

    ctl (&run, dir, NULL, "status");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, expected);
  }
  sc_test_rm_rf (tmp);
}

/* With --database, init creates the database if the server lacks it, and
 * status creates nothing. */
static void
test_init_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTestCluster) cluster = sc_test_cluster_new (&error);
  g_autofree char *fresh = NULL;
  g_autofree char *never = NULL;
  g_autofree char *names = NULL;
  g_auto(Run) status_never = { 0 };
  g_auto(Run) init = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) status = { 0 };

  g_assert_no_error (error);
  /* a later dbname overrides the conninfo's own */
  fresh = g_strdup_printf ("%s dbname=ctl_init_fresh", sc_test_cluster_get_conninfo (cluster));
  never = g_strdup_printf ("%s dbname=ctl_never_made", sc_test_cluster_get_conninfo (cluster));

  ctl (&status_never, NULL, NULL, "--database", never, "status");
  g_assert_cmpint (status_never.status, ==, 1);

  ctl (&init, NULL, NULL, "--database", fresh, "init");
  g_assert_cmpint (init.status, ==, 0);
  g_assert_cmpstr (init.out, ==, "database ready\n");
  ctl (&again, NULL, NULL, "--database", fresh, "init");
  g_assert_cmpint (again.status, ==, 0);
  ctl (&status, NULL, NULL, "--database", fresh, "status");
  g_assert_cmpint (status.status, ==, 0);
  g_assert_nonnull (strstr (status.out, "schema version: 0\n"));

  names = sc_test_cluster_psql (cluster, "SELECT string_agg(datname, ',' ORDER BY datname) "
                                         "FROM pg_database WHERE datname LIKE 'ctl%'", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_strstrip (names), ==, "ctl_init_fresh");
}

/* A data directory made by sendcased's first start is one sendcasectl
 * takes without --init. */
static void
test_daemon_made_dir (void)
{
  g_autofree char *tmp = sc_test_make_tmpdir ("sc-ctl-daemon-XXXXXX");
  g_autofree char *dir = g_build_filename (tmp, "data", NULL);
  g_auto(Run) run = { 0 };

  {
    const char *args[] = { "--data-dir", dir, NULL };
    g_autoptr(GError) error = NULL;
    g_autoptr(ScTestDaemon) daemon = sc_test_daemon_spawn (args, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sc_test_daemon_stop (daemon), ==, 0);
  }
  ctl (&run, dir, NULL, "status");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "daemon: not running\n"));
  g_assert_nonnull (strstr (run.out, "pending migrations: none\n"));
  sc_test_rm_rf (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/ctl/help", test_help);
  g_test_add_func ("/server/ctl/bad-usage", test_bad_usage);
  g_test_add_func ("/server/ctl/not-a-data-dir", test_not_a_data_dir);
  g_test_add_func ("/server/ctl/init-and-status", test_init_and_status);
  g_test_add_func ("/server/ctl/init-database", test_init_database);
  g_test_add_func ("/server/ctl/daemon-made-dir", test_daemon_made_dir);
  return g_test_run ();
}
