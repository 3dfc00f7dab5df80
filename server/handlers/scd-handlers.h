/* scd-handlers.h
 *
 * Every HTTP handler of sendcased, named <area>_handler_<verb>. Each one
 * validates its input, pauses the request, calls a store asynchronously and
 * replies from the callback; routes are in scd-routes.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scd-request.h"

G_BEGIN_DECLS

/* scd-health-handlers.c */
void scd_health_handler_get (ScdRequest *request);

G_END_DECLS
