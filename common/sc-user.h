/* sc-user.h
 *
 * A sendcase user: the model the daemon decodes from its database rows,
 * writes as JSON, and the client and sendcasectl read back. One codec, used
 * by all three, so a field added here is added everywhere. A user's JSON
 * never carries the password hash: the model does not hold it.
 *
 *   {"id": 7, "username": "asha", "full_name": "Asha Patel", "role": "caseworker",
 *    "active": true, "version": 3, "created_at": "...", "updated_at": "...",
 *    "locked_until": null}
 *
 * The rules of a user's fields (sc_user_check_*) live here too: the daemon
 * and sendcasectl refuse the same input with the same words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "sc-json-writer.h"
#include "sc-role.h"

G_BEGIN_DECLS

#define SC_TYPE_USER (sc_user_get_type ())

G_DECLARE_FINAL_TYPE (ScUser, sc_user, SC, USER, GObject)

#define SC_USERNAME_MAX_CHARS 63
#define SC_FULL_NAME_MAX_CHARS 200

/* @role_name: the role as named on the wire; one this build does not know
 * is kept by name (a newer daemon's), with sc_user_get_role() NONE. */
ScUser     *sc_user_new                (gint64        id,
                                        const char   *username,
                                        const char   *full_name,
                                        const char   *role_name,
                                        gboolean      active);
/* Setters for decoders; a model is not changed once handed on. */
void        sc_user_set_version        (ScUser       *self,
                                        gint64        version);
void        sc_user_set_created_at     (ScUser       *self,
                                        gint64        unix_usec);
void        sc_user_set_updated_at     (ScUser       *self,
                                        gint64        unix_usec);
void        sc_user_set_locked_until   (ScUser       *self,
                                        gint64        unix_usec);

gint64      sc_user_get_id             (ScUser       *self);
const char *sc_user_get_username       (ScUser       *self);
/* May be empty: sendcasectl can create a user without one. */
const char *sc_user_get_full_name      (ScUser       *self);
/* The full name, or the username when there is none. */
const char *sc_user_get_display_name   (ScUser       *self);
ScRole      sc_user_get_role           (ScUser       *self);
const char *sc_user_get_role_name      (ScUser       *self);
/* "Caseworker", ...; the name as sent for a role this build does not know */
const char *sc_user_get_role_title     (ScUser       *self);
gboolean    sc_user_get_active         (ScUser       *self);
/* The record's version: its ETag. 0 when the answer did not say. */
gint64      sc_user_get_version        (ScUser       *self);
gint64      sc_user_get_created_at     (ScUser       *self);
gint64      sc_user_get_updated_at     (ScUser       *self);
/* When a sign-in lockout of this username ends; 0 when it is not locked. */
gint64      sc_user_get_locked_until   (ScUser       *self);

/* The codec. Reading requires id, username, full_name and role, takes the
 * other members when present, and ignores members it does not know (a
 * newer daemon may add some). Errors are SC_ERROR_MALFORMED, naming the
 * member. */
void        sc_user_write_json         (ScUser       *self,
                                        ScJsonWriter *writer);
ScUser     *sc_user_new_from_json      (JsonNode     *node,
                                        GError      **error);

/* The rules of the fields; each adds a field error to @error (see
 * sc_set_field_error) and returns FALSE when @value breaks it. */
gboolean    sc_user_check_username     (const char   *value,
                                        GError      **error);
gboolean    sc_user_check_full_name    (const char   *value,
                                        GError      **error);
gboolean    sc_user_check_role         (const char   *value,
                                        GError      **error);

G_END_DECLS
