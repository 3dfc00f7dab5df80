/* scc-user-dialog.h
 *
 * SccUserDialog: a modal window over the Users page, for one of two jobs:
 * making a user (the SccNewUserVm form), or one user's details (the
 * SccEditUserVm form, and SccResetPasswordVm under it). Its fields are
 * SccFieldRows bound to the forms by API name, the role a combo row and
 * activity a switch bound to their fields' values, so the server's field
 * errors land beside them as on every form. ::saved tells the page the
 * list is out of date. Escape closes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "scc-user-forms.h"

G_BEGIN_DECLS

#define SCC_TYPE_USER_DIALOG (scc_user_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SccUserDialog, scc_user_dialog, SCC, USER_DIALOG, AdwWindow)

/* @user: (nullable): the user to open, or NULL for New User */
SccUserDialog *scc_user_dialog_new        (GtkWindow     *parent,
                                           SccApiClient  *api_client,
                                           ScUser        *user);
/* The dialog's main form: SccNewUserVm or SccEditUserVm. */
SccFormVm     *scc_user_dialog_get_form   (SccUserDialog *self);
SccFormVm     *scc_user_dialog_get_reset  (SccUserDialog *self);

G_END_DECLS
