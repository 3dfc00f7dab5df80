/* scc-record-log-vm.c
 *
 * SccRecordLogVm: see scc-record-log-vm.h. The fields are named as the
 * API names them, so that the reader's field errors, the daemon's or the
 * same reader run here first, find them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-record-log-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-problem.h"
#include "scc-record-form-vm.h"
#include "scc-record-log-vm.h"

struct _SccRecordLogVm
{
  SccFormVm               parent_instance;

  const SccRecordLogKind *kind;
  SccCaseFinder          *finder;
  gpointer                logged;
};

G_DEFINE_FINAL_TYPE (SccRecordLogVm, scc_record_log_vm, SCC_TYPE_FORM_VM)

/* The form's record, checked by the daemon's reader; NULL with the
 * fields' errors */
static gpointer
read_record (SccRecordLogVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GError) error = NULL;
  gint64 case_id = scc_case_finder_get_case_id (self->finder);
  const ScProblem *problem;
  gpointer record;

  for (const char * const *m = self->kind->text_members; *m != NULL; m++)
    {
      g_autofree char *text = g_strstrip (g_strdup (scc_form_vm_get_value (form, *m)));

      if (text[0] != '\0')
        json_object_set_string_member (body, *m, text);
    }
  if (case_id > 0)
    json_object_set_int_member (body, "case_id", case_id);
  record = self->kind->create_read (body, sc_day_today (), &error);
  if (record != NULL)
    return record;
  problem = sc_error_get_problem (error);
  for (guint i = 0; problem != NULL && i < sc_problem_get_n_field_errors (problem); i++)
    {
      const ScFieldError *e = sc_problem_get_field_error (problem, i);

      if (g_str_equal (e->field, "case_id"))
        scc_form_vm_set_field_error (form, "case_id", _("is needed: choose one of the children found, or type a "
                                                        "case number"));
      else if (scc_form_vm_get_field_error (form, e->field) == NULL)
        scc_form_vm_set_field_error (form, e->field, e->message);
    }
  return NULL;
}

static gboolean
scc_record_log_vm_validate (SccFormVm *form)
{
  SccRecordLogVm *self = SCC_RECORD_LOG_VM (form);
  gpointer record = read_record (self);

  if (record == NULL)
    return FALSE;
  self->kind->free (record);
  return TRUE;
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SccRecordLogVm *self = g_task_get_source_object (task);
  GError *error = NULL;
  gpointer record = self->kind->create_finish (SCC_API_CLIENT (object), result, &error);

  if (record == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, record, self->kind->free);
}

static void
scc_record_log_vm_submit_async (SccFormVm           *form,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  SccRecordLogVm *self = SCC_RECORD_LOG_VM (form);
  GTask *task = g_task_new (form, cancellable, callback, user_data);
  gpointer record = read_record (self);

  self->kind->create_async (scc_form_vm_get_api_client (form), record, cancellable, created_cb, task);
  self->kind->free (record);
}

static gboolean
scc_record_log_vm_submit_finish (SccFormVm     *form,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  SccRecordLogVm *self = SCC_RECORD_LOG_VM (form);
  gpointer record = g_task_propagate_pointer (G_TASK (result), error);

  if (record == NULL)
    return FALSE;
  g_clear_pointer (&self->logged, self->kind->free);
  self->logged = record;
  return TRUE;
}

static void
set_today (SccRecordLogVm *self)
{
  g_autofree char *today = scc_record_form_vm_day_text (sc_day_today ());

  scc_form_vm_set_value (SCC_FORM_VM (self), self->kind->today_member, today);
}

/* Started: the next one starts afresh */
static void
scc_record_log_vm_succeeded (SccFormVm *form)
{
  scc_form_vm_clear (form);
}

static void
scc_record_log_vm_clear (SccFormVm *form)
{
  SccRecordLogVm *self = SCC_RECORD_LOG_VM (form);

  SCC_FORM_VM_CLASS (scc_record_log_vm_parent_class)->clear (form);
  if (self->finder != NULL)
    scc_case_finder_clear (self->finder);
  if (self->kind != NULL)
    set_today (self);
}

SccCaseFinder *
scc_record_log_vm_get_finder (SccRecordLogVm *self)
{
  g_return_val_if_fail (SCC_IS_RECORD_LOG_VM (self), NULL);
  return self->finder;
}

gconstpointer
scc_record_log_vm_get_logged (SccRecordLogVm *self)
{
  g_return_val_if_fail (SCC_IS_RECORD_LOG_VM (self), NULL);
  return self->logged;
}

static void
scc_record_log_vm_dispose (GObject *object)
{
  g_clear_object (&SCC_RECORD_LOG_VM (object)->finder);
  G_OBJECT_CLASS (scc_record_log_vm_parent_class)->dispose (object);
}

static void
scc_record_log_vm_finalize (GObject *object)
{
  SccRecordLogVm *self = SCC_RECORD_LOG_VM (object);

  if (self->logged != NULL)
    self->kind->free (self->logged);
  G_OBJECT_CLASS (scc_record_log_vm_parent_class)->finalize (object);
}

static void
scc_record_log_vm_class_init (SccRecordLogVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);

  object_class->dispose = scc_record_log_vm_dispose;
  object_class->finalize = scc_record_log_vm_finalize;
  form_class->validate = scc_record_log_vm_validate;
  form_class->submit_async = scc_record_log_vm_submit_async;
  form_class->submit_finish = scc_record_log_vm_submit_finish;
  form_class->succeeded = scc_record_log_vm_succeeded;
  form_class->clear = scc_record_log_vm_clear;
}

static void
scc_record_log_vm_init (SccRecordLogVm *self)
{
}

SccRecordLogVm *
scc_record_log_vm_new (SccApiClient           *api_client,
                       const SccRecordLogKind *kind)
{
  SccRecordLogVm *self;
  SccFormVm *form;

  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (SCC_TYPE_RECORD_LOG_VM, "api-client", api_client, NULL);
  form = SCC_FORM_VM (self);
  self->kind = kind;
  scc_form_vm_add_field (form, "case_id", SCC_FORM_FIELD_DEFAULT);
  for (const char * const *m = kind->text_members; *m != NULL; m++)
    scc_form_vm_add_field (form, *m, SCC_FORM_FIELD_DEFAULT);
  scc_form_vm_set_failure_text (form, _(kind->failure_text));
  self->finder = scc_case_finder_new (api_client, scc_form_vm_lookup_field (form, "case_id"));
  set_today (self);
  return self;
}
