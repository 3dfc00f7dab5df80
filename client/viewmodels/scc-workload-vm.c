/* scc-workload-vm.c
 *
 * SccWorkloadVm and SccWorkloadRow: see scc-workload-vm.h. The one fetch
 * is scc_api_client_get_workload_async; a cursor is never asked for, as
 * the answer is the whole team.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-workload-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-api-client-cases.h"
#include "scc-workload-vm.h"

/* --- the row ------------------------------------------------------------- */

struct _SccWorkloadRow
{
  GObject  parent_instance;

  gint64   owner_id;
  char    *username;
  char    *name;
  guint    cases;
  guint    overdue;
  guint    due_soon;
};

enum {
  ROW_PROP_0,
  ROW_PROP_OWNER_ID,
  ROW_PROP_USERNAME,
  ROW_PROP_NAME,
  ROW_PROP_CASES,
  ROW_PROP_OVERDUE,
  ROW_PROP_DUE_SOON,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

G_DEFINE_FINAL_TYPE (SccWorkloadRow, scc_workload_row, G_TYPE_OBJECT)

static void
scc_workload_row_finalize (GObject *object)
{
  SccWorkloadRow *self = SCC_WORKLOAD_ROW (object);

  g_free (self->username);
  g_free (self->name);

  G_OBJECT_CLASS (scc_workload_row_parent_class)->finalize (object);
}

static void
scc_workload_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SccWorkloadRow *self = SCC_WORKLOAD_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;
    case ROW_PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case ROW_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    /* int64, as the list view's number columns read them */
    case ROW_PROP_CASES:
      g_value_set_int64 (value, self->cases);
      break;
    case ROW_PROP_OVERDUE:
      g_value_set_int64 (value, self->overdue);
      break;
    case ROW_PROP_DUE_SOON:
      g_value_set_int64 (value, self->due_soon);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_workload_row_class_init (SccWorkloadRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = scc_workload_row_finalize;
  object_class->get_property = scc_workload_row_get_property;

  row_properties[ROW_PROP_OWNER_ID] = g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  row_properties[ROW_PROP_USERNAME] = g_param_spec_string ("username", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_CASES] = g_param_spec_int64 ("cases", NULL, NULL, 0, G_MAXINT64, 0, flags);
  row_properties[ROW_PROP_OVERDUE] = g_param_spec_int64 ("overdue", NULL, NULL, 0, G_MAXINT64, 0, flags);
  row_properties[ROW_PROP_DUE_SOON] = g_param_spec_int64 ("due-soon", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
scc_workload_row_init (SccWorkloadRow *self)
{
}

SccWorkloadRow *
scc_workload_row_new (const ScWorkload *workload)
{
  SccWorkloadRow *self;

  g_return_val_if_fail (workload != NULL && workload->owner != NULL, NULL);

  self = g_object_new (SCC_TYPE_WORKLOAD_ROW, NULL);
  self->owner_id = workload->owner->id;
  self->username = g_strdup (workload->owner->username);
  self->name = g_strdup (sc_case_user_get_name (workload->owner));
  self->cases = workload->cases;
  self->overdue = workload->overdue;
  self->due_soon = workload->due_this_week;
  return self;
}

gint64
scc_workload_row_get_owner_id (SccWorkloadRow *self)
{
  g_return_val_if_fail (SCC_IS_WORKLOAD_ROW (self), 0);
  return self->owner_id;
}

const char *
scc_workload_row_get_name (SccWorkloadRow *self)
{
  g_return_val_if_fail (SCC_IS_WORKLOAD_ROW (self), NULL);
  return self->name;
}

guint
scc_workload_row_get_cases (SccWorkloadRow *self)
{
  g_return_val_if_fail (SCC_IS_WORKLOAD_ROW (self), 0);
  return self->cases;
}

guint
scc_workload_row_get_overdue (SccWorkloadRow *self)
{
  g_return_val_if_fail (SCC_IS_WORKLOAD_ROW (self), 0);
  return self->overdue;
}

guint
scc_workload_row_get_due_soon (SccWorkloadRow *self)
{
  g_return_val_if_fail (SCC_IS_WORKLOAD_ROW (self), 0);
  return self->due_soon;
}

char *
scc_workload_row_format_overdue (gpointer row)
{
  SccWorkloadRow *self = row;

  g_return_val_if_fail (SCC_IS_WORKLOAD_ROW (self), NULL);

  if (self->overdue == 0)
    return g_strdup (_("None overdue"));
  return g_strdup_printf (_("%u overdue"), self->overdue);
}

/* --- the team ------------------------------------------------------------ */

struct _SccWorkloadVm
{
  SccListVm parent_instance;
};

G_DEFINE_FINAL_TYPE (SccWorkloadVm, scc_workload_vm, SCC_TYPE_LIST_VM)

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) team = NULL;
  GPtrArray *rows;

  team = scc_api_client_get_workload_finish (SCC_API_CLIENT (object), result, &error);
  if (team == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < team->len; i++)
    g_ptr_array_add (rows, scc_workload_row_new (g_ptr_array_index (team, i)));
  scc_list_vm_return_rows (task, rows, NULL);
}

static void
scc_workload_vm_fetch_async (SccListVm           *list,
                             const char          *cursor,
                             guint                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (list, cancellable, callback, user_data);

  scc_api_client_get_workload_async (scc_list_vm_get_api_client (list), cancellable, fetched_cb, task);
}

static void
scc_workload_vm_class_init (SccWorkloadVmClass *klass)
{
  SccListVmClass *list_class = SCC_LIST_VM_CLASS (klass);

  list_class->fetch_async = scc_workload_vm_fetch_async;
}

static void
scc_workload_vm_init (SccWorkloadVm *self)
{
}

SccWorkloadVm *
scc_workload_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_WORKLOAD_VM,
                       "api-client", api_client,
                       "item-type", SCC_TYPE_WORKLOAD_ROW,
                       NULL);
}

SccWorkloadRow *
scc_workload_vm_find (SccWorkloadVm *self,
                      gint64         owner_id)
{
  GListModel *model = G_LIST_MODEL (self);

  g_return_val_if_fail (SCC_IS_WORKLOAD_VM (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SccWorkloadRow) row = g_list_model_get_item (model, i);

      if (row->owner_id == owner_id)
        return row; /* the list holds it */
    }
  return NULL;
}
