/* scc-user-button.h
 *
 * The account menu at the end of a signed-in page's header bar: it shows
 * who is signed in (avatar, full name, role) and opens the menu with
 * Account, Keyboard Shortcuts, About and Sign Out. It is the primary menu
 * (F10) of the pages that carry it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-user.h"

G_BEGIN_DECLS

#define SCC_TYPE_USER_BUTTON (scc_user_button_get_type ())

G_DECLARE_FINAL_TYPE (SccUserButton, scc_user_button, SCC, USER_BUTTON, AdwBin)

ScUser   *scc_user_button_get_user (SccUserButton *self);
void      scc_user_button_set_user (SccUserButton *self,
                                    ScUser        *user);

G_END_DECLS
