/* scd-mediation-store.h
 *
 * ScdMediationStore: the mediations, each about a case and seen by those
 * who see the case. Started (create) and changed at a version (put) in
 * the case's transaction with the event the certificate adds
 * (sc_mediation_new_events), so that the case's clock extends the time
 * to appeal; read alone (get) or as the team's list by next deadline
 * (list). Every read and write is audited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-mediation.h"
#include "scd-actor.h"
#include "scd-case-store.h"
#include "scd-store.h"

G_BEGIN_DECLS

#define SCD_TYPE_MEDIATION_STORE (scd_mediation_store_get_type ())

G_DECLARE_FINAL_TYPE (ScdMediationStore, scd_mediation_store, SCD, MEDIATION_STORE, ScdStore)

ScdMediationStore *scd_mediation_store_new           (ScdDb                   *db,
                                                      ScdCaseStore            *cases);

void               scd_mediation_store_create_async  (ScdMediationStore       *self,
                                                      const ScdActor          *actor,
                                                      const ScMediation       *mediation,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
ScMediation       *scd_mediation_store_create_finish (ScdMediationStore       *self,
                                                      GAsyncResult            *result,
                                                      GError                 **error);

void               scd_mediation_store_get_async     (ScdMediationStore       *self,
                                                      const ScdActor          *actor,
                                                      gint64                   id,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
ScMediation       *scd_mediation_store_get_finish    (ScdMediationStore       *self,
                                                      GAsyncResult            *result,
                                                      GError                 **error);

/* @before: as read for the change; written only if still at @if_match */
void               scd_mediation_store_put_async     (ScdMediationStore       *self,
                                                      const ScdActor          *actor,
                                                      const ScMediation       *before,
                                                      const ScMediation       *after,
                                                      gint64                   if_match,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
ScMediation       *scd_mediation_store_put_finish    (ScdMediationStore       *self,
                                                      GAsyncResult            *result,
                                                      gint64                  *current,
                                                      GError                 **error);

typedef ScdRecordQuery ScdMediationQuery;

/* (element-type ScMediation): by next due (none last), then id */
void               scd_mediation_store_list_async    (ScdMediationStore       *self,
                                                      const ScdActor          *actor,
                                                      const ScdMediationQuery *query,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
GPtrArray         *scd_mediation_store_list_finish   (ScdMediationStore       *self,
                                                      GAsyncResult            *result,
                                                      char                   **next_cursor,
                                                      GError                 **error);

G_END_DECLS
