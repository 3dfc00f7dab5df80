/* scc-api-client-disputes.h
 *
 * The dispute calls of SccApiClient: the team's complaints, tribunal
 * appeals and mediations, starting one and recording its next steps at its
 * version, finding the case one is about, and the team's open disputes
 * and the year's counts of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-appeal.h"
#include "sc-case.h"
#include "sc-complaint.h"
#include "sc-dispute.h"
#include "sc-mediation.h"
#include "scc-api-client.h"

G_BEGIN_DECLS

/* GET /complaints?status=&case_id= (@case_id 0: any; @limit 0: every
 * page, one after another, as one list) */
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

/* GET /appeals?status=&case_id= (@case_id 0: any; @limit 0: every page) */
void         scc_api_client_list_appeals_async      (SccApiClient        *self,
                                                     const char          *status,
                                                     gint64               case_id,
                                                     const char          *cursor,
                                                     guint                limit,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Returns: (transfer full) (element-type ScAppeal): or NULL */
GPtrArray   *scc_api_client_list_appeals_finish     (SccApiClient        *self,
                                                     GAsyncResult        *result,
                                                     char               **next_cursor,
                                                     GError             **error);

/* POST /appeals: @appeal's case, reference, appeal_type, registered_on,
 * representatives */
void         scc_api_client_create_appeal_async     (SccApiClient        *self,
                                                     const ScAppeal      *appeal,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ScAppeal    *scc_api_client_create_appeal_finish    (SccApiClient        *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* PUT /appeals/{id}: @appeal as it is to be, at its version */
void         scc_api_client_put_appeal_async        (SccApiClient        *self,
                                                     const ScAppeal      *appeal,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ScAppeal    *scc_api_client_put_appeal_finish       (SccApiClient        *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* GET /mediations?status=&case_id= (@case_id 0: any; @limit 0: every page) */
void         scc_api_client_list_mediations_async   (SccApiClient        *self,
                                                     const char          *status,
                                                     gint64               case_id,
                                                     const char          *cursor,
                                                     guint                limit,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Returns: (transfer full) (element-type ScMediation): or NULL */
GPtrArray   *scc_api_client_list_mediations_finish  (SccApiClient        *self,
                                                     GAsyncResult        *result,
                                                     char               **next_cursor,
                                                     GError             **error);

/* POST /mediations: @mediation's case, advice_requested_on, provider, notes */
void         scc_api_client_create_mediation_async  (SccApiClient        *self,
                                                     const ScMediation   *mediation,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ScMediation *scc_api_client_create_mediation_finish (SccApiClient        *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* PUT /mediations/{id}: @mediation as it is to be, at its version */
void         scc_api_client_put_mediation_async     (SccApiClient        *self,
                                                     const ScMediation   *mediation,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ScMediation *scc_api_client_put_mediation_finish    (SccApiClient        *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* GET /complaints/{id}, /appeals/{id}, /mediations/{id}: one as it is */
void         scc_api_client_get_complaint_async     (SccApiClient        *self,
                                                     gint64               id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ScComplaint *scc_api_client_get_complaint_finish    (SccApiClient        *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void         scc_api_client_get_appeal_async        (SccApiClient        *self,
                                                     gint64               id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ScAppeal    *scc_api_client_get_appeal_finish       (SccApiClient        *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void         scc_api_client_get_mediation_async     (SccApiClient        *self,
                                                     gint64               id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ScMediation *scc_api_client_get_mediation_finish    (SccApiClient        *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* GET /disputes?status=&case_id=: the complaints, mediations and appeals
 * by next due (@status NULL: the open ones; "all"; @case_id 0: of every
 * case, and the service's) */
void         scc_api_client_list_disputes_async     (SccApiClient        *self,
                                                     const char          *status,
                                                     gint64               case_id,
                                                     const char          *cursor,
                                                     guint                limit,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Returns: (transfer full) (element-type ScDispute): or NULL */
GPtrArray   *scc_api_client_list_disputes_finish    (SccApiClient        *self,
                                                     GAsyncResult        *result,
                                                     char               **next_cursor,
                                                     GError             **error);

/* GET /disputes/counts?year= */
void         scc_api_client_count_disputes_async    (SccApiClient        *self,
                                                     int                  year,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Returns: (transfer full) (element-type ScDisputeCount): or NULL */
GPtrArray   *scc_api_client_count_disputes_finish   (SccApiClient        *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* GET /cases?q=: the cases of the child @query finds (a name's start, a
 * UPN, a date of birth), at most @limit: to find a dispute's case */
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
