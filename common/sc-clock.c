/* sc-clock.c
 *
 * The statutory clock engine (docs/statutory-clock.md).
 *
 * The engine walks a case's events in date order (input order for equal
 * dates) once. Each event starts milestones (a deadline or a period, with
 * its due date worked out at once from the calendar), completes the
 * earliest-due open milestone of each kind it completes, cancels, extends
 * or excepts; a completion can only reach milestones started by events
 * already walked, which is how "only events dated on or after the start
 * event complete a deadline" holds. Statuses need "today" and so are set
 * after the walk; the list is then sorted by due date, id and key.
 *
 * Speed matters because the daemon recomputes a case on every write: the
 * walk touches only arrays owned by the result, which keep their memory
 * from one computation to the next, milestones of one id are chained so a
 * completion looks only at its own kind, and every string in the output is
 * either static or borrowed from the input (the result holds a reference).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-clock"

#include "config.h"

#include <string.h>

#include "sc-clock-private.h"
#include "sc-error.h"
#include "sc-problem.h"

/* The rule each milestone cites: never empty (docs/statutory-clock.md). */

#define REGS "SEND Regulations 2014, "
#define HESC "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, "
#define LGSCO "LGSCO Complaint Handling Code: "

static const char rule_assessment_decision[] = REGS "reg 5(1)";
static const char rule_final_plan[] = REGS "reg 13(2)";
static const char rule_advice[] = REGS "reg 8(1)";
static const char rule_no_plan_decision[] = REGS "reg 10(1)";
static const char rule_draft_comments[] = REGS "reg 13(1)";
static const char rule_consultation[] =
  "Children and Families Act 2014, s39(2); SEND Code of Practice 2015, chapter 9 (guidance)";
static const char rule_annual_review[] = "Children and Families Act 2014, s44(1)";
static const char rule_annual_review_transfer[] = REGS "reg 15(5)";
static const char rule_annual_review_under_five[] = "CoP 9.178 (advisory)";
static const char rule_review_report[] = REGS "reg 20";
static const char rule_review_decision[] = REGS "reg 20";
static const char rule_amendment_comments[] = REGS "reg 22(2)";
static const char rule_amended_plan[] = REGS "reg 22(3)";
static const char rule_phase_transfer_school[] = REGS "reg 18(1)(b)";
static const char rule_phase_transfer_post16[] = REGS "reg 18(1)(a)";
static const char rule_reassessment_decision[] = REGS "reg 25";
static const char rule_reassessment_plan[] = REGS "reg 27(2)";
static const char rule_transfer_notice[] = REGS "reg 15(4)";
static const char rule_appeal_window[] = HESC "r20: 2 months from the decision";
static const char rule_appeal_window_mediation[] =
  HESC "r20; Children and Families Act 2014, s55: 1 month from the mediation certificate";
static const char rule_appeal_response[] = HESC "r21: 30 tribunal working days";
static const char rule_order[] = REGS "reg 44(2)";
static const char rule_order_amend_provision[] = REGS "reg 44(2)(e)";
static const char rule_order_amend_placement[] = REGS "reg 44(2)(f)";
static const char rule_complaint_acknowledgement[] = LGSCO "acknowledge within 5 working days";
static const char rule_complaint_response_1[] = LGSCO "stage 1 response within 10 working days";
static const char rule_complaint_response_2[] = LGSCO "stage 2 response within 20 working days";
static const char rule_complaint_response_1_extended[] =
  LGSCO "stage 1 response within 10 working days, extended by 10 working days";
static const char rule_complaint_response_2_extended[] =
  LGSCO "stage 2 response within 20 working days, extended by 20 working days";



/* The engine. */

typedef struct
{
  ScClockResult       *result;
  const ScClockInput  *input;
  const ScCalendar    *calendar;
  int                  first[SC_N_MILESTONE_IDS];   /* chains of each id */
  int                  last[SC_N_MILESTONE_IDS];
  /* the event being walked */
  guint                index;
  const ScClockEvent  *event;
  /* the latest draft's comment period since the last final plan, and the
   * latest amendment notice's since the last amended plan (-1: none) */
  int                  draft_comments;
  int                  amendment_comments;
  gboolean             cease_decided;
  ScDay                fifth_birthday;   /* SC_DAY_NONE when the date of birth is unknown */
} Engine;

/* The next milestone of the same id, in creation order, or -1. */
#define NEXT_OF_ID(engine, i) (milestone_at ((engine), (i))->next_same_id)

static inline ScMilestoneState *
milestone_at (Engine *engine,
              int     index)
{
  return &g_array_index (engine->result->milestones, ScMilestoneState, index);
}

static inline gboolean
is_open (const ScMilestoneState *m)
{
  return !m->cancelled && m->pub.completed_on == SC_DAY_NONE;
}

/* A warning about the event being walked. */
static void
warn (Engine             *engine,
      ScClockWarningCode  code,
      ScMilestoneId       milestone,
      ScDay               other_date,
      const char         *detail)
{
  ScClockWarning warning = {
    .code = code,
    .event_index = (int) engine->index,
    .milestone = milestone,
    .other_date = other_date,
    .detail = detail,
  };

  g_array_append_val (engine->result->warnings, warning);
}

/* A new milestone started by event @event_index; returns its index. */
static int
start_from (Engine             *engine,
            ScMilestoneId       id,
            guint               event_index,
            const ScClockEvent *event,
            const char         *key,
            ScDay               due,
            const char         *rule)
{
  GArray *milestones = engine->result->milestones;
  int index = (int) milestones->len;
  ScMilestoneState m = {
    .pub = {
      .id = id,
      .key = key,
      .rule = rule,
      .start_event = event_index,
      .start_type = event->type,
      .start_date = event->date,
      .due = due,
    },
    .seq = (guint) index,
    .next_same_id = -1,
    .peer = -1,
  };

  g_array_append_val (milestones, m);
  if (engine->last[id] >= 0)
    milestone_at (engine, engine->last[id])->next_same_id = index;
  else
    engine->first[id] = index;
  engine->last[id] = index;
  return index;
}

/* A new milestone started by the event being walked. */
static int
start (Engine        *engine,
       ScMilestoneId  id,
       const char    *key,
       ScDay          due,
       const char    *rule)
{
  return start_from (engine, id, engine->index, engine->event, key, due, rule);
}

/* The earliest-due open milestone of @id whose key is @key (any key when
 * @key is NULL) and, for order_final_plan, whose order is in @orders (a
 * bit mask of ScTribunalOrder; 0 for any). */
static int
find_open (Engine        *engine,
           ScMilestoneId  id,
           const char    *key,
           guint          orders)
{
  int best = -1;

  for (int i = engine->first[id]; i >= 0; i = NEXT_OF_ID (engine, i))
    {
      ScMilestoneState *m = milestone_at (engine, i);

      if (!is_open (m))
        continue;
      if (key != NULL && g_strcmp0 (m->pub.key, key) != 0)
        continue;
      if (orders != 0 && !(orders & (1u << m->order)))
        continue;
      if (best < 0 || m->pub.due < milestone_at (engine, best)->pub.due)
        best = i;
    }
  return best;
}

/* Completes the earliest-due open milestone of @id (see find_open) with
 * the event being walked. */
static gboolean
complete (Engine        *engine,
          ScMilestoneId  id,
          const char    *key,
          guint          orders)
{
  int i = find_open (engine, id, key, orders);
  ScMilestoneState *m;

  if (i < 0)
    return FALSE;
  m = milestone_at (engine, i);
  m->pub.completed_on = engine->event->date;
  m->pub.completed_by = engine->index;
  return TRUE;
}

static void
except (ScMilestoneState       *m,
        const ScClockException *exception)
{
  if (m->excepted)
    return;   /* the first exception that applied is the one shown */
  m->excepted = TRUE;
  m->pub.exception_reason = exception->reason;
  m->pub.exception_date = exception->date;
}

static gboolean
is_under_five (Engine *engine,
               ScDay   day)
{
  return engine->fifth_birthday != SC_DAY_NONE && day < engine->fifth_birthday;
}

/* There is one review clock: a new plan, a review decision or a transfer
 * sets it again, so a review still open from before is moot. */
static void
start_annual_review (Engine     *engine,
                     ScDay       due,
                     const char *rule)
{
  ScDay d = engine->event->date;

  for (int i = engine->first[SC_MILESTONE_ANNUAL_REVIEW]; i >= 0; i = NEXT_OF_ID (engine, i))
    {
      ScMilestoneState *m = milestone_at (engine, i);

      if (is_open (m))
        m->cancelled = TRUE;
    }
  if (is_under_five (engine, d))
    {
      due = sc_day_add_months (d, 6);
      rule = rule_annual_review_under_five;
    }
  start (engine, SC_MILESTONE_ANNUAL_REVIEW, NULL, due, rule);
}

/* key: the decision's event type; 2 months from the decision */
static void
open_appeal_window (Engine *engine)
{
  start (engine, SC_MILESTONE_APPEAL_WINDOW, sc_event_type_to_string (engine->event->type),
         sc_day_add_months (engine->event->date, 2), rule_appeal_window);
}

/* The final_plan of the earliest open request, warning when its request
 * has no decision to assess yet. */
static int
open_final_plan_checked (Engine *engine)
{
  int f = find_open (engine, SC_MILESTONE_FINAL_PLAN, NULL, 0);

  if (f >= 0)
    {
      int peer = milestone_at (engine, f)->peer;

      if (peer >= 0 && is_open (milestone_at (engine, peer)))
        warn (engine, SC_WARNING_OUT_OF_ORDER, SC_MILESTONE_ASSESSMENT_DECISION,
              milestone_at (engine, peer)->pub.start_date, "the decision to assess");
    }
  return f;
}

/* Reg 44(2): the deadlines an order starts, each with the order's key. */
static void
start_tribunal_order (Engine *engine)
{
  const ScClockEvent *event = engine->event;
  const char *key = event->key;
  ScDay d = event->date;
  int i;

  switch (event->order)
    {
    case SC_ORDER_ASSESS:
    case SC_ORDER_REASSESS:
      start (engine, SC_MILESTONE_ORDER_ASSESSMENT_NOTICE, key, d + 2 * 7, rule_order);
      i = start (engine, SC_MILESTONE_ORDER_FINAL_PLAN, key, d + 14 * 7, rule_order);
      milestone_at (engine, i)->order = event->order;
      break;
    case SC_ORDER_MAKE_PLAN:
      start (engine, SC_MILESTONE_ORDER_DRAFT_PLAN, key, d + 5 * 7, rule_order);
      i = start (engine, SC_MILESTONE_ORDER_FINAL_PLAN, key, d + 11 * 7, rule_order);
      milestone_at (engine, i)->order = event->order;
      break;
    case SC_ORDER_AMEND_PROVISION:
      start (engine, SC_MILESTONE_ORDER_AMENDED_PLAN, key, d + 5 * 7, rule_order_amend_provision);
      break;
    case SC_ORDER_AMEND_PLACEMENT:
      start (engine, SC_MILESTONE_ORDER_AMENDED_PLAN, key, d + 2 * 7, rule_order_amend_placement);
      break;
    case SC_ORDER_CONTINUE_PLAN:
    case SC_ORDER_CEASE_PLAN:
    case SC_ORDER_NONE:
    default:
      break;   /* effective at once: nothing to wait for */
    }
}

/* decided_not_to_issue: records no_plan_decision (16 weeks from the
 * request of the earliest open final_plan) completed today, and cancels
 * that final_plan. Returns whether there was one. */
static gboolean
record_no_plan_decision (Engine *engine)
{
  int f = open_final_plan_checked (engine);
  guint request_index;
  const ScClockEvent *request;
  GArray *exceptions = engine->result->exceptions;
  ScMilestoneState *m;
  int n;

  if (f < 0)
    return FALSE;
  milestone_at (engine, f)->cancelled = TRUE;
  request_index = milestone_at (engine, f)->pub.start_event;
  request = &g_array_index (engine->input->events, ScClockEvent, request_index);

  n = start_from (engine, SC_MILESTONE_NO_PLAN_DECISION, request_index, request, NULL,
                  request->date + 16 * 7, rule_no_plan_decision);
  m = milestone_at (engine, n);
  m->pub.completed_on = engine->event->date;
  m->pub.completed_by = engine->index;
  /* it was open from the request until now: an exception walked since the
   * request applied to it */
  for (guint e = 0; e < exceptions->len; e++)
    {
      const ScClockException *exception = &g_array_index (exceptions, ScClockException, e);

      if (exception->date >= request->date)
        {
          except (m, exception);
          break;
        }
    }
  return TRUE;
}

/* exception_applied: every assessment_decision, final_plan and
 * no_plan_decision open now takes the exception, which shows if it ends
 * late or overdue. */
static void
apply_exception (Engine *engine)
{
  static const ScMilestoneId excepted_ids[] = {
    SC_MILESTONE_ASSESSMENT_DECISION, SC_MILESTONE_FINAL_PLAN, SC_MILESTONE_NO_PLAN_DECISION,
  };
  ScClockException exception = { engine->event->date, engine->event->reason };
  gboolean applied = FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (excepted_ids); k++)
    for (int i = engine->first[excepted_ids[k]]; i >= 0; i = NEXT_OF_ID (engine, i))
      {
        ScMilestoneState *m = milestone_at (engine, i);

        if (is_open (m))
          {
            except (m, &exception);
            applied = TRUE;
          }
      }
  /* no_plan_decision is recorded only when the decision comes */
  g_array_append_val (engine->result->exceptions, exception);
  if (!applied)
    warn (engine, SC_WARNING_EXCEPTION_WITHOUT_DEADLINE, SC_MILESTONE_FINAL_PLAN, SC_DAY_NONE,
          NULL);
}

/* mediation_certificate_issued: every appeal_window open on this date ends
 * on the later of its end and this date + 1 month. */
static gboolean
extend_appeal_windows (Engine *engine)
{
  ScDay d = engine->event->date;
  ScDay month_later = sc_day_add_months (d, 1);
  gboolean any = FALSE;

  for (int i = engine->first[SC_MILESTONE_APPEAL_WINDOW]; i >= 0; i = NEXT_OF_ID (engine, i))
    {
      ScMilestoneState *m = milestone_at (engine, i);

      if (d > m->pub.due)
        continue;   /* closed on the certificate's date */
      any = TRUE;
      if (month_later > m->pub.due)
        {
          m->pub.due = month_later;
          m->pub.rule = rule_appeal_window_mediation;
        }
    }
  return any;
}

/* complaint_extended: another 10 (stage 1) or 20 (stage 2) working days. */
static gboolean
extend_complaint (Engine *engine)
{
  int i = find_open (engine, SC_MILESTONE_COMPLAINT_RESPONSE, engine->event->key, 0);
  ScMilestoneState *m;
  gboolean stage2;

  if (i < 0)
    return FALSE;
  m = milestone_at (engine, i);
  stage2 = m->stage == 2;
  m->pub.due = sc_calendar_add_working_days (engine->calendar, m->pub.due, stage2 ? 20 : 10);
  m->pub.rule = stage2 ? rule_complaint_response_2_extended : rule_complaint_response_1_extended;
  return TRUE;
}

/* One event: what it starts, completes, cancels, extends or excepts. */
static void
walk_event (Engine *engine,
            guint   event_index)
{
  const ScClockEvent *event = &g_array_index (engine->input->events, ScClockEvent, event_index);
  const ScCalendar *calendar = engine->calendar;
  ScDay d = event->date;
  /* a completion event that completes nothing gets no_start_event, naming
   * what it expected */
  gboolean completion = TRUE;
  gboolean done = FALSE;
  ScMilestoneId expected = SC_MILESTONE_ASSESSMENT_DECISION;
  int i;

  engine->index = event_index;
  engine->event = event;
  if (engine->input->date_of_birth != SC_DAY_NONE && d < engine->input->date_of_birth)
    warn (engine, SC_WARNING_BEFORE_BIRTH, 0, engine->input->date_of_birth, NULL);

  switch (event->type)
    {
    case SC_EVENT_REQUEST_RECEIVED:
      completion = FALSE;
      {
        /* 6 and 20 weeks from Day 1, the day the request arrives */
        int a = start (engine, SC_MILESTONE_ASSESSMENT_DECISION, NULL, d + 6 * 7,
                       rule_assessment_decision);
        int f = start (engine, SC_MILESTONE_FINAL_PLAN, NULL, d + 20 * 7, rule_final_plan);

        milestone_at (engine, f)->peer = a;
      }
      break;

    case SC_EVENT_DECIDED_TO_ASSESS:
      done |= complete (engine, SC_MILESTONE_ASSESSMENT_DECISION, NULL, 0);
      done |= complete (engine, SC_MILESTONE_ORDER_ASSESSMENT_NOTICE, NULL, 0);
      break;

    case SC_EVENT_DECIDED_NOT_TO_ASSESS:
      done = complete (engine, SC_MILESTONE_ASSESSMENT_DECISION, NULL, 0);
      if ((i = find_open (engine, SC_MILESTONE_FINAL_PLAN, NULL, 0)) >= 0)
        milestone_at (engine, i)->cancelled = TRUE;
      open_appeal_window (engine);
      break;

    case SC_EVENT_ADVICE_REQUESTED:
      completion = FALSE;
      start (engine, SC_MILESTONE_ADVICE, event->key, d + 6 * 7, rule_advice);
      break;

    case SC_EVENT_ADVICE_RECEIVED:
      expected = SC_MILESTONE_ADVICE;
      done = complete (engine, SC_MILESTONE_ADVICE, event->key, 0);
      break;

    case SC_EVENT_DECIDED_NOT_TO_ISSUE:
      expected = SC_MILESTONE_FINAL_PLAN;
      done |= record_no_plan_decision (engine);
      done |= complete (engine, SC_MILESTONE_ORDER_FINAL_PLAN, NULL,
                        (1u << SC_ORDER_ASSESS) | (1u << SC_ORDER_REASSESS));
      open_appeal_window (engine);
      break;

    case SC_EVENT_DRAFT_PLAN_ISSUED:
      completion = FALSE;
      open_final_plan_checked (engine);
      /* 15 days beginning with the day served: the draft's day is day 1 */
      engine->draft_comments = start (engine, SC_MILESTONE_DRAFT_COMMENTS, NULL, d + 15 - 1,
                                      rule_draft_comments);
      complete (engine, SC_MILESTONE_ORDER_DRAFT_PLAN, NULL, 0);
      break;

    case SC_EVENT_CONSULTATION_SENT:
      completion = FALSE;
      start (engine, SC_MILESTONE_CONSULTATION_RESPONSE, event->key, d + 15, rule_consultation);
      break;

    case SC_EVENT_CONSULTATION_RESPONSE:
      expected = SC_MILESTONE_CONSULTATION_RESPONSE;
      done = complete (engine, SC_MILESTONE_CONSULTATION_RESPONSE, event->key, 0);
      break;

    case SC_EVENT_CONSULTATION_WITHDRAWN:
      /* the authority no longer asks: the answer is no longer awaited */
      expected = SC_MILESTONE_CONSULTATION_RESPONSE;
      i = find_open (engine, SC_MILESTONE_CONSULTATION_RESPONSE, event->key, 0);
      if (i >= 0)
        milestone_at (engine, i)->cancelled = TRUE;
      done = i >= 0;
      break;

    case SC_EVENT_FINAL_PLAN_ISSUED:
      expected = SC_MILESTONE_FINAL_PLAN;
      if (engine->draft_comments < 0)
        warn (engine, SC_WARNING_FINAL_WITHOUT_DRAFT, SC_MILESTONE_DRAFT_COMMENTS, SC_DAY_NONE,
              NULL);
      else if (d <= milestone_at (engine, engine->draft_comments)->pub.due)
        warn (engine, SC_WARNING_FINAL_BEFORE_COMMENTS_CLOSED, SC_MILESTONE_DRAFT_COMMENTS,
              milestone_at (engine, engine->draft_comments)->pub.due, NULL);
      engine->draft_comments = -1;
      if (open_final_plan_checked (engine) >= 0)
        done |= complete (engine, SC_MILESTONE_FINAL_PLAN, NULL, 0);
      done |= complete (engine, SC_MILESTONE_REASSESSMENT_PLAN, NULL, 0);
      done |= complete (engine, SC_MILESTONE_ORDER_FINAL_PLAN, NULL, 0);
      start_annual_review (engine, sc_day_add_months (d, 12), rule_annual_review);
      open_appeal_window (engine);
      break;

    case SC_EVENT_EXCEPTION_APPLIED:
      completion = FALSE;
      apply_exception (engine);
      break;

    case SC_EVENT_REVIEW_MEETING:
      expected = SC_MILESTONE_ANNUAL_REVIEW;
      done = complete (engine, SC_MILESTONE_ANNUAL_REVIEW, NULL, 0);
      start (engine, SC_MILESTONE_REVIEW_REPORT, NULL, d + 2 * 7, rule_review_report);
      start (engine, SC_MILESTONE_REVIEW_DECISION, NULL, d + 4 * 7, rule_review_decision);
      break;

    case SC_EVENT_REVIEW_REPORT_RECEIVED:
      expected = SC_MILESTONE_REVIEW_REPORT;
      done = complete (engine, SC_MILESTONE_REVIEW_REPORT, NULL, 0);
      break;

    case SC_EVENT_REVIEW_DECISION:
      expected = SC_MILESTONE_REVIEW_DECISION;
      done = complete (engine, SC_MILESTONE_REVIEW_DECISION, NULL, 0);
      start_annual_review (engine, sc_day_add_months (d, 12), rule_annual_review);
      if (event->outcome == SC_OUTCOME_MAINTAIN || event->outcome == SC_OUTCOME_CEASE)
        open_appeal_window (engine);
      break;

    case SC_EVENT_AMENDMENT_NOTICE_ISSUED:
      completion = FALSE;
      engine->amendment_comments = start (engine, SC_MILESTONE_AMENDMENT_COMMENTS, NULL, d + 15 - 1,
                                          rule_amendment_comments);
      start (engine, SC_MILESTONE_AMENDED_PLAN, NULL, d + 8 * 7, rule_amended_plan);
      break;

    case SC_EVENT_AMENDED_PLAN_ISSUED:
      expected = SC_MILESTONE_AMENDED_PLAN;
      if (engine->amendment_comments >= 0 &&
          d <= milestone_at (engine, engine->amendment_comments)->pub.due)
        warn (engine, SC_WARNING_AMENDED_BEFORE_COMMENTS_CLOSED, SC_MILESTONE_AMENDMENT_COMMENTS,
              milestone_at (engine, engine->amendment_comments)->pub.due, NULL);
      engine->amendment_comments = -1;
      done |= complete (engine, SC_MILESTONE_AMENDED_PLAN, NULL, 0);
      done |= complete (engine, SC_MILESTONE_ORDER_AMENDED_PLAN, NULL, 0);
      done |= complete (engine, SC_MILESTONE_REASSESSMENT_PLAN, NULL, 0);
      if (event->phase_transfer)
        done |= complete (engine, SC_MILESTONE_PHASE_TRANSFER_PLAN, NULL, 0);
      open_appeal_window (engine);
      break;

    case SC_EVENT_PHASE_TRANSFER_DUE:
      completion = FALSE;
      {
        gboolean school = event->route == SC_ROUTE_SCHOOL;
        ScDay due = school ? sc_day_from_ymd (event->transfer_year, 2, 15)
                           : sc_day_from_ymd (event->transfer_year, 3, 31);

        start (engine, SC_MILESTONE_PHASE_TRANSFER_PLAN, NULL, due,
               school ? rule_phase_transfer_school : rule_phase_transfer_post16);
        if (due < d)
          warn (engine, SC_WARNING_DUE_BEFORE_START, SC_MILESTONE_PHASE_TRANSFER_PLAN, due, NULL);
      }
      break;

    case SC_EVENT_CEASE_DECIDED:
      completion = FALSE;
      engine->cease_decided = TRUE;
      open_appeal_window (engine);
      break;

    case SC_EVENT_PLAN_CEASED:
    case SC_EVENT_TRANSFER_OUT:
      completion = FALSE;
      /* a plan that moves to another authority needs no decision to cease:
       * the new authority maintains it from now on (reg 15) */
      if (event->type == SC_EVENT_PLAN_CEASED && !engine->cease_decided)
        warn (engine, SC_WARNING_OUT_OF_ORDER, 0, SC_DAY_NONE, "any cease_decided");
      for (guint k = 0; k < engine->result->milestones->len; k++)
        {
          ScMilestoneState *m = milestone_at (engine, (int) k);

          if (sc_milestone_id_get_kind (m->pub.id) == SC_MILESTONE_KIND_DEADLINE && is_open (m))
            m->cancelled = TRUE;
        }
      break;

    case SC_EVENT_REASSESSMENT_REQUESTED:
      completion = FALSE;
      start (engine, SC_MILESTONE_REASSESSMENT_DECISION, NULL, d + 15, rule_reassessment_decision);
      break;

    case SC_EVENT_DECIDED_TO_REASSESS:
      expected = SC_MILESTONE_REASSESSMENT_DECISION;
      done |= complete (engine, SC_MILESTONE_REASSESSMENT_DECISION, NULL, 0);
      done |= complete (engine, SC_MILESTONE_ORDER_ASSESSMENT_NOTICE, NULL, 0);
      start (engine, SC_MILESTONE_REASSESSMENT_PLAN, NULL, d + 14 * 7, rule_reassessment_plan);
      break;

    case SC_EVENT_DECIDED_NOT_TO_REASSESS:
      expected = SC_MILESTONE_REASSESSMENT_DECISION;
      done = complete (engine, SC_MILESTONE_REASSESSMENT_DECISION, NULL, 0);
      open_appeal_window (engine);
      break;

    case SC_EVENT_TRANSFER_IN:
      completion = FALSE;
      {
        /* reg 15(5): the later of last review + 12 months and transfer + 3 months */
        ScDay due = sc_day_add_months (d, 3);

        if (event->last_review != SC_DAY_NONE)
          due = MAX (due, sc_day_add_months (event->last_review, 12));
        start (engine, SC_MILESTONE_TRANSFER_NOTICE, NULL, d + 6 * 7, rule_transfer_notice);
        start_annual_review (engine, due, rule_annual_review_transfer);
      }
      break;

    case SC_EVENT_TRANSFER_NOTICE_SENT:
      expected = SC_MILESTONE_TRANSFER_NOTICE;
      done = complete (engine, SC_MILESTONE_TRANSFER_NOTICE, NULL, 0);
      break;

    case SC_EVENT_MEDIATION_CERTIFICATE_ISSUED:
      expected = SC_MILESTONE_APPEAL_WINDOW;
      done = extend_appeal_windows (engine);
      break;

    case SC_EVENT_APPEAL_REGISTERED:
      completion = FALSE;
      start (engine, SC_MILESTONE_APPEAL_RESPONSE, event->key,
             sc_calendar_add_tribunal_working_days (calendar, d, 30), rule_appeal_response);
      break;

    case SC_EVENT_APPEAL_RESPONSE_SENT:
      expected = SC_MILESTONE_APPEAL_RESPONSE;
      done = complete (engine, SC_MILESTONE_APPEAL_RESPONSE, event->key, 0);
      break;

    case SC_EVENT_APPEAL_DECIDED:
      /* decided before the response was lodged: it is no longer due */
      completion = FALSE;
      i = find_open (engine, SC_MILESTONE_APPEAL_RESPONSE, event->key, 0);
      if (i >= 0)
        milestone_at (engine, i)->cancelled = TRUE;
      break;

    case SC_EVENT_TRIBUNAL_ORDER:
      completion = FALSE;
      start_tribunal_order (engine);
      break;

    case SC_EVENT_COMPLAINT_RECEIVED:
      completion = FALSE;
      start (engine, SC_MILESTONE_COMPLAINT_ACKNOWLEDGEMENT, event->key,
             sc_calendar_add_working_days (calendar, d, 5), rule_complaint_acknowledgement);
      i = start (engine, SC_MILESTONE_COMPLAINT_RESPONSE, event->key,
                 sc_calendar_add_working_days (calendar, d, event->stage == 2 ? 20 : 10),
                 event->stage == 2 ? rule_complaint_response_2 : rule_complaint_response_1);
      milestone_at (engine, i)->stage = (guint8) event->stage;
      break;

    case SC_EVENT_COMPLAINT_ACKNOWLEDGED:
      expected = SC_MILESTONE_COMPLAINT_ACKNOWLEDGEMENT;
      done = complete (engine, SC_MILESTONE_COMPLAINT_ACKNOWLEDGEMENT, event->key, 0);
      break;

    case SC_EVENT_COMPLAINT_RESPONDED:
      expected = SC_MILESTONE_COMPLAINT_RESPONSE;
      done = complete (engine, SC_MILESTONE_COMPLAINT_RESPONSE, event->key, 0);
      break;

    case SC_EVENT_COMPLAINT_EXTENDED:
      expected = SC_MILESTONE_COMPLAINT_RESPONSE;
      done = extend_complaint (engine);
      break;

    case SC_N_EVENT_TYPES:
    default:
      g_assert_not_reached ();
    }

  if (completion && !done)
    warn (engine, SC_WARNING_NO_START_EVENT, expected, SC_DAY_NONE, NULL);
}

static void
set_status (ScMilestoneState *m,
            ScDay      today)
{
  ScMilestone *p = &m->pub;
  gboolean late_or_overdue;

  if (sc_milestone_id_get_kind (p->id) == SC_MILESTONE_KIND_PERIOD)
    {
      p->status = today > p->due ? SC_STATUS_CLOSED : SC_STATUS_OPEN;
      p->exception_reason = SC_EXCEPTION_NONE;
      p->exception_date = SC_DAY_NONE;
      return;
    }

  if (m->cancelled)
    {
      p->status = SC_STATUS_CANCELLED;
      late_or_overdue = FALSE;
    }
  else if (p->completed_on != SC_DAY_NONE)
    {
      late_or_overdue = p->completed_on > p->due;
      p->status = late_or_overdue ? SC_STATUS_LATE : SC_STATUS_MET;
    }
  else
    {
      late_or_overdue = p->due < today;
      p->status = late_or_overdue ? SC_STATUS_OVERDUE : SC_STATUS_PENDING;
    }

  if (late_or_overdue && m->excepted)
    p->status = SC_STATUS_EXCEPTED;
  if (p->status != SC_STATUS_EXCEPTED)
    {
      p->exception_reason = SC_EXCEPTION_NONE;
      p->exception_date = SC_DAY_NONE;
    }
}

/* due, then id (by name), then key (null first), then creation order */
static int
compare_milestones (const ScMilestoneState *a,
                    const ScMilestoneState *b)
{
  int c;

  if (a->pub.due != b->pub.due)
    return a->pub.due < b->pub.due ? -1 : 1;
  if (a->pub.id != b->pub.id)
    return strcmp (sc_milestone_id_to_string (a->pub.id), sc_milestone_id_to_string (b->pub.id));
  if (a->pub.key != b->pub.key)
    {
      if (a->pub.key == NULL)
        return -1;
      if (b->pub.key == NULL)
        return 1;
      if ((c = strcmp (a->pub.key, b->pub.key)) != 0)
        return c;
    }
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int
compare_milestones_cb (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  return compare_milestones (a, b);
}

static int
compare_events_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const ScClockInput *input = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;
  ScDay da = g_array_index (input->events, ScClockEvent, ia).date;
  ScDay db = g_array_index (input->events, ScClockEvent, ib).date;

  if (da != db)
    return da < db ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* Short arrays (a case's usual 10-30 events) sort fastest by insertion,
 * without the merge sort's scratch allocation. */
#define INSERTION_SORT_MAX 48

static void
sort_event_order (GArray             *order,
                  const ScClockInput *input)
{
  guint *items = (guint *) (gpointer) order->data;

  if (order->len > INSERTION_SORT_MAX)
    {
      g_qsort_with_data (items, order->len, sizeof (guint), compare_events_cb, (gpointer) input);
      return;
    }
  for (guint i = 1; i < order->len; i++)
    {
      guint item = items[i];
      ScDay date = g_array_index (input->events, ScClockEvent, item).date;
      guint j = i;

      /* input indices only grow, so comparing dates keeps input order */
      while (j > 0 && g_array_index (input->events, ScClockEvent, items[j - 1]).date > date)
        {
          items[j] = items[j - 1];
          j--;
        }
      items[j] = item;
    }
}

static void
sort_milestones (GArray *milestones)
{
  ScMilestoneState *items = (ScMilestoneState *) (gpointer) milestones->data;

  if (milestones->len > INSERTION_SORT_MAX)
    {
      g_qsort_with_data (items, milestones->len, sizeof (ScMilestoneState), compare_milestones_cb,
                         NULL);
      return;
    }
  for (guint i = 1; i < milestones->len; i++)
    {
      ScMilestoneState item = items[i];
      guint j = i;

      while (j > 0 && compare_milestones (&items[j - 1], &item) > 0)
        {
          items[j] = items[j - 1];
          j--;
        }
      items[j] = item;
    }
}

/* The fifth birthday; someone born on 29 February has it on 1 March in a
 * common year (docs/statutory-clock.md). */
static ScDay
fifth_birthday (ScDay date_of_birth)
{
  int year, month, mday;
  ScDay day;

  if (date_of_birth == SC_DAY_NONE)
    return SC_DAY_NONE;
  sc_day_to_ymd (date_of_birth, &year, &month, &mday);
  day = sc_day_from_ymd (year + 5, month, mday);
  if (day == SC_DAY_NONE)
    day = sc_day_from_ymd (year + 5, 3, 1);
  return day;
}

/**
 * sc_clock_result_compute:
 * @result: a result; whatever it held is replaced
 * @input: the case's events; @result keeps a reference
 * @calendar: (nullable): the calendar, or %NULL for sc_calendar_get_default()
 * @today: the day that decides pending against overdue and open against closed
 *
 * Runs the clock. It cannot fail: every input that sc_clock_input_add_event()
 * or the JSON codec accepted has a clock, and oddities become warnings.
 */
void
sc_clock_result_compute (ScClockResult    *result,
                         ScClockInput     *input,
                         const ScCalendar *calendar,
                         ScDay             today)
{
  Engine engine;

  g_return_if_fail (result != NULL);
  g_return_if_fail (input != NULL);
  g_return_if_fail (today != SC_DAY_NONE);

  if (result->input != input)
    {
      g_clear_pointer (&result->input, sc_clock_input_unref);
      result->input = sc_clock_input_ref (input);
    }
  g_array_set_size (result->milestones, 0);
  g_array_set_size (result->warnings, 0);
  g_array_set_size (result->exceptions, 0);

  engine.result = result;
  engine.input = input;
  engine.calendar = calendar != NULL ? calendar : sc_calendar_get_default ();
  for (guint i = 0; i < SC_N_MILESTONE_IDS; i++)
    engine.first[i] = engine.last[i] = -1;
  engine.draft_comments = -1;
  engine.amendment_comments = -1;
  engine.cease_decided = FALSE;
  engine.fifth_birthday = fifth_birthday (input->date_of_birth);

  /* members the codec ignored come first: they concern the input as read */
  for (guint i = 0; i < input->ignored->len; i++)
    {
      const ScIgnoredMember *ignored = &g_array_index (input->ignored, ScIgnoredMember, i);
      ScClockWarning warning = {
        .code = SC_WARNING_IGNORED_MEMBER,
        .event_index = ignored->event_index,
        .member = ignored->member,
      };

      g_array_append_val (result->warnings, warning);
    }

  g_array_set_size (result->order, input->events->len);
  for (guint i = 0; i < input->events->len; i++)
    g_array_index (result->order, guint, i) = i;
  sort_event_order (result->order, input);

  for (guint i = 0; i < result->order->len; i++)
    walk_event (&engine, g_array_index (result->order, guint, i));

  for (guint i = 0; i < result->milestones->len; i++)
    set_status (&g_array_index (result->milestones, ScMilestoneState, i), today);
  sort_milestones (result->milestones);
}
