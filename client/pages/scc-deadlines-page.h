/* scc-deadlines-page.h
 *
 * SccDeadlinesPage ("deadlines"): Team Deadlines, a team manager's list of
 * every open case of the team by its next statutory deadline, the most
 * overdue first, with its owner (GET /api/v1/deadlines). Above the list,
 * the team's counts, the search (Ctrl+F: a name's start, UPN, NHS number
 * or date of birth) and the Stage and Show (all, overdue, due within 7
 * days) filters, as on My Caseload. Enter on a row opens the case; Back
 * from it returns here. Reassign… (Ctrl+Shift+R) gives the selected cases
 * (Shift+arrows, Ctrl+A), all of one owner, to another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-caseload-vm.h"
#include "scc-list-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_DEADLINES_PAGE (scc_deadlines_page_get_type ())

G_DECLARE_FINAL_TYPE (SccDeadlinesPage, scc_deadlines_page, SCC, DEADLINES_PAGE, SccListPage)

SccCaseloadVm *scc_deadlines_page_get_view_model (SccDeadlinesPage *self);

G_END_DECLS
