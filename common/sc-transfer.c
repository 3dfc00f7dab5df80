/* sc-transfer.c
 *
 * The interchange file of a case moving between authorities, read whole:
 * each part is checked by the rules that own it (the person's by
 * sc_person_check_input, each plan section's by
 * sc_plan_section_check_content, the events by the clock's own reader)
 * and their field errors are gathered under the file's path, so an invalid
 * file is refused once with every problem. The band mapping and the
 * import's answer, with their codecs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-transfer"

#include "config.h"

#include <string.h>

#include "sc-clock.h"
#include "sc-consultation.h"
#include "sc-error.h"
#include "sc-institution.h"
#include "sc-json.h"
#include "sc-person.h"
#include "sc-problem.h"
#include "sc-transfer.h"

static const char * const file_members[] = {
  "format", "format_version", "exported_at", "sending_authority", "case", "person", "plan", "events",
  "advice", "placement", "funding_band", NULL
};
static const char * const authority_members[] = { "code", "name", NULL };
static const char * const case_members[] = { "reference", "stage", "opened_on", NULL };
static const char * const plan_members[] = { "sections", "versions", NULL };
static const char * const version_members[] = { "number", "kind", "issued_on", NULL };
static const char * const advice_members[] = { "adviser", "requested_on", "due", "received_on", NULL };
static const char * const placement_members[] = { "urn", "name", "type", NULL };
static const char * const band_members[] = { "code", "description", "annual_amount", NULL };
static const char * const version_kinds[] = { "draft", "final", "amended", "proposed", NULL };

const char * const sc_band_mapping_change_members[] = { "our_code", NULL };

gboolean
sc_authority_code_is_valid (const char *code)
{
  return code != NULL && strlen (code) == 3 && g_ascii_isdigit (code[0]) && g_ascii_isdigit (code[1]) &&
         g_ascii_isdigit (code[2]);
}

/* --- reading, with every error under the file's path ------------------------ */

typedef struct
{
  const char  *prefix;
  GError     **error;
} Reader;

static char *
path_of (Reader     *reader,
         const char *field)
{
  if (reader->prefix == NULL || reader->prefix[0] == '\0')
    return g_strdup (field);
  return g_strconcat (reader->prefix, ".", field, NULL);
}

#define fail(reader, field, ...) \
  G_STMT_START { \
    g_autofree char *path_ = path_of ((reader), (field)); \
    sc_set_field_error ((reader)->error, path_, __VA_ARGS__); \
  } G_STMT_END

/* The field errors of @from, each under @under (a path inside the file),
 * with a leading @strip of the field removed ("content" of a section) */
static void
merge (Reader       *reader,
       const GError *from,
       const char   *under,
       const char   *strip)
{
  const ScProblem *problem = sc_error_get_problem (from);
  guint n = problem != NULL ? sc_problem_get_n_field_errors (problem) : 0;

  if (n == 0)
    {
      fail (reader, under, "%s", from->message);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      const ScFieldError *e = sc_problem_get_field_error (problem, i);
      const char *field = e->field;
      g_autofree char *inside = NULL;

      if (strip != NULL && g_str_has_prefix (field, strip))
        field += strlen (strip);
      while (field[0] == '.')
        field++;
      if (under[0] == '\0' || field[0] == '\0')
        inside = g_strconcat (under, field, NULL);
      else
        inside = g_strconcat (under, field[0] == '[' ? "" : ".", field, NULL);
      fail (reader, inside, "%s", e->message);
    }
}

/* The member @name of @object as an object (NULL: absent or null); a
 * field error when it is something else or has a member not in @allowed */
static JsonObject *
object_member (Reader             *reader,
               JsonObject         *object,
               const char         *name,
               gboolean            required,
               const char * const *allowed)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonObject *member;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        fail (reader, name, "is needed");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (reader, name, "must be an object");
      return NULL;
    }
  member = json_node_get_object (node);
  if (allowed != NULL)
    {
      g_autoptr(GError) unknown = NULL;

      if (!sc_json_check_members (member, allowed, &unknown))
        merge (reader, unknown, name, NULL);
    }
  return member;
}

static JsonArray *
array_member (Reader     *reader,
              JsonObject *object,
              const char *name,
              gboolean    required)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        fail (reader, name, "is needed");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (reader, name, "must be an array");
      return NULL;
    }
  return json_node_get_array (node);
}

/* The member's string, or NULL; a field error when it is required and
 * absent, not a string, empty or longer than @max characters */
static const char *
text_member (Reader     *reader,
             JsonObject *object,
             const char *under,
             const char *name,
             gboolean    required,
             glong       max)
{
  g_autofree char *field = g_strconcat (under, ".", name, NULL);
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  const char *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        fail (reader, field, "is needed");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      fail (reader, field, "must be a string");
      return NULL;
    }
  text = json_node_get_string (node);
  if (text[0] == '\0' || g_utf8_strlen (text, -1) > max)
    {
      fail (reader, field, "must be 1 to %ld characters", max);
      return NULL;
    }
  return text;
}

static ScDay
day_member (Reader     *reader,
            JsonObject *object,
            const char *under,
            const char *name,
            gboolean    required)
{
  g_autofree char *field = g_strconcat (under, ".", name, NULL);
  ScDay day = SC_DAY_NONE;

  if (!sc_json_read_day (object, name, FALSE, &day, NULL))
    fail (reader, field, "must be a date YYYY-MM-DD");
  else if (required && day == SC_DAY_NONE)
    fail (reader, field, "is needed: a date YYYY-MM-DD");
  return day;
}

static gint64
amount_member (Reader     *reader,
               JsonObject *object,
               const char *under,
               const char *name)
{
  g_autofree char *field = g_strconcat (under, ".", name, NULL);
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > SC_CONSULTATION_MAX_AMOUNT)
    {
      fail (reader, field, "is needed: a whole number of pence a year from 0 to %" G_GINT64_FORMAT,
            SC_CONSULTATION_MAX_AMOUNT);
      return 0;
    }
  return json_node_get_int (node);
}

static void
read_header (Reader         *reader,
             JsonObject     *root,
             ScTransferFile *file)
{
  const char *format = NULL;
  gint64 version = 0;
  gint64 exported_at = 0;
  JsonObject *authority, *kase;
  const char *code;

  if (!sc_json_read_string (root, "format", TRUE, &format, NULL) || g_strcmp0 (format, SC_TRANSFER_FORMAT) != 0)
    fail (reader, "format", "must be \"" SC_TRANSFER_FORMAT "\": this is not a sendcase transfer file");
  if (!sc_json_read_int (root, "format_version", TRUE, &version, NULL) || version != SC_TRANSFER_FORMAT_VERSION)
    fail (reader, "format_version", "must be %d: this server reads version %d of the format",
          SC_TRANSFER_FORMAT_VERSION, SC_TRANSFER_FORMAT_VERSION);
  if (!sc_json_read_time (root, "exported_at", TRUE, &exported_at, NULL) || exported_at == 0)
    fail (reader, "exported_at", "is needed: when the file was written, as RFC 3339");

  authority = object_member (reader, root, "sending_authority", TRUE, authority_members);
  code = text_member (reader, authority, "sending_authority", "code", TRUE, 3);
  if (code != NULL && !sc_authority_code_is_valid (code))
    fail (reader, "sending_authority.code", "must be the authority's three-digit code, such as \"812\"");
  else if (code != NULL)
    file->authority_code = g_strdup (code);
  file->authority_name = g_strdup (text_member (reader, authority, "sending_authority", "name", TRUE,
                                                SC_AUTHORITY_NAME_MAX_CHARS));

  kase = object_member (reader, root, "case", FALSE, case_members);
  if (kase != NULL)
    {
      file->reference = g_strdup (text_member (reader, kase, "case", "reference", FALSE, 100));
      text_member (reader, kase, "case", "stage", FALSE, 40);
      day_member (reader, kase, "case", "opened_on", FALSE);
    }
}

static void
read_person (Reader         *reader,
             JsonObject     *root,
             ScTransferFile *file)
{
  JsonObject *person = object_member (reader, root, "person", TRUE, NULL);
  g_autoptr(GError) error = NULL;

  if (person == NULL)
    return;
  file->person = sc_person_check_input (person, FALSE, &error);
  if (file->person == NULL)
    merge (reader, error, "person", NULL);
}

static void
read_plan (Reader         *reader,
           JsonObject     *root,
           ScTransferFile *file)
{
  JsonObject *plan = object_member (reader, root, "plan", TRUE, plan_members);
  JsonObject *sections;
  JsonArray *versions;
  gboolean in_force = FALSE;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (plan == NULL)
    return;
  sections = object_member (reader, plan, "sections", TRUE, NULL);
  if (sections != NULL)
    {
      json_object_iter_init (&iter, sections);
      while (json_object_iter_next (&iter, &name, &node))
        {
          ScPlanSectionId id = sc_plan_section_id_from_string (name);
          g_autofree char *under = g_strconcat ("plan.sections.", name, NULL);
          g_autoptr(GError) error = NULL;

          if (id == SC_PLAN_SECTION_NONE)
            {
              fail (reader, under, "is not a section of an EHC plan (a to k, with h1 and h2)");
              continue;
            }
          file->sections[id] = sc_plan_section_check_content (id, node, &error);
          if (file->sections[id] == NULL)
            merge (reader, error, under, "content");
        }
      if (file->sections[SC_PLAN_SECTION_I] != NULL)
        {
          g_autoptr(JsonNode) i = json_from_string (file->sections[SC_PLAN_SECTION_I], NULL);
          const char *urn = NULL;

          if (i != NULL && JSON_NODE_HOLDS_OBJECT (i))
            sc_json_read_string (json_node_get_object (i), "urn", FALSE, &urn, NULL);
          file->placement_urn = g_strdup (urn);
        }
    }

  versions = array_member (reader, plan, "versions", TRUE);
  for (guint v = 0; versions != NULL && v < json_array_get_length (versions); v++)
    {
      g_autofree char *under = g_strdup_printf ("plan.versions[%u]", v);
      JsonNode *element = json_array_get_element (versions, v);
      JsonObject *version;
      gint64 number = 0;
      const char *kind;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          fail (reader, under, "must be an object");
          continue;
        }
      version = json_node_get_object (element);
      {
        g_autoptr(GError) unknown = NULL;

        if (!sc_json_check_members (version, version_members, &unknown))
          merge (reader, unknown, under, NULL);
      }
      if (!sc_json_read_int (version, "number", TRUE, &number, NULL) || number < 1)
        {
          g_autofree char *field = g_strconcat (under, ".number", NULL);
          fail (reader, field, "is needed: a number from 1");
        }
      kind = text_member (reader, version, under, "kind", TRUE, 20);
      if (kind != NULL && !g_strv_contains (version_kinds, kind))
        {
          g_autofree char *field = g_strconcat (under, ".kind", NULL);
          fail (reader, field, "must be one of draft, final, amended, proposed");
        }
      in_force |= g_strcmp0 (kind, "final") == 0 || g_strcmp0 (kind, "amended") == 0;
      day_member (reader, version, under, "issued_on", TRUE);
      file->n_versions++;
    }
  if (versions != NULL && !in_force)
    fail (reader, "plan.versions", "must hold the final plan: only a plan in force moves by transfer");
}

static void
read_events (Reader         *reader,
             JsonObject     *root,
             ScTransferFile *file)
{
  JsonArray *events = array_member (reader, root, "events", TRUE);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) input = NULL;
  g_autoptr(ScClockInput) clock = NULL;
  g_autoptr(GError) error = NULL;
  ScDay last_review = SC_DAY_NONE, last_issue = SC_DAY_NONE;

  if (events == NULL)
    return;
  if (json_array_get_length (events) == 0)
    {
      fail (reader, "events", "must hold the case's history");
      return;
    }
  /* the clock's reader checks each event as it checks a case's */
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "events");
  json_builder_add_value (builder, json_node_init_array (json_node_alloc (), events));
  json_builder_end_object (builder);
  input = json_builder_get_root (builder);
  clock = sc_clock_input_new_from_json (input, &error);
  if (clock == NULL)
    {
      merge (reader, error, "", NULL);
      return;
    }
  file->n_events = sc_clock_input_get_n_events (clock);
  for (guint e = 0; e < file->n_events; e++)
    {
      const ScClockEvent *event = sc_clock_input_get_event (clock, e);

      if (event->type == SC_EVENT_REVIEW_MEETING)
        last_review = MAX (last_review, event->date);
      else if (event->type == SC_EVENT_FINAL_PLAN_ISSUED || event->type == SC_EVENT_AMENDED_PLAN_ISSUED)
        last_issue = MAX (last_issue, event->date);
    }
  file->last_review = last_review != SC_DAY_NONE ? last_review : last_issue;
}

static void
read_rest (Reader         *reader,
           JsonObject     *root,
           ScTransferFile *file)
{
  JsonArray *advice = array_member (reader, root, "advice", FALSE);
  JsonObject *placement = object_member (reader, root, "placement", FALSE, placement_members);
  JsonObject *band = object_member (reader, root, "funding_band", FALSE, band_members);

  for (guint a = 0; advice != NULL && a < json_array_get_length (advice); a++)
    {
      g_autofree char *under = g_strdup_printf ("advice[%u]", a);
      JsonNode *element = json_array_get_element (advice, a);
      g_autoptr(GError) unknown = NULL;
      JsonObject *item;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          fail (reader, under, "must be an object");
          continue;
        }
      item = json_node_get_object (element);
      if (!sc_json_check_members (item, advice_members, &unknown))
        merge (reader, unknown, under, NULL);
      text_member (reader, item, under, "adviser", TRUE, 100);
      day_member (reader, item, under, "requested_on", TRUE);
      day_member (reader, item, under, "due", FALSE);
      day_member (reader, item, under, "received_on", FALSE);
    }

  if (placement != NULL)
    {
      const char *urn = text_member (reader, placement, "placement", "urn", TRUE, 20);

      if (urn != NULL && !sc_urn_is_valid (urn))
        fail (reader, "placement.urn", "must be a URN: digits, not starting with 0");
      else if (urn != NULL && file->placement_urn != NULL && g_strcmp0 (urn, file->placement_urn) != 0)
        fail (reader, "placement.urn", "must be the institution section I names (%s)", file->placement_urn);
      text_member (reader, placement, "placement", "name", FALSE, 200);
      text_member (reader, placement, "placement", "type", FALSE, 200);
    }

  if (band != NULL)
    {
      const char *code = text_member (reader, band, "funding_band", "code", TRUE, SC_FUNDING_BAND_CODE_MAX_CHARS);
      const char *description = text_member (reader, band, "funding_band", "description", TRUE,
                                             SC_FUNDING_BAND_DESCRIPTION_MAX_CHARS);
      gint64 amount = amount_member (reader, band, "funding_band", "annual_amount");

      if (code != NULL && !sc_funding_band_code_is_valid (code))
        fail (reader, "funding_band.code", "must be a band's code: 1 to 20 letters, digits, spaces, dots, "
                                           "dashes or underscores");
      file->band = sc_funding_band_new ();
      file->band->code = g_strdup (code);
      file->band->description = g_strdup (description);
      file->band->annual_amount = amount;
    }
}

void
sc_transfer_file_free (ScTransferFile *file)
{
  if (file == NULL)
    return;
  g_free (file->authority_code);
  g_free (file->authority_name);
  g_free (file->reference);
  g_clear_pointer (&file->person, json_object_unref);
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    g_free (file->sections[s]);
  sc_funding_band_free (file->band);
  g_free (file->placement_urn);
  g_free (file);
}

ScTransferFile *
sc_transfer_file_read (JsonNode    *root,
                       const char  *prefix,
                       GError     **error)
{
  g_autoptr(ScTransferFile) file = g_new0 (ScTransferFile, 1);
  g_autoptr(GError) local_error = NULL;
  Reader reader = { prefix, &local_error };
  JsonObject *object;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      sc_set_field_error (error, prefix != NULL && prefix[0] != '\0' ? prefix : "file",
                          "must be a sendcase transfer file: a JSON object");
      return NULL;
    }
  object = json_node_get_object (root);
  {
    g_autoptr(GError) unknown = NULL;

    if (!sc_json_check_members (object, file_members, &unknown))
      merge (&reader, unknown, "", NULL);
  }
  read_header (&reader, object, file);
  read_person (&reader, object, file);
  read_plan (&reader, object, file);
  read_events (&reader, object, file);
  read_rest (&reader, object, file);
  if (local_error != NULL)
    {
      const ScProblem *problem = sc_error_get_problem (local_error);
      guint n = problem != NULL ? sc_problem_get_n_field_errors (problem) : 1;
      g_autoptr(GError) whole = g_error_new (SC_ERROR, SC_ERROR_INVALID_INPUT,
                                             "the transfer file has %u problem%s: nothing was imported "
                                             "(the first: %s)", n, n == 1 ? "" : "s", local_error->message);
      ScProblem *all = sc_problem_new (SC_ERROR_INVALID_INPUT, whole->message);

      for (guint i = 0; problem != NULL && i < n; i++)
        {
          const ScFieldError *e = sc_problem_get_field_error (problem, i);
          sc_problem_add_field_error (all, e->field, e->message);
        }
      sc_error_take_problem (whole, all);
      g_propagate_error (error, g_steal_pointer (&whole));
      return NULL;
    }
  return g_steal_pointer (&file);
}

/* --- band mappings ------------------------------------------------------------ */

ScBandMapping *
sc_band_mapping_new (void)
{
  return g_new0 (ScBandMapping, 1);
}

void
sc_band_mapping_free (ScBandMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_free (mapping->authority_code);
  g_free (mapping->authority_name);
  g_free (mapping->their_code);
  g_free (mapping->their_description);
  g_free (mapping->our_code);
  g_free (mapping->suggested_code);
  g_free (mapping->suggested_by);
  g_free (mapping->decided_by);
  g_free (mapping);
}

void
sc_band_mapping_write_json (const ScBandMapping *mapping,
                            ScJsonWriter        *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_string (writer, "authority_code", mapping->authority_code);
  sc_json_writer_member_string (writer, "authority_name", mapping->authority_name);
  sc_json_writer_member_string (writer, "their_code", mapping->their_code);
  sc_json_writer_member_string (writer, "their_description", mapping->their_description);
  sc_json_writer_member_int (writer, "their_amount", mapping->their_amount);
  sc_json_writer_member_string (writer, "our_code", mapping->our_code);
  sc_json_writer_member_string (writer, "suggested_code", mapping->suggested_code);
  sc_json_writer_member_string (writer, "suggested_by", mapping->suggested_by);
  sc_json_writer_member_string (writer, "decided_by", mapping->decided_by);
  if (mapping->decided_at != 0)
    sc_json_writer_member_time (writer, "decided_at", mapping->decided_at);
  else
    sc_json_writer_member_null (writer, "decided_at");
  sc_json_writer_member_int (writer, "waiting", mapping->waiting);
  sc_json_writer_member_int (writer, "version", mapping->version);
  sc_json_writer_end_object (writer);
}

ScBandMapping *
sc_band_mapping_new_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(ScBandMapping) mapping = sc_band_mapping_new ();
  g_autoptr(GError) local_error = NULL;
  const char *authority_code = NULL, *authority_name = NULL, *their_code = NULL, *their_description = NULL;
  const char *our_code = NULL, *suggested_code = NULL, *suggested_by = NULL, *decided_by = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "band mapping: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_string (object, "authority_code", TRUE, &authority_code, &local_error);
  sc_json_read_string (object, "authority_name", TRUE, &authority_name, &local_error);
  sc_json_read_string (object, "their_code", TRUE, &their_code, &local_error);
  sc_json_read_string (object, "their_description", TRUE, &their_description, &local_error);
  sc_json_read_int (object, "their_amount", TRUE, &mapping->their_amount, &local_error);
  sc_json_read_string (object, "our_code", FALSE, &our_code, &local_error);
  sc_json_read_string (object, "suggested_code", FALSE, &suggested_code, &local_error);
  sc_json_read_string (object, "suggested_by", FALSE, &suggested_by, &local_error);
  sc_json_read_string (object, "decided_by", FALSE, &decided_by, &local_error);
  sc_json_read_time (object, "decided_at", FALSE, &mapping->decided_at, &local_error);
  sc_json_read_int (object, "waiting", TRUE, &mapping->waiting, &local_error);
  sc_json_read_int (object, "version", TRUE, &mapping->version, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "band mapping: %s", local_error->message);
      return NULL;
    }
  mapping->authority_code = g_strdup (authority_code);
  mapping->authority_name = g_strdup (authority_name);
  mapping->their_code = g_strdup (their_code);
  mapping->their_description = g_strdup (their_description);
  mapping->our_code = g_strdup (our_code);
  mapping->suggested_code = g_strdup (suggested_code);
  mapping->suggested_by = g_strdup (suggested_by);
  mapping->decided_by = g_strdup (decided_by);
  return g_steal_pointer (&mapping);
}

char *
sc_band_mapping_change_read (JsonObject  *body,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *code = NULL;

  sc_json_check_members (body, sc_band_mapping_change_members, &local_error);
  if (!sc_json_read_string (body, "our_code", TRUE, &code, NULL) || !sc_funding_band_code_is_valid (code))
    sc_set_field_error (&local_error, "our_code", "is needed: the code of one of our bands");
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_strdup (code);
}

/* --- the answer of an import -------------------------------------------------- */

static const char * const band_statuses[] = {
  [SC_TRANSFER_BAND_NONE] = "none",
  [SC_TRANSFER_BAND_MAPPED] = "mapped",
  [SC_TRANSFER_BAND_UNMAPPED] = "unmapped",
};

const char *
sc_transfer_band_status_to_string (ScTransferBandStatus status)
{
  g_return_val_if_fail (status <= SC_TRANSFER_BAND_UNMAPPED, NULL);
  return band_statuses[status];
}

ScTransferIn *
sc_transfer_in_new (void)
{
  return g_new0 (ScTransferIn, 1);
}

void
sc_transfer_in_free (ScTransferIn *in)
{
  if (in == NULL)
    return;
  sc_band_mapping_free (in->band);
  g_free (in);
}

void
sc_transfer_in_write_json (const ScTransferIn *in,
                           ScJsonWriter       *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "case_id", in->case_id);
  sc_json_writer_member_int (writer, "person_id", in->person_id);
  sc_json_writer_member_boolean (writer, "person_created", in->person_created);
  sc_json_writer_member_string (writer, "band_status", sc_transfer_band_status_to_string (in->band_status));
  sc_json_writer_member (writer, "band");
  if (in->band != NULL)
    sc_band_mapping_write_json (in->band, writer);
  else
    sc_json_writer_null (writer);
  sc_json_writer_end_object (writer);
}

ScTransferIn *
sc_transfer_in_new_from_json (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(ScTransferIn) in = sc_transfer_in_new ();
  g_autoptr(GError) local_error = NULL;
  const char *status = NULL;
  JsonObject *object;
  JsonNode *band;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "transfer: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_int (object, "case_id", TRUE, &in->case_id, &local_error);
  sc_json_read_int (object, "person_id", TRUE, &in->person_id, &local_error);
  sc_json_read_boolean (object, "person_created", TRUE, &in->person_created, NULL, &local_error);
  sc_json_read_string (object, "band_status", TRUE, &status, &local_error);
  if (local_error == NULL)
    {
      guint s;

      for (s = 0; s < G_N_ELEMENTS (band_statuses) && g_strcmp0 (band_statuses[s], status) != 0; s++)
        ;
      if (s == G_N_ELEMENTS (band_statuses))
        sc_set_field_error (&local_error, "band_status", "is not a band status");
      in->band_status = s;
    }
  band = json_object_get_member (object, "band");
  if (local_error == NULL && band != NULL && !JSON_NODE_HOLDS_NULL (band))
    in->band = sc_band_mapping_new_from_json (band, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "transfer: %s", local_error->message);
      return NULL;
    }
  return g_steal_pointer (&in);
}
