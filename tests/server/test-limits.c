/* test-limits.c
 *
 * What a request may carry before any handler sees it, against the real
 * daemon: JSON bodies that RFC 8259 refuses or json-glib takes leniently
 * (400, and no memory lost to them), NUL in a string, query strings that
 * are not valid (400, never "no parameters"), path parameters that are not
 * identifiers (404, with the path escaped), If-Match values that are no
 * version of ours (412), problem documents that are valid JSON whatever
 * was sent, and log lines that a request cannot forge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include "sc-error.h"
#include "sc-json.h"
#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef struct
{
  ScTestCluster *cluster;
  ScTestDaemon  *daemon;
  guint16        port;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--lockout-failures", "1000", "--lockout-address-failures", "1000", NULL };
  const char *url;

  fixture->cluster = sc_test_cluster_new (&error);
  g_assert_no_error (error);
  fixture->daemon = sc_test_daemon_spawn_demo (fixture->cluster, args);
  url = sc_test_daemon_get_base_url (fixture->daemon);
  fixture->port = (guint16) g_ascii_strtoull (strrchr (url, ':') + 1, NULL, 10);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->daemon, sc_test_daemon_free);
  g_clear_pointer (&fixture->cluster, sc_test_cluster_free);
}

/* --- raw HTTP: the path goes out exactly as written --------------------- */

typedef struct
{
  guint  status;
  char  *head;
  char  *body;
} Raw;

static void
raw_free (Raw *raw)
{
  g_free (raw->head);
  g_free (raw->body);
  g_free (raw);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Raw, raw_free)

static GSocket *
connect_to (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, fixture->port);
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);

  g_assert_no_error (error);
  g_socket_set_timeout (socket, 20);
  g_assert_true (g_socket_connect (socket, address, NULL, &error));
  g_assert_no_error (error);
  return socket;
}

static Raw *
raw_exchange (GSocket    *socket,
              const char *text,
              gsize       length)
{
  g_autoptr(GString) in = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gssize head_end = -1;   /* offset of the blank line */
  gsize needed = 0;
  gsize sent = 0;
  Raw *raw;

  while (sent < length)
    {
      gssize n = g_socket_send (socket, text + sent, length - sent, NULL, &error);

      g_assert_no_error (error);
      sent += (gsize) n;
    }
  while (head_end < 0 || in->len < needed)
    {
      char buffer[8192];
      gssize n = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error);
      const char *end;

      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
      g_string_append_len (in, buffer, n);
      if (head_end < 0 && (end = strstr (in->str, "\r\n\r\n")) != NULL)
        {
          const char *length_header = strstr (in->str, "Content-Length: ");

          g_assert_nonnull (length_header);
          head_end = end - in->str;
          needed = (gsize) head_end + 4 + g_ascii_strtoull (length_header + 16, NULL, 10);
        }
    }
  raw = g_new0 (Raw, 1);
  raw->head = g_strndup (in->str, head_end);
  raw->body = g_strndup (in->str + head_end + 4, needed - (gsize) head_end - 4);
  raw->status = (guint) g_ascii_strtoull (in->str + strlen ("HTTP/1.1 "), NULL, 10);
  return raw;
}

static Raw *
raw_request (Fixture    *fixture,
             const char *method,
             const char *target,
             const char *token,
             const char *extra_headers,
             const char *body)
{
  g_autoptr(GSocket) socket = connect_to (fixture);
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "%s %s HTTP/1.1\r\nHost: test\r\nConnection: close\r\n", method, target);
  if (token != NULL)
    g_string_append_printf (out, "Authorization: Bearer %s\r\n", token);
  if (extra_headers != NULL)
    g_string_append (out, extra_headers);
  if (body != NULL)
    g_string_append_printf (out, "Content-Type: application/json\r\nContent-Length: %" G_GSIZE_FORMAT "\r\n",
                            strlen (body));
  g_string_append (out, "\r\n");
  if (body != NULL)
    g_string_append (out, body);
  return raw_exchange (socket, out->str, out->len);
}

/* A problem document: valid UTF-8, strict JSON, with the status given. */
static JsonObject *
assert_problem (Raw        *raw,
                guint       status,
                const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  if (raw->status != status)
    g_error ("expected %u, got %u: %s", status, raw->status, raw->body);
  if (strstr (raw->head, "\r\nContent-Type: application/problem+json") == NULL)
    g_error ("not a problem document: %s", raw->head);
  g_assert_true (g_utf8_validate (raw->body, -1, NULL));
  g_assert_true (sc_json_check_object_text (raw->body, strlen (raw->body), 32, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, raw->body, -1, &error));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (object, "status"), ==, status);
  g_assert_cmpstr (json_object_get_string_member (object, "code"), ==, code);
  return json_object_ref (object);
}

static char *
sign_in (Fixture    *fixture,
         const char *username)
{
  return sc_test_sign_in (fixture->daemon, username, SC_TEST_DEMO_PASSWORD);
}

/* --- JSON bodies -------------------------------------------------------- */

static void
test_json_bodies (Fixture       *fixture,
                  gconstpointer  data)
{
  const char * const bodies[] = {
    "{\"\":'\"'}{}",
    "{\"username\":\"sysadmin\",\"password\":\"" SC_TEST_DEMO_PASSWORD "\"}{}",
    "{'username':'sysadmin','password':'" SC_TEST_DEMO_PASSWORD "'}",
    "{\"username\":\"sysadmin\",\"password\":\"" SC_TEST_DEMO_PASSWORD "\",\"username\":\"manager\"}",
    "{/* */\"username\":\"sysadmin\",\"password\":\"" SC_TEST_DEMO_PASSWORD "\"}",
    "{\"username\":\"sysadmin\",\"password\":\"" SC_TEST_DEMO_PASSWORD "\",}",
    "{\"username\":0x10,\"password\":1}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(Raw) raw = raw_request (fixture, "POST", "/api/v1/sessions", NULL, NULL, bodies[i]);
      g_autoptr(JsonObject) problem = assert_problem (raw, 400, "malformed-request");

      g_assert_true (g_str_has_prefix (json_object_get_string_member (problem, "detail"), "invalid JSON: "));
    }
}

static void
test_json_nul (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(Raw) raw = raw_request (fixture, "POST", "/api/v1/sessions", NULL, NULL,
                                    "{\"username\": \"sysadmin\\u0000x\", \"password\": \"" SC_TEST_DEMO_PASSWORD "\"}");
  g_autoptr(JsonObject) problem = assert_problem (raw, 400, "malformed-request");
  g_autoptr(Raw) in_password = NULL;
  g_autoptr(JsonObject) password_problem = NULL;

  /* not signed in as "sysadmin" */
  g_assert_null (strstr (raw->body, "token"));
  g_assert_cmpstr (json_object_get_string_member (problem, "detail"), ==,
                   "invalid JSON: strings must not contain NUL (\\u0000)");

  in_password = raw_request (fixture, "POST", "/api/v1/sessions", NULL, NULL,
                             "{\"username\": \"sysadmin\", \"password\": \"" SC_TEST_DEMO_PASSWORD "\\u0000\"}");
  password_problem = assert_problem (in_password, 400, "malformed-request");
}

static gint64
resident_kib (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *contents = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  line = strstr (contents, "VmRSS:");
  g_assert_nonnull (line);
  return g_ascii_strtoll (line + strlen ("VmRSS:"), NULL, 10);
}

/* 20,000 of the body that leaked about 300 bytes a time (6 MB in all): the
 * daemon's memory stays where it was. Under the sanitizer build the
 * daemon's exit (LeakSanitizer) checks the same. */
static void
test_json_no_leak (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char request[] =
    "POST /api/v1/sessions HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
    "Content-Length: 10\r\n\r\n{\"\":'\"'}{}";
  GPid pid = sc_test_daemon_get_pid (fixture->daemon);
  g_autoptr(GSocket) socket = connect_to (fixture);
  guint n = g_test_slow () ? 50000 : 20000;
  gint64 before = 0;
  gint64 after;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(Raw) raw = raw_exchange (socket, request, sizeof request - 1);

      g_assert_cmpuint (raw->status, ==, 400);
      if (i == 2000)
        before = resident_kib (pid);
    }
  after = resident_kib (pid);
  g_test_message ("resident memory: %" G_GINT64_FORMAT " KiB after 2,000 such bodies, %" G_GINT64_FORMAT
                  " KiB after %u", before, after, n);
#if !defined(__SANITIZE_ADDRESS__)
  g_assert_cmpint (after - before, <, 1536);
#endif
}

/* --- query strings ----------------------------------------------------- */

static void
test_query_strings (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *token = sign_in (fixture, "sysadmin");
  const char * const bad[] = {
    "/api/v1/audit?user=nobody&x=%FF",
    "/api/v1/audit?user=nobody%00",
    "/api/v1/audit?user=%C3",
    "/api/v1/audit?user=nobody&&limit=1",
    "/api/v1/users?role=caseworker&x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(Raw) raw = NULL;
      g_autoptr(JsonObject) problem = NULL;

      g_test_message ("query: %s", bad[i]);
      raw = raw_request (fixture, "GET", bad[i], token, NULL, NULL);
      problem = assert_problem (raw, 400, "malformed-request");

      g_assert_true (g_str_has_prefix (json_object_get_string_member (problem, "detail"),
                                       "the query string is not valid"));
    }
  /* a bad %-escape: libsoup itself refuses the request target */
  {
    g_autoptr(Raw) raw = raw_request (fixture, "GET", "/api/v1/audit?user=nobody&x=%zz", token, NULL, NULL);

    g_assert_cmpuint (raw->status, ==, 400);
  }
  /* a refusal of libsoup's own after the headers is a problem document too */
  {
    g_autoptr(Raw) raw = raw_request (fixture, "GET", "https://test/api/v1/health", token, NULL, NULL);
    g_autoptr(JsonObject) problem = assert_problem (raw, 400, "malformed-request");
  }
  /* a valid one still filters: nobody has no rows */
  {
    g_autoptr(Raw) raw = raw_request (fixture, "GET", "/api/v1/audit?user=nobody", token, NULL, NULL);

    g_assert_cmpuint (raw->status, ==, 200);
    g_assert_nonnull (strstr (raw->body, "\"items\":[]"));
  }
  {
    g_autoptr(Raw) raw = raw_request (fixture, "GET", "/api/v1/audit?user=sysadmin&limit=1", token, NULL, NULL);

    g_assert_cmpuint (raw->status, ==, 200);
    g_assert_null (strstr (raw->body, "\"items\":[]"));
  }
}

/* --- path parameters ------------------------------------------------------ */

static void
test_path_params (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *admin = sign_in (fixture, "sysadmin");
  g_autofree char *caseworker = sign_in (fixture, "caseworker");
  g_autofree char *long_id = g_strnfill (60000, '7');
  g_autofree char *long_path = g_strconcat ("/api/v1/users/", long_id, NULL);
  g_autofree char *ok_id = g_strnfill (64, '1');
  g_autofree char *ok_path = g_strconcat ("/api/v1/users/", ok_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *longest = NULL;
  g_autofree char *valid = NULL;
  struct { const char *path; const char *shown; } cases[] = {
    { "/api/v1/users/%FF", "no resource at /api/v1/users/%FF" },
    { "/api/v1/users/1%FE%FF/password", "no resource at /api/v1/users/1%FE%FF/password" },
    { "/api/v1/users/1%0A2", "no resource at /api/v1/users/1%0A2" },
    { "/api/v1/users/%1B%5B31m", "no resource at /api/v1/users/%1B[31m" },
    { "/api/v1/users/%C2%85", "no resource at /api/v1/users/%C2%85" },
    { long_path, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint who = 0; who < 2; who++)
      {
        const char *token = who == 0 ? admin : caseworker;
        const char *method = i == 1 ? "POST" : "GET";
        g_autoptr(Raw) raw = raw_request (fixture, method, cases[i].path, token, NULL, i == 1 ? "{}" : NULL);
        g_autoptr(JsonObject) problem = assert_problem (raw, 404, "not-found");
        const char *detail = json_object_get_string_member (problem, "detail");

        if (cases[i].shown != NULL)
          g_assert_cmpstr (detail, ==, cases[i].shown);
        else
          {
            /* shown cut short, and saying how long it was */
            g_assert_cmpuint (strlen (detail), <, 400);
            g_assert_nonnull (strstr (detail, "(60014 bytes)"));
          }
      }

  /* 64 bytes is an identifier: the handler answers (not a user id we have) */
  {
    g_autoptr(Raw) raw = raw_request (fixture, "GET", ok_path, admin, NULL, NULL);

    g_assert_true (raw->status == 404 || raw->status == 400);
    g_assert_null (strstr (raw->body, "no resource at"));
  }

  /* nothing of it reached the audit trail */
  longest = sc_test_cluster_psql (fixture->cluster,
                                  "SELECT coalesce(max(length(resource_id)), 0) FROM audit_event", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_ascii_strtoll (longest, NULL, 10), <=, 64);
  valid = sc_test_cluster_psql (fixture->cluster,
                                "SELECT count(*) FROM audit_event WHERE resource_id ~ '[[:cntrl:]]'", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (valid, ==, "0");
}

/* --- If-Match ------------------------------------------------------------- */

static void
test_if_match (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *admin = sign_in (fixture, "sysadmin");
  g_autoptr(ScTestResponse) users = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/users?role=caseworker",
                                                    NULL, NULL);
  JsonArray *items;
  gint64 id;
  g_autofree char *path = NULL;
  const char * const bad[] = {
    "\"9223372036854775807\"", "\"2147483648\"", "\"0\"", "\"-1\"", "\"abc\"", "\"\"", "7", "*",
    "\"1\", \"2\"", "W/\"99999999999999999999\"", "\"1 \"",
  };

  g_assert_cmpuint (users->status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (users->json), "items");
  id = json_object_get_int_member (json_array_get_object_element (items, 0), "id");
  path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT, id);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *header = g_strdup_printf ("If-Match: %s\r\n", bad[i]);
      g_autoptr(Raw) raw = raw_request (fixture, "PATCH", path, admin, header, "{\"full_name\":\"A New Name\"}");

      g_test_message ("If-Match: %s", bad[i]);
      assert_problem (raw, 412, "precondition-failed");
    }
  /* the largest version a PostgreSQL integer holds is still a version: stale */
  {
    g_autoptr(Raw) raw = raw_request (fixture, "PATCH", path, admin, "If-Match: \"2147483647\"\r\n",
                                      "{\"full_name\":\"A New Name\"}");

    assert_problem (raw, 412, "precondition-failed");
  }
  /* and the right one works */
  {
    g_autoptr(Raw) raw = raw_request (fixture, "PATCH", path, admin, "If-Match: \"1\"\r\n",
                                      "{\"full_name\":\"A New Name\"}");

    g_assert_cmpuint (raw->status, ==, 200);
  }
}

/* --- the log ------------------------------------------------------------- */

static void
test_log_not_forged (Fixture       *fixture,
                     gconstpointer  data)
{
  GPid pid = sc_test_daemon_get_pid (fixture->daemon);
  g_autofree char *forged_prefix = g_strdup_printf ("sendcased[%d] INFO scd-server: FORGED", pid);
  g_autofree char *real_prefix = g_strdup_printf (" sendcased[%d] ", pid);
  g_autofree char *log = NULL;
  g_auto(GStrv) lines = NULL;
  guint seen = 0;

  {
    g_autofree char *target = g_strdup_printf ("/api/v1/x%%0A2026-11-23T09:15:02.123Z%%20sendcased[%d]%%20INFO"
                                               "%%20scd-server:%%20FORGED%%0D%%1B[2J%%E2%%80%%A8%%FF%%5C", pid);
    g_autoptr(Raw) raw = raw_request (fixture, "GET", target, NULL, NULL, NULL);
    g_autoptr(JsonObject) problem = assert_problem (raw, 404, "not-found");

    g_assert_true (g_str_has_prefix (json_object_get_string_member (problem, "detail"),
                                     "no resource at /api/v1/x%0A2026-11-23T09:15:02.123Z sendcased["));
  }
  /* a username is logged nowhere, but a path is: every line is the writer's */
  g_usleep (100 * 1000);
  log = sc_test_daemon_dup_log (fixture->daemon);
  lines = g_strsplit (log, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      GDateTime *stamp;
      g_autofree char *text = NULL;

      if (*lines[i] == '\0')
        continue;
      /* raw lines from libpq have no timestamp; ours all do */
      if (!g_ascii_isdigit (lines[i][0]))
        continue;
      text = g_strndup (lines[i], 24);
      stamp = g_date_time_new_from_iso8601 (text, NULL);
      g_assert_nonnull (stamp);
      g_date_time_unref (stamp);
      g_assert_true (g_str_has_prefix (lines[i] + 24, real_prefix));
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      for (const char *p = lines[i]; *p != '\0'; p++)
        g_assert_cmpint ((guchar) *p, >=, 0x20);
      g_assert_false (g_str_has_prefix (lines[i] + 25, forged_prefix));
      if (strstr (lines[i], "path=/api/v1/x\\n2026-11-23T09:15:02.123Z sendcased[") != NULL)
        {
          g_assert_nonnull (strstr (lines[i], "FORGED\\r\\x1b[2J\\u2028\\xff\\\\ status=404"));
          seen++;
        }
    }
  g_assert_cmpuint (seen, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/limits/json/bodies", Fixture, NULL, fixture_setup, test_json_bodies, fixture_teardown);
  g_test_add ("/server/limits/json/nul", Fixture, NULL, fixture_setup, test_json_nul, fixture_teardown);
  g_test_add ("/server/limits/json/no-leak", Fixture, NULL, fixture_setup, test_json_no_leak, fixture_teardown);
  g_test_add ("/server/limits/query-strings", Fixture, NULL, fixture_setup, test_query_strings, fixture_teardown);
  g_test_add ("/server/limits/path-params", Fixture, NULL, fixture_setup, test_path_params, fixture_teardown);
  g_test_add ("/server/limits/if-match", Fixture, NULL, fixture_setup, test_if_match, fixture_teardown);
  g_test_add ("/server/limits/log-not-forged", Fixture, NULL, fixture_setup, test_log_not_forged, fixture_teardown);
  return g_test_run ();
}
