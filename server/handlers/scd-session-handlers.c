/* scd-session-handlers.c
 *
 * Signing in and out, who the caller is, and changing one's own password.
 * The steps (the lockout, argon2id, the session and its audit row) are the
 * session store's; each handler checks its input, makes one store call and
 * answers.
 *
 *   POST   /api/v1/sessions          sign in: {"token", "expires_at", "user"}
 *   DELETE /api/v1/sessions/current  sign out
 *   GET    /api/v1/me                the session without its token
 *   POST   /api/v1/me/password       the caller's password (the current one
 *                                    required; failures count as sign-ins)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-sessions"

#include "config.h"

#include "sc-json.h"
#include "sc-session.h"
#include "scd-handlers.h"
#include "scd-password.h"

/* A typed username longer than any username is still checked, and fails,
 * like any other: only what cannot be a username at all is refused here. */
#define USERNAME_MAX_BYTES 64

/* --- sign-in ------------------------------------------------------------- */

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  char *token = NULL;
  gint64 retry_after = 0;
  g_autoptr(ScSession) session = scd_session_store_sign_in_finish (SCD_SESSION_STORE (object), result, &token,
                                                                   &retry_after, &error);
  GString *out;
  ScJsonWriter writer;

  if (session == NULL)
    {
      scd_handler_reply_refusal (request, error, retry_after);
      return;
    }
  out = g_string_sized_new (512);
  sc_json_writer_init (&writer, out);
  sc_session_write_json (session, token, &writer);
  scd_secret_free (token);
  scd_request_add_header (request, "Cache-Control", "no-store");
  scd_request_reply_json_text (request, SOUP_STATUS_CREATED, g_string_free (out, FALSE));
}

void
scd_session_handler_create (ScdRequest *request)
{
  static const char * const allowed[] = { "username", "password", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *username = NULL;
  const char *password = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *lower = NULL;

  body = scd_handler_read_body (request, allowed, &error);
  if (body == NULL)
    return;
  if (sc_json_read_string (body, "username", TRUE, &username, &error) && username != NULL)
    {
      if (*username == '\0')
        sc_set_field_error (&error, "username", "must not be empty");
      else if (strlen (username) > USERNAME_MAX_BYTES)
        sc_set_field_error (&error, "username", "must be at most %d characters", USERNAME_MAX_BYTES);
    }
  if (sc_json_read_string (body, "password", TRUE, &password, &error) && password != NULL)
    {
      if (*password == '\0')
        sc_set_field_error (&error, "password", "must not be empty");
      else if (strlen (password) > SCD_PASSWORD_MAX_BYTES)
        sc_set_field_error (&error, "password", "must be at most %d bytes", SCD_PASSWORD_MAX_BYTES);
    }
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }

  /* usernames are lower case; people type them as they like */
  trimmed = g_strstrip (g_strdup (username));
  lower = g_utf8_strdown (trimmed, -1);
  scd_session_store_sign_in_async (scd_handler_stores (request)->sessions, scd_request_get_actor (request), lower,
                                   password, NULL, signed_in_cb, scd_handler_hold (request));
}

/* --- sign-out ------------------------------------------------------------ */

static void
signed_out_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;

  if (!scd_session_store_sign_out_finish (SCD_SESSION_STORE (object), result, &error))
    scd_request_reply_error (request, error);
  else
    scd_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
}

void
scd_session_handler_delete_current (ScdRequest *request)
{
  scd_session_store_sign_out_async (scd_handler_stores (request)->sessions, scd_request_get_actor (request),
                                    scd_request_get_session (request)->id, NULL, signed_out_cb,
                                    scd_handler_hold (request));
}

/* --- who am I ------------------------------------------------------------ */

void
scd_session_handler_me (ScdRequest *request)
{
  ScdSession *session = scd_request_get_session (request);
  GString *out = g_string_sized_new (512);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_session_write_json (session->session, NULL, &writer);
  scd_request_reply_json_text (request, SOUP_STATUS_OK, g_string_free (out, FALSE));
}

/* --- one's own password -------------------------------------------------- */

static void
password_changed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  gint64 retry_after = 0;

  if (!scd_session_store_change_password_finish (SCD_SESSION_STORE (object), result, &retry_after, &error))
    scd_handler_reply_refusal (request, error, retry_after);
  else
    scd_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
}

void
scd_session_handler_change_password (ScdRequest *request)
{
  static const char * const allowed[] = { "current_password", "new_password", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *current = NULL;
  const char *new_password = NULL;

  body = scd_handler_read_body (request, allowed, &error);
  if (body == NULL)
    return;
  if (sc_json_read_string (body, "current_password", TRUE, &current, &error) && current != NULL &&
      (*current == '\0' || strlen (current) > SCD_PASSWORD_MAX_BYTES))
    sc_set_field_error (&error, "current_password", "is not your current password");
  if (sc_json_read_string (body, "new_password", TRUE, &new_password, &error) && new_password != NULL)
    scd_password_check_policy (new_password, "new_password", &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_session_store_change_password_async (scd_handler_stores (request)->sessions, scd_request_get_actor (request),
                                           scd_request_get_session (request)->id, current, new_password, NULL,
                                           password_changed_cb, scd_handler_hold (request));
}
