/* scd-ctl-user.c
 *
 * `sendcasectl user ...`: user administration from the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-ctl"

#include "config.h"

#include "scd-ctl.h"
#include "scd-ctl-commands.h"

int
scd_ctl_user_main (const char  *data_dir,
                   const char  *database,
                   int          argc,
                   char       **argv)
{
  return scd_ctl_fail (2, "user: not available yet");
}
