/* scc-record-event-vm.h
 *
 * SccRecordEventVm: the Record an Event form of the Case page, on the form
 * base. Given a case's events (scc_record_event_vm_set_case), it builds the
 * case's ScCaseHistory and offers only the steps legal today
 * (sc_case_next_steps), each with what it means and the deadlines it
 * would start. The fields, by the API's names: "type" (set by choosing a
 * step), "date" (YYYY-MM-DD, today by default), "key" (who or what the
 * event is about, where its type needs one the step does not already
 * name) and "note". A refusal (422) lands beside the field it names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-case.h"
#include "sc-case-rules.h"

#include "scc-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_RECORD_EVENT_VM (scc_record_event_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccRecordEventVm, scc_record_event_vm, SCC, RECORD_EVENT_VM, SccFormVm)

SccRecordEventVm *scc_record_event_vm_new            (SccApiClient     *api_client);
/* @events: (element-type ScCaseEvent): every event, in recording order */
void              scc_record_event_vm_set_case       (SccRecordEventVm *self,
                                                      ScCase           *kase,
                                                      GPtrArray        *events,
                                                      ScDay             today);
/* (element-type ScCaseStep) (transfer none) */
GPtrArray        *scc_record_event_vm_get_steps      (SccRecordEventVm *self);
/* The chosen step's index, or -1 */
int               scc_record_event_vm_get_step       (SccRecordEventVm *self);
void              scc_record_event_vm_set_step       (SccRecordEventVm *self,
                                                      int               index);
/* Whether the chosen step needs a key typed in. */
gboolean          scc_record_event_vm_get_needs_key  (SccRecordEventVm *self);
/* (nullable): the event the last submission recorded */
ScCaseEvent      *scc_record_event_vm_get_recorded   (SccRecordEventVm *self);

/* "Advice requested" (with the step's key, reason, outcome...) */
char             *scc_case_step_dup_title            (const ScCaseStep *step);
/* The meaning, then what it starts: "… Starts: Advice, due 24 Mar 2026." */
char             *scc_case_step_dup_description      (const ScCaseStep *step);
/* "Advice requested" for an event type */
char             *scc_event_type_dup_title           (ScEventType       type);

G_END_DECLS
