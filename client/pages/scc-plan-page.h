/* scc-plan-page.h
 *
 * SccPlanPage ("plan"): a case's EHC plan, opened from its case page
 * (Alt+P). Draft: the sections A to K in a sidebar, each with its
 * warnings counted and "not saved" while it has changes; the chosen
 * section's editor (SccPlanEditor) beside it; Save (Ctrl+S) writes every
 * changed section. When someone else saved a section first, the page says
 * so and offers to reload keeping what was typed. Versions: issuing the
 * saved draft as a draft, final or amended plan or as proposed amendments
 * (Ctrl+Shift+I), and every issued version with Open PDF and What Changed
 * (from the version before).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-page.h"
#include "scc-plan-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_PLAN_PAGE (scc_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (SccPlanPage, scc_plan_page, SCC, PLAN_PAGE, SccPage)

/* Shows case @case_id's plan (for @child, its subtitle) from any widget
 * of the window. */
void        scc_plan_page_open             (GtkWidget       *from,
                                            gint64           case_id,
                                            const char      *child);
SccPlanVm  *scc_plan_page_get_view_model   (SccPlanPage     *self);
/* The editor of the section shown, or NULL before the plan is read */
GtkWidget  *scc_plan_page_get_editor       (SccPlanPage     *self);
void        scc_plan_page_select_section   (SccPlanPage     *self,
                                            ScPlanSectionId  section);

G_END_DECLS
