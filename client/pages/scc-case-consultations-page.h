/* scc-case-consultations-page.h
 *
 * SccCaseConsultationsPage ("case-consultations"): the consultations of
 * one case, opened from the case (Consultations, Alt+O). Consult finds a
 * school or college in the directory as it is typed (Enter takes the
 * first found; Tab and the arrows reach the others), with the day sent
 * and the family's preference (Send). Record the Answer chooses a
 * consultation and records its answer's day, what it said, the funding
 * asked, a new offer of the negotiation and what was agreed (Save,
 * Ctrl+S); Chased Today records a reminder, Withdraw stops its clock.
 * Below, each with its 15 days, its answer, its offers and what is
 * missing. An admin officer reads them only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-records-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_CASE_CONSULTATIONS_PAGE (scc_case_consultations_page_get_type ())

G_DECLARE_FINAL_TYPE (SccCaseConsultationsPage, scc_case_consultations_page, SCC, CASE_CONSULTATIONS_PAGE,
                      SccRecordsPage)

/* Opens the page of @case_id's consultations from the page @from is on;
 * @child (nullable) names the child in its title. */
void scc_case_consultations_page_open (GtkWidget  *from,
                                       gint64      case_id,
                                       const char *child);

G_END_DECLS
