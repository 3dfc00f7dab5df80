/* scd-case-store-txn.c
 *
 * The changes of a case, each one transaction on one leased connection:
 *
 *   BEGIN
 *   an event under an Idempotency-Key: claim the key (scd-store-private.h)
 *     known -> replay the first answer, and that is all
 *   SELECT the case FOR UPDATE          -- writers of one case take turns here,
 *                                          whichever daemon they came through
 *     not seen -> 404; not theirs -> ROLLBACK, a denied row, 403;
 *     stale If-Match -> 412
 *   an event or a void:
 *     SELECT its events                 -- check with the rules of the case:
 *                                          422 naming the rule, nothing written
 *     an event that issues a plan (draft, final, amended):
 *       SELECT the draft's sections     -- frozen as the plan's next version,
 *                                          with its quality warnings
 *     INSERT the event (or void one)
 *     one statement: the clock's milestones over the live events (those
 *     it no longer gives deleted, only the changed ones written), UPDATE
 *     the stage, the next deadline and the version, the audit row, and
 *     the plan's version if the event issues one
 *   a change of its details:
 *     UPDATE the case and the audit row; replace the assignees; read it back
 *   an event under a key: keep its answer with the key
 *   a record beside its events (a complaint): its events written in
 *     order as above, the clock once, then the record's own statement,
 *     which writes the audit row (the clock's then writes none)
 *   COMMIT, then answer
 *
 * The key is claimed before the case is locked, so a twin of the request
 * waits on the key, not the case, and then replays. A refusal rolls back
 * and takes the key with it, as a failed create does: the corrected request
 * may use it. A failed statement ends it: the lease rolls the transaction
 * back when it is released.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-case-store"

#include "config.h"

#include "sc-problem.h"
#include "sc-plan-version.h"
#include "scd-case-store-private.h"

static const char lock_sql[] =
  "SELECT c.id, c.version, c.owner_id, c.restricted,"
  " EXISTS (SELECT 1 FROM case_assignee a WHERE a.case_id = c.id AND a.user_id = $2::bigint) AS assigned"
  " FROM ehc_case c WHERE c.id = $1::bigint FOR UPDATE";

static const char events_sql[] =
  "SELECT to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, " SCD_EVENT_CLOCK_COLUMNS
  " FROM case_event e JOIN ehc_case c ON c.id = e.case_id JOIN person p ON p.id = c.person_id"
  " WHERE e.case_id = $1::bigint ORDER BY e.position";

static const char insert_event_sql[] =
  "WITH e AS ("
  "  INSERT INTO case_event (case_id, position, type, date, key, details, note, recorded_by)"
  "  VALUES ($1::bigint, $2::integer, $3, $4::date, $5, $6::jsonb, $7, $8::bigint) RETURNING *)"
  "SELECT " SCD_EVENT_COLUMNS " FROM e" SCD_EVENT_USERS;

static const char void_event_sql[] =
  "WITH e AS ("
  "  UPDATE case_event SET voided_at = now(), voided_by = $3::bigint, void_reason = $4"
  "  WHERE case_id = $1::bigint AND id = $2::bigint RETURNING *)"
  "SELECT " SCD_EVENT_COLUMNS " FROM e" SCD_EVENT_USERS;

/* $2 the case, $3 the milestones, $4 the stage, $5 next_due, $6 next_milestone;
 * for an event that issues a plan, $7 the version's kind, $8 the draft's
 * sections, $9 their warnings and $10 the event's position (all NULL
 * otherwise).
 * The clock's milestones replace the case's: those it no longer gives are
 * deleted, and of the others only the rows that changed are written (an
 * event seldom moves more than one or two), so the indexes of
 * case_milestone take only those. A conflicting row has the new row's
 * case and position: the whole rows compare the rest. */
#define MILESTONE_SET(column) column " = EXCLUDED." column
static const char write_clock_sql[] =
  "WITH x AS ("
  "  SELECT x.position, x.milestone, x.key, x.rule, e.id AS start_event_id, x.start_date, x.due, x.status,"
  "         x.completed_on"
  "  FROM jsonb_to_recordset($3::jsonb) AS x(" SCD_CASE_MILESTONE_RECORD ")"
  "  JOIN case_event e ON e.case_id = $2::bigint AND e.position = x.start_position),"
  " gone AS ("
  "  DELETE FROM case_milestone m WHERE m.case_id = $2::bigint AND m.position NOT IN (SELECT position FROM x)),"
  " m AS ("
  "  INSERT INTO case_milestone (case_id, position, milestone, key, rule, start_event_id, start_date, due,"
  "                              status, completed_on)"
  "  SELECT $2::bigint, x.* FROM x"
  "  ON CONFLICT (case_id, position) DO UPDATE SET "
  MILESTONE_SET ("milestone") ", " MILESTONE_SET ("key") ", " MILESTONE_SET ("rule") ", "
  MILESTONE_SET ("start_event_id") ", " MILESTONE_SET ("start_date") ", " MILESTONE_SET ("due") ", "
  MILESTONE_SET ("status") ", " MILESTONE_SET ("completed_on")
  "  WHERE case_milestone IS DISTINCT FROM EXCLUDED),"
  " c AS ("
  "  UPDATE ehc_case SET stage = $4, next_due = $5::date, next_milestone = $6, version = version + 1,"
  "                      updated_at = now()"
  "  WHERE id = $2::bigint RETURNING id, version),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM c"
  "           WHERE $11::boolean IS NOT TRUE),"
  /* an event that issues a plan freezes the draft read under the lock */
  " v AS (INSERT INTO plan_version (case_id, number, kind, event_id, sections, warnings, issued_by)"
  "       SELECT $2::bigint,"
  "              coalesce((SELECT max(number) FROM plan_version WHERE case_id = $2::bigint), 0) + 1,"
  "              $7, e.id, $8::json, $9::json, ($1::jsonb->>'user_id')::bigint"
  "       FROM case_event e WHERE $7::text IS NOT NULL AND e.case_id = $2::bigint AND e.position = $10::integer)"
  "SELECT version FROM c";

/* The draft of the case, for the version an event issues, and its advice
 * requests on every row (one row with no section for a draft never
 * written) */
static const char plan_sql[] =
  "SELECT s.section, s.content::text AS content, a.advice FROM"
  " (SELECT coalesce(json_agg(json_build_object('adviser', m.key, 'requested_on', m.start_date,"
  "                                             'received_on', m.completed_on) ORDER BY m.position), '[]')::text"
  "    AS advice FROM case_milestone m WHERE m.case_id = $1::bigint AND m.milestone = 'advice' AND m.key IS NOT NULL) a"
  " LEFT JOIN plan_section s ON s.case_id = $1::bigint";

#define KEEP_OR(member, value) \
  "CASE WHEN i.j ? '" member "' THEN " value " ELSE c." member " END"

/* $2 the case, $3 the change; a new owner is a handover by the actor */
static const char update_sql[] =
  "WITH i AS (SELECT $3::jsonb AS j),"
  " ok AS (SELECT NOT (i.j ? 'owner_id') OR EXISTS ("
  "          SELECT 1 FROM app_user u WHERE u.id = (i.j->>'owner_id')::bigint AND u.active"
  "          AND u.role IN ('caseworker', 'team_manager')) AS owner_ok FROM i),"
  " c AS ("
  "  UPDATE ehc_case c SET"
  "    notes = " KEEP_OR ("notes", "i.j->>'notes'") ","
  "    handover_note = " KEEP_OR ("handover_note", "i.j->>'handover_note'") ","
  "    restricted = " KEEP_OR ("restricted", "(i.j->>'restricted')::boolean") ","
  "    owner_id = " KEEP_OR ("owner_id", "(i.j->>'owner_id')::bigint") ","
  "    handed_over_by = CASE WHEN i.j ? 'owner_id' AND (i.j->>'owner_id')::bigint IS DISTINCT FROM c.owner_id"
  "                     THEN ($1::jsonb->>'user_id')::bigint ELSE c.handed_over_by END,"
  "    handed_over_at = CASE WHEN i.j ? 'owner_id' AND (i.j->>'owner_id')::bigint IS DISTINCT FROM c.owner_id"
  "                     THEN now() ELSE c.handed_over_at END,"
  "    version = c.version + 1, updated_at = now()"
  "  FROM i, ok WHERE c.id = $2::bigint AND ok.owner_ok RETURNING c.id, c.version),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM c)"
  "SELECT ok.owner_ok, c.version FROM ok LEFT JOIN c ON true";

static const char clear_assignees_sql[] =
  "DELETE FROM case_assignee WHERE case_id = $1::bigint";

static const char assign_sql[] =
  "INSERT INTO case_assignee (case_id, user_id)"
  " SELECT $1::bigint, u.id FROM app_user u"
  " WHERE u.id = ANY ($2::bigint[]) AND u.active AND u.role IN ('caseworker', 'team_manager')"
  " RETURNING user_id";

static const char read_sql[] =
  "SELECT " SCD_CASE_COLUMNS (SCD_CASE_REQUEST_RECEIVED)
  " FROM ehc_case c JOIN person p ON p.id = c.person_id JOIN app_user o ON o.id = c.owner_id"
  " WHERE c.id = $1::bigint";

static const char denied_sql[] =
  "INSERT INTO audit_entry (actor, outcome, resource_id) VALUES ($1, 'denied', $2)";

typedef enum
{
  OP_EVENT,
  OP_VOID,
  OP_UPDATE,
  OP_RECORD,
} Op;

typedef enum
{
  STEP_BEGIN,
  STEP_LOCK,
  STEP_EVENTS,
  STEP_PLAN,
  STEP_WRITE_EVENT,
  STEP_WRITE_CLOCK,
  STEP_UPDATE,
  STEP_CLEAR_ASSIGNEES,
  STEP_ASSIGN,
  STEP_READ,
  STEP_RECORD,
  STEP_COMMIT,
  STEP_ROLLBACK,
  STEP_DENIED,
} Step;

typedef struct
{
  GTask         *task;          /* owned */
  ScdDbLease    *lease;         /* owned until released */
  ScdActor      *actor;         /* owned */
  Op             op;
  Step           step;
  gint64         case_id;
  gint64         if_match;      /* OP_UPDATE: the version the change is based on */
  gint64         version;       /* the case's version, once locked; then its new one */

  /* OP_EVENT */
  ScClockEvent   event;
  char          *key;
  char          *note;
  ScdIdempotency *idempotency;  /* owned copy, nullable */
  ScdCreated     *created;      /* its answer, owned until returned */
  /* OP_VOID */
  gint64         event_id;
  char          *reason;
  /* OP_UPDATE */
  char          *change;        /* JSON text */
  char          *assignees;     /* nullable: '{1,2}' */
  guint          n_assignees;

  /* OP_RECORD */
  GArray        *events;        /* of ScClockEvent, their keys in keys */
  GPtrArray     *keys;
  guint          written;       /* how many of events are written */
  char          *record_sql;
  GPtrArray     *record_params; /* after the actor and the case */
  ScdCaseRecordRead record_read;
  gpointer       record_data;
  GDestroyNotify record_free;
  gpointer       record;        /* what record_read returned, owned */

  char          *version_kind;  /* an event that issues a plan: "final", ... */
  char          *plan_sections; /* ... the draft read, as plan_version keeps it */
  char          *plan_warnings;
  ScCaseHistory *history;       /* owned, after STEP_EVENTS */
  GArray        *all_positions; /* of guint, every event's */
  guint          next_position;
  GPtrArray     *params;        /* the next statement's */
  gpointer       result;        /* ScCaseEvent or ScCase, owned */
  GError        *error;         /* the answer after a rollback */
} Txn;

static void txn_run (Txn *txn);
static void write_record (Txn *txn);

static void
txn_free (Txn *txn)
{
  if (txn->lease != NULL)
    scd_db_lease_release (txn->lease);
  g_clear_object (&txn->task);
  g_clear_pointer (&txn->actor, scd_actor_unref);
  g_free (txn->key);
  g_free (txn->note);
  g_clear_pointer (&txn->idempotency, scd_idempotency_free);
  g_clear_pointer (&txn->created, scd_created_free);
  g_free (txn->reason);
  g_free (txn->change);
  g_free (txn->assignees);
  g_clear_pointer (&txn->events, g_array_unref);
  g_clear_pointer (&txn->keys, g_ptr_array_unref);
  g_free (txn->record_sql);
  g_clear_pointer (&txn->record_params, g_ptr_array_unref);
  g_free (txn->version_kind);
  g_free (txn->plan_sections);
  g_free (txn->plan_warnings);
  g_clear_pointer (&txn->history, sc_case_history_unref);
  g_clear_pointer (&txn->all_positions, g_array_unref);
  g_clear_pointer (&txn->params, g_ptr_array_unref);
  if (txn->record != NULL)
    txn->record_free (txn->record);
  g_clear_object (&txn->result);
  g_clear_error (&txn->error);
  g_free (txn);
}

typedef struct
{
  gint64 version;
} Answer;

/* Gives the connection back first, then returns. */
static void
txn_return (Txn    *txn,
            GError *error)
{
  Answer *answer = g_task_get_task_data (txn->task);

  g_clear_pointer (&txn->lease, scd_db_lease_release);
  answer->version = txn->version;
  if (error != NULL)
    g_task_return_error (txn->task, error);
  else if (txn->op == OP_EVENT)
    g_task_return_pointer (txn->task, g_steal_pointer (&txn->created), (GDestroyNotify) scd_created_free);
  else if (txn->op == OP_RECORD)
    g_task_return_pointer (txn->task, g_steal_pointer (&txn->record), txn->record_free);
  else
    g_task_return_pointer (txn->task, g_steal_pointer (&txn->result), g_object_unref);
  txn_free (txn);
}

static void
txn_next (Txn        *txn,
          Step        step,
          const char *first,
          ...) G_GNUC_NULL_TERMINATED;

/* Runs @step with the text parameters that follow (NULL ends them; pass
 * them through scd_params for SQL NULLs). */
static void
txn_next (Txn        *txn,
          Step        step,
          const char *first,
          ...)
{
  va_list args;

  txn->step = step;
  g_clear_pointer (&txn->params, g_ptr_array_unref);
  txn->params = scd_params_new ();
  va_start (args, first);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    scd_params_add (txn->params, p);
  va_end (args);
  txn_run (txn);
}

static void
txn_refuse (Txn    *txn,
            GError *error)
{
  g_clear_error (&txn->error);
  txn->error = error;
  g_clear_pointer (&txn->params, g_ptr_array_unref);
  txn->params = scd_params_new ();
  txn->step = STEP_ROLLBACK;
  txn_run (txn);
}

static GError *
forbidden (const char *detail)
{
  GError *error = g_error_new_literal (SC_ERROR, SC_ERROR_FORBIDDEN, detail);

  sc_error_take_problem (error, sc_problem_new (SC_ERROR_FORBIDDEN, error->message));
  return error;
}

static GError *
stale (gint64 current_version)
{
  GError *error = g_error_new (SC_ERROR, SC_ERROR_PRECONDITION_FAILED,
                               "the case was changed by someone else (now at version %" G_GINT64_FORMAT
                               "): reload it and make your change again", current_version);

  sc_error_take_problem (error, sc_problem_new (SC_ERROR_PRECONDITION_FAILED, error->message));
  return error;
}

static gboolean
is_team_manager (const ScdActor *actor)
{
  return g_strcmp0 (scd_actor_get_role (actor), "team_manager") == 0;
}

static gboolean
changes_assignment (Txn *txn)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *change;

  if (txn->op != OP_UPDATE || !json_parser_load_from_data (parser, txn->change, -1, NULL))
    return FALSE;
  change = json_node_get_object (json_parser_get_root (parser));
  return json_object_has_member (change, "owner_id") || json_object_has_member (change, "restricted") ||
         txn->assignees != NULL;
}

/* The case is locked: may the actor change it? */
static void
locked (Txn      *txn,
        PGresult *pg)
{
  gint64 user_id = scd_actor_get_user_id (txn->actor);
  gboolean owner, assigned;
  char id[32];

  if (PQntuples (pg) == 0)
    {
      txn_refuse (txn, _scd_case_no_case (txn->case_id));
      return;
    }
  owner = scd_pg_int (pg, 0, scd_pg_column (pg, "owner_id")) == user_id;
  assigned = scd_pg_bool (pg, 0, scd_pg_column (pg, "assigned"));
  if (scd_pg_bool (pg, 0, scd_pg_column (pg, "restricted")) && !owner && !assigned && !is_team_manager (txn->actor))
    {
      txn_refuse (txn, _scd_case_no_case (txn->case_id));
      return;
    }
  /* who writes a record beside the case is the route's to say */
  if (txn->op != OP_RECORD && !is_team_manager (txn->actor) && (!(owner || assigned) || changes_assignment (txn)))
    {
      /* the transaction is rolled back, then the refusal recorded */
      g_clear_error (&txn->error);
      txn->error = forbidden (!(owner || assigned)
                              ? "you may change only the cases you own or are assigned to"
                              : "only a team manager may change a case's owner, assignees or restriction");
      txn->step = STEP_DENIED;
      txn_run (txn);
      return;
    }
  txn->version = scd_pg_int (pg, 0, scd_pg_column (pg, "version"));
  if (txn->op == OP_UPDATE && txn->version != txn->if_match)
    {
      txn_refuse (txn, stale (txn->version));
      return;
    }
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, txn->case_id);
  if (txn->op == OP_UPDATE)
    txn_next (txn, STEP_UPDATE, scd_actor_get_json (txn->actor), id, txn->change, NULL);
  else if (txn->op == OP_RECORD && txn->events->len == 0)
    write_record (txn);
  else
    txn_next (txn, STEP_EVENTS, id, NULL);
}

/* The positions of the live events of the history, in order */
static GArray *
live_positions (Txn *txn)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < sc_case_history_get_n_events (txn->history); i++)
    if (!sc_case_history_is_voided (txn->history, i))
      g_array_append_val (positions, g_array_index (txn->all_positions, guint, i));
  return positions;
}

/* Without the voided event, would every live event still be one the rules
 * of the case accept? Each is checked, in the order recorded, against those
 * before it. */
static gboolean
still_legal (const ScCaseHistory  *history,
             GError              **error)
{
  g_autoptr(ScCaseHistory) replay = sc_case_history_new ();
  g_autoptr(ScClockInput) input = sc_case_history_dup_clock_input (history);
  ScDay today = _scd_case_today ();

  for (guint i = 0; i < sc_clock_input_get_n_events (input); i++)
    {
      const ScClockEvent *event = sc_clock_input_get_event (input, i);
      g_autoptr(GError) refused = NULL;

      if (!sc_case_check_event (replay, event, MAX (today, event->date), &refused))
        {
          const ScProblem *problem = sc_error_get_problem (refused);
          const ScFieldError *first = problem != NULL && sc_problem_get_n_field_errors (problem) > 0 ?
                                      sc_problem_get_field_error (problem, 0) : NULL;
          char day[SC_DAY_STRING_SIZE];

          sc_set_field_error (error, "event", "cannot be voided: the %s of %s would no longer stand (%s)",
                              sc_event_type_to_string (event->type), sc_day_format (event->date, day),
                              first != NULL ? first->message : refused->message);
          return FALSE;
        }
      sc_case_history_add_event (replay, event, NULL);
    }
  return TRUE;
}

/* The new event, checked and added to the history */
static void
write_event (Txn *txn)
{
  g_autofree char *case_id = g_strdup_printf ("%" G_GINT64_FORMAT, txn->case_id);
  g_autofree char *details = sc_case_event_dup_details (&txn->event);
  g_autofree char *position = g_strdup_printf ("%u", txn->next_position);
  g_autofree char *user = g_strdup_printf ("%" G_GINT64_FORMAT, scd_actor_get_user_id (txn->actor));
  char date[SC_DAY_STRING_SIZE];

  txn->step = STEP_WRITE_EVENT;
  g_clear_pointer (&txn->params, g_ptr_array_unref);
  txn->params = scd_params_new ();
  scd_params_add (txn->params, case_id);
  scd_params_add (txn->params, position);
  scd_params_add (txn->params, sc_event_type_to_string (txn->event.type));
  scd_params_add (txn->params, sc_day_format (txn->event.date, date));
  scd_params_add (txn->params, txn->event.key);
  scd_params_add (txn->params, details);
  scd_params_add (txn->params, txn->note);
  scd_params_add (txn->params, user);
  txn_run (txn);
}

/* The draft, read under the case's lock: what the version will hold */
static void
plan_read (Txn      *txn,
           PGresult *pg)
{
  const char *contents[SC_N_PLAN_SECTIONS] = { NULL };
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) advice = NULL;

  for (int i = 0; i < PQntuples (pg); i++)
    {
      const char *section = scd_pg_string (pg, i, scd_pg_column (pg, "section"));
      ScPlanSectionId id = section != NULL ? sc_plan_section_id_from_string (section) : SC_PLAN_SECTION_NONE;

      if (id != SC_PLAN_SECTION_NONE)
        contents[id] = scd_pg_string (pg, i, scd_pg_column (pg, "content"));
    }
  if (PQntuples (pg) > 0)
    {
      g_autoptr(JsonNode) node = json_from_string (scd_pg_string (pg, 0, scd_pg_column (pg, "advice")), NULL);

      advice = sc_plan_advice_list_new_from_json (node, NULL);
    }
  warnings = sc_plan_check_quality (contents, advice);
  txn->plan_sections = sc_plan_sections_to_json (contents);
  txn->plan_warnings = sc_plan_warnings_to_json (warnings);
  write_event (txn);
}

static void
events_read (Txn      *txn,
             PGresult *pg)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  char case_id[32];

  txn->history = _scd_case_history_from_rows (pg, NULL, ids, &error);
  if (txn->history == NULL)
    {
      txn_return (txn, g_steal_pointer (&error));
      return;
    }
  txn->all_positions = g_array_new (FALSE, FALSE, sizeof (guint));
  for (int i = 0; i < PQntuples (pg); i++)
    {
      guint position = (guint) scd_pg_int (pg, i, scd_pg_column (pg, "position"));

      g_array_append_val (txn->all_positions, position);
      txn->next_position = MAX (txn->next_position, position + 1);
    }
  g_snprintf (case_id, sizeof case_id, "%" G_GINT64_FORMAT, txn->case_id);

  if (txn->op == OP_RECORD)
    {
      for (guint i = 0; i < txn->events->len; i++)
        {
          const ScClockEvent *event = &g_array_index (txn->events, ScClockEvent, i);

          if (!sc_case_check_event (txn->history, event, _scd_case_today (), &error))
            {
              txn_refuse (txn, g_steal_pointer (&error));
              return;
            }
          sc_case_history_add_event (txn->history, event, NULL);
          g_array_append_val (txn->all_positions, txn->next_position);
          txn->next_position++;
        }
      txn->next_position -= txn->events->len;
      txn->event = g_array_index (txn->events, ScClockEvent, 0);
      write_event (txn);
    }
  else if (txn->op == OP_EVENT)
    {
      ScPlanVersionKind kind;

      if (!sc_case_check_event (txn->history, &txn->event, _scd_case_today (), &error))
        {
          txn_refuse (txn, g_steal_pointer (&error));
          return;
        }
      sc_case_history_add_event (txn->history, &txn->event, NULL);
      g_array_append_val (txn->all_positions, txn->next_position);
      if (sc_plan_version_kind_for_event (sc_event_type_to_string (txn->event.type), &kind))
        {
          txn->version_kind = g_strdup (sc_plan_version_kind_to_string (kind));
          txn_next (txn, STEP_PLAN, case_id, NULL);
        }
      else
        write_event (txn);
    }
  else
    {
      g_autofree char *event_id = g_strdup_printf ("%" G_GINT64_FORMAT, txn->event_id);
      g_autofree char *user = g_strdup_printf ("%" G_GINT64_FORMAT, scd_actor_get_user_id (txn->actor));
      guint index = G_MAXUINT;

      for (guint i = 0; i < ids->len; i++)
        if (g_array_index (ids, gint64, i) == txn->event_id)
          index = i;
      if (index == G_MAXUINT)
        {
          GError *missing = g_error_new (SC_ERROR, SC_ERROR_NOT_FOUND,
                                         "no event %" G_GINT64_FORMAT " on case %" G_GINT64_FORMAT,
                                         txn->event_id, txn->case_id);

          sc_error_take_problem (missing, sc_problem_new (SC_ERROR_NOT_FOUND, missing->message));
          txn_refuse (txn, missing);
          return;
        }
      if (!sc_case_check_void (txn->history, index, &error))
        {
          txn_refuse (txn, g_steal_pointer (&error));
          return;
        }
      /* a dispute's step stays while its record holds it */
      if (sc_event_type_is_kept_by_record (sc_case_history_get_event (txn->history, index)->type))
        {
          sc_set_field_error (&error, "event", "is a step of a complaint, mediation or tribunal appeal: it stays "
                              "as its record holds it");
          txn_refuse (txn, g_steal_pointer (&error));
          return;
        }
      sc_case_history_void_event (txn->history, index, NULL);
      if (sc_case_get_stage (txn->history) == SC_CASE_STAGE_NONE)
        {
          sc_set_field_error (&error, "event",
                              "is the request that opened the case: record the events that correct it instead");
          txn_refuse (txn, g_steal_pointer (&error));
          return;
        }
      if (!still_legal (txn->history, &error))
        {
          txn_refuse (txn, g_steal_pointer (&error));
          return;
        }
      txn_next (txn, STEP_WRITE_EVENT, case_id, event_id, user, txn->reason, NULL);
    }
}

static void
write_clock (Txn *txn)
{
  g_autoptr(ScClockInput) input = sc_case_history_dup_clock_input (txn->history);
  g_autoptr(ScClockResult) clock = sc_clock_compute (input, sc_calendar_get_default (), _scd_case_today ());
  g_autoptr(GArray) positions = live_positions (txn);
  g_autofree char *next_due = NULL;
  g_autofree char *milestones = NULL;
  g_autofree char *position = txn->version_kind != NULL ? g_strdup_printf ("%u", txn->next_position) : NULL;
  const char *next_milestone = NULL;
  char case_id[32];

  milestones = _scd_case_milestones_json (clock, positions, &next_due, &next_milestone);
  g_snprintf (case_id, sizeof case_id, "%" G_GINT64_FORMAT, txn->case_id);
  txn->step = STEP_WRITE_CLOCK;
  g_clear_pointer (&txn->params, g_ptr_array_unref);
  txn->params = scd_params_new ();
  scd_params_add (txn->params, scd_actor_get_json (txn->actor));
  scd_params_add (txn->params, case_id);
  scd_params_add (txn->params, milestones);
  scd_params_add (txn->params, sc_case_stage_to_string (sc_case_get_stage (txn->history)));
  scd_params_add (txn->params, next_due);
  scd_params_add (txn->params, next_milestone);
  scd_params_add (txn->params, txn->version_kind);
  scd_params_add (txn->params, txn->plan_sections);
  scd_params_add (txn->params, txn->plan_warnings);
  scd_params_add (txn->params, position);
  scd_params_add (txn->params, txn->op == OP_RECORD ? "true" : NULL);
  txn_run (txn);
}

/* The record's statement: $1 the actor, $2 the case, then its own */
static void
write_record (Txn *txn)
{
  g_autofree char *case_id = g_strdup_printf ("%" G_GINT64_FORMAT, txn->case_id);

  txn->step = STEP_RECORD;
  g_clear_pointer (&txn->params, g_ptr_array_unref);
  txn->params = scd_params_new ();
  scd_params_add (txn->params, scd_actor_get_json (txn->actor));
  scd_params_add (txn->params, case_id);
  for (guint i = 0; i < txn->record_params->len; i++)
    scd_params_add (txn->params, g_ptr_array_index (txn->record_params, i));
  txn_run (txn);
}

static void
lock (Txn *txn)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, txn->case_id);
  g_autofree char *user = g_strdup_printf ("%" G_GINT64_FORMAT, scd_actor_get_user_id (txn->actor));

  txn_next (txn, STEP_LOCK, id, user, NULL);
}

static void
replayed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Txn *txn = user_data;
  GError *error = NULL;

  txn->created = scd_idempotency_replay_finish (result, &error);
  txn_return (txn, error);
}

static void
claimed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Txn *txn = user_data;
  GError *error = NULL;
  gboolean known;

  if (!scd_idempotency_claim_finish (result, &known, &error))
    txn_return (txn, error);
  else if (known)
    scd_idempotency_replay_async (txn->idempotency, txn->lease, txn->actor, replayed_cb, txn);
  else
    lock (txn);
}

static void
kept_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Txn *txn = user_data;
  GError *error = NULL;

  if (!scd_idempotency_keep_finish (result, &error))
    txn_return (txn, error);
  else
    txn_next (txn, STEP_COMMIT, (const char *) NULL, NULL);
}

/* The event and the case's clock are written: its answer, kept with the
 * key if there is one. */
static void
event_written (Txn *txn)
{
  g_autofree char *case_id = g_strdup_printf ("%" G_GINT64_FORMAT, txn->case_id);

  txn->created = scd_idempotency_answer (txn->idempotency, txn->result, case_id, txn->version);
  if (scd_idempotency_has_key (txn->idempotency))
    scd_idempotency_keep_async (txn->idempotency, txn->lease, txn->actor, txn->created, kept_cb, txn);
  else
    txn_next (txn, STEP_COMMIT, (const char *) NULL, NULL);
}

static void
step_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Txn *txn = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_lease_query_finish (txn->lease, result, &error);
  char case_id[32];

  if (pg == NULL)
    {
      /* The one unique key the clock's write can break: the case would be
       * open again beside another of its person's (ehc_case_one_open_idx). */
      if (txn->step == STEP_WRITE_CLOCK && g_error_matches (error, SC_ERROR, SC_ERROR_CONFLICT))
        {
          g_clear_error (&error);
          g_set_error_literal (&error, SC_ERROR, SC_ERROR_CONFLICT,
                               "this would open the case again while its person has another case open");
          sc_error_take_problem (error, sc_problem_new (SC_ERROR_CONFLICT, error->message));
        }
      if (txn->step == STEP_ROLLBACK || txn->step == STEP_DENIED)
        txn_return (txn, g_steal_pointer (&txn->error));
      else
        txn_return (txn, g_steal_pointer (&error));
      return;
    }
  g_snprintf (case_id, sizeof case_id, "%" G_GINT64_FORMAT, txn->case_id);

  switch (txn->step)
    {
    case STEP_BEGIN:
      if (txn->op == OP_EVENT && scd_idempotency_has_key (txn->idempotency))
        scd_idempotency_claim_async (txn->idempotency, txn->lease, txn->actor, claimed_cb, txn);
      else
        lock (txn);
      return;

    case STEP_LOCK:
      locked (txn, pg);
      return;

    case STEP_EVENTS:
      events_read (txn, pg);
      return;

    case STEP_PLAN:
      plan_read (txn, pg);
      return;

    case STEP_WRITE_EVENT:
      if (PQntuples (pg) != 1 ||
          (txn->result = _scd_case_event_from_row (pg, 0, &error)) == NULL)
        {
          txn_return (txn, error != NULL ? g_steal_pointer (&error) :
                      g_error_new_literal (SC_ERROR, SC_ERROR_INTERNAL, "the event was not written"));
          return;
        }
      if (txn->op == OP_RECORD && ++txn->written < txn->events->len)
        {
          g_clear_object (&txn->result);
          txn->next_position++;
          txn->event = g_array_index (txn->events, ScClockEvent, txn->written);
          write_event (txn);
          return;
        }
      if (txn->op == OP_RECORD)
        g_clear_object (&txn->result);
      write_clock (txn);
      return;

    case STEP_WRITE_CLOCK:
      txn->version = scd_pg_int (pg, 0, scd_pg_column (pg, "version"));
      if (txn->op == OP_EVENT)
        event_written (txn);
      else if (txn->op == OP_RECORD)
        write_record (txn);
      else
        txn_next (txn, STEP_COMMIT, (const char *) NULL, NULL);
      return;

    case STEP_RECORD:
      txn->record = txn->record_read (pg, txn->record_data, &error);
      if (txn->record == NULL)
        {
          txn_refuse (txn, g_steal_pointer (&error));
          return;
        }
      txn_next (txn, STEP_COMMIT, (const char *) NULL, NULL);
      return;

    case STEP_UPDATE:
      if (!scd_pg_bool (pg, 0, scd_pg_column (pg, "owner_ok")))
        {
          sc_set_field_error (&error, "owner_id", "is not the id of an active caseworker or team manager");
          txn_refuse (txn, g_steal_pointer (&error));
          return;
        }
      txn->version = scd_pg_int (pg, 0, scd_pg_column (pg, "version"));
      if (txn->assignees != NULL)
        txn_next (txn, STEP_CLEAR_ASSIGNEES, case_id, NULL);
      else
        txn_next (txn, STEP_READ, case_id, NULL);
      return;

    case STEP_CLEAR_ASSIGNEES:
      txn_next (txn, STEP_ASSIGN, case_id, txn->assignees, NULL);
      return;

    case STEP_ASSIGN:
      if ((guint) PQntuples (pg) != txn->n_assignees)
        {
          sc_set_field_error (&error, "assignee_ids", "must be ids of active caseworkers or team managers");
          txn_refuse (txn, g_steal_pointer (&error));
          return;
        }
      txn_next (txn, STEP_READ, case_id, NULL);
      return;

    case STEP_READ:
      if (PQntuples (pg) != 1)
        {
          txn_return (txn, _scd_case_no_case (txn->case_id));
          return;
        }
      txn->result = _scd_case_from_row (pg, 0);
      txn_next (txn, STEP_COMMIT, (const char *) NULL, NULL);
      return;

    case STEP_COMMIT:
      txn_return (txn, NULL);
      return;

    case STEP_ROLLBACK:
      txn_return (txn, g_steal_pointer (&txn->error));
      return;

    case STEP_DENIED:
      txn_return (txn, g_steal_pointer (&txn->error));
      return;

    default:
      g_assert_not_reached ();
    }
}

/* STEP_DENIED runs in two statements: the rollback, then the row. */
static void
denied_rollback_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Txn *txn = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_lease_query_finish (txn->lease, result, &error);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, txn->case_id);
  const char *params[] = { scd_actor_get_json (txn->actor), id };

  if (pg == NULL)
    {
      txn_return (txn, g_steal_pointer (&txn->error));
      return;
    }
  scd_db_lease_query_async (txn->lease, denied_sql, params, G_N_ELEMENTS (params), NULL, step_cb, txn);
}

static void
txn_run (Txn *txn)
{
  const char *sql;

  switch (txn->step)
    {
    case STEP_BEGIN: sql = "BEGIN"; break;
    case STEP_LOCK: sql = lock_sql; break;
    case STEP_EVENTS: sql = events_sql; break;
    case STEP_PLAN: sql = plan_sql; break;
    case STEP_WRITE_EVENT: sql = txn->op == OP_VOID ? void_event_sql : insert_event_sql; break;
    case STEP_WRITE_CLOCK: sql = write_clock_sql; break;
    case STEP_UPDATE: sql = update_sql; break;
    case STEP_CLEAR_ASSIGNEES: sql = clear_assignees_sql; break;
    case STEP_ASSIGN: sql = assign_sql; break;
    case STEP_READ: sql = read_sql; break;
    case STEP_RECORD: sql = txn->record_sql; break;
    case STEP_COMMIT: sql = "COMMIT"; break;
    case STEP_ROLLBACK: sql = "ROLLBACK"; break;
    case STEP_DENIED:
      scd_db_lease_query_async (txn->lease, "ROLLBACK", NULL, 0, NULL, denied_rollback_cb, txn);
      return;
    default: g_assert_not_reached ();
    }
  if (txn->step == STEP_COMMIT || txn->step == STEP_ROLLBACK || txn->step == STEP_BEGIN)
    scd_db_lease_query_async (txn->lease, sql, NULL, 0, NULL, step_cb, txn);
  else
    scd_db_lease_query_async (txn->lease, sql, scd_params_values (txn->params), txn->params->len, NULL, step_cb,
                              txn);
}

static void
acquired_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Txn *txn = user_data;
  g_autoptr(GError) error = NULL;

  txn->lease = scd_db_acquire_finish (SCD_DB (object), result, &error);
  if (txn->lease == NULL)
    {
      txn_return (txn, g_steal_pointer (&error));
      return;
    }
  txn->step = STEP_BEGIN;
  txn_run (txn);
}

static Txn *
txn_new (ScdCaseStore        *self,
         const ScdActor      *actor,
         Op                   op,
         gint64               case_id,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data,
         gpointer             source_tag)
{
  Txn *txn = g_new0 (Txn, 1);

  txn->task = scd_store_task_new (self, cancellable, callback, user_data, source_tag);
  g_task_set_task_data (txn->task, g_new0 (Answer, 1), g_free);
  txn->actor = scd_actor_ref ((ScdActor *) actor);
  txn->op = op;
  txn->case_id = case_id;
  return txn;
}

static void
txn_start (ScdCaseStore *self,
           Txn          *txn)
{
  scd_db_acquire_async (scd_store_get_db (SCD_STORE (self)), g_task_get_cancellable (txn->task), acquired_cb, txn);
}

void
scd_case_store_add_event_async (ScdCaseStore        *self,
                                const ScdActor      *actor,
                                gint64               case_id,
                                const ScClockEvent  *event,
                                const char          *note,
                                ScdIdempotency      *idempotency,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Txn *txn;

  g_return_if_fail (SCD_IS_CASE_STORE (self));
  g_return_if_fail (event != NULL);

  txn = txn_new (self, actor, OP_EVENT, case_id, cancellable, callback, user_data, scd_case_store_add_event_async);
  txn->event = *event;
  txn->key = g_strdup (event->key);
  txn->event.key = txn->key;
  txn->note = g_strdup (note);
  txn->idempotency = scd_idempotency_copy (idempotency);
  /* keys belong to a signed-in user */
  g_assert (!scd_idempotency_has_key (idempotency) || scd_actor_get_user_id (actor) > 0);
  txn_start (self, txn);
}

void
scd_case_store_void_event_async (ScdCaseStore        *self,
                                 const ScdActor      *actor,
                                 gint64               case_id,
                                 gint64               event_id,
                                 const char          *reason,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Txn *txn;

  g_return_if_fail (SCD_IS_CASE_STORE (self));
  g_return_if_fail (reason != NULL);

  txn = txn_new (self, actor, OP_VOID, case_id, cancellable, callback, user_data, scd_case_store_void_event_async);
  txn->event_id = event_id;
  txn->reason = g_strdup (reason);
  txn_start (self, txn);
}

ScdCreated *
scd_case_store_add_event_finish (ScdCaseStore  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == scd_case_store_add_event_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

ScCaseEvent *
scd_case_store_event_finish (ScdCaseStore  *self,
                             GAsyncResult  *result,
                             gint64        *case_version,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (case_version != NULL)
    *case_version = ((Answer *) g_task_get_task_data (G_TASK (result)))->version;
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_case_store_update_async (ScdCaseStore        *self,
                             const ScdActor      *actor,
                             gint64               id,
                             gint64               version,
                             JsonObject          *change,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonNode *assignees;
  Txn *txn;

  g_return_if_fail (SCD_IS_CASE_STORE (self));
  g_return_if_fail (change != NULL);

  txn = txn_new (self, actor, OP_UPDATE, id, cancellable, callback, user_data, scd_case_store_update_async);
  /* compared once the case is locked */
  txn->if_match = version;
  json_node_set_object (node, change);
  txn->change = json_to_string (node, FALSE);
  assignees = json_object_get_member (change, "assignee_ids");
  if (assignees != NULL && JSON_NODE_HOLDS_ARRAY (assignees))
    {
      JsonArray *array = json_node_get_array (assignees);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      GString *text = g_string_new ("{");

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gint64 *user = g_new (gint64, 1);

          *user = json_array_get_int_element (array, i);
          if (g_hash_table_contains (seen, user))
            {
              g_free (user);
              continue;
            }
          g_hash_table_add (seen, user);
          g_string_append_printf (text, "%s%" G_GINT64_FORMAT, txn->n_assignees++ > 0 ? "," : "", *user);
        }
      g_string_append_c (text, '}');
      txn->assignees = g_string_free (text, FALSE);
    }
  txn_start (self, txn);
}

ScCase *
scd_case_store_update_finish (ScdCaseStore  *self,
                              GAsyncResult  *result,
                              gint64        *current_version,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (current_version != NULL)
    *current_version = ((Answer *) g_task_get_task_data (G_TASK (result)))->version;
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
_scd_case_store_record_async (ScdCaseStore        *self,
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
                              gpointer             user_data)
{
  Txn *txn;

  g_return_if_fail (SCD_IS_CASE_STORE (self));
  g_return_if_fail (events != NULL && sql != NULL && params != NULL && read != NULL);

  txn = txn_new (self, actor, OP_RECORD, case_id, cancellable, callback, user_data, _scd_case_store_record_async);
  txn->events = g_array_new (FALSE, FALSE, sizeof (ScClockEvent));
  txn->keys = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < events->len; i++)
    {
      ScClockEvent event = g_array_index (events, ScClockEvent, i);
      char *key = g_strdup (event.key);

      g_ptr_array_add (txn->keys, key);
      event.key = key;
      g_array_append_val (txn->events, event);
    }
  txn->record_sql = g_strdup (sql);
  txn->record_params = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < params->len; i++)
    g_ptr_array_add (txn->record_params, g_strdup (g_ptr_array_index (params, i)));
  txn->record_read = read;
  txn->record_data = read_data;
  txn->record_free = free_record;
  txn_start (self, txn);
}

gpointer
_scd_case_store_record_finish (ScdCaseStore  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == _scd_case_store_record_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
