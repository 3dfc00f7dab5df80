/* scc-person-list-vm.h
 *
 * SccPersonListVm: the people found by a search (GET /api/v1/people?q=) as
 * an SccListVm of ScPerson. The search is the list's query (scc_list_vm_
 * set_query, set_query_typed): a name's start (any case, any accents), a
 * UPN, an NHS number (spaces allowed) or a date of birth (YYYY-MM-DD);
 * empty for everyone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-list-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_PERSON_LIST_VM (scc_person_list_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccPersonListVm, scc_person_list_vm, SCC, PERSON_LIST_VM, SccListVm)

SccPersonListVm *scc_person_list_vm_new (SccApiClient *api_client);

G_END_DECLS
