/* scc-session.c
 *
 * SccSession and its two codecs:
 *
 *   POST /api/v1/sessions -> {"token":"…","expires_at":"2026-11-23T13:43:23Z","user":{…}}
 *   GET  /api/v1/me       -> {"expires_at":"…","user":{…}}
 *
 * The sign-in codec ignores "token" on purpose: SccApiClient takes it from
 * the same answer and keeps it to itself. "expires_at" is the hard end of the
 * session (its lifetime); an idle session ends earlier, which the client
 * learns from a 401.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-session"

#include "config.h"

#include "sc-error.h"

#include "scc-session.h"

struct _SccSession
{
  GObject    parent_instance;

  /* Owned */
  SccUser   *user;
  GDateTime *expires_at;
};

enum {
  PROP_0,
  PROP_USER,
  PROP_EXPIRES_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccSession, scc_session, G_TYPE_OBJECT)

/* Returns: (transfer full) (nullable): the time in @member, an ISO 8601
 * string with its zone, or NULL with an SC_ERROR_MALFORMED @error. */
static GDateTime *
read_time (JsonObject  *object,
           const char  *member,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GDateTime *time = NULL;

  g_assert (object != NULL);
  g_assert (member != NULL);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    time = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL);

  if (time == NULL)
    g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED,
                 "the server's description of the session is malformed: "
                 "%s: must be a date and time such as 2026-11-23T13:43:23Z", member);
  return time;
}

static void
scc_session_finalize (GObject *object)
{
  SccSession *self = (SccSession *)object;

  g_clear_object (&self->user);
  g_clear_pointer (&self->expires_at, g_date_time_unref);

  G_OBJECT_CLASS (scc_session_parent_class)->finalize (object);
}

static void
scc_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SccSession *self = SCC_SESSION (object);

  switch (prop_id)
    {
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;

    case PROP_EXPIRES_AT:
      g_value_set_boxed (value, self->expires_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SccSession *self = SCC_SESSION (object);

  switch (prop_id)
    {
    case PROP_USER:
      self->user = g_value_dup_object (value);
      break;

    case PROP_EXPIRES_AT:
      self->expires_at = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_session_class_init (SccSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scc_session_finalize;
  object_class->get_property = scc_session_get_property;
  object_class->set_property = scc_session_set_property;

  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL,
                         SCC_TYPE_USER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SccSession:expires-at:
   *
   * When the session ends at the latest, whatever the user does.
   */
  properties[PROP_EXPIRES_AT] =
    g_param_spec_boxed ("expires-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_session_init (SccSession *self)
{
}

/**
 * scc_session_new:
 * @user: who signed in
 * @expires_at: when the session ends at the latest
 *
 * Returns: (transfer full): a new session description
 */
SccSession *
scc_session_new (SccUser   *user,
                 GDateTime *expires_at)
{
  g_return_val_if_fail (SCC_IS_USER (user), NULL);
  g_return_val_if_fail (expires_at != NULL, NULL);

  return g_object_new (SCC_TYPE_SESSION, "user", user, "expires-at", expires_at, NULL);
}

/**
 * scc_session_new_from_sign_in_json:
 * @node: the body of a 201 answer to POST /api/v1/sessions
 *
 * Returns: (transfer full) (nullable): the session, or %NULL with an
 *   SC_ERROR_MALFORMED @error
 */
SccSession *
scc_session_new_from_sign_in_json (JsonNode  *node,
                                   GError   **error)
{
  g_autoptr(GDateTime) expires_at = NULL;
  g_autoptr(SccUser) user = NULL;
  JsonObject *object;
  JsonNode *user_node;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "the sign-in answer is not a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);

  if (!(expires_at = read_time (object, "expires_at", error)))
    return NULL;

  user_node = json_object_get_member (object, "user");
  if (user_node == NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "the sign-in answer has no user");
      return NULL;
    }
  if (!(user = scc_user_new_from_json (user_node, error)))
    return NULL;

  return scc_session_new (user, expires_at);
}

/**
 * scc_session_new_from_me_json:
 * @node: the body of a 200 answer to GET /api/v1/me
 *
 * Returns: (transfer full) (nullable): the session, or %NULL with an
 *   SC_ERROR_MALFORMED @error
 */
SccSession *
scc_session_new_from_me_json (JsonNode  *node,
                              GError   **error)
{
  /* the sign-in answer without its token */
  return scc_session_new_from_sign_in_json (node, error);
}

/**
 * scc_session_get_user:
 *
 * Returns: (transfer none): who signed in
 */
SccUser *
scc_session_get_user (SccSession *self)
{
  g_return_val_if_fail (SCC_IS_SESSION (self), NULL);
  return self->user;
}

/**
 * scc_session_get_expires_at:
 *
 * Returns: (transfer none): when the session ends at the latest
 */
GDateTime *
scc_session_get_expires_at (SccSession *self)
{
  g_return_val_if_fail (SCC_IS_SESSION (self), NULL);
  return self->expires_at;
}
