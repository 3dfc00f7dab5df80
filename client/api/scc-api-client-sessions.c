/* scc-api-client-sessions.c
 *
 * The session calls of SccApiClient (docs/openapi.yaml, "sessions" and
 * "me"): sign in, sign out, who am I, change my password. Each is a typed
 * _async/_finish pair over the generic request of scc-api-client-private.h
 * with the common codec of what comes back (common/sc-session.c, the same
 * one the daemon writes with).
 *
 * Sign-in hands the token to the client (_scc_api_client_begin_session) and
 * nowhere else: the caller gets an ScSession, which has no token. Sign-out
 * forgets the session at once, before the server answers, so the window can
 * go back to sign-in immediately and a slow or unreachable server cannot
 * keep the user signed in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-api-client"

#include "config.h"

#include "sc-error.h"

#include "scc-api-client.h"
#include "scc-api-client-private.h"

/* Seconds from a Retry-After header in its delay form; 0 if absent or an
 * HTTP date (the daemon always sends seconds). */
static guint
parse_retry_after (SoupMessageHeaders *headers)
{
  const char *value;
  guint64 seconds = 0;

  if (headers == NULL)
    return 0;
  value = soup_message_headers_get_one (headers, "Retry-After");
  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &seconds, NULL))
    return 0;
  return (guint)seconds;
}

static void
scc_api_client_sign_in_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  SccApiClient *self = SCC_API_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(ScSession) session = NULL;
  g_autoptr(GError) error = NULL;
  char *token = NULL;

  node = _scc_api_client_request_finish (self, result, NULL, &headers, &error);
  if (node == NULL)
    {
      if (g_error_matches (error, SC_ERROR, SC_ERROR_TOO_MANY_REQUESTS))
        g_task_set_task_data (task, GUINT_TO_POINTER (parse_retry_after (headers)), NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The common codec hands the token back beside the session; it stays
   * here, and only here, from now on. */
  session = sc_session_new_from_json (node, &token, &error);
  if (session != NULL && (token == NULL || token[0] == '\0'))
    {
      g_clear_object (&session);
      g_set_error_literal (&error, SC_ERROR, SC_ERROR_MALFORMED, "the sign-in answer has no token");
    }
  if (session == NULL)
    {
      _scc_api_client_wipe_string (&token);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _scc_api_client_begin_session (self, token, session);
  _scc_api_client_wipe_string (&token);
  g_task_return_pointer (task, g_steal_pointer (&session), g_object_unref);
}

/**
 * scc_api_client_sign_in_async:
 * @username: as typed; the server trims it and ignores case
 * @password: as typed
 *
 * Signs in. Whatever session the client had is kept until this one
 * succeeds.
 */
void
scc_api_client_sign_in_async (SccApiClient        *self,
                              const char          *username,
                              const char          *password,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (username != NULL);
  g_return_if_fail (password != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scc_api_client_sign_in_async);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  _scc_api_client_request_async (self, "POST", "/sessions", body, NULL,
                                 SCC_API_REQUEST_NO_AUTH,
                                 cancellable,
                                 scc_api_client_sign_in_cb,
                                 g_steal_pointer (&task));
}

/**
 * scc_api_client_sign_in_finish:
 * @out_retry_after: (out) (optional): for SC_ERROR_TOO_MANY_REQUESTS, the
 *   seconds to wait before trying again (0 if not known)
 *
 * Returns: (transfer full) (nullable): the new session, or %NULL with @error
 */
ScSession *
scc_api_client_sign_in_finish (SccApiClient  *self,
                               GAsyncResult  *result,
                               guint         *out_retry_after,
                               GError       **error)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == scc_api_client_sign_in_async, NULL);

  if (out_retry_after != NULL)
    *out_retry_after = GPOINTER_TO_UINT (g_task_get_task_data (G_TASK (result)));
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
scc_api_client_sign_out_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  SccApiClient *self = SCC_API_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = _scc_api_client_request_finish (self, result, NULL, NULL, &error);

  /* A session that had already ended is as signed out as it gets. */
  if (node == NULL && !g_error_matches (error, SC_ERROR, SC_ERROR_UNAUTHORIZED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * scc_api_client_sign_out_async:
 *
 * Ends the session on the server and forgets it here (at once).
 */
void
scc_api_client_sign_out_async (SccApiClient        *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(ScSession) ended = NULL;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scc_api_client_sign_out_async);

  if (scc_api_client_get_token (self) == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The request carries the token; then it is forgotten. */
  _scc_api_client_request_async (self, "DELETE", "/sessions/current", NULL, NULL,
                                 SCC_API_REQUEST_DEFAULT,
                                 cancellable,
                                 scc_api_client_sign_out_cb,
                                 g_steal_pointer (&task));
  ended = _scc_api_client_end_session (self);
}

/**
 * scc_api_client_sign_out_finish:
 *
 * Returns: %TRUE if the server ended the session (or it had ended);
 *   %FALSE with @error if the server could not be told
 */
gboolean
scc_api_client_sign_out_finish (SccApiClient  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == scc_api_client_sign_out_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
scc_api_client_get_me_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  SccApiClient *self = SCC_API_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(ScSession) session = NULL;
  g_autoptr(GError) error = NULL;

  node = _scc_api_client_request_finish (self, result, NULL, NULL, &error);
  if (node != NULL)
    session = sc_session_new_from_json (node, NULL, &error);

  if (session == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&session), g_object_unref);
}

void
scc_api_client_get_me_async (SccApiClient        *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scc_api_client_get_me_async);

  _scc_api_client_request_async (self, "GET", "/me", NULL, NULL,
                                 SCC_API_REQUEST_DEFAULT,
                                 cancellable,
                                 scc_api_client_get_me_cb,
                                 g_steal_pointer (&task));
}

/**
 * scc_api_client_get_me_finish:
 *
 * Returns: (transfer full) (nullable): the session the token belongs to,
 *   or %NULL with @error (SC_ERROR_UNAUTHORIZED once it has ended)
 */
ScSession *
scc_api_client_get_me_finish (SccApiClient  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == scc_api_client_get_me_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
scc_api_client_change_password_cb (GObject      *object,
                                   GAsyncResult *result,
                                   gpointer      user_data)
{
  SccApiClient *self = SCC_API_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = _scc_api_client_request_finish (self, result, NULL, NULL, &error);
  if (node == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * scc_api_client_change_password_async:
 * @current_password: the password the user signed in with
 * @new_password: the one to use from now on
 *
 * Changes the signed-in user's own password. The server ends the user's
 * other sessions; this one goes on.
 */
void
scc_api_client_change_password_async (SccApiClient        *self,
                                      const char          *current_password,
                                      const char          *new_password,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (current_password != NULL);
  g_return_if_fail (new_password != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scc_api_client_change_password_async);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "current_password");
  json_builder_add_string_value (builder, current_password);
  json_builder_set_member_name (builder, "new_password");
  json_builder_add_string_value (builder, new_password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  _scc_api_client_request_async (self, "POST", "/me/password", body, NULL,
                                 SCC_API_REQUEST_DEFAULT,
                                 cancellable,
                                 scc_api_client_change_password_cb,
                                 g_steal_pointer (&task));
}

gboolean
scc_api_client_change_password_finish (SccApiClient  *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == scc_api_client_change_password_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
