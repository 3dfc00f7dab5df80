/* scd-plan-store.c
 *
 * The draft plan's sections, each read and write one statement with its
 * audit row. A section's write is an UPDATE at the version the writer
 * read, or for a section never written an INSERT that does nothing if
 * someone wrote it first: of two writers from one version, the second
 * finds the row changed (PostgreSQL checks the version again once the
 * first has committed) and is answered 412.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-plan-store"

#include "config.h"

#include "sc-problem.h"
#include "scd-case-store-private.h"
#include "scd-plan-store.h"

struct _ScdPlanStore
{
  ScdStore parent_instance;
};

G_DEFINE_FINAL_TYPE (ScdPlanStore, scd_plan_store, SCD_TYPE_STORE)

/* $1 the actor, $2 and $3 the actor's id and role, $4 the case */
#define PLAN_CASE SCD_CASE_OF_ACTOR ("")

#define SECTION_COLUMNS(s) \
  s ".section, " s ".content::text AS content, " s ".version, " SCD_SQL_USEC (s ".updated_at") " AS updated_at," \
  " u.id AS updated_by_id, u.username AS updated_by_username, u.full_name AS updated_by_full_name"

/* The case c's advice requests, as sc_plan_advice_list_new_from_json reads them */
#define PLAN_ADVICE \
  "(SELECT coalesce(json_agg(json_build_object('adviser', m.key, 'requested_on', m.start_date," \
  "                                            'received_on', m.completed_on) ORDER BY m.position), '[]')" \
  "   FROM case_milestone m WHERE m.case_id = c.id AND m.milestone = 'advice' AND m.key IS NOT NULL)::text"

static const char draft_sql[] =
  "WITH " PLAN_CASE ","
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM c)"
  "SELECT c.id AS case_id, " PLAN_ADVICE " AS advice, " SECTION_COLUMNS ("s")
  " FROM c LEFT JOIN plan_section s ON s.case_id = c.id"
  " LEFT JOIN LATERAL (SELECT u.id, u.username, u.full_name FROM app_user u WHERE u.id = s.updated_by OFFSET 0) u"
  " ON true";

/* $5 the section, $6 its content, $7 the version it was read at. Section
 * I names an institution (its URN) only if the directory has it open and
 * the case consulted it, or with the reason it was not consulted. */
static const char put_sql[] =
  "WITH " PLAN_CASE ","
  " n AS (SELECT $6::json->>'urn' AS urn, $6::json->>'consultation_exemption' AS exemption"
  "       WHERE $5 = 'i' AND $6::json->>'urn' IS NOT NULL),"
  " placed AS (SELECT i.name, i.status, i.urn IS NOT NULL AS known,"
  "              i.status IS NOT NULL AND (lower(i.status) LIKE 'closed%' OR lower(i.status) LIKE 'proposed to open%')"
  "                AS closed,"
  "              n.exemption IS NOT NULL OR EXISTS (SELECT 1 FROM case_event e JOIN c ON e.case_id = c.id"
  "                WHERE e.type = 'consultation_sent' AND e.key = n.urn AND e.voided_at IS NULL) AS consulted"
  "            FROM n LEFT JOIN institution i ON i.urn = n.urn::integer),"
  " ok AS (SELECT NOT EXISTS (SELECT 1 FROM placed WHERE NOT known OR closed OR NOT consulted) AS placement_ok,"
  "               $5 <> 'i' OR $6::json->>'funding_band' IS NULL OR EXISTS ("
  "                 SELECT 1 FROM funding_band b WHERE b.code = $6::json->>'funding_band') AS band_ok),"
  " upd AS (UPDATE plan_section s SET content = $6::json, version = s.version + 1, updated_by = $2::bigint,"
  "                                   updated_at = now()"
  "         FROM c, ok WHERE c.may AND ok.placement_ok AND ok.band_ok AND $7::integer > 0 AND s.case_id = c.id"
  "           AND s.section = $5"
  "           AND s.version = $7"
  "         RETURNING s.*),"
  " ins AS (INSERT INTO plan_section (case_id, section, content, version, updated_by)"
  "         SELECT c.id, $5, $6::json, 1, $2::bigint FROM c, ok WHERE c.may AND ok.placement_ok AND ok.band_ok"
  "           AND $7::integer = 0"
  "         ON CONFLICT (case_id, section) DO NOTHING RETURNING *),"
  " w AS (SELECT * FROM upd UNION ALL SELECT * FROM ins),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id)"
  "           SELECT $1, CASE WHEN c.may THEN 'success' ELSE 'denied' END, c.id::text FROM c"
  "           WHERE NOT c.may OR EXISTS (SELECT 1 FROM w))"
  "SELECT c.id AS case_id, c.may, (SELECT placement_ok FROM ok), (SELECT band_ok FROM ok), p.name AS placed_name, p.status AS placed_status,"
  " p.known AS placed_known, p.closed AS placed_closed, p.consulted AS placed_consulted,"
  " (SELECT cur.version FROM plan_section cur WHERE cur.case_id = c.id AND cur.section = $5) AS current, "
  SECTION_COLUMNS ("w")
  " FROM c LEFT JOIN w ON true LEFT JOIN placed p ON true"
  " LEFT JOIN LATERAL (SELECT u.id, u.username, u.full_name FROM app_user u WHERE u.id = w.updated_by OFFSET 0) u"
  " ON true";

#define VERSION_COLUMNS \
  "v.number, v.kind, v.event_id, " SCD_SQL_USEC ("v.issued_at") " AS issued_at, u.id AS issued_by_id," \
  " (SELECT ve.voided_at IS NOT NULL FROM case_event ve WHERE ve.id = v.event_id) AS voided," \
  " u.username AS issued_by_username, u.full_name AS issued_by_full_name"
#define VERSION_USER \
  " LEFT JOIN LATERAL (SELECT u.id, u.username, u.full_name FROM app_user u WHERE u.id = v.issued_by OFFSET 0) u" \
  " ON true"

static const char versions_sql[] =
  "WITH " PLAN_CASE ","
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM c)"
  "SELECT c.id AS case_id, " VERSION_COLUMNS
  " FROM c LEFT JOIN plan_version v ON v.case_id = c.id" VERSION_USER
  " ORDER BY v.number";

/* $5 and $6 the numbers */
static const char version_sql[] =
  "WITH " PLAN_CASE ","
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM c)"
  "SELECT c.id AS case_id, " VERSION_COLUMNS ", v.sections::text AS sections, v.warnings::text AS warnings"
  " FROM c LEFT JOIN plan_version v ON v.case_id = c.id AND v.number IN ($5::integer, $6::integer)" VERSION_USER;

/* One version with its child and its event's date, and for proposed
 * amendments the plan they would amend: what its printed form needs.
 * $5 the number */
static const char document_sql[] =
  "WITH " PLAN_CASE ","
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM c)"
  "SELECT c.id AS case_id, " VERSION_COLUMNS ", v.sections::text AS sections, v.warnings::text AS warnings,"
  " e.date::text AS issued_on, coalesce(p.preferred_name, p.given_name) || ' ' || p.family_name AS child_name,"
  " p.date_of_birth::text AS date_of_birth, p.upn, p.nhs_number,"
  " b.number AS base_number, b.kind AS base_kind, b.event_id AS base_event_id, b.sections::text AS base_sections,"
  " b.warnings::text AS base_warnings, " SCD_SQL_USEC ("b.issued_at") " AS base_issued_at,"
  " (SELECT be.date::text FROM case_event be WHERE be.id = b.event_id) AS base_issued_on"
  " FROM c JOIN ehc_case k ON k.id = c.id JOIN person p ON p.id = k.person_id"
  " LEFT JOIN plan_version v ON v.case_id = c.id AND v.number = $5::integer" VERSION_USER
  " LEFT JOIN case_event e ON e.id = v.event_id"
  " LEFT JOIN LATERAL (SELECT b.* FROM plan_version b WHERE v.kind = 'proposed' AND b.case_id = c.id"
  "                    AND b.number < v.number AND b.kind IN ('final', 'amended')"
  "                    ORDER BY b.number DESC LIMIT 1) b ON true";

typedef struct
{
  gint64          first;
  gint64          second;
  gint64          case_id;
  ScPlanSectionId id;
  gint64          if_match;
  gint64          current;
  GPtrArray      *advice;       /* a draft's advice requests */
} Ask;

static void
ask_free (gpointer data)
{
  Ask *ask = data;

  g_clear_pointer (&ask->advice, g_ptr_array_unref);
  g_free (ask);
}

static GTask *
task_new (ScdPlanStore        *self,
          gint64               case_id,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, source_tag);
  Ask *ask = g_new0 (Ask, 1);

  ask->case_id = case_id;
  g_task_set_task_data (task, ask, ask_free);
  return task;
}

/* The section of row @row, or NULL when the row has none */
static ScPlanSection *
section_from_row (const PGresult *pg,
                  int             row,
                  gint64          case_id)
{
  const char *name = scd_pg_string (pg, row, scd_pg_column (pg, "section"));
  ScPlanSection *section;

  if (name == NULL)
    return NULL;
  section = sc_plan_section_new (case_id, sc_plan_section_id_from_string (name),
                                 scd_pg_string (pg, row, scd_pg_column (pg, "content")),
                                 scd_pg_int (pg, row, scd_pg_column (pg, "version")));
  sc_plan_section_set_updated (section, scd_pg_int (pg, row, scd_pg_column (pg, "updated_at")),
                               scd_pg_int (pg, row, scd_pg_column (pg, "updated_by_id")),
                               scd_pg_string (pg, row, scd_pg_column (pg, "updated_by_username")),
                               scd_pg_string (pg, row, scd_pg_column (pg, "updated_by_full_name")));
  return section;
}

static gpointer
decode_draft (PGresult  *pg,
              GTask     *task,
              GError   **error)
{
  Ask *ask = g_task_get_task_data (task);
  GPtrArray *draft;
  ScPlanSection *found[SC_N_PLAN_SECTIONS] = { NULL };

  if (PQntuples (pg) == 0)
    {
      g_propagate_error (error, _scd_case_no_case (ask->case_id));
      return NULL;
    }
  {
    g_autoptr(JsonNode) advice = json_from_string (scd_pg_string (pg, 0, scd_pg_column (pg, "advice")), NULL);

    ask->advice = sc_plan_advice_list_new_from_json (advice, error);
    if (ask->advice == NULL)
      return NULL;
  }
  for (int i = 0; i < PQntuples (pg); i++)
    {
      ScPlanSection *section = section_from_row (pg, i, ask->case_id);

      if (section != NULL)
        found[sc_plan_section_get_id (section)] = section;
    }
  draft = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    g_ptr_array_add (draft, found[s] != NULL ? found[s] : sc_plan_section_new (ask->case_id, s, NULL, 0));
  return draft;
}

static gpointer
decode_put (PGresult  *pg,
            GTask     *task,
            GError   **error)
{
  Ask *ask = g_task_get_task_data (task);
  ScPlanSection *section;

  if (PQntuples (pg) == 0)
    {
      g_propagate_error (error, _scd_case_no_case (ask->case_id));
      return NULL;
    }
  if (!scd_pg_bool (pg, 0, scd_pg_column (pg, "may")))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_FORBIDDEN,
                           "you may change only the plans of the cases you own or are assigned to");
      sc_error_take_problem (*error, sc_problem_new (SC_ERROR_FORBIDDEN, (*error)->message));
      return NULL;
    }
  if (!scd_pg_bool (pg, 0, scd_pg_column (pg, "band_ok")))
    {
      sc_set_field_error (error, "content.funding_band", "is not a band of the authority's table of funding bands");
      return NULL;
    }
  if (!scd_pg_bool (pg, 0, scd_pg_column (pg, "placement_ok")))
    {
      const char *name = scd_pg_string (pg, 0, scd_pg_column (pg, "placed_name"));

      if (!scd_pg_bool (pg, 0, scd_pg_column (pg, "placed_known")))
        sc_set_field_error (error, "content.urn", "is not in the institution directory: a placement named by URN "
                                                  "is one the directory has");
      else if (scd_pg_bool (pg, 0, scd_pg_column (pg, "placed_closed")))
        sc_set_field_error (error, "content.urn", "%s is %s: a plan cannot name a closed institution", name,
                            scd_pg_string (pg, 0, scd_pg_column (pg, "placed_status")));
      else
        sc_set_field_error (error, "content.urn", "%s has not been consulted on this plan: consult it first, or "
                                                  "give the reason it need not be (consultation_exemption)", name);
      return NULL;
    }
  section = section_from_row (pg, 0, ask->case_id);
  if (section == NULL)
    {
      ask->current = scd_pg_int (pg, 0, scd_pg_column (pg, "current"));
      if (ask->current == 0)
        g_set_error (error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED,
                     "section %s has not been written yet: write it with If-None-Match: *",
                     sc_plan_section_id_to_string (ask->id));
      else
        g_set_error (error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED,
                     "section %s was changed by someone else (now at version %" G_GINT64_FORMAT
                     "): reload it and make your change again", sc_plan_section_id_to_string (ask->id),
                     ask->current);
      sc_error_take_problem (*error, sc_problem_new (SC_ERROR_PRECONDITION_FAILED, (*error)->message));
      return NULL;
    }
  return section;
}

/* The version of row @row, or NULL when the row has none */
static ScPlanVersion *
version_from_row (const PGresult *pg,
                  int             row,
                  gint64          case_id)
{
  int sections = scd_pg_column_optional (pg, "sections");
  int warnings = scd_pg_column_optional (pg, "warnings");
  ScPlanVersion *version;

  if (scd_pg_string (pg, row, scd_pg_column (pg, "number")) == NULL)
    return NULL;
  version = sc_plan_version_new (case_id, scd_pg_int (pg, row, scd_pg_column (pg, "number")),
                                 scd_pg_string (pg, row, scd_pg_column (pg, "kind")),
                                 scd_pg_int (pg, row, scd_pg_column (pg, "event_id")),
                                 sections >= 0 ? scd_pg_string (pg, row, sections) : NULL,
                                 warnings >= 0 ? scd_pg_string (pg, row, warnings) : NULL);
  sc_plan_version_set_issued (version, scd_pg_int (pg, row, scd_pg_column (pg, "issued_at")),
                              scd_pg_int (pg, row, scd_pg_column (pg, "issued_by_id")),
                              scd_pg_string (pg, row, scd_pg_column (pg, "issued_by_username")),
                              scd_pg_string (pg, row, scd_pg_column (pg, "issued_by_full_name")));
  sc_plan_version_set_voided (version, scd_pg_bool (pg, row, scd_pg_column (pg, "voided")));
  return version;
}

static gpointer
decode_versions (PGresult  *pg,
                 GTask     *task,
                 GError   **error)
{
  Ask *ask = g_task_get_task_data (task);
  GPtrArray *versions;

  if (PQntuples (pg) == 0)
    {
      g_propagate_error (error, _scd_case_no_case (ask->case_id));
      return NULL;
    }
  versions = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 0; i < PQntuples (pg); i++)
    {
      ScPlanVersion *version = version_from_row (pg, i, ask->case_id);

      if (version != NULL)
        g_ptr_array_add (versions, version);
    }
  return versions;
}

static gpointer
decode_pair (PGresult  *pg,
             GTask     *task,
             GError   **error)
{
  Ask *ask = g_task_get_task_data (task);
  g_autoptr(GPtrArray) found = decode_versions (pg, task, error);
  GPtrArray *pair;
  const gint64 wanted[2] = { ask->first, ask->second };

  if (found == NULL)
    return NULL;
  pair = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint w = 0; w < 2; w++)
    {
      ScPlanVersion *version = NULL;

      for (guint i = 0; i < found->len; i++)
        if (sc_plan_version_get_number (g_ptr_array_index (found, i)) == wanted[w])
          version = g_ptr_array_index (found, i);
      if (version == NULL)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_NOT_FOUND, "case %" G_GINT64_FORMAT " has no plan version %"
                       G_GINT64_FORMAT, ask->case_id, wanted[w]);
          sc_error_take_problem (*error, sc_problem_new (SC_ERROR_NOT_FOUND, (*error)->message));
          g_ptr_array_unref (pair);
          return NULL;
        }
      g_ptr_array_add (pair, g_object_ref (version));
    }
  return pair;
}

static gpointer
decode_document (PGresult  *pg,
                 GTask     *task,
                 GError   **error)
{
  Ask *ask = g_task_get_task_data (task);
  g_autoptr(ScPlanDocument) document = NULL;
  g_autoptr(GPtrArray) versions = decode_versions (pg, task, error);

  if (versions == NULL)
    return NULL;
  if (versions->len == 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_NOT_FOUND, "case %" G_GINT64_FORMAT " has no plan version %"
                   G_GINT64_FORMAT, ask->case_id, ask->first);
      sc_error_take_problem (*error, sc_problem_new (SC_ERROR_NOT_FOUND, (*error)->message));
      return NULL;
    }
  document = g_new0 (ScPlanDocument, 1);
  document->case_id = ask->case_id;
  document->version = g_object_ref (g_ptr_array_index (versions, 0));
  document->child_name = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "child_name")));
  document->date_of_birth = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "date_of_birth")));
  document->upn = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "upn")));
  document->nhs_number = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "nhs_number")));
  document->issued_on = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "issued_on")));
  if (scd_pg_string (pg, 0, scd_pg_column (pg, "base_number")) != NULL)
    {
      document->base = sc_plan_version_new (ask->case_id, scd_pg_int (pg, 0, scd_pg_column (pg, "base_number")),
                                            scd_pg_string (pg, 0, scd_pg_column (pg, "base_kind")),
                                            scd_pg_int (pg, 0, scd_pg_column (pg, "base_event_id")),
                                            scd_pg_string (pg, 0, scd_pg_column (pg, "base_sections")),
                                            scd_pg_string (pg, 0, scd_pg_column (pg, "base_warnings")));
      sc_plan_version_set_issued (document->base, scd_pg_int (pg, 0, scd_pg_column (pg, "base_issued_at")),
                                  0, NULL, NULL);
      document->base_issued_on = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "base_issued_on")));
    }
  return g_steal_pointer (&document);
}

void
scd_plan_store_list_versions_async (ScdPlanStore        *self,
                                    const ScdActor      *actor,
                                    gint64               case_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task = task_new (self, case_id, cancellable, callback, user_data, scd_plan_store_list_versions_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  scd_params_add_int (params, case_id);
  scd_store_run (SCD_STORE (self), versions_sql, params, decode_versions, (GDestroyNotify) g_ptr_array_unref, task);
}

GPtrArray *
scd_plan_store_list_versions_finish (ScdPlanStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_plan_store_get_versions_async (ScdPlanStore        *self,
                                   const ScdActor      *actor,
                                   gint64               case_id,
                                   gint64               first,
                                   gint64               second,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = task_new (self, case_id, cancellable, callback, user_data, scd_plan_store_get_versions_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);
  Ask *ask = g_task_get_task_data (task);

  ask->first = first;
  ask->second = second;
  scd_params_add_int (params, case_id);
  scd_params_add_int (params, first);
  scd_params_add_int (params, second);
  scd_store_run (SCD_STORE (self), version_sql, params, decode_pair, (GDestroyNotify) g_ptr_array_unref, task);
}

GPtrArray *
scd_plan_store_get_versions_finish (ScdPlanStore  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_plan_store_get_document_async (ScdPlanStore        *self,
                                   const ScdActor      *actor,
                                   gint64               case_id,
                                   gint64               number,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = task_new (self, case_id, cancellable, callback, user_data, scd_plan_store_get_document_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  ((Ask *) g_task_get_task_data (task))->first = number;
  scd_params_add_int (params, case_id);
  scd_params_add_int (params, number);
  scd_store_run (SCD_STORE (self), document_sql, params, decode_document, (GDestroyNotify) sc_plan_document_free,
                 task);
}

ScPlanDocument *
scd_plan_store_get_document_finish (ScdPlanStore  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

ScdPlanStore *
scd_plan_store_new (ScdDb *db)
{
  g_return_val_if_fail (SCD_IS_DB (db), NULL);
  return g_object_new (SCD_TYPE_PLAN_STORE, "db", db, NULL);
}

void
scd_plan_store_get_draft_async (ScdPlanStore        *self,
                                const ScdActor      *actor,
                                gint64               case_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = task_new (self, case_id, cancellable, callback, user_data, scd_plan_store_get_draft_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  scd_params_add_int (params, case_id);
  scd_store_run (SCD_STORE (self), draft_sql, params, decode_draft, (GDestroyNotify) g_ptr_array_unref, task);
}

GPtrArray *
scd_plan_store_get_draft_finish (ScdPlanStore  *self,
                                 GAsyncResult  *result,
                                 GPtrArray    **advice,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  if (advice != NULL)
    *advice = g_steal_pointer (&((Ask *) g_task_get_task_data (G_TASK (result)))->advice);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_plan_store_put_section_async (ScdPlanStore        *self,
                                  const ScdActor      *actor,
                                  gint64               case_id,
                                  ScPlanSectionId      id,
                                  const char          *content,
                                  gint64               if_match,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = task_new (self, case_id, cancellable, callback, user_data, scd_plan_store_put_section_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);
  Ask *ask = g_task_get_task_data (task);

  ask->id = id;
  ask->if_match = if_match;
  scd_params_add_int (params, case_id);
  scd_params_add (params, sc_plan_section_id_to_string (id));
  scd_params_add (params, content);
  scd_params_add_int (params, if_match);
  scd_store_run (SCD_STORE (self), put_sql, params, decode_put, g_object_unref, task);
}

ScPlanSection *
scd_plan_store_put_section_finish (ScdPlanStore  *self,
                                   GAsyncResult  *result,
                                   gint64        *current,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  if (current != NULL)
    *current = ((Ask *) g_task_get_task_data (G_TASK (result)))->current;
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
scd_plan_store_class_init (ScdPlanStoreClass *klass)
{
}

static void
scd_plan_store_init (ScdPlanStore *self)
{
}
