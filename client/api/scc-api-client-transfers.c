/* scc-api-client-transfers.c
 *
 * The transfer calls of SccApiClient (scc-api-client-transfers.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-api-client"

#include "config.h"

#include "scc-api-client-private.h"
#include "scc-api-client-transfers.h"

static const SccItemCodec mapping_codec = { (ScReadJsonFunc) sc_band_mapping_new_from_json,
                                            (GDestroyNotify) sc_band_mapping_free };

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) file = _scc_api_client_request_finish (SCC_API_CLIENT (object), result, NULL, NULL, &error);

  if (file == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, json_to_string (file, TRUE), g_free);
}

void
scc_api_client_export_case_async (SccApiClient        *self,
                                  gint64               case_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/export", case_id);
  GTask *task;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scc_api_client_export_case_async);
  _scc_api_client_request_async (self, "GET", path, NULL, NULL, SCC_API_REQUEST_DEFAULT, cancellable, exported_cb,
                                 task);
}

char *
scc_api_client_export_case_finish (SccApiClient  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_export_case_async, error);
}

void
scc_api_client_import_transfer_async (SccApiClient            *self,
                                      const SccTransferImport *import,
                                      const char              *idempotency_key,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  const char *headers[] = { "Idempotency-Key", idempotency_key, NULL };
  char day[SC_DAY_STRING_SIZE];

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (import != NULL && import->file != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_value (builder, json_node_copy (import->file));
  json_builder_set_member_name (builder, "owner_id");
  json_builder_add_int_value (builder, import->owner_id);
  json_builder_set_member_name (builder, "transferred_on");
  json_builder_add_string_value (builder, sc_day_format (import->transferred_on, day));
  if (import->person_id > 0)
    {
      json_builder_set_member_name (builder, "person_id");
      json_builder_add_int_value (builder, import->person_id);
    }
  if (import->confirm_different_person)
    {
      json_builder_set_member_name (builder, "confirm_different_person");
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  _scc_api_client_model_full_async (self, scc_api_client_import_transfer_async, "POST", "/transfers", body,
                                    idempotency_key != NULL ? headers : NULL,
                                    (ScReadJsonFunc) sc_transfer_in_new_from_json,
                                    (GDestroyNotify) sc_transfer_in_free, cancellable, callback, user_data);
}

ScTransferIn *
scc_api_client_import_transfer_finish (SccApiClient  *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_import_transfer_async, error);
}

void
scc_api_client_list_band_mappings_async (SccApiClient        *self,
                                         gboolean             pending,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_page_async (self, scc_api_client_list_band_mappings_async,
                              pending ? "/band-mappings?status=pending&limit=200" : "/band-mappings?status=all&limit=200",
                              &mapping_codec, cancellable, callback, user_data);
}

/**
 * scc_api_client_list_band_mappings_finish:
 *
 * Returns: (transfer full) (element-type ScBandMapping): or NULL
 */
GPtrArray *
scc_api_client_list_band_mappings_finish (SccApiClient  *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_list_band_mappings_async, NULL, error);
}

void
scc_api_client_decide_band_mapping_async (SccApiClient        *self,
                                          const ScBandMapping *mapping,
                                          const char          *our_code,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (mapping != NULL && our_code != NULL);

  escaped = g_uri_escape_string (mapping->their_code, NULL, FALSE);
  path = g_strdup_printf ("/band-mappings/%s/%s", mapping->authority_code, escaped);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "our_code");
  json_builder_add_string_value (builder, our_code);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  text = json_to_string (body, FALSE);
  _scc_api_client_put_versioned_async (self, scc_api_client_decide_band_mapping_async, path, text, mapping->version,
                                       (ScReadJsonFunc) sc_band_mapping_new_from_json,
                                       (GDestroyNotify) sc_band_mapping_free, cancellable, callback, user_data);
}

ScBandMapping *
scc_api_client_decide_band_mapping_finish (SccApiClient  *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_decide_band_mapping_async, error);
}
