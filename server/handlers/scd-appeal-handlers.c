/* scd-appeal-handlers.c
 *
 * Tribunal appeals: registered (POST /appeals, the tribunal's reference;
 * about a case), read alone or the team's list by next deadline, and
 * changed at their version (PUT with If-Match): the response sent, the
 * evidence and hearing dates, the outcome and the tribunal's orders are
 * what the change adds, checked against what it held
 * (sc_appeal_change_read); the three are the record handlers'
 * (scd-record-handlers.h). Audited as appeal.create, .read, .list and
 * .update.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-appeals"

#include "config.h"

#include "sc-appeal.h"
#include "scd-record-handlers.h"

static gpointer
appeal_store (ScdStores *stores)
{
  return stores->appeals;
}

static const ScdRecordKind appeal_kind = {
  .name = "appeal",
  .path = "/api/v1/appeals",
  .create_members = sc_appeal_create_members,
  .change_members = sc_appeal_change_members,
  .create_read = (gpointer) sc_appeal_create_read,
  .change_read = (gpointer) sc_appeal_change_read,
  .write_json = (ScWriteJsonFunc) sc_appeal_write_json,
  .free = (GDestroyNotify) sc_appeal_free,
  .id_offset = G_STRUCT_OFFSET (ScAppeal, id),
  .version_offset = G_STRUCT_OFFSET (ScAppeal, version),
  .store = appeal_store,
  .create_async = (gpointer) scd_appeal_store_create_async,
  .create_finish = (gpointer) scd_appeal_store_create_finish,
  .get_async = (gpointer) scd_appeal_store_get_async,
  .get_finish = (gpointer) scd_appeal_store_get_finish,
  .put_async = (gpointer) scd_appeal_store_put_async,
  .put_finish = (gpointer) scd_appeal_store_put_finish,
};

void
scd_appeal_handler_create (ScdRequest *request)
{
  scd_record_handler_create (request, &appeal_kind);
}

void
scd_appeal_handler_get (ScdRequest *request)
{
  scd_record_handler_get (request, &appeal_kind);
}

void
scd_appeal_handler_put (ScdRequest *request)
{
  scd_record_handler_put (request, &appeal_kind);
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
  g_autoptr(GPtrArray) appeals = scd_appeal_store_list_finish (SCD_APPEAL_STORE (object), result,
                                                               &next_cursor, &error);

  if (appeals == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, appeals, next_cursor, (ScWriteJsonFunc) sc_appeal_write_json);
}

void
scd_appeal_handler_list (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  ScdAppealQuery query;

  scd_handler_parse_record_query (request, NULL, &query, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_appeal_store_list_async (scd_handler_stores (request)->appeals, scd_request_get_actor (request), &query,
                               scd_request_get_cancellable (request), list_cb, scd_handler_hold (request));
}
