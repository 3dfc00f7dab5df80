/* scc-mediations-page.c
 *
 * SccMediationsPage: see scc-mediations-page.h. The request form is the
 * page's second form ("mediation.*"; Ctrl+Return records); the children
 * its case field finds are rows under it (scc-case-finder-view.h), and a
 * request recorded is read back into the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-mediations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-api-client-disputes.h"
#include "scc-case-finder-view.h"
#include "scc-caseload-vm.h"
#include "scc-dispute-words.h"
#include "scc-field-row.h"
#include "scc-mediation-form-vm.h"
#include "scc-mediations-page.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

struct _SccMediationsPage
{
  SccRecordsPage  parent_instance;

  /* Owned */
  SccRecordLogVm *log;

  /* Template widgets */
  AdwComboRow    *outcome_row;
  AdwComboRow    *done_agreement_row;
  GtkWidget      *done_group;
};

G_DEFINE_FINAL_TYPE (SccMediationsPage, scc_mediations_page, SCC_TYPE_RECORDS_PAGE)

/* The request form: the daemon's reader, the API's call */
static const char * const log_members[] = { "advice_requested_on", "provider", NULL };
static const SccRecordLogKind mediation_log = {
  .text_members = log_members,
  .today_member = "advice_requested_on",
  .failure_text = N_("The request has not been recorded"),
  .create_read = (gpointer) sc_mediation_create_read,
  .create_async = (gpointer) scc_api_client_create_mediation_async,
  .create_finish = (gpointer) scc_api_client_create_mediation_finish,
  .free = (GDestroyNotify) sc_mediation_free,
};


static void
add_day_fact (AdwExpanderRow *expander,
              const char     *title,
              ScDay           day)
{
  if (day != SC_DAY_NONE)
    {
      g_autofree char *text = scc_case_format_day (day);

      scc_records_page_add_fact (expander, title, text, NULL);
    }
}

static char *
mediation_choice (gconstpointer record)
{
  return scc_mediation_dup_title (record);
}

static GtkWidget *
mediation_row_new (SccRecordsPage *page,
                   gconstpointer   record)
{
  const ScMediation *mediation = record;
  GtkWidget *row = adw_expander_row_new ();
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (row);
  g_autofree char *title = scc_mediation_dup_title (mediation);
  g_autofree char *next = scc_mediation_dup_next (mediation);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (expander, next);
  add_day_fact (expander, _("Advice given"), mediation->advice_given_on);
  if (mediation->mediation_requested_on != SC_DAY_NONE)
    {
      g_autofree char *asked = scc_case_format_day (mediation->mediation_requested_on);
      g_autofree char *due = scc_case_format_day (mediation->mediation_due);
      g_autofree char *held = scc_records_page_day_or (mediation->held_on, _("not yet"));
      g_autofree char *fact = g_strdup_printf (_("Asked for %s, to be held by %s; held %s"), asked, due, held);

      scc_records_page_add_fact (expander, _("Mediation"), fact, NULL);
    }
  if (mediation->provider != NULL)
    scc_records_page_add_fact (expander, _("Provider"), mediation->provider, NULL);
  if (mediation->certificate_due != SC_DAY_NONE || mediation->certificate_issued_on != SC_DAY_NONE)
    {
      g_autofree char *due = scc_records_page_day_or (mediation->certificate_due, _("no date"));
      g_autofree char *issued = scc_records_page_day_or (mediation->certificate_issued_on, _("not yet"));
      g_autofree char *fact = g_strdup_printf (_("Due %s; issued %s"), due, issued);

      scc_records_page_add_fact (expander, _("Certificate"), fact, NULL);
    }
  if (mediation->outcome != NULL)
    scc_records_page_add_fact (expander, _("Outcome"),
                               scc_word_of (scc_mediation_outcome_values, scc_mediation_outcome_words, mediation->outcome), NULL);
  for (guint i = 0; i < mediation->agreements->len; i++)
    {
      const ScMediationAgreement *agreement = g_ptr_array_index (mediation->agreements, i);
      g_autofree char *due = scc_case_format_day (agreement->due_on);
      g_autofree char *done = scc_records_page_day_or (agreement->done_on, _("not yet"));
      g_autofree char *fact = g_strdup_printf (_("%s: by %s; done %s"), agreement->what, due, done);

      scc_records_page_add_fact (expander, _("Agreement"), fact, NULL);
    }
  if (mediation->notes != NULL)
    scc_records_page_add_fact (expander, _("Notes"), mediation->notes, NULL);
  return row;
}

/* The agreements still to be carried out, to choose which one was */
static void
mediation_chosen (SccRecordsPage *page,
                  gconstpointer   record)
{
  SccMediationsPage *self = SCC_MEDIATIONS_PAGE (page);
  const ScMediation *mediation = record;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; mediation != NULL && i < mediation->agreements->len; i++)
    {
      const ScMediationAgreement *agreement = g_ptr_array_index (mediation->agreements, i);
      g_autofree char *due = NULL;

      if (agreement->done_on != SC_DAY_NONE)
        continue;
      due = scc_case_format_day (agreement->due_on);
      g_ptr_array_add (values, g_strdup_printf ("%u", i));
      g_ptr_array_add (words, g_strdup_printf (_("%s (by %s)"), agreement->what, due));
    }
  gtk_widget_set_visible (self->done_group, values->len > 0);
  g_ptr_array_add (values, NULL);
  g_ptr_array_add (words, NULL);
  scc_records_page_bind_form_choice (SCC_FORM_VM (scc_records_page_get_view_model (page)), self->done_agreement_row,
                                     "done_agreement", (const char * const *) values->pdata,
                                     (const char * const *) words->pdata);
}

static SccRecordFormVm *
form_new (SccApiClient *api_client)
{
  return SCC_RECORD_FORM_VM (scc_mediation_form_vm_new (api_client));
}

/* --- the request form -------------------------------------------------- */

static void
on_logged_cb (SccMediationsPage *self)
{
  SccRecordFormVm *records = scc_records_page_get_view_model (SCC_RECORDS_PAGE (self));

  scc_page_show_toast (SCC_PAGE (self), _("The request for mediation advice has been recorded"), NULL, NULL);
  if (scc_record_form_vm_get_case_id (records) != 0)
    scc_record_form_vm_load (records, scc_record_form_vm_get_case_id (records));
}

static void
scc_mediations_page_constructed (GObject *object)
{
  SccMediationsPage *self = SCC_MEDIATIONS_PAGE (object);
  g_autofree const char **outcomes = scc_words_translate (scc_mediation_outcome_words);

  G_OBJECT_CLASS (scc_mediations_page_parent_class)->constructed (object);

  self->log = scc_record_log_vm_new (scc_page_get_api_client (SCC_PAGE (self)), &mediation_log);
  scc_records_page_set_log_form (SCC_RECORDS_PAGE (self), "mediation", SCC_FORM_VM (self->log),
                                 scc_record_log_vm_get_finder (self->log));
  g_signal_connect_object (self->log, "succeeded", G_CALLBACK (on_logged_cb), self, G_CONNECT_SWAPPED);
  scc_records_page_bind_choice (SCC_RECORDS_PAGE (self), self->outcome_row, "outcome", scc_mediation_outcome_values, outcomes);
}

static void
scc_mediations_page_dispose (GObject *object)
{
  SccMediationsPage *self = SCC_MEDIATIONS_PAGE (object);

  G_OBJECT_CLASS (scc_mediations_page_parent_class)->dispose (object);
  g_clear_object (&self->log);
}

static void
scc_mediations_page_class_init (SccMediationsPageClass *klass)
{
  static const char * const named_children[] = {
    "window_title", "log_group", "case_row", "matches_box", "load_error_label", "form_group", "record_row",
    "records_group",
    "advice_requested_row", "log_provider_row", "log_error_label", "log_button",
    "given_row", "requested_row", "provider_row", "held_row", "certificate_row", "agreement_row",
    "agreement_due_row", "agreement_done_row", "notes_row", "error_label", "save_button",
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccRecordsPageClass *records_class = SCC_RECORDS_PAGE_CLASS (klass);

  object_class->constructed = scc_mediations_page_constructed;
  object_class->dispose = scc_mediations_page_dispose;

  scc_page_class_set_page_name (SCC_PAGE_CLASS (klass), "mediations");
  records_class->form_new = form_new;
  records_class->row_new = mediation_row_new;
  records_class->choice_text = mediation_choice;
  records_class->dispute_kind = "mediation";
  records_class->record_chosen = mediation_chosen;
  records_class->empty_title = _("No mediation");
  records_class->empty_subtitle = _("A request for mediation advice recorded here is listed with its deadlines.");
  records_class->saved_toast = _("The mediation has been saved");
  records_class->record_roles = SCC_DISPUTE_RECORD_ROLES;
  records_class->team_subtitle = _("The team’s, by next deadline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "mediation.submit", NULL);

  g_type_ensure (SCC_TYPE_FIELD_ROW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-mediations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccMediationsPage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, SccMediationsPage, done_agreement_row);
  gtk_widget_class_bind_template_child (widget_class, SccMediationsPage, done_group);
  /* By name: for the page's base, and for tests and tools (gtk_widget_get_template_child). */
  for (guint i = 0; i < G_N_ELEMENTS (named_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, named_children[i], FALSE, 0);
}

static void
scc_mediations_page_init (SccMediationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
scc_mediations_page_open (GtkWidget  *from,
                          gint64      case_id,
                          const char *child)
{
  scc_records_page_open (from, "mediations", case_id, child);
}

SccRecordLogVm *
scc_mediations_page_get_log_view_model (SccMediationsPage *self)
{
  g_return_val_if_fail (SCC_IS_MEDIATIONS_PAGE (self), NULL);
  return self->log;
}
