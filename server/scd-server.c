/* scd-server.c
 *
 * The HTTP server. The path of a request through it:
 *
 *   request-started   an ScdRequest is made and attached to the message
 *                     (request id, start time, X-Request-Id header)
 *   early handler     headers are in: the request is now in flight; a
 *                     declared body over the limit is answered 413 at once,
 *                     without reading it, and the connection closed; body
 *                     chunks are counted into the request as they come, so a
 *                     chunked body over the limit is dropped too
 *   handler           the query string (400), route matching (404, 405 with
 *                     Allow), then the route's handler, which pauses and
 *                     answers later
 *   request-finished  one log line: method, path, status, duration, id
 *
 * A request is in flight from its headers to its end, and its end is
 * counted exactly once, whichever way it comes: request-finished,
 * request-aborted, its connection taken for an immediate answer, or the
 * message freed without either signal (libsoup drops a message whose
 * connection it closes). The drain at shutdown waits for that count.
 *
 * Connections (scd-connections.c) have deadlines for headers, body and
 * keep-alive idleness, and idle ones closed by their client are closed here
 * too, which libsoup 3.2 does not do.
 *
 * The listen socket is made here with a backlog of 128: SoupServer's own
 * listen calls use 10, and under load the kernel then drops connections.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-server"

#include "config.h"

#include <libsoup/soup.h>

#include "sc-problem.h"
#include "scd-auth.h"
#include "scd-connections.h"
#include "scd-routes.h"
#include "scd-server.h"
#include "scd-log.h"

#define LISTEN_BACKLOG 128
/* The longest path written into one log line. */
#define LOG_PATH_MAX 1024

/* A request in flight, attached to its message: freeing it (when the
 * request ends, or with the message) counts the end. */
typedef struct
{
  ScdServer  *server;     /* borrowed; NULL once the server is gone */
  ScdRequest *request;    /* owned */
  const char *method;     /* interned by libsoup */
  char       *path;
  gboolean    logged;
} InFlight;

struct _ScdServer
{
  GObject          parent_instance;

  const ScdConfig *config;     /* borrowed */
  ScdStores       *stores;     /* owned ref */
  SoupServer      *soup;
  ScdConnections  *connections;
  GSocket         *socket;
  char            *url;
  GHashTable      *in_flight;  /* set of InFlight, not owned (the messages own them) */
  gboolean         draining;
  gint64           drain_started;
  GTask           *drain_task;
  guint            drain_timeout_id;
  guint            drain_idle_id;
};

G_DEFINE_FINAL_TYPE (ScdServer, scd_server, G_TYPE_OBJECT)

static GQuark in_flight_quark;

static void
reply_problem_now (SoupServerMessage *msg,
                   ScdRequest        *request,
                   ScErrorCode        code,
                   const char        *detail)
{
  g_autoptr(ScProblem) problem = sc_problem_new (code, detail);

  scd_request_reply_problem (request, problem);
}

static gboolean
finish_drain_cb (gpointer user_data)
{
  ScdServer *self = user_data;

  self->drain_idle_id = 0;
  if (self->drain_task == NULL || g_hash_table_size (self->in_flight) > 0)
    return G_SOURCE_REMOVE;
  g_clear_handle_id (&self->drain_timeout_id, g_source_remove);
  soup_server_disconnect (self->soup);
  g_task_return_boolean (self->drain_task, TRUE);
  g_clear_object (&self->drain_task);
  return G_SOURCE_REMOVE;
}

/* Called where libsoup may be in the middle of a message: the connections
 * are closed from the main loop, not from inside its signal. */
static void
maybe_finish_drain (ScdServer *self)
{
  if (self->drain_task == NULL || g_hash_table_size (self->in_flight) > 0 || self->drain_idle_id != 0)
    return;
  self->drain_idle_id = g_idle_add (finish_drain_cb, self);
}

static void
log_line (ScdRequest *request,
          const char *method,
          const char *path,
          const char *status)
{
  gint64 duration_us = g_get_monotonic_time () - scd_request_get_start_time (request);
  char message[LOG_PATH_MAX + 192];

  /* The path only: query strings may hold search terms about a child. The
   * log writer escapes what could forge a line. */
  g_snprintf (message, sizeof message,
              "request method=%s path=%.*s%s status=%s duration_ms=%" G_GINT64_FORMAT ".%02d request_id=%s",
              method != NULL ? method : "-", LOG_PATH_MAX, path != NULL ? path : "-",
              path != NULL && strlen (path) > LOG_PATH_MAX ? "..." : "", status, duration_us / 1000,
              (int) (duration_us % 1000 / 10), scd_request_get_id (request));
  scd_log_info (G_LOG_DOMAIN, message);
}

static void
log_request (SoupServerMessage *msg,
             gboolean           aborted)
{
  ScdRequest *request = scd_request_from_message (msg);
  InFlight *flight = g_object_get_qdata (G_OBJECT (msg), in_flight_quark);
  GUri *uri = soup_server_message_get_uri (msg);
  char status[16];

  if (request == NULL || (flight != NULL && flight->logged))
    return;
  if (flight != NULL)
    flight->logged = TRUE;
  if (aborted)
    g_strlcpy (status, "aborted", sizeof status);
  else
    g_snprintf (status, sizeof status, "%u", soup_server_message_get_status (msg));
  log_line (request, soup_server_message_get_method (msg), uri != NULL ? g_uri_get_path (uri) : NULL, status);
}

static void
in_flight_free (gpointer data)
{
  InFlight *flight = data;
  ScdServer *self = flight->server;

  if (self != NULL)
    {
      /* the message went without request-finished or request-aborted */
      if (!flight->logged)
        log_line (flight->request, flight->method, flight->path, "aborted");
      g_hash_table_remove (self->in_flight, flight);
    }
  scd_request_unref (flight->request);
  g_free (flight->path);
  g_free (flight);
  if (self != NULL)
    maybe_finish_drain (self);
}

/* The request's headers are in: it is in flight until it ends. */
static void
request_begin (ScdServer         *self,
               SoupServerMessage *msg,
               ScdRequest        *request)
{
  InFlight *flight;

  if (g_object_get_qdata (G_OBJECT (msg), in_flight_quark) != NULL)
    return;
  flight = g_new0 (InFlight, 1);
  flight->server = self;
  flight->request = scd_request_ref (request);
  flight->method = soup_server_message_get_method (msg);
  flight->path = g_strdup (scd_request_get_path (request));
  g_hash_table_add (self->in_flight, flight);
  g_object_set_qdata_full (G_OBJECT (msg), in_flight_quark, flight, in_flight_free);
}

/* Exactly once per request that began; harmless for one that did not. */
static void
request_end (ScdServer         *self,
             SoupServerMessage *msg)
{
  ScdRequest *request = scd_request_from_message (msg);

  if (request != NULL)
    scd_request_drop_body (request);
  g_object_set_qdata (G_OBJECT (msg), in_flight_quark, NULL);
}

/* libsoup refuses some requests itself once their headers are in (a
 * target it cannot take as a URI, a ".." path, no Host): it sets 400 and
 * never calls a handler. They get a problem document like every other
 * refusal. */
static void
on_got_body_cb (SoupServerMessage *msg,
                gpointer           user_data)
{
  ScdRequest *request = scd_request_from_message (msg);
  guint status = soup_server_message_get_status (msg);

  if (request == NULL || status == 0 || scd_request_get_replied (request))
    return;
  if (status == SOUP_STATUS_BAD_REQUEST)
    reply_problem_now (msg, request, SC_ERROR_MALFORMED, "the request line or headers cannot be read");
}

static void
on_request_started_cb (SoupServer        *soup,
                       SoupServerMessage *msg,
                       gpointer           user_data)
{
  ScdServer *self = user_data;

  scd_request_new (self->stores, msg);
  scd_connections_request_started (self->connections, msg);
  g_signal_connect (msg, "got-body", G_CALLBACK (on_got_body_cb), NULL);
}

static void
on_request_finished_cb (SoupServer        *soup,
                        SoupServerMessage *msg,
                        gpointer           user_data)
{
  ScdServer *self = user_data;

  log_request (msg, FALSE);
  scd_connections_request_finished (self->connections, msg);
  request_end (self, msg);
}

static void
on_request_aborted_cb (SoupServer        *soup,
                       SoupServerMessage *msg,
                       gpointer           user_data)
{
  ScdServer *self = user_data;

  log_request (msg, TRUE);
  request_end (self, msg);
}

static void
on_got_chunk_cb (SoupServerMessage *msg,
                 GBytes            *chunk,
                 gpointer           user_data)
{
  ScdServer *self = user_data;
  ScdRequest *request = scd_request_from_message (msg);

  if (request != NULL)
    scd_request_append_body (request, chunk, self->config->max_body_size);
}

static void
early_handler_cb (SoupServer        *soup,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  ScdServer *self = user_data;
  ScdRequest *request = scd_request_from_message (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  g_assert (request != NULL);

  request_begin (self, msg, request);
  scd_connections_got_headers (self->connections, msg);

  /* We keep the body ourselves, within the limit; libsoup keeps nothing. */
  soup_message_body_set_accumulate (body, FALSE);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) self->config->max_body_size)
    {
      g_autofree char *detail = g_strdup_printf ("request body is larger than %" G_GUINT64_FORMAT " bytes",
                                                 self->config->max_body_size);

      /* answered now, from the headers: not a byte of the body is read */
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
      reply_problem_now (msg, request, SC_ERROR_TOO_LARGE, detail);
      if (scd_connections_reply_now (self->connections, msg))
        {
          log_request (msg, FALSE);
          request_end (self, msg);
        }
      return;
    }

  /* a request without a body (most reads) needs no chunk handler; the
   * server outlives its messages (it disconnects them all first) */
  switch (soup_message_headers_get_encoding (headers))
    {
    case SOUP_ENCODING_NONE:
      break;
    case SOUP_ENCODING_CONTENT_LENGTH:
      if (soup_message_headers_get_content_length (headers) == 0)
        break;
      G_GNUC_FALLTHROUGH;
    default:
      g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk_cb), self);
      break;
    }
}

static void
handler_cb (SoupServer        *soup,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  ScdServer *self = user_data;
  ScdRequest *request = scd_request_from_message (msg);
  g_autoptr(GString) allow = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const ScdRoute *route;
  gboolean path_known = FALSE;

  g_assert (request != NULL);

  scd_connections_handling (self->connections, msg);

  /* requests that came in before the shutdown began are served */
  if (self->draining && scd_request_get_start_time (request) >= self->drain_started)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
      reply_problem_now (msg, request, SC_ERROR_UNAVAILABLE, "the server is shutting down");
      return;
    }

  if (scd_request_get_body_too_large (request))
    {
      g_autofree char *detail = g_strdup_printf ("request body is larger than %" G_GUINT64_FORMAT " bytes",
                                                 self->config->max_body_size);
      reply_problem_now (msg, request, SC_ERROR_TOO_LARGE, detail);
      return;
    }

  if (!scd_request_parse_query (request, &error))
    {
      scd_request_reply_error (request, error);
      return;
    }

  route = scd_routes_match (soup_server_message_get_method (msg), path, request, &path_known, allow);
  if (route == NULL)
    {
      g_autofree char *shown = scd_request_dup_display_path (request);

      if (path_known)
        {
          g_autofree char *detail = g_strdup_printf ("%s is not allowed on %s; allowed: %s",
                                                     soup_server_message_get_method (msg), shown, allow->str);
          scd_request_add_header (request, "Allow", allow->str);
          reply_problem_now (msg, request, SC_ERROR_METHOD_NOT_ALLOWED, detail);
        }
      else
        {
          g_autofree char *detail = g_strdup_printf ("no resource at %s", shown);
          reply_problem_now (msg, request, SC_ERROR_NOT_FOUND, detail);
        }
      return;
    }

  if (route->access == SCD_ACCESS_NONE)
    {
      /* deny by default: a route nobody wrote a rule for serves nobody */
      reply_problem_now (msg, request, SC_ERROR_FORBIDDEN, "this resource has no access rule");
      return;
    }

  scd_auth_dispatch (request, route);

  if (!scd_request_get_replied (request) && !scd_request_get_paused (request))
    {
      g_critical ("request %s: handler for %s %s neither replied nor paused",
                  scd_request_get_id (request), route->method, route->pattern);
      reply_problem_now (msg, request, SC_ERROR_INTERNAL, NULL);
    }
}

/* The server goes before some of its messages (a handler may still hold
 * one): their in-flight records must not call back into it. */
static void
forget_in_flight (ScdServer *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->in_flight);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    ((InFlight *) key)->server = NULL;
  g_hash_table_remove_all (self->in_flight);
}

static void
scd_server_dispose (GObject *object)
{
  ScdServer *self = SCD_SERVER (object);

  g_clear_handle_id (&self->drain_timeout_id, g_source_remove);
  g_clear_handle_id (&self->drain_idle_id, g_source_remove);
  if (self->soup != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->soup, self);
      soup_server_disconnect (self->soup);
    }
  forget_in_flight (self);
  g_clear_pointer (&self->connections, scd_connections_free);
  g_clear_object (&self->soup);
  g_clear_object (&self->socket);
  g_clear_pointer (&self->stores, scd_stores_unref);
  g_clear_object (&self->drain_task);

  G_OBJECT_CLASS (scd_server_parent_class)->dispose (object);
}

static void
scd_server_finalize (GObject *object)
{
  ScdServer *self = SCD_SERVER (object);

  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);

  G_OBJECT_CLASS (scd_server_parent_class)->finalize (object);
}

static void
scd_server_class_init (ScdServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scd_server_dispose;
  object_class->finalize = scd_server_finalize;

  in_flight_quark = g_quark_from_static_string ("scd-server-in-flight");
}

static void
scd_server_init (ScdServer *self)
{
  self->in_flight = g_hash_table_new (g_direct_hash, g_direct_equal);
}

ScdServer *
scd_server_new (const ScdConfig *config,
                ScdStores       *stores)
{
  ScdServer *self;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (stores != NULL, NULL);

  self = g_object_new (SCD_TYPE_SERVER, NULL);
  self->config = config;
  self->stores = scd_stores_ref (stores);
  return self;
}

static GInetAddress *
resolve_host (const char  *host,
              GError     **error)
{
  GInetAddress *address = g_inet_address_new_from_string (host);
  g_autoptr(GResolver) resolver = NULL;
  GList *addresses;

  if (address != NULL)
    return address;
  resolver = g_resolver_get_default ();
  addresses = g_resolver_lookup_by_name (resolver, host, NULL, error);
  if (addresses == NULL)
    return NULL;
  address = g_object_ref (addresses->data);
  g_resolver_free_addresses (addresses);
  return address;
}

gboolean
scd_server_listen (ScdServer  *self,
                   GError    **error)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) local_error = NULL;
  SoupServerListenOptions options = 0;
  gboolean tls = self->config->tls_cert_file != NULL;
  g_autofree char *host_text = NULL;

  g_return_val_if_fail (SCD_IS_SERVER (self), FALSE);
  g_return_val_if_fail (self->soup == NULL, FALSE);

  if (!tls && !self->config->insecure_listen && !scd_config_is_loopback (self->config->listen_host))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                   "refusing to serve plain HTTP on %s, which is not a loopback address: "
                   "sessions and children's records would cross the network unencrypted; "
                   "give --tls-cert and --tls-key, or --insecure-listen behind a TLS proxy",
                   self->config->listen_host);
      return FALSE;
    }

  self->soup = soup_server_new ("server-header", "sendcased/" PACKAGE_VERSION " ", NULL);

  if (tls)
    {
      g_autoptr(GTlsCertificate) certificate =
        g_tls_certificate_new_from_files (self->config->tls_cert_file, self->config->tls_key_file, &local_error);

      if (certificate == NULL)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                       "could not load the TLS certificate \"%s\" and key \"%s\": %s",
                       self->config->tls_cert_file, self->config->tls_key_file, local_error->message);
          return FALSE;
        }
      soup_server_set_tls_certificate (self->soup, certificate);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }

  {
    ScdConnectionLimits limits = {
      self->config->keepalive_timeout_seconds,
      self->config->header_timeout_seconds,
      self->config->body_timeout_seconds,
      tls,
    };

    self->connections = scd_connections_new (self->soup, &limits);
  }
  g_signal_connect (self->soup, "request-started", G_CALLBACK (on_request_started_cb), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (on_request_finished_cb), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (on_request_aborted_cb), self);
  soup_server_add_early_handler (self->soup, NULL, early_handler_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler_cb, self, NULL);

  address = resolve_host (self->config->listen_host, &local_error);
  if (address == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT, "cannot listen on \"%s\": %s",
                   self->config->listen_host, local_error->message);
      return FALSE;
    }
  socket_address = g_inet_socket_address_new (address, self->config->listen_port);
  self->socket = g_socket_new (g_inet_address_get_family (address), G_SOCKET_TYPE_STREAM,
                               G_SOCKET_PROTOCOL_TCP, &local_error);
  if (self->socket != NULL)
    g_socket_set_listen_backlog (self->socket, LISTEN_BACKLOG);
  if (self->socket == NULL ||
      !g_socket_bind (self->socket, socket_address, TRUE, &local_error) ||
      !g_socket_listen (self->socket, &local_error) ||
      !soup_server_listen_socket (self->soup, self->socket, options, &local_error))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_UNAVAILABLE, "could not listen on %s:%u: %s",
                   self->config->listen_host, self->config->listen_port, local_error->message);
      return FALSE;
    }

  bound = g_socket_get_local_address (self->socket, &local_error);
  if (bound == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  host_text = g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (bound)));
  self->url = g_strdup_printf (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6 ? "%s://[%s]:%u"
                                                                                             : "%s://%s:%u",
                               tls ? "https" : "http", host_text,
                               g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  return TRUE;
}

const char *
scd_server_get_url (ScdServer *self)
{
  g_return_val_if_fail (SCD_IS_SERVER (self), NULL);
  return self->url;
}

ScdStores *
scd_server_get_stores (ScdServer *self)
{
  g_return_val_if_fail (SCD_IS_SERVER (self), NULL);
  return self->stores;
}

const ScdConfig *
scd_server_get_config (ScdServer *self)
{
  g_return_val_if_fail (SCD_IS_SERVER (self), NULL);
  return self->config;
}

guint
scd_server_get_in_flight (ScdServer *self)
{
  g_return_val_if_fail (SCD_IS_SERVER (self), 0);
  return g_hash_table_size (self->in_flight);
}

static gboolean
drain_timeout_cb (gpointer user_data)
{
  ScdServer *self = user_data;

  self->drain_timeout_id = 0;
  g_warning ("%u requests still in flight after the shutdown timeout; closing them",
             g_hash_table_size (self->in_flight));
  forget_in_flight (self);
  maybe_finish_drain (self);
  return G_SOURCE_REMOVE;
}

void
scd_server_drain_async (ScdServer           *self,
                        guint                timeout_seconds,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  guint n;

  g_return_if_fail (SCD_IS_SERVER (self));
  g_return_if_fail (self->drain_task == NULL);

  self->draining = TRUE;
  self->drain_started = g_get_monotonic_time ();
  self->drain_task = g_task_new (self, NULL, callback, user_data);
  if (self->soup == NULL)
    {
      g_task_return_boolean (self->drain_task, TRUE);
      g_clear_object (&self->drain_task);
      return;
    }
  /* idle keep-alive clients go elsewhere at once */
  scd_connections_close_idle (self->connections);
  n = g_hash_table_size (self->in_flight);
  if (n > 0)
    g_message ("waiting for %u requests in flight", n);
  self->drain_timeout_id = g_timeout_add_seconds (timeout_seconds, drain_timeout_cb, self);
  maybe_finish_drain (self);
}

gboolean
scd_server_drain_finish (ScdServer     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
