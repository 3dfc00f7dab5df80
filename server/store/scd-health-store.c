/* scd-health-store.c
 *
 * The one statement behind GET /api/v1/health.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-health-store"

#include "config.h"

#include "scd-health-store.h"
#include "scd-store-private.h"

struct _ScdHealthStore
{
  ScdStore parent_instance;
};

G_DEFINE_FINAL_TYPE (ScdHealthStore, scd_health_store, SCD_TYPE_STORE)

static const char check_sql[] =
  "SELECT coalesce(max(version), 0) AS schema_version FROM schema_migrations";

static void
scd_health_store_class_init (ScdHealthStoreClass *klass)
{
}

static void
scd_health_store_init (ScdHealthStore *self)
{
}

ScdHealthStore *
scd_health_store_new (ScdDb *db)
{
  g_return_val_if_fail (SCD_IS_DB (db), NULL);
  return g_object_new (SCD_TYPE_HEALTH_STORE, "db", db, NULL);
}

static gpointer
decode_health (PGresult  *pg,
               GTask     *task,
               GError   **error)
{
  return sc_health_new (TRUE, scd_pg_int (pg, 0, scd_pg_column (pg, "schema_version")), PACKAGE_VERSION);
}

void
scd_health_store_check_async (ScdHealthStore      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, scd_health_store_check_async);
  g_autoptr(ScdParams) params = scd_params_new ();

  scd_store_run (SCD_STORE (self), check_sql, params, decode_health, g_object_unref, task);
}

ScHealth *
scd_health_store_check_finish (ScdHealthStore  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
