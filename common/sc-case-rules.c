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
#include "sc-institution.h"
#include "sc-problem.h"

#include "sc-case-private.h"

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
    case SC_EVENT_APPEAL_DECIDED:
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

gboolean
sc_event_type_is_kept_by_record (ScEventType type)
{
  return is_dispute (type);
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
      if (g_strcmp0 (e->key, NEW_KEY) != 0 && !sc_urn_is_valid (e->key))
        return refuse (r, "key", "a consultation's key is the URN of the school or college consulted: "
                                 "a whole number from 1 to 999999999");
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

    case SC_EVENT_APPEAL_DECIDED:
      if (!st->appealed)
        return refuse (r, "type", "an appeal's decision needs the appeal registered first");
      return TRUE;

    /* completions: the clock decides whether they have something to complete */
    case SC_EVENT_ADVICE_RECEIVED:
    case SC_EVENT_CONSULTATION_RESPONSE:
    case SC_EVENT_CONSULTATION_WITHDRAWN:
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
    case SC_EVENT_CONSULTATION_WITHDRAWN:
      return refuse (r, "key", "no consultation with this setting is waiting for an answer to withdraw");
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
                                sc_case_event_title (later->type),
                                sc_day_format (later->date, when), now[i].message);
            ok = FALSE;
          }
    }
  refusals_free (old, MAX (n, 1));
  refusals_free (now, n + 1);
  return ok;
}
