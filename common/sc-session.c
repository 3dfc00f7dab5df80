/* sc-session.c
 *
 * ScSession and its codec.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-session"

#include "config.h"

#include "sc-json.h"
#include "sc-problem.h"
#include "sc-session.h"

struct _ScSession
{
  GObject  parent_instance;

  /* Owned */
  ScUser  *user;

  gint64   expires_at;
};

enum {
  PROP_0,
  PROP_USER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ScSession, sc_session, G_TYPE_OBJECT)

static void
sc_session_finalize (GObject *object)
{
  ScSession *self = (ScSession *)object;

  g_clear_object (&self->user);

  G_OBJECT_CLASS (sc_session_parent_class)->finalize (object);
}

static void
sc_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ScSession *self = SC_SESSION (object);

  switch (prop_id)
    {
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_session_class_init (ScSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_session_finalize;
  object_class->get_property = sc_session_get_property;

  properties[PROP_USER] = g_param_spec_object ("user", NULL, NULL, SC_TYPE_USER,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_session_init (ScSession *self)
{
}

/**
 * sc_session_new:
 * @user: who is signed in
 * @expires_at: the session's absolute end, Unix microseconds
 *
 * Returns: (transfer full): a new session description
 */
ScSession *
sc_session_new (ScUser *user,
                gint64  expires_at)
{
  ScSession *self;

  g_return_val_if_fail (SC_IS_USER (user), NULL);

  self = g_object_new (SC_TYPE_SESSION, NULL);
  self->user = g_object_ref (user);
  self->expires_at = expires_at;
  return self;
}

/**
 * sc_session_get_user:
 *
 * Returns: (transfer none): who is signed in
 */
ScUser *
sc_session_get_user (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), NULL);
  return self->user;
}

gint64
sc_session_get_expires_at (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), 0);
  return self->expires_at;
}

void
sc_session_write_json (ScSession    *self,
                       const char   *token,
                       ScJsonWriter *writer)
{
  g_return_if_fail (SC_IS_SESSION (self));
  g_return_if_fail (writer != NULL);

  sc_json_writer_begin_object (writer);
  if (token != NULL)
    sc_json_writer_member_string (writer, "token", token);
  sc_json_writer_member_time (writer, "expires_at", self->expires_at);
  sc_json_writer_member (writer, "user");
  sc_user_write_json (self->user, writer);
  sc_json_writer_end_object (writer);
}

/**
 * sc_session_new_from_json:
 * @node: a JSON object as sc_session_write_json() writes it
 *
 * Returns: (transfer full) (nullable): the session, or %NULL with an
 *   SC_ERROR_MALFORMED @error naming the first bad member
 */
ScSession *
sc_session_new_from_json (JsonNode   *node,
                          char      **token,
                          GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ScUser) user = NULL;
  JsonObject *object;
  JsonNode *user_node;
  const char *token_text = NULL;
  gint64 expires_at = 0;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (token != NULL)
    *token = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "session: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_string (object, "token", FALSE, &token_text, &local_error);
  sc_json_read_time (object, "expires_at", TRUE, &expires_at, &local_error);
  if (local_error != NULL)
    {
      const ScFieldError *first = sc_problem_get_field_error (sc_error_get_problem (local_error), 0);

      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "session: member \"%s\" %s", first->field, first->message);
      return NULL;
    }
  user_node = json_object_get_member (object, "user");
  if (user_node == NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "session: member \"user\" is required");
      return NULL;
    }
  user = sc_user_new_from_json (user_node, error);
  if (user == NULL)
    return NULL;
  if (token != NULL)
    *token = g_strdup (token_text);
  return sc_session_new (user, expires_at);
}
