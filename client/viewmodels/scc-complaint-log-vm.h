/* scc-complaint-log-vm.h
 *
 * SccComplaintLogVm: the form an admin officer or team manager logs a
 * complaint with: the child or case it is about (typed: a name's start
 * finds the child's cases as you type, "matches", and one is chosen; a
 * case number is that case; empty is a complaint about the service), its
 * reference, the day it came (today unless changed), its stage, category,
 * complainant and channel. Checked before anything is sent; the server's
 * field errors land on the fields, a reference used already among them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-complaint.h"

#include "scc-case-finder.h"
#include "scc-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_COMPLAINT_LOG_VM (scc_complaint_log_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccComplaintLogVm, scc_complaint_log_vm, SCC, COMPLAINT_LOG_VM, SccFormVm)

SccComplaintLogVm *scc_complaint_log_vm_new         (SccApiClient      *api_client);
/* (transfer none): what finds the case it is about */
SccCaseFinder     *scc_complaint_log_vm_get_finder  (SccComplaintLogVm *self);
/* (transfer none): the complaint logged last, or NULL */
const ScComplaint *scc_complaint_log_vm_get_logged  (SccComplaintLogVm *self);

G_END_DECLS
