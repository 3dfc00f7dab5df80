/* scd-person-query.h
 *
 * What someone typed to find a child, read once for every store that
 * searches by it (people, cases, caseloads): a date of birth, an NHS number
 * or ULN, a UPN, or the starts of names. The people search picks one
 * statement per kind (each with a plan of its own); the case lists, which
 * narrow an owner's or a stage's rows, test all four as parameters with
 * SCD_PERSON_MATCHES.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scd-db-private.h"

G_BEGIN_DECLS

/* At most this many words of a name are matched; more are ignored. */
#define SCD_PERSON_QUERY_MAX_WORDS 5

typedef struct
{
  char *date;    /* YYYY-MM-DD */
  char *number;  /* 10 digits: an NHS number or a ULN */
  char *upn;     /* upper case */
  char *words;   /* text[] literal of LIKE patterns, wildcards escaped */
  char *longest; /* with words: the longest word as typed, the one looked up
                    in person_name_word (the fewest names start with it) */
} ScdPersonQuery;

/* Reads @text (nullable): at most one member is set, none for an empty or
 * blank query. */
void scd_person_query_init        (ScdPersonQuery *query,
                                   const char     *text);
void scd_person_query_clear       (ScdPersonQuery *query);
/* Adds the four members in order (NULL for those not set): the parameters
 * of SCD_PERSON_MATCHES. */
void scd_person_query_add_params  (ScdPersonQuery *query,
                                   ScdParams      *params);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScdPersonQuery, scd_person_query_clear)

/* A name of person p (its stored search key: given_key, family_key,
 * preferred_key), or a word of it after a space or a hyphen, starts with
 * the search key @word (a LIKE pattern with its wildcards escaped). */
#define SCD_NAME_STARTS(column, word) \
  "p." column " LIKE " word " || '%'" \
  " OR p." column " LIKE '% ' || " word " || '%'" \
  " OR p." column " LIKE '%-' || " word " || '%'"
#define SCD_ANY_NAME_STARTS(word) \
  SCD_NAME_STARTS ("given_key", word) " OR " SCD_NAME_STARTS ("family_key", word) \
  " OR " SCD_NAME_STARTS ("preferred_key", word)
/* Every word of @words (text[]) starts a name of person p (a name that is
 * NULL starts nothing: IS NOT TRUE, not NOT, finds the word that fails).
 * The words' keys are made once (an uncorrelated subquery), not per row. */
#define SCD_EVERY_WORD_STARTS(words) \
  "NOT EXISTS (SELECT 1 FROM unnest((SELECT array_agg(person_search_key(x)) FROM unnest(" words "::text[]) AS x))" \
  "            AS w(word) WHERE (" SCD_ANY_NAME_STARTS ("w.word") ") IS NOT TRUE)"

/* Person p matches the query in parameters $date, $number, $upn, $words
 * (scd_person_query_add_params). */
#define SCD_PERSON_MATCHES(date, number, upn, words) \
  "(" date "::date IS NULL OR p.date_of_birth = " date "::date)" \
  " AND (" number "::bpchar IS NULL OR p.nhs_number = " number "::bpchar OR p.uln = " number "::bpchar)" \
  " AND (" upn "::bpchar IS NULL OR p.upn = " upn "::bpchar)" \
  " AND (" words "::text[] IS NULL OR " SCD_EVERY_WORD_STARTS (words) ")"

G_END_DECLS
