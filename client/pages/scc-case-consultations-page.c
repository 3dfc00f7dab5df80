/* scc-case-consultations-page.c
 *
 * SccCaseConsultationsPage: see scc-case-consultations-page.h; an
 * SccRecordsPage of the case's ScConsultation, with a second form,
 * SccConsultFormVm ("consult.*"), over the directory's search
 * (SccInstitutionListVm, open ones only, a short page). The answer and who
 * made a new offer are combo rows kept as the form's fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-case-consultations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-case-consultations-page.h"
#include "scc-caseload-vm.h"
#include "scc-consultation-form-vm.h"
#include "scc-field-row.h"
#include "scc-institution-list-vm.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

/* How many of the directory's matches are offered */
#define RESULTS_SHOWN 6

struct _SccCaseConsultationsPage
{
  SccRecordsPage        parent_instance;

  /* Owned */
  SccConsultFormVm     *consult_form;
  SccInstitutionListVm *directory;
  GCancellable         *acting;
  gboolean              chased;       /* what acting does: chase, or withdraw */

  /* Template widgets */
  AdwPreferencesGroup  *consult_group;
  AdwPreferencesGroup  *form_group;
  AdwPreferencesGroup  *offer_group;
  AdwPreferencesGroup  *agreed_group;
  GtkSearchEntry       *search_entry;
  GtkListBox           *results_list;
  GtkLabel             *chosen_label;
  GtkLabel             *urn_error_label;
  SccFieldRow          *sent_row;
  AdwComboRow          *outcome_row;
  AdwComboRow          *offer_by_row;
  GtkButton            *chase_button;
  GtkButton            *withdraw_button;
};

G_DEFINE_FINAL_TYPE (SccCaseConsultationsPage, scc_case_consultations_page, SCC_TYPE_RECORDS_PAGE)

enum {
  PROP_0,
  PROP_CONSULT_FORM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
outcome_in_words (const char *outcome)
{
  if (g_strcmp0 (outcome, "can_meet_needs") == 0)
    return _("Can meet the needs");
  if (g_strcmp0 (outcome, "cannot_meet_needs") == 0)
    return _("Cannot meet the needs");
  if (g_strcmp0 (outcome, "can_meet_with_conditions") == 0)
    return _("Can meet them with conditions");
  return _("Not recorded");
}

static const char *
status_in_words (const char *status)
{
  if (g_strcmp0 (status, "awaiting") == 0)
    return _("awaiting the answer");
  if (g_strcmp0 (status, "overdue") == 0)
    return _("overdue");
  if (g_strcmp0 (status, "answered") == 0)
    return _("answered");
  return _("withdrawn");
}

static char *
institution_name (const ScConsultation *consultation)
{
  if (consultation->institution_name != NULL)
    return g_strdup (consultation->institution_name);
  return g_strdup_printf (_("URN %" G_GINT64_FORMAT " (not in the directory)"), consultation->urn);
}

/* "Band C, £14,500.00", "Band C", "£14,500.00", or NULL */
static char *
funding_in_words (const char *band,
                  gint64      amount)
{
  g_autofree char *money = sc_amount_format (amount);

  if (band != NULL && amount != SC_AMOUNT_NONE)
    return g_strdup_printf (_("Band %s, %s a year"), band, money);
  if (band != NULL)
    return g_strdup_printf (_("Band %s"), band);
  if (amount != SC_AMOUNT_NONE)
    return g_strdup_printf (_("%s a year"), money);
  return NULL;
}

static void
add_day_fact (AdwExpanderRow *expander,
              const char     *title,
              ScDay           day)
{
  g_autofree char *text = NULL;

  if (day == SC_DAY_NONE)
    return;
  text = scc_case_format_day (day);
  scc_records_page_add_fact (expander, title, text, NULL);
}

static GtkWidget *
consultation_row_new (SccRecordsPage *page,
                      gconstpointer   record)
{
  const ScConsultation *consultation = record;
  GtkWidget *row = adw_expander_row_new ();
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (row);
  g_autoptr(GPtrArray) warnings = sc_consultation_dup_warnings (consultation);
  g_autofree char *name = institution_name (consultation);
  g_autofree char *sent = scc_case_format_day (consultation->sent_on);
  g_autofree char *due = scc_case_format_day (consultation->due);
  g_autofree char *subtitle = g_strdup_printf (_("Sent %s, the answer due %s: %s"), sent, due,
                                               status_in_words (consultation->status));
  g_autofree char *asked = funding_in_words (consultation->band_asked, consultation->amount_asked);
  g_autofree char *agreed = funding_in_words (consultation->band_agreed, consultation->amount_agreed);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (expander, subtitle);
  if (consultation->preference_rank > 0)
    {
      g_autofree char *rank = g_strdup_printf ("%d", consultation->preference_rank);

      scc_records_page_add_fact (expander, _("The family’s preference"), rank, NULL);
    }
  if (consultation->institution_status != NULL)
    scc_records_page_add_fact (expander, _("In the directory"), consultation->institution_status, NULL);
  add_day_fact (expander, _("Answered"), consultation->responded_on);
  add_day_fact (expander, _("Withdrawn"), consultation->withdrawn_on);
  if (consultation->outcome != NULL)
    scc_records_page_add_fact (expander, _("Answer"), outcome_in_words (consultation->outcome), NULL);
  if (consultation->reasons != NULL)
    scc_records_page_add_fact (expander, _("Reasons"), consultation->reasons, NULL);
  if (asked != NULL)
    scc_records_page_add_fact (expander, _("Funding asked for"), asked, NULL);
  for (guint i = 0; i < consultation->offers->len; i++)
    {
      const ScConsultationOffer *offer = g_ptr_array_index (consultation->offers, i);
      g_autofree char *on = scc_case_format_day (offer->made_on);
      g_autofree char *what = funding_in_words (offer->band, offer->amount);
      g_autofree char *text = g_strdup_printf ("%s: %s%s%s", on, what, offer->note != NULL ? "; " : "",
                                               offer->note != NULL ? offer->note : "");

      scc_records_page_add_fact (expander, g_str_equal (offer->made_by, "authority")
                                           ? _("Offer by the authority") : _("Offer by the institution"),
                                 text, NULL);
    }
  if (agreed != NULL)
    {
      g_autofree char *on = scc_case_format_day (consultation->agreed_on);
      g_autofree char *text = g_strdup_printf (_("%s, on %s"), agreed, on);

      scc_records_page_add_fact (expander, _("Agreed"), text, NULL);
    }
  for (guint i = 0; i < consultation->reminders->len; i++)
    add_day_fact (expander, _("Reminder sent"), g_array_index (consultation->reminders, ScDay, i));
  if (consultation->notes != NULL)
    scc_records_page_add_fact (expander, _("Notes"), consultation->notes, NULL);
  scc_records_page_add_warnings (expander, warnings);
  return row;
}

static char *
consultation_choice (gconstpointer record)
{
  const ScConsultation *consultation = record;
  g_autofree char *name = institution_name (consultation);
  g_autofree char *sent = scc_case_format_day (consultation->sent_on);

  return g_strdup_printf ("%s (%s)", name, sent);
}

static void
consultation_chosen (SccRecordsPage *page,
                     gconstpointer   record)
{
  SccCaseConsultationsPage *self = SCC_CASE_CONSULTATIONS_PAGE (page);
  const ScConsultation *consultation = record;
  gboolean waiting = consultation != NULL && (g_strcmp0 (consultation->status, "awaiting") == 0 ||
                                              g_strcmp0 (consultation->status, "overdue") == 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation.chase", waiting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation.withdraw", waiting);
}

static SccRecordFormVm *
form_new (SccApiClient *api_client)
{
  return SCC_RECORD_FORM_VM (scc_consultation_form_vm_new (api_client));
}

static SccRecordFormVm *
record_form (SccCaseConsultationsPage *self)
{
  return scc_records_page_get_view_model (SCC_RECORDS_PAGE (self));
}

/* --- consulting ------------------------------------------------------------ */

static GtkWidget *
result_row_new (gpointer item,
                gpointer user_data)
{
  SccInstitutionRow *institution = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *kind = NULL, *phase = NULL, *postcode = NULL, *subtitle = NULL;

  g_object_get (institution, "kind", &kind, "phase", &phase, "postcode", &postcode, NULL);
  subtitle = g_strdup_printf ("URN %" G_GINT64_FORMAT " · %s · %s · %s", scc_institution_row_get_urn (institution),
                              kind != NULL ? kind : "", phase != NULL ? phase : "", postcode != NULL ? postcode : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), scc_institution_row_get_name (institution));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "institution", g_object_ref (institution), g_object_unref);
  return row;
}

static void
choose (SccCaseConsultationsPage *self,
        SccInstitutionRow        *institution)
{
  g_autofree char *urn = g_strdup_printf ("%" G_GINT64_FORMAT, scc_institution_row_get_urn (institution));
  g_autofree char *chosen = g_strdup_printf (_("Chosen: %s, URN %s"), scc_institution_row_get_name (institution),
                                             urn);

  scc_form_vm_set_value (SCC_FORM_VM (self->consult_form), "urn", urn);
  gtk_label_set_text (self->chosen_label, chosen);
  gtk_widget_grab_focus (GTK_WIDGET (self->sent_row));
}

static void
on_result_activated_cb (SccCaseConsultationsPage *self,
                        GtkListBoxRow            *row)
{
  choose (self, g_object_get_data (G_OBJECT (row), "institution"));
}

static void
on_search_changed_cb (SccCaseConsultationsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  SccListVm *directory = SCC_LIST_VM (self->directory);

  if (text[0] == '\0')
    scc_list_vm_clear (directory);
  else if (!scc_list_vm_get_loaded (directory) && !scc_list_vm_get_loading (directory))
    {
      /* the first search: nothing is listed until something is typed */
      scc_list_vm_set_query (directory, text);
      scc_list_vm_reload (directory);
    }
  else
    scc_list_vm_set_query_typed (directory, text);
}

/* Enter in the search: the first found */
static void
on_search_activate_cb (SccCaseConsultationsPage *self)
{
  g_autoptr(SccInstitutionRow) first = g_list_model_get_item (G_LIST_MODEL (self->directory), 0);

  if (first != NULL)
    choose (self, first);
}

static void
on_urn_error_cb (SccCaseConsultationsPage *self)
{
  const char *error = scc_form_vm_get_field_error (SCC_FORM_VM (self->consult_form), "urn");

  gtk_label_set_text (self->urn_error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->urn_error_label), error != NULL);
}

static void
on_sent_cb (SccCaseConsultationsPage *self)
{
  SccRecordFormVm *form = record_form (self);

  gtk_label_set_text (self->chosen_label, _("None chosen yet."));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  scc_page_show_toast (SCC_PAGE (self), _("Consultation sent"), NULL, NULL);
  scc_record_form_vm_load (form, scc_record_form_vm_get_case_id (form));
}

static void
on_records_cb (SccCaseConsultationsPage *self)
{
  scc_consult_form_vm_set_case (self->consult_form, scc_record_form_vm_get_case_id (record_form (self)));
}

static void
update_consult_shown (SccCaseConsultationsPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->consult_group), scc_records_page_may_record (SCC_RECORDS_PAGE (self)));
}

/* --- chasing and withdrawing ----------------------------------------------- */

static void
acted_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SccCaseConsultationsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!scc_consultation_form_vm_act_finish (SCC_CONSULTATION_FORM_VM (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        scc_page_show_toast (SCC_PAGE (self), error->message, NULL, NULL);
      return;
    }
  scc_page_show_toast (SCC_PAGE (self), self->chased ? _("Reminder recorded") : _("Consultation withdrawn"), NULL,
                       NULL);
}

static void
act (SccCaseConsultationsPage *self,
     SccConsultationAct        what)
{
  g_cancellable_cancel (self->acting);
  g_clear_object (&self->acting);
  self->acting = g_cancellable_new ();
  self->chased = what == SCC_CONSULTATION_CHASE;
  scc_consultation_form_vm_act_async (SCC_CONSULTATION_FORM_VM (record_form (self)), what, self->acting, acted_cb,
                                      g_object_ref (self));
}

static void
consultation_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  act (SCC_CASE_CONSULTATIONS_PAGE (widget), g_str_equal (action_name, "consultation.chase")
                                             ? SCC_CONSULTATION_CHASE : SCC_CONSULTATION_WITHDRAW);
}

/* --- the page -------------------------------------------------------------- */

static void
scc_case_consultations_page_clear (SccPage *page)
{
  SccCaseConsultationsPage *self = SCC_CASE_CONSULTATIONS_PAGE (page);

  g_cancellable_cancel (self->acting);
  g_clear_object (&self->acting);
  SCC_PAGE_CLASS (scc_case_consultations_page_parent_class)->clear (page);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_label_set_text (self->chosen_label, _("None chosen yet."));
}

static void
scc_case_consultations_page_constructed (GObject *object)
{
  SccCaseConsultationsPage *self = (SccCaseConsultationsPage *)object;
  SccApiClient *api_client;
  const char * const outcome_values[] = { "", "can_meet_needs", "cannot_meet_needs", "can_meet_with_conditions",
                                          NULL };
  const char * const outcome_words[] = { _("Not recorded"), _("Can meet the needs"), _("Cannot meet the needs"),
                                         _("Can meet them with conditions"), NULL };
  const char * const by_values[] = { "", "institution", "authority", NULL };
  const char * const by_words[] = { _("No new offer"), _("The institution"), _("The authority"), NULL };

  G_OBJECT_CLASS (scc_case_consultations_page_parent_class)->constructed (object);

  api_client = scc_page_get_api_client (SCC_PAGE (self));
  self->consult_form = scc_consult_form_vm_new (api_client);
  scc_page_add_form (SCC_PAGE (self), "consult", SCC_FORM_VM (self->consult_form));
  g_object_notify_by_pspec (object, properties[PROP_CONSULT_FORM]);
  self->directory = scc_institution_list_vm_new (api_client);
  scc_list_vm_set_page_size (SCC_LIST_VM (self->directory), RESULTS_SHOWN);
  gtk_list_box_bind_model (self->results_list, G_LIST_MODEL (self->directory), result_row_new, NULL, NULL);

  scc_records_page_bind_choice (SCC_RECORDS_PAGE (self), self->outcome_row, "outcome", outcome_values,
                                outcome_words);
  scc_records_page_bind_choice (SCC_RECORDS_PAGE (self), self->offer_by_row, "offer_made_by", by_values, by_words);
  /* the form's three parts are shown together */
  g_object_bind_property (self->form_group, "visible", self->offer_group, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->form_group, "visible", self->agreed_group, "visible", G_BINDING_SYNC_CREATE);
  /* who may record may consult, before there is anything to record on */
  g_signal_connect (self, "notify::user", G_CALLBACK (update_consult_shown), NULL);
  update_consult_shown (self);

  g_signal_connect_object (self->search_entry, "changed", G_CALLBACK (on_search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results_list, "row-activated", G_CALLBACK (on_result_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (scc_form_vm_lookup_field (SCC_FORM_VM (self->consult_form), "urn"), "notify::error",
                           G_CALLBACK (on_urn_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->consult_form, "succeeded", G_CALLBACK (on_sent_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (record_form (self), "notify::records", G_CALLBACK (on_records_cb), self,
                           G_CONNECT_SWAPPED);
  consultation_chosen (SCC_RECORDS_PAGE (self), NULL);
}

static void
scc_case_consultations_page_dispose (GObject *object)
{
  SccCaseConsultationsPage *self = (SccCaseConsultationsPage *)object;

  g_cancellable_cancel (self->acting);
  g_clear_object (&self->acting);
  if (self->results_list != NULL)
    gtk_list_box_bind_model (self->results_list, NULL, NULL, NULL, NULL);

  G_OBJECT_CLASS (scc_case_consultations_page_parent_class)->dispose (object);

  g_clear_object (&self->consult_form);
  g_clear_object (&self->directory);
}

static void
scc_case_consultations_page_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  SccCaseConsultationsPage *self = SCC_CASE_CONSULTATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONSULT_FORM:
      g_value_set_object (value, self->consult_form);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_case_consultations_page_class_init (SccCaseConsultationsPageClass *klass)
{
  static const char * const named_children[] = {
    "window_title", "load_error_label", "record_row", "records_group", "error_label", "rank_row", "responded_row",
    "reasons_row", "band_asked_row", "amount_asked_row", "offer_on_row", "offer_amount_row", "amount_agreed_row",
    "agreed_row",
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccRecordsPageClass *records_class = SCC_RECORDS_PAGE_CLASS (klass);

  object_class->constructed = scc_case_consultations_page_constructed;
  object_class->dispose = scc_case_consultations_page_dispose;
  object_class->get_property = scc_case_consultations_page_get_property;
  SCC_PAGE_CLASS (klass)->clear = scc_case_consultations_page_clear;

  properties[PROP_CONSULT_FORM] = g_param_spec_object ("consult-form", NULL, NULL, SCC_TYPE_CONSULT_FORM_VM,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  scc_page_class_set_page_name (SCC_PAGE_CLASS (klass), "case-consultations");
  records_class->form_new = form_new;
  records_class->row_new = consultation_row_new;
  records_class->choice_text = consultation_choice;
  records_class->record_chosen = consultation_chosen;
  records_class->empty_title = _("None yet");
  records_class->empty_subtitle = _("Consult a school or college above: the family’s preference first.");
  records_class->saved_toast = _("Saved");

  gtk_widget_class_install_action (widget_class, "consultation.chase", NULL, consultation_action);
  gtk_widget_class_install_action (widget_class, "consultation.withdraw", NULL, consultation_action);

  g_type_ensure (SCC_TYPE_FIELD_ROW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sendcase/Sendcase/ui/scc-case-consultations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccCaseConsultationsPage, consult_group);
  gtk_widget_class_bind_template_child (widget_class, SccCaseConsultationsPage, form_group);
  gtk_widget_class_bind_template_child (widget_class, SccCaseConsultationsPage, offer_group);
  gtk_widget_class_bind_template_child (widget_class, SccCaseConsultationsPage, agreed_group);
  gtk_widget_class_bind_template_child (widget_class, SccCaseConsultationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SccCaseConsultationsPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, SccCaseConsultationsPage, chosen_label);
  gtk_widget_class_bind_template_child (widget_class, SccCaseConsultationsPage, urn_error_label);
  gtk_widget_class_bind_template_child (widget_class, SccCaseConsultationsPage, sent_row);
  gtk_widget_class_bind_template_child (widget_class, SccCaseConsultationsPage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, SccCaseConsultationsPage, offer_by_row);
  gtk_widget_class_bind_template_child (widget_class, SccCaseConsultationsPage, chase_button);
  gtk_widget_class_bind_template_child (widget_class, SccCaseConsultationsPage, withdraw_button);
  /* By name: for the page's base, and for tests and tools (gtk_widget_get_template_child). */
  for (guint i = 0; i < G_N_ELEMENTS (named_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, named_children[i], FALSE, 0);
}

static void
scc_case_consultations_page_init (SccCaseConsultationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
scc_case_consultations_page_open (GtkWidget  *from,
                                  gint64      case_id,
                                  const char *child)
{
  scc_records_page_open (from, "case-consultations", case_id, child);
}
