/* scd-consultation-store.c
 *
 * The consultations of cases, each read and write one statement with its
 * audit row. A consultation is its clock milestone consultation_response
 * and the live consultation_sent event that started it (its key the URN):
 * answered when the milestone is completed, withdrawn when it was
 * cancelled (by consultation_withdrawn, or by the plan ceasing), overdue
 * when its due day has passed. What the clock does not hold comes from
 * case_consultation, written at its version as a review's is
 * (scd-review-store.c), and consultation_reminder, one row a day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-consultation-store"

#include "config.h"

#include "sc-problem.h"
#include "scd-case-store-private.h"
#include "scd-consultation-store.h"

struct _ScdConsultationStore
{
  ScdStore parent_instance;
};

G_DEFINE_FINAL_TYPE (ScdConsultationStore, scd_consultation_store, SCD_TYPE_STORE)

#define DAY(column) "to_char(" column ", 'YYYY-MM-DD')"

/* The status of the consultation of milestone m on @today */
#define CONSULTATION_STATUS(today) \
  "CASE WHEN m.completed_on IS NOT NULL THEN 'answered' WHEN m.status = 'cancelled' THEN 'withdrawn'" \
  " WHEN m.due < " today " THEN 'overdue' ELSE 'awaiting' END"

/* A consultation's milestone m with its event e, its case's child p and
 * owner o, its institution i and what @extras (case_consultation, or the
 * row just written) holds for it, r */
#define CONSULTATION_JOINS(extras) \
  " JOIN case_event e ON e.id = m.start_event_id AND e.voided_at IS NULL" \
  " JOIN ehc_case cc ON cc.id = m.case_id JOIN person p ON p.id = cc.person_id" \
  " JOIN app_user o ON o.id = cc.owner_id" \
  " LEFT JOIN institution i ON i.urn = CASE WHEN e.key ~ '^[0-9]{1,9}$' THEN e.key::integer END" \
  " LEFT JOIN " extras " r ON r.case_id = m.case_id AND r.start_event_id = m.start_event_id"

#define CONSULTATION_COLUMNS(today) \
  "e.id, m.case_id AS consultation_case_id, p.id AS person_id, p.given_name, p.family_name," \
  " o.id AS owner_id, o.username AS owner_username, o.full_name AS owner_full_name," \
  " e.key AS urn, i.name AS institution_name, i.phase AS institution_phase, i.status AS institution_status," \
  " i.la_name AS institution_la, (e.details->>'preference_rank')::integer AS preference_rank," \
  " (e.details->>'plan_version')::integer AS plan_version, " DAY ("e.date") " AS sent_on," \
  " " DAY ("m.due") " AS due, " CONSULTATION_STATUS (today) " AS status," \
  " " DAY ("m.completed_on") " AS responded_on," \
  " CASE WHEN m.status = 'cancelled' THEN (SELECT " DAY ("min(w.date)") " FROM case_event w" \
  "   WHERE w.case_id = m.case_id AND w.type = 'consultation_withdrawn' AND w.key = e.key" \
  "     AND w.voided_at IS NULL AND (w.date, w.position) >= (e.date, e.position)) END AS withdrawn_on," \
  " (SELECT coalesce(json_agg(" DAY ("x.sent_on") " ORDER BY x.sent_on), '[]')::text" \
  "    FROM consultation_reminder x WHERE x.start_event_id = e.id) AS reminders," \
  " r.outcome, r.reasons, r.band_asked, r.amount_asked, coalesce(r.offers, '[]')::text AS offers," \
  " r.band_agreed, r.amount_agreed, " DAY ("r.agreed_on") " AS agreed_on, r.notes," \
  " coalesce(r.version, 0) AS version"

/* $1 the actor, $2 and $3 the actor's id and role, $4 the case */
#define CONSULTATION_CASE SCD_CASE_OF_ACTOR ("")

/* $5 today */
static const char list_sql[] =
  "WITH " CONSULTATION_CASE ","
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM c)"
  "SELECT c.id AS case_id, c.may, v.* FROM c LEFT JOIN ("
  "  SELECT " CONSULTATION_COLUMNS ("$5::date") ", e.date AS sort_date, e.position AS sort_position"
  "  FROM case_milestone m" CONSULTATION_JOINS ("case_consultation")
  "  WHERE m.case_id = $4::bigint AND m.milestone = 'consultation_response') v ON true"
  " ORDER BY v.sort_date, v.sort_position";

/* $5 the consultation, $6 .. $14 the change, $15 the version it was read
 * at, $16 today. What it said is recorded once it has answered; a band is
 * one of the authority's table. */
static const char put_sql[] =
  "WITH " CONSULTATION_CASE ","
  " m AS (SELECT m.* FROM case_milestone m JOIN c ON m.case_id = c.id"
  "       WHERE m.milestone = 'consultation_response' AND m.start_event_id = $5::bigint),"
  " bad AS (SELECT f.field, f.code FROM (VALUES ('band_asked', $8::text), ('band_agreed', $11::text)) f (field, code)"
  "         WHERE f.code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM funding_band b WHERE b.code = f.code)"
  "         UNION ALL"
  "         SELECT 'offers[' || (o.i - 1) || '].band', o.v->>'band'"
  "         FROM jsonb_array_elements($10::jsonb) WITH ORDINALITY o (v, i)"
  "         WHERE o.v->>'band' IS NOT NULL AND NOT EXISTS (SELECT 1 FROM funding_band b WHERE b.code = o.v->>'band')"
  "         LIMIT 1),"
  " ok AS (SELECT EXISTS (SELECT 1 FROM m WHERE $6::text IS NULL OR m.completed_on IS NOT NULL) AS outcome_ok,"
  "               NOT EXISTS (SELECT 1 FROM bad) AS bands_ok),"
  " upd AS (UPDATE case_consultation r SET outcome = $6, reasons = $7, band_asked = $8, amount_asked = $9::bigint,"
  "           offers = $10::jsonb, band_agreed = $11, amount_agreed = $12::bigint, agreed_on = $13::date,"
  "           notes = $14, version = r.version + 1, updated_by = $2::bigint, updated_at = now()"
  "         FROM c, ok WHERE c.may AND ok.outcome_ok AND ok.bands_ok AND $15::integer > 0"
  "           AND r.case_id = c.id AND r.start_event_id = $5::bigint AND r.version = $15::integer"
  "         RETURNING r.*),"
  " ins AS (INSERT INTO case_consultation (case_id, start_event_id, outcome, reasons, band_asked, amount_asked,"
  "                                       offers, band_agreed, amount_agreed, agreed_on, notes, updated_by)"
  "         SELECT c.id, $5::bigint, $6, $7, $8, $9::bigint, $10::jsonb, $11, $12::bigint, $13::date, $14,"
  "                $2::bigint"
  "         FROM c, ok WHERE c.may AND ok.outcome_ok AND ok.bands_ok AND $15::integer = 0"
  "         ON CONFLICT (case_id, start_event_id) DO NOTHING RETURNING *),"
  " w AS (SELECT * FROM upd UNION ALL SELECT * FROM ins),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id)"
  "           SELECT $1, CASE WHEN c.may THEN 'success' ELSE 'denied' END, c.id::text FROM c"
  "           WHERE NOT c.may OR EXISTS (SELECT 1 FROM w))"
  "SELECT c.id AS case_id, c.may, EXISTS (SELECT 1 FROM m) AS found, EXISTS (SELECT 1 FROM w) AS written,"
  " (SELECT outcome_ok FROM ok), (SELECT bands_ok FROM ok), (SELECT field FROM bad) AS bad_band_field,"
  " (SELECT code FROM bad) AS bad_band,"
  " (SELECT cur.version FROM case_consultation cur WHERE cur.case_id = c.id AND cur.start_event_id = $5::bigint)"
  "   AS current, v.*"
  " FROM c LEFT JOIN (SELECT " CONSULTATION_COLUMNS ("$16::date")
  "                   FROM m" CONSULTATION_JOINS ("w") ") v ON true";

/* $2 and $3 the actor's id and role (restricted cases), $4 the owner (NULL:
 * anyone's), $5 the status (NULL: any; open: awaiting or overdue), $6 the URN (NULL: any), $7 today,
 * $8 $9 the cursor (due, id), $10 the limit */
static const char team_sql[] =
  "WITH s AS ("
  "  SELECT m.case_id, m.start_event_id, m.due FROM case_milestone m JOIN ehc_case c ON c.id = m.case_id"
  "  WHERE m.milestone = 'consultation_response'"
  "    AND ($4::bigint IS NULL OR c.owner_id = $4::bigint) AND " SCD_CASE_VISIBLE ("c", "$2", "$3")
  "    AND ($5::text IS NULL OR $5::text = " CONSULTATION_STATUS ("$7::date")
  "         OR ($5::text = 'open' AND m.completed_on IS NULL AND m.status <> 'cancelled'))"
  "    AND ($6::text IS NULL OR m.key = $6::text)"
  "    AND ($8::date IS NULL OR (m.due, m.start_event_id) > ($8::date, $9::bigint))"
  "  ORDER BY m.due, m.start_event_id LIMIT $10::integer + 1),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_ids)"
  "  SELECT $1, 'success', array(SELECT DISTINCT case_id::text FROM"
  "    (SELECT case_id FROM s ORDER BY due, start_event_id LIMIT $10::integer) shown))"
  "SELECT " CONSULTATION_COLUMNS ("$7::date") ", " DAY ("m.due") " || '.' || e.id AS cursor"
  " FROM s JOIN case_milestone m ON m.case_id = s.case_id AND m.start_event_id = s.start_event_id"
  "   AND m.milestone = 'consultation_response'" CONSULTATION_JOINS ("case_consultation")
  " ORDER BY m.due, e.id";

/* $2 and $3 the actor, $4 the consultations, $5 the day sent. A
 * consultation the actor may not see is not_found; one of a case they may
 * not write, forbidden (a denied audit row). */
static const char chase_sql[] =
  "WITH want AS (SELECT DISTINCT unnest($4::bigint[]) AS id),"
  " s AS (SELECT e.id, e.case_id, e.date, m.completed_on, m.status,"
  "         ($3 = 'team_manager' OR c.owner_id = $2::bigint OR EXISTS ("
  "           SELECT 1 FROM case_assignee a WHERE a.case_id = c.id AND a.user_id = $2::bigint)) AS may"
  "       FROM want JOIN case_event e ON e.id = want.id AND e.type = 'consultation_sent' AND e.voided_at IS NULL"
  "       JOIN ehc_case c ON c.id = e.case_id"
  "       JOIN case_milestone m ON m.case_id = e.case_id AND m.start_event_id = e.id"
  "         AND m.milestone = 'consultation_response'"
  "       WHERE " SCD_CASE_VISIBLE ("c", "$2", "$3") "),"
  " v AS (SELECT want.id, CASE WHEN s.id IS NULL THEN 'not_found' WHEN NOT s.may THEN 'forbidden'"
  "         WHEN s.completed_on IS NOT NULL THEN 'answered' WHEN s.status = 'cancelled' THEN 'withdrawn'"
  "         WHEN $5::date < s.date THEN 'before_sent' END AS reason, s.case_id"
  "       FROM want LEFT JOIN s ON s.id = want.id),"
  " ins AS (INSERT INTO consultation_reminder (case_id, start_event_id, sent_on, recorded_by)"
  "         SELECT case_id, id, $5::date, $2::bigint FROM v WHERE reason IS NULL"
  "         ON CONFLICT (start_event_id, sent_on) DO NOTHING),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_ids)"
  "           SELECT $1, 'success', array(SELECT DISTINCT case_id::text FROM v WHERE reason IS NULL ORDER BY 1)"
  "           WHERE EXISTS (SELECT 1 FROM v WHERE reason IS NULL)),"
  " denied AS (INSERT INTO audit_entry (actor, outcome, resource_ids)"
  "           SELECT $1, 'denied', array(SELECT DISTINCT case_id::text FROM v WHERE reason = 'forbidden' ORDER BY 1)"
  "           WHERE EXISTS (SELECT 1 FROM v WHERE reason = 'forbidden'))"
  "SELECT id, reason FROM v ORDER BY id";

/* $2 and $3 the actor, $4 since (NULL: all), $5 today, $6 the cursor
 * (URN), $7 the limit. Figures, not a child's record: audited without
 * the cases. */
static const char institutions_sql[] =
  "WITH k AS ("
  "  SELECT CASE WHEN e.key ~ '^[0-9]{1,9}$' THEN e.key::integer END AS urn, m.completed_on, m.status, m.due, r.outcome, r.agreed_on, r.amount_asked,"
  "         r.amount_agreed"
  "  FROM case_milestone m JOIN ehc_case c ON c.id = m.case_id"
  "  JOIN case_event e ON e.id = m.start_event_id AND e.voided_at IS NULL"
  "  LEFT JOIN case_consultation r ON r.case_id = m.case_id AND r.start_event_id = m.start_event_id"
  "  WHERE m.milestone = 'consultation_response' AND e.key ~ '^[0-9]{1,9}$'"
  "    AND ($4::date IS NULL OR e.date >= $4::date) AND " SCD_CASE_VISIBLE ("c", "$2", "$3") "),"
  " g AS (SELECT urn, count(*) AS consultations, count(*) FILTER (WHERE completed_on IS NOT NULL) AS answered,"
  "         count(*) FILTER (WHERE completed_on IS NULL AND status <> 'cancelled' AND due < $5::date) AS overdue,"
  "         count(*) FILTER (WHERE outcome = 'cannot_meet_needs') AS refusals,"
  "         count(*) FILTER (WHERE outcome = 'cannot_meet_needs' AND agreed_on IS NOT NULL) AS reversed,"
  "         count(*) FILTER (WHERE agreed_on IS NOT NULL) AS agreed,"
  "         coalesce(sum(amount_asked) FILTER (WHERE agreed_on IS NOT NULL), 0) AS asked_total,"
  "         coalesce(sum(amount_agreed) FILTER (WHERE agreed_on IS NOT NULL), 0) AS agreed_total"
  "       FROM k WHERE urn IS NOT NULL AND urn > $6::integer GROUP BY urn ORDER BY urn LIMIT $7::integer + 1),"
  " audit AS (INSERT INTO audit_entry (actor, outcome) VALUES ($1, 'success'))"
  "SELECT g.*, i.name, i.status AS institution_status, g.urn::text AS cursor"
  " FROM g LEFT JOIN institution i ON i.urn = g.urn ORDER BY g.urn";

static gboolean
read_json (const char  *text,
           JsonParser  *parser,
           GError     **error)
{
  return json_parser_load_from_data (parser, text != NULL ? text : "[]", -1, error);
}

static gint64
amount_column (const PGresult *pg,
               int             row,
               const char     *column)
{
  int c = scd_pg_column (pg, column);

  return scd_pg_string (pg, row, c) != NULL ? scd_pg_int (pg, row, c) : SC_AMOUNT_NONE;
}

/* The consultation of row @row, or NULL when the row has none */
static ScConsultation *
consultation_from_row (const PGresult  *pg,
                       int              row,
                       GError         **error)
{
  g_autoptr(ScConsultation) consultation = NULL;
  g_autoptr(JsonParser) reminders = json_parser_new ();
  g_autoptr(JsonParser) offers = json_parser_new ();
  JsonArray *days;

  if (scd_pg_string (pg, row, scd_pg_column (pg, "id")) == NULL)
    return NULL;
  consultation = sc_consultation_new ();
  consultation->id = scd_pg_int (pg, row, scd_pg_column (pg, "id"));
  consultation->case_id = scd_pg_int (pg, row, scd_pg_column (pg, "consultation_case_id"));
  consultation->person_id = scd_pg_int (pg, row, scd_pg_column (pg, "person_id"));
  consultation->given_name = scd_pg_dup (pg, row, "given_name");
  consultation->family_name = scd_pg_dup (pg, row, "family_name");
  consultation->owner = sc_case_user_new (scd_pg_int (pg, row, scd_pg_column (pg, "owner_id")),
                                          scd_pg_string (pg, row, scd_pg_column (pg, "owner_username")),
                                          scd_pg_string (pg, row, scd_pg_column (pg, "owner_full_name")));
  consultation->urn = g_ascii_strtoll (scd_pg_string (pg, row, scd_pg_column (pg, "urn")), NULL, 10);
  consultation->institution_name = scd_pg_dup (pg, row, "institution_name");
  consultation->institution_phase = scd_pg_dup (pg, row, "institution_phase");
  consultation->institution_status = scd_pg_dup (pg, row, "institution_status");
  consultation->institution_la = scd_pg_dup (pg, row, "institution_la");
  consultation->preference_rank = (int) scd_pg_int (pg, row, scd_pg_column (pg, "preference_rank"));
  consultation->plan_version = (int) scd_pg_int (pg, row, scd_pg_column (pg, "plan_version"));
  consultation->sent_on = scd_pg_day (pg, row, scd_pg_column (pg, "sent_on"));
  consultation->due = scd_pg_day (pg, row, scd_pg_column (pg, "due"));
  consultation->status = scd_pg_dup (pg, row, "status");
  consultation->responded_on = scd_pg_day (pg, row, scd_pg_column (pg, "responded_on"));
  consultation->withdrawn_on = scd_pg_day (pg, row, scd_pg_column (pg, "withdrawn_on"));
  consultation->outcome = scd_pg_dup (pg, row, "outcome");
  consultation->reasons = scd_pg_dup (pg, row, "reasons");
  consultation->band_asked = scd_pg_dup (pg, row, "band_asked");
  consultation->amount_asked = amount_column (pg, row, "amount_asked");
  consultation->band_agreed = scd_pg_dup (pg, row, "band_agreed");
  consultation->amount_agreed = amount_column (pg, row, "amount_agreed");
  consultation->agreed_on = scd_pg_day (pg, row, scd_pg_column (pg, "agreed_on"));
  consultation->notes = scd_pg_dup (pg, row, "notes");
  consultation->version = scd_pg_int (pg, row, scd_pg_column (pg, "version"));
  if (!read_json (scd_pg_string (pg, row, scd_pg_column (pg, "reminders")), reminders, error) ||
      !read_json (scd_pg_string (pg, row, scd_pg_column (pg, "offers")), offers, error) ||
      !sc_consultation_read_offers (json_parser_get_root (offers), consultation->offers, error))
    return NULL;
  days = json_node_get_array (json_parser_get_root (reminders));
  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      ScDay day;

      if (sc_day_parse (json_array_get_string_element (days, i), &day))
        g_array_append_val (consultation->reminders, day);
    }
  return g_steal_pointer (&consultation);
}

typedef struct
{
  gint64 case_id;
  gint64 consultation_id;
  gint64 current;
  guint  limit;
} Ask;

static GTask *
task_new (ScdConsultationStore *self,
          gint64                case_id,
          GCancellable         *cancellable,
          GAsyncReadyCallback   callback,
          gpointer              user_data,
          gpointer              source_tag)
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
                                      (ScdCaseRecordFromRow) consultation_from_row, (GDestroyNotify) sc_consultation_free, error);
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
      !scd_pg_bool (pg, 0, scd_pg_column (pg, "outcome_ok")))
    {
      sc_set_field_error (error, "outcome",
                          "is recorded once the answer is: record its date (consultation_response) first");
      return NULL;
    }
  if (scd_pg_bool (pg, 0, scd_pg_column (pg, "may")) && scd_pg_bool (pg, 0, scd_pg_column (pg, "found")) &&
      !scd_pg_bool (pg, 0, scd_pg_column (pg, "bands_ok")))
    {
      sc_set_field_error (error, scd_pg_string (pg, 0, scd_pg_column (pg, "bad_band_field")),
                          "there is no band \"%s\" in the authority's table of funding bands",
                          scd_pg_string (pg, 0, scd_pg_column (pg, "bad_band")));
      return NULL;
    }
  if (!_scd_case_record_written (pg, "consultation", ask->consultation_id, &ask->current, error))
    return NULL;
  return consultation_from_row (pg, 0, error);
}

static gpointer
decode_team (PGresult  *pg,
             GTask     *task,
             GError   **error)
{
  Ask *ask = g_task_get_task_data (task);
  ScdPage *page;
  guint n;

  page = scd_page_new (pg, ask->limit, scd_pg_column (pg, "cursor"), &n);
  g_ptr_array_set_free_func (page->items, (GDestroyNotify) sc_consultation_free);
  for (guint i = 0; i < n; i++)
    {
      ScConsultation *consultation = consultation_from_row (pg, (int) i, error);

      if (consultation == NULL)
        {
          scd_page_free (page);
          return NULL;
        }
      g_ptr_array_add (page->items, consultation);
    }
  return page;
}

static gpointer
decode_chase (PGresult  *pg,
              GTask     *task,
              GError   **error)
{
  ScConsultationChase *chase = sc_consultation_chase_new ();

  for (int i = 0; i < PQntuples (pg); i++)
    {
      gint64 id = scd_pg_int (pg, i, scd_pg_column (pg, "id"));
      const char *reason = scd_pg_string (pg, i, scd_pg_column (pg, "reason"));

      if (reason == NULL)
        g_array_append_val (chase->chased, id);
      else
        {
          g_array_append_val (chase->skipped, id);
          g_ptr_array_add (chase->reasons, g_strdup (reason));
        }
    }
  return chase;
}

static gpointer
decode_institutions (PGresult  *pg,
                     GTask     *task,
                     GError   **error)
{
  Ask *ask = g_task_get_task_data (task);
  ScdPage *page;
  guint n;

  page = scd_page_new (pg, ask->limit, scd_pg_column (pg, "cursor"), &n);
  g_ptr_array_set_free_func (page->items, (GDestroyNotify) sc_consultation_stats_free);
  for (guint i = 0; i < n; i++)
    {
      ScConsultationStats *stats = sc_consultation_stats_new ();
      int row = (int) i;

      stats->urn = scd_pg_int (pg, row, scd_pg_column (pg, "urn"));
      stats->name = scd_pg_dup (pg, row, "name");
      stats->status = scd_pg_dup (pg, row, "institution_status");
      stats->consultations = scd_pg_int (pg, row, scd_pg_column (pg, "consultations"));
      stats->answered = scd_pg_int (pg, row, scd_pg_column (pg, "answered"));
      stats->overdue = scd_pg_int (pg, row, scd_pg_column (pg, "overdue"));
      stats->refusals = scd_pg_int (pg, row, scd_pg_column (pg, "refusals"));
      stats->reversed = scd_pg_int (pg, row, scd_pg_column (pg, "reversed"));
      stats->agreed = scd_pg_int (pg, row, scd_pg_column (pg, "agreed"));
      stats->asked_total = scd_pg_int (pg, row, scd_pg_column (pg, "asked_total"));
      stats->agreed_total = scd_pg_int (pg, row, scd_pg_column (pg, "agreed_total"));
      g_ptr_array_add (page->items, stats);
    }
  return page;
}

ScdConsultationStore *
scd_consultation_store_new (ScdDb *db)
{
  g_return_val_if_fail (SCD_IS_DB (db), NULL);
  return g_object_new (SCD_TYPE_CONSULTATION_STORE, "db", db, NULL);
}

static void
add_amount (ScdParams *params,
            gint64     amount)
{
  if (amount == SC_AMOUNT_NONE)
    scd_params_add (params, NULL);
  else
    scd_params_add_int (params, amount);
}

void
scd_consultation_store_list_async (ScdConsultationStore *self,
                                   const ScdActor       *actor,
                                   gint64                case_id,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  GTask *task = task_new (self, case_id, cancellable, callback, user_data, scd_consultation_store_list_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  scd_params_add_int (params, case_id);
  scd_params_add_day (params, _scd_case_today ());
  scd_store_run (SCD_STORE (self), list_sql, params, decode_list, (GDestroyNotify) g_ptr_array_unref, task);
}

GPtrArray *
scd_consultation_store_list_finish (ScdConsultationStore  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_consultation_store_put_async (ScdConsultationStore       *self,
                                  const ScdActor             *actor,
                                  gint64                      case_id,
                                  gint64                      consultation_id,
                                  const ScConsultationChange *change,
                                  gint64                      if_match,
                                  GCancellable               *cancellable,
                                  GAsyncReadyCallback         callback,
                                  gpointer                    user_data)
{
  GTask *task = task_new (self, case_id, cancellable, callback, user_data, scd_consultation_store_put_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);
  GString *offers = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, offers);
  sc_consultation_write_offers (change->offers, &writer);
  ((Ask *) g_task_get_task_data (task))->consultation_id = consultation_id;
  scd_params_add_int (params, case_id);
  scd_params_add_int (params, consultation_id);
  scd_params_add (params, change->outcome);
  scd_params_add (params, change->reasons);
  scd_params_add (params, change->band_asked);
  add_amount (params, change->amount_asked);
  scd_params_add (params, offers->str);
  scd_params_add (params, change->band_agreed);
  add_amount (params, change->amount_agreed);
  scd_params_add_day (params, change->agreed_on);
  scd_params_add (params, change->notes);
  scd_params_add_int (params, if_match);
  scd_params_add_day (params, _scd_case_today ());
  g_string_free (offers, TRUE);
  scd_store_run (SCD_STORE (self), put_sql, params, decode_put, (GDestroyNotify) sc_consultation_free, task);
}

ScConsultation *
scd_consultation_store_put_finish (ScdConsultationStore  *self,
                                   GAsyncResult          *result,
                                   gint64                *current,
                                   GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  if (current != NULL)
    *current = ((Ask *) g_task_get_task_data (G_TASK (result)))->current;
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_consultation_store_team_async (ScdConsultationStore       *self,
                                   const ScdActor             *actor,
                                   const ScdConsultationQuery *query,
                                   GCancellable               *cancellable,
                                   GAsyncReadyCallback         callback,
                                   gpointer                    user_data)
{
  GTask *task;
  g_autoptr(ScdParams) params = NULL;
  g_autofree char *urn = query->urn > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, query->urn) : NULL;

  g_return_if_fail (query->limit > 0);

  task = task_new (self, 0, cancellable, callback, user_data, scd_consultation_store_team_async);
  params = _scd_case_params_new (actor);

  ((Ask *) g_task_get_task_data (task))->limit = query->limit;
  scd_params_add_id (params, query->owner_id);
  scd_params_add (params, query->status);
  scd_params_add (params, urn);
  scd_params_add_day (params, _scd_case_today ());
  scd_params_add_day (params, query->after_due);
  scd_params_add_int (params, query->after_id);
  scd_params_add_int (params, query->limit);
  scd_store_run (SCD_STORE (self), team_sql, params, decode_team, scd_page_free, task);
}

GPtrArray *
scd_consultation_store_team_finish (ScdConsultationStore  *self,
                                    GAsyncResult          *result,
                                    char                 **next_cursor,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return scd_page_finish (result, next_cursor, error);
}

void
scd_consultation_store_chase_async (ScdConsultationStore *self,
                                    const ScdActor       *actor,
                                    GArray               *ids,
                                    ScDay                 sent_on,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  GTask *task = task_new (self, 0, cancellable, callback, user_data, scd_consultation_store_chase_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);
  GString *array;

  if (sent_on > _scd_case_today ())
    {
      GError *error = NULL;

      sc_set_field_error (&error, "sent_on", "is in the future: a reminder is recorded once it is sent");
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  array = g_string_new ("{");
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (array, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (array, '}');
  scd_params_add (params, array->str);
  scd_params_add_day (params, sent_on);
  g_string_free (array, TRUE);
  scd_store_run (SCD_STORE (self), chase_sql, params, decode_chase, (GDestroyNotify) sc_consultation_chase_free,
                 task);
}

ScConsultationChase *
scd_consultation_store_chase_finish (ScdConsultationStore  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_consultation_store_institutions_async (ScdConsultationStore *self,
                                           const ScdActor       *actor,
                                           ScDay                 since,
                                           gint64                after_urn,
                                           guint                 limit,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data)
{
  GTask *task = task_new (self, 0, cancellable, callback, user_data, scd_consultation_store_institutions_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  ((Ask *) g_task_get_task_data (task))->limit = limit;
  scd_params_add_day (params, since);
  scd_params_add_day (params, _scd_case_today ());
  scd_params_add_int (params, after_urn);
  scd_params_add_int (params, limit);
  scd_store_run (SCD_STORE (self), institutions_sql, params, decode_institutions, scd_page_free, task);
}

GPtrArray *
scd_consultation_store_institutions_finish (ScdConsultationStore  *self,
                                            GAsyncResult          *result,
                                            char                 **next_cursor,
                                            GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return scd_page_finish (result, next_cursor, error);
}

static void
scd_consultation_store_class_init (ScdConsultationStoreClass *klass)
{
}

static void
scd_consultation_store_init (ScdConsultationStore *self)
{
}
