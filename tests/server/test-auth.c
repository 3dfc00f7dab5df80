/* test-auth.c
 *
 * Sessions and access rules against a real daemon and PostgreSQL: the
 * role x route matrix (every route of the table, every role, and no session),
 * sign-in answers that do not tell an unknown user from a wrong password,
 * the lockout and its expiry, idle and absolute session expiry, password
 * change and deactivation ending sessions, If-Match (412/428, and the
 * version a concurrent change made), idempotent creates, hashes made with
 * other limits replaced at sign-in, a password reset lifting a lockout, and
 * usernames the database would refuse refused first, by field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"
#include "scd-auth.h"
#include "scd-password.h"
#include "scd-routes.h"

typedef struct
{
  ScTestCluster *cluster;
  ScTestDaemon  *daemon;
} Fixture;

static void
spawn (Fixture            *fixture,
       const char * const *extra)
{
  g_autoptr(GError) error = NULL;

  if (fixture->cluster == NULL)
    {
      fixture->cluster = sc_test_cluster_new (&error);
      g_assert_no_error (error);
    }
  fixture->daemon = sc_test_daemon_spawn_demo (fixture->cluster, extra);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  spawn (fixture, data);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->daemon, sc_test_daemon_free);
  g_clear_pointer (&fixture->cluster, sc_test_cluster_free);
}

static const struct {
  const char *username;
  ScRole      role;
} demo_users[] = {
  { "caseworker", SC_ROLE_CASEWORKER },
  { "manager", SC_ROLE_TEAM_MANAGER },
  { "officer", SC_ROLE_ADMIN_OFFICER },
  { "sysadmin", SC_ROLE_SYSTEM_ADMIN },
};

static char *
concrete_path (const char *pattern)
{
  g_autoptr(GRegex) param = g_regex_new ("\\{[a-z_]+\\}", 0, 0, NULL);
  return g_regex_replace_literal (param, pattern, -1, 0, "1", 0, NULL);
}

/* --- the matrix ----------------------------------------------------------- */

static void
test_matrix (Fixture       *fixture,
             gconstpointer  data)
{
  guint n = 0;
  const ScdRoute *routes = scd_routes_get (&n);
  g_autofree char *denied_before = sc_test_psql (fixture->cluster, "SELECT count(*) FROM audit_event WHERE outcome = 'denied'");
  g_autofree char *denied_after = NULL;
  guint expected_denials = 0;

  for (guint u = 0; u < G_N_ELEMENTS (demo_users); u++)
    {
      g_autofree char *token = sc_test_sign_in (fixture->daemon, demo_users[u].username, SC_TEST_DEMO_PASSWORD);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *path = concrete_path (routes[i].pattern);
          gboolean has_body = g_str_equal (routes[i].method, "POST") || g_str_equal (routes[i].method, "PATCH");
          gboolean allowed = (routes[i].access & (SCD_ACCESS_PUBLIC | scd_access_for_role (demo_users[u].role))) != 0;
          g_autoptr(ScTestResponse) response = NULL;

          /* signing out would end the session the loop uses: checked below */
          if (g_str_equal (routes[i].pattern, "/api/v1/sessions/current"))
            continue;
          response = sc_test_authed (fixture->daemon, token, routes[i].method, path, has_body ? "{}" : NULL, NULL);
          if (allowed)
            {
              if (response->status == 401 || response->status == 403)
                g_error ("%s: %s %s refused with %u", demo_users[u].username, routes[i].method, path,
                         response->status);
            }
          else
            {
              if (response->status != 403)
                g_error ("%s: %s %s answered %u, not 403", demo_users[u].username, routes[i].method, path,
                         response->status);
              g_assert_cmpstr (sc_test_response_get_string (response, "code"), ==, "forbidden");
              expected_denials++;
            }
        }

      /* sign out: the token stops working */
      {
        g_autoptr(ScTestResponse) out = sc_test_authed (fixture->daemon, token, "DELETE", "/api/v1/sessions/current",
                                                        NULL, NULL);
        g_autoptr(ScTestResponse) after = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/me", NULL, NULL);
        g_assert_cmpuint (out->status, ==, 204);
        g_assert_cmpuint (after->status, ==, 401);
      }
    }

  /* without a session, only the public routes answer */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = concrete_path (routes[i].pattern);
      gboolean has_body = g_str_equal (routes[i].method, "POST") || g_str_equal (routes[i].method, "PATCH");
      g_autoptr(ScTestResponse) response = sc_test_authed (fixture->daemon, NULL, routes[i].method, path,
                                                           has_body ? "{}" : NULL, NULL);
      g_autoptr(ScTestResponse) bad = sc_test_authed (fixture->daemon, "not-a-token", routes[i].method, path,
                                                      has_body ? "{}" : NULL, NULL);

      if (routes[i].access & SCD_ACCESS_PUBLIC)
        {
          g_assert_cmpuint (response->status, !=, 401);
          continue;
        }
      if (response->status != 401 || bad->status != 401)
        g_error ("%s %s without a session answered %u/%u", routes[i].method, path, response->status, bad->status);
      g_assert_nonnull (soup_message_headers_get_one (response->headers, "WWW-Authenticate"));
    }

  /* every refusal is in the audit trail */
  denied_after = sc_test_psql (fixture->cluster, "SELECT count(*) FROM audit_event WHERE outcome = 'denied'");
  g_assert_cmpint (g_ascii_strtoll (denied_after, NULL, 10) - g_ascii_strtoll (denied_before, NULL, 10), ==,
                   expected_denials);
  g_assert_cmpuint (expected_denials, >, 0);
}

/* --- sign-in ---------------------------------------------------------------- */

static void
test_sign_in (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(ScTestResponse) response =
    sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions", "application/json",
                            "{\"username\":\" Manager \",\"password\":\"" SC_TEST_DEMO_PASSWORD "\"}", NULL);
  g_autoptr(ScTestResponse) me = NULL;
  const char *token;
  JsonObject *user;

  g_assert_cmpuint (response->status, ==, 201);
  g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Cache-Control"), ==, "no-store");
  token = sc_test_response_get_string (response, "token");
  g_assert_cmpuint (strlen (token), ==, 43);
  g_assert_true (g_str_has_suffix (sc_test_response_get_string (response, "expires_at"), "Z"));
  user = json_object_get_object_member (json_node_get_object (response->json), "user");
  g_assert_cmpstr (json_object_get_string_member (user, "username"), ==, "manager");
  g_assert_cmpstr (json_object_get_string_member (user, "role"), ==, "team_manager");
  g_assert_false (json_object_has_member (user, "password_hash"));

  me = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/me", NULL, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  /* nothing behind a session is kept by caches */
  g_assert_cmpstr (soup_message_headers_get_one (me->headers, "Cache-Control"), ==, "no-store");
  /* the same shape as the sign-in answer, without the token */
  g_assert_cmpstr (sc_test_response_get_string (me, "expires_at"), ==,
                   sc_test_response_get_string (response, "expires_at"));
  g_assert_false (json_object_has_member (json_node_get_object (me->json), "token"));
  user = json_object_get_object_member (json_node_get_object (me->json), "user");
  g_assert_cmpstr (json_object_get_string_member (user, "full_name"), ==, "Tom Reilly");
  g_assert_cmpint (json_object_get_int_member (user, "version"), >=, 1);

  /* only the hash is stored */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM session WHERE token_hash = '%s'", token);
    g_autofree char *found = sc_test_psql (fixture->cluster, sql);
    g_assert_cmpstr (found, ==, "0");
  }
}

static void
test_sign_in_validation (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *bodies[] = { "{}", "{\"username\":1,\"password\":\"x\"}", "{\"username\":\"a\"}",
                           "{\"username\":\"a\",\"password\":\"\",\"extra\":true}" };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(ScTestResponse) response = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions",
                                                                   "application/json", bodies[i], NULL);
      JsonArray *errors;

      g_assert_cmpuint (response->status, ==, 422);
      errors = json_object_get_array_member (json_node_get_object (response->json), "errors");
      g_assert_cmpuint (json_array_get_length (errors), >=, 1);
    }
  {
    g_autoptr(ScTestResponse) response = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions",
                                                                 "application/json", "{not json", NULL);
    g_assert_cmpuint (response->status, ==, 400);
  }
}

static gint64
timed_failure (Fixture    *fixture,
               const char *username,
               char      **body_out)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"not-the-password\"}", username);
  gint64 start = g_get_monotonic_time ();
  g_autoptr(ScTestResponse) response = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions",
                                                               "application/json", body, NULL);
  gint64 elapsed = g_get_monotonic_time () - start;
  JsonObject *object;

  g_assert_cmpuint (response->status, ==, 401);
  g_assert_nonnull (soup_message_headers_get_one (response->headers, "WWW-Authenticate"));
  object = json_node_get_object (response->json);
  json_object_remove_member (object, "request_id");
  *body_out = json_to_string (response->json, FALSE);
  return elapsed;
}

static void
test_unknown_user_same_answer (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GArray) known = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) unknown = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *known_body = NULL;
  g_autofree char *unknown_body = NULL;
  gint64 known_min = G_MAXINT64;
  gint64 unknown_min = G_MAXINT64;

  /* four of each: below the lockout limit of five */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      g_autofree char *nobody = g_strdup_printf ("nobody%u", i);
      gint64 t1 = timed_failure (fixture, "officer", &a);
      gint64 t2 = timed_failure (fixture, nobody, &b);

      known_min = MIN (known_min, t1);
      unknown_min = MIN (unknown_min, t2);
      g_free (known_body);
      g_free (unknown_body);
      known_body = g_steal_pointer (&a);
      unknown_body = g_steal_pointer (&b);
    }
  /* the same answer, to the letter */
  g_assert_cmpstr (known_body, ==, unknown_body);
  /* and the same work: both verify an argon2id hash. The fastest of four
   * attempts of each must be within a factor of two of each other. */
  g_test_message ("fastest failure: known user %" G_GINT64_FORMAT " us, unknown %" G_GINT64_FORMAT " us",
                  known_min, unknown_min);
  g_assert_cmpint (unknown_min * 2, >, known_min);
  g_assert_cmpint (known_min * 2, >, unknown_min);
}

static const char *lockout_args[] = { "--lockout-window", "3s", "--lockout-failures", "3", NULL };

static void
test_lockout (Fixture       *fixture,
              gconstpointer  data)
{
  const char *wrong = "{\"username\":\"caseworker\",\"password\":\"not-the-password\"}";
  const char *right = "{\"username\":\"caseworker\",\"password\":\"" SC_TEST_DEMO_PASSWORD "\"}";
  g_autoptr(ScTestResponse) locked = NULL;
  g_autoptr(ScTestResponse) other = NULL;
  gint64 retry_after;
  g_autofree char *audit = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ScTestResponse) response = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions",
                                                                   "application/json", wrong, NULL);
      g_assert_cmpuint (response->status, ==, 401);
    }
  /* locked now, even with the right password */
  locked = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions", "application/json", right, NULL);
  g_assert_cmpuint (locked->status, ==, 429);
  g_assert_cmpstr (sc_test_response_get_string (locked, "code"), ==, "too-many-requests");
  retry_after = g_ascii_strtoll (soup_message_headers_get_one (locked->headers, "Retry-After"), NULL, 10);
  g_assert_cmpint (retry_after, >=, 1);
  g_assert_cmpint (retry_after, <=, 3);

  /* another username is not locked */
  other = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions", "application/json",
                                  "{\"username\":\"manager\",\"password\":\"" SC_TEST_DEMO_PASSWORD "\"}", NULL);
  g_assert_cmpuint (other->status, ==, 201);

  /* after the window the lock is gone, and so are the failures that made it:
   * one more wrong password is one failure, not the fourth */
  g_usleep ((retry_after + 1) * G_USEC_PER_SEC);
  {
    g_autoptr(ScTestResponse) again = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions",
                                                              "application/json", wrong, NULL);
    g_autoptr(ScTestResponse) response = NULL;

    g_assert_cmpuint (again->status, ==, 401);
    response = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions", "application/json", right, NULL);
    g_assert_cmpuint (response->status, ==, 201);
  }

  audit = sc_test_psql (fixture->cluster, "SELECT string_agg(outcome, ',' ORDER BY id) FROM audit_event"
                         " WHERE action = 'session.create' AND username = 'caseworker'");
  g_assert_cmpstr (audit, ==, "failure,failure,failure,denied,failure,success");
}

static const char *idle_args[] = { "--session-idle-timeout", "2s", NULL };

static void
test_idle_expiry (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(ScTestResponse) response = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/me", NULL, NULL);
      /* used every second: an idle timeout of 2 s never strikes */
      g_assert_cmpuint (response->status, ==, 200);
      g_usleep (G_USEC_PER_SEC);
    }
  g_usleep (2500 * 1000);
  {
    g_autoptr(ScTestResponse) response = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/me", NULL, NULL);
    g_assert_cmpuint (response->status, ==, 401);
  }
}

static const char *lifetime_args[] = { "--session-lifetime", "3s", NULL };

static void
test_absolute_expiry (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  gint64 start = g_get_monotonic_time ();
  guint status = 200;

  /* used all the time, it still ends 3 s after sign-in */
  while (status == 200 && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    {
      g_autoptr(ScTestResponse) response = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/me", NULL, NULL);
      status = response->status;
      g_usleep (200 * 1000);
    }
  g_assert_cmpuint (status, ==, 401);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 2500 * 1000);
}

/* --- passwords and deactivation --------------------------------------------- */

static void
test_password_change (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  g_autofree char *other = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  g_autoptr(ScTestResponse) wrong = NULL;
  g_autoptr(ScTestResponse) weak = NULL;
  g_autoptr(ScTestResponse) ok = NULL;
  g_autoptr(ScTestResponse) still = NULL;
  g_autoptr(ScTestResponse) ended = NULL;
  g_autoptr(ScTestResponse) old = NULL;
  g_autofree char *fresh = NULL;

  wrong = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/me/password",
                          "{\"current_password\":\"not-it-at-all\",\"new_password\":\"a-new-long-password\"}", NULL);
  g_assert_cmpuint (wrong->status, ==, 422);
  g_assert_nonnull (strstr ((const char *) g_bytes_get_data (wrong->body, NULL), "current_password"));
  {
    /* a wrong current password is recorded as a failed change */
    g_autofree char *refused = sc_test_psql (fixture->cluster, "SELECT count(*) FROM audit_event WHERE action = 'user.password.change'"
                                              " AND outcome = 'failure' AND username = 'officer'");
    g_assert_cmpstr (refused, ==, "1");
  }
  weak = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/me/password",
                         "{\"current_password\":\"" SC_TEST_DEMO_PASSWORD "\",\"new_password\":\"short\"}", NULL);
  g_assert_cmpuint (weak->status, ==, 422);
  g_assert_nonnull (strstr ((const char *) g_bytes_get_data (weak->body, NULL), "at least 12 characters"));
  ok = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/me/password",
                       "{\"current_password\":\"" SC_TEST_DEMO_PASSWORD "\",\"new_password\":\"a-new-long-password\"}",
                       NULL);
  g_assert_cmpuint (ok->status, ==, 204);

  /* this session goes on; the other one has ended */
  still = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/me", NULL, NULL);
  g_assert_cmpuint (still->status, ==, 200);
  ended = sc_test_authed (fixture->daemon, other, "GET", "/api/v1/me", NULL, NULL);
  g_assert_cmpuint (ended->status, ==, 401);
  old = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions", "application/json",
                                "{\"username\":\"officer\",\"password\":\"" SC_TEST_DEMO_PASSWORD "\"}", NULL);
  g_assert_cmpuint (old->status, ==, 401);
  fresh = sc_test_sign_in (fixture->daemon, "officer", "a-new-long-password");
}

static void
test_deactivation (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *admin = sc_test_sign_in (fixture->daemon, "sysadmin", SC_TEST_DEMO_PASSWORD);
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *id = sc_test_psql (fixture->cluster, "SELECT id FROM app_user WHERE username = 'caseworker'");
  g_autofree char *path = g_strconcat ("/api/v1/users/", id, NULL);
  g_autoptr(ScTestResponse) got = sc_test_authed (fixture->daemon, admin, "GET", path, NULL, NULL);
  const char *etag = soup_message_headers_get_one (got->headers, "ETag");
  const char *headers[] = { "If-Match", etag, NULL };
  g_autoptr(ScTestResponse) patched = NULL;
  g_autoptr(ScTestResponse) after = NULL;
  g_autoptr(ScTestResponse) again = NULL;
  g_autoptr(ScTestResponse) self = NULL;

  g_assert_cmpuint (got->status, ==, 200);
  patched = sc_test_authed (fixture->daemon, admin, "PATCH", path, "{\"active\":false}", headers);
  g_assert_cmpuint (patched->status, ==, 200);
  after = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/me", NULL, NULL);
  g_assert_cmpuint (after->status, ==, 401);
  again = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions", "application/json",
                                  "{\"username\":\"caseworker\",\"password\":\"" SC_TEST_DEMO_PASSWORD "\"}", NULL);
  g_assert_cmpuint (again->status, ==, 401);

  /* an administrator cannot lock themselves out */
  {
    g_autofree char *self_id = sc_test_psql (fixture->cluster, "SELECT id FROM app_user WHERE username = 'sysadmin'");
    g_autofree char *self_path = g_strconcat ("/api/v1/users/", self_id, NULL);
    const char *any[] = { "If-Match", "\"1\"", NULL };

    self = sc_test_authed (fixture->daemon, admin, "PATCH", self_path, "{\"role\":\"caseworker\"}", any);
    g_assert_cmpuint (self->status, ==, 409);
  }
}

/* --- If-Match and Idempotency-Key ------------------------------------------- */

static void
test_if_match (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *admin = sc_test_sign_in (fixture->daemon, "sysadmin", SC_TEST_DEMO_PASSWORD);
  g_autofree char *id = sc_test_psql (fixture->cluster, "SELECT id FROM app_user WHERE username = 'officer'");
  g_autofree char *path = g_strconcat ("/api/v1/users/", id, NULL);
  g_autoptr(ScTestResponse) got = sc_test_authed (fixture->daemon, admin, "GET", path, NULL, NULL);
  g_autofree char *etag = g_strdup (soup_message_headers_get_one (got->headers, "ETag"));
  const char *fresh[] = { "If-Match", etag, NULL };
  g_autoptr(ScTestResponse) first = NULL;
  g_autoptr(ScTestResponse) stale = NULL;
  g_autoptr(ScTestResponse) missing = NULL;
  g_autoptr(ScTestResponse) garbage = NULL;
  g_autoptr(ScTestResponse) final = NULL;
  const char *bad[] = { "If-Match", "\"x\"", NULL };

  g_assert_cmpstr (etag, ==, "\"1\"");
  first = sc_test_authed (fixture->daemon, admin, "PATCH", path, "{\"full_name\":\"First edit\"}", fresh);
  g_assert_cmpuint (first->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (first->headers, "ETag"), ==, "\"2\"");

  /* a second editor still holding version 1 */
  stale = sc_test_authed (fixture->daemon, admin, "PATCH", path, "{\"full_name\":\"Lost edit\"}", fresh);
  g_assert_cmpuint (stale->status, ==, 412);
  g_assert_cmpstr (soup_message_headers_get_one (stale->headers, "ETag"), ==, "\"2\"");
  missing = sc_test_authed (fixture->daemon, admin, "PATCH", path, "{\"full_name\":\"Lost edit\"}", NULL);
  g_assert_cmpuint (missing->status, ==, 428);
  garbage = sc_test_authed (fixture->daemon, admin, "PATCH", path, "{\"full_name\":\"Lost edit\"}", bad);
  g_assert_cmpuint (garbage->status, ==, 412);

  /* nothing changed */
  final = sc_test_authed (fixture->daemon, admin, "GET", path, NULL, NULL);
  g_assert_cmpstr (sc_test_response_get_string (final, "full_name"), ==, "First edit");
  g_assert_cmpint (sc_test_response_get_int (final, "version"), ==, 2);
}

typedef struct
{
  ScTestDaemon *daemon;
  const char   *token;
  guint         status;
  gint64        id;
} Racer;

static gpointer
race_thread (gpointer data)
{
  Racer *racer = data;
  const char *headers[] = { "Idempotency-Key", "race-key", NULL };
  g_autoptr(ScTestResponse) response =
    sc_test_authed (racer->daemon, racer->token, "POST", "/api/v1/users",
                    "{\"username\":\"racer\",\"role\":\"caseworker\",\"password\":\"a-long-password-1\"}", headers);

  racer->status = response->status;
  if (response->status == 201)
    racer->id = sc_test_response_get_int (response, "id");
  return NULL;
}

static void
test_idempotent_create (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *admin = sc_test_sign_in (fixture->daemon, "sysadmin", SC_TEST_DEMO_PASSWORD);
  const char *key[] = { "Idempotency-Key", "create-jo-1", NULL };
  const char *body = "{\"username\":\"jo.bloggs\",\"full_name\":\"Jo Bloggs\",\"role\":\"caseworker\","
                     "\"password\":\"a-long-password-1\"}";
  g_autoptr(ScTestResponse) first = sc_test_authed (fixture->daemon, admin, "POST", "/api/v1/users", body, key);
  g_autoptr(ScTestResponse) second = sc_test_authed (fixture->daemon, admin, "POST", "/api/v1/users", body, key);
  g_autoptr(ScTestResponse) other = NULL;
  g_autoptr(ScTestResponse) duplicate = NULL;
  g_autofree char *count = NULL;

  g_assert_cmpuint (first->status, ==, 201);
  g_assert_nonnull (soup_message_headers_get_one (first->headers, "Location"));
  g_assert_cmpuint (second->status, ==, 201);
  g_assert_true (g_bytes_equal (first->body, second->body));
  g_assert_cmpstr (soup_message_headers_get_one (second->headers, "Location"), ==,
                   soup_message_headers_get_one (first->headers, "Location"));
  g_assert_cmpstr (soup_message_headers_get_one (second->headers, "Idempotent-Replayed"), ==, "true");
  count = sc_test_psql (fixture->cluster, "SELECT count(*) FROM app_user WHERE username = 'jo.bloggs'");
  g_assert_cmpstr (count, ==, "1");
  g_free (count);
  /* one create, and its replay recorded as such */
  count = sc_test_psql (fixture->cluster, "SELECT string_agg(outcome, ',' ORDER BY id) FROM audit_event"
                         " WHERE action = 'user.create' AND username = 'sysadmin'");
  g_assert_cmpstr (count, ==, "success,replayed");

  /* the same key for another request */
  other = sc_test_authed (fixture->daemon, admin, "POST", "/api/v1/users",
                          "{\"username\":\"someone.else\",\"role\":\"caseworker\",\"password\":\"a-long-password-1\"}",
                          key);
  g_assert_cmpuint (other->status, ==, 422);
  g_free (count);
  count = sc_test_psql (fixture->cluster, "SELECT count(*) FROM app_user WHERE username = 'someone.else'");
  g_assert_cmpstr (count, ==, "0");

  /* without a key, a second create is a conflict on the username field */
  duplicate = sc_test_authed (fixture->daemon, admin, "POST", "/api/v1/users", body, NULL);
  g_assert_cmpuint (duplicate->status, ==, 409);
  g_assert_nonnull (strstr ((const char *) g_bytes_get_data (duplicate->body, NULL), "\"field\":\"username\""));

  /* two at once with one key: one user, one answer */
  {
    Racer a = { fixture->daemon, admin, 0, 0 };
    Racer b = { fixture->daemon, admin, 0, 0 };
    GThread *ta = g_thread_new ("racer-a", race_thread, &a);
    GThread *tb = g_thread_new ("racer-b", race_thread, &b);

    g_thread_join (ta);
    g_thread_join (tb);
    g_assert_cmpuint (a.status, ==, 201);
    g_assert_cmpuint (b.status, ==, 201);
    g_assert_cmpint (a.id, ==, b.id);
    g_free (count);
    count = sc_test_psql (fixture->cluster, "SELECT count(*) FROM app_user WHERE username = 'racer'");
    g_assert_cmpstr (count, ==, "1");
  }
}

/* --- hashes, locks, races ---------------------------------------------------- */

static void
test_rehash (Fixture       *fixture,
             gconstpointer  data)
{
  char old[crypto_pwhash_STRBYTES];
  g_autofree char *sql = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *version = NULL;
  g_autofree char *token = NULL;
  gint64 deadline;

  /* a hash of the same password with other limits, as an older build made */
  g_assert_cmpint (sodium_init (), >=, 0);
  g_assert_cmpint (crypto_pwhash_str (old, SC_TEST_DEMO_PASSWORD, strlen (SC_TEST_DEMO_PASSWORD),
                                      crypto_pwhash_OPSLIMIT_INTERACTIVE + 1, crypto_pwhash_MEMLIMIT_INTERACTIVE), ==, 0);
  g_assert_true (scd_password_needs_rehash (old));
  sql = g_strdup_printf ("UPDATE app_user SET password_hash = '%s' WHERE username = 'officer'", old);
  g_free (sc_test_psql (fixture->cluster, sql));

  /* it still signs in, and afterwards the hash is one of today's */
  token = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  for (;;)
    {
      g_clear_pointer (&stored, g_free);
      stored = sc_test_psql (fixture->cluster, "SELECT password_hash FROM app_user WHERE username = 'officer'");
      if (!g_str_equal (stored, old))
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100 * 1000);
    }
  g_assert_false (scd_password_needs_rehash (stored));
  g_assert_true (scd_password_verify (stored, SC_TEST_DEMO_PASSWORD));
  /* the same password: not a change anyone made */
  version = sc_test_psql (fixture->cluster, "SELECT version FROM app_user WHERE username = 'officer'");
  g_assert_cmpstr (version, ==, "1");
  g_free (sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD));
}

static void
test_reset_lifts_lockout (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *admin = sc_test_sign_in (fixture->daemon, "sysadmin", SC_TEST_DEMO_PASSWORD);
  g_autofree char *id = sc_test_psql (fixture->cluster, "SELECT id FROM app_user WHERE username = 'caseworker'");
  g_autofree char *path = g_strconcat ("/api/v1/users/", id, NULL);
  g_autofree char *reset_path = g_strconcat (path, "/password", NULL);
  g_autoptr(ScTestResponse) locked = NULL;
  g_autoptr(ScTestResponse) shown = NULL;
  g_autoptr(ScTestResponse) reset = NULL;
  g_autoptr(ScTestResponse) after = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(ScTestResponse) r = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions",
                                                            "application/json",
                                                            "{\"username\":\"caseworker\",\"password\":\"wrong-guess-1\"}",
                                                            NULL);
      g_assert_cmpuint (r->status, ==, 401);
    }
  locked = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions", "application/json",
                                   "{\"username\":\"caseworker\",\"password\":\"" SC_TEST_DEMO_PASSWORD "\"}", NULL);
  g_assert_cmpuint (locked->status, ==, 429);

  /* the user's JSON says until when */
  shown = sc_test_authed (fixture->daemon, admin, "GET", path, NULL, NULL);
  g_assert_cmpuint (shown->status, ==, 200);
  g_assert_true (g_str_has_suffix (sc_test_response_get_string (shown, "locked_until"), "Z"));

  /* an administrator's reset lifts it */
  reset = sc_test_authed (fixture->daemon, admin, "POST", reset_path, "{\"new_password\":\"a-fresh-long-password\"}",
                          NULL);
  g_assert_cmpuint (reset->status, ==, 204);
  after = sc_test_authed (fixture->daemon, admin, "GET", path, NULL, NULL);
  g_assert_true (json_node_is_null (json_object_get_member (json_node_get_object (after->json), "locked_until")));
  g_free (sc_test_sign_in (fixture->daemon, "caseworker", "a-fresh-long-password"));
}

static void
test_username_rules (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *admin = sc_test_sign_in (fixture->daemon, "sysadmin", SC_TEST_DEMO_PASSWORD);
  static const char * const names[] = { "bad.name\\n", "Capital", "a", "tab\\tin", "-dash", "\\u00e9t\\u00e9" };
  g_autofree char *count = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"role\":\"caseworker\","
                                               "\"password\":\"a-long-password-1\"}", names[i]);
      g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, admin, "POST", "/api/v1/users", body, NULL);
      JsonArray *errors;

      if (r->status != 422)
        g_error ("username %s answered %u", names[i], r->status);
      errors = json_object_get_array_member (json_node_get_object (r->json), "errors");
      g_assert_cmpuint (json_array_get_length (errors), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "field"), ==,
                       "username");
    }
  count = sc_test_psql (fixture->cluster, "SELECT count(*) FROM app_user");
  g_assert_cmpstr (count, ==, "4");
}

typedef struct
{
  ScTestDaemon *daemon;
  const char   *token;
  const char   *path;
  const char   *etag;
  const char   *name;
  guint         status;
  char         *answered_etag;
} Editor;

static gpointer
edit_thread (gpointer data)
{
  Editor *editor = data;
  const char *headers[] = { "If-Match", editor->etag, NULL };
  g_autofree char *body = g_strdup_printf ("{\"full_name\":\"%s\"}", editor->name);
  g_autoptr(ScTestResponse) response = sc_test_authed (editor->daemon, editor->token, "PATCH", editor->path, body,
                                                       headers);

  editor->status = response->status;
  editor->answered_etag = g_strdup (soup_message_headers_get_one (response->headers, "ETag"));
  return NULL;
}

/* Two editors holding the same version: one wins, and the other's 412
 * carries the version the winner made, not its own. */
static void
test_if_match_race (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *admin = sc_test_sign_in (fixture->daemon, "sysadmin", SC_TEST_DEMO_PASSWORD);
  g_autofree char *id = sc_test_psql (fixture->cluster, "SELECT id FROM app_user WHERE username = 'officer'");
  g_autofree char *path = g_strconcat ("/api/v1/users/", id, NULL);

  for (guint round = 1; round <= 8; round++)
    {
      g_autofree char *etag = g_strdup_printf ("\"%u\"", round);
      g_autofree char *next = g_strdup_printf ("\"%u\"", round + 1);
      Editor a = { fixture->daemon, admin, path, etag, "Editor A", 0, NULL };
      Editor b = { fixture->daemon, admin, path, etag, "Editor B", 0, NULL };
      GThread *ta = g_thread_new ("editor-a", edit_thread, &a);
      GThread *tb = g_thread_new ("editor-b", edit_thread, &b);
      Editor *lost;

      g_thread_join (ta);
      g_thread_join (tb);
      g_assert_true ((a.status == 200 && b.status == 412) || (a.status == 412 && b.status == 200));
      lost = a.status == 412 ? &a : &b;
      g_assert_cmpstr (lost->answered_etag, ==, next);
      g_free (a.answered_etag);
      g_free (b.answered_etag);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func, args) \
  g_test_add (path, Fixture, args, fixture_setup, func, fixture_teardown)
  ADD ("/server/auth/matrix", test_matrix, NULL);
  ADD ("/server/auth/sign-in", test_sign_in, NULL);
  ADD ("/server/auth/sign-in-validation", test_sign_in_validation, NULL);
  ADD ("/server/auth/unknown-user-same-answer", test_unknown_user_same_answer, NULL);
  ADD ("/server/auth/lockout-and-expiry", test_lockout, lockout_args);
  ADD ("/server/auth/idle-expiry", test_idle_expiry, idle_args);
  ADD ("/server/auth/absolute-expiry", test_absolute_expiry, lifetime_args);
  ADD ("/server/auth/password-change", test_password_change, NULL);
  ADD ("/server/auth/deactivation", test_deactivation, NULL);
  ADD ("/server/auth/if-match", test_if_match, NULL);
  ADD ("/server/auth/idempotent-create", test_idempotent_create, NULL);
  ADD ("/server/auth/rehash", test_rehash, NULL);
  ADD ("/server/auth/reset-lifts-lockout", test_reset_lifts_lockout, NULL);
  ADD ("/server/auth/username-rules", test_username_rules, NULL);
  ADD ("/server/auth/if-match-race", test_if_match_race, NULL);
  return g_test_run ();
}
