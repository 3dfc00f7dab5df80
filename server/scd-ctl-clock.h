/* scd-ctl-clock.h
 *
 * The statutory-clock subcommands of sendcasectl: `timeline` (case history in,
 * milestones out, docs/statutory-clock.md) and `holidays YEAR`. They need no database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each takes the arguments after the subcommand name (argv[0] is the
 * subcommand) and returns the process exit status. */
int scd_ctl_timeline_main (int    argc,
                           char **argv);
int scd_ctl_holidays_main (int    argc,
                           char **argv);

G_END_DECLS
