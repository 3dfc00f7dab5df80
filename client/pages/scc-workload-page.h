/* scc-workload-page.h
 *
 * SccWorkloadPage ("workload"): Team Workload, a team manager's view of the
 * team: every active caseworker and team manager with their open cases,
 * how many are overdue (in words too) and how many are due within 7 days,
 * by name; every column sorts. Enter on a row opens that person's caseload
 * (the Caseload page with them as its owner); Hand Over Caseload…
 * (Ctrl+Shift+H) moves the whole caseload of the selected person to
 * someone else with a note (SccHandoverDialog).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-list-page.h"
#include "scc-workload-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_WORKLOAD_PAGE (scc_workload_page_get_type ())

G_DECLARE_FINAL_TYPE (SccWorkloadPage, scc_workload_page, SCC, WORKLOAD_PAGE, SccListPage)

SccWorkloadVm  *scc_workload_page_get_view_model (SccWorkloadPage *self);
/* The row selected in the list, or NULL. (transfer none) */
SccWorkloadRow *scc_workload_page_get_selected   (SccWorkloadPage *self);
/* The dialog open on the page, or NULL. */

G_END_DECLS
