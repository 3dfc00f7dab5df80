/* scc-phase-transfers-page.c
 *
 * SccPhaseTransfersPage: see scc-phase-transfers-page.h. An SccListPage
 * over an SccPhaseTransferListVm: its template, the column table below,
 * the Whose filter, and what opening a row does (the case).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-phase-transfers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-phase-transfers-page.h"
#include "scc-case-page.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

static const SccListColumn columns[] = {
  { N_("Child"),       "child-name", SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Born"),        "born",       SCC_LIST_COLUMN_TEXT },
  { N_("Move"),        "move",       SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Amend By"),    "due",        SCC_LIST_COLUMN_TEXT, FALSE, scc_phase_transfer_row_format_due },
  { N_("Where It Is"), "state",      SCC_LIST_COLUMN_TEXT },
  { N_("Case Owner"),  "owner-name", SCC_LIST_COLUMN_TEXT },
};

/* The Whose filter's positions. */
enum { WHOSE_MINE, WHOSE_TEAM };

struct _SccPhaseTransfersPage
{
  SccListPage      parent_instance;

  /* Owned */
  SccPhaseTransferListVm *view_model;

  /* Template widgets */
  SccListView     *list_view;
  GtkDropDown     *whose_filter;
};

G_DEFINE_FINAL_TYPE (SccPhaseTransfersPage, scc_phase_transfers_page, SCC_TYPE_LIST_PAGE)

static void
on_filter_cb (SccPhaseTransfersPage *self)
{
  if (self->view_model == NULL)
    return;
  scc_chase_list_vm_set_team (SCC_CHASE_LIST_VM (self->view_model), gtk_drop_down_get_selected (self->whose_filter) == WHOSE_TEAM);
}

/* A caseworker plans the moves of their own cases' children; a team
 * manager and an admin officer, who own none or few, the team's. */
static void
on_user_cb (SccPhaseTransfersPage *self)
{
  ScUser *user = scc_page_get_user (SCC_PAGE (self));

  gtk_drop_down_set_selected (self->whose_filter,
                              user != NULL && sc_user_get_role (user) != SC_ROLE_CASEWORKER
                              ? WHOSE_TEAM : WHOSE_MINE);
}

static void
on_item_activated_cb (SccPhaseTransfersPage *self,
                      SccPhaseTransferRow   *row)
{
  g_assert (SCC_IS_PHASE_TRANSFERS_PAGE (self));

  scc_case_page_open (GTK_WIDGET (self), scc_phase_transfer_row_get_case_id (row));
}

static void
scc_phase_transfers_page_constructed (GObject *object)
{
  SccPhaseTransfersPage *self = (SccPhaseTransfersPage *)object;

  G_OBJECT_CLASS (scc_phase_transfers_page_parent_class)->constructed (object);

  self->view_model = scc_phase_transfer_list_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_list_view_add_columns (self->list_view, SCC_TYPE_PHASE_TRANSFER_ROW, columns, G_N_ELEMENTS (columns));
  scc_list_page_set_list (SCC_LIST_PAGE (self), self->list_view, SCC_LIST_VM (self->view_model));
  g_signal_connect (self, "notify::user", G_CALLBACK (on_user_cb), NULL);
  on_user_cb (self);
}

static void
scc_phase_transfers_page_dispose (GObject *object)
{
  SccPhaseTransfersPage *self = (SccPhaseTransfersPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_PHASE_TRANSFERS_PAGE);

  G_OBJECT_CLASS (scc_phase_transfers_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
}

static void
scc_phase_transfers_page_class_init (SccPhaseTransfersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_phase_transfers_page_constructed;
  object_class->dispose = scc_phase_transfers_page_dispose;

  scc_page_class_set_page_name (page_class, "phase-transfers");

  g_type_ensure (SCC_TYPE_LIST_VIEW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-phase-transfers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccPhaseTransfersPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SccPhaseTransfersPage, whose_filter);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
}

static void
scc_phase_transfers_page_init (SccPhaseTransfersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * scc_phase_transfers_page_get_view_model:
 *
 * Returns: (transfer none): the children listed
 */
SccPhaseTransferListVm *
scc_phase_transfers_page_get_view_model (SccPhaseTransfersPage *self)
{
  g_return_val_if_fail (SCC_IS_PHASE_TRANSFERS_PAGE (self), NULL);
  return self->view_model;
}
