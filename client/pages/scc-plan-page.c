/* scc-plan-page.c
 *
 * SccPlanPage: see scc-plan-page.h. The page holds no plan of its own: the
 * view model has the draft, the edits and the versions, and the page
 * shows them. The section editor is built again only when another section
 * is chosen or the draft is read again; while the user types it stays, and
 * the sidebar and the warnings follow the view model's ::changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-calendar.h"
#include "sc-error.h"

#include "scc-offline-banner.h"
#include "scc-plan-editor.h"
#include "scc-plan-page.h"
#include "scc-user-button.h"

struct _SccPlanPage
{
  SccPage              parent_instance;

  /* Owned */
  SccPlanVm           *view_model;    /* the case shown's */
  GHashTable          *models;        /* case id -> SccPlanVm: each case's edits kept until sign-out */
  GCancellable        *cancellable;   /* diffs and PDFs */
  GPtrArray           *version_rows;
  GPtrArray           *diff_rows;
  ScPlanSectionId      section;
  gboolean             issuing;

  /* Not owned */
  GtkWidget           *editor;
  GtkWidget           *section_rows[SC_N_PLAN_SECTIONS];
  GtkWidget           *section_status[SC_N_PLAN_SECTIONS];

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack        *view_stack;
  GtkLabel            *child_label;
  GtkListBox          *sections_list;
  GtkBox              *editor_box;
  GtkWidget           *conflict_box;
  GtkLabel            *conflict_label;
  AdwPreferencesGroup *issue_group;
  AdwComboRow         *kind_row;
  AdwEntryRow         *date_row;
  GtkLabel            *issue_error_label;
  AdwPreferencesGroup *versions_group;
  AdwPreferencesGroup *diff_group;
};

G_DEFINE_FINAL_TYPE (SccPlanPage, scc_plan_page, SCC_TYPE_PAGE)

static const char * const kind_words[] = {
  N_("Draft plan"), N_("Final plan"), N_("Amended plan"), N_("Proposed amendments"),
};

static const char *
kind_word (const char *kind)
{
  for (guint k = 0; k <= SC_PLAN_VERSION_PROPOSED; k++)
    if (g_strcmp0 (kind, sc_plan_version_kind_to_string (k)) == 0)
      return _(kind_words[k]);
  return kind;
}

static char *
section_heading (ScPlanSectionId section)
{
  g_autofree char *id = g_ascii_strup (sc_plan_section_id_to_string (section), -1);

  return g_strdup_printf ("%s  %s", id, sc_plan_section_title (section));
}

/* Caseworkers and team managers change plans; an admin officer reads them */
static gboolean
may_write (SccPlanPage *self)
{
  ScUser *user = scc_page_get_user (SCC_PAGE (self));
  ScRole role = user != NULL ? sc_user_get_role (user) : SC_ROLE_NONE;

  return role == SC_ROLE_CASEWORKER || role == SC_ROLE_TEAM_MANAGER;
}

/* --- the sidebar ------------------------------------------------------------------ */

static void
update_sidebar (SccPlanPage *self)
{
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    {
      guint warnings = scc_plan_vm_count_warnings (self->view_model, s);
      gboolean dirty = scc_plan_vm_get_dirty (self->view_model, s);
      g_autofree char *count = warnings > 0 ? g_strdup_printf (g_dngettext (NULL, "%u warning",
                                                                            "%u warnings", warnings), warnings)
                                            : NULL;
      g_autofree char *status = dirty && count != NULL ? g_strdup_printf ("%s · %s", _("Not saved"), count)
                                                     : g_strdup (dirty ? _("Not saved") : count != NULL ? count : "");
      g_autofree char *heading = section_heading (s);
      g_autofree char *accessible = NULL;

      gtk_label_set_text (GTK_LABEL (self->section_status[s]), status);
      accessible = *status != '\0' ? g_strdup_printf ("%s, %s", heading, status) : g_strdup (heading);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->section_rows[s]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
    }
}

static void
build_sidebar (SccPlanPage *self)
{
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    {
      g_autofree char *heading = section_heading (s);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (heading);
      GtkWidget *status = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_xalign (GTK_LABEL (status), 0);
      gtk_widget_add_css_class (status, "caption");
      gtk_widget_add_css_class (status, "dim-label");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), status);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (self->sections_list, row);
      self->section_rows[s] = row;
      self->section_status[s] = status;
    }
}

/* --- the editor ------------------------------------------------------------------- */

/* The rows of the sections of @kind, as a provision row may link to them */
static GPtrArray *
links_of (SccPlanPage       *self,
          ScPlanSectionKind  kind)
{
  GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify) scc_plan_link_free);

  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonNode *rows_node;
      JsonArray *rows;

      if (sc_plan_section_kind (s) != kind)
        continue;
      node = json_from_string (scc_plan_vm_get_content (self->view_model, s), NULL);
      rows_node = node != NULL && JSON_NODE_HOLDS_OBJECT (node)
        ? json_object_get_member (json_node_get_object (node), "rows") : NULL;
      rows = rows_node != NULL && JSON_NODE_HOLDS_ARRAY (rows_node) ? json_node_get_array (rows_node) : NULL;
      for (guint r = 0; rows != NULL && r < json_array_get_length (rows); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);
          SccPlanLink *link = g_new0 (SccPlanLink, 1);

          link->ref = g_strdup_printf ("%s.%s", sc_plan_section_id_to_string (s),
                                       json_object_get_string_member_with_default (row, "id", ""));
          link->text = g_strdup (json_object_get_string_member_with_default (row, "text", ""));
          g_ptr_array_add (links, link);
        }
    }
  return links;
}

static void
on_editor_changed_cb (SccPlanPage   *self,
                      const char    *content,
                      SccPlanEditor *editor)
{
  scc_plan_vm_set_content (self->view_model, scc_plan_editor_get_section (editor), content);
}

static void
show_section (SccPlanPage     *self,
              ScPlanSectionId  section)
{
  g_autoptr(GPtrArray) needs = links_of (self, SC_PLAN_KIND_NEEDS);
  g_autoptr(GPtrArray) outcomes = links_of (self, SC_PLAN_KIND_OUTCOMES);

  gboolean had_focus = FALSE;

  if (self->editor != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

      /* the keyboard stays on the page, on the section now shown */
      had_focus = focus != NULL && gtk_widget_is_ancestor (focus, self->editor);
      gtk_box_remove (self->editor_box, self->editor);
    }
  self->section = section;
  self->editor = scc_plan_editor_new (section, scc_plan_vm_get_content (self->view_model, section), needs, outcomes);
  g_signal_connect_object (self->editor, "changed", G_CALLBACK (on_editor_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->editor_box, self->editor);
  gtk_widget_set_sensitive (self->editor, may_write (self));
  scc_plan_editor_show_warnings (SCC_PLAN_EDITOR (self->editor), scc_plan_vm_get_warnings (self->view_model));
  scc_plan_editor_show_refusal (SCC_PLAN_EDITOR (self->editor), scc_plan_vm_get_refusal (self->view_model, section));
  if (had_focus)
    gtk_widget_grab_focus (self->section_rows[section]);
}

static void
on_section_selected_cb (SccPlanPage   *self,
                        GtkListBoxRow *row)
{
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (index >= 0 && scc_plan_vm_get_loaded (self->view_model) && (self->editor == NULL || index != (int) self->section))
    show_section (self, index);
}

/* --- versions --------------------------------------------------------------------- */

static void
clear_group (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
diff_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SccPlanPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = scc_plan_vm_diff_finish (SCC_PLAN_VM (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  clear_group (self->diff_group, self->diff_rows);
  if (lines == NULL)
    {
      scc_page_show_toast (SCC_PAGE (self), error->message, NULL, NULL);
      return;
    }
  if (lines->len == 0)
    g_ptr_array_add (lines, g_strdup (_("Nothing changed")));
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line);
      if (g_str_has_prefix (line, "Section "))
        gtk_widget_add_css_class (row, "heading");
      adw_preferences_group_add (self->diff_group, row);
      g_ptr_array_add (self->diff_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->diff_group), TRUE);
}

static void
on_diff_clicked_cb (GtkButton   *button,
                    SccPlanPage *self)
{
  gint64 number = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "number"));
  g_autofree char *title = g_strdup_printf (_("What Changed from Version %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT),
                                            number - 1, number);

  adw_preferences_group_set_title (self->diff_group, title);
  scc_plan_vm_diff_async (self->view_model, number - 1, number, self->cancellable, diff_cb, g_object_ref (self));
}

static void
shown_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SccPlanPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    scc_page_show_toast (SCC_PAGE (self), _("The PDF is saved, but no viewer could open it"), NULL, NULL);
}

static void
pdf_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(SccPlanPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = scc_plan_vm_save_pdf_finish (SCC_PLAN_VM (object), result, &error);
  g_autofree char *uri = NULL;
  g_autofree char *saved = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (file == NULL)
    {
      scc_page_show_toast (SCC_PAGE (self), error->message, NULL, NULL);
      return;
    }
  saved = g_strdup_printf (_("Saved %s"), g_file_peek_path (file));
  scc_page_show_toast (SCC_PAGE (self), saved, NULL, NULL);
  uri = g_file_get_uri (file);
  if (GTK_IS_WINDOW (root))
    gtk_show_uri_full (GTK_WINDOW (root), uri, GDK_CURRENT_TIME, self->cancellable, shown_cb, g_object_ref (self));
}

static void
on_pdf_clicked_cb (GtkButton   *button,
                   SccPlanPage *self)
{
  gint64 number = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "number"));

  scc_plan_vm_save_pdf_async (self->view_model, number, self->cancellable, pdf_cb, g_object_ref (self));
}

static GtkWidget *
version_button (SccPlanPage *self,
                const char  *mnemonic,
                const char  *accessible,
                gint64       number,
                GCallback    callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (button), "number", GSIZE_TO_POINTER ((gsize) number));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
build_versions (SccPlanPage *self)
{
  GPtrArray *versions = scc_plan_vm_get_versions (self->view_model);

  clear_group (self->versions_group, self->version_rows);
  for (guint i = versions != NULL ? versions->len : 0; i > 0; i--)
    {
      ScPlanVersion *version = g_ptr_array_index (versions, i - 1);
      gint64 number = sc_plan_version_get_number (version);
      g_autofree char *title = g_strdup_printf (_("Version %" G_GINT64_FORMAT ": %s"), number,
                                                kind_word (sc_plan_version_get_kind (version)));
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (sc_plan_version_get_issued_at (version) / G_USEC_PER_SEC);
      g_autofree char *when = at != NULL ? g_date_time_format (at, "%-d %b %Y, %H:%M") : g_strdup ("");
      g_autofree char *subtitle = g_strdup_printf (sc_plan_version_get_voided (version)
                                                   ? _("Issued %s by %s; its event was voided since, so it "
                                                       "does not stand")
                                                   : _("Issued %s by %s"), when,
                                                   sc_plan_version_get_issued_by_name (version));
      g_autofree char *open = g_strdup_printf (_("Open version %" G_GINT64_FORMAT " as PDF"), number);
      g_autofree char *compare = g_strdup_printf (_("What changed in version %" G_GINT64_FORMAT), number);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (number > 1)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   version_button (self, _("What _Changed"), compare, number,
                                                   G_CALLBACK (on_diff_clicked_cb)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 version_button (self, _("Open _PDF"), open, number, G_CALLBACK (on_pdf_clicked_cb)));
      adw_preferences_group_add (self->versions_group, row);
      g_ptr_array_add (self->version_rows, row);
    }
  if (self->version_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No version has been issued yet"));
      adw_preferences_group_add (self->versions_group, row);
      g_ptr_array_add (self->version_rows, row);
    }
}

/* --- the view model's news ---------------------------------------------------------- */

static void
on_changed_cb (SccPlanPage *self)
{
  ScPlanSectionId conflict = scc_plan_vm_get_conflict (self->view_model);

  update_sidebar (self);
  if (self->editor != NULL)
    {
      scc_plan_editor_show_warnings (SCC_PLAN_EDITOR (self->editor), scc_plan_vm_get_warnings (self->view_model));
      scc_plan_editor_show_refusal (SCC_PLAN_EDITOR (self->editor),
                                    scc_plan_vm_get_refusal (self->view_model, self->section));
    }
  gtk_widget_set_visible (self->conflict_box, conflict != SC_PLAN_SECTION_NONE);
  if (conflict != SC_PLAN_SECTION_NONE)
    {
      g_autofree char *id = g_ascii_strup (sc_plan_section_id_to_string (conflict), -1);
      g_autofree char *text = g_strdup_printf (_("Someone else saved section %s while you were editing it. What you "
                                                 "typed is kept: reload to take their version, check the section, "
                                                 "and save again to keep yours."), id);

      gtk_label_set_text (self->conflict_label, text);
    }
}

static void
on_loaded_cb (SccPlanPage *self)
{
  char today[SC_DAY_STRING_SIZE];
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (*gtk_editable_get_text (GTK_EDITABLE (self->date_row)) == '\0')
    {
      sc_day_format (sc_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                                      g_date_time_get_day_of_month (now)), today);
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
    }
  show_section (self, self->section);
  gtk_list_box_select_row (self->sections_list, GTK_LIST_BOX_ROW (self->section_rows[self->section]));
  build_versions (self);
  on_changed_cb (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.save", may_write (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.issue", may_write (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add-row", may_write (self));
  gtk_widget_set_visible (GTK_WIDGET (self->issue_group), may_write (self));
}

static void
on_saved_cb (SccPlanPage *self)
{
  scc_page_show_toast (SCC_PAGE (self), _("The plan is saved"), NULL, NULL);
}

static void
on_issued_cb (SccPlanPage *self,
              ScCaseEvent *event)
{
  self->issuing = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->issue_error_label), FALSE);
  scc_page_show_toast (SCC_PAGE (self), _("Issued: the draft is frozen as a new version"), NULL, NULL);
}

static void
on_failed_cb (SccPlanPage  *self,
              const GError *error)
{
  if (self->issuing)
    {
      self->issuing = FALSE;
      gtk_label_set_text (self->issue_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->issue_error_label), TRUE);
      return;
    }
  if (g_error_matches (error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED))
    return;   /* the conflict box says it */
  if (g_error_matches (error, SC_ERROR, SC_ERROR_INVALID_INPUT))
    scc_page_show_toast (SCC_PAGE (self), _("Not saved: see what is marked in the section"), NULL, NULL);
  else
    scc_page_show_toast (SCC_PAGE (self), error->message, _("_Retry"), "plan.save");
}

/* --- actions ------------------------------------------------------------------------ */

static void
plan_save_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SccPlanPage *self = SCC_PLAN_PAGE (widget);

  if (!scc_plan_vm_get_loaded (self->view_model))
    return;
  if (!scc_plan_vm_get_any_dirty (self->view_model))
    {
      scc_page_show_toast (SCC_PAGE (self), _("Nothing to save"), NULL, NULL);
      return;
    }
  scc_plan_vm_save (self->view_model);
}

static void
plan_reload_keeping_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SccPlanPage *self = SCC_PLAN_PAGE (widget);

  if (scc_plan_vm_get_case_id (self->view_model) > 0)
    scc_plan_vm_reload_keeping (self->view_model);
}

static void
plan_add_row_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SccPlanPage *self = SCC_PLAN_PAGE (widget);

  if (self->editor != NULL)
    scc_plan_editor_add_row (SCC_PLAN_EDITOR (self->editor));
}

static void
plan_issue_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SccPlanPage *self = SCC_PLAN_PAGE (widget);
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  ScDay day;

  if (!scc_plan_vm_get_loaded (self->view_model))
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "versions");
  gtk_widget_set_visible (GTK_WIDGET (self->issue_error_label), TRUE);
  if (scc_plan_vm_get_any_dirty (self->view_model))
    {
      gtk_label_set_text (self->issue_error_label, _("Save your changes first (Ctrl+S): the draft is issued as saved"));
      return;
    }
  if (!sc_day_parse (date, &day))
    {
      gtk_label_set_text (self->issue_error_label, _("Issued On must be a date, YYYY-MM-DD"));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->issue_error_label), FALSE);
  self->issuing = TRUE;
  scc_plan_vm_issue (self->view_model, adw_combo_row_get_selected (self->kind_row), date);
}

static void
on_issue_activated_cb (SccPlanPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "plan.issue", NULL);
}

/* --- one view model per case ------------------------------------------------------------ */

/* The news of a case's view model reaches the page only while it is the
 * case shown: the others keep their edits quietly. */
#define SHOWN_OR_RETURN(self, model) G_STMT_START { if ((gpointer) (model) != (gpointer) (self)->view_model) return; } G_STMT_END

static void
on_model_loaded_cb (SccPlanVm   *model,
                    SccPlanPage *self)
{
  SHOWN_OR_RETURN (self, model);
  on_loaded_cb (self);
}

static void
on_model_changed_cb (SccPlanVm   *model,
                     SccPlanPage *self)
{
  SHOWN_OR_RETURN (self, model);
  on_changed_cb (self);
}

static void
on_model_saved_cb (SccPlanVm   *model,
                   SccPlanPage *self)
{
  SHOWN_OR_RETURN (self, model);
  on_saved_cb (self);
}

static void
on_model_issued_cb (SccPlanVm   *model,
                    ScCaseEvent *event,
                    SccPlanPage *self)
{
  SHOWN_OR_RETURN (self, model);
  on_issued_cb (self, event);
}

static void
on_model_failed_cb (SccPlanVm    *model,
                    const GError *error,
                    SccPlanPage  *self)
{
  SHOWN_OR_RETURN (self, model);
  on_failed_cb (self, error);
}

static SccPlanVm *
new_model (SccPlanPage *self)
{
  SccPlanVm *model = scc_plan_vm_new (scc_page_get_api_client (SCC_PAGE (self)));

  g_signal_connect_object (model, "loaded", G_CALLBACK (on_model_loaded_cb), self, 0);
  g_signal_connect_object (model, "changed", G_CALLBACK (on_model_changed_cb), self, 0);
  g_signal_connect_object (model, "saved", G_CALLBACK (on_model_saved_cb), self, 0);
  g_signal_connect_object (model, "issued", G_CALLBACK (on_model_issued_cb), self, 0);
  g_signal_connect_object (model, "failed", G_CALLBACK (on_model_failed_cb), self, 0);
  return model;
}

/* Case @case_id's view model, made the first time; its edits of an
 * earlier visit are still there. */
static void
use_model (SccPlanPage *self,
           gint64       case_id)
{
  SccPlanVm *model = g_hash_table_lookup (self->models, &case_id);

  if (model == NULL && scc_plan_vm_get_case_id (self->view_model) == 0)
    model = g_object_ref (self->view_model);   /* the page's first, not yet used */
  else if (model == NULL)
    model = new_model (self);
  else
    g_object_ref (model);
  g_set_object (&self->view_model, model);
  if (!g_hash_table_contains (self->models, &case_id))
    {
      gint64 *key = g_new (gint64, 1);

      *key = case_id;
      g_hash_table_insert (self->models, key, g_object_ref (model));
    }
  g_object_unref (model);
}

/* --- the page -------------------------------------------------------------------------- */

static void
scc_plan_page_clear (SccPage *page)
{
  SccPlanPage *self = SCC_PLAN_PAGE (page);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  {
    GHashTableIter iter;
    gpointer model;

    /* cancels what each case still has on its way (a save), before its
     * user goes */
    g_hash_table_iter_init (&iter, self->models);
    while (g_hash_table_iter_next (&iter, NULL, &model))
      scc_plan_vm_clear (model);
  }
  g_hash_table_remove_all (self->models);
  scc_plan_vm_clear (self->view_model);
  if (self->editor != NULL)
    gtk_box_remove (self->editor_box, self->editor);
  self->editor = NULL;
  clear_group (self->versions_group, self->version_rows);
  clear_group (self->diff_group, self->diff_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->diff_group), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), "");
  SCC_PAGE_CLASS (scc_plan_page_parent_class)->clear (page);
}

static void
scc_plan_page_shown (SccPage *page)
{
  SccPlanPage *self = SCC_PLAN_PAGE (page);

  if (self->section_rows[self->section] != NULL)
    gtk_widget_grab_focus (self->section_rows[self->section]);
}

static void
scc_plan_page_constructed (GObject *object)
{
  SccPlanPage *self = SCC_PLAN_PAGE (object);

  G_OBJECT_CLASS (scc_plan_page_parent_class)->constructed (object);

  self->view_model = new_model (self);
  build_sidebar (self);
}

static void
scc_plan_page_dispose (GObject *object)
{
  SccPlanPage *self = SCC_PLAN_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->version_rows, g_ptr_array_unref);
  g_clear_pointer (&self->diff_rows, g_ptr_array_unref);
  g_clear_pointer (&self->models, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_PLAN_PAGE);
  G_OBJECT_CLASS (scc_plan_page_parent_class)->dispose (object);
  g_clear_object (&self->view_model);
}

static void
scc_plan_page_class_init (SccPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_plan_page_constructed;
  object_class->dispose = scc_plan_page_dispose;
  page_class->shown = scc_plan_page_shown;
  page_class->clear = scc_plan_page_clear;

  scc_page_class_set_page_name (page_class, "plan");

  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccPlanPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SccPlanPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SccPlanPage, child_label);
  gtk_widget_class_bind_template_child (widget_class, SccPlanPage, sections_list);
  gtk_widget_class_bind_template_child (widget_class, SccPlanPage, editor_box);
  gtk_widget_class_bind_template_child (widget_class, SccPlanPage, conflict_box);
  gtk_widget_class_bind_template_child (widget_class, SccPlanPage, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, SccPlanPage, issue_group);
  gtk_widget_class_bind_template_child (widget_class, SccPlanPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SccPlanPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, SccPlanPage, issue_error_label);
  gtk_widget_class_bind_template_child (widget_class, SccPlanPage, versions_group);
  gtk_widget_class_bind_template_child (widget_class, SccPlanPage, diff_group);
  gtk_widget_class_bind_template_callback (widget_class, on_section_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_issue_activated_cb);

  gtk_widget_class_install_action (widget_class, "plan.save", NULL, plan_save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "plan.save", NULL);
  gtk_widget_class_install_action (widget_class, "plan.issue", NULL, plan_issue_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "plan.issue",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "plan.add-row", NULL, plan_add_row_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "plan.add-row",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "plan.reload-keeping", NULL, plan_reload_keeping_action);
}

static void
scc_plan_page_init (SccPlanPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->version_rows = g_ptr_array_new ();
  self->diff_rows = g_ptr_array_new ();
  self->models = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->section = SC_PLAN_SECTION_A;
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
scc_plan_page_open (GtkWidget  *from,
                    gint64      case_id,
                    const char *child)
{
  SccPage *page;
  SccPlanPage *self;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (case_id > 0);

  if (!SCC_IS_PLAN_PAGE ((page = scc_page_find (from, "plan"))))
    return;
  self = SCC_PLAN_PAGE (page);
  if (scc_plan_vm_get_case_id (self->view_model) != case_id)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      if (self->editor != NULL)
        gtk_box_remove (self->editor_box, self->editor);
      self->editor = NULL;
      clear_group (self->diff_group, self->diff_rows);
      gtk_widget_set_visible (GTK_WIDGET (self->diff_group), FALSE);
      use_model (self, case_id);
      self->section = SC_PLAN_SECTION_A;
    }
  {
    g_autofree char *whose = g_strdup_printf (_("The plan of %s"), child);

    adw_view_switcher_title_set_subtitle (self->switcher_title, child);
    gtk_label_set_text (self->child_label, whose);
  }
  scc_plan_vm_load (self->view_model, case_id);
  gtk_widget_activate_action (from, "win.open-page", "s", "plan");
}

SccPlanVm *
scc_plan_page_get_view_model (SccPlanPage *self)
{
  g_return_val_if_fail (SCC_IS_PLAN_PAGE (self), NULL);
  return self->view_model;
}

GtkWidget *
scc_plan_page_get_editor (SccPlanPage *self)
{
  g_return_val_if_fail (SCC_IS_PLAN_PAGE (self), NULL);
  return self->editor;
}

void
scc_plan_page_select_section (SccPlanPage     *self,
                              ScPlanSectionId  section)
{
  g_return_if_fail (SCC_IS_PLAN_PAGE (self));
  g_return_if_fail (section >= 0 && section < SC_N_PLAN_SECTIONS);
  gtk_list_box_select_row (self->sections_list, GTK_LIST_BOX_ROW (self->section_rows[section]));
}
