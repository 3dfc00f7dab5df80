/* sc-audit-event.h
 *
 * One row of the audit trail: who (user, role, address, request) did what
 * (action) to which records (resource type and id, or the ids a list showed)
 * and how it ended (outcome). The daemon decodes it from its database rows
 * and writes it as JSON for GET /api/v1/audit; clients read it back with the
 * same codec.
 *
 *   {"id": 91, "at": "...", "user_id": 7, "username": "asha", "role": "caseworker",
 *    "action": "user.list", "resource_type": "user", "resource_id": null,
 *    "resource_ids": ["3", "7"], "request_id": "...", "source_address": "127.0.0.1",
 *    "outcome": "success"}
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "sc-json-writer.h"

G_BEGIN_DECLS

#define SC_TYPE_AUDIT_EVENT (sc_audit_event_get_type ())

G_DECLARE_FINAL_TYPE (ScAuditEvent, sc_audit_event, SC, AUDIT_EVENT, GObject)

/* @at: Unix microseconds */
ScAuditEvent       *sc_audit_event_new                (gint64              id,
                                                       gint64              at,
                                                       const char         *action,
                                                       const char         *outcome);
/* Setters for decoders; a model is not changed once handed on. Each string
 * is nullable. @user_id: 0 for none. */
void                sc_audit_event_set_actor          (ScAuditEvent       *self,
                                                       gint64              user_id,
                                                       const char         *username,
                                                       const char         *role,
                                                       const char         *request_id,
                                                       const char         *source_address);
/* @resource_ids: (nullable) (array zero-terminated=1): the ids a list showed */
void                sc_audit_event_set_resource       (ScAuditEvent       *self,
                                                       const char         *resource_type,
                                                       const char         *resource_id,
                                                       const char * const *resource_ids);

gint64              sc_audit_event_get_id             (ScAuditEvent       *self);
gint64              sc_audit_event_get_at             (ScAuditEvent       *self);
/* 0 when no signed-in user acted (a failed sign-in, sendcasectl) */
gint64              sc_audit_event_get_user_id        (ScAuditEvent       *self);
const char         *sc_audit_event_get_username       (ScAuditEvent       *self);
const char         *sc_audit_event_get_role           (ScAuditEvent       *self);
const char         *sc_audit_event_get_action         (ScAuditEvent       *self);
const char         *sc_audit_event_get_resource_type  (ScAuditEvent       *self);
const char         *sc_audit_event_get_resource_id    (ScAuditEvent       *self);
/* Returns: (nullable) (transfer none): NULL unless the row records a list */
const char * const *sc_audit_event_get_resource_ids   (ScAuditEvent       *self);
const char         *sc_audit_event_get_request_id     (ScAuditEvent       *self);
const char         *sc_audit_event_get_source_address (ScAuditEvent       *self);
/* "success", "failure", "denied" or "replayed" */
const char         *sc_audit_event_get_outcome        (ScAuditEvent       *self);

void                sc_audit_event_write_json         (ScAuditEvent       *self,
                                                       ScJsonWriter       *writer);
/* Requires id, at, action and outcome; the other members may be null or
 * absent. Errors are SC_ERROR_MALFORMED, naming the member. */
ScAuditEvent       *sc_audit_event_new_from_json      (JsonNode           *node,
                                                       GError            **error);

G_END_DECLS
