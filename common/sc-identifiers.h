/* sc-identifiers.h
 *
 * The national identifiers a person's record carries: the Unique Pupil
 * Number (UPN), the Unique Learner Number (ULN) and the NHS number. Each
 * rule checks the form and the check character of the stored form and, when
 * the value breaks it, adds one field error to @error (see
 * sc_set_field_error), so the daemon answers 422 naming @field and the
 * client shows the same words beside that field. docs/domain.md says what
 * each identifier is.
 *
 * The stored form is exact: nothing is trimmed or folded. A UPN is in
 * capital letters (one in lower case is refused with its own message, and a
 * client may upper-case as the user types); an NHS number is 10 digits
 * without spaces (sc_nhs_number_normalise takes the 3-3-4 form people
 * write). A NULL @value is refused like an empty one: a caller whose field
 * is optional checks only a value that is there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_UPN_LENGTH 13
#define SC_ULN_LENGTH 10
#define SC_NHS_NUMBER_LENGTH 10

/* A permanent ("A" and 12 digits) or temporary ("A", 11 digits, "A") UPN. */
gboolean    sc_upn_validate            (const char   *upn,
                                        const char   *field,
                                        GError      **error);
gboolean    sc_uln_validate            (const char   *uln,
                                        const char   *field,
                                        GError      **error);
gboolean    sc_nhs_number_validate     (const char   *nhs_number,
                                        const char   *field,
                                        GError      **error);
/* "943 476 5919" or "9434765919" to "9434765919"; NULL for anything else.
 * It checks the shape only: the check digit is sc_nhs_number_validate's. */
char       *sc_nhs_number_normalise    (const char   *input);

G_END_DECLS
