/* scc-case-proceedings-page.h
 *
 * SccCaseProceedingsPage ("case-proceedings"): the amendments,
 * reassessments, ceasings and transfers in of one case's plan, opened from
 * the case (Amendments, Alt+M). Record chooses one (the latest at first)
 * and records what the clock does not hold, its fields titled by its kind:
 * for an amendment when the comments came, from whom and what they said;
 * for a reassessment who asked and the reasons for the decision; for a
 * ceasing when the decision notice went and to whom, the ground and the
 * reasons; for a transfer in when the plan came and from which authority
 * (Save, Ctrl+S; Reload, Ctrl+R). Below, each with its steps from the
 * clock and what is missing. An admin officer reads them only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-records-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_CASE_PROCEEDINGS_PAGE (scc_case_proceedings_page_get_type ())

G_DECLARE_FINAL_TYPE (SccCaseProceedingsPage, scc_case_proceedings_page, SCC, CASE_PROCEEDINGS_PAGE, SccRecordsPage)

/* Opens the page of @case_id's proceedings from the page @from is on;
 * @child (nullable) names the child in its title. */
void scc_case_proceedings_page_open (GtkWidget  *from,
                                     gint64      case_id,
                                     const char *child);

G_END_DECLS
