/* scc-user-forms.c
 *
 * The forms of the Users page: see scc-user-forms.h. Each is the few lines
 * SccFormVm leaves to a form: its fields, how to send them, and what to do
 * after. What is particular:
 *
 *   new user   --201--> created kept (the page opens nothing; it reloads
 *                       the list and says so), the fields emptied
 *   edit user  --nothing changed--> notice, nothing sent
 *              --200--> the answer's user (its new version) edited from now
 *              --412--> the user read again (GET), the fields refilled
 *                       with their version, a notice: make the change again
 *   reset      --204--> the field emptied, a notice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-user-forms"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-error.h"

#include "scc-user-forms.h"

/* A form's answer: the user, for the forms whose answer is one. */
static void
user_answer_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ScUser *(*finish) (SccApiClient *, GAsyncResult *, GError **) = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  ScUser *user;

  user = finish (SCC_API_CLIENT (object), result, &error);
  if (user == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, user, g_object_unref);
}

/* New user ------------------------------------------------------------ */

struct _SccNewUserVm
{
  SccFormVm  parent_instance;

  /* Owned */
  ScUser    *created;
};

G_DEFINE_FINAL_TYPE (SccNewUserVm, scc_new_user_vm, SCC_TYPE_FORM_VM)

static void
scc_new_user_vm_submit_async (SccFormVm           *form,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (form, cancellable, callback, user_data);

  g_task_set_task_data (task, scc_api_client_create_user_finish, NULL);
  scc_api_client_create_user_async (scc_form_vm_get_api_client (form),
                                    scc_form_vm_get_value (form, "username"),
                                    scc_form_vm_get_value (form, "full_name"),
                                    scc_form_vm_get_value (form, "role"),
                                    scc_form_vm_get_value (form, "password"),
                                    scc_form_vm_get_idempotency_key (form),
                                    cancellable, user_answer_cb, task);
}

static gboolean
scc_new_user_vm_submit_finish (SccFormVm     *form,
                               GAsyncResult  *result,
                               GError       **error)
{
  SccNewUserVm *self = SCC_NEW_USER_VM (form);
  ScUser *user = g_task_propagate_pointer (G_TASK (result), error);

  if (user == NULL)
    return FALSE;
  g_clear_object (&self->created);
  self->created = user;
  return TRUE;
}

static void
scc_new_user_vm_succeeded (SccFormVm *form)
{
  SccNewUserVm *self = SCC_NEW_USER_VM (form);
  g_autofree char *notice = NULL;

  /* The role stays: several people of one role are often made together. */
  scc_form_vm_set_value (form, "username", "");
  scc_form_vm_set_value (form, "full_name", "");
  scc_form_vm_set_value (form, "password", "");
  notice = g_strdup_printf (_("%s has been created."), sc_user_get_username (self->created));
  scc_form_vm_set_notice (form, notice);
}

static void
scc_new_user_vm_clear (SccFormVm *form)
{
  SCC_FORM_VM_CLASS (scc_new_user_vm_parent_class)->clear (form);
  scc_form_vm_set_value (form, "role", "caseworker");
}

static void
scc_new_user_vm_finalize (GObject *object)
{
  g_clear_object (&SCC_NEW_USER_VM (object)->created);

  G_OBJECT_CLASS (scc_new_user_vm_parent_class)->finalize (object);
}

static void
scc_new_user_vm_class_init (SccNewUserVmClass *klass)
{
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = scc_new_user_vm_finalize;
  form_class->submit_async = scc_new_user_vm_submit_async;
  form_class->submit_finish = scc_new_user_vm_submit_finish;
  form_class->succeeded = scc_new_user_vm_succeeded;
  form_class->clear = scc_new_user_vm_clear;

  scc_form_vm_class_set_failure_text (form_class, _("The user has not been created"));
}

static void
scc_new_user_vm_init (SccNewUserVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  scc_form_vm_add_field (form, "username", SCC_FORM_FIELD_REQUIRED);
  scc_form_vm_add_field (form, "full_name", SCC_FORM_FIELD_DEFAULT);
  scc_form_vm_add_field (form, "role", SCC_FORM_FIELD_REQUIRED);
  scc_form_vm_add_field (form, "password", SCC_FORM_FIELD_SECRET | SCC_FORM_FIELD_REQUIRED);
  scc_form_vm_set_value (form, "role", "caseworker");
}

SccNewUserVm *
scc_new_user_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);
  return g_object_new (SCC_TYPE_NEW_USER_VM, "api-client", api_client, NULL);
}

ScUser *
scc_new_user_vm_get_created (SccNewUserVm *self)
{
  g_return_val_if_fail (SCC_IS_NEW_USER_VM (self), NULL);
  return self->created;
}

/* Edit user ----------------------------------------------------------- */

struct _SccEditUserVm
{
  SccFormVm     parent_instance;

  /* Owned */
  ScUser       *user;
  GCancellable *reread;  /* the GET after a 412, while it runs */
};

enum {
  EDIT_PROP_0,
  EDIT_PROP_USER,
  EDIT_N_PROPS
};

static GParamSpec *edit_properties[EDIT_N_PROPS];

G_DEFINE_FINAL_TYPE (SccEditUserVm, scc_edit_user_vm, SCC_TYPE_FORM_VM)

/* NULL when unchanged, so only what the user changed is sent. */
static const char *
changed_value (SccFormVm  *form,
               const char *name,
               const char *was)
{
  const char *value = scc_form_vm_get_value (form, name);

  return g_strcmp0 (value, was) == 0 ? NULL : value;
}

static gboolean
scc_edit_user_vm_validate (SccFormVm *form)
{
  SccEditUserVm *self = SCC_EDIT_USER_VM (form);
  const char *active = scc_form_vm_get_value (form, "active");

  if (self->user == NULL)
    return FALSE;
  if (changed_value (form, "full_name", sc_user_get_full_name (self->user)) == NULL &&
      changed_value (form, "role", sc_user_get_role_name (self->user)) == NULL &&
      g_str_equal (active, "true") == sc_user_get_active (self->user))
    {
      scc_form_vm_set_notice (form, _("Nothing has changed."));
      return FALSE;
    }
  return TRUE;
}

static void
scc_edit_user_vm_submit_async (SccFormVm           *form,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  SccEditUserVm *self = SCC_EDIT_USER_VM (form);
  GTask *task = g_task_new (form, cancellable, callback, user_data);
  gboolean active = g_str_equal (scc_form_vm_get_value (form, "active"), "true");

  g_task_set_task_data (task, scc_api_client_update_user_finish, NULL);
  scc_api_client_update_user_async (scc_form_vm_get_api_client (form), self->user,
                                    changed_value (form, "full_name", sc_user_get_full_name (self->user)),
                                    changed_value (form, "role", sc_user_get_role_name (self->user)),
                                    active != sc_user_get_active (self->user) ? &active : NULL,
                                    cancellable, user_answer_cb, task);
}

static gboolean
scc_edit_user_vm_submit_finish (SccFormVm     *form,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_autoptr(ScUser) user = g_task_propagate_pointer (G_TASK (result), error);

  if (user == NULL)
    return FALSE;
  scc_edit_user_vm_set_user (SCC_EDIT_USER_VM (form), user);
  return TRUE;
}

static void
scc_edit_user_vm_succeeded (SccFormVm *form)
{
  scc_form_vm_set_notice (form, _("The changes have been saved."));
}

static void
reread_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SccEditUserVm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScUser) user = NULL;

  user = scc_api_client_get_user_finish (SCC_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->reread);

  if (user == NULL)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Someone else changed this user meanwhile, and their version "
                                   "could not be read: %s."), error->message);
      scc_form_vm_set_error_message (SCC_FORM_VM (self), message);
      return;
    }

  scc_edit_user_vm_set_user (self, user);
  scc_form_vm_set_notice (SCC_FORM_VM (self),
                          _("Someone else changed this user meanwhile. The form now shows their "
                            "version: make your change again."));
}

static void
scc_edit_user_vm_show_error (SccFormVm    *form,
                             const GError *error)
{
  SccEditUserVm *self = SCC_EDIT_USER_VM (form);

  if (!g_error_matches (error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED) || self->user == NULL)
    {
      SCC_FORM_VM_CLASS (scc_edit_user_vm_parent_class)->show_error (form, error);
      return;
    }

  g_cancellable_cancel (self->reread);
  g_clear_object (&self->reread);
  self->reread = g_cancellable_new ();
  scc_api_client_get_user_async (scc_form_vm_get_api_client (form), sc_user_get_id (self->user),
                                 self->reread, reread_cb, g_object_ref (self));
}

static void
scc_edit_user_vm_dispose (GObject *object)
{
  SccEditUserVm *self = SCC_EDIT_USER_VM (object);

  g_cancellable_cancel (self->reread);
  g_clear_object (&self->reread);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (scc_edit_user_vm_parent_class)->dispose (object);
}

static void
scc_edit_user_vm_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SccEditUserVm *self = SCC_EDIT_USER_VM (object);

  switch (prop_id)
    {
    case EDIT_PROP_USER:
      g_value_set_object (value, self->user);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_edit_user_vm_class_init (SccEditUserVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);

  object_class->dispose = scc_edit_user_vm_dispose;
  object_class->get_property = scc_edit_user_vm_get_property;
  form_class->validate = scc_edit_user_vm_validate;
  form_class->submit_async = scc_edit_user_vm_submit_async;
  form_class->submit_finish = scc_edit_user_vm_submit_finish;
  form_class->succeeded = scc_edit_user_vm_succeeded;
  form_class->show_error = scc_edit_user_vm_show_error;

  scc_form_vm_class_set_failure_text (form_class, _("The changes have not been saved"));

  /**
   * SccEditUserVm:user:
   *
   * The user being edited, as last read or saved.
   */
  edit_properties[EDIT_PROP_USER] =
    g_param_spec_object ("user", NULL, NULL, SC_TYPE_USER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, EDIT_N_PROPS, edit_properties);
}

static void
scc_edit_user_vm_init (SccEditUserVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  scc_form_vm_add_field (form, "full_name", SCC_FORM_FIELD_DEFAULT);
  scc_form_vm_add_field (form, "role", SCC_FORM_FIELD_REQUIRED);
  scc_form_vm_add_field (form, "active", SCC_FORM_FIELD_REQUIRED);
}

SccEditUserVm *
scc_edit_user_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);
  return g_object_new (SCC_TYPE_EDIT_USER_VM, "api-client", api_client, NULL);
}

ScUser *
scc_edit_user_vm_get_user (SccEditUserVm *self)
{
  g_return_val_if_fail (SCC_IS_EDIT_USER_VM (self), NULL);
  return self->user;
}

void
scc_edit_user_vm_set_user (SccEditUserVm *self,
                           ScUser        *user)
{
  SccFormVm *form = SCC_FORM_VM (self);

  g_return_if_fail (SCC_IS_EDIT_USER_VM (self));
  g_return_if_fail (!user || SC_IS_USER (user));

  if (self->user != user)
    {
      /* Another user: what was said about the last one goes. */
      if (user == NULL || self->user == NULL || sc_user_get_id (user) != sc_user_get_id (self->user))
        scc_form_vm_clear (form);
      g_set_object (&self->user, user);
      g_object_notify_by_pspec (G_OBJECT (self), edit_properties[EDIT_PROP_USER]);
    }

  scc_form_vm_set_value (form, "full_name", user != NULL ? sc_user_get_full_name (user) : "");
  scc_form_vm_set_value (form, "role", user != NULL ? sc_user_get_role_name (user) : "");
  scc_form_vm_set_value (form, "active", user != NULL && !sc_user_get_active (user) ? "false" : "true");
}

/* Reset password ------------------------------------------------------ */

struct _SccResetPasswordVm
{
  SccFormVm  parent_instance;

  gint64     user_id;
};

G_DEFINE_FINAL_TYPE (SccResetPasswordVm, scc_reset_password_vm, SCC_TYPE_FORM_VM)

static void
reset_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (scc_api_client_reset_password_finish (SCC_API_CLIENT (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static gboolean
scc_reset_password_vm_validate (SccFormVm *form)
{
  return SCC_RESET_PASSWORD_VM (form)->user_id > 0;
}

static void
scc_reset_password_vm_submit_async (SccFormVm           *form,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task = g_task_new (form, cancellable, callback, user_data);

  scc_api_client_reset_password_async (scc_form_vm_get_api_client (form),
                                       SCC_RESET_PASSWORD_VM (form)->user_id,
                                       scc_form_vm_get_value (form, "new_password"),
                                       cancellable, reset_cb, task);
}

static gboolean
scc_reset_password_vm_submit_finish (SccFormVm     *form,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
scc_reset_password_vm_succeeded (SccFormVm *form)
{
  scc_form_vm_clear (form);
  scc_form_vm_set_notice (form, _("The password has been reset, and the user signed out everywhere. "
                                  "Any sign-in lockout has been lifted."));
}

static void
scc_reset_password_vm_class_init (SccResetPasswordVmClass *klass)
{
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);

  form_class->validate = scc_reset_password_vm_validate;
  form_class->submit_async = scc_reset_password_vm_submit_async;
  form_class->submit_finish = scc_reset_password_vm_submit_finish;
  form_class->succeeded = scc_reset_password_vm_succeeded;

  scc_form_vm_class_set_failure_text (form_class, _("The password has not been reset"));
}

static void
scc_reset_password_vm_init (SccResetPasswordVm *self)
{
  scc_form_vm_add_field (SCC_FORM_VM (self), "new_password", SCC_FORM_FIELD_SECRET | SCC_FORM_FIELD_REQUIRED);
}

SccResetPasswordVm *
scc_reset_password_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);
  return g_object_new (SCC_TYPE_RESET_PASSWORD_VM, "api-client", api_client, NULL);
}

void
scc_reset_password_vm_set_user (SccResetPasswordVm *self,
                                ScUser             *user)
{
  gint64 id = user != NULL ? sc_user_get_id (user) : 0;

  g_return_if_fail (SCC_IS_RESET_PASSWORD_VM (self));

  if (id != self->user_id)
    scc_form_vm_clear (SCC_FORM_VM (self));
  self->user_id = id;
}
