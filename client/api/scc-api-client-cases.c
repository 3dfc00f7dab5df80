/* scc-api-client-cases.c
 *
 * The case calls of SccApiClient: see scc-api-client-cases.h. Each builds
 * its path (and body) and hands the answer to the model's codec; a list
 * answer is a page read by the list requests (scc-api-client-pages.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-api-client"

#include "config.h"

#include "sc-error.h"
#include "sc-json.h"
#include "sc-json-writer.h"

#include "scc-api-client-cases.h"
#include "scc-api-client-private.h"

static const SccItemCodec case_codec = { (ScReadJsonFunc) sc_case_new_from_json, g_object_unref };
static const SccItemCodec event_codec = { (ScReadJsonFunc) sc_case_event_new_from_json, g_object_unref };
static const SccItemCodec workload_codec = { (ScReadJsonFunc) sc_workload_new_from_json,
                                          (GDestroyNotify) sc_workload_free };
static const SccItemCodec review_codec = { (ScReadJsonFunc) sc_review_new_from_json, (GDestroyNotify) sc_review_free };
static const SccItemCodec institution_codec = { (ScReadJsonFunc) sc_institution_new_from_json,
                                             (GDestroyNotify) sc_institution_free };
static const SccItemCodec proceeding_codec = { (ScReadJsonFunc) sc_proceeding_new_from_json,
                                            (GDestroyNotify) sc_proceeding_free };
static const SccItemCodec phase_transfer_codec = { (ScReadJsonFunc) sc_phase_transfer_new_from_json,
                                                (GDestroyNotify) sc_phase_transfer_free };
static const SccItemCodec advice_codec = { (ScReadJsonFunc) sc_advice_request_new_from_json,
                                        (GDestroyNotify) sc_advice_request_free };

void
scc_timeline_entry_free (SccTimelineEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->key);
  g_free (entry->title);
  g_free (entry->rule);
  g_free (entry);
}

gboolean
scc_timeline_entry_is_open (const SccTimelineEntry *entry)
{
  g_return_val_if_fail (entry != NULL, FALSE);
  return entry->status == SC_STATUS_PENDING || entry->status == SC_STATUS_OVERDUE ||
         entry->status == SC_STATUS_OPEN;
}

/* A page of a list of open deadlines to chase (advice awaited, reviews
 * due): @collection?owner=&status=overdue|open and the paging */
static void
chase_page_async (SccApiClient        *self,
                  gpointer             source_tag,
                  const char          *collection,
                  const SccItemCodec     *codec,
                  const char          *owner,
                  gboolean             overdue_only,
                  const char          *cursor,
                  guint                limit,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new (collection);

  _scc_api_client_append_query (path, "owner", owner);
  _scc_api_client_append_query (path, "status", overdue_only ? "overdue" : "open");
  _scc_api_client_append_paging (path, cursor, limit);
  _scc_api_client_page_async (self, source_tag, path->str, codec, cancellable, callback, user_data);
}

/**
 * scc_api_client_get_caseload_async:
 * @query: which cases
 * @cursor: (nullable): the next_cursor of the page before
 * @limit: cases per page, 0 for the server's default
 *
 * GET /api/v1/caseload: the cases with an open deadline, earliest first.
 */
void
scc_api_client_get_caseload_async (SccApiClient           *self,
                                   const SccCaseloadQuery *query,
                                   const char             *cursor,
                                   guint                   limit,
                                   GCancellable           *cancellable,
                                   GAsyncReadyCallback     callback,
                                   gpointer                user_data)
{
  g_autoptr(GString) path = NULL;
  char number[16];

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (query != NULL);

  path = g_string_new (query->team ? "/deadlines" : "/caseload");

  _scc_api_client_append_query (path, "owner", query->owner);
  _scc_api_client_append_query (path, "status", query->status);
  if (query->due_within >= 0)
    {
      g_snprintf (number, sizeof number, "%d", query->due_within);
      _scc_api_client_append_query (path, "due_within", number);
    }
  _scc_api_client_append_query (path, "q", query->q);
  _scc_api_client_append_query (path, "stage", query->stage);
  _scc_api_client_append_paging (path, cursor, limit);
  _scc_api_client_page_async (self, scc_api_client_get_caseload_async, path->str, &case_codec, cancellable, callback, user_data);
}

/**
 * scc_api_client_get_caseload_finish:
 * @next_cursor: (out) (optional) (nullable) (transfer full)
 *
 * Returns: (transfer full) (element-type ScCase): the page, or NULL
 */
GPtrArray *
scc_api_client_get_caseload_finish (SccApiClient  *self,
                                    GAsyncResult  *result,
                                    char         **next_cursor,
                                    GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_get_caseload_async, next_cursor, error);
}

static void
counts_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  ScWorkload *counts;

  node = _scc_api_client_request_finish (SCC_API_CLIENT (object), result, NULL, NULL, &error);
  if (node == NULL || (counts = sc_workload_new_from_json (node, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, counts, (GDestroyNotify) sc_workload_free);
}

/**
 * scc_api_client_get_caseload_counts_async:
 * @owner: (nullable): "me" (the default) or a user's id
 *
 * GET /api/v1/caseload/counts: how many cases the caseload holds, how many
 * are overdue and how many due within the week.
 */
void
scc_api_client_get_caseload_counts_async (SccApiClient        *self,
                                          const char          *owner,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/caseload/counts");
  GTask *task;

  g_return_if_fail (SCC_IS_API_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scc_api_client_get_caseload_counts_async);
  _scc_api_client_append_query (path, "owner", owner);
  _scc_api_client_request_async (self, "GET", path->str, NULL, NULL, SCC_API_REQUEST_DEFAULT,
                                 cancellable, counts_cb, task);
}

/**
 * scc_api_client_get_caseload_counts_finish:
 *
 * Returns: (transfer full): the counts, or NULL
 */
ScWorkload *
scc_api_client_get_caseload_counts_finish (SccApiClient  *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_get_caseload_counts_async, error);
}

/**
 * scc_api_client_create_case_async:
 * @owner_id: the owner a team manager names, or 0 to send none
 * @idempotency_key: (nullable): one per user action, the same on a retry
 */
void
scc_api_client_create_case_async (SccApiClient        *self,
                                  gint64               person_id,
                                  ScDay                request_received,
                                  const char          *request_source,
                                  gint64               owner_id,
                                  const char          *idempotency_key,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JsonNode) body = NULL;
  const char *headers[] = { "Idempotency-Key", idempotency_key, NULL };
  char day[SC_DAY_STRING_SIZE];
  ScJsonWriter writer;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (person_id > 0);
  g_return_if_fail (request_source != NULL);

  sc_json_writer_init (&writer, text);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member_int (&writer, "person_id", person_id);
  sc_json_writer_member_string (&writer, "request_received", sc_day_format (request_received, day));
  sc_json_writer_member_string (&writer, "request_source", request_source);
  if (owner_id > 0)
    sc_json_writer_member_int (&writer, "owner_id", owner_id);
  sc_json_writer_end_object (&writer);
  body = json_from_string (text->str, NULL);

  _scc_api_client_model_async (self, scc_api_client_create_case_async, "POST", "/cases", body, headers,
               (ScReadJsonFunc) sc_case_new_from_json, cancellable, callback, user_data);
}

/**
 * scc_api_client_create_case_finish:
 *
 * Returns: (transfer full): the case opened, or NULL
 */
ScCase *
scc_api_client_create_case_finish (SccApiClient  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_create_case_async, error);
}

void
scc_api_client_get_case_async (SccApiClient        *self,
                               gint64               id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT, id);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (id > 0);

  _scc_api_client_model_async (self, scc_api_client_get_case_async, "GET", path, NULL, NULL,
               (ScReadJsonFunc) sc_case_new_from_json, cancellable, callback, user_data);
}

/**
 * scc_api_client_get_case_finish:
 *
 * Returns: (transfer full): the case, or NULL
 */
ScCase *
scc_api_client_get_case_finish (SccApiClient  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_get_case_async, error);
}

static gboolean
milestone_id_from_string (const char    *text,
                          ScMilestoneId *out)
{
  for (ScMilestoneId id = 0; id < SC_N_MILESTONE_IDS; id++)
    if (g_strcmp0 (sc_milestone_id_to_string (id), text) == 0)
      {
        *out = id;
        return TRUE;
      }
  return FALSE;
}

static gboolean
status_from_string (const char        *text,
                    ScMilestoneStatus *out)
{
  for (ScMilestoneStatus status = SC_STATUS_PENDING; status <= SC_STATUS_CLOSED; status++)
    if (g_strcmp0 (sc_milestone_status_to_string (status), text) == 0)
      {
        *out = status;
        return TRUE;
      }
  return FALSE;
}

static GPtrArray *
read_timeline (JsonNode  *node,
               GError   **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) scc_timeline_entry_free);
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonArray *milestones;

  if (object == NULL || !json_object_has_member (object, "milestones") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "milestones")))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "the timeline has no milestones");
      return NULL;
    }
  milestones = json_object_get_array_member (object, "milestones");
  for (guint i = 0; i < json_array_get_length (milestones); i++)
    {
      JsonNode *item = json_array_get_element (milestones, i);
      JsonObject *milestone = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      const char *id = NULL, *key = NULL, *title = NULL, *rule = NULL, *due = NULL, *status = NULL;
      g_autoptr(SccTimelineEntry) entry = g_new0 (SccTimelineEntry, 1);

      if (milestone == NULL ||
          !sc_json_read_string (milestone, "id", TRUE, &id, error) ||
          !sc_json_read_string (milestone, "key", FALSE, &key, error) ||
          !sc_json_read_string (milestone, "title", TRUE, &title, error) ||
          !sc_json_read_string (milestone, "rule", TRUE, &rule, error) ||
          !sc_json_read_string (milestone, "due", TRUE, &due, error) ||
          !sc_json_read_string (milestone, "status", TRUE, &status, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "milestone %u is not an object", i);
          return NULL;
        }
      if (!milestone_id_from_string (id, &entry->id) || !status_from_string (status, &entry->status) ||
          !sc_day_parse (due, &entry->due))
        {
          g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "milestone %u is not one this client knows", i);
          return NULL;
        }
      entry->key = g_strdup (key);
      entry->title = g_strdup (title);
      entry->rule = g_strdup (rule);
      g_ptr_array_add (entries, g_steal_pointer (&entry));
    }
  return g_steal_pointer (&entries);
}

static void
timeline_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  node = _scc_api_client_request_finish (SCC_API_CLIENT (object), result, NULL, NULL, &error);
  if (node == NULL || (entries = read_timeline (node, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

void
scc_api_client_get_timeline_async (SccApiClient        *self,
                                   gint64               id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/timeline", id);
  GTask *task;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (id > 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scc_api_client_get_timeline_async);
  _scc_api_client_request_async (self, "GET", path, NULL, NULL, SCC_API_REQUEST_DEFAULT,
                                 cancellable, timeline_cb, task);
}

/**
 * scc_api_client_get_timeline_finish:
 *
 * Returns: (transfer full) (element-type SccTimelineEntry): the milestones, or NULL
 */
GPtrArray *
scc_api_client_get_timeline_finish (SccApiClient  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_get_timeline_async, error);
}

void
scc_api_client_list_events_async (SccApiClient        *self,
                                  gint64               id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/events", id);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (id > 0);

  _scc_api_client_page_async (self, scc_api_client_list_events_async, path, &event_codec,
              cancellable, callback, user_data);
}

/**
 * scc_api_client_list_events_finish:
 *
 * Returns: (transfer full) (element-type ScCaseEvent): the events, or NULL
 */
GPtrArray *
scc_api_client_list_events_finish (SccApiClient  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_list_events_async, NULL, error);
}

void
scc_api_client_add_event_async (SccApiClient        *self,
                                gint64               id,
                                const ScClockEvent  *event,
                                const char          *note,
                                const char          *idempotency_key,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/events", id);
  const char *headers[] = { "Idempotency-Key", idempotency_key, NULL };
  ScJsonWriter writer;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (id > 0);
  g_return_if_fail (event != NULL);

  sc_json_writer_init (&writer, text);
  sc_json_writer_begin_object (&writer);
  sc_case_event_write_members (event, &writer);
  if (note != NULL && note[0] != '\0')
    sc_json_writer_member_string (&writer, "note", note);
  sc_json_writer_end_object (&writer);
  body = json_from_string (text->str, NULL);

  _scc_api_client_model_async (self, scc_api_client_add_event_async, "POST", path, body, headers,
               (ScReadJsonFunc) sc_case_event_new_from_json, cancellable, callback, user_data);
}

/**
 * scc_api_client_add_event_finish:
 *
 * Returns: (transfer full): the event as recorded, or NULL
 */
ScCaseEvent *
scc_api_client_add_event_finish (SccApiClient  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_add_event_async, error);
}

void
scc_api_client_void_event_async (SccApiClient        *self,
                                 gint64               id,
                                 gint64               event_id,
                                 const char          *reason,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  ScJsonWriter writer;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (id > 0 && event_id > 0);
  g_return_if_fail (reason != NULL);

  sc_json_writer_init (&writer, text);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member_string (&writer, "reason", reason);
  sc_json_writer_end_object (&writer);
  body = json_from_string (text->str, NULL);
  path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/events/%" G_GINT64_FORMAT "/void", id, event_id);

  _scc_api_client_model_async (self, scc_api_client_void_event_async, "POST", path, body, NULL,
               (ScReadJsonFunc) sc_case_event_new_from_json, cancellable, callback, user_data);
}

/**
 * scc_api_client_void_event_finish:
 *
 * Returns: (transfer full): the event as voided, or NULL
 */
ScCaseEvent *
scc_api_client_void_event_finish (SccApiClient  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_void_event_async, error);
}

/**
 * scc_api_client_list_advice_async:
 * @owner: (nullable): "me" or a user's id; NULL for the whole team
 * @cursor: (nullable): the next_cursor of the page before
 * @limit: requests per page, 0 for the server's default
 *
 * GET /api/v1/advice-requests: the advice awaited, earliest due first.
 */
void
scc_api_client_list_advice_async (SccApiClient        *self,
                                  const char          *owner,
                                  gboolean             overdue_only,
                                  const char          *cursor,
                                  guint                limit,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (SCC_IS_API_CLIENT (self));
  chase_page_async (self, scc_api_client_list_advice_async, "/advice-requests", &advice_codec, owner, overdue_only,
                    cursor, limit, cancellable, callback, user_data);
}

/**
 * scc_api_client_list_advice_finish:
 * @next_cursor: (out) (optional) (nullable) (transfer full)
 *
 * Returns: (transfer full) (element-type ScAdviceRequest): the page, or NULL
 */
GPtrArray *
scc_api_client_list_advice_finish (SccApiClient  *self,
                                   GAsyncResult  *result,
                                   char         **next_cursor,
                                   GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_list_advice_async, next_cursor, error);
}

void
scc_api_client_get_workload_async (SccApiClient        *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (SCC_IS_API_CLIENT (self));

  /* The whole team is one page. */
  _scc_api_client_page_async (self, scc_api_client_get_workload_async, "/workload", &workload_codec,
              cancellable, callback, user_data);
}

/**
 * scc_api_client_get_workload_finish:
 *
 * Returns: (transfer full) (element-type ScWorkload): the team, or NULL
 */
GPtrArray *
scc_api_client_get_workload_finish (SccApiClient  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_get_workload_async, NULL, error);
}

void
scc_api_client_hand_over_async (SccApiClient        *self,
                                gint64               from_owner_id,
                                const gint64        *case_ids,
                                guint                n_cases,
                                gint64               to_owner_id,
                                const char          *note,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JsonNode) body = NULL;
  ScJsonWriter writer;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (from_owner_id > 0);
  g_return_if_fail (case_ids != NULL || n_cases == 0);
  g_return_if_fail (note != NULL);

  sc_json_writer_init (&writer, text);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member_int (&writer, "from_owner_id", from_owner_id);
  /* 0 (nobody chosen) goes as it is: the server names the member. */
  sc_json_writer_member_int (&writer, "to_owner_id", to_owner_id);
  if (n_cases > 0)
    {
      sc_json_writer_member (&writer, "case_ids");
      sc_json_writer_begin_array (&writer);
      for (guint i = 0; i < n_cases; i++)
        sc_json_writer_int (&writer, case_ids[i]);
      sc_json_writer_end_array (&writer);
    }
  sc_json_writer_member_string (&writer, "note", note);
  sc_json_writer_end_object (&writer);
  body = json_from_string (text->str, NULL);

  _scc_api_client_page_async_with_body (self, scc_api_client_hand_over_async, "POST", "/caseload/handover", body,
                        &case_codec, cancellable, callback, user_data);
}

/**
 * scc_api_client_hand_over_finish:
 *
 * Returns: (transfer full) (element-type ScCase): the cases moved, or NULL
 */
GPtrArray *
scc_api_client_hand_over_finish (SccApiClient  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_hand_over_async, NULL, error);
}

/**
 * scc_api_client_list_reviews_async:
 *
 * GET /api/v1/cases/{id}/reviews: the case's annual reviews.
 */
void
scc_api_client_list_reviews_async (SccApiClient        *self,
                                   gint64               case_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/reviews", case_id);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_page_async (self, scc_api_client_list_reviews_async, path, &review_codec, cancellable, callback, user_data);
}

/**
 * scc_api_client_list_reviews_finish:
 *
 * Returns: (transfer full) (element-type ScReview): the reviews, or NULL
 */
GPtrArray *
scc_api_client_list_reviews_finish (SccApiClient  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_list_reviews_async, NULL, error);
}

/* PUT @text (a record's change) to @path at @version: If-Match, or
 * If-None-Match: * while nothing is recorded (0) */
void
_scc_api_client_put_versioned_async (SccApiClient        *self,
                     gpointer             source_tag,
                     const char          *path,
                     const char          *text,
                     gint64               version,
                     ScReadJsonFunc       read,
                     GDestroyNotify       free_func,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version);
  g_autoptr(JsonNode) body = json_from_string (text, NULL);
  const char *if_match[] = { "If-Match", etag, NULL };
  const char *if_none[] = { "If-None-Match", "*", NULL };

  _scc_api_client_model_full_async (self, source_tag, "PUT", path, body, version > 0 ? if_match : if_none, read,
                                    free_func, cancellable, callback, user_data);
}

void
scc_api_client_put_review_async (SccApiClient         *self,
                                 gint64                case_id,
                                 gint64                review_id,
                                 const ScReviewChange *change,
                                 gint64                version,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/reviews/%" G_GINT64_FORMAT, case_id,
                                           review_id);
  g_autofree char *text = sc_review_change_to_json (change);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_put_versioned_async (self, scc_api_client_put_review_async, path, text, version,
                       (ScReadJsonFunc) sc_review_new_from_json, (GDestroyNotify) sc_review_free, cancellable,
                       callback, user_data);
}

ScReview *
scc_api_client_put_review_finish (SccApiClient  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_put_review_async, error);
}

/**
 * scc_api_client_list_proceedings_async:
 *
 * GET /api/v1/cases/{id}/proceedings: the amendments, reassessments,
 * ceasings and transfers in of the case's plan.
 */
void
scc_api_client_list_proceedings_async (SccApiClient        *self,
                                       gint64               case_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/proceedings", case_id);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_page_async (self, scc_api_client_list_proceedings_async, path, &proceeding_codec, cancellable, callback,
              user_data);
}

/**
 * scc_api_client_list_proceedings_finish:
 *
 * Returns: (transfer full) (element-type ScProceeding): the proceedings, or
 * NULL
 */
GPtrArray *
scc_api_client_list_proceedings_finish (SccApiClient  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_list_proceedings_async, NULL, error);
}

void
scc_api_client_put_proceeding_async (SccApiClient             *self,
                                     gint64                    case_id,
                                     gint64                    proceeding_id,
                                     const ScProceedingChange *change,
                                     gint64                    version,
                                     GCancellable             *cancellable,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data)
{
  g_autofree char *path = g_strdup_printf ("/cases/%" G_GINT64_FORMAT "/proceedings/%" G_GINT64_FORMAT, case_id,
                                           proceeding_id);
  g_autofree char *text = sc_proceeding_change_to_json (change);

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_put_versioned_async (self, scc_api_client_put_proceeding_async, path, text, version,
                       (ScReadJsonFunc) sc_proceeding_new_from_json, (GDestroyNotify) sc_proceeding_free,
                       cancellable, callback, user_data);
}

ScProceeding *
scc_api_client_put_proceeding_finish (SccApiClient  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_put_proceeding_async, error);
}

/**
 * scc_api_client_search_institutions_async:
 * @q: (nullable): words of the name, a URN or the start of a postcode
 * @open_only: leave out the closed and those not yet open
 *
 * GET /api/v1/institutions: one page of the directory, by name.
 */
void
scc_api_client_search_institutions_async (SccApiClient        *self,
                                          const char          *q,
                                          gboolean             open_only,
                                          const char          *cursor,
                                          guint                limit,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/institutions");

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  _scc_api_client_append_query (path, "q", q != NULL && q[0] != '\0' ? q : NULL);
  _scc_api_client_append_query (path, "status", open_only ? "open" : NULL);
  _scc_api_client_append_paging (path, cursor, limit);
  _scc_api_client_page_async (self, scc_api_client_search_institutions_async, path->str, &institution_codec, cancellable, callback,
              user_data);
}

/**
 * scc_api_client_search_institutions_finish:
 *
 * Returns: (transfer full) (element-type ScInstitution): the page, or NULL
 */
GPtrArray *
scc_api_client_search_institutions_finish (SccApiClient  *self,
                                           GAsyncResult  *result,
                                           char         **next_cursor,
                                           GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_search_institutions_async, next_cursor, error);
}

/**
 * scc_api_client_list_reviews_due_async:
 * @owner: (nullable): "me" or a user's id; NULL for the whole team
 * @cursor: (nullable): the next_cursor of the page before
 * @limit: reviews per page, 0 for the server's default
 *
 * GET /api/v1/reviews: the reviews due soon or overdue, earliest first.
 */
void
scc_api_client_list_reviews_due_async (SccApiClient        *self,
                                       const char          *owner,
                                       gboolean             overdue_only,
                                       const char          *cursor,
                                       guint                limit,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (SCC_IS_API_CLIENT (self));
  chase_page_async (self, scc_api_client_list_reviews_due_async, "/reviews", &review_codec, owner, overdue_only,
                    cursor, limit, cancellable, callback, user_data);
}

/**
 * scc_api_client_list_reviews_due_finish:
 * @next_cursor: (out) (optional) (nullable) (transfer full)
 *
 * Returns: (transfer full) (element-type ScReview): the page, or NULL
 */
GPtrArray *
scc_api_client_list_reviews_due_finish (SccApiClient  *self,
                                        GAsyncResult  *result,
                                        char         **next_cursor,
                                        GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_list_reviews_due_async, next_cursor, error);
}

/**
 * scc_api_client_list_phase_transfers_async:
 * @owner: (nullable): "me" or a user's id; NULL for the whole team
 * @year: the transfer year, 0 for the server's
 *
 * GET /api/v1/phase-transfers: the children moving phase, by deadline.
 */
void
scc_api_client_list_phase_transfers_async (SccApiClient        *self,
                                           const char          *owner,
                                           int                  year,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/phase-transfers");
  char text[16];

  g_return_if_fail (SCC_IS_API_CLIENT (self));

  _scc_api_client_append_query (path, "owner", owner);
  if (year > 0)
    {
      g_snprintf (text, sizeof text, "%d", year);
      _scc_api_client_append_query (path, "year", text);
    }
  _scc_api_client_page_async (self, scc_api_client_list_phase_transfers_async, path->str, &phase_transfer_codec, cancellable,
              callback, user_data);
}

/**
 * scc_api_client_list_phase_transfers_finish:
 *
 * Returns: (transfer full) (element-type ScPhaseTransfer): the list, or NULL
 */
GPtrArray *
scc_api_client_list_phase_transfers_finish (SccApiClient  *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return _scc_api_client_page_finish (self, result, scc_api_client_list_phase_transfers_async, NULL, error);
}
