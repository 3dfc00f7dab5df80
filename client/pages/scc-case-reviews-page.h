/* scc-case-reviews-page.h
 *
 * SccCaseReviewsPage ("case-reviews"): the annual reviews of one case's
 * plan, opened from the case (Reviews, Alt+E) or from Reviews Due. Record
 * on a Review chooses a review (the latest at first) and records when its
 * invitations went out, when the meeting is planned, who attended and the
 * reasons for the decision (Save, Ctrl+S; a message beside the field for
 * a wrong date; someone else's change in between is said under the form,
 * with Reload, Ctrl+R). Below, every review with its dates, its decision
 * and what is missing, each an expander row. An admin officer reads them;
 * the form is theirs to read only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-records-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_CASE_REVIEWS_PAGE (scc_case_reviews_page_get_type ())

G_DECLARE_FINAL_TYPE (SccCaseReviewsPage, scc_case_reviews_page, SCC, CASE_REVIEWS_PAGE, SccRecordsPage)

/* Opens the page of @case_id's reviews from the page @from is on;
 * @child: the child's name, for the title. */
void             scc_case_reviews_page_open           (GtkWidget          *from,
                                                       gint64              case_id,
                                                       const char         *child);

G_END_DECLS
