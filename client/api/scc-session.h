/* scc-session.h
 *
 * What the client knows about the session it is signed in with: who signed
 * in and when the session ends at the latest. The bearer token is not here:
 * only SccApiClient holds it, in memory, and sends it (design.md: the token
 * is never written to disk, settings or logs).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "scc-user.h"

G_BEGIN_DECLS

#define SCC_TYPE_SESSION (scc_session_get_type ())

G_DECLARE_FINAL_TYPE (SccSession, scc_session, SCC, SESSION, GObject)

SccSession *scc_session_new                  (SccUser    *user,
                                              GDateTime  *expires_at);
SccSession *scc_session_new_from_sign_in_json (JsonNode  *node,
                                              GError    **error);
SccSession *scc_session_new_from_me_json     (JsonNode   *node,
                                              GError    **error);
SccUser    *scc_session_get_user             (SccSession *self);
GDateTime  *scc_session_get_expires_at       (SccSession *self);

G_END_DECLS
