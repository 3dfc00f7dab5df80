/* sc-mediation.h
 *
 * ScMediation: the mediation before an appeal about a child's case, from
 * the day the family asked the mediation adviser (the record's start):
 * the advice given, the family's request for mediation (which must then
 * take place within 30 days), its provider and the day it was held, the
 * certificate (due 3 working days after the mediation, or after those 30
 * days when it was not held in them, or after the advice when the family
 * does not go on to mediation) and its outcome,
 * and the agreements reached, each with its deadline and the day it was
 * done. The certificate is the case's mediation_certificate_issued
 * event, which extends the time to appeal. One JSON codec:
 *
 *   {"id": 2, "case_id": 12, "person_id": 7, "given_name": "Ivo",
 *    "family_name": "Marsh", "advice_requested_on": "2026-05-04",
 *    "advice_given_on": "2026-05-05", "mediation_requested_on": "2026-05-06",
 *    "mediation_due": "2026-06-05", "provider": "Global Mediation",
 *    "held_on": "2026-05-28", "certificate_due": "2026-06-02",
 *    "certificate_issued_on": null, "outcome": "partly_agreed",
 *    "agreements": [{"what": "Speech and language therapy weekly",
 *                    "due_on": "2026-06-11", "done_on": null}],
 *    "notes": null, "status": "open", "next_due": "2026-06-02",
 *    "version": 3}
 *
 * mediation_due, certificate_due, status and next_due are computed, never
 * written by a client. status is "open" until the certificate is issued
 * and every agreement is done. A change (PUT) names every member of
 * sc_mediation_change_members; what is recorded stays (each day, the
 * outcome, each agreement's what and deadline).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-calendar.h"
#include "sc-json-writer.h"

G_BEGIN_DECLS

#define SC_MEDIATION_HELD_DAYS 30
#define SC_MEDIATION_CERTIFICATE_WORKING_DAYS 3
#define SC_MEDIATION_TEXT_MAX_CHARS 4000
#define SC_MEDIATION_NAME_MAX_CHARS 200
#define SC_MEDIATION_MAX_AGREEMENTS 20

typedef struct
{
  char       *what;               /* owned */
  ScDay       due_on;
  ScDay       done_on;
} ScMediationAgreement;

typedef struct
{
  gint64      id;
  gint64      case_id;
  gint64      person_id;
  char       *given_name;         /* owned, nullable */
  char       *family_name;        /* owned, nullable */
  ScDay       advice_requested_on;
  ScDay       advice_given_on;
  ScDay       mediation_requested_on;
  ScDay       mediation_due;      /* computed */
  char       *provider;           /* owned, nullable */
  ScDay       held_on;
  ScDay       certificate_due;    /* computed */
  ScDay       certificate_issued_on;
  char       *outcome;            /* owned, nullable: sc_mediation_outcomes */
  GPtrArray  *agreements;         /* of ScMediationAgreement, never NULL */
  char       *notes;              /* owned, nullable */
  char       *status;             /* owned: open, closed (computed) */
  ScDay       next_due;           /* computed */
  gint64      version;
} ScMediation;

/* NULL-terminated */
extern const char * const sc_mediation_outcomes[];
extern const char * const sc_mediation_create_members[];
extern const char * const sc_mediation_change_members[];

ScMediation    *sc_mediation_new              (void);
void            sc_mediation_free             (ScMediation       *mediation);
ScMediationAgreement *
                sc_mediation_agreement_new    (void);

/* Fills in what is computed (working days of @calendar) */
void            sc_mediation_compute          (ScMediation       *mediation,
                                               const ScCalendar  *calendar);

void            sc_mediation_write_json       (const ScMediation *mediation,
                                               ScJsonWriter      *writer);
/* The agreements as they are stored */
char           *sc_mediation_agreements_to_json (const ScMediation *mediation);
/* Reads them back; FALSE with field errors on agreements[i].member */
gboolean        sc_mediation_read_agreements  (JsonNode          *node,
                                               GPtrArray         *agreements,
                                               GError           **error);
/* NULL with SC_ERROR_MALFORMED naming what is wrong */
ScMediation    *sc_mediation_new_from_json    (JsonNode          *node,
                                               GError           **error);

/* A POST's body: case_id, advice_requested_on (not after @today), and
 * optionally provider and notes; NULL with field errors. */
ScMediation    *sc_mediation_create_read      (JsonObject        *body,
                                               ScDay              today,
                                               GError           **error);
/* A PUT's body read into a copy of @current; NULL with field errors, a
 * change of what is recorded among them. */
ScMediation    *sc_mediation_change_read      (const ScMediation *current,
                                               JsonObject        *body,
                                               ScDay              today,
                                               GError           **error);
/* The body of a PUT that leaves @mediation as it is */
char           *sc_mediation_change_to_json   (const ScMediation *mediation);

/* The events @after records beyond @before (NULL: a new one): the
 * certificate issued, mediation_certificate_issued. Appends ScClockEvent
 * to @events. */
void            sc_mediation_new_events       (const ScMediation *before,
                                               const ScMediation *after,
                                               GArray            *events);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScMediation, sc_mediation_free)

G_END_DECLS
