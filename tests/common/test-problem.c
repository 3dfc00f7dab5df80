/* test-problem.c
 *
 * The problem document codec: what the daemon writes, the client must read
 * back to the same code, detail and field errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-problem.h"

static void
test_problem_round_trip (void)
{
  g_autoptr(ScProblem) problem = sc_problem_new (SC_ERROR_INVALID_INPUT, "2 fields are wrong");
  g_autoptr(ScProblem) parsed = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  sc_problem_add_field_error (problem, "received_on", "must not be in the future");
  sc_problem_add_field_error (problem, "name", "must not be empty");
  sc_problem_set_request_id (problem, "abc123");

  node = sc_problem_to_json (problem);
  text = json_to_string (node, FALSE);
  g_assert_nonnull (strstr (text, "\"type\":\"/problems/invalid-input\""));
  g_assert_nonnull (strstr (text, "\"status\":422"));

  parsed = sc_problem_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_problem_get_code (parsed), ==, SC_ERROR_INVALID_INPUT);
  g_assert_cmpuint (sc_problem_get_status (parsed), ==, 422);
  g_assert_cmpstr (sc_problem_get_detail (parsed), ==, "2 fields are wrong");
  g_assert_cmpstr (sc_problem_get_request_id (parsed), ==, "abc123");
  g_assert_cmpuint (sc_problem_get_n_field_errors (parsed), ==, 2);
  g_assert_cmpstr (sc_problem_lookup_field (parsed, "name"), ==, "must not be empty");
  g_assert_null (sc_problem_lookup_field (parsed, "missing"));
}

static void
test_problem_error_bridge (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) back = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(ScProblem) problem = NULL;

  sc_set_field_error (&error, "date", "must be a date (YYYY-MM-DD)");
  sc_set_field_error (&error, "type", "unknown event type \"%s\"", "x");
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);

  problem = sc_problem_new_for_error (error);
  g_assert_cmpuint (sc_problem_get_n_field_errors (problem), ==, 2);
  g_assert_cmpstr (sc_problem_lookup_field (problem, "type"), ==, "unknown event type \"x\"");

  back = sc_problem_to_error (problem);
  copy = g_error_copy (back);
  g_assert_nonnull (sc_error_get_problem (copy));
  g_assert_cmpstr (sc_problem_lookup_field (sc_error_get_problem (copy), "date"), ==,
                   "must be a date (YYYY-MM-DD)");
}

static void
test_problem_internal_hides_detail (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                 "syntax error at or near SELECT");
  g_autoptr(ScProblem) problem = sc_problem_new_for_error (error);

  g_autoptr(GError) internal = g_error_new_literal (SC_ERROR, SC_ERROR_INTERNAL,
                                                    "relation \"x\" does not exist");
  g_autoptr(ScProblem) internal_problem = sc_problem_new_for_error (internal);
  g_autoptr(GError) conflict = g_error_new_literal (SC_ERROR, SC_ERROR_CONFLICT,
                                                    "duplicate key value violates unique constraint");
  g_autoptr(ScProblem) conflict_problem = NULL;

  g_assert_cmpuint (sc_problem_get_status (problem), ==, 500);
  g_assert_null (strstr (sc_problem_get_detail (problem), "SELECT"));
  g_assert_null (strstr (sc_problem_get_detail (internal_problem), "relation"));

  /* an attached problem's detail replaces the internal message */
  sc_error_take_problem (conflict, sc_problem_new (SC_ERROR_CONFLICT, "the username is taken"));
  conflict_problem = sc_problem_new_for_error (conflict);
  g_assert_cmpuint (sc_problem_get_status (conflict_problem), ==, 409);
  g_assert_cmpstr (sc_problem_get_detail (conflict_problem), ==, "the username is taken");
}

static void
test_problem_rejects_bad_documents (void)
{
  const char *bad[] = { "[]", "{}", "{\"status\":\"x\"}", "{\"status\":42}", "{\"status\":400,\"detail\":1}" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (bad[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProblem) problem = sc_problem_new_from_json (node, &error);

      g_assert_null (problem);
      g_assert_error (error, SC_ERROR, SC_ERROR_MALFORMED);
    }
}

static void
test_problem_status_mapping (void)
{
  g_assert_cmpuint (sc_error_code_to_status (SC_ERROR_NOT_FOUND), ==, 404);
  g_assert_cmpuint (sc_error_code_to_status (SC_ERROR_TOO_LARGE), ==, 413);
  g_assert_cmpint (sc_error_code_from_status (503), ==, SC_ERROR_UNAVAILABLE);
  g_assert_cmpint (sc_error_code_from_status (418), ==, SC_ERROR_INVALID_INPUT);
  g_assert_cmpint (sc_error_code_from_status (599), ==, SC_ERROR_INTERNAL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/common/problem/round-trip", test_problem_round_trip);
  g_test_add_func ("/common/problem/error-bridge", test_problem_error_bridge);
  g_test_add_func ("/common/problem/internal-hides-detail", test_problem_internal_hides_detail);
  g_test_add_func ("/common/problem/rejects-bad-documents", test_problem_rejects_bad_documents);
  g_test_add_func ("/common/problem/status-mapping", test_problem_status_mapping);
  return g_test_run ();
}
