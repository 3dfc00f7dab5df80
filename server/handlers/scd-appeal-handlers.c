/* scd-appeal-handlers.c
 *
 * Tribunal appeals: registered (POST /appeals, the tribunal's reference;
 * about a case), read alone or the team's list by next deadline, and
 * changed at their version (PUT with If-Match): the response sent, the
 * evidence and hearing dates, the outcome and the tribunal's orders are
 * what the change adds, checked against what it held
 * (sc_appeal_change_read). Audited as appeal.create, .read, .list and
 * .update.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-appeals"

#include "config.h"

#include "sc-appeal.h"
#include "sc-problem.h"
#include "scd-handlers.h"

static void
reply_appeal (ScdRequest  *request,
                 guint        status,
                 ScAppeal *appeal)
{
  scd_handler_set_etag (request, appeal->version);
  scd_handler_reply_model (request, status, appeal, (ScWriteJsonFunc) sc_appeal_write_json);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScAppeal) appeal = scd_appeal_store_create_finish (SCD_APPEAL_STORE (object), result, &error);
  g_autofree char *location = NULL;

  if (appeal == NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  location = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, appeal->id);
  scd_request_add_header (request, "Location", location);
  reply_appeal (request, SOUP_STATUS_CREATED, appeal);
}

void
scd_appeal_handler_create (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScAppeal) appeal = NULL;
  JsonObject *body = scd_handler_read_body (request, sc_appeal_create_members, &error);

  if (body == NULL)
    return;
  g_clear_error (&error);   /* the model's reader names every member again */
  appeal = sc_appeal_create_read (body, sc_day_today (), &error);
  json_object_unref (body);
  if (appeal == NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_appeal_store_create_async (scd_handler_stores (request)->appeals, scd_request_get_actor (request),
                                 appeal, scd_request_get_cancellable (request), created_cb,
                                 scd_handler_hold (request));
}

static void
got_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScAppeal) appeal = scd_appeal_store_get_finish (SCD_APPEAL_STORE (object), result, &error);

  if (appeal == NULL)
    scd_request_reply_error (request, error);
  else
    reply_appeal (request, SOUP_STATUS_OK, appeal);
}

void
scd_appeal_handler_get (ScdRequest *request)
{
  gint64 id;

  if (scd_handler_parse_id (request, "appeal", &id))
    scd_appeal_store_get_async (scd_handler_stores (request)->appeals, scd_request_get_actor (request), id,
                                scd_request_get_cancellable (request), got_cb, scd_handler_hold (request));
}

/* --- a change ------------------------------------------------------------ */

typedef struct
{
  ScdRequest *request;            /* owned */
  JsonObject *body;               /* owned */
  gint64      if_match;
  ScAppeal *before;            /* owned, once read */
  ScAppeal *after;             /* owned, once checked */
} Change;

static void
change_free (Change *change)
{
  scd_request_unref (change->request);
  json_object_unref (change->body);
  g_clear_pointer (&change->before, sc_appeal_free);
  g_clear_pointer (&change->after, sc_appeal_free);
  g_free (change);
}

static void
put_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Change *change = user_data;
  g_autoptr(GError) error = NULL;
  gint64 current = 0;
  g_autoptr(ScAppeal) appeal = scd_appeal_store_put_finish (SCD_APPEAL_STORE (object), result,
                                                            &current, &error);

  scd_handler_reply_versioned (change->request, appeal, appeal != NULL ? appeal->version : 0, error,
                               current, (ScWriteJsonFunc) sc_appeal_write_json);
  change_free (change);
}

/* What it holds now, read as the actor may read it: the change is
 * checked against it, and written only if it is still what was read */
static void
before_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Change *change = user_data;
  g_autoptr(GError) error = NULL;

  change->before = scd_appeal_store_get_finish (SCD_APPEAL_STORE (object), result, &error);
  if (change->before != NULL && change->before->version != change->if_match)
    {
      g_set_error (&error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED,
                   "appeal %" G_GINT64_FORMAT " was changed by someone else (now at version %" G_GINT64_FORMAT
                   "): reload it and make your change again", change->before->id, change->before->version);
      sc_error_take_problem (error, sc_problem_new (SC_ERROR_PRECONDITION_FAILED, error->message));
      scd_handler_reply_versioned (change->request, NULL, 0, error, change->before->version, NULL);
      change_free (change);
      return;
    }
  if (change->before != NULL)
    change->after = sc_appeal_change_read (change->before, change->body, sc_day_today (), &error);
  if (change->after == NULL)
    {
      scd_request_reply_error (change->request, error);
      change_free (change);
      return;
    }
  scd_appeal_store_put_async (SCD_APPEAL_STORE (object), scd_request_get_actor (change->request),
                              change->before, change->after, change->if_match,
                              scd_request_get_cancellable (change->request), put_cb, change);
}

void
scd_appeal_handler_put (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  JsonObject *body;
  Change *change;
  gint64 id, version = 0;

  if (!scd_handler_parse_id (request, "appeal", &id))
    return;
  body = scd_handler_read_body (request, sc_appeal_change_members, &error);
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
  change = g_new0 (Change, 1);
  change->request = scd_handler_hold (request);
  change->body = body;
  change->if_match = version;
  scd_appeal_store_get_async (scd_handler_stores (request)->appeals, scd_request_get_actor (request), id,
                              scd_request_get_cancellable (request), before_cb, change);
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
  ScdAppealQuery query = { .after_due = SC_DAY_NONE };
  const char *status = scd_handler_get_query_text (request, "status", &error);
  const char *case_id = scd_handler_get_query_text (request, "case_id", &error);
  guint64 value = 0;

  scd_handler_parse_limit (request, &query.limit, &error);
  scd_handler_parse_due_cursor (request, &query.after_due, &query.after_id, &error);
  if (status != NULL && !g_str_equal (status, "open") && !g_str_equal (status, "closed"))
    sc_set_field_error (&error, "status", "must be open or closed");
  query.status = status;
  if (case_id != NULL && !g_ascii_string_to_unsigned (case_id, 10, 1, G_MAXINT64, &value, NULL))
    sc_set_field_error (&error, "case_id", "must be a case's id");
  else
    query.case_id = (gint64) value;
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_appeal_store_list_async (scd_handler_stores (request)->appeals, scd_request_get_actor (request), &query,
                               scd_request_get_cancellable (request), list_cb, scd_handler_hold (request));
}
