/* scc-users-page.h
 *
 * SccUsersPage ("users"): the system administrator's list of users, with
 * filters by role and activity, New User, and a user's details opened
 * with Enter (SccUserDialog).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-list-page.h"
#include "scc-user-list-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_USERS_PAGE (scc_users_page_get_type ())

G_DECLARE_FINAL_TYPE (SccUsersPage, scc_users_page, SCC, USERS_PAGE, SccListPage)

SccUserListVm *scc_users_page_get_view_model (SccUsersPage *self);
/* The dialog open on the page (New User or a user's), or NULL. */

G_END_DECLS
