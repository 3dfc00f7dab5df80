/* scc-complaints-page.h
 *
 * SccComplaintsPage: the complaints of the team (from home) or of one
 * case (from its page), each with its stages, deadlines and the
 * Ombudsman's part; for admin officers and team managers the form that
 * logs a complaint, finding its child's case as the name is typed, and
 * the form that records the next step of the one chosen. An
 * SccRecordsPage of ScComplaint.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-complaint-log-vm.h"
#include "scc-records-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_COMPLAINTS_PAGE (scc_complaints_page_get_type ())

G_DECLARE_FINAL_TYPE (SccComplaintsPage, scc_complaints_page, SCC, COMPLAINTS_PAGE, SccRecordsPage)

/* Opens the page on @case_id's complaints (SCC_RECORDS_OF_TEAM: the
 * team's); @child (nullable) names the child in its title */
void               scc_complaints_page_open            (GtkWidget         *from,
                                                        gint64             case_id,
                                                        const char        *child);
SccComplaintLogVm *scc_complaints_page_get_log_view_model (SccComplaintsPage *self);

G_END_DECLS
