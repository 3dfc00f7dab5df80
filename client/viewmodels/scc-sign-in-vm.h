/* scc-sign-in-vm.h
 *
 * The view model behind the sign-in page: the server's address (and what
 * the server said when asked for its health, through an SccConnectionVm it
 * owns), the username and password as typed, and the outcome of signing in,
 * with each error on the field it belongs to. No widgets, so it is tested
 * without a display (tests/client/test-sign-in-vm.c).
 *
 * Texts: the field errors (username-error, password-error, server-error) are
 * the server's fragments, lower case and without a period ("must not be
 * empty"), as the API and style.md write them; the page makes them
 * sentences. error-message and expired-message are whole sentences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "scc-api-client.h"
#include "scc-connection-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_SIGN_IN_VM (scc_sign_in_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccSignInVm, scc_sign_in_vm, SCC, SIGN_IN_VM, GObject)

SccSignInVm     *scc_sign_in_vm_new                (SccApiClient *api_client);
SccApiClient    *scc_sign_in_vm_get_api_client     (SccSignInVm  *self);
SccConnectionVm *scc_sign_in_vm_get_connection     (SccSignInVm  *self);

const char      *scc_sign_in_vm_get_server_url     (SccSignInVm  *self);
void             scc_sign_in_vm_set_server_url     (SccSignInVm  *self,
                                                    const char   *server_url);
const char      *scc_sign_in_vm_get_username       (SccSignInVm  *self);
void             scc_sign_in_vm_set_username       (SccSignInVm  *self,
                                                    const char   *username);
const char      *scc_sign_in_vm_get_password       (SccSignInVm  *self);
void             scc_sign_in_vm_set_password       (SccSignInVm  *self,
                                                    const char   *password);

gboolean         scc_sign_in_vm_get_busy           (SccSignInVm  *self);
gboolean         scc_sign_in_vm_get_can_retry      (SccSignInVm  *self);
const char      *scc_sign_in_vm_get_error_message  (SccSignInVm  *self);
const char      *scc_sign_in_vm_get_username_error (SccSignInVm  *self);
const char      *scc_sign_in_vm_get_password_error (SccSignInVm  *self);
const char      *scc_sign_in_vm_get_server_error   (SccSignInVm  *self);
const char      *scc_sign_in_vm_get_expired_message (SccSignInVm *self);

gboolean         scc_sign_in_vm_sign_in            (SccSignInVm  *self);
void             scc_sign_in_vm_cancel             (SccSignInVm  *self);
void             scc_sign_in_vm_session_ended      (SccSignInVm  *self,
                                                    const char   *username);
void             scc_sign_in_vm_reset              (SccSignInVm  *self);

G_END_DECLS
