/* scd-store-private.h
 *
 * What the stores share and nothing above them sees: running a statement
 * into a GTask through a decoder, the actor as statement parameter $1, the
 * idempotent create, and the user row that several stores decode.
 *
 * The shape of a store call, which every store follows:
 *
 *   static const char get_sql[] =
 *     "WITH u AS (SELECT ... FROM app_user u WHERE u.id = $2),"
 *     " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id)"
 *     "           SELECT $1, 'success', id::text FROM u)"
 *     "SELECT * FROM u";
 *
 *   void
 *   scd_user_store_get_async (..., const ScdActor *actor, gint64 id, ...)
 *   {
 *     GTask *task = scd_store_task_new (self, cancellable, callback, user_data, scd_user_store_get_async);
 *     g_autoptr(ScdParams) params = scd_store_params_new (actor);
 *
 *     scd_params_add_int (params, id);
 *     scd_store_run (SCD_STORE (self), get_sql, params, decode_one_user, g_object_unref, task);
 *   }
 *
 * $1 is always the actor; the audit row is a data-modifying CTE, which
 * PostgreSQL runs exactly once whatever the rest of the statement does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-user.h"
#include "scd-actor.h"
#include "scd-db-private.h"
#include "scd-idempotency.h"
#include "scd-store.h"

G_BEGIN_DECLS

/* Turns a statement's result into the task's value, or sets @error; the
 * task's data (g_task_get_task_data) holds what the call was asked. */
typedef gpointer (*ScdDecodeFunc) (PGresult  *result,
                                   GTask     *task,
                                   GError   **error);

/* A task for a store call: @self as source object, tagged. */
GTask     *scd_store_task_new    (gpointer             self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data,
                                  gpointer             source_tag);
/* Parameters with the actor's JSON as $1. */
ScdParams *scd_store_params_new  (const ScdActor      *actor);

/* Runs @sql on any free connection and returns through @task (transfer
 * full) what @decode makes of the result, freed with @destroy; a NULL
 * @decode returns TRUE (g_task_propagate_boolean). */
void       scd_store_run         (ScdStore            *self,
                                  const char          *sql,
                                  ScdParams           *params,
                                  ScdDecodeFunc        decode,
                                  GDestroyNotify       destroy,
                                  GTask               *task);

/* For the callback of a step of a call with several statements: the
 * result of the statement run for @task, or NULL when it failed, with its
 * error already returned through @task. */
PGresult  *scd_store_query_finish (GObject            *db,
                                   GAsyncResult       *result,
                                   GTask              *task);

/* A create: @sql inserts the record, returns it with its "id" column and
 * writes its audit row. With @idempotency's key it runs in one transaction
 * with the key's record (scd-idempotency.c). @task (transfer full) returns
 * an ScdCreated. A unique violation becomes a CONFLICT on
 * @conflict_field. */
void       scd_store_create      (ScdStore            *self,
                                  const ScdActor      *actor,
                                  const char          *sql,
                                  ScdParams           *params,
                                  ScdIdempotency      *idempotency,
                                  ScdDecodeFunc        decode,
                                  const char          *conflict_field,
                                  const char          *conflict_message,
                                  GTask               *task);

/* --- an Idempotency-Key in a transaction of several statements ---------
 *
 * What scd_store_create does with a key, for a change that needs several
 * statements of its own (scd-case-store-txn.c), on its leased connection:
 *
 *   BEGIN; claim; known -> replay, and that is the answer
 *   the work; answer; keep; COMMIT
 *
 * The caller keeps @idempotency (with a key), @lease and @actor (signed
 * in) alive until each call returns. A failed work just rolls back: the
 * key goes with it. */

/* In the open transaction: forgets the key if it has expired, then
 * claims it; a twin request in flight makes this wait until that one has
 * ended. TRUE: either *@known is FALSE (claimed: go on) or the key is
 * already used (the transaction is spoilt: replay). */
void        scd_idempotency_claim_async   (const ScdIdempotency *idempotency,
                                           ScdDbLease           *lease,
                                           const ScdActor       *actor,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    scd_idempotency_claim_finish  (GAsyncResult         *result,
                                           gboolean             *known,
                                           GError              **error);
/* The answer to the record @model just written, made by @idempotency's
 * ScdAnswerFunc (nullable: then only the record). */
ScdCreated *scd_idempotency_answer        (const ScdIdempotency *idempotency,
                                           GObject              *model,
                                           const char           *resource_id,
                                           gint64                version);
/* Keeps @created with the claimed key: the last statement before COMMIT. */
void        scd_idempotency_keep_async    (const ScdIdempotency *idempotency,
                                           ScdDbLease           *lease,
                                           const ScdActor       *actor,
                                           ScdCreated           *created,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    scd_idempotency_keep_finish   (GAsyncResult         *result,
                                           GError              **error);
/* After a claim found the key known: rolls the transaction back, then one
 * statement reads the first answer and records the replay (outcome
 * replayed, the first answer's resource id). Returns: (transfer full): the
 * first answer, replayed; a field error on Idempotency-Key (422) when the
 * key answered another request. */
void        scd_idempotency_replay_async  (const ScdIdempotency *idempotency,
                                           ScdDbLease           *lease,
                                           const ScdActor       *actor,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
ScdCreated *scd_idempotency_replay_finish (GAsyncResult         *result,
                                           GError              **error);

/* --- pages of a list ---------------------------------------------------- */

/* A list statement asks for @limit + 1 rows: a row beyond the limit means a
 * next page, whose cursor is @cursor_column of the last row shown. The
 * decoder adds the first *@n_rows rows to page->items; scd_page_new_rows
 * does it all when a row reads alone. */
typedef struct
{
  GPtrArray *items;        /* of GObject */
  char      *next_cursor;  /* nullable */
} ScdPage;

ScdPage   *scd_page_new          (const PGresult      *result,
                                  guint                limit,
                                  int                  cursor_column,
                                  guint               *n_rows);
/* One row's model, as a page's items hold it */
typedef gpointer (*ScdRowFunc) (const PGresult *result,
                                int             row);
/* The page of @result whose rows are all read by @row into items freed
 * with @free_item (NULL: objects), its cursor in column @cursor_column */
ScdPage   *scd_page_new_rows     (const PGresult      *result,
                                  guint                limit,
                                  const char          *cursor_column,
                                  GDestroyNotify       free_item,
                                  ScdRowFunc           row);
/* The same for rows whose reading may fail (a record's JSON columns):
 * NULL with @error, the page freed */
typedef gpointer (*ScdRecordRowFunc) (const PGresult *result,
                                      int             row,
                                      GError        **error);
ScdPage   *scd_page_new_records  (const PGresult      *result,
                                  guint                limit,
                                  const char          *cursor_column,
                                  GDestroyNotify       free_item,
                                  ScdRecordRowFunc     row,
                                  GError             **error);
void       scd_page_free         (gpointer             page);

/* --- the records of a case (a complaint, an appeal, a mediation) ------- */

/* The record @name @id read alone: row 0 by @row, or NOT_FOUND ("no
 * complaint 4") when there is none */
gpointer   scd_record_read_one   (const PGresult      *result,
                                  const char          *name,
                                  gint64               id,
                                  ScdRecordRowFunc     row,
                                  GError             **error);
/* The answer of a write at a version, whose statement returns the record
 * with a column "current" (its version now) joined to one row even when
 * nothing was written: the record, or NOT_FOUND when there is none, or
 * PRECONDITION_FAILED with *@current its version now */
gpointer   scd_record_read_written (const PGresult    *result,
                                    const char        *name,
                                    gint64             id,
                                    gint64            *current,
                                    ScdRecordRowFunc   row,
                                    GError           **error);
/* The list_finish of every store: the items, and the cursor in *@next_cursor. */
GPtrArray *scd_page_finish       (GAsyncResult        *result,
                                  char               **next_cursor,
                                  GError             **error);

/* --- users, as several stores read them -------------------------------- */

/* The columns of a user (table or CTE aliased u), in any order: decoded by
 * name. SCD_USER_LOCKED_UNTIL adds when a sign-in lockout of the username
 * ends (the latest lock its failures caused, if still in the future). */
#define SCD_USER_COLUMNS \
  "u.id, u.username, u.full_name, u.role, u.active, u.version, " \
  SCD_SQL_USEC ("u.created_at") " AS created_at, " SCD_SQL_USEC ("u.updated_at") " AS updated_at"
#define SCD_USER_LOCKED_UNTIL \
  "(SELECT " SCD_SQL_USEC ("max(f.username_locked_until)") " FROM sign_in_failure f" \
  "  WHERE f.username = u.username AND f.username_locked_until > clock_timestamp()) AS locked_until"

typedef struct
{
  int id, username, full_name, role, active, version, created_at, updated_at, locked_until;
} ScdUserColumns;

void       scd_user_columns_find (const PGresult      *result,
                                  ScdUserColumns      *columns);
ScUser    *scd_user_from_row     (const PGresult      *result,
                                  int                  row,
                                  const ScdUserColumns *columns);

G_END_DECLS
