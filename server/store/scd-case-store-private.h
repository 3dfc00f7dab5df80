/* scd-case-store-private.h
 *
 * What the case store's two files share: the columns a case and an event
 * are decoded from, the visibility predicate, the decoders, and the
 * milestones' rows. Stores only (it includes libpq through the store's
 * private header).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-case-rules.h"
#include "scd-case-store.h"
#include "scd-store-private.h"

G_BEGIN_DECLS

/* The case @c is seen by the user @uid of role @role: it is not restricted,
 * or they are a team manager, its owner or an assignee. */
#define SCD_CASE_VISIBLE(c, uid, role) \
  "(NOT " c ".restricted OR " role " = 'team_manager' OR " c ".owner_id = " uid "::bigint" \
  " OR EXISTS (SELECT 1 FROM case_assignee a WHERE a.case_id = " c ".id AND a.user_id = " uid "::bigint))"

/* The CTE c: the case $4 as the actor ($2, $3: their id and role) sees it
 * (none when it is restricted from them), its id, the @columns after it
 * (", c.person_id", or "") and "may": whether they may write its records
 * (a team manager, its owner or an assignee) */
#define SCD_CASE_OF_ACTOR(columns) \
  "c AS (SELECT c.id" columns ", ($3 = 'team_manager' OR c.owner_id = $2::bigint OR EXISTS (" \
  "        SELECT 1 FROM case_assignee a WHERE a.case_id = c.id AND a.user_id = $2::bigint)) AS may" \
  "      FROM ehc_case c WHERE c.id = $4::bigint AND " SCD_CASE_VISIBLE ("c", "$2", "$3") ")"

/* The date of the case c's live request, as text */
#define SCD_CASE_REQUEST_RECEIVED \
  "(SELECT to_char(min(e.date), 'YYYY-MM-DD') FROM case_event e" \
  "  WHERE e.case_id = c.id AND e.type = 'request_received' AND e.voided_at IS NULL)"

/* A case c, its person p and its owner o; @received: the request's date.
 * Who handed it over is JSON, as the assignees are. */
#define SCD_CASE_COLUMNS(received) \
  "c.id, c.version, c.stage, c.restricted, c.notes, c.handover_note, c.request_source," \
  " to_char(c.next_due, 'YYYY-MM-DD') AS next_due, c.next_milestone, " \
  SCD_SQL_USEC ("c.created_at") " AS created_at, " SCD_SQL_USEC ("c.updated_at") " AS updated_at," \
  " p.id AS person_id, p.given_name, p.family_name, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth," \
  " p.upn, o.id AS owner_id, o.username AS owner_username, o.full_name AS owner_full_name, " \
  received " AS request_received," \
  " (SELECT coalesce(jsonb_agg(jsonb_build_object('id', u.id, 'username', u.username, 'full_name', u.full_name)" \
  "                  ORDER BY u.username), '[]')" \
  "  FROM case_assignee a JOIN app_user u ON u.id = a.user_id WHERE a.case_id = c.id)::text AS assignees," \
  " CASE WHEN c.handed_over_by IS NOT NULL THEN" \
  "  (SELECT jsonb_build_object('id', h.id, 'username', h.username, 'full_name', h.full_name)" \
  "   FROM app_user h WHERE h.id = c.handed_over_by)::text END AS handed_over_by, " \
  SCD_SQL_USEC ("c.handed_over_at") " AS handed_over_at"

/* What the clock and the rules read of an event e: the rows of
 * _scd_case_history_from_rows() */
#define SCD_EVENT_CLOCK_COLUMNS \
  "e.id AS event_id, e.position, e.type, to_char(e.date, 'YYYY-MM-DD') AS date, e.key, e.details::text AS details," \
  " " SCD_SQL_USEC ("e.voided_at") " AS voided_at"

/* Who recorded an event e (r) and who voided it (v), each looked up by its
 * key. OFFSET 0 keeps each lookup a subquery run for its row: as a join,
 * a generic plan that expects many events hashes every user for each
 * case read instead (3,000 users, 2 ms a read of a case's events). */
#define SCD_EVENT_USERS \
  " LEFT JOIN LATERAL (SELECT r.id, r.username, r.full_name FROM app_user r" \
  "                    WHERE r.id = e.recorded_by OFFSET 0) r ON true" \
  " LEFT JOIN LATERAL (SELECT v.id, v.username, v.full_name FROM app_user v" \
  "                    WHERE v.id = e.voided_by OFFSET 0) v ON true"

/* An event e with who recorded it r and who voided it v (SCD_EVENT_USERS):
 * the clock's columns and the rest */
#define SCD_EVENT_COLUMNS \
  SCD_EVENT_CLOCK_COLUMNS ", e.note, r.id AS recorded_by_id, r.username AS recorded_by_username," \
  " r.full_name AS recorded_by_full_name, " SCD_SQL_USEC ("e.recorded_at") " AS recorded_at," \
  " v.id AS voided_by_id, v.username AS voided_by_username, v.full_name AS voided_by_full_name, e.void_reason"

/* The rows of _scd_case_milestones_json(), for jsonb_to_recordset */
#define SCD_CASE_MILESTONE_RECORD \
  "position integer, milestone text, key text, rule text, start_position integer, start_date date, due date," \
  " status text, completed_on date"

GError        *_scd_case_no_case              (gint64               id);
/* What a write of a record of a case beside its events (a review, a
 * proceeding: @what) answered, from the columns "may", "found", "written"
 * and "current" of row 0: TRUE if it was written; otherwise FALSE with
 * FORBIDDEN, NOT_FOUND or PRECONDITION_FAILED (*@current its version now)
 * and the problem. */
gboolean       _scd_case_record_written       (const PGresult      *pg,
                                               const char          *what,
                                               gint64               id,
                                               gint64              *current,
                                               GError             **error);
/* A record of row @row (a review, a proceeding, a consultation), or NULL:
 * with @error set when the row cannot be read, without when it has none */
typedef gpointer (*ScdCaseRecordFromRow)          (const PGresult      *pg,
                                                   int                  row,
                                                   GError             **error);
/* The records of a case's list statement, one per row that has one (none
 * for a case with none; no rows at all is the case NOT_FOUND) */
GPtrArray     *_scd_case_records_from_rows    (const PGresult      *pg,
                                               gint64               case_id,
                                               ScdCaseRecordFromRow from_row,
                                               GDestroyNotify       free_func,
                                               GError             **error);
ScDay          _scd_case_today                (void);
/* The actor ($1), their id ($2) and role ($3) */
ScdParams     *_scd_case_params_new           (const ScdActor      *actor);
ScCase        *_scd_case_from_row             (const PGresult      *pg,
                                               int                  row);
gboolean       _scd_case_clock_event_from_row (const PGresult      *pg,
                                               int                  row,
                                               ScClockEvent        *event,
                                               char               **key,
                                               GError             **error);
ScCaseEvent   *_scd_case_event_from_row       (const PGresult      *pg,
                                               int                  row,
                                               GError             **error);
/* @positions, @ids: (nullable) the live events' positions; every event's id */
ScCaseHistory *_scd_case_history_from_rows    (const PGresult      *pg,
                                               GArray              *positions,
                                               GArray              *ids,
                                               GError             **error);
/* @next_due: (out) (transfer full) (nullable); @next_milestone: (out) static */
char          *_scd_case_milestones_json      (const ScClockResult *result,
                                               GArray              *positions,
                                               char               **next_due,
                                               const char         **next_milestone);

/* Reads row 0 of a record's statement into the record, or NULL with
 * @error to refuse it (the transaction rolls back: nothing written) */
typedef gpointer (*ScdCaseRecordRead)             (const PGresult      *pg,
                                                   gpointer             data,
                                                   GError             **error);
/* A record of a case written with its events in one transaction (a
 * complaint, an appeal): the case locked, @events (of ScClockEvent, none
 * or more, copied) checked against the rules of the case and written in
 * order as the actor's, the clock run once over them, then @sql with $1
 * the actor, $2 the case and @params (text, nullable) after them: it
 * writes the record and its audit row, and @read reads what it returns
 * (freed with @free_record).
 * The case's owner rule is not asked: who writes such a record is the
 * route's to say; a case restricted from the actor is NOT_FOUND. A unique
 * violation of @sql is a CONFLICT. */
void           _scd_case_store_record_async   (ScdCaseStore        *self,
                                               const ScdActor      *actor,
                                               gint64               case_id,
                                               GArray              *events,
                                               const char          *sql,
                                               GPtrArray           *params,
                                               ScdCaseRecordRead    read,
                                               gpointer             read_data,
                                               GDestroyNotify       free_record,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* Returns: (transfer full): what @read returned */
gpointer       _scd_case_store_record_finish  (ScdCaseStore        *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
