/* scc-change-password-vm.h
 *
 * The Change Password form on the account page (an SccFormVm): the fields
 * "current_password" and "new_password", as the API names them, and
 * "repeat_password", which is checked here and never sent. All three are
 * secrets. No widgets (tests/client/test-change-password-vm.c).
 *
 * The rules of the new password are the server's, so the client never
 * disagrees with it; its field errors come back beside the fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_CHANGE_PASSWORD_VM (scc_change_password_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccChangePasswordVm, scc_change_password_vm, SCC, CHANGE_PASSWORD_VM, SccFormVm)

SccChangePasswordVm *scc_change_password_vm_new (SccApiClient *api_client);

G_END_DECLS
