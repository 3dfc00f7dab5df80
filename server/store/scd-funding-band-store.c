/* scd-funding-band-store.c
 *
 * The funding bands, each read and write one statement with its audit
 * row. A band is written at the version it was read at, as a record of a
 * case is: a new one with If-None-Match: * (version 0), a change with
 * If-Match; its code is never changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-funding-band-store"

#include "config.h"

#include "sc-problem.h"
#include "scd-funding-band-store.h"
#include "scd-store-private.h"

struct _ScdFundingBandStore
{
  ScdStore parent_instance;
};

G_DEFINE_FINAL_TYPE (ScdFundingBandStore, scd_funding_band_store, SCD_TYPE_STORE)

#define BAND_COLUMNS \
  "b.code, b.description, b.annual_amount, to_char(b.valid_from, 'YYYY-MM-DD') AS valid_from," \
  " to_char(b.valid_to, 'YYYY-MM-DD') AS valid_to, b.version"

/* $2 the cursor (the last code shown), $3 the limit */
static const char list_sql[] =
  "WITH b AS (SELECT * FROM funding_band WHERE $2::text IS NULL OR code > $2::text ORDER BY code"
  "           LIMIT $3::integer + 1),"
  " audit AS (INSERT INTO audit_entry (actor, outcome) VALUES ($1, 'success'))"
  "SELECT " BAND_COLUMNS ", b.code AS cursor FROM b ORDER BY b.code";

/* $2 the code, $3 .. $6 the band, $7 the version it was read at */
static const char put_sql[] =
  "WITH upd AS (UPDATE funding_band b SET description = $3, annual_amount = $4::bigint, valid_from = $5::date,"
  "               valid_to = $6::date, version = b.version + 1,"
  "               updated_by = ($1::jsonb->>'user_id')::bigint, updated_at = now()"
  "             WHERE $7::integer > 0 AND b.code = $2 AND b.version = $7::integer RETURNING b.*),"
  " ins AS (INSERT INTO funding_band (code, description, annual_amount, valid_from, valid_to, updated_by)"
  "         SELECT $2, $3, $4::bigint, $5::date, $6::date, ($1::jsonb->>'user_id')::bigint WHERE $7::integer = 0"
  "         ON CONFLICT (code) DO NOTHING RETURNING *),"
  " w AS (SELECT * FROM upd UNION ALL SELECT * FROM ins),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', code FROM w)"
  "SELECT " BAND_COLUMNS ", (SELECT cur.version FROM funding_band cur WHERE cur.code = $2) AS current"
  " FROM (SELECT 1) one LEFT JOIN w b ON true";

static ScFundingBand *
band_from_row (const PGresult *pg,
               int             row)
{
  ScFundingBand *band = sc_funding_band_new ();

  band->code = scd_pg_dup (pg, row, "code");
  band->description = scd_pg_dup (pg, row, "description");
  band->annual_amount = scd_pg_int (pg, row, scd_pg_column (pg, "annual_amount"));
  band->valid_from = scd_pg_day (pg, row, scd_pg_column (pg, "valid_from"));
  band->valid_to = scd_pg_day (pg, row, scd_pg_column (pg, "valid_to"));
  band->version = scd_pg_int (pg, row, scd_pg_column (pg, "version"));
  return band;
}

typedef struct
{
  char   *code;
  guint   limit;
  gint64  current;
} Ask;

static void
ask_free (Ask *ask)
{
  g_free (ask->code);
  g_free (ask);
}

static GTask *
task_new (ScdFundingBandStore *self,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, source_tag);

  g_task_set_task_data (task, g_new0 (Ask, 1), (GDestroyNotify) ask_free);
  return task;
}

static gpointer
decode_list (PGresult  *pg,
             GTask     *task,
             GError   **error)
{
  Ask *ask = g_task_get_task_data (task);
  ScdPage *page;
  guint n;

  page = scd_page_new (pg, ask->limit, scd_pg_column (pg, "cursor"), &n);
  g_ptr_array_set_free_func (page->items, (GDestroyNotify) sc_funding_band_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (page->items, band_from_row (pg, (int) i));
  return page;
}

static gpointer
decode_put (PGresult  *pg,
            GTask     *task,
            GError   **error)
{
  Ask *ask = g_task_get_task_data (task);

  if (scd_pg_string (pg, 0, scd_pg_column (pg, "code")) != NULL)
    return band_from_row (pg, 0);
  ask->current = scd_pg_string (pg, 0, scd_pg_column (pg, "current")) != NULL
                 ? scd_pg_int (pg, 0, scd_pg_column (pg, "current")) : 0;
  if (ask->current == 0)
    g_set_error (error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED,
                 "there is no band %s yet: create it with If-None-Match: *", ask->code);
  else
    g_set_error (error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED,
                 "band %s is at version %" G_GINT64_FORMAT ": someone else changed it, or it exists already; "
                 "read it again and make your change", ask->code, ask->current);
  sc_error_take_problem (*error, sc_problem_new (SC_ERROR_PRECONDITION_FAILED, (*error)->message));
  return NULL;
}

ScdFundingBandStore *
scd_funding_band_store_new (ScdDb *db)
{
  g_return_val_if_fail (SCD_IS_DB (db), NULL);
  return g_object_new (SCD_TYPE_FUNDING_BAND_STORE, "db", db, NULL);
}

void
scd_funding_band_store_list_async (ScdFundingBandStore *self,
                                   const ScdActor      *actor,
                                   const char          *after,
                                   guint                limit,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_funding_band_store_list_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);

  ((Ask *) g_task_get_task_data (task))->limit = limit;
  scd_params_add (params, after);
  scd_params_add_int (params, limit);
  scd_store_run (SCD_STORE (self), list_sql, params, decode_list, scd_page_free, task);
}

GPtrArray *
scd_funding_band_store_list_finish (ScdFundingBandStore  *self,
                                    GAsyncResult         *result,
                                    char                **next_cursor,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return scd_page_finish (result, next_cursor, error);
}

void
scd_funding_band_store_put_async (ScdFundingBandStore *self,
                                  const ScdActor      *actor,
                                  const ScFundingBand *band,
                                  gint64               if_match,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_funding_band_store_put_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);
  char from[SC_DAY_STRING_SIZE], to[SC_DAY_STRING_SIZE];

  ((Ask *) g_task_get_task_data (task))->code = g_strdup (band->code);
  scd_params_add (params, band->code);
  scd_params_add (params, band->description);
  scd_params_add_int (params, band->annual_amount);
  scd_params_add (params, sc_day_format (band->valid_from, from));
  scd_params_add (params, band->valid_to != SC_DAY_NONE ? sc_day_format (band->valid_to, to) : NULL);
  scd_params_add_int (params, if_match);
  scd_store_run (SCD_STORE (self), put_sql, params, decode_put, (GDestroyNotify) sc_funding_band_free, task);
}

ScFundingBand *
scd_funding_band_store_put_finish (ScdFundingBandStore  *self,
                                   GAsyncResult         *result,
                                   gint64               *current,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  if (current != NULL)
    *current = ((Ask *) g_task_get_task_data (G_TASK (result)))->current;
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
scd_funding_band_store_class_init (ScdFundingBandStoreClass *klass)
{
}

static void
scd_funding_band_store_init (ScdFundingBandStore *self)
{
}
