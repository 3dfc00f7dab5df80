/* sc-plan.c
 *
 * The sections of an EHC plan, the rules of their content, the quality
 * warnings of a draft, and the model of a draft's section with its codec.
 * Each kind of content is a table of members (what each one is, and how
 * long it may be), read by one checker and one writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-plan"

#include "config.h"

#include <string.h>

#include "sc-json.h"
#include "sc-plan.h"
#include "sc-problem.h"

/* --- the sections ----------------------------------------------------------- */

static const struct {
  const char        *id;
  const char        *title;
  ScPlanSectionKind  kind;
} sections[SC_N_PLAN_SECTIONS] = {
  { "a", "Views, interests and aspirations", SC_PLAN_KIND_TEXT },
  { "b", "Special educational needs", SC_PLAN_KIND_NEEDS },
  { "c", "Health needs related to the special educational needs", SC_PLAN_KIND_NEEDS },
  { "d", "Social care needs related to the special educational needs", SC_PLAN_KIND_NEEDS },
  { "e", "Outcomes", SC_PLAN_KIND_OUTCOMES },
  { "f", "Special educational provision", SC_PLAN_KIND_PROVISION },
  { "g", "Health provision", SC_PLAN_KIND_PROVISION },
  { "h1", "Social care provision under the Chronically Sick and Disabled Persons Act 1970",
    SC_PLAN_KIND_PROVISION },
  { "h2", "Other social care provision", SC_PLAN_KIND_PROVISION },
  { "i", "Placement", SC_PLAN_KIND_PLACEMENT },
  { "j", "Personal budget", SC_PLAN_KIND_BUDGET },
  { "k", "Advice and information", SC_PLAN_KIND_ADVICE },
};

const char *
sc_plan_section_id_to_string (ScPlanSectionId id)
{
  g_return_val_if_fail (id >= 0 && id < SC_N_PLAN_SECTIONS, NULL);
  return sections[id].id;
}

ScPlanSectionId
sc_plan_section_id_from_string (const char *text)
{
  for (guint i = 0; text != NULL && i < SC_N_PLAN_SECTIONS; i++)
    if (strcmp (sections[i].id, text) == 0)
      return (ScPlanSectionId) i;
  return SC_PLAN_SECTION_NONE;
}

const char *
sc_plan_section_title (ScPlanSectionId id)
{
  g_return_val_if_fail (id >= 0 && id < SC_N_PLAN_SECTIONS, NULL);
  return sections[id].title;
}

ScPlanSectionKind
sc_plan_section_kind (ScPlanSectionId id)
{
  g_return_val_if_fail (id >= 0 && id < SC_N_PLAN_SECTIONS, SC_PLAN_KIND_TEXT);
  return sections[id].kind;
}

const char *
sc_plan_field_label (const char *name)
{
  static const struct { const char *name, *label; } labels[] = {
    { "text", "What it says" }, { "provider", "Provided by" }, { "frequency", "How often" },
    { "duration", "Each time" }, { "group_size", "Group size" }, { "from", "From" }, { "to", "To" },
    { "needs", "Meets needs" }, { "outcomes", "Serves outcomes" }, { "name", "Institution" },
    { "type", "Type of setting" }, { "urn", "Unique reference number" }, { "amount_pence", "Amount each year" },
    { "covers", "What it covers" }, { "source", "Advice from" }, { "received", "Received" },
    { "advice", "Kind of advice" }, { "request", "Answers the request to" },
    { "consultation_exemption", "Named without consulting it because" }, { "funding_band", "Funding band" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].name, name) == 0)
      return labels[i].label;
  return name;
}

char *
sc_plan_ref_display (const char *link)
{
  return g_ascii_strup (link, -1);
}

/* --- the members of each kind ------------------------------------------------ */

typedef enum
{
  MEMBER_TEXT,      /* up to SC_PLAN_TEXT_MAX_CHARS */
  MEMBER_FIELD,     /* up to SC_PLAN_FIELD_MAX_CHARS */
  MEMBER_DATE,      /* YYYY-MM-DD */
  MEMBER_ROW_ID,    /* the row's own id */
  MEMBER_LINKS,     /* ["b.1", ...] to rows of the sections of @link_kind */
  MEMBER_PENCE,     /* a whole number of pence, 0 or more */
  MEMBER_URN,       /* 6 digits */
} MemberType;

typedef struct
{
  const char        *name;
  MemberType         type;
  gboolean           required;
  ScPlanSectionKind  link_kind;
} Member;

#define END { NULL, 0, FALSE, 0 }

static const Member text_members[] = { { "text", MEMBER_TEXT, FALSE, 0 }, END };
static const Member need_row[] = {
  { "id", MEMBER_ROW_ID, TRUE, 0 }, { "text", MEMBER_TEXT, TRUE, 0 }, END
};
static const Member outcome_row[] = {
  { "id", MEMBER_ROW_ID, TRUE, 0 }, { "text", MEMBER_TEXT, TRUE, 0 },
  { "needs", MEMBER_LINKS, FALSE, SC_PLAN_KIND_NEEDS }, END
};
static const Member provision_row[] = {
  { "id", MEMBER_ROW_ID, TRUE, 0 }, { "text", MEMBER_TEXT, TRUE, 0 },
  { "provider", MEMBER_FIELD, FALSE, 0 }, { "frequency", MEMBER_FIELD, FALSE, 0 },
  { "duration", MEMBER_FIELD, FALSE, 0 }, { "group_size", MEMBER_FIELD, FALSE, 0 },
  { "from", MEMBER_DATE, FALSE, 0 }, { "to", MEMBER_DATE, FALSE, 0 },
  { "needs", MEMBER_LINKS, FALSE, SC_PLAN_KIND_NEEDS }, { "outcomes", MEMBER_LINKS, FALSE, SC_PLAN_KIND_OUTCOMES },
  END
};
static const Member placement_members[] = {
  { "name", MEMBER_FIELD, FALSE, 0 }, { "type", MEMBER_FIELD, FALSE, 0 }, { "urn", MEMBER_URN, FALSE, 0 },
  { "consultation_exemption", MEMBER_FIELD, FALSE, 0 }, { "funding_band", MEMBER_FIELD, FALSE, 0 }, END
};
static const Member budget_members[] = {
  { "amount_pence", MEMBER_PENCE, FALSE, 0 }, { "covers", MEMBER_TEXT, FALSE, 0 }, END
};
static const Member advice_row[] = {
  { "id", MEMBER_ROW_ID, TRUE, 0 }, { "source", MEMBER_FIELD, TRUE, 0 }, { "received", MEMBER_DATE, FALSE, 0 },
  { "advice", MEMBER_FIELD, FALSE, 0 }, { "request", MEMBER_FIELD, FALSE, 0 }, END
};

/* The members of the content itself, or NULL for a kind of rows */
static const Member *
content_members (ScPlanSectionKind kind)
{
  switch (kind)
    {
    case SC_PLAN_KIND_TEXT: return text_members;
    case SC_PLAN_KIND_PLACEMENT: return placement_members;
    case SC_PLAN_KIND_BUDGET: return budget_members;
    default: return NULL;
    }
}

static const Member *
row_members (ScPlanSectionKind kind)
{
  switch (kind)
    {
    case SC_PLAN_KIND_NEEDS: return need_row;
    case SC_PLAN_KIND_OUTCOMES: return outcome_row;
    case SC_PLAN_KIND_PROVISION: return provision_row;
    case SC_PLAN_KIND_ADVICE: return advice_row;
    default: return NULL;
    }
}

/* --- checking content ------------------------------------------------------- */

/* @name's string, or NULL when it is absent or not a string */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING ?
         json_node_get_string (node) : NULL;
}

static gboolean
is_row_id (const char *text)
{
  if (*text == '\0' || strlen (text) > SC_PLAN_ROW_ID_MAX_CHARS)
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '_')
      return FALSE;
  return TRUE;
}

static gboolean
is_date (const char *text)
{
  GDate date;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_parse (&date, text);
  if (!g_date_valid (&date))
    return FALSE;
  return g_date_get_year (&date) == (GDateYear) g_ascii_strtoull (text, NULL, 10) &&
         g_date_get_month (&date) == (GDateMonth) g_ascii_strtoull (text + 5, NULL, 10) &&
         g_date_get_day (&date) == (GDateDay) g_ascii_strtoull (text + 8, NULL, 10);
}

/* "b.1" naming a row of a section of @kind */
static gboolean
is_link (const char        *text,
         ScPlanSectionKind  kind)
{
  const char *dot = strchr (text, '.');
  g_autofree char *section = dot != NULL ? g_strndup (text, (gsize) (dot - text)) : NULL;
  ScPlanSectionId id = sc_plan_section_id_from_string (section);

  return id != SC_PLAN_SECTION_NONE && sc_plan_section_kind (id) == kind && is_row_id (dot + 1);
}

static const char *
kind_sections (ScPlanSectionKind kind)
{
  return kind == SC_PLAN_KIND_NEEDS ? "b, c or d" : "e";
}

/* Checks @object's members against @members and writes the valid ones to
 * @writer as an object; field errors are named @prefix.member. */
static void
check_members (JsonObject    *object,
               const Member  *members,
               const char    *prefix,
               ScJsonWriter  *writer,
               GError       **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      gboolean known = FALSE;

      for (const Member *m = members; m->name != NULL; m++)
        known |= strcmp (m->name, l->data) == 0;
      if (!known)
        {
          g_autofree char *field = g_strdup_printf ("%s.%s", prefix, (char *) l->data);

          sc_set_field_error (error, field, "is not a member of this section");
        }
    }

  sc_json_writer_begin_object (writer);
  for (const Member *m = members; m->name != NULL; m++)
    {
      g_autofree char *field = g_strdup_printf ("%s.%s", prefix, m->name);
      JsonNode *node = json_object_get_member (object, m->name);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          if (m->required)
            sc_set_field_error (error, field, "is required");
          continue;
        }
      switch (m->type)
        {
        case MEMBER_PENCE:
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
              json_node_get_int (node) < 0)
            sc_set_field_error (error, field, "must be a whole number of pence, 0 or more");
          else
            sc_json_writer_member_int (writer, m->name, json_node_get_int (node));
          break;

        case MEMBER_LINKS:
          {
            JsonArray *links = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

            if (links == NULL || json_array_get_length (links) > SC_PLAN_MAX_ROWS)
              {
                sc_set_field_error (error, field, "must be a list of at most %d rows, such as \"%s.1\"",
                                    SC_PLAN_MAX_ROWS, m->link_kind == SC_PLAN_KIND_NEEDS ? "b" : "e");
                break;
              }
            sc_json_writer_member (writer, m->name);
            sc_json_writer_begin_array (writer);
            for (guint i = 0; i < json_array_get_length (links); i++)
              {
                JsonNode *link = json_array_get_element (links, i);
                const char *text = JSON_NODE_HOLDS_VALUE (link) &&
                                   json_node_get_value_type (link) == G_TYPE_STRING ?
                                   json_node_get_string (link) : NULL;

                if (text == NULL || !is_link (text, m->link_kind))
                  sc_set_field_error (error, field, "must name rows of section %s, such as \"%s.1\"",
                                      kind_sections (m->link_kind), m->link_kind == SC_PLAN_KIND_NEEDS ? "b" : "e");
                else
                  sc_json_writer_string (writer, text);
              }
            sc_json_writer_end_array (writer);
          }
          break;

        default:
          {
            const char *text = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING ?
                               json_node_get_string (node) : NULL;
            glong chars = text != NULL ? g_utf8_strlen (text, -1) : 0;
            glong max = m->type == MEMBER_TEXT ? SC_PLAN_TEXT_MAX_CHARS : SC_PLAN_FIELD_MAX_CHARS;
            g_autofree char *trimmed = text != NULL ? g_strstrip (g_strdup (text)) : NULL;

            if (text == NULL)
              sc_set_field_error (error, field, "must be a string");
            else if (m->type == MEMBER_ROW_ID && !is_row_id (text))
              sc_set_field_error (error, field, "must be 1 to %d letters, digits, - or _", SC_PLAN_ROW_ID_MAX_CHARS);
            else if (m->type == MEMBER_DATE && !is_date (text))
              sc_set_field_error (error, field, "must be a date, YYYY-MM-DD");
            else if (m->type == MEMBER_URN && (strlen (text) != 6 || strspn (text, "0123456789") != 6))
              sc_set_field_error (error, field, "must be a school's unique reference number, 6 digits");
            else if (chars > max)
              sc_set_field_error (error, field, "must be at most %ld characters", max);
            else if (*trimmed == '\0' && m->required)
              sc_set_field_error (error, field, "must not be empty");
            else if (*trimmed != '\0')
              sc_json_writer_member_string (writer, m->name, trimmed);
          }
          break;
        }
    }
  sc_json_writer_end_object (writer);
}

char *
sc_plan_section_check_content (ScPlanSectionId   id,
                               JsonNode         *content,
                               GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  ScPlanSectionKind kind;
  const Member *members;
  ScJsonWriter writer;

  g_return_val_if_fail (id >= 0 && id < SC_N_PLAN_SECTIONS, NULL);

  kind = sc_plan_section_kind (id);
  members = content_members (kind);
  sc_json_writer_init (&writer, out);
  if (content == NULL || !JSON_NODE_HOLDS_OBJECT (content))
    {
      sc_set_field_error (error, "content", "must be a JSON object");
      return NULL;
    }
  if (members != NULL)
    check_members (json_node_get_object (content), members, "content", &writer, &local_error);
  else
    {
      JsonObject *object = json_node_get_object (content);
      JsonNode *rows_node = json_object_get_member (object, "rows");
      JsonArray *rows = rows_node != NULL && JSON_NODE_HOLDS_ARRAY (rows_node) ? json_node_get_array (rows_node) :
                        NULL;
      g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        if (strcmp (l->data, "rows") != 0)
          {
            g_autofree char *field = g_strdup_printf ("content.%s", (char *) l->data);

            sc_set_field_error (&local_error, field, "is not a member of this section");
          }
      if (rows_node != NULL && !JSON_NODE_HOLDS_NULL (rows_node) &&
          (rows == NULL || json_array_get_length (rows) > SC_PLAN_MAX_ROWS))
        sc_set_field_error (&local_error, "content.rows", "must be a list of at most %d rows", SC_PLAN_MAX_ROWS);
      sc_json_writer_begin_object (&writer);
      sc_json_writer_member (&writer, "rows");
      sc_json_writer_begin_array (&writer);
      for (guint i = 0; rows != NULL && i < json_array_get_length (rows) && i < SC_PLAN_MAX_ROWS; i++)
        {
          JsonNode *row = json_array_get_element (rows, i);
          g_autofree char *prefix = g_strdup_printf ("content.rows[%u]", i);

          if (!JSON_NODE_HOLDS_OBJECT (row))
            {
              sc_set_field_error (&local_error, prefix, "must be a JSON object");
              continue;
            }
          check_members (json_node_get_object (row), row_members (kind), prefix, &writer, &local_error);
          {
            const char *row_id = string_member (json_node_get_object (row), "id");
            g_autofree char *field = g_strdup_printf ("%s.id", prefix);

            if (row_id != NULL && g_hash_table_contains (ids, row_id))
              sc_set_field_error (&local_error, field, "is the id of another row");
            else if (row_id != NULL)
              g_hash_table_add (ids, (gpointer) row_id);
          }
        }
      sc_json_writer_end_array (&writer);
      sc_json_writer_end_object (&writer);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* --- quality warnings -------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (ScPlanWarning, sc_plan_warning, sc_plan_warning_copy, sc_plan_warning_free)

static ScPlanWarning *
warning_new (const char *code,
             const char *section,
             const char *row,
             char       *message)
{
  ScPlanWarning *warning = g_new0 (ScPlanWarning, 1);

  warning->code = g_strdup (code);
  warning->section = g_strdup (section);
  warning->row = g_strdup (row);
  warning->message = message;
  return warning;
}

ScPlanWarning *
sc_plan_warning_copy (const ScPlanWarning *warning)
{
  g_return_val_if_fail (warning != NULL, NULL);
  return warning_new (warning->code, warning->section, warning->row, g_strdup (warning->message));
}

void
sc_plan_warning_free (ScPlanWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->code);
  g_free (warning->section);
  g_free (warning->row);
  g_free (warning->message);
  g_free (warning);
}

void
sc_plan_warning_write_json (const ScPlanWarning *warning,
                            ScJsonWriter        *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_string (writer, "code", warning->code);
  sc_json_writer_member_string (writer, "section", warning->section);
  sc_json_writer_member_string (writer, "row", warning->row);
  sc_json_writer_member_string (writer, "message", warning->message);
  sc_json_writer_end_object (writer);
}

ScPlanWarning *
sc_plan_warning_new_from_json (JsonNode  *node,
                               GError   **error)
{
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *code = object != NULL ? string_member (object, "code") : NULL;
  const char *section = object != NULL ? string_member (object, "section") : NULL;
  const char *message = object != NULL ? string_member (object, "message") : NULL;

  if (code == NULL || section == NULL || message == NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED,
                           "warning: must be an object with a code, a section and a message");
      return NULL;
    }
  return warning_new (code, section, string_member (object, "row"), g_strdup (message));
}

/* Words a tribunal reads as provision not specified (domain.md) */
static const char * const vague_phrases[] = {
  "access to", "regular", "as required", "opportunities for", "up to", "may", NULL
};

static const char *
vague_phrase (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; vague_phrases[i] != NULL; i++)
    for (const char *at = strstr (lower, vague_phrases[i]); at != NULL; at = strstr (at + 1, vague_phrases[i]))
      {
        const char *end = at + strlen (vague_phrases[i]);

        if ((at == lower || !g_ascii_isalnum (at[-1])) && !g_ascii_isalnum (*end))
          return vague_phrases[i];
      }
  return NULL;
}

static JsonArray *
rows_of (JsonNode *content)
{
  JsonObject *object = content != NULL && JSON_NODE_HOLDS_OBJECT (content) ? json_node_get_object (content) : NULL;
  JsonNode *rows = object != NULL ? json_object_get_member (object, "rows") : NULL;

  return rows != NULL && JSON_NODE_HOLDS_ARRAY (rows) ? json_node_get_array (rows) : NULL;
}

static JsonArray *
links_of (JsonObject *row,
          const char *member)
{
  JsonNode *links = json_object_get_member (row, member);

  return links != NULL && JSON_NODE_HOLDS_ARRAY (links) ? json_node_get_array (links) : NULL;
}

static gboolean
has_links (JsonObject *row,
           const char *member)
{
  JsonArray *links = links_of (row, member);

  return links != NULL && json_array_get_length (links) > 0;
}

static gboolean
links_contain (JsonArray  *links,
               const char *link)
{
  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    if (g_strcmp0 (json_array_get_string_element (links, i), link) == 0)
      return TRUE;
  return FALSE;
}

void
sc_plan_advice_free (ScPlanAdvice *advice)
{
  if (advice == NULL)
    return;
  g_free (advice->adviser);
  g_free (advice->requested_on);
  g_free (advice->received_on);
  g_free (advice);
}

GPtrArray *
sc_plan_advice_list_new_from_json (JsonNode  *node,
                                   GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_plan_advice_free);
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  if (array == NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "advice_requests: must be a list");
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      const char *adviser = object != NULL ? string_member (object, "adviser") : NULL;
      ScPlanAdvice *advice;

      if (adviser == NULL)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "advice_requests[%u]: must name its adviser", i);
          return NULL;
        }
      advice = g_new0 (ScPlanAdvice, 1);
      advice->adviser = g_strdup (adviser);
      advice->requested_on = g_strdup (string_member (object, "requested_on"));
      advice->received_on = g_strdup (string_member (object, "received_on"));
      g_ptr_array_add (list, advice);
    }
  return g_steal_pointer (&list);
}

/* Section K against the case's advice requests */
static void
check_advice (JsonNode  *k,
              GPtrArray *advice,
              GPtrArray *warnings)
{
  JsonArray *list = rows_of (k);

  for (guint a = 0; a < advice->len; a++)
    {
      const ScPlanAdvice *asked = g_ptr_array_index (advice, a);
      gboolean listed = FALSE;

      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        listed |= g_strcmp0 (string_member (json_array_get_object_element (list, i), "request"), asked->adviser) == 0;
      if (asked->received_on != NULL && !listed)
        g_ptr_array_add (warnings, warning_new ("advice_unlisted", "k", NULL,
                                                g_strdup_printf ("The advice from %s, received on %s, is not "
                                                                 "listed in section K.", asked->adviser,
                                                                 asked->received_on)));
    }
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *row = json_array_get_object_element (list, i);
      const char *request = string_member (row, "request");
      const char *id = string_member (row, "id");
      gboolean asked = FALSE;

      for (guint a = 0; request != NULL && a < advice->len; a++)
        asked |= g_strcmp0 (((ScPlanAdvice *) g_ptr_array_index (advice, a))->adviser, request) == 0;
      if (request != NULL && id != NULL && !asked)
        g_ptr_array_add (warnings, warning_new ("advice_request_unknown", "k", id,
                                                g_strdup_printf ("Advice K.%s answers a request to %s, which the "
                                                                 "case has not made.", id, request)));
    }
}

GPtrArray *
sc_plan_check_quality (const char * const contents[SC_N_PLAN_SECTIONS],
                       GPtrArray          *advice)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_plan_warning_free);
  JsonNode *nodes[SC_N_PLAN_SECTIONS] = { NULL };
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    {
      JsonArray *list;

      nodes[s] = json_from_string (contents[s] != NULL ? contents[s] : SC_PLAN_EMPTY_CONTENT, NULL);
      list = rows_of (nodes[s]);
      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          const char *id = string_member (json_array_get_object_element (list, i), "id");

          if (id != NULL)
            g_hash_table_add (rows, g_strdup_printf ("%s.%s", sections[s].id, id));
        }
    }

  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    {
      JsonArray *list = rows_of (nodes[s]);
      ScPlanSectionKind kind = sections[s].kind;

      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          JsonObject *row = json_array_get_object_element (list, i);
          const char *id = string_member (row, "id");
          const char *text = string_member (row, "text");
          g_autofree char *name = g_strdup_printf ("%s.%s", sections[s].id, id);
          g_autofree char *shown = sc_plan_ref_display (name);   /* "B.1", as a reader names it */

          if (id == NULL)
            continue;
          if (s == SC_PLAN_SECTION_B)
            {
              gboolean met = FALSE;
              JsonArray *provision = rows_of (nodes[SC_PLAN_SECTION_F]);

              for (guint p = 0; provision != NULL && p < json_array_get_length (provision); p++)
                met |= links_contain (links_of (json_array_get_object_element (provision, p), "needs"), name);
              if (!met)
                g_ptr_array_add (warnings, warning_new ("need_without_provision", sections[s].id, id,
                                                        g_strdup_printf ("Need %s has no provision in section F "
                                                                         "that meets it.", shown)));
            }
          if (kind == SC_PLAN_KIND_OUTCOMES && !has_links (row, "needs"))
            g_ptr_array_add (warnings, warning_new ("outcome_without_need", sections[s].id, id,
                                                    g_strdup_printf ("Outcome %s is linked to no need.", shown)));
          if (kind == SC_PLAN_KIND_PROVISION)
            {
              g_autoptr(GPtrArray) missing = g_ptr_array_new ();
              const char *vague = text != NULL && s == SC_PLAN_SECTION_F ? vague_phrase (text) : NULL;

              if (string_member (row, "frequency") == NULL)
                g_ptr_array_add (missing, (gpointer) "how often");
              if (string_member (row, "duration") == NULL)
                g_ptr_array_add (missing, (gpointer) "for how long each time");
              if (string_member (row, "provider") == NULL)
                g_ptr_array_add (missing, (gpointer) "who provides it");
              if (missing->len > 0)
                {
                  g_autofree char *what = NULL;

                  g_ptr_array_add (missing, NULL);
                  what = g_strjoinv (", ", (char **) missing->pdata);
                  g_ptr_array_add (warnings, warning_new ("provision_unquantified", sections[s].id, id,
                                                          g_strdup_printf ("Provision %s does not say %s.", shown,
                                                                           what)));
                }
              if (vague != NULL)
                g_ptr_array_add (warnings, warning_new ("provision_vague", sections[s].id, id,
                                                        g_strdup_printf ("Provision %s says \"%s\": a tribunal "
                                                                         "needs provision specified and "
                                                                         "quantified.", shown, vague)));
              if (!has_links (row, "needs"))
                g_ptr_array_add (warnings, warning_new ("provision_without_need", sections[s].id, id,
                                                        g_strdup_printf ("Provision %s is linked to no need.",
                                                                         shown)));
            }
          for (guint m = 0; m < 2; m++)
            {
              JsonArray *links = links_of (row, m == 0 ? "needs" : "outcomes");

              for (guint l = 0; links != NULL && l < json_array_get_length (links); l++)
                {
                  const char *link = json_array_get_string_element (links, l);

                  if (link != NULL && !g_hash_table_contains (rows, link))
                    g_ptr_array_add (warnings, warning_new ("link_missing", sections[s].id, id,
                                                            g_strdup_printf ("Row %s links to %s, which is not in "
                                                                             "the plan.", shown, link)));
                }
            }
        }
    }
  if (advice != NULL)
    check_advice (nodes[SC_PLAN_SECTION_K], advice, warnings);
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    g_clear_pointer (&nodes[s], json_node_unref);
  return warnings;
}

/* --- a section of a draft ------------------------------------------------- */

struct _ScPlanSection
{
  GObject          parent_instance;

  gint64           case_id;
  ScPlanSectionId  id;
  char            *content;
  gint64           version;
  gint64           updated_at;
  gint64           updated_by_id;
  char            *updated_by_username;
  char            *updated_by_full_name;
};

G_DEFINE_FINAL_TYPE (ScPlanSection, sc_plan_section, G_TYPE_OBJECT)

static void
sc_plan_section_finalize (GObject *object)
{
  ScPlanSection *self = SC_PLAN_SECTION (object);

  g_free (self->content);
  g_free (self->updated_by_username);
  g_free (self->updated_by_full_name);
  G_OBJECT_CLASS (sc_plan_section_parent_class)->finalize (object);
}

static void
sc_plan_section_class_init (ScPlanSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_plan_section_finalize;
}

static void
sc_plan_section_init (ScPlanSection *self)
{
}

ScPlanSection *
sc_plan_section_new (gint64           case_id,
                     ScPlanSectionId  id,
                     const char      *content,
                     gint64           version)
{
  ScPlanSection *self;

  g_return_val_if_fail (id >= 0 && id < SC_N_PLAN_SECTIONS, NULL);
  self = g_object_new (SC_TYPE_PLAN_SECTION, NULL);
  self->case_id = case_id;
  self->id = id;
  self->content = g_strdup (content != NULL ? content : SC_PLAN_EMPTY_CONTENT);
  self->version = version;
  return self;
}

void
sc_plan_section_set_updated (ScPlanSection *self,
                             gint64         updated_at,
                             gint64         user_id,
                             const char    *username,
                             const char    *full_name)
{
  g_return_if_fail (SC_IS_PLAN_SECTION (self));
  self->updated_at = updated_at;
  self->updated_by_id = user_id;
  g_free (self->updated_by_username);
  self->updated_by_username = g_strdup (username);
  g_free (self->updated_by_full_name);
  self->updated_by_full_name = g_strdup (full_name);
}

gint64
sc_plan_section_get_case_id (ScPlanSection *self)
{
  g_return_val_if_fail (SC_IS_PLAN_SECTION (self), 0);
  return self->case_id;
}

ScPlanSectionId
sc_plan_section_get_id (ScPlanSection *self)
{
  g_return_val_if_fail (SC_IS_PLAN_SECTION (self), SC_PLAN_SECTION_NONE);
  return self->id;
}

const char *
sc_plan_section_get_content (ScPlanSection *self)
{
  g_return_val_if_fail (SC_IS_PLAN_SECTION (self), NULL);
  return self->content;
}

gint64
sc_plan_section_get_version (ScPlanSection *self)
{
  g_return_val_if_fail (SC_IS_PLAN_SECTION (self), 0);
  return self->version;
}

gint64
sc_plan_section_get_updated_at (ScPlanSection *self)
{
  g_return_val_if_fail (SC_IS_PLAN_SECTION (self), 0);
  return self->updated_at;
}

const char *
sc_plan_section_get_updated_by_username (ScPlanSection *self)
{
  g_return_val_if_fail (SC_IS_PLAN_SECTION (self), NULL);
  return self->updated_by_username;
}

void
sc_plan_section_write_json (ScPlanSection *self,
                            ScJsonWriter  *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "case_id", self->case_id);
  sc_json_writer_member_string (writer, "section", sections[self->id].id);
  sc_json_writer_member_string (writer, "title", sections[self->id].title);
  sc_json_writer_member (writer, "content");
  sc_json_writer_raw (writer, self->content);
  sc_json_writer_member_int (writer, "version", self->version);
  sc_json_writer_member_time (writer, "updated_at", self->updated_at);
  sc_json_writer_member (writer, "updated_by");
  if (self->updated_by_username == NULL)
    sc_json_writer_null (writer);
  else
    {
      sc_json_writer_begin_object (writer);
      sc_json_writer_member_int (writer, "id", self->updated_by_id);
      sc_json_writer_member_string (writer, "username", self->updated_by_username);
      sc_json_writer_member_string (writer, "full_name", self->updated_by_full_name);
      sc_json_writer_end_object (writer);
    }
  sc_json_writer_end_object (writer);
}

ScPlanSection *
sc_plan_section_new_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *section = NULL;
  gint64 case_id = 0, version = 0, updated_at = 0;
  ScPlanSectionId id;
  JsonNode *content;
  ScPlanSection *self;
  g_autofree char *text = NULL;

  if (object == NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "plan section: must be a JSON object");
      return NULL;
    }
  sc_json_read_int (object, "case_id", TRUE, &case_id, &local_error);
  sc_json_read_string (object, "section", TRUE, &section, &local_error);
  sc_json_read_int (object, "version", TRUE, &version, &local_error);
  sc_json_read_time (object, "updated_at", FALSE, &updated_at, &local_error);
  content = json_object_get_member (object, "content");
  id = sc_plan_section_id_from_string (section);
  if (local_error != NULL || id == SC_PLAN_SECTION_NONE || content == NULL || !JSON_NODE_HOLDS_OBJECT (content))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED,
                           "plan section: needs a case_id, a section a to k, a content object and a version");
      return NULL;
    }
  text = json_to_string (content, FALSE);
  self = sc_plan_section_new (case_id, id, text, version);
  if (json_object_has_member (object, "updated_by") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "updated_by")))
    {
      JsonObject *by = json_object_get_object_member (object, "updated_by");
      gint64 user_id = 0;

      sc_json_read_int (by, "id", FALSE, &user_id, NULL);
      sc_plan_section_set_updated (self, updated_at, user_id, string_member (by, "username"),
                                   string_member (by, "full_name"));
    }
  return self;
}

void
sc_plan_draft_write_json (gint64        case_id,
                          GPtrArray    *sections_list,
                          GPtrArray    *warnings,
                          GPtrArray    *advice,
                          ScJsonWriter *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "case_id", case_id);
  sc_json_writer_member (writer, "sections");
  sc_json_writer_begin_array (writer);
  for (guint i = 0; i < sections_list->len; i++)
    sc_plan_section_write_json (g_ptr_array_index (sections_list, i), writer);
  sc_json_writer_end_array (writer);
  sc_json_writer_member (writer, "warnings");
  sc_json_writer_begin_array (writer);
  for (guint i = 0; i < warnings->len; i++)
    sc_plan_warning_write_json (g_ptr_array_index (warnings, i), writer);
  sc_json_writer_end_array (writer);
  sc_json_writer_member (writer, "advice_requests");
  sc_json_writer_begin_array (writer);
  for (guint i = 0; advice != NULL && i < advice->len; i++)
    {
      const ScPlanAdvice *asked = g_ptr_array_index (advice, i);

      sc_json_writer_begin_object (writer);
      sc_json_writer_member_string (writer, "adviser", asked->adviser);
      sc_json_writer_member_string (writer, "requested_on", asked->requested_on);
      sc_json_writer_member_string (writer, "received_on", asked->received_on);
      sc_json_writer_end_object (writer);
    }
  sc_json_writer_end_array (writer);
  sc_json_writer_end_object (writer);
}
