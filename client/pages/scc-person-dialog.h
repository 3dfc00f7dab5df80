/* scc-person-dialog.h
 *
 * SccPersonDialog: New Person, or one person's record to change, over the
 * window (an SccPersonFormVm), with every contact of the person, each
 * removable (with Undo) and more added up to the limit. Each field's
 * error is shown under it, a contact's under that contact's row; a
 * possible duplicate is said plainly above the form, with Open That
 * Person (the form then shows that record) and This Is a Different
 * Person (sent again, confirmed).
 *
 * A dialog that chooses a person for another form (New Case) says so with
 * scc_person_dialog_set_choosing: its first choice on a duplicate is then
 * Use That Person, and both that and a new person recorded emit ::chosen
 * with the person and close the dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "scc-person-forms.h"

G_BEGIN_DECLS

#define SCC_TYPE_PERSON_DIALOG (scc_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SccPersonDialog, scc_person_dialog, SCC, PERSON_DIALOG, AdwWindow)

/* @person: (nullable): the person to change, NULL for New Person */
SccPersonDialog *scc_person_dialog_new      (GtkWindow       *parent,
                                             SccApiClient    *api_client,
                                             ScPerson        *person);
SccPersonFormVm *scc_person_dialog_get_form            (SccPersonDialog *self);
void             scc_person_dialog_set_choosing        (SccPersonDialog *self,
                                                        gboolean         choosing);
GtkLabel        *scc_person_dialog_get_duplicate_label (SccPersonDialog *self);
GtkWidget       *scc_person_dialog_get_duplicate_box   (SccPersonDialog *self);

G_END_DECLS
