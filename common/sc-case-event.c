/* sc-case-event.c
 *
 * ScCaseEvent and its codec, and ScCaseUser, the short form of a user a case
 * carries. The members of an event's type are read by the clock's own JSON
 * reader (sc-clock-json.c) so that the API and `sendcasectl timeline` refuse
 * the same input with the same words; the reader's field names
 * ("events[0].key") are turned into the request's ("key").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-case-event"

#include "config.h"

#include <string.h>

#include "sc-case-event.h"
#include "sc-clock-private.h"
#include "sc-json.h"
#include "sc-problem.h"

struct _ScCaseEvent
{
  GObject       parent_instance;

  /* Owned */
  char         *key;          /* event.key points here */
  char         *note;
  ScCaseUser   *recorded_by;
  ScCaseUser   *voided_by;
  char         *void_reason;

  ScClockEvent  event;
  gint64        id;
  gint64        recorded_at;
  gint64        voided_at;
  guint         position;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TYPE,
  PROP_NOTE,
  PROP_VOIDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ScCaseEvent, sc_case_event, G_TYPE_OBJECT)

const char * const sc_case_event_input_members[] = {
  "type", "date", "key", "reason", "outcome", "order", "route", "transfer_year", "stage", "last_review",
  "phase_transfer", "preference_rank", "plan_version", "note", NULL
};

/* --- ScCaseUser ----------------------------------------------------------- */

ScCaseUser *
sc_case_user_new (gint64      id,
                  const char *username,
                  const char *full_name)
{
  ScCaseUser *user = g_new0 (ScCaseUser, 1);

  user->id = id;
  user->username = g_strdup (username != NULL ? username : "");
  user->full_name = g_strdup (full_name != NULL ? full_name : "");
  return user;
}

void
sc_case_user_free (ScCaseUser *user)
{
  if (user == NULL)
    return;
  g_free (user->username);
  g_free (user->full_name);
  g_free (user);
}

const char *
sc_case_user_get_name (const ScCaseUser *user)
{
  g_return_val_if_fail (user != NULL, NULL);
  return user->full_name != NULL && user->full_name[0] != '\0' ? user->full_name : user->username;
}

void
sc_case_user_write_json (const ScCaseUser *user,
                         ScJsonWriter     *writer)
{
  if (user == NULL)
    {
      sc_json_writer_null (writer);
      return;
    }
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", user->id);
  sc_json_writer_member_string (writer, "username", user->username);
  sc_json_writer_member_string (writer, "full_name", user->full_name);
  sc_json_writer_end_object (writer);
}

ScCaseUser *
sc_case_user_read (JsonObject  *object,
                   const char  *member,
                   gboolean     required,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GError) local_error = NULL;
  const char *username = NULL;
  const char *full_name = "";
  gint64 id = 0;
  JsonObject *user;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        sc_set_field_error (error, member, "is required");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      sc_set_field_error (error, member, "must be an object");
      return NULL;
    }
  user = json_node_get_object (node);
  sc_json_read_int (user, "id", TRUE, &id, &local_error);
  sc_json_read_string (user, "username", TRUE, &username, &local_error);
  sc_json_read_string (user, "full_name", FALSE, &full_name, &local_error);
  if (local_error != NULL || id <= 0)
    {
      sc_set_field_error (error, member, "must be a user with an id and a username");
      return NULL;
    }
  return sc_case_user_new (id, username, full_name);
}

/* --- the type --------------------------------------------------------------- */

static void
sc_case_event_finalize (GObject *object)
{
  ScCaseEvent *self = (ScCaseEvent *) object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->recorded_by, sc_case_user_free);
  g_clear_pointer (&self->voided_by, sc_case_user_free);
  g_clear_pointer (&self->void_reason, g_free);

  G_OBJECT_CLASS (sc_case_event_parent_class)->finalize (object);
}

static void
sc_case_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScCaseEvent *self = SC_CASE_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TYPE:
      g_value_set_string (value, sc_event_type_to_string (self->event.type));
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_VOIDED:
      g_value_set_boolean (value, self->voided_at != 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_case_event_class_init (ScCaseEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_case_event_finalize;
  object_class->get_property = sc_case_event_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TYPE] = g_param_spec_string ("type", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VOIDED] = g_param_spec_boolean ("voided", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_case_event_init (ScCaseEvent *self)
{
}

ScCaseEvent *
sc_case_event_new (gint64              id,
                   const ScClockEvent *event)
{
  ScCaseEvent *self;

  g_return_val_if_fail (event != NULL, NULL);

  self = g_object_new (SC_TYPE_CASE_EVENT, NULL);
  self->id = id;
  self->event = *event;
  self->key = g_strdup (event->key);
  self->event.key = self->key;
  return self;
}

void
sc_case_event_set_position (ScCaseEvent *self,
                            guint        position)
{
  g_return_if_fail (SC_IS_CASE_EVENT (self));
  self->position = position;
}

void
sc_case_event_set_note (ScCaseEvent *self,
                        const char  *note)
{
  g_return_if_fail (SC_IS_CASE_EVENT (self));
  g_free (self->note);
  self->note = g_strdup (note);
}

void
sc_case_event_take_recorded (ScCaseEvent *self,
                             ScCaseUser  *by,
                             gint64       at_usec)
{
  g_return_if_fail (SC_IS_CASE_EVENT (self));
  g_clear_pointer (&self->recorded_by, sc_case_user_free);
  self->recorded_by = by;
  self->recorded_at = at_usec;
}

void
sc_case_event_take_voided (ScCaseEvent *self,
                           ScCaseUser  *by,
                           gint64       at_usec,
                           const char  *reason)
{
  g_return_if_fail (SC_IS_CASE_EVENT (self));
  g_clear_pointer (&self->voided_by, sc_case_user_free);
  g_free (self->void_reason);
  self->voided_by = by;
  self->voided_at = at_usec;
  self->void_reason = g_strdup (reason);
}

gint64
sc_case_event_get_id (ScCaseEvent *self)
{
  g_return_val_if_fail (SC_IS_CASE_EVENT (self), 0);
  return self->id;
}

guint
sc_case_event_get_position (ScCaseEvent *self)
{
  g_return_val_if_fail (SC_IS_CASE_EVENT (self), 0);
  return self->position;
}

const ScClockEvent *
sc_case_event_get_clock_event (ScCaseEvent *self)
{
  g_return_val_if_fail (SC_IS_CASE_EVENT (self), NULL);
  return &self->event;
}

const char *
sc_case_event_get_note (ScCaseEvent *self)
{
  g_return_val_if_fail (SC_IS_CASE_EVENT (self), NULL);
  return self->note;
}

const ScCaseUser *
sc_case_event_get_recorded_by (ScCaseEvent *self)
{
  g_return_val_if_fail (SC_IS_CASE_EVENT (self), NULL);
  return self->recorded_by;
}

gint64
sc_case_event_get_recorded_at (ScCaseEvent *self)
{
  g_return_val_if_fail (SC_IS_CASE_EVENT (self), 0);
  return self->recorded_at;
}

gboolean
sc_case_event_is_voided (ScCaseEvent *self)
{
  g_return_val_if_fail (SC_IS_CASE_EVENT (self), FALSE);
  return self->voided_at != 0;
}

const ScCaseUser *
sc_case_event_get_voided_by (ScCaseEvent *self)
{
  g_return_val_if_fail (SC_IS_CASE_EVENT (self), NULL);
  return self->voided_by;
}

gint64
sc_case_event_get_voided_at (ScCaseEvent *self)
{
  g_return_val_if_fail (SC_IS_CASE_EVENT (self), 0);
  return self->voided_at;
}

const char *
sc_case_event_get_void_reason (ScCaseEvent *self)
{
  g_return_val_if_fail (SC_IS_CASE_EVENT (self), NULL);
  return self->void_reason;
}

/* --- the members of a type ------------------------------------------------- */

static void
member_date (ScJsonWriter *writer,
             const char   *name,
             ScDay         day)
{
  char text[SC_DAY_STRING_SIZE];

  sc_json_writer_member_string (writer, name, sc_day_format (day, text));
}

/* The members beyond type, date and key; zero values are left out, as the
 * clock reads them. */
static void
write_details (const ScClockEvent *event,
               ScJsonWriter       *writer)
{
  guint fields = _sc_event_type_get_fields (event->type);

  if ((fields & SC_FIELD_REASON) && event->reason != SC_EXCEPTION_NONE)
    sc_json_writer_member_string (writer, "reason", sc_exception_reason_to_string (event->reason));
  if ((fields & SC_FIELD_OUTCOME) && event->outcome != SC_OUTCOME_NONE)
    sc_json_writer_member_string (writer, "outcome", sc_review_outcome_to_string (event->outcome));
  if ((fields & SC_FIELD_ORDER) && event->order != SC_ORDER_NONE)
    sc_json_writer_member_string (writer, "order", sc_tribunal_order_to_string (event->order));
  if ((fields & SC_FIELD_TRANSFER) && event->route != SC_ROUTE_NONE)
    sc_json_writer_member_string (writer, "route", sc_transfer_route_to_string (event->route));
  if ((fields & SC_FIELD_TRANSFER) && event->transfer_year > 0)
    sc_json_writer_member_int (writer, "transfer_year", event->transfer_year);
  if ((fields & SC_FIELD_STAGE) && event->stage > 0)
    sc_json_writer_member_int (writer, "stage", event->stage);
  if ((fields & SC_FIELD_LAST_REVIEW) && event->last_review != SC_DAY_NONE)
    member_date (writer, "last_review", event->last_review);
  if ((fields & SC_FIELD_PHASE_TRANSFER) && event->phase_transfer)
    sc_json_writer_member_boolean (writer, "phase_transfer", TRUE);
  if ((fields & SC_FIELD_CONSULTATION) && event->preference_rank > 0)
    sc_json_writer_member_int (writer, "preference_rank", event->preference_rank);
  if ((fields & SC_FIELD_CONSULTATION) && event->plan_version > 0)
    sc_json_writer_member_int (writer, "plan_version", event->plan_version);
}

void
sc_case_event_write_members (const ScClockEvent *event,
                             ScJsonWriter       *writer)
{
  g_return_if_fail (event != NULL);

  sc_json_writer_member_string (writer, "type", sc_event_type_to_string (event->type));
  member_date (writer, "date", event->date);
  if (_sc_event_type_get_fields (event->type) & SC_FIELD_KEY)
    sc_json_writer_member_string (writer, "key", event->key);
  write_details (event, writer);
}

char *
sc_case_event_dup_details (const ScClockEvent *event)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  g_return_val_if_fail (event != NULL, NULL);

  sc_json_writer_init (&writer, out);
  sc_json_writer_begin_object (&writer);
  write_details (event, &writer);
  sc_json_writer_end_object (&writer);
  return g_string_free (out, FALSE);
}

/* "events[0].key" -> "key"; "events[0]" -> "type" */
static const char *
request_field (const char *field)
{
  static const char prefix[] = "events[0]";

  if (g_str_has_prefix (field, prefix))
    {
      field += strlen (prefix);
      if (*field == '\0')
        return "type";
      if (*field == '.')
        return field + 1;
    }
  return field;
}

gboolean
sc_case_event_read_clock_event (JsonObject         *object,
                                const char * const *also_allowed,
                                ScClockEvent       *event,
                                char              **key_out,
                                GError            **error)
{
  g_autoptr(JsonObject) copy = json_object_new ();
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonArray) events = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ScClockInput) input = NULL;
  g_autoptr(GError) out = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (event != NULL && key_out != NULL, FALSE);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (also_allowed == NULL || !g_strv_contains (also_allowed, name))
      json_object_set_member (copy, name, json_node_copy (member));
  json_array_add_object_element (events, g_steal_pointer (&copy));
  json_object_set_array_member (root, "events", g_steal_pointer (&events));
  json_node_set_object (node, root);

  input = sc_clock_input_new_from_json (node, &local_error);
  if (input == NULL)
    {
      const ScProblem *problem = sc_error_get_problem (local_error);
      guint n = problem != NULL ? sc_problem_get_n_field_errors (problem) : 0;

      for (guint i = 0; i < n; i++)
        {
          const ScFieldError *field = sc_problem_get_field_error (problem, i);

          sc_set_field_error (&out, request_field (field->field), "%s", field->message);
        }
      if (out == NULL)
        sc_set_field_error (&out, "type", "%s", local_error->message);
      g_propagate_error (error, g_steal_pointer (&out));
      return FALSE;
    }

  *event = *sc_clock_input_get_event (input, 0);
  for (guint i = 0; input->ignored != NULL && i < input->ignored->len; i++)
    {
      const ScIgnoredMember *ignored = &g_array_index (input->ignored, ScIgnoredMember, i);

      sc_set_field_error (&out, ignored->member, "is not a member of a %s event",
                          sc_event_type_to_string (event->type));
    }
  if ((_sc_event_type_get_fields (event->type) & SC_FIELD_KEY) && event->key != NULL &&
      (*event->key == '\0' || g_utf8_strlen (event->key, -1) > SC_CASE_EVENT_KEY_MAX_CHARS))
    sc_set_field_error (&out, "key", "must be 1 to %d characters", SC_CASE_EVENT_KEY_MAX_CHARS);
  if (out != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&out));
      return FALSE;
    }
  *key_out = g_strdup (event->key);
  event->key = *key_out;
  return TRUE;
}

/* --- the codec ----------------------------------------------------------- */

void
sc_case_event_write_json (ScCaseEvent  *self,
                          ScJsonWriter *writer)
{
  g_return_if_fail (SC_IS_CASE_EVENT (self));

  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", self->id);
  sc_json_writer_member_int (writer, "position", self->position);
  sc_case_event_write_members (&self->event, writer);
  sc_json_writer_member_string (writer, "note", self->note);
  sc_json_writer_member (writer, "recorded_by");
  sc_case_user_write_json (self->recorded_by, writer);
  sc_json_writer_member_time (writer, "recorded_at", self->recorded_at);
  if (self->voided_at != 0)
    sc_json_writer_member_time (writer, "voided_at", self->voided_at);
  else
    sc_json_writer_member_null (writer, "voided_at");
  sc_json_writer_member (writer, "voided_by");
  sc_case_user_write_json (self->voided_by, writer);
  sc_json_writer_member_string (writer, "void_reason", self->void_reason);
  sc_json_writer_end_object (writer);
}

static const char * const record_members[] = {
  "id", "position", "note", "recorded_by", "recorded_at", "voided_at", "voided_by", "void_reason", NULL
};

ScCaseEvent *
sc_case_event_new_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ScCaseEvent) self = NULL;
  g_autoptr(ScCaseUser) recorded_by = NULL;
  g_autoptr(ScCaseUser) voided_by = NULL;
  g_autofree char *key = NULL;
  JsonObject *object;
  ScClockEvent event = { 0 };
  const char *note = NULL;
  const char *void_reason = NULL;
  gint64 id = 0;
  gint64 position = 0;
  gint64 recorded_at = 0;
  gint64 voided_at = 0;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "case event: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);

  sc_json_read_int (object, "id", TRUE, &id, &local_error);
  sc_json_read_int (object, "position", FALSE, &position, &local_error);
  sc_json_read_string (object, "note", FALSE, &note, &local_error);
  recorded_by = sc_case_user_read (object, "recorded_by", FALSE, &local_error);
  sc_json_read_time (object, "recorded_at", FALSE, &recorded_at, &local_error);
  sc_json_read_time (object, "voided_at", FALSE, &voided_at, &local_error);
  voided_by = sc_case_user_read (object, "voided_by", FALSE, &local_error);
  sc_json_read_string (object, "void_reason", FALSE, &void_reason, &local_error);
  if (local_error == NULL)
    sc_case_event_read_clock_event (object, record_members, &event, &key, &local_error);
  if (local_error == NULL && id <= 0)
    sc_set_field_error (&local_error, "id", "must be a positive whole number");
  if (local_error != NULL)
    {
      const ScProblem *problem = sc_error_get_problem (local_error);
      const ScFieldError *first = problem != NULL && sc_problem_get_n_field_errors (problem) > 0 ?
                                  sc_problem_get_field_error (problem, 0) : NULL;

      if (first != NULL)
        g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "case event: member \"%s\" %s", first->field,
                     first->message);
      else
        g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "case event: %s", local_error->message);
      return NULL;
    }

  self = sc_case_event_new (id, &event);
  self->position = (guint) CLAMP (position, 0, G_MAXUINT);
  self->note = g_strdup (note);
  self->recorded_by = g_steal_pointer (&recorded_by);
  self->recorded_at = recorded_at;
  if (voided_at != 0)
    sc_case_event_take_voided (self, g_steal_pointer (&voided_by), voided_at, void_reason);
  return g_steal_pointer (&self);
}
