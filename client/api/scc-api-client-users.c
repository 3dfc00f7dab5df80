/* scc-api-client-users.c
 *
 * The calls of SccApiClient for running the system (docs/openapi.yaml,
 * "users" and "audit"): list, create, read and change users, reset a
 * user's password, and read the audit trail. Each is a typed _async/_finish
 * pair over the generic request of scc-api-client-private.h, decoding with
 * the models' own codecs in common/ (ScUser, ScAuditEvent, and sc_page for
 * the {"items", "next_cursor"} of a list), the same code the daemon writes
 * with.
 *
 * A list call answers one page: a GPtrArray of models in the server's order
 * and the opaque cursor of the next page (NULL on the last). Query strings
 * are built here, each value escaped; a NULL filter is not sent.
 *
 * A change to a user sends If-Match with the version it was made from, so
 * a change made meanwhile by someone else comes back as
 * SC_ERROR_PRECONDITION_FAILED (412) rather than being overwritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-api-client"

#include "config.h"

#include "sc-error.h"
#include "sc-page.h"

#include "scc-api-client.h"
#include "scc-api-client-private.h"

/* A page of a list: the task's value. */
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
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SccApiClient *self = SCC_API_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  ScReadJsonFunc read_item = g_task_get_task_data (task);
  ListPage *page;

  node = _scc_api_client_request_finish (self, result, NULL, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  page = g_new0 (ListPage, 1);
  page->items = sc_page_read_json (node, read_item, &page->next_cursor, &error);
  if (page->items == NULL)
    {
      list_page_free (page);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, page, list_page_free);
}

static void
list_async (SccApiClient        *self,
            gpointer             source_tag,
            const char          *path,
            ScReadJsonFunc       read_item,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, read_item, NULL);
  _scc_api_client_request_async (self, "GET", path, NULL, NULL, SCC_API_REQUEST_DEFAULT,
                                 cancellable, list_cb, task);
}

static GPtrArray *
list_finish (SccApiClient  *self,
             GAsyncResult  *result,
             gpointer       source_tag,
             char         **next_cursor,
             GError       **error)
{
  ListPage *page;
  GPtrArray *items;

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

static void
no_content_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = _scc_api_client_request_finish (SCC_API_CLIENT (object), result, NULL, NULL, &error);
  if (node == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * scc_api_client_list_users_async:
 * @role: (nullable): only users of this role ("caseworker", ...)
 * @active: (nullable): "true" or "false" for active or deactivated users only
 * @cursor: (nullable): the next_cursor of the page before, NULL for the first
 * @limit: users per page (1 to 500), 0 for the server's default
 *
 * GET /api/v1/users: one page of users, in id order (system administrators
 * only: anyone else gets SC_ERROR_FORBIDDEN).
 */
void
scc_api_client_list_users_async (SccApiClient        *self,
                                 const char          *role,
                                 const char          *active,
                                 const char          *cursor,
                                 guint                limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/users");

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _scc_api_client_append_query (path, "role", role);
  _scc_api_client_append_query (path, "active", active);
  _scc_api_client_append_paging (path, cursor, limit);
  list_async (self, scc_api_client_list_users_async, path->str, (ScReadJsonFunc)sc_user_new_from_json,
              cancellable, callback, user_data);
}

/**
 * scc_api_client_list_users_finish:
 * @next_cursor: (out) (optional) (nullable) (transfer full): the next
 *   page's cursor, NULL on the last page
 *
 * Returns: (transfer full) (element-type ScUser): the page's users, or NULL
 */
GPtrArray *
scc_api_client_list_users_finish (SccApiClient  *self,
                                  GAsyncResult  *result,
                                  char         **next_cursor,
                                  GError       **error)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (self), NULL);
  return list_finish (self, result, scc_api_client_list_users_async, next_cursor, error);
}

/**
 * scc_api_client_get_user_async:
 *
 * GET /api/v1/users/{id}: the user as they are now, with their version.
 */
void
scc_api_client_get_user_async (SccApiClient        *self,
                               gint64               id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (id > 0);

  path = g_strdup_printf ("/users/%" G_GINT64_FORMAT, id);
  _scc_api_client_model_async (self, scc_api_client_get_user_async, "GET", path, NULL, NULL,
                               (ScReadJsonFunc) sc_user_new_from_json, cancellable, callback, user_data);
}

/**
 * scc_api_client_get_user_finish:
 *
 * Returns: (transfer full): the user, or NULL
 */
ScUser *
scc_api_client_get_user_finish (SccApiClient  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_get_user_async, error);
}

/**
 * scc_api_client_create_user_async:
 * @full_name: (nullable): may be empty
 * @idempotency_key: (nullable): one per user action, the same on a retry
 *
 * POST /api/v1/users. A refusal is SC_ERROR_INVALID_INPUT with field
 * errors by name ("username", "password", ...), or SC_ERROR_CONFLICT with
 * a field error on "username" when it is taken.
 */
void
scc_api_client_create_user_async (SccApiClient        *self,
                                  const char          *username,
                                  const char          *full_name,
                                  const char          *role,
                                  const char          *password,
                                  const char          *idempotency_key,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  const char *headers[] = { "Idempotency-Key", idempotency_key, NULL };

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (username != NULL);
  g_return_if_fail (role != NULL);
  g_return_if_fail (password != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "full_name");
  json_builder_add_string_value (builder, full_name != NULL ? full_name : "");
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, role);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  _scc_api_client_model_async (self, scc_api_client_create_user_async, "POST", "/users", body, headers,
                               (ScReadJsonFunc) sc_user_new_from_json, cancellable, callback, user_data);
}

/**
 * scc_api_client_create_user_finish:
 *
 * Returns: (transfer full): the user made, or NULL
 */
ScUser *
scc_api_client_create_user_finish (SccApiClient  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_create_user_async, error);
}

/**
 * scc_api_client_update_user_async:
 * @user: the user as the change was made from: its id and version (If-Match)
 * @full_name: (nullable): the new full name, NULL to leave it
 * @role: (nullable): the new role, NULL to leave it
 * @active: (nullable): the new activity, NULL to leave it
 *
 * PATCH /api/v1/users/{id} with If-Match from @user's version. Someone
 * else's change since is SC_ERROR_PRECONDITION_FAILED (412); deactivating
 * yourself or giving up your own role is SC_ERROR_CONFLICT (409).
 */
void
scc_api_client_update_user_async (SccApiClient        *self,
                                  ScUser              *user,
                                  const char          *full_name,
                                  const char          *role,
                                  const gboolean      *active,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *etag = NULL;
  const char *headers[] = { "If-Match", NULL, NULL };

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (SC_IS_USER (user));

  json_builder_begin_object (builder);
  if (full_name != NULL)
    {
      json_builder_set_member_name (builder, "full_name");
      json_builder_add_string_value (builder, full_name);
    }
  if (role != NULL)
    {
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, role);
    }
  if (active != NULL)
    {
      json_builder_set_member_name (builder, "active");
      json_builder_add_boolean_value (builder, *active);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", sc_user_get_version (user));
  headers[1] = etag;
  path = g_strdup_printf ("/users/%" G_GINT64_FORMAT, sc_user_get_id (user));

  _scc_api_client_model_async (self, scc_api_client_update_user_async, "PATCH", path, body, headers,
                               (ScReadJsonFunc) sc_user_new_from_json, cancellable, callback, user_data);
}

/**
 * scc_api_client_update_user_finish:
 *
 * Returns: (transfer full): the user as changed, with the new version
 */
ScUser *
scc_api_client_update_user_finish (SccApiClient  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _scc_api_client_model_finish (self, result, scc_api_client_update_user_async, error);
}

/**
 * scc_api_client_reset_password_async:
 *
 * POST /api/v1/users/{id}/password: sets @new_password without the old
 * one, ends the user's sessions and lifts a sign-in lockout. A refusal is
 * SC_ERROR_INVALID_INPUT with a field error on "new_password".
 */
void
scc_api_client_reset_password_async (SccApiClient        *self,
                                     gint64               id,
                                     const char          *new_password,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (id > 0);
  g_return_if_fail (new_password != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "new_password");
  json_builder_add_string_value (builder, new_password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = g_strdup_printf ("/users/%" G_GINT64_FORMAT "/password", id);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scc_api_client_reset_password_async);
  _scc_api_client_request_async (self, "POST", path, body, NULL, SCC_API_REQUEST_DEFAULT,
                                 cancellable, no_content_cb, task);
}

gboolean
scc_api_client_reset_password_finish (SccApiClient  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == scc_api_client_reset_password_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * scc_api_client_list_audit_async:
 * @query: (nullable): the filters; NULL members are not sent
 * @cursor: (nullable): the next_cursor of the page before
 * @limit: events per page (1 to 500), 0 for the server's default
 *
 * GET /api/v1/audit: one page of the audit trail, newest first (team
 * managers and system administrators).
 */
void
scc_api_client_list_audit_async (SccApiClient          *self,
                                 const SccAuditQuery   *query,
                                 const char            *cursor,
                                 guint                  limit,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_autoptr(GString) path = g_string_new ("/audit");

  g_return_if_fail (SCC_IS_API_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if (query != NULL)
    {
      _scc_api_client_append_query (path, "user", query->user);
      _scc_api_client_append_query (path, "resource_type", query->resource_type);
      _scc_api_client_append_query (path, "resource_id", query->resource_id);
      _scc_api_client_append_query (path, "from", query->from);
      _scc_api_client_append_query (path, "to", query->to);
    }
  _scc_api_client_append_paging (path, cursor, limit);
  list_async (self, scc_api_client_list_audit_async, path->str,
              (ScReadJsonFunc)sc_audit_event_new_from_json, cancellable, callback, user_data);
}

/**
 * scc_api_client_list_audit_finish:
 * @next_cursor: (out) (optional) (nullable) (transfer full)
 *
 * Returns: (transfer full) (element-type ScAuditEvent): the page, or NULL
 */
GPtrArray *
scc_api_client_list_audit_finish (SccApiClient  *self,
                                  GAsyncResult  *result,
                                  char         **next_cursor,
                                  GError       **error)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (self), NULL);
  return list_finish (self, result, scc_api_client_list_audit_async, next_cursor, error);
}
