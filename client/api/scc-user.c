/* scc-user.c
 *
 * SccUser and its codec. Two answers carry a user:
 *
 *   POST /api/v1/sessions  "user": {"id","username","full_name","role","active",
 *                                   "version","created_at","updated_at"}
 *   GET  /api/v1/me        "user": the same
 *
 * so id, username, full_name and role are required and "active" is read when
 * present (a signed-in user is active). Members the client does not use are
 * ignored, so a newer daemon may add some. A role this client does not know
 * (a newer daemon's) is kept by name and shown as sent: nothing is refused
 * for it, and the daemon remains the one that decides what a role may do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-user"

#include "config.h"

#include "sc-error.h"
#include "sc-json.h"

#include "scc-user.h"

struct _SccUser
{
  GObject   parent_instance;

  /* Owned */
  char     *username;
  char     *full_name;
  char     *role_name;

  gint64    id;
  ScRole    role;
  gboolean  active;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_USERNAME,
  PROP_FULL_NAME,
  PROP_DISPLAY_NAME,
  PROP_ROLE_NAME,
  PROP_ROLE_TITLE,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccUser, scc_user, G_TYPE_OBJECT)

static void
scc_user_finalize (GObject *object)
{
  SccUser *self = (SccUser *)object;

  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->role_name, g_free);

  G_OBJECT_CLASS (scc_user_parent_class)->finalize (object);
}

static void
scc_user_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SccUser *self = SCC_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;

    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, scc_user_get_display_name (self));
      break;

    case PROP_ROLE_NAME:
      g_value_set_string (value, self->role_name);
      break;

    case PROP_ROLE_TITLE:
      g_value_set_string (value, scc_user_get_role_title (self));
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_user_class_init (SccUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scc_user_finalize;
  object_class->get_property = scc_user_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccUser:display-name:
   *
   * The full name, or the username for an account made without one.
   */
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccUser:role-name:
   *
   * The role as the API names it: "caseworker", "team_manager", ...
   */
  properties[PROP_ROLE_NAME] =
    g_param_spec_string ("role-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccUser:role-title:
   *
   * The role for people: "Caseworker", "Team manager", ...
   */
  properties[PROP_ROLE_TITLE] =
    g_param_spec_string ("role-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_user_init (SccUser *self)
{
  self->active = TRUE;
}

/**
 * scc_user_new_from_json:
 * @node: a user object of the API
 *
 * Returns: (transfer full) (nullable): the user, or %NULL with an
 *   SC_ERROR_MALFORMED @error naming the bad members
 */
SccUser *
scc_user_new_from_json (JsonNode  *node,
                        GError   **error)
{
  g_autoptr(SccUser) self = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  const char *username = NULL;
  const char *full_name = NULL;
  const char *role = NULL;
  gboolean active = TRUE;
  gint64 id = 0;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "the user is not a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);

  /* Every member is read, so the message names every bad one. */
  sc_json_read_int (object, "id", TRUE, &id, &local_error);
  sc_json_read_string (object, "username", TRUE, &username, &local_error);
  sc_json_read_string (object, "full_name", TRUE, &full_name, &local_error);
  sc_json_read_string (object, "role", TRUE, &role, &local_error);
  sc_json_read_boolean (object, "active", FALSE, &active, NULL, &local_error);
  if (local_error == NULL && (id <= 0 || username[0] == '\0'))
    g_set_error_literal (&local_error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                         "id and username must not be empty");
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED,
                   "the server's description of the user is malformed: %s", local_error->message);
      return NULL;
    }

  self = g_object_new (SCC_TYPE_USER, NULL);
  self->id = id;
  self->username = g_strdup (username);
  self->full_name = g_strdup (full_name);
  self->role_name = g_strdup (role);
  self->role = sc_role_from_string (role);
  self->active = active;

  return g_steal_pointer (&self);
}

gint64
scc_user_get_id (SccUser *self)
{
  g_return_val_if_fail (SCC_IS_USER (self), 0);
  return self->id;
}

const char *
scc_user_get_username (SccUser *self)
{
  g_return_val_if_fail (SCC_IS_USER (self), NULL);
  return self->username;
}

/* May be empty: sendcasectl can create a user without one. */
const char *
scc_user_get_full_name (SccUser *self)
{
  g_return_val_if_fail (SCC_IS_USER (self), NULL);
  return self->full_name;
}

const char *
scc_user_get_display_name (SccUser *self)
{
  g_return_val_if_fail (SCC_IS_USER (self), NULL);
  return self->full_name[0] != '\0' ? self->full_name : self->username;
}

/**
 * scc_user_get_role:
 *
 * Returns: the role, or %SC_ROLE_NONE for one this client does not know
 */
ScRole
scc_user_get_role (SccUser *self)
{
  g_return_val_if_fail (SCC_IS_USER (self), SC_ROLE_NONE);
  return self->role;
}

const char *
scc_user_get_role_name (SccUser *self)
{
  g_return_val_if_fail (SCC_IS_USER (self), NULL);
  return self->role_name;
}

const char *
scc_user_get_role_title (SccUser *self)
{
  g_return_val_if_fail (SCC_IS_USER (self), NULL);

  if (self->role == SC_ROLE_NONE)
    return self->role_name;
  return sc_role_get_title (self->role);
}

gboolean
scc_user_get_active (SccUser *self)
{
  g_return_val_if_fail (SCC_IS_USER (self), FALSE);
  return self->active;
}
