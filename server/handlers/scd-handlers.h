/* scd-handlers.h
 *
 * Every HTTP handler of sendcased, named <area>_handler_<verb>, and what they
 * share. A handler validates its input (a problem naming each bad field),
 * calls one store function with the request's actor, and replies from the
 * callback; it never sees SQL, and this library is built without the
 * database client's headers. Routes are in scd-routes.c. The shape every route copies:
 *
 *   static void
 *   get_cb (GObject *object, GAsyncResult *result, gpointer user_data)
 *   {
 *     g_autoptr(ScdRequest) request = user_data;
 *     g_autoptr(GError) error = NULL;
 *     g_autoptr(ScUser) user = scd_user_store_get_finish (SCD_USER_STORE (object), result, &error);
 *
 *     if (user == NULL)
 *       scd_request_reply_error (request, error);
 *     else
 *       reply_user (request, SOUP_STATUS_OK, user);
 *   }
 *
 *   void
 *   scd_user_handler_get (ScdRequest *request)
 *   {
 *     gint64 id;
 *
 *     if (scd_handler_parse_id (request, "user", &id))
 *       scd_user_store_get_async (scd_handler_stores (request)->users, scd_request_get_actor (request), id,
 *                                 scd_request_get_cancellable (request), get_cb, scd_handler_hold (request));
 *   }
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-page.h"
#include "scd-auth.h"
#include "scd-request.h"
#include "scd-stores.h"

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

/* scd-person-handlers.c */
void scd_person_handler_search           (ScdRequest *request);
void scd_person_handler_create           (ScdRequest *request);
void scd_person_handler_get              (ScdRequest *request);
void scd_person_handler_update           (ScdRequest *request);

/* scd-case-handlers.c */
void scd_case_handler_list               (ScdRequest *request);
void scd_case_handler_create             (ScdRequest *request);
void scd_case_handler_get                (ScdRequest *request);
void scd_case_handler_update             (ScdRequest *request);
void scd_case_handler_add_event          (ScdRequest *request);
void scd_case_handler_void_event         (ScdRequest *request);
void scd_case_handler_list_events        (ScdRequest *request);
void scd_case_handler_timeline           (ScdRequest *request);
void scd_case_handler_caseload           (ScdRequest *request);
void scd_case_handler_deadlines          (ScdRequest *request);
void scd_case_handler_workload           (ScdRequest *request);
void scd_case_handler_caseload_counts    (ScdRequest *request);
void scd_case_handler_advice             (ScdRequest *request);
void scd_case_handler_handover           (ScdRequest *request);

/* scd-plan-handlers.c */
void scd_plan_handler_get_draft          (ScdRequest *request);
void scd_plan_handler_get_section        (ScdRequest *request);
void scd_plan_handler_put_section        (ScdRequest *request);
void scd_plan_handler_list_versions      (ScdRequest *request);
void scd_plan_handler_get_version        (ScdRequest *request);
void scd_plan_handler_diff_versions      (ScdRequest *request);
void scd_plan_handler_get_version_pdf    (ScdRequest *request);
void scd_plan_handler_issue              (ScdRequest *request);

/* scd-review-handlers.c */
void scd_review_handler_list             (ScdRequest *request);
void scd_review_handler_put              (ScdRequest *request);
void scd_review_handler_due              (ScdRequest *request);
void scd_review_handler_phase_transfers  (ScdRequest *request);

/* scd-proceeding-handlers.c */
void scd_proceeding_handler_list         (ScdRequest *request);
void scd_proceeding_handler_put          (ScdRequest *request);

/* scd-consultation-handlers.c */
void scd_consultation_handler_list       (ScdRequest *request);
void scd_consultation_handler_create     (ScdRequest *request);
void scd_consultation_handler_put        (ScdRequest *request);
void scd_consultation_handler_team       (ScdRequest *request);
void scd_consultation_handler_chase      (ScdRequest *request);
void scd_consultation_handler_institutions (ScdRequest *request);

/* scd-funding-band-handlers.c */
void scd_complaint_handler_create       (ScdRequest *request);
void scd_complaint_handler_get          (ScdRequest *request);
void scd_complaint_handler_put          (ScdRequest *request);
void scd_complaint_handler_list         (ScdRequest *request);
void scd_appeal_handler_create          (ScdRequest *request);
void scd_appeal_handler_get             (ScdRequest *request);
void scd_appeal_handler_put             (ScdRequest *request);
void scd_appeal_handler_list            (ScdRequest *request);
void scd_mediation_handler_create       (ScdRequest *request);
void scd_mediation_handler_get          (ScdRequest *request);
void scd_mediation_handler_put          (ScdRequest *request);
void scd_mediation_handler_list         (ScdRequest *request);
void scd_dispute_handler_list           (ScdRequest *request);
void scd_dispute_handler_counts         (ScdRequest *request);

void scd_funding_band_handler_list       (ScdRequest *request);
void scd_funding_band_handler_put        (ScdRequest *request);

/* scd-transfer-handlers.c */
void scd_transfer_handler_export         (ScdRequest *request);
void scd_transfer_handler_import         (ScdRequest *request);
void scd_transfer_handler_list_mappings  (ScdRequest *request);
void scd_transfer_handler_decide_mapping (ScdRequest *request);

/* scd-institution-handlers.c */
void scd_institution_handler_search      (ScdRequest *request);
void scd_institution_handler_get         (ScdRequest *request);

/* Records the event @body describes ("type", "date", its type's members,
 * "note") on case @id and answers as POST .../events does: what the plan's
 * issue route shares with it. */
void scd_case_handler_record_event       (ScdRequest *request,
                                          gint64      id,
                                          JsonObject *body);

/* scd-audit-handlers.c */
void scd_audit_handler_list              (ScdRequest *request);

/* --- scd-handler-util.c -------------------------------------------------- */

/* The stores of the daemon serving @request. */
ScdStores      *scd_handler_stores          (ScdRequest         *request);
/* Pauses @request and returns a new reference to it: the user data of a
 * store call, released by its callback's g_autoptr. */
ScdRequest     *scd_handler_hold            (ScdRequest         *request);

/* The path's {id}: a positive whole number. Otherwise replies 404 ("no
 * @what ID") and returns FALSE. */
gboolean        scd_handler_parse_id        (ScdRequest         *request,
                                             const char         *what,
                                             gint64             *id);
/* The same for the path's {@param} */
gboolean        scd_handler_parse_param_id  (ScdRequest         *request,
                                             const char         *param,
                                             const char         *what,
                                             gint64             *id);
/* Parses the request body as a JSON object. If it cannot be parsed, replies
 * (400) and returns NULL; otherwise adds a field error to @error for every
 * member not in @allowed and returns the object for further checks. */
JsonObject     *scd_handler_read_body       (ScdRequest         *request,
                                             const char * const *allowed,
                                             GError            **error);
/* A query parameter as text (NULL when absent), or a field error on @name
 * when it is not valid UTF-8. */
const char     *scd_handler_get_query_text  (ScdRequest         *request,
                                             const char         *name,
                                             GError            **error);
/* ?limit=N for list routes: 1 to 500, 100 when absent. */
gboolean        scd_handler_parse_limit     (ScdRequest         *request,
                                             guint              *limit,
                                             GError            **error);
/* A first write of a record with nothing to match yet: If-None-Match: *
 * and no If-Match. */
gboolean        scd_handler_creates         (ScdRequest         *request);
/* ?owner=: "me" (the caller) or a user's id; absent, *@owner_id keeps
 * its default. */
void            scd_handler_read_owner      (ScdRequest         *request,
                                             gint64             *owner_id,
                                             GError            **error);

/* The query of a list of open deadlines to chase (advice awaited, reviews
 * due): ?owner= (absent: the team's), ?status=overdue|open, ?limit= and
 * ?cursor=DUE.CASE.POSITION. */
typedef struct
{
  gint64   owner_id;
  gboolean overdue_only;
  ScDay    after_due;
  gint64   after_case;
  gint64   after_position;
  guint    limit;
} ScdChaseQuery;

/* FALSE, having replied 422, when the query is wrong */
gboolean        scd_handler_read_chase_query (ScdRequest        *request,
                                              ScdChaseQuery     *query);
/* ?cursor=: one this server gave out (a positive id), 0 when absent. */
gboolean        scd_handler_parse_cursor    (ScdRequest         *request,
                                             gint64             *cursor,
                                             GError            **error);
/* 200 with @csv (taken) as text/csv, to be saved as @filename; the next
 * page's cursor (nullable) in Next-Cursor */
void            scd_handler_reply_csv       (ScdRequest         *request,
                                             const char         *filename,
                                             GString            *csv,
                                             const char         *next_cursor);
/* ?case_id=: the case's id, 0 when absent; "none" too when @none names
 * what that lists (then -1); a field error when it is neither */
gint64          scd_handler_parse_case_id   (ScdRequest         *request,
                                             const char         *none,
                                             GError            **error);
/* The query of a list of a case's records: ?status=open|closed,
 * ?case_id= (also "none" when @none names what that lists, then -1),
 * ?limit=, ?cursor=DUE.ID; FALSE with the field errors */
gboolean        scd_handler_parse_record_query (ScdRequest     *request,
                                                const char     *none,
                                                ScdRecordQuery *query,
                                                GError        **error);
/* ?cursor=DUE.ID of a list by due date: SC_DAY_NONE and 0 when absent,
 * a field error when it is not one this server gave out. */
void            scd_handler_parse_due_cursor (ScdRequest        *request,
                                              ScDay             *after_due,
                                              gint64            *after_id,
                                              GError           **error);
/* The Idempotency-Key of a create (nullable), with the hash of the request
 * (method, path and body) and how to answer it; a field error when the key
 * is not 1 to 200 characters. */
ScdIdempotency *scd_handler_idempotency     (ScdRequest         *request,
                                             ScdAnswerFunc       answer,
                                             GError            **error);

/* ETag: "VERSION" */
void            scd_handler_set_etag        (ScdRequest         *request,
                                             gint64              version);
/* The answer to a write at a version (PUT with If-Match): @model
 * (nullable) at @version with its ETag, or @error with the version the
 * record is at now (@current, 0: none) as its ETag. */
void            scd_handler_reply_versioned (ScdRequest         *request,
                                             gpointer            model,
                                             gint64              version,
                                             const GError       *error,
                                             gint64              current,
                                             ScWriteJsonFunc     write);
/* Replies @status with @model written by its codec. */
void            scd_handler_reply_model     (ScdRequest         *request,
                                             guint               status,
                                             gpointer            model,
                                             ScWriteJsonFunc     write);
/* Replies 200 with {"items": [...], "next_cursor": ...}. */
void            scd_handler_reply_page      (ScdRequest         *request,
                                             GPtrArray          *items,
                                             const char         *next_cursor,
                                             ScWriteJsonFunc     write_item);
/* A create's answer (an ScdAnswerFunc's work): 201 with @model's JSON, its
 * @version as the ETag and @collection/@id ("/api/v1/cases/12") as its
 * Location; none when @collection is NULL (a record no route reads alone,
 * such as an event on a case). */
void            scd_handler_answer_created  (ScdCreated         *created,
                                             gpointer            model,
                                             ScWriteJsonFunc     write,
                                             const char         *collection,
                                             gint64              id,
                                             gint64              version);
/* Replies with a create's answer, first or replayed
 * (Idempotent-Replayed: true). */
void            scd_handler_reply_created   (ScdRequest         *request,
                                             ScdCreated         *created);
/* Replies with @error, adding what its status needs: WWW-Authenticate to a
 * 401, Retry-After (@retry_after seconds) to a 429. */
void            scd_handler_reply_refusal   (ScdRequest         *request,
                                             const GError       *error,
                                             gint64              retry_after);

G_END_DECLS
