/* test-team.c
 *
 * A team manager's routes: what each member of the team holds
 * (GET /workload), the team's deadlines (GET /deadlines), and handing a
 * caseload, or part of one, to someone else (POST /caseload/handover), with
 * the note the new owner reads first. A handover that is wrong in any way
 * moves nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-daemon.h"

typedef ScTestServer Fixture;

static JsonObject *
object_of (ScTestResponse *response)
{
  g_assert_nonnull (response->json);
  return json_node_get_object (response->json);
}

static JsonArray *
items_of (ScTestResponse *response)
{
  return json_object_get_array_member (object_of (response), "items");
}

static gint64
open_case (Fixture    *fixture,
           const char *token,
           const char *family,
           const char *received,
           gint64      owner_id)
{
  return sc_test_open_case (fixture->daemon, token, "Sam", family, "2016-04-01", received, owner_id);
}

static gint64
user_id (Fixture    *fixture,
         const char *username)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM app_user WHERE username = '%s'", username);
  g_autofree char *out = sc_test_psql (fixture->cluster, sql);

  return g_ascii_strtoll (out, NULL, 10);
}

static char *
today_plus (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* The workload row of @username */
static JsonObject *
row_of (ScTestResponse *workload,
        const char     *username)
{
  JsonArray *items = items_of (workload);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *row = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (json_object_get_object_member (row, "owner"), "username"),
                     username) == 0)
        return row;
    }
  g_error ("no workload row for %s", username);
}

static void
test_workload_and_deadlines (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autofree char *long_ago = today_plus (-120);
  g_autofree char *lately = today_plus (-40);
  g_autofree char *path = NULL;
  gint64 worker_id = user_id (fixture, "caseworker");
  gint64 manager_id = user_id (fixture, "manager");
  JsonObject *row;

  /* the decision on an assessment is due 6 weeks after the request: the
   * first is overdue, the second due within the week (40 + 7 > 42) */
  open_case (fixture, worker, "Overdue", long_ago, 0);
  open_case (fixture, worker, "Soon", lately, 0);
  open_case (fixture, manager, "Managers", lately, manager_id);

  {
    g_autoptr(ScTestResponse) w = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/workload", NULL, NULL);

    g_assert_cmpuint (w->status, ==, 200);
    row = row_of (w, "caseworker");
    g_assert_cmpint (json_object_get_int_member (row, "cases"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (row, "overdue"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (row, "due_this_week"), ==, 1);
    row = row_of (w, "manager");
    g_assert_cmpint (json_object_get_int_member (row, "cases"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (row, "overdue"), ==, 0);
    /* every member of the team, holding cases or not; not the other roles */
    g_assert_cmpint (json_array_get_length (items_of (w)), ==, 2);
  }
  {
    g_autoptr(ScTestResponse) d = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/deadlines", NULL, NULL);
    JsonArray *items;

    g_assert_cmpuint (d->status, ==, 200);
    items = items_of (d);
    g_assert_cmpint (json_array_get_length (items), ==, 3);
    /* the earliest deadline first, whoever holds it */
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                       json_array_get_object_element (items, 0), "person"), "family_name"), ==, "Overdue");
  }
  path = g_strdup_printf ("/api/v1/deadlines?owner=%" G_GINT64_FORMAT "&status=overdue", worker_id);
  {
    g_autoptr(ScTestResponse) d = sc_test_authed (fixture->daemon, manager, "GET", path, NULL, NULL);

    g_assert_cmpuint (d->status, ==, 200);
    g_assert_cmpint (json_array_get_length (items_of (d)), ==, 1);
  }
  {
    g_autoptr(ScTestResponse) w = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/workload", NULL, NULL);

    g_assert_cmpuint (w->status, ==, 403);
  }
  /* one caseload's counts: its owner's own, or anyone's */
  g_free (path);
  path = g_strdup_printf ("/api/v1/caseload/counts?owner=%" G_GINT64_FORMAT, worker_id);
  {
    g_autoptr(ScTestResponse) mine = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/caseload/counts",
                                                     NULL, NULL);
    g_autoptr(ScTestResponse) theirs = sc_test_authed (fixture->daemon, manager, "GET", path, NULL, NULL);
    g_autoptr(ScTestResponse) nobody = sc_test_authed (fixture->daemon, manager, "GET",
                                                       "/api/v1/caseload/counts?owner=999999", NULL, NULL);
    g_autofree char *officer = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
    g_autoptr(ScTestResponse) none = sc_test_authed (fixture->daemon, officer, "GET", "/api/v1/caseload/counts",
                                                     NULL, NULL);

    g_assert_cmpuint (mine->status, ==, 200);
    g_assert_cmpint (json_object_get_int_member (object_of (mine), "cases"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (object_of (mine), "overdue"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (object_of (mine), "due_this_week"), ==, 1);
    g_assert_cmpuint (theirs->status, ==, 200);
    g_assert_cmpint (json_object_get_int_member (object_of (theirs), "cases"), ==, 2);
    g_assert_cmpuint (nobody->status, ==, 404);
    /* an admin officer holds no cases, and is told so */
    g_assert_cmpuint (none->status, ==, 200);
    g_assert_cmpint (json_object_get_int_member (object_of (none), "cases"), ==, 0);
  }
}

/* The number of cases a caseload read finds, or its status when refused */
static int
caseload_count (Fixture    *fixture,
                const char *token,
                const char *query)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/caseload?%s", query);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);

  if (r->status != 200)
    return -(int) r->status;
  return (int) json_array_get_length (items_of (r));
}

static void
test_caseload_search (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autofree char *lately = today_plus (-40);
  g_autoptr(ScTestResponse) p = NULL;
  g_autoptr(ScTestResponse) c = NULL;
  g_autofree char *body = NULL;

  open_case (fixture, worker, "Ólafsdóttir", lately, 0);
  open_case (fixture, worker, "Brown-Okafor", lately, 0);
  open_case (fixture, manager, "Olander", lately, user_id (fixture, "manager"));
  p = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/people",
                      "{\"given_name\":\"Ada\",\"family_name\":\"Numbered\",\"date_of_birth\":\"2015-02-03\","
                      "\"upn\":\"B801200005001\",\"nhs_number\":\"943 476 5919\"}", NULL);
  g_assert_cmpuint (p->status, ==, 201);
  body = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":\"%s\","
                          "\"request_source\":\"setting\"}", sc_test_response_get_int (p, "id"), lately);
  c = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/cases", body, NULL);
  g_assert_cmpuint (c->status, ==, 201);

  g_assert_cmpint (caseload_count (fixture, worker, "owner=me"), ==, 3);
  /* the start of any word of a name, accents and case ignored; only the
   * owner's cases, not the manager's Olander */
  g_assert_cmpint (caseload_count (fixture, worker, "q=olaf"), ==, 1);
  g_assert_cmpint (caseload_count (fixture, worker, "q=OKA"), ==, 1);
  g_assert_cmpint (caseload_count (fixture, worker, "q=sam%20brown"), ==, 1);
  g_assert_cmpint (caseload_count (fixture, worker, "q=sam%20green"), ==, 0);
  g_assert_cmpint (caseload_count (fixture, worker, "q=b801200005001"), ==, 1);
  g_assert_cmpint (caseload_count (fixture, worker, "q=9434765919"), ==, 1);
  g_assert_cmpint (caseload_count (fixture, worker, "q=943%20476%205919"), ==, 1);
  g_assert_cmpint (caseload_count (fixture, worker, "q=2015-02-03"), ==, 1);
  g_assert_cmpint (caseload_count (fixture, worker, "q=100%25"), ==, 0);
  g_assert_cmpint (caseload_count (fixture, worker, "stage=requested"), ==, 3);
  g_assert_cmpint (caseload_count (fixture, worker, "stage=final"), ==, 0);
  g_assert_cmpint (caseload_count (fixture, worker, "stage=final&q=olaf"), ==, 0);
  g_assert_cmpint (caseload_count (fixture, worker, "stage=nothing"), ==, -422);
  /* the team's deadlines search the same way */
  {
    g_autoptr(ScTestResponse) d = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/deadlines?q=ol", NULL,
                                                  NULL);

    g_assert_cmpuint (d->status, ==, 200);
    g_assert_cmpint (json_array_get_length (items_of (d)), ==, 2);
  }
}

static void
test_handover (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autofree char *lately = today_plus (-20);
  gint64 worker_id = user_id (fixture, "caseworker");
  gint64 manager_id = user_id (fixture, "manager");
  gint64 officer_id = user_id (fixture, "officer");
  gint64 first = open_case (fixture, worker, "First", lately, 0);
  gint64 second = open_case (fixture, worker, "Second", lately, 0);
  gint64 theirs = open_case (fixture, manager, "Theirs", lately, manager_id);
  g_autofree char *before = sc_test_psql (fixture->cluster, "SELECT string_agg(owner_id || ':' || version, ',' ORDER BY id)"
                                                            " FROM ehc_case");
  g_autofree char *w = g_strdup_printf ("%" G_GINT64_FORMAT, worker_id);
  g_autofree char *m = g_strdup_printf ("%" G_GINT64_FORMAT, manager_id);
  g_autofree char *o = g_strdup_printf ("%" G_GINT64_FORMAT, officer_id);
  g_autofree char *cases = g_strdup_printf ("[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]", first, theirs);
  struct {
    char       *body;
    const char *field;
  } wrong[] = {
    /* an admin officer owns no cases */
    { g_strconcat ("{\"from_owner_id\":", w, ",\"to_owner_id\":", o, ",\"note\":\"x\"}", NULL), "to_owner_id" },
    /* a case that is not theirs: nothing moves, not even the others */
    { g_strconcat ("{\"from_owner_id\":", w, ",\"to_owner_id\":", m, ",\"case_ids\":", cases,
                   ",\"note\":\"x\"}", NULL), "case_ids" },
    { g_strconcat ("{\"from_owner_id\":", w, ",\"to_owner_id\":", m, "}", NULL), "note" },
    { g_strconcat ("{\"from_owner_id\":", w, ",\"to_owner_id\":", w, ",\"note\":\"x\"}", NULL), "to_owner_id" },
    { g_strconcat ("{\"from_owner_id\":", w, ",\"to_owner_id\":", m, ",\"case_ids\":[],\"note\":\"x\"}", NULL),
      "case_ids" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autofree char *body = wrong[i].body;
      g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "POST", "/api/v1/caseload/handover",
                                                    body, NULL);
      g_autofree char *after = NULL;
      JsonArray *errors;

      if (r->status != 422)
        g_error ("%s answered %u", body, r->status);
      errors = json_object_get_array_member (object_of (r), "errors");
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "field"), ==,
                       wrong[i].field);
      after = sc_test_psql (fixture->cluster, "SELECT string_agg(owner_id || ':' || version, ',' ORDER BY id)"
                                              " FROM ehc_case");
      g_assert_cmpstr (after, ==, before);
    }

  /* part of a caseload */
  {
    g_autofree char *body = g_strdup_printf ("{\"from_owner_id\":%" G_GINT64_FORMAT ",\"to_owner_id\":%"
                                             G_GINT64_FORMAT ",\"case_ids\":[%" G_GINT64_FORMAT "],"
                                             "\"note\":\"Asha is on leave: the advice is chased weekly\"}",
                                             worker_id, manager_id, first);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "POST", "/api/v1/caseload/handover",
                                                  body, NULL);
    g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT, first);
    g_autoptr(ScTestResponse) kase = NULL;
    JsonArray *items;

    g_assert_cmpuint (r->status, ==, 200);
    items = items_of (r);
    g_assert_cmpint (json_array_get_length (items), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"), ==, first);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                       json_array_get_object_element (items, 0), "owner"), "id"), ==, manager_id);
    /* the new owner reads the note first */
    kase = sc_test_authed (fixture->daemon, manager, "GET", path, NULL, NULL);
    g_assert_cmpstr (sc_test_response_get_string (kase, "handover_note"), ==,
                     "Asha is on leave: the advice is chased weekly");
    /* and who handed it over, and when */
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object_of (kase), "handed_over_by"),
                                                 "id"), ==, manager_id);
    g_assert_nonnull (sc_test_response_get_string (kase, "handed_over_at"));
  }
  /* the deadlines went with it */
  {
    g_autoptr(ScTestResponse) mine = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/caseload?owner=me",
                                                     NULL, NULL);

    g_assert_cmpint (json_array_get_length (items_of (mine)), ==, 1);
  }
  /* the rest of it, all at once */
  {
    g_autofree char *body = g_strdup_printf ("{\"from_owner_id\":%" G_GINT64_FORMAT ",\"to_owner_id\":%"
                                             G_GINT64_FORMAT ",\"note\":\"Asha has left\"}", worker_id, manager_id);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "POST", "/api/v1/caseload/handover",
                                                  body, NULL);
    g_autofree char *held = NULL;

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpint (json_array_get_length (items_of (r)), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items_of (r), 0), "id"), ==, second);
    held = sc_test_psql (fixture->cluster, "SELECT count(*) FROM ehc_case WHERE owner_id = "
                                           "(SELECT id FROM app_user WHERE username = 'caseworker')");
    g_assert_cmpstr (held, ==, "0");
  }
  (void) theirs;
}

static ScTestResponse *
record (Fixture    *fixture,
        const char *token,
        gint64      case_id,
        const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", case_id);
  ScTestResponse *r = sc_test_authed (fixture->daemon, token, "POST", path, body, NULL);

  if (r->status != 201)
    g_error ("%s answered %u: %s", body, r->status, (const char *) g_bytes_get_data (r->body, NULL));
  return r;
}

static void
test_advice (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autofree char *received = today_plus (-100);
  g_autofree char *decided = today_plus (-90);
  g_autofree char *asked = today_plus (-88);
  g_autofree char *lately = today_plus (-10);
  g_autofree char *assess = g_strdup_printf ("{\"type\":\"decided_to_assess\",\"date\":\"%s\"}", decided);
  g_autofree char *ask_health = g_strdup_printf ("{\"type\":\"advice_requested\",\"date\":\"%s\","
                                                 "\"key\":\"health\"}", asked);
  g_autofree char *ask_ep = g_strdup_printf ("{\"type\":\"advice_requested\",\"date\":\"%s\","
                                             "\"key\":\"educational_psychology\"}", asked);
  g_autofree char *ask_setting = g_strdup_printf ("{\"type\":\"advice_requested\",\"date\":\"%s\","
                                                  "\"key\":\"setting\"}", lately);
  g_autofree char *got_ep = g_strdup_printf ("{\"type\":\"advice_received\",\"date\":\"%s\","
                                             "\"key\":\"educational_psychology\"}", lately);
  gint64 kase = open_case (fixture, worker, "Advised", received, 0);
  gint64 manager_id = user_id (fixture, "manager");
  gint64 other = open_case (fixture, manager, "Elsewhere", received, manager_id);

  sc_test_response_free (record (fixture, worker, kase, assess));
  sc_test_response_free (record (fixture, worker, kase, ask_health));
  sc_test_response_free (record (fixture, worker, kase, ask_ep));
  sc_test_response_free (record (fixture, worker, kase, ask_setting));
  sc_test_response_free (record (fixture, worker, kase, got_ep));
  sc_test_response_free (record (fixture, manager, other, assess));
  sc_test_response_free (record (fixture, manager, other, ask_health));

  /* awaited: health (overdue) on both cases, the setting (not yet due) on one;
   * the educational psychologist's advice came */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/advice-requests", NULL,
                                                  NULL);
    JsonArray *items;

    g_assert_cmpuint (r->status, ==, 200);
    items = items_of (r);
    g_assert_cmpint (json_array_get_length (items), ==, 3);
    /* the earliest due first */
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "adviser"), ==,
                     "health");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 2), "adviser"), ==,
                     "setting");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "requested_on"), ==,
                     asked);
  }
  /* the chase list: only what is past its six weeks */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "GET",
                                                  "/api/v1/advice-requests?status=overdue&limit=1", NULL, NULL);
    const char *cursor = json_object_get_string_member (object_of (r), "next_cursor");
    g_autofree char *next = g_strdup_printf ("/api/v1/advice-requests?status=overdue&limit=1&cursor=%s", cursor);
    g_autoptr(ScTestResponse) second = sc_test_authed (fixture->daemon, manager, "GET", next, NULL, NULL);

    g_assert_cmpint (json_array_get_length (items_of (r)), ==, 1);
    g_assert_nonnull (cursor);
    g_assert_cmpint (json_array_get_length (items_of (second)), ==, 1);
    g_assert_true (json_object_get_null_member (object_of (second), "next_cursor"));
  }
  /* one owner's */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/advice-requests?owner=me",
                                                  NULL, NULL);

    g_assert_cmpint (json_array_get_length (items_of (r)), ==, 2);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/advice-requests?status=x",
                                                  NULL, NULL);

    g_assert_cmpuint (r->status, ==, 422);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/team/workload-and-deadlines", Fixture, NULL, sc_test_server_setup,
              test_workload_and_deadlines, sc_test_server_teardown);
  g_test_add ("/server/team/caseload-search", Fixture, NULL, sc_test_server_setup, test_caseload_search,
              sc_test_server_teardown);
  g_test_add ("/server/team/advice", Fixture, NULL, sc_test_server_setup, test_advice, sc_test_server_teardown);
  g_test_add ("/server/team/handover", Fixture, NULL, sc_test_server_setup, test_handover, sc_test_server_teardown);
  return g_test_run ();
}
