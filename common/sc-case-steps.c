/* sc-case-steps.c
 *
 * What a caseworker can record next on a case: every event that
 * sc_case_check_event() would accept today, each with what recording it
 * means, the rule behind it, the milestones it would start with their
 * due dates and those it would complete, found by running the clock on the
 * case's history with that event added.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-case-rules.h"
#include "sc-case-private.h"
#include "sc-clock-private.h"

/* --- What comes next -------------------------------------------------- */

void
sc_case_step_free (ScCaseStep *step)
{
  if (step == NULL)
    return;
  g_free ((char *) step->event.key);
  g_array_unref (step->starts);
  g_array_unref (step->meets);
  g_free (step);
}

static void
step_milestone_clear (gpointer data)
{
  ScCaseStepMilestone *m = data;

  g_free (m->key);
}

/* Adds @event as a step if it may be recorded today, with what recording it
 * would start. @key is the step's key (NULL: a new one, the caseworker's to
 * choose); @event->key is what the check uses. */
static void
try_step (GPtrArray           *steps,
          const ScCaseHistory *history,
          const ScCalendar    *calendar,
          ScDay                today,
          const ScClockEvent  *event,
          const char          *key)
{
  g_autoptr(ScClockInput) input = NULL;
  g_autoptr(ScClockResult) result = NULL;
  ScCaseStep *step;
  guint index;

  if (!sc_case_check_event (history, event, today, NULL))
    return;

  input = sc_case_history_dup_clock_input (history);
  index = sc_clock_input_get_n_events (input);
  if (!sc_clock_input_add_event (input, event, NULL))
    g_assert_not_reached ();
  result = sc_clock_compute (input, calendar, today);

  step = g_new0 (ScCaseStep, 1);
  step->event = *event;
  step->event.key = g_strdup (key);
  step->meaning = sc_event_type_explain (event->type);
  step->rule = sc_case_event_rule (event->type);
  step->starts = g_array_new (FALSE, TRUE, sizeof (ScCaseStepMilestone));
  g_array_set_clear_func (step->starts, step_milestone_clear);
  step->meets = g_array_new (FALSE, TRUE, sizeof (ScCaseStepMilestone));
  g_array_set_clear_func (step->meets, step_milestone_clear);
  for (guint i = 0; i < sc_clock_result_get_n_milestones (result); i++)
    {
      const ScMilestone *m = sc_clock_result_get_milestone (result, i);
      gboolean starts = m->start_event == index && m->start_type == event->type;
      gboolean meets = m->completed_on != SC_DAY_NONE && m->completed_by == index;
      ScCaseStepMilestone s;

      if (!starts && !meets)
        continue;
      s.id = m->id;
      s.kind = sc_milestone_id_get_kind (m->id);
      s.key = g_strcmp0 (m->key, NEW_KEY) == 0 ? NULL : g_strdup (m->key);
      s.due = m->due;
      s.rule = m->rule;
      g_array_append_val (starts ? step->starts : step->meets, s);
    }
  g_ptr_array_add (steps, step);
}

/* The milestone a keyed completion acts on. */
static gboolean
completes_keyed (ScEventType    type,
                 ScMilestoneId *id)
{
  switch (type)
    {
    case SC_EVENT_ADVICE_RECEIVED: *id = SC_MILESTONE_ADVICE; return TRUE;
    case SC_EVENT_CONSULTATION_RESPONSE: *id = SC_MILESTONE_CONSULTATION_RESPONSE; return TRUE;
    case SC_EVENT_APPEAL_RESPONSE_SENT: *id = SC_MILESTONE_APPEAL_RESPONSE; return TRUE;
    case SC_EVENT_COMPLAINT_ACKNOWLEDGED: *id = SC_MILESTONE_COMPLAINT_ACKNOWLEDGEMENT; return TRUE;
    case SC_EVENT_COMPLAINT_RESPONDED:
    case SC_EVENT_COMPLAINT_EXTENDED: *id = SC_MILESTONE_COMPLAINT_RESPONSE; return TRUE;
    default: return FALSE;
    }
}

/**
 * sc_case_next_steps:
 * @calendar: for the due dates counted in working days
 * @today: the day the steps would be recorded
 *
 * What may be recorded on the case today, in event type order: each step is
 * an event dated @today that sc_case_check_event() accepts, with what it
 * means, the rule behind it, and the milestones it would start with their
 * due dates, computed by the clock on the history plus that event. A
 * completion that names an adviser, setting or reference comes once per open
 * one; a start that needs a new key has a NULL key; an event with an
 * enumerated member (reason, outcome, order, route, stage) comes once per
 * value.
 *
 * Returns: (transfer full) (element-type ScCaseStep): the steps
 */
GPtrArray *
sc_case_next_steps (const ScCaseHistory *history,
                    const ScCalendar    *calendar,
                    ScDay                today)
{
  g_autoptr(ScClockInput) input = NULL;
  g_autoptr(ScClockResult) now = NULL;
  GPtrArray *steps;
  int year, month, mday;

  g_return_val_if_fail (history != NULL, NULL);
  g_return_val_if_fail (calendar != NULL, NULL);

  steps = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_case_step_free);
  input = sc_case_history_dup_clock_input (history);
  now = sc_clock_compute (input, calendar, today);
  sc_day_to_ymd (today, &year, &month, &mday);

  for (guint t = 0; t < SC_N_EVENT_TYPES; t++)
    {
      ScClockEvent e = { .type = t, .date = today };
      ScMilestoneId id;

      if (completes_keyed (t, &id))
        {
          /* once per open milestone, with its key */
          for (guint i = 0; i < sc_clock_result_get_n_milestones (now); i++)
            {
              const ScMilestone *m = sc_clock_result_get_milestone (now, i);

              if (m->id != id || m->completed_on != SC_DAY_NONE ||
                  (m->status != SC_STATUS_PENDING && m->status != SC_STATUS_OVERDUE &&
                   m->status != SC_STATUS_EXCEPTED))
                continue;
              e.key = m->key;
              try_step (steps, history, calendar, today, &e, m->key);
            }
          continue;
        }
      if (_sc_event_type_get_fields (t) & SC_FIELD_KEY)
        e.key = NEW_KEY;
      switch (t)
        {
        case SC_EVENT_EXCEPTION_APPLIED:
          for (e.reason = SC_EXCEPTION_SETTING_CLOSURE; e.reason <= SC_EXCEPTION_ABSENT_FROM_AREA; e.reason++)
            try_step (steps, history, calendar, today, &e, NULL);
          break;
        case SC_EVENT_REVIEW_DECISION:
          for (e.outcome = SC_OUTCOME_MAINTAIN; e.outcome <= SC_OUTCOME_CEASE; e.outcome++)
            try_step (steps, history, calendar, today, &e, NULL);
          break;
        case SC_EVENT_TRIBUNAL_ORDER:
          for (e.order = SC_ORDER_ASSESS; e.order <= SC_ORDER_CEASE_PLAN; e.order++)
            try_step (steps, history, calendar, today, &e, NULL);
          break;
        case SC_EVENT_COMPLAINT_RECEIVED:
          for (e.stage = 1; e.stage <= 2; e.stage++)
            try_step (steps, history, calendar, today, &e, NULL);
          break;
        case SC_EVENT_PHASE_TRANSFER_DUE:
          /* the next 15 February or 31 March on or after today */
          e.route = SC_ROUTE_SCHOOL;
          e.transfer_year = year + (month > 2 || (month == 2 && mday > 15));
          try_step (steps, history, calendar, today, &e, NULL);
          e.route = SC_ROUTE_POST16;
          e.transfer_year = year + (month > 3);
          try_step (steps, history, calendar, today, &e, NULL);
          break;
        case SC_EVENT_AMENDED_PLAN_ISSUED:
          try_step (steps, history, calendar, today, &e, NULL);
          for (guint i = 0; i < sc_clock_result_get_n_milestones (now); i++)
            {
              const ScMilestone *m = sc_clock_result_get_milestone (now, i);

              if (m->id == SC_MILESTONE_PHASE_TRANSFER_PLAN && m->completed_on == SC_DAY_NONE &&
                  m->status != SC_STATUS_CANCELLED)
                {
                  e.phase_transfer = TRUE;
                  try_step (steps, history, calendar, today, &e, NULL);
                  break;
                }
            }
          break;
        default:
          try_step (steps, history, calendar, today, &e, NULL);
          break;
        }
    }
  return steps;
}
