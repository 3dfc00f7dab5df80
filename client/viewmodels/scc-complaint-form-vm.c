/* scc-complaint-form-vm.c
 *
 * SccComplaintFormVm: see scc-complaint-form-vm.h. The steps are recorded
 * on the complaint's last stage; a day for stage 2 adds it after them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-complaint-form-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-problem.h"
#include "scc-api-client-disputes.h"
#include "scc-complaint-form-vm.h"

struct _SccComplaintFormVm
{
  SccRecordFormVm parent_instance;

  /* Borrowed: owned by the form */
  SccFormField *acknowledged_on;
  SccFormField *extended_on;
  SccFormField *extension_reason;
  SccFormField *responded_on;
  SccFormField *outcome;
  SccFormField *remedy;
  SccFormField *escalated_on;
  SccFormField *notes;
};

/* The Ombudsman's part, each field "ombudsman_" and the member's name */
static const char * const ombudsman_days[] = {
  "ombudsman_referred_on", "ombudsman_decided_on", "ombudsman_compliance_due", "ombudsman_complied_on", NULL
};
static const char * const ombudsman_texts[] = {
  "ombudsman_reference", "ombudsman_decision", "ombudsman_remedy", NULL
};

G_DEFINE_FINAL_TYPE (SccComplaintFormVm, scc_complaint_form_vm, SCC_TYPE_RECORD_FORM_VM)

static char *
text_of (SccFormField *field)
{
  return g_strstrip (g_strdup (scc_form_field_get_value (field)));
}

static char *
text_or_null (SccFormField *field)
{
  char *text = text_of (field);

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Which field shows the rule's refusal of @field (the API's name) */
static SccFormField *
field_for (SccComplaintFormVm *self,
           const char         *field,
           guint               last)
{
  g_autofree char *stage = g_strdup_printf ("stages[%u]", last);

  if (g_str_has_prefix (field, "ombudsman"))
    {
      g_autofree char *name = g_str_equal (field, "ombudsman") ? g_strdup ("ombudsman_referred_on")
                                                               : g_strdelimit (g_strdup (field), ".", '_');

      return scc_form_vm_lookup_field (SCC_FORM_VM (self), name);
    }
  if (g_str_has_suffix (field, ".reason"))
    return self->extension_reason;
  if (strstr (field, ".extensions") != NULL)
    return self->extended_on;
  if (!g_str_has_prefix (field, stage))
    return g_str_has_prefix (field, "stages[") ? self->escalated_on : NULL;
  if (g_str_has_suffix (field, ".acknowledged_on"))
    return self->acknowledged_on;
  if (g_str_has_suffix (field, ".responded_on"))
    return self->responded_on;
  if (g_str_has_suffix (field, ".outcome"))
    return self->outcome;
  if (g_str_has_suffix (field, ".remedy"))
    return self->remedy;
  return NULL;
}

/* The Ombudsman's part as the form holds it into @after (none while it
 * is empty); FALSE with a field error for a day that is not one */
static gboolean
read_ombudsman (SccComplaintFormVm *self,
                ScComplaint        *after)
{
  SccFormVm *form = SCC_FORM_VM (self);
  ScDay days[4];
  gboolean ok = TRUE, any = FALSE;
  ScComplaintOmbudsman *o;

  for (guint i = 0; ombudsman_days[i] != NULL; i++)
    {
      ok &= scc_record_form_vm_read_day (scc_form_vm_lookup_field (form, ombudsman_days[i]), &days[i]);
      any |= days[i] != SC_DAY_NONE;
    }
  for (guint i = 0; ombudsman_texts[i] != NULL; i++)
    {
      g_autofree char *text = text_or_null (scc_form_vm_lookup_field (form, ombudsman_texts[i]));

      any |= text != NULL;
    }
  if (!ok)
    return FALSE;
  g_clear_pointer (&after->ombudsman, sc_complaint_ombudsman_free);
  if (!any)
    return TRUE;
  o = g_new0 (ScComplaintOmbudsman, 1);
  o->referred_on = days[0];
  o->decided_on = days[1];
  o->compliance_due = days[2];
  o->complied_on = days[3];
  o->reference = text_or_null (scc_form_vm_lookup_field (form, "ombudsman_reference"));
  o->decision = text_or_null (scc_form_vm_lookup_field (form, "ombudsman_decision"));
  o->remedy = text_or_null (scc_form_vm_lookup_field (form, "ombudsman_remedy"));
  after->ombudsman = o;
  return TRUE;
}

ScComplaint *
scc_complaint_form_vm_dup_change (SccComplaintFormVm *self)
{
  const ScComplaint *current = scc_record_form_vm_get_selected_record (SCC_RECORD_FORM_VM (self));
  g_autoptr(ScComplaint) after = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *reason = text_or_null (self->extension_reason);
  g_autoptr(JsonNode) node = NULL;
  ScComplaintStage *stage;
  ScDay acknowledged, extended, responded, escalated;
  gboolean ok = TRUE;
  const ScProblem *problem;
  guint last;

  g_return_val_if_fail (SCC_IS_COMPLAINT_FORM_VM (self), NULL);
  if (current == NULL)
    {
      scc_form_vm_set_error_message (SCC_FORM_VM (self), _("There is no complaint to record on yet."));
      return NULL;
    }
  ok &= scc_record_form_vm_read_day (self->acknowledged_on, &acknowledged);
  ok &= scc_record_form_vm_read_day (self->extended_on, &extended);
  ok &= scc_record_form_vm_read_day (self->responded_on, &responded);
  ok &= scc_record_form_vm_read_day (self->escalated_on, &escalated);
  if (!ok)
    return NULL;
  if (extended == SC_DAY_NONE && reason != NULL)
    {
      scc_form_field_set_error (self->extended_on, _("is needed with the reason: the day the complainant was told"));
      return NULL;
    }

  /* the complaint as it would be: the current one with the steps added */
  body = sc_complaint_change_to_json (current);
  node = json_from_string (body, NULL);
  after = sc_complaint_change_read (current, json_node_get_object (node), sc_day_today (), NULL);
  g_assert (after != NULL);
  last = after->stages->len - 1;
  stage = g_ptr_array_index (after->stages, last);
  stage->acknowledged_on = acknowledged;
  stage->responded_on = responded;
  g_free (stage->outcome);
  stage->outcome = text_or_null (self->outcome);
  g_free (stage->remedy);
  stage->remedy = text_or_null (self->remedy);
  if (extended != SC_DAY_NONE)
    {
      ScComplaintExtension *extension = g_new0 (ScComplaintExtension, 1);

      extension->extended_on = extended;
      extension->reason = g_steal_pointer (&reason);
      g_ptr_array_add (stage->extensions, extension);
    }
  if (escalated != SC_DAY_NONE)
    {
      ScComplaintStage *second = sc_complaint_stage_new ();

      second->number = 2;
      second->received_on = escalated;
      g_ptr_array_add (after->stages, second);
    }
  g_free (after->notes);
  after->notes = text_or_null (self->notes);
  if (!read_ombudsman (self, after))
    return NULL;

  /* checked as the daemon will check it */
  g_clear_pointer (&body, g_free);
  g_clear_pointer (&node, json_node_unref);
  body = sc_complaint_change_to_json (after);
  node = json_from_string (body, NULL);
  {
    g_autoptr(ScComplaint) checked = sc_complaint_change_read (current, json_node_get_object (node),
                                                               sc_day_today (), &error);

    if (checked != NULL)
      {
        checked->version = current->version;
        return g_steal_pointer (&checked);
      }
  }
  problem = sc_error_get_problem (error);
  for (guint i = 0; problem != NULL && i < sc_problem_get_n_field_errors (problem); i++)
    {
      const ScFieldError *e = sc_problem_get_field_error (problem, i);
      SccFormField *field = field_for (self, e->field, last);

      if (field != NULL && scc_form_field_get_error (field) == NULL)
        scc_form_field_set_error (field, e->message);
      else if (field == NULL)
        scc_form_vm_set_error_message (SCC_FORM_VM (self), e->message);
    }
  return NULL;
}

static gboolean
scc_complaint_form_vm_validate (SccFormVm *form)
{
  g_autoptr(ScComplaint) change = scc_complaint_form_vm_dup_change (SCC_COMPLAINT_FORM_VM (form));

  return change != NULL;
}

static void
scc_complaint_form_vm_submit_async (SccFormVm           *form,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task = g_task_new (form, cancellable, callback, user_data);
  g_autoptr(ScComplaint) change = scc_complaint_form_vm_dup_change (SCC_COMPLAINT_FORM_VM (form));

  scc_api_client_put_complaint_async (scc_form_vm_get_api_client (form), change, cancellable,
                                      scc_record_form_vm_submit_callback, task);
}

/* The team's list, or a case's: the earliest next deadline first */
static void
list_async (SccApiClient        *api_client,
            gint64               case_id,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  scc_api_client_list_complaints_async (api_client, NULL, case_id > 0 ? case_id : 0, NULL, 0, cancellable,
                                        callback, user_data);
}

static GPtrArray *
list_finish (SccApiClient  *api_client,
             GAsyncResult  *result,
             GError       **error)
{
  return scc_api_client_list_complaints_finish (api_client, result, NULL, error);
}

static gint64
complaint_id (gconstpointer record)
{
  return ((const ScComplaint *) record)->id;
}

static void
fill (SccRecordFormVm *form,
      gconstpointer    record)
{
  SccComplaintFormVm *self = SCC_COMPLAINT_FORM_VM (form);
  const ScComplaint *complaint = record;
  const ScComplaintStage *stage = g_ptr_array_index (complaint->stages, complaint->stages->len - 1);
  g_autofree char *acknowledged = scc_record_form_vm_day_text (stage->acknowledged_on);
  g_autofree char *responded = scc_record_form_vm_day_text (stage->responded_on);

  scc_form_field_set_value (self->acknowledged_on, acknowledged);
  scc_form_field_set_value (self->extended_on, "");
  scc_form_field_set_value (self->extension_reason, "");
  scc_form_field_set_value (self->responded_on, responded);
  scc_form_field_set_value (self->outcome, stage->outcome != NULL ? stage->outcome : "");
  scc_form_field_set_value (self->remedy, stage->remedy != NULL ? stage->remedy : "");
  scc_form_field_set_value (self->escalated_on, "");
  scc_form_field_set_value (self->notes, complaint->notes != NULL ? complaint->notes : "");
  {
    const ScComplaintOmbudsman *o = complaint->ombudsman;
    const ScDay days[] = {
      o != NULL ? o->referred_on : SC_DAY_NONE, o != NULL ? o->decided_on : SC_DAY_NONE,
      o != NULL ? o->compliance_due : SC_DAY_NONE, o != NULL ? o->complied_on : SC_DAY_NONE
    };
    const char * const texts[] = {
      o != NULL ? o->reference : NULL, o != NULL ? o->decision : NULL, o != NULL ? o->remedy : NULL
    };

    for (guint i = 0; ombudsman_days[i] != NULL; i++)
      {
        g_autofree char *text = scc_record_form_vm_day_text (days[i]);

        scc_form_vm_set_value (SCC_FORM_VM (form), ombudsman_days[i], text);
      }
    for (guint i = 0; ombudsman_texts[i] != NULL; i++)
      scc_form_vm_set_value (SCC_FORM_VM (form), ombudsman_texts[i], texts[i] != NULL ? texts[i] : "");
  }
}

static void
scc_complaint_form_vm_class_init (SccComplaintFormVmClass *klass)
{
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);
  SccRecordFormVmClass *record_class = SCC_RECORD_FORM_VM_CLASS (klass);

  form_class->validate = scc_complaint_form_vm_validate;
  form_class->submit_async = scc_complaint_form_vm_submit_async;
  scc_form_vm_class_set_failure_text (form_class, _("The complaint has not been saved"));

  record_class->list_async = list_async;
  record_class->list_finish = list_finish;
  record_class->put_finish = (gpointer) scc_api_client_put_complaint_finish;
  record_class->record_id = complaint_id;
  record_class->fill = fill;
  record_class->record_free = (GDestroyNotify) sc_complaint_free;
  record_class->load_failure_text = _("The complaints could not be read");
  record_class->saved_text = _("Saved.");
}

static void
scc_complaint_form_vm_init (SccComplaintFormVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  self->acknowledged_on = scc_form_vm_add_field (form, "acknowledged_on", SCC_FORM_FIELD_DEFAULT);
  self->extended_on = scc_form_vm_add_field (form, "extended_on", SCC_FORM_FIELD_DEFAULT);
  self->extension_reason = scc_form_vm_add_field (form, "extension_reason", SCC_FORM_FIELD_DEFAULT);
  self->responded_on = scc_form_vm_add_field (form, "responded_on", SCC_FORM_FIELD_DEFAULT);
  self->outcome = scc_form_vm_add_field (form, "outcome", SCC_FORM_FIELD_DEFAULT);
  self->remedy = scc_form_vm_add_field (form, "remedy", SCC_FORM_FIELD_DEFAULT);
  self->escalated_on = scc_form_vm_add_field (form, "escalated_on", SCC_FORM_FIELD_DEFAULT);
  self->notes = scc_form_vm_add_field (form, "notes", SCC_FORM_FIELD_DEFAULT);
  for (guint i = 0; ombudsman_days[i] != NULL; i++)
    scc_form_vm_add_field (form, ombudsman_days[i], SCC_FORM_FIELD_DEFAULT);
  for (guint i = 0; ombudsman_texts[i] != NULL; i++)
    scc_form_vm_add_field (form, ombudsman_texts[i], SCC_FORM_FIELD_DEFAULT);
}

SccComplaintFormVm *
scc_complaint_form_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_COMPLAINT_FORM_VM, "api-client", api_client, NULL);
}
