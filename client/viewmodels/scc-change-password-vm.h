/* scc-change-password-vm.h
 *
 * The view model of the Change Password form on the account page: the
 * current password, the new one and its repetition as typed, and the
 * outcome of submitting them, each error on its field. No widgets
 * (tests/client/test-change-password-vm.c).
 *
 * The repetition is checked here, before anything is sent; the rules of the
 * new password are the server's, so the client never disagrees with it.
 * Field errors are the API's fragments ("must be at least 12 characters");
 * error-message and notice are sentences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "scc-api-client.h"

G_BEGIN_DECLS

#define SCC_TYPE_CHANGE_PASSWORD_VM (scc_change_password_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccChangePasswordVm, scc_change_password_vm, SCC, CHANGE_PASSWORD_VM, GObject)

SccChangePasswordVm *scc_change_password_vm_new                     (SccApiClient        *api_client);

const char *scc_change_password_vm_get_current_password       (SccChangePasswordVm *self);
void        scc_change_password_vm_set_current_password       (SccChangePasswordVm *self,
                                                               const char          *password);
const char *scc_change_password_vm_get_new_password           (SccChangePasswordVm *self);
void        scc_change_password_vm_set_new_password           (SccChangePasswordVm *self,
                                                               const char          *password);
const char *scc_change_password_vm_get_repeat_password        (SccChangePasswordVm *self);
void        scc_change_password_vm_set_repeat_password        (SccChangePasswordVm *self,
                                                               const char          *password);

gboolean    scc_change_password_vm_get_busy                   (SccChangePasswordVm *self);
gboolean    scc_change_password_vm_get_can_retry              (SccChangePasswordVm *self);
gboolean    scc_change_password_vm_get_has_input              (SccChangePasswordVm *self);
const char *scc_change_password_vm_get_current_password_error (SccChangePasswordVm *self);
const char *scc_change_password_vm_get_new_password_error     (SccChangePasswordVm *self);
const char *scc_change_password_vm_get_repeat_password_error  (SccChangePasswordVm *self);
const char *scc_change_password_vm_get_error_message          (SccChangePasswordVm *self);
const char *scc_change_password_vm_get_notice                 (SccChangePasswordVm *self);

gboolean    scc_change_password_vm_submit                     (SccChangePasswordVm *self);
void        scc_change_password_vm_cancel                     (SccChangePasswordVm *self);
void        scc_change_password_vm_clear                      (SccChangePasswordVm *self);

G_END_DECLS
