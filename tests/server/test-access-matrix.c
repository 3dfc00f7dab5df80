/* test-access-matrix.c
 *
 * The access matrix of docs/access.md, typed in here as data and checked
 * against a real daemon, role by role and route by route. Nothing is taken
 * from the daemon's own route table or role code: the expectations are the
 * document's. For every role x route the demo user of that role calls the
 * route; a refusal must be a 403 problem "your role does not allow this"
 * with exactly one audit row, read from the database, naming the user, the
 * role, the request id answered in X-Request-Id, the source address, the
 * route's action and resource type, the path's {id} and the outcome
 * "denied"; an allowed call must not be refused and must leave no "denied"
 * row. Without a session every route but the public ones answers 401. The
 * matrix must name every operation docs/openapi.yaml describes, and no other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef enum
{
  PUBLIC,    /* no session needed */
  ALLOWED,
  DENIED,    /* 403, audited as denied */
} Access;

/* The roles, in the order of the matrix's columns. */
static const struct {
  const char *role;
  const char *username;   /* its demo user */
} roles[] = {
  { "caseworker", "caseworker" },
  { "team_manager", "manager" },
  { "admin_officer", "officer" },
  { "system_admin", "sysadmin" },
};

/* docs/access.md, "The matrix", the rows marked "today". */
static const struct {
  const char *method;
  const char *path;            /* {id}: a user's id (for a person or a case: no such one); {event_id}: 1; {section}: f; {number}, {other}: 1, 2 */
  Access      access[4];       /* caseworker, team_manager, admin_officer, system_admin */
  const char *action;          /* the audit action of a refusal */
  const char *resource_type;
} matrix[] = {
  { "GET", "/api/v1/health", { PUBLIC, PUBLIC, PUBLIC, PUBLIC }, "health.read", NULL },
  { "POST", "/api/v1/sessions", { PUBLIC, PUBLIC, PUBLIC, PUBLIC }, "session.create", "session" },
  { "DELETE", "/api/v1/sessions/current", { ALLOWED, ALLOWED, ALLOWED, ALLOWED }, "session.delete", "session" },
  { "GET", "/api/v1/me", { ALLOWED, ALLOWED, ALLOWED, ALLOWED }, "me.read", NULL },
  { "GET", "/api/v1/institutions", { ALLOWED, ALLOWED, ALLOWED, ALLOWED }, "institution.list", "institution" },
  { "GET", "/api/v1/institutions/{urn}", { ALLOWED, ALLOWED, ALLOWED, ALLOWED }, "institution.read", "institution" },
  { "POST", "/api/v1/me/password", { ALLOWED, ALLOWED, ALLOWED, ALLOWED }, "user.password.change", "user" },
  { "GET", "/api/v1/users", { DENIED, DENIED, DENIED, ALLOWED }, "user.list", "user" },
  { "POST", "/api/v1/users", { DENIED, DENIED, DENIED, ALLOWED }, "user.create", "user" },
  { "GET", "/api/v1/users/{id}", { DENIED, DENIED, DENIED, ALLOWED }, "user.read", "user" },
  { "PATCH", "/api/v1/users/{id}", { DENIED, DENIED, DENIED, ALLOWED }, "user.update", "user" },
  { "POST", "/api/v1/users/{id}/password", { DENIED, DENIED, DENIED, ALLOWED }, "user.password.reset", "user" },
  { "GET", "/api/v1/people", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "person.list", "person" },
  { "POST", "/api/v1/people", { ALLOWED, ALLOWED, DENIED, DENIED }, "person.create", "person" },
  { "GET", "/api/v1/people/{id}", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "person.read", "person" },
  { "PATCH", "/api/v1/people/{id}", { ALLOWED, ALLOWED, DENIED, DENIED }, "person.update", "person" },
  { "GET", "/api/v1/cases", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "case.list", "case" },
  { "POST", "/api/v1/cases", { ALLOWED, ALLOWED, DENIED, DENIED }, "case.create", "case" },
  { "GET", "/api/v1/cases/{id}", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "case.read", "case" },
  { "PATCH", "/api/v1/cases/{id}", { ALLOWED, ALLOWED, DENIED, DENIED }, "case.update", "case" },
  { "GET", "/api/v1/cases/{id}/events", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "case.event.list", "case" },
  { "POST", "/api/v1/cases/{id}/events", { ALLOWED, ALLOWED, DENIED, DENIED }, "case.event.create", "case" },
  { "POST", "/api/v1/cases/{id}/events/{event_id}/void", { ALLOWED, ALLOWED, DENIED, DENIED }, "case.event.void",
    "case" },
  { "GET", "/api/v1/cases/{id}/timeline", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "case.timeline.read", "case" },
  { "GET", "/api/v1/cases/{id}/plan", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "plan.read", "case" },
  { "GET", "/api/v1/cases/{id}/plan/sections/{section}", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "plan.section.read",
    "case" },
  { "PUT", "/api/v1/cases/{id}/plan/sections/{section}", { ALLOWED, ALLOWED, DENIED, DENIED },
    "plan.section.update", "case" },
  { "GET", "/api/v1/cases/{id}/plan/versions", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "plan.version.list", "case" },
  { "POST", "/api/v1/cases/{id}/plan/versions", { ALLOWED, ALLOWED, DENIED, DENIED }, "plan.version.create",
    "case" },
  { "GET", "/api/v1/cases/{id}/plan/versions/{number}", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "plan.version.read",
    "case" },
  { "GET", "/api/v1/cases/{id}/plan/versions/{number}/diff/{other}", { ALLOWED, ALLOWED, ALLOWED, DENIED },
    "plan.version.diff", "case" },
  { "GET", "/api/v1/cases/{id}/plan/versions/{number}/pdf", { ALLOWED, ALLOWED, ALLOWED, DENIED },
    "plan.version.pdf", "case" },
  { "GET", "/api/v1/cases/{id}/reviews", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "review.list", "case" },
  { "PUT", "/api/v1/cases/{id}/reviews/{review_id}", { ALLOWED, ALLOWED, DENIED, DENIED }, "review.update", "case" },
  { "GET", "/api/v1/cases/{id}/proceedings", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "proceeding.list", "case" },
  { "PUT", "/api/v1/cases/{id}/proceedings/{proceeding_id}", { ALLOWED, ALLOWED, DENIED, DENIED },
    "proceeding.update", "case" },
  { "GET", "/api/v1/cases/{id}/consultations", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "consultation.list", "case" },
  { "POST", "/api/v1/cases/{id}/consultations", { ALLOWED, ALLOWED, DENIED, DENIED }, "consultation.create",
    "case" },
  { "PUT", "/api/v1/cases/{id}/consultations/{consultation_id}", { ALLOWED, ALLOWED, DENIED, DENIED },
    "consultation.update", "case" },
  { "GET", "/api/v1/consultations", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "consultation.team", "case" },
  { "POST", "/api/v1/consultations/reminders", { ALLOWED, ALLOWED, DENIED, DENIED }, "consultation.chase", "case" },
  { "GET", "/api/v1/cases/{id}/export", { ALLOWED, ALLOWED, DENIED, DENIED }, "case.export", "case" },
  { "POST", "/api/v1/transfers", { ALLOWED, ALLOWED, DENIED, DENIED }, "transfer.import", "case" },
  { "GET", "/api/v1/band-mappings", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "band_mapping.list", "band_mapping" },
  { "PUT", "/api/v1/band-mappings/{authority}/{code}", { DENIED, ALLOWED, DENIED, DENIED }, "band_mapping.decide",
    "band_mapping" },
  { "GET", "/api/v1/complaints", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "complaint.list", "complaint" },
  { "POST", "/api/v1/complaints", { DENIED, ALLOWED, ALLOWED, DENIED }, "complaint.create", "complaint" },
  { "GET", "/api/v1/complaints/{id}", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "complaint.read", "complaint" },
  { "PUT", "/api/v1/complaints/{id}", { DENIED, ALLOWED, ALLOWED, DENIED }, "complaint.update", "complaint" },
  { "GET", "/api/v1/appeals", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "appeal.list", "appeal" },
  { "POST", "/api/v1/appeals", { DENIED, ALLOWED, ALLOWED, DENIED }, "appeal.create", "appeal" },
  { "GET", "/api/v1/appeals/{id}", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "appeal.read", "appeal" },
  { "PUT", "/api/v1/appeals/{id}", { DENIED, ALLOWED, ALLOWED, DENIED }, "appeal.update", "appeal" },
  { "GET", "/api/v1/mediations", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "mediation.list", "mediation" },
  { "POST", "/api/v1/mediations", { DENIED, ALLOWED, ALLOWED, DENIED }, "mediation.create", "mediation" },
  { "GET", "/api/v1/mediations/{id}", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "mediation.read", "mediation" },
  { "PUT", "/api/v1/mediations/{id}", { DENIED, ALLOWED, ALLOWED, DENIED }, "mediation.update", "mediation" },
  { "GET", "/api/v1/disputes", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "dispute.list", "dispute" },
  { "GET", "/api/v1/disputes/counts", { DENIED, ALLOWED, ALLOWED, DENIED }, "dispute.counts", "dispute" },
  { "GET", "/api/v1/funding-bands", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "funding_band.list", "funding_band" },
  { "PUT", "/api/v1/funding-bands/{code}", { DENIED, ALLOWED, DENIED, DENIED }, "funding_band.update",
    "funding_band" },
  { "GET", "/api/v1/consultations/institutions", { DENIED, ALLOWED, DENIED, DENIED }, "consultation.institutions",
    "institution" },
  { "GET", "/api/v1/caseload", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "caseload.read", "case" },
  { "GET", "/api/v1/caseload/counts", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "caseload.counts.read", "case" },
  { "GET", "/api/v1/advice-requests", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "advice.list", "case" },
  { "GET", "/api/v1/reviews", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "review.due.list", "case" },
  { "GET", "/api/v1/phase-transfers", { ALLOWED, ALLOWED, ALLOWED, DENIED }, "phase_transfer.list", "case" },
  { "POST", "/api/v1/caseload/handover", { DENIED, ALLOWED, DENIED, DENIED }, "caseload.handover", "case" },
  { "GET", "/api/v1/deadlines", { DENIED, ALLOWED, DENIED, DENIED }, "deadlines.read", "case" },
  { "GET", "/api/v1/workload", { DENIED, ALLOWED, DENIED, DENIED }, "workload.read", "case" },
  { "GET", "/api/v1/audit", { DENIED, ALLOWED, DENIED, ALLOWED }, "audit.read", "audit" },
};

typedef struct
{
  ScTestCluster *cluster;
  ScTestDaemon  *daemon;
  char          *target_id;   /* the id put into {id} */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->cluster = sc_test_cluster_new (&error);
  g_assert_no_error (error);
  fixture->daemon = sc_test_daemon_spawn_demo (fixture->cluster, NULL);
  /* another user than any caller's own: the officer's record */
  fixture->target_id = sc_test_psql (fixture->cluster, "SELECT id FROM app_user WHERE username = 'officer'");
  g_assert_cmpstr (fixture->target_id, !=, "");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->daemon, sc_test_daemon_free);
  g_clear_pointer (&fixture->cluster, sc_test_cluster_free);
  g_clear_pointer (&fixture->target_id, g_free);
}

static char *
concrete (Fixture    *fixture,
          const char *path)
{
  g_autoptr(GString) out = g_string_new (path);

  g_string_replace (out, "{id}", fixture->target_id, 0);
  g_string_replace (out, "{event_id}", "1", 0);
  g_string_replace (out, "{section}", "f", 0);
  g_string_replace (out, "{number}", "1", 0);
  g_string_replace (out, "{review_id}", "1", 0);
  g_string_replace (out, "{proceeding_id}", "1", 0);
  g_string_replace (out, "{consultation_id}", "1", 0);
  g_string_replace (out, "{code}", "C", 0);
  g_string_replace (out, "{urn}", "100000", 0);
  g_string_replace (out, "{other}", "2", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
has_body (const char *method)
{
  return g_str_equal (method, "POST") || g_str_equal (method, "PATCH") || g_str_equal (method, "PUT");
}

static ScTestResponse *
call (Fixture    *fixture,
      const char *token,
      guint       row)
{
  g_autofree char *path = concrete (fixture, matrix[row].path);

  /* an empty object: enough to pass the access check, never a valid change */
  return sc_test_authed (fixture->daemon, token, matrix[row].method, path,
                         has_body (matrix[row].method) ? "{}" : NULL, NULL);
}

static char *
denied_rows_of (Fixture    *fixture,
                const char *request_id)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT coalesce(string_agg(concat_ws('|', coalesce(user_id::text, '-'), coalesce(username, '-'),"
    " coalesce(role, '-'), coalesce(request_id, '-'), coalesce(source_address, '-'), action,"
    " coalesce(resource_type, '-'), coalesce(resource_id, '-'), outcome), ';' ORDER BY id), '')"
    " FROM audit_event WHERE request_id = '%s' AND outcome = 'denied'", request_id);

  return sc_test_psql (fixture->cluster, sql);
}

static void
check_refused (Fixture        *fixture,
               guint           r,
               guint           row,
               ScTestResponse *response,
               const char     *user_id)
{
  const char *request_id = soup_message_headers_get_one (response->headers, "X-Request-Id");
  g_autofree char *rows = NULL;
  g_autofree char *expected = NULL;
  const char *id = strstr (matrix[row].path, "{id}") != NULL ? fixture->target_id : "-";

  if (response->status != 403)
    g_error ("%s: %s %s answered %u, docs/access.md says 403", roles[r].role, matrix[row].method,
             matrix[row].path, response->status);
  g_assert_cmpstr (soup_message_headers_get_content_type (response->headers, NULL), ==,
                   "application/problem+json");
  g_assert_cmpstr (sc_test_response_get_string (response, "code"), ==, "forbidden");
  g_assert_cmpstr (sc_test_response_get_string (response, "detail"), ==, "your role does not allow this");
  g_assert_nonnull (request_id);
  g_assert_cmpstr (sc_test_response_get_string (response, "request_id"), ==, request_id);

  rows = denied_rows_of (fixture, request_id);
  expected = g_strdup_printf ("%s|%s|%s|%s|127.0.0.1|%s|%s|%s|denied", user_id, roles[r].username,
                              roles[r].role, request_id, matrix[row].action,
                              matrix[row].resource_type != NULL ? matrix[row].resource_type : "-", id);
  if (!g_str_equal (rows, expected))
    g_error ("%s: %s %s: denied audit rows [%s], expected exactly [%s]", roles[r].role, matrix[row].method,
             matrix[row].path, rows, expected);
}

static void
check_allowed (Fixture        *fixture,
               guint           r,
               guint           row,
               ScTestResponse *response)
{
  const char *request_id = soup_message_headers_get_one (response->headers, "X-Request-Id");
  g_autofree char *rows = NULL;

  if (response->status == 401 || response->status == 403)
    g_error ("%s: %s %s refused with %u; docs/access.md allows it", roles[r].role, matrix[row].method,
             matrix[row].path, response->status);
  g_assert_nonnull (request_id);
  rows = denied_rows_of (fixture, request_id);
  g_assert_cmpstr (rows, ==, "");
}

static void
test_every_role_every_route (Fixture       *fixture,
                             gconstpointer  data)
{
  guint refused = 0;

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      g_autofree char *token = sc_test_sign_in (fixture->daemon, roles[r].username, SC_TEST_DEMO_PASSWORD);
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM app_user WHERE username = '%s'", roles[r].username);
      g_autofree char *user_id = sc_test_psql (fixture->cluster, sql);
      int sign_out = -1;

      for (guint row = 0; row < G_N_ELEMENTS (matrix); row++)
        {
          g_autoptr(ScTestResponse) response = NULL;

          /* signing out ends the session this loop uses: last */
          if (g_str_equal (matrix[row].method, "DELETE") && g_str_equal (matrix[row].path, "/api/v1/sessions/current"))
            {
              sign_out = (int) row;
              continue;
            }
          response = call (fixture, token, row);
          if (matrix[row].access[r] == DENIED)
            {
              check_refused (fixture, r, row, response, user_id);
              refused++;
            }
          else
            check_allowed (fixture, r, row, response);
        }

      g_assert_cmpint (sign_out, >=, 0);
      {
        g_autoptr(ScTestResponse) response = call (fixture, token, (guint) sign_out);

        g_assert_cmpint (matrix[sign_out].access[r], ==, ALLOWED);
        check_allowed (fixture, r, (guint) sign_out, response);
        g_assert_cmpuint (response->status, ==, 204);
      }
    }

  /* the refusals above, and no other */
  {
    g_autofree char *count = sc_test_psql (fixture->cluster, "SELECT count(*) FROM audit_event WHERE outcome = 'denied'");
    g_assert_cmpint (g_ascii_strtoll (count, NULL, 10), ==, refused);
  }
}

static void
test_no_session (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *signed_out = sc_test_sign_in (fixture->daemon, "sysadmin", SC_TEST_DEMO_PASSWORD);

  {
    g_autoptr(ScTestResponse) out = sc_test_authed (fixture->daemon, signed_out, "DELETE",
                                                    "/api/v1/sessions/current", NULL, NULL);
    g_assert_cmpuint (out->status, ==, 204);
  }

  for (guint row = 0; row < G_N_ELEMENTS (matrix); row++)
    {
      /* none, a malformed one, and a signed-out one */
      const char *tokens[] = { NULL, "not-a-token", signed_out };

      for (guint t = 0; t < G_N_ELEMENTS (tokens); t++)
        {
          g_autoptr(ScTestResponse) response = call (fixture, tokens[t], row);

          if (matrix[row].access[0] == PUBLIC)
            {
              g_assert_cmpuint (response->status, !=, 401);
              g_assert_cmpuint (response->status, !=, 403);
              continue;
            }
          if (response->status != 401)
            g_error ("%s %s without a session (%s) answered %u, not 401", matrix[row].method, matrix[row].path,
                     tokens[t] != NULL ? "a bad token" : "no token", response->status);
          g_assert_cmpstr (sc_test_response_get_string (response, "code"), ==, "unauthorized");
          g_assert_cmpstr (soup_message_headers_get_one (response->headers, "WWW-Authenticate"), ==,
                           "Bearer realm=\"sendcase\"");
        }
    }
  /* a 401 is not a refusal by role: nothing denied */
  {
    g_autofree char *count = sc_test_psql (fixture->cluster, "SELECT count(*) FROM audit_event WHERE outcome = 'denied'");
    g_assert_cmpstr (count, ==, "0");
  }
}

/* The matrix covers exactly what the API document describes. */
static void
test_matrix_covers_openapi (void)
{
  g_autofree char *script = g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "tools", "check-openapi-answers.py",
                                              NULL);
  g_autofree char *document = g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "docs", "openapi.yaml", NULL);
  const char *argv[] = { "/usr/bin/python3", script, "--document", document, "--operations", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) in_matrix = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int status = 0;
  guint documented = 0;

  for (guint row = 0; row < G_N_ELEMENTS (matrix); row++)
    g_hash_table_add (in_matrix, g_strdup_printf ("%s %s", matrix[row].method, matrix[row].path));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-openapi-answers.py --operations failed: %s", err);
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_hash_table_contains (in_matrix, lines[i]))
        g_error ("docs/openapi.yaml describes %s, which the access matrix of this test lacks", lines[i]);
      documented++;
    }
  g_assert_cmpuint (documented, ==, G_N_ELEMENTS (matrix));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/access-matrix/covers-openapi", test_matrix_covers_openapi);
  g_test_add ("/server/access-matrix/every-role-every-route", Fixture, NULL, fixture_setup,
              test_every_role_every_route, fixture_teardown);
  g_test_add ("/server/access-matrix/no-session", Fixture, NULL, fixture_setup, test_no_session,
              fixture_teardown);
  return g_test_run ();
}
