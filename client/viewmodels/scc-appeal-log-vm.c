/* scc-appeal-log-vm.c
 *
 * SccAppealLogVm: see scc-appeal-log-vm.h. The fields are named as the
 * API names them, so that the rules' field errors, the daemon's or the
 * same rules run here first, find them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-appeal-log-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-problem.h"
#include "scc-api-client-disputes.h"
#include "scc-appeal-log-vm.h"
#include "scc-record-form-vm.h"

struct _SccAppealLogVm
{
  SccFormVm      parent_instance;

  SccCaseFinder *finder;
  ScAppeal      *logged;
};

G_DEFINE_FINAL_TYPE (SccAppealLogVm, scc_appeal_log_vm, SCC_TYPE_FORM_VM)

static const char * const text_members[] = { "reference", "appeal_type", "registered_on", "representatives", NULL };

/* The form's appeal, checked by the daemon's rules; NULL with the fields'
 * errors */
static ScAppeal *
read_appeal (SccAppealLogVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GError) error = NULL;
  gint64 case_id = scc_case_finder_get_case_id (self->finder);
  const ScProblem *problem;
  ScAppeal *appeal;

  for (const char * const *m = text_members; *m != NULL; m++)
    {
      g_autofree char *text = g_strstrip (g_strdup (scc_form_vm_get_value (form, *m)));

      if (text[0] != '\0')
        json_object_set_string_member (body, *m, text);
    }
  if (case_id > 0)
    json_object_set_int_member (body, "case_id", case_id);
  appeal = sc_appeal_create_read (body, sc_day_today (), &error);
  if (appeal != NULL)
    return appeal;
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
scc_appeal_log_vm_validate (SccFormVm *form)
{
  g_autoptr(ScAppeal) appeal = read_appeal (SCC_APPEAL_LOG_VM (form));

  return appeal != NULL;
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  ScAppeal *appeal = scc_api_client_create_appeal_finish (SCC_API_CLIENT (object), result, &error);

  if (appeal == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, appeal, (GDestroyNotify) sc_appeal_free);
}

static void
scc_appeal_log_vm_submit_async (SccFormVm           *form,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (form, cancellable, callback, user_data);
  g_autoptr(ScAppeal) appeal = read_appeal (SCC_APPEAL_LOG_VM (form));

  scc_api_client_create_appeal_async (scc_form_vm_get_api_client (form), appeal, cancellable, created_cb, task);
}

static gboolean
scc_appeal_log_vm_submit_finish (SccFormVm     *form,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  SccAppealLogVm *self = SCC_APPEAL_LOG_VM (form);
  ScAppeal *appeal = g_task_propagate_pointer (G_TASK (result), error);

  if (appeal == NULL)
    return FALSE;
  g_clear_pointer (&self->logged, sc_appeal_free);
  self->logged = appeal;
  return TRUE;
}

static void
set_today (SccAppealLogVm *self)
{
  g_autofree char *today = scc_record_form_vm_day_text (sc_day_today ());

  scc_form_vm_set_value (SCC_FORM_VM (self), "registered_on", today);
}

/* Registered: the next one starts afresh */
static void
scc_appeal_log_vm_succeeded (SccFormVm *form)
{
  scc_form_vm_clear (form);
}

static void
scc_appeal_log_vm_clear (SccFormVm *form)
{
  SccAppealLogVm *self = SCC_APPEAL_LOG_VM (form);

  SCC_FORM_VM_CLASS (scc_appeal_log_vm_parent_class)->clear (form);
  if (self->finder != NULL)
    scc_case_finder_clear (self->finder);
  set_today (self);
}

SccCaseFinder *
scc_appeal_log_vm_get_finder (SccAppealLogVm *self)
{
  g_return_val_if_fail (SCC_IS_APPEAL_LOG_VM (self), NULL);
  return self->finder;
}

const ScAppeal *
scc_appeal_log_vm_get_logged (SccAppealLogVm *self)
{
  g_return_val_if_fail (SCC_IS_APPEAL_LOG_VM (self), NULL);
  return self->logged;
}

static void
scc_appeal_log_vm_dispose (GObject *object)
{
  g_clear_object (&SCC_APPEAL_LOG_VM (object)->finder);
  G_OBJECT_CLASS (scc_appeal_log_vm_parent_class)->dispose (object);
}

static void
scc_appeal_log_vm_finalize (GObject *object)
{
  g_clear_pointer (&SCC_APPEAL_LOG_VM (object)->logged, sc_appeal_free);
  G_OBJECT_CLASS (scc_appeal_log_vm_parent_class)->finalize (object);
}

static void
scc_appeal_log_vm_class_init (SccAppealLogVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);

  object_class->dispose = scc_appeal_log_vm_dispose;
  object_class->finalize = scc_appeal_log_vm_finalize;
  form_class->validate = scc_appeal_log_vm_validate;
  form_class->submit_async = scc_appeal_log_vm_submit_async;
  form_class->submit_finish = scc_appeal_log_vm_submit_finish;
  form_class->succeeded = scc_appeal_log_vm_succeeded;
  form_class->clear = scc_appeal_log_vm_clear;
  scc_form_vm_class_set_failure_text (form_class, _("The appeal has not been registered"));
}

static void
scc_appeal_log_vm_init (SccAppealLogVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  scc_form_vm_add_field (form, "case_id", SCC_FORM_FIELD_DEFAULT);
  for (const char * const *m = text_members; *m != NULL; m++)
    scc_form_vm_add_field (form, *m, SCC_FORM_FIELD_DEFAULT);
  set_today (self);
}

SccAppealLogVm *
scc_appeal_log_vm_new (SccApiClient *api_client)
{
  SccAppealLogVm *self;

  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  self = g_object_new (SCC_TYPE_APPEAL_LOG_VM, "api-client", api_client, NULL);
  self->finder = scc_case_finder_new (api_client, scc_form_vm_lookup_field (SCC_FORM_VM (self), "case_id"));
  return self;
}
