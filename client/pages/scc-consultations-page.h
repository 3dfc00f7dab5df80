/* scc-consultations-page.h
 *
 * SccConsultationsPage ("consultations"): Consultations to Chase, the
 * schools and colleges asked whether they can meet a child's needs that
 * have not yet answered, the earliest due first. By default the overdue
 * ones of a caseworker's own cases; a team manager and an admin officer
 * start on the team's. Whose and Show choose the list. Chased Today
 * (Ctrl+Shift+M) records a reminder sent today for each row selected;
 * Copy as CSV (Ctrl+Shift+C) copies the rows selected, or the whole list,
 * to paste into a spreadsheet. Enter on a row opens the case's
 * consultations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-consultation-list-vm.h"
#include "scc-list-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_CONSULTATIONS_PAGE (scc_consultations_page_get_type ())

G_DECLARE_FINAL_TYPE (SccConsultationsPage, scc_consultations_page, SCC, CONSULTATIONS_PAGE, SccListPage)

SccConsultationListVm *scc_consultations_page_get_view_model (SccConsultationsPage *self);

G_END_DECLS
