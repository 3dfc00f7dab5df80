/* scd-routes.h
 *
 * The whole HTTP surface of sendcased as one table (scd-routes.c): method,
 * path pattern, handler and access rule. docs/openapi.yaml describes the same
 * routes, and a test holds the two together. A route without an access rule
 * is refused: access is denied by default.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scd-request.h"

G_BEGIN_DECLS

typedef enum
{
  SCD_ACCESS_NONE          = 0,        /* no rule: every request is refused */
  SCD_ACCESS_PUBLIC        = 1 << 0,   /* needs no session */
  SCD_ACCESS_CASEWORKER    = 1 << 1,
  SCD_ACCESS_TEAM_MANAGER  = 1 << 2,
  SCD_ACCESS_ADMIN_OFFICER = 1 << 3,
  SCD_ACCESS_SYSTEM_ADMIN  = 1 << 4,
} ScdAccess;

#define SCD_ACCESS_ANY_USER (SCD_ACCESS_CASEWORKER | SCD_ACCESS_TEAM_MANAGER | \
                             SCD_ACCESS_ADMIN_OFFICER | SCD_ACCESS_SYSTEM_ADMIN)

typedef void (*ScdHandlerFunc) (ScdRequest *request);

typedef struct
{
  const char     *method;
  const char     *pattern;   /* "/api/v1/cases/{id}" */
  ScdHandlerFunc  handler;
  guint           access;         /* ScdAccess flags */
  const char     *action;         /* audit name, e.g. "user.update" */
  const char     *resource_type;  /* audit resource, e.g. "user"; nullable */
} ScdRoute;

const ScdRoute *scd_routes_get   (guint       *n_routes);

/* Finds the route for @method and @path and sets @request's path params.
 * Returns NULL when none matches; then *@path_known tells whether the path
 * exists under another method, whose names are appended to @allow. */
const ScdRoute *scd_routes_match (const char  *method,
                                  const char  *path,
                                  ScdRequest  *request,
                                  gboolean    *path_known,
                                  GString     *allow);

G_END_DECLS
