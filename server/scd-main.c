/* scd-main.c
 *
 * sendcased: reads its settings and runs the daemon (scd-daemon.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <locale.h>

#include "scd-config.h"
#include "scd-daemon.h"
#include "scd-log.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(ScdConfig) config = scd_config_new ();
  g_autoptr(ScdDaemon) daemon = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exit_now = FALSE;

  setlocale (LC_ALL, "");
  scd_log_init ("sendcased");

  if (!scd_config_load (config, &argc, &argv, &exit_now, &error))
    {
      fprintf (stderr, "sendcased: %s\n", error->message);
      fprintf (stderr, "Try \"sendcased --help\" for more information.\n");
      return 2;
    }
  if (exit_now)
    return 0;

  daemon = scd_daemon_new (g_steal_pointer (&config));
  return scd_daemon_run (daemon);
}
