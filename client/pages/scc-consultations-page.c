/* scc-consultations-page.c
 *
 * SccConsultationsPage: see scc-consultations-page.h. An SccListPage over
 * an SccConsultationListVm, as Reviews Due is over its list: the column
 * table, the Whose and Show filters, chasing and copying the rows
 * selected, and what opening a row does (the case's consultations).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-consultations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-case-consultations-page.h"
#include "scc-consultations-page.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

static const SccListColumn columns[] = {
  { N_("Child"),       "child-name",  SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Institution"), "institution", SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Sent"),        "sent",        SCC_LIST_COLUMN_TEXT },
  { N_("Due"),         "due",         SCC_LIST_COLUMN_TEXT, FALSE, scc_consultation_row_format_due },
  { N_("Days Left"),   "days-left",   SCC_LIST_COLUMN_TEXT },
  { N_("Reminders"),   "reminders",   SCC_LIST_COLUMN_TEXT },
  { N_("Case Owner"),  "owner-name",  SCC_LIST_COLUMN_TEXT },
};

/* The most consultations one chase sends (as the server takes) */
#define SCC_CONSULTATIONS_CHASE_MAX 500

/* The Whose filter's positions. */
enum { WHOSE_MINE, WHOSE_TEAM };

struct _SccConsultationsPage
{
  SccListPage            parent_instance;

  /* Owned */
  SccConsultationListVm *view_model;
  GCancellable          *chasing;

  /* Template widgets */
  SccListView           *list_view;
  GtkDropDown           *whose_filter;
  GtkDropDown           *show_filter;
};

G_DEFINE_FINAL_TYPE (SccConsultationsPage, scc_consultations_page, SCC_TYPE_LIST_PAGE)

static void
on_filter_cb (SccConsultationsPage *self)
{
  if (self->view_model == NULL)
    return;
  scc_chase_list_vm_set_team (SCC_CHASE_LIST_VM (self->view_model),
                              gtk_drop_down_get_selected (self->whose_filter) == WHOSE_TEAM);
  scc_chase_list_vm_set_overdue_only (SCC_CHASE_LIST_VM (self->view_model),
                                      gtk_drop_down_get_selected (self->show_filter) == 0);
}

/* A caseworker chases their own cases' consultations; the others start on
 * the team's. Only who may write a case may record its reminders. */
static void
on_user_cb (SccConsultationsPage *self)
{
  ScUser *user = scc_page_get_user (SCC_PAGE (self));
  ScRole role = user != NULL ? sc_user_get_role (user) : SC_ROLE_NONE;

  gtk_drop_down_set_selected (self->whose_filter, role != SC_ROLE_CASEWORKER ? WHOSE_TEAM : WHOSE_MINE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultations.chase",
                                 role == SC_ROLE_CASEWORKER || role == SC_ROLE_TEAM_MANAGER);
}

static void
on_item_activated_cb (SccConsultationsPage *self,
                      SccConsultationRow   *row)
{
  g_assert (SCC_IS_CONSULTATIONS_PAGE (self));

  scc_case_consultations_page_open (GTK_WIDGET (self), scc_consultation_row_get_case_id (row),
                                    scc_consultation_row_get_child_name (row));
}

/* The rows selected, or with none selected, every row listed */
static GPtrArray *
chosen_rows (SccConsultationsPage *self)
{
  GPtrArray *rows = scc_list_view_dup_selected (self->list_view);

  if (rows->len == 0)
    {
      GListModel *model = scc_list_view_get_model (self->list_view);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (rows, g_list_model_get_item (model, i));
    }
  return rows;
}

static void
consultations_copy_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SccConsultationsPage *self = SCC_CONSULTATIONS_PAGE (widget);
  g_autoptr(GPtrArray) rows = chosen_rows (self);
  g_autofree char *csv = NULL;
  g_autofree char *title = NULL;

  if (rows->len == 0)
    {
      scc_page_show_toast (SCC_PAGE (self), _("There is nothing to copy in this list"), NULL, NULL);
      return;
    }
  csv = scc_consultation_rows_dup_csv (rows);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), csv);
  title = g_strdup_printf (g_dngettext (NULL, "%u consultation copied as CSV: paste it into a spreadsheet",
                                        "%u consultations copied as CSV: paste them into a spreadsheet", rows->len),
                           rows->len);
  scc_page_show_toast (SCC_PAGE (self), title, NULL, NULL);
}

static void
chased_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SccConsultationsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScConsultationChase) chase = scc_consultation_list_vm_chase_finish (SCC_CONSULTATION_LIST_VM (object),
                                                                                result, &error);
  g_autofree char *title = NULL;

  if (chase == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        scc_page_show_toast (SCC_PAGE (self), error->message, NULL, NULL);
      return;
    }
  if (chase->skipped->len == 0)
    title = g_strdup_printf (g_dngettext (NULL, "Reminder recorded for %u consultation",
                                          "Reminders recorded for %u consultations", chase->chased->len),
                             chase->chased->len);
  else
    title = g_strdup_printf (_("Reminders recorded for %u; %u skipped (answered, withdrawn or not yours)"),
                             chase->chased->len, chase->skipped->len);
  scc_page_show_toast (SCC_PAGE (self), title, NULL, NULL);
}

static void
consultations_chase_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SccConsultationsPage *self = SCC_CONSULTATIONS_PAGE (widget);
  g_autoptr(GPtrArray) rows = chosen_rows (self);

  if (rows->len == 0)
    {
      scc_page_show_toast (SCC_PAGE (self), _("There is nothing to chase in this list"), NULL, NULL);
      return;
    }
  /* as many as one request takes; the rest stay listed for the next */
  if (rows->len > SCC_CONSULTATIONS_CHASE_MAX)
    g_ptr_array_set_size (rows, SCC_CONSULTATIONS_CHASE_MAX);
  g_cancellable_cancel (self->chasing);
  g_clear_object (&self->chasing);
  self->chasing = g_cancellable_new ();
  scc_consultation_list_vm_chase_async (self->view_model, rows, self->chasing, chased_cb, g_object_ref (self));
}

static void
scc_consultations_page_clear (SccPage *page)
{
  SccConsultationsPage *self = SCC_CONSULTATIONS_PAGE (page);

  g_cancellable_cancel (self->chasing);
  g_clear_object (&self->chasing);
  SCC_PAGE_CLASS (scc_consultations_page_parent_class)->clear (page);

  /* The next user starts on the overdue ones. */
  gtk_drop_down_set_selected (self->show_filter, 0);
}

static void
scc_consultations_page_constructed (GObject *object)
{
  SccConsultationsPage *self = (SccConsultationsPage *)object;

  G_OBJECT_CLASS (scc_consultations_page_parent_class)->constructed (object);

  self->view_model = scc_consultation_list_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_list_view_add_columns (self->list_view, SCC_TYPE_CONSULTATION_ROW, columns, G_N_ELEMENTS (columns));
  scc_list_page_set_list (SCC_LIST_PAGE (self), self->list_view, SCC_LIST_VM (self->view_model));
  g_signal_connect (self, "notify::user", G_CALLBACK (on_user_cb), NULL);
  on_user_cb (self);
}

static void
scc_consultations_page_dispose (GObject *object)
{
  SccConsultationsPage *self = (SccConsultationsPage *)object;

  g_cancellable_cancel (self->chasing);
  g_clear_object (&self->chasing);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_CONSULTATIONS_PAGE);

  G_OBJECT_CLASS (scc_consultations_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
}

static void
scc_consultations_page_class_init (SccConsultationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_consultations_page_constructed;
  object_class->dispose = scc_consultations_page_dispose;
  page_class->clear = scc_consultations_page_clear;

  scc_page_class_set_page_name (page_class, "consultations");

  gtk_widget_class_install_action (widget_class, "consultations.chase", NULL, consultations_chase_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "consultations.chase", NULL);
  gtk_widget_class_install_action (widget_class, "consultations.copy", NULL, consultations_copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "consultations.copy", NULL);

  g_type_ensure (SCC_TYPE_LIST_VIEW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-consultations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccConsultationsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SccConsultationsPage, whose_filter);
  gtk_widget_class_bind_template_child (widget_class, SccConsultationsPage, show_filter);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
}

static void
scc_consultations_page_init (SccConsultationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * scc_consultations_page_get_view_model:
 *
 * Returns: (transfer none): the consultations listed
 */
SccConsultationListVm *
scc_consultations_page_get_view_model (SccConsultationsPage *self)
{
  g_return_val_if_fail (SCC_IS_CONSULTATIONS_PAGE (self), NULL);
  return self->view_model;
}
