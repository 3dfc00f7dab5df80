/* sc-test-cluster.c
 *
 * Throwaway PostgreSQL for tests. It reuses the daemon's own embedded-cluster
 * code (ScdCluster) in its fast mode (SC_EMBEDDED_FAST: fsync off), in a
 * fresh directory under /tmp that is removed at the end. Tests then give the
 * daemon --database with this cluster's connection string, exactly as an
 * authority would point it at its own server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"
#include "scd-cluster.h"
#include "scd-migrate.h"

struct _ScTestCluster
{
  int         watchdog_fd;  /* write end of the watchdog's stdin */
  char       *dir;
  ScdCluster *cluster;
  char       *conninfo;
  char       *psql;
};

static char *
find_psql (void)
{
  const char *candidates[] = { "/usr/lib/postgresql/15/bin/psql", "/usr/bin/psql" };
  g_autofree char *in_path = g_find_program_in_path ("psql");

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (g_file_test (candidates[i], G_FILE_TEST_IS_EXECUTABLE))
      return g_strdup (candidates[i]);
  return g_steal_pointer (&in_path);
}

/* A watchdog shell waits for EOF on its standard input, which only this
 * process holds open. When the test ends in any way, an abort included, the
 * pipe closes and the watchdog stops the postmaster at once and removes the
 * directory: a failed test never leaves a cluster behind. */
static void
start_watchdog (ScTestCluster *self)
{
  g_autofree char *script = g_strdup_printf (
    "cat >/dev/null; "
    "pid=$(head -n 1 '%s/pgdata/postmaster.pid' 2>/dev/null); "
    "[ -n \"$pid\" ] && kill -QUIT \"$pid\" 2>/dev/null && sleep 1; "
    "rm -rf '%s'", self->dir, self->dir);
  const char *argv[] = { "/bin/sh", "-c", script, NULL };
  g_autoptr(GError) error = NULL;

  self->watchdog_fd = -1;
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 &self->watchdog_fd, NULL, NULL, &error))
    g_printerr ("could not start the cluster watchdog: %s\n", error->message);
}

ScTestCluster *
sc_test_cluster_new (GError **error)
{
  g_autoptr(ScTestCluster) self = g_new0 (ScTestCluster, 1);

  g_setenv ("SC_EMBEDDED_FAST", "1", TRUE);
  self->dir = sc_test_make_tmpdir ("sc-cluster-XXXXXX");
  start_watchdog (self);
  self->cluster = scd_cluster_new (self->dir);
  self->psql = find_psql ();
  if (!scd_cluster_lock (self->cluster, error) || !scd_cluster_start (self->cluster, error))
    return NULL;
  self->conninfo = scd_cluster_dup_conninfo (self->cluster);
  if (!scd_migrate_ensure_database (self->conninfo, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
sc_test_cluster_free (ScTestCluster *self)
{
  if (self == NULL)
    return;
  if (self->cluster != NULL)
    scd_cluster_stop (self->cluster, NULL);
  g_clear_object (&self->cluster);
  if (self->dir != NULL)
    sc_test_rm_rf (self->dir);
  if (self->watchdog_fd >= 0)
    close (self->watchdog_fd);
  g_free (self->dir);
  g_free (self->conninfo);
  g_free (self->psql);
  g_free (self);
}

const char *
sc_test_cluster_get_conninfo (ScTestCluster *self)
{
  return self->conninfo;
}

const char *
sc_test_cluster_get_dir (ScTestCluster *self)
{
  return self->dir;
}

char *
sc_test_cluster_create_database (ScTestCluster  *self,
                                 const char     *name,
                                 GError        **error)
{
  g_autofree char *conninfo = g_strdup_printf ("%s dbname='%s'", self->conninfo, name);

  /* a later dbname= in a connection string wins over the earlier one */
  if (!scd_migrate_ensure_database (conninfo, error))
    return NULL;
  return g_steal_pointer (&conninfo);
}

gboolean
sc_test_cluster_stop (ScTestCluster  *self,
                      GError        **error)
{
  return scd_cluster_stop (self->cluster, error);
}

gboolean
sc_test_cluster_start (ScTestCluster  *self,
                       GError        **error)
{
  return scd_cluster_start (self->cluster, error);
}

char *
sc_test_psql (ScTestCluster *cluster,
              const char    *sql)
{
  g_autoptr(GError) error = NULL;
  char *out = sc_test_cluster_psql (cluster, sql, &error);

  g_assert_no_error (error);
  return out;
}

char *
sc_test_psqlf (ScTestCluster *cluster,
               const char    *format,
               ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return sc_test_psql (cluster, sql);
}

char *
sc_test_cluster_psql (ScTestCluster  *self,
                      const char     *sql,
                      GError        **error)
{
  const char *argv[] = { self->psql, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                         "-d", self->conninfo, "-c", sql, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (self->psql == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "psql not found");
      return NULL;
    }
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, error))
    return NULL;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "psql: %s", g_strstrip (err));
      return NULL;
    }
  return g_strdup (g_strchomp (out));
}

static char *
dup_log (ScTestCluster *cluster,
         gsize         *length)
{
  g_autofree char *path = g_build_filename (sc_test_cluster_get_dir (cluster), "log", "postgresql.log", NULL);
  char *log = NULL;

  if (!g_file_get_contents (path, &log, length, NULL))
    {
      *length = 0;
      return g_strdup ("");
    }
  return log;
}

gsize
sc_test_cluster_get_log_length (ScTestCluster *cluster)
{
  gsize length = 0;

  g_free (dup_log (cluster, &length));
  return length;
}

char *
sc_test_cluster_dup_log_since (ScTestCluster *cluster,
                               gsize          offset)
{
  gsize length = 0;
  g_autofree char *log = dup_log (cluster, &length);

  return g_strdup (log + MIN (offset, length));
}
