/* sc-session.h
 *
 * A session as the API describes it: who is signed in, and when the session
 * ends at the latest (its absolute lifetime; an idle session ends sooner,
 * which a client learns from a 401). Two answers carry it:
 *
 *   POST /api/v1/sessions  {"token": "...", "expires_at": "...", "user": {...}}
 *   GET  /api/v1/me        {"expires_at": "...", "user": {...}}
 *
 * The bearer token is not part of the model: the codec writes it when the
 * daemon gives it (once, at sign-in) and hands it to the reader's caller
 * separately, so the client keeps it in one place only (its API client).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-user.h"

G_BEGIN_DECLS

#define SC_TYPE_SESSION (sc_session_get_type ())

G_DECLARE_FINAL_TYPE (ScSession, sc_session, SC, SESSION, GObject)

/* @user: (transfer none) */
ScSession  *sc_session_new              (ScUser        *user,
                                         gint64         expires_at);
ScUser     *sc_session_get_user         (ScSession     *self);
/* Unix microseconds */
gint64      sc_session_get_expires_at   (ScSession     *self);

/* @token: (nullable): written first when given */
void        sc_session_write_json       (ScSession     *self,
                                         const char    *token,
                                         ScJsonWriter  *writer);
/* @token: (out) (optional) (transfer full): the token, if the answer has
 *   one; the caller wipes it when done */
ScSession  *sc_session_new_from_json    (JsonNode      *node,
                                         char         **token,
                                         GError       **error);

G_END_DECLS
