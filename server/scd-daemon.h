/* scd-daemon.h
 *
 * sendcased as a whole: start-up (embedded cluster or an existing server,
 * migrations, pool, listener), serving, and an orderly shutdown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "scd-config.h"

G_BEGIN_DECLS

#define SCD_TYPE_DAEMON (scd_daemon_get_type ())

G_DECLARE_FINAL_TYPE (ScdDaemon, scd_daemon, SCD, DAEMON, GObject)

/* @config: (transfer full) */
ScdDaemon *scd_daemon_new   (ScdConfig  *config);
/* Runs until SIGTERM/SIGINT; returns the process exit status. Start-up
 * failures are printed as one line on standard error. */
int        scd_daemon_run   (ScdDaemon  *self);

G_END_DECLS
