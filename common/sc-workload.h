/* sc-workload.h
 *
 * ScWorkload: one member of the team and what they hold, for a team
 * manager's view of the team: their open cases, how many of those have
 * passed their next deadline, and how many are due within the week. Its one
 * JSON codec:
 *
 *   {"owner": {"id": 7, "username": "cw.2", "full_name": "Daniel Hughes"},
 *    "cases": 231, "overdue": 12, "due_this_week": 9}
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-case-event.h"

G_BEGIN_DECLS

/* "Due this week": the next deadline is today or within this many days. */
#define SC_WORKLOAD_SOON_DAYS 7

typedef struct
{
  ScCaseUser *owner;          /* owned */
  guint       cases;          /* open: not ceased, closed or transferred out */
  guint       overdue;
  guint       due_this_week;
} ScWorkload;

/* @owner: (transfer full) */
ScWorkload *sc_workload_new            (ScCaseUser        *owner,
                                        guint              cases,
                                        guint              overdue,
                                        guint              due_this_week);
void        sc_workload_free           (ScWorkload        *workload);
void        sc_workload_write_json     (const ScWorkload  *workload,
                                        ScJsonWriter      *writer);
/* NULL with SC_ERROR_MALFORMED naming the member that is wrong. */
ScWorkload *sc_workload_new_from_json  (JsonNode          *node,
                                        GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScWorkload, sc_workload_free)

G_END_DECLS
