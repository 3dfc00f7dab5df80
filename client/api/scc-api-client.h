/* scc-api-client.h
 *
 * The client's one door to sendcased: a single SoupSession, the server's
 * base URL, the session (token and user) once signed in, and one typed
 * _async/_finish pair per API call. A non-2xx answer comes back as an SC_ERROR GError
 * carrying the server's problem document (sc_error_get_problem), so a page
 * can put a field error beside its field; a 401 is SC_ERROR_UNAUTHORIZED.
 * Transport failures (refused, DNS, timeout) pass through as G_IO_ERROR or
 * G_RESOLVER_ERROR untouched.
 *
 * Signing in keeps the token here, in memory only; signing out, or a 401 to
 * the token in use (SccApiClient::unauthorized), forgets it. A request that
 * finds the server gone (unreachable, or 503) is also reported as
 * SccApiClient::server-unavailable, so the connection can be rechecked.
 *
 * Every answer is decoded with the models' one codec in common/ (ScUser,
 * ScSession, ScHealth), the same code the daemon writes with.
 *
 * The session calls are in scc-api-client-sessions.c, users and the audit
 * trail in scc-api-client-users.c; later calls (cases) are written on top
 * of the generic request in scc-api-client-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-audit-event.h"
#include "sc-person.h"
#include "sc-health.h"
#include "sc-session.h"
#include "sc-user.h"

G_BEGIN_DECLS

#define SCC_TYPE_API_CLIENT (scc_api_client_get_type ())

/* Seconds any one request may wait to connect or for the next bytes. */
#define SCC_API_CLIENT_DEFAULT_TIMEOUT 15

G_DECLARE_FINAL_TYPE (SccApiClient, scc_api_client, SCC, API_CLIENT, GObject)

SccApiClient *scc_api_client_new               (const char           *base_url);
const char   *scc_api_client_get_base_url      (SccApiClient         *self);
void          scc_api_client_set_base_url      (SccApiClient         *self,
                                                const char           *base_url);
const char   *scc_api_client_get_token         (SccApiClient         *self);
void          scc_api_client_set_token         (SccApiClient         *self,
                                                const char           *token);
ScSession    *scc_api_client_get_session       (SccApiClient         *self);
gboolean      scc_api_client_get_signed_in     (SccApiClient         *self);
void          scc_api_client_forget_session    (SccApiClient         *self);
guint         scc_api_client_get_timeout       (SccApiClient         *self);
void          scc_api_client_set_timeout       (SccApiClient         *self,
                                                guint                 timeout);

void          scc_api_client_get_health_async  (SccApiClient         *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
ScHealth     *scc_api_client_get_health_finish (SccApiClient         *self,
                                                GAsyncResult         *result,
                                                GError              **error);


/* POST /api/v1/sessions. On success the client keeps the new token and
 * session (and sends the token from then on); the ScSession is returned
 * too. A refusal is an SC_ERROR: INVALID_INPUT with field errors (422),
 * UNAUTHORIZED with a field error on "password" (401), TOO_MANY_REQUESTS
 * (429, with *@out_retry_after set from Retry-After), UNAVAILABLE (503). */
void          scc_api_client_sign_in_async     (SccApiClient         *self,
                                                const char           *username,
                                                const char           *password,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
ScSession    *scc_api_client_sign_in_finish    (SccApiClient         *self,
                                                GAsyncResult         *result,
                                                guint                *out_retry_after,
                                                GError              **error);

/* DELETE /api/v1/sessions/current. The token and session are forgotten
 * here at once, whatever the server answers; the result only says whether
 * the server heard of it (an unreachable server lets the session idle out). */
void          scc_api_client_sign_out_async    (SccApiClient         *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean      scc_api_client_sign_out_finish   (SccApiClient         *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* GET /api/v1/me: who the token belongs to, and when the session ends. */
void          scc_api_client_get_me_async      (SccApiClient         *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
ScSession    *scc_api_client_get_me_finish     (SccApiClient         *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* POST /api/v1/me/password. A refusal is SC_ERROR_INVALID_INPUT with field
 * errors on "current_password" or "new_password". */
void          scc_api_client_change_password_async  (SccApiClient    *self,
                                                     const char      *current_password,
                                                     const char      *new_password,
                                                     GCancellable    *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer         user_data);
gboolean      scc_api_client_change_password_finish (SccApiClient    *self,
                                                     GAsyncResult    *result,
                                                     GError         **error);

/* Users and the audit trail: scc-api-client-users.c. */

/* The filters of GET /api/v1/audit; a NULL member is not sent. */
typedef struct
{
  const char *user;           /* a username, as typed */
  const char *resource_type;  /* "user", "session", ... */
  const char *resource_id;
  const char *from;           /* YYYY-MM-DD or RFC 3339 */
  const char *to;             /* before this, same forms */
} SccAuditQuery;

void          scc_api_client_list_users_async      (SccApiClient        *self,
                                                    const char          *role,
                                                    const char          *active,
                                                    const char          *cursor,
                                                    guint                limit,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray    *scc_api_client_list_users_finish     (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    char               **next_cursor,
                                                    GError             **error);
void          scc_api_client_get_user_async        (SccApiClient        *self,
                                                    gint64               id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ScUser       *scc_api_client_get_user_finish       (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void          scc_api_client_create_user_async     (SccApiClient        *self,
                                                    const char          *username,
                                                    const char          *full_name,
                                                    const char          *role,
                                                    const char          *password,
                                                    const char          *idempotency_key,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ScUser       *scc_api_client_create_user_finish    (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void          scc_api_client_update_user_async     (SccApiClient        *self,
                                                    ScUser              *user,
                                                    const char          *full_name,
                                                    const char          *role,
                                                    const gboolean      *active,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ScUser       *scc_api_client_update_user_finish    (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void          scc_api_client_reset_password_async  (SccApiClient        *self,
                                                    gint64               id,
                                                    const char          *new_password,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean      scc_api_client_reset_password_finish (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void          scc_api_client_list_audit_async      (SccApiClient        *self,
                                                    const SccAuditQuery *query,
                                                    const char          *cursor,
                                                    guint                limit,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray    *scc_api_client_list_audit_finish     (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    char               **next_cursor,
                                                    GError             **error);

/* People: scc-api-client-people.c. */

/* GET /api/v1/people?q=: @q (nullable) a name prefix, a UPN, an NHS number
 * (spaces allowed) or a date of birth (YYYY-MM-DD); NULL or "" for all. */
void          scc_api_client_search_people_async   (SccApiClient        *self,
                                                    const char          *q,
                                                    const char          *cursor,
                                                    guint                limit,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray    *scc_api_client_search_people_finish  (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    char               **next_cursor,
                                                    GError             **error);
void          scc_api_client_get_person_async      (SccApiClient        *self,
                                                    gint64               id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ScPerson     *scc_api_client_get_person_finish     (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* POST /api/v1/people with @input (a PersonInput's members). With
 * @confirm_different_person a match on names and date of birth is
 * recorded anyway; without, it is SC_ERROR_CONFLICT with field errors
 * "matches person N" on the matched members. */
void          scc_api_client_create_person_async   (SccApiClient        *self,
                                                    JsonObject          *input,
                                                    gboolean             confirm_different_person,
                                                    const char          *idempotency_key,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ScPerson     *scc_api_client_create_person_finish  (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* PATCH /api/v1/people/{id} with If-Match from @person's version and
 * @change (only the members changed). */
void          scc_api_client_update_person_async   (SccApiClient        *self,
                                                    ScPerson            *person,
                                                    JsonObject          *change,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ScPerson     *scc_api_client_update_person_finish  (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
