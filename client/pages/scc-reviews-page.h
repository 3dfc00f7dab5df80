/* scc-reviews-page.h
 *
 * SccReviewsPage ("reviews"): Reviews Due, the annual reviews not yet held
 * that are due within eight weeks, and those overdue, the earliest due
 * first. By default the overdue reviews of a caseworker's own cases; a
 * team manager and an admin officer start on the team's. Whose (My Cases,
 * The Team) and Show (Overdue, Due Within 8 Weeks) choose the list. Enter
 * on a row opens the case's reviews; Back from them returns here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-list-page.h"
#include "scc-review-list-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_REVIEWS_PAGE (scc_reviews_page_get_type ())

G_DECLARE_FINAL_TYPE (SccReviewsPage, scc_reviews_page, SCC, REVIEWS_PAGE, SccListPage)

SccReviewListVm *scc_reviews_page_get_view_model (SccReviewsPage *self);

G_END_DECLS
