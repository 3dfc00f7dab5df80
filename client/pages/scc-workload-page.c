/* scc-workload-page.c
 *
 * SccWorkloadPage: see scc-workload-page.h. An SccListPage: its template,
 * the column table below, what opening a row does (the caseload of the
 * row's person) and Hand Over Caseload…, a dialog over the page; its
 * success is a toast and the list fetched again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-workload-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-caseload-page.h"
#include "scc-handover-dialog.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"
#include "scc-workload-page.h"

static const SccListColumn columns[] = {
  { N_("Name"),           "name",     SCC_LIST_COLUMN_TEXT,   TRUE },
  { N_("Cases"),          "cases",    SCC_LIST_COLUMN_NUMBER },
  { N_("Overdue"),        "overdue",  SCC_LIST_COLUMN_NUMBER, FALSE, scc_workload_row_format_overdue },
  { N_("Due in 7 Days"),  "due-soon", SCC_LIST_COLUMN_NUMBER },
};

struct _SccWorkloadPage
{
  SccListPage    parent_instance;

  /* Owned */
  SccWorkloadVm *view_model;

  /* Template widgets */
  SccListView   *list_view;
};

G_DEFINE_FINAL_TYPE (SccWorkloadPage, scc_workload_page, SCC_TYPE_LIST_PAGE)

static void
on_item_activated_cb (SccWorkloadPage *self,
                      SccWorkloadRow  *row)
{
  g_assert (SCC_IS_WORKLOAD_PAGE (self));

  scc_caseload_page_open (GTK_WIDGET (self), scc_workload_row_get_owner_id (row), scc_workload_row_get_name (row));
}

static void
on_handed_over_cb (SccWorkloadPage   *self,
                   guint              moved,
                   SccHandoverDialog *dialog)
{
  SccHandoverVm *form = scc_handover_dialog_get_form (dialog);
  g_autofree char *title = NULL;

  title = g_strdup_printf (g_dngettext (NULL, "%u case handed over from %s to %s", "%u cases handed over from %s to %s",
                                        moved),
                           moved, scc_handover_vm_get_from_name (form), scc_handover_vm_get_to_name (form));
  scc_page_show_toast (SCC_PAGE (self), title, NULL, NULL);
  scc_list_vm_reload (SCC_LIST_VM (self->view_model));
}

static void
workload_hand_over_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SccWorkloadPage *self = SCC_WORKLOAD_PAGE (widget);
  SccWorkloadRow *row = scc_workload_page_get_selected (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  SccHandoverDialog *dialog;

  if (row == NULL)
    {
      scc_page_show_toast (SCC_PAGE (self), _("Choose whose caseload to hand over"), NULL, NULL);
      return;
    }
  dialog = scc_handover_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    scc_page_get_api_client (SCC_PAGE (self)),
                                    scc_workload_row_get_owner_id (row), scc_workload_row_get_name (row),
                                    NULL, 0, scc_workload_row_get_cases (row));
  g_signal_connect_object (dialog, "handed-over", G_CALLBACK (on_handed_over_cb), self, G_CONNECT_SWAPPED);
  scc_page_present_dialog (SCC_PAGE (self), GTK_WINDOW (dialog));
}

static void
scc_workload_page_constructed (GObject *object)
{
  SccWorkloadPage *self = (SccWorkloadPage *)object;

  G_OBJECT_CLASS (scc_workload_page_parent_class)->constructed (object);

  self->view_model = scc_workload_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_list_view_add_columns (self->list_view, SCC_TYPE_WORKLOAD_ROW, columns, G_N_ELEMENTS (columns));
  scc_list_page_set_list (SCC_LIST_PAGE (self), self->list_view, SCC_LIST_VM (self->view_model));
}

static void
scc_workload_page_dispose (GObject *object)
{
  SccWorkloadPage *self = (SccWorkloadPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_WORKLOAD_PAGE);

  G_OBJECT_CLASS (scc_workload_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
}

static void
scc_workload_page_class_init (SccWorkloadPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_workload_page_constructed;
  object_class->dispose = scc_workload_page_dispose;

  scc_page_class_set_page_name (page_class, "workload");

  gtk_widget_class_install_action (widget_class, "workload.hand-over", NULL, workload_hand_over_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "workload.hand-over", NULL);

  g_type_ensure (SCC_TYPE_LIST_VIEW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-workload-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccWorkloadPage, list_view);
  gtk_widget_class_bind_template_child_full (widget_class, "hand_over_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
}

static void
scc_workload_page_init (SccWorkloadPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * scc_workload_page_get_view_model:
 *
 * Returns: (transfer none): the team's workload
 */
SccWorkloadVm *
scc_workload_page_get_view_model (SccWorkloadPage *self)
{
  g_return_val_if_fail (SCC_IS_WORKLOAD_PAGE (self), NULL);
  return self->view_model;
}

/**
 * scc_workload_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the row selected
 */
SccWorkloadRow *
scc_workload_page_get_selected (SccWorkloadPage *self)
{
  GtkSingleSelection *selection;

  g_return_val_if_fail (SCC_IS_WORKLOAD_PAGE (self), NULL);

  selection = GTK_SINGLE_SELECTION (scc_list_view_get_model (self->list_view));
  return gtk_single_selection_get_selected_item (selection);
}

