/* test-complaints.c
 *
 * Complaints on a real cluster: one about a case logged by an admin
 * officer, its 5 and 10 working days across Easter 2026 on the
 * complaint and on the case's clock alike; a reference used twice 409
 * and a date after today 422, nothing written; each step added by a
 * change (acknowledgement, an extension with its reason, the answer,
 * stage 2 and its 20 working days across the spring bank holiday, the
 * Ombudsman's referral, decision and remedy complied with) written with
 * its case event or not at all; illegal steps and changes of what is
 * recorded 422, stale writes 412, and nothing changed; a complaint about
 * the service, read by admin officers and team managers but never by a
 * caseworker; a restricted case's complaints hidden; the team's list by
 * next deadline with its filters and cursor; one audit row a request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-complaint.h"
#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef ScTestServer Fixture;

static const char *
body_text (ScTestResponse *response)
{
  return g_bytes_get_data (response->body, NULL);
}

static ScComplaint *
complaint_of (ScTestResponse *response)
{
  g_autoptr(GError) error = NULL;
  ScComplaint *complaint;

  if (response->status != 200 && response->status != 201)
    g_error ("%u: %s", response->status, body_text (response));
  complaint = sc_complaint_new_from_json (response->json, &error);
  g_assert_no_error (error);
  return complaint;
}

static char *
day_text (ScDay day)
{
  char text[SC_DAY_STRING_SIZE];

  return g_strdup (day != SC_DAY_NONE ? sc_day_format (day, text) : "none");
}

#define assert_day(day, expected) \
  G_STMT_START { g_autofree char *d_ = day_text (day); g_assert_cmpstr (d_, ==, expected); } G_STMT_END

/* A case of the demo caseworker, its request received on @received */
static gint64
open_case (Fixture    *fixture,
           const char *token,
           const char *family,
           const char *received)
{
  g_autofree char *owner = sc_test_psqlf (fixture->cluster, "SELECT id FROM app_user WHERE username = 'caseworker'");

  return sc_test_open_case (fixture->daemon, token, "Rhea", family, "2015-06-01", received,
                            g_ascii_strtoll (owner, NULL, 10));
}

static ScTestResponse *
put (Fixture    *fixture,
     const char *token,
     gint64      id,
     gint64      if_match,
     const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/complaints/%" G_GINT64_FORMAT, id);
  g_autofree char *quoted = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", if_match);
  const char *headers[] = { "If-Match", quoted, NULL };

  return sc_test_authed (fixture->daemon, token, "PUT", path, body, headers);
}

static ScTestResponse *
get (Fixture    *fixture,
     const char *token,
     gint64      id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/complaints/%" G_GINT64_FORMAT, id);

  return sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);
}

static void
assert_field_error (ScTestResponse *response,
                    const char     *field)
{
  g_autofree char *needle = g_strdup_printf ("\"field\":\"%s\"", field);

  if (response->status != 422 || strstr (body_text (response), needle) == NULL)
    g_error ("expected 422 on %s, got %u: %s", field, response->status, body_text (response));
}

/* The case's complaint milestone @milestone of @key: "DUE STATUS" */
static char *
milestone (Fixture    *fixture,
           gint64      case_id,
           const char *name,
           const char *key)
{
  return sc_test_psqlf (fixture->cluster,
                        "SELECT string_agg(to_char(due, 'YYYY-MM-DD') || ' ' || status, ',' ORDER BY position)"
                        " FROM case_milestone WHERE case_id = %" G_GINT64_FORMAT " AND milestone = '%s'"
                        " AND key = '%s'", case_id, name, key);
}

static char *
events_of (Fixture *fixture,
           gint64   case_id)
{
  return sc_test_psqlf (fixture->cluster,
                        "SELECT string_agg(type || ' ' || to_char(date, 'YYYY-MM-DD'), ',' ORDER BY position)"
                        " FROM case_event WHERE case_id = %" G_GINT64_FORMAT " AND type LIKE 'complaint%%'",
                        case_id);
}

/* A change of complaint C-1 whose stages are @stages and Ombudsman @ombudsman */
static char *
change (const char *stages,
        const char *ombudsman)
{
  return g_strdup_printf ("{\"complainant\":\"Ms Patel (parent)\",\"channel\":\"email\",\"category\":\"delay\","
                          "\"stages\":%s,\"ombudsman\":%s,\"notes\":null}", stages, ombudsman);
}

#define STAGE1_ACK "{\"stage\":1,\"received_on\":\"2026-03-30\",\"acknowledged_on\":\"2026-04-02\""
#define EXTENSION "[{\"extended_on\":\"2026-04-10\",\"reason\":\"The school's records are awaited.\"}]"
#define STAGE1_DONE STAGE1_ACK ",\"extensions\":" EXTENSION ",\"responded_on\":\"2026-04-20\"," \
                    "\"outcome\":\"partly_upheld\",\"remedy\":\"An apology and a date for the plan.\"}"

static void
test_case_complaint (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  gint64 case_id = open_case (fixture, worker, "Patel", "2026-01-05");
  g_autofree char *create = g_strdup_printf ("{\"case_id\":%" G_GINT64_FORMAT ",\"reference\":\"C-1\","
                                             "\"received_on\":\"2026-03-30\",\"stage\":1,\"category\":\"delay\","
                                             "\"complainant\":\"Ms Patel (parent)\",\"channel\":\"email\"}",
                                             case_id);
  g_autoptr(ScComplaint) complaint = NULL;
  gint64 id;

  /* a complaint's steps are the complaint's: not an event of their own,
   * nor voided on their own */
  {
    g_autofree char *events = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", case_id);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "POST", events,
                                                  "{\"type\":\"complaint_received\",\"date\":\"2026-03-30\","
                                                  "\"key\":\"C-9\",\"stage\":1}", NULL);

    assert_field_error (r, "type");
  }
  /* a caseworker reads complaints but does not log them */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/complaints", create, NULL);

    g_assert_cmpuint (r->status, ==, 403);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, officer, "POST", "/api/v1/complaints", create,
                                                  NULL);
    g_autofree char *location = NULL;

    complaint = complaint_of (r);
    g_assert_cmpuint (r->status, ==, 201);
    location = g_strdup_printf ("/api/v1/complaints/%" G_GINT64_FORMAT, complaint->id);
    g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Location"), ==, location);
    g_assert_cmpstr (soup_message_headers_get_one (r->headers, "ETag"), ==, "\"1\"");
  }
  id = complaint->id;
  g_assert_cmpint (complaint->case_id, ==, case_id);
  g_assert_cmpstr (complaint->family_name, ==, "Patel");
  g_assert_cmpint (complaint->stage, ==, 1);
  g_assert_cmpstr (complaint->status, ==, "open");
  /* Good Friday 3 April and Easter Monday 6 April 2026 are not working days */
  assert_day (((ScComplaintStage *) complaint->stages->pdata[0])->acknowledgement_due, "2026-04-08");
  assert_day (((ScComplaintStage *) complaint->stages->pdata[0])->response_due, "2026-04-15");
  assert_day (complaint->next_due, "2026-04-08");
  /* the case's clock says the same */
  {
    g_autofree char *ack = milestone (fixture, case_id, "complaint_acknowledgement", "C-1");
    g_autofree char *answer = milestone (fixture, case_id, "complaint_response", "C-1");

    g_assert_cmpstr (ack, ==, "2026-04-08 overdue");
    g_assert_cmpstr (answer, ==, "2026-04-15 overdue");
  }

  /* a reference used already, a day after today, a case there is not:
   * nothing written */
  {
    g_autoptr(ScTestResponse) again = sc_test_authed (fixture->daemon, manager, "POST", "/api/v1/complaints", create,
                                                      NULL);
    g_autoptr(ScTestResponse) later = sc_test_authed (fixture->daemon, officer, "POST", "/api/v1/complaints",
                                                      "{\"reference\":\"C-9\",\"received_on\":\"2099-01-04\","
                                                      "\"category\":\"other\"}", NULL);
    g_autoptr(ScTestResponse) nocase = sc_test_authed (fixture->daemon, officer, "POST", "/api/v1/complaints",
                                                       "{\"case_id\":999999,\"reference\":\"C-8\","
                                                       "\"received_on\":\"2026-03-30\",\"category\":\"other\"}", NULL);
    g_autoptr(ScTestResponse) bad = sc_test_authed (fixture->daemon, officer, "POST", "/api/v1/complaints",
                                                    "{\"reference\":\" \",\"received_on\":\"2026-03-30\","
                                                    "\"category\":\"weather\",\"channel\":\"fax\"}", NULL);
    g_autofree char *count = sc_test_psqlf (fixture->cluster, "SELECT count(*) FROM complaint");
    g_autofree char *events = events_of (fixture, case_id);

    g_assert_cmpuint (again->status, ==, 409);
    g_assert_nonnull (strstr (body_text (again), "\"field\":\"reference\""));
    assert_field_error (later, "received_on");
    assert_field_error (nocase, "case_id");
    assert_field_error (bad, "reference");
    assert_field_error (bad, "category");
    assert_field_error (bad, "channel");
    g_assert_cmpstr (count, ==, "1");
    g_assert_cmpstr (events, ==, "complaint_received 2026-03-30");
  }
  /* its event is the complaint's: not voided on its own */
  {
    g_autofree char *event_id = sc_test_psqlf (fixture->cluster, "SELECT id FROM case_event WHERE case_id = %"
                                               G_GINT64_FORMAT " AND type = 'complaint_received'", case_id);
    g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events/%s/void", case_id, event_id);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "POST", path,
                                                  "{\"reason\":\"recorded by mistake\"}", NULL);
    g_autofree char *voided = sc_test_psqlf (fixture->cluster, "SELECT count(*) FROM case_event WHERE case_id = %"
                                             G_GINT64_FORMAT " AND voided_at IS NOT NULL", case_id);

    assert_field_error (r, "event");
    g_assert_cmpstr (voided, ==, "0");
  }

  /* illegal steps: an answer before the acknowledgement, an outcome with
   * no answer, an extension without its reason, stage 2 before stage 1's
   * answer; each 422 and nothing changed */
  {
    g_autofree char *no_ack = change ("[{\"stage\":1,\"received_on\":\"2026-03-30\",\"responded_on\":\"2026-04-20\","
                                      "\"outcome\":\"upheld\"}]", "null");
    g_autofree char *no_answer = change ("[{\"stage\":1,\"received_on\":\"2026-03-30\",\"outcome\":\"upheld\"}]",
                                         "null");
    g_autofree char *no_reason = change ("[{\"stage\":1,\"received_on\":\"2026-03-30\",\"extensions\":"
                                         "[{\"extended_on\":\"2026-04-10\",\"reason\":null}]}]", "null");
    g_autofree char *early_stage2 = change ("[{\"stage\":1,\"received_on\":\"2026-03-30\"},"
                                            "{\"stage\":2,\"received_on\":\"2026-05-11\"}]", "null");
    g_autofree char *moved = change ("[{\"stage\":1,\"received_on\":\"2026-03-31\"}]", "null");
    g_autoptr(ScTestResponse) r1 = put (fixture, officer, id, 1, no_ack);
    g_autoptr(ScTestResponse) r2 = put (fixture, officer, id, 1, no_answer);
    g_autoptr(ScTestResponse) r3 = put (fixture, officer, id, 1, no_reason);
    g_autoptr(ScTestResponse) r4 = put (fixture, officer, id, 1, early_stage2);
    g_autoptr(ScTestResponse) r5 = put (fixture, officer, id, 1, moved);
    g_autoptr(ScTestResponse) r6 = put (fixture, worker, id, 1, moved);
    g_autofree char *version = sc_test_psqlf (fixture->cluster, "SELECT version FROM complaint");
    g_autofree char *events = events_of (fixture, case_id);

    assert_field_error (r1, "stages[0].responded_on");
    assert_field_error (r2, "stages[0].outcome");
    assert_field_error (r3, "stages[0].extensions[0].reason");
    assert_field_error (r4, "stages[1]");
    assert_field_error (r5, "stages[0].received_on");
    g_assert_cmpuint (r6->status, ==, 403);
    g_assert_cmpstr (version, ==, "1");
    g_assert_cmpstr (events, ==, "complaint_received 2026-03-30");
  }

  /* acknowledged, then extended with its reason: another 10 working days */
  {
    g_autofree char *body = change ("[" STAGE1_ACK ",\"extensions\":" EXTENSION "}]", "null");
    g_autoptr(ScTestResponse) r = put (fixture, officer, id, 1, body);
    g_autoptr(ScTestResponse) stale = put (fixture, manager, id, 1, body);
    g_autoptr(ScComplaint) now = complaint_of (r);
    g_autofree char *answer = milestone (fixture, case_id, "complaint_response", "C-1");
    g_autofree char *ack = milestone (fixture, case_id, "complaint_acknowledgement", "C-1");

    g_assert_cmpint (now->version, ==, 2);
    assert_day (((ScComplaintStage *) now->stages->pdata[0])->response_due, "2026-04-29");
    assert_day (now->next_due, "2026-04-29");
    g_assert_cmpstr (answer, ==, "2026-04-29 overdue");
    g_assert_cmpstr (ack, ==, "2026-04-08 met");
    g_assert_cmpuint (stale->status, ==, 412);
    g_assert_cmpstr (soup_message_headers_get_one (stale->headers, "ETag"), ==, "\"2\"");
  }
  /* what is recorded stays: the acknowledgement's day, the extension */
  {
    g_autofree char *moved = change ("[{\"stage\":1,\"received_on\":\"2026-03-30\",\"acknowledged_on\":"
                                     "\"2026-04-01\",\"extensions\":" EXTENSION "}]", "null");
    g_autofree char *dropped = change ("[" STAGE1_ACK "}]", "null");
    g_autoptr(ScTestResponse) r1 = put (fixture, officer, id, 2, moved);
    g_autoptr(ScTestResponse) r2 = put (fixture, officer, id, 2, dropped);

    assert_field_error (r1, "stages[0].acknowledged_on");
    assert_field_error (r2, "stages[0].extensions");
  }
  /* answered: the case's deadline met, the complaint closed */
  {
    g_autofree char *body = change ("[" STAGE1_DONE "]", "null");
    g_autoptr(ScTestResponse) r = put (fixture, manager, id, 2, body);
    g_autoptr(ScComplaint) now = complaint_of (r);
    g_autofree char *answer = milestone (fixture, case_id, "complaint_response", "C-1");

    g_assert_cmpstr (now->status, ==, "closed");
    assert_day (now->next_due, "none");
    g_assert_cmpstr (answer, ==, "2026-04-29 met");
  }
  /* stage 2: its 20 working days skip the spring bank holiday (25 May);
   * the Ombudsman waits for its answer */
  {
    g_autofree char *body = change ("[" STAGE1_DONE ",{\"stage\":2,\"received_on\":\"2026-05-11\"}]", "null");
    g_autofree char *too_soon = change ("[" STAGE1_DONE ",{\"stage\":2,\"received_on\":\"2026-05-11\"}]",
                                        "{\"reference\":\"LG-1\",\"referred_on\":\"2026-05-12\",\"decided_on\":null,"
                                        "\"decision\":null,\"remedy\":null,\"compliance_due\":null,"
                                        "\"complied_on\":null}");
    g_autoptr(ScTestResponse) early = put (fixture, officer, id, 3, too_soon);
    g_autoptr(ScTestResponse) r = put (fixture, officer, id, 3, body);
    g_autoptr(ScComplaint) now = complaint_of (r);
    ScComplaintStage *second = now->stages->pdata[1];

    assert_field_error (early, "ombudsman");
    g_assert_cmpint (now->stage, ==, 2);
    g_assert_cmpstr (now->status, ==, "open");
    assert_day (second->acknowledgement_due, "2026-05-18");
    assert_day (second->response_due, "2026-06-09");
  }
  {
    g_autofree char *answer = milestone (fixture, case_id, "complaint_response", "C-1");

    g_assert_cmpstr (answer, ==, "2026-04-29 met,2026-06-09 overdue");
  }
  /* stage 2 answered; the Ombudsman's referral, decision and remedy */
  {
#define STAGE2_DONE "{\"stage\":2,\"received_on\":\"2026-05-11\",\"acknowledged_on\":\"2026-05-13\"," \
                    "\"responded_on\":\"2026-06-01\",\"outcome\":\"not_upheld\"}"
    g_autofree char *answered = change ("[" STAGE1_DONE "," STAGE2_DONE "]",
                                        "{\"reference\":\"LG-1\",\"referred_on\":\"2026-07-01\",\"decided_on\":"
                                        "\"2026-10-01\",\"decision\":\"upheld\",\"remedy\":\"A payment of 300 "
                                        "pounds.\",\"compliance_due\":\"2026-11-01\",\"complied_on\":null}");
    g_autofree char *complied = change ("[" STAGE1_DONE "," STAGE2_DONE "]",
                                        "{\"reference\":\"LG-1\",\"referred_on\":\"2026-07-01\",\"decided_on\":"
                                        "\"2026-10-01\",\"decision\":\"upheld\",\"remedy\":\"A payment of 300 "
                                        "pounds.\",\"compliance_due\":\"2026-11-01\",\"complied_on\":\"2026-11-02\"}");
    g_autoptr(ScTestResponse) r = put (fixture, officer, id, 4, answered);
    g_autoptr(ScComplaint) now = complaint_of (r);
    g_autoptr(ScTestResponse) done = put (fixture, officer, id, 5, complied);
    g_autoptr(ScComplaint) last = complaint_of (done);
    g_autofree char *events = events_of (fixture, case_id);

    g_assert_cmpstr (now->status, ==, "open");
    assert_day (now->next_due, "2026-11-01");
    g_assert_cmpstr (now->ombudsman->decision, ==, "upheld");
    g_assert_cmpstr (last->status, ==, "closed");
    g_assert_cmpstr (events, ==, "complaint_received 2026-03-30,complaint_acknowledged 2026-04-02,"
                                 "complaint_extended 2026-04-10,complaint_responded 2026-04-20,"
                                 "complaint_received 2026-05-11,complaint_acknowledged 2026-05-13,"
                                 "complaint_responded 2026-06-01");
  }
  /* a caseworker reads it, as it is; one audit row a request */
  {
    g_autoptr(ScTestResponse) r = get (fixture, worker, id);
    g_autoptr(ScComplaint) read = complaint_of (r);
    g_autofree char *rows = sc_test_psqlf (fixture->cluster,
                                           "SELECT string_agg(action || ' ' || coalesce(resource_id, '-'), ','"
                                           " ORDER BY id) FROM audit_event WHERE action LIKE 'complaint.%%'"
                                           " AND outcome = 'success'");
    g_autofree char *expected = g_strdup_printf ("complaint.create %1$" G_GINT64_FORMAT ","
                                                 "complaint.update %1$" G_GINT64_FORMAT ","
                                                 "complaint.update %1$" G_GINT64_FORMAT ","
                                                 "complaint.update %1$" G_GINT64_FORMAT ","
                                                 "complaint.update %1$" G_GINT64_FORMAT ","
                                                 "complaint.update %1$" G_GINT64_FORMAT ","
                                                 "complaint.read %1$" G_GINT64_FORMAT, id);

    g_assert_cmpint (read->version, ==, 6);
    g_assert_cmpstr (rows, ==, expected);
  }
}

static gint64
create (Fixture    *fixture,
        const char *token,
        const char *body)
{
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/complaints", body, NULL);
  g_autoptr(ScComplaint) complaint = complaint_of (r);

  return complaint->id;
}

static char *
references (Fixture    *fixture,
            const char *token,
            const char *query,
            char      **next_cursor)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/complaints%s", query);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);
  GString *out = g_string_new (NULL);
  JsonObject *page;
  JsonArray *items;

  if (r->status != 200)
    g_error ("%s: %u %s", path, r->status, body_text (r));
  page = json_node_get_object (r->json);
  items = json_object_get_array_member (page, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            json_object_get_string_member (json_array_get_object_element (items, i), "reference"));
  if (next_cursor != NULL)
    *next_cursor = g_strdup (json_object_get_string_member_with_default (page, "next_cursor", NULL));
  return g_string_free (out, FALSE);
}

static void
test_service_and_list (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  gint64 open_id = open_case (fixture, worker, "Okafor", "2026-01-05");
  gint64 hidden_id = open_case (fixture, worker, "Quinn", "2026-01-05");
  g_autofree char *body = NULL;
  g_autofree char *cursor = NULL;
  gint64 service, second, hidden;

  /* about the service: stage 2 from the start, 20 working days across
   * Christmas (25 and 28 December 2026 are bank holidays) */
  service = create (fixture, officer, "{\"reference\":\"S-1\",\"received_on\":\"2026-12-01\",\"stage\":2,"
                                      "\"category\":\"communication\",\"complainant\":\"Mr Shah\"}");
  {
    g_autoptr(ScTestResponse) r = get (fixture, manager, service);
    g_autoptr(ScComplaint) complaint = complaint_of (r);
    ScComplaintStage *stage = complaint->stages->pdata[0];
    g_autoptr(ScTestResponse) hid = get (fixture, worker, service);

    g_assert_cmpint (complaint->case_id, ==, 0);
    g_assert_cmpint (complaint->stage, ==, 2);
    g_assert_cmpint (complaint->stages->len, ==, 1);
    assert_day (stage->acknowledgement_due, "2026-12-08");
    assert_day (stage->response_due, "2026-12-31");
    g_assert_cmpuint (hid->status, ==, 404);
  }
  /* its reference again, about the service too: 409 on the field */
  {
    g_autoptr(ScTestResponse) again = sc_test_authed (fixture->daemon, officer, "POST", "/api/v1/complaints",
                                                      "{\"reference\":\"S-1\",\"received_on\":\"2026-12-01\","
                                                      "\"category\":\"other\"}", NULL);

    g_assert_cmpuint (again->status, ==, 409);
    g_assert_nonnull (strstr (body_text (again), "\"field\":\"reference\""));
  }
  body = g_strdup_printf ("{\"case_id\":%" G_GINT64_FORMAT ",\"reference\":\"C-2\",\"received_on\":\"2026-11-02\","
                          "\"category\":\"provision_not_delivered\"}", open_id);
  second = create (fixture, officer, body);
  g_free (body);
  body = g_strdup_printf ("{\"case_id\":%" G_GINT64_FORMAT ",\"reference\":\"C-3\",\"received_on\":\"2026-11-20\","
                          "\"category\":\"plan_content\"}", hidden_id);
  hidden = create (fixture, manager, body);

  /* the team's list, the earliest next deadline first */
  {
    g_autofree char *all = references (fixture, officer, "", NULL);
    g_autofree char *theirs = references (fixture, worker, "", NULL);
    g_autofree char *service_only = references (fixture, manager, "?case_id=none", NULL);
    g_autofree char *of_case = NULL;
    g_autofree char *path = g_strdup_printf ("?case_id=%" G_GINT64_FORMAT, open_id);
    g_autofree char *first = references (fixture, manager, "?limit=1", &cursor);
    g_autofree char *next_path = NULL;
    g_autofree char *next = NULL;
    g_autoptr(ScTestResponse) bad = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/complaints?status=x",
                                                    NULL, NULL);
    g_autoptr(ScTestResponse) bad_cursor = sc_test_authed (fixture->daemon, manager, "GET",
                                                           "/api/v1/complaints?cursor=abc", NULL, NULL);

    of_case = references (fixture, worker, path, NULL);
    g_assert_cmpstr (all, ==, "C-2 C-3 S-1");
    g_assert_cmpstr (theirs, ==, "C-2 C-3");
    g_assert_cmpstr (service_only, ==, "S-1");
    g_assert_cmpstr (of_case, ==, "C-2");
    g_assert_cmpstr (first, ==, "C-2");
    g_assert_nonnull (cursor);
    next_path = g_strdup_printf ("?limit=5&cursor=%s", cursor);
    next = references (fixture, manager, next_path, NULL);
    g_assert_cmpstr (next, ==, "C-3 S-1");
    assert_field_error (bad, "status");
    assert_field_error (bad_cursor, "cursor");
  }

  /* a restricted case's complaints are hidden from those who cannot see
   * it, and cannot be logged or changed by them */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT, hidden_id);
    g_autofree char *version = sc_test_psqlf (fixture->cluster, "SELECT version FROM ehc_case WHERE id = %"
                                              G_GINT64_FORMAT, hidden_id);
    g_autofree char *quoted = g_strdup_printf ("\"%s\"", version);
    const char *headers[] = { "If-Match", quoted, NULL };
    g_autoptr(ScTestResponse) restricted = sc_test_authed (fixture->daemon, manager, "PATCH", path,
                                                         "{\"restricted\":true}", headers);
    g_autofree char *again = g_strdup_printf ("{\"case_id\":%" G_GINT64_FORMAT ",\"reference\":\"C-4\","
                                              "\"received_on\":\"2026-11-20\",\"category\":\"other\"}", hidden_id);
    g_autoptr(ScTestResponse) logged = sc_test_authed (fixture->daemon, officer, "POST", "/api/v1/complaints",
                                                       again, NULL);
    g_autoptr(ScTestResponse) read = get (fixture, officer, hidden);
    g_autofree char *change_body = change ("[{\"stage\":1,\"received_on\":\"2026-11-20\","
                                           "\"acknowledged_on\":\"2026-11-21\"}]", "null");
    g_autoptr(ScTestResponse) changed = put (fixture, officer, hidden, 1, change_body);
    g_autofree char *listed = references (fixture, officer, "", NULL);
    g_autoptr(ScTestResponse) manager_read = get (fixture, manager, hidden);

    g_assert_cmpuint (restricted->status, ==, 200);
    assert_field_error (logged, "case_id");
    g_assert_cmpuint (read->status, ==, 404);
    g_assert_cmpuint (changed->status, ==, 404);
    g_assert_cmpstr (listed, ==, "C-2 S-1");
    g_assert_cmpuint (manager_read->status, ==, 200);
  }

  /* the service's complaint answered: closed, and last in the list */
  {
    g_autofree char *answered = g_strdup ("{\"complainant\":\"Mr Shah\",\"channel\":null,\"category\":"
                                          "\"communication\",\"stages\":[{\"stage\":2,\"received_on\":\"2026-12-01\","
                                          "\"acknowledged_on\":\"2026-12-02\",\"responded_on\":\"2026-12-04\","
                                          "\"outcome\":\"not_upheld\"}],\"ombudsman\":null,\"notes\":\"Answered "
                                          "by letter.\"}");
    g_autoptr(ScTestResponse) r = put (fixture, manager, service, 1, answered);
    g_autoptr(ScComplaint) complaint = complaint_of (r);
    g_autofree char *open_ones = references (fixture, manager, "?status=open", NULL);
    g_autofree char *closed = references (fixture, manager, "?status=closed", NULL);

    g_assert_cmpstr (complaint->status, ==, "closed");
    g_assert_cmpstr (complaint->notes, ==, "Answered by letter.");
    g_assert_cmpstr (open_ones, ==, "C-2 C-3");
    g_assert_cmpstr (closed, ==, "S-1");
  }
  (void) second;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/complaints/case", Fixture, NULL, sc_test_server_setup, test_case_complaint,
              sc_test_server_teardown);
  g_test_add ("/server/complaints/service-and-list", Fixture, NULL, sc_test_server_setup, test_service_and_list,
              sc_test_server_teardown);
  return g_test_run ();
}
