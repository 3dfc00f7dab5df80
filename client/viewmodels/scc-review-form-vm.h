/* scc-review-form-vm.h
 *
 * SccReviewFormVm: a case's annual reviews and the form that records one
 * of them (an SccRecordFormVm of ScReview): when the invitations went
 * out, when the meeting is planned, who attended (names and roles,
 * separated by semicolons) and the reasons for the decision. Dates are
 * checked before anything is sent; the server's field errors land on the
 * fields, "attendees[2]" on attendees. The meeting, report and decision
 * themselves are the case's events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-review.h"

#include "scc-record-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_REVIEW_FORM_VM (scc_review_form_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccReviewFormVm, scc_review_form_vm, SCC, REVIEW_FORM_VM, SccRecordFormVm)

SccReviewFormVm *scc_review_form_vm_new (SccApiClient *api_client);

G_END_DECLS
