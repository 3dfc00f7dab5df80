/* scc-mediation-form-vm.h
 *
 * SccMediationFormVm: the mediations of the team, or of one case, and the
 * form that records a mediation's next steps (an SccRecordFormVm of
 * ScMediation): the advice given, the family's request for mediation, the
 * provider, the day it was held, the certificate issued, the outcome, a
 * new agreement (what and by when), the day the first agreement not yet
 * done was done, and notes. The change is checked before anything is sent
 * by the daemon's own rules (sc_mediation_change_read), each refusal
 * beside its field; what is recorded stays as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-mediation.h"

#include "scc-record-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_MEDIATION_FORM_VM (scc_mediation_form_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccMediationFormVm, scc_mediation_form_vm, SCC, MEDIATION_FORM_VM, SccRecordFormVm)

SccMediationFormVm *scc_mediation_form_vm_new        (SccApiClient       *api_client);

/* The change the form holds, as the mediation would be after it; NULL
 * with the fields' errors set when it breaks a rule */
ScMediation        *scc_mediation_form_vm_dup_change (SccMediationFormVm *self);

G_END_DECLS
