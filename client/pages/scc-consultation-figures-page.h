/* scc-consultation-figures-page.h
 *
 * SccConsultationFiguresPage ("consultation-figures"): Institutions
 * Consulted, for team managers: each institution the team's cases
 * consulted, with its consultations, answers, overdue, refusals, refusals
 * later reversed, agreements and the funding asked against agreed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-consultation-list-vm.h"
#include "scc-list-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_CONSULTATION_FIGURES_PAGE (scc_consultation_figures_page_get_type ())

G_DECLARE_FINAL_TYPE (SccConsultationFiguresPage, scc_consultation_figures_page, SCC, CONSULTATION_FIGURES_PAGE,
                      SccListPage)

SccFiguresListVm *scc_consultation_figures_page_get_view_model (SccConsultationFiguresPage *self);

G_END_DECLS
