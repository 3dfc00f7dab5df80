/* test-db-role.c
 *
 * The daemon's database role, against a real daemon and PostgreSQL: its
 * pool logs in as sendcase_app, which is not a superuser, owns nothing and
 * cannot become anyone else, so that even SQL injected into one of its
 * statements could not rewrite the audit trail: RESET ROLE leaves it as it
 * is, and SET ROLE, session_replication_role, UPDATE, DELETE, TRUNCATE and
 * INSERT on audit_event, and every way around the triggers are refused.
 * Also: the durability of read audit rows, and the number of round trips a
 * sign-in costs, counted by PostgreSQL itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"
#include "scd-db.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

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
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->daemon, sc_test_daemon_free);
  g_clear_pointer (&fixture->cluster, sc_test_cluster_free);
}

/* A connection that logs in as the application role, as the daemon's pool
 * does (the same derivation of its connection string). */
static PGconn *
connect_as_app (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = scd_db_dup_conninfo_as (sc_test_cluster_get_conninfo (fixture->cluster),
                                                      SCD_DB_APP_ROLE, &error);
  PGconn *conn;

  g_assert_no_error (error);
  conn = PQconnectdb (conninfo);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("could not log in as %s: %s", SCD_DB_APP_ROLE, PQerrorMessage (conn));
  return conn;
}

static char *
query_value (PGconn     *conn,
             const char *sql)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  return g_strdup (PQgetvalue (result, 0, 0));
}

static void
assert_refused (PGconn     *conn,
                const char *sql)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK)
    g_error ("as %s, \"%s\" was allowed", SCD_DB_APP_ROLE, sql);
  /* 42501: insufficient_privilege, whatever the wording */
  if (g_strcmp0 (PQresultErrorField (result, PG_DIAG_SQLSTATE), "42501") != 0)
    g_error ("\"%s\" failed, but not for want of privilege: %s", sql, PQresultErrorMessage (result));
}

static void
test_pool_login_role (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *args[] = { "--pool-size", "3", NULL };
  const char *backends_sql = "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
                             " AND pid <> pg_backend_pid() AND datname = current_database()";
  g_autofree char *fingerprint = NULL;
  g_autofree char *after = NULL;
  g_autoptr(PGconn) conn = NULL;
  gint64 deadline;

  fixture->daemon = sc_test_daemon_spawn_demo (fixture->cluster, args);

  /* every connection of the pool logs in as sendcase_app */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  for (;;)
    {
      g_autofree char *count = sc_test_psql (fixture->cluster, backends_sql);

      if (g_str_equal (count, "3"))
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100 * 1000);
    }
  {
    g_autofree char *users = sc_test_psql (fixture->cluster, "SELECT string_agg(DISTINCT usename, ',') FROM pg_stat_activity"
                                            " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
                                            "   AND datname = current_database()");
    g_autofree char *switched = sc_test_psql (fixture->cluster, "SELECT count(*) FROM pg_stat_activity"
                                               " WHERE usename = 'sendcase_app' AND query ILIKE '%set role%'");
    g_autofree char *attributes = sc_test_psql (fixture->cluster, "SELECT rolsuper || ',' || rolinherit || ',' || rolcanlogin || ','"
                                                 " || rolcreaterole || ',' || rolcreatedb || ',' || rolbypassrls"
                                                 " FROM pg_roles WHERE rolname = 'sendcase_app'");
    g_autofree char *owned = sc_test_psql (fixture->cluster, "SELECT (SELECT count(*) FROM pg_class WHERE relowner = 'sendcase_app'::regrole)"
                                            " + (SELECT count(*) FROM pg_proc WHERE proowner = 'sendcase_app'::regrole)");
    g_autofree char *member_of = sc_test_psql (fixture->cluster, "SELECT coalesce(string_agg(roleid::regrole::text, ','), '')"
                                                " FROM pg_auth_members WHERE member = 'sendcase_app'::regrole");

    g_assert_cmpstr (users, ==, "sendcase_app");
    g_assert_cmpstr (switched, ==, "0");
    g_assert_cmpstr (attributes, ==, "false,false,true,false,false,false");
    g_assert_cmpstr (owned, ==, "0");
    g_assert_cmpstr (member_of, ==, "");
  }

  /* and as that role, nothing rewrites the trail */
  fingerprint = sc_test_psql (fixture->cluster, "SELECT count(*) || ':' || md5(string_agg(id || action || outcome, ',' ORDER BY id))"
                               " FROM audit_event");
  conn = connect_as_app (fixture);
  {
    g_autofree char *who = query_value (conn, "SELECT current_user || ',' || session_user");
    g_autofree char *reset = NULL;

    g_assert_cmpstr (who, ==, "sendcase_app,sendcase_app");
    /* RESET ROLE returns to the role it logged in as: itself */
    reset = query_value (conn, "RESET ROLE; SELECT current_user || ',' || session_user");
    g_assert_cmpstr (reset, ==, "sendcase_app,sendcase_app");
  }
  assert_refused (conn, "SET ROLE postgres");
  assert_refused (conn, "SET SESSION AUTHORIZATION postgres");
  assert_refused (conn, "SET session_replication_role = replica");
  assert_refused (conn, "UPDATE audit_event SET outcome = 'success'");
  assert_refused (conn, "DELETE FROM audit_event");
  assert_refused (conn, "TRUNCATE audit_event");
  assert_refused (conn, "INSERT INTO audit_event (action, outcome) VALUES ('user.read', 'success')");
  assert_refused (conn, "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete");
  assert_refused (conn, "DROP TRIGGER audit_event_no_update_delete ON audit_event");
  assert_refused (conn, "DROP TRIGGER audit_entry_insert ON audit_entry");
  assert_refused (conn, "CREATE OR REPLACE FUNCTION audit_entry_write() RETURNS trigger LANGUAGE plpgsql"
                        " AS $$ BEGIN RETURN NEW; END $$");
  assert_refused (conn, "ALTER ROLE sendcase_app SUPERUSER");
  assert_refused (conn, "DELETE FROM app_user");
  assert_refused (conn, "CREATE TABLE public.intruder (i integer)");
  /* the words of people's names say what the names say: only their trigger writes them */
  assert_refused (conn, "INSERT INTO person_name_word (word, person_id) SELECT 'x', id FROM person LIMIT 1");
  assert_refused (conn, "DELETE FROM person_name_word");
  assert_refused (conn, "ALTER TABLE person DISABLE TRIGGER person_name_words_write");
  after = sc_test_psql (fixture->cluster, "SELECT count(*) || ':' || md5(string_agg(id || action || outcome, ',' ORDER BY id))"
                         " FROM audit_event");
  g_assert_cmpstr (fingerprint, ==, after);
}

/* A successful read's row commits without waiting for the disk; every other
 * row keeps the server's setting. */
static void
test_read_durability (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct { const char *actor; const char *outcome; const char *expected; } cases[] = {
    { "{\"action\": \"user.read\", \"read\": true}", "success", "off" },
    { "{\"action\": \"user.read\", \"read\": true}", "denied", "on" },
    { "{\"action\": \"user.update\", \"read\": false}", "success", "on" },
    { "{\"action\": \"user.update\"}", "success", "on" },
  };
  g_autoptr(PGconn) conn = NULL;

  fixture->daemon = sc_test_daemon_spawn_demo (fixture->cluster, NULL);
  conn = connect_as_app (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *params[] = { cases[i].actor, cases[i].outcome };
      g_autoptr(PGresult) begin = PQexec (conn, "BEGIN; SET LOCAL synchronous_commit = on");
      g_autoptr(PGresult) entry = PQexecParams (conn, "INSERT INTO audit_entry (actor, outcome) VALUES ($1, $2)",
                                                2, NULL, params, NULL, NULL, 0);
      g_autofree char *setting = NULL;
      g_autoptr(PGresult) end = NULL;

      g_assert_cmpint (PQresultStatus (entry), ==, PGRES_COMMAND_OK);
      setting = query_value (conn, "SHOW synchronous_commit");
      end = PQexec (conn, "COMMIT");
      if (!g_str_equal (setting, cases[i].expected))
        g_error ("case %u: synchronous_commit %s, expected %s", i, setting, cases[i].expected);
    }
}

/* The statements the daemon's one connection ran since @offset of
 * PostgreSQL's log: each execute is one round trip, and so is each prepare
 * (a statement's first use on a connection). */
static void
count_statements (Fixture *fixture,
                  gsize    offset,
                  guint   *parses,
                  guint   *executes)
{
  g_autofree char *path = g_build_filename (sc_test_cluster_get_dir (fixture->cluster), "log", "postgresql.log", NULL);
  g_autofree char *log = NULL;
  gsize length = 0;

  g_usleep (300 * 1000);
  g_assert_true (g_file_get_contents (path, &log, &length, NULL));
  g_assert_cmpuint (length, >=, offset);
  *parses = *executes = 0;
  for (const char *p = log + offset; (p = strstr (p, " ms  ")) != NULL; p++)
    {
      if (g_str_has_prefix (p, " ms  parse "))
        (*parses)++;
      else if (g_str_has_prefix (p, " ms  execute "))
        (*executes)++;
    }
}

static gsize
log_length (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (sc_test_cluster_get_dir (fixture->cluster), "log", "postgresql.log", NULL);
  g_autofree char *log = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &log, &length, NULL));
  return length;
}

static guint
sign_in_round_trips (Fixture    *fixture,
                     const char *body,
                     guint       status,
                     guint      *cold_parses)
{
  gsize offset = log_length (fixture);
  g_autoptr(ScTestResponse) response = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions",
                                                               "application/json", body, NULL);
  guint parses;
  guint executes;

  g_assert_cmpuint (response->status, ==, status);
  count_statements (fixture, offset, &parses, &executes);
  if (cold_parses != NULL)
    *cold_parses = parses;
  return parses + executes;
}

static void
test_sign_in_round_trips (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *args[] = { "--pool-size", "1", "--lockout-failures", "3", NULL };
  const char *right = "{\"username\":\"manager\",\"password\":\"" SC_TEST_DEMO_PASSWORD "\"}";
  const char *wrong = "{\"username\":\"officer\",\"password\":\"not-the-password\"}";
  guint cold_parses = 0;
  guint cold;
  guint trips;

  /* the schema first (it makes the role), then the role's statements logged
   * with their durations: PostgreSQL then writes a line for each parse,
   * bind and execute */
  fixture->daemon = sc_test_daemon_spawn_demo (fixture->cluster, NULL);
  g_assert_cmpint (sc_test_daemon_stop (fixture->daemon), ==, 0);
  g_clear_pointer (&fixture->daemon, sc_test_daemon_free);
  g_free (sc_test_psql (fixture->cluster, "ALTER ROLE sendcase_app SET log_min_duration_statement = 0"));
  fixture->daemon = sc_test_daemon_spawn_demo (fixture->cluster, args);
  /* the daemon sweeps old failures when it starts: let that pass first */
  {
    g_autofree char *path = g_build_filename (sc_test_cluster_get_dir (fixture->cluster), "log", "postgresql.log",
                                              NULL);
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    for (;;)
      {
        g_autofree char *log = NULL;

        g_assert_true (g_file_get_contents (path, &log, NULL, NULL));
        if (strstr (log, "execute s1: WITH keys AS (DELETE FROM idempotency_key") != NULL)
          break;
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_usleep (50 * 1000);
      }
  }

  /* a sign-in on a connection that has not prepared its statements yet */
  cold = sign_in_round_trips (fixture, right, 201, &cold_parses);
  g_test_message ("first sign-in on a connection: %u round trips (%u of them prepares)", cold, cold_parses);
  g_assert_cmpuint (cold, ==, 4);
  g_assert_cmpuint (cold_parses, ==, 2);

  /* from then on, two: the lockout check with the user, and the session */
  trips = sign_in_round_trips (fixture, right, 201, NULL);
  g_test_message ("sign-in: %u round trips", trips);
  g_assert_cmpuint (trips, ==, 2);

  /* a failure: the check, then its audit row */
  sign_in_round_trips (fixture, wrong, 401, NULL);
  trips = sign_in_round_trips (fixture, wrong, 401, NULL);
  g_test_message ("failed sign-in: %u round trips", trips);
  g_assert_cmpuint (trips, ==, 2);

  /* locked out: the check alone */
  trips = sign_in_round_trips (fixture, wrong, 401, NULL);
  trips = sign_in_round_trips (fixture, wrong, 429, NULL);
  g_test_message ("refused sign-in: %u round trip", trips);
  g_assert_cmpuint (trips, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/db-role/pool-login-role", Fixture, NULL, fixture_setup, test_pool_login_role,
              fixture_teardown);
  g_test_add ("/server/db-role/read-durability", Fixture, NULL, fixture_setup, test_read_durability,
              fixture_teardown);
  g_test_add ("/server/db-role/sign-in-round-trips", Fixture, NULL, fixture_setup, test_sign_in_round_trips,
              fixture_teardown);
  return g_test_run ();
}
