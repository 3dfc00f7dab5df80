/* scd-actor.h
 *
 * Who is acting, for the audit trail: the user (id, username, role), the
 * request (its id and source address) and what the request does (the
 * route's action and resource type, and whether it only reads). The HTTP
 * layer builds one per request from the route table and the session;
 * sendcasectl builds one per command from its own table. Every store call
 * that reads or changes a record takes it, and the store's statement writes
 * the audit row from it (sql/0003-*.sql, audit_entry), so an action name is
 * written once, in a table, and never in SQL.
 *
 * An actor is immutable and reference counted. Its JSON form, the one
 * statement parameter the audit trail needs, is built once, when it is made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ScdActor ScdActor;

/* @user_id: 0 when no user is signed in; the strings are nullable but
 * @action. @read: the request only reads (its audit row may be committed
 * without waiting for the disk: docs/access.md). */
ScdActor   *scd_actor_new                (gint64          user_id,
                                          const char     *username,
                                          const char     *role,
                                          const char     *request_id,
                                          const char     *source_address,
                                          const char     *action,
                                          const char     *resource_type,
                                          gboolean        read);
/* A local program (sendcasectl): no user, no request, source "local". */
ScdActor   *scd_actor_new_local          (const char     *program,
                                          const char     *action,
                                          const char     *resource_type,
                                          gboolean        read);
/* The same request and action by another identity: a sign-in, which learns
 * who is acting only from its own statements. */
ScdActor   *scd_actor_new_as             (const ScdActor *actor,
                                          gint64          user_id,
                                          const char     *username,
                                          const char     *role);
ScdActor   *scd_actor_ref                (ScdActor       *actor);
void        scd_actor_unref              (ScdActor       *actor);

gint64      scd_actor_get_user_id        (const ScdActor *actor);
const char *scd_actor_get_username       (const ScdActor *actor);
const char *scd_actor_get_role           (const ScdActor *actor);
const char *scd_actor_get_request_id     (const ScdActor *actor);
const char *scd_actor_get_source_address (const ScdActor *actor);
const char *scd_actor_get_action         (const ScdActor *actor);
const char *scd_actor_get_resource_type  (const ScdActor *actor);
gboolean    scd_actor_get_read           (const ScdActor *actor);
/* {"user_id": ..., "username": ..., "action": ..., ...}: what audit_entry reads */
const char *scd_actor_get_json           (const ScdActor *actor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScdActor, scd_actor_unref)

G_END_DECLS
