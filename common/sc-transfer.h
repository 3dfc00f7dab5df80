/* sc-transfer.h
 *
 * Moving a case between authorities (docs/transfer-format.md). The
 * interchange file one authority exports and the next imports, read and
 * checked whole so that every problem is named at once; the answer of an
 * import; and the mapping of a sending authority's funding band onto one
 * of ours, which a team manager decides.
 *
 * A band mapping, as GET /api/v1/band-mappings lists it:
 *
 *   {"authority_code": "812", "authority_name": "Northfield Council",
 *    "their_code": "B3", "their_description": "Small group support",
 *    "their_amount": 1200000, "our_code": "C", "suggested_code": "C",
 *    "suggested_by": "amount", "decided_by": "manager",
 *    "decided_at": "2026-12-05T10:00:00Z", "waiting": 0, "version": 2}
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-calendar.h"
#include "sc-funding-band.h"
#include "sc-json-writer.h"
#include "sc-plan.h"

G_BEGIN_DECLS

#define SC_TRANSFER_FORMAT         "sendcase-transfer"
#define SC_TRANSFER_FORMAT_VERSION 1
#define SC_AUTHORITY_NAME_MAX_CHARS 200

/* "812": an authority's three-digit DfE code */
gboolean sc_authority_code_is_valid (const char *code);

/* --- the interchange file ------------------------------------------------- */

typedef struct
{
  char          *authority_code;   /* the sending authority's */
  char          *authority_name;
  char          *reference;        /* their case's reference, nullable */
  JsonObject    *person;           /* a person's create, checked (sc_person_check_input) */
  char          *sections[SC_N_PLAN_SECTIONS]; /* the plan in force, normalised; NULL: none */
  ScDay          last_review;      /* the last review meeting, else the plan's last issue; NONE */
  ScFundingBand *band;             /* the sending authority's band, nullable */
  char          *placement_urn;    /* section I's institution, nullable */
  guint          n_events;
  guint          n_versions;
} ScTransferFile;

void            sc_transfer_file_free (ScTransferFile *file);
/* Reads an interchange file. Every problem is a field error under
 * @prefix ("file.person.upn", "file.events[3].date", ...): NULL with
 * SC_ERROR_INVALID_INPUT naming them all. */
ScTransferFile *sc_transfer_file_read (JsonNode       *root,
                                       const char     *prefix,
                                       GError        **error);

/* --- a band mapping ---------------------------------------------------------- */

typedef struct
{
  char   *authority_code;
  char   *authority_name;
  char   *their_code;
  char   *their_description;
  gint64  their_amount;       /* pence a year */
  char   *our_code;           /* nullable: awaiting a decision */
  char   *suggested_code;     /* nullable */
  char   *suggested_by;       /* "code", "amount" or NULL */
  char   *decided_by;         /* username, nullable */
  gint64  decided_at;         /* Unix microseconds, 0: not decided */
  gint64  waiting;            /* transfers whose draft awaits this decision */
  gint64  version;
} ScBandMapping;

extern const char * const sc_band_mapping_change_members[];

ScBandMapping *sc_band_mapping_new           (void);
void           sc_band_mapping_free          (ScBandMapping       *mapping);
void           sc_band_mapping_write_json    (const ScBandMapping *mapping,
                                              ScJsonWriter        *writer);
/* NULL with SC_ERROR_MALFORMED */
ScBandMapping *sc_band_mapping_new_from_json (JsonNode            *node,
                                              GError             **error);
/* A decision's body, {"our_code": "C"}: the code, or NULL with a field error */
char          *sc_band_mapping_change_read   (JsonObject          *body,
                                              GError             **error);

/* --- the answer of an import ------------------------------------------------- */

typedef enum
{
  SC_TRANSFER_BAND_NONE,      /* the file names no band */
  SC_TRANSFER_BAND_MAPPED,    /* a decided mapping gave ours */
  SC_TRANSFER_BAND_UNMAPPED,  /* listed for a team manager's decision */
} ScTransferBandStatus;

typedef struct
{
  gint64                case_id;
  gint64                person_id;
  gboolean              person_created;
  ScTransferBandStatus  band_status;
  ScBandMapping        *band;        /* nullable: none in the file */
} ScTransferIn;

const char   *sc_transfer_band_status_to_string (ScTransferBandStatus status);
ScTransferIn *sc_transfer_in_new           (void);
void          sc_transfer_in_free          (ScTransferIn       *in);
void          sc_transfer_in_write_json    (const ScTransferIn *in,
                                            ScJsonWriter       *writer);
/* NULL with SC_ERROR_MALFORMED */
ScTransferIn *sc_transfer_in_new_from_json (JsonNode           *node,
                                            GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScTransferFile, sc_transfer_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScBandMapping, sc_band_mapping_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScTransferIn, sc_transfer_in_free)

G_END_DECLS
