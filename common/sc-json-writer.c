/* sc-json-writer.c
 *
 * The streaming JSON writer. Strings are copied in runs between the bytes
 * that need escaping, so ordinary text costs one append; UTF-8 is checked as
 * it is copied. Times are formatted by hand from a day count (the civil
 * calendar arithmetic of the proleptic Gregorian calendar), because the
 * daemon writes one for every record it answers with and GDateTime would
 * allocate for each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-json-writer.h"

#define REPLACEMENT_CHARACTER "\xef\xbf\xbd"

void
sc_json_writer_init (ScJsonWriter *writer,
                     GString      *out)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (out != NULL);

  memset (writer, 0, sizeof *writer);
  writer->out = out;
}

/* Before any value: the comma that separates it from the one before. */
static void
before_value (ScJsonWriter *writer)
{
  if (writer->after_member)
    {
      writer->after_member = FALSE;
      return;
    }
  if (writer->has_value[writer->depth])
    g_string_append_c (writer->out, ',');
  writer->has_value[writer->depth] = TRUE;
}

static void
open_container (ScJsonWriter *writer,
                char          c)
{
  g_assert (writer->depth < SC_JSON_WRITER_MAX_DEPTH);

  before_value (writer);
  g_string_append_c (writer->out, c);
  writer->depth++;
  writer->has_value[writer->depth] = FALSE;
}

static void
close_container (ScJsonWriter *writer,
                 char          c)
{
  g_assert (writer->depth > 0);
  g_assert (!writer->after_member);

  writer->depth--;
  g_string_append_c (writer->out, c);
}

void
sc_json_writer_begin_object (ScJsonWriter *writer)
{
  open_container (writer, '{');
}

void
sc_json_writer_end_object (ScJsonWriter *writer)
{
  close_container (writer, '}');
}

void
sc_json_writer_begin_array (ScJsonWriter *writer)
{
  open_container (writer, '[');
}

void
sc_json_writer_end_array (ScJsonWriter *writer)
{
  close_container (writer, ']');
}

void
sc_json_writer_member (ScJsonWriter *writer,
                       const char   *name)
{
  g_assert (writer->depth > 0);
  g_assert (!writer->after_member);

  before_value (writer);
  sc_json_append_string (writer->out, name);
  g_string_append_c (writer->out, ':');
  writer->after_member = TRUE;
}

/* The bytes a JSON string can hold as they are: printable ASCII but the
 * quote and the backslash. UTF-8 lead bytes are checked one character at a
 * time, everything else is escaped. */
static const guint8 plain[256] = {
  ['\x20'] = 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

void
sc_json_append_string (GString    *out,
                       const char *value)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *p = (const guchar *) value;

  g_string_append_c (out, '"');
  for (;;)
    {
      const guchar *run = p;
      guchar c;

      while (plain[*p])
        p++;
      if (p > run)
        g_string_append_len (out, (const char *) run, p - run);
      c = *p;
      if (c == '\0')
        break;
      if (c >= 0x80)
        {
          guint len = (guint) g_utf8_skip[c];
          guint have = 1;

          /* one whole character, or one bad byte replaced */
          while (have < len && p[have] != '\0')
            have++;
          if (len > 1 && have == len && g_utf8_validate_len ((const char *) p, len, NULL))
            g_string_append_len (out, (const char *) p, len);
          else
            {
              g_string_append (out, REPLACEMENT_CHARACTER);
              len = 1;
            }
          p += len;
          continue;
        }
      switch (c)
        {
        case '"': g_string_append_len (out, "\\\"", 2); break;
        case '\\': g_string_append_len (out, "\\\\", 2); break;
        case '\n': g_string_append_len (out, "\\n", 2); break;
        case '\r': g_string_append_len (out, "\\r", 2); break;
        case '\t': g_string_append_len (out, "\\t", 2); break;
        case '\b': g_string_append_len (out, "\\b", 2); break;
        case '\f': g_string_append_len (out, "\\f", 2); break;
        default:
          {
            char escape[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf] };

            g_string_append_len (out, escape, 6);
          }
          break;
        }
      p++;
    }
  g_string_append_c (out, '"');
}

void
sc_json_writer_string (ScJsonWriter *writer,
                       const char   *value)
{
  before_value (writer);
  if (value == NULL)
    g_string_append (writer->out, "null");
  else
    sc_json_append_string (writer->out, value);
}

void
sc_json_writer_int (ScJsonWriter *writer,
                    gint64        value)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;

  before_value (writer);
  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude != 0);
  if (value < 0)
    *--p = '-';
  g_string_append_len (writer->out, p, buf + sizeof buf - p);
}

void
sc_json_writer_boolean (ScJsonWriter *writer,
                        gboolean      value)
{
  before_value (writer);
  g_string_append (writer->out, value ? "true" : "false");
}

void
sc_json_writer_null (ScJsonWriter *writer)
{
  before_value (writer);
  g_string_append (writer->out, "null");
}

static void
put_digits (char *p,
            guint value,
            guint n)
{
  while (n-- > 0)
    {
      p[n] = (char) ('0' + value % 10);
      value /= 10;
    }
}

void
sc_time_format (gint64 unix_usec,
                char   buf[SC_TIME_STRING_SIZE])
{
  gint64 seconds = unix_usec / G_USEC_PER_SEC - (unix_usec % G_USEC_PER_SEC < 0 ? 1 : 0);
  gint64 days = seconds / 86400 - (seconds % 86400 < 0 ? 1 : 0);
  gint64 rest = seconds - days * 86400;
  /* days since 1970-01-01 -> civil date (era of 400 years) */
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  guint day = (guint) (doy - (153 * mp + 2) / 5 + 1);
  guint month = (guint) (mp < 10 ? mp + 3 : mp - 9);
  gint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);

  if (year < 0 || year > 9999)
    year = CLAMP (year, 0, 9999);
  put_digits (buf, (guint) year, 4);
  buf[4] = '-';
  put_digits (buf + 5, month, 2);
  buf[7] = '-';
  put_digits (buf + 8, day, 2);
  buf[10] = 'T';
  put_digits (buf + 11, (guint) (rest / 3600), 2);
  buf[13] = ':';
  put_digits (buf + 14, (guint) (rest / 60 % 60), 2);
  buf[16] = ':';
  put_digits (buf + 17, (guint) (rest % 60), 2);
  buf[19] = 'Z';
  buf[20] = '\0';
}

gboolean
sc_time_parse (const char *text,
               gint64     *unix_usec)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (unix_usec != NULL, FALSE);

  /* RFC 3339 wants the date, the time and a zone: GLib also takes less */
  if (text == NULL || strlen (text) < 20 || text[10] != 'T' || strchr (text, ' ') != NULL)
    return FALSE;
  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return FALSE;
  *unix_usec = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
  return TRUE;
}

void
sc_json_writer_time (ScJsonWriter *writer,
                     gint64        unix_usec)
{
  char buf[SC_TIME_STRING_SIZE];

  before_value (writer);
  if (unix_usec == 0)
    {
      g_string_append (writer->out, "null");
      return;
    }
  sc_time_format (unix_usec, buf);
  g_string_append_c (writer->out, '"');
  g_string_append_len (writer->out, buf, SC_TIME_STRING_SIZE - 1);
  g_string_append_c (writer->out, '"');
}

void
sc_json_writer_date (ScJsonWriter *writer,
                     const GDate  *date)
{
  char buf[16];

  before_value (writer);
  if (date == NULL || !g_date_valid (date))
    {
      g_string_append (writer->out, "null");
      return;
    }
  buf[0] = '"';
  put_digits (buf + 1, g_date_get_year (date), 4);
  buf[5] = '-';
  put_digits (buf + 6, g_date_get_month (date), 2);
  buf[8] = '-';
  put_digits (buf + 9, g_date_get_day (date), 2);
  buf[11] = '"';
  g_string_append_len (writer->out, buf, 12);
}

void
sc_json_writer_raw (ScJsonWriter *writer,
                    const char   *json)
{
  before_value (writer);
  g_string_append (writer->out, json);
}

void
sc_json_writer_member_string (ScJsonWriter *writer,
                              const char   *name,
                              const char   *value)
{
  sc_json_writer_member (writer, name);
  sc_json_writer_string (writer, value);
}

void
sc_json_writer_member_int (ScJsonWriter *writer,
                           const char   *name,
                           gint64        value)
{
  sc_json_writer_member (writer, name);
  sc_json_writer_int (writer, value);
}

void
sc_json_writer_member_boolean (ScJsonWriter *writer,
                               const char   *name,
                               gboolean      value)
{
  sc_json_writer_member (writer, name);
  sc_json_writer_boolean (writer, value);
}

void
sc_json_writer_member_null (ScJsonWriter *writer,
                            const char   *name)
{
  sc_json_writer_member (writer, name);
  sc_json_writer_null (writer);
}

void
sc_json_writer_member_time (ScJsonWriter *writer,
                            const char   *name,
                            gint64        unix_usec)
{
  sc_json_writer_member (writer, name);
  sc_json_writer_time (writer, unix_usec);
}
