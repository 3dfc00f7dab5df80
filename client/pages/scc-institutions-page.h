/* scc-institutions-page.h
 *
 * SccInstitutionsPage ("institutions"): the directory of schools, colleges
 * and early-years settings (GIAS), searched as typed by words of the name,
 * a URN or the start of a postcode, the open ones only unless Show says
 * Closed Too. For everyone who works on cases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-institution-list-vm.h"
#include "scc-list-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_INSTITUTIONS_PAGE (scc_institutions_page_get_type ())

G_DECLARE_FINAL_TYPE (SccInstitutionsPage, scc_institutions_page, SCC, INSTITUTIONS_PAGE, SccListPage)

SccInstitutionListVm *scc_institutions_page_get_view_model (SccInstitutionsPage *self);

G_END_DECLS
