/* test-json.c
 *
 * The strict JSON checker (sc_json_check_object_text) against a table of
 * texts: what RFC 8259 allows must pass, and json-glib must then parse it
 * to the same object; what it refuses, or what json-glib 1.6 would take
 * leniently (single quotes, comments, hexadecimal, trailing values,
 * duplicate names, integers it would wrap, NUL cutting a string), must be
 * refused with SC_ERROR_MALFORMED and a one-line reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-clock.h"
#include "sc-error.h"
#include "sc-json.h"

#define DEPTH 8

static const char * const valid[] = {
  "{}",
  " \t\r\n{ } \n",
  "{\"a\":1}",
  "{\"a\":-0,\"b\":0.5,\"c\":1e3,\"d\":1E+2,\"e\":-1.25e-3,\"f\":0e0}",
  "{\"max\":9223372036854775807,\"min\":-9223372036854775808}",
  "{\"tiny\":1.5e-400}",
  "{\"t\":true,\"f\":false,\"n\":null}",
  "{\"s\":\"plain\",\"e\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\",\"u\":\"\\u00e9\\u20AC\"}",
  "{\"pair\":\"\\ud83d\\ude00\"}",
  "{\"raw\":\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"}",
  "{\"a\":[],\"b\":[1,2,[3,{}]],\"c\":{\"d\":{\"e\":[null]}}}",
  "{\"\":\"empty name\"}",
  "{\"a\":1,\"A\":2}",
  "{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,\"k10\":10,\"k11\":11}",
  "{\"a\":{\"a\":{\"a\":1}}}",
  "{\"d\":[[[[[[[1]]]]]]]}",   /* exactly DEPTH levels */
};

typedef struct
{
  const char *text;
  const char *message;   /* after "invalid JSON: " */
} Invalid;

static const Invalid invalid[] = {
  /* the body: a single-quoted string, then a second value */
  { "{\"\":'\"'}{}", "strings must be in double quotes" },
  { "{'a':1}", "expected a member name in double quotes" },
  { "{\"a\":1}{}", "unexpected text after the object" },
  { "{\"a\":1} x", "unexpected text after the object" },
  { "{\"a\":1}\n{\"a\":1}", "unexpected text after the object" },
  { "{\"username\":\"sysadmin\\u0000x\"}", "strings must not contain NUL (\\u0000)" },
  { "{\"a\\u0000\":1}", "strings must not contain NUL (\\u0000)" },
  { "{\"a\":1,\"a\":2}", "duplicate member name in an object" },
  { "{\"a\":1,\"\\u0061\":2}", "duplicate member name in an object" },
  { "{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,\"k10\":10,\"k3\":3}",
    "duplicate member name in an object" },
  { "{\"a\":{\"b\":1,\"b\":1}}", "duplicate member name in an object" },
  { "{\"a\":01}", "a number must not start with 0" },
  { "{\"a\":.5}", "unexpected character" },
  { "{\"a\":1.}", "invalid number" },
  { "{\"a\":1.e3}", "invalid number" },
  { "{\"a\":1e}", "invalid number" },
  { "{\"a\":-}", "invalid number" },
  { "{\"a\":+1}", "unexpected character" },
  { "{\"a\":0x10}", "invalid number" },
  { "{\"a\":1a}", "invalid number" },
  { "{\"a\":9223372036854775808}", "number out of range" },
  { "{\"a\":-9223372036854775809}", "number out of range" },
  { "{\"a\":18446744073709551616}", "number out of range" },
  { "{\"a\":1e999}", "number out of range" },
  { "{\"a\":-1e999}", "number out of range" },
  { "{\"a\":NaN}", "unexpected character" },
  { "{\"a\":Infinity}", "unexpected character" },
  { "{\"a\":tru}", "unexpected word (only true, false and null are allowed)" },
  { "{\"a\":nulll}", "unexpected word (only true, false and null are allowed)" },
  { "{\"a\":True}", "unexpected character" },
  { "{\"a\":undefined}", "unexpected character" },
  { "{a:1}", "expected a member name in double quotes" },
  { "{\"a\" 1}", "expected ':' after a member name" },
  { "{\"a\":1,}", "expected a member name in double quotes" },
  { "{\"a\":[1,]}", "unexpected character" },
  { "{\"a\":[1 2]}", "expected ',' or ']' after an element" },
  { "{\"a\":1 \"b\":2}", "expected ',' or '}' after a member" },
  { "{\"a\":[}", "unexpected character" },
  { "{\"a\":{]}", "expected a member name in double quotes" },
  { "{\"a\":1", "unexpected end of input" },
  { "{\"a\":", "unexpected end of input" },
  { "{\"a\":[", "unexpected end of input" },
  { "{\"a", "unterminated string" },
  { "{\"a\":\"b\\", "unterminated string" },
  { "{/*c*/\"a\":1}", "expected a member name in double quotes" },
  { "{\"a\":1}//c", "unexpected text after the object" },
  { "{\"a\":\"\\x41\"}", "bad escape in a string" },
  { "{\"a\":\"\\'\"}", "bad escape in a string" },
  { "{\"a\":\"\\u12\"}", "bad \\u escape in a string" },
  { "{\"a\":\"\\u12G4\"}", "bad \\u escape in a string" },
  { "{\"a\":\"\\ud83d\"}", "bad \\u escape in a string" },
  { "{\"a\":\"\\ud83dx\"}", "bad \\u escape in a string" },
  { "{\"a\":\"\\ud83d\\u0041\"}", "bad \\u escape in a string" },
  { "{\"a\":\"\\ude00\"}", "bad \\u escape in a string" },
  { "{\"a\":\"tab\there\"}", "control character in a string" },
  { "{\"a\":\"new\nline\"}", "control character in a string" },
  { "{\"a\":\"\xff\"}", "a string is not valid UTF-8" },
  { "{\"a\":\"\xc0\xaf\"}", "a string is not valid UTF-8" },          /* overlong '/' */
  { "{\"a\":\"\xed\xa0\x80\"}", "a string is not valid UTF-8" },      /* a surrogate in UTF-8 */
  { "{\"\xe9\":1}", "a string is not valid UTF-8" },
  { "\xef\xbb\xbf{}", "unexpected character" },                      /* a byte order mark */
  { "{\"d\":[[[[[[[[1]]]]]]]]}", "nested more than 8 levels deep" },
  { "{\"a\":\x01}", "unexpected character" },
  { "{\"a\"\xc2\xa0:1}", "expected ':' after a member name" },       /* no-break space is not JSON space */
};

static void
test_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      g_autofree char *shown = g_strescape (valid[i], NULL);

      g_test_message ("valid: %s", shown);
      g_assert_true (sc_json_check_object_text (valid[i], strlen (valid[i]), DEPTH, &error));
      g_assert_no_error (error);
      /* what passes, json-glib parses, to an object */
      g_assert_true (json_parser_load_from_data (parser, valid[i], -1, &error));
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
    }
}

static void
test_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strconcat ("invalid JSON: ", invalid[i].message, NULL);
      gsize length = strlen (invalid[i].text);

      g_autofree char *shown = g_strescape (invalid[i].text, NULL);

      g_test_message ("invalid: %s", shown);
      g_assert_false (sc_json_check_object_text (invalid[i].text, length, DEPTH, &error));
      g_assert_error (error, SC_ERROR, SC_ERROR_MALFORMED);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

static void
test_not_object (void)
{
  const char * const texts[] = { "[]", "[{\"a\":1}]", "\"text\"", "1", "true", "null", " [1, 2] " };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sc_json_check_object_text (texts[i], strlen (texts[i]), DEPTH, &error));
      g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, "input must be a JSON object");
    }
  /* text that is not JSON at all is malformed, whatever it starts with */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sc_json_check_object_text ("[1,]", 4, DEPTH, &error));
    g_assert_error (error, SC_ERROR, SC_ERROR_MALFORMED);
  }
}

static void
test_empty (void)
{
  const char * const texts[] = { "", " ", "\n\t\r " };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sc_json_check_object_text (texts[i], strlen (texts[i]), DEPTH, &error));
      g_assert_error (error, SC_ERROR, SC_ERROR_MALFORMED);
      g_assert_cmpstr (error->message, ==, "empty input: expected a JSON object");
    }
}

/* The length given is what is checked: no reliance on a terminating NUL,
 * and a NUL byte inside the length is refused. */
static void
test_length (void)
{
  const char text[] = "{\"a\":1}{\"b\":2}";
  const char with_nul[] = "{\"a\":\"x\0y\"}";
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_json_check_object_text (text, 7, DEPTH, &error));
  g_assert_no_error (error);
  g_assert_false (sc_json_check_object_text (text, sizeof text - 1, DEPTH, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_false (sc_json_check_object_text (with_nul, sizeof with_nul - 1, DEPTH, &error));
  g_assert_cmpstr (error->message, ==, "invalid JSON: control character in a string");
}

/* Deep input is refused at the limit without recursion, and a long flat
 * text is checked in one pass. */
static void
test_big (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"a\":");
  g_autoptr(GString) wide = g_string_new ("{");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '[');
  g_assert_false (sc_json_check_object_text (deep->str, deep->len, 64, &error));
  g_assert_cmpstr (error->message, ==, "invalid JSON: nested more than 64 levels deep");
  g_clear_error (&error);

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (wide, "%s\"member%u\":[%u,\"v\"]", i ? "," : "", i, i);
  g_string_append_c (wide, '}');
  g_assert_true (sc_json_check_object_text (wide->str, wide->len, 64, &error));
  g_assert_no_error (error);
  g_string_truncate (wide, wide->len - 1);
  g_string_append (wide, ",\"member19999\":0}");
  g_assert_false (sc_json_check_object_text (wide->str, wide->len, 64, &error));
  g_assert_cmpstr (error->message, ==, "invalid JSON: duplicate member name in an object");
}

/* sendcasectl timeline reads its input through the same checker */
static void
test_clock_input (void)
{
  const char * const texts[] = { "{\"\":'\"'}{}", "{\"events\":[],\"events\":[]}", "{\"events\":[{\"type\":\"x\\u0000\"}]}" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScClockInput) input = sc_clock_input_new_from_data (texts[i], -1, &error);

      g_assert_null (input);
      g_assert_error (error, SC_ERROR, SC_ERROR_MALFORMED);
      g_assert_true (g_str_has_prefix (error->message, "invalid JSON: "));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/common/json/valid", test_valid);
  g_test_add_func ("/common/json/invalid", test_invalid);
  g_test_add_func ("/common/json/not-object", test_not_object);
  g_test_add_func ("/common/json/empty", test_empty);
  g_test_add_func ("/common/json/length", test_length);
  g_test_add_func ("/common/json/big", test_big);
  g_test_add_func ("/common/json/clock-input", test_clock_input);
  return g_test_run ();
}
