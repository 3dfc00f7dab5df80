/* sc-warning.c
 *
 * The warnings of a record (sc-warning.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-warning.h"

static void
warning_free (gpointer data)
{
  ScWarning *warning = data;

  g_free (warning->message);
  g_free (warning);
}

GPtrArray *
sc_warnings_new (void)
{
  return g_ptr_array_new_with_free_func (warning_free);
}

void
sc_warnings_add (GPtrArray  *warnings,
                 const char *code,
                 const char *format,
                 ...)
{
  ScWarning *warning = g_new0 (ScWarning, 1);
  va_list args;

  va_start (args, format);
  warning->code = code;
  warning->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (warnings, warning);
}

void
sc_warnings_write_json (GPtrArray    *warnings,
                        const char   *member,
                        ScJsonWriter *writer)
{
  sc_json_writer_member (writer, member);
  sc_json_writer_begin_array (writer);
  for (guint i = 0; i < warnings->len; i++)
    {
      ScWarning *warning = g_ptr_array_index (warnings, i);

      sc_json_writer_begin_object (writer);
      sc_json_writer_member_string (writer, "code", warning->code);
      sc_json_writer_member_string (writer, "message", warning->message);
      sc_json_writer_end_object (writer);
    }
  sc_json_writer_end_array (writer);
}
