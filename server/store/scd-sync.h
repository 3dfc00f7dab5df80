/* scd-sync.h
 *
 * The stores for a program that does one thing at a time (sendcasectl): a
 * pool of one connection on a private main context, and a way to wait for
 * one store call. The same stores, the same SQL and the same audit rows as
 * the daemon's, with no blocking copy of any of them:
 *
 *   scd_user_store_unlock_async (stores->users, actor, 0, name, NULL, scd_sync_cb, sync);
 *   ok = scd_user_store_unlock_finish (stores->users, scd_sync_wait (sync), &error);
 *
 * The connection logs in with the connection string given (the owner's, as
 * migrations use it) and works as the application role (SET ROLE), so a
 * command has no privilege the daemon lacks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scd-stores.h"

G_BEGIN_DECLS

typedef struct _ScdSync ScdSync;

/* Connects, or fails with the reason (SC_ERROR_UNAVAILABLE). */
ScdSync      *scd_sync_new        (const char    *conninfo,
                                   GError       **error);
void          scd_sync_free       (ScdSync       *sync);
ScdStores    *scd_sync_get_stores (ScdSync       *sync);

/* The callback to give a store call, with the ScdSync as user data. */
void          scd_sync_cb         (GObject       *source,
                                   GAsyncResult  *result,
                                   gpointer       sync);
/* Runs the private context until the call given scd_sync_cb is done.
 * Returns: (transfer none): its result, for the call's _finish; valid until
 * the next wait. */
GAsyncResult *scd_sync_wait       (ScdSync       *sync);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScdSync, scd_sync_free)

G_END_DECLS
