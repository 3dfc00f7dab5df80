/* scc-user.h
 *
 * A sendcase user as the API describes them: who signed in (the "user" of
 * POST /api/v1/sessions, or GET /api/v1/me). Read-only properties, so a page
 * can show the name and role; built only by its explicit JSON codec.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "sc-role.h"

G_BEGIN_DECLS

#define SCC_TYPE_USER (scc_user_get_type ())

G_DECLARE_FINAL_TYPE (SccUser, scc_user, SCC, USER, GObject)

SccUser    *scc_user_new_from_json  (JsonNode  *node,
                                     GError   **error);
gint64      scc_user_get_id         (SccUser   *self);
const char *scc_user_get_username   (SccUser   *self);
const char *scc_user_get_full_name  (SccUser   *self);
const char *scc_user_get_display_name (SccUser *self);
ScRole      scc_user_get_role       (SccUser   *self);
const char *scc_user_get_role_name  (SccUser   *self);
const char *scc_user_get_role_title (SccUser   *self);
gboolean    scc_user_get_active     (SccUser   *self);

G_END_DECLS
