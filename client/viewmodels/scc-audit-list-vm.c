/* scc-audit-list-vm.c
 *
 * SccAuditListVm: see scc-audit-list-vm.h. The filters are one array
 * indexed by property, so a filter is one line in the enum and one in
 * filter_names; a page is one call of scc_api_client_list_audit_async.
 * A date the server refuses comes back as the list's error (422, naming
 * the parameter), shown where the list would be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-audit-list-vm"

#include "config.h"

#include "scc-audit-list-vm.h"

enum {
  PROP_0,
  PROP_USER,
  PROP_RESOURCE_TYPE,
  PROP_RESOURCE_ID,
  PROP_FROM,
  PROP_TO,
  N_PROPS
};

static const char * const filter_names[N_PROPS] = {
  [PROP_USER] = "user",
  [PROP_RESOURCE_TYPE] = "resource-type",
  [PROP_RESOURCE_ID] = "resource-id",
  [PROP_FROM] = "from",
  [PROP_TO] = "to",
};

struct _SccAuditListVm
{
  SccListVm  parent_instance;

  /* Owned, NULL for no filter */
  char      *filters[N_PROPS];
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccAuditListVm, scc_audit_list_vm, SCC_TYPE_LIST_VM)

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *next_cursor = NULL;
  GPtrArray *items;

  items = scc_api_client_list_audit_finish (SCC_API_CLIENT (object), result, &next_cursor, &error);
  if (items == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  scc_list_vm_return_rows (task, items, next_cursor);
}

static void
scc_audit_list_vm_fetch_async (SccListVm           *list,
                               const char          *cursor,
                               guint                limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  SccAuditListVm *self = SCC_AUDIT_LIST_VM (list);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  SccAuditQuery query = {
    .user = self->filters[PROP_USER],
    .resource_type = self->filters[PROP_RESOURCE_TYPE],
    .resource_id = self->filters[PROP_RESOURCE_ID],
    .from = self->filters[PROP_FROM],
    .to = self->filters[PROP_TO],
  };

  scc_api_client_list_audit_async (scc_list_vm_get_api_client (list), &query, cursor, limit,
                                   cancellable, fetched_cb, task);
}

static void
scc_audit_list_vm_finalize (GObject *object)
{
  SccAuditListVm *self = (SccAuditListVm *)object;

  for (guint i = 0; i < N_PROPS; i++)
    g_clear_pointer (&self->filters[i], g_free);

  G_OBJECT_CLASS (scc_audit_list_vm_parent_class)->finalize (object);
}

static void
set_filter (SccAuditListVm *self,
            guint           prop_id,
            const char     *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (self->filters[prop_id], value) == 0)
    return;

  g_free (self->filters[prop_id]);
  self->filters[prop_id] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  scc_list_vm_filter_changed (SCC_LIST_VM (self));
}

static void
scc_audit_list_vm_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SccAuditListVm *self = SCC_AUDIT_LIST_VM (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, self->filters[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
scc_audit_list_vm_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SccAuditListVm *self = SCC_AUDIT_LIST_VM (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    set_filter (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
scc_audit_list_vm_class_init (SccAuditListVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccListVmClass *list_class = SCC_LIST_VM_CLASS (klass);

  object_class->finalize = scc_audit_list_vm_finalize;
  object_class->get_property = scc_audit_list_vm_get_property;
  object_class->set_property = scc_audit_list_vm_set_property;

  list_class->fetch_async = scc_audit_list_vm_fetch_async;

  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (filter_names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_audit_list_vm_init (SccAuditListVm *self)
{
}

SccAuditListVm *
scc_audit_list_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_AUDIT_LIST_VM,
                       "api-client", api_client,
                       "item-type", SC_TYPE_AUDIT_EVENT,
                       NULL);
}

static guint
lookup_filter (const char *name)
{
  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    {
      if (g_str_equal (filter_names[i], name))
        return i;
    }
  return PROP_0;
}

const char *
scc_audit_list_vm_get_filter (SccAuditListVm *self,
                              const char     *name)
{
  guint prop_id;

  g_return_val_if_fail (SCC_IS_AUDIT_LIST_VM (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  prop_id = lookup_filter (name);
  g_return_val_if_fail (prop_id != PROP_0, NULL);
  return self->filters[prop_id];
}

void
scc_audit_list_vm_set_filter (SccAuditListVm *self,
                              const char     *name,
                              const char     *value)
{
  guint prop_id;

  g_return_if_fail (SCC_IS_AUDIT_LIST_VM (self));
  g_return_if_fail (name != NULL);

  prop_id = lookup_filter (name);
  g_return_if_fail (prop_id != PROP_0);
  set_filter (self, prop_id, value);
}
