/* scc-change-password-vm.c
 *
 * SccChangePasswordVm: POST /api/v1/me/password on SccFormVm, which does
 * the rest (busy, field errors by name, Retry, an ended session keeping the
 * input). What is particular to this form:
 *
 *   submit --repeat differs--> repeat_password error, nothing sent
 *          --204--> the fields emptied, notice "Your password has been changed."
 *
 * The confirmation is a notice in the form rather than a toast, so nothing
 * covers the field the keyboard returns to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-change-password-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-change-password-vm.h"

struct _SccChangePasswordVm
{
  SccFormVm     parent_instance;

  /* Borrowed: owned by the form */
  SccFormField *current;
  SccFormField *new_password;
  SccFormField *repeat;
};

G_DEFINE_FINAL_TYPE (SccChangePasswordVm, scc_change_password_vm, SCC_TYPE_FORM_VM)

static void
on_new_password_cb (SccChangePasswordVm *self)
{
  /* "does not match" was about the pair. */
  scc_form_field_set_error (self->repeat, NULL);
}

static gboolean
scc_change_password_vm_validate (SccFormVm *form)
{
  SccChangePasswordVm *self = SCC_CHANGE_PASSWORD_VM (form);

  if (g_strcmp0 (scc_form_field_get_value (self->new_password), scc_form_field_get_value (self->repeat)) != 0)
    {
      scc_form_field_set_error (self->repeat, "does not match the new password");
      return FALSE;
    }
  return TRUE;
}

static void
scc_change_password_vm_changed_cb (GObject      *object,
                                   GAsyncResult *result,
                                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (scc_api_client_change_password_finish (SCC_API_CLIENT (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
scc_change_password_vm_submit_async (SccFormVm           *form,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  SccChangePasswordVm *self = SCC_CHANGE_PASSWORD_VM (form);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  scc_api_client_change_password_async (scc_form_vm_get_api_client (form),
                                        scc_form_field_get_value (self->current),
                                        scc_form_field_get_value (self->new_password),
                                        cancellable,
                                        scc_change_password_vm_changed_cb,
                                        task);
}

static gboolean
scc_change_password_vm_submit_finish (SccFormVm     *form,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
scc_change_password_vm_succeeded (SccFormVm *form)
{
  scc_form_vm_clear (form);
  scc_form_vm_set_notice (form, _("Your password has been changed."));
}

static void
scc_change_password_vm_class_init (SccChangePasswordVmClass *klass)
{
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);

  form_class->validate = scc_change_password_vm_validate;
  form_class->submit_async = scc_change_password_vm_submit_async;
  form_class->submit_finish = scc_change_password_vm_submit_finish;
  form_class->succeeded = scc_change_password_vm_succeeded;

  scc_form_vm_class_set_failure_text (form_class, _("Your password has not been changed"));
}

static void
scc_change_password_vm_init (SccChangePasswordVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  self->current = scc_form_vm_add_field (form, "current_password", SCC_FORM_FIELD_SECRET);
  self->new_password = scc_form_vm_add_field (form, "new_password", SCC_FORM_FIELD_SECRET);
  self->repeat = scc_form_vm_add_field (form, "repeat_password", SCC_FORM_FIELD_SECRET);
  g_signal_connect_object (self->new_password, "notify::value",
                           G_CALLBACK (on_new_password_cb), self, G_CONNECT_SWAPPED);
}

/**
 * scc_change_password_vm_new:
 * @api_client: the application's API client, signed in
 *
 * Returns: (transfer full): a new, empty form
 */
SccChangePasswordVm *
scc_change_password_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_CHANGE_PASSWORD_VM, "api-client", api_client, NULL);
}
