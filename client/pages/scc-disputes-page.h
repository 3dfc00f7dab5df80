/* scc-disputes-page.h
 *
 * SccDisputesPage: Open Disputes, every open complaint, mediation and
 * tribunal appeal the user may see by next deadline (an SccListPage of
 * SccDisputeListVm); Enter opens the one chosen on its own page, with
 * its timeline (SccDisputePage). Beside it, for team managers and admin
 * officers, the counts of a year's disputes, copied as CSV with
 * Ctrl+Shift+C.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-dispute-list-vm.h"
#include "scc-list-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_DISPUTES_PAGE (scc_disputes_page_get_type ())

G_DECLARE_FINAL_TYPE (SccDisputesPage, scc_disputes_page, SCC, DISPUTES_PAGE, SccListPage)

SccDisputeListVm *scc_disputes_page_get_view_model (SccDisputesPage *self);

G_END_DECLS
