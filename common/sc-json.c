/* sc-json.c
 *
 * Typed member access with field errors. Every API codec reads its input
 * through these, never through json_gobject_deserialize, which json-glib 1.6
 * lets ignore mistyped or unknown members silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-json.h"
#include "sc-problem.h"

static JsonNode *
lookup (JsonObject  *object,
        const char  *member,
        gboolean     required,
        GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        sc_set_field_error (error, member, "is required");
      return NULL;
    }
  return node;
}

gboolean
sc_json_read_string (JsonObject  *object,
                     const char  *member,
                     gboolean     required,
                     const char **out,
                     GError     **error)
{
  JsonNode *node = lookup (object, member, required, error);

  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      sc_set_field_error (error, member, "must be a string");
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
sc_json_read_boolean (JsonObject  *object,
                      const char  *member,
                      gboolean     required,
                      gboolean    *out,
                      gboolean    *present,
                      GError     **error)
{
  JsonNode *node = lookup (object, member, required, error);

  if (present != NULL)
    *present = FALSE;
  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      sc_set_field_error (error, member, "must be true or false");
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  if (present != NULL)
    *present = TRUE;
  return TRUE;
}

gboolean
sc_json_read_int (JsonObject  *object,
                  const char  *member,
                  gboolean     required,
                  gint64      *out,
                  GError     **error)
{
  JsonNode *node = lookup (object, member, required, error);

  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      sc_set_field_error (error, member, "must be a whole number");
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
sc_json_check_members (JsonObject         *object,
                       const char * const *allowed,
                       GError            **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  gboolean ok = TRUE;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      if (!g_strv_contains (allowed, name))
        {
          sc_set_field_error (error, name, "is not a known field");
          ok = FALSE;
        }
    }
  return ok;
}
