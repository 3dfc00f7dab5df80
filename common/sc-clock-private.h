/* sc-clock-private.h
 *
 * What the engine (sc-clock.c) and its JSON codec (sc-clock-json.c) share:
 * the input's layout, the checks every event passes whichever way it came
 * in, and the one way a structural error is reported ("event N: problem",
 * with the field error events[N].field attached for the daemon's problem
 * document).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-clock.h"

G_BEGIN_DECLS

/* The longest member name or value quoted back in a message. */
#define SC_CLOCK_QUOTE_MAX 64

typedef struct
{
  int         event_index;   /* -1: a top-level member */
  const char *member;        /* in the input's string chunk, already escaped */
} ScIgnoredMember;

struct _ScClockInput
{
  gatomicrefcount  ref_count;

  /* Owned */
  GArray          *events;    /* of ScClockEvent; their keys live in @strings */
  GArray          *ignored;   /* of ScIgnoredMember, from the JSON codec */
  GStringChunk    *strings;

  ScDay            date_of_birth;
};

typedef struct
{
  ScMilestone      pub;

  guint            seq;            /* creation order: the last tie-break */
  int              next_same_id;   /* chain of this id in creation order, -1 ends */
  int              peer;           /* final_plan: the assessment_decision of its request */
  ScTribunalOrder  order;          /* order_final_plan: the order that started it */
  guint8           stage;          /* complaint_response: 1 or 2 */
  guint8           cancelled;
  guint8           excepted;       /* an exception applies if it ends late or overdue */
} ScMilestoneState;

typedef struct
{
  ScDay              date;
  ScExceptionReason  reason;
} ScClockException;

struct _ScClockResult
{
  gatomicrefcount  ref_count;

  /* Owned */
  ScClockInput    *input;        /* borrowed keys of the milestones live here */
  GArray          *milestones;   /* of Milestone */
  GArray          *warnings;     /* of ScClockWarning */
  GArray          *order;        /* of guint: event indices in date order */
  GArray          *exceptions;   /* of ScClockException: those walked so far */
};

/* Which members each event type reads beyond "type" and "date". */
typedef enum
{
  SC_FIELD_KEY            = 1 << 0,
  SC_FIELD_REASON         = 1 << 1,
  SC_FIELD_OUTCOME        = 1 << 2,
  SC_FIELD_ORDER          = 1 << 3,
  SC_FIELD_TRANSFER       = 1 << 4,   /* transfer_year and route */
  SC_FIELD_STAGE          = 1 << 5,
  SC_FIELD_LAST_REVIEW    = 1 << 6,   /* optional */
  SC_FIELD_PHASE_TRANSFER = 1 << 7,   /* optional */
  SC_FIELD_CONSULTATION   = 1 << 8,   /* preference_rank and plan_version, optional */
} ScClockField;

/* The largest preference_rank or plan_version an event may carry */
#define SC_CLOCK_MAX_COUNT 1000

guint     _sc_event_type_get_fields     (ScEventType          type);
/* The event type's name nearest to @text, a mistyped one, or NULL when none
 * is near enough to be what was meant. */
const char *_sc_event_type_suggest      (const char          *text);
/* The value named @text of the enumerated member @member ("reason",
 * "outcome", "order" or "route"); one past the last value if unknown. */
guint     _sc_clock_enum_parse          (const char          *member,
                                         const char          *text);

/* Adds one field error for member @field of event @index (the whole event
 * when @field is NULL), or for the top-level member @field when @index is
 * negative; the first one also sets the error's message, which is what
 * sendcasectl prints. */
void      _sc_clock_input_error         (GError             **error,
                                         int                  index,
                                         const char          *field,
                                         const char          *format,
                                         ...) G_GNUC_PRINTF (4, 5);
/* Checks what every event of @event->type needs; reports as above. */
gboolean  _sc_clock_event_check         (const ScClockEvent  *event,
                                         guint                index,
                                         GError             **error);
/* Appends a checked event, copying its key. */
void      _sc_clock_input_append        (ScClockInput        *input,
                                         const ScClockEvent  *event);
void      _sc_clock_input_add_ignored   (ScClockInput        *input,
                                         int                  event_index,
                                         const char          *member);
/* A short, one-line, escaped copy of user text for messages; free it. */
char     *_sc_clock_quote               (const char          *text);

G_END_DECLS
