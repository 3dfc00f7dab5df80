/* scc-dispute-timeline.c
 *
 * A dispute's timeline: see scc-dispute-timeline.h. Each kind lists its
 * steps as its record holds them; add_step() places each one and says
 * whether it was done in time, and the list is sorted by day at the end
 * (a stable sort: steps of one day keep the record's order).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-dispute-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-caseload-vm.h"
#include "scc-dispute-timeline.h"
#include "scc-dispute-words.h"

void
scc_timeline_step_free (SccTimelineStep *step)
{
  if (step == NULL)
    return;
  g_free (step->what);
  g_free (step->detail);
  g_free (step);
}

char *
scc_timeline_step_dup_when (const SccTimelineStep *step)
{
  g_autofree char *day = NULL;
  g_autofree char *due = NULL;

  g_return_val_if_fail (step != NULL, NULL);

  day = scc_case_format_day (step->day);
  due = step->due != SC_DAY_NONE ? scc_case_format_day (step->due) : NULL;
  switch (step->state)
    {
    case SCC_STEP_DONE:
      return due != NULL ? g_strdup_printf (_("Done %s (due %s)"), day, due) : g_steal_pointer (&day);
    case SCC_STEP_DONE_LATE:
      return g_strdup_printf (_("Done %s, late: it was due %s"), day, due);
    case SCC_STEP_DUE:
      return g_strdup_printf (_("Due by %s"), day);
    case SCC_STEP_OVERDUE:
      return g_strdup_printf (_("Overdue: it was due by %s"), day);
    case SCC_STEP_CANCELLED:
      return g_strdup_printf (_("No longer due (it was due by %s)"), day);
    case SCC_STEP_EXCEPTED:
      return g_strdup_printf (_("Due by %s: an exception applies"), due != NULL ? due : day);
    case SCC_STEP_SET:
    default:
      return g_steal_pointer (&day);
    }
}

/* A step done on @done against @due (either may be SC_DAY_NONE; with
 * neither there is no step). Takes @what and @detail. */
static SccTimelineStep *
add_step (GPtrArray *steps,
          char      *what,
          char      *detail,
          ScDay      due,
          ScDay      done,
          ScDay      today)
{
  SccTimelineStep *step;

  if (due == SC_DAY_NONE && done == SC_DAY_NONE)
    {
      g_free (what);
      g_free (detail);
      return NULL;
    }
  step = g_new0 (SccTimelineStep, 1);
  step->what = what;
  step->detail = detail;
  step->due = due;
  step->day = done != SC_DAY_NONE ? done : due;
  if (done != SC_DAY_NONE)
    step->state = due != SC_DAY_NONE && done > due ? SCC_STEP_DONE_LATE : SCC_STEP_DONE;
  else
    step->state = today > due ? SCC_STEP_OVERDUE : SCC_STEP_DUE;
  g_ptr_array_add (steps, step);
  return step;
}

/* A day set for the dispute, neither done nor due by the authority */
static void
add_set (GPtrArray  *steps,
         const char *what,
         ScDay       day)
{
  SccTimelineStep *step = add_step (steps, g_strdup (what), NULL, SC_DAY_NONE, day, SC_DAY_NONE);

  if (step != NULL)
    step->state = SCC_STEP_SET;
}

static char *
joined (const char *first,
        const char *second)
{
  if (first == NULL || *first == '\0')
    return g_strdup (second);
  if (second == NULL || *second == '\0')
    return g_strdup (first);
  return g_strdup_printf (_("%s; %s"), first, second);
}

static char *
remedy_of (const char *outcome,
           const char *remedy)
{
  g_autofree char *said = remedy != NULL ? g_strdup_printf (_("remedy: %s"), remedy) : NULL;

  return joined (outcome, said);
}

static void
complaint_steps (GPtrArray         *steps,
                 const ScComplaint *complaint,
                 ScDay              today)
{
  const ScComplaintOmbudsman *ombudsman = complaint->ombudsman;

  for (guint i = 0; i < complaint->stages->len; i++)
    {
      const ScComplaintStage *stage = g_ptr_array_index (complaint->stages, i);
      const char *category = scc_word_of (scc_complaint_category_values, scc_complaint_category_words,
                                          complaint->category);
      char *detail = i == 0 && complaint->complainant != NULL
                     ? g_strdup_printf (_("%s; from %s"), category, complaint->complainant)
                     : i == 0 ? g_strdup (category) : NULL;

      add_step (steps, g_strdup_printf (_("Stage %d received"), stage->number), detail, SC_DAY_NONE,
                stage->received_on, today);
      /* an answer that came first is the acknowledgement too */
      if (stage->acknowledged_on != SC_DAY_NONE || stage->responded_on == SC_DAY_NONE)
        add_step (steps, g_strdup_printf (_("Stage %d acknowledged"), stage->number), NULL,
                  stage->acknowledgement_due, stage->acknowledged_on, today);
      for (guint e = 0; e < stage->extensions->len; e++)
        {
          const ScComplaintExtension *extension = g_ptr_array_index (stage->extensions, e);

          add_step (steps, g_strdup_printf (_("Stage %d answer extended"), stage->number),
                    g_strdup (extension->reason), SC_DAY_NONE, extension->extended_on, today);
        }
      add_step (steps, g_strdup_printf (_("Stage %d answered"), stage->number),
                stage->outcome != NULL
                ? remedy_of (scc_word_of (scc_complaint_outcome_values, scc_complaint_outcome_words, stage->outcome),
                             stage->remedy)
                : NULL,
                stage->response_due, stage->responded_on, today);
    }
  if (ombudsman == NULL)
    return;
  add_step (steps, g_strdup (_("Referred to the Ombudsman")), g_strdup (ombudsman->reference), SC_DAY_NONE,
            ombudsman->referred_on, today);
  add_step (steps, g_strdup (_("The Ombudsman decided")),
            remedy_of (scc_word_of (scc_complaint_decision_values, scc_complaint_decision_words, ombudsman->decision),
                       ombudsman->remedy),
            SC_DAY_NONE, ombudsman->decided_on, today);
  add_step (steps, g_strdup (_("The Ombudsman’s remedy carried out")), NULL, ombudsman->compliance_due,
            ombudsman->complied_on, today);
}

/* An order's deadline as the case's clock sees it */
static void
order_step (GPtrArray              *steps,
            const ScAppealDeadline *deadline,
            ScDay                   today)
{
  SccTimelineStep *step = add_step (steps, g_strdup (scc_word_of (scc_appeal_deadline_values,
                                                                  scc_appeal_deadline_words, deadline->milestone)),
                                    NULL, deadline->due, deadline->completed_on, today);

  if (step == NULL)
    return;
  if (g_strcmp0 (deadline->status, "cancelled") == 0)
    step->state = SCC_STEP_CANCELLED;
  else if (g_strcmp0 (deadline->status, "excepted") == 0)
    step->state = SCC_STEP_EXCEPTED;
  else if (g_strcmp0 (deadline->status, "late") == 0)
    step->state = SCC_STEP_DONE_LATE;
  else if (g_strcmp0 (deadline->status, "overdue") == 0)
    step->state = SCC_STEP_OVERDUE;
}

static void
appeal_steps (GPtrArray      *steps,
              const ScAppeal *appeal,
              ScDay           today)
{
  SccTimelineStep *response;

  add_step (steps, g_strdup (_("Registered by the tribunal")),
            joined (scc_word_of (scc_appeal_type_values, scc_appeal_type_words, appeal->appeal_type),
                    appeal->representatives),
            SC_DAY_NONE, appeal->registered_on, today);
  response = add_step (steps, g_strdup (_("The authority’s response lodged")), NULL, appeal->response_due,
                       appeal->response_sent_on, today);
  /* decided before the response: it is no longer due */
  if (response != NULL && appeal->response_sent_on == SC_DAY_NONE && appeal->decided_on != SC_DAY_NONE)
    response->state = SCC_STEP_CANCELLED;
  add_set (steps, _("Evidence due at the tribunal"), appeal->evidence_due);
  add_set (steps, _("Hearing"), appeal->hearing_on);
  add_step (steps, g_strdup (_("Decided")),
            g_strdup (scc_word_of (scc_appeal_outcome_values, scc_appeal_outcome_words, appeal->outcome)),
            SC_DAY_NONE, appeal->decided_on, today);
  for (guint i = 0; i < appeal->orders->len; i++)
    {
      const ScAppealOrder *order = g_ptr_array_index (appeal->orders, i);

      add_step (steps, g_strdup_printf (_("Ordered: %s"), scc_word_of (scc_appeal_order_values,
                                                                       scc_appeal_order_words, order->order)),
                g_strdup (order->key), SC_DAY_NONE, order->ordered_on, today);
      for (guint d = 0; d < order->deadlines->len; d++)
        order_step (steps, g_ptr_array_index (order->deadlines, d), today);
    }
}

static void
mediation_steps (GPtrArray         *steps,
                 const ScMediation *mediation,
                 ScDay              today)
{
  SccTimelineStep *held;

  add_step (steps, g_strdup (_("Mediation advice asked for")), NULL, SC_DAY_NONE, mediation->advice_requested_on,
            today);
  add_step (steps, g_strdup (_("Advice given")), NULL, SC_DAY_NONE, mediation->advice_given_on, today);
  add_step (steps, g_strdup (_("Mediation asked for")), NULL, SC_DAY_NONE, mediation->mediation_requested_on, today);
  held = add_step (steps, g_strdup (_("Mediation held")),
                   joined (mediation->provider,
                           mediation->outcome != NULL ? scc_word_of (scc_mediation_outcome_values,
                                                                     scc_mediation_outcome_words, mediation->outcome)
                                                      : NULL),
                   mediation->mediation_due, mediation->held_on, today);
  /* the certificate came without it: it is no longer due */
  if (held != NULL && mediation->held_on == SC_DAY_NONE && mediation->certificate_issued_on != SC_DAY_NONE)
    held->state = SCC_STEP_CANCELLED;
  add_step (steps, g_strdup (_("Certificate issued")), NULL, mediation->certificate_due,
            mediation->certificate_issued_on, today);
  for (guint i = 0; i < mediation->agreements->len; i++)
    {
      const ScMediationAgreement *agreement = g_ptr_array_index (mediation->agreements, i);

      add_step (steps, g_strdup_printf (_("Agreed: %s"), agreement->what), NULL, agreement->due_on,
                agreement->done_on, today);
    }
}

static int
by_day (gconstpointer a,
        gconstpointer b)
{
  const SccTimelineStep *first = *(SccTimelineStep * const *) a;
  const SccTimelineStep *second = *(SccTimelineStep * const *) b;

  return first->day < second->day ? -1 : first->day > second->day ? 1 : 0;
}

GPtrArray *
scc_dispute_timeline_new (const char    *kind,
                          gconstpointer  record,
                          ScDay          today)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) scc_timeline_step_free);

  g_return_val_if_fail (kind != NULL, steps);
  g_return_val_if_fail (record != NULL, steps);

  if (g_str_equal (kind, "complaint"))
    complaint_steps (steps, record, today);
  else if (g_str_equal (kind, "appeal"))
    appeal_steps (steps, record, today);
  else if (g_str_equal (kind, "mediation"))
    mediation_steps (steps, record, today);
  else
    g_return_val_if_reached (steps);
  g_ptr_array_sort (steps, by_day);
  return steps;
}
