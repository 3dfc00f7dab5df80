/* sc-json.c
 *
 * Typed member access with field errors, and the strict checker that every
 * JSON text passes before json-glib parses it. Every API codec reads its
 * input through these, never through json-glib's GObject deserializer, which
 * in 1.6 ignores mistyped or unknown members silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-json.h"
#include "sc-json-writer.h"
#include "sc-problem.h"

static JsonNode *
lookup (JsonObject  *object,
        const char  *member,
        gboolean     required,
        GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        sc_set_field_error (error, member, "is required");
      return NULL;
    }
  return node;
}

gboolean
sc_json_read_string (JsonObject  *object,
                     const char  *member,
                     gboolean     required,
                     const char **out,
                     GError     **error)
{
  JsonNode *node = lookup (object, member, required, error);

  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      sc_set_field_error (error, member, "must be a string");
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
sc_json_read_boolean (JsonObject  *object,
                      const char  *member,
                      gboolean     required,
                      gboolean    *out,
                      gboolean    *present,
                      GError     **error)
{
  JsonNode *node = lookup (object, member, required, error);

  if (present != NULL)
    *present = FALSE;
  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      sc_set_field_error (error, member, "must be true or false");
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  if (present != NULL)
    *present = TRUE;
  return TRUE;
}

gboolean
sc_json_read_int (JsonObject  *object,
                  const char  *member,
                  gboolean     required,
                  gint64      *out,
                  GError     **error)
{
  JsonNode *node = lookup (object, member, required, error);

  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      sc_set_field_error (error, member, "must be a whole number");
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
sc_json_read_time (JsonObject  *object,
                   const char  *member,
                   gboolean     required,
                   gint64      *out,
                   GError     **error)
{
  JsonNode *node = lookup (object, member, required, error);

  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !sc_time_parse (json_node_get_string (node), out))
    {
      sc_set_field_error (error, member, "must be a date and time such as 2026-11-23T13:43:23Z");
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_json_check_members (JsonObject         *object,
                       const char * const *allowed,
                       GError            **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  gboolean ok = TRUE;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      if (!g_strv_contains (allowed, name))
        {
          sc_set_field_error (error, name, "is not a known field");
          ok = FALSE;
        }
    }
  return ok;
}

/* --- the strict checker ----------------------------------------------------
 *
 * json-glib 1.6 is lenient in ways an API must not be: it takes single
 * quotes, comments, hexadecimal and leading-zero numbers, "1." and ".5",
 * several top-level values in a row, wraps integers beyond 64 bits, keeps
 * the last of two members with one name and cuts a string at \u0000. It
 * recurses once per nesting level and leaks on some malformed input. So
 * every text goes through this RFC 8259 checker first, and json-glib only
 * ever parses what the RFC allows, with these limits on top: one object at
 * the top, nesting bounded, member names unique, strings valid UTF-8 with
 * no NUL and no lone surrogate, numbers within what json-glib stores
 * faithfully (integers in 64 bits, finite doubles).
 *
 * It is a loop over an explicit stack, never recursive, and reads each byte
 * once (member names are copied to be compared). */

/* Beyond this many names in one object, they are looked up in a hash
 * table rather than compared one by one. */
#define NAMES_LINEAR_MAX 8

typedef struct
{
  char        kind;    /* '{' or '[' */
  GPtrArray  *names;   /* object member names (decoded), owned; nullable */
  GHashTable *set;     /* the same names as a set, once there are many */
} Level;

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  GArray     *stack;   /* of Level */
  GError    **error;
} Checker;

static void
level_clear (gpointer data)
{
  Level *level = data;

  g_clear_pointer (&level->names, g_ptr_array_unref);
  g_clear_pointer (&level->set, g_hash_table_unref);
}

static gboolean
fail (Checker    *checker,
      const char *what)
{
  g_set_error (checker->error, SC_ERROR, SC_ERROR_MALFORMED, "invalid JSON: %s", what);
  return FALSE;
}

static gboolean
at_end (Checker *checker)
{
  return checker->pos >= checker->length;
}

static char
peek (Checker *checker)
{
  return at_end (checker) ? '\0' : checker->data[checker->pos];
}

static void
skip_space (Checker *checker)
{
  while (!at_end (checker))
    {
      char c = checker->data[checker->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      checker->pos++;
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The code unit of "\uXXXX" at @i, or -1. */
static int
escaped_unit (Checker *checker,
              gsize    i)
{
  int unit = 0;

  if (i + 6 > checker->length || checker->data[i] != '\\' || checker->data[i + 1] != 'u')
    return -1;
  for (gsize k = i + 2; k < i + 6; k++)
    {
      int v = hex_value (checker->data[k]);

      if (v < 0)
        return -1;
      unit = unit * 16 + v;
    }
  return unit;
}

/* A string at the current position (a '"'). When @decoded is given, the
 * string's value is appended to it. */
static gboolean
scan_string (Checker *checker,
             GString *decoded)
{
  gsize start = ++checker->pos;
  gsize run = start;   /* start of the raw run not yet copied to @decoded */

  while (TRUE)
    {
      guchar c;

      if (at_end (checker))
        return fail (checker, "unterminated string");
      c = (guchar) checker->data[checker->pos];
      if (c == '"')
        break;
      if (c < 0x20)
        return fail (checker, "control character in a string");
      if (c != '\\')
        {
          checker->pos++;
          continue;
        }

      if (decoded != NULL)
        g_string_append_len (decoded, checker->data + run, checker->pos - run);
      if (checker->pos + 1 >= checker->length)
        return fail (checker, "unterminated string");
      c = (guchar) checker->data[checker->pos + 1];
      if (c == 'u')
        {
          int unit = escaped_unit (checker, checker->pos);
          gunichar ch;

          if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
            return fail (checker, "bad \\u escape in a string");
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              int low = escaped_unit (checker, checker->pos + 6);

              if (low < 0xDC00 || low > 0xDFFF)
                return fail (checker, "bad \\u escape in a string");
              ch = 0x10000 + (((gunichar) unit - 0xD800) << 10) + ((gunichar) low - 0xDC00);
              checker->pos += 12;
            }
          else
            {
              if (unit == 0)
                return fail (checker, "strings must not contain NUL (\\u0000)");
              ch = (gunichar) unit;
              checker->pos += 6;
            }
          if (decoded != NULL)
            g_string_append_unichar (decoded, ch);
        }
      else
        {
          const char *escapes = "\"\\/bfnrt";
          const char *values = "\"\\/\b\f\n\r\t";
          const char *found = c != '\0' ? strchr (escapes, c) : NULL;

          if (found == NULL)
            return fail (checker, "bad escape in a string");
          if (decoded != NULL)
            g_string_append_c (decoded, values[found - escapes]);
          checker->pos += 2;
        }
      run = checker->pos;
    }

  if (!g_utf8_validate_len (checker->data + start, checker->pos - start, NULL))
    return fail (checker, "a string is not valid UTF-8");
  if (decoded != NULL)
    g_string_append_len (decoded, checker->data + run, checker->pos - run);
  checker->pos++;   /* the closing quote */
  return TRUE;
}

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static gsize
skip_digits (Checker *checker)
{
  gsize start = checker->pos;

  while (is_digit (peek (checker)))
    checker->pos++;
  return checker->pos - start;
}

static gboolean
scan_number (Checker *checker)
{
  static const char int64_max[] = "9223372036854775807";
  static const char int64_min[] = "9223372036854775808";   /* its magnitude */
  gsize start = checker->pos;
  gboolean negative = FALSE;
  gboolean integer = TRUE;
  gsize digits_start;
  gsize n_digits;
  char next;

  if (peek (checker) == '-')
    {
      negative = TRUE;
      checker->pos++;
    }
  digits_start = checker->pos;
  if (peek (checker) == '0')
    {
      checker->pos++;
      if (is_digit (peek (checker)))
        return fail (checker, "a number must not start with 0");
    }
  else if (skip_digits (checker) == 0)
    return fail (checker, "invalid number");
  n_digits = checker->pos - digits_start;

  if (peek (checker) == '.')
    {
      integer = FALSE;
      checker->pos++;
      if (skip_digits (checker) == 0)
        return fail (checker, "invalid number");
    }
  if (peek (checker) == 'e' || peek (checker) == 'E')
    {
      integer = FALSE;
      checker->pos++;
      if (peek (checker) == '+' || peek (checker) == '-')
        checker->pos++;
      if (skip_digits (checker) == 0)
        return fail (checker, "invalid number");
    }
  next = peek (checker);
  if (g_ascii_isalnum (next) || next == '.' || next == '+' || next == '-')
    return fail (checker, "invalid number");

  if (integer)
    {
      const char *limit = negative ? int64_min : int64_max;

      if (n_digits > sizeof int64_max - 1 ||
          (n_digits == sizeof int64_max - 1 &&
           memcmp (checker->data + digits_start, limit, n_digits) > 0))
        return fail (checker, "number out of range");
    }
  else
    {
      g_autofree char *text = g_strndup (checker->data + start, checker->pos - start);
      double value = g_ascii_strtod (text, NULL);

      if (isinf (value) || isnan (value))
        return fail (checker, "number out of range");
    }
  return TRUE;
}

static gboolean
scan_literal (Checker *checker)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);

      if (checker->length - checker->pos >= len &&
          memcmp (checker->data + checker->pos, literals[i], len) == 0 &&
          (checker->pos + len == checker->length || !g_ascii_isalnum (checker->data[checker->pos + len])))
        {
          checker->pos += len;
          return TRUE;
        }
    }
  return fail (checker, "unexpected word (only true, false and null are allowed)");
}

static Level *
top_level (Checker *checker)
{
  return &g_array_index (checker->stack, Level, checker->stack->len - 1);
}

/* Adds a member name to the innermost object; FALSE if it is already there. */
static gboolean
add_name (Level *level,
          char  *name)   /* (transfer full) */
{
  if (level->set != NULL)
    {
      if (g_hash_table_contains (level->set, name))
        {
          g_free (name);
          return FALSE;
        }
      g_hash_table_add (level->set, name);
      return TRUE;
    }
  if (level->names == NULL)
    level->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < level->names->len; i++)
    if (g_str_equal (g_ptr_array_index (level->names, i), name))
      {
        g_free (name);
        return FALSE;
      }
  g_ptr_array_add (level->names, name);
  if (level->names->len > NAMES_LINEAR_MAX)
    {
      level->set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < level->names->len; i++)
        g_hash_table_add (level->set, g_steal_pointer (&level->names->pdata[i]));
      g_ptr_array_set_free_func (level->names, NULL);
      g_clear_pointer (&level->names, g_ptr_array_unref);
    }
  return TRUE;
}

static gboolean
push (Checker *checker,
      char     kind,
      guint    max_depth)
{
  Level level = { kind, NULL, NULL };

  if (checker->stack->len >= max_depth)
    {
      g_set_error (checker->error, SC_ERROR, SC_ERROR_MALFORMED,
                   "invalid JSON: nested more than %u levels deep", max_depth);
      return FALSE;
    }
  checker->pos++;
  g_array_append_val (checker->stack, level);
  return TRUE;
}

static void
pop (Checker *checker)
{
  checker->pos++;
  g_array_set_size (checker->stack, checker->stack->len - 1);
}

typedef enum
{
  EXPECT_VALUE,
  EXPECT_NAME,         /* after '{' or a ',' in an object */
  EXPECT_AFTER_VALUE,
} Expect;

/* One JSON text (RFC 8259) from @checker's position to the end. */
static gboolean
check_text (Checker *checker,
            guint    max_depth)
{
  Expect expect = EXPECT_VALUE;

  while (TRUE)
    {
      char c;

      skip_space (checker);
      c = peek (checker);

      if (expect == EXPECT_AFTER_VALUE)
        {
          Level *level;

          if (checker->stack->len == 0)
            {
              if (!at_end (checker))
                return fail (checker, "unexpected text after the object");
              return TRUE;
            }
          level = top_level (checker);
          if (c == ',')
            {
              checker->pos++;
              expect = level->kind == '{' ? EXPECT_NAME : EXPECT_VALUE;
            }
          else if ((c == '}' && level->kind == '{') || (c == ']' && level->kind == '['))
            pop (checker);
          else if (at_end (checker))
            return fail (checker, "unexpected end of input");
          else
            return fail (checker, level->kind == '{' ? "expected ',' or '}' after a member"
                                                     : "expected ',' or ']' after an element");
          continue;
        }

      if (at_end (checker))
        return fail (checker, "unexpected end of input");

      if (expect == EXPECT_NAME)
        {
          g_autoptr(GString) name = g_string_new (NULL);

          if (c != '"')
            return fail (checker, "expected a member name in double quotes");
          if (!scan_string (checker, name))
            return FALSE;
          if (!add_name (top_level (checker), g_string_free (g_steal_pointer (&name), FALSE)))
            return fail (checker, "duplicate member name in an object");
          skip_space (checker);
          if (peek (checker) != ':')
            return fail (checker, "expected ':' after a member name");
          checker->pos++;
          expect = EXPECT_VALUE;
          continue;
        }

      /* a value */
      switch (c)
        {
        case '{':
          if (!push (checker, '{', max_depth))
            return FALSE;
          skip_space (checker);
          if (peek (checker) == '}')
            {
              pop (checker);
              expect = EXPECT_AFTER_VALUE;
            }
          else
            expect = EXPECT_NAME;
          break;
        case '[':
          if (!push (checker, '[', max_depth))
            return FALSE;
          skip_space (checker);
          if (peek (checker) == ']')
            {
              pop (checker);
              expect = EXPECT_AFTER_VALUE;
            }
          else
            expect = EXPECT_VALUE;
          break;
        case '"':
          if (!scan_string (checker, NULL))
            return FALSE;
          expect = EXPECT_AFTER_VALUE;
          break;
        case 't':
        case 'f':
        case 'n':
          if (!scan_literal (checker))
            return FALSE;
          expect = EXPECT_AFTER_VALUE;
          break;
        default:
          if (c == '-' || is_digit (c))
            {
              if (!scan_number (checker))
                return FALSE;
              expect = EXPECT_AFTER_VALUE;
              break;
            }
          if (c == '\'')
            return fail (checker, "strings must be in double quotes");
          return fail (checker, "unexpected character");
        }
    }
}

/**
 * sc_json_check_object_text:
 * @data: JSON text (need not be nul-terminated)
 * @length: its length
 * @max_depth: the deepest nesting allowed
 *
 * Checks that @data is one JSON text as RFC 8259 defines it, whose value is
 * an object nested at most @max_depth deep, with the limits described
 * above. Only then may json-glib parse it.
 *
 * Returns: TRUE if json-glib may parse @data; otherwise FALSE with
 *   SC_ERROR_MALFORMED ("invalid JSON: ..."), or SC_ERROR_INVALID_INPUT
 *   when @data is well-formed JSON but not an object
 */
gboolean
sc_json_check_object_text (const char  *data,
                           gsize        length,
                           guint        max_depth,
                           GError     **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Level));
  Checker checker = { data, length, 0, stack, error };
  gboolean object;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (max_depth > 0, FALSE);

  g_array_set_clear_func (stack, level_clear);
  skip_space (&checker);
  if (at_end (&checker))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "empty input: expected a JSON object");
      return FALSE;
    }
  object = peek (&checker) == '{';
  if (!check_text (&checker, max_depth))
    return FALSE;
  if (!object)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID_INPUT, "input must be a JSON object");
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_json_read_day (JsonObject  *object,
                  const char  *member,
                  gboolean     required,
                  ScDay       *out,
                  GError     **error)
{
  const char *text = NULL;

  *out = SC_DAY_NONE;
  if (!sc_json_read_string (object, member, required, &text, error))
    return FALSE;
  if (text != NULL && !sc_day_parse (text, out))
    {
      sc_set_field_error (error, member, "must be a date (YYYY-MM-DD)");
      return FALSE;
    }
  return TRUE;
}

void
sc_json_writer_member_day (ScJsonWriter *writer,
                           const char   *member,
                           ScDay         day)
{
  char text[SC_DAY_STRING_SIZE];

  if (day == SC_DAY_NONE)
    sc_json_writer_member_null (writer, member);
  else
    sc_json_writer_member_string (writer, member, sc_day_format (day, text));
}

gboolean
sc_json_read_text (JsonObject  *object,
                   const char  *prefix,
                   const char  *member,
                   int          max,
                   char       **out,
                   GError     **error)
{
  const char *value = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *field = g_strconcat (prefix, member, NULL);
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING))
    {
      sc_set_field_error (error, field, "must be text or null");
      return FALSE;
    }
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    value = json_node_get_string (node);
  if (value != NULL)
    trimmed = g_strstrip (g_strdup (value));
  if (trimmed != NULL && g_utf8_strlen (trimmed, -1) > max)
    {
      sc_set_field_error (error, field, "must be at most %d characters", max);
      return FALSE;
    }
  g_free (*out);
  *out = trimmed != NULL && trimmed[0] != '\0' ? g_steal_pointer (&trimmed) : NULL;
  return TRUE;
}

gboolean
sc_json_read_word (JsonObject         *object,
                   const char         *prefix,
                   const char         *member,
                   const char * const *allowed,
                   char              **out,
                   GError            **error)
{
  g_autofree char *value = NULL;
  g_autofree char *field = g_strconcat (prefix, member, NULL);
  GError *local_error = NULL;

  sc_json_read_text (object, prefix, member, 64, &value, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (value != NULL && !g_strv_contains (allowed, value))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) allowed);

      sc_set_field_error (error, field, "must be one of %s", list);
      return FALSE;
    }
  g_free (*out);
  *out = g_steal_pointer (&value);
  return TRUE;
}

gboolean
sc_json_check_every_member (JsonObject         *object,
                            const char * const *members,
                            GError            **error)
{
  gboolean ok = sc_json_check_members (object, members, error);

  for (const char * const *m = members; *m != NULL; m++)
    if (!json_object_has_member (object, *m))
      {
        sc_set_field_error (error, *m, "is needed (null for none)");
        ok = FALSE;
      }
  return ok;
}
