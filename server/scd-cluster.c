/* scd-cluster.c
 *
 * The embedded PostgreSQL cluster that sendcased runs when it is given no
 * --database. Layout of the data directory:
 *
 *   DIR/sendcased.lock   flock()ed by the one process using DIR; holds its pid
 *   DIR/pgdata/          the cluster (initdb'd into pgdata.new, then renamed,
 *                        so a crash during initdb leaves nothing half made)
 *   DIR/run/             the Unix socket; there is no TCP listener
 *   DIR/log/postgresql.log
 *
 * PostgreSQL refuses to run as root, so a daemon started as root runs initdb
 * and pg_ctl as the unprivileged "postgres" user, which then owns pgdata, run
 * and log; DIR itself stays root's, traversable but not listable.
 *
 * A stale postmaster.pid (after a crash of the machine) is removed before the
 * start; a postmaster still running from a daemon that was killed is adopted
 * rather than fought over. A postmaster that dies under a running daemon is
 * started again by it (scd_cluster_restart_async, with pg_ctl run as a
 * subprocess the main loop does not wait for); PostgreSQL itself then
 * refuses to start while processes of the dead one still hold its shared
 * memory, so the daemon retries with backoff.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-cluster"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sc-error.h"
#include "scd-cluster.h"

#define CLUSTER_PORT "5432"
#define DATABASE_NAME "sendcase"

struct _ScdCluster
{
  GObject   parent_instance;

  char     *data_dir;
  char     *pgdata;
  char     *run_dir;
  char     *log_dir;
  char     *log_file;
  char     *lock_file;
  char     *bindir;
  int       lock_fd;     /* -1 unless we hold the lock */
  gboolean  as_root;     /* run PostgreSQL as pg_uid/pg_gid */
  uid_t     pg_uid;
  gid_t     pg_gid;
  gboolean  running;     /* we started or adopted it */
};

G_DEFINE_FINAL_TYPE (ScdCluster, scd_cluster, G_TYPE_OBJECT)

static void
scd_cluster_finalize (GObject *object)
{
  ScdCluster *self = SCD_CLUSTER (object);

  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->pgdata, g_free);
  g_clear_pointer (&self->run_dir, g_free);
  g_clear_pointer (&self->log_dir, g_free);
  g_clear_pointer (&self->log_file, g_free);
  g_clear_pointer (&self->lock_file, g_free);
  g_clear_pointer (&self->bindir, g_free);

  G_OBJECT_CLASS (scd_cluster_parent_class)->finalize (object);
}

static void
scd_cluster_class_init (ScdClusterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = scd_cluster_finalize;
}

static void
scd_cluster_init (ScdCluster *self)
{
  self->lock_fd = -1;
}

ScdCluster *
scd_cluster_new (const char *data_dir)
{
  ScdCluster *self;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (SCD_TYPE_CLUSTER, NULL);
  self->data_dir = g_canonicalize_filename (data_dir, NULL);
  self->pgdata = g_build_filename (self->data_dir, "pgdata", NULL);
  self->run_dir = g_build_filename (self->data_dir, "run", NULL);
  self->log_dir = g_build_filename (self->data_dir, "log", NULL);
  self->log_file = g_build_filename (self->log_dir, "postgresql.log", NULL);
  self->lock_file = g_build_filename (self->data_dir, "sendcased.lock", NULL);
  self->as_root = geteuid () == 0;
  return self;
}

const char *
scd_cluster_get_data_dir (ScdCluster *self)
{
  g_return_val_if_fail (SCD_IS_CLUSTER (self), NULL);
  return self->data_dir;
}

/* --- helpers ------------------------------------------------------------ */

static gboolean
ensure_dir (const char  *path,
            int          mode,
            GError     **error)
{
  if (g_mkdir_with_parents (path, mode) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL,
                   "could not create directory \"%s\": %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
give_to_postgres (ScdCluster  *self,
                  const char  *path,
                  GError     **error)
{
  if (!self->as_root)
    return TRUE;
  if (chown (path, self->pg_uid, self->pg_gid) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL,
                   "could not give \"%s\" to the postgres user: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static char *
find_bindir (GError **error)
{
  const char *env = g_getenv ("SC_PG_BINDIR");
  g_autoptr(GDir) dir = NULL;
  g_autofree char *best = NULL;
  g_autofree char *pg_config_out = NULL;
  guint best_version = 0;
  const char *name;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  dir = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *initdb = g_build_filename ("/usr/lib/postgresql", name, "bin", "initdb", NULL);
      guint64 version;

      if (g_ascii_string_to_unsigned (name, 10, 1, 1000, &version, NULL) &&
          version > best_version && g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE))
        {
          best_version = (guint) version;
          g_free (best);
          best = g_build_filename ("/usr/lib/postgresql", name, "bin", NULL);
        }
    }
  if (best != NULL)
    return g_steal_pointer (&best);

  if (g_spawn_command_line_sync ("pg_config --bindir", &pg_config_out, NULL, NULL, NULL) &&
      pg_config_out != NULL)
    {
      g_autofree char *initdb = g_build_filename (g_strstrip (pg_config_out), "initdb", NULL);
      if (g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE))
        return g_strdup (pg_config_out);
    }

  g_set_error_literal (error, SC_ERROR, SC_ERROR_INTERNAL,
                       "cannot find PostgreSQL's initdb: install the postgresql package, "
                       "or set SC_PG_BINDIR, or give --database");
  return NULL;
}

static void
drop_privileges_cb (gpointer user_data)
{
  ScdCluster *self = user_data;

  /* Runs in the child between fork and exec: async-signal-safe calls only. */
  if (setgroups (0, NULL) != 0 || setgid (self->pg_gid) != 0 || setuid (self->pg_uid) != 0)
    _exit (126);
}

static GPtrArray *
pg_argv (ScdCluster         *self,
         const char * const *args)
{
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (argv, g_build_filename (self->bindir, args[0], NULL));
  for (guint i = 1; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  return argv;
}

static char **
pg_environ (void)
{
  char **envp = g_get_environ ();

  envp = g_environ_unsetenv (envp, "PGDATA");
  envp = g_environ_unsetenv (envp, "PGHOST");
  envp = g_environ_unsetenv (envp, "PGPORT");
  envp = g_environ_setenv (envp, "LC_MESSAGES", "C", TRUE);
  return envp;
}

/* Runs a PostgreSQL program (as the postgres user when we are root). */
static gboolean
run_pg_program (ScdCluster         *self,
                const char * const *args,
                GError            **error)
{
  g_autoptr(GPtrArray) argv = pg_argv (self, args);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) envp = pg_environ ();
  int status = 0;

  if (!g_spawn_sync (self->data_dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                     self->as_root ? drop_privileges_cb : NULL, self,
                     &out, &err, &status, &local_error))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "could not run %s: %s",
                   args[0], local_error->message);
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "%s failed: %s",
                   args[0], g_strstrip (err != NULL && *err ? err : out));
      return FALSE;
    }
  return TRUE;
}

/* Every directory above DIR must let the postgres user pass. */
static gboolean
check_reachable_by_postgres (ScdCluster  *self,
                             GError     **error)
{
  g_autofree char *path = g_strdup (self->data_dir);

  while (TRUE)
    {
      struct stat st;
      char *slash;

      if (stat (path, &st) == 0)
        {
          gboolean passes = (st.st_mode & S_IXOTH) != 0 ||
                            (st.st_uid == self->pg_uid && (st.st_mode & S_IXUSR)) ||
                            (st.st_gid == self->pg_gid && (st.st_mode & S_IXGRP));
          if (!passes)
            {
              g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL,
                           "cannot use data directory \"%s\": the postgres user cannot pass "
                           "through \"%s\" (mode %o); choose a data directory outside it "
                           "with --data-dir", self->data_dir, path, st.st_mode & 07777);
              return FALSE;
            }
        }
      slash = strrchr (path, '/');
      if (slash == NULL || slash == path)
        break;
      *slash = '\0';
    }
  return TRUE;
}

static char *
quote_conf (const char *value)
{
  GString *out = g_string_new ("'");

  for (const char *p = value; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, *p);
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
  return g_string_free (out, FALSE);
}

static gboolean
write_owned_file (ScdCluster  *self,
                  const char  *path,
                  const char  *contents,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &local_error))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "could not write \"%s\": %s",
                   path, local_error->message);
      return FALSE;
    }
  return give_to_postgres (self, path, error);
}

/* Settings rewritten on every start, so a moved data directory follows. */
static gboolean
write_settings (ScdCluster  *self,
                GError     **error)
{
  g_autofree char *path = g_build_filename (self->pgdata, "sendcase.conf", NULL);
  g_autofree char *socket_dir = quote_conf (self->run_dir);
  g_autoptr(GString) conf = g_string_new ("# Written by sendcased on every start: edit postgresql.conf instead.\n");

  g_string_append (conf, "listen_addresses = ''\n");
  g_string_append_printf (conf, "unix_socket_directories = %s\n", socket_dir);
  g_string_append (conf, "unix_socket_permissions = 0700\n");
  g_string_append (conf, "port = " CLUSTER_PORT "\n");
  g_string_append (conf, "max_connections = 100\n");
  g_string_append (conf, "shared_buffers = 128MB\n");
  if (g_strcmp0 (g_getenv ("SC_EMBEDDED_FAST"), "1") == 0)
    /* Only the test harness sets this: data it writes is thrown away. */
    g_string_append (conf, "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n");
  return write_owned_file (self, path, conf->str, error);
}

static gboolean
initdb (ScdCluster  *self,
        GError     **error)
{
  g_autofree char *staging = g_strconcat (self->pgdata, ".new", NULL);
  g_autofree char *conf_path = g_build_filename (staging, "postgresql.conf", NULL);
  g_autofree char *conf = NULL;
  g_autofree char *new_conf = NULL;
  gboolean fast = g_strcmp0 (g_getenv ("SC_EMBEDDED_FAST"), "1") == 0;
  const char *args[] = { "initdb", "-D", staging, "-U", "postgres", "-A", "trust",
                         "-E", "UTF8", "--locale=C.UTF-8", fast ? "--no-sync" : NULL, NULL };

  g_message ("creating PostgreSQL cluster in %s", self->pgdata);

  if (g_file_test (staging, G_FILE_TEST_EXISTS))
    {
      /* left by an interrupted initdb: nothing in it is worth keeping */
      const char *rm_argv[] = { "rm", "-rf", "--", staging, NULL };
      if (!g_spawn_sync (NULL, (char **) rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                         NULL, NULL, NULL, error))
        return FALSE;
    }
  if (g_mkdir (staging, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "could not create \"%s\": %s",
                   staging, g_strerror (saved_errno));
      return FALSE;
    }
  if (!give_to_postgres (self, staging, error))
    return FALSE;
  if (!run_pg_program (self, args, error))
    return FALSE;

  if (!g_file_get_contents (conf_path, &conf, NULL, error))
    return FALSE;
  new_conf = g_strconcat (conf, "\n# sendcase's own settings\ninclude_if_exists = 'sendcase.conf'\n", NULL);
  if (!write_owned_file (self, conf_path, new_conf, error))
    return FALSE;

  if (g_rename (staging, self->pgdata) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "could not rename \"%s\": %s",
                   staging, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* The pid in postmaster.pid, if that process is a postmaster of this
 * cluster (its working directory is pgdata). 0 otherwise. */
static GPid
running_postmaster (ScdCluster *self)
{
  g_autofree char *pid_path = g_build_filename (self->pgdata, "postmaster.pid", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *cwd_link = NULL;
  g_autofree char *cwd = NULL;
  guint64 pid;
  char *newline;

  if (!g_file_get_contents (pid_path, &contents, NULL, NULL))
    return 0;
  newline = strchr (contents, '\n');
  if (newline != NULL)
    *newline = '\0';
  if (!g_ascii_string_to_unsigned (g_strstrip (contents), 10, 1, G_MAXINT32, &pid, NULL))
    return 0;
  cwd_link = g_strdup_printf ("/proc/%" G_GUINT64_FORMAT "/cwd", pid);
  cwd = g_file_read_link (cwd_link, NULL);
  if (cwd == NULL || g_strcmp0 (cwd, self->pgdata) != 0)
    return 0;
  return (GPid) pid;
}

static void
remove_stale_files (ScdCluster *self)
{
  const char *names[] = { "postmaster.pid" };
  g_autofree char *socket_lock = g_build_filename (self->run_dir, ".s.PGSQL." CLUSTER_PORT ".lock", NULL);
  g_autofree char *socket = g_build_filename (self->run_dir, ".s.PGSQL." CLUSTER_PORT, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (self->pgdata, names[i], NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_message ("removing stale %s left by an earlier run", path);
          g_unlink (path);
        }
    }
  g_unlink (socket_lock);
  g_unlink (socket);
}

static char *
tail_of_log (ScdCluster *self)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  const char *start;
  int lines = 0;

  if (!g_file_get_contents (self->log_file, &contents, &len, NULL) || len == 0)
    return g_strdup ("(the PostgreSQL log is empty)");
  start = contents + len - 1;
  while (start > contents && lines < 6)
    {
      start--;
      if (*start == '\n')
        lines++;
    }
  return g_strstrip (g_strdup (start));
}

/* --- public API --------------------------------------------------------- */

gboolean
scd_cluster_is_locked_elsewhere (ScdCluster *self,
                                 GPid       *holder)
{
  g_autofree char *contents = NULL;
  guint64 pid = 0;
  int fd;
  gboolean locked;

  g_return_val_if_fail (SCD_IS_CLUSTER (self), FALSE);

  if (self->lock_fd >= 0)
    return FALSE;
  fd = open (self->lock_file, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return FALSE;
  locked = flock (fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  close (fd);
  if (locked && holder != NULL)
    {
      if (g_file_get_contents (self->lock_file, &contents, NULL, NULL))
        g_ascii_string_to_unsigned (g_strstrip (contents), 10, 1, G_MAXINT32, &pid, NULL);
      *holder = (GPid) pid;
    }
  return locked;
}

gboolean
scd_cluster_lock (ScdCluster  *self,
                  GError     **error)
{
  g_autofree char *pid_text = NULL;
  int fd;

  g_return_val_if_fail (SCD_IS_CLUSTER (self), FALSE);

  if (self->lock_fd >= 0)
    return TRUE;
  if (!ensure_dir (self->data_dir, self->as_root ? 0711 : 0700, error))
    return FALSE;

  fd = open (self->lock_file, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "could not open \"%s\": %s",
                   self->lock_file, g_strerror (saved_errno));
      return FALSE;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      GPid holder = 0;
      g_autofree char *contents = NULL;
      guint64 pid = 0;

      close (fd);
      if (g_file_get_contents (self->lock_file, &contents, NULL, NULL))
        g_ascii_string_to_unsigned (g_strstrip (contents), 10, 1, G_MAXINT32, &pid, NULL);
      holder = (GPid) pid;
      g_set_error (error, SC_ERROR, SC_ERROR_CONFLICT,
                   "data directory \"%s\" is in use by another process (pid %d): "
                   "stop it first, or use another --data-dir", self->data_dir, holder);
      return FALSE;
    }
  pid_text = g_strdup_printf ("%d\n", (int) getpid ());
  if (ftruncate (fd, 0) != 0 || write (fd, pid_text, strlen (pid_text)) < 0)
    g_debug ("could not record our pid in %s", self->lock_file);
  self->lock_fd = fd;
  return TRUE;
}

gboolean
scd_cluster_start (ScdCluster  *self,
                   GError     **error)
{
  g_autofree char *version_file = NULL;
  GPid adopted;

  g_return_val_if_fail (SCD_IS_CLUSTER (self), FALSE);
  g_return_val_if_fail (self->lock_fd >= 0, FALSE);

  if (self->running)
    return TRUE;

  if (self->bindir == NULL && (self->bindir = find_bindir (error)) == NULL)
    return FALSE;

  if (self->as_root)
    {
      struct passwd *pw = getpwnam ("postgres");

      if (pw == NULL)
        {
          g_set_error_literal (error, SC_ERROR, SC_ERROR_INTERNAL,
                               "cannot run PostgreSQL as root and there is no \"postgres\" user: "
                               "install the postgresql package, or run sendcased as an ordinary user");
          return FALSE;
        }
      self->pg_uid = pw->pw_uid;
      self->pg_gid = pw->pw_gid;
      if (!check_reachable_by_postgres (self, error))
        return FALSE;
    }

  if (!ensure_dir (self->run_dir, 0700, error) || !give_to_postgres (self, self->run_dir, error) ||
      !ensure_dir (self->log_dir, 0700, error) || !give_to_postgres (self, self->log_dir, error))
    return FALSE;

  version_file = g_build_filename (self->pgdata, "PG_VERSION", NULL);
  if (!g_file_test (version_file, G_FILE_TEST_EXISTS) && !initdb (self, error))
    return FALSE;

  if (!write_settings (self, error))
    return FALSE;

  adopted = running_postmaster (self);
  if (adopted != 0)
    {
      g_message ("adopting PostgreSQL (pid %d) left running by an earlier sendcased", adopted);
      self->running = TRUE;
      return TRUE;
    }
  remove_stale_files (self);

  {
    const char *args[] = { "pg_ctl", "-D", self->pgdata, "-l", self->log_file,
                           "-w", "-t", "120", "-s", "start", NULL };
    g_autoptr(GError) local_error = NULL;

    if (!run_pg_program (self, args, &local_error))
      {
        g_autofree char *tail = tail_of_log (self);
        g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL,
                     "could not start the embedded PostgreSQL in \"%s\": %s\n%s",
                     self->pgdata, local_error->message, tail);
        return FALSE;
      }
  }
  g_message ("PostgreSQL started in %s (socket in %s)", self->pgdata, self->run_dir);
  self->running = TRUE;
  return TRUE;
}

gboolean
scd_cluster_stop (ScdCluster  *self,
                  GError     **error)
{
  const char *args[] = { "pg_ctl", "-D", NULL, "-m", "fast", "-w", "-t", "120", "-s", "stop", NULL };
  g_autofree char *pid_file = NULL;

  g_return_val_if_fail (SCD_IS_CLUSTER (self), FALSE);

  if (!self->running)
    return TRUE;
  if (running_postmaster (self) == 0)
    {
      /* killed, or never came back: there is nothing to stop */
      self->running = FALSE;
      g_message ("PostgreSQL was not running");
      return TRUE;
    }
  args[2] = self->pgdata;
  if (!run_pg_program (self, args, error))
    return FALSE;
  self->running = FALSE;
  g_message ("PostgreSQL stopped");
  return TRUE;
}

GPid
scd_cluster_get_postmaster_pid (ScdCluster *self)
{
  g_return_val_if_fail (SCD_IS_CLUSTER (self), 0);
  return running_postmaster (self);
}

static void
restart_waited_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ScdCluster *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_wait_check_finish (G_SUBPROCESS (object), result, &error))
    {
      g_autofree char *tail = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* one line for the daemon's log: PostgreSQL's last word says why */
      tail = tail_of_log (self);
      g_task_return_new_error (task, SC_ERROR, SC_ERROR_UNAVAILABLE,
                               "could not start the embedded PostgreSQL in \"%s\" again: %s",
                               self->pgdata, strrchr (tail, '\n') != NULL ? strrchr (tail, '\n') + 1 : tail);
      return;
    }
  self->running = TRUE;
  g_task_return_boolean (task, TRUE);
}

void
scd_cluster_restart_async (ScdCluster          *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = NULL;
  g_auto(GStrv) envp = NULL;
  g_autoptr(GError) error = NULL;
  const char *args[] = { "pg_ctl", "-D", self->pgdata, "-l", self->log_file,
                         "-w", "-t", "60", "-s", "start", NULL };

  g_return_if_fail (SCD_IS_CLUSTER (self));
  g_return_if_fail (self->bindir != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scd_cluster_restart_async);
  if (running_postmaster (self) != 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  argv = pg_argv (self, args);
  envp = pg_environ ();
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_environ (launcher, envp);
  g_subprocess_launcher_set_cwd (launcher, self->data_dir);
  if (self->as_root)
    g_subprocess_launcher_set_child_setup (launcher, drop_privileges_cb, self, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  if (process == NULL)
    {
      g_task_return_new_error (task, SC_ERROR, SC_ERROR_UNAVAILABLE, "could not run pg_ctl: %s", error->message);
      return;
    }
  /* pg_ctl -w waits for the server to accept connections: off the main loop */
  g_subprocess_wait_check_async (process, cancellable, restart_waited_cb, g_steal_pointer (&task));
}

gboolean
scd_cluster_restart_finish (ScdCluster    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
scd_cluster_is_running (ScdCluster *self)
{
  g_return_val_if_fail (SCD_IS_CLUSTER (self), FALSE);
  return self->running;
}

static void
append_conninfo_value (GString    *out,
                       const char *key,
                       const char *value)
{
  g_string_append_printf (out, "%s%s='", out->len ? " " : "", key);
  for (const char *p = value; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

char *
scd_cluster_dup_conninfo (ScdCluster *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (SCD_IS_CLUSTER (self), NULL);

  append_conninfo_value (out, "host", self->run_dir);
  append_conninfo_value (out, "port", CLUSTER_PORT);
  append_conninfo_value (out, "user", "postgres");
  append_conninfo_value (out, "dbname", DATABASE_NAME);
  append_conninfo_value (out, "application_name", "sendcased");
  return g_string_free (out, FALSE);
}
