/* scc-workload-vm.h
 *
 * SccWorkloadVm: the team's workload (GET /api/v1/workload) as an SccListVm
 * of SccWorkloadRow, for a team manager: every active caseworker and team
 * manager by name, with their open cases, how many have passed their next
 * deadline and how many are due within 7 days. The route answers the whole
 * team at once, so the list is one page.
 *
 * SccWorkloadRow is one member of the team as a row shows it; "overdue"
 * also reads in words ("3 overdue"), not only as a number, so a row that
 * needs the manager's eye says so without colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-workload.h"

#include "scc-list-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_WORKLOAD_ROW (scc_workload_row_get_type ())

G_DECLARE_FINAL_TYPE (SccWorkloadRow, scc_workload_row, SCC, WORKLOAD_ROW, GObject)

SccWorkloadRow *scc_workload_row_new            (const ScWorkload *workload);
gint64          scc_workload_row_get_owner_id   (SccWorkloadRow   *self);
/* The full name, or the username when there is none. */
const char     *scc_workload_row_get_name       (SccWorkloadRow   *self);
guint           scc_workload_row_get_cases      (SccWorkloadRow   *self);
guint           scc_workload_row_get_overdue    (SccWorkloadRow   *self);
guint           scc_workload_row_get_due_soon   (SccWorkloadRow   *self);
/* "3 overdue", or "None overdue". */
char           *scc_workload_row_format_overdue (gpointer          row);

#define SCC_TYPE_WORKLOAD_VM (scc_workload_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccWorkloadVm, scc_workload_vm, SCC, WORKLOAD_VM, SccListVm)

SccWorkloadVm  *scc_workload_vm_new             (SccApiClient     *api_client);
/* The row of @owner_id among those loaded, or NULL. (transfer none) */
SccWorkloadRow *scc_workload_vm_find            (SccWorkloadVm    *self,
                                                 gint64            owner_id);

G_END_DECLS
