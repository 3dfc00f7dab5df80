/* scc-funding-band-form-vm.c
 *
 * SccFundingBandFormVm: see scc-funding-band-form-vm.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-funding-band-form-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-consultation.h"
#include "scc-api-client-consultations.h"
#include "scc-funding-band-form-vm.h"
#include "scc-record-form-vm.h"

struct _SccFundingBandFormVm
{
  SccFormVm     parent_instance;

  GPtrArray    *bands;        /* of ScFundingBand, nullable */
  char         *load_error;
  GCancellable *loading;

  /* Borrowed: owned by the form */
  SccFormField *code;
  SccFormField *description;
  SccFormField *annual_amount;
  SccFormField *valid_from;
  SccFormField *valid_to;
};

G_DEFINE_FINAL_TYPE (SccFundingBandFormVm, scc_funding_band_form_vm, SCC_TYPE_FORM_VM)

enum {
  PROP_0,
  PROP_BANDS,
  PROP_LOAD_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The form's band, read and checked; NULL with field errors */
static ScFundingBand *
read_band (SccFundingBandFormVm *self)
{
  g_autoptr(ScFundingBand) band = sc_funding_band_new ();
  g_autofree char *code = g_strstrip (g_strdup (scc_form_field_get_value (self->code)));
  g_autofree char *description = g_strstrip (g_strdup (scc_form_field_get_value (self->description)));
  g_autofree char *amount = g_strstrip (g_strdup (scc_form_field_get_value (self->annual_amount)));
  gboolean ok = TRUE;

  if (!sc_funding_band_code_is_valid (code))
    {
      scc_form_field_set_error (self->code, _("must be 1 to 20 letters, digits, spaces, dots or dashes"));
      ok = FALSE;
    }
  if (description[0] == '\0' || g_utf8_strlen (description, -1) > SC_FUNDING_BAND_DESCRIPTION_MAX_CHARS)
    {
      scc_form_field_set_error (self->description, _("is needed: what the band pays for, at most 200 characters"));
      ok = FALSE;
    }
  if (!sc_amount_parse (amount, &band->annual_amount))
    {
      scc_form_field_set_error (self->annual_amount, _("must be an amount of money in pounds, such as 14,500"));
      ok = FALSE;
    }
  ok &= scc_record_form_vm_read_day (self->valid_from, &band->valid_from);
  if (ok && band->valid_from == SC_DAY_NONE)
    {
      scc_form_field_set_error (self->valid_from, _("is needed"));
      ok = FALSE;
    }
  ok &= scc_record_form_vm_read_day (self->valid_to, &band->valid_to);
  if (ok && band->valid_to != SC_DAY_NONE && band->valid_to < band->valid_from)
    {
      scc_form_field_set_error (self->valid_to, _("must be on or after the day it is valid from"));
      ok = FALSE;
    }
  if (!ok)
    return NULL;
  band->code = g_steal_pointer (&code);
  band->description = g_steal_pointer (&description);
  return g_steal_pointer (&band);
}

static gint64
version_of (SccFundingBandFormVm *self,
            const char           *code)
{
  for (guint i = 0; self->bands != NULL && i < self->bands->len; i++)
    {
      const ScFundingBand *band = g_ptr_array_index (self->bands, i);

      if (g_strcmp0 (band->code, code) == 0)
        return band->version;
    }
  return 0;
}

static gboolean
scc_funding_band_form_vm_validate (SccFormVm *form)
{
  g_autoptr(ScFundingBand) band = read_band (SCC_FUNDING_BAND_FORM_VM (form));

  return band != NULL;
}

static void
put_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  ScFundingBand *band = scc_api_client_put_funding_band_finish (SCC_API_CLIENT (object), result, &error);

  if (band == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, band, (GDestroyNotify) sc_funding_band_free);
}

static void
scc_funding_band_form_vm_submit_async (SccFormVm           *form,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  SccFundingBandFormVm *self = SCC_FUNDING_BAND_FORM_VM (form);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(ScFundingBand) band = read_band (self);

  scc_api_client_put_funding_band_async (scc_form_vm_get_api_client (form), band, version_of (self, band->code),
                                         cancellable, put_cb, task);
}

static gboolean
scc_funding_band_form_vm_submit_finish (SccFormVm     *form,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_autoptr(ScFundingBand) band = g_task_propagate_pointer (G_TASK (result), error);

  return band != NULL;
}

static void
scc_funding_band_form_vm_succeeded (SccFormVm *form)
{
  scc_funding_band_form_vm_load (SCC_FUNDING_BAND_FORM_VM (form));
}

static void
scc_funding_band_form_vm_dispose (GObject *object)
{
  SccFundingBandFormVm *self = SCC_FUNDING_BAND_FORM_VM (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);

  G_OBJECT_CLASS (scc_funding_band_form_vm_parent_class)->dispose (object);
}

static void
scc_funding_band_form_vm_finalize (GObject *object)
{
  SccFundingBandFormVm *self = SCC_FUNDING_BAND_FORM_VM (object);

  g_clear_pointer (&self->bands, g_ptr_array_unref);
  g_free (self->load_error);

  G_OBJECT_CLASS (scc_funding_band_form_vm_parent_class)->finalize (object);
}

static void
scc_funding_band_form_vm_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SccFundingBandFormVm *self = SCC_FUNDING_BAND_FORM_VM (object);

  switch (prop_id)
    {
    case PROP_BANDS:
      g_value_set_boxed (value, self->bands);
      break;
    case PROP_LOAD_ERROR:
      g_value_set_string (value, self->load_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_funding_band_form_vm_class_init (SccFundingBandFormVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);

  object_class->dispose = scc_funding_band_form_vm_dispose;
  object_class->finalize = scc_funding_band_form_vm_finalize;
  object_class->get_property = scc_funding_band_form_vm_get_property;
  form_class->validate = scc_funding_band_form_vm_validate;
  form_class->submit_async = scc_funding_band_form_vm_submit_async;
  form_class->submit_finish = scc_funding_band_form_vm_submit_finish;
  form_class->succeeded = scc_funding_band_form_vm_succeeded;
  scc_form_vm_class_set_failure_text (form_class, _("The band has not been saved"));

  properties[PROP_BANDS] = g_param_spec_boxed ("bands", NULL, NULL, G_TYPE_PTR_ARRAY,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOAD_ERROR] = g_param_spec_string ("load-error", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_funding_band_form_vm_init (SccFundingBandFormVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  /* named as the API names them, so its field errors land here */
  self->code = scc_form_vm_add_field (form, "code", SCC_FORM_FIELD_DEFAULT);
  self->description = scc_form_vm_add_field (form, "description", SCC_FORM_FIELD_DEFAULT);
  self->annual_amount = scc_form_vm_add_field (form, "annual_amount", SCC_FORM_FIELD_DEFAULT);
  self->valid_from = scc_form_vm_add_field (form, "valid_from", SCC_FORM_FIELD_DEFAULT);
  self->valid_to = scc_form_vm_add_field (form, "valid_to", SCC_FORM_FIELD_DEFAULT);
}

SccFundingBandFormVm *
scc_funding_band_form_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_FUNDING_BAND_FORM_VM, "api-client", api_client, NULL);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SccFundingBandFormVm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bands = scc_api_client_list_funding_bands_finish (SCC_API_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->load_error, g_free);
  if (bands == NULL)
    self->load_error = g_strdup_printf (_("The funding bands could not be read: %s"), error->message);
  else
    {
      g_clear_pointer (&self->bands, g_ptr_array_unref);
      self->bands = g_steal_pointer (&bands);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANDS]);
}

void
scc_funding_band_form_vm_load (SccFundingBandFormVm *self)
{
  g_return_if_fail (SCC_IS_FUNDING_BAND_FORM_VM (self));

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  scc_api_client_list_funding_bands_async (scc_form_vm_get_api_client (SCC_FORM_VM (self)), self->loading, list_cb,
                                           g_object_ref (self));
}

GPtrArray *
scc_funding_band_form_vm_get_bands (SccFundingBandFormVm *self)
{
  g_return_val_if_fail (SCC_IS_FUNDING_BAND_FORM_VM (self), NULL);
  return self->bands;
}

const char *
scc_funding_band_form_vm_get_load_error (SccFundingBandFormVm *self)
{
  g_return_val_if_fail (SCC_IS_FUNDING_BAND_FORM_VM (self), NULL);
  return self->load_error;
}

void
scc_funding_band_form_vm_select (SccFundingBandFormVm *self,
                                 guint                 index)
{
  const ScFundingBand *band;
  g_autofree char *amount = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_if_fail (SCC_IS_FUNDING_BAND_FORM_VM (self));
  g_return_if_fail (self->bands != NULL && index < self->bands->len);

  band = g_ptr_array_index (self->bands, index);
  amount = sc_amount_format_plain (band->annual_amount);
  from = scc_record_form_vm_day_text (band->valid_from);
  to = scc_record_form_vm_day_text (band->valid_to);
  scc_form_field_set_value (self->code, band->code);
  scc_form_field_set_value (self->description, band->description);
  scc_form_field_set_value (self->annual_amount, amount);
  scc_form_field_set_value (self->valid_from, from);
  scc_form_field_set_value (self->valid_to, to);
}
