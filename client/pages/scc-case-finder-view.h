/* scc-case-finder-view.h
 *
 * The view of an SccCaseFinder on a page: the cases it finds as rows of
 * @matches (a GtkListBox under the case field's row, hidden while there
 * are none), each the child's name with their date of birth and case.
 * Enter in the field takes the first; Down goes to the rows, where Enter
 * (or a click) chooses one; either way the keyboard returns to the field,
 * which now names the case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "scc-case-finder.h"
#include "scc-field-row.h"

G_BEGIN_DECLS

/* Keeps @matches showing @finder's matches for @row, for as long as
 * @matches lives */
void scc_case_finder_view_attach (SccCaseFinder *finder,
                                  SccFieldRow   *row,
                                  GtkListBox    *matches);

G_END_DECLS
