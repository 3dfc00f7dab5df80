/* scc-caseload-page.c
 *
 * SccCaseloadPage: see scc-caseload-page.h. An SccListPage: its template,
 * the column table below, the search (the list page's), the Stage and Show
 * filters, the counts line, and what opening a row does (the Case page,
 * with the row's case). New Case… (Ctrl+N) opens an SccNewCaseDialog; the
 * case it opens is shown on the Case page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-caseload-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-case-rules.h"
#include "scc-case-page.h"
#include "scc-caseload-page.h"
#include "scc-new-case-dialog.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

static const SccListColumn columns[] = {
  { N_("Child"),         "child-name",    SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Age"),           "age",           SCC_LIST_COLUMN_TEXT },
  { N_("Stage"),         "stage-title",   SCC_LIST_COLUMN_TEXT },
  { N_("Next Deadline"), "next-deadline", SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Days Left"),     "days-left",     SCC_LIST_COLUMN_TEXT },
};

struct _SccCaseloadPage
{
  SccListPage     parent_instance;

  /* Owned */
  SccCaseloadVm  *view_model;

  /* Template widgets */
  SccListView    *list_view;
  GtkSearchEntry *search_entry;
  GtkDropDown    *stage_filter;
  GtkDropDown    *show_filter;
  GtkLabel       *counts_label;
};

G_DEFINE_FINAL_TYPE (SccCaseloadPage, scc_caseload_page, SCC_TYPE_LIST_PAGE)

static void
update_counts (SccCaseloadPage *self)
{
  int n_cases = scc_caseload_vm_get_n_cases (self->view_model);
  int n_overdue = scc_caseload_vm_get_n_overdue (self->view_model);
  int n_soon = scc_caseload_vm_get_n_due_soon (self->view_model);
  g_autofree char *text = NULL;

  if (n_cases < 0 || n_overdue < 0 || n_soon < 0)
    {
      gtk_label_set_text (self->counts_label, _("Counting…"));
      return;
    }
  text = g_strdup_printf (_("%d cases · %d overdue · %d due in the next %d days"),
                          n_cases, n_overdue, n_soon, SCC_CASELOAD_DUE_SOON_DAYS);
  gtk_label_set_text (self->counts_label, text);
}

static void
on_show_filter_cb (SccCaseloadPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->show_filter);

  if (self->view_model == NULL)
    return;
  scc_caseload_vm_set_filter (self->view_model, selected <= SCC_CASELOAD_DUE_SOON ? selected : SCC_CASELOAD_ALL);
}

/* The Stage filter: "All Stages", then every stage in the order a case
 * goes through them; position N is stage N. */
static GListModel *
stage_model_new (void)
{
  GtkStringList *stages = gtk_string_list_new (NULL);

  gtk_string_list_append (stages, _("All Stages"));
  for (ScCaseStage stage = SC_CASE_STAGE_NONE + 1; stage < SC_N_CASE_STAGES; stage++)
    gtk_string_list_append (stages, sc_case_stage_get_title (stage));
  return G_LIST_MODEL (stages);
}

static void
on_stage_filter_cb (SccCaseloadPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->stage_filter);
  ScCaseStage stage = SC_CASE_STAGE_NONE + selected;

  if (self->view_model == NULL)
    return;
  scc_caseload_vm_set_stage (self->view_model, selected > 0 && stage < SC_N_CASE_STAGES
                                                 ? sc_case_stage_to_string (stage) : NULL);
}

static void
on_item_activated_cb (SccCaseloadPage *self,
                      SccCaseRow      *row)
{
  g_assert (SCC_IS_CASELOAD_PAGE (self));

  scc_case_page_open (GTK_WIDGET (self), sc_case_get_id (scc_case_row_get_case (row)));
}

static void
caseload_new_case_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  if (scc_new_case_dialog_allows (scc_page_get_user (SCC_PAGE (widget))))
    scc_new_case_dialog_present (SCC_PAGE (widget), NULL);
}

static void
scc_caseload_page_shown (SccPage *page)
{
  SccCaseloadPage *self = SCC_CASELOAD_PAGE (page);

  SCC_PAGE_CLASS (scc_caseload_page_parent_class)->shown (page);
  if (scc_page_get_user (page) != NULL)
    scc_caseload_vm_count (self->view_model);
}

static void
scc_caseload_page_clear (SccPage *page)
{
  SccCaseloadPage *self = SCC_CASELOAD_PAGE (page);

  SCC_PAGE_CLASS (scc_caseload_page_parent_class)->clear (page);

  /* The next user's caseload starts unfiltered (the list, now empty, is
   * not fetched for it until shown). */
  gtk_drop_down_set_selected (self->stage_filter, 0);
  gtk_drop_down_set_selected (self->show_filter, 0);
}

static void
scc_caseload_page_constructed (GObject *object)
{
  SccCaseloadPage *self = (SccCaseloadPage *)object;

  G_OBJECT_CLASS (scc_caseload_page_parent_class)->constructed (object);

  self->view_model = scc_caseload_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  g_signal_connect_object (self->view_model, "notify::n-cases", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_model, "notify::n-overdue", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_model, "notify::n-due-soon", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
  scc_list_view_add_columns (self->list_view, SCC_TYPE_CASE_ROW, columns, G_N_ELEMENTS (columns));
  {
    g_autoptr(GListModel) stages = stage_model_new ();

    gtk_drop_down_set_model (self->stage_filter, stages);
  }
  scc_list_page_set_list (SCC_LIST_PAGE (self), self->list_view, SCC_LIST_VM (self->view_model));
  update_counts (self);
}

static void
scc_caseload_page_dispose (GObject *object)
{
  SccCaseloadPage *self = (SccCaseloadPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_CASELOAD_PAGE);

  G_OBJECT_CLASS (scc_caseload_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
}

static void
scc_caseload_page_class_init (SccCaseloadPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_caseload_page_constructed;
  object_class->dispose = scc_caseload_page_dispose;
  page_class->shown = scc_caseload_page_shown;
  page_class->clear = scc_caseload_page_clear;

  scc_page_class_set_page_name (page_class, "caseload");
  scc_page_class_set_back_target (page_class, TRUE);

  gtk_widget_class_install_action (widget_class, "caseload.new-case", NULL, caseload_new_case_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "caseload.new-case", NULL);

  g_type_ensure (SCC_TYPE_LIST_VIEW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-caseload-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccCaseloadPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SccCaseloadPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SccCaseloadPage, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, SccCaseloadPage, show_filter);
  gtk_widget_class_bind_template_child (widget_class, SccCaseloadPage, counts_label);
  gtk_widget_class_bind_template_callback (widget_class, on_show_filter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stage_filter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
}

static void
scc_caseload_page_init (SccCaseloadPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * scc_caseload_page_get_view_model:
 *
 * Returns: (transfer none): the caseload
 */
SccCaseloadVm *
scc_caseload_page_get_view_model (SccCaseloadPage *self)
{
  g_return_val_if_fail (SCC_IS_CASELOAD_PAGE (self), NULL);
  return self->view_model;
}
