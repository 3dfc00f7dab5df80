/* scc-api-client.h
 *
 * The client's one door to sendcased: a single SoupSession, the server's
 * base URL, the session token once signed in, and one typed _async/_finish
 * pair per API call. A non-2xx answer comes back as an SC_ERROR GError
 * carrying the server's problem document (sc_error_get_problem), so a page
 * can put a field error beside its field; a 401 is SC_ERROR_UNAUTHORIZED.
 * Transport failures (refused, DNS, timeout) pass through as G_IO_ERROR or
 * G_RESOLVER_ERROR untouched.
 *
 * Calls for later issues (sessions, cases) are written on top of the
 * generic request in scc-api-client-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "scc-health.h"

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
guint         scc_api_client_get_timeout       (SccApiClient         *self);
void          scc_api_client_set_timeout       (SccApiClient         *self,
                                                guint                 timeout);

void          scc_api_client_get_health_async  (SccApiClient         *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
SccHealth    *scc_api_client_get_health_finish (SccApiClient         *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
