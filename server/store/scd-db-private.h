/* scd-db.h
 *
 * The daemon's database pool: a few non-blocking libpq connections driven by
 * GSources on the main context, so the main loop never waits on PostgreSQL.
 *
 * Two ways to use it:
 *   - scd_db_query_async(): one statement on whichever connection is free;
 *   - scd_db_acquire_async(): lease one connection for a transaction (several
 *     statements, BEGIN ... COMMIT), then scd_db_lease_release().
 *
 * Statements are prepared on each connection on first use and kept; callers
 * pass the SQL text itself (a static string) and its $n parameters as text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

#define SCD_TYPE_DB (scd_db_get_type ())

G_DECLARE_FINAL_TYPE (ScdDb, scd_db, SCD, DB, GObject)

typedef struct _ScdDbLease ScdDbLease;

/* @setup_sql: nullable; run once on every new connection (e.g. SET ROLE). */
ScdDb      *scd_db_new                 (const char          *conninfo,
                                        guint                size,
                                        const char          *setup_sql);
void        scd_db_start               (ScdDb               *self);
/* Fails queued and future work with SC_ERROR_UNAVAILABLE and closes every
 * connection not leased; leased ones close on release. */
void        scd_db_close               (ScdDb               *self);
/* TRUE while at least one connection is up. Notifies "available". */
gboolean    scd_db_get_available       (ScdDb               *self);
guint       scd_db_get_size            (ScdDb               *self);

void        scd_db_query_async         (ScdDb               *self,
                                        const char          *sql,
                                        const char * const  *params,
                                        guint                n_params,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* Returns: (transfer full): a result with status TUPLES_OK or COMMAND_OK;
 * any other outcome is a GError (SC_ERROR, mapped from SQLSTATE). */
PGresult   *scd_db_query_finish        (ScdDb               *self,
                                        GAsyncResult        *result,
                                        GError             **error);

void        scd_db_acquire_async       (ScdDb               *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
ScdDbLease *scd_db_acquire_finish      (ScdDb               *self,
                                        GAsyncResult        *result,
                                        GError             **error);

void        scd_db_lease_query_async   (ScdDbLease          *lease,
                                        const char          *sql,
                                        const char * const  *params,
                                        guint                n_params,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
PGresult   *scd_db_lease_query_finish  (ScdDbLease          *lease,
                                        GAsyncResult        *result,
                                        GError             **error);
/* Gives the connection back. An open transaction is rolled back first. */
void        scd_db_lease_release       (ScdDbLease          *lease);

/* Maps a failed result to an SC_ERROR (style.md 3.5). The PostgreSQL
 * message stays in the error's message (for the log); the problem sent to a
 * client says only what kind of failure it was. */
GError     *scd_db_error_from_result   (const PGresult      *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

G_END_DECLS

/* Statement parameters as text ($1, $2, ...); NULL entries are SQL NULL. */
typedef GPtrArray ScdParams;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScdParams, g_ptr_array_unref)

static inline ScdParams *
scd_params_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static inline void
scd_params_add (ScdParams  *params,
                const char *value)
{
  g_ptr_array_add (params, g_strdup (value));
}

static inline void
scd_params_add_int (ScdParams *params,
                    gint64     value)
{
  g_ptr_array_add (params, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static inline void
scd_params_add_bool (ScdParams *params,
                     gboolean   value)
{
  g_ptr_array_add (params, g_strdup (value ? "true" : "false"));
}

#define scd_params_values(p) ((const char * const *) (p)->pdata)

/* RFC 3339 UTC text of a timestamptz column, for SELECT lists. The pool
 * sets every session's time zone to UTC. */
#define SCD_SQL_TIMESTAMP(col) "to_char(" col ", 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
