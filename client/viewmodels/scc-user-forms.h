/* scc-user-forms.h
 *
 * The forms of the Users page, each an SccFormVm whose fields are named as
 * the API names them, so the server's field errors land beside them:
 *
 *   SccNewUserVm        POST /api/v1/users: "username", "full_name",
 *                       "role" (a role's API name), "password" (a secret)
 *   SccEditUserVm       PATCH /api/v1/users/{id} with If-Match: "full_name",
 *                       "role", "active" ("true" or "false"); only what
 *                       changed is sent. A 412 (someone else changed the
 *                       user) reloads the user into the form and says so.
 *   SccResetPasswordVm  POST /api/v1/users/{id}/password: "new_password"
 *
 * One header for the three: they are small and always used together.
 * No widgets (tests/client/test-user-forms.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-user.h"

#include "scc-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_NEW_USER_VM (scc_new_user_vm_get_type ())
G_DECLARE_FINAL_TYPE (SccNewUserVm, scc_new_user_vm, SCC, NEW_USER_VM, SccFormVm)

SccNewUserVm *scc_new_user_vm_new         (SccApiClient *api_client);
/* Returns: (transfer none) (nullable): the user the last submission made */
ScUser       *scc_new_user_vm_get_created (SccNewUserVm *self);

#define SCC_TYPE_EDIT_USER_VM (scc_edit_user_vm_get_type ())
G_DECLARE_FINAL_TYPE (SccEditUserVm, scc_edit_user_vm, SCC, EDIT_USER_VM, SccFormVm)

SccEditUserVm *scc_edit_user_vm_new      (SccApiClient  *api_client);
/* Returns: (transfer none) (nullable): the user as last read or saved */
ScUser        *scc_edit_user_vm_get_user (SccEditUserVm *self);
/* Fills the fields from @user and edits it from now on. */
void           scc_edit_user_vm_set_user (SccEditUserVm *self,
                                          ScUser        *user);

#define SCC_TYPE_RESET_PASSWORD_VM (scc_reset_password_vm_get_type ())
G_DECLARE_FINAL_TYPE (SccResetPasswordVm, scc_reset_password_vm, SCC, RESET_PASSWORD_VM, SccFormVm)

SccResetPasswordVm *scc_reset_password_vm_new     (SccApiClient       *api_client);
void                scc_reset_password_vm_set_user (SccResetPasswordVm *self,
                                                    ScUser             *user);

G_END_DECLS
