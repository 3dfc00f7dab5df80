/* scc-dispute-vm.h
 *
 * SccDisputeVm: one complaint, tribunal appeal or mediation as its page
 * shows it: read by its kind and id (GET /complaints/{id}, /appeals/{id},
 * /mediations/{id}), its title, the child it is about, what is due next,
 * and its timeline (scc-dispute-timeline.h) as seen today. Reading it
 * again keeps what is shown until the new answer comes; a failure says
 * why in "error" and keeps the last one read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-api-client.h"
#include "scc-dispute-timeline.h"

G_BEGIN_DECLS

#define SCC_TYPE_DISPUTE_VM (scc_dispute_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccDisputeVm, scc_dispute_vm, SCC, DISPUTE_VM, GObject)

SccDisputeVm *scc_dispute_vm_new          (SccApiClient *api_client);
/* Reads @kind's @id (complaint, appeal, mediation); "loading" until it
 * arrives, then "steps" (or "error") */
void          scc_dispute_vm_load         (SccDisputeVm *self,
                                           const char   *kind,
                                           gint64        id);
void          scc_dispute_vm_reload       (SccDisputeVm *self);
/* Forgets the dispute: nothing of it is left */
void          scc_dispute_vm_clear        (SccDisputeVm *self);
gboolean      scc_dispute_vm_get_loading  (SccDisputeVm *self);
/* (nullable): why it could not be read */
const char   *scc_dispute_vm_get_error    (SccDisputeVm *self);
/* (nullable): complaint, appeal, mediation */
const char   *scc_dispute_vm_get_kind     (SccDisputeVm *self);
gint64        scc_dispute_vm_get_id       (SccDisputeVm *self);
/* 0: about the service, or not read yet */
gint64        scc_dispute_vm_get_case_id  (SccDisputeVm *self);
/* (nullable) until read: "Tribunal appeal EH101/26/00012" */
const char   *scc_dispute_vm_get_title    (SccDisputeVm *self);
/* (nullable) until read: "Ivo Marsh", or NULL for the service */
const char   *scc_dispute_vm_get_child    (SccDisputeVm *self);
/* (nullable) until read: "Response due by 14 December 2026", "Closed" */
const char   *scc_dispute_vm_get_next     (SccDisputeVm *self);
/* (transfer none) (element-type SccTimelineStep) (nullable) until read */
GPtrArray    *scc_dispute_vm_get_steps    (SccDisputeVm *self);

G_END_DECLS
