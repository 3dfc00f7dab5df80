/* scc-person-list-vm.c
 *
 * SccPersonListVm: see scc-person-list-vm.h. One page is one call of
 * scc_api_client_search_people_async with q as it is when the page is
 * asked for. A typed q is kept at once (the property says what the entry
 * shows) and the reload waits on a timeout that each keystroke restarts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-person-list-vm"

#include "config.h"

#include "scc-person-list-vm.h"

struct _SccPersonListVm
{
  SccListVm  parent_instance;

  char      *q;         /* owned, NULL for everyone */
  guint      typed_id;  /* the debounce timeout, while it waits */
};

enum {
  PROP_0,
  PROP_Q,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  g_task_set_task_data (task, next_cursor, g_free);
  g_task_return_pointer (task, items, (GDestroyNotify)g_ptr_array_unref);
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

  scc_api_client_search_people_async (scc_list_vm_get_api_client (list), self->q, cursor, limit,
                                      cancellable, fetched_cb, task);
}

static GPtrArray *
scc_person_list_vm_fetch_finish (SccListVm     *list,
                                 GAsyncResult  *result,
                                 char         **next_cursor,
                                 GError       **error)
{
  GPtrArray *items = g_task_propagate_pointer (G_TASK (result), error);

  if (items != NULL)
    *next_cursor = g_strdup (g_task_get_task_data (G_TASK (result)));
  return items;
}

static void
scc_person_list_vm_dispose (GObject *object)
{
  SccPersonListVm *self = (SccPersonListVm *)object;

  g_clear_handle_id (&self->typed_id, g_source_remove);

  G_OBJECT_CLASS (scc_person_list_vm_parent_class)->dispose (object);
}

static void
scc_person_list_vm_finalize (GObject *object)
{
  g_clear_pointer (&SCC_PERSON_LIST_VM (object)->q, g_free);

  G_OBJECT_CLASS (scc_person_list_vm_parent_class)->finalize (object);
}

static void
scc_person_list_vm_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SccPersonListVm *self = SCC_PERSON_LIST_VM (object);

  switch (prop_id)
    {
    case PROP_Q:
      g_value_set_string (value, self->q);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_person_list_vm_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SccPersonListVm *self = SCC_PERSON_LIST_VM (object);

  switch (prop_id)
    {
    case PROP_Q:
      scc_person_list_vm_set_q (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_person_list_vm_class_init (SccPersonListVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccListVmClass *list_class = SCC_LIST_VM_CLASS (klass);

  object_class->dispose = scc_person_list_vm_dispose;
  object_class->finalize = scc_person_list_vm_finalize;
  object_class->get_property = scc_person_list_vm_get_property;
  object_class->set_property = scc_person_list_vm_set_property;

  list_class->fetch_async = scc_person_list_vm_fetch_async;
  list_class->fetch_finish = scc_person_list_vm_fetch_finish;

  properties[PROP_Q] = g_param_spec_string ("q", NULL, NULL, NULL,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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

const char *
scc_person_list_vm_get_q (SccPersonListVm *self)
{
  g_return_val_if_fail (SCC_IS_PERSON_LIST_VM (self), NULL);
  return self->q;
}

/* Keeps @q (stripped; "" is NULL). Returns: FALSE if it was already so. */
static gboolean
keep_q (SccPersonListVm *self,
        const char      *q)
{
  g_autofree char *stripped = q != NULL ? g_strstrip (g_strdup (q)) : NULL;

  if (stripped != NULL && stripped[0] == '\0')
    g_clear_pointer (&stripped, g_free);
  if (g_strcmp0 (stripped, self->q) == 0)
    return FALSE;
  g_free (self->q);
  self->q = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Q]);
  return TRUE;
}

void
scc_person_list_vm_set_q (SccPersonListVm *self,
                          const char      *q)
{
  g_return_if_fail (SCC_IS_PERSON_LIST_VM (self));

  g_clear_handle_id (&self->typed_id, g_source_remove);
  if (keep_q (self, q))
    scc_list_vm_filter_changed (SCC_LIST_VM (self));
}

static gboolean
typed_timeout_cb (gpointer user_data)
{
  SccPersonListVm *self = user_data;

  self->typed_id = 0;
  scc_list_vm_filter_changed (SCC_LIST_VM (self));
  return G_SOURCE_REMOVE;
}

void
scc_person_list_vm_set_q_typed (SccPersonListVm *self,
                                const char      *q)
{
  gboolean waiting;

  g_return_if_fail (SCC_IS_PERSON_LIST_VM (self));

  waiting = self->typed_id != 0;
  g_clear_handle_id (&self->typed_id, g_source_remove);
  /* A keystroke that changes nothing (a space at the end) restarts no search,
   * but one already waiting still runs. */
  if (keep_q (self, q) || waiting)
    self->typed_id = g_timeout_add (SCC_PERSON_LIST_VM_DEBOUNCE_MS, typed_timeout_cb, self);
}

gboolean
scc_person_list_vm_get_pending (SccPersonListVm *self)
{
  g_return_val_if_fail (SCC_IS_PERSON_LIST_VM (self), FALSE);
  return self->typed_id != 0;
}
