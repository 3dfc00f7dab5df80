/* sc-test-daemon.c
 *
 * Runs the real sendcased binary for a test. It listens on 127.0.0.1 port 0
 * and writes the URL it got to a port file, which we wait for; its log goes to
 * a file that is printed if the test fails. The daemon does not inherit
 * G_DEBUG=fatal-warnings: its warnings ("database unavailable") are events a
 * test provokes on purpose, not bugs.
 *
 * The daemon must end as a test expects: stopped by sc_test_daemon_stop with
 * status 0, or killed on purpose by sc_test_daemon_kill. Any other end (a
 * non-zero exit, a crash, a signal nobody sent) fails the test that owned it,
 * or, when it is freed outside a test case (a daemon shared by a whole test
 * program), makes the program exit with status 1.
 *
 * Every answer a test receives through sc_test_daemon_request is recorded
 * (BUILD/openapi-exchanges/PROGRAM.jsonl) and checked against
 * docs/openapi.yaml by tools/check-openapi-answers.py, one validator process
 * per test program: an answer the document does not describe fails the test
 * that received it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sc-test-daemon.h"

struct _ScTestDaemon
{
  GPid         pid;
  gboolean     exited;
  gboolean     killed_on_purpose;
  gboolean     start_failed;   /* spawn reported it; nothing more to say */
  gboolean     log_shown;
  int          wait_status;
  char        *dir;
  char        *port_file;
  char        *log_path;
  char        *base_url;
  SoupSession *session;
};

char *
sc_test_build_path (const char *relative)
{
  const char *root = g_getenv ("SC_BUILD_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, relative, NULL);
}

char *
sc_test_make_tmpdir (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (prefix, &error);

  g_assert_no_error (error);
  /* the postgres user must pass through when the tests run as root */
  g_chmod (dir, 0755);
  return dir;
}

void
sc_test_rm_rf (const char *path)
{
  const char *argv[] = { "rm", "-rf", "--", path, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static gboolean
check_exited (ScTestDaemon *self,
              gboolean      block)
{
  int status;
  pid_t r;

  if (self->exited)
    return TRUE;
  do
    r = waitpid (self->pid, &status, block ? 0 : WNOHANG);
  while (r < 0 && errno == EINTR);
  if (r == self->pid)
    {
      self->exited = TRUE;
      self->wait_status = status;
      return TRUE;
    }
  return FALSE;
}

/* If the test dies (a failed assertion aborts it), its daemon gets SIGTERM
 * and shuts down in order, stopping an embedded cluster too. */
static void
die_with_parent_cb (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

ScTestDaemon *
sc_test_daemon_start (const char * const *args,
                      GError            **error)
{
  g_autoptr(ScTestDaemon) self = g_new0 (ScTestDaemon, 1);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) envp = g_get_environ ();
  gboolean has_listen = FALSE;
  int log_fd;

  self->dir = sc_test_make_tmpdir ("sc-daemon-XXXXXX");
  self->port_file = g_build_filename (self->dir, "url", NULL);
  self->log_path = g_build_filename (self->dir, "sendcased.log", NULL);

  g_ptr_array_add (argv, sc_test_build_path ("server/sendcased"));
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    {
      has_listen |= g_str_equal (args[i], "--listen");
      g_ptr_array_add (argv, g_strdup (args[i]));
    }
  if (!has_listen)
    {
      g_ptr_array_add (argv, g_strdup ("--listen"));
      g_ptr_array_add (argv, g_strdup ("127.0.0.1:0"));
    }
  g_ptr_array_add (argv, g_strdup ("--port-file"));
  g_ptr_array_add (argv, g_strdup (self->port_file));
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "G_DEBUG");
  envp = g_environ_setenv (envp, "SC_EMBEDDED_FAST", "1", TRUE);

  log_fd = open (self->log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  g_assert_cmpint (log_fd, >=, 0);
  if (!g_spawn_async_with_pipes_and_fds (NULL, (const char * const *) argv->pdata, (const char * const *) envp,
                                         G_SPAWN_DO_NOT_REAP_CHILD, die_with_parent_cb, NULL,
                                         -1, log_fd, log_fd, NULL, NULL, 0,
                                         &self->pid, NULL, NULL, NULL, error))
    {
      close (log_fd);
      return NULL;
    }
  close (log_fd);
  return g_steal_pointer (&self);
}

gboolean
sc_test_daemon_wait_ready (ScTestDaemon  *self,
                           GError       **error)
{
  gint64 deadline;

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      g_autofree char *url = NULL;

      if (g_file_get_contents (self->port_file, &url, NULL, NULL) && g_str_has_suffix (url, "\n"))
        {
          self->base_url = g_strdup (g_strstrip (url));
          self->session = soup_session_new_with_options ("timeout", 30, "idle-timeout", 30, NULL);
          return TRUE;
        }
      if (check_exited (self, FALSE))
        {
          g_autofree char *log = sc_test_daemon_dup_log (self);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sendcased exited during start-up:\n%s", log);
          self->start_failed = TRUE;
          return FALSE;
        }
      g_usleep (20 * 1000);
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "sendcased did not become ready in 60 s");
  kill (self->pid, SIGKILL);
  check_exited (self, TRUE);
  self->start_failed = TRUE;
  return FALSE;
}

ScTestDaemon *
sc_test_daemon_spawn (const char * const *args,
                      GError            **error)
{
  g_autoptr(ScTestDaemon) self = sc_test_daemon_start (args, error);

  if (self == NULL || !sc_test_daemon_wait_ready (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* How the daemon ended, in words. */
static char *
dup_end_description (int status)
{
  if (WIFEXITED (status))
    return g_strdup_printf ("sendcased exited with status %d", WEXITSTATUS (status));
  if (WIFSIGNALED (status))
    return g_strdup_printf ("sendcased was killed by signal %d (%s)%s", WTERMSIG (status),
                            g_strsignal (WTERMSIG (status)), WCOREDUMP (status) ? ", core dumped" : "");
  return g_strdup_printf ("sendcased ended with wait status 0x%x", status);
}

/* NULL when the daemon ended as expected, else how it ended. */
static char *
dup_unexpected_end (ScTestDaemon *self)
{
  if (self->start_failed || self->killed_on_purpose)
    return NULL;
  if (WIFEXITED (self->wait_status) && WEXITSTATUS (self->wait_status) == 0)
    return NULL;
  return dup_end_description (self->wait_status);
}

int
sc_test_daemon_stop (ScTestDaemon *self)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  if (!self->exited)
    kill (self->pid, SIGTERM);
  while (!check_exited (self, FALSE))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_printerr ("sendcased did not stop in 30 s after SIGTERM; killing it\n");
          kill (self->pid, SIGKILL);
          check_exited (self, TRUE);
          return -1;
        }
      g_usleep (10 * 1000);
    }
  if (WIFEXITED (self->wait_status) && WEXITSTATUS (self->wait_status) == 0)
    return 0;
  self->log_shown = TRUE;
  {
    /* the caller will fail the test: show why the daemon did not stop cleanly */
    g_autofree char *log = sc_test_daemon_dup_log (self);
    g_autofree char *end = dup_end_description (self->wait_status);
    g_printerr ("--- %s; its log ---\n%s--- end of log ---\n", end, log);
  }
  return WIFEXITED (self->wait_status) ? WEXITSTATUS (self->wait_status) : -1;
}

void
sc_test_daemon_kill (ScTestDaemon *self)
{
  if (!self->exited)
    {
      kill (self->pid, SIGKILL);
      self->killed_on_purpose = TRUE;
    }
  check_exited (self, TRUE);
}

static gboolean
in_test_case (void)
{
  const char *path = g_test_get_path ();

  return path != NULL && *path != '\0';
}

void
sc_test_daemon_free (ScTestDaemon *self)
{
  g_autofree char *unexpected = NULL;

  if (self == NULL)
    return;
  /* Every daemon a test leaves running must stop cleanly: status 0, so no
   * leak under LeakSanitizer and no failure on the way out. */
  if (self->pid != 0 && !self->exited)
    sc_test_daemon_stop (self);
  if (self->pid != 0)
    {
      check_exited (self, TRUE);
      unexpected = dup_unexpected_end (self);
      g_spawn_close_pid (self->pid);
    }
  if (unexpected != NULL && in_test_case ())
    {
      g_printerr ("%s (expected: stopped with status 0, or killed by the test)\n", unexpected);
      g_test_fail_printf ("%s (expected: stopped with status 0, or killed by the test)", unexpected);
    }
  if ((unexpected != NULL || (in_test_case () && g_test_failed ())) && !self->log_shown && self->log_path != NULL)
    {
      g_autofree char *log = sc_test_daemon_dup_log (self);
      g_printerr ("--- sendcased log (%s) ---\n%s--- end of log ---\n", self->log_path, log);
    }
  g_clear_object (&self->session);
  if (self->dir != NULL)
    sc_test_rm_rf (self->dir);
  g_free (self->dir);
  g_free (self->port_file);
  g_free (self->log_path);
  g_free (self->base_url);
  g_free (self);
  if (unexpected != NULL && !in_test_case ())
    {
      /* a daemon shared by the whole program: its end is the program's */
      g_printerr ("%s after the tests ran; failing the test program\n", unexpected);
      exit (EXIT_FAILURE);
    }
}

GPid
sc_test_daemon_get_pid (ScTestDaemon *self)
{
  return self->pid;
}

const char *
sc_test_daemon_get_base_url (ScTestDaemon *self)
{
  return self->base_url;
}

const char *
sc_test_daemon_get_log_path (ScTestDaemon *self)
{
  return self->log_path;
}

char *
sc_test_daemon_dup_log (ScTestDaemon *self)
{
  char *contents = NULL;

  if (!g_file_get_contents (self->log_path, &contents, NULL, NULL))
    return g_strdup ("");
  return contents;
}

/* --- answers against docs/openapi.yaml ------------------------------------ */

static GMutex validator_lock;
static FILE *validator_in;     /* its standard input */
static FILE *validator_out;    /* its standard output */
static FILE *exchange_log;

static void
start_validator (void)
{
  g_autofree char *script = g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "tools", "check-openapi-answers.py",
                                              NULL);
  /* SC_OPENAPI_DOCUMENT: another document, for the harness's own test */
  g_autofree char *document = g_getenv ("SC_OPENAPI_DOCUMENT") != NULL
                              ? g_strdup (g_getenv ("SC_OPENAPI_DOCUMENT"))
                              : g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "docs", "openapi.yaml", NULL);
  g_autofree char *log_dir = sc_test_build_path ("openapi-exchanges");
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *log_name = g_strconcat (program, ".jsonl", NULL);
  g_autofree char *log_path = g_build_filename (log_dir, log_name, NULL);
  const char *argv[] = { "/usr/bin/python3", script, "--document", document, "--serve", NULL };
  g_autoptr(GError) error = NULL;
  int in_fd, out_fd;

  g_assert_nonnull (g_getenv ("SC_SOURCE_ROOT"));
  /* never a silent pass: without its validator the suite cannot run */
  /* not reaped by a double fork: the death signal must come from this process */
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, die_with_parent_cb, NULL,
                                 NULL, &in_fd, &out_fd, NULL, &error))
    g_error ("could not start tools/check-openapi-answers.py: %s", error->message);
  /* a validator that died must fail the test, not kill it with SIGPIPE */
  signal (SIGPIPE, SIG_IGN);
  validator_in = fdopen (in_fd, "w");
  validator_out = fdopen (out_fd, "r");
  g_assert_nonnull (validator_in);
  g_assert_nonnull (validator_out);

  g_mkdir_with_parents (log_dir, 0755);
  exchange_log = fopen (log_path, "w");
}

/* Records one exchange and checks it; an answer the document does not
 * describe fails the running test. */
static void
check_against_openapi (const char     *method,
                       const char     *path,
                       ScTestResponse *response)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *line = NULL;
  g_autofree char *body = NULL;
  g_autofree char *verdict = NULL;
  const char *type = soup_message_headers_get_one (response->headers, "Content-Type");
  gsize size = 0;
  const char *data = g_bytes_get_data (response->body, &size);
  size_t cap = 0;
  ssize_t got;

  /* a document that is not JSON (a PDF) is checked by its type alone;
   * other bodies are JSON or empty, anything else shown as it would be read */
  if (type != NULL && size > 0 && strstr (type, "json") == NULL)
    body = g_strdup_printf ("(%" G_GSIZE_FORMAT " bytes)", size);
  else if (g_utf8_validate (data != NULL ? data : "", (gssize) size, NULL))
    body = g_strndup (data != NULL ? data : "", size);
  else
    body = g_utf8_make_valid (data, (gssize) size);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, method);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, response->status);
  json_builder_set_member_name (builder, "content_type");
  json_builder_add_string_value (builder, type != NULL ? type : "");
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, body);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  line = json_generator_to_data (generator, NULL);

  g_mutex_lock (&validator_lock);
  if (validator_in == NULL)
    start_validator ();
  if (exchange_log != NULL)
    {
      fprintf (exchange_log, "%s\n", line);
      fflush (exchange_log);
    }
  if (fprintf (validator_in, "%s\n", line) < 0 || fflush (validator_in) != 0 ||
      (got = getline (&verdict, &cap, validator_out)) <= 0)
    {
      g_mutex_unlock (&validator_lock);
      g_error ("tools/check-openapi-answers.py stopped answering (checking %s %s)", method, path);
    }
  g_mutex_unlock (&validator_lock);

  g_strchomp (verdict);
  if (!g_str_equal (verdict, "ok"))
    {
      g_printerr ("docs/openapi.yaml: %s\n", verdict);
      if (in_test_case ())
        g_test_fail_printf ("docs/openapi.yaml: %s", verdict);
      else
        g_error ("docs/openapi.yaml: %s", verdict);
    }
}

ScTestResponse *
sc_test_daemon_request (ScTestDaemon       *self,
                        const char         *method,
                        const char         *path,
                        const char         *content_type,
                        const char         *body,
                        const char * const *headers)
{
  g_autofree char *url = g_strconcat (self->base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  ScTestResponse *response;
  const char *type;

  g_assert_nonnull (msg);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, content_type ? content_type : "application/json", bytes);
    }
  for (guint i = 0; headers != NULL && headers[i] != NULL && headers[i + 1] != NULL; i += 2)
    soup_message_headers_replace (soup_message_get_request_headers (msg), headers[i], headers[i + 1]);

  response = g_new0 (ScTestResponse, 1);
  response->body = soup_session_send_and_read (self->session, msg, NULL, &error);
  g_assert_no_error (error);
  response->status = soup_message_get_status (msg);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  type = soup_message_headers_get_content_type (response->headers, NULL);
  if (type != NULL && g_str_has_suffix (type, "json") && g_bytes_get_size (response->body) > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize size;
      const char *data = g_bytes_get_data (response->body, &size);

      if (json_parser_load_from_data (parser, data, (gssize) size, NULL))
        response->json = json_node_copy (json_parser_get_root (parser));
    }
  check_against_openapi (method, path, response);
  return response;
}

void
sc_test_response_free (ScTestResponse *response)
{
  if (response == NULL)
    return;
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->json, json_node_unref);
  g_free (response);
}

const char *
sc_test_response_get_string (ScTestResponse *response,
                             const char     *member)
{
  JsonObject *object;
  JsonNode *node;

  if (response->json == NULL || !JSON_NODE_HOLDS_OBJECT (response->json))
    return NULL;
  object = json_node_get_object (response->json);
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
sc_test_response_get_int (ScTestResponse *response,
                          const char     *member)
{
  JsonObject *object;
  JsonNode *node;

  g_assert_nonnull (response->json);
  object = json_node_get_object (response->json);
  node = json_object_get_member (object, member);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  return json_node_get_int (node);
}

ScTestDaemon *
sc_test_daemon_spawn_demo (ScTestCluster      *cluster,
                           const char * const *extra_args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  ScTestDaemon *daemon;

  g_ptr_array_add (args, (char *) "--database");
  g_ptr_array_add (args, (char *) sc_test_cluster_get_conninfo (cluster));
  g_ptr_array_add (args, (char *) "--demo-data");
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (args, (char *) extra_args[i]);
  g_ptr_array_add (args, NULL);
  daemon = sc_test_daemon_spawn ((const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  return daemon;
}

void
sc_test_server_setup (ScTestServer  *server,
                      gconstpointer  extra_args)
{
  g_autoptr(GError) error = NULL;

  server->cluster = sc_test_cluster_new (&error);
  g_assert_no_error (error);
  server->daemon = sc_test_daemon_spawn_demo (server->cluster, extra_args);
}

void
sc_test_server_teardown (ScTestServer  *server,
                         gconstpointer  unused)
{
  g_clear_pointer (&server->daemon, sc_test_daemon_free);
  g_clear_pointer (&server->cluster, sc_test_cluster_free);
}

char *
sc_test_sign_in (ScTestDaemon *daemon,
                 const char   *username,
                 const char   *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}", username, password);
  g_autoptr(ScTestResponse) response = sc_test_daemon_request (daemon, "POST", "/api/v1/sessions",
                                                               "application/json", body, NULL);

  if (response->status != 201)
    g_error ("sign-in of %s failed with %u: %.*s", username, response->status,
             (int) g_bytes_get_size (response->body), (const char *) g_bytes_get_data (response->body, NULL));
  g_assert_nonnull (sc_test_response_get_string (response, "token"));
  return g_strdup (sc_test_response_get_string (response, "token"));
}

ScTestResponse *
sc_test_authed (ScTestDaemon       *daemon,
                const char         *token,
                const char         *method,
                const char         *path,
                const char         *body,
                const char * const *extra_headers)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);

  if (token != NULL)
    {
      g_ptr_array_add (headers, g_strdup ("Authorization"));
      g_ptr_array_add (headers, g_strconcat ("Bearer ", token, NULL));
    }
  for (guint i = 0; extra_headers != NULL && extra_headers[i] != NULL; i++)
    g_ptr_array_add (headers, g_strdup (extra_headers[i]));
  g_ptr_array_add (headers, NULL);
  return sc_test_daemon_request (daemon, method, path, body != NULL ? "application/json" : NULL, body,
                                 (const char * const *) headers->pdata);
}

gint64
sc_test_open_case (ScTestDaemon *daemon,
                   const char   *token,
                   const char   *given_name,
                   const char   *family_name,
                   const char   *date_of_birth,
                   const char   *received,
                   gint64        owner_id)
{
  g_autofree char *person = g_strdup_printf ("{\"given_name\":\"%s\",\"family_name\":\"%s\","
                                             "\"date_of_birth\":\"%s\"}", given_name, family_name, date_of_birth);
  g_autoptr(ScTestResponse) p = sc_test_authed (daemon, token, "POST", "/api/v1/people", person, NULL);
  g_autofree char *owner = owner_id > 0 ? g_strdup_printf (",\"owner_id\":%" G_GINT64_FORMAT, owner_id)
                                        : g_strdup ("");
  g_autofree char *body = NULL;
  g_autoptr(ScTestResponse) c = NULL;

  if (p->status != 201)
    g_error ("POST /api/v1/people %s: %u %.*s", person, p->status, (int) g_bytes_get_size (p->body),
             (const char *) g_bytes_get_data (p->body, NULL));
  body = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":\"%s\","
                          "\"request_source\":\"parent\"%s}", sc_test_response_get_int (p, "id"), received, owner);
  c = sc_test_authed (daemon, token, "POST", "/api/v1/cases", body, NULL);
  if (c->status != 201)
    g_error ("POST /api/v1/cases %s: %u %.*s", body, c->status, (int) g_bytes_get_size (c->body),
             (const char *) g_bytes_get_data (c->body, NULL));
  return sc_test_response_get_int (c, "id");
}
