/* scd-proceeding-handlers.c
 *
 * The amendments, reassessments, ceasings and transfers in of a case's
 * plan: the list, and the change of what one holds beyond its dates (PUT,
 * If-Match its version; If-None-Match: * for one with nothing recorded
 * yet). Their dates are the case's events (POST .../events). Proceedings
 * are case content (docs/access.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-proceedings"

#include "config.h"

#include "sc-proceeding.h"
#include "scd-handlers.h"

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) proceedings = scd_proceeding_store_list_finish (SCD_PROCEEDING_STORE (object), result,
                                                                       &error);

  if (proceedings == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, proceedings, NULL, (ScWriteJsonFunc) sc_proceeding_write_json);
}

void
scd_proceeding_handler_list (ScdRequest *request)
{
  gint64 id;

  if (scd_handler_parse_id (request, "case", &id))
    scd_proceeding_store_list_async (scd_handler_stores (request)->proceedings, scd_request_get_actor (request), id,
                                     scd_request_get_cancellable (request), list_cb, scd_handler_hold (request));
}

static void
put_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  gint64 current = 0;
  g_autoptr(ScProceeding) proceeding = scd_proceeding_store_put_finish (SCD_PROCEEDING_STORE (object), result,
                                                                        &current, &error);

  scd_handler_reply_versioned (request, proceeding, proceeding != NULL ? proceeding->version : 0, error, current,
                               (ScWriteJsonFunc) sc_proceeding_write_json);
}

void
scd_proceeding_handler_put (ScdRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  ScProceedingChange change = { 0 };
  gint64 version = 0;
  gint64 id, proceeding_id;

  if (!scd_handler_parse_id (request, "case", &id) ||
      !scd_handler_parse_param_id (request, "proceeding_id", "proceeding", &proceeding_id))
    return;
  body = scd_handler_read_body (request, sc_proceeding_change_members, &error);
  if (body == NULL)
    return;
  if (error == NULL)
    sc_proceeding_change_read (body, &change, &error);
  if (error == NULL && !scd_handler_creates (request))
    scd_request_get_if_match (request, &version, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_proceeding_store_put_async (scd_handler_stores (request)->proceedings, scd_request_get_actor (request), id,
                                  proceeding_id, &change, version, scd_request_get_cancellable (request), put_cb,
                                  scd_handler_hold (request));
}
