/* test-http.c
 *
 * The HTTP surface of the foundation against a real daemon on a real
 * throwaway PostgreSQL: health, problem documents for 404/405/413, request
 * ids and the request log, the listen backlog, and PostgreSQL going away and
 * coming back under a running daemon.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

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
  const char *args[] = { "--database", NULL, NULL };

  fixture->cluster = sc_test_cluster_new (&error);
  g_assert_no_error (error);
  args[1] = sc_test_cluster_get_conninfo (fixture->cluster);
  fixture->daemon = sc_test_daemon_spawn (args, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->daemon, sc_test_daemon_free);
  g_clear_pointer (&fixture->cluster, sc_test_cluster_free);
}

static void
assert_problem (ScTestResponse *response,
                guint           status,
                const char     *code)
{
  const char *type = soup_message_headers_get_content_type (response->headers, NULL);

  g_assert_cmpuint (response->status, ==, status);
  g_assert_cmpstr (type, ==, "application/problem+json");
  g_assert_nonnull (response->json);
  g_assert_cmpint (sc_test_response_get_int (response, "status"), ==, status);
  g_assert_cmpstr (sc_test_response_get_string (response, "code"), ==, code);
  g_assert_nonnull (sc_test_response_get_string (response, "type"));
  g_assert_nonnull (sc_test_response_get_string (response, "title"));
  g_assert_nonnull (sc_test_response_get_string (response, "detail"));
  /* the id in the body is the one in the header and in the log */
  g_assert_cmpstr (sc_test_response_get_string (response, "request_id"), ==,
                   soup_message_headers_get_one (response->headers, "X-Request-Id"));
}

static void
test_health (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(ScTestResponse) response = sc_test_daemon_request (fixture->daemon, "GET", "/api/v1/health", NULL, NULL, NULL);

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (response->headers, NULL), ==, "application/json");
  g_assert_cmpstr (sc_test_response_get_string (response, "status"), ==, "ok");
  g_assert_cmpstr (sc_test_response_get_string (response, "database"), ==, "ok");
  g_assert_cmpint (sc_test_response_get_int (response, "schema_version"), >=, 1);
  g_assert_cmpstr (sc_test_response_get_string (response, "version"), ==, PACKAGE_VERSION);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  const char *paths[] = { "/", "/api/v1/nothing", "/api/v1/health/extra", "/api/v2/health" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(ScTestResponse) response = sc_test_daemon_request (fixture->daemon, "GET", paths[i], NULL, NULL, NULL);
      assert_problem (response, 404, "not-found");
    }
}

static void
test_method_not_allowed (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *methods[] = { "POST", "PUT", "DELETE", "PATCH" };

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autoptr(ScTestResponse) response = sc_test_daemon_request (fixture->daemon, methods[i], "/api/v1/health",
                                                                   NULL, NULL, NULL);
      assert_problem (response, 405, "method-not-allowed");
      g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Allow"), ==, "GET");
    }
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *big = g_strnfill (2 * 1024 * 1024, ' ');
  g_autoptr(ScTestResponse) response = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/health",
                                                               "application/json", big, NULL);
  g_autoptr(ScTestResponse) after = NULL;

  assert_problem (response, 413, "payload-too-large");
  /* the daemon is none the worse for it */
  after = sc_test_daemon_request (fixture->daemon, "GET", "/api/v1/health", NULL, NULL, NULL);
  g_assert_cmpuint (after->status, ==, 200);
}

static void
test_too_large_chunked (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *url = g_strconcat (sc_test_daemon_get_base_url (fixture->daemon), "/api/v1/health", NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  gsize size = 3 * 1024 * 1024;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_malloc0 (size), size, g_free);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  /* no Content-Length: the body comes chunked and is counted as it comes */
  soup_message_set_request_body (msg, "application/json", stream, -1);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 413);
}

static void
test_hostile_json (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) deep = g_string_new ("{\"username\":");
  const char *bodies[] = { NULL, "{\"username\":\"\\x\"}", "{\"username\":\"\\ud800\"}",
                           "{} {}", "[1]", "\"text\"", "{\"a\":\"\x01\"}" };
  g_autoptr(ScTestResponse) after = NULL;

  /* 200,000 levels would overflow json-glib's recursion: refused unread */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  bodies[0] = deep->str;
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(ScTestResponse) response = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions",
                                                                   "application/json", bodies[i], NULL);
      if (response->status != 400 && response->status != 422)
        g_error ("body %u answered %u", i, response->status);
      g_assert_cmpstr (soup_message_headers_get_content_type (response->headers, NULL), ==,
                       "application/problem+json");
    }
  after = sc_test_daemon_request (fixture->daemon, "GET", "/api/v1/health", NULL, NULL, NULL);
  g_assert_cmpuint (after->status, ==, 200);
}

static void
test_request_log (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ScTestResponse) response = sc_test_daemon_request (fixture->daemon, "GET", "/api/v1/nothing?name=secret",
                                                               NULL, NULL, NULL);
  const char *id = soup_message_headers_get_one (response->headers, "X-Request-Id");
  g_autofree char *expected = g_strdup_printf ("request_id=%s", id);
  g_autofree char *log = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean found = FALSE;

  g_assert_nonnull (id);
  g_assert_cmpuint (strlen (id), ==, 16);
  /* the line is written when the response is done: give it a moment */
  for (int tries = 0; tries < 100 && !found; tries++)
    {
      g_free (log);
      log = sc_test_daemon_dup_log (fixture->daemon);
      found = strstr (log, expected) != NULL;
      if (!found)
        g_usleep (10000);
    }
  g_assert_true (found);
  lines = g_strsplit (log, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], expected) == NULL)
        continue;
      g_assert_nonnull (strstr (lines[i], "method=GET"));
      g_assert_nonnull (strstr (lines[i], "path=/api/v1/nothing "));
      g_assert_nonnull (strstr (lines[i], "status=404"));
      g_assert_nonnull (strstr (lines[i], "duration_ms="));
      /* query strings may carry personal data: never logged */
      g_assert_null (strstr (lines[i], "secret"));
    }
}

static void
test_backlog (Fixture       *fixture,
              gconstpointer  data)
{
  const char *url = sc_test_daemon_get_base_url (fixture->daemon);
  const char *port = strrchr (url, ':') + 1;
  g_autofree char *filter = g_strdup_printf ("sport = :%s", port);
  const char *argv[] = { "ss", "-ltnH", filter, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;
  int status = 0;

  /* iproute2 is one of the packages ./check installs: no ss is a failure */
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    {
      g_test_fail_printf ("could not run ss (iproute2): %s", error->message);
      return;
    }
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_test_fail_printf ("ss -ltnH failed: %s: %s", error->message, err);
      return;
    }
  if (*g_strstrip (out) == '\0')
    {
      g_test_fail_printf ("ss shows no listening socket on port %s", port);
      return;
    }
  /* State Recv-Q Send-Q ...: for a listening socket Send-Q is the backlog */
  fields = g_strsplit_set (g_strstrip (out), " \t", -1);
  {
    g_autoptr(GPtrArray) words = g_ptr_array_new ();
    for (guint i = 0; fields[i] != NULL; i++)
      if (*fields[i] != '\0')
        g_ptr_array_add (words, fields[i]);
    g_assert_cmpuint (words->len, >=, 3);
    g_assert_cmpint (g_ascii_strtoll (g_ptr_array_index (words, 2), NULL, 10), >=, 128);
  }
}

static guint64
cpu_ticks (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_comm;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  after_comm = strrchr (contents, ')') + 2;
  fields = g_strsplit (after_comm, " ", -1);
  /* fields after the command: state is 0, utime is 11, stime is 12 */
  return g_ascii_strtoull (fields[11], NULL, 10) + g_ascii_strtoull (fields[12], NULL, 10);
}

static guint
health_status (ScTestDaemon *daemon,
               gboolean     *has_retry_after)
{
  g_autoptr(ScTestResponse) response = sc_test_daemon_request (daemon, "GET", "/api/v1/health", NULL, NULL, NULL);

  if (has_retry_after != NULL)
    *has_retry_after = soup_message_headers_get_one (response->headers, "Retry-After") != NULL;
  if (response->status == 503)
    g_assert_cmpstr (sc_test_response_get_string (response, "database"), ==, "unavailable");
  return response->status;
}

static void
test_database_outage (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GPid pid = sc_test_daemon_get_pid (fixture->daemon);
  gint64 stopped_at;
  gint64 elapsed;
  guint64 ticks_before;
  guint64 ticks_after;
  long hz = sysconf (_SC_CLK_TCK);
  gboolean retry_after = FALSE;
  guint status = 0;
  gint64 deadline;

  g_assert_cmpuint (health_status (fixture->daemon, NULL), ==, 200);

  g_assert_true (sc_test_cluster_stop (fixture->cluster, &error));
  g_assert_no_error (error);
  stopped_at = g_get_monotonic_time ();
  while ((status = health_status (fixture->daemon, &retry_after)) != 503 &&
         g_get_monotonic_time () - stopped_at < 5 * G_USEC_PER_SEC)
    g_usleep (20000);
  elapsed = g_get_monotonic_time () - stopped_at;
  g_assert_cmpuint (status, ==, 503);
  g_assert_true (retry_after);
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);

  /* Near idle while PostgreSQL is away: no watch spinning on a dead socket.
   * Over 2 s, allow 10% of one core (the reconnect attempts cost far less). */
  ticks_before = cpu_ticks (pid);
  g_usleep (2 * G_USEC_PER_SEC);
  ticks_after = cpu_ticks (pid);
  g_test_message ("daemon CPU while the database was down: %" G_GUINT64_FORMAT " ticks in 2 s (HZ %ld)",
                  ticks_after - ticks_before, hz);
  g_assert_cmpuint (ticks_after - ticks_before, <=, (guint64) (hz * 2 / 10));

  /* a route that needs the database: a 503 problem document with Retry-After */
  {
    g_autoptr(ScTestResponse) response = sc_test_daemon_request (fixture->daemon, "POST", "/api/v1/sessions",
                                                                 "application/json",
                                                                 "{\"username\":\"a\",\"password\":\"b\"}", NULL);
    assert_problem (response, 503, "unavailable");
    g_assert_nonnull (soup_message_headers_get_one (response->headers, "Retry-After"));
  }

  /* still answers everything else at once */
  {
    g_autoptr(ScTestResponse) response = sc_test_daemon_request (fixture->daemon, "GET", "/api/v1/nothing", NULL,
                                                                 NULL, NULL);
    assert_problem (response, 404, "not-found");
  }

  g_assert_true (sc_test_cluster_start (fixture->cluster, &error));
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  while ((status = health_status (fixture->daemon, NULL)) != 200 && g_get_monotonic_time () < deadline)
    g_usleep (100000);
  g_assert_cmpuint (status, ==, 200);

  /* one log line per state change, not one per attempt */
  {
    g_autofree char *log = sc_test_daemon_dup_log (fixture->daemon);
    guint lost = 0;
    guint restored = 0;
    for (const char *p = log; (p = strstr (p, "database unavailable")) != NULL; p++)
      lost++;
    for (const char *p = log; (p = strstr (p, "database connection restored")) != NULL; p++)
      restored++;
    g_assert_cmpuint (lost, ==, 1);
    g_assert_cmpuint (restored, ==, 1);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/http/health", Fixture, NULL, fixture_setup, test_health, fixture_teardown);
  g_test_add ("/server/http/not-found", Fixture, NULL, fixture_setup, test_not_found, fixture_teardown);
  g_test_add ("/server/http/method-not-allowed", Fixture, NULL, fixture_setup, test_method_not_allowed, fixture_teardown);
  g_test_add ("/server/http/too-large", Fixture, NULL, fixture_setup, test_too_large, fixture_teardown);
  g_test_add ("/server/http/too-large-chunked", Fixture, NULL, fixture_setup, test_too_large_chunked, fixture_teardown);
  g_test_add ("/server/http/hostile-json", Fixture, NULL, fixture_setup, test_hostile_json, fixture_teardown);
  g_test_add ("/server/http/request-log", Fixture, NULL, fixture_setup, test_request_log, fixture_teardown);
  g_test_add ("/server/http/backlog", Fixture, NULL, fixture_setup, test_backlog, fixture_teardown);
  g_test_add ("/server/http/database-outage", Fixture, NULL, fixture_setup, test_database_outage, fixture_teardown);
  return g_test_run ();
}
