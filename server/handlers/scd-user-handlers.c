/* scd-user-handlers.c
 *
 * User administration, for system administrators: list, create, read,
 * update (role, full name, active; with If-Match) and password reset. Users
 * are deactivated, never deleted: the audit trail keeps pointing at them.
 * Deactivating a user, or resetting their password, ends their sessions.
 * An administrator cannot deactivate or demote themselves, so the last one
 * cannot lock everyone out by accident.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-users"

#include "config.h"

#include "sc-json.h"
#include "sc-role.h"
#include "scd-auth.h"
#include "scd-handlers.h"
#include "scd-idempotency.h"
#include "scd-password.h"
#include "scd-server.h"
#include "scd-user-json.h"

static const char user_list_sql[] =
  "WITH audit AS ("
  "  INSERT INTO audit_event (user_id, username, role, request_id, source_address,"
  "                           action, resource_type, resource_id, outcome)"
  "  VALUES ($1, $2, $3, $4, $5, 'user.list', 'user', NULL, 'success'))"
  "SELECT " SCD_USER_COLUMNS ("") " FROM app_user"
  " WHERE ($6::text IS NULL OR role = $6)"
  "   AND ($7::boolean IS NULL OR active = $7)"
  "   AND ($8::bigint IS NULL OR id > $8)"
  " ORDER BY id LIMIT $9";

static const char user_get_sql[] =
  "WITH audit AS ("
  "  INSERT INTO audit_event (user_id, username, role, request_id, source_address,"
  "                           action, resource_type, resource_id, outcome)"
  "  SELECT $1, $2, $3, $4, $5, 'user.read', 'user', id::text, 'success' FROM app_user WHERE id = $6)"
  "SELECT " SCD_USER_COLUMNS ("") " FROM app_user WHERE id = $6";

static const char user_create_sql[] =
  "WITH u AS ("
  "  INSERT INTO app_user (username, full_name, role, password_hash) VALUES ($6, $7, $8, $9)"
  "  RETURNING *),"
  " audit AS ("
  "  INSERT INTO audit_event (user_id, username, role, request_id, source_address,"
  "                           action, resource_type, resource_id, outcome)"
  "  SELECT $1, $2, $3, $4, $5, 'user.create', 'user', u.id::text, 'success' FROM u)"
  "SELECT " SCD_USER_COLUMNS ("u.") " FROM u";

static const char user_update_sql[] =
  "WITH cur AS (SELECT id, version FROM app_user WHERE id = $6),"
  " u AS ("
  "  UPDATE app_user SET role = coalesce($8, role), full_name = coalesce($9, full_name),"
  "                      active = coalesce($10::boolean, active),"
  "                      version = version + 1, updated_at = clock_timestamp()"
  "  WHERE id = $6 AND version = $7 RETURNING *),"
  " ended AS ("
  "  UPDATE session SET ended_at = clock_timestamp()"
  "  WHERE user_id IN (SELECT id FROM u WHERE NOT active) AND ended_at IS NULL),"
  " audit AS ("
  "  INSERT INTO audit_event (user_id, username, role, request_id, source_address,"
  "                           action, resource_type, resource_id, outcome)"
  "  SELECT $1, $2, $3, $4, $5, 'user.update', 'user', u.id::text, 'success' FROM u)"
  "SELECT cur.version, " SCD_USER_COLUMNS ("u.") " FROM cur LEFT JOIN u ON true";

static const char user_reset_sql[] =
  "WITH u AS ("
  "  UPDATE app_user SET password_hash = $7, password_changed_at = clock_timestamp(),"
  "                      version = version + 1, updated_at = clock_timestamp()"
  "  WHERE id = $6 RETURNING id),"
  " ended AS (UPDATE session SET ended_at = clock_timestamp() WHERE user_id IN (SELECT id FROM u) AND ended_at IS NULL),"
  " audit AS ("
  "  INSERT INTO audit_event (user_id, username, role, request_id, source_address,"
  "                           action, resource_type, resource_id, outcome)"
  "  SELECT $1, $2, $3, $4, $5, 'user.password.reset', 'user', u.id::text, 'success' FROM u)"
  "SELECT id FROM u";

static void
reply_no_user (ScdRequest *request)
{
  scd_request_reply_problem_printf (request, SC_ERROR_NOT_FOUND, "no user %s", scd_request_get_param (request, "id"));
}

static gboolean
parse_id (ScdRequest *request,
          gint64     *id)
{
  const char *text = scd_request_get_param (request, "id");
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      reply_no_user (request);
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

static void
set_etag (ScdRequest *request,
          const char *version)
{
  g_autofree char *etag = g_strdup_printf ("\"%s\"", version);
  scd_request_add_header (request, "ETag", etag);
}

/* --- list --------------------------------------------------------------- */

static void
user_row_to_json (JsonBuilder    *builder,
                  const PGresult *pg,
                  int             row)
{
  scd_user_json_add (builder, pg, row, 0);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);

  if (pg == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, pg, GPOINTER_TO_INT (scd_request_get_data (request, "limit")),
                            user_row_to_json);
}

void
scd_user_handler_list (ScdRequest *request)
{
  g_autoptr(ScdParams) params = scd_params_new ();
  g_autoptr(GError) error = NULL;
  const char *role = scd_request_get_query (request, "role");
  const char *active = scd_request_get_query (request, "active");
  const char *cursor = scd_request_get_query (request, "cursor");
  guint64 after = 0;
  gint64 limit;

  scd_handler_parse_limit (request, &limit, &error);
  if (role != NULL)
    scd_user_check_role (role, &error);
  if (active != NULL && !g_str_equal (active, "true") && !g_str_equal (active, "false"))
    sc_set_field_error (&error, "active", "must be true or false");
  if (cursor != NULL && !g_ascii_string_to_unsigned (cursor, 10, 1, G_MAXINT64, &after, NULL))
    sc_set_field_error (&error, "cursor", "is not a cursor this server gave out");
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }

  scd_audit_add_actor (params, request);
  scd_params_add (params, role);
  scd_params_add (params, active);
  if (cursor != NULL)
    scd_params_add_int (params, (gint64) after);
  else
    scd_params_add (params, NULL);
  scd_params_add_int (params, limit + 1);
  scd_request_set_data (request, "limit", GINT_TO_POINTER ((int) limit), NULL);
  scd_request_query (request, user_list_sql, params, list_cb);
}

/* --- get ---------------------------------------------------------------- */

static void
reply_user (ScdRequest     *request,
            const PGresult *pg,
            int             first,
            guint           status)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  set_etag (request, PQgetvalue (pg, 0, first + 5));
  scd_user_json_add (builder, pg, 0, first);
  scd_request_reply_json (request, status, json_builder_get_root (builder));
}

static void
get_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);

  if (pg == NULL)
    scd_request_reply_error (request, error);
  else if (PQntuples (pg) == 0)
    reply_no_user (request);
  else
    reply_user (request, pg, 0, SOUP_STATUS_OK);
}

void
scd_user_handler_get (ScdRequest *request)
{
  g_autoptr(ScdParams) params = scd_params_new ();
  gint64 id;

  if (!parse_id (request, &id))
    return;
  scd_audit_add_actor (params, request);
  scd_params_add_int (params, id);
  scd_request_query (request, user_get_sql, params, get_cb);
}

/* --- create ------------------------------------------------------------- */

typedef struct
{
  ScdRequest *request;
  char       *username;
  char       *full_name;
  char       *role;
  char       *password;  /* secret */
} NewUser;

static void
new_user_free (NewUser *user)
{
  scd_request_unref (user->request);
  g_free (user->username);
  g_free (user->full_name);
  g_free (user->role);
  scd_secret_free (user->password);
  g_free (user);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NewUser, new_user_free)

static gboolean
build_created_user (PGresult    *pg,
                    ScdCreated  *created,
                    GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  scd_user_json_add (builder, pg, 0, 0);
  created->status = SOUP_STATUS_CREATED;
  created->body = json_builder_get_root (builder);
  created->etag = g_strdup_printf ("\"%s\"", PQgetvalue (pg, 0, 5));
  created->location = g_strdup_printf ("/api/v1/users/%s", PQgetvalue (pg, 0, 0));
  return TRUE;
}

static void
hashed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(NewUser) user = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = scd_password_hash_finish (result, &error);
  ScdParams *params;

  if (hash == NULL)
    {
      scd_request_reply_error (user->request, error);
      return;
    }
  params = scd_params_new ();
  scd_audit_add_actor (params, user->request);
  scd_params_add (params, user->username);
  scd_params_add (params, user->full_name);
  scd_params_add (params, user->role);
  scd_params_add (params, hash);
  scd_idempotent_create (user->request, user_create_sql, params, build_created_user,
                         "username", "is already taken");
}

void
scd_user_handler_create (ScdRequest *request)
{
  static const char * const allowed[] = { "username", "full_name", "role", "password", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *username = NULL;
  const char *full_name = "";
  const char *role = NULL;
  const char *password = NULL;
  NewUser *user;

  body = scd_handler_read_body (request, allowed, &error);
  if (body == NULL)
    return;
  if (sc_json_read_string (body, "username", TRUE, &username, &error) && username != NULL)
    scd_user_check_username (username, &error);
  if (sc_json_read_string (body, "full_name", FALSE, &full_name, &error))
    scd_user_check_full_name (full_name, &error);
  if (sc_json_read_string (body, "role", TRUE, &role, &error) && role != NULL)
    scd_user_check_role (role, &error);
  if (sc_json_read_string (body, "password", TRUE, &password, &error) && password != NULL)
    scd_password_check_policy (password, "password", &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }

  user = g_new0 (NewUser, 1);
  user->request = scd_request_ref (request);
  user->username = g_strdup (username);
  user->full_name = g_strdup (full_name);
  user->role = g_strdup (role);
  user->password = g_strdup (password);
  scd_request_pause (request);
  scd_password_hash_async (password, scd_request_get_cancellable (request), hashed_cb, user);
}

/* --- update ------------------------------------------------------------- */

static void
update_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);

  if (pg == NULL)
    scd_request_reply_error (request, error);
  else if (PQntuples (pg) == 0)
    reply_no_user (request);
  else if (PQgetisnull (pg, 0, 1))
    {
      set_etag (request, PQgetvalue (pg, 0, 0));
      scd_request_reply_problem_printf (request, SC_ERROR_PRECONDITION_FAILED,
                                        "the user was changed by someone else (now at version %s): "
                                        "reload it and make your change again", PQgetvalue (pg, 0, 0));
    }
  else
    reply_user (request, pg, 1, SOUP_STATUS_OK);
}

void
scd_user_handler_update (ScdRequest *request)
{
  static const char * const allowed[] = { "full_name", "role", "active", NULL };
  ScdSession *session = scd_request_get_session (request);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScdParams) params = NULL;
  const char *full_name = NULL;
  const char *role = NULL;
  gboolean active = TRUE;
  gboolean has_active = FALSE;
  gint64 version = 0;
  gint64 id;

  if (!parse_id (request, &id))
    return;
  body = scd_handler_read_body (request, allowed, &error);
  if (body == NULL)
    return;
  if (sc_json_read_string (body, "full_name", FALSE, &full_name, &error) && full_name != NULL)
    scd_user_check_full_name (full_name, &error);
  if (sc_json_read_string (body, "role", FALSE, &role, &error) && role != NULL)
    scd_user_check_role (role, &error);
  sc_json_read_boolean (body, "active", FALSE, &active, &has_active, &error);
  if (error == NULL && full_name == NULL && role == NULL && !has_active)
    sc_set_field_error (&error, "body", "give at least one of full_name, role, active");
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  if (id == session->user_id && ((has_active && !active) || (role != NULL && !g_str_equal (role, "system_admin"))))
    {
      g_autoptr(ScProblem) problem =
        sc_problem_new (SC_ERROR_CONFLICT, "you cannot deactivate yourself or give up your own administrator role: "
                                           "ask another system administrator");
      scd_request_reply_problem (request, problem);
      return;
    }
  if (!scd_request_get_if_match (request, &version, &error))
    {
      scd_request_reply_error (request, error);
      return;
    }

  params = scd_params_new ();
  scd_audit_add_actor (params, request);
  scd_params_add_int (params, id);
  scd_params_add_int (params, version);
  scd_params_add (params, role);
  scd_params_add (params, full_name);
  if (has_active)
    scd_params_add_bool (params, active);
  else
    scd_params_add (params, NULL);
  scd_request_query (request, user_update_sql, params, update_cb);
}

/* --- password reset ------------------------------------------------------ */

static void
reset_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);

  if (pg == NULL)
    scd_request_reply_error (request, error);
  else if (PQntuples (pg) == 0)
    reply_no_user (request);
  else
    scd_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
}

static void
reset_hashed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = scd_password_hash_finish (result, &error);
  g_autoptr(ScdParams) params = scd_params_new ();
  gint64 id = GPOINTER_TO_SIZE (scd_request_get_data (request, "user-id"));

  if (hash == NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_audit_add_actor (params, request);
  scd_params_add_int (params, id);
  scd_params_add (params, hash);
  scd_request_query (request, user_reset_sql, params, reset_cb);
}

void
scd_user_handler_reset_password (ScdRequest *request)
{
  static const char * const allowed[] = { "new_password", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *password = NULL;
  gint64 id;

  if (!parse_id (request, &id))
    return;
  body = scd_handler_read_body (request, allowed, &error);
  if (body == NULL)
    return;
  if (sc_json_read_string (body, "new_password", TRUE, &password, &error) && password != NULL)
    scd_password_check_policy (password, "new_password", &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_request_set_data (request, "user-id", GSIZE_TO_POINTER ((gsize) id), NULL);
  scd_request_pause (request);
  scd_password_hash_async (password, scd_request_get_cancellable (request), reset_hashed_cb,
                           scd_request_ref (request));
}
