/* scd-audit-store.c
 *
 * The SQL that reads audit_event, and the one statement that records a
 * refusal decided before any other statement ran.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-audit-store"

#include "config.h"

#include "scd-audit-store.h"
#include "scd-store-private.h"

struct _ScdAuditStore
{
  ScdStore parent_instance;
};

G_DEFINE_FINAL_TYPE (ScdAuditStore, scd_audit_store, SCD_TYPE_STORE)

/* A record is found by its id in either column: rows about it, and the
 * list reads that showed it. */
static const char list_sql[] =
  "WITH page AS ("
  "  SELECT id, " SCD_SQL_USEC ("at") " AS at, user_id, username, role, action, resource_type, resource_id,"
  "         resource_ids, request_id, source_address, outcome"
  "  FROM audit_event"
  "  WHERE ($2::text IS NULL OR resource_type = $2)"
  "    AND ($3::text IS NULL OR resource_id = $3 OR resource_ids @> ARRAY[$3::text])"
  "    AND ($4::text IS NULL OR username = $4)"
  "    AND ($5::bigint IS NULL OR at >= to_timestamp($5::bigint / 1000000.0))"
  "    AND ($6::bigint IS NULL OR at < to_timestamp($6::bigint / 1000000.0))"
  "    AND ($7::bigint IS NULL OR id < $7)"
  "  ORDER BY id DESC LIMIT $8::integer + 1),"
  " audit AS ("
  "  INSERT INTO audit_entry (actor, outcome, resource_ids)"
  "  SELECT $1, 'success', array(SELECT id::text FROM page ORDER BY id DESC LIMIT $8::integer))"
  "SELECT * FROM page ORDER BY id DESC";

static const char record_sql[] =
  "INSERT INTO audit_entry (actor, outcome, resource_id) VALUES ($1, $2, $3)";

static void
scd_audit_store_class_init (ScdAuditStoreClass *klass)
{
}

static void
scd_audit_store_init (ScdAuditStore *self)
{
}

ScdAuditStore *
scd_audit_store_new (ScdDb *db)
{
  g_return_val_if_fail (SCD_IS_DB (db), NULL);
  return g_object_new (SCD_TYPE_AUDIT_STORE, "db", db, NULL);
}

static gpointer
decode_page (PGresult  *pg,
             GTask     *task,
             GError   **error)
{
  guint limit = GPOINTER_TO_UINT (g_task_get_task_data (task));
  int id = scd_pg_column (pg, "id");
  int at = scd_pg_column (pg, "at");
  int user_id = scd_pg_column (pg, "user_id");
  int username = scd_pg_column (pg, "username");
  int role = scd_pg_column (pg, "role");
  int action = scd_pg_column (pg, "action");
  int resource_type = scd_pg_column (pg, "resource_type");
  int resource_id = scd_pg_column (pg, "resource_id");
  int resource_ids = scd_pg_column (pg, "resource_ids");
  int request_id = scd_pg_column (pg, "request_id");
  int source_address = scd_pg_column (pg, "source_address");
  int outcome = scd_pg_column (pg, "outcome");
  guint n;
  ScdPage *page = scd_page_new (pg, limit, id, &n);

  for (int i = 0; (guint) i < n; i++)
    {
      ScAuditEvent *event = sc_audit_event_new (scd_pg_int (pg, i, id), scd_pg_int (pg, i, at),
                                                scd_pg_string (pg, i, action), scd_pg_string (pg, i, outcome));
      g_auto(GStrv) ids = scd_pg_strv (pg, i, resource_ids);

      sc_audit_event_set_actor (event, scd_pg_int (pg, i, user_id), scd_pg_string (pg, i, username),
                                scd_pg_string (pg, i, role), scd_pg_string (pg, i, request_id),
                                scd_pg_string (pg, i, source_address));
      sc_audit_event_set_resource (event, scd_pg_string (pg, i, resource_type), scd_pg_string (pg, i, resource_id),
                                   (const char * const *) ids);
      g_ptr_array_add (page->items, event);
    }
  return page;
}

void
scd_audit_store_list_async (ScdAuditStore        *self,
                            const ScdActor       *actor,
                            const ScdAuditFilter *filter,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, scd_audit_store_list_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);

  g_return_if_fail (filter->limit > 0);

  g_task_set_task_data (task, GUINT_TO_POINTER (filter->limit), NULL);
  scd_params_add (params, filter->resource_type);
  scd_params_add (params, filter->resource_id);
  scd_params_add (params, filter->username);
  g_ptr_array_add (params, filter->from != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, filter->from) : NULL);
  g_ptr_array_add (params, filter->to != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, filter->to) : NULL);
  scd_params_add_id (params, filter->before);
  scd_params_add_int (params, filter->limit);
  scd_store_run (SCD_STORE (self), list_sql, params, decode_page, scd_page_free, task);
}

GPtrArray *
scd_audit_store_list_finish (ScdAuditStore  *self,
                             GAsyncResult   *result,
                             char          **next_cursor,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return scd_page_finish (result, next_cursor, error);
}

void
scd_audit_store_record_async (ScdAuditStore       *self,
                              const ScdActor      *actor,
                              const char          *outcome,
                              const char          *resource_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, scd_audit_store_record_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);

  scd_params_add (params, outcome);
  scd_params_add (params, resource_id);
  scd_store_run (SCD_STORE (self), record_sql, params, NULL, NULL, task);
}

gboolean
scd_audit_store_record_finish (ScdAuditStore  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
