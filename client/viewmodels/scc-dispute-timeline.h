/* scc-dispute-timeline.h
 *
 * A dispute's timeline: every step of a complaint, tribunal appeal or
 * mediation that is done or due, in the order of its day, as its page
 * shows it. A step done is placed on the day it was done (and says if it
 * was late against its deadline); a step not done yet is placed on the
 * day it is due (and is overdue once that day has passed). Only what the
 * record holds is read: its deadlines are those the daemon computed, an
 * order's are the case's clock's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-appeal.h"
#include "sc-complaint.h"
#include "sc-mediation.h"

G_BEGIN_DECLS

typedef enum
{
  SCC_STEP_DONE,        /* done, in time or with no deadline */
  SCC_STEP_DONE_LATE,   /* done after its deadline */
  SCC_STEP_DUE,         /* not done, its deadline still to come */
  SCC_STEP_OVERDUE,     /* not done, its deadline passed */
  SCC_STEP_CANCELLED,   /* no longer due */
  SCC_STEP_SET,         /* a day the tribunal set (evidence, hearing) */
  SCC_STEP_EXCEPTED,    /* late or overdue, but an exception applies (the clock's) */
} SccStepState;

typedef struct
{
  ScDay         day;      /* the day it was done; else the day it is due */
  ScDay         due;      /* SC_DAY_NONE: no deadline */
  SccStepState  state;
  char         *what;     /* owned: "Stage 1 answered" */
  char         *detail;   /* owned, nullable: "Upheld; remedy: an apology" */
} SccTimelineStep;

void        scc_timeline_step_free     (SccTimelineStep   *step);
/* (transfer full): when, in words: "Done 3 December 2026 (due
 * 7 December 2026)", "Due by 14 December 2026",
 * "Overdue: due by 1 December 2026"; a step without a deadline, its day */
char       *scc_timeline_step_dup_when (const SccTimelineStep *step);

/* (element-type SccTimelineStep) (transfer full): @record's steps by day
 * (then as the record has them), seen on @today; @kind is complaint,
 * appeal or mediation and @record an ScComplaint, ScAppeal or
 * ScMediation */
GPtrArray  *scc_dispute_timeline_new   (const char        *kind,
                                        gconstpointer      record,
                                        ScDay              today);

G_END_DECLS
