/* scc-api-client-transfers.h
 *
 * The calls of SccApiClient that move a case between authorities: a
 * case's interchange file out, one in as a transfer, and the mappings of
 * other authorities' funding bands onto ours (docs/transfer-format.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-transfer.h"

#include "scc-api-client.h"

G_BEGIN_DECLS

/* GET /api/v1/cases/{id}/export. Returns: the file, as JSON text */
void           scc_api_client_export_case_async         (SccApiClient        *self,
                                                         gint64               case_id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
char          *scc_api_client_export_case_finish        (SccApiClient        *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

/* What POST /api/v1/transfers sends */
typedef struct
{
  JsonNode *file;                   /* the interchange file */
  gint64    owner_id;
  ScDay     transferred_on;
  gint64    person_id;              /* 0: find or create */
  gboolean  confirm_different_person;
} SccTransferImport;

/* POST /api/v1/transfers with @idempotency_key (nullable). Returns ScTransferIn */
void           scc_api_client_import_transfer_async     (SccApiClient            *self,
                                                         const SccTransferImport *import,
                                                         const char              *idempotency_key,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
ScTransferIn  *scc_api_client_import_transfer_finish    (SccApiClient        *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

/* GET /api/v1/band-mappings: the first 200, @pending only or all.
 * Returns ScBandMapping */
void           scc_api_client_list_band_mappings_async  (SccApiClient        *self,
                                                         gboolean             pending,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GPtrArray     *scc_api_client_list_band_mappings_finish (SccApiClient        *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

/* PUT /api/v1/band-mappings/{authority}/{code} at @version: their band
 * @mapping is our @our_code */
void           scc_api_client_decide_band_mapping_async (SccApiClient        *self,
                                                         const ScBandMapping *mapping,
                                                         const char          *our_code,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
ScBandMapping *scc_api_client_decide_band_mapping_finish (SccApiClient        *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
