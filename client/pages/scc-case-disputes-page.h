/* scc-case-disputes-page.h
 *
 * SccCaseDisputesPage: a case's Disputes, every complaint, mediation and
 * tribunal appeal about it, open and closed, by next deadline (an
 * SccListPage of SccDisputeListVm on the case); Enter opens the one
 * chosen on its own page with its timeline. Complaints (Alt+T), Appeals
 * (Alt+A) and Mediation (Alt+I) open the case's page of each kind, where
 * a new one is logged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-dispute-list-vm.h"
#include "scc-list-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_CASE_DISPUTES_PAGE (scc_case_disputes_page_get_type ())

G_DECLARE_FINAL_TYPE (SccCaseDisputesPage, scc_case_disputes_page, SCC, CASE_DISPUTES_PAGE, SccListPage)

/* Opens the page on @case_id's disputes from the page @from is on; @child
 * names the child in its title */
void              scc_case_disputes_page_open           (GtkWidget           *from,
                                                         gint64               case_id,
                                                         const char          *child);
SccDisputeListVm *scc_case_disputes_page_get_view_model (SccCaseDisputesPage *self);

G_END_DECLS
