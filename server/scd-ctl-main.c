/* scd-ctl-main.c
 *
 * sendcasectl, the administrator's command line:
 *
 *   sendcasectl [--data-dir DIR | --database CONNINFO] COMMAND [ARGS]
 *
 * Database commands (migrate, status, user ...) reach the database as
 * scd-ctl.c describes; the clock commands (timeline, holidays) need none.
 * Exit status: 0 done, 1 failed, 2 bad usage or input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-ctl"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "scd-ctl.h"
#include "scd-ctl-clock.h"
#include "scd-ctl-commands.h"

static const char usage_text[] =
  "Usage: sendcasectl [--data-dir DIR | --database CONNINFO] COMMAND [ARGS]\n"
  "\n"
  "Commands:\n"
  "  migrate                     apply pending schema migrations\n"
  "  status                      show the schema version and the daemon's state\n"
  "  user add NAME --role ROLE [--full-name TEXT] --password-stdin\n"
  "  user list | user disable NAME | user passwd NAME --password-stdin | user unlock NAME\n"
  "  timeline [--today YYYY-MM-DD] < case.json   compute a case's statutory clock\n"
  "  holidays YEAR               list the bank holidays of YEAR (England and Wales)\n"
  "\n"
  "Options:\n"
  "  --data-dir DIR              the embedded cluster's directory (as sendcased)\n"
  "  --database CONNINFO         an existing PostgreSQL server (libpq string)\n"
  "  --version                   print the version\n"
  "  --help                      print this help\n";

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *database = NULL;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, NULL, NULL },
    { "database", 0, 0, G_OPTION_ARG_STRING, &database, NULL, NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, NULL, NULL },
    { NULL }
  };
  const char *command;

  setlocale (LC_ALL, "");

  for (int i = 1; i < argc && argv[i][0] == '-'; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
      {
        fputs (usage_text, stdout);
        return 0;
      }

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return scd_ctl_fail (2, "%s (see sendcasectl --help)", error->message);

  if (version)
    {
      printf ("sendcasectl %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "help") ||
      g_str_equal (argv[1], "-h"))
    {
      fputs (usage_text, argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }
  if (data_dir != NULL && database != NULL)
    return scd_ctl_fail (2, "--data-dir and --database cannot be used together");

  command = argv[1];
  if (g_str_equal (command, "timeline"))
    return scd_ctl_timeline_main (argc - 1, argv + 1);
  if (g_str_equal (command, "holidays"))
    return scd_ctl_holidays_main (argc - 1, argv + 1);
  if (g_str_equal (command, "migrate"))
    return scd_ctl_migrate_main (data_dir, database, argc - 1, argv + 1);
  if (g_str_equal (command, "status"))
    return scd_ctl_status_main (data_dir, database, argc - 1, argv + 1);
  if (g_str_equal (command, "user"))
    return scd_ctl_user_main (data_dir, database, argc - 1, argv + 1);

  return scd_ctl_fail (2, "unknown command \"%s\" (see sendcasectl --help)", command);
}
