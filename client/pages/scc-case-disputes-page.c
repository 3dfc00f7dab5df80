/* scc-case-disputes-page.c
 *
 * SccCaseDisputesPage: see scc-case-disputes-page.h. The page keeps the
 * case and the child's name it was opened on, for the kinds' pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-case-disputes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-appeals-page.h"
#include "scc-case-disputes-page.h"
#include "scc-complaints-page.h"
#include "scc-dispute-page.h"
#include "scc-mediations-page.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

static const SccListColumn columns[] = {
  { N_("Next Deadline"), "due",       SCC_LIST_COLUMN_TEXT },
  { N_("What"),          "what",      SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Reference"),     "reference", SCC_LIST_COLUMN_TEXT },
  { N_("Status"),        "status",    SCC_LIST_COLUMN_TEXT },
};

struct _SccCaseDisputesPage
{
  SccListPage       parent_instance;

  /* Owned */
  SccDisputeListVm *view_model;
  char             *child;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  SccListView      *list_view;
};

G_DEFINE_FINAL_TYPE (SccCaseDisputesPage, scc_case_disputes_page, SCC_TYPE_LIST_PAGE)

static void
on_item_activated_cb (SccCaseDisputesPage *self,
                      SccDisputeRow       *row)
{
  scc_dispute_page_open_row (GTK_WIDGET (self), row);
}

/* case-disputes.open-complaints, -appeals, -mediations: the case's page of
 * each kind */
static void
open_kind_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SccCaseDisputesPage *self = SCC_CASE_DISPUTES_PAGE (widget);
  gint64 case_id = scc_dispute_list_vm_get_case_id (self->view_model);

  if (case_id <= 0)
    return;
  if (g_str_equal (action_name, "case-disputes.open-complaints"))
    scc_complaints_page_open (widget, case_id, self->child);
  else if (g_str_equal (action_name, "case-disputes.open-appeals"))
    scc_appeals_page_open (widget, case_id, self->child);
  else
    scc_mediations_page_open (widget, case_id, self->child);
}

/* The next user sees no child's name */
static void
scc_case_disputes_page_clear (SccPage *page)
{
  SccCaseDisputesPage *self = SCC_CASE_DISPUTES_PAGE (page);

  SCC_PAGE_CLASS (scc_case_disputes_page_parent_class)->clear (page);
  scc_dispute_list_vm_set_case_id (self->view_model, 0);
  g_clear_pointer (&self->child, g_free);
  adw_window_title_set_subtitle (self->window_title, "");
}

static void
scc_case_disputes_page_constructed (GObject *object)
{
  SccCaseDisputesPage *self = SCC_CASE_DISPUTES_PAGE (object);

  G_OBJECT_CLASS (scc_case_disputes_page_parent_class)->constructed (object);

  self->view_model = scc_dispute_list_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_list_view_add_columns (self->list_view, SCC_TYPE_DISPUTE_ROW, columns, G_N_ELEMENTS (columns));
  scc_list_page_set_list (SCC_LIST_PAGE (self), self->list_view, SCC_LIST_VM (self->view_model));
}

static void
scc_case_disputes_page_dispose (GObject *object)
{
  SccCaseDisputesPage *self = SCC_CASE_DISPUTES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_CASE_DISPUTES_PAGE);

  G_OBJECT_CLASS (scc_case_disputes_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
  g_clear_pointer (&self->child, g_free);
}

static void
scc_case_disputes_page_class_init (SccCaseDisputesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_case_disputes_page_constructed;
  object_class->dispose = scc_case_disputes_page_dispose;
  page_class->clear = scc_case_disputes_page_clear;

  scc_page_class_set_page_name (page_class, "case-disputes");

  gtk_widget_class_install_action (widget_class, "case-disputes.open-complaints", NULL, open_kind_action);
  gtk_widget_class_install_action (widget_class, "case-disputes.open-appeals", NULL, open_kind_action);
  gtk_widget_class_install_action (widget_class, "case-disputes.open-mediations", NULL, open_kind_action);

  g_type_ensure (SCC_TYPE_LIST_VIEW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-case-disputes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccCaseDisputesPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, SccCaseDisputesPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
}

static void
scc_case_disputes_page_init (SccCaseDisputesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
scc_case_disputes_page_open (GtkWidget  *from,
                             gint64      case_id,
                             const char *child)
{
  SccCaseDisputesPage *self;
  SccPage *page;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (case_id > 0);

  if (!SCC_IS_CASE_DISPUTES_PAGE ((page = scc_page_find (from, "case-disputes"))))
    return;
  self = SCC_CASE_DISPUTES_PAGE (page);
  g_free (self->child);
  self->child = g_strdup (child);
  adw_window_title_set_subtitle (self->window_title, child != NULL ? child : "");
  scc_dispute_list_vm_set_case_id (self->view_model, case_id);
  gtk_widget_activate_action (from, "win.open-page", "s", "case-disputes");
}

/**
 * scc_case_disputes_page_get_view_model:
 *
 * Returns: (transfer none): the case's disputes
 */
SccDisputeListVm *
scc_case_disputes_page_get_view_model (SccCaseDisputesPage *self)
{
  g_return_val_if_fail (SCC_IS_CASE_DISPUTES_PAGE (self), NULL);
  return self->view_model;
}
