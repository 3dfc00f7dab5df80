/* sc-appeal.h
 *
 * ScAppeal: an appeal to the First-tier Tribunal (SEND) about a child's
 * case: its tribunal reference, its type, the day it was registered and
 * the authority's response due 30 tribunal working days later (working
 * days that skip August and 25 December to 1 January), the response sent,
 * the evidence deadline and hearing the tribunal set, the
 * representatives, the outcome with the day of the decision, and the
 * tribunal's orders. Each order starts the deadlines of reg 44(2) on the
 * case's clock, keyed "REFERENCE/N" (the Nth order); whether the
 * authority complied is the clock's: the case's own events complete
 * them (a plan issued, an assessment decided), never a date typed here.
 * One JSON codec:
 *
 *   {"id": 3, "reference": "EH101/26/00012", "case_id": 12, "person_id": 7,
 *    "given_name": "Ivo", "family_name": "Marsh",
 *    "appeal_type": "refusal_to_assess", "registered_on": "2026-07-20",
 *    "response_due": "2026-09-29", "response_sent_on": null,
 *    "evidence_due": null, "hearing_on": null,
 *    "representatives": "IPSEA for the family", "outcome": null,
 *    "decided_on": null,
 *    "orders": [{"order": "assess", "ordered_on": "2026-11-02",
 *                "key": "EH101/26/00012/1",
 *                "deadlines": [{"milestone": "order_assessment_notice",
 *                               "due": "2026-11-16", "status": "pending",
 *                               "completed_on": null}]}],
 *    "notes": null, "status": "open", "next_due": "2026-09-29",
 *    "version": 1}
 *
 * response_due, key, deadlines, status and next_due are computed, never
 * written by a client. status is "open" until the outcome is recorded
 * and every deadline of its orders is met (or late); next_due is the
 * response while it is awaited, else the earliest open order deadline.
 * A change (PUT) names every member of sc_appeal_change_members; what is
 * recorded stays (the response sent, the outcome and its day, each order).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-calendar.h"
#include "sc-clock.h"
#include "sc-json-writer.h"

G_BEGIN_DECLS

#define SC_APPEAL_RESPONSE_DAYS 30
#define SC_APPEAL_TEXT_MAX_CHARS 4000
#define SC_APPEAL_NAME_MAX_CHARS 400
#define SC_APPEAL_MAX_ORDERS 10

typedef struct
{
  char       *milestone;          /* owned: order_assessment_notice, ... */
  ScDay       due;
  char       *status;             /* owned: the clock's (pending, overdue, met, late, ...) */
  ScDay       completed_on;
} ScAppealDeadline;

typedef struct
{
  char       *order;              /* owned: sc_tribunal_order_to_string's */
  ScDay       ordered_on;
  char       *key;                /* owned: "REFERENCE/N" (computed) */
  GPtrArray  *deadlines;          /* of ScAppealDeadline, never NULL (the clock's) */
} ScAppealOrder;

typedef struct
{
  gint64      id;
  char       *reference;          /* owned: the tribunal's */
  gint64      case_id;
  gint64      person_id;
  char       *given_name;         /* owned, nullable */
  char       *family_name;        /* owned, nullable */
  char       *appeal_type;        /* owned: sc_appeal_types */
  ScDay       registered_on;
  ScDay       response_due;       /* computed */
  ScDay       response_sent_on;
  ScDay       evidence_due;
  ScDay       hearing_on;
  char       *representatives;    /* owned, nullable */
  char       *outcome;            /* owned, nullable: sc_appeal_outcomes */
  ScDay       decided_on;
  GPtrArray  *orders;             /* of ScAppealOrder, never NULL */
  char       *notes;              /* owned, nullable */
  char       *status;             /* owned: open, closed (computed) */
  ScDay       next_due;           /* computed */
  gint64      version;
} ScAppeal;

/* NULL-terminated */
extern const char * const sc_appeal_types[];
extern const char * const sc_appeal_outcomes[];
extern const char * const sc_appeal_orders[];
extern const char * const sc_appeal_create_members[];
extern const char * const sc_appeal_change_members[];

ScAppeal       *sc_appeal_new                (void);
void            sc_appeal_free               (ScAppeal          *appeal);
ScAppealOrder  *sc_appeal_order_new          (void);
void            sc_appeal_order_free         (ScAppealOrder     *order);
/* The outcome lets the tribunal order the authority to act (after a
 * dismissal the tribunal may still say the plan continues or ceases) */
gboolean        sc_appeal_outcome_orders     (const char        *outcome);

/* Fills in what is computed: the response due (tribunal working days of
 * @calendar), each order's key, the status and the next due (from the
 * orders' deadlines as the clock has them). */
void            sc_appeal_compute            (ScAppeal          *appeal,
                                              const ScCalendar  *calendar);

void            sc_appeal_write_json         (const ScAppeal    *appeal,
                                              ScJsonWriter      *writer);
/* The orders as they are stored: [{"order", "ordered_on"}] */
char           *sc_appeal_orders_to_json     (const ScAppeal    *appeal);
/* Reads them back (a change's, or the stored ones); FALSE with field
 * errors on orders[i].member */
gboolean        sc_appeal_read_orders        (JsonNode          *node,
                                              GPtrArray         *orders,
                                              GError           **error);
/* Gives each order the deadlines of @node, the clock's milestones keyed
 * by its key: [{"milestone", "key", "due", "status", "completed_on"}] */
void            sc_appeal_take_deadlines     (ScAppeal          *appeal,
                                              JsonNode          *node);
/* NULL with SC_ERROR_MALFORMED naming what is wrong */
ScAppeal       *sc_appeal_new_from_json      (JsonNode          *node,
                                              GError           **error);

/* A POST's body: case_id, reference, appeal_type, registered_on (not
 * after @today), representatives (optional); NULL with field errors. */
ScAppeal       *sc_appeal_create_read        (JsonObject        *body,
                                              ScDay              today,
                                              GError           **error);
/* A PUT's body read into a copy of @current, each order with its key;
 * NULL with field errors, a change of what is recorded among them. */
ScAppeal       *sc_appeal_change_read        (const ScAppeal    *current,
                                              JsonObject        *body,
                                              ScDay              today,
                                              GError           **error);
/* The body of a PUT that leaves @appeal as it is */
char           *sc_appeal_change_to_json     (const ScAppeal    *appeal);

/* What @after records beyond @before (NULL: a new appeal), as the case's
 * events in order: appeal_registered (keyed by the reference),
 * appeal_response_sent, appeal_decided (which cancels a response not
 * lodged yet), and tribunal_order for each new order (keyed by the
 * order's key). Appends ScClockEvent to @events; their keys point
 * into @after, whose orders have their keys (sc_appeal_change_read,
 * sc_appeal_compute). */
void            sc_appeal_new_events         (const ScAppeal    *before,
                                              const ScAppeal    *after,
                                              GArray            *events);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScAppeal, sc_appeal_free)

G_END_DECLS
