/* scc-case-forms.h
 *
 * SccNewCaseVm: the New Case form, opening a case (POST /api/v1/cases)
 * for a child or young person already on record. Its fields are named as
 * the API names the members, so the server's field errors land beside
 * them:
 *
 *   person_id         set by choosing a person (scc_new_case_vm_set_person)
 *   request_received  YYYY-MM-DD, today by default; not in the future
 *   request_source    parent, setting, health, social_care or other
 *   owner_id          kept, in no row: the owner a team manager names
 *
 * Before anything is sent the date and source go through the daemon's own
 * rules (sc_case_check_event on an empty case, sc_case_check_request_source),
 * so the form refuses what the server would, in the same words. A team
 * manager names the case's owner (owner-id: the dialog sets the manager
 * themselves); a caseworker owns what they open and sends none.
 *
 *   submit --201--> created kept, ::succeeded
 *          --422--> each error beside its field; one on owner_id, which
 *                   no row shows, in error-message
 *          --409, other refusals--> error-message, with the server's words
 *
 * The Idempotency-Key is the form base's: kept while the input is
 * unchanged, so Retry after a lost answer cannot open two cases.
 * No widgets (tests/client/test-new-case.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-calendar.h"
#include "sc-case.h"
#include "sc-person.h"

#include "scc-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_NEW_CASE_VM (scc_new_case_vm_get_type ())
G_DECLARE_FINAL_TYPE (SccNewCaseVm, scc_new_case_vm, SCC, NEW_CASE_VM, SccFormVm)

/* The request sources in the API's order, and what a person reads. */
extern const char * const scc_request_source_titles[];

SccNewCaseVm *scc_new_case_vm_new         (SccApiClient *api_client);
/* Returns: (transfer none) (nullable): the person the case is for */
ScPerson     *scc_new_case_vm_get_person  (SccNewCaseVm *self);
/* @person: (nullable): sets person_id too */
void          scc_new_case_vm_set_person  (SccNewCaseVm *self,
                                           ScPerson     *person);
/* 0: none sent (a caseworker owns what they open) */
gint64        scc_new_case_vm_get_owner_id (SccNewCaseVm *self);
void          scc_new_case_vm_set_owner_id (SccNewCaseVm *self,
                                            gint64        owner_id);
/* The day the date is checked against and defaults to (SC_DAY_NONE: the
 * real today). */
void          scc_new_case_vm_set_today   (SccNewCaseVm *self,
                                           ScDay         today);
/* Returns: (transfer none) (nullable): the case the last submission opened */
ScCase       *scc_new_case_vm_get_created (SccNewCaseVm *self);

G_END_DECLS
