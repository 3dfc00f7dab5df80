/* scc-case-finder.h
 *
 * SccCaseFinder: finds the case a dispute is about as its field is typed.
 * The field (an SccFormField of a form, "case_id" as the API names it)
 * holds what was typed: the start of a child's name (or a UPN, a date of
 * birth) finds their cases, "matches", at most six; a case chosen writes
 * "Name (case N)" into it, which reads back as case N, as a bare number
 * ("12", "#12") does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-api-client.h"
#include "scc-form-field.h"

G_BEGIN_DECLS

#define SCC_TYPE_CASE_FINDER (scc_case_finder_get_type ())

G_DECLARE_FINAL_TYPE (SccCaseFinder, scc_case_finder, SCC, CASE_FINDER, GObject)

SccCaseFinder *scc_case_finder_new          (SccApiClient  *api_client,
                                             SccFormField  *field);
/* (transfer none) (element-type ScCase): the cases the typed text finds */
GPtrArray     *scc_case_finder_get_matches  (SccCaseFinder *self);
/* The field names match @index */
void           scc_case_finder_choose       (SccCaseFinder *self,
                                             guint          index);
/* The field names @case_id, whose child is @child */
void           scc_case_finder_set_case     (SccCaseFinder *self,
                                             gint64         case_id,
                                             const char    *child);
/* The case the field names, or 0 */
gint64         scc_case_finder_get_case_id  (SccCaseFinder *self);
/* Forgets the matches (the form was cleared) */
void           scc_case_finder_clear        (SccCaseFinder *self);

G_END_DECLS
