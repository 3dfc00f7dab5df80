/* scd-case-store-team.c
 *
 * The case store's statements about the team rather than one case: the
 * advice still awaited (the chase list), what each member holds (a team
 * manager's workload view) and the handover of a caseload, or part of one,
 * from one owner to another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-case-store"

#include "config.h"

#include "sc-error.h"
#include "sc-problem.h"
#include "scd-case-store-private.h"

/* $2 today, $3 one owner (NULL: the team). Counts only: no case's content
 * is read; the team is every active caseworker and team manager, holding
 * cases or not, and one owner is whoever they are. */
static const char workload_sql[] =
  "WITH w AS ("
  "  SELECT u.id, u.username, u.full_name,"
  "    count(c.id) FILTER (WHERE c.stage NOT IN ('ceased', 'closed', 'transferred_out')) AS cases,"
  "    count(c.id) FILTER (WHERE c.next_due < $2::date) AS overdue,"
  "    count(c.id) FILTER (WHERE c.next_due >= $2::date"
  "                          AND c.next_due <= $2::date + " G_STRINGIFY (SC_WORKLOAD_SOON_DAYS) ") AS soon"
  "  FROM app_user u LEFT JOIN ehc_case c ON c.owner_id = u.id"
  "  WHERE ($3::bigint IS NULL AND u.active AND u.role IN ('caseworker', 'team_manager')) OR u.id = $3::bigint"
  "  GROUP BY u.id),"
  " audit AS (INSERT INTO audit_entry (actor, outcome) VALUES ($1, 'success'))"
  "SELECT * FROM w ORDER BY full_name, username";

/* $2 from, $3 to, $4 the note, $5 the cases (NULL: all of from's). Nothing
 * moves unless the new owner may own cases and every case named is from's;
 * the one row then says which failed. */
static const char handover_sql[] =
  "WITH chk AS ("
  "  SELECT EXISTS (SELECT 1 FROM app_user WHERE id = $3 AND active"
  "                 AND role IN ('caseworker', 'team_manager')) AS to_ok,"
  "         (SELECT min(n) FROM unnest($5::bigint[]) AS n"
  "          WHERE NOT EXISTS (SELECT 1 FROM ehc_case WHERE id = n AND owner_id = $2)) AS not_held),"
  " moved AS ("
  "  UPDATE ehc_case c SET owner_id = $3, handover_note = $4, version = c.version + 1,"
  "                        handed_over_by = ($1::jsonb->>'user_id')::bigint, handed_over_at = clock_timestamp(),"
  "                        updated_at = clock_timestamp()"
  "  FROM chk WHERE chk.to_ok AND chk.not_held IS NULL AND c.owner_id = $2"
  "    AND ($5::bigint[] IS NULL OR c.id = ANY ($5::bigint[]))"
  "  RETURNING c.*),"
  " audit AS ("
  "  INSERT INTO audit_entry (actor, outcome, resource_ids)"
  "  SELECT $1, 'success', array(SELECT id::text FROM moved ORDER BY id) FROM chk"
  "  WHERE chk.to_ok AND chk.not_held IS NULL)"
  "SELECT chk.to_ok, chk.not_held, m.* FROM chk LEFT JOIN ("
  "  SELECT " SCD_CASE_COLUMNS (SCD_CASE_REQUEST_RECEIVED)
  "  FROM moved c JOIN person p ON p.id = c.person_id JOIN app_user o ON o.id = c.owner_id) m ON TRUE"
  " ORDER BY m.id";

/* $2 and $3 the actor's id and role (restricted cases), $4 the owner (NULL:
 * everyone's), $5 only overdue, $6 today, $7 $8 $9 the cursor (due, case,
 * position), $10 the limit. A case that has ended (closed, ceased,
 * transferred out) chases nobody. */
static const char advice_sql[] =
  "WITH page AS ("
  "  SELECT m.case_id, m.position, m.key, m.start_date, m.due, c.person_id, c.owner_id"
  "  FROM case_milestone m JOIN ehc_case c ON c.id = m.case_id"
  "  WHERE m.milestone = 'advice' AND m.completed_on IS NULL AND m.status IN ('pending', 'overdue')"
  "    AND c.stage NOT IN ('closed', 'ceased', 'transferred_out')"
  "    AND ($4::bigint IS NULL OR c.owner_id = $4::bigint) AND (NOT $5::boolean OR m.due < $6::date)"
  "    AND " SCD_CASE_VISIBLE ("c", "$2", "$3")
  "    AND ($7::date IS NULL OR (m.due, m.case_id, m.position) > ($7::date, $8::bigint, $9::integer))"
  "  ORDER BY m.due, m.case_id, m.position LIMIT $10::integer + 1),"
  " audit AS ("
  "  INSERT INTO audit_entry (actor, outcome, resource_ids)"
  "  SELECT $1, 'success', array(SELECT case_id::text FROM"
  "    (SELECT case_id FROM page ORDER BY due, case_id, position LIMIT $10::integer) shown"
  "    GROUP BY case_id ORDER BY case_id))"
  "SELECT g.case_id, g.position, g.key, to_char(g.start_date, 'YYYY-MM-DD') AS requested_on,"
  " to_char(g.due, 'YYYY-MM-DD') AS due, p.id AS person_id, p.given_name, p.family_name,"
  " o.id AS owner_id, o.username AS owner_username, o.full_name AS owner_full_name,"
  " to_char(g.due, 'YYYY-MM-DD') || '.' || g.case_id || '.' || g.position AS cursor"
  " FROM page g JOIN person p ON p.id = g.person_id JOIN app_user o ON o.id = g.owner_id"
  " ORDER BY g.due, g.case_id, g.position";

static gpointer
decode_advice (PGresult  *pg,
               GTask     *task,
               GError   **error)
{
  ScdPage *page;
  guint n;

  page = scd_page_new (pg, GPOINTER_TO_UINT (g_task_get_task_data (task)), scd_pg_column (pg, "cursor"), &n);
  /* its items are plain structures, not objects */
  g_ptr_array_set_free_func (page->items, (GDestroyNotify) sc_advice_request_free);
  for (guint i = 0; i < n; i++)
    {
      ScAdviceRequest *request = sc_advice_request_new ();
      int row = (int) i;

      request->case_id = scd_pg_int (pg, row, scd_pg_column (pg, "case_id"));
      request->person_id = scd_pg_int (pg, row, scd_pg_column (pg, "person_id"));
      request->given_name = scd_pg_dup (pg, row, "given_name");
      request->family_name = scd_pg_dup (pg, row, "family_name");
      request->owner = sc_case_user_new (scd_pg_int (pg, row, scd_pg_column (pg, "owner_id")),
                                         scd_pg_string (pg, row, scd_pg_column (pg, "owner_username")),
                                         scd_pg_string (pg, row, scd_pg_column (pg, "owner_full_name")));
      request->adviser = scd_pg_dup (pg, row, "key");
      sc_day_parse (scd_pg_string (pg, row, scd_pg_column (pg, "requested_on")), &request->requested_on);
      sc_day_parse (scd_pg_string (pg, row, scd_pg_column (pg, "due")), &request->due);
      g_ptr_array_add (page->items, request);
    }
  return page;
}

void
scd_case_store_advice_async (ScdCaseStore        *self,
                             const ScdActor      *actor,
                             gint64               owner_id,
                             gboolean             overdue_only,
                             ScDay                after_due,
                             gint64               after_case,
                             gint64               after_position,
                             guint                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, scd_case_store_advice_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);
  char day[SC_DAY_STRING_SIZE];

  g_return_if_fail (limit > 0);

  g_task_set_task_data (task, GUINT_TO_POINTER (limit), NULL);
  scd_params_add_id (params, owner_id);
  scd_params_add_bool (params, overdue_only);
  scd_params_add (params, sc_day_format (_scd_case_today (), day));
  scd_params_add (params, after_due != SC_DAY_NONE ? sc_day_format (after_due, day) : NULL);
  scd_params_add_int (params, after_case);
  scd_params_add_int (params, after_position);
  scd_params_add_int (params, limit);
  scd_store_run (SCD_STORE (self), advice_sql, params, decode_advice, scd_page_free, task);
}

GPtrArray *
scd_case_store_advice_finish (ScdCaseStore  *self,
                              GAsyncResult  *result,
                              char         **next_cursor,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return scd_page_finish (result, next_cursor, error);
}

static gpointer
decode_workload (PGresult  *pg,
                 GTask     *task,
                 GError   **error)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_workload_free);
  int id = scd_pg_column (pg, "id");
  int username = scd_pg_column (pg, "username");
  int full_name = scd_pg_column (pg, "full_name");
  int cases = scd_pg_column (pg, "cases");
  int overdue = scd_pg_column (pg, "overdue");
  int soon = scd_pg_column (pg, "soon");

  for (int i = 0; i < PQntuples (pg); i++)
    g_ptr_array_add (rows, sc_workload_new (sc_case_user_new (scd_pg_int (pg, i, id), scd_pg_string (pg, i, username),
                                                              scd_pg_string (pg, i, full_name)),
                                            (guint) scd_pg_int (pg, i, cases), (guint) scd_pg_int (pg, i, overdue),
                                            (guint) scd_pg_int (pg, i, soon)));
  return rows;
}

void
scd_case_store_workload_async (ScdCaseStore        *self,
                               const ScdActor      *actor,
                               gint64               owner_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, scd_case_store_workload_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);
  char day[SC_DAY_STRING_SIZE];

  scd_params_add (params, sc_day_format (_scd_case_today (), day));
  scd_params_add_id (params, owner_id);
  scd_store_run (SCD_STORE (self), workload_sql, params, decode_workload, (GDestroyNotify) g_ptr_array_unref, task);
}

GPtrArray *
scd_case_store_workload_finish (ScdCaseStore  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
decode_handover (PGresult  *pg,
                 GTask     *task,
                 GError   **error)
{
  GPtrArray *cases;
  int not_held = scd_pg_column (pg, "not_held");

  if (scd_pg_string (pg, 0, scd_pg_column (pg, "to_ok"))[0] != 't')
    {
      sc_set_field_error (error, "to_owner_id", "is not an active caseworker or team manager");
      return NULL;
    }
  if (scd_pg_string (pg, 0, not_held) != NULL)
    {
      sc_set_field_error (error, "case_ids", "case %s is not held by from_owner_id", scd_pg_string (pg, 0, not_held));
      return NULL;
    }
  cases = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 0; i < PQntuples (pg); i++)
    if (scd_pg_string (pg, i, scd_pg_column (pg, "id")) != NULL)
      g_ptr_array_add (cases, _scd_case_from_row (pg, i));
  return cases;
}

void
scd_case_store_handover_async (ScdCaseStore        *self,
                               const ScdActor      *actor,
                               gint64               from_owner_id,
                               gint64               to_owner_id,
                               GArray              *case_ids,
                               const char          *note,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, scd_case_store_handover_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);

  g_return_if_fail (from_owner_id > 0 && to_owner_id > 0);
  g_return_if_fail (note != NULL);

  scd_params_add_int (params, from_owner_id);
  scd_params_add_int (params, to_owner_id);
  scd_params_add (params, note);
  if (case_ids != NULL)
    {
      GString *array = g_string_new ("{");

      for (guint i = 0; i < case_ids->len; i++)
        g_string_append_printf (array, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (case_ids, gint64, i));
      g_string_append_c (array, '}');
      g_ptr_array_add (params, g_string_free (array, FALSE));
    }
  else
    scd_params_add (params, NULL);
  scd_store_run (SCD_STORE (self), handover_sql, params, decode_handover, (GDestroyNotify) g_ptr_array_unref, task);
}

GPtrArray *
scd_case_store_handover_finish (ScdCaseStore  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
