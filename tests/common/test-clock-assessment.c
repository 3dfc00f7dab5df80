/* test-clock-assessment.c
 *
 * docs/statutory-clock.md, "New assessment (the 20-week pathway)": one test
 * (or more) per row, each date worked out by hand from the regulation, with the
 * arithmetic in a comment; then the exceptions of reg 10(4) and the
 * warnings of the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-clock-support.h"

/* request_received: assessment_decision 6 weeks (reg 5(1)), final_plan 20
 * weeks (reg 13(2)), both from Day 1, the day the request arrives. */
static void
test_request_received (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2026-01-05'}]",
                                       "2026-01-10");
  const ScMilestone *m;

  /* request 2026-01-05 + 6 weeks (42 days) = 2026-02-16 */
  g_assert_cmpstr (tc_state (r, "assessment_decision", NULL), ==,
                   "due=2026-02-16 status=pending completed_on=null");
  /* request 2026-01-05 + 20 weeks (140 days) = 2026-05-25 */
  g_assert_cmpstr (tc_state (r, "final_plan", NULL), ==,
                   "due=2026-05-25 status=pending completed_on=null");

  m = tc_find (r, "assessment_decision", NULL, 0);
  g_assert_cmpstr (m->rule, ==, "SEND Regulations 2014, reg 5(1)");
  g_assert_cmpint (sc_milestone_id_get_kind (m->id), ==, SC_MILESTONE_KIND_DEADLINE);
  g_assert_cmpint (m->start_type, ==, SC_EVENT_REQUEST_RECEIVED);
  g_assert_cmpuint (m->start_date, ==, tc_day ("2026-01-05"));
  m = tc_find (r, "final_plan", NULL, 0);
  g_assert_cmpstr (m->rule, ==, "SEND Regulations 2014, reg 13(2)");
  g_assert_cmpuint (sc_clock_result_get_n_milestones (r), ==, 2);
  g_assert_cmpstr (tc_warnings (r), ==, "");
}

/* Weeks are calendar days, so month ends and 29 February fall where they
 * fall. */
static void
test_request_leap_year (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2024-01-31'}]",
                                       "2024-02-01");

  /* 2024-01-31 + 42 days: + 29 = 2024-02-29 (leap year), + 13 = 2024-03-13 */
  g_assert_cmpstr (tc_state (r, "assessment_decision", NULL), ==,
                   "due=2024-03-13 status=pending completed_on=null");
  /* 2024-01-31 + 140 days: + 29 = 02-29, + 31 = 03-31, + 30 = 04-30, + 31 = 05-31
   * (121 days), + 19 = 2024-06-19 */
  g_assert_cmpstr (tc_state (r, "final_plan", NULL), ==,
                   "due=2024-06-19 status=pending completed_on=null");
}

/* pending while due >= today, overdue once today passes the due date */
static void
test_pending_overdue (void)
{
  g_autoptr(ScClockResult) on_due = tc_run ("[{'type':'request_received','date':'2026-01-05'}]",
                                            "2026-02-16");
  g_autoptr(ScClockResult) after = tc_run ("[{'type':'request_received','date':'2026-01-05'}]",
                                           "2026-02-17");

  /* due 2026-02-16 (request + 42 days); today 2026-02-16 is not past it */
  g_assert_cmpstr (tc_state (on_due, "assessment_decision", NULL), ==,
                   "due=2026-02-16 status=pending completed_on=null");
  g_assert_cmpstr (tc_state (after, "assessment_decision", NULL), ==,
                   "due=2026-02-16 status=overdue completed_on=null");
}

/* decided_to_assess completes assessment_decision: met on or before the
 * due date, late after it. */
static void
test_decided_to_assess (void)
{
  g_autoptr(ScClockResult) met = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                         " {'type':'decided_to_assess','date':'2026-02-16'}]",
                                         "2026-03-01");
  g_autoptr(ScClockResult) late = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                          " {'type':'decided_to_assess','date':'2026-02-17'}]",
                                          "2026-03-01");

  /* due 2026-01-05 + 42 = 2026-02-16; decided on the due date: met */
  g_assert_cmpstr (tc_state (met, "assessment_decision", NULL), ==,
                   "due=2026-02-16 status=met completed_on=2026-02-16");
  /* decided 2026-02-17, one day after 2026-02-16: late */
  g_assert_cmpstr (tc_state (late, "assessment_decision", NULL), ==,
                   "due=2026-02-16 status=late completed_on=2026-02-17");
  g_assert_cmpstr (tc_state (met, "final_plan", NULL), ==,
                   "due=2026-05-25 status=pending completed_on=null");
  g_assert_cmpuint (tc_find (met, "assessment_decision", NULL, 0)->completed_by, ==, 1);
}

/* decided_not_to_assess completes assessment_decision, cancels final_plan
 * and opens appeal_window (key: the decision's event type), which ends 2
 * months after the decision. */
static void
test_decided_not_to_assess (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                       " {'type':'decided_not_to_assess','date':'2026-02-10'}]",
                                       "2026-03-01");
  const ScMilestone *window;

  /* due 2026-02-16; decided 2026-02-10 */
  g_assert_cmpstr (tc_state (r, "assessment_decision", NULL), ==,
                   "due=2026-02-16 status=met completed_on=2026-02-10");
  g_assert_cmpstr (tc_state (r, "final_plan", NULL), ==,
                   "due=2026-05-25 status=cancelled completed_on=null");
  /* 2026-02-10 + 2 months = 2026-04-10; today 2026-03-01: open */
  g_assert_cmpstr (tc_state (r, "appeal_window", "decided_not_to_assess"), ==,
                   "due=2026-04-10 status=open completed_on=null");
  window = tc_find (r, "appeal_window", "decided_not_to_assess", 0);
  g_assert_cmpint (sc_milestone_id_get_kind (window->id), ==, SC_MILESTONE_KIND_PERIOD);
  g_assert_cmpint (window->start_type, ==, SC_EVENT_DECIDED_NOT_TO_ASSESS);
}

/* advice_requested [key]: advice (key), 6 weeks from the request to the
 * adviser (reg 8(1)); advice_received [key] completes only that key. */
static void
test_advice (void)
{
  g_autoptr(ScClockResult) r = tc_run (
    "[{'type':'request_received','date':'2026-01-05'},"
    " {'type':'decided_to_assess','date':'2026-02-02'},"
    " {'type':'advice_requested','date':'2026-02-12','key':'educational_psychology'},"
    " {'type':'advice_requested','date':'2026-02-12','key':'health'},"
    " {'type':'advice_received','date':'2026-03-27','key':'health'}]",
    "2026-03-20");

  /* 2026-02-12 + 42 days: + 16 = 2026-02-28, + 26 = 2026-03-26 */
  g_assert_cmpstr (tc_state (r, "advice", "educational_psychology"), ==,
                   "due=2026-03-26 status=pending completed_on=null");
  /* received 2026-03-27, a day after 2026-03-26: late */
  g_assert_cmpstr (tc_state (r, "advice", "health"), ==,
                   "due=2026-03-26 status=late completed_on=2026-03-27");
  g_assert_cmpstr (tc_find (r, "advice", "health", 0)->rule, ==, "SEND Regulations 2014, reg 8(1)");
  g_assert_cmpstr (tc_warnings (r), ==, "");
}

/* decided_not_to_issue records no_plan_decision (16 weeks from the request,
 * reg 10(1)) completed on that date, cancels final_plan and opens
 * appeal_window. */
static void
test_decided_not_to_issue (void)
{
  g_autoptr(ScClockResult) met = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                         " {'type':'decided_to_assess','date':'2026-02-02'},"
                                         " {'type':'decided_not_to_issue','date':'2026-04-27'}]",
                                         "2026-05-01");
  g_autoptr(ScClockResult) late = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                          " {'type':'decided_to_assess','date':'2026-02-02'},"
                                          " {'type':'decided_not_to_issue','date':'2026-05-04'}]",
                                          "2026-05-10");
  const ScMilestone *m;

  /* request 2026-01-05 + 16 weeks (112 days) = 2026-04-27; decided that day */
  g_assert_cmpstr (tc_state (met, "no_plan_decision", NULL), ==,
                   "due=2026-04-27 status=met completed_on=2026-04-27");
  m = tc_find (met, "no_plan_decision", NULL, 0);
  g_assert_cmpint (m->start_type, ==, SC_EVENT_REQUEST_RECEIVED);
  g_assert_cmpuint (m->start_date, ==, tc_day ("2026-01-05"));
  g_assert_cmpstr (m->rule, ==, "SEND Regulations 2014, reg 10(1)");
  g_assert_cmpstr (tc_state (met, "final_plan", NULL), ==,
                   "due=2026-05-25 status=cancelled completed_on=null");
  /* 2026-04-27 + 2 months = 2026-06-27 */
  g_assert_cmpstr (tc_state (met, "appeal_window", "decided_not_to_issue"), ==,
                   "due=2026-06-27 status=open completed_on=null");
  /* decided 2026-05-04, a week after 2026-04-27 */
  g_assert_cmpstr (tc_state (late, "no_plan_decision", NULL), ==,
                   "due=2026-04-27 status=late completed_on=2026-05-04");
}

/* draft_plan_issued opens draft_comments: 15 days beginning with the day
 * the draft is served (reg 13(1)), so the draft's day is day 1. */
static void
test_draft_plan_issued (void)
{
  const char *events = "[{'type':'request_received','date':'2026-01-05'},"
                       " {'type':'decided_to_assess','date':'2026-02-02'},"
                       " {'type':'draft_plan_issued','date':'2026-04-01'}]";
  g_autoptr(ScClockResult) last_day = tc_run (events, "2026-04-15");
  g_autoptr(ScClockResult) after = tc_run (events, "2026-04-16");
  const ScMilestone *m;

  /* draft served 2026-04-01, 15 days beginning with it: 2026-04-01 + 15 - 1 = 2026-04-15 */
  g_assert_cmpstr (tc_state (last_day, "draft_comments", NULL), ==,
                   "due=2026-04-15 status=open completed_on=null");
  /* closed when today > due */
  g_assert_cmpstr (tc_state (after, "draft_comments", NULL), ==,
                   "due=2026-04-15 status=closed completed_on=null");
  m = tc_find (last_day, "draft_comments", NULL, 0);
  g_assert_cmpint (sc_milestone_id_get_kind (m->id), ==, SC_MILESTONE_KIND_PERIOD);
  g_assert_cmpstr (m->rule, ==, "SEND Regulations 2014, reg 13(1)");
}

/* consultation_sent [key = URN]: consultation_response (key) 15 days (CoP
 * guidance); consultation_response [key] completes it. */
static void
test_consultation (void)
{
  g_autoptr(ScClockResult) r = tc_run (
    "[{'type':'consultation_sent','date':'2026-03-02','key':'100001'},"
    " {'type':'consultation_sent','date':'2026-03-02','key':'100002'},"
    " {'type':'consultation_response','date':'2026-03-17','key':'100002'}]",
    "2026-03-18");

  /* sent 2026-03-02 + 15 days = 2026-03-17; no answer from 100001 by 2026-03-18 */
  g_assert_cmpstr (tc_state (r, "consultation_response", "100001"), ==,
                   "due=2026-03-17 status=overdue completed_on=null");
  g_assert_cmpstr (tc_state (r, "consultation_response", "100002"), ==,
                   "due=2026-03-17 status=met completed_on=2026-03-17");
}

/* consultation_withdrawn [key] cancels the open consultation_response
 * (key), and only that one; the rank and plan version are carried, not
 * used; withdrawing what is not awaited is a completion of nothing. */
static void
test_consultation_withdrawn (void)
{
  g_autoptr(ScClockResult) r = tc_run (
    "[{'type':'consultation_sent','date':'2026-03-02','key':'100001','preference_rank':1,'plan_version':2},"
    " {'type':'consultation_sent','date':'2026-03-02','key':'100002','preference_rank':2},"
    " {'type':'consultation_withdrawn','date':'2026-03-10','key':'100001'},"
    " {'type':'consultation_withdrawn','date':'2026-03-11','key':'100003'}]",
    "2026-03-18");

  g_assert_cmpstr (tc_state (r, "consultation_response", "100001"), ==,
                   "due=2026-03-17 status=cancelled completed_on=null");
  g_assert_cmpstr (tc_state (r, "consultation_response", "100002"), ==,
                   "due=2026-03-17 status=overdue completed_on=null");
  g_assert_cmpuint (sc_clock_result_get_n_warnings (r), ==, 1);
  g_assert_cmpstr (sc_clock_warning_code_to_string (sc_clock_result_get_warning (r, 0)->code), ==,
                   "no_start_event");
}

/* final_plan_issued completes final_plan, starts annual_review (12 months,
 * CFA s44(1)) and opens appeal_window. */
static void
test_final_plan_issued (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                       " {'type':'decided_to_assess','date':'2026-02-02'},"
                                       " {'type':'draft_plan_issued','date':'2026-04-20'},"
                                       " {'type':'final_plan_issued','date':'2026-05-25'}]",
                                       "2026-06-01");
  const ScMilestone *m;

  /* due 2026-01-05 + 140 = 2026-05-25; issued that day: met */
  g_assert_cmpstr (tc_state (r, "final_plan", NULL), ==,
                   "due=2026-05-25 status=met completed_on=2026-05-25");
  /* 2026-05-25 + 12 months = 2027-05-25 */
  g_assert_cmpstr (tc_state (r, "annual_review", NULL), ==,
                   "due=2027-05-25 status=pending completed_on=null");
  m = tc_find (r, "annual_review", NULL, 0);
  g_assert_cmpstr (m->rule, ==, "Children and Families Act 2014, s44(1)");
  g_assert_cmpint (m->start_type, ==, SC_EVENT_FINAL_PLAN_ISSUED);
  /* 2026-05-25 + 2 months = 2026-07-25 */
  g_assert_cmpstr (tc_state (r, "appeal_window", "final_plan_issued"), ==,
                   "due=2026-07-25 status=open completed_on=null");
  /* draft 2026-04-20 + 15 - 1 = 2026-05-04, before the final plan: no warning */
  g_assert_cmpstr (tc_warnings (r), ==, "");
}

/* A final plan issued late; then a 12-month review from a month end. */
static void
test_final_plan_late_month_end (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2024-01-31'},"
                                       " {'type':'decided_to_assess','date':'2024-03-01'},"
                                       " {'type':'draft_plan_issued','date':'2024-07-01'},"
                                       " {'type':'final_plan_issued','date':'2024-08-31'}]",
                                       "2024-09-01");

  /* due 2024-06-19 (2024-01-31 + 140 days), issued 2024-08-31: late */
  g_assert_cmpstr (tc_state (r, "final_plan", NULL), ==,
                   "due=2024-06-19 status=late completed_on=2024-08-31");
  /* 2024-08-31 + 12 months = 2025-08-31 */
  g_assert_cmpstr (tc_state (r, "annual_review", NULL), ==,
                   "due=2025-08-31 status=pending completed_on=null");
  /* 2024-08-31 + 2 months = 2024-10-31 */
  g_assert_cmpstr (tc_state (r, "appeal_window", "final_plan_issued"), ==,
                   "due=2024-10-31 status=open completed_on=null");
}

/* exception_applied: a final plan completed late after the exception is
 * excepted; the exception is reported with its reason and date. */
static void
test_exception_late_becomes_excepted (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                       " {'type':'decided_to_assess','date':'2026-02-02'},"
                                       " {'type':'exception_applied','date':'2026-03-01','reason':'absent_from_area'},"
                                       " {'type':'draft_plan_issued','date':'2026-05-11'},"
                                       " {'type':'final_plan_issued','date':'2026-06-15'}]",
                                       "2026-07-01");
  const ScMilestone *m;

  /* due 2026-05-25 (request + 140 days), issued 2026-06-15: late, but an
   * exception was recorded on 2026-03-01 while it was open */
  g_assert_cmpstr (tc_state (r, "final_plan", NULL), ==,
                   "due=2026-05-25 status=excepted completed_on=2026-06-15");
  m = tc_find (r, "final_plan", NULL, 0);
  g_assert_cmpint (m->exception_reason, ==, SC_EXCEPTION_ABSENT_FROM_AREA);
  g_assert_cmpuint (m->exception_date, ==, tc_day ("2026-03-01"));
  /* assessment_decision was completed before the exception: untouched */
  g_assert_cmpstr (tc_state (r, "assessment_decision", NULL), ==,
                   "due=2026-02-16 status=met completed_on=2026-02-02");
}

/* ... leaves on-time alone: the same exception, a plan issued on time. */
static void
test_exception_on_time_untouched (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                       " {'type':'decided_to_assess','date':'2026-02-02'},"
                                       " {'type':'exception_applied','date':'2026-03-01','reason':'personal_circumstances'},"
                                       " {'type':'draft_plan_issued','date':'2026-04-20'},"
                                       " {'type':'final_plan_issued','date':'2026-05-20'}]",
                                       "2026-07-01");
  const ScMilestone *m;

  /* due 2026-05-25, issued 2026-05-20: met, and no exception shown */
  g_assert_cmpstr (tc_state (r, "final_plan", NULL), ==,
                   "due=2026-05-25 status=met completed_on=2026-05-20");
  m = tc_find (r, "final_plan", NULL, 0);
  g_assert_cmpint (m->exception_reason, ==, SC_EXCEPTION_NONE);
  g_assert_cmpuint (m->exception_date, ==, SC_DAY_NONE);
}

/* ... turns overdue (never completed) into excepted, while a pending one
 * stays pending until its due date passes. */
static void
test_exception_overdue_and_pending (void)
{
  const char *events = "[{'type':'request_received','date':'2026-01-05'},"
                       " {'type':'exception_applied','date':'2026-01-20','reason':'setting_closure'}]";
  g_autoptr(ScClockResult) before = tc_run (events, "2026-02-16");
  g_autoptr(ScClockResult) after = tc_run (events, "2026-02-17");

  /* assessment_decision due 2026-02-16: pending on that day ... */
  g_assert_cmpstr (tc_state (before, "assessment_decision", NULL), ==,
                   "due=2026-02-16 status=pending completed_on=null");
  /* ... and excepted rather than overdue the day after */
  g_assert_cmpstr (tc_state (after, "assessment_decision", NULL), ==,
                   "due=2026-02-16 status=excepted completed_on=null");
  g_assert_cmpstr (tc_state (after, "final_plan", NULL), ==,
                   "due=2026-05-25 status=pending completed_on=null");
  g_assert_cmpint (tc_find (after, "assessment_decision", NULL, 0)->exception_reason, ==,
                   SC_EXCEPTION_SETTING_CLOSURE);
}

/* An exception recorded after the milestone was completed does not reach
 * back: "not yet completed on this date". */
static void
test_exception_after_completion (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                       " {'type':'decided_to_assess','date':'2026-02-20'},"
                                       " {'type':'exception_applied','date':'2026-03-01','reason':'early_years_closure'}]",
                                       "2026-03-02");

  /* due 2026-02-16, decided 2026-02-20 (late), exception 2026-03-01: still late */
  g_assert_cmpstr (tc_state (r, "assessment_decision", NULL), ==,
                   "due=2026-02-16 status=late completed_on=2026-02-20");
}

/* no_plan_decision is recorded when the decision comes but ran from the
 * request; an exception between the two applies to it. */
static void
test_exception_no_plan_decision (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                       " {'type':'decided_to_assess','date':'2026-02-02'},"
                                       " {'type':'exception_applied','date':'2026-04-01','reason':'personal_circumstances'},"
                                       " {'type':'decided_not_to_issue','date':'2026-05-11'}]",
                                       "2026-05-12");
  const ScMilestone *m;

  /* due 2026-04-27 (request + 112 days), decided 2026-05-11: late, excepted */
  g_assert_cmpstr (tc_state (r, "no_plan_decision", NULL), ==,
                   "due=2026-04-27 status=excepted completed_on=2026-05-11");
  m = tc_find (r, "no_plan_decision", NULL, 0);
  g_assert_cmpint (m->exception_reason, ==, SC_EXCEPTION_PERSONAL_CIRCUMSTANCES);
  g_assert_cmpuint (m->exception_date, ==, tc_day ("2026-04-01"));
  /* the cancelled final_plan stays cancelled */
  g_assert_cmpstr (tc_state (r, "final_plan", NULL), ==,
                   "due=2026-05-25 status=cancelled completed_on=null");
}

/* Two exceptions: the first that applied is shown. */
static void
test_exception_first_wins (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                       " {'type':'exception_applied','date':'2026-03-01','reason':'absent_from_area'},"
                                       " {'type':'exception_applied','date':'2026-04-01','reason':'setting_closure'}]",
                                       "2026-06-01");
  const ScMilestone *m = tc_find (r, "final_plan", NULL, 0);

  /* final_plan due 2026-05-25, not issued by 2026-06-01 */
  g_assert_cmpint (m->status, ==, SC_STATUS_EXCEPTED);
  g_assert_cmpint (m->exception_reason, ==, SC_EXCEPTION_ABSENT_FROM_AREA);
  g_assert_cmpuint (m->exception_date, ==, tc_day ("2026-03-01"));
}

/* Warning: final_plan_issued before draft_comments has closed. */
static void
test_warning_final_inside_comments (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                       " {'type':'decided_to_assess','date':'2026-02-02'},"
                                       " {'type':'draft_plan_issued','date':'2026-04-01'},"
                                       " {'type':'final_plan_issued','date':'2026-04-15'}]",
                                       "2026-04-20");
  const ScClockWarning *w;
  g_autofree char *message = NULL;

  /* comments run 2026-04-01 to 2026-04-15 (15 days beginning with the
   * draft's day); a final plan on 2026-04-15 is inside them */
  g_assert_cmpstr (tc_warnings (r), ==, "final_before_comments_closed");
  w = sc_clock_result_get_warning (r, 0);
  g_assert_cmpint (w->event_index, ==, 3);
  message = sc_clock_result_dup_warning_message (r, w);
  g_assert_cmpstr (message, ==, "final_plan_issued on 2026-04-15 is inside the draft comment period, "
                                "which runs to 2026-04-15");
  /* the plan still completes its deadline */
  g_assert_cmpstr (tc_state (r, "final_plan", NULL), ==,
                   "due=2026-05-25 status=met completed_on=2026-04-15");
}

/* The day after the period is fine. */
static void
test_final_after_comments_closed (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                       " {'type':'decided_to_assess','date':'2026-02-02'},"
                                       " {'type':'draft_plan_issued','date':'2026-04-01'},"
                                       " {'type':'final_plan_issued','date':'2026-04-16'}]",
                                       "2026-04-20");

  g_assert_cmpstr (tc_warnings (r), ==, "");
}

/* Warning: final_plan_issued with no draft_plan_issued. */
static void
test_warning_final_without_draft (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                       " {'type':'decided_to_assess','date':'2026-02-02'},"
                                       " {'type':'final_plan_issued','date':'2026-05-01'}]",
                                       "2026-05-02");

  g_assert_cmpstr (tc_warnings (r), ==, "final_without_draft");
  g_assert_cmpint (sc_clock_result_get_warning (r, 0)->event_index, ==, 2);
}

/* A draft counts for one final plan only. */
static void
test_warning_second_final_without_draft (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2025-01-06'},"
                                       " {'type':'decided_to_assess','date':'2025-02-03'},"
                                       " {'type':'draft_plan_issued','date':'2025-04-01'},"
                                       " {'type':'final_plan_issued','date':'2025-05-01'},"
                                       " {'type':'reassessment_requested','date':'2026-01-05'},"
                                       " {'type':'decided_to_reassess','date':'2026-01-12'},"
                                       " {'type':'final_plan_issued','date':'2026-03-02'}]",
                                       "2026-03-03");

  g_assert_cmpstr (tc_warnings (r), ==, "final_without_draft");
  g_assert_cmpint (sc_clock_result_get_warning (r, 0)->event_index, ==, 6);
}

/* Warning: a completion with no start event. */
static void
test_warning_no_start_event (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'decided_to_assess','date':'2026-02-02'},"
                                       " {'type':'advice_received','date':'2026-02-03','key':'health'}]",
                                       "2026-02-04");
  g_autofree char *message = NULL;

  g_assert_cmpstr (tc_warnings (r), ==, "no_start_event,no_start_event");
  g_assert_cmpuint (sc_clock_result_get_n_milestones (r), ==, 0);
  message = sc_clock_result_dup_warning_message (r, sc_clock_result_get_warning (r, 1));
  g_assert_cmpstr (message, ==, "advice_received on 2026-02-03 completes nothing: no advice is open");
}

/* "Only events dated on or after the start event complete a deadline":
 * a decision dated before the request completes nothing. */
static void
test_completion_before_start (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                       " {'type':'decided_to_assess','date':'2026-01-04'}]",
                                       "2026-01-10");

  g_assert_cmpstr (tc_state (r, "assessment_decision", NULL), ==,
                   "due=2026-02-16 status=pending completed_on=null");
  g_assert_cmpstr (tc_warnings (r), ==, "no_start_event");
  /* events are walked in date order: the decision (input index 1) first */
  g_assert_cmpint (sc_clock_result_get_warning (r, 0)->event_index, ==, 1);
}

/* Warning: events in an order the law does not expect (a plan before any
 * decision to assess). */
static void
test_warning_out_of_order (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                       " {'type':'draft_plan_issued','date':'2026-01-20'},"
                                       " {'type':'final_plan_issued','date':'2026-02-10'}]",
                                       "2026-02-11");
  g_autofree char *message = NULL;

  g_assert_cmpstr (tc_warnings (r), ==, "out_of_order,out_of_order");
  message = sc_clock_result_dup_warning_message (r, sc_clock_result_get_warning (r, 0));
  g_assert_cmpstr (message, ==, "draft_plan_issued on 2026-01-20 comes before the decision to assess");
}

static void
test_warning_exception_without_deadline (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'exception_applied','date':'2026-03-01','reason':'absent_from_area'}]",
                                       "2026-03-02");

  g_assert_cmpstr (tc_warnings (r), ==, "exception_without_deadline");
}

/* Two requests: a completion completes the earliest open milestone. */
static void
test_two_requests_earliest_first (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                       " {'type':'request_received','date':'2026-01-12'},"
                                       " {'type':'decided_to_assess','date':'2026-02-02'}]",
                                       "2026-02-03");

  /* 2026-01-05 + 42 = 2026-02-16 and 2026-01-12 + 42 = 2026-02-23 */
  g_assert_cmpstr (tc_state_nth (r, "assessment_decision", NULL, 0), ==,
                   "due=2026-02-16 status=met completed_on=2026-02-02");
  g_assert_cmpstr (tc_state_nth (r, "assessment_decision", NULL, 1), ==,
                   "due=2026-02-23 status=pending completed_on=null");
}

/* Events in any order: the engine sorts them by date. */
static void
test_input_order (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'decided_to_assess','date':'2026-02-02'},"
                                       " {'type':'request_received','date':'2026-01-05'}]",
                                       "2026-02-03");

  g_assert_cmpstr (tc_state (r, "assessment_decision", NULL), ==,
                   "due=2026-02-16 status=met completed_on=2026-02-02");
  g_assert_cmpuint (tc_find (r, "assessment_decision", NULL, 0)->start_event, ==, 1);
  g_assert_cmpstr (tc_warnings (r), ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/clock/assessment/request-received", test_request_received);
  g_test_add_func ("/common/clock/assessment/request-leap-year", test_request_leap_year);
  g_test_add_func ("/common/clock/assessment/pending-overdue", test_pending_overdue);
  g_test_add_func ("/common/clock/assessment/decided-to-assess", test_decided_to_assess);
  g_test_add_func ("/common/clock/assessment/decided-not-to-assess", test_decided_not_to_assess);
  g_test_add_func ("/common/clock/assessment/advice", test_advice);
  g_test_add_func ("/common/clock/assessment/decided-not-to-issue", test_decided_not_to_issue);
  g_test_add_func ("/common/clock/assessment/draft-plan-issued", test_draft_plan_issued);
  g_test_add_func ("/common/clock/assessment/consultation", test_consultation);
  g_test_add_func ("/common/clock/assessment/consultation-withdrawn", test_consultation_withdrawn);
  g_test_add_func ("/common/clock/assessment/final-plan-met", test_final_plan_issued);
  g_test_add_func ("/common/clock/assessment/final-plan-late-month-end", test_final_plan_late_month_end);
  g_test_add_func ("/common/clock/assessment/exception/late-excepted", test_exception_late_becomes_excepted);
  g_test_add_func ("/common/clock/assessment/exception/on-time-untouched", test_exception_on_time_untouched);
  g_test_add_func ("/common/clock/assessment/exception/overdue-and-pending", test_exception_overdue_and_pending);
  g_test_add_func ("/common/clock/assessment/exception/after-completion", test_exception_after_completion);
  g_test_add_func ("/common/clock/assessment/exception/no-plan-decision", test_exception_no_plan_decision);
  g_test_add_func ("/common/clock/assessment/exception/first-wins", test_exception_first_wins);
  g_test_add_func ("/common/clock/assessment/warning/final-inside-comments", test_warning_final_inside_comments);
  g_test_add_func ("/common/clock/assessment/warning/final-after-comments", test_final_after_comments_closed);
  g_test_add_func ("/common/clock/assessment/warning/final-without-draft", test_warning_final_without_draft);
  g_test_add_func ("/common/clock/assessment/warning/second-final-without-draft",
                   test_warning_second_final_without_draft);
  g_test_add_func ("/common/clock/assessment/warning/no-start-event", test_warning_no_start_event);
  g_test_add_func ("/common/clock/assessment/warning/completion-before-start", test_completion_before_start);
  g_test_add_func ("/common/clock/assessment/warning/out-of-order", test_warning_out_of_order);
  g_test_add_func ("/common/clock/assessment/warning/exception-without-deadline",
                   test_warning_exception_without_deadline);
  g_test_add_func ("/common/clock/assessment/two-requests", test_two_requests_earliest_first);
  g_test_add_func ("/common/clock/assessment/input-order", test_input_order);

  return g_test_run ();
}
