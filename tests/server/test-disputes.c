/* test-disputes.c
 *
 * The team's view across its disputes on a real cluster: a complaint
 * about a case, one about the service, a tribunal appeal and a mediation,
 * listed together by next deadline (the caseworker without the service's
 * complaint), closed ones left out, a page at a time, and as CSV; a
 * case's own, open and closed, and those closed only; and the
 * year's counts by kind and outcome, as JSON and CSV, for a team manager
 * but not a caseworker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef ScTestServer Fixture;

static const char *
body_text (ScTestResponse *response)
{
  return g_bytes_get_data (response->body, NULL);
}

static gint64
open_case (Fixture    *fixture,
           const char *token,
           const char *family)
{
  return sc_test_open_case (fixture->daemon, token, "Ivo", family, "2016-02-01", "2026-01-05", 0);
}

static gint64
post (Fixture    *fixture,
      const char *token,
      const char *path,
      const char *body)
{
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", path, body, NULL);

  if (r->status != 201)
    g_error ("%s %s: %u %s", path, body, r->status, body_text (r));
  return sc_test_response_get_int (r, "id");
}

/* "KIND:DUE ..." of a page */
static char *
listed (Fixture    *fixture,
        const char *token,
        const char *query,
        char      **next_cursor)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/disputes%s", query);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);
  GString *out = g_string_new (NULL);
  JsonArray *items;

  if (r->status != 200)
    g_error ("%s: %u %s", path, r->status, body_text (r));
  items = json_object_get_array_member (json_node_get_object (r->json), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_string_append_printf (out, "%s%s:%s", i > 0 ? " " : "", json_object_get_string_member (item, "kind"),
                              json_object_get_null_member (item, "next_due") ? "none"
                              : json_object_get_string_member (item, "next_due"));
    }
  if (next_cursor != NULL)
    *next_cursor = g_strdup (sc_test_response_get_string (r, "next_cursor"));
  return g_string_free (out, FALSE);
}

static void
test_list_and_counts (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  gint64 case_id = open_case (fixture, worker, "Marsh");
  g_autofree char *complaint = g_strdup_printf ("{\"case_id\":%" G_GINT64_FORMAT ",\"reference\":\"C-1\","
                                                "\"received_on\":\"2026-11-30\",\"category\":\"delay\"}", case_id);
  g_autofree char *closed_complaint = g_strdup_printf ("{\"case_id\":%" G_GINT64_FORMAT ",\"reference\":\"C-0\","
                                                       "\"received_on\":\"2026-03-02\",\"category\":\"delay\"}",
                                                       case_id);
  g_autofree char *appeal = g_strdup_printf ("{\"case_id\":%" G_GINT64_FORMAT ",\"reference\":\"EH1\","
                                             "\"appeal_type\":\"plan_contents\",\"registered_on\":\"2026-11-02\"}",
                                             case_id);
  g_autofree char *mediation = g_strdup_printf ("{\"case_id\":%" G_GINT64_FORMAT ","
                                                "\"advice_requested_on\":\"2026-10-01\"}", case_id);
  g_autofree char *cursor = NULL;
  gint64 closed_id;

  /* a complaint due on 7 December (acknowledgement), the service's due on
   * 4 December, an appeal's response due on 14 December, a mediation with
   * no deadline yet; and a complaint answered, closed */
  post (fixture, officer, "/api/v1/complaints", complaint);
  post (fixture, officer, "/api/v1/complaints", "{\"reference\":\"S-1\",\"received_on\":\"2026-11-27\","
                                                "\"category\":\"communication\"}");
  post (fixture, officer, "/api/v1/appeals", appeal);
  post (fixture, officer, "/api/v1/mediations", mediation);
  closed_id = post (fixture, officer, "/api/v1/complaints", closed_complaint);
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/complaints/%" G_GINT64_FORMAT, closed_id);
    const char *headers[] = { "If-Match", "\"1\"", NULL };
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, officer, "PUT", path,
                                                  "{\"complainant\":null,\"channel\":null,\"category\":\"delay\","
                                                  "\"stages\":[{\"stage\":1,\"received_on\":\"2026-03-02\","
                                                  "\"acknowledged_on\":\"2026-03-03\",\"responded_on\":\"2026-03-10\","
                                                  "\"outcome\":\"upheld\"}],\"ombudsman\":null,\"notes\":null}",
                                                  headers);

    g_assert_cmpuint (r->status, ==, 200);
  }
  {
    g_autofree char *all = listed (fixture, officer, "", NULL);
    g_autofree char *worker_sees = listed (fixture, worker, "", NULL);
    g_autofree char *page1 = listed (fixture, officer, "?limit=2", &cursor);
    g_autofree char *path = g_strdup_printf ("?limit=2&cursor=%s", cursor);
    g_autofree char *page2 = listed (fixture, officer, path, NULL);

    g_assert_cmpstr (all, ==, "complaint:2026-12-04 complaint:2026-12-07 appeal:2026-12-14 mediation:none");
    g_assert_cmpstr (worker_sees, ==, "complaint:2026-12-07 appeal:2026-12-14 mediation:none");
    g_assert_cmpstr (page1, ==, "complaint:2026-12-04 complaint:2026-12-07");
    g_assert_cmpstr (page2, ==, "appeal:2026-12-14 mediation:none");
  }
  /* a case's own, open and closed (not another case's, not the service's);
   * those closed only; and a status not known */
  {
    gint64 other_case = open_case (fixture, worker, "Reed");
    g_autofree char *other_appeal = g_strdup_printf ("{\"case_id\":%" G_GINT64_FORMAT ",\"reference\":\"EH2\","
                                                     "\"appeal_type\":\"cease\",\"registered_on\":\"2026-11-09\"}",
                                                     other_case);
    g_autofree char *of_case = g_strdup_printf ("?case_id=%" G_GINT64_FORMAT "&status=all", case_id);
    g_autofree char *of_other = g_strdup_printf ("?case_id=%" G_GINT64_FORMAT, other_case);
    g_autofree char *case_all = NULL;
    g_autofree char *other_open = NULL;
    g_autofree char *closed = NULL;
    g_autoptr(ScTestResponse) bad = sc_test_authed (fixture->daemon, officer, "GET", "/api/v1/disputes?status=shut",
                                                    NULL, NULL);
    g_autoptr(ScTestResponse) bad_case = sc_test_authed (fixture->daemon, officer, "GET",
                                                         "/api/v1/disputes?case_id=x", NULL, NULL);

    post (fixture, officer, "/api/v1/appeals", other_appeal);
    case_all = listed (fixture, worker, of_case, NULL);
    other_open = listed (fixture, officer, of_other, NULL);
    closed = listed (fixture, officer, "?status=closed", NULL);
    g_assert_cmpstr (case_all, ==, "complaint:2026-12-07 appeal:2026-12-14 complaint:none mediation:none");
    g_assert_cmpstr (other_open, ==, "appeal:2026-12-21");
    g_assert_cmpstr (closed, ==, "complaint:none");
    g_assert_cmpuint (bad->status, ==, 422);
    g_assert_nonnull (strstr (body_text (bad), "\"field\":\"status\""));
    g_assert_cmpuint (bad_case->status, ==, 422);
  }
  {
    g_autoptr(ScTestResponse) csv = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/disputes?format=csv",
                                                    NULL, NULL);
    g_autofree char *text = g_strndup (g_bytes_get_data (csv->body, NULL), g_bytes_get_size (csv->body));
    g_autofree char *row = g_strdup_printf ("appeal,%s,%" G_GINT64_FORMAT ",Ivo Marsh,EH1,open,2026-12-14\r\n",
                                            "1", case_id);

    g_assert_cmpuint (csv->status, ==, 200);
    g_assert_true (g_str_has_prefix (text, "kind,id,case,child,reference,status,next_due\r\n"));
    g_assert_nonnull (strstr (text, row));
  }
  /* the year's counts: a team manager's or an officer's, not a caseworker's */
  {
    g_autoptr(ScTestResponse) denied = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/disputes/counts",
                                                       NULL, NULL);
    g_autoptr(ScTestResponse) bad = sc_test_authed (fixture->daemon, officer, "GET",
                                                    "/api/v1/disputes/counts?year=1999", NULL, NULL);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, officer, "GET",
                                                  "/api/v1/disputes/counts?year=2026", NULL, NULL);
    g_autoptr(ScTestResponse) other = sc_test_authed (fixture->daemon, officer, "GET",
                                                      "/api/v1/disputes/counts?year=2025&format=csv", NULL, NULL);
    JsonArray *counts;
    GString *seen = g_string_new (NULL);
    g_autofree char *text = g_strndup (g_bytes_get_data (other->body, NULL), g_bytes_get_size (other->body));

    g_assert_cmpuint (denied->status, ==, 403);
    g_assert_cmpuint (bad->status, ==, 422);
    g_assert_cmpuint (r->status, ==, 200);
    counts = json_object_get_array_member (json_node_get_object (r->json), "counts");
    for (guint i = 0; i < json_array_get_length (counts); i++)
      {
        JsonObject *count = json_array_get_object_element (counts, i);

        if (json_object_get_int_member (count, "count") > 0)
          g_string_append_printf (seen, "%s %s %" G_GINT64_FORMAT ";", json_object_get_string_member (count, "kind"),
                                  json_object_get_string_member (count, "measure"),
                                  json_object_get_int_member (count, "count"));
      }
    g_assert_cmpstr (seen->str, ==, "appeal registered 2;complaint stage_1_received 3;complaint stage_1_upheld 1;"
                                    "mediation advice_requested 1;");
    g_string_free (seen, TRUE);
    g_assert_true (g_str_has_prefix (text, "year,kind,measure,count\r\n2025,appeal,registered,0\r\n"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/disputes/list-and-counts", Fixture, NULL, sc_test_server_setup, test_list_and_counts,
              sc_test_server_teardown);
  return g_test_run ();
}
