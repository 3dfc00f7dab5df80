/* scd-ctl.c
 *
 * Database access for sendcasectl. The administrator's commands must work
 * whether or not the daemon is running: with a daemon on the data directory
 * we connect to the cluster it runs; without one we take the directory's lock
 * ourselves, start the cluster for the length of the command, and stop it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-ctl"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "scd-config.h"
#include "scd-ctl.h"
#include "scd-migrate.h"

int
scd_ctl_fail (int         status,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "sendcasectl: %s\n", message);
  return status;
}

gboolean
scd_ctl_db_open (ScdCtlDb    *db,
                 const char  *data_dir,
                 const char  *database,
                 GError     **error)
{
  g_autofree char *dir = NULL;

  memset (db, 0, sizeof *db);

  if (database != NULL)
    {
      db->conninfo = g_strdup (database);
      return TRUE;
    }

  dir = data_dir != NULL ? g_strdup (data_dir) : scd_config_dup_default_data_dir ();
  db->cluster = scd_cluster_new (dir);

  if (scd_cluster_is_locked_elsewhere (db->cluster, &db->daemon_pid))
    {
      /* a daemon owns the cluster and keeps it running */
      db->daemon_running = TRUE;
      db->conninfo = scd_cluster_dup_conninfo (db->cluster);
      return TRUE;
    }

  if (!scd_cluster_lock (db->cluster, error) || !scd_cluster_start (db->cluster, error))
    return FALSE;
  db->started_here = TRUE;
  db->conninfo = scd_cluster_dup_conninfo (db->cluster);
  return scd_migrate_ensure_database (db->conninfo, error);
}

void
scd_ctl_db_close (ScdCtlDb *db)
{
  g_autoptr(GError) error = NULL;

  if (db->started_here && !scd_cluster_stop (db->cluster, &error))
    scd_ctl_fail (1, "%s", error->message);
  g_clear_object (&db->cluster);
  g_clear_pointer (&db->conninfo, g_free);
}
