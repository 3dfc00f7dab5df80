/* scc-handover-dialog.h
 *
 * SccHandoverDialog: a modal window for a team manager that moves cases to
 * another owner, on the SccHandoverVm form: some cases picked from a
 * caseworker's caseload (Reassign), or their whole caseload (Hand Over
 * Caseload). It says whose cases and how many move, offers the new owner
 * from the team (the from-owner left out) and asks for the handover note
 * the new owner reads first; the server's field errors land beside the
 * choice and the note. ::handed-over tells the page the cases moved (the
 * dialog then closes). Escape closes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "scc-caseload-vm.h"
#include "scc-handover-vm.h"
#include "scc-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_HANDOVER_DIALOG (scc_handover_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SccHandoverDialog, scc_handover_dialog, SCC, HANDOVER_DIALOG, AdwWindow)

/* @case_ids: (array length=n_cases) (nullable): the cases; none for the
 * whole caseload of @n_whole cases.
 * Returns: (transfer none): the dialog, modal over @parent, which owns it */
SccHandoverDialog *scc_handover_dialog_new      (GtkWindow         *parent,
                                                 SccApiClient      *api_client,
                                                 gint64             from_owner_id,
                                                 const char        *from_name,
                                                 const gint64      *case_ids,
                                                 guint              n_cases,
                                                 guint              n_whole);
SccHandoverVm     *scc_handover_dialog_get_form (SccHandoverDialog *self);

/* A page's Reassign: the dialog over @page's window for the cases of @rows
 * (SccCaseRow), which must all be one owner's, as the page's dialog
 * (scc_page_present_dialog). With no rows, or rows of
 * more than one owner, a toast says what to do and no dialog opens. Once
 * the cases have moved, a toast says how many went to whom, and @list,
 * where they were chosen, is read and counted again.
 * Returns: (transfer none) (nullable): the dialog */
SccHandoverDialog *scc_handover_dialog_present_for_rows (SccPage       *page,
                                                         GPtrArray     *rows,
                                                         SccCaseloadVm *list);

G_END_DECLS
