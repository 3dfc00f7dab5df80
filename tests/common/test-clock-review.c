/* test-clock-review.c
 *
 * docs/statutory-clock.md, "Review, amendment, phase transfer, ceasing": one
 * test (or more) per row, with the arithmetic written out; then the under-fives rule
 * (CoP 9.178), month ends and leap days, and this table's warnings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-clock-support.h"

/* A plan issued 2025-04-10: annual_review due 2025-04-10 + 12 months =
 * 2026-04-10. */
#define PLAN \
  "{'type':'request_received','date':'2024-11-25'}," \
  "{'type':'decided_to_assess','date':'2024-12-16'}," \
  "{'type':'draft_plan_issued','date':'2025-03-10'}," \
  "{'type':'final_plan_issued','date':'2025-04-10'}"

/* review_meeting completes the open annual_review and starts review_report
 * (2 weeks, reg 20) and review_decision (4 weeks, reg 20). */
static void
test_review_meeting (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[" PLAN ", {'type':'review_meeting','date':'2026-03-10'}]",
                                       "2026-03-12");
  const ScMilestone *m;

  /* annual review due 2025-04-10 + 12 months = 2026-04-10; met 2026-03-10 */
  g_assert_cmpstr (tc_state (r, "annual_review", NULL), ==,
                   "due=2026-04-10 status=met completed_on=2026-03-10");
  /* meeting 2026-03-10 + 2 weeks (14 days) = 2026-03-24 */
  g_assert_cmpstr (tc_state (r, "review_report", NULL), ==,
                   "due=2026-03-24 status=pending completed_on=null");
  /* meeting 2026-03-10 + 4 weeks (28 days) = 2026-04-07 */
  g_assert_cmpstr (tc_state (r, "review_decision", NULL), ==,
                   "due=2026-04-07 status=pending completed_on=null");
  m = tc_find (r, "review_report", NULL, 0);
  g_assert_cmpstr (m->rule, ==, "SEND Regulations 2014, reg 20");
  g_assert_cmpint (m->start_type, ==, SC_EVENT_REVIEW_MEETING);
  g_assert_cmpstr (tc_warnings (r), ==, "");
}

static void
test_review_meeting_late (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[" PLAN ", {'type':'review_meeting','date':'2026-04-20'}]",
                                       "2026-04-21");

  /* due 2026-04-10, held 2026-04-20 */
  g_assert_cmpstr (tc_state (r, "annual_review", NULL), ==,
                   "due=2026-04-10 status=late completed_on=2026-04-20");
}

/* review_report_received completes review_report. */
static void
test_review_report_received (void)
{
  g_autoptr(ScClockResult) met = tc_run ("[" PLAN ", {'type':'review_meeting','date':'2026-03-10'},"
                                         " {'type':'review_report_received','date':'2026-03-24'}]",
                                         "2026-03-30");
  g_autoptr(ScClockResult) late = tc_run ("[" PLAN ", {'type':'review_meeting','date':'2026-03-10'},"
                                          " {'type':'review_report_received','date':'2026-03-25'}]",
                                          "2026-03-30");

  /* due 2026-03-10 + 14 = 2026-03-24 */
  g_assert_cmpstr (tc_state (met, "review_report", NULL), ==,
                   "due=2026-03-24 status=met completed_on=2026-03-24");
  g_assert_cmpstr (tc_state (late, "review_report", NULL), ==,
                   "due=2026-03-24 status=late completed_on=2026-03-25");
}

/* review_decision [outcome]: completes review_decision, starts the next
 * annual_review 12 months from its date, and opens appeal_window when the
 * outcome is maintain or cease. */
static void
test_review_decision_maintain (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[" PLAN ", {'type':'review_meeting','date':'2026-03-10'},"
                                       " {'type':'review_decision','date':'2026-04-07','outcome':'maintain'}]",
                                       "2026-04-08");
  const ScMilestone *m;

  /* due 2026-03-10 + 28 = 2026-04-07; decided that day */
  g_assert_cmpstr (tc_state (r, "review_decision", NULL), ==,
                   "due=2026-04-07 status=met completed_on=2026-04-07");
  /* the first review is met; the next: 2026-04-07 + 12 months = 2027-04-07 */
  g_assert_cmpuint (tc_count (r, "annual_review"), ==, 2);
  g_assert_cmpstr (tc_state_nth (r, "annual_review", NULL, 0), ==,
                   "due=2026-04-10 status=met completed_on=2026-03-10");
  g_assert_cmpstr (tc_state_nth (r, "annual_review", NULL, 1), ==,
                   "due=2027-04-07 status=pending completed_on=null");
  m = tc_find (r, "annual_review", NULL, 1);
  g_assert_cmpint (m->start_type, ==, SC_EVENT_REVIEW_DECISION);
  /* 2026-04-07 + 2 months = 2026-06-07 */
  g_assert_cmpstr (tc_state (r, "appeal_window", "review_decision"), ==,
                   "due=2026-06-07 status=open completed_on=null");
}

static void
test_review_decision_amend (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[" PLAN ", {'type':'review_meeting','date':'2026-03-10'},"
                                       " {'type':'review_decision','date':'2026-04-14','outcome':'amend'}]",
                                       "2026-04-15");

  /* due 2026-04-07, decided 2026-04-14: late; no appeal window for amend */
  g_assert_cmpstr (tc_state (r, "review_decision", NULL), ==,
                   "due=2026-04-07 status=late completed_on=2026-04-14");
  g_assert_cmpstr (tc_state (r, "appeal_window", "review_decision"), ==, "missing");
  /* only the final plan's window */
  g_assert_cmpuint (tc_count (r, "appeal_window"), ==, 1);
  /* next review 2026-04-14 + 12 months = 2027-04-14 */
  g_assert_cmpstr (tc_state_nth (r, "annual_review", NULL, 1), ==,
                   "due=2027-04-14 status=pending completed_on=null");
}

static void
test_review_decision_cease (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[" PLAN ", {'type':'review_meeting','date':'2026-01-31'},"
                                       " {'type':'review_decision','date':'2026-02-28','outcome':'cease'}]",
                                       "2026-03-01");

  /* meeting 2026-01-31 + 28 = 2026-02-28 */
  g_assert_cmpstr (tc_state (r, "review_decision", NULL), ==,
                   "due=2026-02-28 status=met completed_on=2026-02-28");
  /* 2026-02-28 + 2 months = 2026-04-28 */
  g_assert_cmpstr (tc_state (r, "appeal_window", "review_decision"), ==,
                   "due=2026-04-28 status=open completed_on=null");
}

/* amendment_notice_issued: amendment_comments, 15 days beginning with the
 * day served (reg 22(2)); amended_plan 8 weeks (reg 22(3)). */
static void
test_amendment_notice_issued (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[" PLAN ", {'type':'amendment_notice_issued','date':'2026-04-01'}]",
                                       "2026-04-15");

  /* 2026-04-01 + 15 - 1 = 2026-04-15; today is its last day: open */
  g_assert_cmpstr (tc_state (r, "amendment_comments", NULL), ==,
                   "due=2026-04-15 status=open completed_on=null");
  g_assert_cmpstr (tc_find (r, "amendment_comments", NULL, 0)->rule, ==, "SEND Regulations 2014, reg 22(2)");
  /* 2026-04-01 + 8 weeks (56 days) = 2026-05-27 */
  g_assert_cmpstr (tc_state (r, "amended_plan", NULL), ==,
                   "due=2026-05-27 status=pending completed_on=null");
  g_assert_cmpstr (tc_find (r, "amended_plan", NULL, 0)->rule, ==, "SEND Regulations 2014, reg 22(3)");
}

/* amended_plan_issued completes amended_plan and opens appeal_window. */
static void
test_amended_plan_issued (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[" PLAN ", {'type':'amendment_notice_issued','date':'2026-04-01'},"
                                       " {'type':'amended_plan_issued','date':'2026-05-28'}]",
                                       "2026-06-01");

  /* due 2026-05-27, issued 2026-05-28: late */
  g_assert_cmpstr (tc_state (r, "amended_plan", NULL), ==,
                   "due=2026-05-27 status=late completed_on=2026-05-28");
  /* 2026-05-28 + 2 months = 2026-07-28 */
  g_assert_cmpstr (tc_state (r, "appeal_window", "amended_plan_issued"), ==,
                   "due=2026-07-28 status=open completed_on=null");
  g_assert_cmpstr (tc_state (r, "amendment_comments", NULL), ==,
                   "due=2026-04-15 status=closed completed_on=null");
}

/* phase_transfer_due [transfer_year, route]: 15 February (school, reg
 * 18(1)(b)) or 31 March (post16, reg 18(1)(a)) of the transfer year;
 * amended_plan_issued with phase_transfer: true completes it. */
static void
test_phase_transfer_school (void)
{
  g_autoptr(ScClockResult) r = tc_run (
    "[" PLAN ", {'type':'phase_transfer_due','date':'2026-09-01','transfer_year':2027,'route':'school'},"
    " {'type':'amendment_notice_issued','date':'2026-12-01'},"
    " {'type':'amended_plan_issued','date':'2027-02-15','phase_transfer':true}]",
    "2027-03-01");
  const ScMilestone *m;

  /* school route: 15 February 2027; amended 2027-02-15: met */
  g_assert_cmpstr (tc_state (r, "phase_transfer_plan", NULL), ==,
                   "due=2027-02-15 status=met completed_on=2027-02-15");
  m = tc_find (r, "phase_transfer_plan", NULL, 0);
  g_assert_cmpstr (m->rule, ==, "SEND Regulations 2014, reg 18(1)(b)");
  g_assert_cmpint (m->start_type, ==, SC_EVENT_PHASE_TRANSFER_DUE);
  /* amendment notice 2026-12-01 + 56 days = 2027-01-26; issued 2027-02-15 */
  g_assert_cmpstr (tc_state (r, "amended_plan", NULL), ==,
                   "due=2027-01-26 status=late completed_on=2027-02-15");
}

static void
test_phase_transfer_post16 (void)
{
  g_autoptr(ScClockResult) r = tc_run (
    "[" PLAN ", {'type':'phase_transfer_due','date':'2026-09-01','transfer_year':2027,'route':'post16'},"
    " {'type':'amendment_notice_issued','date':'2027-02-01'},"
    " {'type':'amended_plan_issued','date':'2027-03-20'}]",
    "2027-04-01");

  /* post16 route: 31 March 2027; the amended plan was not marked as the
   * phase transfer one, so the deadline is still open, and overdue on
   * 2027-04-01 */
  g_assert_cmpstr (tc_state (r, "phase_transfer_plan", NULL), ==,
                   "due=2027-03-31 status=overdue completed_on=null");
  g_assert_cmpstr (tc_find (r, "phase_transfer_plan", NULL, 0)->rule, ==,
                   "SEND Regulations 2014, reg 18(1)(a)");
}

/* cease_decided opens appeal_window. */
static void
test_cease_decided (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[" PLAN ", {'type':'cease_decided','date':'2025-12-31'}]",
                                       "2026-02-28");

  /* 2025-12-31 + 2 months = 2026-02-28 (February is shorter); open on its last day */
  g_assert_cmpstr (tc_state (r, "appeal_window", "cease_decided"), ==,
                   "due=2026-02-28 status=open completed_on=null");
}

/* plan_ceased cancels every pending or overdue deadline; what was met
 * stays met and periods run on. */
static void
test_plan_ceased (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[" PLAN ", {'type':'review_meeting','date':'2026-03-10'},"
                                       " {'type':'cease_decided','date':'2026-04-01'},"
                                       " {'type':'plan_ceased','date':'2026-06-05'}]",
                                       "2026-06-10");

  g_assert_cmpstr (tc_state (r, "annual_review", NULL), ==,
                   "due=2026-04-10 status=met completed_on=2026-03-10");
  /* review_report was overdue (due 2026-03-24) and review_decision too
   * (due 2026-04-07) when the plan ceased on 2026-06-05 */
  g_assert_cmpstr (tc_state (r, "review_report", NULL), ==,
                   "due=2026-03-24 status=cancelled completed_on=null");
  g_assert_cmpstr (tc_state (r, "review_decision", NULL), ==,
                   "due=2026-04-07 status=cancelled completed_on=null");
  /* 2026-04-01 + 2 months = 2026-06-01: closed by 2026-06-10 */
  g_assert_cmpstr (tc_state (r, "appeal_window", "cease_decided"), ==,
                   "due=2026-06-01 status=closed completed_on=null");
  g_assert_cmpstr (tc_warnings (r), ==, "");
}

static void
test_plan_ceased_pending_and_later (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[" PLAN ", {'type':'cease_decided','date':'2025-06-02'},"
                                       " {'type':'plan_ceased','date':'2025-09-01'},"
                                       " {'type':'request_received','date':'2026-01-05'}]",
                                       "2026-01-06");

  /* annual_review (due 2026-04-10) was pending on 2025-09-01: cancelled */
  g_assert_cmpstr (tc_state (r, "annual_review", NULL), ==,
                   "due=2026-04-10 status=cancelled completed_on=null");
  /* a new request after the plan ceased runs its own clock */
  g_assert_cmpstr (tc_state_nth (r, "assessment_decision", NULL, 1), ==,
                   "due=2026-02-16 status=pending completed_on=null");
}

/* Under-fives: annual_review due in 6 months, rule "CoP 9.178 (advisory)". */
static void
test_under_five (void)
{
  g_autoptr(ScClockResult) r = tc_run ("{'date_of_birth':'2022-03-15','events':["
                                       " {'type':'request_received','date':'2025-09-01'},"
                                       " {'type':'decided_to_assess','date':'2025-09-29'},"
                                       " {'type':'draft_plan_issued','date':'2025-12-15'},"
                                       " {'type':'final_plan_issued','date':'2026-01-20'}]}",
                                       "2026-01-21");
  const ScMilestone *m;

  /* aged 3 on 2026-01-20: 2026-01-20 + 6 months = 2026-07-20 */
  g_assert_cmpstr (tc_state (r, "annual_review", NULL), ==,
                   "due=2026-07-20 status=pending completed_on=null");
  m = tc_find (r, "annual_review", NULL, 0);
  g_assert_cmpstr (m->rule, ==, "CoP 9.178 (advisory)");
}

/* The fifth birthday itself is no longer under five. */
static void
test_under_five_boundary (void)
{
  g_autoptr(ScClockResult) before = tc_run ("{'date_of_birth':'2021-03-15','events':["
                                            " {'type':'review_meeting','date':'2026-02-20'},"
                                            " {'type':'review_decision','date':'2026-03-14','outcome':'amend'}]}",
                                            "2026-03-20");
  g_autoptr(ScClockResult) on = tc_run ("{'date_of_birth':'2021-03-15','events':["
                                        " {'type':'review_meeting','date':'2026-02-20'},"
                                        " {'type':'review_decision','date':'2026-03-15','outcome':'amend'}]}",
                                        "2026-03-20");

  /* 2026-03-14: still 4 (fifth birthday 2026-03-15): 2026-03-14 + 6 months = 2026-09-14 */
  g_assert_cmpstr (tc_state (before, "annual_review", NULL), ==,
                   "due=2026-09-14 status=pending completed_on=null");
  g_assert_cmpstr (tc_find (before, "annual_review", NULL, 0)->rule, ==, "CoP 9.178 (advisory)");
  /* 2026-03-15: 5 today: 2026-03-15 + 12 months = 2027-03-15 */
  g_assert_cmpstr (tc_state (on, "annual_review", NULL), ==,
                   "due=2027-03-15 status=pending completed_on=null");
  g_assert_cmpstr (tc_find (on, "annual_review", NULL, 0)->rule, ==, "Children and Families Act 2014, s44(1)");
}

/* Born on 29 February: the fifth birthday in a common year is 1 March. */
static void
test_under_five_leap_day_birthday (void)
{
  g_autoptr(ScClockResult) under = tc_run ("{'date_of_birth':'2020-02-29','events':["
                                           " {'type':'review_meeting','date':'2025-02-01'},"
                                           " {'type':'review_decision','date':'2025-02-28','outcome':'amend'}]}",
                                           "2025-03-01");
  g_autoptr(ScClockResult) five = tc_run ("{'date_of_birth':'2020-02-29','events':["
                                          " {'type':'review_meeting','date':'2025-02-01'},"
                                          " {'type':'review_decision','date':'2025-03-01','outcome':'amend'}]}",
                                          "2025-03-02");

  /* 2025-02-28: under five; 2025-02-28 + 6 months = 2025-08-28 */
  g_assert_cmpstr (tc_state (under, "annual_review", NULL), ==,
                   "due=2025-08-28 status=pending completed_on=null");
  /* 2025-03-01: five; 2025-03-01 + 12 months = 2026-03-01 */
  g_assert_cmpstr (tc_state (five, "annual_review", NULL), ==,
                   "due=2026-03-01 status=pending completed_on=null");
}

/* 6 months from a month end clamps to the shorter month. */
static void
test_under_five_month_end (void)
{
  g_autoptr(ScClockResult) r = tc_run ("{'date_of_birth':'2023-01-01','events':["
                                       " {'type':'review_meeting','date':'2025-08-01'},"
                                       " {'type':'review_decision','date':'2025-08-31','outcome':'maintain'}]}",
                                       "2025-09-01");

  /* 2025-08-31 + 6 months = 2026-02-31, no such day: 2026-02-28 */
  g_assert_cmpstr (tc_state (r, "annual_review", NULL), ==,
                   "due=2026-02-28 status=pending completed_on=null");
}

/* 12 months from 29 February: 28 February of the next year. */
static void
test_annual_review_leap_day (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'review_meeting','date':'2024-02-01'},"
                                       " {'type':'review_decision','date':'2024-02-29','outcome':'maintain'}]",
                                       "2024-03-01");

  /* 2024-02-29 + 12 months = 2025-02-29, no such day: 2025-02-28 */
  g_assert_cmpstr (tc_state (r, "annual_review", NULL), ==,
                   "due=2025-02-28 status=pending completed_on=null");
  /* 2024-02-29 + 2 months = 2024-04-29 */
  g_assert_cmpstr (tc_state (r, "appeal_window", "review_decision"), ==,
                   "due=2024-04-29 status=open completed_on=null");
}

/* A new plan sets the review clock again: the old review is moot. */
static void
test_annual_review_superseded (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[" PLAN ", {'type':'reassessment_requested','date':'2025-09-01'},"
                                       " {'type':'decided_to_reassess','date':'2025-09-10'},"
                                       " {'type':'draft_plan_issued','date':'2025-11-03'},"
                                       " {'type':'final_plan_issued','date':'2025-12-01'}]",
                                       "2026-05-01");

  /* the first review (due 2026-04-10) never happened, and the new plan of
   * 2025-12-01 set the clock to 2025-12-01 + 12 months = 2026-12-01 */
  g_assert_cmpstr (tc_state_nth (r, "annual_review", NULL, 0), ==,
                   "due=2026-04-10 status=cancelled completed_on=null");
  g_assert_cmpstr (tc_state_nth (r, "annual_review", NULL, 1), ==,
                   "due=2026-12-01 status=pending completed_on=null");
}

/* Warning: an amended plan inside the amendment comment period. */
static void
test_warning_amended_inside_comments (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[" PLAN ", {'type':'amendment_notice_issued','date':'2026-04-01'},"
                                       " {'type':'amended_plan_issued','date':'2026-04-10'}]",
                                       "2026-04-20");

  /* comments run 2026-04-01 to 2026-04-15 */
  g_assert_cmpstr (tc_warnings (r), ==, "amended_before_comments_closed");
  g_assert_cmpint (sc_clock_result_get_warning (r, 0)->event_index, ==, 5);
}

/* Warnings: plan ceased with no decision to cease; a review decision with
 * no review meeting; a transfer date already past. */
static void
test_warning_review_order (void)
{
  g_autoptr(ScClockResult) ceased = tc_run ("[" PLAN ", {'type':'plan_ceased','date':'2026-01-05'}]",
                                            "2026-01-06");
  g_autoptr(ScClockResult) decision = tc_run ("[" PLAN ", {'type':'review_decision','date':'2026-03-01','outcome':'maintain'}]",
                                              "2026-03-02");
  g_autoptr(ScClockResult) transfer = tc_run (
    "[" PLAN ", {'type':'phase_transfer_due','date':'2027-03-01','transfer_year':2027,'route':'school'}]",
    "2027-03-02");
  g_autofree char *message = NULL;

  g_assert_cmpstr (tc_warnings (ceased), ==, "out_of_order");
  message = sc_clock_result_dup_warning_message (ceased, sc_clock_result_get_warning (ceased, 0));
  g_assert_cmpstr (message, ==, "plan_ceased on 2026-01-05 comes before any cease_decided");
  g_assert_cmpstr (tc_warnings (decision), ==, "no_start_event");
  /* 15 February 2027 is before the event of 2027-03-01 */
  g_assert_cmpstr (tc_warnings (transfer), ==, "due_before_start");
  g_assert_cmpstr (tc_state (transfer, "phase_transfer_plan", NULL), ==,
                   "due=2027-02-15 status=overdue completed_on=null");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/clock/review/review-meeting", test_review_meeting);
  g_test_add_func ("/common/clock/review/review-meeting-late", test_review_meeting_late);
  g_test_add_func ("/common/clock/review/review-report-received", test_review_report_received);
  g_test_add_func ("/common/clock/review/review-decision-maintain", test_review_decision_maintain);
  g_test_add_func ("/common/clock/review/review-decision-amend", test_review_decision_amend);
  g_test_add_func ("/common/clock/review/review-decision-cease", test_review_decision_cease);
  g_test_add_func ("/common/clock/review/amendment-notice-issued", test_amendment_notice_issued);
  g_test_add_func ("/common/clock/review/amended-plan-issued", test_amended_plan_issued);
  g_test_add_func ("/common/clock/review/phase-transfer-school", test_phase_transfer_school);
  g_test_add_func ("/common/clock/review/phase-transfer-post16", test_phase_transfer_post16);
  g_test_add_func ("/common/clock/review/cease-decided", test_cease_decided);
  g_test_add_func ("/common/clock/review/plan-ceased", test_plan_ceased);
  g_test_add_func ("/common/clock/review/plan-ceased-pending-and-later", test_plan_ceased_pending_and_later);
  g_test_add_func ("/common/clock/review/under-five", test_under_five);
  g_test_add_func ("/common/clock/review/under-five-boundary", test_under_five_boundary);
  g_test_add_func ("/common/clock/review/under-five-leap-day-birthday", test_under_five_leap_day_birthday);
  g_test_add_func ("/common/clock/review/under-five-month-end", test_under_five_month_end);
  g_test_add_func ("/common/clock/review/annual-review-leap-day", test_annual_review_leap_day);
  g_test_add_func ("/common/clock/review/annual-review-superseded", test_annual_review_superseded);
  g_test_add_func ("/common/clock/review/warning/amended-inside-comments", test_warning_amended_inside_comments);
  g_test_add_func ("/common/clock/review/warning/order", test_warning_review_order);

  return g_test_run ();
}
