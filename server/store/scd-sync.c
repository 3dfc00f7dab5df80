/* scd-sync.c
 *
 * A private GMainContext, pushed as the thread's default while the ScdSync
 * lives, so that the pool's sources and the stores' GTasks all run there,
 * and nowhere else, when scd_sync_wait() iterates it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-sync"

#include "config.h"

#include "sc-error.h"
#include "scd-sync.h"

#define CONNECT_TIMEOUT_SECONDS 30

struct _ScdSync
{
  GMainContext *context;
  ScdDb        *db;
  ScdStores    *stores;
  GAsyncResult *result;   /* the call's, owned, until it is waited for */
  GAsyncResult *last;     /* the call waited for last, owned */
};

static void
on_available_cb (ScdDb      *db,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  g_main_context_wakeup (user_data);
}

ScdSync *
scd_sync_new (const char  *conninfo,
              GError     **error)
{
  g_autoptr(ScdSync) sync = g_new0 (ScdSync, 1);
  gint64 deadline = g_get_monotonic_time () + CONNECT_TIMEOUT_SECONDS * G_USEC_PER_SEC;
  gulong handler;

  g_return_val_if_fail (conninfo != NULL, NULL);

  sync->context = g_main_context_new ();
  g_main_context_push_thread_default (sync->context);
  sync->db = scd_db_new (conninfo, 1, "SET ROLE " SCD_DB_APP_ROLE "; " SCD_DB_SETUP_SQL);
  sync->stores = scd_stores_new (sync->db, NULL);
  handler = g_signal_connect (sync->db, "notify::available", G_CALLBACK (on_available_cb), sync->context);
  scd_db_start (sync->db);
  while (!scd_db_get_available (sync->db) && scd_db_get_last_error (sync->db) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (sync->context, TRUE);
  g_signal_handler_disconnect (sync->db, handler);
  if (!scd_db_get_available (sync->db))
    {
      const char *reason = scd_db_get_last_error (sync->db);

      g_set_error (error, SC_ERROR, SC_ERROR_UNAVAILABLE, "could not connect to the database: %s",
                   reason != NULL ? reason : "timed out");
      return NULL;
    }
  return g_steal_pointer (&sync);
}

void
scd_sync_free (ScdSync *sync)
{
  if (sync == NULL)
    return;
  g_clear_object (&sync->result);
  g_clear_object (&sync->last);
  if (sync->db != NULL)
    scd_db_close (sync->db);
  g_clear_pointer (&sync->stores, scd_stores_unref);
  g_clear_object (&sync->db);
  /* let the closed pool's last callbacks run where they belong */
  while (g_main_context_pending (sync->context))
    g_main_context_iteration (sync->context, FALSE);
  g_main_context_pop_thread_default (sync->context);
  g_main_context_unref (sync->context);
  g_free (sync);
}

ScdStores *
scd_sync_get_stores (ScdSync *sync)
{
  g_return_val_if_fail (sync != NULL, NULL);
  return sync->stores;
}

void
scd_sync_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ScdSync *sync = user_data;

  g_assert (sync->result == NULL);
  sync->result = g_object_ref (result);
}

GAsyncResult *
scd_sync_wait (ScdSync *sync)
{
  g_return_val_if_fail (sync != NULL, NULL);

  while (sync->result == NULL)
    g_main_context_iteration (sync->context, TRUE);
  /* kept until the next wait, so the caller's _finish can read it */
  g_clear_object (&sync->last);
  sync->last = g_steal_pointer (&sync->result);
  return sync->last;
}
