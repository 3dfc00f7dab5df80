/* scc-institution-list-vm.h
 *
 * SccInstitutionListVm: the institution directory as a list (an
 * SccListVm of SccInstitutionRow): searched as typed (the list's query:
 * words of the name, a URN or the start of a postcode), the open ones
 * only unless open-only is FALSE, a page at a time by name.
 *
 * SccInstitutionRow: an institution as a row shows it, each column a
 * string property: name, urn, kind (the type of establishment), phase,
 * status, authority and postcode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-institution.h"

#include "scc-list-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_INSTITUTION_ROW (scc_institution_row_get_type ())

G_DECLARE_FINAL_TYPE (SccInstitutionRow, scc_institution_row, SCC, INSTITUTION_ROW, GObject)

SccInstitutionRow   *scc_institution_row_new           (const ScInstitution *institution);
gint64               scc_institution_row_get_urn       (SccInstitutionRow   *self);
const char          *scc_institution_row_get_name      (SccInstitutionRow   *self);
gboolean             scc_institution_row_get_open      (SccInstitutionRow   *self);

#define SCC_TYPE_INSTITUTION_LIST_VM (scc_institution_list_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccInstitutionListVm, scc_institution_list_vm, SCC, INSTITUTION_LIST_VM, SccListVm)

SccInstitutionListVm *scc_institution_list_vm_new           (SccApiClient         *api_client);
gboolean              scc_institution_list_vm_get_open_only (SccInstitutionListVm *self);
void                  scc_institution_list_vm_set_open_only (SccInstitutionListVm *self,
                                                             gboolean              open_only);

G_END_DECLS
