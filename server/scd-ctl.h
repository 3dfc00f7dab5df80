/* scd-ctl.h
 *
 * What the database subcommands of sendcasectl share: reaching the database
 * named by --database, or the embedded cluster of --data-dir whether or not
 * a daemon is running on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "scd-cluster.h"

G_BEGIN_DECLS

typedef struct
{
  ScdCluster *cluster;      /* nullable */
  char       *conninfo;
  gboolean    started_here; /* we started the cluster and must stop it */
  gboolean    daemon_running;
  GPid        daemon_pid;
} ScdCtlDb;

/* With @database, uses it. Otherwise the cluster in @data_dir (default
 * directory if NULL): if a daemon holds it, its running cluster is used;
 * else the cluster is started for the command and stopped by close. */
gboolean scd_ctl_db_open  (ScdCtlDb    *db,
                           const char  *data_dir,
                           const char  *database,
                           GError     **error);
void     scd_ctl_db_close (ScdCtlDb    *db);

/* Prints "sendcasectl: MESSAGE" on standard error; returns @status. */
int      scd_ctl_fail     (int          status,
                           const char  *format,
                           ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
