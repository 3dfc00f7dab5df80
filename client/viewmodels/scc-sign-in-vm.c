/* scc-sign-in-vm.c
 *
 * SccSignInVm: the sign-in form on SccFormVm. Submitting first makes sure
 * the server at "server_url" is a sendcase server that can serve: unless
 * the connection has just said so for this very address, it checks the
 * health first (the page shows "Cannot Reach the Server" or "Database
 * Unavailable" from that), and only then posts the credentials:
 *
 *   submit --address not usable------------------------> server_url error
 *          --address not checked--> health --ok--------> POST /sessions
 *                                          --unreachable/degraded--> error-message, Retry
 *          --checked and connected---------------------> POST /sessions
 *
 *   POST /sessions 201 -> ::succeeded (the API client now holds the session)
 *                  422 -> username / password errors (the server's words)
 *                  401 -> password error ("invalid username or password")
 *                  429 -> error-message with the wait from Retry-After
 *                  503, refused, timeout -> error-message, Retry
 *
 * A server that does not answer is never the address field's fault: only
 * an address that is not one (no scheme, blanks, no host) is marked there.
 * The password is wiped once the attempt succeeds. After an ended session
 * (session_ended) the username stays filled in and expired-message says
 * why the user is here; it goes when they are signed in again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-sign-in-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-error.h"
#include "sc-problem.h"

#include "scc-sign-in-vm.h"

struct _SccSignInVm
{
  SccFormVm        parent_instance;

  /* Owned */
  SccConnectionVm *connection;
  GTask           *pending;          /* submit_async waiting for the health check, or NULL */
  char            *expired_message;

  /* Borrowed: owned by the form */
  SccFormField    *server_url;
  SccFormField    *username;
  SccFormField    *password;

  guint            retry_after;      /* seconds, from the last 429 */
};

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_EXPIRED_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccSignInVm, scc_sign_in_vm, SCC_TYPE_FORM_VM)

static void
set_expired_message (SccSignInVm *self,
                     const char  *message)
{
  if (g_strcmp0 (self->expired_message, message) == 0)
    return;

  g_free (self->expired_message);
  self->expired_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRED_MESSAGE]);
}

/* "Try again in 15 minutes." for a wait of @seconds. */
static char *
dup_lockout_message (guint seconds)
{
  if (seconds == 0)
    return g_strdup (_("Too many failed attempts to sign in. Wait a few minutes, then try again."));

  if (seconds < 60)
    return g_strdup_printf (g_dngettext (NULL,
                                         "Too many failed attempts to sign in. Try again in %u second.",
                                         "Too many failed attempts to sign in. Try again in %u seconds.",
                                         seconds),
                            seconds);

  return g_strdup_printf (g_dngettext (NULL,
                                       "Too many failed attempts to sign in. Try again in %u minute.",
                                       "Too many failed attempts to sign in. Try again in %u minutes.",
                                       (seconds + 59) / 60),
                          (seconds + 59) / 60);
}

static void
scc_sign_in_vm_sign_in_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(ScSession) session = NULL;
  g_autoptr(GError) error = NULL;
  SccSignInVm *self = g_task_get_source_object (task);

  session = scc_api_client_sign_in_finish (SCC_API_CLIENT (object), result, &self->retry_after, &error);
  if (session == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
post_credentials (SccSignInVm *self,
                  GTask       *task)
{
  g_assert (SCC_IS_SIGN_IN_VM (self));

  scc_api_client_sign_in_async (scc_form_vm_get_api_client (SCC_FORM_VM (self)),
                                scc_form_field_get_value (self->username),
                                scc_form_field_get_value (self->password),
                                g_task_get_cancellable (task),
                                scc_sign_in_vm_sign_in_cb,
                                task);
}

/* The connection check that a submission waits for has ended. */
static void
on_connection_state_cb (SccSignInVm     *self,
                        GParamSpec      *pspec,
                        SccConnectionVm *connection)
{
  SccConnectionState state = scc_connection_vm_get_state (connection);
  GTask *task;

  g_assert (SCC_IS_SIGN_IN_VM (self));

  if (self->pending == NULL || state == SCC_CONNECTION_STATE_CONNECTING)
    return;

  task = g_steal_pointer (&self->pending);
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  switch (state)
    {
    case SCC_CONNECTION_STATE_CONNECTED:
      post_credentials (self, task);
      return;

    case SCC_CONNECTION_STATE_UNREACHABLE:
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED, "%s",
                               scc_connection_vm_get_error_message (connection));
      break;

    case SCC_CONNECTION_STATE_DEGRADED:
      g_task_return_new_error (task, SC_ERROR, SC_ERROR_UNAVAILABLE,
                               "the server cannot reach its database");
      break;

    case SCC_CONNECTION_STATE_IDLE:
    case SCC_CONNECTION_STATE_CONNECTING:
    default:
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "the server check was cancelled");
      break;
    }
  g_object_unref (task);
}

static void
on_connection_url_error_cb (SccSignInVm     *self,
                            GParamSpec      *pspec,
                            SccConnectionVm *connection)
{
  g_assert (SCC_IS_SIGN_IN_VM (self));

  /* An address the connection was given (say on the command line) and
   * could not use is the field's fault, as if typed. */
  scc_form_field_set_error (self->server_url, scc_connection_vm_get_url_error (connection));
}

static gboolean
scc_sign_in_vm_validate (SccFormVm *form)
{
  SccSignInVm *self = SCC_SIGN_IN_VM (form);
  g_autoptr(GError) error = NULL;

  if (!scc_connection_vm_check_url (scc_form_field_get_value (self->server_url), &error))
    {
      scc_form_field_set_error (self->server_url, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Empty fields are sent as they are: the server's answer says what is
 * missing, in the words the API documents. */
static void
scc_sign_in_vm_submit_async (SccFormVm           *form,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  SccSignInVm *self = SCC_SIGN_IN_VM (form);
  g_autoptr(GTask) task = NULL;
  g_autofree char *url = NULL;
  const char *target;
  SccConnectionState state;

  /* A cancelled submission may still be waiting: it ends now, unheard. */
  if (self->pending != NULL)
    {
      g_autoptr(GTask) stale = g_steal_pointer (&self->pending);

      g_task_return_new_error (stale, G_IO_ERROR, G_IO_ERROR_CANCELLED, "replaced by a new attempt");
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scc_sign_in_vm_submit_async);
  self->retry_after = 0;

  url = g_strstrip (g_strdup (scc_form_field_get_value (self->server_url)));
  target = scc_connection_vm_get_target_url (self->connection);
  state = scc_connection_vm_get_state (self->connection);

  if (g_strcmp0 (url, target) == 0 && state == SCC_CONNECTION_STATE_CONNECTED)
    {
      post_credentials (self, g_steal_pointer (&task));
      return;
    }

  /* A check of this address already under way is waited for, not redone. */
  self->pending = g_steal_pointer (&task);
  if (g_strcmp0 (url, target) != 0 || state != SCC_CONNECTION_STATE_CONNECTING)
    scc_connection_vm_connect (self->connection);
}

static gboolean
scc_sign_in_vm_submit_finish (SccFormVm     *form,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_assert (g_task_is_valid (result, form));
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
scc_sign_in_vm_show_error (SccFormVm    *form,
                           const GError *error)
{
  SccSignInVm *self = SCC_SIGN_IN_VM (form);

  if (g_error_matches (error, SC_ERROR, SC_ERROR_UNAUTHORIZED))
    {
      const ScProblem *problem = sc_error_get_problem (error);
      const char *message = problem != NULL ? sc_problem_lookup_field (problem, "password") : NULL;

      scc_form_field_set_error (self->password, message != NULL ? message : error->message);
    }
  else if (g_error_matches (error, SC_ERROR, SC_ERROR_TOO_MANY_REQUESTS))
    {
      g_autofree char *message = dup_lockout_message (self->retry_after);

      /* Waiting is the point: no Retry. */
      scc_form_vm_set_error_message (form, message);
    }
  else
    {
      SCC_FORM_VM_CLASS (scc_sign_in_vm_parent_class)->show_error (form, error);
    }
}

static void
scc_sign_in_vm_succeeded (SccFormVm *form)
{
  SccSignInVm *self = SCC_SIGN_IN_VM (form);

  /* Done with the password; the message about the old session too. */
  scc_form_field_set_value (self->password, "");
  set_expired_message (self, NULL);
}

static void
scc_sign_in_vm_clear (SccFormVm *form)
{
  SCC_FORM_VM_CLASS (scc_sign_in_vm_parent_class)->clear (form);
  set_expired_message (SCC_SIGN_IN_VM (form), NULL);
}

static void
scc_sign_in_vm_constructed (GObject *object)
{
  SccSignInVm *self = (SccSignInVm *)object;

  G_OBJECT_CLASS (scc_sign_in_vm_parent_class)->constructed (object);

  g_assert (SCC_IS_CONNECTION_VM (self->connection));

  g_object_bind_property (self->connection, "server-url", self->server_url, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->connection, "notify::state",
                           G_CALLBACK (on_connection_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->connection, "notify::url-error",
                           G_CALLBACK (on_connection_url_error_cb), self, G_CONNECT_SWAPPED);
}

static void
scc_sign_in_vm_dispose (GObject *object)
{
  SccSignInVm *self = (SccSignInVm *)object;

  if (self->connection != NULL)
    g_signal_handlers_disconnect_by_data (self->connection, self);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (scc_sign_in_vm_parent_class)->dispose (object);
}

static void
scc_sign_in_vm_finalize (GObject *object)
{
  SccSignInVm *self = (SccSignInVm *)object;

  g_assert (self->pending == NULL);
  g_clear_pointer (&self->expired_message, g_free);

  G_OBJECT_CLASS (scc_sign_in_vm_parent_class)->finalize (object);
}

static void
scc_sign_in_vm_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SccSignInVm *self = SCC_SIGN_IN_VM (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;

    case PROP_EXPIRED_MESSAGE:
      g_value_set_string (value, self->expired_message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_sign_in_vm_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SccSignInVm *self = SCC_SIGN_IN_VM (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_sign_in_vm_class_init (SccSignInVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);

  object_class->constructed = scc_sign_in_vm_constructed;
  object_class->dispose = scc_sign_in_vm_dispose;
  object_class->finalize = scc_sign_in_vm_finalize;
  object_class->get_property = scc_sign_in_vm_get_property;
  object_class->set_property = scc_sign_in_vm_set_property;

  form_class->validate = scc_sign_in_vm_validate;
  form_class->submit_async = scc_sign_in_vm_submit_async;
  form_class->submit_finish = scc_sign_in_vm_submit_finish;
  form_class->show_error = scc_sign_in_vm_show_error;
  form_class->succeeded = scc_sign_in_vm_succeeded;
  form_class->clear = scc_sign_in_vm_clear;

  scc_form_vm_class_set_failure_text (form_class, _("Could not sign in"));

  /**
   * SccSignInVm:connection:
   *
   * The server check (health, version) for the "server_url" field, whose
   * value is its server-url.
   */
  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL,
                         SCC_TYPE_CONNECTION_VM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SccSignInVm:expired-message:
   *
   * Set while the user is here because their session ended.
   */
  properties[PROP_EXPIRED_MESSAGE] =
    g_param_spec_string ("expired-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_sign_in_vm_init (SccSignInVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  self->server_url = scc_form_vm_add_field (form, "server_url", SCC_FORM_FIELD_KEPT);
  self->username = scc_form_vm_add_field (form, "username", SCC_FORM_FIELD_DEFAULT);
  self->password = scc_form_vm_add_field (form, "password", SCC_FORM_FIELD_SECRET);
}

/**
 * scc_sign_in_vm_new:
 * @api_client: the application's API client
 * @connection: the window's server check; its server-url is the form's
 *
 * Returns: (transfer full): a new view model
 */
SccSignInVm *
scc_sign_in_vm_new (SccApiClient    *api_client,
                    SccConnectionVm *connection)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);
  g_return_val_if_fail (SCC_IS_CONNECTION_VM (connection), NULL);

  return g_object_new (SCC_TYPE_SIGN_IN_VM, "api-client", api_client, "connection", connection, NULL);
}

/**
 * scc_sign_in_vm_get_connection:
 *
 * Returns: (transfer none): the server check for "server_url"
 */
SccConnectionVm *
scc_sign_in_vm_get_connection (SccSignInVm *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_VM (self), NULL);
  return self->connection;
}

const char *
scc_sign_in_vm_get_expired_message (SccSignInVm *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_VM (self), NULL);
  return self->expired_message;
}

/**
 * scc_sign_in_vm_session_ended:
 * @username: (nullable): who was signed in
 *
 * The user's session ended under them: the form asks them to sign in
 * again, with their username filled in.
 */
void
scc_sign_in_vm_session_ended (SccSignInVm *self,
                              const char  *username)
{
  g_return_if_fail (SCC_IS_SIGN_IN_VM (self));

  g_object_freeze_notify (G_OBJECT (self));
  scc_form_vm_clear (SCC_FORM_VM (self));
  if (username != NULL)
    scc_form_field_set_value (self->username, username);
  set_expired_message (self, _("Your session has ended. Sign in again to continue."));
  g_object_thaw_notify (G_OBJECT (self));
}
