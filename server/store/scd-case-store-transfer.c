/* scd-case-store-transfer.c
 *
 * The case store's statements for a case moving between authorities
 * (docs/transfer-format.md):
 *
 * - the export: one statement reads the case as the actor sees it, with
 *   its person, the plan in force (the last final or amended version, or
 *   the draft), its versions' dates, its live events, its advice, its
 *   placement and its band; the file is made here and read back with
 *   sc_transfer_file_read, so no file is handed out that an import would
 *   refuse. Its audit row is the handler's, written before the file goes
 *   (a refusal is a failure);
 * - the transfer in: one statement finds the child (the person store's
 *   duplicate rules, scd-person-sql.h) or creates them, opens the case
 *   with its transfer_in event and the clock's milestones, writes the plan
 *   as a draft, keeps the file whole (case_transfer), maps the sending
 *   authority's band by a decided mapping or lists it for a decision
 *   (band_mapping), and writes its audit row;
 * - who this authority is (sendcasectl authority).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-case-store"

#include "config.h"

#include <string.h>

#include "sc-error.h"
#include "sc-problem.h"
#include "scd-band-mapping-private.h"
#include "scd-case-store-private.h"
#include "scd-person-sql.h"

/* $2 $3 the actor's id and role, $4 the case ($1, the actor, is the
 * handler's audit row's) */
static const char export_sql[] =
  "WITH c AS (SELECT c.* FROM ehc_case c WHERE $1::jsonb IS NOT NULL AND c.id = $4::bigint AND "
  SCD_CASE_VISIBLE ("c", "$2", "$3") "),"
  " v AS (SELECT v.sections FROM c JOIN plan_version v ON v.case_id = c.id JOIN case_event e ON e.id = v.event_id"
  "       WHERE v.kind IN ('final', 'amended') AND e.voided_at IS NULL ORDER BY v.number DESC LIMIT 1),"
  " s AS (SELECT coalesce((SELECT v.sections::jsonb FROM v),"
  "                       (SELECT jsonb_object_agg(ps.section, ps.content::jsonb) FROM c"
  "                        JOIN plan_section ps ON ps.case_id = c.id), '{}'::jsonb) AS sections)"
  "SELECT c.id, c.stage,"
  " (SELECT to_char(min(e.date), 'YYYY-MM-DD') FROM case_event e WHERE e.case_id = c.id AND e.voided_at IS NULL)"
  "   AS opened_on,"
  " a.code AS authority_code, a.name AS authority_name,"
  " jsonb_strip_nulls(jsonb_build_object('given_name', p.given_name, 'family_name', p.family_name,"
  "   'preferred_name', p.preferred_name, 'date_of_birth', to_char(p.date_of_birth, 'YYYY-MM-DD'),"
  "   'sex', p.sex, 'upn', p.upn, 'uln', p.uln, 'nhs_number', p.nhs_number,"
  "   'address', CASE WHEN p.address_lines IS NOT NULL OR p.town IS NOT NULL OR p.postcode IS NOT NULL"
  "              THEN jsonb_build_object('lines', to_jsonb(p.address_lines), 'town', p.town, 'postcode', p.postcode)"
  "              END,"
  "   'languages', to_jsonb(p.languages),"
  "   'contacts', (SELECT coalesce(jsonb_agg(jsonb_build_object('name', k.name, 'relationship', k.relationship,"
  "                  'phone', k.phone, 'email', k.email, 'preferred_contact', k.preferred_contact,"
  "                  'parental_responsibility', k.parental_responsibility) ORDER BY k.position), '[]')"
  "                FROM person_contact k WHERE k.person_id = p.id)))::text AS person,"
  " s.sections::text AS sections,"
  " (SELECT coalesce(jsonb_agg(jsonb_build_object('number', pv.number, 'kind', pv.kind,"
  "                                               'issued_on', to_char(e.date, 'YYYY-MM-DD')) ORDER BY pv.number), '[]')"
  "  FROM plan_version pv JOIN case_event e ON e.id = pv.event_id"
  "  WHERE pv.case_id = c.id AND e.voided_at IS NULL)::text AS versions,"
  " (SELECT coalesce(jsonb_agg(jsonb_build_object('type', e.type, 'date', to_char(e.date, 'YYYY-MM-DD'))"
  "                            || jsonb_strip_nulls(jsonb_build_object('key', e.key, 'note', e.note)) || e.details"
  "                            ORDER BY e.date, e.position), '[]')"
  "  FROM case_event e WHERE e.case_id = c.id AND e.voided_at IS NULL)::text AS events,"
  " (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('adviser', m.key,"
  "     'requested_on', to_char(m.start_date, 'YYYY-MM-DD'), 'due', to_char(m.due, 'YYYY-MM-DD'),"
  "     'received_on', to_char(m.completed_on, 'YYYY-MM-DD'))) ORDER BY m.start_date, m.key), '[]')"
  "  FROM case_milestone m WHERE m.case_id = c.id AND m.milestone = 'advice' AND m.key IS NOT NULL)::text AS advice,"
  " CASE WHEN s.sections->'i' ? 'urn' THEN"
  "  (SELECT jsonb_strip_nulls(jsonb_build_object('urn', s.sections->'i'->>'urn', 'name', max(i.name),"
  "                                               'type', max(i.type)))"
  "   FROM (SELECT 1) one LEFT JOIN institution i"
  "     ON i.urn = CASE WHEN s.sections->'i'->>'urn' ~ '^[1-9][0-9]{0,8}$'"
  "                     THEN (s.sections->'i'->>'urn')::integer END)::text END AS placement,"
  " (SELECT jsonb_build_object('code', b.code, 'description', b.description, 'annual_amount', b.annual_amount)"
  "  FROM funding_band b WHERE b.code = s.sections->'i'->>'funding_band')::text AS funding_band"
  " FROM c JOIN person p ON p.id = c.person_id CROSS JOIN s LEFT JOIN authority a ON true";

/* $2 the person's input, $3 a name match is someone else, $4 the person
 * chosen (NULL: find or create), $5 the owner, $6 .. $8 the stage and the
 * next deadline, $9 the day transferred in, $10 the event's details, $11
 * its note, $12 the milestones, $13 $14 the sending authority, $15 .. $17
 * its band (code NULL: none), $18 the sections, $19 their reference, $20
 * the file, $21 the actor's id. Nothing is written unless the case is. */
static const char transfer_in_sql[] =
  "WITH i AS (SELECT $2::jsonb AS j),"
  " m AS (SELECT * FROM (" SCD_PERSON_DUPLICATES ("i") ") x WHERE $4::bigint IS NULL),"
  " ok AS (SELECT EXISTS (SELECT 1 FROM app_user WHERE id = $5::bigint AND active"
  "                        AND role IN ('caseworker', 'team_manager')) AS owner_ok),"
  " np AS (" SCD_PERSON_INSERT ("i", "$4::bigint IS NULL AND (SELECT owner_ok FROM ok) AND NOT EXISTS (SELECT 1 FROM m"
  "                                   WHERE m.upn OR m.uln OR m.nhs_number OR NOT $3::boolean)") "),"
  " nc AS (" INSERT_CONTACTS ("np") " RETURNING 1),"
  " chk AS ("
  "  SELECT coalesce((SELECT id FROM np), (SELECT id FROM person WHERE id = $4::bigint)) AS person_id,"
  "         ($4::bigint IS NULL OR EXISTS (SELECT 1 FROM person WHERE id = $4::bigint)) AS person_ok,"
  "         (SELECT owner_ok FROM ok) AS owner_ok,"
  "         (SELECT min(id) FROM ehc_case WHERE person_id = $4::bigint"
  "            AND stage NOT IN ('ceased', 'transferred_out', 'closed')) AS open_case_id),"
  " c AS ("
  "  INSERT INTO ehc_case (person_id, owner_id, stage, next_due, next_milestone, request_source)"
  "  SELECT chk.person_id, $5::bigint, $6, $7::date, $8, 'transfer' FROM chk"
  "  WHERE chk.person_id IS NOT NULL AND chk.owner_ok AND chk.open_case_id IS NULL"
  "  RETURNING *),"
  " e AS ("
  "  INSERT INTO case_event (case_id, position, type, date, details, note, recorded_by)"
  "  SELECT c.id, 1, 'transfer_in', $9::date, $10::jsonb, $11, $21::bigint FROM c RETURNING id, case_id),"
  " ms AS ("
  "  INSERT INTO case_milestone (case_id, position, milestone, key, rule, start_event_id, start_date, due,"
  "                              status, completed_on)"
  "  SELECT e.case_id, x.position, x.milestone, x.key, x.rule, e.id, x.start_date, x.due, x.status,"
  "         x.completed_on"
  "  FROM e, jsonb_to_recordset($12::jsonb) AS x(" SCD_CASE_MILESTONE_RECORD ")),"
  " pr AS (INSERT INTO case_proceeding (case_id, start_event_id, noted_on, party, updated_by)"
  "        SELECT e.case_id, e.id, $9::date, left($14, 193) || ' (' || $13 || ')', $21::bigint FROM e),"
  " map AS (SELECT our_code FROM band_mapping WHERE authority_code = $13 AND their_code = $15"
  "         AND our_code IS NOT NULL),"
  " sug AS (SELECT b.code, CASE WHEN b.code = $15 THEN 'code' ELSE 'amount' END AS how FROM funding_band b"
  "         WHERE $15::text IS NOT NULL AND b.valid_from <= $9::date"
  "           AND (b.valid_to IS NULL OR b.valid_to >= $9::date)"
  "         ORDER BY (b.code = $15) DESC, abs(b.annual_amount - $17::bigint), b.code LIMIT 1),"
  " nm AS ("
  "  INSERT INTO band_mapping (authority_code, their_code, authority_name, their_description, their_amount,"
  "                            suggested_code, suggested_by)"
  "  SELECT $13, $15, $14, $16, $17::bigint, (SELECT code FROM sug), (SELECT how FROM sug) FROM c"
  "  WHERE $15::text IS NOT NULL"
  "  ON CONFLICT (authority_code, their_code) DO NOTHING RETURNING *),"
  " bm AS (SELECT * FROM band_mapping WHERE authority_code = $13 AND their_code = $15"
  "        UNION ALL SELECT * FROM nm),"
  " s AS ("
  "  INSERT INTO plan_section (case_id, section, content, version, updated_by)"
  "  SELECT c.id, x.key, CASE WHEN x.key = 'i' AND EXISTS (SELECT 1 FROM map)"
  "                      THEN (x.value || jsonb_build_object('funding_band', (SELECT our_code FROM map)))::json"
  "                      ELSE x.value::json END, 1, $21::bigint"
  "  FROM c, jsonb_each($18::jsonb) AS x),"
  " t AS ("
  "  INSERT INTO case_transfer (case_id, authority_code, authority_name, their_reference, band_code, file,"
  "                             imported_by)"
  "  SELECT c.id, $13, $14, $19, $15, $20::jsonb, $21::bigint FROM c),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM c)"
  "SELECT chk.person_ok, chk.owner_ok, chk.open_case_id, " FIRST_MATCH ","
  " c.id, c.version, chk.person_id, EXISTS (SELECT 1 FROM np) AS person_created,"
  " EXISTS (SELECT 1 FROM map) AS mapped, " SCD_BAND_MAPPING_COLUMNS ("bm")
  " FROM chk LEFT JOIN c ON true LEFT JOIN bm ON true";

/* $2 the code, $3 the name */
static const char authority_sql[] =
  "WITH a AS (INSERT INTO authority (code, name) VALUES ($2, $3)"
  "           ON CONFLICT (only_row) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, updated_at = now()"
  "           RETURNING *),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', code FROM a)"
  "SELECT code FROM a";

/* --- the export ------------------------------------------------------------------ */

static void
member_raw (ScJsonWriter *writer,
            const char   *name,
            const char   *json)
{
  sc_json_writer_member (writer, name);
  if (json != NULL)
    sc_json_writer_raw (writer, json);
  else
    sc_json_writer_null (writer);
}

static gpointer
decode_export (PGresult  *pg,
               GTask     *task,
               GError   **error)
{
  GString *out;
  ScJsonWriter writer;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ScTransferFile) file = NULL;
  g_autoptr(GError) invalid = NULL;
  g_autofree char *text = NULL;
  g_autofree char *reference = NULL;
  gint64 id;

  if (PQntuples (pg) == 0)
    {
      g_propagate_error (error, _scd_case_no_case (GPOINTER_TO_SIZE (g_task_get_task_data (task))));
      return NULL;
    }
  id = scd_pg_int (pg, 0, scd_pg_column (pg, "id"));
  if (scd_pg_string (pg, 0, scd_pg_column (pg, "authority_code")) == NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_CONFLICT,
                           "this authority's code and name are not set, and a transfer file must name its "
                           "sender: an administrator sets them with sendcasectl authority CODE NAME");
      sc_error_take_problem (*error, sc_problem_new (SC_ERROR_CONFLICT, (*error)->message));
      return NULL;
    }
  reference = g_strdup_printf ("%s-%" G_GINT64_FORMAT, scd_pg_string (pg, 0, scd_pg_column (pg, "authority_code")),
                               id);
  out = g_string_sized_new (16384);
  sc_json_writer_init (&writer, out);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member_string (&writer, "format", SC_TRANSFER_FORMAT);
  sc_json_writer_member_int (&writer, "format_version", SC_TRANSFER_FORMAT_VERSION);
  sc_json_writer_member_time (&writer, "exported_at", g_get_real_time ());
  sc_json_writer_member (&writer, "sending_authority");
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member_string (&writer, "code", scd_pg_string (pg, 0, scd_pg_column (pg, "authority_code")));
  sc_json_writer_member_string (&writer, "name", scd_pg_string (pg, 0, scd_pg_column (pg, "authority_name")));
  sc_json_writer_end_object (&writer);
  sc_json_writer_member (&writer, "case");
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member_string (&writer, "reference", reference);
  sc_json_writer_member_string (&writer, "stage", scd_pg_string (pg, 0, scd_pg_column (pg, "stage")));
  sc_json_writer_member_string (&writer, "opened_on", scd_pg_string (pg, 0, scd_pg_column (pg, "opened_on")));
  sc_json_writer_end_object (&writer);
  member_raw (&writer, "person", scd_pg_string (pg, 0, scd_pg_column (pg, "person")));
  sc_json_writer_member (&writer, "plan");
  sc_json_writer_begin_object (&writer);
  member_raw (&writer, "sections", scd_pg_string (pg, 0, scd_pg_column (pg, "sections")));
  member_raw (&writer, "versions", scd_pg_string (pg, 0, scd_pg_column (pg, "versions")));
  sc_json_writer_end_object (&writer);
  member_raw (&writer, "events", scd_pg_string (pg, 0, scd_pg_column (pg, "events")));
  member_raw (&writer, "advice", scd_pg_string (pg, 0, scd_pg_column (pg, "advice")));
  member_raw (&writer, "placement", scd_pg_string (pg, 0, scd_pg_column (pg, "placement")));
  member_raw (&writer, "funding_band", scd_pg_string (pg, 0, scd_pg_column (pg, "funding_band")));
  sc_json_writer_end_object (&writer);
  text = g_string_free (out, FALSE);

  /* what an import would refuse is not handed out */
  root = json_from_string (text, &invalid);
  if (root != NULL)
    file = sc_transfer_file_read (root, NULL, &invalid);
  if (file == NULL)
    {
      const ScProblem *problem = sc_error_get_problem (invalid);
      const ScFieldError *first = problem != NULL && sc_problem_get_n_field_errors (problem) > 0
                                  ? sc_problem_get_field_error (problem, 0) : NULL;

      if (first != NULL && g_str_has_prefix (first->field, "plan"))
        g_set_error (error, SC_ERROR, SC_ERROR_CONFLICT,
                     "case %" G_GINT64_FORMAT " has no plan in force: only a final plan moves by transfer "
                     "(%s: %s)", id, first->field, first->message);
      else
        g_set_error (error, SC_ERROR, SC_ERROR_CONFLICT,
                     "case %" G_GINT64_FORMAT " cannot be exported as it is: %s", id, invalid->message);
      sc_error_take_problem (*error, sc_problem_new (SC_ERROR_CONFLICT, (*error)->message));
      return NULL;
    }
  return g_steal_pointer (&text);
}

void
scd_case_store_export_async (ScdCaseStore        *self,
                             const ScdActor      *actor,
                             gint64               id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, scd_case_store_export_async);
  g_autoptr(ScdParams) params = _scd_case_params_new (actor);

  g_task_set_task_data (task, GSIZE_TO_POINTER ((gsize) id), NULL);
  scd_params_add_int (params, id);
  scd_store_run (SCD_STORE (self), export_sql, params, decode_export, g_free, task);
}

char *
scd_case_store_export_finish (ScdCaseStore  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- the transfer in ---------------------------------------------------------------- */

#define TRANSFER_IN_KEY "scd-transfer-in"

static gpointer
decode_transfer_in (PGresult  *pg,
                    GTask     *task,
                    GError   **error)
{
  ScTransferIn *in;
  GObject *model;
  int open_column = scd_pg_column (pg, "open_case_id");

  if (scd_pg_string (pg, 0, scd_pg_column (pg, "id")) == NULL &&
      scd_pg_string (pg, 0, scd_pg_column (pg, "match_id")) != NULL && scd_pg_bool (pg, 0, scd_pg_column (pg, "person_ok")) &&
      scd_pg_string (pg, 0, scd_pg_column (pg, "person_id")) == NULL)
    {
      g_propagate_error (error, _scd_person_matched (pg, SCD_PERSON_MATCH_TRANSFER));
      return NULL;
    }
  if (scd_pg_string (pg, 0, open_column) != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_CONFLICT,
                   "person already has an open case, case %" G_GINT64_FORMAT
                   ": a plan is transferred in onto a child whose case here has ended",
                   scd_pg_int (pg, 0, open_column));
      sc_error_take_problem (*error, sc_problem_new (SC_ERROR_CONFLICT, (*error)->message));
      sc_set_field_error (error, "person_id", "has an open case, case %" G_GINT64_FORMAT,
                          scd_pg_int (pg, 0, open_column));
      return NULL;
    }
  if (!scd_pg_bool (pg, 0, scd_pg_column (pg, "person_ok")))
    sc_set_field_error (error, "person_id", "is not a person's id");
  if (!scd_pg_bool (pg, 0, scd_pg_column (pg, "owner_ok")))
    sc_set_field_error (error, "owner_id", "is not the id of an active caseworker or team manager");
  if (scd_pg_string (pg, 0, scd_pg_column (pg, "id")) == NULL)
    {
      if (*error == NULL)
        g_set_error_literal (error, SC_ERROR, SC_ERROR_INTERNAL, "the transfer was not written");
      return NULL;
    }

  in = sc_transfer_in_new ();
  in->case_id = scd_pg_int (pg, 0, scd_pg_column (pg, "id"));
  in->person_id = scd_pg_int (pg, 0, scd_pg_column (pg, "person_id"));
  in->person_created = scd_pg_bool (pg, 0, scd_pg_column (pg, "person_created"));
  in->band = _scd_band_mapping_from_row (pg, 0);
  if (in->band == NULL)
    in->band_status = SC_TRANSFER_BAND_NONE;
  else if (scd_pg_bool (pg, 0, scd_pg_column (pg, "mapped")))
    in->band_status = SC_TRANSFER_BAND_MAPPED;
  else
    {
      in->band_status = SC_TRANSFER_BAND_UNMAPPED;
      in->band->waiting++;    /* this one, which the statement's snapshot does not count */
    }
  /* the create's model is an object: the answer rides on it */
  model = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data_full (model, TRANSFER_IN_KEY, in, (GDestroyNotify) sc_transfer_in_free);
  return model;
}

const ScTransferIn *
scd_case_store_transfer_in_of (GObject *model)
{
  return g_object_get_data (model, TRANSFER_IN_KEY);
}

/* Section I as the receiving authority keeps it: without the sending
 * authority's band (ours is mapped in the statement) and, when it names
 * an institution, with the reason it is named without our consultation
 * (the sending authority consulted, or had its own reason: ours is the
 * transfer) */
static char *
section_i_received (const char           *content,
                    const ScTransferFile *file)
{
  g_autoptr(JsonNode) node = json_from_string (content, NULL);
  g_autofree char *reason = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (content);
  object = json_node_get_object (node);
  json_object_remove_member (object, "funding_band");
  if (json_object_has_member (object, "urn"))
    {
      reason = g_strdup_printf ("Named in the plan transferred in from %s (%s)", file->authority_name,
                                file->authority_code);
      json_object_set_string_member (object, "consultation_exemption", reason);
    }
  return json_to_string (node, FALSE);
}

static char *
sections_json (const ScTransferFile *file)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_json_writer_begin_object (&writer);
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    if (file->sections[s] != NULL)
      {
        g_autofree char *content = s == SC_PLAN_SECTION_I ? section_i_received (file->sections[s], file) : NULL;

        sc_json_writer_member (&writer, sc_plan_section_id_to_string (s));
        sc_json_writer_raw (&writer, content != NULL ? content : file->sections[s]);
      }
  sc_json_writer_end_object (&writer);
  return g_string_free (out, FALSE);
}

void
scd_case_store_transfer_in_async (ScdCaseStore             *self,
                                  const ScdActor           *actor,
                                  const ScdTransferRequest *request,
                                  ScdIdempotency           *idempotency,
                                  GCancellable             *cancellable,
                                  GAsyncReadyCallback       callback,
                                  gpointer                  user_data)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, scd_case_store_transfer_in_async);
  const ScTransferFile *file = request->file;
  g_autoptr(ScdParams) params = scd_store_params_new (actor);
  g_autoptr(ScCaseHistory) history = sc_case_history_new ();
  g_autoptr(ScClockInput) input = NULL;
  g_autoptr(ScClockResult) clock = NULL;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *next_due = NULL;
  g_autofree char *milestones = NULL;
  g_autofree char *details = NULL;
  g_autofree char *note = NULL;
  g_autofree char *sections = NULL;
  g_autoptr(JsonNode) person = NULL;
  const char *next_milestone = NULL;
  char day[SC_DAY_STRING_SIZE];
  ScClockEvent event = { .type = SC_EVENT_TRANSFER_IN, .date = request->transferred_on,
                         .last_review = file->last_review };
  guint one = 1;

  sc_case_history_add_event (history, &event, NULL);
  input = sc_case_history_dup_clock_input (history);
  {
    const char *dob = json_object_get_string_member_with_default (file->person, "date_of_birth", NULL);
    ScDay born;

    if (dob != NULL && sc_day_parse (dob, &born))
      sc_clock_input_set_date_of_birth (input, born);
  }
  clock = sc_clock_compute (input, sc_calendar_get_default (), _scd_case_today ());
  g_array_append_val (positions, one);
  milestones = _scd_case_milestones_json (clock, positions, &next_due, &next_milestone);
  details = sc_case_event_dup_details (&event);
  note = file->reference != NULL
         ? g_strdup_printf ("Transferred in from %s (%s), their case %s", file->authority_name,
                            file->authority_code, file->reference)
         : g_strdup_printf ("Transferred in from %s (%s)", file->authority_name, file->authority_code);
  sections = sections_json (file);

  person = json_node_init_object (json_node_alloc (), file->person);
  g_ptr_array_add (params, json_to_string (person, FALSE));
  scd_params_add (params, request->confirm_different_person ? "true" : "false");
  scd_params_add_id (params, request->person_id);
  scd_params_add_int (params, request->owner_id);
  scd_params_add (params, sc_case_stage_to_string (sc_case_get_stage (history)));
  scd_params_add (params, next_due);
  scd_params_add (params, next_milestone);
  scd_params_add (params, sc_day_format (request->transferred_on, day));
  scd_params_add (params, details);
  scd_params_add (params, note);
  scd_params_add (params, milestones);
  scd_params_add (params, file->authority_code);
  scd_params_add (params, file->authority_name);
  scd_params_add (params, file->band != NULL ? file->band->code : NULL);
  scd_params_add (params, file->band != NULL ? file->band->description : NULL);
  if (file->band != NULL)
    scd_params_add_int (params, file->band->annual_amount);
  else
    scd_params_add (params, NULL);
  scd_params_add (params, sections);
  scd_params_add (params, file->reference);
  scd_params_add (params, request->file_text);
  scd_params_add_int (params, scd_actor_get_user_id (actor));
  scd_store_create (SCD_STORE (self), actor, transfer_in_sql, params, idempotency, decode_transfer_in, NULL, NULL,
                    task);
}

ScdCreated *
scd_case_store_transfer_in_finish (ScdCaseStore  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- who this authority is ------------------------------------------------------------ */

void
scd_case_store_set_authority_async (ScdCaseStore        *self,
                                    const ScdActor      *actor,
                                    const char          *code,
                                    const char          *name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, scd_case_store_set_authority_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);

  scd_params_add (params, code);
  scd_params_add (params, name);
  scd_store_run (SCD_STORE (self), authority_sql, params, NULL, NULL, task);
}

gboolean
scd_case_store_set_authority_finish (ScdCaseStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
