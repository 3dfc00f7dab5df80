/* scc-audit-list-vm.h
 *
 * SccAuditListVm: the audit trail (GET /api/v1/audit) as an SccListVm of
 * ScAuditEvent, newest first, filtered by username, resource type and id,
 * and a time range. Each filter is a string property named as the API's
 * query parameter ("user", "resource-type" for resource_type, "resource-id",
 * "from", "to"); NULL or "" is no filter, and setting one reloads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-list-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_AUDIT_LIST_VM (scc_audit_list_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccAuditListVm, scc_audit_list_vm, SCC, AUDIT_LIST_VM, SccListVm)

SccAuditListVm *scc_audit_list_vm_new        (SccApiClient   *api_client);
/* @name: "user", "resource-type", "resource-id", "from" or "to" */
const char     *scc_audit_list_vm_get_filter (SccAuditListVm *self,
                                              const char     *name);
void            scc_audit_list_vm_set_filter (SccAuditListVm *self,
                                              const char     *name,
                                              const char     *value);

G_END_DECLS
