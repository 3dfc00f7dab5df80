/* scd-dispute-store.c
 *
 * The team's view across its disputes (scd-dispute-store.h): one list of
 * the open complaints, mediations and appeals, each seen as its own list
 * sees it (an appeal's next due and status from the view appeal_state);
 * and one row of counts, each a column named KIND_MEASURE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-dispute-store"

#include "config.h"

#include "sc-problem.h"
#include "scd-case-store-private.h"
#include "scd-dispute-store.h"

struct _ScdDisputeStore
{
  ScdStore parent_instance;
};

G_DEFINE_FINAL_TYPE (ScdDisputeStore, scd_dispute_store, SCD_TYPE_STORE)

#define VISIBLE SCD_CASE_VISIBLE ("c", "$2", "$3")
#define DUE_KEY "coalesce(d.next_due, DATE '9999-12-31')"
/* $4 $5 $6 the cursor (due, kind, id), $7 the limit, $8 the case (NULL:
 * every case's, and the service's), $9 the status (NULL: either) */
#define CHOSEN(status, case_id) \
  " (" status " = $9 OR $9 IS NULL) AND ($8::bigint IS NULL OR " case_id " = $8::bigint) AND "
static const char list_sql[] =
  "WITH d AS (SELECT 'complaint'::text AS kind, k.id, k.case_id, k.reference, k.next_due, k.status FROM complaint k"
  "           LEFT JOIN ehc_case c ON c.id = k.case_id"
  "           WHERE " CHOSEN ("k.status", "k.case_id")
  "             ((k.case_id IS NULL AND $3 <> 'caseworker') OR (c.id IS NOT NULL AND " VISIBLE "))"
  "           UNION ALL"
  "           SELECT 'mediation', m.id, m.case_id, NULL, m.next_due, m.status FROM mediation m"
  "           JOIN ehc_case c ON c.id = m.case_id WHERE " CHOSEN ("m.status", "m.case_id") VISIBLE
  "           UNION ALL"
  "           SELECT 'appeal', a.id, a.case_id, a.reference, st.next_due, st.status FROM appeal a"
  "           JOIN appeal_state st ON st.id = a.id JOIN ehc_case c ON c.id = a.case_id"
  "           WHERE " CHOSEN ("st.status", "a.case_id") VISIBLE "),"
  " page AS (SELECT d.* FROM d"
  "          WHERE ($4::date IS NULL OR (" DUE_KEY ", d.kind, d.id) > ($4::date, $5::text, $6::bigint))"
  "          ORDER BY " DUE_KEY ", d.kind, d.id LIMIT $7::integer + 1),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_ids)"
  "           SELECT $1, 'success', coalesce(array_agg(l.kind || '/' || l.id), '{}')"
  "           FROM (SELECT d.kind, d.id FROM page d ORDER BY " DUE_KEY ", d.kind, d.id LIMIT $7::integer) l)"
  "SELECT d.kind, d.id, d.case_id, d.reference, d.status, p.given_name, p.family_name,"
  " to_char(d.next_due, 'YYYY-MM-DD') AS next_due,"
  " to_char(" DUE_KEY ", 'YYYY-MM-DD') || '.' || d.kind || '.' || d.id AS cursor"
  " FROM page d LEFT JOIN ehc_case c ON c.id = d.case_id LEFT JOIN person p ON p.id = c.person_id"
  " ORDER BY " DUE_KEY ", d.kind, d.id";

/* $2 the year. Complaints count by the day each stage came, their
 * outcomes with them; appeals' outcomes by the day they were decided */
#define YEAR_OF(expr) "extract(year FROM " expr ") = $2::integer"
#define STAGE(n, what, outcome) \
  " (SELECT count(*) FROM complaint k, jsonb_array_elements(k.stages) s WHERE s->>'stage' = '" n "'" \
  "   AND " YEAR_OF ("(s->>'received_on')::date") outcome ") AS complaint_stage_" n "_" what ","
static const char counts_sql[] =
  "WITH audit AS (INSERT INTO audit_entry (actor, outcome) VALUES ($1, 'success'))"
  "SELECT (SELECT count(*) FROM appeal WHERE " YEAR_OF ("registered_on") ") AS appeal_registered,"
  " (SELECT count(*) FROM appeal WHERE " YEAR_OF ("decided_on") " AND outcome IN ('upheld', 'partly_upheld'))"
  "   AS appeal_decided_for_the_family,"
  " (SELECT count(*) FROM appeal WHERE " YEAR_OF ("decided_on") " AND outcome = 'conceded') AS appeal_conceded,"
  " (SELECT count(*) FROM appeal WHERE " YEAR_OF ("decided_on") " AND outcome = 'dismissed') AS appeal_dismissed,"
  " (SELECT count(*) FROM appeal WHERE " YEAR_OF ("decided_on") " AND outcome = 'withdrawn') AS appeal_withdrawn,"
  STAGE ("1", "received", "") STAGE ("1", "upheld", " AND s->>'outcome' = 'upheld'")
  STAGE ("1", "partly_upheld", " AND s->>'outcome' = 'partly_upheld'")
  STAGE ("1", "not_upheld", " AND s->>'outcome' = 'not_upheld'")
  STAGE ("2", "received", "") STAGE ("2", "upheld", " AND s->>'outcome' = 'upheld'")
  STAGE ("2", "partly_upheld", " AND s->>'outcome' = 'partly_upheld'")
  STAGE ("2", "not_upheld", " AND s->>'outcome' = 'not_upheld'")
  " (SELECT count(*) FROM complaint WHERE ombudsman IS NOT NULL"
  "   AND " YEAR_OF ("(ombudsman->>'referred_on')::date") ") AS complaint_ombudsman_referred,"
  " (SELECT count(*) FROM mediation WHERE " YEAR_OF ("advice_requested_on") ") AS mediation_advice_requested,"
  " (SELECT count(*) FROM mediation WHERE " YEAR_OF ("held_on") ") AS mediation_held,"
  " (SELECT count(*) FROM mediation WHERE " YEAR_OF ("certificate_issued_on") ") AS mediation_certificate_issued,"
  " (SELECT count(*) FROM mediation WHERE " YEAR_OF ("held_on") " AND outcome IN ('agreed', 'partly_agreed'))"
  "   AS mediation_agreed";

typedef struct
{
  guint limit;
} Ask;

static gpointer
decode_list (PGresult  *pg,
             GTask     *task,
             GError   **error)
{
  Ask *ask = g_task_get_task_data (task);
  ScdPage *page;
  guint n;

  page = scd_page_new (pg, ask->limit, scd_pg_column (pg, "cursor"), &n);
  g_ptr_array_set_free_func (page->items, (GDestroyNotify) sc_dispute_free);
  for (guint i = 0; i < n; i++)
    {
      ScDispute *dispute = sc_dispute_new ();

      dispute->kind = scd_pg_dup (pg, (int) i, "kind");
      dispute->id = scd_pg_int (pg, (int) i, scd_pg_column (pg, "id"));
      dispute->case_id = scd_pg_int (pg, (int) i, scd_pg_column (pg, "case_id"));
      dispute->reference = scd_pg_dup (pg, (int) i, "reference");
      dispute->status = scd_pg_dup (pg, (int) i, "status");
      dispute->given_name = scd_pg_dup (pg, (int) i, "given_name");
      dispute->family_name = scd_pg_dup (pg, (int) i, "family_name");
      dispute->next_due = scd_pg_day (pg, (int) i, scd_pg_column (pg, "next_due"));
      g_ptr_array_add (page->items, dispute);
    }
  return page;
}

ScdDisputeStore *
scd_dispute_store_new (ScdDb *db)
{
  g_return_val_if_fail (SCD_IS_DB (db), NULL);

  return g_object_new (SCD_TYPE_DISPUTE_STORE, "db", db, NULL);
}

void
scd_dispute_store_list_async (ScdDisputeStore       *self,
                              const ScdActor        *actor,
                              const ScdDisputeQuery *query,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, scd_dispute_store_list_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);
  Ask *ask = g_new0 (Ask, 1);

  ask->limit = query->limit;
  g_task_set_task_data (task, ask, g_free);
  scd_params_add_day (params, query->after_due);
  scd_params_add (params, query->after_kind);
  scd_params_add_int (params, query->after_id);
  scd_params_add_int (params, query->limit);
  scd_params_add_id (params, query->case_id);
  scd_params_add (params, query->status);
  scd_store_run (SCD_STORE (self), list_sql, params, decode_list, scd_page_free, task);
}

GPtrArray *
scd_dispute_store_list_finish (ScdDisputeStore  *self,
                               GAsyncResult     *result,
                               char            **next_cursor,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return scd_page_finish (result, next_cursor, error);
}

static gpointer
decode_counts (PGresult  *pg,
               GTask     *task,
               GError   **error)
{
  GPtrArray *counts = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_dispute_count_free);

  for (int column = 0; PQntuples (pg) == 1 && column < PQnfields (pg); column++)
    {
      const char *name = PQfname (pg, column);
      const char *measure = strchr (name, '_');
      g_autofree char *kind = g_strndup (name, (gsize) (measure - name));

      g_ptr_array_add (counts, sc_dispute_count_new (kind, measure + 1, scd_pg_int (pg, 0, column)));
    }
  return counts;
}

void
scd_dispute_store_counts_async (ScdDisputeStore     *self,
                                const ScdActor      *actor,
                                int                  year,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, scd_dispute_store_counts_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);

  scd_params_add_int (params, year);
  scd_store_run (SCD_STORE (self), counts_sql, params, decode_counts, (GDestroyNotify) g_ptr_array_unref, task);
}

GPtrArray *
scd_dispute_store_counts_finish (ScdDisputeStore  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
scd_dispute_store_class_init (ScdDisputeStoreClass *klass)
{
}

static void
scd_dispute_store_init (ScdDisputeStore *self)
{
}
