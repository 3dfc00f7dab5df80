/* scc-people-page.h
 *
 * SccPeoplePage ("people"): the children and young people on record,
 * found by a search as the user types (a name's start, a UPN, an NHS
 * number or a date of birth), New Person (Ctrl+N, for the roles that may
 * record people), a person's record opened with Enter
 * (SccPersonDialog), and New Case for This Person (Ctrl+Shift+N, for the
 * roles that may open cases) on the person selected (SccNewCaseDialog).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-list-page.h"
#include "scc-person-dialog.h"
#include "scc-person-list-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_PEOPLE_PAGE (scc_people_page_get_type ())

G_DECLARE_FINAL_TYPE (SccPeoplePage, scc_people_page, SCC, PEOPLE_PAGE, SccListPage)

SccPersonListVm *scc_people_page_get_view_model (SccPeoplePage *self);
/* The dialog open on the page (New Person or a person's), or NULL. */
GtkEditable     *scc_people_page_get_search     (SccPeoplePage *self);

G_END_DECLS
