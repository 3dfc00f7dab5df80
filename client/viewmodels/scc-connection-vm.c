/* scc-connection-vm.c
 *
 * SccConnectionVm: the connect command, the state machine behind the
 * sign-in page's server line and the offline banner, and the watch that
 * keeps that state true while the window is open.
 *
 *   idle --connect--> connecting --health ok-------------> connected
 *                                --503 health document--> degraded
 *                                --any other failure----> unreachable
 *
 * Once a state is known, the server is asked again by itself: every
 * up-interval seconds (30) while it answers, and after 2, 4, 8 ... up to
 * max-down-interval seconds (30) while it does not, so an outage is seen
 * within half a minute and the end of one within seconds. Any request of
 * the API client that finds the server gone (SccApiClient::server-unavailable)
 * makes it ask at once. These checks keep the state they are checking (no
 * "connecting" in between, so nothing flickers) and only change it when
 * the answer does; busy is true while one runs.
 *
 * connect (and retry, which is the same command for the same address) first
 * checks the address, then cancels whatever attempt is in flight and asks
 * the server for GET /api/v1/health with a fresh GCancellable. A cancelled
 * attempt changes nothing: either a newer attempt owns the state or cancel()
 * has already put it back to idle.
 *
 * The address the user types (server-url) and the address the current state
 * describes (target-url) are kept apart, so editing the field does not make
 * "could not reach X" lie about X.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-connection-vm"

#include "config.h"

#include <string.h>

#include "sc-error.h"

#include "scc-connection-vm.h"

struct _SccConnectionVm
{
  GObject             parent_instance;

  /* Owned */
  SccApiClient       *api_client;
  GCancellable       *cancellable;    /* of the attempt in flight, or NULL */
  char               *server_url;
  char               *url_error;
  char               *target_url;
  char               *version;
  char               *error_message;

  gint64              schema_version; /* -1 when unknown */
  SccConnectionState  state;
  guint               check_source;   /* the next check, or 0 */
  guint               up_interval;    /* seconds between checks while connected */
  guint               max_down_interval;
  guint               down_interval;  /* the next wait while down; doubles up to the maximum */
  guint               url_checked : 1; /* url-error follows edits once an attempt was refused */
  guint               checking : 1;   /* a check of target-url in flight, state kept */
};

enum {
  PROP_0,
  PROP_API_CLIENT,
  PROP_SERVER_URL,
  PROP_URL_ERROR,
  PROP_BUSY,
  PROP_STATE,
  PROP_TARGET_URL,
  PROP_VERSION,
  PROP_SCHEMA_VERSION,
  PROP_ERROR_MESSAGE,
  PROP_UP_INTERVAL,
  PROP_MAX_DOWN_INTERVAL,
  N_PROPS
};

#define FIRST_DOWN_INTERVAL 2

static GParamSpec *properties[N_PROPS];

G_DEFINE_ENUM_TYPE (SccConnectionState, scc_connection_state,
                    G_DEFINE_ENUM_VALUE (SCC_CONNECTION_STATE_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (SCC_CONNECTION_STATE_CONNECTING, "connecting"),
                    G_DEFINE_ENUM_VALUE (SCC_CONNECTION_STATE_CONNECTED, "connected"),
                    G_DEFINE_ENUM_VALUE (SCC_CONNECTION_STATE_UNREACHABLE, "unreachable"),
                    G_DEFINE_ENUM_VALUE (SCC_CONNECTION_STATE_DEGRADED, "degraded"))

G_DEFINE_FINAL_TYPE (SccConnectionVm, scc_connection_vm, G_TYPE_OBJECT)

static void
set_string (SccConnectionVm  *self,
            char            **field,
            const char       *value,
            guint             prop_id)
{
  g_assert (SCC_IS_CONNECTION_VM (self));

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_state (SccConnectionVm    *self,
           SccConnectionState  state)
{
  gboolean was_busy;

  g_assert (SCC_IS_CONNECTION_VM (self));

  if (self->state == state)
    return;

  was_busy = scc_connection_vm_get_busy (self);
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if (was_busy != scc_connection_vm_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_checking (SccConnectionVm *self,
              gboolean         checking)
{
  gboolean was_busy = scc_connection_vm_get_busy (self);

  self->checking = !!checking;
  if (was_busy != scc_connection_vm_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void start_health_request (SccConnectionVm *self);

static gboolean
check_timeout_cb (gpointer user_data)
{
  SccConnectionVm *self = user_data;

  g_assert (SCC_IS_CONNECTION_VM (self));

  self->check_source = 0;
  scc_connection_vm_check_now (self);
  return G_SOURCE_REMOVE;
}

/* After an answer: when to ask again. */
static void
schedule_check (SccConnectionVm *self)
{
  guint interval;

  g_assert (SCC_IS_CONNECTION_VM (self));

  g_clear_handle_id (&self->check_source, g_source_remove);

  if (self->state == SCC_CONNECTION_STATE_CONNECTED)
    {
      self->down_interval = FIRST_DOWN_INTERVAL;
      interval = self->up_interval;
    }
  else
    {
      interval = MIN (self->down_interval, self->max_down_interval);
      self->down_interval = MIN (self->down_interval * 2, self->max_down_interval);
    }

  /* The source holds no reference: dispose removes it. */
  self->check_source = g_timeout_add_seconds (interval, check_timeout_cb, self);
}

static void
on_server_unavailable_cb (SccConnectionVm *self,
                          const GError    *error,
                          SccApiClient    *api_client)
{
  g_assert (SCC_IS_CONNECTION_VM (self));

  /* A page's request just found the server gone: no need to wait for the
   * next check to say so. Our own failing check reports here too, while
   * it is still in flight, and is not asked again. */
  if (self->cancellable == NULL && self->state != SCC_CONNECTION_STATE_IDLE)
    scc_connection_vm_check_now (self);
}

static void
set_schema_version (SccConnectionVm *self,
                    gint64           schema_version)
{
  g_assert (SCC_IS_CONNECTION_VM (self));

  if (self->schema_version == schema_version)
    return;

  self->schema_version = schema_version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEMA_VERSION]);
}

/* Re-checks the address once the user has been told it is wrong, so the
 * message beside the field goes away as soon as they have fixed it. */
static void
update_url_error (SccConnectionVm *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (SCC_IS_CONNECTION_VM (self));

  if (!self->url_checked || scc_connection_vm_check_url (self->server_url, &error))
    set_string (self, &self->url_error, NULL, PROP_URL_ERROR);
  else
    set_string (self, &self->url_error, error->message, PROP_URL_ERROR);
}

static void
scc_connection_vm_get_health_cb (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  SccApiClient *api_client = SCC_API_CLIENT (object);
  g_autoptr(SccConnectionVm) self = user_data;
  g_autoptr(ScHealth) health = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (SCC_IS_CONNECTION_VM (self));

  health = scc_api_client_get_health_finish (api_client, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  g_object_freeze_notify (G_OBJECT (self));
  set_checking (self, FALSE);

  if (health != NULL)
    {
      set_string (self, &self->version, sc_health_get_version (health), PROP_VERSION);
      set_schema_version (self, sc_health_get_schema_version (health));

      if (sc_health_is_ok (health) && sc_health_is_database_ok (health))
        {
          set_string (self, &self->error_message, NULL, PROP_ERROR_MESSAGE);
          set_state (self, SCC_CONNECTION_STATE_CONNECTED);
        }
      else
        {
          set_string (self, &self->error_message, "the server cannot reach its database",
                      PROP_ERROR_MESSAGE);
          set_state (self, SCC_CONNECTION_STATE_DEGRADED);
        }
    }
  else
    {
      g_autofree char *message = NULL;

      /* A 503 problem without a health document (a proxy in front of a
       * stopped daemon, say) is still "try again later", not a wrong
       * address. Any other answer means something else is listening there. */
      if (error->domain == SC_ERROR && error->code != SC_ERROR_UNAVAILABLE)
        message = g_strdup_printf ("the server answered, but not as a sendcase server: %s",
                                   error->message);
      else
        message = g_strdup (error->message);

      set_string (self, &self->version, NULL, PROP_VERSION);
      set_schema_version (self, -1);
      set_string (self, &self->error_message, message, PROP_ERROR_MESSAGE);

      if (g_error_matches (error, SC_ERROR, SC_ERROR_UNAVAILABLE))
        set_state (self, SCC_CONNECTION_STATE_DEGRADED);
      else
        set_state (self, SCC_CONNECTION_STATE_UNREACHABLE);
    }

  schedule_check (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
start_health_request (SccConnectionVm *self)
{
  g_assert (SCC_IS_CONNECTION_VM (self));

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  scc_api_client_get_health_async (self->api_client,
                                   self->cancellable,
                                   scc_connection_vm_get_health_cb,
                                   g_object_ref (self));
}

static void
scc_connection_vm_constructed (GObject *object)
{
  SccConnectionVm *self = (SccConnectionVm *)object;

  G_OBJECT_CLASS (scc_connection_vm_parent_class)->constructed (object);

  g_assert (SCC_IS_API_CLIENT (self->api_client));

  g_signal_connect_object (self->api_client, "server-unavailable",
                           G_CALLBACK (on_server_unavailable_cb), self, G_CONNECT_SWAPPED);
}

static void
scc_connection_vm_dispose (GObject *object)
{
  SccConnectionVm *self = (SccConnectionVm *)object;

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (scc_connection_vm_parent_class)->dispose (object);
}

static void
scc_connection_vm_finalize (GObject *object)
{
  SccConnectionVm *self = (SccConnectionVm *)object;

  g_clear_object (&self->api_client);
  g_clear_pointer (&self->server_url, g_free);
  g_clear_pointer (&self->url_error, g_free);
  g_clear_pointer (&self->target_url, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (scc_connection_vm_parent_class)->finalize (object);
}

static void
scc_connection_vm_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SccConnectionVm *self = SCC_CONNECTION_VM (object);

  switch (prop_id)
    {
    case PROP_API_CLIENT:
      g_value_set_object (value, self->api_client);
      break;

    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;

    case PROP_URL_ERROR:
      g_value_set_string (value, self->url_error);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, scc_connection_vm_get_busy (self));
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_TARGET_URL:
      g_value_set_string (value, self->target_url);
      break;

    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;

    case PROP_SCHEMA_VERSION:
      g_value_set_int64 (value, self->schema_version);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    case PROP_UP_INTERVAL:
      g_value_set_uint (value, self->up_interval);
      break;

    case PROP_MAX_DOWN_INTERVAL:
      g_value_set_uint (value, self->max_down_interval);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_connection_vm_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SccConnectionVm *self = SCC_CONNECTION_VM (object);

  switch (prop_id)
    {
    case PROP_API_CLIENT:
      self->api_client = g_value_dup_object (value);
      break;

    case PROP_SERVER_URL:
      scc_connection_vm_set_server_url (self, g_value_get_string (value));
      break;

    case PROP_UP_INTERVAL:
      self->up_interval = g_value_get_uint (value);
      break;

    case PROP_MAX_DOWN_INTERVAL:
      self->max_down_interval = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_connection_vm_class_init (SccConnectionVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = scc_connection_vm_constructed;
  object_class->dispose = scc_connection_vm_dispose;
  object_class->finalize = scc_connection_vm_finalize;
  object_class->get_property = scc_connection_vm_get_property;
  object_class->set_property = scc_connection_vm_set_property;

  properties[PROP_API_CLIENT] =
    g_param_spec_object ("api-client", NULL, NULL,
                         SCC_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SccConnectionVm:server-url:
   *
   * The address as the user typed it; checked by connect. Never %NULL.
   */
  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SccConnectionVm:url-error:
   *
   * Why server-url cannot be used ("must start with http:// or https://"),
   * shown beside the field; %NULL when it can, or before the first connect.
   */
  properties[PROP_URL_ERROR] =
    g_param_spec_string ("url-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccConnectionVm:busy:
   *
   * A health request is in flight: a first one (state connecting) or a
   * check of the known state.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       SCC_TYPE_CONNECTION_STATE, SCC_CONNECTION_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccConnectionVm:target-url:
   *
   * The address the current state is about: the one last connected to.
   */
  properties[PROP_TARGET_URL] =
    g_param_spec_string ("target-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_int64 ("schema-version", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccConnectionVm:error-message:
   *
   * Why the last attempt did not connect (unreachable or degraded).
   */
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccConnectionVm:up-interval:
   *
   * Seconds between checks while the server answers. The next check
   * after a change is due at the new interval.
   */
  properties[PROP_UP_INTERVAL] =
    g_param_spec_uint ("up-interval", NULL, NULL, 1, 3600, 30,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /**
   * SccConnectionVm:max-down-interval:
   *
   * The longest wait between checks while the server does not answer
   * (the waits start at 2 s and double).
   */
  properties[PROP_MAX_DOWN_INTERVAL] =
    g_param_spec_uint ("max-down-interval", NULL, NULL, 1, 3600, 30,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_connection_vm_init (SccConnectionVm *self)
{
  self->server_url = g_strdup ("");
  self->schema_version = -1;
  self->state = SCC_CONNECTION_STATE_IDLE;
  self->up_interval = 30;
  self->max_down_interval = 30;
  self->down_interval = FIRST_DOWN_INTERVAL;
}

/**
 * scc_connection_vm_new:
 * @api_client: the application's API client; connect points it at the server
 *
 * Returns: (transfer full): a new view model
 */
SccConnectionVm *
scc_connection_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_CONNECTION_VM, "api-client", api_client, NULL);
}

/**
 * scc_connection_vm_get_api_client:
 *
 * Returns: (transfer none): the API client
 */
SccApiClient *
scc_connection_vm_get_api_client (SccConnectionVm *self)
{
  g_return_val_if_fail (SCC_IS_CONNECTION_VM (self), NULL);
  return self->api_client;
}

const char *
scc_connection_vm_get_server_url (SccConnectionVm *self)
{
  g_return_val_if_fail (SCC_IS_CONNECTION_VM (self), NULL);
  return self->server_url;
}

void
scc_connection_vm_set_server_url (SccConnectionVm *self,
                                  const char      *server_url)
{
  g_return_if_fail (SCC_IS_CONNECTION_VM (self));

  /* Never NULL: it is bound to the text of an entry. */
  if (server_url == NULL)
    server_url = "";

  if (g_strcmp0 (self->server_url, server_url) == 0)
    return;

  g_free (self->server_url);
  self->server_url = g_strdup (server_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
  update_url_error (self);
}

const char *
scc_connection_vm_get_url_error (SccConnectionVm *self)
{
  g_return_val_if_fail (SCC_IS_CONNECTION_VM (self), NULL);
  return self->url_error;
}

gboolean
scc_connection_vm_get_busy (SccConnectionVm *self)
{
  g_return_val_if_fail (SCC_IS_CONNECTION_VM (self), FALSE);
  return self->state == SCC_CONNECTION_STATE_CONNECTING || self->checking;
}

SccConnectionState
scc_connection_vm_get_state (SccConnectionVm *self)
{
  g_return_val_if_fail (SCC_IS_CONNECTION_VM (self), SCC_CONNECTION_STATE_IDLE);
  return self->state;
}

const char *
scc_connection_vm_get_target_url (SccConnectionVm *self)
{
  g_return_val_if_fail (SCC_IS_CONNECTION_VM (self), NULL);
  return self->target_url;
}

const char *
scc_connection_vm_get_version (SccConnectionVm *self)
{
  g_return_val_if_fail (SCC_IS_CONNECTION_VM (self), NULL);
  return self->version;
}

gint64
scc_connection_vm_get_schema_version (SccConnectionVm *self)
{
  g_return_val_if_fail (SCC_IS_CONNECTION_VM (self), -1);
  return self->schema_version;
}

const char *
scc_connection_vm_get_error_message (SccConnectionVm *self)
{
  g_return_val_if_fail (SCC_IS_CONNECTION_VM (self), NULL);
  return self->error_message;
}

/**
 * scc_connection_vm_connect:
 *
 * Checks server-url and, if it is usable, asks that server for its health.
 * An attempt already in flight is cancelled.
 *
 * Returns: %FALSE if the address is not usable (url-error says why)
 */
gboolean
scc_connection_vm_connect (SccConnectionVm *self)
{
  g_autofree char *url = NULL;

  g_return_val_if_fail (SCC_IS_CONNECTION_VM (self), FALSE);

  self->url_checked = TRUE;
  update_url_error (self);
  if (self->url_error != NULL)
    return FALSE;

  url = g_strstrip (g_strdup (self->server_url));

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->target_url, url, PROP_TARGET_URL);
  set_string (self, &self->error_message, NULL, PROP_ERROR_MESSAGE);
  set_checking (self, FALSE);
  set_state (self, SCC_CONNECTION_STATE_CONNECTING);
  self->down_interval = FIRST_DOWN_INTERVAL;
  g_object_thaw_notify (G_OBJECT (self));

  scc_api_client_set_base_url (self->api_client, url);
  start_health_request (self);
  return TRUE;
}

/**
 * scc_connection_vm_check_now:
 *
 * Asks the server at target-url for its health now, instead of at the
 * next check: the offline banner's Retry. The state stays as it is until
 * the answer changes it. A check already in flight is not doubled.
 *
 * Returns: %FALSE if there is nothing to check (never connected)
 */
gboolean
scc_connection_vm_check_now (SccConnectionVm *self)
{
  g_return_val_if_fail (SCC_IS_CONNECTION_VM (self), FALSE);

  if (self->target_url == NULL || self->state == SCC_CONNECTION_STATE_IDLE)
    return FALSE;
  if (self->cancellable != NULL)
    return TRUE;

  set_checking (self, TRUE);
  start_health_request (self);
  return TRUE;
}

/**
 * scc_connection_vm_retry:
 *
 * The Retry button: the same as connect, for the address in the field.
 */
gboolean
scc_connection_vm_retry (SccConnectionVm *self)
{
  g_return_val_if_fail (SCC_IS_CONNECTION_VM (self), FALSE);
  return scc_connection_vm_connect (self);
}

/**
 * scc_connection_vm_cancel:
 *
 * Abandons the attempt in flight, if any, and goes back to idle; stops
 * watching the server until the next connect.
 */
void
scc_connection_vm_cancel (SccConnectionVm *self)
{
  g_return_if_fail (SCC_IS_CONNECTION_VM (self));

  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->cancellable == NULL && self->state != SCC_CONNECTION_STATE_CONNECTING)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_object_freeze_notify (G_OBJECT (self));
  set_checking (self, FALSE);
  set_state (self, SCC_CONNECTION_STATE_IDLE);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * scc_connection_vm_check_url:
 * @url: (nullable): an address as typed
 *
 * An address is usable if it is an absolute http:// or https:// URL naming
 * a host, with no blanks, user name, query or fragment. Surrounding
 * blanks are ignored. The message is written to stand beside the field.
 *
 * Returns: %TRUE if @url is usable, else %FALSE with an SC_ERROR_INVALID_INPUT
 */
gboolean
scc_connection_vm_check_url (const char  *url,
                             GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = g_strstrip (g_strdup (url != NULL ? url : ""));
  if (text[0] == '\0')
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID_INPUT, "enter the server's address");
      return FALSE;
    }

  if (g_ascii_strncasecmp (text, "http://", strlen ("http://")) != 0 &&
      g_ascii_strncasecmp (text, "https://", strlen ("https://")) != 0)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                           "must start with http:// or https://");
      return FALSE;
    }

  /* GUri lets a blank through in a host name; no server has one. */
  for (const char *c = text; *c != '\0'; c++)
    {
      if (g_ascii_isspace (*c))
        {
          g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID_INPUT, "must not contain spaces");
          return FALSE;
        }
    }

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                           "is not a valid address, such as http://sendcase.example.org:8080");
      return FALSE;
    }

  if (g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                           "must name a server, as in http://sendcase.example.org:8080");
      return FALSE;
    }

  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                           "must not contain a user name or password");
      return FALSE;
    }

  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                           "must not contain \"?\" or \"#\"");
      return FALSE;
    }

  return TRUE;
}
