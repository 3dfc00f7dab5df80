/* scc-user-list-vm.h
 *
 * SccUserListVm: the users of the system (GET /api/v1/users) as an
 * SccListVm of ScUser, filtered by role and activity.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-list-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_USER_LIST_VM (scc_user_list_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccUserListVm, scc_user_list_vm, SCC, USER_LIST_VM, SccListVm)

SccUserListVm *scc_user_list_vm_new        (SccApiClient  *api_client);
/* @role: (nullable): a role as the API names it, NULL or "" for any */
const char    *scc_user_list_vm_get_role   (SccUserListVm *self);
void           scc_user_list_vm_set_role   (SccUserListVm *self,
                                            const char    *role);
/* @active: (nullable): "true", "false", or NULL or "" for either */
const char    *scc_user_list_vm_get_active (SccUserListVm *self);
void           scc_user_list_vm_set_active (SccUserListVm *self,
                                            const char    *active);

G_END_DECLS
