/* test-cases.c
 *
 * EHC cases through /api/v1/cases against a real daemon and database: the
 * 20-week pathway (request, decision to assess, advice asked for and given,
 * draft and final plan), with the stage, the next deadline and the timeline
 * checked at each step; an event the rules refuse (422 naming the rule,
 * nothing written: events, milestones, version); a void; a stale If-Match;
 * a caseworker writing a case that is not theirs (403 and a denied row); a
 * restricted case (404 to others); two writers on one case at once, from
 * two threads and through two daemons on one database, losing nothing, the
 * stored milestones always the clock over every event; an event recorded
 * under an Idempotency-Key (a retry replays it, another request under the
 * key is 422, a refusal keeps no key, two at once record one event).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef ScTestServer Fixture;

static JsonObject *
object_of (ScTestResponse *response)
{
  g_assert_nonnull (response->json);
  return json_node_get_object (response->json);
}

static const char *
body_of (ScTestResponse *response)
{
  return g_bytes_get_data (response->body, NULL);
}

static gint64
create_person (Fixture    *fixture,
               const char *token,
               const char *given,
               const char *family)
{
  g_autofree char *body = g_strdup_printf ("{\"given_name\":\"%s\",\"family_name\":\"%s\","
                                           "\"date_of_birth\":\"2016-04-01\"}", given, family);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/people", body, NULL);

  if (r->status != 201)
    g_error ("person create answered %u: %s", r->status, body_of (r));
  return sc_test_response_get_int (r, "id");
}

static ScTestResponse *
open_case (Fixture    *fixture,
           const char *token,
           gint64      person_id,
           const char *received,
           gint64      owner_id)
{
  g_autofree char *owner = owner_id > 0 ? g_strdup_printf (",\"owner_id\":%" G_GINT64_FORMAT, owner_id)
                                        : g_strdup ("");
  g_autofree char *body = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":\"%s\","
                                           "\"request_source\":\"parent\"%s}", person_id, received, owner);

  return sc_test_authed (fixture->daemon, token, "POST", "/api/v1/cases", body, NULL);
}

static gint64
open_case_ok (Fixture    *fixture,
              const char *token,
              gint64      person_id,
              const char *received,
              gint64      owner_id)
{
  g_autoptr(ScTestResponse) r = open_case (fixture, token, person_id, received, owner_id);

  if (r->status != 201)
    g_error ("case create answered %u: %s", r->status, body_of (r));
  return sc_test_response_get_int (r, "id");
}

static ScTestResponse *
add_event (Fixture    *fixture,
           const char *token,
           gint64      case_id,
           const char *event)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", case_id);

  return sc_test_authed (fixture->daemon, token, "POST", path, event, NULL);
}

static gint64
add_event_ok (Fixture    *fixture,
              const char *token,
              gint64      case_id,
              const char *event)
{
  g_autoptr(ScTestResponse) r = add_event (fixture, token, case_id, event);

  if (r->status != 201)
    g_error ("event %s answered %u: %s", event, r->status, body_of (r));
  return sc_test_response_get_int (r, "id");
}

static ScTestResponse *
get_case (Fixture    *fixture,
          const char *token,
          gint64      case_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT, case_id);

  return sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);
}

/* "stage next_due next_milestone version" of the case */
static char *
state_of (Fixture    *fixture,
          const char *token,
          gint64      case_id)
{
  g_autoptr(ScTestResponse) r = get_case (fixture, token, case_id);
  JsonObject *kase;

  g_assert_cmpuint (r->status, ==, 200);
  kase = object_of (r);
  return g_strdup_printf ("%s %s %s %" G_GINT64_FORMAT, json_object_get_string_member (kase, "stage"),
                          json_object_get_string_member_with_default (kase, "next_due", "-"),
                          json_object_get_string_member_with_default (kase, "next_milestone", "-"),
                          json_object_get_int_member (kase, "version"));
}

/* The timeline's milestones as "id:key:due:status;..." */
static char *
timeline_of (Fixture    *fixture,
             const char *token,
             gint64      case_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/timeline", case_id);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);
  GString *out = g_string_new (NULL);
  JsonArray *milestones;

  g_assert_cmpuint (r->status, ==, 200);
  milestones = json_object_get_array_member (object_of (r), "milestones");
  for (guint i = 0; i < json_array_get_length (milestones); i++)
    {
      JsonObject *m = json_array_get_object_element (milestones, i);

      g_string_append_printf (out, "%s%s:%s:%s:%s", i > 0 ? ";" : "", json_object_get_string_member (m, "id"),
                              json_object_get_string_member_with_default (m, "key", "-"),
                              json_object_get_string_member (m, "due"),
                              json_object_get_string_member (m, "status"));
    }
  return g_string_free (out, FALSE);
}

/* The stored milestones, in the same form as timeline_of() but sorted:
 * a row's position is its slot, not its place in the clock's order */
static char *
stored_milestones (Fixture *fixture,
                   gint64   case_id)
{
  return sc_test_psqlf (fixture->cluster,
                        "SELECT coalesce(string_agg(m, ';' ORDER BY m COLLATE \"C\"), '') FROM"
                        " (SELECT concat_ws(':', milestone, coalesce(key, '-'), due, status) AS m"
                        "  FROM case_milestone WHERE case_id = %" G_GINT64_FORMAT ") s", case_id);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The stored milestones are the timeline's */
static void
assert_stored_milestones (Fixture    *fixture,
                          gint64      case_id,
                          const char *timeline)
{
  g_auto(GStrv) items = *timeline != '\0' ? g_strsplit (timeline, ";", -1) : g_new0 (char *, 1);
  g_autofree char *sorted = NULL;
  g_autofree char *stored = stored_milestones (fixture, case_id);

  qsort (items, g_strv_length (items), sizeof (char *), compare_strings);
  sorted = g_strjoinv (";", items);
  g_assert_cmpstr (stored, ==, sorted);
}

static char *
user_id (Fixture    *fixture,
         const char *username)
{
  return sc_test_psqlf (fixture->cluster, "SELECT id FROM app_user WHERE username = '%s'", username);
}

/* --- the pathway ------------------------------------------------------------ */

static void
test_pathway (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 person = create_person (fixture, token, "Zoë", "O'Brien");
  g_autoptr(ScTestResponse) created = open_case (fixture, token, person, "2026-03-02", 0);
  g_autofree char *worker = user_id (fixture, "caseworker");
  g_autofree char *state = NULL;
  g_autofree char *timeline = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *sql = NULL;
  JsonObject *kase;
  gint64 id;

  g_assert_cmpuint (created->status, ==, 201);
  kase = object_of (created);
  id = json_object_get_int_member (kase, "id");
  g_assert_cmpstr (json_object_get_string_member (kase, "stage"), ==, "requested");
  g_assert_cmpstr (json_object_get_string_member (kase, "request_received"), ==, "2026-03-02");
  g_assert_cmpstr (json_object_get_string_member (kase, "request_source"), ==, "parent");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (kase, "owner"), "id"), ==,
                   g_ascii_strtoll (worker, NULL, 10));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (kase, "person"), "given_name"), ==,
                   "Zoë");
  /* 6 weeks to decide whether to assess; 20 to issue the final plan */
  g_assert_cmpstr (json_object_get_string_member (kase, "next_due"), ==, "2026-04-13");
  g_assert_cmpstr (json_object_get_string_member (kase, "next_milestone"), ==, "assessment_decision");
  timeline = timeline_of (fixture, token, id);
  g_assert_cmpstr (timeline, ==, "assessment_decision:-:2026-04-13:overdue;final_plan:-:2026-07-20:overdue");
  assert_stored_milestones (fixture, id, timeline);

  /* the create wrote one audit row */
  sql = g_strdup_printf ("SELECT count(*) FROM audit_event WHERE action = 'case.create' AND resource_id = '%"
                         G_GINT64_FORMAT "' AND outcome = 'success'", id);
  audit = sc_test_psql (fixture->cluster, sql);
  g_assert_cmpstr (audit, ==, "1");

  add_event_ok (fixture, token, id, "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}");
  g_free (state);
  state = state_of (fixture, token, id);
  g_assert_cmpstr (state, ==, "assessing 2026-07-20 final_plan 2");

  add_event_ok (fixture, token, id, "{\"type\":\"advice_requested\",\"date\":\"2026-04-07\","
                "\"key\":\"educational_psychologist\",\"note\":\"EP service, Dr Shah\"}");
  g_free (state);
  state = state_of (fixture, token, id);
  /* advice is due within 6 weeks of the request for it */
  g_assert_cmpstr (state, ==, "assessing 2026-05-19 advice 3");
  g_free (timeline);
  timeline = timeline_of (fixture, token, id);
  g_assert_true (g_str_has_prefix (timeline, "assessment_decision:-:2026-04-13:met;"));
  g_assert_nonnull (strstr (timeline, "advice:educational_psychologist:2026-05-19:overdue"));

  add_event_ok (fixture, token, id, "{\"type\":\"advice_received\",\"date\":\"2026-05-01\","
                "\"key\":\"educational_psychologist\"}");
  g_free (state);
  state = state_of (fixture, token, id);
  g_assert_cmpstr (state, ==, "assessing 2026-07-20 final_plan 4");
  g_free (timeline);
  timeline = timeline_of (fixture, token, id);
  g_assert_nonnull (strstr (timeline, "advice:educational_psychologist:2026-05-19:met"));

  add_event_ok (fixture, token, id, "{\"type\":\"draft_plan_issued\",\"date\":\"2026-06-15\"}");
  g_free (state);
  state = state_of (fixture, token, id);
  g_assert_cmpstr (state, ==, "drafting 2026-07-20 final_plan 5");

  add_event_ok (fixture, token, id, "{\"type\":\"final_plan_issued\",\"date\":\"2026-07-13\"}");
  g_free (state);
  state = state_of (fixture, token, id);
  g_assert_true (g_str_has_prefix (state, "final "));
  g_free (timeline);
  timeline = timeline_of (fixture, token, id);
  g_assert_nonnull (strstr (timeline, "final_plan:-:2026-07-20:met"));
  assert_stored_milestones (fixture, id, timeline);

  /* the history, with who recorded each event */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", id);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);
    JsonArray *items;
    JsonObject *advice;

    g_assert_cmpuint (r->status, ==, 200);
    items = json_object_get_array_member (object_of (r), "items");
    g_assert_cmpuint (json_array_get_length (items), ==, 6);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "type"), ==,
                     "request_received");
    advice = json_array_get_object_element (items, 2);
    g_assert_cmpstr (json_object_get_string_member (advice, "key"), ==, "educational_psychologist");
    g_assert_cmpstr (json_object_get_string_member (advice, "note"), ==, "EP service, Dr Shah");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (advice, "recorded_by"),
                                                    "username"), ==, "caseworker");
    g_assert_nonnull (json_object_get_string_member (advice, "recorded_at"));
    g_assert_true (json_object_get_null_member (advice, "voided_at"));
  }

  /* an officer reads it; a system administrator may not */
  {
    g_autofree char *officer = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
    g_autofree char *admin = sc_test_sign_in (fixture->daemon, "sysadmin", SC_TEST_DEMO_PASSWORD);
    g_autoptr(ScTestResponse) read = get_case (fixture, officer, id);
    g_autoptr(ScTestResponse) refused = get_case (fixture, admin, id);

    g_assert_cmpuint (read->status, ==, 200);
    g_assert_cmpuint (refused->status, ==, 403);
  }
}

/* --- refusals ------------------------------------------------------------- */

/* An event writes only the milestones it changes: an untouched row keeps
 * the transaction that wrote it (xmin), also when the new milestones come
 * before it in the clock's order (a second complaint's acknowledgement
 * before the first one's response); the stored rows are the timeline, also
 * when a void takes a milestone away. */
static char *
milestone_xmin (Fixture    *fixture,
                gint64      case_id,
                const char *milestone,
                const char *key)
{
  g_autofree char *xmin = sc_test_psqlf (fixture->cluster, "SELECT xmin FROM case_milestone WHERE case_id = %"
                                         G_GINT64_FORMAT " AND milestone = '%s' AND key IS NOT DISTINCT FROM %s%s%s",
                                         case_id, milestone, key != NULL ? "'" : "", key != NULL ? key : "NULL",
                                         key != NULL ? "'" : "");

  g_assert_cmpstr (xmin, !=, "");
  return g_steal_pointer (&xmin);
}

static void
test_milestones_kept (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 person = create_person (fixture, token, "Ada", "Kept");
  gint64 id = open_case_ok (fixture, token, person, "2026-03-02", 0);
  static const char * const kept[][2] = {
    { "assessment_decision", NULL }, { "final_plan", NULL }, { "advice", "health" }, { "advice", "c1" },
  };
  char *xmins[G_N_ELEMENTS (kept)] = { NULL };
  g_autofree char *timeline = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ScTestResponse) voided = NULL;
  gint64 advice;

  add_event_ok (fixture, token, id, "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}");
  xmins[0] = milestone_xmin (fixture, id, kept[0][0], kept[0][1]);
  xmins[1] = milestone_xmin (fixture, id, kept[1][0], kept[1][1]);
  advice = add_event_ok (fixture, token, id, "{\"type\":\"advice_requested\",\"date\":\"2026-04-07\","
                         "\"key\":\"health\"}");
  xmins[2] = milestone_xmin (fixture, id, kept[2][0], kept[2][1]);
  add_event_ok (fixture, token, id, "{\"type\":\"advice_requested\",\"date\":\"2026-04-08\","
                "\"key\":\"c1\"}");
  xmins[3] = milestone_xmin (fixture, id, kept[3][0], kept[3][1]);
  add_event_ok (fixture, token, id, "{\"type\":\"advice_requested\",\"date\":\"2026-04-09\","
                "\"key\":\"c2\"}");
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *now = milestone_xmin (fixture, id, kept[i][0], kept[i][1]);

      g_assert_cmpstr (now, ==, xmins[i]);
    }
  timeline = timeline_of (fixture, token, id);
  g_assert_nonnull (strstr (timeline, "advice:health:"));
  g_assert_nonnull (strstr (timeline, "advice:c2:"));
  assert_stored_milestones (fixture, id, timeline);

  path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events/%" G_GINT64_FORMAT "/void", id, advice);
  voided = sc_test_authed (fixture->daemon, token, "POST", path, "{\"reason\":\"recorded on the wrong case\"}",
                           NULL);
  g_assert_cmpuint (voided->status, ==, 200);
  g_free (timeline);
  timeline = timeline_of (fixture, token, id);
  g_assert_null (strstr (timeline, "advice:health:"));
  assert_stored_milestones (fixture, id, timeline);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    if (i != 2)
      {
        g_autofree char *now = milestone_xmin (fixture, id, kept[i][0], kept[i][1]);

        g_assert_cmpstr (now, ==, xmins[i]);
      }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    g_free (xmins[i]);
}

/* sql/0014 numbers the rows kept before it as the case store now does:
 * rows put back in the clock's order, 1 to n, get the same slots again. */
static char *
milestone_slots (Fixture *fixture,
                 gint64   case_id)
{
  return sc_test_psqlf (fixture->cluster, "SELECT string_agg(concat_ws(':', position, milestone, key), ';'"
                        " ORDER BY position) FROM case_milestone WHERE case_id = %" G_GINT64_FORMAT, case_id);
}

static void
test_milestone_slots_migration (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 id = open_case_ok (fixture, token, create_person (fixture, token, "Ada", "Slots"), "2026-03-02", 0);
  g_autofree char *path = g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "sql", "0014-milestone-slots.sql", NULL);
  g_autofree char *migration = NULL;
  g_autofree char *slots = NULL;
  g_autofree char *renumbered = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;

  add_event_ok (fixture, token, id, "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}");
  add_event_ok (fixture, token, id, "{\"type\":\"advice_requested\",\"date\":\"2026-04-07\","
                "\"key\":\"health\"}");
  add_event_ok (fixture, token, id, "{\"type\":\"advice_requested\",\"date\":\"2026-04-07\","
                "\"key\":\"setting\"}");
  add_event_ok (fixture, token, id, "{\"type\":\"advice_requested\",\"date\":\"2026-04-08\","
                "\"key\":\"c1\"}");
  slots = milestone_slots (fixture, id);
  g_assert_nonnull (strstr (slots, "4096:assessment_decision;"));
  g_assert_true (g_file_get_contents (path, &migration, NULL, &error));
  g_assert_no_error (error);
  g_free (sc_test_psqlf (fixture->cluster,
                         "UPDATE case_milestone m SET position = -o.n FROM"
                         " (SELECT position, row_number() OVER (ORDER BY random()) AS n FROM case_milestone"
                         "  WHERE case_id = %" G_GINT64_FORMAT ") o"
                         " WHERE m.case_id = %" G_GINT64_FORMAT " AND m.position = o.position;"
                         "UPDATE case_milestone SET position = -position WHERE position < 0",
                         id, id));
  renumbered = milestone_slots (fixture, id);
  g_assert_cmpstr (renumbered, !=, slots);
  g_free (sc_test_psql (fixture->cluster, migration));
  again = milestone_slots (fixture, id);
  g_assert_cmpstr (again, ==, slots);
}

static void
test_illegal_event (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 id = open_case_ok (fixture, token, create_person (fixture, token, "Ada", "Byrne"), "2026-03-02", 0);
  g_autofree char *before = state_of (fixture, token, id);
  g_autofree char *milestones_before = stored_milestones (fixture, id);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM case_event WHERE case_id = %" G_GINT64_FORMAT, id);
  g_autofree char *events_before = sc_test_psql (fixture->cluster, sql);
  static const char * const refused[][2] = {
    /* a review needs a plan */
    { "{\"type\":\"review_meeting\",\"date\":\"2026-04-01\"}", NULL },
    /* not yet happened */
    { "{\"type\":\"decided_to_assess\",\"date\":\"2099-01-01\"}", "date" },
    /* a member the type does not read */
    { "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-01\",\"key\":\"x\"}", "key" },
    /* advice names its advisor */
    { "{\"type\":\"advice_requested\",\"date\":\"2026-04-01\"}", "key" },
    { "{\"type\":\"no_such_event\",\"date\":\"2026-04-01\"}", "type" },
    { "{\"type\":\"decided_to_assess\",\"date\":\"2026-02-30\"}", "date" },
  };

  /* a request not yet received opens nothing */
  {
    g_autoptr(ScTestResponse) r = open_case (fixture, token, create_person (fixture, token, "Al", "Yu"),
                                             "2099-01-01", 0);
    JsonArray *errors;

    g_assert_cmpuint (r->status, ==, 422);
    errors = json_object_get_array_member (object_of (r), "errors");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "field"), ==,
                     "request_received");
  }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(ScTestResponse) r = add_event (fixture, token, id, refused[i][0]);
      g_autofree char *after = NULL;
      g_autofree char *milestones_after = NULL;
      g_autofree char *events_after = NULL;
      JsonArray *errors;

      if (r->status != 422)
        g_error ("%s answered %u: %s", refused[i][0], r->status, body_of (r));
      errors = json_object_get_array_member (object_of (r), "errors");
      g_assert_cmpuint (json_array_get_length (errors), >=, 1);
      if (refused[i][1] != NULL)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "field"), ==,
                         refused[i][1]);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "message"), !=, "");

      after = state_of (fixture, token, id);
      g_assert_cmpstr (after, ==, before);
      milestones_after = stored_milestones (fixture, id);
      g_assert_cmpstr (milestones_after, ==, milestones_before);
      events_after = sc_test_psql (fixture->cluster, sql);
      g_assert_cmpstr (events_after, ==, events_before);
    }
}

static void
test_void (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 id = open_case_ok (fixture, token, create_person (fixture, token, "Ben", "Carr"), "2026-03-02", 0);
  g_autofree char *path = NULL;
  g_autofree char *state = NULL;
  g_autofree char *timeline = NULL;
  gint64 event;

  add_event_ok (fixture, token, id, "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}");
  event = add_event_ok (fixture, token, id, "{\"type\":\"advice_requested\",\"date\":\"2026-04-07\","
                        "\"key\":\"speech_and_language\"}");
  state = state_of (fixture, token, id);
  g_assert_cmpstr (state, ==, "assessing 2026-05-19 advice 3");

  /* the decision to assess cannot go while advice sought for the assessment stands */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM case_event WHERE case_id = %" G_GINT64_FORMAT
                                            " AND type = 'decided_to_assess'", id);
    g_autofree char *decision = sc_test_psql (fixture->cluster, sql);
    g_autofree char *decision_path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events/%s/void", id,
                                                      decision);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", decision_path,
                                                  "{\"reason\":\"mistaken\"}", NULL);
    g_autofree char *after = NULL;

    g_assert_cmpuint (r->status, ==, 422);
    g_assert_nonnull (strstr (body_of (r), "advice_requested"));
    after = state_of (fixture, token, id);
    g_assert_cmpstr (after, ==, state);
  }

  path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events/%" G_GINT64_FORMAT "/void", id, event);
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", path, "{\"reason\":\"\"}", NULL);

    g_assert_cmpuint (r->status, ==, 422);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", path,
                                                  "{\"reason\":\"recorded on the wrong case\"}", NULL);
    JsonObject *voided;

    g_assert_cmpuint (r->status, ==, 200);
    voided = object_of (r);
    g_assert_cmpstr (json_object_get_string_member (voided, "void_reason"), ==, "recorded on the wrong case");
    g_assert_nonnull (json_object_get_string_member (voided, "voided_at"));
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (voided, "voided_by"),
                                                    "username"), ==, "caseworker");
    g_assert_cmpstr (soup_message_headers_get_one (r->headers, "ETag"), ==, "\"4\"");
  }
  g_free (state);
  state = state_of (fixture, token, id);
  g_assert_cmpstr (state, ==, "assessing 2026-07-20 final_plan 4");
  timeline = timeline_of (fixture, token, id);
  g_assert_null (strstr (timeline, "advice"));
  assert_stored_milestones (fixture, id, timeline);

  /* twice: refused */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", path,
                                                  "{\"reason\":\"again\"}", NULL);

    g_assert_cmpuint (r->status, ==, 422);
  }
  /* the event is kept, voided */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) || '/' || count(voided_at) FROM case_event"
                                            " WHERE case_id = %" G_GINT64_FORMAT, id);
    g_autofree char *counts = sc_test_psql (fixture->cluster, sql);

    g_assert_cmpstr (counts, ==, "3/1");
  }
}

/* One journey at a time: a second case for a child whose case is open is
 * refused naming it; once that case is closed a new request opens a new
 * case, and the closing event of the old one cannot then be voided. */
static void
test_one_open_case (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 person = create_person (fixture, token, "Ola", "Nowak");
  gint64 first = open_case_ok (fixture, token, person, "2026-01-05", 0);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM ehc_case WHERE person_id = %" G_GINT64_FORMAT,
                                                person);
  g_autofree char *before = sc_test_psql (fixture->cluster, count_sql);
  g_autofree char *named = g_strdup_printf ("open case, case %" G_GINT64_FORMAT, first);
  gint64 refusal;
  gint64 second;

  {
    g_autoptr(ScTestResponse) r = open_case (fixture, token, person, "2026-02-02", 0);
    g_autofree char *after = NULL;

    g_assert_cmpuint (r->status, ==, 409);
    g_assert_nonnull (strstr (body_of (r), named));
    g_assert_nonnull (strstr (body_of (r), "person_id"));
    after = sc_test_psql (fixture->cluster, count_sql);
    g_assert_cmpstr (after, ==, before);
  }

  refusal = add_event_ok (fixture, token, first, "{\"type\":\"decided_not_to_assess\",\"date\":\"2026-02-10\"}");
  second = open_case_ok (fixture, token, person, "2026-06-01", 0);
  g_assert_cmpint (second, >, first);

  /* Reopening the first beside the second is refused, and changes nothing. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events/%" G_GINT64_FORMAT "/void",
                                             first, refusal);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", path,
                                                  "{\"reason\":\"recorded on the wrong child\"}", NULL);
    g_autofree char *stage = sc_test_psqlf (fixture->cluster, "SELECT stage FROM ehc_case WHERE id = %"
                                            G_GINT64_FORMAT, first);
    g_autofree char *voided = sc_test_psqlf (fixture->cluster, "SELECT count(*) FROM case_event WHERE id = %"
                                             G_GINT64_FORMAT " AND voided_at IS NOT NULL", refusal);

    g_assert_cmpuint (r->status, ==, 409);
    g_assert_nonnull (strstr (body_of (r), "while its person has another case open"));
    g_assert_cmpstr (stage, ==, "closed");
    g_assert_cmpstr (voided, ==, "0");
  }
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  gint64 id = open_case_ok (fixture, token, create_person (fixture, token, "Cal", "Dunn"), "2026-03-02", 0);
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT, id);
  g_autofree char *worker = user_id (fixture, "caseworker");
  const char *v1[] = { "If-Match", "\"1\"", NULL };
  const char *v2[] = { "If-Match", "\"2\"", NULL };

  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "PATCH", path,
                                                  "{\"notes\":\"parents prefer email\"}", v1);

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (object_of (r), "notes"), ==, "parents prefer email");
    g_assert_cmpstr (soup_message_headers_get_one (r->headers, "ETag"), ==, "\"2\"");
  }
  /* stale */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "PATCH", path,
                                                  "{\"notes\":\"lost\"}", v1);

    g_assert_cmpuint (r->status, ==, 412);
    g_assert_cmpstr (soup_message_headers_get_one (r->headers, "ETag"), ==, "\"2\"");
  }
  /* without If-Match */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "PATCH", path, "{\"notes\":\"x\"}", NULL);

    g_assert_cmpuint (r->status, ==, 428);
  }
  /* only a team manager assigns */
  {
    g_autofree char *body = g_strdup_printf ("{\"assignee_ids\":[%s]}", worker);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "PATCH", path, body, v2);

    g_assert_cmpuint (r->status, ==, 403);
  }
  {
    g_autofree char *officer = user_id (fixture, "manager");
    g_autofree char *body = g_strdup_printf ("{\"assignee_ids\":[%s],\"handover_note\":\"over to you\"}", officer);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "PATCH", path, body, v2);
    JsonArray *assignees;

    g_assert_cmpuint (r->status, ==, 200);
    assignees = json_object_get_array_member (object_of (r), "assignees");
    g_assert_cmpuint (json_array_get_length (assignees), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (assignees, 0), "username"), ==,
                     "manager");
    g_assert_cmpstr (json_object_get_string_member (object_of (r), "handover_note"), ==, "over to you");
    /* assigning is not handing over: the owner is the same */
    g_assert_true (json_object_get_null_member (object_of (r), "handed_over_by"));
  }
  /* an officer cannot be an assignee */
  {
    const char *v3[] = { "If-Match", "\"3\"", NULL };
    g_autofree char *officer = user_id (fixture, "officer");
    g_autofree char *body = g_strdup_printf ("{\"assignee_ids\":[%s]}", officer);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "PATCH", path, body, v3);

    g_assert_cmpuint (r->status, ==, 422);
    g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (json_object_get_array_member (object_of (r), "errors"), 0),
                       "field"), ==, "assignee_ids");
  }
  /* a new owner is a handover by whoever gave it */
  {
    const char *v3[] = { "If-Match", "\"3\"", NULL };
    g_autofree char *manager_id = user_id (fixture, "manager");
    g_autofree char *body = g_strdup_printf ("{\"owner_id\":%s}", manager_id);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "PATCH", path, body, v3);
    JsonObject *by;

    g_assert_cmpuint (r->status, ==, 200);
    by = json_object_get_object_member (object_of (r), "handed_over_by");
    g_assert_nonnull (by);
    g_assert_cmpstr (json_object_get_string_member (by, "username"), ==, "manager");
    g_assert_false (json_object_get_null_member (object_of (r), "handed_over_at"));
  }
}

static void
test_not_owner (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager_id = user_id (fixture, "manager");
  g_autofree char *worker_id = user_id (fixture, "caseworker");
  gint64 person = create_person (fixture, manager, "Dee", "Ellis");
  gint64 id;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *denied = NULL;

  /* a team manager names the owner */
  {
    g_autoptr(ScTestResponse) r = open_case (fixture, manager, person, "2026-03-02", 0);

    g_assert_cmpuint (r->status, ==, 422);
  }
  id = open_case_ok (fixture, manager, person, "2026-03-02", g_ascii_strtoll (manager_id, NULL, 10));
  before = state_of (fixture, token, id);
  {
    g_autoptr(ScTestResponse) r = add_event (fixture, token, id,
                                             "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}");

    g_assert_cmpuint (r->status, ==, 403);
  }
  after = state_of (fixture, token, id);
  g_assert_cmpstr (after, ==, before);
  sql = g_strdup_printf ("SELECT string_agg(username || '|' || action || '|' || resource_id, ',') FROM audit_event"
                         " WHERE outcome = 'denied' AND resource_id = '%" G_GINT64_FORMAT "'", id);
  denied = sc_test_psql (fixture->cluster, sql);
  {
    g_autofree char *row = g_strdup_printf ("caseworker|case.event.create|%" G_GINT64_FORMAT, id);

    g_assert_cmpstr (denied, ==, row);
  }

  /* once assigned, they may */
  {
    const char *v1[] = { "If-Match", "\"1\"", NULL };
    g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT, id);
    g_autofree char *body = g_strdup_printf ("{\"assignee_ids\":[%s]}", worker_id);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "PATCH", path, body, v1);

    g_assert_cmpuint (r->status, ==, 200);
  }
  add_event_ok (fixture, token, id, "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}");

  /* a caseworker opens only their own cases */
  {
    g_autoptr(ScTestResponse) r = open_case (fixture, token, person, "2026-03-02",
                                             g_ascii_strtoll (manager_id, NULL, 10));

    g_assert_cmpuint (r->status, ==, 422);
  }
}

static void
test_restricted (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager_id = user_id (fixture, "manager");
  gint64 person = create_person (fixture, manager, "Eve", "Frost");
  gint64 id = open_case_ok (fixture, manager, person, "2026-03-02", g_ascii_strtoll (manager_id, NULL, 10));
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT, id);
  g_autofree char *timeline = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/timeline", id);
  const char *v1[] = { "If-Match", "\"1\"", NULL };

  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "PATCH", path,
                                                  "{\"restricted\":true}", v1);

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_true (json_object_get_boolean_member (object_of (r), "restricted"));
  }
  {
    g_autoptr(ScTestResponse) a = get_case (fixture, token, id);
    g_autoptr(ScTestResponse) b = get_case (fixture, officer, id);
    g_autoptr(ScTestResponse) c = get_case (fixture, manager, id);
    g_autoptr(ScTestResponse) d = sc_test_authed (fixture->daemon, token, "GET", timeline, NULL, NULL);
    g_autoptr(ScTestResponse) e = add_event (fixture, token, id,
                                             "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}");
    g_autoptr(ScTestResponse) list = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/cases?q=frost",
                                                     NULL, NULL);
    g_autoptr(ScTestResponse) list_manager = sc_test_authed (fixture->daemon, manager, "GET",
                                                             "/api/v1/cases?q=frost", NULL, NULL);

    g_assert_cmpuint (a->status, ==, 404);
    g_assert_cmpuint (b->status, ==, 404);
    g_assert_cmpuint (c->status, ==, 200);
    g_assert_cmpuint (d->status, ==, 404);
    g_assert_cmpuint (e->status, ==, 404);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (list), "items")), ==, 0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (list_manager), "items")), ==,
                      1);
  }
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 a = open_case_ok (fixture, token, create_person (fixture, token, "Gus", "Hale"), "2026-03-02", 0);
  gint64 b = open_case_ok (fixture, token, create_person (fixture, token, "Zoë", "Hart"), "2026-03-03", 0);
  g_autofree char *next = NULL;

  add_event_ok (fixture, token, b, "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}");
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/cases?q=ZOE", NULL, NULL);
    JsonArray *items = json_object_get_array_member (object_of (r), "items");

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (items), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"), ==, b);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET",
                                                  "/api/v1/cases?q=ha&stage=requested&owner=me", NULL, NULL);
    JsonArray *items = json_object_get_array_member (object_of (r), "items");

    g_assert_cmpuint (json_array_get_length (items), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"), ==, a);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/cases?limit=1", NULL,
                                                  NULL);
    JsonObject *page = object_of (r);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "items")), ==, 1);
    next = g_strdup (json_object_get_string_member (page, "next_cursor"));
    g_assert_nonnull (next);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/cases?stage=nonsense",
                                                  NULL, NULL);

    g_assert_cmpuint (r->status, ==, 422);
  }
}

/* --- two writers at once -------------------------------------------------- */

typedef struct
{
  const char *base_url;
  const char *token;
  gint64      case_id;
  const char *advisor;
  guint       n;
  guint       created;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strdup_printf ("%s/api/v1/cases/%" G_GINT64_FORMAT "/events", w->base_url, w->case_id);
  g_autofree char *bearer = g_strconcat ("Bearer ", w->token, NULL);

  for (guint i = 0; i < w->n; i++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
      g_autofree char *body = g_strdup_printf ("{\"type\":\"advice_requested\",\"date\":\"2026-04-%02u\","
                                               "\"key\":\"%s-%u\"}", 7 + i % 20, w->advisor, i);
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      g_autoptr(GBytes) answer = NULL;

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bearer);
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
      answer = soup_session_send_and_read (session, msg, NULL, NULL);
      if (soup_message_get_status (msg) == 201)
        w->created++;
      else
        g_printerr ("# %s %u answered %u: %.*s\n", w->advisor, i, soup_message_get_status (msg),
                    answer != NULL ? (int) g_bytes_get_size (answer) : 0,
                    answer != NULL ? (const char *) g_bytes_get_data (answer, NULL) : "");
    }
  return NULL;
}

#define WRITES 15

static void
check_two_writers (Fixture      *fixture,
                   ScTestDaemon *second)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 id = open_case_ok (fixture, token, create_person (fixture, token, "Ivy", "Jones"), "2026-03-02", 0);
  Writer a = { sc_test_daemon_get_base_url (fixture->daemon), token, id, "advisor-a", WRITES, 0 };
  Writer b = { sc_test_daemon_get_base_url (second), token, id, "advisor-b", WRITES, 0 };
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) || '/' || max(position) || '/' ||"
                                          " count(DISTINCT position) FROM case_event"
                                          " WHERE case_id = %" G_GINT64_FORMAT, id);
  g_autofree char *counts = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *timeline = NULL;
  g_autofree char *state = NULL;
  g_autofree char *version = NULL;
  g_auto(GStrv) parts = NULL;
  GThread *ta, *tb;

  add_event_ok (fixture, token, id, "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}");
  ta = g_thread_new ("writer-a", writer_thread, &a);
  tb = g_thread_new ("writer-b", writer_thread, &b);
  g_thread_join (ta);
  g_thread_join (tb);
  g_assert_cmpuint (a.created, ==, WRITES);
  g_assert_cmpuint (b.created, ==, WRITES);

  counts = sc_test_psql (fixture->cluster, sql);
  expected = g_strdup_printf ("%u/%u/%u", 2 + 2 * WRITES, 2 + 2 * WRITES, 2 + 2 * WRITES);
  g_assert_cmpstr (counts, ==, expected);

  /* the stored milestones are the clock over every event */
  timeline = timeline_of (fixture, token, id);
  assert_stored_milestones (fixture, id, timeline);
  parts = g_strsplit (timeline, ";", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2 + 2 * WRITES);
  state = state_of (fixture, token, id);
  version = g_strdup_printf (" %u", 2 + 2 * WRITES);
  g_assert_true (g_str_has_suffix (state, version));
}

static void
test_two_threads (Fixture       *fixture,
                  gconstpointer  data)
{
  check_two_writers (fixture, fixture->daemon);
}

static void
test_two_daemons (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ScTestDaemon) second = sc_test_daemon_spawn_demo (fixture->cluster, NULL);

  check_two_writers (fixture, second);
}

/* --- an event under an Idempotency-Key ------------------------------------- */

static ScTestResponse *
add_event_keyed (Fixture    *fixture,
                 const char *token,
                 gint64      case_id,
                 const char *event,
                 const char *key)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", case_id);
  const char *headers[] = { "Idempotency-Key", key, NULL };

  return sc_test_authed (fixture->daemon, token, "POST", path, event, headers);
}

static char *
count_events (Fixture *fixture,
              gint64   case_id)
{
  return sc_test_psqlf (fixture->cluster, "SELECT count(*) FROM case_event WHERE case_id = %" G_GINT64_FORMAT, case_id);
}

static char *
count_keys (Fixture    *fixture,
            const char *key)
{
  return sc_test_psqlf (fixture->cluster, "SELECT count(*) FROM idempotency_key WHERE key = '%s'", key);
}

static void
test_idempotent_event (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  gint64 person = create_person (fixture, token, "Ada", "Keyes");
  gint64 id = open_case_ok (fixture, token, person, "2026-03-02", 0);
  const char *assess = "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}";
  g_autoptr(ScTestResponse) first = add_event_keyed (fixture, token, id, assess, "event-1");
  g_autoptr(ScTestResponse) again = add_event_keyed (fixture, token, id, assess, "event-1");
  g_autofree char *events = count_events (fixture, id);
  g_autofree char *sql = g_strdup_printf ("SELECT string_agg(outcome, ',' ORDER BY id) FROM audit_event"
                                          " WHERE action = 'case.event.create' AND resource_id = '%" G_GINT64_FORMAT
                                          "'", id);
  g_autofree char *outcomes = sc_test_psql (fixture->cluster, sql);
  g_autofree char *state = NULL;

  g_assert_cmpuint (first->status, ==, 201);
  g_assert_null (soup_message_headers_get_one (first->headers, "Idempotent-Replayed"));
  g_assert_null (soup_message_headers_get_one (first->headers, "Location"));
  g_assert_cmpstr (soup_message_headers_get_one (first->headers, "ETag"), ==, "\"2\"");
  g_assert_cmpuint (again->status, ==, 201);
  g_assert_cmpstr (soup_message_headers_get_one (again->headers, "Idempotent-Replayed"), ==, "true");
  g_assert_cmpstr (soup_message_headers_get_one (again->headers, "ETag"), ==, "\"2\"");
  g_assert_null (soup_message_headers_get_one (again->headers, "Location"));
  g_assert_true (g_bytes_equal (first->body, again->body));
  g_assert_cmpint (sc_test_response_get_int (again, "id"), ==, sc_test_response_get_int (first, "id"));
  /* one event (with the request), one change of the case, and the replay recorded as such */
  g_assert_cmpstr (events, ==, "2");
  state = state_of (fixture, token, id);
  g_assert_true (g_str_has_suffix (state, " 2"));
  g_assert_cmpstr (outcomes, ==, "success,replayed");

  /* the same key for another event */
  {
    g_autoptr(ScTestResponse) r = add_event_keyed (fixture, token, id, "{\"type\":\"advice_requested\","
                                                   "\"date\":\"2026-04-08\",\"key\":\"health\"}", "event-1");
    g_autofree char *n = count_events (fixture, id);

    g_assert_cmpuint (r->status, ==, 422);
    g_assert_nonnull (strstr (body_of (r), "\"field\":\"Idempotency-Key\""));
    g_assert_cmpstr (n, ==, "2");
  }
  /* the same key on another case is another request too */
  {
    gint64 other = open_case_ok (fixture, token, create_person (fixture, token, "Bo", "Keyes"), "2026-03-03", 0);
    g_autoptr(ScTestResponse) r = add_event_keyed (fixture, token, other, assess, "event-1");
    g_autofree char *n = count_events (fixture, other);

    g_assert_cmpuint (r->status, ==, 422);
    g_assert_cmpstr (n, ==, "1");
  }
  /* a refused event keeps no key: the corrected event may use it */
  {
    g_autoptr(ScTestResponse) refused = add_event_keyed (fixture, token, id, "{\"type\":\"review_meeting\","
                                                         "\"date\":\"2026-04-09\"}", "event-2");
    g_autofree char *keys = count_keys (fixture, "event-2");
    g_autoptr(ScTestResponse) corrected = NULL;
    g_autofree char *n = NULL;

    g_assert_cmpuint (refused->status, ==, 422);
    g_assert_cmpstr (keys, ==, "0");
    corrected = add_event_keyed (fixture, token, id, "{\"type\":\"advice_requested\",\"date\":\"2026-04-08\","
                                 "\"key\":\"health\"}", "event-2");
    g_assert_cmpuint (corrected->status, ==, 201);
    g_assert_null (soup_message_headers_get_one (corrected->headers, "Idempotent-Replayed"));
    n = count_events (fixture, id);
    g_assert_cmpstr (n, ==, "3");
  }
  /* so does a refusal by ownership, and a case not found */
  {
    g_autofree char *manager_id = user_id (fixture, "manager");
    gint64 theirs = open_case_ok (fixture, manager, create_person (fixture, manager, "Cy", "Keyes"), "2026-03-04",
                                  g_ascii_strtoll (manager_id, NULL, 10));
    g_autoptr(ScTestResponse) denied = add_event_keyed (fixture, token, theirs, assess, "event-3");
    g_autoptr(ScTestResponse) missing = add_event_keyed (fixture, token, 999999, assess, "event-4");
    g_autofree char *keys = sc_test_psql (fixture->cluster, "SELECT count(*) FROM idempotency_key"
                                          " WHERE key IN ('event-3', 'event-4')");

    g_assert_cmpuint (denied->status, ==, 403);
    g_assert_cmpuint (missing->status, ==, 404);
    g_assert_cmpstr (keys, ==, "0");
  }
  /* a key of 201 characters is refused before anything is read */
  {
    g_autofree char *long_key = g_strnfill (201, 'k');
    g_autoptr(ScTestResponse) r = add_event_keyed (fixture, token, id, assess, long_key);

    g_assert_cmpuint (r->status, ==, 422);
    g_assert_nonnull (strstr (body_of (r), "\"field\":\"Idempotency-Key\""));
  }
}

typedef struct
{
  const char *base_url;
  const char *token;
  gint64      case_id;
  GMutex     *mutex;
  GCond      *cond;
  gboolean   *go;
  guint       status;
  gboolean    replayed;
  GBytes     *body;
} Twin;

static gpointer
twin_thread (gpointer data)
{
  Twin *t = data;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strdup_printf ("%s/api/v1/cases/%" G_GINT64_FORMAT "/events", t->base_url, t->case_id);
  g_autofree char *bearer = g_strconcat ("Bearer ", t->token, NULL);
  const char *body = "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}";
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) bytes = g_bytes_new_static (body, strlen (body));
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  soup_message_headers_replace (headers, "Authorization", bearer);
  soup_message_headers_replace (headers, "Idempotency-Key", "twin-key");
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  g_mutex_lock (t->mutex);
  while (!*t->go)
    g_cond_wait (t->cond, t->mutex);
  g_mutex_unlock (t->mutex);
  t->body = soup_session_send_and_read (session, msg, NULL, NULL);
  t->status = soup_message_get_status (msg);
  t->replayed = g_strcmp0 (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                         "Idempotent-Replayed"), "true") == 0;
  return NULL;
}

static void
check_twins (Fixture      *fixture,
             ScTestDaemon *second)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 id = open_case_ok (fixture, token, create_person (fixture, token, "Ned", "Twine"), "2026-03-02", 0);
  GMutex mutex;
  GCond cond;
  gboolean go = FALSE;
  Twin a = { sc_test_daemon_get_base_url (fixture->daemon), token, id, &mutex, &cond, &go, 0, FALSE, NULL };
  Twin b = { sc_test_daemon_get_base_url (second), token, id, &mutex, &cond, &go, 0, FALSE, NULL };
  g_autofree char *events = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT string_agg(outcome, ',' ORDER BY outcome) FROM audit_event"
                                          " WHERE action = 'case.event.create' AND resource_id = '%" G_GINT64_FORMAT
                                          "'", id);
  g_autofree char *outcomes = NULL;
  GThread *ta, *tb;

  g_mutex_init (&mutex);
  g_cond_init (&cond);
  ta = g_thread_new ("twin-a", twin_thread, &a);
  tb = g_thread_new ("twin-b", twin_thread, &b);
  g_mutex_lock (&mutex);
  go = TRUE;
  g_cond_broadcast (&cond);
  g_mutex_unlock (&mutex);
  g_thread_join (ta);
  g_thread_join (tb);
  g_mutex_clear (&mutex);
  g_cond_clear (&cond);

  g_assert_cmpuint (a.status, ==, 201);
  g_assert_cmpuint (b.status, ==, 201);
  /* one recorded it, the other replayed its answer */
  g_assert_true (a.replayed != b.replayed);
  g_assert_true (g_bytes_equal (a.body, b.body));
  events = count_events (fixture, id);
  g_assert_cmpstr (events, ==, "2");
  outcomes = sc_test_psql (fixture->cluster, sql);
  g_assert_cmpstr (outcomes, ==, "replayed,success");
  g_bytes_unref (a.body);
  g_bytes_unref (b.body);
}

static void
test_idempotent_twins (Fixture       *fixture,
                       gconstpointer  data)
{
  check_twins (fixture, fixture->daemon);
}

static void
test_idempotent_twin_daemons (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(ScTestDaemon) second = sc_test_daemon_spawn_demo (fixture->cluster, NULL);

  check_twins (fixture, second);
}

/* --- the caseload ----------------------------------------------------------- */

/* The ids of a page, "1,2,3", and its next_cursor (or NULL) */
static char *
ids_of (ScTestResponse  *response,
        char           **next_cursor)
{
  JsonObject *page = object_of (response);
  JsonArray *items = json_object_get_array_member (page, "items");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (items); i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            json_object_get_int_member (json_array_get_object_element (items, i), "id"));
  if (next_cursor != NULL)
    *next_cursor = g_strdup (json_object_get_null_member (page, "next_cursor") ? NULL :
                             json_object_get_string_member (page, "next_cursor"));
  return g_string_free (out, FALSE);
}

static char *
caseload (Fixture     *fixture,
          const char  *token,
          const char  *query,
          char       **next_cursor)
{
  g_autofree char *path = g_strconcat ("/api/v1/caseload", query, NULL);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);

  if (r->status != 200)
    g_error ("%s answered %u: %s", path, r->status, body_of (r));
  return ids_of (r, next_cursor);
}

static void
test_caseload (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager_id = user_id (fixture, "manager");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) recent = g_date_time_add_days (now, -2);
  g_autofree char *recent_day = g_date_time_format (recent, "%Y-%m-%d");
  /* overdue (due 2026-04-13), overdue (due 2026-11-12), due in about six weeks */
  gint64 a = open_case_ok (fixture, token, create_person (fixture, token, "Kit", "Lowe"), "2026-03-02", 0);
  gint64 c = open_case_ok (fixture, token, create_person (fixture, token, "Lee", "Moss"), "2026-10-01", 0);
  gint64 b = open_case_ok (fixture, token, create_person (fixture, token, "Max", "Nash"), recent_day, 0);
  gint64 theirs = open_case_ok (fixture, manager, create_person (fixture, manager, "Ned", "Owen"), "2026-03-02",
                                g_ascii_strtoll (manager_id, NULL, 10));
  g_autofree char *all = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, a, c, b);
  g_autofree char *overdue = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, a, c);
  g_autofree char *due = g_strdup_printf ("%" G_GINT64_FORMAT, b);
  g_autofree char *mine = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *got = NULL;
  GString *paged = g_string_new (NULL);
  g_autofree char *paged_ids = NULL;

  mine = caseload (fixture, token, "", NULL);
  g_assert_cmpstr (mine, ==, all);
  g_free (got);
  got = caseload (fixture, token, "?owner=me&status=overdue", NULL);
  g_assert_cmpstr (got, ==, overdue);
  g_free (got);
  got = caseload (fixture, token, "?status=due", NULL);
  g_assert_cmpstr (got, ==, due);
  g_free (got);
  got = caseload (fixture, token, "?status=all&due_within=0", NULL);
  g_assert_cmpstr (got, ==, overdue);
  g_free (got);
  got = caseload (fixture, token, "?due_within=100", NULL);
  g_assert_cmpstr (got, ==, all);
  {
    g_autofree char *query = g_strdup_printf ("?owner=%s", manager_id);
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, theirs);

    g_free (got);
    got = caseload (fixture, token, query, NULL);
    g_assert_cmpstr (got, ==, expected);
  }

  /* page by page, in the same order */
  do
    {
      g_autofree char *query = cursor != NULL ? g_strdup_printf ("?limit=1&cursor=%s", cursor)
                                              : g_strdup ("?limit=1");
      g_autofree char *page = NULL;

      g_clear_pointer (&cursor, g_free);
      page = caseload (fixture, token, query, &cursor);
      g_string_append_printf (paged, "%s%s", paged->len > 0 ? "," : "", page);
    }
  while (cursor != NULL);
  paged_ids = g_string_free (paged, FALSE);
  g_assert_cmpstr (paged_ids, ==, all);

  /* a decision made: the next deadline moves on, and so does the order */
  add_event_ok (fixture, token, a, "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}");
  g_free (got);
  got = caseload (fixture, token, "", NULL);
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                                                 a, c, b);

    /* a's next deadline is its final plan, 2026-07-20: still the earliest */
    g_assert_cmpstr (got, ==, expected);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/caseload?status=late",
                                                  NULL, NULL);
    g_autoptr(ScTestResponse) r2 = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/caseload?cursor=x",
                                                   NULL, NULL);

    g_assert_cmpuint (r->status, ==, 422);
    g_assert_cmpuint (r2->status, ==, 422);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/cases/pathway", Fixture, NULL, sc_test_server_setup, test_pathway, sc_test_server_teardown);
  g_test_add ("/server/cases/illegal-event", Fixture, NULL, sc_test_server_setup, test_illegal_event,
              sc_test_server_teardown);
  g_test_add ("/server/cases/void", Fixture, NULL, sc_test_server_setup, test_void, sc_test_server_teardown);
  g_test_add ("/server/cases/milestone-slots-migration", Fixture, NULL, sc_test_server_setup,
              test_milestone_slots_migration, sc_test_server_teardown);
  g_test_add ("/server/cases/milestones-kept", Fixture, NULL, sc_test_server_setup, test_milestones_kept,
              sc_test_server_teardown);
  g_test_add ("/server/cases/update", Fixture, NULL, sc_test_server_setup, test_update, sc_test_server_teardown);
  g_test_add ("/server/cases/one-open-case", Fixture, NULL, sc_test_server_setup, test_one_open_case,
              sc_test_server_teardown);
  g_test_add ("/server/cases/not-owner", Fixture, NULL, sc_test_server_setup, test_not_owner,
              sc_test_server_teardown);
  g_test_add ("/server/cases/restricted", Fixture, NULL, sc_test_server_setup, test_restricted,
              sc_test_server_teardown);
  g_test_add ("/server/cases/list", Fixture, NULL, sc_test_server_setup, test_list, sc_test_server_teardown);
  g_test_add ("/server/cases/caseload", Fixture, NULL, sc_test_server_setup, test_caseload,
              sc_test_server_teardown);
  g_test_add ("/server/cases/two-threads", Fixture, NULL, sc_test_server_setup, test_two_threads,
              sc_test_server_teardown);
  g_test_add ("/server/cases/two-daemons", Fixture, NULL, sc_test_server_setup, test_two_daemons,
              sc_test_server_teardown);
  g_test_add ("/server/cases/idempotent-event", Fixture, NULL, sc_test_server_setup, test_idempotent_event,
              sc_test_server_teardown);
  g_test_add ("/server/cases/idempotent-twins", Fixture, NULL, sc_test_server_setup, test_idempotent_twins,
              sc_test_server_teardown);
  g_test_add ("/server/cases/idempotent-twin-daemons", Fixture, NULL, sc_test_server_setup,
              test_idempotent_twin_daemons, sc_test_server_teardown);

  return g_test_run ();
}
