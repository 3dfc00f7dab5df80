/* scc-appeals-page.h
 *
 * SccAppealsPage: the tribunal appeals of the team (from home) or of one
 * case (from its page), each with its response due, its dates, outcome
 * and the tribunal's orders with their deadlines as the case's clock has
 * them; for admin officers and team managers the form that registers an
 * appeal, finding its child's case as the name is typed, and the form
 * that records the next step of the one chosen. An SccRecordsPage of
 * ScAppeal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-record-log-vm.h"
#include "scc-records-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_APPEALS_PAGE (scc_appeals_page_get_type ())

G_DECLARE_FINAL_TYPE (SccAppealsPage, scc_appeals_page, SCC, APPEALS_PAGE, SccRecordsPage)

/* Opens the page on @case_id's appeals (SCC_RECORDS_OF_TEAM: the team's);
 * @child (nullable) names the child in its title */
void            scc_appeals_page_open                (GtkWidget      *from,
                                                      gint64          case_id,
                                                      const char     *child);
SccRecordLogVm *scc_appeals_page_get_log_view_model  (SccAppealsPage *self);

G_END_DECLS
