/* scc-dispute-page.c
 *
 * SccDisputePage: see scc-dispute-page.h. The timeline's rows are made
 * again whenever the view model's steps change; each says what the step
 * is, when it was done or is due, and an icon for done, due, overdue or
 * late.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-dispute-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-case-page.h"
#include "scc-dispute-page.h"
#include "scc-offline-banner.h"
#include "scc-records-page.h"
#include "scc-user-button.h"

struct _SccDisputePage
{
  SccPage          parent_instance;

  /* Owned */
  SccDisputeVm    *view_model;
  GPtrArray       *rows;            /* AdwActionRow in timeline_group */

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  AdwActionRow        *next_row;
  AdwActionRow        *child_row;
  GtkWidget           *record_button;
  GtkWidget           *case_button;
  AdwPreferencesGroup *timeline_group;
};

G_DEFINE_FINAL_TYPE (SccDisputePage, scc_dispute_page, SCC_TYPE_PAGE)

/* Each state's icon and, for those who cannot see it, its word */
static const struct
{
  const char *icon;
  const char *words;
  const char *style;
} states[] = {
  [SCC_STEP_DONE] = { "emblem-ok-symbolic", N_("Done"), "success" },
  [SCC_STEP_DONE_LATE] = { "emblem-ok-symbolic", N_("Done late"), "warning" },
  [SCC_STEP_DUE] = { "alarm-symbolic", N_("Due"), NULL },
  [SCC_STEP_OVERDUE] = { "dialog-warning-symbolic", N_("Overdue"), "error" },
  [SCC_STEP_CANCELLED] = { "action-unavailable-symbolic", N_("No longer due"), "dim-label" },
  [SCC_STEP_SET] = { "x-office-calendar-symbolic", N_("Set by the tribunal"), NULL },
  [SCC_STEP_EXCEPTED] = { "emblem-important-symbolic", N_("An exception applies"), "dim-label" },
};

static gboolean
may_record (SccDisputePage *self)
{
  return scc_page_user_in_roles (SCC_PAGE (self), SCC_DISPUTE_RECORD_ROLES);
}

static GtkWidget *
step_row_new (const SccTimelineStep *step)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (states[step->state].icon);
  g_autofree char *when = scc_timeline_step_dup_when (step);
  g_autofree char *subtitle = step->detail != NULL && *step->detail != '\0'
                              ? g_strdup_printf ("%s\n%s", when, step->detail) : g_strdup (when);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), step->what);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(states[step->state].words), -1);
  if (states[step->state].style != NULL)
    gtk_widget_add_css_class (icon, states[step->state].style);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
clear_rows (SccDisputePage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->timeline_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
update_buttons (SccDisputePage *self)
{
  /* the keyboard goes to the first button shown */
  g_object_set (self, "initial-focus", may_record (self) ? self->record_button : self->case_button, NULL);
  gtk_widget_set_visible (self->record_button, may_record (self));
  gtk_widget_set_visible (self->case_button, scc_dispute_vm_get_case_id (self->view_model) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dispute.record",
                                 may_record (self) && scc_dispute_vm_get_steps (self->view_model) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dispute.open-case",
                                 scc_dispute_vm_get_case_id (self->view_model) > 0);
}

static void
on_steps_cb (SccDisputePage *self)
{
  GPtrArray *steps = scc_dispute_vm_get_steps (self->view_model);
  const char *child = scc_dispute_vm_get_child (self->view_model);

  clear_rows (self);
  adw_window_title_set_title (self->window_title, steps != NULL ? scc_dispute_vm_get_title (self->view_model)
                                                                : _("Dispute"));
  adw_window_title_set_subtitle (self->window_title, child != NULL ? child : "");
  adw_action_row_set_subtitle (self->next_row, steps != NULL ? scc_dispute_vm_get_next (self->view_model) : "");
  adw_action_row_set_subtitle (self->child_row, child != NULL ? child : _("The service, not one child"));
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      GtkWidget *row = step_row_new (g_ptr_array_index (steps, i));

      adw_preferences_group_add (self->timeline_group, row);
      g_ptr_array_add (self->rows, row);
    }
  update_buttons (self);
}

static void
on_loading_cb (SccDisputePage *self)
{
  const char *error = scc_dispute_vm_get_error (self->view_model);
  gboolean was_shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "dispute") == 0;

  if (scc_dispute_vm_get_steps (self->view_model) != NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "dispute");
      /* the keyboard to it once it is there, if the page is in front */
      if (!was_shown && gtk_widget_get_mapped (GTK_WIDGET (self)))
        scc_page_shown (SCC_PAGE (self));
    }
  else if (error != NULL && !scc_dispute_vm_get_loading (self->view_model))
    {
      adw_status_page_set_description (self->error_page, error);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "loading");
  /* a failed reread with the dispute shown: the toast says so, Retry again */
  if (error != NULL && !scc_dispute_vm_get_loading (self->view_model) &&
      scc_dispute_vm_get_steps (self->view_model) != NULL)
    scc_page_show_toast (SCC_PAGE (self), error, _("_Retry"), "dispute.reload");
}

static void
dispute_reload_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  scc_dispute_vm_reload (SCC_DISPUTE_PAGE (widget)->view_model);
}

/* dispute.record: its kind's page on its case (a complaint about the
 * service: the team's complaints), with it chosen */
static void
dispute_record_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SccDisputePage *self = SCC_DISPUTE_PAGE (widget);
  const char *kind = scc_dispute_vm_get_kind (self->view_model);
  gint64 case_id = scc_dispute_vm_get_case_id (self->view_model);
  g_autofree char *page_name = NULL;

  if (kind == NULL || scc_dispute_vm_get_steps (self->view_model) == NULL)
    return;
  page_name = g_strconcat (kind, "s", NULL);
  scc_records_page_open_record (widget, page_name, case_id > 0 ? case_id : SCC_RECORDS_OF_TEAM,
                                scc_dispute_vm_get_child (self->view_model), scc_dispute_vm_get_id (self->view_model));
}

static void
dispute_open_case_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  gint64 case_id = scc_dispute_vm_get_case_id (SCC_DISPUTE_PAGE (widget)->view_model);

  if (case_id > 0)
    scc_case_page_open (widget, case_id);
}

/* Back from its kind's page: read again, what is shown staying until the
 * new answer comes (not when it is being read already: just opened) */
static void
scc_dispute_page_shown (SccPage *page)
{
  SccDisputePage *self = SCC_DISPUTE_PAGE (page);

  SCC_PAGE_CLASS (scc_dispute_page_parent_class)->shown (page);
  if (scc_dispute_vm_get_steps (self->view_model) != NULL && !scc_dispute_vm_get_loading (self->view_model))
    scc_dispute_vm_reload (self->view_model);
}

/* The next user sees nothing of this dispute */
static void
scc_dispute_page_clear (SccPage *page)
{
  SccDisputePage *self = SCC_DISPUTE_PAGE (page);

  scc_dispute_vm_clear (self->view_model);
  SCC_PAGE_CLASS (scc_dispute_page_parent_class)->clear (page);
}

static void
scc_dispute_page_constructed (GObject *object)
{
  SccDisputePage *self = SCC_DISPUTE_PAGE (object);

  G_OBJECT_CLASS (scc_dispute_page_parent_class)->constructed (object);

  self->view_model = scc_dispute_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  g_signal_connect_object (self->view_model, "notify::steps", G_CALLBACK (on_steps_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_model, "notify::loading", G_CALLBACK (on_loading_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::user", G_CALLBACK (update_buttons), NULL);
  on_steps_cb (self);
}

static void
scc_dispute_page_dispose (GObject *object)
{
  SccDisputePage *self = SCC_DISPUTE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_DISPUTE_PAGE);

  G_OBJECT_CLASS (scc_dispute_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
}

static void
scc_dispute_page_class_init (SccDisputePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_dispute_page_constructed;
  object_class->dispose = scc_dispute_page_dispose;
  page_class->clear = scc_dispute_page_clear;
  page_class->shown = scc_dispute_page_shown;

  scc_page_class_set_page_name (page_class, "dispute");

  gtk_widget_class_install_action (widget_class, "dispute.reload", NULL, dispute_reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "dispute.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "dispute.reload", NULL);
  gtk_widget_class_install_action (widget_class, "dispute.record", NULL, dispute_record_action);
  gtk_widget_class_install_action (widget_class, "dispute.open-case", NULL, dispute_open_case_action);

  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-dispute-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccDisputePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, SccDisputePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SccDisputePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SccDisputePage, next_row);
  gtk_widget_class_bind_template_child (widget_class, SccDisputePage, child_row);
  gtk_widget_class_bind_template_child (widget_class, SccDisputePage, record_button);
  gtk_widget_class_bind_template_child (widget_class, SccDisputePage, case_button);
  gtk_widget_class_bind_template_child (widget_class, SccDisputePage, timeline_group);
}

static void
scc_dispute_page_init (SccDisputePage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
scc_dispute_page_open (GtkWidget  *from,
                       const char *kind,
                       gint64      id)
{
  SccPage *page;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (id > 0);

  if (!SCC_IS_DISPUTE_PAGE ((page = scc_page_find (from, "dispute"))))
    return;
  scc_dispute_vm_load (SCC_DISPUTE_PAGE (page)->view_model, kind, id);
  gtk_widget_activate_action (from, "win.open-page", "s", "dispute");
}

void
scc_dispute_page_open_row (GtkWidget     *from,
                           SccDisputeRow *row)
{
  g_return_if_fail (SCC_IS_DISPUTE_ROW (row));

  scc_dispute_page_open (from, scc_dispute_row_get_kind (row), scc_dispute_row_get_id (row));
}

/**
 * scc_dispute_page_get_view_model:
 *
 * Returns: (transfer none): the dispute shown
 */
SccDisputeVm *
scc_dispute_page_get_view_model (SccDisputePage *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_PAGE (self), NULL);
  return self->view_model;
}
