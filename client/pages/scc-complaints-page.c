/* scc-complaints-page.c
 *
 * SccComplaintsPage: see scc-complaints-page.h. The log form is the
 * page's second form ("complaint.*"; Ctrl+Return logs); the children its
 * case field finds are rows under it (scc-case-finder-view.h), and a
 * complaint logged is read back into the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-complaints-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-case-finder-view.h"
#include "scc-caseload-vm.h"
#include "scc-dispute-words.h"
#include "scc-complaint-form-vm.h"
#include "scc-complaints-page.h"
#include "scc-field-row.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

struct _SccComplaintsPage
{
  SccRecordsPage     parent_instance;

  /* Owned */
  SccComplaintLogVm *log;

  /* Template widgets */
  AdwComboRow         *stage_row;
  AdwComboRow         *category_row;
  AdwComboRow         *channel_row;
  AdwComboRow         *outcome_row;
  AdwComboRow         *ombudsman_decision_row;
};

G_DEFINE_FINAL_TYPE (SccComplaintsPage, scc_complaints_page, SCC_TYPE_RECORDS_PAGE)

static GtkWidget *
complaint_row_new (SccRecordsPage *page,
                   gconstpointer   record)
{
  const ScComplaint *complaint = record;
  GtkWidget *row = adw_expander_row_new ();
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (row);
  g_autofree char *title = scc_complaint_dup_title (complaint);
  g_autofree char *next = scc_complaint_dup_next (complaint);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", scc_word_of (scc_complaint_category_values, scc_complaint_category_words,
                                                                    complaint->category), next);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (expander, subtitle);
  scc_records_page_add_fact (expander, _("Complainant"),
                             complaint->complainant != NULL ? complaint->complainant : _("Not recorded"), NULL);
  scc_records_page_add_fact (expander, _("How it came"),
                             complaint->channel != NULL
                             ? scc_word_of (scc_complaint_channel_values, scc_complaint_channel_words, complaint->channel)
                             : _("Not recorded"), NULL);
  for (guint i = 0; i < complaint->stages->len; i++)
    {
      const ScComplaintStage *stage = g_ptr_array_index (complaint->stages, i);
      g_autofree char *what = g_strdup_printf (_("Stage %d"), stage->number);
      g_autofree char *received = scc_case_format_day (stage->received_on);
      g_autofree char *ack_due = scc_case_format_day (stage->acknowledgement_due);
      g_autofree char *acknowledged = scc_records_page_day_or (stage->acknowledged_on, _("not yet"));
      g_autofree char *answer_due = scc_case_format_day (stage->response_due);
      g_autofree char *answered = scc_records_page_day_or (stage->responded_on, _("not yet"));
      g_autofree char *line = g_strdup_printf (_("Received %s; acknowledged %s (due %s); answered %s (due %s%s)"),
                                               received, acknowledged, ack_due, answered, answer_due,
                                               stage->extensions->len > 0 ? _(", extended") : "");

      scc_records_page_add_fact (expander, what, line, NULL);
      for (guint e = 0; e < stage->extensions->len; e++)
        {
          const ScComplaintExtension *extension = g_ptr_array_index (stage->extensions, e);
          g_autofree char *on = scc_case_format_day (extension->extended_on);
          g_autofree char *fact = g_strdup_printf (_("%s: %s"), on, extension->reason);

          scc_records_page_add_fact (expander, _("Extended"), fact, NULL);
        }
      if (stage->outcome != NULL)
        {
          g_autofree char *fact = stage->remedy != NULL
                                  ? g_strdup_printf (_("%s; remedy: %s"),
                                                     scc_word_of (scc_complaint_outcome_values, scc_complaint_outcome_words, stage->outcome),
                                                     stage->remedy)
                                  : g_strdup (scc_word_of (scc_complaint_outcome_values, scc_complaint_outcome_words, stage->outcome));

          scc_records_page_add_fact (expander, _("Outcome"), fact, NULL);
        }
    }
  if (complaint->ombudsman != NULL)
    {
      const ScComplaintOmbudsman *o = complaint->ombudsman;
      g_autofree char *referred = scc_case_format_day (o->referred_on);
      g_autofree char *decided = scc_records_page_day_or (o->decided_on, _("not yet"));
      g_autofree char *fact = g_strdup_printf (_("Referred %s; decided %s: %s"), referred, decided,
                                               o->decision != NULL ? scc_word_of (scc_complaint_decision_values, scc_complaint_decision_words, o->decision) : "—");

      scc_records_page_add_fact (expander, _("Ombudsman"), fact, NULL);
    }
  if (complaint->notes != NULL)
    scc_records_page_add_fact (expander, _("Notes"), complaint->notes, NULL);
  return row;
}

static char *
complaint_choice (gconstpointer record)
{
  const ScComplaint *complaint = record;

  return scc_complaint_dup_title (complaint);
}

static SccRecordFormVm *
form_new (SccApiClient *api_client)
{
  return SCC_RECORD_FORM_VM (scc_complaint_form_vm_new (api_client));
}

/* --- the log form -------------------------------------------------------- */

static void
on_logged_cb (SccComplaintsPage *self)
{
  const ScComplaint *logged = scc_complaint_log_vm_get_logged (self->log);
  const ScComplaintStage *first = logged != NULL ? g_ptr_array_index (logged->stages, 0) : NULL;
  g_autofree char *due = first != NULL ? scc_case_format_day (first->acknowledgement_due) : NULL;
  g_autofree char *toast = logged != NULL
                           ? g_strdup_printf (_("Complaint %s logged: acknowledge it by %s"), logged->reference, due)
                           : NULL;
  SccRecordFormVm *records = scc_records_page_get_view_model (SCC_RECORDS_PAGE (self));

  scc_page_show_toast (SCC_PAGE (self), toast, NULL, NULL);
  if (scc_record_form_vm_get_case_id (records) != 0)
    scc_record_form_vm_load (records, scc_record_form_vm_get_case_id (records));
}

static void
scc_complaints_page_constructed (GObject *object)
{
  SccComplaintsPage *self = SCC_COMPLAINTS_PAGE (object);
  SccRecordsPage *page = SCC_RECORDS_PAGE (object);

  G_OBJECT_CLASS (scc_complaints_page_parent_class)->constructed (object);

  self->log = scc_complaint_log_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_records_page_set_log_form (SCC_RECORDS_PAGE (self), "complaint", SCC_FORM_VM (self->log),
                                 scc_complaint_log_vm_get_finder (self->log));
  g_signal_connect_object (self->log, "succeeded", G_CALLBACK (on_logged_cb), self, G_CONNECT_SWAPPED);
  {
    g_autofree const char **categories = scc_words_translate (scc_complaint_category_words);
    g_autofree const char **channels = scc_words_translate (scc_complaint_channel_words);
    g_autofree const char **stages = scc_words_translate (scc_complaint_stage_words);
    g_autofree const char **outcomes = scc_words_translate (scc_complaint_outcome_words);
    g_autofree const char **decisions = scc_words_translate (scc_complaint_decision_words);

    scc_records_page_bind_form_choice (SCC_FORM_VM (self->log), self->category_row, "category", scc_complaint_category_values,
                                       categories);
    scc_records_page_bind_form_choice (SCC_FORM_VM (self->log), self->channel_row, "channel", scc_complaint_channel_values,
                                       channels);
    scc_records_page_bind_form_choice (SCC_FORM_VM (self->log), self->stage_row, "stage", scc_complaint_stage_values, stages);
    scc_records_page_bind_choice (page, self->outcome_row, "outcome", scc_complaint_outcome_values, outcomes);
    scc_records_page_bind_choice (page, self->ombudsman_decision_row, "ombudsman_decision", scc_complaint_decision_values,
                                  decisions);
  }
}

static void
scc_complaints_page_dispose (GObject *object)
{
  SccComplaintsPage *self = SCC_COMPLAINTS_PAGE (object);

  G_OBJECT_CLASS (scc_complaints_page_parent_class)->dispose (object);
  g_clear_object (&self->log);
}

static void
scc_complaints_page_class_init (SccComplaintsPageClass *klass)
{
  static const char * const named_children[] = {
    "window_title", "log_group", "case_row", "matches_box", "load_error_label", "form_group", "record_row",
    "records_group",
    "reference_row", "received_row", "complainant_row", "log_error_label", "log_button",
    "acknowledged_row", "extended_row", "reason_row", "responded_row", "remedy_row", "escalated_row", "notes_row",
    "ombudsman_reference_row", "ombudsman_referred_row", "ombudsman_decided_row", "ombudsman_remedy_row",
    "ombudsman_compliance_row", "ombudsman_complied_row", "error_label", "save_button",
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccRecordsPageClass *records_class = SCC_RECORDS_PAGE_CLASS (klass);

  object_class->constructed = scc_complaints_page_constructed;
  object_class->dispose = scc_complaints_page_dispose;

  scc_page_class_set_page_name (SCC_PAGE_CLASS (klass), "complaints");
  records_class->form_new = form_new;
  records_class->row_new = complaint_row_new;
  records_class->choice_text = complaint_choice;
  records_class->dispute_kind = "complaint";
  records_class->empty_title = _("No complaints");
  records_class->empty_subtitle = _("A complaint logged here is listed with its deadlines.");
  records_class->saved_toast = _("The complaint has been saved");
  records_class->record_roles = SCC_DISPUTE_RECORD_ROLES;
  records_class->team_subtitle = _("The team’s, by next deadline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "complaint.submit", NULL);

  g_type_ensure (SCC_TYPE_FIELD_ROW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-complaints-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccComplaintsPage, stage_row);
  gtk_widget_class_bind_template_child (widget_class, SccComplaintsPage, category_row);
  gtk_widget_class_bind_template_child (widget_class, SccComplaintsPage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, SccComplaintsPage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, SccComplaintsPage, ombudsman_decision_row);
  /* By name: for the page's base, and for tests and tools (gtk_widget_get_template_child). */
  for (guint i = 0; i < G_N_ELEMENTS (named_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, named_children[i], FALSE, 0);
}

static void
scc_complaints_page_init (SccComplaintsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
scc_complaints_page_open (GtkWidget  *from,
                          gint64      case_id,
                          const char *child)
{
  scc_records_page_open (from, "complaints", case_id, child);
}

SccComplaintLogVm *
scc_complaints_page_get_log_view_model (SccComplaintsPage *self)
{
  g_return_val_if_fail (SCC_IS_COMPLAINTS_PAGE (self), NULL);
  return self->log;
}
