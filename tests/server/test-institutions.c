/* test-institutions.c
 *
 * The institution directory on a real cluster: `sendcasectl institutions
 * import` of a GIAS file as published (tests/data/gias-sample.csv: the
 * real header, Windows-1252 names, quoted commas, quotes and line breaks,
 * a closed establishment, an FE college, an independent special school,
 * nurseries, and bad rows), its counts and rejections with their lines;
 * the same file again changes nothing; a changed file changes only what
 * changed; and the search and read routes over it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sc-institution.h"
#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef ScTestServer Fixture;

/* sendcasectl institutions import @file on the fixture's database; its
 * standard output in *@out */
static int
import (Fixture     *fixture,
        const char  *file,
        char       **out)
{
  g_autofree char *sendcasectl = sc_test_build_path ("server/sendcasectl");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error, sendcasectl,
                              "--database", sc_test_cluster_get_conninfo (fixture->cluster), "institutions",
                              "import", file, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, &err, &error);
  g_assert_no_error (error);
  if (err != NULL && err[0] != '\0')
    g_test_message ("sendcasectl: %s", err);
  return g_subprocess_get_exit_status (process);
}

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "tests", "data", "gias-sample.csv", NULL);
}

/* The URNs of a page of institutions, "a,b,c" */
static char *
urns_of (ScTestResponse *response)
{
  JsonArray *items;
  GString *urns = g_string_new (NULL);

  if (response->status != 200)
    g_error ("%u: %s", response->status, (const char *) g_bytes_get_data (response->body, NULL));
  items = json_object_get_array_member (json_node_get_object (response->json), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScInstitution) institution = sc_institution_new_from_json (json_array_get_element (items, i),
                                                                            &error);

      g_assert_no_error (error);
      g_string_append_printf (urns, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", institution->urn);
    }
  return g_string_free (urns, FALSE);
}

static char *
search (Fixture    *fixture,
        const char *token,
        const char *query)
{
  g_autofree char *path = g_strconcat ("/api/v1/institutions", query, NULL);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);

  return urns_of (r);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *file = sample_path ();
  g_autofree char *out = NULL;
  g_autofree char *name = NULL;
  g_autofree char *street = NULL;
  g_autofree char *rows = NULL;

  g_assert_cmpint (import (fixture, file, &out), ==, 0);
  g_assert_nonnull (strstr (out, "read as Windows-1252"));
  g_assert_nonnull (strstr (out, "rejected line 9: URN: \"EY123\" is not a number\n"));
  g_assert_nonnull (strstr (out, "rejected line 10: EstablishmentName: is empty\n"));
  g_assert_nonnull (strstr (out, "rejected line 11: OpenDate: \"2015-09-01\" is not a date (DD-MM-YYYY)\n"));
  g_assert_nonnull (strstr (out, "rejected line 12: URN 100000 is on an earlier line too\n"));
  g_assert_true (g_str_has_suffix (out, "11 rows: 7 added, 0 updated, 0 unchanged, 1 closed, 4 rejected\n"));
  /* the names as written, in UTF-8; a quoted line break kept */
  name = sc_test_psql (fixture->cluster, "SELECT name FROM institution WHERE urn = 100004");
  g_assert_cmpstr (name, ==, "Ysgol Gymraeg Llundain \u2013 Caf\u00e9 Hill\u2019s School");
  g_free (name);
  name = sc_test_psql (fixture->cluster, "SELECT name FROM institution WHERE urn = 100006");
  g_assert_cmpstr (name, ==, "The \"New\" Academy");
  street = sc_test_psql (fixture->cluster, "SELECT street = E'Unit 4,\\nThe Mill Yard' FROM institution WHERE urn = 100003");
  g_assert_cmpstr (street, ==, "t");
  rows = sc_test_psql (fixture->cluster, "SELECT count(*) || ' ' || string_agg(urn::text, ',' ORDER BY urn)"
                       " FROM institution WHERE close_date = '2015-08-31' OR ukprn = 10001234");
  g_assert_cmpstr (rows, ==, "2 100005,130400");

  /* the same file again changes nothing, and names no institution in the audit trail */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (import (fixture, file, &out), ==, 0);
  g_assert_true (g_str_has_suffix (out, "11 rows: 0 added, 0 updated, 7 unchanged, 0 closed, 4 rejected\n"));
  g_clear_pointer (&rows, g_free);
  rows = sc_test_psql (fixture->cluster, "SELECT string_agg(cardinality(resource_ids)::text, ',' ORDER BY id)"
                       " FROM audit_event WHERE action = 'institution.import'");
  g_assert_cmpstr (rows, ==, "7,0");

  /* a school closed since: one row updated, one closed */
  {
    g_autofree char *text = NULL;
    g_autofree char *changed = NULL;
    g_autofree char *dir = sc_test_make_tmpdir ("sc-gias-XXXXXX");
    g_autofree char *copy = g_build_filename (dir, "changed.csv", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(GString) edited = NULL;
    gsize length;

    g_file_get_contents (file, &text, &length, &error);
    g_assert_no_error (error);
    edited = g_string_new_len (text, (gssize) length);
    g_assert_cmpuint (g_string_replace (edited, "Academies,,Open,,,01-09-2015", "Academies,,Closed,,,01-09-2015", 1),
                      ==, 1);
    g_file_set_contents (copy, edited->str, (gssize) edited->len, &error);
    g_assert_no_error (error);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (import (fixture, copy, &out), ==, 0);
    g_assert_true (g_str_has_suffix (out, "11 rows: 0 added, 1 updated, 6 unchanged, 1 closed, 4 rejected\n"));
    changed = sc_test_psql (fixture->cluster, "SELECT status FROM institution WHERE urn = 100006");
    g_assert_cmpstr (changed, ==, "Closed");
    g_unlink (copy);
    g_rmdir (dir);
  }
  /* a file that is not GIAS's is refused whole */
  {
    g_autofree char *dir = sc_test_make_tmpdir ("sc-gias-XXXXXX");
    g_autofree char *other = g_build_filename (dir, "other.csv", NULL);
    g_autoptr(GError) error = NULL;

    g_file_set_contents (other, "Name,Town\nHill,London\n", -1, &error);
    g_assert_no_error (error);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (import (fixture, other, &out), ==, 2);
    g_unlink (other);
    g_rmdir (dir);
  }
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *file = sample_path ();
  g_autofree char *out = NULL;
  g_autofree char *worker = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  static const struct { const char *query; const char *urns; } cases[] = {
    /* words of the name, in any order and case; by name */
    { "?q=hill", "100005,100004" },
    { "?q=HILL%20school", "100005,100004" },
    { "?q=hill&status=open", "100004" },
    /* a URN exactly */
    { "?q=100000", "100000" },
    /* the start of a postcode, with or without its space */
    { "?q=SE10", "100005,100006" },
    { "?q=se10%209l", "100005,100006" },
    { "?q=se18&status=open", "150011,130400" },
    /* the phase and the authority, by code or name */
    { "?phase=secondary", "100003,100006" },
    { "?la=202", "100003,100004" },
    { "?la=camden&phase=Not%20applicable", "100004" },
    { "?q=nothing%20like%20it", "" },
  };

  g_assert_cmpint (import (fixture, file, &out), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *urns = search (fixture, worker, cases[i].query);

      if (g_strcmp0 (urns, cases[i].urns) != 0)
        g_error ("%s: %s, not %s", cases[i].query, urns, cases[i].urns);
    }
  /* pages without a gap */
  {
    g_autoptr(ScTestResponse) first = sc_test_authed (fixture->daemon, officer, "GET", "/api/v1/institutions?limit=4",
                                                      NULL, NULL);
    const char *next = json_object_get_string_member (json_node_get_object (first->json), "next_cursor");
    g_autofree char *path = g_strdup_printf ("/api/v1/institutions?limit=4&cursor=%s", next);
    g_autoptr(ScTestResponse) second = sc_test_authed (fixture->daemon, officer, "GET", path, NULL, NULL);
    g_autofree char *a = urns_of (first);
    g_autofree char *b = urns_of (second);
    g_autofree char *all = search (fixture, officer, "");
    g_autofree char *both = g_strconcat (a, ",", b, NULL);

    g_assert_cmpstr (both, ==, all);
    g_assert_true (json_object_get_null_member (json_node_get_object (second->json), "next_cursor"));
  }
  /* one, and one the directory does not have */
  {
    g_autoptr(ScTestResponse) one = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/institutions/130400",
                                                    NULL, NULL);
    g_autoptr(ScTestResponse) none = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/institutions/999999",
                                                     NULL, NULL);
    g_autoptr(ScTestResponse) bad = sc_test_authed (fixture->daemon, worker, "GET", "/api/v1/institutions?status=shut",
                                                    NULL, NULL);
    g_autoptr(ScTestResponse) anonymous = sc_test_daemon_request (fixture->daemon, "GET", "/api/v1/institutions",
                                                                  NULL, NULL, NULL);
    JsonObject *college;

    g_assert_cmpuint (one->status, ==, 200);
    college = json_node_get_object (one->json);
    g_assert_cmpstr (json_object_get_string_member (college, "type"), ==, "Further education");
    g_assert_cmpint (json_object_get_int_member (college, "ukprn"), ==, 10001234);
    g_assert_cmpint (json_object_get_int_member (college, "high_age"), ==, 99);
    g_assert_true (json_object_get_boolean_member (college, "open"));
    g_assert_cmpuint (none->status, ==, 404);
    g_assert_cmpuint (bad->status, ==, 422);
    g_assert_nonnull (strstr (g_bytes_get_data (bad->body, NULL), "\"status\""));
    g_assert_cmpuint (anonymous->status, ==, 401);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/institutions/import", Fixture, NULL, sc_test_server_setup, test_import,
              sc_test_server_teardown);
  g_test_add ("/server/institutions/search", Fixture, NULL, sc_test_server_setup, test_search,
              sc_test_server_teardown);
  return g_test_run ();
}
