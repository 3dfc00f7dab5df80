/* scd-user-handlers.c
 *
 * User administration, for system administrators: list, create, read,
 * update (role, full name, active; with If-Match) and password reset. Users
 * are deactivated, never deleted: the audit trail keeps pointing at them.
 * An administrator cannot deactivate or demote themselves, so the last one
 * cannot lock everyone out by accident; the refusal is audited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-users"

#include "config.h"

#include "sc-json.h"
#include "scd-handlers.h"
#include "scd-password.h"

static void
reply_user (ScdRequest *request,
            guint       status,
            ScUser     *user)
{
  scd_handler_set_etag (request, sc_user_get_version (user));
  scd_handler_reply_model (request, status, user, (ScWriteJsonFunc) sc_user_write_json);
}

/* --- list ---------------------------------------------------------------- */

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GPtrArray) users = scd_user_store_list_finish (SCD_USER_STORE (object), result, &next, &error);

  if (users == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, users, next, (ScWriteJsonFunc) sc_user_write_json);
}

void
scd_user_handler_list (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  const char *active = scd_request_get_query (request, "active");
  ScdUserFilter filter = { NULL, -1, 0, 0 };

  scd_handler_parse_limit (request, &filter.limit, &error);
  scd_handler_parse_cursor (request, &filter.after, &error);
  filter.role = scd_handler_get_query_text (request, "role", &error);
  if (filter.role != NULL)
    sc_user_check_role (filter.role, &error);
  if (active != NULL && !g_str_equal (active, "true") && !g_str_equal (active, "false"))
    sc_set_field_error (&error, "active", "must be true or false");
  else if (active != NULL)
    filter.active = g_str_equal (active, "true");
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_user_store_list_async (scd_handler_stores (request)->users, scd_request_get_actor (request), &filter,
                             scd_request_get_cancellable (request), list_cb, scd_handler_hold (request));
}

/* --- get ----------------------------------------------------------------- */

static void
get_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScUser) user = scd_user_store_get_finish (SCD_USER_STORE (object), result, &error);

  if (user == NULL)
    scd_request_reply_error (request, error);
  else
    reply_user (request, SOUP_STATUS_OK, user);
}

void
scd_user_handler_get (ScdRequest *request)
{
  gint64 id;

  if (scd_handler_parse_id (request, "user", &id))
    scd_user_store_get_async (scd_handler_stores (request)->users, scd_request_get_actor (request), id,
                              scd_request_get_cancellable (request), get_cb, scd_handler_hold (request));
}

/* --- create -------------------------------------------------------------- */

/* The answer to a create, kept with its Idempotency-Key for a retry. */
static void
user_answer (GObject    *model,
             ScdCreated *created)
{
  scd_handler_answer_created (created, model, (ScWriteJsonFunc) sc_user_write_json, "/api/v1/users",
                              sc_user_get_id (SC_USER (model)), sc_user_get_version (SC_USER (model)));
}

typedef struct
{
  ScdRequest     *request;       /* owned */
  ScdIdempotency *idempotency;   /* owned */
  char           *username;
  char           *full_name;
  char           *role;
  char           *password;      /* secret */
} NewUser;

static void
new_user_free (NewUser *user)
{
  scd_request_unref (user->request);
  scd_idempotency_free (user->idempotency);
  g_free (user->username);
  g_free (user->full_name);
  g_free (user->role);
  scd_secret_free (user->password);
  g_free (user);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NewUser, new_user_free)

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScdCreated) created = scd_user_store_create_finish (SCD_USER_STORE (object), result, &error);

  if (created == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_created (request, created);
}

static void
hashed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(NewUser) user = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = scd_password_hash_finish (result, &error);
  ScdNewUser fields = { user->username, user->full_name, user->role, hash };

  if (hash == NULL)
    scd_request_reply_error (user->request, error);
  else
    scd_user_store_create_async (scd_handler_stores (user->request)->users, scd_request_get_actor (user->request),
                                 &fields, user->idempotency, scd_request_get_cancellable (user->request),
                                 created_cb, scd_request_ref (user->request));
}

void
scd_user_handler_create (ScdRequest *request)
{
  static const char * const allowed[] = { "username", "full_name", "role", "password", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScdIdempotency) idempotency = NULL;
  const char *username = NULL;
  const char *full_name = "";
  const char *role = NULL;
  const char *password = NULL;
  NewUser *user;

  body = scd_handler_read_body (request, allowed, &error);
  if (body == NULL)
    return;
  /* every rule the database checks is checked first: a row it refused
   * would carry the password's hash into its log */
  if (sc_json_read_string (body, "username", TRUE, &username, &error) && username != NULL)
    sc_user_check_username (username, &error);
  if (sc_json_read_string (body, "full_name", FALSE, &full_name, &error))
    sc_user_check_full_name (full_name, &error);
  if (sc_json_read_string (body, "role", TRUE, &role, &error) && role != NULL)
    sc_user_check_role (role, &error);
  if (sc_json_read_string (body, "password", TRUE, &password, &error) && password != NULL)
    scd_password_check_policy (password, "password", &error);
  idempotency = scd_handler_idempotency (request, user_answer, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }

  user = g_new0 (NewUser, 1);
  user->request = scd_handler_hold (request);
  user->idempotency = g_steal_pointer (&idempotency);
  user->username = g_strdup (username);
  user->full_name = g_strdup (full_name);
  user->role = g_strdup (role);
  user->password = g_strdup (password);
  scd_password_hash_async (password, scd_request_get_cancellable (request), hashed_cb, user);
}

/* --- update -------------------------------------------------------------- */

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  gint64 current = 0;
  g_autoptr(ScUser) user = scd_user_store_update_finish (SCD_USER_STORE (object), result, &current, &error);

  if (g_error_matches (error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED))
    scd_handler_set_etag (request, current);
  if (user == NULL)
    scd_request_reply_error (request, error);
  else
    reply_user (request, SOUP_STATUS_OK, user);
}

static void
self_refusal_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;

  if (!scd_audit_store_record_finish (SCD_AUDIT_STORE (object), result, &error))
    g_warning ("request %s: could not record a refusal: %s", scd_request_get_id (request), error->message);
  scd_request_reply_problem_printf (request, SC_ERROR_CONFLICT,
                                    "you cannot deactivate yourself or give up your own administrator role: "
                                    "ask another system administrator");
}

void
scd_user_handler_update (ScdRequest *request)
{
  static const char * const allowed[] = { "full_name", "role", "active", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  ScdUserChange change = { NULL, NULL, -1 };
  gboolean active = TRUE;
  gboolean has_active = FALSE;
  gint64 version = 0;
  gint64 id;

  if (!scd_handler_parse_id (request, "user", &id))
    return;
  body = scd_handler_read_body (request, allowed, &error);
  if (body == NULL)
    return;
  if (sc_json_read_string (body, "full_name", FALSE, &change.full_name, &error) && change.full_name != NULL)
    sc_user_check_full_name (change.full_name, &error);
  if (sc_json_read_string (body, "role", FALSE, &change.role, &error) && change.role != NULL)
    sc_user_check_role (change.role, &error);
  if (sc_json_read_boolean (body, "active", FALSE, &active, &has_active, &error) && has_active)
    change.active = active;
  if (error == NULL && change.full_name == NULL && change.role == NULL && !has_active)
    sc_set_field_error (&error, "body", "give at least one of full_name, role, active");
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  if (id == sc_user_get_id (scd_request_get_session (request)->user) &&
      (change.active == 0 || (change.role != NULL && !g_str_equal (change.role, "system_admin"))))
    {
      scd_audit_store_record_async (scd_handler_stores (request)->audit, scd_request_get_actor (request), "denied",
                                    scd_request_get_param (request, "id"), NULL, self_refusal_cb,
                                    scd_handler_hold (request));
      return;
    }
  if (!scd_request_get_if_match (request, &version, &error))
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_user_store_update_async (scd_handler_stores (request)->users, scd_request_get_actor (request), id, NULL,
                               version, &change, scd_request_get_cancellable (request), updated_cb,
                               scd_handler_hold (request));
}

/* --- password reset ------------------------------------------------------- */

static void
reset_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;

  if (!scd_user_store_set_password_finish (SCD_USER_STORE (object), result, &error))
    scd_request_reply_error (request, error);
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
  gint64 id = 0;

  if (hash == NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  g_ascii_string_to_signed (scd_request_get_param (request, "id"), 10, 1, G_MAXINT64, &id, NULL);
  scd_user_store_set_password_async (scd_handler_stores (request)->users, scd_request_get_actor (request), id, NULL,
                                     hash, NULL, reset_cb, scd_request_ref (request));
}

void
scd_user_handler_reset_password (ScdRequest *request)
{
  static const char * const allowed[] = { "new_password", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *password = NULL;
  gint64 id;

  if (!scd_handler_parse_id (request, "user", &id))
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
  scd_password_hash_async (password, scd_request_get_cancellable (request), reset_hashed_cb,
                           scd_handler_hold (request));
}
