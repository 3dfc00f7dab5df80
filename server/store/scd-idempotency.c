/* scd-idempotency.c
 *
 * An Idempotency-Key in a transaction, and the create of every store
 * (scd_store_create). A key's part of a transaction, on one leased
 * connection, whatever the transaction writes:
 *
 *   BEGIN
 *   claim:   DELETE the key if it is older than 24 hours
 *            INSERT the key with an empty answer  -- a twin in flight makes
 *                                                    us wait here
 *     unique violation -> replay: ROLLBACK, then one statement reads the
 *     stored answer and, if the request is the same, writes the replay's
 *     audit row
 *   the work, with its audit rows
 *   keep:    UPDATE the key with the answer
 *   COMMIT, then answer
 *
 * A create is that with one statement as its work. Without a key the
 * entity's statement runs alone: one statement is one transaction, the
 * record and its audit row together. A failed work rolls back, and the key
 * with it: it was never used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-idempotency"

#include "config.h"

#include "sc-problem.h"
#include "scd-store-private.h"

struct _ScdIdempotency
{
  char          *key;           /* nullable */
  char          *request_hash;
  ScdAnswerFunc  answer;        /* nullable */
};

static const char key_expire_sql[] =
  "DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND created_at < now() - interval '24 hours'";
static const char key_insert_sql[] =
  "INSERT INTO idempotency_key (user_id, key, request_hash, status, body) VALUES ($1, $2, $3, 0, '')";
static const char key_store_sql[] =
  "UPDATE idempotency_key SET status = $3, body = $4, etag = $5, location = $6, resource_id = $7"
  " WHERE user_id = $1 AND key = $2";
static const char key_replay_sql[] =
  "WITH k AS (SELECT request_hash, status, body, etag, location, resource_id FROM idempotency_key"
  "           WHERE user_id = $2 AND key = $3),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id)"
  "           SELECT $1, 'replayed', resource_id FROM k WHERE request_hash = $4)"
  "SELECT * FROM k";

ScdIdempotency *
scd_idempotency_new (const char    *key,
                     const char    *request_hash,
                     ScdAnswerFunc  answer)
{
  ScdIdempotency *idempotency;

  g_return_val_if_fail (key == NULL || (request_hash != NULL && answer != NULL), NULL);

  idempotency = g_new0 (ScdIdempotency, 1);
  idempotency->key = g_strdup (key);
  idempotency->request_hash = g_strdup (request_hash);
  idempotency->answer = answer;
  return idempotency;
}

ScdIdempotency *
scd_idempotency_copy (const ScdIdempotency *idempotency)
{
  if (idempotency == NULL)
    return NULL;
  return scd_idempotency_new (idempotency->key, idempotency->request_hash, idempotency->answer);
}

void
scd_idempotency_free (ScdIdempotency *idempotency)
{
  if (idempotency == NULL)
    return;
  g_free (idempotency->key);
  g_free (idempotency->request_hash);
  g_free (idempotency);
}

const char *
scd_idempotency_get_key (ScdIdempotency *idempotency)
{
  g_return_val_if_fail (idempotency != NULL, NULL);
  return idempotency->key;
}

void
scd_created_free (ScdCreated *created)
{
  if (created == NULL)
    return;
  g_clear_object (&created->model);
  g_free (created->resource_id);
  g_free (created->body);
  g_free (created->etag);
  g_free (created->location);
  g_free (created);
}

ScdCreated *
scd_idempotency_answer (const ScdIdempotency *idempotency,
                        GObject              *model,
                        const char           *resource_id,
                        gint64                version)
{
  ScdCreated *created;

  g_return_val_if_fail (G_IS_OBJECT (model), NULL);

  created = g_new0 (ScdCreated, 1);
  created->resource_id = g_strdup (resource_id);
  created->version = version;
  if (idempotency != NULL && idempotency->answer != NULL)
    idempotency->answer (model, created);
  created->model = g_object_ref (model);
  return created;
}

/* --- the key's statements ------------------------------------------------- */

typedef enum
{
  KEY_EXPIRE,
  KEY_INSERT,
  KEY_STORE,
  KEY_ROLLBACK,
  KEY_REPLAY,
} KeyStep;

typedef struct
{
  GTask                *task;         /* owned */
  const ScdIdempotency *idempotency;  /* the caller's, alive until it returns */
  ScdDbLease           *lease;        /* the caller's */
  ScdActor             *actor;        /* owned */
  ScdCreated           *created;      /* KEY_STORE: the caller's */
  KeyStep               step;
} KeyCall;

static void key_run (KeyCall *call);

static void
key_call_free (KeyCall *call)
{
  g_clear_object (&call->task);
  g_clear_pointer (&call->actor, scd_actor_unref);
  g_free (call);
}

static void
key_return_boolean (KeyCall  *call,
                    gboolean  value)
{
  g_task_return_boolean (call->task, value);
  key_call_free (call);
}

static void
key_return_error (KeyCall *call,
                  GError  *error)
{
  g_task_return_error (call->task, error);
  key_call_free (call);
}

/* The stored answer, when the request is the one it answered. */
static void
key_replayed (KeyCall  *call,
              PGresult *pg)
{
  ScdCreated *answer;

  if (PQntuples (pg) != 1 || g_strcmp0 (scd_pg_string (pg, 0, scd_pg_column (pg, "request_hash")),
                                        call->idempotency->request_hash) != 0)
    {
      GError *reuse = NULL;

      sc_set_field_error (&reuse, "Idempotency-Key",
                          "was already used for a different request; use a new key for a new request");
      key_return_error (call, reuse);
      return;
    }
  answer = g_new0 (ScdCreated, 1);
  answer->replayed = TRUE;
  answer->status = (guint) scd_pg_int (pg, 0, scd_pg_column (pg, "status"));
  answer->body = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "body")));
  answer->etag = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "etag")));
  answer->location = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "location")));
  answer->resource_id = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "resource_id")));
  g_task_return_pointer (call->task, answer, (GDestroyNotify) scd_created_free);
  key_call_free (call);
}

static void
key_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  KeyCall *call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_lease_query_finish (call->lease, result, &error);

  if (pg == NULL)
    {
      /* the key is known: its transaction is spoilt, and the claim says so */
      if (call->step == KEY_INSERT && g_error_matches (error, SC_ERROR, SC_ERROR_CONFLICT))
        key_return_boolean (call, FALSE);
      else
        key_return_error (call, g_steal_pointer (&error));
      return;
    }
  switch (call->step)
    {
    case KEY_EXPIRE:
    case KEY_ROLLBACK:
      call->step++;
      key_run (call);
      return;

    case KEY_INSERT:
    case KEY_STORE:
      key_return_boolean (call, TRUE);
      return;

    case KEY_REPLAY:
      key_replayed (call, pg);
      return;

    default:
      g_assert_not_reached ();
    }
}

static void
key_run (KeyCall *call)
{
  g_autoptr(ScdParams) params = scd_params_new ();
  g_autofree char *user_id = g_strdup_printf ("%" G_GINT64_FORMAT, scd_actor_get_user_id (call->actor));
  const char *sql;

  switch (call->step)
    {
    case KEY_EXPIRE:
    case KEY_INSERT:
      scd_params_add (params, user_id);
      scd_params_add (params, call->idempotency->key);
      if (call->step == KEY_INSERT)
        scd_params_add (params, call->idempotency->request_hash);
      sql = call->step == KEY_INSERT ? key_insert_sql : key_expire_sql;
      break;

    case KEY_STORE:
      scd_params_add (params, user_id);
      scd_params_add (params, call->idempotency->key);
      scd_params_add_int (params, call->created->status);
      scd_params_add (params, call->created->body);
      scd_params_add (params, call->created->etag);
      scd_params_add (params, call->created->location);
      scd_params_add (params, call->created->resource_id);
      sql = key_store_sql;
      break;

    case KEY_ROLLBACK:
      sql = "ROLLBACK";
      break;

    case KEY_REPLAY:
      scd_params_add (params, scd_actor_get_json (call->actor));
      scd_params_add (params, user_id);
      scd_params_add (params, call->idempotency->key);
      scd_params_add (params, call->idempotency->request_hash);
      sql = key_replay_sql;
      break;

    default:
      g_assert_not_reached ();
    }
  scd_db_lease_query_async (call->lease, sql, scd_params_values (params), params->len, NULL, key_cb, call);
}

static void
key_start (const ScdIdempotency *idempotency,
           ScdDbLease           *lease,
           const ScdActor       *actor,
           ScdCreated           *created,
           KeyStep               step,
           GAsyncReadyCallback   callback,
           gpointer              user_data,
           gpointer              source_tag)
{
  KeyCall *call = g_new0 (KeyCall, 1);

  /* keys belong to a signed-in user */
  g_assert (idempotency != NULL && idempotency->key != NULL);
  g_assert (scd_actor_get_user_id (actor) > 0);

  call->task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (call->task, source_tag);
  call->idempotency = idempotency;
  call->lease = lease;
  call->actor = scd_actor_ref ((ScdActor *) actor);
  call->created = created;
  call->step = step;
  key_run (call);
}

gboolean
scd_idempotency_has_key (const ScdIdempotency *idempotency)
{
  return idempotency != NULL && idempotency->key != NULL;
}

void
scd_idempotency_claim_async (const ScdIdempotency *idempotency,
                             ScdDbLease           *lease,
                             const ScdActor       *actor,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  key_start (idempotency, lease, actor, NULL, KEY_EXPIRE, callback, user_data, scd_idempotency_claim_async);
}

gboolean
scd_idempotency_claim_finish (GAsyncResult  *result,
                              gboolean      *known,
                              GError       **error)
{
  g_autoptr(GError) failed = NULL;
  gboolean claimed;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  claimed = g_task_propagate_boolean (G_TASK (result), &failed);
  *known = FALSE;
  if (failed != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failed));
      return FALSE;
    }
  *known = !claimed;
  return TRUE;
}

void
scd_idempotency_keep_async (const ScdIdempotency *idempotency,
                            ScdDbLease           *lease,
                            const ScdActor       *actor,
                            ScdCreated           *created,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_return_if_fail (created != NULL);
  key_start (idempotency, lease, actor, created, KEY_STORE, callback, user_data, scd_idempotency_keep_async);
}

gboolean
scd_idempotency_keep_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
scd_idempotency_replay_async (const ScdIdempotency *idempotency,
                              ScdDbLease           *lease,
                              const ScdActor       *actor,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  key_start (idempotency, lease, actor, NULL, KEY_ROLLBACK, callback, user_data, scd_idempotency_replay_async);
}

ScdCreated *
scd_idempotency_replay_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- the create of every store -------------------------------------------- */

typedef enum
{
  STEP_BEGIN,
  STEP_WORK,
  STEP_COMMIT,
  STEP_FAILED_ROLLBACK,
} Step;

typedef struct
{
  GTask          *task;          /* owned */
  ScdDbLease     *lease;         /* owned until released */
  ScdActor       *actor;         /* owned */
  const char     *sql;           /* static */
  ScdParams      *params;        /* owned */
  ScdIdempotency *idempotency;   /* owned copy, nullable */
  ScdDecodeFunc   decode;
  const char     *conflict_field;    /* static */
  const char     *conflict_message;  /* static */
  Step            step;
  ScdCreated     *created;       /* owned until returned */
  GError         *error;         /* the answer, when it is an error */
} Create;

static void create_step (Create *create);

static void
create_free (Create *create)
{
  if (create->lease != NULL)
    scd_db_lease_release (create->lease);
  g_clear_object (&create->task);
  g_clear_pointer (&create->actor, scd_actor_unref);
  g_clear_pointer (&create->params, g_ptr_array_unref);
  g_clear_pointer (&create->idempotency, scd_idempotency_free);
  g_clear_pointer (&create->created, scd_created_free);
  g_clear_error (&create->error);
  g_free (create);
}

/* Ends the create: give the connection back first, then return. */
static void
create_finish (Create *create)
{
  g_clear_pointer (&create->lease, scd_db_lease_release);
  if (create->error != NULL)
    g_task_return_error (create->task, g_steal_pointer (&create->error));
  else
    g_task_return_pointer (create->task, g_steal_pointer (&create->created), (GDestroyNotify) scd_created_free);
  create_free (create);
}

static void
create_fail (Create *create,
             GError *error)
{
  g_clear_error (&create->error);
  create->error = error;
  create_finish (create);
}

/* The entity's statement is done: decode the record and make its answer.
 * FALSE leaves the error in create->error. */
static gboolean
created (Create   *create,
         PGresult *pg,
         GError   *error)
{
  g_autoptr(GObject) model = NULL;
  int version;

  if (pg != NULL)
    model = create->decode (pg, create->task, &error);
  if (model == NULL)
    {
      if (g_error_matches (error, SC_ERROR, SC_ERROR_CONFLICT) && create->conflict_field != NULL)
        {
          g_clear_error (&error);
          sc_set_field_error (&error, create->conflict_field, "%s", create->conflict_message);
          error->code = SC_ERROR_CONFLICT;
        }
      create->error = error;
      return FALSE;
    }
  version = PQfnumber (pg, "version");
  create->created = scd_idempotency_answer (create->idempotency, model,
                                            scd_pg_string (pg, 0, scd_pg_column (pg, "id")),
                                            version >= 0 ? scd_pg_int (pg, 0, version) : 0);
  return TRUE;
}

static void
replayed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Create *create = user_data;
  GError *error = NULL;

  create->created = scd_idempotency_replay_finish (result, &error);
  if (create->created == NULL)
    create_fail (create, error);
  else
    create_finish (create);
}

static void
claimed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Create *create = user_data;
  GError *error = NULL;
  gboolean known;

  if (!scd_idempotency_claim_finish (result, &known, &error))
    create_fail (create, error);
  else if (known)
    scd_idempotency_replay_async (create->idempotency, create->lease, create->actor, replayed_cb, create);
  else
    {
      create->step = STEP_WORK;
      create_step (create);
    }
}

static void
kept_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Create *create = user_data;
  GError *error = NULL;

  if (!scd_idempotency_keep_finish (result, &error))
    create_fail (create, error);
  else
    {
      create->step = STEP_COMMIT;
      create_step (create);
    }
}

static void
step_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Create *create = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_lease_query_finish (create->lease, result, &error);

  if (pg == NULL && create->step != STEP_WORK && create->step != STEP_FAILED_ROLLBACK)
    {
      create_fail (create, g_steal_pointer (&error));
      return;
    }

  switch (create->step)
    {
    case STEP_BEGIN:
      scd_idempotency_claim_async (create->idempotency, create->lease, create->actor, claimed_cb, create);
      return;

    case STEP_WORK:
      /* the error, if any, is the answer; its transaction and the key go too */
      if (created (create, pg, g_steal_pointer (&error)))
        scd_idempotency_keep_async (create->idempotency, create->lease, create->actor, create->created, kept_cb,
                                    create);
      else
        {
          create->step = STEP_FAILED_ROLLBACK;
          create_step (create);
        }
      return;

    case STEP_COMMIT:
    case STEP_FAILED_ROLLBACK:
    default:
      create_finish (create);
      return;
    }
}

static void
create_step (Create *create)
{
  g_autoptr(ScdParams) params = scd_params_new ();
  const char *sql;

  switch (create->step)
    {
    case STEP_BEGIN:
      sql = "BEGIN";
      break;

    case STEP_WORK:
      g_ptr_array_extend_and_steal (params, g_steal_pointer (&create->params));
      sql = create->sql;
      break;

    case STEP_COMMIT:
      sql = "COMMIT";
      break;

    case STEP_FAILED_ROLLBACK:
      sql = "ROLLBACK";
      break;

    default:
      g_assert_not_reached ();
    }
  scd_db_lease_query_async (create->lease, sql, scd_params_values (params), params->len, NULL, step_cb, create);
}

static void
acquired_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Create *create = user_data;
  g_autoptr(GError) error = NULL;

  create->lease = scd_db_acquire_finish (SCD_DB (object), result, &error);
  if (create->lease == NULL)
    {
      create_fail (create, g_steal_pointer (&error));
      return;
    }
  create->step = STEP_BEGIN;
  create_step (create);
}

static void
single_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Create *create = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);

  created (create, pg, g_steal_pointer (&error));
  create_finish (create);
}

void
scd_store_create (ScdStore       *self,
                  const ScdActor *actor,
                  const char     *sql,
                  ScdParams      *params,
                  ScdIdempotency *idempotency,
                  ScdDecodeFunc   decode,
                  const char     *conflict_field,
                  const char     *conflict_message,
                  GTask          *task)
{
  Create *create = g_new0 (Create, 1);
  ScdDb *db = scd_store_get_db (self);

  create->task = task;
  create->actor = scd_actor_ref ((ScdActor *) actor);
  create->sql = sql;
  create->params = g_ptr_array_ref (params);
  create->decode = decode;
  create->conflict_field = conflict_field;
  create->conflict_message = conflict_message;
  create->idempotency = scd_idempotency_copy (idempotency);

  if (!scd_idempotency_has_key (create->idempotency))
    {
      ScdParams *work = g_steal_pointer (&create->params);

      scd_db_query_async (db, sql, scd_params_values (work), work->len, g_task_get_cancellable (task),
                          single_cb, create);
      g_ptr_array_unref (work);
      return;
    }
  scd_db_acquire_async (db, g_task_get_cancellable (task), acquired_cb, create);
}
