/* scd-auth.c
 *
 * Authentication and authorisation of each request.
 *
 * A token is 32 random bytes from libsodium; the client holds it in memory
 * only and the database holds only its SHA-256. One statement finds the live
 * session, checks its idle and absolute expiry and that its user is still
 * active, and refreshes last_seen_at (at most every min(15 s, idle/10), so a busy
 * client does not write on every read). Role and activity are read from
 * app_user on every request, so a deactivated user or a changed role takes
 * effect at once.
 *
 * Refusals: no or bad token -> 401; a role the route's rule does not allow ->
 * 403, recorded in the audit trail as "denied" before the answer goes out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-auth"

#include "config.h"

#include <sodium.h>

#include "scd-auth.h"
#include "scd-server.h"
#include "handlers/scd-user-json.h"

#define SESSION_DATA_KEY "scd-session"
#define TOKEN_BYTES 32

static const char session_sql[] =
  "WITH s AS ("
  "  SELECT s.id AS session_id, s.user_id, s.expires_at"
  "  FROM session s JOIN app_user u ON u.id = s.user_id"
  "  WHERE s.token_hash = $1 AND s.ended_at IS NULL AND u.active"
  "    AND s.expires_at > clock_timestamp()"
  "    AND s.last_seen_at > clock_timestamp() - $2::double precision * interval '1 second'),"
  " touch AS ("
  "  UPDATE session SET last_seen_at = clock_timestamp()"
  "  WHERE id = (SELECT session_id FROM s)"
  "    AND last_seen_at < clock_timestamp() - $3::double precision * interval '1 second')"
  "SELECT s.session_id, " SCD_SQL_TIMESTAMP ("s.expires_at") ", " SCD_USER_COLUMNS ("u.")
  " FROM s JOIN app_user u ON u.id = s.user_id";

static const char denied_sql[] =
  "INSERT INTO audit_event (user_id, username, role, request_id, source_address,"
  "                         action, resource_type, resource_id, outcome)"
  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'denied')";

void
scd_session_free (ScdSession *session)
{
  if (session == NULL)
    return;
  g_free (session->username);
  g_free (session->full_name);
  g_free (session->expires_at);
  g_clear_object (&session->user);
  g_free (session);
}

ScdSession *
scd_request_get_session (ScdRequest *request)
{
  return scd_request_get_data (request, SESSION_DATA_KEY);
}

guint
scd_access_for_role (ScRole role)
{
  switch (role)
    {
    case SC_ROLE_CASEWORKER: return SCD_ACCESS_CASEWORKER;
    case SC_ROLE_TEAM_MANAGER: return SCD_ACCESS_TEAM_MANAGER;
    case SC_ROLE_ADMIN_OFFICER: return SCD_ACCESS_ADMIN_OFFICER;
    case SC_ROLE_SYSTEM_ADMIN: return SCD_ACCESS_SYSTEM_ADMIN;
    case SC_ROLE_NONE:
    default: return SCD_ACCESS_NONE;
    }
}

char *
scd_auth_new_token (void)
{
  unsigned char bytes[TOKEN_BYTES];
  char text[sodium_base64_ENCODED_LEN (TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2base64 (text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (bytes, sizeof bytes);
  return g_strdup (text);
}

char *
scd_auth_hash_token (const char *token)
{
  unsigned char digest[crypto_hash_sha256_BYTES];
  char hex[crypto_hash_sha256_BYTES * 2 + 1];

  crypto_hash_sha256 (digest, (const unsigned char *) token, strlen (token));
  sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);
  return g_strdup (hex);
}

void
scd_audit_add_actor (ScdParams  *params,
                     ScdRequest *request)
{
  ScdSession *session = scd_request_get_session (request);

  if (session != NULL)
    {
      scd_params_add_int (params, session->user_id);
      scd_params_add (params, session->username);
      scd_params_add (params, sc_role_to_string (session->role));
    }
  else
    {
      scd_params_add (params, NULL);
      scd_params_add (params, NULL);
      scd_params_add (params, NULL);
    }
  scd_params_add (params, scd_request_get_id (request));
  scd_params_add (params, scd_request_get_remote_host (request));
}

void
scd_request_query (ScdRequest          *request,
                   const char          *sql,
                   ScdParams           *params,
                   GAsyncReadyCallback  callback)
{
  ScdDb *db = scd_server_get_db (scd_request_get_server (request));

  scd_request_pause (request);
  scd_db_query_async (db, sql, params != NULL ? scd_params_values (params) : NULL,
                      params != NULL ? params->len : 0,
                      scd_request_get_cancellable (request), callback, scd_request_ref (request));
}

static void
reply_unauthorized (ScdRequest *request,
                    const char *detail)
{
  g_autoptr(ScProblem) problem = sc_problem_new (SC_ERROR_UNAUTHORIZED, detail);

  scd_request_add_header (request, "WWW-Authenticate", "Bearer realm=\"sendcase\"");
  scd_request_reply_problem (request, problem);
}

static void
denied_audited_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);
  g_autoptr(ScProblem) problem = NULL;

  if (pg == NULL)
    {
      /* a refusal that cannot be recorded is still a refusal */
      g_warning ("request %s: could not record a refusal: %s", scd_request_get_id (request), error->message);
    }
  problem = sc_problem_new (SC_ERROR_FORBIDDEN, "your role does not allow this");
  scd_request_reply_problem (request, problem);
}

typedef struct
{
  ScdRequest     *request;   /* owned ref */
  const ScdRoute *route;     /* static */
} DispatchData;

static void
session_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  DispatchData *data = user_data;
  g_autoptr(ScdRequest) request = data->request;
  const ScdRoute *route = data->route;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);
  ScdSession *session;

  g_free (data);

  if (pg == NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  if (PQntuples (pg) != 1)
    {
      reply_unauthorized (request, "your session has ended or is not valid; sign in again");
      return;
    }

  session = g_new0 (ScdSession, 1);
  session->session_id = g_ascii_strtoll (PQgetvalue (pg, 0, 0), NULL, 10);
  session->expires_at = g_strdup (PQgetvalue (pg, 0, 1));
  session->user = scd_user_from_row (pg, 0, 2);
  session->user_id = sc_user_get_id (session->user);
  session->username = g_strdup (sc_user_get_username (session->user));
  session->full_name = g_strdup (sc_user_get_full_name (session->user));
  session->role = sc_user_get_role (session->user);
  scd_request_set_data (request, SESSION_DATA_KEY, session, (GDestroyNotify) scd_session_free);

  if ((route->access & scd_access_for_role (session->role)) == 0)
    {
      g_autoptr(ScdParams) params = scd_params_new ();

      scd_audit_add_actor (params, request);
      scd_params_add (params, route->action);
      scd_params_add (params, route->resource_type);
      scd_params_add (params, route->resource_type != NULL && strstr (route->pattern, "{id}") != NULL
                                ? scd_request_get_param (request, "id") : NULL);
      scd_request_query (request, denied_sql, params, denied_audited_cb);
      return;
    }

  /* answers about people are never kept by caches */
  scd_request_add_header (request, "Cache-Control", "no-store");
  route->handler (request);
}

void
scd_auth_dispatch (ScdRequest     *request,
                   const ScdRoute *route)
{
  const char *authorization;
  g_autofree char *hash = NULL;
  g_autoptr(ScdParams) params = NULL;
  const ScdConfig *config = scd_server_get_config (scd_request_get_server (request));
  DispatchData *data;
  const char *token;
  double idle = config->session_idle_seconds;

  if (route->access & SCD_ACCESS_PUBLIC)
    {
      route->handler (request);
      return;
    }

  authorization = scd_request_get_header (request, "Authorization");
  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0)
    {
      reply_unauthorized (request, "sign in first: this request needs a session");
      return;
    }
  token = authorization + 7;
  while (*token == ' ')
    token++;
  if (strlen (token) != sodium_base64_ENCODED_LEN (TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING) - 1)
    {
      reply_unauthorized (request, "your session has ended or is not valid; sign in again");
      return;
    }

  hash = scd_auth_hash_token (token);
  params = scd_params_new ();
  scd_params_add (params, hash);
  g_ptr_array_add (params, g_strdup_printf ("%.3f", idle));
  g_ptr_array_add (params, g_strdup_printf ("%.3f", MIN (15.0, idle / 10.0)));

  data = g_new0 (DispatchData, 1);
  data->request = scd_request_ref (request);
  data->route = route;
  scd_request_pause (request);
  scd_db_query_async (scd_server_get_db (scd_request_get_server (request)), session_sql,
                      scd_params_values (params), params->len, scd_request_get_cancellable (request),
                      session_cb, data);
}
