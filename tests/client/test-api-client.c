/* test-api-client.c
 *
 * SccApiClient against the real sendcased (spawned with its own embedded
 * PostgreSQL by tests/support): the health call, the generic request and how
 * each kind of failure reaches the caller: a problem document as an SC_ERROR
 * that keeps the problem, a refused connection as a G_IO_ERROR, a bad
 * address before anything is sent, a 401 as SC_ERROR_UNAUTHORIZED (and
 * SccApiClient::unauthorized when a token was sent), a 422 with its field
 * errors. Statuses the daemon cannot be made to send are checked on the
 * mapping function itself.
 *
 * The session calls, against the demo users of --demo-data: sign-in keeps
 * the token in the client (and nowhere else) and returns who signed in;
 * a wrong password is a 401 with a field error that ends nothing; /me;
 * sign-out forgets at once and ends the session on the server; a 401 to the
 * token in use forgets the session and says whose it was; a late 401 to an
 * older token does not end the newer session. Every answer is read with
 * the models' codecs in common/, tested member by member in
 * tests/common/test-models.c. A request that finds the server gone is
 * reported as ::server-unavailable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-error.h"
#include "sc-problem.h"
#include "sc-test-daemon.h"

#include "scc-api-client.h"
#include "scc-api-client-disputes.h"
#include "scc-api-client-private.h"
#include "scc-client-test.h"

static ScTestDaemon *daemon_;  /* shared by the tests of this binary */

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
result_ready (gpointer user_data)
{
  GAsyncResult **result = user_data;

  return *result != NULL;
}

static ScHealth *
get_health (SccApiClient  *client,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  scc_api_client_get_health_async (client, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  return scc_api_client_get_health_finish (client, result, error);
}

static JsonNode *
request_full (SccApiClient        *client,
              const char          *method,
              const char          *path,
              JsonNode            *body,
              const char * const  *headers,
              SccApiRequestFlags   flags,
              guint               *status,
              GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  _scc_api_client_request_async (client, method, path, body, headers, flags, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  return _scc_api_client_request_finish (client, result, status, NULL, error);
}

static JsonNode *
request (SccApiClient        *client,
         const char          *method,
         const char          *path,
         SccApiRequestFlags   flags,
         guint               *status,
         GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  _scc_api_client_request_async (client, method, path, NULL, NULL, flags, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  return _scc_api_client_request_finish (client, result, status, NULL, error);
}

/* For ::unauthorized and ::server-unavailable: counts emissions. */
static void
count_cb (SccApiClient *client,
          gpointer      argument,
          guint        *count)
{
  (*count)++;
}

static void
test_health_ok (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autoptr(ScHealth) health = NULL;
  g_autoptr(GError) error = NULL;

  health = get_health (client, &error);
  g_assert_no_error (error);
  g_assert_true (sc_health_is_ok (health));
  g_assert_true (sc_health_is_database_ok (health));
  g_assert_cmpstr (sc_health_get_status (health), ==, "ok");
  g_assert_cmpstr (sc_health_get_database (health), ==, "ok");
  g_assert_cmpstr (sc_health_get_version (health), ==, PACKAGE_VERSION);
  g_assert_cmpint (sc_health_get_schema_version (health), >=, 1);
}

static void
test_base_url_trailing_slash (void)
{
  g_autofree char *url = g_strconcat (sc_test_daemon_get_base_url (daemon_), "/", NULL);
  g_autoptr(SccApiClient) client = scc_api_client_new (url);
  g_autoptr(ScHealth) health = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (scc_api_client_get_base_url (client), ==, sc_test_daemon_get_base_url (daemon_));

  /* A token is not sent to the public health route, and does no harm. */
  scc_api_client_set_token (client, "not-a-real-token");
  health = get_health (client, &error);
  g_assert_no_error (error);
  g_assert_true (sc_health_is_ok (health));
}

static void
test_request_json (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 0;

  node = request (client, "GET", "/health", SCC_API_REQUEST_DEFAULT, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "status"), ==, "ok");
}

static void
test_request_not_found (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const ScProblem *problem;
  guint status = 0;
  guint n_unavailable = 0;

  g_signal_connect (client, "server-unavailable", G_CALLBACK (count_cb), &n_unavailable);

  node = request (client, "GET", "/no-such-thing", SCC_API_REQUEST_DEFAULT, &status, &error);
  g_assert_null (node);
  g_assert_cmpuint (status, ==, 404);
  g_assert_error (error, SC_ERROR, SC_ERROR_NOT_FOUND);
  /* An answer that is not 503 says the server is there. */
  g_assert_cmpuint (n_unavailable, ==, 0);

  /* The problem document came through whole. */
  problem = sc_error_get_problem (error);
  g_assert_nonnull (problem);
  g_assert_cmpuint (sc_problem_get_status (problem), ==, 404);
  g_assert_nonnull (sc_problem_get_request_id (problem));
}

static void
test_request_method_not_allowed (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = request (client, "DELETE", "/health", SCC_API_REQUEST_DEFAULT, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, SC_ERROR, SC_ERROR_METHOD_NOT_ALLOWED);
  g_assert_nonnull (sc_error_get_problem (error));
}

static void
test_request_unauthorized (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  guint n_unauthorized = 0;

  g_signal_connect (client, "unauthorized", G_CALLBACK (count_cb), &n_unauthorized);

  /* No token: a 401 error, but no session has ended. */
  node = request (client, "GET", "/me", SCC_API_REQUEST_DEFAULT, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, SC_ERROR, SC_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (n_unauthorized, ==, 0);
  g_clear_error (&error);

  /* A token the server does not know: the session has ended; sign in again. */
  scc_api_client_set_token (client, "no-such-session");
  node = request (client, "GET", "/me", SCC_API_REQUEST_DEFAULT, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, SC_ERROR, SC_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (n_unauthorized, ==, 1);
  g_assert_nonnull (sc_error_get_problem (error));
}

static void
test_request_field_errors (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autoptr(JsonNode) body = json_from_string ("{}", NULL);
  g_autofree char *key = g_uuid_string_random ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const ScProblem *problem;
  guint status = 0;

  /* A JSON body and extra headers go out; field errors come back. */
  node = request_full (client, "POST", "/sessions", body,
                       (const char *[]) { "Idempotency-Key", key, "If-Match", NULL, NULL },
                       SCC_API_REQUEST_NO_AUTH, &status, &error);
  g_assert_null (node);
  g_assert_cmpuint (status, ==, 422);
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
  problem = sc_error_get_problem (error);
  g_assert_nonnull (problem);
  g_assert_cmpstr (sc_problem_lookup_field (problem, "username"), ==, "is required");
  g_assert_cmpstr (sc_problem_lookup_field (problem, "password"), ==, "is required");
}

static void
test_refused (void)
{
  g_autofree char *url = scc_test_closed_url ();
  g_autoptr(SccApiClient) client = scc_api_client_new (url);
  g_autoptr(ScHealth) health = NULL;
  g_autoptr(GError) error = NULL;
  guint n_unavailable = 0;

  g_signal_connect (client, "server-unavailable", G_CALLBACK (count_cb), &n_unavailable);

  health = get_health (client, &error);
  g_assert_null (health);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);

  /* The connection hears of it, to check the server at once. */
  g_assert_cmpuint (n_unavailable, ==, 1);
}

static void
test_no_address (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (NULL);
  g_autoptr(ScHealth) health = NULL;
  g_autoptr(GError) error = NULL;

  health = get_health (client, &error);
  g_assert_null (health);
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);

  g_clear_error (&error);
  scc_api_client_set_base_url (client, "ftp://example.org");
  health = get_health (client, &error);
  g_assert_null (health);
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
}

static void
test_cancelled (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ScHealth) health = NULL;
  g_autoptr(GError) error = NULL;
  guint n_unavailable = 0;

  g_signal_connect (client, "server-unavailable", G_CALLBACK (count_cb), &n_unavailable);

  scc_api_client_get_health_async (client, cancellable, store_result_cb, &result);
  g_cancellable_cancel (cancellable);
  scc_test_wait_until (result_ready, &result, 30);
  health = scc_api_client_get_health_finish (client, result, &error);
  g_assert_null (health);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n_unavailable, ==, 0);
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_error_for_status (void)
{
  g_autoptr(JsonNode) unauthorized = parse ("{\"type\":\"/problems/unauthorized\",\"title\":\"Unauthorized\","
                                            "\"status\":401,\"code\":\"unauthorized\","
                                            "\"detail\":\"the session has ended\",\"request_id\":\"r1\"}");
  g_autoptr(JsonNode) invalid = parse ("{\"status\":422,\"code\":\"invalid-input\",\"detail\":\"bad\","
                                       "\"errors\":[{\"field\":\"received_on\",\"message\":\"must not be in the future\"}]}");
  g_autoptr(JsonNode) health = parse ("{\"status\":\"unavailable\",\"database\":\"unavailable\","
                                      "\"schema_version\":null,\"version\":\"0.1.0\"}");
  g_autoptr(GError) error = NULL;
  const ScProblem *problem;

  /* A 401 is recognisable, so a page can send the user back to sign-in. */
  error = _scc_api_client_error_for_status (401, unauthorized);
  g_assert_error (error, SC_ERROR, SC_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (error->message, ==, "the session has ended");
  g_assert_cmpstr (sc_problem_get_request_id (sc_error_get_problem (error)), ==, "r1");
  g_clear_error (&error);

  /* Without a body the status alone decides. */
  error = _scc_api_client_error_for_status (401, NULL);
  g_assert_error (error, SC_ERROR, SC_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* Field errors reach the caller. */
  error = _scc_api_client_error_for_status (422, invalid);
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
  problem = sc_error_get_problem (error);
  g_assert_cmpstr (sc_problem_lookup_field (problem, "received_on"), ==, "must not be in the future");
  g_clear_error (&error);

  /* Not a problem document: the status still gives the code. */
  error = _scc_api_client_error_for_status (503, health);
  g_assert_error (error, SC_ERROR, SC_ERROR_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, "the server answered 503 Service Unavailable");
  g_clear_error (&error);

  error = _scc_api_client_error_for_status (502, NULL);
  g_assert_error (error, SC_ERROR, SC_ERROR_INTERNAL);
}

static ScSession *
sign_in (SccApiClient  *client,
         const char    *username,
         const char    *password,
         guint         *retry_after,
         GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  scc_api_client_sign_in_async (client, username, password, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  return scc_api_client_sign_in_finish (client, result, retry_after, error);
}

static ScSession *
get_me (SccApiClient  *client,
        GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  scc_api_client_get_me_async (client, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  return scc_api_client_get_me_finish (client, result, error);
}

static void
test_sign_in (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autoptr(ScSession) session = NULL;
  g_autoptr(ScSession) me = NULL;
  g_autoptr(GError) error = NULL;
  ScUser *user;

  g_assert_false (scc_api_client_get_signed_in (client));
  g_assert_null (scc_api_client_get_session (client));

  /* Usernames are matched without regard to case or blanks around them. */
  session = sign_in (client, "  Manager ", SC_TEST_DEMO_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);

  user = sc_session_get_user (session);
  g_assert_cmpint (sc_user_get_id (user), >, 0);
  g_assert_cmpstr (sc_user_get_username (user), ==, "manager");
  g_assert_cmpstr (sc_user_get_full_name (user), ==, "Tom Reilly");
  g_assert_cmpstr (sc_user_get_display_name (user), ==, "Tom Reilly");
  g_assert_cmpint (sc_user_get_role (user), ==, SC_ROLE_TEAM_MANAGER);
  g_assert_cmpstr (sc_user_get_role_name (user), ==, "team_manager");
  g_assert_cmpstr (sc_user_get_role_title (user), ==, "Team manager");
  g_assert_true (sc_user_get_active (user));
  g_assert_cmpint (sc_session_get_expires_at (session), >, g_get_real_time ());

  /* The client holds the session and its token (43 characters of base64url). */
  g_assert_true (scc_api_client_get_signed_in (client));
  g_assert_true (scc_api_client_get_session (client) == session);
  g_assert_cmpuint (strlen (scc_api_client_get_token (client)), ==, 43);

  /* The token works. */
  me = get_me (client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_user_get_id (sc_session_get_user (me)), ==, sc_user_get_id (user));
  g_assert_cmpstr (sc_user_get_full_name (sc_session_get_user (me)), ==, "Tom Reilly");
  g_assert_cmpint (sc_user_get_role (sc_session_get_user (me)), ==, SC_ROLE_TEAM_MANAGER);
}

static void
test_sign_in_wrong_password (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autoptr(ScSession) session = NULL;
  g_autoptr(GError) error = NULL;
  guint n_unauthorized = 0;
  const ScProblem *problem;

  g_signal_connect (client, "unauthorized", G_CALLBACK (count_cb), &n_unauthorized);

  session = sign_in (client, "caseworker", "not-the-password", NULL, &error);
  g_assert_null (session);
  g_assert_error (error, SC_ERROR, SC_ERROR_UNAUTHORIZED);
  problem = sc_error_get_problem (error);
  g_assert_cmpstr (sc_problem_lookup_field (problem, "password"), ==, "invalid username or password");

  /* A refused sign-in ends no session: none was sent. */
  g_assert_cmpuint (n_unauthorized, ==, 0);
  g_assert_false (scc_api_client_get_signed_in (client));
  g_assert_null (scc_api_client_get_token (client));
}

static void
test_sign_out (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autoptr(ScSession) session = NULL;
  g_autoptr(ScSession) me = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  guint n_unauthorized = 0;

  session = sign_in (client, "officer", SC_TEST_DEMO_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  token = g_strdup (scc_api_client_get_token (client));
  g_signal_connect (client, "unauthorized", G_CALLBACK (count_cb), &n_unauthorized);

  /* Forgotten at once, before the server answers. */
  scc_api_client_sign_out_async (client, NULL, store_result_cb, &result);
  g_assert_false (scc_api_client_get_signed_in (client));
  g_assert_null (scc_api_client_get_token (client));
  scc_test_wait_until (result_ready, &result, 30);
  g_assert_true (scc_api_client_sign_out_finish (client, result, &error));
  g_assert_no_error (error);

  /* And ended on the server: the old token is refused. */
  scc_api_client_set_token (client, token);
  me = get_me (client, &error);
  g_assert_null (me);
  g_assert_error (error, SC_ERROR, SC_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (n_unauthorized, ==, 1);
  g_assert_null (scc_api_client_get_token (client));
}

static void
store_ended_cb (SccApiClient  *client,
                ScSession    *ended,
                ScSession   **out)
{
  /* Already forgotten when the signal comes. */
  g_assert_false (scc_api_client_get_signed_in (client));
  g_set_object (out, ended);
}

static void
test_unauthorized_ends_session (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autoptr(ScSession) session = NULL;
  g_autoptr(ScSession) ended = NULL;
  g_autoptr(ScSession) me = NULL;
  g_autoptr(ScTestResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  session = sign_in (client, "sysadmin", SC_TEST_DEMO_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (client, "unauthorized", G_CALLBACK (store_ended_cb), &ended);

  /* The session ends behind the client's back. */
  response = sc_test_authed (daemon_, scc_api_client_get_token (client), "DELETE", "/api/v1/sessions/current",
                             NULL, NULL);
  g_assert_cmpuint (response->status, ==, 204);

  me = get_me (client, &error);
  g_assert_null (me);
  g_assert_error (error, SC_ERROR, SC_ERROR_UNAUTHORIZED);

  /* The handler learnt whose session it was; the client holds nothing. */
  g_assert_true (ended == session);
  g_assert_cmpstr (sc_user_get_username (sc_session_get_user (ended)), ==, "sysadmin");
  g_assert_false (scc_api_client_get_signed_in (client));
  g_assert_null (scc_api_client_get_session (client));
  g_assert_null (scc_api_client_get_token (client));
}

static void
test_stale_unauthorized (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autoptr(ScSession) first = NULL;
  g_autoptr(ScSession) second = NULL;
  g_autoptr(ScTestResponse) response = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ScSession) me = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *second_token = NULL;
  guint n_unauthorized = 0;

  first = sign_in (client, "caseworker", SC_TEST_DEMO_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (client, "unauthorized", G_CALLBACK (count_cb), &n_unauthorized);
  response = sc_test_authed (daemon_, scc_api_client_get_token (client), "DELETE", "/api/v1/sessions/current",
                             NULL, NULL);
  g_assert_cmpuint (response->status, ==, 204);

  /* A request goes out with the ended token; before its 401 comes back,
   * the user has signed in again. */
  scc_api_client_get_me_async (client, NULL, store_result_cb, &result);
  second_token = sc_test_sign_in (daemon_, "caseworker", SC_TEST_DEMO_PASSWORD);
  second = sc_session_new (sc_session_get_user (first), sc_session_get_expires_at (first));
  _scc_api_client_begin_session (client, second_token, second);

  scc_test_wait_until (result_ready, &result, 30);
  me = scc_api_client_get_me_finish (client, result, &error);
  g_assert_error (error, SC_ERROR, SC_ERROR_UNAUTHORIZED);

  /* The late 401 was about the old token: the new session stands. */
  g_assert_cmpuint (n_unauthorized, ==, 0);
  g_assert_true (scc_api_client_get_session (client) == second);
  g_assert_cmpstr (scc_api_client_get_token (client), ==, second_token);
}

static void
test_change_password_errors (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autoptr(ScSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GError) error = NULL;
  const ScProblem *problem;

  session = sign_in (client, "caseworker", SC_TEST_DEMO_PASSWORD, NULL, &error);
  g_assert_no_error (error);

  scc_api_client_change_password_async (client, SC_TEST_DEMO_PASSWORD, "short", NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  g_assert_false (scc_api_client_change_password_finish (client, result, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
  problem = sc_error_get_problem (error);
  g_assert_cmpstr (sc_problem_lookup_field (problem, "new_password"), ==, "must be at least 12 characters");
  g_clear_error (&error);

  scc_api_client_change_password_async (client, "not-my-password", "a-long-enough-password", NULL,
                                        store_result_cb, &result2);
  scc_test_wait_until (result_ready, &result2, 30);
  g_assert_false (scc_api_client_change_password_finish (client, result2, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
  problem = sc_error_get_problem (error);
  g_assert_cmpstr (sc_problem_lookup_field (problem, "current_password"), ==, "is not your current password");

  /* A refused change leaves the session alone. */
  g_assert_true (scc_api_client_get_signed_in (client));
}

/* A list asked for whole (limit 0) is read a page after another: more
 * than one page of complaints comes back as one list, each once */
static void
test_every_page (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autofree char *officer = sc_test_sign_in (daemon_, "officer", SC_TEST_DEMO_PASSWORD);
  g_autoptr(ScSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) complaints = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *next_cursor = NULL;
  const guint n = 501;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"reference\":\"P-%u\",\"received_on\":\"2026-11-02\","
                                               "\"category\":\"communication\"}", i);
      g_autoptr(ScTestResponse) r = sc_test_authed (daemon_, officer, "POST", "/api/v1/complaints", body, NULL);

      g_assert_cmpuint (r->status, ==, 201);
    }
  session = sign_in (client, "officer", SC_TEST_DEMO_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  scc_api_client_list_complaints_async (client, NULL, 0, NULL, 0, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 60);
  complaints = scc_api_client_list_complaints_finish (client, result, &next_cursor, &error);
  g_assert_no_error (error);
  g_assert_null (next_cursor);
  for (guint i = 0; i < complaints->len; i++)
    {
      const ScComplaint *complaint = g_ptr_array_index (complaints, i);

      if (g_str_has_prefix (complaint->reference, "P-"))
        g_assert_true (g_hash_table_add (seen, complaint->reference));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/api-client/error-for-status", test_error_for_status);
  g_test_add_func ("/client/api-client/health/ok", test_health_ok);
  g_test_add_func ("/client/api-client/health/trailing-slash", test_base_url_trailing_slash);
  g_test_add_func ("/client/api-client/health/refused", test_refused);
  g_test_add_func ("/client/api-client/health/no-address", test_no_address);
  g_test_add_func ("/client/api-client/health/cancelled", test_cancelled);
  g_test_add_func ("/client/api-client/request/json", test_request_json);
  g_test_add_func ("/client/api-client/request/not-found", test_request_not_found);
  g_test_add_func ("/client/api-client/request/method-not-allowed", test_request_method_not_allowed);
  g_test_add_func ("/client/api-client/request/unauthorized", test_request_unauthorized);
  g_test_add_func ("/client/api-client/request/field-errors", test_request_field_errors);
  g_test_add_func ("/client/api-client/sessions/sign-in", test_sign_in);
  g_test_add_func ("/client/api-client/sessions/sign-in-wrong-password", test_sign_in_wrong_password);
  g_test_add_func ("/client/api-client/sessions/sign-out", test_sign_out);
  g_test_add_func ("/client/api-client/sessions/unauthorized-ends-session", test_unauthorized_ends_session);
  g_test_add_func ("/client/api-client/sessions/stale-unauthorized", test_stale_unauthorized);
  g_test_add_func ("/client/api-client/sessions/change-password-errors", test_change_password_errors);
  g_test_add_func ("/client/api-client/lists/every-page", test_every_page);

  return scc_test_run_with_daemon ("scc-api-XXXXXX", (const char *[]) { "--demo-data", NULL }, NULL,
                                   NULL, &daemon_, NULL);
}
