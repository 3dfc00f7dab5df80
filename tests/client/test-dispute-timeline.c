/* test-dispute-timeline.c
 *
 * A dispute's timeline without a display: a complaint at stage 2 with the
 * Ombudsman's part, whose stage 1 answer came late and whose remedy is
 * overdue, in the order of its days; an answer that came before any
 * acknowledgement stands for both; an appeal decided before its response
 * was lodged (the response no longer due), the tribunal's days, and an
 * order whose deadlines the case's clock says are met late and still
 * due; a mediation with its certificate and an agreement; and the words
 * of when each step was done or is due.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scc-caseload-vm.h"
#include "scc-dispute-timeline.h"

static ScDay
day (int year,
     int month,
     int mday)
{
  return sc_day_from_ymd (year, month, mday);
}

/* "STATE WHAT YYYY-MM-DD" of each step, "; " between */
static char *
seen (GPtrArray *steps)
{
  static const char * const states[] = { "done", "late", "due", "overdue", "cancelled", "set", "excepted" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < steps->len; i++)
    {
      const SccTimelineStep *step = g_ptr_array_index (steps, i);
      char text[SC_DAY_STRING_SIZE];

      g_string_append_printf (out, "%s%s %s %s", i > 0 ? "; " : "", states[step->state], step->what,
                              sc_day_format (step->day, text));
    }
  return g_string_free (out, FALSE);
}

static ScComplaintStage *
stage_new (int   number,
           ScDay received,
           ScDay ack_due,
           ScDay acknowledged,
           ScDay answer_due,
           ScDay answered)
{
  ScComplaintStage *stage = sc_complaint_stage_new ();

  stage->number = number;
  stage->received_on = received;
  stage->acknowledgement_due = ack_due;
  stage->acknowledged_on = acknowledged;
  stage->response_due = answer_due;
  stage->responded_on = answered;
  return stage;
}

static void
test_complaint (void)
{
  g_autoptr(ScComplaint) complaint = sc_complaint_new ();
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *text = NULL;
  ScComplaintStage *first;
  ScComplaintExtension *extension = g_new0 (ScComplaintExtension, 1);

  complaint->reference = g_strdup ("C-1");
  complaint->category = g_strdup ("delay");
  complaint->complainant = g_strdup ("Ms Adeyemi");
  first = stage_new (1, day (2026, 3, 2), day (2026, 3, 9), day (2026, 3, 4), day (2026, 3, 16), day (2026, 3, 20));
  first->outcome = g_strdup ("not_upheld");
  extension->extended_on = day (2026, 3, 12);
  extension->reason = g_strdup ("waiting for the school's account");
  g_ptr_array_add (first->extensions, extension);
  g_ptr_array_add (complaint->stages, first);
  /* stage 2 answered the day it came, never acknowledged apart */
  g_ptr_array_add (complaint->stages, stage_new (2, day (2026, 4, 1), day (2026, 4, 9), SC_DAY_NONE, day (2026, 4, 30),
                                                 day (2026, 4, 1)));
  ((ScComplaintStage *) g_ptr_array_index (complaint->stages, 1))->outcome = g_strdup ("partly_upheld");
  ((ScComplaintStage *) g_ptr_array_index (complaint->stages, 1))->remedy = g_strdup ("an apology");
  complaint->ombudsman = g_new0 (ScComplaintOmbudsman, 1);
  complaint->ombudsman->reference = g_strdup ("26 001 234");
  complaint->ombudsman->referred_on = day (2026, 5, 4);
  complaint->ombudsman->decided_on = day (2026, 8, 3);
  complaint->ombudsman->decision = g_strdup ("upheld");
  complaint->ombudsman->remedy = g_strdup ("£300");
  complaint->ombudsman->compliance_due = day (2026, 9, 3);
  complaint->ombudsman->complied_on = SC_DAY_NONE;

  steps = scc_dispute_timeline_new ("complaint", complaint, day (2026, 9, 10));
  text = seen (steps);
  g_assert_cmpstr (text, ==,
                   "done Stage 1 received 2026-03-02; done Stage 1 acknowledged 2026-03-04; "
                   "done Stage 1 answer extended 2026-03-12; late Stage 1 answered 2026-03-20; "
                   "done Stage 2 received 2026-04-01; done Stage 2 answered 2026-04-01; "
                   "done Referred to the Ombudsman 2026-05-04; done The Ombudsman decided 2026-08-03; "
                   "overdue The Ombudsman’s remedy carried out 2026-09-03");
  g_assert_cmpstr (((SccTimelineStep *) g_ptr_array_index (steps, 0))->detail, ==, "Delay; from Ms Adeyemi");
  g_assert_cmpstr (((SccTimelineStep *) g_ptr_array_index (steps, 2))->detail, ==, "waiting for the school's account");
  g_assert_cmpstr (((SccTimelineStep *) g_ptr_array_index (steps, 5))->detail, ==, "Partly upheld; remedy: an apology");
  g_assert_cmpstr (((SccTimelineStep *) g_ptr_array_index (steps, 7))->detail, ==, "Upheld; remedy: £300");

  /* the words of when */
  {
    g_autofree char *late = scc_timeline_step_dup_when (g_ptr_array_index (steps, 3));
    g_autofree char *overdue = scc_timeline_step_dup_when (g_ptr_array_index (steps, 8));
    g_autofree char *in_time = scc_timeline_step_dup_when (g_ptr_array_index (steps, 1));
    g_autofree char *plain = scc_timeline_step_dup_when (g_ptr_array_index (steps, 0));
    g_autofree char *mar20 = scc_case_format_day (day (2026, 3, 20));
    g_autofree char *mar16 = scc_case_format_day (day (2026, 3, 16));

    g_assert_nonnull (strstr (late, mar20));
    g_assert_nonnull (strstr (late, mar16));
    g_assert_true (g_str_has_prefix (late, "Done"));
    g_assert_true (g_str_has_prefix (overdue, "Overdue"));
    g_assert_true (g_str_has_prefix (in_time, "Done"));
    g_assert_nonnull (strstr (in_time, "(due"));
    g_assert_false (g_str_has_prefix (plain, "Done"));
  }
}

static ScAppealDeadline *
deadline_new (const char *milestone,
              ScDay       due,
              const char *status,
              ScDay       completed_on)
{
  ScAppealDeadline *deadline = g_new0 (ScAppealDeadline, 1);

  deadline->milestone = g_strdup (milestone);
  deadline->due = due;
  deadline->status = g_strdup (status);
  deadline->completed_on = completed_on;
  return deadline;
}

static void
test_appeal (void)
{
  g_autoptr(ScAppeal) appeal = sc_appeal_new ();
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *text = NULL;
  ScAppealOrder *order = sc_appeal_order_new ();

  appeal->reference = g_strdup ("EH101/26/00012");
  appeal->appeal_type = g_strdup ("refusal_to_assess");
  appeal->registered_on = day (2026, 6, 1);
  appeal->response_due = day (2026, 9, 14);
  appeal->evidence_due = day (2026, 9, 1);
  appeal->hearing_on = day (2026, 9, 2);
  appeal->outcome = g_strdup ("conceded");
  appeal->decided_on = day (2026, 7, 20);
  order->order = g_strdup ("assess");
  order->ordered_on = day (2026, 7, 20);
  order->key = g_strdup ("EH101/26/00012/1");
  g_ptr_array_add (order->deadlines, deadline_new ("order_assessment_notice", day (2026, 8, 3), "late",
                                                   day (2026, 8, 5)));
  g_ptr_array_add (order->deadlines, deadline_new ("order_draft_plan", day (2026, 11, 16), "pending", SC_DAY_NONE));
  /* overdue, but the clock says an exception applies */
  g_ptr_array_add (order->deadlines, deadline_new ("order_final_plan", day (2026, 9, 7), "excepted", SC_DAY_NONE));
  g_ptr_array_add (appeal->orders, order);

  steps = scc_dispute_timeline_new ("appeal", appeal, day (2026, 9, 10));
  text = seen (steps);
  g_assert_cmpstr (text, ==,
                   "done Registered by the tribunal 2026-06-01; done Decided 2026-07-20; "
                   "done Ordered: Assess the child 2026-07-20; late Notice of the assessment 2026-08-05; "
                   "set Evidence due at the tribunal 2026-09-01; set Hearing 2026-09-02; "
                   "excepted The final plan 2026-09-07; "
                   "cancelled The authority’s response lodged 2026-09-14; due The draft plan 2026-11-16");
  g_assert_cmpstr (((SccTimelineStep *) g_ptr_array_index (steps, 1))->detail, ==, "Conceded by the authority");
  g_assert_cmpstr (((SccTimelineStep *) g_ptr_array_index (steps, 2))->detail, ==, "EH101/26/00012/1");
}

static void
test_mediation (void)
{
  g_autoptr(ScMediation) mediation = sc_mediation_new ();
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *text = NULL;
  ScMediationAgreement *agreement = sc_mediation_agreement_new ();

  mediation->advice_requested_on = day (2026, 5, 4);
  mediation->advice_given_on = day (2026, 5, 6);
  mediation->mediation_requested_on = day (2026, 5, 7);
  mediation->mediation_due = day (2026, 6, 6);
  mediation->held_on = day (2026, 6, 1);
  mediation->provider = g_strdup ("Together Mediation");
  mediation->outcome = g_strdup ("partly_agreed");
  mediation->certificate_due = day (2026, 6, 4);
  agreement->what = g_strdup ("a speech and language assessment");
  agreement->due_on = day (2026, 7, 1);
  g_ptr_array_add (mediation->agreements, agreement);

  steps = scc_dispute_timeline_new ("mediation", mediation, day (2026, 6, 5));
  text = seen (steps);
  g_assert_cmpstr (text, ==,
                   "done Mediation advice asked for 2026-05-04; done Advice given 2026-05-06; "
                   "done Mediation asked for 2026-05-07; done Mediation held 2026-06-01; "
                   "overdue Certificate issued 2026-06-04; "
                   "due Agreed: a speech and language assessment 2026-07-01");
  g_assert_cmpstr (((SccTimelineStep *) g_ptr_array_index (steps, 3))->detail, ==,
                   "Together Mediation; Partly agreed");

  /* asked for, never held, the certificate issued: the meeting is no
   * longer due, not overdue for ever */
  {
    g_autoptr(ScMediation) unheld = sc_mediation_new ();
    g_autoptr(GPtrArray) unheld_steps = NULL;
    g_autofree char *unheld_text = NULL;

    unheld->advice_requested_on = day (2026, 5, 4);
    unheld->mediation_requested_on = day (2026, 5, 7);
    unheld->mediation_due = day (2026, 6, 6);
    unheld->certificate_due = day (2026, 6, 10);
    unheld->certificate_issued_on = day (2026, 6, 9);
    unheld_steps = scc_dispute_timeline_new ("mediation", unheld, day (2026, 7, 1));
    unheld_text = seen (unheld_steps);
    g_assert_cmpstr (unheld_text, ==,
                     "done Mediation advice asked for 2026-05-04; done Mediation asked for 2026-05-07; "
                     "cancelled Mediation held 2026-06-06; done Certificate issued 2026-06-09");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/client/dispute-timeline/complaint", test_complaint);
  g_test_add_func ("/client/dispute-timeline/appeal", test_appeal);
  g_test_add_func ("/client/dispute-timeline/mediation", test_mediation);
  return g_test_run ();
}
