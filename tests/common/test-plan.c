/* test-plan.c
 *
 * The plan's sections: the rules of their content (each refusal naming
 * its member), the normalised text kept, and the quality warnings of a
 * draft, each naming its row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-plan.h"
#include "sc-plan-version.h"
#include "sc-problem.h"

static char *
check (ScPlanSectionId   id,
       const char       *json,
       GError          **error)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return sc_plan_section_check_content (id, node, error);
}

/* The first field error's "field: message" */
static char *
refusal (ScPlanSectionId  id,
         const char      *json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = check (id, json, &error);
  const ScProblem *problem;
  const ScFieldError *first;

  g_assert_null (kept);
  g_assert_nonnull (error);
  problem = sc_error_get_problem (error);
  g_assert_nonnull (problem);
  g_assert_cmpuint (sc_problem_get_n_field_errors (problem), >, 0);
  first = sc_problem_get_field_error (problem, 0);
  return g_strdup_printf ("%s: %s", first->field, first->message);
}

static void
test_section_ids (void)
{
  g_assert_cmpstr (sc_plan_section_id_to_string (SC_PLAN_SECTION_H1), ==, "h1");
  g_assert_cmpint (sc_plan_section_id_from_string ("k"), ==, SC_PLAN_SECTION_K);
  g_assert_cmpint (sc_plan_section_id_from_string ("h"), ==, SC_PLAN_SECTION_NONE);
  g_assert_cmpint (sc_plan_section_id_from_string (NULL), ==, SC_PLAN_SECTION_NONE);
  g_assert_cmpint (sc_plan_section_kind (SC_PLAN_SECTION_G), ==, SC_PLAN_KIND_PROVISION);
  g_assert_cmpstr (sc_plan_section_title (SC_PLAN_SECTION_B), ==, "Special educational needs");
}

static void
test_content_normalised (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = check (SC_PLAN_SECTION_A, "{\"text\": \"  Likes trains. \"}", &error);
  g_autofree char *needs = NULL;
  g_autofree char *provision = NULL;
  g_autofree char *budget = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "{\"text\":\"Likes trains.\"}");
  needs = check (SC_PLAN_SECTION_B, "{\"rows\": [{\"text\": \"Reading\", \"id\": \"1\"}]}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (needs, ==, "{\"rows\":[{\"id\":\"1\",\"text\":\"Reading\"}]}");
  provision = check (SC_PLAN_SECTION_F, "{\"rows\": [{\"id\": \"1\", \"text\": \"Phonics\", \"frequency\": "
                     "\"3 times a week\", \"provider\": \"\", \"needs\": [\"b.1\"], \"from\": \"2027-01-04\"}]}",
                     &error);
  g_assert_no_error (error);
  g_assert_cmpstr (provision, ==, "{\"rows\":[{\"id\":\"1\",\"text\":\"Phonics\",\"frequency\":\"3 times a week\","
                   "\"from\":\"2027-01-04\",\"needs\":[\"b.1\"]}]}");
  budget = check (SC_PLAN_SECTION_J, "{\"amount_pence\": 120000, \"covers\": \"Transport\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (budget, ==, "{\"amount_pence\":120000,\"covers\":\"Transport\"}");
}

static void
test_content_refused (void)
{
  static const struct {
    ScPlanSectionId id;
    const char *json;
    const char *refusal;
  } cases[] = {
    { SC_PLAN_SECTION_A, "{\"txt\": \"x\"}", "content.txt: is not a member of this section" },
    { SC_PLAN_SECTION_A, "{\"text\": 3}", "content.text: must be a string" },
    { SC_PLAN_SECTION_B, "{\"rows\": {}}", "content.rows: must be a list of at most 200 rows" },
    { SC_PLAN_SECTION_B, "{\"rows\": [{\"id\": \"1\"}]}", "content.rows[0].text: is required" },
    { SC_PLAN_SECTION_B, "{\"rows\": [{\"id\": \"a b\", \"text\": \"x\"}]}",
      "content.rows[0].id: must be 1 to 20 letters, digits, - or _" },
    { SC_PLAN_SECTION_C, "{\"rows\": [{\"id\": \"1\", \"text\": \"x\"}, {\"id\": \"1\", \"text\": \"y\"}]}",
      "content.rows[1].id: is the id of another row" },
    { SC_PLAN_SECTION_E, "{\"rows\": [{\"id\": \"1\", \"text\": \"x\", \"needs\": [\"f.1\"]}]}",
      "content.rows[0].needs: must name rows of section b, c or d, such as \"b.1\"" },
    { SC_PLAN_SECTION_F, "{\"rows\": [{\"id\": \"1\", \"text\": \"x\", \"to\": \"2027-02-30\"}]}",
      "content.rows[0].to: must be a date, YYYY-MM-DD" },
    { SC_PLAN_SECTION_G, "{\"rows\": [{\"id\": \"1\", \"text\": \"x\", \"outcomes\": [\"b.1\"]}]}",
      "content.rows[0].outcomes: must name rows of section e, such as \"e.1\"" },
    { SC_PLAN_SECTION_I, "{\"urn\": \"12345\"}", "content.urn: must be a school's unique reference number, 6 digits" },
    { SC_PLAN_SECTION_J, "{\"amount_pence\": -1}", "content.amount_pence: must be a whole number of pence, 0 or more" },
    { SC_PLAN_SECTION_K, "{\"rows\": [{\"id\": \"1\"}]}", "content.rows[0].source: is required" },
    { SC_PLAN_SECTION_B, "[]", "content: must be a JSON object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = refusal (cases[i].id, cases[i].json);

      g_assert_cmpstr (got, ==, cases[i].refusal);
    }
}

/* "code:section.row" of each warning, in order */
static char *
warnings_of (const char * const contents[SC_N_PLAN_SECTIONS])
{
  g_autoptr(GPtrArray) warnings = sc_plan_check_quality (contents, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < warnings->len; i++)
    {
      const ScPlanWarning *w = g_ptr_array_index (warnings, i);

      g_assert_nonnull (w->message);
      g_string_append_printf (out, "%s%s:%s.%s", i > 0 ? " " : "", w->code, w->section, w->row);
    }
  return g_string_free (out, FALSE);
}

static void
test_quality_warnings (void)
{
  const char *contents[SC_N_PLAN_SECTIONS] = { NULL };
  g_autofree char *none = NULL;
  g_autofree char *found = NULL;
  g_autofree char *clean = NULL;

  none = warnings_of (contents);
  g_assert_cmpstr (none, ==, "");

  contents[SC_PLAN_SECTION_B] = "{\"rows\":[{\"id\":\"1\",\"text\":\"Reading\"},{\"id\":\"2\",\"text\":\"Speech\"}]}";
  contents[SC_PLAN_SECTION_E] = "{\"rows\":[{\"id\":\"1\",\"text\":\"Reads at age\",\"needs\":[\"b.1\"]},"
                                "{\"id\":\"2\",\"text\":\"Makes friends\"}]}";
  contents[SC_PLAN_SECTION_F] = "{\"rows\":[{\"id\":\"1\",\"text\":\"Phonics, 1:1\",\"provider\":\"Teaching assistant\","
                                "\"frequency\":\"daily\",\"duration\":\"20 minutes\",\"needs\":[\"b.1\"]},"
                                "{\"id\":\"2\",\"text\":\"Regular access to speech therapy\",\"needs\":[\"b.9\"]},"
                                "{\"id\":\"3\",\"text\":\"Daily check-in with a key adult\",\"provider\":\"Key adult\","
                                "\"frequency\":\"daily\",\"duration\":\"10 minutes\"}]}";
  found = warnings_of (contents);
  g_assert_cmpstr (found, ==,
                   "need_without_provision:b.2 outcome_without_need:e.2 provision_unquantified:f.2 "
                   "provision_vague:f.2 link_missing:f.2 provision_without_need:f.3");

  /* "may" is a word; "mayor" and "dismay" are not it */
  contents[SC_PLAN_SECTION_B] = "{\"rows\":[{\"id\":\"1\",\"text\":\"Reading\"}]}";
  contents[SC_PLAN_SECTION_E] = "{\"rows\":[{\"id\":\"1\",\"text\":\"Reads at age\",\"needs\":[\"b.1\"]}]}";
  contents[SC_PLAN_SECTION_F] = "{\"rows\":[{\"id\":\"1\",\"text\":\"Visit to the mayor, no dismay\","
                                "\"provider\":\"Class teacher\",\"frequency\":\"termly\",\"duration\":\"1 hour\","
                                "\"needs\":[\"b.1\"],\"outcomes\":[\"e.1\"]}]}";
  clean = warnings_of (contents);
  g_assert_cmpstr (clean, ==, "");
}

static void
test_section_codec (void)
{
  g_autoptr(ScPlanSection) section = sc_plan_section_new (7, SC_PLAN_SECTION_H2, "{\"rows\":[]}", 3);
  g_autoptr(ScPlanSection) back = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  ScJsonWriter writer;

  sc_plan_section_set_updated (section, G_GINT64_CONSTANT (1796000000) * G_USEC_PER_SEC, 2, "caseworker",
                               "Casey Worker");
  sc_json_writer_init (&writer, out);
  sc_plan_section_write_json (section, &writer);
  node = json_from_string (out->str, NULL);
  back = sc_plan_section_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_plan_section_get_case_id (back), ==, 7);
  g_assert_cmpint (sc_plan_section_get_id (back), ==, SC_PLAN_SECTION_H2);
  g_assert_cmpstr (sc_plan_section_get_content (back), ==, "{\"rows\":[]}");
  g_assert_cmpint (sc_plan_section_get_version (back), ==, 3);
  g_assert_cmpint (sc_plan_section_get_updated_at (back), ==, sc_plan_section_get_updated_at (section));
  g_assert_cmpstr (sc_plan_section_get_updated_by_username (back), ==, "caseworker");
}

static char *
diff_of (ScPlanVersion *from,
         ScPlanVersion *to)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_plan_version_write_diff_json (from, to, &writer);
  return g_string_free (out, FALSE);
}

static void
test_version_diff (void)
{
  g_autoptr(ScPlanVersion) one = sc_plan_version_new (
    7, 1, "draft", 40,
    "{\"a\":{\"text\":\"Likes trains\"},"
    "\"b\":{\"rows\":[{\"id\":\"1\",\"text\":\"Reading\"},{\"id\":\"2\",\"text\":\"Speech\"}]},"
    "\"f\":{\"rows\":[{\"id\":\"1\",\"text\":\"Phonics\",\"frequency\":\"weekly\"}]}}", "[]");
  g_autoptr(ScPlanVersion) two = sc_plan_version_new (
    7, 2, "final", 41,
    "{\"a\":{\"text\":\"Likes trains\"},"
    "\"b\":{\"rows\":[{\"id\":\"1\",\"text\":\"Reading\"},{\"id\":\"3\",\"text\":\"Maths\"}]},"
    "\"f\":{\"rows\":[{\"id\":\"1\",\"text\":\"Phonics\",\"frequency\":\"daily\","
    "\"provider\":\"TA\"}]},\"j\":{\"amount_pence\":5000}}", "[]");
  g_autofree char *same = diff_of (one, one);
  g_autofree char *diff = diff_of (one, two);
  g_autoptr(JsonNode) parsed = json_from_string (diff, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(ScPlanVersion) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  ScJsonWriter writer;

  g_assert_cmpstr (same, ==, "{\"case_id\":7,\"from\":1,\"to\":1,\"sections\":[]}");
  g_assert_nonnull (parsed);
  g_assert_cmpstr (diff, ==,
                   "{\"case_id\":7,\"from\":1,\"to\":2,\"sections\":["
                   "{\"section\":\"b\",\"title\":\"Special educational needs\","
                   "\"added\":[{\"id\":\"3\",\"text\":\"Maths\"}],"
                   "\"removed\":[{\"id\":\"2\",\"text\":\"Speech\"}],\"changed\":[]},"
                   "{\"section\":\"f\",\"title\":\"Special educational provision\",\"added\":[],"
                   "\"removed\":[],\"changed\":[{\"id\":\"1\",\"fields\":["
                   "{\"name\":\"frequency\",\"from\":\"weekly\",\"to\":\"daily\"},"
                   "{\"name\":\"provider\",\"from\":null,\"to\":\"TA\"}]}]},"
                   "{\"section\":\"j\",\"title\":\"Personal budget\",\"added\":[],\"removed\":[],"
                   "\"changed\":[{\"id\":null,\"fields\":[{\"name\":\"amount_pence\",\"from\":null,"
                   "\"to\":5000}]}]}]}");

  /* the codec keeps every section */
  sc_plan_version_set_issued (two, G_GINT64_CONSTANT (1796000000) * G_USEC_PER_SEC, 2, "caseworker", "Casey");
  sc_json_writer_init (&writer, out);
  sc_plan_version_write_json (two, &writer);
  node = json_from_string (out->str, NULL);
  back = sc_plan_version_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_plan_version_get_number (back), ==, 2);
  g_assert_cmpstr (sc_plan_version_get_kind (back), ==, "final");
  g_assert_cmpstr (sc_plan_version_get_content (back, SC_PLAN_SECTION_J), ==, "{\"amount_pence\":5000}");
  g_assert_cmpstr (sc_plan_version_get_content (back, SC_PLAN_SECTION_K), ==, "{}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/common/plan/section-ids", test_section_ids);
  g_test_add_func ("/common/plan/content-normalised", test_content_normalised);
  g_test_add_func ("/common/plan/content-refused", test_content_refused);
  g_test_add_func ("/common/plan/quality-warnings", test_quality_warnings);
  g_test_add_func ("/common/plan/section-codec", test_section_codec);
  g_test_add_func ("/common/plan/version-diff", test_version_diff);
  return g_test_run ();
}
