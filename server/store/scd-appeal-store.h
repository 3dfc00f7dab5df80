/* scd-appeal-store.h
 *
 * ScdAppealStore: the tribunal appeals, each about a case and seen by
 * those who see the case. Registered (create) and changed at a version
 * (put) in the case's transaction with the events each adds
 * (sc_appeal_new_events), so that the case's clock holds the response
 * due and each order's deadlines; read alone (get) or as the team's list
 * by next deadline (list), each order with its deadlines as the case's
 * clock has them. Every read and write is audited. A tribunal reference
 * used already is a CONFLICT on the reference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-appeal.h"
#include "scd-actor.h"
#include "scd-case-store.h"
#include "scd-store.h"

G_BEGIN_DECLS

#define SCD_TYPE_APPEAL_STORE (scd_appeal_store_get_type ())

G_DECLARE_FINAL_TYPE (ScdAppealStore, scd_appeal_store, SCD, APPEAL_STORE, ScdStore)

ScdAppealStore *scd_appeal_store_new          (ScdDb           *db,
                                               ScdCaseStore    *cases);

void            scd_appeal_store_create_async (ScdAppealStore      *self,
                                               const ScdActor      *actor,
                                               const ScAppeal      *appeal,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
ScAppeal       *scd_appeal_store_create_finish (ScdAppealStore     *self,
                                                GAsyncResult       *result,
                                                GError            **error);

void            scd_appeal_store_get_async    (ScdAppealStore      *self,
                                               const ScdActor      *actor,
                                               gint64               id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
ScAppeal       *scd_appeal_store_get_finish   (ScdAppealStore      *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* @before: as read for the change; written only if still at @if_match */
void            scd_appeal_store_put_async    (ScdAppealStore      *self,
                                               const ScdActor      *actor,
                                               const ScAppeal      *before,
                                               const ScAppeal      *after,
                                               gint64               if_match,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
ScAppeal       *scd_appeal_store_put_finish   (ScdAppealStore      *self,
                                               GAsyncResult        *result,
                                               gint64              *current,
                                               GError             **error);

typedef ScdRecordQuery ScdAppealQuery;

/* (element-type ScAppeal): by next due (none last), then id */
void            scd_appeal_store_list_async   (ScdAppealStore       *self,
                                               const ScdActor       *actor,
                                               const ScdAppealQuery *query,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GPtrArray      *scd_appeal_store_list_finish  (ScdAppealStore      *self,
                                               GAsyncResult        *result,
                                               char               **next_cursor,
                                               GError             **error);

G_END_DECLS
