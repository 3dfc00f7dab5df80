/* scc-chase-list-vm.c
 *
 * SccChaseListVm: see scc-chase-list-vm.h. A change of either filter
 * loads the list again from its first page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-chase-list-vm"

#include "config.h"

#include "scc-caseload-vm.h"
#include "scc-chase-list-vm.h"

typedef struct
{
  gboolean open;  /* every one still open, not only the overdue */
  gboolean team;
} SccChaseListVmPrivate;

enum {
  PROP_0,
  PROP_OVERDUE_ONLY,
  PROP_TEAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SccChaseListVm, scc_chase_list_vm, SCC_TYPE_LIST_VM)

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SccChaseListVmClass *klass = SCC_CHASE_LIST_VM_GET_CLASS (g_task_get_source_object (task));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  char *next_cursor = NULL;
  GPtrArray *rows;
  ScDay today = scc_case_today ();

  items = klass->list_finish (SCC_API_CLIENT (object), result, &next_cursor, &error);
  if (items == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (rows, klass->row_new (g_ptr_array_index (items, i), today));
  scc_list_vm_return_rows (task, rows, next_cursor);
}

static void
scc_chase_list_vm_fetch_async (SccListVm           *list,
                               const char          *cursor,
                               guint                limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  SccChaseListVm *self = SCC_CHASE_LIST_VM (list);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  SCC_CHASE_LIST_VM_GET_CLASS (self)->list_async (scc_list_vm_get_api_client (list),
                                                  scc_chase_list_vm_get_owner (self),
                                                  scc_chase_list_vm_get_overdue_only (self), cursor, limit,
                                                  cancellable, fetched_cb, task);
}

static void
scc_chase_list_vm_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SccChaseListVm *self = SCC_CHASE_LIST_VM (object);

  switch (prop_id)
    {
    case PROP_OVERDUE_ONLY:
      g_value_set_boolean (value, scc_chase_list_vm_get_overdue_only (self));
      break;
    case PROP_TEAM:
      g_value_set_boolean (value, scc_chase_list_vm_get_team (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_chase_list_vm_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SccChaseListVm *self = SCC_CHASE_LIST_VM (object);

  switch (prop_id)
    {
    case PROP_OVERDUE_ONLY:
      scc_chase_list_vm_set_overdue_only (self, g_value_get_boolean (value));
      break;
    case PROP_TEAM:
      scc_chase_list_vm_set_team (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_chase_list_vm_class_init (SccChaseListVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = scc_chase_list_vm_get_property;
  object_class->set_property = scc_chase_list_vm_set_property;
  SCC_LIST_VM_CLASS (klass)->fetch_async = scc_chase_list_vm_fetch_async;

  properties[PROP_OVERDUE_ONLY] = g_param_spec_boolean ("overdue-only", NULL, NULL, TRUE, flags);
  properties[PROP_TEAM] = g_param_spec_boolean ("team", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_chase_list_vm_init (SccChaseListVm *self)
{
}

gboolean
scc_chase_list_vm_get_overdue_only (SccChaseListVm *self)
{
  SccChaseListVmPrivate *priv = scc_chase_list_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_CHASE_LIST_VM (self), TRUE);
  return !priv->open;
}

void
scc_chase_list_vm_set_overdue_only (SccChaseListVm *self,
                                    gboolean        overdue_only)
{
  SccChaseListVmPrivate *priv = scc_chase_list_vm_get_instance_private (self);

  g_return_if_fail (SCC_IS_CHASE_LIST_VM (self));

  if (priv->open == !overdue_only)
    return;
  priv->open = !overdue_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE_ONLY]);
  scc_list_vm_filter_changed (SCC_LIST_VM (self));
}

gboolean
scc_chase_list_vm_get_team (SccChaseListVm *self)
{
  SccChaseListVmPrivate *priv = scc_chase_list_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_CHASE_LIST_VM (self), FALSE);
  return priv->team;
}

void
scc_chase_list_vm_set_team (SccChaseListVm *self,
                            gboolean        team)
{
  SccChaseListVmPrivate *priv = scc_chase_list_vm_get_instance_private (self);

  g_return_if_fail (SCC_IS_CHASE_LIST_VM (self));

  team = !!team;
  if (priv->team == team)
    return;
  priv->team = team;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEAM]);
  scc_list_vm_filter_changed (SCC_LIST_VM (self));
}

const char *
scc_chase_list_vm_get_owner (SccChaseListVm *self)
{
  g_return_val_if_fail (SCC_IS_CHASE_LIST_VM (self), NULL);
  return scc_chase_list_vm_get_team (self) ? NULL : "me";
}
