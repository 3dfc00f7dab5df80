/* scd-ctl.c
 *
 * Database access for sendcasectl. The administrator's commands must work
 * whether or not the daemon is running: with a daemon on the data directory
 * we connect to the cluster it runs; without one we take the directory's lock
 * ourselves, start the cluster for the length of the command, and stop it.
 *
 * Only a directory that already holds a cluster is used: a mistyped
 * --data-dir must fail with one line and leave nothing behind (not even the
 * directory), so the check comes before the lock, which would create the
 * directory, and before the start, which would run initdb. `sendcasectl
 * init` is the one command that may create a cluster (SCD_CTL_DB_INIT);
 * sendcased creates one on its first start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-ctl"

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "sc-error.h"
#include "scd-config.h"
#include "scd-ctl.h"
#include "scd-migrate.h"
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

/* @dir is the directory to check; @given says whether the user named it
 * (--data-dir) or it is the default, which changes the advice. */
static gboolean
check_data_dir (const char  *dir,
                gboolean     given,
                GError     **error)
{
  g_autofree char *version_file = g_build_filename (dir, "pgdata", "PG_VERSION", NULL);
  g_autofree char *quoted = NULL;
  g_autofree char *advice = NULL;
  const char *what = NULL;
  GStatBuf st;

  if (g_stat (dir, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno != ENOENT)
        {
          g_set_error (error, SC_ERROR,
                       saved_errno == EACCES ? SC_ERROR_FORBIDDEN : SC_ERROR_INTERNAL,
                       "cannot use data directory \"%s\": %s", dir, g_strerror (saved_errno));
          return FALSE;
        }
      what = "it does not exist";
    }
  else if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_NOT_FOUND,
                   "no sendcase data directory at \"%s\": it is not a directory (%s)", dir,
                   given ? "check --data-dir" : "it is the default; give --data-dir DIR");
      return FALSE;
    }
  else if (g_stat (version_file, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EACCES)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_FORBIDDEN,
                       "cannot look inside data directory \"%s\": %s (run sendcasectl as the user "
                       "that sendcased runs as)", dir, g_strerror (saved_errno));
          return FALSE;
        }
      if (saved_errno != ENOENT && saved_errno != ENOTDIR)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "cannot use data directory \"%s\": %s",
                       dir, g_strerror (saved_errno));
          return FALSE;
        }
      what = "it holds no sendcase cluster";
    }
  else
    return TRUE;

  quoted = g_shell_quote (dir);
  if (given)
    advice = g_strdup_printf ("check --data-dir, or create one with: "
                              "sendcasectl --data-dir %s init", quoted);
  else
    advice = g_strdup ("it is the default; give --data-dir DIR, or create one with: "
                       "sendcasectl init");
  g_set_error (error, SC_ERROR, SC_ERROR_NOT_FOUND, "no sendcase data directory at \"%s\": %s (%s)",
               dir, what, advice);
  return FALSE;
}

gboolean
scd_ctl_check_data_dir (const char  *data_dir,
                        GError     **error)
{
  g_autofree char *dir = NULL;

  dir = data_dir != NULL ? g_strdup (data_dir) : scd_config_dup_default_data_dir ();
  return check_data_dir (dir, data_dir != NULL, error);
}

gboolean
scd_ctl_db_open_full (ScdCtlDb       *db,
                      const char     *data_dir,
                      const char     *database,
                      ScdCtlDbFlags   flags,
                      GError        **error)
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

  if (!(flags & SCD_CTL_DB_INIT) && !check_data_dir (dir, data_dir != NULL, error))
    return FALSE;
  if (!scd_cluster_lock (db->cluster, error) || !scd_cluster_start (db->cluster, error))
    return FALSE;
  db->started_here = TRUE;
  db->conninfo = scd_cluster_dup_conninfo (db->cluster);
  if (flags & SCD_CTL_DB_READ_ONLY)
    return TRUE;
  return scd_migrate_ensure_database (db->conninfo, error);
}

gboolean
scd_ctl_db_open (ScdCtlDb    *db,
                 const char  *data_dir,
                 const char  *database,
                 GError     **error)
{
  return scd_ctl_db_open_full (db, data_dir, database, SCD_CTL_DB_DEFAULT, error);
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

ScdSync *
scd_ctl_open_stores (ScdCtlDb    *db,
                     const char  *data_dir,
                     const char  *database,
                     GError     **error)
{
  g_autoptr(GPtrArray) migrations = NULL;

  if (!scd_ctl_db_open (db, data_dir, database, error))
    return NULL;
  migrations = scd_migrations_load (NULL, error);
  if (migrations == NULL || !scd_migrate_run (db->conninfo, migrations, NULL, error))
    return NULL;
  return scd_sync_new (db->conninfo, error);
}
