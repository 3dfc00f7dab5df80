/* scc-api-client-consultations.c
 *
 * The consultation calls of SccApiClient (scc-api-client-consultations.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-api-client"

#include "config.h"

#include "scc-api-client-consultations.h"
#include "scc-api-client-private.h"

static const SccItemCodec band_codec = { (ScReadJsonFunc) sc_funding_band_new_from_json,
                                         (GDestroyNotify) sc_funding_band_free };
static const SccItemCodec figures_codec = { (ScReadJsonFunc) sc_consultation_stats_new_from_json,
                                            (GDestroyNotify) sc_consultation_stats_free };
static const SccItemCodec consultation_codec = { (ScReadJsonFunc) sc_consultation_new_from_json,
                                                 (GDestroyNotify) sc_consultation_free };

void
scc_api_client_list_consultations_async (SccApiClient        *self,
                                         gint64               case_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/consultations", case_id);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_page_async (self, scc_api_client_list_consultations_async, path, &consultation_codec, cancellable,
                              callback, user_data);
}

/**
 * scc_api_client_list_consultations_finish:
 *
 * Returns: (transfer full) (element-type ScConsultation): or NULL
 */
GPtrArray *
scc_api_client_list_consultations_finish (SccApiClient  *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_list_consultations_async, NULL, error);
}

void
scc_api_client_send_consultation_async (SccApiClient        *self,
                                        gint64               case_id,
                                        gint64               urn,
                                        ScDay                sent_on,
                                        int                  preference_rank,
                                        const char          *idempotency_key,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/consultations", case_id);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  const char *headers[] = { "Idempotency-Key", idempotency_key, NULL };
  char day[SC_DAY_STRING_SIZE];

  g_return_if_fail (SCC_IS_API_CLIENT (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "urn");
  json_builder_add_int_value (builder, urn);
  json_builder_set_member_name (builder, "sent_on");
  json_builder_add_string_value (builder, sc_day_format (sent_on, day));
  if (preference_rank > 0)
    {
      json_builder_set_member_name (builder, "preference_rank");
      json_builder_add_int_value (builder, preference_rank);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  _scc_api_client_model_async (self, scc_api_client_send_consultation_async, "POST", path, body,
                               idempotency_key != NULL ? headers : NULL,
                               (ScReadJsonFunc) sc_case_event_new_from_json, cancellable, callback, user_data);
}

ScCaseEvent *
scc_api_client_send_consultation_finish (SccApiClient  *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_send_consultation_async, error);
}

void
scc_api_client_put_consultation_async (SccApiClient               *self,
                                       gint64                      case_id,
                                       gint64                      consultation_id,
                                       const ScConsultationChange *change,
                                       gint64                      version,
                                       GCancellable               *cancellable,
                                       GAsyncReadyCallback         callback,
                                       gpointer                    user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/consultations/%" G_GINT64_FORMAT, case_id,
                                           consultation_id);
  g_autofree char *text = sc_consultation_change_to_json (change);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_put_versioned_async (self, scc_api_client_put_consultation_async, path, text, version,
                                       (ScReadJsonFunc) sc_consultation_new_from_json,
                                       (GDestroyNotify) sc_consultation_free, cancellable, callback, user_data);
}

ScConsultation *
scc_api_client_put_consultation_finish (SccApiClient  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_put_consultation_async, error);
}

void
scc_api_client_team_consultations_async (SccApiClient        *self,
                                         const char          *status,
                                         const char          *owner,
                                         const char          *cursor,
                                         guint                limit,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/consultations");

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_append_query (path, "status", status);
  _scc_api_client_append_query (path, "owner", owner);
  _scc_api_client_append_paging (path, cursor, limit);
  _scc_api_client_page_async (self, scc_api_client_team_consultations_async, path->str, &consultation_codec,
                              cancellable, callback, user_data);
}

/**
 * scc_api_client_team_consultations_finish:
 *
 * Returns: (transfer full) (element-type ScConsultation): or NULL
 */
GPtrArray *
scc_api_client_team_consultations_finish (SccApiClient  *self,
                                          GAsyncResult  *result,
                                          char         **next_cursor,
                                          GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_team_consultations_async, next_cursor, error);
}

void
scc_api_client_consultations_to_chase_async (SccApiClient        *self,
                                             const char          *owner,
                                             gboolean             overdue_only,
                                             const char          *cursor,
                                             guint                limit,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  scc_api_client_team_consultations_async (self, overdue_only ? "overdue" : "open", owner, cursor, limit,
                                           cancellable, callback, user_data);
}

void
scc_api_client_chase_consultations_async (SccApiClient        *self,
                                          GArray              *ids,
                                          ScDay                sent_on,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  char day[SC_DAY_STRING_SIZE];

  g_return_if_fail (SCC_IS_API_CLIENT (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "consultations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (ids, gint64, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "sent_on");
  json_builder_add_string_value (builder, sc_day_format (sent_on, day));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  _scc_api_client_model_full_async (self, scc_api_client_chase_consultations_async, "POST", "/consultations/reminders",
                                    body, NULL, (ScReadJsonFunc) sc_consultation_chase_new_from_json,
                                    (GDestroyNotify) sc_consultation_chase_free, cancellable, callback, user_data);
}

ScConsultationChase *
scc_api_client_chase_consultations_finish (SccApiClient  *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_chase_consultations_async, error);
}

void
scc_api_client_list_funding_bands_async (SccApiClient        *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_page_async (self, scc_api_client_list_funding_bands_async, "/funding-bands?limit=200",
                              &band_codec, cancellable, callback, user_data);
}

/**
 * scc_api_client_list_funding_bands_finish:
 *
 * Returns: (transfer full) (element-type ScFundingBand): or NULL
 */
GPtrArray *
scc_api_client_list_funding_bands_finish (SccApiClient  *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_list_funding_bands_async, NULL, error);
}

void
scc_api_client_put_funding_band_async (SccApiClient        *self,
                                       const ScFundingBand *band,
                                       gint64               version,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *escaped = g_uri_escape_string (band->code, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/funding-bands/%s", escaped);
  g_autofree char *text = sc_funding_band_change_to_json (band);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_put_versioned_async (self, scc_api_client_put_funding_band_async, path, text, version,
                                       (ScReadJsonFunc) sc_funding_band_new_from_json,
                                       (GDestroyNotify) sc_funding_band_free, cancellable, callback, user_data);
}

ScFundingBand *
scc_api_client_put_funding_band_finish (SccApiClient  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_put_funding_band_async, error);
}

void
scc_api_client_consultation_figures_async (SccApiClient        *self,
                                           const char          *cursor,
                                           guint                limit,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/consultations/institutions");

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_append_paging (path, cursor, limit);
  _scc_api_client_page_async (self, scc_api_client_consultation_figures_async, path->str, &figures_codec,
                              cancellable, callback, user_data);
}

/**
 * scc_api_client_consultation_figures_finish:
 *
 * Returns: (transfer full) (element-type ScConsultationStats): or NULL
 */
GPtrArray *
scc_api_client_consultation_figures_finish (SccApiClient  *self,
                                            GAsyncResult  *result,
                                            char         **next_cursor,
                                            GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_consultation_figures_async, next_cursor, error);
}
