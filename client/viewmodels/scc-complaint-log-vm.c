/* scc-complaint-log-vm.c
 *
 * SccComplaintLogVm: see scc-complaint-log-vm.h. Its case field is an
 * SccCaseFinder's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-complaint-log-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-api-client-disputes.h"
#include "scc-case-finder.h"
#include "scc-complaint-log-vm.h"
#include "scc-record-form-vm.h"

struct _SccComplaintLogVm
{
  SccFormVm     parent_instance;

  SccCaseFinder *finder;
  ScComplaint  *logged;

  /* Borrowed: owned by the form */
  SccFormField *case_field;
  SccFormField *reference;
  SccFormField *received_on;
  SccFormField *stage;
  SccFormField *category;
  SccFormField *complainant;
  SccFormField *channel;
};

G_DEFINE_FINAL_TYPE (SccComplaintLogVm, scc_complaint_log_vm, SCC_TYPE_FORM_VM)

static char *
text_or_null (SccFormField *field)
{
  char *text = g_strstrip (g_strdup (scc_form_field_get_value (field)));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* The choice @field holds, one of @allowed; FALSE with its error */
static gboolean
read_choice (SccFormField       *field,
             const char * const *allowed,
             gboolean            required,
             char              **out)
{
  g_autofree char *value = text_or_null (field);

  if (value == NULL && !required)
    return TRUE;
  if (value == NULL || !g_strv_contains (allowed, value))
    {
      scc_form_field_set_error (field, _("is needed: choose one of those listed"));
      return FALSE;
    }
  *out = g_steal_pointer (&value);
  return TRUE;
}

/* The form's complaint, read and checked; NULL with field errors */
static ScComplaint *
read_complaint (SccComplaintLogVm *self)
{
  static const char * const stages[] = { "1", "2", NULL };
  g_autoptr(ScComplaint) complaint = sc_complaint_new ();
  g_autofree char *typed = text_or_null (self->case_field);
  g_autofree char *stage = NULL;
  gboolean ok = TRUE;

  complaint->reference = text_or_null (self->reference);
  if (!sc_complaint_reference_is_valid (complaint->reference))
    {
      scc_form_field_set_error (self->reference, _("is needed: 1 to 40 letters, digits, dots, slashes, dashes or "
                                                   "underscores, starting with a letter or digit"));
      ok = FALSE;
    }
  complaint->case_id = typed != NULL ? scc_case_finder_get_case_id (self->finder) : 0;
  if (typed != NULL && complaint->case_id == 0)
    {
      scc_form_field_set_error (self->case_field, _("is not a case: choose one of the children found, or leave it "
                                                    "empty for a complaint about the service"));
      ok = FALSE;
    }
  ok &= scc_record_form_vm_read_day (self->received_on, &complaint->received_on);
  if (ok && complaint->received_on == SC_DAY_NONE)
    {
      scc_form_field_set_error (self->received_on, _("is needed"));
      ok = FALSE;
    }
  else if (complaint->received_on != SC_DAY_NONE && complaint->received_on > sc_day_today ())
    {
      scc_form_field_set_error (self->received_on, _("is after today: record it on the day it comes"));
      ok = FALSE;
    }
  ok &= read_choice (self->stage, stages, TRUE, &stage);
  ok &= read_choice (self->category, sc_complaint_categories, TRUE, &complaint->category);
  ok &= read_choice (self->channel, sc_complaint_channels, FALSE, &complaint->channel);
  complaint->complainant = text_or_null (self->complainant);
  if (complaint->complainant != NULL && g_utf8_strlen (complaint->complainant, -1) > SC_COMPLAINT_NAME_MAX_CHARS)
    {
      scc_form_field_set_error (self->complainant, _("must be at most 200 characters"));
      ok = FALSE;
    }
  if (!ok)
    return NULL;
  complaint->stage = g_strcmp0 (stage, "2") == 0 ? 2 : 1;
  return g_steal_pointer (&complaint);
}

static gboolean
scc_complaint_log_vm_validate (SccFormVm *form)
{
  g_autoptr(ScComplaint) complaint = read_complaint (SCC_COMPLAINT_LOG_VM (form));

  return complaint != NULL;
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  ScComplaint *complaint = scc_api_client_create_complaint_finish (SCC_API_CLIENT (object), result, &error);

  if (complaint == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, complaint, (GDestroyNotify) sc_complaint_free);
}

static void
scc_complaint_log_vm_submit_async (SccFormVm           *form,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = g_task_new (form, cancellable, callback, user_data);
  g_autoptr(ScComplaint) complaint = read_complaint (SCC_COMPLAINT_LOG_VM (form));

  scc_api_client_create_complaint_async (scc_form_vm_get_api_client (form), complaint, cancellable, created_cb, task);
}

static gboolean
scc_complaint_log_vm_submit_finish (SccFormVm     *form,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  SccComplaintLogVm *self = SCC_COMPLAINT_LOG_VM (form);
  ScComplaint *complaint = g_task_propagate_pointer (G_TASK (result), error);

  if (complaint == NULL)
    return FALSE;
  g_clear_pointer (&self->logged, sc_complaint_free);
  self->logged = complaint;
  return TRUE;
}

static void
set_today (SccComplaintLogVm *self)
{
  g_autofree char *today = scc_record_form_vm_day_text (sc_day_today ());

  scc_form_field_set_value (self->received_on, today);
  scc_form_field_set_value (self->stage, "1");
}

/* Logged: the next one starts afresh */
static void
scc_complaint_log_vm_succeeded (SccFormVm *form)
{
  scc_form_vm_clear (form);
}

static void
scc_complaint_log_vm_clear (SccFormVm *form)
{
  SccComplaintLogVm *self = SCC_COMPLAINT_LOG_VM (form);

  SCC_FORM_VM_CLASS (scc_complaint_log_vm_parent_class)->clear (form);
  if (self->finder != NULL)
    scc_case_finder_clear (self->finder);
  set_today (self);
}

SccCaseFinder *
scc_complaint_log_vm_get_finder (SccComplaintLogVm *self)
{
  g_return_val_if_fail (SCC_IS_COMPLAINT_LOG_VM (self), NULL);
  return self->finder;
}

const ScComplaint *
scc_complaint_log_vm_get_logged (SccComplaintLogVm *self)
{
  g_return_val_if_fail (SCC_IS_COMPLAINT_LOG_VM (self), NULL);
  return self->logged;
}

static void
scc_complaint_log_vm_dispose (GObject *object)
{
  SccComplaintLogVm *self = SCC_COMPLAINT_LOG_VM (object);

  g_clear_object (&self->finder);
  G_OBJECT_CLASS (scc_complaint_log_vm_parent_class)->dispose (object);
}

static void
scc_complaint_log_vm_finalize (GObject *object)
{
  SccComplaintLogVm *self = SCC_COMPLAINT_LOG_VM (object);

  g_clear_pointer (&self->logged, sc_complaint_free);
  G_OBJECT_CLASS (scc_complaint_log_vm_parent_class)->finalize (object);
}

static void
scc_complaint_log_vm_class_init (SccComplaintLogVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);

  object_class->dispose = scc_complaint_log_vm_dispose;
  object_class->finalize = scc_complaint_log_vm_finalize;
  form_class->validate = scc_complaint_log_vm_validate;
  form_class->submit_async = scc_complaint_log_vm_submit_async;
  form_class->submit_finish = scc_complaint_log_vm_submit_finish;
  form_class->succeeded = scc_complaint_log_vm_succeeded;
  form_class->clear = scc_complaint_log_vm_clear;
  scc_form_vm_class_set_failure_text (form_class, _("The complaint has not been logged"));
}

static void
scc_complaint_log_vm_init (SccComplaintLogVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  /* named as the API names them, so its field errors land here */
  self->case_field = scc_form_vm_add_field (form, "case_id", SCC_FORM_FIELD_DEFAULT);
  self->reference = scc_form_vm_add_field (form, "reference", SCC_FORM_FIELD_DEFAULT);
  self->received_on = scc_form_vm_add_field (form, "received_on", SCC_FORM_FIELD_DEFAULT);
  self->stage = scc_form_vm_add_field (form, "stage", SCC_FORM_FIELD_DEFAULT);
  self->category = scc_form_vm_add_field (form, "category", SCC_FORM_FIELD_DEFAULT);
  self->complainant = scc_form_vm_add_field (form, "complainant", SCC_FORM_FIELD_DEFAULT);
  self->channel = scc_form_vm_add_field (form, "channel", SCC_FORM_FIELD_DEFAULT);
  set_today (self);
}

SccComplaintLogVm *
scc_complaint_log_vm_new (SccApiClient *api_client)
{
  SccComplaintLogVm *self;

  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  self = g_object_new (SCC_TYPE_COMPLAINT_LOG_VM, "api-client", api_client, NULL);
  self->finder = scc_case_finder_new (api_client, self->case_field);
  return self;
}
