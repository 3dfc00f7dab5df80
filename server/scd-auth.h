/* scd-auth.h
 *
 * Sessions and access rules on every request: the bearer token is looked up
 * (by its hash) together with its user in one statement that also enforces
 * the idle and absolute expiry (scd-session-store.h), then the route's rule
 * is checked against the user's role. Only then does the handler run, with
 * the session and the request's actor attached.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-role.h"
#include "sc-session.h"
#include "scd-actor.h"
#include "scd-request.h"
#include "scd-routes.h"

G_BEGIN_DECLS

typedef struct
{
  gint64     id;        /* the session's row id */
  ScSession *session;   /* its user, as read on this request, and its end */
  ScUser    *user;      /* borrowed from @session */
} ScdSession;

/* The session of an authenticated request (NULL on public routes). */
ScdSession *scd_request_get_session (ScdRequest     *request);
/* Who acts, for the audit trail: built once per request from the route
 * (action, resource type), the session (user, role) and the request (id,
 * source address). Every routed request has one. */
ScdActor   *scd_request_get_actor   (ScdRequest     *request);

/* Authenticates (unless the route is public), checks the route's access
 * rule, audits a refusal, and runs the handler. */
void        scd_auth_dispatch       (ScdRequest     *request,
                                     const ScdRoute *route);

guint       scd_access_for_role     (ScRole          role);

G_END_DECLS
