/* scc-sign-in-vm.c
 *
 * SccSignInVm: the sign-in command and where each of its failures goes.
 *
 * sign_in first makes sure the server at server-url is a sendcase server
 * that can serve: if its SccConnectionVm has not just said so for this very
 * address, it asks for the health first (the page shows "Cannot Reach the
 * Server" or "Database Unavailable" from that), and only then posts the
 * credentials. So a typo in the address is told as such, not as a failed
 * sign-in:
 *
 *   sign_in --bad address--------------------------> server-error
 *           --address not checked--> health --ok--> POST /sessions
 *                                           --unreachable/degraded--> server-error, error-message
 *           --checked and connected----------------> POST /sessions
 *
 *   POST /sessions 201 -> ::signed-in (the API client now holds the session)
 *                  422 -> username-error / password-error (the server's field errors)
 *                  401 -> password-error ("invalid username or password")
 *                  429 -> error-message with the wait from Retry-After
 *                  503 -> error-message, can-retry
 *     refused, DNS, timeout -> server-error, can-retry
 *
 * The password is held only until the attempt succeeds (or reset) and is
 * never logged. After an expired session (session_ended) the username stays
 * filled in and expired-message says why the user is here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-sign-in-vm"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sc-error.h"
#include "sc-problem.h"

#include "scc-sign-in-vm.h"

struct _SccSignInVm
{
  GObject          parent_instance;

  /* Owned */
  SccApiClient    *api_client;
  SccConnectionVm *connection;
  GCancellable    *cancellable;      /* of the POST in flight, or NULL */
  char            *username;
  char            *password;         /* secret: wiped when replaced */
  char            *error_message;
  char            *username_error;
  char            *password_error;
  char            *server_error;
  char            *expired_message;

  guint            awaiting_health : 1; /* sign_in waits for the connection check */
  guint            can_retry : 1;
};

enum {
  PROP_0,
  PROP_API_CLIENT,
  PROP_CONNECTION,
  PROP_SERVER_URL,
  PROP_USERNAME,
  PROP_PASSWORD,
  PROP_BUSY,
  PROP_CAN_RETRY,
  PROP_ERROR_MESSAGE,
  PROP_USERNAME_ERROR,
  PROP_PASSWORD_ERROR,
  PROP_SERVER_ERROR,
  PROP_EXPIRED_MESSAGE,
  N_PROPS
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SccSignInVm, scc_sign_in_vm, G_TYPE_OBJECT)

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
set_string (SccSignInVm  *self,
            char        **field,
            const char   *value,
            guint         prop_id)
{
  g_assert (SCC_IS_SIGN_IN_VM (self));

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_can_retry (SccSignInVm *self,
               gboolean     can_retry)
{
  g_assert (SCC_IS_SIGN_IN_VM (self));

  if (self->can_retry == !!can_retry)
    return;
  self->can_retry = !!can_retry;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_RETRY]);
}

/* Call with the busy-making fields already changed: notifies if busy did. */
static void
notify_busy_if (SccSignInVm *self,
                gboolean     was_busy)
{
  g_assert (SCC_IS_SIGN_IN_VM (self));

  if (was_busy != scc_sign_in_vm_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
clear_errors (SccSignInVm *self)
{
  g_assert (SCC_IS_SIGN_IN_VM (self));

  set_string (self, &self->error_message, NULL, PROP_ERROR_MESSAGE);
  set_string (self, &self->username_error, NULL, PROP_USERNAME_ERROR);
  set_string (self, &self->password_error, NULL, PROP_PASSWORD_ERROR);
  set_string (self, &self->server_error, NULL, PROP_SERVER_ERROR);
  set_can_retry (self, FALSE);
}

static char *
dup_stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
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

/* Puts each field error of @error's problem beside its field; what belongs
 * to no field of this form goes to error-message. */
static void
show_field_errors (SccSignInVm  *self,
                   const GError *error)
{
  const ScProblem *problem = sc_error_get_problem (error);
  guint n_errors = problem != NULL ? sc_problem_get_n_field_errors (problem) : 0;
  gboolean shown = FALSE;

  g_assert (SCC_IS_SIGN_IN_VM (self));

  for (guint i = 0; i < n_errors; i++)
    {
      const ScFieldError *field_error = sc_problem_get_field_error (problem, i);

      if (g_strcmp0 (field_error->field, "username") == 0)
        set_string (self, &self->username_error, field_error->message, PROP_USERNAME_ERROR);
      else if (g_strcmp0 (field_error->field, "password") == 0)
        set_string (self, &self->password_error, field_error->message, PROP_PASSWORD_ERROR);
      else
        continue;
      shown = TRUE;
    }

  if (!shown)
    {
      g_autofree char *message = g_strdup_printf (_("The server refused the sign-in: %s."), error->message);

      set_string (self, &self->error_message, message, PROP_ERROR_MESSAGE);
    }
}

static void
show_failure (SccSignInVm  *self,
              const GError *error,
              guint         retry_after)
{
  g_autofree char *message = NULL;

  g_assert (SCC_IS_SIGN_IN_VM (self));
  g_assert (error != NULL);

  if (g_error_matches (error, SC_ERROR, SC_ERROR_INVALID_INPUT))
    {
      show_field_errors (self, error);
    }
  else if (g_error_matches (error, SC_ERROR, SC_ERROR_UNAUTHORIZED))
    {
      const ScProblem *problem = sc_error_get_problem (error);
      const char *field = problem != NULL ? sc_problem_lookup_field (problem, "password") : NULL;

      set_string (self, &self->password_error, field != NULL ? field : error->message,
                  PROP_PASSWORD_ERROR);
    }
  else if (g_error_matches (error, SC_ERROR, SC_ERROR_TOO_MANY_REQUESTS))
    {
      message = dup_lockout_message (retry_after);
      set_string (self, &self->error_message, message, PROP_ERROR_MESSAGE);
    }
  else if (g_error_matches (error, SC_ERROR, SC_ERROR_UNAVAILABLE))
    {
      set_string (self, &self->error_message,
                  _("The server cannot reach its database at the moment. Try again in a few minutes."),
                  PROP_ERROR_MESSAGE);
      set_can_retry (self, TRUE);
    }
  else if (error->domain == SC_ERROR)
    {
      /* 500, a malformed answer, a proxy's page: nothing the user can fix. */
      message = g_strdup_printf (_("The server could not sign you in: %s."), error->message);
      set_string (self, &self->error_message, message, PROP_ERROR_MESSAGE);
    }
  else
    {
      /* Refused, unresolvable, timed out: the address or the network. */
      set_string (self, &self->server_error, error->message, PROP_SERVER_ERROR);
      set_can_retry (self, TRUE);
    }
}

static void
scc_sign_in_vm_sign_in_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(SccSignInVm) self = user_data;
  g_autoptr(SccSession) session = NULL;
  g_autoptr(GError) error = NULL;
  guint retry_after = 0;

  g_assert (SCC_IS_SIGN_IN_VM (self));

  session = scc_api_client_sign_in_finish (SCC_API_CLIENT (object), result, &retry_after, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  if (session != NULL)
    {
      /* Done with the password; the message about the old session too. */
      scc_sign_in_vm_set_password (self, "");
      set_string (self, &self->expired_message, NULL, PROP_EXPIRED_MESSAGE);
    }
  else
    {
      show_failure (self, error, retry_after);
    }
  g_object_thaw_notify (G_OBJECT (self));

  if (session != NULL)
    g_signal_emit (self, signals[SIGNED_IN], 0, session);
}

static void
post_credentials (SccSignInVm *self)
{
  g_assert (SCC_IS_SIGN_IN_VM (self));
  g_assert (self->cancellable == NULL);

  self->cancellable = g_cancellable_new ();
  scc_api_client_sign_in_async (self->api_client,
                                self->username,
                                self->password,
                                self->cancellable,
                                scc_sign_in_vm_sign_in_cb,
                                g_object_ref (self));
}

/* The connection check that sign_in waits for has ended. */
static void
on_connection_state_cb (SccSignInVm     *self,
                        GParamSpec      *pspec,
                        SccConnectionVm *connection)
{
  SccConnectionState state = scc_connection_vm_get_state (connection);
  gboolean was_busy = scc_sign_in_vm_get_busy (self);

  g_assert (SCC_IS_SIGN_IN_VM (self));

  if (!self->awaiting_health || state == SCC_CONNECTION_STATE_CONNECTING)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->awaiting_health = FALSE;

  switch (state)
    {
    case SCC_CONNECTION_STATE_CONNECTED:
      post_credentials (self);
      break;

    case SCC_CONNECTION_STATE_UNREACHABLE:
      set_string (self, &self->server_error, scc_connection_vm_get_error_message (connection),
                  PROP_SERVER_ERROR);
      break;

    case SCC_CONNECTION_STATE_DEGRADED:
      set_string (self, &self->error_message,
                  _("The server cannot reach its database at the moment. Try again in a few minutes."),
                  PROP_ERROR_MESSAGE);
      break;

    case SCC_CONNECTION_STATE_IDLE:
    case SCC_CONNECTION_STATE_CONNECTING:
    default:
      /* Cancelled: nothing to say. */
      break;
    }

  notify_busy_if (self, was_busy);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_connection_server_url_cb (SccSignInVm     *self,
                             GParamSpec      *pspec,
                             SccConnectionVm *connection)
{
  g_assert (SCC_IS_SIGN_IN_VM (self));

  /* A new address: what went wrong with the old one no longer applies. */
  set_string (self, &self->server_error, NULL, PROP_SERVER_ERROR);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
}

static void
on_connection_url_error_cb (SccSignInVm     *self,
                            GParamSpec      *pspec,
                            SccConnectionVm *connection)
{
  g_assert (SCC_IS_SIGN_IN_VM (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_ERROR]);
}

static void
scc_sign_in_vm_constructed (GObject *object)
{
  SccSignInVm *self = (SccSignInVm *)object;

  G_OBJECT_CLASS (scc_sign_in_vm_parent_class)->constructed (object);

  g_assert (SCC_IS_API_CLIENT (self->api_client));

  self->connection = scc_connection_vm_new (self->api_client);
  g_signal_connect_object (self->connection, "notify::state",
                           G_CALLBACK (on_connection_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->connection, "notify::server-url",
                           G_CALLBACK (on_connection_server_url_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->connection, "notify::url-error",
                           G_CALLBACK (on_connection_url_error_cb), self, G_CONNECT_SWAPPED);
}

static void
scc_sign_in_vm_dispose (GObject *object)
{
  SccSignInVm *self = (SccSignInVm *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->connection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->connection, self);
      scc_connection_vm_cancel (self->connection);
    }
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (scc_sign_in_vm_parent_class)->dispose (object);
}

static void
scc_sign_in_vm_finalize (GObject *object)
{
  SccSignInVm *self = (SccSignInVm *)object;

  g_clear_object (&self->api_client);
  g_clear_pointer (&self->username, g_free);
  wipe_string (&self->password);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->username_error, g_free);
  g_clear_pointer (&self->password_error, g_free);
  g_clear_pointer (&self->server_error, g_free);
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
    case PROP_API_CLIENT:
      g_value_set_object (value, self->api_client);
      break;

    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;

    case PROP_SERVER_URL:
      g_value_set_string (value, scc_sign_in_vm_get_server_url (self));
      break;

    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;

    case PROP_PASSWORD:
      g_value_set_string (value, self->password);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, scc_sign_in_vm_get_busy (self));
      break;

    case PROP_CAN_RETRY:
      g_value_set_boolean (value, self->can_retry);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    case PROP_USERNAME_ERROR:
      g_value_set_string (value, self->username_error);
      break;

    case PROP_PASSWORD_ERROR:
      g_value_set_string (value, self->password_error);
      break;

    case PROP_SERVER_ERROR:
      g_value_set_string (value, scc_sign_in_vm_get_server_error (self));
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
    case PROP_API_CLIENT:
      self->api_client = g_value_dup_object (value);
      break;

    case PROP_SERVER_URL:
      scc_sign_in_vm_set_server_url (self, g_value_get_string (value));
      break;

    case PROP_USERNAME:
      scc_sign_in_vm_set_username (self, g_value_get_string (value));
      break;

    case PROP_PASSWORD:
      scc_sign_in_vm_set_password (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_sign_in_vm_class_init (SccSignInVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = scc_sign_in_vm_constructed;
  object_class->dispose = scc_sign_in_vm_dispose;
  object_class->finalize = scc_sign_in_vm_finalize;
  object_class->get_property = scc_sign_in_vm_get_property;
  object_class->set_property = scc_sign_in_vm_set_property;

  properties[PROP_API_CLIENT] =
    g_param_spec_object ("api-client", NULL, NULL,
                         SCC_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SccSignInVm:connection:
   *
   * The server check (health, version) for server-url.
   */
  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL,
                         SCC_TYPE_CONNECTION_VM,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccSignInVm:server-url:
   *
   * The server's address as typed; the connection's server-url. Never %NULL.
   */
  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SccSignInVm:password:
   *
   * The password as typed; emptied once signed in. Never %NULL.
   */
  properties[PROP_PASSWORD] =
    g_param_spec_string ("password", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SccSignInVm:busy:
   *
   * Signing in: checking the server or waiting for its answer.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccSignInVm:can-retry:
   *
   * The last attempt failed for a reason that may go away by itself (the
   * network, the server's database): the page offers Retry.
   */
  properties[PROP_CAN_RETRY] =
    g_param_spec_boolean ("can-retry", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccSignInVm:error-message:
   *
   * Why the last attempt failed, when no one field is to blame: a sentence.
   */
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USERNAME_ERROR] =
    g_param_spec_string ("username-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PASSWORD_ERROR] =
    g_param_spec_string ("password-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccSignInVm:server-error:
   *
   * What is wrong with the address, or why the server could not be reached.
   */
  properties[PROP_SERVER_ERROR] =
    g_param_spec_string ("server-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccSignInVm:expired-message:
   *
   * Set while the user is here because their session ended.
   */
  properties[PROP_EXPIRED_MESSAGE] =
    g_param_spec_string ("expired-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SccSignInVm::signed-in:
   * @session: who signed in
   *
   * The user is signed in; the API client holds the session.
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SCC_TYPE_SESSION);
}

static void
scc_sign_in_vm_init (SccSignInVm *self)
{
  self->username = g_strdup ("");
  self->password = g_strdup ("");
}

/**
 * scc_sign_in_vm_new:
 * @api_client: the application's API client
 *
 * Returns: (transfer full): a new view model
 */
SccSignInVm *
scc_sign_in_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_SIGN_IN_VM, "api-client", api_client, NULL);
}

/**
 * scc_sign_in_vm_get_api_client:
 *
 * Returns: (transfer none): the API client
 */
SccApiClient *
scc_sign_in_vm_get_api_client (SccSignInVm *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_VM (self), NULL);
  return self->api_client;
}

/**
 * scc_sign_in_vm_get_connection:
 *
 * Returns: (transfer none): the server check for server-url
 */
SccConnectionVm *
scc_sign_in_vm_get_connection (SccSignInVm *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_VM (self), NULL);
  return self->connection;
}

const char *
scc_sign_in_vm_get_server_url (SccSignInVm *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_VM (self), NULL);
  return scc_connection_vm_get_server_url (self->connection);
}

void
scc_sign_in_vm_set_server_url (SccSignInVm *self,
                               const char  *server_url)
{
  g_return_if_fail (SCC_IS_SIGN_IN_VM (self));

  /* Notified from the connection's own notify. */
  scc_connection_vm_set_server_url (self->connection, server_url);
}

const char *
scc_sign_in_vm_get_username (SccSignInVm *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_VM (self), NULL);
  return self->username;
}

void
scc_sign_in_vm_set_username (SccSignInVm *self,
                             const char  *username)
{
  g_return_if_fail (SCC_IS_SIGN_IN_VM (self));

  if (username == NULL)
    username = "";
  if (g_strcmp0 (self->username, username) == 0)
    return;

  g_free (self->username);
  self->username = g_strdup (username);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
  /* Once edited, the old complaint about it is stale. */
  set_string (self, &self->username_error, NULL, PROP_USERNAME_ERROR);
}

const char *
scc_sign_in_vm_get_password (SccSignInVm *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_VM (self), NULL);
  return self->password;
}

void
scc_sign_in_vm_set_password (SccSignInVm *self,
                             const char  *password)
{
  g_return_if_fail (SCC_IS_SIGN_IN_VM (self));

  if (password == NULL)
    password = "";
  if (g_strcmp0 (self->password, password) == 0)
    return;

  wipe_string (&self->password);
  self->password = g_strdup (password);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PASSWORD]);
  set_string (self, &self->password_error, NULL, PROP_PASSWORD_ERROR);
}

gboolean
scc_sign_in_vm_get_busy (SccSignInVm *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_VM (self), FALSE);
  return self->awaiting_health || self->cancellable != NULL;
}

gboolean
scc_sign_in_vm_get_can_retry (SccSignInVm *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_VM (self), FALSE);
  return self->can_retry;
}

const char *
scc_sign_in_vm_get_error_message (SccSignInVm *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_VM (self), NULL);
  return self->error_message;
}

const char *
scc_sign_in_vm_get_username_error (SccSignInVm *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_VM (self), NULL);
  return self->username_error;
}

const char *
scc_sign_in_vm_get_password_error (SccSignInVm *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_VM (self), NULL);
  return self->password_error;
}

/* Ours (a failed sign-in), or the connection's (an address it was given,
 * say from the command line, that it could not use). */
const char *
scc_sign_in_vm_get_server_error (SccSignInVm *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_VM (self), NULL);

  if (self->server_error != NULL)
    return self->server_error;
  return scc_connection_vm_get_url_error (self->connection);
}

const char *
scc_sign_in_vm_get_expired_message (SccSignInVm *self)
{
  g_return_val_if_fail (SCC_IS_SIGN_IN_VM (self), NULL);
  return self->expired_message;
}

/**
 * scc_sign_in_vm_sign_in:
 *
 * Signs in with what is in the fields (see the top of this file). Empty
 * fields are sent as they are: the server's answer says what is missing,
 * in the words the API documents.
 *
 * Returns: %FALSE if nothing was started: already busy, or the address is
 *   not usable (server-error says why)
 */
gboolean
scc_sign_in_vm_sign_in (SccSignInVm *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  SccConnectionState state;
  gboolean was_busy;

  g_return_val_if_fail (SCC_IS_SIGN_IN_VM (self), FALSE);

  if (scc_sign_in_vm_get_busy (self))
    return FALSE;

  was_busy = FALSE;
  g_object_freeze_notify (G_OBJECT (self));
  clear_errors (self);

  if (!scc_connection_vm_check_url (scc_sign_in_vm_get_server_url (self), &error))
    {
      set_string (self, &self->server_error, error->message, PROP_SERVER_ERROR);
      g_object_thaw_notify (G_OBJECT (self));
      return FALSE;
    }

  url = dup_stripped (scc_sign_in_vm_get_server_url (self));
  state = scc_connection_vm_get_state (self->connection);

  if (g_strcmp0 (url, scc_connection_vm_get_target_url (self->connection)) == 0 &&
      state == SCC_CONNECTION_STATE_CONNECTED)
    {
      post_credentials (self);
    }
  else
    {
      /* A check of this address already under way is waited for, not redone. */
      self->awaiting_health = TRUE;
      if (state != SCC_CONNECTION_STATE_CONNECTING ||
          g_strcmp0 (url, scc_connection_vm_get_target_url (self->connection)) != 0)
        scc_connection_vm_connect (self->connection);
    }

  notify_busy_if (self, was_busy);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/**
 * scc_sign_in_vm_cancel:
 *
 * Abandons the attempt in flight, if any.
 */
void
scc_sign_in_vm_cancel (SccSignInVm *self)
{
  gboolean was_busy;

  g_return_if_fail (SCC_IS_SIGN_IN_VM (self));

  was_busy = scc_sign_in_vm_get_busy (self);
  if (self->awaiting_health)
    {
      self->awaiting_health = FALSE;
      scc_connection_vm_cancel (self->connection);
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  notify_busy_if (self, was_busy);
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
  scc_sign_in_vm_cancel (self);
  if (username != NULL)
    scc_sign_in_vm_set_username (self, username);
  scc_sign_in_vm_set_password (self, "");
  clear_errors (self);
  set_string (self, &self->expired_message,
              _("Your session has ended. Sign in again to continue."),
              PROP_EXPIRED_MESSAGE);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * scc_sign_in_vm_reset:
 *
 * An empty form (the server address stays), as after signing out.
 */
void
scc_sign_in_vm_reset (SccSignInVm *self)
{
  g_return_if_fail (SCC_IS_SIGN_IN_VM (self));

  g_object_freeze_notify (G_OBJECT (self));
  scc_sign_in_vm_cancel (self);
  scc_sign_in_vm_set_username (self, "");
  scc_sign_in_vm_set_password (self, "");
  clear_errors (self);
  set_string (self, &self->expired_message, NULL, PROP_EXPIRED_MESSAGE);
  g_object_thaw_notify (G_OBJECT (self));
}
