/* scc-api-client-pages.c
 *
 * The list requests of SccApiClient (scc-api-client-private.h): one page
 * of a list, read with its model's codec (sc_page_read_json_full) and the
 * cursor of the next, and every page of a list one after another, as one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-api-client"

#include "config.h"

#include "sc-page.h"

#include "scc-api-client-private.h"

typedef struct
{
  GPtrArray *items;
  char      *next_cursor;
} ListPage;

static void
list_page_free (gpointer data)
{
  ListPage *page = data;

  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_clear_pointer (&page->next_cursor, g_free);
  g_free (page);
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const SccItemCodec *codec = g_task_get_task_data (task);
  ListPage *page;

  node = _scc_api_client_request_finish (SCC_API_CLIENT (object), result, NULL, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  page = g_new0 (ListPage, 1);
  page->items = sc_page_read_json_full (node, codec->read, codec->free, &page->next_cursor, &error);
  if (page->items == NULL)
    {
      list_page_free (page);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, page, list_page_free);
}

void
_scc_api_client_page_async_with_body (SccApiClient        *self,
                                      gpointer             source_tag,
                                      const char          *method,
                                      const char          *path,
                                      JsonNode            *body,
                                      const SccItemCodec  *codec,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, (gpointer) codec, NULL);
  _scc_api_client_request_async (self, method, path, body, NULL, SCC_API_REQUEST_DEFAULT,
                                 cancellable, page_cb, task);
}

void
_scc_api_client_page_async (SccApiClient        *self,
                            gpointer             source_tag,
                            const char          *path,
                            const SccItemCodec  *codec,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  _scc_api_client_page_async_with_body (self, source_tag, "GET", path, NULL, codec, cancellable, callback, user_data);
}

GPtrArray *
_scc_api_client_page_finish (SccApiClient  *self,
                             GAsyncResult  *result,
                             gpointer       source_tag,
                             char         **next_cursor,
                             GError       **error)
{
  ListPage *page;
  GPtrArray *items;

  g_return_val_if_fail (SCC_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  page = g_task_propagate_pointer (G_TASK (result), error);
  if (page == NULL)
    return NULL;
  items = g_steal_pointer (&page->items);
  if (next_cursor != NULL)
    *next_cursor = g_steal_pointer (&page->next_cursor);
  list_page_free (page);
  return items;
}

/* Every page of a list, SCC_API_CLIENT_EVERY_PAGE_SIZE at a time, up to
 * SCC_API_CLIENT_EVERY_PAGE_MAX pages */
typedef struct
{
  char               *path;
  const SccItemCodec *codec;
  GPtrArray          *items;
  guint               pages;
} EveryPage;

#define SCC_API_CLIENT_EVERY_PAGE_SIZE 500
#define SCC_API_CLIENT_EVERY_PAGE_MAX  40

static void
every_page_free (gpointer data)
{
  EveryPage *every = data;

  g_free (every->path);
  g_clear_pointer (&every->items, g_ptr_array_unref);
  g_free (every);
}

static void every_page_next (GTask      *task,
                             const char *cursor);

static void
every_page_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EveryPage *every = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  GPtrArray *items = _scc_api_client_page_finish (SCC_API_CLIENT (object), result, every_page_cb, &cursor, &error);
  ListPage *page;

  if (items == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_ptr_array_extend_and_steal (every->items, items);
  if (cursor != NULL && ++every->pages < SCC_API_CLIENT_EVERY_PAGE_MAX)
    {
      every_page_next (g_steal_pointer (&task), cursor);
      return;
    }
  page = g_new0 (ListPage, 1);
  page->items = g_steal_pointer (&every->items);
  page->next_cursor = g_steal_pointer (&cursor);
  g_task_return_pointer (task, page, list_page_free);
}

static void
every_page_next (GTask      *task,
                 const char *cursor)
{
  EveryPage *every = g_task_get_task_data (task);
  g_autoptr(GString) path = g_string_new (every->path);

  _scc_api_client_append_paging (path, cursor, SCC_API_CLIENT_EVERY_PAGE_SIZE);
  _scc_api_client_page_async (g_task_get_source_object (task), every_page_cb, path->str, every->codec,
                              g_task_get_cancellable (task), every_page_cb, task);
}

void
_scc_api_client_every_page_async (SccApiClient        *self,
                                  gpointer             source_tag,
                                  const char          *path,
                                  const SccItemCodec  *codec,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  EveryPage *every = g_new0 (EveryPage, 1);

  every->path = g_strdup (path);
  every->codec = codec;
  every->items = g_ptr_array_new_with_free_func (codec->free);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, every, every_page_free);
  every_page_next (task, NULL);
}
