/* scd-appeal-store.c
 *
 * The tribunal appeals (scd-appeal-store.h). An appeal's orders are a
 * JSON column written whole at its version. Its deadlines are the case's
 * milestones: the response due keyed by the reference, each order's keyed
 * "REFERENCE/N", read with the appeal; whether the authority complied is
 * theirs. The team's list reads each appeal's next due and status from
 * the view appeal_state (sql 0026), which computes them the way
 * sc_appeal_compute does, to filter and sort by them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-appeal-store"

#include "config.h"

#include "sc-problem.h"
#include "scd-appeal-store.h"
#include "scd-case-store-private.h"

struct _ScdAppealStore
{
  ScdStore      parent_instance;
  ScdCaseStore *cases;
};

G_DEFINE_FINAL_TYPE (ScdAppealStore, scd_appeal_store, SCD_TYPE_STORE)

#define DAY(column) "to_char(a." column ", 'YYYY-MM-DD') AS " column
/* the case's milestones of the appeal a's orders */
#define ORDER_MILESTONES \
  "case_milestone m WHERE m.case_id = a.case_id AND left(m.key, length(a.reference) + 1) = a.reference || '/'" \
  " AND substr(m.key, length(a.reference) + 2) ~ '^[1-9][0-9]*$'"
/* An appeal a with its case's person p, and its orders' deadlines */
#define APPEAL_COLUMNS \
  "a.id, a.reference, a.case_id, p.id AS person_id, p.given_name, p.family_name, a.appeal_type, " \
  DAY ("registered_on") ", " DAY ("response_sent_on") ", " DAY ("evidence_due") ", " DAY ("hearing_on") ", " \
  "a.representatives, a.outcome, " DAY ("decided_on") ", a.orders::text AS orders, a.notes, a.version," \
  " (SELECT coalesce(jsonb_agg(jsonb_build_object('milestone', m.milestone, 'key', m.key, 'due', m.due," \
  "                                               'status', m.status, 'completed_on', m.completed_on)" \
  "                            ORDER BY m.position), '[]') FROM " ORDER_MILESTONES ")::text AS deadlines"
#define APPEAL_JOINS " JOIN ehc_case c ON c.id = a.case_id JOIN person p ON p.id = c.person_id"

/* $2 the case, $3 .. $7 the appeal */
static const char create_sql[] =
  "WITH a AS (INSERT INTO appeal (reference, case_id, appeal_type, registered_on, response_due, representatives,"
  "                               created_by, updated_by)"
  "           VALUES ($3, $2::bigint, $4, $5::date, $6::date, $7,"
  "                   ($1::jsonb->>'user_id')::bigint, ($1::jsonb->>'user_id')::bigint) RETURNING *),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM a)"
  "SELECT " APPEAL_COLUMNS " FROM a" APPEAL_JOINS;

/* $2 the case, $3 the appeal, $4 .. $11 what it now holds, $12 the
 * version it was read at */
static const char put_sql[] =
  "WITH a AS (UPDATE appeal a SET response_sent_on = $4::date, evidence_due = $5::date, hearing_on = $6::date,"
  "             representatives = $7, outcome = $8, decided_on = $9::date, orders = $10::jsonb, notes = $11,"
  "             version = a.version + 1, updated_by = ($1::jsonb->>'user_id')::bigint, updated_at = now()"
  "           WHERE a.id = $3::bigint AND a.case_id = $2::bigint AND a.version = $12::integer RETURNING a.*),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM a)"
  "SELECT " APPEAL_COLUMNS ", (SELECT cur.version FROM appeal cur WHERE cur.id = $3::bigint) AS current"
  " FROM (SELECT 1) one LEFT JOIN a ON true LEFT JOIN ehc_case c ON c.id = a.case_id"
  " LEFT JOIN person p ON p.id = c.person_id";

/* $4 the appeal. A read for a change (the actor's request writes) is the
 * change's: its audit row is the write's. */
static const char get_sql[] =
  "WITH a AS (SELECT a.* FROM appeal a JOIN ehc_case c ON c.id = a.case_id"
  "           WHERE a.id = $4::bigint AND " SCD_CASE_VISIBLE ("c", "$2", "$3") "),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM a"
  "           WHERE ($1::jsonb->>'read')::boolean)"
  "SELECT " APPEAL_COLUMNS " FROM a" APPEAL_JOINS;

/* $4 the status (NULL: any), $5 the case (NULL: any), $6 $7 the cursor,
 * $8 the limit. An appeal with no deadline sorts as if due on the last
 * day there is. */
#define DUE_KEY "coalesce(a.next_due, DATE '9999-12-31')"
static const char list_sql[] =
  "WITH s AS (SELECT a.*, st.next_due, st.status FROM appeal a JOIN appeal_state st ON st.id = a.id"
  "           JOIN ehc_case c ON c.id = a.case_id"
  "           WHERE " SCD_CASE_VISIBLE ("c", "$2", "$3") " AND ($5::bigint IS NULL OR a.case_id = $5::bigint)),"
  " a AS (SELECT * FROM s a WHERE ($4::text IS NULL OR a.status = $4::text)"
  "         AND ($6::date IS NULL OR (" DUE_KEY ", a.id) > ($6::date, $7::bigint))"
  "       ORDER BY " DUE_KEY ", a.id LIMIT $8::integer + 1),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_ids)"
  "           SELECT $1, 'success', coalesce(array_agg(l.id::text), '{}')"
  "           FROM (SELECT a.id FROM a ORDER BY " DUE_KEY ", a.id LIMIT $8::integer) l)"
  "SELECT " APPEAL_COLUMNS ", to_char(" DUE_KEY ", 'YYYY-MM-DD') || '.' || a.id AS cursor"
  " FROM a" APPEAL_JOINS " ORDER BY " DUE_KEY ", a.id";

typedef struct
{
  gint64  id;
  gint64  current;
  guint   limit;
} Ask;

static GTask *
task_new (gpointer             self,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             tag)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, tag);

  g_task_set_task_data (task, g_new0 (Ask, 1), g_free);
  return task;
}

/* An ScdRecordRowFunc: the appeal of @row */
static gpointer
appeal_from_row (const PGresult  *pg,
                 int              row,
                 GError         **error)
{
  g_autoptr(ScAppeal) appeal = sc_appeal_new ();
  g_autoptr(JsonNode) orders = NULL;
  g_autoptr(JsonNode) deadlines = NULL;
  g_autoptr(GError) local_error = NULL;

  appeal->id = scd_pg_int (pg, row, scd_pg_column (pg, "id"));
  appeal->reference = scd_pg_dup (pg, row, "reference");
  appeal->case_id = scd_pg_int (pg, row, scd_pg_column (pg, "case_id"));
  appeal->person_id = scd_pg_int (pg, row, scd_pg_column (pg, "person_id"));
  appeal->given_name = scd_pg_dup (pg, row, "given_name");
  appeal->family_name = scd_pg_dup (pg, row, "family_name");
  appeal->appeal_type = scd_pg_dup (pg, row, "appeal_type");
  appeal->registered_on = scd_pg_day (pg, row, scd_pg_column (pg, "registered_on"));
  appeal->response_sent_on = scd_pg_day (pg, row, scd_pg_column (pg, "response_sent_on"));
  appeal->evidence_due = scd_pg_day (pg, row, scd_pg_column (pg, "evidence_due"));
  appeal->hearing_on = scd_pg_day (pg, row, scd_pg_column (pg, "hearing_on"));
  appeal->representatives = scd_pg_dup (pg, row, "representatives");
  appeal->outcome = scd_pg_dup (pg, row, "outcome");
  appeal->decided_on = scd_pg_day (pg, row, scd_pg_column (pg, "decided_on"));
  appeal->notes = scd_pg_dup (pg, row, "notes");
  appeal->version = scd_pg_int (pg, row, scd_pg_column (pg, "version"));
  orders = json_from_string (scd_pg_string (pg, row, scd_pg_column (pg, "orders")), NULL);
  if (!sc_appeal_read_orders (orders, appeal->orders, &local_error))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "appeal %" G_GINT64_FORMAT " cannot be read: %s",
                   appeal->id, local_error->message);
      return NULL;
    }
  /* the keys first, then the deadlines the clock has under them */
  sc_appeal_compute (appeal, sc_calendar_get_default ());
  deadlines = json_from_string (scd_pg_string (pg, row, scd_pg_column (pg, "deadlines")), NULL);
  sc_appeal_take_deadlines (appeal, deadlines);
  sc_appeal_compute (appeal, sc_calendar_get_default ());
  return g_steal_pointer (&appeal);
}

/* The answer of a create or a change: the appeal, or why not */
static gpointer
read_written (const PGresult  *pg,
              gpointer         data,
              GError         **error)
{
  Ask *ask = data;

  return scd_record_read_written (pg, "appeal", ask->id, &ask->current, appeal_from_row, error);
}

static void
recorded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  ScAppeal *appeal = _scd_case_store_record_finish (SCD_CASE_STORE (object), result, &error);

  if (appeal != NULL)
    g_task_return_pointer (task, appeal, (GDestroyNotify) sc_appeal_free);
  else if (g_error_matches (error, SC_ERROR, SC_ERROR_CONFLICT))
    {
      GError *explained = NULL;
      ScProblem *problem;

      g_set_error_literal (&explained, SC_ERROR, SC_ERROR_CONFLICT,
                           "an appeal with this tribunal reference is recorded already");
      problem = sc_problem_new (SC_ERROR_CONFLICT, explained->message);
      sc_problem_add_field_error (problem, "reference", "is the reference of an appeal recorded already");
      sc_error_take_problem (explained, problem);
      g_error_free (error);
      g_task_return_error (task, explained);
    }
  else
    g_task_return_error (task, error);
}

/* Writes @after (its orders keyed) with the events it adds beyond
 * @before, in the case's transaction */
static void
write_appeal (ScdAppealStore *self,
              const ScdActor *actor,
              const ScAppeal *before,
              const ScAppeal *after,
              const char     *sql,
              GPtrArray      *params,
              GTask          *task)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (ScClockEvent));

  sc_appeal_new_events (before, after, events);
  _scd_case_store_record_async (self->cases, actor, after->case_id, events, sql, params, read_written,
                                g_task_get_task_data (task), (GDestroyNotify) sc_appeal_free,
                                g_task_get_cancellable (task), recorded_cb, task);
}

ScdAppealStore *
scd_appeal_store_new (ScdDb        *db,
                      ScdCaseStore *cases)
{
  ScdAppealStore *self;

  g_return_val_if_fail (SCD_IS_DB (db), NULL);
  g_return_val_if_fail (SCD_IS_CASE_STORE (cases), NULL);

  self = g_object_new (SCD_TYPE_APPEAL_STORE, "db", db, NULL);
  self->cases = g_object_ref (cases);
  return self;
}

void
scd_appeal_store_create_async (ScdAppealStore      *self,
                               const ScdActor      *actor,
                               const ScAppeal      *appeal,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_appeal_store_create_async);
  g_autoptr(ScdParams) params = scd_params_new ();

  scd_params_add (params, appeal->reference);
  scd_params_add (params, appeal->appeal_type);
  scd_params_add_day (params, appeal->registered_on);
  scd_params_add_day (params, sc_calendar_add_tribunal_working_days (sc_calendar_get_default (),
                                                                     appeal->registered_on, SC_APPEAL_RESPONSE_DAYS));
  scd_params_add (params, appeal->representatives);
  write_appeal (self, actor, NULL, appeal, create_sql, params, task);
}

ScAppeal *
scd_appeal_store_create_finish (ScdAppealStore  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
decode_get (PGresult  *pg,
            GTask     *task,
            GError   **error)
{
  return scd_record_read_one (pg, "appeal", ((Ask *) g_task_get_task_data (task))->id, appeal_from_row, error);
}

void
scd_appeal_store_get_async (ScdAppealStore      *self,
                            const ScdActor      *actor,
                            gint64               id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_appeal_store_get_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  ((Ask *) g_task_get_task_data (task))->id = id;
  scd_params_add_int (params, id);
  scd_store_run (SCD_STORE (self), get_sql, params, decode_get, (GDestroyNotify) sc_appeal_free, task);
}

ScAppeal *
scd_appeal_store_get_finish (ScdAppealStore  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_appeal_store_put_async (ScdAppealStore      *self,
                            const ScdActor      *actor,
                            const ScAppeal      *before,
                            const ScAppeal      *after,
                            gint64               if_match,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_appeal_store_put_async);
  g_autoptr(ScdParams) params = scd_params_new ();
  g_autofree char *orders = sc_appeal_orders_to_json (after);

  ((Ask *) g_task_get_task_data (task))->id = before->id;
  scd_params_add_int (params, before->id);
  scd_params_add_day (params, after->response_sent_on);
  scd_params_add_day (params, after->evidence_due);
  scd_params_add_day (params, after->hearing_on);
  scd_params_add (params, after->representatives);
  scd_params_add (params, after->outcome);
  scd_params_add_day (params, after->decided_on);
  scd_params_add (params, orders);
  scd_params_add (params, after->notes);
  scd_params_add_int (params, if_match);
  write_appeal (self, actor, before, after, put_sql, params, task);
}

ScAppeal *
scd_appeal_store_put_finish (ScdAppealStore  *self,
                             GAsyncResult    *result,
                             gint64          *current,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  if (current != NULL)
    *current = ((Ask *) g_task_get_task_data (G_TASK (result)))->current;
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
decode_list (PGresult  *pg,
             GTask     *task,
             GError   **error)
{
  return scd_page_new_records (pg, ((Ask *) g_task_get_task_data (task))->limit, "cursor",
                               (GDestroyNotify) sc_appeal_free, appeal_from_row, error);
}

void
scd_appeal_store_list_async (ScdAppealStore       *self,
                             const ScdActor       *actor,
                             const ScdAppealQuery *query,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_appeal_store_list_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  ((Ask *) g_task_get_task_data (task))->limit = query->limit;
  scd_params_add (params, query->status);
  if (query->case_id > 0)
    scd_params_add_int (params, query->case_id);
  else
    scd_params_add (params, NULL);
  scd_params_add_day (params, query->after_due);
  scd_params_add_int (params, query->after_id);
  scd_params_add_int (params, query->limit);
  scd_store_run (SCD_STORE (self), list_sql, params, decode_list, scd_page_free, task);
}

GPtrArray *
scd_appeal_store_list_finish (ScdAppealStore  *self,
                              GAsyncResult    *result,
                              char           **next_cursor,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return scd_page_finish (result, next_cursor, error);
}

static void
scd_appeal_store_dispose (GObject *object)
{
  ScdAppealStore *self = SCD_APPEAL_STORE (object);

  g_clear_object (&self->cases);
  G_OBJECT_CLASS (scd_appeal_store_parent_class)->dispose (object);
}

static void
scd_appeal_store_class_init (ScdAppealStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = scd_appeal_store_dispose;
}

static void
scd_appeal_store_init (ScdAppealStore *self)
{
}
