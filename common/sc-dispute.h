/* sc-dispute.h
 *
 * The team's view of its disputes: ScDispute, one complaint, mediation
 * or tribunal appeal with its status and next deadline, as the team's
 * list of them all (or a case's list of its own) shows it; and ScDisputeCount, one count of a year's
 * disputes ("appeal", "registered", 12), as the counts per year give
 * them. One JSON codec each, and CSV rows:
 *
 *   {"kind": "appeal", "id": 3, "case_id": 12, "reference": "EH101/26/00012",
 *    "status": "open", "given_name": "Ivo", "family_name": "Marsh", "next_due": "2026-09-29"}
 *   {"kind": "complaint", "measure": "stage_1_upheld", "count": 4}
 *
 * kind: complaint, mediation, appeal. A complaint about the service has
 * no case (case_id null) and no child; a mediation has no reference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-calendar.h"
#include "sc-json-writer.h"

G_BEGIN_DECLS

typedef struct
{
  char   *kind;         /* owned */
  gint64  id;
  gint64  case_id;      /* 0: about the service */
  char   *reference;    /* owned, nullable */
  char   *status;       /* owned: open, closed */
  char   *given_name;   /* owned, nullable */
  char   *family_name;  /* owned, nullable */
  ScDay   next_due;
} ScDispute;

typedef struct
{
  char   *kind;         /* owned */
  char   *measure;      /* owned */
  gint64  count;
} ScDisputeCount;

/* NULL-terminated */
extern const char * const sc_dispute_kinds[];

ScDispute      *sc_dispute_new               (void);
void            sc_dispute_free              (ScDispute            *dispute);
void            sc_dispute_write_json        (const ScDispute      *dispute,
                                              ScJsonWriter         *writer);
/* NULL with SC_ERROR_MALFORMED */
ScDispute      *sc_dispute_new_from_json     (JsonNode             *node,
                                              GError              **error);
void            sc_dispute_append_csv_header (GString              *out);
void            sc_dispute_append_csv        (const ScDispute      *dispute,
                                              GString              *out);

ScDisputeCount *sc_dispute_count_new         (const char           *kind,
                                              const char           *measure,
                                              gint64                count);
void            sc_dispute_count_free        (ScDisputeCount       *count);
void            sc_dispute_count_write_json  (const ScDisputeCount *count,
                                              ScJsonWriter         *writer);
ScDisputeCount *sc_dispute_count_new_from_json (JsonNode           *node,
                                                GError            **error);
/* "kind,measure,count" for @year's counts */
void            sc_dispute_counts_append_csv (GPtrArray            *counts,
                                              int                   year,
                                              GString              *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScDispute, sc_dispute_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScDisputeCount, sc_dispute_count_free)

G_END_DECLS
