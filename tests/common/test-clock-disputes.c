/* test-clock-disputes.c
 *
 * docs/statutory-clock.md, "Disputes" and its tribunal orders (reg 44(2)):
 * one test (or more) per row of both tables, with the arithmetic written
 * out, including tribunal working days across August and Christmas and
 * complaint working days across Easter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-clock-support.h"

/* Any decision that opens appeal_window: key = the decision's event type,
 * ends 2 months after the decision. */
static void
test_appeal_window_keys (void)
{
  g_autoptr(ScClockResult) r = tc_run (
    "[{'type':'request_received','date':'2025-01-06'},"
    " {'type':'decided_not_to_assess','date':'2025-01-31'},"
    " {'type':'request_received','date':'2025-03-03'},"
    " {'type':'decided_to_assess','date':'2025-03-31'},"
    " {'type':'decided_not_to_issue','date':'2025-06-23'},"
    " {'type':'request_received','date':'2025-07-01'},"
    " {'type':'decided_to_assess','date':'2025-07-31'},"
    " {'type':'draft_plan_issued','date':'2025-10-01'},"
    " {'type':'final_plan_issued','date':'2025-10-31'},"
    " {'type':'reassessment_requested','date':'2025-11-03'},"
    " {'type':'decided_not_to_reassess','date':'2025-11-14'},"
    " {'type':'review_meeting','date':'2025-12-01'},"
    " {'type':'review_decision','date':'2025-12-29','outcome':'cease'},"
    " {'type':'amendment_notice_issued','date':'2026-01-05'},"
    " {'type':'amended_plan_issued','date':'2026-02-02'},"
    " {'type':'cease_decided','date':'2026-03-31'}]",
    "2026-04-01");
  const ScMilestone *m;

  /* 2025-01-31 + 2 months = 2025-03-31 */
  g_assert_cmpstr (tc_state (r, "appeal_window", "decided_not_to_assess"), ==,
                   "due=2025-03-31 status=closed completed_on=null");
  /* 2025-06-23 + 2 months = 2025-08-23 */
  g_assert_cmpstr (tc_state (r, "appeal_window", "decided_not_to_issue"), ==,
                   "due=2025-08-23 status=closed completed_on=null");
  /* 2025-10-31 + 2 months = 2025-12-31 */
  g_assert_cmpstr (tc_state (r, "appeal_window", "final_plan_issued"), ==,
                   "due=2025-12-31 status=closed completed_on=null");
  /* 2025-11-14 + 2 months = 2026-01-14 */
  g_assert_cmpstr (tc_state (r, "appeal_window", "decided_not_to_reassess"), ==,
                   "due=2026-01-14 status=closed completed_on=null");
  /* 2025-12-29 + 2 months = 2026-02-29, no such day: 2026-02-28 */
  g_assert_cmpstr (tc_state (r, "appeal_window", "review_decision"), ==,
                   "due=2026-02-28 status=closed completed_on=null");
  /* 2026-02-02 + 2 months = 2026-04-02 */
  g_assert_cmpstr (tc_state (r, "appeal_window", "amended_plan_issued"), ==,
                   "due=2026-04-02 status=open completed_on=null");
  /* 2026-03-31 + 2 months = 2026-05-31 */
  g_assert_cmpstr (tc_state (r, "appeal_window", "cease_decided"), ==,
                   "due=2026-05-31 status=open completed_on=null");
  g_assert_cmpuint (tc_count (r, "appeal_window"), ==, 7);
  m = tc_find (r, "appeal_window", "cease_decided", 0);
  g_assert_cmpstr (m->rule, ==, "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r20: "
                                "2 months from the decision");
}

/* mediation_certificate_issued extends every open appeal_window to the
 * later of its end and the certificate + 1 month. */
static void
test_mediation_extends (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'cease_decided','date':'2026-03-10'},"
                                       " {'type':'mediation_certificate_issued','date':'2026-05-01'}]",
                                       "2026-05-20");
  const ScMilestone *m;

  /* window 2026-03-10 + 2 months = 2026-05-10; certificate 2026-05-01 + 1
   * month = 2026-06-01, later: the window now ends 2026-06-01 */
  g_assert_cmpstr (tc_state (r, "appeal_window", "cease_decided"), ==,
                   "due=2026-06-01 status=open completed_on=null");
  m = tc_find (r, "appeal_window", "cease_decided", 0);
  g_assert_cmpint (m->start_type, ==, SC_EVENT_CEASE_DECIDED);
  g_assert_cmpstr (m->rule, ==, "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r20; "
                                "Children and Families Act 2014, s55: 1 month from the mediation certificate");
  g_assert_cmpstr (tc_warnings (r), ==, "");
}

static void
test_mediation_never_shortens (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'cease_decided','date':'2026-03-10'},"
                                       " {'type':'mediation_certificate_issued','date':'2026-03-12'}]",
                                       "2026-03-20");

  /* certificate 2026-03-12 + 1 month = 2026-04-12, before the window's end
   * 2026-05-10: the end stays */
  g_assert_cmpstr (tc_state (r, "appeal_window", "cease_decided"), ==,
                   "due=2026-05-10 status=open completed_on=null");
  g_assert_cmpstr (tc_find (r, "appeal_window", "cease_decided", 0)->rule, ==,
                   "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r20: 2 months from the decision");
}

/* Only windows open on the certificate's date move; month end clamps. */
static void
test_mediation_only_open_windows (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'cease_decided','date':'2025-10-15'},"
                                       " {'type':'review_meeting','date':'2025-12-01'},"
                                       " {'type':'review_decision','date':'2025-12-20','outcome':'maintain'},"
                                       " {'type':'mediation_certificate_issued','date':'2026-01-31'}]",
                                       "2026-02-01");

  /* 2025-10-15 + 2 months = 2025-12-15: closed on 2026-01-31, unchanged */
  g_assert_cmpstr (tc_state (r, "appeal_window", "cease_decided"), ==,
                   "due=2025-12-15 status=closed completed_on=null");
  /* 2025-12-20 + 2 months = 2026-02-20; 2026-01-31 + 1 month = 2026-02-28 (clamped) */
  g_assert_cmpstr (tc_state (r, "appeal_window", "review_decision"), ==,
                   "due=2026-02-28 status=open completed_on=null");
}

static void
test_mediation_without_window (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'mediation_certificate_issued','date':'2026-01-31'}]",
                                       "2026-02-01");

  g_assert_cmpstr (tc_warnings (r), ==, "no_start_event");
}

/* appeal_registered [key]: appeal_response (key), 30 tribunal working
 * days: no weekends, bank holidays, 25 December-1 January or August. */
static void
test_appeal_registered_across_august (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'appeal_registered','date':'2026-07-01','key':'EH123/26/00001'}]",
                                       "2026-07-02");
  const ScMilestone *m;

  /* registered Wed 2026-07-01: July 2, 3 (2), 6-10 (7), 13-17 (12), 20-24 (17),
   * 27-31 (22); August closed; Sep 1-4 (26), 7, 8, 9, 10 (30) = 2026-09-10 */
  g_assert_cmpstr (tc_state (r, "appeal_response", "EH123/26/00001"), ==,
                   "due=2026-09-10 status=pending completed_on=null");
  m = tc_find (r, "appeal_response", "EH123/26/00001", 0);
  g_assert_cmpstr (m->rule, ==, "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r21: "
                                "30 tribunal working days");
}

static void
test_appeal_registered_across_christmas (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'appeal_registered','date':'2026-11-20','key':'EH1'}]",
                                       "2026-11-21");

  /* registered Fri 2026-11-20: Nov 23-27 (5), Nov 30-Dec 4 (10), Dec 7-11 (15),
   * Dec 14-18 (20), Dec 21-24 (24); 25 Dec-1 Jan closed, 2-3 Jan weekend;
   * Jan 4-8 (29), Mon 2027-01-11 (30) */
  g_assert_cmpstr (tc_state (r, "appeal_response", "EH1"), ==,
                   "due=2027-01-11 status=pending completed_on=null");
}

/* appeal_response_sent [key] completes appeal_response (key). */
static void
test_appeal_response_sent (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'appeal_registered','date':'2026-07-01','key':'A'},"
                                       " {'type':'appeal_registered','date':'2026-07-01','key':'B'},"
                                       " {'type':'appeal_response_sent','date':'2026-09-11','key':'B'}]",
                                       "2026-09-11");

  /* both due 2026-09-10; B answered the day after, A not at all */
  g_assert_cmpstr (tc_state (r, "appeal_response", "A"), ==,
                   "due=2026-09-10 status=overdue completed_on=null");
  g_assert_cmpstr (tc_state (r, "appeal_response", "B"), ==,
                   "due=2026-09-10 status=late completed_on=2026-09-11");
}

/* appeal_decided [key] (an addition to the contract): a response not yet
 * lodged is no longer due; one lodged stays as it was; nothing to cancel
 * is no warning */
static void
test_appeal_decided (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'appeal_registered','date':'2026-07-01','key':'A'},"
                                       " {'type':'appeal_registered','date':'2026-07-01','key':'B'},"
                                       " {'type':'appeal_response_sent','date':'2026-09-09','key':'B'},"
                                       " {'type':'appeal_decided','date':'2026-07-20','key':'A'},"
                                       " {'type':'appeal_decided','date':'2026-10-05','key':'B'}]",
                                       "2026-10-06");

  g_assert_cmpstr (tc_state (r, "appeal_response", "A"), ==,
                   "due=2026-09-10 status=cancelled completed_on=null");
  g_assert_cmpstr (tc_state (r, "appeal_response", "B"), ==,
                   "due=2026-09-10 status=met completed_on=2026-09-09");
  g_assert_cmpstr (tc_warnings (r), ==, "");
}

/* tribunal_order assess: order_assessment_notice 2 weeks, order_final_plan
 * 14 weeks, with the order's key; completed by decided_to_assess and by
 * final_plan_issued. */
static void
test_order_assess (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'tribunal_order','date':'2026-06-01','key':'T1','order':'assess'},"
                                       " {'type':'decided_to_assess','date':'2026-06-12'},"
                                       " {'type':'draft_plan_issued','date':'2026-08-03'},"
                                       " {'type':'final_plan_issued','date':'2026-09-08'}]",
                                       "2026-09-10");
  const ScMilestone *m;

  /* order 2026-06-01 + 2 weeks (14 days) = 2026-06-15 */
  g_assert_cmpstr (tc_state (r, "order_assessment_notice", "T1"), ==,
                   "due=2026-06-15 status=met completed_on=2026-06-12");
  /* 2026-06-01 + 14 weeks (98 days): + 29 = 06-30, + 31 = 07-31, + 31 = 08-31,
   * + 7 = 2026-09-07; plan 2026-09-08: late */
  g_assert_cmpstr (tc_state (r, "order_final_plan", "T1"), ==,
                   "due=2026-09-07 status=late completed_on=2026-09-08");
  m = tc_find (r, "order_final_plan", "T1", 0);
  g_assert_cmpstr (m->rule, ==, "SEND Regulations 2014, reg 44(2)");
  g_assert_cmpint (m->start_type, ==, SC_EVENT_TRIBUNAL_ORDER);
}

/* reassess: the same deadlines; decided_to_reassess and decided_not_to_issue
 * complete them. */
static void
test_order_reassess (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'tribunal_order','date':'2026-06-01','key':'T2','order':'reassess'},"
                                       " {'type':'decided_to_reassess','date':'2026-06-16'},"
                                       " {'type':'decided_not_to_issue','date':'2026-09-01'}]",
                                       "2026-09-02");

  /* due 2026-06-15, notice 2026-06-16: late */
  g_assert_cmpstr (tc_state (r, "order_assessment_notice", "T2"), ==,
                   "due=2026-06-15 status=late completed_on=2026-06-16");
  /* due 2026-09-07, decision not to issue 2026-09-01: met */
  g_assert_cmpstr (tc_state (r, "order_final_plan", "T2"), ==,
                   "due=2026-09-07 status=met completed_on=2026-09-01");
}

/* make_plan: order_draft_plan 5 weeks, order_final_plan 11 weeks. */
static void
test_order_make_plan (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'tribunal_order','date':'2026-06-01','key':'T3','order':'make_plan'},"
                                       " {'type':'draft_plan_issued','date':'2026-07-06'},"
                                       " {'type':'decided_not_to_issue','date':'2026-07-20'}]",
                                       "2026-08-18");

  /* 2026-06-01 + 5 weeks (35 days) = 2026-07-06 */
  g_assert_cmpstr (tc_state (r, "order_draft_plan", "T3"), ==,
                   "due=2026-07-06 status=met completed_on=2026-07-06");
  /* 2026-06-01 + 11 weeks (77 days): + 29 = 06-30, + 31 = 07-31, + 17 = 2026-08-17;
   * a decision not to issue does not answer an order to make a plan */
  g_assert_cmpstr (tc_state (r, "order_final_plan", "T3"), ==,
                   "due=2026-08-17 status=overdue completed_on=null");
}

static void
test_order_make_plan_final (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'tribunal_order','date':'2026-06-01','key':'T3','order':'make_plan'},"
                                       " {'type':'draft_plan_issued','date':'2026-07-01'},"
                                       " {'type':'final_plan_issued','date':'2026-08-17'}]",
                                       "2026-08-18");

  g_assert_cmpstr (tc_state (r, "order_final_plan", "T3"), ==,
                   "due=2026-08-17 status=met completed_on=2026-08-17");
}

/* amend_provision: order_amended_plan 5 weeks (reg 44(2)(e)). */
static void
test_order_amend_provision (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'tribunal_order','date':'2026-06-01','key':'T4','order':'amend_provision'},"
                                       " {'type':'amended_plan_issued','date':'2026-07-06'}]",
                                       "2026-07-07");

  /* 2026-06-01 + 35 days = 2026-07-06 */
  g_assert_cmpstr (tc_state (r, "order_amended_plan", "T4"), ==,
                   "due=2026-07-06 status=met completed_on=2026-07-06");
  g_assert_cmpstr (tc_find (r, "order_amended_plan", "T4", 0)->rule, ==, "SEND Regulations 2014, reg 44(2)(e)");
}

/* amend_placement: order_amended_plan 2 weeks (reg 44(2)(f)). */
static void
test_order_amend_placement (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'tribunal_order','date':'2026-06-01','key':'T5','order':'amend_placement'}]",
                                       "2026-06-16");

  /* 2026-06-01 + 14 days = 2026-06-15; nothing by 2026-06-16 */
  g_assert_cmpstr (tc_state (r, "order_amended_plan", "T5"), ==,
                   "due=2026-06-15 status=overdue completed_on=null");
  g_assert_cmpstr (tc_find (r, "order_amended_plan", "T5", 0)->rule, ==, "SEND Regulations 2014, reg 44(2)(f)");
}

/* continue_plan and cease_plan: effective at once, no deadline. */
static void
test_order_effective_at_once (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'tribunal_order','date':'2026-06-01','key':'T6','order':'continue_plan'},"
                                       " {'type':'tribunal_order','date':'2026-06-01','key':'T7','order':'cease_plan'}]",
                                       "2026-06-02");

  g_assert_cmpuint (sc_clock_result_get_n_milestones (r), ==, 0);
  g_assert_cmpstr (tc_warnings (r), ==, "");
}

/* complaint_received [key, stage 1]: complaint_acknowledgement 5 working
 * days, complaint_response 10 working days; across Easter 2026 (Good
 * Friday 3 April, Easter Monday 6 April). */
static void
test_complaint_stage1_easter (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'complaint_received','date':'2026-03-31','key':'C1','stage':1}]",
                                       "2026-04-01");
  const ScMilestone *m;

  /* received Tue 2026-03-31: Apr 1 (1), Apr 2 (2), [3 Good Friday, 4-5
   * weekend, 6 Easter Monday], Apr 7 (3), Apr 8 (4), Apr 9 (5) */
  g_assert_cmpstr (tc_state (r, "complaint_acknowledgement", "C1"), ==,
                   "due=2026-04-09 status=pending completed_on=null");
  /* ... Apr 10 (6), [11-12], Apr 13 (7), 14 (8), 15 (9), 16 (10) */
  g_assert_cmpstr (tc_state (r, "complaint_response", "C1"), ==,
                   "due=2026-04-16 status=pending completed_on=null");
  m = tc_find (r, "complaint_response", "C1", 0);
  g_assert_cmpstr (m->rule, ==, "LGSCO Complaint Handling Code: stage 1 response within 10 working days");
}

/* stage 2: complaint_response 20 working days. */
static void
test_complaint_stage2 (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'complaint_received','date':'2026-03-31','key':'C1','stage':2}]",
                                       "2026-04-01");

  /* 10 working days reach 2026-04-16 (above); then Apr 17 (11), 20-24 (16),
   * 27, 28, 29, 30 (20) */
  g_assert_cmpstr (tc_state (r, "complaint_response", "C1"), ==,
                   "due=2026-04-30 status=pending completed_on=null");
  g_assert_cmpstr (tc_state (r, "complaint_acknowledgement", "C1"), ==,
                   "due=2026-04-09 status=pending completed_on=null");
}

/* complaint_acknowledged [key] / complaint_responded [key] complete them. */
static void
test_complaint_acknowledged_responded (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'complaint_received','date':'2026-03-31','key':'C1','stage':1},"
                                       " {'type':'complaint_received','date':'2026-03-31','key':'C2','stage':1},"
                                       " {'type':'complaint_acknowledged','date':'2026-04-02','key':'C1'},"
                                       " {'type':'complaint_responded','date':'2026-04-17','key':'C1'}]",
                                       "2026-04-20");

  g_assert_cmpstr (tc_state (r, "complaint_acknowledgement", "C1"), ==,
                   "due=2026-04-09 status=met completed_on=2026-04-02");
  /* due 2026-04-16, answered 2026-04-17 */
  g_assert_cmpstr (tc_state (r, "complaint_response", "C1"), ==,
                   "due=2026-04-16 status=late completed_on=2026-04-17");
  /* C2 had nothing */
  g_assert_cmpstr (tc_state (r, "complaint_acknowledgement", "C2"), ==,
                   "due=2026-04-09 status=overdue completed_on=null");
  g_assert_cmpstr (tc_state (r, "complaint_response", "C2"), ==,
                   "due=2026-04-16 status=overdue completed_on=null");
}

/* complaint_extended [key]: complaint_response moves later by another 10
 * (stage 1) or 20 (stage 2) working days. */
static void
test_complaint_extended_stage1 (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'complaint_received','date':'2026-03-31','key':'C1','stage':1},"
                                       " {'type':'complaint_extended','date':'2026-04-14','key':'C1'}]",
                                       "2026-04-20");

  /* 2026-04-16 + 10 working days: Apr 17 (1), 20-24 (6), 27-30 (10) */
  g_assert_cmpstr (tc_state (r, "complaint_response", "C1"), ==,
                   "due=2026-04-30 status=pending completed_on=null");
  g_assert_cmpstr (tc_find (r, "complaint_response", "C1", 0)->rule, ==,
                   "LGSCO Complaint Handling Code: stage 1 response within 10 working days, "
                   "extended by 10 working days");
}

static void
test_complaint_extended_stage2 (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'complaint_received','date':'2026-03-31','key':'C1','stage':2},"
                                       " {'type':'complaint_extended','date':'2026-04-28','key':'C1'}]",
                                       "2026-05-01");

  /* 2026-04-30 + 20 working days: May 1 (1), [4 Early May], 5-8 (5), 11-15
   * (10), 18-22 (15), [25 Spring], 26-29 (19), Mon 2026-06-01 (20) */
  g_assert_cmpstr (tc_state (r, "complaint_response", "C1"), ==,
                   "due=2026-06-01 status=pending completed_on=null");
}

static void
test_complaint_extended_nothing_open (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'complaint_received','date':'2026-03-31','key':'C1','stage':1},"
                                       " {'type':'complaint_responded','date':'2026-04-10','key':'C1'},"
                                       " {'type':'complaint_extended','date':'2026-04-14','key':'C1'},"
                                       " {'type':'complaint_extended','date':'2026-04-14','key':'C9'}]",
                                       "2026-04-20");

  g_assert_cmpstr (tc_state (r, "complaint_response", "C1"), ==,
                   "due=2026-04-16 status=met completed_on=2026-04-10");
  g_assert_cmpstr (tc_warnings (r), ==, "no_start_event,no_start_event");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/clock/disputes/appeal-window-keys", test_appeal_window_keys);
  g_test_add_func ("/common/clock/disputes/mediation-extends", test_mediation_extends);
  g_test_add_func ("/common/clock/disputes/mediation-never-shortens", test_mediation_never_shortens);
  g_test_add_func ("/common/clock/disputes/mediation-only-open-windows", test_mediation_only_open_windows);
  g_test_add_func ("/common/clock/disputes/mediation-without-window", test_mediation_without_window);
  g_test_add_func ("/common/clock/disputes/appeal-registered-august", test_appeal_registered_across_august);
  g_test_add_func ("/common/clock/disputes/appeal-registered-christmas", test_appeal_registered_across_christmas);
  g_test_add_func ("/common/clock/disputes/appeal-response-sent", test_appeal_response_sent);
  g_test_add_func ("/common/clock/disputes/appeal-decided", test_appeal_decided);
  g_test_add_func ("/common/clock/disputes/order/assess", test_order_assess);
  g_test_add_func ("/common/clock/disputes/order/reassess", test_order_reassess);
  g_test_add_func ("/common/clock/disputes/order/make-plan", test_order_make_plan);
  g_test_add_func ("/common/clock/disputes/order/make-plan-final", test_order_make_plan_final);
  g_test_add_func ("/common/clock/disputes/order/amend-provision", test_order_amend_provision);
  g_test_add_func ("/common/clock/disputes/order/amend-placement", test_order_amend_placement);
  g_test_add_func ("/common/clock/disputes/order/effective-at-once", test_order_effective_at_once);
  g_test_add_func ("/common/clock/disputes/complaint/stage1-easter", test_complaint_stage1_easter);
  g_test_add_func ("/common/clock/disputes/complaint/stage2", test_complaint_stage2);
  g_test_add_func ("/common/clock/disputes/complaint/acknowledged-responded", test_complaint_acknowledged_responded);
  g_test_add_func ("/common/clock/disputes/complaint/extended-stage1", test_complaint_extended_stage1);
  g_test_add_func ("/common/clock/disputes/complaint/extended-stage2", test_complaint_extended_stage2);
  g_test_add_func ("/common/clock/disputes/complaint/extended-nothing-open", test_complaint_extended_nothing_open);

  return g_test_run ();
}
