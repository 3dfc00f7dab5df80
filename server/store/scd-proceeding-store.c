/* scd-proceeding-store.c
 *
 * The proceedings of a case's plan, each read and write one statement
 * with its audit row. A proceeding is the live event that started it,
 * with the milestones that event started. A reassessment's decision is
 * the first live decided_to_reassess or decided_not_to_reassess after the
 * request on the day its reassessment_decision was completed, and its
 * milestones (the plan's deadline, or the time to appeal) are the
 * proceeding's too. A ceasing ends with the first live plan_ceased,
 * transfer_out or tribunal order to continue the plan after it, unless
 * another decision to cease came between. What the clock does
 * not hold comes from case_proceeding, written as a review's is
 * (scd-review-store.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-proceeding-store"

#include "config.h"

#include "sc-problem.h"
#include "scd-case-store-private.h"
#include "scd-proceeding-store.h"

struct _ScdProceedingStore
{
  ScdStore parent_instance;
};

G_DEFINE_FINAL_TYPE (ScdProceedingStore, scd_proceeding_store, SCD_TYPE_STORE)

/* $1 the actor, $2 and $3 the actor's id and role, $4 the case */
#define PROCEEDING_CASE SCD_CASE_OF_ACTOR ("")

#define PROCEEDING_TYPES \
  "('amendment_notice_issued', 'reassessment_requested', 'cease_decided', 'transfer_in')"

#define DAY(column) "to_char(" column ", 'YYYY-MM-DD')"

/* The proceeding s (its starting event) with its reassessment decision
 * rd and d, the plan ceased pc and what @extras (case_proceeding, or the
 * row just written) holds for it, r */
#define PROCEEDING_JOINS(extras) \
  " LEFT JOIN case_milestone rd ON rd.case_id = s.case_id AND rd.start_event_id = s.id" \
  "   AND rd.milestone = 'reassessment_decision'" \
  " LEFT JOIN LATERAL (SELECT e.id, e.type FROM case_event e" \
  "   WHERE e.case_id = s.case_id AND e.type IN ('decided_to_reassess', 'decided_not_to_reassess')" \
  "     AND e.voided_at IS NULL AND e.date = rd.completed_on AND (e.date, e.position) > (s.date, s.position)" \
  "   ORDER BY e.position LIMIT 1) d ON true" \
  " LEFT JOIN LATERAL (SELECT e.date, e.type FROM case_event e" \
  "   WHERE s.type = 'cease_decided' AND e.case_id = s.case_id AND e.voided_at IS NULL" \
  "     AND (e.type IN ('plan_ceased', 'transfer_out')" \
  "          OR (e.type = 'tribunal_order' AND e.details->>'order' = 'continue_plan'))" \
  "     AND (e.date, e.position) > (s.date, s.position)" \
  "     AND NOT EXISTS (SELECT 1 FROM case_event n WHERE n.case_id = s.case_id AND n.type = 'cease_decided'" \
  "       AND n.voided_at IS NULL AND (n.date, n.position) > (s.date, s.position)" \
  "       AND (n.date, n.position) < (e.date, e.position))" \
  "   ORDER BY e.date, e.position LIMIT 1) pc ON true" \
  " LEFT JOIN " extras " r ON r.case_id = s.case_id AND r.start_event_id = s.id"

#define PROCEEDING_COLUMNS \
  "s.id, s.case_id AS proceeding_case_id," \
  " CASE s.type WHEN 'amendment_notice_issued' THEN 'amendment' WHEN 'reassessment_requested' THEN 'reassessment'" \
  "   WHEN 'cease_decided' THEN 'ceasing' ELSE 'transfer_in' END AS kind," \
  " " DAY ("s.date") " AS started_on," \
  " CASE d.type WHEN 'decided_to_reassess' THEN 'reassess' WHEN 'decided_not_to_reassess' THEN 'not_reassess'" \
  "   END AS decision, " DAY ("rd.completed_on") " AS decided_on," \
  " s.details->>'last_review' AS last_review, " DAY ("pc.date") " AS ended_on, pc.type AS ended_by," \
  " (SELECT coalesce(json_agg(json_build_object('milestone', m.milestone, 'due', m.due, 'status', m.status," \
  "                                             'completed_on', m.completed_on) ORDER BY m.position), '[]')" \
  "    FROM case_milestone m WHERE m.case_id = s.case_id AND m.start_event_id IN (s.id, d.id)) AS steps," \
  " " DAY ("r.noted_on") " AS noted_on, r.party, r.ground, r.notes, coalesce(r.version, 0) AS version"

static const char list_sql[] =
  "WITH " PROCEEDING_CASE ","
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM c),"
  " s AS (SELECT e.id, e.case_id, e.type, e.date, e.position, e.details FROM case_event e JOIN c ON e.case_id = c.id"
  "       WHERE e.voided_at IS NULL AND e.type IN " PROCEEDING_TYPES ")"
  "SELECT c.id AS case_id, c.may, v.* FROM c LEFT JOIN ("
  "  SELECT " PROCEEDING_COLUMNS ", s.date AS sort_date, s.position AS sort_position"
  "  FROM s" PROCEEDING_JOINS ("case_proceeding") ") v ON true"
  " ORDER BY v.sort_date, v.sort_position";

/* $5 the proceeding, $6 .. $9 the change, $10 the version it was read at.
 * A ground is a ceasing's only. */
static const char put_sql[] =
  "WITH " PROCEEDING_CASE ","
  " s AS (SELECT e.id, e.case_id, e.type, e.date, e.position, e.details FROM case_event e JOIN c ON e.case_id = c.id"
  "       WHERE e.id = $5::bigint AND e.voided_at IS NULL AND e.type IN " PROCEEDING_TYPES "),"
  " ok AS (SELECT EXISTS (SELECT 1 FROM s WHERE $8::text IS NULL OR s.type = 'cease_decided') AS ground_ok),"
  " upd AS (UPDATE case_proceeding r SET noted_on = $6::date, party = $7, ground = $8, notes = $9,"
  "           version = r.version + 1, updated_by = $2::bigint, updated_at = now()"
  "         FROM c, ok WHERE c.may AND ok.ground_ok AND $10::integer > 0"
  "           AND r.case_id = c.id AND r.start_event_id = $5::bigint AND r.version = $10::integer"
  "         RETURNING r.*),"
  " ins AS (INSERT INTO case_proceeding (case_id, start_event_id, noted_on, party, ground, notes, updated_by)"
  "         SELECT c.id, $5::bigint, $6::date, $7, $8, $9, $2::bigint"
  "         FROM c, ok WHERE c.may AND ok.ground_ok AND $10::integer = 0"
  "         ON CONFLICT (case_id, start_event_id) DO NOTHING RETURNING *),"
  " w AS (SELECT * FROM upd UNION ALL SELECT * FROM ins),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id)"
  "           SELECT $1, CASE WHEN c.may THEN 'success' ELSE 'denied' END, c.id::text FROM c"
  "           WHERE NOT c.may OR EXISTS (SELECT 1 FROM w))"
  "SELECT c.id AS case_id, c.may, EXISTS (SELECT 1 FROM s) AS found, EXISTS (SELECT 1 FROM w) AS written,"
  " (SELECT ground_ok FROM ok),"
  " (SELECT cur.version FROM case_proceeding cur WHERE cur.case_id = c.id AND cur.start_event_id = $5::bigint)"
  "   AS current, v.*"
  " FROM c LEFT JOIN (SELECT " PROCEEDING_COLUMNS " FROM s" PROCEEDING_JOINS ("w") ") v ON true";

/* The proceeding of row @row, or NULL when the row has none */
static ScProceeding *
proceeding_from_row (const PGresult  *pg,
                     int              row,
                     GError         **error)
{
  g_autoptr(ScProceeding) proceeding = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *steps = scd_pg_string (pg, row, scd_pg_column (pg, "steps"));

  if (scd_pg_string (pg, row, scd_pg_column (pg, "id")) == NULL)
    return NULL;
  proceeding = sc_proceeding_new ();
  proceeding->id = scd_pg_int (pg, row, scd_pg_column (pg, "id"));
  proceeding->case_id = scd_pg_int (pg, row, scd_pg_column (pg, "proceeding_case_id"));
  proceeding->kind = scd_pg_dup (pg, row, "kind");
  proceeding->started_on = scd_pg_day (pg, row, scd_pg_column (pg, "started_on"));
  proceeding->decision = scd_pg_dup (pg, row, "decision");
  proceeding->decided_on = scd_pg_day (pg, row, scd_pg_column (pg, "decided_on"));
  proceeding->last_review = scd_pg_day (pg, row, scd_pg_column (pg, "last_review"));
  proceeding->ended_on = scd_pg_day (pg, row, scd_pg_column (pg, "ended_on"));
  proceeding->ended_by = scd_pg_dup (pg, row, "ended_by");
  proceeding->noted_on = scd_pg_day (pg, row, scd_pg_column (pg, "noted_on"));
  proceeding->party = scd_pg_dup (pg, row, "party");
  proceeding->ground = scd_pg_dup (pg, row, "ground");
  proceeding->notes = scd_pg_dup (pg, row, "notes");
  proceeding->version = scd_pg_int (pg, row, scd_pg_column (pg, "version"));
  if (!json_parser_load_from_data (parser, steps != NULL ? steps : "[]", -1, error) ||
      !sc_proceeding_read_steps (json_parser_get_root (parser), proceeding->steps, error))
    return NULL;
  return g_steal_pointer (&proceeding);
}

typedef struct
{
  gint64 case_id;
  gint64 proceeding_id;
  gint64 current;
} Ask;

static GTask *
task_new (ScdProceedingStore  *self,
          gint64               case_id,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, source_tag);
  Ask *ask = g_new0 (Ask, 1);

  ask->case_id = case_id;
  g_task_set_task_data (task, ask, g_free);
  return task;
}

static gpointer
decode_list (PGresult  *pg,
             GTask     *task,
             GError   **error)
{
  return _scd_case_records_from_rows (pg, ((Ask *) g_task_get_task_data (task))->case_id,
                                      (ScdCaseRecordFromRow) proceeding_from_row, (GDestroyNotify) sc_proceeding_free, error);
}

static gpointer
decode_put (PGresult  *pg,
            GTask     *task,
            GError   **error)
{
  Ask *ask = g_task_get_task_data (task);

  if (PQntuples (pg) == 0)
    {
      g_propagate_error (error, _scd_case_no_case (ask->case_id));
      return NULL;
    }
  if (scd_pg_bool (pg, 0, scd_pg_column (pg, "may")) && scd_pg_bool (pg, 0, scd_pg_column (pg, "found")) &&
      !scd_pg_bool (pg, 0, scd_pg_column (pg, "ground_ok")))
    {
      sc_set_field_error (error, "ground", "is recorded only for a ceasing");
      return NULL;
    }
  if (!_scd_case_record_written (pg, "proceeding", ask->proceeding_id, &ask->current, error))
    return NULL;
  return proceeding_from_row (pg, 0, error);
}

ScdProceedingStore *
scd_proceeding_store_new (ScdDb *db)
{
  g_return_val_if_fail (SCD_IS_DB (db), NULL);
  return g_object_new (SCD_TYPE_PROCEEDING_STORE, "db", db, NULL);
}

void
scd_proceeding_store_list_async (ScdProceedingStore  *self,
                                 const ScdActor      *actor,
                                 gint64               case_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = task_new (self, case_id, cancellable, callback, user_data, scd_proceeding_store_list_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  scd_params_add_int (params, case_id);
  scd_store_run (SCD_STORE (self), list_sql, params, decode_list, (GDestroyNotify) g_ptr_array_unref, task);
}

GPtrArray *
scd_proceeding_store_list_finish (ScdProceedingStore  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_proceeding_store_put_async (ScdProceedingStore       *self,
                                const ScdActor           *actor,
                                gint64                    case_id,
                                gint64                    proceeding_id,
                                const ScProceedingChange *change,
                                gint64                    if_match,
                                GCancellable             *cancellable,
                                GAsyncReadyCallback       callback,
                                gpointer                  user_data)
{
  GTask *task = task_new (self, case_id, cancellable, callback, user_data, scd_proceeding_store_put_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);
  char noted[SC_DAY_STRING_SIZE];

  ((Ask *) g_task_get_task_data (task))->proceeding_id = proceeding_id;
  scd_params_add_int (params, case_id);
  scd_params_add_int (params, proceeding_id);
  scd_params_add (params, change->noted_on != SC_DAY_NONE ? sc_day_format (change->noted_on, noted) : NULL);
  scd_params_add (params, change->party);
  scd_params_add (params, change->ground);
  scd_params_add (params, change->notes);
  scd_params_add_int (params, if_match);
  scd_store_run (SCD_STORE (self), put_sql, params, decode_put, (GDestroyNotify) sc_proceeding_free, task);
}

ScProceeding *
scd_proceeding_store_put_finish (ScdProceedingStore  *self,
                                 GAsyncResult        *result,
                                 gint64              *current,
                                 GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  if (current != NULL)
    *current = ((Ask *) g_task_get_task_data (G_TASK (result)))->current;
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
scd_proceeding_store_class_init (ScdProceedingStoreClass *klass)
{
}

static void
scd_proceeding_store_init (ScdProceedingStore *self)
{
}
