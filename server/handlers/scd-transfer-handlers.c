/* scd-transfer-handlers.c
 *
 * Moving a case between authorities (docs/transfer-format.md): a case's
 * interchange file (GET /cases/{id}/export, audited case.export), a file
 * imported as a transfer in (POST /transfers, with Idempotency-Key,
 * audited transfer.import), and the mappings of other authorities' bands
 * onto ours, listed for every case role (GET /band-mappings) and decided
 * by a team manager at their version (PUT /band-mappings/{authority}/{code}).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-transfers"

#include "config.h"

#include "sc-json.h"
#include "sc-problem.h"
#include "sc-transfer.h"
#include "scd-handlers.h"

/* --- export ------------------------------------------------------------------ */

/* The file made (or why not), kept while its audit row is written */
typedef struct
{
  ScdRequest *request;
  char       *file;
  GError     *error;
} Export;

static void
export_free (Export *export)
{
  scd_request_unref (export->request);
  g_free (export->file);
  g_clear_error (&export->error);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

/* The file goes only once its audit row is written; a refusal is audited
 * as a failure */
static void
export_audited_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *disposition = NULL;

  if (!scd_audit_store_record_finish (SCD_AUDIT_STORE (object), result, &error))
    {
      scd_request_reply_error (export->request, error);
      return;
    }
  if (export->file == NULL)
    {
      scd_request_reply_error (export->request, export->error);
      return;
    }
  disposition = g_strdup_printf ("attachment; filename=\"transfer-case-%s.json\"",
                                 scd_request_get_param (export->request, "id"));
  scd_request_add_header (export->request, "Content-Disposition", disposition);
  scd_request_reply_json_text (export->request, SOUP_STATUS_OK, g_steal_pointer (&export->file));
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  Export *export = g_new0 (Export, 1);

  export->file = scd_case_store_export_finish (SCD_CASE_STORE (object), result, &export->error);
  export->request = scd_request_ref (request);
  /* a case the actor cannot see, or the database gone: nothing was read */
  if (export->file == NULL && !g_error_matches (export->error, SC_ERROR, SC_ERROR_CONFLICT))
    {
      scd_request_reply_error (request, export->error);
      export_free (export);
      return;
    }
  scd_audit_store_record_async (scd_handler_stores (request)->audit, scd_request_get_actor (request),
                                export->file != NULL ? "success" : "failure", scd_request_get_param (request, "id"),
                                scd_request_get_cancellable (request), export_audited_cb, export);
}

void
scd_transfer_handler_export (ScdRequest *request)
{
  gint64 id;

  if (!scd_handler_parse_id (request, "case", &id))
    return;
  scd_case_store_export_async (scd_handler_stores (request)->cases, scd_request_get_actor (request), id,
                               scd_request_get_cancellable (request), export_cb, scd_handler_hold (request));
}

/* --- import ------------------------------------------------------------------ */

static void
transfer_answer (GObject    *model,
                 ScdCreated *created)
{
  const ScTransferIn *in = scd_case_store_transfer_in_of (model);

  scd_handler_answer_created (created, (gpointer) in, (ScWriteJsonFunc) sc_transfer_in_write_json,
                              "/api/v1/cases", in->case_id, created->version);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScdCreated) created = scd_case_store_transfer_in_finish (SCD_CASE_STORE (object), result, &error);

  if (created == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_created (request, created);
}

static const char * const import_members[] = {
  "file", "owner_id", "transferred_on", "person_id", "confirm_different_person", NULL
};

void
scd_transfer_handler_import (ScdRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScdIdempotency) idempotency = NULL;
  g_autoptr(ScTransferFile) file = NULL;
  g_autofree char *file_text = NULL;
  ScdTransferRequest ask = { 0 };
  gboolean manager = g_strcmp0 (scd_actor_get_role (scd_request_get_actor (request)), "team_manager") == 0;
  GDate today;
  JsonNode *node;

  body = scd_handler_read_body (request, import_members, &error);
  if (body == NULL)
    return;
  node = json_object_get_member (body, "file");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    sc_set_field_error (&error, "file", "is needed: the transfer file the sending authority exported");
  else
    {
      g_autoptr(GError) invalid = NULL;

      file = sc_transfer_file_read (node, "file", &invalid);
      if (file == NULL)
        {
          const ScProblem *problem = sc_error_get_problem (invalid);

          for (guint i = 0; problem != NULL && i < sc_problem_get_n_field_errors (problem); i++)
            {
              const ScFieldError *e = sc_problem_get_field_error (problem, i);
              sc_set_field_error (&error, e->field, "%s", e->message);
            }
          if (problem == NULL || sc_problem_get_n_field_errors (problem) == 0)
            sc_set_field_error (&error, "file", "%s", invalid->message);
        }
      else
        file_text = json_to_string (node, FALSE);
    }
  /* a team manager names who holds the case; a caseworker holds it */
  if (!sc_json_read_int (body, "owner_id", FALSE, &ask.owner_id, NULL) || ask.owner_id < 0)
    sc_set_field_error (&error, "owner_id", "must be a user's id");
  else if (manager && ask.owner_id < 1)
    sc_set_field_error (&error, "owner_id", "is needed: the caseworker or team manager who will hold the case");
  else if (!manager && ask.owner_id != 0 && ask.owner_id != scd_actor_get_user_id (scd_request_get_actor (request)))
    sc_set_field_error (&error, "owner_id", "must be your own id: a caseworker holds the cases they transfer in");
  if (!manager)
    ask.owner_id = scd_actor_get_user_id (scd_request_get_actor (request));
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  if (!sc_json_read_day (body, "transferred_on", TRUE, &ask.transferred_on, NULL) ||
      ask.transferred_on == SC_DAY_NONE)
    sc_set_field_error (&error, "transferred_on", "is needed: the day the plan became ours, YYYY-MM-DD");
  else if (ask.transferred_on > g_date_get_julian (&today))
    sc_set_field_error (&error, "transferred_on", "must not be after today: record the transfer when it happens");
  if (!sc_json_read_int (body, "person_id", FALSE, &ask.person_id, NULL) || ask.person_id < 0)
    sc_set_field_error (&error, "person_id", "must be a person's id");
  sc_json_read_boolean (body, "confirm_different_person", FALSE, &ask.confirm_different_person, NULL, &error);
  idempotency = scd_handler_idempotency (request, transfer_answer, &error);
  if (error != NULL)
    {
      if (file == NULL && sc_error_get_problem (error) != NULL)
        {
          const ScProblem *problem = sc_error_get_problem (error);
          g_autoptr(GError) whole = g_error_new (SC_ERROR, SC_ERROR_INVALID_INPUT,
                                                 "%u problem%s: nothing was imported (the first: %s)",
                                                 sc_problem_get_n_field_errors (problem),
                                                 sc_problem_get_n_field_errors (problem) == 1 ? "" : "s",
                                                 error->message);
          ScProblem *all = sc_problem_new (SC_ERROR_INVALID_INPUT, whole->message);

          for (guint i = 0; i < sc_problem_get_n_field_errors (problem); i++)
            sc_problem_add_field_error (all, sc_problem_get_field_error (problem, i)->field,
                                        sc_problem_get_field_error (problem, i)->message);
          sc_error_take_problem (whole, all);
          scd_request_reply_error (request, whole);
          return;
        }
      scd_request_reply_error (request, error);
      return;
    }
  ask.file = file;
  ask.file_text = file_text;
  scd_case_store_transfer_in_async (scd_handler_stores (request)->cases, scd_request_get_actor (request), &ask,
                                    idempotency, scd_request_get_cancellable (request), imported_cb,
                                    scd_handler_hold (request));
}

/* --- band mappings ----------------------------------------------------------- */

static void
mappings_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;
  g_autoptr(GPtrArray) mappings = scd_funding_band_store_list_mappings_finish (SCD_FUNDING_BAND_STORE (object),
                                                                              result, &next_cursor, &error);

  if (mappings == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, mappings, next_cursor, (ScWriteJsonFunc) sc_band_mapping_write_json);
}

static gboolean
cursor_is_valid (const char *cursor)
{
  g_auto(GStrv) parts = g_strsplit (cursor, ".", 2);

  return g_strv_length (parts) == 2 && sc_authority_code_is_valid (parts[0]) &&
         sc_funding_band_code_is_valid (parts[1]);
}

void
scd_transfer_handler_list_mappings (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  const char *cursor = scd_handler_get_query_text (request, "cursor", &error);
  const char *status = scd_handler_get_query_text (request, "status", &error);
  guint limit = 0;

  scd_handler_parse_limit (request, &limit, &error);
  if (cursor != NULL && !cursor_is_valid (cursor))
    sc_set_field_error (&error, "cursor", "is not a cursor this server gave out");
  if (status != NULL && g_strcmp0 (status, "pending") != 0 && g_strcmp0 (status, "all") != 0)
    sc_set_field_error (&error, "status", "must be pending or all");
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_funding_band_store_list_mappings_async (scd_handler_stores (request)->funding_bands,
                                              scd_request_get_actor (request), g_strcmp0 (status, "pending") == 0,
                                              cursor, limit, scd_request_get_cancellable (request), mappings_cb,
                                              scd_handler_hold (request));
}

static void
decided_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  gint64 current = 0;
  g_autoptr(ScBandMapping) mapping = scd_funding_band_store_decide_mapping_finish (SCD_FUNDING_BAND_STORE (object),
                                                                                   result, &current, &error);

  scd_handler_reply_versioned (request, mapping, mapping != NULL ? mapping->version : 0, error, current,
                               (ScWriteJsonFunc) sc_band_mapping_write_json);
}

void
scd_transfer_handler_decide_mapping (ScdRequest *request)
{
  const char *authority = scd_request_get_param (request, "authority");
  const char *code = scd_request_get_param (request, "code");
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours = NULL;
  gint64 version = 0;

  if (!sc_authority_code_is_valid (authority) || !sc_funding_band_code_is_valid (code))
    {
      scd_request_reply_problem_printf (request, SC_ERROR_NOT_FOUND, "no band %s of authority %s awaits a mapping",
                                        code, authority);
      return;
    }
  body = scd_handler_read_body (request, sc_band_mapping_change_members, &error);
  if (body == NULL)
    return;
  ours = sc_band_mapping_change_read (body, &error);
  if (ours != NULL)
    scd_request_get_if_match (request, &version, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_funding_band_store_decide_mapping_async (scd_handler_stores (request)->funding_bands,
                                               scd_request_get_actor (request), authority, code, ours, version,
                                               scd_request_get_cancellable (request), decided_cb,
                                               scd_handler_hold (request));
}
