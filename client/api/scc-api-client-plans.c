/* scc-api-client-plans.c
 *
 * The plan calls of SccApiClient: see scc-api-client-plans.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-api-client"

#include "config.h"

#include "sc-error.h"
#include "sc-json.h"
#include "sc-page.h"

#include "scc-api-client-plans.h"
#include "scc-api-client-private.h"

void
scc_plan_draft_free (SccPlanDraft *draft)
{
  if (draft == NULL)
    return;
  g_clear_pointer (&draft->sections, g_ptr_array_unref);
  g_clear_pointer (&draft->warnings, g_ptr_array_unref);
  g_clear_pointer (&draft->advice, g_ptr_array_unref);
  g_free (draft);
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static SccPlanDraft *
read_draft (JsonNode  *node,
            GError   **error)
{
  g_autoptr(SccPlanDraft) draft = g_new0 (SccPlanDraft, 1);
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonArray *sections = object != NULL ? array_member (object, "sections") : NULL;
  JsonArray *warnings = object != NULL ? array_member (object, "warnings") : NULL;

  if (sections == NULL || warnings == NULL || json_array_get_length (sections) != SC_N_PLAN_SECTIONS)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "the plan needs its twelve sections and warnings");
      return NULL;
    }
  draft->sections = g_ptr_array_new_with_free_func (g_object_unref);
  draft->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_plan_warning_free);
  for (guint i = 0; i < SC_N_PLAN_SECTIONS; i++)
    {
      ScPlanSection *section = sc_plan_section_new_from_json (json_array_get_element (sections, i), error);

      if (section == NULL)
        return NULL;
      if (sc_plan_section_get_id (section) != (ScPlanSectionId) i)
        {
          g_object_unref (section);
          g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "the plan's sections are out of order at %u", i);
          return NULL;
        }
      g_ptr_array_add (draft->sections, section);
    }
  for (guint i = 0; i < json_array_get_length (warnings); i++)
    {
      ScPlanWarning *warning = sc_plan_warning_new_from_json (json_array_get_element (warnings, i), error);

      if (warning == NULL)
        return NULL;
      g_ptr_array_add (draft->warnings, warning);
    }
  draft->advice = sc_plan_advice_list_new_from_json (json_object_get_member (object, "advice_requests"), error);
  if (draft->advice == NULL)
    return NULL;
  return g_steal_pointer (&draft);
}

/* An answer read by @read into a value @free frees */
static void
value_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  ScReadJsonFunc read = (ScReadJsonFunc) g_task_get_task_data (task);
  gpointer value;

  node = _scc_api_client_request_finish (SCC_API_CLIENT (object), result, NULL, NULL, &error);
  if (node == NULL || (value = read (node, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (read == (ScReadJsonFunc) read_draft)
    g_task_return_pointer (task, value, (GDestroyNotify) scc_plan_draft_free);
  else
    g_task_return_pointer (task, value, (GDestroyNotify) g_ptr_array_unref);
}

static void
value_async (SccApiClient        *self,
             gpointer             source_tag,
             const char          *path,
             ScReadJsonFunc       read,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, (gpointer) read, NULL);
  _scc_api_client_request_async (self, "GET", path, NULL, NULL, SCC_API_REQUEST_DEFAULT, cancellable, value_cb,
                                 task);
}

void
scc_api_client_get_plan_async (SccApiClient        *self,
                               gint64               case_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/plan", case_id);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  value_async (self, scc_api_client_get_plan_async, path, (ScReadJsonFunc) read_draft, cancellable, callback,
               user_data);
}

SccPlanDraft *
scc_api_client_get_plan_finish (SccApiClient  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_get_plan_async, error);
}

void
scc_api_client_put_plan_section_async (SccApiClient        *self,
                                       gint64               case_id,
                                       ScPlanSectionId      section,
                                       const char          *content,
                                       gint64               version,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/plan/sections/%s", case_id,
                                           sc_plan_section_id_to_string (section));
  g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version);
  g_autofree char *text = g_strdup_printf ("{\"content\":%s}", content);
  g_autoptr(JsonNode) body = json_from_string (text, NULL);
  const char *if_match[] = { "If-Match", etag, NULL };
  const char *if_none[] = { "If-None-Match", "*", NULL };

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (body != NULL);
  _scc_api_client_model_async (self, scc_api_client_put_plan_section_async, "PUT", path, body,
                               version > 0 ? if_match : if_none, (ScReadJsonFunc) sc_plan_section_new_from_json,
                               cancellable, callback, user_data);
}

ScPlanSection *
scc_api_client_put_plan_section_finish (SccApiClient  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_put_plan_section_async, error);
}

void
scc_api_client_issue_plan_async (SccApiClient        *self,
                                 gint64               case_id,
                                 ScPlanVersionKind    kind,
                                 const char          *date,
                                 const char          *idempotency_key,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/plan/versions", case_id);
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  const char *headers[] = { "Idempotency-Key", idempotency_key, NULL };

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  json_object_set_string_member (object, "kind", sc_plan_version_kind_to_string (kind));
  json_object_set_string_member (object, "date", date);
  json_node_take_object (body, object);
  _scc_api_client_model_async (self, scc_api_client_issue_plan_async, "POST", path, body, headers,
                               (ScReadJsonFunc) sc_case_event_new_from_json, cancellable, callback, user_data);
}

ScCaseEvent *
scc_api_client_issue_plan_finish (SccApiClient  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_issue_plan_async, error);
}

static GPtrArray *
read_versions (JsonNode  *node,
               GError   **error)
{
  return sc_page_read_json (node, (ScReadJsonFunc) sc_plan_version_new_from_json, NULL, error);
}

void
scc_api_client_list_plan_versions_async (SccApiClient        *self,
                                         gint64               case_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/plan/versions", case_id);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  value_async (self, scc_api_client_list_plan_versions_async, path, (ScReadJsonFunc) read_versions, cancellable,
               callback, user_data);
}

GPtrArray *
scc_api_client_list_plan_versions_finish (SccApiClient  *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_list_plan_versions_async, error);
}

void
scc_api_client_diff_plan_versions_async (SccApiClient        *self,
                                         gint64               case_id,
                                         gint64               from,
                                         gint64               to,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/plan/versions/%" G_GINT64_FORMAT
                                           "/diff/%" G_GINT64_FORMAT, case_id, from, to);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  value_async (self, scc_api_client_diff_plan_versions_async, path, (ScReadJsonFunc) sc_plan_diff_to_lines,
               cancellable, callback, user_data);
}

GPtrArray *
scc_api_client_diff_plan_versions_finish (SccApiClient  *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_diff_plan_versions_async, error);
}

static void
pdf_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GBytes *pdf = _scc_api_client_request_document_finish (SCC_API_CLIENT (object), result, &error);

  if (pdf == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
}

void
scc_api_client_get_plan_pdf_async (SccApiClient        *self,
                                   gint64               case_id,
                                   gint64               number,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/plan/versions/%" G_GINT64_FORMAT "/pdf",
                                           case_id, number);
  GTask *task;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scc_api_client_get_plan_pdf_async);
  _scc_api_client_request_async (self, "GET", path, NULL, NULL, SCC_API_REQUEST_DOCUMENT, cancellable, pdf_cb,
                                 task);
}

GBytes *
scc_api_client_get_plan_pdf_finish (SccApiClient  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_get_plan_pdf_async, error);
}
