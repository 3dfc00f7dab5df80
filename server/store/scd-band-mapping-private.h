/* scd-band-mapping-private.h
 *
 * A band mapping's columns and its decoder, shared by the funding band
 * store (the list and a decision) and a transfer in, which answers with
 * the mapping its band met.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-transfer.h"
#include "scd-store-private.h"

G_BEGIN_DECLS

/* The columns of a mapping @m (band_mapping or a CTE of its rows), each
 * prefixed "bm_", with who decided it and how many transfers await it */
#define SCD_BAND_MAPPING_COLUMNS(m) \
  m ".authority_code AS bm_authority_code, " m ".authority_name AS bm_authority_name," \
  " " m ".their_code AS bm_their_code, " m ".their_description AS bm_their_description," \
  " " m ".their_amount AS bm_their_amount, " m ".our_code AS bm_our_code," \
  " " m ".suggested_code AS bm_suggested_code, " m ".suggested_by AS bm_suggested_by," \
  " (SELECT u.username FROM app_user u WHERE u.id = " m ".decided_by) AS bm_decided_by," \
  " " SCD_SQL_USEC (m ".decided_at") " AS bm_decided_at, " m ".version AS bm_version," \
  " CASE WHEN " m ".our_code IS NULL THEN (SELECT count(*) FROM case_transfer t" \
  "   WHERE t.authority_code = " m ".authority_code AND t.band_code = " m ".their_code) ELSE 0 END AS bm_waiting"

/* The mapping of row @row, or NULL when it has none (bm_their_code null) */
ScBandMapping *_scd_band_mapping_from_row (const PGresult *pg,
                                           int             row);

G_END_DECLS
