/* scc-plan-editor.h
 *
 * SccPlanEditor: the editor of one section of a draft plan. A section of
 * rows (needs, outcomes, provision, advice) is a group per row, each field
 * of the row an entry, with Add and Remove; a provision row, and an
 * outcome, offers the needs (and outcomes) of the draft to link as check
 * buttons, so what it meets is chosen, not typed. Section A is a text
 * view; I and J their few fields. The editor emits ::changed with its
 * content (sc-plan.h's JSON) whenever the user changes anything, and shows
 * the quality warnings beside the rows they name and a refusal's field
 * errors beside the fields, without being rebuilt: the keyboard stays
 * where it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-plan.h"

G_BEGIN_DECLS

#define SCC_TYPE_PLAN_EDITOR (scc_plan_editor_get_type ())

G_DECLARE_FINAL_TYPE (SccPlanEditor, scc_plan_editor, SCC, PLAN_EDITOR, GtkBox)

/* A row another section's rows may link to: "b.1" and what it says */
typedef struct
{
  char *ref;
  char *text;
} SccPlanLink;

void           scc_plan_link_free            (SccPlanLink   *link);

/* @needs, @outcomes: (element-type SccPlanLink) (nullable): what rows of
 * this section may link to. */
GtkWidget     *scc_plan_editor_new           (ScPlanSectionId  section,
                                              const char      *content,
                                              GPtrArray       *needs,
                                              GPtrArray       *outcomes);
ScPlanSectionId scc_plan_editor_get_section  (SccPlanEditor   *self);
/* Returns: (transfer full): the content as the user left it, JSON text */
char          *scc_plan_editor_dup_content   (SccPlanEditor   *self);
/* @warnings: (element-type ScPlanWarning): the draft's; this section's
 * are shown */
void           scc_plan_editor_show_warnings (SccPlanEditor   *self,
                                              GPtrArray       *warnings);
/* @refusal: (nullable): a 422 of this section's save */
void           scc_plan_editor_show_refusal  (SccPlanEditor   *self,
                                              const GError    *refusal);
/* Adds an empty row and focuses it; FALSE for a section without rows */
gboolean       scc_plan_editor_add_row       (SccPlanEditor   *self);
/* The entry of row @row's @member ("text", "frequency"), for tests */
GtkWidget     *scc_plan_editor_get_field     (SccPlanEditor   *self,
                                              guint            row,
                                              const char      *member);
guint          scc_plan_editor_get_n_rows    (SccPlanEditor   *self);

G_END_DECLS
