/* scc-home-page.h
 *
 * The home page after signing in: a welcome with the user's name and role,
 * what the role is for, the pages it may open and what it can start
 * (New Case…), and the work still to come in sendcase, told for that role
 * only. An SccPage named "home".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_HOME_PAGE (scc_home_page_get_type ())

G_DECLARE_FINAL_TYPE (SccHomePage, scc_home_page, SCC, HOME_PAGE, SccPage)

const char  *scc_home_page_get_welcome_text (SccHomePage *self);
const char  *scc_home_page_get_role_text    (SccHomePage *self);
/* The titles of the "coming" rows shown, in order; for tests. */
char       **scc_home_page_dup_coming_titles (SccHomePage *self);

/* The titles of the rows opening the role's pages (Users, ...); for tests. */
char       **scc_home_page_dup_place_titles (SccHomePage *self);
/* The titles of the rows starting something (New Case…); for tests. */
char       **scc_home_page_dup_task_titles  (SccHomePage *self);

G_END_DECLS
