/* scd-audit-handlers.c
 *
 * GET /api/v1/audit: the audit trail, newest first, filtered by resource,
 * user and time, one page at a time. Reading the trail is itself recorded,
 * with the ids of the events shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-audit"

#include "config.h"

#include "sc-audit-event.h"
#include "sc-problem.h"
#include "scd-handlers.h"

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GPtrArray) events = scd_audit_store_list_finish (SCD_AUDIT_STORE (object), result, &next, &error);

  if (events == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, events, next, (ScWriteJsonFunc) sc_audit_event_write_json);
}

/* A date (YYYY-MM-DD, taken as midnight UTC) or an RFC 3339 time, as Unix
 * microseconds; 0 when absent. */
static void
parse_time (ScdRequest  *request,
            const char  *field,
            gint64      *usec,
            GError     **error)
{
  const char *text = scd_request_get_query (request, field);
  g_autoptr(GDateTime) parsed = NULL;

  *usec = 0;
  if (text == NULL)
    return;
  if (strlen (text) == 10)
    {
      g_autofree char *full = g_strconcat (text, "T00:00:00Z", NULL);
      parsed = g_date_time_new_from_iso8601 (full, NULL);
    }
  else
    parsed = g_date_time_new_from_iso8601 (text, NULL);
  if (parsed == NULL)
    sc_set_field_error (error, field, "must be a date (YYYY-MM-DD) or a time with its zone (RFC 3339)");
  else
    *usec = g_date_time_to_unix (parsed) * G_USEC_PER_SEC + g_date_time_get_microsecond (parsed);
}

void
scd_audit_handler_list (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  ScdAuditFilter filter = { 0 };

  scd_handler_parse_limit (request, &filter.limit, &error);
  parse_time (request, "from", &filter.from, &error);
  parse_time (request, "to", &filter.to, &error);
  scd_handler_parse_cursor (request, &filter.before, &error);
  filter.resource_type = scd_handler_get_query_text (request, "resource_type", &error);
  filter.resource_id = scd_handler_get_query_text (request, "resource_id", &error);
  filter.username = scd_handler_get_query_text (request, "user", &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_audit_store_list_async (scd_handler_stores (request)->audit, scd_request_get_actor (request), &filter,
                              scd_request_get_cancellable (request), list_cb, scd_handler_hold (request));
}
