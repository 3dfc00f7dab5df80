/* test-plan.c
 *
 * The draft plan through the API, against a real daemon and cluster:
 * every section listed, a section written (If-None-Match: * the first
 * time, If-Match after), its content normalised and refused with the
 * member named, two writers of one section (the second gets 412 and
 * nothing of its change is kept) and of two sections (both kept), the
 * quality warnings of the draft, who may read and write it (a caseworker
 * not on the case: 403, recorded as denied; a restricted case: 404), and
 * an audit row for every read and write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef ScTestServer Fixture;

static const char *
body_of (ScTestResponse *response)
{
  return g_bytes_get_data (response->body, NULL);
}

/* A case of a new person, owned by @owner */
static gint64
new_case (Fixture    *fixture,
          const char *token,
          const char *family,
          const char *owner)
{
  g_autofree char *owner_id = sc_test_psqlf (fixture->cluster, "SELECT id FROM app_user WHERE username = '%s'", owner);
  g_autofree char *person = g_strdup_printf ("{\"given_name\":\"Ada\",\"family_name\":\"%s\","
                                             "\"date_of_birth\":\"2016-04-01\"}", family);
  g_autoptr(ScTestResponse) p = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/people", person, NULL);
  g_autofree char *body = NULL;
  g_autoptr(ScTestResponse) c = NULL;

  g_assert_cmpuint (p->status, ==, 201);
  body = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":\"2026-03-02\","
                          "\"request_source\":\"parent\",\"owner_id\":%s}", sc_test_response_get_int (p, "id"),
                          owner_id);
  c = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/cases", body, NULL);
  g_assert_cmpuint (c->status, ==, 201);
  return sc_test_response_get_int (c, "id");
}

static ScTestResponse *
put_section (Fixture    *fixture,
             const char *token,
             gint64      case_id,
             const char *section,
             const char *if_match,
             const char *content)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/plan/sections/%s", case_id, section);
  g_autofree char *body = g_strdup_printf ("{\"content\":%s}", content);
  g_autofree char *quoted = if_match != NULL ? g_strdup_printf ("\"%s\"", if_match) : NULL;
  const char *first[] = { "If-None-Match", "*", NULL };
  const char *next[] = { "If-Match", quoted, NULL };

  return sc_test_authed (fixture->daemon, token, "PUT", path, body, if_match != NULL ? next : first);
}

static ScTestResponse *
get_path (Fixture    *fixture,
          const char *token,
          gint64      case_id,
          const char *tail)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/plan%s", case_id, tail);

  return sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);
}

static char *
audit_count (Fixture    *fixture,
             const char *action,
             const char *outcome,
             gint64      case_id)
{
  return sc_test_psqlf (fixture->cluster, "SELECT count(*) FROM audit_event WHERE action = '%s' AND outcome = '%s'"
                        " AND resource_id = '%" G_GINT64_FORMAT "'", action, outcome, case_id);
}

static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 id = new_case (fixture, token, "Sections", "caseworker");
  g_autoptr(ScTestResponse) draft = get_path (fixture, token, id, "");
  g_autoptr(ScTestResponse) first = NULL;
  g_autoptr(ScTestResponse) second = NULL;
  g_autoptr(ScTestResponse) one = NULL;
  g_autoptr(ScTestResponse) missing = NULL;
  g_autofree char *reads = NULL;
  g_autofree char *writes = NULL;
  JsonArray *sections;
  JsonObject *content;

  g_assert_cmpuint (draft->status, ==, 200);
  sections = json_object_get_array_member (json_node_get_object (draft->json), "sections");
  g_assert_cmpuint (json_array_get_length (sections), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sections, 7), "section"), ==, "h1");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (sections, 1), "version"), ==, 0);

  first = put_section (fixture, token, id, "b", NULL, "{\"rows\":[{\"id\":\"1\",\"text\":\" Reading \"}]}");
  g_assert_cmpuint (first->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (first->headers, "ETag"), ==, "\"1\"");
  content = json_object_get_object_member (json_node_get_object (first->json), "content");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (content, "rows"), 0), "text"), ==, "Reading");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_node_get_object (first->json), "updated_by"), "username"), ==, "caseworker");

  second = put_section (fixture, token, id, "b", "1",
                        "{\"rows\":[{\"id\":\"1\",\"text\":\"Reading\"},{\"id\":\"2\",\"text\":\"Speech\"}]}");
  g_assert_cmpuint (second->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (second->headers, "ETag"), ==, "\"2\"");

  one = get_path (fixture, token, id, "/sections/b");
  g_assert_cmpuint (one->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (one->headers, "ETag"), ==, "\"2\"");
  g_assert_nonnull (strstr (body_of (one), "Speech"));

  missing = get_path (fixture, token, id, "/sections/h");
  g_assert_cmpuint (missing->status, ==, 404);

  reads = audit_count (fixture, "plan.read", "success", id);
  g_assert_cmpstr (reads, ==, "1");
  writes = audit_count (fixture, "plan.section.update", "success", id);
  g_assert_cmpstr (writes, ==, "2");
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 id = new_case (fixture, token, "Refused", "caseworker");
  g_autoptr(ScTestResponse) bad = put_section (fixture, token, id, "f", NULL,
                                               "{\"rows\":[{\"id\":\"1\",\"text\":\"x\",\"to\":\"2027-02-30\"}]}");
  g_autoptr(ScTestResponse) unmatched = NULL;
  g_autoptr(ScTestResponse) no_precondition = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/plan/sections/a", id);
  g_autofree char *rows = NULL;

  g_assert_cmpuint (bad->status, ==, 422);
  g_assert_nonnull (strstr (body_of (bad), "content.rows[0].to"));
  /* If-Match on a section never written */
  unmatched = put_section (fixture, token, id, "a", "1", "{\"text\":\"x\"}");
  g_assert_cmpuint (unmatched->status, ==, 412);
  g_assert_nonnull (strstr (body_of (unmatched), "If-None-Match"));
  no_precondition = sc_test_authed (fixture->daemon, token, "PUT", path, "{\"content\":{\"text\":\"x\"}}", NULL);
  g_assert_cmpuint (no_precondition->status, ==, 428);
  rows = sc_test_psqlf (fixture->cluster, "SELECT count(*) FROM plan_section WHERE case_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (rows, ==, "0");
}

/* Two writers from one version of a section: the second is refused and
 * nothing of its change is kept; writers of different sections both
 * keep theirs. */
static void
test_two_writers (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  gint64 id = new_case (fixture, token, "Writers", "caseworker");
  g_autoptr(ScTestResponse) a1 = put_section (fixture, token, id, "a", NULL, "{\"text\":\"First\"}");
  g_autoptr(ScTestResponse) e1 = put_section (fixture, manager, id, "e", NULL, "{\"rows\":[]}");
  g_autoptr(ScTestResponse) mine = NULL;
  g_autoptr(ScTestResponse) theirs = NULL;
  g_autoptr(ScTestResponse) twin = NULL;
  g_autofree char *kept = NULL;

  g_assert_cmpuint (a1->status, ==, 200);
  g_assert_cmpuint (e1->status, ==, 200);
  mine = put_section (fixture, token, id, "a", "1", "{\"text\":\"Mine\"}");
  g_assert_cmpuint (mine->status, ==, 200);
  theirs = put_section (fixture, manager, id, "a", "1", "{\"text\":\"Theirs\"}");
  g_assert_cmpuint (theirs->status, ==, 412);
  g_assert_cmpstr (soup_message_headers_get_one (theirs->headers, "ETag"), ==, "\"2\"");
  g_assert_nonnull (strstr (body_of (theirs), "now at version 2"));
  /* a second first write of a section loses too */
  twin = put_section (fixture, manager, id, "e", NULL, "{\"rows\":[{\"id\":\"1\",\"text\":\"x\"}]}");
  g_assert_cmpuint (twin->status, ==, 412);
  kept = sc_test_psqlf (fixture->cluster, "SELECT string_agg(section || ':' || version || ':' || content::text, ' '"
                        " ORDER BY section) FROM plan_section WHERE case_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (kept, ==, "a:2:{\"text\":\"Mine\"} e:1:{\"rows\":[]}");
}

static void
test_warnings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 id = new_case (fixture, token, "Warnings", "caseworker");
  g_autoptr(ScTestResponse) b = put_section (fixture, token, id, "b", NULL,
                                             "{\"rows\":[{\"id\":\"1\",\"text\":\"Reading\"}]}");
  g_autoptr(ScTestResponse) f = put_section (fixture, token, id, "f", NULL,
                                             "{\"rows\":[{\"id\":\"1\",\"text\":\"Access to a reading group\"}]}");
  g_autoptr(ScTestResponse) draft = get_path (fixture, token, id, "");
  JsonArray *warnings;
  GString *codes = g_string_new (NULL);
  g_autofree char *found = NULL;

  g_assert_cmpuint (b->status, ==, 200);
  g_assert_cmpuint (f->status, ==, 200);
  g_assert_cmpuint (draft->status, ==, 200);
  warnings = json_object_get_array_member (json_node_get_object (draft->json), "warnings");
  for (guint i = 0; i < json_array_get_length (warnings); i++)
    {
      JsonObject *w = json_array_get_object_element (warnings, i);

      g_string_append_printf (codes, "%s%s:%s.%s", i > 0 ? " " : "", json_object_get_string_member (w, "code"),
                              json_object_get_string_member (w, "section"), json_object_get_string_member (w, "row"));
    }
  found = g_string_free (codes, FALSE);
  g_assert_cmpstr (found, ==, "need_without_provision:b.1 provision_unquantified:f.1 provision_vague:f.1 "
                   "provision_without_need:f.1");
}

/* The codes of a draft's or version's warnings about section K, "code:row" */
static char *
advice_codes (JsonObject *object)
{
  JsonArray *warnings = json_object_get_array_member (object, "warnings");
  GString *codes = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (warnings); i++)
    {
      JsonObject *w = json_array_get_object_element (warnings, i);

      if (g_str_equal (json_object_get_string_member (w, "section"), "k"))
        g_string_append_printf (codes, "%s%s:%s", codes->len > 0 ? " " : "", json_object_get_string_member (w, "code"),
                                json_object_get_null_member (w, "row") ? "-" : json_object_get_string_member (w, "row"));
    }
  return g_string_free (codes, FALSE);
}

static void
test_advice (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 id = new_case (fixture, token, "Advice", "caseworker");
  g_autofree char *events = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", id);
  static const char * const steps[] = {
    "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-01\"}",
    "{\"type\":\"advice_requested\",\"date\":\"2026-04-02\",\"key\":\"EP service\"}",
    "{\"type\":\"advice_requested\",\"date\":\"2026-04-02\",\"key\":\"Paediatrics\"}",
    "{\"type\":\"advice_received\",\"date\":\"2026-04-20\",\"key\":\"EP service\"}",
  };
  g_autofree char *codes = NULL;
  JsonArray *asked;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(ScTestResponse) e = sc_test_authed (fixture->daemon, token, "POST", events, steps[i], NULL);

      g_assert_cmpuint (e->status, ==, 201);
    }
  /* the draft names the case's requests; the advice received is not yet in K */
  {
    g_autoptr(ScTestResponse) draft = get_path (fixture, token, id, "");
    JsonObject *first;

    g_assert_cmpuint (draft->status, ==, 200);
    asked = json_object_get_array_member (json_node_get_object (draft->json), "advice_requests");
    g_assert_cmpuint (json_array_get_length (asked), ==, 2);
    first = json_array_get_object_element (asked, 0);
    g_assert_cmpstr (json_object_get_string_member (first, "adviser"), ==, "EP service");
    g_assert_cmpstr (json_object_get_string_member (first, "requested_on"), ==, "2026-04-02");
    g_assert_cmpstr (json_object_get_string_member (first, "received_on"), ==, "2026-04-20");
    g_assert_true (json_object_get_null_member (json_array_get_object_element (asked, 1), "received_on"));
    codes = advice_codes (json_node_get_object (draft->json));
    g_assert_cmpstr (codes, ==, "advice_unlisted:-");
  }
  /* K lists it, linked to its request, and one answering a request never made */
  {
    g_autoptr(ScTestResponse) k = put_section (fixture, token, id, "k", NULL,
                                               "{\"rows\":[{\"id\":\"1\",\"source\":\"Educational psychologist\","
                                               "\"received\":\"2026-04-20\",\"request\":\"EP service\"},"
                                               "{\"id\":\"2\",\"source\":\"Occupational therapist\","
                                               "\"request\":\"OT service\"}]}");
    g_autoptr(ScTestResponse) draft = get_path (fixture, token, id, "");

    g_assert_cmpuint (k->status, ==, 200);
    g_clear_pointer (&codes, g_free);
    codes = advice_codes (json_node_get_object (draft->json));
    g_assert_cmpstr (codes, ==, "advice_request_unknown:2");
  }
  /* the version issued records them */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/plan/versions", id);
    g_autoptr(ScTestResponse) issued = sc_test_authed (fixture->daemon, token, "POST", path,
                                                       "{\"kind\":\"draft\",\"date\":\"2026-07-01\"}", NULL);
    g_autoptr(ScTestResponse) one = get_path (fixture, token, id, "/versions/1");

    g_assert_cmpuint (issued->status, ==, 201);
    g_assert_cmpuint (one->status, ==, 200);
    g_clear_pointer (&codes, g_free);
    codes = advice_codes (json_node_get_object (one->json));
    g_assert_cmpstr (codes, ==, "advice_request_unknown:2");
  }
}

static void
test_access (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  gint64 theirs = new_case (fixture, manager, "Theirs", "manager");
  gint64 hidden = new_case (fixture, manager, "Hidden", "manager");
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT, hidden);
  const char *v1[] = { "If-Match", "\"1\"", NULL };
  g_autoptr(ScTestResponse) restrict_it = sc_test_authed (fixture->daemon, manager, "PATCH", path,
                                                          "{\"restricted\":true}", v1);
  g_autoptr(ScTestResponse) read = get_path (fixture, token, theirs, "");
  g_autoptr(ScTestResponse) write = put_section (fixture, token, theirs, "a", NULL, "{\"text\":\"x\"}");
  g_autoptr(ScTestResponse) officer_read = get_path (fixture, officer, theirs, "");
  g_autoptr(ScTestResponse) unseen = get_path (fixture, token, hidden, "");
  g_autoptr(ScTestResponse) unseen_write = put_section (fixture, token, hidden, "a", NULL, "{\"text\":\"x\"}");
  g_autofree char *denied = NULL;
  g_autofree char *rows = NULL;

  g_assert_cmpuint (restrict_it->status, ==, 200);
  /* a caseworker reads any case they may see, and changes only their own */
  g_assert_cmpuint (read->status, ==, 200);
  g_assert_cmpuint (write->status, ==, 403);
  g_assert_cmpuint (officer_read->status, ==, 200);
  g_assert_cmpuint (unseen->status, ==, 404);
  g_assert_cmpuint (unseen_write->status, ==, 404);
  denied = audit_count (fixture, "plan.section.update", "denied", theirs);
  g_assert_cmpstr (denied, ==, "1");
  rows = sc_test_psql (fixture->cluster, "SELECT count(*) FROM plan_section");
  g_assert_cmpstr (rows, ==, "0");
}

static void
add_event (Fixture    *fixture,
           const char *token,
           gint64      case_id,
           const char *event)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", case_id);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", path, event, NULL);

  if (r->status != 201)
    g_error ("event %s answered %u: %s", event, r->status, body_of (r));
}

static char *fetch_pdf (Fixture *fixture, const char *token, gint64 case_id, int number, const char *dir);
static char *pdf_text  (const char *pdf, int page);

/* Issuing a draft and then a final plan freezes the draft each time, in
 * the event's transaction, numbered 1 and 2; the two compare section by
 * section; a version is never changed, not even by the daemon's own
 * database role; other events issue nothing. */
static void
test_versions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 id = new_case (fixture, token, "Versions", "caseworker");
  g_autoptr(ScTestResponse) b = put_section (fixture, token, id, "b", NULL,
                                             "{\"rows\":[{\"id\":\"1\",\"text\":\"Reading\"}]}");
  g_autoptr(ScTestResponse) f = put_section (fixture, token, id, "f", NULL,
                                             "{\"rows\":[{\"id\":\"1\",\"text\":\"Phonics\","
                                             "\"frequency\":\"weekly\",\"needs\":[\"b.1\"]}]}");
  g_autoptr(ScTestResponse) f2 = NULL;
  g_autoptr(ScTestResponse) list = NULL;
  g_autoptr(ScTestResponse) one = NULL;
  g_autoptr(ScTestResponse) diff = NULL;
  g_autoptr(ScTestResponse) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *after = NULL;
  JsonArray *items;

  g_assert_cmpuint (b->status, ==, 200);
  g_assert_cmpuint (f->status, ==, 200);
  add_event (fixture, token, id, "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}");
  add_event (fixture, token, id, "{\"type\":\"draft_plan_issued\",\"date\":\"2026-06-15\"}");
  f2 = put_section (fixture, token, id, "f", "1",
                    "{\"rows\":[{\"id\":\"1\",\"text\":\"Phonics\",\"frequency\":\"daily\","
                    "\"needs\":[\"b.1\"]}]}");
  g_assert_cmpuint (f2->status, ==, 200);
  add_event (fixture, token, id, "{\"type\":\"final_plan_issued\",\"date\":\"2026-07-13\"}");

  kinds = sc_test_psqlf (fixture->cluster, "SELECT string_agg(v.number || ':' || v.kind || ':' || e.type, ' '"
                         " ORDER BY v.number) FROM plan_version v JOIN case_event e ON e.id = v.event_id"
                         " WHERE v.case_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (kinds, ==, "1:draft:draft_plan_issued 2:final:final_plan_issued");

  list = get_path (fixture, token, id, "/versions");
  g_assert_cmpuint (list->status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (list->json), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "kind"), ==, "final");

  one = get_path (fixture, token, id, "/versions/1");
  g_assert_cmpuint (one->status, ==, 200);
  g_assert_nonnull (strstr (body_of (one), "\"frequency\":\"weekly\""));
  /* its warnings as they were: the provision says neither how long nor who */
  g_assert_nonnull (strstr (body_of (one), "provision_unquantified"));

  diff = get_path (fixture, token, id, "/versions/1/diff/2");
  g_assert_cmpuint (diff->status, ==, 200);
  g_assert_nonnull (strstr (body_of (diff), "{\"name\":\"frequency\",\"from\":\"weekly\",\"to\":\"daily\"}"));
  g_assert_null (strstr (body_of (diff), "\"section\":\"b\""));

  none = get_path (fixture, token, id, "/versions/3");
  g_assert_cmpuint (none->status, ==, 404);
  g_assert_nonnull (strstr (body_of (none), "has no plan version 3"));

  /* the daemon's own role can neither change nor delete a version */
  {
    static const char * const attempts[] = {
      "SET ROLE sendcase_app; UPDATE plan_version SET kind = 'draft'",
      "SET ROLE sendcase_app; DELETE FROM plan_version",
      "SET ROLE sendcase_app; TRUNCATE plan_version",
    };

    for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
      {
        g_autofree char *out = sc_test_cluster_psql (fixture->cluster, attempts[i], &error);

        g_assert_null (out);
        g_assert_nonnull (error);
        g_assert_nonnull (strstr (error->message, "permission denied for table plan_version"));
        g_clear_error (&error);
      }
  }
  after = sc_test_psqlf (fixture->cluster, "SELECT count(*) FROM plan_version WHERE kind = 'final' AND case_id = %"
                         G_GINT64_FORMAT, id);
  g_assert_cmpstr (after, ==, "1");

  /* the final plan's event voided: the version stays, marked as not standing */
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (items, 1), "voided"));
  {
    g_autofree char *event = sc_test_psqlf (fixture->cluster, "SELECT event_id FROM plan_version WHERE number = 2"
                                            " AND case_id = %" G_GINT64_FORMAT, id);
    g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events/%s/void", id, event);
    g_autoptr(ScTestResponse) v = sc_test_authed (fixture->daemon, token, "POST", path,
                                                  "{\"reason\":\"issued to the wrong family\"}", NULL);
    g_autoptr(ScTestResponse) again = NULL;
    g_autoptr(ScTestResponse) two = NULL;
    JsonArray *now;

    g_assert_cmpuint (v->status, ==, 200);
    again = get_path (fixture, token, id, "/versions");
    now = json_object_get_array_member (json_node_get_object (again->json), "items");
    g_assert_cmpuint (json_array_get_length (now), ==, 2);
    g_assert_false (json_object_get_boolean_member (json_array_get_object_element (now, 0), "voided"));
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (now, 1), "voided"));
    two = get_path (fixture, token, id, "/versions/2");
    g_assert_nonnull (strstr (body_of (two), "\"voided\":true"));
    /* and its PDF says so on every page */
    {
      g_autofree char *dir = sc_test_make_tmpdir ("plan-voided-XXXXXX");
      g_autofree char *file = fetch_pdf (fixture, token, id, 2, dir);
      g_autofree char *first = pdf_text (file, 1);
      g_autofree char *draft = fetch_pdf (fixture, token, id, 1, dir);
      g_autofree char *draft_text = pdf_text (draft, 1);

      g_assert_nonnull (strstr (first, "VOIDED, DOES NOT STAND"));
      g_assert_null (strstr (draft_text, "VOIDED"));
      sc_test_rm_rf (dir);
    }
  }
}

/* Runs @argv; asserts it exits 0; returns its standard output */
static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

/* The text of @pdf (pages @first to @last, 0 for all) by pdftotext */
static char *
pdf_text (const char *pdf,
          int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *all[] = { "pdftotext", pdf, "-", NULL };
  const char *one[] = { "pdftotext", "-f", number, "-l", number, pdf, "-", NULL };

  return run (page > 0 ? one : all);
}

/* @text with every run of white space one space: a phrase may wrap */
static char *
flat (char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  char *out = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);

  g_free (text);
  return out;
}

static int
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run (argv);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

/* Writes version @number's PDF from the API to @file; returns the file */
static char *
fetch_pdf (Fixture    *fixture,
           const char *token,
           gint64      case_id,
           int         number,
           const char *dir)
{
  g_autofree char *tail = g_strdup_printf ("/versions/%d/pdf", number);
  g_autoptr(ScTestResponse) r = get_path (fixture, token, case_id, tail);
  char *file = g_strdup_printf ("%s/api-v%d.pdf", dir, number);
  gsize size;
  const char *data = g_bytes_get_data (r->body, &size);

  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (r->headers, NULL), ==, "application/pdf");
  g_assert_nonnull (strstr (soup_message_headers_get_one (r->headers, "Content-Disposition"), ".pdf"));
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (memcmp (data, "%PDF-", 5) == 0);
  g_assert_true (g_file_set_contents (file, data, (gssize) size, NULL));
  return file;
}

/* The rows of a provision section: @n rows, row 1 at @frequency */
static char *
provision_rows (int         n,
                int         skip,
                const char *frequency)
{
  GString *out = g_string_new ("{\"rows\":[");

  for (int i = 1; i <= n; i++)
    if (i != skip)
      g_string_append_printf (out, "%s{\"id\":\"%d\",\"text\":\"Structured phonics programme, part %d\","
                              "\"provider\":\"Specialist teacher\",\"frequency\":\"%s\",\"duration\":\"30 minutes\","
                              "\"group_size\":\"1:1\",\"from\":\"2026-09-01\",\"to\":\"2027-07-23\","
                              "\"needs\":[\"b.1\"],\"outcomes\":[\"e.1\"]}", out->str[out->len - 1] == '[' ? "" : ",",
                              i, i, i == 1 ? frequency : "three times a week");
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}

/* A plan of 40 provision rows and a long section A printed: every section
 * under its heading, the child, version and date on every page, "Page n
 * of N"; a page drawn by pdftoppm; the same text from sendcasectl; the
 * amendment notice of proposed amendments lists what would change and
 * the last day for comments; every print audited. */
static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 id = new_case (fixture, token, "Printer", "caseworker");
  g_autofree char *dir = sc_test_make_tmpdir ("plan-pdf-XXXXXX");
  g_autoptr(GString) views = g_string_new ("{\"text\":\"");
  g_autofree char *rows = provision_rows (40, 0, "daily");
  g_autofree char *changed = provision_rows (41, 40, "twice a day");
  g_autofree char *final = NULL;
  g_autofree char *text = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *notice_text = NULL;
  g_autofree char *ctl_file = g_strdup_printf ("%s/ctl.pdf", dir);
  g_autofree char *ctl_text = NULL;
  g_autofree char *sendcasectl = sc_test_build_path ("server/sendcasectl");
  g_autofree char *png_root = g_strdup_printf ("%s/page", dir);
  g_autofree char *png = g_strdup_printf ("%s/page.png", dir);
  g_autofree char *audits = NULL;
  g_autoptr(ScTestResponse) none = NULL;
  int pages;

  for (int i = 0; i < 40; i++)
    g_string_append (views, "Ada loves drawing and wants to be an animator; she likes quiet places to work. \\n");
  g_string_append (views, "\"}");
  {
    const struct { const char *section, *content; } sections[] = {
      { "a", views->str },
      { "b", "{\"rows\":[{\"id\":\"1\",\"text\":\"Reads two years behind her age\"}]}" },
      { "e", "{\"rows\":[{\"id\":\"1\",\"text\":\"Reads a short book alone by July\",\"needs\":[\"b.1\"]}]}" },
      { "f", rows },
      { "i", "{\"name\":\"Hillside Primary School\",\"type\":\"Mainstream primary\"}" },
      { "j", "{\"amount_pence\":125050,\"covers\":\"Transport to school\"}" },
      { "k", "{\"rows\":[{\"id\":\"1\",\"source\":\"Dr Rao, educational psychologist\",\"received\":\"2026-05-01\","
             "\"advice\":\"educational_psychology\"}]}" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      {
        g_autoptr(ScTestResponse) r = put_section (fixture, token, id, sections[i].section, NULL,
                                                   sections[i].content);

        g_assert_cmpuint (r->status, ==, 200);
      }
  }
  add_event (fixture, token, id, "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}");
  add_event (fixture, token, id, "{\"type\":\"draft_plan_issued\",\"date\":\"2026-06-15\"}");
  add_event (fixture, token, id, "{\"type\":\"final_plan_issued\",\"date\":\"2026-07-13\"}");

  final = fetch_pdf (fixture, token, id, 2, dir);
  text = flat (pdf_text (final, 0));
  pages = pdf_pages (final);
  g_assert_cmpint (pages, >=, 4);
  for (guint s = 0; s < 12; s++)
    {
      static const char * const headings[] = {
        "Section A: ", "Section B: ", "Section C: ", "Section D: ", "Section E: ", "Section F: ", "Section G: ",
        "Section H1: ", "Section H2: ", "Section I: ", "Section J: ", "Section K: ",
      };

      g_assert_nonnull (strstr (text, headings[s]));
    }
  g_assert_nonnull (strstr (text, "Education, Health and Care Plan"));
  g_assert_nonnull (strstr (text, "Ada Printer"));
  g_assert_nonnull (strstr (text, "1 April 2016"));
  g_assert_nonnull (strstr (text, "F.40"));
  g_assert_nonnull (strstr (text, "part 40"));
  g_assert_nonnull (strstr (text, "Hillside Primary School"));
  g_assert_nonnull (strstr (text, "£1,250.50"));
  g_assert_nonnull (strstr (text, "educational psychology"));
  g_assert_nonnull (strstr (text, "Nothing is recorded in this section."));
  g_assert_null (strstr (text, "This plan is a draft"));
  g_assert_null (strstr (text, "VOIDED"));
  for (int p = 1; p <= pages; p++)
    {
      g_autofree char *page = flat (pdf_text (final, p));
      g_autofree char *count = g_strdup_printf ("Page %d of %d", p, pages);

      g_assert_nonnull (strstr (page, count));
      g_assert_nonnull (strstr (page, "Ada Printer"));
      g_assert_nonnull (strstr (page, "version 2"));
      g_assert_nonnull (strstr (page, "issued 13 July 2026"));
    }
  /* the draft says it is one */
  {
    g_autofree char *draft = fetch_pdf (fixture, token, id, 1, dir);
    g_autofree char *draft_text = flat (pdf_text (draft, 1));

    g_assert_nonnull (strstr (draft_text, "Draft Education, Health and Care Plan"));
    g_assert_nonnull (strstr (draft_text, "This plan is a draft"));
  }
  /* a page drawn */
  {
    const char *argv[] = { "pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-singlefile", "-png", final, png_root,
                           NULL };
    g_autofree char *out = run (argv);
    g_autofree char *contents = NULL;
    gsize size;

    g_assert_true (g_file_get_contents (png, &contents, &size, NULL));
    g_assert_cmpuint (size, >, 1000);
    g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);
  }
  /* the same document from the command line */
  {
    const char *argv[] = { sendcasectl, "--database", sc_test_cluster_get_conninfo (fixture->cluster), "plan-pdf",
                           NULL, "2", "--output", ctl_file, NULL };
    g_autofree char *case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    g_autofree char *out = NULL;

    argv[4] = case_arg;
    out = run (argv);
    g_assert_nonnull (strstr (out, "wrote "));
    ctl_text = flat (pdf_text (ctl_file, 0));
    g_assert_cmpstr (ctl_text, ==, text);
  }

  /* proposed amendments: row 1 more often, row 40 gone, row 41 new */
  {
    g_autoptr(ScTestResponse) r = put_section (fixture, token, id, "f", "1", changed);

    g_assert_cmpuint (r->status, ==, 200);
  }
  /* issued through the plan's own route: the same event, the same rules */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/plan/versions", id);
    g_autoptr(ScTestResponse) kind = sc_test_authed (fixture->daemon, token, "POST", path,
                                                     "{\"kind\":\"interim\",\"date\":\"2026-09-01\"}", NULL);
    g_autoptr(ScTestResponse) phase = sc_test_authed (fixture->daemon, token, "POST", path,
                                                      "{\"kind\":\"draft\",\"date\":\"2026-09-01\","
                                                      "\"phase_transfer\":true}", NULL);
    g_autoptr(ScTestResponse) ahead = sc_test_authed (fixture->daemon, token, "POST", path,
                                                      "{\"kind\":\"amended\",\"date\":\"2026-09-01\"}", NULL);
    g_autoptr(ScTestResponse) issued = sc_test_authed (fixture->daemon, token, "POST", path,
                                                       "{\"kind\":\"proposed\",\"date\":\"2026-09-01\","
                                                       "\"note\":\"More phonics\"}", NULL);
    g_autofree char *count = NULL;

    g_assert_cmpuint (kind->status, ==, 422);
    g_assert_nonnull (strstr (body_of (kind), "must be draft, final, amended or proposed"));
    g_assert_cmpuint (phase->status, ==, 422);
    g_assert_nonnull (strstr (body_of (phase), "phase_transfer"));
    /* an amended plan with no amendment notice before it (the requests
     * above run in this order; only the last issued anything) */
    g_assert_cmpuint (ahead->status, ==, 422);
    count = sc_test_psqlf (fixture->cluster, "SELECT string_agg(number || kind, ',' ORDER BY number)"
                           " FROM plan_version WHERE case_id = %" G_GINT64_FORMAT, id);
    g_assert_cmpstr (count, ==, "1draft,2final,3proposed");
    g_assert_cmpuint (issued->status, ==, 201);
    g_assert_cmpstr (sc_test_response_get_string (issued, "type"), ==, "amendment_notice_issued");
  }
  notice = fetch_pdf (fixture, token, id, 3, dir);
  notice_text = flat (pdf_text (notice, 0));
  g_assert_nonnull (strstr (notice_text, "Notice of Proposed Amendments"));
  g_assert_nonnull (strstr (notice_text, "issued on 13 July 2026 (version 2)"));
  g_assert_nonnull (strstr (notice_text, "by 15 September 2026"));
  g_assert_nonnull (strstr (notice_text, "To be changed"));
  g_assert_nonnull (strstr (notice_text, "twice a day"));
  g_assert_nonnull (strstr (notice_text, "To be added"));
  g_assert_nonnull (strstr (notice_text, "part 41"));
  g_assert_nonnull (strstr (notice_text, "To be removed"));
  g_assert_nonnull (strstr (notice_text, "part 40"));
  g_assert_null (strstr (notice_text, "part 39"));
  g_assert_null (strstr (notice_text, "Section B: "));

  none = get_path (fixture, token, id, "/versions/9/pdf");
  g_assert_cmpuint (none->status, ==, 404);
  g_assert_nonnull (strstr (body_of (none), "has no plan version 9"));

  audits = sc_test_psqlf (fixture->cluster, "SELECT string_agg(username, ',' ORDER BY id) FROM audit_event"
                          " WHERE action = 'plan.version.pdf' AND outcome = 'success' AND resource_id = '%"
                          G_GINT64_FORMAT "'", id);
  g_assert_cmpstr (audits, ==, "caseworker,caseworker,sendcasectl,caseworker,caseworker");
  if (g_getenv ("SC_TEST_KEEP") == NULL) sc_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/plan/sections", Fixture, NULL, sc_test_server_setup, test_sections, sc_test_server_teardown);
  g_test_add ("/server/plan/refused", Fixture, NULL, sc_test_server_setup, test_refused, sc_test_server_teardown);
  g_test_add ("/server/plan/two-writers", Fixture, NULL, sc_test_server_setup, test_two_writers,
              sc_test_server_teardown);
  g_test_add ("/server/plan/warnings", Fixture, NULL, sc_test_server_setup, test_warnings, sc_test_server_teardown);
  g_test_add ("/server/plan/advice", Fixture, NULL, sc_test_server_setup, test_advice, sc_test_server_teardown);
  g_test_add ("/server/plan/versions", Fixture, NULL, sc_test_server_setup, test_versions, sc_test_server_teardown);
  g_test_add ("/server/plan/pdf", Fixture, NULL, sc_test_server_setup, test_pdf, sc_test_server_teardown);
  g_test_add ("/server/plan/access", Fixture, NULL, sc_test_server_setup, test_access, sc_test_server_teardown);
  return g_test_run ();
}
