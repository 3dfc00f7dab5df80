/* scc-api-client.c
 *
 * SccApiClient: one SoupSession shared by every page, and the generic request
 * that every typed call goes through (see scc-api-client-private.h for what it
 * promises). The session carries a timeout so a server that drops packets
 * gives an error within seconds rather than a spinner forever; a server that
 * refuses the connection fails at once.
 *
 * libsoup treats any HTTP answer as success, so the status is checked here,
 * in one place: 2xx -> parsed JSON, anything else -> an SC_ERROR built from
 * the problem document the daemon sends (common/sc-problem.c), which is how
 * a 401 becomes SC_ERROR_UNAUTHORIZED and a 422 keeps its field errors.
 *
 * The session: the token is kept here and nowhere else, in memory only (never
 * in GSettings, on disk or in a log line), and wiped when forgotten. Every
 * change of token bumps a serial that each request records, so a 401 can be
 * told apart: only a 401 to the token still in use ends the session; a late
 * 401 to an older token (say, sent before the user signed in again) does not
 * throw away the new one. The typed session calls (sign in, sign out, me,
 * password) are in scc-api-client-sessions.c.
 *
 * Ownership: the client owns the SoupSession, the base URL, the token and
 * the ScSession. Each request's GTask owns its SoupMessage until it
 * completes; the caller owns the GCancellable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-api-client"

#include "config.h"

#include <string.h>

#include "sc-error.h"
#include "sc-problem.h"

#include "scc-api-client.h"
#include "scc-api-client-private.h"

#define API_PREFIX "/api/v1"

struct _SccApiClient
{
  GObject      parent_instance;

  /* Owned */
  SoupSession *soup_session;
  char        *base_url;      /* without a trailing slash; NULL until set */
  char        *token;         /* the bearer token of the signed-in user, in memory only */
  ScSession  *session;       /* who the token belongs to; NULL when signed out */

  guint        timeout;
  guint        token_serial;  /* bumped whenever the token changes; never 0 */
};

typedef struct
{
  SoupMessage        *message;       /* owned */
  SccApiRequestFlags  flags;
  guint               token_serial;  /* of the token sent, or 0 if none was */
} RequestData;

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TOKEN,
  PROP_SESSION,
  PROP_SIGNED_IN,
  PROP_TIMEOUT,
  N_PROPS
};

enum {
  UNAUTHORIZED,
  SERVER_UNAVAILABLE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SccApiClient, scc_api_client, G_TYPE_OBJECT)

/* One query parameter, for every call file's paths. */
void
_scc_api_client_append_query (GString    *path,
                              const char *name,
                              const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_c (path, strchr (path->str, '?') != NULL ? '&' : '?');
  g_string_append_printf (path, "%s=%s", name, escaped);
}

void
_scc_api_client_append_paging (GString    *path,
                               const char *cursor,
                               guint       limit)
{
  if (limit > 0)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%u", limit);
      _scc_api_client_append_query (path, "limit", number);
    }
  _scc_api_client_append_query (path, "cursor", cursor);
}

/* Overwrites a secret before freeing it, so a token does not linger in freed
 * memory (a core dump, a later allocation). */
void
_scc_api_client_wipe_string (char **secret)
{
  volatile char *p;

  if (*secret == NULL)
    return;
  for (p = *secret; *p != '\0'; p++)
    *p = '\0';
  g_clear_pointer (secret, g_free);
}

/* Replaces the token and the session together; notifies what changed. */
static void
replace_session (SccApiClient *self,
                 const char   *token,
                 ScSession   *session)
{
  gboolean was_signed_in;

  g_assert (SCC_IS_API_CLIENT (self));

  was_signed_in = self->session != NULL;

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (token, self->token) != 0)
    {
      _scc_api_client_wipe_string (&self->token);
      self->token = g_strdup (token);
      self->token_serial++;
      if (self->token_serial == 0)
        self->token_serial = 1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN]);
    }
  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  if (was_signed_in != (self->session != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
request_data_free (gpointer data)
{
  RequestData *request = data;

  g_clear_object (&request->message);
  g_free (request);
}

static gboolean
content_type_is_json (SoupMessageHeaders *headers)
{
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);

  /* A body without a Content-Type is given a chance to parse. */
  if (content_type == NULL)
    return TRUE;
  return g_str_equal (content_type, "application/json") || g_str_has_suffix (content_type, "+json");
}

/* Returns: (transfer full) (nullable): the parsed body; an empty body is a
 * JSON null. NULL with @error if the body is not JSON. */
static JsonNode *
parse_body (SoupMessage  *message,
            GBytes       *bytes,
            GError      **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const char *data;
  gsize size;

  g_assert (SOUP_IS_MESSAGE (message));
  g_assert (bytes != NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    return json_node_new (JSON_NODE_NULL);

  if (!content_type_is_json (headers))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED,
                   "the server answered with %s, not JSON: is this a sendcase server?",
                   soup_message_headers_get_content_type (headers, NULL));
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize)size, &local_error))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED,
                   "could not read the server's answer: %s", local_error->message);
      return NULL;
    }
  return json_parser_steal_root (parser);
}

static void
scc_api_client_request_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  SoupSession *session = SOUP_SESSION (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) parse_error = NULL;
  SccApiClient *self = g_task_get_source_object (task);
  RequestData *request = g_task_get_task_data (task);
  guint status;

  g_assert (SCC_IS_API_CLIENT (self));
  g_assert (request != NULL);

  /* Refused, unresolvable, timed out or cancelled: passed through as is. */
  bytes = soup_session_send_and_read_finish (session, result, &error);
  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[SERVER_UNAVAILABLE], 0, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (request->message);
  if ((request->flags & SCC_API_REQUEST_DOCUMENT) != 0 && SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
      return;
    }
  node = parse_body (request->message, bytes, &parse_error);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      if (node == NULL)
        g_task_return_error (task, g_steal_pointer (&parse_error));
      else
        g_task_return_pointer (task, g_steal_pointer (&node), (GDestroyNotify)json_node_unref);
      return;
    }

  if ((request->flags & SCC_API_REQUEST_ANY_STATUS) != 0 && node != NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&node), (GDestroyNotify)json_node_unref);
      return;
    }

  /* The token in use was refused: the session has ended. It is forgotten
   * first, so a handler that asks finds the client signed out. */
  if (status == SOUP_STATUS_UNAUTHORIZED &&
      request->token_serial != 0 &&
      request->token_serial == self->token_serial)
    {
      g_autoptr(ScSession) ended = _scc_api_client_end_session (self);

      g_signal_emit (self, signals[UNAUTHORIZED], 0, ended);
    }

  error = _scc_api_client_error_for_status (status, node);
  if (g_error_matches (error, SC_ERROR, SC_ERROR_UNAVAILABLE))
    g_signal_emit (self, signals[SERVER_UNAVAILABLE], 0, error);
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
scc_api_client_get_health_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  SccApiClient *self = SCC_API_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(ScHealth) health = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 0;

  node = _scc_api_client_request_finish (self, result, &status, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A 503 with a health document is a daemon without its database: still
   * an answer, not an error. Any other failure is the usual problem. */
  if (!SOUP_STATUS_IS_SUCCESSFUL (status) && status != SOUP_STATUS_SERVICE_UNAVAILABLE)
    {
      g_task_return_error (task, _scc_api_client_error_for_status (status, node));
      return;
    }

  health = sc_health_new_from_json (node, &error);
  if (health == NULL)
    {
      if (SOUP_STATUS_IS_SUCCESSFUL (status))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_error (task, _scc_api_client_error_for_status (status, node));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&health), g_object_unref);
}

static void
scc_api_client_finalize (GObject *object)
{
  SccApiClient *self = (SccApiClient *)object;

  g_clear_object (&self->soup_session);
  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);
  _scc_api_client_wipe_string (&self->token);

  G_OBJECT_CLASS (scc_api_client_parent_class)->finalize (object);
}

static void
scc_api_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SccApiClient *self = SCC_API_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SIGNED_IN:
      g_value_set_boolean (value, self->session != NULL);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_api_client_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SccApiClient *self = SCC_API_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      scc_api_client_set_base_url (self, g_value_get_string (value));
      break;

    case PROP_TOKEN:
      scc_api_client_set_token (self, g_value_get_string (value));
      break;

    case PROP_TIMEOUT:
      scc_api_client_set_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_api_client_class_init (SccApiClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scc_api_client_finalize;
  object_class->get_property = scc_api_client_get_property;
  object_class->set_property = scc_api_client_set_property;

  /**
   * SccApiClient:base-url:
   *
   * The server's address, e.g. "http://127.0.0.1:8080"; calls go to
   * "<base-url>/api/v1/...". A trailing slash is dropped.
   */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SccApiClient:token:
   *
   * The bearer token of the signed-in user, sent as "Authorization: Bearer"
   * on every call that needs it. Kept in memory only (design.md), and
   * write-only, so no property dump or inspector shows it. Sign-in sets it.
   */
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SccApiClient:session:
   *
   * Who is signed in (an #ScSession), or %NULL.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         SC_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 600, SCC_API_CLIENT_DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SccApiClient::unauthorized:
   * @ended: (nullable): the session that ended, %NULL if the token was
   *   set by hand rather than by signing in
   *
   * A request that carried the token in use was answered 401: the session
   * has ended (idle, too old, revoked, the user deactivated) and the user
   * must sign in again. The client has already forgotten the token and the
   * session when this is emitted. The request's caller still gets its
   * SC_ERROR_UNAUTHORIZED, after the handlers have run.
   */
  signals[UNAUTHORIZED] =
    g_signal_new ("unauthorized",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SC_TYPE_SESSION);

  /**
   * SccApiClient::server-unavailable:
   * @error: why the request failed
   *
   * A request failed in a way that says the server, or its database, may
   * have gone: it could not be reached (refused, unresolvable, timed out) or
   * it answered 503. SccConnectionVm checks the server's health at once
   * when it hears this. Cancelled requests are not reported. The request's
   * caller still gets its error, after the handlers have run.
   */
  signals[SERVER_UNAVAILABLE] =
    g_signal_new ("server-unavailable",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
scc_api_client_init (SccApiClient *self)
{
  self->timeout = SCC_API_CLIENT_DEFAULT_TIMEOUT;
  self->token_serial = 1;
  self->soup_session = soup_session_new_with_options ("timeout", self->timeout,
                                                 "user-agent", PACKAGE_NAME "/" PACKAGE_VERSION " ",
                                                 NULL);
}

/**
 * scc_api_client_new:
 * @base_url: (nullable): the server's address
 *
 * Returns: (transfer full): a new client
 */
SccApiClient *
scc_api_client_new (const char *base_url)
{
  return g_object_new (SCC_TYPE_API_CLIENT, "base-url", base_url, NULL);
}

const char *
scc_api_client_get_base_url (SccApiClient *self)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (self), NULL);
  return self->base_url;
}

void
scc_api_client_set_base_url (SccApiClient *self,
                             const char   *base_url)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (SCC_IS_API_CLIENT (self));

  if (base_url != NULL)
    {
      gsize len;

      normalized = g_strstrip (g_strdup (base_url));
      len = strlen (normalized);
      while (len > 0 && normalized[len - 1] == '/')
        normalized[--len] = '\0';
    }

  if (g_strcmp0 (normalized, self->base_url) == 0)
    return;

  g_free (self->base_url);
  self->base_url = g_steal_pointer (&normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
}

/**
 * scc_api_client_get_token:
 *
 * For tests and the session calls only: nothing should copy the token.
 *
 * Returns: (nullable): the bearer token in use
 */
const char *
scc_api_client_get_token (SccApiClient *self)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (self), NULL);
  return self->token;
}

/**
 * scc_api_client_set_token:
 * @token: (nullable): a bearer token
 *
 * Sends @token from now on, without knowing whose it is (the session
 * property is left alone). Signing in sets the token itself; this is for
 * tests and tools.
 */
void
scc_api_client_set_token (SccApiClient *self,
                          const char   *token)
{
  g_return_if_fail (SCC_IS_API_CLIENT (self));

  replace_session (self, token, self->session);
}

/**
 * scc_api_client_get_session:
 *
 * Returns: (transfer none) (nullable): who is signed in, or %NULL
 */
ScSession *
scc_api_client_get_session (SccApiClient *self)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (self), NULL);
  return self->session;
}

gboolean
scc_api_client_get_signed_in (SccApiClient *self)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (self), FALSE);
  return self->session != NULL;
}

/**
 * scc_api_client_forget_session:
 *
 * Forgets the token and the session here, without telling the server (see
 * scc_api_client_sign_out_async for that). Requests in flight that carried
 * the token no longer end anything when they are refused.
 */
void
scc_api_client_forget_session (SccApiClient *self)
{
  g_return_if_fail (SCC_IS_API_CLIENT (self));

  replace_session (self, NULL, NULL);
}

void
_scc_api_client_begin_session (SccApiClient *self,
                               const char   *token,
                               ScSession   *session)
{
  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (token != NULL && token[0] != '\0');
  g_return_if_fail (SC_IS_SESSION (session));

  replace_session (self, token, session);
}

ScSession *
_scc_api_client_end_session (SccApiClient *self)
{
  g_autoptr(ScSession) ended = NULL;

  g_return_val_if_fail (SCC_IS_API_CLIENT (self), NULL);

  ended = self->session != NULL ? g_object_ref (self->session) : NULL;
  replace_session (self, NULL, NULL);
  return g_steal_pointer (&ended);
}

guint
scc_api_client_get_timeout (SccApiClient *self)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (self), 0);
  return self->timeout;
}

void
scc_api_client_set_timeout (SccApiClient *self,
                            guint         timeout)
{
  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (timeout > 0);

  if (self->timeout == timeout)
    return;

  self->timeout = timeout;
  soup_session_set_timeout (self->soup_session, timeout);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

void
_scc_api_client_request_async (SccApiClient        *self,
                               const char          *method,
                               const char          *path,
                               JsonNode            *body,
                               const char * const  *headers,
                               SccApiRequestFlags   flags,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  SoupMessageHeaders *request_headers;
  RequestData *request;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _scc_api_client_request_async);

  if (self->base_url == NULL)
    {
      g_task_return_new_error (task, SC_ERROR, SC_ERROR_INVALID_INPUT,
                               "no server address is set");
      return;
    }

  url = g_strconcat (self->base_url, API_PREFIX, path, NULL);
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, &error);
  if (uri == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    {
      g_task_return_new_error (task, SC_ERROR, SC_ERROR_INVALID_INPUT,
                               "\"%s\" is not an http or https address", self->base_url);
      return;
    }

  request = g_new0 (RequestData, 1);
  request->flags = flags;
  request->message = soup_message_new_from_uri (method, uri);
  g_task_set_task_data (task, request, request_data_free);

  request_headers = soup_message_get_request_headers (request->message);
  soup_message_headers_replace (request_headers, "Accept", (flags & SCC_API_REQUEST_DOCUMENT) != 0
                                ? "application/pdf, application/problem+json"
                                : "application/json, application/problem+json");

  if (self->token != NULL && (flags & SCC_API_REQUEST_NO_AUTH) == 0)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_replace (request_headers, "Authorization", authorization);
      request->token_serial = self->token_serial;
      _scc_api_client_wipe_string (&authorization);
    }

  for (guint i = 0; headers != NULL && headers[i] != NULL; i += 2)
    {
      if (headers[i + 1] != NULL)
        soup_message_headers_replace (request_headers, headers[i], headers[i + 1]);
    }

  if (body != NULL)
    {
      g_autofree char *text = json_to_string (body, FALSE);
      gsize len = strlen (text);

      soup_message_set_request_body_from_bytes (request->message, "application/json",
                                                g_bytes_new_take (g_steal_pointer (&text), len));
    }

  soup_session_send_and_read_async (self->soup_session,
                                    request->message,
                                    G_PRIORITY_DEFAULT,
                                    cancellable,
                                    scc_api_client_request_cb,
                                    g_object_ref (task));
}

JsonNode *
_scc_api_client_request_finish (SccApiClient         *self,
                                GAsyncResult         *result,
                                guint                *out_status,
                                SoupMessageHeaders  **out_headers,
                                GError              **error)
{
  RequestData *request;

  g_return_val_if_fail (SCC_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == _scc_api_client_request_async, NULL);

  request = g_task_get_task_data (G_TASK (result));

  if (out_status != NULL)
    *out_status = request != NULL ? soup_message_get_status (request->message) : 0;
  if (out_headers != NULL)
    *out_headers = request != NULL
      ? soup_message_headers_ref (soup_message_get_response_headers (request->message))
      : NULL;

  return g_task_propagate_pointer (G_TASK (result), error);
}

GBytes *
_scc_api_client_request_document_finish (SccApiClient  *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == _scc_api_client_request_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  ScReadJsonFunc read;
  GDestroyNotify free;
} ModelCodec;

static void
model_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  ModelCodec *codec = g_task_get_task_data (task);
  gpointer model;

  node = _scc_api_client_request_finish (SCC_API_CLIENT (object), result, NULL, NULL, &error);
  if (node == NULL || (model = codec->read (node, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, model, codec->free);
}

void
_scc_api_client_model_full_async (SccApiClient        *self,
                                  gpointer             source_tag,
                                  const char          *method,
                                  const char          *path,
                                  JsonNode            *body,
                                  const char * const  *headers,
                                  ScReadJsonFunc       read,
                                  GDestroyNotify       free_model,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  ModelCodec *codec = g_new (ModelCodec, 1);

  codec->read = read;
  codec->free = free_model;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, codec, g_free);
  _scc_api_client_request_async (self, method, path, body, headers, SCC_API_REQUEST_DEFAULT,
                                 cancellable, model_cb, task);
}

void
_scc_api_client_model_async (SccApiClient        *self,
                             gpointer             source_tag,
                             const char          *method,
                             const char          *path,
                             JsonNode            *body,
                             const char * const  *headers,
                             ScReadJsonFunc       read,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  _scc_api_client_model_full_async (self, source_tag, method, path, body, headers, read, g_object_unref,
                                    cancellable, callback, user_data);
}

gpointer
_scc_api_client_model_finish (SccApiClient  *self,
                              GAsyncResult  *result,
                              gpointer       source_tag,
                              GError       **error)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GError *
_scc_api_client_error_for_status (guint     status,
                                  JsonNode *node)
{
  g_autoptr(ScProblem) problem = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (!SOUP_STATUS_IS_SUCCESSFUL (status), NULL);

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    problem = sc_problem_new_from_json (node, NULL);

  /* Not a problem document (a proxy's error page, the health document of a
   * 503): the status alone still gives the right SC_ERROR code. */
  if (problem == NULL)
    {
      detail = g_strdup_printf ("the server answered %u %s", status, soup_status_get_phrase (status));
      problem = sc_problem_new (sc_error_code_from_status (status), detail);
    }

  return sc_problem_to_error (problem);
}

/**
 * scc_api_client_get_health_async:
 *
 * GET /api/v1/health. Needs no token. A daemon whose database is down
 * answers 503 with a health document: that completes with an ScHealth whose
 * database is not "ok", not with an error.
 */
void
scc_api_client_get_health_async (SccApiClient        *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scc_api_client_get_health_async);

  _scc_api_client_request_async (self, "GET", "/health", NULL, NULL,
                                 SCC_API_REQUEST_NO_AUTH | SCC_API_REQUEST_ANY_STATUS,
                                 cancellable,
                                 scc_api_client_get_health_cb,
                                 g_steal_pointer (&task));
}

/**
 * scc_api_client_get_health_finish:
 *
 * Returns: (transfer full) (nullable): the daemon's health, or %NULL with
 *   @error set
 */
ScHealth *
scc_api_client_get_health_finish (SccApiClient  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == scc_api_client_get_health_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
