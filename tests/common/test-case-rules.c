/* test-case-rules.c
 *
 * The rules of a case: the 20-week pathway step by step (stage and what may
 * be recorded next at each step), every refusal with its words, voided
 * events, and the due dates of the guidance held against the clock's own
 * timeline and against dates worked by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-case-rules.h"
#include "sc-error.h"
#include "sc-problem.h"
#include "test-clock-support.h"

/* A history from events written as JSON with single quotes. */
static ScCaseHistory *
history_new (const char *events)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = tc_json (events);
  g_autoptr(ScClockInput) input = NULL;
  ScCaseHistory *history = sc_case_history_new ();

  json = g_strdup_printf ("{\"events\": %s}", text);
  input = sc_clock_input_new_from_data (json, -1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sc_clock_input_get_n_events (input); i++)
    {
      g_assert_true (sc_case_history_add_event (history, sc_clock_input_get_event (input, i), &error));
      g_assert_no_error (error);
    }
  return history;
}

/* One event from JSON with single quotes; its key lives in @holder. */
static ScClockEvent
event_new (const char    *event,
           ScClockInput **holder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = tc_json (event);
  g_autofree char *json = g_strdup_printf ("{\"events\": [%s]}", text);

  *holder = sc_clock_input_new_from_data (json, -1, &error);
  g_assert_no_error (error);
  return *sc_clock_input_get_event (*holder, 0);
}

/* "field: message" of the refusal, or NULL when the event may be recorded;
 * checks the error's shape on the way. Interned. */
static const char *
check (ScCaseHistory *history,
       const char    *event,
       const char    *today)
{
  g_autoptr(ScClockInput) holder = NULL;
  g_autoptr(GError) error = NULL;
  ScClockEvent e = event_new (event, &holder);
  const ScProblem *problem;
  const ScFieldError *field;
  g_autofree char *text = NULL;

  if (sc_case_check_event (history, &e, tc_day (today), &error))
    {
      g_assert_no_error (error);
      return NULL;
    }
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
  problem = sc_error_get_problem (error);
  g_assert_nonnull (problem);
  g_assert_cmpuint (sc_problem_get_n_field_errors (problem), ==, 1);
  field = sc_problem_get_field_error (problem, 0);
  text = g_strdup_printf ("%s: %s", field->field, field->message);
  g_assert_cmpstr (error->message, ==, text);
  /* the same answer without an error to fill */
  g_assert_false (sc_case_check_event (history, &e, tc_day (today), NULL));
  return g_intern_string (text);
}

/* Records @event after checking it may be. */
static void
record (ScCaseHistory *history,
        const char    *event,
        const char    *today)
{
  g_autoptr(ScClockInput) holder = NULL;
  g_autoptr(GError) error = NULL;
  ScClockEvent e = event_new (event, &holder);

  g_assert_cmpstr (check (history, event, today), ==, NULL);
  g_assert_true (sc_case_history_add_event (history, &e, &error));
  g_assert_no_error (error);
}

static const char *
stage (ScCaseHistory *history)
{
  return sc_case_stage_to_string (sc_case_get_stage (history));
}

/* The next steps' event types, comma-separated, each type once. Interned. */
static const char *
next (ScCaseHistory *history,
      const char    *today)
{
  g_autoptr(GPtrArray) steps = sc_case_next_steps (history, sc_calendar_get_default (), tc_day (today));
  g_autoptr(GString) out = g_string_new (NULL);
  int last = -1;

  for (guint i = 0; i < steps->len; i++)
    {
      const ScCaseStep *step = g_ptr_array_index (steps, i);

      g_assert_nonnull (step->meaning);
      g_assert_nonnull (step->rule);
      g_assert_cmpuint (step->event.date, ==, tc_day (today));
      if ((int) step->event.type == last)
        continue;
      last = step->event.type;
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append (out, sc_event_type_to_string (step->event.type));
    }
  return g_intern_string (out->str);
}

/* What the first step of @type (with @key, NULL: any) would start, as
 * "id=due id=due", in the clock's order. Interned; "missing" without it. */
static const char *
starts (ScCaseHistory *history,
        const char    *today,
        ScEventType    type,
        const char    *key)
{
  g_autoptr(GPtrArray) steps = sc_case_next_steps (history, sc_calendar_get_default (), tc_day (today));

  for (guint i = 0; i < steps->len; i++)
    {
      const ScCaseStep *step = g_ptr_array_index (steps, i);
      g_autoptr(GString) out = g_string_new (NULL);

      if (step->event.type != type || (key != NULL && g_strcmp0 (step->event.key, key) != 0))
        continue;
      for (guint j = 0; j < step->starts->len; j++)
        {
          const ScCaseStepMilestone *m = &g_array_index (step->starts, ScCaseStepMilestone, j);
          char due[SC_DAY_STRING_SIZE];

          g_assert_nonnull (m->rule);
          g_assert_cmpint (m->kind, ==, sc_milestone_id_get_kind (m->id));
          g_string_append_printf (out, "%s%s=%s", j > 0 ? " " : "", sc_milestone_id_to_string (m->id),
                                  sc_day_format (m->due, due));
        }
      return g_intern_string (out->str);
    }
  return "missing";
}

/* --- The pathway ---------------------------------------------------------- */

#define PATHWAY_START "request_received,transfer_in"

static void
test_pathway (void)
{
  g_autoptr(ScCaseHistory) h = sc_case_history_new ();

  g_assert_cmpstr (stage (h), ==, "none");
  g_assert_cmpstr (next (h, "2026-01-05"), ==, PATHWAY_START);

  record (h, "{'type':'request_received','date':'2026-01-05'}", "2026-01-05");
  g_assert_cmpstr (stage (h), ==, "requested");
  g_assert_cmpstr (next (h, "2026-01-20"), ==,
                   "decided_to_assess,decided_not_to_assess,exception_applied,"
                   "appeal_registered,complaint_received,transfer_out");

  record (h, "{'type':'decided_to_assess','date':'2026-02-09'}", "2026-02-09");
  g_assert_cmpstr (stage (h), ==, "assessing");
  g_assert_cmpstr (next (h, "2026-02-10"), ==,
                   "advice_requested,decided_not_to_issue,draft_plan_issued,exception_applied,"
                   "appeal_registered,complaint_received,transfer_out");

  record (h, "{'type':'advice_requested','date':'2026-02-10','key':'educational_psychology'}", "2026-02-10");
  record (h, "{'type':'advice_requested','date':'2026-02-10','key':'health'}", "2026-02-10");
  g_assert_cmpstr (stage (h), ==, "assessing");
  g_assert_cmpstr (next (h, "2026-03-02"), ==,
                   "advice_requested,advice_received,decided_not_to_issue,draft_plan_issued,"
                   "exception_applied,appeal_registered,complaint_received,transfer_out");
  record (h, "{'type':'advice_received','date':'2026-03-16','key':'educational_psychology'}", "2026-03-16");
  record (h, "{'type':'advice_received','date':'2026-03-20','key':'health'}", "2026-03-20");
  /* nothing left to receive */
  g_assert_cmpstr (next (h, "2026-03-23"), ==,
                   "advice_requested,decided_not_to_issue,draft_plan_issued,exception_applied,"
                   "appeal_registered,complaint_received,transfer_out");

  record (h, "{'type':'draft_plan_issued','date':'2026-04-13'}", "2026-04-13");
  g_assert_cmpstr (stage (h), ==, "drafting");
  /* inside the comment period the final plan may not yet be issued */
  g_assert_cmpstr (next (h, "2026-04-20"), ==,
                   "advice_requested,decided_not_to_issue,draft_plan_issued,consultation_sent,"
                   "exception_applied,appeal_registered,complaint_received,transfer_out");
  record (h, "{'type':'consultation_sent','date':'2026-04-14','key':'100001'}", "2026-04-14");
  record (h, "{'type':'consultation_response','date':'2026-04-24','key':'100001'}", "2026-04-24");
  /* 2026-04-13 + 15 days: the day after the comments close */
  g_assert_cmpstr (next (h, "2026-04-28"), ==,
                   "advice_requested,decided_not_to_issue,draft_plan_issued,consultation_sent,"
                   "final_plan_issued,exception_applied,appeal_registered,complaint_received,"
                   "transfer_out");

  record (h, "{'type':'final_plan_issued','date':'2026-05-18'}", "2026-05-18");
  g_assert_cmpstr (stage (h), ==, "final");
  g_assert_cmpstr (next (h, "2026-05-19"), ==,
                   "review_meeting,amendment_notice_issued,phase_transfer_due,cease_decided,"
                   "reassessment_requested,mediation_certificate_issued,appeal_registered,"
                   "complaint_received,transfer_out");

  record (h, "{'type':'review_meeting','date':'2027-04-19'}", "2027-04-19");
  g_assert_cmpstr (stage (h), ==, "under_review");
  g_assert_cmpstr (next (h, "2027-04-20"), ==,
                   "consultation_sent,review_report_received,review_decision,"
                   "amendment_notice_issued,phase_transfer_due,cease_decided,"
                   "reassessment_requested,appeal_registered,complaint_received,transfer_out");
  record (h, "{'type':'review_report_received','date':'2027-04-30'}", "2027-04-30");
  record (h, "{'type':'review_decision','date':'2027-05-10','outcome':'maintain'}", "2027-05-10");
  g_assert_cmpstr (stage (h), ==, "final");

  record (h, "{'type':'cease_decided','date':'2027-09-01'}", "2027-09-01");
  g_assert_cmpstr (stage (h), ==, "ceasing");
  record (h, "{'type':'plan_ceased','date':'2027-11-02'}", "2027-11-02");
  g_assert_cmpstr (stage (h), ==, "ceased");
  /* only a dispute can follow; the appeal window of the decision to cease ran out on 2027-11-01 */
  g_assert_cmpstr (next (h, "2027-11-03"), ==, "appeal_registered,complaint_received");
}

/* The other ways a case goes: refusals close it, an order reopens it, a
 * review can lead to an amendment or to ceasing, a plan moves away. */
static void
test_stages (void)
{
  g_autoptr(ScCaseHistory) a = history_new ("[{'type':'request_received','date':'2026-01-05'},"
                                            " {'type':'decided_not_to_assess','date':'2026-02-02'}]");
  g_autoptr(ScCaseHistory) b = history_new ("[{'type':'request_received','date':'2026-01-05'},"
                                            " {'type':'decided_to_assess','date':'2026-02-02'},"
                                            " {'type':'decided_not_to_issue','date':'2026-04-20'}]");
  g_autoptr(ScCaseHistory) c = history_new ("[{'type':'transfer_in','date':'2026-01-05'}]");

  g_assert_cmpstr (stage (a), ==, "closed");
  g_assert_cmpstr (next (a, "2026-02-03"), ==,
                   "request_received,transfer_in,mediation_certificate_issued,appeal_registered,"
                   "complaint_received");
  record (a, "{'type':'appeal_registered','date':'2026-03-02','key':'EH100/26/1'}", "2026-03-02");
  g_assert_cmpstr (stage (a), ==, "closed");
  record (a, "{'type':'tribunal_order','date':'2026-06-01','key':'EH100/26/1','order':'assess'}", "2026-06-01");
  g_assert_cmpstr (stage (a), ==, "requested");
  record (a, "{'type':'decided_to_assess','date':'2026-06-10'}", "2026-06-10");
  g_assert_cmpstr (stage (a), ==, "assessing");

  g_assert_cmpstr (stage (b), ==, "closed");
  record (b, "{'type':'appeal_registered','date':'2026-05-11','key':'EH100/26/2'}", "2026-05-11");
  record (b, "{'type':'tribunal_order','date':'2026-08-03','key':'EH100/26/2','order':'make_plan'}", "2026-08-03");
  g_assert_cmpstr (stage (b), ==, "drafting");
  g_assert_cmpstr (check (b, "{'type':'final_plan_issued','date':'2026-08-04'}", "2026-08-04"), ==,
                   "type: a final plan needs a draft plan first (Children and Families Act 2014, s38)");

  g_assert_cmpstr (stage (c), ==, "final");
  record (c, "{'type':'review_meeting','date':'2026-03-02'}", "2026-03-02");
  record (c, "{'type':'review_decision','date':'2026-03-20','outcome':'amend'}", "2026-03-20");
  g_assert_cmpstr (stage (c), ==, "under_review");
  record (c, "{'type':'amendment_notice_issued','date':'2026-03-20'}", "2026-03-20");
  g_assert_cmpstr (check (c, "{'type':'amended_plan_issued','date':'2026-04-03'}", "2026-04-03"), ==,
                   "date: the family has 15 days to comment on the proposed amendments "
                   "(SEND Regulations 2014, reg 22(2)(c)): the amended plan can follow from 2026-04-04");
  record (c, "{'type':'amended_plan_issued','date':'2026-04-04'}", "2026-04-04");
  g_assert_cmpstr (stage (c), ==, "final");
  record (c, "{'type':'transfer_out','date':'2026-06-01'}", "2026-06-01");
  g_assert_cmpstr (stage (c), ==, "transferred_out");
  g_assert_cmpstr (check (c, "{'type':'review_meeting','date':'2026-06-02'}", "2026-06-02"), ==,
                   "type: the plan has moved to another authority: only an appeal or a complaint can follow");
}

static void
test_review_cease (void)
{
  g_autoptr(ScCaseHistory) h = history_new ("[{'type':'transfer_in','date':'2026-01-05'},"
                                            " {'type':'review_meeting','date':'2026-03-02'},"
                                            " {'type':'review_decision','date':'2026-03-20','outcome':'cease'}]");

  g_assert_cmpstr (stage (h), ==, "ceasing");
  /* the review's outcome is not the notice of the decision to cease */
  g_assert_cmpstr (check (h, "{'type':'plan_ceased','date':'2026-04-01'}", "2026-04-01"), ==,
                   "type: a plan ceases only after the decision to cease has been sent "
                   "(SEND Regulations 2014, reg 31)");
  record (h, "{'type':'cease_decided','date':'2026-03-23'}", "2026-03-23");
  g_assert_cmpstr (check (h, "{'type':'cease_decided','date':'2026-03-24'}", "2026-03-24"), ==,
                   "type: the decision to cease has already been recorded");
  /* the family appeals, the Tribunal orders the plan kept */
  record (h, "{'type':'appeal_registered','date':'2026-04-15','key':'EH1'}", "2026-04-15");
  record (h, "{'type':'tribunal_order','date':'2026-07-01','key':'EH1','order':'continue_plan'}", "2026-07-01");
  g_assert_cmpstr (stage (h), ==, "final");
  g_assert_cmpstr (check (h, "{'type':'plan_ceased','date':'2026-07-02'}", "2026-07-02"), ==,
                   "type: a plan ceases only after the decision to cease has been sent "
                   "(SEND Regulations 2014, reg 31)");
}

/* --- Refusals ------------------------------------------------------------- */

typedef struct
{
  const char *history;
  const char *event;
  const char *today;
  const char *refusal;
} Refusal;

#define REQ "{'type':'request_received','date':'2026-01-05'}"
#define ASSESS "{'type':'decided_to_assess','date':'2026-02-02'}"
#define DRAFT "{'type':'draft_plan_issued','date':'2026-04-13'}"
#define FINAL "{'type':'final_plan_issued','date':'2026-05-11'}"
#define PLAN "[" REQ "," ASSESS "," DRAFT "," FINAL

static const Refusal refusals[] = {
  /* dates */
  { "[" REQ "]", "{'type':'decided_to_assess','date':'2026-02-03'}", "2026-02-02",
    "date: is in the future: record an event once it has happened" },
  { "[" REQ "]", "{'type':'decided_to_assess','date':'2026-01-02'}", "2026-02-02",
    "date: is before the request was received (2026-01-05)" },
  { "[{'type':'transfer_in','date':'2026-01-05'}]", "{'type':'review_meeting','date':'2025-12-01'}", "2026-02-02",
    "date: is before the plan was transferred in (2026-01-05)" },
  /* how a case begins, and a second request */
  { "[]", "{'type':'decided_to_assess','date':'2026-01-05'}", "2026-02-02",
    "type: a case begins with a request for an assessment or a plan transferred in" },
  { "[" REQ "]", "{'type':'request_received','date':'2026-01-20'}", "2026-02-02",
    "type: the case already has a request in progress" },
  { PLAN "]", "{'type':'request_received','date':'2026-06-01'}", "2026-06-02",
    "type: a plan is in force: record a request for a reassessment instead" },
  { PLAN "]", "{'type':'transfer_in','date':'2026-06-01'}", "2026-06-02",
    "type: a plan transferred in from another authority starts a case: this one already has a request or a plan" },
  /* the assessment's order */
  { "[" REQ "," ASSESS "]", "{'type':'decided_not_to_assess','date':'2026-02-03'}", "2026-02-03",
    "type: whether to assess has already been decided" },
  { PLAN "]", "{'type':'decided_to_assess','date':'2026-06-01'}", "2026-06-02",
    "type: a decision whether to assess needs a request for an assessment first (SEND Regulations 2014, reg 5(1))" },
  { "[" REQ "]", "{'type':'advice_requested','date':'2026-01-06','key':'health'}", "2026-02-02",
    "type: advice is sought once the authority has decided to assess" },
  { PLAN "]", "{'type':'advice_requested','date':'2026-06-01','key':'health'}", "2026-06-02",
    "type: advice is sought for an assessment, and none is in progress" },
  { "[" REQ "," ASSESS "]", "{'type':'advice_received','date':'2026-02-03','key':'health'}", "2026-02-03",
    "key: no advice is awaited from this adviser: record the request for advice first (SEND Regulations 2014, reg 8(1))" },
  { "[" REQ "," ASSESS ",{'type':'advice_requested','date':'2026-02-03','key':'health'},"
    "{'type':'advice_received','date':'2026-02-20','key':'health'}]",
    "{'type':'advice_received','date':'2026-02-21','key':'health'}", "2026-02-21",
    "key: no advice is awaited from this adviser: record the request for advice first (SEND Regulations 2014, reg 8(1))" },
  { "[" REQ "]", "{'type':'decided_not_to_issue','date':'2026-01-06'}", "2026-02-02",
    "type: a decision not to issue a plan needs the decision to assess first" },
  { PLAN "]", "{'type':'decided_not_to_issue','date':'2026-06-01'}", "2026-06-02",
    "type: a decision not to issue a plan needs an assessment in progress (SEND Regulations 2014, reg 10(1))" },
  { "[" REQ "]", "{'type':'draft_plan_issued','date':'2026-01-06'}", "2026-02-02",
    "type: a draft plan needs the decision to assess first" },
  { PLAN "]", "{'type':'draft_plan_issued','date':'2026-06-01'}", "2026-06-02",
    "type: a plan is in force: propose changes to it with an amendment notice (SEND Regulations 2014, reg 22)" },
  { "[" REQ "," ASSESS "]", "{'type':'consultation_sent','date':'2026-02-03','key':'100001'}", "2026-02-03",
    "type: a setting is consulted on a draft plan or on proposed amendments (Children and Families Act 2014, s39)" },
  { "[" REQ "," ASSESS "," DRAFT "]", "{'type':'consultation_response','date':'2026-04-20','key':'100001'}", "2026-04-20",
    "key: no consultation with this setting is waiting for an answer" },
  /* the final plan */
  { "[" REQ "," ASSESS "]", "{'type':'final_plan_issued','date':'2026-05-11'}", "2026-05-11",
    "type: a final plan needs a draft plan first (Children and Families Act 2014, s38)" },
  { "[" REQ "]", "{'type':'final_plan_issued','date':'2026-05-11'}", "2026-05-11",
    "type: a final plan needs a draft plan first (Children and Families Act 2014, s38)" },
  { "[" REQ "," ASSESS "," DRAFT "]", "{'type':'final_plan_issued','date':'2026-04-27'}", "2026-04-27",
    "date: the family has 15 days to comment on the draft (SEND Regulations 2014, reg 13(1)): "
    "the final plan can follow from 2026-04-28" },
  { PLAN "]", "{'type':'final_plan_issued','date':'2026-06-01'}", "2026-06-02",
    "type: a plan is already in force: change it with an amendment notice (SEND Regulations 2014, reg 22)" },
  { PLAN "]", "{'type':'exception_applied','date':'2026-06-01','reason':'personal_circumstances'}", "2026-06-02",
    "type: an exception applies only while an assessment's time limits run (SEND Regulations 2014, reg 10(4))" },
  /* reviews and amendments */
  { "[" REQ "," ASSESS "]", "{'type':'review_meeting','date':'2026-03-02'}", "2026-03-02",
    "type: a review needs a final plan in force (Children and Families Act 2014, s44)" },
  { PLAN ",{'type':'review_meeting','date':'2027-04-01'}]", "{'type':'review_meeting','date':'2027-04-02'}", "2027-04-02",
    "type: a review is already under way: record its decision first" },
  { PLAN ",{'type':'review_meeting','date':'2027-04-01'},"
    "{'type':'review_decision','date':'2027-04-20','outcome':'maintain'}]",
    "{'type':'review_decision','date':'2027-04-21','outcome':'maintain'}", "2027-04-21",
    "type: no review is waiting for a decision: record the review meeting first (SEND Regulations 2014, reg 20)" },
  { PLAN "]", "{'type':'review_report_received','date':'2026-06-01'}", "2026-06-02",
    "type: no review report is awaited: record the review meeting first (SEND Regulations 2014, reg 20)" },
  { PLAN "]", "{'type':'amended_plan_issued','date':'2026-06-01'}", "2026-06-02",
    "type: no amendment is under way: issue an amendment notice first (SEND Regulations 2014, reg 22)" },
  { "[" REQ "," ASSESS "]", "{'type':'amendment_notice_issued','date':'2026-03-02'}", "2026-03-02",
    "type: an amendment needs a final plan in force (SEND Regulations 2014, reg 22)" },
  { "[" REQ "]", "{'type':'phase_transfer_due','date':'2026-01-06','transfer_year':2027,'route':'school'}", "2026-01-06",
    "type: a phase transfer needs a final plan in force (SEND Regulations 2014, reg 18)" },
  /* ceasing */
  { "[" REQ "]", "{'type':'cease_decided','date':'2026-01-06'}", "2026-01-06",
    "type: ceasing needs a plan in force (Children and Families Act 2014, s45)" },
  { PLAN "]", "{'type':'plan_ceased','date':'2026-06-01'}", "2026-06-02",
    "type: a plan ceases only after the decision to cease has been sent (SEND Regulations 2014, reg 31)" },
  { PLAN ",{'type':'cease_decided','date':'2026-06-01'},{'type':'plan_ceased','date':'2026-08-03'}]",
    "{'type':'review_meeting','date':'2026-08-04'}", "2026-08-04",
    "type: the plan has ceased: only an appeal or a complaint can follow" },
  { PLAN ",{'type':'cease_decided','date':'2026-06-01'},{'type':'plan_ceased','date':'2026-08-03'}]",
    "{'type':'request_received','date':'2026-08-04'}", "2026-08-04",
    "type: the plan has ceased: only an appeal or a complaint can follow" },
  /* reassessment and transfers */
  { "[" REQ "]", "{'type':'reassessment_requested','date':'2026-01-06'}", "2026-01-06",
    "type: a reassessment needs a final plan in force" },
  { PLAN ",{'type':'reassessment_requested','date':'2026-06-01'}]", "{'type':'reassessment_requested','date':'2026-06-02'}", "2026-06-02",
    "type: a request for a reassessment is already waiting for a decision" },
  { PLAN "]", "{'type':'decided_to_reassess','date':'2026-06-01'}", "2026-06-02",
    "type: no request for a reassessment is waiting for a decision (SEND Regulations 2014, reg 25)" },
  { PLAN "]", "{'type':'transfer_notice_sent','date':'2026-06-01'}", "2026-06-02",
    "type: no transfer notice is due: it follows a plan transferred in (SEND Regulations 2014, reg 15(4))" },
  { "[" REQ ",{'type':'decided_not_to_assess','date':'2026-02-02'}]", "{'type':'advice_requested','date':'2026-02-03','key':'health'}", "2026-02-03",
    "type: the case was closed by the decision not to assess: a new request or a tribunal order reopens it" },
  { "[" REQ "," ASSESS ",{'type':'decided_not_to_issue','date':'2026-04-20'}]", "{'type':'draft_plan_issued','date':'2026-04-21'}", "2026-04-21",
    "type: the case was closed by the decision not to issue a plan: a new request or a tribunal order reopens it" },
  /* disputes */
  { "[" REQ ",{'type':'decided_not_to_assess','date':'2026-02-02'}]", "{'type':'mediation_certificate_issued','date':'2026-04-03'}", "2026-04-03",
    "type: no decision on this case can still be appealed (Children and Families Act 2014, s55)" },
  { "[" REQ "]", "{'type':'appeal_response_sent','date':'2026-02-02','key':'EH1'}", "2026-02-02",
    "key: no appeal with this reference is waiting for a response" },
  { "[" REQ "]", "{'type':'tribunal_order','date':'2026-02-02','key':'EH1','order':'assess'}", "2026-02-02",
    "type: a tribunal order needs an appeal registered first" },
  { "[" REQ ",{'type':'complaint_received','date':'2026-01-20','key':'C1','stage':1}]",
    "{'type':'complaint_acknowledged','date':'2026-01-21','key':'C2'}", "2026-01-21",
    "key: no complaint with this reference is waiting for an acknowledgement" },
  { "[" REQ "]", "{'type':'complaint_responded','date':'2026-01-21','key':'C1'}", "2026-01-21",
    "key: no complaint with this reference is waiting for a response" },
  /* a late entry that would break what was recorded after it */
  { "[" REQ "," ASSESS "," DRAFT "]", "{'type':'decided_not_to_issue','date':'2026-04-01'}", "2026-04-20",
    "date: would break the draft plan of 2026-04-13: the case was closed by the decision not to issue a plan: "
    "a new request or a tribunal order reopens it" },
  { "[" REQ "," ASSESS "]", "{'type':'request_received','date':'2025-12-01'}", "2026-04-20",
    "date: would break the request for an assessment of 2026-01-05: the case already has a request in progress" },
};

static void
test_refusals (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autoptr(ScCaseHistory) h = history_new (refusals[i].history);

      g_test_message ("refusal %u: %s", i, refusals[i].event);
      g_assert_cmpstr (check (h, refusals[i].event, refusals[i].today), ==, refusals[i].refusal);
    }
}

/* Every message is short and reads beside its field: lower case first, no
 * full stop. */
static void
test_refusal_words (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      const char *message = strchr (refusals[i].refusal, ':') + 2;

      g_assert_true (g_ascii_islower (message[0]));
      g_assert_false (g_str_has_suffix (message, "."));
      g_assert_cmpuint (strlen (message), <, 200);
    }
}

/* --- Voids ------------------------------------------------------------------ */

static void
test_voided (void)
{
  g_autoptr(ScCaseHistory) h = history_new ("[" REQ "," ASSESS "," DRAFT "]");
  g_autoptr(ScClockInput) input = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (stage (h), ==, "drafting");
  /* the draft was recorded by mistake */
  g_assert_true (sc_case_history_void_event (h, 2, &error));
  g_assert_no_error (error);
  g_assert_true (sc_case_history_is_voided (h, 2));
  g_assert_cmpuint (sc_case_history_get_n_events (h), ==, 3);
  g_assert_cmpstr (stage (h), ==, "assessing");
  g_assert_cmpstr (check (h, "{'type':'final_plan_issued','date':'2026-05-11'}", "2026-05-11"), ==,
                   "type: a final plan needs a draft plan first (Children and Families Act 2014, s38)");
  input = sc_case_history_dup_clock_input (h);
  g_assert_cmpuint (sc_clock_input_get_n_events (input), ==, 2);

  /* a voided event cannot be voided again, nor an unknown one */
  g_assert_false (sc_case_history_void_event (h, 2, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "event: is already voided");
  g_clear_error (&error);
  g_assert_false (sc_case_check_void (h, 3, &error));
  g_assert_cmpstr (error->message, ==, "event: no such event on this case");
  g_clear_error (&error);

  /* voiding the request leaves nothing to start the case */
  g_assert_true (sc_case_history_void_event (h, 0, NULL));
  g_assert_true (sc_case_history_void_event (h, 1, NULL));
  g_assert_cmpstr (stage (h), ==, "none");
  g_assert_cmpstr (next (h, "2026-05-11"), ==, PATHWAY_START);

  /* after a plan has ceased, a void is still allowed: it is how a mistaken
   * cessation is corrected */
  {
    g_autoptr(ScCaseHistory) c = history_new (PLAN ",{'type':'cease_decided','date':'2026-06-01'},"
                                              "{'type':'plan_ceased','date':'2026-08-03'}]");

    g_assert_cmpstr (stage (c), ==, "ceased");
    g_assert_true (sc_case_check_void (c, 5, NULL));
    g_assert_true (sc_case_history_void_event (c, 5, NULL));
    g_assert_cmpstr (stage (c), ==, "ceasing");
    g_assert_cmpstr (check (c, "{'type':'review_meeting','date':'2026-08-04'}", "2026-08-04"), ==, NULL);
  }
}

/* --- Guidance and the clock ---------------------------------------------- */

/* The guidance's due dates are the clock's: each step's milestones equal
 * those of the timeline computed with the step recorded. */
static void
test_steps_match_clock (void)
{
  static const char * const histories[] = {
    "[]",
    "[" REQ "]",
    "[" REQ "," ASSESS ",{'type':'advice_requested','date':'2026-02-03','key':'health'}]",
    "[" REQ "," ASSESS "," DRAFT "]",
    PLAN "]",
    PLAN ",{'type':'review_meeting','date':'2027-04-01'}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (histories); i++)
    {
      g_autoptr(ScCaseHistory) h = history_new (histories[i]);
      g_autoptr(GPtrArray) steps = sc_case_next_steps (h, sc_calendar_get_default (), tc_day ("2026-07-01"));

      g_assert_cmpuint (steps->len, >, 0);
      for (guint s = 0; s < steps->len; s++)
        {
          const ScCaseStep *step = g_ptr_array_index (steps, s);
          g_autoptr(ScClockInput) input = sc_case_history_dup_clock_input (h);
          g_autoptr(ScClockResult) result = NULL;
          ScClockEvent e = step->event;
          guint index = sc_clock_input_get_n_events (input);
          guint k = 0;

          if (e.key == NULL && step->starts->len > 0 && (e.type == SC_EVENT_ADVICE_REQUESTED ||
              e.type == SC_EVENT_CONSULTATION_SENT || e.type == SC_EVENT_APPEAL_REGISTERED ||
              e.type == SC_EVENT_COMPLAINT_RECEIVED || e.type == SC_EVENT_TRIBUNAL_ORDER))
            e.key = e.type == SC_EVENT_CONSULTATION_SENT ? "100001" : "K1";
          g_assert_true (sc_case_check_event (h, &e, tc_day ("2026-07-01"), NULL));
          g_assert_true (sc_clock_input_add_event (input, &e, NULL));
          result = sc_clock_compute (input, sc_calendar_get_default (), tc_day ("2026-07-01"));
          for (guint m = 0; m < sc_clock_result_get_n_milestones (result); m++)
            {
              const ScMilestone *ms = sc_clock_result_get_milestone (result, m);
              const ScCaseStepMilestone *sm;

              if (ms->start_event != index || ms->start_type != e.type)
                continue;
              g_assert_cmpuint (k, <, step->starts->len);
              sm = &g_array_index (step->starts, ScCaseStepMilestone, k++);
              g_assert_cmpint (sm->id, ==, ms->id);
              g_assert_cmpuint (sm->due, ==, ms->due);
              g_assert_cmpstr (sm->rule, ==, ms->rule);
            }
          g_assert_cmpuint (k, ==, step->starts->len);
        }
    }
}

/* Due dates worked by hand. */
static void
test_step_due_dates (void)
{
  g_autoptr(ScCaseHistory) empty = sc_case_history_new ();
  g_autoptr(ScCaseHistory) req = history_new ("[" REQ "]");
  g_autoptr(ScCaseHistory) assessing = history_new ("[" REQ "," ASSESS "]");
  g_autoptr(ScCaseHistory) drafted = history_new ("[" REQ "," ASSESS "," DRAFT "]");
  g_autoptr(ScCaseHistory) plan = history_new (PLAN "]");
  g_autoptr(ScClockResult) timeline = tc_run ("[" REQ "]", "2026-01-05");

  /* request 2026-01-05 (a Monday): + 6 weeks = 2026-02-16; + 20 weeks = 140 days = 2026-05-25 */
  g_assert_cmpstr (starts (empty, "2026-01-05", SC_EVENT_REQUEST_RECEIVED, NULL), ==,
                   "assessment_decision=2026-02-16 final_plan=2026-05-25");
  /* the same dates as the clock's own timeline of that history */
  g_assert_cmpstr (tc_state (timeline, "assessment_decision", NULL), ==,
                   "due=2026-02-16 status=pending completed_on=null");
  g_assert_cmpstr (tc_state (timeline, "final_plan", NULL), ==,
                   "due=2026-05-25 status=pending completed_on=null");

  /* a decision to assess starts nothing; refusing opens the 2-month appeal window */
  g_assert_cmpstr (starts (req, "2026-02-02", SC_EVENT_DECIDED_TO_ASSESS, NULL), ==, "");
  g_assert_cmpstr (starts (req, "2026-02-02", SC_EVENT_DECIDED_NOT_TO_ASSESS, NULL), ==,
                   "appeal_window=2026-04-02");
  /* advice asked 2026-02-10: + 42 days = 2026-03-24 */
  g_assert_cmpstr (starts (assessing, "2026-02-10", SC_EVENT_ADVICE_REQUESTED, NULL), ==,
                   "advice=2026-03-24");
  /* draft 2026-04-13: 15 days beginning with that day end 2026-04-27 */
  g_assert_cmpstr (starts (assessing, "2026-04-13", SC_EVENT_DRAFT_PLAN_ISSUED, NULL), ==,
                   "draft_comments=2026-04-27");
  /* final plan 2026-05-11: the review 12 months on, the appeal 2 months on */
  g_assert_cmpstr (starts (drafted, "2026-05-11", SC_EVENT_FINAL_PLAN_ISSUED, NULL), ==,
                   "appeal_window=2026-07-11 annual_review=2027-05-11");
  /* the review meeting 2027-04-19: report + 2 weeks, decision + 4 weeks */
  g_assert_cmpstr (starts (plan, "2027-04-19", SC_EVENT_REVIEW_MEETING, NULL), ==,
                   "review_report=2027-05-03 review_decision=2027-05-17");
}

/* Working days matter where the contract counts in them: complaints (bank
 * holidays) and the response to an appeal (August and Christmas). */
static void
test_step_due_dates_calendar (void)
{
  g_autoptr(ScCaseHistory) plan = history_new (PLAN "]");
  g_autoptr(ScClockResult) complaint = tc_run ("[" REQ ",{'type':'complaint_received','date':'2026-03-31','key':'C1','stage':1}]",
                                               "2026-03-31");
  g_autoptr(ScClockResult) appeal = tc_run ("[" REQ ",{'type':'appeal_registered','date':'2026-07-01','key':'EH1'}]",
                                            "2026-07-01");

  /* 2026-03-31 + 5 working days over Easter (Good Friday 3 April, Easter
   * Monday 6 April): 1, 2, 7, 8, 9 April; + 10: 16 April */
  g_assert_cmpstr (starts (plan, "2026-03-31", SC_EVENT_COMPLAINT_RECEIVED, NULL), ==,
                   "complaint_acknowledgement=2026-04-09 complaint_response=2026-04-16");
  g_assert_cmpstr (tc_state (complaint, "complaint_acknowledgement", "C1"), ==,
                   "due=2026-04-09 status=pending completed_on=null");
  /* 2026-07-01 + 30 tribunal working days: 21 in July, none in August, 9 in September */
  g_assert_cmpstr (starts (plan, "2026-07-01", SC_EVENT_APPEAL_REGISTERED, NULL), ==,
                   "appeal_response=2026-09-10");
  g_assert_cmpstr (tc_state (appeal, "appeal_response", "EH1"), ==,
                   "due=2026-09-10 status=pending completed_on=null");
}

/* Keyed completions come once per open key, with the key; variants of
 * enumerated members once per value. */
static void
test_step_variants (void)
{
  g_autoptr(ScCaseHistory) h = history_new ("[" REQ "," ASSESS ","
                                            "{'type':'advice_requested','date':'2026-02-03','key':'health'},"
                                            "{'type':'advice_requested','date':'2026-02-03','key':'social_care'}]");
  g_autoptr(GPtrArray) steps = sc_case_next_steps (h, sc_calendar_get_default (), tc_day ("2026-02-20"));
  guint received = 0, exceptions = 0, complaints = 0;

  for (guint i = 0; i < steps->len; i++)
    {
      const ScCaseStep *step = g_ptr_array_index (steps, i);

      if (step->event.type == SC_EVENT_ADVICE_RECEIVED)
        {
          g_assert_cmpstr (step->event.key, ==, received == 0 ? "health" : "social_care");
          received++;
        }
      else if (step->event.type == SC_EVENT_ADVICE_REQUESTED)
        g_assert_null (step->event.key);
      else if (step->event.type == SC_EVENT_EXCEPTION_APPLIED)
        g_assert_cmpint (step->event.reason, ==, SC_EXCEPTION_SETTING_CLOSURE + exceptions++);
      else if (step->event.type == SC_EVENT_COMPLAINT_RECEIVED)
        g_assert_cmpint (step->event.stage, ==, 1 + complaints++);
    }
  g_assert_cmpuint (received, ==, 2);
  g_assert_cmpuint (exceptions, ==, 4);
  g_assert_cmpuint (complaints, ==, 2);
}

/* Every milestone, event type and stage explains itself. */
static void
test_explanations (void)
{
  for (guint i = 0; i < SC_N_MILESTONE_IDS; i++)
    {
      const char *text = sc_milestone_explain (i);

      g_assert_nonnull (text);
      g_assert_true (g_ascii_isupper (text[0]));
      g_assert_true (g_str_has_suffix (text, "."));
    }
  for (guint i = 0; i < SC_N_EVENT_TYPES; i++)
    {
      const char *text = sc_event_type_explain (i);

      g_assert_nonnull (text);
      g_assert_true (g_ascii_isupper (text[0]));
      g_assert_true (g_str_has_suffix (text, "."));
    }
  for (guint i = 0; i < SC_N_CASE_STAGES; i++)
    {
      g_assert_nonnull (sc_case_stage_to_string (i));
      g_assert_nonnull (sc_case_stage_get_title (i));
    }
  g_assert_cmpstr (sc_case_stage_to_string (SC_CASE_STAGE_TRANSFERRED_OUT), ==, "transferred_out");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/case-rules/pathway", test_pathway);
  g_test_add_func ("/common/case-rules/stages", test_stages);
  g_test_add_func ("/common/case-rules/review-cease", test_review_cease);
  g_test_add_func ("/common/case-rules/refusals", test_refusals);
  g_test_add_func ("/common/case-rules/refusal-words", test_refusal_words);
  g_test_add_func ("/common/case-rules/voided", test_voided);
  g_test_add_func ("/common/case-rules/steps-match-clock", test_steps_match_clock);
  g_test_add_func ("/common/case-rules/step-due-dates", test_step_due_dates);
  g_test_add_func ("/common/case-rules/step-due-dates-calendar", test_step_due_dates_calendar);
  g_test_add_func ("/common/case-rules/step-variants", test_step_variants);
  g_test_add_func ("/common/case-rules/explanations", test_explanations);

  return g_test_run ();
}
