/* scd-actor.c
 *
 * ScdActor: a reference-counted, immutable record of who acts, with its JSON
 * written once by the common JSON writer (so every string is escaped the
 * way PostgreSQL's jsonb parser expects).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-actor"

#include "config.h"

#include "sc-json-writer.h"
#include "scd-actor.h"

struct _ScdActor
{
  gint64    user_id;
  char     *username;
  char     *role;
  char     *request_id;
  char     *source_address;
  char     *action;
  char     *resource_type;
  gboolean  read;
  char     *json;
};

static void
actor_clear (gpointer data)
{
  ScdActor *actor = data;

  g_free (actor->username);
  g_free (actor->role);
  g_free (actor->request_id);
  g_free (actor->source_address);
  g_free (actor->action);
  g_free (actor->resource_type);
  g_free (actor->json);
}

static void
write_json (ScdActor *actor)
{
  GString *out = g_string_sized_new (256);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member (&writer, "user_id");
  if (actor->user_id > 0)
    sc_json_writer_int (&writer, actor->user_id);
  else
    sc_json_writer_null (&writer);
  sc_json_writer_member_string (&writer, "username", actor->username);
  sc_json_writer_member_string (&writer, "role", actor->role);
  sc_json_writer_member_string (&writer, "request_id", actor->request_id);
  sc_json_writer_member_string (&writer, "source_address", actor->source_address);
  sc_json_writer_member_string (&writer, "action", actor->action);
  sc_json_writer_member_string (&writer, "resource_type", actor->resource_type);
  sc_json_writer_member_boolean (&writer, "read", actor->read);
  sc_json_writer_end_object (&writer);
  actor->json = g_string_free (out, FALSE);
}

ScdActor *
scd_actor_new (gint64      user_id,
               const char *username,
               const char *role,
               const char *request_id,
               const char *source_address,
               const char *action,
               const char *resource_type,
               gboolean    read)
{
  ScdActor *actor;

  g_return_val_if_fail (action != NULL, NULL);

  actor = g_atomic_rc_box_new0 (ScdActor);
  actor->user_id = user_id;
  actor->username = g_strdup (username);
  actor->role = g_strdup (role);
  actor->request_id = g_strdup (request_id);
  actor->source_address = g_strdup (source_address);
  actor->action = g_strdup (action);
  actor->resource_type = g_strdup (resource_type);
  actor->read = read;
  return actor;
}

ScdActor *
scd_actor_new_local (const char *program,
                     const char *action,
                     const char *resource_type,
                     gboolean    read)
{
  g_return_val_if_fail (program != NULL, NULL);
  return scd_actor_new (0, program, NULL, NULL, "local", action, resource_type, read);
}

ScdActor *
scd_actor_new_as (const ScdActor *actor,
                  gint64          user_id,
                  const char     *username,
                  const char     *role)
{
  g_return_val_if_fail (actor != NULL, NULL);
  return scd_actor_new (user_id, username, role, actor->request_id, actor->source_address, actor->action,
                        actor->resource_type, actor->read);
}

ScdActor *
scd_actor_ref (ScdActor *actor)
{
  g_return_val_if_fail (actor != NULL, NULL);
  return g_atomic_rc_box_acquire (actor);
}

void
scd_actor_unref (ScdActor *actor)
{
  if (actor != NULL)
    g_atomic_rc_box_release_full (actor, actor_clear);
}

gint64
scd_actor_get_user_id (const ScdActor *actor)
{
  return actor->user_id;
}

const char *
scd_actor_get_username (const ScdActor *actor)
{
  return actor->username;
}

const char *
scd_actor_get_role (const ScdActor *actor)
{
  return actor->role;
}

const char *
scd_actor_get_request_id (const ScdActor *actor)
{
  return actor->request_id;
}

const char *
scd_actor_get_source_address (const ScdActor *actor)
{
  return actor->source_address;
}

const char *
scd_actor_get_action (const ScdActor *actor)
{
  return actor->action;
}

const char *
scd_actor_get_resource_type (const ScdActor *actor)
{
  return actor->resource_type;
}

gboolean
scd_actor_get_read (const ScdActor *actor)
{
  return actor->read;
}

/* Written on first use: most requests (a session kept, an answer from
 * memory) never write an audit row. The daemon runs its requests on one
 * thread. */
const char *
scd_actor_get_json (const ScdActor *actor)
{
  if (actor->json == NULL)
    write_json ((ScdActor *) actor);
  return actor->json;
}
