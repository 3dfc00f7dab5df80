/* test-audit.c
 *
 * The audit trail: a row for every sign-in, failed sign-in and sign-out, and
 * for reads and writes, carrying the request id the client saw; the daemon's
 * own PostgreSQL role cannot update, delete or truncate it, and a trigger
 * refuses the owner too; GET /api/v1/audit filters and pages it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef ScTestServer Fixture;

/* The audit rows (action:outcome:resource_id) written for one request id. */
static char *
rows_for (Fixture    *fixture,
          const char *request_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce(string_agg(action || ':' || outcome || ':' || "
                                          "coalesce(resource_id, '-') || ':' || coalesce(username, '-'), ';' "
                                          "ORDER BY id), '') FROM audit_event WHERE request_id = '%s'",
                                          request_id);
  g_autoptr(GError) error = NULL;
  char *out = sc_test_cluster_psql (fixture->cluster, sql, &error);

  g_assert_no_error (error);
  return out;
}

static const char *
request_id_of (ScTestResponse *response)
{
  return soup_message_headers_get_one (response->headers, "X-Request-Id");
}

static void
test_rows_for_reads_writes_sign_ins (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(ScTestResponse) failed = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions",
                                                             "application/json",
                                                             "{\"username\":\"sysadmin\",\"password\":\"wrong-password-x\"}",
                                                             NULL);
  g_autoptr(ScTestResponse) signed_in = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions",
                                                                "application/json",
                                                                "{\"username\":\"sysadmin\",\"password\":\"" SC_TEST_DEMO_PASSWORD "\"}",
                                                                NULL);
  const char *token = sc_test_response_get_string (signed_in, "token");
  g_autoptr(ScTestResponse) created = NULL;
  g_autoptr(ScTestResponse) read = NULL;
  g_autoptr(ScTestResponse) listed = NULL;
  g_autoptr(ScTestResponse) updated = NULL;
  g_autoptr(ScTestResponse) out = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *path = NULL;
  const char *if_match[] = { "If-Match", "\"1\"", NULL };
  gint64 id;

  rows = rows_for (fixture, request_id_of (failed));
  g_assert_cmpstr (rows, ==, "session.create:failure:-:sysadmin");
  g_free (rows);
  rows = rows_for (fixture, request_id_of (signed_in));
  g_assert_true (g_str_has_prefix (rows, "session.create:success:"));

  created = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/users",
                            "{\"username\":\"new.worker\",\"role\":\"caseworker\",\"password\":\"a-long-password-1\"}",
                            NULL);
  g_assert_cmpuint (created->status, ==, 201);
  id = sc_test_response_get_int (created, "id");
  path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT, id);
  expected = g_strdup_printf ("user.create:success:%" G_GINT64_FORMAT ":sysadmin", id);
  g_free (rows);
  rows = rows_for (fixture, request_id_of (created));
  g_assert_cmpstr (rows, ==, expected);

  read = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);
  g_free (expected);
  expected = g_strdup_printf ("user.read:success:%" G_GINT64_FORMAT ":sysadmin", id);
  g_free (rows);
  rows = rows_for (fixture, request_id_of (read));
  g_assert_cmpstr (rows, ==, expected);

  listed = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/users", NULL, NULL);
  g_free (rows);
  rows = rows_for (fixture, request_id_of (listed));
  g_assert_cmpstr (rows, ==, "user.list:success:-:sysadmin");

  updated = sc_test_authed (fixture->daemon, token, "PATCH", path, "{\"full_name\":\"New Worker\"}", if_match);
  g_assert_cmpuint (updated->status, ==, 200);
  g_free (expected);
  expected = g_strdup_printf ("user.update:success:%" G_GINT64_FORMAT ":sysadmin", id);
  g_free (rows);
  rows = rows_for (fixture, request_id_of (updated));
  g_assert_cmpstr (rows, ==, expected);

  /* a refused change writes nothing but its refusal... */
  {
    g_autoptr(ScTestResponse) stale = sc_test_authed (fixture->daemon, token, "PATCH", path,
                                                      "{\"full_name\":\"Lost\"}", if_match);
    g_assert_cmpuint (stale->status, ==, 412);
    g_free (rows);
    rows = rows_for (fixture, request_id_of (stale));
    g_assert_cmpstr (rows, ==, "");
  }

  out = sc_test_authed (fixture->daemon, token, "DELETE", "/api/v1/sessions/current", NULL, NULL);
  g_assert_cmpuint (out->status, ==, 204);
  g_free (rows);
  rows = rows_for (fixture, request_id_of (out));
  g_assert_true (g_str_has_prefix (rows, "session.delete:success:"));
}

static void
test_api_filters_and_pages (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autofree char *admin = sc_test_sign_in (fixture->daemon, "sysadmin", SC_TEST_DEMO_PASSWORD);
  g_autoptr(ScTestResponse) page1 = NULL;
  g_autoptr(ScTestResponse) page2 = NULL;
  g_autoptr(ScTestResponse) filtered = NULL;
  g_autoptr(ScTestResponse) bad = NULL;
  g_autoptr(ScTestResponse) dated = NULL;
  g_autofree char *next = NULL;
  g_autofree char *path2 = NULL;
  JsonArray *items;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/users", NULL, NULL);
      g_assert_cmpuint (r->status, ==, 200);
    }

  page1 = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/audit?limit=2", NULL, NULL);
  g_assert_cmpuint (page1->status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (page1->json), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  next = g_strdup (sc_test_response_get_string (page1, "next_cursor"));
  g_assert_nonnull (next);
  path2 = g_strdup_printf ("/api/v1/audit?limit=2&cursor=%s", next);
  page2 = sc_test_authed (fixture->daemon, manager, "GET", path2, NULL, NULL);
  items = json_object_get_array_member (json_node_get_object (page2->json), "items");
  /* newest first, and page 2 starts below page 1 */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"), <,
                   g_ascii_strtoll (next, NULL, 10));

  filtered = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/audit?resource_type=user&user=sysadmin",
                             NULL, NULL);
  items = json_object_get_array_member (json_node_get_object (filtered->json), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_assert_cmpstr (json_object_get_string_member (item, "action"), ==, "user.list");
      g_assert_cmpstr (json_object_get_string_member (item, "role"), ==, "system_admin");
    }

  dated = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/audit?from=2000-01-01&to=2000-01-02", NULL, NULL);
  g_assert_cmpuint (dated->status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (dated->json), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 0);

  bad = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/audit?from=yesterday&limit=0&cursor=x", NULL, NULL);
  g_assert_cmpuint (bad->status, ==, 422);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (bad->json), "errors")),
                    ==, 3);
}

static void
assert_refused (Fixture    *fixture,
                const char *sql,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = sc_test_cluster_psql (fixture->cluster, sql, &error);

  g_assert_null (out);
  g_assert_nonnull (error);
  if (strstr (error->message, expected) == NULL)
    g_error ("expected \"%s\" refusing: %s\ngot: %s", expected, sql, error->message);
}

static void
test_append_only (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *inserted = NULL;
  const char *fingerprint = "SELECT count(*) || ':' || md5(string_agg(id || action || outcome, ',' ORDER BY id))"
                            " FROM audit_event";

  before = sc_test_cluster_psql (fixture->cluster, fingerprint, &error);
  g_assert_no_error (error);

  /* as the daemon's own role: no privilege at all */
  assert_refused (fixture, "SET ROLE sendcase_app; UPDATE audit_event SET outcome = 'success'",
                  "permission denied for table audit_event");
  assert_refused (fixture, "SET ROLE sendcase_app; DELETE FROM audit_event", "permission denied for table audit_event");
  assert_refused (fixture, "SET ROLE sendcase_app; TRUNCATE audit_event", "permission denied for table audit_event");
  /* and the owner is stopped by the trigger */
  assert_refused (fixture, "UPDATE audit_event SET outcome = 'success'", "the audit trail is append-only");
  assert_refused (fixture, "DELETE FROM audit_event", "the audit trail is append-only");
  assert_refused (fixture, "TRUNCATE audit_event", "the audit trail is append-only");
  /* nor can the daemon's role delete users the trail points at */
  assert_refused (fixture, "SET ROLE sendcase_app; DELETE FROM app_user", "permission denied for table app_user");

  after = sc_test_cluster_psql (fixture->cluster, fingerprint, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before, ==, after);

  /* nor write it but through audit_entry, whose trigger runs as the owner */
  assert_refused (fixture, "SET ROLE sendcase_app; INSERT INTO audit_event (action, outcome)"
                           " VALUES ('test.append', 'success')", "permission denied for table audit_event");
  inserted = sc_test_cluster_psql (fixture->cluster,
                                   "SET ROLE sendcase_app; INSERT INTO audit_entry (actor, outcome)"
                                   " VALUES ('{\"action\": \"test.append\", \"username\": \"t\"}', 'success');"
                                   " RESET ROLE; SELECT action || ':' || username FROM audit_event ORDER BY id DESC LIMIT 1",
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpstr (inserted, ==, "test.append:t");
  /* an entry without an action is refused */
  assert_refused (fixture, "SET ROLE sendcase_app; INSERT INTO audit_entry (actor, outcome) VALUES ('{}', 'success')",
                  "needs an actor with an action");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/audit/reads-writes-sign-ins", Fixture, NULL, sc_test_server_setup,
              test_rows_for_reads_writes_sign_ins, sc_test_server_teardown);
  g_test_add ("/server/audit/api-filters-and-pages", Fixture, NULL, sc_test_server_setup, test_api_filters_and_pages,
              sc_test_server_teardown);
  g_test_add ("/server/audit/append-only", Fixture, NULL, sc_test_server_setup, test_append_only, sc_test_server_teardown);
  return g_test_run ();
}
