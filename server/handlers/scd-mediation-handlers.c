/* scd-mediation-handlers.c
 *
 * Mediation: started on a case (POST /mediations, the day the family asked
 * the mediation adviser), read alone or the team's list by next deadline,
 * and changed at its version (PUT with If-Match): the advice, the request
 * for mediation, the mediation held, the certificate, the outcome and the
 * agreements are what the change adds, checked against what it held
 * (sc_mediation_change_read); the three are the record handlers'
 * (scd-record-handlers.h). Audited as mediation.create, .read, .list and
 * .update.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-mediations"

#include "config.h"

#include "sc-mediation.h"
#include "scd-record-handlers.h"

static gpointer
mediation_store (ScdStores *stores)
{
  return stores->mediations;
}

static const ScdRecordKind mediation_kind = {
  .name = "mediation",
  .path = "/api/v1/mediations",
  .create_members = sc_mediation_create_members,
  .change_members = sc_mediation_change_members,
  .create_read = (gpointer) sc_mediation_create_read,
  .change_read = (gpointer) sc_mediation_change_read,
  .write_json = (ScWriteJsonFunc) sc_mediation_write_json,
  .free = (GDestroyNotify) sc_mediation_free,
  .id_offset = G_STRUCT_OFFSET (ScMediation, id),
  .version_offset = G_STRUCT_OFFSET (ScMediation, version),
  .store = mediation_store,
  .create_async = (gpointer) scd_mediation_store_create_async,
  .create_finish = (gpointer) scd_mediation_store_create_finish,
  .get_async = (gpointer) scd_mediation_store_get_async,
  .get_finish = (gpointer) scd_mediation_store_get_finish,
  .put_async = (gpointer) scd_mediation_store_put_async,
  .put_finish = (gpointer) scd_mediation_store_put_finish,
};

void
scd_mediation_handler_create (ScdRequest *request)
{
  scd_record_handler_create (request, &mediation_kind);
}

void
scd_mediation_handler_get (ScdRequest *request)
{
  scd_record_handler_get (request, &mediation_kind);
}

void
scd_mediation_handler_put (ScdRequest *request)
{
  scd_record_handler_put (request, &mediation_kind);
}

/* --- the team's list ----------------------------------------------------- */

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;
  g_autoptr(GPtrArray) mediations = scd_mediation_store_list_finish (SCD_MEDIATION_STORE (object), result,
                                                               &next_cursor, &error);

  if (mediations == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, mediations, next_cursor, (ScWriteJsonFunc) sc_mediation_write_json);
}

void
scd_mediation_handler_list (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  ScdMediationQuery query;

  scd_handler_parse_record_query (request, NULL, &query, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_mediation_store_list_async (scd_handler_stores (request)->mediations, scd_request_get_actor (request), &query,
                               scd_request_get_cancellable (request), list_cb, scd_handler_hold (request));
}
