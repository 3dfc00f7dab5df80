/* sc-review.h
 *
 * ScReview: one annual review of a case's EHC plan (Children and Families
 * Act 2014, s44; SEND Regulations 2014, regs 18 to 20). Its dates are the
 * clock's: when it is due (the annual_review milestone), the meeting that
 * completed it, the report and the decision that followed with their own
 * deadlines, and the decision's outcome. What the clock does not hold is
 * recorded with it: when the invitations went out, when the meeting is
 * planned, who attended and the reasons for the decision. A review is
 * named by the event that started it (its "id"), and numbered from 1 in
 * its case. Its one JSON codec:
 *
 *   {"id": 41, "number": 2, "case_id": 12,
 *    "person": {"id": 3, "given_name": "Ivo", "family_name": "Lang"},
 *    "owner": {"id": 1, "username": "caseworker", "full_name": "Asha Patel"},
 *    "started_on": "2025-03-10", "due": "2026-03-10", "status": "met",
 *    "invitations_sent": "2026-02-09", "meeting_planned": "2026-02-27",
 *    "meeting_on": "2026-02-27", "attendees": ["Ivo's mother", "SENCo"],
 *    "report_due": "2026-03-13", "report_received_on": "2026-03-06",
 *    "decision_due": "2026-03-27", "decided_on": "2026-03-20",
 *    "outcome": "amend", "reasons": "...", "version": 3,
 *    "warnings": [{"code": "invitations_late", "message": "..."}]}
 *
 * Dates not yet known are null; version is 0 while nothing beyond the
 * dates has been recorded. The warnings are worked out from the rest
 * (sc_review_dup_warnings) and never block anything.
 *
 * The change of a review (PUT) names all four of its own members:
 *
 *   {"invitations_sent": "2026-02-09", "meeting_planned": "2026-02-27",
 *    "attendees": ["Ivo's mother", "SENCo"], "reasons": null}
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-calendar.h"
#include "sc-case-event.h"
#include "sc-warning.h"

G_BEGIN_DECLS

/* At least two weeks' notice of the meeting (reg 20) */
#define SC_REVIEW_NOTICE_DAYS 14
#define SC_REVIEW_ATTENDEES_MAX 40
#define SC_REVIEW_ATTENDEE_MAX_CHARS 200
#define SC_REVIEW_REASONS_MAX_CHARS 4000
/* The team's list: reviews due within eight weeks, and those overdue */
#define SC_REVIEW_DUE_SOON_DAYS 56

typedef struct
{
  gint64      id;                 /* the event that started the review */
  int         number;
  gint64      case_id;
  gint64      person_id;
  char       *given_name;         /* owned */
  char       *family_name;        /* owned */
  ScCaseUser *owner;              /* owned */
  ScDay       started_on;
  ScDay       due;
  char       *status;             /* owned: the annual_review milestone's */
  ScDay       invitations_sent;
  ScDay       meeting_planned;
  ScDay       meeting_on;
  char      **attendees;          /* owned, never NULL */
  ScDay       report_due;
  ScDay       report_received_on;
  ScDay       decision_due;
  ScDay       decided_on;
  char       *outcome;            /* owned, nullable: maintain, amend, cease */
  char       *reasons;            /* owned, nullable */
  gint64      version;
} ScReview;

/* What a PUT changes; the strings point into the request's body. */
typedef struct
{
  ScDay        invitations_sent;
  ScDay        meeting_planned;
  GStrv        attendees;         /* owned by the caller (g_strfreev) */
  const char  *reasons;           /* nullable */
} ScReviewChange;

typedef ScWarning ScReviewWarning;

extern const char * const sc_review_change_members[];

ScReview  *sc_review_new           (void);
void       sc_review_free          (ScReview        *review);
/* The warnings of @review, as ScReviewWarning (freed with the array). */
GPtrArray *sc_review_dup_warnings  (const ScReview  *review);
void       sc_review_write_json    (const ScReview  *review,
                                    ScJsonWriter    *writer);
/* NULL with SC_ERROR_MALFORMED naming what is wrong. */
ScReview  *sc_review_new_from_json (JsonNode        *node,
                                    GError         **error);

/* Reads and checks a PUT's body into @change; FALSE with field errors
 * (SC_ERROR_INVALID) naming each member that is wrong. */
gboolean   sc_review_change_read   (JsonObject      *body,
                                    ScReviewChange  *change,
                                    GError         **error);
void       sc_review_change_clear  (ScReviewChange  *change);
/* The change as the body of a PUT */
char      *sc_review_change_to_json (const ScReviewChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScReview, sc_review_free)

G_END_DECLS
