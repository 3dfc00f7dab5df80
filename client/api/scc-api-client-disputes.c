/* scc-api-client-disputes.c
 *
 * The dispute calls of SccApiClient (scc-api-client-disputes.h): the
 * complaints, the tribunal appeals, mediation, the search for their case
 * and the team's view across them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-api-client"

#include "config.h"

#include "sc-error.h"
#include "scc-api-client-disputes.h"
#include "scc-api-client-private.h"

static const SccItemCodec case_codec = { (ScReadJsonFunc) sc_case_new_from_json, g_object_unref };
static const SccItemCodec complaint_codec = { (ScReadJsonFunc) sc_complaint_new_from_json,
                                              (GDestroyNotify) sc_complaint_free };
static const SccItemCodec appeal_codec = { (ScReadJsonFunc) sc_appeal_new_from_json,
                                           (GDestroyNotify) sc_appeal_free };
static const SccItemCodec dispute_codec = { (ScReadJsonFunc) sc_dispute_new_from_json,
                                            (GDestroyNotify) sc_dispute_free };
static const SccItemCodec mediation_codec = { (ScReadJsonFunc) sc_mediation_new_from_json,
                                              (GDestroyNotify) sc_mediation_free };

/* GET @base?status=&case_id= with the page */
static void
list_async (SccApiClient        *self,
            gpointer             tag,
            const char          *base,
            const SccItemCodec  *codec,
            const char          *status,
            gint64               case_id,
            const char          *cursor,
            guint                limit,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new (base);
  g_autofree char *id = case_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, case_id) : NULL;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_append_query (path, "status", status);
  _scc_api_client_append_query (path, "case_id", id);
  if (limit == 0)
    {
      _scc_api_client_every_page_async (self, tag, path->str, codec, cancellable, callback, user_data);
      return;
    }
  _scc_api_client_append_paging (path, cursor, limit);
  _scc_api_client_page_async (self, tag, path->str, codec, cancellable, callback, user_data);
}

void
scc_api_client_list_complaints_async (SccApiClient        *self,
                                      const char          *status,
                                      gint64               case_id,
                                      const char          *cursor,
                                      guint                limit,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  list_async (self, scc_api_client_list_complaints_async, "/complaints", &complaint_codec, status, case_id, cursor,
              limit, cancellable, callback, user_data);
}

GPtrArray *
scc_api_client_list_complaints_finish (SccApiClient  *self,
                                       GAsyncResult  *result,
                                       char         **next_cursor,
                                       GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_list_complaints_async, next_cursor, error);
}

static void
add_text (JsonBuilder *builder,
          const char  *member,
          const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

void
scc_api_client_create_complaint_async (SccApiClient        *self,
                                       const ScComplaint   *complaint,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  char day[SC_DAY_STRING_SIZE];

  g_return_if_fail (SCC_IS_API_CLIENT (self));

  json_builder_begin_object (builder);
  if (complaint->case_id > 0)
    {
      json_builder_set_member_name (builder, "case_id");
      json_builder_add_int_value (builder, complaint->case_id);
    }
  add_text (builder, "reference", complaint->reference);
  add_text (builder, "received_on", sc_day_format (complaint->received_on, day));
  json_builder_set_member_name (builder, "stage");
  json_builder_add_int_value (builder, complaint->stage == 2 ? 2 : 1);
  add_text (builder, "category", complaint->category);
  add_text (builder, "complainant", complaint->complainant);
  add_text (builder, "channel", complaint->channel);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  _scc_api_client_model_full_async (self, scc_api_client_create_complaint_async, "POST", "/complaints", body, NULL,
                                    (ScReadJsonFunc) sc_complaint_new_from_json, (GDestroyNotify) sc_complaint_free,
                                    cancellable, callback, user_data);
}

ScComplaint *
scc_api_client_create_complaint_finish (SccApiClient  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_create_complaint_async, error);
}

void
scc_api_client_put_complaint_async (SccApiClient        *self,
                                    const ScComplaint   *complaint,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/complaints/%" G_GINT64_FORMAT, complaint->id);
  g_autofree char *text = sc_complaint_change_to_json (complaint);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_put_versioned_async (self, scc_api_client_put_complaint_async, path, text, complaint->version,
                                       (ScReadJsonFunc) sc_complaint_new_from_json,
                                       (GDestroyNotify) sc_complaint_free, cancellable, callback, user_data);
}

ScComplaint *
scc_api_client_put_complaint_finish (SccApiClient  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_put_complaint_async, error);
}

void
scc_api_client_find_cases_async (SccApiClient        *self,
                                 const char          *query,
                                 guint                limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/cases");

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_append_query (path, "q", query);
  _scc_api_client_append_paging (path, NULL, limit);
  _scc_api_client_page_async (self, scc_api_client_find_cases_async, path->str, &case_codec, cancellable, callback,
                              user_data);
}

GPtrArray *
scc_api_client_find_cases_finish (SccApiClient  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_find_cases_async, NULL, error);
}

void
scc_api_client_list_appeals_async (SccApiClient        *self,
                                   const char          *status,
                                   gint64               case_id,
                                   const char          *cursor,
                                   guint                limit,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  list_async (self, scc_api_client_list_appeals_async, "/appeals", &appeal_codec, status, case_id, cursor, limit,
              cancellable, callback, user_data);
}

GPtrArray *
scc_api_client_list_appeals_finish (SccApiClient  *self,
                                    GAsyncResult  *result,
                                    char         **next_cursor,
                                    GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_list_appeals_async, next_cursor, error);
}

void
scc_api_client_create_appeal_async (SccApiClient        *self,
                                    const ScAppeal      *appeal,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  char day[SC_DAY_STRING_SIZE];

  g_return_if_fail (SCC_IS_API_CLIENT (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "case_id");
  json_builder_add_int_value (builder, appeal->case_id);
  add_text (builder, "reference", appeal->reference);
  add_text (builder, "appeal_type", appeal->appeal_type);
  add_text (builder, "registered_on", sc_day_format (appeal->registered_on, day));
  add_text (builder, "representatives", appeal->representatives);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  _scc_api_client_model_full_async (self, scc_api_client_create_appeal_async, "POST", "/appeals", body, NULL,
                                    (ScReadJsonFunc) sc_appeal_new_from_json, (GDestroyNotify) sc_appeal_free,
                                    cancellable, callback, user_data);
}

ScAppeal *
scc_api_client_create_appeal_finish (SccApiClient  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_create_appeal_async, error);
}

void
scc_api_client_put_appeal_async (SccApiClient        *self,
                                 const ScAppeal      *appeal,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/appeals/%" G_GINT64_FORMAT, appeal->id);
  g_autofree char *text = sc_appeal_change_to_json (appeal);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_put_versioned_async (self, scc_api_client_put_appeal_async, path, text, appeal->version,
                                       (ScReadJsonFunc) sc_appeal_new_from_json, (GDestroyNotify) sc_appeal_free,
                                       cancellable, callback, user_data);
}

ScAppeal *
scc_api_client_put_appeal_finish (SccApiClient  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_put_appeal_async, error);
}

void
scc_api_client_list_mediations_async (SccApiClient        *self,
                                      const char          *status,
                                      gint64               case_id,
                                      const char          *cursor,
                                      guint                limit,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  list_async (self, scc_api_client_list_mediations_async, "/mediations", &mediation_codec, status, case_id, cursor,
              limit, cancellable, callback, user_data);
}

GPtrArray *
scc_api_client_list_mediations_finish (SccApiClient  *self,
                                       GAsyncResult  *result,
                                       char         **next_cursor,
                                       GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_list_mediations_async, next_cursor, error);
}

void
scc_api_client_create_mediation_async (SccApiClient        *self,
                                       const ScMediation   *mediation,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  char day[SC_DAY_STRING_SIZE];

  g_return_if_fail (SCC_IS_API_CLIENT (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "case_id");
  json_builder_add_int_value (builder, mediation->case_id);
  add_text (builder, "advice_requested_on", sc_day_format (mediation->advice_requested_on, day));
  add_text (builder, "provider", mediation->provider);
  add_text (builder, "notes", mediation->notes);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  _scc_api_client_model_full_async (self, scc_api_client_create_mediation_async, "POST", "/mediations", body, NULL,
                                    (ScReadJsonFunc) sc_mediation_new_from_json, (GDestroyNotify) sc_mediation_free,
                                    cancellable, callback, user_data);
}

ScMediation *
scc_api_client_create_mediation_finish (SccApiClient  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_create_mediation_async, error);
}

void
scc_api_client_put_mediation_async (SccApiClient        *self,
                                    const ScMediation   *mediation,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/mediations/%" G_GINT64_FORMAT, mediation->id);
  g_autofree char *text = sc_mediation_change_to_json (mediation);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_put_versioned_async (self, scc_api_client_put_mediation_async, path, text, mediation->version,
                                       (ScReadJsonFunc) sc_mediation_new_from_json,
                                       (GDestroyNotify) sc_mediation_free, cancellable, callback, user_data);
}

ScMediation *
scc_api_client_put_mediation_finish (SccApiClient  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_put_mediation_async, error);
}

void
scc_api_client_list_disputes_async (SccApiClient        *self,
                                    const char          *status,
                                    gint64               case_id,
                                    const char          *cursor,
                                    guint                limit,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  list_async (self, scc_api_client_list_disputes_async, "/disputes", &dispute_codec, status, case_id, cursor, limit,
              cancellable, callback, user_data);
}

/* GET @base/@id, read with @codec */
static void
get_async (SccApiClient        *self,
           gpointer             tag,
           const char          *base,
           const SccItemCodec  *codec,
           gint64               id,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("%s/%" G_GINT64_FORMAT, base, id);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_model_full_async (self, tag, "GET", path, NULL, NULL, codec->read, codec->free, cancellable,
                                    callback, user_data);
}

void
scc_api_client_get_complaint_async (SccApiClient        *self,
                                    gint64               id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  get_async (self, scc_api_client_get_complaint_async, "/complaints", &complaint_codec, id, cancellable, callback,
             user_data);
}

ScComplaint *
scc_api_client_get_complaint_finish (SccApiClient  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_get_complaint_async, error);
}

void
scc_api_client_get_appeal_async (SccApiClient        *self,
                                 gint64               id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  get_async (self, scc_api_client_get_appeal_async, "/appeals", &appeal_codec, id, cancellable, callback,
             user_data);
}

ScAppeal *
scc_api_client_get_appeal_finish (SccApiClient  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_get_appeal_async, error);
}

void
scc_api_client_get_mediation_async (SccApiClient        *self,
                                    gint64               id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  get_async (self, scc_api_client_get_mediation_async, "/mediations", &mediation_codec, id, cancellable, callback,
             user_data);
}

ScMediation *
scc_api_client_get_mediation_finish (SccApiClient  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_get_mediation_async, error);
}

GPtrArray *
scc_api_client_list_disputes_finish (SccApiClient  *self,
                                     GAsyncResult  *result,
                                     char         **next_cursor,
                                     GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_list_disputes_async, next_cursor, error);
}

/* {"year", "counts": [...]}: the counts */
static gpointer
read_counts (JsonNode  *node,
             GError   **error)
{
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_dispute_count_free);
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *member = object != NULL ? json_object_get_member (object, "counts") : NULL;
  JsonArray *array;

  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "dispute counts: must have a list of counts");
      return NULL;
    }
  array = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      ScDisputeCount *count = sc_dispute_count_new_from_json (json_array_get_element (array, i), error);

      if (count == NULL)
        return NULL;
      g_ptr_array_add (counts, count);
    }
  return g_steal_pointer (&counts);
}

void
scc_api_client_count_disputes_async (SccApiClient        *self,
                                     int                  year,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/disputes/counts?year=%d", year);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_model_full_async (self, scc_api_client_count_disputes_async, "GET", path, NULL, NULL, read_counts,
                                    (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
scc_api_client_count_disputes_finish (SccApiClient  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_count_disputes_async, error);
}
