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

#include "sc-health.h"
#include "scd-handlers.h"

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScHealth) health = scd_health_store_check_finish (SCD_HEALTH_STORE (object), result, &error);

  if (health != NULL)
    {
      scd_handler_reply_model (request, SOUP_STATUS_OK, health, (ScWriteJsonFunc) sc_health_write_json);
      return;
    }
  if (!g_error_matches (error, SC_ERROR, SC_ERROR_UNAVAILABLE))
    g_warning ("request %s: health check failed: %s", scd_request_get_id (request), error->message);
  health = sc_health_new (FALSE, -1, PACKAGE_VERSION);
  scd_request_add_header (request, "Retry-After", "5");
  scd_handler_reply_model (request, SOUP_STATUS_SERVICE_UNAVAILABLE, health, (ScWriteJsonFunc) sc_health_write_json);
}

void
scd_health_handler_get (ScdRequest *request)
{
  scd_request_add_header (request, "Cache-Control", "no-store");
  scd_health_store_check_async (scd_handler_stores (request)->health, scd_request_get_cancellable (request),
                                checked_cb, scd_handler_hold (request));
}
