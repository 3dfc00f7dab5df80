/* scc-mediation-form-vm.c
 *
 * SccMediationFormVm: see scc-mediation-form-vm.h. Its fields are named as
 * the API names the mediation's members; "agreement" and "agreement_due_on"
 * are a new agreement's, "agreement_done_on" the day the agreement
 * "done_agreement" (its index; the first open one's by default) was
 * carried out, and the rules' errors on agreements[N] land on them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-mediation-form-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-problem.h"
#include "scc-api-client-disputes.h"
#include "scc-mediation-form-vm.h"

struct _SccMediationFormVm
{
  SccRecordFormVm parent_instance;
};

G_DEFINE_FINAL_TYPE (SccMediationFormVm, scc_mediation_form_vm, SCC_TYPE_RECORD_FORM_VM)

enum { GIVEN, REQUESTED, HELD, CERTIFICATE, AGREEMENT_DUE, AGREEMENT_DONE, N_DAYS };
static const char * const day_members[] = {
  "advice_given_on", "mediation_requested_on", "held_on", "certificate_issued_on", "agreement_due_on",
  "agreement_done_on", NULL
};
static const char * const text_members[] = { "provider", "outcome", "agreement", "notes", "done_agreement", NULL };

static char *
text_or_null (SccFormVm  *form,
              const char *name)
{
  char *text = g_strstrip (g_strdup (scc_form_vm_get_value (form, name)));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* The first agreement of @mediation not yet done, or -1 */
static int
first_open (const ScMediation *mediation)
{
  for (guint i = 0; i < mediation->agreements->len; i++)
    if (((ScMediationAgreement *) g_ptr_array_index (mediation->agreements, i))->done_on == SC_DAY_NONE)
      return (int) i;
  return -1;
}

/* The open agreement "done_agreement" names (the first open one when it
 * names none), -1 for none; *@named FALSE when it names one not open */
static int
chosen_open (SccFormVm         *form,
             const ScMediation *mediation,
             gboolean          *named)
{
  const char *text = scc_form_vm_get_value (form, "done_agreement");
  guint64 index = 0;

  *named = TRUE;
  if (text == NULL || text[0] == '\0')
    return first_open (mediation);
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &index, NULL) || index >= mediation->agreements->len ||
      ((ScMediationAgreement *) g_ptr_array_index (mediation->agreements, index))->done_on != SC_DAY_NONE)
    {
      *named = FALSE;
      return -1;
    }
  return (int) index;
}

/* The field that shows a refusal of @field (the API's name), the
 * agreement marked done being @open and the new one @added */
static const char *
field_for (const char *field,
           int         open,
           int         added)
{
  g_autofree char *of_open = g_strdup_printf ("agreements[%d]", open);
  g_autofree char *of_added = g_strdup_printf ("agreements[%d]", added);

  if (!g_str_has_prefix (field, "agreements"))
    return field;
  if (g_str_has_prefix (field, of_open) && g_str_has_suffix (field, ".done_on"))
    return "agreement_done_on";
  if (g_str_has_prefix (field, of_added) && g_str_has_suffix (field, ".due_on"))
    return "agreement_due_on";
  return "agreement";
}

ScMediation *
scc_mediation_form_vm_dup_change (SccMediationFormVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);
  const ScMediation *current = scc_record_form_vm_get_selected_record (SCC_RECORD_FORM_VM (self));
  g_autoptr(ScMediation) after = sc_mediation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *what = NULL;
  g_autoptr(JsonNode) node = NULL;
  ScDay days[N_DAYS];
  const ScProblem *problem;
  gboolean ok = TRUE;
  gboolean named = TRUE;
  int open, added = -1;

  g_return_val_if_fail (SCC_IS_MEDIATION_FORM_VM (self), NULL);
  if (current == NULL)
    {
      scc_form_vm_set_error_message (form, _("There is no mediation to record on yet."));
      return NULL;
    }
  for (guint i = 0; day_members[i] != NULL; i++)
    ok &= scc_record_form_vm_read_day (scc_form_vm_lookup_field (form, day_members[i]), &days[i]);
  if (!ok)
    return NULL;
  what = text_or_null (form, "agreement");
  if ((what == NULL) != (days[AGREEMENT_DUE] == SC_DAY_NONE))
    {
      scc_form_vm_set_field_error (form, what == NULL ? "agreement" : "agreement_due_on",
                                   what == NULL ? _("is needed with its deadline: what was agreed")
                                                : _("is needed with what was agreed: by when"));
      return NULL;
    }
  open = chosen_open (form, current, &named);
  if (!named && days[AGREEMENT_DONE] != SC_DAY_NONE)
    {
      scc_form_vm_set_field_error (form, "done_agreement", _("is not one still to be carried out"));
      return NULL;
    }
  if (open < 0 && days[AGREEMENT_DONE] != SC_DAY_NONE)
    {
      scc_form_vm_set_field_error (form, "agreement_done_on", _("has no agreement to mark done: each is done"));
      return NULL;
    }

  /* the mediation as it would be: the current one with the form's steps */
  after->advice_requested_on = current->advice_requested_on;
  after->advice_given_on = days[GIVEN];
  after->mediation_requested_on = days[REQUESTED];
  after->held_on = days[HELD];
  after->certificate_issued_on = days[CERTIFICATE];
  after->provider = text_or_null (form, "provider");
  after->outcome = text_or_null (form, "outcome");
  after->notes = text_or_null (form, "notes");
  for (guint i = 0; i < current->agreements->len; i++)
    {
      const ScMediationAgreement *was = g_ptr_array_index (current->agreements, i);
      ScMediationAgreement *kept = sc_mediation_agreement_new ();

      kept->what = g_strdup (was->what);
      kept->due_on = was->due_on;
      kept->done_on = (int) i == open && days[AGREEMENT_DONE] != SC_DAY_NONE ? days[AGREEMENT_DONE] : was->done_on;
      g_ptr_array_add (after->agreements, kept);
    }
  if (what != NULL)
    {
      ScMediationAgreement *agreement = sc_mediation_agreement_new ();

      agreement->what = g_steal_pointer (&what);
      agreement->due_on = days[AGREEMENT_DUE];
      added = (int) after->agreements->len;
      g_ptr_array_add (after->agreements, agreement);
    }

  /* checked as the daemon will check it */
  body = sc_mediation_change_to_json (after);
  node = json_from_string (body, NULL);
  {
    g_autoptr(ScMediation) checked = sc_mediation_change_read (current, json_node_get_object (node),
                                                               sc_day_today (), &error);

    if (checked != NULL)
      return g_steal_pointer (&checked);
  }
  problem = sc_error_get_problem (error);
  for (guint i = 0; problem != NULL && i < sc_problem_get_n_field_errors (problem); i++)
    {
      const ScFieldError *e = sc_problem_get_field_error (problem, i);
      const char *field = field_for (e->field, open, added);

      if (scc_form_vm_get_field_error (form, field) == NULL)
        scc_form_vm_set_field_error (form, field, e->message);
    }
  return NULL;
}

static gboolean
scc_mediation_form_vm_validate (SccFormVm *form)
{
  g_autoptr(ScMediation) change = scc_mediation_form_vm_dup_change (SCC_MEDIATION_FORM_VM (form));

  return change != NULL;
}

static void
scc_mediation_form_vm_submit_async (SccFormVm           *form,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task = g_task_new (form, cancellable, callback, user_data);
  g_autoptr(ScMediation) change = scc_mediation_form_vm_dup_change (SCC_MEDIATION_FORM_VM (form));

  scc_api_client_put_mediation_async (scc_form_vm_get_api_client (form), change, cancellable,
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
  scc_api_client_list_mediations_async (api_client, NULL, case_id > 0 ? case_id : 0, NULL, 0, cancellable,
                                        callback, user_data);
}

static GPtrArray *
list_finish (SccApiClient  *api_client,
             GAsyncResult  *result,
             GError       **error)
{
  return scc_api_client_list_mediations_finish (api_client, result, NULL, error);
}

static gint64
mediation_id (gconstpointer record)
{
  return ((const ScMediation *) record)->id;
}

static void
fill (SccRecordFormVm *record_form,
      gconstpointer    record)
{
  SccFormVm *form = SCC_FORM_VM (record_form);
  const ScMediation *mediation = record;
  const ScDay days[N_DAYS] = {
    mediation->advice_given_on, mediation->mediation_requested_on, mediation->held_on,
    mediation->certificate_issued_on, SC_DAY_NONE, SC_DAY_NONE
  };

  for (guint i = 0; day_members[i] != NULL; i++)
    {
      g_autofree char *text = scc_record_form_vm_day_text (days[i]);

      scc_form_vm_set_value (form, day_members[i], text);
    }
  scc_form_vm_set_value (form, "provider", mediation->provider != NULL ? mediation->provider : "");
  scc_form_vm_set_value (form, "outcome", mediation->outcome != NULL ? mediation->outcome : "");
  scc_form_vm_set_value (form, "agreement", "");
  {
    int open = first_open (mediation);
    g_autofree char *index = open >= 0 ? g_strdup_printf ("%d", open) : g_strdup ("");

    scc_form_vm_set_value (form, "done_agreement", index);
  }
  scc_form_vm_set_value (form, "notes", mediation->notes != NULL ? mediation->notes : "");
}

static void
scc_mediation_form_vm_class_init (SccMediationFormVmClass *klass)
{
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);
  SccRecordFormVmClass *record_class = SCC_RECORD_FORM_VM_CLASS (klass);

  form_class->validate = scc_mediation_form_vm_validate;
  form_class->submit_async = scc_mediation_form_vm_submit_async;
  scc_form_vm_class_set_failure_text (form_class, _("The mediation has not been saved"));

  record_class->list_async = list_async;
  record_class->list_finish = list_finish;
  record_class->put_finish = (gpointer) scc_api_client_put_mediation_finish;
  record_class->record_id = mediation_id;
  record_class->fill = fill;
  record_class->record_free = (GDestroyNotify) sc_mediation_free;
  record_class->load_failure_text = _("The mediations could not be read");
  record_class->saved_text = _("Saved.");
}

static void
scc_mediation_form_vm_init (SccMediationFormVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  for (guint i = 0; day_members[i] != NULL; i++)
    scc_form_vm_add_field (form, day_members[i], SCC_FORM_FIELD_DEFAULT);
  for (guint i = 0; text_members[i] != NULL; i++)
    scc_form_vm_add_field (form, text_members[i], SCC_FORM_FIELD_DEFAULT);
}

SccMediationFormVm *
scc_mediation_form_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_MEDIATION_FORM_VM, "api-client", api_client, NULL);
}
