/* scd-mediation-store.c
 *
 * The mediations (scd-mediation-store.h). A mediation's agreements are a
 * JSON column written whole at its version; its status and next due are
 * computed (sc_mediation_compute) when it is written, for the team's list
 * to filter and sort by, and again when it is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-mediation-store"

#include "config.h"

#include "sc-problem.h"
#include "scd-case-store-private.h"
#include "scd-mediation-store.h"

struct _ScdMediationStore
{
  ScdStore      parent_instance;
  ScdCaseStore *cases;
};

G_DEFINE_FINAL_TYPE (ScdMediationStore, scd_mediation_store, SCD_TYPE_STORE)

#define DAY(column) "to_char(m." column ", 'YYYY-MM-DD') AS " column
/* A mediation m with its case's person p */
#define MEDIATION_COLUMNS \
  "m.id, m.case_id, p.id AS person_id, p.given_name, p.family_name, " DAY ("advice_requested_on") ", " \
  DAY ("advice_given_on") ", " DAY ("mediation_requested_on") ", m.provider, " DAY ("held_on") ", " \
  DAY ("certificate_issued_on") ", m.outcome, m.agreements::text AS agreements, m.notes, m.version"
#define MEDIATION_JOINS " JOIN ehc_case c ON c.id = m.case_id JOIN person p ON p.id = c.person_id"

/* $2 the case, $3 .. $7 the mediation */
static const char create_sql[] =
  "WITH m AS (INSERT INTO mediation (case_id, advice_requested_on, provider, notes, status, next_due,"
  "                                  created_by, updated_by)"
  "           VALUES ($2::bigint, $3::date, $4, $5, $6, $7::date,"
  "                   ($1::jsonb->>'user_id')::bigint, ($1::jsonb->>'user_id')::bigint) RETURNING *),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM m)"
  "SELECT " MEDIATION_COLUMNS " FROM m" MEDIATION_JOINS;

/* $2 the case, $3 the mediation, $4 .. $13 what it now holds, $14 the
 * version it was read at */
static const char put_sql[] =
  "WITH m AS (UPDATE mediation m SET advice_given_on = $4::date, mediation_requested_on = $5::date,"
  "             provider = $6, held_on = $7::date, certificate_issued_on = $8::date, outcome = $9,"
  "             agreements = $10::jsonb, notes = $11, status = $12, next_due = $13::date,"
  "             version = m.version + 1, updated_by = ($1::jsonb->>'user_id')::bigint, updated_at = now()"
  "           WHERE m.id = $3::bigint AND m.case_id = $2::bigint AND m.version = $14::integer RETURNING m.*),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM m)"
  "SELECT " MEDIATION_COLUMNS ", (SELECT cur.version FROM mediation cur WHERE cur.id = $3::bigint) AS current"
  " FROM (SELECT 1) one LEFT JOIN m ON true LEFT JOIN ehc_case c ON c.id = m.case_id"
  " LEFT JOIN person p ON p.id = c.person_id";

/* $4 the mediation. A read for a change (the actor's request writes) is
 * the change's: its audit row is the write's. */
static const char get_sql[] =
  "WITH m AS (SELECT m.* FROM mediation m JOIN ehc_case c ON c.id = m.case_id"
  "           WHERE m.id = $4::bigint AND " SCD_CASE_VISIBLE ("c", "$2", "$3") "),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM m"
  "           WHERE ($1::jsonb->>'read')::boolean)"
  "SELECT " MEDIATION_COLUMNS " FROM m" MEDIATION_JOINS;

/* $4 the status (NULL: any), $5 the case (NULL: any), $6 $7 the cursor,
 * $8 the limit. One with no deadline sorts as if due on the last day
 * there is. */
#define DUE_KEY "coalesce(m.next_due, DATE '9999-12-31')"
static const char list_sql[] =
  "WITH m AS (SELECT m.* FROM mediation m JOIN ehc_case c ON c.id = m.case_id"
  "           WHERE " SCD_CASE_VISIBLE ("c", "$2", "$3") " AND ($4::text IS NULL OR m.status = $4::text)"
  "             AND ($5::bigint IS NULL OR m.case_id = $5::bigint)"
  "             AND ($6::date IS NULL OR (" DUE_KEY ", m.id) > ($6::date, $7::bigint))"
  "           ORDER BY " DUE_KEY ", m.id LIMIT $8::integer + 1),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_ids)"
  "           SELECT $1, 'success', coalesce(array_agg(l.id::text), '{}')"
  "           FROM (SELECT m.id FROM m ORDER BY " DUE_KEY ", m.id LIMIT $8::integer) l)"
  "SELECT " MEDIATION_COLUMNS ", to_char(" DUE_KEY ", 'YYYY-MM-DD') || '.' || m.id AS cursor"
  " FROM m" MEDIATION_JOINS " ORDER BY " DUE_KEY ", m.id";

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

/* An ScdRecordRowFunc: the mediation of @row */
static gpointer
mediation_from_row (const PGresult  *pg,
                    int              row,
                    GError         **error)
{
  g_autoptr(ScMediation) mediation = sc_mediation_new ();
  g_autoptr(JsonNode) agreements = NULL;
  g_autoptr(GError) local_error = NULL;

  mediation->id = scd_pg_int (pg, row, scd_pg_column (pg, "id"));
  mediation->case_id = scd_pg_int (pg, row, scd_pg_column (pg, "case_id"));
  mediation->person_id = scd_pg_int (pg, row, scd_pg_column (pg, "person_id"));
  mediation->given_name = scd_pg_dup (pg, row, "given_name");
  mediation->family_name = scd_pg_dup (pg, row, "family_name");
  mediation->advice_requested_on = scd_pg_day (pg, row, scd_pg_column (pg, "advice_requested_on"));
  mediation->advice_given_on = scd_pg_day (pg, row, scd_pg_column (pg, "advice_given_on"));
  mediation->mediation_requested_on = scd_pg_day (pg, row, scd_pg_column (pg, "mediation_requested_on"));
  mediation->provider = scd_pg_dup (pg, row, "provider");
  mediation->held_on = scd_pg_day (pg, row, scd_pg_column (pg, "held_on"));
  mediation->certificate_issued_on = scd_pg_day (pg, row, scd_pg_column (pg, "certificate_issued_on"));
  mediation->outcome = scd_pg_dup (pg, row, "outcome");
  mediation->notes = scd_pg_dup (pg, row, "notes");
  mediation->version = scd_pg_int (pg, row, scd_pg_column (pg, "version"));
  agreements = json_from_string (scd_pg_string (pg, row, scd_pg_column (pg, "agreements")), NULL);
  if (!sc_mediation_read_agreements (agreements, mediation->agreements, &local_error))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "mediation %" G_GINT64_FORMAT " cannot be read: %s",
                   mediation->id, local_error->message);
      return NULL;
    }
  sc_mediation_compute (mediation, sc_calendar_get_default ());
  return g_steal_pointer (&mediation);
}

/* The answer of a create or a change: the mediation, or why not */
static gpointer
read_written (const PGresult  *pg,
              gpointer         data,
              GError         **error)
{
  Ask *ask = data;

  return scd_record_read_written (pg, "mediation", ask->id, &ask->current, mediation_from_row, error);
}

static void
recorded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  ScMediation *mediation = _scd_case_store_record_finish (SCD_CASE_STORE (object), result, &error);

  if (mediation != NULL)
    g_task_return_pointer (task, mediation, (GDestroyNotify) sc_mediation_free);
  else if (g_error_matches (error, SC_ERROR, SC_ERROR_INVALID_INPUT))
    {
      /* the case's rules refuse the certificate's event: said of it */
      const ScProblem *problem = sc_error_get_problem (error);
      const ScFieldError *refusal = problem != NULL && sc_problem_get_n_field_errors (problem) > 0
                                    ? sc_problem_get_field_error (problem, 0) : NULL;
      GError *explained = NULL;

      sc_set_field_error (&explained, "certificate_issued_on", "%s",
                          refusal != NULL ? refusal->message : error->message);
      g_error_free (error);
      g_task_return_error (task, explained);
    }
  else
    g_task_return_error (task, error);
}

/* Writes @after with the events it adds beyond @before, in the case's
 * transaction; $3 onwards are @params, after them its status and next
 * due (for a change, then the version) */
static void
write_mediation (ScdMediationStore *self,
                 const ScdActor    *actor,
                 const ScMediation *before,
                 const ScMediation *after,
                 const char        *sql,
                 GPtrArray         *params,
                 GTask             *task)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (ScClockEvent));

  sc_mediation_new_events (before, after, events);
  _scd_case_store_record_async (self->cases, actor, after->case_id, events, sql, params, read_written,
                                g_task_get_task_data (task), (GDestroyNotify) sc_mediation_free,
                                g_task_get_cancellable (task), recorded_cb, task);
}

/* @mediation's status and next due, as they will be read back */
static ScMediation *
computed (const ScMediation *mediation)
{
  g_autofree char *agreements = sc_mediation_agreements_to_json (mediation);
  g_autoptr(JsonNode) node = json_from_string (agreements, NULL);
  ScMediation *copy = sc_mediation_new ();

  copy->advice_given_on = mediation->advice_given_on;
  copy->mediation_requested_on = mediation->mediation_requested_on;
  copy->held_on = mediation->held_on;
  copy->certificate_issued_on = mediation->certificate_issued_on;
  sc_mediation_read_agreements (node, copy->agreements, NULL);
  sc_mediation_compute (copy, sc_calendar_get_default ());
  return copy;
}

ScdMediationStore *
scd_mediation_store_new (ScdDb        *db,
                         ScdCaseStore *cases)
{
  ScdMediationStore *self;

  g_return_val_if_fail (SCD_IS_DB (db), NULL);
  g_return_val_if_fail (SCD_IS_CASE_STORE (cases), NULL);

  self = g_object_new (SCD_TYPE_MEDIATION_STORE, "db", db, NULL);
  self->cases = g_object_ref (cases);
  return self;
}

void
scd_mediation_store_create_async (ScdMediationStore   *self,
                                  const ScdActor      *actor,
                                  const ScMediation   *mediation,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_mediation_store_create_async);
  g_autoptr(ScdParams) params = scd_params_new ();
  g_autoptr(ScMediation) state = computed (mediation);

  scd_params_add_day (params, mediation->advice_requested_on);
  scd_params_add (params, mediation->provider);
  scd_params_add (params, mediation->notes);
  scd_params_add (params, state->status);
  scd_params_add_day (params, state->next_due);
  write_mediation (self, actor, NULL, mediation, create_sql, params, task);
}

ScMediation *
scd_mediation_store_create_finish (ScdMediationStore  *self,
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
  return scd_record_read_one (pg, "mediation", ((Ask *) g_task_get_task_data (task))->id, mediation_from_row, error);
}

void
scd_mediation_store_get_async (ScdMediationStore   *self,
                               const ScdActor      *actor,
                               gint64               id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_mediation_store_get_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  ((Ask *) g_task_get_task_data (task))->id = id;
  scd_params_add_int (params, id);
  scd_store_run (SCD_STORE (self), get_sql, params, decode_get, (GDestroyNotify) sc_mediation_free, task);
}

ScMediation *
scd_mediation_store_get_finish (ScdMediationStore  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_mediation_store_put_async (ScdMediationStore   *self,
                               const ScdActor      *actor,
                               const ScMediation   *before,
                               const ScMediation   *after,
                               gint64               if_match,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_mediation_store_put_async);
  g_autoptr(ScdParams) params = scd_params_new ();
  g_autofree char *agreements = sc_mediation_agreements_to_json (after);
  g_autoptr(ScMediation) state = computed (after);

  ((Ask *) g_task_get_task_data (task))->id = before->id;
  scd_params_add_int (params, before->id);
  scd_params_add_day (params, after->advice_given_on);
  scd_params_add_day (params, after->mediation_requested_on);
  scd_params_add (params, after->provider);
  scd_params_add_day (params, after->held_on);
  scd_params_add_day (params, after->certificate_issued_on);
  scd_params_add (params, after->outcome);
  scd_params_add (params, agreements);
  scd_params_add (params, after->notes);
  scd_params_add (params, state->status);
  scd_params_add_day (params, state->next_due);
  scd_params_add_int (params, if_match);
  write_mediation (self, actor, before, after, put_sql, params, task);
}

ScMediation *
scd_mediation_store_put_finish (ScdMediationStore  *self,
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
                               (GDestroyNotify) sc_mediation_free, mediation_from_row, error);
}

void
scd_mediation_store_list_async (ScdMediationStore       *self,
                                const ScdActor          *actor,
                                const ScdMediationQuery *query,
                                GCancellable            *cancellable,
                                GAsyncReadyCallback      callback,
                                gpointer                 user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_mediation_store_list_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  ((Ask *) g_task_get_task_data (task))->limit = query->limit;
  scd_params_add (params, query->status);
  scd_params_add_id (params, query->case_id);
  scd_params_add_day (params, query->after_due);
  scd_params_add_int (params, query->after_id);
  scd_params_add_int (params, query->limit);
  scd_store_run (SCD_STORE (self), list_sql, params, decode_list, scd_page_free, task);
}

GPtrArray *
scd_mediation_store_list_finish (ScdMediationStore  *self,
                                 GAsyncResult       *result,
                                 char              **next_cursor,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return scd_page_finish (result, next_cursor, error);
}

static void
scd_mediation_store_dispose (GObject *object)
{
  g_clear_object (&SCD_MEDIATION_STORE (object)->cases);
  G_OBJECT_CLASS (scd_mediation_store_parent_class)->dispose (object);
}

static void
scd_mediation_store_class_init (ScdMediationStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = scd_mediation_store_dispose;
}

static void
scd_mediation_store_init (ScdMediationStore *self)
{
}
