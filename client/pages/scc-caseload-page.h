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
 * For a team manager the page also shows any caseworker's caseload
 * (scc_caseload_page_open, from Team Workload; the title names them), and
 * its rows can be selected many at once (Ctrl+click, Shift+click,
 * Shift+arrows, Ctrl+A) and reassigned to another owner with a note
 * (Reassign…, Ctrl+Shift+R: SccHandoverDialog with the cases' ids).
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

/* A team manager's: @owner_id's caseload, opened from @from's page. */
void           scc_caseload_page_open           (GtkWidget       *from,
                                                 gint64           owner_id,
                                                 const char      *owner_name);
const char    *scc_caseload_page_get_owner_name (SccCaseloadPage *self);
GtkWindow     *scc_caseload_page_get_dialog     (SccCaseloadPage *self);

G_END_DECLS
