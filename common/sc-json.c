/* sc-json.c
 *
 * Typed member access with field errors. Every API codec reads its input
 * through these, never through json-glib's GObject deserializer, which in 1.6
 * lets ignore mistyped or unknown members silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-json.h"
#include "sc-json-writer.h"
#include "sc-problem.h"

#include <string.h>

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

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
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

/* The code unit of the \uXXXX escape at @data[@i] ('\\'), or -1. */
static int
escaped_unit (const char *data,
              gsize       length,
              gsize       i)
{
  int unit = 0;

  if (i + 5 >= length || data[i] != '\\' || data[i + 1] != 'u')
    return -1;
  for (gsize k = i + 2; k < i + 6; k++)
    {
      int v = hex_value (data[k]);

      if (v < 0)
        return -1;
      unit = unit * 16 + v;
    }
  return unit;
}

/* A string starting at @data[@start] ('"'): *@end is its closing quote, or
 * @length if it has none. Escapes must be JSON's and \u escapes must pair
 * their surrogates; raw control characters are not allowed. json-glib 1.6
 * leaks on some of these errors, so they never reach it. */
static gboolean
scan_string (const char  *data,
             gsize        length,
             gsize        start,
             gsize       *end,
             GError     **error)
{
  gsize i;

  for (i = start + 1; i < length && data[i] != '"'; i++)
    {
      if ((guchar) data[i] < 0x20)
        {
          g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED,
                               "invalid JSON: control character in a string");
          return FALSE;
        }
      if (data[i] != '\\')
        continue;
      if (i + 1 >= length)
        break;
      if (data[i + 1] == 'u')
        {
          int unit = escaped_unit (data, length, i);

          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              int low = escaped_unit (data, length, i + 6);

              if (low < 0xDC00 || low > 0xDFFF)
                unit = -1;
              else
                i += 6;
            }
          else if (unit >= 0xDC00 && unit <= 0xDFFF)
            unit = -1;
          if (unit < 0)
            {
              g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED,
                                   "invalid JSON: bad \\u escape in a string");
              return FALSE;
            }
          i += 5;
        }
      else if (strchr ("\"\\/bfnrt", data[i + 1]) != NULL && data[i + 1] != '\0')
        i++;
      else
        {
          g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED,
                               "invalid JSON: bad escape in a string");
          return FALSE;
        }
    }
  *end = i;
  return TRUE;
}

/**
 * sc_json_check_object_text:
 * @data: JSON text (need not be nul-terminated)
 * @length: its length
 * @max_depth: the deepest nesting allowed
 *
 * Checks what json-glib 1.6 does not survive before it sees the text: it
 * recurses once per nesting level (deep input overflows the stack), accepts
 * several top-level values in a row, and leaks memory on some malformed
 * strings. So: exactly one object, nested at most @max_depth deep, whose
 * strings are well formed. Anything else wrong with the text is left to
 * json-glib, which says where.
 *
 * Returns: TRUE if json-glib may parse @data
 */
gboolean
sc_json_check_object_text (const char  *data,
                           gsize        length,
                           guint        max_depth,
                           GError     **error)
{
  gsize i = 0;
  guint depth = 0;

  while (i < length && is_json_space (data[i]))
    i++;
  if (i == length)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED,
                           "empty input: expected a JSON object");
      return FALSE;
    }
  if (data[i] != '{')
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID_INPUT, "input must be a JSON object");
      return FALSE;
    }

  for (; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        {
          gsize end;

          if (!scan_string (data, length, i, &end, error))
            return FALSE;
          if (end >= length)
            return TRUE;   /* unterminated string: json-glib says where */
          i = end;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > max_depth)
            {
              g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED,
                           "invalid JSON: nested more than %u levels deep", max_depth);
              return FALSE;
            }
        }
      else if (c == '}' || c == ']')
        {
          if (depth == 0)
            return TRUE;   /* unbalanced: json-glib says where */
          if (--depth == 0)
            break;
        }
    }

  for (i++; i < length; i++)
    {
      if (!is_json_space (data[i]))
        {
          g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED,
                               "invalid JSON: unexpected text after the object");
          return FALSE;
        }
    }
  return TRUE;
}
