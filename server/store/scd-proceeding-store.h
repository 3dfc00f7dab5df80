/* scd-proceeding-store.h
 *
 * The amendments, reassessments, ceasings and transfers in of EHC plans
 * (sc-proceeding.h): every statement that reads or changes
 * case_proceeding, each with its audit row, each row decoded once into
 * ScProceeding. A proceeding's dates are read from the case's events and
 * milestones in the same statement. Who may do what is the case's
 * (scd-case-store.h), as for reviews.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-proceeding.h"
#include "scd-actor.h"
#include "scd-store.h"

G_BEGIN_DECLS

#define SCD_TYPE_PROCEEDING_STORE (scd_proceeding_store_get_type ())

G_DECLARE_FINAL_TYPE (ScdProceedingStore, scd_proceeding_store, SCD, PROCEEDING_STORE, ScdStore)

ScdProceedingStore *scd_proceeding_store_new (ScdDb *db);

/* Every proceeding of the case, in the clock's order. */
void          scd_proceeding_store_list_async  (ScdProceedingStore       *self,
                                                const ScdActor           *actor,
                                                gint64                    case_id,
                                                GCancellable             *cancellable,
                                                GAsyncReadyCallback       callback,
                                                gpointer                  user_data);
/* Returns: (transfer full) (element-type ScProceeding) */
GPtrArray    *scd_proceeding_store_list_finish (ScdProceedingStore       *self,
                                                GAsyncResult             *result,
                                                GError                  **error);
/* Records @change on proceeding @proceeding_id of the case if what it
 * holds is still at @if_match (0: nothing recorded yet). As for reviews:
 * PRECONDITION_FAILED with *@current, NOT_FOUND, FORBIDDEN; a ground on
 * anything but a ceasing is INVALID_INPUT. */
void          scd_proceeding_store_put_async   (ScdProceedingStore       *self,
                                                const ScdActor           *actor,
                                                gint64                    case_id,
                                                gint64                    proceeding_id,
                                                const ScProceedingChange *change,
                                                gint64                    if_match,
                                                GCancellable             *cancellable,
                                                GAsyncReadyCallback       callback,
                                                gpointer                  user_data);
/* Returns: (transfer full): the proceeding as it now is */
ScProceeding *scd_proceeding_store_put_finish  (ScdProceedingStore       *self,
                                                GAsyncResult             *result,
                                                gint64                   *current,
                                                GError                  **error);

G_END_DECLS
