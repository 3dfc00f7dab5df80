/* sc-clock-json.c
 *
 * The clock's JSON codecs (docs/statutory-clock.md), written out member by
 * member: JsonObject in, JsonBuilder out, never json_gobject_*.
 *
 * Reading is strict about what the clock uses and lenient about the rest. A
 * member the clock reads must have the right type and value, or the whole
 * input is refused with "event N: problem" (N counts from 0 in input
 * order). A member it does not read, at the top level or in an event, is
 * ignored with an `ignored_member` warning: a newer client's extra field
 * still gets a clock, and a typo such as "phase_trasfer" is not silent.
 *
 * The text is first checked by sc_json_check_object_text (sc-json.c): one
 * object, nested at most SC_CLOCK_MAX_DEPTH deep, with well-formed strings,
 * since json-glib 1.6 crashes or leaks on worse (tests/fuzz/fuzz-clock.c
 * holds the clock to that).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-clock"

#include "config.h"

#include <string.h>

#include "sc-clock-private.h"
#include "sc-error.h"
#include "sc-json.h"
#include "sc-problem.h"

#define SC_CLOCK_MAX_DEPTH 64
/* Field errors kept for one input; the message names the first. */
#define MAX_FIELD_ERRORS 50

typedef struct
{
  GError **error;
  guint    n_errors;
} Reader;

#define report(reader, index, field, ...) \
  G_STMT_START { \
    if ((reader)->n_errors++ < MAX_FIELD_ERRORS) \
      _sc_clock_input_error ((reader)->error, (index), (field), __VA_ARGS__); \
  } G_STMT_END

static gboolean
holds_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
holds_int (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* Reads a date member; absent or null leaves *@out alone. */
static gboolean
read_date (Reader     *reader,
           JsonNode   *node,
           int         index,
           const char *field,
           ScDay      *out)
{
  g_autofree char *quoted = NULL;
  char formatted[SC_DAY_STRING_SIZE];
  ScDay day;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!holds_string (node))
    {
      report (reader, index, field, "field \"%s\" must be a date (YYYY-MM-DD)", field);
      return FALSE;
    }
  if (!sc_day_parse (json_node_get_string (node), &day))
    {
      quoted = _sc_clock_quote (json_node_get_string (node));
      report (reader, index, field, "field \"%s\" is not a valid date (YYYY-MM-DD): \"%s\"",
              field, quoted);
      return FALSE;
    }
  if (!sc_day_is_in_range (day))
    {
      report (reader, index, field, "field \"%s\" is outside the years %d-%d: \"%s\"", field,
              SC_DAY_FIRST_YEAR, SC_DAY_LAST_YEAR, sc_day_format (day, formatted));
      return FALSE;
    }
  *out = day;
  return TRUE;
}

/* The value of an enumerated member: 0 when absent or null (the event
 * check says "missing"), past the last value when unknown or not a string
 * (it says "must be one of ..."). */
static guint
read_enum (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return 0;
  return _sc_clock_enum_parse (member, holds_string (node) ? json_node_get_string (node) : "");
}

/* An optional count: 0 when absent or null, -1 (which the event check
 * reports) when it is not a whole number from 1 to SC_CLOCK_MAX_COUNT. */
static int
read_count (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return 0;
  if (!holds_int (node))
    return -1;
  value = json_node_get_int (node);
  return value >= 1 && value <= SC_CLOCK_MAX_COUNT ? (int) value : -1;
}

static gboolean
read_event (Reader       *reader,
            ScClockInput *input,
            JsonNode     *element,
            int           index,
            ScClockEvent *event)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  guint fields;

  memset (event, 0, sizeof *event);

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      report (reader, index, NULL, "must be a JSON object");
      return FALSE;
    }
  object = json_node_get_object (element);

  node = json_object_get_member (object, "type");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      report (reader, index, "type", "missing required field \"type\"");
      return FALSE;
    }
  if (!holds_string (node))
    {
      report (reader, index, "type", "field \"type\" must be a string");
      return FALSE;
    }
  if (!sc_event_type_from_string (json_node_get_string (node), &event->type))
    {
      g_autofree char *quoted = _sc_clock_quote (json_node_get_string (node));
      const char *suggestion = _sc_event_type_suggest (json_node_get_string (node));

      if (suggestion != NULL)
        report (reader, index, "type", "unknown event type \"%s\" (did you mean \"%s\"?)",
                quoted, suggestion);
      else
        report (reader, index, "type", "unknown event type \"%s\"", quoted);
      return FALSE;
    }
  fields = _sc_event_type_get_fields (event->type);

  node = json_object_get_member (object, "date");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      report (reader, index, "date", "missing required field \"date\"");
      return FALSE;
    }
  if (!read_date (reader, node, index, "date", &event->date))
    return FALSE;

  if (fields & SC_FIELD_KEY)
    {
      node = json_object_get_member (object, "key");
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        {
          if (!holds_string (node))
            {
              report (reader, index, "key", "field \"key\" must be a string");
              return FALSE;
            }
          event->key = json_node_get_string (node);
        }
    }
  if (fields & SC_FIELD_REASON)
    event->reason = read_enum (object, "reason");
  if (fields & SC_FIELD_OUTCOME)
    event->outcome = read_enum (object, "outcome");
  if (fields & SC_FIELD_ORDER)
    event->order = read_enum (object, "order");
  if (fields & SC_FIELD_TRANSFER)
    {
      node = json_object_get_member (object, "transfer_year");
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        {
          gint64 year;

          if (!holds_int (node))
            {
              report (reader, index, "transfer_year",
                      "field \"transfer_year\" must be a whole number");
              return FALSE;
            }
          year = json_node_get_int (node);
          /* out of range becomes -1, which the event check reports */
          event->transfer_year = year >= 1 && year <= 9999 ? (int) year : -1;
        }
      event->route = read_enum (object, "route");
    }
  if (fields & SC_FIELD_STAGE)
    {
      node = json_object_get_member (object, "stage");
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        {
          gint64 stage = holds_int (node) ? json_node_get_int (node) : 0;

          /* anything but the whole numbers 1 and 2 reads as 3: "must be 1 or 2" */
          event->stage = stage == 1 || stage == 2 ? (int) stage : 3;
        }
    }
  if (fields & SC_FIELD_LAST_REVIEW)
    {
      if (!read_date (reader, json_object_get_member (object, "last_review"), index, "last_review",
                      &event->last_review))
        return FALSE;
    }
  if (fields & SC_FIELD_PHASE_TRANSFER)
    {
      node = json_object_get_member (object, "phase_transfer");
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        {
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
            {
              report (reader, index, "phase_transfer",
                      "field \"phase_transfer\" must be true or false");
              return FALSE;
            }
          event->phase_transfer = json_node_get_boolean (node);
        }
    }

  if (fields & SC_FIELD_CONSULTATION)
    {
      event->preference_rank = read_count (object, "preference_rank");
      event->plan_version = read_count (object, "plan_version");
    }

  /* The members this type does not read. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      static const struct { const char *name; guint field; } members[] = {
        { "key", SC_FIELD_KEY }, { "reason", SC_FIELD_REASON }, { "outcome", SC_FIELD_OUTCOME },
        { "order", SC_FIELD_ORDER }, { "transfer_year", SC_FIELD_TRANSFER },
        { "route", SC_FIELD_TRANSFER }, { "stage", SC_FIELD_STAGE },
        { "last_review", SC_FIELD_LAST_REVIEW }, { "phase_transfer", SC_FIELD_PHASE_TRANSFER },
        { "preference_rank", SC_FIELD_CONSULTATION }, { "plan_version", SC_FIELD_CONSULTATION },
      };
      gboolean read = strcmp (name, "type") == 0 || strcmp (name, "date") == 0;

      for (guint i = 0; i < G_N_ELEMENTS (members) && !read; i++)
        read = (fields & members[i].field) && strcmp (name, members[i].name) == 0;
      if (!read)
        _sc_clock_input_add_ignored (input, index, name);
    }

  if (reader->n_errors >= MAX_FIELD_ERRORS)
    return FALSE;
  if (!_sc_clock_event_check (event, (guint) index, reader->error))
    {
      reader->n_errors++;
      return FALSE;
    }
  return TRUE;
}

/**
 * sc_clock_input_new_from_json:
 * @node: a parsed JSON document
 *
 * Reads a case history: an object with an `events` array and an optional
 * `date_of_birth`.
 *
 * Returns: (transfer full) (nullable): the input, or %NULL with an
 *   SC_ERROR_INVALID_INPUT error whose message names the first problem
 *   ("event 3: missing required field \"key\"") and whose problem document
 *   lists every one found (events[3].key ...)
 */
ScClockInput *
sc_clock_input_new_from_json (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(ScClockInput) input = NULL;
  g_autoptr(GError) local_error = NULL;
  Reader reader = { &local_error, 0 };
  JsonObject *root;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  JsonArray *events;
  guint n_events;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID_INPUT, "input must be a JSON object");
      return NULL;
    }
  root = json_node_get_object (node);
  input = sc_clock_input_new ();

  json_object_iter_init_ordered (&iter, root);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (strcmp (name, "events") != 0 && strcmp (name, "date_of_birth") != 0)
      _sc_clock_input_add_ignored (input, -1, name);

  read_date (&reader, json_object_get_member (root, "date_of_birth"), -1, "date_of_birth",
             &input->date_of_birth);

  member = json_object_get_member (root, "events");
  if (member == NULL || JSON_NODE_HOLDS_NULL (member))
    report (&reader, -1, "events", "missing required field \"events\"");
  else if (!JSON_NODE_HOLDS_ARRAY (member))
    report (&reader, -1, "events", "field \"events\" must be an array");
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  events = json_node_get_array (member);
  n_events = json_array_get_length (events);
  if (n_events > SC_CLOCK_MAX_EVENTS)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                   "too many events (%u, at most %d)", n_events, SC_CLOCK_MAX_EVENTS);
      return NULL;
    }
  g_array_set_size (input->events, 0);
  for (guint i = 0; i < n_events && reader.n_errors < MAX_FIELD_ERRORS; i++)
    {
      ScClockEvent event;

      if (read_event (&reader, input, json_array_get_element (events, i), (int) i, &event))
        _sc_clock_input_append (input, &event);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&input);
}

/**
 * sc_clock_input_new_from_data:
 * @data: JSON text
 * @length: its length, or -1 if it ends with a NUL
 *
 * Parses one JSON object (docs/statutory-clock.md, "Input").
 *
 * Returns: (transfer full) (nullable): the input, or %NULL with an
 *   SC_ERROR_MALFORMED error when the text is not one JSON document and an
 *   SC_ERROR_INVALID_INPUT error when the document is not a case history
 */
ScClockInput *
sc_clock_input_new_from_data (const char  *data,
                              gssize       length,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  if (!sc_json_check_object_text (data, (gsize) length, SC_CLOCK_MAX_DEPTH, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_autofree char *message = g_strdup (local_error->message);

      /* keep it one line: sendcasectl prints it as such */
      g_strdelimit (message, "\r\n", ' ');
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "invalid JSON: %s", message);
      return NULL;
    }
  return sc_clock_input_new_from_json (json_parser_get_root (parser), error);
}

static void
add_day (JsonBuilder *builder,
         const char  *member,
         ScDay        day)
{
  char text[SC_DAY_STRING_SIZE];

  json_builder_set_member_name (builder, member);
  if (day == SC_DAY_NONE)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, sc_day_format (day, text));
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

/**
 * sc_clock_result_to_json:
 *
 * The output of docs/statutory-clock.md: `{"milestones": [...], "warnings": [...]}`.
 * Each milestone has, in this order, id, key, kind, title, rule,
 * starts_from {type, date}, due, status, completed_on and exception
 * ({reason, date} when excepted, else null). Each warning is
 * {code, message, event_index}; event_index is null for the input as a
 * whole.
 *
 * Returns: (transfer full): the document
 */
JsonNode *
sc_clock_result_to_json (const ScClockResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  guint n;

  g_return_val_if_fail (result != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "milestones");
  json_builder_begin_array (builder);
  n = sc_clock_result_get_n_milestones (result);
  for (guint i = 0; i < n; i++)
    {
      const ScMilestone *m = sc_clock_result_get_milestone (result, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", sc_milestone_id_to_string (m->id));
      add_string (builder, "key", m->key);
      add_string (builder, "kind", sc_milestone_kind_to_string (sc_milestone_id_get_kind (m->id)));
      add_string (builder, "title", sc_milestone_id_get_title (m->id));
      add_string (builder, "rule", m->rule);
      json_builder_set_member_name (builder, "starts_from");
      json_builder_begin_object (builder);
      add_string (builder, "type", sc_event_type_to_string (m->start_type));
      add_day (builder, "date", m->start_date);
      json_builder_end_object (builder);
      add_day (builder, "due", m->due);
      add_string (builder, "status", sc_milestone_status_to_string (m->status));
      add_day (builder, "completed_on", m->completed_on);
      json_builder_set_member_name (builder, "exception");
      if (m->status == SC_STATUS_EXCEPTED)
        {
          json_builder_begin_object (builder);
          add_string (builder, "reason", sc_exception_reason_to_string (m->exception_reason));
          add_day (builder, "date", m->exception_date);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  n = sc_clock_result_get_n_warnings (result);
  for (guint i = 0; i < n; i++)
    {
      const ScClockWarning *warning = sc_clock_result_get_warning (result, i);
      g_autofree char *message = sc_clock_result_dup_warning_message (result, warning);

      json_builder_begin_object (builder);
      add_string (builder, "code", sc_clock_warning_code_to_string (warning->code));
      add_string (builder, "message", message);
      json_builder_set_member_name (builder, "event_index");
      if (warning->event_index < 0)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, warning->event_index);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
