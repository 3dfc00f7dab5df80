/* scd-review-handlers.c
 *
 * The annual reviews of a case's plan: the list, and the change of what a
 * review holds beyond its dates (PUT, If-Match the review's version;
 * If-None-Match: * for one with nothing recorded yet). The dates are
 * recorded as the case's events (POST .../events: review_meeting,
 * review_report_received, review_decision). And the team's reviews due
 * within eight weeks or overdue. Reviews are case content
 * (docs/access.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-reviews"

#include "config.h"

#include "sc-problem.h"
#include "sc-review.h"
#include "scd-handlers.h"

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = scd_review_store_list_finish (SCD_REVIEW_STORE (object), result, &error);

  if (reviews == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, reviews, NULL, (ScWriteJsonFunc) sc_review_write_json);
}

void
scd_review_handler_list (ScdRequest *request)
{
  gint64 id;

  if (scd_handler_parse_id (request, "case", &id))
    scd_review_store_list_async (scd_handler_stores (request)->reviews, scd_request_get_actor (request), id,
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
  g_autoptr(ScReview) review = scd_review_store_put_finish (SCD_REVIEW_STORE (object), result, &current, &error);

  scd_handler_reply_versioned (request, review, review != NULL ? review->version : 0, error, current,
                               (ScWriteJsonFunc) sc_review_write_json);
}

void
scd_review_handler_put (ScdRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  ScReviewChange change = { 0 };
  gint64 version = 0;
  gint64 id, review_id;

  if (!scd_handler_parse_id (request, "case", &id) ||
      !scd_handler_parse_param_id (request, "review_id", "review", &review_id))
    return;
  body = scd_handler_read_body (request, sc_review_change_members, &error);
  if (body == NULL)
    return;
  if (error == NULL)
    sc_review_change_read (body, &change, &error);
  if (error == NULL && !scd_handler_creates (request))
    scd_request_get_if_match (request, &version, &error);
  if (error != NULL)
    {
      sc_review_change_clear (&change);
      scd_request_reply_error (request, error);
      return;
    }
  scd_review_store_put_async (scd_handler_stores (request)->reviews, scd_request_get_actor (request), id, review_id,
                              &change, version, scd_request_get_cancellable (request), put_cb,
                              scd_handler_hold (request));
  sc_review_change_clear (&change);
}

static void
due_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GPtrArray) reviews = scd_review_store_due_finish (SCD_REVIEW_STORE (object), result, &next, &error);

  if (reviews == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, reviews, next, (ScWriteJsonFunc) sc_review_write_json);
}

void
scd_review_handler_due (ScdRequest *request)
{
  ScdChaseQuery query;

  if (scd_handler_read_chase_query (request, &query))
    scd_review_store_due_async (scd_handler_stores (request)->reviews, scd_request_get_actor (request),
                                query.owner_id, query.overdue_only, query.after_due, query.after_case,
                                query.after_position, query.limit, scd_request_get_cancellable (request),
                                due_cb, scd_handler_hold (request));
}

static void
phase_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) transfers = scd_review_store_phase_transfers_finish (SCD_REVIEW_STORE (object), result,
                                                                            &error);

  if (transfers == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, transfers, NULL, (ScWriteJsonFunc) sc_phase_transfer_write_json);
}

/* GET /phase-transfers?year=&owner=: by default the year whose deadlines
 * come next (the store's) and the team's */
void
scd_review_handler_phase_transfers (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  const char *year = scd_handler_get_query_text (request, "year", &error);
  int transfer_year = 0;
  gint64 owner_id = 0;
  guint64 value;

  scd_handler_read_owner (request, &owner_id, &error);
  if (year != NULL)
    {
      if (g_ascii_string_to_unsigned (year, 10, 2000, 2100, &value, NULL))
        transfer_year = (int) value;
      else
        sc_set_field_error (&error, "year", "must be a year from 2000 to 2100");
    }
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_review_store_phase_transfers_async (scd_handler_stores (request)->reviews, scd_request_get_actor (request),
                                          transfer_year, owner_id, scd_request_get_cancellable (request), phase_cb,
                                          scd_handler_hold (request));
}
