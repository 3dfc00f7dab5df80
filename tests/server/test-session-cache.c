/* test-session-cache.c
 *
 * The sessions the daemon keeps for a few seconds, against a real daemon and
 * PostgreSQL: a kept session costs no statement (counted in PostgreSQL's own
 * log), and what ends or changes a session takes effect on the very next
 * request when this daemon made the change, and within a moment (well
 * inside the cache's 5 seconds) when anything else did: another daemon,
 * sendcasectl, or SQL run straight on the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

/* far inside SCD_SESSION_CACHE_SECONDS: an answer by then came from a
 * notification, not from the entry running out */
#define NOTICED_WITHIN_USEC (2 * G_USEC_PER_SEC)

typedef struct
{
  ScTestCluster *cluster;
  ScTestDaemon  *daemon;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->cluster = sc_test_cluster_new (&error);
  g_assert_no_error (error);
  /* the schema (and the role) first; then the role's statements logged */
  fixture->daemon = sc_test_daemon_spawn_demo (fixture->cluster, NULL);
  g_assert_cmpint (sc_test_daemon_stop (fixture->daemon), ==, 0);
  g_clear_pointer (&fixture->daemon, sc_test_daemon_free);
  g_free (sc_test_psql (fixture->cluster, "ALTER ROLE sendcase_app SET log_min_duration_statement = 0"));
  fixture->daemon = sc_test_daemon_spawn_demo (fixture->cluster, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->daemon, sc_test_daemon_free);
  g_clear_pointer (&fixture->cluster, sc_test_cluster_free);
}

/* How many times the session lookup ran since @offset of the log. */
static guint
session_lookups_since (Fixture *fixture,
                       gsize    offset)
{
  g_autofree char *log = NULL;
  guint n = 0;

  g_usleep (300 * 1000);   /* the server writes its log as it goes */
  log = sc_test_cluster_dup_log_since (fixture->cluster, offset);
  for (const char *p = log; (p = strstr (p, " ms  execute ")) != NULL; p++)
    {
      const char *end = strchr (p, '\n');

      if (g_strstr_len (p, end != NULL ? end - p : -1, "SELECT s.id AS session_id") != NULL)
        n++;
    }
  return n;
}

static guint
me_status (Fixture    *fixture,
           const char *token)
{
  g_autoptr(ScTestResponse) me = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/me", NULL, NULL);

  return me->status;
}

static void
test_kept (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gsize offset = sc_test_cluster_get_log_length (fixture->cluster);
  guint first;

  g_assert_cmpuint (me_status (fixture, token), ==, 200);
  first = session_lookups_since (fixture, offset);
  g_assert_cmpuint (first, ==, 1);

  offset = sc_test_cluster_get_log_length (fixture->cluster);
  for (guint i = 0; i < 20; i++)
    g_assert_cmpuint (me_status (fixture, token), ==, 200);
  g_assert_cmpuint (session_lookups_since (fixture, offset), ==, 0);

  /* a token that is not a session is asked about every time */
  offset = sc_test_cluster_get_log_length (fixture->cluster);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (me_status (fixture, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), ==, 401);
  g_assert_cmpuint (session_lookups_since (fixture, offset), ==, 3);
}

/* Polls GET /me until @done says so, for at most NOTICED_WITHIN_USEC. */
static ScTestResponse *
wait_for_me (Fixture    *fixture,
             const char *token,
             gboolean  (*done) (ScTestResponse *me))
{
  gint64 deadline = g_get_monotonic_time () + NOTICED_WITHIN_USEC;

  for (;;)
    {
      ScTestResponse *me = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/me", NULL, NULL);

      if (done (me))
        return me;
      if (g_get_monotonic_time () > deadline)
        g_error ("the change was not noticed within %d s", (int) (NOTICED_WITHIN_USEC / G_USEC_PER_SEC));
      sc_test_response_free (me);
      g_usleep (50 * 1000);
    }
}

static gboolean
renamed (ScTestResponse *me)
{
  JsonObject *user;

  if (me->status != 200)
    return FALSE;
  user = json_object_get_object_member (json_node_get_object (me->json), "user");
  return g_strcmp0 (json_object_get_string_member (user, "full_name"), "Asha P. Renamed") == 0;
}

static gboolean
refused (ScTestResponse *me)
{
  return me->status == 401;
}

static void
test_changed_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *other = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);

  g_assert_cmpuint (me_status (fixture, token), ==, 200);
  g_assert_cmpuint (me_status (fixture, other), ==, 200);

  /* the user changed behind the daemon's back */
  g_free (sc_test_psql (fixture->cluster, "UPDATE app_user SET full_name = 'Asha P. Renamed', version = version + 1"
                         " WHERE username = 'caseworker'"));
  sc_test_response_free (wait_for_me (fixture, token, renamed));

  /* the session ended behind its back (as another daemon's sign-out does) */
  g_free (sc_test_psql (fixture->cluster, "UPDATE session SET ended_at = now()"
                         " WHERE user_id = (SELECT id FROM app_user WHERE username = 'caseworker')"));
  sc_test_response_free (wait_for_me (fixture, token, refused));

  /* a deactivation, as sendcasectl user disable makes it */
  g_free (sc_test_psql (fixture->cluster, "UPDATE app_user SET active = false WHERE username = 'manager'"));
  sc_test_response_free (wait_for_me (fixture, other, refused));
}

static void
test_changed_here (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *admin = sc_test_sign_in (fixture->daemon, "sysadmin", SC_TEST_DEMO_PASSWORD);
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  g_autofree char *id = sc_test_psql (fixture->cluster, "SELECT id FROM app_user WHERE username = 'caseworker'");
  g_autofree char *officer_id = sc_test_psql (fixture->cluster, "SELECT id FROM app_user WHERE username = 'officer'");
  g_autofree char *path = g_strdup_printf ("/api/v1/users/%s", id);
  g_autofree char *officer_path = g_strdup_printf ("/api/v1/users/%s/password", officer_id);
  const char *if_match[] = { "If-Match", "\"1\"", NULL };

  /* kept, then deactivated by this daemon: refused at once */
  g_assert_cmpuint (me_status (fixture, worker), ==, 200);
  {
    g_autoptr(ScTestResponse) patch = sc_test_authed (fixture->daemon, admin, "PATCH", path,
                                                      "{\"active\":false}", if_match);
    g_assert_cmpuint (patch->status, ==, 200);
  }
  g_assert_cmpuint (me_status (fixture, worker), ==, 401);

  /* kept, then the password reset: refused at once */
  g_assert_cmpuint (me_status (fixture, officer), ==, 200);
  {
    g_autoptr(ScTestResponse) reset = sc_test_authed (fixture->daemon, admin, "POST", officer_path,
                                                      "{\"new_password\":\"another-long-password\"}", NULL);
    g_assert_cmpuint (reset->status, ==, 204);
  }
  g_assert_cmpuint (me_status (fixture, officer), ==, 401);

  /* kept, then signed out: refused at once */
  g_assert_cmpuint (me_status (fixture, admin), ==, 200);
  {
    g_autoptr(ScTestResponse) out = sc_test_authed (fixture->daemon, admin, "DELETE", "/api/v1/sessions/current",
                                                    NULL, NULL);
    g_assert_cmpuint (out->status, ==, 204);
  }
  g_assert_cmpuint (me_status (fixture, admin), ==, 401);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/session-cache/kept", Fixture, NULL, fixture_setup, test_kept, fixture_teardown);
  g_test_add ("/server/session-cache/changed-elsewhere", Fixture, NULL, fixture_setup, test_changed_elsewhere,
              fixture_teardown);
  g_test_add ("/server/session-cache/changed-here", Fixture, NULL, fixture_setup, test_changed_here,
              fixture_teardown);
  return g_test_run ();
}
