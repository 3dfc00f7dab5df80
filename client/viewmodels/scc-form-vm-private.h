/* scc-form-vm-private.h
 *
 * What the parts of SccFormVm share: scc-form-vm.c (fields, submission),
 * scc-form-vm-errors.c (showing a refusal) and scc-form-vm-groups.c
 * (repeated groups of fields). Not for subclasses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-form-vm.h"

G_BEGIN_DECLS

typedef struct _SccFormGroup SccFormGroup;

/* scc-form-vm.c */
void       _scc_form_vm_insert_field       (SccFormVm    *self,
                                            SccFormField *field,
                                            guint         position);
void       _scc_form_vm_remove_field       (SccFormVm    *self,
                                            SccFormField *field);
/* Returns: (transfer none) (element-type SccFormGroup): in the order added */
GPtrArray *_scc_form_vm_get_groups         (SccFormVm    *self);
/* A value, or the number of a group's elements, changed. */
void       _scc_form_vm_input_changed      (SccFormVm    *self);
void       _scc_form_vm_emit_group_changed (SccFormVm    *self,
                                            const char   *group);

/* scc-form-vm-errors.c: the class's show_error */
void       _scc_form_vm_real_show_error    (SccFormVm    *self,
                                            const GError *error);

/* scc-form-vm-groups.c */
void       _scc_form_group_free            (gpointer      group);
/* Every group down to no elements, for clear. */
void       _scc_form_vm_clear_groups       (SccFormVm    *self);

G_END_DECLS
