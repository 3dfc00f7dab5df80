/* scc-appeal-log-vm.h
 *
 * SccAppealLogVm: the form an admin officer or team manager registers a
 * tribunal appeal with: the case it is about (an SccCaseFinder's field),
 * the tribunal's reference, the appeal's type, the day the tribunal
 * registered it (today unless changed) and the representatives. Checked
 * before anything is sent by the daemon's own rules (sc_appeal_create_read),
 * each refusal beside its field; the server's, a reference used already
 * among them, land there too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-appeal.h"

#include "scc-case-finder.h"
#include "scc-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_APPEAL_LOG_VM (scc_appeal_log_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccAppealLogVm, scc_appeal_log_vm, SCC, APPEAL_LOG_VM, SccFormVm)

SccAppealLogVm *scc_appeal_log_vm_new        (SccApiClient   *api_client);
/* (transfer none): what finds the case it is about */
SccCaseFinder  *scc_appeal_log_vm_get_finder (SccAppealLogVm *self);
/* (transfer none): the appeal registered last, or NULL */
const ScAppeal *scc_appeal_log_vm_get_logged (SccAppealLogVm *self);

G_END_DECLS
