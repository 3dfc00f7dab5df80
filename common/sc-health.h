/* sc-health.h
 *
 * What GET /api/v1/health says about a daemon: whether it serves, whether it
 * reaches its database, the database's schema version and the daemon's own
 * version. It needs no session: load balancers and the client's connection
 * page read it.
 *
 *   {"status": "ok", "database": "ok", "schema_version": 2, "version": "0.1.0"}
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "sc-json-writer.h"

G_BEGIN_DECLS

#define SC_TYPE_HEALTH (sc_health_get_type ())

G_DECLARE_FINAL_TYPE (ScHealth, sc_health, SC, HEALTH, GObject)

/* @schema_version: -1 when the daemon cannot read it */
ScHealth   *sc_health_new                  (gboolean      database_ok,
                                            gint64        schema_version,
                                            const char   *version);
const char *sc_health_get_status           (ScHealth     *self);
const char *sc_health_get_database         (ScHealth     *self);
gint64      sc_health_get_schema_version   (ScHealth     *self);
const char *sc_health_get_version          (ScHealth     *self);
gboolean    sc_health_is_ok                (ScHealth     *self);
gboolean    sc_health_is_database_ok       (ScHealth     *self);

void        sc_health_write_json           (ScHealth     *self,
                                            ScJsonWriter *writer);
ScHealth   *sc_health_new_from_json        (JsonNode     *node,
                                            GError      **error);

G_END_DECLS
