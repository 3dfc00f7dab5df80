/* scc-case-proceedings-page.c
 *
 * SccCaseProceedingsPage: see scc-case-proceedings-page.h; an
 * SccRecordsPage of the case's ScProceeding. The ground is a combo row
 * kept the same as the form's "ground" field both ways, shown for a
 * ceasing only; the titles of the other fields follow the kind chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-case-proceedings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-clock.h"
#include "scc-case-proceedings-page.h"
#include "scc-caseload-vm.h"
#include "scc-field-row.h"
#include "scc-offline-banner.h"
#include "scc-proceeding-form-vm.h"
#include "scc-user-button.h"

struct _SccCaseProceedingsPage
{
  SccRecordsPage parent_instance;

  /* Template widgets */
  SccFieldRow   *noted_row;
  SccFieldRow   *party_row;
  AdwComboRow   *ground_row;
  SccFieldRow   *notes_row;
};

G_DEFINE_FINAL_TYPE (SccCaseProceedingsPage, scc_case_proceedings_page, SCC_TYPE_RECORDS_PAGE)

/* The grounds' words, in sc_proceeding_grounds' order, after "not recorded" */
static const char *
ground_in_words (guint index)
{
  static const char * const words[] = {
    N_("No longer needed"),
    N_("Moved to another authority"),
    N_("In higher education"),
    N_("In paid employment"),
    N_("18 or over, left education"),
    N_("Reached 25"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (words) == SC_PROCEEDING_N_GROUNDS);
  return index < G_N_ELEMENTS (words) ? _(words[index]) : _("Not recorded");
}

/* @ground's place in sc_proceeding_grounds; past them for none */
static guint
ground_index (const char *ground)
{
  guint i;

  for (i = 0; sc_proceeding_grounds[i] != NULL; i++)
    if (g_strcmp0 (ground, sc_proceeding_grounds[i]) == 0)
      break;
  return i;
}

static const char *
kind_in_words (const char *kind)
{
  if (g_strcmp0 (kind, "amendment") == 0)
    return _("Amendment");
  if (g_strcmp0 (kind, "reassessment") == 0)
    return _("Reassessment");
  if (g_strcmp0 (kind, "ceasing") == 0)
    return _("Ceasing");
  return _("Transfer in");
}

static const char *
started_in_words (const char *kind)
{
  if (g_strcmp0 (kind, "amendment") == 0)
    return _("Amendment notice issued");
  if (g_strcmp0 (kind, "reassessment") == 0)
    return _("Reassessment requested");
  if (g_strcmp0 (kind, "ceasing") == 0)
    return _("Decided to cease the plan");
  return _("Plan transferred in");
}

static char *
step_in_words (const ScProceedingStep *step)
{
  g_autofree char *due = scc_case_format_day (step->due);

  if (step->completed_on != SC_DAY_NONE)
    {
      g_autofree char *done = scc_case_format_day (step->completed_on);

      return g_strdup_printf (_("Due %s; done %s"), due, done);
    }
  if (g_strcmp0 (step->status, "open") == 0)
    return g_strdup_printf (_("Open until %s"), due);
  if (g_strcmp0 (step->status, "closed") == 0)
    return g_strdup_printf (_("Ended %s"), due);
  if (g_strcmp0 (step->status, "overdue") == 0)
    return g_strdup_printf (_("Overdue since %s"), due);
  if (g_strcmp0 (step->status, "cancelled") == 0)
    return g_strdup_printf (_("Due %s; no longer needed"), due);
  return g_strdup_printf (_("Due %s"), due);
}

static GtkWidget *
proceeding_row_new (SccRecordsPage *page,
                    gconstpointer   record)
{
  const ScProceeding *proceeding = record;
  GtkWidget *row = adw_expander_row_new ();
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (row);
  g_autoptr(GPtrArray) warnings = sc_proceeding_dup_warnings (proceeding);
  g_autofree char *started = scc_case_format_day (proceeding->started_on);
  g_autofree char *subtitle = g_strdup_printf ("%s %s: %s", started_in_words (proceeding->kind), started,
                                               g_str_equal (sc_proceeding_get_status (proceeding), "open")
                                               ? _("open") : _("closed"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kind_in_words (proceeding->kind));
  adw_expander_row_set_subtitle (expander, subtitle);
  for (guint i = 0; i < proceeding->steps->len; i++)
    {
      const ScProceedingStep *step = g_ptr_array_index (proceeding->steps, i);
      g_autofree char *words = step_in_words (step);

      scc_records_page_add_fact (expander, sc_milestone_name_get_title (step->milestone), words, NULL);
    }
  if (proceeding->decision != NULL)
    scc_records_page_add_fact (expander, _("Decision"), g_str_equal (proceeding->decision, "reassess")
                                                        ? _("To reassess") : _("Not to reassess"), NULL);
  if (proceeding->last_review != SC_DAY_NONE)
    {
      g_autofree char *last = scc_case_format_day (proceeding->last_review);

      scc_records_page_add_fact (expander, _("Last review by the other authority"), last, NULL);
    }
  if (g_str_equal (proceeding->kind, "ceasing"))
    {
      g_autofree char *on = scc_records_page_day_or (proceeding->ended_on, "");
      g_autofree char *ended = NULL;

      if (g_strcmp0 (proceeding->ended_by, "plan_ceased") == 0)
        ended = g_strdup_printf (_("The plan ceased on %s"), on);
      else if (g_strcmp0 (proceeding->ended_by, "transfer_out") == 0)
        ended = g_strdup_printf (_("The plan moved to another authority on %s"), on);
      else if (g_strcmp0 (proceeding->ended_by, "tribunal_order") == 0)
        ended = g_strdup_printf (_("The Tribunal ordered the plan kept on %s"), on);
      else
        ended = g_strdup (_("Not yet: the plan is kept until it ceases"));
      scc_records_page_add_fact (expander, _("Ended"), ended, NULL);
      scc_records_page_add_fact (expander, _("Ground"), ground_in_words (ground_index (proceeding->ground)), NULL);
    }
  if (proceeding->party != NULL)
    scc_records_page_add_fact (expander, _("Who"), proceeding->party, NULL);
  if (proceeding->notes != NULL)
    scc_records_page_add_fact (expander, _("Notes"), proceeding->notes, NULL);
  scc_records_page_add_warnings (expander, warnings);
  return row;
}

static char *
proceeding_choice (gconstpointer record)
{
  const ScProceeding *proceeding = record;
  g_autofree char *started = scc_case_format_day (proceeding->started_on);

  return g_strdup_printf ("%s (%s)", kind_in_words (proceeding->kind), started);
}

static void
set_titles (SccCaseProceedingsPage *self,
            const char             *noted,
            const char             *party,
            const char             *notes)
{
  gtk_widget_set_visible (GTK_WIDGET (self->noted_row), noted != NULL);
  if (noted != NULL)
    g_object_set (self->noted_row, "title", noted, NULL);
  g_object_set (self->party_row, "title", party, NULL);
  g_object_set (self->notes_row, "title", notes, NULL);
}

static void
proceeding_chosen (SccRecordsPage *page,
                   gconstpointer   record)
{
  SccCaseProceedingsPage *self = SCC_CASE_PROCEEDINGS_PAGE (page);
  const ScProceeding *proceeding = record;
  const char *kind = proceeding != NULL ? proceeding->kind : "";

  gtk_widget_set_visible (GTK_WIDGET (self->ground_row), g_str_equal (kind, "ceasing"));
  if (g_str_equal (kind, "amendment"))
    set_titles (self, _("Comments _Received On (YYYY-MM-DD)"), _("Comments _From"), _("What the Comments _Said"));
  else if (g_str_equal (kind, "reassessment"))
    set_titles (self, NULL, _("Asked For _By"), _("_Reasons for the Decision"));
  else if (g_str_equal (kind, "ceasing"))
    set_titles (self, _("Decision _Notice Sent On (YYYY-MM-DD)"), _("Notice Sent _To"), _("_Reasons"));
  else
    set_titles (self, _("Plan _Received On (YYYY-MM-DD)"), _("Sending _Authority"), _("_Notes"));
}

static SccRecordFormVm *
form_new (SccApiClient *api_client)
{
  return SCC_RECORD_FORM_VM (scc_proceeding_form_vm_new (api_client));
}

static void
scc_case_proceedings_page_constructed (GObject *object)
{
  SccCaseProceedingsPage *self = (SccCaseProceedingsPage *)object;
  const char *values[SC_PROCEEDING_N_GROUNDS + 2] = { "" };
  const char *words[SC_PROCEEDING_N_GROUNDS + 2] = { _("Not recorded") };

  G_OBJECT_CLASS (scc_case_proceedings_page_parent_class)->constructed (object);

  for (guint i = 0; sc_proceeding_grounds[i] != NULL; i++)
    {
      values[i + 1] = sc_proceeding_grounds[i];
      words[i + 1] = ground_in_words (i);
    }
  scc_records_page_bind_choice (SCC_RECORDS_PAGE (self), self->ground_row, "ground", values, words);
  proceeding_chosen (SCC_RECORDS_PAGE (self), NULL);
}

static void
scc_case_proceedings_page_class_init (SccCaseProceedingsPageClass *klass)
{
  static const char * const named_children[] = {
    "window_title", "load_error_label", "form_group", "record_row", "records_group", "error_label",
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccRecordsPageClass *records_class = SCC_RECORDS_PAGE_CLASS (klass);

  object_class->constructed = scc_case_proceedings_page_constructed;

  scc_page_class_set_page_name (SCC_PAGE_CLASS (klass), "case-proceedings");
  records_class->form_new = form_new;
  records_class->row_new = proceeding_row_new;
  records_class->choice_text = proceeding_choice;
  records_class->record_chosen = proceeding_chosen;
  records_class->empty_title = _("None yet");
  records_class->empty_subtitle = _("An amendment notice, a request for a reassessment, a decision to cease or a "
                                    "transfer in, recorded on the case, starts one.");
  records_class->saved_toast = _("Saved");

  g_type_ensure (SCC_TYPE_FIELD_ROW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sendcase/Sendcase/ui/scc-case-proceedings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccCaseProceedingsPage, noted_row);
  gtk_widget_class_bind_template_child (widget_class, SccCaseProceedingsPage, party_row);
  gtk_widget_class_bind_template_child (widget_class, SccCaseProceedingsPage, ground_row);
  gtk_widget_class_bind_template_child (widget_class, SccCaseProceedingsPage, notes_row);
  /* By name: for the page's base, and for tests and tools (gtk_widget_get_template_child). */
  for (guint i = 0; i < G_N_ELEMENTS (named_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, named_children[i], FALSE, 0);
}

static void
scc_case_proceedings_page_init (SccCaseProceedingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
scc_case_proceedings_page_open (GtkWidget  *from,
                                gint64      case_id,
                                const char *child)
{
  scc_records_page_open (from, "case-proceedings", case_id, child);
}
