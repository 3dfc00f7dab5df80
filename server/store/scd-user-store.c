/* scd-user-store.c
 *
 * The SQL of app_user. Each statement writes its own audit row (audit_entry,
 * $1 the actor) and returns users by column name (SCD_USER_COLUMNS), decoded
 * once by scd_user_from_row().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-user-store"

#include "config.h"

#include "sc-problem.h"
#include "scd-store-private.h"
#include "scd-user-store.h"

struct _ScdUserStore
{
  ScdStore         parent_instance;

  ScdSessionCache *cache;   /* owned ref: forgets a changed user's sessions */
};

G_DEFINE_FINAL_TYPE (ScdUserStore, scd_user_store, SCD_TYPE_STORE)

/* The user a by-id-or-name call means: $2 (an id) or else $3 (a name). */
#define USER_KEY "coalesce($2::bigint, (SELECT id FROM app_user WHERE username = $3::text))"

static const char list_sql[] =
  "WITH page AS ("
  "  SELECT " SCD_USER_COLUMNS ", " SCD_USER_LOCKED_UNTIL " FROM app_user u"
  "  WHERE ($2::text IS NULL OR u.role = $2) AND ($3::boolean IS NULL OR u.active = $3)"
  "    AND ($4::bigint IS NULL OR u.id > $4)"
  "  ORDER BY u.id LIMIT $5::integer + 1),"
  " audit AS ("
  "  INSERT INTO audit_entry (actor, outcome, resource_ids)"
  "  SELECT $1, 'success', array(SELECT id::text FROM page ORDER BY id LIMIT $5::integer))"
  "SELECT * FROM page ORDER BY id";

static const char get_sql[] =
  "WITH u AS (SELECT " SCD_USER_COLUMNS ", " SCD_USER_LOCKED_UNTIL " FROM app_user u WHERE u.id = $2),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM u)"
  "SELECT * FROM u";

static const char create_sql[] =
  "WITH u AS ("
  "  INSERT INTO app_user (username, full_name, role, password_hash) VALUES ($2, $3, $4, $5) RETURNING *),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM u)"
  "SELECT " SCD_USER_COLUMNS " FROM u";

static const char update_sql[] =
  "WITH cur AS (SELECT id, version FROM app_user WHERE id = " USER_KEY "),"
  " u AS ("
  "  UPDATE app_user u SET role = coalesce($5, u.role), full_name = coalesce($6, u.full_name),"
  "                        active = coalesce($7::boolean, u.active),"
  "                        version = u.version + 1, updated_at = clock_timestamp()"
  "  WHERE u.id = (SELECT id FROM cur) AND ($4::integer IS NULL OR u.version = $4) RETURNING u.*),"
  " ended AS ("
  "  UPDATE session SET ended_at = clock_timestamp()"
  "  WHERE user_id IN (SELECT id FROM u WHERE NOT active) AND ended_at IS NULL),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM u)"
  "SELECT cur.id AS current_id, cur.version AS current_version, " SCD_USER_COLUMNS ", " SCD_USER_LOCKED_UNTIL
  " FROM cur LEFT JOIN u ON true";

/* A statement sees the database as it began; when it waited for a
 * concurrent change of the row, that change's version is read afresh. */
static const char version_sql[] =
  "SELECT version FROM app_user WHERE id = $1";

static const char set_password_sql[] =
  "WITH u AS ("
  "  UPDATE app_user SET password_hash = $4, password_changed_at = clock_timestamp(),"
  "                      version = version + 1, updated_at = clock_timestamp()"
  "  WHERE id = " USER_KEY " RETURNING id, username),"
  " ended AS (UPDATE session SET ended_at = clock_timestamp()"
  "           WHERE user_id IN (SELECT id FROM u) AND ended_at IS NULL),"
  " unlocked AS (DELETE FROM sign_in_failure WHERE username IN (SELECT username FROM u)),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM u)"
  "SELECT id FROM u";

static const char unlock_sql[] =
  "WITH u AS (SELECT id, username FROM app_user WHERE id = " USER_KEY "),"
  " unlocked AS (DELETE FROM sign_in_failure WHERE username IN (SELECT username FROM u)),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM u)"
  "SELECT id FROM u";

static void
scd_user_store_dispose (GObject *object)
{
  g_clear_object (&SCD_USER_STORE (object)->cache);

  G_OBJECT_CLASS (scd_user_store_parent_class)->dispose (object);
}

static void
scd_user_store_class_init (ScdUserStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = scd_user_store_dispose;
}

static void
scd_user_store_init (ScdUserStore *self)
{
}

ScdUserStore *
scd_user_store_new (ScdDb           *db,
                    ScdSessionCache *cache)
{
  ScdUserStore *self;

  g_return_val_if_fail (SCD_IS_DB (db), NULL);
  g_return_val_if_fail (SCD_IS_SESSION_CACHE (cache), NULL);

  self = g_object_new (SCD_TYPE_USER_STORE, "db", db, NULL);
  self->cache = g_object_ref (cache);
  return self;
}

/* --- what a call was asked, for its decoder ------------------------------ */

typedef struct
{
  gint64  id;
  char   *username;
  gint64  version;          /* update: the version asked for */
  gint64  current_version;  /* update: the version found */
  guint   limit;            /* list */
} Ask;

static void
ask_free (gpointer data)
{
  Ask *ask = data;

  g_free (ask->username);
  g_free (ask);
}

static GTask *
task_new (ScdUserStore        *self,
          gint64               id,
          const char          *username,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, source_tag);
  Ask *ask = g_new0 (Ask, 1);

  ask->id = id;
  ask->username = g_strdup (username);
  g_task_set_task_data (task, ask, ask_free);
  return task;
}

/* $2 and $3: the user meant, by id or by name */
static ScdParams *
params_for (const ScdActor *actor,
            gint64          id,
            const char     *username)
{
  ScdParams *params = scd_store_params_new (actor);

  scd_params_add_id (params, id);
  scd_params_add (params, id > 0 ? NULL : username);
  return params;
}

static GError *
no_user (GTask *task)
{
  Ask *ask = g_task_get_task_data (task);
  GError *error;

  if (ask->id > 0)
    error = g_error_new (SC_ERROR, SC_ERROR_NOT_FOUND, "no user %" G_GINT64_FORMAT, ask->id);
  else
    error = g_error_new (SC_ERROR, SC_ERROR_NOT_FOUND, "no user \"%s\"", ask->username);
  sc_error_take_problem (error, sc_problem_new (SC_ERROR_NOT_FOUND, error->message));
  return error;
}

static gpointer
decode_user (PGresult  *pg,
             GTask     *task,
             GError   **error)
{
  ScdUserColumns columns;

  if (PQntuples (pg) == 0)
    {
      g_propagate_error (error, no_user (task));
      return NULL;
    }
  scd_user_columns_find (pg, &columns);
  return scd_user_from_row (pg, 0, &columns);
}

static gpointer
decode_found (PGresult  *pg,
              GTask     *task,
              GError   **error)
{
  if (PQntuples (pg) == 0)
    {
      g_propagate_error (error, no_user (task));
      return NULL;
    }
  return GINT_TO_POINTER (TRUE);
}

/* --- list ---------------------------------------------------------------- */

static gpointer
decode_page (PGresult  *pg,
             GTask     *task,
             GError   **error)
{
  Ask *ask = g_task_get_task_data (task);
  ScdUserColumns columns;
  ScdPage *page;
  guint n;

  scd_user_columns_find (pg, &columns);
  page = scd_page_new (pg, ask->limit, columns.id, &n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (page->items, scd_user_from_row (pg, (int) i, &columns));
  return page;
}

void
scd_user_store_list_async (ScdUserStore        *self,
                           const ScdActor      *actor,
                           const ScdUserFilter *filter,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = task_new (self, 0, NULL, cancellable, callback, user_data, scd_user_store_list_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);

  g_return_if_fail (filter->limit > 0);

  ((Ask *) g_task_get_task_data (task))->limit = filter->limit;
  scd_params_add (params, filter->role);
  scd_params_add (params, filter->active < 0 ? NULL : filter->active ? "true" : "false");
  scd_params_add_id (params, filter->after);
  scd_params_add_int (params, filter->limit);
  scd_store_run (SCD_STORE (self), list_sql, params, decode_page, scd_page_free, task);
}

GPtrArray *
scd_user_store_list_finish (ScdUserStore  *self,
                            GAsyncResult  *result,
                            char         **next_cursor,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return scd_page_finish (result, next_cursor, error);
}

/* --- get ----------------------------------------------------------------- */

void
scd_user_store_get_async (ScdUserStore        *self,
                          const ScdActor      *actor,
                          gint64               id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = task_new (self, id, NULL, cancellable, callback, user_data, scd_user_store_get_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);

  scd_params_add_int (params, id);
  scd_store_run (SCD_STORE (self), get_sql, params, decode_user, g_object_unref, task);
}

ScUser *
scd_user_store_get_finish (ScdUserStore  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- create -------------------------------------------------------------- */

void
scd_user_store_create_async (ScdUserStore        *self,
                             const ScdActor      *actor,
                             const ScdNewUser    *user,
                             ScdIdempotency      *idempotency,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = task_new (self, 0, user->username, cancellable, callback, user_data, scd_user_store_create_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);

  scd_params_add (params, user->username);
  scd_params_add (params, user->full_name != NULL ? user->full_name : "");
  scd_params_add (params, user->role);
  scd_params_add (params, user->password_hash);
  scd_store_create (SCD_STORE (self), actor, create_sql, params, idempotency, decode_user,
                    "username", "is already taken", task);
}

ScdCreated *
scd_user_store_create_finish (ScdUserStore  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- update -------------------------------------------------------------- */

static GError *
stale (gint64 current_version)
{
  GError *error = g_error_new (SC_ERROR, SC_ERROR_PRECONDITION_FAILED,
                               "the user was changed by someone else (now at version %" G_GINT64_FORMAT "): "
                               "reload it and make your change again", current_version);

  sc_error_take_problem (error, sc_problem_new (SC_ERROR_PRECONDITION_FAILED, error->message));
  return error;
}

static void
version_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Ask *ask = g_task_get_task_data (task);
  g_autoptr(PGresult) pg = scd_store_query_finish (object, result, task);

  if (pg == NULL)
    return;
  if (PQntuples (pg) == 0)
    {
      g_task_return_error (task, no_user (task));
      return;
    }
  ask->current_version = scd_pg_int (pg, 0, 0);
  g_task_return_error (task, stale (ask->current_version));
}

static void
update_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Ask *ask = g_task_get_task_data (task);
  g_autoptr(PGresult) pg = scd_store_query_finish (object, result, task);
  ScdUserColumns columns;

  if (pg == NULL)
    return;
  if (PQntuples (pg) == 0)
    {
      g_task_return_error (task, no_user (task));
      return;
    }
  scd_user_columns_find (pg, &columns);
  if (scd_pg_string (pg, 0, columns.id) != NULL)
    {
      ScUser *user = scd_user_from_row (pg, 0, &columns);

      /* its sessions must show the change (or end) from the next request */
      scd_session_cache_forget_user (((ScdUserStore *) g_task_get_source_object (task))->cache,
                                     sc_user_get_id (user));
      g_task_return_pointer (task, user, g_object_unref);
      return;
    }

  ask->current_version = scd_pg_int (pg, 0, scd_pg_column (pg, "current_version"));
  if (ask->current_version == ask->version)
    {
      /* the version matched when the statement began, and a concurrent
       * change won the row: read the version it made */
      g_autofree char *id = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "current_id")));
      const char *params[] = { id };

      scd_db_query_async (SCD_DB (object), version_sql, params, 1, NULL, version_cb, g_steal_pointer (&task));
      return;
    }
  g_task_return_error (task, stale (ask->current_version));
}

void
scd_user_store_update_async (ScdUserStore        *self,
                             const ScdActor      *actor,
                             gint64               id,
                             const char          *username,
                             gint64               version,
                             const ScdUserChange *change,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = task_new (self, id, username, cancellable, callback, user_data, scd_user_store_update_async);
  g_autoptr(ScdParams) params = params_for (actor, id, username);

  ((Ask *) g_task_get_task_data (task))->version = version;
  scd_params_add_id (params, version);
  scd_params_add (params, change->role);
  scd_params_add (params, change->full_name);
  scd_params_add (params, change->active < 0 ? NULL : change->active ? "true" : "false");
  scd_db_query_async (scd_store_get_db (SCD_STORE (self)), update_sql, scd_params_values (params), params->len,
                      cancellable, update_cb, task);
}

ScUser *
scd_user_store_update_finish (ScdUserStore  *self,
                              GAsyncResult  *result,
                              gint64        *current_version,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (current_version != NULL)
    *current_version = ((Ask *) g_task_get_task_data (G_TASK (result)))->current_version;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- password and lock --------------------------------------------------- */

/* A new password has ended the user's sessions: forgotten before the
 * answer. */
static gpointer
decode_password_set (PGresult  *pg,
                     GTask     *task,
                     GError   **error)
{
  ScdUserStore *self = g_task_get_source_object (task);

  if (PQntuples (pg) == 0)
    {
      g_propagate_error (error, no_user (task));
      return NULL;
    }
  scd_session_cache_forget_user (self->cache, scd_pg_int (pg, 0, scd_pg_column (pg, "id")));
  return GINT_TO_POINTER (TRUE);
}

void
scd_user_store_set_password_async (ScdUserStore        *self,
                                   const ScdActor      *actor,
                                   gint64               id,
                                   const char          *username,
                                   const char          *password_hash,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = task_new (self, id, username, cancellable, callback, user_data, scd_user_store_set_password_async);
  g_autoptr(ScdParams) params = params_for (actor, id, username);

  scd_params_add (params, password_hash);
  scd_store_run (SCD_STORE (self), set_password_sql, params, decode_password_set, NULL, task);
}

gboolean
scd_user_store_set_password_finish (ScdUserStore  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_pointer (G_TASK (result), error) != NULL;
}

void
scd_user_store_unlock_async (ScdUserStore        *self,
                             const ScdActor      *actor,
                             gint64               id,
                             const char          *username,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = task_new (self, id, username, cancellable, callback, user_data, scd_user_store_unlock_async);
  g_autoptr(ScdParams) params = params_for (actor, id, username);

  scd_store_run (SCD_STORE (self), unlock_sql, params, decode_found, NULL, task);
}

gboolean
scd_user_store_unlock_finish (ScdUserStore  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_pointer (G_TASK (result), error) != NULL;
}
