/* scc-case-reviews-page.c
 *
 * SccCaseReviewsPage: see scc-case-reviews-page.h; an SccRecordsPage of
 * the case's ScReview.
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
#include "scc-review-form-vm.h"
#include "scc-user-button.h"

struct _SccCaseReviewsPage
{
  SccRecordsPage parent_instance;
};

G_DEFINE_FINAL_TYPE (SccCaseReviewsPage, scc_case_reviews_page, SCC_TYPE_RECORDS_PAGE)

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

static GtkWidget *
review_row_new (SccRecordsPage *page,
                gconstpointer   record)
{
  const ScReview *review = record;
  GtkWidget *row = adw_expander_row_new ();
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (row);
  g_autoptr(GPtrArray) warnings = sc_review_dup_warnings (review);
  g_autofree char *title = g_strdup_printf (_("Review %d"), review->number);
  g_autofree char *due = scc_case_format_day (review->due);
  g_autofree char *subtitle = g_strdup_printf (_("Due %s: %s"), due, status_in_words (review));
  g_autofree char *invited = scc_records_page_day_or (review->invitations_sent, _("Not recorded"));
  g_autofree char *planned = scc_records_page_day_or (review->meeting_planned, _("Not recorded"));
  g_autofree char *held = scc_records_page_day_or (review->meeting_on, _("Not yet"));
  g_autofree char *names = review->attendees[0] != NULL ? g_strjoinv ("; ", review->attendees)
                                                        : g_strdup (_("Not recorded"));
  g_autofree char *report = NULL;
  g_autofree char *decision = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (expander, subtitle);
  scc_records_page_add_fact (expander, _("Invitations sent"), invited, NULL);
  scc_records_page_add_fact (expander, _("Meeting planned for"), planned, NULL);
  scc_records_page_add_fact (expander, _("Meeting held"), held, NULL);
  scc_records_page_add_fact (expander, _("Who attended"), names, NULL);
  if (review->report_due != SC_DAY_NONE)
    {
      g_autofree char *report_due = scc_case_format_day (review->report_due);
      g_autofree char *received = scc_records_page_day_or (review->report_received_on, _("not yet received"));

      report = g_strdup_printf (_("Due %s; received %s"), report_due, received);
      scc_records_page_add_fact (expander, _("Report"), report, NULL);
    }
  if (review->decision_due != SC_DAY_NONE)
    {
      g_autofree char *decision_due = scc_case_format_day (review->decision_due);
      g_autofree char *decided = scc_records_page_day_or (review->decided_on, _("not yet made"));

      decision = g_strdup_printf (_("Due %s; made %s: %s"), decision_due, decided,
                                  outcome_in_words (review->outcome));
      scc_records_page_add_fact (expander, _("Decision"), decision, NULL);
    }
  scc_records_page_add_fact (expander, _("Reasons"), review->reasons != NULL ? review->reasons : _("Not recorded"), NULL);
  scc_records_page_add_warnings (expander, warnings);
  return row;
}

static char *
review_choice (gconstpointer record)
{
  const ScReview *review = record;
  g_autofree char *due = scc_case_format_day (review->due);

  return g_strdup_printf (_("Review %d (%s)"), review->number, due);
}

static SccRecordFormVm *
form_new (SccApiClient *api_client)
{
  return SCC_RECORD_FORM_VM (scc_review_form_vm_new (api_client));
}

static void
scc_case_reviews_page_class_init (SccCaseReviewsPageClass *klass)
{
  static const char * const named_children[] = {
    "window_title", "load_error_label", "form_group", "record_row", "records_group",
    "invitations_row", "planned_row", "attendees_row", "reasons_row", "error_label",
  };
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccRecordsPageClass *records_class = SCC_RECORDS_PAGE_CLASS (klass);

  scc_page_class_set_page_name (SCC_PAGE_CLASS (klass), "case-reviews");
  records_class->form_new = form_new;
  records_class->row_new = review_row_new;
  records_class->choice_text = review_choice;
  records_class->empty_title = _("No reviews yet");
  records_class->empty_subtitle = _("The first annual review is due twelve months after the final plan.");
  records_class->saved_toast = _("The review has been saved");

  g_type_ensure (SCC_TYPE_FIELD_ROW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-case-reviews-page.ui");
  /* By name: for the page's base, and for tests and tools (gtk_widget_get_template_child). */
  for (guint i = 0; i < G_N_ELEMENTS (named_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, named_children[i], FALSE, 0);
}

static void
scc_case_reviews_page_init (SccCaseReviewsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
scc_case_reviews_page_open (GtkWidget  *from,
                            gint64      case_id,
                            const char *child)
{
  scc_records_page_open (from, "case-reviews", case_id, child);
}
