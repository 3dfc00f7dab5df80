/* scd-request.h
 *
 * One HTTP request as the handlers see it: the message (held while paused),
 * its id, path parameters, body, a GCancellable cancelled when the client
 * goes away, and the reply helpers. Only scd_request_reply_*() set a status
 * and body and unpause the message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "sc-problem.h"

G_BEGIN_DECLS

typedef struct _ScdRequest ScdRequest;
typedef struct _ScdStores ScdStores;

/* @stores: what the handlers read and write through (not referenced: the
 * server that owns them outlives its requests) */
ScdRequest        *scd_request_new              (ScdStores         *stores,
                                                 SoupServerMessage *msg);
ScdRequest        *scd_request_ref              (ScdRequest        *request);
void               scd_request_unref            (ScdRequest        *request);

/* The request attached to @msg by the server, if any. */
ScdRequest        *scd_request_from_message     (SoupServerMessage *msg);

ScdStores         *scd_request_get_stores       (ScdRequest        *request);
SoupServerMessage *scd_request_get_message      (ScdRequest        *request);
const char        *scd_request_get_id           (ScdRequest        *request);
const char        *scd_request_get_method       (ScdRequest        *request);
const char        *scd_request_get_path         (ScdRequest        *request);
GCancellable      *scd_request_get_cancellable  (ScdRequest        *request);
gint64             scd_request_get_start_time   (ScdRequest        *request);
/* Source address as text, e.g. "127.0.0.1". */
const char        *scd_request_get_remote_host  (ScdRequest        *request);
const char        *scd_request_get_header       (ScdRequest        *request,
                                                 const char        *name);
/* Parses the query string once; SC_ERROR_MALFORMED (400) when it is not
 * name=value pairs of percent-encoded UTF-8 without NUL. The server calls
 * it before any handler, so handlers only ever see a valid query. */
gboolean           scd_request_parse_query      (ScdRequest        *request,
                                                 GError           **error);
const char        *scd_request_get_query        (ScdRequest        *request,
                                                 const char        *name);
/* Text from the request made safe to show in a problem document or a log
 * line: control characters, '%' and bytes that are not UTF-8 are
 * percent-encoded, and it is cut after about @max_bytes. */
char              *scd_request_escape_for_display (const char      *text,
                                                 gsize              max_bytes);
/* The path, escaped as above. */
char              *scd_request_dup_display_path (ScdRequest        *request);

/* Path parameters, filled by the router: "/cases/{id}" -> "id". */
void               scd_request_set_param        (ScdRequest        *request,
                                                 const char        *name,
                                                 const char        *value);
const char        *scd_request_get_param        (ScdRequest        *request,
                                                 const char        *name);

/* Body (at most the configured size; see the server's early handler). */
void               scd_request_append_body      (ScdRequest        *request,
                                                 GBytes            *chunk,
                                                 gsize              limit);
gboolean           scd_request_get_body_too_large (ScdRequest      *request);
/* Frees the body once the request is answered. */
void               scd_request_drop_body        (ScdRequest        *request);
GBytes            *scd_request_get_body         (ScdRequest        *request);
/* Parses the body as a JSON object; SC_ERROR_MALFORMED otherwise. */
JsonObject        *scd_request_parse_json_object (ScdRequest       *request,
                                                 GError           **error);

/* The record version an update is based on, from If-Match ("3" or W/"3").
 * Missing: SC_ERROR_PRECONDITION_REQUIRED (428); not a version this server
 * gave out: SC_ERROR_PRECONDITION_FAILED (412). */
gboolean           scd_request_get_if_match     (ScdRequest        *request,
                                                 gint64            *version,
                                                 GError           **error);

/* Arbitrary per-request data for later layers (session, audit). */
void               scd_request_set_data         (ScdRequest        *request,
                                                 const char        *key,
                                                 gpointer           data,
                                                 GDestroyNotify     destroy);
gpointer           scd_request_get_data         (ScdRequest        *request,
                                                 const char        *key);

void               scd_request_pause            (ScdRequest        *request);
gboolean           scd_request_get_replied      (ScdRequest        *request);
gboolean           scd_request_get_paused       (ScdRequest        *request);
void               scd_request_add_header       (ScdRequest        *request,
                                                 const char        *name,
                                                 const char        *value);
/* @node: (transfer full) */
void               scd_request_reply_json       (ScdRequest        *request,
                                                 guint              status,
                                                 JsonNode          *node);
/* @text: (transfer full): a JSON document, e.g. from an ScJsonWriter */
void               scd_request_reply_json_text  (ScdRequest        *request,
                                                 guint              status,
                                                 char              *text);
/* A document other than JSON, e.g. a PDF */
void               scd_request_reply_bytes      (ScdRequest        *request,
                                                 guint              status,
                                                 const char        *content_type,
                                                 GBytes            *bytes);
void               scd_request_reply_empty      (ScdRequest        *request,
                                                 guint              status);
void               scd_request_reply_problem    (ScdRequest        *request,
                                                 ScProblem         *problem);
void               scd_request_reply_problem_printf (ScdRequest    *request,
                                                 ScErrorCode        code,
                                                 const char        *format,
                                                 ...) G_GNUC_PRINTF (3, 4);
/* Logs @error (with its internal message) under the request id when it is a
 * server-side failure, and answers with its problem document. */
void               scd_request_reply_error      (ScdRequest        *request,
                                                 const GError      *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScdRequest, scd_request_unref)

G_END_DECLS
