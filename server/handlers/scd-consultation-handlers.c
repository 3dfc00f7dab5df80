/* scd-consultation-handlers.c
 *
 * Consultations: a case's list; sending one (an institution of the
 * directory that is not closed, recorded as the case's consultation_sent
 * event, Idempotency-Key as for any event); the change of what one holds
 * beyond its dates (PUT, If-Match its version; If-None-Match: * for one
 * with nothing recorded yet); the team's list, in JSON or CSV; chasing
 * many at once; and each institution's figures for team managers. Its
 * answer and withdrawal are events too (POST .../events). Consultations
 * are case content (docs/access.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-consultations"

#include "config.h"

#include "sc-consultation.h"
#include "sc-institution.h"
#include "sc-json.h"
#include "sc-problem.h"
#include "scd-handlers.h"

/* A chase names at most this many consultations */
#define CHASE_MAX 500

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) consultations = scd_consultation_store_list_finish (SCD_CONSULTATION_STORE (object), result,
                                                                           &error);

  if (consultations == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, consultations, NULL, (ScWriteJsonFunc) sc_consultation_write_json);
}

void
scd_consultation_handler_list (ScdRequest *request)
{
  gint64 id;

  if (scd_handler_parse_id (request, "case", &id))
    scd_consultation_store_list_async (scd_handler_stores (request)->consultations, scd_request_get_actor (request),
                                       id, scd_request_get_cancellable (request), list_cb,
                                       scd_handler_hold (request));
}

/* --- sending one ----------------------------------------------------------- */

static const char * const create_members[] = {
  "urn", "sent_on", "preference_rank", "plan_version", "note", NULL
};

typedef struct
{
  ScdRequest *request;            /* owned */
  gint64      case_id;
  JsonObject *event;              /* owned: the consultation_sent event */
} Send;

static void
send_free (Send *send)
{
  scd_request_unref (send->request);
  json_object_unref (send->event);
  g_free (send);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Send, send_free)

static void
institution_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Send) send = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autoptr(ScInstitution) institution = scd_institution_store_get_finish (SCD_INSTITUTION_STORE (object), result,
                                                                           &error);

  if (institution == NULL && !g_error_matches (error, SC_ERROR, SC_ERROR_NOT_FOUND))
    {
      scd_request_reply_error (send->request, error);
      return;
    }
  if (institution == NULL)
    sc_set_field_error (&refusal, "urn", "is not in the institution directory: load the latest GIAS file, "
                                         "or check the number");
  else if (!sc_institution_is_open (institution))
    sc_set_field_error (&refusal, "urn", "%s is %s: a closed institution is not consulted", institution->name,
                        institution->status != NULL ? institution->status : "not open");
  if (refusal != NULL)
    {
      scd_request_reply_error (send->request, refusal);
      return;
    }
  scd_case_handler_record_event (send->request, send->case_id, send->event);
}

void
scd_consultation_handler_create (ScdRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  Send *send;
  gint64 urn = 0;
  ScDay sent_on = SC_DAY_NONE;
  gint64 id;
  char day[SC_DAY_STRING_SIZE];
  g_autofree char *key = NULL;

  if (!scd_handler_parse_id (request, "case", &id))
    return;
  body = scd_handler_read_body (request, create_members, &error);
  if (body == NULL)
    return;
  if (!sc_json_read_int (body, "urn", TRUE, &urn, NULL) || urn < 1 || urn > 999999999)
    sc_set_field_error (&error, "urn", "is needed: the URN of the school or college, a whole number");
  sc_json_read_day (body, "sent_on", TRUE, &sent_on, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  /* the event: its members are the clock's, checked where every event is */
  send = g_new0 (Send, 1);
  send->request = scd_request_ref (request);
  send->case_id = id;
  send->event = json_object_ref (body);
  key = g_strdup_printf ("%" G_GINT64_FORMAT, urn);
  json_object_remove_member (send->event, "urn");
  json_object_remove_member (send->event, "sent_on");
  json_object_set_string_member (send->event, "type", "consultation_sent");
  json_object_set_string_member (send->event, "date", sc_day_format (sent_on, day));
  json_object_set_string_member (send->event, "key", key);
  scd_request_pause (request);
  scd_institution_store_get_async (scd_handler_stores (request)->institutions, scd_request_get_actor (request), urn,
                                   FALSE, scd_request_get_cancellable (request), institution_cb, send);
}

/* --- what it holds --------------------------------------------------------- */

static void
put_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  gint64 current = 0;
  g_autoptr(ScConsultation) consultation = scd_consultation_store_put_finish (SCD_CONSULTATION_STORE (object),
                                                                              result, &current, &error);

  scd_handler_reply_versioned (request, consultation, consultation != NULL ? consultation->version : 0, error,
                               current, (ScWriteJsonFunc) sc_consultation_write_json);
}

void
scd_consultation_handler_put (ScdRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  ScConsultationChange change = { 0 };
  gint64 version = 0;
  gint64 id, consultation_id;

  if (!scd_handler_parse_id (request, "case", &id) ||
      !scd_handler_parse_param_id (request, "consultation_id", "consultation", &consultation_id))
    return;
  body = scd_handler_read_body (request, sc_consultation_change_members, &error);
  if (body == NULL)
    return;
  if (error == NULL)
    sc_consultation_change_read (body, &change, &error);
  if (error == NULL && !scd_handler_creates (request))
    scd_request_get_if_match (request, &version, &error);
  if (error != NULL)
    scd_request_reply_error (request, error);
  else
    scd_consultation_store_put_async (scd_handler_stores (request)->consultations, scd_request_get_actor (request),
                                      id, consultation_id, &change, version, scd_request_get_cancellable (request),
                                      put_cb, scd_handler_hold (request));
  sc_consultation_change_clear (&change);
}

/* --- the team's ------------------------------------------------------------ */

static void
team_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;
  g_autoptr(GPtrArray) consultations = scd_consultation_store_team_finish (SCD_CONSULTATION_STORE (object), result,
                                                                           &next_cursor, &error);
  GString *csv;

  if (consultations == NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  if (g_strcmp0 (scd_request_get_query (request, "format"), "csv") != 0)
    {
      scd_handler_reply_page (request, consultations, next_cursor, (ScWriteJsonFunc) sc_consultation_write_json);
      return;
    }
  csv = g_string_sized_new (128 + 160 * consultations->len);
  sc_consultation_append_csv_header (csv);
  for (guint i = 0; i < consultations->len; i++)
    sc_consultation_append_csv (g_ptr_array_index (consultations, i), csv);
  scd_handler_reply_csv (request, "consultations.csv", csv, next_cursor);
}

void
scd_consultation_handler_team (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  ScdConsultationQuery query = { .after_due = SC_DAY_NONE };
  const char *status = scd_handler_get_query_text (request, "status", &error);
  const char *urn = scd_handler_get_query_text (request, "urn", &error);
  const char *format = scd_handler_get_query_text (request, "format", &error);

  scd_handler_parse_limit (request, &query.limit, &error);
  scd_handler_read_owner (request, &query.owner_id, &error);
  if (status != NULL && !g_strv_contains (sc_consultation_statuses, status) && !g_str_equal (status, "open"))
    sc_set_field_error (&error, "status", "must be open, awaiting, overdue, answered or withdrawn");
  query.status = status;
  if (urn != NULL && !sc_urn_is_valid (urn))
    sc_set_field_error (&error, "urn", "must be a URN, a whole number");
  else if (urn != NULL)
    query.urn = g_ascii_strtoll (urn, NULL, 10);
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    sc_set_field_error (&error, "format", "must be json or csv");
  scd_handler_parse_due_cursor (request, &query.after_due, &query.after_id, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_consultation_store_team_async (scd_handler_stores (request)->consultations, scd_request_get_actor (request),
                                     &query, scd_request_get_cancellable (request), team_cb,
                                     scd_handler_hold (request));
}

/* --- chasing --------------------------------------------------------------- */

static const char * const chase_members[] = { "consultations", "sent_on", NULL };

static void
chase_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScConsultationChase) chase = scd_consultation_store_chase_finish (SCD_CONSULTATION_STORE (object),
                                                                              result, &error);

  if (chase == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_model (request, SOUP_STATUS_OK, chase, (ScWriteJsonFunc) sc_consultation_chase_write_json);
}

void
scd_consultation_handler_chase (ScdRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ScDay sent_on = SC_DAY_NONE;
  JsonNode *list;

  body = scd_handler_read_body (request, chase_members, &error);
  if (body == NULL)
    return;
  sc_json_read_day (body, "sent_on", TRUE, &sent_on, &error);
  list = json_object_get_member (body, "consultations");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list) || json_array_get_length (json_node_get_array (list)) == 0 ||
      json_array_get_length (json_node_get_array (list)) > CHASE_MAX)
    sc_set_field_error (&error, "consultations", "is needed: a list of 1 to %d consultations' ids", CHASE_MAX);
  else
    {
      JsonArray *array = json_node_get_array (list);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          gint64 id;

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_INT64 ||
              (id = json_node_get_int (item)) < 1)
            {
              g_autofree char *field = g_strdup_printf ("consultations[%u]", i);

              sc_set_field_error (&error, field, "must be a consultation's id");
              continue;
            }
          g_array_append_val (ids, id);
        }
    }
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_consultation_store_chase_async (scd_handler_stores (request)->consultations, scd_request_get_actor (request),
                                      ids, sent_on, scd_request_get_cancellable (request), chase_cb,
                                      scd_handler_hold (request));
}

/* --- each institution's figures -------------------------------------------- */

static void
institutions_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;
  g_autoptr(GPtrArray) figures = scd_consultation_store_institutions_finish (SCD_CONSULTATION_STORE (object),
                                                                             result, &next_cursor, &error);

  if (figures == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, figures, next_cursor, (ScWriteJsonFunc) sc_consultation_stats_write_json);
}

void
scd_consultation_handler_institutions (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  const char *since = scd_handler_get_query_text (request, "since", &error);
  ScDay since_day = SC_DAY_NONE;
  gint64 after = 0;
  guint limit = 0;

  scd_handler_parse_limit (request, &limit, &error);
  scd_handler_parse_cursor (request, &after, &error);
  if (since != NULL && !sc_day_parse (since, &since_day))
    sc_set_field_error (&error, "since", "must be a date YYYY-MM-DD");
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_consultation_store_institutions_async (scd_handler_stores (request)->consultations,
                                             scd_request_get_actor (request), since_day, after, limit,
                                             scd_request_get_cancellable (request), institutions_cb,
                                             scd_handler_hold (request));
}
