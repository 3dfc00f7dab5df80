/* test-identifiers.c
 *
 * The rules of the UPN, the ULN and the NHS number: numbers worked out by
 * hand (the sums are in the comments), every kind of refusal with its exact
 * words, and properties over many numbers, each checked against the check
 * character worked out another way than the code does it: the UPN's weighted
 * sum as a sum of running totals, the ULN and the NHS number as one weighted
 * sum over all ten digits. Every single-character change of a good number is
 * refused, and a UPN has exactly one check letter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-identifiers.h"
#include "sc-problem.h"

typedef gboolean (*ValidateFunc) (const char *value, const char *field, GError **error);

#define UPN_FORMAT "must be 13 characters: a letter, 11 digits, then a digit or a letter"
#define UPN_CAPITALS "must use capital letters"
#define UPN_IOS "cannot use the letters I, O or S"
#define UPN_CHECK "has the wrong check letter"
#define ULN_FORMAT "must be 10 digits, the first not 0"
#define NHS_FORMAT "must be 10 digits"
#define NO_CHECK_DIGIT "cannot be right, as no check digit fits its first nine digits"
#define WRONG_CHECK_DIGIT "has the wrong check digit"

/* The letters of the UPN's check, A = 0 to Z = 22: the alphabet without I, O
 * and S. */
static const char letters[] = "ABCDEFGHJKLMNPQRTUVWXYZ";

/* The field message @validate gives @value, or NULL when it takes it; checks
 * the shape of the error on the way. */
static char *
refusal (ValidateFunc  validate,
         const char   *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *full = NULL;
  const ScProblem *problem;
  const char *message;

  if (validate (value, "id", &error))
    {
      g_assert_no_error (error);
      g_assert_true (validate (value, "id", NULL));
      return NULL;
    }
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
  problem = sc_error_get_problem (error);
  g_assert_nonnull (problem);
  g_assert_cmpuint (sc_problem_get_n_field_errors (problem), ==, 1);
  message = sc_problem_lookup_field (problem, "id");
  g_assert_nonnull (message);
  full = g_strconcat ("id: ", message, NULL);
  g_assert_cmpstr (error->message, ==, full);
  /* the same answer without an error to fill */
  g_assert_false (validate (value, "id", NULL));
  return g_strdup (message);
}

typedef struct
{
  const char *value;
  const char *message;  /* NULL: taken */
} Case;

static void
check_cases (ValidateFunc  validate,
             const Case   *cases,
             gsize         n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *message = refusal (validate, cases[i].value);

      if (g_strcmp0 (message, cases[i].message) != 0)
        g_error ("\"%s\": expected %s, got %s", cases[i].value != NULL ? cases[i].value : "(null)",
                 cases[i].message != NULL ? cases[i].message : "taken",
                 message != NULL ? message : "taken");
    }
}

/* --- UPN ----------------------------------------------------------------- */

/* A letter's value counted from its place in the alphabet, less the letters
 * skipped before it; -1 for I, O and S. */
static int
letter_value (char c)
{
  if (c == 'I' || c == 'O' || c == 'S')
    return -1;
  return (c - 'A') - (c > 'I') - (c > 'O') - (c > 'S');
}

static guint
char_value (char c)
{
  return g_ascii_isdigit (c) ? (guint) (c - '0') : (guint) letter_value (c);
}

/* The check letter of characters 2 to 13 (@rest, 12 characters). Character
 * i weighs i, so the weighted sum is the sum over k = 1..13 of the running
 * total of the characters from k on (character 1 counts for nothing): each
 * character i is in i of those totals. */
static char
upn_check_letter (const char *rest)
{
  guint running = 0;
  guint sum = 0;

  for (int i = 11; i >= 0; i--)
    {
      running += char_value (rest[i]);
      sum += running;   /* the total from character i + 2 on */
    }
  sum += running;       /* and from character 1 on */
  return letters[sum % 23];
}

static void
test_upn_letters (void)
{
  g_assert_cmpuint (strlen (letters), ==, 23);
  for (int i = 0; i < 23; i++)
    g_assert_cmpint (letter_value (letters[i]), ==, i);
  g_assert_cmpint (letter_value ('I'), ==, -1);
  g_assert_cmpint (letter_value ('O'), ==, -1);
  g_assert_cmpint (letter_value ('S'), ==, -1);
}

static void
test_upn_valid (void)
{
  static const Case cases[] = {
    /* 2x8 + 4x1 + 5x2 + 10x5 + 13x1 = 93 = 4x23 + 1: B */
    { "B801200005001", NULL },
    /* the same with a temporary last letter A (0): 80 = 3x23 + 11: M */
    { "M80120000500A", NULL },
    /* a last letter B counts 1, as the digit 1 does: the same check as the first */
    { "B80120000500B", NULL },
    /* 2x2 + 4x7 + 9x1 + 10x6 + 12x4 + 13x9 = 266 = 11x23 + 13: P */
    { "P207000016049", NULL },
    /* 2x9 + 3x2 + 4x6 + 5x2 + 6x5 + 9x1 + 10x3 + 11x1 + 13x4 = 190 = 8x23 + 6: G */
    { "G926250013104", NULL },
    /* the same first eleven with T (16) last: 138 + 13x16 = 346 = 15x23 + 1: B */
    { "B92625001310T", NULL },
    /* 2x8 + 3x7 + 4x3 + 5x2 + 6x3 + 12x1 + 13x2 = 115 = 5x23: A */
    { "A873230000012", NULL },
    /* 2x3 + 4x1 + 5x2 + 6x4 + 11x9 + 12x9 + 13x22 = 537 = 23x23 + 8: J, with Z (22) last */
    { "J30124000099Z", NULL },
    /* 11x2 = 22: Z, the last letter */
    { "Z000000000200", NULL },
    /* nothing: 0, A */
    { "A000000000000", NULL },
  };

  check_cases (sc_upn_validate, cases, G_N_ELEMENTS (cases));
  /* and the running totals agree with the sums above */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (upn_check_letter (cases[i].value + 1), ==, cases[i].value[0]);
}

static void
test_upn_refused (void)
{
  static const Case cases[] = {
    { NULL, UPN_FORMAT },
    { "", UPN_FORMAT },
    { "B80120000500", UPN_FORMAT },                 /* 12 */
    { "B8012000050011", UPN_FORMAT },               /* 14 */
    { "1801200005001", UPN_FORMAT },                /* no letter first */
    { "B80120000A001", UPN_FORMAT },                /* a letter among the digits */
    { "BB01200005001", UPN_FORMAT },
    { "B80120000500-", UPN_FORMAT },
    { "B801200005001\n", UPN_FORMAT },              /* nothing is trimmed */
    { " B801200005001", UPN_FORMAT },
    { "B801200005001 ", UPN_FORMAT },
    { "B 801200005001", UPN_FORMAT },
    { "B8012 00005001", UPN_FORMAT },
    { "\xc3\x89" "80120000500", UPN_FORMAT },       /* 13 bytes, but an E with an accent first */
    { "B80120000500\xc3\x89", UPN_FORMAT },         /* 14 bytes */
    { "B80120000\xef\xbc\x91" "0", UPN_FORMAT },    /* 13 bytes, but a full-width 1 is no digit */
    { "b801200005001", UPN_CAPITALS },
    { "m80120000500a", UPN_CAPITALS },
    { "M80120000500a", UPN_CAPITALS },
    { "m80120000500A", UPN_CAPITALS },
    { "i801200005001", UPN_CAPITALS },              /* the case is named before the letter */
    { "I801200005001", UPN_IOS },
    { "O801200005001", UPN_IOS },
    { "S801200005001", UPN_IOS },
    { "B80120000500I", UPN_IOS },
    { "B80120000500O", UPN_IOS },
    { "B80120000500S", UPN_IOS },
    { "A801200005001", UPN_CHECK },
    { "C801200005001", UPN_CHECK },
    { "Z801200005001", UPN_CHECK },
    { "Q207000016049", UPN_CHECK },                 /* 266 is 13 (P), not 14 (Q) */
    { "B80120000500A", UPN_CHECK },                 /* temporary: M */
    { "B801200005010", UPN_CHECK },                 /* two digits swapped */
    { "B810200005001", UPN_CHECK },
  };

  check_cases (sc_upn_validate, cases, G_N_ELEMENTS (cases));
}

/* Over many UPNs, permanent and temporary: the one computed is taken; every
 * other letter first is refused, so the check letter is unique; every other
 * digit in any of characters 2 to 12 is refused; every other last character
 * is refused, except the letter with the value of a last digit (or the digit
 * with the value of a last letter A to K), which the check cannot tell
 * apart. */
static void
test_upn_properties (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1999);  /* the year UPNs began */
  static const char lasts[] = "0123456789ABCDEFGHJKLMNPQRTUVWXYZ";
  guint n_temporary = 0;

  for (guint n = 0; n < 1000; n++)
    {
      char upn[SC_UPN_LENGTH + 1];
      guint accepted_first = 0;

      for (guint i = 1; i < 12; i++)
        upn[i] = '0' + g_rand_int_range (rand, 0, 10);
      upn[12] = lasts[g_rand_int_range (rand, 0, sizeof lasts - 1)];
      upn[13] = '\0';
      upn[0] = upn_check_letter (upn + 1);
      n_temporary += g_ascii_isalpha (upn[12]);
      g_assert_true (sc_upn_validate (upn, "upn", NULL));

      for (char c = 'A'; c <= 'Z'; c++)
        {
          char copy[SC_UPN_LENGTH + 1];
          g_autofree char *message = NULL;

          memcpy (copy, upn, sizeof copy);
          copy[0] = c;
          message = refusal (sc_upn_validate, copy);
          if (message == NULL)
            accepted_first++;
          else
            g_assert_cmpstr (message, ==, letter_value (c) < 0 ? UPN_IOS : UPN_CHECK);
        }
      g_assert_cmpuint (accepted_first, ==, 1);

      for (guint i = 1; i < 12; i++)
        for (char d = '0'; d <= '9'; d++)
          {
            char copy[SC_UPN_LENGTH + 1];

            if (d == upn[i])
              continue;
            memcpy (copy, upn, sizeof copy);
            copy[i] = d;
            g_assert_false (sc_upn_validate (copy, "upn", NULL));
          }

      for (guint j = 0; j < sizeof lasts - 1; j++)
        {
          char copy[SC_UPN_LENGTH + 1];

          if (lasts[j] == upn[12])
            continue;
          memcpy (copy, upn, sizeof copy);
          copy[12] = lasts[j];
          g_assert_cmpint (sc_upn_validate (copy, "upn", NULL), ==,
                           char_value (lasts[j]) == char_value (upn[12]));
        }
    }
  /* both kinds were drawn */
  g_assert_cmpuint (n_temporary, >, 100);
  g_assert_cmpuint (n_temporary, <, 900);
}

/* --- ULN and NHS number -------------------------------------------------- */

/* All ten digits weighted 10 down to 1, mod 11: a ULN leaves 10, an NHS
 * number 0. Weighting the last digit 1 folds "the check digit is 10 - r"
 * and "11 - r, 11 being 0" into one sum, and a remainder that no digit can
 * reach (r = 0 for a ULN, 1 for an NHS number) into no number at all. */
static guint
full_remainder (const char *digits)
{
  guint sum = 0;

  for (guint i = 0; i < 10; i++)
    sum += (10 - i) * (guint) (digits[i] - '0');
  return sum % 11;
}

static void
test_uln_valid (void)
{
  static const Case cases[] = {
    /* 9x10 + 2x9 + 7x8 + 6x7 + 3x6 + 0x5 + 8x4 + 6x3 + 8x2 = 290 = 26x11 + 4: 10 - 4 = 6 */
    { "9276308686", NULL },
    /* 1x10 + 1x6 + 2x4 + 5x3 = 39 = 3x11 + 6: 4 */
    { "1000102504", NULL },
    /* 10 + 18 + 24 + 28 + 30 + 30 + 28 + 24 + 18 = 210 = 19x11 + 1: 9 */
    { "1234567899", NULL },
    /* 4x10 + 1x8 + 2x6 + 3x5 + 2x4 + 1x3 + 3x2 = 92 = 8x11 + 4: 6 */
    { "4010232136", NULL },
  };

  check_cases (sc_uln_validate, cases, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (full_remainder (cases[i].value), ==, 10);
}

static void
test_uln_refused (void)
{
  static const Case cases[] = {
    { NULL, ULN_FORMAT },
    { "", ULN_FORMAT },
    { "927630868", ULN_FORMAT },
    { "92763086860", ULN_FORMAT },
    { "0276308686", ULN_FORMAT },           /* the first digit is never 0 */
    { "0000000000", ULN_FORMAT },
    { "927630868A", ULN_FORMAT },
    { "9276 308686", ULN_FORMAT },
    { " 9276308686", ULN_FORMAT },
    { "9276308686\n", ULN_FORMAT },
    { "-276308686", ULN_FORMAT },
    { "9276308\xef\xbc\x96", ULN_FORMAT },      /* 10 bytes, but a full-width 6 */
    { "9276308685", WRONG_CHECK_DIGIT },
    { "9276308687", WRONG_CHECK_DIGIT },
    { "9726308686", WRONG_CHECK_DIGIT },    /* two digits swapped */
    { "9434765919", WRONG_CHECK_DIGIT },    /* an NHS number is not a ULN */
    /* 1x10 + 4x3 = 22 = 2x11: no check digit, whatever the last */
    { "1000000400", NO_CHECK_DIGIT },
    { "1000000406", NO_CHECK_DIGIT },
    { "1000000409", NO_CHECK_DIGIT },
  };

  check_cases (sc_uln_validate, cases, G_N_ELEMENTS (cases));
}

static void
test_nhs_valid (void)
{
  static const Case cases[] = {
    /* 9x10 + 4x9 + 3x8 + 4x7 + 7x6 + 6x5 + 5x4 + 9x3 + 1x2 = 299 = 27x11 + 2: 11 - 2 = 9 */
    { "9434765919", NULL },
    /* 1x10 + 4x3 = 22 = 2x11: 11 - 0 = 11, so 0 */
    { "1000000400", NULL },
    /* 1x10 = 10: 11 - 10 = 1 */
    { "1000000001", NULL },
    /* 92 = 8x11 + 4 (as the ULN above): 7 */
    { "4010232137", NULL },
    /* 290 = 26x11 + 4: 7, where the ULN has 6 */
    { "9276308687", NULL },
  };

  check_cases (sc_nhs_number_validate, cases, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (full_remainder (cases[i].value), ==, 0);
}

static void
test_nhs_refused (void)
{
  static const Case cases[] = {
    { NULL, NHS_FORMAT },
    { "", NHS_FORMAT },
    { "943476591", NHS_FORMAT },
    { "94347659190", NHS_FORMAT },
    { "943 476 5919", NHS_FORMAT },         /* the stored form has no spaces */
    { "943-476-5919", NHS_FORMAT },
    { "943476591X", NHS_FORMAT },
    { "+443476591", NHS_FORMAT },
    { "9434765919 ", NHS_FORMAT },
    { "9434765919\n", NHS_FORMAT },
    { "\xef\xbc\x99" "4347659", NHS_FORMAT },      /* 10 bytes, but a full-width 9 */
    { "9434765910", WRONG_CHECK_DIGIT },
    { "9434765918", WRONG_CHECK_DIGIT },
    { "9434765991", WRONG_CHECK_DIGIT },    /* two digits swapped */
    { "9276308686", WRONG_CHECK_DIGIT },    /* a ULN is not an NHS number */
    /* 1x10 + 1x2 = 12 = 11 + 1: 11 - 1 = 10, so no number, whatever the last */
    { "1000000010", NO_CHECK_DIGIT },
    { "1000000011", NO_CHECK_DIGIT },
    { "1000000019", NO_CHECK_DIGIT },
    /* 210 = 19x11 + 1, likewise */
    { "1234567890", NO_CHECK_DIGIT },
    { "1234567899", NO_CHECK_DIGIT },       /* a good ULN */
  };

  check_cases (sc_nhs_number_validate, cases, G_N_ELEMENTS (cases));
}

/* Over many first nines, every last digit: a number is taken exactly when
 * the sum over all ten digits says so, at most one last digit is taken, and
 * in a number taken every other digit in any of the first nine places is
 * refused. Some first nines have no check digit at all. */
static void
check_mod11_properties (ValidateFunc validate,
                        guint        first_digit_from,
                        guint        wanted_remainder)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint n_without = 0;
  guint n_with = 0;

  for (guint n = 0; n < 5000; n++)
    {
      char number[11];
      guint n_taken = 0;

      number[0] = '0' + g_rand_int_range (rand, first_digit_from, 10);
      for (guint i = 1; i < 9; i++)
        number[i] = '0' + g_rand_int_range (rand, 0, 10);
      number[10] = '\0';

      for (char last = '0'; last <= '9'; last++)
        {
          gboolean expected;

          number[9] = last;
          expected = full_remainder (number) == wanted_remainder;
          g_assert_cmpint (validate (number, "id", NULL), ==, expected);
          if (!expected)
            continue;
          n_taken++;
          for (guint i = 0; i < 9; i++)
            for (char d = '0'; d <= '9'; d++)
              {
                char copy[11];

                if (d == number[i])
                  continue;
                memcpy (copy, number, sizeof copy);
                copy[i] = d;
                g_assert_false (validate (copy, "id", NULL));
              }
        }
      g_assert_cmpuint (n_taken, <=, 1);
      if (n_taken == 0)
        {
          g_autofree char *message = NULL;

          number[9] = '0';
          message = refusal (validate, number);
          g_assert_cmpstr (message, ==, NO_CHECK_DIGIT);
          n_without++;
        }
      else
        n_with++;
    }
  /* about one first nine in eleven has no check digit */
  g_assert_cmpuint (n_without, >, 5000 / 11 / 2);
  g_assert_cmpuint (n_without, <, 5000 / 11 * 2);
  g_assert_cmpuint (n_with, >, 0);
}

static void
test_uln_properties (void)
{
  check_mod11_properties (sc_uln_validate, 1, 10);
}

static void
test_nhs_properties (void)
{
  check_mod11_properties (sc_nhs_number_validate, 0, 0);
}

static void
test_nhs_normalise (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "943 476 5919", "9434765919" },
    { "9434765919", "9434765919" },
    { "943 476 5910", "9434765910" },       /* the shape only: validating is separate */
    { "000 000 0000", "0000000000" },
    { NULL, NULL },
    { "", NULL },
    { "943  476 5919", NULL },
    { "943 476  5919", NULL },
    { "943-476-5919", NULL },
    { "943\t476\t5919", NULL },
    { " 943 476 5919", NULL },
    { "943 476 5919 ", NULL },
    { "943 476 5919\n", NULL },
    { "9434 76 5919", NULL },
    { "943 4765 919", NULL },
    { "94 3476 5919", NULL },
    { "943 476 591", NULL },
    { "943 476 59190", NULL },
    { "943 476 591X", NULL },
    { "943476 5919", NULL },
    { "943 4765919", NULL },
    { "943 476 5919 1", NULL },
    { "943476591", NULL },
    { "94347659190", NULL },
    { "\xef\xbc\x99" "43 476 5919", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = sc_nhs_number_normalise (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* --- errors -------------------------------------------------------------- */

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  const ScProblem *problem;
  const char *messages[] = {
    UPN_FORMAT, UPN_CAPITALS, UPN_IOS, UPN_CHECK, ULN_FORMAT, NHS_FORMAT, NO_CHECK_DIGIT,
    WRONG_CHECK_DIGIT,
  };

  /* one error collects every bad field of a form, each under its own name */
  g_assert_false (sc_upn_validate ("b801200005001", "upn", &error));
  g_assert_true (sc_upn_validate ("B801200005001", "former_upn", &error));
  g_assert_false (sc_uln_validate ("9276308685", "uln", &error));
  g_assert_true (sc_nhs_number_validate ("9434765919", "nhs_number", &error));
  g_assert_false (sc_nhs_number_validate ("943 476 5919", "mother.nhs_number", &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "upn: " UPN_CAPITALS);
  problem = sc_error_get_problem (error);
  g_assert_cmpuint (sc_problem_get_n_field_errors (problem), ==, 3);
  g_assert_cmpstr (sc_problem_lookup_field (problem, "upn"), ==, UPN_CAPITALS);
  g_assert_cmpstr (sc_problem_lookup_field (problem, "uln"), ==, WRONG_CHECK_DIGIT);
  g_assert_cmpstr (sc_problem_lookup_field (problem, "mother.nhs_number"), ==, NHS_FORMAT);
  g_assert_null (sc_problem_lookup_field (problem, "former_upn"));
  g_assert_null (sc_problem_lookup_field (problem, "nhs_number"));

  /* a value taken leaves no error */
  g_clear_error (&error);
  g_assert_true (sc_uln_validate ("9276308686", "uln", &error));
  g_assert_no_error (error);

  /* the field's name is the caller's to give */
  g_test_expect_message ("sc-identifiers", G_LOG_LEVEL_CRITICAL, "*field != NULL*");
  g_assert_false (sc_upn_validate ("B801200005001", NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  /* the words follow a field's name: lower case first, no full stop, short,
   * and the same for every value (so they carry nothing of the value) */
  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      g_assert_true (g_ascii_islower (messages[i][0]));
      g_assert_false (g_str_has_suffix (messages[i], "."));
      g_assert_cmpuint (strlen (messages[i]), <=, 72);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/identifiers/upn/letters", test_upn_letters);
  g_test_add_func ("/common/identifiers/upn/valid", test_upn_valid);
  g_test_add_func ("/common/identifiers/upn/refused", test_upn_refused);
  g_test_add_func ("/common/identifiers/upn/properties", test_upn_properties);
  g_test_add_func ("/common/identifiers/uln/valid", test_uln_valid);
  g_test_add_func ("/common/identifiers/uln/refused", test_uln_refused);
  g_test_add_func ("/common/identifiers/uln/properties", test_uln_properties);
  g_test_add_func ("/common/identifiers/nhs-number/valid", test_nhs_valid);
  g_test_add_func ("/common/identifiers/nhs-number/refused", test_nhs_refused);
  g_test_add_func ("/common/identifiers/nhs-number/properties", test_nhs_properties);
  g_test_add_func ("/common/identifiers/nhs-number/normalise", test_nhs_normalise);
  g_test_add_func ("/common/identifiers/errors", test_errors);

  return g_test_run ();
}
