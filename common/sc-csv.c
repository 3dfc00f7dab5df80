/* sc-csv.c
 *
 * ScCsvReader (sc-csv.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-calendar.h"
#include "sc-csv.h"
#include "sc-error.h"

struct _ScCsvReader
{
  char      *text;        /* UTF-8, owned */
  gsize      length;
  gsize      at;
  guint      line;        /* of text[at], from 1 */
  gboolean   converted;
  GPtrArray *fields;      /* of char *, the record last read */
  GString   *field;
};

ScCsvReader *
sc_csv_reader_new (GBytes *data)
{
  ScCsvReader *reader = g_new0 (ScCsvReader, 1);
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);

  if (size >= 3 && memcmp (bytes, "\xEF\xBB\xBF", 3) == 0)
    {
      bytes += 3;
      size -= 3;
    }
  if (g_utf8_validate_len (bytes, size, NULL))
    reader->text = g_strndup (bytes, size);
  else
    {
      /* the five bytes Windows-1252 leaves undefined become "?" */
      reader->text = g_convert_with_fallback (bytes, (gssize) size, "UTF-8", "WINDOWS-1252", "?", NULL, NULL, NULL);
      reader->converted = TRUE;
      if (reader->text == NULL)
        reader->text = g_utf8_make_valid (bytes, (gssize) size);
    }
  reader->length = strlen (reader->text);
  reader->line = 1;
  reader->fields = g_ptr_array_new_with_free_func (g_free);
  reader->field = g_string_new (NULL);
  return reader;
}

void
sc_csv_reader_free (ScCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_free (reader->text);
  g_ptr_array_unref (reader->fields);
  g_string_free (reader->field, TRUE);
  g_free (reader);
}

gboolean
sc_csv_reader_was_converted (ScCsvReader *reader)
{
  return reader->converted;
}

double
sc_csv_reader_get_fraction (ScCsvReader *reader)
{
  return reader->length > 0 ? (double) reader->at / (double) reader->length : 1.0;
}

static void
end_field (ScCsvReader *reader)
{
  g_ptr_array_add (reader->fields, g_strndup (reader->field->str, reader->field->len));
  g_string_truncate (reader->field, 0);
}

gboolean
sc_csv_reader_next (ScCsvReader  *reader,
                    GPtrArray   **fields,
                    guint        *line,
                    GError      **error)
{
  const char *text = reader->text;
  gboolean quoted = FALSE;
  guint start;

  g_ptr_array_set_size (reader->fields, 0);
  g_string_truncate (reader->field, 0);
  /* blank lines between records are no records */
  while (reader->at < reader->length && (text[reader->at] == '\n' || text[reader->at] == '\r'))
    {
      if (text[reader->at] == '\n')
        reader->line++;
      reader->at++;
    }
  if (reader->at >= reader->length)
    return FALSE;
  start = reader->line;
  while (reader->at < reader->length)
    {
      char c = text[reader->at++];

      if (quoted)
        {
          if (c == '"' && reader->at < reader->length && text[reader->at] == '"')
            {
              g_string_append_c (reader->field, '"');
              reader->at++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                reader->line++;
              g_string_append_c (reader->field, c);
            }
        }
      else if (c == '"' && reader->field->len == 0)
        quoted = TRUE;
      else if (c == ',')
        end_field (reader);
      else if (c == '\r' && reader->at < reader->length && text[reader->at] == '\n')
        continue;
      else if (c == '\n')
        {
          reader->line++;
          break;
        }
      else
        g_string_append_c (reader->field, c);
    }
  if (quoted)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT, "line %u: a quoted field is never closed", start);
      return FALSE;
    }
  end_field (reader);
  *fields = reader->fields;
  *line = start;
  return TRUE;
}

/* --- writing --- */

void
sc_csv_append_field (GString    *out,
                     const char *text,
                     gboolean    last)
{
  /* a leading = + - @, tab or carriage return would be a formula to a
   * spreadsheet: quoted with ' */
  gboolean formula = text != NULL && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;

  if (text != NULL && (formula || strpbrk (text, ",\"\r\n") != NULL))
    {
      g_string_append_c (out, '"');
      if (formula)
        g_string_append_c (out, '\'');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (text != NULL)
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

void
sc_csv_append_day (GString *out,
                   ScDay    day)
{
  char text[SC_DAY_STRING_SIZE];

  sc_csv_append_field (out, day != SC_DAY_NONE ? sc_day_format (day, text) : NULL, FALSE);
}
