/* scc-api-client-complaints.h
 *
 * The complaint calls of SccApiClient: the team's list, one complaint,
 * logging one and recording its next steps at its version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-case.h"
#include "sc-complaint.h"
#include "scc-api-client.h"

G_BEGIN_DECLS

/* GET /complaints?status=&case_id= (@case_id 0: any) */
void         scc_api_client_list_complaints_async   (SccApiClient        *self,
                                                     const char          *status,
                                                     gint64               case_id,
                                                     const char          *cursor,
                                                     guint                limit,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Returns: (transfer full) (element-type ScComplaint): or NULL */
GPtrArray   *scc_api_client_list_complaints_finish  (SccApiClient        *self,
                                                     GAsyncResult        *result,
                                                     char               **next_cursor,
                                                     GError             **error);

/* POST /complaints: @complaint's case (0: the service), reference,
 * received_on (its first stage's), stage, category, complainant, channel */
void         scc_api_client_create_complaint_async  (SccApiClient        *self,
                                                     const ScComplaint   *complaint,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ScComplaint *scc_api_client_create_complaint_finish (SccApiClient        *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* PUT /complaints/{id}: @complaint as it is to be, at its version */
void         scc_api_client_put_complaint_async     (SccApiClient        *self,
                                                     const ScComplaint   *complaint,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ScComplaint *scc_api_client_put_complaint_finish    (SccApiClient        *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* GET /cases?q=: the cases of the child @query finds (a name's start, a
 * UPN, a date of birth), at most @limit: to find a complaint's case */
void         scc_api_client_find_cases_async        (SccApiClient        *self,
                                                     const char          *query,
                                                     guint                limit,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Returns: (transfer full) (element-type ScCase): or NULL */
GPtrArray   *scc_api_client_find_cases_finish       (SccApiClient        *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
