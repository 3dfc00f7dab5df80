/* scc-proceeding-form-vm.h
 *
 * SccProceedingFormVm: a case's amendments, reassessments, ceasings and
 * transfers in, and the form that records on one of them (an
 * SccRecordFormVm of ScProceeding): a date, a party, a ceasing's ground
 * and notes, read by its kind (sc-proceeding.h). The date is checked
 * before anything is sent, and a ground is a ceasing's only; the server's
 * field errors land on the fields. The steps themselves are the case's
 * events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-proceeding.h"

#include "scc-record-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_PROCEEDING_FORM_VM (scc_proceeding_form_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccProceedingFormVm, scc_proceeding_form_vm, SCC, PROCEEDING_FORM_VM, SccRecordFormVm)

SccProceedingFormVm *scc_proceeding_form_vm_new (SccApiClient *api_client);

G_END_DECLS
