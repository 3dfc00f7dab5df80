/* scc-api-client-plans.h
 *
 * The plan calls of SccApiClient: a case's draft plan (every section with
 * its version, and the quality warnings), a section's change (If-Match the
 * version read, If-None-Match: * for a section never written), issuing a
 * version, the issued versions, the difference of two and a version's PDF.
 * Sections, warnings and versions are decoded with the models' one codec
 * (sc-plan.h, sc-plan-version.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-case-event.h"
#include "sc-plan-version.h"

#include "scc-api-client.h"

G_BEGIN_DECLS

/* The draft as read: both arrays owned */
typedef struct
{
  GPtrArray *sections;   /* of ScPlanSection, SC_N_PLAN_SECTIONS in order */
  GPtrArray *warnings;   /* of ScPlanWarning */
  GPtrArray *advice;     /* of ScPlanAdvice: the case's advice requests, for section K */
} SccPlanDraft;

void           scc_plan_draft_free                   (SccPlanDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SccPlanDraft, scc_plan_draft_free)

void           scc_api_client_get_plan_async         (SccApiClient        *self,
                                                      gint64               case_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
SccPlanDraft  *scc_api_client_get_plan_finish        (SccApiClient        *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* @content: the section's content as JSON text; @version: the version it
 * was read at, 0 for a section never written. PRECONDITION_FAILED when
 * someone else changed it since. */
void           scc_api_client_put_plan_section_async (SccApiClient        *self,
                                                      gint64               case_id,
                                                      ScPlanSectionId      section,
                                                      const char          *content,
                                                      gint64               version,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
ScPlanSection *scc_api_client_put_plan_section_finish (SccApiClient       *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* POST .../plan/versions: the draft issued as a version of @kind on @date
 * ("YYYY-MM-DD"); @idempotency_key made once per user action. */
void           scc_api_client_issue_plan_async       (SccApiClient        *self,
                                                      gint64               case_id,
                                                      ScPlanVersionKind    kind,
                                                      const char          *date,
                                                      const char          *idempotency_key,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
ScCaseEvent   *scc_api_client_issue_plan_finish      (SccApiClient        *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* The issued versions, without their sections. Returns ScPlanVersion. */
void           scc_api_client_list_plan_versions_async  (SccApiClient        *self,
                                                         gint64               case_id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GPtrArray     *scc_api_client_list_plan_versions_finish (SccApiClient        *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

/* What changed from version @from to @to, in words: one line a section
 * changed, then one a row added, removed or changed (sc_plan_diff_to_lines). */
void           scc_api_client_diff_plan_versions_async  (SccApiClient        *self,
                                                         gint64               case_id,
                                                         gint64               from,
                                                         gint64               to,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
/* Returns: (transfer full) (element-type utf8) */
GPtrArray     *scc_api_client_diff_plan_versions_finish (SccApiClient        *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

/* The version as PDF */
void           scc_api_client_get_plan_pdf_async     (SccApiClient        *self,
                                                      gint64               case_id,
                                                      gint64               number,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GBytes        *scc_api_client_get_plan_pdf_finish    (SccApiClient        *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
