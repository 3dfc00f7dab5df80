/* test-mediations.c
 *
 * Mediation on a real cluster: a family's request for advice on a case
 * whose assessment was refused (its time to appeal open until 20 June
 * 2026), recorded by an admin officer; the advice and the request for
 * mediation (to be held within 30 days, by 5 June); a mediation held
 * before it was asked for 422, nothing written; held on 28 May, the
 * certificate due 3 working days later (2 June); the outcome with an
 * agreement and its deadline; the certificate issued on 1 June is the
 * case's event and extends the time to appeal to a month after it (1
 * July); the agreement done closes it. What is recorded cannot be
 * changed (422), a stale write is 412, and nothing changes; the list by
 * next deadline with its filters; a caseworker reads but does not write;
 * a certificate on a case with nothing to appeal is the case's refusal,
 * said of the certificate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-mediation.h"
#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef ScTestServer Fixture;

static const char *
body_text (ScTestResponse *response)
{
  return g_bytes_get_data (response->body, NULL);
}

static ScMediation *
mediation_of (ScTestResponse *response)
{
  g_autoptr(GError) error = NULL;
  ScMediation *mediation;

  if (response->status != 200 && response->status != 201)
    g_error ("%u: %s", response->status, body_text (response));
  mediation = sc_mediation_new_from_json (response->json, &error);
  g_assert_no_error (error);
  return mediation;
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

/* A case of the demo caseworker whose assessment was refused on 20 April */
static gint64
refused_case (Fixture    *fixture,
              const char *token,
              const char *family)
{
  gint64 id = sc_test_open_case (fixture->daemon, token, "Ivo", family, "2016-02-01", "2026-03-02", 0);
  g_autofree char *events = NULL;
  g_autoptr(ScTestResponse) e = NULL;

  events = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", id);
  e = sc_test_authed (fixture->daemon, token, "POST", events,
                      "{\"type\":\"decided_not_to_assess\",\"date\":\"2026-04-20\"}", NULL);
  if (e->status != 201)
    g_error ("%u %s", e->status, body_text (e));
  return id;
}

static ScTestResponse *
create (Fixture    *fixture,
        const char *token,
        gint64      case_id,
        const char *requested)
{
  g_autofree char *body = g_strdup_printf ("{\"case_id\":%" G_GINT64_FORMAT ",\"advice_requested_on\":\"%s\"}",
                                           case_id, requested);

  return sc_test_authed (fixture->daemon, token, "POST", "/api/v1/mediations", body, NULL);
}

static ScTestResponse *
put (Fixture    *fixture,
     const char *token,
     gint64      id,
     gint64      if_match,
     const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/mediations/%" G_GINT64_FORMAT, id);
  g_autofree char *quoted = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", if_match);
  const char *headers[] = { "If-Match", quoted, NULL };

  return sc_test_authed (fixture->daemon, token, "PUT", path, body, headers);
}

/* A change: each a JSON value */
static char *
change (const char *requested,
        const char *held,
        const char *certificate,
        const char *outcome,
        const char *agreements)
{
  return g_strdup_printf ("{\"advice_given_on\":\"2026-05-05\",\"mediation_requested_on\":%s,"
                          "\"provider\":\"Global Mediation\",\"held_on\":%s,\"certificate_issued_on\":%s,"
                          "\"outcome\":%s,\"agreements\":%s,\"notes\":null}",
                          requested, held, certificate, outcome, agreements);
}

#define AGREEMENT "[{\"what\":\"Speech and language therapy weekly\",\"due_on\":\"2026-06-11\",\"done_on\":%s}]"

static char *
appeal_window (Fixture *fixture,
               gint64   case_id)
{
  return sc_test_psqlf (fixture->cluster,
                        "SELECT string_agg(to_char(due, 'YYYY-MM-DD'), ',') FROM case_milestone"
                        " WHERE case_id = %" G_GINT64_FORMAT " AND milestone = 'appeal_window'", case_id);
}

static void
test_lifecycle (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  gint64 case_id = refused_case (fixture, worker, "Marsh");
  g_autofree char *agreement_open = g_strdup_printf (AGREEMENT, "null");
  g_autofree char *agreement_done = g_strdup_printf (AGREEMENT, "\"2026-06-10\"");
  gint64 id;

  {
    g_autoptr(ScTestResponse) denied = create (fixture, worker, case_id, "2026-05-04");
    g_autoptr(ScTestResponse) later = create (fixture, officer, case_id, "2099-05-04");
    g_autoptr(ScTestResponse) r = create (fixture, officer, case_id, "2026-05-04");
    g_autoptr(ScMediation) mediation = mediation_of (r);
    g_autofree char *window = appeal_window (fixture, case_id);

    g_assert_cmpuint (denied->status, ==, 403);
    assert_refused (later, 422, "advice_requested_on");
    g_assert_cmpuint (r->status, ==, 201);
    g_assert_cmpstr (mediation->status, ==, "open");
    assert_day (mediation->next_due, "none");
    g_assert_cmpstr (mediation->given_name, ==, "Ivo");
    g_assert_cmpstr (window, ==, "2026-06-20");
    id = mediation->id;
  }
  /* the advice given, mediation asked for: to be held within 30 days */
  {
    g_autofree char *body = change ("\"2026-05-06\"", "null", "null", "null", "[]");
    g_autoptr(ScTestResponse) r = put (fixture, officer, id, 1, body);
    g_autoptr(ScMediation) mediation = mediation_of (r);

    assert_day (mediation->mediation_due, "2026-06-05");
    assert_day (mediation->next_due, "2026-06-05");
    /* if it is not held in them, the certificate 3 working days after */
    assert_day (mediation->certificate_due, "2026-06-10");
  }
  /* held before it was asked for: refused, nothing written */
  {
    g_autofree char *body = change ("\"2026-05-06\"", "\"2026-05-05\"", "null", "null", "[]");
    g_autoptr(ScTestResponse) r = put (fixture, officer, id, 2, body);
    g_autofree char *version = sc_test_psql (fixture->cluster, "SELECT version FROM mediation");

    assert_refused (r, 422, "held_on");
    g_assert_cmpstr (version, ==, "2");
  }
  /* held on a Thursday: the certificate is due 3 working days later; the
   * outcome with an agreement and its deadline */
  {
    g_autofree char *body = change ("\"2026-05-06\"", "\"2026-05-28\"", "null", "\"partly_agreed\"", agreement_open);
    g_autoptr(ScTestResponse) r = put (fixture, officer, id, 2, body);
    g_autoptr(ScMediation) mediation = mediation_of (r);

    assert_day (mediation->certificate_due, "2026-06-02");
    assert_day (mediation->next_due, "2026-06-02");
    g_assert_cmpuint (mediation->agreements->len, ==, 1);
  }
  /* the certificate: the case's event, the time to appeal a month after it */
  {
    g_autofree char *body = change ("\"2026-05-06\"", "\"2026-05-28\"", "\"2026-06-01\"", "\"partly_agreed\"",
                                    agreement_open);
    g_autoptr(ScTestResponse) r = put (fixture, officer, id, 3, body);
    g_autoptr(ScMediation) mediation = mediation_of (r);
    g_autofree char *window = appeal_window (fixture, case_id);
    g_autofree char *events = sc_test_psqlf (fixture->cluster, "SELECT count(*) FROM case_event WHERE case_id = %"
                                             G_GINT64_FORMAT " AND type = 'mediation_certificate_issued'", case_id);

    g_assert_cmpstr (window, ==, "2026-07-01");
    g_assert_cmpstr (events, ==, "1");
    assert_day (mediation->next_due, "2026-06-11");
    g_assert_cmpstr (mediation->status, ==, "open");
  }
  /* what is recorded stays; a stale version; nothing changed */
  {
    g_autofree char *moved = change ("\"2026-05-07\"", "\"2026-05-28\"", "\"2026-06-01\"", "\"agreed\"",
                                     agreement_open);
    g_autoptr(ScTestResponse) r = put (fixture, officer, id, 4, moved);
    g_autoptr(ScTestResponse) stale = put (fixture, officer, id, 3, moved);
    g_autofree char *version = sc_test_psql (fixture->cluster, "SELECT version FROM mediation");

    assert_refused (r, 422, "mediation_requested_on");
    assert_refused (r, 422, "outcome");
    g_assert_cmpuint (stale->status, ==, 412);
    g_assert_cmpstr (version, ==, "4");
  }
  /* the agreement done: closed */
  {
    g_autofree char *body = change ("\"2026-05-06\"", "\"2026-05-28\"", "\"2026-06-01\"", "\"partly_agreed\"",
                                    agreement_done);
    g_autoptr(ScTestResponse) r = put (fixture, officer, id, 4, body);
    g_autoptr(ScMediation) mediation = mediation_of (r);
    g_autofree char *open_path = g_strdup_printf ("/api/v1/mediations?status=open&case_id=%" G_GINT64_FORMAT,
                                                  case_id);
    g_autofree char *closed_path = g_strdup_printf ("/api/v1/mediations?status=closed&case_id=%" G_GINT64_FORMAT,
                                                    case_id);
    g_autoptr(ScTestResponse) open_list = sc_test_authed (fixture->daemon, worker, "GET", open_path, NULL, NULL);
    g_autoptr(ScTestResponse) closed_list = sc_test_authed (fixture->daemon, worker, "GET", closed_path, NULL, NULL);
    JsonObject *page = json_node_get_object (closed_list->json);

    g_assert_cmpstr (mediation->status, ==, "closed");
    assert_day (mediation->next_due, "none");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (open_list->json),
                                                                           "items")), ==, 0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "items")), ==, 1);
  }
}

/* Advice without mediation: the certificate is due 3 working days after
 * the advice; the team's list by next deadline */
static void
test_declined_and_list (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  gint64 first = refused_case (fixture, worker, "Okafor");
  gint64 second = refused_case (fixture, worker, "Quinn");
  gint64 declined, asked;

  {
    g_autoptr(ScTestResponse) r = create (fixture, manager, first, "2026-05-20");
    g_autoptr(ScMediation) created = mediation_of (r);
    g_autoptr(ScTestResponse) advised = put (fixture, manager, created->id, 1,
                                             "{\"advice_given_on\":\"2026-05-22\",\"mediation_requested_on\":null,"
                                             "\"provider\":null,\"held_on\":null,\"certificate_issued_on\":null,"
                                             "\"outcome\":null,\"agreements\":[],\"notes\":null}");
    g_autoptr(ScMediation) mediation = mediation_of (advised);

    /* Friday 22 May: Tuesday 26, Wednesday 27, Thursday 28 (Monday 25 is a bank holiday) */
    assert_day (mediation->certificate_due, "2026-05-28");
    declined = mediation->id;
  }
  {
    g_autoptr(ScTestResponse) r = create (fixture, manager, second, "2026-05-01");
    g_autoptr(ScMediation) created = mediation_of (r);
    g_autofree char *body = change ("\"2026-05-02\"", "null", "null", "null", "[]");
    g_autoptr(ScTestResponse) asked_r = put (fixture, manager, created->id, 1, body);
    g_autoptr(ScMediation) mediation = mediation_of (asked_r);

    assert_day (mediation->next_due, "2026-06-01");
    asked = mediation->id;
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/mediations", NULL, NULL);
    JsonArray *items = json_object_get_array_member (json_node_get_object (r->json), "items");

    g_assert_cmpuint (json_array_get_length (items), ==, 2);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"), ==, declined);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 1), "id"), ==, asked);
  }
  {
    g_autoptr(ScTestResponse) bad = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/mediations?case_id=x",
                                                    NULL, NULL);

    assert_refused (bad, 422, "case_id");
  }
  /* a certificate on a case with nothing left to appeal: the case's rule
   * refuses it, said of the certificate, and nothing is written */
  {
    gint64 case_id = sc_test_open_case (fixture->daemon, worker, "Ada", "Noor", "2016-02-01", "2026-03-02", 0);
    g_autoptr(ScTestResponse) r = create (fixture, manager, case_id, "2026-05-01");
    g_autoptr(ScMediation) created = mediation_of (r);
    g_autofree char *certified = change ("null", "null", "\"2026-05-06\"", "null", "[]");
    g_autoptr(ScTestResponse) refused = put (fixture, manager, created->id, 1, certified);
    g_autofree char *events = sc_test_psql (fixture->cluster, "SELECT count(*) FROM case_event"
                                            " WHERE type = 'mediation_certificate_issued'");

    assert_refused (refused, 422, "certificate_issued_on");
    g_assert_cmpstr (events, ==, "0");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/mediations/lifecycle", Fixture, NULL, sc_test_server_setup, test_lifecycle,
              sc_test_server_teardown);
  g_test_add ("/server/mediations/declined-and-list", Fixture, NULL, sc_test_server_setup, test_declined_and_list,
              sc_test_server_teardown);
  return g_test_run ();
}
