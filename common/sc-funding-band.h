/* sc-funding-band.h
 *
 * ScFundingBand: one band of the authority's funding table, the top-up
 * paid to a school or college for a child's plan: its code, what it
 * covers, its annual amount in pence and the days it is valid from and to
 * (to: none while it is in use). Team managers keep the table; a
 * consultation's band asked and agreed, and a plan's section I, name a
 * band by code. One JSON codec:
 *
 *   {"code": "C", "description": "Full-time teaching assistant",
 *    "annual_amount": 1450000, "valid_from": "2026-04-01",
 *    "valid_to": null, "version": 2}
 *
 * A change (PUT /api/v1/funding-bands/{code}) names description,
 * annual_amount, valid_from and valid_to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-calendar.h"
#include "sc-json-writer.h"

G_BEGIN_DECLS

#define SC_FUNDING_BAND_CODE_MAX_CHARS 20
#define SC_FUNDING_BAND_DESCRIPTION_MAX_CHARS 200

typedef struct
{
  char   *code;           /* owned */
  char   *description;    /* owned */
  gint64  annual_amount;  /* pence */
  ScDay   valid_from;
  ScDay   valid_to;       /* SC_DAY_NONE: still valid */
  gint64  version;
} ScFundingBand;

extern const char * const sc_funding_band_change_members[];

ScFundingBand *sc_funding_band_new           (void);
void           sc_funding_band_free          (ScFundingBand       *band);
/* @code is a band's code: 1 to 20 letters, digits, spaces, dots, dashes
 * or underscores, starting with a letter or digit */
gboolean       sc_funding_band_code_is_valid (const char          *code);
void           sc_funding_band_write_json    (const ScFundingBand *band,
                                              ScJsonWriter        *writer);
/* NULL with SC_ERROR_MALFORMED */
ScFundingBand *sc_funding_band_new_from_json (JsonNode            *node,
                                              GError             **error);
/* Reads a PUT's body into @band (its code left alone); FALSE with field
 * errors naming each member that is wrong */
gboolean       sc_funding_band_change_read   (JsonObject          *body,
                                              ScFundingBand       *band,
                                              GError             **error);
/* @band's change as the body of a PUT */
char          *sc_funding_band_change_to_json (const ScFundingBand *band);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScFundingBand, sc_funding_band_free)

G_END_DECLS
