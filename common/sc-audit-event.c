/* sc-audit-event.c
 *
 * ScAuditEvent and its codec. Properties are read-only and never notify: an
 * event is a snapshot of one row of an append-only trail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-audit-event"

#include "config.h"

#include "sc-audit-event.h"
#include "sc-json.h"
#include "sc-problem.h"

struct _ScAuditEvent
{
  GObject   parent_instance;

  /* Owned, each nullable but action and outcome */
  char     *username;
  char     *role;
  char     *action;
  char     *resource_type;
  char     *resource_id;
  GStrv     resource_ids;
  char     *request_id;
  char     *source_address;
  char     *outcome;

  gint64    id;
  gint64    at;
  gint64    user_id;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_USERNAME,
  PROP_ROLE,
  PROP_ACTION,
  PROP_RESOURCE_TYPE,
  PROP_RESOURCE_ID,
  PROP_OUTCOME,
  PROP_REQUEST_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ScAuditEvent, sc_audit_event, G_TYPE_OBJECT)

static void
sc_audit_event_finalize (GObject *object)
{
  ScAuditEvent *self = (ScAuditEvent *) object;

  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->resource_type, g_free);
  g_clear_pointer (&self->resource_id, g_free);
  g_clear_pointer (&self->resource_ids, g_strfreev);
  g_clear_pointer (&self->request_id, g_free);
  g_clear_pointer (&self->source_address, g_free);
  g_clear_pointer (&self->outcome, g_free);

  G_OBJECT_CLASS (sc_audit_event_parent_class)->finalize (object);
}

static void
sc_audit_event_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScAuditEvent *self = SC_AUDIT_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;

    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;

    case PROP_RESOURCE_TYPE:
      g_value_set_string (value, self->resource_type);
      break;

    case PROP_RESOURCE_ID:
      g_value_set_string (value, self->resource_id);
      break;

    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;

    case PROP_REQUEST_ID:
      g_value_set_string (value, self->request_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_audit_event_class_init (ScAuditEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sc_audit_event_finalize;
  object_class->get_property = sc_audit_event_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ScAuditEvent:at:
   *
   * When it happened, Unix microseconds (the database's clock).
   */
  properties[PROP_AT] = g_param_spec_int64 ("at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_USERNAME] = g_param_spec_string ("username", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties[PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, flags);
  properties[PROP_RESOURCE_TYPE] = g_param_spec_string ("resource-type", NULL, NULL, NULL, flags);
  properties[PROP_RESOURCE_ID] = g_param_spec_string ("resource-id", NULL, NULL, NULL, flags);
  properties[PROP_OUTCOME] = g_param_spec_string ("outcome", NULL, NULL, NULL, flags);
  /**
   * ScAuditEvent:request-id:
   *
   * The request's id in the daemon's log (its X-Request-Id).
   */
  properties[PROP_REQUEST_ID] = g_param_spec_string ("request-id", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_audit_event_init (ScAuditEvent *self)
{
}

/**
 * sc_audit_event_new:
 * @id: the row's id
 * @at: when, Unix microseconds
 * @action: what was done, e.g. "user.update"
 * @outcome: how it ended, e.g. "success"
 *
 * Returns: (transfer full): a new event with no actor and no resource
 */
ScAuditEvent *
sc_audit_event_new (gint64      id,
                    gint64      at,
                    const char *action,
                    const char *outcome)
{
  ScAuditEvent *self;

  g_return_val_if_fail (action != NULL, NULL);
  g_return_val_if_fail (outcome != NULL, NULL);

  self = g_object_new (SC_TYPE_AUDIT_EVENT, NULL);
  self->id = id;
  self->at = at;
  self->action = g_strdup (action);
  self->outcome = g_strdup (outcome);
  return self;
}

void
sc_audit_event_set_actor (ScAuditEvent *self,
                          gint64        user_id,
                          const char   *username,
                          const char   *role,
                          const char   *request_id,
                          const char   *source_address)
{
  g_return_if_fail (SC_IS_AUDIT_EVENT (self));

  self->user_id = user_id;
  g_free (self->username);
  self->username = g_strdup (username);
  g_free (self->role);
  self->role = g_strdup (role);
  g_free (self->request_id);
  self->request_id = g_strdup (request_id);
  g_free (self->source_address);
  self->source_address = g_strdup (source_address);
}

void
sc_audit_event_set_resource (ScAuditEvent       *self,
                             const char         *resource_type,
                             const char         *resource_id,
                             const char * const *resource_ids)
{
  g_return_if_fail (SC_IS_AUDIT_EVENT (self));

  g_free (self->resource_type);
  self->resource_type = g_strdup (resource_type);
  g_free (self->resource_id);
  self->resource_id = g_strdup (resource_id);
  g_strfreev (self->resource_ids);
  self->resource_ids = g_strdupv ((char **) resource_ids);
}

gint64
sc_audit_event_get_id (ScAuditEvent *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_EVENT (self), 0);
  return self->id;
}

gint64
sc_audit_event_get_at (ScAuditEvent *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_EVENT (self), 0);
  return self->at;
}

gint64
sc_audit_event_get_user_id (ScAuditEvent *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_EVENT (self), 0);
  return self->user_id;
}

const char *
sc_audit_event_get_username (ScAuditEvent *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_EVENT (self), NULL);
  return self->username;
}

const char *
sc_audit_event_get_role (ScAuditEvent *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_EVENT (self), NULL);
  return self->role;
}

const char *
sc_audit_event_get_action (ScAuditEvent *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_EVENT (self), NULL);
  return self->action;
}

const char *
sc_audit_event_get_resource_type (ScAuditEvent *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_EVENT (self), NULL);
  return self->resource_type;
}

const char *
sc_audit_event_get_resource_id (ScAuditEvent *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_EVENT (self), NULL);
  return self->resource_id;
}

const char * const *
sc_audit_event_get_resource_ids (ScAuditEvent *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_EVENT (self), NULL);
  return (const char * const *) self->resource_ids;
}

const char *
sc_audit_event_get_request_id (ScAuditEvent *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_EVENT (self), NULL);
  return self->request_id;
}

const char *
sc_audit_event_get_source_address (ScAuditEvent *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_EVENT (self), NULL);
  return self->source_address;
}

const char *
sc_audit_event_get_outcome (ScAuditEvent *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_EVENT (self), NULL);
  return self->outcome;
}

/* --- codec --------------------------------------------------------------- */

void
sc_audit_event_write_json (ScAuditEvent *self,
                           ScJsonWriter *writer)
{
  g_return_if_fail (SC_IS_AUDIT_EVENT (self));
  g_return_if_fail (writer != NULL);

  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", self->id);
  sc_json_writer_member_time (writer, "at", self->at);
  sc_json_writer_member (writer, "user_id");
  if (self->user_id != 0)
    sc_json_writer_int (writer, self->user_id);
  else
    sc_json_writer_null (writer);
  sc_json_writer_member_string (writer, "username", self->username);
  sc_json_writer_member_string (writer, "role", self->role);
  sc_json_writer_member_string (writer, "action", self->action);
  sc_json_writer_member_string (writer, "resource_type", self->resource_type);
  sc_json_writer_member_string (writer, "resource_id", self->resource_id);
  sc_json_writer_member (writer, "resource_ids");
  if (self->resource_ids != NULL)
    {
      sc_json_writer_begin_array (writer);
      for (guint i = 0; self->resource_ids[i] != NULL; i++)
        sc_json_writer_string (writer, self->resource_ids[i]);
      sc_json_writer_end_array (writer);
    }
  else
    sc_json_writer_null (writer);
  sc_json_writer_member_string (writer, "request_id", self->request_id);
  sc_json_writer_member_string (writer, "source_address", self->source_address);
  sc_json_writer_member_string (writer, "outcome", self->outcome);
  sc_json_writer_end_object (writer);
}

/* An array of strings, or null/absent (*@out stays NULL). */
static void
read_string_array (JsonObject  *object,
                   const char  *member,
                   GStrv       *out,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      sc_set_field_error (error, member, "must be an array of strings");
      return;
    }
  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          sc_set_field_error (error, member, "must be an array of strings");
          return;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  *out = g_strv_builder_end (builder);
}

/**
 * sc_audit_event_new_from_json:
 * @node: a JSON object as sc_audit_event_write_json() writes it
 *
 * Returns: (transfer full) (nullable): the event, or %NULL with an
 *   SC_ERROR_MALFORMED @error naming the first bad member
 */
ScAuditEvent *
sc_audit_event_new_from_json (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) resource_ids = NULL;
  ScAuditEvent *self;
  JsonObject *object;
  const char *username = NULL;
  const char *role = NULL;
  const char *action = NULL;
  const char *resource_type = NULL;
  const char *resource_id = NULL;
  const char *request_id = NULL;
  const char *source_address = NULL;
  const char *outcome = NULL;
  gint64 id = 0;
  gint64 at = 0;
  gint64 user_id = 0;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "audit event: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);

  sc_json_read_int (object, "id", TRUE, &id, &local_error);
  sc_json_read_time (object, "at", TRUE, &at, &local_error);
  sc_json_read_int (object, "user_id", FALSE, &user_id, &local_error);
  sc_json_read_string (object, "username", FALSE, &username, &local_error);
  sc_json_read_string (object, "role", FALSE, &role, &local_error);
  sc_json_read_string (object, "action", TRUE, &action, &local_error);
  sc_json_read_string (object, "resource_type", FALSE, &resource_type, &local_error);
  sc_json_read_string (object, "resource_id", FALSE, &resource_id, &local_error);
  read_string_array (object, "resource_ids", &resource_ids, &local_error);
  sc_json_read_string (object, "request_id", FALSE, &request_id, &local_error);
  sc_json_read_string (object, "source_address", FALSE, &source_address, &local_error);
  sc_json_read_string (object, "outcome", TRUE, &outcome, &local_error);
  if (local_error != NULL)
    {
      const ScFieldError *first = sc_problem_get_field_error (sc_error_get_problem (local_error), 0);

      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "audit event: member \"%s\" %s", first->field,
                   first->message);
      return NULL;
    }

  self = sc_audit_event_new (id, at, action, outcome);
  sc_audit_event_set_actor (self, user_id, username, role, request_id, source_address);
  self->resource_type = g_strdup (resource_type);
  self->resource_id = g_strdup (resource_id);
  self->resource_ids = g_steal_pointer (&resource_ids);
  return self;
}
