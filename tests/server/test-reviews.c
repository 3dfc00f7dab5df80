/* test-reviews.c
 *
 * The annual reviews of a plan, through the API on a real cluster: a
 * review's dates come from the case's events and follow them (a voided
 * meeting is no longer the review's), what is recorded beyond them is
 * changed at the version it was read at, bad input changes nothing, and
 * the team's list holds the reviews due within eight weeks and those
 * overdue. And the rest of the plan's life beside its reviews, its
 * proceedings: an amendment, a reassessment, a ceasing and a transfer
 * in, each with its clock and what is recorded with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-phase-transfer.h"
#include "sc-proceeding.h"
#include "sc-review.h"
#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef ScTestServer Fixture;

static const char *
body_text (ScTestResponse *response)
{
  return g_bytes_get_data (response->body, NULL);
}

/* A case owned by @owner (who signed in with @token) whose final plan was
 * issued on @final_on */
static gint64
case_with_plan (Fixture    *fixture,
                const char *token,
                const char *owner,
                const char *family,
                const char *final_on)
{
  g_autofree char *owner_id = sc_test_psqlf (fixture->cluster, "SELECT id FROM app_user WHERE username = '%s'", owner);
  g_autofree char *person = g_strdup_printf ("{\"given_name\":\"Rae\",\"family_name\":\"%s\","
                                             "\"date_of_birth\":\"2015-09-14\"}", family);
  g_autoptr(ScTestResponse) p = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/people", person, NULL);
  g_autofree char *body = NULL;
  g_autofree char *events = NULL;
  g_autofree char *final = NULL;
  g_autoptr(ScTestResponse) c = NULL;
  g_autoptr(GDate) day = g_date_new ();
  char received[16];

  g_assert_cmpuint (p->status, ==, 201);
  /* the request twenty weeks before the final plan */
  g_date_set_parse (day, final_on);
  g_assert_true (g_date_valid (day));
  g_date_subtract_days (day, 140);
  g_date_strftime (received, sizeof received, "%Y-%m-%d", day);
  body = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":\"%s\","
                          "\"request_source\":\"parent\",\"owner_id\":%s}",
                          sc_test_response_get_int (p, "id"), received, owner_id);
  c = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/cases", body, NULL);
  if (c->status != 201)
    g_error ("%s: %s", body, body_text (c));
  events = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", sc_test_response_get_int (c, "id"));
  /* decided at six weeks, a draft at sixteen, the final plan at twenty */
  {
    static const struct { const char *type; int days; } steps[] = {
      { "decided_to_assess", 42 }, { "draft_plan_issued", 112 }, { "final_plan_issued", 140 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        g_autoptr(GDate) on = g_date_copy (day);
        g_autoptr(ScTestResponse) e = NULL;
        char date[16];

        g_date_add_days (on, steps[i].days);
        g_date_strftime (date, sizeof date, "%Y-%m-%d", on);
        g_free (final);
        final = g_strdup_printf ("{\"type\":\"%s\",\"date\":\"%s\"}", steps[i].type, date);
        e = sc_test_authed (fixture->daemon, token, "POST", events, final, NULL);
        g_assert_cmpuint (e->status, ==, 201);
      }
  }
  return sc_test_response_get_int (c, "id");
}

static gint64
record (Fixture    *fixture,
        const char *token,
        gint64      case_id,
        const char *event)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", case_id);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", path, event, NULL);

  if (r->status != 201)
    g_error ("%s: %u %s", event, r->status, body_text (r));
  return sc_test_response_get_int (r, "id");
}

/* The items of a list answer, decoded by the model's own codec */
static GPtrArray *
reviews_of (ScTestResponse *response)
{
  GPtrArray *reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_review_free);
  JsonArray *items;

  g_assert_cmpuint (response->status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (response->json), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(GError) error = NULL;
      ScReview *review = sc_review_new_from_json (json_array_get_element (items, i), &error);

      g_assert_no_error (error);
      g_ptr_array_add (reviews, review);
    }
  return reviews;
}

static GPtrArray *
list (Fixture    *fixture,
      const char *token,
      gint64      case_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/reviews", case_id);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);

  return reviews_of (r);
}

/* Lists the case's reviews again into *@reviews; returns review @i */
static ScReview *
reload (GPtrArray  **reviews,
        Fixture     *fixture,
        const char  *token,
        gint64       case_id,
        guint        i)
{
  g_clear_pointer (reviews, g_ptr_array_unref);
  *reviews = list (fixture, token, case_id);
  g_assert_cmpuint ((*reviews)->len, >, i);
  return g_ptr_array_index (*reviews, i);
}

/* PUT .../reviews/{id} or .../proceedings/{id} (@what) */
static ScTestResponse *
put (Fixture    *fixture,
     const char *token,
     const char *what,
     gint64      case_id,
     gint64      record_id,
     gint64      if_match,
     const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/%s/%" G_GINT64_FORMAT, case_id, what,
                                           record_id);
  g_autofree char *quoted = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", if_match);
  const char *first[] = { "If-None-Match", "*", NULL };
  const char *next[] = { "If-Match", quoted, NULL };

  return sc_test_authed (fixture->daemon, token, "PUT", path, body, if_match > 0 ? next : first);
}

static gboolean
has_warning (const ScReview *review,
             const char     *code)
{
  g_autoptr(GPtrArray) warnings = sc_review_dup_warnings (review);

  for (guint i = 0; i < warnings->len; i++)
    if (g_str_equal (((ScReviewWarning *) g_ptr_array_index (warnings, i))->code, code))
      return TRUE;
  return FALSE;
}

static char *
day_text (ScDay day)
{
  char text[SC_DAY_STRING_SIZE];

  return day == SC_DAY_NONE ? NULL : g_strdup (sc_day_format (day, text));
}

#define assert_day(day, expected) \
  G_STMT_START { g_autofree char *text_ = day_text (day); g_assert_cmpstr (text_, ==, expected); } G_STMT_END

static const char invited[] =
  "{\"invitations_sent\":\"2026-05-10\",\"meeting_planned\":\"2026-05-20\","
  "\"attendees\":[\"Rae's mother\",\"  SENCo, Hill Primary  \"],\"reasons\":null}";

static void
test_life (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 id = case_with_plan (fixture, worker, "caseworker", "Review", "2025-06-02");
  g_autoptr(GPtrArray) reviews = list (fixture, worker, id);
  ScReview *review;
  gint64 meeting;
  gint64 held[3];

  /* the final plan starts the first review, due in twelve months */
  g_assert_cmpuint (reviews->len, ==, 1);
  review = g_ptr_array_index (reviews, 0);
  g_assert_cmpint (review->number, ==, 1);
  g_assert_cmpint (review->case_id, ==, id);
  assert_day (review->started_on, "2025-06-02");
  assert_day (review->due, "2026-06-02");
  g_assert_cmpstr (review->given_name, ==, "Rae");
  g_assert_cmpint (review->version, ==, 0);
  g_assert_null (review->attendees[0]);
  assert_day (review->meeting_on, NULL);

  /* invitations and attendees: ten days' notice is a warning, not a refusal */
  {
    g_autoptr(ScTestResponse) r = put (fixture, worker, "reviews", id, review->id, 0, invited);

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_one (r->headers, "ETag"), ==, "\"1\"");
    g_assert_cmpint (sc_test_response_get_int (r, "version"), ==, 1);
    review = reload (&reviews, fixture, worker, id, 0);
    assert_day (review->invitations_sent, "2026-05-10");
    g_assert_cmpstr (review->attendees[1], ==, "SENCo, Hill Primary");
    g_assert_true (has_warning (review, "invitations_late"));
    g_assert_nonnull (strstr (body_text (r), "\"invitations_late\""));
  }

  /* a second writer from the first version: 412 with the version now */
  {
    g_autoptr(ScTestResponse) first = put (fixture, worker, "reviews", id, review->id, 0, invited);
    g_autoptr(ScTestResponse) stale = NULL;

    g_assert_cmpuint (first->status, ==, 412);
    g_assert_cmpstr (soup_message_headers_get_one (first->headers, "ETag"), ==, "\"1\"");
    stale = put (fixture, worker, "reviews", id, review->id, 7, invited);
    g_assert_cmpuint (stale->status, ==, 412);
    g_assert_cmpstr (sc_test_response_get_string (stale, "code"), ==, "precondition-failed");
  }

  /* bad input names the member and changes nothing */
  {
    static const struct { const char *body; const char *field; } bad[] = {
      { "{\"invitations_sent\":\"2026-05-21\",\"meeting_planned\":\"2026-05-20\",\"attendees\":[],"
        "\"reasons\":null}", "invitations_sent" },
      { "{\"invitations_sent\":\"10 May\",\"meeting_planned\":null,\"attendees\":[],\"reasons\":null}",
        "invitations_sent" },
      { "{\"invitations_sent\":null,\"meeting_planned\":null,\"attendees\":\"Rae's mother\",\"reasons\":null}",
        "attendees" },
      { "{\"invitations_sent\":null,\"meeting_planned\":null,\"attendees\":[\"  \"],\"reasons\":null}",
        "attendees[0]" },
      { "{\"invitations_sent\":null,\"meeting_planned\":null,\"attendees\":[]}", "reasons" },
      { "{\"invitations_sent\":null,\"meeting_planned\":null,\"attendees\":[],\"reasons\":null,\"outcome\":"
        "\"cease\"}", "outcome" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(ScTestResponse) r = put (fixture, worker, "reviews", id, review->id, 1, bad[i].body);
        g_autofree char *expected = g_strdup_printf ("\"%s\"", bad[i].field);

        g_assert_cmpuint (r->status, ==, 422);
        g_assert_nonnull (strstr (body_text (r), expected));
      }
    review = reload (&reviews, fixture, worker, id, 0);
    g_assert_cmpint (review->version, ==, 1);
  }

  /* the meeting, the report and the decision are events: the review follows them */
  meeting = record (fixture, worker, id, "{\"type\":\"review_meeting\",\"date\":\"2026-05-20\"}");
  held[0] = meeting;
  held[1] = record (fixture, worker, id, "{\"type\":\"review_report_received\",\"date\":\"2026-05-28\"}");
  held[2] = record (fixture, worker, id,
                    "{\"type\":\"review_decision\",\"date\":\"2026-06-10\",\"outcome\":\"amend\"}");
  review = reload (&reviews, fixture, worker, id, 0);
  g_assert_cmpuint (reviews->len, ==, 2);
  assert_day (review->meeting_on, "2026-05-20");
  assert_day (review->report_due, "2026-06-03");
  assert_day (review->report_received_on, "2026-05-28");
  assert_day (review->decision_due, "2026-06-17");
  assert_day (review->decided_on, "2026-06-10");
  g_assert_cmpstr (review->outcome, ==, "amend");
  g_assert_true (has_warning (review, "reasons_unrecorded"));
  /* the next review follows the decision */
  assert_day (((ScReview *) g_ptr_array_index (reviews, 1))->started_on, "2026-06-10");
  assert_day (((ScReview *) g_ptr_array_index (reviews, 1))->due, "2027-06-10");
  g_assert_cmpint (((ScReview *) g_ptr_array_index (reviews, 1))->number, ==, 2);

  /* the reasons, at the version read */
  {
    g_autoptr(ScTestResponse) r = put (fixture, worker, "reviews", id, review->id, 1,
                                       "{\"invitations_sent\":\"2026-05-10\",\"meeting_planned\":\"2026-05-20\","
                                       "\"attendees\":[\"Rae's mother\"],\"reasons\":\"Speech and language "
                                       "provision to be increased\"}");

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpint (sc_test_response_get_int (r, "version"), ==, 2);
    g_assert_cmpstr (sc_test_response_get_string (r, "outcome"), ==, "amend");
    review = reload (&reviews, fixture, worker, id, 0);
    g_assert_false (has_warning (review, "reasons_unrecorded"));
    g_assert_cmpstr (review->reasons, ==, "Speech and language provision to be increased");
    g_assert_cmpstr (review->attendees[0], ==, "Rae's mother");
    g_assert_null (review->attendees[1]);
  }

  /* voided, the decision, report and meeting are no longer the review's: no second review, and the
   * first is not held */
  for (guint i = G_N_ELEMENTS (held); i-- > 0;)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events/%" G_GINT64_FORMAT
                                               "/void", id, held[i]);
      g_autoptr(ScTestResponse) v = sc_test_authed (fixture->daemon, worker, "POST", path,
                                                    "{\"reason\":\"recorded on the wrong case\"}", NULL);

      g_assert_cmpuint (v->status, ==, 200);
    }
  review = reload (&reviews, fixture, worker, id, 0);
  g_assert_cmpuint (reviews->len, ==, 1);
  assert_day (review->meeting_on, NULL);
  assert_day (review->decided_on, NULL);
  g_assert_null (review->outcome);
  /* what was recorded stays with it */
  g_assert_cmpstr (review->reasons, ==, "Speech and language provision to be increased");

  /* the meeting and decision recorded again on the same days: the live ones are the review's, with the
   * deadlines they started, not the voided ones */
  record (fixture, worker, id, "{\"type\":\"review_meeting\",\"date\":\"2026-05-20\"}");
  record (fixture, worker, id, "{\"type\":\"review_decision\",\"date\":\"2026-06-10\",\"outcome\":\"maintain\"}");
  review = reload (&reviews, fixture, worker, id, 0);
  assert_day (review->meeting_on, "2026-05-20");
  assert_day (review->report_due, "2026-06-03");
  assert_day (review->decision_due, "2026-06-17");
  assert_day (review->decided_on, "2026-06-10");
  g_assert_cmpstr (review->outcome, ==, "maintain");

  /* invitations recorded as going after the meeting held: a warning, saying so */
  {
    g_autoptr(ScTestResponse) r = put (fixture, worker, "reviews", id, review->id, 2,
                                       "{\"invitations_sent\":\"2026-05-25\",\"meeting_planned\":null,"
                                       "\"attendees\":[\"Rae's mother\"],\"reasons\":\"Kept as it is\"}");

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_nonnull (strstr (body_text (r), "went out 5 days after the meeting"));
  }

  /* no such review, and no such case */
  {
    g_autoptr(ScTestResponse) r = put (fixture, worker, "reviews", id, meeting, 0, invited);
    g_autoptr(ScTestResponse) none = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/cases/999999/reviews",
                                                     NULL, NULL);

    g_assert_cmpuint (r->status, ==, 404);
    g_assert_cmpuint (none->status, ==, 404);
  }
}

static char *
months_ago (int months,
            int plus_days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, plus_days);
  g_autoptr(GDateTime) back = g_date_time_add_months (then, -months);

  return g_date_time_format (back, "%Y-%m-%d");
}

static gboolean
lists_case (GPtrArray *reviews,
            gint64     case_id)
{
  for (guint i = 0; i < reviews->len; i++)
    if (((ScReview *) g_ptr_array_index (reviews, i))->case_id == case_id)
      return TRUE;
  return FALSE;
}

static void
test_due (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autofree char *soon_on = months_ago (12, 20);
  g_autofree char *late_on = months_ago (13, 0);
  g_autofree char *later_on = months_ago (12, 70);
  g_autofree char *held_on = months_ago (13, 0);
  gint64 soon = case_with_plan (fixture, worker, "caseworker", "Soon", soon_on);
  gint64 late = case_with_plan (fixture, worker, "caseworker", "Late", late_on);
  gint64 later = case_with_plan (fixture, worker, "caseworker", "Later", later_on);
  gint64 held = case_with_plan (fixture, worker, "caseworker", "Held", held_on);
  g_autofree char *meeting = months_ago (1, 0);
  g_autofree char *meeting_event = g_strdup_printf ("{\"type\":\"review_meeting\",\"date\":\"%s\"}", meeting);

  /* a review held (its meeting recorded) is no longer due, however late */
  record (fixture, worker, held, meeting_event);

  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/reviews?owner=me", NULL,
                                                  NULL);
    g_autoptr(GPtrArray) due = reviews_of (r);

    g_assert_true (lists_case (due, soon));
    g_assert_true (lists_case (due, late));
    g_assert_false (lists_case (due, later));
    g_assert_false (lists_case (due, held));
    /* soonest first: the overdue one before the one due in twenty days */
    for (guint i = 1; i < due->len; i++)
      g_assert_cmpint (((ScReview *) g_ptr_array_index (due, i - 1))->due, <=,
                       ((ScReview *) g_ptr_array_index (due, i))->due);
    g_assert_cmpstr (((ScReview *) g_ptr_array_index (due, 0))->status, ==, "overdue");
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/reviews?status=overdue",
                                                  NULL, NULL);
    g_autoptr(GPtrArray) due = reviews_of (r);

    g_assert_true (lists_case (due, late));
    g_assert_false (lists_case (due, soon));
  }
  /* pages follow one another without a gap */
  {
    g_autoptr(ScTestResponse) first = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/reviews?limit=1",
                                                      NULL, NULL);
    const char *cursor = NULL;
    g_autofree char *next_path = NULL;
    g_autoptr(ScTestResponse) second = NULL;
    g_autoptr(GPtrArray) one = reviews_of (first);
    g_autoptr(GPtrArray) two = NULL;

    g_assert_cmpuint (one->len, ==, 1);
    cursor = json_object_get_string_member (json_node_get_object (first->json), "next_cursor");
    g_assert_nonnull (cursor);
    next_path = g_strdup_printf ("/api/v1/reviews?limit=1&cursor=%s", cursor);
    second = sc_test_authed (fixture->daemon, manager, "GET", next_path, NULL, NULL);
    two = reviews_of (second);
    g_assert_cmpuint (two->len, ==, 1);
    g_assert_cmpint (((ScReview *) g_ptr_array_index (one, 0))->due, <=,
                     ((ScReview *) g_ptr_array_index (two, 0))->due);
  }
  /* a wrong query is a 422 naming it */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/reviews?status=late",
                                                  NULL, NULL);
    g_autoptr(ScTestResponse) c = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/reviews?cursor=x",
                                                  NULL, NULL);

    g_assert_cmpuint (r->status, ==, 422);
    g_assert_cmpuint (c->status, ==, 422);
  }
}

static void
test_access (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  gint64 id = case_with_plan (fixture, manager, "manager", "Other", "2025-06-02");
  g_autoptr(GPtrArray) reviews = list (fixture, worker, id);
  g_autofree char *denied = NULL;

  /* a caseworker reads any unrestricted case's reviews but records only on their own */
  {
    g_autoptr(ScTestResponse) r = put (fixture, worker, "reviews", id, ((ScReview *) g_ptr_array_index (reviews, 0))->id, 0,
                                       invited);

    g_assert_cmpuint (r->status, ==, 403);
    denied = sc_test_psqlf (fixture->cluster, "SELECT count(*) FROM audit_event WHERE action = 'review.update'"
                            " AND outcome = 'denied' AND resource_id = '%" G_GINT64_FORMAT "'", id);
    g_assert_cmpstr (denied, ==, "1");
  }
  /* the admin officer reads them; the role may not record them */
  {
    g_autoptr(GPtrArray) seen = list (fixture, officer, id);
    g_autoptr(ScTestResponse) r = put (fixture, officer, "reviews", id, ((ScReview *) g_ptr_array_index (seen, 0))->id, 0,
                                       invited);

    g_assert_cmpuint (r->status, ==, 403);
  }
  /* the manager's own review, recorded */
  {
    g_autoptr(ScTestResponse) r = put (fixture, manager, "reviews", id, ((ScReview *) g_ptr_array_index (reviews, 0))->id, 0,
                                       invited);
    g_autofree char *rows = sc_test_psqlf (fixture->cluster, "SELECT count(*) FROM audit_event"
                                           " WHERE action = 'review.update' AND outcome = 'success'"
                                           " AND resource_id = '%" G_GINT64_FORMAT "'", id);

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (rows, ==, "1");
  }
  /* the daemon's role cannot delete what a review records */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *out = sc_test_cluster_psql (fixture->cluster, "SET ROLE sendcase_app; DELETE FROM case_review",
                                                 &error);
    g_autofree char *left = NULL;

    g_assert_null (out);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "permission denied for table case_review"));
    left = sc_test_psql (fixture->cluster, "SELECT count(*) FROM case_review");
    g_assert_cmpstr (left, ==, "1");
  }
}

/* A case of Asha's with a final plan for a child born on @born */
static gint64
plan_for_child_born (Fixture    *fixture,
                     const char *token,
                     const char *family,
                     const char *born)
{
  g_autofree char *id = NULL;
  gint64 case_id = case_with_plan (fixture, token, "caseworker", family, "2025-06-02");

  id = sc_test_psqlf (fixture->cluster, "SELECT person_id FROM ehc_case WHERE id = %" G_GINT64_FORMAT, case_id);
  g_free (sc_test_psqlf (fixture->cluster, "UPDATE person SET date_of_birth = '%s' WHERE id = %s", born, id));
  return case_id;
}

static const ScPhaseTransfer *
transfer_of (GPtrArray *transfers,
             gint64     case_id)
{
  for (guint i = 0; i < transfers->len; i++)
    if (((ScPhaseTransfer *) g_ptr_array_index (transfers, i))->case_id == case_id)
      return g_ptr_array_index (transfers, i);
  return NULL;
}

static GPtrArray *
phase_transfers (Fixture    *fixture,
                 const char *token,
                 const char *query)
{
  g_autofree char *path = g_strconcat ("/api/v1/phase-transfers", query, NULL);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);
  GPtrArray *transfers = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_phase_transfer_free);
  JsonArray *items;

  g_assert_cmpuint (r->status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (r->json), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(GError) error = NULL;
      ScPhaseTransfer *transfer = sc_phase_transfer_new_from_json (json_array_get_element (items, i), &error);

      g_assert_no_error (error);
      g_ptr_array_add (transfers, transfer);
    }
  return transfers;
}

static void
test_phase_transfers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  /* moving in September 2028: to secondary (11 on 31 August 2028), to post-16 (16), starting school (4) */
  gint64 secondary = plan_for_child_born (fixture, worker, "Eleven", "2017-02-10");
  gint64 post16 = plan_for_child_born (fixture, worker, "Sixteen", "2012-08-31");
  gint64 entry = plan_for_child_born (fixture, worker, "Four", "2023-09-01");
  /* not moving: 11 only on 1 September 2028, and a child of eight */
  gint64 late_born = plan_for_child_born (fixture, worker, "Twelve", "2017-09-01");
  gint64 eight = plan_for_child_born (fixture, worker, "Eight", "2020-01-05");
  g_autoptr(GPtrArray) listed = phase_transfers (fixture, worker, "?year=2028&owner=me");
  const ScPhaseTransfer *t;
  char text[SC_DAY_STRING_SIZE];

  t = transfer_of (listed, secondary);
  g_assert_nonnull (t);
  g_assert_cmpstr (t->move, ==, "secondary");
  g_assert_cmpstr (t->route, ==, "school");
  g_assert_cmpstr (sc_day_format (t->due, text), ==, "2028-02-15");
  g_assert_cmpint (t->transfer_year, ==, 2028);
  g_assert_false (t->recorded);
  g_assert_null (t->status);
  t = transfer_of (listed, post16);
  g_assert_nonnull (t);
  g_assert_cmpstr (t->move, ==, "post16");
  g_assert_cmpstr (t->route, ==, "post16");
  g_assert_cmpstr (sc_day_format (t->due, text), ==, "2028-03-31");
  g_assert_cmpstr (transfer_of (listed, entry)->move, ==, "school_entry");
  g_assert_null (transfer_of (listed, late_born));
  g_assert_null (transfer_of (listed, eight));
  /* the 15 February ones before the 31 March one */
  for (guint i = 1; i < listed->len; i++)
    g_assert_cmpint (((ScPhaseTransfer *) g_ptr_array_index (listed, i - 1))->due, <=,
                     ((ScPhaseTransfer *) g_ptr_array_index (listed, i))->due);

  /* the eight-year-old moves from infant to junior school: recorded, so listed, with its milestone */
  record (fixture, worker, eight,
          "{\"type\":\"phase_transfer_due\",\"date\":\"2026-09-07\",\"transfer_year\":2028,\"route\":\"school\"}");
  record (fixture, worker, secondary,
          "{\"type\":\"phase_transfer_due\",\"date\":\"2026-09-07\",\"transfer_year\":2028,\"route\":\"school\"}");
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = phase_transfers (fixture, worker, "?year=2028");
  t = transfer_of (listed, eight);
  g_assert_nonnull (t);
  g_assert_cmpstr (t->move, ==, "other");
  g_assert_true (t->recorded);
  g_assert_cmpstr (sc_day_format (t->due, text), ==, "2028-02-15");
  g_assert_nonnull (t->status);
  g_assert_true (transfer_of (listed, secondary)->recorded);
  /* another year lists others */
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = phase_transfers (fixture, worker, "?year=2029");
  g_assert_null (transfer_of (listed, secondary));
  g_assert_nonnull (transfer_of (listed, late_born));
  /* a wrong year is a 422 naming it */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/phase-transfers?year=28",
                                                  NULL, NULL);

    g_assert_cmpuint (r->status, ==, 422);
    g_assert_nonnull (strstr (body_text (r), "\"year\""));
  }
}

static GPtrArray *
proceedings_of (Fixture    *fixture,
                const char *token,
                gint64      case_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/proceedings", case_id);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);
  GPtrArray *proceedings = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_proceeding_free);
  JsonArray *items;

  g_assert_cmpuint (r->status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (r->json), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(GError) error = NULL;
      ScProceeding *proceeding = sc_proceeding_new_from_json (json_array_get_element (items, i), &error);

      g_assert_no_error (error);
      /* the status and warnings the daemon wrote are the model's own */
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, i), "status"), ==,
                       sc_proceeding_get_status (proceeding));
      g_ptr_array_add (proceedings, proceeding);
    }
  return proceedings;
}

/* The only proceeding of the case, listed again into *@list */
static ScProceeding *
only_proceeding (GPtrArray  **list,
                 Fixture     *fixture,
                 const char  *token,
                 gint64       case_id)
{
  g_clear_pointer (list, g_ptr_array_unref);
  *list = proceedings_of (fixture, token, case_id);
  g_assert_cmpuint ((*list)->len, ==, 1);
  return g_ptr_array_index (*list, 0);
}

static gboolean
proceeding_warns (const ScProceeding *proceeding,
                  const char         *code)
{
  g_autoptr(GPtrArray) warnings = sc_proceeding_dup_warnings (proceeding);

  for (guint i = 0; i < warnings->len; i++)
    if (g_str_equal (((ScWarning *) g_ptr_array_index (warnings, i))->code, code))
      return TRUE;
  return FALSE;
}

static void
assert_step (const ScProceeding *proceeding,
             const char         *milestone,
             const char         *due,
             const char         *status)
{
  const ScProceedingStep *step = sc_proceeding_find_step (proceeding, milestone);

  g_assert_nonnull (step);
  assert_day (step->due, due);
  g_assert_cmpstr (step->status, ==, status);
}

static void
test_proceedings (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  gint64 amended = case_with_plan (fixture, worker, "caseworker", "Amend", "2025-06-02");
  gint64 ceased = case_with_plan (fixture, worker, "caseworker", "Cease", "2025-06-02");
  gint64 reassessed = case_with_plan (fixture, worker, "caseworker", "Reassess", "2025-06-02");
  g_autoptr(GPtrArray) list = proceedings_of (fixture, worker, amended);
  g_autofree char *rows = NULL;
  ScProceeding *p;
  gint64 notice;

  /* a plan in force has none until an event starts one */
  g_assert_cmpuint (list->len, ==, 0);

  /* an amendment: 15 days for comments, the amended plan in 8 weeks */
  notice = record (fixture, worker, amended, "{\"type\":\"amendment_notice_issued\",\"date\":\"2026-01-05\"}");
  p = only_proceeding (&list, fixture, worker, amended);
  g_assert_cmpint (p->id, ==, notice);
  g_assert_cmpstr (p->kind, ==, "amendment");
  assert_day (p->started_on, "2026-01-05");
  assert_step (p, "amendment_comments", "2026-01-19", "closed");
  assert_step (p, "amended_plan", "2026-03-02", "overdue");
  g_assert_cmpstr (sc_proceeding_get_status (p), ==, "open");
  g_assert_cmpint (p->version, ==, 0);
  g_assert_true (proceeding_warns (p, "comments_unrecorded"));
  {
    g_autoptr(ScTestResponse) r = put (fixture, worker, "proceedings", amended, notice, 0,
                                       "{\"noted_on\":\"2026-01-15\",\"party\":\"Rae's mother\",\"ground\":null,"
                                       "\"notes\":\"Asks for speech and language therapy weekly, not termly.\"}");

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_one (r->headers, "ETag"), ==, "\"1\"");
  }
  /* bad input and a stale version change nothing */
  {
    static const struct { const char *body; const char *field; guint status; } bad[] = {
      { "{\"noted_on\":\"2026-01-15\",\"party\":null,\"ground\":\"age_25\",\"notes\":null}", "ground", 422 },
      { "{\"noted_on\":\"15/01/2026\",\"party\":null,\"ground\":null,\"notes\":null}", "noted_on", 422 },
      { "{\"noted_on\":null,\"party\":null,\"notes\":null}", "ground", 422 },
      { "{\"noted_on\":null,\"party\":null,\"ground\":null,\"notes\":null,\"by\":1}", "by", 422 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(ScTestResponse) r = put (fixture, worker, "proceedings", amended, notice, 1, bad[i].body);
        g_autofree char *field = g_strdup_printf ("\"%s\"", bad[i].field);

        g_assert_cmpuint (r->status, ==, bad[i].status);
        g_assert_nonnull (strstr (body_text (r), field));
      }
    {
      g_autoptr(ScTestResponse) r = put (fixture, worker, "proceedings", amended, notice, 4,
                                         "{\"noted_on\":null,\"party\":null,\"ground\":null,\"notes\":null}");

      g_assert_cmpuint (r->status, ==, 412);
      g_assert_cmpstr (soup_message_headers_get_one (r->headers, "ETag"), ==, "\"1\"");
    }
  }
  p = only_proceeding (&list, fixture, worker, amended);
  g_assert_cmpint (p->version, ==, 1);
  assert_day (p->noted_on, "2026-01-15");
  g_assert_cmpstr (p->party, ==, "Rae's mother");
  g_assert_null (p->ground);
  g_assert_false (proceeding_warns (p, "comments_unrecorded"));
  /* the amended plan closes it */
  record (fixture, worker, amended, "{\"type\":\"amended_plan_issued\",\"date\":\"2026-02-20\"}");
  p = only_proceeding (&list, fixture, worker, amended);
  assert_step (p, "amended_plan", "2026-03-02", "met");
  g_assert_cmpstr (sc_proceeding_get_status (p), ==, "closed");
  /* the plan then moves to another authority: that ends no amendment */
  record (fixture, worker, amended, "{\"type\":\"transfer_out\",\"date\":\"2026-05-04\"}");
  p = only_proceeding (&list, fixture, worker, amended);
  assert_day (p->ended_on, NULL);
  g_assert_null (p->ended_by);

  /* a ceasing: the time to appeal, then the plan ceased; an amendment under way before it is cancelled,
   * not ended */
  record (fixture, worker, ceased, "{\"type\":\"amendment_notice_issued\",\"date\":\"2026-01-12\"}");
  notice = record (fixture, worker, ceased, "{\"type\":\"cease_decided\",\"date\":\"2026-02-02\"}");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = proceedings_of (fixture, worker, ceased);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((ScProceeding *) g_ptr_array_index (list, 0))->kind, ==, "amendment");
  p = g_ptr_array_index (list, 1);
  g_assert_cmpstr (p->kind, ==, "ceasing");
  assert_step (p, "appeal_window", "2026-04-02", "closed");
  g_assert_true (proceeding_warns (p, "ground_unrecorded"));
  g_assert_true (proceeding_warns (p, "notice_unrecorded"));
  {
    g_autoptr(ScTestResponse) bad = put (fixture, worker, "proceedings", ceased, notice, 0,
                                         "{\"noted_on\":null,\"party\":null,\"ground\":\"bored\",\"notes\":null}");
    g_autoptr(ScTestResponse) r = put (fixture, worker, "proceedings", ceased, notice, 0,
                                       "{\"noted_on\":\"2026-02-03\",\"party\":\"Rae's mother; Hill Primary; the ICB\","
                                       "\"ground\":\"no_longer_necessary\",\"notes\":\"Targets met; support from the "
                                       "school's own resources.\"}");

    g_assert_cmpuint (bad->status, ==, 422);
    g_assert_nonnull (strstr (body_text (bad), "\"ground\""));
    g_assert_cmpuint (r->status, ==, 200);
  }
  record (fixture, worker, ceased, "{\"type\":\"plan_ceased\",\"date\":\"2026-03-01\"}");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = proceedings_of (fixture, worker, ceased);
  g_assert_cmpuint (list->len, ==, 2);
  p = g_ptr_array_index (list, 0);
  assert_day (p->ended_on, NULL);
  assert_step (p, "amended_plan", "2026-03-09", "cancelled");
  g_assert_cmpstr (sc_proceeding_get_status (p), ==, "closed");
  p = g_ptr_array_index (list, 1);
  g_assert_cmpstr (p->ground, ==, "no_longer_necessary");
  assert_day (p->ended_on, "2026-03-01");
  g_assert_cmpstr (p->ended_by, ==, "plan_ceased");
  g_assert_cmpstr (sc_proceeding_get_status (p), ==, "closed");
  g_assert_false (proceeding_warns (p, "ground_unrecorded"));
  g_assert_true (proceeding_warns (p, "ceased_in_appeal_window"));
  /* the notice went the day after the decision recorded: the time to appeal runs from the notice */
  g_assert_true (proceeding_warns (p, "notice_after_decision"));

  /* a reassessment refused: the decision, then the time to appeal */
  notice = record (fixture, worker, reassessed, "{\"type\":\"reassessment_requested\",\"date\":\"2026-04-01\"}");
  p = only_proceeding (&list, fixture, worker, reassessed);
  g_assert_cmpstr (p->kind, ==, "reassessment");
  g_assert_null (p->decision);
  record (fixture, worker, reassessed, "{\"type\":\"decided_not_to_reassess\",\"date\":\"2026-04-10\"}");
  p = only_proceeding (&list, fixture, worker, reassessed);
  g_assert_cmpstr (p->decision, ==, "not_reassess");
  assert_day (p->decided_on, "2026-04-10");
  g_assert_nonnull (sc_proceeding_find_step (p, "reassessment_decision"));
  assert_step (p, "appeal_window", "2026-06-10", "closed");
  g_assert_cmpstr (sc_proceeding_get_status (p), ==, "closed");
  g_assert_true (proceeding_warns (p, "reasons_unrecorded"));

  /* a plan transferred in: the notice in 6 weeks, the review from the last one */
  {
    g_autofree char *owner_id = sc_test_psqlf (fixture->cluster, "SELECT id FROM app_user WHERE username = 'caseworker'");
    g_autoptr(ScTestResponse) person = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/people",
                                                       "{\"given_name\":\"Ola\",\"family_name\":\"Moved\","
                                                       "\"date_of_birth\":\"2016-02-01\"}", NULL);
    g_autofree char *body = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":\"2026-01-05\","
                                             "\"request_source\":\"parent\",\"owner_id\":%s}",
                                             sc_test_response_get_int (person, "id"), owner_id);
    g_autoptr(ScTestResponse) c = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/cases", body, NULL);
    gint64 moved = sc_test_response_get_int (c, "id");

    g_assert_cmpuint (c->status, ==, 201);
    record (fixture, worker, moved, "{\"type\":\"decided_not_to_assess\",\"date\":\"2026-01-20\"}");
    notice = record (fixture, worker, moved,
                     "{\"type\":\"transfer_in\",\"date\":\"2026-03-02\",\"last_review\":\"2025-11-10\"}");
    p = only_proceeding (&list, fixture, worker, moved);
    g_assert_cmpstr (p->kind, ==, "transfer_in");
    assert_day (p->last_review, "2025-11-10");
    assert_step (p, "transfer_notice", "2026-04-13", "overdue");
    assert_step (p, "annual_review", "2026-11-10", "overdue");
    g_assert_true (proceeding_warns (p, "authority_unrecorded"));
    /* a ground is a ceasing's only */
    {
      g_autoptr(ScTestResponse) r = put (fixture, worker, "proceedings", moved, notice, 0,
                                         "{\"noted_on\":\"2026-03-02\",\"party\":\"Northshire\","
                                         "\"ground\":\"moved_away\",\"notes\":null}");

      g_assert_cmpuint (r->status, ==, 422);
      g_assert_nonnull (strstr (body_text (r), "only for a ceasing"));
    }
    p = only_proceeding (&list, fixture, worker, moved);
    g_assert_cmpint (p->version, ==, 0);
    /* an admin officer reads proceedings but does not record them */
    {
      g_autoptr(GPtrArray) seen = proceedings_of (fixture, officer, moved);
      g_autoptr(ScTestResponse) r = put (fixture, officer, "proceedings", moved, notice, 0,
                                         "{\"noted_on\":null,\"party\":\"Northshire\",\"ground\":null,\"notes\":null}");

      g_assert_cmpuint (seen->len, ==, 1);
      g_assert_cmpuint (r->status, ==, 403);
    }
    /* an event that starts no proceeding is not one */
    {
      g_autofree char *first = sc_test_psqlf (fixture->cluster, "SELECT id FROM case_event WHERE case_id = %"
                                              G_GINT64_FORMAT " AND type = 'request_received'", moved);
      g_autoptr(ScTestResponse) r = put (fixture, worker, "proceedings", moved, g_ascii_strtoll (first, NULL, 10), 0,
                                         "{\"noted_on\":null,\"party\":null,\"ground\":null,\"notes\":null}");

      g_assert_cmpuint (r->status, ==, 404);
    }
  }
  /* nothing refused was written */
  rows = sc_test_psqlf (fixture->cluster, "SELECT count(*) FROM case_proceeding");
  g_assert_cmpstr (rows, ==, "2");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/reviews/life", Fixture, NULL, sc_test_server_setup, test_life, sc_test_server_teardown);
  g_test_add ("/server/reviews/due", Fixture, NULL, sc_test_server_setup, test_due, sc_test_server_teardown);
  g_test_add ("/server/reviews/access", Fixture, NULL, sc_test_server_setup, test_access, sc_test_server_teardown);
  g_test_add ("/server/reviews/phase-transfers", Fixture, NULL, sc_test_server_setup, test_phase_transfers,
              sc_test_server_teardown);
  g_test_add ("/server/proceedings/life", Fixture, NULL, sc_test_server_setup, test_proceedings,
              sc_test_server_teardown);
  return g_test_run ();
}
