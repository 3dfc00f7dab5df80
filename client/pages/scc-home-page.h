/* scc-home-page.h
 *
 * The first page after signing in: who is signed in, in which role, and
 * what the product will offer them next (this release is sign-in and the
 * account; caseloads and case records come in the next one).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "scc-user.h"

G_BEGIN_DECLS

#define SCC_TYPE_HOME_PAGE (scc_home_page_get_type ())

G_DECLARE_FINAL_TYPE (SccHomePage, scc_home_page, SCC, HOME_PAGE, AdwBin)

SccUser    *scc_home_page_get_user          (SccHomePage *self);
void        scc_home_page_set_user          (SccHomePage *self,
                                             SccUser     *user);
/* The texts shown, for tests: "Welcome, Tom Reilly", "Team manager". */
const char *scc_home_page_get_welcome_text  (SccHomePage *self);
const char *scc_home_page_get_role_text     (SccHomePage *self);

G_END_DECLS
