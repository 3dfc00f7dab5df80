/* scd-handlers.h
 *
 * Every HTTP handler of sendcased, named <area>_handler_<verb>. Each one
 * validates its input, pauses the request, calls the database asynchronously
 * and replies from the callback; routes are in scd-routes.c. On routes that
 * need a session, the session is attached before the handler runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scd-request.h"

G_BEGIN_DECLS

/* scd-health-handlers.c */
void scd_health_handler_get              (ScdRequest *request);

/* scd-session-handlers.c */
void scd_session_handler_create          (ScdRequest *request);
void scd_session_handler_delete_current  (ScdRequest *request);
void scd_session_handler_me              (ScdRequest *request);
void scd_session_handler_change_password (ScdRequest *request);

/* scd-user-handlers.c */
void scd_user_handler_list               (ScdRequest *request);
void scd_user_handler_create             (ScdRequest *request);
void scd_user_handler_get                (ScdRequest *request);
void scd_user_handler_update             (ScdRequest *request);
void scd_user_handler_reset_password     (ScdRequest *request);

/* scd-audit-handlers.c */
void scd_audit_handler_list              (ScdRequest *request);

/* ?limit=N for list routes: 1 to 500, 100 when absent. */
gboolean scd_handler_parse_limit         (ScdRequest  *request,
                                          gint64      *limit,
                                          GError     **error);

G_END_DECLS
