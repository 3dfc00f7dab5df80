/* scc-review-form-vm.h
 *
 * SccReviewFormVm: a case's annual reviews and the form that records one
 * of them: when the invitations went out, when the meeting is planned,
 * who attended (names and roles, separated by semicolons) and the reasons
 * for the decision. scc_review_form_vm_load reads the case's reviews
 * (::notify "reviews" when they arrive, "load-error" when they do not);
 * scc_review_form_vm_select fills the form from one of them (the latest
 * when they arrive). Submitting writes the selected review at the version
 * it was read at (PUT .../reviews/{id}): someone else's change in between
 * is the general error, with Reload; on success the reviews are read
 * again. Dates are checked before anything is sent; the server's field
 * errors land on the fields, "attendees[2]" on attendees. The meeting,
 * report and decision themselves are the case's events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-review.h"

#include "scc-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_REVIEW_FORM_VM (scc_review_form_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccReviewFormVm, scc_review_form_vm, SCC, REVIEW_FORM_VM, SccFormVm)

SccReviewFormVm *scc_review_form_vm_new            (SccApiClient    *api_client);
void             scc_review_form_vm_load           (SccReviewFormVm *self,
                                                    gint64           case_id);
gint64           scc_review_form_vm_get_case_id    (SccReviewFormVm *self);
/* (element-type ScReview) (transfer none): NULL until loaded */
GPtrArray       *scc_review_form_vm_get_reviews    (SccReviewFormVm *self);
const char      *scc_review_form_vm_get_load_error (SccReviewFormVm *self);
/* Fills the form from review @index of the list. */
void             scc_review_form_vm_select         (SccReviewFormVm *self,
                                                    guint            index);
/* The review the form records on, or -1 */
int              scc_review_form_vm_get_selected   (SccReviewFormVm *self);

G_END_DECLS
