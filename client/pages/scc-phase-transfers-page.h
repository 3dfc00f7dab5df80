/* scc-phase-transfers-page.h
 *
 * SccPhaseTransfersPage ("phase-transfers"): Phase Transfers, every child
 * with a plan who moves to the next phase of education in the coming
 * September, the earliest deadline first (15 February, then 31 March),
 * with where their review stands. A caseworker starts on their own cases;
 * a team manager and an admin officer on the team's (Whose). Enter on a
 * row opens the case, where the phase transfer and the amended plan are
 * recorded; Back from it returns here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-list-page.h"
#include "scc-review-list-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_PHASE_TRANSFERS_PAGE (scc_phase_transfers_page_get_type ())

G_DECLARE_FINAL_TYPE (SccPhaseTransfersPage, scc_phase_transfers_page, SCC, PHASE_TRANSFERS_PAGE, SccListPage)

SccPhaseTransferListVm *scc_phase_transfers_page_get_view_model (SccPhaseTransfersPage *self);

G_END_DECLS
