/* sc-proceeding.h
 *
 * ScProceeding: one of the steps in an EHC plan's life that runs beside
 * its reviews, each started by one of the case's events and followed on
 * the clock:
 *
 *   amendment     amendment_notice_issued: 15 days for the family's
 *                 comments (reg 22(2)), the amended plan within 8 weeks
 *                 (reg 22(3));
 *   reassessment  reassessment_requested: the decision within 15 days
 *                 (reg 25), then the plan within 14 weeks (reg 27(2)) or,
 *                 on a refusal, the time to appeal;
 *   ceasing       cease_decided: the time to appeal, then plan_ceased
 *                 (Children and Families Act 2014, s45; reg 31);
 *   transfer_in   transfer_in: the notice to the family within 6 weeks
 *                 (reg 15(4)) and the first review, from the last one the
 *                 other authority held (reg 15(5)).
 *
 * Its steps are the clock's milestones those events started. What the
 * clock does not hold is recorded with it, one date, one party, one
 * ground and notes, read by kind:
 *
 *   kind          noted_on                 party               notes
 *   amendment     comments received on     who commented       the comments
 *   reassessment  -                        who asked           the reasons
 *   ceasing       decision notice sent on  who was notified    the reasons
 *   transfer_in   plan received on         sending authority   notes
 *
 * and, for a ceasing only, its ground (s45: one of sc_proceeding_grounds).
 * Its one JSON codec:
 *
 *   {"id": 88, "case_id": 12, "kind": "amendment", "status": "open",
 *    "started_on": "2026-03-20", "decision": null, "decided_on": null,
 *    "last_review": null, "ended_on": null, "ended_by": null,
 *    "steps": [{"milestone": "amendment_comments", "due": "2026-04-03",
 *               "status": "open", "completed_on": null}, ...],
 *    "noted_on": "2026-04-01", "party": "Ivo's mother",
 *    "ground": null, "notes": "...", "version": 2,
 *    "warnings": [{"code": "comments_unrecorded", "message": "..."}]}
 *
 * status is "open" until its last step is done or no longer needed (a
 * ceasing: until it ends, by plan_ceased, transfer_out or the Tribunal's
 * order to continue the plan), then "closed". The change of
 * one (PUT) names all four of noted_on, party, ground and notes (null for
 * none).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-calendar.h"
#include "sc-json-writer.h"
#include "sc-warning.h"

G_BEGIN_DECLS

#define SC_PROCEEDING_PARTY_MAX_CHARS 200
#define SC_PROCEEDING_NOTES_MAX_CHARS 4000

typedef struct
{
  char  *milestone;               /* owned: the clock's name */
  ScDay  due;
  char  *status;                  /* owned: the milestone's */
  ScDay  completed_on;
} ScProceedingStep;

typedef struct
{
  gint64      id;                 /* the event that started it */
  gint64      case_id;
  char       *kind;               /* owned: amendment, reassessment, ceasing, transfer_in */
  ScDay       started_on;
  char       *decision;           /* owned, nullable: a reassessment's, reassess or not_reassess */
  ScDay       decided_on;
  ScDay       last_review;        /* a transfer in's, from the other authority */
  ScDay       ended_on;           /* a ceasing's end: the plan ceased, moved away or was kept */
  char       *ended_by;           /* owned, nullable: plan_ceased, transfer_out or tribunal_order */
  GPtrArray  *steps;              /* of ScProceedingStep, never NULL */
  ScDay       noted_on;
  char       *party;              /* owned, nullable */
  char       *ground;             /* owned, nullable */
  char       *notes;              /* owned, nullable */
  gint64      version;
} ScProceeding;

/* What a PUT changes; the strings point into the request's body. */
typedef struct
{
  ScDay       noted_on;
  const char *party;              /* nullable */
  const char *ground;             /* nullable */
  const char *notes;              /* nullable */
} ScProceedingChange;

/* The kinds, and the grounds a plan may cease on, NULL-terminated */
extern const char * const sc_proceeding_kinds[];
#define SC_PROCEEDING_N_GROUNDS 6
extern const char * const sc_proceeding_grounds[SC_PROCEEDING_N_GROUNDS + 1];
extern const char * const sc_proceeding_change_members[];

ScProceeding *sc_proceeding_new            (void);
void          sc_proceeding_free           (ScProceeding        *proceeding);
/* The step of milestone @milestone, or NULL */
const ScProceedingStep *
              sc_proceeding_find_step      (const ScProceeding  *proceeding,
                                            const char          *milestone);
/* "open" or "closed" (static) */
const char   *sc_proceeding_get_status     (const ScProceeding  *proceeding);
/* The warnings of @proceeding, as ScWarning (freed with the array). */
GPtrArray    *sc_proceeding_dup_warnings   (const ScProceeding  *proceeding);
/* Reads a list of steps (the "steps" member, or what a store reads) into
 * @steps; FALSE with SC_ERROR_MALFORMED */
gboolean      sc_proceeding_read_steps     (JsonNode            *node,
                                            GPtrArray           *steps,
                                            GError             **error);
void          sc_proceeding_write_json     (const ScProceeding  *proceeding,
                                            ScJsonWriter        *writer);
/* NULL with SC_ERROR_MALFORMED naming what is wrong. */
ScProceeding *sc_proceeding_new_from_json  (JsonNode            *node,
                                            GError             **error);

/* Reads and checks a PUT's body into @change; FALSE with field errors
 * (SC_ERROR_INVALID) naming each member that is wrong. */
gboolean      sc_proceeding_change_read    (JsonObject          *body,
                                            ScProceedingChange  *change,
                                            GError             **error);
/* The change as the body of a PUT */
char         *sc_proceeding_change_to_json (const ScProceedingChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScProceeding, sc_proceeding_free)

G_END_DECLS
