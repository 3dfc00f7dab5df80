/* test-ctl-clock.c
 *
 * `sendcasectl timeline` and `sendcasectl holidays` as a user runs them:
 * the built binary ($SC_BUILD_ROOT/server/sendcasectl) spawned with a case
 * on standard input. Every structural error must exit 2 with exactly one
 * line on standard error and nothing on standard output; a mistyped event
 * type names the nearest real one; --help lists the clock's event types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sc-clock.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_ctl (Run        *run,
         const char *input,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *root = g_getenv ("SC_BUILD_ROOT");
  const char *arg;
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (argv, g_build_filename (root, "server", "sendcasectl", NULL));
  va_start (args, input);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

/* Exit 2, nothing on standard output, one line on standard error: the
 * given one. */
static void
assert_refused (const Run  *run,
                const char *line)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  /* its only newline is the last character */
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  if (line[strlen (line) - 1] == '*')
    g_assert_true (strncmp (run->err, line, strlen (line) - 1) == 0);
  else
    {
      g_autofree char *expected = g_strconcat (line, "\n", NULL);

      g_assert_cmpstr (run->err, ==, expected);
    }
}

static char *
compact (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_to_string (json_parser_get_root (parser), FALSE);
}

static const char contract_input[] =
  "{\n"
  "  \"date_of_birth\": \"2019-05-10\",\n"
  "  \"events\": [\n"
  "    {\"type\": \"request_received\", \"date\": \"2026-01-05\"},\n"
  "    {\"type\": \"advice_requested\", \"date\": \"2026-02-12\", \"key\": \"educational_psychology\"},\n"
  "    {\"type\": \"exception_applied\", \"date\": \"2026-03-01\", \"reason\": \"absent_from_area\"}\n"
  "  ]\n"
  "}\n";

/* The contract's example, end to end. */
static void
test_timeline_example (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *output = NULL;

  run_ctl (&run, contract_input, "timeline", "--today", "2026-01-10", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  output = compact (run.out);
  /* request 2026-01-05: + 42 days = 2026-02-16, + 140 days = 2026-05-25;
   * advice requested 2026-02-12 + 42 days = 2026-03-26 */
  g_assert_cmpstr (output, ==,
                   "{\"milestones\":["
                   "{\"id\":\"assessment_decision\",\"key\":null,\"kind\":\"deadline\","
                   "\"title\":\"Decision whether to assess\",\"rule\":\"SEND Regulations 2014, reg 5(1)\","
                   "\"starts_from\":{\"type\":\"request_received\",\"date\":\"2026-01-05\"},"
                   "\"due\":\"2026-02-16\",\"status\":\"pending\",\"completed_on\":null,\"exception\":null},"
                   "{\"id\":\"advice\",\"key\":\"educational_psychology\",\"kind\":\"deadline\","
                   "\"title\":\"Advice received\",\"rule\":\"SEND Regulations 2014, reg 8(1)\","
                   "\"starts_from\":{\"type\":\"advice_requested\",\"date\":\"2026-02-12\"},"
                   "\"due\":\"2026-03-26\",\"status\":\"pending\",\"completed_on\":null,\"exception\":null},"
                   "{\"id\":\"final_plan\",\"key\":null,\"kind\":\"deadline\","
                   "\"title\":\"Final EHC plan issued\",\"rule\":\"SEND Regulations 2014, reg 13(2)\","
                   "\"starts_from\":{\"type\":\"request_received\",\"date\":\"2026-01-05\"},"
                   "\"due\":\"2026-05-25\",\"status\":\"pending\",\"completed_on\":null,\"exception\":null}"
                   "],\"warnings\":[]}");
}

/* --today decides pending against overdue; --today=DATE works too. */
static void
test_timeline_today (void)
{
  g_auto(Run) before = { 0 };
  g_auto(Run) after = { 0 };

  run_ctl (&before, contract_input, "timeline", "--today=2026-02-16", NULL);
  run_ctl (&after, contract_input, "timeline", "--today", "2026-03-02", NULL);
  g_assert_cmpint (before.status, ==, 0);
  g_assert_cmpint (after.status, ==, 0);
  /* assessment_decision due 2026-02-16: pending on that day; on 2026-03-02
   * it is past due but the exception of 2026-03-01 makes it excepted */
  g_assert_nonnull (strstr (before.out, "\"status\" : \"pending\""));
  g_assert_null (strstr (before.out, "\"excepted\""));
  g_assert_nonnull (strstr (after.out, "\"status\" : \"excepted\""));
}

/* Without --today, the local date: a request in 1990 is long overdue, one
 * in 2199 is pending. */
static void
test_timeline_default_today (void)
{
  g_auto(Run) old = { 0 };
  g_auto(Run) future = { 0 };

  run_ctl (&old, "{\"events\":[{\"type\":\"request_received\",\"date\":\"1990-01-01\"}]}", "timeline", NULL);
  run_ctl (&future, "{\"events\":[{\"type\":\"request_received\",\"date\":\"2199-01-01\"}]}", "timeline", NULL);
  g_assert_cmpint (old.status, ==, 0);
  g_assert_nonnull (strstr (old.out, "\"overdue\""));
  g_assert_null (strstr (old.out, "\"pending\""));
  g_assert_cmpint (future.status, ==, 0);
  g_assert_nonnull (strstr (future.out, "\"pending\""));
  g_assert_null (strstr (future.out, "\"overdue\""));
}

/* Semantic oddities exit 0 and are listed. */
static void
test_timeline_warnings (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *output = NULL;

  run_ctl (&run, "{\"events\":[{\"type\":\"final_plan_issued\",\"date\":\"2026-05-01\"}]}",
           "timeline", "--today", "2026-05-02", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  output = compact (run.out);
  g_assert_nonnull (strstr (output, "\"warnings\":[{\"code\":\"final_without_draft\",\"message\":"
                                    "\"final_plan_issued on 2026-05-01 has no draft_plan_issued before it\","
                                    "\"event_index\":0},{\"code\":\"no_start_event\""));
}

/* Every structural error: exit 2, one line, empty standard output. */
static void
test_timeline_structural_errors (void)
{
  static const struct { const char *input; const char *line; } cases[] = {
    { "", "sendcasectl: timeline: empty input: expected a JSON object" },
    { "{\"events\": [", "sendcasectl: timeline: invalid JSON: *" },
    { "{\"events\": []} []", "sendcasectl: timeline: invalid JSON: unexpected text after the object" },
    { "[1, 2]", "sendcasectl: timeline: input must be a JSON object" },
    { "{}", "sendcasectl: timeline: missing required field \"events\"" },
    { "{\"events\": 3}", "sendcasectl: timeline: field \"events\" must be an array" },
    { "{\"date_of_birth\": \"2019-02-29\", \"events\": []}",
      "sendcasectl: timeline: field \"date_of_birth\" is not a valid date (YYYY-MM-DD): \"2019-02-29\"" },
    { "{\"events\": [\"request_received\"]}", "sendcasectl: timeline: event 0: must be a JSON object" },
    { "{\"events\": [{\"date\": \"2026-01-05\"}]}", "sendcasectl: timeline: event 0: missing required field \"type\"" },
    { "{\"events\": [{\"type\": \"request_received\", \"date\": \"2026-01-05\"},"
      " {\"type\": \"meeting\", \"date\": \"2026-01-06\"}]}",
      "sendcasectl: timeline: event 1: unknown event type \"meeting\"" },
    /* a near miss names the type it is nearest to */
    { "{\"events\": [{\"type\": \"consultation_sen\", \"date\": \"2026-01-06\", \"key\": \"1\"}]}",
      "sendcasectl: timeline: event 0: unknown event type \"consultation_sen\" "
      "(did you mean \"consultation_sent\"?)" },
    { "{\"events\": [{\"type\": \"Request-Received\", \"date\": \"2026-01-06\"}]}",
      "sendcasectl: timeline: event 0: unknown event type \"Request-Received\" "
      "(did you mean \"request_received\"?)" },
    { "{\"events\": [{\"type\": \"decided_to_reasess\", \"date\": \"2026-01-06\"}]}",
      "sendcasectl: timeline: event 0: unknown event type \"decided_to_reasess\" "
      "(did you mean \"decided_to_reassess\"?)" },
    { "{\"events\": [{\"type\": \"complaint_extnedde\", \"date\": \"2026-01-06\"}]}",
      "sendcasectl: timeline: event 0: unknown event type \"complaint_extnedde\" "
      "(did you mean \"complaint_extended\"?)" },
    /* too far from every name for a guess */
    { "{\"events\": [{\"type\": \"consultation\", \"date\": \"2026-01-06\"}]}",
      "sendcasectl: timeline: event 0: unknown event type \"consultation\"" },
    { "{\"events\": [{\"type\": \"\", \"date\": \"2026-01-06\"}]}",
      "sendcasectl: timeline: event 0: unknown event type \"\"" },
    { "{\"events\": [{\"type\": \"request_received\"}]}",
      "sendcasectl: timeline: event 0: missing required field \"date\"" },
    { "{\"events\": [{\"type\": \"request_received\", \"date\": \"2026-02-29\"}]}",
      "sendcasectl: timeline: event 0: field \"date\" is not a valid date (YYYY-MM-DD): \"2026-02-29\"" },
    { "{\"events\": [{\"type\": \"request_received\", \"date\": \"2026-01-05\"},"
      " {\"type\": \"request_received\", \"date\": \"2026-01-05\"},"
      " {\"type\": \"request_received\", \"date\": \"2026-01-05\"},"
      " {\"type\": \"advice_requested\", \"date\": \"2026-01-06\"}]}",
      "sendcasectl: timeline: event 3: missing required field \"key\"" },
    { "{\"events\": [{\"type\": \"exception_applied\", \"date\": \"2026-01-06\", \"reason\": \"snow\"}]}",
      "sendcasectl: timeline: event 0: field \"reason\" must be one of setting_closure, early_years_closure, "
      "personal_circumstances, absent_from_area" },
    { "{\"events\": [{\"type\": \"review_decision\", \"date\": \"2026-01-06\"}]}",
      "sendcasectl: timeline: event 0: missing required field \"outcome\"" },
    { "{\"events\": [{\"type\": \"phase_transfer_due\", \"date\": \"2026-01-06\", \"route\": \"school\"}]}",
      "sendcasectl: timeline: event 0: missing required field \"transfer_year\"" },
    { "{\"events\": [{\"type\": \"phase_transfer_due\", \"date\": \"2026-01-06\", \"transfer_year\": 2027}]}",
      "sendcasectl: timeline: event 0: missing required field \"route\"" },
    { "{\"events\": [{\"type\": \"tribunal_order\", \"date\": \"2026-01-06\", \"key\": \"T\", \"order\": \"x\"}]}",
      "sendcasectl: timeline: event 0: field \"order\" must be one of assess, reassess, make_plan, amend_provision, "
      "amend_placement, continue_plan, cease_plan" },
    { "{\"events\": [{\"type\": \"complaint_received\", \"date\": \"2026-01-06\", \"key\": \"C\", \"stage\": 3}]}",
      "sendcasectl: timeline: event 0: field \"stage\" must be 1 or 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      g_test_message ("input: %s", cases[i].input);
      run_ctl (&run, cases[i].input, "timeline", "--today", "2026-01-10", NULL);
      assert_refused (&run, cases[i].line);
    }
}

/* Bad options: exit 2, one line, empty standard output. */
static void
test_timeline_bad_options (void)
{
  g_auto(Run) bad_today = { 0 };
  g_auto(Run) bad_today2 = { 0 };
  g_auto(Run) no_value = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) extra = { 0 };
  g_auto(Run) no_config = { 0 };

  run_ctl (&bad_today, contract_input, "timeline", "--today", "2026-02-30", NULL);
  assert_refused (&bad_today, "sendcasectl: timeline: --today must be a date from 1900-01-01 to 2199-12-31 "
                              "(YYYY-MM-DD), not \"2026-02-30\"");
  run_ctl (&bad_today2, contract_input, "timeline", "--today=today", NULL);
  assert_refused (&bad_today2, "sendcasectl: timeline: --today must be a date from 1900-01-01 to 2199-12-31 "
                               "(YYYY-MM-DD), not \"today\"");
  run_ctl (&no_value, contract_input, "timeline", "--today", NULL);
  assert_refused (&no_value, "sendcasectl: timeline: option --today needs a value");
  run_ctl (&unknown, contract_input, "timeline", "--tomorrow", NULL);
  assert_refused (&unknown, "sendcasectl: timeline: unknown option \"--tomorrow\" (see sendcasectl timeline --help)");
  run_ctl (&extra, contract_input, "timeline", "case.json", NULL);
  assert_refused (&extra, "sendcasectl: timeline: unexpected argument \"case.json\" "
                          "(the case is read from standard input)");
  run_ctl (&no_config, contract_input, "timeline", "--config", "/nonexistent/sendcase.conf", NULL);
  assert_refused (&no_config, "sendcasectl: timeline: could not read config file \"/nonexistent/sendcase.conf\": *");
}

/* --help: the usage, then every event type of the clock's own table, each
 * with the members it reads, and the values of the enumerated members. */
static void
test_timeline_help (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) before_input = { 0 };
  g_auto(Run) via_help = { 0 };

  run_ctl (&run, NULL, "timeline", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Usage: sendcasectl timeline [--today YYYY-MM-DD]"));
  for (guint i = 0; i < SC_N_EVENT_TYPES; i++)
    {
      g_autofree char *members = sc_event_type_dup_members ((ScEventType) i);
      const char *name = sc_event_type_to_string ((ScEventType) i);
      g_autofree char *line = NULL;

      if (*members != '\0')
        line = g_strdup_printf ("\n  %-30s %s\n", name, members);
      else
        line = g_strdup_printf ("\n  %s\n", name);
      if (strstr (run.out, line) == NULL)
        g_error ("event type %u missing from the help: %s", i, line);
    }
  /* the members as docs/statutory-clock.md lists them */
  g_assert_nonnull (strstr (run.out, "\n  request_received\n"));
  g_assert_nonnull (strstr (run.out, "\n  consultation_sent              key, [preference_rank, plan_version]\n"));
  g_assert_nonnull (strstr (run.out, "\n  phase_transfer_due             transfer_year, route\n"));
  g_assert_nonnull (strstr (run.out, "\n  tribunal_order                 key, order\n"));
  g_assert_nonnull (strstr (run.out, "\n  complaint_received             key, stage\n"));
  g_assert_nonnull (strstr (run.out, "\n  transfer_in                    [last_review]\n"));
  g_assert_nonnull (strstr (run.out, "\n  amended_plan_issued            [phase_transfer]\n"));
  /* every tribunal order, from the clock's names, wrapped or not */
  for (guint i = SC_ORDER_ASSESS; i <= SC_ORDER_CEASE_PLAN; i++)
    g_assert_nonnull (strstr (run.out, sc_tribunal_order_to_string ((ScTribunalOrder) i)));
  g_assert_nonnull (strstr (run.out, "\n  outcome  maintain, amend, cease\n"));
  g_assert_nonnull (strstr (run.out, "\n  route    school, post16\n"));
  g_assert_nonnull (strstr (run.out, "\n  stage    1 or 2\n"));
  /* no line longer than 80 columns, none with trailing blanks */
  {
    g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_assert_cmpuint (strlen (lines[i]), <=, 80);
        g_assert_false (g_str_has_suffix (lines[i], " "));
      }
  }

  /* help wins over the input, and "help timeline" is the same text */
  run_ctl (&before_input, contract_input, "timeline", "--today", "2026-01-10", "--help", NULL);
  g_assert_cmpint (before_input.status, ==, 0);
  g_assert_cmpstr (before_input.out, ==, run.out);
  run_ctl (&via_help, NULL, "help", "timeline", NULL);
  g_assert_cmpint (via_help.status, ==, 0);
  g_assert_cmpstr (via_help.out, ==, run.out);
}

static void
test_holidays_help (void)
{
  g_auto(Run) run = { 0 };

  run_ctl (&run, NULL, "holidays", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Usage: sendcasectl holidays [--config FILE] YEAR\n"));
}

static char *
write_config (const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("sendcase-XXXXXX.conf", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* A proclaimed holiday from --config moves working-day deadlines. */
static void
test_timeline_config_holiday (void)
{
  g_autofree char *config = write_config ("[holidays]\n2027-06-07=Proclaimed bank holiday\n");
  const char *input = "{\"events\":[{\"type\":\"complaint_received\",\"date\":\"2027-06-01\",\"key\":\"C\",\"stage\":1}]}";
  g_auto(Run) without = { 0 };
  g_auto(Run) with = { 0 };

  run_ctl (&without, input, "timeline", "--today", "2027-06-02", NULL);
  run_ctl (&with, input, "timeline", "--today", "2027-06-02", "--config", config, NULL);
  g_assert_cmpint (without.status, ==, 0);
  g_assert_cmpint (with.status, ==, 0);
  /* Tue 2027-06-01 + 5 working days: Jun 2, 3, 4, 7, 8 = 2027-06-08; with
   * Monday 7 June a holiday: Jun 2, 3, 4, 8, 9 = 2027-06-09 */
  g_assert_nonnull (strstr (without.out, "\"due\" : \"2027-06-08\""));
  g_assert_nonnull (strstr (with.out, "\"due\" : \"2027-06-09\""));
  g_unlink (config);
}

static void
test_holidays_year (void)
{
  g_auto(Run) run = { 0 };

  run_ctl (&run, NULL, "holidays", "2022", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==,
                   "2022-01-03 New Year's Day (substitute day)\n"
                   "2022-04-15 Good Friday\n"
                   "2022-04-18 Easter Monday\n"
                   "2022-05-02 Early May bank holiday\n"
                   "2022-06-02 Spring bank holiday\n"
                   "2022-06-03 Platinum Jubilee bank holiday\n"
                   "2022-08-29 Summer bank holiday\n"
                   "2022-09-19 Bank holiday for the State Funeral of Queen Elizabeth II\n"
                   "2022-12-26 Boxing Day\n"
                   "2022-12-27 Christmas Day (substitute day)\n");
}

static void
test_holidays_config (void)
{
  g_autofree char *config = write_config ("[holidays]\n2027-06-07=Proclaimed bank holiday\n");
  g_autofree char *bad = write_config ("[holidays]\n2027-02-30=Never\n");
  g_auto(Run) run = { 0 };
  g_auto(Run) refused = { 0 };

  run_ctl (&run, NULL, "holidays", "--config", config, "2027", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2027-05-31 Spring bank holiday\n"
                                     "2027-06-07 Proclaimed bank holiday\n"
                                     "2027-08-30 Summer bank holiday\n"));
  run_ctl (&refused, NULL, "holidays", "2027", "--config", bad, NULL);
  assert_refused (&refused, "sendcasectl: holidays: config file \"*");
  g_assert_nonnull (strstr (refused.err, "[holidays] holiday \"2027-02-30\": not a date (YYYY-MM-DD)"));
  g_unlink (config);
  g_unlink (bad);
}

static void
test_holidays_errors (void)
{
  static const struct { const char *arg; const char *line; } cases[] = {
    { "1999", "sendcasectl: holidays: YEAR must be from 2000 to 2050, not \"1999\"" },
    { "2051", "sendcasectl: holidays: YEAR must be from 2000 to 2050, not \"2051\"" },
    { "20x6", "sendcasectl: holidays: YEAR must be from 2000 to 2050, not \"20x6\"" },
    { "02026", "sendcasectl: holidays: YEAR must be from 2000 to 2050, not \"02026\"" },
    { "--year", "sendcasectl: holidays: unknown option \"--year\" (see sendcasectl holidays --help)" },
  };
  g_auto(Run) missing = { 0 };
  g_auto(Run) extra = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_ctl (&run, NULL, "holidays", cases[i].arg, NULL);
      assert_refused (&run, cases[i].line);
    }
  run_ctl (&missing, NULL, "holidays", NULL);
  assert_refused (&missing, "sendcasectl: holidays: missing YEAR (see sendcasectl holidays --help)");
  run_ctl (&extra, NULL, "holidays", "2026", "2027", NULL);
  assert_refused (&extra, "sendcasectl: holidays: unexpected argument \"2027\"");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/ctl/timeline/example", test_timeline_example);
  g_test_add_func ("/common/ctl/timeline/today", test_timeline_today);
  g_test_add_func ("/common/ctl/timeline/default-today", test_timeline_default_today);
  g_test_add_func ("/common/ctl/timeline/warnings", test_timeline_warnings);
  g_test_add_func ("/common/ctl/timeline/structural-errors", test_timeline_structural_errors);
  g_test_add_func ("/common/ctl/timeline/bad-options", test_timeline_bad_options);
  g_test_add_func ("/common/ctl/timeline/help", test_timeline_help);
  g_test_add_func ("/common/ctl/timeline/config-holiday", test_timeline_config_holiday);
  g_test_add_func ("/common/ctl/holidays/help", test_holidays_help);
  g_test_add_func ("/common/ctl/holidays/year", test_holidays_year);
  g_test_add_func ("/common/ctl/holidays/config", test_holidays_config);
  g_test_add_func ("/common/ctl/holidays/errors", test_holidays_errors);

  return g_test_run ();
}
