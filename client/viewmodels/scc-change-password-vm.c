/* scc-change-password-vm.c
 *
 * SccChangePasswordVm: the submit command of the Change Password form.
 *
 *   submit --repeat differs--> repeat-password-error, nothing sent
 *          --POST /me/password 204--> fields emptied, ::changed
 *                              422--> current-password-error / new-password-error
 *                              401--> fields kept, notice (the session ended: the
 *                                     window has gone to sign-in; once back, the
 *                                     user submits again)
 *                              503, network --> error-message, can-retry
 *
 * What the user typed is kept through an ended session on purpose (issue 4:
 * an expired session keeps unsaved input), and cleared when a different
 * user signs in or the user signs out (SccWindow calls clear). The three
 * passwords are wiped from memory when replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-change-password-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-error.h"
#include "sc-problem.h"

#include "scc-change-password-vm.h"

struct _SccChangePasswordVm
{
  GObject       parent_instance;

  /* Owned */
  SccApiClient *api_client;
  GCancellable *cancellable;  /* of the request in flight, or NULL */
  char         *current_password;
  char         *new_password;
  char         *repeat_password;
  char         *current_password_error;
  char         *new_password_error;
  char         *repeat_password_error;
  char         *error_message;
  char         *notice;

  guint         can_retry : 1;
};

enum {
  PROP_0,
  PROP_API_CLIENT,
  PROP_CURRENT_PASSWORD,
  PROP_NEW_PASSWORD,
  PROP_REPEAT_PASSWORD,
  PROP_BUSY,
  PROP_CAN_RETRY,
  PROP_HAS_INPUT,
  PROP_CURRENT_PASSWORD_ERROR,
  PROP_NEW_PASSWORD_ERROR,
  PROP_REPEAT_PASSWORD_ERROR,
  PROP_ERROR_MESSAGE,
  PROP_NOTICE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SccChangePasswordVm, scc_change_password_vm, G_TYPE_OBJECT)

static void
wipe_string (char **secret)
{
  volatile char *p;

  if (*secret == NULL)
    return;
  for (p = *secret; *p != '\0'; p++)
    *p = '\0';
  g_clear_pointer (secret, g_free);
}

static void
set_string (SccChangePasswordVm  *self,
            char                **field,
            const char           *value,
            guint                 prop_id)
{
  g_assert (SCC_IS_CHANGE_PASSWORD_VM (self));

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Replaces one of the three passwords; clears the error that was about it. */
static void
set_password (SccChangePasswordVm  *self,
              char                **field,
              const char           *value,
              guint                 prop_id,
              char                **error_field,
              guint                 error_prop_id)
{
  gboolean had_input;

  g_assert (SCC_IS_CHANGE_PASSWORD_VM (self));

  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;

  had_input = scc_change_password_vm_get_has_input (self);
  wipe_string (field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  set_string (self, error_field, NULL, error_prop_id);
  if (had_input != scc_change_password_vm_get_has_input (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_INPUT]);
}

static void
set_can_retry (SccChangePasswordVm *self,
               gboolean             can_retry)
{
  g_assert (SCC_IS_CHANGE_PASSWORD_VM (self));

  if (self->can_retry == !!can_retry)
    return;
  self->can_retry = !!can_retry;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_RETRY]);
}

static void
clear_errors (SccChangePasswordVm *self)
{
  g_assert (SCC_IS_CHANGE_PASSWORD_VM (self));

  set_string (self, &self->current_password_error, NULL, PROP_CURRENT_PASSWORD_ERROR);
  set_string (self, &self->new_password_error, NULL, PROP_NEW_PASSWORD_ERROR);
  set_string (self, &self->repeat_password_error, NULL, PROP_REPEAT_PASSWORD_ERROR);
  set_string (self, &self->error_message, NULL, PROP_ERROR_MESSAGE);
  set_string (self, &self->notice, NULL, PROP_NOTICE);
  set_can_retry (self, FALSE);
}

static void
show_failure (SccChangePasswordVm *self,
              const GError        *error)
{
  g_autofree char *message = NULL;

  g_assert (SCC_IS_CHANGE_PASSWORD_VM (self));

  if (g_error_matches (error, SC_ERROR, SC_ERROR_INVALID_INPUT))
    {
      const ScProblem *problem = sc_error_get_problem (error);
      guint n_errors = problem != NULL ? sc_problem_get_n_field_errors (problem) : 0;
      gboolean shown = FALSE;

      for (guint i = 0; i < n_errors; i++)
        {
          const ScFieldError *field_error = sc_problem_get_field_error (problem, i);

          if (g_strcmp0 (field_error->field, "current_password") == 0)
            set_string (self, &self->current_password_error, field_error->message,
                        PROP_CURRENT_PASSWORD_ERROR);
          else if (g_strcmp0 (field_error->field, "new_password") == 0)
            set_string (self, &self->new_password_error, field_error->message,
                        PROP_NEW_PASSWORD_ERROR);
          else
            continue;
          shown = TRUE;
        }

      if (!shown)
        message = g_strdup_printf (_("The server refused the change: %s."), error->message);
    }
  else if (g_error_matches (error, SC_ERROR, SC_ERROR_UNAUTHORIZED))
    {
      /* The window is taking the user to sign in; the input stays for later. */
      set_string (self, &self->notice,
                  _("Your password has not been changed: your session ended before it could be "
                    "saved. Submit the form again to change it."),
                  PROP_NOTICE);
    }
  else if (g_error_matches (error, SC_ERROR, SC_ERROR_UNAVAILABLE))
    {
      message = g_strdup (_("The server cannot reach its database at the moment, so your password "
                            "has not been changed. Try again in a few minutes."));
      set_can_retry (self, TRUE);
    }
  else if (error->domain == SC_ERROR)
    {
      message = g_strdup_printf (_("Your password has not been changed: %s."), error->message);
    }
  else
    {
      message = g_strdup_printf (_("Your password has not been changed: the server could not be "
                                   "reached (%s)."),
                                 error->message);
      set_can_retry (self, TRUE);
    }

  if (message != NULL)
    set_string (self, &self->error_message, message, PROP_ERROR_MESSAGE);
}

static void
scc_change_password_vm_submit_cb (GObject      *object,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  g_autoptr(SccChangePasswordVm) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean changed;

  g_assert (SCC_IS_CHANGE_PASSWORD_VM (self));

  changed = scc_api_client_change_password_finish (SCC_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  if (changed)
    scc_change_password_vm_clear (self);
  else
    show_failure (self, error);
  g_object_thaw_notify (G_OBJECT (self));

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
scc_change_password_vm_dispose (GObject *object)
{
  SccChangePasswordVm *self = (SccChangePasswordVm *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (scc_change_password_vm_parent_class)->dispose (object);
}

static void
scc_change_password_vm_finalize (GObject *object)
{
  SccChangePasswordVm *self = (SccChangePasswordVm *)object;

  g_clear_object (&self->api_client);
  wipe_string (&self->current_password);
  wipe_string (&self->new_password);
  wipe_string (&self->repeat_password);
  g_clear_pointer (&self->current_password_error, g_free);
  g_clear_pointer (&self->new_password_error, g_free);
  g_clear_pointer (&self->repeat_password_error, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->notice, g_free);

  G_OBJECT_CLASS (scc_change_password_vm_parent_class)->finalize (object);
}

static void
scc_change_password_vm_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SccChangePasswordVm *self = SCC_CHANGE_PASSWORD_VM (object);

  switch (prop_id)
    {
    case PROP_API_CLIENT:
      g_value_set_object (value, self->api_client);
      break;

    case PROP_CURRENT_PASSWORD:
      g_value_set_string (value, self->current_password);
      break;

    case PROP_NEW_PASSWORD:
      g_value_set_string (value, self->new_password);
      break;

    case PROP_REPEAT_PASSWORD:
      g_value_set_string (value, self->repeat_password);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, scc_change_password_vm_get_busy (self));
      break;

    case PROP_CAN_RETRY:
      g_value_set_boolean (value, self->can_retry);
      break;

    case PROP_HAS_INPUT:
      g_value_set_boolean (value, scc_change_password_vm_get_has_input (self));
      break;

    case PROP_CURRENT_PASSWORD_ERROR:
      g_value_set_string (value, self->current_password_error);
      break;

    case PROP_NEW_PASSWORD_ERROR:
      g_value_set_string (value, self->new_password_error);
      break;

    case PROP_REPEAT_PASSWORD_ERROR:
      g_value_set_string (value, self->repeat_password_error);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    case PROP_NOTICE:
      g_value_set_string (value, self->notice);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_change_password_vm_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SccChangePasswordVm *self = SCC_CHANGE_PASSWORD_VM (object);

  switch (prop_id)
    {
    case PROP_API_CLIENT:
      self->api_client = g_value_dup_object (value);
      break;

    case PROP_CURRENT_PASSWORD:
      scc_change_password_vm_set_current_password (self, g_value_get_string (value));
      break;

    case PROP_NEW_PASSWORD:
      scc_change_password_vm_set_new_password (self, g_value_get_string (value));
      break;

    case PROP_REPEAT_PASSWORD:
      scc_change_password_vm_set_repeat_password (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_change_password_vm_class_init (SccChangePasswordVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scc_change_password_vm_dispose;
  object_class->finalize = scc_change_password_vm_finalize;
  object_class->get_property = scc_change_password_vm_get_property;
  object_class->set_property = scc_change_password_vm_set_property;

  properties[PROP_API_CLIENT] =
    g_param_spec_object ("api-client", NULL, NULL,
                         SCC_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_PASSWORD] =
    g_param_spec_string ("current-password", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEW_PASSWORD] =
    g_param_spec_string ("new-password", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPEAT_PASSWORD] =
    g_param_spec_string ("repeat-password", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_RETRY] =
    g_param_spec_boolean ("can-retry", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccChangePasswordVm:has-input:
   *
   * Something is typed in one of the fields: unsaved input.
   */
  properties[PROP_HAS_INPUT] =
    g_param_spec_boolean ("has-input", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_PASSWORD_ERROR] =
    g_param_spec_string ("current-password-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEW_PASSWORD_ERROR] =
    g_param_spec_string ("new-password-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPEAT_PASSWORD_ERROR] =
    g_param_spec_string ("repeat-password-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccChangePasswordVm:notice:
   *
   * Set when the last submit was cut short by the end of the session: the
   * password is unchanged and the user should submit again.
   */
  properties[PROP_NOTICE] =
    g_param_spec_string ("notice", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SccChangePasswordVm::changed:
   *
   * The password was changed; the form is empty again.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
scc_change_password_vm_init (SccChangePasswordVm *self)
{
  self->current_password = g_strdup ("");
  self->new_password = g_strdup ("");
  self->repeat_password = g_strdup ("");
}

/**
 * scc_change_password_vm_new:
 * @api_client: the application's API client, signed in
 *
 * Returns: (transfer full): a new view model
 */
SccChangePasswordVm *
scc_change_password_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_CHANGE_PASSWORD_VM, "api-client", api_client, NULL);
}

const char *
scc_change_password_vm_get_current_password (SccChangePasswordVm *self)
{
  g_return_val_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self), NULL);
  return self->current_password;
}

void
scc_change_password_vm_set_current_password (SccChangePasswordVm *self,
                                             const char          *password)
{
  g_return_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self));

  set_password (self, &self->current_password, password, PROP_CURRENT_PASSWORD,
                &self->current_password_error, PROP_CURRENT_PASSWORD_ERROR);
}

const char *
scc_change_password_vm_get_new_password (SccChangePasswordVm *self)
{
  g_return_val_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self), NULL);
  return self->new_password;
}

void
scc_change_password_vm_set_new_password (SccChangePasswordVm *self,
                                         const char          *password)
{
  g_return_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self));

  set_password (self, &self->new_password, password, PROP_NEW_PASSWORD,
                &self->new_password_error, PROP_NEW_PASSWORD_ERROR);
  /* "does not match" was about the pair. */
  set_string (self, &self->repeat_password_error, NULL, PROP_REPEAT_PASSWORD_ERROR);
}

const char *
scc_change_password_vm_get_repeat_password (SccChangePasswordVm *self)
{
  g_return_val_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self), NULL);
  return self->repeat_password;
}

void
scc_change_password_vm_set_repeat_password (SccChangePasswordVm *self,
                                            const char          *password)
{
  g_return_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self));

  set_password (self, &self->repeat_password, password, PROP_REPEAT_PASSWORD,
                &self->repeat_password_error, PROP_REPEAT_PASSWORD_ERROR);
}

gboolean
scc_change_password_vm_get_busy (SccChangePasswordVm *self)
{
  g_return_val_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self), FALSE);
  return self->cancellable != NULL;
}

gboolean
scc_change_password_vm_get_can_retry (SccChangePasswordVm *self)
{
  g_return_val_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self), FALSE);
  return self->can_retry;
}

gboolean
scc_change_password_vm_get_has_input (SccChangePasswordVm *self)
{
  g_return_val_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self), FALSE);
  return self->current_password[0] != '\0' ||
         self->new_password[0] != '\0' ||
         self->repeat_password[0] != '\0';
}

const char *
scc_change_password_vm_get_current_password_error (SccChangePasswordVm *self)
{
  g_return_val_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self), NULL);
  return self->current_password_error;
}

const char *
scc_change_password_vm_get_new_password_error (SccChangePasswordVm *self)
{
  g_return_val_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self), NULL);
  return self->new_password_error;
}

const char *
scc_change_password_vm_get_repeat_password_error (SccChangePasswordVm *self)
{
  g_return_val_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self), NULL);
  return self->repeat_password_error;
}

const char *
scc_change_password_vm_get_error_message (SccChangePasswordVm *self)
{
  g_return_val_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self), NULL);
  return self->error_message;
}

const char *
scc_change_password_vm_get_notice (SccChangePasswordVm *self)
{
  g_return_val_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self), NULL);
  return self->notice;
}

/**
 * scc_change_password_vm_submit:
 *
 * Checks that the new password was typed the same twice, then asks the
 * server to change it.
 *
 * Returns: %FALSE if nothing was sent: busy, or the repetition differs
 */
gboolean
scc_change_password_vm_submit (SccChangePasswordVm *self)
{
  g_return_val_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self), FALSE);

  if (self->cancellable != NULL)
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  clear_errors (self);

  if (g_strcmp0 (self->new_password, self->repeat_password) != 0)
    {
      set_string (self, &self->repeat_password_error, "does not match the new password",
                  PROP_REPEAT_PASSWORD_ERROR);
      g_object_thaw_notify (G_OBJECT (self));
      return FALSE;
    }

  self->cancellable = g_cancellable_new ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_object_thaw_notify (G_OBJECT (self));

  scc_api_client_change_password_async (self->api_client,
                                        self->current_password,
                                        self->new_password,
                                        self->cancellable,
                                        scc_change_password_vm_submit_cb,
                                        g_object_ref (self));
  return TRUE;
}

/**
 * scc_change_password_vm_cancel:
 *
 * Abandons the request in flight, if any. The server may still change the
 * password.
 */
void
scc_change_password_vm_cancel (SccChangePasswordVm *self)
{
  g_return_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self));

  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * scc_change_password_vm_clear:
 *
 * Empties the form: after a change, a sign-out or another user's sign-in.
 */
void
scc_change_password_vm_clear (SccChangePasswordVm *self)
{
  g_return_if_fail (SCC_IS_CHANGE_PASSWORD_VM (self));

  g_object_freeze_notify (G_OBJECT (self));
  scc_change_password_vm_cancel (self);
  scc_change_password_vm_set_current_password (self, "");
  scc_change_password_vm_set_new_password (self, "");
  scc_change_password_vm_set_repeat_password (self, "");
  clear_errors (self);
  g_object_thaw_notify (G_OBJECT (self));
}
