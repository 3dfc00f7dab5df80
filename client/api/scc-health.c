/* scc-health.c
 *
 * The client's model of the daemon's health document and its explicit codec
 * (style.md 1: never the GObject JSON deserializer, one error per bad member). The
 * daemon answers
 *
 *   200 {"status":"ok","database":"ok","schema_version":3,"version":"0.1.0"}
 *   503 {"status":"unavailable","database":"unavailable","schema_version":null,...}
 *
 * and both parse into an SccHealth: a 503 with this body still means the
 * daemon is reachable, only its database is not. Unknown members are ignored
 * so a newer daemon can add some.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-health"

#include "config.h"

#include "sc-error.h"

#include "scc-health.h"

struct _SccHealth
{
  GObject  parent_instance;

  /* Owned */
  char    *status;
  char    *database;
  char    *version;

  gint64   schema_version;  /* -1 when the daemon does not know it */
};

enum {
  PROP_0,
  PROP_STATUS,
  PROP_DATABASE,
  PROP_SCHEMA_VERSION,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccHealth, scc_health, G_TYPE_OBJECT)

/* Reads a required string member; NULL with @error if it is missing or not a
 * string. Borrowed from @object. */
static const char *
get_required_string (JsonObject  *object,
                     const char  *member,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert (object != NULL);
  g_assert (member != NULL);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED,
                   "health member \"%s\" must be a string", member);
      return NULL;
    }
  return json_node_get_string (node);
}

static void
scc_health_finalize (GObject *object)
{
  SccHealth *self = (SccHealth *)object;

  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->database, g_free);
  g_clear_pointer (&self->version, g_free);

  G_OBJECT_CLASS (scc_health_parent_class)->finalize (object);
}

static void
scc_health_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SccHealth *self = SCC_HEALTH (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_DATABASE:
      g_value_set_string (value, self->database);
      break;

    case PROP_SCHEMA_VERSION:
      g_value_set_int64 (value, self->schema_version);
      break;

    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_health_class_init (SccHealthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scc_health_finalize;
  object_class->get_property = scc_health_get_property;

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATABASE] =
    g_param_spec_string ("database", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_int64 ("schema-version", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_health_init (SccHealth *self)
{
  self->schema_version = -1;
}

/**
 * scc_health_new_from_json:
 * @node: the parsed body of GET /api/v1/health
 *
 * Returns: (transfer full) (nullable): the health, or %NULL with an
 *   SC_ERROR_MALFORMED @error naming the first bad member
 */
SccHealth *
scc_health_new_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(SccHealth) self = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *status;
  const char *database;
  const char *version;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED,
                           "health answer is not a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);

  if (!(status = get_required_string (object, "status", error)) ||
      !(database = get_required_string (object, "database", error)) ||
      !(version = get_required_string (object, "version", error)))
    return NULL;

  self = g_object_new (SCC_TYPE_HEALTH, NULL);
  self->status = g_strdup (status);
  self->database = g_strdup (database);
  self->version = g_strdup (version);

  /* Null while the daemon cannot read it from its database. */
  member = json_object_get_member (object, "schema_version");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!JSON_NODE_HOLDS_VALUE (member) ||
          json_node_get_value_type (member) != G_TYPE_INT64 ||
          json_node_get_int (member) < 0)
        {
          g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED,
                               "health member \"schema_version\" must be a whole number or null");
          return NULL;
        }
      self->schema_version = json_node_get_int (member);
    }

  return g_steal_pointer (&self);
}

const char *
scc_health_get_status (SccHealth *self)
{
  g_return_val_if_fail (SCC_IS_HEALTH (self), NULL);
  return self->status;
}

const char *
scc_health_get_database (SccHealth *self)
{
  g_return_val_if_fail (SCC_IS_HEALTH (self), NULL);
  return self->database;
}

/**
 * scc_health_get_schema_version:
 *
 * Returns: the schema version, or -1 if the daemon did not report one
 */
gint64
scc_health_get_schema_version (SccHealth *self)
{
  g_return_val_if_fail (SCC_IS_HEALTH (self), -1);
  return self->schema_version;
}

const char *
scc_health_get_version (SccHealth *self)
{
  g_return_val_if_fail (SCC_IS_HEALTH (self), NULL);
  return self->version;
}

/* The whole daemon is serving requests. */
gboolean
scc_health_is_ok (SccHealth *self)
{
  g_return_val_if_fail (SCC_IS_HEALTH (self), FALSE);
  return g_strcmp0 (self->status, "ok") == 0;
}

gboolean
scc_health_is_database_ok (SccHealth *self)
{
  g_return_val_if_fail (SCC_IS_HEALTH (self), FALSE);
  return g_strcmp0 (self->database, "ok") == 0;
}
