/* sc-identifiers.c
 *
 * The rules of the UPN, the ULN and the NHS number. Each is checked by hand,
 * byte by byte, not with a regular expression ("$" would also match before a
 * trailing newline) and not with the locale's idea of a digit or a letter:
 * only ASCII counts.
 *
 * A message says what is wrong and never what would be right: telling the
 * user the expected check character would let a mistyped digit be "fixed" by
 * changing the check character, which is the one mistake the check exists to
 * catch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-identifiers"

#include "config.h"

#include <string.h>

#include "sc-identifiers.h"
#include "sc-problem.h"

static gboolean
all_digits (const char *value,
            gsize       from,
            gsize       to)
{
  for (gsize i = from; i < to; i++)
    if (!g_ascii_isdigit (value[i]))
      return FALSE;
  return TRUE;
}

/* --- UPN ----------------------------------------------------------------- */

/* The UPN rule follows the UK Government Data Standards Catalogue entry
 * "Unique Pupil Number" (version 2.0, agreed 18 November 2004, owned by the
 * DfE), whose check the school census applies as validation 1510:
 *
 *  - 13 characters: a check letter, then 12 digits (permanent UPN), or
 *    11 digits and a letter (temporary UPN);
 *  - the check letter is (sum of position x value over characters 2 to 13)
 *    mod 23, as an index into the alphabet without I, O and S;
 *  - a temporary UPN's last letter counts by its index in that same
 *    alphabet (A = 0, B = 1, ...); I, O and S are used neither as the check
 *    letter nor as that last letter.
 *
 * Chosen here, not taken from a source: characters 2 to 12 carry the LA number,
 * the establishment number and the year, but they are not checked against
 * the lists of LA numbers or establishments (the census does check the LA
 * number, validation 1530; the list changes with local government and a
 * record must still take a pupil's UPN from before a change). A UPN in
 * lower case is refused rather than folded: the stored form is the one the
 * DfE and schools exchange. */

static const char upn_letters[] = "ABCDEFGHJKLMNPQRTUVWXYZ";

/* -1 for I, O, S and anything that is not a capital letter */
static int
upn_letter_index (char c)
{
  const char *p = c != '\0' ? strchr (upn_letters, c) : NULL;

  return p != NULL ? (int) (p - upn_letters) : -1;
}

gboolean
sc_upn_validate (const char  *upn,
                 const char  *field,
                 GError     **error)
{
  gsize len = upn != NULL ? strlen (upn) : 0;
  guint sum = 0;

  g_return_val_if_fail (field != NULL, FALSE);

  if (len != SC_UPN_LENGTH || !g_ascii_isalpha (upn[0]) || !all_digits (upn, 1, 12) ||
      !(g_ascii_isdigit (upn[12]) || g_ascii_isalpha (upn[12])))
    {
      sc_set_field_error (error, field,
                          "must be 13 characters: a letter, 11 digits, then a digit or a letter");
      return FALSE;
    }
  if (g_ascii_islower (upn[0]) || g_ascii_islower (upn[12]))
    {
      sc_set_field_error (error, field, "must use capital letters");
      return FALSE;
    }
  if (upn_letter_index (upn[0]) < 0 ||
      (g_ascii_isalpha (upn[12]) && upn_letter_index (upn[12]) < 0))
    {
      sc_set_field_error (error, field, "cannot use the letters I, O or S");
      return FALSE;
    }

  /* upn[i - 1] is character i */
  for (guint i = 2; i <= 12; i++)
    sum += i * (guint) (upn[i - 1] - '0');
  sum += 13 * (guint) (g_ascii_isdigit (upn[12]) ? upn[12] - '0' : upn_letter_index (upn[12]));
  if (upn_letters[sum % 23] != upn[0])
    {
      sc_set_field_error (error, field, "has the wrong check letter");
      return FALSE;
    }
  return TRUE;
}

/* --- ULN and NHS number -------------------------------------------------- */

/* Both are ten digits with a modulus 11 check on the first nine, weighted
 * 10 down to 2; they differ in the check digit drawn from the remainder, and
 * share the words for a check that fails. */
#define NO_CHECK_DIGIT "cannot be right, as no check digit fits its first nine digits"
#define WRONG_CHECK_DIGIT "has the wrong check digit"

static guint
mod11_remainder (const char *digits)
{
  guint sum = 0;

  for (guint i = 0; i < 9; i++)
    sum += (10 - i) * (guint) (digits[i] - '0');
  return sum % 11;
}

/* The ULN rule, as the HESA student record's "Unique Learner Number" field
 * and the school census (validation 1575) both state it: 10 digits, the
 * first not 0; r = (sum of the first nine digits weighted 10 to 2) mod 11;
 * the check digit is 10 - r, and a remainder of 0 (a check "digit" of 10)
 * means no such ULN exists. HESA puts it as: the sum of all ten digits
 * weighted 10 to 1 leaves 10 mod 11, which is the same rule. The Learning
 * Records Service issues the numbers; its own validation note was not
 * available to check against. */
gboolean
sc_uln_validate (const char  *uln,
                 const char  *field,
                 GError     **error)
{
  gsize len = uln != NULL ? strlen (uln) : 0;
  guint remainder;

  g_return_val_if_fail (field != NULL, FALSE);

  if (len != SC_ULN_LENGTH || !all_digits (uln, 0, len) || uln[0] == '0')
    {
      sc_set_field_error (error, field, "must be 10 digits, the first not 0");
      return FALSE;
    }
  remainder = mod11_remainder (uln);
  if (remainder == 0)
    {
      sc_set_field_error (error, field, NO_CHECK_DIGIT);
      return FALSE;
    }
  if ((guint) (uln[9] - '0') != 10 - remainder)
    {
      sc_set_field_error (error, field, WRONG_CHECK_DIGIT);
      return FALSE;
    }
  return TRUE;
}

/* The NHS number rule is the NHS Data Dictionary's ("NHS NUMBER"): 10
 * digits; r = (sum of the first nine weighted 10 to 2) mod 11; the check
 * digit is 11 - r, 0 when that is 11, and when it is 10 the number is not
 * used. The ranges numbers are issued from are not checked: the check is
 * what catches a mistyped number, and the ranges change. */
gboolean
sc_nhs_number_validate (const char  *nhs_number,
                        const char  *field,
                        GError     **error)
{
  gsize len = nhs_number != NULL ? strlen (nhs_number) : 0;
  guint check;

  g_return_val_if_fail (field != NULL, FALSE);

  if (len != SC_NHS_NUMBER_LENGTH || !all_digits (nhs_number, 0, len))
    {
      sc_set_field_error (error, field, "must be 10 digits");
      return FALSE;
    }
  check = 11 - mod11_remainder (nhs_number);
  if (check == 11)
    check = 0;
  if (check == 10)
    {
      sc_set_field_error (error, field, NO_CHECK_DIGIT);
      return FALSE;
    }
  if ((guint) (nhs_number[9] - '0') != check)
    {
      sc_set_field_error (error, field, WRONG_CHECK_DIGIT);
      return FALSE;
    }
  return TRUE;
}

/**
 * sc_nhs_number_normalise:
 * @input: (nullable): an NHS number as typed
 *
 * Takes the stored form or the 3-3-4 form NHS letters and cards print: three
 * digits, one space, three digits, one space, four digits. Nothing else is
 * taken: no other spacing, no hyphens, no leading or trailing space.
 *
 * Returns: (transfer full) (nullable): the ten digits, or NULL
 */
char *
sc_nhs_number_normalise (const char *input)
{
  gsize len = input != NULL ? strlen (input) : 0;
  char digits[SC_NHS_NUMBER_LENGTH + 1];

  if (len == SC_NHS_NUMBER_LENGTH && all_digits (input, 0, len))
    return g_strdup (input);
  if (len != SC_NHS_NUMBER_LENGTH + 2 || input[3] != ' ' || input[7] != ' ' ||
      !all_digits (input, 0, 3) || !all_digits (input, 4, 7) || !all_digits (input, 8, len))
    return NULL;

  memcpy (digits, input, 3);
  memcpy (digits + 3, input + 4, 3);
  memcpy (digits + 6, input + 8, 4);
  digits[SC_NHS_NUMBER_LENGTH] = '\0';
  return g_strdup (digits);
}
