/* scd-institution-store.c
 *
 * The institution directory (scd-institution-store.h). An import batch
 * travels as one JSON list, unpacked by json_to_recordset; its upsert
 * changes a row only when one of its columns differs, so importing the
 * same file again changes nothing and writes no audit ids.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-institution-store"

#include "config.h"

#include "sc-problem.h"
#include "scd-institution-store.h"
#include "scd-store-private.h"

struct _ScdInstitutionStore
{
  ScdStore parent_instance;
};

G_DEFINE_FINAL_TYPE (ScdInstitutionStore, scd_institution_store, SCD_TYPE_STORE)

#define INSTITUTION_DATA \
  "ukprn, la_code, la_name, establishment_number, name, type, type_group, status, phase, open_date, close_date," \
  " street, town, postcode, low_age, high_age"
#define EXCLUDED(column) column " = EXCLUDED." column

/* $2 the batch */
static const char import_sql[] =
  "WITH i AS (SELECT * FROM json_to_recordset($2::json) AS x (urn integer, ukprn integer, la_code text,"
  "             la_name text, establishment_number text, name text, type text, type_group text, status text,"
  "             phase text, open_date date, close_date date, street text, town text, postcode text,"
  "             low_age smallint, high_age smallint)),"
  " old AS (SELECT n.urn, n.status FROM institution n JOIN i ON i.urn = n.urn),"
  " up AS (INSERT INTO institution AS n (urn, " INSTITUTION_DATA ")"
  "        SELECT urn, " INSTITUTION_DATA " FROM i"
  "        ON CONFLICT (urn) DO UPDATE SET " EXCLUDED ("ukprn") ", " EXCLUDED ("la_code") ", " EXCLUDED ("la_name") ","
  "          " EXCLUDED ("establishment_number") ", " EXCLUDED ("name") ", " EXCLUDED ("type") ","
  "          " EXCLUDED ("type_group") ", " EXCLUDED ("status") ", " EXCLUDED ("phase") ", " EXCLUDED ("open_date") ","
  "          " EXCLUDED ("close_date") ", " EXCLUDED ("street") ", " EXCLUDED ("town") ", " EXCLUDED ("postcode") ","
  "          " EXCLUDED ("low_age") ", " EXCLUDED ("high_age") ", updated_at = now()"
  "        WHERE (n.ukprn, n.la_code, n.la_name, n.establishment_number, n.name, n.type, n.type_group, n.status,"
  "          n.phase, n.open_date, n.close_date, n.street, n.town, n.postcode, n.low_age, n.high_age) IS DISTINCT FROM (EXCLUDED.ukprn, EXCLUDED.la_code, EXCLUDED.la_name,"
  "          EXCLUDED.establishment_number, EXCLUDED.name, EXCLUDED.type, EXCLUDED.type_group, EXCLUDED.status,"
  "          EXCLUDED.phase, EXCLUDED.open_date, EXCLUDED.close_date, EXCLUDED.street, EXCLUDED.town,"
  "          EXCLUDED.postcode, EXCLUDED.low_age, EXCLUDED.high_age)"
  "        RETURNING n.urn, (xmax = 0) AS added, n.status),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_ids)"
  "           SELECT $1, 'success', array(SELECT urn::text FROM up ORDER BY urn))"
  "SELECT (SELECT count(*) FROM up WHERE added) AS added, (SELECT count(*) FROM up WHERE NOT added) AS updated,"
  " (SELECT count(*) FROM i) - (SELECT count(*) FROM up) AS unchanged,"
  " (SELECT count(*) FROM up LEFT JOIN old ON old.urn = up.urn WHERE up.status ILIKE 'closed%'"
  "    AND (old.status IS NULL OR old.status NOT ILIKE 'closed%')) AS closed";

#define INSTITUTION_COLUMNS \
  "n.urn, n.ukprn, n.la_code, n.la_name, n.establishment_number, n.name, n.type, n.type_group, n.status, n.phase," \
  " to_char(n.open_date, 'YYYY-MM-DD') AS open_date, to_char(n.close_date, 'YYYY-MM-DD') AS close_date," \
  " n.street, n.town, n.postcode, n.low_age, n.high_age"

/* $2 the words, URN or postcode start (NULL: any), $3 the phase, $4 the
 * local authority, $5 open only, $6 the cursor's URN, $7 the limit. Open:
 * neither closed nor yet to open. */
static const char search_sql[] =
  "WITH q AS (SELECT lower($2::text) AS text, upper(replace($2::text, ' ', '')) AS postcode,"
  "                  array(SELECT w FROM unnest(string_to_array(lower($2), ' ')) w WHERE w <> '') AS words),"
  " page AS (SELECT n.* FROM institution n, q"
  "   WHERE ($2::text IS NULL OR n.urn::text = q.text OR starts_with(n.search_postcode, q.postcode)"
  "          OR (cardinality(q.words) > 0"
  "              AND NOT EXISTS (SELECT 1 FROM unnest(q.words) w WHERE position(w IN n.search_name) = 0)))"
  "     AND ($3::text IS NULL OR lower(n.phase) = lower($3::text))"
  "     AND ($4::text IS NULL OR n.la_code = $4::text OR lower(n.la_name) = lower($4::text))"
  "     AND (NOT $5::boolean OR (n.status NOT ILIKE 'closed%' AND n.status NOT ILIKE 'proposed to open%'))"
  "     AND ($6::integer = 0 OR (n.search_name, n.urn) >"
  "          (SELECT c.search_name, c.urn FROM institution c WHERE c.urn = $6::integer))"
  "   ORDER BY n.search_name, n.urn LIMIT $7::integer + 1),"
  " audit AS (INSERT INTO audit_entry (actor, outcome) SELECT $1, 'success')"
  "SELECT " INSTITUTION_COLUMNS ", n.urn::text AS cursor FROM page n ORDER BY n.search_name, n.urn";

static const char get_sql[] =
  "WITH n AS (SELECT * FROM institution WHERE urn = $2::integer),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', urn::text FROM n)"
  "SELECT " INSTITUTION_COLUMNS " FROM n";

/* The same for a route that audits what it does with it ($1 unused) */
static const char lookup_sql[] =
  "WITH n AS (SELECT * FROM institution WHERE urn = $2::integer AND $1::jsonb IS NOT NULL)"
  "SELECT " INSTITUTION_COLUMNS " FROM n";

static int
age_column (const PGresult *pg,
            int             row,
            const char     *column)
{
  return scd_pg_string (pg, row, scd_pg_column (pg, column)) != NULL
         ? (int) scd_pg_int (pg, row, scd_pg_column (pg, column)) : -1;
}

static ScInstitution *
institution_from_row (const PGresult *pg,
                      int             row)
{
  ScInstitution *institution = sc_institution_new ();

  institution->urn = scd_pg_int (pg, row, scd_pg_column (pg, "urn"));
  institution->ukprn = scd_pg_string (pg, row, scd_pg_column (pg, "ukprn")) != NULL
                       ? scd_pg_int (pg, row, scd_pg_column (pg, "ukprn")) : 0;
  g_free (institution->name);
  institution->name = scd_pg_dup (pg, row, "name");
  institution->la_code = scd_pg_dup (pg, row, "la_code");
  institution->la_name = scd_pg_dup (pg, row, "la_name");
  institution->establishment_number = scd_pg_dup (pg, row, "establishment_number");
  institution->type = scd_pg_dup (pg, row, "type");
  institution->type_group = scd_pg_dup (pg, row, "type_group");
  institution->status = scd_pg_dup (pg, row, "status");
  institution->phase = scd_pg_dup (pg, row, "phase");
  institution->open_date = scd_pg_day (pg, row, scd_pg_column (pg, "open_date"));
  institution->close_date = scd_pg_day (pg, row, scd_pg_column (pg, "close_date"));
  institution->street = scd_pg_dup (pg, row, "street");
  institution->town = scd_pg_dup (pg, row, "town");
  institution->postcode = scd_pg_dup (pg, row, "postcode");
  institution->low_age = age_column (pg, row, "low_age");
  institution->high_age = age_column (pg, row, "high_age");
  return institution;
}

typedef struct
{
  gint64               urn;
  guint                limit;
  ScdInstitutionCounts counts;
} Ask;

static GTask *
task_new (ScdInstitutionStore *self,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, source_tag);

  g_task_set_task_data (task, g_new0 (Ask, 1), g_free);
  return task;
}

static gpointer
decode_import (PGresult  *pg,
               GTask     *task,
               GError   **error)
{
  Ask *ask = g_task_get_task_data (task);

  ask->counts.added = (guint) scd_pg_int (pg, 0, scd_pg_column (pg, "added"));
  ask->counts.updated = (guint) scd_pg_int (pg, 0, scd_pg_column (pg, "updated"));
  ask->counts.unchanged = (guint) scd_pg_int (pg, 0, scd_pg_column (pg, "unchanged"));
  ask->counts.closed = (guint) scd_pg_int (pg, 0, scd_pg_column (pg, "closed"));
  return GINT_TO_POINTER (TRUE);
}

static gpointer
decode_search (PGresult  *pg,
               GTask     *task,
               GError   **error)
{
  Ask *ask = g_task_get_task_data (task);

  return scd_page_new_rows (pg, ask->limit, "cursor", (GDestroyNotify) sc_institution_free, (ScdRowFunc) institution_from_row);
}

static gpointer
decode_get (PGresult  *pg,
            GTask     *task,
            GError   **error)
{
  Ask *ask = g_task_get_task_data (task);

  if (PQntuples (pg) == 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_NOT_FOUND, "no institution with URN %" G_GINT64_FORMAT, ask->urn);
      sc_error_take_problem (*error, sc_problem_new (SC_ERROR_NOT_FOUND, (*error)->message));
      return NULL;
    }
  return institution_from_row (pg, 0);
}

ScdInstitutionStore *
scd_institution_store_new (ScdDb *db)
{
  g_return_val_if_fail (SCD_IS_DB (db), NULL);
  return g_object_new (SCD_TYPE_INSTITUTION_STORE, "db", db, NULL);
}

void
scd_institution_store_import_async (ScdInstitutionStore *self,
                                    const ScdActor      *actor,
                                    GPtrArray           *institutions,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_institution_store_import_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);
  GString *batch = g_string_sized_new (256 * institutions->len + 2);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, batch);
  sc_json_writer_begin_array (&writer);
  for (guint i = 0; i < institutions->len; i++)
    sc_institution_write_json (g_ptr_array_index (institutions, i), &writer);
  sc_json_writer_end_array (&writer);
  scd_params_add (params, batch->str);
  g_string_free (batch, TRUE);
  scd_store_run (SCD_STORE (self), import_sql, params, decode_import, NULL, task);
}

gboolean
scd_institution_store_import_finish (ScdInstitutionStore   *self,
                                     GAsyncResult          *result,
                                     ScdInstitutionCounts  *counts,
                                     GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  *counts = ((Ask *) g_task_get_task_data (G_TASK (result)))->counts;
  return g_task_propagate_pointer (G_TASK (result), error) != NULL;
}

void
scd_institution_store_search_async (ScdInstitutionStore       *self,
                                    const ScdActor            *actor,
                                    const ScdInstitutionQuery *query,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_institution_store_search_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);

  g_return_if_fail (query->limit > 0);

  ((Ask *) g_task_get_task_data (task))->limit = query->limit;
  scd_params_add (params, query->query != NULL && query->query[0] != '\0' ? query->query : NULL);
  scd_params_add (params, query->phase);
  scd_params_add (params, query->la);
  scd_params_add_bool (params, query->open_only);
  scd_params_add_int (params, query->after_urn);
  scd_params_add_int (params, query->limit);
  scd_store_run (SCD_STORE (self), search_sql, params, decode_search, scd_page_free, task);
}

GPtrArray *
scd_institution_store_search_finish (ScdInstitutionStore  *self,
                                     GAsyncResult         *result,
                                     char                **next_cursor,
                                     GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return scd_page_finish (result, next_cursor, error);
}

void
scd_institution_store_get_async (ScdInstitutionStore *self,
                                 const ScdActor      *actor,
                                 gint64               urn,
                                 gboolean             audited,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = task_new (self, cancellable, callback, user_data, scd_institution_store_get_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);

  ((Ask *) g_task_get_task_data (task))->urn = urn;
  scd_params_add_int (params, urn);
  scd_store_run (SCD_STORE (self), audited ? get_sql : lookup_sql, params, decode_get,
                 (GDestroyNotify) sc_institution_free, task);
}

ScInstitution *
scd_institution_store_get_finish (ScdInstitutionStore  *self,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
scd_institution_store_class_init (ScdInstitutionStoreClass *klass)
{
}

static void
scd_institution_store_init (ScdInstitutionStore *self)
{
}
