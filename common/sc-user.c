/* sc-user.c
 *
 * ScUser, its JSON codec and the rules of its fields. Properties are
 * read-only and never notify: a model is a snapshot of one answer, and a
 * page that shows a newer one binds to the newer object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-user"

#include "config.h"

#include "sc-json.h"
#include "sc-problem.h"
#include "sc-user.h"

struct _ScUser
{
  GObject   parent_instance;

  /* Owned */
  char     *username;
  char     *full_name;
  char     *role_name;

  gint64    id;
  gint64    version;
  gint64    created_at;
  gint64    updated_at;
  gint64    locked_until;
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
  PROP_VERSION,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ScUser, sc_user, G_TYPE_OBJECT)

static void
sc_user_finalize (GObject *object)
{
  ScUser *self = (ScUser *)object;

  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->role_name, g_free);

  G_OBJECT_CLASS (sc_user_parent_class)->finalize (object);
}

static void
sc_user_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ScUser *self = SC_USER (object);

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
      g_value_set_string (value, sc_user_get_display_name (self));
      break;

    case PROP_ROLE_NAME:
      g_value_set_string (value, self->role_name);
      break;

    case PROP_ROLE_TITLE:
      g_value_set_string (value, sc_user_get_role_title (self));
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked_until != 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_user_class_init (ScUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sc_user_finalize;
  object_class->get_property = sc_user_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_USERNAME] = g_param_spec_string ("username", NULL, NULL, NULL, flags);
  properties[PROP_FULL_NAME] = g_param_spec_string ("full-name", NULL, NULL, NULL, flags);
  /**
   * ScUser:display-name:
   *
   * The full name, or the username for an account made without one.
   */
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  /**
   * ScUser:role-name:
   *
   * The role as the API names it: "caseworker", "team_manager", ...
   */
  properties[PROP_ROLE_NAME] = g_param_spec_string ("role-name", NULL, NULL, NULL, flags);
  /**
   * ScUser:role-title:
   *
   * The role for people: "Caseworker", "Team manager", ...
   */
  properties[PROP_ROLE_TITLE] = g_param_spec_string ("role-title", NULL, NULL, NULL, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ScUser:locked:
   *
   * Whether sign-ins for this username are locked out just now.
   */
  properties[PROP_LOCKED] = g_param_spec_boolean ("locked", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_user_init (ScUser *self)
{
  self->active = TRUE;
}

/**
 * sc_user_new:
 * @id: the user's id (positive)
 * @username: the user name
 * @full_name: (nullable): the full name; NULL is kept as ""
 * @role_name: the role's name on the wire
 * @active: whether the user may sign in
 *
 * Returns: (transfer full): a new user
 */
ScUser *
sc_user_new (gint64      id,
             const char *username,
             const char *full_name,
             const char *role_name,
             gboolean    active)
{
  ScUser *self;

  g_return_val_if_fail (username != NULL, NULL);
  g_return_val_if_fail (role_name != NULL, NULL);

  self = g_object_new (SC_TYPE_USER, NULL);
  self->id = id;
  self->username = g_strdup (username);
  self->full_name = g_strdup (full_name != NULL ? full_name : "");
  self->role_name = g_strdup (role_name);
  self->role = sc_role_from_string (role_name);
  self->active = active;
  return self;
}

void
sc_user_set_version (ScUser *self,
                     gint64  version)
{
  g_return_if_fail (SC_IS_USER (self));
  self->version = version;
}

void
sc_user_set_created_at (ScUser *self,
                        gint64  unix_usec)
{
  g_return_if_fail (SC_IS_USER (self));
  self->created_at = unix_usec;
}

void
sc_user_set_updated_at (ScUser *self,
                        gint64  unix_usec)
{
  g_return_if_fail (SC_IS_USER (self));
  self->updated_at = unix_usec;
}

void
sc_user_set_locked_until (ScUser *self,
                          gint64  unix_usec)
{
  g_return_if_fail (SC_IS_USER (self));
  self->locked_until = unix_usec;
}

gint64
sc_user_get_id (ScUser *self)
{
  g_return_val_if_fail (SC_IS_USER (self), 0);
  return self->id;
}

const char *
sc_user_get_username (ScUser *self)
{
  g_return_val_if_fail (SC_IS_USER (self), NULL);
  return self->username;
}

const char *
sc_user_get_full_name (ScUser *self)
{
  g_return_val_if_fail (SC_IS_USER (self), NULL);
  return self->full_name;
}

const char *
sc_user_get_display_name (ScUser *self)
{
  g_return_val_if_fail (SC_IS_USER (self), NULL);
  return self->full_name[0] != '\0' ? self->full_name : self->username;
}

ScRole
sc_user_get_role (ScUser *self)
{
  g_return_val_if_fail (SC_IS_USER (self), SC_ROLE_NONE);
  return self->role;
}

const char *
sc_user_get_role_name (ScUser *self)
{
  g_return_val_if_fail (SC_IS_USER (self), NULL);
  return self->role_name;
}

const char *
sc_user_get_role_title (ScUser *self)
{
  g_return_val_if_fail (SC_IS_USER (self), NULL);

  if (self->role == SC_ROLE_NONE)
    return self->role_name;
  return sc_role_get_title (self->role);
}

gboolean
sc_user_get_active (ScUser *self)
{
  g_return_val_if_fail (SC_IS_USER (self), FALSE);
  return self->active;
}

gint64
sc_user_get_version (ScUser *self)
{
  g_return_val_if_fail (SC_IS_USER (self), 0);
  return self->version;
}

gint64
sc_user_get_created_at (ScUser *self)
{
  g_return_val_if_fail (SC_IS_USER (self), 0);
  return self->created_at;
}

gint64
sc_user_get_updated_at (ScUser *self)
{
  g_return_val_if_fail (SC_IS_USER (self), 0);
  return self->updated_at;
}

gint64
sc_user_get_locked_until (ScUser *self)
{
  g_return_val_if_fail (SC_IS_USER (self), 0);
  return self->locked_until;
}

/* --- codec --------------------------------------------------------------- */

void
sc_user_write_json (ScUser       *self,
                    ScJsonWriter *writer)
{
  g_return_if_fail (SC_IS_USER (self));
  g_return_if_fail (writer != NULL);

  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", self->id);
  sc_json_writer_member_string (writer, "username", self->username);
  sc_json_writer_member_string (writer, "full_name", self->full_name);
  sc_json_writer_member_string (writer, "role", self->role_name);
  sc_json_writer_member_boolean (writer, "active", self->active);
  sc_json_writer_member_int (writer, "version", self->version);
  sc_json_writer_member_time (writer, "created_at", self->created_at);
  sc_json_writer_member_time (writer, "updated_at", self->updated_at);
  sc_json_writer_member_time (writer, "locked_until", self->locked_until);
  sc_json_writer_end_object (writer);
}

/**
 * sc_user_new_from_json:
 * @node: a JSON object as sc_user_write_json() writes it
 *
 * Returns: (transfer full) (nullable): the user, or %NULL with an
 *   SC_ERROR_MALFORMED @error naming the first bad member
 */
ScUser *
sc_user_new_from_json (JsonNode  *node,
                       GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ScUser) self = NULL;
  JsonObject *object;
  const char *username = NULL;
  const char *full_name = NULL;
  const char *role = NULL;
  gboolean active = TRUE;
  gint64 id = 0;
  gint64 version = 0;
  gint64 created_at = 0;
  gint64 updated_at = 0;
  gint64 locked_until = 0;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "user: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);

  sc_json_read_int (object, "id", TRUE, &id, &local_error);
  sc_json_read_string (object, "username", TRUE, &username, &local_error);
  sc_json_read_string (object, "full_name", TRUE, &full_name, &local_error);
  sc_json_read_string (object, "role", TRUE, &role, &local_error);
  sc_json_read_boolean (object, "active", FALSE, &active, NULL, &local_error);
  sc_json_read_int (object, "version", FALSE, &version, &local_error);
  sc_json_read_time (object, "created_at", FALSE, &created_at, &local_error);
  sc_json_read_time (object, "updated_at", FALSE, &updated_at, &local_error);
  sc_json_read_time (object, "locked_until", FALSE, &locked_until, &local_error);
  if (local_error == NULL && id <= 0)
    sc_set_field_error (&local_error, "id", "must be a positive whole number");
  if (local_error == NULL && *username == '\0')
    sc_set_field_error (&local_error, "username", "must not be empty");
  if (local_error != NULL)
    {
      const ScProblem *problem = sc_error_get_problem (local_error);
      const ScFieldError *first = sc_problem_get_field_error (problem, 0);

      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "user: member \"%s\" %s", first->field, first->message);
      return NULL;
    }

  self = sc_user_new (id, username, full_name, role, active);
  self->version = version;
  self->created_at = created_at;
  self->updated_at = updated_at;
  self->locked_until = locked_until;
  return g_steal_pointer (&self);
}

/* --- rules --------------------------------------------------------------- */

gboolean
sc_user_check_username (const char  *value,
                        GError     **error)
{
  gsize len = value != NULL ? strlen (value) : 0;
  gboolean ok = len >= 2 && len <= SC_USERNAME_MAX_CHARS;

  /* by hand, not a regular expression: "$" would also match before a
   * trailing newline */
  for (gsize i = 0; ok && i < len; i++)
    {
      char c = value[i];

      ok = g_ascii_islower (c) || g_ascii_isdigit (c) || (i > 0 && (c == '.' || c == '_' || c == '-'));
    }
  if (!ok)
    sc_set_field_error (error, "username",
                        "must be 2-%d characters: lower-case letters, digits, '.', '_' or '-', "
                        "starting with a letter or digit", SC_USERNAME_MAX_CHARS);
  return ok;
}

gboolean
sc_user_check_full_name (const char  *value,
                         GError     **error)
{
  gboolean ok = value != NULL && g_utf8_validate (value, -1, NULL) &&
                g_utf8_strlen (value, -1) <= SC_FULL_NAME_MAX_CHARS;

  for (const char *p = value; ok && *p != '\0'; p++)
    ok = (guchar) *p >= 0x20 && *p != 0x7f;
  if (!ok)
    sc_set_field_error (error, "full_name", "must be at most %d characters of text, without control characters",
                        SC_FULL_NAME_MAX_CHARS);
  return ok;
}

gboolean
sc_user_check_role (const char  *value,
                    GError     **error)
{
  if (sc_role_from_string (value) != SC_ROLE_NONE)
    return TRUE;
  sc_set_field_error (error, "role", "must be one of caseworker, team_manager, admin_officer, system_admin");
  return FALSE;
}
