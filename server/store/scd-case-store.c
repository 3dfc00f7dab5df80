/* scd-case-store.c
 *
 * The SQL of EHC cases. Reads and the create are one statement each, with
 * their audit row; a change of a case (its details, an event, a void) is a
 * transaction on a leased connection (scd-case-store-txn.c) that locks the
 * case's row first. Cases are decoded by column name (CASE_COLUMNS over a
 * case c, its person p and its owner o), events by EVENT_COLUMNS (an event e,
 * who recorded it r, who voided it v).
 *
 * Visibility is one predicate, VISIBLE, over $2 (the actor's user id) and
 * $3 (their role): a restricted case is seen by its owner, its assignees and
 * team managers only. A case not seen is not found, and its read writes no
 * audit row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-case-store"

#include "config.h"

#include <string.h>

#include "sc-case-rules.h"
#include "sc-problem.h"
#include "scd-case-store-private.h"
#include "scd-person-query.h"

struct _ScdCaseStore
{
  ScdStore parent_instance;
};

G_DEFINE_FINAL_TYPE (ScdCaseStore, scd_case_store, SCD_TYPE_STORE)

/* The statements: $1 is always the actor, $2 and $3 the actor's id and role */

static const char get_sql[] =
  "WITH c AS (SELECT * FROM ehc_case c WHERE c.id = $4 AND " SCD_CASE_VISIBLE ("c", "$2", "$3") "),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM c)"
  "SELECT " SCD_CASE_COLUMNS (SCD_CASE_REQUEST_RECEIVED)
  " FROM c JOIN person p ON p.id = c.person_id JOIN app_user o ON o.id = c.owner_id";

/* $4 .. $7 the person searched for (SCD_PERSON_MATCHES), $8 a stage, $9
 * an owner, $10 the cursor, $11 the limit */
static const char list_sql[] =
  "WITH page AS ("
  "  SELECT c.* FROM ehc_case c JOIN person p ON p.id = c.person_id"
  "  WHERE " SCD_CASE_VISIBLE ("c", "$2", "$3")
  "    AND " SCD_PERSON_MATCHES ("$4", "$5", "$6", "$7")
  "    AND ($8::text IS NULL OR c.stage = $8)"
  "    AND ($9::bigint IS NULL OR c.owner_id = $9)"
  "    AND ($10::bigint IS NULL OR c.id > $10)"
  "  ORDER BY c.id LIMIT $11::integer + 1),"
  " audit AS ("
  "  INSERT INTO audit_entry (actor, outcome, resource_ids)"
  "  SELECT $1, 'success', array(SELECT id::text FROM page ORDER BY id LIMIT $11::integer))"
  "SELECT " SCD_CASE_COLUMNS (SCD_CASE_REQUEST_RECEIVED)
  " FROM page c JOIN person p ON p.id = c.person_id JOIN app_user o ON o.id = c.owner_id ORDER BY c.id";

/* $4 .. $7 the person searched for (SCD_PERSON_MATCHES), $8 a stage, $9
 * the owner (NULL: everyone's, the team's deadlines), $10 the status (all,
 * overdue, due), $11 at most this many days ahead (or NULL), $12 and $13
 * the cursor (due date and id), $14 the limit, $15 today. One owner's is
 * served by ehc_case_caseload_idx (owner_id, next_due). */
static const char caseload_sql[] =
  "WITH page AS ("
  "  SELECT c.* FROM ehc_case c JOIN person p ON p.id = c.person_id"
  "  WHERE ($9::bigint IS NULL OR c.owner_id = $9::bigint) AND c.next_due IS NOT NULL"
  "    AND " SCD_CASE_VISIBLE ("c", "$2", "$3")
  "    AND " SCD_PERSON_MATCHES ("$4", "$5", "$6", "$7")
  "    AND ($8::text IS NULL OR c.stage = $8)"
  "    AND ($10::text = 'all' OR ($10 = 'overdue' AND c.next_due < $15::date)"
  "         OR ($10 = 'due' AND c.next_due >= $15::date))"
  "    AND ($11::integer IS NULL OR c.next_due <= $15::date + $11::integer)"
  "    AND ($12::date IS NULL OR (c.next_due, c.id) > ($12::date, $13::bigint))"
  "  ORDER BY c.next_due, c.id LIMIT $14::integer + 1),"
  " audit AS ("
  "  INSERT INTO audit_entry (actor, outcome, resource_ids)"
  "  SELECT $1, 'success', array(SELECT id::text FROM page ORDER BY next_due, id LIMIT $14::integer))"
  "SELECT " SCD_CASE_COLUMNS (SCD_CASE_REQUEST_RECEIVED) ","
  " to_char(c.next_due, 'YYYY-MM-DD') || '.' || c.id AS cursor"
  " FROM page c JOIN person p ON p.id = c.person_id JOIN app_user o ON o.id = c.owner_id"
  " ORDER BY c.next_due, c.id";

/* $2 the person, $3 the owner, $4 the stage, $5 next_due, $6
 * next_milestone, $7 the source, $8 the request's date, $9 the milestones
 * (start_position 1: the request), $10 who records it. Nothing is written
 * unless the person exists, has no open case (ehc_case_one_open_idx) and
 * the owner may own a case; the one row then says which failed. */
static const char create_sql[] =
  "WITH chk AS ("
  "  SELECT EXISTS (SELECT 1 FROM person WHERE id = $2) AS person_ok,"
  "         EXISTS (SELECT 1 FROM app_user WHERE id = $3 AND active"
  "                 AND role IN ('caseworker', 'team_manager')) AS owner_ok,"
  "         (SELECT min(id) FROM ehc_case WHERE person_id = $2"
  "            AND stage NOT IN ('ceased', 'transferred_out', 'closed')) AS open_case_id),"
  " c AS ("
  "  INSERT INTO ehc_case (person_id, owner_id, stage, next_due, next_milestone, request_source)"
  "  SELECT $2, $3, $4, $5::date, $6, $7 FROM chk WHERE person_ok AND owner_ok AND open_case_id IS NULL"
  "  RETURNING *),"
  " e AS ("
  "  INSERT INTO case_event (case_id, position, type, date, recorded_by)"
  "  SELECT c.id, 1, 'request_received', $8::date, $10 FROM c RETURNING id, case_id),"
  " m AS ("
  "  INSERT INTO case_milestone (case_id, position, milestone, key, rule, start_event_id, start_date, due,"
  "                              status, completed_on)"
  "  SELECT e.case_id, x.position, x.milestone, x.key, x.rule, e.id, x.start_date, x.due, x.status,"
  "         x.completed_on"
  "  FROM e, jsonb_to_recordset($9::jsonb) AS x(" SCD_CASE_MILESTONE_RECORD ")),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM c)"
  "SELECT chk.person_ok, chk.owner_ok, chk.open_case_id, " SCD_CASE_COLUMNS ("$8::text")
  " FROM chk LEFT JOIN (c JOIN person p ON p.id = c.person_id JOIN app_user o ON o.id = c.owner_id) ON true";

/* Every event of a case the actor sees, with its person's date of birth;
 * one row with NULL event columns when it has none (it always has). */
static const char events_sql[] =
  "WITH c AS (SELECT * FROM ehc_case c WHERE c.id = $4 AND " SCD_CASE_VISIBLE ("c", "$2", "$3") "),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM c)"
  "SELECT c.id AS case_id, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, " SCD_EVENT_COLUMNS
  " FROM c JOIN person p ON p.id = c.person_id"
  " LEFT JOIN case_event e ON e.case_id = c.id" SCD_EVENT_USERS
  " ORDER BY e.position";

/* --- shared with the transactions ----------------------------------------- */

GError *
_scd_case_no_case (gint64 id)
{
  GError *error = g_error_new (SC_ERROR, SC_ERROR_NOT_FOUND, "no case %" G_GINT64_FORMAT, id);

  sc_error_take_problem (error, sc_problem_new (SC_ERROR_NOT_FOUND, error->message));
  return error;
}

gboolean
_scd_case_record_written (const PGresult *pg,
                          const char     *what,
                          gint64          id,
                          gint64         *current,
                          GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  *current = 0;
  if (!scd_pg_bool (pg, 0, scd_pg_column (pg, "may")))
    {
      g_set_error (&local_error, SC_ERROR, SC_ERROR_FORBIDDEN,
                   "you may record on a case's %s only if you own the case or are assigned to it", what);
    }
  else if (!scd_pg_bool (pg, 0, scd_pg_column (pg, "found")))
    {
      g_set_error (&local_error, SC_ERROR, SC_ERROR_NOT_FOUND, "the case has no %s %" G_GINT64_FORMAT, what, id);
    }
  else if (!scd_pg_bool (pg, 0, scd_pg_column (pg, "written")))
    {
      *current = scd_pg_int (pg, 0, scd_pg_column (pg, "current"));
      if (*current == 0)
        g_set_error (&local_error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED,
                     "nothing has been recorded on this %s yet: record it with If-None-Match: *", what);
      else
        g_set_error (&local_error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED,
                     "the %s was changed by someone else (now at version %" G_GINT64_FORMAT
                     "): reload it and make your change again", what, *current);
    }
  if (local_error == NULL)
    return TRUE;
  sc_error_take_problem (local_error, sc_problem_new (local_error->code, local_error->message));
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

GPtrArray *
_scd_case_records_from_rows (const PGresult        *pg,
                             gint64                 case_id,
                             ScdCaseRecordFromRow   from_row,
                             GDestroyNotify         free_func,
                             GError               **error)
{
  g_autoptr(GPtrArray) records = NULL;

  if (PQntuples (pg) == 0)
    {
      g_propagate_error (error, _scd_case_no_case (case_id));
      return NULL;
    }
  records = g_ptr_array_new_with_free_func (free_func);
  for (int i = 0; i < PQntuples (pg); i++)
    {
      g_autoptr(GError) local_error = NULL;
      gpointer record = from_row (pg, i, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (record != NULL)
        g_ptr_array_add (records, record);
    }
  return g_steal_pointer (&records);
}

ScDay
_scd_case_today (void)
{
  return sc_day_today ();
}

ScdParams *
_scd_case_params_new (const ScdActor *actor)
{
  ScdParams *params = scd_store_params_new (actor);

  scd_params_add_id (params, scd_actor_get_user_id (actor));
  scd_params_add (params, scd_actor_get_role (actor));
  return params;
}

static ScCaseUser *
user_from_row (const PGresult *pg,
               int             row,
               const char     *prefix)
{
  g_autofree char *id = g_strconcat (prefix, "_id", NULL);
  g_autofree char *username = g_strconcat (prefix, "_username", NULL);
  g_autofree char *full_name = g_strconcat (prefix, "_full_name", NULL);
  int id_column = scd_pg_column (pg, id);

  if (scd_pg_string (pg, row, id_column) == NULL)
    return NULL;
  return sc_case_user_new (scd_pg_int (pg, row, id_column), scd_pg_string (pg, row, scd_pg_column (pg, username)),
                           scd_pg_string (pg, row, scd_pg_column (pg, full_name)));
}

/* {"id": .., "username": .., "full_name": ..}, as the statements build it */
static ScCaseUser *
user_from_object (JsonObject *user)
{
  return sc_case_user_new (json_object_get_int_member (user, "id"), json_object_get_string_member (user, "username"),
                           json_object_get_string_member (user, "full_name"));
}

static ScCaseUser *
user_from_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return user_from_object (json_node_get_object (json_parser_get_root (parser)));
}

ScCase *
_scd_case_from_row (const PGresult *pg,
                    int             row)
{
  ScCase *kase = sc_case_new (scd_pg_int (pg, row, scd_pg_column (pg, "id")));
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *assignees = scd_pg_string (pg, row, scd_pg_column (pg, "assignees"));

  sc_case_set_version (kase, scd_pg_int (pg, row, scd_pg_column (pg, "version")));
  sc_case_set_person (kase, scd_pg_int (pg, row, scd_pg_column (pg, "person_id")),
                      scd_pg_string (pg, row, scd_pg_column (pg, "given_name")),
                      scd_pg_string (pg, row, scd_pg_column (pg, "family_name")),
                      scd_pg_string (pg, row, scd_pg_column (pg, "date_of_birth")),
                      scd_pg_string (pg, row, scd_pg_column (pg, "upn")));
  sc_case_take_owner (kase, user_from_row (pg, row, "owner"));
  if (assignees != NULL && json_parser_load_from_data (parser, assignees, -1, NULL) &&
      JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      JsonArray *array = json_node_get_array (json_parser_get_root (parser));

      for (guint i = 0; i < json_array_get_length (array); i++)
        sc_case_take_assignee (kase, user_from_object (json_array_get_object_element (array, i)));
    }
  sc_case_take_handover (kase, user_from_json (scd_pg_string (pg, row, scd_pg_column (pg, "handed_over_by"))),
                         scd_pg_int (pg, row, scd_pg_column (pg, "handed_over_at")));
  sc_case_set_stage_name (kase, scd_pg_string (pg, row, scd_pg_column (pg, "stage")));
  sc_case_set_restricted (kase, scd_pg_bool (pg, row, scd_pg_column (pg, "restricted")));
  sc_case_set_notes (kase, scd_pg_string (pg, row, scd_pg_column (pg, "notes")),
                     scd_pg_string (pg, row, scd_pg_column (pg, "handover_note")));
  sc_case_set_request (kase, scd_pg_string (pg, row, scd_pg_column (pg, "request_received")),
                       scd_pg_string (pg, row, scd_pg_column (pg, "request_source")));
  sc_case_set_next (kase, scd_pg_string (pg, row, scd_pg_column (pg, "next_due")),
                    scd_pg_string (pg, row, scd_pg_column (pg, "next_milestone")));
  sc_case_set_times (kase, scd_pg_int (pg, row, scd_pg_column (pg, "created_at")),
                     scd_pg_int (pg, row, scd_pg_column (pg, "updated_at")));
  return kase;
}

gboolean
_scd_case_clock_event_from_row (const PGresult  *pg,
                                int              row,
                                ScClockEvent    *event,
                                char           **key,
                                GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *details = scd_pg_string (pg, row, scd_pg_column (pg, "details"));
  const char *event_key = scd_pg_string (pg, row, scd_pg_column (pg, "key"));
  JsonObject *object;

  if (!json_parser_load_from_data (parser, details != NULL ? details : "{}", -1, error))
    return FALSE;
  object = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (object, "type", scd_pg_string (pg, row, scd_pg_column (pg, "type")));
  json_object_set_string_member (object, "date", scd_pg_string (pg, row, scd_pg_column (pg, "date")));
  if (event_key != NULL)
    json_object_set_string_member (object, "key", event_key);
  return sc_case_event_read_clock_event (object, NULL, event, key, error);
}

ScCaseEvent *
_scd_case_event_from_row (const PGresult  *pg,
                          int              row,
                          GError         **error)
{
  g_autofree char *key = NULL;
  ScClockEvent event;
  ScCaseEvent *record;
  ScCaseUser *voided_by;

  if (!_scd_case_clock_event_from_row (pg, row, &event, &key, error))
    return NULL;
  record = sc_case_event_new (scd_pg_int (pg, row, scd_pg_column (pg, "event_id")), &event);
  sc_case_event_set_position (record, (guint) scd_pg_int (pg, row, scd_pg_column (pg, "position")));
  sc_case_event_set_note (record, scd_pg_string (pg, row, scd_pg_column (pg, "note")));
  sc_case_event_take_recorded (record, user_from_row (pg, row, "recorded_by"),
                               scd_pg_int (pg, row, scd_pg_column (pg, "recorded_at")));
  voided_by = user_from_row (pg, row, "voided_by");
  if (voided_by != NULL)
    sc_case_event_take_voided (record, voided_by, scd_pg_int (pg, row, scd_pg_column (pg, "voided_at")),
                               scd_pg_string (pg, row, scd_pg_column (pg, "void_reason")));
  return record;
}

/* The clock's milestones as the rows of case_milestone
 * (SCD_CASE_MILESTONE_RECORD), the live events' positions in @positions,
 * and the earliest open deadline. */
char *
_scd_case_milestones_json (const ScClockResult *result,
                           GArray              *positions,
                           char               **next_due,
                           const char         **next_milestone)
{
  GString *out = g_string_new (NULL);
  ScDay earliest = SC_DAY_NONE;
  ScJsonWriter writer;

  *next_due = NULL;
  *next_milestone = NULL;
  sc_json_writer_init (&writer, out);
  sc_json_writer_begin_array (&writer);
  for (guint i = 0; i < sc_clock_result_get_n_milestones (result); i++)
    {
      const ScMilestone *m = sc_clock_result_get_milestone (result, i);
      char day[SC_DAY_STRING_SIZE];

      g_assert (m->start_event < positions->len);
      sc_json_writer_begin_object (&writer);
      sc_json_writer_member_int (&writer, "position",
                                 sc_clock_result_get_milestone_slot (result, i,
                                                                     g_array_index (positions, guint, m->start_event)));
      sc_json_writer_member_string (&writer, "milestone", sc_milestone_id_to_string (m->id));
      sc_json_writer_member_string (&writer, "key", m->key);
      sc_json_writer_member_string (&writer, "rule", m->rule);
      sc_json_writer_member_int (&writer, "start_position", g_array_index (positions, guint, m->start_event));
      sc_json_writer_member_string (&writer, "start_date", sc_day_format (m->start_date, day));
      sc_json_writer_member_string (&writer, "due", sc_day_format (m->due, day));
      sc_json_writer_member_string (&writer, "status", sc_milestone_status_to_string (m->status));
      if (m->completed_on != SC_DAY_NONE)
        sc_json_writer_member_string (&writer, "completed_on", sc_day_format (m->completed_on, day));
      else
        sc_json_writer_member_null (&writer, "completed_on");
      sc_json_writer_end_object (&writer);

      if (sc_milestone_id_get_kind (m->id) == SC_MILESTONE_KIND_DEADLINE &&
          (m->status == SC_STATUS_PENDING || m->status == SC_STATUS_OVERDUE) &&
          (earliest == SC_DAY_NONE || m->due < earliest))
        {
          earliest = m->due;
          *next_milestone = sc_milestone_id_to_string (m->id);
        }
    }
  sc_json_writer_end_array (&writer);
  if (earliest != SC_DAY_NONE)
    {
      char day[SC_DAY_STRING_SIZE];

      *next_due = g_strdup (sc_day_format (earliest, day));
    }
  return g_string_free (out, FALSE);
}

/* --- the type -------------------------------------------------------------- */

static void
scd_case_store_class_init (ScdCaseStoreClass *klass)
{
}

static void
scd_case_store_init (ScdCaseStore *self)
{
}

ScdCaseStore *
scd_case_store_new (ScdDb *db)
{
  g_return_val_if_fail (SCD_IS_DB (db), NULL);
  return g_object_new (SCD_TYPE_CASE_STORE, "db", db, NULL);
}

typedef struct
{
  gint64 id;
  guint  limit;
} Ask;

static GTask *
task_new (ScdCaseStore        *self,
          gint64               id,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, source_tag);
  Ask *ask = g_new0 (Ask, 1);

  ask->id = id;
  g_task_set_task_data (task, ask, g_free);
  return task;
}

/* --- get and list ------------------------------------------------------------ */

static gpointer
decode_case (PGresult  *pg,
             GTask     *task,
             GError   **error)
{
  if (PQntuples (pg) == 0)
    {
      g_propagate_error (error, _scd_case_no_case (((Ask *) g_task_get_task_data (task))->id));
      return NULL;
    }
  return _scd_case_from_row (pg, 0);
}

void
scd_case_store_get_async (ScdCaseStore        *self,
                          const ScdActor      *actor,
                          gint64               id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = task_new (self, id, cancellable, callback, user_data, scd_case_store_get_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  scd_params_add_int (params, id);
  scd_store_run (SCD_STORE (self), get_sql, params, decode_case, g_object_unref, task);
}

ScCase *
scd_case_store_get_finish (ScdCaseStore  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
decode_page (PGresult  *pg,
             GTask     *task,
             GError   **error)
{
  Ask *ask = g_task_get_task_data (task);

  return scd_page_new_rows (pg, ask->limit, "id", NULL, (ScdRowFunc) _scd_case_from_row);
}

void
scd_case_store_list_async (ScdCaseStore        *self,
                           const ScdActor      *actor,
                           const char          *query,
                           const char          *stage,
                           gint64               owner_id,
                           gint64               after,
                           guint                limit,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = task_new (self, 0, cancellable, callback, user_data, scd_case_store_list_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);
  g_auto(ScdPersonQuery) match = { 0 };

  g_return_if_fail (limit > 0);

  ((Ask *) g_task_get_task_data (task))->limit = limit;
  scd_person_query_init (&match, query);
  scd_person_query_add_params (&match, params);
  scd_params_add (params, stage);
  scd_params_add_id (params, owner_id);
  scd_params_add_id (params, after);
  scd_params_add_int (params, limit);
  scd_store_run (SCD_STORE (self), list_sql, params, decode_page, scd_page_free, task);
}

GPtrArray *
scd_case_store_list_finish (ScdCaseStore  *self,
                            GAsyncResult  *result,
                            char         **next_cursor,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return scd_page_finish (result, next_cursor, error);
}

static gpointer
decode_caseload (PGresult  *pg,
                 GTask     *task,
                 GError   **error)
{
  Ask *ask = g_task_get_task_data (task);

  return scd_page_new_rows (pg, ask->limit, "cursor", NULL, (ScdRowFunc) _scd_case_from_row);
}

void
scd_case_store_caseload_async (ScdCaseStore            *self,
                               const ScdActor          *actor,
                               const ScdCaseloadFilter *filter,
                               ScDay                    after_due,
                               gint64                   after_id,
                               guint                    limit,
                               GCancellable            *cancellable,
                               GAsyncReadyCallback      callback,
                               gpointer                 user_data)
{
  static const char * const statuses[] = { "all", "overdue", "due" };
  GTask *task = task_new (self, 0, cancellable, callback, user_data, scd_case_store_caseload_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);
  g_auto(ScdPersonQuery) match = { 0 };
  char day[SC_DAY_STRING_SIZE];

  g_return_if_fail (limit > 0);
  g_return_if_fail ((guint) filter->status < G_N_ELEMENTS (statuses));

  ((Ask *) g_task_get_task_data (task))->limit = limit;
  scd_person_query_init (&match, filter->query);
  scd_person_query_add_params (&match, params);
  scd_params_add (params, filter->stage);
  scd_params_add_id (params, filter->owner_id);
  scd_params_add (params, statuses[filter->status]);
  if (filter->due_within >= 0)
    scd_params_add_int (params, filter->due_within);
  else
    scd_params_add (params, NULL);
  scd_params_add (params, after_due != SC_DAY_NONE ? sc_day_format (after_due, day) : NULL);
  scd_params_add_id (params, after_id);
  scd_params_add_int (params, limit);
  scd_params_add (params, sc_day_format (_scd_case_today (), day));
  scd_store_run (SCD_STORE (self), caseload_sql, params, decode_caseload, scd_page_free, task);
}

GPtrArray *
scd_case_store_caseload_finish (ScdCaseStore  *self,
                                GAsyncResult  *result,
                                char         **next_cursor,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return scd_page_finish (result, next_cursor, error);
}

/* --- create ---------------------------------------------------------------- */

static gpointer
decode_created (PGresult  *pg,
                GTask     *task,
                GError   **error)
{
  int open_column = scd_pg_column (pg, "open_case_id");

  /* Not a field's fault: the person's journey is under way on that case. */
  if (scd_pg_string (pg, 0, open_column) != NULL)
    {
      gint64 open = scd_pg_int (pg, 0, open_column);
      g_autofree char *field = g_strdup_printf ("has an open case, case %" G_GINT64_FORMAT
                                                ": record the new request on it", open);
      ScProblem *problem;

      g_set_error (error, SC_ERROR, SC_ERROR_CONFLICT, "person already %s", field);
      problem = sc_problem_new (SC_ERROR_CONFLICT, (*error)->message);
      sc_problem_add_field_error (problem, "person_id", field);
      sc_error_take_problem (*error, problem);
      return NULL;
    }
  if (!scd_pg_bool (pg, 0, scd_pg_column (pg, "person_ok")))
    sc_set_field_error (error, "person_id", "is not a person's id");
  if (!scd_pg_bool (pg, 0, scd_pg_column (pg, "owner_ok")))
    sc_set_field_error (error, "owner_id", "is not the id of an active caseworker or team manager");
  if (scd_pg_string (pg, 0, scd_pg_column (pg, "id")) == NULL)
    {
      if (*error == NULL)
        g_set_error_literal (error, SC_ERROR, SC_ERROR_INTERNAL, "the case was not created");
      return NULL;
    }
  return _scd_case_from_row (pg, 0);
}

void
scd_case_store_create_async (ScdCaseStore        *self,
                             const ScdActor      *actor,
                             gint64               person_id,
                             gint64               owner_id,
                             ScDay                request_received,
                             const char          *request_source,
                             ScdIdempotency      *idempotency,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = task_new (self, 0, cancellable, callback, user_data, scd_case_store_create_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);
  g_autoptr(ScCaseHistory) history = sc_case_history_new ();
  g_autoptr(ScClockInput) input = NULL;
  g_autoptr(ScClockResult) clock = NULL;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_autofree char *next_due = NULL;
  g_autofree char *milestones = NULL;
  const char *next_milestone = NULL;
  char day[SC_DAY_STRING_SIZE];
  ScClockEvent event = { .type = SC_EVENT_REQUEST_RECEIVED, .date = request_received };
  guint one = 1;

  if (!sc_case_check_event (history, &event, _scd_case_today (), &error))
    {
      const ScProblem *problem = sc_error_get_problem (error);
      const ScFieldError *first = problem != NULL && sc_problem_get_n_field_errors (problem) > 0 ?
                                  sc_problem_get_field_error (problem, 0) : NULL;
      g_autoptr(GError) refused = NULL;

      sc_set_field_error (&refused, "request_received", "%s", first != NULL ? first->message : error->message);
      g_task_return_error (task, g_steal_pointer (&refused));
      g_object_unref (task);
      return;
    }
  sc_case_history_add_event (history, &event, NULL);
  input = sc_case_history_dup_clock_input (history);
  clock = sc_clock_compute (input, sc_calendar_get_default (), _scd_case_today ());
  g_array_append_val (positions, one);

  milestones = _scd_case_milestones_json (clock, positions, &next_due, &next_milestone);
  scd_params_add_int (params, person_id);
  scd_params_add_int (params, owner_id);
  scd_params_add (params, sc_case_stage_to_string (sc_case_get_stage (history)));
  scd_params_add (params, next_due);
  scd_params_add (params, next_milestone);
  scd_params_add (params, request_source);
  scd_params_add (params, sc_day_format (request_received, day));
  g_ptr_array_add (params, g_steal_pointer (&milestones));
  scd_params_add_int (params, scd_actor_get_user_id (actor));
  scd_store_create (SCD_STORE (self), actor, create_sql, params, idempotency, decode_created, NULL, NULL, task);
}

ScdCreated *
scd_case_store_create_finish (ScdCaseStore  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- events and the timeline ----------------------------------------------- */

static gpointer
decode_events (PGresult  *pg,
               GTask     *task,
               GError   **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  int id_column = scd_pg_column (pg, "event_id");

  if (PQntuples (pg) == 0)
    {
      g_propagate_error (error, _scd_case_no_case (((Ask *) g_task_get_task_data (task))->id));
      return NULL;
    }
  for (int i = 0; i < PQntuples (pg); i++)
    {
      ScCaseEvent *event;

      if (scd_pg_string (pg, i, id_column) == NULL)
        continue;
      if ((event = _scd_case_event_from_row (pg, i, error)) == NULL)
        return NULL;
      g_ptr_array_add (events, event);
    }
  return g_steal_pointer (&events);
}

/* The history of the rows of events_sql (or the transaction's events
 * statement): every event, voided ones marked; the live events' positions
 * in @positions (nullable). */
ScCaseHistory *
_scd_case_history_from_rows (const PGresult  *pg,
                             GArray          *positions,
                             GArray          *ids,
                             GError         **error)
{
  g_autoptr(ScCaseHistory) history = sc_case_history_new ();
  int id_column = scd_pg_column (pg, "event_id");
  int voided_column = scd_pg_column (pg, "voided_at");
  int position_column = scd_pg_column (pg, "position");
  const char *dob = PQntuples (pg) > 0 ? scd_pg_string (pg, 0, scd_pg_column (pg, "date_of_birth")) : NULL;
  ScDay birth = SC_DAY_NONE;
  guint n = 0;

  if (dob != NULL && sc_day_parse (dob, &birth))
    sc_case_history_set_date_of_birth (history, birth);
  for (int i = 0; i < PQntuples (pg); i++)
    {
      g_autofree char *key = NULL;
      ScClockEvent event;
      gint64 id;

      if (scd_pg_string (pg, i, id_column) == NULL)
        continue;
      if (!_scd_case_clock_event_from_row (pg, i, &event, &key, error) ||
          !sc_case_history_add_event (history, &event, error))
        return NULL;
      id = scd_pg_int (pg, i, id_column);
      if (ids != NULL)
        g_array_append_val (ids, id);
      if (scd_pg_string (pg, i, voided_column) != NULL)
        sc_case_history_void_event (history, n, NULL);
      else if (positions != NULL)
        {
          guint position = (guint) scd_pg_int (pg, i, position_column);

          g_array_append_val (positions, position);
        }
      n++;
    }
  return g_steal_pointer (&history);
}

static gpointer
decode_timeline (PGresult  *pg,
                 GTask     *task,
                 GError   **error)
{
  g_autoptr(ScCaseHistory) history = NULL;
  g_autoptr(ScClockInput) input = NULL;

  if (PQntuples (pg) == 0)
    {
      g_propagate_error (error, _scd_case_no_case (((Ask *) g_task_get_task_data (task))->id));
      return NULL;
    }
  if ((history = _scd_case_history_from_rows (pg, NULL, NULL, error)) == NULL)
    return NULL;
  input = sc_case_history_dup_clock_input (history);
  return sc_clock_compute (input, sc_calendar_get_default (), _scd_case_today ());
}

void
scd_case_store_list_events_async (ScdCaseStore        *self,
                                  const ScdActor      *actor,
                                  gint64               case_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = task_new (self, case_id, cancellable, callback, user_data, scd_case_store_list_events_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  scd_params_add_int (params, case_id);
  scd_store_run (SCD_STORE (self), events_sql, params, decode_events, (GDestroyNotify) g_ptr_array_unref, task);
}

GPtrArray *
scd_case_store_list_events_finish (ScdCaseStore  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_case_store_timeline_async (ScdCaseStore        *self,
                               const ScdActor      *actor,
                               gint64               case_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = task_new (self, case_id, cancellable, callback, user_data, scd_case_store_timeline_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  scd_params_add_int (params, case_id);
  scd_store_run (SCD_STORE (self), events_sql, params, decode_timeline, (GDestroyNotify) sc_clock_result_unref,
                 task);
}

ScClockResult *
scd_case_store_timeline_finish (ScdCaseStore  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
