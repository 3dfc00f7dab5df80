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
#include "scc-handover-dialog.h"
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

  /* Whose caseload: 0 and NULL for the user's own. The pending owner is
   * scc_caseload_page_open's, taken when the page is opened. */
  gint64          owner_id;
  char           *owner_name;
  gint64          pending_owner_id;
  char           *pending_name;

  /* Template widgets */
  SccListView    *list_view;
  GtkSearchEntry *search_entry;
  GtkDropDown    *stage_filter;
  GtkDropDown    *show_filter;
  GtkLabel       *counts_label;
  AdwWindowTitle *window_title;
  GtkWidget      *reassign_button;
};

G_DEFINE_FINAL_TYPE (SccCaseloadPage, scc_caseload_page, SCC_TYPE_LIST_PAGE)

static void
on_show_filter_cb (SccCaseloadPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->show_filter);

  if (self->view_model == NULL)
    return;
  scc_caseload_vm_set_filter (self->view_model, selected <= SCC_CASELOAD_DUE_SOON ? selected : SCC_CASELOAD_ALL);
}

static void
on_stage_filter_cb (SccCaseloadPage *self)
{
  if (self->view_model == NULL)
    return;
  scc_caseload_vm_set_stage (self->view_model, scc_caseload_stage_at (gtk_drop_down_get_selected (self->stage_filter)));
}

static void
on_item_activated_cb (SccCaseloadPage *self,
                      SccCaseRow      *row)
{
  g_assert (SCC_IS_CASELOAD_PAGE (self));

  scc_case_page_open (GTK_WIDGET (self), sc_case_get_id (scc_case_row_get_case (row)));
}

static gboolean
can_reassign (SccCaseloadPage *self)
{
  ScUser *user = scc_page_get_user (SCC_PAGE (self));

  return user != NULL && sc_user_get_role (user) == SC_ROLE_TEAM_MANAGER;
}

static void
update_owner (SccCaseloadPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *owner = NULL;

  if (self->owner_id > 0)
    {
      title = g_strdup_printf (_("%s’s Caseload"), self->owner_name);
      owner = g_strdup_printf ("%" G_GINT64_FORMAT, self->owner_id);
    }
  adw_window_title_set_title (self->window_title, title != NULL ? title : _("My Caseload"));
  scc_caseload_vm_set_owner (self->view_model, owner);
}

static void
on_user_cb (SccCaseloadPage *self)
{
  gtk_widget_set_visible (self->reassign_button, can_reassign (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "caseload.reassign", can_reassign (self));
}

static void
caseload_reassign_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SccCaseloadPage *self = SCC_CASELOAD_PAGE (widget);
  g_autoptr(GPtrArray) rows = scc_list_view_dup_selected (self->list_view);

  /* Every case listed is one owner's: the caseload is one owner's. */
  if (can_reassign (self))
    scc_handover_dialog_present_for_rows (SCC_PAGE (self), rows, self->view_model);
}

static void
scc_caseload_page_opened (SccPage *page)
{
  SccCaseloadPage *self = SCC_CASELOAD_PAGE (page);

  /* From a place (home, the menu) it is the user's own caseload; from a
   * team list, the person's the list opened (and Back returns there). */
  self->owner_id = self->pending_owner_id;
  g_free (self->owner_name);
  self->owner_name = g_steal_pointer (&self->pending_name);
  self->pending_owner_id = 0;
  update_owner (self);
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

  /* the base closes a Reassign dialog still open */
  SCC_PAGE_CLASS (scc_caseload_page_parent_class)->clear (page);

  /* The next user's caseload is their own and starts unfiltered (the
   * list, now empty, is not fetched for it until shown). */
  self->owner_id = self->pending_owner_id = 0;
  g_clear_pointer (&self->owner_name, g_free);
  g_clear_pointer (&self->pending_name, g_free);
  update_owner (self);
  gtk_drop_down_set_selected (self->stage_filter, 0);
  gtk_drop_down_set_selected (self->show_filter, 0);
}

static void
scc_caseload_page_constructed (GObject *object)
{
  SccCaseloadPage *self = (SccCaseloadPage *)object;

  G_OBJECT_CLASS (scc_caseload_page_parent_class)->constructed (object);

  self->view_model = scc_caseload_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  g_object_bind_property (self->view_model, "counts-text", self->counts_label, "label", G_BINDING_SYNC_CREATE);
  scc_list_view_add_columns (self->list_view, SCC_TYPE_CASE_ROW, columns, G_N_ELEMENTS (columns));
  {
    g_auto(GStrv) titles = scc_caseload_dup_stage_titles ();
    g_autoptr(GtkStringList) stages = gtk_string_list_new ((const char * const *) titles);

    gtk_drop_down_set_model (self->stage_filter, G_LIST_MODEL (stages));
  }
  scc_list_page_set_list (SCC_LIST_PAGE (self), self->list_view, SCC_LIST_VM (self->view_model));
  g_signal_connect (self, "notify::user", G_CALLBACK (on_user_cb), NULL);
  on_user_cb (self);
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
scc_caseload_page_finalize (GObject *object)
{
  SccCaseloadPage *self = (SccCaseloadPage *)object;

  g_free (self->owner_name);
  g_free (self->pending_name);

  G_OBJECT_CLASS (scc_caseload_page_parent_class)->finalize (object);
}

static void
scc_caseload_page_class_init (SccCaseloadPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_caseload_page_constructed;
  object_class->dispose = scc_caseload_page_dispose;
  object_class->finalize = scc_caseload_page_finalize;
  page_class->shown = scc_caseload_page_shown;
  page_class->opened = scc_caseload_page_opened;
  page_class->clear = scc_caseload_page_clear;

  scc_page_class_set_page_name (page_class, "caseload");

  gtk_widget_class_install_action (widget_class, "caseload.reassign", NULL, caseload_reassign_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "caseload.reassign", NULL);
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
  gtk_widget_class_bind_template_child (widget_class, SccCaseloadPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, SccCaseloadPage, reassign_button);
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

/**
 * scc_caseload_page_open:
 * @from: a widget of the page opening it (Team Workload)
 * @owner_id: whose caseload
 * @owner_name: their name, for the title
 *
 * Shows @owner_id's caseload; Back returns to @from's page.
 */
void
scc_caseload_page_open (GtkWidget  *from,
                        gint64      owner_id,
                        const char *owner_name)
{
  SccPage *page;
  SccCaseloadPage *self;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (owner_id > 0);

  if (!SCC_IS_CASELOAD_PAGE ((page = scc_page_find (from, "caseload"))))
    return;
  self = SCC_CASELOAD_PAGE (page);
  self->pending_owner_id = owner_id;
  g_free (self->pending_name);
  self->pending_name = g_strdup (owner_name);
  gtk_widget_activate_action (from, "win.open-page", "s", "caseload");
}

/**
 * scc_caseload_page_get_owner_name:
 *
 * Returns: (nullable): whose caseload is shown, or NULL for the user's own
 */
const char *
scc_caseload_page_get_owner_name (SccCaseloadPage *self)
{
  g_return_val_if_fail (SCC_IS_CASELOAD_PAGE (self), NULL);
  return self->owner_id > 0 ? self->owner_name : NULL;
}

