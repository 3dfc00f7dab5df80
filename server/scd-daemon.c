/* scd-daemon.c
 *
 * Start-up, in order, each step failing with one clear line:
 *   1. the database: lock the data directory and start (or create) the
 *      embedded cluster, or take --database as given;
 *   2. migrations, under their advisory lock;
 *   3. the pool: connections that log in as the application role, which
 *      cannot rewrite the audit trail, and the stores on it;
 *   4. the listener, once the pool has a connection (or after a few seconds
 *      in any case, so health can say what is wrong).
 * While serving, the daemon that owns the embedded cluster watches it: when
 * the pool loses the database and the postmaster is gone, it starts the
 * cluster again (pg_ctl as a subprocess, so the main loop keeps serving 503s
 * meanwhile), with backoff from 0.5 s to 30 s, one log line per attempt;
 * the pool reconnects by itself. After RESTART_ATTEMPTS_MAX failures in a
 * row it gives up and exits with status 1, so that a supervisor starts it
 * afresh rather than leaving it answering 503 for ever.
 *
 * Shutdown on SIGTERM or SIGINT: stop taking work, let requests in flight
 * finish, close the pool, stop the embedded cluster. A second signal skips
 * the wait.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-daemon"

#include "config.h"

#include <stdio.h>
#include <glib-unix.h>
#include <glib/gstdio.h>

#include "sc-error.h"
#include "scd-cluster.h"
#include "scd-daemon.h"
#include "scd-log.h"
#include "scd-migrate.h"
#include "scd-password.h"
#include "scd-server.h"
#include "scd-stores.h"

#define LISTEN_WAIT_SECONDS 10
#define SWEEP_INTERVAL_SECONDS (10 * 60)
/* Supervising the embedded cluster: the first look soon after the pool
 * loses it, then backoff. */
#define RESTART_FIRST_MS 200
#define RESTART_BACKOFF_MIN_MS 500
#define RESTART_BACKOFF_MAX_MS (30 * 1000)
#define RESTART_ATTEMPTS_MAX 8

struct _ScdDaemon
{
  GObject     parent_instance;

  ScdConfig  *config;
  ScdCluster *cluster;    /* nullable: only without --database */
  char       *conninfo;   /* the owner's: migrations */
  ScdDb      *db;
  ScdStores  *stores;
  ScdServer  *server;
  GMainLoop  *loop;
  guint       sigterm_id;
  guint       sigint_id;
  guint       listen_wait_id;
  guint       sweep_id;
  gulong      available_id;
  guint       supervise_id;
  guint       restart_backoff_ms;
  guint       restart_failures;
  gboolean    restarting;      /* pg_ctl start is running */
  GCancellable *restart_cancellable;
  int         exit_status;
  gboolean    stopping;
};

G_DEFINE_FINAL_TYPE (ScdDaemon, scd_daemon, G_TYPE_OBJECT)

static void
scd_daemon_dispose (GObject *object)
{
  ScdDaemon *self = SCD_DAEMON (object);

  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);
  g_clear_handle_id (&self->listen_wait_id, g_source_remove);
  g_clear_handle_id (&self->sweep_id, g_source_remove);
  g_clear_handle_id (&self->supervise_id, g_source_remove);
  g_clear_object (&self->restart_cancellable);
  g_clear_signal_handler (&self->available_id, self->db);
  g_clear_object (&self->server);
  g_clear_pointer (&self->stores, scd_stores_unref);
  g_clear_object (&self->db);
  g_clear_object (&self->cluster);
  g_clear_pointer (&self->loop, g_main_loop_unref);

  G_OBJECT_CLASS (scd_daemon_parent_class)->dispose (object);
}

static void
scd_daemon_finalize (GObject *object)
{
  ScdDaemon *self = SCD_DAEMON (object);

  g_clear_pointer (&self->conninfo, g_free);
  g_clear_pointer (&self->config, scd_config_free);

  G_OBJECT_CLASS (scd_daemon_parent_class)->finalize (object);
}

static void
scd_daemon_class_init (ScdDaemonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scd_daemon_dispose;
  object_class->finalize = scd_daemon_finalize;
}

static void
scd_daemon_init (ScdDaemon *self)
{
}

ScdDaemon *
scd_daemon_new (ScdConfig *config)
{
  ScdDaemon *self;

  g_return_val_if_fail (config != NULL, NULL);

  self = g_object_new (SCD_TYPE_DAEMON, NULL);
  self->config = config;
  return self;
}

static void
stop_database (ScdDaemon *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->supervise_id, g_source_remove);
  /* a restart under way finishes first (pg_ctl -w is bounded), so that the
   * cluster it starts is the one stopped below */
  while (self->restarting)
    g_main_context_iteration (NULL, TRUE);
  if (self->db != NULL)
    scd_db_close (self->db);
  if (self->cluster != NULL && !scd_cluster_stop (self->cluster, &error))
    {
      g_warning ("%s", error->message);
      self->exit_status = 1;
    }
}

static void
drain_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  ScdDaemon *self = user_data;

  scd_server_drain_finish (SCD_SERVER (object), result, NULL);
  g_main_loop_quit (self->loop);
}

static gboolean
on_signal_cb (gpointer user_data)
{
  ScdDaemon *self = user_data;

  if (self->stopping)
    {
      g_message ("second signal: stopping now");
      g_main_loop_quit (self->loop);
      return G_SOURCE_CONTINUE;
    }
  self->stopping = TRUE;
  scd_log_set_buffered (FALSE);
  g_message ("shutting down");
  g_clear_handle_id (&self->listen_wait_id, g_source_remove);
  if (self->server != NULL)
    scd_server_drain_async (self->server, self->config->shutdown_timeout_seconds, drain_cb, self);
  else
    g_main_loop_quit (self->loop);
  return G_SOURCE_CONTINUE;
}

static gboolean
write_port_file (ScdDaemon  *self,
                 GError    **error)
{
  g_autofree char *contents = NULL;

  if (self->config->port_file == NULL)
    return TRUE;
  contents = g_strdup_printf ("%s\n", scd_server_get_url (self->server));
  return g_file_set_contents (self->config->port_file, contents, -1, error);
}

static void
sweep_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* an outage is logged by the pool; anything else is worth a line */
  if (!scd_stores_sweep_finish (result, &error) && !g_error_matches (error, SC_ERROR, SC_ERROR_UNAVAILABLE))
    g_warning ("could not sweep expired idempotency keys and sign-in failures: %s", error->message);
}

static gboolean
sweep_cb (gpointer user_data)
{
  ScdDaemon *self = user_data;

  scd_stores_sweep_async (self->stores, sweep_done_cb, NULL);
  return G_SOURCE_CONTINUE;
}

static void
start_listening (ScdDaemon *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->listen_wait_id, g_source_remove);
  if (self->server != NULL || self->stopping)
    return;

  self->server = scd_server_new (self->config, self->stores);
  if (!scd_server_listen (self->server, &error) || !write_port_file (self, &error))
    {
      fprintf (stderr, "sendcased: %s\n", error->message);
      g_clear_object (&self->server);
      self->exit_status = 1;
      self->stopping = TRUE;
      g_main_loop_quit (self->loop);
      return;
    }
  g_message ("sendcased %s listening on %s", PACKAGE_VERSION, scd_server_get_url (self->server));
  /* from now on a line a request: gathered and written together */
  scd_log_set_buffered (TRUE);
  sweep_cb (self);
  self->sweep_id = g_timeout_add_seconds (SWEEP_INTERVAL_SECONDS, sweep_cb, self);
}

static gboolean supervise_cb (gpointer user_data);

static void
supervise_later (ScdDaemon *self,
                 guint      delay_ms)
{
  g_clear_handle_id (&self->supervise_id, g_source_remove);
  self->supervise_id = g_timeout_add (delay_ms, supervise_cb, self);
}

static guint
next_backoff (ScdDaemon *self)
{
  self->restart_backoff_ms = self->restart_backoff_ms == 0
                             ? RESTART_BACKOFF_MIN_MS
                             : MIN (self->restart_backoff_ms * 2, RESTART_BACKOFF_MAX_MS);
  return self->restart_backoff_ms;
}

static void
restarted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ScdDaemon *self = user_data;
  g_autoptr(GError) error = NULL;

  self->restarting = FALSE;
  if (scd_cluster_restart_finish (SCD_CLUSTER (object), result, &error))
    {
      g_message ("the embedded PostgreSQL is running again; the pool reconnects");
      self->restart_failures = 0;
      self->restart_backoff_ms = 0;
      /* look again later in case it does not come back for the pool */
      if (!self->stopping && self->db != NULL && !scd_db_get_available (self->db))
        supervise_later (self, RESTART_BACKOFF_MAX_MS);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->stopping)
    return;
  self->restart_failures++;
  g_warning ("%s", error->message);
  if (self->restart_failures >= RESTART_ATTEMPTS_MAX)
    {
      g_warning ("the embedded PostgreSQL did not start after %u attempts: stopping, so that a supervisor "
                 "can start sendcased afresh", self->restart_failures);
      self->exit_status = 1;
      on_signal_cb (self);
      return;
    }
  supervise_later (self, next_backoff (self));
}

/* The pool has lost the database: if the postmaster of our cluster is
 * gone, start it again; if it is there, look again later. */
static gboolean
supervise_cb (gpointer user_data)
{
  ScdDaemon *self = user_data;
  GPid pid;

  self->supervise_id = 0;
  if (self->stopping || self->cluster == NULL || self->restarting)
    return G_SOURCE_REMOVE;
  if (scd_db_get_available (self->db))
    {
      self->restart_failures = 0;
      self->restart_backoff_ms = 0;
      return G_SOURCE_REMOVE;
    }
  pid = scd_cluster_get_postmaster_pid (self->cluster);
  if (pid != 0)
    {
      /* PostgreSQL is there (starting up, refusing, overloaded): the pool
       * keeps retrying; so do we */
      supervise_later (self, next_backoff (self));
      return G_SOURCE_REMOVE;
    }
  g_warning ("the embedded PostgreSQL is not running: starting it again (attempt %u)",
             self->restart_failures + 1);
  self->restarting = TRUE;
  g_clear_object (&self->restart_cancellable);
  self->restart_cancellable = g_cancellable_new ();
  scd_cluster_restart_async (self->cluster, self->restart_cancellable, restarted_cb, self);
  return G_SOURCE_REMOVE;
}

static void
on_db_available_cb (ScdDb      *db,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  ScdDaemon *self = user_data;

  if (scd_db_get_available (db))
    {
      self->restart_failures = 0;
      self->restart_backoff_ms = 0;
      g_clear_handle_id (&self->supervise_id, g_source_remove);
      start_listening (self);
    }
  else if (self->cluster != NULL && !self->stopping && !self->restarting && self->supervise_id == 0)
    supervise_later (self, RESTART_FIRST_MS);
}

static gboolean
listen_wait_cb (gpointer user_data)
{
  ScdDaemon *self = user_data;

  self->listen_wait_id = 0;
  g_warning ("the database pool has no connection yet; listening anyway");
  start_listening (self);
  return G_SOURCE_REMOVE;
}

/* A certificate that cannot be loaded is reported before anything starts. */
static gboolean
check_tls_files (ScdDaemon  *self,
                 GError    **error)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) local_error = NULL;

  if (self->config->tls_cert_file == NULL)
    return TRUE;
  certificate = g_tls_certificate_new_from_files (self->config->tls_cert_file, self->config->tls_key_file,
                                                  &local_error);
  if (certificate == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                   "could not load the TLS certificate \"%s\" and key \"%s\": %s",
                   self->config->tls_cert_file, self->config->tls_key_file, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
prepare_database (ScdDaemon  *self,
                  GError    **error)
{
  g_autoptr(GPtrArray) migrations = NULL;
  guint version = 0;

  if (self->config->database != NULL)
    self->conninfo = g_strdup (self->config->database);
  else
    {
      self->cluster = scd_cluster_new (self->config->data_dir);
      if (!scd_cluster_lock (self->cluster, error) || !scd_cluster_start (self->cluster, error))
        return FALSE;
      self->conninfo = scd_cluster_dup_conninfo (self->cluster);
      if (!scd_migrate_ensure_database (self->conninfo, error))
        return FALSE;
    }

  migrations = scd_migrations_load (self->config->migrations_dir, error);
  if (migrations == NULL || !scd_migrate_run (self->conninfo, migrations, &version, error))
    return FALSE;
  g_message ("database schema at version %u", version);
  if (self->config->demo_data && !scd_migrate_load_demo_data (self->conninfo, error))
    return FALSE;
  if (self->config->demo_authority && !scd_demo_authority_load (self->conninfo, error))
    return FALSE;
  return TRUE;
}

int
scd_daemon_run (ScdDaemon *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app_conninfo = NULL;

  g_return_val_if_fail (SCD_IS_DAEMON (self), 1);

  self->loop = g_main_loop_new (NULL, FALSE);
  self->sigterm_id = g_unix_signal_add (SIGTERM, on_signal_cb, self);
  self->sigint_id = g_unix_signal_add (SIGINT, on_signal_cb, self);

  /* libsodium, and the dummy hash that unknown usernames are checked against */
  if (!check_tls_files (self, &error) || !scd_password_init (&error) || !prepare_database (self, &error) ||
      (app_conninfo = scd_db_dup_conninfo_as (self->conninfo, SCD_DB_APP_ROLE, &error)) == NULL)
    {
      fprintf (stderr, "sendcased: %s\n", error->message);
      stop_database (self);
      return 1;
    }

  /* the pool logs in as the application role itself: no SET ROLE that a
   * RESET ROLE could undo */
  self->db = scd_db_new (app_conninfo, self->config->pool_size, SCD_DB_SETUP_SQL);
  self->stores = scd_stores_new (self->db, self->config);
  self->available_id = g_signal_connect (self->db, "notify::available",
                                         G_CALLBACK (on_db_available_cb), self);
  self->listen_wait_id = g_timeout_add_seconds (LISTEN_WAIT_SECONDS, listen_wait_cb, self);
  scd_db_start (self->db);

  g_main_loop_run (self->loop);

  stop_database (self);
  if (self->exit_status == 0)
    g_message ("stopped");
  if (self->config->port_file != NULL)
    g_unlink (self->config->port_file);
  return self->exit_status;
}
