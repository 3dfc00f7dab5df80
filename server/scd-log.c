/* scd-log.c
 *
 * A GLib log writer that prints
 *   2026-11-23T09:15:02.123Z sendcased[4242] INFO scd-server: request method=GET ...
 * Debug lines are printed only for the domains named in G_MESSAGES_DEBUG, as
 * GLib's default writer does. Secrets never reach this function: passwords
 * and tokens are not put into log messages anywhere in the daemon.
 *
 * Messages often carry text from requests (a decoded path, a username), so
 * the writer escapes, in one place, whatever could forge or garble a line:
 * control characters (a newline would start a fake line), C1 controls and
 * the Unicode line separators as \xNN or \uNNNN, bytes that are not UTF-8 as
 * \xNN, and the backslash itself as \\, so an escape in a line is always the
 * writer's own.
 *
 * It is on every request's path, so it is cheap: the pid is read once, the
 * date and time are formatted once a second (the milliseconds by hand), and
 * a line is composed in a buffer and goes out whole. Once the daemon serves
 * (scd_log_set_buffered), information lines, one a request, are gathered and
 * written together: when the main loop has nothing else to do, when 16 KiB
 * have gathered, before any warning (which is written at once), and at
 * exit. A daemon killed outright may lose the last few information lines;
 * warnings and errors are never held back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-log"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "scd-log.h"

static char *program;
static char pid_text[16];

/* "2026-11-23T09:15:02" of the second in cached_second */
static GMutex clock_lock;
static gint64 cached_second = -1;
static char cached_stamp[32];

static void
free_line (gpointer data)
{
  g_string_free (data, TRUE);
}

static GPrivate line_buffer = G_PRIVATE_INIT (free_line);

#define PENDING_MAX (16 * 1024)

/* Information lines not yet written, while buffered; under out_lock */
static GMutex out_lock;
static gboolean buffered;
static GString *pending;
static guint flush_id;

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

/* Appends "YYYY-MM-DDTHH:MM:SS.mmmZ" for @now_us (microseconds since 1970). */
static void
append_timestamp (GString *line,
                  gint64   now_us)
{
  gint64 second = now_us / G_USEC_PER_SEC;
  int millis = (int) (now_us % G_USEC_PER_SEC / 1000);
  char tail[6];

  g_mutex_lock (&clock_lock);
  if (second != cached_second)
    {
      time_t t = (time_t) second;
      struct tm tm;

      gmtime_r (&t, &tm);
      strftime (cached_stamp, sizeof cached_stamp, "%Y-%m-%dT%H:%M:%S", &tm);
      cached_second = second;
    }
  g_string_append (line, cached_stamp);
  g_mutex_unlock (&clock_lock);

  tail[0] = '.';
  tail[1] = (char) ('0' + millis / 100);
  tail[2] = (char) ('0' + millis / 10 % 10);
  tail[3] = (char) ('0' + millis % 10);
  tail[4] = 'Z';
  tail[5] = '\0';
  g_string_append (line, tail);
}

/**
 * scd_log_escape_append:
 * @line: where to append
 * @text: any bytes, nul-terminated
 *
 * Appends @text with control characters, C1 controls, U+2028/U+2029,
 * backslashes and invalid UTF-8 escaped, so it cannot end or forge a line.
 */
void
scd_log_escape_append (GString    *line,
                       const char *text)
{
  const char *p = text;
  const char *run = text;

  while (*p != '\0')
    {
      guchar c = (guchar) *p;
      gunichar u;
      gsize len;

      if (c >= 0x20 && c < 0x7f && c != '\\')
        {
          p++;
          continue;
        }
      if (c >= 0x80)
        {
          u = g_utf8_get_char_validated (p, -1);
          if (u != (gunichar) -1 && u != (gunichar) -2 && !(u >= 0x80 && u < 0xa0) &&
              u != 0x2028 && u != 0x2029)
            {
              p = g_utf8_next_char (p);
              continue;
            }
        }

      g_string_append_len (line, run, p - run);
      len = 1;
      if (c == '\\')
        g_string_append (line, "\\\\");
      else if (c == '\n')
        g_string_append (line, "\\n");
      else if (c == '\r')
        g_string_append (line, "\\r");
      else if (c == '\t')
        g_string_append (line, "\\t");
      else if (c < 0x80)
        g_string_append_printf (line, "\\x%02x", c);
      else
        {
          u = g_utf8_get_char_validated (p, -1);
          if (u == (gunichar) -1 || u == (gunichar) -2)
            g_string_append_printf (line, "\\x%02x", c);
          else
            {
              g_string_append_printf (line, "\\u%04x", u);
              len = g_utf8_next_char (p) - p;
            }
        }
      p += len;
      run = p;
    }
  g_string_append_len (line, run, p - run);
}

static void
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return;   /* nowhere left to say so */
        }
      data += n;
      length -= (gsize) n;
    }
}

static void
flush_locked (void)
{
  if (pending != NULL && pending->len > 0)
    {
      write_all (STDERR_FILENO, pending->str, pending->len);
      g_string_truncate (pending, 0);
    }
}

static gboolean
flush_idle_cb (gpointer user_data)
{
  g_mutex_lock (&out_lock);
  flush_id = 0;
  flush_locked ();
  g_mutex_unlock (&out_lock);
  return G_SOURCE_REMOVE;
}

void
scd_log_flush (void)
{
  g_mutex_lock (&out_lock);
  flush_locked ();
  g_mutex_unlock (&out_lock);
}

void
scd_log_set_buffered (gboolean enabled)
{
  g_mutex_lock (&out_lock);
  flush_locked ();
  buffered = enabled;
  if (enabled && pending == NULL)
    pending = g_string_sized_new (PENDING_MAX + 1024);
  g_mutex_unlock (&out_lock);
}

/* A whole line: gathered (information, when buffered) or written at once,
 * after what was gathered, so lines keep their order. */
static void
emit_line (GLogLevelFlags  log_level,
           const GString  *line)
{
  gboolean info = (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0;

  g_mutex_lock (&out_lock);
  if (buffered && info)
    {
      g_string_append_len (pending, line->str, line->len);
      if (pending->len >= PENDING_MAX)
        flush_locked ();
      else if (flush_id == 0)
        flush_id = g_idle_add_full (G_PRIORITY_LOW, flush_idle_cb, NULL, NULL);
    }
  else
    {
      flush_locked ();
      write_all (STDERR_FILENO, line->str, line->len);
    }
  g_mutex_unlock (&out_lock);
}

/* The line of one message, composed in this thread's buffer. */
static void
write_message (GLogLevelFlags  log_level,
               const char     *domain,
               const char     *message)
{
  GString *line = g_private_get (&line_buffer);

  /* one buffer per thread, reused line after line */
  if (line == NULL)
    {
      line = g_string_sized_new (256);
      g_private_set (&line_buffer, line);
    }
  g_string_truncate (line, 0);
  append_timestamp (line, g_get_real_time ());
  g_string_append_c (line, ' ');
  g_string_append (line, program);
  g_string_append_c (line, '[');
  g_string_append (line, pid_text);
  g_string_append (line, "] ");
  g_string_append (line, level_name (log_level));
  g_string_append_c (line, ' ');
  g_string_append (line, domain != NULL ? domain : "sendcase");
  g_string_append (line, ": ");
  scd_log_escape_append (line, message != NULL ? message : "");
  g_string_append_c (line, '\n');
  emit_line (log_level, line);
  /* a huge line once does not keep its buffer for ever */
  if (line->allocated_len > 64 * 1024)
    g_private_replace (&line_buffer, g_string_sized_new (256));
}

void
scd_log_info (const char *domain,
              const char *message)
{
  if (program == NULL)
    {
      g_log (domain, G_LOG_LEVEL_MESSAGE, "%s", message);
      return;
    }
  write_message (G_LOG_LEVEL_MESSAGE, domain, message);
}

static GLogWriterOutput
writer_cb (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_DEBUG) != 0 && g_log_writer_default_would_drop (log_level, domain))
    return G_LOG_WRITER_HANDLED;
  write_message (log_level, domain, message);
  return G_LOG_WRITER_HANDLED;
}

void
scd_log_init (const char *program_name)
{
  program = g_strdup (program_name);
  g_snprintf (pid_text, sizeof pid_text, "%d", (int) getpid ());
  g_log_set_writer_func (writer_cb, NULL, NULL);
  atexit (scd_log_flush);
}
