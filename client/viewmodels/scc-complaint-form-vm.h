/* scc-complaint-form-vm.h
 *
 * SccComplaintFormVm: the complaints of the team, or of one case, and the
 * form that records a complaint's next steps (an SccRecordFormVm of
 * ScComplaint): the day its stage was acknowledged, an extension (its
 * day and why), the answer (its day, outcome and remedy), the day stage 2
 * came, and notes. The change is checked before anything is sent by the
 * same rules the daemon keeps (sc_complaint_change_read), so each of its
 * refusals is shown beside its field; what is recorded stays as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-complaint.h"

#include "scc-record-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_COMPLAINT_FORM_VM (scc_complaint_form_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccComplaintFormVm, scc_complaint_form_vm, SCC, COMPLAINT_FORM_VM, SccRecordFormVm)

SccComplaintFormVm *scc_complaint_form_vm_new (SccApiClient *api_client);

/* The change the form holds, as the complaint would be after it; NULL
 * with the fields' errors set when it breaks a rule */
ScComplaint        *scc_complaint_form_vm_dup_change (SccComplaintFormVm *self);

G_END_DECLS
