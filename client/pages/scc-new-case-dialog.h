/* scc-new-case-dialog.h
 *
 * SccNewCaseDialog: New Case, over the window, in two steps of one
 * window (an SccNewCaseVm under it):
 *
 *   person   find the child or young person: a search as you type (an
 *            SccPersonListVm), the people found by name, date of birth
 *            and UPN; Down goes to them, Enter on one chooses it (Enter in
 *            the search chooses the only one found). New Person… opens
 *            the person form (SccPersonDialog), whose duplicate warning
 *            offers Use That Person; the person recorded or used is chosen.
 *   request  the person chosen (Change Person goes back), who sent the
 *            request and the date it was received (today by default);
 *            Create (Enter in the date, Ctrl+Enter) opens the case.
 *
 * Each error is shown beside its field, the keyboard on the first; a
 * refusal that belongs to no field (the person's case already open) is
 * said under the form; while the request is out the fields are read-only
 * and a spinner turns. ::created gives the case, and the dialog closes.
 * Escape closes it.
 *
 * scc_new_case_dialog_present opens one from a page: the case opened is
 * shown on the window's Case page and a toast says so, and the dialog
 * goes when the page's user does (a sign-out, another user; not the same
 * user signing in again after their session ended).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-user.h"

#include "scc-case-forms.h"
#include "scc-page.h"
#include "scc-person-dialog.h"
#include "scc-person-list-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_NEW_CASE_DIALOG (scc_new_case_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SccNewCaseDialog, scc_new_case_dialog, SCC, NEW_CASE_DIALOG, AdwWindow)

/* @user: who opens the case (a team manager names themselves its owner);
 * @person: (nullable): the person, chosen already (the request step) */
SccNewCaseDialog *scc_new_case_dialog_new         (GtkWindow        *parent,
                                                   SccApiClient     *api_client,
                                                   ScUser           *user,
                                                   ScPerson         *person);
/* Opens a dialog over @from's window for @from's user. Returns: (transfer none) */
SccNewCaseDialog *scc_new_case_dialog_present     (SccPage          *from,
                                                   ScPerson         *person);
/* Whether @user's role may open cases (docs/access.md). */
gboolean          scc_new_case_dialog_allows      (ScUser           *user);

SccNewCaseVm     *scc_new_case_dialog_get_form    (SccNewCaseDialog *self);
SccPersonListVm  *scc_new_case_dialog_get_people  (SccNewCaseDialog *self);
GtkEditable      *scc_new_case_dialog_get_search  (SccNewCaseDialog *self);
/* "person" or "request" */
const char       *scc_new_case_dialog_get_step    (SccNewCaseDialog *self);
/* Returns: (transfer none) (nullable): the person form open over it */
SccPersonDialog  *scc_new_case_dialog_get_person_dialog (SccNewCaseDialog *self);
/* A template child by id (tests). */
GtkWidget        *scc_new_case_dialog_get_child   (SccNewCaseDialog *self,
                                                   const char       *id);

G_END_DECLS
