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
#include "scd-band-mapping-private.h"
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

/* $2 pending only, $3 $4 the cursor (authority code, their code), $5 the
 * limit: undecided first, then by authority and code */
static const char mappings_sql[] =
  "WITH m AS (SELECT * FROM band_mapping m WHERE (NOT $2::boolean OR m.our_code IS NULL)"
  "             AND ($3::text IS NULL OR (m.authority_code, m.their_code) > ($3::text, $4::text))"
  "           ORDER BY m.authority_code, m.their_code LIMIT $5::integer + 1),"
  " audit AS (INSERT INTO audit_entry (actor, outcome) VALUES ($1, 'success'))"
  "SELECT " SCD_BAND_MAPPING_COLUMNS ("m") ", m.authority_code || '.' || m.their_code AS cursor"
  " FROM m ORDER BY m.authority_code, m.their_code";

/* $2 $3 the mapping, $4 our band, $5 the version read, $6 the actor's id.
 * The drafts of the transfers that waited on it take our band in section
 * I, if it names none yet. */
static const char decide_sql[] =
  "WITH b AS (SELECT code FROM funding_band WHERE code = $4),"
  " upd AS (UPDATE band_mapping m SET our_code = $4, decided_by = $6::bigint, decided_at = now(),"
  "           version = m.version + 1"
  "         FROM b WHERE m.authority_code = $2 AND m.their_code = $3 AND m.version = $5::integer"
  "         RETURNING m.*),"
  " waiting AS (SELECT t.case_id FROM case_transfer t, upd"
  "             WHERE t.authority_code = upd.authority_code AND t.band_code = upd.their_code),"
  " drafts AS (UPDATE plan_section s"
  "            SET content = (s.content::jsonb || jsonb_build_object('funding_band', $4::text))::json,"
  "                version = s.version + 1, updated_by = $6::bigint, updated_at = now()"
  "            FROM waiting w WHERE s.case_id = w.case_id AND s.section = 'i'"
  "              AND s.content::jsonb->>'funding_band' IS NULL"
  "            RETURNING s.case_id),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id, resource_ids)"
  "           SELECT $1, 'success', upd.authority_code || '.' || upd.their_code,"
  "                  CASE WHEN EXISTS (SELECT 1 FROM drafts)"
  "                       THEN array(SELECT case_id::text FROM drafts ORDER BY case_id) END FROM upd)"
  "SELECT EXISTS (SELECT 1 FROM b) AS band_ok,"
  " (SELECT cur.version FROM band_mapping cur WHERE cur.authority_code = $2 AND cur.their_code = $3) AS current,"
  " (SELECT count(*) FROM drafts) AS drafts, " SCD_BAND_MAPPING_COLUMNS ("m")
  " FROM (SELECT 1) one LEFT JOIN upd m ON true";

ScBandMapping *
_scd_band_mapping_from_row (const PGresult *pg,
                            int             row)
{
  ScBandMapping *mapping;

  if (scd_pg_string (pg, row, scd_pg_column (pg, "bm_their_code")) == NULL)
    return NULL;
  mapping = sc_band_mapping_new ();
  mapping->authority_code = scd_pg_dup (pg, row, "bm_authority_code");
  mapping->authority_name = scd_pg_dup (pg, row, "bm_authority_name");
  mapping->their_code = scd_pg_dup (pg, row, "bm_their_code");
  mapping->their_description = scd_pg_dup (pg, row, "bm_their_description");
  mapping->their_amount = scd_pg_int (pg, row, scd_pg_column (pg, "bm_their_amount"));
  mapping->our_code = scd_pg_dup (pg, row, "bm_our_code");
  mapping->suggested_code = scd_pg_dup (pg, row, "bm_suggested_code");
  mapping->suggested_by = scd_pg_dup (pg, row, "bm_suggested_by");
  mapping->decided_by = scd_pg_dup (pg, row, "bm_decided_by");
  if (scd_pg_string (pg, row, scd_pg_column (pg, "bm_decided_at")) != NULL)
    mapping->decided_at = scd_pg_int (pg, row, scd_pg_column (pg, "bm_decided_at"));
  mapping->waiting = scd_pg_int (pg, row, scd_pg_column (pg, "bm_waiting"));
  mapping->version = scd_pg_int (pg, row, scd_pg_column (pg, "bm_version"));
  return mapping;
}

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
  char   *authority;
  guint   limit;
  gint64  current;
} Ask;

static void
ask_free (Ask *ask)
{
  g_free (ask->code);
  g_free (ask->authority);
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

  return scd_page_new_rows (pg, ask->limit, "cursor", (GDestroyNotify) sc_funding_band_free, (ScdRowFunc) band_from_row);
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

/* --- the mappings of other authorities' bands ---------------------------- */

static gpointer
decode_mappings (PGresult  *pg,
                 GTask     *task,
                 GError   **error)
{
  Ask *ask = g_task_get_task_data (task);

  return scd_page_new_rows (pg, ask->limit, "cursor", (GDestroyNotify) sc_band_mapping_free, (ScdRowFunc) _scd_band_mapping_from_row);
}

void
scd_funding_band_store_list_mappings_async (ScdFundingBandStore *self,
                                            const ScdActor      *actor,
                                            gboolean             pending,
                                            const char          *after,
                                            guint                limit,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_funding_band_store_list_mappings_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);
  g_auto(GStrv) cursor = after != NULL ? g_strsplit (after, ".", 2) : NULL;

  ((Ask *) g_task_get_task_data (task))->limit = limit;
  scd_params_add (params, pending ? "true" : "false");
  scd_params_add (params, cursor != NULL ? cursor[0] : NULL);
  scd_params_add (params, cursor != NULL ? cursor[1] : NULL);
  scd_params_add_int (params, limit);
  scd_store_run (SCD_STORE (self), mappings_sql, params, decode_mappings, scd_page_free, task);
}

GPtrArray *
scd_funding_band_store_list_mappings_finish (ScdFundingBandStore  *self,
                                             GAsyncResult         *result,
                                             char                **next_cursor,
                                             GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return scd_page_finish (result, next_cursor, error);
}

static gpointer
decode_decide (PGresult  *pg,
               GTask     *task,
               GError   **error)
{
  Ask *ask = g_task_get_task_data (task);
  ScBandMapping *mapping = _scd_band_mapping_from_row (pg, 0);

  if (mapping != NULL)
    return mapping;
  ask->current = scd_pg_string (pg, 0, scd_pg_column (pg, "current")) != NULL
                 ? scd_pg_int (pg, 0, scd_pg_column (pg, "current")) : 0;
  if (!scd_pg_bool (pg, 0, scd_pg_column (pg, "band_ok")))
    {
      sc_set_field_error (error, "our_code", "is not one of our bands");
      return NULL;
    }
  if (ask->current == 0)
    g_set_error (error, SC_ERROR, SC_ERROR_NOT_FOUND, "no band %s of authority %s awaits a mapping",
                 ask->code, ask->authority);
  else
    g_set_error (error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED,
                 "the mapping of band %s of authority %s is at version %" G_GINT64_FORMAT
                 ": someone else decided it; read it again", ask->code, ask->authority, ask->current);
  sc_error_take_problem (*error, sc_problem_new ((*error)->code, (*error)->message));
  return NULL;
}

void
scd_funding_band_store_decide_mapping_async (ScdFundingBandStore *self,
                                             const ScdActor      *actor,
                                             const char          *authority_code,
                                             const char          *their_code,
                                             const char          *our_code,
                                             gint64               if_match,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_funding_band_store_decide_mapping_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);
  Ask *ask = g_task_get_task_data (task);

  ask->code = g_strdup (their_code);
  ask->authority = g_strdup (authority_code);
  scd_params_add (params, authority_code);
  scd_params_add (params, their_code);
  scd_params_add (params, our_code);
  scd_params_add_int (params, if_match);
  scd_params_add_int (params, scd_actor_get_user_id (actor));
  scd_store_run (SCD_STORE (self), decide_sql, params, decode_decide, (GDestroyNotify) sc_band_mapping_free, task);
}

ScBandMapping *
scd_funding_band_store_decide_mapping_finish (ScdFundingBandStore  *self,
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
