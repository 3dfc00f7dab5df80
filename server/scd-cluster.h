/* scd-cluster.h
 *
 * The embedded PostgreSQL cluster: a private cluster in the data directory,
 * created on first use, reachable only through a Unix socket inside that
 * directory, owned by the process that locked the directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SCD_TYPE_CLUSTER (scd_cluster_get_type ())

G_DECLARE_FINAL_TYPE (ScdCluster, scd_cluster, SCD, CLUSTER, GObject)

ScdCluster *scd_cluster_new          (const char  *data_dir);
const char *scd_cluster_get_data_dir (ScdCluster  *self);

/* Takes the data directory's lock for this process. Fails with
 * SC_ERROR_CONFLICT, naming the holder, if another process has it. */
gboolean    scd_cluster_lock         (ScdCluster  *self,
                                      GError     **error);
/* Whether another process holds the lock (a running daemon). */
gboolean    scd_cluster_is_locked_elsewhere (ScdCluster *self,
                                      GPid        *holder);

/* Creates the cluster if needed and starts it (or adopts a postmaster
 * that an earlier, crashed daemon left running). Needs the lock. */
gboolean    scd_cluster_start        (ScdCluster  *self,
                                      GError     **error);
/* Stops the cluster if this object started or adopted it (and it is still
 * running: a postmaster that died is not an error here). */
gboolean    scd_cluster_stop         (ScdCluster  *self,
                                      GError     **error);
gboolean    scd_cluster_is_running   (ScdCluster  *self);
/* The pid of this cluster's postmaster if one is running now, else 0. */
GPid        scd_cluster_get_postmaster_pid (ScdCluster *self);
/* Starts the cluster again after its postmaster died, without blocking:
 * pg_ctl start -w runs as a subprocess. Needs an earlier successful
 * scd_cluster_start. Succeeds at once if a postmaster is running. */
void        scd_cluster_restart_async (ScdCluster          *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    scd_cluster_restart_finish (ScdCluster         *self,
                                       GAsyncResult        *result,
                                       GError             **error);
/* libpq connection string of the application database. */
char       *scd_cluster_dup_conninfo (ScdCluster  *self);

G_END_DECLS
