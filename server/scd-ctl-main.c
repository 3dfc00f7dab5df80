/* scd-ctl-main.c
 *
 * sendcasectl, the administrator's command line:
 *
 *   sendcasectl [--data-dir DIR | --database CONNINFO] COMMAND [ARGS]
 *
 * Database commands (migrate, status, user ...) reach the database as
 * scd-ctl.c describes; the clock commands (timeline, holidays) need none.
 * Every command and `user` verb answers --help (and `help COMMAND`) with
 * its usage on standard output, exit 0, before it touches a database.
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
#include "scd-ctl-usage.h"

static const char usage_head[] =
  "Usage: " SCD_CTL_GLOBAL_SYNOPSIS " COMMAND [ARGS]\n"
  "\n"
  "Commands:\n"
  "  init                        create the data directory, its cluster and database\n"
  "  migrate                     apply pending schema migrations\n"
  "  status                      show the schema version and the daemon's state\n"
  "  plan-pdf CASE VERSION [--output FILE]\n"
  "                              write an issued plan version as PDF\n"
  "  institutions import FILE    load the GIAS establishment CSV into the directory\n"
  "  authority CODE NAME         name this authority, as transfer files name their sender\n"
  "  case export CASE [--output FILE]\n"
  "                              write a case with a plan in force as a transfer file\n"
  "  case import FILE --owner ID [--transferred-on DATE] [--person ID | --different-person]\n"
  "                              open the case of a plan transferred in from another authority\n";

static const char usage_tail[] =
  "  timeline [--today YYYY-MM-DD] [--config FILE] < case.json\n"
  "                              compute a case's statutory clock\n"
  "  holidays [--config FILE] YEAR\n"
  "                              list the bank holidays of YEAR (England and Wales)\n"
  "  help [COMMAND]              describe sendcasectl or one command\n"
  "\n"
  "Options:\n"
  "  --data-dir DIR              the embedded cluster's directory (as sendcased)\n"
  "  --database CONNINFO         an existing PostgreSQL server (libpq string)\n"
  "  --version                   print the version\n"
  "  --help                      print this help\n"
  "\n"
  "The database commands other than init need a data directory that holds a\n"
  "sendcase cluster (made by init or by sendcased's first start); any other\n"
  "path is refused and left as it was. \"sendcasectl COMMAND --help\"\n"
  "describes one command. Exit status: 0 done, 1 failed, 2 bad usage or input.\n";

static char *
dup_usage (void)
{
  GString *out = g_string_new (usage_head);

  for (gsize i = 0; i < G_N_ELEMENTS (scd_ctl_user_verbs); i++)
    g_string_append_printf (out, "  %s\n", scd_ctl_user_verbs[i].synopsis);
  g_string_append (out, usage_tail);
  return g_string_free (out, FALSE);
}

static gboolean
is_help (const char *arg)
{
  return g_str_equal (arg, "--help") || g_str_equal (arg, "-h");
}

/* `user --help`, `user help [VERB]` and `user VERB ... --help` are answered
 * here, before scd-ctl-user.c parses anything or opens a database. Returns
 * the exit status, or -1 when @argv (from "user" on) asks for no help. */
static int
user_help (int    argc,
           char **argv)
{
  const ScdCtlUserVerb *verb = NULL;
  const char *name = NULL;
  gboolean help = FALSE;
  g_autofree char *usage = NULL;

  if (argc >= 2 && g_str_equal (argv[1], "help"))
    {
      help = TRUE;
      name = argc >= 3 ? argv[2] : NULL;
    }
  else
    {
      for (int i = 1; i < argc && !g_str_equal (argv[i], "--"); i++)
        help |= is_help (argv[i]);
      if (argc >= 2 && argv[1][0] != '-')
        name = argv[1];
    }
  if (!help)
    return -1;
  if (name != NULL && (verb = scd_ctl_user_verb_lookup (name)) == NULL)
    {
      g_autofree char *escaped = g_strescape (name, NULL);

      return scd_ctl_fail (2, "user: unknown command \"%s\" (see sendcasectl user --help)",
                           escaped);
    }
  usage = scd_ctl_user_dup_usage (verb);
  fputs (usage, stdout);
  return 0;
}

static int
dispatch (const char  *data_dir,
          const char  *database,
          int          argc,
          char       **argv)
{
  const char *command = argv[0];
  int status;

  if (g_str_equal (command, "timeline"))
    return scd_ctl_timeline_main (argc, argv);
  if (g_str_equal (command, "holidays"))
    return scd_ctl_holidays_main (argc, argv);
  if (g_str_equal (command, "init"))
    return scd_ctl_init_main (data_dir, database, argc, argv);
  if (g_str_equal (command, "migrate"))
    return scd_ctl_migrate_main (data_dir, database, argc, argv);
  if (g_str_equal (command, "status"))
    return scd_ctl_status_main (data_dir, database, argc, argv);
  if (g_str_equal (command, "plan-pdf"))
    return scd_ctl_plan_pdf_main (data_dir, database, argc, argv);
  if (g_str_equal (command, "institutions"))
    return scd_ctl_institutions_main (data_dir, database, argc, argv);
  if (g_str_equal (command, "authority"))
    return scd_ctl_authority_main (data_dir, database, argc, argv);
  if (g_str_equal (command, "case"))
    return scd_ctl_case_main (data_dir, database, argc, argv);
  if (g_str_equal (command, "user"))
    {
      if ((status = user_help (argc, argv)) >= 0)
        return status;
      return scd_ctl_user_main (data_dir, database, argc, argv);
    }
  {
    g_autofree char *escaped = g_strescape (command, NULL);

    return scd_ctl_fail (2, "unknown command \"%s\" (see sendcasectl --help)", escaped);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *database = NULL;
  gboolean version = FALSE;
  gboolean help = FALSE;
  const GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, NULL, NULL },
    { "database", 0, 0, G_OPTION_ARG_STRING, &database, NULL, NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, NULL, NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");

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
  if (help || argc < 2 || (argc == 2 && g_str_equal (argv[1], "help")))
    {
      g_autofree char *usage = dup_usage ();

      /* no command at all is bad usage */
      fputs (usage, help || argc >= 2 ? stdout : stderr);
      return help || argc >= 2 ? 0 : 2;
    }
  if (data_dir != NULL && database != NULL)
    return scd_ctl_fail (2, "--data-dir and --database cannot be used together");

  if (g_str_equal (argv[1], "help"))
    {
      /* help COMMAND [VERB]: the same as COMMAND [VERB] --help */
      g_autoptr(GPtrArray) help_argv = g_ptr_array_new ();

      for (int i = 2; i < argc; i++)
        g_ptr_array_add (help_argv, argv[i]);
      g_ptr_array_add (help_argv, (char *) "--help");
      g_ptr_array_add (help_argv, NULL);
      return dispatch (data_dir, database, (int) help_argv->len - 1, (char **) help_argv->pdata);
    }
  return dispatch (data_dir, database, argc - 1, argv + 1);
}
