/* scc-case-page.c
 *
 * SccCasePage: see scc-case-page.h. Reading a case is three calls one
 * after the other (the case, its timeline, its events) under a cancellable
 * of their own, which a newer read or the page's going cancels; once all
 * three are in, the header, the form's steps, the timeline and the history
 * are built again from them. The rows are made here, not in the template:
 * there is one per milestone and per event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-case-rules.h"
#include "sc-problem.h"

#include "scc-appeals-page.h"
#include "scc-case-disputes-page.h"
#include "scc-case-export.h"
#include "scc-case-page.h"
#include "scc-case-consultations-page.h"
#include "scc-case-proceedings-page.h"
#include "scc-case-reviews-page.h"
#include "scc-caseload-vm.h"
#include "scc-complaints-page.h"
#include "scc-mediations-page.h"
#include "scc-field-row.h"
#include "scc-offline-banner.h"
#include "scc-plan-page.h"
#include "scc-user-button.h"

struct _SccCasePage
{
  SccPage              parent_instance;

  /* Owned */
  SccRecordEventVm    *view_model;
  GCancellable        *load_cancellable;
  gint64               case_id;
  ScCase              *kase;
  GPtrArray           *timeline;
  GPtrArray           *events;
  GPtrArray            *rows;     /* rows added to the groups below, to remove */
  gboolean             loading;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  GtkLabel            *load_error_label;
  GtkWidget           *handover_box;
  GtkLabel            *handover_title_label;
  GtkLabel            *handover_note_label;
  AdwPreferencesGroup *header_group;
  AdwPreferencesGroup *next_group;
  AdwPreferencesGroup *record_group;
  AdwComboRow         *step_row;
  GtkLabel            *type_error_label;
  SccFieldRow         *key_row;
  AdwPreferencesGroup *timeline_group;
  AdwPreferencesGroup *history_group;
  GtkWidget           *export_button;
};

enum {
  PROP_0,
  PROP_VIEW_MODEL,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccCasePage, scc_case_page, SCC_TYPE_PAGE)

static void
set_loading (SccCasePage *self,
             gboolean     loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
clear_rows (SccCasePage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
add_row (SccCasePage         *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
  return row;
}

/* A row that opens (Enter or Space) on @details, one line each: what a
 * step would do, or what a milestone is. */
static GtkWidget *
add_expander (SccCasePage         *self,
              AdwPreferencesGroup *group,
              const char          *title,
              const char          *subtitle,
              const char * const  *details)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle != NULL ? subtitle : "");
  for (guint i = 0; details[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (details[i]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
add_icon (GtkWidget  *row,
          const char *icon_name,
          const char *label)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), image);
  else
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
}

static const char *
status_title (ScMilestoneStatus status)
{
  switch (status)
    {
    case SC_STATUS_PENDING: return _("Pending");
    case SC_STATUS_OVERDUE: return _("Overdue");
    case SC_STATUS_MET: return _("Met");
    case SC_STATUS_LATE: return _("Met late");
    case SC_STATUS_EXCEPTED: return _("Excepted");
    case SC_STATUS_CANCELLED: return _("Cancelled");
    case SC_STATUS_OPEN: return _("Open");
    case SC_STATUS_CLOSED: return _("Closed");
    default: return "";
    }
}

/* The note of the last handover, who gave the case to whom and when. */
static void
build_handover (SccCasePage *self)
{
  const char *note = sc_case_get_handover_note (self->kase);
  const ScCaseUser *owner = sc_case_get_owner (self->kase);
  const ScCaseUser *by = sc_case_get_handed_over_by (self->kase);
  ScUser *user = scc_page_get_user (SCC_PAGE (self));
  gboolean mine = owner != NULL && user != NULL && owner->id == sc_user_get_id (user);
  g_autofree char *from = NULL;
  g_autofree char *title = NULL;

  gtk_widget_set_visible (self->handover_box, note != NULL && note[0] != '\0');
  if (note == NULL || note[0] == '\0')
    return;
  if (by != NULL && sc_case_get_handed_over_at (self->kase) != 0)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (sc_case_get_handed_over_at (self->kase) / G_USEC_PER_SEC);
      g_autofree char *day = g_date_time_format (at, "%-d %b %Y");

      /* Translators: "Handed over to you by Tom Reilly on 2 Dec 2026" */
      from = g_strdup_printf (_(" by %s on %s"), sc_case_user_get_name (by), day);
    }
  if (mine)
    title = g_strdup_printf (_("Handed over to you%s: read this first"), from != NULL ? from : "");
  else
    title = g_strdup_printf (_("Handed over to %s%s"), owner != NULL ? sc_case_user_get_name (owner) : "",
                             from != NULL ? from : "");
  gtk_label_set_label (self->handover_title_label, title);
  gtk_label_set_label (self->handover_note_label, note);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->handover_box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
build_header (SccCasePage *self,
              ScDay        today)
{
  const ScCasePerson *person = sc_case_get_person (self->kase);
  const ScCaseUser *owner = sc_case_get_owner (self->kase);
  g_autofree char *name = g_strdup_printf ("%s %s", person->given_name, person->family_name);
  g_autofree char *age = scc_case_format_age (person->date_of_birth, today);
  g_autofree char *born = NULL;
  g_autofree char *born_text = NULL;
  g_autofree char *next = NULL;
  ScDay day = SC_DAY_NONE;

  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, scc_case_stage_title (sc_case_get_stage_name (self->kase)));
  adw_preferences_group_set_title (self->header_group, name);
  build_handover (self);

  if (person->date_of_birth != NULL)
    sc_day_parse (person->date_of_birth, &day);
  born = scc_case_format_day (day);
  born_text = g_strdup_printf (_("%s (%s)"), born, age);
  add_row (self, self->header_group, _("Date of Birth"), born_text);
  add_row (self, self->header_group, _("UPN"), person->upn != NULL ? person->upn : _("Not known"));
  add_row (self, self->header_group, _("Stage"), scc_case_stage_title (sc_case_get_stage_name (self->kase)));
  add_row (self, self->header_group, _("Owner"),
           owner != NULL ? sc_case_user_get_name (owner) : "");
  if (sc_case_get_next_milestone (self->kase) != NULL && sc_case_get_next_due (self->kase) != NULL &&
      sc_day_parse (sc_case_get_next_due (self->kase), &day))
    {
      g_autofree char *due = scc_case_format_day (day);
      g_autofree char *left = scc_case_format_days_left (day, today);
      GtkWidget *row;

      next = g_strdup_printf (_("%s, due %s (%s)"), scc_case_milestone_title (sc_case_get_next_milestone (self->kase)),
                              due, left);
      row = add_row (self, self->header_group, _("Next Deadline"), next);
      if (day < today)
        add_icon (row, "dialog-warning-symbolic", _("Overdue"));
    }
  else
    add_row (self, self->header_group, _("Next Deadline"), _("None open"));
}

static void
build_steps (SccCasePage *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GPtrArray *steps = scc_record_event_vm_get_steps (self->view_model);

  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      g_autofree char *title = scc_case_step_dup_title (g_ptr_array_index (steps, i));

      gtk_string_list_append (titles, title);
    }
  adw_combo_row_set_model (self->step_row, G_LIST_MODEL (titles));
  gtk_widget_set_visible (GTK_WIDGET (self->record_group), steps != NULL && steps->len > 0);
  if (steps != NULL && steps->len > 0)
    adw_combo_row_set_selected (self->step_row, MAX (scc_record_event_vm_get_step (self->view_model), 0));
}

/* What comes next, in plain English: each step legal today, what it
 * means, each deadline it would start with the date it would set and its
 * rule, and why it is a step now. */
static void
build_next (SccCasePage *self)
{
  GPtrArray *steps = scc_record_event_vm_get_steps (self->view_model);

  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      const ScCaseStep *step = g_ptr_array_index (steps, i);
      g_autofree char *title = scc_case_step_dup_title (step);
      g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
      ScDay today = scc_case_today ();

      for (guint j = 0; step->meets != NULL && j < step->meets->len; j++)
        {
          const ScCaseStepMilestone *m = &g_array_index (step->meets, ScCaseStepMilestone, j);
          g_autofree char *due = scc_case_format_day (m->due);

          g_ptr_array_add (details, g_strdup_printf (m->due >= today ? _("Meets: %s, due %s: in time if recorded today.")
                                                                     : _("Meets: %s, due %s: late, but met."),
                                                     sc_milestone_id_get_title (m->id), due));
        }
      for (guint j = 0; step->starts != NULL && j < step->starts->len; j++)
        {
          const ScCaseStepMilestone *m = &g_array_index (step->starts, ScCaseStepMilestone, j);
          g_autofree char *due = scc_case_format_day (m->due);

          g_ptr_array_add (details, g_strdup_printf (_("Starts: %s, due %s if recorded today (%s). %s"),
                                                     sc_milestone_id_get_title (m->id), due, m->rule,
                                                     sc_milestone_explain (m->id)));
        }
      if (step->starts->len == 0)
        g_ptr_array_add (details, g_strdup (_("Starts no new deadline.")));
      if (step->rule != NULL)
        g_ptr_array_add (details, g_strdup_printf (_("Why it may be recorded now: %s"), step->rule));
      g_ptr_array_add (details, NULL);
      add_expander (self, self->next_group, title, step->meaning, (const char * const *) details->pdata);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->next_group), steps != NULL && steps->len > 0);
}

static void
build_timeline (SccCasePage *self)
{
  const SccTimelineEntry *next = NULL;

  for (guint i = 0; i < self->timeline->len; i++)
    {
      const SccTimelineEntry *entry = g_ptr_array_index (self->timeline, i);

      if (scc_timeline_entry_is_open (entry) && (next == NULL || entry->due < next->due))
        next = entry;
    }
  for (guint i = 0; i < self->timeline->len; i++)
    {
      const SccTimelineEntry *entry = g_ptr_array_index (self->timeline, i);
      g_autofree char *due = scc_case_format_day (entry->due);
      g_autofree char *key = entry->key != NULL ? g_strdelimit (g_strdup (entry->key), "_", ' ') : NULL;
      g_autofree char *title = key != NULL ? g_strdup_printf ("%s: %s", entry->title, key) : g_strdup (entry->title);
      g_autofree char *subtitle = g_strdup_printf (_("Due %s · %s · %s"), due, status_title (entry->status), entry->rule);
      const char *details[] = { sc_milestone_explain (entry->id), NULL };
      GtkWidget *row = add_expander (self, self->timeline_group, title, subtitle, details);

      if (entry->status == SC_STATUS_OVERDUE)
        add_icon (row, "dialog-warning-symbolic", _("Overdue"));
      else if (entry->status == SC_STATUS_MET || entry->status == SC_STATUS_LATE)
        add_icon (row, "object-select-symbolic", _("Met"));
      else if (scc_timeline_entry_is_open (entry))
        add_icon (row, "alarm-symbolic", _("Open"));
      if (entry == next)
        {
          GtkWidget *label = gtk_label_new (_("Next"));

          gtk_widget_add_css_class (label, "accent");
          gtk_widget_add_css_class (label, "heading");
          adw_expander_row_add_action (ADW_EXPANDER_ROW (row), label);
          gtk_widget_add_css_class (row, "next-milestone");
        }
    }
  if (self->timeline->len == 0)
    add_row (self, self->timeline_group, _("No milestones yet"), NULL);
}

static void
voided_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SccCasePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCaseEvent) event = scc_api_client_void_event_finish (SCC_API_CLIENT (object), result, &error);
  g_autofree char *toast = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (event == NULL)
    {
      const ScProblem *problem = sc_error_get_problem (error);
      const char *why = problem != NULL ? sc_problem_lookup_field (problem, "event") : NULL;

      if (why == NULL && problem != NULL)
        why = sc_problem_lookup_field (problem, "reason");
      toast = g_strdup_printf (_("Not voided: %s"), why != NULL ? why : error->message);
      scc_page_show_toast (SCC_PAGE (self), toast, NULL, NULL);
      return;
    }
  {
    g_autofree char *title = scc_event_type_dup_title (sc_case_event_get_clock_event (event)->type);

    toast = g_strdup_printf (_("Voided: %s"), title);
  }
  scc_page_show_toast (SCC_PAGE (self), toast, NULL, NULL);
  scc_case_page_reload (self);
}

/**
 * scc_case_page_void_event:
 * @reason: why, as the history will show it
 *
 * Voids the event @event_id of the case shown; the case is read again after.
 */
void
scc_case_page_void_event (SccCasePage *self,
                          gint64       event_id,
                          const char  *reason)
{
  g_return_if_fail (SCC_IS_CASE_PAGE (self));
  g_return_if_fail (reason != NULL);

  if (self->case_id <= 0)
    return;
  scc_api_client_void_event_async (scc_page_get_api_client (SCC_PAGE (self)), self->case_id, event_id, reason,
                                   scc_page_get_cancellable (SCC_PAGE (self)), voided_cb, g_object_ref (self));
}

static void
on_void_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SccCasePage      *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "reason-entry");
  gint64 event_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "event-id"));

  if (g_str_equal (response, "void"))
    scc_case_page_void_event (self, event_id, gtk_editable_get_text (entry));
}

static void
on_reason_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "void", text[0] != '\0');
}

static void
on_void_clicked_cb (GtkButton   *button,
                    SccCasePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *title = g_object_get_data (G_OBJECT (button), "event-title");
  g_autofree char *heading = g_strdup_printf (_("Void “%s”?"), title);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                              _("The event stays in the history, marked voided with your reason, "
                                                "and counts for nothing on the timeline from now on."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why (for example: recorded on the wrong case)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "void", _("_Void"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "void", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "void", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "void");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "reason-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "event-id", g_object_get_data (G_OBJECT (button), "event-id"));
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_void_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
build_history (SccCasePage *self)
{
  for (guint i = self->events->len; i > 0; i--)
    {
      ScCaseEvent *event = g_ptr_array_index (self->events, i - 1);
      const ScClockEvent *clock = sc_case_event_get_clock_event (event);
      const ScCaseUser *by = sc_case_event_get_recorded_by (event);
      g_autofree char *title = scc_event_type_dup_title (clock->type);
      g_autofree char *day = scc_case_format_day (clock->date);
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (sc_case_event_get_recorded_at (event) / G_USEC_PER_SEC);
      g_autofree char *when = at != NULL ? g_date_time_format (at, "%-d %b %Y %H:%M") : g_strdup ("");
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row;

      if (clock->key != NULL)
        {
          g_autofree char *key = g_strdelimit (g_strdup (clock->key), "_", ' ');
          g_autofree char *with_key = g_strdup_printf ("%s: %s", title, key);

          g_free (title);
          title = g_steal_pointer (&with_key);
        }
      g_string_append_printf (subtitle, _("%s · recorded by %s on %s"), day, by != NULL ? by->username : "?", when);
      if (sc_case_event_get_note (event) != NULL)
        g_string_append_printf (subtitle, "\n%s", sc_case_event_get_note (event));
      if (sc_case_event_is_voided (event))
        g_string_append_printf (subtitle, _("\nVoided: %s"), sc_case_event_get_void_reason (event));
      row = add_row (self, self->history_group, title, subtitle->str);
      if (sc_case_event_is_voided (event))
        add_icon (row, "edit-delete-symbolic", _("Voided"));
      else if (sc_case_event_get_position (event) > 1 && !sc_event_type_is_kept_by_record (clock->type))
        {
          /* (a dispute's step stays as its record holds it) */
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Void…"));
          g_autofree char *tooltip = g_strdup_printf (_("Void %s, recorded by mistake"), title);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, tooltip);
          g_object_set_data_full (G_OBJECT (button), "event-title", g_strdup (title), g_free);
          g_object_set_data (G_OBJECT (button), "event-id", GSIZE_TO_POINTER ((gsize) sc_case_event_get_id (event)));
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_void_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
    }
}

static void
rebuild (SccCasePage *self)
{
  ScDay today = scc_case_today ();

  clear_rows (self);
  build_header (self, today);
  scc_record_event_vm_set_case (self->view_model, self->kase, self->events, today);
  build_steps (self);
  build_next (self);
  build_timeline (self);
  build_history (self);
  gtk_stack_set_visible_child_name (self->stack, "case");
}

static void
load_failed (SccCasePage  *self,
             const GError *error)
{
  g_autofree char *text = g_strdup_printf (_("The case could not be read: %s"), error->message);

  gtk_label_set_text (self->load_error_label, text);
  gtk_stack_set_visible_child_name (self->stack, "error");
  set_loading (self, FALSE);
}

static void
events_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SccCasePage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *events = scc_api_client_list_events_finish (SCC_API_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (events == NULL)
    {
      load_failed (self, error);
      return;
    }
  g_clear_pointer (&self->events, g_ptr_array_unref);
  self->events = events;
  rebuild (self);
  set_loading (self, FALSE);
}

static void
timeline_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SccCasePage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *timeline = scc_api_client_get_timeline_finish (SCC_API_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (timeline == NULL)
    {
      load_failed (self, error);
      return;
    }
  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  self->timeline = timeline;
  scc_api_client_list_events_async (SCC_API_CLIENT (object), self->case_id, self->load_cancellable,
                                    events_cb, g_object_ref (self));
}

static void
case_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SccCasePage) self = user_data;
  g_autoptr(GError) error = NULL;
  ScCase *kase = scc_api_client_get_case_finish (SCC_API_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (kase == NULL)
    {
      load_failed (self, error);
      return;
    }
  g_clear_object (&self->kase);
  self->kase = kase;
  scc_api_client_get_timeline_async (SCC_API_CLIENT (object), self->case_id, self->load_cancellable,
                                     timeline_cb, g_object_ref (self));
}

void
scc_case_page_reload (SccCasePage *self)
{
  g_return_if_fail (SCC_IS_CASE_PAGE (self));

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->case_id <= 0)
    return;
  self->load_cancellable = g_cancellable_new ();
  if (self->kase == NULL || sc_case_get_id (self->kase) != self->case_id)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  set_loading (self, TRUE);
  scc_api_client_get_case_async (scc_page_get_api_client (SCC_PAGE (self)), self->case_id, self->load_cancellable,
                                 case_cb, g_object_ref (self));
}

static void
on_step_selected_cb (SccCasePage *self)
{
  guint selected = adw_combo_row_get_selected (self->step_row);
  GPtrArray *steps = scc_record_event_vm_get_steps (self->view_model);
  g_autofree char *description = NULL;

  if (steps == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= steps->len)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->step_row), "");
      return;
    }
  if ((int) selected != scc_record_event_vm_get_step (self->view_model))
    scc_record_event_vm_set_step (self->view_model, selected);
  description = scc_case_step_dup_description (g_ptr_array_index (steps, selected));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->step_row), description);
}

static void
on_needs_key_cb (SccCasePage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->key_row), scc_record_event_vm_get_needs_key (self->view_model));
}

static void
on_type_error_cb (SccCasePage  *self,
                  GParamSpec   *pspec,
                  SccFormField *field)
{
  const char *text = scc_form_field_get_error_text (field);

  gtk_label_set_text (self->type_error_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->type_error_label), text != NULL);
}

static void
on_recorded_cb (SccCasePage *self)
{
  ScCaseEvent *event = scc_record_event_vm_get_recorded (self->view_model);
  g_autofree char *title = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *day = NULL;

  if (event != NULL)
    {
      title = scc_event_type_dup_title (sc_case_event_get_clock_event (event)->type);
      day = scc_case_format_day (sc_case_event_get_clock_event (event)->date);
      toast = g_strdup_printf (_("Recorded: %s, %s"), title, day);
      scc_page_show_toast (SCC_PAGE (self), toast, NULL, NULL);
    }
  /* The note and key were for that event; the date goes back to today. */
  scc_form_vm_clear (SCC_FORM_VM (self->view_model));
  scc_case_page_reload (self);
}

static void
scc_case_page_shown (SccPage *page)
{
  SCC_PAGE_CLASS (scc_case_page_parent_class)->shown (page);
}

static void
scc_case_page_clear (SccPage *page)
{
  SccCasePage *self = SCC_CASE_PAGE (page);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  set_loading (self, FALSE);
  clear_rows (self);
  self->case_id = 0;
  g_clear_object (&self->kase);
  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  SCC_PAGE_CLASS (scc_case_page_parent_class)->clear (page);
}

/* Exporting is a case writer's (docs/access.md): shown to them only */
static void
update_export_shown (SccCasePage *self)
{
  ScUser *user = scc_page_get_user (SCC_PAGE (self));
  ScRole role = user != NULL ? sc_user_get_role (user) : SC_ROLE_NONE;

  gtk_widget_set_visible (self->export_button, role == SC_ROLE_CASEWORKER || role == SC_ROLE_TEAM_MANAGER);
}

static void
scc_case_page_constructed (GObject *object)
{
  SccCasePage *self = (SccCasePage *)object;

  self->view_model = scc_record_event_vm_new (scc_page_get_api_client (SCC_PAGE (self)));

  G_OBJECT_CLASS (scc_case_page_parent_class)->constructed (object);

  scc_page_add_form (SCC_PAGE (self), "case", SCC_FORM_VM (self->view_model));
  g_object_notify_by_pspec (object, properties[PROP_VIEW_MODEL]);
  g_signal_connect_object (self->view_model, "notify::needs-key", G_CALLBACK (on_needs_key_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_model, "succeeded", G_CALLBACK (on_recorded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scc_form_vm_lookup_field (SCC_FORM_VM (self->view_model), "type"), "notify::error",
                           G_CALLBACK (on_type_error_cb), self, G_CONNECT_SWAPPED);
  on_needs_key_cb (self);
  g_signal_connect (self, "notify::user", G_CALLBACK (update_export_shown), NULL);
  update_export_shown (self);
}

static void
scc_case_page_dispose (GObject *object)
{
  SccCasePage *self = (SccCasePage *)object;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_CASE_PAGE);

  G_OBJECT_CLASS (scc_case_page_parent_class)->dispose (object);

  g_clear_object (&self->kase);
  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_object (&self->view_model);
}

static void
scc_case_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SccCasePage *self = SCC_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW_MODEL:
      g_value_set_object (value, self->view_model);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The child's name, for the title of a page opened from the case */
static char *
dup_child_name (SccCasePage *self)
{
  const ScCasePerson *person = sc_case_get_person (self->kase);

  return g_strdup_printf ("%s %s", person->given_name, person->family_name);
}

/* case.open-plan, case.open-reviews, case.open-proceedings,
 * case.open-consultations, case.open-disputes, case.open-complaints,
 * case.open-appeals, case.open-mediations: the case's plan, reviews,
 * amendments and ceasing, consultations, disputes, complaints, tribunal
 * appeals or mediation, titled with the child */
static void
case_open_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SccCasePage *self = SCC_CASE_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->kase == NULL)
    return;
  name = dup_child_name (self);
  if (g_str_equal (action_name, "case.open-plan"))
    scc_plan_page_open (widget, self->case_id, name);
  else if (g_str_equal (action_name, "case.open-reviews"))
    scc_case_reviews_page_open (widget, self->case_id, name);
  else if (g_str_equal (action_name, "case.open-consultations"))
    scc_case_consultations_page_open (widget, self->case_id, name);
  else if (g_str_equal (action_name, "case.open-disputes"))
    scc_case_disputes_page_open (widget, self->case_id, name);
  else if (g_str_equal (action_name, "case.open-complaints"))
    scc_complaints_page_open (widget, self->case_id, name);
  else if (g_str_equal (action_name, "case.open-appeals"))
    scc_appeals_page_open (widget, self->case_id, name);
  else if (g_str_equal (action_name, "case.open-mediations"))
    scc_mediations_page_open (widget, self->case_id, name);
  else
    scc_case_proceedings_page_open (widget, self->case_id, name);
}

static void
case_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SccCasePage *self = SCC_CASE_PAGE (widget);

  if (self->kase != NULL)
    scc_case_export_choose (SCC_PAGE (self), self->case_id);
}

static void
scc_case_page_class_init (SccCasePageClass *klass)
{
  static const char * const named_children[] = { "date_row", "note_row", "record_button", "error_label" };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_case_page_constructed;
  object_class->dispose = scc_case_page_dispose;
  object_class->get_property = scc_case_page_get_property;
  page_class->shown = scc_case_page_shown;
  page_class->clear = scc_case_page_clear;

  scc_page_class_set_page_name (page_class, "case");

  properties[PROP_VIEW_MODEL] = g_param_spec_object ("view-model", NULL, NULL, SCC_TYPE_RECORD_EVENT_VM,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SCC_TYPE_FIELD_ROW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccCasePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, SccCasePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SccCasePage, load_error_label);
  gtk_widget_class_bind_template_child (widget_class, SccCasePage, header_group);
  gtk_widget_class_bind_template_child (widget_class, SccCasePage, next_group);
  gtk_widget_class_bind_template_child (widget_class, SccCasePage, handover_box);
  gtk_widget_class_bind_template_child (widget_class, SccCasePage, handover_title_label);
  gtk_widget_class_bind_template_child (widget_class, SccCasePage, handover_note_label);
  gtk_widget_class_bind_template_child (widget_class, SccCasePage, record_group);
  gtk_widget_class_bind_template_child (widget_class, SccCasePage, step_row);
  gtk_widget_class_bind_template_child (widget_class, SccCasePage, type_error_label);
  gtk_widget_class_bind_template_child (widget_class, SccCasePage, key_row);
  gtk_widget_class_bind_template_child (widget_class, SccCasePage, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, SccCasePage, history_group);
  gtk_widget_class_bind_template_child (widget_class, SccCasePage, export_button);
  for (guint i = 0; i < G_N_ELEMENTS (named_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, named_children[i], FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_step_selected_cb);
  gtk_widget_class_install_action (widget_class, "case.open-plan", NULL, case_open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_ALT_MASK, "case.open-plan", NULL);
  gtk_widget_class_install_action (widget_class, "case.open-reviews", NULL, case_open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_ALT_MASK, "case.open-reviews", NULL);
  gtk_widget_class_install_action (widget_class, "case.open-proceedings", NULL, case_open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_ALT_MASK, "case.open-proceedings", NULL);
  gtk_widget_class_install_action (widget_class, "case.open-consultations", NULL, case_open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_ALT_MASK, "case.open-consultations", NULL);
  gtk_widget_class_install_action (widget_class, "case.open-disputes", NULL, case_open_action);
  gtk_widget_class_install_action (widget_class, "case.open-complaints", NULL, case_open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_ALT_MASK, "case.open-complaints", NULL);
  gtk_widget_class_install_action (widget_class, "case.open-appeals", NULL, case_open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_ALT_MASK, "case.open-appeals", NULL);
  gtk_widget_class_install_action (widget_class, "case.open-mediations", NULL, case_open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_ALT_MASK, "case.open-mediations", NULL);
  gtk_widget_class_install_action (widget_class, "case.export", NULL, case_export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_ALT_MASK, "case.export", NULL);
}

static void
scc_case_page_init (SccCasePage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
scc_case_page_open (GtkWidget *from,
                    gint64     case_id)
{
  SccPage *page;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (case_id > 0);

  if (!SCC_IS_CASE_PAGE ((page = scc_page_find (from, "case"))))
    return;
  scc_case_page_set_case_id (SCC_CASE_PAGE (page), case_id);
  gtk_widget_activate_action (from, "win.open-page", "s", "case");
}

void
scc_case_page_set_case_id (SccCasePage *self,
                           gint64       case_id)
{
  g_return_if_fail (SCC_IS_CASE_PAGE (self));

  if (self->case_id != case_id)
    {
      scc_form_vm_clear (SCC_FORM_VM (self->view_model));
      clear_rows (self);
      g_clear_object (&self->kase);
    }
  self->case_id = case_id;
  scc_case_page_reload (self);
}

gint64
scc_case_page_get_case_id (SccCasePage *self)
{
  g_return_val_if_fail (SCC_IS_CASE_PAGE (self), 0);
  return self->case_id;
}

ScCase *
scc_case_page_get_case (SccCasePage *self)
{
  g_return_val_if_fail (SCC_IS_CASE_PAGE (self), NULL);
  return self->kase;
}

GPtrArray *
scc_case_page_get_timeline (SccCasePage *self)
{
  g_return_val_if_fail (SCC_IS_CASE_PAGE (self), NULL);
  return self->timeline;
}

GPtrArray *
scc_case_page_get_events (SccCasePage *self)
{
  g_return_val_if_fail (SCC_IS_CASE_PAGE (self), NULL);
  return self->events;
}

gboolean
scc_case_page_get_loading (SccCasePage *self)
{
  g_return_val_if_fail (SCC_IS_CASE_PAGE (self), FALSE);
  return self->loading;
}

SccRecordEventVm *
scc_case_page_get_view_model (SccCasePage *self)
{
  g_return_val_if_fail (SCC_IS_CASE_PAGE (self), NULL);
  return self->view_model;
}
