/* scc-caseload-vm.h
 *
 * SccCaseloadVm: a caseload (GET /api/v1/caseload) as an SccListVm of
 * SccCaseRow, the earliest deadline first, filtered by status ("overdue",
 * "due" with a number of days, or all). SccCaseRow is one case as a row
 * shows it: the child's name and age, the stage's title, the next
 * deadline (its milestone's title and date) and the days left, which say
 * "Overdue by N days" in words, not only in colour.
 *
 * The list's query (scc_list_vm_set_query) searches the caseload for a
 * child (a name's start, UPN or NHS number) and the stage narrows it.
 *
 * The caseload is its owner's: "me" (the default), or a user's id, for a
 * team manager looking at a caseworker's; a new owner is a new list. A
 * team's caseload (scc_caseload_vm_new_team: GET /api/v1/deadlines) is
 * every owner's, for a team manager, and its rows name their owner; its
 * counts are the team's (the sum of GET /workload).
 *
 * The counts (open cases, overdue, due within 7 days) are asked of the
 * server in one small call (GET /caseload/counts), so they count the whole
 * caseload, not only what is loaded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-calendar.h"
#include "sc-case.h"

#include "scc-list-vm.h"

G_BEGIN_DECLS

#define SCC_CASELOAD_DUE_SOON_DAYS 7

#define SCC_TYPE_CASE_ROW (scc_case_row_get_type ())

G_DECLARE_FINAL_TYPE (SccCaseRow, scc_case_row, SCC, CASE_ROW, GObject)

SccCaseRow  *scc_case_row_new              (ScCase      *kase,
                                            ScDay        today);
ScCase      *scc_case_row_get_case         (SccCaseRow  *self);
const char  *scc_case_row_get_child_name   (SccCaseRow  *self);
const char  *scc_case_row_get_days_left    (SccCaseRow  *self);
/* The owner's full name, or their username. */
const char  *scc_case_row_get_owner_name   (SccCaseRow  *self);
gboolean     scc_case_row_get_overdue      (SccCaseRow  *self);

/* Today, in the local time of the machine. */
ScDay        scc_case_today                (void);
/* "9 years" for a date of birth (YYYY-MM-DD), "" if it cannot be read. */
char        *scc_case_format_age           (const char  *date_of_birth,
                                            ScDay        today);
/* "Overdue by 3 days", "Due today", "5 days left". */
char        *scc_case_format_days_left     (ScDay        due,
                                            ScDay        today);
/* "25 May 2026" */
char        *scc_case_format_day           (ScDay        day);
const char  *scc_case_stage_title          (const char  *stage);
const char  *scc_case_milestone_title      (const char  *milestone);

typedef enum
{
  SCC_CASELOAD_ALL,
  SCC_CASELOAD_OVERDUE,
  SCC_CASELOAD_DUE_SOON,
} SccCaseloadFilter;

#define SCC_TYPE_CASELOAD_VM (scc_caseload_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccCaseloadVm, scc_caseload_vm, SCC, CASELOAD_VM, SccListVm)

SccCaseloadVm     *scc_caseload_vm_new          (SccApiClient      *api_client);
SccCaseloadVm     *scc_caseload_vm_new_team     (SccApiClient      *api_client);
gboolean           scc_caseload_vm_get_team     (SccCaseloadVm     *self);
SccCaseloadFilter  scc_caseload_vm_get_filter   (SccCaseloadVm     *self);
void               scc_caseload_vm_set_filter   (SccCaseloadVm     *self,
                                                 SccCaseloadFilter  filter);
/* (nullable): only the cases in this stage ("final"); NULL for all */
const char        *scc_caseload_vm_get_stage    (SccCaseloadVm     *self);
void               scc_caseload_vm_set_stage    (SccCaseloadVm     *self,
                                                 const char        *stage);
/* "me" or a user's id; NULL or "" is "me". */
const char        *scc_caseload_vm_get_owner    (SccCaseloadVm     *self);
void               scc_caseload_vm_set_owner    (SccCaseloadVm     *self,
                                                 const char        *owner);
/* Asks the server again for the three counts; -1 until known. */
void               scc_caseload_vm_count        (SccCaseloadVm     *self);
int                scc_caseload_vm_get_n_cases  (SccCaseloadVm     *self);
int                scc_caseload_vm_get_n_overdue (SccCaseloadVm    *self);
int                scc_caseload_vm_get_n_due_soon (SccCaseloadVm   *self);
/* "250 cases · 12 overdue · 9 due in the next 7 days", or "Counting…". */
char              *scc_caseload_vm_dup_counts_text (SccCaseloadVm  *self);

/* The Stage filter's choices: "All Stages", then every stage's title in the
 * order a case goes through them; the stage ("final") at a position, NULL
 * for all. */
char             **scc_caseload_dup_stage_titles (void);
const char        *scc_caseload_stage_at        (guint              position);

G_END_DECLS
