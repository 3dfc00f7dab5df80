/* scc-band-mapping-form-vm.c
 *
 * SccBandMappingFormVm: see scc-band-mapping-form-vm.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-band-mapping-form-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-funding-band.h"
#include "scc-api-client-transfers.h"
#include "scc-band-mapping-form-vm.h"

struct _SccBandMappingFormVm
{
  SccFormVm      parent_instance;

  GPtrArray     *mappings;    /* of ScBandMapping, nullable */
  ScBandMapping *selected;    /* borrowed from mappings, nullable */
  char          *load_error;
  GCancellable  *loading;

  /* Borrowed: owned by the form */
  SccFormField  *our_code;
};

G_DEFINE_FINAL_TYPE (SccBandMappingFormVm, scc_band_mapping_form_vm, SCC_TYPE_FORM_VM)

enum {
  PROP_0,
  PROP_MAPPINGS,
  PROP_LOAD_ERROR,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
read_code (SccBandMappingFormVm *self)
{
  g_autofree char *code = g_strstrip (g_strdup (scc_form_field_get_value (self->our_code)));

  if (self->selected == NULL)
    {
      scc_form_vm_set_error_message (SCC_FORM_VM (self), _("Choose a band transferred in first"));
      return NULL;
    }
  if (!sc_funding_band_code_is_valid (code))
    {
      scc_form_field_set_error (self->our_code, _("is needed: the code of one of our bands, such as B"));
      return NULL;
    }
  return g_steal_pointer (&code);
}

static gboolean
scc_band_mapping_form_vm_validate (SccFormVm *form)
{
  g_autofree char *code = read_code (SCC_BAND_MAPPING_FORM_VM (form));

  return code != NULL;
}

static void
decided_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  ScBandMapping *mapping = scc_api_client_decide_band_mapping_finish (SCC_API_CLIENT (object), result, &error);

  if (mapping == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, mapping, (GDestroyNotify) sc_band_mapping_free);
}

static void
scc_band_mapping_form_vm_submit_async (SccFormVm           *form,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  SccBandMappingFormVm *self = SCC_BAND_MAPPING_FORM_VM (form);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *code = read_code (self);

  scc_api_client_decide_band_mapping_async (scc_form_vm_get_api_client (form), self->selected, code, cancellable,
                                            decided_cb, task);
}

static gboolean
scc_band_mapping_form_vm_submit_finish (SccFormVm     *form,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_autoptr(ScBandMapping) mapping = g_task_propagate_pointer (G_TASK (result), error);

  return mapping != NULL;
}

static void
scc_band_mapping_form_vm_succeeded (SccFormVm *form)
{
  SccBandMappingFormVm *self = SCC_BAND_MAPPING_FORM_VM (form);

  self->selected = NULL;
  scc_form_field_set_value (self->our_code, "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  scc_band_mapping_form_vm_load (self);
}

static void
scc_band_mapping_form_vm_dispose (GObject *object)
{
  SccBandMappingFormVm *self = SCC_BAND_MAPPING_FORM_VM (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);

  G_OBJECT_CLASS (scc_band_mapping_form_vm_parent_class)->dispose (object);
}

static void
scc_band_mapping_form_vm_finalize (GObject *object)
{
  SccBandMappingFormVm *self = SCC_BAND_MAPPING_FORM_VM (object);

  g_clear_pointer (&self->mappings, g_ptr_array_unref);
  g_free (self->load_error);

  G_OBJECT_CLASS (scc_band_mapping_form_vm_parent_class)->finalize (object);
}

static void
scc_band_mapping_form_vm_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SccBandMappingFormVm *self = SCC_BAND_MAPPING_FORM_VM (object);

  switch (prop_id)
    {
    case PROP_MAPPINGS:
      g_value_set_boxed (value, self->mappings);
      break;
    case PROP_LOAD_ERROR:
      g_value_set_string (value, self->load_error);
      break;
    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_band_mapping_form_vm_class_init (SccBandMappingFormVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);

  object_class->dispose = scc_band_mapping_form_vm_dispose;
  object_class->finalize = scc_band_mapping_form_vm_finalize;
  object_class->get_property = scc_band_mapping_form_vm_get_property;
  form_class->validate = scc_band_mapping_form_vm_validate;
  form_class->submit_async = scc_band_mapping_form_vm_submit_async;
  form_class->submit_finish = scc_band_mapping_form_vm_submit_finish;
  form_class->succeeded = scc_band_mapping_form_vm_succeeded;
  scc_form_vm_class_set_failure_text (form_class, _("The band has not been mapped"));

  properties[PROP_MAPPINGS] = g_param_spec_boxed ("mappings", NULL, NULL, G_TYPE_PTR_ARRAY,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOAD_ERROR] = g_param_spec_string ("load-error", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* whether a mapping is chosen */
  properties[PROP_SELECTED] = g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_band_mapping_form_vm_init (SccBandMappingFormVm *self)
{
  /* named as the API names it, so its field error lands here */
  self->our_code = scc_form_vm_add_field (SCC_FORM_VM (self), "our_code", SCC_FORM_FIELD_DEFAULT);
}

SccBandMappingFormVm *
scc_band_mapping_form_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_BAND_MAPPING_FORM_VM, "api-client", api_client, NULL);
}

/* awaiting a decision first, then by authority and code */
static int
compare_mappings (gconstpointer a,
                  gconstpointer b)
{
  const ScBandMapping *x = *(ScBandMapping **) a, *y = *(ScBandMapping **) b;
  int by_code;

  if ((x->our_code == NULL) != (y->our_code == NULL))
    return x->our_code == NULL ? -1 : 1;
  by_code = g_strcmp0 (x->authority_code, y->authority_code);
  return by_code != 0 ? by_code : g_strcmp0 (x->their_code, y->their_code);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SccBandMappingFormVm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mappings = scc_api_client_list_band_mappings_finish (SCC_API_CLIENT (object), result,
                                                                            &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->load_error, g_free);
  if (mappings == NULL)
    self->load_error = g_strdup_printf (_("The bands transferred in could not be read: %s"), error->message);
  else
    {
      g_ptr_array_sort (mappings, compare_mappings);
      self->selected = NULL;
      g_clear_pointer (&self->mappings, g_ptr_array_unref);
      self->mappings = g_steal_pointer (&mappings);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAPPINGS]);
}

void
scc_band_mapping_form_vm_load (SccBandMappingFormVm *self)
{
  g_return_if_fail (SCC_IS_BAND_MAPPING_FORM_VM (self));

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  scc_api_client_list_band_mappings_async (scc_form_vm_get_api_client (SCC_FORM_VM (self)), FALSE, self->loading,
                                           list_cb, g_object_ref (self));
}

GPtrArray *
scc_band_mapping_form_vm_get_mappings (SccBandMappingFormVm *self)
{
  g_return_val_if_fail (SCC_IS_BAND_MAPPING_FORM_VM (self), NULL);
  return self->mappings;
}

const char *
scc_band_mapping_form_vm_get_load_error (SccBandMappingFormVm *self)
{
  g_return_val_if_fail (SCC_IS_BAND_MAPPING_FORM_VM (self), NULL);
  return self->load_error;
}

void
scc_band_mapping_form_vm_select (SccBandMappingFormVm *self,
                                 guint                 index)
{
  g_return_if_fail (SCC_IS_BAND_MAPPING_FORM_VM (self));
  g_return_if_fail (self->mappings != NULL && index < self->mappings->len);

  self->selected = g_ptr_array_index (self->mappings, index);
  scc_form_field_set_value (self->our_code, self->selected->our_code != NULL ? self->selected->our_code
                                            : self->selected->suggested_code != NULL ? self->selected->suggested_code
                                            : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

const ScBandMapping *
scc_band_mapping_form_vm_get_selected (SccBandMappingFormVm *self)
{
  g_return_val_if_fail (SCC_IS_BAND_MAPPING_FORM_VM (self), NULL);
  return self->selected;
}
