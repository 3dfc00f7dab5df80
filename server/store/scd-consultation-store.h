/* scd-consultation-store.h
 *
 * Consultations (sc-consultation.h): every statement that reads or
 * changes case_consultation and consultation_reminder, each with its
 * audit row, each row decoded once into ScConsultation. A consultation's
 * dates are its case's events and milestones, read in the same statement;
 * it is sent, answered and withdrawn as an event of the case
 * (scd-case-store.h). Who may do what is the case's, as for reviews.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-consultation.h"
#include "scd-actor.h"
#include "scd-store.h"

G_BEGIN_DECLS

#define SCD_TYPE_CONSULTATION_STORE (scd_consultation_store_get_type ())

G_DECLARE_FINAL_TYPE (ScdConsultationStore, scd_consultation_store, SCD, CONSULTATION_STORE, ScdStore)

ScdConsultationStore *scd_consultation_store_new (ScdDb *db);

/* Every consultation of the case, by the day it was sent. */
void            scd_consultation_store_list_async  (ScdConsultationStore       *self,
                                                    const ScdActor             *actor,
                                                    gint64                      case_id,
                                                    GCancellable               *cancellable,
                                                    GAsyncReadyCallback         callback,
                                                    gpointer                    user_data);
/* Returns: (transfer full) (element-type ScConsultation) */
GPtrArray      *scd_consultation_store_list_finish (ScdConsultationStore       *self,
                                                    GAsyncResult               *result,
                                                    GError                    **error);

/* Records @change on consultation @consultation_id of the case if what it
 * holds is still at @if_match (0: nothing recorded yet). As for reviews:
 * PRECONDITION_FAILED with *@current, NOT_FOUND, FORBIDDEN; an outcome
 * before the answer's date is recorded is INVALID_INPUT. */
void            scd_consultation_store_put_async   (ScdConsultationStore       *self,
                                                    const ScdActor             *actor,
                                                    gint64                      case_id,
                                                    gint64                      consultation_id,
                                                    const ScConsultationChange *change,
                                                    gint64                      if_match,
                                                    GCancellable               *cancellable,
                                                    GAsyncReadyCallback         callback,
                                                    gpointer                    user_data);
/* Returns: (transfer full): the consultation as it now is */
ScConsultation *scd_consultation_store_put_finish  (ScdConsultationStore       *self,
                                                    GAsyncResult               *result,
                                                    gint64                     *current,
                                                    GError                    **error);

/* Which of the team's consultations: @owner_id's cases (0: anyone's), in
 * @status (nullable: any; one of sc_consultation_statuses, or "open" for
 * awaiting or overdue), with @urn (0:
 * any institution); after the cursor (@after_due, @after_id). */
typedef struct
{
  gint64      owner_id;
  const char *status;
  gint64      urn;
  ScDay       after_due;
  gint64      after_id;
  guint       limit;
} ScdConsultationQuery;

/* One page of the consultations of @query, the earliest due first. */
void            scd_consultation_store_team_async  (ScdConsultationStore       *self,
                                                    const ScdActor             *actor,
                                                    const ScdConsultationQuery *query,
                                                    GCancellable               *cancellable,
                                                    GAsyncReadyCallback         callback,
                                                    gpointer                    user_data);
/* Returns: (transfer full) (element-type ScConsultation); @next_cursor
 * "YYYY-MM-DD.ID", or NULL on the last page */
GPtrArray      *scd_consultation_store_team_finish (ScdConsultationStore       *self,
                                                    GAsyncResult               *result,
                                                    char                      **next_cursor,
                                                    GError                    **error);

/* Records a reminder sent on @sent_on for each of @ids the actor may
 * write that still awaits its answer (a second the same day is the
 * first); the others are skipped with their reason. */
void            scd_consultation_store_chase_async (ScdConsultationStore       *self,
                                                    const ScdActor             *actor,
                                                    GArray                     *ids,
                                                    ScDay                       sent_on,
                                                    GCancellable               *cancellable,
                                                    GAsyncReadyCallback         callback,
                                                    gpointer                    user_data);
/* Returns: (transfer full) */
ScConsultationChase *
                scd_consultation_store_chase_finish (ScdConsultationStore      *self,
                                                     GAsyncResult              *result,
                                                     GError                   **error);

/* One page, by URN after @after_urn, of each institution's figures over
 * the consultations sent on or after @since (SC_DAY_NONE: all). */
void            scd_consultation_store_institutions_async  (ScdConsultationStore  *self,
                                                            const ScdActor        *actor,
                                                            ScDay                  since,
                                                            gint64                 after_urn,
                                                            guint                  limit,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
/* Returns: (transfer full) (element-type ScConsultationStats) */
GPtrArray      *scd_consultation_store_institutions_finish (ScdConsultationStore  *self,
                                                            GAsyncResult          *result,
                                                            char                 **next_cursor,
                                                            GError               **error);

G_END_DECLS
