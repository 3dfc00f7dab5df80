/* scc-caseload-page.h
 *
 * SccCaseloadPage ("caseload"): My Caseload, the caseworker's list of their
 * cases by next deadline, the earliest (the most overdue) first. Above the
 * list, the counts (open cases, overdue, due within 7 days, from
 * GET /caseload/counts), the search (Ctrl+F: a name's start, UPN, NHS
 * number or date of birth, as typed), and the Stage and Show (all, overdue,
 * due within 7 days) filters. Enter on a row opens the case on the Case
 * page; New Case… (Ctrl+N) opens a case (SccNewCaseDialog). A caseworker's
 * session begins here (scc_places_first_page).
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

G_END_DECLS
