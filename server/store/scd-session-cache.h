/* scd-session-cache.h
 *
 * The sessions this daemon has checked lately, so that a request does not
 * cost a round trip to find its session. An entry is kept for a few seconds
 * (at most a tenth of the idle timeout) and never past the session's
 * absolute end. It is forgotten sooner:
 *
 *   - here, before the answer goes out, by the store that ends a session or
 *     changes a user (sign-out, password change or reset, an update);
 *   - on a notification from the database (sql/0004-*.sql), for the changes
 *     made by another daemon or by sendcasectl, as they commit;
 *   - wholly, when the pool has lost every connection (notifications may
 *     have been missed meanwhile).
 *
 * A check that was in flight while anything was forgotten is not kept, so a
 * session read just before its end cannot outlive the forgetting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-session.h"
#include "scd-db.h"

G_BEGIN_DECLS

#define SCD_TYPE_SESSION_CACHE (scd_session_cache_get_type ())

G_DECLARE_FINAL_TYPE (ScdSessionCache, scd_session_cache, SCD, SESSION_CACHE, GObject)

/* The most sessions kept; beyond it the oldest checks are dropped. */
#define SCD_SESSION_CACHE_MAX 20000

/* @lifetime_usec: how long a checked session is kept (0: never kept) */
ScdSessionCache *scd_session_cache_new           (ScdDb           *db,
                                                  gint64           lifetime_usec);
/* Returns: (transfer full) (nullable): the kept session of @token_hash,
 * with its row id in *@session_id */
ScSession       *scd_session_cache_lookup        (ScdSessionCache *self,
                                                  const char      *token_hash,
                                                  gint64          *session_id);
/* What a check must give back to scd_session_cache_insert(): the
 * forgetting so far. */
guint64          scd_session_cache_get_epoch     (ScdSessionCache *self);
/* Keeps @session unless something was forgotten since @epoch. */
void             scd_session_cache_insert        (ScdSessionCache *self,
                                                  guint64          epoch,
                                                  const char      *token_hash,
                                                  gint64           session_id,
                                                  ScSession       *session);
void             scd_session_cache_forget_user   (ScdSessionCache *self,
                                                  gint64           user_id);
void             scd_session_cache_forget_all    (ScdSessionCache *self);
guint            scd_session_cache_get_size      (ScdSessionCache *self);

G_END_DECLS
