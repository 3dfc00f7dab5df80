/* sc-page.c
 *
 * The page codec: the envelope of every list answer around the items'
 * own codec.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-page"

#include "config.h"

#include "sc-error.h"
#include "sc-page.h"

void
sc_page_write_json (GPtrArray       *items,
                    ScWriteJsonFunc  write_item,
                    const char      *next_cursor,
                    ScJsonWriter    *writer)
{
  g_return_if_fail (items != NULL);
  g_return_if_fail (write_item != NULL);
  g_return_if_fail (writer != NULL);

  sc_json_writer_begin_object (writer);
  sc_json_writer_member (writer, "items");
  sc_json_writer_begin_array (writer);
  for (guint i = 0; i < items->len; i++)
    write_item (g_ptr_array_index (items, i), writer);
  sc_json_writer_end_array (writer);
  sc_json_writer_member_string (writer, "next_cursor", next_cursor);
  sc_json_writer_end_object (writer);
}

GPtrArray *
sc_page_read_json (JsonNode        *node,
                   ScReadJsonFunc   read_item,
                   char           **next_cursor,
                   GError         **error)
{
  return sc_page_read_json_full (node, read_item, g_object_unref, next_cursor, error);
}

GPtrArray *
sc_page_read_json_full (JsonNode        *node,
                        ScReadJsonFunc   read_item,
                        GDestroyNotify   free_item,
                        char           **next_cursor,
                        GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;
  JsonObject *object;
  JsonNode *member;
  JsonArray *array;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (read_item != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (next_cursor != NULL)
    *next_cursor = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "page: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  member = json_object_get_member (object, "items");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "page: member \"items\" must be an array");
      return NULL;
    }
  array = json_node_get_array (member);
  items = g_ptr_array_new_full (json_array_get_length (array), free_item);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) item_error = NULL;
      gpointer item = read_item (json_array_get_element (array, i), &item_error);

      if (item == NULL)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "page: item %u: %s", i, item_error->message);
          return NULL;
        }
      g_ptr_array_add (items, item);
    }

  member = json_object_get_member (object, "next_cursor");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member) &&
      (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "page: member \"next_cursor\" must be a string or null");
      return NULL;
    }
  if (next_cursor != NULL && member != NULL && !JSON_NODE_HOLDS_NULL (member))
    *next_cursor = g_strdup (json_node_get_string (member));
  return g_steal_pointer (&items);
}
