/* scc-person-list-vm.c
 *
 * SccPersonListVm: see scc-person-list-vm.h. One page is one call of
 * scc_api_client_search_people_async with the list's query as it is when
 * the page is asked for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-person-list-vm"

#include "config.h"

#include "scc-person-list-vm.h"

struct _SccPersonListVm
{
  SccListVm  parent_instance;
};

G_DEFINE_FINAL_TYPE (SccPersonListVm, scc_person_list_vm, SCC_TYPE_LIST_VM)

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *next_cursor = NULL;
  GPtrArray *items;

  items = scc_api_client_search_people_finish (SCC_API_CLIENT (object), result, &next_cursor, &error);
  if (items == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  scc_list_vm_return_rows (task, items, next_cursor);
}

static void
scc_person_list_vm_fetch_async (SccListVm           *list,
                                const char          *cursor,
                                guint                limit,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  SccPersonListVm *self = SCC_PERSON_LIST_VM (list);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  scc_api_client_search_people_async (scc_list_vm_get_api_client (list), scc_list_vm_get_query (list), cursor, limit,
                                      cancellable, fetched_cb, task);
}

static void
scc_person_list_vm_class_init (SccPersonListVmClass *klass)
{
  SccListVmClass *list_class = SCC_LIST_VM_CLASS (klass);

  list_class->fetch_async = scc_person_list_vm_fetch_async;
}

static void
scc_person_list_vm_init (SccPersonListVm *self)
{
}

SccPersonListVm *
scc_person_list_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_PERSON_LIST_VM,
                       "api-client", api_client,
                       "item-type", SC_TYPE_PERSON,
                       NULL);
}
