/* scd-plan-handlers.c
 *
 * The draft EHC plan of a case, section by section: the whole draft with
 * its quality warnings, one section with its version as ETag, and a
 * section's change (PUT, If-Match the section's version; If-None-Match: *
 * for one never written). A plan is case content (docs/access.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-plans"

#include "config.h"

#include "sc-plan-version.h"
#include "sc-json.h"
#include "sc-problem.h"
#include "scd-handlers.h"
#include "scd-plan-pdf.h"

typedef struct
{
  gint64           case_id;
  GPtrArray       *sections;   /* of ScPlanSection */
  ScPlanSectionId  only;       /* one section, or SC_PLAN_SECTION_NONE for the draft */
  GPtrArray       *advice;     /* of ScPlanAdvice */
} Draft;

static void
write_draft (Draft        *draft,
             ScJsonWriter *writer)
{
  const char *contents[SC_N_PLAN_SECTIONS];
  g_autoptr(GPtrArray) warnings = NULL;

  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    contents[s] = sc_plan_section_get_content (g_ptr_array_index (draft->sections, s));
  warnings = sc_plan_check_quality (contents, draft->advice);
  sc_plan_draft_write_json (draft->case_id, draft->sections, warnings, draft->advice, writer);
}

/* The path's {section}, or a 404 */
static gboolean
parse_section (ScdRequest      *request,
               ScPlanSectionId *id)
{
  const char *text = scd_request_get_param (request, "section");

  *id = sc_plan_section_id_from_string (text);
  if (*id == SC_PLAN_SECTION_NONE)
    {
      scd_request_reply_problem_printf (request, SC_ERROR_NOT_FOUND,
                                        "no plan section %s: the sections are a to k, with h1 and h2", text);
      return FALSE;
    }
  return TRUE;
}

static void
draft_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) advice = NULL;
  g_autoptr(GPtrArray) sections = scd_plan_store_get_draft_finish (SCD_PLAN_STORE (object), result, &advice,
                                                                   &error);
  Draft draft = { 0, sections, SC_PLAN_SECTION_NONE, advice };
  ScPlanSectionId only = sc_plan_section_id_from_string (scd_request_get_param (request, "section"));
  ScPlanSection *section;

  if (sections == NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  section = g_ptr_array_index (sections, 0);
  draft.case_id = sc_plan_section_get_case_id (section);
  if (only == SC_PLAN_SECTION_NONE)
    {
      scd_handler_reply_model (request, SOUP_STATUS_OK, &draft, (ScWriteJsonFunc) write_draft);
      return;
    }
  section = g_ptr_array_index (sections, only);
  if (sc_plan_section_get_version (section) > 0)
    scd_handler_set_etag (request, sc_plan_section_get_version (section));
  scd_handler_reply_model (request, SOUP_STATUS_OK, section, (ScWriteJsonFunc) sc_plan_section_write_json);
}

static void
get_draft (ScdRequest *request)
{
  gint64 id;

  if (scd_handler_parse_id (request, "case", &id))
    scd_plan_store_get_draft_async (scd_handler_stores (request)->plans, scd_request_get_actor (request), id,
                                    scd_request_get_cancellable (request), draft_cb, scd_handler_hold (request));
}

void
scd_plan_handler_get_draft (ScdRequest *request)
{
  get_draft (request);
}

void
scd_plan_handler_get_section (ScdRequest *request)
{
  ScPlanSectionId section;

  if (parse_section (request, &section))
    get_draft (request);
}

static void
put_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  gint64 current = 0;
  g_autoptr(ScPlanSection) section = scd_plan_store_put_section_finish (SCD_PLAN_STORE (object), result, &current,
                                                                        &error);

  if (g_error_matches (error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED))
    scd_handler_set_etag (request, current);
  if (section == NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_handler_set_etag (request, sc_plan_section_get_version (section));
  scd_handler_reply_model (request, SOUP_STATUS_OK, section, (ScWriteJsonFunc) sc_plan_section_write_json);
}

static const char * const put_members[] = { "content", NULL };

void
scd_plan_handler_put_section (ScdRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;
  ScPlanSectionId section;
  gint64 version = 0;
  gint64 id;

  if (!scd_handler_parse_id (request, "case", &id) || !parse_section (request, &section))
    return;
  body = scd_handler_read_body (request, put_members, &error);
  if (body == NULL)
    return;
  content = sc_plan_section_check_content (section, json_object_get_member (body, "content"), &error);
  if (error != NULL || (!scd_handler_creates (request) && !scd_request_get_if_match (request, &version, &error)))
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_plan_store_put_section_async (scd_handler_stores (request)->plans, scd_request_get_actor (request), id,
                                    section, content, version, scd_request_get_cancellable (request), put_cb,
                                    scd_handler_hold (request));
}

/* --- issued versions ---------------------------------------------------------- */

static void
versions_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = scd_plan_store_list_versions_finish (SCD_PLAN_STORE (object), result, &error);

  if (versions == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, versions, NULL, (ScWriteJsonFunc) sc_plan_version_write_summary_json);
}

void
scd_plan_handler_list_versions (ScdRequest *request)
{
  gint64 id;

  if (scd_handler_parse_id (request, "case", &id))
    scd_plan_store_list_versions_async (scd_handler_stores (request)->plans, scd_request_get_actor (request), id,
                                        scd_request_get_cancellable (request), versions_cb,
                                        scd_handler_hold (request));
}

static void
pair_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pair = scd_plan_store_get_versions_finish (SCD_PLAN_STORE (object), result, &error);
  GString *out;
  ScJsonWriter writer;

  if (pair == NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  if (scd_request_get_param (request, "other") == NULL)
    {
      scd_handler_reply_model (request, SOUP_STATUS_OK, g_ptr_array_index (pair, 0),
                               (ScWriteJsonFunc) sc_plan_version_write_json);
      return;
    }
  out = g_string_sized_new (1024);
  sc_json_writer_init (&writer, out);
  sc_plan_version_write_diff_json (g_ptr_array_index (pair, 0), g_ptr_array_index (pair, 1), &writer);
  scd_request_reply_json_text (request, SOUP_STATUS_OK, g_string_free (out, FALSE));
}

/* One version, or two for their difference */
static void
get_pair (ScdRequest *request,
          gboolean    diff)
{
  gint64 id, first, second;

  if (!scd_handler_parse_id (request, "case", &id) ||
      !scd_handler_parse_param_id (request, "number", "plan version", &first))
    return;
  if (!diff)
    second = first;
  else if (!scd_handler_parse_param_id (request, "other", "plan version", &second))
    return;
  scd_plan_store_get_versions_async (scd_handler_stores (request)->plans, scd_request_get_actor (request), id, first,
                                     second, scd_request_get_cancellable (request), pair_cb,
                                     scd_handler_hold (request));
}

void
scd_plan_handler_get_version (ScdRequest *request)
{
  get_pair (request, FALSE);
}

void
scd_plan_handler_diff_versions (ScdRequest *request)
{
  get_pair (request, TRUE);
}

/* --- issuing ------------------------------------------------------------------------ */

static const char * const issue_members[] = { "kind", "date", "note", "phase_transfer", NULL };

/* The event that issues a version of @kind */
static const char *
issuing_event (const char *kind)
{
  static const char * const events[] = {
    "draft_plan_issued", "final_plan_issued", "amended_plan_issued", "amendment_notice_issued",
  };

  for (guint k = 0; k < G_N_ELEMENTS (events); k++)
    if (g_strcmp0 (kind, sc_plan_version_kind_to_string (k)) == 0)
      return events[k];
  return NULL;
}

/* POST .../plan/versions {"kind", "date", "note"}: the case event that
 * issues a version of that kind, recorded as POST .../events records it
 * (the same rules, idempotency and answer), so the draft is frozen in the
 * event's transaction either way. */
void
scd_plan_handler_issue (ScdRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *kind = NULL;
  const char *type;
  gint64 id;

  if (!scd_handler_parse_id (request, "case", &id))
    return;
  body = scd_handler_read_body (request, issue_members, &error);
  if (body == NULL)
    return;
  if (error != NULL || !sc_json_read_string (body, "kind", TRUE, &kind, &error))
    {
      scd_request_reply_error (request, error);
      return;
    }
  if ((type = issuing_event (kind)) == NULL)
    {
      sc_set_field_error (&error, "kind", "must be draft, final, amended or proposed");
      scd_request_reply_error (request, error);
      return;
    }
  if (json_object_has_member (body, "phase_transfer") && g_strcmp0 (kind, "amended") != 0)
    {
      sc_set_field_error (&error, "phase_transfer", "is given only with an amended plan");
      scd_request_reply_error (request, error);
      return;
    }
  json_object_set_string_member (body, "type", type);
  json_object_remove_member (body, "kind");
  scd_case_handler_record_event (request, id, body);
}

/* --- a version as PDF ------------------------------------------------------------- */

static void
pdf_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = scd_plan_pdf_render_finish (result, &error);
  g_autofree char *disposition = NULL;

  if (pdf == NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  disposition = g_strdup_printf ("inline; filename=\"%s\"", (char *) scd_request_get_data (request, "file-name"));
  scd_request_add_header (request, "Content-Disposition", disposition);
  scd_request_reply_bytes (request, SOUP_STATUS_OK, "application/pdf", pdf);
}

static void
document_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  ScPlanDocument *document = scd_plan_store_get_document_finish (SCD_PLAN_STORE (object), result, &error);

  if (document == NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_request_set_data (request, "file-name", scd_plan_pdf_dup_file_name (document), g_free);
  scd_plan_pdf_render_async (document, scd_request_get_cancellable (request), pdf_cb,
                             scd_handler_hold (request));
}

void
scd_plan_handler_get_version_pdf (ScdRequest *request)
{
  gint64 id, number;

  if (scd_handler_parse_id (request, "case", &id) &&
      scd_handler_parse_param_id (request, "number", "plan version", &number))
    scd_plan_store_get_document_async (scd_handler_stores (request)->plans, scd_request_get_actor (request), id,
                                       number, scd_request_get_cancellable (request), document_cb,
                                       scd_handler_hold (request));
}
