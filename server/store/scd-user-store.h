/* scd-user-store.h
 *
 * The users: every statement that reads or changes app_user, each with its
 * audit row, each result decoded once into ScUser. Users are deactivated,
 * never deleted. Deactivating a user or setting their password ends their
 * sessions; setting a password also lifts a sign-in lockout of the username.
 *
 * Calls that sendcasectl makes by name take @id 0 and a @username; the API
 * passes the id of its path and no name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-user.h"
#include "scd-actor.h"
#include "scd-idempotency.h"
#include "scd-session-cache.h"
#include "scd-store.h"

G_BEGIN_DECLS

#define SCD_TYPE_USER_STORE (scd_user_store_get_type ())

G_DECLARE_FINAL_TYPE (ScdUserStore, scd_user_store, SCD, USER_STORE, ScdStore)

typedef struct
{
  const char *role;    /* nullable: every role */
  int         active;  /* -1: either; 0 or 1 */
  gint64      after;   /* the cursor: users with a greater id; 0 from the first */
  guint       limit;   /* 1 to 500 */
} ScdUserFilter;

typedef struct
{
  const char *username;
  const char *full_name;      /* "" for none */
  const char *role;
  const char *password_hash;  /* secret: never logged */
} ScdNewUser;

typedef struct
{
  const char *full_name;  /* nullable: unchanged */
  const char *role;       /* nullable: unchanged */
  int         active;     /* -1: unchanged; 0 or 1 */
} ScdUserChange;

/* @cache: the sessions checked lately: a change forgets the user's */
ScdUserStore *scd_user_store_new                (ScdDb               *db,
                                                 ScdSessionCache     *cache);

/* One page, by id; the audit row lists the ids shown. */
void          scd_user_store_list_async         (ScdUserStore        *self,
                                                 const ScdActor      *actor,
                                                 const ScdUserFilter *filter,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full) (element-type ScUser)
 * @next_cursor: (out) (transfer full) (nullable): NULL on the last page */
GPtrArray    *scd_user_store_list_finish        (ScdUserStore        *self,
                                                 GAsyncResult        *result,
                                                 char               **next_cursor,
                                                 GError             **error);

void          scd_user_store_get_async          (ScdUserStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* NOT_FOUND when there is no such user (nothing is recorded then). */
ScUser       *scd_user_store_get_finish         (ScdUserStore        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* @user's fields must have passed sc_user_check_*: a row the database's
 * own checks refuse would carry the hash into its log. */
void          scd_user_store_create_async       (ScdUserStore        *self,
                                                 const ScdActor      *actor,
                                                 const ScdNewUser    *user,
                                                 ScdIdempotency      *idempotency,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full): the new user (its model an ScUser) or the
 * replayed answer; CONFLICT on "username" when it is taken. */
ScdCreated   *scd_user_store_create_finish      (ScdUserStore        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* @version: the version the change is based on (If-Match); 0 for any */
void          scd_user_store_update_async       (ScdUserStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               id,
                                                 const char          *username,
                                                 gint64               version,
                                                 const ScdUserChange *change,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* NOT_FOUND, or PRECONDITION_FAILED with *@current_version set to the
 * version that is current now. */
ScUser       *scd_user_store_update_finish      (ScdUserStore        *self,
                                                 GAsyncResult        *result,
                                                 gint64              *current_version,
                                                 GError             **error);

/* An administrator's reset: the new hash, every session of the user ended,
 * the username's sign-in failures (and so its lockout) cleared. */
void          scd_user_store_set_password_async (ScdUserStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               id,
                                                 const char          *username,
                                                 const char          *password_hash,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean      scd_user_store_set_password_finish (ScdUserStore       *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* Clears the username's sign-in failures, and so its lockout. */
void          scd_user_store_unlock_async       (ScdUserStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               id,
                                                 const char          *username,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean      scd_user_store_unlock_finish      (ScdUserStore        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
