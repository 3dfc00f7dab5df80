/* test-auth-rules.c
 *
 * Rules of docs/access.md that the other server tests leave open, against a
 * real daemon and PostgreSQL: the per-address sign-in lockout (failures for
 * many usernames from one address lock that address, even for a right
 * password of another user); If-Match with a version newer than the record
 * (412, nothing written) and a weak ETag (W/"1", accepted); and the daemon's
 * pooled connections working with the privileges of the sendcase_app role,
 * not those of the role it connected as.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef ScTestServer Fixture;

static ScTestResponse *
sign_in (Fixture    *fixture,
         const char *username,
         const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}", username, password);

  return sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions", "application/json", body, NULL);
}

/* --- the lockout by source address --------------------------------------- */

/* a per-username limit far away, so that only the address can lock */
static const char *address_args[] = { "--lockout-address-failures", "3", "--lockout-failures", "100",
                                      "--lockout-window", "10m", NULL };

static void
test_address_lockout (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ScTestResponse) locked = NULL;
  g_autofree char *audit = NULL;
  gint64 retry_after;

  /* three usernames, one wrong password each: no username is near its limit */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *username = g_strdup_printf ("guess%u", i);
      g_autoptr(ScTestResponse) response = sign_in (fixture, username, "not-the-password");

      g_assert_cmpuint (response->status, ==, 401);
    }

  /* the address is locked now: a right password of a user never tried fails */
  locked = sign_in (fixture, "manager", SC_TEST_DEMO_PASSWORD);
  g_assert_cmpuint (locked->status, ==, 429);
  g_assert_cmpstr (sc_test_response_get_string (locked, "code"), ==, "too-many-requests");
  retry_after = g_ascii_strtoll (soup_message_headers_get_one (locked->headers, "Retry-After"), NULL, 10);
  g_assert_cmpint (retry_after, >, 9 * 60);
  g_assert_cmpint (retry_after, <=, 10 * 60);

  audit = sc_test_psql (fixture->cluster, "SELECT string_agg(coalesce(username, '-') || ':' || outcome, ',' ORDER BY id)"
                         " FROM audit_event WHERE action = 'session.create'");
  g_assert_cmpstr (audit, ==, "guess0:failure,guess1:failure,guess2:failure,manager:denied");
  /* a refusal by the lock does not count as a failure of its own */
  {
    g_autofree char *failures = sc_test_psql (fixture->cluster, "SELECT count(*) FROM sign_in_failure");
    g_assert_cmpstr (failures, ==, "3");
  }
}

/* Below the address limit, failures for other usernames lock nobody. */
static void
test_address_below_limit (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(ScTestResponse) ok = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *username = g_strdup_printf ("guess%u", i);
      g_autoptr(ScTestResponse) response = sign_in (fixture, username, "not-the-password");

      g_assert_cmpuint (response->status, ==, 401);
    }
  ok = sign_in (fixture, "manager", SC_TEST_DEMO_PASSWORD);
  g_assert_cmpuint (ok->status, ==, 201);
}

/* --- If-Match ---------------------------------------------------------------- */

static void
test_if_match_versions (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *admin = NULL;
  g_autofree char *id = sc_test_psql (fixture->cluster, "SELECT id FROM app_user WHERE username = 'officer'");
  g_autofree char *path = g_strconcat ("/api/v1/users/", id, NULL);
  g_autoptr(ScTestResponse) got = NULL;
  g_autoptr(ScTestResponse) newer = NULL;
  g_autoptr(ScTestResponse) zero = NULL;
  g_autoptr(ScTestResponse) weak = NULL;
  g_autoptr(ScTestResponse) final = NULL;
  const char *newer_headers[] = { "If-Match", "\"5\"", NULL };
  const char *zero_headers[] = { "If-Match", "\"0\"", NULL };
  const char *weak_headers[] = { "If-Match", "W/\"1\"", NULL };

  admin = sc_test_sign_in (fixture->daemon, "sysadmin", SC_TEST_DEMO_PASSWORD);
  got = sc_test_authed (fixture->daemon, admin, "GET", path, NULL, NULL);
  g_assert_cmpuint (got->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (got->headers, "ETag"), ==, "\"1\"");

  /* a version the record has not reached is not its version */
  newer = sc_test_authed (fixture->daemon, admin, "PATCH", path, "{\"full_name\":\"From the future\"}",
                          newer_headers);
  g_assert_cmpuint (newer->status, ==, 412);
  g_assert_cmpstr (sc_test_response_get_string (newer, "code"), ==, "precondition-failed");
  g_assert_cmpstr (soup_message_headers_get_one (newer->headers, "ETag"), ==, "\"1\"");
  zero = sc_test_authed (fixture->daemon, admin, "PATCH", path, "{\"full_name\":\"Version zero\"}", zero_headers);
  g_assert_cmpuint (zero->status, ==, 412);
  {
    g_autofree char *row = sc_test_psql (fixture->cluster, "SELECT full_name || ':' || version FROM app_user"
                                          " WHERE username = 'officer'");
    g_assert_cmpstr (row, ==, "Grace Okafor:1");
  }

  /* W/"1" names version 1 as well as "1" does */
  weak = sc_test_authed (fixture->daemon, admin, "PATCH", path, "{\"full_name\":\"Weakly matched\"}", weak_headers);
  g_assert_cmpuint (weak->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (weak->headers, "ETag"), ==, "\"2\"");
  final = sc_test_authed (fixture->daemon, admin, "GET", path, NULL, NULL);
  g_assert_cmpstr (sc_test_response_get_string (final, "full_name"), ==, "Weakly matched");
  g_assert_cmpint (sc_test_response_get_int (final, "version"), ==, 2);
}

/* --- the daemon's database role ---------------------------------------------- */

/* The tests connect as the cluster's superuser, who could do anything; the
 * daemon must give that up for sendcase_app on every pooled connection. A
 * privilege taken from sendcase_app alone must therefore stop the daemon. */
static void
test_works_as_app_role (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autofree char *super = sc_test_psql (fixture->cluster, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user");

  g_assert_cmpstr (super, ==, "t");
  {
    g_autoptr(ScTestResponse) me = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/audit?limit=1", NULL, NULL);
    g_assert_cmpuint (me->status, ==, 200);
  }

  g_free (sc_test_psql (fixture->cluster, "REVOKE SELECT ON audit_event FROM sendcase_app"));
  {
    /* every connection of the pool, not only the first: more requests than the pool has */
    for (guint i = 0; i < 8; i++)
      {
        g_autoptr(ScTestResponse) me = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/audit?limit=1", NULL, NULL);

        if (me->status != 500)
          g_error ("GET /api/v1/audit answered %u with SELECT on audit_event revoked from sendcase_app:"
                   " the daemon does not work as sendcase_app", me->status);
        g_assert_cmpstr (sc_test_response_get_string (me, "code"), ==, "internal");
      }
  }
  g_free (sc_test_psql (fixture->cluster, "GRANT SELECT ON audit_event TO sendcase_app"));
  {
    g_autoptr(ScTestResponse) me = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/audit?limit=1", NULL, NULL);
    g_assert_cmpuint (me->status, ==, 200);
  }
  {
    /* and the refusals were PostgreSQL's, in the daemon's log */
    g_autofree char *log = sc_test_daemon_dup_log (fixture->daemon);
    g_assert_nonnull (strstr (log, "permission denied for table audit_event"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func, args) \
  g_test_add (path, Fixture, args, sc_test_server_setup, func, sc_test_server_teardown)
  ADD ("/server/auth-rules/address-lockout", test_address_lockout, address_args);
  ADD ("/server/auth-rules/address-below-limit", test_address_below_limit, address_args);
  ADD ("/server/auth-rules/if-match-versions", test_if_match_versions, NULL);
  ADD ("/server/auth-rules/works-as-app-role", test_works_as_app_role, NULL);
  return g_test_run ();
}
