/* sc-consultation.h
 *
 * ScConsultation: a case asking a school, college or other institution
 * whether it can meet the child's needs (Children and Families Act 2014,
 * s39(2); SEND Code of Practice 9.78-9.84). It is the case's
 * consultation_sent event, keyed by the institution's URN, with the
 * family's preference rank and the plan version sent; answered by
 * consultation_response, or withdrawn by consultation_withdrawn, within
 * the 15 days of its clock milestone. What the clock does not hold is
 * recorded with it at its version: the answer (can_meet_needs,
 * cannot_meet_needs, can_meet_with_conditions), the reasons, the funding
 * asked (a band and an annual amount), the negotiation that followed
 * (offers and counter-offers: who made each, when, for what) and what was
 * agreed. Its reminders are the days it was chased. Amounts are in pence
 * a year. One JSON codec, and one CSV row:
 *
 *   {"id": 301, "case_id": 12, "person_id": 7, "given_name": "Ivo",
 *    "family_name": "Marsh", "owner": {...},
 *    "urn": 100000, "institution": {"name": "...", "phase": "Primary",
 *    "status": "Open", "la_name": "Camden"},
 *    "preference_rank": 1, "plan_version": 2,
 *    "sent_on": "2026-03-02", "due": "2026-03-17", "status": "overdue",
 *    "responded_on": null, "withdrawn_on": null, "reminders": ["2026-03-18"],
 *    "outcome": null, "reasons": null, "band_asked": null,
 *    "amount_asked": null,
 *    "offers": [{"made_on": "...", "made_by": "institution",
 *                "band": "C", "amount": 1450000, "note": null}],
 *    "band_agreed": null, "amount_agreed": null, "agreed_on": null,
 *    "notes": null, "version": 0, "warnings": [...]}
 *
 * status: "awaiting" (no answer, due today or later), "overdue", "answered"
 * or "withdrawn". A change (PUT) names every member of
 * sc_consultation_change_members (null for none).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-calendar.h"
#include "sc-case-event.h"
#include "sc-json-writer.h"
#include "sc-warning.h"

G_BEGIN_DECLS

#define SC_CONSULTATION_TEXT_MAX_CHARS 4000
#define SC_CONSULTATION_NOTE_MAX_CHARS 1000
#define SC_CONSULTATION_BAND_MAX_CHARS 20
#define SC_CONSULTATION_MAX_OFFERS 50
/* The largest preference rank (as the clock reads it) */
#define SC_CONSULTATION_MAX_RANK 1000
/* £10,000,000 a year, in pence */
#define SC_CONSULTATION_MAX_AMOUNT G_GINT64_CONSTANT (1000000000)
/* No amount */
#define SC_AMOUNT_NONE (-1)

typedef struct
{
  ScDay       made_on;
  char       *made_by;            /* owned: authority or institution */
  char       *band;               /* owned, nullable */
  gint64      amount;             /* pence a year, or SC_AMOUNT_NONE */
  char       *note;               /* owned, nullable */
} ScConsultationOffer;

typedef struct
{
  gint64      id;                 /* its consultation_sent event */
  gint64      case_id;
  gint64      person_id;
  char       *given_name;         /* owned */
  char       *family_name;        /* owned */
  ScCaseUser *owner;              /* owned, nullable */
  gint64      urn;
  char       *institution_name;   /* owned, nullable: not in the directory */
  char       *institution_phase;  /* owned, nullable */
  char       *institution_status; /* owned, nullable */
  char       *institution_la;     /* owned, nullable */
  int         preference_rank;    /* 0: none given */
  int         plan_version;       /* 0: none given */
  ScDay       sent_on;
  ScDay       due;
  char       *status;             /* owned: awaiting, overdue, answered, withdrawn */
  ScDay       responded_on;
  ScDay       withdrawn_on;
  GArray     *reminders;          /* of ScDay, never NULL */
  char       *outcome;            /* owned, nullable */
  char       *reasons;            /* owned, nullable */
  char       *band_asked;         /* owned, nullable */
  gint64      amount_asked;
  GPtrArray  *offers;             /* of ScConsultationOffer, never NULL */
  char       *band_agreed;        /* owned, nullable */
  gint64      amount_agreed;
  ScDay       agreed_on;
  char       *notes;              /* owned, nullable */
  gint64      version;
} ScConsultation;

/* What a PUT records; the strings point into the request's body. */
typedef struct
{
  const char *outcome;
  const char *reasons;
  const char *band_asked;
  gint64      amount_asked;
  GPtrArray  *offers;             /* owned: of ScConsultationOffer */
  const char *band_agreed;
  gint64      amount_agreed;
  ScDay       agreed_on;
  const char *notes;
} ScConsultationChange;

/* NULL-terminated */
extern const char * const sc_consultation_outcomes[];
extern const char * const sc_consultation_statuses[];
extern const char * const sc_consultation_parties[];
extern const char * const sc_consultation_change_members[];

ScConsultation *sc_consultation_new           (void);
void            sc_consultation_free          (ScConsultation       *consultation);
ScConsultationOffer *
                sc_consultation_offer_new     (void);
void            sc_consultation_offer_free    (ScConsultationOffer  *offer);
/* The warnings of @consultation, as ScWarning (freed with the array) */
GPtrArray      *sc_consultation_dup_warnings  (const ScConsultation *consultation);
/* Reads a list of offers (as stored, or in a change) into @offers;
 * FALSE with field errors on offers[i].member */
gboolean        sc_consultation_read_offers   (JsonNode             *node,
                                               GPtrArray            *offers,
                                               GError              **error);
void            sc_consultation_write_offers  (GPtrArray            *offers,
                                               ScJsonWriter         *writer);
void            sc_consultation_write_json    (const ScConsultation *consultation,
                                               ScJsonWriter         *writer);
/* NULL with SC_ERROR_MALFORMED naming what is wrong */
ScConsultation *sc_consultation_new_from_json (JsonNode             *node,
                                               GError              **error);
/* One CSV line (RFC 4180, CRLF) for the team's export, and its header */
void            sc_consultation_append_csv_header (GString          *out);
void            sc_consultation_append_csv    (const ScConsultation *consultation,
                                               GString              *out);

/* Reads and checks a PUT's body into @change (cleared with
 * sc_consultation_change_clear); FALSE with field errors. */
gboolean        sc_consultation_change_read   (JsonObject           *body,
                                               ScConsultationChange *change,
                                               GError              **error);
void            sc_consultation_change_clear  (ScConsultationChange *change);
/* The change as the body of a PUT */
char           *sc_consultation_change_to_json (const ScConsultationChange *change);

/* "£14,500.00" for 1450000 pence; "" for SC_AMOUNT_NONE */
char           *sc_amount_format              (gint64                pence);
/* "14500.00", as a form or a CSV file holds it; "" for SC_AMOUNT_NONE */
char           *sc_amount_format_plain        (gint64                pence);
/* "14500", "14,500.50", "£14,500" into pence; FALSE when it is not an
 * amount of money from 0 to SC_CONSULTATION_MAX_AMOUNT */
gboolean        sc_amount_parse               (const char           *text,
                                               gint64               *pence);

/* What a chase did: the consultations reminded, and those skipped with why
 * (not_found, forbidden, answered, withdrawn, before_sent). Written as
 * {"chased": [301, 302], "skipped": [{"id": 303, "reason": "answered"}]} */
typedef struct
{
  GArray     *chased;             /* of gint64 */
  GArray     *skipped;            /* of gint64 */
  GPtrArray  *reasons;            /* of char*, one for each skipped */
} ScConsultationChase;

ScConsultationChase *
                sc_consultation_chase_new     (void);
void            sc_consultation_chase_free    (ScConsultationChase  *chase);
void            sc_consultation_chase_write_json (const ScConsultationChase *chase,
                                                  ScJsonWriter         *writer);
/* NULL with SC_ERROR_MALFORMED */
ScConsultationChase *
                sc_consultation_chase_new_from_json (JsonNode       *node,
                                                     GError        **error);

/* One institution's consultations for a team manager: how many, answered,
 * overdue, refusals (cannot_meet_needs), refusals later reversed (an
 * agreement recorded after them), agreements, and of those agreed the
 * funding asked and agreed, in pence a year. */
typedef struct
{
  gint64      urn;
  char       *name;               /* owned, nullable: not in the directory */
  char       *status;             /* owned, nullable */
  gint64      consultations;
  gint64      answered;
  gint64      overdue;
  gint64      refusals;
  gint64      reversed;
  gint64      agreed;
  gint64      asked_total;
  gint64      agreed_total;
} ScConsultationStats;

ScConsultationStats *
                sc_consultation_stats_new     (void);
void            sc_consultation_stats_free    (ScConsultationStats  *stats);
void            sc_consultation_stats_write_json (const ScConsultationStats *stats,
                                                  ScJsonWriter         *writer);
ScConsultationStats *
                sc_consultation_stats_new_from_json (JsonNode       *node,
                                                     GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScConsultation, sc_consultation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScConsultationChase, sc_consultation_chase_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScConsultationStats, sc_consultation_stats_free)

G_END_DECLS
