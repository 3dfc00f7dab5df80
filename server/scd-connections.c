/* scd-connections.c
 *
 * Every client connection has a record here, keyed by its GSocket (or, for
 * a TLS connection handed back, by its remote address), made when its first
 * message starts and dropped when libsoup says the
 * connection is gone ("disconnected" on the message we hold). A record knows
 * the connection's phase and its deadline:
 *
 *   headers    the request line and headers are being read; header timeout
 *   body       the headers are in, the body is being read; body timeout
 *   handling   a handler has the request; no deadline (the client waits)
 *   idle       between two requests of a keep-alive connection; keep-alive
 *              timeout
 *
 * When the headers or body deadline passes, the socket is shut down: libsoup
 * then fails the message and closes the connection itself, through its
 * ordinary path. Idle connections need more. libsoup 3.2 (fixed in 3.3)
 * never closes an idle keep-alive connection whose client closed it: the
 * next message sees the end of the stream, finishes with nobody to tell,
 * and the connection, its descriptor and its memory stay for ever. So while
 * a connection is idle, a watch at a higher priority than libsoup's own
 * looks at the socket first, with MSG_PEEK. GLib polls the watch and
 * libsoup's source on the same socket as one entry, so they see the same
 * events, and the watch, being higher, runs first:
 *
 *   end of stream or an error -> the connection is taken from libsoup
 *     (soup_server_message_steal_connection on the last message, which is
 *     safe while libsoup's next message has not read anything) and closed;
 *   bytes -> the next request: the watch goes and libsoup reads it.
 *
 * Over TLS the bytes may be the client's close_notify, which cannot be told
 * from a request without decrypting it. So a TLS connection with bytes
 * waiting is taken from libsoup and handed straight back
 * (soup_server_accept_iostream): for libsoup it is then a new connection,
 * whose first message does close properly at the end of the stream.
 *
 * The same taking of a connection answers a request from its headers alone
 * (scd_connections_reply_now): the answer is written on the raw stream, the
 * sending side is shut, what the client still sends is read and dropped
 * until it is quiet for a second, for at most five (so that a client that
 * sends its whole body before reading still gets the answer, not a reset),
 * and the connection is closed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-connections"

#include "config.h"

#include <errno.h>
#include <sys/socket.h>

#include "scd-connections.h"

/* After an answer given from the headers, what the client still sends is
 * read and dropped until it has been quiet for a second, for at most five:
 * many clients send the whole body before they read, and closing with
 * their bytes unread would reset the connection and lose the answer. */
#define LINGER_QUIET_SECONDS 1
#define LINGER_MAX_SECONDS 5

typedef enum
{
  PHASE_HEADERS,
  PHASE_BODY,
  PHASE_HANDLING,
  PHASE_IDLE,
} Phase;

typedef struct
{
  ScdConnections    *owner;       /* borrowed */
  gpointer           key;         /* the GSocket or GSocketAddress the table is keyed by, owned */
  GSocket           *socket;      /* owned */
  GIOStream         *injected;    /* TLS: the stream handed back to libsoup, owned, nullable */
  SoupServerMessage *msg;         /* the current or last message, owned */
  gulong             disconnected_id;
  Phase              phase;
  GSource           *timer;       /* fires at or before the phase's deadline */
  gint64             deadline;    /* monotonic; -1: none */
  gint64             scheduled;   /* when the timer fires; -1: not set */
  GSource           *watch;       /* while idle: the socket became readable */
  GSource           *reply_source;
  gboolean           stealing;    /* our own steal: "disconnected" is expected */
  gboolean           handed_back; /* TLS: handed back, its request not started */
} Conn;

/* A connection taken from libsoup that is being answered and closed. */
typedef struct
{
  ScdConnections *owner;          /* borrowed */
  GIOStream      *stream;
  GSocket        *socket;
  GBytes         *answer;
  GCancellable   *cancellable;
  GSource        *linger;
  GSource        *linger_timeout;
  gint64          linger_until;   /* monotonic: the end of the linger, whatever comes */
} Closing;

struct _ScdConnections
{
  SoupServer          *soup;      /* borrowed: the server owns us */
  ScdConnectionLimits  limits;
  GHashTable          *conns;     /* key -> Conn, owned */
  GList               *closing;   /* of Closing, owned */
};

/* --- records --------------------------------------------------------------- */

static gboolean timer_cb (gpointer user_data);

static gboolean
ready_time_dispatch (GSource     *source,
                     GSourceFunc  callback,
                     gpointer     user_data)
{
  g_source_set_ready_time (source, -1);
  return callback (user_data);
}

static GSourceFuncs ready_time_funcs = { NULL, NULL, ready_time_dispatch, NULL, NULL, NULL };

static void
conn_free (gpointer data)
{
  Conn *conn = data;

  if (conn->timer != NULL)
    {
      g_source_destroy (conn->timer);
      g_source_unref (conn->timer);
    }
  if (conn->watch != NULL)
    {
      g_source_destroy (conn->watch);
      g_source_unref (conn->watch);
    }
  if (conn->reply_source != NULL)
    {
      g_source_destroy (conn->reply_source);
      g_source_unref (conn->reply_source);
    }
  if (conn->msg != NULL)
    {
      g_clear_signal_handler (&conn->disconnected_id, conn->msg);
      g_object_unref (conn->msg);
    }
  g_clear_object (&conn->injected);
  g_clear_object (&conn->socket);
  g_clear_object (&conn->key);
  g_free (conn);
}

static gpointer
key_of (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);

  /* a connection handed back (TLS) has no socket for libsoup: its remote
   * address, which we gave it, stands for it */
  return socket != NULL ? (gpointer) socket : (gpointer) soup_server_message_get_remote_address (msg);
}

static Conn *
lookup (ScdConnections    *self,
        SoupServerMessage *msg)
{
  gpointer key = key_of (msg);

  return key != NULL ? g_hash_table_lookup (self->conns, key) : NULL;
}

/* Moving a timer wakes the main loop (a write on its eventfd), and phases
 * change several times a request: the timer is moved only to an earlier
 * time. Firing early, it finds the deadline later and sets itself again. */
static void
set_deadline (Conn  *conn,
              guint  seconds)
{
  conn->deadline = seconds > 0 ? g_get_monotonic_time () + seconds * G_USEC_PER_SEC : -1;
  if (conn->deadline >= 0 && (conn->scheduled < 0 || conn->deadline < conn->scheduled))
    {
      conn->scheduled = conn->deadline;
      g_source_set_ready_time (conn->timer, conn->scheduled);
    }
}

static void
stop_watch (Conn *conn)
{
  if (conn->watch == NULL)
    return;
  g_source_destroy (conn->watch);
  g_clear_pointer (&conn->watch, g_source_unref);
}

static void
on_disconnected_cb (SoupServerMessage *msg,
                    gpointer           user_data)
{
  Conn *conn = user_data;

  if (conn->stealing)
    return;
  g_hash_table_remove (conn->owner->conns, conn->key);
}

/* The record holds one message of its connection: the one being read or
 * handled, or the last one answered. Through it the record hears that the
 * connection is gone, and through it the connection can be taken. */
static void
hold (Conn              *conn,
      SoupServerMessage *msg)
{
  if (conn->msg == msg)
    return;
  if (conn->msg != NULL)
    {
      g_clear_signal_handler (&conn->disconnected_id, conn->msg);
      g_clear_object (&conn->msg);
    }
  conn->msg = g_object_ref (msg);
  conn->disconnected_id = g_signal_connect (msg, "disconnected", G_CALLBACK (on_disconnected_cb), conn);
}

/* Takes the connection from libsoup: only while its next message has read
 * nothing (idle), or for the message being read. */
static GIOStream *
steal (Conn *conn)
{
  g_autoptr(SoupServerMessage) msg = NULL;
  GIOStream *stream;

  if (conn->msg == NULL)
    return NULL;
  msg = g_object_ref (conn->msg);
  conn->stealing = TRUE;
  stream = soup_server_message_steal_connection (msg);
  conn->stealing = FALSE;
  g_clear_signal_handler (&conn->disconnected_id, conn->msg);
  g_clear_object (&conn->msg);
  return stream;
}

static void
close_stolen (GIOStream *stream,
              GSocket   *socket)
{
  /* shut first, so that a TLS close cannot wait on a peer that is gone */
  g_socket_shutdown (socket, TRUE, TRUE, NULL);
  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
  g_socket_close (socket, NULL);
}

static void
close_idle (Conn       *conn,
            const char *why)
{
  g_autoptr(GIOStream) stream = steal (conn);

  g_debug ("closing an idle connection: %s", why);
  close_stolen (stream, conn->socket);
  g_hash_table_remove (conn->owner->conns, conn->key);
}

/* TLS: bytes are waiting on an idle connection. libsoup gets it back as a
 * new connection, which reads them as its first request. */
static void
hand_back (Conn *conn)
{
  ScdConnections *self = conn->owner;
  g_autoptr(GIOStream) stolen = steal (conn);
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GSocketAddress) remote = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GError) error = NULL;

  if (stolen == NULL)
    {
      close_stolen (NULL, conn->socket);
      g_hash_table_remove (self->conns, conn->key);
      return;
    }
  /* The stream libsoup gives back wraps the one it was given: hand back
   * the inner one, so that wrappers do not pile up request after request. */
  stream = conn->injected != NULL ? g_object_ref (conn->injected) : g_object_ref (stolen);
  remote = g_socket_get_remote_address (conn->socket, NULL);
  local = g_socket_get_local_address (conn->socket, NULL);
  if (remote == NULL || local == NULL)
    {
      close_stolen (stolen, conn->socket);
      g_hash_table_remove (self->conns, conn->key);
      return;
    }

  /* the record is keyed by the address object libsoup will hold */
  g_hash_table_steal (self->conns, conn->key);
  g_clear_object (&conn->key);
  conn->key = g_object_ref (remote);
  g_hash_table_insert (self->conns, conn->key, conn);
  g_set_object (&conn->injected, stream);
  conn->handed_back = TRUE;

  /* libsoup starts the new connection's first message at once (and our
   * request_started finds this record by its address) */
  if (!soup_server_accept_iostream (self->soup, stream, local, remote, &error))
    {
      g_debug ("could not hand a TLS connection back: %s", error->message);
      close_stolen (stream, conn->socket);
      g_hash_table_remove (self->conns, conn->key);
    }
}

static gboolean
watch_cb (GSocket      *socket,
          GIOCondition  condition,
          gpointer      user_data)
{
  Conn *conn = user_data;
  char byte;
  gssize n;

  n = recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
    return G_SOURCE_CONTINUE;
  g_clear_pointer (&conn->watch, g_source_unref);   /* GLib drops it as we return */
  if (n > 0)
    {
      if (conn->owner->limits.tls)
        hand_back (conn);
      /* else libsoup reads the next request */
      return G_SOURCE_REMOVE;
    }
  close_idle (conn, n == 0 ? "the client closed it" : g_strerror (errno));
  return G_SOURCE_REMOVE;
}

static void
start_watch (Conn *conn)
{
  if (conn->watch != NULL || conn->socket == NULL)
    return;
  /* Any readiness wakes it, the bytes of a next request too: with only
   * POLLRDHUP, libsoup was seen to read the end of the stream first, which
   * leaves a connection that can no longer be taken. */
  conn->watch = g_socket_create_source (conn->socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  /* before libsoup's own source on the same socket */
  g_source_set_priority (conn->watch, G_PRIORITY_HIGH);
  /* GLib 2.74 takes a source's descriptors out of the poll while it runs, and
   * each time wakes the loop to say so; this one never runs the loop itself */
  g_source_set_can_recurse (conn->watch, TRUE);
  g_source_set_callback (conn->watch, G_SOURCE_FUNC (watch_cb), conn, NULL);
  g_source_attach (conn->watch, NULL);
}

static gboolean
timer_cb (gpointer user_data)
{
  Conn *conn = user_data;
  g_autofree char *peer = NULL;
  g_autoptr(GSocketAddress) address = NULL;

  conn->scheduled = -1;
  if (conn->deadline < 0)
    return G_SOURCE_CONTINUE;
  if (g_get_monotonic_time () < conn->deadline)
    {
      conn->scheduled = conn->deadline;
      g_source_set_ready_time (conn->timer, conn->scheduled);
      return G_SOURCE_CONTINUE;
    }
  conn->deadline = -1;
  address = g_socket_get_remote_address (conn->socket, NULL);
  if (address != NULL && G_IS_INET_SOCKET_ADDRESS (address))
    peer = g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address)));

  switch (conn->phase)
    {
    case PHASE_HEADERS:
      g_message ("closing a connection from %s: no complete request headers within %u s",
                 peer != NULL ? peer : "unknown", conn->owner->limits.header_seconds);
      /* libsoup fails the message at the end of its stream and closes */
      g_socket_shutdown (conn->socket, TRUE, TRUE, NULL);
      break;
    case PHASE_BODY:
      g_message ("closing a connection from %s: the request body did not arrive within %u s",
                 peer != NULL ? peer : "unknown", conn->owner->limits.body_seconds);
      g_socket_shutdown (conn->socket, TRUE, TRUE, NULL);
      break;
    case PHASE_IDLE:
      close_idle (conn, "keep-alive timeout");
      break;
    case PHASE_HANDLING:
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

/* --- taking a connection to answer it ----------------------------------- */

static void
closing_free (Closing *closing)
{
  if (closing->linger != NULL)
    {
      g_source_destroy (closing->linger);
      g_source_unref (closing->linger);
    }
  if (closing->linger_timeout != NULL)
    {
      g_source_destroy (closing->linger_timeout);
      g_source_unref (closing->linger_timeout);
    }
  g_cancellable_cancel (closing->cancellable);
  if (closing->socket != NULL)
    close_stolen (closing->stream, closing->socket);
  g_clear_object (&closing->stream);
  g_clear_object (&closing->socket);
  g_clear_object (&closing->cancellable);
  g_clear_pointer (&closing->answer, g_bytes_unref);
  g_free (closing);
}

static void
closing_done (Closing *closing)
{
  ScdConnections *self = closing->owner;

  self->closing = g_list_remove (self->closing, closing);
  closing_free (closing);
}

static gboolean
linger_timeout_cb (gpointer user_data)
{
  Closing *closing = user_data;

  g_clear_pointer (&closing->linger_timeout, g_source_unref);
  closing_done (closing);
  return G_SOURCE_REMOVE;
}

static void
linger_quiet_from_now (Closing *closing)
{
  gint64 quiet = g_get_monotonic_time () + LINGER_QUIET_SECONDS * G_USEC_PER_SEC;

  g_source_set_ready_time (closing->linger_timeout, MIN (quiet, closing->linger_until));
}

static gboolean
linger_cb (GSocket      *socket,
           GIOCondition  condition,
           gpointer      user_data)
{
  Closing *closing = user_data;
  char buffer[16 * 1024];
  gssize n;

  n = recv (g_socket_get_fd (socket), buffer, sizeof buffer, MSG_DONTWAIT);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
    return G_SOURCE_CONTINUE;
  if (n > 0)
    {
      linger_quiet_from_now (closing);
      return G_SOURCE_CONTINUE;
    }
  g_clear_pointer (&closing->linger, g_source_unref);
  closing_done (closing);
  return G_SOURCE_REMOVE;
}

static void
answer_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Closing *closing = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        closing_done (closing);
      return;
    }
  if (closing->owner->limits.tls)
    {
      /* close_notify goes out with the close */
      closing_done (closing);
      return;
    }
  /* End of the answer for the client; keep reading (and dropping) what it
   * still sends for a moment, so its copy of the answer is not lost to a
   * reset of the connection. */
  g_socket_shutdown (closing->socket, FALSE, TRUE, NULL);
  closing->linger = g_socket_create_source (closing->socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_callback (closing->linger, G_SOURCE_FUNC (linger_cb), closing, NULL);
  g_source_attach (closing->linger, NULL);
  closing->linger_until = g_get_monotonic_time () + LINGER_MAX_SECONDS * G_USEC_PER_SEC;
  closing->linger_timeout = g_source_new (&ready_time_funcs, sizeof (GSource));
  g_source_set_callback (closing->linger_timeout, linger_timeout_cb, closing, NULL);
  linger_quiet_from_now (closing);
  g_source_attach (closing->linger_timeout, NULL);
}

static void
append_header_cb (const char *name,
                  const char *value,
                  gpointer    user_data)
{
  GString *out = user_data;

  if (g_ascii_strcasecmp (name, "Content-Length") == 0 || g_ascii_strcasecmp (name, "Connection") == 0 ||
      g_ascii_strcasecmp (name, "Transfer-Encoding") == 0)
    return;
  g_string_append_printf (out, "%s: %s\r\n", name, value);
}

static GBytes *
compose_answer (SoupServerMessage *msg)
{
  GString *out = g_string_new (NULL);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autoptr(GBytes) content = soup_message_body_flatten (body);
  const char *reason = soup_server_message_get_reason_phrase (msg);
  guint status = soup_server_message_get_status (msg);

  g_string_append_printf (out, "HTTP/1.%d %u %s\r\n",
                          soup_server_message_get_http_version (msg) == SOUP_HTTP_1_0 ? 0 : 1, status,
                          reason != NULL ? reason : soup_status_get_phrase (status));
  soup_message_headers_foreach (soup_server_message_get_response_headers (msg), append_header_cb, out);
  g_string_append_printf (out, "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n",
                          g_bytes_get_size (content));
  g_string_append_len (out, g_bytes_get_data (content, NULL), g_bytes_get_size (content));
  return g_string_free_to_bytes (out);
}

static gboolean
reply_now_cb (gpointer user_data)
{
  Conn *conn = user_data;
  ScdConnections *self = conn->owner;
  Closing *closing = g_new0 (Closing, 1);
  gsize size;
  const char *data;

  g_clear_pointer (&conn->reply_source, g_source_unref);
  closing->owner = self;
  closing->answer = compose_answer (conn->msg);
  closing->socket = g_object_ref (conn->socket);
  closing->cancellable = g_cancellable_new ();
  closing->stream = steal (conn);
  g_hash_table_remove (self->conns, conn->key);
  self->closing = g_list_prepend (self->closing, closing);
  if (closing->stream == NULL)
    {
      closing_done (closing);
      return G_SOURCE_REMOVE;
    }
  data = g_bytes_get_data (closing->answer, &size);
  g_output_stream_write_all_async (g_io_stream_get_output_stream (closing->stream), data, size,
                                   G_PRIORITY_DEFAULT, closing->cancellable, answer_written_cb, closing);
  return G_SOURCE_REMOVE;
}

/* --- public API ------------------------------------------------------------ */

ScdConnections *
scd_connections_new (SoupServer                *soup,
                     const ScdConnectionLimits *limits)
{
  ScdConnections *self = g_new0 (ScdConnections, 1);

  self->soup = soup;
  self->limits = *limits;
  self->conns = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, conn_free);
  return self;
}

void
scd_connections_free (ScdConnections *self)
{
  if (self == NULL)
    return;
  g_hash_table_remove_all (self->conns);
  g_hash_table_unref (self->conns);
  g_list_free_full (self->closing, (GDestroyNotify) closing_free);
  g_free (self);
}

void
scd_connections_request_started (ScdConnections    *self,
                                 SoupServerMessage *msg)
{
  Conn *conn = lookup (self, msg);
  gpointer key;

  if (conn != NULL)
    {
      hold (conn, msg);
      stop_watch (conn);
      /* a connection handed back is still idle until its headers come */
      if (conn->handed_back)
        return;
      conn->phase = PHASE_HEADERS;
      set_deadline (conn, self->limits.header_seconds);
      return;
    }

  key = key_of (msg);
  if (key == NULL || soup_server_message_get_socket (msg) == NULL)
    return;   /* a connection we did not see accepted, without a socket */
  conn = g_new0 (Conn, 1);
  conn->owner = self;
  conn->key = g_object_ref (key);
  conn->socket = g_object_ref (soup_server_message_get_socket (msg));
  conn->deadline = -1;
  conn->scheduled = -1;
  conn->timer = g_source_new (&ready_time_funcs, sizeof (GSource));
  g_source_set_priority (conn->timer, G_PRIORITY_HIGH);
  g_source_set_callback (conn->timer, timer_cb, conn, NULL);
  g_source_attach (conn->timer, NULL);
  g_hash_table_insert (self->conns, conn->key, conn);
  hold (conn, msg);
  /* a new connection: its headers are due from now (a TLS handshake too) */
  conn->phase = PHASE_HEADERS;
  set_deadline (conn, self->limits.header_seconds);
}

void
scd_connections_got_headers (ScdConnections    *self,
                             SoupServerMessage *msg)
{
  Conn *conn = lookup (self, msg);

  if (conn == NULL)
    return;
  hold (conn, msg);
  stop_watch (conn);
  conn->handed_back = FALSE;
  conn->phase = PHASE_BODY;
  set_deadline (conn, self->limits.body_seconds);
}

void
scd_connections_handling (ScdConnections    *self,
                          SoupServerMessage *msg)
{
  Conn *conn = lookup (self, msg);

  if (conn == NULL)
    return;
  conn->phase = PHASE_HANDLING;
  set_deadline (conn, 0);
}

void
scd_connections_request_finished (ScdConnections    *self,
                                  SoupServerMessage *msg)
{
  Conn *conn = lookup (self, msg);

  if (conn == NULL || conn->msg != msg)
    return;
  /* The answered message is held while the connection is idle: drop what
   * it still holds of its answer. If libsoup closes the connection now
   * (no keep-alive), "disconnected" removes the record. */
  soup_message_body_truncate (soup_server_message_get_response_body (msg));
  conn->phase = PHASE_IDLE;
  set_deadline (conn, self->limits.keepalive_seconds);
  start_watch (conn);
}

gboolean
scd_connections_reply_now (ScdConnections    *self,
                           SoupServerMessage *msg)
{
  Conn *conn = lookup (self, msg);

  if (conn == NULL || conn->msg != msg || conn->reply_source != NULL)
    {
      /* not ours to take: libsoup answers after the body, and closes */
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
      return FALSE;
    }
  /* Read no further; the connection is taken on the next turn of the main
   * loop, outside libsoup's reading of this message. */
  soup_server_message_pause (msg);
  conn->phase = PHASE_HANDLING;
  set_deadline (conn, 0);
  conn->reply_source = g_idle_source_new ();
  g_source_set_priority (conn->reply_source, G_PRIORITY_HIGH);
  g_source_set_callback (conn->reply_source, reply_now_cb, conn, NULL);
  g_source_attach (conn->reply_source, NULL);
  return TRUE;
}

void
scd_connections_close_idle (ScdConnections *self)
{
  g_autoptr(GPtrArray) idle = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->conns);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Conn *) value)->phase == PHASE_IDLE && ((Conn *) value)->msg != NULL)
      g_ptr_array_add (idle, value);
  for (guint i = 0; i < idle->len; i++)
    close_idle (g_ptr_array_index (idle, i), "shutting down");
}

guint
scd_connections_get_count (ScdConnections *self)
{
  return g_hash_table_size (self->conns);
}
