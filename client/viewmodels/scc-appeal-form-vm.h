/* scc-appeal-form-vm.h
 *
 * SccAppealFormVm: the tribunal appeals of the team, or of one case, and
 * the form that records an appeal's next steps (an SccRecordFormVm of
 * ScAppeal): the day the response was sent, the evidence deadline and
 * the hearing the tribunal set, the representatives, the outcome and the
 * day of the decision, a new order of the tribunal (what and when), and
 * notes. The change is checked before anything is sent by the daemon's
 * own rules (sc_appeal_change_read), each refusal beside its field; what
 * is recorded stays as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-appeal.h"

#include "scc-record-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_APPEAL_FORM_VM (scc_appeal_form_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccAppealFormVm, scc_appeal_form_vm, SCC, APPEAL_FORM_VM, SccRecordFormVm)

SccAppealFormVm *scc_appeal_form_vm_new        (SccApiClient    *api_client);

/* The change the form holds, as the appeal would be after it; NULL with
 * the fields' errors set when it breaks a rule */
ScAppeal        *scc_appeal_form_vm_dup_change (SccAppealFormVm *self);

G_END_DECLS
