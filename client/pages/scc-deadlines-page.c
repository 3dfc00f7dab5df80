/* scc-deadlines-page.c
 *
 * SccDeadlinesPage: see scc-deadlines-page.h. An SccListPage over the
 * team's SccCaseloadVm: its template, the column table below (the
 * caseload's, with the owner), the filters and the counts line, what
 * opening a row does (the Case page), and Reassign for the selected cases
 * of one owner (SccHandoverDialog, as on a caseload).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-deadlines-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-case-page.h"
#include "scc-deadlines-page.h"
#include "scc-handover-dialog.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

static const SccListColumn columns[] = {
  { N_("Child"),         "child-name",    SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Owner"),         "owner-name",    SCC_LIST_COLUMN_TEXT },
  { N_("Stage"),         "stage-title",   SCC_LIST_COLUMN_TEXT },
  { N_("Next Deadline"), "next-deadline", SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Days Left"),     "days-left",     SCC_LIST_COLUMN_TEXT },
};

struct _SccDeadlinesPage
{
  SccListPage     parent_instance;

  /* Owned */
  SccCaseloadVm  *view_model;

  /* Template widgets */
  SccListView    *list_view;
  GtkDropDown    *stage_filter;
  GtkDropDown    *show_filter;
  GtkLabel       *counts_label;
};

G_DEFINE_FINAL_TYPE (SccDeadlinesPage, scc_deadlines_page, SCC_TYPE_LIST_PAGE)

static void
on_filter_cb (SccDeadlinesPage *self)
{
  guint show = gtk_drop_down_get_selected (self->show_filter);

  if (self->view_model == NULL)
    return;
  scc_caseload_vm_set_stage (self->view_model, scc_caseload_stage_at (gtk_drop_down_get_selected (self->stage_filter)));
  scc_caseload_vm_set_filter (self->view_model, show <= SCC_CASELOAD_DUE_SOON ? show : SCC_CASELOAD_ALL);
}

static void
on_item_activated_cb (SccDeadlinesPage *self,
                      SccCaseRow       *row)
{
  g_assert (SCC_IS_DEADLINES_PAGE (self));

  scc_case_page_open (GTK_WIDGET (self), sc_case_get_id (scc_case_row_get_case (row)));
}

static void
deadlines_reassign_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SccDeadlinesPage *self = SCC_DEADLINES_PAGE (widget);
  g_autoptr(GPtrArray) rows = scc_list_view_dup_selected (self->list_view);
  ScUser *user = scc_page_get_user (SCC_PAGE (self));

  if (user != NULL && sc_user_get_role (user) == SC_ROLE_TEAM_MANAGER)
    scc_handover_dialog_present_for_rows (SCC_PAGE (self), rows, self->view_model);
}

static void
scc_deadlines_page_shown (SccPage *page)
{
  SccDeadlinesPage *self = SCC_DEADLINES_PAGE (page);

  SCC_PAGE_CLASS (scc_deadlines_page_parent_class)->shown (page);
  if (scc_page_get_user (page) != NULL)
    scc_caseload_vm_count (self->view_model);
}

static void
scc_deadlines_page_clear (SccPage *page)
{
  SccDeadlinesPage *self = SCC_DEADLINES_PAGE (page);

  /* the base closes a Reassign dialog still open */
  SCC_PAGE_CLASS (scc_deadlines_page_parent_class)->clear (page);

  /* The next manager starts unfiltered. */
  gtk_drop_down_set_selected (self->stage_filter, 0);
  gtk_drop_down_set_selected (self->show_filter, 0);
}

static void
scc_deadlines_page_constructed (GObject *object)
{
  SccDeadlinesPage *self = (SccDeadlinesPage *)object;
  g_auto(GStrv) titles = scc_caseload_dup_stage_titles ();
  g_autoptr(GtkStringList) stages = gtk_string_list_new ((const char * const *) titles);

  G_OBJECT_CLASS (scc_deadlines_page_parent_class)->constructed (object);

  self->view_model = scc_caseload_vm_new_team (scc_page_get_api_client (SCC_PAGE (self)));
  g_object_bind_property (self->view_model, "counts-text", self->counts_label, "label", G_BINDING_SYNC_CREATE);
  gtk_drop_down_set_model (self->stage_filter, G_LIST_MODEL (stages));
  scc_list_view_add_columns (self->list_view, SCC_TYPE_CASE_ROW, columns, G_N_ELEMENTS (columns));
  scc_list_page_set_list (SCC_LIST_PAGE (self), self->list_view, SCC_LIST_VM (self->view_model));
}

static void
scc_deadlines_page_dispose (GObject *object)
{
  SccDeadlinesPage *self = (SccDeadlinesPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_DEADLINES_PAGE);

  G_OBJECT_CLASS (scc_deadlines_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
}

static void
scc_deadlines_page_class_init (SccDeadlinesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_deadlines_page_constructed;
  object_class->dispose = scc_deadlines_page_dispose;
  page_class->shown = scc_deadlines_page_shown;
  page_class->clear = scc_deadlines_page_clear;

  scc_page_class_set_page_name (page_class, "deadlines");

  gtk_widget_class_install_action (widget_class, "deadlines.reassign", NULL, deadlines_reassign_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "deadlines.reassign", NULL);

  g_type_ensure (SCC_TYPE_LIST_VIEW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-deadlines-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccDeadlinesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SccDeadlinesPage, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, SccDeadlinesPage, show_filter);
  gtk_widget_class_bind_template_child (widget_class, SccDeadlinesPage, counts_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
}

static void
scc_deadlines_page_init (SccDeadlinesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * scc_deadlines_page_get_view_model:
 *
 * Returns: (transfer none): the team's deadlines
 */
SccCaseloadVm *
scc_deadlines_page_get_view_model (SccDeadlinesPage *self)
{
  g_return_val_if_fail (SCC_IS_DEADLINES_PAGE (self), NULL);
  return self->view_model;
}

