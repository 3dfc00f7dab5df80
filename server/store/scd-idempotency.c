/* scd-idempotency.c
 *
 * The create of every store (scd_store_create). Without a key the entity's
 * statement runs alone: one statement is one transaction, the record and
 * its audit row together. With a key, on one leased connection:
 *
 *   BEGIN
 *   DELETE the key if it is older than 24 hours
 *   INSERT the key with an empty answer      -- a twin in flight makes us wait
 *     unique violation -> ROLLBACK, then one statement reads the stored
 *     answer and, if the request is the same, writes the replay's audit row
 *   the entity's statement                   -- the record and its audit row
 *   UPDATE the key with the answer
 *   COMMIT, then answer
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

typedef enum
{
  STEP_BEGIN,
  STEP_EXPIRE,
  STEP_KEY,
  STEP_WORK,
  STEP_STORE,
  STEP_COMMIT,
  STEP_ROLLBACK_REPLAY,
  STEP_REPLAY,
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
  char           *user_id;
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
  g_free (create->user_id);
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
  create->created = g_new0 (ScdCreated, 1);
  create->created->resource_id = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "id")));
  if (create->idempotency != NULL && create->idempotency->answer != NULL)
    create->idempotency->answer (model, create->created);
  create->created->model = g_steal_pointer (&model);
  return TRUE;
}

static void
replayed (Create   *create,
          PGresult *pg)
{
  ScdCreated *answer;

  if (PQntuples (pg) != 1 || g_strcmp0 (scd_pg_string (pg, 0, scd_pg_column (pg, "request_hash")),
                                        create->idempotency->request_hash) != 0)
    {
      g_autoptr(GError) reuse = NULL;

      sc_set_field_error (&reuse, "Idempotency-Key",
                          "was already used for a different request; use a new key for a new request");
      create_fail (create, g_steal_pointer (&reuse));
      return;
    }
  answer = create->created = g_new0 (ScdCreated, 1);
  answer->replayed = TRUE;
  answer->status = (guint) scd_pg_int (pg, 0, scd_pg_column (pg, "status"));
  answer->body = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "body")));
  answer->etag = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "etag")));
  answer->location = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "location")));
  answer->resource_id = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "resource_id")));
  create_finish (create);
}

static void
step_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Create *create = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_lease_query_finish (create->lease, result, &error);

  if (pg == NULL && create->step != STEP_KEY && create->step != STEP_WORK &&
      create->step != STEP_FAILED_ROLLBACK && create->step != STEP_ROLLBACK_REPLAY)
    {
      create_fail (create, g_steal_pointer (&error));
      return;
    }

  switch (create->step)
    {
    case STEP_BEGIN:
    case STEP_EXPIRE:
    case STEP_STORE:
      create->step++;
      break;

    case STEP_KEY:
      if (g_error_matches (error, SC_ERROR, SC_ERROR_CONFLICT))
        {
          /* the key is known: read what it answered, outside this transaction */
          create->step = STEP_ROLLBACK_REPLAY;
          break;
        }
      if (pg == NULL)
        {
          create_fail (create, g_steal_pointer (&error));
          return;
        }
      create->step = STEP_WORK;
      break;

    case STEP_WORK:
      /* the error, if any, is the answer; its transaction goes too */
      create->step = created (create, pg, g_steal_pointer (&error)) ? STEP_STORE : STEP_FAILED_ROLLBACK;
      break;

    case STEP_COMMIT:
      create_finish (create);
      return;

    case STEP_ROLLBACK_REPLAY:
      create->step = STEP_REPLAY;
      break;

    case STEP_REPLAY:
      replayed (create, pg);
      return;

    case STEP_FAILED_ROLLBACK:
    default:
      create_finish (create);
      return;
    }

  create_step (create);
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

    case STEP_EXPIRE:
    case STEP_KEY:
      scd_params_add (params, create->user_id);
      scd_params_add (params, create->idempotency->key);
      if (create->step == STEP_KEY)
        scd_params_add (params, create->idempotency->request_hash);
      sql = create->step == STEP_KEY ? key_insert_sql : key_expire_sql;
      break;

    case STEP_WORK:
      g_ptr_array_extend_and_steal (params, g_steal_pointer (&create->params));
      sql = create->sql;
      break;

    case STEP_STORE:
      scd_params_add (params, create->user_id);
      scd_params_add (params, create->idempotency->key);
      scd_params_add_int (params, create->created->status);
      scd_params_add (params, create->created->body);
      scd_params_add (params, create->created->etag);
      scd_params_add (params, create->created->location);
      scd_params_add (params, create->created->resource_id);
      sql = key_store_sql;
      break;

    case STEP_COMMIT:
      sql = "COMMIT";
      break;

    case STEP_ROLLBACK_REPLAY:
    case STEP_FAILED_ROLLBACK:
      sql = "ROLLBACK";
      break;

    case STEP_REPLAY:
      scd_params_add (params, scd_actor_get_json (create->actor));
      scd_params_add (params, create->user_id);
      scd_params_add (params, create->idempotency->key);
      scd_params_add (params, create->idempotency->request_hash);
      sql = key_replay_sql;
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
  create->user_id = g_strdup_printf ("%" G_GINT64_FORMAT, scd_actor_get_user_id (actor));
  if (idempotency != NULL)
    create->idempotency = scd_idempotency_new (idempotency->key, idempotency->request_hash, idempotency->answer);

  if (create->idempotency == NULL || create->idempotency->key == NULL)
    {
      ScdParams *work = g_steal_pointer (&create->params);

      scd_db_query_async (db, sql, scd_params_values (work), work->len, g_task_get_cancellable (task),
                          single_cb, create);
      g_ptr_array_unref (work);
      return;
    }
  /* keys belong to a signed-in user */
  g_assert (scd_actor_get_user_id (actor) > 0);
  scd_db_acquire_async (db, g_task_get_cancellable (task), acquired_cb, create);
}
