/* scc-case-page.h
 *
 * SccCasePage ("case"): one case, opened from the caseload. At the top,
 * who the case is about (name, age, date of birth, UPN), its stage and
 * owner and its next deadline; then Record an Event (the steps legal today,
 * each with what it means and the deadlines it would start; a date, today
 * by default; a key where the event needs one; a note); then the Timeline,
 * every milestone of the statutory clock with its due date, status and
 * rule, the next open one marked "Next", each explained in its tooltip;
 * then the History, every event with who recorded it and when, and Void… on
 * each live one but the request (a reason is asked for). After an
 * event is recorded, the case, timeline and history are read again and a
 * toast says what was recorded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-api-client-cases.h"
#include "scc-page.h"
#include "scc-record-event-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_CASE_PAGE (scc_case_page_get_type ())

G_DECLARE_FINAL_TYPE (SccCasePage, scc_case_page, SCC, CASE_PAGE, SccPage)

/* Shows the case @case_id on the window's Case page, from any widget in
 * the window. */
void              scc_case_page_open            (GtkWidget   *from,
                                                 gint64       case_id);
void              scc_case_page_set_case_id     (SccCasePage *self,
                                                 gint64       case_id);
gint64            scc_case_page_get_case_id     (SccCasePage *self);
/* (nullable): the case as last read */
ScCase           *scc_case_page_get_case        (SccCasePage *self);
/* (element-type SccTimelineEntry) (nullable) */
GPtrArray        *scc_case_page_get_timeline    (SccCasePage *self);
/* (element-type ScCaseEvent) (nullable) */
GPtrArray        *scc_case_page_get_events      (SccCasePage *self);
gboolean          scc_case_page_get_loading     (SccCasePage *self);
SccRecordEventVm *scc_case_page_get_view_model  (SccCasePage *self);
void              scc_case_page_reload          (SccCasePage *self);
/* Voids an event of the case shown (the Void… button of its history row
 * asks for @reason first); a toast says what came of it. */
void              scc_case_page_void_event      (SccCasePage *self,
                                                 gint64       event_id,
                                                 const char  *reason);

G_END_DECLS
