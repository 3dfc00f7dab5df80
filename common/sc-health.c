/* sc-health.c
 *
 * ScHealth and its codec. The status words are kept as sent, so a client
 * shows a newer daemon's word rather than refusing the answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-health"

#include "config.h"

#include "sc-json.h"
#include "sc-problem.h"
#include "sc-health.h"

struct _ScHealth
{
  GObject  parent_instance;

  /* Owned */
  char    *status;
  char    *database;
  char    *version;

  gint64   schema_version;
};

G_DEFINE_FINAL_TYPE (ScHealth, sc_health, G_TYPE_OBJECT)

static void
sc_health_finalize (GObject *object)
{
  ScHealth *self = (ScHealth *)object;

  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->database, g_free);
  g_clear_pointer (&self->version, g_free);

  G_OBJECT_CLASS (sc_health_parent_class)->finalize (object);
}

static void
sc_health_class_init (ScHealthClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_health_finalize;
}

static void
sc_health_init (ScHealth *self)
{
  self->schema_version = -1;
}

/**
 * sc_health_new:
 * @database_ok: whether the daemon reaches its database
 * @schema_version: the database's schema version, or -1
 * @version: the daemon's version
 *
 * Returns: (transfer full): the health of a daemon
 */
ScHealth *
sc_health_new (gboolean    database_ok,
               gint64      schema_version,
               const char *version)
{
  ScHealth *self;

  g_return_val_if_fail (version != NULL, NULL);

  self = g_object_new (SC_TYPE_HEALTH, NULL);
  self->status = g_strdup (database_ok ? "ok" : "unavailable");
  self->database = g_strdup (database_ok ? "ok" : "unavailable");
  self->schema_version = schema_version;
  self->version = g_strdup (version);
  return self;
}

const char *
sc_health_get_status (ScHealth *self)
{
  g_return_val_if_fail (SC_IS_HEALTH (self), NULL);
  return self->status;
}

const char *
sc_health_get_database (ScHealth *self)
{
  g_return_val_if_fail (SC_IS_HEALTH (self), NULL);
  return self->database;
}

gint64
sc_health_get_schema_version (ScHealth *self)
{
  g_return_val_if_fail (SC_IS_HEALTH (self), -1);
  return self->schema_version;
}

const char *
sc_health_get_version (ScHealth *self)
{
  g_return_val_if_fail (SC_IS_HEALTH (self), NULL);
  return self->version;
}

/* The whole daemon is serving requests. */
gboolean
sc_health_is_ok (ScHealth *self)
{
  g_return_val_if_fail (SC_IS_HEALTH (self), FALSE);
  return g_strcmp0 (self->status, "ok") == 0;
}

gboolean
sc_health_is_database_ok (ScHealth *self)
{
  g_return_val_if_fail (SC_IS_HEALTH (self), FALSE);
  return g_strcmp0 (self->database, "ok") == 0;
}

void
sc_health_write_json (ScHealth     *self,
                      ScJsonWriter *writer)
{
  g_return_if_fail (SC_IS_HEALTH (self));
  g_return_if_fail (writer != NULL);

  sc_json_writer_begin_object (writer);
  sc_json_writer_member_string (writer, "status", self->status);
  sc_json_writer_member_string (writer, "database", self->database);
  if (self->schema_version >= 0)
    sc_json_writer_member_int (writer, "schema_version", self->schema_version);
  else
    sc_json_writer_member_null (writer, "schema_version");
  sc_json_writer_member_string (writer, "version", self->version);
  sc_json_writer_end_object (writer);
}

/**
 * sc_health_new_from_json:
 * @node: a JSON object as sc_health_write_json() writes it
 *
 * Returns: (transfer full) (nullable): the health, or %NULL with an
 *   SC_ERROR_MALFORMED @error naming the first bad member
 */
ScHealth *
sc_health_new_from_json (JsonNode  *node,
                         GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ScHealth) self = NULL;
  JsonObject *object;
  const char *status = NULL;
  const char *database = NULL;
  const char *version = NULL;
  gint64 schema_version = -1;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "health: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_string (object, "status", TRUE, &status, &local_error);
  sc_json_read_string (object, "database", TRUE, &database, &local_error);
  sc_json_read_string (object, "version", TRUE, &version, &local_error);
  /* null while the daemon cannot read it from its database */
  if (sc_json_read_int (object, "schema_version", FALSE, &schema_version, &local_error) && schema_version < -1)
    sc_set_field_error (&local_error, "schema_version", "must be a whole number or null");
  if (local_error != NULL)
    {
      const ScFieldError *first = sc_problem_get_field_error (sc_error_get_problem (local_error), 0);

      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "health: member \"%s\" %s", first->field, first->message);
      return NULL;
    }

  self = g_object_new (SC_TYPE_HEALTH, NULL);
  self->status = g_strdup (status);
  self->database = g_strdup (database);
  self->version = g_strdup (version);
  self->schema_version = schema_version;
  return g_steal_pointer (&self);
}
