/* scd-review-store.c
 *
 * The annual reviews, each read and write one statement with its audit
 * row. A review is the clock's: an annual_review milestone of the case,
 * started by its final plan, the decision of the review before, or a
 * transfer in. The meeting that completed it is the first live
 * review_meeting after that event (in the clock's order: by date, then as
 * recorded) on the day it was completed; its report and decision are the
 * milestones that meeting started, and the decision's outcome is the live
 * review_decision after the meeting on the day the decision was completed. What the clock does not hold comes from case_review. A
 * change is written as the plan's sections are (scd-plan-store.c): an
 * UPDATE at the version the writer read, or an INSERT that does nothing if
 * someone wrote first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-review-store"

#include "config.h"

#include "sc-problem.h"
#include "scd-case-store-private.h"
#include "scd-review-store.h"

struct _ScdReviewStore
{
  ScdStore parent_instance;
};

G_DEFINE_FINAL_TYPE (ScdReviewStore, scd_review_store, SCD_TYPE_STORE)

/* $1 the actor, $2 and $3 the actor's id and role, $4 the case */
#define REVIEW_CASE SCD_CASE_OF_ACTOR (", c.person_id, c.owner_id")

#define DAY(column) "to_char(" column ", 'YYYY-MM-DD')"

/* The review ar (an annual_review milestone with its case's person_id and
 * owner_id) with its person p, owner o, meeting me, report rr, decision
 * rd, outcome de and what @extras (case_review, or the row just written)
 * holds for it, r */
#define REVIEW_JOINS(extras) \
  " JOIN person p ON p.id = ar.person_id JOIN app_user o ON o.id = ar.owner_id" \
  " LEFT JOIN LATERAL (SELECT e.id, e.date, e.position FROM case_event e" \
  "   WHERE e.case_id = ar.case_id AND e.type = 'review_meeting' AND e.voided_at IS NULL" \
  "     AND e.date = ar.completed_on" \
  "     AND (e.date, e.position) > (SELECT s.date, s.position FROM case_event s WHERE s.id = ar.start_event_id)" \
  "   ORDER BY e.position LIMIT 1) me ON true" \
  " LEFT JOIN case_milestone rr ON rr.case_id = ar.case_id AND rr.start_event_id = me.id" \
  "   AND rr.milestone = 'review_report'" \
  " LEFT JOIN case_milestone rd ON rd.case_id = ar.case_id AND rd.start_event_id = me.id" \
  "   AND rd.milestone = 'review_decision'" \
  " LEFT JOIN LATERAL (SELECT e.details->>'outcome' AS outcome FROM case_event e" \
  "   WHERE e.case_id = ar.case_id AND e.type = 'review_decision' AND e.voided_at IS NULL" \
  "     AND e.date = rd.completed_on AND (e.date, e.position) > (me.date, me.position)" \
  "   ORDER BY e.position LIMIT 1) de ON true" \
  " LEFT JOIN " extras " r ON r.case_id = ar.case_id AND r.start_event_id = ar.start_event_id"

#define REVIEW_COLUMNS \
  "ar.start_event_id AS id, ar.case_id AS review_case_id," \
  " (SELECT count(*) FROM case_milestone n WHERE n.case_id = ar.case_id AND n.milestone = 'annual_review'" \
  "    AND (n.start_date, n.position) <= (ar.start_date, ar.position)) AS number," \
  " p.id AS person_id, p.given_name, p.family_name," \
  " o.id AS owner_id, o.username AS owner_username, o.full_name AS owner_full_name," \
  " " DAY ("ar.start_date") " AS started_on, " DAY ("ar.due") " AS due, ar.status," \
  " " DAY ("r.invitations_sent") " AS invitations_sent, " DAY ("r.meeting_planned") " AS meeting_planned," \
  " " DAY ("ar.completed_on") " AS meeting_on, array_to_json(coalesce(r.attendees, '{}'))::text AS attendees," \
  " " DAY ("rr.due") " AS report_due, " DAY ("rr.completed_on") " AS report_received_on," \
  " " DAY ("rd.due") " AS decision_due, " DAY ("rd.completed_on") " AS decided_on," \
  " de.outcome, r.reasons, coalesce(r.version, 0) AS version"

static const char list_sql[] =
  "WITH " REVIEW_CASE ","
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM c),"
  " ar AS (SELECT m.*, c.person_id, c.owner_id FROM case_milestone m JOIN c ON m.case_id = c.id"
  "        WHERE m.milestone = 'annual_review')"
  "SELECT c.id AS case_id, c.may, v.* FROM c LEFT JOIN ("
  "  SELECT " REVIEW_COLUMNS ", ar.start_date AS sort_date, ar.position AS sort_position"
  "  FROM ar" REVIEW_JOINS ("case_review") ") v ON true"
  " ORDER BY v.sort_date, v.sort_position";

/* $5 the review, $6 .. $9 the change (the attendees as a JSON list), $10
 * the version it was read at */
static const char put_sql[] =
  "WITH " REVIEW_CASE ","
  " ar AS (SELECT m.*, c.person_id, c.owner_id FROM case_milestone m JOIN c ON m.case_id = c.id"
  "        WHERE m.milestone = 'annual_review' AND m.start_event_id = $5::bigint),"
  " upd AS (UPDATE case_review r SET invitations_sent = $6::date, meeting_planned = $7::date,"
  "           attendees = ARRAY(SELECT json_array_elements_text($8::json)), reasons = $9,"
  "           version = r.version + 1, updated_by = $2::bigint, updated_at = now()"
  "         FROM c WHERE c.may AND $10::integer > 0 AND EXISTS (SELECT 1 FROM ar)"
  "           AND r.case_id = c.id AND r.start_event_id = $5::bigint AND r.version = $10::integer"
  "         RETURNING r.*),"
  " ins AS (INSERT INTO case_review (case_id, start_event_id, invitations_sent, meeting_planned, attendees,"
  "                                 reasons, updated_by)"
  "         SELECT c.id, $5::bigint, $6::date, $7::date, ARRAY(SELECT json_array_elements_text($8::json)), $9,"
  "                $2::bigint"
  "         FROM c WHERE c.may AND $10::integer = 0 AND EXISTS (SELECT 1 FROM ar)"
  "         ON CONFLICT (case_id, start_event_id) DO NOTHING RETURNING *),"
  " w AS (SELECT * FROM upd UNION ALL SELECT * FROM ins),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id)"
  "           SELECT $1, CASE WHEN c.may THEN 'success' ELSE 'denied' END, c.id::text FROM c"
  "           WHERE NOT c.may OR EXISTS (SELECT 1 FROM w))"
  "SELECT c.id AS case_id, c.may, EXISTS (SELECT 1 FROM ar) AS found, EXISTS (SELECT 1 FROM w) AS written,"
  " (SELECT cur.version FROM case_review cur WHERE cur.case_id = c.id AND cur.start_event_id = $5::bigint)"
  "   AS current, v.*"
  " FROM c LEFT JOIN (SELECT " REVIEW_COLUMNS " FROM ar" REVIEW_JOINS ("w") ") v ON true";

/* $2 and $3 the actor's id and role (restricted cases), $4 the owner (NULL:
 * everyone's), $5 only overdue, $6 today, $7 $8 $9 the cursor (due, case,
 * position), $10 the limit. A case that has ended reviews nothing. */
static const char due_sql[] =
  "WITH ar AS ("
  "  SELECT m.*, c.person_id, c.owner_id"
  "  FROM case_milestone m JOIN ehc_case c ON c.id = m.case_id"
  "  WHERE m.milestone = 'annual_review' AND m.completed_on IS NULL AND m.status IN ('pending', 'overdue')"
  "    AND m.due <= $6::date + " G_STRINGIFY (SC_REVIEW_DUE_SOON_DAYS)
  "    AND c.stage NOT IN ('closed', 'ceased', 'transferred_out')"
  "    AND ($4::bigint IS NULL OR c.owner_id = $4::bigint) AND (NOT $5::boolean OR m.due < $6::date)"
  "    AND " SCD_CASE_VISIBLE ("c", "$2", "$3")
  "    AND ($7::date IS NULL OR (m.due, m.case_id, m.position) > ($7::date, $8::bigint, $9::integer))"
  "  ORDER BY m.due, m.case_id, m.position LIMIT $10::integer + 1),"
  " audit AS ("
  "  INSERT INTO audit_entry (actor, outcome, resource_ids)"
  "  SELECT $1, 'success', array(SELECT case_id::text FROM"
  "    (SELECT case_id FROM ar ORDER BY due, case_id, position LIMIT $10::integer) shown"
  "    GROUP BY case_id ORDER BY case_id))"
  "SELECT " REVIEW_COLUMNS ","
  " to_char(ar.due, 'YYYY-MM-DD') || '.' || ar.case_id || '.' || ar.position AS cursor"
  " FROM ar" REVIEW_JOINS ("case_review")
  " ORDER BY ar.due, ar.case_id, ar.position";

/* $2 and $3 the actor's id and role (restricted cases), $4 the transfer
 * year, $5 the owner (NULL: everyone's). Those of an age to move (4, 11 or
 * 16 on the 31 August before) and those with the year's
 * phase_transfer_due recorded, of the cases with a plan in force. */
#define BORN_BETWEEN(back) \
  "p.date_of_birth BETWEEN make_date($4::integer - " back " - 1, 9, 1) AND make_date($4::integer - " back ", 8, 31)"
static const char phase_sql[] =
  "WITH t AS ("
  "  SELECT c.id AS case_id, c.person_id, c.owner_id, p.date_of_birth,"
  "    CASE WHEN " BORN_BETWEEN ("4") " THEN 'school_entry' WHEN " BORN_BETWEEN ("11") " THEN 'secondary'"
  "         WHEN " BORN_BETWEEN ("16") " THEN 'post16' END AS by_age,"
  "    x.status, x.due, x.completed_on, x.route"
  "  FROM ehc_case c JOIN person p ON p.id = c.person_id"
  "  LEFT JOIN LATERAL (SELECT m.status, m.due, m.completed_on, e.details->>'route' AS route"
  "    FROM case_milestone m JOIN case_event e ON e.id = m.start_event_id"
  "    WHERE m.case_id = c.id AND m.milestone = 'phase_transfer_plan' AND e.voided_at IS NULL"
  "      AND (e.details->>'transfer_year')::integer = $4::integer"
  "    ORDER BY m.position LIMIT 1) x ON true"
  "  WHERE c.stage IN ('final', 'under_review') AND ($5::bigint IS NULL OR c.owner_id = $5::bigint)"
  "    AND " SCD_CASE_VISIBLE ("c", "$2", "$3") "),"
  " shown AS (SELECT * FROM t WHERE by_age IS NOT NULL OR due IS NOT NULL),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_ids)"
  "           SELECT $1, 'success', array(SELECT case_id::text FROM shown ORDER BY case_id))"
  "SELECT s.case_id, p.id AS person_id, p.given_name, p.family_name,"
  " o.id AS owner_id, o.username AS owner_username, o.full_name AS owner_full_name,"
  " " DAY ("s.date_of_birth") " AS date_of_birth, coalesce(s.by_age, 'other') AS move,"
  " coalesce(s.route, CASE WHEN s.by_age = 'post16' THEN 'post16' ELSE 'school' END) AS route,"
  " " DAY ("coalesce(s.due, CASE WHEN coalesce(s.route, s.by_age) = 'post16' THEN make_date($4::integer, 3, 31)"
  "                            ELSE make_date($4::integer, 2, 15) END)") " AS due,"
  " s.due IS NOT NULL AS recorded, s.status, " DAY ("s.completed_on") " AS amended_on"
  " FROM shown s JOIN person p ON p.id = s.person_id JOIN app_user o ON o.id = s.owner_id"
  " ORDER BY due, p.family_name, p.given_name, s.case_id";

static GStrv
read_attendees (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *root;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_strv_builder_add (builder, json_array_get_string_element (array, i));
    }
  return g_strv_builder_end (builder);
}

/* The review of row @row, or NULL when the row has none */
static ScReview *
review_from_row (const PGresult  *pg,
                 int              row,
                 GError         **error)
{
  ScReview *review;

  if (scd_pg_string (pg, row, scd_pg_column (pg, "id")) == NULL)
    return NULL;
  review = sc_review_new ();
  review->id = scd_pg_int (pg, row, scd_pg_column (pg, "id"));
  review->number = (int) scd_pg_int (pg, row, scd_pg_column (pg, "number"));
  review->case_id = scd_pg_int (pg, row, scd_pg_column (pg, "review_case_id"));
  review->person_id = scd_pg_int (pg, row, scd_pg_column (pg, "person_id"));
  review->given_name = scd_pg_dup (pg, row, "given_name");
  review->family_name = scd_pg_dup (pg, row, "family_name");
  review->owner = sc_case_user_new (scd_pg_int (pg, row, scd_pg_column (pg, "owner_id")),
                                    scd_pg_string (pg, row, scd_pg_column (pg, "owner_username")),
                                    scd_pg_string (pg, row, scd_pg_column (pg, "owner_full_name")));
  review->started_on = scd_pg_day (pg, row, scd_pg_column (pg, "started_on"));
  review->due = scd_pg_day (pg, row, scd_pg_column (pg, "due"));
  review->status = scd_pg_dup (pg, row, "status");
  review->invitations_sent = scd_pg_day (pg, row, scd_pg_column (pg, "invitations_sent"));
  review->meeting_planned = scd_pg_day (pg, row, scd_pg_column (pg, "meeting_planned"));
  review->meeting_on = scd_pg_day (pg, row, scd_pg_column (pg, "meeting_on"));
  g_strfreev (review->attendees);
  review->attendees = read_attendees (scd_pg_string (pg, row, scd_pg_column (pg, "attendees")));
  review->report_due = scd_pg_day (pg, row, scd_pg_column (pg, "report_due"));
  review->report_received_on = scd_pg_day (pg, row, scd_pg_column (pg, "report_received_on"));
  review->decision_due = scd_pg_day (pg, row, scd_pg_column (pg, "decision_due"));
  review->decided_on = scd_pg_day (pg, row, scd_pg_column (pg, "decided_on"));
  review->outcome = scd_pg_dup (pg, row, "outcome");
  review->reasons = scd_pg_dup (pg, row, "reasons");
  review->version = scd_pg_int (pg, row, scd_pg_column (pg, "version"));
  return review;
}

typedef struct
{
  gint64 case_id;
  gint64 review_id;
  gint64 current;
  guint  limit;     /* a page's; a phase transfer list's year */
} Ask;

static GTask *
task_new (ScdReviewStore      *self,
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
                                      (ScdCaseRecordFromRow) review_from_row, (GDestroyNotify) sc_review_free, error);
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
  if (!_scd_case_record_written (pg, "review", ask->review_id, &ask->current, error))
    return NULL;
  return review_from_row (pg, 0, error);
}

static gpointer
decode_due (PGresult  *pg,
            GTask     *task,
            GError   **error)
{
  Ask *ask = g_task_get_task_data (task);
  ScdPage *page;
  guint n;

  page = scd_page_new (pg, ask->limit, scd_pg_column (pg, "cursor"), &n);
  /* its items are plain structures, not objects */
  g_ptr_array_set_free_func (page->items, (GDestroyNotify) sc_review_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (page->items, review_from_row (pg, (int) i, NULL));
  return page;
}

static gpointer
decode_phase (PGresult  *pg,
              GTask     *task,
              GError   **error)
{
  Ask *ask = g_task_get_task_data (task);
  GPtrArray *transfers = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_phase_transfer_free);

  for (int row = 0; row < PQntuples (pg); row++)
    {
      ScPhaseTransfer *transfer = sc_phase_transfer_new ();

      transfer->case_id = scd_pg_int (pg, row, scd_pg_column (pg, "case_id"));
      transfer->person_id = scd_pg_int (pg, row, scd_pg_column (pg, "person_id"));
      transfer->given_name = scd_pg_dup (pg, row, "given_name");
      transfer->family_name = scd_pg_dup (pg, row, "family_name");
      transfer->owner = sc_case_user_new (scd_pg_int (pg, row, scd_pg_column (pg, "owner_id")),
                                          scd_pg_string (pg, row, scd_pg_column (pg, "owner_username")),
                                          scd_pg_string (pg, row, scd_pg_column (pg, "owner_full_name")));
      transfer->date_of_birth = scd_pg_day (pg, row, scd_pg_column (pg, "date_of_birth"));
      transfer->move = scd_pg_dup (pg, row, "move");
      transfer->route = scd_pg_dup (pg, row, "route");
      transfer->transfer_year = (int) ask->limit;
      transfer->due = scd_pg_day (pg, row, scd_pg_column (pg, "due"));
      transfer->recorded = scd_pg_bool (pg, row, scd_pg_column (pg, "recorded"));
      transfer->status = scd_pg_dup (pg, row, "status");
      transfer->amended_on = scd_pg_day (pg, row, scd_pg_column (pg, "amended_on"));
      g_ptr_array_add (transfers, transfer);
    }
  return transfers;
}

ScdReviewStore *
scd_review_store_new (ScdDb *db)
{
  g_return_val_if_fail (SCD_IS_DB (db), NULL);
  return g_object_new (SCD_TYPE_REVIEW_STORE, "db", db, NULL);
}

void
scd_review_store_list_async (ScdReviewStore      *self,
                             const ScdActor      *actor,
                             gint64               case_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = task_new (self, case_id, cancellable, callback, user_data, scd_review_store_list_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  scd_params_add_int (params, case_id);
  scd_store_run (SCD_STORE (self), list_sql, params, decode_list, (GDestroyNotify) g_ptr_array_unref, task);
}

GPtrArray *
scd_review_store_list_finish (ScdReviewStore  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_review_store_put_async (ScdReviewStore       *self,
                            const ScdActor       *actor,
                            gint64                case_id,
                            gint64                review_id,
                            const ScReviewChange *change,
                            gint64                if_match,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  GTask *task = task_new (self, case_id, cancellable, callback, user_data, scd_review_store_put_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);
  GString *attendees = g_string_new (NULL);
  char invited[SC_DAY_STRING_SIZE], planned[SC_DAY_STRING_SIZE];
  Ask *ask = g_task_get_task_data (task);
  ScJsonWriter writer;

  /* the attendees as the JSON list the statement unpacks */
  sc_json_writer_init (&writer, attendees);
  sc_json_writer_begin_array (&writer);
  for (guint i = 0; change->attendees != NULL && change->attendees[i] != NULL; i++)
    sc_json_writer_string (&writer, change->attendees[i]);
  sc_json_writer_end_array (&writer);

  ask->review_id = review_id;
  scd_params_add_int (params, case_id);
  scd_params_add_int (params, review_id);
  scd_params_add (params, change->invitations_sent != SC_DAY_NONE ? sc_day_format (change->invitations_sent, invited)
                                                                   : NULL);
  scd_params_add (params, change->meeting_planned != SC_DAY_NONE ? sc_day_format (change->meeting_planned, planned)
                                                                  : NULL);
  scd_params_add (params, attendees->str);
  scd_params_add (params, change->reasons);
  g_string_free (attendees, TRUE);
  scd_params_add_int (params, if_match);
  scd_store_run (SCD_STORE (self), put_sql, params, decode_put, (GDestroyNotify) sc_review_free, task);
}

ScReview *
scd_review_store_put_finish (ScdReviewStore  *self,
                             GAsyncResult    *result,
                             gint64          *current,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  if (current != NULL)
    *current = ((Ask *) g_task_get_task_data (G_TASK (result)))->current;
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_review_store_due_async (ScdReviewStore      *self,
                            const ScdActor      *actor,
                            gint64               owner_id,
                            gboolean             overdue_only,
                            ScDay                after_due,
                            gint64               after_case,
                            gint64               after_position,
                            guint                limit,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = task_new (self, 0, cancellable, callback, user_data, scd_review_store_due_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);
  char day[SC_DAY_STRING_SIZE];

  g_return_if_fail (limit > 0);

  ((Ask *) g_task_get_task_data (task))->limit = limit;
  scd_params_add_id (params, owner_id);
  scd_params_add_bool (params, overdue_only);
  scd_params_add (params, sc_day_format (_scd_case_today (), day));
  scd_params_add (params, after_due != SC_DAY_NONE ? sc_day_format (after_due, day) : NULL);
  scd_params_add_int (params, after_case);
  scd_params_add_int (params, after_position);
  scd_params_add_int (params, limit);
  scd_store_run (SCD_STORE (self), due_sql, params, decode_due, scd_page_free, task);
}

GPtrArray *
scd_review_store_due_finish (ScdReviewStore  *self,
                             GAsyncResult    *result,
                             char           **next_cursor,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return scd_page_finish (result, next_cursor, error);
}

static void
scd_review_store_class_init (ScdReviewStoreClass *klass)
{
}

static void
scd_review_store_init (ScdReviewStore *self)
{
}

void
scd_review_store_phase_transfers_async (ScdReviewStore      *self,
                                        const ScdActor      *actor,
                                        int                  transfer_year,
                                        gint64               owner_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task = task_new (self, 0, cancellable, callback, user_data, scd_review_store_phase_transfers_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  /* 0: the year whose deadlines come next; the year travels in the limit's place */
  if (transfer_year == 0)
    transfer_year = sc_phase_transfer_year_for (_scd_case_today ());
  ((Ask *) g_task_get_task_data (task))->limit = (guint) transfer_year;
  scd_params_add_int (params, transfer_year);
  scd_params_add_id (params, owner_id);
  scd_store_run (SCD_STORE (self), phase_sql, params, decode_phase, (GDestroyNotify) g_ptr_array_unref, task);
}

GPtrArray *
scd_review_store_phase_transfers_finish (ScdReviewStore  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
