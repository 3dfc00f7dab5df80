/* scc-funding-band-form-vm.h
 *
 * SccFundingBandFormVm: the authority's funding bands (the "bands" list,
 * read with scc_funding_band_form_vm_load), and the form a team manager
 * adds a band or changes one with: its code, what it pays for, its amount
 * each year in pounds and the days it is valid from and to. Choosing a
 * band fills the form; a code already in the table changes that band at
 * the version read (someone else's change in between is the general
 * error), a new code adds one. Dates and the amount are checked before
 * anything is sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-funding-band.h"

#include "scc-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_FUNDING_BAND_FORM_VM (scc_funding_band_form_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccFundingBandFormVm, scc_funding_band_form_vm, SCC, FUNDING_BAND_FORM_VM, SccFormVm)

SccFundingBandFormVm *scc_funding_band_form_vm_new        (SccApiClient         *api_client);
void                  scc_funding_band_form_vm_load       (SccFundingBandFormVm *self);
/* (transfer none) (element-type ScFundingBand): NULL until read */
GPtrArray            *scc_funding_band_form_vm_get_bands  (SccFundingBandFormVm *self);
const char           *scc_funding_band_form_vm_get_load_error (SccFundingBandFormVm *self);
/* Fills the form from band @index of the list */
void                  scc_funding_band_form_vm_select     (SccFundingBandFormVm *self,
                                                           guint                 index);

G_END_DECLS
