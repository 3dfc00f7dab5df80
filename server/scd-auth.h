/* scd-auth.h
 *
 * Sessions and access rules on every request: the bearer token is looked up
 * (by its hash) together with its user in one statement that also enforces
 * the idle and absolute expiry, then the route's rule is checked against the
 * user's role. Only then does the handler run, with the session attached.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-role.h"
#include "sc-user.h"
#include "scd-request.h"
#include "scd-routes.h"
#include "store/scd-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  session_id;
  gint64  user_id;
  char   *username;
  char   *full_name;
  ScRole  role;
  char   *expires_at;   /* RFC 3339 */
  ScUser *user;         /* the whole user, as read with the session */
} ScdSession;

void        scd_session_free        (ScdSession  *session);
/* The session of an authenticated request (NULL on public routes). */
ScdSession *scd_request_get_session (ScdRequest  *request);

/* Authenticates (unless the route is public), checks the route's access
 * rule, audits a refusal, and runs the handler. */
void        scd_auth_dispatch       (ScdRequest     *request,
                                     const ScdRoute *route);

guint       scd_access_for_role     (ScRole       role);
/* A new session token: 256 random bits, base64url without padding. */
char       *scd_auth_new_token      (void);
/* SHA-256 of a token, hex: what the database stores. */
char       *scd_auth_hash_token     (const char  *token);

/* Adds the five audit parameters of the acting user, in this order:
 * user_id, username, role, request_id, source_address. */
void        scd_audit_add_actor     (ScdParams   *params,
                                     ScdRequest  *request);

/* Pauses @request and runs one statement for it; @callback gets a new
 * reference to @request as user data. */
void        scd_request_query       (ScdRequest          *request,
                                     const char          *sql,
                                     ScdParams           *params,
                                     GAsyncReadyCallback  callback);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScdSession, scd_session_free)

G_END_DECLS
