/* scc-advice-list-vm.h
 *
 * SccAdviceListVm: the advice asked for in assessments and not yet
 * received (GET /api/v1/advice-requests) as an SccListVm of SccAdviceRow,
 * the earliest due first: by default only the overdue ones (past the six
 * weeks of SEND Regulations 2014, reg 8), the chase list, or every request
 * still awaited; the user's own cases ("me", the default) or the team's.
 *
 * SccAdviceRow is one request as a row shows it: the child, who was asked
 * (the event's key in words: "educational_psychology" reads "Educational
 * psychology"), when, when it is due, the days left ("Overdue by 9 days",
 * in words, not only in colour) and the case's owner.
 *
 * scc_advice_rows_dup_chase_text makes the chase list a caseworker pastes
 * into a letter or an email: a heading line, then one line per request,
 * its fields separated by tabs, so a spreadsheet reads it as columns too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-advice-request.h"

#include "scc-chase-list-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_ADVICE_ROW (scc_advice_row_get_type ())

G_DECLARE_FINAL_TYPE (SccAdviceRow, scc_advice_row, SCC, ADVICE_ROW, GObject)

SccAdviceRow *scc_advice_row_new              (const ScAdviceRequest *request,
                                               ScDay                  today);
gint64        scc_advice_row_get_case_id      (SccAdviceRow          *self);
const char   *scc_advice_row_get_child_name   (SccAdviceRow          *self);
const char   *scc_advice_row_get_adviser      (SccAdviceRow          *self);
const char   *scc_advice_row_get_days_left    (SccAdviceRow          *self);
gboolean      scc_advice_row_get_overdue      (SccAdviceRow          *self);
/* The cells of the asked-on and due columns: "2 Feb 2026". */
char         *scc_advice_row_format_requested (gpointer               row);
char         *scc_advice_row_format_due       (gpointer               row);

/* @rows: (element-type SccAdviceRow) */
char         *scc_advice_rows_dup_chase_text  (GPtrArray             *rows);

#define SCC_TYPE_ADVICE_LIST_VM (scc_advice_list_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccAdviceListVm, scc_advice_list_vm, SCC, ADVICE_LIST_VM, SccChaseListVm)

SccAdviceListVm *scc_advice_list_vm_new              (SccApiClient    *api_client);

G_END_DECLS
