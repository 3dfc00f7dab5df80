/* sc-case-rules.h
 *
 * The rules of one EHC case, on top of the statutory clock: which stage a
 * case is at, whether a new event may be recorded on it, and what a
 * caseworker can record next, with the milestone each step would start and
 * its due date. docs/statutory-clock.md ("A case's stage", "Recording an
 * event") is the contract; the law is in docs/domain.md.
 *
 * An ScCaseHistory is a case's events as recorded, in recording order, each
 * either live or voided: a mistake is corrected by voiding the event, never by
 * deleting it, and a voided event counts for nothing here or on the clock.
 * The daemon's case store fills one from its rows; the client from the
 * case it was sent. Nothing here does I/O or reads the clock: "today" is a
 * parameter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sc-calendar.h"
#include "sc-clock.h"

G_BEGIN_DECLS

typedef enum
{
  SC_CASE_STAGE_NONE,             /* nothing recorded yet */
  SC_CASE_STAGE_REQUESTED,
  SC_CASE_STAGE_ASSESSING,
  SC_CASE_STAGE_DRAFTING,
  SC_CASE_STAGE_FINAL,
  SC_CASE_STAGE_UNDER_REVIEW,
  SC_CASE_STAGE_CEASING,
  SC_CASE_STAGE_CEASED,
  SC_CASE_STAGE_TRANSFERRED_OUT,
  SC_CASE_STAGE_CLOSED,
  SC_N_CASE_STAGES
} ScCaseStage;

typedef struct _ScCaseHistory ScCaseHistory;

/* One milestone a step would start, as the clock computes it. */
typedef struct
{
  ScMilestoneId    id;
  ScMilestoneKind  kind;
  char            *key;    /* owned, nullable */
  ScDay            due;
  const char      *rule;   /* static */
} ScCaseStepMilestone;

/* One thing that may be recorded today. */
typedef struct
{
  ScClockEvent  event;     /* dated today; its key is owned by the step */
  const char   *meaning;   /* static: what recording it means, one sentence */
  const char   *rule;      /* static: the rule that makes it the next step */
  GArray       *starts;    /* of ScCaseStepMilestone, in the clock's order */
  GArray       *meets;     /* of ScCaseStepMilestone: the deadlines it would complete */
} ScCaseStep;

const char     *sc_case_stage_to_string          (ScCaseStage          stage);
const char     *sc_case_stage_get_title          (ScCaseStage          stage);

GType           sc_case_history_get_type         (void) G_GNUC_CONST;
ScCaseHistory  *sc_case_history_new              (void);
ScCaseHistory  *sc_case_history_ref              (ScCaseHistory       *history);
void            sc_case_history_unref            (ScCaseHistory       *history);
void            sc_case_history_set_date_of_birth (ScCaseHistory      *history,
                                                   ScDay               date_of_birth);
gboolean        sc_case_history_add_event        (ScCaseHistory       *history,
                                                  const ScClockEvent  *event,
                                                  GError             **error);
gboolean        sc_case_history_void_event       (ScCaseHistory       *history,
                                                  guint                index,
                                                  GError             **error);
guint           sc_case_history_get_n_events     (const ScCaseHistory *history);
const ScClockEvent *sc_case_history_get_event    (const ScCaseHistory *history,
                                                  guint                index);
gboolean        sc_case_history_is_voided        (const ScCaseHistory *history,
                                                  guint                index);
ScClockInput   *sc_case_history_dup_clock_input  (const ScCaseHistory *history);

ScCaseStage     sc_case_get_stage                (const ScCaseHistory *history);
/* An event a dispute's record writes with itself (a complaint's steps, an
 * appeal's registration, response and orders, a mediation's certificate):
 * recorded through the record, never as an event on its own */
gboolean        sc_event_type_is_kept_by_record       (ScEventType          type);
gboolean        sc_case_check_event              (const ScCaseHistory *history,
                                                  const ScClockEvent  *event,
                                                  ScDay                today,
                                                  GError             **error);
gboolean        sc_case_check_void               (const ScCaseHistory *history,
                                                  guint                index,
                                                  GError             **error);
GPtrArray      *sc_case_next_steps               (const ScCaseHistory *history,
                                                  const ScCalendar    *calendar,
                                                  ScDay                today);
void            sc_case_step_free                (ScCaseStep          *step);

const char     *sc_event_type_explain            (ScEventType          type);
const char     *sc_milestone_explain             (ScMilestoneId        id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCaseHistory, sc_case_history_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCaseStep, sc_case_step_free)

G_END_DECLS
