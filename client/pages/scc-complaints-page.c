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

/* No category until one is chosen: a complaint is never filed as a delay
 * because nobody changed the first choice */
static const char * const category_values[] = {
  "", "delay", "plan_content", "communication", "provision_not_delivered", "other", NULL
};
static const char * const category_words[] = {
  N_("Choose one"), N_("Delay"), N_("What the plan says"), N_("Communication"), N_("Provision not delivered"), N_("Something else"),
  NULL
};
static const char * const channel_values[] = { "", "email", "letter", "phone", "in_person", "online", "other", NULL };
static const char * const channel_words[] = {
  N_("Not recorded"), N_("Email"), N_("Letter"), N_("Telephone"), N_("In person"), N_("Online form"), N_("Other"), NULL
};
static const char * const outcome_values[] = { "", "upheld", "partly_upheld", "not_upheld", NULL };
static const char * const outcome_words[] = {
  N_("Not answered yet"), N_("Upheld"), N_("Partly upheld"), N_("Not upheld"), NULL
};
static const char * const decision_values[] = {
  "", "upheld", "partly_upheld", "not_upheld", "not_investigated", NULL
};
static const char * const decision_words[] = {
  N_("Not decided yet"), N_("Upheld"), N_("Partly upheld"), N_("Not upheld"), N_("Not investigated"), NULL
};
static const char * const stage_values[] = { "1", "2", NULL };
static const char * const stage_words[] = { N_("Stage 1"), N_("Stage 2 (stage 1 was heard before)"), NULL };

/* "C-2026-0042: Rhea Patel" or "…: about the service" */
static char *
complaint_title (const ScComplaint *complaint)
{
  if (complaint->case_id > 0)
    return g_strdup_printf (_("%s: %s %s"), complaint->reference,
                            complaint->given_name != NULL ? complaint->given_name : "",
                            complaint->family_name != NULL ? complaint->family_name : "");
  return g_strdup_printf (_("%s: about the service"), complaint->reference);
}

/* What is due next, in words */
static char *
complaint_next (const ScComplaint *complaint)
{
  const ScComplaintStage *stage = g_ptr_array_index (complaint->stages, complaint->stages->len - 1);
  g_autofree char *due = NULL;

  if (g_strcmp0 (complaint->status, "closed") == 0)
    return g_strdup (_("Closed"));
  if (stage->responded_on == SC_DAY_NONE && stage->acknowledged_on == SC_DAY_NONE)
    {
      due = scc_case_format_day (stage->acknowledgement_due);
      return g_strdup_printf (_("Stage %d: acknowledge by %s"), stage->number, due);
    }
  if (stage->responded_on == SC_DAY_NONE)
    {
      due = scc_case_format_day (stage->response_due);
      return g_strdup_printf (_("Stage %d: answer by %s"), stage->number, due);
    }
  if (complaint->ombudsman != NULL && complaint->ombudsman->decided_on == SC_DAY_NONE)
    return g_strdup (_("With the Ombudsman"));
  due = scc_case_format_day (complaint->next_due);
  return g_strdup_printf (_("The Ombudsman’s remedy is due by %s"), due);
}

static GtkWidget *
complaint_row_new (SccRecordsPage *page,
                   gconstpointer   record)
{
  const ScComplaint *complaint = record;
  GtkWidget *row = adw_expander_row_new ();
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (row);
  g_autofree char *title = complaint_title (complaint);
  g_autofree char *next = complaint_next (complaint);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", scc_records_page_word_of (category_values, category_words,
                                                                    complaint->category), next);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (expander, subtitle);
  scc_records_page_add_fact (expander, _("Complainant"),
                             complaint->complainant != NULL ? complaint->complainant : _("Not recorded"), NULL);
  scc_records_page_add_fact (expander, _("How it came"),
                             complaint->channel != NULL
                             ? scc_records_page_word_of (channel_values, channel_words, complaint->channel)
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
                                                     scc_records_page_word_of (outcome_values, outcome_words, stage->outcome),
                                                     stage->remedy)
                                  : g_strdup (scc_records_page_word_of (outcome_values, outcome_words, stage->outcome));

          scc_records_page_add_fact (expander, _("Outcome"), fact, NULL);
        }
    }
  if (complaint->ombudsman != NULL)
    {
      const ScComplaintOmbudsman *o = complaint->ombudsman;
      g_autofree char *referred = scc_case_format_day (o->referred_on);
      g_autofree char *decided = scc_records_page_day_or (o->decided_on, _("not yet"));
      g_autofree char *fact = g_strdup_printf (_("Referred %s; decided %s: %s"), referred, decided,
                                               o->decision != NULL ? scc_records_page_word_of (decision_values, decision_words, o->decision) : "—");

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

  return complaint_title (complaint);
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
    g_autofree const char **categories = scc_records_page_translate (category_words);
    g_autofree const char **channels = scc_records_page_translate (channel_words);
    g_autofree const char **stages = scc_records_page_translate (stage_words);
    g_autofree const char **outcomes = scc_records_page_translate (outcome_words);
    g_autofree const char **decisions = scc_records_page_translate (decision_words);

    scc_records_page_bind_form_choice (SCC_FORM_VM (self->log), self->category_row, "category", category_values,
                                       categories);
    scc_records_page_bind_form_choice (SCC_FORM_VM (self->log), self->channel_row, "channel", channel_values,
                                       channels);
    scc_records_page_bind_form_choice (SCC_FORM_VM (self->log), self->stage_row, "stage", stage_values, stages);
    scc_records_page_bind_choice (page, self->outcome_row, "outcome", outcome_values, outcomes);
    scc_records_page_bind_choice (page, self->ombudsman_decision_row, "ombudsman_decision", decision_values,
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
  records_class->empty_title = _("No complaints");
  records_class->empty_subtitle = _("A complaint logged here is listed with its deadlines.");
  records_class->saved_toast = _("The complaint has been saved");
  records_class->record_roles = (1u << SC_ROLE_ADMIN_OFFICER) | (1u << SC_ROLE_TEAM_MANAGER);
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
