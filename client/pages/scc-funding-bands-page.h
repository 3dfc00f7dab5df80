/* scc-funding-bands-page.h
 *
 * SccFundingBandsPage ("funding-bands"): the authority's funding bands,
 * from home (Funding Bands, Alt+F). Every band with what it pays for, its
 * amount each year and the days it is valid; a team manager chooses one
 * (Enter) to change it, or types a new code to add one (Save, Ctrl+S;
 * Reload, Ctrl+R). Below, the other authorities' bands that cases
 * transferred in brought, those awaiting a decision first: a team manager
 * chooses one (Enter), and maps it onto our band's code (Enter, or Map).
 * Caseworkers and admin officers read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-band-mapping-form-vm.h"
#include "scc-funding-band-form-vm.h"
#include "scc-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_FUNDING_BANDS_PAGE (scc_funding_bands_page_get_type ())

G_DECLARE_FINAL_TYPE (SccFundingBandsPage, scc_funding_bands_page, SCC, FUNDING_BANDS_PAGE, SccPage)

SccFundingBandFormVm *scc_funding_bands_page_get_view_model (SccFundingBandsPage *self);
SccBandMappingFormVm *scc_funding_bands_page_get_mappings   (SccFundingBandsPage *self);

G_END_DECLS
