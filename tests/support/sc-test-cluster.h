/* sc-test-cluster.h
 *
 * A throwaway PostgreSQL cluster for tests: initdb in a fresh temporary
 * directory, started on a Unix socket only (no TCP), stopped and removed at
 * the end. Started as the `postgres` user when the tests run as root. Fast
 * settings (fsync off) are used: these clusters hold nothing worth keeping.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ScTestCluster ScTestCluster;

/* Creates and starts a cluster with one empty database "sendcase". */
ScTestCluster *sc_test_cluster_new          (GError       **error);
void           sc_test_cluster_free         (ScTestCluster *cluster);

/* libpq connection string for the database, e.g. "host=/tmp/x port=5432 ..." */
const char    *sc_test_cluster_get_conninfo (ScTestCluster *cluster);
/* The same for another database of the cluster, created on demand. */
char          *sc_test_cluster_create_database (ScTestCluster *cluster,
                                                const char    *name,
                                                GError       **error);
const char    *sc_test_cluster_get_dir      (ScTestCluster *cluster);

/* Fast stop (connections are cut) and start again on the same socket. */
gboolean       sc_test_cluster_stop         (ScTestCluster *cluster,
                                             GError       **error);
gboolean       sc_test_cluster_start        (ScTestCluster *cluster,
                                             GError       **error);

/* Runs one SQL command through psql as the cluster's superuser; returns its
 * standard output with the trailing newline removed, or NULL with @error. */
char          *sc_test_cluster_psql         (ScTestCluster *cluster,
                                             const char    *sql,
                                             GError       **error);

/* The same for a test: asserts that the command ran. */
char          *sc_test_psql                 (ScTestCluster *cluster,
                                             const char    *sql);
/* sc_test_psql() of the statement @format makes: for tests' own values only */
char          *sc_test_psqlf                (ScTestCluster *cluster,
                                             const char    *format,
                                             ...) G_GNUC_PRINTF (2, 3);

/* PostgreSQL's own log of the cluster: how long it is now, and what was
 * written since @offset (a length from before). */
gsize          sc_test_cluster_get_log_length (ScTestCluster *cluster);
char          *sc_test_cluster_dup_log_since  (ScTestCluster *cluster,
                                               gsize          offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScTestCluster, sc_test_cluster_free)

G_END_DECLS
