/* scc-health.h
 *
 * What GET /api/v1/health says about a sendcase daemon: whether it is up,
 * whether it can reach its database, which schema its database is at and
 * which version of sendcased answered. The connection page shows it; it is a
 * plain GObject with read-only properties so a page can bind to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SCC_TYPE_HEALTH (scc_health_get_type ())

G_DECLARE_FINAL_TYPE (SccHealth, scc_health, SCC, HEALTH, GObject)

SccHealth  *scc_health_new_from_json      (JsonNode   *node,
                                           GError    **error);
const char *scc_health_get_status         (SccHealth  *self);
const char *scc_health_get_database       (SccHealth  *self);
gint64      scc_health_get_schema_version (SccHealth  *self);
const char *scc_health_get_version        (SccHealth  *self);
gboolean    scc_health_is_ok              (SccHealth  *self);
gboolean    scc_health_is_database_ok     (SccHealth  *self);

G_END_DECLS
