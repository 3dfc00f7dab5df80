/* sc-plan-version.c
 *
 * An issued version of a plan, its codec, and the difference of two.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-plan"

#include "config.h"

#include <string.h>

#include "sc-json.h"
#include "sc-plan-version.h"
#include "sc-problem.h"

static const char * const kinds[] = { "draft", "final", "amended", "proposed" };

const char *
sc_plan_version_kind_to_string (ScPlanVersionKind kind)
{
  g_return_val_if_fail (kind <= SC_PLAN_VERSION_PROPOSED, NULL);
  return kinds[kind];
}

gboolean
sc_plan_version_kind_for_event (const char        *event_type,
                                ScPlanVersionKind *kind)
{
  static const struct {
    const char        *event;
    ScPlanVersionKind  kind;
  } issuing[] = {
    { "draft_plan_issued", SC_PLAN_VERSION_DRAFT },
    { "final_plan_issued", SC_PLAN_VERSION_FINAL },
    { "amended_plan_issued", SC_PLAN_VERSION_AMENDED },
    { "amendment_notice_issued", SC_PLAN_VERSION_PROPOSED },
  };

  for (guint i = 0; event_type != NULL && i < G_N_ELEMENTS (issuing); i++)
    if (strcmp (issuing[i].event, event_type) == 0)
      {
        *kind = issuing[i].kind;
        return TRUE;
      }
  return FALSE;
}

struct _ScPlanVersion
{
  GObject  parent_instance;

  gint64   case_id;
  gint64   number;
  char    *kind;
  gint64   event_id;
  gboolean voided;    /* the event that issued it has been voided */
  char    *contents[SC_N_PLAN_SECTIONS];
  char    *warnings;
  gint64   issued_at;
  gint64   issued_by_id;
  char    *issued_by_username;
  char    *issued_by_full_name;
};

G_DEFINE_FINAL_TYPE (ScPlanVersion, sc_plan_version, G_TYPE_OBJECT)

static void
sc_plan_version_finalize (GObject *object)
{
  ScPlanVersion *self = SC_PLAN_VERSION (object);

  g_free (self->kind);
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    g_free (self->contents[s]);
  g_free (self->warnings);
  g_free (self->issued_by_username);
  g_free (self->issued_by_full_name);
  G_OBJECT_CLASS (sc_plan_version_parent_class)->finalize (object);
}

static void
sc_plan_version_class_init (ScPlanVersionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_plan_version_finalize;
}

static void
sc_plan_version_init (ScPlanVersion *self)
{
}

ScPlanVersion *
sc_plan_version_new (gint64      case_id,
                     gint64      number,
                     const char *kind,
                     gint64      event_id,
                     const char *sections,
                     const char *warnings)
{
  ScPlanVersion *self = g_object_new (SC_TYPE_PLAN_VERSION, NULL);
  g_autoptr(JsonNode) node = json_from_string (sections != NULL ? sections : "{}", NULL);
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  self->case_id = case_id;
  self->number = number;
  self->kind = g_strdup (kind);
  self->event_id = event_id;
  self->warnings = g_strdup (warnings != NULL ? warnings : "[]");
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    {
      JsonNode *content = object != NULL ? json_object_get_member (object, sc_plan_section_id_to_string (s)) : NULL;

      self->contents[s] = content != NULL && JSON_NODE_HOLDS_OBJECT (content) ? json_to_string (content, FALSE) :
                          g_strdup (SC_PLAN_EMPTY_CONTENT);
    }
  return self;
}

gboolean
sc_plan_version_get_voided (ScPlanVersion *self)
{
  g_return_val_if_fail (SC_IS_PLAN_VERSION (self), FALSE);
  return self->voided;
}

void
sc_plan_version_set_voided (ScPlanVersion *self,
                            gboolean       voided)
{
  g_return_if_fail (SC_IS_PLAN_VERSION (self));
  self->voided = !!voided;
}

void
sc_plan_version_set_issued (ScPlanVersion *self,
                            gint64         issued_at,
                            gint64         user_id,
                            const char    *username,
                            const char    *full_name)
{
  g_return_if_fail (SC_IS_PLAN_VERSION (self));
  self->issued_at = issued_at;
  self->issued_by_id = user_id;
  g_free (self->issued_by_username);
  self->issued_by_username = g_strdup (username);
  g_free (self->issued_by_full_name);
  self->issued_by_full_name = g_strdup (full_name);
}

gint64
sc_plan_version_get_number (ScPlanVersion *self)
{
  g_return_val_if_fail (SC_IS_PLAN_VERSION (self), 0);
  return self->number;
}

gint64
sc_plan_version_get_issued_at (ScPlanVersion *self)
{
  g_return_val_if_fail (SC_IS_PLAN_VERSION (self), 0);
  return self->issued_at;
}

const char *
sc_plan_version_get_issued_by_name (ScPlanVersion *self)
{
  g_return_val_if_fail (SC_IS_PLAN_VERSION (self), NULL);
  return self->issued_by_full_name != NULL && *self->issued_by_full_name != '\0' ? self->issued_by_full_name
                                                                                  : self->issued_by_username;
}

const char *
sc_plan_version_get_kind (ScPlanVersion *self)
{
  g_return_val_if_fail (SC_IS_PLAN_VERSION (self), NULL);
  return self->kind;
}

const char *
sc_plan_version_get_content (ScPlanVersion   *self,
                             ScPlanSectionId  id)
{
  g_return_val_if_fail (SC_IS_PLAN_VERSION (self), NULL);
  g_return_val_if_fail (id >= 0 && id < SC_N_PLAN_SECTIONS, NULL);
  return self->contents[id];
}

static void
write_head (ScPlanVersion *self,
            ScJsonWriter  *writer)
{
  sc_json_writer_member_int (writer, "case_id", self->case_id);
  sc_json_writer_member_int (writer, "number", self->number);
  sc_json_writer_member_string (writer, "kind", self->kind);
  sc_json_writer_member_int (writer, "event_id", self->event_id);
  sc_json_writer_member_boolean (writer, "voided", self->voided);
  sc_json_writer_member_time (writer, "issued_at", self->issued_at);
  sc_json_writer_member (writer, "issued_by");
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", self->issued_by_id);
  sc_json_writer_member_string (writer, "username", self->issued_by_username);
  sc_json_writer_member_string (writer, "full_name", self->issued_by_full_name);
  sc_json_writer_end_object (writer);
}

void
sc_plan_version_write_summary_json (ScPlanVersion *self,
                                    ScJsonWriter  *writer)
{
  sc_json_writer_begin_object (writer);
  write_head (self, writer);
  sc_json_writer_end_object (writer);
}

void
sc_plan_version_write_json (ScPlanVersion *self,
                            ScJsonWriter  *writer)
{
  sc_json_writer_begin_object (writer);
  write_head (self, writer);
  sc_json_writer_member (writer, "sections");
  sc_json_writer_begin_array (writer);
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    {
      sc_json_writer_begin_object (writer);
      sc_json_writer_member_string (writer, "section", sc_plan_section_id_to_string (s));
      sc_json_writer_member_string (writer, "title", sc_plan_section_title (s));
      sc_json_writer_member (writer, "content");
      sc_json_writer_raw (writer, self->contents[s]);
      sc_json_writer_end_object (writer);
    }
  sc_json_writer_end_array (writer);
  sc_json_writer_member (writer, "warnings");
  sc_json_writer_raw (writer, self->warnings);
  sc_json_writer_end_object (writer);
}

ScPlanVersion *
sc_plan_version_new_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *sections = object != NULL ? json_object_get_member (object, "sections") : NULL;
  JsonNode *warnings = object != NULL ? json_object_get_member (object, "warnings") : NULL;
  g_autoptr(JsonObject) by_section = json_object_new ();
  g_autoptr(JsonNode) by_section_node = NULL;
  g_autofree char *sections_text = NULL;
  g_autofree char *warnings_text = NULL;
  const char *kind = NULL;
  gint64 case_id = 0, number = 0, event_id = 0, issued_at = 0;
  gboolean voided = FALSE;
  ScPlanVersion *self;

  if (object != NULL)
    {
      sc_json_read_int (object, "case_id", TRUE, &case_id, &local_error);
      sc_json_read_int (object, "number", TRUE, &number, &local_error);
      sc_json_read_string (object, "kind", TRUE, &kind, &local_error);
      sc_json_read_int (object, "event_id", FALSE, &event_id, &local_error);
      sc_json_read_boolean (object, "voided", FALSE, &voided, NULL, &local_error);
      sc_json_read_time (object, "issued_at", FALSE, &issued_at, &local_error);
    }
  if (object == NULL || local_error != NULL || (sections != NULL && !JSON_NODE_HOLDS_ARRAY (sections)))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED,
                           "plan version: needs a case_id, a number and a kind, and its sections as a list");
      return NULL;
    }
  for (guint i = 0; sections != NULL && i < json_array_get_length (json_node_get_array (sections)); i++)
    {
      JsonObject *section = json_array_get_object_element (json_node_get_array (sections), i);
      JsonNode *content = section != NULL ? json_object_get_member (section, "content") : NULL;
      const char *id = section != NULL ? json_object_get_string_member_with_default (section, "section", NULL) : NULL;

      if (id != NULL && content != NULL && JSON_NODE_HOLDS_OBJECT (content))
        json_object_set_member (by_section, id, json_node_copy (content));
    }
  by_section_node = json_node_init_object (json_node_alloc (), by_section);
  sections_text = json_to_string (by_section_node, FALSE);
  warnings_text = warnings != NULL && JSON_NODE_HOLDS_ARRAY (warnings) ? json_to_string (warnings, FALSE) : NULL;
  self = sc_plan_version_new (case_id, number, kind, event_id, sections_text, warnings_text);
  self->voided = voided;
  if (json_object_has_member (object, "issued_by") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "issued_by")))
    {
      JsonObject *by = json_object_get_object_member (object, "issued_by");
      const char *username = NULL, *full_name = NULL;
      gint64 user_id = 0;

      sc_json_read_int (by, "id", FALSE, &user_id, NULL);
      sc_json_read_string (by, "username", FALSE, &username, NULL);
      sc_json_read_string (by, "full_name", FALSE, &full_name, NULL);
      sc_plan_version_set_issued (self, issued_at, user_id, username, full_name);
    }
  return self;
}

char *
sc_plan_sections_to_json (const char * const contents[SC_N_PLAN_SECTIONS])
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_json_writer_begin_object (&writer);
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    if (contents[s] != NULL && strcmp (contents[s], SC_PLAN_EMPTY_CONTENT) != 0)
      {
        sc_json_writer_member (&writer, sc_plan_section_id_to_string (s));
        sc_json_writer_raw (&writer, contents[s]);
      }
  sc_json_writer_end_object (&writer);
  return g_string_free (out, FALSE);
}

char *
sc_plan_warnings_to_json (GPtrArray *warnings)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_json_writer_begin_array (&writer);
  for (guint i = 0; i < warnings->len; i++)
    sc_plan_warning_write_json (g_ptr_array_index (warnings, i), &writer);
  sc_json_writer_end_array (&writer);
  return g_string_free (out, FALSE);
}

/* --- the difference ----------------------------------------------------------- */

static char *
node_text (JsonNode *node)
{
  return node != NULL ? json_to_string (node, FALSE) : g_strdup ("null");
}

/* Writes {"id", "fields": [...]} when @a and @b differ in any member */
static gboolean
write_changed (JsonObject   *a,
               JsonObject   *b,
               const char   *id,
               ScJsonWriter *writer)
{
  g_autoptr(GList) names_a = json_object_get_members (a);
  g_autoptr(GList) names_b = json_object_get_members (b);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gboolean any = FALSE;

  for (GList *l = names_a; l != NULL; l = l->next)
    g_ptr_array_add (names, l->data);
  for (GList *l = names_b; l != NULL; l = l->next)
    if (!json_object_has_member (a, l->data))
      g_ptr_array_add (names, l->data);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *from = node_text (json_object_get_member (a, name));
      g_autofree char *to = node_text (json_object_get_member (b, name));

      if (strcmp (name, "id") == 0 || strcmp (from, to) == 0)
        continue;
      if (!any)
        {
          sc_json_writer_begin_object (writer);
          sc_json_writer_member_string (writer, "id", id);
          sc_json_writer_member (writer, "fields");
          sc_json_writer_begin_array (writer);
          any = TRUE;
        }
      sc_json_writer_begin_object (writer);
      sc_json_writer_member_string (writer, "name", name);
      sc_json_writer_member (writer, "from");
      sc_json_writer_raw (writer, from);
      sc_json_writer_member (writer, "to");
      sc_json_writer_raw (writer, to);
      sc_json_writer_end_object (writer);
    }
  if (any)
    {
      sc_json_writer_end_array (writer);
      sc_json_writer_end_object (writer);
    }
  return any;
}

static JsonArray *
rows_of (JsonNode *content)
{
  JsonNode *rows = json_object_get_member (json_node_get_object (content), "rows");

  return rows != NULL && JSON_NODE_HOLDS_ARRAY (rows) ? json_node_get_array (rows) : NULL;
}

static JsonObject *
row_with_id (JsonArray  *rows,
             const char *id)
{
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (row, "id", NULL), id) == 0)
        return row;
    }
  return NULL;
}

/* The rows of @rows that @others has no row of the same id for */
static gboolean
write_rows_missing (JsonArray    *rows,
                    JsonArray    *others,
                    ScJsonWriter *writer)
{
  gboolean any = FALSE;

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonNode *row = json_array_get_element (rows, i);
      const char *id = json_object_get_string_member_with_default (json_node_get_object (row), "id", NULL);
      g_autofree char *text = NULL;

      if (row_with_id (others, id) != NULL)
        continue;
      text = json_to_string (row, FALSE);
      sc_json_writer_raw (writer, text);
      any = TRUE;
    }
  return any;
}

/* One section's difference into @out, or nothing when it has none */
static void
diff_section (ScPlanSectionId  id,
              const char      *from_text,
              const char      *to_text,
              ScJsonWriter    *out)
{
  g_autoptr(JsonNode) from = json_from_string (from_text, NULL);
  g_autoptr(JsonNode) to = json_from_string (to_text, NULL);
  g_autoptr(GString) buffer = g_string_new (NULL);
  ScJsonWriter writer;
  gboolean any = FALSE;

  if (from == NULL || to == NULL || !JSON_NODE_HOLDS_OBJECT (from) || !JSON_NODE_HOLDS_OBJECT (to))
    return;
  sc_json_writer_init (&writer, buffer);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member_string (&writer, "section", sc_plan_section_id_to_string (id));
  sc_json_writer_member_string (&writer, "title", sc_plan_section_title (id));
  if (sc_plan_section_kind (id) == SC_PLAN_KIND_TEXT || sc_plan_section_kind (id) == SC_PLAN_KIND_PLACEMENT ||
      sc_plan_section_kind (id) == SC_PLAN_KIND_BUDGET)
    {
      sc_json_writer_member (&writer, "added");
      sc_json_writer_begin_array (&writer);
      sc_json_writer_end_array (&writer);
      sc_json_writer_member (&writer, "removed");
      sc_json_writer_begin_array (&writer);
      sc_json_writer_end_array (&writer);
      sc_json_writer_member (&writer, "changed");
      sc_json_writer_begin_array (&writer);
      any = write_changed (json_node_get_object (from), json_node_get_object (to), NULL, &writer);
      sc_json_writer_end_array (&writer);
    }
  else
    {
      JsonArray *rows_from = rows_of (from);
      JsonArray *rows_to = rows_of (to);

      sc_json_writer_member (&writer, "added");
      sc_json_writer_begin_array (&writer);
      any |= write_rows_missing (rows_to, rows_from, &writer);
      sc_json_writer_end_array (&writer);
      sc_json_writer_member (&writer, "removed");
      sc_json_writer_begin_array (&writer);
      any |= write_rows_missing (rows_from, rows_to, &writer);
      sc_json_writer_end_array (&writer);
      sc_json_writer_member (&writer, "changed");
      sc_json_writer_begin_array (&writer);
      for (guint i = 0; rows_to != NULL && i < json_array_get_length (rows_to); i++)
        {
          JsonObject *row = json_array_get_object_element (rows_to, i);
          const char *row_id = json_object_get_string_member_with_default (row, "id", NULL);
          JsonObject *before = row_with_id (rows_from, row_id);

          if (before != NULL)
            any |= write_changed (before, row, row_id, &writer);
        }
      sc_json_writer_end_array (&writer);
    }
  sc_json_writer_end_object (&writer);
  if (any)
    sc_json_writer_raw (out, buffer->str);
}

void
sc_plan_version_write_diff_json (ScPlanVersion *from,
                                 ScPlanVersion *to,
                                 ScJsonWriter  *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "case_id", to->case_id);
  sc_json_writer_member_int (writer, "from", from->number);
  sc_json_writer_member_int (writer, "to", to->number);
  sc_json_writer_member (writer, "sections");
  sc_json_writer_begin_array (writer);
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    diff_section (s, from->contents[s], to->contents[s], writer);
  sc_json_writer_end_array (writer);
  sc_json_writer_end_object (writer);
}

/* --- a difference in words ------------------------------------------------------ */

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static char *
value_text (const char *name,
            JsonNode   *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("(none)");
  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *links = json_node_get_array (value);
      GString *out = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (links); i++)
        {
          g_autofree char *ref = sc_plan_ref_display (json_array_get_string_element (links, i));

          g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", ref);
        }
      return out->len > 0 ? g_string_free (out, FALSE) : (g_string_free (out, TRUE), g_strdup ("(none)"));
    }
  if (g_strcmp0 (name, "amount_pence") == 0)
    return g_strdup_printf ("£%" G_GINT64_FORMAT ".%02d", json_node_get_int (value) / 100,
                            (int) (json_node_get_int (value) % 100));
  if (json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
}

static void
add_rows (GPtrArray  *lines,
          const char *verb,
          const char *section,
          JsonArray  *rows)
{
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *id = json_object_get_string_member_with_default (row, "id", "");
      const char *what = json_object_get_string_member_with_default (
        row, "text", json_object_get_string_member_with_default (row, "source", ""));
      g_autofree char *link = g_strdup_printf ("%s.%s", section, id);
      g_autofree char *ref = sc_plan_ref_display (link);

      g_ptr_array_add (lines, g_strdup_printf ("%s %s: %s", verb, ref, what));
    }
}

GPtrArray *
sc_plan_diff_to_lines (JsonNode  *diff,
                       GError   **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  JsonObject *object = diff != NULL && JSON_NODE_HOLDS_OBJECT (diff) ? json_node_get_object (diff) : NULL;
  JsonNode *sections_node = object != NULL ? json_object_get_member (object, "sections") : NULL;
  JsonArray *sections;

  if (sections_node == NULL || !JSON_NODE_HOLDS_ARRAY (sections_node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "a plan difference needs its sections as a list");
      return NULL;
    }
  sections = json_node_get_array (sections_node);
  for (guint s = 0; s < json_array_get_length (sections); s++)
    {
      JsonObject *change = json_array_get_object_element (sections, s);
      const char *section = json_object_get_string_member_with_default (change, "section", "");
      ScPlanSectionId id = sc_plan_section_id_from_string (section);
      g_autofree char *upper = g_ascii_strup (section, -1);
      JsonArray *changed;

      if (id == SC_PLAN_SECTION_NONE)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "a plan difference names no section %s", section);
          return NULL;
        }
      g_ptr_array_add (lines, g_strdup_printf ("Section %s: %s", upper, sc_plan_section_title (id)));
      add_rows (lines, "Added", section, array_member (change, "added"));
      add_rows (lines, "Removed", section, array_member (change, "removed"));
      changed = array_member (change, "changed");
      for (guint c = 0; changed != NULL && c < json_array_get_length (changed); c++)
        {
          JsonObject *row = json_array_get_object_element (changed, c);
          JsonArray *fields = array_member (row, "fields");
          const char *row_id = json_object_get_string_member_with_default (row, "id", NULL);
          g_autofree char *link = row_id != NULL ? g_strdup_printf ("%s.%s", section, row_id) : NULL;
          g_autofree char *ref = link != NULL ? sc_plan_ref_display (link) : g_strdup (upper);

          for (guint f = 0; fields != NULL && f < json_array_get_length (fields); f++)
            {
              JsonObject *field = json_array_get_object_element (fields, f);
              const char *name = json_object_get_string_member_with_default (field, "name", "");
              g_autofree char *from = value_text (name, json_object_get_member (field, "from"));
              g_autofree char *to = value_text (name, json_object_get_member (field, "to"));

              g_ptr_array_add (lines, g_strdup_printf ("Changed %s, %s: %s → %s", ref, sc_plan_field_label (name),
                                                       from, to));
            }
        }
    }
  return g_steal_pointer (&lines);
}
