/* scc-case-reviews-page.c
 *
 * SccCaseReviewsPage: see scc-case-reviews-page.h. The page shows what
 * its SccReviewFormVm holds: the choice of review follows the list, and
 * the review rows are made again whenever the list arrives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-case-reviews-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-case-reviews-page.h"
#include "scc-caseload-vm.h"
#include "scc-field-row.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

struct _SccCaseReviewsPage
{
  SccPage          parent_instance;

  /* Owned */
  SccReviewFormVm *view_model;
  GPtrArray       *review_rows;   /* AdwExpanderRow in reviews_group */
  gboolean         filling;       /* the combo row set from the list, not by the user */

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkLabel             *load_error_label;
  AdwPreferencesGroup  *form_group;
  AdwComboRow          *review_row;
  AdwPreferencesGroup  *reviews_group;
  GtkWidget            *save_button;
};

enum {
  PROP_0,
  PROP_VIEW_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccCaseReviewsPage, scc_case_reviews_page, SCC_TYPE_PAGE)

static const char *
status_in_words (const ScReview *review)
{
  if (review->meeting_on != SC_DAY_NONE)
    return review->decided_on != SC_DAY_NONE ? _("Decided") : _("Held, decision awaited");
  if (g_strcmp0 (review->status, "overdue") == 0)
    return _("Overdue");
  if (g_strcmp0 (review->status, "cancelled") == 0)
    return _("Not needed");
  return _("Not yet held");
}

static const char *
outcome_in_words (const char *outcome)
{
  if (g_strcmp0 (outcome, "maintain") == 0)
    return _("Maintain the plan");
  if (g_strcmp0 (outcome, "amend") == 0)
    return _("Amend the plan");
  if (g_strcmp0 (outcome, "cease") == 0)
    return _("Cease the plan");
  return _("Not recorded");
}

static char *
day_or (ScDay       day,
        const char *none)
{
  return day != SC_DAY_NONE ? scc_case_format_day (day) : g_strdup (none);
}

static void
add_fact (AdwExpanderRow *expander,
          const char     *title,
          const char     *value,
          const char     *icon)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  if (icon != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  adw_expander_row_add_row (expander, row);
}

static GtkWidget *
review_row_new (const ScReview *review)
{
  GtkWidget *row = adw_expander_row_new ();
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (row);
  g_autoptr(GPtrArray) warnings = sc_review_dup_warnings (review);
  g_autofree char *title = g_strdup_printf (_("Review %d"), review->number);
  g_autofree char *due = scc_case_format_day (review->due);
  g_autofree char *subtitle = g_strdup_printf (_("Due %s: %s"), due, status_in_words (review));
  g_autofree char *invited = day_or (review->invitations_sent, _("Not recorded"));
  g_autofree char *planned = day_or (review->meeting_planned, _("Not recorded"));
  g_autofree char *held = day_or (review->meeting_on, _("Not yet"));
  g_autofree char *names = review->attendees[0] != NULL ? g_strjoinv ("; ", review->attendees)
                                                        : g_strdup (_("Not recorded"));
  g_autofree char *report = NULL;
  g_autofree char *decision = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (expander, subtitle);
  if (warnings->len > 0)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (NULL, "%u warning", "%u warnings", warnings->len),
                                                warnings->len);
      GtkWidget *label = gtk_label_new (count);

      gtk_widget_add_css_class (label, "warning");
      adw_expander_row_add_action (expander, label);
    }
  add_fact (expander, _("Invitations sent"), invited, NULL);
  add_fact (expander, _("Meeting planned for"), planned, NULL);
  add_fact (expander, _("Meeting held"), held, NULL);
  add_fact (expander, _("Who attended"), names, NULL);
  if (review->report_due != SC_DAY_NONE)
    {
      g_autofree char *report_due = scc_case_format_day (review->report_due);
      g_autofree char *received = day_or (review->report_received_on, _("not yet received"));

      report = g_strdup_printf (_("Due %s; received %s"), report_due, received);
      add_fact (expander, _("Report"), report, NULL);
    }
  if (review->decision_due != SC_DAY_NONE)
    {
      g_autofree char *decision_due = scc_case_format_day (review->decision_due);
      g_autofree char *decided = day_or (review->decided_on, _("not yet made"));

      decision = g_strdup_printf (_("Due %s; made %s: %s"), decision_due, decided,
                                  outcome_in_words (review->outcome));
      add_fact (expander, _("Decision"), decision, NULL);
    }
  add_fact (expander, _("Reasons"), review->reasons != NULL ? review->reasons : _("Not recorded"), NULL);
  for (guint i = 0; i < warnings->len; i++)
    add_fact (expander, _("Warning"), ((ScReviewWarning *) g_ptr_array_index (warnings, i))->message,
              "dialog-warning-symbolic");
  return row;
}

/* The form, for a review to record on. An admin officer reads the
 * reviews; recording them is the caseworkers' and team managers'. Hidden,
 * not made insensitive: a focused entry made insensitive loses the focus
 * without a focus-out. */
static void
update_form_shown (SccCaseReviewsPage *self)
{
  ScUser *user = scc_page_get_user (SCC_PAGE (self));
  GPtrArray *reviews = self->view_model != NULL ? scc_review_form_vm_get_reviews (self->view_model) : NULL;
  gboolean may = user != NULL && (sc_user_get_role (user) == SC_ROLE_CASEWORKER ||
                                  sc_user_get_role (user) == SC_ROLE_TEAM_MANAGER);

  gtk_widget_set_visible (GTK_WIDGET (self->form_group), may && reviews != NULL && reviews->len > 0);
}

static void
on_reviews_cb (SccCaseReviewsPage *self)
{
  GPtrArray *reviews = scc_review_form_vm_get_reviews (self->view_model);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  int selected = scc_review_form_vm_get_selected (self->view_model);

  for (guint i = 0; i < self->review_rows->len; i++)
    adw_preferences_group_remove (self->reviews_group, g_ptr_array_index (self->review_rows, i));
  g_ptr_array_set_size (self->review_rows, 0);
  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      const ScReview *review = g_ptr_array_index (reviews, i);
      g_autofree char *due = scc_case_format_day (review->due);
      g_autofree char *choice = g_strdup_printf (_("Review %d (%s)"), review->number, due);
      GtkWidget *row = review_row_new (review);

      gtk_string_list_append (choices, choice);
      adw_preferences_group_add (self->reviews_group, row);
      g_ptr_array_add (self->review_rows, row);
    }
  if (reviews != NULL && reviews->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No reviews yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("The first annual review is due twelve months after the final plan."));
      adw_preferences_group_add (self->reviews_group, row);
      g_ptr_array_add (self->review_rows, row);
    }
  self->filling = TRUE;
  adw_combo_row_set_model (self->review_row, G_LIST_MODEL (choices));
  if (selected >= 0)
    adw_combo_row_set_selected (self->review_row, (guint) selected);
  self->filling = FALSE;
  update_form_shown (self);
}

static void
on_load_error_cb (SccCaseReviewsPage *self)
{
  const char *error = scc_review_form_vm_get_load_error (self->view_model);

  gtk_label_set_text (self->load_error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->load_error_label), error != NULL);
}

static void
on_review_selected_cb (SccCaseReviewsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->review_row);

  if (self->filling || self->view_model == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  scc_review_form_vm_select (self->view_model, selected);
}

static void
on_user_cb (SccCaseReviewsPage *self)
{
  update_form_shown (self);
}

static void
reviews_reload_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SccCaseReviewsPage *self = SCC_CASE_REVIEWS_PAGE (widget);

  if (scc_review_form_vm_get_case_id (self->view_model) > 0)
    scc_review_form_vm_load (self->view_model, scc_review_form_vm_get_case_id (self->view_model));
}

static void
on_saved_cb (SccCaseReviewsPage *self)
{
  scc_page_show_toast (SCC_PAGE (self), _("The review has been saved"), NULL, NULL);
}

static void
scc_case_reviews_page_constructed (GObject *object)
{
  SccCaseReviewsPage *self = (SccCaseReviewsPage *)object;

  G_OBJECT_CLASS (scc_case_reviews_page_parent_class)->constructed (object);

  self->view_model = scc_review_form_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_page_add_form (SCC_PAGE (self), "reviews", SCC_FORM_VM (self->view_model));
  g_signal_connect_object (self->view_model, "notify::reviews", G_CALLBACK (on_reviews_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_model, "notify::load-error", G_CALLBACK (on_load_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_model, "succeeded", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::user", G_CALLBACK (on_user_cb), NULL);
  on_user_cb (self);
  g_object_notify_by_pspec (object, properties[PROP_VIEW_MODEL]);
}

static void
scc_case_reviews_page_dispose (GObject *object)
{
  SccCaseReviewsPage *self = (SccCaseReviewsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_CASE_REVIEWS_PAGE);

  G_OBJECT_CLASS (scc_case_reviews_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
  g_clear_pointer (&self->review_rows, g_ptr_array_unref);
}

static void
scc_case_reviews_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SccCaseReviewsPage *self = SCC_CASE_REVIEWS_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW_MODEL:
      g_value_set_object (value, self->view_model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_case_reviews_page_class_init (SccCaseReviewsPageClass *klass)
{
  static const char * const named_children[] = {
    "invitations_row", "planned_row", "attendees_row", "reasons_row", "error_label",
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = scc_case_reviews_page_constructed;
  object_class->dispose = scc_case_reviews_page_dispose;
  object_class->get_property = scc_case_reviews_page_get_property;

  scc_page_class_set_page_name (SCC_PAGE_CLASS (klass), "case-reviews");

  properties[PROP_VIEW_MODEL] = g_param_spec_object ("view-model", NULL, NULL, SCC_TYPE_REVIEW_FORM_VM,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "reviews.reload", NULL, reviews_reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "reviews.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "reviews.submit", NULL);

  g_type_ensure (SCC_TYPE_FIELD_ROW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-case-reviews-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccCaseReviewsPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, SccCaseReviewsPage, load_error_label);
  gtk_widget_class_bind_template_child (widget_class, SccCaseReviewsPage, form_group);
  gtk_widget_class_bind_template_child (widget_class, SccCaseReviewsPage, review_row);
  gtk_widget_class_bind_template_child (widget_class, SccCaseReviewsPage, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, SccCaseReviewsPage, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_review_selected_cb);
  /* By name only, for tests and tools (gtk_widget_get_template_child). */
  for (guint i = 0; i < G_N_ELEMENTS (named_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, named_children[i], FALSE, 0);
}

static void
scc_case_reviews_page_init (SccCaseReviewsPage *self)
{
  self->review_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
scc_case_reviews_page_open (GtkWidget  *from,
                            gint64      case_id,
                            const char *child)
{
  SccPage *page;
  SccCaseReviewsPage *self;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (case_id > 0);

  if (!SCC_IS_CASE_REVIEWS_PAGE ((page = scc_page_find (from, "case-reviews"))))
    return;
  self = SCC_CASE_REVIEWS_PAGE (page);
  adw_window_title_set_subtitle (self->window_title, child != NULL ? child : "");
  scc_review_form_vm_load (self->view_model, case_id);
  gtk_widget_activate_action (from, "win.open-page", "s", "case-reviews");
}

SccReviewFormVm *
scc_case_reviews_page_get_view_model (SccCaseReviewsPage *self)
{
  g_return_val_if_fail (SCC_IS_CASE_REVIEWS_PAGE (self), NULL);
  return self->view_model;
}
