/* scd-store.c
 *
 * ScdStore, the base of every store, and the helpers they share: a
 * statement run into a GTask through a decoder, and the decoding of a user
 * row by column name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-store"

#include "config.h"

#include "sc-problem.h"
#include "scd-store-private.h"

typedef struct
{
  ScdDb *db;
} ScdStorePrivate;

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE_WITH_PRIVATE (ScdStore, scd_store, G_TYPE_OBJECT)

static void
scd_store_dispose (GObject *object)
{
  ScdStorePrivate *priv = scd_store_get_instance_private (SCD_STORE (object));

  g_clear_object (&priv->db);

  G_OBJECT_CLASS (scd_store_parent_class)->dispose (object);
}

static void
scd_store_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ScdStorePrivate *priv = scd_store_get_instance_private (SCD_STORE (object));

  switch (prop_id)
    {
    case PROP_DB:
      priv->db = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scd_store_class_init (ScdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scd_store_dispose;
  object_class->set_property = scd_store_set_property;

  properties[PROP_DB] = g_param_spec_object ("db", NULL, NULL, SCD_TYPE_DB,
                                             G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scd_store_init (ScdStore *self)
{
}

ScdDb *
scd_store_get_db (ScdStore *self)
{
  ScdStorePrivate *priv = scd_store_get_instance_private (self);

  g_return_val_if_fail (SCD_IS_STORE (self), NULL);
  return priv->db;
}

GTask *
scd_store_task_new (gpointer             self,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data,
                    gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

ScdParams *
scd_store_params_new (const ScdActor *actor)
{
  ScdParams *params = scd_params_new ();

  g_assert (actor != NULL);
  scd_params_add (params, scd_actor_get_json (actor));
  return params;
}

PGresult *
scd_store_query_finish (GObject      *db,
                        GAsyncResult *result,
                        GTask        *task)
{
  GError *error = NULL;
  PGresult *pg = scd_db_query_finish (SCD_DB (db), result, &error);

  if (pg == NULL)
    g_task_return_error (task, error);
  return pg;
}

typedef struct
{
  GTask          *task;     /* owned */
  ScdDecodeFunc   decode;
  GDestroyNotify  destroy;
} Run;

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GTask) task = run->task;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_store_query_finish (object, result, task);
  gpointer value;

  if (pg == NULL)
    ;
  else if (run->decode == NULL)
    g_task_return_boolean (task, TRUE);
  else if ((value = run->decode (pg, task, &error)) != NULL)
    g_task_return_pointer (task, value, run->destroy);
  else
    {
      g_assert (error != NULL);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  g_free (run);
}

void
scd_store_run (ScdStore       *self,
               const char     *sql,
               ScdParams      *params,
               ScdDecodeFunc   decode,
               GDestroyNotify  destroy,
               GTask          *task)
{
  Run *run = g_new0 (Run, 1);

  run->task = task;
  run->decode = decode;
  run->destroy = destroy;
  scd_db_query_async (scd_store_get_db (self), sql, scd_params_values (params), params->len,
                      g_task_get_cancellable (task), run_cb, run);
}

/* --- pages ---------------------------------------------------------------- */

ScdPage *
scd_page_new (const PGresult *result,
              guint           limit,
              int             cursor_column,
              guint          *n_rows)
{
  ScdPage *page = g_new0 (ScdPage, 1);
  guint n = (guint) PQntuples (result);

  *n_rows = MIN (n, limit);
  page->items = g_ptr_array_new_full (*n_rows, g_object_unref);
  if (n > limit)
    page->next_cursor = g_strdup (scd_pg_string (result, (int) limit - 1, cursor_column));
  return page;
}

ScdPage *
scd_page_new_rows (const PGresult *result,
                   guint           limit,
                   const char     *cursor_column,
                   GDestroyNotify  free_item,
                   ScdRowFunc      row)
{
  guint n;
  ScdPage *page = scd_page_new (result, limit, scd_pg_column (result, cursor_column), &n);

  if (free_item != NULL)
    g_ptr_array_set_free_func (page->items, free_item);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (page->items, row (result, (int) i));
  return page;
}

ScdPage *
scd_page_new_records (const PGresult    *result,
                      guint              limit,
                      const char        *cursor_column,
                      GDestroyNotify     free_item,
                      ScdRecordRowFunc   row,
                      GError           **error)
{
  guint n;
  ScdPage *page = scd_page_new (result, limit, scd_pg_column (result, cursor_column), &n);

  g_ptr_array_set_free_func (page->items, free_item);
  for (guint i = 0; i < n; i++)
    {
      gpointer item = row (result, (int) i, error);

      if (item == NULL)
        {
          scd_page_free (page);
          return NULL;
        }
      g_ptr_array_add (page->items, item);
    }
  return page;
}

gpointer
scd_record_read_one (const PGresult    *result,
                     const char        *name,
                     gint64             id,
                     ScdRecordRowFunc   row,
                     GError           **error)
{
  if (PQntuples (result) == 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_NOT_FOUND, "no %s %" G_GINT64_FORMAT, name, id);
      sc_error_take_problem (*error, sc_problem_new (SC_ERROR_NOT_FOUND, (*error)->message));
      return NULL;
    }
  return row (result, 0, error);
}

gpointer
scd_record_read_written (const PGresult    *result,
                         const char        *name,
                         gint64             id,
                         gint64            *current,
                         ScdRecordRowFunc   row,
                         GError           **error)
{
  if (PQntuples (result) == 1 && scd_pg_string (result, 0, scd_pg_column (result, "id")) != NULL)
    return row (result, 0, error);
  *current = PQntuples (result) == 1 && scd_pg_column_optional (result, "current") >= 0
             ? scd_pg_int (result, 0, scd_pg_column (result, "current")) : 0;
  if (*current == 0)
    g_set_error (error, SC_ERROR, SC_ERROR_NOT_FOUND, "no %s %" G_GINT64_FORMAT, name, id);
  else
    g_set_error (error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED,
                 "%s %" G_GINT64_FORMAT " was changed by someone else (now at version %" G_GINT64_FORMAT
                 "): reload it and make your change again", name, id, *current);
  sc_error_take_problem (*error, sc_problem_new ((*error)->code, (*error)->message));
  return NULL;
}

void
scd_page_free (gpointer data)
{
  ScdPage *page = data;

  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_free (page->next_cursor);
  g_free (page);
}

GPtrArray *
scd_page_finish (GAsyncResult  *result,
                 char         **next_cursor,
                 GError       **error)
{
  ScdPage *page = g_task_propagate_pointer (G_TASK (result), error);
  GPtrArray *items;

  *next_cursor = NULL;
  if (page == NULL)
    return NULL;
  items = g_steal_pointer (&page->items);
  *next_cursor = g_steal_pointer (&page->next_cursor);
  scd_page_free (page);
  return items;
}

/* --- users --------------------------------------------------------------- */

void
scd_user_columns_find (const PGresult *result,
                       ScdUserColumns *columns)
{
  columns->id = scd_pg_column (result, "id");
  columns->username = scd_pg_column (result, "username");
  columns->full_name = scd_pg_column (result, "full_name");
  columns->role = scd_pg_column (result, "role");
  columns->active = scd_pg_column (result, "active");
  columns->version = scd_pg_column (result, "version");
  columns->created_at = scd_pg_column (result, "created_at");
  columns->updated_at = scd_pg_column (result, "updated_at");
  columns->locked_until = scd_pg_column_optional (result, "locked_until");
}

ScUser *
scd_user_from_row (const PGresult       *result,
                   int                   row,
                   const ScdUserColumns *columns)
{
  ScUser *user = sc_user_new (scd_pg_int (result, row, columns->id), scd_pg_string (result, row, columns->username),
                              scd_pg_string (result, row, columns->full_name),
                              scd_pg_string (result, row, columns->role),
                              scd_pg_bool (result, row, columns->active));

  sc_user_set_version (user, scd_pg_int (result, row, columns->version));
  sc_user_set_created_at (user, scd_pg_int (result, row, columns->created_at));
  sc_user_set_updated_at (user, scd_pg_int (result, row, columns->updated_at));
  sc_user_set_locked_until (user, scd_pg_int (result, row, columns->locked_until));
  return user;
}
