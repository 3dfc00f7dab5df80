/* test-consultations.c
 *
 * Consultations on a real cluster, with the institution directory loaded
 * from tests/data/gias-sample.csv by the real sendcasectl: sending one
 * (a closed or unknown institution refused, nothing written), its 15 days
 * on the clock, the case's list, the team's list by status and as CSV,
 * chasing in bulk (one reminder a day, the answered and withdrawn
 * skipped), the answer and what it said at its version (an outcome
 * before the answer refused; stale writes 412; bad offers 422), the
 * negotiation and agreement, withdrawal cancelling the clock, each
 * institution's figures for team managers, and who may do what.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-consultation.h"
#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef ScTestServer Fixture;

static const char *
body_text (ScTestResponse *response)
{
  return g_bytes_get_data (response->body, NULL);
}

static void
import_directory (Fixture *fixture)
{
  g_autofree char *sendcasectl = sc_test_build_path ("server/sendcasectl");
  g_autofree char *file = g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "tests", "data", "gias-sample.csv", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, sendcasectl, "--database",
                              sc_test_cluster_get_conninfo (fixture->cluster), "institutions", "import", file, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

/* Today + @days, as text */
static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static gint64
record (Fixture    *fixture,
        const char *token,
        gint64      case_id,
        const char *type,
        int         days,
        const char *key)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", case_id);
  g_autofree char *date = day_from_today (days);
  g_autofree char *body = key != NULL ?
                          g_strdup_printf ("{\"type\":\"%s\",\"date\":\"%s\",\"key\":\"%s\"}", type, date, key) :
                          g_strdup_printf ("{\"type\":\"%s\",\"date\":\"%s\"}", type, date);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", path, body, NULL);

  if (r->status != 201)
    g_error ("%s: %u %s", body, r->status, body_text (r));
  return sc_test_response_get_int (r, "id");
}

/* A case owned by @owner whose draft plan went 30 days ago */
static gint64
case_in_draft (Fixture    *fixture,
               const char *token,
               const char *owner,
               const char *family)
{
  g_autofree char *owner_id = sc_test_psqlf (fixture->cluster, "SELECT id FROM app_user WHERE username = '%s'", owner);
  g_autofree char *person = g_strdup_printf ("{\"given_name\":\"Noor\",\"family_name\":\"%s\","
                                             "\"date_of_birth\":\"2016-02-11\"}", family);
  g_autoptr(ScTestResponse) p = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/people", person, NULL);
  g_autofree char *received = day_from_today (-120);
  g_autofree char *body = NULL;
  g_autoptr(ScTestResponse) c = NULL;
  gint64 id;

  g_assert_cmpuint (p->status, ==, 201);
  body = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":\"%s\","
                          "\"request_source\":\"parent\",\"owner_id\":%s}",
                          sc_test_response_get_int (p, "id"), received, owner_id);
  c = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/cases", body, NULL);
  if (c->status != 201)
    g_error ("%s: %s", body, body_text (c));
  id = sc_test_response_get_int (c, "id");
  record (fixture, token, id, "decided_to_assess", -78, NULL);
  record (fixture, token, id, "draft_plan_issued", -30, NULL);
  return id;
}

static ScTestResponse *
send_consultation (Fixture    *fixture,
                   const char *token,
                   gint64      case_id,
                   const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/consultations", case_id);

  return sc_test_authed (fixture->daemon, token, "POST", path, body, NULL);
}

/* The items of a list answer, by the model's own codec */
static GPtrArray *
consultations_of (ScTestResponse *response)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_consultation_free);
  JsonArray *items;

  if (response->status != 200)
    g_error ("%u: %s", response->status, body_text (response));
  items = json_object_get_array_member (json_node_get_object (response->json), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(GError) error = NULL;
      ScConsultation *consultation = sc_consultation_new_from_json (json_array_get_element (items, i), &error);

      g_assert_no_error (error);
      g_ptr_array_add (out, consultation);
    }
  return out;
}

static GPtrArray *
list (Fixture    *fixture,
      const char *token,
      gint64      case_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/consultations", case_id);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);

  return consultations_of (r);
}

static const ScConsultation *
find (GPtrArray *consultations,
      gint64     urn)
{
  for (guint i = 0; i < consultations->len; i++)
    {
      const ScConsultation *consultation = g_ptr_array_index (consultations, i);

      if (consultation->urn == urn)
        return consultation;
    }
  g_error ("no consultation with %" G_GINT64_FORMAT, urn);
  return NULL;
}

static gboolean
warns (const ScConsultation *consultation,
       const char           *code)
{
  g_autoptr(GPtrArray) warnings = sc_consultation_dup_warnings (consultation);

  for (guint i = 0; i < warnings->len; i++)
    if (g_str_equal (((ScWarning *) g_ptr_array_index (warnings, i))->code, code))
      return TRUE;
  return FALSE;
}

static ScTestResponse *
put (Fixture    *fixture,
     const char *token,
     gint64      case_id,
     gint64      id,
     gint64      if_match,
     const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/consultations/%" G_GINT64_FORMAT,
                                           case_id, id);
  g_autofree char *quoted = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", if_match);
  const char *first[] = { "If-None-Match", "*", NULL };
  const char *next[] = { "If-Match", quoted, NULL };

  return sc_test_authed (fixture->daemon, token, "PUT", path, body, if_match > 0 ? next : first);
}

static ScTestResponse *
chase (Fixture    *fixture,
       const char *token,
       const char *ids,
       int         days)
{
  g_autofree char *date = day_from_today (days);
  g_autofree char *body = g_strdup_printf ("{\"consultations\":[%s],\"sent_on\":\"%s\"}", ids, date);

  return sc_test_authed (fixture->daemon, token, "POST", "/api/v1/consultations/reminders", body, NULL);
}

/* "id:reason,..." of a chase's skipped, and "id,..." of its chased */
static char *
chase_text (ScTestResponse *response)
{
  JsonObject *object;
  JsonArray *chased, *skipped;
  GString *out = g_string_new ("chased");

  if (response->status != 200)
    g_error ("%u: %s", response->status, body_text (response));
  object = json_node_get_object (response->json);
  chased = json_object_get_array_member (object, "chased");
  skipped = json_object_get_array_member (object, "skipped");
  for (guint i = 0; i < json_array_get_length (chased); i++)
    g_string_append_printf (out, " %" G_GINT64_FORMAT, json_array_get_int_element (chased, i));
  g_string_append (out, "; skipped");
  for (guint i = 0; i < json_array_get_length (skipped); i++)
    {
      JsonObject *one = json_array_get_object_element (skipped, i);

      g_string_append_printf (out, " %" G_GINT64_FORMAT ":%s", json_object_get_int_member (one, "id"),
                              json_object_get_string_member (one, "reason"));
    }
  return g_string_free (out, FALSE);
}

/* The one value of @sql on the fixture's database, interned (the test's
 * own strings stay owned) */
static const char *
value_of (Fixture    *fixture,
          const char *sql)
{
  g_autofree char *value = sc_test_psql (fixture->cluster, sql);

  return g_intern_string (value);
}

static const char *
first_field (ScTestResponse *response)
{
  JsonArray *errors = json_object_get_array_member (json_node_get_object (response->json), "errors");

  return json_object_get_string_member (json_array_get_object_element (errors, 0), "field");
}

static void
test_life (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  g_autofree char *sent_a = day_from_today (-20);
  g_autofree char *sent_b = day_from_today (-3);
  g_autofree char *today = day_from_today (0);
  g_autoptr(GPtrArray) seen = NULL;
  gint64 id, a, b, other;

  import_directory (fixture);
  id = case_in_draft (fixture, worker, "caseworker", "Consulted");

  /* the authority's bands, kept by team managers */
  {
    const char *first[] = { "If-None-Match", "*", NULL };
    const char *v1[] = { "If-Match", "\"1\"", NULL };
    g_autoptr(ScTestResponse) band_b = sc_test_authed (fixture->daemon, manager, "PUT", "/api/v1/funding-bands/B",
                                                  "{\"description\":\"Part-time support\",\"annual_amount\":1200000,"
                                                  "\"valid_from\":\"2026-04-01\",\"valid_to\":null}", first);
    g_autoptr(ScTestResponse) c = sc_test_authed (fixture->daemon, manager, "PUT", "/api/v1/funding-bands/C",
                                                  "{\"description\":\"Full-time support\",\"annual_amount\":1400000,"
                                                  "\"valid_from\":\"2026-04-01\",\"valid_to\":null}", first);
    g_autoptr(ScTestResponse) again = sc_test_authed (fixture->daemon, manager, "PUT", "/api/v1/funding-bands/C",
                                                      "{\"description\":\"Twice\",\"annual_amount\":1,"
                                                      "\"valid_from\":\"2026-04-01\",\"valid_to\":null}", first);
    g_autoptr(ScTestResponse) raised = sc_test_authed (fixture->daemon, manager, "PUT", "/api/v1/funding-bands/C",
                                                       "{\"description\":\"Full-time support\","
                                                       "\"annual_amount\":1450000,\"valid_from\":\"2026-04-01\","
                                                       "\"valid_to\":null}", v1);
    g_autoptr(ScTestResponse) backwards = sc_test_authed (fixture->daemon, manager, "PUT", "/api/v1/funding-bands/D",
                                                          "{\"description\":\"D\",\"annual_amount\":5,"
                                                          "\"valid_from\":\"2026-04-01\",\"valid_to\":\"2026-01-01\"}",
                                                          first);
    g_autoptr(ScTestResponse) refused = sc_test_authed (fixture->daemon, worker, "PUT", "/api/v1/funding-bands/E",
                                                        "{\"description\":\"E\",\"annual_amount\":5,"
                                                        "\"valid_from\":\"2026-04-01\",\"valid_to\":null}", first);
    g_autoptr(ScTestResponse) table = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/funding-bands", NULL,
                                                      NULL);
    JsonArray *items;

    g_assert_cmpuint (band_b->status, ==, 200);
    g_assert_cmpuint (c->status, ==, 200);
    g_assert_cmpuint (again->status, ==, 412);
    g_assert_cmpuint (raised->status, ==, 200);
    g_assert_cmpint (sc_test_response_get_int (raised, "annual_amount"), ==, 1450000);
    g_assert_cmpint (sc_test_response_get_int (raised, "version"), ==, 2);
    g_assert_cmpuint (backwards->status, ==, 422);
    g_assert_cmpuint (refused->status, ==, 403);
    g_assert_cmpuint (table->status, ==, 200);
    items = json_object_get_array_member (json_node_get_object (table->json), "items");
    g_assert_cmpuint (json_array_get_length (items), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "description"), ==,
                     "Full-time support");
  }

  /* refusals: a closed school, one not in the directory, a bad URN, no date */
  {
    static const struct { const char *body; const char *field; const char *words; } bad[] = {
      { "{\"urn\":100005,\"sent_on\":\"DAY\"}", "urn", "is Closed" },
      { "{\"urn\":999998,\"sent_on\":\"DAY\"}", "urn", "is not in the institution directory" },
      { "{\"urn\":\"EY123\",\"sent_on\":\"DAY\"}", "urn", "whole number" },
      { "{\"urn\":100000,\"sent_on\":\"DAY\",\"preference_rank\":0}", "preference_rank", "from 1" },
      { "{\"urn\":100000}", "sent_on", "" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_auto(GStrv) parts = g_strsplit (bad[i].body, "DAY", -1);
        g_autofree char *body = g_strjoinv (sent_a, parts);
        g_autoptr(ScTestResponse) r = send_consultation (fixture, worker, id, body);

        g_test_message ("%s -> %s", body, body_text (r));
        g_assert_cmpuint (r->status, ==, 422);
        g_assert_nonnull (strstr (body_text (r), bad[i].field));
        g_assert_nonnull (strstr (body_text (r), bad[i].words));
      }
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM case_event WHERE case_id = %" G_GINT64_FORMAT
                                            " AND type = 'consultation_sent'", id);

    g_assert_cmpstr (value_of (fixture, sql), ==, "0");
  }

  /* the family's first preference, and a college second */
  {
    g_autofree char *body_a = g_strdup_printf ("{\"urn\":100000,\"sent_on\":\"%s\",\"preference_rank\":1,"
                                               "\"plan_version\":1,\"note\":\"with the draft\"}", sent_a);
    g_autofree char *body_b = g_strdup_printf ("{\"urn\":130400,\"sent_on\":\"%s\",\"preference_rank\":2}", sent_b);
    g_autoptr(ScTestResponse) ra = send_consultation (fixture, worker, id, body_a);
    g_autoptr(ScTestResponse) rb = send_consultation (fixture, worker, id, body_b);

    g_assert_cmpuint (ra->status, ==, 201);
    g_assert_cmpuint (rb->status, ==, 201);
    g_assert_cmpstr (sc_test_response_get_string (ra, "type"), ==, "consultation_sent");
    g_assert_cmpstr (sc_test_response_get_string (ra, "key"), ==, "100000");
    a = sc_test_response_get_int (ra, "id");
    b = sc_test_response_get_int (rb, "id");
  }

  /* section I names a placement the case consulted, or says why it need not */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/plan/sections/i", id);
    const char *first[] = { "If-None-Match", "*", NULL };
    static const struct { const char *urn, *extra; guint status; const char *words; } named[] = {
      { "100005", "", 422, "Hill Primary School is Closed" },
      { "999997", "", 422, "is not in the institution directory" },
      { "100003", "", 422, "has not been consulted on this plan" },
      { "100003", ",\"consultation_exemption\":\"the family's own choice, at their expense\"", 200, "" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (named); i++)
      {
        g_autofree char *body = g_strdup_printf ("{\"content\":{\"name\":\"A school\",\"urn\":\"%s\"%s}}",
                                                 named[i].urn, named[i].extra);
        g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "PUT", path, body, first);

        g_test_message ("%s -> %s", body, body_text (r));
        g_assert_cmpuint (r->status, ==, named[i].status);
        g_assert_nonnull (strstr (body_text (r), named[i].words));
        if (r->status == 422)
          g_assert_cmpstr (first_field (r), ==, "content.urn");
      }
    {
      const char *next[] = { "If-Match", "\"1\"", NULL };
      g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "PUT", path,
                                                    "{\"content\":{\"name\":\"The Aldgate School\","
                                                    "\"urn\":\"100000\"}}", next);

      g_assert_cmpuint (r->status, ==, 200);
    }
    {
      const char *next[] = { "If-Match", "\"2\"", NULL };
      g_autoptr(ScTestResponse) bad = sc_test_authed (fixture->daemon, worker, "PUT", path,
                                                      "{\"content\":{\"name\":\"The Aldgate School\","
                                                      "\"urn\":\"100000\",\"funding_band\":\"Z\"}}", next);
      g_autoptr(ScTestResponse) good = sc_test_authed (fixture->daemon, worker, "PUT", path,
                                                       "{\"content\":{\"name\":\"The Aldgate School\","
                                                       "\"urn\":\"100000\",\"funding_band\":\"C\"}}", next);

      g_assert_cmpuint (bad->status, ==, 422);
      g_assert_cmpstr (first_field (bad), ==, "content.funding_band");
      g_assert_cmpuint (good->status, ==, 200);
    }
  }

  seen = list (fixture, worker, id);
  g_assert_cmpuint (seen->len, ==, 2);
  {
    const ScConsultation *ca = find (seen, 100000);
    const ScConsultation *cb = find (seen, 130400);
    g_autofree char *due_a = day_from_today (-5);
    char text[SC_DAY_STRING_SIZE];

    g_assert_cmpint (ca->id, ==, a);
    g_assert_cmpstr (ca->institution_name, ==, "The Aldgate School");
    g_assert_cmpint (ca->preference_rank, ==, 1);
    g_assert_cmpint (ca->plan_version, ==, 1);
    /* 15 days from the day it went */
    g_assert_cmpstr (sc_day_format (ca->due, text), ==, due_a);
    g_assert_cmpstr (ca->status, ==, "overdue");
    g_assert_true (warns (ca, "overdue_unchased"));
    g_assert_cmpstr (cb->status, ==, "awaiting");
    g_assert_cmpstr (cb->institution_name, ==, "Greenwich Riverside College");
    g_assert_cmpint (cb->version, ==, 0);
  }

  /* the team's overdue ones, and the same as CSV */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET",
                                                  "/api/v1/consultations?status=overdue&owner=me", NULL, NULL);
    g_autoptr(GPtrArray) overdue = consultations_of (r);
    g_autoptr(ScTestResponse) csv = sc_test_authed (fixture->daemon, manager, "GET",
                                                    "/api/v1/consultations?status=overdue&format=csv", NULL, NULL);
    g_autoptr(ScTestResponse) bad = sc_test_authed (fixture->daemon, worker, "GET",
                                                    "/api/v1/consultations?status=late", NULL, NULL);
    g_autofree char *row = g_strdup_printf ("\r\n%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",Noor Consulted,",
                                            a, id);
    g_auto(GStrv) lines = NULL;

    g_assert_cmpuint (overdue->len, ==, 1);
    g_assert_cmpint (((ScConsultation *) g_ptr_array_index (overdue, 0))->id, ==, a);
    g_assert_cmpuint (csv->status, ==, 200);
    g_assert_true (g_str_has_prefix (body_text (csv), "consultation,case,child,owner,urn,institution,"));
    g_assert_nonnull (strstr (body_text (csv), row));
    g_assert_nonnull (strstr (body_text (csv), ",100000,The Aldgate School,1,"));
    g_assert_null (strstr (body_text (csv), "Greenwich"));
    lines = g_strsplit (body_text (csv), "\r\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);   /* header, the row, and "" after the last CRLF */
    g_assert_cmpuint (bad->status, ==, 422);
    /* open: the awaiting and the overdue, for chasing */
    {
      g_autoptr(ScTestResponse) open = sc_test_authed (fixture->daemon, worker, "GET",
                                                       "/api/v1/consultations?status=open&owner=me", NULL, NULL);
      g_autoptr(GPtrArray) both = consultations_of (open);

      g_assert_cmpuint (both->len, ==, 2);
      g_assert_cmpint (((ScConsultation *) g_ptr_array_index (both, 0))->id, ==, a);
      g_assert_cmpint (((ScConsultation *) g_ptr_array_index (both, 1))->id, ==, b);
    }
  }

  /* an outcome is recorded once the answer is */
  {
    g_autoptr(ScTestResponse) r = put (fixture, worker, id, a, 0,
                                       "{\"outcome\":\"cannot_meet_needs\",\"reasons\":null,\"band_asked\":null,"
                                       "\"amount_asked\":null,\"offers\":[],\"band_agreed\":null,"
                                       "\"amount_agreed\":null,\"agreed_on\":null,\"notes\":null}");

    g_assert_cmpuint (r->status, ==, 422);
    g_assert_cmpstr (first_field (r), ==, "outcome");
  }

  /* chased: the overdue one, and one that does not exist */
  {
    g_autoptr(ScTestResponse) first = chase (fixture, worker, "999999999", 0);
    g_autofree char *ids = g_strdup_printf ("%" G_GINT64_FORMAT ",999999999", a);
    g_autoptr(ScTestResponse) r = chase (fixture, worker, ids, 0);
    g_autoptr(ScTestResponse) again = chase (fixture, worker, ids, 0);
    g_autoptr(ScTestResponse) future = chase (fixture, worker, ids, 2);
    g_autofree char *expected = g_strdup_printf ("chased %" G_GINT64_FORMAT "; skipped 999999999:not_found", a);
    g_autofree char *got = chase_text (r);
    g_autoptr(GPtrArray) now = NULL;

    g_autofree char *first_text = chase_text (first);

    g_assert_cmpstr (first_text, ==, "chased; skipped 999999999:not_found");
    g_assert_cmpstr (got, ==, expected);
    g_assert_cmpuint (again->status, ==, 200);
    g_assert_cmpuint (future->status, ==, 422);
    now = list (fixture, worker, id);
    g_assert_cmpuint (find (now, 100000)->reminders->len, ==, 1);
    g_assert_false (warns (find (now, 100000), "overdue_unchased"));
  }

  /* the school answers, refusing, then takes the child at the band it asked */
  record (fixture, worker, id, "consultation_response", -1, "100000");
  {
    static const char refusal[] =
      "{\"outcome\":\"cannot_meet_needs\",\"reasons\":null,\"band_asked\":\"C\",\"amount_asked\":1450000,"
      "\"offers\":[],\"band_agreed\":null,\"amount_agreed\":null,\"agreed_on\":null,\"notes\":null}";
    g_autoptr(ScTestResponse) r = put (fixture, worker, id, a, 0, refusal);
    g_autoptr(ScTestResponse) twice = put (fixture, worker, id, a, 0, refusal);
    g_autofree char *agreed = g_strdup_printf (
      "{\"outcome\":\"cannot_meet_needs\",\"reasons\":\"No space in Year 4 without a teaching assistant\","
      "\"band_asked\":\"C\",\"amount_asked\":1450000,"
      "\"offers\":[{\"made_on\":\"%s\",\"made_by\":\"authority\",\"band\":\"B\",\"amount\":1200000,\"note\":null},"
      "{\"made_on\":\"%s\",\"made_by\":\"institution\",\"band\":\"C\",\"amount\":1400000,\"note\":\"final\"}],"
      "\"band_agreed\":\"C\",\"amount_agreed\":1400000,\"agreed_on\":\"%s\",\"notes\":null}", sent_b, today, today);
    g_autoptr(ScTestResponse) stale = NULL;
    g_autoptr(ScTestResponse) done = NULL;
    g_autoptr(GPtrArray) now = NULL;
    const ScConsultation *ca;

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (sc_test_response_get_string (r, "status"), ==, "answered");
    g_assert_nonnull (strstr (body_text (r), "refusal_without_reasons"));
    g_assert_cmpuint (twice->status, ==, 412);
    stale = put (fixture, worker, id, a, 7, agreed);
    g_assert_cmpuint (stale->status, ==, 412);
    done = put (fixture, worker, id, a, 1, agreed);
    g_assert_cmpuint (done->status, ==, 200);
    now = list (fixture, worker, id);
    ca = find (now, 100000);
    g_assert_cmpint (ca->version, ==, 2);
    g_assert_cmpuint (ca->offers->len, ==, 2);
    g_assert_cmpstr (((ScConsultationOffer *) g_ptr_array_index (ca->offers, 1))->made_by, ==, "institution");
    g_assert_cmpint (ca->amount_agreed, ==, 1400000);
    g_assert_false (warns (ca, "refusal_without_reasons"));
  }

  /* bad records change nothing */
  {
    static const struct { const char *body; const char *field; } bad[] = {
      { "{\"outcome\":\"maybe\",\"reasons\":null,\"band_asked\":null,\"amount_asked\":null,\"offers\":[],"
        "\"band_agreed\":null,\"amount_agreed\":null,\"agreed_on\":null,\"notes\":null}", "outcome" },
      { "{\"outcome\":null,\"reasons\":null,\"band_asked\":null,\"amount_asked\":-5,\"offers\":[],"
        "\"band_agreed\":null,\"amount_agreed\":null,\"agreed_on\":null,\"notes\":null}", "amount_asked" },
      { "{\"outcome\":null,\"reasons\":null,\"band_asked\":null,\"amount_asked\":null,"
        "\"offers\":[{\"made_on\":\"2026-01-01\",\"made_by\":\"parent\",\"band\":\"A\"}],"
        "\"band_agreed\":null,\"amount_agreed\":null,\"agreed_on\":null,\"notes\":null}", "offers[0].made_by" },
      { "{\"outcome\":null,\"reasons\":null,\"band_asked\":null,\"amount_asked\":null,\"offers\":[],"
        "\"band_agreed\":\"C\",\"amount_agreed\":null,\"agreed_on\":null,\"notes\":null}", "agreed_on" },
      { "{\"outcome\":null}", "reasons" },
      { "{\"outcome\":null,\"reasons\":null,\"band_asked\":\"Z\",\"amount_asked\":null,\"offers\":[],"
        "\"band_agreed\":null,\"amount_agreed\":null,\"agreed_on\":null,\"notes\":null}", "no band \\\"Z\\\"" },
      { "{\"outcome\":null,\"reasons\":null,\"band_asked\":null,\"amount_asked\":null,"
        "\"offers\":[{\"made_on\":\"2026-01-01\",\"made_by\":\"authority\",\"band\":\"Q\"}],"
        "\"band_agreed\":null,\"amount_agreed\":null,\"agreed_on\":null,\"notes\":null}", "offers[0].band" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(ScTestResponse) r = put (fixture, worker, id, a, 2, bad[i].body);

        g_assert_cmpuint (r->status, ==, 422);
        g_assert_nonnull (strstr (body_text (r), bad[i].field));
      }
    g_autofree char *sql = g_strdup_printf ("SELECT version FROM case_consultation WHERE start_event_id = %"
                                            G_GINT64_FORMAT, a);

    g_assert_cmpstr (value_of (fixture, sql), ==, "2");
  }

  /* the college is no longer asked: its clock is cancelled, a chase skips it */
  record (fixture, worker, id, "consultation_withdrawn", 0, "130400");
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", id);
    g_autofree char *body = g_strdup_printf ("{\"type\":\"consultation_withdrawn\",\"date\":\"%s\","
                                             "\"key\":\"130400\"}", today);
    g_autoptr(ScTestResponse) twice = sc_test_authed (fixture->daemon, worker, "POST", path, body, NULL);
    g_autofree char *ids = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, a, b);
    g_autoptr(ScTestResponse) r = chase (fixture, worker, ids, 0);
    g_autofree char *expected = g_strdup_printf ("chased; skipped %" G_GINT64_FORMAT ":answered %" G_GINT64_FORMAT
                                                 ":withdrawn", a, b);
    g_autofree char *got = chase_text (r);
    g_autoptr(GPtrArray) now = list (fixture, worker, id);
    char text[SC_DAY_STRING_SIZE];

    g_assert_cmpuint (twice->status, ==, 422);
    g_assert_nonnull (strstr (body_text (twice), "to withdraw"));
    g_assert_cmpstr (got, ==, expected);
    g_assert_cmpstr (find (now, 130400)->status, ==, "withdrawn");
    g_assert_cmpstr (sc_day_format (find (now, 130400)->withdrawn_on, text), ==, today);
    g_autofree char *sql = g_strdup_printf ("SELECT status FROM case_milestone WHERE start_event_id = %"
                                            G_GINT64_FORMAT, b);

    g_assert_cmpstr (value_of (fixture, sql), ==, "cancelled");
  }

  /* another caseworker's case: read by the team manager, not chased by this one */
  other = case_in_draft (fixture, manager, "manager", "Elsewhere");
  {
    g_autofree char *body = g_strdup_printf ("{\"urn\":100000,\"sent_on\":\"%s\"}", sent_b);
    g_autoptr(ScTestResponse) r = send_consultation (fixture, manager, other, body);
    g_autoptr(ScTestResponse) refused = send_consultation (fixture, worker, other, body);
    g_autofree char *ids = NULL;
    g_autoptr(ScTestResponse) c = NULL;
    g_autofree char *expected = NULL;
    g_autofree char *got = NULL;
    g_autofree char *denied = NULL;

    g_assert_cmpuint (r->status, ==, 201);
    g_assert_cmpuint (refused->status, ==, 403);
    ids = g_strdup_printf ("%" G_GINT64_FORMAT, sc_test_response_get_int (r, "id"));
    c = chase (fixture, worker, ids, 0);
    expected = g_strdup_printf ("chased; skipped %s:forbidden", ids);
    got = chase_text (c);
    g_assert_cmpstr (got, ==, expected);
    denied = sc_test_psqlf (fixture->cluster, "SELECT count(*) FROM audit_event WHERE action = 'consultation.chase'"
                            " AND outcome = 'denied' AND resource_ids = ARRAY['%" G_GINT64_FORMAT "']", other);
    g_assert_cmpstr (denied, ==, "1");
  }

  /* each institution's figures, for team managers */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "GET",
                                                  "/api/v1/consultations/institutions", NULL, NULL);
    g_autoptr(ScTestResponse) refused = sc_test_authed (fixture->daemon, worker, "GET",
                                                        "/api/v1/consultations/institutions", NULL, NULL);
    JsonArray *items;
    g_autoptr(ScConsultationStats) school = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpuint (refused->status, ==, 403);
    items = json_object_get_array_member (json_node_get_object (r->json), "items");
    g_assert_cmpuint (json_array_get_length (items), ==, 2);
    school = sc_consultation_stats_new_from_json (json_array_get_element (items, 0), &error);
    g_assert_no_error (error);
    g_assert_cmpint (school->urn, ==, 100000);
    g_assert_cmpstr (school->name, ==, "The Aldgate School");
    g_assert_cmpint (school->consultations, ==, 2);
    g_assert_cmpint (school->answered, ==, 1);
    g_assert_cmpint (school->refusals, ==, 1);
    g_assert_cmpint (school->reversed, ==, 1);
    g_assert_cmpint (school->agreed, ==, 1);
    g_assert_cmpint (school->asked_total, ==, 1450000);
    g_assert_cmpint (school->agreed_total, ==, 1400000);
  }

  /* the admin officer reads them, and may not record */
  {
    g_autoptr(GPtrArray) read = list (fixture, officer, id);
    g_autoptr(ScTestResponse) r = put (fixture, officer, id, a, 2, "{}");
    g_autoptr(ScTestResponse) anonymous = sc_test_authed (fixture->daemon, NULL, "GET", "/api/v1/consultations",
                                                          NULL, NULL);

    g_assert_cmpuint (read->len, ==, 2);
    g_assert_cmpuint (r->status, ==, 403);
    g_assert_cmpuint (anonymous->status, ==, 401);
  }

  /* every read and write of a case's consultations is audited with it */
  {
    g_autofree char *reads = sc_test_psqlf (fixture->cluster, "SELECT count(*) > 0 FROM audit_event"
                                            " WHERE action = 'consultation.list' AND resource_id = '%" G_GINT64_FORMAT
                                            "'", id);
    g_autofree char *writes = sc_test_psqlf (fixture->cluster, "SELECT count(*) FROM audit_event"
                                             " WHERE action = 'consultation.update' AND outcome = 'success'"
                                             " AND resource_id = '%" G_GINT64_FORMAT "'", id);

    g_assert_cmpstr (reads, ==, "t");
    g_assert_cmpstr (writes, ==, "2");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/consultations/life", Fixture, NULL, sc_test_server_setup, test_life,
              sc_test_server_teardown);
  return g_test_run ();
}
