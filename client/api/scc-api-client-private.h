/* scc-api-client-private.h
 *
 * The generic request under every typed call of SccApiClient. A typed call
 * (scc_api_client_get_health_async, later sign-in and cases) builds its path
 * and JSON body, calls _scc_api_client_request_async, and turns the JsonNode
 * that _scc_api_client_request_finish returns into its model type with an
 * explicit codec.
 *
 * What the request does for every call:
 *  - resolves @path against "<base-url>/api/v1" ("/cases/42" ->
 *    "http://host:8080/api/v1/cases/42"; @path may carry a query string);
 *  - sends @body (borrowed, may be NULL) as application/json;
 *  - adds "Authorization: Bearer <token>" when the token property is set,
 *    unless SCC_API_REQUEST_NO_AUTH (the token is read when the request is
 *    made, so forgetting the session right after still sends it once);
 *  - adds @headers, a NULL-terminated list of name, value pairs, e.g.
 *    { "If-Match", etag, "Idempotency-Key", key, NULL } (a NULL value skips
 *    its pair). An Idempotency-Key must be made once per user action
 *    (g_uuid_string_random) and reused on retries;
 *  - on a 2xx, parses the body as JSON (an empty body, e.g. 204, gives a
 *    JSON null node);
 *  - on any other status, parses the problem document into an SC_ERROR
 *    (sc_problem_to_error); an answer that is not a problem document still
 *    gives the SC_ERROR code of its status. A 401 to a request that carried
 *    the token still in use forgets the session and emits
 *    SccApiClient::unauthorized, so the application can send the user back
 *    to sign-in from one place.
 *  - SCC_API_REQUEST_ANY_STATUS returns the parsed body of a non-2xx answer
 *    instead of an error (the health document of a 503), leaving the status
 *    to the caller through @out_status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sc-page.h"
#include "scc-api-client.h"

G_BEGIN_DECLS

typedef enum
{
  SCC_API_REQUEST_DEFAULT    = 0,
  SCC_API_REQUEST_NO_AUTH    = 1 << 0,
  SCC_API_REQUEST_ANY_STATUS = 1 << 1,
  /* a 2xx answer is a document of its own type (a PDF), kept as bytes:
   * read it with _scc_api_client_request_document_finish */
  SCC_API_REQUEST_DOCUMENT   = 1 << 2,
} SccApiRequestFlags;

void      _scc_api_client_request_async   (SccApiClient         *self,
                                           const char           *method,
                                           const char           *path,
                                           JsonNode             *body,
                                           const char * const   *headers,
                                           SccApiRequestFlags    flags,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
/* Returns: (transfer full): the parsed body, never NULL on success.
 * @out_status: (out) (optional): the HTTP status of the answer
 * @out_headers: (out) (optional) (transfer full): its headers (ETag, Retry-After) */
JsonNode *_scc_api_client_request_finish  (SccApiClient         *self,
                                           GAsyncResult         *result,
                                           guint                *out_status,
                                           SoupMessageHeaders  **out_headers,
                                           GError              **error);

/* The same for SCC_API_REQUEST_DOCUMENT. Returns: (transfer full): the body */
GBytes   *_scc_api_client_request_document_finish (SccApiClient  *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);
/* One model of a 2xx answer, read by @read: the typed calls' common case.
 * _scc_api_client_model_finish checks @source_tag and gives the model. */
void      _scc_api_client_model_async     (SccApiClient         *self,
                                           gpointer              source_tag,
                                           const char           *method,
                                           const char           *path,
                                           JsonNode             *body,
                                           const char * const   *headers,
                                           ScReadJsonFunc        read,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
/* The same for a model that is not an object: freed with @free_model */
void      _scc_api_client_model_full_async (SccApiClient        *self,
                                            gpointer             source_tag,
                                            const char          *method,
                                            const char          *path,
                                            JsonNode            *body,
                                            const char * const  *headers,
                                            ScReadJsonFunc       read,
                                            GDestroyNotify       free_model,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gpointer  _scc_api_client_model_finish    (SccApiClient         *self,
                                           GAsyncResult         *result,
                                           gpointer              source_tag,
                                           GError              **error);
/* Returns: (transfer full): the SC_ERROR for a non-2xx @status whose parsed
 * body is @node (nullable): the problem document's, or one made from the
 * status when the body is not a problem document. */
GError   *_scc_api_client_error_for_status (guint                status,
                                            JsonNode            *node);

/* Appends "?name=value" or "&name=value" to @path, @value escaped; nothing
 * when @value is NULL. */
/* How a list's items are read and freed: models are GObjects, rows of
 * counts and the chase list are plain structs. */
typedef struct
{
  ScReadJsonFunc  read;
  GDestroyNotify  free;
} SccItemCodec;

/* A page of a list: @path's answer {"items", "next_cursor"}, each item
 * read with @codec; _finish checks @source_tag. */
void        _scc_api_client_page_async_with_body (SccApiClient        *self,
                                                  gpointer             source_tag,
                                                  const char          *method,
                                                  const char          *path,
                                                  JsonNode            *body,
                                                  const SccItemCodec  *codec,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
void        _scc_api_client_page_async     (SccApiClient        *self,
                                            gpointer             source_tag,
                                            const char          *path,
                                            const SccItemCodec  *codec,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
/* Every page of @path (its query without the paging), one after another,
 * as one list read by _scc_api_client_page_finish (its next cursor set
 * only if there were more than the client reads at once: 20,000) */
void        _scc_api_client_every_page_async (SccApiClient      *self,
                                              gpointer           source_tag,
                                              const char        *path,
                                              const SccItemCodec *codec,
                                              GCancellable      *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer           user_data);
GPtrArray  *_scc_api_client_page_finish    (SccApiClient        *self,
                                            GAsyncResult        *result,
                                            gpointer             source_tag,
                                            char               **next_cursor,
                                            GError             **error);
/* PUT @text (a record's change) to @path at @version: If-Match, or
 * If-None-Match: * while nothing is recorded (0); the answer read with
 * @read (_scc_api_client_model_finish) */
void        _scc_api_client_put_versioned_async (SccApiClient        *self,
                                                 gpointer             source_tag,
                                                 const char          *path,
                                                 const char          *text,
                                                 gint64               version,
                                                 ScReadJsonFunc       read,
                                                 GDestroyNotify       free_func,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);

void        _scc_api_client_append_query   (GString             *path,
                                            const char          *name,
                                            const char          *value);
/* A list's page: "limit" (when > 0) and "cursor" (when not NULL). */
void        _scc_api_client_append_paging  (GString             *path,
                                            const char          *cursor,
                                            guint                limit);

/* Overwrites a secret (a token, a password) before freeing it, so it does
 * not linger in freed memory; sets *@secret to NULL. */
void        _scc_api_client_wipe_string    (char               **secret);

/* Keeps @token (copied) and @session as the signed-in session. */
void        _scc_api_client_begin_session  (SccApiClient        *self,
                                            const char          *token,
                                            ScSession           *session);
/* Forgets the token and session. Returns: (transfer full) (nullable): the
 * session that ended. */
ScSession  *_scc_api_client_end_session    (SccApiClient        *self);

G_END_DECLS
