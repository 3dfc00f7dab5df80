/* test-connections.c
 *
 * The daemon's connections, driven with raw sockets as clients and load
 * balancers really use them: thousands of connections opened and closed
 * leave no descriptor behind (libsoup 3.2 alone leaks every idle keep-alive
 * connection its client closes), over TLS too; a SIGTERM after such load
 * stops at once (every request's end is counted); idle, half-sent and
 * slow connections are closed at their deadlines; a declared body over the
 * limit is answered 413 from the headers, without being read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef struct
{
  ScTestCluster *cluster;
  ScTestDaemon  *daemon;
  guint16        port;
} Fixture;

static void
start_daemon (Fixture            *fixture,
              const char * const *extra)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *url;

  fixture->cluster = sc_test_cluster_new (&error);
  g_assert_no_error (error);
  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, (gpointer) sc_test_cluster_get_conninfo (fixture->cluster));
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) extra[i]);
  g_ptr_array_add (args, NULL);
  fixture->daemon = sc_test_daemon_spawn ((const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  url = sc_test_daemon_get_base_url (fixture->daemon);
  fixture->port = (guint16) g_ascii_strtoull (strrchr (url, ':') + 1, NULL, 10);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  start_daemon (fixture, data);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->daemon, sc_test_daemon_free);
  g_clear_pointer (&fixture->cluster, sc_test_cluster_free);
}

static guint
count_fds (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/fd", pid);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Waits up to @seconds for the daemon's descriptors to come down to @limit;
 * returns the last count. */
static guint
wait_for_fds (GPid   pid,
              guint  limit,
              double seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  guint n;

  while ((n = count_fds (pid)) > limit && g_get_monotonic_time () < deadline)
    g_usleep (20 * 1000);
  return n;
}

/* The daemon writes a line after it acts: wait a little for it. */
static gboolean
log_has (ScTestDaemon *daemon,
         const char   *needle)
{
  gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  do
    {
      g_autofree char *log = sc_test_daemon_dup_log (daemon);

      if (strstr (log, needle) != NULL)
        return TRUE;
      g_usleep (20 * 1000);
    }
  while (g_get_monotonic_time () < deadline);
  return FALSE;
}

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

static void
send_text (GSocket    *socket,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  gsize length = strlen (text);
  gsize sent = 0;

  while (sent < length)
    {
      gssize n = g_socket_send (socket, text + sent, length - sent, NULL, &error);

      g_assert_no_error (error);
      sent += (gsize) n;
    }
}

/* One response: headers, then Content-Length bytes of body. */
static char *
read_response (GSocket *socket)
{
  g_autoptr(GString) in = g_string_new (NULL);
  const char *end = NULL;
  gsize needed = 0;

  while (TRUE)
    {
      char buffer[4096];
      g_autoptr(GError) error = NULL;
      gssize n;

      if (end == NULL && (end = strstr (in->str, "\r\n\r\n")) != NULL)
        {
          const char *length = strstr (in->str, "Content-Length: ");

          g_assert_nonnull (length);
          needed = (gsize) (end + 4 - in->str) + g_ascii_strtoull (length + 16, NULL, 10);
        }
      if (end != NULL && in->len >= needed)
        return g_strndup (in->str, needed);
      n = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
      g_string_append_len (in, buffer, n);
    }
}

/* Reads until the daemon closes; returns the seconds it took, or -1 if it
 * did not close within @limit seconds. Whatever came is put in @out. */
static double
seconds_until_closed (GSocket  *socket,
                      double    limit,
                      GString  *out)
{
  gint64 start = g_get_monotonic_time ();

  g_socket_set_timeout (socket, (guint) limit + 1);
  while (TRUE)
    {
      char buffer[4096];
      g_autoptr(GError) error = NULL;
      gssize n = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error);
      double elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

      if (n > 0)
        {
          if (out != NULL)
            g_string_append_len (out, buffer, n);
          continue;
        }
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) || elapsed > limit)
        return -1;
      return elapsed;   /* 0: the end; an error: reset */
    }
}

static void
request_and_close (Fixture *fixture,
                   guint    i)
{
  g_autoptr(GSocket) socket = connect_to (fixture);

  switch (i % 10)
    {
    case 0: case 1: case 2: case 3: case 4: case 5:
      {
        /* one request, answered; then the client closes the idle connection */
        g_autofree char *response = NULL;

        send_text (socket, "GET /api/v1/nothing HTTP/1.1\r\nHost: test\r\n\r\n");
        response = read_response (socket);
        g_assert_true (g_str_has_prefix (response, "HTTP/1.1 404"));
      }
      break;
    case 6:
      {
        /* two on one connection */
        for (guint k = 0; k < 2; k++)
          {
            g_autofree char *response = NULL;

            send_text (socket, "GET /api/v1/health HTTP/1.1\r\nHost: test\r\n\r\n");
            response = read_response (socket);
            g_assert_true (g_str_has_prefix (response, "HTTP/1.1 200"));
          }
      }
      break;
    case 7:
      /* a probe that connects and leaves */
      break;
    case 8:
      /* half a request, then gone */
      send_text (socket, "GET /api/v1/health HTTP/1.1\r\nHo");
      break;
    case 9:
      /* a request line libsoup itself refuses */
      {
        g_autofree char *response = NULL;

        send_text (socket, "NONSENSE\r\n\r\n");
        response = read_response (socket);
        g_assert_true (g_str_has_prefix (response, "HTTP/1.0 400"));
      }
      break;
    default:
      g_assert_not_reached ();
    }
  g_socket_close (socket, NULL);
}

static void
warm_up (Fixture *fixture)
{
  g_autoptr(GSocket) socket = connect_to (fixture);
  g_autofree char *response = NULL;

  send_text (socket, "GET /api/v1/health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
  response = read_response (socket);
  g_assert_true (g_str_has_prefix (response, "HTTP/1.1 200"));
  g_socket_close (socket, NULL);
  /* the pool's connections are all up once health has answered; give the
   * closed connection a moment to go */
  g_usleep (300 * 1000);
}

static void
test_no_descriptor_leak (Fixture       *fixture,
                         gconstpointer  data)
{
  GPid pid = sc_test_daemon_get_pid (fixture->daemon);
  guint idle;
  guint after;
  guint peak = 0;
  gint64 start;

  warm_up (fixture);
  idle = count_fds (pid);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 5000; i++)
    {
      request_and_close (fixture, i);
      if (i % 500 == 0)
        peak = MAX (peak, count_fds (pid));
    }
  after = wait_for_fds (pid, idle + 3, 5);
  g_test_message ("descriptors: %u idle, %u at most during 5000 connections (sampled), %u after; %.1f s",
                  idle, peak, after, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (after, <=, idle + 3);
  /* and the daemon still serves */
  request_and_close (fixture, 0);
}

static void
test_sigterm_after_load (Fixture       *fixture,
                         gconstpointer  data)
{
  GPid pid = sc_test_daemon_get_pid (fixture->daemon);
  g_autofree char *log = NULL;
  gint64 start;
  double stopped;

  warm_up (fixture);
  for (guint i = 0; i < 600; i++)
    request_and_close (fixture, i);
  /* requests whose client left before the answer */
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GSocket) socket = connect_to (fixture);

      send_text (socket, "POST /api/v1/sessions HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                         "Content-Length: 40\r\n\r\n{\"username\":\"a\",");
      g_socket_close (socket, NULL);
    }
  g_usleep (200 * 1000);

  start = g_get_monotonic_time ();
  kill (pid, SIGTERM);
  g_assert_cmpint (sc_test_daemon_stop (fixture->daemon), ==, 0);
  stopped = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("stopped %.3f s after SIGTERM", stopped);
  g_assert_cmpfloat (stopped, <, 1.0);
  log = sc_test_daemon_dup_log (fixture->daemon);
  g_assert_null (strstr (log, "still in flight"));
  g_assert_null (strstr (log, "waiting for"));
  g_assert_nonnull (strstr (log, "stopped"));
}

/* A request whose answer is on its way when SIGTERM comes is still
 * answered; a keep-alive connection idle at that moment is closed. */
static void
test_sigterm_closes_idle (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GSocket) idle = connect_to (fixture);
  g_autofree char *response = NULL;
  double closed;

  warm_up (fixture);
  send_text (idle, "GET /api/v1/health HTTP/1.1\r\nHost: test\r\n\r\n");
  response = read_response (idle);
  g_assert_true (g_str_has_prefix (response, "HTTP/1.1 200"));
  kill (sc_test_daemon_get_pid (fixture->daemon), SIGTERM);
  closed = seconds_until_closed (idle, 2, NULL);
  g_assert_cmpfloat (closed, >=, 0);
  g_assert_cmpint (sc_test_daemon_stop (fixture->daemon), ==, 0);
}

static const char * const short_timeouts[] = {
  "--keepalive-timeout", "1", "--header-timeout", "1", "--body-timeout", "2", NULL
};

static void
assert_closed_between (GSocket *socket,
                       double   earliest,
                       double   latest,
                       GString *out)
{
  double closed = seconds_until_closed (socket, latest, out);

  g_test_message ("closed after %.2f s (expected %.1f-%.1f)", closed, earliest, latest);
  g_assert_cmpfloat (closed, >=, earliest);
  g_assert_cmpfloat (closed, <=, latest);
}

static void
test_timeout_nothing_sent (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSocket) socket = connect_to (fixture);

  assert_closed_between (socket, 0.8, 3.0, NULL);
}

static void
test_timeout_half_headers (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSocket) socket = connect_to (fixture);
  g_autoptr(GSocket) trickle = NULL;
  gint64 start;

  send_text (socket, "GET /api/v1/health HTTP/1.1\r\nHost: test\r\n");
  assert_closed_between (socket, 0.8, 3.0, NULL);

  /* a byte now and then does not keep headers open past their deadline */
  trickle = connect_to (fixture);
  start = g_get_monotonic_time ();
  send_text (trickle, "G");
  while (g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC)
    {
      g_autoptr(GError) error = NULL;

      g_usleep (200 * 1000);
      if (g_socket_send (trickle, "E", 1, NULL, &error) < 0)
        break;
    }
  {
    double closed = seconds_until_closed (trickle, 3, NULL);
    double total = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

    g_test_message ("trickling connection closed %.2f s after it opened", total);
    g_assert_cmpfloat (closed, >=, 0);
    g_assert_cmpfloat (total, >=, 0.8);
    g_assert_cmpfloat (total, <=, 3.0);
  }
  g_assert_true (log_has (fixture->daemon, "no complete request headers within 1 s"));
}

static void
test_timeout_body (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSocket) socket = connect_to (fixture);

  send_text (socket, "POST /api/v1/sessions HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                     "Content-Length: 100\r\n\r\n{\"username\":");
  assert_closed_between (socket, 1.8, 4.0, NULL);
  g_assert_true (log_has (fixture->daemon, "the request body did not arrive within 2 s"));
  /* counted as an aborted request, not left in flight */
  g_assert_true (log_has (fixture->daemon, "path=/api/v1/sessions status=aborted"));
}

static void
test_timeout_keepalive (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GSocket) busy = connect_to (fixture);
  g_autoptr(GSocket) socket = NULL;
  g_autofree char *response = NULL;

  /* a connection in use is not idle: requests 0.5 s apart for 2.5 s */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *answer = NULL;

      send_text (busy, "GET /api/v1/health HTTP/1.1\r\nHost: test\r\n\r\n");
      answer = read_response (busy);
      g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 200"));
      g_usleep (500 * 1000);
    }

  socket = connect_to (fixture);
  send_text (socket, "GET /api/v1/health HTTP/1.1\r\nHost: test\r\n\r\n");
  response = read_response (socket);
  g_assert_true (g_str_has_prefix (response, "HTTP/1.1 200"));
  assert_closed_between (socket, 0.8, 3.0, NULL);
}

static void
test_too_large_from_headers (Fixture       *fixture,
                             gconstpointer  data)
{
  GPid pid = sc_test_daemon_get_pid (fixture->daemon);
  g_autoptr(GString) answer = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *body;
  guint idle;

  warm_up (fixture);
  idle = count_fds (pid);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GSocket) socket = connect_to (fixture);

      g_string_truncate (answer, 0);
      /* ten gigabytes declared, none sent: the answer cannot wait for them */
      send_text (socket, "POST /api/v1/sessions HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                         "Content-Length: 10000000000\r\n\r\n");
      if (i == 1)
        send_text (socket, "{\"username\": \"a few bytes of the body, then nothing\"");
      /* the daemon answers and closes within a moment (the header timeout
       * is 15 s: this is not it) */
      assert_closed_between (socket, 0, 2.0, answer);
      g_assert_true (g_str_has_prefix (answer->str, "HTTP/1.1 413 "));
      g_assert_nonnull (strstr (answer->str, "\r\nConnection: close\r\n"));
      g_assert_nonnull (strstr (answer->str, "\r\nContent-Type: application/problem+json\r\n"));
      g_assert_nonnull (strstr (answer->str, "\r\nX-Request-Id: "));
      body = strstr (answer->str, "\r\n\r\n") + 4;
      g_assert_true (json_parser_load_from_data (parser, body, -1, &error));
      g_assert_no_error (error);
      g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)), "status"),
                       ==, 413);
    }
  /* logged once each (the daemon writes its information lines when it has
   * a moment: wait for them), and nothing left behind */
  {
    gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
    guint n;

    do
      {
        g_autofree char *log = sc_test_daemon_dup_log (fixture->daemon);

        n = 0;
        for (const char *p = log; (p = strstr (p, "path=/api/v1/sessions status=413")) != NULL; p++)
          n++;
        if (n < 3)
          g_usleep (20 * 1000);
      }
    while (n < 3 && g_get_monotonic_time () < deadline);
    g_usleep (200 * 1000);
    {
      g_autofree char *log = sc_test_daemon_dup_log (fixture->daemon);

      n = 0;
      for (const char *p = log; (p = strstr (p, "path=/api/v1/sessions status=413")) != NULL; p++)
        n++;
    }
    g_assert_cmpuint (n, ==, 3);
  }
  g_assert_cmpuint (wait_for_fds (pid, idle + 1, 3), <=, idle + 1);
}

/* --- TLS ------------------------------------------------------------------ */

static gboolean
accept_any_cb (SoupMessage          *msg,
               GTlsCertificate      *certificate,
               GTlsCertificateFlags  errors,
               gpointer              user_data)
{
  return TRUE;
}

static guint
get_over (SoupSession *session,
          const char  *url)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_any_cb), NULL);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  return soup_message_get_status (msg);
}

static void
test_tls_no_descriptor_leak (void)
{
  g_autofree char *dir = sc_test_make_tmpdir ("sc-conn-tls-XXXXXX");
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  const char *openssl[] = { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                            "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert, NULL };
  const char *extra[] = { "--tls-cert", cert, "--tls-key", key, NULL };
  g_autoptr(GError) error = NULL;
  Fixture fixture = { NULL, NULL, 0 };
  g_autofree char *url = NULL;
  g_autofree char *health = NULL;
  int status = 0;
  GPid pid;
  guint idle;
  guint after;

  g_assert_true (g_spawn_sync (NULL, (char **) openssl, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  start_daemon (&fixture, extra);
  pid = sc_test_daemon_get_pid (fixture.daemon);
  url = g_strconcat (sc_test_daemon_get_base_url (fixture.daemon), "/api/v1/nothing", NULL);
  health = g_strconcat (sc_test_daemon_get_base_url (fixture.daemon), "/api/v1/health", NULL);

  {
    g_autoptr(SoupSession) session = soup_session_new ();

    g_assert_cmpuint (get_over (session, health), ==, 200);
    soup_session_abort (session);
  }
  g_usleep (300 * 1000);
  idle = count_fds (pid);

  /* keep-alive over TLS: requests after idle moments on one connection */
  {
    g_autoptr(SoupSession) session = soup_session_new ();

    for (guint i = 0; i < 5; i++)
      {
        g_assert_cmpuint (get_over (session, health), ==, 200);
        g_usleep (50 * 1000);
      }
    g_assert_cmpuint (count_fds (pid), <=, idle + 1);
    soup_session_abort (session);
  }

  /* each client closes its idle connection (with close_notify) */
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(SoupSession) session = soup_session_new ();

      g_assert_cmpuint (get_over (session, url), ==, 404);
      soup_session_abort (session);
    }
  after = wait_for_fds (pid, idle + 3, 5);
  g_test_message ("TLS descriptors: %u idle, %u after 300 connections", idle, after);
  g_assert_cmpuint (after, <=, idle + 3);

  fixture_teardown (&fixture, NULL);
  sc_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/connections/no-descriptor-leak", Fixture, NULL,
              fixture_setup, test_no_descriptor_leak, fixture_teardown);
  g_test_add ("/server/connections/sigterm-after-load", Fixture, NULL,
              fixture_setup, test_sigterm_after_load, fixture_teardown);
  g_test_add ("/server/connections/sigterm-closes-idle", Fixture, NULL,
              fixture_setup, test_sigterm_closes_idle, fixture_teardown);
  g_test_add ("/server/connections/timeout/nothing-sent", Fixture, short_timeouts,
              fixture_setup, test_timeout_nothing_sent, fixture_teardown);
  g_test_add ("/server/connections/timeout/half-headers", Fixture, short_timeouts,
              fixture_setup, test_timeout_half_headers, fixture_teardown);
  g_test_add ("/server/connections/timeout/body", Fixture, short_timeouts,
              fixture_setup, test_timeout_body, fixture_teardown);
  g_test_add ("/server/connections/timeout/keepalive", Fixture, short_timeouts,
              fixture_setup, test_timeout_keepalive, fixture_teardown);
  g_test_add ("/server/connections/too-large-from-headers", Fixture, NULL,
              fixture_setup, test_too_large_from_headers, fixture_teardown);
  g_test_add_func ("/server/connections/tls-no-descriptor-leak", test_tls_no_descriptor_leak);
  return g_test_run ();
}
