/* scc-reviews-page.c
 *
 * SccReviewsPage: see scc-reviews-page.h. An SccListPage over an
 * SccReviewListVm: its template, the column table below, the Whose and
 * Show filters, and what opening a row does (the case's reviews).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-reviews-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-reviews-page.h"
#include "scc-case-reviews-page.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

static const SccListColumn columns[] = {
  { N_("Child"),       "child-name",  SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Review"),      "review",      SCC_LIST_COLUMN_TEXT },
  { N_("Due"),         "due",         SCC_LIST_COLUMN_TEXT, FALSE, scc_review_row_format_due },
  { N_("Days Left"),   "days-left",   SCC_LIST_COLUMN_TEXT },
  { N_("Invitations"), "invitations", SCC_LIST_COLUMN_TEXT },
  { N_("Case Owner"),  "owner-name",  SCC_LIST_COLUMN_TEXT },
};

/* The Whose filter's positions. */
enum { WHOSE_MINE, WHOSE_TEAM };

struct _SccReviewsPage
{
  SccListPage      parent_instance;

  /* Owned */
  SccReviewListVm *view_model;

  /* Template widgets */
  SccListView     *list_view;
  GtkDropDown     *whose_filter;
  GtkDropDown     *show_filter;
};

G_DEFINE_FINAL_TYPE (SccReviewsPage, scc_reviews_page, SCC_TYPE_LIST_PAGE)

static void
on_filter_cb (SccReviewsPage *self)
{
  if (self->view_model == NULL)
    return;
  scc_chase_list_vm_set_team (SCC_CHASE_LIST_VM (self->view_model), gtk_drop_down_get_selected (self->whose_filter) == WHOSE_TEAM);
  scc_chase_list_vm_set_overdue_only (SCC_CHASE_LIST_VM (self->view_model), gtk_drop_down_get_selected (self->show_filter) == 0);
}

/* A caseworker plans the reviews of their own cases; a team manager and an
 * admin officer, who own none or few, the team's. */
static void
on_user_cb (SccReviewsPage *self)
{
  ScUser *user = scc_page_get_user (SCC_PAGE (self));

  gtk_drop_down_set_selected (self->whose_filter,
                              user != NULL && sc_user_get_role (user) != SC_ROLE_CASEWORKER
                              ? WHOSE_TEAM : WHOSE_MINE);
}

static void
on_item_activated_cb (SccReviewsPage *self,
                      SccReviewRow   *row)
{
  g_assert (SCC_IS_REVIEWS_PAGE (self));

  scc_case_reviews_page_open (GTK_WIDGET (self), scc_review_row_get_case_id (row),
                              scc_review_row_get_child_name (row));
}

static void
scc_reviews_page_clear (SccPage *page)
{
  SccReviewsPage *self = SCC_REVIEWS_PAGE (page);

  SCC_PAGE_CLASS (scc_reviews_page_parent_class)->clear (page);

  /* The next user starts on the overdue reviews. */
  gtk_drop_down_set_selected (self->show_filter, 0);
}

static void
scc_reviews_page_constructed (GObject *object)
{
  SccReviewsPage *self = (SccReviewsPage *)object;

  G_OBJECT_CLASS (scc_reviews_page_parent_class)->constructed (object);

  self->view_model = scc_review_list_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_list_view_add_columns (self->list_view, SCC_TYPE_REVIEW_ROW, columns, G_N_ELEMENTS (columns));
  scc_list_page_set_list (SCC_LIST_PAGE (self), self->list_view, SCC_LIST_VM (self->view_model));
  g_signal_connect (self, "notify::user", G_CALLBACK (on_user_cb), NULL);
  on_user_cb (self);
}

static void
scc_reviews_page_dispose (GObject *object)
{
  SccReviewsPage *self = (SccReviewsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_REVIEWS_PAGE);

  G_OBJECT_CLASS (scc_reviews_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
}

static void
scc_reviews_page_class_init (SccReviewsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_reviews_page_constructed;
  object_class->dispose = scc_reviews_page_dispose;
  page_class->clear = scc_reviews_page_clear;

  scc_page_class_set_page_name (page_class, "reviews");

  g_type_ensure (SCC_TYPE_LIST_VIEW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-reviews-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccReviewsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SccReviewsPage, whose_filter);
  gtk_widget_class_bind_template_child (widget_class, SccReviewsPage, show_filter);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
}

static void
scc_reviews_page_init (SccReviewsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * scc_reviews_page_get_view_model:
 *
 * Returns: (transfer none): the reviews listed
 */
SccReviewListVm *
scc_reviews_page_get_view_model (SccReviewsPage *self)
{
  g_return_val_if_fail (SCC_IS_REVIEWS_PAGE (self), NULL);
  return self->view_model;
}
