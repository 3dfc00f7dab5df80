/* scc-advice-page.c
 *
 * SccAdvicePage: see scc-advice-page.h. An SccListPage over an
 * SccAdviceListVm: its template, the column table below, the Whose and Show
 * filters, Copy Chase List, and what opening a row does (the Case page).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-advice-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-advice-page.h"
#include "scc-case-page.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

static const SccListColumn columns[] = {
  { N_("Child"),      "child-name",   SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Adviser"),    "adviser",      SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Asked On"),   "requested-on", SCC_LIST_COLUMN_TEXT, FALSE, scc_advice_row_format_requested },
  { N_("Due"),        "due",          SCC_LIST_COLUMN_TEXT, FALSE, scc_advice_row_format_due },
  { N_("Days Left"),  "days-left",    SCC_LIST_COLUMN_TEXT },
  { N_("Case Owner"), "owner-name",   SCC_LIST_COLUMN_TEXT },
};

/* The Whose filter's positions. */
enum { WHOSE_MINE, WHOSE_TEAM };

struct _SccAdvicePage
{
  SccListPage      parent_instance;

  /* Owned */
  SccAdviceListVm *view_model;

  /* Template widgets */
  SccListView     *list_view;
  GtkDropDown     *whose_filter;
  GtkDropDown     *show_filter;
};

G_DEFINE_FINAL_TYPE (SccAdvicePage, scc_advice_page, SCC_TYPE_LIST_PAGE)

static void
on_filter_cb (SccAdvicePage *self)
{
  if (self->view_model == NULL)
    return;
  scc_chase_list_vm_set_team (SCC_CHASE_LIST_VM (self->view_model), gtk_drop_down_get_selected (self->whose_filter) == WHOSE_TEAM);
  scc_chase_list_vm_set_overdue_only (SCC_CHASE_LIST_VM (self->view_model), gtk_drop_down_get_selected (self->show_filter) == 0);
}

/* A caseworker chases for their own cases; a team manager and an admin
 * officer, who own none or few, for the team. */
static void
on_user_cb (SccAdvicePage *self)
{
  ScUser *user = scc_page_get_user (SCC_PAGE (self));

  gtk_drop_down_set_selected (self->whose_filter,
                              user != NULL && sc_user_get_role (user) != SC_ROLE_CASEWORKER
                              ? WHOSE_TEAM : WHOSE_MINE);
}

static void
on_item_activated_cb (SccAdvicePage *self,
                      SccAdviceRow  *row)
{
  g_assert (SCC_IS_ADVICE_PAGE (self));

  scc_case_page_open (GTK_WIDGET (self), scc_advice_row_get_case_id (row));
}

static void
advice_copy_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SccAdvicePage *self = SCC_ADVICE_PAGE (widget);
  g_autoptr(GPtrArray) rows = scc_list_view_dup_selected (self->list_view);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  /* Nothing selected: the whole list as loaded. */
  if (rows->len == 0)
    {
      GListModel *model = scc_list_view_get_model (self->list_view);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (rows, g_list_model_get_item (model, i));
    }
  if (rows->len == 0)
    {
      scc_page_show_toast (SCC_PAGE (self), _("There is nothing to chase in this list"), NULL, NULL);
      return;
    }
  text = scc_advice_rows_dup_chase_text (rows);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  title = g_strdup_printf (g_dngettext (NULL, "%u request copied: paste it into a letter or an email",
                                        "%u requests copied: paste them into a letter or an email", rows->len),
                           rows->len);
  scc_page_show_toast (SCC_PAGE (self), title, NULL, NULL);
}

static void
scc_advice_page_clear (SccPage *page)
{
  SccAdvicePage *self = SCC_ADVICE_PAGE (page);

  SCC_PAGE_CLASS (scc_advice_page_parent_class)->clear (page);

  /* The next user starts on the chase list. */
  gtk_drop_down_set_selected (self->show_filter, 0);
}

static void
scc_advice_page_constructed (GObject *object)
{
  SccAdvicePage *self = (SccAdvicePage *)object;

  G_OBJECT_CLASS (scc_advice_page_parent_class)->constructed (object);

  self->view_model = scc_advice_list_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_list_view_add_columns (self->list_view, SCC_TYPE_ADVICE_ROW, columns, G_N_ELEMENTS (columns));
  scc_list_page_set_list (SCC_LIST_PAGE (self), self->list_view, SCC_LIST_VM (self->view_model));
  g_signal_connect (self, "notify::user", G_CALLBACK (on_user_cb), NULL);
  on_user_cb (self);
}

static void
scc_advice_page_dispose (GObject *object)
{
  SccAdvicePage *self = (SccAdvicePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_ADVICE_PAGE);

  G_OBJECT_CLASS (scc_advice_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
}

static void
scc_advice_page_class_init (SccAdvicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_advice_page_constructed;
  object_class->dispose = scc_advice_page_dispose;
  page_class->clear = scc_advice_page_clear;

  scc_page_class_set_page_name (page_class, "advice");

  gtk_widget_class_install_action (widget_class, "advice.copy", NULL, advice_copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "advice.copy", NULL);

  g_type_ensure (SCC_TYPE_LIST_VIEW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-advice-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccAdvicePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SccAdvicePage, whose_filter);
  gtk_widget_class_bind_template_child (widget_class, SccAdvicePage, show_filter);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
}

static void
scc_advice_page_init (SccAdvicePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * scc_advice_page_get_view_model:
 *
 * Returns: (transfer none): the advice listed
 */
SccAdviceListVm *
scc_advice_page_get_view_model (SccAdvicePage *self)
{
  g_return_val_if_fail (SCC_IS_ADVICE_PAGE (self), NULL);
  return self->view_model;
}
