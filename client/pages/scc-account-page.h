/* scc-account-page.h
 *
 * The Account page: who is signed in (name, username, role) and the Change
 * Password form, an SccChangePasswordVm. Reached from the account menu or
 * the home page; Back (Alt+Left) returns home.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "scc-change-password-vm.h"
#include "scc-user.h"

G_BEGIN_DECLS

#define SCC_TYPE_ACCOUNT_PAGE (scc_account_page_get_type ())

G_DECLARE_FINAL_TYPE (SccAccountPage, scc_account_page, SCC, ACCOUNT_PAGE, AdwBin)

SccChangePasswordVm *scc_account_page_get_view_model (SccAccountPage      *self);
void                 scc_account_page_set_view_model (SccAccountPage      *self,
                                                      SccChangePasswordVm *view_model);
SccUser             *scc_account_page_get_user       (SccAccountPage      *self);
void                 scc_account_page_set_user       (SccAccountPage      *self,
                                                      SccUser             *user);
/* Puts the keyboard focus where the user most likely goes next. */
void                 scc_account_page_focus          (SccAccountPage      *self);

G_END_DECLS
