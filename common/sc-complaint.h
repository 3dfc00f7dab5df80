/* sc-complaint.h
 *
 * ScComplaint: a complaint to the authority, about a child's case or
 * about the service (no case), under its complaints procedure and then
 * the Local Government and Social Care Ombudsman's. It has a reference
 * of its own, a complainant, a channel, a category and one or two stages:
 * each stage received, acknowledged within 5 working days and answered
 * within 10 (stage 1) or 20 (stage 2), each extension (its reason
 * required) moving the answer another 10 or 20 working days, the answer
 * with its outcome and remedy. Stage 2 follows stage 1's answer; the
 * Ombudsman follows an answer: referred, decided, and the remedy complied
 * with by its date. One JSON codec:
 *
 *   {"id": 4, "reference": "C-2026-0042", "case_id": 12, "person_id": 7,
 *    "given_name": "Ivo", "family_name": "Marsh",
 *    "complainant": "Ms Marsh (parent)", "channel": "email",
 *    "category": "delay", "stage": 1, "received_on": "2026-03-30",
 *    "stages": [{"stage": 1, "received_on": "2026-03-30",
 *                "acknowledged_on": null, "acknowledgement_due": "2026-04-08",
 *                "extensions": [{"extended_on": "...", "reason": "..."}],
 *                "response_due": "2026-04-15", "responded_on": null,
 *                "outcome": null, "remedy": null}],
 *    "ombudsman": null, "notes": null, "status": "open",
 *    "next_due": "2026-04-08", "version": 1}
 *
 * ombudsman: {"reference", "referred_on", "decided_on", "decision",
 * "remedy", "compliance_due", "complied_on"}. status: "open" while a
 * stage awaits its answer or the Ombudsman a decision or its remedy, then
 * "closed". The dues are computed (sc_complaint_compute), never written
 * by a client. A change (PUT) names every member of
 * sc_complaint_change_members; what was recorded stays as it was (a
 * stage's dates, its extensions, its answer, the Ombudsman's dates), and
 * sc_complaint_apply_change says what the change adds, as the case's
 * events when it is about a case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-calendar.h"
#include "sc-case-event.h"
#include "sc-json-writer.h"

G_BEGIN_DECLS

#define SC_COMPLAINT_REFERENCE_MAX_CHARS 40
#define SC_COMPLAINT_NAME_MAX_CHARS 200
#define SC_COMPLAINT_TEXT_MAX_CHARS 4000
#define SC_COMPLAINT_MAX_EXTENSIONS 10

typedef struct
{
  ScDay       extended_on;
  char       *reason;             /* owned */
} ScComplaintExtension;

typedef struct
{
  int         number;             /* 1 or 2 */
  ScDay       received_on;
  ScDay       acknowledged_on;
  ScDay       acknowledgement_due; /* computed */
  GPtrArray  *extensions;         /* of ScComplaintExtension, never NULL */
  ScDay       response_due;       /* computed */
  ScDay       responded_on;
  char       *outcome;            /* owned, nullable: upheld, partly_upheld, not_upheld */
  char       *remedy;             /* owned, nullable */
} ScComplaintStage;

typedef struct
{
  char       *reference;          /* owned, nullable */
  ScDay       referred_on;
  ScDay       decided_on;
  char       *decision;           /* owned, nullable: sc_complaint_ombudsman_decisions */
  char       *remedy;             /* owned, nullable */
  ScDay       compliance_due;
  ScDay       complied_on;
} ScComplaintOmbudsman;

typedef struct
{
  gint64      id;
  char       *reference;          /* owned */
  gint64      case_id;            /* 0: about the service */
  gint64      person_id;          /* 0: no case */
  char       *given_name;         /* owned, nullable */
  char       *family_name;        /* owned, nullable */
  char       *complainant;        /* owned, nullable */
  char       *channel;            /* owned, nullable */
  char       *category;           /* owned */
  int         stage;              /* 1 or 2: the last stage's (computed) */
  ScDay       received_on;        /* stage 1's */
  GPtrArray  *stages;             /* of ScComplaintStage, never NULL */
  ScComplaintOmbudsman *ombudsman; /* owned, nullable */
  char       *notes;              /* owned, nullable */
  char       *status;             /* owned: open, closed (computed) */
  ScDay       next_due;           /* computed */
  gint64      version;
} ScComplaint;

/* NULL-terminated */
extern const char * const sc_complaint_channels[];
extern const char * const sc_complaint_categories[];
extern const char * const sc_complaint_outcomes[];
extern const char * const sc_complaint_ombudsman_decisions[];
extern const char * const sc_complaint_create_members[];
extern const char * const sc_complaint_change_members[];

ScComplaint    *sc_complaint_new             (void);
void            sc_complaint_free            (ScComplaint       *complaint);
ScComplaintStage *
                sc_complaint_stage_new       (void);
void            sc_complaint_stage_free      (ScComplaintStage  *stage);
void            sc_complaint_ombudsman_free  (ScComplaintOmbudsman *ombudsman);
gboolean        sc_complaint_reference_is_valid (const char     *reference);

/* Fills in what is computed: each stage's dues (working days of
 * @calendar), the status and the next due. */
void            sc_complaint_compute         (ScComplaint       *complaint,
                                              const ScCalendar  *calendar);

void            sc_complaint_write_json      (const ScComplaint *complaint,
                                              ScJsonWriter      *writer);
/* The stages, and the Ombudsman's part (null), as they are stored */
char           *sc_complaint_stages_to_json  (const ScComplaint *complaint);
char           *sc_complaint_ombudsman_to_json (const ScComplaint *complaint);
/* Reads them back; FALSE with field errors on stages[i].member and
 * ombudsman.member */
gboolean        sc_complaint_read_stages     (JsonNode          *node,
                                              GPtrArray         *stages,
                                              GError           **error);
gboolean        sc_complaint_read_ombudsman  (JsonNode          *node,
                                              ScComplaintOmbudsman **ombudsman,
                                              GError           **error);
/* NULL with SC_ERROR_MALFORMED naming what is wrong */
ScComplaint    *sc_complaint_new_from_json   (JsonNode          *node,
                                              GError           **error);

/* A POST's body: case_id (optional), reference, received_on, stage,
 * category, complainant and channel (optional), checked against @today;
 * NULL with field errors. */
ScComplaint    *sc_complaint_create_read     (JsonObject        *body,
                                              ScDay              today,
                                              GError           **error);
/* A PUT's body read into a copy of @current with what it changes; NULL
 * with field errors, a change of what is recorded among them. */
ScComplaint    *sc_complaint_change_read     (const ScComplaint *current,
                                              JsonObject        *body,
                                              ScDay              today,
                                              GError           **error);
/* The body of a PUT that leaves @complaint as it is */
char           *sc_complaint_change_to_json  (const ScComplaint *complaint);

/* What @after records beyond @before (NULL: nothing, a new complaint),
 * as the case's events in order: complaint_received of each new stage,
 * complaint_acknowledged, complaint_extended for each new extension,
 * complaint_responded; each keyed by the reference. Appends ScClockEvent
 * to @events (g_free'd with the array; their key points into @after). */
void            sc_complaint_new_events      (const ScComplaint *before,
                                              const ScComplaint *after,
                                              GArray            *events);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScComplaint, sc_complaint_free)

G_END_DECLS
