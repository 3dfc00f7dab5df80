/* scc-appeals-page.c
 *
 * SccAppealsPage: see scc-appeals-page.h. The register form is the page's
 * second form ("appeal.*"; Ctrl+Return registers); the children its case
 * field finds are rows under it (scc-case-finder-view.h), and an appeal
 * registered is read back into the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-appeals-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-api-client-disputes.h"
#include "scc-appeal-form-vm.h"
#include "scc-appeals-page.h"
#include "scc-case-finder-view.h"
#include "scc-caseload-vm.h"
#include "scc-dispute-words.h"
#include "scc-field-row.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

struct _SccAppealsPage
{
  SccRecordsPage  parent_instance;

  /* Owned */
  SccRecordLogVm *log;

  /* Template widgets */
  AdwComboRow    *type_row;
  AdwComboRow    *outcome_row;
  AdwComboRow    *order_row;
};

G_DEFINE_FINAL_TYPE (SccAppealsPage, scc_appeals_page, SCC_TYPE_RECORDS_PAGE)


/* The register form: the daemon's reader, the API's call */
static const char * const log_members[] = { "reference", "appeal_type", "registered_on", "representatives", NULL };
static const SccRecordLogKind appeal_log = {
  .text_members = log_members,
  .today_member = "registered_on",
  .failure_text = N_("The appeal has not been registered"),
  .create_read = (gpointer) sc_appeal_create_read,
  .create_async = (gpointer) scc_api_client_create_appeal_async,
  .create_finish = (gpointer) scc_api_client_create_appeal_finish,
  .free = (GDestroyNotify) sc_appeal_free,
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
appeal_choice (gconstpointer record)
{
  return scc_appeal_dup_title (record);
}

static GtkWidget *
appeal_row_new (SccRecordsPage *page,
                gconstpointer   record)
{
  const ScAppeal *appeal = record;
  GtkWidget *row = adw_expander_row_new ();
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (row);
  g_autofree char *title = scc_appeal_dup_title (appeal);
  g_autofree char *next = scc_appeal_dup_next (appeal);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", scc_word_of (scc_appeal_type_values, scc_appeal_type_words,
                                                                                     appeal->appeal_type), next);
  g_autofree char *registered = scc_case_format_day (appeal->registered_on);
  g_autofree char *due = scc_case_format_day (appeal->response_due);
  g_autofree char *sent = scc_records_page_day_or (appeal->response_sent_on, _("not yet"));
  g_autofree char *response = g_strdup_printf (_("Due %s; lodged %s"), due, sent);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (expander, subtitle);
  scc_records_page_add_fact (expander, _("Registered"), registered, NULL);
  scc_records_page_add_fact (expander, _("The authority’s response"), response, NULL);
  add_day_fact (expander, _("Evidence due"), appeal->evidence_due);
  add_day_fact (expander, _("Hearing"), appeal->hearing_on);
  if (appeal->representatives != NULL)
    scc_records_page_add_fact (expander, _("Representatives"), appeal->representatives, NULL);
  if (appeal->outcome != NULL)
    {
      g_autofree char *decided = scc_case_format_day (appeal->decided_on);
      g_autofree char *fact = g_strdup_printf (_("%s on %s"), scc_word_of (scc_appeal_outcome_values, scc_appeal_outcome_words,
                                                                                          appeal->outcome), decided);

      scc_records_page_add_fact (expander, _("Outcome"), fact, NULL);
    }
  for (guint i = 0; i < appeal->orders->len; i++)
    {
      const ScAppealOrder *order = g_ptr_array_index (appeal->orders, i);
      g_autofree char *on = scc_case_format_day (order->ordered_on);
      g_autofree char *fact = g_strdup_printf (_("%s, ordered %s"), scc_word_of (scc_appeal_order_values,
                                                                                                scc_appeal_order_words,
                                                                                                order->order), on);

      scc_records_page_add_fact (expander, _("Order"), fact, NULL);
      for (guint d = 0; d < order->deadlines->len; d++)
        {
          const ScAppealDeadline *deadline = g_ptr_array_index (order->deadlines, d);
          g_autofree char *by = scc_case_format_day (deadline->due);
          g_autofree char *done = deadline->completed_on != SC_DAY_NONE
                                  ? scc_case_format_day (deadline->completed_on) : NULL;
          g_autofree char *line = done != NULL
                                  ? g_strdup_printf (_("By %s: %s on %s"), by,
                                                     scc_word_of (scc_appeal_status_values, scc_appeal_status_words,
                                                                               deadline->status), done)
                                  : g_strdup_printf (_("By %s: %s"), by,
                                                     scc_word_of (scc_appeal_status_values, scc_appeal_status_words,
                                                                               deadline->status));

          scc_records_page_add_fact (expander, scc_word_of (scc_appeal_deadline_values, scc_appeal_deadline_words,
                                                                         deadline->milestone),
                                     line, g_strcmp0 (deadline->status, "overdue") == 0
                                           ? "dialog-warning-symbolic" : NULL);
        }
    }
  if (appeal->notes != NULL)
    scc_records_page_add_fact (expander, _("Notes"), appeal->notes, NULL);
  return row;
}

static SccRecordFormVm *
form_new (SccApiClient *api_client)
{
  return SCC_RECORD_FORM_VM (scc_appeal_form_vm_new (api_client));
}

/* --- the register form ------------------------------------------------- */

static void
on_logged_cb (SccAppealsPage *self)
{
  const ScAppeal *logged = scc_record_log_vm_get_logged (self->log);
  g_autofree char *due = logged != NULL ? scc_case_format_day (logged->response_due) : NULL;
  g_autofree char *toast = logged != NULL
                           ? g_strdup_printf (_("Appeal %s registered: the response is due by %s"),
                                              logged->reference, due)
                           : NULL;
  SccRecordFormVm *records = scc_records_page_get_view_model (SCC_RECORDS_PAGE (self));

  scc_page_show_toast (SCC_PAGE (self), toast, NULL, NULL);
  if (scc_record_form_vm_get_case_id (records) != 0)
    scc_record_form_vm_load (records, scc_record_form_vm_get_case_id (records));
}

static void
scc_appeals_page_constructed (GObject *object)
{
  SccAppealsPage *self = SCC_APPEALS_PAGE (object);
  SccRecordsPage *page = SCC_RECORDS_PAGE (object);
  g_autofree const char **types = scc_words_translate (scc_appeal_type_words);
  g_autofree const char **outcomes = scc_words_translate (scc_appeal_outcome_words);
  g_autofree const char **orders = scc_words_translate (scc_appeal_order_words);

  G_OBJECT_CLASS (scc_appeals_page_parent_class)->constructed (object);

  self->log = scc_record_log_vm_new (scc_page_get_api_client (SCC_PAGE (self)), &appeal_log);
  scc_records_page_set_log_form (SCC_RECORDS_PAGE (self), "appeal", SCC_FORM_VM (self->log),
                                 scc_record_log_vm_get_finder (self->log));
  g_signal_connect_object (self->log, "succeeded", G_CALLBACK (on_logged_cb), self, G_CONNECT_SWAPPED);
  scc_records_page_bind_form_choice (SCC_FORM_VM (self->log), self->type_row, "appeal_type", scc_appeal_type_values, types);
  scc_records_page_bind_choice (page, self->outcome_row, "outcome", scc_appeal_outcome_values, outcomes);
  scc_records_page_bind_choice (page, self->order_row, "order", scc_appeal_order_values, orders);
}

static void
scc_appeals_page_dispose (GObject *object)
{
  SccAppealsPage *self = SCC_APPEALS_PAGE (object);

  G_OBJECT_CLASS (scc_appeals_page_parent_class)->dispose (object);
  g_clear_object (&self->log);
}

static void
scc_appeals_page_class_init (SccAppealsPageClass *klass)
{
  static const char * const named_children[] = {
    "window_title", "log_group", "case_row", "matches_box", "load_error_label", "form_group", "record_row",
    "records_group",
    "reference_row", "registered_row", "representatives_row", "log_error_label", "log_button",
    "sent_row", "evidence_row", "hearing_row", "change_representatives_row", "decided_row", "ordered_row", "notes_row",
    "error_label", "save_button",
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccRecordsPageClass *records_class = SCC_RECORDS_PAGE_CLASS (klass);

  object_class->constructed = scc_appeals_page_constructed;
  object_class->dispose = scc_appeals_page_dispose;

  scc_page_class_set_page_name (SCC_PAGE_CLASS (klass), "appeals");
  records_class->form_new = form_new;
  records_class->row_new = appeal_row_new;
  records_class->choice_text = appeal_choice;
  records_class->dispute_kind = "appeal";
  records_class->empty_title = _("No appeals");
  records_class->empty_subtitle = _("An appeal registered here is listed with its deadlines.");
  records_class->saved_toast = _("The appeal has been saved");
  records_class->record_roles = SCC_DISPUTE_RECORD_ROLES;
  records_class->team_subtitle = _("The team’s, by next deadline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "appeal.submit", NULL);

  g_type_ensure (SCC_TYPE_FIELD_ROW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-appeals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccAppealsPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, SccAppealsPage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, SccAppealsPage, order_row);
  /* By name: for the page's base, and for tests and tools (gtk_widget_get_template_child). */
  for (guint i = 0; i < G_N_ELEMENTS (named_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, named_children[i], FALSE, 0);
}

static void
scc_appeals_page_init (SccAppealsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
scc_appeals_page_open (GtkWidget  *from,
                       gint64      case_id,
                       const char *child)
{
  scc_records_page_open (from, "appeals", case_id, child);
}

SccRecordLogVm *
scc_appeals_page_get_log_view_model (SccAppealsPage *self)
{
  g_return_val_if_fail (SCC_IS_APPEALS_PAGE (self), NULL);
  return self->log;
}
