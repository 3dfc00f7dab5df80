/* scd-ctl-clock.c
 *
 * Placeholder until the clock engine lands: both subcommands report that they
 * are not available.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-ctl"

#include "config.h"

#include <stdio.h>

#include "scd-ctl-clock.h"

int
scd_ctl_timeline_main (int    argc,
                       char **argv)
{
  fprintf (stderr, "sendcasectl: timeline: not available in this build\n");
  return 2;
}

int
scd_ctl_holidays_main (int    argc,
                       char **argv)
{
  fprintf (stderr, "sendcasectl: holidays: not available in this build\n");
  return 2;
}
