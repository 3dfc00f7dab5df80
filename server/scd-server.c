/* scd-server.c
 *
 * The HTTP server. The path of a request through it:
 *
 *   request-started   an ScdRequest is made and attached to the message
 *                     (request id, start time, X-Request-Id header)
 *   early handler     headers are in: a declared body over the limit is
 *                     refused with 413 before a byte of it is kept; body
 *                     chunks are counted into the request as they come, so a
 *                     chunked body over the limit is dropped too
 *   handler           route matching (404, 405 with Allow), then the route's
 *                     handler, which pauses and answers later
 *   request-finished  one log line: method, path, status, duration, id
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
#include "scd-routes.h"
#include "scd-server.h"

#define LISTEN_BACKLOG 128

struct _ScdServer
{
  GObject          parent_instance;

  const ScdConfig *config;     /* borrowed */
  ScdStores       *stores;     /* owned ref */
  SoupServer      *soup;
  GSocket         *socket;
  char            *url;
  guint            in_flight;
  gboolean         draining;
  GTask           *drain_task;
  guint            drain_timeout_id;
};

G_DEFINE_FINAL_TYPE (ScdServer, scd_server, G_TYPE_OBJECT)

static void
reply_problem_now (SoupServerMessage *msg,
                   ScdRequest        *request,
                   ScErrorCode        code,
                   const char        *detail)
{
  g_autoptr(ScProblem) problem = sc_problem_new (code, detail);

  scd_request_reply_problem (request, problem);
}

static void
maybe_finish_drain (ScdServer *self)
{
  if (self->drain_task == NULL || self->in_flight > 0)
    return;
  g_clear_handle_id (&self->drain_timeout_id, g_source_remove);
  soup_server_disconnect (self->soup);
  g_task_return_boolean (self->drain_task, TRUE);
  g_clear_object (&self->drain_task);
}

static void
on_request_started_cb (SoupServer        *soup,
                       SoupServerMessage *msg,
                       gpointer           user_data)
{
  ScdServer *self = user_data;

  self->in_flight++;
  scd_request_new (self, msg);
}

static void
log_request (ScdServer         *self,
             SoupServerMessage *msg,
             gboolean           aborted)
{
  ScdRequest *request = scd_request_from_message (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  double duration_ms;

  if (request == NULL)
    return;
  duration_ms = (g_get_monotonic_time () - scd_request_get_start_time (request)) / 1000.0;
  /* The path only: query strings may hold search terms about a child. */
  if (aborted)
    g_message ("request method=%s path=%s status=aborted duration_ms=%.2f request_id=%s",
               soup_server_message_get_method (msg) ? soup_server_message_get_method (msg) : "-",
               uri != NULL ? g_uri_get_path (uri) : "-", duration_ms, scd_request_get_id (request));
  else
    g_message ("request method=%s path=%s status=%u duration_ms=%.2f request_id=%s",
               soup_server_message_get_method (msg) ? soup_server_message_get_method (msg) : "-",
               uri != NULL ? g_uri_get_path (uri) : "-",
               soup_server_message_get_status (msg), duration_ms, scd_request_get_id (request));
}

static void
request_done (ScdServer         *self,
              SoupServerMessage *msg,
              gboolean           aborted)
{
  log_request (self, msg, aborted);
  g_assert (self->in_flight > 0);
  self->in_flight--;
  maybe_finish_drain (self);
}

static void
on_request_finished_cb (SoupServer        *soup,
                        SoupServerMessage *msg,
                        gpointer           user_data)
{
  request_done (user_data, msg, FALSE);
}

static void
on_request_aborted_cb (SoupServer        *soup,
                       SoupServerMessage *msg,
                       gpointer           user_data)
{
  request_done (user_data, msg, TRUE);
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

  /* We keep the body ourselves, within the limit; libsoup keeps nothing. */
  soup_message_body_set_accumulate (body, FALSE);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) self->config->max_body_size)
    {
      g_autofree char *detail = g_strdup_printf ("request body is larger than %" G_GUINT64_FORMAT " bytes",
                                                 self->config->max_body_size);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
      reply_problem_now (msg, request, SC_ERROR_TOO_LARGE, detail);
      return;
    }

  g_signal_connect_object (msg, "got-chunk", G_CALLBACK (on_got_chunk_cb), self, 0);
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
  const ScdRoute *route;
  gboolean path_known = FALSE;

  g_assert (request != NULL);

  if (self->draining)
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

  route = scd_routes_match (soup_server_message_get_method (msg), path, request, &path_known, allow);
  if (route == NULL)
    {
      if (path_known)
        {
          g_autofree char *detail = g_strdup_printf ("%s is not allowed on %s; allowed: %s",
                                                     soup_server_message_get_method (msg), path, allow->str);
          scd_request_add_header (request, "Allow", allow->str);
          reply_problem_now (msg, request, SC_ERROR_METHOD_NOT_ALLOWED, detail);
        }
      else
        {
          g_autofree char *detail = g_strdup_printf ("no resource at %s", path);
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

static void
scd_server_dispose (GObject *object)
{
  ScdServer *self = SCD_SERVER (object);

  g_clear_handle_id (&self->drain_timeout_id, g_source_remove);
  if (self->soup != NULL)
    {
      soup_server_disconnect (self->soup);
      g_signal_handlers_disconnect_by_data (self->soup, self);
    }
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

  G_OBJECT_CLASS (scd_server_parent_class)->finalize (object);
}

static void
scd_server_class_init (ScdServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scd_server_dispose;
  object_class->finalize = scd_server_finalize;
}

static void
scd_server_init (ScdServer *self)
{
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
  return self->in_flight;
}

static gboolean
drain_timeout_cb (gpointer user_data)
{
  ScdServer *self = user_data;

  self->drain_timeout_id = 0;
  g_warning ("%u requests still in flight after the shutdown timeout; closing them", self->in_flight);
  self->in_flight = 0;
  maybe_finish_drain (self);
  return G_SOURCE_REMOVE;
}

void
scd_server_drain_async (ScdServer           *self,
                        guint                timeout_seconds,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (SCD_IS_SERVER (self));
  g_return_if_fail (self->drain_task == NULL);

  self->draining = TRUE;
  self->drain_task = g_task_new (self, NULL, callback, user_data);
  if (self->soup == NULL)
    {
      g_task_return_boolean (self->drain_task, TRUE);
      g_clear_object (&self->drain_task);
      return;
    }
  if (self->in_flight > 0)
    g_message ("waiting for %u requests in flight", self->in_flight);
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
