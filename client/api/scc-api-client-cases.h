/* scc-api-client-cases.h
 *
 * The case calls of SccApiClient: the caseload, opening a case, one case,
 * its statutory timeline, its events, recording an event and voiding one,
 * the advice still awaited (the chase list), and a team manager's: the
 * team's deadlines, the team's workload and handing cases over. Cases and
 * events are decoded with the models' one codec (ScCase, ScCaseEvent); the
 * timeline, the clock's own JSON (docs/statutory-clock.md, "Output"), into
 * SccTimelineEntry, one per milestone in the clock's order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-advice-request.h"
#include "sc-case.h"
#include "sc-case-event.h"
#include "sc-clock.h"
#include "sc-phase-transfer.h"
#include "sc-institution.h"
#include "sc-proceeding.h"
#include "sc-review.h"
#include "sc-workload.h"

#include "scc-api-client.h"

G_BEGIN_DECLS

/* One milestone of a case's timeline. */
typedef struct
{
  ScMilestoneId      id;
  ScMilestoneStatus  status;
  char              *key;    /* owned, nullable */
  char              *title;  /* owned */
  char              *rule;   /* owned */
  ScDay              due;
} SccTimelineEntry;

void          scc_timeline_entry_free              (SccTimelineEntry    *entry);
/* The entries' milestone statuses that are still to be met. */
gboolean      scc_timeline_entry_is_open           (const SccTimelineEntry *entry);

/* Which cases of a caseload (GET /api/v1/caseload): every member nullable
 * for the server's default. */
typedef struct
{
  const char *owner;       /* "me" (the default) or a user's id */
  const char *status;      /* "overdue", "due" or "all" (the default) */
  int         due_within;  /* days ahead, or -1 for any */
  const char *q;           /* the child searched for: a name's start, UPN, NHS number */
  const char *stage;       /* a stage of a case */
  gboolean    team;        /* GET /api/v1/deadlines: the team's (owner: NULL for all) */
} SccCaseloadQuery;

/* GET /api/v1/caseload: one page of @query's cases. Returns ScCase. */
void          scc_api_client_get_caseload_async    (SccApiClient           *self,
                                                    const SccCaseloadQuery *query,
                                                    const char             *cursor,
                                                    guint                   limit,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
GPtrArray    *scc_api_client_get_caseload_finish   (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    char               **next_cursor,
                                                    GError             **error);
/* GET /api/v1/caseload/counts: @owner's (nullable: "me") cases, overdue,
 * due this week. */
void          scc_api_client_get_caseload_counts_async  (SccApiClient        *self,
                                                         const char          *owner,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
ScWorkload   *scc_api_client_get_caseload_counts_finish (SccApiClient        *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
/* POST /api/v1/cases: opens a case for the person @person_id, its request
 * received on @request_received from @request_source ("parent",
 * "setting", ...). @owner_id: the owner a team manager names, or 0 (a
 * caseworker owns what they open). @idempotency_key: (nullable): one per
 * user action, the same on a retry. A refusal is SC_ERROR_INVALID_INPUT
 * with field errors by the API's member names. */
void          scc_api_client_create_case_async     (SccApiClient        *self,
                                                    gint64               person_id,
                                                    ScDay                request_received,
                                                    const char          *request_source,
                                                    gint64               owner_id,
                                                    const char          *idempotency_key,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ScCase       *scc_api_client_create_case_finish    (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* GET /api/v1/cases/{id}: the case with its version (its ETag). */
void          scc_api_client_get_case_async        (SccApiClient        *self,
                                                    gint64               id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ScCase       *scc_api_client_get_case_finish       (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* GET /api/v1/cases/{id}/timeline. Returns SccTimelineEntry. */
void          scc_api_client_get_timeline_async    (SccApiClient        *self,
                                                    gint64               id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray    *scc_api_client_get_timeline_finish   (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* GET /api/v1/cases/{id}/events: every event, voided ones too, in
 * recording order. Returns ScCaseEvent. */
void          scc_api_client_list_events_async     (SccApiClient        *self,
                                                    gint64               id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray    *scc_api_client_list_events_finish    (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* POST /api/v1/cases/{id}/events: @event's type, date, key and the
 * members of its type, and @note (nullable). @idempotency_key (nullable):
 * one per attempt to record the event, the same for its retries, so a
 * retry whose first answer was lost records nothing twice. A refusal is
 * SC_ERROR_INVALID_INPUT with a field error naming the field and the rule. */
void          scc_api_client_add_event_async       (SccApiClient        *self,
                                                    gint64               id,
                                                    const ScClockEvent  *event,
                                                    const char          *note,
                                                    const char          *idempotency_key,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ScCaseEvent  *scc_api_client_add_event_finish      (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* POST /api/v1/cases/{id}/events/{event_id}/void with @reason. */
void          scc_api_client_void_event_async      (SccApiClient        *self,
                                                    gint64               id,
                                                    gint64               event_id,
                                                    const char          *reason,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ScCaseEvent  *scc_api_client_void_event_finish     (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* GET /api/v1/advice-requests: one page of the advice asked for and not
 * yet received, the earliest due first: @owner's cases ("me" or a user's
 * id), or the team's (NULL); @overdue_only: only those past their six
 * weeks. Returns ScAdviceRequest. */
void          scc_api_client_list_advice_async     (SccApiClient        *self,
                                                    const char          *owner,
                                                    gboolean             overdue_only,
                                                    const char          *cursor,
                                                    guint                limit,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray    *scc_api_client_list_advice_finish    (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    char               **next_cursor,
                                                    GError             **error);

/* GET /api/v1/cases/{id}/reviews: the annual reviews of the case's plan,
 * the first first. Returns ScReview. */
void          scc_api_client_list_reviews_async    (SccApiClient        *self,
                                                    gint64               case_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray    *scc_api_client_list_reviews_finish   (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* PUT /api/v1/cases/{id}/reviews/{review_id} at @version (0: nothing
 * recorded yet). Returns: the review as it now is (sc_review_free). */
void          scc_api_client_put_review_async      (SccApiClient         *self,
                                                    gint64                case_id,
                                                    gint64                review_id,
                                                    const ScReviewChange *change,
                                                    gint64                version,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
ScReview     *scc_api_client_put_review_finish     (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* GET /api/v1/cases/{id}/proceedings: the amendments, reassessments,
 * ceasings and transfers in of the case's plan, in the clock's order.
 * Returns ScProceeding. */
void          scc_api_client_list_proceedings_async  (SccApiClient        *self,
                                                      gint64               case_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray    *scc_api_client_list_proceedings_finish (SccApiClient        *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
/* PUT /api/v1/cases/{id}/proceedings/{proceeding_id} at @version (0:
 * nothing recorded yet). Returns: the proceeding as it now is
 * (sc_proceeding_free). */
void          scc_api_client_put_proceeding_async    (SccApiClient             *self,
                                                      gint64                    case_id,
                                                      gint64                    proceeding_id,
                                                      const ScProceedingChange *change,
                                                      gint64                    version,
                                                      GCancellable             *cancellable,
                                                      GAsyncReadyCallback       callback,
                                                      gpointer                  user_data);
ScProceeding *scc_api_client_put_proceeding_finish   (SccApiClient        *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
/* GET /api/v1/institutions: one page of the institution directory, by
 * name (q: words of the name, a URN or the start of a postcode; NULL for
 * all). Returns ScInstitution. */
void          scc_api_client_search_institutions_async  (SccApiClient        *self,
                                                         const char          *q,
                                                         gboolean             open_only,
                                                         const char          *cursor,
                                                         guint                limit,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GPtrArray    *scc_api_client_search_institutions_finish (SccApiClient        *self,
                                                         GAsyncResult        *result,
                                                         char               **next_cursor,
                                                         GError             **error);
/* GET /api/v1/reviews: one page of the reviews due within eight weeks or
 * overdue, the earliest due first: @owner's cases ("me" or a user's id),
 * or the team's (NULL). Returns ScReview. */
void          scc_api_client_list_reviews_due_async (SccApiClient       *self,
                                                    const char          *owner,
                                                    gboolean             overdue_only,
                                                    const char          *cursor,
                                                    guint                limit,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray    *scc_api_client_list_reviews_due_finish (SccApiClient      *self,
                                                    GAsyncResult        *result,
                                                    char               **next_cursor,
                                                    GError             **error);

/* GET /api/v1/phase-transfers: the children of @owner's cases ("me" or a
 * user's id; NULL: the team's) moving phase in September @year (0: the
 * year whose deadlines come next). Returns ScPhaseTransfer. */
void          scc_api_client_list_phase_transfers_async  (SccApiClient        *self,
                                                          const char          *owner,
                                                          int                  year,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray    *scc_api_client_list_phase_transfers_finish (SccApiClient        *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* GET /api/v1/workload: every active caseworker and team manager with
 * their counts, by name (team managers). Returns ScWorkload. */
void          scc_api_client_get_workload_async    (SccApiClient        *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray    *scc_api_client_get_workload_finish   (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* POST /api/v1/caseload/handover: moves the cases of @from_owner_id (all of
 * them, or the @n_cases of @case_ids, which must all be theirs) to
 * @to_owner_id with @note as their handover note (team managers). Nothing
 * moves on a refusal, a 422 naming the member. Returns the ScCase moved. */
void          scc_api_client_hand_over_async       (SccApiClient        *self,
                                                    gint64               from_owner_id,
                                                    const gint64        *case_ids,
                                                    guint                n_cases,
                                                    gint64               to_owner_id,
                                                    const char          *note,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray    *scc_api_client_hand_over_finish      (SccApiClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SccTimelineEntry, scc_timeline_entry_free)

G_END_DECLS
