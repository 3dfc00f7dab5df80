/* scd-handler-util.c
 *
 * What many handlers do the same way: read a JSON body, parse ?limit,
 * answer a page of a list, answer 204 after a write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-json.h"
#include "sc-problem.h"
#include "scd-handlers.h"
#include "store/scd-db.h"

#define LIST_DEFAULT_LIMIT 100
#define LIST_MAX_LIMIT 500

gboolean
scd_handler_parse_limit (ScdRequest  *request,
                         gint64      *limit,
                         GError     **error)
{
  const char *text = scd_request_get_query (request, "limit");
  guint64 value;

  *limit = LIST_DEFAULT_LIMIT;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, LIST_MAX_LIMIT, &value, NULL))
    {
      sc_set_field_error (error, "limit", "must be a whole number from 1 to %d", LIST_MAX_LIMIT);
      return FALSE;
    }
  *limit = (gint64) value;
  return TRUE;
}

JsonObject *
scd_handler_read_body (ScdRequest         *request,
                       const char * const *allowed,
                       GError            **error)
{
  g_autoptr(GError) parse_error = NULL;
  JsonObject *body = scd_request_parse_json_object (request, &parse_error);

  if (body == NULL)
    {
      scd_request_reply_error (request, parse_error);
      return NULL;
    }
  sc_json_check_members (body, allowed, error);
  return body;
}

void
scd_handler_reply_page (ScdRequest     *request,
                        const PGresult *pg,
                        gint64          limit,
                        ScdRowToJson    row_to_json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int n = PQntuples (pg);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (int i = 0; i < MIN (n, limit); i++)
    row_to_json (builder, pg, i);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "next_cursor");
  if (n > limit)
    json_builder_add_string_value (builder, PQgetvalue (pg, (int) limit - 1, 0));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  scd_request_reply_json (request, SOUP_STATUS_OK, json_builder_get_root (builder));
}

void
scd_handler_reply_no_content_cb (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);

  if (pg == NULL)
    scd_request_reply_error (request, error);
  else
    scd_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
}
