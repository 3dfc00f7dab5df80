/* scd-dispute-handlers.c
 *
 * The team's view across its disputes: every open complaint, mediation
 * and tribunal appeal by next deadline (GET /disputes; or those closed, or
 * all, or a case's), and the counts of
 * a year's disputes (GET /disputes/counts?year=), each as JSON or, with
 * format=csv, as CSV. Audited as dispute.list (with the disputes shown)
 * and dispute.counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-disputes"

#include "config.h"

#include "sc-dispute.h"
#include "sc-problem.h"
#include "scd-handlers.h"

/* ?format=json|csv: TRUE for csv */
static gboolean
wants_csv (ScdRequest  *request,
           GError     **error)
{
  const char *format = scd_handler_get_query_text (request, "format", error);

  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    sc_set_field_error (error, "format", "must be json or csv");
  return g_strcmp0 (format, "csv") == 0;
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;
  g_autoptr(GPtrArray) disputes = scd_dispute_store_list_finish (SCD_DISPUTE_STORE (object), result, &next_cursor,
                                                                 &error);
  GString *csv;

  if (disputes == NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  if (!wants_csv (request, NULL))
    {
      scd_handler_reply_page (request, disputes, next_cursor, (ScWriteJsonFunc) sc_dispute_write_json);
      return;
    }
  csv = g_string_sized_new (64 + 80 * disputes->len);
  sc_dispute_append_csv_header (csv);
  for (guint i = 0; i < disputes->len; i++)
    sc_dispute_append_csv (g_ptr_array_index (disputes, i), csv);
  scd_handler_reply_csv (request, "disputes.csv", csv, next_cursor);
}

/* ?cursor=DUE.KIND.ID */
static void
parse_cursor (ScdRequest      *request,
              ScdDisputeQuery *query,
              GError         **error)
{
  const char *cursor = scd_handler_get_query_text (request, "cursor", error);
  g_auto(GStrv) parts = NULL;
  guint64 value = 0;

  query->after_due = SC_DAY_NONE;
  if (cursor == NULL)
    return;
  parts = g_strsplit (cursor, ".", 0);
  if (g_strv_length (parts) != 3 || !sc_day_parse (parts[0], &query->after_due) ||
      !g_strv_contains (sc_dispute_kinds, parts[1]) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, G_MAXINT64, &value, NULL))
    {
      query->after_due = SC_DAY_NONE;
      sc_set_field_error (error, "cursor", "is not a cursor this server gave out");
      return;
    }
  query->after_kind = g_intern_string (parts[1]);
  query->after_id = (gint64) value;
}

/* ?case_id=ID: that case's; ?status=open (the default), closed or all */
static void
parse_chosen (ScdRequest      *request,
              ScdDisputeQuery *query,
              GError         **error)
{
  const char *status = scd_handler_get_query_text (request, "status", error);

  if (status == NULL || g_str_equal (status, "open") || g_str_equal (status, "closed"))
    query->status = status != NULL ? g_intern_string (status) : "open";
  else if (!g_str_equal (status, "all"))
    sc_set_field_error (error, "status", "must be open, closed or all");
  query->case_id = scd_handler_parse_case_id (request, NULL, error);
}

void
scd_dispute_handler_list (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  ScdDisputeQuery query = { .after_due = SC_DAY_NONE };

  scd_handler_parse_limit (request, &query.limit, &error);
  parse_cursor (request, &query, &error);
  parse_chosen (request, &query, &error);
  wants_csv (request, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_dispute_store_list_async (scd_handler_stores (request)->disputes, scd_request_get_actor (request), &query,
                                scd_request_get_cancellable (request), list_cb, scd_handler_hold (request));
}

static void
write_counts (GPtrArray    *counts,
              ScJsonWriter *writer)
{
  sc_json_writer_begin_array (writer);
  for (guint i = 0; i < counts->len; i++)
    sc_dispute_count_write_json (g_ptr_array_index (counts, i), writer);
  sc_json_writer_end_array (writer);
}

typedef struct
{
  int        year;
  GPtrArray *counts;
} Counts;

static void
write_answer (Counts       *answer,
              ScJsonWriter *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "year", answer->year);
  sc_json_writer_member (writer, "counts");
  write_counts (answer->counts, writer);
  sc_json_writer_end_object (writer);
}

/* ?year=YYYY, this year when absent */
static int
parse_year (ScdRequest  *request,
            GError     **error)
{
  const char *text = scd_handler_get_query_text (request, "year", error);
  guint64 value = 0;

  if (text == NULL)
    {
      char day[SC_DAY_STRING_SIZE];

      sc_day_format (sc_day_today (), day);
      return atoi (day);
    }
  if (!g_ascii_string_to_unsigned (text, 10, 2000, 2999, &value, NULL))
    sc_set_field_error (error, "year", "must be a year, 2000 to 2999");
  return (int) value;
}

static void
counts_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = scd_dispute_store_counts_finish (SCD_DISPUTE_STORE (object), result, &error);
  Counts answer = { parse_year (request, NULL), counts };
  GString *csv;

  if (counts == NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  if (!wants_csv (request, NULL))
    {
      scd_handler_reply_model (request, SOUP_STATUS_OK, &answer, (ScWriteJsonFunc) write_answer);
      return;
    }
  csv = g_string_new (NULL);
  sc_dispute_counts_append_csv (counts, answer.year, csv);
  scd_handler_reply_csv (request, "dispute-counts.csv", csv, NULL);
}

void
scd_dispute_handler_counts (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  int year = parse_year (request, &error);

  wants_csv (request, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_dispute_store_counts_async (scd_handler_stores (request)->disputes, scd_request_get_actor (request), year,
                                  scd_request_get_cancellable (request), counts_cb, scd_handler_hold (request));
}
