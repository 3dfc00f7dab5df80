/* scc-person-list-vm.h
 *
 * SccPersonListVm: the people found by a search (GET /api/v1/people?q=) as
 * an SccListVm of ScPerson. The search, q, is what the user typed: a name's
 * start (any case, any accents), a UPN, an NHS number (spaces allowed) or
 * a date of birth (YYYY-MM-DD); empty for everyone.
 *
 * set_q reloads at once; set_q_typed waits until the typing has paused
 * (SCC_PERSON_LIST_VM_DEBOUNCE_MS) and reloads once, for a search entry
 * that searches as the user types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-list-vm.h"

G_BEGIN_DECLS

#define SCC_PERSON_LIST_VM_DEBOUNCE_MS 300

#define SCC_TYPE_PERSON_LIST_VM (scc_person_list_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccPersonListVm, scc_person_list_vm, SCC, PERSON_LIST_VM, SccListVm)

SccPersonListVm *scc_person_list_vm_new         (SccApiClient    *api_client);
/* (nullable): NULL or "" for everyone */
const char      *scc_person_list_vm_get_q       (SccPersonListVm *self);
void             scc_person_list_vm_set_q       (SccPersonListVm *self,
                                                 const char      *q);
void             scc_person_list_vm_set_q_typed (SccPersonListVm *self,
                                                 const char      *q);
/* TRUE while a typed search waits for the typing to pause. */
gboolean         scc_person_list_vm_get_pending (SccPersonListVm *self);

G_END_DECLS
