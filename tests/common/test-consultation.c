/* test-consultation.c
 *
 * The consultation model alone: its JSON codec both ways, its status
 * words and warnings, the check of a change (every member named, offers
 * read with their own field names, an agreement needing its date), the
 * CSV row (quoted where RFC 4180 needs it, formulas defused), and amounts
 * of money both ways.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-consultation.h"
#include "sc-error.h"
#include "sc-problem.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_strdup (text);

  g_strdelimit (json, "'", '"');
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
to_json (const ScConsultation *consultation)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_consultation_write_json (consultation, &writer);
  return g_string_free (out, FALSE);
}

static const char sample[] =
  "{'id':301,'case_id':12,'person_id':7,'given_name':'Ivo','family_name':'Marsh',"
  "'owner':{'id':2,'username':'caseworker','full_name':'Cara Worker'},'urn':100000,"
  "'institution':{'name':'The Aldgate School','phase':'Primary','status':'Open','la_name':'City of London'},"
  "'preference_rank':1,'plan_version':2,'sent_on':'2026-03-02','due':'2026-03-17','status':'answered',"
  "'responded_on':'2026-03-16','withdrawn_on':null,'reminders':['2026-03-10'],'outcome':'cannot_meet_needs',"
  "'reasons':null,'band_asked':'C','amount_asked':1450000,"
  "'offers':[{'made_on':'2026-03-20','made_by':'authority','band':'B','amount':1200000,'note':null}],"
  "'band_agreed':null,'amount_agreed':null,'agreed_on':null,'notes':'by phone','version':3,'warnings':[]}";

static void
test_round_trip (void)
{
  g_autoptr(JsonNode) node = parse (sample);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScConsultation) consultation = sc_consultation_new_from_json (node, &error);
  g_autoptr(ScConsultation) again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  g_autoptr(JsonNode) reread = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (consultation->urn, ==, 100000);
  g_assert_cmpstr (consultation->institution_name, ==, "The Aldgate School");
  g_assert_cmpint (consultation->amount_asked, ==, 1450000);
  g_assert_cmpint (consultation->amount_agreed, ==, SC_AMOUNT_NONE);
  g_assert_cmpuint (consultation->offers->len, ==, 1);
  g_assert_cmpuint (consultation->reminders->len, ==, 1);
  json = to_json (consultation);
  /* a refusal without its reasons is warned of, in the JSON too */
  g_assert_nonnull (strstr (json, "\"code\":\"refusal_without_reasons\""));
  g_assert_nonnull (strstr (json, "\"amount_agreed\":null"));
  reread = parse (json);
  again = sc_consultation_new_from_json (reread, &error);
  g_assert_no_error (error);
  json_again = to_json (again);
  g_assert_cmpstr (json, ==, json_again);
}

static gboolean
warns (ScConsultation *consultation,
       const char     *code)
{
  g_autoptr(GPtrArray) warnings = sc_consultation_dup_warnings (consultation);

  for (guint i = 0; i < warnings->len; i++)
    if (g_str_equal (((ScWarning *) g_ptr_array_index (warnings, i))->code, code))
      return TRUE;
  return FALSE;
}

static void
test_warnings (void)
{
  g_autoptr(ScConsultation) c = sc_consultation_new ();

  c->sent_on = sc_day_from_ymd (2026, 3, 2);
  c->due = sc_day_from_ymd (2026, 3, 17);
  c->status = g_strdup ("overdue");
  g_assert_true (warns (c, "overdue_unchased"));
  /* a reminder before it was due does not chase an overdue answer */
  {
    ScDay before = sc_day_from_ymd (2026, 3, 12), after = sc_day_from_ymd (2026, 3, 19);

    g_array_append_val (c->reminders, before);
    g_assert_true (warns (c, "overdue_unchased"));
    g_array_append_val (c->reminders, after);
    g_assert_false (warns (c, "overdue_unchased"));
  }
  g_free (c->status);
  c->status = g_strdup ("answered");
  c->responded_on = sc_day_from_ymd (2026, 3, 20);
  g_assert_true (warns (c, "answer_unrecorded"));
  c->outcome = g_strdup ("can_meet_with_conditions");
  g_assert_false (warns (c, "answer_unrecorded"));
  g_assert_true (warns (c, "conditions_without_funding"));
  c->amount_asked = 900000;
  g_assert_false (warns (c, "conditions_without_funding"));
}

static gboolean
change_fails (const char *body,
              const char *field)
{
  g_autoptr(JsonNode) node = parse (body);
  g_autoptr(GError) error = NULL;
  ScConsultationChange change;
  gboolean ok = sc_consultation_change_read (json_node_get_object (node), &change, &error);
  const ScProblem *problem;

  sc_consultation_change_clear (&change);
  if (ok)
    return FALSE;
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
  problem = sc_error_get_problem (error);
  g_assert_nonnull (problem);
  for (guint i = 0; i < sc_problem_get_n_field_errors (problem); i++)
    if (g_str_equal (sc_problem_get_field_error (problem, i)->field, field))
      return TRUE;
  g_test_message ("%s: no field error on %s", body, field);
  return FALSE;
}

#define REST "'reasons':null,'band_asked':null,'amount_asked':null,'band_agreed':null,'amount_agreed':null," \
             "'notes':null"

static void
test_change (void)
{
  g_autoptr(JsonNode) good = parse ("{'outcome':'can_meet_needs','reasons':' ','band_asked':'C',"
                                    "'amount_asked':100,'offers':[{'made_on':'2026-04-01','made_by':'institution',"
                                    "'amount':250000}],'band_agreed':'C','amount_agreed':250000,"
                                    "'agreed_on':'2026-04-02','notes':null}");
  g_autoptr(GError) error = NULL;
  ScConsultationChange change;
  g_autofree char *json = NULL;

  g_assert_true (sc_consultation_change_read (json_node_get_object (good), &change, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (change.offers->len, ==, 1);
  g_assert_cmpint (change.amount_agreed, ==, 250000);
  json = sc_consultation_change_to_json (&change);
  g_assert_nonnull (strstr (json, "\"offers\":[{\"made_on\":\"2026-04-01\",\"made_by\":\"institution\","
                                  "\"band\":null,\"amount\":250000,\"note\":null}]"));
  sc_consultation_change_clear (&change);

  g_assert_true (change_fails ("{'outcome':'perhaps','offers':[],'agreed_on':null," REST "}", "outcome"));
  g_assert_true (change_fails ("{'outcome':null,'offers':[]}", "notes"));
  g_assert_true (change_fails ("{'outcome':null,'offers':[],'agreed_on':null,'extra':1," REST "}", "extra"));
  g_assert_true (change_fails ("{'outcome':null,'offers':[{'made_on':'2026-04-01','made_by':'parent','band':'A'}],"
                               "'agreed_on':null," REST "}", "offers[0].made_by"));
  g_assert_true (change_fails ("{'outcome':null,'offers':[{'made_by':'authority','band':'A'}],"
                               "'agreed_on':null," REST "}", "offers[0].made_on"));
  g_assert_true (change_fails ("{'outcome':null,'offers':[{'made_on':'2026-04-01','made_by':'authority'}],"
                               "'agreed_on':null," REST "}", "offers[0].band"));
  g_assert_true (change_fails ("{'outcome':null,'offers':[{'made_on':'2026-04-01','made_by':'authority',"
                               "'band':'A','colour':'red'}],'agreed_on':null," REST "}", "offers[0].colour"));
  g_assert_true (change_fails ("{'outcome':null,'offers':[],'agreed_on':'2026-04-02'," REST "}", "band_agreed"));
  g_assert_true (change_fails ("{'outcome':null,'offers':[],'agreed_on':null,'reasons':null,'band_asked':null,"
                               "'amount_asked':1.5,'band_agreed':null,'amount_agreed':null,'notes':null}",
                               "amount_asked"));
}

static void
test_csv (void)
{
  g_autoptr(JsonNode) node = parse (sample);
  g_autoptr(ScConsultation) consultation = sc_consultation_new_from_json (node, NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  g_free (consultation->institution_name);
  consultation->institution_name = g_strdup ("Hackney, Free \"and\" Parochial");
  g_free (consultation->family_name);
  consultation->family_name = g_strdup ("=HYPERLINK(\"x\")");
  sc_consultation_append_csv_header (out);
  sc_consultation_append_csv (consultation, out);
  g_assert_true (g_str_has_prefix (out->str, "consultation,case,child,owner,urn,institution,preference,"));
  g_assert_nonnull (strstr (out->str, "\r\n301,12,\"Ivo =HYPERLINK(\"\"x\"\")\",Cara Worker,"));
  g_assert_nonnull (strstr (out->str, ",Cara Worker,100000,\"Hackney, Free \"\"and\"\" Parochial\",1,"
                                      "2026-03-02,2026-03-17,answered,2026-03-16,cannot_meet_needs,1,2026-03-10,"
                                      "C,14500.00,,,\r\n"));
  /* a field that starts as a formula is quoted and defused */
  g_free (consultation->given_name);
  consultation->given_name = g_strdup ("");
  g_string_truncate (out, 0);
  sc_consultation_append_csv (consultation, out);
  g_assert_true (g_str_has_prefix (out->str, "301,12,\"'=HYPERLINK(\"\"x\"\")\","));
}

static void
test_amounts (void)
{
  static const struct { const char *text; gint64 pence; } good[] = {
    { "14500", 1450000 }, { "14,500.50", 1450050 }, { "£14,500", 1450000 }, { " 0.5 ", 50 }, { "7.05", 705 },
  };
  static const char * const bad[] = { "", "£", "-5", "1.234", "12a", "1,", "1.", "14,5", "1,2,3", "1,0000", "100000000",
                                      "99999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 pence = -1;

      g_assert_true (sc_amount_parse (good[i].text, &pence));
      g_assert_cmpint (pence, ==, good[i].pence);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 pence = -1;

      if (sc_amount_parse (bad[i], &pence))
        g_error ("\"%s\" read as %" G_GINT64_FORMAT, bad[i], pence);
    }
  {
    g_autofree char *a = sc_amount_format (1450050);
    g_autofree char *b = sc_amount_format (5);
    g_autofree char *c = sc_amount_format (123456789012);
    g_autofree char *none = sc_amount_format (SC_AMOUNT_NONE);

    g_assert_cmpstr (a, ==, "£14,500.50");
    g_assert_cmpstr (b, ==, "£0.05");
    g_assert_cmpstr (c, ==, "£1,234,567,890.12");
    g_assert_cmpstr (none, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/common/consultation/round-trip", test_round_trip);
  g_test_add_func ("/common/consultation/warnings", test_warnings);
  g_test_add_func ("/common/consultation/change", test_change);
  g_test_add_func ("/common/consultation/csv", test_csv);
  g_test_add_func ("/common/consultation/amounts", test_amounts);
  return g_test_run ();
}
