/* scd-ctl-schema.c
 *
 * `sendcasectl migrate` applies the pending migrations (the daemon also does
 * this at start-up; the command lets an administrator do it first, for
 * example before starting several daemons). `sendcasectl status` says which
 * schema version the database is at, what is pending and whether a daemon is
 * running on the data directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-ctl"

#include "config.h"

#include <stdio.h>

#include "scd-ctl.h"
#include "scd-ctl-commands.h"
#include "scd-migrate.h"

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

  if (argc > 1)
    return scd_ctl_fail (2, "migrate: unexpected argument \"%s\"", argv[1]);

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
  g_auto(ScdMigrationStatus) status = { 0 };
  ScdCtlDb db;
  gboolean ok;

  if (argc > 1)
    return scd_ctl_fail (2, "status: unexpected argument \"%s\"", argv[1]);

  migrations = scd_migrations_load (NULL, &error);
  if (migrations == NULL)
    return scd_ctl_fail (1, "status: %s", error->message);
  if (!scd_ctl_db_open (&db, data_dir, database, &error))
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
