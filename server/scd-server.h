/* scd-server.h
 *
 * The HTTP side of sendcased: a SoupServer on a socket made with a real
 * backlog, one catch-all handler that matches the route table, problem
 * documents for everything that goes wrong before a handler runs, a request
 * id and one log line per request, and a drain for graceful shutdown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "scd-config.h"
#include "scd-request.h"
#include "scd-stores.h"

G_BEGIN_DECLS

#define SCD_TYPE_SERVER (scd_server_get_type ())

G_DECLARE_FINAL_TYPE (ScdServer, scd_server, SCD, SERVER, GObject)

/* @config is borrowed and must outlive the server. */
ScdServer *scd_server_new          (const ScdConfig      *config,
                                    ScdStores            *stores);
gboolean   scd_server_listen       (ScdServer            *self,
                                    GError              **error);
/* "http://127.0.0.1:8080" once listening */
const char *scd_server_get_url     (ScdServer            *self);
ScdStores *scd_server_get_stores   (ScdServer            *self);
const ScdConfig *scd_server_get_config (ScdServer        *self);
guint      scd_server_get_in_flight (ScdServer           *self);

/* Stops taking new work (new requests get 503 and Connection: close), waits
 * until the requests in flight are answered or @timeout_seconds pass, then
 * closes every connection. */
void       scd_server_drain_async  (ScdServer            *self,
                                    guint                 timeout_seconds,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean   scd_server_drain_finish (ScdServer            *self,
                                    GAsyncResult         *result,
                                    GError              **error);

G_END_DECLS
