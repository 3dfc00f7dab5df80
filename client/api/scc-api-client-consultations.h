/* scc-api-client-consultations.h
 *
 * The consultation calls of SccApiClient: a case's consultations, sending
 * one, recording what one holds at its version, the team's list and
 * chasing many at once, each decoded with the model's one codec
 * (ScConsultation, sc-consultation.h). A consultation's answer and its
 * withdrawal are the case's events (scc_api_client_add_event_async).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-case-event.h"
#include "sc-consultation.h"
#include "sc-funding-band.h"

#include "scc-api-client.h"

G_BEGIN_DECLS

/* GET /api/v1/cases/{id}/consultations. Returns ScConsultation. */
void            scc_api_client_list_consultations_async  (SccApiClient        *self,
                                                          gint64               case_id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray      *scc_api_client_list_consultations_finish (SccApiClient        *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* POST /api/v1/cases/{id}/consultations: consult @urn, sent on @sent_on,
 * the family's @preference_rank (0: none). @idempotency_key as for an
 * event. Returns: the consultation_sent event (its id the consultation's). */
void            scc_api_client_send_consultation_async   (SccApiClient        *self,
                                                          gint64               case_id,
                                                          gint64               urn,
                                                          ScDay                sent_on,
                                                          int                  preference_rank,
                                                          const char          *idempotency_key,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
ScCaseEvent    *scc_api_client_send_consultation_finish  (SccApiClient        *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* PUT /api/v1/cases/{id}/consultations/{consultation_id} at @version (0:
 * nothing recorded yet). Returns: the consultation as it now is. */
void            scc_api_client_put_consultation_async    (SccApiClient               *self,
                                                          gint64                      case_id,
                                                          gint64                      consultation_id,
                                                          const ScConsultationChange *change,
                                                          gint64                      version,
                                                          GCancellable               *cancellable,
                                                          GAsyncReadyCallback         callback,
                                                          gpointer                    user_data);
ScConsultation *scc_api_client_put_consultation_finish   (SccApiClient        *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* GET /api/v1/consultations: one page of the team's, @status (nullable:
 * any) and @owner ("me", an id, or NULL: anyone's). Returns ScConsultation. */
void            scc_api_client_team_consultations_async  (SccApiClient        *self,
                                                          const char          *status,
                                                          const char          *owner,
                                                          const char          *cursor,
                                                          guint                limit,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray      *scc_api_client_team_consultations_finish (SccApiClient        *self,
                                                          GAsyncResult        *result,
                                                          char               **next_cursor,
                                                          GError             **error);

/* The team's list as a chase list (SccChaseListAsync): the overdue only,
 * or every one still awaiting its answer ("open"). Finished with
 * scc_api_client_team_consultations_finish. */
void            scc_api_client_consultations_to_chase_async (SccApiClient        *self,
                                                             const char          *owner,
                                                             gboolean             overdue_only,
                                                             const char          *cursor,
                                                             guint                limit,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);

/* POST /api/v1/consultations/reminders: a reminder sent on @sent_on for
 * each of @ids (gint64). Returns: what was chased and skipped. */
void            scc_api_client_chase_consultations_async (SccApiClient        *self,
                                                          GArray              *ids,
                                                          ScDay                sent_on,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
ScConsultationChase *
                scc_api_client_chase_consultations_finish (SccApiClient       *self,
                                                           GAsyncResult       *result,
                                                           GError            **error);

/* GET /api/v1/consultations/institutions: one page of each institution's
 * figures, by URN. Returns ScConsultationStats. */
void            scc_api_client_consultation_figures_async  (SccApiClient        *self,
                                                            const char          *cursor,
                                                            guint                limit,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GPtrArray      *scc_api_client_consultation_figures_finish (SccApiClient        *self,
                                                            GAsyncResult        *result,
                                                            char               **next_cursor,
                                                            GError             **error);

/* GET /api/v1/funding-bands: the first page of the authority's bands (at
 * most 200). Returns ScFundingBand. */
void            scc_api_client_list_funding_bands_async  (SccApiClient        *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray      *scc_api_client_list_funding_bands_finish (SccApiClient        *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
/* PUT /api/v1/funding-bands/{code} at @version (0: a new band) */
void            scc_api_client_put_funding_band_async    (SccApiClient        *self,
                                                          const ScFundingBand *band,
                                                          gint64               version,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
ScFundingBand  *scc_api_client_put_funding_band_finish   (SccApiClient        *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
