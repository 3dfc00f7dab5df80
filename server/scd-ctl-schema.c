/* scd-ctl-schema.c
 *
 * `sendcasectl migrate` applies the pending migrations (the daemon also does
 * this at start-up; the command lets an administrator do it first, for
 * example before starting several daemons). With --init it is also the one
 * sendcasectl command that may create a data directory and its cluster.
 * `sendcasectl status` says which schema version the database is at, what is
 * pending and whether a daemon is running on the data directory; it changes
 * nothing, and a directory without a cluster is an error, not a new cluster.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-ctl"

#include "config.h"

#include <stdio.h>

#include "scd-ctl.h"
#include "scd-ctl-commands.h"
#include "scd-ctl-usage.h"
#include "scd-migrate.h"

static const char migrate_usage[] =
  "Usage: " SCD_CTL_GLOBAL_SYNOPSIS " migrate [--init]\n"
  "\n"
  "Applies the pending schema migrations and prints the schema version.\n"
  "sendcased does the same when it starts; run this to do it first.\n"
  "\n"
  "  --init     if DIR holds no sendcase cluster yet, create DIR and the\n"
  "             cluster in it first; without --init such a directory is\n"
  "             refused, so a mistyped --data-dir creates nothing\n"
  "\n"
  "Works whether or not sendcased is running on DIR. Exit status: 0 done,\n"
  "1 failed, 2 bad usage.\n";

static const char status_usage[] =
  "Usage: " SCD_CTL_GLOBAL_SYNOPSIS " status\n"
  "\n"
  "Shows the data directory, whether sendcased is running on it, the schema\n"
  "version and the pending migrations. Changes nothing: a directory that\n"
  "holds no sendcase cluster is an error (exit 1). Without a running daemon\n"
  "the cluster is started for the command and stopped again.\n"
  "\n"
  "Exit status: 0 done, 1 failed, 2 bad usage.\n";

static gboolean
is_help (const char *arg)
{
  return g_str_equal (arg, "--help") || g_str_equal (arg, "-h");
}

int
scd_ctl_migrate_main (const char  *data_dir,
                      const char  *database,
                      int          argc,
                      char       **argv)
{
  g_autoptr(GPtrArray) migrations = NULL;
  g_autoptr(GError) error = NULL;
  ScdCtlDb db;
  guint version = 0;
  gboolean init = FALSE;
  gboolean created = FALSE;
  gboolean ok;

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *escaped = NULL;

      if (is_help (argv[i]))
        {
          fputs (migrate_usage, stdout);
          return 0;
        }
      if (g_str_equal (argv[i], "--init"))
        {
          init = TRUE;
          continue;
        }
      escaped = g_strescape (argv[i], NULL);
      return scd_ctl_fail (2, "migrate: %s \"%s\" (see sendcasectl migrate --help)",
                           argv[i][0] == '-' ? "unknown option" : "unexpected argument", escaped);
    }

  migrations = scd_migrations_load (NULL, &error);
  if (migrations == NULL)
    return scd_ctl_fail (1, "migrate: %s", error->message);
  if (init && database == NULL)
    created = !scd_ctl_check_data_dir (data_dir, NULL);
  if (!scd_ctl_db_open_full (&db, data_dir, database, init ? SCD_CTL_DB_INIT : SCD_CTL_DB_DEFAULT,
                             &error))
    {
      scd_ctl_db_close (&db);
      return scd_ctl_fail (1, "migrate: %s", error->message);
    }
  /* a daemon on DIR made the cluster, even if it is still running initdb */
  created = created && !db.daemon_running;
  if (created)
    printf ("created a new cluster in %s\n", scd_cluster_get_data_dir (db.cluster));
  ok = scd_migrate_run (db.conninfo, migrations, &version, &error);
  scd_ctl_db_close (&db);
  if (!ok)
    return scd_ctl_fail (1, "migrate: %s", error->message);
  printf ("schema version %u\n", version);
  return 0;
}

int
scd_ctl_status_main (const char  *data_dir,
                     const char  *database,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GPtrArray) migrations = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ScdMigrationStatus) status = { 0 };
  ScdCtlDb db;
  gboolean ok;

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *escaped = NULL;

      if (is_help (argv[i]))
        {
          fputs (status_usage, stdout);
          return 0;
        }
      escaped = g_strescape (argv[i], NULL);
      return scd_ctl_fail (2, "status: %s \"%s\" (see sendcasectl status --help)",
                           argv[i][0] == '-' ? "unknown option" : "unexpected argument", escaped);
    }

  migrations = scd_migrations_load (NULL, &error);
  if (migrations == NULL)
    return scd_ctl_fail (1, "status: %s", error->message);
  if (!scd_ctl_db_open_full (&db, data_dir, database, SCD_CTL_DB_READ_ONLY, &error))
    {
      scd_ctl_db_close (&db);
      return scd_ctl_fail (1, "status: %s", error->message);
    }

  if (db.cluster != NULL)
    {
      printf ("data directory: %s\n", scd_cluster_get_data_dir (db.cluster));
      if (db.daemon_running)
        printf ("daemon: running (pid %d)\n", db.daemon_pid);
      else
        printf ("daemon: not running\n");
    }
  else
    printf ("database: given by --database\n");

  ok = scd_migrate_get_status (db.conninfo, migrations, &status, &error);
  scd_ctl_db_close (&db);
  if (!ok)
    return scd_ctl_fail (1, "status: %s", error->message);

  printf ("schema version: %u\n", status.applied_version);
  printf ("latest known: %u\n", status.available_version);
  if (status.pending->len == 0)
    printf ("pending migrations: none\n");
  else
    {
      printf ("pending migrations:\n");
      for (guint i = 0; i < status.pending->len; i++)
        printf ("  %s\n", ((ScdMigration *) g_ptr_array_index (status.pending, i))->name);
    }
  return 0;
}
