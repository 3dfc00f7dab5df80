/* scd-auth.c
 *
 * Authentication and authorisation of each request.
 *
 * The bearer token goes to the session store, which finds the live session
 * in one statement (its idle and absolute expiry, its user still active) and
 * refreshes its last use now and then. Role and activity are read from
 * app_user on every request, so a deactivated user or a changed role takes
 * effect at once.
 *
 * Refusals: no or bad token -> 401; a role the route's rule does not allow ->
 * 403, recorded in the audit trail as "denied" before the answer goes out.
 *
 * The actor of the request is made here, once: from the route's action and
 * resource type, the session's user and role, and the request's id and
 * address. Public routes get one too, with no user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-auth"

#include "config.h"

#include "scd-auth.h"
#include "scd-stores.h"

#define SESSION_DATA_KEY "scd-session"
#define ACTOR_DATA_KEY "scd-actor"

static void
session_free (ScdSession *session)
{
  g_clear_object (&session->session);
  g_free (session);
}

ScdSession *
scd_request_get_session (ScdRequest *request)
{
  return scd_request_get_data (request, SESSION_DATA_KEY);
}

ScdActor *
scd_request_get_actor (ScdRequest *request)
{
  return scd_request_get_data (request, ACTOR_DATA_KEY);
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

static ScdStores *
stores_of (ScdRequest *request)
{
  return scd_request_get_stores (request);
}

static void
set_actor (ScdRequest     *request,
           const ScdRoute *route,
           ScUser         *user)
{
  ScdActor *actor = scd_actor_new (user != NULL ? sc_user_get_id (user) : 0,
                                   user != NULL ? sc_user_get_username (user) : NULL,
                                   user != NULL ? sc_user_get_role_name (user) : NULL,
                                   scd_request_get_id (request), scd_request_get_remote_host (request),
                                   route->action, route->resource_type, g_str_equal (route->method, "GET"));

  scd_request_set_data (request, ACTOR_DATA_KEY, actor, (GDestroyNotify) scd_actor_unref);
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
denied_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProblem) problem = NULL;

  /* a refusal that cannot be recorded is still a refusal */
  if (!scd_audit_store_record_finish (SCD_AUDIT_STORE (object), result, &error))
    g_warning ("request %s: could not record a refusal: %s", scd_request_get_id (request), error->message);
  problem = sc_problem_new (SC_ERROR_FORBIDDEN, "your role does not allow this");
  scd_request_reply_problem (request, problem);
}

typedef struct
{
  ScdRequest     *request;   /* owned ref */
  const ScdRoute *route;     /* static */
} Dispatch;

/* The session is known: check the route's rule and run the handler. */
static void
dispatch_with_session (ScdRequest     *request,
                       const ScdRoute *route,
                       ScSession      *live,
                       gint64          session_id)
{
  ScdSession *session = g_new0 (ScdSession, 1);

  session->session = live;
  session->id = session_id;
  session->user = sc_session_get_user (live);
  scd_request_set_data (request, SESSION_DATA_KEY, session, (GDestroyNotify) session_free);
  set_actor (request, route, session->user);

  if ((route->access & scd_access_for_role (sc_user_get_role (session->user))) == 0)
    {
      const char *id = strstr (route->pattern, "{id}") != NULL ? scd_request_get_param (request, "id") : NULL;

      scd_request_pause (request);
      scd_audit_store_record_async (stores_of (request)->audit, scd_request_get_actor (request), "denied", id,
                                    NULL, denied_cb, scd_request_ref (request));
      return;
    }

  /* answers about people are never kept by caches */
  scd_request_add_header (request, "Cache-Control", "no-store");
  route->handler (request);
}

static void
authenticated_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autofree Dispatch *dispatch = user_data;
  g_autoptr(ScdRequest) request = dispatch->request;
  g_autoptr(GError) error = NULL;
  gint64 session_id = 0;
  ScSession *live = scd_session_store_authenticate_finish (SCD_SESSION_STORE (object), result, &session_id, &error);

  if (live == NULL)
    {
      if (g_error_matches (error, SC_ERROR, SC_ERROR_UNAUTHORIZED))
        reply_unauthorized (request, error->message);
      else
        scd_request_reply_error (request, error);
      return;
    }
  dispatch_with_session (request, dispatch->route, live, session_id);
}

void
scd_auth_dispatch (ScdRequest     *request,
                   const ScdRoute *route)
{
  const char *authorization;
  const char *token;
  Dispatch *dispatch;
  ScSession *live;
  gint64 session_id = 0;

  if (route->access & SCD_ACCESS_PUBLIC)
    {
      set_actor (request, route, NULL);
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
  if (strlen (token) != SCD_SESSION_TOKEN_LENGTH)
    {
      reply_unauthorized (request, "your session has ended or is not valid; sign in again");
      return;
    }

  /* checked in the last few seconds: no statement */
  live = scd_session_store_lookup (stores_of (request)->sessions, token, &session_id);
  if (live != NULL)
    {
      dispatch_with_session (request, route, live, session_id);
      return;
    }

  dispatch = g_new0 (Dispatch, 1);
  dispatch->request = scd_request_ref (request);
  dispatch->route = route;
  scd_request_pause (request);
  scd_session_store_authenticate_async (stores_of (request)->sessions, token, scd_request_get_cancellable (request),
                                        authenticated_cb, dispatch);
}
