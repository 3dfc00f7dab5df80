/* scc-user-list-vm.c
 *
 * SccUserListVm: see scc-user-list-vm.h. One page is one call of
 * scc_api_client_list_users_async with the filters as they are when the
 * page is asked for; changing a filter reloads (scc_list_vm_filter_changed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-user-list-vm"

#include "config.h"

#include "scc-user-list-vm.h"

struct _SccUserListVm
{
  SccListVm  parent_instance;

  /* Owned, NULL for any */
  char      *role;
  char      *active;
};

enum {
  PROP_0,
  PROP_ROLE,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccUserListVm, scc_user_list_vm, SCC_TYPE_LIST_VM)

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *next_cursor = NULL;
  GPtrArray *items;

  items = scc_api_client_list_users_finish (SCC_API_CLIENT (object), result, &next_cursor, &error);
  if (items == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  scc_list_vm_return_rows (task, items, next_cursor);
}

static void
scc_user_list_vm_fetch_async (SccListVm           *list,
                              const char          *cursor,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  SccUserListVm *self = SCC_USER_LIST_VM (list);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  scc_api_client_list_users_async (scc_list_vm_get_api_client (list), self->role, self->active,
                                   cursor, limit, cancellable, fetched_cb, task);
}

static void
scc_user_list_vm_finalize (GObject *object)
{
  SccUserListVm *self = (SccUserListVm *)object;

  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->active, g_free);

  G_OBJECT_CLASS (scc_user_list_vm_parent_class)->finalize (object);
}

static void
scc_user_list_vm_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SccUserListVm *self = SCC_USER_LIST_VM (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_ACTIVE:
      g_value_set_string (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_user_list_vm_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SccUserListVm *self = SCC_USER_LIST_VM (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      scc_user_list_vm_set_role (self, g_value_get_string (value));
      break;

    case PROP_ACTIVE:
      scc_user_list_vm_set_active (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_user_list_vm_class_init (SccUserListVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccListVmClass *list_class = SCC_LIST_VM_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = scc_user_list_vm_finalize;
  object_class->get_property = scc_user_list_vm_get_property;
  object_class->set_property = scc_user_list_vm_set_property;

  list_class->fetch_async = scc_user_list_vm_fetch_async;

  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties[PROP_ACTIVE] = g_param_spec_string ("active", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_user_list_vm_init (SccUserListVm *self)
{
}

SccUserListVm *
scc_user_list_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_USER_LIST_VM,
                       "api-client", api_client,
                       "item-type", SC_TYPE_USER,
                       NULL);
}

const char *
scc_user_list_vm_get_role (SccUserListVm *self)
{
  g_return_val_if_fail (SCC_IS_USER_LIST_VM (self), NULL);
  return self->role;
}

/* "" is "any", as an empty choice in a filter row says. */
static gboolean
set_filter (char       **filter,
            const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*filter, value) == 0)
    return FALSE;
  g_free (*filter);
  *filter = g_strdup (value);
  return TRUE;
}

void
scc_user_list_vm_set_role (SccUserListVm *self,
                           const char    *role)
{
  g_return_if_fail (SCC_IS_USER_LIST_VM (self));

  if (!set_filter (&self->role, role))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
  scc_list_vm_filter_changed (SCC_LIST_VM (self));
}

const char *
scc_user_list_vm_get_active (SccUserListVm *self)
{
  g_return_val_if_fail (SCC_IS_USER_LIST_VM (self), NULL);
  return self->active;
}

void
scc_user_list_vm_set_active (SccUserListVm *self,
                             const char    *active)
{
  g_return_if_fail (SCC_IS_USER_LIST_VM (self));
  g_return_if_fail (active == NULL || active[0] == '\0' ||
                    g_str_equal (active, "true") || g_str_equal (active, "false"));

  if (!set_filter (&self->active, active))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  scc_list_vm_filter_changed (SCC_LIST_VM (self));
}
