/* test-appeals.c
 *
 * Tribunal appeals on a real cluster: one registered by an admin officer
 * on 20 July 2026, its response due 30 tribunal working days later across
 * August (29 September), on the appeal and on the case's clock alike; one
 * registered on 1 December across Christmas and New Year (20 January
 * 2027); a tribunal reference used twice 409, a registration after today
 * 422, nothing written. The response sent completes the clock's deadline;
 * an order before the outcome 422; the outcome with a make_plan order
 * starts its two deadlines on the case (5 and 11 weeks, keyed
 * REFERENCE/1), and the case's own draft plan issued meets the first of
 * them, seen on the appeal without anything typed on it; what is recorded
 * cannot be changed (422) and a stale write is 412, nothing changed. A
 * caseworker reads it; the team's list by next deadline with its status
 * and case filters and its cursor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-appeal.h"
#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef ScTestServer Fixture;

static const char *
body_text (ScTestResponse *response)
{
  return g_bytes_get_data (response->body, NULL);
}

static ScAppeal *
appeal_of (ScTestResponse *response)
{
  g_autoptr(GError) error = NULL;
  ScAppeal *appeal;

  if (response->status != 200 && response->status != 201)
    g_error ("%u: %s", response->status, body_text (response));
  appeal = sc_appeal_new_from_json (response->json, &error);
  g_assert_no_error (error);
  return appeal;
}

static void
assert_day (ScDay       day,
            const char *expected)
{
  char text[SC_DAY_STRING_SIZE];

  g_assert_cmpstr (day != SC_DAY_NONE ? sc_day_format (day, text) : "none", ==, expected);
}

static void
assert_refused (ScTestResponse *response,
                guint           status,
                const char     *field)
{
  g_autofree char *needle = g_strdup_printf ("\"field\":\"%s\"", field);

  if (response->status != status || strstr (body_text (response), needle) == NULL)
    g_error ("expected %u on %s, got %u: %s", status, field, response->status, body_text (response));
}

static gint64
open_case (Fixture    *fixture,
           const char *token,
           const char *family)
{
  return sc_test_open_case (fixture->daemon, token, "Ivo", family, "2016-02-01", "2026-01-05", 0);
}

static void
record_event (Fixture    *fixture,
              const char *token,
              gint64      case_id,
              const char *type,
              const char *date)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", case_id);
  g_autofree char *body = g_strdup_printf ("{\"type\":\"%s\",\"date\":\"%s\"}", type, date);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", path, body, NULL);

  if (r->status != 201)
    g_error ("%s: %u %s", body, r->status, body_text (r));
}

static ScTestResponse *
create (Fixture    *fixture,
        const char *token,
        gint64      case_id,
        const char *reference,
        const char *registered_on)
{
  g_autofree char *body = g_strdup_printf ("{\"case_id\":%" G_GINT64_FORMAT ",\"reference\":\"%s\","
                                           "\"appeal_type\":\"refusal_to_assess\",\"registered_on\":\"%s\","
                                           "\"representatives\":\"IPSEA for the family\"}",
                                           case_id, reference, registered_on);

  return sc_test_authed (fixture->daemon, token, "POST", "/api/v1/appeals", body, NULL);
}

static ScTestResponse *
put (Fixture    *fixture,
     const char *token,
     gint64      id,
     gint64      if_match,
     const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autofree char *quoted = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", if_match);
  const char *headers[] = { "If-Match", quoted, NULL };

  return sc_test_authed (fixture->daemon, token, "PUT", path, body, headers);
}

static ScAppeal *
get (Fixture    *fixture,
     const char *token,
     gint64      id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);

  return appeal_of (r);
}

/* A change: the response sent on @sent, the outcome @outcome (a JSON
 * value) decided on @decided, and @orders */
static char *
change (const char *sent,
        const char *outcome,
        const char *decided,
        const char *orders)
{
  return g_strdup_printf ("{\"response_sent_on\":%s,\"evidence_due\":\"2026-10-12\",\"hearing_on\":\"2026-10-26\","
                          "\"representatives\":\"IPSEA for the family\",\"outcome\":%s,\"decided_on\":%s,"
                          "\"orders\":%s,\"notes\":null}", sent, outcome, decided, orders);
}

/* The case's @name milestones of @key: "DUE STATUS[ COMPLETED]" */
static char *
milestones (Fixture    *fixture,
            gint64      case_id,
            const char *key)
{
  return sc_test_psqlf (fixture->cluster,
                        "SELECT string_agg(milestone || ' ' || to_char(due, 'YYYY-MM-DD') || ' ' || status"
                        "                  || coalesce(' ' || to_char(completed_on, 'YYYY-MM-DD'), ''), ','"
                        "                  ORDER BY position)"
                        " FROM case_milestone WHERE case_id = %" G_GINT64_FORMAT " AND key = '%s'", case_id, key);
}

static char *
count_of (Fixture    *fixture,
          const char *sql)
{
  return sc_test_psql (fixture->cluster, sql);
}

#define ORDER_MAKE_PLAN "[{\"order\":\"make_plan\",\"ordered_on\":\"2026-11-02\"}]"

static void
test_lifecycle (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  gint64 case_id = open_case (fixture, worker, "Marsh");
  g_autoptr(ScAppeal) appeal = NULL;
  gint64 id;

  /* registered in July: the response is due after August, which is not a
   * tribunal working day */
  {
    g_autoptr(ScTestResponse) r = create (fixture, officer, case_id, "EH101/26/00012", "2026-07-20");
    g_autofree char *clock = milestones (fixture, case_id, "EH101/26/00012");

    appeal = appeal_of (r);
    g_assert_cmpuint (r->status, ==, 201);
    assert_day (appeal->response_due, "2026-09-29");
    assert_day (appeal->next_due, "2026-09-29");
    g_assert_cmpstr (appeal->status, ==, "open");
    g_assert_cmpstr (appeal->given_name, ==, "Ivo");
    g_assert_cmpstr (clock, ==, "appeal_response 2026-09-29 overdue");
    id = appeal->id;
  }
  /* the same reference again, a registration tomorrow, no case: refused,
   * nothing written */
  {
    g_autoptr(ScTestResponse) again = create (fixture, officer, case_id, "EH101/26/00012", "2026-07-21");
    g_autoptr(ScTestResponse) later = create (fixture, officer, case_id, "EH101/26/00013", "2099-01-01");
    g_autoptr(ScTestResponse) nocase = create (fixture, officer, 999999, "EH101/26/00014", "2026-07-21");
    g_autofree char *appeals = count_of (fixture, "SELECT count(*) FROM appeal");
    g_autofree char *events = count_of (fixture, "SELECT count(*) FROM case_event WHERE type = 'appeal_registered'");

    assert_refused (again, 409, "reference");
    assert_refused (later, 422, "registered_on");
    g_assert_cmpuint (nocase->status, ==, 404);
    g_assert_cmpstr (appeals, ==, "1");
    g_assert_cmpstr (events, ==, "1");
  }
  /* an order before the outcome: 422, nothing written */
  {
    g_autofree char *body = change ("null", "null", "null", ORDER_MAKE_PLAN);
    g_autoptr(ScTestResponse) r = put (fixture, officer, id, 1, body);
    g_autofree char *version = count_of (fixture, "SELECT version FROM appeal");

    assert_refused (r, 422, "orders[0]");
    g_assert_cmpstr (version, ==, "1");
  }
  /* the response sent: the clock's deadline met */
  {
    g_autofree char *body = change ("\"2026-09-21\"", "null", "null", "[]");
    g_autoptr(ScTestResponse) r = put (fixture, officer, id, 1, body);
    g_autoptr(ScAppeal) sent = appeal_of (r);
    g_autofree char *clock = milestones (fixture, case_id, "EH101/26/00012");

    assert_day (sent->response_sent_on, "2026-09-21");
    assert_day (sent->hearing_on, "2026-10-26");
    assert_day (sent->next_due, "none");
    g_assert_cmpstr (sent->status, ==, "open");
    g_assert_cmpstr (clock, ==, "appeal_response 2026-09-29 met 2026-09-21");
  }
  /* upheld, and the tribunal orders a plan: its deadlines on the case */
  {
    g_autofree char *body = change ("\"2026-09-21\"", "\"upheld\"", "\"2026-11-02\"", ORDER_MAKE_PLAN);
    g_autoptr(ScTestResponse) r = put (fixture, officer, id, 2, body);
    g_autoptr(ScAppeal) ordered = appeal_of (r);
    ScAppealOrder *order;
    g_autofree char *clock = milestones (fixture, case_id, "EH101/26/00012/1");

    g_assert_cmpuint (ordered->orders->len, ==, 1);
    order = g_ptr_array_index (ordered->orders, 0);
    g_assert_cmpstr (order->key, ==, "EH101/26/00012/1");
    g_assert_cmpuint (order->deadlines->len, ==, 2);
    g_assert_cmpstr (clock, ==, "order_draft_plan 2026-12-07 pending,order_final_plan 2027-01-18 pending");
    g_assert_cmpstr (ordered->status, ==, "open");
    assert_day (ordered->next_due, "2026-12-07");
  }
  /* the case's own events comply: the assessment decided, the draft
   * plan issued, and the appeal shows the first deadline met */
  record_event (fixture, worker, case_id, "decided_to_assess", "2026-02-10");
  record_event (fixture, worker, case_id, "draft_plan_issued", "2026-11-20");
  {
    g_autoptr(ScAppeal) complied = get (fixture, worker, id);
    ScAppealOrder *order = g_ptr_array_index (complied->orders, 0);
    ScAppealDeadline *draft = g_ptr_array_index (order->deadlines, 0);
    ScAppealDeadline *final = g_ptr_array_index (order->deadlines, 1);

    g_assert_cmpstr (draft->milestone, ==, "order_draft_plan");
    g_assert_cmpstr (draft->status, ==, "met");
    assert_day (draft->completed_on, "2026-11-20");
    g_assert_cmpstr (final->milestone, ==, "order_final_plan");
    g_assert_cmpstr (final->status, ==, "pending");
    assert_day (complied->next_due, "2027-01-18");
    g_assert_cmpstr (complied->status, ==, "open");
  }
  /* what is recorded stays; a stale version is 412; nothing changed */
  {
    g_autofree char *other = change ("\"2026-09-21\"", "\"dismissed\"", "\"2026-11-02\"", ORDER_MAKE_PLAN);
    g_autofree char *fewer = change ("null", "\"upheld\"", "\"2026-11-02\"", "[]");
    g_autoptr(ScTestResponse) r1 = put (fixture, officer, id, 3, other);
    g_autoptr(ScTestResponse) r2 = put (fixture, officer, id, 3, fewer);
    g_autoptr(ScTestResponse) stale = put (fixture, officer, id, 1, other);
    g_autofree char *version = count_of (fixture, "SELECT version FROM appeal");
    g_autofree char *orders = count_of (fixture, "SELECT count(*) FROM case_event WHERE type = 'tribunal_order'");

    assert_refused (r1, 422, "outcome");
    assert_refused (r2, 422, "response_sent_on");
    assert_refused (r2, 422, "orders");
    g_assert_cmpuint (stale->status, ==, 412);
    g_assert_cmpstr (version, ==, "3");
    g_assert_cmpstr (orders, ==, "1");
  }
}

static char *
references (Fixture    *fixture,
            const char *token,
            const char *query,
            char      **next_cursor)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals%s", query);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);
  GString *out = g_string_new (NULL);
  JsonArray *items;

  g_assert_cmpuint (r->status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (r->json), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            json_object_get_string_member (json_array_get_object_element (items, i), "reference"));
  if (next_cursor != NULL)
    *next_cursor = g_strdup (sc_test_response_get_string (r, "next_cursor"));
  return g_string_free (out, FALSE);
}

static void
test_christmas_and_list (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  gint64 first = open_case (fixture, worker, "Okafor");
  gint64 second = open_case (fixture, worker, "Quinn");
  g_autofree char *cursor = NULL;
  g_autofree char *case_query = NULL;

  /* 25 December to 1 January are not tribunal working days */
  {
    g_autoptr(ScTestResponse) r = create (fixture, manager, first, "EH2", "2026-12-01");
    g_autoptr(ScAppeal) appeal = appeal_of (r);

    assert_day (appeal->response_due, "2027-01-20");
  }
  {
    g_autoptr(ScTestResponse) r = create (fixture, manager, second, "EH3", "2026-11-02");
    g_autoptr(ScAppeal) appeal = appeal_of (r);

    assert_day (appeal->response_due, "2026-12-14");
  }
  {
    g_autoptr(ScTestResponse) r = create (fixture, manager, second, "EH4", "2026-10-01");
    g_autoptr(ScAppeal) appeal = appeal_of (r);
    g_autofree char *body = change ("\"2026-10-20\"", "\"withdrawn\"", "\"2026-11-01\"", "[]");
    g_autoptr(ScTestResponse) done = put (fixture, manager, appeal->id, 1, body);
    g_autoptr(ScAppeal) closed = appeal_of (done);

    g_assert_cmpstr (closed->status, ==, "closed");
  }
  /* dismissed: the tribunal may say the plan ceases, but order no plan */
  {
    g_autoptr(ScTestResponse) r = create (fixture, manager, second, "EH5", "2026-09-01");
    g_autoptr(ScAppeal) appeal = appeal_of (r);
    g_autofree char *made = change ("\"2026-09-20\"", "\"dismissed\"", "\"2026-11-02\"",
                                    "[{\"order\":\"make_plan\",\"ordered_on\":\"2026-11-02\"}]");
    g_autofree char *ceased = change ("\"2026-09-20\"", "\"dismissed\"", "\"2026-11-02\"",
                                      "[{\"order\":\"cease_plan\",\"ordered_on\":\"2026-11-02\"}]");
    g_autoptr(ScTestResponse) refused = put (fixture, manager, appeal->id, 1, made);
    g_autoptr(ScTestResponse) done = put (fixture, manager, appeal->id, 1, ceased);
    g_autoptr(ScAppeal) closed = appeal_of (done);

    assert_refused (refused, 422, "orders[0]");
    g_assert_cmpstr (closed->status, ==, "closed");
  }
  /* by next deadline, the closed one last; the filters; two to a page */
  {
    g_autofree char *all = references (fixture, manager, "", NULL);
    g_autofree char *open = references (fixture, worker, "?status=open", NULL);
    g_autofree char *closed = references (fixture, manager, "?status=closed", NULL);
    g_autofree char *page1 = references (fixture, manager, "?limit=2", &cursor);
    g_autofree char *path = g_strdup_printf ("?limit=2&cursor=%s", cursor);
    g_autofree char *page2 = references (fixture, manager, path, NULL);

    g_assert_cmpstr (all, ==, "EH3 EH2 EH4 EH5");
    g_assert_cmpstr (open, ==, "EH3 EH2");
    g_assert_cmpstr (closed, ==, "EH4 EH5");
    g_assert_cmpstr (page1, ==, "EH3 EH2");
    g_assert_cmpstr (page2, ==, "EH4 EH5");
  }
  case_query = g_strdup_printf ("?case_id=%" G_GINT64_FORMAT, second);
  {
    g_autofree char *of_case = references (fixture, manager, case_query, NULL);
    g_autoptr(ScTestResponse) bad = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/appeals?status=won",
                                                    NULL, NULL);

    g_assert_cmpstr (of_case, ==, "EH3 EH4 EH5");
    assert_refused (bad, 422, "status");
  }
  /* conceded before the response was lodged: the case's clock no longer
   * waits for it (registered Mon 5 October, due Mon 16 November) */
  {
    g_autoptr(ScTestResponse) r = create (fixture, manager, first, "EH6", "2026-10-05");
    g_autoptr(ScAppeal) appeal = appeal_of (r);
    g_autofree char *body = change ("null", "\"conceded\"", "\"2026-10-20\"", "[]");
    g_autoptr(ScTestResponse) done = put (fixture, manager, appeal->id, 1, body);
    g_autoptr(ScAppeal) closed = appeal_of (done);
    g_autofree char *clock = milestones (fixture, first, "EH6");
    g_autofree char *decided = count_of (fixture, "SELECT count(*) FROM case_event WHERE type = 'appeal_decided'"
                                                  " AND key = 'EH6' AND date = '2026-10-20'");

    g_assert_cmpstr (closed->status, ==, "closed");
    g_assert_cmpstr (clock, ==, "appeal_response 2026-11-16 cancelled");
    g_assert_cmpstr (decided, ==, "1");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/appeals/lifecycle", Fixture, NULL, sc_test_server_setup, test_lifecycle,
              sc_test_server_teardown);
  g_test_add ("/server/appeals/christmas-and-list", Fixture, NULL, sc_test_server_setup, test_christmas_and_list,
              sc_test_server_teardown);
  return g_test_run ();
}
