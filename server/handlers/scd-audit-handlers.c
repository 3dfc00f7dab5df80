/* scd-audit-handlers.c
 *
 * GET /api/v1/audit: the audit trail, newest first, filtered by resource,
 * user and time, one page at a time. Reading the trail is itself recorded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-audit"

#include "config.h"

#include "scd-auth.h"
#include "scd-handlers.h"

static const char audit_list_sql[] =
  "WITH audit AS ("
  "  INSERT INTO audit_event (user_id, username, role, request_id, source_address,"
  "                           action, resource_type, resource_id, outcome)"
  "  VALUES ($1, $2, $3, $4, $5, 'audit.read', 'audit', NULL, 'success'))"
  "SELECT id, " SCD_SQL_TIMESTAMP ("at") ", user_id, username, role, action, resource_type, resource_id,"
  "       request_id, source_address, outcome"
  " FROM audit_event"
  " WHERE ($6::text IS NULL OR resource_type = $6)"
  "   AND ($7::text IS NULL OR resource_id = $7)"
  "   AND ($8::text IS NULL OR username = $8)"
  "   AND ($9::timestamptz IS NULL OR at >= $9)"
  "   AND ($10::timestamptz IS NULL OR at < $10)"
  "   AND ($11::bigint IS NULL OR id < $11)"
  " ORDER BY id DESC LIMIT $12";

static void
add_nullable_string (JsonBuilder    *builder,
                     const char     *member,
                     const PGresult *pg,
                     int             row,
                     int             column)
{
  json_builder_set_member_name (builder, member);
  if (PQgetisnull (pg, row, column))
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, PQgetvalue (pg, row, column));
}

static void
audit_row_to_json (JsonBuilder    *builder,
                   const PGresult *pg,
                   int             i)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, g_ascii_strtoll (PQgetvalue (pg, i, 0), NULL, 10));
  add_nullable_string (builder, "at", pg, i, 1);
  json_builder_set_member_name (builder, "user_id");
  if (PQgetisnull (pg, i, 2))
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, g_ascii_strtoll (PQgetvalue (pg, i, 2), NULL, 10));
  add_nullable_string (builder, "username", pg, i, 3);
  add_nullable_string (builder, "role", pg, i, 4);
  add_nullable_string (builder, "action", pg, i, 5);
  add_nullable_string (builder, "resource_type", pg, i, 6);
  add_nullable_string (builder, "resource_id", pg, i, 7);
  add_nullable_string (builder, "request_id", pg, i, 8);
  add_nullable_string (builder, "source_address", pg, i, 9);
  add_nullable_string (builder, "outcome", pg, i, 10);
  json_builder_end_object (builder);
}

static void
audit_list_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);

  if (pg == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, pg, GPOINTER_TO_INT (scd_request_get_data (request, "limit")),
                            audit_row_to_json);
}

/* A date (YYYY-MM-DD, taken as midnight UTC) or an RFC 3339 time; *@out is
 * the same instant as RFC 3339 text, which PostgreSQL reads the same way. */
static gboolean
check_time (const char  *text,
            const char  *field,
            char       **out,
            GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;

  *out = NULL;
  if (text == NULL)
    return TRUE;
  if (strlen (text) == 10)
    {
      g_autofree char *full = g_strconcat (text, "T00:00:00Z", NULL);
      parsed = g_date_time_new_from_iso8601 (full, NULL);
    }
  else
    parsed = g_date_time_new_from_iso8601 (text, NULL);
  if (parsed == NULL)
    {
      sc_set_field_error (error, field, "must be a date (YYYY-MM-DD) or a time with its zone (RFC 3339)");
      return FALSE;
    }
  *out = g_date_time_format_iso8601 (parsed);
  return TRUE;
}

void
scd_audit_handler_list (ScdRequest *request)
{
  g_autoptr(ScdParams) params = scd_params_new ();
  g_autoptr(GError) error = NULL;
  const char *from = scd_request_get_query (request, "from");
  const char *to = scd_request_get_query (request, "to");
  const char *cursor = scd_request_get_query (request, "cursor");
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  guint64 before = 0;
  gint64 limit;

  scd_handler_parse_limit (request, &limit, &error);
  check_time (from, "from", &from_text, &error);
  check_time (to, "to", &to_text, &error);
  if (cursor != NULL && !g_ascii_string_to_unsigned (cursor, 10, 1, G_MAXINT64, &before, NULL))
    sc_set_field_error (&error, "cursor", "is not a cursor this server gave out");
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }

  scd_audit_add_actor (params, request);
  scd_params_add (params, scd_request_get_query (request, "resource_type"));
  scd_params_add (params, scd_request_get_query (request, "resource_id"));
  scd_params_add (params, scd_request_get_query (request, "user"));
  scd_params_add (params, from_text);
  scd_params_add (params, to_text);
  if (cursor != NULL)
    scd_params_add_int (params, (gint64) before);
  else
    scd_params_add (params, NULL);
  scd_params_add_int (params, limit + 1);
  scd_request_set_data (request, "limit", GINT_TO_POINTER ((int) limit), NULL);
  scd_request_query (request, audit_list_sql, params, audit_list_cb);
}
