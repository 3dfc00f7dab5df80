/* scc-proceeding-form-vm.c
 *
 * SccProceedingFormVm: see scc-proceeding-form-vm.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-proceeding-form-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-api-client-cases.h"
#include "scc-proceeding-form-vm.h"

struct _SccProceedingFormVm
{
  SccRecordFormVm parent_instance;

  /* Borrowed: owned by the form */
  SccFormField *noted_on;
  SccFormField *party;
  SccFormField *ground;
  SccFormField *notes;
};

G_DEFINE_FINAL_TYPE (SccProceedingFormVm, scc_proceeding_form_vm, SCC_TYPE_RECORD_FORM_VM)

/* (transfer full): the field's text, trimmed */
static char *
text_of (SccFormField *field)
{
  return g_strstrip (g_strdup (scc_form_field_get_value (field)));
}

static gboolean
scc_proceeding_form_vm_validate (SccFormVm *form)
{
  SccProceedingFormVm *self = SCC_PROCEEDING_FORM_VM (form);
  const ScProceeding *proceeding = scc_record_form_vm_get_selected_record (SCC_RECORD_FORM_VM (self));
  g_autofree char *ground = text_of (self->ground);
  g_autofree char *party = text_of (self->party);
  g_autofree char *notes = text_of (self->notes);
  ScDay noted;
  gboolean ok = scc_record_form_vm_read_day (self->noted_on, &noted);

  if (proceeding == NULL)
    {
      scc_form_vm_set_error_message (form, _("There is nothing to record on yet."));
      return FALSE;
    }
  if (ground[0] != '\0' && (!g_strv_contains (sc_proceeding_grounds, ground) ||
                            g_strcmp0 (proceeding->kind, "ceasing") != 0))
    {
      scc_form_field_set_error (self->ground, _("is recorded only for a ceasing, as one of the grounds listed"));
      ok = FALSE;
    }
  if (g_utf8_strlen (party, -1) > SC_PROCEEDING_PARTY_MAX_CHARS)
    {
      scc_form_field_set_error (self->party, _("must be at most 200 characters"));
      ok = FALSE;
    }
  if (g_utf8_strlen (notes, -1) > SC_PROCEEDING_NOTES_MAX_CHARS)
    {
      scc_form_field_set_error (self->notes, _("must be at most 4000 characters"));
      ok = FALSE;
    }
  return ok;
}

static void
scc_proceeding_form_vm_submit_async (SccFormVm           *form,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  SccProceedingFormVm *self = SCC_PROCEEDING_FORM_VM (form);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  const ScProceeding *proceeding = scc_record_form_vm_get_selected_record (SCC_RECORD_FORM_VM (self));
  g_autofree char *party = text_of (self->party);
  g_autofree char *ground = text_of (self->ground);
  g_autofree char *notes = text_of (self->notes);
  ScProceedingChange change = { 0 };

  scc_record_form_vm_read_day (self->noted_on, &change.noted_on);
  change.party = party[0] != '\0' ? party : NULL;
  change.ground = ground[0] != '\0' ? ground : NULL;
  change.notes = notes[0] != '\0' ? notes : NULL;
  scc_api_client_put_proceeding_async (scc_form_vm_get_api_client (form),
                                       scc_record_form_vm_get_case_id (SCC_RECORD_FORM_VM (self)), proceeding->id,
                                       &change, proceeding->version, cancellable,
                                       scc_record_form_vm_submit_callback, task);
}

static gint64
proceeding_id (gconstpointer record)
{
  return ((const ScProceeding *) record)->id;
}

static void
fill (SccRecordFormVm *form,
      gconstpointer    record)
{
  SccProceedingFormVm *self = SCC_PROCEEDING_FORM_VM (form);
  const ScProceeding *proceeding = record;
  g_autofree char *noted = scc_record_form_vm_day_text (proceeding->noted_on);

  scc_form_field_set_value (self->noted_on, noted);
  scc_form_field_set_value (self->party, proceeding->party != NULL ? proceeding->party : "");
  scc_form_field_set_value (self->ground, proceeding->ground != NULL ? proceeding->ground : "");
  scc_form_field_set_value (self->notes, proceeding->notes != NULL ? proceeding->notes : "");
}

static void
scc_proceeding_form_vm_class_init (SccProceedingFormVmClass *klass)
{
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);
  SccRecordFormVmClass *record_class = SCC_RECORD_FORM_VM_CLASS (klass);

  form_class->validate = scc_proceeding_form_vm_validate;
  form_class->submit_async = scc_proceeding_form_vm_submit_async;
  scc_form_vm_class_set_failure_text (form_class, _("This has not been saved"));

  record_class->list_async = scc_api_client_list_proceedings_async;
  record_class->list_finish = scc_api_client_list_proceedings_finish;
  record_class->put_finish = (gpointer) scc_api_client_put_proceeding_finish;
  record_class->record_id = proceeding_id;
  record_class->fill = fill;
  record_class->record_free = (GDestroyNotify) sc_proceeding_free;
  record_class->load_failure_text = _("The amendments, reassessments, ceasings and transfers could not be read");
  record_class->saved_text = _("Saved.");
}

static void
scc_proceeding_form_vm_init (SccProceedingFormVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  self->noted_on = scc_form_vm_add_field (form, "noted_on", SCC_FORM_FIELD_DEFAULT);
  self->party = scc_form_vm_add_field (form, "party", SCC_FORM_FIELD_DEFAULT);
  self->ground = scc_form_vm_add_field (form, "ground", SCC_FORM_FIELD_DEFAULT);
  self->notes = scc_form_vm_add_field (form, "notes", SCC_FORM_FIELD_DEFAULT);
}

SccProceedingFormVm *
scc_proceeding_form_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_PROCEEDING_FORM_VM, "api-client", api_client, NULL);
}
