/* scc-account-page.h
 *
 * The account page: who is signed in (name, username, role) and the Change
 * Password form (an SccChangePasswordVm). An SccPage named "account".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-change-password-vm.h"
#include "scc-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_ACCOUNT_PAGE (scc_account_page_get_type ())

G_DECLARE_FINAL_TYPE (SccAccountPage, scc_account_page, SCC, ACCOUNT_PAGE, SccPage)

SccChangePasswordVm *scc_account_page_get_view_model (SccAccountPage *self);

G_END_DECLS
