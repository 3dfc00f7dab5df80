/* scc-appeal-form-vm.c
 *
 * SccAppealFormVm: see scc-appeal-form-vm.h. Its fields are named as the
 * API names the appeal's members; "order" and "ordered_on" are the new
 * order's, and the rules' errors on orders[N] land on them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-appeal-form-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-problem.h"
#include "scc-api-client-disputes.h"
#include "scc-appeal-form-vm.h"

struct _SccAppealFormVm
{
  SccRecordFormVm parent_instance;
};

G_DEFINE_FINAL_TYPE (SccAppealFormVm, scc_appeal_form_vm, SCC_TYPE_RECORD_FORM_VM)

static const char * const day_members[] = {
  "response_sent_on", "evidence_due", "hearing_on", "decided_on", "ordered_on", NULL
};
static const char * const text_members[] = { "representatives", "outcome", "order", "notes", NULL };

static char *
text_or_null (SccFormVm  *form,
              const char *name)
{
  char *text = g_strstrip (g_strdup (scc_form_vm_get_value (form, name)));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* The field that shows a refusal of @field (the API's name) */
static const char *
field_for (const char *field)
{
  if (g_str_has_prefix (field, "orders"))
    return g_str_has_suffix (field, ".ordered_on") ? "ordered_on" : "order";
  return field;
}

ScAppeal *
scc_appeal_form_vm_dup_change (SccAppealFormVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);
  const ScAppeal *current = scc_record_form_vm_get_selected_record (SCC_RECORD_FORM_VM (self));
  g_autoptr(ScAppeal) after = sc_appeal_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *order = NULL;
  g_autoptr(JsonNode) node = NULL;
  ScDay days[G_N_ELEMENTS (day_members)];
  const ScProblem *problem;
  gboolean ok = TRUE;

  g_return_val_if_fail (SCC_IS_APPEAL_FORM_VM (self), NULL);
  if (current == NULL)
    {
      scc_form_vm_set_error_message (form, _("There is no appeal to record on yet."));
      return NULL;
    }
  for (guint i = 0; day_members[i] != NULL; i++)
    ok &= scc_record_form_vm_read_day (scc_form_vm_lookup_field (form, day_members[i]), &days[i]);
  if (!ok)
    return NULL;
  order = text_or_null (form, "order");
  if ((order == NULL) != (days[4] == SC_DAY_NONE))
    {
      scc_form_vm_set_field_error (form, order == NULL ? "order" : "ordered_on",
                                   order == NULL ? _("is needed with the day of the order: what the tribunal "
                                                     "ordered")
                                                 : _("is needed with the order: the day the tribunal made it"));
      return NULL;
    }

  /* the appeal as it would be: the current one with the form's steps */
  after->reference = g_strdup (current->reference);
  after->registered_on = current->registered_on;
  after->response_sent_on = days[0];
  after->evidence_due = days[1];
  after->hearing_on = days[2];
  after->decided_on = days[3];
  after->representatives = text_or_null (form, "representatives");
  after->outcome = text_or_null (form, "outcome");
  after->notes = text_or_null (form, "notes");
  for (guint i = 0; i < current->orders->len; i++)
    {
      const ScAppealOrder *was = g_ptr_array_index (current->orders, i);
      ScAppealOrder *kept = sc_appeal_order_new ();

      kept->order = g_strdup (was->order);
      kept->ordered_on = was->ordered_on;
      g_ptr_array_add (after->orders, kept);
    }
  if (order != NULL)
    {
      ScAppealOrder *added = sc_appeal_order_new ();

      added->order = g_steal_pointer (&order);
      added->ordered_on = days[4];
      g_ptr_array_add (after->orders, added);
    }

  /* checked as the daemon will check it */
  body = sc_appeal_change_to_json (after);
  node = json_from_string (body, NULL);
  {
    g_autoptr(ScAppeal) checked = sc_appeal_change_read (current, json_node_get_object (node), sc_day_today (),
                                                         &error);

    if (checked != NULL)
      return g_steal_pointer (&checked);
  }
  problem = sc_error_get_problem (error);
  for (guint i = 0; problem != NULL && i < sc_problem_get_n_field_errors (problem); i++)
    {
      const ScFieldError *e = sc_problem_get_field_error (problem, i);

      if (scc_form_vm_get_field_error (form, field_for (e->field)) == NULL)
        scc_form_vm_set_field_error (form, field_for (e->field), e->message);
    }
  return NULL;
}

static gboolean
scc_appeal_form_vm_validate (SccFormVm *form)
{
  g_autoptr(ScAppeal) change = scc_appeal_form_vm_dup_change (SCC_APPEAL_FORM_VM (form));

  return change != NULL;
}

static void
scc_appeal_form_vm_submit_async (SccFormVm           *form,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (form, cancellable, callback, user_data);
  g_autoptr(ScAppeal) change = scc_appeal_form_vm_dup_change (SCC_APPEAL_FORM_VM (form));

  scc_api_client_put_appeal_async (scc_form_vm_get_api_client (form), change, cancellable,
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
  scc_api_client_list_appeals_async (api_client, NULL, case_id > 0 ? case_id : 0, NULL, 0, cancellable, callback,
                                     user_data);
}

static GPtrArray *
list_finish (SccApiClient  *api_client,
             GAsyncResult  *result,
             GError       **error)
{
  return scc_api_client_list_appeals_finish (api_client, result, NULL, error);
}

static gint64
appeal_id (gconstpointer record)
{
  return ((const ScAppeal *) record)->id;
}

static void
fill (SccRecordFormVm *record_form,
      gconstpointer    record)
{
  SccFormVm *form = SCC_FORM_VM (record_form);
  const ScAppeal *appeal = record;
  const ScDay days[] = {
    appeal->response_sent_on, appeal->evidence_due, appeal->hearing_on, appeal->decided_on, SC_DAY_NONE
  };

  for (guint i = 0; day_members[i] != NULL; i++)
    {
      g_autofree char *text = scc_record_form_vm_day_text (days[i]);

      scc_form_vm_set_value (form, day_members[i], text);
    }
  scc_form_vm_set_value (form, "representatives", appeal->representatives != NULL ? appeal->representatives : "");
  scc_form_vm_set_value (form, "outcome", appeal->outcome != NULL ? appeal->outcome : "");
  scc_form_vm_set_value (form, "order", "");
  scc_form_vm_set_value (form, "notes", appeal->notes != NULL ? appeal->notes : "");
}

static void
scc_appeal_form_vm_class_init (SccAppealFormVmClass *klass)
{
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);
  SccRecordFormVmClass *record_class = SCC_RECORD_FORM_VM_CLASS (klass);

  form_class->validate = scc_appeal_form_vm_validate;
  form_class->submit_async = scc_appeal_form_vm_submit_async;
  scc_form_vm_class_set_failure_text (form_class, _("The appeal has not been saved"));

  record_class->list_async = list_async;
  record_class->list_finish = list_finish;
  record_class->put_finish = (gpointer) scc_api_client_put_appeal_finish;
  record_class->record_id = appeal_id;
  record_class->fill = fill;
  record_class->record_free = (GDestroyNotify) sc_appeal_free;
  record_class->load_failure_text = _("The appeals could not be read");
  record_class->saved_text = _("Saved.");
}

static void
scc_appeal_form_vm_init (SccAppealFormVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  for (guint i = 0; day_members[i] != NULL; i++)
    scc_form_vm_add_field (form, day_members[i], SCC_FORM_FIELD_DEFAULT);
  for (guint i = 0; text_members[i] != NULL; i++)
    scc_form_vm_add_field (form, text_members[i], SCC_FORM_FIELD_DEFAULT);
}

SccAppealFormVm *
scc_appeal_form_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_APPEAL_FORM_VM, "api-client", api_client, NULL);
}
