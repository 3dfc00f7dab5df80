/* scd-session-handlers.c
 *
 * Signing in and out.
 *
 * POST /api/v1/sessions, in steps, each asynchronous:
 *   1. the lockout: failures for this username, and for this source
 *      address, within the window; over the limit -> 429 with Retry-After
 *   2. the user row (by username)
 *   3. argon2id verification in a worker thread; an unknown or inactive
 *      user is verified against a dummy hash, so every failure costs the same
 *      time and gets the same answer (401, "invalid username or password")
 *   4. one statement: the session, clearing the username's failures and the
 *      audit row -- or the failure and its audit row
 *
 * DELETE /api/v1/sessions/current ends the caller's session; GET /api/v1/me
 * says who the caller is; POST /api/v1/me/password changes the caller's own
 * password (the current one is required) and ends their other sessions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-sessions"

#include "config.h"

#include "sc-json.h"
#include "scd-auth.h"
#include "scd-handlers.h"
#include "scd-password.h"
#include "scd-server.h"
#include "scd-user-json.h"

/* The lockout check records the attempt as a failure in the same statement,
 * before the slow password check: a burst of parallel guesses is counted as
 * it arrives, not after. A successful sign-in deletes the username's
 * failures, this one included. */
static const char lockout_sql[] =
  "WITH state AS (SELECT"
  " (SELECT count(*) FROM sign_in_failure"
  "   WHERE username = $1 AND at > clock_timestamp() - $3::integer * interval '1 second') AS user_failures,"
  " (SELECT ceil(extract(epoch FROM max(at) + $3::integer * interval '1 second' - clock_timestamp()))"
  "   FROM sign_in_failure WHERE username = $1 AND at > clock_timestamp() - $3::integer * interval '1 second')"
  "   AS user_retry,"
  " (SELECT count(*) FROM sign_in_failure"
  "   WHERE source_address = $2 AND at > clock_timestamp() - $3::integer * interval '1 second') AS address_failures,"
  " (SELECT ceil(extract(epoch FROM max(at) + $3::integer * interval '1 second' - clock_timestamp()))"
  "   FROM sign_in_failure WHERE source_address = $2 AND at > clock_timestamp() - $3::integer * interval '1 second')"
  "   AS address_retry),"
  " attempt AS ("
  "  INSERT INTO sign_in_failure (username, source_address)"
  "  SELECT $1, $2 FROM state WHERE user_failures < $4 AND address_failures < $5"
  "  RETURNING id)"
  "SELECT user_failures, user_retry, address_failures, address_retry, (SELECT id FROM attempt) FROM state";

static const char user_by_name_sql[] =
  "SELECT " SCD_USER_COLUMNS ("") ", password_hash FROM app_user WHERE username = $1";

static const char session_create_sql[] =
  "WITH s AS ("
  "  INSERT INTO session (token_hash, user_id, expires_at, source_address)"
  "  VALUES ($1, $2, clock_timestamp() + $3::integer * interval '1 second', $4)"
  "  RETURNING id, expires_at),"
  " cleared AS (DELETE FROM sign_in_failure WHERE username = $5),"
  " audit AS ("
  "  INSERT INTO audit_event (user_id, username, role, request_id, source_address,"
  "                           action, resource_type, resource_id, outcome)"
  "  SELECT $2, $5, $6, $7, $4, 'session.create', 'session', s.id::text, 'success' FROM s)"
  "SELECT id, " SCD_SQL_TIMESTAMP ("expires_at") " FROM s";

/* the failure itself was recorded with the lockout check */
static const char sign_in_failed_sql[] =
  "INSERT INTO audit_event (user_id, username, role, request_id, source_address,"
  "                         action, resource_type, resource_id, outcome)"
  " VALUES ($3, $1, $4, $5, $2, 'session.create', 'session', NULL, 'failure')";

static const char sign_in_locked_sql[] =
  "INSERT INTO audit_event (user_id, username, role, request_id, source_address,"
  "                         action, resource_type, resource_id, outcome)"
  " VALUES (NULL, $1, NULL, $2, $3, 'session.create', 'session', NULL, 'denied')";

static const char session_end_sql[] =
  "WITH e AS (UPDATE session SET ended_at = clock_timestamp() WHERE id = $6 AND ended_at IS NULL RETURNING id)"
  "INSERT INTO audit_event (user_id, username, role, request_id, source_address,"
  "                         action, resource_type, resource_id, outcome)"
  " VALUES ($1, $2, $3, $4, $5, 'session.delete', 'session', $6, 'success')";

static const char password_change_refused_sql[] =
  "INSERT INTO audit_event (user_id, username, role, request_id, source_address,"
  "                         action, resource_type, resource_id, outcome)"
  " VALUES ($1, $2, $3, $4, $5, 'user.password.change', 'user', $6, 'failure')";

static const char password_hash_sql[] =
  "SELECT password_hash FROM app_user WHERE id = $1";

static const char password_change_sql[] =
  "WITH u AS ("
  "  UPDATE app_user SET password_hash = $6, password_changed_at = clock_timestamp(),"
  "                      version = version + 1, updated_at = clock_timestamp()"
  "  WHERE id = $1 RETURNING id),"
  " ended AS ("
  "  UPDATE session SET ended_at = clock_timestamp()"
  "  WHERE user_id = $1 AND id <> $7 AND ended_at IS NULL)"
  "INSERT INTO audit_event (user_id, username, role, request_id, source_address,"
  "                         action, resource_type, resource_id, outcome)"
  " SELECT $1, $2, $3, $4, $5, 'user.password.change', 'user', u.id::text, 'success' FROM u";

#define INVALID_CREDENTIALS "invalid username or password"

typedef struct
{
  ScdRequest *request;       /* owned */
  char       *username;
  char       *password;      /* secret: wiped */
  char       *hash;          /* nullable */
  PGresult   *user;          /* nullable: the user row */
  char       *new_password;  /* secret: wiped */
} SignIn;

static void
sign_in_free (SignIn *sign_in)
{
  scd_request_unref (sign_in->request);
  g_free (sign_in->username);
  scd_secret_free (sign_in->password);
  scd_secret_free (sign_in->new_password);
  g_free (sign_in->hash);
  g_clear_pointer (&sign_in->user, PQclear);
  g_free (sign_in);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignIn, sign_in_free)

static const ScdConfig *
config_of (ScdRequest *request)
{
  return scd_server_get_config (scd_request_get_server (request));
}

static ScdDb *
db_of (ScdRequest *request)
{
  return scd_server_get_db (scd_request_get_server (request));
}

static void
reply_invalid_credentials (ScdRequest *request)
{
  g_autoptr(ScProblem) problem = sc_problem_new (SC_ERROR_UNAUTHORIZED, INVALID_CREDENTIALS);

  sc_problem_add_field_error (problem, "password", INVALID_CREDENTIALS);
  scd_request_add_header (request, "WWW-Authenticate", "Bearer realm=\"sendcase\"");
  scd_request_reply_problem (request, problem);
}

static void
failure_recorded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SignIn) sign_in = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);

  if (pg == NULL)
    scd_request_reply_error (sign_in->request, error);
  else
    reply_invalid_credentials (sign_in->request);
}

static void
session_created_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SignIn) sign_in = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);
  g_autoptr(JsonBuilder) builder = NULL;
  const char *token = g_object_get_data (G_OBJECT (scd_request_get_message (sign_in->request)), "scd-token");

  if (pg == NULL)
    {
      scd_request_reply_error (sign_in->request, error);
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "expires_at");
  json_builder_add_string_value (builder, PQgetvalue (pg, 0, 1));
  json_builder_set_member_name (builder, "user");
  scd_user_json_add (builder, sign_in->user, 0, 0);
  json_builder_end_object (builder);

  scd_request_add_header (sign_in->request, "Cache-Control", "no-store");
  scd_request_reply_json (sign_in->request, SOUP_STATUS_CREATED, json_builder_get_root (builder));
}

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SignIn) sign_in = user_data;
  ScdRequest *request = sign_in->request;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;
  gboolean active = sign_in->user != NULL && PQgetvalue (sign_in->user, 0, 4)[0] == 't';
  g_autoptr(ScdParams) params = scd_params_new ();

  /* not checked at all (busy: 503; the client left: nothing) */
  if (!scd_password_verify_finish_full (result, &ok, &error))
    {
      scd_request_reply_error (request, error);
      return;
    }
  if (ok && active)
    {
      g_autofree char *token = scd_auth_new_token ();
      g_autofree char *token_hash = scd_auth_hash_token (token);

      scd_params_add (params, token_hash);
      scd_params_add (params, PQgetvalue (sign_in->user, 0, 0));
      scd_params_add_int (params, config_of (request)->session_lifetime_seconds);
      scd_params_add (params, scd_request_get_remote_host (request));
      scd_params_add (params, sign_in->username);
      scd_params_add (params, PQgetvalue (sign_in->user, 0, 3));
      scd_params_add (params, scd_request_get_id (request));
      /* the token lives on the message until the answer is written */
      g_object_set_data_full (G_OBJECT (scd_request_get_message (request)), "scd-token",
                              g_steal_pointer (&token), (GDestroyNotify) scd_secret_free);
      scd_db_query_async (db_of (request), session_create_sql, scd_params_values (params), params->len,
                          NULL, session_created_cb, g_steal_pointer (&sign_in));
      return;
    }

  /* unknown user, wrong password or deactivated: one answer for all */
  scd_params_add (params, sign_in->username);
  scd_params_add (params, scd_request_get_remote_host (request));
  scd_params_add (params, sign_in->user != NULL ? PQgetvalue (sign_in->user, 0, 0) : NULL);
  scd_params_add (params, sign_in->user != NULL ? PQgetvalue (sign_in->user, 0, 3) : NULL);
  scd_params_add (params, scd_request_get_id (request));
  scd_db_query_async (db_of (request), sign_in_failed_sql, scd_params_values (params), params->len,
                      NULL, failure_recorded_cb, g_steal_pointer (&sign_in));
}

static void
user_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SignIn) sign_in = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);
  const char *hash = NULL;
  const char *password;
  GCancellable *cancellable;

  if (pg == NULL)
    {
      scd_request_reply_error (sign_in->request, error);
      return;
    }
  if (PQntuples (pg) == 1)
    {
      hash = PQgetvalue (pg, 0, SCD_USER_N_COLUMNS);
      sign_in->user = g_steal_pointer (&pg);
    }
  password = sign_in->password;
  cancellable = scd_request_get_cancellable (sign_in->request);
  scd_password_verify_async (hash, password, cancellable, verified_cb, g_steal_pointer (&sign_in));
}

static void
locked_recorded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);
  const char *retry_after = g_object_get_data (G_OBJECT (scd_request_get_message (request)), "scd-retry-after");

  if (pg == NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_request_add_header (request, "Retry-After", retry_after);
  scd_request_reply_problem_printf (request, SC_ERROR_TOO_MANY_REQUESTS,
                                    "too many failed sign-ins: try again in %s seconds", retry_after);
}

static void
lockout_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SignIn) sign_in = user_data;
  ScdRequest *request = sign_in->request;
  const ScdConfig *config = config_of (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);
  g_autoptr(ScdParams) params = scd_params_new ();
  gint64 user_failures;
  gint64 address_failures;
  gint64 retry = 0;

  if (pg == NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  user_failures = g_ascii_strtoll (PQgetvalue (pg, 0, 0), NULL, 10);
  address_failures = g_ascii_strtoll (PQgetvalue (pg, 0, 2), NULL, 10);
  if (user_failures >= config->lockout_max_failures)
    retry = MAX (retry, g_ascii_strtoll (PQgetvalue (pg, 0, 1), NULL, 10));
  if (address_failures >= config->lockout_address_max_failures)
    retry = MAX (retry, g_ascii_strtoll (PQgetvalue (pg, 0, 3), NULL, 10));

  if (PQgetisnull (pg, 0, 4))
    {
      g_object_set_data_full (G_OBJECT (scd_request_get_message (request)), "scd-retry-after",
                              g_strdup_printf ("%" G_GINT64_FORMAT, MAX (retry, 1)), g_free);
      scd_params_add (params, sign_in->username);
      scd_params_add (params, scd_request_get_id (request));
      scd_params_add (params, scd_request_get_remote_host (request));
      scd_db_query_async (db_of (request), sign_in_locked_sql, scd_params_values (params), params->len,
                          NULL, locked_recorded_cb, scd_request_ref (request));
      return;
    }

  scd_params_add (params, sign_in->username);
  scd_db_query_async (db_of (request), user_by_name_sql, scd_params_values (params), params->len,
                      NULL, user_loaded_cb, g_steal_pointer (&sign_in));
}

void
scd_session_handler_create (ScdRequest *request)
{
  static const char * const allowed[] = { "username", "password", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScdParams) params = NULL;
  const char *username = NULL;
  const char *password = NULL;
  g_autofree char *trimmed = NULL;
  SignIn *sign_in;

  body = scd_handler_read_body (request, allowed, &error);
  if (body == NULL)
    return;
  if (sc_json_read_string (body, "username", TRUE, &username, &error) && username != NULL)
    {
      if (*username == '\0')
        sc_set_field_error (&error, "username", "must not be empty");
      else if (strlen (username) > 64)
        sc_set_field_error (&error, "username", "must be at most 64 characters");
    }
  if (sc_json_read_string (body, "password", TRUE, &password, &error) && password != NULL)
    {
      if (*password == '\0')
        sc_set_field_error (&error, "password", "must not be empty");
      else if (strlen (password) > SCD_PASSWORD_MAX_BYTES)
        sc_set_field_error (&error, "password", "must be at most %d bytes", SCD_PASSWORD_MAX_BYTES);
    }
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }

  sign_in = g_new0 (SignIn, 1);
  sign_in->request = scd_request_ref (request);
  /* usernames are lower case; people type them as they like */
  trimmed = g_strstrip (g_strdup (username));
  sign_in->username = g_utf8_strdown (trimmed, -1);
  sign_in->password = g_strdup (password);

  params = scd_params_new ();
  scd_params_add (params, sign_in->username);
  scd_params_add (params, scd_request_get_remote_host (request));
  scd_params_add_int (params, config_of (request)->lockout_window_seconds);
  scd_params_add_int (params, config_of (request)->lockout_max_failures);
  scd_params_add_int (params, config_of (request)->lockout_address_max_failures);
  scd_request_pause (request);
  scd_db_query_async (db_of (request), lockout_sql, scd_params_values (params), params->len,
                      NULL, lockout_cb, sign_in);
}

void
scd_session_handler_delete_current (ScdRequest *request)
{
  ScdSession *session = scd_request_get_session (request);
  g_autoptr(ScdParams) params = scd_params_new ();

  scd_audit_add_actor (params, request);
  scd_params_add_int (params, session->session_id);
  scd_request_query (request, session_end_sql, params, scd_handler_reply_no_content_cb);
}

void
scd_session_handler_me (ScdRequest *request)
{
  ScdSession *session = scd_request_get_session (request);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, session->user_id);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, session->username);
  json_builder_set_member_name (builder, "full_name");
  json_builder_add_string_value (builder, session->full_name);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, sc_role_to_string (session->role));
  json_builder_set_member_name (builder, "session_expires_at");
  json_builder_add_string_value (builder, session->expires_at);
  json_builder_end_object (builder);
  scd_request_add_header (request, "Cache-Control", "no-store");
  scd_request_reply_json (request, SOUP_STATUS_OK, json_builder_get_root (builder));
}

static void
password_changed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SignIn) change = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);

  if (pg == NULL)
    scd_request_reply_error (change->request, error);
  else
    scd_request_reply_empty (change->request, SOUP_STATUS_NO_CONTENT);
}

static void
new_hash_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SignIn) change = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = scd_password_hash_finish (result, &error);
  ScdSession *session = scd_request_get_session (change->request);
  g_autoptr(ScdParams) params = scd_params_new ();
  ScdDb *db;

  if (hash == NULL)
    {
      scd_request_reply_error (change->request, error);
      return;
    }
  scd_audit_add_actor (params, change->request);
  scd_params_add (params, hash);
  scd_params_add_int (params, session->session_id);
  /* read everything from @change before it is handed on: argument order is unspecified */
  db = db_of (change->request);
  scd_db_query_async (db, password_change_sql, scd_params_values (params), params->len,
                      NULL, password_changed_cb, g_steal_pointer (&change));
}

static void
wrong_current_password_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(SignIn) change = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);

  if (pg == NULL)
    {
      scd_request_reply_error (change->request, error);
      return;
    }
  sc_set_field_error (&error, "current_password", "is not your current password");
  scd_request_reply_error (change->request, error);
}

static void
current_verified_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SignIn) change = user_data;
  g_autoptr(GError) error = NULL;
  const char *new_password;
  GCancellable *cancellable;
  gboolean ok = FALSE;

  if (!scd_password_verify_finish_full (result, &ok, &error))
    {
      scd_request_reply_error (change->request, error);
      return;
    }
  if (!ok)
    {
      g_autoptr(ScdParams) params = scd_params_new ();
      ScdDb *db = db_of (change->request);

      /* the refusal is recorded, then answered */
      scd_audit_add_actor (params, change->request);
      scd_params_add_int (params, scd_request_get_session (change->request)->user_id);
      scd_db_query_async (db, password_change_refused_sql, scd_params_values (params), params->len,
                          NULL, wrong_current_password_cb, g_steal_pointer (&change));
      return;
    }
  new_password = change->new_password;
  cancellable = scd_request_get_cancellable (change->request);
  scd_password_hash_async (new_password, cancellable, new_hash_cb, g_steal_pointer (&change));
}

static void
current_hash_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SignIn) change = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);
  const char *password;
  const char *hash;
  GCancellable *cancellable;

  if (pg == NULL)
    {
      scd_request_reply_error (change->request, error);
      return;
    }
  change->hash = PQntuples (pg) == 1 ? g_strdup (PQgetvalue (pg, 0, 0)) : NULL;
  /* read everything from @change before it is handed on: argument order is unspecified */
  hash = change->hash;
  password = change->password;
  cancellable = scd_request_get_cancellable (change->request);
  scd_password_verify_async (hash, password, cancellable, current_verified_cb, g_steal_pointer (&change));
}

void
scd_session_handler_change_password (ScdRequest *request)
{
  static const char * const allowed[] = { "current_password", "new_password", NULL };
  ScdSession *session = scd_request_get_session (request);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScdParams) params = NULL;
  const char *current = NULL;
  const char *new_password = NULL;
  SignIn *change;

  body = scd_handler_read_body (request, allowed, &error);
  if (body == NULL)
    return;
  sc_json_read_string (body, "current_password", TRUE, &current, &error);
  if (sc_json_read_string (body, "new_password", TRUE, &new_password, &error) && new_password != NULL)
    scd_password_check_policy (new_password, "new_password", &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }

  change = g_new0 (SignIn, 1);
  change->request = scd_request_ref (request);
  change->password = g_strdup (current);
  change->new_password = g_strdup (new_password);
  params = scd_params_new ();
  scd_params_add_int (params, session->user_id);
  scd_request_pause (request);
  scd_db_query_async (db_of (request), password_hash_sql, scd_params_values (params), params->len,
                      NULL, current_hash_cb, change);
}
