/* fuzz-body.c
 *
 * libFuzzer target for HTTP request bodies as the daemon reads them:
 * arbitrary bytes go to the strict JSON checker (sc_json_check_object_text)
 * with the daemon's depth limit; what it accepts goes to json-glib and then
 * through the codecs that read bodies: the member check and typed reads of
 * the sign-in, password-change and user bodies, and the problem document
 * codec (what the client reads back). The invariants:
 *
 *   - a refusal is a one-line SC_ERROR (400 or 422), never a crash, a hang
 *     or a sanitizer report;
 *   - what the checker accepts, json-glib parses, to an object (the checker
 *     is never more lenient than the parser it guards);
 *   - every string read is valid UTF-8;
 *   - json-glib's own output of an accepted document without fractional
 *     numbers passes the checker again (the daemon re-reads what it stored),
 *     and a problem document read from it writes back to the same one.
 *     (json-glib 1.6 writes a double with an exponent as "1e+223.0", which
 *     is not JSON; the daemon writes no doubles, and this target found it.)
 *
 *   tests/fuzz/run-fuzz --ci | --long SECONDS [body]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "sc-error.h"
#include "sc-json.h"
#include "sc-problem.h"

/* as server/scd-request.c */
#define MAX_DEPTH 32

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define CHECK(condition) \
  G_STMT_START { if (!(condition)) { \
    g_printerr ("fuzz-body: invariant failed: %s\n", #condition); __builtin_trap (); } } G_STMT_END

static void
check_error (const GError *error)
{
  CHECK (error != NULL && error->domain == SC_ERROR);
  CHECK (error->code == SC_ERROR_MALFORMED || error->code == SC_ERROR_INVALID_INPUT);
  CHECK (*error->message != '\0' && strchr (error->message, '\n') == NULL);
  CHECK (g_utf8_validate (error->message, -1, NULL));
}

/* The typed reads a handler makes of @body: every error is a field error
 * and every string valid UTF-8. */
static void
read_like_a_handler (JsonObject         *body,
                     const char * const *allowed,
                     const char * const *strings,
                     const char * const *booleans)
{
  g_autoptr(GError) error = NULL;

  sc_json_check_members (body, allowed, &error);
  for (guint i = 0; strings[i] != NULL; i++)
    {
      const char *value = NULL;

      if (sc_json_read_string (body, strings[i], FALSE, &value, &error) && value != NULL)
        CHECK (g_utf8_validate (value, -1, NULL));
    }
  for (guint i = 0; booleans[i] != NULL; i++)
    {
      gboolean value = FALSE;
      gboolean present = FALSE;

      sc_json_read_boolean (body, booleans[i], FALSE, &value, &present, &error);
    }
  {
    gint64 number = 0;

    sc_json_read_int (body, "id", FALSE, &number, &error);
  }
  if (error != NULL)
    {
      const ScProblem *problem = sc_error_get_problem (error);

      CHECK (error->domain == SC_ERROR && error->code == SC_ERROR_INVALID_INPUT);
      CHECK (problem != NULL && sc_problem_get_n_field_errors (problem) > 0);
    }
}

static void
check_problem_round_trip (JsonNode *root)
{
  g_autoptr(ScProblem) problem = NULL;
  g_autoptr(ScProblem) again = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(JsonNode) rewritten = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;

  problem = sc_problem_new_from_json (root, &error);
  if (problem == NULL)
    return;
  written = sc_problem_to_json (problem);
  first = json_to_string (written, FALSE);
  again = sc_problem_new_from_json (written, &error);
  CHECK (again != NULL);
  rewritten = sc_problem_to_json (again);
  second = json_to_string (rewritten, FALSE);
  CHECK (g_str_equal (first, second));
  CHECK (sc_json_check_object_text (first, strlen (first), MAX_DEPTH, NULL));
}

/* Whether @node holds a double anywhere (nesting is bounded by MAX_DEPTH). */
static gboolean
holds_double (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) == G_TYPE_DOUBLE;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (holds_double (json_array_get_element (array, i)))
            return TRUE;
        return FALSE;
      }
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, NULL, &member))
          if (holds_double (member))
            return TRUE;
        return FALSE;
      }
    case JSON_NODE_NULL:
    default:
      return FALSE;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const sign_in[] = { "username", "password", NULL };
  static const char * const change[] = { "current_password", "new_password", NULL };
  static const char * const user[] = { "username", "full_name", "role", "password", "active", NULL };
  static const char * const user_strings[] = { "username", "full_name", "role", "password", NULL };
  static const char * const user_booleans[] = { "active", NULL };
  static const char * const none[] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *out = NULL;
  JsonNode *root;
  JsonObject *body;

  if (!sc_json_check_object_text ((const char *) data, size, MAX_DEPTH, &error))
    {
      check_error (error);
      return 0;
    }
  CHECK (error == NULL);

  parser = json_parser_new_immutable ();
  CHECK (json_parser_load_from_data (parser, (const char *) data, (gssize) size, NULL));
  root = json_parser_get_root (parser);
  CHECK (root != NULL && JSON_NODE_HOLDS_OBJECT (root));
  body = json_node_get_object (root);

  read_like_a_handler (body, sign_in, sign_in, none);
  read_like_a_handler (body, change, change, none);
  read_like_a_handler (body, user, user_strings, user_booleans);
  check_problem_round_trip (root);

  /* what json-glib writes of it is strict JSON too */
  if (!holds_double (root))
    {
      out = json_to_string (root, FALSE);
      CHECK (sc_json_check_object_text (out, strlen (out), MAX_DEPTH, NULL));
    }
  return 0;
}
