/* scc-caseload-page.h
 *
 * SccCaseloadPage ("caseload"): My Caseload, the caseworker's list of their
 * cases by next deadline, the earliest (the most overdue) first. Above the
 * list, the counts (cases, overdue, due within 7 days, counted by the
 * server with the caseload's status filters) and the Show filter (all,
 * overdue, due within 7 days). Enter on a row opens the case on the Case
 * page; New Case… (Ctrl+N) opens a case (SccNewCaseDialog). The caseload route has no text search, so the page has none;
 * Ctrl+F goes to the Show filter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-caseload-vm.h"
#include "scc-list-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_CASELOAD_PAGE (scc_caseload_page_get_type ())

G_DECLARE_FINAL_TYPE (SccCaseloadPage, scc_caseload_page, SCC, CASELOAD_PAGE, SccListPage)

SccCaseloadVm *scc_caseload_page_get_view_model (SccCaseloadPage *self);

G_END_DECLS
