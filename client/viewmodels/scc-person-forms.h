/* scc-person-forms.h
 *
 * SccPersonFormVm: the form of the person dialog, recording a new person
 * (POST /api/v1/people) or changing one (PATCH /api/v1/people/{id} with
 * If-Match, only the members changed). Its fields are named as the API
 * names the members, so the server's field errors land beside them:
 *
 *   given_name family_name preferred_name date_of_birth sex upn uln
 *   nhs_number address.lines[0..2] address.town address.postcode
 *   languages (comma-separated), and a group "contacts" (SccFormVm's
 *   repeated groups) of up to SC_PERSON_MAX_CONTACTS elements, each
 *   contacts[N].name .relationship .phone .email .preferred_contact
 *   .parental_responsibility ("true" or "false")
 *
 * Contact N of the form is contacts[N] of the request, every one sent as
 * it is (an empty one is refused beside its name), so an error the server
 * names "contacts[1].phone" is shown on the second contact's phone. A new
 * person starts with no contacts; a person read has all of theirs, and a
 * change sends the whole list when any contact differs, removed ones left
 * out (a change replaces the list).
 *
 * Before anything is sent the input goes through sc_person_check_input,
 * the daemon's own rules, so the form refuses what the server would, in
 * the same words, beside the same fields.
 *
 *   new     --201--> created kept, ::succeeded
 *           --409, names and date of birth--> duplicate: the person
 *                    already recorded (read with GET), and
 *                    duplicate-message, "Ann O'Brien, born 1 April 2016,
 *                    is already recorded."; confirm_different sends again
 *                    with confirm_different_person
 *           --409, an identifier--> the error beside that field
 *   edit    --nothing changed--> a notice, nothing sent
 *           --200--> the answer's person edited from now
 *           --412--> the person read again, the fields refilled, a notice
 *
 * The formats the People page and the dialog share are here too.
 * No widgets (tests/client/test-person-list-vm.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-person.h"

#include "scc-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_PERSON_FORM_VM (scc_person_form_vm_get_type ())
G_DECLARE_FINAL_TYPE (SccPersonFormVm, scc_person_form_vm, SCC, PERSON_FORM_VM, SccFormVm)

SccPersonFormVm *scc_person_form_vm_new                  (SccApiClient    *api_client);
/* Returns: (transfer none) (nullable): the person edited, NULL for a new one */
ScPerson        *scc_person_form_vm_get_person           (SccPersonFormVm *self);
/* Fills the fields from @person and edits them from now on (NULL: new). */
void             scc_person_form_vm_set_person           (SccPersonFormVm *self,
                                                          ScPerson        *person);
/* Returns: (transfer none) (nullable): the person the last create recorded */
ScPerson        *scc_person_form_vm_get_created          (SccPersonFormVm *self);
/* Returns: (transfer none) (nullable): who the last create seemed to duplicate */
ScPerson        *scc_person_form_vm_get_duplicate        (SccPersonFormVm *self);
const char      *scc_person_form_vm_get_duplicate_message (SccPersonFormVm *self);
/* "This is a different person": sends the same input again, confirmed. */
gboolean         scc_person_form_vm_confirm_different    (SccPersonFormVm *self);

/* "O'Brien, Zoë (Zo)": family, given, the preferred name in brackets */
char            *scc_person_format_list_name             (ScPerson        *person);
/* "2016-04-01" -> "1 April 2016"; anything else as it is */
char            *scc_person_format_date                  (const char      *date);
/* Whole years on @today (NULL: today), "" for a date not understood */
char            *scc_person_format_age                   (const char      *date_of_birth,
                                                          const GDate     *today);
/* "9434765919" -> "943 476 5919"; anything else as it is */
char            *scc_person_format_nhs_number            (const char      *nhs_number);

G_END_DECLS
