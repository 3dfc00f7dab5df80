/* scc-dispute-list-vm.h
 *
 * SccDisputeRow: one complaint, mediation or tribunal appeal as a list of
 * them shows it: its kind in words, the child (or "The service"), its
 * reference, open or closed, and its next deadline. SccDisputeListVm:
 * every open dispute the user may see by next deadline, or every one of a
 * case, a page at a time (GET /api/v1/disputes), and the counts of a year's disputes
 * (GET /api/v1/disputes/counts), loaded on demand into "counts".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-dispute.h"

#include "scc-list-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_DISPUTE_ROW (scc_dispute_row_get_type ())

G_DECLARE_FINAL_TYPE (SccDisputeRow, scc_dispute_row, SCC, DISPUTE_ROW, GObject)

SccDisputeRow    *scc_dispute_row_new          (const ScDispute  *dispute);
/* complaint, mediation, appeal */
const char       *scc_dispute_row_get_kind     (SccDisputeRow    *self);
gint64            scc_dispute_row_get_id       (SccDisputeRow    *self);
/* 0: a complaint about the service */
gint64            scc_dispute_row_get_case_id  (SccDisputeRow    *self);
const char       *scc_dispute_row_get_child    (SccDisputeRow    *self);

#define SCC_TYPE_DISPUTE_LIST_VM (scc_dispute_list_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccDisputeListVm, scc_dispute_list_vm, SCC, DISPUTE_LIST_VM, SccListVm)

SccDisputeListVm *scc_dispute_list_vm_new         (SccApiClient     *api_client);
/* From the next fetch: @case_id's disputes, open and closed (0: the
 * team's open ones, the default) */
void              scc_dispute_list_vm_set_case_id (SccDisputeListVm *self,
                                                   gint64            case_id);
gint64            scc_dispute_list_vm_get_case_id (SccDisputeListVm *self);
/* Reads @year's counts into "counts" (or "counts-error") */
void              scc_dispute_list_vm_load_counts (SccDisputeListVm *self,
                                                   int               year);
/* (transfer none) (element-type ScDisputeCount) (nullable): the counts of
 * "counts-year", or NULL while none are read */
GPtrArray        *scc_dispute_list_vm_get_counts  (SccDisputeListVm *self);
int               scc_dispute_list_vm_get_counts_year (SccDisputeListVm *self);
/* (nullable): why the counts could not be read */
const char       *scc_dispute_list_vm_get_counts_error (SccDisputeListVm *self);
/* (transfer full) (nullable): the counts as CSV (year,kind,measure,count) */
char             *scc_dispute_list_vm_dup_counts_csv (SccDisputeListVm *self);

G_END_DECLS
