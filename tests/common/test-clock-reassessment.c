/* test-clock-reassessment.c
 *
 * docs/statutory-clock.md, "Reassessment and transfer between authorities":
 * one test (or more) per row, with the arithmetic written out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-clock-support.h"

/* reassessment_requested: reassessment_decision 15 days (reg 25). */
static void
test_reassessment_requested (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'reassessment_requested','date':'2026-03-20'}]",
                                       "2026-04-04");
  const ScMilestone *m;

  /* 2026-03-20 + 15 days: + 11 = 2026-03-31, + 4 = 2026-04-04 */
  g_assert_cmpstr (tc_state (r, "reassessment_decision", NULL), ==,
                   "due=2026-04-04 status=pending completed_on=null");
  m = tc_find (r, "reassessment_decision", NULL, 0);
  g_assert_cmpstr (m->rule, ==, "SEND Regulations 2014, reg 25");
  g_assert_cmpint (m->start_type, ==, SC_EVENT_REASSESSMENT_REQUESTED);
}

/* decided_to_reassess: completes reassessment_decision, starts
 * reassessment_plan (14 weeks, reg 27(2)). */
static void
test_decided_to_reassess (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'reassessment_requested','date':'2026-03-20'},"
                                       " {'type':'decided_to_reassess','date':'2026-04-02'}]",
                                       "2026-07-10");

  /* due 2026-04-04, decided 2026-04-02 */
  g_assert_cmpstr (tc_state (r, "reassessment_decision", NULL), ==,
                   "due=2026-04-04 status=met completed_on=2026-04-02");
  /* 2026-04-02 + 14 weeks (98 days): + 28 = 04-30, + 31 = 05-31, + 30 = 06-30,
   * + 9 = 2026-07-09; not issued by 2026-07-10: overdue */
  g_assert_cmpstr (tc_state (r, "reassessment_plan", NULL), ==,
                   "due=2026-07-09 status=overdue completed_on=null");
  g_assert_cmpstr (tc_find (r, "reassessment_plan", NULL, 0)->rule, ==,
                   "SEND Regulations 2014, reg 27(2)");
}

/* decided_not_to_reassess: completes reassessment_decision, opens
 * appeal_window. */
static void
test_decided_not_to_reassess (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'reassessment_requested','date':'2026-03-20'},"
                                       " {'type':'decided_not_to_reassess','date':'2026-04-06'}]",
                                       "2026-04-07");

  /* due 2026-04-04 (a Saturday: calendar days), decided 2026-04-06: late */
  g_assert_cmpstr (tc_state (r, "reassessment_decision", NULL), ==,
                   "due=2026-04-04 status=late completed_on=2026-04-06");
  /* 2026-04-06 + 2 months = 2026-06-06 */
  g_assert_cmpstr (tc_state (r, "appeal_window", "decided_not_to_reassess"), ==,
                   "due=2026-06-06 status=open completed_on=null");
  g_assert_cmpstr (tc_state (r, "reassessment_plan", NULL), ==, "missing");
}

/* final_plan_issued or amended_plan_issued completes an open
 * reassessment_plan. */
static void
test_reassessment_plan_completed (void)
{
  g_autoptr(ScClockResult) by_final = tc_run ("[{'type':'reassessment_requested','date':'2026-01-26'},"
                                              " {'type':'decided_to_reassess','date':'2026-02-03'},"
                                              " {'type':'draft_plan_issued','date':'2026-04-01'},"
                                              " {'type':'final_plan_issued','date':'2026-05-12'}]",
                                              "2026-06-01");
  g_autoptr(ScClockResult) by_amended = tc_run ("[{'type':'reassessment_requested','date':'2026-01-26'},"
                                                " {'type':'decided_to_reassess','date':'2026-02-03'},"
                                                " {'type':'amendment_notice_issued','date':'2026-04-01'},"
                                                " {'type':'amended_plan_issued','date':'2026-05-13'}]",
                                                "2026-06-01");

  /* 2026-02-03 + 98 days: + 25 = 02-28, + 31 = 03-31, + 30 = 04-30, + 12 = 2026-05-12 */
  g_assert_cmpstr (tc_state (by_final, "reassessment_plan", NULL), ==,
                   "due=2026-05-12 status=met completed_on=2026-05-12");
  g_assert_cmpstr (tc_warnings (by_final), ==, "");
  g_assert_cmpstr (tc_state (by_amended, "reassessment_plan", NULL), ==,
                   "due=2026-05-12 status=late completed_on=2026-05-13");
}

/* transfer_in with last_review: transfer_notice 6 weeks (reg 15(4)) and an
 * annual_review due on the later of last_review + 12 months and the
 * transfer + 3 months (reg 15(5)). */
static void
test_transfer_in_last_review_later (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'transfer_in','date':'2026-05-11','last_review':'2025-09-30'}]",
                                       "2026-05-12");
  const ScMilestone *m;

  /* 2026-05-11 + 42 days: + 20 = 05-31, + 22 = 2026-06-22 */
  g_assert_cmpstr (tc_state (r, "transfer_notice", NULL), ==,
                   "due=2026-06-22 status=pending completed_on=null");
  g_assert_cmpstr (tc_find (r, "transfer_notice", NULL, 0)->rule, ==, "SEND Regulations 2014, reg 15(4)");
  /* later of 2025-09-30 + 12 months = 2026-09-30 and 2026-05-11 + 3 months = 2026-08-11 */
  g_assert_cmpstr (tc_state (r, "annual_review", NULL), ==,
                   "due=2026-09-30 status=pending completed_on=null");
  m = tc_find (r, "annual_review", NULL, 0);
  g_assert_cmpstr (m->rule, ==, "SEND Regulations 2014, reg 15(5)");
  g_assert_cmpint (m->start_type, ==, SC_EVENT_TRANSFER_IN);
}

static void
test_transfer_in_three_months_later (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'transfer_in','date':'2026-05-31','last_review':'2025-06-15'}]",
                                       "2026-06-01");

  /* later of 2025-06-15 + 12 months = 2026-06-15 and 2026-05-31 + 3 months = 2026-08-31 */
  g_assert_cmpstr (tc_state (r, "annual_review", NULL), ==,
                   "due=2026-08-31 status=pending completed_on=null");
}

static void
test_transfer_in_without_last_review (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'transfer_in','date':'2026-11-30'}]", "2026-12-01");

  /* 2026-11-30 + 3 months = 2027-02-30, no such day: 2027-02-28 */
  g_assert_cmpstr (tc_state (r, "annual_review", NULL), ==,
                   "due=2027-02-28 status=pending completed_on=null");
  /* 2026-11-30 + 42 days: + 31 = 12-31, + 11 = 2027-01-11 */
  g_assert_cmpstr (tc_state (r, "transfer_notice", NULL), ==,
                   "due=2027-01-11 status=pending completed_on=null");
}

/* transfer_notice_sent completes transfer_notice. */
static void
test_transfer_notice_sent (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'transfer_in','date':'2026-05-11'},"
                                       " {'type':'transfer_notice_sent','date':'2026-06-23'}]",
                                       "2026-06-24");

  /* due 2026-06-22, sent 2026-06-23: late */
  g_assert_cmpstr (tc_state (r, "transfer_notice", NULL), ==,
                   "due=2026-06-22 status=late completed_on=2026-06-23");
  g_assert_cmpstr (tc_warnings (r), ==, "");
}

/* transfer_out: the plan moves to another authority; this authority's open
 * deadlines are moot, the family's appeal window runs on, and no decision to
 * cease is expected before it. */
static void
test_transfer_out (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'request_received','date':'2026-01-05'},"
                                       " {'type':'decided_to_assess','date':'2026-02-02'},"
                                       " {'type':'draft_plan_issued','date':'2026-04-20'},"
                                       " {'type':'final_plan_issued','date':'2026-05-11'},"
                                       " {'type':'amendment_notice_issued','date':'2026-09-07'},"
                                       " {'type':'transfer_out','date':'2026-09-14'}]",
                                       "2026-09-15");

  g_assert_cmpstr (tc_state (r, "annual_review", NULL), ==,
                   "due=2027-05-11 status=cancelled completed_on=null");
  g_assert_cmpstr (tc_state (r, "amended_plan", NULL), ==,
                   "due=2026-11-02 status=cancelled completed_on=null");
  g_assert_cmpstr (tc_state (r, "final_plan", NULL), ==,
                   "due=2026-05-25 status=met completed_on=2026-05-11");
  /* 2026-05-11 + 2 months: closed by now; the amendment's comments still open */
  g_assert_cmpstr (tc_state (r, "amendment_comments", NULL), ==,
                   "due=2026-09-21 status=open completed_on=null");
  g_assert_cmpstr (tc_warnings (r), ==, "");
}

/* A transfer sets the review clock: an open review from the old
 * authority's history is moot. */
static void
test_transfer_in_supersedes_review (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'review_meeting','date':'2025-09-01'},"
                                       " {'type':'review_decision','date':'2025-09-30','outcome':'maintain'},"
                                       " {'type':'transfer_in','date':'2026-05-11','last_review':'2025-09-30'}]",
                                       "2026-05-12");

  /* the old authority's next review (2025-09-30 + 12 months = 2026-09-30) is
   * replaced by the reg 15(5) one, here the same date */
  g_assert_cmpstr (tc_state_nth (r, "annual_review", NULL, 0), ==,
                   "due=2026-09-30 status=cancelled completed_on=null");
  g_assert_cmpstr (tc_state_nth (r, "annual_review", NULL, 1), ==,
                   "due=2026-09-30 status=pending completed_on=null");
  g_assert_cmpint (tc_find (r, "annual_review", NULL, 1)->start_type, ==, SC_EVENT_TRANSFER_IN);
}

/* The under-fives rule applies to a transfer's review too. */
static void
test_transfer_in_under_five (void)
{
  g_autoptr(ScClockResult) r = tc_run ("{'date_of_birth':'2023-06-01','events':["
                                       " {'type':'transfer_in','date':'2026-05-11','last_review':'2025-09-30'}]}",
                                       "2026-05-12");

  /* aged 2: 2026-05-11 + 6 months = 2026-11-11 */
  g_assert_cmpstr (tc_state (r, "annual_review", NULL), ==,
                   "due=2026-11-11 status=pending completed_on=null");
  g_assert_cmpstr (tc_find (r, "annual_review", NULL, 0)->rule, ==, "CoP 9.178 (advisory)");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/clock/reassessment/reassessment-requested", test_reassessment_requested);
  g_test_add_func ("/common/clock/reassessment/decided-to-reassess", test_decided_to_reassess);
  g_test_add_func ("/common/clock/reassessment/decided-not-to-reassess", test_decided_not_to_reassess);
  g_test_add_func ("/common/clock/reassessment/plan-completed", test_reassessment_plan_completed);
  g_test_add_func ("/common/clock/reassessment/transfer-in-last-review-later", test_transfer_in_last_review_later);
  g_test_add_func ("/common/clock/reassessment/transfer-in-three-months-later",
                   test_transfer_in_three_months_later);
  g_test_add_func ("/common/clock/reassessment/transfer-in-without-last-review",
                   test_transfer_in_without_last_review);
  g_test_add_func ("/common/clock/reassessment/transfer-notice-sent", test_transfer_notice_sent);
  g_test_add_func ("/common/clock/reassessment/transfer-out", test_transfer_out);
  g_test_add_func ("/common/clock/reassessment/transfer-in-supersedes-review", test_transfer_in_supersedes_review);
  g_test_add_func ("/common/clock/reassessment/transfer-in-under-five", test_transfer_in_under_five);

  return g_test_run ();
}
