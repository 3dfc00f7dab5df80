/* test-clock-json.c
 *
 * The clock's JSON codecs: whole outputs for full examples (the member
 * order and nulls of docs/statutory-clock.md), the order of milestones, the
 * shape of warnings, members the clock ignores, every structural error with its
 * message and field, and the C API that the daemon uses instead of JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-error.h"
#include "sc-problem.h"
#include "test-clock-support.h"

static char *
output_for (const char *input,
            const char *today)
{
  g_autoptr(ScClockResult) result = tc_run (input, today);

  return tc_to_json (result);
}

/* The example input of docs/statutory-clock.md, computed on 2026-01-10. */
static void
test_contract_example (void)
{
  g_autofree char *output = output_for (
    "{'date_of_birth':'2019-05-10','events':["
    " {'type':'request_received','date':'2026-01-05'},"
    " {'type':'advice_requested','date':'2026-02-12','key':'educational_psychology'},"
    " {'type':'exception_applied','date':'2026-03-01','reason':'absent_from_area'}]}",
    "2026-01-10");
  g_autofree char *expected = tc_json (
    "{'milestones':["
    /* request 2026-01-05 + 42 days */
    "{'id':'assessment_decision','key':null,'kind':'deadline','title':'Decision whether to assess',"
    "'rule':'SEND Regulations 2014, reg 5(1)','starts_from':{'type':'request_received','date':'2026-01-05'},"
    "'due':'2026-02-16','status':'pending','completed_on':null,'exception':null},"
    /* advice requested 2026-02-12 + 42 days */
    "{'id':'advice','key':'educational_psychology','kind':'deadline','title':'Advice received',"
    "'rule':'SEND Regulations 2014, reg 8(1)','starts_from':{'type':'advice_requested','date':'2026-02-12'},"
    "'due':'2026-03-26','status':'pending','completed_on':null,'exception':null},"
    /* request + 140 days: the contract's own output */
    "{'id':'final_plan','key':null,'kind':'deadline','title':'Final EHC plan issued',"
    "'rule':'SEND Regulations 2014, reg 13(2)','starts_from':{'type':'request_received','date':'2026-01-05'},"
    "'due':'2026-05-25','status':'pending','completed_on':null,'exception':null}"
    "],'warnings':[]}");

  g_assert_cmpstr (output, ==, expected);
}

/* A fuller history: late, excepted, a period, an ignored member and a
 * warning, computed on 2026-06-02. */
static void
test_full_history (void)
{
  g_autofree char *output = output_for (
    "{'date_of_birth':'2019-05-10','events':["
    " {'type':'request_received','date':'2026-01-05'},"
    " {'type':'advice_requested','date':'2026-02-12','key':'educational_psychology'},"
    " {'type':'exception_applied','date':'2026-03-01','reason':'absent_from_area'},"
    " {'type':'decided_to_assess','date':'2026-02-20'},"
    " {'type':'draft_plan_issued','date':'2026-05-20'},"
    " {'type':'final_plan_issued','date':'2026-06-01','note':'x'}]}",
    "2026-06-02");
  g_autofree char *expected = tc_json (
    "{'milestones':["
    /* due 2026-02-16, decided 2026-02-20, before the exception of 2026-03-01: late */
    "{'id':'assessment_decision','key':null,'kind':'deadline','title':'Decision whether to assess',"
    "'rule':'SEND Regulations 2014, reg 5(1)','starts_from':{'type':'request_received','date':'2026-01-05'},"
    "'due':'2026-02-16','status':'late','completed_on':'2026-02-20','exception':null},"
    "{'id':'advice','key':'educational_psychology','kind':'deadline','title':'Advice received',"
    "'rule':'SEND Regulations 2014, reg 8(1)','starts_from':{'type':'advice_requested','date':'2026-02-12'},"
    "'due':'2026-03-26','status':'overdue','completed_on':null,'exception':null},"
    /* due 2026-05-25, issued 2026-06-01, open when the exception came */
    "{'id':'final_plan','key':null,'kind':'deadline','title':'Final EHC plan issued',"
    "'rule':'SEND Regulations 2014, reg 13(2)','starts_from':{'type':'request_received','date':'2026-01-05'},"
    "'due':'2026-05-25','status':'excepted','completed_on':'2026-06-01',"
    "'exception':{'reason':'absent_from_area','date':'2026-03-01'}},"
    /* 2026-05-20 + 15 - 1 = 2026-06-03 */
    "{'id':'draft_comments','key':null,'kind':'period','title':'Comments on the draft plan',"
    "'rule':'SEND Regulations 2014, reg 13(1)','starts_from':{'type':'draft_plan_issued','date':'2026-05-20'},"
    "'due':'2026-06-03','status':'open','completed_on':null,'exception':null},"
    /* 2026-06-01 + 2 months */
    "{'id':'appeal_window','key':'final_plan_issued','kind':'period','title':'Time to appeal to the Tribunal',"
    "'rule':'Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r20: 2 months from the decision',"
    "'starts_from':{'type':'final_plan_issued','date':'2026-06-01'},"
    "'due':'2026-08-01','status':'open','completed_on':null,'exception':null},"
    /* aged 7: 2026-06-01 + 12 months */
    "{'id':'annual_review','key':null,'kind':'deadline','title':'Annual review meeting held',"
    "'rule':'Children and Families Act 2014, s44(1)','starts_from':{'type':'final_plan_issued','date':'2026-06-01'},"
    "'due':'2027-06-01','status':'pending','completed_on':null,'exception':null}"
    "],'warnings':["
    "{'code':'ignored_member','message':'event 5: member \\'note\\' is not read for this event type and was ignored',"
    "'event_index':5},"
    "{'code':'final_before_comments_closed','message':'final_plan_issued on 2026-06-01 is inside the draft "
    "comment period, which runs to 2026-06-03','event_index':5}"
    "]}");

  g_assert_cmpstr (output, ==, expected);
}

/* By due, then id, then key (null first). */
static void
test_sort_order (void)
{
  g_autoptr(ScClockResult) r = tc_run ("[{'type':'consultation_sent','date':'2026-03-02','key':'200002'},"
                                       " {'type':'consultation_sent','date':'2026-03-02','key':'100001'},"
                                       " {'type':'reassessment_requested','date':'2026-03-02'},"
                                       " {'type':'advice_requested','date':'2026-02-03','key':'b'},"
                                       " {'type':'request_received','date':'2026-02-03'},"
                                       " {'type':'advice_requested','date':'2026-02-03','key':'a'}]",
                                       "2026-03-03");
  g_autoptr(GString) order = g_string_new (NULL);

  for (guint i = 0; i < sc_clock_result_get_n_milestones (r); i++)
    {
      const ScMilestone *m = sc_clock_result_get_milestone (r, i);
      char due[SC_DAY_STRING_SIZE];

      g_string_append_printf (order, "%s %s %s\n", sc_day_format (m->due, due),
                              sc_milestone_id_to_string (m->id), m->key != NULL ? m->key : "null");
    }
  /* consultations and reassessment 2026-03-02 + 15 = 2026-03-17; advice and
   * assessment_decision 2026-02-03 + 42 = 2026-03-17; final_plan + 140 = 2026-06-23 */
  g_assert_cmpstr (order->str, ==,
                   "2026-03-17 advice a\n"
                   "2026-03-17 advice b\n"
                   "2026-03-17 assessment_decision null\n"
                   "2026-03-17 consultation_response 100001\n"
                   "2026-03-17 consultation_response 200002\n"
                   "2026-03-17 reassessment_decision null\n"
                   "2026-06-23 final_plan null\n");
}

/* Members the clock does not read: warnings, not errors. */
static void
test_ignored_members (void)
{
  g_autoptr(ScClockResult) r = tc_run ("{'case_id':42,'events':["
                                       " {'type':'request_received','date':'2026-01-05','key':'K','reason':'x'},"
                                       " {'type':'amended_plan_issued','date':'2026-01-06','phase_trasfer':true}]}",
                                       "2026-01-07");
  g_autofree char *output = tc_to_json (r);

  g_assert_cmpstr (tc_warnings (r), ==,
                   "ignored_member,ignored_member,ignored_member,ignored_member,no_start_event");
  g_assert_cmpint (sc_clock_result_get_warning (r, 0)->event_index, ==, -1);
  g_assert_cmpint (sc_clock_result_get_warning (r, 1)->event_index, ==, 0);
  g_assert_cmpint (sc_clock_result_get_warning (r, 3)->event_index, ==, 1);
  g_assert_nonnull (strstr (output, "{\"code\":\"ignored_member\",\"message\":\"member \\\"case_id\\\" is not part "
                                    "of the input and was ignored\",\"event_index\":null}"));
  g_assert_nonnull (strstr (output, "member \\\"phase_trasfer\\\" is not read"));
  /* a key on an event that takes none is not kept */
  g_assert_null (tc_find (r, "assessment_decision", NULL, 0)->key);
}

/* Nulls count as absent. */
static void
test_nulls (void)
{
  g_autoptr(ScClockResult) r = tc_run ("{'date_of_birth':null,'events':["
                                       " {'type':'transfer_in','date':'2026-05-11','last_review':null},"
                                       " {'type':'amended_plan_issued','date':'2026-05-12','phase_transfer':null}]}",
                                       "2026-05-12");

  /* 2026-05-11 + 3 months */
  g_assert_cmpstr (tc_state (r, "annual_review", NULL), ==,
                   "due=2026-08-11 status=pending completed_on=null");
  g_assert_cmpuint (sc_clock_input_get_date_of_birth (sc_clock_result_get_input (r)), ==, SC_DAY_NONE);
}

typedef struct
{
  const char *input;
  int         code;       /* ScErrorCode */
  const char *message;    /* a prefix when it ends in '*' */
  const char *field;      /* NULL: no field error expected */
} ErrorCase;

static void
test_structural_errors (void)
{
  static const ErrorCase cases[] = {
    { "", SC_ERROR_MALFORMED, "empty input: expected a JSON object", NULL },
    { " \n ", SC_ERROR_MALFORMED, "empty input: expected a JSON object", NULL },
    { "[]", SC_ERROR_INVALID_INPUT, "input must be a JSON object", NULL },
    { "'events'", SC_ERROR_INVALID_INPUT, "input must be a JSON object", NULL },
    { "{'events':[}", SC_ERROR_MALFORMED, "invalid JSON: *", NULL },
    { "{'events':[]", SC_ERROR_MALFORMED, "invalid JSON: *", NULL },
    { "{'events':[]} {}", SC_ERROR_MALFORMED, "invalid JSON: unexpected text after the object", NULL },
    { "{'events':[{'type':'a\\ud83d'}]}", SC_ERROR_MALFORMED, "invalid JSON: bad \\u escape in a string", NULL },
    { "{'events':[{'type':'a\\u12'}]}", SC_ERROR_MALFORMED, "invalid JSON: bad \\u escape in a string", NULL },
    { "{'events':[{'type':'a\\qb'}]}", SC_ERROR_MALFORMED, "invalid JSON: bad escape in a string", NULL },
    { "{'events':[{'type':'a\tb'}]}", SC_ERROR_MALFORMED, "invalid JSON: control character in a string", NULL },
    { "{}", SC_ERROR_INVALID_INPUT, "missing required field \"events\"", "events" },
    { "{'events':null}", SC_ERROR_INVALID_INPUT, "missing required field \"events\"", "events" },
    { "{'events':{}}", SC_ERROR_INVALID_INPUT, "field \"events\" must be an array", "events" },
    { "{'date_of_birth':'2019-02-29','events':[]}", SC_ERROR_INVALID_INPUT,
      "field \"date_of_birth\" is not a valid date (YYYY-MM-DD): \"2019-02-29\"", "date_of_birth" },
    { "{'date_of_birth':20190510,'events':[]}", SC_ERROR_INVALID_INPUT,
      "field \"date_of_birth\" must be a date (YYYY-MM-DD)", "date_of_birth" },
    { "{'events':[1]}", SC_ERROR_INVALID_INPUT, "event 0: must be a JSON object", "events[0]" },
    { "{'events':[{}]}", SC_ERROR_INVALID_INPUT, "event 0: missing required field \"type\"", "events[0].type" },
    { "{'events':[{'type':3,'date':'2026-01-05'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: field \"type\" must be a string", "events[0].type" },
    { "{'events':[{'type':'request_recieved','date':'2026-01-05'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: unknown event type \"request_recieved\" (did you mean \"request_received\"?)",
      "events[0].type" },
    { "{'events':[{'type':'request_received'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: missing required field \"date\"", "events[0].date" },
    { "{'events':[{'type':'request_received','date':'2026-02-30'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: field \"date\" is not a valid date (YYYY-MM-DD): \"2026-02-30\"", "events[0].date" },
    { "{'events':[{'type':'request_received','date':'2026-1-5'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: field \"date\" is not a valid date (YYYY-MM-DD): \"2026-1-5\"", "events[0].date" },
    { "{'events':[{'type':'request_received','date':'2026-01-05T09:00:00Z'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: field \"date\" is not a valid date (YYYY-MM-DD): \"2026-01-05T09:00:00Z\"", "events[0].date" },
    { "{'events':[{'type':'request_received','date':20260105}]}", SC_ERROR_INVALID_INPUT,
      "event 0: field \"date\" must be a date (YYYY-MM-DD)", "events[0].date" },
    { "{'events':[{'type':'request_received','date':'3026-01-05'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: field \"date\" is outside the years 1900-2199: \"3026-01-05\"", "events[0].date" },
    { "{'events':[{'type':'request_received','date':'2026-01-05'},{'type':'advice_requested','date':'2026-01-06'}]}",
      SC_ERROR_INVALID_INPUT, "event 1: missing required field \"key\"", "events[1].key" },
    { "{'events':[{'type':'advice_requested','date':'2026-01-06','key':7}]}", SC_ERROR_INVALID_INPUT,
      "event 0: field \"key\" must be a string", "events[0].key" },
    { "{'events':[{'type':'advice_requested','date':'2026-01-06','key':''}]}", SC_ERROR_INVALID_INPUT,
      "event 0: field \"key\" must not be empty", "events[0].key" },
    { "{'events':[{'type':'advice_received','date':'2026-01-06','key':null}]}", SC_ERROR_INVALID_INPUT,
      "event 0: missing required field \"key\"", "events[0].key" },
    { "{'events':[{'type':'exception_applied','date':'2026-01-06'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: missing required field \"reason\"", "events[0].reason" },
    { "{'events':[{'type':'exception_applied','date':'2026-01-06','reason':'holiday'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: field \"reason\" must be one of setting_closure, early_years_closure, personal_circumstances, "
      "absent_from_area", "events[0].reason" },
    { "{'events':[{'type':'review_decision','date':'2026-01-06'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: missing required field \"outcome\"", "events[0].outcome" },
    { "{'events':[{'type':'review_decision','date':'2026-01-06','outcome':'end'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: field \"outcome\" must be one of maintain, amend, cease", "events[0].outcome" },
    { "{'events':[{'type':'phase_transfer_due','date':'2026-01-06','route':'school'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: missing required field \"transfer_year\"", "events[0].transfer_year" },
    { "{'events':[{'type':'phase_transfer_due','date':'2026-01-06','transfer_year':'2027','route':'school'}]}",
      SC_ERROR_INVALID_INPUT, "event 0: field \"transfer_year\" must be a whole number", "events[0].transfer_year" },
    { "{'events':[{'type':'phase_transfer_due','date':'2026-01-06','transfer_year':27,'route':'school'}]}",
      SC_ERROR_INVALID_INPUT, "event 0: field \"transfer_year\" must be a year from 1900 to 2199",
      "events[0].transfer_year" },
    { "{'events':[{'type':'phase_transfer_due','date':'2026-01-06','transfer_year':2027}]}", SC_ERROR_INVALID_INPUT,
      "event 0: missing required field \"route\"", "events[0].route" },
    { "{'events':[{'type':'phase_transfer_due','date':'2026-01-06','transfer_year':2027,'route':'college'}]}",
      SC_ERROR_INVALID_INPUT, "event 0: field \"route\" must be one of school, post16", "events[0].route" },
    { "{'events':[{'type':'tribunal_order','date':'2026-01-06','key':'T'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: missing required field \"order\"", "events[0].order" },
    { "{'events':[{'type':'tribunal_order','date':'2026-01-06','order':'assess'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: missing required field \"key\"", "events[0].key" },
    { "{'events':[{'type':'tribunal_order','date':'2026-01-06','key':'T','order':'dismiss'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: field \"order\" must be one of assess, reassess, make_plan, amend_provision, amend_placement, "
      "continue_plan, cease_plan", "events[0].order" },
    { "{'events':[{'type':'complaint_received','date':'2026-01-06','key':'C'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: missing required field \"stage\"", "events[0].stage" },
    { "{'events':[{'type':'complaint_received','date':'2026-01-06','key':'C','stage':3}]}", SC_ERROR_INVALID_INPUT,
      "event 0: field \"stage\" must be 1 or 2", "events[0].stage" },
    { "{'events':[{'type':'complaint_received','date':'2026-01-06','key':'C','stage':'1'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: field \"stage\" must be 1 or 2", "events[0].stage" },
    { "{'events':[{'type':'transfer_in','date':'2026-01-06','last_review':'2025-13-01'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: field \"last_review\" is not a valid date (YYYY-MM-DD): \"2025-13-01\"", "events[0].last_review" },
    { "{'events':[{'type':'amended_plan_issued','date':'2026-01-06','phase_transfer':'yes'}]}", SC_ERROR_INVALID_INPUT,
      "event 0: field \"phase_transfer\" must be true or false", "events[0].phase_transfer" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = tc_json (cases[i].input);
      g_autoptr(ScClockInput) input = NULL;
      g_autoptr(GError) error = NULL;
      const ScProblem *problem;
      gsize length = strlen (cases[i].message);
      g_autofree char *prefix = g_strndup (cases[i].message, length - 1);

      g_test_message ("input: %s", json);
      input = sc_clock_input_new_from_data (json, -1, &error);
      g_assert_null (input);
      g_assert_error (error, SC_ERROR, cases[i].code);
      if (cases[i].message[length - 1] == '*')
        g_assert_true (g_str_has_prefix (error->message, prefix));
      else
        g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_null (strchr (error->message, '\n'));
      problem = sc_error_get_problem (error);
      if (cases[i].field != NULL)
        {
          g_assert_nonnull (problem);
          g_assert_nonnull (sc_problem_lookup_field (problem, cases[i].field));
        }
    }
}

/* The message names the first problem; the problem document lists all. */
static void
test_several_errors (void)
{
  g_autofree char *json = tc_json ("{'events':[{'type':'request_received','date':'2026-01-05'},"
                                   " {'type':'advice_requested','date':'2026-01-06'},"
                                   " {'type':'nonsense','date':'2026-01-07'},"
                                   " {'type':'request_received','date':'2026-99-07'}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScClockInput) input = sc_clock_input_new_from_data (json, -1, &error);
  const ScProblem *problem;

  g_assert_null (input);
  g_assert_cmpstr (error->message, ==, "event 1: missing required field \"key\"");
  problem = sc_error_get_problem (error);
  g_assert_cmpuint (sc_problem_get_n_field_errors (problem), ==, 3);
  g_assert_cmpstr (sc_problem_lookup_field (problem, "events[1].key"), ==, "missing required field \"key\"");
  g_assert_cmpstr (sc_problem_lookup_field (problem, "events[2].type"), ==, "unknown event type \"nonsense\"");
  g_assert_nonnull (sc_problem_lookup_field (problem, "events[3].date"));
}

/* Bad text is quoted back short, escaped and on one line. */
static void
test_error_quoting (void)
{
  g_autofree char *long_type = g_strnfill (1000, 'x');
  g_autofree char *json = g_strdup_printf ("{\"events\":[{\"type\":\"%s\",\"date\":\"2026-01-05\"}]}", long_type);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(ScClockInput) input = sc_clock_input_new_from_data (json, -1, &error);
  g_autoptr(ScClockInput) input2 = sc_clock_input_new_from_data (
    "{\"events\":[{\"type\":\"a\\nb\",\"date\":\"2026-01-05\"}]}", -1, &error2);

  g_assert_null (input);
  g_assert_cmpuint (strlen (error->message), <, 120);
  g_assert_true (g_str_has_suffix (error->message, "...\""));
  g_assert_null (input2);
  g_assert_cmpstr (error2->message, ==, "event 0: unknown event type \"a\\nb\"");
}

static void
test_too_deep (void)
{
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autofree char *json = g_strconcat ("{\"events\":", deep, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScClockInput) input = sc_clock_input_new_from_data (json, -1, &error);

  g_assert_null (input);
  g_assert_error (error, SC_ERROR, SC_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==, "invalid JSON: nested more than 64 levels deep");
}

static void
test_too_many_events (void)
{
  g_autoptr(GString) json = g_string_new ("{\"events\":[");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScClockInput) input = NULL;

  for (guint i = 0; i <= SC_CLOCK_MAX_EVENTS; i++)
    g_string_append_printf (json, "%s{\"type\":\"request_received\",\"date\":\"2026-01-05\"}", i > 0 ? "," : "");
  g_string_append (json, "]}");
  input = sc_clock_input_new_from_data (json->str, json->len, &error);
  g_assert_null (input);
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "too many events (10001, at most 10000)");
}

/* The daemon builds inputs in C: the same checks, the same words. */
static void
test_c_api (void)
{
  g_autoptr(ScClockInput) input = sc_clock_input_new ();
  g_autoptr(ScClockResult) result = sc_clock_result_new ();
  g_autoptr(GError) error = NULL;
  char key[] = "educational_psychology";
  ScClockEvent request = { .type = SC_EVENT_REQUEST_RECEIVED, .date = sc_day_from_ymd (2026, 1, 5),
                           .key = "ignored" };
  ScClockEvent advice = { .type = SC_EVENT_ADVICE_REQUESTED, .date = sc_day_from_ymd (2026, 2, 12), .key = key };
  ScClockEvent bad = { .type = SC_EVENT_ADVICE_RECEIVED, .date = sc_day_from_ymd (2026, 2, 13) };

  sc_clock_input_set_date_of_birth (input, sc_day_from_ymd (2019, 5, 10));
  g_assert_true (sc_clock_input_add_event (input, &request, &error));
  g_assert_true (sc_clock_input_add_event (input, &advice, &error));
  g_assert_no_error (error);
  key[0] = 'X';   /* the input keeps its own copy */
  g_assert_false (sc_clock_input_add_event (input, &bad, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "event 2: missing required field \"key\"");
  g_assert_cmpuint (sc_clock_input_get_n_events (input), ==, 2);
  g_assert_null (sc_clock_input_get_event (input, 0)->key);
  g_assert_cmpstr (sc_clock_input_get_event (input, 1)->key, ==, "educational_psychology");

  /* a result is reused from one computation to the next */
  sc_clock_result_compute (result, input, NULL, sc_day_from_ymd (2026, 1, 10));
  g_assert_cmpuint (sc_clock_result_get_n_milestones (result), ==, 3);
  g_assert_cmpstr (tc_state (result, "advice", "educational_psychology"), ==,
                   "due=2026-03-26 status=pending completed_on=null");
  sc_clock_result_compute (result, input, NULL, sc_day_from_ymd (2026, 3, 27));
  g_assert_cmpuint (sc_clock_result_get_n_milestones (result), ==, 3);
  g_assert_cmpstr (tc_state (result, "advice", "educational_psychology"), ==,
                   "due=2026-03-26 status=overdue completed_on=null");
  g_assert_true (sc_clock_result_get_input (result) == input);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/clock/json/contract-example", test_contract_example);
  g_test_add_func ("/common/clock/json/full-history", test_full_history);
  g_test_add_func ("/common/clock/json/sort-order", test_sort_order);
  g_test_add_func ("/common/clock/json/ignored-members", test_ignored_members);
  g_test_add_func ("/common/clock/json/nulls", test_nulls);
  g_test_add_func ("/common/clock/json/structural-errors", test_structural_errors);
  g_test_add_func ("/common/clock/json/several-errors", test_several_errors);
  g_test_add_func ("/common/clock/json/error-quoting", test_error_quoting);
  g_test_add_func ("/common/clock/json/too-deep", test_too_deep);
  g_test_add_func ("/common/clock/json/too-many-events", test_too_many_events);
  g_test_add_func ("/common/clock/json/c-api", test_c_api);

  return g_test_run ();
}
