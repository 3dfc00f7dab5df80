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
  g_test_add ("/server/plan/versions", Fixture, NULL, sc_test_server_setup, test_versions, sc_test_server_teardown);
  g_test_add ("/server/plan/access", Fixture, NULL, sc_test_server_setup, test_access, sc_test_server_teardown);
  return g_test_run ();
}
