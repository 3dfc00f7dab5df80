/* scc-plan-editor.c
 *
 * SccPlanEditor: see scc-plan-editor.h. The section's kind decides its
 * fields (the tables below, in the order of sc-plan.h); the editor keeps,
 * for each row, its id, its group and its field widgets, and writes the
 * content back from them whenever one changes. A row's id stays what it
 * was (a link to "b.2" still means that need after b.1 is removed); a new
 * row takes the next number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-plan-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-problem.h"

#include "scc-plan-editor.h"

#define MAX_FIELDS 8

typedef struct
{
  const char *member;
  const char *label;
} Field;

static const Field need_fields[] = { { "text", N_("_Need") }, { NULL } };
static const Field outcome_fields[] = { { "text", N_("_Outcome") }, { NULL } };
static const Field provision_fields[] = {
  { "text", N_("_Provision (what is provided)") }, { "provider", N_("Provided _by (role or service)") },
  { "frequency", N_("How _often") }, { "duration", N_("For how _long each time") },
  { "group_size", N_("_Group size") }, { "from", N_("_From (YYYY-MM-DD)") }, { "to", N_("_To (YYYY-MM-DD)") },
  { NULL }
};
static const Field advice_fields[] = {
  { "source", N_("Advice _from") }, { "advice", N_("_Kind of advice") },
  { "received", N_("_Received (YYYY-MM-DD)") },
  { "request", N_("Answers the re_quest to (the adviser, as recorded on the case)") }, { NULL }
};
static const Field placement_fields[] = {
  { "name", N_("School, college or other _institution") }, { "type", N_("_Type of setting") },
  { "urn", N_("_URN (6 digits)") },
  { "consultation_exemption", N_("Named _without consulting it because (if it was not consulted)") },
  { "funding_band", N_("_Funding band (its code in the authority's table)") }, { NULL }
};
static const Field budget_fields[] = {
  { "amount_pence", N_("_Amount each year (£)") }, { "covers", N_("What it _covers") }, { NULL }
};

typedef struct
{
  char      *id;
  GtkWidget *group;
  GtkWidget *fields[MAX_FIELDS];
  GPtrArray *checks;   /* GtkCheckButton, each with its "ref" and "member" */
} Row;

struct _SccPlanEditor
{
  GtkBox           parent_instance;

  ScPlanSectionId  section;
  GPtrArray       *rows;        /* of Row */
  GPtrArray       *needs;       /* of SccPlanLink, nullable */
  GPtrArray       *outcomes;    /* of SccPlanLink, nullable */
  GtkWidget       *rows_box;
  GtkWidget       *text_view;
  GtkWidget       *object_group;
  GtkWidget       *object_fields[MAX_FIELDS];
  GtkWidget       *warnings_group;
  GPtrArray       *warning_rows;
  GtkWidget       *refusal_label;
  gboolean         building;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SccPlanEditor, scc_plan_editor, GTK_TYPE_BOX)

void
scc_plan_link_free (SccPlanLink *link)
{
  if (link == NULL)
    return;
  g_free (link->ref);
  g_free (link->text);
  g_free (link);
}

static void
row_free (Row *row)
{
  g_free (row->id);
  g_clear_pointer (&row->checks, g_ptr_array_unref);
  g_free (row);
}

static const Field *
fields_of (ScPlanSectionKind kind)
{
  switch (kind)
    {
    case SC_PLAN_KIND_NEEDS: return need_fields;
    case SC_PLAN_KIND_OUTCOMES: return outcome_fields;
    case SC_PLAN_KIND_PROVISION: return provision_fields;
    case SC_PLAN_KIND_ADVICE: return advice_fields;
    case SC_PLAN_KIND_PLACEMENT: return placement_fields;
    case SC_PLAN_KIND_BUDGET: return budget_fields;
    case SC_PLAN_KIND_TEXT:
    default: return NULL;
    }
}

static gboolean
has_rows (SccPlanEditor *self)
{
  ScPlanSectionKind kind = sc_plan_section_kind (self->section);

  return kind == SC_PLAN_KIND_NEEDS || kind == SC_PLAN_KIND_OUTCOMES || kind == SC_PLAN_KIND_PROVISION ||
         kind == SC_PLAN_KIND_ADVICE;
}

/* --- content --------------------------------------------------------------------- */

static void
add_text_member (JsonBuilder *builder,
                 const char  *member,
                 const char  *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*trimmed == '\0')
    return;
  json_builder_set_member_name (builder, member);
  if (g_strcmp0 (member, "amount_pence") == 0)
    {
      double pounds = 0;
      char *end = NULL;

      pounds = g_ascii_strtod (trimmed, &end);
      if (end != NULL && *end == '\0' && pounds >= 0)
        {
          json_builder_add_int_value (builder, (gint64) (pounds * 100 + 0.5));
          return;
        }
    }
  /* what is not a number stays text: the daemon says what is wrong with it */
  json_builder_add_string_value (builder, trimmed);
}

static void
add_links (JsonBuilder *builder,
           Row         *row,
           const char  *member)
{
  gboolean any = FALSE;

  for (guint i = 0; i < row->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (row->checks, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "member"), member) != 0 ||
          !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        continue;
      if (!any)
        {
          json_builder_set_member_name (builder, member);
          json_builder_begin_array (builder);
          any = TRUE;
        }
      json_builder_add_string_value (builder, g_object_get_data (G_OBJECT (check), "ref"));
    }
  if (any)
    json_builder_end_array (builder);
}

char *
scc_plan_editor_dup_content (SccPlanEditor *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const Field *fields = fields_of (sc_plan_section_kind (self->section));

  g_return_val_if_fail (SCC_IS_PLAN_EDITOR (self), NULL);

  json_builder_begin_object (builder);
  if (self->text_view != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      add_text_member (builder, "text", text);
    }
  else if (!has_rows (self))
    {
      for (guint f = 0; fields[f].member != NULL; f++)
        add_text_member (builder, fields[f].member, gtk_editable_get_text (GTK_EDITABLE (self->object_fields[f])));
    }
  else
    {
      json_builder_set_member_name (builder, "rows");
      json_builder_begin_array (builder);
      for (guint r = 0; r < self->rows->len; r++)
        {
          Row *row = g_ptr_array_index (self->rows, r);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, row->id);
          for (guint f = 0; fields[f].member != NULL; f++)
            add_text_member (builder, fields[f].member, gtk_editable_get_text (GTK_EDITABLE (row->fields[f])));
          add_links (builder, row, "needs");
          add_links (builder, row, "outcomes");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
emit_changed (SccPlanEditor *self)
{
  g_autofree char *content = NULL;

  if (self->building)
    return;
  content = scc_plan_editor_dup_content (self);
  g_signal_emit (self, signals[CHANGED], 0, content);
}

/* --- building ---------------------------------------------------------------------- */

static const char *
member_text (JsonObject *object,
             const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return "";
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static GtkWidget *
field_entry (SccPlanEditor *self,
             const Field   *field,
             JsonObject    *object)
{
  GtkWidget *entry = adw_entry_row_new ();
  const char *text = member_text (object, field->member);
  g_autofree char *number = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(field->label));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (entry), TRUE);
  if (text == NULL)   /* a number: the budget's pence, shown in pounds */
    {
      gint64 pence = json_object_get_int_member (object, field->member);

      number = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", pence / 100, (int) (pence % 100));
      text = number;
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_object_set_data (G_OBJECT (entry), "member", (gpointer) field->member);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (emit_changed), self);
  return entry;
}

static gboolean
links_contain (JsonObject *object,
               const char *member,
               const char *ref)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;
  JsonArray *links = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    if (g_strcmp0 (json_array_get_string_element (links, i), ref) == 0)
      return TRUE;
  return FALSE;
}

/* The needs (or outcomes) a row may link to, as check buttons */
static void
add_link_checks (SccPlanEditor *self,
                 Row           *row,
                 GtkWidget     *group,
                 GPtrArray     *links,
                 const char    *member,
                 const char    *title,
                 JsonObject    *object)
{
  GtkWidget *box, *flow, *label;

  if (links == NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 8);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  if (links->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("Nothing to link yet: write the needs and outcomes first."));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
    }
  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 6);
  for (guint i = 0; i < links->len; i++)
    {
      SccPlanLink *link = g_ptr_array_index (links, i);
      g_autofree char *ref = sc_plan_ref_display (link->ref);
      GtkWidget *check = gtk_check_button_new_with_label (ref);

      gtk_widget_set_tooltip_text (check, link->text);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), links_contain (object, member, link->ref));
      g_object_set_data_full (G_OBJECT (check), "ref", g_strdup (link->ref), g_free);
      g_object_set_data (G_OBJECT (check), "member", (gpointer) member);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (emit_changed), self);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), check);
      g_ptr_array_add (row->checks, check);
    }
  gtk_box_append (GTK_BOX (box), flow);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
}

static void remove_row_cb (GtkButton *button, SccPlanEditor *self);

static Row *
add_row_widgets (SccPlanEditor *self,
                 const char    *id,
                 JsonObject    *object)
{
  const Field *fields = fields_of (sc_plan_section_kind (self->section));
  g_autofree char *link = g_strdup_printf ("%s.%s", sc_plan_section_id_to_string (self->section), id);
  g_autofree char *ref = sc_plan_ref_display (link);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), ref);
  Row *row = g_new0 (Row, 1);
  GtkWidget *remove;

  row->id = g_strdup (id);
  row->checks = g_ptr_array_new ();
  row->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (row->group), ref);
  remove = gtk_button_new_with_label (_("Remove"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data (G_OBJECT (remove), "row", row);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_row_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (row->group), remove);
  for (guint f = 0; fields[f].member != NULL; f++)
    {
      row->fields[f] = field_entry (self, &fields[f], object);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (row->group), row->fields[f]);
    }
  if (sc_plan_section_kind (self->section) == SC_PLAN_KIND_OUTCOMES)
    add_link_checks (self, row, row->group, self->needs, "needs", _("Meets the needs"), object);
  if (sc_plan_section_kind (self->section) == SC_PLAN_KIND_PROVISION)
    {
      add_link_checks (self, row, row->group, self->needs, "needs", _("Meets the needs"), object);
      add_link_checks (self, row, row->group, self->outcomes, "outcomes", _("Serves the outcomes"), object);
    }
  gtk_box_append (GTK_BOX (self->rows_box), row->group);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
remove_row_cb (GtkButton     *button,
               SccPlanEditor *self)
{
  Row *row = g_object_get_data (G_OBJECT (button), "row");
  guint index;

  if (!g_ptr_array_find (self->rows, row, &index))
    return;
  gtk_box_remove (GTK_BOX (self->rows_box), row->group);
  g_ptr_array_remove_index (self->rows, index);
  emit_changed (self);
  /* the keyboard goes to the row that took its place, or the one before */
  if (self->rows->len > 0)
    gtk_widget_grab_focus (((Row *) g_ptr_array_index (self->rows, MIN (index, self->rows->len - 1)))->fields[0]);
}

static char *
next_id (SccPlanEditor *self)
{
  guint64 top = 0;

  for (guint r = 0; r < self->rows->len; r++)
    top = MAX (top, g_ascii_strtoull (((Row *) g_ptr_array_index (self->rows, r))->id, NULL, 10));
  return g_strdup_printf ("%" G_GUINT64_FORMAT, top + 1);
}

gboolean
scc_plan_editor_add_row (SccPlanEditor *self)
{
  g_autofree char *id = NULL;
  Row *row;

  g_return_val_if_fail (SCC_IS_PLAN_EDITOR (self), FALSE);
  if (!has_rows (self))
    return FALSE;
  id = next_id (self);
  row = add_row_widgets (self, id, NULL);
  gtk_widget_grab_focus (row->fields[0]);
  emit_changed (self);
  return TRUE;
}

static void
build (SccPlanEditor *self,
       const char    *content)
{
  g_autoptr(JsonNode) node = json_from_string (content, NULL);
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  ScPlanSectionKind kind = sc_plan_section_kind (self->section);
  const Field *fields = fields_of (kind);
  g_autofree char *title = g_strdup_printf ("%s: %s", sc_plan_section_id_to_string (self->section),
                                            sc_plan_section_title (self->section));
  GtkWidget *heading = gtk_label_new (NULL);

  title[0] = g_ascii_toupper (title[0]);
  if (title[1] != ':')
    title[1] = g_ascii_toupper (title[1]);
  gtk_label_set_text (GTK_LABEL (heading), title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (self), heading);

  self->refusal_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->refusal_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->refusal_label), 0);
  gtk_widget_add_css_class (self->refusal_label, "error");
  gtk_widget_set_visible (self->refusal_label, FALSE);
  gtk_box_append (GTK_BOX (self), self->refusal_label);

  self->building = TRUE;
  if (kind == SC_PLAN_KIND_TEXT)
    {
      GtkWidget *frame = gtk_frame_new (NULL);

      self->text_view = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->text_view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->text_view), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), 8);
      gtk_widget_set_size_request (self->text_view, -1, 240);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)),
                                member_text (object, "text"), -1);
      g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)), "changed",
                                G_CALLBACK (emit_changed), self);
      gtk_frame_set_child (GTK_FRAME (frame), self->text_view);
      gtk_box_append (GTK_BOX (self), frame);
    }
  else if (!has_rows (self))
    {
      self->object_group = adw_preferences_group_new ();
      for (guint f = 0; fields[f].member != NULL; f++)
        {
          self->object_fields[f] = field_entry (self, &fields[f], object);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->object_group), self->object_fields[f]);
        }
      gtk_box_append (GTK_BOX (self), self->object_group);
    }
  else
    {
      JsonNode *rows_node = object != NULL ? json_object_get_member (object, "rows") : NULL;
      JsonArray *rows = rows_node != NULL && JSON_NODE_HOLDS_ARRAY (rows_node) ? json_node_get_array (rows_node) : NULL;
      GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add a Row"));

      self->rows_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
      gtk_box_append (GTK_BOX (self), self->rows_box);
      for (guint r = 0; rows != NULL && r < json_array_get_length (rows); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);

          add_row_widgets (self, json_object_get_string_member_with_default (row, "id", "?"), row);
        }
      gtk_widget_set_halign (add, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (add, _("Add a row to this section (Ctrl+Shift+N)"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "plan.add-row");
      gtk_box_append (GTK_BOX (self), add);
    }
  self->building = FALSE;

  self->warnings_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->warnings_group), _("Quality Warnings"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->warnings_group),
                                         _("What a tribunal could find wanting. They do not stop the plan being "
                                           "issued, and are kept with the version issued."));
  gtk_box_append (GTK_BOX (self), self->warnings_group);
}

/* --- warnings and refusals ------------------------------------------------------------ */

static Row *
find_row (SccPlanEditor *self,
          const char    *id)
{
  for (guint r = 0; id != NULL && r < self->rows->len; r++)
    if (g_strcmp0 (((Row *) g_ptr_array_index (self->rows, r))->id, id) == 0)
      return g_ptr_array_index (self->rows, r);
  return NULL;
}

void
scc_plan_editor_show_warnings (SccPlanEditor *self,
                               GPtrArray     *warnings)
{
  const char *section = sc_plan_section_id_to_string (self->section);
  guint shown = 0;

  g_return_if_fail (SCC_IS_PLAN_EDITOR (self));

  for (guint i = 0; i < self->warning_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->warnings_group),
                                  g_ptr_array_index (self->warning_rows, i));
  g_ptr_array_set_size (self->warning_rows, 0);
  for (guint r = 0; r < self->rows->len; r++)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (((Row *) g_ptr_array_index (self->rows, r))->group),
                                           NULL);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      ScPlanWarning *warning = g_ptr_array_index (warnings, i);
      Row *row = g_strcmp0 (warning->section, section) == 0 ? find_row (self, warning->row) : NULL;
      GtkWidget *line;

      if (g_strcmp0 (warning->section, section) != 0)
        continue;
      if (row != NULL)
        {
          const char *before = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (row->group));
          g_autofree char *text = before != NULL && *before != '\0'
            ? g_strdup_printf ("%s\n⚠ %s", before, warning->message) : g_strdup_printf ("⚠ %s", warning->message);

          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (row->group), text);
        }
      line = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), warning->message);
      adw_action_row_add_prefix (ADW_ACTION_ROW (line), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->warnings_group), line);
      g_ptr_array_add (self->warning_rows, line);
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *line = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), _("None in this section"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->warnings_group), line);
      g_ptr_array_add (self->warning_rows, line);
    }
}

/* The field "content.rows[2].to" (or "content.covers") names */
static GtkWidget *
field_named (SccPlanEditor *self,
             const char    *name)
{
  const Field *fields = fields_of (sc_plan_section_kind (self->section));
  guint index = 0;
  char member[64] = "";

  if (name == NULL || fields == NULL)
    return self->text_view;
  if (sscanf (name, "content.rows[%u].%63s", &index, member) == 2)
    {
      for (guint f = 0; index < self->rows->len && fields[f].member != NULL; f++)
        if (g_str_equal (fields[f].member, member))
          return ((Row *) g_ptr_array_index (self->rows, index))->fields[f];
      return NULL;
    }
  for (guint f = 0; !has_rows (self) && fields[f].member != NULL; f++)
    if (g_str_has_prefix (name, "content.") && g_str_equal (fields[f].member, name + strlen ("content.")))
      return self->object_fields[f];
  return NULL;
}

void
scc_plan_editor_show_refusal (SccPlanEditor *self,
                              const GError  *refusal)
{
  const ScProblem *problem = refusal != NULL ? sc_error_get_problem (refusal) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *first = NULL;

  g_return_if_fail (SCC_IS_PLAN_EDITOR (self));

  for (guint r = 0; r < self->rows->len; r++)
    for (guint f = 0; f < MAX_FIELDS; f++)
      if (((Row *) g_ptr_array_index (self->rows, r))->fields[f] != NULL)
        gtk_widget_remove_css_class (((Row *) g_ptr_array_index (self->rows, r))->fields[f], "error");
  for (guint f = 0; f < MAX_FIELDS; f++)
    if (self->object_fields[f] != NULL)
      gtk_widget_remove_css_class (self->object_fields[f], "error");
  for (guint i = 0; problem != NULL && i < sc_problem_get_n_field_errors (problem); i++)
    {
      const ScFieldError *error = sc_problem_get_field_error (problem, i);
      GtkWidget *field = field_named (self, error->field);

      if (field != NULL)
        {
          gtk_widget_add_css_class (field, "error");
          first = first != NULL ? first : field;
        }
      g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "\n" : "", error->field, error->message);
    }
  if (refusal != NULL && text->len == 0)
    g_string_append (text, refusal->message);
  gtk_label_set_text (GTK_LABEL (self->refusal_label), text->str);
  gtk_widget_set_visible (self->refusal_label, text->len > 0);
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

/* --- the type ------------------------------------------------------------------------ */

static void
scc_plan_editor_dispose (GObject *object)
{
  SccPlanEditor *self = SCC_PLAN_EDITOR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->warning_rows, g_ptr_array_unref);
  g_clear_pointer (&self->needs, g_ptr_array_unref);
  g_clear_pointer (&self->outcomes, g_ptr_array_unref);
  G_OBJECT_CLASS (scc_plan_editor_parent_class)->dispose (object);
}

static void
scc_plan_editor_class_init (SccPlanEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = scc_plan_editor_dispose;

  /* the content as the user has it now, JSON text */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
scc_plan_editor_init (SccPlanEditor *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 18);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->warning_rows = g_ptr_array_new ();
}

GtkWidget *
scc_plan_editor_new (ScPlanSectionId  section,
                     const char      *content,
                     GPtrArray       *needs,
                     GPtrArray       *outcomes)
{
  SccPlanEditor *self;

  g_return_val_if_fail (section >= 0 && section < SC_N_PLAN_SECTIONS, NULL);
  self = g_object_new (SCC_TYPE_PLAN_EDITOR, NULL);
  self->section = section;
  self->needs = needs != NULL ? g_ptr_array_ref (needs) : NULL;
  self->outcomes = outcomes != NULL ? g_ptr_array_ref (outcomes) : NULL;
  build (self, content);
  return GTK_WIDGET (self);
}

ScPlanSectionId
scc_plan_editor_get_section (SccPlanEditor *self)
{
  g_return_val_if_fail (SCC_IS_PLAN_EDITOR (self), SC_PLAN_SECTION_NONE);
  return self->section;
}

GtkWidget *
scc_plan_editor_get_field (SccPlanEditor *self,
                           guint          row,
                           const char    *member)
{
  const Field *fields = fields_of (sc_plan_section_kind (self->section));

  g_return_val_if_fail (SCC_IS_PLAN_EDITOR (self), NULL);
  if (fields == NULL)
    return self->text_view;
  for (guint f = 0; fields[f].member != NULL; f++)
    if (g_str_equal (fields[f].member, member))
      return has_rows (self) ? (row < self->rows->len ? ((Row *) g_ptr_array_index (self->rows, row))->fields[f]
                                                      : NULL)
                             : self->object_fields[f];
  return NULL;
}

guint
scc_plan_editor_get_n_rows (SccPlanEditor *self)
{
  g_return_val_if_fail (SCC_IS_PLAN_EDITOR (self), 0);
  return self->rows->len;
}
