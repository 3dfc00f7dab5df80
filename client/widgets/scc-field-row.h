/* scc-field-row.h
 *
 * SccFieldRow: one field of a form, as a page's template writes it:
 *
 *   <object class="SccFieldRow">
 *     <property name="field-name">current_password</property>
 *     <property name="kind">secret</property>
 *     <property name="title" translatable="yes">_Current Password</property>
 *     <binding name="form"><lookup name="view-model">SccAccountPage</lookup></binding>
 *   </object>
 *
 * The row finds the form's SccFormField of that name (the API's name) and
 * keeps its entry and the field's value the same both ways; the field's
 * error is shown under the entry, the entry marked as in error for sight
 * and for assistive technologies; while the form is busy the entry is
 * read-only. GNOME Text Editor's preference rows are set up the same way,
 * by a schema key.
 *
 * A child given in the .ui goes between the entry and the error (the
 * sign-in page's server status line).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "scc-form-vm.h"

G_BEGIN_DECLS

typedef enum
{
  SCC_FIELD_KIND_TEXT,    /* an AdwEntryRow */
  SCC_FIELD_KIND_SECRET,  /* an AdwPasswordEntryRow */
} SccFieldKind;

#define SCC_TYPE_FIELD_KIND (scc_field_kind_get_type ())
GType scc_field_kind_get_type (void) G_GNUC_CONST;

#define SCC_TYPE_FIELD_ROW (scc_field_row_get_type ())

G_DECLARE_FINAL_TYPE (SccFieldRow, scc_field_row, SCC, FIELD_ROW, GtkWidget)

SccFormVm    *scc_field_row_get_form       (SccFieldRow *self);
void          scc_field_row_set_form       (SccFieldRow *self,
                                            SccFormVm   *form);
const char   *scc_field_row_get_field_name (SccFieldRow *self);
void          scc_field_row_set_field_name (SccFieldRow *self,
                                            const char  *field_name);
SccFormField *scc_field_row_get_field      (SccFieldRow *self);
/* The AdwEntryRow (or AdwPasswordEntryRow) the user types into. */
AdwEntryRow  *scc_field_row_get_entry      (SccFieldRow *self);
/* The caption under the entry: the field's error as a sentence. */
GtkLabel     *scc_field_row_get_error_label (SccFieldRow *self);
/* Focuses the entry: a secret with an error all selected, to be retyped;
 * any other with the cursor at the end. */
void          scc_field_row_focus          (SccFieldRow *self);
/* The row inside @ancestor showing @form's field @field_name, or NULL. */
SccFieldRow  *scc_field_row_find           (GtkWidget   *ancestor,
                                            SccFormVm   *form,
                                            const char  *field_name);

G_END_DECLS
