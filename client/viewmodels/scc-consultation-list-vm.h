/* scc-consultation-list-vm.h
 *
 * SccConsultationListVm: the consultations still awaiting their answer
 * (GET /api/v1/consultations) as an SccChaseListVm of SccConsultationRow,
 * the earliest due first: by default only the overdue ones, or every one
 * still awaited; the user's own cases ("me", the default) or the team's.
 * Chasing rows records a reminder sent today for each (one call); their
 * CSV is the same as the server's export, row for row.
 *
 * SccConsultationRow is one consultation as a row shows it: the child,
 * the institution, when it was sent and is due, the days left ("Overdue
 * by 9 days"), the reminders sent, and the case's owner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-consultation.h"

#include "scc-chase-list-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_CONSULTATION_ROW (scc_consultation_row_get_type ())

G_DECLARE_FINAL_TYPE (SccConsultationRow, scc_consultation_row, SCC, CONSULTATION_ROW, GObject)

SccConsultationRow *scc_consultation_row_new            (const ScConsultation *consultation,
                                                         ScDay                 today);
gint64              scc_consultation_row_get_id         (SccConsultationRow   *self);
gint64              scc_consultation_row_get_case_id    (SccConsultationRow   *self);
const char         *scc_consultation_row_get_child_name (SccConsultationRow   *self);
const char         *scc_consultation_row_get_reminders  (SccConsultationRow   *self);
/* Its line of CSV, as sc_consultation_append_csv writes it */
const char         *scc_consultation_row_get_csv        (SccConsultationRow   *self);
/* The cell of the due column: "2 Feb 2026". */
char               *scc_consultation_row_format_due     (gpointer              row);

#define SCC_TYPE_CONSULTATION_LIST_VM (scc_consultation_list_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccConsultationListVm, scc_consultation_list_vm, SCC, CONSULTATION_LIST_VM, SccChaseListVm)

SccConsultationListVm *scc_consultation_list_vm_new         (SccApiClient          *api_client);
/* The CSV of @rows (SccConsultationRow), its header first */
char                  *scc_consultation_rows_dup_csv        (GPtrArray             *rows);
/* Records a reminder sent today for each of @rows, then reads the list
 * again. Returns: what was chased and skipped. */
void                   scc_consultation_list_vm_chase_async  (SccConsultationListVm *self,
                                                              GPtrArray             *rows,
                                                              GCancellable          *cancellable,
                                                              GAsyncReadyCallback    callback,
                                                              gpointer               user_data);
ScConsultationChase   *scc_consultation_list_vm_chase_finish (SccConsultationListVm *self,
                                                              GAsyncResult          *result,
                                                              GError               **error);

/* SccFiguresRow: one institution's consultations as a row shows them:
 * its name and URN, how many consultations, answered, overdue, refused,
 * refusals reversed and agreed, and of those agreed the funding asked and
 * agreed in pounds. SccFiguresListVm: every institution consulted, by URN,
 * a page at a time (GET /api/v1/consultations/institutions). */
#define SCC_TYPE_FIGURES_ROW (scc_figures_row_get_type ())

G_DECLARE_FINAL_TYPE (SccFiguresRow, scc_figures_row, SCC, FIGURES_ROW, GObject)

SccFiguresRow    *scc_figures_row_new          (const ScConsultationStats *stats);
const char       *scc_figures_row_get_name     (SccFiguresRow             *self);
/* The cell of property @name ("refusals", "asked", ...) */
const char       *scc_figures_row_get_cell     (SccFiguresRow             *self,
                                                const char                *name);

#define SCC_TYPE_FIGURES_LIST_VM (scc_figures_list_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccFiguresListVm, scc_figures_list_vm, SCC, FIGURES_LIST_VM, SccListVm)

SccFiguresListVm *scc_figures_list_vm_new      (SccApiClient              *api_client);

G_END_DECLS
