/* scd-case-handlers.c
 *
 * EHC cases: open one (with its request for an assessment), find them, read
 * one, change its details (If-Match), record an event or void one, read its
 * events and its timeline (the statutory clock over its live events, the
 * JSON `sendcasectl timeline` prints). Cases are case content
 * (docs/access.md); who may change which case is the case store's to decide,
 * where the case is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-cases"

#include "config.h"

#include <string.h>

#include "sc-case-rules.h"
#include "sc-json.h"
#include "sc-problem.h"
#include "scd-handlers.h"

static void
reply_case (ScdRequest *request,
            guint       status,
            ScCase     *kase)
{
  scd_handler_set_etag (request, sc_case_get_version (kase));
  scd_handler_reply_model (request, status, kase, (ScWriteJsonFunc) sc_case_write_json);
}

static gboolean
read_id (JsonObject  *body,
         const char  *member,
         gboolean     required,
         gint64      *out,
         GError     **error)
{
  JsonNode *node = json_object_get_member (body, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        sc_set_field_error (error, member, "is required");
      return FALSE;
    }
  if (!sc_json_read_int (body, member, required, out, error))
    return FALSE;
  if (*out <= 0)
    {
      sc_set_field_error (error, member, "must be a positive whole number");
      return FALSE;
    }
  return TRUE;
}

#define MAX_HANDOVER_CASES 1000

/* A list of @min to @max ids; NULL, with a field error, otherwise. */
static GArray *
read_ids (JsonObject  *body,
          const char  *member,
          guint        min,
          guint        max,
          GError     **error)
{
  JsonNode *node = json_object_get_member (body, member);
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 id = JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_INT64 ?
                  json_node_get_int (element) : 0;

      if (id <= 0)
        array = NULL;
      else
        g_array_append_val (ids, id);
    }
  if (array == NULL || ids->len < min || ids->len > max)
    {
      sc_set_field_error (error, member, "must be a list of %u to %u ids", min, max);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static void
check_text (JsonObject  *body,
            const char  *member,
            glong        max_chars,
            const char **out,
            GError     **error)
{
  if (sc_json_read_string (body, member, FALSE, out, error) && *out != NULL &&
      g_utf8_strlen (*out, -1) > max_chars)
    sc_set_field_error (error, member, "must be at most %ld characters", max_chars);
}

/* --- list ---------------------------------------------------------------- */

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GPtrArray) cases = scd_case_store_list_finish (SCD_CASE_STORE (object), result, &next, &error);

  if (cases == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, cases, next, (ScWriteJsonFunc) sc_case_write_json);
}

static const char * const stages[] = {
  "requested", "assessing", "drafting", "final", "under_review", "ceasing", "ceased", "transferred_out",
  "closed", NULL
};

/* The q (the child searched for) and stage of a list of cases */
static void
read_match (ScdRequest  *request,
            const char **query,
            const char **stage,
            GError     **error)
{
  *query = scd_handler_get_query_text (request, "q", error);
  if (*query != NULL && g_utf8_strlen (*query, -1) > SCD_CASE_QUERY_MAX_CHARS)
    sc_set_field_error (error, "q", "must be at most %d characters", SCD_CASE_QUERY_MAX_CHARS);
  *stage = scd_handler_get_query_text (request, "stage", error);
  if (*stage != NULL && !g_strv_contains (stages, *stage))
    sc_set_field_error (error, "stage", "is not a stage of a case");
}

void
scd_case_handler_list (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  const char *query;
  const char *stage;
  gint64 owner_id = 0;
  gint64 after = 0;
  guint limit = 0;

  scd_handler_parse_limit (request, &limit, &error);
  scd_handler_parse_cursor (request, &after, &error);
  read_match (request, &query, &stage, &error);
  scd_handler_read_owner (request, &owner_id, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_case_store_list_async (scd_handler_stores (request)->cases, scd_request_get_actor (request), query, stage,
                             owner_id, after, limit, scd_request_get_cancellable (request), list_cb,
                             scd_handler_hold (request));
}

/* --- caseload --------------------------------------------------------------- */

#define CASELOAD_MAX_DAYS 3650

static void
caseload_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GPtrArray) cases = scd_case_store_caseload_finish (SCD_CASE_STORE (object), result, &next, &error);

  if (cases == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, cases, next, (ScWriteJsonFunc) sc_case_write_json);
}

/* GET /caseload (one owner's: by default the caller's) and GET /deadlines
 * (by default the whole team's) read the same query. */
static void
caseload_query (ScdRequest *request,
                gint64      default_owner)
{
  g_autoptr(GError) error = NULL;
  const char *status = scd_handler_get_query_text (request, "status", &error);
  const char *within = scd_handler_get_query_text (request, "due_within", &error);
  const char *cursor = scd_handler_get_query_text (request, "cursor", &error);
  ScdCaseloadFilter filter = { .owner_id = default_owner, .status = SCD_CASELOAD_ALL, .due_within = -1 };
  ScDay after_due = SC_DAY_NONE;
  gint64 after_id = 0;
  guint limit = 0;

  scd_handler_parse_limit (request, &limit, &error);
  scd_handler_read_owner (request, &filter.owner_id, &error);
  read_match (request, &filter.query, &filter.stage, &error);
  if (status == NULL || g_str_equal (status, "all"))
    filter.status = SCD_CASELOAD_ALL;
  else if (g_str_equal (status, "overdue"))
    filter.status = SCD_CASELOAD_OVERDUE;
  else if (g_str_equal (status, "due"))
    filter.status = SCD_CASELOAD_DUE;
  else
    sc_set_field_error (&error, "status", "must be overdue, due or all");
  if (within != NULL)
    {
      guint64 value;

      if (g_ascii_string_to_unsigned (within, 10, 0, CASELOAD_MAX_DAYS, &value, NULL))
        filter.due_within = (int) value;
      else
        sc_set_field_error (&error, "due_within", "must be a number of days, 0 to %d", CASELOAD_MAX_DAYS);
    }
  if (cursor != NULL)
    {
      const char *dot = strchr (cursor, '.');
      g_autofree char *date = dot != NULL ? g_strndup (cursor, dot - cursor) : NULL;
      guint64 value;

      if (date == NULL || !sc_day_parse (date, &after_due) ||
          !g_ascii_string_to_unsigned (dot + 1, 10, 1, G_MAXINT64, &value, NULL))
        sc_set_field_error (&error, "cursor", "is not a cursor this server gave out");
      else
        after_id = (gint64) value;
    }
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_case_store_caseload_async (scd_handler_stores (request)->cases, scd_request_get_actor (request), &filter,
                                 after_due, after_id, limit,
                                 scd_request_get_cancellable (request), caseload_cb, scd_handler_hold (request));
}

void
scd_case_handler_caseload (ScdRequest *request)
{
  caseload_query (request, scd_actor_get_user_id (scd_request_get_actor (request)));
}

void
scd_case_handler_deadlines (ScdRequest *request)
{
  caseload_query (request, 0);
}

/* --- the team ------------------------------------------------------------ */

static void
advice_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GPtrArray) rows = scd_case_store_advice_finish (SCD_CASE_STORE (object), result, &next, &error);

  if (rows == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, rows, next, (ScWriteJsonFunc) sc_advice_request_write_json);
}

void
scd_case_handler_advice (ScdRequest *request)
{
  ScdChaseQuery query;

  if (scd_handler_read_chase_query (request, &query))
    scd_case_store_advice_async (scd_handler_stores (request)->cases, scd_request_get_actor (request),
                                 query.owner_id, query.overdue_only, query.after_due, query.after_case,
                                 query.after_position, query.limit, scd_request_get_cancellable (request),
                                 advice_cb, scd_handler_hold (request));
}

static void
workload_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = scd_case_store_workload_finish (SCD_CASE_STORE (object), result, &error);

  if (rows == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, rows, NULL, (ScWriteJsonFunc) sc_workload_write_json);
}

void
scd_case_handler_workload (ScdRequest *request)
{
  scd_case_store_workload_async (scd_handler_stores (request)->cases, scd_request_get_actor (request), 0,
                                 scd_request_get_cancellable (request), workload_cb, scd_handler_hold (request));
}

static void
counts_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = scd_case_store_workload_finish (SCD_CASE_STORE (object), result, &error);

  if (rows == NULL)
    scd_request_reply_error (request, error);
  else if (rows->len == 0)
    scd_request_reply_problem_printf (request, SC_ERROR_NOT_FOUND, "no user %s",
                                      (const char *) scd_request_get_data (request, "owner"));
  else
    scd_handler_reply_model (request, SOUP_STATUS_OK, g_ptr_array_index (rows, 0),
                             (ScWriteJsonFunc) sc_workload_write_json);
}

/* GET /caseload/counts: one owner's workload row, which any reader of
 * caseloads may see of their own caseload or anyone's. */
void
scd_case_handler_caseload_counts (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  gint64 owner_id = scd_actor_get_user_id (scd_request_get_actor (request));

  scd_handler_read_owner (request, &owner_id, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_request_set_data (request, "owner", g_strdup_printf ("%" G_GINT64_FORMAT, owner_id), g_free);
  scd_case_store_workload_async (scd_handler_stores (request)->cases, scd_request_get_actor (request), owner_id,
                                 scd_request_get_cancellable (request), counts_cb, scd_handler_hold (request));
}

static void
handover_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = scd_case_store_handover_finish (SCD_CASE_STORE (object), result, &error);

  if (cases == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, cases, NULL, (ScWriteJsonFunc) sc_case_write_json);
}

static const char * const handover_members[] = { "from_owner_id", "to_owner_id", "case_ids", "note", NULL };

void
scd_case_handler_handover (ScdRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) case_ids = NULL;
  const char *note = NULL;
  gint64 from = 0;
  gint64 to = 0;

  body = scd_handler_read_body (request, handover_members, &error);
  if (body == NULL)
    return;
  read_id (body, "from_owner_id", TRUE, &from, &error);
  if (read_id (body, "to_owner_id", TRUE, &to, &error) && to == from)
    sc_set_field_error (&error, "to_owner_id", "is the cases' owner already");
  if (json_object_has_member (body, "case_ids"))
    case_ids = read_ids (body, "case_ids", 1, MAX_HANDOVER_CASES, &error);
  check_text (body, "note", SC_CASE_NOTES_MAX_CHARS, &note, &error);
  if (note == NULL || *note == '\0')
    sc_set_field_error (&error, "note", "is required: the new owner reads it first");
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_case_store_handover_async (scd_handler_stores (request)->cases, scd_request_get_actor (request), from, to,
                                 case_ids, note, scd_request_get_cancellable (request), handover_cb,
                                 scd_handler_hold (request));
}

/* --- get ----------------------------------------------------------------- */

static void
get_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCase) kase = scd_case_store_get_finish (SCD_CASE_STORE (object), result, &error);

  if (kase == NULL)
    scd_request_reply_error (request, error);
  else
    reply_case (request, SOUP_STATUS_OK, kase);
}

void
scd_case_handler_get (ScdRequest *request)
{
  gint64 id;

  if (scd_handler_parse_id (request, "case", &id))
    scd_case_store_get_async (scd_handler_stores (request)->cases, scd_request_get_actor (request), id,
                              scd_request_get_cancellable (request), get_cb, scd_handler_hold (request));
}

/* --- create -------------------------------------------------------------- */

static void
case_answer (GObject    *model,
             ScdCreated *created)
{
  scd_handler_answer_created (created, model, (ScWriteJsonFunc) sc_case_write_json, "/api/v1/cases",
                              sc_case_get_id (SC_CASE (model)), sc_case_get_version (SC_CASE (model)));
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScdCreated) created = scd_case_store_create_finish (SCD_CASE_STORE (object), result, &error);

  if (created == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_created (request, created);
}

static const char * const create_members[] = {
  "person_id", "request_received", "request_source", "owner_id", NULL
};

void
scd_case_handler_create (ScdRequest *request)
{
  const ScdActor *actor = scd_request_get_actor (request);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScdIdempotency) idempotency = NULL;
  const char *received = NULL;
  const char *source = NULL;
  gint64 person_id = 0;
  gint64 owner_id = 0;
  ScDay day = SC_DAY_NONE;
  gboolean manager = g_strcmp0 (scd_actor_get_role (actor), "team_manager") == 0;

  body = scd_handler_read_body (request, create_members, &error);
  if (body == NULL)
    return;
  read_id (body, "person_id", TRUE, &person_id, &error);
  if (sc_json_read_string (body, "request_received", TRUE, &received, &error) && received != NULL &&
      !sc_day_parse (received, &day))
    sc_set_field_error (&error, "request_received", "must be a date (YYYY-MM-DD)");
  if (sc_json_read_string (body, "request_source", TRUE, &source, &error) && source != NULL)
    sc_case_check_request_source (source, &error);
  if (read_id (body, "owner_id", manager, &owner_id, &error) && !manager &&
      owner_id != scd_actor_get_user_id (actor))
    sc_set_field_error (&error, "owner_id", "must be your own id: a caseworker opens the cases they own");
  if (!manager)
    owner_id = scd_actor_get_user_id (actor);
  idempotency = scd_handler_idempotency (request, case_answer, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_case_store_create_async (scd_handler_stores (request)->cases, actor, person_id, owner_id, day, source,
                               idempotency, scd_request_get_cancellable (request), created_cb,
                               scd_handler_hold (request));
}

/* --- update -------------------------------------------------------------- */

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  gint64 current = 0;
  g_autoptr(ScCase) kase = scd_case_store_update_finish (SCD_CASE_STORE (object), result, &current, &error);

  if (g_error_matches (error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED))
    scd_handler_set_etag (request, current);
  if (kase == NULL)
    scd_request_reply_error (request, error);
  else
    reply_case (request, SOUP_STATUS_OK, kase);
}

#define MAX_ASSIGNEES 20

static const char * const update_members[] = {
  "notes", "handover_note", "owner_id", "assignee_ids", "restricted", NULL
};

void
scd_case_handler_update (ScdRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = NULL;
  gboolean restricted = FALSE;
  gint64 owner_id = 0;
  gint64 version = 0;
  gint64 id;
  g_autoptr(GArray) assignees = NULL;

  if (!scd_handler_parse_id (request, "case", &id))
    return;
  body = scd_handler_read_body (request, update_members, &error);
  if (body == NULL)
    return;
  check_text (body, "notes", SC_CASE_NOTES_MAX_CHARS, &text, &error);
  check_text (body, "handover_note", SC_CASE_NOTES_MAX_CHARS, &text, &error);
  if (json_object_has_member (body, "owner_id"))
    read_id (body, "owner_id", TRUE, &owner_id, &error);
  if (json_object_has_member (body, "restricted"))
    sc_json_read_boolean (body, "restricted", TRUE, &restricted, NULL, &error);
  if (json_object_has_member (body, "assignee_ids"))
    assignees = read_ids (body, "assignee_ids", 0, MAX_ASSIGNEES, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  if (!scd_request_get_if_match (request, &version, &error))
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_case_store_update_async (scd_handler_stores (request)->cases, scd_request_get_actor (request), id, version,
                               body, scd_request_get_cancellable (request), updated_cb,
                               scd_handler_hold (request));
}

/* --- events -------------------------------------------------------------- */

static void
event_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  gint64 version = 0;
  g_autoptr(ScCaseEvent) event = scd_case_store_event_finish (SCD_CASE_STORE (object), result, &version, &error);

  if (event == NULL)
    scd_request_reply_error (request, error);
  else
    {
      /* the case's version: the ETag of its next change */
      scd_handler_set_etag (request, version);
      scd_handler_reply_model (request, SOUP_STATUS_OK, event, (ScWriteJsonFunc) sc_case_event_write_json);
    }
}

/* 201 with the event, the case's new version as the ETag; no Location, as
 * no route reads one event alone (the case's events list holds it). */
static void
event_answer (GObject    *model,
              ScdCreated *created)
{
  scd_handler_answer_created (created, model, (ScWriteJsonFunc) sc_case_event_write_json, NULL,
                              sc_case_event_get_id (SC_CASE_EVENT (model)), created->version);
}

static void
event_added_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScdCreated) created = scd_case_store_add_event_finish (SCD_CASE_STORE (object), result, &error);

  if (created == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_created (request, created);
}

static const char * const note_member[] = { "note", NULL };

void
scd_case_handler_add_event (ScdRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!scd_handler_parse_id (request, "case", &id))
    return;
  body = scd_handler_read_body (request, sc_case_event_input_members, &error);
  if (body == NULL)
    return;
  /* a dispute's steps are its record's: written with it, or not at all */
  {
    const char *type = NULL;
    ScEventType parsed;

    if (sc_json_read_string (body, "type", FALSE, &type, NULL) && type != NULL &&
        sc_event_type_from_string (type, &parsed) && sc_event_type_is_kept_by_record (parsed))
      {
        sc_set_field_error (&error, "type", "is recorded with its complaint, mediation or tribunal appeal "
                            "(/api/v1/complaints, /mediations or /appeals and each one's PUT), not as an event of "
                            "its own");
        scd_request_reply_error (request, error);
        return;
      }
  }
  scd_case_handler_record_event (request, id, body);
}

void
scd_case_handler_record_event (ScdRequest *request,
                               gint64      id,
                               JsonObject *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScdIdempotency) idempotency = NULL;
  g_autofree char *key = NULL;
  const char *note = NULL;
  ScClockEvent event = { 0 };

  check_text (body, "note", SC_CASE_EVENT_NOTE_MAX_CHARS, &note, &error);
  if (error == NULL)
    sc_case_event_read_clock_event (body, note_member, &event, &key, &error);
  idempotency = scd_handler_idempotency (request, event_answer, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_case_store_add_event_async (scd_handler_stores (request)->cases, scd_request_get_actor (request), id, &event,
                                  note, idempotency, scd_request_get_cancellable (request), event_added_cb,
                                  scd_handler_hold (request));
}

static const char * const void_members[] = { "reason", NULL };

void
scd_case_handler_void_event (ScdRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = scd_request_get_param (request, "event_id");
  const char *reason = NULL;
  g_autofree char *trimmed = NULL;
  guint64 event_id = 0;
  gint64 id;

  if (!scd_handler_parse_id (request, "case", &id))
    return;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &event_id, NULL))
    {
      scd_request_reply_problem_printf (request, SC_ERROR_NOT_FOUND, "no event %s", text);
      return;
    }
  body = scd_handler_read_body (request, void_members, &error);
  if (body == NULL)
    return;
  if (sc_json_read_string (body, "reason", TRUE, &reason, &error) &&
      (g_utf8_strlen ((trimmed = g_strstrip (g_strdup (reason))), -1) == 0 ||
       g_utf8_strlen (reason, -1) > SC_CASE_EVENT_NOTE_MAX_CHARS))
    sc_set_field_error (&error, "reason", "must be 1 to %d characters, and say why", SC_CASE_EVENT_NOTE_MAX_CHARS);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_case_store_void_event_async (scd_handler_stores (request)->cases, scd_request_get_actor (request), id,
                                   (gint64) event_id, reason, scd_request_get_cancellable (request), event_cb,
                                   scd_handler_hold (request));
}

static void
events_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = scd_case_store_list_events_finish (SCD_CASE_STORE (object), result, &error);

  if (events == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, events, NULL, (ScWriteJsonFunc) sc_case_event_write_json);
}

void
scd_case_handler_list_events (ScdRequest *request)
{
  gint64 id;

  if (scd_handler_parse_id (request, "case", &id))
    scd_case_store_list_events_async (scd_handler_stores (request)->cases, scd_request_get_actor (request), id,
                                      scd_request_get_cancellable (request), events_cb,
                                      scd_handler_hold (request));
}

static void
timeline_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScClockResult) clock = scd_case_store_timeline_finish (SCD_CASE_STORE (object), result, &error);

  if (clock == NULL)
    scd_request_reply_error (request, error);
  else
    scd_request_reply_json (request, SOUP_STATUS_OK, sc_clock_result_to_json (clock));
}

void
scd_case_handler_timeline (ScdRequest *request)
{
  gint64 id;

  if (scd_handler_parse_id (request, "case", &id))
    scd_case_store_timeline_async (scd_handler_stores (request)->cases, scd_request_get_actor (request), id,
                                   scd_request_get_cancellable (request), timeline_cb,
                                   scd_handler_hold (request));
}
