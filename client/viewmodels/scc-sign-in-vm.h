/* scc-sign-in-vm.h
 *
 * The sign-in form (an SccFormVm): the fields "server_url" (the server's
 * address, kept when the form is cleared; it is the SccConnectionVm's
 * server-url), "username" and "password" (a secret), and what went wrong
 * with the last attempt. No widgets (tests/client/test-sign-in-vm.c).
 *
 * Field errors are the API's fragments ("must not be empty"); the general
 * error and expired-message are sentences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-connection-vm.h"
#include "scc-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_SIGN_IN_VM (scc_sign_in_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccSignInVm, scc_sign_in_vm, SCC, SIGN_IN_VM, SccFormVm)

SccSignInVm     *scc_sign_in_vm_new                 (SccApiClient    *api_client,
                                                     SccConnectionVm *connection);
SccConnectionVm *scc_sign_in_vm_get_connection      (SccSignInVm     *self);
const char      *scc_sign_in_vm_get_expired_message (SccSignInVm     *self);
void             scc_sign_in_vm_session_ended       (SccSignInVm     *self,
                                                     const char      *username);

G_END_DECLS
