/* test-migrations.c
 *
 * Migrations against a real throwaway cluster: applied once, a second run
 * changes nothing, a broken one stops start-up naming the file and leaves the
 * schema as it was, a database newer than the binary is refused, the set
 * compiled into the binary is exactly the files of sql/, and two daemons
 * started at the same instant on one empty database apply each migration
 * once between them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/wait.h>

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"
#include "scd-migrate.h"

static const char schema_fingerprint_sql[] =
  "SELECT coalesce(string_agg(table_name || '.' || column_name || ':' || data_type, ',' "
  "ORDER BY table_name, column_name), '') FROM information_schema.columns WHERE table_schema = 'public'";

static char *
run_ctl (const char *conninfo,
         const char *command,
         int        *exit_status,
         char      **err_out)
{
  g_autofree char *sendcasectl = sc_test_build_path ("server/sendcasectl");
  const char *argv[] = { sendcasectl, "--database", conninfo, command, NULL };
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, err_out,
                               &status, NULL));
  *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return out;
}

static void
test_migrate_twice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTestCluster) cluster = sc_test_cluster_new (&error);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *schema1 = NULL;
  g_autofree char *schema2 = NULL;
  g_autofree char *count1 = NULL;
  g_autofree char *count2 = NULL;
  g_autofree char *status_out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_no_error (error);
  first = run_ctl (sc_test_cluster_get_conninfo (cluster), "migrate", &status, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (first, "schema version "));
  schema1 = sc_test_cluster_psql (cluster, schema_fingerprint_sql, &error);
  g_assert_no_error (error);
  count1 = sc_test_cluster_psql (cluster, "SELECT count(*) || '/' || max(applied_at) FROM schema_migrations", &error);
  g_assert_no_error (error);

  second = run_ctl (sc_test_cluster_get_conninfo (cluster), "migrate", &status, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (first, ==, second);
  schema2 = sc_test_cluster_psql (cluster, schema_fingerprint_sql, &error);
  count2 = sc_test_cluster_psql (cluster, "SELECT count(*) || '/' || max(applied_at) FROM schema_migrations", &error);
  g_assert_cmpstr (schema1, ==, schema2);
  g_assert_cmpstr (count1, ==, count2);

  status_out = run_ctl (sc_test_cluster_get_conninfo (cluster), "status", &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (status_out, "pending migrations: none"));
}

static char *
copy_migrations_with (const char *extra_name,
                      const char *extra_sql)
{
  g_autofree char *source = g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "sql", NULL);
  char *dir = sc_test_make_tmpdir ("sc-sql-XXXXXX");
  g_autoptr(GDir) gdir = g_dir_open (source, 0, NULL);
  const char *name;

  g_assert_nonnull (gdir);
  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *from = g_build_filename (source, name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      if (!g_str_has_suffix (name, ".sql"))
        continue;
      g_assert_true (g_file_get_contents (from, &contents, NULL, NULL));
      g_assert_true (g_file_set_contents (to, contents, -1, NULL));
    }
  if (extra_name != NULL)
    {
      g_autofree char *to = g_build_filename (dir, extra_name, NULL);
      g_assert_true (g_file_set_contents (to, extra_sql, -1, NULL));
    }
  return dir;
}

static void
test_broken_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTestCluster) cluster = sc_test_cluster_new (&error);
  g_autofree char *good_dir = copy_migrations_with (NULL, NULL);
  g_autofree char *bad_dir = copy_migrations_with ("9000-broken.sql",
                                                   "CREATE TABLE half_done (x integer);\n"
                                                   "INSERT INTO half_done VALUES (1);\n"
                                                   "SELECT 1 / 0;\n");
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  g_autofree char *version = NULL;
  g_autoptr(ScTestDaemon) daemon = NULL;

  g_assert_no_error (error);
  {
    const char *args[] = { "--database", sc_test_cluster_get_conninfo (cluster), "--migrations-dir", good_dir, NULL };
    daemon = sc_test_daemon_spawn (args, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sc_test_daemon_stop (daemon), ==, 0);
    g_clear_pointer (&daemon, sc_test_daemon_free);
  }
  schema_before = sc_test_cluster_psql (cluster, schema_fingerprint_sql, &error);
  g_assert_no_error (error);

  {
    const char *args[] = { "--database", sc_test_cluster_get_conninfo (cluster), "--migrations-dir", bad_dir, NULL };
    daemon = sc_test_daemon_spawn (args, &error);
  }
  g_assert_null (daemon);
  g_assert_nonnull (error);
  /* start-up stopped, naming the file and PostgreSQL's message */
  g_assert_nonnull (strstr (error->message, "9000-broken.sql"));
  g_assert_nonnull (strstr (error->message, "division by zero"));
  g_clear_error (&error);

  schema_after = sc_test_cluster_psql (cluster, schema_fingerprint_sql, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (schema_before, ==, schema_after);
  g_assert_null (strstr (schema_after, "half_done"));
  version = sc_test_cluster_psql (cluster, "SELECT max(version) FROM schema_migrations", &error);
  g_assert_cmpstr (version, !=, "9000");
}

static void
test_newer_schema_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTestCluster) cluster = sc_test_cluster_new (&error);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_no_error (error);
  g_free (run_ctl (sc_test_cluster_get_conninfo (cluster), "migrate", &status, NULL));
  g_assert_cmpint (status, ==, 0);
  g_free (sc_test_cluster_psql (cluster, "INSERT INTO schema_migrations (version, name) VALUES (9999, '9999-future.sql')", &error));
  g_assert_no_error (error);
  out = run_ctl (sc_test_cluster_get_conninfo (cluster), "migrate", &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "newer than this sendcase knows"));
}

static void
test_resources_match_sql_dir (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "sql", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) built_in = scd_migrations_load (NULL, &error);
  g_autoptr(GPtrArray) on_disk = NULL;

  g_assert_no_error (error);
  on_disk = scd_migrations_load (source, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (built_in->len, ==, on_disk->len);
  for (guint i = 0; i < built_in->len; i++)
    {
      ScdMigration *a = g_ptr_array_index (built_in, i);
      ScdMigration *b = g_ptr_array_index (on_disk, i);

      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->sql, ==, b->sql);
      g_assert_cmpuint (a->version, ==, i + 1);
    }
}

static guint
count_lines_with (const char *log,
                  const char *text)
{
  g_auto(GStrv) lines = g_strsplit (log, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += strstr (lines[i], text) != NULL;
  return n;
}

/* Two daemons started at the same instant on one empty database: the
 * advisory lock lets one apply the migrations while the other waits; then the
 * other finds nothing to do. Each migration is recorded once, applied by one
 * daemon only, and both serve the same schema version. */
static void
test_two_daemons_one_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTestCluster) cluster = sc_test_cluster_new (&error);
  g_autoptr(GPtrArray) known = scd_migrations_load (NULL, &error);
  const char *args[] = { "--database", NULL, NULL };
  g_autoptr(ScTestDaemon) a = NULL;
  g_autoptr(ScTestDaemon) b = NULL;
  g_autoptr(ScTestResponse) ra = NULL;
  g_autoptr(ScTestResponse) rb = NULL;
  g_autoptr(GString) expected_rows = g_string_new (NULL);
  g_autofree char *rows = NULL;
  g_autofree char *log_a = NULL;
  g_autofree char *log_b = NULL;
  g_autofree char *at_version = NULL;
  ScdMigration *last;

  g_assert_no_error (error);
  g_assert_cmpuint (known->len, >, 0);
  last = g_ptr_array_index (known, known->len - 1);
  args[1] = sc_test_cluster_get_conninfo (cluster);

  /* both processes run before either is waited for */
  a = sc_test_daemon_start (args, &error);
  g_assert_no_error (error);
  b = sc_test_daemon_start (args, &error);
  g_assert_no_error (error);
  g_assert_true (sc_test_daemon_wait_ready (a, &error));
  g_assert_no_error (error);
  g_assert_true (sc_test_daemon_wait_ready (b, &error));
  g_assert_no_error (error);

  /* both healthy, at the newest version */
  ra = sc_test_daemon_request (a, "GET", "/api/v1/health", NULL, NULL, NULL);
  rb = sc_test_daemon_request (b, "GET", "/api/v1/health", NULL, NULL, NULL);
  g_assert_cmpuint (ra->status, ==, 200);
  g_assert_cmpuint (rb->status, ==, 200);
  g_assert_cmpint (sc_test_response_get_int (ra, "schema_version"), ==, last->version);
  g_assert_cmpint (sc_test_response_get_int (rb, "schema_version"), ==, last->version);

  /* exactly the known migrations, each once */
  for (guint i = 0; i < known->len; i++)
    {
      ScdMigration *migration = g_ptr_array_index (known, i);
      g_string_append_printf (expected_rows, "%s%u:%s", i ? "," : "", migration->version, migration->name);
    }
  rows = sc_test_cluster_psql (cluster, "SELECT string_agg(version || ':' || name, ',' ORDER BY version)"
                                        " FROM schema_migrations", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rows, ==, expected_rows->str);

  /* each applied by one daemon, and both started on the same schema */
  log_a = sc_test_daemon_dup_log (a);
  log_b = sc_test_daemon_dup_log (b);
  for (guint i = 0; i < known->len; i++)
    {
      ScdMigration *migration = g_ptr_array_index (known, i);
      g_autofree char *applied = g_strdup_printf ("applied migration %s", migration->name);
      guint in_a = count_lines_with (log_a, applied);
      guint in_b = count_lines_with (log_b, applied);

      if (in_a + in_b != 1)
        g_error ("%s: applied %u times by the first daemon and %u by the second", migration->name, in_a, in_b);
    }
  /* one did all the work (the lock is held for the whole run) */
  g_assert_true (count_lines_with (log_a, "applied migration") == known->len ||
                 count_lines_with (log_b, "applied migration") == known->len);
  at_version = g_strdup_printf ("database schema at version %u", last->version);
  g_assert_cmpuint (count_lines_with (log_a, at_version), ==, 1);
  g_assert_cmpuint (count_lines_with (log_b, at_version), ==, 1);

  g_assert_cmpint (sc_test_daemon_stop (a), ==, 0);
  g_assert_cmpint (sc_test_daemon_stop (b), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/migrations/twice-changes-nothing", test_migrate_twice);
  g_test_add_func ("/server/migrations/broken-leaves-schema", test_broken_migration);
  g_test_add_func ("/server/migrations/newer-schema-refused", test_newer_schema_refused);
  g_test_add_func ("/server/migrations/resources-match-sql-dir", test_resources_match_sql_dir);
  g_test_add_func ("/server/migrations/two-daemons-one-database", test_two_daemons_one_database);
  return g_test_run ();
}
