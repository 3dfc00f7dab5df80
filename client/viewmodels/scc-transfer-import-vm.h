/* scc-transfer-import-vm.h
 *
 * SccTransferImportVm: the Import a Transfer form, opening a case for a
 * child whose plan another authority sends (POST /api/v1/transfers). Its
 * fields, named as the API names the members:
 *
 *   file            the path of the interchange file; it is read and
 *                   checked here by the daemon's own reader
 *                   (sc_transfer_file_read), so every problem of a bad file
 *                   is listed beside it before anything is sent, and the
 *                   server's "file.…" errors land there too
 *   transferred_on  YYYY-MM-DD, today by default: the day the plan became
 *                   ours; not in the future
 *
 * The owner is the signed-in caseworker or team manager
 * (scc_transfer_import_vm_set_owner_id). The file read gives "summary":
 * the child, the sending authority and their band, for the user to check
 * before importing.
 *
 *   submit --201--> imported kept, ::succeeded
 *          --409 on the child--> "match": the person the duplicate rules
 *                   found; scc_transfer_import_vm_resolve_match sends again
 *                   onto that record, or as a different child when the
 *                   match is on names and date of birth only
 *          --422--> every problem beside its field
 *
 * The Idempotency-Key is the form base's: Retry after a lost answer cannot
 * open two cases. No widgets (tests/client/test-transfers.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-transfer.h"

#include "scc-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_TRANSFER_IMPORT_VM (scc_transfer_import_vm_get_type ())
G_DECLARE_FINAL_TYPE (SccTransferImportVm, scc_transfer_import_vm, SCC, TRANSFER_IMPORT_VM, SccFormVm)

typedef enum
{
  SCC_TRANSFER_MATCH_NONE,
  SCC_TRANSFER_MATCH_SAME,       /* the plan moves onto the record found */
  SCC_TRANSFER_MATCH_DIFFERENT,  /* someone else with the same names and date of birth */
} SccTransferMatchChoice;

SccTransferImportVm *scc_transfer_import_vm_new          (SccApiClient        *api_client);
void                 scc_transfer_import_vm_set_owner_id (SccTransferImportVm *self,
                                                          gint64               owner_id);
/* Reads the file named in "file" now: the summary, or its problems beside
 * it. Returns whether it is a transfer file that can be sent. */
gboolean             scc_transfer_import_vm_read_file    (SccTransferImportVm *self);
/* (nullable): who and where from, once the file reads */
const char          *scc_transfer_import_vm_get_summary  (SccTransferImportVm *self);
/* The person the duplicate rules matched (0: none), and whether only an
 * identifier matched, so "different" is not offered */
gint64               scc_transfer_import_vm_get_match    (SccTransferImportVm *self);
gboolean             scc_transfer_import_vm_get_match_is_identifier (SccTransferImportVm *self);
/* Sends again with @choice */
gboolean             scc_transfer_import_vm_resolve_match (SccTransferImportVm    *self,
                                                           SccTransferMatchChoice  choice);
/* (nullable): the answer of the last import */
const ScTransferIn  *scc_transfer_import_vm_get_imported (SccTransferImportVm *self);
/* (nullable): the sending authority's name and code, "Northfield (812)" */
const char          *scc_transfer_import_vm_get_from     (SccTransferImportVm *self);
/* The day the date defaults to and is checked against (SC_DAY_NONE: the
 * real today). */
void                 scc_transfer_import_vm_set_today    (SccTransferImportVm *self,
                                                          ScDay                today);

G_END_DECLS
