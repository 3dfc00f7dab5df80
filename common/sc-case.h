/* sc-case.h
 *
 * An EHC case as the API shows it: the child it is about (a short form of
 * their record), who owns it and who else is assigned, its stage (from
 * sc-case-rules.h), whether it is restricted, the team's notes, when and from
 * whom the request came, and its next statutory deadline (the earliest open
 * deadline of the clock). Its events are ScCaseEvent; its milestones are the
 * clock's output (sc_clock_result_to_json). One codec, used by the daemon and
 * the client:
 *
 *   {"id": 4, "version": 2,
 *    "person": {"id": 9, "given_name": "Zoë", "family_name": "O'Brien",
 *               "date_of_birth": "2016-04-01", "upn": null},
 *    "owner": {"id": 2, "username": "caseworker", "full_name": "..."}, "assignees": [],
 *    "stage": "assessing", "restricted": false, "notes": null, "handover_note": null,
 *    "handed_over_by": null, "handed_over_at": null,
 *    "request_received": "2026-01-05", "request_source": "parent",
 *    "next_due": "2026-05-25", "next_milestone": "final_plan",
 *    "created_at": "...", "updated_at": "..."}
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "sc-case-event.h"
#include "sc-json-writer.h"

G_BEGIN_DECLS

#define SC_TYPE_CASE (sc_case_get_type ())

G_DECLARE_FINAL_TYPE (ScCase, sc_case, SC, CASE, GObject)

#define SC_CASE_NOTES_MAX_CHARS 10000

/* The child a case is about, as a case shows them. */
typedef struct
{
  gint64  id;
  char   *given_name;     /* owned */
  char   *family_name;    /* owned */
  char   *date_of_birth;  /* owned: YYYY-MM-DD */
  char   *upn;            /* owned, nullable */
} ScCasePerson;

/* Who may send a request for an assessment (s.36(1) Children and Families
 * Act 2014: the parent or young person, or a setting; the health and care
 * professionals who may bring a child to the authority's attention). */
extern const char * const sc_case_request_sources[];
gboolean            sc_case_check_request_source (const char    *value,
                                                  GError       **error);

ScCase             *sc_case_new                  (gint64         id);
/* Setters for decoders; a model is not changed once handed on. */
void                sc_case_set_person           (ScCase        *self,
                                                  gint64         id,
                                                  const char    *given_name,
                                                  const char    *family_name,
                                                  const char    *date_of_birth,
                                                  const char    *upn);
void                sc_case_take_owner           (ScCase        *self,
                                                  ScCaseUser    *owner);
void                sc_case_take_assignee        (ScCase        *self,
                                                  ScCaseUser    *assignee);
void                sc_case_set_stage_name         (ScCase        *self,
                                                  const char    *stage);
void                sc_case_set_restricted       (ScCase        *self,
                                                  gboolean       restricted);
void                sc_case_set_notes            (ScCase        *self,
                                                  const char    *notes,
                                                  const char    *handover_note);
/* Who last handed the case over (taken; NULL: never) and when. */
void                sc_case_take_handover        (ScCase        *self,
                                                  ScCaseUser    *by,
                                                  gint64         at_usec);
void                sc_case_set_request          (ScCase        *self,
                                                  const char    *received,
                                                  const char    *source);
void                sc_case_set_next             (ScCase        *self,
                                                  const char    *due,
                                                  const char    *milestone);
void                sc_case_set_version          (ScCase        *self,
                                                  gint64         version);
void                sc_case_set_times            (ScCase        *self,
                                                  gint64         created_at,
                                                  gint64         updated_at);

gint64              sc_case_get_id               (ScCase        *self);
gint64              sc_case_get_version          (ScCase        *self);
const ScCasePerson *sc_case_get_person           (ScCase        *self);
const ScCaseUser   *sc_case_get_owner            (ScCase        *self);
guint               sc_case_get_n_assignees      (ScCase        *self);
const ScCaseUser   *sc_case_get_assignee         (ScCase        *self,
                                                  guint          index);
const char         *sc_case_get_stage_name         (ScCase        *self);
gboolean            sc_case_get_restricted       (ScCase        *self);
const char         *sc_case_get_notes            (ScCase        *self);
const char         *sc_case_get_handover_note    (ScCase        *self);
/* (nullable): who last handed it over, and when (Unix microseconds, 0: never) */
const ScCaseUser   *sc_case_get_handed_over_by   (ScCase        *self);
gint64              sc_case_get_handed_over_at   (ScCase        *self);
const char         *sc_case_get_request_received (ScCase        *self);
const char         *sc_case_get_request_source   (ScCase        *self);
/* (nullable): no deadline is open */
const char         *sc_case_get_next_due         (ScCase        *self);
const char         *sc_case_get_next_milestone   (ScCase        *self);
gint64              sc_case_get_created_at       (ScCase        *self);
gint64              sc_case_get_updated_at       (ScCase        *self);

void                sc_case_write_json           (ScCase        *self,
                                                  ScJsonWriter  *writer);
/* Reading requires id, person, owner and stage and ignores members it does
 * not know. Errors are SC_ERROR_MALFORMED, naming the member. */
ScCase             *sc_case_new_from_json        (JsonNode      *node,
                                                  GError       **error);

G_END_DECLS
