/* scd-session-store.h
 *
 * Sessions and credentials: signing in (with the lockout), finding the live
 * session of a bearer token on every request, signing out, and changing
 * one's own password (counted against the same lockout as sign-ins).
 *
 * Tokens are 32 random bytes, base64url without padding; the database holds
 * only their SHA-256. Passwords are checked and hashed in worker threads
 * (scd-password.h), between the statements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-session.h"
#include "scd-actor.h"
#include "scd-config.h"
#include "scd-session-cache.h"
#include "scd-store.h"

G_BEGIN_DECLS

#define SCD_TYPE_SESSION_STORE (scd_session_store_get_type ())

G_DECLARE_FINAL_TYPE (ScdSessionStore, scd_session_store, SCD, SESSION_STORE, ScdStore)

/* The length of a token as sent: a bearer value of another length is not
 * one of ours and needs no statement to be refused. */
#define SCD_SESSION_TOKEN_LENGTH 43

/* @config: (nullable): the session and lockout settings (copied); NULL for
 * the defaults, enough for callers that never sign in (sendcasectl).
 * @cache: the sessions checked lately, shared with the user store */
ScdSessionStore *scd_session_store_new                   (ScdDb               *db,
                                                          const ScdConfig     *config,
                                                          ScdSessionCache     *cache);

/* The live session of @token if it was checked in the last few seconds
 * (scd-session-cache.h), with no statement; NULL otherwise, and then
 * scd_session_store_authenticate_async() asks the database.
 * Returns: (transfer full) (nullable) */
ScSession       *scd_session_store_lookup                (ScdSessionStore     *self,
                                                          const char          *token,
                                                          gint64              *session_id);

/* One statement: the live session of @token (not ended, within its absolute
 * and idle limits, its user active), whose last use it refreshes; the
 * answer is kept in the cache. Not audited: it is part of every request,
 * not an act of its own. */
void             scd_session_store_authenticate_async    (ScdSessionStore     *self,
                                                          const char          *token,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
/* UNAUTHORIZED when the token is not a live session.
 * @session_id: (out): the session's row id */
ScSession       *scd_session_store_authenticate_finish   (ScdSessionStore     *self,
                                                          GAsyncResult        *result,
                                                          gint64              *session_id,
                                                          GError             **error);

/* At most two statements: (1) both lockouts checked and the attempt
 * recorded as a failure, or the refusal recorded, with the user and its
 * hash; then argon2id (against a dummy hash for an unknown user, so every
 * failure takes the same time); (2) the session made, the username's
 * failures cleared and the audit row written, or the failure's audit row.
 * A hash made with older limits is replaced after the answer. @username is
 * trimmed and lower-cased by the caller. */
void             scd_session_store_sign_in_async         (ScdSessionStore     *self,
                                                          const ScdActor      *actor,
                                                          const char          *username,
                                                          const char          *password,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
/* UNAUTHORIZED (a field error on "password") for an unknown user, a wrong
 * password or a deactivated user alike; TOO_MANY_REQUESTS with
 * *@retry_after (seconds) while locked out.
 * @token: (out) (transfer full): the new token; wipe it when done */
ScSession       *scd_session_store_sign_in_finish        (ScdSessionStore     *self,
                                                          GAsyncResult        *result,
                                                          char               **token,
                                                          gint64              *retry_after,
                                                          GError             **error);

void             scd_session_store_sign_out_async        (ScdSessionStore     *self,
                                                          const ScdActor      *actor,
                                                          gint64               session_id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean         scd_session_store_sign_out_finish       (ScdSessionStore     *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* The actor's own password: two statements as for a sign-in, the wrong
 * current password counted as a failed sign-in of the username and the
 * address. On success the other sessions of the user end, @session_id's
 * goes on. @new_password must have passed scd_password_check_policy(). */
void             scd_session_store_change_password_async (ScdSessionStore     *self,
                                                          const ScdActor      *actor,
                                                          gint64               session_id,
                                                          const char          *current_password,
                                                          const char          *new_password,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
/* INVALID_INPUT on "current_password" when it is wrong; TOO_MANY_REQUESTS
 * with *@retry_after while the username or address is locked out. */
gboolean         scd_session_store_change_password_finish (ScdSessionStore    *self,
                                                          GAsyncResult        *result,
                                                          gint64              *retry_after,
                                                          GError             **error);

G_END_DECLS
