/* sc-phase-transfer.h
 *
 * ScPhaseTransfer: a child with an EHC plan who moves to the next phase of
 * education in September of a transfer year, whose plan must be reviewed
 * and amended, naming the next school or college, by 15 February of that
 * year (starting school, moving to secondary) or 31 March (leaving
 * secondary for post-16) (SEND Regulations 2014, reg 18). Who moves is
 * read from the date of birth (the age on the 31 August before the move:
 * 4, 11 or 16) or from a phase_transfer_due event recorded on the case
 * for that year (any other move, such as infant to junior school). Its
 * one JSON codec:
 *
 *   {"case_id": 12, "person": {"id": 3, "given_name": "Ivo", "family_name": "Lang"},
 *    "owner": {"id": 1, "username": "caseworker", "full_name": "Asha Patel"},
 *    "date_of_birth": "2016-01-20", "move": "secondary", "route": "school",
 *    "transfer_year": 2027, "due": "2027-02-15", "recorded": true,
 *    "status": "pending", "amended_on": null}
 *
 * move: school_entry, secondary, post16 or other (recorded by an event
 * only); route: school (15 February) or post16 (31 March). recorded: the
 * phase_transfer_due event of the year is on the case, and then status is
 * its phase_transfer_plan milestone's and amended_on the day the amended
 * plan naming the new setting completed it; otherwise both are null.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-calendar.h"
#include "sc-case-event.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      case_id;
  gint64      person_id;
  char       *given_name;     /* owned */
  char       *family_name;    /* owned */
  ScCaseUser *owner;          /* owned */
  ScDay       date_of_birth;
  char       *move;           /* owned */
  char       *route;          /* owned */
  int         transfer_year;
  ScDay       due;
  gboolean    recorded;
  char       *status;         /* owned, nullable */
  ScDay       amended_on;
} ScPhaseTransfer;

/* The transfer year a list made on @today is for: the September after
 * the coming one's deadlines, so from 1 September the next year's. */
int              sc_phase_transfer_year_for      (ScDay                  today);
ScPhaseTransfer *sc_phase_transfer_new           (void);
void             sc_phase_transfer_free          (ScPhaseTransfer       *transfer);
void             sc_phase_transfer_write_json    (const ScPhaseTransfer *transfer,
                                                  ScJsonWriter          *writer);
/* NULL with SC_ERROR_MALFORMED naming what is wrong. */
ScPhaseTransfer *sc_phase_transfer_new_from_json (JsonNode              *node,
                                                  GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScPhaseTransfer, sc_phase_transfer_free)

G_END_DECLS
