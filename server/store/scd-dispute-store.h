/* scd-dispute-store.h
 *
 * ScdDisputeStore: the team's view across its disputes: every open
 * complaint, mediation and tribunal appeal the actor may see, by next
 * deadline (list), and the counts of a year's disputes (counts). Each
 * read is audited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-dispute.h"
#include "scd-actor.h"
#include "scd-store.h"

G_BEGIN_DECLS

#define SCD_TYPE_DISPUTE_STORE (scd_dispute_store_get_type ())

G_DECLARE_FINAL_TYPE (ScdDisputeStore, scd_dispute_store, SCD, DISPUTE_STORE, ScdStore)

ScdDisputeStore *scd_dispute_store_new         (ScdDb               *db);

typedef struct
{
  ScDay       after_due;    /* the cursor: SC_DAY_NONE for the first page */
  const char *after_kind;
  gint64      after_id;
  guint       limit;
  gint64      case_id;      /* 0: every case's, and the service's */
  const char *status;       /* "open", "closed"; NULL: either */
} ScdDisputeQuery;

/* (element-type ScDispute): those of @query's status and case by next due
 * (none last), kind, id */
void             scd_dispute_store_list_async  (ScdDisputeStore       *self,
                                                const ScdActor        *actor,
                                                const ScdDisputeQuery *query,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
GPtrArray       *scd_dispute_store_list_finish (ScdDisputeStore       *self,
                                                GAsyncResult          *result,
                                                char                 **next_cursor,
                                                GError               **error);

/* (element-type ScDisputeCount): @year's counts, in a fixed order: appeals
 * registered that year, and decided that year for the family, conceded,
 * dismissed and withdrawn; complaints received that year at each stage,
 * and their outcomes; Ombudsman referrals; mediations asked for, held,
 * certificates issued and held with an agreement */
void             scd_dispute_store_counts_async  (ScdDisputeStore     *self,
                                                  const ScdActor      *actor,
                                                  int                  year,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray       *scd_dispute_store_counts_finish (ScdDisputeStore     *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
