/* scd-ctl-clock.c
 *
 * The statutory-clock subcommands of sendcasectl (docs/statutory-clock.md):
 *
 *   sendcasectl timeline [--today YYYY-MM-DD] [--config FILE] < case.json
 *   sendcasectl holidays [--config FILE] YEAR
 *
 * `timeline` reads one case history on standard input and writes its
 * milestones and warnings as JSON on standard output; its --help lists the
 * event types and their members from the clock's own tables. `holidays` prints a
 * year's England and Wales bank holidays, one `YYYY-MM-DD name` a line, so
 * anyone can hold the calendar against the published list.
 *
 * Both read the `[holidays]` group of the configuration file (--config, or
 * /etc/sendcase/sendcase.conf when that exists), where an administrator
 * adds a newly proclaimed bank holiday as `YYYY-MM-DD=name`.
 *
 * Exit status: 0 done; 2 bad usage or bad input (then one line on standard
 * error and nothing on standard output); 1 anything else (the default
 * configuration file is unreadable, standard output cannot be written).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-ctl"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "sc-calendar.h"
#include "sc-clock.h"
#include "scd-ctl.h"
#include "scd-ctl-clock.h"

#define DEFAULT_CONFIG_FILE "/etc/sendcase/sendcase.conf"
/* A case history is a few kilobytes; refuse to buffer without bound. */
#define MAX_INPUT_SIZE (64 * 1024 * 1024)

static const char timeline_usage[] =
  "Usage: sendcasectl timeline [--today YYYY-MM-DD] [--config FILE] < case.json\n"
  "\n"
  "Reads a case history (one JSON object) on standard input and writes its\n"
  "statutory milestones and warnings as JSON on standard output.\n"
  "\n"
  "  --today YYYY-MM-DD   the day that decides pending or overdue (default: today)\n"
  "  --config FILE        read extra bank holidays from FILE's [holidays] group\n"
  "                       (default: " DEFAULT_CONFIG_FILE ", if it exists)\n"
  "\n"
  "Exit status: 0 done, 2 bad option or input (one line on standard error).\n";

/* Appends "  NAME     v1, v2, ..." wrapped at 78 columns under the values. */
static void
append_values (GString            *out,
               const char         *name,
               const char * const *values)
{
  gsize line_start = out->len;

  g_string_append_printf (out, "  %-9s", name);
  for (guint i = 0; values[i] != NULL; i++)
    {
      if (i > 0 && out->len - line_start + 2 + strlen (values[i]) + 1 > 78)
        {
          g_string_append (out, ",\n           ");
          line_start = out->len - 11;
        }
      else if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, values[i]);
    }
  g_string_append_c (out, '\n');
}

/* The usage, with the event types and the values of their enumerated
 * members read from the clock's own tables. */
static char *
dup_timeline_usage (void)
{
  GString *out = g_string_new (timeline_usage);
  const char *values[16];
  guint n;

  g_string_append (out, "\nEvent types and the members each reads besides \"type\" and \"date\"\n"
                        "(in brackets: optional):\n");
  for (guint i = 0; i < SC_N_EVENT_TYPES; i++)
    {
      g_autofree char *members = sc_event_type_dup_members ((ScEventType) i);
      const char *name = sc_event_type_to_string ((ScEventType) i);

      if (*members != '\0')
        g_string_append_printf (out, "  %-30s %s\n", name, members);
      else
        g_string_append_printf (out, "  %s\n", name);
    }

  g_string_append (out, "\nValues:\n");
  for (n = 0; n + 1 < G_N_ELEMENTS (values) && sc_exception_reason_to_string (n + 1) != NULL; n++)
    values[n] = sc_exception_reason_to_string (n + 1);
  values[n] = NULL;
  append_values (out, "reason", values);
  for (n = 0; n + 1 < G_N_ELEMENTS (values) && sc_review_outcome_to_string (n + 1) != NULL; n++)
    values[n] = sc_review_outcome_to_string (n + 1);
  values[n] = NULL;
  append_values (out, "outcome", values);
  for (n = 0; n + 1 < G_N_ELEMENTS (values) && sc_transfer_route_to_string (n + 1) != NULL; n++)
    values[n] = sc_transfer_route_to_string (n + 1);
  values[n] = NULL;
  append_values (out, "route", values);
  for (n = 0; n + 1 < G_N_ELEMENTS (values) && sc_tribunal_order_to_string (n + 1) != NULL; n++)
    values[n] = sc_tribunal_order_to_string (n + 1);
  values[n] = NULL;
  append_values (out, "order", values);
  g_string_append (out,
                   "  stage    1 or 2\n"
                   "  key      any non-empty text that tells repeating milestones apart\n"
                   "\n"
                   "Dates are YYYY-MM-DD. docs/statutory-clock.md says what each event starts\n"
                   "and completes.\n");
  return g_string_free (out, FALSE);
}

static const char holidays_usage[] =
  "Usage: sendcasectl holidays [--config FILE] YEAR\n"
  "\n"
  "Prints the England and Wales bank holidays of YEAR (2000-2050), one\n"
  "\"YYYY-MM-DD name\" a line, including those added in the configuration\n"
  "file's [holidays] group.\n"
  "\n"
  "  --config FILE        the configuration file (default: " DEFAULT_CONFIG_FILE ",\n"
  "                       if it exists)\n";

typedef struct
{
  const char *today;        /* nullable */
  const char *config;       /* nullable */
  GPtrArray  *positional;   /* of borrowed char * */
  gboolean    help;
} ClockArgs;

/* Returns 0 when parsed, else the exit status after printing the error. */
static int
parse_args (const char *command,
            int         argc,
            char      **argv,
            gboolean    allow_today,
            ClockArgs  *args)
{
  gboolean options_done = FALSE;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char **target = NULL;
      const char *name = NULL;
      const char *value = NULL;

      if (options_done || arg[0] != '-' || arg[1] == '\0')
        {
          g_ptr_array_add (args->positional, (gpointer) arg);
          continue;
        }
      if (g_str_equal (arg, "--"))
        {
          options_done = TRUE;
          continue;
        }
      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          args->help = TRUE;
          continue;
        }

      if (allow_today && g_str_has_prefix (arg, "--today"))
        target = &args->today, name = "--today";
      else if (g_str_has_prefix (arg, "--config"))
        target = &args->config, name = "--config";

      if (target != NULL && arg[strlen (name)] == '=')
        value = arg + strlen (name) + 1;
      else if (target != NULL && arg[strlen (name)] == '\0')
        {
          if (i + 1 >= argc)
            return scd_ctl_fail (2, "%s: option %s needs a value", command, name);
          value = argv[++i];
        }
      else
        {
          g_autofree char *escaped = g_strescape (arg, NULL);

          return scd_ctl_fail (2, "%s: unknown option \"%s\" (see sendcasectl %s --help)",
                               command, escaped, command);
        }
      *target = value;
    }
  return 0;
}

/* The calendar with the configuration's holidays, or NULL after printing
 * the error and setting *@status. */
static ScCalendar *
load_calendar (const char *command,
               const char *config,
               int        *status)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(ScCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = config != NULL ? config : DEFAULT_CONFIG_FILE;
  /* The administrator's --config is input (2); the system's file failing
   * is the command failing (1). */
  int failure = config != NULL ? 2 : 1;

  if (config == NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
    return sc_calendar_ref (sc_calendar_get_default ());

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error))
    {
      *status = scd_ctl_fail (failure, "%s: could not read config file \"%s\": %s",
                              command, path, error->message);
      return NULL;
    }
  calendar = sc_calendar_new ();
  if (!sc_calendar_add_holidays_from_key_file (calendar, key_file, &error))
    {
      *status = scd_ctl_fail (failure, "%s: config file \"%s\": %s", command, path, error->message);
      return NULL;
    }
  return g_steal_pointer (&calendar);
}

static gboolean
read_all (FILE        *stream,
          GByteArray  *bytes,
          GError     **error)
{
  guint8 buffer[65536];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stream)) > 0)
    {
      if (bytes->len + n > MAX_INPUT_SIZE)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       "input is larger than %d MiB", MAX_INPUT_SIZE / (1024 * 1024));
          return FALSE;
        }
      g_byte_array_append (bytes, buffer, (guint) n);
    }
  if (ferror (stream))
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "could not read standard input: %s", g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static int
write_stdout (const char *command,
              const char *text)
{
  if (fputs (text, stdout) == EOF || fflush (stdout) != 0)
    return scd_ctl_fail (1, "%s: could not write standard output: %s", command, g_strerror (errno));
  return 0;
}

int
scd_ctl_timeline_main (int    argc,
                       char **argv)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autoptr(ScCalendar) calendar = NULL;
  g_autoptr(ScClockInput) input = NULL;
  g_autoptr(ScClockResult) result = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ClockArgs args = { .positional = positional };
  ScDay today;
  int status;

  if ((status = parse_args ("timeline", argc, argv, TRUE, &args)) != 0)
    return status;
  if (args.help)
    {
      g_autofree char *usage = dup_timeline_usage ();

      return write_stdout ("timeline", usage);
    }
  if (positional->len > 0)
    {
      g_autofree char *escaped = g_strescape (g_ptr_array_index (positional, 0), NULL);

      return scd_ctl_fail (2, "timeline: unexpected argument \"%s\" "
                           "(the case is read from standard input)", escaped);
    }

  if (args.today != NULL)
    {
      if (!sc_day_parse (args.today, &today) || !sc_day_is_in_range (today))
        {
          g_autofree char *escaped = g_strescape (args.today, NULL);

          return scd_ctl_fail (2, "timeline: --today must be a date from %d-01-01 to %d-12-31 "
                               "(YYYY-MM-DD), not \"%s\"",
                               SC_DAY_FIRST_YEAR, SC_DAY_LAST_YEAR, escaped);
        }
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = sc_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                               g_date_time_get_day_of_month (now));
    }

  if ((calendar = load_calendar ("timeline", args.config, &status)) == NULL)
    return status;

  if (!read_all (stdin, bytes, &error))
    return scd_ctl_fail (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE) ? 2 : 1,
                         "timeline: %s", error->message);

  input = sc_clock_input_new_from_data ((const char *) bytes->data, bytes->len, &error);
  if (input == NULL)
    return scd_ctl_fail (2, "timeline: %s", error->message);

  result = sc_clock_compute (input, calendar, today);
  root = sc_clock_result_to_json (result);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  {
    g_autofree char *line = g_strconcat (text, "\n", NULL);

    return write_stdout ("timeline", line);
  }
}

int
scd_ctl_holidays_main (int    argc,
                       char **argv)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autoptr(ScCalendar) calendar = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  ClockArgs args = { .positional = positional };
  const ScHoliday *holidays;
  const char *year_text;
  guint n;
  int status;
  int year = 0;

  if ((status = parse_args ("holidays", argc, argv, FALSE, &args)) != 0)
    return status;
  if (args.help)
    return write_stdout ("holidays", holidays_usage);
  if (positional->len == 0)
    return scd_ctl_fail (2, "holidays: missing YEAR (see sendcasectl holidays --help)");
  if (positional->len > 1)
    {
      g_autofree char *escaped = g_strescape (g_ptr_array_index (positional, 1), NULL);

      return scd_ctl_fail (2, "holidays: unexpected argument \"%s\"", escaped);
    }

  year_text = g_ptr_array_index (positional, 0);
  if (strlen (year_text) == 4 && g_ascii_isdigit (year_text[0]) && g_ascii_isdigit (year_text[1]) &&
      g_ascii_isdigit (year_text[2]) && g_ascii_isdigit (year_text[3]))
    year = atoi (year_text);
  if (year < SC_CALENDAR_FIRST_YEAR || year > SC_CALENDAR_LAST_YEAR)
    {
      g_autofree char *escaped = g_strescape (year_text, NULL);

      return scd_ctl_fail (2, "holidays: YEAR must be from %d to %d, not \"%s\"",
                           SC_CALENDAR_FIRST_YEAR, SC_CALENDAR_LAST_YEAR, escaped);
    }

  if ((calendar = load_calendar ("holidays", args.config, &status)) == NULL)
    return status;

  n = sc_calendar_get_holidays (calendar, year, &holidays);
  for (guint i = 0; i < n; i++)
    {
      char date[SC_DAY_STRING_SIZE];

      g_string_append_printf (out, "%s %s\n",
                              sc_day_format (holidays[i].day, date), holidays[i].name);
    }
  return write_stdout ("holidays", out->str);
}
