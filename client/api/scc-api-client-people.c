/* scc-api-client-people.c
 *
 * The calls of SccApiClient for people (docs/openapi.yaml, "people"):
 * search, read, record and change a person. Each is a typed _async/_finish
 * pair over the generic request of scc-api-client-private.h, decoding with
 * ScPerson's own codec and sc_page for a search's page.
 *
 * A create carries an Idempotency-Key, and confirm_different_person when
 * the user has said the person who looked like someone already recorded
 * is somebody else. A change sends only the members changed, with If-Match
 * from the version it was made from: someone else's change meanwhile is
 * SC_ERROR_PRECONDITION_FAILED (412) rather than overwritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-api-client"

#include "config.h"

#include "sc-error.h"
#include "sc-page.h"

#include "scc-api-client.h"
#include "scc-api-client-private.h"

typedef struct
{
  GPtrArray *items;
  char      *next_cursor;
} PeoplePage;

static void
people_page_free (gpointer data)
{
  PeoplePage *page = data;

  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_clear_pointer (&page->next_cursor, g_free);
  g_free (page);
}


static gpointer
read_person (JsonNode  *node,
             GError   **error)
{
  return sc_person_new_from_json (node, error);
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  PeoplePage *page;

  node = _scc_api_client_request_finish (SCC_API_CLIENT (object), result, NULL, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  page = g_new0 (PeoplePage, 1);
  page->items = sc_page_read_json (node, read_person, &page->next_cursor, &error);
  if (page->items == NULL)
    {
      people_page_free (page);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, page, people_page_free);
}

/**
 * scc_api_client_search_people_async:
 * @q: (nullable): what to look for, as typed
 * @cursor: (nullable): the next_cursor of the page before, NULL for the first
 * @limit: at most this many, 0 for the server's default
 */
void
scc_api_client_search_people_async (SccApiClient        *self,
                                    const char          *q,
                                    const char          *cursor,
                                    guint                limit,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/people");
  GTask *task;

  g_return_if_fail (SCC_IS_API_CLIENT (self));

  /* an empty search is no search */
  _scc_api_client_append_query (path, "q", q != NULL && q[0] != '\0' ? q : NULL);
  _scc_api_client_append_paging (path, cursor, limit);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scc_api_client_search_people_async);
  _scc_api_client_request_async (self, "GET", path->str, NULL, NULL, SCC_API_REQUEST_DEFAULT,
                                 cancellable, search_cb, task);
}

/**
 * scc_api_client_search_people_finish:
 * @next_cursor: (out) (optional) (transfer full) (nullable)
 *
 * Returns: (transfer full) (element-type ScPerson): the page, or NULL
 */
GPtrArray *
scc_api_client_search_people_finish (SccApiClient  *self,
                                     GAsyncResult  *result,
                                     char         **next_cursor,
                                     GError       **error)
{
  PeoplePage *page;
  GPtrArray *items;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == scc_api_client_search_people_async, NULL);

  page = g_task_propagate_pointer (G_TASK (result), error);
  if (page == NULL)
    return NULL;
  items = g_steal_pointer (&page->items);
  if (next_cursor != NULL)
    *next_cursor = g_steal_pointer (&page->next_cursor);
  people_page_free (page);
  return items;
}

static void
person_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  ScPerson *person;

  node = _scc_api_client_request_finish (SCC_API_CLIENT (object), result, NULL, NULL, &error);
  if (node == NULL || (person = sc_person_new_from_json (node, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, person, g_object_unref);
}

static ScPerson *
person_finish (SccApiClient  *self,
               GAsyncResult  *result,
               gpointer       source_tag,
               GError       **error)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * scc_api_client_get_person_async:
 *
 * GET /api/v1/people/{id}: the person as recorded now, with their version.
 */
void
scc_api_client_get_person_async (SccApiClient        *self,
                                 gint64               id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (id > 0);

  path = g_strdup_printf ("/people/%" G_GINT64_FORMAT, id);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scc_api_client_get_person_async);
  _scc_api_client_request_async (self, "GET", path, NULL, NULL, SCC_API_REQUEST_DEFAULT,
                                 cancellable, person_cb, task);
}

ScPerson *
scc_api_client_get_person_finish (SccApiClient  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return person_finish (self, result, scc_api_client_get_person_async, error);
}

/**
 * scc_api_client_create_person_async:
 * @input: the members of a PersonInput (not changed)
 * @idempotency_key: (nullable): one per user action, the same on a retry
 */
void
scc_api_client_create_person_async (SccApiClient        *self,
                                    JsonObject          *input,
                                    gboolean             confirm_different_person,
                                    const char          *idempotency_key,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  const char *headers[] = { "Idempotency-Key", idempotency_key, NULL };
  GList *members;
  GTask *task;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (input != NULL);

  members = json_object_get_members (input);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (object, l->data, json_node_copy (json_object_get_member (input, l->data)));
  g_list_free (members);
  if (confirm_different_person)
    json_object_set_boolean_member (object, "confirm_different_person", TRUE);
  body = json_node_init_object (json_node_alloc (), object);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scc_api_client_create_person_async);
  _scc_api_client_request_async (self, "POST", "/people", body, headers, SCC_API_REQUEST_DEFAULT,
                                 cancellable, person_cb, task);
}

/**
 * scc_api_client_create_person_finish:
 *
 * Returns: (transfer full): the person recorded, or NULL
 */
ScPerson *
scc_api_client_create_person_finish (SccApiClient  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return person_finish (self, result, scc_api_client_create_person_async, error);
}

/**
 * scc_api_client_update_person_async:
 * @person: the person as the change was made from: its id and version
 * @change: the members changed (a null member clears it)
 */
void
scc_api_client_update_person_async (SccApiClient        *self,
                                    ScPerson            *person,
                                    JsonObject          *change,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *etag = NULL;
  const char *headers[] = { "If-Match", NULL, NULL };
  GTask *task;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (SC_IS_PERSON (person));
  g_return_if_fail (change != NULL);

  body = json_node_init_object (json_node_alloc (), change);
  etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", sc_person_get_version (person));
  headers[1] = etag;
  path = g_strdup_printf ("/people/%" G_GINT64_FORMAT, sc_person_get_id (person));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scc_api_client_update_person_async);
  _scc_api_client_request_async (self, "PATCH", path, body, headers, SCC_API_REQUEST_DEFAULT,
                                 cancellable, person_cb, task);
}

/**
 * scc_api_client_update_person_finish:
 *
 * Returns: (transfer full): the person as changed, with the new version
 */
ScPerson *
scc_api_client_update_person_finish (SccApiClient  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return person_finish (self, result, scc_api_client_update_person_async, error);
}
