/* scd-case-store.h
 *
 * EHC cases: every statement that reads or changes ehc_case, case_assignee,
 * case_event and case_milestone, each with its audit row, each result
 * decoded once into ScCase, ScCaseEvent or the clock's ScClockResult.
 *
 * Who may do what (docs/access.md) is decided here, where the case is read:
 * a restricted case is NOT_FOUND for anyone but its owner, its assignees and
 * team managers; a caseworker changes only the cases they own or are
 * assigned to (FORBIDDEN otherwise, recorded as denied); only a team manager
 * changes a case's owner, assignees or restriction.
 *
 * An event, or the voiding of one, is one transaction on one leased
 * connection that begins by locking the case's row: the case's events are
 * read, the new one is checked against the rules of the case
 * (sc-case-rules.h; INVALID_INPUT naming the rule, nothing written), the
 * clock is run over the live events and its milestones replace the case's,
 * and the stage, the next deadline and the version move with them. Two
 * writers on one case, in one daemon or several, take turns; neither is
 * lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-case.h"
#include "sc-case-event.h"
#include "sc-clock.h"
#include "sc-advice-request.h"
#include "sc-workload.h"
#include "sc-transfer.h"
#include "scd-actor.h"
#include "scd-idempotency.h"
#include "scd-store.h"

G_BEGIN_DECLS

#define SCD_TYPE_CASE_STORE (scd_case_store_get_type ())

G_DECLARE_FINAL_TYPE (ScdCaseStore, scd_case_store, SCD, CASE_STORE, ScdStore)

#define SCD_CASE_QUERY_MAX_CHARS 100

ScdCaseStore  *scd_case_store_new               (ScdDb               *db);

/* Opens a case for @person_id, owned by @owner_id (an active caseworker or
 * team manager), with its request_received event dated @request_received
 * and the clock's milestones. */
void           scd_case_store_create_async      (ScdCaseStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               person_id,
                                                 gint64               owner_id,
                                                 ScDay                request_received,
                                                 const char          *request_source,
                                                 ScdIdempotency      *idempotency,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full): its model an ScCase; INVALID_INPUT naming
 * person_id, owner_id or request_received */
ScdCreated    *scd_case_store_create_finish     (ScdCaseStore        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

void           scd_case_store_get_async         (ScdCaseStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
ScCase        *scd_case_store_get_finish        (ScdCaseStore        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* One page, by id, of the cases the actor may see. @query: NULL, or the
 * child as the people search reads it (the start of a name's words, case
 * and accents ignored; a UPN; an NHS number or ULN; a date of birth);
 * @stage, @owner_id (0: any) narrow it. */
void           scd_case_store_list_async        (ScdCaseStore        *self,
                                                 const ScdActor      *actor,
                                                 const char          *query,
                                                 const char          *stage,
                                                 gint64               owner_id,
                                                 gint64               after,
                                                 guint                limit,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full) (element-type ScCase) */
GPtrArray     *scd_case_store_list_finish       (ScdCaseStore        *self,
                                                 GAsyncResult        *result,
                                                 char               **next_cursor,
                                                 GError             **error);

/* Which deadlines a caseload shows. */
typedef enum
{
  SCD_CASELOAD_ALL,       /* every case with an open deadline */
  SCD_CASELOAD_OVERDUE,   /* its next deadline has passed */
  SCD_CASELOAD_DUE,       /* its next deadline is today or later */
} ScdCaseloadStatus;

/* Which cases of a caseload: @owner_id's (0: everyone's, the team's
 * deadlines), with @status, their deadline at most @due_within days from
 * today (-1: any), their child found by @query (nullable: read as the
 * people search reads it: a name's start, a UPN, an NHS number or ULN, a
 * date of birth) and in @stage (nullable). */
typedef struct
{
  gint64             owner_id;
  ScdCaseloadStatus  status;
  int                due_within;
  const char        *query;
  const char        *stage;
} ScdCaseloadFilter;

/* One page of the cases of @filter that have an open deadline, the
 * earliest next deadline first (ties by id): a caseworker's day.
 * @after_due and @after_id: the cursor (SC_DAY_NONE and 0 for the first
 * page). */
void           scd_case_store_caseload_async    (ScdCaseStore            *self,
                                                 const ScdActor          *actor,
                                                 const ScdCaseloadFilter *filter,
                                                 ScDay                    after_due,
                                                 gint64                   after_id,
                                                 guint                    limit,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data);
/* Returns: (transfer full) (element-type ScCase); @next_cursor
 * "YYYY-MM-DD.ID", or NULL on the last page */
GPtrArray     *scd_case_store_caseload_finish   (ScdCaseStore        *self,
                                                 GAsyncResult        *result,
                                                 char               **next_cursor,
                                                 GError             **error);

/* @change: members notes, handover_note (strings or null), owner_id,
 * assignee_ids (array of ids), restricted, already checked for type;
 * absent members are kept. @version: If-Match. */
void           scd_case_store_update_async      (ScdCaseStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               id,
                                                 gint64               version,
                                                 JsonObject          *change,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* PRECONDITION_FAILED with *@current_version; FORBIDDEN; NOT_FOUND */
ScCase        *scd_case_store_update_finish     (ScdCaseStore        *self,
                                                 GAsyncResult        *result,
                                                 gint64              *current_version,
                                                 GError             **error);

/* @event: checked by sc_case_event_read_clock_event(); dated no later
 * than today (the rules refuse it otherwise). @idempotency: as for a
 * create (scd-idempotency.h): with a key, a retry of the same request
 * replays the first answer and writes nothing; a refusal keeps no key. */
void           scd_case_store_add_event_async   (ScdCaseStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               case_id,
                                                 const ScClockEvent  *event,
                                                 const char          *note,
                                                 ScdIdempotency      *idempotency,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full): its model the ScCaseEvent as recorded (NULL
 * when replayed), its resource_id the case's id and its version the case's
 * new version */
ScdCreated    *scd_case_store_add_event_finish  (ScdCaseStore        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void           scd_case_store_void_event_async  (ScdCaseStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               case_id,
                                                 gint64               event_id,
                                                 const char          *reason,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* The void's finish: the event as voided, and the case's new version in
 * *@case_version. */
ScCaseEvent   *scd_case_store_event_finish      (ScdCaseStore        *self,
                                                 GAsyncResult        *result,
                                                 gint64              *case_version,
                                                 GError             **error);

/* Every event of the case, voided ones too, in recording order. */
void           scd_case_store_list_events_async (ScdCaseStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               case_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full) (element-type ScCaseEvent) */
GPtrArray     *scd_case_store_list_events_finish (ScdCaseStore       *self,
                                                  GAsyncResult       *result,
                                                  GError            **error);

/* --- the team (scd-case-store-team.c) --- */

/* Every active caseworker and team manager with what they hold, by name;
 * or only @owner_id's (0: the team), whoever they are (none: no such user). */
void           scd_case_store_workload_async    (ScdCaseStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               owner_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full) (element-type ScWorkload) */
GPtrArray     *scd_case_store_workload_finish   (ScdCaseStore        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* One page of the advice asked for and not yet received, across the team
 * or of @owner_id's cases (0: everyone's), the earliest due first;
 * @overdue_only: only what is past its six weeks (the chase list).
 * @after_due, @after_case, @after_position: the cursor (SC_DAY_NONE, 0, 0
 * for the first page). The audit row lists the cases shown. */
void           scd_case_store_advice_async      (ScdCaseStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               owner_id,
                                                 gboolean             overdue_only,
                                                 ScDay                after_due,
                                                 gint64               after_case,
                                                 gint64               after_position,
                                                 guint                limit,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full) (element-type ScAdviceRequest) */
GPtrArray     *scd_case_store_advice_finish     (ScdCaseStore        *self,
                                                 GAsyncResult        *result,
                                                 char               **next_cursor,
                                                 GError             **error);

/* Moves the cases of @from_owner_id (all of them, or those of @case_ids,
 * which must all be theirs) to @to_owner_id, an active caseworker or team
 * manager, each with @note as its handover note, which the new owner sees
 * first; their deadlines go with them. One statement, one audit row listing
 * the cases. INVALID_INPUT on to_owner_id or case_ids, and nothing moves. */
void           scd_case_store_handover_async    (ScdCaseStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               from_owner_id,
                                                 gint64               to_owner_id,
                                                 GArray              *case_ids,
                                                 const char          *note,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full) (element-type ScCase): the cases moved, by id */
GPtrArray     *scd_case_store_handover_finish   (ScdCaseStore        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* The clock over the case's live events, for today. */
void           scd_case_store_timeline_async    (ScdCaseStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               case_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
ScClockResult *scd_case_store_timeline_finish   (ScdCaseStore        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* --- moving between authorities (scd-case-store-transfer.c) ---------------- */

/* The interchange file of case @id as the actor sees it (JSON text);
 * CONFLICT when this authority is not named (sendcasectl authority) or the
 * case has no plan in force, NOT_FOUND when the actor may not see it. */
void           scd_case_store_export_async      (ScdCaseStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full) */
char          *scd_case_store_export_finish     (ScdCaseStore        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

typedef struct
{
  const ScTransferFile *file;       /* checked (sc_transfer_file_read) */
  const char           *file_text;  /* kept whole */
  gint64                owner_id;
  ScDay                 transferred_on;
  gint64                person_id;  /* 0: find by the duplicate rules, or create */
  gboolean              confirm_different_person;
} ScdTransferRequest;

/* Opens the case of a plan transferred in: the child found or created,
 * the transfer_in event, the plan as a draft, the band mapped or listed.
 * Returns, through _finish, a create whose model carries the answer
 * (scd_case_store_transfer_in_of); CONFLICT naming a person matched or an
 * open case; INVALID_INPUT naming person_id or owner_id. */
void           scd_case_store_transfer_in_async  (ScdCaseStore             *self,
                                                  const ScdActor           *actor,
                                                  const ScdTransferRequest *request,
                                                  ScdIdempotency           *idempotency,
                                                  GCancellable             *cancellable,
                                                  GAsyncReadyCallback       callback,
                                                  gpointer                  user_data);
ScdCreated    *scd_case_store_transfer_in_finish (ScdCaseStore             *self,
                                                  GAsyncResult             *result,
                                                  GError                  **error);
const ScTransferIn *scd_case_store_transfer_in_of (GObject                 *model);

/* Names this authority (its three-digit code and its name), as exported
 * files name their sender. */
void           scd_case_store_set_authority_async  (ScdCaseStore        *self,
                                                    const ScdActor      *actor,
                                                    const char          *code,
                                                    const char          *name,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean       scd_case_store_set_authority_finish (ScdCaseStore        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
