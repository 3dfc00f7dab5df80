/* scc-handover-vm.h
 *
 * SccHandoverVm: the form that hands cases from one owner to another
 * (POST /api/v1/caseload/handover), for a team manager. Its fields, by the
 * API's names: "to_owner_id" (the new owner's id, chosen from the owners
 * list) and "note" (the handover note the new owner reads first); both
 * are required. The cases are those of @case_ids, all the from-owner's
 * (a reassignment of cases picked from their caseload), or with none given
 * the whole caseload (a handover).
 *
 * The owners a case may go to are the team from GET /api/v1/workload
 * (every active caseworker and team manager; a team manager may not list
 * users), less the from-owner: load_owners fills owners, and selected is
 * the place of the chosen one in it, kept the same as "to_owner_id".
 * n-cases says how many cases move (for a whole caseload, the count the
 * workload gives), and after a success moved says how many did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-form-vm.h"
#include "scc-workload-vm.h"

G_BEGIN_DECLS

/* No owner chosen: GTK_INVALID_LIST_POSITION, without GTK. */
#define SCC_HANDOVER_NONE G_MAXUINT

#define SCC_TYPE_HANDOVER_VM (scc_handover_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccHandoverVm, scc_handover_vm, SCC, HANDOVER_VM, SccFormVm)

SccHandoverVm *scc_handover_vm_new              (SccApiClient  *api_client);
/* Whose cases move: @name for the words around the form. */
void           scc_handover_vm_set_from         (SccHandoverVm *self,
                                                 gint64         owner_id,
                                                 const char    *name);
gint64         scc_handover_vm_get_from_id      (SccHandoverVm *self);
const char    *scc_handover_vm_get_from_name    (SccHandoverVm *self);
/* @case_ids: (array length=n_cases) (nullable): the cases, or none for the
 * whole caseload of @n_whole cases. */
void           scc_handover_vm_set_cases        (SccHandoverVm *self,
                                                 const gint64  *case_ids,
                                                 guint          n_cases,
                                                 guint          n_whole);
gboolean       scc_handover_vm_get_whole        (SccHandoverVm *self);
guint          scc_handover_vm_get_n_cases      (SccHandoverVm *self);
/* Asks for the team; owners fills when it answers. */
void           scc_handover_vm_load_owners      (SccHandoverVm *self);
gboolean       scc_handover_vm_get_loading      (SccHandoverVm *self);
/* (transfer none): SccWorkloadRow, the from-owner left out */
GListModel    *scc_handover_vm_get_owners       (SccHandoverVm *self);
/* SCC_HANDOVER_NONE when none is chosen. */
guint          scc_handover_vm_get_selected     (SccHandoverVm *self);
void           scc_handover_vm_set_selected     (SccHandoverVm *self,
                                                 guint          position);
/* Chooses the owner of @owner_id; FALSE if they are not among the owners. */
gboolean       scc_handover_vm_select_owner     (SccHandoverVm *self,
                                                 gint64         owner_id);
/* The new owner's name, once chosen, or NULL. */
const char    *scc_handover_vm_get_to_name      (SccHandoverVm *self);
/* How many cases the last success moved. */
guint          scc_handover_vm_get_moved        (SccHandoverVm *self);

G_END_DECLS
