/* scd-complaint-handlers.c
 *
 * Complaints: logged (POST /complaints, a reference of its own; about a
 * case or the service), read alone or the team's list by next deadline,
 * and changed at their version (PUT with If-Match): its acknowledgement,
 * extensions, answer, stage 2 and the Ombudsman's part are what the change
 * adds, checked against what it held (sc_complaint_change_read). The
 * three are the record handlers' (scd-record-handlers.h). Audited as
 * complaint.create, .read, .list and .update.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-complaints"

#include "config.h"

#include "sc-complaint.h"
#include "scd-record-handlers.h"

static gpointer
complaint_store (ScdStores *stores)
{
  return stores->complaints;
}

static const ScdRecordKind complaint_kind = {
  .name = "complaint",
  .path = "/api/v1/complaints",
  .create_members = sc_complaint_create_members,
  .change_members = sc_complaint_change_members,
  .create_read = (gpointer) sc_complaint_create_read,
  .change_read = (gpointer) sc_complaint_change_read,
  .write_json = (ScWriteJsonFunc) sc_complaint_write_json,
  .free = (GDestroyNotify) sc_complaint_free,
  .id_offset = G_STRUCT_OFFSET (ScComplaint, id),
  .version_offset = G_STRUCT_OFFSET (ScComplaint, version),
  .store = complaint_store,
  .create_async = (gpointer) scd_complaint_store_create_async,
  .create_finish = (gpointer) scd_complaint_store_create_finish,
  .get_async = (gpointer) scd_complaint_store_get_async,
  .get_finish = (gpointer) scd_complaint_store_get_finish,
  .put_async = (gpointer) scd_complaint_store_put_async,
  .put_finish = (gpointer) scd_complaint_store_put_finish,
};

void
scd_complaint_handler_create (ScdRequest *request)
{
  scd_record_handler_create (request, &complaint_kind);
}

void
scd_complaint_handler_get (ScdRequest *request)
{
  scd_record_handler_get (request, &complaint_kind);
}

void
scd_complaint_handler_put (ScdRequest *request)
{
  scd_record_handler_put (request, &complaint_kind);
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
  g_autoptr(GPtrArray) complaints = scd_complaint_store_list_finish (SCD_COMPLAINT_STORE (object), result,
                                                                     &next_cursor, &error);

  if (complaints == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, complaints, next_cursor, (ScWriteJsonFunc) sc_complaint_write_json);
}

void
scd_complaint_handler_list (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  ScdComplaintQuery query;

  scd_handler_parse_record_query (request, "complaints about the service", &query, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_complaint_store_list_async (scd_handler_stores (request)->complaints, scd_request_get_actor (request), &query,
                                  scd_request_get_cancellable (request), list_cb, scd_handler_hold (request));
}
