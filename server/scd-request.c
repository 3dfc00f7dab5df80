/* scd-request.c
 *
 * The life of one request. The server creates it when libsoup starts reading
 * a message and attaches it to the message, which owns it; a handler that
 * goes asynchronous pauses the message and keeps its own reference. While
 * paused the request also holds a reference on the message, dropped at the
 * reply: the message is never freed under a handler that still means to
 * answer it.
 *
 * When the client goes away ("disconnected"), the cancellable is cancelled so
 * queued database work is skipped, and a late reply is dropped quietly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-request"

#include "config.h"

#include <stdarg.h>

#include "sc-json.h"
#include "scd-request.h"

#define REQUEST_DATA_KEY "scd-request"
#define SCD_REQUEST_MAX_JSON_DEPTH 32

struct _ScdRequest
{
  /* Borrowed: the message owns the request through its object data */
  SoupServerMessage *msg;
  ScdStores         *stores;

  /* Owned */
  SoupServerMessage *paused_ref;  /* ref held only while paused */
  char              *id;
  GHashTable        *params;
  GHashTable        *query;
  GByteArray        *body;
  GBytes            *body_bytes;
  GCancellable      *cancellable;
  GData             *data;
  char              *remote_host;
  gint64             start_time;
  gboolean           body_too_large;
  gboolean           replied;
  gboolean           gone;
};

static void
request_free (gpointer data)
{
  ScdRequest *request = data;

  g_clear_pointer (&request->id, g_free);
  g_clear_pointer (&request->params, g_hash_table_unref);
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_clear_pointer (&request->body, g_byte_array_unref);
  g_clear_pointer (&request->body_bytes, g_bytes_unref);
  g_clear_object (&request->cancellable);
  g_clear_pointer (&request->remote_host, g_free);
  g_datalist_clear (&request->data);
  g_clear_object (&request->paused_ref);
}

static void
on_disconnected_cb (SoupServerMessage *msg,
                    gpointer           user_data)
{
  ScdRequest *request = user_data;

  request->gone = TRUE;
  if (request->cancellable != NULL)
    g_cancellable_cancel (request->cancellable);
}

/* 64 random bits as 16 hex digits */
static char *
new_request_id (void)
{
  static const char hex[] = "0123456789abcdef";
  guint64 bits = ((guint64) g_random_int () << 32) | g_random_int ();
  char *id = g_malloc (17);

  for (int i = 15; i >= 0; i--, bits >>= 4)
    id[i] = hex[bits & 0xf];
  id[16] = '\0';
  return id;
}

static GQuark
request_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string (REQUEST_DATA_KEY);
  return quark;
}

ScdRequest *
scd_request_new (ScdStores         *stores,
                 SoupServerMessage *msg)
{
  ScdRequest *request = g_rc_box_new0 (ScdRequest);

  request->msg = msg;
  request->stores = stores;
  request->id = new_request_id ();
  request->start_time = g_get_monotonic_time ();
  g_datalist_init (&request->data);

  /* The message owns the request; the signal goes when the request does. */
  g_object_set_qdata_full (G_OBJECT (msg), request_quark (), request, (GDestroyNotify) scd_request_unref);
  g_signal_connect (msg, "disconnected", G_CALLBACK (on_disconnected_cb), request);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "X-Request-Id", request->id);
  return request;
}

ScdRequest *
scd_request_from_message (SoupServerMessage *msg)
{
  return g_object_get_qdata (G_OBJECT (msg), request_quark ());
}

ScdRequest *
scd_request_ref (ScdRequest *request)
{
  return g_rc_box_acquire (request);
}

void
scd_request_unref (ScdRequest *request)
{
  g_rc_box_release_full (request, request_free);
}

ScdStores *
scd_request_get_stores (ScdRequest *request)
{
  return request->stores;
}

SoupServerMessage *
scd_request_get_message (ScdRequest *request)
{
  return request->msg;
}

const char *
scd_request_get_id (ScdRequest *request)
{
  return request->id;
}

const char *
scd_request_get_method (ScdRequest *request)
{
  return soup_server_message_get_method (request->msg);
}

const char *
scd_request_get_path (ScdRequest *request)
{
  return g_uri_get_path (soup_server_message_get_uri (request->msg));
}

/* Made when first asked for: most requests are answered without one. */
GCancellable *
scd_request_get_cancellable (ScdRequest *request)
{
  if (request->cancellable == NULL)
    {
      request->cancellable = g_cancellable_new ();
      if (request->gone)
        g_cancellable_cancel (request->cancellable);
    }
  return request->cancellable;
}

gint64
scd_request_get_start_time (ScdRequest *request)
{
  return request->start_time;
}

const char *
scd_request_get_remote_host (ScdRequest *request)
{
  if (request->remote_host == NULL)
    {
      const char *host = soup_server_message_get_remote_host (request->msg);
      request->remote_host = g_strdup (host != NULL ? host : "unknown");
    }
  return request->remote_host;
}

const char *
scd_request_get_header (ScdRequest *request,
                        const char *name)
{
  return soup_message_headers_get_one (soup_server_message_get_request_headers (request->msg), name);
}

gboolean
scd_request_parse_query (ScdRequest  *request,
                         GError     **error)
{
  const char *query;

  if (request->query != NULL)
    return TRUE;
  query = g_uri_get_query (soup_server_message_get_uri (request->msg));
  if (query == NULL || *query == '\0')
    {
      request->query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      return TRUE;
    }
  /* GLib refuses bad %-escapes, %00 and text that decodes to invalid UTF-8;
   * such a query is refused whole, never read as if it had no parameters
   * (a search would then match everything). */
  request->query = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (request->query == NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED,
                           "the query string is not valid: parameters must be name=value pairs "
                           "of percent-encoded UTF-8 text without NUL");
      return FALSE;
    }
  return TRUE;
}

const char *
scd_request_get_query (ScdRequest *request,
                       const char *name)
{
  /* the server parses the query before any handler runs */
  if (request->query == NULL && !scd_request_parse_query (request, NULL))
    return NULL;
  return g_hash_table_lookup (request->query, name);
}

/* The longest path shown in a problem document or the log. */
#define DISPLAY_PATH_MAX 256

char *
scd_request_dup_display_path (ScdRequest *request)
{
  return scd_request_escape_for_display (scd_request_get_path (request), DISPLAY_PATH_MAX);
}

char *
scd_request_escape_for_display (const char *text,
                                gsize       max_bytes)
{
  GString *out = g_string_new (NULL);
  const char *p = text;
  const char *end = text + strlen (text);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      gsize len;

      if (out->len >= max_bytes)
        {
          g_string_append_printf (out, "... (%" G_GSIZE_FORMAT " bytes)", (gsize) (end - text));
          break;
        }
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "%%%02X", (guchar) *p);
          p++;
          continue;
        }
      len = g_utf8_next_char (p) - p;
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '%')
        {
          /* the bytes as they were sent, percent-encoded */
          for (gsize i = 0; i < len; i++)
            g_string_append_printf (out, "%%%02X", (guchar) p[i]);
        }
      else
        g_string_append_len (out, p, len);
      p += len;
    }
  return g_string_free (out, FALSE);
}

void
scd_request_set_param (ScdRequest *request,
                       const char *name,
                       const char *value)
{
  if (request->params == NULL)
    request->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (request->params, g_strdup (name), g_strdup (value));
}

const char *
scd_request_get_param (ScdRequest *request,
                       const char *name)
{
  return request->params != NULL ? g_hash_table_lookup (request->params, name) : NULL;
}

void
scd_request_append_body (ScdRequest *request,
                         GBytes     *chunk,
                         gsize       limit)
{
  gsize size = g_bytes_get_size (chunk);

  if (request->body_too_large)
    return;
  if (request->body == NULL)
    request->body = g_byte_array_new ();
  if (request->body->len + size > limit)
    {
      request->body_too_large = TRUE;
      g_byte_array_set_size (request->body, 0);
      return;
    }
  g_byte_array_append (request->body, g_bytes_get_data (chunk, NULL), size);
}

void
scd_request_drop_body (ScdRequest *request)
{
  g_clear_pointer (&request->body, g_byte_array_unref);
  g_clear_pointer (&request->body_bytes, g_bytes_unref);
}

gboolean
scd_request_get_body_too_large (ScdRequest *request)
{
  return request->body_too_large;
}

GBytes *
scd_request_get_body (ScdRequest *request)
{
  if (request->body_bytes == NULL)
    {
      if (request->body != NULL)
        request->body_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&request->body));
      else
        request->body_bytes = g_bytes_new (NULL, 0);
    }
  return request->body_bytes;
}

JsonObject *
scd_request_parse_json_object (ScdRequest  *request,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  GBytes *body = scd_request_get_body (request);
  const char *content_type = scd_request_get_header (request, "Content-Type");
  gsize size = 0;
  const char *data = g_bytes_get_data (body, &size);
  JsonNode *root;

  if (content_type != NULL && !g_str_has_prefix (content_type, "application/json"))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED,
                   "request body must be application/json, not %s", content_type);
      return NULL;
    }
  if (size == 0)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "request body is empty: a JSON object is expected");
      return NULL;
    }
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "request body is not valid UTF-8");
      return NULL;
    }
  /* strict RFC 8259 first: json-glib is lenient, and leaks on bad input */
  if (!sc_json_check_object_text (data, size, SCD_REQUEST_MAX_JSON_DEPTH, &local_error))
    {
      if (g_error_matches (local_error, SC_ERROR, SC_ERROR_INVALID_INPUT))
        g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "request body must be a JSON object");
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "request body is not valid JSON: %s",
                   local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "request body must be a JSON object");
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

gboolean
scd_request_get_if_match (ScdRequest  *request,
                          gint64      *version,
                          GError     **error)
{
  const char *value = scd_request_get_header (request, "If-Match");
  g_autofree char *inner = NULL;
  guint64 number;
  gsize len;

  if (value == NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_PRECONDITION_REQUIRED,
                           "an update needs If-Match with the ETag of the record you changed");
      return FALSE;
    }
  if (g_str_has_prefix (value, "W/"))
    value += 2;
  len = strlen (value);
  if (len >= 3 && value[0] == '"' && value[len - 1] == '"')
    inner = g_strndup (value + 1, len - 2);
  /* versions are PostgreSQL integers counted from 1: anything else is not
   * an ETag this server gave out */
  if (inner == NULL || !g_ascii_string_to_unsigned (inner, 10, 1, G_MAXINT32, &number, NULL))
    {
      g_autofree char *shown = scd_request_escape_for_display (value, 64);

      g_set_error (error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED,
                   "If-Match %s is not an ETag of this record: reload it and make your change again", shown);
      return FALSE;
    }
  *version = (gint64) number;
  return TRUE;
}

void
scd_request_set_data (ScdRequest     *request,
                      const char     *key,
                      gpointer        data,
                      GDestroyNotify  destroy)
{
  g_datalist_set_data_full (&request->data, key, data, destroy);
}

gpointer
scd_request_get_data (ScdRequest *request,
                      const char *key)
{
  return g_datalist_get_data (&request->data, key);
}

void
scd_request_pause (ScdRequest *request)
{
  g_return_if_fail (!request->replied);

  /* pausing twice is harmless: authentication pauses before the handler */
  if (request->paused_ref != NULL)
    return;
  request->paused_ref = g_object_ref (request->msg);
  soup_server_message_pause (request->msg);
}

gboolean
scd_request_get_paused (ScdRequest *request)
{
  return request->paused_ref != NULL;
}

gboolean
scd_request_get_replied (ScdRequest *request)
{
  return request->replied;
}

void
scd_request_add_header (ScdRequest *request,
                        const char *name,
                        const char *value)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (request->msg), name, value);
}

static void
finish_reply (ScdRequest *request)
{
  g_autoptr(SoupServerMessage) held = g_steal_pointer (&request->paused_ref);

  request->replied = TRUE;
  if (held != NULL && !request->gone)
    soup_server_message_unpause (held);
}

/* libsoup 3.2 knows no phrase for the statuses of RFC 6585 */
static const char *
reason_phrase (guint status)
{
  switch (status)
    {
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    default: return NULL;
    }
}

static void
reply_bytes (ScdRequest *request,
             guint       status,
             const char *content_type,
             char       *text)
{
  if (request->replied)
    {
      g_free (text);
      return;
    }
  if (request->gone)
    {
      g_free (text);
      finish_reply (request);
      return;
    }
  soup_server_message_set_status (request->msg, status, reason_phrase (status));
  if (text != NULL)
    soup_server_message_set_response (request->msg, content_type, SOUP_MEMORY_TAKE, text, strlen (text));
  finish_reply (request);
}

void
scd_request_reply_json (ScdRequest *request,
                        guint       status,
                        JsonNode   *node)
{
  g_autoptr(JsonNode) owned = node;

  reply_bytes (request, status, "application/json", json_to_string (owned, FALSE));
}

void
scd_request_reply_json_text (ScdRequest *request,
                             guint       status,
                             char       *text)
{
  reply_bytes (request, status, "application/json", text);
}

void
scd_request_reply_bytes (ScdRequest *request,
                         guint       status,
                         const char *content_type,
                         GBytes     *bytes)
{
  if (request->replied)
    return;
  if (!request->gone)
    {
      soup_server_message_set_status (request->msg, status, reason_phrase (status));
      soup_message_body_append_bytes (soup_server_message_get_response_body (request->msg), bytes);
      soup_message_headers_set_content_type (soup_server_message_get_response_headers (request->msg),
                                             content_type, NULL);
    }
  finish_reply (request);
}

void
scd_request_reply_empty (ScdRequest *request,
                         guint       status)
{
  if (request->replied)
    return;
  if (!request->gone)
    soup_server_message_set_status (request->msg, status, NULL);
  finish_reply (request);
}

void
scd_request_reply_problem (ScdRequest *request,
                           ScProblem  *problem)
{
  g_autoptr(JsonNode) node = NULL;
  guint status = sc_problem_get_status (problem);

  sc_problem_set_request_id (problem, request->id);
  if (status == 503)
    scd_request_add_header (request, "Retry-After", "5");
  node = sc_problem_to_json (problem);
  reply_bytes (request, status, "application/problem+json", json_to_string (node, FALSE));
}

void
scd_request_reply_problem_printf (ScdRequest  *request,
                                  ScErrorCode  code,
                                  const char  *format,
                                  ...)
{
  g_autoptr(ScProblem) problem = NULL;
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  problem = sc_problem_new (code, detail);
  scd_request_reply_problem (request, problem);
}

void
scd_request_reply_error (ScdRequest   *request,
                         const GError *error)
{
  g_autoptr(ScProblem) problem = sc_problem_new_for_error (error);
  guint status = sc_problem_get_status (problem);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* the client left; nobody reads an answer */
      finish_reply (request);
      return;
    }
  /* Log once, where the error stops: here. Server-side failures carry
   * internals (SQL, PostgreSQL's words) that only the log may see. */
  /* 503 is not logged here: while the database is away every request would
   * say so, and the pool already logs each change of state once. */
  if (status >= 500 && status != 503)
    g_warning ("request %s: %s %s failed: %s", request->id, scd_request_get_method (request),
               scd_request_get_path (request), error->message);
  scd_request_reply_problem (request, problem);
}
