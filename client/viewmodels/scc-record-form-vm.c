/* scc-record-form-vm.c
 *
 * SccRecordFormVm: see scc-record-form-vm.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-record-form-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-record-form-vm.h"

typedef struct
{
  gint64        case_id;
  GPtrArray    *records;      /* nullable */
  char         *load_error;
  int           selected;
  gint64        choose_id;    /* the record to choose when the list comes, 0: none */
  GCancellable *loading;
} SccRecordFormVmPrivate;

enum {
  PROP_0,
  PROP_RECORDS,
  PROP_LOAD_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SccRecordFormVm, scc_record_form_vm, SCC_TYPE_FORM_VM)

#define GET_PRIV(self) ((SccRecordFormVmPrivate *) scc_record_form_vm_get_instance_private (self))

static gint64
record_id_at (SccRecordFormVm *self,
              GPtrArray       *records,
              int              index)
{
  if (records == NULL || index < 0 || (guint) index >= records->len)
    return 0;
  return SCC_RECORD_FORM_VM_GET_CLASS (self)->record_id (g_ptr_array_index (records, index));
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SccRecordFormVm) self = user_data;
  SccRecordFormVmPrivate *priv = GET_PRIV (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = SCC_RECORD_FORM_VM_GET_CLASS (self)->list_finish (SCC_API_CLIENT (object), result,
                                                                                   &error);
  gint64 was;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&priv->loading);
  g_clear_pointer (&priv->load_error, g_free);
  if (records == NULL)
    {
      priv->load_error = g_strdup_printf ("%s: %s", SCC_RECORD_FORM_VM_GET_CLASS (self)->load_failure_text, error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
      return;
    }
  /* the one asked for, or the same record again (by its id: the list may
   * have moved), or the latest */
  was = priv->choose_id > 0 ? priv->choose_id : record_id_at (self, priv->records, priv->selected);
  priv->choose_id = 0;
  priv->selected = (int) records->len - 1;
  for (guint i = 0; was > 0 && i < records->len; i++)
    if (record_id_at (self, records, (int) i) == was)
      priv->selected = (int) i;
  g_clear_pointer (&priv->records, g_ptr_array_unref);
  priv->records = g_steal_pointer (&records);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
  if (priv->selected >= 0)
    scc_record_form_vm_select (self, (guint) priv->selected);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDS]);
}

static void
reload (SccRecordFormVm *self)
{
  SccRecordFormVmPrivate *priv = GET_PRIV (self);

  g_cancellable_cancel (priv->loading);
  g_clear_object (&priv->loading);
  priv->loading = g_cancellable_new ();
  SCC_RECORD_FORM_VM_GET_CLASS (self)->list_async (scc_form_vm_get_api_client (SCC_FORM_VM (self)), priv->case_id,
                                                   priv->loading, list_cb, g_object_ref (self));
}

void
scc_record_form_vm_submit_callback (GObject      *api_client,
                                    GAsyncResult *result,
                                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SccRecordFormVmClass *klass = SCC_RECORD_FORM_VM_GET_CLASS (g_task_get_source_object (task));
  g_autoptr(GError) error = NULL;
  gpointer record = klass->put_finish (SCC_API_CLIENT (api_client), result, &error);

  if (record == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, record, klass->record_free);
}

static gboolean
scc_record_form_vm_submit_finish (SccFormVm     *form,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  SccRecordFormVm *self = SCC_RECORD_FORM_VM (form);
  SccRecordFormVmPrivate *priv = GET_PRIV (self);
  SccRecordFormVmClass *klass = SCC_RECORD_FORM_VM_GET_CLASS (self);
  gpointer record = g_task_propagate_pointer (G_TASK (result), error);

  if (record == NULL)
    return FALSE;
  /* the record as written, its new version at once: a second save before
   * the list is read again matches it */
  for (guint i = 0; priv->records != NULL && i < priv->records->len; i++)
    if (record_id_at (self, priv->records, (int) i) == klass->record_id (record))
      {
        klass->record_free (g_ptr_array_index (priv->records, i));
        g_ptr_array_index (priv->records, i) = g_steal_pointer (&record);
        break;
      }
  if (record != NULL)
    klass->record_free (record);
  return TRUE;
}

static void
scc_record_form_vm_succeeded (SccFormVm *form)
{
  scc_form_vm_set_notice (form, SCC_RECORD_FORM_VM_GET_CLASS (form)->saved_text);
  reload (SCC_RECORD_FORM_VM (form));
}

/* The next user starts from nothing: no case, no records */
static void
scc_record_form_vm_clear (SccFormVm *form)
{
  SccRecordFormVm *self = SCC_RECORD_FORM_VM (form);
  SccRecordFormVmPrivate *priv = GET_PRIV (self);

  SCC_FORM_VM_CLASS (scc_record_form_vm_parent_class)->clear (form);
  g_cancellable_cancel (priv->loading);
  g_clear_object (&priv->loading);
  priv->case_id = 0;
  priv->selected = -1;
  priv->choose_id = 0;
  if (priv->load_error != NULL)
    {
      g_clear_pointer (&priv->load_error, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
    }
  if (priv->records != NULL)
    {
      g_clear_pointer (&priv->records, g_ptr_array_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDS]);
    }
}

static void
scc_record_form_vm_dispose (GObject *object)
{
  SccRecordFormVmPrivate *priv = GET_PRIV (SCC_RECORD_FORM_VM (object));

  g_cancellable_cancel (priv->loading);
  g_clear_object (&priv->loading);

  G_OBJECT_CLASS (scc_record_form_vm_parent_class)->dispose (object);
}

static void
scc_record_form_vm_finalize (GObject *object)
{
  SccRecordFormVmPrivate *priv = GET_PRIV (SCC_RECORD_FORM_VM (object));

  g_clear_pointer (&priv->records, g_ptr_array_unref);
  g_free (priv->load_error);

  G_OBJECT_CLASS (scc_record_form_vm_parent_class)->finalize (object);
}

static void
scc_record_form_vm_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SccRecordFormVmPrivate *priv = GET_PRIV (SCC_RECORD_FORM_VM (object));

  switch (prop_id)
    {
    case PROP_RECORDS:
      g_value_set_boxed (value, priv->records);
      break;
    case PROP_LOAD_ERROR:
      g_value_set_string (value, priv->load_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_record_form_vm_class_init (SccRecordFormVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);

  object_class->dispose = scc_record_form_vm_dispose;
  object_class->finalize = scc_record_form_vm_finalize;
  object_class->get_property = scc_record_form_vm_get_property;
  form_class->submit_finish = scc_record_form_vm_submit_finish;
  form_class->succeeded = scc_record_form_vm_succeeded;
  form_class->clear = scc_record_form_vm_clear;

  properties[PROP_RECORDS] = g_param_spec_boxed ("records", NULL, NULL, G_TYPE_PTR_ARRAY,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOAD_ERROR] = g_param_spec_string ("load-error", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_record_form_vm_init (SccRecordFormVm *self)
{
  GET_PRIV (self)->selected = -1;
}

void
scc_record_form_vm_load_choosing (SccRecordFormVm *self,
                                  gint64           case_id,
                                  gint64           record_id)
{
  SccRecordFormVmPrivate *priv;

  g_return_if_fail (SCC_IS_RECORD_FORM_VM (self));
  g_return_if_fail (case_id > 0 || case_id == SCC_RECORDS_OF_TEAM);
  g_return_if_fail (record_id >= 0);

  priv = GET_PRIV (self);
  if (case_id != priv->case_id)
    {
      scc_form_vm_clear (SCC_FORM_VM (self));
      priv->case_id = case_id;
    }
  priv->choose_id = record_id;
  reload (self);
}

void
scc_record_form_vm_load (SccRecordFormVm *self,
                         gint64           case_id)
{
  scc_record_form_vm_load_choosing (self, case_id, 0);
}

gint64
scc_record_form_vm_get_record_id (SccRecordFormVm *self,
                                  gconstpointer    record)
{
  g_return_val_if_fail (SCC_IS_RECORD_FORM_VM (self), 0);
  g_return_val_if_fail (record != NULL, 0);
  return SCC_RECORD_FORM_VM_GET_CLASS (self)->record_id (record);
}

gint64
scc_record_form_vm_get_case_id (SccRecordFormVm *self)
{
  g_return_val_if_fail (SCC_IS_RECORD_FORM_VM (self), 0);
  return GET_PRIV (self)->case_id;
}

GPtrArray *
scc_record_form_vm_get_records (SccRecordFormVm *self)
{
  g_return_val_if_fail (SCC_IS_RECORD_FORM_VM (self), NULL);
  return GET_PRIV (self)->records;
}

const char *
scc_record_form_vm_get_load_error (SccRecordFormVm *self)
{
  g_return_val_if_fail (SCC_IS_RECORD_FORM_VM (self), NULL);
  return GET_PRIV (self)->load_error;
}

void
scc_record_form_vm_select (SccRecordFormVm *self,
                           guint            index)
{
  SccRecordFormVmPrivate *priv;
  GListModel *fields;

  g_return_if_fail (SCC_IS_RECORD_FORM_VM (self));
  priv = GET_PRIV (self);
  g_return_if_fail (priv->records != NULL && index < priv->records->len);

  priv->selected = (int) index;
  SCC_RECORD_FORM_VM_GET_CLASS (self)->fill (self, g_ptr_array_index (priv->records, index));
  fields = scc_form_vm_get_fields (SCC_FORM_VM (self));
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(SccFormField) field = g_list_model_get_item (fields, i);

      scc_form_field_set_error (field, NULL);
    }
}

int
scc_record_form_vm_get_selected (SccRecordFormVm *self)
{
  g_return_val_if_fail (SCC_IS_RECORD_FORM_VM (self), -1);
  return GET_PRIV (self)->selected;
}

gconstpointer
scc_record_form_vm_get_selected_record (SccRecordFormVm *self)
{
  SccRecordFormVmPrivate *priv;

  g_return_val_if_fail (SCC_IS_RECORD_FORM_VM (self), NULL);
  priv = GET_PRIV (self);
  if (priv->records == NULL || priv->selected < 0 || (guint) priv->selected >= priv->records->len)
    return NULL;
  return g_ptr_array_index (priv->records, priv->selected);
}

gboolean
scc_record_form_vm_read_day (SccFormField *field,
                             ScDay        *out)
{
  g_autofree char *text = g_strstrip (g_strdup (scc_form_field_get_value (field)));

  *out = SC_DAY_NONE;
  if (text[0] == '\0' || sc_day_parse (text, out))
    return TRUE;
  scc_form_field_set_error (field, _("must be a date (YYYY-MM-DD)"));
  return FALSE;
}

char *
scc_record_form_vm_day_text (ScDay day)
{
  char text[SC_DAY_STRING_SIZE];

  return day == SC_DAY_NONE ? g_strdup ("") : g_strdup (sc_day_format (day, text));
}
