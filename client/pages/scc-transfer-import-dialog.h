/* scc-transfer-import-dialog.h
 *
 * SccTransferImportDialog: Import a Transfer, over the window, for the
 * roles that open cases. It stands on SccTransferImportVm: the file (typed,
 * pasted or chosen with Ctrl+O) is read as soon as it is named, what it
 * holds is shown, and Import (Ctrl+Enter) opens the case; a child who may
 * already be on record gets the two ways on (onto that record, or a
 * different child). Once imported, the new case opens with a toast that
 * says what became of the sending authority's band.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-user.h"

#include "scc-page.h"
#include "scc-transfer-import-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_TRANSFER_IMPORT_DIALOG (scc_transfer_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SccTransferImportDialog, scc_transfer_import_dialog, SCC, TRANSFER_IMPORT_DIALOG, AdwWindow)

/* Opens one over @from's window for @from's user. Returns: (transfer none) */
SccTransferImportDialog *scc_transfer_import_dialog_present  (SccPage                 *from);
SccTransferImportVm     *scc_transfer_import_dialog_get_form (SccTransferImportDialog *self);
/* A template child by id (tests). */
GtkWidget               *scc_transfer_import_dialog_get_child (SccTransferImportDialog *self,
                                                               const char              *id);
/* What the toast says of an import from @from (tests) */
char                    *scc_transfer_import_dialog_describe (const ScTransferIn      *in,
                                                              const char              *from);

G_END_DECLS
