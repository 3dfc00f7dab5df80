/* scd-funding-band-store.h
 *
 * The authority's funding bands (sc-funding-band.h): every statement
 * that reads or changes funding_band, each with its audit row, each row
 * decoded once into ScFundingBand. Not a child's record: every role that
 * works on cases reads the table; team managers change it (the route's
 * access, docs/access.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-funding-band.h"
#include "sc-transfer.h"
#include "scd-actor.h"
#include "scd-store.h"

G_BEGIN_DECLS

#define SCD_TYPE_FUNDING_BAND_STORE (scd_funding_band_store_get_type ())

G_DECLARE_FINAL_TYPE (ScdFundingBandStore, scd_funding_band_store, SCD, FUNDING_BAND_STORE, ScdStore)

ScdFundingBandStore *scd_funding_band_store_new (ScdDb *db);

/* One page of the bands by code, after @after (NULL: the first) */
void           scd_funding_band_store_list_async  (ScdFundingBandStore *self,
                                                   const ScdActor      *actor,
                                                   const char          *after,
                                                   guint                limit,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* Returns: (transfer full) (element-type ScFundingBand) */
GPtrArray     *scd_funding_band_store_list_finish (ScdFundingBandStore *self,
                                                   GAsyncResult        *result,
                                                   char               **next_cursor,
                                                   GError             **error);
/* Writes @band (its code, and the change) if the band is still at
 * @if_match (0: a new band); PRECONDITION_FAILED with *@current. */
void           scd_funding_band_store_put_async   (ScdFundingBandStore *self,
                                                   const ScdActor      *actor,
                                                   const ScFundingBand *band,
                                                   gint64               if_match,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* Returns: (transfer full): the band as it now is */
ScFundingBand *scd_funding_band_store_put_finish  (ScdFundingBandStore *self,
                                                   GAsyncResult        *result,
                                                   gint64              *current,
                                                   GError             **error);

/* One page of the mappings of other authorities' bands onto ours (only
 * those awaiting a decision when @pending), by authority and code, after
 * the cursor @after ("812.B3") */
void           scd_funding_band_store_list_mappings_async  (ScdFundingBandStore *self,
                                                            const ScdActor      *actor,
                                                            gboolean             pending,
                                                            const char          *after,
                                                            guint                limit,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
/* Returns: (transfer full) (element-type ScBandMapping) */
GPtrArray     *scd_funding_band_store_list_mappings_finish (ScdFundingBandStore *self,
                                                            GAsyncResult        *result,
                                                            char               **next_cursor,
                                                            GError             **error);
/* Maps band @their_code of @authority_code onto our @our_code, if the
 * mapping is still at @if_match; the drafts of the transfers that waited on
 * it take the band in section I. NOT_FOUND, PRECONDITION_FAILED with
 * *@current, INVALID_INPUT on our_code. */
void           scd_funding_band_store_decide_mapping_async  (ScdFundingBandStore *self,
                                                             const ScdActor      *actor,
                                                             const char          *authority_code,
                                                             const char          *their_code,
                                                             const char          *our_code,
                                                             gint64               if_match,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
/* Returns: (transfer full): the mapping as it now is */
ScBandMapping *scd_funding_band_store_decide_mapping_finish (ScdFundingBandStore *self,
                                                             GAsyncResult        *result,
                                                             gint64              *current,
                                                             GError             **error);

G_END_DECLS
