/* scd-ctl.h
 *
 * What the database subcommands of sendcasectl share: reaching the database
 * named by --database, or the embedded cluster of --data-dir whether or not
 * a daemon is running on it. A directory that holds no sendcase cluster is
 * refused, creating nothing, unless the command is the one that
 * initialises (`sendcasectl init`), so a mistyped --data-dir never grows a
 * cluster of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "scd-cluster.h"
#include "scd-sync.h"

G_BEGIN_DECLS

typedef struct
{
  ScdCluster *cluster;      /* nullable */
  char       *conninfo;
  gboolean    started_here; /* we started the cluster and must stop it */
  gboolean    daemon_running;
  GPid        daemon_pid;
} ScdCtlDb;

typedef enum
{
  SCD_CTL_DB_DEFAULT   = 0,
  /* create the data directory and its cluster if there is none yet */
  SCD_CTL_DB_INIT      = 1 << 0,
  /* create nothing, not even the application database */
  SCD_CTL_DB_READ_ONLY = 1 << 1,
} ScdCtlDbFlags;

/* With @database, uses it. Otherwise the cluster in @data_dir (default
 * directory if NULL): if a daemon holds it, its running cluster is used;
 * else the cluster is started for the command and stopped by close.
 * Without SCD_CTL_DB_INIT, a directory with no cluster fails as
 * scd_ctl_check_data_dir() says, before anything is created. Call close
 * whether or not open succeeded. */
gboolean scd_ctl_db_open_full  (ScdCtlDb       *db,
                                const char     *data_dir,
                                const char     *database,
                                ScdCtlDbFlags   flags,
                                GError        **error);
/* scd_ctl_db_open_full() with SCD_CTL_DB_DEFAULT. */
gboolean scd_ctl_db_open       (ScdCtlDb       *db,
                                const char     *data_dir,
                                const char     *database,
                                GError        **error);
void     scd_ctl_db_close      (ScdCtlDb       *db);

/* Opens the database as scd_ctl_db_open() does, applies the pending
 * migrations and returns the daemon's stores on one connection of their
 * own; NULL with @error. Free it with scd_sync_free() before closing @db,
 * which is to be closed either way. */
ScdSync *scd_ctl_open_stores  (ScdCtlDb      *db,
                               const char    *data_dir,
                               const char    *database,
                               GError       **error);

/* Whether @data_dir (the default directory if NULL) holds a sendcase
 * cluster (DIR/pgdata/PG_VERSION). If not, fails with SC_ERROR_NOT_FOUND
 * and a one-line message naming the directory and how to create one, or
 * SC_ERROR_FORBIDDEN when this user cannot look inside it. Reads only. */
gboolean scd_ctl_check_data_dir (const char    *data_dir,
                                 GError       **error);

/* Prints "sendcasectl: MESSAGE" on standard error; returns @status. */
int      scd_ctl_fail     (int          status,
                           const char  *format,
                           ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
