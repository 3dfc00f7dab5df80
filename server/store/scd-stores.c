/* scd-stores.c
 *
 * The stores of one pool, reference counted, and the periodic sweep of
 * what expires.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-stores"

#include "config.h"

#include "scd-store-private.h"
#include "scd-stores.h"

/* A failure goes after a day, unless the lock it caused lasts longer (a
 * lockout window of more than a day). */
static const char sweep_sql[] =
  "WITH keys AS (DELETE FROM idempotency_key WHERE created_at < now() - interval '24 hours'),"
  " failures AS (DELETE FROM sign_in_failure WHERE at < now() - interval '1 day'"
  "              AND coalesce(greatest(username_locked_until, address_locked_until), at) < now())"
  "SELECT 1";

/* A checked session is kept for 5 s, or a tenth of the idle timeout if that
 * is shorter: the idle end is then never missed by more than that. */
static gint64
session_cache_lifetime (const ScdConfig *config)
{
  gint64 idle = config != NULL ? config->session_idle_seconds : 30 * 60;

  return MIN (SCD_SESSION_CACHE_SECONDS * G_USEC_PER_SEC, idle * G_USEC_PER_SEC / 10);
}

ScdStores *
scd_stores_new (ScdDb           *db,
                const ScdConfig *config)
{
  ScdStores *stores;

  g_return_val_if_fail (SCD_IS_DB (db), NULL);

  stores = g_atomic_rc_box_new0 (ScdStores);
  stores->db = g_object_ref (db);
  stores->audit = scd_audit_store_new (db);
  stores->health = scd_health_store_new (db);
  stores->people = scd_person_store_new (db);
  stores->cases = scd_case_store_new (db);
  stores->plans = scd_plan_store_new (db);
  stores->reviews = scd_review_store_new (db);
  stores->proceedings = scd_proceeding_store_new (db);
  stores->consultations = scd_consultation_store_new (db);
  stores->complaints = scd_complaint_store_new (db, stores->cases);
  stores->appeals = scd_appeal_store_new (db, stores->cases);
  stores->mediations = scd_mediation_store_new (db, stores->cases);
  stores->disputes = scd_dispute_store_new (db);
  stores->funding_bands = scd_funding_band_store_new (db);
  stores->institutions = scd_institution_store_new (db);
  stores->session_cache = scd_session_cache_new (db, session_cache_lifetime (config));
  stores->sessions = scd_session_store_new (db, config, stores->session_cache);
  stores->users = scd_user_store_new (db, stores->session_cache);
  return stores;
}

ScdStores *
scd_stores_ref (ScdStores *stores)
{
  g_return_val_if_fail (stores != NULL, NULL);
  return g_atomic_rc_box_acquire (stores);
}

static void
stores_clear (gpointer data)
{
  ScdStores *stores = data;

  g_clear_object (&stores->audit);
  g_clear_object (&stores->health);
  g_clear_object (&stores->people);
  g_clear_object (&stores->cases);
  g_clear_object (&stores->plans);
  g_clear_object (&stores->reviews);
  g_clear_object (&stores->proceedings);
  g_clear_object (&stores->consultations);
  g_clear_object (&stores->complaints);
  g_clear_object (&stores->appeals);
  g_clear_object (&stores->mediations);
  g_clear_object (&stores->disputes);
  g_clear_object (&stores->funding_bands);
  g_clear_object (&stores->institutions);
  g_clear_object (&stores->sessions);
  g_clear_object (&stores->users);
  g_clear_object (&stores->session_cache);
  g_clear_object (&stores->db);
}

void
scd_stores_unref (ScdStores *stores)
{
  if (stores != NULL)
    g_atomic_rc_box_release_full (stores, stores_clear);
}

static void
swept_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(PGresult) pg = scd_store_query_finish (object, result, task);

  if (pg != NULL)
    g_task_return_boolean (task, TRUE);
}

void
scd_stores_sweep_async (ScdStores           *stores,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (NULL, NULL, callback, user_data);

  g_task_set_source_tag (task, scd_stores_sweep_async);
  scd_db_query_async (stores->db, sweep_sql, NULL, 0, NULL, swept_cb, task);
}

gboolean
scd_stores_sweep_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
