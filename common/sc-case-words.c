/* sc-case-words.c
 *
 * The words a caseworker reads about a case's events and milestones: each
 * event type's short name, what recording it means and the rule behind it,
 * and what every milestone of the clock is for. The rules themselves are in
 * sc-case-rules.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-case-rules.h"
#include "sc-case-private.h"

/* --- Words for people ------------------------------------------------- */

/* For every event type: a short name, what recording it means, and the rule
 * that puts it where it is in a case. */
static const struct
{
  const char *title;
  const char *meaning;
  const char *rule;
} event_text[SC_N_EVENT_TYPES] = {
  [SC_EVENT_REQUEST_RECEIVED] = {
    "request for an assessment",
    "The authority has received a request for an EHC needs assessment; the 6 and 20 weeks count from today.",
    RULE_R5 },
  [SC_EVENT_DECIDED_TO_ASSESS] = {
    "decision to assess",
    "The authority has told the family it will carry out an EHC needs assessment.",
    RULE_R5 },
  [SC_EVENT_DECIDED_NOT_TO_ASSESS] = {
    "decision not to assess",
    "The authority has told the family it will not assess, with their right of appeal; this closes the case.",
    RULE_R5 },
  [SC_EVENT_ADVICE_REQUESTED] = {
    "request for advice",
    "The authority has asked an adviser (education, health, psychology, social care or other) for advice.",
    RULE_R8 },
  [SC_EVENT_ADVICE_RECEIVED] = {
    "advice received",
    "The advice asked of this adviser has arrived.",
    RULE_R8 },
  [SC_EVENT_DECIDED_NOT_TO_ISSUE] = {
    "decision not to issue a plan",
    "After the assessment the authority has decided not to issue a plan and told the family, with their right of appeal.",
    RULE_R10_1 },
  [SC_EVENT_DRAFT_PLAN_ISSUED] = {
    "draft plan",
    "The draft plan has been sent to the family, who have 15 days to comment and to ask for a school or college.",
    RULE_R13_1 },
  [SC_EVENT_CONSULTATION_SENT] = {
    "consultation",
    "The authority has asked a school or college whether it can meet the needs in the plan.",
    RULE_S39 },
  [SC_EVENT_CONSULTATION_RESPONSE] = {
    "consultation response",
    "The school or college consulted has answered.",
    RULE_S39 },
  [SC_EVENT_FINAL_PLAN_ISSUED] = {
    "final plan",
    "The final EHC plan has been issued to the family, with their right of appeal.",
    RULE_R13_2 },
  [SC_EVENT_EXCEPTION_APPLIED] = {
    "exception",
    "One of the four exceptions to the assessment's time limits applies to this case.",
    RULE_R10_4 },
  [SC_EVENT_REVIEW_MEETING] = {
    "review meeting",
    "The annual review meeting of the plan has been held.",
    RULE_S44 },
  [SC_EVENT_REVIEW_REPORT_RECEIVED] = {
    "review report",
    "The report of the review meeting has reached the authority.",
    RULE_R20 },
  [SC_EVENT_REVIEW_DECISION] = {
    "decision after the review",
    "The authority has told the family whether it will keep, amend or cease the plan.",
    RULE_R20 },
  [SC_EVENT_AMENDMENT_NOTICE_ISSUED] = {
    "amendment notice",
    "The proposed amendments have been sent to the family, who have 15 days to comment.",
    RULE_R22 },
  [SC_EVENT_AMENDED_PLAN_ISSUED] = {
    "amended plan",
    "The amended plan has been issued to the family, with their right of appeal.",
    RULE_R22 },
  [SC_EVENT_PHASE_TRANSFER_DUE] = {
    "phase transfer",
    "The child moves to the next phase of education: the plan must name the new setting by the fixed date.",
    RULE_R18 },
  [SC_EVENT_CEASE_DECIDED] = {
    "decision to cease",
    "The authority has told the family it will cease the plan, with their right of appeal.",
    RULE_R31 },
  [SC_EVENT_PLAN_CEASED] = {
    "cessation of the plan",
    "The plan has ended; nothing but an appeal or a complaint can follow.",
    RULE_S45 },
  [SC_EVENT_REASSESSMENT_REQUESTED] = {
    "request for a reassessment",
    "The family or the school has asked the authority to reassess the child's needs.",
    RULE_R25 },
  [SC_EVENT_DECIDED_TO_REASSESS] = {
    "decision to reassess",
    "The authority will reassess; the amended or new plan is due within 14 weeks.",
    RULE_R27 },
  [SC_EVENT_DECIDED_NOT_TO_REASSESS] = {
    "decision not to reassess",
    "The authority has refused the reassessment and told the family, with their right of appeal.",
    RULE_R25 },
  [SC_EVENT_TRANSFER_IN] = {
    "plan transferred in",
    "A plan has come to this authority with a child who moved here; it is this authority's from today.",
    RULE_R15 },
  [SC_EVENT_TRANSFER_NOTICE_SENT] = {
    "transfer notice",
    "The family has been told the plan has transferred, whether it will be reassessed and when it will be reviewed.",
    RULE_R15_4 },
  [SC_EVENT_MEDIATION_CERTIFICATE_ISSUED] = {
    "mediation certificate",
    "A mediation adviser has issued a certificate, which can give the family longer to appeal.",
    RULE_S55 },
  [SC_EVENT_APPEAL_REGISTERED] = {
    "appeal",
    "The Tribunal has registered the family's appeal; the authority must respond.",
    RULE_S51 },
  [SC_EVENT_APPEAL_RESPONSE_SENT] = {
    "response to the appeal",
    "The authority has sent its response to the appeal to the Tribunal.",
    RULE_S51 },
  [SC_EVENT_TRIBUNAL_ORDER] = {
    "tribunal order",
    "The Tribunal has decided the appeal; its order sets the authority new time limits.",
    RULE_R44 },
  [SC_EVENT_COMPLAINT_RECEIVED] = {
    "complaint",
    "A complaint has been received; it must be acknowledged and answered.",
    RULE_CODE },
  [SC_EVENT_COMPLAINT_ACKNOWLEDGED] = {
    "acknowledgement of the complaint",
    "The complainant has been told their complaint was received.",
    RULE_CODE },
  [SC_EVENT_COMPLAINT_RESPONDED] = {
    "response to the complaint",
    "The complainant has been sent the authority's answer.",
    RULE_CODE },
  [SC_EVENT_COMPLAINT_EXTENDED] = {
    "extension of the complaint",
    "The authority needs longer to answer the complaint and has told the complainant why.",
    RULE_CODE },
  [SC_EVENT_TRANSFER_OUT] = {
    "plan transferred out",
    "The child has moved to another authority, which now maintains the plan.",
    RULE_R15 },
  [SC_EVENT_CONSULTATION_WITHDRAWN] = {
    "consultation withdrawn",
    "The authority no longer asks the school or college consulted for an answer.",
    RULE_S39 },
  [SC_EVENT_APPEAL_DECIDED] = {
    "appeal decided",
    "The Tribunal has decided the appeal, or it was withdrawn or conceded.",
    RULE_S51 },
};

const char *
sc_case_event_title (ScEventType type)
{
  g_assert ((guint) type < SC_N_EVENT_TYPES);
  return event_text[type].title;
}

const char *
sc_case_event_rule (ScEventType type)
{
  g_assert ((guint) type < SC_N_EVENT_TYPES);
  return event_text[type].rule;
}

/**
 * sc_event_type_explain:
 *
 * Returns: (transfer none): what recording an event of @type means, one
 *   plain English sentence
 */
const char *
sc_event_type_explain (ScEventType type)
{
  g_return_val_if_fail ((guint) type < SC_N_EVENT_TYPES, NULL);
  return event_text[type].meaning;
}

static const char * const milestone_text[SC_N_MILESTONE_IDS] = {
  [SC_MILESTONE_ASSESSMENT_DECISION] =
    "The authority must tell the family whether it will assess within 6 weeks of receiving the request.",
  [SC_MILESTONE_FINAL_PLAN] =
    "The final plan must be issued within 20 weeks of the request, unless the authority decides not to assess or not to issue one.",
  [SC_MILESTONE_ADVICE] =
    "An adviser asked for advice should send it within 6 weeks of being asked.",
  [SC_MILESTONE_NO_PLAN_DECISION] =
    "A decision not to issue a plan must be made within 16 weeks of the request.",
  [SC_MILESTONE_DRAFT_COMMENTS] =
    "The family has 15 days, counting the day the draft was sent, to comment and to ask for a school or college; the final plan must wait until they end.",
  [SC_MILESTONE_CONSULTATION_RESPONSE] =
    "A school or college consulted should answer within 15 days; this is guidance, not a statutory deadline.",
  [SC_MILESTONE_ANNUAL_REVIEW] =
    "The plan must be reviewed at least every 12 months (every 6 months is advised for a child under 5).",
  [SC_MILESTONE_REVIEW_REPORT] =
    "The report of a review meeting is due within 2 weeks of the meeting.",
  [SC_MILESTONE_REVIEW_DECISION] =
    "The authority must decide whether to keep, amend or cease the plan within 4 weeks of the review meeting.",
  [SC_MILESTONE_AMENDMENT_COMMENTS] =
    "The family has 15 days, counting the day of the notice, to comment on proposed amendments.",
  [SC_MILESTONE_AMENDED_PLAN] =
    "The amended plan must be issued within 8 weeks of the amendment notice.",
  [SC_MILESTONE_PHASE_TRANSFER_PLAN] =
    "Before a move to the next phase the plan must be amended, naming the new setting, by 15 February (school) or 31 March (post-16).",
  [SC_MILESTONE_REASSESSMENT_DECISION] =
    "The authority must decide whether to reassess within 15 days of the request.",
  [SC_MILESTONE_REASSESSMENT_PLAN] =
    "After a decision to reassess, the amended or new plan must be issued within 14 weeks.",
  [SC_MILESTONE_TRANSFER_NOTICE] =
    "Within 6 weeks of a plan transferring in, the family must be told whether it will be reassessed and when it will be reviewed.",
  [SC_MILESTONE_APPEAL_WINDOW] =
    "The family can appeal this decision to the Tribunal for 2 months, or 1 month after a mediation certificate if that is later.",
  [SC_MILESTONE_APPEAL_RESPONSE] =
    "The authority must respond to an appeal within 30 tribunal working days (August and Christmas do not count).",
  [SC_MILESTONE_ORDER_ASSESSMENT_NOTICE] =
    "After a tribunal order to assess, the authority must say within 2 weeks that it will assess.",
  [SC_MILESTONE_ORDER_DRAFT_PLAN] =
    "After a tribunal order to make a plan, the draft is due within 5 weeks.",
  [SC_MILESTONE_ORDER_FINAL_PLAN] =
    "After a tribunal order, the final plan is due within the time the order's kind sets (14 weeks after an assessment order, 11 after an order to make a plan).",
  [SC_MILESTONE_ORDER_AMENDED_PLAN] =
    "After a tribunal order to amend a plan, the amended plan is due within 5 weeks (2 weeks when only the school or college changes).",
  [SC_MILESTONE_COMPLAINT_ACKNOWLEDGEMENT] =
    "A complaint must be acknowledged within 5 working days.",
  [SC_MILESTONE_COMPLAINT_RESPONSE] =
    "A complaint must be answered within 10 working days at stage 1 or 20 at stage 2, extended once by the same when the complainant is told why.",
};

/**
 * sc_milestone_explain:
 *
 * Returns: (transfer none): what a milestone of @id means, one or two plain
 *   English sentences, for a timeline in which every milestone explains itself
 */
const char *
sc_milestone_explain (ScMilestoneId id)
{
  g_return_val_if_fail ((guint) id < SC_N_MILESTONE_IDS, NULL);
  return milestone_text[id];
}
