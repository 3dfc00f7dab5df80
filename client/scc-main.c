/* scc-main.c
 *
 * sendcase, the desktop client: everything is in the scc-private library
 * (SccApplication and below) so tests link the same code; this file only
 * runs the application, once it knows GSettings can find its schema.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scc-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SccApplication) application = NULL;
  g_autoptr(GError) error = NULL;

  if (!scc_application_check_settings (&error))
    {
      g_printerr ("sendcase: %s\n", error->message);
      return EXIT_FAILURE;
    }

  application = scc_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
