/* scc-institutions-page.c
 *
 * SccInstitutionsPage: see scc-institutions-page.h. An SccListPage over
 * SccInstitutionListVm, the search entry its query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-institutions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-institutions-page.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

static const SccListColumn columns[] = {
  { N_("Name"),      "name",      SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("URN"),       "urn",       SCC_LIST_COLUMN_TEXT },
  { N_("Type"),      "kind",      SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Phase"),     "phase",     SCC_LIST_COLUMN_TEXT },
  { N_("Status"),    "status",    SCC_LIST_COLUMN_TEXT },
  { N_("Authority"), "authority", SCC_LIST_COLUMN_TEXT },
  { N_("Postcode"),  "postcode",  SCC_LIST_COLUMN_TEXT },
};

/* The Show filter's positions. */
enum { SHOW_OPEN, SHOW_ALL };

struct _SccInstitutionsPage
{
  SccListPage           parent_instance;

  /* Owned */
  SccInstitutionListVm *view_model;

  /* Template widgets */
  SccListView          *list_view;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *show_filter;
};

G_DEFINE_FINAL_TYPE (SccInstitutionsPage, scc_institutions_page, SCC_TYPE_LIST_PAGE)

static void
on_filter_cb (SccInstitutionsPage *self)
{
  if (self->view_model != NULL)
    scc_institution_list_vm_set_open_only (self->view_model,
                                           gtk_drop_down_get_selected (self->show_filter) == SHOW_OPEN);
}

static void
scc_institutions_page_constructed (GObject *object)
{
  SccInstitutionsPage *self = (SccInstitutionsPage *)object;

  G_OBJECT_CLASS (scc_institutions_page_parent_class)->constructed (object);

  self->view_model = scc_institution_list_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_list_view_add_columns (self->list_view, SCC_TYPE_INSTITUTION_ROW, columns, G_N_ELEMENTS (columns));
  scc_list_page_set_list (SCC_LIST_PAGE (self), self->list_view, SCC_LIST_VM (self->view_model));
}

static void
scc_institutions_page_dispose (GObject *object)
{
  SccInstitutionsPage *self = (SccInstitutionsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_INSTITUTIONS_PAGE);

  G_OBJECT_CLASS (scc_institutions_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
}

static void
scc_institutions_page_class_init (SccInstitutionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = scc_institutions_page_constructed;
  object_class->dispose = scc_institutions_page_dispose;

  scc_page_class_set_page_name (SCC_PAGE_CLASS (klass), "institutions");

  g_type_ensure (SCC_TYPE_LIST_VIEW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-institutions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccInstitutionsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SccInstitutionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SccInstitutionsPage, show_filter);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_cb);
}

static void
scc_institutions_page_init (SccInstitutionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SccInstitutionListVm *
scc_institutions_page_get_view_model (SccInstitutionsPage *self)
{
  g_return_val_if_fail (SCC_IS_INSTITUTIONS_PAGE (self), NULL);
  return self->view_model;
}
