/* sc-institution.h
 *
 * ScInstitution: a school, college or early-years setting of the DfE's
 * "Get Information About Schools" (GIAS) directory, by its URN, and how
 * one is read from a row of GIAS's establishment CSV. Its one JSON codec:
 *
 *   {"urn": 100000, "ukprn": 10079319, "name": "The Aldgate School",
 *    "la_code": "201", "la_name": "City of London", "establishment_number": "3614",
 *    "type": "Voluntary aided school", "type_group": "Local authority maintained schools",
 *    "status": "Open", "open": true, "phase": "Primary",
 *    "open_date": null, "close_date": null,
 *    "street": "St James's Passage", "town": "London", "postcode": "EC3A 5DE",
 *    "low_age": 3, "high_age": 11}
 *
 * Unknown values are null. "open" is worked out from the status: GIAS's
 * "Closed" (and "Proposed to open") is not open.
 *
 * A GIAS file is read by its header: the columns are found by name, in
 * any order, and the others ignored (sc_gias_columns_read). URN and
 * EstablishmentName are needed; dates are DD-MM-YYYY.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-calendar.h"
#include "sc-json-writer.h"

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SC_INSTITUTION_NAME_MAX_CHARS 200

typedef struct
{
  gint64  urn;
  gint64  ukprn;                  /* 0: none */
  char   *la_code;                /* owned, nullable, as are the strings below */
  char   *la_name;
  char   *establishment_number;
  char   *name;                   /* owned, never NULL */
  char   *type;
  char   *type_group;
  char   *status;
  char   *phase;
  ScDay   open_date;
  ScDay   close_date;
  char   *street;
  char   *town;
  char   *postcode;
  int     low_age;                /* -1: none */
  int     high_age;
} ScInstitution;

ScInstitution *sc_institution_new           (void);
void           sc_institution_free          (ScInstitution       *institution);
gboolean       sc_institution_is_open       (const ScInstitution *institution);
/* @text is a URN as written: a whole number from 1 to 999999999, digits only */
gboolean       sc_urn_is_valid              (const char          *text);
void           sc_institution_write_json    (const ScInstitution *institution,
                                             ScJsonWriter        *writer);
/* NULL with SC_ERROR_MALFORMED naming what is wrong. */
ScInstitution *sc_institution_new_from_json (JsonNode            *node,
                                             GError             **error);

/* Where each column GIAS names is in a file's header (-1: absent) */
typedef struct
{
  int urn, ukprn, la_code, la_name, establishment_number, name, type, type_group, status, phase, open_date,
      close_date, street, town, postcode, low_age, high_age;
} ScGiasColumns;

/* FALSE, with SC_ERROR_INVALID_INPUT naming them, when URN or
 * EstablishmentName is not in @header. */
gboolean       sc_gias_columns_read         (GPtrArray           *header,
                                             ScGiasColumns       *columns,
                                             GError             **error);
/* The institution of one row, or NULL with SC_ERROR_INVALID_INPUT saying
 * which column is wrong and why. */
ScInstitution *sc_gias_row_read             (const ScGiasColumns *columns,
                                             GPtrArray           *fields,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScInstitution, sc_institution_free)

G_END_DECLS
