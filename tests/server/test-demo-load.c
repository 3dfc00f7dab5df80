/* test-demo-load.c
 *
 * Loading a synthetic authority (scd-demo-authority.h) through the stores:
 * every child, case and event lands, each case at the stage its history
 * gives, with its audit rows and the clock's milestones; every school or
 * college its cases consulted is in the directory; its caseworkers can sign
 * in; loading again adds nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-daemon.h"
#include "scd-demo-authority.h"
#include "scd-migrate.h"

typedef ScTestServer Fixture;

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  g_autofree char *out = sc_test_psql (fixture->cluster, sql);

  return g_ascii_strtoll (out, NULL, 10);
}

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(ScdDemoAuthority) authority = scd_demo_authority_new (7, 3, 8, 12, sc_day_from_ymd (2026, 11, 30));
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *stages = NULL;
  g_autofree char *token = NULL;
  guint events = 0;

  /* the schema and the demo users are there; the daemon is not needed */
  g_assert_cmpint (sc_test_daemon_stop (fixture->daemon), ==, 0);
  g_clear_pointer (&fixture->daemon, sc_test_daemon_free);

  g_assert_true (scd_demo_authority_load_into (sc_test_cluster_get_conninfo (fixture->cluster), authority, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < authority->cases->len; i++)
    {
      const ScdDemoCase *c = g_ptr_array_index (authority->cases, i);

      events += sc_case_history_get_n_events (c->history);
      g_string_append_printf (expected, "%s%s", i > 0 ? "," : "", sc_case_stage_to_string (sc_case_get_stage (c->history)));
    }
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM person"), ==, authority->cases->len);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM ehc_case"), ==, authority->cases->len);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM case_event"), ==, events);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_event WHERE action = 'case.create'"), ==,
                   authority->cases->len);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_event WHERE action = 'case.event.create'"), ==,
                   events - authority->cases->len);
  /* each case where its history leaves it, and its deadlines the clock's */
  stages = sc_test_psql (fixture->cluster, "SELECT string_agg(stage, ',' ORDER BY id) FROM ehc_case");
  g_assert_cmpstr (stages, ==, expected->str);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM case_milestone"), >, authority->cases->len);
  /* every case has its owner, a caseworker of the authority */
  g_assert_cmpint (count (fixture, "SELECT count(DISTINCT owner_id) FROM ehc_case"), ==, 3);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM ehc_case c JOIN app_user u ON u.id = c.owner_id"
                                   " WHERE u.role <> 'caseworker'"), ==, 0);

  /* every institution consulted is in the directory, open, named */
  g_assert_cmpint (count (fixture, "SELECT count(DISTINCT key) FROM case_event WHERE type = 'consultation_sent'"), >, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM case_event e WHERE e.type = 'consultation_sent'"
                                   " AND NOT EXISTS (SELECT 1 FROM institution i WHERE i.urn::text = e.key"
                                   " AND i.status = 'Open' AND i.name <> '')"), ==, 0);

  /* once only */
  g_assert_true (scd_demo_authority_load_into (sc_test_cluster_get_conninfo (fixture->cluster), authority, &error));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM ehc_case"), ==, authority->cases->len);

  /* the caseworkers sign in with the demo password and see their caseload */
  fixture->daemon = sc_test_daemon_spawn_demo (fixture->cluster, NULL);
  token = sc_test_sign_in (fixture->daemon, "cw.2", SC_TEST_DEMO_PASSWORD);
  {
    g_autoptr(ScTestResponse) caseload = sc_test_authed (fixture->daemon, token, "GET",
                                                          "/api/v1/caseload?owner=me&status=all&limit=500", NULL,
                                                          NULL);

    g_assert_cmpuint (caseload->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (caseload->json),
                                                                            "items")), >, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/demo-load/load", Fixture, NULL, sc_test_server_setup, test_load, sc_test_server_teardown);
  return g_test_run ();
}
