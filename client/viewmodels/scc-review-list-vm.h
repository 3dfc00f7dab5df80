/* scc-review-list-vm.h
 *
 * SccReviewListVm: the annual reviews not yet held that are due within
 * eight weeks or overdue (GET /api/v1/reviews) as an SccChaseListVm of
 * SccReviewRow, the earliest due first: by default only the overdue ones,
 * or every one due soon; the user's own cases ("me", the default) or the
 * team's.
 *
 * SccReviewRow is one review as a row shows it: the child, which review
 * of the plan it is, when it is due, the days left ("Overdue by 9 days",
 * in words, not only in colour), whether the invitations have gone (at
 * least two weeks before the meeting) and the case's owner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-phase-transfer.h"
#include "sc-review.h"

#include "scc-chase-list-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_REVIEW_ROW (scc_review_row_get_type ())

G_DECLARE_FINAL_TYPE (SccReviewRow, scc_review_row, SCC, REVIEW_ROW, GObject)

SccReviewRow *scc_review_row_new            (const ScReview *review,
                                             ScDay           today);
gint64        scc_review_row_get_case_id    (SccReviewRow   *self);
const char   *scc_review_row_get_child_name (SccReviewRow   *self);
const char   *scc_review_row_get_days_left  (SccReviewRow   *self);
const char   *scc_review_row_get_invitations (SccReviewRow  *self);
gboolean      scc_review_row_get_overdue    (SccReviewRow   *self);
/* The cell of the due column: "2 Feb 2026". */
char         *scc_review_row_format_due     (gpointer        row);

#define SCC_TYPE_REVIEW_LIST_VM (scc_review_list_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccReviewListVm, scc_review_list_vm, SCC, REVIEW_LIST_VM, SccChaseListVm)

SccReviewListVm *scc_review_list_vm_new (SccApiClient *api_client);

/* SccPhaseTransferRow: a child moving phase as a row shows it: the child,
 * the date of birth, the move in words, the plan's deadline (15 February
 * or 31 March), where its review stands in words and the case's owner. */
#define SCC_TYPE_PHASE_TRANSFER_ROW (scc_phase_transfer_row_get_type ())

G_DECLARE_FINAL_TYPE (SccPhaseTransferRow, scc_phase_transfer_row, SCC, PHASE_TRANSFER_ROW, GObject)

SccPhaseTransferRow *scc_phase_transfer_row_new          (const ScPhaseTransfer *transfer,
                                                          ScDay                  today);
gint64               scc_phase_transfer_row_get_case_id  (SccPhaseTransferRow   *self);
const char          *scc_phase_transfer_row_get_child_name (SccPhaseTransferRow *self);
const char          *scc_phase_transfer_row_get_move     (SccPhaseTransferRow   *self);
const char          *scc_phase_transfer_row_get_state    (SccPhaseTransferRow   *self);
char                *scc_phase_transfer_row_format_due   (gpointer               row);

/* SccPhaseTransferListVm: the children moving phase in the coming
 * transfer year (GET /api/v1/phase-transfers), the earliest deadline
 * first; the user's own cases or the team's (its overdue-only filter is
 * not used: every child moving is listed). */
#define SCC_TYPE_PHASE_TRANSFER_LIST_VM (scc_phase_transfer_list_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccPhaseTransferListVm, scc_phase_transfer_list_vm, SCC, PHASE_TRANSFER_LIST_VM,
                      SccChaseListVm)

SccPhaseTransferListVm *scc_phase_transfer_list_vm_new (SccApiClient *api_client);

G_END_DECLS
