/* scd-complaint-store.h
 *
 * Complaints (sc-complaint.h): every statement that reads or changes the
 * complaint table, each with its audit row, each row decoded once into
 * ScComplaint. A complaint about a case is written in one transaction
 * with the case's events its change adds (scd-case-store-private.h), so
 * the case's clock holds its deadlines; one about the service is one
 * statement. Who may write is the route's (admin officers and team
 * managers); who may read is the case's: a caseworker reads only the
 * complaints of the cases they can read, and nobody a complaint of a case
 * restricted from them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-complaint.h"
#include "scd-actor.h"
#include "scd-case-store.h"
#include "scd-store.h"

G_BEGIN_DECLS

#define SCD_TYPE_COMPLAINT_STORE (scd_complaint_store_get_type ())

G_DECLARE_FINAL_TYPE (ScdComplaintStore, scd_complaint_store, SCD, COMPLAINT_STORE, ScdStore)

/* @cases: whose transaction writes a case's events with its complaint */
ScdComplaintStore *scd_complaint_store_new (ScdDb        *db,
                                            ScdCaseStore *cases);

/* Records @complaint (sc_complaint_create_read): CONFLICT on a reference
 * already used; INVALID_INPUT on case_id for a case there is not (or not
 * for the actor), or the case's rule an event breaks. */
void         scd_complaint_store_create_async (ScdComplaintStore   *self,
                                               const ScdActor      *actor,
                                               const ScComplaint   *complaint,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* Returns: (transfer full): the complaint as recorded */
ScComplaint *scd_complaint_store_create_finish (ScdComplaintStore  *self,
                                                GAsyncResult       *result,
                                                GError            **error);

/* NOT_FOUND for one the actor may not read */
void         scd_complaint_store_get_async    (ScdComplaintStore   *self,
                                               const ScdActor      *actor,
                                               gint64               id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
ScComplaint *scd_complaint_store_get_finish   (ScdComplaintStore   *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* Writes @after (sc_complaint_change_read of @before) if the complaint is
 * still at @if_match, with the case's events it adds: PRECONDITION_FAILED
 * with *@current otherwise, and nothing written. */
void         scd_complaint_store_put_async    (ScdComplaintStore   *self,
                                               const ScdActor      *actor,
                                               const ScComplaint   *before,
                                               const ScComplaint   *after,
                                               gint64               if_match,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* Returns: (transfer full): the complaint as it now is */
ScComplaint *scd_complaint_store_put_finish   (ScdComplaintStore   *self,
                                               GAsyncResult        *result,
                                               gint64              *current,
                                               GError             **error);

/* Which complaints: @status (nullable: any; "open" or "closed"), of
 * @case_id (0: any; -1: the service's), after the cursor (@after_due,
 * SC_DAY_NONE for the first page, and @after_id). */
typedef ScdRecordQuery ScdComplaintQuery;

/* One page, the earliest next deadline first (those with none last). */
void         scd_complaint_store_list_async   (ScdComplaintStore       *self,
                                               const ScdActor          *actor,
                                               const ScdComplaintQuery *query,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data);
/* Returns: (transfer full) (element-type ScComplaint); @next_cursor
 * "YYYY-MM-DD.ID", or NULL on the last page */
GPtrArray   *scd_complaint_store_list_finish  (ScdComplaintStore   *self,
                                               GAsyncResult        *result,
                                               char               **next_cursor,
                                               GError             **error);

G_END_DECLS
