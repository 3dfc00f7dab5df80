/* scc-mediations-page.h
 *
 * SccMediationsPage: the mediations of the team (from home) or of one
 * case (from its page), each with its deadlines (the mediation, the
 * certificate) and its agreements; for admin officers and team managers
 * the form that records a family's request for mediation advice, finding
 * its child's case as the name is typed, and the form that records the
 * next step of the one chosen. An SccRecordsPage of ScMediation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-record-log-vm.h"
#include "scc-records-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_MEDIATIONS_PAGE (scc_mediations_page_get_type ())

G_DECLARE_FINAL_TYPE (SccMediationsPage, scc_mediations_page, SCC, MEDIATIONS_PAGE, SccRecordsPage)

/* Opens the page on @case_id's mediations (SCC_RECORDS_OF_TEAM: the
 * team's); @child (nullable) names the child in its title */
void            scc_mediations_page_open               (GtkWidget         *from,
                                                        gint64             case_id,
                                                        const char        *child);
SccRecordLogVm *scc_mediations_page_get_log_view_model (SccMediationsPage *self);

G_END_DECLS
