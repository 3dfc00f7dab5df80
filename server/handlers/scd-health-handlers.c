/* scd-health-handlers.c
 *
 * GET /api/v1/health: whether the daemon can reach its database, and at
 * which schema version. It needs no session, so load balancers and the
 * client's connection page can call it; it says nothing about any case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-health"

#include "config.h"

#include "scd-handlers.h"
#include "scd-server.h"
#include "store/scd-db.h"

static const char health_sql[] =
  "SELECT coalesce(max(version), 0) FROM schema_migrations";

static JsonNode *
health_json (gboolean    ok,
             const char *schema_version)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, ok ? "ok" : "unavailable");
  json_builder_set_member_name (builder, "database");
  json_builder_add_string_value (builder, ok ? "ok" : "unavailable");
  json_builder_set_member_name (builder, "schema_version");
  if (schema_version != NULL)
    json_builder_add_int_value (builder, g_ascii_strtoll (schema_version, NULL, 10));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
health_query_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg_result = scd_db_query_finish (SCD_DB (object), result, &error);

  if (pg_result == NULL || PQntuples (pg_result) != 1)
    {
      if (error != NULL && !g_error_matches (error, SC_ERROR, SC_ERROR_UNAVAILABLE))
        g_warning ("request %s: health check failed: %s", scd_request_get_id (request), error->message);
      scd_request_add_header (request, "Retry-After", "5");
      scd_request_reply_json (request, SOUP_STATUS_SERVICE_UNAVAILABLE, health_json (FALSE, NULL));
      return;
    }
  scd_request_reply_json (request, SOUP_STATUS_OK, health_json (TRUE, PQgetvalue (pg_result, 0, 0)));
}

void
scd_health_handler_get (ScdRequest *request)
{
  ScdDb *db = scd_server_get_db (scd_request_get_server (request));

  scd_request_add_header (request, "Cache-Control", "no-store");
  scd_request_pause (request);
  scd_db_query_async (db, health_sql, NULL, 0, scd_request_get_cancellable (request),
                      health_query_cb, scd_request_ref (request));
}
