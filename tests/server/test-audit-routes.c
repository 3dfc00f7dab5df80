/* test-audit-routes.c
 *
 * Every audited route, called as it succeeds and as it is refused, and for
 * each call the audit rows it wrote, read from the database: exactly those
 * rows (none missing, none extra, none written by anything else in between),
 * every field of each (user id, username, role, action, resource type,
 * resource id or the ids a list showed, outcome, the X-Request-Id answered,
 * the source address). The route table itself says which routes are
 * audited: a route added without a case here fails the test.
 *
 * Then the proof that nothing else can write the trail: the application
 * role's own INSERT into audit_event is refused by PostgreSQL, and no source
 * file but the migration that makes audit_entry inserts into audit_event.
 * And nothing secret reached either log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"
#include "scd-routes.h"

typedef struct
{
  ScTestCluster *cluster;
  ScTestDaemon  *daemon;
  char          *seen;       /* the last audit id checked */
  GHashTable    *success;    /* "METHOD pattern" of routes seen succeed */
  GHashTable    *refused;    /* ... and refused */
} Fixture;

#define ROWS(...) ((const char * const []) { __VA_ARGS__, NULL })
#define NO_ROWS ((const char * const []) { NULL })

static char *
id_of (Fixture    *fixture,
       const char *username)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM app_user WHERE username = '%s'", username);

  return sc_test_psql (fixture->cluster, sql);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->cluster = sc_test_cluster_new (&error);
  g_assert_no_error (error);
  fixture->daemon = sc_test_daemon_spawn_demo (fixture->cluster, NULL);
  fixture->seen = sc_test_psql (fixture->cluster, "SELECT coalesce(max(id), 0) FROM audit_event");
  fixture->success = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture->refused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->daemon, sc_test_daemon_free);
  g_clear_pointer (&fixture->cluster, sc_test_cluster_free);
  g_clear_pointer (&fixture->seen, g_free);
  g_clear_pointer (&fixture->success, g_hash_table_unref);
  g_clear_pointer (&fixture->refused, g_hash_table_unref);
}

/* The rows written since the last check, oldest first, one line each:
 * user_id:username|role|action|resource_type|resource_id|resource_ids|outcome|request_id|source_address */
static char **
new_rows (Fixture *fixture)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT coalesce(string_agg(coalesce(user_id::text, '-') || ':' || coalesce(username, '-') || '|' ||"
    " coalesce(role, '-') || '|' || action || '|' || coalesce(resource_type, '-') || '|' ||"
    " coalesce(resource_id, '-') || '|' || coalesce(array_to_string(resource_ids, ','), '-') || '|' ||"
    " outcome || '|' || coalesce(request_id, '-') || '|' || coalesce(source_address, '-'), E'\\n' ORDER BY id), '')"
    " FROM audit_event WHERE id > %s", fixture->seen);
  g_autofree char *rows = sc_test_psql (fixture->cluster, sql);

  g_free (fixture->seen);
  fixture->seen = sc_test_psql (fixture->cluster, "SELECT coalesce(max(id), 0) FROM audit_event");
  return *rows == '\0' ? g_new0 (char *, 1) : g_strsplit (rows, "\n", -1);
}

/* Asserts @response's status and that exactly @expected rows were written
 * for it (each "user|role|action|type|id|ids|outcome"; the request id and
 * the address are added), and records the route as seen. */
static void
check (Fixture            *fixture,
       const char         *route,
       ScTestResponse     *response,
       guint               status,
       const char * const *expected)
{
  const char *request_id = soup_message_headers_get_one (response->headers, "X-Request-Id");
  g_auto(GStrv) rows = new_rows (fixture);
  guint n = g_strv_length ((char **) expected);

  if (response->status != status)
    g_error ("%s answered %u, not %u: %.*s", route, response->status, status,
             (int) g_bytes_get_size (response->body), (const char *) g_bytes_get_data (response->body, NULL));
  g_assert_nonnull (request_id);
  if (g_strv_length (rows) != n)
    {
      g_autofree char *got = g_strjoinv ("\n  ", rows);
      g_error ("%s (%u): %u audit rows, expected %u:\n  %s", route, status, g_strv_length (rows), n, got);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *want = g_strdup_printf ("%s|%s|127.0.0.1", expected[i], request_id);

      if (!g_str_equal (rows[i], want))
        g_error ("%s (%u), row %u:\n  got  %s\n  want %s", route, status, i, rows[i], want);
    }
  if (n > 0)
    g_hash_table_add (status < 300 ? fixture->success : fixture->refused, g_strdup (route));
}

static const char *
body_of (ScTestResponse *response)
{
  return g_bytes_get_data (response->body, NULL);
}

/* Signs in, checking the sign-in's own row; returns the token. */
static char *
sign_in (Fixture    *fixture,
         const char *username,
         const char *role)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"" SC_TEST_DEMO_PASSWORD "\"}",
                                           username);
  g_autoptr(ScTestResponse) response = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions",
                                                               "application/json", body, NULL);
  g_autofree char *id = id_of (fixture, username);
  g_autofree char *row = NULL;
  g_autofree char *session = NULL;

  g_assert_cmpuint (response->status, ==, 201);
  session = sc_test_psql (fixture->cluster, "SELECT max(id) FROM session");
  row = g_strdup_printf ("%s:%s|%s|session.create|session|%s|-|success", id, username, role, session);
  check (fixture, "POST /api/v1/sessions", response, 201, ROWS (row));
  return g_strdup (sc_test_response_get_string (response, "token"));
}

static ScTestResponse *
anonymous (Fixture    *fixture,
           const char *method,
           const char *path,
           const char *body)
{
  return sc_test_daemon_request (fixture->daemon, method, path, body != NULL ? "application/json" : NULL, body, NULL);
}

static void
test_sessions_and_me (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *officer = id_of (fixture, "officer");
  g_autofree char *manager = id_of (fixture, "manager");
  g_autofree char *token = NULL;
  g_autofree char *row = NULL;
  g_autofree char *session = NULL;

  /* a wrong password for a known user, an unknown user, a bad body */
  {
    g_autoptr(ScTestResponse) r = anonymous (fixture, "POST", "/api/v1/sessions",
                                             "{\"username\":\"officer\",\"password\":\"not-the-password\"}");
    row = g_strdup_printf ("%s:officer|admin_officer|session.create|session|-|-|failure", officer);
    check (fixture, "POST /api/v1/sessions", r, 401, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = anonymous (fixture, "POST", "/api/v1/sessions",
                                             "{\"username\":\" Nobody.Here \",\"password\":\"not-the-password\"}");
    check (fixture, "POST /api/v1/sessions", r, 401, ROWS ("-:nobody.here|-|session.create|session|-|-|failure"));
  }
  {
    g_autoptr(ScTestResponse) r = anonymous (fixture, "POST", "/api/v1/sessions", "{\"username\":\"officer\"}");
    check (fixture, "POST /api/v1/sessions", r, 422, NO_ROWS);
  }
  /* a locked-out name: four more failures (five in all), then the refusal */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(ScTestResponse) r = anonymous (fixture, "POST", "/api/v1/sessions",
                                               "{\"username\":\"nobody.here\",\"password\":\"not-the-password\"}");
      check (fixture, "POST /api/v1/sessions", r, 401, ROWS ("-:nobody.here|-|session.create|session|-|-|failure"));
    }
  {
    g_autoptr(ScTestResponse) r = anonymous (fixture, "POST", "/api/v1/sessions",
                                             "{\"username\":\"nobody.here\",\"password\":\"not-the-password\"}");
    check (fixture, "POST /api/v1/sessions", r, 429, ROWS ("-:nobody.here|-|session.create|session|-|-|denied"));
  }

  token = sign_in (fixture, "manager", "team_manager");
  session = sc_test_psql (fixture->cluster, "SELECT max(id) FROM session");

  /* who am I: not audited */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/me", NULL, NULL);
    check (fixture, "GET /api/v1/me", r, 200, NO_ROWS);
  }
  {
    g_autoptr(ScTestResponse) r = anonymous (fixture, "GET", "/api/v1/health", NULL);
    check (fixture, "GET /api/v1/health", r, 200, NO_ROWS);
  }

  /* one's own password: wrong, weak, changed */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/me/password",
                                                  "{\"current_password\":\"not-it-at-all\","
                                                  "\"new_password\":\"a-new-long-password\"}", NULL);
    g_free (row);
    row = g_strdup_printf ("%s:manager|team_manager|user.password.change|user|%s|-|failure", manager, manager);
    check (fixture, "POST /api/v1/me/password", r, 422, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/me/password",
                                                  "{\"current_password\":\"" SC_TEST_DEMO_PASSWORD "\","
                                                  "\"new_password\":\"short\"}", NULL);
    check (fixture, "POST /api/v1/me/password", r, 422, NO_ROWS);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/me/password",
                                                  "{\"current_password\":\"" SC_TEST_DEMO_PASSWORD "\","
                                                  "\"new_password\":\"a-new-long-password\"}", NULL);
    g_free (row);
    row = g_strdup_printf ("%s:manager|team_manager|user.password.change|user|%s|-|success", manager, manager);
    check (fixture, "POST /api/v1/me/password", r, 204, ROWS (row));
  }

  /* sign out, and the token is refused from then on (a 401 is not audited) */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "DELETE", "/api/v1/sessions/current",
                                                  NULL, NULL);
    g_free (row);
    row = g_strdup_printf ("%s:manager|team_manager|session.delete|session|%s|-|success", manager, session);
    check (fixture, "DELETE /api/v1/sessions/current", r, 204, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "DELETE", "/api/v1/sessions/current",
                                                  NULL, NULL);
    check (fixture, "DELETE /api/v1/sessions/current", r, 401, NO_ROWS);
  }
}

static void
test_own_password_lockout (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *token = sign_in (fixture, "officer", "admin_officer");
  g_autofree char *officer = id_of (fixture, "officer");
  g_autofree char *failure = g_strdup_printf ("%s:officer|admin_officer|user.password.change|user|%s|-|failure",
                                              officer, officer);
  g_autofree char *denied = g_strdup_printf ("%s:officer|admin_officer|user.password.change|user|%s|-|denied",
                                             officer, officer);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/me/password",
                                                    "{\"current_password\":\"guess-number-x\","
                                                    "\"new_password\":\"a-new-long-password\"}", NULL);
      check (fixture, "POST /api/v1/me/password", r, 422, ROWS (failure));
    }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/me/password",
                                                  "{\"current_password\":\"" SC_TEST_DEMO_PASSWORD "\","
                                                  "\"new_password\":\"a-new-long-password\"}", NULL);
    check (fixture, "POST /api/v1/me/password", r, 429, ROWS (denied));
    g_assert_nonnull (soup_message_headers_get_one (r->headers, "Retry-After"));
  }
  /* the same lock holds for signing in */
  {
    g_autoptr(ScTestResponse) r = anonymous (fixture, "POST", "/api/v1/sessions",
                                             "{\"username\":\"officer\",\"password\":\"" SC_TEST_DEMO_PASSWORD "\"}");
    check (fixture, "POST /api/v1/sessions", r, 429, ROWS ("-:officer|-|session.create|session|-|-|denied"));
  }
}

static void
test_users_and_audit (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *admin = sign_in (fixture, "sysadmin", "system_admin");
  g_autofree char *worker = sign_in (fixture, "caseworker", "caseworker");
  g_autofree char *admin_id = id_of (fixture, "sysadmin");
  g_autofree char *worker_id = id_of (fixture, "caseworker");
  g_autofree char *all_ids = sc_test_psql (fixture->cluster, "SELECT string_agg(id::text, ',' ORDER BY id) FROM app_user");
  g_autofree char *first_two = sc_test_psql (fixture->cluster, "SELECT string_agg(id::text, ',' ORDER BY id)"
                                              " FROM (SELECT id FROM app_user ORDER BY id LIMIT 2) x");
  g_autofree char *row = NULL;
  g_autofree char *new_id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reset_path = NULL;
  g_autofree char *self_path = g_strconcat ("/api/v1/users/", admin_id, NULL);
  const char *key[] = { "Idempotency-Key", "audit-routes-1", NULL };
  const char *create = "{\"username\":\"new.worker\",\"role\":\"caseworker\",\"password\":\"a-long-password-1\"}";

#define AS_WORKER(rest) g_strdup_printf ("%s:caseworker|caseworker|" rest, worker_id)

  /* list: the ids of the users shown, page by page */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/users", NULL, NULL);
    row = g_strdup_printf ("%s:sysadmin|system_admin|user.list|user|-|%s|success", admin_id, all_ids);
    check (fixture, "GET /api/v1/users", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/users?limit=2", NULL, NULL);
    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|user.list|user|-|%s|success", admin_id, first_two);
    check (fixture, "GET /api/v1/users", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/users?role=boss", NULL, NULL);
    check (fixture, "GET /api/v1/users", r, 422, NO_ROWS);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/users", NULL, NULL);
    g_free (row);
    row = AS_WORKER ("user.list|user|-|-|denied");
    check (fixture, "GET /api/v1/users", r, 403, ROWS (row));
  }

  /* create: the new id; its replay; a duplicate, bad input and a role that may not */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "POST", "/api/v1/users", create, key);
    g_assert_cmpuint (r->status, ==, 201);
    new_id = g_strdup_printf ("%" G_GINT64_FORMAT, sc_test_response_get_int (r, "id"));
    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|user.create|user|%s|-|success", admin_id, new_id);
    check (fixture, "POST /api/v1/users", r, 201, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "POST", "/api/v1/users", create, key);
    g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Idempotent-Replayed"), ==, "true");
    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|user.create|user|%s|-|replayed", admin_id, new_id);
    check (fixture, "POST /api/v1/users", r, 201, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "POST", "/api/v1/users", create, NULL);
    check (fixture, "POST /api/v1/users", r, 409, NO_ROWS);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "POST", "/api/v1/users",
                                                  "{\"username\":\"bad.name\\n\",\"role\":\"caseworker\","
                                                  "\"password\":\"a-long-password-1\"}", NULL);
    g_assert_nonnull (strstr (body_of (r), "\"field\":\"username\""));
    check (fixture, "POST /api/v1/users", r, 422, NO_ROWS);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/users", create, NULL);
    g_free (row);
    row = AS_WORKER ("user.create|user|-|-|denied");
    check (fixture, "POST /api/v1/users", r, 403, ROWS (row));
  }

  /* read: the id; nothing for a user that does not exist */
  path = g_strconcat ("/api/v1/users/", new_id, NULL);
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", path, NULL, NULL);
    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|user.read|user|%s|-|success", admin_id, new_id);
    check (fixture, "GET /api/v1/users/{id}", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/users/999999", NULL, NULL);
    check (fixture, "GET /api/v1/users/{id}", r, 404, NO_ROWS);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", path, NULL, NULL);
    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|user.read|user|%s|-|denied", worker_id, new_id);
    check (fixture, "GET /api/v1/users/{id}", r, 403, ROWS (row));
  }

  /* update: the id; nothing for a stale or missing If-Match; a refused
   * self-deactivation is denied, with the id */
  {
    const char *fresh[] = { "If-Match", "\"1\"", NULL };
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "PATCH", path, "{\"full_name\":\"New\"}",
                                                  fresh);
    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|user.update|user|%s|-|success", admin_id, new_id);
    check (fixture, "PATCH /api/v1/users/{id}", r, 200, ROWS (row));
  }
  {
    const char *stale[] = { "If-Match", "\"1\"", NULL };
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "PATCH", path, "{\"full_name\":\"Lost\"}",
                                                  stale);
    check (fixture, "PATCH /api/v1/users/{id}", r, 412, NO_ROWS);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "PATCH", path, "{\"full_name\":\"Lost\"}",
                                                  NULL);
    check (fixture, "PATCH /api/v1/users/{id}", r, 428, NO_ROWS);
  }
  {
    const char *any[] = { "If-Match", "\"1\"", NULL };
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "PATCH", self_path, "{\"active\":false}",
                                                  any);
    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|user.update|user|%s|-|denied", admin_id, admin_id);
    check (fixture, "PATCH /api/v1/users/{id}", r, 409, ROWS (row));
  }
  {
    const char *any[] = { "If-Match", "\"2\"", NULL };
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "PATCH", path, "{\"full_name\":\"X\"}",
                                                  any);
    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|user.update|user|%s|-|denied", worker_id, new_id);
    check (fixture, "PATCH /api/v1/users/{id}", r, 403, ROWS (row));
  }

  /* password reset */
  reset_path = g_strconcat (path, "/password", NULL);
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "POST", reset_path,
                                                  "{\"new_password\":\"another-long-password\"}", NULL);
    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|user.password.reset|user|%s|-|success", admin_id, new_id);
    check (fixture, "POST /api/v1/users/{id}/password", r, 204, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "POST", "/api/v1/users/999999/password",
                                                  "{\"new_password\":\"another-long-password\"}", NULL);
    check (fixture, "POST /api/v1/users/{id}/password", r, 404, NO_ROWS);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", reset_path,
                                                  "{\"new_password\":\"another-long-password\"}", NULL);
    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|user.password.reset|user|%s|-|denied", worker_id, new_id);
    check (fixture, "POST /api/v1/users/{id}/password", r, 403, ROWS (row));
  }

  /* the trail: the ids of the events shown */
  {
    g_autofree char *shown = NULL;
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/audit?limit=3", NULL, NULL);
    JsonArray *items = json_object_get_array_member (json_node_get_object (r->json), "items");
    g_autoptr(GString) ids = g_string_new (NULL);

    for (guint i = 0; i < json_array_get_length (items); i++)
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              json_object_get_int_member (json_array_get_object_element (items, i), "id"));
    g_assert_cmpuint (json_array_get_length (items), ==, 3);
    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|audit.read|audit|-|%s|success", admin_id, ids->str);
    check (fixture, "GET /api/v1/audit", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/audit?from=never", NULL,
                                                  NULL);
    check (fixture, "GET /api/v1/audit", r, 422, NO_ROWS);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/audit", NULL, NULL);
    g_free (row);
    row = AS_WORKER ("audit.read|audit|-|-|denied");
    check (fixture, "GET /api/v1/audit", r, 403, ROWS (row));
  }
  /* finding a record finds the list reads that showed it */
  {
    g_autofree char *query = g_strdup_printf ("/api/v1/audit?resource_type=user&resource_id=%s", new_id);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", query, NULL, NULL);
    JsonArray *items = json_object_get_array_member (json_node_get_object (r->json), "items");
    g_autoptr(GString) actions = g_string_new (NULL);
    g_autoptr(GString) ids = g_string_new (NULL);

    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonObject *item = json_array_get_object_element (items, i);

        g_string_append_printf (actions, "%s%s:%s", i > 0 ? "," : "", json_object_get_string_member (item, "action"),
                                json_object_get_string_member (item, "outcome"));
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", json_object_get_int_member (item, "id"));
      }
    g_assert_cmpstr (actions->str, ==, "user.password.reset:denied,user.password.reset:success,user.update:denied,"
                                       "user.update:success,user.read:denied,user.read:success,"
                                       "user.create:replayed,user.create:success");
    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|audit.read|audit|-|%s|success", admin_id, ids->str);
    check (fixture, "GET /api/v1/audit", r, 200, ROWS (row));
  }
  /* a later list shows the new user: found by its id too */
  {
    g_autofree char *ids = sc_test_psql (fixture->cluster, "SELECT string_agg(id::text, ',' ORDER BY id) FROM app_user");
    g_autofree char *query = g_strdup_printf ("/api/v1/audit?resource_id=%s&limit=1", new_id);
    g_autoptr(ScTestResponse) listed = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/users", NULL, NULL);
    g_autoptr(ScTestResponse) r = NULL;
    JsonObject *item;

    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|user.list|user|-|%s|success", admin_id, ids);
    check (fixture, "GET /api/v1/users", listed, 200, ROWS (row));
    r = sc_test_authed (fixture->daemon, admin, "GET", query, NULL, NULL);
    item = json_array_get_object_element (json_object_get_array_member (json_node_get_object (r->json), "items"), 0);
    g_assert_cmpstr (json_object_get_string_member (item, "action"), ==, "user.list");
    g_assert_cmpstr (json_object_get_string_member (item, "request_id"), ==,
                     soup_message_headers_get_one (listed->headers, "X-Request-Id"));
    g_strfreev (new_rows (fixture));
  }
#undef AS_WORKER
}

/* People: case content, so the system administrator is the one refused. */
static void
test_people (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *worker = sign_in (fixture, "caseworker", "caseworker");
  g_autofree char *admin = sign_in (fixture, "sysadmin", "system_admin");
  g_autofree char *worker_id = id_of (fixture, "caseworker");
  g_autofree char *admin_id = id_of (fixture, "sysadmin");
  g_autofree char *row = NULL;
  g_autofree char *new_id = NULL;
  g_autofree char *path = NULL;
  const char *key[] = { "Idempotency-Key", "audit-routes-people", NULL };
  const char *v1[] = { "If-Match", "\"1\"", NULL };
  const char *create = "{\"given_name\":\"Zoë\",\"family_name\":\"O'Brien\",\"date_of_birth\":\"2016-04-01\"}";

  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/people", create, key);

    new_id = g_strdup_printf ("%" G_GINT64_FORMAT, sc_test_response_get_int (r, "id"));
    row = g_strdup_printf ("%s:caseworker|caseworker|person.create|person|%s|-|success", worker_id, new_id);
    check (fixture, "POST /api/v1/people", r, 201, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/people", create, key);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|person.create|person|%s|-|replayed", worker_id, new_id);
    check (fixture, "POST /api/v1/people", r, 201, ROWS (row));
  }
  {
    /* a near match, and a bad field: nothing written, nothing recorded */
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/people", create, NULL);
    g_autoptr(ScTestResponse) bad = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/people",
                                                    "{\"given_name\":\"X\"}", NULL);

    check (fixture, "POST /api/v1/people", r, 409, NO_ROWS);
    check (fixture, "POST /api/v1/people", bad, 422, NO_ROWS);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "POST", "/api/v1/people", create, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|person.create|person|-|-|denied", admin_id);
    check (fixture, "POST /api/v1/people", r, 403, ROWS (row));
  }

  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/people?q=zoe", NULL,
                                                  NULL);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|person.list|person|-|%s|success", worker_id, new_id);
    check (fixture, "GET /api/v1/people", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/people?q=nobody", NULL,
                                                  NULL);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|person.list|person|-||success", worker_id);
    check (fixture, "GET /api/v1/people", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/people?limit=0", NULL,
                                                  NULL);

    check (fixture, "GET /api/v1/people", r, 422, NO_ROWS);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/people", NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|person.list|person|-|-|denied", admin_id);
    check (fixture, "GET /api/v1/people", r, 403, ROWS (row));
  }

  path = g_strconcat ("/api/v1/people/", new_id, NULL);
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", path, NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|person.read|person|%s|-|success", worker_id, new_id);
    check (fixture, "GET /api/v1/people/{id}", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/people/999999", NULL,
                                                  NULL);

    check (fixture, "GET /api/v1/people/{id}", r, 404, NO_ROWS);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", path, NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|person.read|person|%s|-|denied", admin_id, new_id);
    check (fixture, "GET /api/v1/people/{id}", r, 403, ROWS (row));
  }

  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "PATCH", path, "{\"sex\":\"female\"}", v1);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|person.update|person|%s|-|success", worker_id, new_id);
    check (fixture, "PATCH /api/v1/people/{id}", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "PATCH", path, "{\"sex\":\"male\"}", v1);

    check (fixture, "PATCH /api/v1/people/{id}", r, 412, NO_ROWS);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "PATCH", path, "{\"sex\":\"male\"}", v1);

    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|person.update|person|%s|-|denied", admin_id, new_id);
    check (fixture, "PATCH /api/v1/people/{id}", r, 403, ROWS (row));
  }
}

/* Cases: each route's row, its refusals by role, and a caseworker's write
 * to a case that is not theirs, refused in the store (denied). */
static void
test_cases (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *worker = sign_in (fixture, "caseworker", "caseworker");
  g_autofree char *admin = sign_in (fixture, "sysadmin", "system_admin");
  /* test_sessions_and_me changed the manager's password */
  g_autofree char *manager = sc_test_sign_in (fixture->daemon, "manager", "a-new-long-password");
  g_autofree char *worker_id = id_of (fixture, "caseworker");
  g_autofree char *manager_id = id_of (fixture, "manager");
  g_autofree char *admin_id = id_of (fixture, "sysadmin");
  g_autofree char *row = NULL;
  g_autofree char *person = NULL;
  g_autofree char *create = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *other_id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *events = NULL;
  g_autofree char *timeline = NULL;
  g_autofree char *event_id = NULL;
  g_autofree char *void_path = NULL;
  const char *key[] = { "Idempotency-Key", "audit-routes-cases", NULL };
  const char *event_key[] = { "Idempotency-Key", "audit-routes-event", NULL };
  const char *v1[] = { "If-Match", "\"1\"", NULL };

  g_assert_nonnull (manager);
  g_strfreev (new_rows (fixture));
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/people",
                                                  "{\"given_name\":\"Ivo\",\"family_name\":\"Lang\","
                                                  "\"date_of_birth\":\"2017-05-01\"}", NULL);

    g_assert_cmpuint (r->status, ==, 201);
    person = g_strdup_printf ("%" G_GINT64_FORMAT, sc_test_response_get_int (r, "id"));
    g_strfreev (new_rows (fixture));
  }
  create = g_strdup_printf ("{\"person_id\":%s,\"request_received\":\"2026-03-02\",\"request_source\":\"setting\"}",
                            person);
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/cases", create, key);

    g_assert_cmpuint (r->status, ==, 201);
    case_id = g_strdup_printf ("%" G_GINT64_FORMAT, sc_test_response_get_int (r, "id"));
    row = g_strdup_printf ("%s:caseworker|caseworker|case.create|case|%s|-|success", worker_id, case_id);
    check (fixture, "POST /api/v1/cases", r, 201, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/cases", create, key);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|case.create|case|%s|-|replayed", worker_id, case_id);
    check (fixture, "POST /api/v1/cases", r, 201, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/cases",
                                                  "{\"person_id\":999999,\"request_received\":\"2026-03-02\","
                                                  "\"request_source\":\"parent\"}", NULL);

    check (fixture, "POST /api/v1/cases", r, 422, NO_ROWS);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "POST", "/api/v1/cases", create, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|case.create|case|-|-|denied", admin_id);
    check (fixture, "POST /api/v1/cases", r, 403, ROWS (row));
  }
  /* Ivo's case is open: a second is refused, and nothing is written. */
  {
    g_autofree char *body = g_strdup_printf ("{\"person_id\":%s,\"request_received\":\"2026-03-02\","
                                             "\"request_source\":\"parent\",\"owner_id\":%s}", person, manager_id);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "POST", "/api/v1/cases", body, NULL);

    check (fixture, "POST /api/v1/cases", r, 409, NO_ROWS);
  }
  /* His sister's, the manager's own. */
  {
    g_autoptr(ScTestResponse) p = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/people",
                                                  "{\"given_name\":\"Mira\",\"family_name\":\"Lang\","
                                                  "\"date_of_birth\":\"2019-02-11\"}", NULL);
    g_autofree char *body = NULL;
    g_autoptr(ScTestResponse) r = NULL;

    g_assert_cmpuint (p->status, ==, 201);
    g_strfreev (new_rows (fixture));
    body = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":\"2026-03-02\","
                            "\"request_source\":\"parent\",\"owner_id\":%s}", sc_test_response_get_int (p, "id"),
                            manager_id);
    r = sc_test_authed (fixture->daemon, manager, "POST", "/api/v1/cases", body, NULL);

    g_assert_cmpuint (r->status, ==, 201);
    other_id = g_strdup_printf ("%" G_GINT64_FORMAT, sc_test_response_get_int (r, "id"));
    g_strfreev (new_rows (fixture));
  }

  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/cases?q=lang", NULL,
                                                  NULL);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|case.list|case|-|%s,%s|success", worker_id, case_id, other_id);
    check (fixture, "GET /api/v1/cases", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/caseload?status=overdue",
                                                  NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|caseload.read|case|-|%s|success", worker_id, case_id);
    check (fixture, "GET /api/v1/caseload", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/caseload", NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|caseload.read|case|-|-|denied", admin_id);
    check (fixture, "GET /api/v1/caseload", r, 403, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/caseload/counts", NULL,
                                                  NULL);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|caseload.counts.read|case|-|-|success", worker_id);
    check (fixture, "GET /api/v1/caseload/counts", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/caseload/counts", NULL,
                                                  NULL);

    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|caseload.counts.read|case|-|-|denied", admin_id);
    check (fixture, "GET /api/v1/caseload/counts", r, 403, ROWS (row));
  }
  /* the team's: a manager's, refused to everyone else */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/workload", NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:manager|team_manager|workload.read|case|-|-|success", manager_id);
    check (fixture, "GET /api/v1/workload", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/workload", NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|workload.read|case|-|-|denied", worker_id);
    check (fixture, "GET /api/v1/workload", r, 403, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/deadlines?status=overdue",
                                                  NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:manager|team_manager|deadlines.read|case|-|%s,%s|success", manager_id, case_id,
                           other_id);
    check (fixture, "GET /api/v1/deadlines", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/deadlines", NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|deadlines.read|case|-|-|denied", worker_id);
    check (fixture, "GET /api/v1/deadlines", r, 403, ROWS (row));
  }
  {
    g_autofree char *there = g_strdup_printf ("{\"from_owner_id\":%s,\"to_owner_id\":%s,\"case_ids\":[%s],"
                                              "\"note\":\"while Tom is away\"}", manager_id, worker_id, other_id);
    g_autofree char *back = g_strdup_printf ("{\"from_owner_id\":%s,\"to_owner_id\":%s,\"case_ids\":[%s],"
                                             "\"note\":\"back to Tom\"}", worker_id, manager_id, other_id);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "POST", "/api/v1/caseload/handover",
                                                  there, NULL);
    g_autoptr(ScTestResponse) r2 = NULL;
    g_autoptr(ScTestResponse) r3 = NULL;

    g_free (row);
    row = g_strdup_printf ("%s:manager|team_manager|caseload.handover|case|-|%s|success", manager_id, other_id);
    check (fixture, "POST /api/v1/caseload/handover", r, 200, ROWS (row));
    r2 = sc_test_authed (fixture->daemon, manager, "POST", "/api/v1/caseload/handover", back, NULL);
    check (fixture, "POST /api/v1/caseload/handover", r2, 200, ROWS (row));
    r3 = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/caseload/handover", back, NULL);
    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|caseload.handover|case|-|-|denied", worker_id);
    check (fixture, "POST /api/v1/caseload/handover", r3, 403, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/cases", NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|case.list|case|-|-|denied", admin_id);
    check (fixture, "GET /api/v1/cases", r, 403, ROWS (row));
  }

  path = g_strconcat ("/api/v1/cases/", case_id, NULL);
  events = g_strconcat (path, "/events", NULL);
  timeline = g_strconcat (path, "/timeline", NULL);
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", path, NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|case.read|case|%s|-|success", worker_id, case_id);
    check (fixture, "GET /api/v1/cases/{id}", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/cases/999999", NULL,
                                                  NULL);

    check (fixture, "GET /api/v1/cases/{id}", r, 404, NO_ROWS);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", path, NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|case.read|case|%s|-|denied", admin_id, case_id);
    check (fixture, "GET /api/v1/cases/{id}", r, 403, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "PATCH", path, "{\"notes\":\"n\"}", v1);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|case.update|case|%s|-|success", worker_id, case_id);
    check (fixture, "PATCH /api/v1/cases/{id}", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "PATCH", path, "{\"notes\":\"m\"}", v1);

    check (fixture, "PATCH /api/v1/cases/{id}", r, 412, NO_ROWS);
  }
  {
    g_autofree char *other = g_strconcat ("/api/v1/cases/", other_id, NULL);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "PATCH", other, "{\"notes\":\"m\"}", v1);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|case.update|case|%s|-|denied", worker_id, other_id);
    check (fixture, "PATCH /api/v1/cases/{id}", r, 403, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", events,
                                                  "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}",
                                                  event_key);

    g_assert_cmpuint (r->status, ==, 201);
    event_id = g_strdup_printf ("%" G_GINT64_FORMAT, sc_test_response_get_int (r, "id"));
    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|case.event.create|case|%s|-|success", worker_id, case_id);
    check (fixture, "POST /api/v1/cases/{id}/events", r, 201, ROWS (row));
  }
  {
    /* the retry: the first answer, recorded once more as replayed, against the case */
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", events,
                                                  "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}",
                                                  event_key);

    g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Idempotent-Replayed"), ==, "true");
    g_assert_cmpint (sc_test_response_get_int (r, "id"), ==, g_ascii_strtoll (event_id, NULL, 10));
    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|case.event.create|case|%s|-|replayed", worker_id, case_id);
    check (fixture, "POST /api/v1/cases/{id}/events", r, 201, ROWS (row));
  }
  {
    /* the key for another event: 422, nothing written, no row */
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", events,
                                                  "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-07\"}",
                                                  event_key);

    check (fixture, "POST /api/v1/cases/{id}/events", r, 422, NO_ROWS);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", events,
                                                  "{\"type\":\"review_meeting\",\"date\":\"2026-04-07\"}", NULL);

    check (fixture, "POST /api/v1/cases/{id}/events", r, 422, NO_ROWS);
  }
  {
    g_autofree char *other = g_strconcat ("/api/v1/cases/", other_id, "/events", NULL);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", other,
                                                  "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}", NULL);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|case.event.create|case|%s|-|denied", worker_id, other_id);
    check (fixture, "POST /api/v1/cases/{id}/events", r, 403, ROWS (row));
  }
  void_path = g_strconcat (events, "/", event_id, "/void", NULL);
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "POST", void_path,
                                                  "{\"reason\":\"wrong\"}", NULL);

    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|case.event.void|case|%s|-|denied", admin_id, case_id);
    check (fixture, "POST /api/v1/cases/{id}/events/{event_id}/void", r, 403, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", void_path,
                                                  "{\"reason\":\"recorded too early\"}", NULL);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|case.event.void|case|%s|-|success", worker_id, case_id);
    check (fixture, "POST /api/v1/cases/{id}/events/{event_id}/void", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", events, NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|case.event.list|case|%s|-|success", worker_id, case_id);
    check (fixture, "GET /api/v1/cases/{id}/events", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", events, NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|case.event.list|case|%s|-|denied", admin_id, case_id);
    check (fixture, "GET /api/v1/cases/{id}/events", r, 403, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", timeline, NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|case.timeline.read|case|%s|-|success", worker_id, case_id);
    check (fixture, "GET /api/v1/cases/{id}/timeline", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", timeline, NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|case.timeline.read|case|%s|-|denied", admin_id, case_id);
    check (fixture, "GET /api/v1/cases/{id}/timeline", r, 403, ROWS (row));
  }
  {
    g_autofree char *plan = g_strconcat (path, "/plan", NULL);
    g_autofree char *section = g_strconcat (path, "/plan/sections/a", NULL);
    g_autofree char *other_section = g_strconcat ("/api/v1/cases/", other_id, "/plan/sections/a", NULL);
    g_autofree char *plan_case = NULL;
    g_autofree char *versions = NULL;
    g_autofree char *version = NULL;
    g_autofree char *diff = NULL;
    g_autofree char *pdf = NULL;
    const char *first[] = { "If-None-Match", "*", NULL };
    static const struct {
      const char *who;
      const char *method;
      int         target;   /* 0 the draft, 1 its section a, 2 the other case's section a, 3 its versions,
                               4 its version 1, 5 versions 1 and 2 compared, 6 version 2 as PDF: of a case
                               with two issued */
      const char *route;
      const char *action;
      guint       status;
    } calls[] = {
      { "caseworker", "GET", 0, "GET /api/v1/cases/{id}/plan", "plan.read", 200 },
      { "sysadmin", "GET", 0, "GET /api/v1/cases/{id}/plan", "plan.read", 403 },
      { "caseworker", "PUT", 1, "PUT /api/v1/cases/{id}/plan/sections/{section}", "plan.section.update", 200 },
      { "caseworker", "PUT", 2, "PUT /api/v1/cases/{id}/plan/sections/{section}", "plan.section.update", 403 },
      { "sysadmin", "PUT", 1, "PUT /api/v1/cases/{id}/plan/sections/{section}", "plan.section.update", 403 },
      { "caseworker", "GET", 1, "GET /api/v1/cases/{id}/plan/sections/{section}", "plan.section.read", 200 },
      { "sysadmin", "GET", 1, "GET /api/v1/cases/{id}/plan/sections/{section}", "plan.section.read", 403 },
      { "caseworker", "GET", 3, "GET /api/v1/cases/{id}/plan/versions", "plan.version.list", 200 },
      { "sysadmin", "GET", 3, "GET /api/v1/cases/{id}/plan/versions", "plan.version.list", 403 },
      { "caseworker", "GET", 4, "GET /api/v1/cases/{id}/plan/versions/{number}", "plan.version.read", 200 },
      { "sysadmin", "GET", 4, "GET /api/v1/cases/{id}/plan/versions/{number}", "plan.version.read", 403 },
      { "caseworker", "GET", 5, "GET /api/v1/cases/{id}/plan/versions/{number}/diff/{other}", "plan.version.diff",
        200 },
      { "sysadmin", "GET", 5, "GET /api/v1/cases/{id}/plan/versions/{number}/diff/{other}", "plan.version.diff",
        403 },
      { "caseworker", "GET", 6, "GET /api/v1/cases/{id}/plan/versions/{number}/pdf", "plan.version.pdf", 200 },
      { "sysadmin", "GET", 6, "GET /api/v1/cases/{id}/plan/versions/{number}/pdf", "plan.version.pdf", 403 },
    };

    /* a case of its own with a draft and a final plan issued, unaudited here */
    {
      g_autoptr(ScTestResponse) p = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/people",
                                                    "{\"given_name\":\"Pia\",\"family_name\":\"Plan\","
                                                    "\"date_of_birth\":\"2017-05-01\"}", NULL);
      g_autofree char *open = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":"
                                               "\"2026-03-02\",\"request_source\":\"parent\"}",
                                               sc_test_response_get_int (p, "id"));
      g_autoptr(ScTestResponse) c = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/cases", open, NULL);
      static const char * const issued[] = {
        "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}",
        "{\"type\":\"draft_plan_issued\",\"date\":\"2026-06-15\"}",
        "{\"type\":\"final_plan_issued\",\"date\":\"2026-07-13\"}",
      };
      g_autofree char *plan_events = NULL;

      g_assert_cmpuint (c->status, ==, 201);
      plan_case = g_strdup_printf ("%" G_GINT64_FORMAT, sc_test_response_get_int (c, "id"));
      plan_events = g_strconcat ("/api/v1/cases/", plan_case, "/events", NULL);
      for (guint i = 0; i < G_N_ELEMENTS (issued); i++)
        {
          g_autoptr(ScTestResponse) e = sc_test_authed (fixture->daemon, worker, "POST", plan_events, issued[i], NULL);

          g_assert_cmpuint (e->status, ==, 201);
        }
      versions = g_strconcat ("/api/v1/cases/", plan_case, "/plan/versions", NULL);
      version = g_strconcat (versions, "/1", NULL);
      diff = g_strconcat (versions, "/1/diff/2", NULL);
      pdf = g_strconcat (versions, "/2/pdf", NULL);
      g_strfreev (new_rows (fixture));
    }
    for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
      {
        gboolean as_admin = g_str_equal (calls[i].who, "sysadmin");
        const char *targets[] = { plan, section, other_section, versions, version, diff, pdf };
        const char *resource = calls[i].target == 2 ? other_id : calls[i].target >= 3 ? plan_case : case_id;
        const char *target = targets[calls[i].target];
        gboolean put = g_str_equal (calls[i].method, "PUT");
        g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, as_admin ? admin : worker, calls[i].method,
                                                      target, put ? "{\"content\":{\"text\":\"Likes trains\"}}" : NULL,
                                                      put ? first : NULL);

        g_free (row);
        row = g_strdup_printf ("%s:%s|%s|%s|case|%s|-|%s", as_admin ? admin_id : worker_id, calls[i].who,
                               as_admin ? "system_admin" : "caseworker", calls[i].action,
                               resource, calls[i].status == 200 ? "success" : "denied");
        check (fixture, calls[i].route, r, calls[i].status, ROWS (row));
      }
    /* issuing through the plan's route: one row, as its own action */
    {
      g_autofree char *other_versions = g_strconcat ("/api/v1/cases/", other_id, "/plan/versions", NULL);
      g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", versions,
                                                    "{\"kind\":\"proposed\",\"date\":\"2026-08-03\"}", NULL);
      g_autoptr(ScTestResponse) denied = NULL;

      g_free (row);
      row = g_strdup_printf ("%s:caseworker|caseworker|plan.version.create|case|%s|-|success", worker_id,
                             plan_case);
      check (fixture, "POST /api/v1/cases/{id}/plan/versions", r, 201, ROWS (row));
      denied = sc_test_authed (fixture->daemon, worker, "POST", other_versions,
                               "{\"kind\":\"draft\",\"date\":\"2026-08-03\"}", NULL);
      g_free (row);
      row = g_strdup_printf ("%s:caseworker|caseworker|plan.version.create|case|%s|-|denied", worker_id, other_id);
      check (fixture, "POST /api/v1/cases/{id}/plan/versions", denied, 403, ROWS (row));
    }
  }
  /* advice asked for in April and never received: on the chase list */
  {
    g_autoptr(ScTestResponse) assess = sc_test_authed (fixture->daemon, worker, "POST", events,
                                                       "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}",
                                                       NULL);
    g_autoptr(ScTestResponse) ask = sc_test_authed (fixture->daemon, worker, "POST", events,
                                                    "{\"type\":\"advice_requested\",\"date\":\"2026-04-08\","
                                                    "\"key\":\"health\"}", NULL);

    g_assert_cmpuint (assess->status, ==, 201);
    g_assert_cmpuint (ask->status, ==, 201);
    g_strfreev (new_rows (fixture));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/advice-requests?status=overdue",
                                                  NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|advice.list|case|-|%s|success", worker_id, case_id);
    check (fixture, "GET /api/v1/advice-requests", r, 200, ROWS (row));
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/advice-requests", NULL, NULL);

    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|advice.list|case|-|-|denied", admin_id);
    check (fixture, "GET /api/v1/advice-requests", r, 403, ROWS (row));
  }
  /* the institution directory: any signed-in user's read is recorded, with the URN read */
  {
    g_autofree char *added = sc_test_psql (fixture->cluster, "INSERT INTO institution (urn, name, status)"
                                           " VALUES (100000, 'The Aldgate School', 'Open') RETURNING urn");
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/institutions?q=aldgate",
                                                  NULL, NULL);
    g_autoptr(ScTestResponse) one = NULL;

    g_free (row);
    row = g_strdup_printf ("%s:sysadmin|system_admin|institution.list|institution|-|-|success", admin_id);
    check (fixture, "GET /api/v1/institutions", r, 200, ROWS (row));
    one = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/institutions/100000", NULL, NULL);
    g_free (row);
    row = g_strdup_printf ("%s:caseworker|caseworker|institution.read|institution|100000|-|success", worker_id);
    check (fixture, "GET /api/v1/institutions/{urn}", one, 200, ROWS (row));
  }
  /* a plan issued in July 2025: its first review is overdue */
  {
    g_autoptr(ScTestResponse) p = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/people",
                                                  "{\"given_name\":\"Rhys\",\"family_name\":\"Review\","
                                                  "\"date_of_birth\":\"2014-02-01\"}", NULL);
    g_autofree char *open = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":"
                                             "\"2025-02-17\",\"request_source\":\"parent\"}",
                                             sc_test_response_get_int (p, "id"));
    g_autoptr(ScTestResponse) c = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/cases", open, NULL);
    static const char * const steps[] = {
      "{\"type\":\"decided_to_assess\",\"date\":\"2025-03-31\"}",
      "{\"type\":\"draft_plan_issued\",\"date\":\"2025-06-09\"}",
      "{\"type\":\"final_plan_issued\",\"date\":\"2025-07-07\"}",
    };
    g_autofree char *review_case = NULL;
    g_autofree char *review_events = NULL;
    g_autofree char *reviews = NULL;
    g_autofree char *review = NULL;
    g_autofree char *shown = NULL;
    const char *first[] = { "If-None-Match", "*", NULL };
    static const char change[] = "{\"invitations_sent\":\"2026-06-01\",\"meeting_planned\":\"2026-06-19\","
                                 "\"attendees\":[\"Rhys's father\"],\"reasons\":null}";

    g_assert_cmpuint (c->status, ==, 201);
    review_case = g_strdup_printf ("%" G_GINT64_FORMAT, sc_test_response_get_int (c, "id"));
    review_events = g_strconcat ("/api/v1/cases/", review_case, "/events", NULL);
    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        g_autoptr(ScTestResponse) e = sc_test_authed (fixture->daemon, worker, "POST", review_events, steps[i],
                                                      NULL);

        g_assert_cmpuint (e->status, ==, 201);
        if (i == G_N_ELEMENTS (steps) - 1)
          review = g_strdup_printf ("/api/v1/cases/%s/reviews/%" G_GINT64_FORMAT, review_case,
                                    sc_test_response_get_int (e, "id"));
      }
    reviews = g_strconcat ("/api/v1/cases/", review_case, "/reviews", NULL);
    g_strfreev (new_rows (fixture));
    {
      g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", reviews, NULL, NULL);
      g_autoptr(ScTestResponse) denied = NULL;

      g_free (row);
      row = g_strdup_printf ("%s:caseworker|caseworker|review.list|case|%s|-|success", worker_id, review_case);
      check (fixture, "GET /api/v1/cases/{id}/reviews", r, 200, ROWS (row));
      denied = sc_test_authed (fixture->daemon, admin, "GET", reviews, NULL, NULL);
      g_free (row);
      row = g_strdup_printf ("%s:sysadmin|system_admin|review.list|case|%s|-|denied", admin_id, review_case);
      check (fixture, "GET /api/v1/cases/{id}/reviews", denied, 403, ROWS (row));
    }
    {
      g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "PUT", review, change, first);
      g_autoptr(ScTestResponse) denied = NULL;

      g_free (row);
      row = g_strdup_printf ("%s:caseworker|caseworker|review.update|case|%s|-|success", worker_id, review_case);
      check (fixture, "PUT /api/v1/cases/{id}/reviews/{review_id}", r, 200, ROWS (row));
      denied = sc_test_authed (fixture->daemon, admin, "PUT", review, change, first);
      g_free (row);
      row = g_strdup_printf ("%s:sysadmin|system_admin|review.update|case|%s|-|denied", admin_id, review_case);
      check (fixture, "PUT /api/v1/cases/{id}/reviews/{review_id}", denied, 403, ROWS (row));
    }
    /* an amendment of the plan is one of its proceedings */
    {
      g_autoptr(ScTestResponse) e = sc_test_authed (fixture->daemon, worker, "POST", review_events,
                                                    "{\"type\":\"amendment_notice_issued\",\"date\":\"2026-01-12\"}",
                                                    NULL);
      g_autofree char *proceedings = g_strconcat ("/api/v1/cases/", review_case, "/proceedings", NULL);
      g_autofree char *proceeding = NULL;
      static const char noted[] = "{\"noted_on\":\"2026-01-20\",\"party\":\"Rhys's father\",\"ground\":null,"
                                  "\"notes\":null}";

      g_assert_cmpuint (e->status, ==, 201);
      proceeding = g_strdup_printf ("%s/%" G_GINT64_FORMAT, proceedings, sc_test_response_get_int (e, "id"));
      g_strfreev (new_rows (fixture));
      {
        g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", proceedings, NULL, NULL);
        g_autoptr(ScTestResponse) denied = NULL;

        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|proceeding.list|case|%s|-|success", worker_id, review_case);
        check (fixture, "GET /api/v1/cases/{id}/proceedings", r, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, admin, "GET", proceedings, NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|proceeding.list|case|%s|-|denied", admin_id, review_case);
        check (fixture, "GET /api/v1/cases/{id}/proceedings", denied, 403, ROWS (row));
      }
      {
        g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "PUT", proceeding, noted, first);
        g_autoptr(ScTestResponse) denied = NULL;

        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|proceeding.update|case|%s|-|success", worker_id,
                               review_case);
        check (fixture, "PUT /api/v1/cases/{id}/proceedings/{proceeding_id}", r, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, admin, "PUT", proceeding, noted, first);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|proceeding.update|case|%s|-|denied", admin_id, review_case);
        check (fixture, "PUT /api/v1/cases/{id}/proceedings/{proceeding_id}", denied, 403, ROWS (row));
      }
    }
    /* the amendment consults the school: the case's consultations, the team's and the figures */
    {
      g_autofree char *consultations = g_strconcat ("/api/v1/cases/", review_case, "/consultations", NULL);
      g_autofree char *consultation = NULL;
      g_autofree char *chase = NULL;
      g_autofree char *team_shown = NULL;
      static const char send[] = "{\"urn\":100000,\"sent_on\":\"2026-01-13\",\"preference_rank\":1}";
      static const char said[] = "{\"outcome\":null,\"reasons\":null,\"band_asked\":null,\"amount_asked\":null,"
                                 "\"offers\":[],\"band_agreed\":null,\"amount_agreed\":null,\"agreed_on\":null,"
                                 "\"notes\":\"asked by phone\"}";

      {
        g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST", consultations, send, NULL);
        g_autoptr(ScTestResponse) denied = NULL;

        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|consultation.create|case|%s|-|success", worker_id,
                               review_case);
        check (fixture, "POST /api/v1/cases/{id}/consultations", r, 201, ROWS (row));
        consultation = g_strdup_printf ("%s/%" G_GINT64_FORMAT, consultations, sc_test_response_get_int (r, "id"));
        chase = g_strdup_printf ("{\"consultations\":[%" G_GINT64_FORMAT "],\"sent_on\":\"2026-02-02\"}",
                                 sc_test_response_get_int (r, "id"));
        denied = sc_test_authed (fixture->daemon, admin, "POST", consultations, send, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|consultation.create|case|%s|-|denied", admin_id,
                               review_case);
        check (fixture, "POST /api/v1/cases/{id}/consultations", denied, 403, ROWS (row));
      }
      {
        g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", consultations, NULL, NULL);
        g_autoptr(ScTestResponse) denied = NULL;

        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|consultation.list|case|%s|-|success", worker_id,
                               review_case);
        check (fixture, "GET /api/v1/cases/{id}/consultations", r, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, admin, "GET", consultations, NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|consultation.list|case|%s|-|denied", admin_id, review_case);
        check (fixture, "GET /api/v1/cases/{id}/consultations", denied, 403, ROWS (row));
      }
      {
        g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "PUT", consultation, said, first);
        g_autoptr(ScTestResponse) denied = NULL;

        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|consultation.update|case|%s|-|success", worker_id,
                               review_case);
        check (fixture, "PUT /api/v1/cases/{id}/consultations/{consultation_id}", r, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, admin, "PUT", consultation, said, first);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|consultation.update|case|%s|-|denied", admin_id,
                               review_case);
        check (fixture, "PUT /api/v1/cases/{id}/consultations/{consultation_id}", denied, 403, ROWS (row));
      }
      team_shown = sc_test_psql (fixture->cluster,
                                 "SELECT string_agg(id::text, ',' ORDER BY id) FROM (SELECT DISTINCT m.case_id AS id"
                                 " FROM case_milestone m JOIN ehc_case c ON c.id = m.case_id"
                                 " WHERE m.milestone = 'consultation_response'"
                                 " AND c.owner_id = (SELECT id FROM app_user WHERE username = 'caseworker')) s");
      {
        g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/consultations?owner=me",
                                                      NULL, NULL);
        g_autoptr(ScTestResponse) denied = NULL;

        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|consultation.team|case|-|%s|success", worker_id,
                               team_shown);
        check (fixture, "GET /api/v1/consultations", r, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/consultations", NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|consultation.team|case|-|-|denied", admin_id);
        check (fixture, "GET /api/v1/consultations", denied, 403, ROWS (row));
      }
      {
        g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "POST",
                                                      "/api/v1/consultations/reminders", chase, NULL);
        g_autoptr(ScTestResponse) denied = NULL;

        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|consultation.chase|case|-|%s|success", worker_id,
                               review_case);
        check (fixture, "POST /api/v1/consultations/reminders", r, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, admin, "POST", "/api/v1/consultations/reminders", chase, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|consultation.chase|case|-|-|denied", admin_id);
        check (fixture, "POST /api/v1/consultations/reminders", denied, 403, ROWS (row));
      }
      {
        const char *new_band[] = { "If-None-Match", "*", NULL };
        static const char band[] = "{\"description\":\"Full-time support\",\"annual_amount\":1400000,"
                                   "\"valid_from\":\"2026-04-01\",\"valid_to\":null}";
        g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "PUT", "/api/v1/funding-bands/C",
                                                      band, new_band);
        g_autoptr(ScTestResponse) denied = NULL;
        g_autoptr(ScTestResponse) list = NULL;

        g_free (row);
        row = g_strdup_printf ("%s:manager|team_manager|funding_band.update|funding_band|C|-|success", manager_id);
        check (fixture, "PUT /api/v1/funding-bands/{code}", r, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, worker, "PUT", "/api/v1/funding-bands/C", band, new_band);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|funding_band.update|funding_band|-|-|denied", worker_id);
        check (fixture, "PUT /api/v1/funding-bands/{code}", denied, 403, ROWS (row));
        list = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/funding-bands", NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|funding_band.list|funding_band|-|-|success", worker_id);
        check (fixture, "GET /api/v1/funding-bands", list, 200, ROWS (row));
        g_clear_pointer (&list, sc_test_response_free);
        list = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/funding-bands", NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|funding_band.list|funding_band|-|-|denied", admin_id);
        check (fixture, "GET /api/v1/funding-bands", list, 403, ROWS (row));
      }
      /* moving between authorities: the export reads the case, the
       * import opens one, a band mapping is decided */
      {
        g_autofree char *export_path = g_strconcat ("/api/v1/cases/", review_case, "/export", NULL);
        g_autoptr(ScTestResponse) r = NULL;
        g_autoptr(ScTestResponse) denied = NULL;
        g_autoptr(ScTestResponse) imported = NULL;
        g_autoptr(ScTestResponse) list = NULL;
        g_autoptr(ScTestResponse) decided = NULL;
        g_autofree char *import = NULL;
        g_autofree char *new_case = NULL;
        g_autofree char *ignored = NULL;
        const char *version_one[] = { "If-Match", "\"1\"", NULL };
        static const char decision[] = "{\"our_code\":\"C\"}";

        /* refused (the authority is not named yet): a failure, not a read */
        r = sc_test_authed (fixture->daemon, worker, "GET", export_path, NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|case.export|case|%s|-|failure", worker_id, review_case);
        check (fixture, "GET /api/v1/cases/{id}/export", r, 409, ROWS (row));
        g_clear_pointer (&r, sc_test_response_free);
        g_free (sc_test_psql (fixture->cluster, "INSERT INTO authority (code, name) VALUES ('990', 'Audit Borough')"));
        r = sc_test_authed (fixture->daemon, worker, "GET", export_path, NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|case.export|case|%s|-|success", worker_id, review_case);
        check (fixture, "GET /api/v1/cases/{id}/export", r, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, admin, "GET", export_path, NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|case.export|case|%s|-|denied", admin_id, review_case);
        check (fixture, "GET /api/v1/cases/{id}/export", denied, 403, ROWS (row));
        g_clear_pointer (&denied, sc_test_response_free);

        {
          /* the same child moving back in would be found: this is another */
          g_autoptr(JsonNode) file = json_from_string (body_of (r), NULL);
          JsonObject *child = json_object_get_object_member (json_node_get_object (file), "person");
          g_autofree char *text = NULL;

          json_object_remove_member (child, "upn");
          json_object_remove_member (child, "uln");
          json_object_remove_member (child, "nhs_number");
          text = json_to_string (file, FALSE);
          import = g_strdup_printf ("{\"file\":%s,\"owner_id\":%s,\"transferred_on\":\"2026-09-01\","
                                    "\"confirm_different_person\":true}", text, manager_id);
        }
        /* a team manager names who holds it (a caseworker holds their own) */
        imported = sc_test_authed (fixture->daemon, manager, "POST", "/api/v1/transfers", import, NULL);
        if (imported->status != 201)
          g_error ("%s", body_of (imported));
        new_case = g_strdup_printf ("%" G_GINT64_FORMAT, sc_test_response_get_int (imported, "case_id"));
        g_free (row);
        row = g_strdup_printf ("%s:manager|team_manager|transfer.import|case|%s|-|success", manager_id, new_case);
        check (fixture, "POST /api/v1/transfers", imported, 201, ROWS (row));
        denied = sc_test_authed (fixture->daemon, admin, "POST", "/api/v1/transfers", import, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|transfer.import|case|-|-|denied", admin_id);
        check (fixture, "POST /api/v1/transfers", denied, 403, ROWS (row));
        g_clear_pointer (&denied, sc_test_response_free);

        ignored = sc_test_psql (fixture->cluster,
                                "INSERT INTO band_mapping (authority_code, their_code, authority_name,"
                                " their_description, their_amount) VALUES ('812', 'X1', 'Northfield', 'Support', 1000)");
        list = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/band-mappings?status=pending", NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|band_mapping.list|band_mapping|-|-|success", worker_id);
        check (fixture, "GET /api/v1/band-mappings", list, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/band-mappings", NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|band_mapping.list|band_mapping|-|-|denied", admin_id);
        check (fixture, "GET /api/v1/band-mappings", denied, 403, ROWS (row));
        g_clear_pointer (&denied, sc_test_response_free);
        decided = sc_test_authed (fixture->daemon, manager, "PUT", "/api/v1/band-mappings/812/X1", decision,
                                  version_one);
        g_free (row);
        row = g_strdup_printf ("%s:manager|team_manager|band_mapping.decide|band_mapping|812.X1|-|success",
                               manager_id);
        check (fixture, "PUT /api/v1/band-mappings/{authority}/{code}", decided, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, worker, "PUT", "/api/v1/band-mappings/812/X1", decision,
                                 version_one);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|band_mapping.decide|band_mapping|-|-|denied", worker_id);
        check (fixture, "PUT /api/v1/band-mappings/{authority}/{code}", denied, 403, ROWS (row));
      }
      {
        g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "GET",
                                                      "/api/v1/consultations/institutions", NULL, NULL);
        g_autoptr(ScTestResponse) denied = NULL;

        g_free (row);
        row = g_strdup_printf ("%s:manager|team_manager|consultation.institutions|institution|-|-|success",
                               manager_id);
        check (fixture, "GET /api/v1/consultations/institutions", r, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/consultations/institutions", NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|consultation.institutions|institution|-|-|denied",
                               worker_id);
        check (fixture, "GET /api/v1/consultations/institutions", denied, 403, ROWS (row));
      }
      /* a complaint about a case: its event's clock writes no row of its own */
      {
        g_autofree char *complaint = g_strconcat ("{\"case_id\":", review_case, ",\"reference\":\"A-1\","
                                               "\"received_on\":\"2026-03-30\",\"category\":\"delay\"}", NULL);
        static const char complaint_steps[] = "{\"complainant\":null,\"channel\":null,\"category\":\"delay\","
                                     "\"stages\":[{\"stage\":1,\"received_on\":\"2026-03-30\","
                                     "\"acknowledged_on\":\"2026-04-01\"}],\"ombudsman\":null,\"notes\":null}";
        const char *version_one[] = { "If-Match", "\"1\"", NULL };
        g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "POST", "/api/v1/complaints", complaint,
                                                      NULL);
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sc_test_response_get_int (r, "id"));
        g_autofree char *complaint_path = g_strconcat ("/api/v1/complaints/", id, NULL);
        g_autoptr(ScTestResponse) denied = NULL;
        g_autoptr(ScTestResponse) read = NULL;
        g_autoptr(ScTestResponse) changed = NULL;
        g_autoptr(ScTestResponse) list = NULL;

        g_free (row);
        row = g_strdup_printf ("%s:manager|team_manager|complaint.create|complaint|%s|-|success", manager_id, id);
        check (fixture, "POST /api/v1/complaints", r, 201, ROWS (row));
        denied = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/complaints", complaint, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|complaint.create|complaint|-|-|denied", worker_id);
        check (fixture, "POST /api/v1/complaints", denied, 403, ROWS (row));
        g_clear_pointer (&denied, sc_test_response_free);
        read = sc_test_authed (fixture->daemon, worker, "GET", complaint_path, NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|complaint.read|complaint|%s|-|success", worker_id, id);
        check (fixture, "GET /api/v1/complaints/{id}", read, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, admin, "GET", complaint_path, NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|complaint.read|complaint|%s|-|denied", admin_id, id);
        check (fixture, "GET /api/v1/complaints/{id}", denied, 403, ROWS (row));
        g_clear_pointer (&denied, sc_test_response_free);
        changed = sc_test_authed (fixture->daemon, manager, "PUT", complaint_path, complaint_steps, version_one);
        g_free (row);
        row = g_strdup_printf ("%s:manager|team_manager|complaint.update|complaint|%s|-|success", manager_id, id);
        check (fixture, "PUT /api/v1/complaints/{id}", changed, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, worker, "PUT", complaint_path, complaint_steps, version_one);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|complaint.update|complaint|%s|-|denied", worker_id, id);
        check (fixture, "PUT /api/v1/complaints/{id}", denied, 403, ROWS (row));
        g_clear_pointer (&denied, sc_test_response_free);
        list = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/complaints", NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|complaint.list|complaint|-|%s|success", worker_id, id);
        check (fixture, "GET /api/v1/complaints", list, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/complaints", NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|complaint.list|complaint|-|-|denied", admin_id);
        check (fixture, "GET /api/v1/complaints", denied, 403, ROWS (row));
      }
      /* a tribunal appeal of a case: its events' clock writes no row of its own */
      {
        g_autofree char *appeal = g_strconcat ("{\"case_id\":", review_case, ",\"reference\":\"EH1/26/1\","
                                               "\"appeal_type\":\"plan_contents\","
                                               "\"registered_on\":\"2026-07-20\"}", NULL);
        static const char appeal_steps[] = "{\"response_sent_on\":\"2026-08-03\",\"evidence_due\":null,"
                                           "\"hearing_on\":null,\"representatives\":null,\"outcome\":null,"
                                           "\"decided_on\":null,\"orders\":[],\"notes\":null}";
        const char *version_one[] = { "If-Match", "\"1\"", NULL };
        g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "POST", "/api/v1/appeals", appeal,
                                                      NULL);
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sc_test_response_get_int (r, "id"));
        g_autofree char *appeal_path = g_strconcat ("/api/v1/appeals/", id, NULL);
        g_autoptr(ScTestResponse) denied = NULL;
        g_autoptr(ScTestResponse) read = NULL;
        g_autoptr(ScTestResponse) changed = NULL;
        g_autoptr(ScTestResponse) list = NULL;

        g_free (row);
        row = g_strdup_printf ("%s:manager|team_manager|appeal.create|appeal|%s|-|success", manager_id, id);
        check (fixture, "POST /api/v1/appeals", r, 201, ROWS (row));
        denied = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/appeals", appeal, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|appeal.create|appeal|-|-|denied", worker_id);
        check (fixture, "POST /api/v1/appeals", denied, 403, ROWS (row));
        g_clear_pointer (&denied, sc_test_response_free);
        read = sc_test_authed (fixture->daemon, worker, "GET", appeal_path, NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|appeal.read|appeal|%s|-|success", worker_id, id);
        check (fixture, "GET /api/v1/appeals/{id}", read, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, admin, "GET", appeal_path, NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|appeal.read|appeal|%s|-|denied", admin_id, id);
        check (fixture, "GET /api/v1/appeals/{id}", denied, 403, ROWS (row));
        g_clear_pointer (&denied, sc_test_response_free);
        changed = sc_test_authed (fixture->daemon, manager, "PUT", appeal_path, appeal_steps, version_one);
        g_free (row);
        row = g_strdup_printf ("%s:manager|team_manager|appeal.update|appeal|%s|-|success", manager_id, id);
        check (fixture, "PUT /api/v1/appeals/{id}", changed, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, worker, "PUT", appeal_path, appeal_steps, version_one);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|appeal.update|appeal|%s|-|denied", worker_id, id);
        check (fixture, "PUT /api/v1/appeals/{id}", denied, 403, ROWS (row));
        g_clear_pointer (&denied, sc_test_response_free);
        list = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/appeals", NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|appeal.list|appeal|-|%s|success", worker_id, id);
        check (fixture, "GET /api/v1/appeals", list, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/appeals", NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|appeal.list|appeal|-|-|denied", admin_id);
        check (fixture, "GET /api/v1/appeals", denied, 403, ROWS (row));
      }
      /* a mediation of a case: its certificate's clock writes no row of its own */
      {
        g_autofree char *mediation = g_strconcat ("{\"case_id\":", review_case,
                                               ",\"advice_requested_on\":\"2026-07-20\"}", NULL);
        static const char mediation_steps[] = "{\"advice_given_on\":\"2026-07-21\",\"mediation_requested_on\":null,"
                                           "\"provider\":null,\"held_on\":null,"
                                           "\"certificate_issued_on\":null,\"outcome\":null,"
                                           "\"agreements\":[],\"notes\":null}";
        const char *version_one[] = { "If-Match", "\"1\"", NULL };
        g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, manager, "POST", "/api/v1/mediations", mediation,
                                                      NULL);
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sc_test_response_get_int (r, "id"));
        g_autofree char *mediation_path = g_strconcat ("/api/v1/mediations/", id, NULL);
        g_autoptr(ScTestResponse) denied = NULL;
        g_autoptr(ScTestResponse) read = NULL;
        g_autoptr(ScTestResponse) changed = NULL;
        g_autoptr(ScTestResponse) list = NULL;

        g_free (row);
        row = g_strdup_printf ("%s:manager|team_manager|mediation.create|mediation|%s|-|success", manager_id, id);
        check (fixture, "POST /api/v1/mediations", r, 201, ROWS (row));
        denied = sc_test_authed (fixture->daemon, worker, "POST", "/api/v1/mediations", mediation, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|mediation.create|mediation|-|-|denied", worker_id);
        check (fixture, "POST /api/v1/mediations", denied, 403, ROWS (row));
        g_clear_pointer (&denied, sc_test_response_free);
        read = sc_test_authed (fixture->daemon, worker, "GET", mediation_path, NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|mediation.read|mediation|%s|-|success", worker_id, id);
        check (fixture, "GET /api/v1/mediations/{id}", read, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, admin, "GET", mediation_path, NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|mediation.read|mediation|%s|-|denied", admin_id, id);
        check (fixture, "GET /api/v1/mediations/{id}", denied, 403, ROWS (row));
        g_clear_pointer (&denied, sc_test_response_free);
        changed = sc_test_authed (fixture->daemon, manager, "PUT", mediation_path, mediation_steps, version_one);
        g_free (row);
        row = g_strdup_printf ("%s:manager|team_manager|mediation.update|mediation|%s|-|success", manager_id, id);
        check (fixture, "PUT /api/v1/mediations/{id}", changed, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, worker, "PUT", mediation_path, mediation_steps, version_one);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|mediation.update|mediation|%s|-|denied", worker_id, id);
        check (fixture, "PUT /api/v1/mediations/{id}", denied, 403, ROWS (row));
        g_clear_pointer (&denied, sc_test_response_free);
        list = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/mediations", NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|mediation.list|mediation|-|%s|success", worker_id, id);
        check (fixture, "GET /api/v1/mediations", list, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/mediations", NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|mediation.list|mediation|-|-|denied", admin_id);
        check (fixture, "GET /api/v1/mediations", denied, 403, ROWS (row));
      }
      /* the team's disputes, one shown; the year's counts */
      {
        g_autoptr(ScTestResponse) list = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/disputes?limit=1",
                                                         NULL, NULL);
        g_autoptr(ScTestResponse) denied = NULL;
        g_autoptr(ScTestResponse) counts = NULL;
        JsonObject *top = json_array_get_object_element (
          json_object_get_array_member (json_node_get_object (list->json), "items"), 0);
        g_autofree char *top_id = g_strdup_printf ("%s/%" G_GINT64_FORMAT, json_object_get_string_member (top, "kind"),
                                                  json_object_get_int_member (top, "id"));

        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|dispute.list|dispute|-|%s|success", worker_id, top_id);
        check (fixture, "GET /api/v1/disputes", list, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/disputes", NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:sysadmin|system_admin|dispute.list|dispute|-|-|denied", admin_id);
        check (fixture, "GET /api/v1/disputes", denied, 403, ROWS (row));
        g_clear_pointer (&denied, sc_test_response_free);
        counts = sc_test_authed (fixture->daemon, manager, "GET", "/api/v1/disputes/counts?year=2026", NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:manager|team_manager|dispute.counts|dispute|-|-|success", manager_id);
        check (fixture, "GET /api/v1/disputes/counts", counts, 200, ROWS (row));
        denied = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/disputes/counts", NULL, NULL);
        g_free (row);
        row = g_strdup_printf ("%s:caseworker|caseworker|dispute.counts|dispute|-|-|denied", worker_id);
        check (fixture, "GET /api/v1/disputes/counts", denied, 403, ROWS (row));
      }
    }
    /* the overdue list audits the cases it shows */
    shown = sc_test_psql (fixture->cluster,
                          "SELECT string_agg(id::text, ',' ORDER BY id) FROM (SELECT DISTINCT m.case_id AS id"
                          " FROM case_milestone m JOIN ehc_case c ON c.id = m.case_id"
                          " WHERE m.milestone = 'annual_review' AND m.completed_on IS NULL AND m.due < current_date"
                          " AND m.status IN ('pending', 'overdue')"
                          " AND c.stage NOT IN ('closed', 'ceased', 'transferred_out')"
                          " AND c.owner_id = (SELECT id FROM app_user WHERE username = 'caseworker')) s");
    g_assert_nonnull (strstr (shown, review_case));
    {
      g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET",
                                                    "/api/v1/reviews?owner=me&status=overdue", NULL, NULL);
      g_autoptr(ScTestResponse) denied = NULL;

      g_free (row);
      row = g_strdup_printf ("%s:caseworker|caseworker|review.due.list|case|-|%s|success", worker_id, shown);
      check (fixture, "GET /api/v1/reviews", r, 200, ROWS (row));
      denied = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/reviews", NULL, NULL);
      g_free (row);
      row = g_strdup_printf ("%s:sysadmin|system_admin|review.due.list|case|-|-|denied", admin_id);
      check (fixture, "GET /api/v1/reviews", denied, 403, ROWS (row));
    }
    /* Rhys, 11 on 31 August 2025, moved to secondary in September 2025: the year's list audits him */
    {
      g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, worker, "GET",
                                                    "/api/v1/phase-transfers?year=2025&owner=me", NULL, NULL);
      g_autoptr(ScTestResponse) denied = NULL;

      g_free (row);
      row = g_strdup_printf ("%s:caseworker|caseworker|phase_transfer.list|case|-|%s|success", worker_id,
                             review_case);
      check (fixture, "GET /api/v1/phase-transfers", r, 200, ROWS (row));
      denied = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/phase-transfers", NULL, NULL);
      g_free (row);
      row = g_strdup_printf ("%s:sysadmin|system_admin|phase_transfer.list|case|-|-|denied", admin_id);
      check (fixture, "GET /api/v1/phase-transfers", denied, 403, ROWS (row));
    }
  }
}

/* Each route either writes audit rows and was seen here to succeed and to be
 * refused, or is one of the few the access rules say are not audited. */
static void
test_every_route (Fixture       *fixture,
                  gconstpointer  data)
{
  guint n = 0;
  const ScdRoute *routes = scd_routes_get (&n);

  test_sessions_and_me (fixture, data);
  test_own_password_lockout (fixture, data);
  test_users_and_audit (fixture, data);
  test_people (fixture, data);
  test_cases (fixture, data);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *route = g_strdup_printf ("%s %s", routes[i].method, routes[i].pattern);

      if (g_str_equal (routes[i].action, "health.read") || g_str_equal (routes[i].action, "me.read"))
        {
          g_assert_false (g_hash_table_contains (fixture->success, route));
          continue;
        }
      if (!g_hash_table_contains (fixture->success, route))
        g_error ("%s (%s) was not seen writing its audit row", route, routes[i].action);
      /* signing out, and the directory every signed-in user reads, cannot
       * be refused but by a 401, which has no actor */
      if (!g_str_equal (routes[i].pattern, "/api/v1/sessions/current") &&
          !g_str_has_prefix (routes[i].pattern, "/api/v1/institutions") &&
          !g_hash_table_contains (fixture->refused, route))
        g_error ("%s (%s) was not seen refused", route, routes[i].action);
    }
}

static void
collect_inserters (const char *root,
                   const char *dir,
                   GPtrArray  *found)
{
  g_autofree char *path = g_build_filename (root, dir, NULL);
  g_autoptr(GDir) listing = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *relative = g_build_filename (dir, name, NULL);
      g_autofree char *full = g_build_filename (root, relative, NULL);
      g_autofree char *text = NULL;
      g_autofree char *lower = NULL;

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        {
          collect_inserters (root, relative, found);
          continue;
        }
      if (!g_str_has_suffix (name, ".c") && !g_str_has_suffix (name, ".h") && !g_str_has_suffix (name, ".sql"))
        continue;
      g_assert_true (g_file_get_contents (full, &text, NULL, NULL));
      lower = g_ascii_strdown (text, -1);
      if (strstr (lower, "insert into audit_event") != NULL)
        g_ptr_array_add (found, g_steal_pointer (&relative));
    }
}

/* The passwords the test sent and the hashes made of them. (--demo-data
 * prints the demo users' fictional password on purpose, for ./demo.) */
static void
assert_no_secret (const char *what,
                  const char *log)
{
  static const char * const secrets[] = { "$argon2", "not-the-password", "guess-number-x", "a-long-password-1",
                                          "a-new-long-password", "another-long-password" };

  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    if (strstr (log, secrets[i]) != NULL)
      g_error ("%s holds a secret (%s)", what, secrets[i]);
}

static void
test_no_other_path (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *root = g_getenv ("SC_SOURCE_ROOT");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *pg_log_path = g_build_filename (sc_test_cluster_get_dir (fixture->cluster), "log",
                                                   "postgresql.log", NULL);
  g_autofree char *pg_log = NULL;
  g_autofree char *daemon_log = NULL;

  /* PostgreSQL refuses the application role any other way in */
  out = sc_test_cluster_psql (fixture->cluster, "SET ROLE sendcase_app; INSERT INTO audit_event (action, outcome)"
                                                " VALUES ('user.read', 'success')", &error);
  g_assert_null (out);
  g_assert_nonnull (strstr (error->message, "permission denied for table audit_event"));

  /* and in the source, only the trigger behind audit_entry writes audit_event */
  collect_inserters (root, "server", found);
  collect_inserters (root, "sql", found);
  collect_inserters (root, "common", found);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (found, 0), ==, "sql/0003-app-login-audit-entry.sql");

  /* after every route has run, nothing secret is in either log */
  test_sessions_and_me (fixture, data);
  test_users_and_audit (fixture, data);
  g_assert_true (g_file_get_contents (pg_log_path, &pg_log, NULL, NULL));
  assert_no_secret ("PostgreSQL's log", pg_log);
  daemon_log = sc_test_daemon_dup_log (fixture->daemon);
  assert_no_secret ("the daemon's log", daemon_log);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/audit-routes/every-route", Fixture, NULL, fixture_setup, test_every_route, fixture_teardown);
  g_test_add ("/server/audit-routes/no-other-path", Fixture, NULL, fixture_setup, test_no_other_path,
              fixture_teardown);
  return g_test_run ();
}
