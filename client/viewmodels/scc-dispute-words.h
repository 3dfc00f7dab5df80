/* scc-dispute-words.h
 *
 * The words of disputes, one place for every page that shows them: each
 * list of values a complaint, tribunal appeal or mediation member takes
 * (NULL-terminated; "" for none, as a form's choice) beside its words
 * (marked N_(), translated by scc_word_of), and each kind's title and
 * what is due next in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-appeal.h"
#include "sc-complaint.h"
#include "sc-mediation.h"

G_BEGIN_DECLS

extern const char * const scc_complaint_category_values[];
extern const char * const scc_complaint_category_words[];
extern const char * const scc_complaint_channel_values[];
extern const char * const scc_complaint_channel_words[];
extern const char * const scc_complaint_outcome_values[];
extern const char * const scc_complaint_outcome_words[];
extern const char * const scc_complaint_decision_values[];
extern const char * const scc_complaint_decision_words[];
extern const char * const scc_complaint_stage_values[];
extern const char * const scc_complaint_stage_words[];
extern const char * const scc_appeal_type_values[];
extern const char * const scc_appeal_type_words[];
extern const char * const scc_appeal_outcome_values[];
extern const char * const scc_appeal_outcome_words[];
extern const char * const scc_appeal_order_values[];
extern const char * const scc_appeal_order_words[];
extern const char * const scc_appeal_deadline_values[];
extern const char * const scc_appeal_deadline_words[];
extern const char * const scc_appeal_status_values[];
extern const char * const scc_appeal_status_words[];
extern const char * const scc_mediation_outcome_values[];
extern const char * const scc_mediation_outcome_words[];

/* The word of @value, translated: @words[i] where @values[i] is @value;
 * @value itself when it is not listed ("" for NULL) */
const char  *scc_word_of              (const char * const *values,
                                       const char * const *words,
                                       const char         *value);
/* @words (marked N_(), NULL-terminated) translated: a vector to g_free() */
const char **scc_words_translate      (const char * const *words);

/* "C-2026-0042: Rhea Patel", or "C-2026-0043: about the service" */
char        *scc_complaint_dup_title  (const ScComplaint  *complaint);
/* "Stage 1: answer by 7 December 2026", "Closed" */
char        *scc_complaint_dup_next   (const ScComplaint  *complaint);
/* "EH101/26/00012: Ivo Marsh" */
char        *scc_appeal_dup_title     (const ScAppeal     *appeal);
/* "Response due by 14 December 2026", "Awaiting the decision" */
char        *scc_appeal_dup_next      (const ScAppeal     *appeal);
/* "Ivo Marsh: advice asked for 4 May 2026" */
char        *scc_mediation_dup_title  (const ScMediation  *mediation);
/* "The certificate is due by 9 June 2026", "Closed" */
char        *scc_mediation_dup_next   (const ScMediation  *mediation);

G_END_DECLS
