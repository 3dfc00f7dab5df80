/* scd-record-handlers.c
 *
 * The handlers a record kind shares: see scd-record-handlers.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-records"

#include "config.h"

#include "sc-problem.h"
#include "scd-record-handlers.h"

#define RECORD_INT(kind, record, member) (*(const gint64 *) ((const char *) (record) + (kind)->member##_offset))

typedef struct
{
  const ScdRecordKind *kind;
  ScdRequest          *request;   /* owned */
  JsonObject          *body;      /* owned, a change's */
  gint64               if_match;
  gpointer             before;    /* owned, once read */
  gpointer             after;     /* owned, once checked */
} Call;

static Call *
call_new (ScdRequest          *request,
          const ScdRecordKind *kind)
{
  Call *call = g_new0 (Call, 1);

  call->kind = kind;
  call->request = scd_handler_hold (request);
  return call;
}

static void
call_free (Call *call)
{
  scd_request_unref (call->request);
  g_clear_pointer (&call->body, json_object_unref);
  g_clear_pointer (&call->before, call->kind->free);
  g_clear_pointer (&call->after, call->kind->free);
  g_free (call);
}

static gpointer
store_of (Call *call)
{
  return call->kind->store (scd_handler_stores (call->request));
}

static void
reply_record (Call     *call,
              guint     status,
              gpointer  record)
{
  scd_handler_set_etag (call->request, RECORD_INT (call->kind, record, version));
  scd_handler_reply_model (call->request, status, record, call->kind->write_json);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(GError) error = NULL;
  gpointer record = call->kind->create_finish (object, result, &error);
  g_autofree char *location = NULL;

  if (record == NULL)
    {
      scd_request_reply_error (call->request, error);
      call_free (call);
      return;
    }
  location = g_strdup_printf ("%s/%" G_GINT64_FORMAT, call->kind->path, RECORD_INT (call->kind, record, id));
  scd_request_add_header (call->request, "Location", location);
  reply_record (call, SOUP_STATUS_CREATED, record);
  call->kind->free (record);
  call_free (call);
}

void
scd_record_handler_create (ScdRequest          *request,
                           const ScdRecordKind *kind)
{
  g_autoptr(GError) error = NULL;
  gpointer record;
  JsonObject *body = scd_handler_read_body (request, kind->create_members, &error);
  Call *call;

  if (body == NULL)
    return;
  g_clear_error (&error);   /* the model's reader names every member again */
  record = kind->create_read (body, sc_day_today (), &error);
  json_object_unref (body);
  if (record == NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  call = call_new (request, kind);
  call->after = record;
  kind->create_async (store_of (call), scd_request_get_actor (request), record,
                      scd_request_get_cancellable (request), created_cb, call);
}

static void
got_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(GError) error = NULL;
  gpointer record = call->kind->get_finish (object, result, &error);

  if (record == NULL)
    scd_request_reply_error (call->request, error);
  else
    reply_record (call, SOUP_STATUS_OK, record);
  g_clear_pointer (&record, call->kind->free);
  call_free (call);
}

void
scd_record_handler_get (ScdRequest          *request,
                        const ScdRecordKind *kind)
{
  gint64 id;
  Call *call;

  if (!scd_handler_parse_id (request, kind->name, &id))
    return;
  call = call_new (request, kind);
  kind->get_async (store_of (call), scd_request_get_actor (request), id, scd_request_get_cancellable (request),
                   got_cb, call);
}

static void
put_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(GError) error = NULL;
  gint64 current = 0;
  gpointer record = call->kind->put_finish (object, result, &current, &error);

  scd_handler_reply_versioned (call->request, record, record != NULL ? RECORD_INT (call->kind, record, version) : 0,
                               error, current, call->kind->write_json);
  g_clear_pointer (&record, call->kind->free);
  call_free (call);
}

/* What it holds now, read as the actor may read it: the change is
 * checked against it, and written only if it is still what was read */
static void
before_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Call *call = user_data;
  const ScdRecordKind *kind = call->kind;
  g_autoptr(GError) error = NULL;
  gint64 version;

  call->before = kind->get_finish (object, result, &error);
  version = call->before != NULL ? RECORD_INT (kind, call->before, version) : 0;
  if (call->before != NULL && version != call->if_match)
    {
      g_set_error (&error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED,
                   "%s %" G_GINT64_FORMAT " was changed by someone else (now at version %" G_GINT64_FORMAT
                   "): reload it and make your change again", kind->name, RECORD_INT (kind, call->before, id),
                   version);
      sc_error_take_problem (error, sc_problem_new (SC_ERROR_PRECONDITION_FAILED, error->message));
      scd_handler_reply_versioned (call->request, NULL, 0, error, version, NULL);
      call_free (call);
      return;
    }
  if (call->before != NULL)
    call->after = kind->change_read (call->before, call->body, sc_day_today (), &error);
  if (call->after == NULL)
    {
      scd_request_reply_error (call->request, error);
      call_free (call);
      return;
    }
  kind->put_async (object, scd_request_get_actor (call->request), call->before, call->after, call->if_match,
                   scd_request_get_cancellable (call->request), put_cb, call);
}

void
scd_record_handler_put (ScdRequest          *request,
                        const ScdRecordKind *kind)
{
  g_autoptr(GError) error = NULL;
  JsonObject *body;
  Call *call;
  gint64 id, version = 0;

  if (!scd_handler_parse_id (request, kind->name, &id))
    return;
  body = scd_handler_read_body (request, kind->change_members, &error);
  if (body == NULL)
    return;
  if (error == NULL)
    scd_request_get_if_match (request, &version, &error);
  if (error != NULL)
    {
      json_object_unref (body);
      scd_request_reply_error (request, error);
      return;
    }
  call = call_new (request, kind);
  call->body = body;
  call->if_match = version;
  kind->get_async (store_of (call), scd_request_get_actor (request), id, scd_request_get_cancellable (request),
                   before_cb, call);
}
