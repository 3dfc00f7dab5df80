/* scc-handover-vm.c
 *
 * SccHandoverVm: see scc-handover-vm.h. The owners come from one call of
 * scc_api_client_get_workload_async, under the form's own cancellable for
 * loading (not the submission's); the submission is one call of
 * scc_api_client_hand_over_async. A new owner's id that is no number, or
 * none, is refused beside the choice before anything is sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-handover-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-api-client-cases.h"
#include "scc-handover-vm.h"

struct _SccHandoverVm
{
  SccFormVm     parent_instance;

  /* Owned */
  GListStore   *owners;            /* SccWorkloadRow */
  GArray       *case_ids;          /* gint64; empty: the whole caseload */
  char         *from_name;
  GCancellable *load_cancellable;

  gint64        from_id;
  guint         n_whole;
  guint         selected;
  guint         moved;
  gboolean      loading;
};

enum {
  PROP_0,
  PROP_FROM_NAME,
  PROP_N_CASES,
  PROP_WHOLE,
  PROP_LOADING,
  PROP_OWNERS,
  PROP_SELECTED,
  PROP_MOVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccHandoverVm, scc_handover_vm, SCC_TYPE_FORM_VM)

static gboolean
parse_id (const char *text,
          gint64     *out)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

static void
on_to_owner_cb (SccHandoverVm *self)
{
  gint64 id = 0;
  guint selected = SCC_HANDOVER_NONE;

  if (parse_id (scc_form_vm_get_value (SCC_FORM_VM (self), "to_owner_id"), &id))
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->owners)); i++)
      {
        g_autoptr(SccWorkloadRow) row = g_list_model_get_item (G_LIST_MODEL (self->owners), i);

        if (scc_workload_row_get_owner_id (row) == id)
          selected = i;
      }
  if (selected != self->selected)
    {
      self->selected = selected;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
}

static void
owners_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SccHandoverVm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) team = scc_api_client_get_workload_finish (SCC_API_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (team == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not list the team: %s"), error->message);

      scc_form_vm_set_error_message (SCC_FORM_VM (self), message);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < team->len; i++)
        {
          ScWorkload *workload = g_ptr_array_index (team, i);

          if (workload->owner->id == self->from_id)
            {
              /* The workload's count, for a whole caseload. */
              if (self->case_ids->len == 0 && self->n_whole != workload->cases)
                {
                  self->n_whole = workload->cases;
                  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CASES]);
                }
              continue;
            }
          g_ptr_array_add (rows, scc_workload_row_new (workload));
        }
      g_list_store_splice (self->owners, 0, g_list_model_get_n_items (G_LIST_MODEL (self->owners)),
                           rows->pdata, rows->len);
      on_to_owner_cb (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
scc_handover_vm_validate (SccFormVm *form)
{
  SccHandoverVm *self = SCC_HANDOVER_VM (form);
  gint64 id;

  if (self->from_id <= 0)
    return FALSE;
  if (!parse_id (scc_form_vm_get_value (form, "to_owner_id"), &id))
    {
      scc_form_vm_set_field_error (form, "to_owner_id", _("choose who the cases go to"));
      return FALSE;
    }
  return TRUE;
}

static void
handed_over_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = scc_api_client_hand_over_finish (SCC_API_CLIENT (object), result, &error);

  if (cases == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, cases->len);
}

static void
scc_handover_vm_submit_async (SccFormVm           *form,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  SccHandoverVm *self = SCC_HANDOVER_VM (form);
  GTask *task = g_task_new (form, cancellable, callback, user_data);
  gint64 to = 0;

  parse_id (scc_form_vm_get_value (form, "to_owner_id"), &to);
  scc_api_client_hand_over_async (scc_form_vm_get_api_client (form), self->from_id,
                                  (const gint64 *) (gpointer) self->case_ids->data, self->case_ids->len, to,
                                  scc_form_vm_get_value (form, "note"), cancellable, handed_over_cb, task);
}

static gboolean
scc_handover_vm_submit_finish (SccFormVm     *form,
                               GAsyncResult  *result,
                               GError       **error)
{
  SccHandoverVm *self = SCC_HANDOVER_VM (form);
  gssize moved = g_task_propagate_int (G_TASK (result), error);

  if (moved < 0)
    return FALSE;
  self->moved = (guint) moved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOVED]);
  return TRUE;
}

static void
scc_handover_vm_dispose (GObject *object)
{
  SccHandoverVm *self = SCC_HANDOVER_VM (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  G_OBJECT_CLASS (scc_handover_vm_parent_class)->dispose (object);
}

static void
scc_handover_vm_finalize (GObject *object)
{
  SccHandoverVm *self = SCC_HANDOVER_VM (object);

  g_clear_object (&self->owners);
  g_clear_pointer (&self->case_ids, g_array_unref);
  g_free (self->from_name);

  G_OBJECT_CLASS (scc_handover_vm_parent_class)->finalize (object);
}

static void
scc_handover_vm_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SccHandoverVm *self = SCC_HANDOVER_VM (object);

  switch (prop_id)
    {
    case PROP_FROM_NAME:
      g_value_set_string (value, self->from_name);
      break;
    case PROP_N_CASES:
      g_value_set_uint (value, scc_handover_vm_get_n_cases (self));
      break;
    case PROP_WHOLE:
      g_value_set_boolean (value, self->case_ids->len == 0);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_OWNERS:
      g_value_set_object (value, self->owners);
      break;
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    case PROP_MOVED:
      g_value_set_uint (value, self->moved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_handover_vm_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SccHandoverVm *self = SCC_HANDOVER_VM (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      scc_handover_vm_set_selected (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_handover_vm_class_init (SccHandoverVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = scc_handover_vm_dispose;
  object_class->finalize = scc_handover_vm_finalize;
  object_class->get_property = scc_handover_vm_get_property;
  object_class->set_property = scc_handover_vm_set_property;

  form_class->validate = scc_handover_vm_validate;
  form_class->submit_async = scc_handover_vm_submit_async;
  form_class->submit_finish = scc_handover_vm_submit_finish;

  properties[PROP_FROM_NAME] = g_param_spec_string ("from-name", NULL, NULL, NULL, flags);
  properties[PROP_N_CASES] = g_param_spec_uint ("n-cases", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_WHOLE] = g_param_spec_boolean ("whole", NULL, NULL, TRUE, flags);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);
  properties[PROP_OWNERS] = g_param_spec_object ("owners", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_SELECTED] = g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT,
                                                 SCC_HANDOVER_NONE, flags | G_PARAM_WRITABLE);
  properties[PROP_MOVED] = g_param_spec_uint ("moved", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  scc_form_vm_class_set_failure_text (form_class, _("Nothing has been handed over"));
}

static void
scc_handover_vm_init (SccHandoverVm *self)
{
  SccFormField *to;

  self->owners = g_list_store_new (SCC_TYPE_WORKLOAD_ROW);
  self->case_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->selected = SCC_HANDOVER_NONE;
  /* Checked by validate, in words about a choice rather than typing. */
  to = scc_form_vm_add_field (SCC_FORM_VM (self), "to_owner_id", SCC_FORM_FIELD_DEFAULT);
  scc_form_vm_add_field (SCC_FORM_VM (self), "note", SCC_FORM_FIELD_REQUIRED);
  g_signal_connect_object (to, "notify::value", G_CALLBACK (on_to_owner_cb), self, G_CONNECT_SWAPPED);
}

SccHandoverVm *
scc_handover_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);
  return g_object_new (SCC_TYPE_HANDOVER_VM, "api-client", api_client, NULL);
}

void
scc_handover_vm_set_from (SccHandoverVm *self,
                          gint64         owner_id,
                          const char    *name)
{
  g_return_if_fail (SCC_IS_HANDOVER_VM (self));
  g_return_if_fail (owner_id > 0);

  self->from_id = owner_id;
  g_free (self->from_name);
  self->from_name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_NAME]);
}

gint64
scc_handover_vm_get_from_id (SccHandoverVm *self)
{
  g_return_val_if_fail (SCC_IS_HANDOVER_VM (self), 0);
  return self->from_id;
}

const char *
scc_handover_vm_get_from_name (SccHandoverVm *self)
{
  g_return_val_if_fail (SCC_IS_HANDOVER_VM (self), NULL);
  return self->from_name;
}

void
scc_handover_vm_set_cases (SccHandoverVm *self,
                           const gint64  *case_ids,
                           guint          n_cases,
                           guint          n_whole)
{
  g_return_if_fail (SCC_IS_HANDOVER_VM (self));
  g_return_if_fail (case_ids != NULL || n_cases == 0);

  g_array_set_size (self->case_ids, 0);
  if (n_cases > 0)
    g_array_append_vals (self->case_ids, case_ids, n_cases);
  self->n_whole = n_whole;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CASES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHOLE]);
}

gboolean
scc_handover_vm_get_whole (SccHandoverVm *self)
{
  g_return_val_if_fail (SCC_IS_HANDOVER_VM (self), TRUE);
  return self->case_ids->len == 0;
}

guint
scc_handover_vm_get_n_cases (SccHandoverVm *self)
{
  g_return_val_if_fail (SCC_IS_HANDOVER_VM (self), 0);
  return self->case_ids->len > 0 ? self->case_ids->len : self->n_whole;
}

void
scc_handover_vm_load_owners (SccHandoverVm *self)
{
  g_return_if_fail (SCC_IS_HANDOVER_VM (self));

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  self->loading = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  scc_api_client_get_workload_async (scc_form_vm_get_api_client (SCC_FORM_VM (self)), self->load_cancellable,
                                     owners_cb, g_object_ref (self));
}

gboolean
scc_handover_vm_get_loading (SccHandoverVm *self)
{
  g_return_val_if_fail (SCC_IS_HANDOVER_VM (self), FALSE);
  return self->loading;
}

GListModel *
scc_handover_vm_get_owners (SccHandoverVm *self)
{
  g_return_val_if_fail (SCC_IS_HANDOVER_VM (self), NULL);
  return G_LIST_MODEL (self->owners);
}

guint
scc_handover_vm_get_selected (SccHandoverVm *self)
{
  g_return_val_if_fail (SCC_IS_HANDOVER_VM (self), SCC_HANDOVER_NONE);
  return self->selected;
}

void
scc_handover_vm_set_selected (SccHandoverVm *self,
                              guint          position)
{
  g_autoptr(SccWorkloadRow) row = NULL;
  g_autofree char *id = NULL;

  g_return_if_fail (SCC_IS_HANDOVER_VM (self));

  if (position == self->selected)
    return;
  row = position != SCC_HANDOVER_NONE ? g_list_model_get_item (G_LIST_MODEL (self->owners), position) : NULL;
  if (row != NULL)
    id = g_strdup_printf ("%" G_GINT64_FORMAT, scc_workload_row_get_owner_id (row));
  /* on_to_owner_cb follows the field and notifies selected */
  scc_form_vm_set_value (SCC_FORM_VM (self), "to_owner_id", id != NULL ? id : "");
}

gboolean
scc_handover_vm_select_owner (SccHandoverVm *self,
                              gint64         owner_id)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (SCC_IS_HANDOVER_VM (self), FALSE);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, owner_id);
  scc_form_vm_set_value (SCC_FORM_VM (self), "to_owner_id", id);
  return self->selected != SCC_HANDOVER_NONE;
}

const char *
scc_handover_vm_get_to_name (SccHandoverVm *self)
{
  g_autoptr(SccWorkloadRow) row = NULL;

  g_return_val_if_fail (SCC_IS_HANDOVER_VM (self), NULL);

  if (self->selected == SCC_HANDOVER_NONE)
    return NULL;
  row = g_list_model_get_item (G_LIST_MODEL (self->owners), self->selected);
  /* the store holds the row */
  return row != NULL ? scc_workload_row_get_name (row) : NULL;
}

guint
scc_handover_vm_get_moved (SccHandoverVm *self)
{
  g_return_val_if_fail (SCC_IS_HANDOVER_VM (self), 0);
  return self->moved;
}
