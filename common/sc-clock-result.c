/* sc-clock-result.c
 *
 * ScClockResult: what the engine computed for one input, kept in arrays that
 * survive from one computation to the next (sc_clock_result_compute() only
 * resets their lengths), read through borrowed pointers, and the words of
 * the warnings, which are built only when someone asks for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-clock"

#include "config.h"

#include "sc-clock-private.h"

/* Milestones: their names in JSON, their titles for people, their kinds. */
static const struct
{
  const char      *name;
  const char      *title;
  ScMilestoneKind  kind;
} milestone_info[SC_N_MILESTONE_IDS] = {
  [SC_MILESTONE_ASSESSMENT_DECISION] = {
    "assessment_decision", "Decision whether to assess",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_FINAL_PLAN] = {
    "final_plan", "Final EHC plan issued",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_ADVICE] = {
    "advice", "Advice received",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_NO_PLAN_DECISION] = {
    "no_plan_decision", "Decision not to issue an EHC plan",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_DRAFT_COMMENTS] = {
    "draft_comments", "Comments on the draft plan",
    SC_MILESTONE_KIND_PERIOD,
  },
  [SC_MILESTONE_CONSULTATION_RESPONSE] = {
    "consultation_response", "Consultation response from the setting",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_ANNUAL_REVIEW] = {
    "annual_review", "Annual review meeting held",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_REVIEW_REPORT] = {
    "review_report", "Review report received",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_REVIEW_DECISION] = {
    "review_decision", "Decision after the annual review",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_AMENDMENT_COMMENTS] = {
    "amendment_comments", "Comments on the proposed amendments",
    SC_MILESTONE_KIND_PERIOD,
  },
  [SC_MILESTONE_AMENDED_PLAN] = {
    "amended_plan", "Amended EHC plan issued",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_PHASE_TRANSFER_PLAN] = {
    "phase_transfer_plan", "Plan amended for the phase transfer",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_REASSESSMENT_DECISION] = {
    "reassessment_decision", "Decision whether to reassess",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_REASSESSMENT_PLAN] = {
    "reassessment_plan", "Plan issued after reassessment",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_TRANSFER_NOTICE] = {
    "transfer_notice", "Family told after a transfer in",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_APPEAL_WINDOW] = {
    "appeal_window", "Time to appeal to the Tribunal",
    SC_MILESTONE_KIND_PERIOD,
  },
  [SC_MILESTONE_APPEAL_RESPONSE] = {
    "appeal_response", "Response to the appeal sent to the Tribunal",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_ORDER_ASSESSMENT_NOTICE] = {
    "order_assessment_notice", "Notice of the assessment the Tribunal ordered",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_ORDER_DRAFT_PLAN] = {
    "order_draft_plan", "Draft plan the Tribunal ordered",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_ORDER_FINAL_PLAN] = {
    "order_final_plan", "Final plan after the Tribunal's order",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_ORDER_AMENDED_PLAN] = {
    "order_amended_plan", "Amended plan the Tribunal ordered",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_COMPLAINT_ACKNOWLEDGEMENT] = {
    "complaint_acknowledgement", "Complaint acknowledged",
    SC_MILESTONE_KIND_DEADLINE,
  },
  [SC_MILESTONE_COMPLAINT_RESPONSE] = {
    "complaint_response", "Complaint answered",
    SC_MILESTONE_KIND_DEADLINE,
  },
};

static const char * const kind_names[] = { "deadline", "period" };
static const char * const status_names[] = {
  "pending", "overdue", "met", "late", "excepted", "cancelled", "open", "closed",
};
static const char * const warning_names[] = {
  "no_start_event",
  "final_before_comments_closed",
  "final_without_draft",
  "amended_before_comments_closed",
  "out_of_order",
  "exception_without_deadline",
  "due_before_start",
  "before_birth",
  "ignored_member",
};

G_STATIC_ASSERT (G_N_ELEMENTS (status_names) == SC_STATUS_CLOSED + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (warning_names) == SC_WARNING_IGNORED_MEMBER + 1);

const char *
sc_milestone_id_to_string (ScMilestoneId id)
{
  g_return_val_if_fail ((guint) id < SC_N_MILESTONE_IDS, NULL);
  return milestone_info[id].name;
}

const char *
sc_milestone_id_get_title (ScMilestoneId id)
{
  g_return_val_if_fail ((guint) id < SC_N_MILESTONE_IDS, NULL);
  return milestone_info[id].title;
}

const char *
sc_milestone_name_get_title (const char *name)
{
  for (guint i = 0; i < SC_N_MILESTONE_IDS; i++)
    if (g_strcmp0 (milestone_info[i].name, name) == 0)
      return milestone_info[i].title;
  return name;
}

ScMilestoneKind
sc_milestone_id_get_kind (ScMilestoneId id)
{
  g_return_val_if_fail ((guint) id < SC_N_MILESTONE_IDS, SC_MILESTONE_KIND_DEADLINE);
  return milestone_info[id].kind;
}

const char *
sc_milestone_kind_to_string (ScMilestoneKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

const char *
sc_milestone_status_to_string (ScMilestoneStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

const char *
sc_clock_warning_code_to_string (ScClockWarningCode code)
{
  g_return_val_if_fail ((guint) code < G_N_ELEMENTS (warning_names), NULL);
  return warning_names[code];
}

G_DEFINE_BOXED_TYPE (ScClockResult, sc_clock_result, sc_clock_result_ref, sc_clock_result_unref)

/**
 * sc_clock_result_new:
 *
 * Returns: (transfer full): an empty result, to be filled (and refilled) by
 *   sc_clock_result_compute()
 */
ScClockResult *
sc_clock_result_new (void)
{
  ScClockResult *result = g_new0 (ScClockResult, 1);

  g_atomic_ref_count_init (&result->ref_count);
  result->milestones = g_array_sized_new (FALSE, FALSE, sizeof (ScMilestoneState), 64);
  result->warnings = g_array_sized_new (FALSE, FALSE, sizeof (ScClockWarning), 8);
  result->order = g_array_sized_new (FALSE, FALSE, sizeof (guint), 64);
  result->exceptions = g_array_sized_new (FALSE, FALSE, sizeof (ScClockException), 4);
  return result;
}

ScClockResult *
sc_clock_result_ref (ScClockResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  g_atomic_ref_count_inc (&result->ref_count);
  return result;
}

void
sc_clock_result_unref (ScClockResult *result)
{
  g_return_if_fail (result != NULL);

  if (g_atomic_ref_count_dec (&result->ref_count))
    {
      g_clear_pointer (&result->input, sc_clock_input_unref);
      g_clear_pointer (&result->milestones, g_array_unref);
      g_clear_pointer (&result->warnings, g_array_unref);
      g_clear_pointer (&result->order, g_array_unref);
      g_clear_pointer (&result->exceptions, g_array_unref);
      g_free (result);
    }
}

/**
 * sc_clock_compute:
 *
 * sc_clock_result_compute() into a new result.
 *
 * Returns: (transfer full): the clock of @input
 */
ScClockResult *
sc_clock_compute (ScClockInput     *input,
                  const ScCalendar *calendar,
                  ScDay             today)
{
  ScClockResult *result;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (today != SC_DAY_NONE, NULL);

  result = sc_clock_result_new ();
  sc_clock_result_compute (result, input, calendar, today);
  return result;
}

/**
 * sc_clock_result_get_input:
 *
 * Returns: (transfer none) (nullable): the input last computed
 */
ScClockInput *
sc_clock_result_get_input (const ScClockResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->input;
}

guint
sc_clock_result_get_n_milestones (const ScClockResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->milestones->len;
}

/**
 * sc_clock_result_get_milestone:
 *
 * Returns: (transfer none): the milestone at @index, in output order
 */
const ScMilestone *
sc_clock_result_get_milestone (const ScClockResult *result,
                               guint                index)
{
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (index < result->milestones->len, NULL);
  return &g_array_index (result->milestones, ScMilestoneState, index).pub;
}

/**
 * sc_clock_result_get_milestone_slot:
 * @start_position: where the milestone's start event is kept: its number
 *   among every event of the case, voided ones too, which never changes
 *
 * A number for the milestone at @index that stays the same for as long as
 * the milestone stands, whatever milestones come and go around it: its
 * start event, its kind, and its turn among any others of that kind from
 * that event (there is one in practice). The key of case_milestone: an
 * event recorded then writes only the milestones it changes, where the
 * clock's order would move every one after its own.
 *
 * Returns: the slot, unique among the result's milestones while
 * @start_position is below 2^19 and no event starts more than 127
 * milestones of one kind
 */
guint
sc_clock_result_get_milestone_slot (const ScClockResult *result,
                                    guint                index,
                                    guint                start_position)
{
  const ScMilestone *m;
  guint turn = 0;

  g_return_val_if_fail (result != NULL, 0);
  g_return_val_if_fail (index < result->milestones->len, 0);
  m = sc_clock_result_get_milestone (result, index);
  for (guint i = 0; i < index; i++)
    {
      const ScMilestone *before = sc_clock_result_get_milestone (result, i);

      if (before->start_event == m->start_event && before->id == m->id)
        turn++;
    }
  G_STATIC_ASSERT (SC_N_MILESTONE_IDS <= 32);
  return start_position * 4096 + (guint) m->id * 128 + MIN (turn, 127);
}

guint
sc_clock_result_get_n_warnings (const ScClockResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->warnings->len;
}

/**
 * sc_clock_result_get_warning:
 *
 * Returns: (transfer none): the warning at @index; ignored members first,
 *   then the engine's warnings in the order of the events
 */
const ScClockWarning *
sc_clock_result_get_warning (const ScClockResult *result,
                             guint                index)
{
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (index < result->warnings->len, NULL);
  return &g_array_index (result->warnings, ScClockWarning, index);
}

/**
 * sc_clock_result_dup_warning_message:
 *
 * Returns: (transfer full): one sentence saying what is odd and where
 */
char *
sc_clock_result_dup_warning_message (const ScClockResult  *result,
                                     const ScClockWarning *warning)
{
  const ScClockEvent *event = NULL;
  const char *type = NULL;
  const char *milestone;
  char date[SC_DAY_STRING_SIZE] = "";
  char other[SC_DAY_STRING_SIZE] = "";

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (warning != NULL, NULL);

  if (warning->event_index >= 0 && result->input != NULL &&
      (guint) warning->event_index < result->input->events->len)
    {
      event = &g_array_index (result->input->events, ScClockEvent, warning->event_index);
      type = sc_event_type_to_string (event->type);
      sc_day_format (event->date, date);
    }
  if (warning->other_date != SC_DAY_NONE)
    sc_day_format (warning->other_date, other);
  milestone = sc_milestone_id_to_string (warning->milestone);

  if (warning->code == SC_WARNING_IGNORED_MEMBER)
    {
      if (warning->event_index < 0)
        return g_strdup_printf ("member \"%s\" is not part of the input and was ignored",
                                warning->member);
      return g_strdup_printf ("event %d: member \"%s\" is not read for this event type "
                              "and was ignored",
                              warning->event_index, warning->member);
    }
  if (event == NULL)
    return g_strdup (sc_clock_warning_code_to_string (warning->code));

  switch (warning->code)
    {
    case SC_WARNING_NO_START_EVENT:
      return g_strdup_printf ("%s on %s completes nothing: no %s is open", type, date, milestone);
    case SC_WARNING_FINAL_BEFORE_COMMENTS_CLOSED:
      return g_strdup_printf ("%s on %s is inside the draft comment period, which runs to %s",
                              type, date, other);
    case SC_WARNING_FINAL_WITHOUT_DRAFT:
      return g_strdup_printf ("%s on %s has no draft_plan_issued before it", type, date);
    case SC_WARNING_AMENDED_BEFORE_COMMENTS_CLOSED:
      return g_strdup_printf ("%s on %s is inside the amendment comment period, which runs to %s",
                              type, date, other);
    case SC_WARNING_OUT_OF_ORDER:
      return g_strdup_printf ("%s on %s comes before %s", type, date, warning->detail);
    case SC_WARNING_EXCEPTION_WITHOUT_DEADLINE:
      return g_strdup_printf ("%s on %s applies to nothing: no assessment_decision, final_plan or "
                              "no_plan_decision is open", type, date);
    case SC_WARNING_DUE_BEFORE_START:
      return g_strdup_printf ("%s on %s makes %s due on %s, before the event itself",
                              type, date, milestone, other);
    case SC_WARNING_BEFORE_BIRTH:
      return g_strdup_printf ("%s on %s is dated before the date of birth, %s", type, date, other);
    case SC_WARNING_IGNORED_MEMBER:
    default:
      return g_strdup (sc_clock_warning_code_to_string (warning->code));
    }
}
