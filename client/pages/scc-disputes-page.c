/* scc-disputes-page.c
 *
 * SccDisputesPage: see scc-disputes-page.h. The counts are read when the
 * page is shown to a user who may see them, and again when the year
 * changes; their rows are made again whenever they arrive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-disputes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-dispute-page.h"
#include "scc-disputes-page.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

static const SccListColumn columns[] = {
  { N_("Next Deadline"), "due",       SCC_LIST_COLUMN_TEXT },
  { N_("What"),          "what",      SCC_LIST_COLUMN_TEXT },
  { N_("Child"),         "child",     SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Reference"),     "reference", SCC_LIST_COLUMN_TEXT },
};

/* Each count's words, by kind and measure */
static const struct
{
  const char *kind;
  const char *measure;
  const char *words;
} count_words[] = {
  { "appeal", "registered", N_("Appeals registered") },
  { "appeal", "decided_for_the_family", N_("Appeals decided for the family") },
  { "appeal", "conceded", N_("Appeals conceded") },
  { "appeal", "dismissed", N_("Appeals dismissed") },
  { "appeal", "withdrawn", N_("Appeals withdrawn") },
  { "complaint", "stage_1_received", N_("Complaints received at stage 1") },
  { "complaint", "stage_1_upheld", N_("Stage 1 upheld") },
  { "complaint", "stage_1_partly_upheld", N_("Stage 1 partly upheld") },
  { "complaint", "stage_1_not_upheld", N_("Stage 1 not upheld") },
  { "complaint", "stage_2_received", N_("Complaints received at stage 2") },
  { "complaint", "stage_2_upheld", N_("Stage 2 upheld") },
  { "complaint", "stage_2_partly_upheld", N_("Stage 2 partly upheld") },
  { "complaint", "stage_2_not_upheld", N_("Stage 2 not upheld") },
  { "complaint", "ombudsman_referred", N_("Referred to the Ombudsman") },
  { "mediation", "advice_requested", N_("Mediation advice asked for") },
  { "mediation", "held", N_("Mediations held") },
  { "mediation", "certificate_issued", N_("Mediation certificates issued") },
  { "mediation", "agreed", N_("Mediations with an agreement") },
};

struct _SccDisputesPage
{
  SccListPage       parent_instance;

  /* Owned */
  SccDisputeListVm *view_model;
  GPtrArray        *count_rows;    /* AdwActionRow in counts_group */

  /* Template widgets */
  SccListView         *list_view;
  GtkWidget           *counts_separator;
  GtkWidget           *counts_panel;
  AdwPreferencesGroup *counts_group;
  GtkSpinButton       *year_spin;
  GtkLabel            *counts_error_label;
};

G_DEFINE_FINAL_TYPE (SccDisputesPage, scc_disputes_page, SCC_TYPE_LIST_PAGE)

static const char *
words_of (const ScDisputeCount *count)
{
  for (guint i = 0; i < G_N_ELEMENTS (count_words); i++)
    if (g_str_equal (count_words[i].kind, count->kind) && g_str_equal (count_words[i].measure, count->measure))
      return _(count_words[i].words);
  return count->measure;
}

/* Team managers and admin officers see the counts */
static gboolean
may_count (SccDisputesPage *self)
{
  return scc_page_user_in_roles (SCC_PAGE (self), (1u << SC_ROLE_TEAM_MANAGER) | (1u << SC_ROLE_ADMIN_OFFICER));
}

static void
on_counts_cb (SccDisputesPage *self)
{
  GPtrArray *counts = scc_dispute_list_vm_get_counts (self->view_model);
  const char *error = scc_dispute_list_vm_get_counts_error (self->view_model);

  for (guint i = 0; i < self->count_rows->len; i++)
    adw_preferences_group_remove (self->counts_group, g_ptr_array_index (self->count_rows, i));
  g_ptr_array_set_size (self->count_rows, 0);
  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      const ScDisputeCount *count = g_ptr_array_index (counts, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, count->count);
      GtkWidget *label = gtk_label_new (number);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), words_of (count));
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (self->counts_group, row);
      g_ptr_array_add (self->count_rows, row);
    }
  gtk_label_set_label (self->counts_error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->counts_error_label), error != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "disputes.copy-counts", counts != NULL);
}

static void
on_year_changed_cb (SccDisputesPage *self)
{
  if (may_count (self))
    scc_dispute_list_vm_load_counts (self->view_model, gtk_spin_button_get_value_as_int (self->year_spin));
}

static void
update_counts_shown (SccDisputesPage *self)
{
  gboolean shown = may_count (self);

  gtk_widget_set_visible (self->counts_panel, shown);
  gtk_widget_set_visible (self->counts_separator, shown);
}

/* Enter: the dispute on its own page */
static void
on_item_activated_cb (SccDisputesPage *self,
                      SccDisputeRow   *row)
{
  scc_dispute_page_open_row (GTK_WIDGET (self), row);
}

static void
disputes_copy_counts_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SccDisputesPage *self = SCC_DISPUTES_PAGE (widget);
  g_autofree char *csv = scc_dispute_list_vm_dup_counts_csv (self->view_model);

  if (csv == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), csv);
  scc_page_show_toast (SCC_PAGE (self), _("The year’s counts have been copied as CSV"), NULL, NULL);
}

static void
scc_disputes_page_shown (SccPage *page)
{
  SccDisputesPage *self = SCC_DISPUTES_PAGE (page);

  SCC_PAGE_CLASS (scc_disputes_page_parent_class)->shown (page);
  update_counts_shown (self);
  on_year_changed_cb (self);
}

static void
scc_disputes_page_constructed (GObject *object)
{
  SccDisputesPage *self = SCC_DISPUTES_PAGE (object);
  char today[SC_DAY_STRING_SIZE];

  G_OBJECT_CLASS (scc_disputes_page_parent_class)->constructed (object);

  self->view_model = scc_dispute_list_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_list_view_add_columns (self->list_view, SCC_TYPE_DISPUTE_ROW, columns, G_N_ELEMENTS (columns));
  scc_list_page_set_list (SCC_LIST_PAGE (self), self->list_view, SCC_LIST_VM (self->view_model));
  g_signal_connect_object (self->view_model, "notify::counts", G_CALLBACK (on_counts_cb), self, G_CONNECT_SWAPPED);
  /* this year, without reading the counts before the page is shown */
  g_signal_handlers_block_by_func (self->year_spin, on_year_changed_cb, self);
  gtk_spin_button_set_value (self->year_spin, g_ascii_strtod (sc_day_format (sc_day_today (), today), NULL));
  g_signal_handlers_unblock_by_func (self->year_spin, on_year_changed_cb, self);
  g_signal_connect (self, "notify::user", G_CALLBACK (update_counts_shown), NULL);
  update_counts_shown (self);
  on_counts_cb (self);
}

static void
scc_disputes_page_dispose (GObject *object)
{
  SccDisputesPage *self = SCC_DISPUTES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_DISPUTES_PAGE);

  G_OBJECT_CLASS (scc_disputes_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
  g_clear_pointer (&self->count_rows, g_ptr_array_unref);
}

static void
scc_disputes_page_class_init (SccDisputesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_disputes_page_constructed;
  object_class->dispose = scc_disputes_page_dispose;
  page_class->shown = scc_disputes_page_shown;

  scc_page_class_set_page_name (page_class, "disputes");

  gtk_widget_class_install_action (widget_class, "disputes.copy-counts", NULL, disputes_copy_counts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "disputes.copy-counts", NULL);

  g_type_ensure (SCC_TYPE_LIST_VIEW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-disputes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccDisputesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SccDisputesPage, counts_separator);
  gtk_widget_class_bind_template_child (widget_class, SccDisputesPage, counts_panel);
  gtk_widget_class_bind_template_child (widget_class, SccDisputesPage, counts_group);
  gtk_widget_class_bind_template_child (widget_class, SccDisputesPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, SccDisputesPage, counts_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed_cb);
}

static void
scc_disputes_page_init (SccDisputesPage *self)
{
  self->count_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * scc_disputes_page_get_view_model:
 *
 * Returns: (transfer none): the open disputes and the year's counts
 */
SccDisputeListVm *
scc_disputes_page_get_view_model (SccDisputesPage *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTES_PAGE (self), NULL);
  return self->view_model;
}
