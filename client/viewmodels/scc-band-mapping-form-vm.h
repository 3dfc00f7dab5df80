/* scc-band-mapping-form-vm.h
 *
 * SccBandMappingFormVm: the other authorities' funding bands that cases
 * transferred in have brought (the "mappings" list, read with
 * scc_band_mapping_form_vm_load: those awaiting a decision first), and
 * the form a team manager maps one onto a band of ours with:
 *
 *   our_code   one of our band codes; choosing a mapping fills it with
 *              the decision already made, else with the suggestion (the
 *              same code, or our band nearest in amount)
 *
 * Nothing is applied before a team manager saves: then the daemon writes
 * our band into every draft plan waiting for it and into later transfers
 * of the same band. Saved at the version read: someone else's decision
 * in between is the general error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-transfer.h"

#include "scc-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_BAND_MAPPING_FORM_VM (scc_band_mapping_form_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccBandMappingFormVm, scc_band_mapping_form_vm, SCC, BAND_MAPPING_FORM_VM, SccFormVm)

SccBandMappingFormVm *scc_band_mapping_form_vm_new            (SccApiClient         *api_client);
void                  scc_band_mapping_form_vm_load           (SccBandMappingFormVm *self);
/* (transfer none) (element-type ScBandMapping): NULL until read */
GPtrArray            *scc_band_mapping_form_vm_get_mappings   (SccBandMappingFormVm *self);
const char           *scc_band_mapping_form_vm_get_load_error (SccBandMappingFormVm *self);
/* Chooses mapping @index of the list and fills the form from it */
void                  scc_band_mapping_form_vm_select         (SccBandMappingFormVm *self,
                                                               guint                 index);
/* (transfer none) (nullable): the mapping chosen */
const ScBandMapping  *scc_band_mapping_form_vm_get_selected   (SccBandMappingFormVm *self);

G_END_DECLS
