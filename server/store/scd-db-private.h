/* scd-db-private.h
 *
 * The pool's statement API, for the stores under server/store/ only: it
 * hands out libpq results, and the libraries above the stores are built
 * without libpq's headers, so including this there does not compile.
 *
 * Two ways to run SQL:
 *   - scd_db_query_async(): one statement on whichever connection is free;
 *   - scd_db_acquire_async(): lease one connection for a transaction (several
 *     statements, BEGIN ... COMMIT), then scd_db_lease_release().
 *
 * Statements are prepared on each connection on first use and kept; callers
 * pass the SQL text itself (a static string) and its $n parameters as text.
 * Results are decoded by column name (scd_pg_*), once, into models.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpq-fe.h>

#include "sc-calendar.h"
#include "scd-db.h"

G_BEGIN_DECLS

typedef struct _ScdDbLease ScdDbLease;

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

/* Maps a failed result to an SC_ERROR (style.md 3.5). Only PostgreSQL's
 * primary message is kept (for the log): its DETAIL can quote a refused
 * row, secrets and all. The problem sent to a client says only what kind of
 * failure it was. */
GError     *scd_db_error_from_result   (const PGresult      *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* --- decoding rows ------------------------------------------------------ */

/* The column named @name; a statement that lacks it is a bug. */
int         scd_pg_column              (const PGresult      *result,
                                        const char          *name);
/* The column named @name, or -1 when the statement does not select it. */
int         scd_pg_column_optional     (const PGresult      *result,
                                        const char          *name);
/* A NULL value reads as NULL, 0 or FALSE; a column of -1 likewise. */
const char *scd_pg_string              (const PGresult      *result,
                                        int                  row,
                                        int                  column);
gint64      scd_pg_int                 (const PGresult      *result,
                                        int                  row,
                                        int                  column);
gboolean    scd_pg_bool                (const PGresult      *result,
                                        int                  row,
                                        int                  column);
/* The text of the column named @name, copied; NULL for SQL NULL */
char       *scd_pg_dup                 (const PGresult      *result,
                                        int                  row,
                                        const char          *name);
/* A "YYYY-MM-DD" text column (to_char) as a day; SC_DAY_NONE for NULL */
ScDay       scd_pg_day                 (const PGresult      *result,
                                        int                  row,
                                        int                  column);
/* A text[] column as a NULL-terminated vector; NULL for SQL NULL. */
GStrv       scd_pg_strv                (const PGresult      *result,
                                        int                  row,
                                        int                  column);

/* A timestamptz as Unix microseconds (bigint), for SELECT lists: decoded
 * with scd_pg_int. */
#define SCD_SQL_USEC(expr) "(extract(epoch FROM " expr ") * 1000000)::bigint"

G_END_DECLS

/* --- parameters --------------------------------------------------------- */

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

/* 0 is SQL NULL: ids and versions start at 1 */
static inline void
scd_params_add_id (ScdParams *params,
                   gint64     value)
{
  g_ptr_array_add (params, value > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : NULL);
}

/* "YYYY-MM-DD"; SC_DAY_NONE is SQL NULL */
static inline void
scd_params_add_day (ScdParams *params,
                    ScDay      day)
{
  char text[SC_DAY_STRING_SIZE];

  g_ptr_array_add (params, day != SC_DAY_NONE ? g_strdup (sc_day_format (day, text)) : NULL);
}

static inline void
scd_params_add_bool (ScdParams *params,
                     gboolean   value)
{
  g_ptr_array_add (params, g_strdup (value ? "true" : "false"));
}

#define scd_params_values(p) ((const char * const *) (p)->pdata)
