/* scd-log.c
 *
 * A GLib log writer that prints
 *   2026-11-23T09:15:02.123Z sendcased[4242] INFO scd-server: request method=GET ...
 * Debug lines are printed only for the domains named in G_MESSAGES_DEBUG, as
 * GLib's default writer does. Secrets never reach this function: passwords
 * and tokens are not put into log messages anywhere in the daemon.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-log"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "scd-log.h"

static char *program;

static const char *
level_name (GLogLevelFlags level)
{
  switch (level & G_LOG_LEVEL_MASK)
    {
    case G_LOG_LEVEL_ERROR: return "FATAL";
    case G_LOG_LEVEL_CRITICAL: return "CRITICAL";
    case G_LOG_LEVEL_WARNING: return "WARNING";
    case G_LOG_LEVEL_MESSAGE: return "INFO";
    case G_LOG_LEVEL_INFO: return "INFO";
    case G_LOG_LEVEL_DEBUG: return "DEBUG";
    default: return "LOG";
    }
}

static GLogWriterOutput
writer_cb (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_DEBUG) != 0 && g_log_writer_default_would_drop (log_level, domain))
    return G_LOG_WRITER_HANDLED;

  now = g_date_time_new_now_utc ();
  stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  fprintf (stderr, "%s.%03dZ %s[%d] %s %s: %s\n", stamp, g_date_time_get_microsecond (now) / 1000,
           program, (int) getpid (), level_name (log_level), domain ? domain : "sendcase",
           message ? message : "");
  fflush (stderr);
  return G_LOG_WRITER_HANDLED;
}

void
scd_log_init (const char *program_name)
{
  program = g_strdup (program_name);
  g_log_set_writer_func (writer_cb, NULL, NULL);
}
