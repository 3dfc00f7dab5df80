/* scd-review-store.h
 *
 * The annual reviews of EHC plans: every statement that reads or changes
 * case_review, each with its audit row, each row decoded once into
 * ScReview. A review's dates are read from the case's events and
 * milestones in the same statement. Who may do what is the case's
 * (scd-case-store.h): a restricted case is NOT_FOUND for anyone but its
 * owner, its assignees and team managers; a caseworker records reviews
 * only on the cases they own or are assigned to (FORBIDDEN otherwise,
 * recorded as denied).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-phase-transfer.h"
#include "sc-review.h"
#include "scd-actor.h"
#include "scd-store.h"

G_BEGIN_DECLS

#define SCD_TYPE_REVIEW_STORE (scd_review_store_get_type ())

G_DECLARE_FINAL_TYPE (ScdReviewStore, scd_review_store, SCD, REVIEW_STORE, ScdStore)

ScdReviewStore *scd_review_store_new         (ScdDb               *db);

/* Every review of the case, the first first. */
void       scd_review_store_list_async       (ScdReviewStore      *self,
                                              const ScdActor      *actor,
                                              gint64               case_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Returns: (transfer full) (element-type ScReview) */
GPtrArray *scd_review_store_list_finish      (ScdReviewStore      *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Records @change on the review @review_id of the case if what it holds
 * is still at @if_match (0: nothing recorded yet). PRECONDITION_FAILED
 * with *@current (its version now) if not; NOT_FOUND if the case has no
 * such review. */
void       scd_review_store_put_async        (ScdReviewStore       *self,
                                              const ScdActor       *actor,
                                              gint64                case_id,
                                              gint64                review_id,
                                              const ScReviewChange *change,
                                              gint64                if_match,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* Returns: (transfer full): the review as it now is */
ScReview  *scd_review_store_put_finish       (ScdReviewStore      *self,
                                              GAsyncResult        *result,
                                              gint64              *current,
                                              GError             **error);

/* The reviews not yet held that are due within SC_REVIEW_DUE_SOON_DAYS
 * or overdue (only those with @overdue_only), of @owner_id's cases (0:
 * the team's), soonest first; a page of at most @limit after the cursor
 * (@after_due SC_DAY_NONE: the first page). */
void       scd_review_store_due_async        (ScdReviewStore      *self,
                                              const ScdActor      *actor,
                                              gint64               owner_id,
                                              gboolean             overdue_only,
                                              ScDay                after_due,
                                              gint64               after_case,
                                              gint64               after_position,
                                              guint                limit,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Returns: (transfer full) (element-type ScReview) */
GPtrArray *scd_review_store_due_finish       (ScdReviewStore      *self,
                                              GAsyncResult        *result,
                                              char               **next_cursor,
                                              GError             **error);

/* The children of @owner_id's cases (0: the team's) with a plan in force
 * who move to the next phase of education in September @transfer_year (0:
 * the year whose deadlines come next, sc_phase_transfer_year_for today),
 * by their deadline (15 February or 31 March), then name. */
void       scd_review_store_phase_transfers_async  (ScdReviewStore      *self,
                                                    const ScdActor      *actor,
                                                    int                  transfer_year,
                                                    gint64               owner_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* Returns: (transfer full) (element-type ScPhaseTransfer) */
GPtrArray *scd_review_store_phase_transfers_finish (ScdReviewStore      *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
