/* scc-dispute-words.c
 *
 * The words of disputes: see scc-dispute-words.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sc-person.h"
#include "scc-caseload-vm.h"
#include "scc-dispute-words.h"

/* No category until one is chosen: a complaint is never filed as a delay
 * because nobody changed the first choice */
const char * const scc_complaint_category_values[] = {
  "", "delay", "plan_content", "communication", "provision_not_delivered", "other", NULL
};
const char * const scc_complaint_category_words[] = {
  N_("Choose one"), N_("Delay"), N_("What the plan says"), N_("Communication"), N_("Provision not delivered"), N_("Something else"),
  NULL
};

const char * const scc_complaint_channel_values[] = { "", "email", "letter", "phone", "in_person", "online", "other", NULL };

const char * const scc_complaint_channel_words[] = {
  N_("Not recorded"), N_("Email"), N_("Letter"), N_("Telephone"), N_("In person"), N_("Online form"), N_("Other"), NULL
};

const char * const scc_complaint_outcome_values[] = { "", "upheld", "partly_upheld", "not_upheld", NULL };

const char * const scc_complaint_outcome_words[] = {
  N_("Not answered yet"), N_("Upheld"), N_("Partly upheld"), N_("Not upheld"), NULL
};

const char * const scc_complaint_decision_values[] = {
  "", "upheld", "partly_upheld", "not_upheld", "not_investigated", NULL
};

const char * const scc_complaint_decision_words[] = {
  N_("Not decided yet"), N_("Upheld"), N_("Partly upheld"), N_("Not upheld"), N_("Not investigated"), NULL
};

const char * const scc_complaint_stage_values[] = { "1", "2", NULL };

const char * const scc_complaint_stage_words[] = { N_("Stage 1"), N_("Stage 2 (stage 1 was heard before)"), NULL };

/* No type until one is chosen */
const char * const scc_appeal_type_values[] = {
  "", "refusal_to_assess", "refusal_to_issue", "plan_contents", "refusal_to_amend", "cease",
  "disability_discrimination", NULL
};

const char * const scc_appeal_type_words[] = {
  N_("Choose one"), N_("Refusal to assess"), N_("Refusal to issue a plan"), N_("What the plan says"),
  N_("Refusal to amend the plan"), N_("Ceasing the plan"), N_("Disability discrimination"), NULL
};

const char * const scc_appeal_outcome_values[] = {
  "", "upheld", "partly_upheld", "dismissed", "withdrawn", "conceded", NULL
};

const char * const scc_appeal_outcome_words[] = {
  N_("Not decided yet"), N_("Upheld"), N_("Partly upheld"), N_("Dismissed"), N_("Withdrawn"),
  N_("Conceded by the authority"), NULL
};

const char * const scc_appeal_order_values[] = {
  "", "assess", "reassess", "make_plan", "amend_provision", "amend_placement", "continue_plan", "cease_plan", NULL
};

const char * const scc_appeal_order_words[] = {
  N_("No new order"), N_("Assess the child"), N_("Reassess the child"), N_("Make and maintain a plan"),
  N_("Amend the provision"), N_("Amend the placement"), N_("Continue the plan"), N_("Cease the plan"), NULL
};

const char * const scc_appeal_deadline_values[] = {
  "order_assessment_notice", "order_draft_plan", "order_final_plan", "order_amended_plan", NULL
};

const char * const scc_appeal_deadline_words[] = {
  N_("Notice of the assessment"), N_("The draft plan"), N_("The final plan"), N_("The amended plan"), NULL
};

const char * const scc_appeal_status_values[] = { "pending", "overdue", "met", "late", "cancelled", "excepted", NULL };

const char * const scc_appeal_status_words[] = {
  N_("due"), N_("overdue"), N_("met"), N_("met late"), N_("no longer due"), N_("excepted"), NULL
};

const char * const scc_mediation_outcome_values[] = { "", "agreed", "partly_agreed", "not_agreed", NULL };

const char * const scc_mediation_outcome_words[] = {
  N_("Not known yet"), N_("Agreed"), N_("Partly agreed"), N_("Not agreed"), NULL
};

const char *
scc_word_of (const char * const *values,
             const char * const *words,
             const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return _(words[i]);
  return value != NULL ? value : "";
}

const char **
scc_words_translate (const char * const *words)
{
  guint n = g_strv_length ((char **) words);
  const char **out = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    out[i] = _(words[i]);
  return out;
}

/* "C-2026-0042: Rhea Patel" or "…: about the service" */
char *
scc_complaint_dup_title (const ScComplaint *complaint)
{
  if (complaint->case_id > 0)
    {
      g_autofree char *child = sc_person_join_names (complaint->given_name, complaint->family_name);

      return g_strdup_printf (_("%s: %s"), complaint->reference, child);
    }
  return g_strdup_printf (_("%s: about the service"), complaint->reference);
}

/* What is due next, in words */
char *
scc_complaint_dup_next (const ScComplaint *complaint)
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

/* "EH101/26/00012: Ivo Marsh" */
char *
scc_appeal_dup_title (const ScAppeal *appeal)
{
  g_autofree char *child = sc_person_join_names (appeal->given_name, appeal->family_name);

  return g_strdup_printf (_("%s: %s"), appeal->reference, child);
}

/* What is due next, in words */
char *
scc_appeal_dup_next (const ScAppeal *appeal)
{
  g_autofree char *due = NULL;

  if (g_strcmp0 (appeal->status, "closed") == 0)
    return g_strdup (_("Closed"));
  /* open with nothing due: the response is in, the decision awaited */
  if (appeal->next_due == SC_DAY_NONE)
    return g_strdup (_("Awaiting the decision"));
  due = scc_case_format_day (appeal->next_due);
  if (appeal->response_sent_on == SC_DAY_NONE && appeal->next_due == appeal->response_due)
    return g_strdup_printf (_("Response due by %s"), due);
  return g_strdup_printf (_("An order is due by %s"), due);
}

/* "Ivo Marsh: advice asked for 4 May 2026" */
char *
scc_mediation_dup_title (const ScMediation *mediation)
{
  g_autofree char *asked = scc_case_format_day (mediation->advice_requested_on);
  g_autofree char *child = sc_person_join_names (mediation->given_name, mediation->family_name);

  return g_strdup_printf (_("%s: advice asked for %s"), child, asked);
}

/* What is due next, in words */
char *
scc_mediation_dup_next (const ScMediation *mediation)
{
  g_autofree char *due = NULL;

  if (g_strcmp0 (mediation->status, "closed") == 0)
    return g_strdup (_("Closed"));
  if (mediation->next_due == SC_DAY_NONE)
    return g_strdup (_("Awaiting the advice"));
  due = scc_case_format_day (mediation->next_due);
  if (mediation->certificate_issued_on == SC_DAY_NONE && mediation->next_due == mediation->certificate_due)
    return g_strdup_printf (_("The certificate is due by %s"), due);
  if (mediation->held_on == SC_DAY_NONE && mediation->next_due == mediation->mediation_due)
    return g_strdup_printf (_("To be held by %s"), due);
  return g_strdup_printf (_("An agreement is due by %s"), due);
}
