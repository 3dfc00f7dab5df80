/* scd-person-sql.h
 *
 * The SQL of a person's create that another statement shares: the people a
 * checked input (sc_person_check_input) may be, the insert of it and its
 * contacts. The person store's create uses them, and so does a transfer
 * in (scd-case-store-transfer.c), which creates the child it moves in or
 * finds them by the same duplicate rules, in the statement that opens the
 * case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpq-fe.h>
#include <glib.h>

typedef enum
{
  SCD_PERSON_MATCH_CREATE,
  SCD_PERSON_MATCH_UPDATE,
  SCD_PERSON_MATCH_TRANSFER,
} ScdPersonMatch;

/* The CONFLICT of a statement whose row 0 has FIRST_MATCH's columns: the
 * detail names the person matched and what to send instead, each field
 * that matched has a field error ("file.person.upn" for a transfer). */
GError *_scd_person_matched (const PGresult *pg,
                             ScdPersonMatch  of);

/* The columns of person from the checked input i.j (sc_person_check_input) */
#define INPUT_ADDRESS_LINES \
  "CASE WHEN jsonb_typeof(i.j->'address') = 'object'" \
  " THEN ARRAY(SELECT jsonb_array_elements_text(i.j->'address'->'lines')) END"
#define INPUT_LANGUAGES \
  "ARRAY(SELECT jsonb_array_elements_text(coalesce(i.j->'languages', '[]')))"

/* The contacts of the input, for the person @who just written */
#define INSERT_CONTACTS(who) \
  "INSERT INTO person_contact (person_id, position, name, relationship, phone, email, preferred_contact," \
  "                            parental_responsibility)" \
  " SELECT " who ".id, e.ord, e.v->>'name', e.v->>'relationship', e.v->>'phone', e.v->>'email'," \
  "        e.v->>'preferred_contact', coalesce((e.v->>'parental_responsibility')::boolean, false)" \
  " FROM " who ", i, jsonb_array_elements(coalesce(i.j->'contacts', '[]')) WITH ORDINALITY AS e(v, ord)"

/* The first of the people m found, unique keys first: its id and the
 * fields that matched. */
#define FIRST_MATCH \
  "(SELECT m.id FROM m ORDER BY (m.upn OR m.uln OR m.nhs_number) DESC, m.id LIMIT 1) AS match_id," \
  " (SELECT array_remove(ARRAY[CASE WHEN m.upn THEN 'upn' END, CASE WHEN m.uln THEN 'uln' END," \
  "                            CASE WHEN m.nhs_number THEN 'nhs_number' END," \
  "                            CASE WHEN m.name_dob THEN 'given_name' END," \
  "                            CASE WHEN m.name_dob THEN 'family_name' END," \
  "                            CASE WHEN m.name_dob THEN 'date_of_birth' END], NULL)" \
  "  FROM m ORDER BY (m.upn OR m.uln OR m.nhs_number) DESC, m.id LIMIT 1) AS match_fields"

#define SAME_KEY(column) "coalesce(p." column " = (i.j->>'" column "')::bpchar, false)"
#define SAME_NAME_DOB \
  "(p.date_of_birth = (i.j->>'date_of_birth')::date" \
  " AND person_search_key(p.family_name) = person_search_key(i.j->>'family_name')" \
  " AND person_search_key(p.given_name) = person_search_key(i.j->>'given_name'))"

/* The people the input @i (a CTE of one column j) may be: a row per
 * person sharing a national identifier (upn, uln, nhs_number: booleans) or
 * the names and date of birth (name_dob) */
#define SCD_PERSON_DUPLICATES(i) \
  "SELECT p.id, " SAME_KEY ("upn") " AS upn, " SAME_KEY ("uln") " AS uln, " \
  SAME_KEY ("nhs_number") " AS nhs_number, " SAME_NAME_DOB " AS name_dob" \
  " FROM person p, " i \
  " WHERE p.upn = (i.j->>'upn')::bpchar OR p.uln = (i.j->>'uln')::bpchar" \
  "    OR p.nhs_number = (i.j->>'nhs_number')::bpchar OR " SAME_NAME_DOB

/* The insert of the person of input @i when @condition holds, RETURNING * */
#define SCD_PERSON_INSERT(i, condition) \
  "INSERT INTO person (given_name, family_name, preferred_name, date_of_birth, sex, upn, uln, nhs_number," \
  "                    address_lines, town, postcode, languages)" \
  " SELECT i.j->>'given_name', i.j->>'family_name', i.j->>'preferred_name', (i.j->>'date_of_birth')::date," \
  "        i.j->>'sex', i.j->>'upn', i.j->>'uln', i.j->>'nhs_number', " INPUT_ADDRESS_LINES "," \
  "        i.j->'address'->>'town', i.j->'address'->>'postcode', " INPUT_LANGUAGES \
  " FROM " i " WHERE " condition \
  " RETURNING *"
