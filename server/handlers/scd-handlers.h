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

#include <libpq-fe.h>

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

/* Adds row @row of @pg as one item of a list. */
typedef void (*ScdRowToJson) (JsonBuilder    *builder,
                              const PGresult *pg,
                              int             row);

/* Replies 200 with {"items": [...], "next_cursor": ...}: the query asked
 * for @limit + 1 rows, and a row beyond @limit means there is a next page,
 * whose cursor is the first column of the last row shown. */
void     scd_handler_reply_page          (ScdRequest      *request,
                                          const PGresult  *pg,
                                          gint64           limit,
                                          ScdRowToJson     row_to_json);

/* Parses the request body as a JSON object. If it cannot be parsed, replies
 * (400) and returns NULL; otherwise adds a field error to @error for every
 * member not in @allowed and returns the object for further checks. */
JsonObject *scd_handler_read_body        (ScdRequest         *request,
                                          const char * const *allowed,
                                          GError            **error);

/* A query callback for writes that answer 204 No Content. */
void     scd_handler_reply_no_content_cb (GObject         *object,
                                          GAsyncResult    *result,
                                          gpointer         user_data);

/* ?limit=N for list routes: 1 to 500, 100 when absent. */
gboolean scd_handler_parse_limit         (ScdRequest  *request,
                                          gint64      *limit,
                                          GError     **error);

G_END_DECLS
