/* scd-ctl-schema.c
 *
 * `sendcasectl migrate` applies the pending migrations (the daemon also does
 * this at start-up; the command lets an administrator do it first, for
 * example before starting several daemons). `sendcasectl init` is the one
 * command that creates a data directory: its cluster and the empty database,
 * with no schema, which is also what a restore from a dump starts from.
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

static const char init_usage[] =
  "Usage: " SCD_CTL_GLOBAL_SYNOPSIS " init\n"
  "\n"
  "Creates the data directory DIR, its PostgreSQL cluster and the empty\n"
  "\"sendcase\" database, and applies no migration (\"sendcasectl migrate\", a\n"
  "user command or sendcased's first start does that). This is the only\n"
  "command that creates a data directory; every other one refuses a path\n"
  "that holds no sendcase cluster, so a mistyped --data-dir creates nothing.\n"
  "On a data directory that exists it changes nothing. With --database it\n"
  "creates that database if the server has none of that name.\n"
  "\n"
  "Exit status: 0 done, 1 failed, 2 bad usage.\n";

static const char migrate_usage[] =
  "Usage: " SCD_CTL_GLOBAL_SYNOPSIS " migrate\n"
  "\n"
  "Applies the pending schema migrations and prints the schema version.\n"
  "sendcased does the same when it starts; run this to do it first. DIR\n"
  "must already be a data directory (see sendcasectl init --help).\n"
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

/* These commands take no arguments but --help. Returns the exit status
 * when the command is done here (help, or bad usage), else -1. */
static int
parse_no_args (const char  *command,
               const char  *usage,
               int          argc,
               char       **argv)
{
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *escaped = NULL;

      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          fputs (usage, stdout);
          return 0;
        }
      escaped = g_strescape (argv[i], NULL);
      return scd_ctl_fail (2, "%s: %s \"%s\" (see sendcasectl %s --help)", command,
                           argv[i][0] == '-' ? "unknown option" : "unexpected argument", escaped,
                           command);
    }
  return -1;
}

int
scd_ctl_init_main (const char  *data_dir,
                   const char  *database,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GError) error = NULL;
  ScdCtlDb db;
  gboolean existed;
  int status;

  if ((status = parse_no_args ("init", init_usage, argc, argv)) >= 0)
    return status;

  if (database != NULL)
    {
      if (!scd_migrate_ensure_database (database, &error))
        return scd_ctl_fail (1, "init: %s", error->message);
      printf ("database ready\n");
      return 0;
    }

  existed = scd_ctl_check_data_dir (data_dir, NULL);
  if (!scd_ctl_db_open_full (&db, data_dir, NULL, SCD_CTL_DB_INIT, &error))
    {
      scd_ctl_db_close (&db);
      return scd_ctl_fail (1, "init: %s", error->message);
    }
  /* a daemon on DIR made the cluster, even if it is still running initdb */
  if (existed || db.daemon_running)
    printf ("%s already holds a sendcase cluster\n", scd_cluster_get_data_dir (db.cluster));
  else
    printf ("created a new cluster in %s\n", scd_cluster_get_data_dir (db.cluster));
  scd_ctl_db_close (&db);
  return 0;
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
  gboolean ok;
  int status;

  if ((status = parse_no_args ("migrate", migrate_usage, argc, argv)) >= 0)
    return status;

  migrations = scd_migrations_load (NULL, &error);
  if (migrations == NULL)
    return scd_ctl_fail (1, "migrate: %s", error->message);
  if (!scd_ctl_db_open (&db, data_dir, database, &error))
    {
      scd_ctl_db_close (&db);
      return scd_ctl_fail (1, "migrate: %s", error->message);
    }
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
  g_auto(ScdMigrationStatus) migration_status = { 0 };
  ScdCtlDb db;
  gboolean ok;
  int status;

  if ((status = parse_no_args ("status", status_usage, argc, argv)) >= 0)
    return status;

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

  ok = scd_migrate_get_status (db.conninfo, migrations, &migration_status, &error);
  scd_ctl_db_close (&db);
  if (!ok)
    return scd_ctl_fail (1, "status: %s", error->message);

  printf ("schema version: %u\n", migration_status.applied_version);
  printf ("latest known: %u\n", migration_status.available_version);
  if (migration_status.pending->len == 0)
    printf ("pending migrations: none\n");
  else
    {
      printf ("pending migrations:\n");
      for (guint i = 0; i < migration_status.pending->len; i++)
        printf ("  %s\n", ((ScdMigration *) g_ptr_array_index (migration_status.pending, i))->name);
    }
  return 0;
}
