/* scd-db.c
 *
 * A pool of non-blocking libpq connections on the main context.
 *
 * Each connection is a small state machine (down -> connecting -> ready <->
 * busy; the setup statement runs as the first busy spell) driven by one GSource on its socket. Work is an "op": a
 * statement with its parameters and the GTask to answer. An op runs on a
 * ready connection that is not leased; otherwise it waits in one FIFO queue.
 * A connection prepares each distinct SQL text once (PQsendPrepare) and then
 * runs it with PQsendQueryPrepared.
 *
 * When PostgreSQL goes away, the socket turns readable at EOF; the watch is
 * removed at once (a watch left on a dead socket spins the CPU), the running
 * op fails with SC_ERROR_UNAVAILABLE, and the connection retries with an
 * exponential backoff from 200 ms to 5 s. When the last connection is lost
 * the queue is failed too and "available" turns FALSE: one log line for the
 * loss, one for the return.
 *
 * Every source of the pool (socket watches, retry timers) is attached to the
 * thread-default main context of the thread that made it: the daemon's main
 * loop, or the private context sendcasectl iterates (scd-sync.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-db"

#include "config.h"

#include <glib-unix.h>

#include "sc-problem.h"
#include "scd-db-private.h"

#define BACKOFF_MIN_MS 200
#define BACKOFF_MAX_MS 5000
#define QUEUE_MAX 4096

typedef enum
{
  CONN_DOWN,
  CONN_CONNECTING,
  CONN_READY,
  CONN_BUSY,
} ConnState;

typedef struct _ScdConn ScdConn;

typedef enum
{
  OP_QUERY,
  OP_ACQUIRE,
} OpKind;

typedef struct
{
  OpKind     kind;
  GTask     *task;        /* nullable: internal ops (setup, rollback) */
  char      *sql;
  GPtrArray *params;      /* of char*, NULL entries are SQL NULL */
  gboolean   preparing;
  gboolean   prepared_stmt;  /* run with PQsendQueryPrepared */
  gboolean   retried;
  PGresult  *result;
  PGresult  *error_result;
} ScdOp;

struct _ScdConn
{
  ScdDb       *db;          /* borrowed: the pool owns its connections */
  guint        index;
  PGconn      *pg;
  ConnState    state;
  GSource     *watch;
  GIOCondition watch_cond;
  guint        retry_id;
  guint        backoff_ms;
  GHashTable  *prepared;    /* SQL text -> statement name */
  guint        next_stmt;
  ScdOp       *op;          /* running op, owned */
  ScdDbLease  *lease;       /* borrowed; non-NULL while leased */
  gboolean     setting_up;  /* running the setup statement */
};

struct _ScdDbLease
{
  ScdDb   *db;              /* owned ref */
  ScdConn *conn;            /* borrowed */
  gboolean broken;
};

struct _ScdDb
{
  GObject     parent_instance;

  char       *conninfo;
  char       *setup_sql;
  GMainContext *context;    /* owned ref: where every source of the pool runs */
  GPtrArray  *conns;        /* of ScdConn*, owned */
  GQueue      queue;        /* of ScdOp*, owned */
  gboolean    available;
  gboolean    ever_available;
  gboolean    closing;
  char       *last_error;
};

G_DEFINE_FINAL_TYPE (ScdDb, scd_db, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  NOTIFICATION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void conn_connect        (ScdConn *conn);
static void conn_broken         (ScdConn *conn, const char *message);
static void conn_dispatch_next  (ScdConn *conn);
static void conn_run_op         (ScdConn *conn, ScdOp *op);
static void update_available    (ScdDb *self);

/* --- ops ---------------------------------------------------------------- */

static ScdOp *
op_new (OpKind              kind,
        GTask              *task,
        const char         *sql,
        const char * const *params,
        guint               n_params)
{
  ScdOp *op = g_new0 (ScdOp, 1);

  op->kind = kind;
  op->task = task;
  op->sql = g_strdup (sql);
  op->params = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_params; i++)
    g_ptr_array_add (op->params, g_strdup (params[i]));
  return op;
}

static void
op_free (ScdOp *op)
{
  g_clear_object (&op->task);
  g_clear_pointer (&op->sql, g_free);
  g_clear_pointer (&op->params, g_ptr_array_unref);
  g_clear_pointer (&op->result, PQclear);
  g_clear_pointer (&op->error_result, PQclear);
  g_free (op);
}

static void
op_fail (ScdOp  *op,
         GError *error)
{
  if (op->task != NULL)
    g_task_return_error (op->task, error);
  else
    g_error_free (error);
  op_free (op);
}

static GError *
unavailable_error (const char *message)
{
  GError *error = g_error_new (SC_ERROR, SC_ERROR_UNAVAILABLE, "database unavailable: %s",
                               message != NULL ? message : "not connected");
  sc_error_take_problem (error, sc_problem_new (SC_ERROR_UNAVAILABLE,
                                                "the database is unavailable; try again shortly"));
  return error;
}

static void
op_complete (ScdOp *op)
{
  if (op->task == NULL)
    {
      op_free (op);
      return;
    }
  if (op->error_result != NULL)
    g_task_return_error (op->task, scd_db_error_from_result (op->error_result));
  else if (op->result != NULL)
    g_task_return_pointer (op->task, g_steal_pointer (&op->result), (GDestroyNotify) PQclear);
  else
    g_task_return_new_error (op->task, SC_ERROR, SC_ERROR_INTERNAL, "the statement returned no result");
  op_free (op);
}

/* --- connection I/O ----------------------------------------------------- */

static gboolean conn_io_cb (int fd, GIOCondition condition, gpointer user_data);

static void
conn_unwatch (ScdConn *conn)
{
  if (conn->watch != NULL)
    {
      g_source_destroy (conn->watch);
      g_clear_pointer (&conn->watch, g_source_unref);
    }
  conn->watch_cond = 0;
}

static void
conn_watch (ScdConn      *conn,
            GIOCondition  condition)
{
  int fd = PQsocket (conn->pg);

  if (conn->watch != NULL && conn->watch_cond == condition)
    return;
  conn_unwatch (conn);
  if (fd < 0)
    return;
  conn->watch = g_unix_fd_source_new (fd, condition);
  /* GLib 2.74 takes a source's descriptors out of the poll while it runs,
   * waking the loop twice to say so; the pool's callbacks never run the
   * loop, so nothing is gained by it */
  g_source_set_can_recurse (conn->watch, TRUE);
  g_source_set_callback (conn->watch, (GSourceFunc) (void (*) (void)) conn_io_cb, conn, NULL);
  g_source_set_static_name (conn->watch, "[scd-db] connection");
  g_source_attach (conn->watch, conn->db->context);
  conn->watch_cond = condition;
}

/* Retry timers live on the pool's context, which need not be the global
 * default that g_source_remove() looks in. */
static void
clear_retry (ScdConn *conn)
{
  if (conn->retry_id != 0)
    {
      GSource *source = g_main_context_find_source_by_id (conn->db->context, conn->retry_id);

      if (source != NULL)
        g_source_destroy (source);
      conn->retry_id = 0;
    }
}

static gboolean
conn_retry_cb (gpointer user_data)
{
  ScdConn *conn = user_data;

  conn->retry_id = 0;
  conn_connect (conn);
  return G_SOURCE_REMOVE;
}

static void
conn_schedule_retry (ScdConn *conn)
{
  GSource *source;

  if (conn->db->closing || conn->retry_id != 0)
    return;
  conn->backoff_ms = conn->backoff_ms == 0 ? BACKOFF_MIN_MS : MIN (conn->backoff_ms * 2, BACKOFF_MAX_MS);
  source = g_timeout_source_new (conn->backoff_ms);
  g_source_set_callback (source, conn_retry_cb, conn, NULL);
  g_source_set_static_name (source, "[scd-db] retry");
  conn->retry_id = g_source_attach (source, conn->db->context);
  g_source_unref (source);
}

static void
conn_close (ScdConn *conn)
{
  conn->setting_up = FALSE;
  conn_unwatch (conn);
  g_clear_pointer (&conn->pg, PQfinish);
  g_hash_table_remove_all (conn->prepared);
  conn->state = CONN_DOWN;
}

static void
conn_broken (ScdConn    *conn,
             const char *message)
{
  ScdDb *self = conn->db;
  g_autofree char *reason = NULL;
  char *newline;

  /* libpq's messages run over several lines; the first says what happened */
  reason = g_strstrip (g_strdup (message != NULL && *message ? message : "connection lost"));
  if ((newline = strchr (reason, '\n')) != NULL)
    *newline = '\0';

  conn_close (conn);
  g_free (self->last_error);
  self->last_error = g_strdup (reason);

  if (conn->op != NULL)
    op_fail (g_steal_pointer (&conn->op), unavailable_error (reason));

  if (conn->lease != NULL)
    conn->lease->broken = TRUE;   /* reconnects when given back */
  else
    conn_schedule_retry (conn);

  update_available (self);
}

static void
conn_flush (ScdConn *conn)
{
  int r = PQflush (conn->pg);

  if (r < 0)
    conn_broken (conn, PQerrorMessage (conn->pg));
  else
    conn_watch (conn, r > 0 ? G_IO_IN | G_IO_OUT : G_IO_IN);
}

static void
conn_send (ScdConn *conn)
{
  ScdOp *op = conn->op;
  const char *name = g_hash_table_lookup (conn->prepared, op->sql);
  int ok;

  if (name == NULL)
    {
      g_autofree char *new_name = g_strdup_printf ("s%u", ++conn->next_stmt);

      op->preparing = TRUE;
      ok = PQsendPrepare (conn->pg, new_name, op->sql, (int) op->params->len, NULL);
      if (ok)
        g_hash_table_insert (conn->prepared, g_strdup (op->sql), g_steal_pointer (&new_name));
    }
  else
    {
      op->preparing = FALSE;
      ok = PQsendQueryPrepared (conn->pg, name, (int) op->params->len,
                                (const char * const *) op->params->pdata, NULL, NULL, 0);
    }
  if (!ok)
    {
      conn_broken (conn, PQerrorMessage (conn->pg));
      return;
    }
  conn->state = CONN_BUSY;
  conn_flush (conn);
}

static void
conn_run_op (ScdConn *conn,
             ScdOp   *op)
{
  g_assert (conn->op == NULL);
  g_assert (conn->state == CONN_READY);

  conn->op = op;
  if (op->task == NULL && op->params->len == 0)
    {
      /* internal statements (setup, rollback) are not worth preparing */
      op->preparing = FALSE;
      if (!PQsendQuery (conn->pg, op->sql))
        {
          conn_broken (conn, PQerrorMessage (conn->pg));
          return;
        }
      conn->state = CONN_BUSY;
      conn_flush (conn);
      return;
    }
  conn_send (conn);
}

/* A statement has delivered all its results. */
static void conn_became_ready (ScdConn *conn);

static void
conn_command_done (ScdConn *conn)
{
  ScdOp *op = conn->op;

  conn->state = CONN_READY;
  conn_watch (conn, G_IO_IN);

  if (conn->setting_up)
    {
      g_autofree char *message = NULL;

      conn->setting_up = FALSE;
      conn->op = NULL;
      if (op->error_result != NULL)
        message = g_strdup (PQresultErrorMessage (op->error_result));
      op_free (op);
      if (message != NULL)
        conn_broken (conn, message);
      else
        conn_became_ready (conn);
      return;
    }

  if (op->preparing)
    {
      if (op->error_result != NULL)
        {
          /* a statement that does not prepare will not run either */
          g_hash_table_remove (conn->prepared, op->sql);
          conn->op = NULL;
          op_complete (op);
          conn_dispatch_next (conn);
          return;
        }
      g_clear_pointer (&op->result, PQclear);
      conn_send (conn);
      return;
    }

  if (op->error_result != NULL && op->kind == OP_QUERY && !op->retried && conn->lease == NULL)
    {
      const char *sqlstate = PQresultErrorField (op->error_result, PG_DIAG_SQLSTATE);

      if (g_strcmp0 (sqlstate, "40001") == 0 || g_strcmp0 (sqlstate, "40P01") == 0)
        {
          op->retried = TRUE;
          g_clear_pointer (&op->error_result, PQclear);
          conn_send (conn);
          return;
        }
    }

  conn->op = NULL;
  op_complete (op);
  conn_dispatch_next (conn);
}

static void
conn_read (ScdConn *conn)
{
  if (!PQconsumeInput (conn->pg))
    {
      conn_broken (conn, PQerrorMessage (conn->pg));
      return;
    }

  /* every connection listens (the setup statement): a notification comes
   * once per connection, and what it means is idempotent */
  for (PGnotify *notify; (notify = PQnotifies (conn->pg)) != NULL;)
    {
      g_signal_emit (conn->db, signals[NOTIFICATION], 0, notify->relname, notify->extra);
      PQfreemem (notify);
    }

  if (conn->op == NULL)
    {
      if (PQstatus (conn->pg) == CONNECTION_BAD)
        conn_broken (conn, PQerrorMessage (conn->pg));
      return;
    }

  while (!PQisBusy (conn->pg))
    {
      PGresult *result = PQgetResult (conn->pg);
      ExecStatusType status;

      if (result == NULL)
        {
          if (PQstatus (conn->pg) == CONNECTION_BAD)
            conn_broken (conn, PQerrorMessage (conn->pg));
          else
            conn_command_done (conn);
          return;
        }
      status = PQresultStatus (result);
      if (status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE || status == PGRES_NONFATAL_ERROR)
        {
          if (conn->op->error_result == NULL)
            conn->op->error_result = result;
          else
            PQclear (result);
        }
      else
        {
          g_clear_pointer (&conn->op->result, PQclear);
          conn->op->result = result;
        }
    }
}

static void
conn_became_ready (ScdConn *conn)
{
  ScdDb *self = conn->db;

  conn->state = CONN_READY;
  conn->backoff_ms = 0;
  conn_watch (conn, G_IO_IN);
  update_available (self);
  conn_dispatch_next (conn);
}

static void
conn_poll_connect (ScdConn *conn)
{
  switch (PQconnectPoll (conn->pg))
    {
    case PGRES_POLLING_READING:
      conn_unwatch (conn);
      conn_watch (conn, G_IO_IN);
      break;

    case PGRES_POLLING_WRITING:
      conn_unwatch (conn);
      conn_watch (conn, G_IO_OUT);
      break;

    case PGRES_POLLING_OK:
      conn_unwatch (conn);
      PQsetnonblocking (conn->pg, 1);
      if (conn->db->setup_sql != NULL)
        {
          conn->state = CONN_READY;
          conn->setting_up = TRUE;
          conn_run_op (conn, op_new (OP_QUERY, NULL, conn->db->setup_sql, NULL, 0));
        }
      else
        conn_became_ready (conn);
      break;

    case PGRES_POLLING_FAILED:
    case PGRES_POLLING_ACTIVE:
    default:
      conn_broken (conn, PQerrorMessage (conn->pg));
      break;
    }
}

static gboolean
conn_io_cb (int          fd,
            GIOCondition condition,
            gpointer     user_data)
{
  ScdConn *conn = user_data;

  switch (conn->state)
    {
    case CONN_CONNECTING:
      conn_poll_connect (conn);
      break;

    case CONN_BUSY:
      if ((condition & G_IO_OUT) != 0)
        {
          conn_flush (conn);
          if (conn->state != CONN_BUSY)
            break;
        }
      if ((condition & (G_IO_IN | G_IO_HUP | G_IO_ERR)) != 0)
        conn_read (conn);
      break;

    case CONN_READY:
      conn_read (conn);
      break;

    case CONN_DOWN:
    default:
      /* the watch is removed when a connection goes down */
      return G_SOURCE_REMOVE;
    }

  /* conn_watch/conn_unwatch replaced or removed this source if needed */
  return G_SOURCE_CONTINUE;
}

/* Notices ("terminating connection due to administrator command") are
 * PostgreSQL's to log, not ours: the pool logs the state change once. libpq
 * ignores a NULL processor, hence this one. */
static void
ignore_notice (void       *arg,
               const char *message)
{
}

static void
conn_connect (ScdConn *conn)
{
  if (conn->db->closing)
    return;
  conn->pg = PQconnectStart (conn->db->conninfo);
  if (conn->pg == NULL)
    {
      conn_broken (conn, "out of memory");
      return;
    }
  if (PQstatus (conn->pg) == CONNECTION_BAD)
    {
      conn_broken (conn, PQerrorMessage (conn->pg));
      return;
    }
  PQsetNoticeProcessor (conn->pg, ignore_notice, NULL);
  conn->state = CONN_CONNECTING;
  conn_watch (conn, G_IO_OUT);
}

/* --- the pool ----------------------------------------------------------- */

static ScdConn *
find_free_conn (ScdDb *self)
{
  for (guint i = 0; i < self->conns->len; i++)
    {
      ScdConn *conn = g_ptr_array_index (self->conns, i);
      if (conn->state == CONN_READY && conn->op == NULL && conn->lease == NULL && !conn->setting_up)
        return conn;
    }
  return NULL;
}

static void
lease_to (ScdConn *conn,
          ScdOp   *op)
{
  ScdDbLease *lease = g_new0 (ScdDbLease, 1);

  lease->db = g_object_ref (conn->db);
  lease->conn = conn;
  conn->lease = lease;
  g_task_return_pointer (op->task, lease, NULL);
  op_free (op);
}

static void
conn_dispatch_next (ScdConn *conn)
{
  ScdDb *self = conn->db;

  while (conn->state == CONN_READY && conn->op == NULL && conn->lease == NULL)
    {
      ScdOp *op = g_queue_pop_head (&self->queue);

      if (op == NULL)
        return;
      if (op->task != NULL && g_task_return_error_if_cancelled (op->task))
        {
          op_free (op);
          continue;
        }
      if (op->kind == OP_ACQUIRE)
        lease_to (conn, op);
      else
        conn_run_op (conn, op);
    }
}

static void
fail_queue (ScdDb      *self,
            const char *reason)
{
  ScdOp *op;

  while ((op = g_queue_pop_head (&self->queue)) != NULL)
    op_fail (op, unavailable_error (reason));
}

static void
update_available (ScdDb *self)
{
  gboolean available = FALSE;

  for (guint i = 0; i < self->conns->len && !available; i++)
    {
      ScdConn *conn = g_ptr_array_index (self->conns, i);
      available = (conn->state == CONN_READY || conn->state == CONN_BUSY) && !conn->setting_up;
    }
  if (self->closing)
    available = FALSE;
  if (available == self->available)
    return;

  self->available = available;
  if (available)
    {
      if (self->ever_available)
        g_message ("database connection restored");
      else
        g_message ("database connected");
      self->ever_available = TRUE;
    }
  else
    {
      if (!self->closing)
        g_warning ("database unavailable: %s; retrying", self->last_error ? self->last_error : "connection lost");
      fail_queue (self, self->last_error);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

static void
conn_free (gpointer data)
{
  ScdConn *conn = data;

  clear_retry (conn);
  conn_unwatch (conn);
  if (conn->op != NULL)
    op_fail (g_steal_pointer (&conn->op), unavailable_error ("the pool is closing"));
  g_clear_pointer (&conn->pg, PQfinish);
  g_clear_pointer (&conn->prepared, g_hash_table_unref);
  g_free (conn);
}

static void
scd_db_dispose (GObject *object)
{
  ScdDb *self = SCD_DB (object);

  self->closing = TRUE;
  fail_queue (self, "the pool is closing");
  g_clear_pointer (&self->conns, g_ptr_array_unref);

  G_OBJECT_CLASS (scd_db_parent_class)->dispose (object);
}

static void
scd_db_finalize (GObject *object)
{
  ScdDb *self = SCD_DB (object);

  g_clear_pointer (&self->conninfo, g_free);
  g_clear_pointer (&self->setup_sql, g_free);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (scd_db_parent_class)->finalize (object);
}

static void
scd_db_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  ScdDb *self = SCD_DB (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scd_db_class_init (ScdDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scd_db_dispose;
  object_class->finalize = scd_db_finalize;
  object_class->get_property = scd_db_get_property;

  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScdDb::notification:
   * @channel: the channel a NOTIFY was sent on
   * @payload: its payload ("" when none)
   *
   * A notification on a channel the setup statement listens to, as it
   * arrives on any of the pool's connections.
   */
  signals[NOTIFICATION] =
    g_signal_new ("notification", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
scd_db_init (ScdDb *self)
{
  g_queue_init (&self->queue);
}

ScdDb *
scd_db_new (const char *conninfo,
            guint       size,
            const char *setup_sql)
{
  ScdDb *self;

  g_return_val_if_fail (conninfo != NULL, NULL);
  g_return_val_if_fail (size > 0, NULL);

  self = g_object_new (SCD_TYPE_DB, NULL);
  self->conninfo = g_strdup (conninfo);
  self->setup_sql = g_strdup (setup_sql);
  self->context = g_main_context_ref_thread_default ();
  self->conns = g_ptr_array_new_with_free_func (conn_free);
  for (guint i = 0; i < size; i++)
    {
      ScdConn *conn = g_new0 (ScdConn, 1);

      conn->db = self;
      conn->index = i;
      conn->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_ptr_array_add (self->conns, conn);
    }
  return self;
}

void
scd_db_start (ScdDb *self)
{
  g_return_if_fail (SCD_IS_DB (self));

  for (guint i = 0; i < self->conns->len; i++)
    {
      ScdConn *conn = g_ptr_array_index (self->conns, i);
      if (conn->state == CONN_DOWN && conn->retry_id == 0)
        conn_connect (conn);
    }
}

void
scd_db_close (ScdDb *self)
{
  g_return_if_fail (SCD_IS_DB (self));

  self->closing = TRUE;
  fail_queue (self, "the server is shutting down");
  for (guint i = 0; i < self->conns->len; i++)
    {
      ScdConn *conn = g_ptr_array_index (self->conns, i);

      clear_retry (conn);
      if (conn->lease != NULL)
        continue;
      if (conn->op != NULL)
        op_fail (g_steal_pointer (&conn->op), unavailable_error ("the server is shutting down"));
      conn_close (conn);
    }
  update_available (self);
}

gboolean
scd_db_get_available (ScdDb *self)
{
  g_return_val_if_fail (SCD_IS_DB (self), FALSE);
  return self->available;
}

guint
scd_db_get_size (ScdDb *self)
{
  g_return_val_if_fail (SCD_IS_DB (self), 0);
  return self->conns->len;
}

const char *
scd_db_get_last_error (ScdDb *self)
{
  g_return_val_if_fail (SCD_IS_DB (self), NULL);
  return self->last_error;
}

static void
submit (ScdDb *self,
        ScdOp *op)
{
  ScdConn *conn;

  if (!self->available || self->closing)
    {
      op_fail (op, unavailable_error (self->closing ? "the server is shutting down" : self->last_error));
      return;
    }
  conn = find_free_conn (self);
  if (conn != NULL)
    {
      if (op->kind == OP_ACQUIRE)
        lease_to (conn, op);
      else
        conn_run_op (conn, op);
      return;
    }
  if (self->queue.length >= QUEUE_MAX)
    {
      op_fail (op, unavailable_error ("too many requests are waiting for the database"));
      return;
    }
  g_queue_push_tail (&self->queue, op);
}

void
scd_db_query_async (ScdDb               *self,
                    const char          *sql,
                    const char * const  *params,
                    guint                n_params,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SCD_IS_DB (self));
  g_return_if_fail (sql != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scd_db_query_async);
  submit (self, op_new (OP_QUERY, task, sql, params, n_params));
}

PGresult *
scd_db_query_finish (ScdDb         *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_db_acquire_async (ScdDb               *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SCD_IS_DB (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scd_db_acquire_async);
  submit (self, op_new (OP_ACQUIRE, task, NULL, NULL, 0));
}

ScdDbLease *
scd_db_acquire_finish (ScdDb         *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_db_lease_query_async (ScdDbLease          *lease,
                          const char          *sql,
                          const char * const  *params,
                          guint                n_params,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  ScdOp *op;

  g_return_if_fail (lease != NULL);
  g_return_if_fail (sql != NULL);

  task = g_task_new (lease->db, cancellable, callback, user_data);
  g_task_set_source_tag (task, scd_db_lease_query_async);
  op = op_new (OP_QUERY, task, sql, params, n_params);
  if (lease->broken || lease->conn->state != CONN_READY || lease->conn->op != NULL)
    {
      op_fail (op, unavailable_error (lease->db->last_error));
      return;
    }
  conn_run_op (lease->conn, op);
}

PGresult *
scd_db_lease_query_finish (ScdDbLease    *lease,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (lease != NULL, NULL);
  g_return_val_if_fail (g_task_is_valid (result, lease->db), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_db_lease_release (ScdDbLease *lease)
{
  ScdConn *conn;
  ScdDb *self;

  g_return_if_fail (lease != NULL);

  conn = lease->conn;
  self = lease->db;
  conn->lease = NULL;

  if (lease->broken || conn->state == CONN_DOWN)
    {
      if (self->closing)
        conn_close (conn);
      else
        conn_schedule_retry (conn);
    }
  else if (self->closing)
    conn_close (conn);
  else if (conn->op == NULL && PQtransactionStatus (conn->pg) != PQTRANS_IDLE)
    conn_run_op (conn, op_new (OP_QUERY, NULL, "ROLLBACK", NULL, 0));
  else
    conn_dispatch_next (conn);

  g_object_unref (lease->db);
  g_free (lease);
}
