/* scc-advice-page.h
 *
 * SccAdvicePage ("advice"): Advice to Chase, the advice asked for in
 * assessments and not yet received, the earliest due first. By default the
 * overdue requests (past their six weeks) of a caseworker's own cases; a
 * team manager and an admin officer start on the team's. Whose (My Cases, The Team) and Show
 * (Overdue, Every Request Awaited) choose the list. Rows can be selected
 * many at once (Ctrl+click, Shift+arrows, Ctrl+A); Copy Chase List
 * (Ctrl+Shift+C) puts the selected requests, or every one listed when
 * none is selected, on the clipboard as a list for a letter or an email.
 * Enter on a row opens its case; Back from it returns here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-advice-list-vm.h"
#include "scc-list-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_ADVICE_PAGE (scc_advice_page_get_type ())

G_DECLARE_FINAL_TYPE (SccAdvicePage, scc_advice_page, SCC, ADVICE_PAGE, SccListPage)

SccAdviceListVm *scc_advice_page_get_view_model (SccAdvicePage *self);

G_END_DECLS
