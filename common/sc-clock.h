/* sc-clock.h
 *
 * The statutory clock (docs/statutory-clock.md): a case's dated events in, the
 * statutory milestones that follow from them out, each with its rule, its
 * start event, its due date and whether it was met, plus warnings about
 * histories the law does not expect.
 *
 * An ScClockInput holds the events (built in C with sc_clock_input_add_event
 * or parsed by the JSON codec, sc_clock_input_new_from_data); it is
 * immutable once built and may be shared. sc_clock_result_compute() runs the
 * engine into an ScClockResult, which can be reused for the next case
 * without allocating again: the daemon recomputes a case's clock on every
 * write. The engine does no I/O and reads no clock: "today" is a parameter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "sc-calendar.h"

G_BEGIN_DECLS

/* The most events one case may have; more is a structural error. */
#define SC_CLOCK_MAX_EVENTS 10000

typedef enum
{
  SC_EVENT_REQUEST_RECEIVED,
  SC_EVENT_DECIDED_TO_ASSESS,
  SC_EVENT_DECIDED_NOT_TO_ASSESS,
  SC_EVENT_ADVICE_REQUESTED,
  SC_EVENT_ADVICE_RECEIVED,
  SC_EVENT_DECIDED_NOT_TO_ISSUE,
  SC_EVENT_DRAFT_PLAN_ISSUED,
  SC_EVENT_CONSULTATION_SENT,
  SC_EVENT_CONSULTATION_RESPONSE,
  SC_EVENT_FINAL_PLAN_ISSUED,
  SC_EVENT_EXCEPTION_APPLIED,
  SC_EVENT_REVIEW_MEETING,
  SC_EVENT_REVIEW_REPORT_RECEIVED,
  SC_EVENT_REVIEW_DECISION,
  SC_EVENT_AMENDMENT_NOTICE_ISSUED,
  SC_EVENT_AMENDED_PLAN_ISSUED,
  SC_EVENT_PHASE_TRANSFER_DUE,
  SC_EVENT_CEASE_DECIDED,
  SC_EVENT_PLAN_CEASED,
  SC_EVENT_REASSESSMENT_REQUESTED,
  SC_EVENT_DECIDED_TO_REASSESS,
  SC_EVENT_DECIDED_NOT_TO_REASSESS,
  SC_EVENT_TRANSFER_IN,
  SC_EVENT_TRANSFER_NOTICE_SENT,
  SC_EVENT_MEDIATION_CERTIFICATE_ISSUED,
  SC_EVENT_APPEAL_REGISTERED,
  SC_EVENT_APPEAL_RESPONSE_SENT,
  SC_EVENT_TRIBUNAL_ORDER,
  SC_EVENT_COMPLAINT_RECEIVED,
  SC_EVENT_COMPLAINT_ACKNOWLEDGED,
  SC_EVENT_COMPLAINT_RESPONDED,
  SC_EVENT_COMPLAINT_EXTENDED,
  /* appended, so the values above keep their numbers */
  SC_EVENT_TRANSFER_OUT,
  SC_EVENT_CONSULTATION_WITHDRAWN,
  SC_EVENT_APPEAL_DECIDED,
  SC_N_EVENT_TYPES
} ScEventType;

/* Reg 10(4)(a)-(d) */
typedef enum
{
  SC_EXCEPTION_NONE,
  SC_EXCEPTION_SETTING_CLOSURE,
  SC_EXCEPTION_EARLY_YEARS_CLOSURE,
  SC_EXCEPTION_PERSONAL_CIRCUMSTANCES,
  SC_EXCEPTION_ABSENT_FROM_AREA,
} ScExceptionReason;

typedef enum
{
  SC_OUTCOME_NONE,
  SC_OUTCOME_MAINTAIN,
  SC_OUTCOME_AMEND,
  SC_OUTCOME_CEASE,
} ScReviewOutcome;

typedef enum
{
  SC_ROUTE_NONE,
  SC_ROUTE_SCHOOL,
  SC_ROUTE_POST16,
} ScTransferRoute;

/* Reg 44(2) */
typedef enum
{
  SC_ORDER_NONE,
  SC_ORDER_ASSESS,
  SC_ORDER_REASSESS,
  SC_ORDER_MAKE_PLAN,
  SC_ORDER_AMEND_PROVISION,
  SC_ORDER_AMEND_PLACEMENT,
  SC_ORDER_CONTINUE_PLAN,
  SC_ORDER_CEASE_PLAN,
} ScTribunalOrder;

/* One event. Members an event type does not use are left zero. */
typedef struct
{
  ScEventType        type;
  ScDay              date;
  const char        *key;             /* nullable; copied by add_event */
  ScExceptionReason  reason;          /* exception_applied */
  ScReviewOutcome    outcome;         /* review_decision */
  ScTribunalOrder    order;           /* tribunal_order */
  ScTransferRoute    route;           /* phase_transfer_due */
  int                transfer_year;   /* phase_transfer_due */
  int                stage;           /* complaint_received: 1 or 2 */
  ScDay              last_review;     /* transfer_in, optional */
  gboolean           phase_transfer;  /* amended_plan_issued, optional */
  int                preference_rank; /* consultation_sent, optional: the family's 1st, 2nd ... */
  int                plan_version;    /* consultation_sent, optional: the plan's version sent */
} ScClockEvent;

typedef enum
{
  SC_MILESTONE_ASSESSMENT_DECISION,
  SC_MILESTONE_FINAL_PLAN,
  SC_MILESTONE_ADVICE,
  SC_MILESTONE_NO_PLAN_DECISION,
  SC_MILESTONE_DRAFT_COMMENTS,
  SC_MILESTONE_CONSULTATION_RESPONSE,
  SC_MILESTONE_ANNUAL_REVIEW,
  SC_MILESTONE_REVIEW_REPORT,
  SC_MILESTONE_REVIEW_DECISION,
  SC_MILESTONE_AMENDMENT_COMMENTS,
  SC_MILESTONE_AMENDED_PLAN,
  SC_MILESTONE_PHASE_TRANSFER_PLAN,
  SC_MILESTONE_REASSESSMENT_DECISION,
  SC_MILESTONE_REASSESSMENT_PLAN,
  SC_MILESTONE_TRANSFER_NOTICE,
  SC_MILESTONE_APPEAL_WINDOW,
  SC_MILESTONE_APPEAL_RESPONSE,
  SC_MILESTONE_ORDER_ASSESSMENT_NOTICE,
  SC_MILESTONE_ORDER_DRAFT_PLAN,
  SC_MILESTONE_ORDER_FINAL_PLAN,
  SC_MILESTONE_ORDER_AMENDED_PLAN,
  SC_MILESTONE_COMPLAINT_ACKNOWLEDGEMENT,
  SC_MILESTONE_COMPLAINT_RESPONSE,
  SC_N_MILESTONE_IDS
} ScMilestoneId;

typedef enum
{
  SC_MILESTONE_KIND_DEADLINE,
  SC_MILESTONE_KIND_PERIOD,
} ScMilestoneKind;

typedef enum
{
  SC_STATUS_PENDING,
  SC_STATUS_OVERDUE,
  SC_STATUS_MET,
  SC_STATUS_LATE,
  SC_STATUS_EXCEPTED,
  SC_STATUS_CANCELLED,
  SC_STATUS_OPEN,
  SC_STATUS_CLOSED,
} ScMilestoneStatus;

/* One milestone of a result. Strings are borrowed: @key from the input the
 * result was computed from, @rule from static storage. */
typedef struct
{
  ScMilestoneId      id;
  const char        *key;               /* nullable */
  const char        *rule;
  guint              start_event;       /* index in the input's events */
  ScEventType        start_type;
  ScDay              start_date;
  ScDay              due;
  ScMilestoneStatus  status;
  ScDay              completed_on;      /* SC_DAY_NONE if not completed */
  guint              completed_by;      /* event index, if completed_on is set */
  ScExceptionReason  exception_reason;  /* set only when status is excepted */
  ScDay              exception_date;
} ScMilestone;

typedef enum
{
  /* a completion (or extension) event with no open milestone to act on */
  SC_WARNING_NO_START_EVENT,
  /* final_plan_issued on or before the last day of the draft comment period */
  SC_WARNING_FINAL_BEFORE_COMMENTS_CLOSED,
  /* final_plan_issued with no draft_plan_issued since the previous final plan */
  SC_WARNING_FINAL_WITHOUT_DRAFT,
  /* amended_plan_issued on or before the last day of the amendment comment period */
  SC_WARNING_AMENDED_BEFORE_COMMENTS_CLOSED,
  /* a step before the one the law puts first (see the message) */
  SC_WARNING_OUT_OF_ORDER,
  /* exception_applied when no assessment deadline is open */
  SC_WARNING_EXCEPTION_WITHOUT_DEADLINE,
  /* a deadline that falls before the event that starts it */
  SC_WARNING_DUE_BEFORE_START,
  /* an event dated before the child's date of birth */
  SC_WARNING_BEFORE_BIRTH,
  /* an input member the clock does not read (a typo, or a newer field) */
  SC_WARNING_IGNORED_MEMBER,
} ScClockWarningCode;

/* A warning; its text is built on demand by sc_clock_result_dup_warning_message(). */
typedef struct
{
  ScClockWarningCode  code;
  int                 event_index;     /* -1 for the input as a whole */
  ScMilestoneId       milestone;       /* what the event expected, where it applies */
  ScDay               other_date;      /* where it applies: the date it conflicts with */
  const char         *member;          /* SC_WARNING_IGNORED_MEMBER: the member's name */
  const char         *detail;          /* SC_WARNING_OUT_OF_ORDER: what came too early (static) */
} ScClockWarning;

typedef struct _ScClockInput ScClockInput;
typedef struct _ScClockResult ScClockResult;

/* Names as they appear in JSON */
const char       *sc_event_type_to_string          (ScEventType         type);
gboolean          sc_event_type_from_string        (const char         *text,
                                                    ScEventType        *out);
char             *sc_event_type_dup_members        (ScEventType         type);
const char       *sc_exception_reason_to_string    (ScExceptionReason   reason);
const char       *sc_review_outcome_to_string      (ScReviewOutcome     outcome);
const char       *sc_transfer_route_to_string      (ScTransferRoute     route);
const char       *sc_tribunal_order_to_string      (ScTribunalOrder     order);
const char       *sc_milestone_id_to_string        (ScMilestoneId       id);
const char       *sc_milestone_id_get_title        (ScMilestoneId       id);
/* The title of the milestone named @name, or @name itself */
const char       *sc_milestone_name_get_title      (const char         *name);
ScMilestoneKind   sc_milestone_id_get_kind         (ScMilestoneId       id);
const char       *sc_milestone_kind_to_string      (ScMilestoneKind     kind);
const char       *sc_milestone_status_to_string    (ScMilestoneStatus   status);
const char       *sc_clock_warning_code_to_string  (ScClockWarningCode  code);

GType             sc_clock_input_get_type          (void) G_GNUC_CONST;
ScClockInput     *sc_clock_input_new               (void);
ScClockInput     *sc_clock_input_ref               (ScClockInput       *input);
void              sc_clock_input_unref             (ScClockInput       *input);
void              sc_clock_input_set_date_of_birth (ScClockInput       *input,
                                                    ScDay               date_of_birth);
ScDay             sc_clock_input_get_date_of_birth (const ScClockInput *input);
gboolean          sc_clock_input_add_event         (ScClockInput       *input,
                                                    const ScClockEvent *event,
                                                    GError            **error);
guint             sc_clock_input_get_n_events      (const ScClockInput *input);
const ScClockEvent *sc_clock_input_get_event       (const ScClockInput *input,
                                                    guint               index);

/* The JSON codec (sc-clock-json.c) */
ScClockInput     *sc_clock_input_new_from_data     (const char         *data,
                                                    gssize              length,
                                                    GError            **error);
ScClockInput     *sc_clock_input_new_from_json     (JsonNode           *node,
                                                    GError            **error);
JsonNode         *sc_clock_result_to_json          (const ScClockResult *result);

GType             sc_clock_result_get_type         (void) G_GNUC_CONST;
ScClockResult    *sc_clock_result_new              (void);
ScClockResult    *sc_clock_result_ref              (ScClockResult      *result);
void              sc_clock_result_unref            (ScClockResult      *result);
void              sc_clock_result_compute          (ScClockResult      *result,
                                                    ScClockInput       *input,
                                                    const ScCalendar   *calendar,
                                                    ScDay               today);
ScClockResult    *sc_clock_compute                 (ScClockInput       *input,
                                                    const ScCalendar   *calendar,
                                                    ScDay               today);
ScClockInput     *sc_clock_result_get_input        (const ScClockResult *result);
guint             sc_clock_result_get_n_milestones (const ScClockResult *result);
const ScMilestone *sc_clock_result_get_milestone   (const ScClockResult *result,
                                                    guint               index);
guint             sc_clock_result_get_milestone_slot (const ScClockResult *result,
                                                      guint               index,
                                                      guint               start_position);
guint             sc_clock_result_get_n_warnings   (const ScClockResult *result);
const ScClockWarning *sc_clock_result_get_warning  (const ScClockResult *result,
                                                    guint               index);
char             *sc_clock_result_dup_warning_message (const ScClockResult  *result,
                                                       const ScClockWarning *warning);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScClockInput, sc_clock_input_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScClockResult, sc_clock_result_unref)

G_END_DECLS
