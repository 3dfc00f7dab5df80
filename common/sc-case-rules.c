/* sc-case-rules.c
 *
 * The pure rules of an EHC case: its stage, whether an event may be recorded,
 * and what may come next. All three replay the case's live events in the
 * clock's order (by date, recording order for equal dates) through one small
 * state machine, so the stage a caseworker sees and the rules that refuse an
 * event cannot drift apart. Where a rule is "a completion needs something to
 * complete" the clock itself is asked (its no_start_event warning), so which
 * advice, consultation, appeal or complaint is open is decided in one place.
 *
 * The stage table (docs/statutory-clock.md, "A case's stage"), event -> stage
 * after it:
 *
 *   request_received                    -> requested
 *   decided_to_assess                   -> assessing
 *   decided_not_to_assess               -> closed (an appeal does not reopen the
 *                                          case; a tribunal order to assess does)
 *   decided_not_to_issue                -> closed (reopened by an order to make a plan)
 *   draft_plan_issued                   -> drafting
 *   final_plan_issued                   -> final
 *   review_meeting                      -> under_review
 *   review_decision maintain            -> final
 *   review_decision amend               -> under_review (until the amended plan)
 *   review_decision cease               -> ceasing
 *   amendment_notice_issued             -> under_review
 *   amended_plan_issued                 -> final
 *   cease_decided                       -> ceasing
 *   plan_ceased                         -> ceased
 *   decided_to_reassess                 -> assessing
 *   transfer_in                         -> final
 *   transfer_out                        -> transferred_out
 *   tribunal_order assess               -> requested (the authority must now say it will assess)
 *   tribunal_order make_plan            -> drafting
 *   tribunal_order amend_*              -> under_review (from final, ceasing or ceased)
 *   tribunal_order continue_plan        -> final (from ceasing or ceased)
 *   anything else                       -> unchanged
 *
 * Citations: only regulation and section numbers that docs/domain.md gives
 * without "to be checked". Reg 20 and reg 25 are cited without a paragraph
 * (domain.md marks the paragraphs unconfirmed); the reassessment request
 * (reg 24, unconfirmed) and the HESC rules (r20, r21, unconfirmed) are named
 * in no message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-case"

#include "config.h"

#include "sc-case-rules.h"
#include "sc-clock-private.h"
#include "sc-error.h"
#include "sc-problem.h"

#define RULE_S38   "Children and Families Act 2014, s38"
#define RULE_S39   "Children and Families Act 2014, s39"
#define RULE_S44   "Children and Families Act 2014, s44"
#define RULE_S45   "Children and Families Act 2014, s45"
#define RULE_S55   "Children and Families Act 2014, s55"
#define RULE_S51   "Children and Families Act 2014, s51"
#define RULE_R5    "SEND Regulations 2014, reg 5(1)"
#define RULE_R8    "SEND Regulations 2014, reg 8(1)"
#define RULE_R10_1 "SEND Regulations 2014, reg 10(1)"
#define RULE_R10_4 "SEND Regulations 2014, reg 10(4)"
#define RULE_R13_1 "SEND Regulations 2014, reg 13(1)"
#define RULE_R13_2 "SEND Regulations 2014, reg 13(2)"
#define RULE_R15   "SEND Regulations 2014, reg 15"
#define RULE_R15_4 "SEND Regulations 2014, reg 15(4)"
#define RULE_R18   "SEND Regulations 2014, reg 18"
#define RULE_R20   "SEND Regulations 2014, reg 20"
#define RULE_R22   "SEND Regulations 2014, reg 22"
#define RULE_R22_C "SEND Regulations 2014, reg 22(2)(c)"
#define RULE_R25   "SEND Regulations 2014, reg 25"
#define RULE_R27   "SEND Regulations 2014, reg 27(2)"
#define RULE_R31   "SEND Regulations 2014, reg 31"
#define RULE_R44   "SEND Regulations 2014, reg 44(2)"
#define RULE_CODE  "LGSCO Complaint Handling Code"

/* A key no recorded event has: stands for "a new adviser, setting,
 * reference" when a step's legality is checked. */
#define NEW_KEY "\001new"

/* --- Stages ----------------------------------------------------------- */

static const struct
{
  const char *name;
  const char *title;
} stage_info[SC_N_CASE_STAGES] = {
  [SC_CASE_STAGE_NONE] = { "none", "Nothing recorded yet" },
  [SC_CASE_STAGE_REQUESTED] = { "requested", "Request received" },
  [SC_CASE_STAGE_ASSESSING] = { "assessing", "Assessing needs" },
  [SC_CASE_STAGE_DRAFTING] = { "drafting", "Drafting the plan" },
  [SC_CASE_STAGE_FINAL] = { "final", "Plan in force" },
  [SC_CASE_STAGE_UNDER_REVIEW] = { "under_review", "Plan under review" },
  [SC_CASE_STAGE_CEASING] = { "ceasing", "Ceasing the plan" },
  [SC_CASE_STAGE_CEASED] = { "ceased", "Plan ceased" },
  [SC_CASE_STAGE_TRANSFERRED_OUT] = { "transferred_out", "Plan transferred to another authority" },
  [SC_CASE_STAGE_CLOSED] = { "closed", "Closed without a plan" },
};

const char *
sc_case_stage_to_string (ScCaseStage stage)
{
  g_return_val_if_fail ((guint) stage < SC_N_CASE_STAGES, NULL);
  return stage_info[stage].name;
}

const char *
sc_case_stage_get_title (ScCaseStage stage)
{
  g_return_val_if_fail ((guint) stage < SC_N_CASE_STAGES, NULL);
  return stage_info[stage].title;
}

/* --- History ---------------------------------------------------------- */

struct _ScCaseHistory
{
  gatomicrefcount  ref_count;

  /* Owned */
  ScClockInput    *events;   /* every event recorded, voided or not */
  GArray          *voided;   /* of guint8, one per event */
};

G_DEFINE_BOXED_TYPE (ScCaseHistory, sc_case_history, sc_case_history_ref, sc_case_history_unref)

ScCaseHistory *
sc_case_history_new (void)
{
  ScCaseHistory *history = g_new0 (ScCaseHistory, 1);

  g_atomic_ref_count_init (&history->ref_count);
  history->events = sc_clock_input_new ();
  history->voided = g_array_new (FALSE, TRUE, sizeof (guint8));
  return history;
}

ScCaseHistory *
sc_case_history_ref (ScCaseHistory *history)
{
  g_return_val_if_fail (history != NULL, NULL);
  g_atomic_ref_count_inc (&history->ref_count);
  return history;
}

void
sc_case_history_unref (ScCaseHistory *history)
{
  g_return_if_fail (history != NULL);
  if (!g_atomic_ref_count_dec (&history->ref_count))
    return;
  sc_clock_input_unref (history->events);
  g_array_unref (history->voided);
  g_free (history);
}

void
sc_case_history_set_date_of_birth (ScCaseHistory *history,
                                   ScDay          date_of_birth)
{
  g_return_if_fail (history != NULL);
  sc_clock_input_set_date_of_birth (history->events, date_of_birth);
}

/**
 * sc_case_history_add_event:
 * @event: the event as recorded; its key is copied
 *
 * Appends an event that was recorded (from the case's rows), with the
 * clock's structural checks only: whether it was legal to record is
 * sc_case_check_event()'s question, asked before it is stored.
 */
gboolean
sc_case_history_add_event (ScCaseHistory       *history,
                           const ScClockEvent  *event,
                           GError             **error)
{
  guint8 live = FALSE;

  g_return_val_if_fail (history != NULL, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (!sc_clock_input_add_event (history->events, event, error))
    return FALSE;
  g_array_append_val (history->voided, live);
  return TRUE;
}

/**
 * sc_case_history_void_event:
 * @index: the event's position in recording order
 *
 * Marks an event voided: it stays in the history, and counts for nothing.
 */
gboolean
sc_case_history_void_event (ScCaseHistory  *history,
                            guint           index,
                            GError        **error)
{
  g_return_val_if_fail (history != NULL, FALSE);

  if (!sc_case_check_void (history, index, error))
    return FALSE;
  g_array_index (history->voided, guint8, index) = TRUE;
  return TRUE;
}

guint
sc_case_history_get_n_events (const ScCaseHistory *history)
{
  g_return_val_if_fail (history != NULL, 0);
  return history->voided->len;
}

/**
 * sc_case_history_get_event:
 *
 * Returns: (transfer none): the event at @index in recording order
 */
const ScClockEvent *
sc_case_history_get_event (const ScCaseHistory *history,
                           guint                index)
{
  g_return_val_if_fail (history != NULL, NULL);
  g_return_val_if_fail (index < history->voided->len, NULL);
  return sc_clock_input_get_event (history->events, index);
}

gboolean
sc_case_history_is_voided (const ScCaseHistory *history,
                           guint                index)
{
  g_return_val_if_fail (history != NULL, FALSE);
  g_return_val_if_fail (index < history->voided->len, FALSE);
  return g_array_index (history->voided, guint8, index) != FALSE;
}

/**
 * sc_case_history_dup_clock_input:
 *
 * Returns: (transfer full): the clock's input for the case: its live events
 *   in recording order, and the date of birth
 */
ScClockInput *
sc_case_history_dup_clock_input (const ScCaseHistory *history)
{
  ScClockInput *input;

  g_return_val_if_fail (history != NULL, NULL);

  input = sc_clock_input_new ();
  sc_clock_input_set_date_of_birth (input, sc_clock_input_get_date_of_birth (history->events));
  for (guint i = 0; i < history->voided->len; i++)
    if (!g_array_index (history->voided, guint8, i))
      {
        gboolean ok = sc_clock_input_add_event (input, sc_clock_input_get_event (history->events, i), NULL);

        g_assert (ok);
      }
  return input;
}

gboolean
sc_case_check_void (const ScCaseHistory  *history,
                    guint                 index,
                    GError              **error)
{
  g_return_val_if_fail (history != NULL, FALSE);

  if (index >= history->voided->len)
    {
      sc_set_field_error (error, "event", "no such event on this case");
      return FALSE;
    }
  if (g_array_index (history->voided, guint8, index))
    {
      sc_set_field_error (error, "event", "is already voided");
      return FALSE;
    }
  return TRUE;
}

static const char *event_title (ScEventType type);

/* --- The replay ------------------------------------------------------- */

typedef struct
{
  ScCaseStage  stage;
  ScEventType  closed_by;           /* what closed the case, for the message */
  gboolean     draft;               /* a draft since the request, order or reassessment */
  ScDay        draft_date;          /* the latest draft */
  ScDay        notice_date;         /* the latest amendment notice */
  gboolean     cease_decided;       /* since the plan was last in force */
  gboolean     reassess_requested;  /* waiting for a decision whether to reassess */
  gboolean     appealed;            /* an appeal has been registered */
} State;

/* A refusal: which field, and the words beside it. */
typedef struct
{
  const char *field;
  char       *message;
} Refusal;

static void
refusal_clear (Refusal *r)
{
  g_clear_pointer (&r->message, g_free);
  r->field = NULL;
}

static gboolean
refuse (Refusal    *r,
        const char *field,
        const char *format,
        ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (Refusal    *r,
        const char *field,
        const char *format,
        ...)
{
  va_list args;

  r->field = field;
  va_start (args, format);
  r->message = g_strdup_vprintf (format, args);
  va_end (args);
  return FALSE;
}

static gboolean
is_dispute (ScEventType type)
{
  switch (type)
    {
    case SC_EVENT_MEDIATION_CERTIFICATE_ISSUED:
    case SC_EVENT_APPEAL_REGISTERED:
    case SC_EVENT_APPEAL_RESPONSE_SENT:
    case SC_EVENT_TRIBUNAL_ORDER:
    case SC_EVENT_COMPLAINT_RECEIVED:
    case SC_EVENT_COMPLAINT_ACKNOWLEDGED:
    case SC_EVENT_COMPLAINT_RESPONDED:
    case SC_EVENT_COMPLAINT_EXTENDED:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_open (ScCaseStage stage)
{
  return stage == SC_CASE_STAGE_REQUESTED || stage == SC_CASE_STAGE_ASSESSING ||
         stage == SC_CASE_STAGE_DRAFTING;
}

static gboolean
has_plan (ScCaseStage stage)
{
  return stage == SC_CASE_STAGE_FINAL || stage == SC_CASE_STAGE_UNDER_REVIEW ||
         stage == SC_CASE_STAGE_CEASING;
}

static const char *
format_day (ScDay day,
            char  buffer[SC_DAY_STRING_SIZE])
{
  return sc_day_format (day, buffer);
}

/* The rules that follow from the stage alone. @start is the date of the
 * case's first request or transfer in, SC_DAY_NONE if it has none. */
static gboolean
check_stage (const State        *st,
             const ScClockEvent *e,
             ScDay               start,
             ScEventType         start_type,
             Refusal            *r)
{
  char when[SC_DAY_STRING_SIZE];
  ScCaseStage s = st->stage;

  if (s == SC_CASE_STAGE_NONE)
    {
      if (e->type == SC_EVENT_REQUEST_RECEIVED || e->type == SC_EVENT_TRANSFER_IN)
        return TRUE;
      if (start != SC_DAY_NONE)
        return refuse (r, "date", start_type == SC_EVENT_TRANSFER_IN
                                    ? "is before the plan was transferred in (%s)"
                                    : "is before the request was received (%s)",
                       format_day (start, when));
      return refuse (r, "type", "a case begins with a request for an assessment "
                                "or a plan transferred in");
    }
  if (s == SC_CASE_STAGE_CEASED && !is_dispute (e->type))
    return refuse (r, "type", "the plan has ceased: only an appeal or a complaint can follow");
  if (s == SC_CASE_STAGE_TRANSFERRED_OUT && !is_dispute (e->type))
    return refuse (r, "type", "the plan has moved to another authority: "
                              "only an appeal or a complaint can follow");
  if (s == SC_CASE_STAGE_CLOSED && !is_dispute (e->type) &&
      e->type != SC_EVENT_REQUEST_RECEIVED && e->type != SC_EVENT_TRANSFER_IN)
    return refuse (r, "type", st->closed_by == SC_EVENT_DECIDED_NOT_TO_ISSUE
                                ? "the case was closed by the decision not to issue a plan: "
                                  "a new request or a tribunal order reopens it"
                                : "the case was closed by the decision not to assess: "
                                  "a new request or a tribunal order reopens it");

  switch (e->type)
    {
    case SC_EVENT_REQUEST_RECEIVED:
      if (is_open (s))
        return refuse (r, "type", "the case already has a request in progress");
      if (has_plan (s))
        return refuse (r, "type", "a plan is in force: record a request for a reassessment instead");
      return TRUE;

    case SC_EVENT_TRANSFER_IN:
      if (s != SC_CASE_STAGE_CLOSED)
        return refuse (r, "type", "a plan transferred in from another authority starts a case: "
                                  "this one already has a request or a plan");
      return TRUE;

    case SC_EVENT_DECIDED_TO_ASSESS:
    case SC_EVENT_DECIDED_NOT_TO_ASSESS:
      if (s == SC_CASE_STAGE_ASSESSING || s == SC_CASE_STAGE_DRAFTING)
        return refuse (r, "type", "whether to assess has already been decided");
      if (s != SC_CASE_STAGE_REQUESTED)
        return refuse (r, "type", "a decision whether to assess needs a request for an "
                                  "assessment first (" RULE_R5 ")");
      return TRUE;

    case SC_EVENT_ADVICE_REQUESTED:
      if (s == SC_CASE_STAGE_REQUESTED)
        return refuse (r, "type", "advice is sought once the authority has decided to assess");
      if (s != SC_CASE_STAGE_ASSESSING && s != SC_CASE_STAGE_DRAFTING)
        return refuse (r, "type", "advice is sought for an assessment, and none is in progress");
      return TRUE;

    case SC_EVENT_DECIDED_NOT_TO_ISSUE:
      if (s == SC_CASE_STAGE_REQUESTED)
        return refuse (r, "type", "a decision not to issue a plan needs the decision to assess first");
      if (s != SC_CASE_STAGE_ASSESSING && s != SC_CASE_STAGE_DRAFTING)
        return refuse (r, "type", "a decision not to issue a plan needs an assessment "
                                  "in progress (" RULE_R10_1 ")");
      return TRUE;

    case SC_EVENT_DRAFT_PLAN_ISSUED:
      if (s == SC_CASE_STAGE_REQUESTED)
        return refuse (r, "type", "a draft plan needs the decision to assess first");
      if (s != SC_CASE_STAGE_ASSESSING && s != SC_CASE_STAGE_DRAFTING)
        return refuse (r, "type", "a plan is in force: propose changes to it with an "
                                  "amendment notice (" RULE_R22 ")");
      return TRUE;

    case SC_EVENT_CONSULTATION_SENT:
      if (s != SC_CASE_STAGE_DRAFTING && s != SC_CASE_STAGE_UNDER_REVIEW)
        return refuse (r, "type", "a setting is consulted on a draft plan or on proposed "
                                  "amendments (" RULE_S39 ")");
      return TRUE;

    case SC_EVENT_FINAL_PLAN_ISSUED:
      if (has_plan (s))
        return refuse (r, "type", "a plan is already in force: change it with an "
                                  "amendment notice (" RULE_R22 ")");
      if (!st->draft)
        return refuse (r, "type", "a final plan needs a draft plan first (" RULE_S38 ")");
      if (e->date < st->draft_date + 15)
        return refuse (r, "date", "the family has 15 days to comment on the draft (" RULE_R13_1
                                  "): the final plan can follow from %s",
                       format_day (st->draft_date + 15, when));
      return TRUE;

    case SC_EVENT_EXCEPTION_APPLIED:
      if (!is_open (s))
        return refuse (r, "type", "an exception applies only while an assessment's time "
                                  "limits run (" RULE_R10_4 ")");
      return TRUE;

    case SC_EVENT_REVIEW_MEETING:
      if (s == SC_CASE_STAGE_UNDER_REVIEW)
        return refuse (r, "type", "a review is already under way: record its decision first");
      if (!has_plan (s))
        return refuse (r, "type", "a review needs a final plan in force (" RULE_S44 ")");
      return TRUE;

    case SC_EVENT_AMENDMENT_NOTICE_ISSUED:
      if (s != SC_CASE_STAGE_FINAL && s != SC_CASE_STAGE_UNDER_REVIEW)
        return refuse (r, "type", "an amendment needs a final plan in force (" RULE_R22 ")");
      return TRUE;

    case SC_EVENT_AMENDED_PLAN_ISSUED:
      if (st->notice_date != SC_DAY_NONE && e->date < st->notice_date + 15)
        return refuse (r, "date", "the family has 15 days to comment on the proposed amendments ("
                                  RULE_R22_C "): the amended plan can follow from %s",
                       format_day (st->notice_date + 15, when));
      return TRUE;

    case SC_EVENT_PHASE_TRANSFER_DUE:
      if (!has_plan (s))
        return refuse (r, "type", "a phase transfer needs a final plan in force (" RULE_R18 ")");
      return TRUE;

    case SC_EVENT_CEASE_DECIDED:
      if (st->cease_decided)
        return refuse (r, "type", "the decision to cease has already been recorded");
      if (!has_plan (s))
        return refuse (r, "type", "ceasing needs a plan in force (" RULE_S45 ")");
      return TRUE;

    case SC_EVENT_PLAN_CEASED:
      if (!st->cease_decided)
        return refuse (r, "type", "a plan ceases only after the decision to cease "
                                  "has been sent (" RULE_R31 ")");
      return TRUE;

    case SC_EVENT_REASSESSMENT_REQUESTED:
      if (st->reassess_requested)
        return refuse (r, "type", "a request for a reassessment is already waiting for a decision");
      if (s != SC_CASE_STAGE_FINAL && s != SC_CASE_STAGE_UNDER_REVIEW)
        return refuse (r, "type", "a reassessment needs a final plan in force");
      return TRUE;

    case SC_EVENT_TRANSFER_OUT:
      /* closed, ceased and transferred out were refused above */
      return TRUE;

    case SC_EVENT_TRIBUNAL_ORDER:
      if (!st->appealed)
        return refuse (r, "type", "a tribunal order needs an appeal registered first");
      return TRUE;

    /* completions: the clock decides whether they have something to complete */
    case SC_EVENT_ADVICE_RECEIVED:
    case SC_EVENT_CONSULTATION_RESPONSE:
    case SC_EVENT_REVIEW_REPORT_RECEIVED:
    case SC_EVENT_REVIEW_DECISION:
    case SC_EVENT_DECIDED_TO_REASSESS:
    case SC_EVENT_DECIDED_NOT_TO_REASSESS:
    case SC_EVENT_TRANSFER_NOTICE_SENT:
    case SC_EVENT_MEDIATION_CERTIFICATE_ISSUED:
    case SC_EVENT_APPEAL_REGISTERED:
    case SC_EVENT_APPEAL_RESPONSE_SENT:
    case SC_EVENT_COMPLAINT_RECEIVED:
    case SC_EVENT_COMPLAINT_ACKNOWLEDGED:
    case SC_EVENT_COMPLAINT_RESPONDED:
    case SC_EVENT_COMPLAINT_EXTENDED:
      return TRUE;

    case SC_N_EVENT_TYPES:
    default:
      g_assert_not_reached ();
    }
}

static void
apply (State              *st,
       const ScClockEvent *e)
{
  ScCaseStage s = st->stage;

  switch (e->type)
    {
    case SC_EVENT_REQUEST_RECEIVED:
      st->stage = SC_CASE_STAGE_REQUESTED;
      st->draft = FALSE;
      break;
    case SC_EVENT_DECIDED_TO_ASSESS:
      st->stage = SC_CASE_STAGE_ASSESSING;
      break;
    case SC_EVENT_DECIDED_NOT_TO_ASSESS:
    case SC_EVENT_DECIDED_NOT_TO_ISSUE:
      st->stage = SC_CASE_STAGE_CLOSED;
      st->closed_by = e->type;
      break;
    case SC_EVENT_DRAFT_PLAN_ISSUED:
      st->stage = SC_CASE_STAGE_DRAFTING;
      st->draft = TRUE;
      st->draft_date = e->date;
      break;
    case SC_EVENT_FINAL_PLAN_ISSUED:
    case SC_EVENT_TRANSFER_IN:
      st->stage = SC_CASE_STAGE_FINAL;
      st->draft = FALSE;
      st->cease_decided = FALSE;
      st->reassess_requested = FALSE;
      break;
    case SC_EVENT_REVIEW_MEETING:
    case SC_EVENT_AMENDMENT_NOTICE_ISSUED:
      st->stage = SC_CASE_STAGE_UNDER_REVIEW;
      if (e->type == SC_EVENT_AMENDMENT_NOTICE_ISSUED)
        st->notice_date = e->date;
      break;
    case SC_EVENT_REVIEW_DECISION:
      if (e->outcome == SC_OUTCOME_MAINTAIN)
        st->stage = SC_CASE_STAGE_FINAL;
      else if (e->outcome == SC_OUTCOME_CEASE)
        st->stage = SC_CASE_STAGE_CEASING;
      else
        st->stage = SC_CASE_STAGE_UNDER_REVIEW;
      break;
    case SC_EVENT_AMENDED_PLAN_ISSUED:
      st->stage = SC_CASE_STAGE_FINAL;
      st->notice_date = SC_DAY_NONE;
      st->reassess_requested = FALSE;
      break;
    case SC_EVENT_CEASE_DECIDED:
      st->stage = SC_CASE_STAGE_CEASING;
      st->cease_decided = TRUE;
      break;
    case SC_EVENT_PLAN_CEASED:
      st->stage = SC_CASE_STAGE_CEASED;
      break;
    case SC_EVENT_REASSESSMENT_REQUESTED:
      st->reassess_requested = TRUE;
      break;
    case SC_EVENT_DECIDED_TO_REASSESS:
      st->stage = SC_CASE_STAGE_ASSESSING;
      st->draft = FALSE;
      st->reassess_requested = FALSE;
      break;
    case SC_EVENT_DECIDED_NOT_TO_REASSESS:
      st->reassess_requested = FALSE;
      break;
    case SC_EVENT_TRANSFER_OUT:
      st->stage = SC_CASE_STAGE_TRANSFERRED_OUT;
      break;
    case SC_EVENT_APPEAL_REGISTERED:
      st->appealed = TRUE;
      break;
    case SC_EVENT_TRIBUNAL_ORDER:
      switch (e->order)
        {
        case SC_ORDER_ASSESS:
          st->stage = SC_CASE_STAGE_REQUESTED;
          st->draft = FALSE;
          break;
        case SC_ORDER_REASSESS:
          st->reassess_requested = TRUE;
          break;
        case SC_ORDER_MAKE_PLAN:
          st->stage = SC_CASE_STAGE_DRAFTING;
          st->draft = FALSE;
          break;
        case SC_ORDER_AMEND_PROVISION:
        case SC_ORDER_AMEND_PLACEMENT:
          if (has_plan (s) || s == SC_CASE_STAGE_CEASED)
            st->stage = SC_CASE_STAGE_UNDER_REVIEW;
          st->cease_decided = FALSE;
          break;
        case SC_ORDER_CONTINUE_PLAN:
          if (s == SC_CASE_STAGE_CEASING || s == SC_CASE_STAGE_CEASED)
            st->stage = SC_CASE_STAGE_FINAL;
          st->cease_decided = FALSE;
          break;
        case SC_ORDER_CEASE_PLAN:
        case SC_ORDER_NONE:
        default:
          break;
        }
      break;
    default:
      break;
    }
}

/* The clock's words for a completion that completes nothing. */
static gboolean
refuse_no_start (const ScClockEvent *e,
                 Refusal            *r)
{
  switch (e->type)
    {
    case SC_EVENT_ADVICE_RECEIVED:
      return refuse (r, "key", "no advice is awaited from this adviser: record the request "
                               "for advice first (" RULE_R8 ")");
    case SC_EVENT_CONSULTATION_RESPONSE:
      return refuse (r, "key", "no consultation with this setting is waiting for an answer");
    case SC_EVENT_REVIEW_MEETING:
      return refuse (r, "type", "no annual review is due on this plan (" RULE_S44 ")");
    case SC_EVENT_REVIEW_REPORT_RECEIVED:
      return refuse (r, "type", "no review report is awaited: record the review meeting first (" RULE_R20 ")");
    case SC_EVENT_REVIEW_DECISION:
      return refuse (r, "type", "no review is waiting for a decision: record the review "
                                "meeting first (" RULE_R20 ")");
    case SC_EVENT_AMENDED_PLAN_ISSUED:
      return refuse (r, "type", "no amendment is under way: issue an amendment notice first (" RULE_R22 ")");
    case SC_EVENT_DECIDED_TO_REASSESS:
    case SC_EVENT_DECIDED_NOT_TO_REASSESS:
      return refuse (r, "type", "no request for a reassessment is waiting for a decision (" RULE_R25 ")");
    case SC_EVENT_TRANSFER_NOTICE_SENT:
      return refuse (r, "type", "no transfer notice is due: it follows a plan transferred in ("
                                RULE_R15_4 ")");
    case SC_EVENT_MEDIATION_CERTIFICATE_ISSUED:
      return refuse (r, "type", "no decision on this case can still be appealed (" RULE_S55 ")");
    case SC_EVENT_APPEAL_RESPONSE_SENT:
      return refuse (r, "key", "no appeal with this reference is waiting for a response");
    case SC_EVENT_COMPLAINT_ACKNOWLEDGED:
      return refuse (r, "key", "no complaint with this reference is waiting for an acknowledgement");
    case SC_EVENT_COMPLAINT_RESPONDED:
    case SC_EVENT_COMPLAINT_EXTENDED:
      return refuse (r, "key", "no complaint with this reference is waiting for a response");
    default:
      /* the stage rules catch every other completion first */
      return refuse (r, "type", "there is nothing on this case for it to complete");
    }
}

/* Replays @input's events in the clock's order: fills @refusals (one per
 * event, by input index) with what the rules say of each against the events
 * before it, and returns the stage at the end. */
static ScCaseStage
replay (ScClockInput *input,
        Refusal      *refusals)
{
  g_autoptr(ScClockResult) result = NULL;
  g_autofree guint *order = NULL;
  guint n = sc_clock_input_get_n_events (input);
  State st = { .stage = SC_CASE_STAGE_NONE };
  ScDay start = SC_DAY_NONE;
  ScEventType start_type = SC_EVENT_REQUEST_RECEIVED;

  /* the clock's walk order: by date, input order for equal dates */
  order = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      guint j = i;
      ScDay d = sc_clock_input_get_event (input, i)->date;

      while (j > 0 && sc_clock_input_get_event (input, order[j - 1])->date > d)
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = i;
    }
  for (guint k = 0; k < n; k++)
    {
      const ScClockEvent *e = sc_clock_input_get_event (input, order[k]);

      if (e->type == SC_EVENT_REQUEST_RECEIVED || e->type == SC_EVENT_TRANSFER_IN)
        {
          start = e->date;
          start_type = e->type;
          break;
        }
    }

  for (guint k = 0; k < n; k++)
    {
      const ScClockEvent *e = sc_clock_input_get_event (input, order[k]);

      if (refusals != NULL)
        check_stage (&st, e, start, start_type, &refusals[order[k]]);
      apply (&st, e);
    }

  if (refusals == NULL)
    return st.stage;

  /* The completions, by the clock itself. The calendar does not decide
   * whether anything is open, so the built-in one does. */
  result = sc_clock_compute (input, sc_calendar_get_default (), SC_DAY_NONE + 1);
  for (guint w = 0; w < sc_clock_result_get_n_warnings (result); w++)
    {
      const ScClockWarning *warning = sc_clock_result_get_warning (result, w);
      Refusal *r;

      if (warning->event_index < 0)
        continue;
      r = &refusals[warning->event_index];
      if (r->message != NULL)
        continue;
      if (warning->code == SC_WARNING_NO_START_EVENT)
        refuse_no_start (sc_clock_input_get_event (input, (guint) warning->event_index), r);
      else if (warning->code == SC_WARNING_EXCEPTION_WITHOUT_DEADLINE)
        refuse (r, "type", "an exception applies only while an assessment's time limits run ("
                           RULE_R10_4 ")");
    }
  return st.stage;
}

/**
 * sc_case_get_stage:
 *
 * Returns: the stage the case's live events lead to
 */
ScCaseStage
sc_case_get_stage (const ScCaseHistory *history)
{
  g_autoptr(ScClockInput) input = NULL;

  g_return_val_if_fail (history != NULL, SC_CASE_STAGE_NONE);

  input = sc_case_history_dup_clock_input (history);
  return replay (input, NULL);
}

static void
refusals_free (Refusal *refusals,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    refusal_clear (&refusals[i]);
  g_free (refusals);
}

/**
 * sc_case_check_event:
 * @history: the case so far
 * @event: the event to be recorded
 * @today: the day it is recorded
 *
 * Whether @event may be recorded on the case. It is checked where its date
 * puts it among the live events (a late entry is checked against what came
 * before its date), and it must not break an event already recorded after
 * it.
 *
 * Returns: %FALSE with an SC_ERROR_INVALID_INPUT field error ("type",
 *   "date" or "key") naming the rule, in words for the caseworker
 */
gboolean
sc_case_check_event (const ScCaseHistory  *history,
                     const ScClockEvent   *event,
                     ScDay                 today,
                     GError              **error)
{
  g_autoptr(ScClockInput) before = NULL;
  g_autoptr(ScClockInput) after = NULL;
  Refusal *old = NULL;
  Refusal *now = NULL;
  guint n;
  gboolean ok = TRUE;

  g_return_val_if_fail (history != NULL, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) event->type >= SC_N_EVENT_TYPES)
    {
      sc_set_field_error (error, "type", "is not a known event type");
      return FALSE;
    }
  if (!sc_day_is_in_range (event->date))
    {
      sc_set_field_error (error, "date", "is not a valid date");
      return FALSE;
    }
  if (event->date > today)
    {
      sc_set_field_error (error, "date", "is in the future: record an event once it has happened");
      return FALSE;
    }

  before = sc_case_history_dup_clock_input (history);
  after = sc_case_history_dup_clock_input (history);
  n = sc_clock_input_get_n_events (before);
  if (!sc_clock_input_add_event (after, event, error))
    return FALSE;

  old = g_new0 (Refusal, MAX (n, 1));
  now = g_new0 (Refusal, n + 1);
  replay (before, old);
  replay (after, now);

  if (now[n].message != NULL)
    {
      sc_set_field_error (error, now[n].field, "%s", now[n].message);
      ok = FALSE;
    }
  else
    {
      /* an event dated before others must leave them as legal as they were */
      for (guint i = 0; i < n && ok; i++)
        if (now[i].message != NULL && old[i].message == NULL)
          {
            const ScClockEvent *later = sc_clock_input_get_event (before, i);
            char when[SC_DAY_STRING_SIZE];

            sc_set_field_error (error, "date", "would break the %s of %s: %s",
                                event_title (later->type),
                                sc_day_format (later->date, when), now[i].message);
            ok = FALSE;
          }
    }
  refusals_free (old, MAX (n, 1));
  refusals_free (now, n + 1);
  return ok;
}

/* --- Words for people ------------------------------------------------- */

/* For every event type: a short name, what recording it means, and the rule
 * that puts it where it is in a case. */
static const struct
{
  const char *title;
  const char *meaning;
  const char *rule;
} event_text[SC_N_EVENT_TYPES] = {
  [SC_EVENT_REQUEST_RECEIVED] = {
    "request for an assessment",
    "The authority has received a request for an EHC needs assessment; the 6 and 20 weeks count from today.",
    RULE_R5 },
  [SC_EVENT_DECIDED_TO_ASSESS] = {
    "decision to assess",
    "The authority has told the family it will carry out an EHC needs assessment.",
    RULE_R5 },
  [SC_EVENT_DECIDED_NOT_TO_ASSESS] = {
    "decision not to assess",
    "The authority has told the family it will not assess, with their right of appeal; this closes the case.",
    RULE_R5 },
  [SC_EVENT_ADVICE_REQUESTED] = {
    "request for advice",
    "The authority has asked an adviser (education, health, psychology, social care or other) for advice.",
    RULE_R8 },
  [SC_EVENT_ADVICE_RECEIVED] = {
    "advice received",
    "The advice asked of this adviser has arrived.",
    RULE_R8 },
  [SC_EVENT_DECIDED_NOT_TO_ISSUE] = {
    "decision not to issue a plan",
    "After the assessment the authority has decided not to issue a plan and told the family, with their right of appeal.",
    RULE_R10_1 },
  [SC_EVENT_DRAFT_PLAN_ISSUED] = {
    "draft plan",
    "The draft plan has been sent to the family, who have 15 days to comment and to ask for a school or college.",
    RULE_R13_1 },
  [SC_EVENT_CONSULTATION_SENT] = {
    "consultation",
    "The authority has asked a school or college whether it can meet the needs in the plan.",
    RULE_S39 },
  [SC_EVENT_CONSULTATION_RESPONSE] = {
    "consultation response",
    "The school or college consulted has answered.",
    RULE_S39 },
  [SC_EVENT_FINAL_PLAN_ISSUED] = {
    "final plan",
    "The final EHC plan has been issued to the family, with their right of appeal.",
    RULE_R13_2 },
  [SC_EVENT_EXCEPTION_APPLIED] = {
    "exception",
    "One of the four exceptions to the assessment's time limits applies to this case.",
    RULE_R10_4 },
  [SC_EVENT_REVIEW_MEETING] = {
    "review meeting",
    "The annual review meeting of the plan has been held.",
    RULE_S44 },
  [SC_EVENT_REVIEW_REPORT_RECEIVED] = {
    "review report",
    "The report of the review meeting has reached the authority.",
    RULE_R20 },
  [SC_EVENT_REVIEW_DECISION] = {
    "decision after the review",
    "The authority has told the family whether it will keep, amend or cease the plan.",
    RULE_R20 },
  [SC_EVENT_AMENDMENT_NOTICE_ISSUED] = {
    "amendment notice",
    "The proposed amendments have been sent to the family, who have 15 days to comment.",
    RULE_R22 },
  [SC_EVENT_AMENDED_PLAN_ISSUED] = {
    "amended plan",
    "The amended plan has been issued to the family, with their right of appeal.",
    RULE_R22 },
  [SC_EVENT_PHASE_TRANSFER_DUE] = {
    "phase transfer",
    "The child moves to the next phase of education: the plan must name the new setting by the fixed date.",
    RULE_R18 },
  [SC_EVENT_CEASE_DECIDED] = {
    "decision to cease",
    "The authority has told the family it will cease the plan, with their right of appeal.",
    RULE_R31 },
  [SC_EVENT_PLAN_CEASED] = {
    "cessation of the plan",
    "The plan has ended; nothing but an appeal or a complaint can follow.",
    RULE_S45 },
  [SC_EVENT_REASSESSMENT_REQUESTED] = {
    "request for a reassessment",
    "The family or the school has asked the authority to reassess the child's needs.",
    RULE_R25 },
  [SC_EVENT_DECIDED_TO_REASSESS] = {
    "decision to reassess",
    "The authority will reassess; the amended or new plan is due within 14 weeks.",
    RULE_R27 },
  [SC_EVENT_DECIDED_NOT_TO_REASSESS] = {
    "decision not to reassess",
    "The authority has refused the reassessment and told the family, with their right of appeal.",
    RULE_R25 },
  [SC_EVENT_TRANSFER_IN] = {
    "plan transferred in",
    "A plan has come to this authority with a child who moved here; it is this authority's from today.",
    RULE_R15 },
  [SC_EVENT_TRANSFER_NOTICE_SENT] = {
    "transfer notice",
    "The family has been told the plan has transferred, whether it will be reassessed and when it will be reviewed.",
    RULE_R15_4 },
  [SC_EVENT_MEDIATION_CERTIFICATE_ISSUED] = {
    "mediation certificate",
    "A mediation adviser has issued a certificate, which can give the family longer to appeal.",
    RULE_S55 },
  [SC_EVENT_APPEAL_REGISTERED] = {
    "appeal",
    "The Tribunal has registered the family's appeal; the authority must respond.",
    RULE_S51 },
  [SC_EVENT_APPEAL_RESPONSE_SENT] = {
    "response to the appeal",
    "The authority has sent its response to the appeal to the Tribunal.",
    RULE_S51 },
  [SC_EVENT_TRIBUNAL_ORDER] = {
    "tribunal order",
    "The Tribunal has decided the appeal; its order sets the authority new time limits.",
    RULE_R44 },
  [SC_EVENT_COMPLAINT_RECEIVED] = {
    "complaint",
    "A complaint has been received; it must be acknowledged and answered.",
    RULE_CODE },
  [SC_EVENT_COMPLAINT_ACKNOWLEDGED] = {
    "acknowledgement of the complaint",
    "The complainant has been told their complaint was received.",
    RULE_CODE },
  [SC_EVENT_COMPLAINT_RESPONDED] = {
    "response to the complaint",
    "The complainant has been sent the authority's answer.",
    RULE_CODE },
  [SC_EVENT_COMPLAINT_EXTENDED] = {
    "extension of the complaint",
    "The authority needs longer to answer the complaint and has told the complainant why.",
    RULE_CODE },
  [SC_EVENT_TRANSFER_OUT] = {
    "plan transferred out",
    "The child has moved to another authority, which now maintains the plan.",
    RULE_R15 },
};

static const char *
event_title (ScEventType type)
{
  g_assert ((guint) type < SC_N_EVENT_TYPES);
  return event_text[type].title;
}

/**
 * sc_event_type_explain:
 *
 * Returns: (transfer none): what recording an event of @type means, one
 *   plain English sentence
 */
const char *
sc_event_type_explain (ScEventType type)
{
  g_return_val_if_fail ((guint) type < SC_N_EVENT_TYPES, NULL);
  return event_text[type].meaning;
}

static const char * const milestone_text[SC_N_MILESTONE_IDS] = {
  [SC_MILESTONE_ASSESSMENT_DECISION] =
    "The authority must tell the family whether it will assess within 6 weeks of receiving the request.",
  [SC_MILESTONE_FINAL_PLAN] =
    "The final plan must be issued within 20 weeks of the request, unless the authority decides not to assess or not to issue one.",
  [SC_MILESTONE_ADVICE] =
    "An adviser asked for advice should send it within 6 weeks of being asked.",
  [SC_MILESTONE_NO_PLAN_DECISION] =
    "A decision not to issue a plan must be made within 16 weeks of the request.",
  [SC_MILESTONE_DRAFT_COMMENTS] =
    "The family has 15 days, counting the day the draft was sent, to comment and to ask for a school or college; the final plan must wait until they end.",
  [SC_MILESTONE_CONSULTATION_RESPONSE] =
    "A school or college consulted should answer within 15 days; this is guidance, not a statutory deadline.",
  [SC_MILESTONE_ANNUAL_REVIEW] =
    "The plan must be reviewed at least every 12 months (every 6 months is advised for a child under 5).",
  [SC_MILESTONE_REVIEW_REPORT] =
    "The report of a review meeting is due within 2 weeks of the meeting.",
  [SC_MILESTONE_REVIEW_DECISION] =
    "The authority must decide whether to keep, amend or cease the plan within 4 weeks of the review meeting.",
  [SC_MILESTONE_AMENDMENT_COMMENTS] =
    "The family has 15 days, counting the day of the notice, to comment on proposed amendments.",
  [SC_MILESTONE_AMENDED_PLAN] =
    "The amended plan must be issued within 8 weeks of the amendment notice.",
  [SC_MILESTONE_PHASE_TRANSFER_PLAN] =
    "Before a move to the next phase the plan must be amended, naming the new setting, by 15 February (school) or 31 March (post-16).",
  [SC_MILESTONE_REASSESSMENT_DECISION] =
    "The authority must decide whether to reassess within 15 days of the request.",
  [SC_MILESTONE_REASSESSMENT_PLAN] =
    "After a decision to reassess, the amended or new plan must be issued within 14 weeks.",
  [SC_MILESTONE_TRANSFER_NOTICE] =
    "Within 6 weeks of a plan transferring in, the family must be told whether it will be reassessed and when it will be reviewed.",
  [SC_MILESTONE_APPEAL_WINDOW] =
    "The family can appeal this decision to the Tribunal for 2 months, or 1 month after a mediation certificate if that is later.",
  [SC_MILESTONE_APPEAL_RESPONSE] =
    "The authority must respond to an appeal within 30 tribunal working days (August and Christmas do not count).",
  [SC_MILESTONE_ORDER_ASSESSMENT_NOTICE] =
    "After a tribunal order to assess, the authority must say within 2 weeks that it will assess.",
  [SC_MILESTONE_ORDER_DRAFT_PLAN] =
    "After a tribunal order to make a plan, the draft is due within 5 weeks.",
  [SC_MILESTONE_ORDER_FINAL_PLAN] =
    "After a tribunal order, the final plan is due within the time the order's kind sets (14 weeks after an assessment order, 11 after an order to make a plan).",
  [SC_MILESTONE_ORDER_AMENDED_PLAN] =
    "After a tribunal order to amend a plan, the amended plan is due within 5 weeks (2 weeks when only the school or college changes).",
  [SC_MILESTONE_COMPLAINT_ACKNOWLEDGEMENT] =
    "A complaint must be acknowledged within 5 working days.",
  [SC_MILESTONE_COMPLAINT_RESPONSE] =
    "A complaint must be answered within 10 working days at stage 1 or 20 at stage 2, extended once by the same when the complainant is told why.",
};

/**
 * sc_milestone_explain:
 *
 * Returns: (transfer none): what a milestone of @id means, one or two plain
 *   English sentences, for a timeline in which every milestone explains itself
 */
const char *
sc_milestone_explain (ScMilestoneId id)
{
  g_return_val_if_fail ((guint) id < SC_N_MILESTONE_IDS, NULL);
  return milestone_text[id];
}

/* --- What comes next -------------------------------------------------- */

void
sc_case_step_free (ScCaseStep *step)
{
  if (step == NULL)
    return;
  g_free ((char *) step->event.key);
  g_array_unref (step->starts);
  g_free (step);
}

static void
step_milestone_clear (gpointer data)
{
  ScCaseStepMilestone *m = data;

  g_free (m->key);
}

/* Adds @event as a step if it may be recorded today, with what recording it
 * would start. @key is the step's key (NULL: a new one, the caseworker's to
 * choose); @event->key is what the check uses. */
static void
try_step (GPtrArray           *steps,
          const ScCaseHistory *history,
          const ScCalendar    *calendar,
          ScDay                today,
          const ScClockEvent  *event,
          const char          *key)
{
  g_autoptr(ScClockInput) input = NULL;
  g_autoptr(ScClockResult) result = NULL;
  ScCaseStep *step;
  guint index;

  if (!sc_case_check_event (history, event, today, NULL))
    return;

  input = sc_case_history_dup_clock_input (history);
  index = sc_clock_input_get_n_events (input);
  if (!sc_clock_input_add_event (input, event, NULL))
    g_assert_not_reached ();
  result = sc_clock_compute (input, calendar, today);

  step = g_new0 (ScCaseStep, 1);
  step->event = *event;
  step->event.key = g_strdup (key);
  step->meaning = event_text[event->type].meaning;
  step->rule = event_text[event->type].rule;
  step->starts = g_array_new (FALSE, TRUE, sizeof (ScCaseStepMilestone));
  g_array_set_clear_func (step->starts, step_milestone_clear);
  for (guint i = 0; i < sc_clock_result_get_n_milestones (result); i++)
    {
      const ScMilestone *m = sc_clock_result_get_milestone (result, i);
      ScCaseStepMilestone s;

      if (m->start_event != index || m->start_type != event->type)
        continue;
      s.id = m->id;
      s.kind = sc_milestone_id_get_kind (m->id);
      s.key = g_strcmp0 (m->key, NEW_KEY) == 0 ? NULL : g_strdup (m->key);
      s.due = m->due;
      s.rule = m->rule;
      g_array_append_val (step->starts, s);
    }
  g_ptr_array_add (steps, step);
}

/* The milestone a keyed completion acts on. */
static gboolean
completes_keyed (ScEventType    type,
                 ScMilestoneId *id)
{
  switch (type)
    {
    case SC_EVENT_ADVICE_RECEIVED: *id = SC_MILESTONE_ADVICE; return TRUE;
    case SC_EVENT_CONSULTATION_RESPONSE: *id = SC_MILESTONE_CONSULTATION_RESPONSE; return TRUE;
    case SC_EVENT_APPEAL_RESPONSE_SENT: *id = SC_MILESTONE_APPEAL_RESPONSE; return TRUE;
    case SC_EVENT_COMPLAINT_ACKNOWLEDGED: *id = SC_MILESTONE_COMPLAINT_ACKNOWLEDGEMENT; return TRUE;
    case SC_EVENT_COMPLAINT_RESPONDED:
    case SC_EVENT_COMPLAINT_EXTENDED: *id = SC_MILESTONE_COMPLAINT_RESPONSE; return TRUE;
    default: return FALSE;
    }
}

/**
 * sc_case_next_steps:
 * @calendar: for the due dates counted in working days
 * @today: the day the steps would be recorded
 *
 * What may be recorded on the case today, in event type order: each step is
 * an event dated @today that sc_case_check_event() accepts, with what it
 * means, the rule behind it, and the milestones it would start with their
 * due dates, computed by the clock on the history plus that event. A
 * completion that names an adviser, setting or reference comes once per open
 * one; a start that needs a new key has a NULL key; an event with an
 * enumerated member (reason, outcome, order, route, stage) comes once per
 * value.
 *
 * Returns: (transfer full) (element-type ScCaseStep): the steps
 */
GPtrArray *
sc_case_next_steps (const ScCaseHistory *history,
                    const ScCalendar    *calendar,
                    ScDay                today)
{
  g_autoptr(ScClockInput) input = NULL;
  g_autoptr(ScClockResult) now = NULL;
  GPtrArray *steps;
  int year, month, mday;

  g_return_val_if_fail (history != NULL, NULL);
  g_return_val_if_fail (calendar != NULL, NULL);

  steps = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_case_step_free);
  input = sc_case_history_dup_clock_input (history);
  now = sc_clock_compute (input, calendar, today);
  sc_day_to_ymd (today, &year, &month, &mday);

  for (guint t = 0; t < SC_N_EVENT_TYPES; t++)
    {
      ScClockEvent e = { .type = t, .date = today };
      ScMilestoneId id;

      if (completes_keyed (t, &id))
        {
          /* once per open milestone, with its key */
          for (guint i = 0; i < sc_clock_result_get_n_milestones (now); i++)
            {
              const ScMilestone *m = sc_clock_result_get_milestone (now, i);

              if (m->id != id || m->completed_on != SC_DAY_NONE ||
                  (m->status != SC_STATUS_PENDING && m->status != SC_STATUS_OVERDUE &&
                   m->status != SC_STATUS_EXCEPTED))
                continue;
              e.key = m->key;
              try_step (steps, history, calendar, today, &e, m->key);
            }
          continue;
        }
      if (_sc_event_type_get_fields (t) & SC_FIELD_KEY)
        e.key = NEW_KEY;
      switch (t)
        {
        case SC_EVENT_EXCEPTION_APPLIED:
          for (e.reason = SC_EXCEPTION_SETTING_CLOSURE; e.reason <= SC_EXCEPTION_ABSENT_FROM_AREA; e.reason++)
            try_step (steps, history, calendar, today, &e, NULL);
          break;
        case SC_EVENT_REVIEW_DECISION:
          for (e.outcome = SC_OUTCOME_MAINTAIN; e.outcome <= SC_OUTCOME_CEASE; e.outcome++)
            try_step (steps, history, calendar, today, &e, NULL);
          break;
        case SC_EVENT_TRIBUNAL_ORDER:
          for (e.order = SC_ORDER_ASSESS; e.order <= SC_ORDER_CEASE_PLAN; e.order++)
            try_step (steps, history, calendar, today, &e, NULL);
          break;
        case SC_EVENT_COMPLAINT_RECEIVED:
          for (e.stage = 1; e.stage <= 2; e.stage++)
            try_step (steps, history, calendar, today, &e, NULL);
          break;
        case SC_EVENT_PHASE_TRANSFER_DUE:
          /* the next 15 February or 31 March on or after today */
          e.route = SC_ROUTE_SCHOOL;
          e.transfer_year = year + (month > 2 || (month == 2 && mday > 15));
          try_step (steps, history, calendar, today, &e, NULL);
          e.route = SC_ROUTE_POST16;
          e.transfer_year = year + (month > 3);
          try_step (steps, history, calendar, today, &e, NULL);
          break;
        case SC_EVENT_AMENDED_PLAN_ISSUED:
          try_step (steps, history, calendar, today, &e, NULL);
          for (guint i = 0; i < sc_clock_result_get_n_milestones (now); i++)
            {
              const ScMilestone *m = sc_clock_result_get_milestone (now, i);

              if (m->id == SC_MILESTONE_PHASE_TRANSFER_PLAN && m->completed_on == SC_DAY_NONE &&
                  m->status != SC_STATUS_CANCELLED)
                {
                  e.phase_transfer = TRUE;
                  try_step (steps, history, calendar, today, &e, NULL);
                  break;
                }
            }
          break;
        default:
          try_step (steps, history, calendar, today, &e, NULL);
          break;
        }
    }
  return steps;
}
