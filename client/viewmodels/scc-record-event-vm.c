/* scc-record-event-vm.c
 *
 * SccRecordEventVm: see scc-record-event-vm.h. The steps are worked out
 * once per scc_record_event_vm_set_case, for the day given; submitting
 * sends the chosen step's event with the date and key as typed, so what
 * the server checks is exactly what was offered, moved to that date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-record-event-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-calendar.h"

#include "scc-api-client-cases.h"
#include "scc-caseload-vm.h"
#include "scc-record-event-vm.h"

struct _SccRecordEventVm
{
  SccFormVm     parent_instance;

  gint64        case_id;
  GPtrArray    *steps;     /* ScCaseStep */
  int           step;
  ScCaseEvent  *recorded;
  ScDay         today;

  /* Borrowed: owned by the form */
  SccFormField *type;
  SccFormField *date;
  SccFormField *key;
  SccFormField *note;
};

enum {
  PROP_0,
  PROP_STEP,
  PROP_NEEDS_KEY,
  PROP_STEPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccRecordEventVm, scc_record_event_vm, SCC_TYPE_FORM_VM)

char *
scc_event_type_dup_title (ScEventType type)
{
  char *title = g_strdup (sc_event_type_to_string (type));

  g_strdelimit (title, "_", ' ');
  if (title[0] != '\0')
    title[0] = g_ascii_toupper (title[0]);
  return title;
}

static char *
humanise (const char *text)
{
  char *out = g_strdup (text != NULL ? text : "");

  g_strdelimit (out, "_", ' ');
  return out;
}

char *
scc_case_step_dup_title (const ScCaseStep *step)
{
  g_autofree char *title = scc_event_type_dup_title (step->event.type);
  g_autofree char *detail = NULL;

  g_return_val_if_fail (step != NULL, NULL);

  if (step->event.key != NULL)
    detail = humanise (step->event.key);
  else if (step->event.reason != SC_EXCEPTION_NONE)
    detail = humanise (sc_exception_reason_to_string (step->event.reason));
  else if (step->event.outcome != SC_OUTCOME_NONE)
    detail = humanise (sc_review_outcome_to_string (step->event.outcome));
  else if (step->event.order != SC_ORDER_NONE)
    detail = humanise (sc_tribunal_order_to_string (step->event.order));
  else if (step->event.route != SC_ROUTE_NONE)
    detail = g_strdup_printf ("%s, %d", sc_transfer_route_to_string (step->event.route), step->event.transfer_year);
  else if (step->event.stage > 0)
    detail = g_strdup_printf (_("stage %d"), step->event.stage);
  else if (step->event.phase_transfer)
    detail = g_strdup (_("phase transfer"));

  return detail != NULL ? g_strdup_printf ("%s: %s", title, detail) : g_steal_pointer (&title);
}

char *
scc_case_step_dup_description (const ScCaseStep *step)
{
  g_autoptr(GString) text = g_string_new (step->meaning);

  g_return_val_if_fail (step != NULL, NULL);

  for (guint i = 0; i < step->starts->len; i++)
    {
      const ScCaseStepMilestone *m = &g_array_index (step->starts, ScCaseStepMilestone, i);
      g_autofree char *day = scc_case_format_day (m->due);

      g_string_append (text, i == 0 ? _(" Recorded today, it starts: ") : "; ");
      g_string_append_printf (text, _("%s, due %s"), sc_milestone_id_get_title (m->id), day);
    }
  if (step->starts->len > 0)
    g_string_append_c (text, '.');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const ScCaseStep *
chosen_step (SccRecordEventVm *self)
{
  if (self->steps == NULL || self->step < 0 || (guint) self->step >= self->steps->len)
    return NULL;
  return g_ptr_array_index (self->steps, self->step);
}

static gboolean
scc_record_event_vm_validate (SccFormVm *form)
{
  SccRecordEventVm *self = SCC_RECORD_EVENT_VM (form);
  ScDay day;

  if (chosen_step (self) == NULL)
    {
      scc_form_field_set_error (self->type, "choose what happened");
      return FALSE;
    }
  if (!sc_day_parse (scc_form_field_get_value (self->date), &day))
    {
      scc_form_field_set_error (self->date, "must be a date, YYYY-MM-DD");
      return FALSE;
    }
  return TRUE;
}

static void
recorded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  ScCaseEvent *event = scc_api_client_add_event_finish (SCC_API_CLIENT (object), result, &error);

  if (event == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, event, g_object_unref);
}

static void
scc_record_event_vm_submit_async (SccFormVm           *form,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  SccRecordEventVm *self = SCC_RECORD_EVENT_VM (form);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  const ScCaseStep *step = chosen_step (self);
  ScClockEvent event = step->event;
  const char *key = scc_form_field_get_value (self->key);

  sc_day_parse (scc_form_field_get_value (self->date), &event.date);
  if (scc_record_event_vm_get_needs_key (self))
    event.key = key[0] != '\0' ? key : NULL;
  scc_api_client_add_event_async (scc_form_vm_get_api_client (form), self->case_id, &event,
                                  scc_form_field_get_value (self->note),
                                  scc_form_vm_get_idempotency_key (form),
                                  cancellable, recorded_cb, task);
}

static gboolean
scc_record_event_vm_submit_finish (SccFormVm     *form,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  SccRecordEventVm *self = SCC_RECORD_EVENT_VM (form);
  ScCaseEvent *event = g_task_propagate_pointer (G_TASK (result), error);

  if (event == NULL)
    return FALSE;
  g_clear_object (&self->recorded);
  self->recorded = event;
  return TRUE;
}

static void
reset_date (SccRecordEventVm *self)
{
  char buffer[SC_DAY_STRING_SIZE];

  scc_form_field_set_value (self->date, sc_day_format (self->today != SC_DAY_NONE ? self->today : scc_case_today (),
                                                       buffer));
}

static void
scc_record_event_vm_clear (SccFormVm *form)
{
  SccRecordEventVm *self = SCC_RECORD_EVENT_VM (form);

  SCC_FORM_VM_CLASS (scc_record_event_vm_parent_class)->clear (form);
  reset_date (self);
}

static void
scc_record_event_vm_dispose (GObject *object)
{
  SccRecordEventVm *self = SCC_RECORD_EVENT_VM (object);

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_object (&self->recorded);

  G_OBJECT_CLASS (scc_record_event_vm_parent_class)->dispose (object);
}

static void
scc_record_event_vm_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SccRecordEventVm *self = SCC_RECORD_EVENT_VM (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_int (value, self->step);
      break;
    case PROP_NEEDS_KEY:
      g_value_set_boolean (value, scc_record_event_vm_get_needs_key (self));
      break;
    case PROP_STEPS:
      g_value_set_boxed (value, self->steps);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_record_event_vm_class_init (SccRecordEventVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = scc_record_event_vm_dispose;
  object_class->get_property = scc_record_event_vm_get_property;

  form_class->validate = scc_record_event_vm_validate;
  form_class->submit_async = scc_record_event_vm_submit_async;
  form_class->submit_finish = scc_record_event_vm_submit_finish;
  form_class->clear = scc_record_event_vm_clear;

  scc_form_vm_class_set_failure_text (form_class, _("The event has not been recorded"));

  properties[PROP_STEP] = g_param_spec_int ("step", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_NEEDS_KEY] = g_param_spec_boolean ("needs-key", NULL, NULL, FALSE, flags);
  properties[PROP_STEPS] = g_param_spec_boxed ("steps", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_record_event_vm_init (SccRecordEventVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  self->step = -1;
  self->type = scc_form_vm_add_field (form, "type", SCC_FORM_FIELD_KEPT);
  self->date = scc_form_vm_add_field (form, "date", SCC_FORM_FIELD_REQUIRED);
  self->key = scc_form_vm_add_field (form, "key", SCC_FORM_FIELD_DEFAULT);
  self->note = scc_form_vm_add_field (form, "note", SCC_FORM_FIELD_DEFAULT);
  reset_date (self);
}

SccRecordEventVm *
scc_record_event_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_RECORD_EVENT_VM, "api-client", api_client, NULL);
}

void
scc_record_event_vm_set_case (SccRecordEventVm *self,
                              ScCase           *kase,
                              GPtrArray        *events,
                              ScDay             today)
{
  g_autoptr(ScCaseHistory) history = sc_case_history_new ();
  const ScCasePerson *person;
  ScDay born;

  g_return_if_fail (SCC_IS_RECORD_EVENT_VM (self));
  g_return_if_fail (SC_IS_CASE (kase));
  g_return_if_fail (events != NULL);

  person = sc_case_get_person (kase);
  if (person->date_of_birth != NULL && sc_day_parse (person->date_of_birth, &born))
    sc_case_history_set_date_of_birth (history, born);
  for (guint i = 0; i < events->len; i++)
    {
      ScCaseEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GError) error = NULL;

      if (!sc_case_history_add_event (history, sc_case_event_get_clock_event (event), &error))
        {
          g_warning ("case %" G_GINT64_FORMAT ": event %u cannot be read: %s", sc_case_get_id (kase), i,
                     error->message);
          break;
        }
      if (sc_case_event_is_voided (event))
        sc_case_history_void_event (history, sc_case_history_get_n_events (history) - 1, NULL);
    }

  self->case_id = sc_case_get_id (kase);
  self->today = today;
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  self->steps = sc_case_next_steps (history, sc_calendar_get_default (), today);
  /* a dispute's steps are recorded on its own page, with its record */
  for (guint i = self->steps->len; i > 0; i--)
    if (sc_event_type_is_kept_by_record (((ScCaseStep *) g_ptr_array_index (self->steps, i - 1))->event.type))
      g_ptr_array_remove_index (self->steps, i - 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEPS]);
  scc_record_event_vm_set_step (self, self->steps->len > 0 ? 0 : -1);
}

GPtrArray *
scc_record_event_vm_get_steps (SccRecordEventVm *self)
{
  g_return_val_if_fail (SCC_IS_RECORD_EVENT_VM (self), NULL);
  return self->steps;
}

int
scc_record_event_vm_get_step (SccRecordEventVm *self)
{
  g_return_val_if_fail (SCC_IS_RECORD_EVENT_VM (self), -1);
  return self->step;
}

void
scc_record_event_vm_set_step (SccRecordEventVm *self,
                              int               index)
{
  const ScCaseStep *step;

  g_return_if_fail (SCC_IS_RECORD_EVENT_VM (self));

  self->step = index;
  step = chosen_step (self);
  if (step == NULL)
    self->step = -1;
  scc_form_field_set_value (self->type, step != NULL ? sc_event_type_to_string (step->event.type) : "");
  scc_form_field_set_error (self->type, NULL);
  scc_form_field_set_error (self->key, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_KEY]);
}

gboolean
scc_record_event_vm_get_needs_key (SccRecordEventVm *self)
{
  const ScCaseStep *step;
  g_autofree char *members = NULL;

  g_return_val_if_fail (SCC_IS_RECORD_EVENT_VM (self), FALSE);

  step = chosen_step (self);
  if (step == NULL || step->event.key != NULL)
    return FALSE;
  members = sc_event_type_dup_members (step->event.type);
  return strstr (members, "key") != NULL;
}

ScCaseEvent *
scc_record_event_vm_get_recorded (SccRecordEventVm *self)
{
  g_return_val_if_fail (SCC_IS_RECORD_EVENT_VM (self), NULL);
  return self->recorded;
}
