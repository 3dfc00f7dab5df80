/* scc-consultation-form-vm.h
 *
 * SccConsultationFormVm: a case's consultations, and the form that
 * records on one of them (an SccRecordFormVm of ScConsultation): the day
 * its answer came, what it said (outcome and reasons), the funding it
 * asked, a new offer of the negotiation (its day, who made it, the band,
 * the amount and a note, added to those recorded), what was agreed, and
 * notes. Dates and amounts of money (pounds, "14,500.50") are checked
 * before anything is sent. Saving an answer not yet recorded records the
 * case's consultation_response event first, then what it said at the
 * consultation's version; the server's field errors land on the fields.
 *
 * Beside the form: chasing the chosen consultation (a reminder sent
 * today) and withdrawing it (the case's consultation_withdrawn event),
 * each reading the list again when done.
 *
 * SccConsultFormVm: the form that consults an institution on the case: its
 * URN (set from the directory search), the day sent and the family's
 * preference rank; sent once, with one Idempotency-Key per attempt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-consultation.h"

#include "scc-record-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_CONSULTATION_FORM_VM (scc_consultation_form_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccConsultationFormVm, scc_consultation_form_vm, SCC, CONSULTATION_FORM_VM, SccRecordFormVm)

SccConsultationFormVm *scc_consultation_form_vm_new (SccApiClient *api_client);

typedef enum
{
  SCC_CONSULTATION_CHASE,
  SCC_CONSULTATION_WITHDRAW,
} SccConsultationAct;

/* Chases or withdraws the chosen consultation, today; then reads the list
 * again. */
void      scc_consultation_form_vm_act_async  (SccConsultationFormVm *self,
                                               SccConsultationAct     act,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data);
gboolean  scc_consultation_form_vm_act_finish (SccConsultationFormVm *self,
                                               GAsyncResult          *result,
                                               GError               **error);

#define SCC_TYPE_CONSULT_FORM_VM (scc_consult_form_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccConsultFormVm, scc_consult_form_vm, SCC, CONSULT_FORM_VM, SccFormVm)

SccConsultFormVm *scc_consult_form_vm_new      (SccApiClient     *api_client);
void              scc_consult_form_vm_set_case (SccConsultFormVm *self,
                                                gint64            case_id);

G_END_DECLS
