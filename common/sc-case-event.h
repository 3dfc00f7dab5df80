/* sc-case-event.h
 *
 * One event recorded on an EHC case: what the statutory clock reads (its
 * type, date, key and the members of its type, an ScClockEvent) and who
 * recorded it and when, and, once a mistake is corrected, who voided it,
 * when and why. Events are never deleted. One codec, used by the daemon and
 * the client:
 *
 *   {"id": 12, "position": 3, "type": "advice_requested", "date": "2026-02-10",
 *    "key": "educational_psychologist", "note": null,
 *    "recorded_by": {"id": 2, "username": "caseworker", "full_name": "..."},
 *    "recorded_at": "...", "voided_at": null, "voided_by": null, "void_reason": null}
 *
 * The members of an event's type are named as the clock's JSON names them
 * (docs/statutory-clock.md, "Input"); sc_case_event_read_clock_event() reads
 * them with the clock's own rules, so the API refuses what the clock would,
 * with the same words, field by field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "sc-clock.h"
#include "sc-json-writer.h"

G_BEGIN_DECLS

/* A user as a case names them: owner, assignee, who recorded an event. */
typedef struct
{
  gint64  id;
  char   *username;   /* owned */
  char   *full_name;  /* owned, may be empty */
} ScCaseUser;

ScCaseUser *sc_case_user_new          (gint64              id,
                                       const char         *username,
                                       const char         *full_name);
void        sc_case_user_free         (ScCaseUser         *user);
/* What a person reads: the full name, or the username when there is none. */
const char *sc_case_user_get_name     (const ScCaseUser   *user);
void        sc_case_user_write_json   (const ScCaseUser   *user,
                                       ScJsonWriter       *writer);
/* NULL with a field error on @member when it is not a user object. */
ScCaseUser *sc_case_user_read         (JsonObject         *object,
                                       const char         *member,
                                       gboolean            required,
                                       GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCaseUser, sc_case_user_free)

#define SC_TYPE_CASE_EVENT (sc_case_event_get_type ())

G_DECLARE_FINAL_TYPE (ScCaseEvent, sc_case_event, SC, CASE_EVENT, GObject)

#define SC_CASE_EVENT_NOTE_MAX_CHARS 2000
#define SC_CASE_EVENT_KEY_MAX_CHARS 100

/* The members an event's request may carry: the clock's, and "note". */
extern const char * const sc_case_event_input_members[];

/* @event: copied, its key too */
ScCaseEvent        *sc_case_event_new             (gint64              id,
                                                   const ScClockEvent *event);
/* Setters for decoders; a model is not changed once handed on. */
void                sc_case_event_set_position    (ScCaseEvent        *self,
                                                   guint               position);
void                sc_case_event_set_note        (ScCaseEvent        *self,
                                                   const char         *note);
void                sc_case_event_take_recorded   (ScCaseEvent        *self,
                                                   ScCaseUser         *by,
                                                   gint64              at_usec);
/* @by: (transfer full) */
void                sc_case_event_take_voided     (ScCaseEvent        *self,
                                                   ScCaseUser         *by,
                                                   gint64              at_usec,
                                                   const char         *reason);

gint64              sc_case_event_get_id          (ScCaseEvent        *self);
/* Recording order within the case, from 1 */
guint               sc_case_event_get_position    (ScCaseEvent        *self);
/* Its key is owned by @self */
const ScClockEvent *sc_case_event_get_clock_event (ScCaseEvent        *self);
const char         *sc_case_event_get_note        (ScCaseEvent        *self);
const ScCaseUser   *sc_case_event_get_recorded_by (ScCaseEvent        *self);
gint64              sc_case_event_get_recorded_at (ScCaseEvent        *self);
gboolean            sc_case_event_is_voided       (ScCaseEvent        *self);
/* (nullable) */
const ScCaseUser   *sc_case_event_get_voided_by   (ScCaseEvent        *self);
gint64              sc_case_event_get_voided_at   (ScCaseEvent        *self);
const char         *sc_case_event_get_void_reason (ScCaseEvent        *self);

void                sc_case_event_write_json      (ScCaseEvent        *self,
                                                   ScJsonWriter       *writer);
/* Errors are SC_ERROR_MALFORMED, naming the member. */
ScCaseEvent        *sc_case_event_new_from_json   (JsonNode           *node,
                                                   GError            **error);

/* Reads "type", "date", "key" and the members of the type from @object
 * with the clock's rules. A member the type does not read (other than
 * those in @also_allowed) is a field error too. *@key_out (owned) holds the
 * key *@event points to. Errors are SC_ERROR_INVALID_INPUT with a field
 * error per member. */
gboolean            sc_case_event_read_clock_event (JsonObject         *object,
                                                    const char * const *also_allowed,
                                                    ScClockEvent       *event,
                                                    char              **key_out,
                                                    GError            **error);
/* The members of @event's type beyond type, date and key, as a JSON object
 * ("{}" for none): what the daemon stores beside them. */
char               *sc_case_event_dup_details     (const ScClockEvent *event);
/* Writes @event's type, date, key and type members into the current object. */
void                sc_case_event_write_members   (const ScClockEvent *event,
                                                   ScJsonWriter       *writer);

G_END_DECLS
