/* scc-consultation-figures-page.c
 *
 * SccConsultationFiguresPage: see scc-consultation-figures-page.h. An
 * SccListPage over an SccFiguresListVm and its column table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-consultation-figures-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-consultation-figures-page.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

static const SccListColumn columns[] = {
  { N_("Institution"),   "name",          SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("URN"),           "urn",           SCC_LIST_COLUMN_TEXT },
  { N_("Consultations"), "consultations", SCC_LIST_COLUMN_TEXT },
  { N_("Answered"),      "answered",      SCC_LIST_COLUMN_TEXT },
  { N_("Overdue"),       "overdue",       SCC_LIST_COLUMN_TEXT },
  { N_("Refused"),       "refusals",      SCC_LIST_COLUMN_TEXT },
  { N_("Reversed"),      "reversed",      SCC_LIST_COLUMN_TEXT },
  { N_("Agreed"),        "agreed",        SCC_LIST_COLUMN_TEXT },
  { N_("Asked"),         "asked",         SCC_LIST_COLUMN_TEXT },
  { N_("Agreed Each Year"), "agreed-total", SCC_LIST_COLUMN_TEXT },
};

struct _SccConsultationFiguresPage
{
  SccListPage       parent_instance;

  /* Owned */
  SccFiguresListVm *view_model;

  /* Template widgets */
  SccListView      *list_view;
};

G_DEFINE_FINAL_TYPE (SccConsultationFiguresPage, scc_consultation_figures_page, SCC_TYPE_LIST_PAGE)

static void
scc_consultation_figures_page_constructed (GObject *object)
{
  SccConsultationFiguresPage *self = (SccConsultationFiguresPage *)object;

  G_OBJECT_CLASS (scc_consultation_figures_page_parent_class)->constructed (object);

  self->view_model = scc_figures_list_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_list_view_add_columns (self->list_view, SCC_TYPE_FIGURES_ROW, columns, G_N_ELEMENTS (columns));
  scc_list_page_set_list (SCC_LIST_PAGE (self), self->list_view, SCC_LIST_VM (self->view_model));
}

static void
scc_consultation_figures_page_dispose (GObject *object)
{
  SccConsultationFiguresPage *self = (SccConsultationFiguresPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_CONSULTATION_FIGURES_PAGE);

  G_OBJECT_CLASS (scc_consultation_figures_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
}

static void
scc_consultation_figures_page_class_init (SccConsultationFiguresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = scc_consultation_figures_page_constructed;
  object_class->dispose = scc_consultation_figures_page_dispose;

  scc_page_class_set_page_name (SCC_PAGE_CLASS (klass), "consultation-figures");

  g_type_ensure (SCC_TYPE_LIST_VIEW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sendcase/Sendcase/ui/scc-consultation-figures-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccConsultationFiguresPage, list_view);
}

static void
scc_consultation_figures_page_init (SccConsultationFiguresPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * scc_consultation_figures_page_get_view_model:
 *
 * Returns: (transfer none): the institutions listed
 */
SccFiguresListVm *
scc_consultation_figures_page_get_view_model (SccConsultationFiguresPage *self)
{
  g_return_val_if_fail (SCC_IS_CONSULTATION_FIGURES_PAGE (self), NULL);
  return self->view_model;
}
