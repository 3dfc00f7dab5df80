/* scd-complaint-store.c
 *
 * The complaints (scd-complaint-store.h). A complaint's stages and its
 * Ombudsman's part are JSON columns written whole at its version; its
 * status and next due are computed (sc_complaint_compute) when it is
 * written, for the team's list to filter and sort by, and again when it
 * is read. A write to a complaint of a case runs in the case's
 * transaction, after the events it adds; the statement is the same
 * either way, $2 the case or NULL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-complaint-store"

#include "config.h"

#include "sc-problem.h"
#include "scd-case-store-private.h"
#include "scd-complaint-store.h"

struct _ScdComplaintStore
{
  ScdStore      parent_instance;
  ScdCaseStore *cases;
};

G_DEFINE_FINAL_TYPE (ScdComplaintStore, scd_complaint_store, SCD_TYPE_STORE)

/* A complaint k with its case c and person p (both may be none) */
#define COMPLAINT_COLUMNS \
  "k.id, k.reference, k.case_id, p.id AS person_id, p.given_name, p.family_name, k.complainant, k.channel," \
  " k.category, k.stages::text AS stages, k.ombudsman::text AS ombudsman, k.notes, k.version"
#define COMPLAINT_JOINS \
  " LEFT JOIN ehc_case c ON c.id = k.case_id LEFT JOIN person p ON p.id = c.person_id"
/* the complaint k (with c) is seen by the actor ($2 their id, $3 their
 * role): the service's by all but caseworkers, a case's by those who
 * see the case */
#define COMPLAINT_VISIBLE \
  "((k.case_id IS NULL AND $3 <> 'caseworker') OR (c.id IS NOT NULL AND " \
  SCD_CASE_VISIBLE ("c", "$2", "$3") "))"

/* $2 the case (NULL: the service), $3 .. $11 the complaint */
static const char create_sql[] =
  "WITH k AS (INSERT INTO complaint (reference, case_id, complainant, channel, category, stage, received_on,"
  "                                  stages, status, next_due, created_by, updated_by)"
  "           VALUES ($3, $2::bigint, $4, $5, $6, $7::smallint, $8::date, $9::jsonb, $10, $11::date,"
  "                   ($1::jsonb->>'user_id')::bigint, ($1::jsonb->>'user_id')::bigint) RETURNING *),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM k)"
  "SELECT " COMPLAINT_COLUMNS " FROM k" COMPLAINT_JOINS;

/* $2 the case (NULL: the service), $3 the complaint, $4 .. $12 what it
 * now holds, $13 the version it was read at */
static const char put_sql[] =
  "WITH k AS (UPDATE complaint k SET complainant = $4, channel = $5, category = $6, stage = $7::smallint,"
  "             stages = $8::jsonb, ombudsman = $9::jsonb, notes = $10, status = $11, next_due = $12::date,"
  "             version = k.version + 1, updated_by = ($1::jsonb->>'user_id')::bigint, updated_at = now()"
  "           WHERE k.id = $3::bigint AND k.case_id IS NOT DISTINCT FROM $2::bigint"
  "             AND k.version = $13::integer RETURNING k.*),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM k)"
  "SELECT " COMPLAINT_COLUMNS ", (SELECT cur.version FROM complaint cur WHERE cur.id = $3::bigint) AS current"
  " FROM (SELECT 1) one LEFT JOIN k ON true" COMPLAINT_JOINS;

/* $4 the complaint. A read for a change (the actor's request writes) is
 * the change's: its audit row is the write's. */
static const char get_sql[] =
  "WITH k AS (SELECT k.* FROM complaint k LEFT JOIN ehc_case c ON c.id = k.case_id"
  "           WHERE k.id = $4::bigint AND " COMPLAINT_VISIBLE "),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM k"
  "           WHERE ($1::jsonb->>'read')::boolean)"
  "SELECT " COMPLAINT_COLUMNS " FROM k" COMPLAINT_JOINS;

/* $4 the status (NULL: any), $5 the case (NULL: any, -1: the service's),
 * $6 $7 the cursor, $8 the limit. A complaint with no deadline sorts as
 * if due on the last day there is. */
#define DUE_KEY "coalesce(k.next_due, DATE '9999-12-31')"
static const char list_sql[] =
  "WITH k AS (SELECT k.* FROM complaint k LEFT JOIN ehc_case c ON c.id = k.case_id"
  "           WHERE " COMPLAINT_VISIBLE " AND ($4::text IS NULL OR k.status = $4::text)"
  "             AND ($5::bigint IS NULL OR ($5::bigint = -1 AND k.case_id IS NULL) OR k.case_id = $5::bigint)"
  "             AND ($6::date IS NULL OR (" DUE_KEY ", k.id) > ($6::date, $7::bigint))"
  "           ORDER BY " DUE_KEY ", k.id LIMIT $8::integer + 1),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_ids)"
  "           SELECT $1, 'success', coalesce(array_agg(s.id::text), '{}')"
  "           FROM (SELECT k.id FROM k ORDER BY " DUE_KEY ", k.id LIMIT $8::integer) s)"
  "SELECT " COMPLAINT_COLUMNS ", to_char(" DUE_KEY ", 'YYYY-MM-DD') || '.' || k.id AS cursor"
  " FROM k" COMPLAINT_JOINS " ORDER BY " DUE_KEY ", k.id";

typedef struct
{
  char   *reference;
  gint64  id;
  gint64  current;
  guint   limit;
} Ask;

static void
ask_free (gpointer data)
{
  Ask *ask = data;

  g_free (ask->reference);
  g_free (ask);
}

static GTask *
task_new (gpointer             self,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             tag)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, tag);

  g_task_set_task_data (task, g_new0 (Ask, 1), ask_free);
  return task;
}

/* An ScdRecordRowFunc: the complaint of @row */
static gpointer
complaint_from_row (const PGresult  *pg,
                    int              row,
                    GError         **error)
{
  g_autoptr(ScComplaint) complaint = sc_complaint_new ();
  g_autoptr(JsonNode) stages = NULL;
  g_autoptr(JsonNode) ombudsman = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *text;

  complaint->id = scd_pg_int (pg, row, scd_pg_column (pg, "id"));
  complaint->reference = scd_pg_dup (pg, row, "reference");
  complaint->case_id = scd_pg_int (pg, row, scd_pg_column (pg, "case_id"));
  complaint->person_id = scd_pg_int (pg, row, scd_pg_column (pg, "person_id"));
  complaint->given_name = scd_pg_dup (pg, row, "given_name");
  complaint->family_name = scd_pg_dup (pg, row, "family_name");
  complaint->complainant = scd_pg_dup (pg, row, "complainant");
  complaint->channel = scd_pg_dup (pg, row, "channel");
  complaint->category = scd_pg_dup (pg, row, "category");
  complaint->notes = scd_pg_dup (pg, row, "notes");
  complaint->version = scd_pg_int (pg, row, scd_pg_column (pg, "version"));
  stages = json_from_string (scd_pg_string (pg, row, scd_pg_column (pg, "stages")), NULL);
  sc_complaint_read_stages (stages, complaint->stages, &local_error);
  text = scd_pg_string (pg, row, scd_pg_column (pg, "ombudsman"));
  if (text != NULL)
    {
      ombudsman = json_from_string (text, NULL);
      sc_complaint_read_ombudsman (ombudsman, &complaint->ombudsman, &local_error);
    }
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "complaint %" G_GINT64_FORMAT " cannot be read: %s",
                   complaint->id, local_error->message);
      return NULL;
    }
  sc_complaint_compute (complaint, sc_calendar_get_default ());
  return g_steal_pointer (&complaint);
}

/* The answer of a create or a change: the complaint, or why not */
static gpointer
read_written (const PGresult  *pg,
              gpointer         data,
              GError         **error)
{
  Ask *ask = data;

  return scd_record_read_written (pg, "complaint", ask->id, &ask->current, complaint_from_row, error);
}

static gpointer
decode_written (PGresult  *pg,
                GTask     *task,
                GError   **error)
{
  return read_written (pg, g_task_get_task_data (task), error);
}

/* A reference already used, a case there is not: said of the request */
static GError *
explain (GError     *error,
         const Ask  *ask)
{
  GError *explained = NULL;

  if (g_error_matches (error, SC_ERROR, SC_ERROR_CONFLICT))
    {
      ScProblem *problem;

      g_set_error (&explained, SC_ERROR, SC_ERROR_CONFLICT, "a complaint with the reference %s is recorded already",
                   ask->reference);
      problem = sc_problem_new (SC_ERROR_CONFLICT, explained->message);
      sc_problem_add_field_error (problem, "reference", "is the reference of a complaint recorded already");
      sc_error_take_problem (explained, problem);
    }
  else if (ask->id == 0 && g_error_matches (error, SC_ERROR, SC_ERROR_NOT_FOUND))
    sc_set_field_error (&explained, "case_id", "is not a case you can see");
  if (explained == NULL)
    return error;
  g_error_free (error);
  return explained;
}

static void
recorded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  ScComplaint *complaint = _scd_case_store_record_finish (SCD_CASE_STORE (object), result, &error);

  if (complaint == NULL)
    g_task_return_error (task, explain (error, g_task_get_task_data (task)));
  else
    g_task_return_pointer (task, complaint, (GDestroyNotify) sc_complaint_free);
}

static void
ran_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  ScComplaint *complaint = g_task_propagate_pointer (G_TASK (result), &error);

  if (complaint == NULL)
    g_task_return_error (task, explain (error, g_task_get_task_data (task)));
  else
    g_task_return_pointer (task, complaint, (GDestroyNotify) sc_complaint_free);
}

/* Runs @sql with @params after the actor ($1) and the case ($2): in the
 * case's transaction with the events @after adds beyond @before, or alone
 * for the service. */
static void
write_complaint (ScdComplaintStore *self,
                 const ScdActor    *actor,
                 const ScComplaint *before,
                 const ScComplaint *after,
                 const char        *sql,
                 GPtrArray         *params,
                 GTask             *task)
{
  if (after->case_id > 0)
    {
      g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (ScClockEvent));

      sc_complaint_new_events (before, after, events);
      _scd_case_store_record_async (self->cases, actor, after->case_id, events, sql, params, read_written,
                                    g_task_get_task_data (task), (GDestroyNotify) sc_complaint_free,
                                    g_task_get_cancellable (task), recorded_cb, task);
    }
  else
    {
      g_autoptr(ScdParams) all = scd_store_params_new (actor);

      scd_params_add (all, NULL);
      for (guint i = 0; i < params->len; i++)
        scd_params_add (all, g_ptr_array_index (params, i));
      /* its own task, so that a refusal is explained as the case's is */
      GTask *ran = g_task_new (self, g_task_get_cancellable (task), ran_cb, task);

      g_task_set_task_data (ran, g_task_get_task_data (task), NULL);
      scd_store_run (SCD_STORE (self), sql, all, decode_written, (GDestroyNotify) sc_complaint_free, ran);
    }
}

ScdComplaintStore *
scd_complaint_store_new (ScdDb        *db,
                         ScdCaseStore *cases)
{
  ScdComplaintStore *self;

  g_return_val_if_fail (SCD_IS_DB (db), NULL);
  g_return_val_if_fail (SCD_IS_CASE_STORE (cases), NULL);

  self = g_object_new (SCD_TYPE_COMPLAINT_STORE, "db", db, NULL);
  self->cases = g_object_ref (cases);
  return self;
}

void
scd_complaint_store_create_async (ScdComplaintStore   *self,
                                  const ScdActor      *actor,
                                  const ScComplaint   *complaint,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_complaint_store_create_async);
  g_autoptr(ScComplaint) computed = NULL;
  g_autoptr(ScdParams) params = scd_params_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *stages = NULL;

  /* the dues, as they will be read back */
  stages = sc_complaint_stages_to_json (complaint);
  computed = sc_complaint_new ();
  node = json_from_string (stages, NULL);
  sc_complaint_read_stages (node, computed->stages, NULL);
  sc_complaint_compute (computed, sc_calendar_get_default ());

  ((Ask *) g_task_get_task_data (task))->reference = g_strdup (complaint->reference);
  scd_params_add (params, complaint->reference);
  scd_params_add (params, complaint->complainant);
  scd_params_add (params, complaint->channel);
  scd_params_add (params, complaint->category);
  scd_params_add_int (params, computed->stage);
  scd_params_add_day (params, computed->received_on);
  scd_params_add (params, stages);
  scd_params_add (params, computed->status);
  scd_params_add_day (params, computed->next_due);
  write_complaint (self, actor, NULL, complaint, create_sql, params, task);
}

ScComplaint *
scd_complaint_store_create_finish (ScdComplaintStore  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
decode_get (PGresult  *pg,
            GTask     *task,
            GError   **error)
{
  return scd_record_read_one (pg, "complaint", ((Ask *) g_task_get_task_data (task))->id, complaint_from_row, error);
}

void
scd_complaint_store_get_async (ScdComplaintStore   *self,
                               const ScdActor      *actor,
                               gint64               id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_complaint_store_get_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  ((Ask *) g_task_get_task_data (task))->id = id;
  scd_params_add_int (params, id);
  scd_store_run (SCD_STORE (self), get_sql, params, decode_get, (GDestroyNotify) sc_complaint_free, task);
}

ScComplaint *
scd_complaint_store_get_finish (ScdComplaintStore  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_complaint_store_put_async (ScdComplaintStore   *self,
                               const ScdActor      *actor,
                               const ScComplaint   *before,
                               const ScComplaint   *after,
                               gint64               if_match,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_complaint_store_put_async);
  g_autoptr(ScdParams) params = scd_params_new ();
  g_autoptr(ScComplaint) computed = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *stages = sc_complaint_stages_to_json (after);
  g_autofree char *ombudsman = sc_complaint_ombudsman_to_json (after);
  Ask *ask = g_task_get_task_data (task);

  computed = sc_complaint_new ();
  node = json_from_string (stages, NULL);
  sc_complaint_read_stages (node, computed->stages, NULL);
  computed->ombudsman = NULL;
  if (ombudsman != NULL)
    {
      g_autoptr(JsonNode) o = json_from_string (ombudsman, NULL);

      sc_complaint_read_ombudsman (o, &computed->ombudsman, NULL);
    }
  sc_complaint_compute (computed, sc_calendar_get_default ());

  ask->id = before->id;
  ask->reference = g_strdup (before->reference);
  scd_params_add_int (params, before->id);
  scd_params_add (params, after->complainant);
  scd_params_add (params, after->channel);
  scd_params_add (params, after->category);
  scd_params_add_int (params, computed->stage);
  scd_params_add (params, stages);
  scd_params_add (params, ombudsman);
  scd_params_add (params, after->notes);
  scd_params_add (params, computed->status);
  scd_params_add_day (params, computed->next_due);
  scd_params_add_int (params, if_match);
  write_complaint (self, actor, before, after, put_sql, params, task);
}

ScComplaint *
scd_complaint_store_put_finish (ScdComplaintStore  *self,
                                GAsyncResult       *result,
                                gint64             *current,
                                GError            **error)
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
                               (GDestroyNotify) sc_complaint_free, complaint_from_row, error);
}

void
scd_complaint_store_list_async (ScdComplaintStore       *self,
                                const ScdActor          *actor,
                                const ScdComplaintQuery *query,
                                GCancellable            *cancellable,
                                GAsyncReadyCallback      callback,
                                gpointer                 user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_complaint_store_list_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  ((Ask *) g_task_get_task_data (task))->limit = query->limit;
  scd_params_add (params, query->status);
  if (query->case_id != 0)
    scd_params_add_int (params, query->case_id);
  else
    scd_params_add (params, NULL);
  scd_params_add_day (params, query->after_due);
  scd_params_add_int (params, query->after_id);
  scd_params_add_int (params, query->limit);
  scd_store_run (SCD_STORE (self), list_sql, params, decode_list, scd_page_free, task);
}

GPtrArray *
scd_complaint_store_list_finish (ScdComplaintStore  *self,
                                 GAsyncResult       *result,
                                 char              **next_cursor,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return scd_page_finish (result, next_cursor, error);
}

static void
scd_complaint_store_dispose (GObject *object)
{
  ScdComplaintStore *self = SCD_COMPLAINT_STORE (object);

  g_clear_object (&self->cases);
  G_OBJECT_CLASS (scd_complaint_store_parent_class)->dispose (object);
}

static void
scd_complaint_store_class_init (ScdComplaintStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = scd_complaint_store_dispose;
}

static void
scd_complaint_store_init (ScdComplaintStore *self)
{
}
