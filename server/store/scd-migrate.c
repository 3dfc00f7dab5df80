/* scd-migrate.c
 *
 * Applies sql/NNNN-*.sql in order. The rules:
 *   - each migration runs in its own transaction together with the row that
 *     records it, so it is applied entirely or not at all;
 *   - a failed migration stops start-up naming the file and PostgreSQL's
 *     message, and leaves the database as it was before that migration;
 *   - a session-level advisory lock serialises daemons starting together;
 *   - a database whose schema is newer than this build is refused, so an old
 *     binary never writes into a schema it does not understand.
 *
 * The migrations are compiled into the binary as GResources, so an installed
 * daemon never looks for SQL files on disk; --migrations-dir overrides that
 * for development and tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-migrate"

#include "config.h"

#include <gio/gio.h>
#include <libpq-fe.h>

#include "sc-error.h"
#include "scd-migrate.h"

#define MIGRATIONS_RESOURCE_PATH "/org/sendcase/sendcased/sql"
/* "SENDCASE" folded into a bigint: the advisory lock key of migrations. */
#define MIGRATION_LOCK_KEY "5494525268"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

void
scd_migration_free (ScdMigration *migration)
{
  if (migration == NULL)
    return;
  g_free (migration->name);
  g_free (migration->sql);
  g_free (migration);
}

static int
compare_migrations (gconstpointer a,
                    gconstpointer b)
{
  const ScdMigration *ma = *(const ScdMigration * const *) a;
  const ScdMigration *mb = *(const ScdMigration * const *) b;

  return (ma->version > mb->version) - (ma->version < mb->version);
}

static ScdMigration *
migration_new (const char  *name,
               char        *sql,
               GError     **error)
{
  ScdMigration *migration;
  guint64 version;
  g_autofree char *digits = NULL;

  if (strlen (name) < 6 || name[4] != '-' || !g_str_has_suffix (name, ".sql"))
    {
      g_free (sql);
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL,
                   "migration file \"%s\" is not named NNNN-name.sql", name);
      return NULL;
    }
  digits = g_strndup (name, 4);
  if (!g_ascii_string_to_unsigned (digits, 10, 1, 9999, &version, NULL))
    {
      g_free (sql);
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL,
                   "migration file \"%s\" does not start with a version number", name);
      return NULL;
    }
  migration = g_new0 (ScdMigration, 1);
  migration->version = (guint) version;
  migration->name = g_strdup (name);
  migration->sql = sql;
  return migration;
}

GPtrArray *
scd_migrations_load (const char  *dir,
                     GError     **error)
{
  g_autoptr(GPtrArray) migrations = g_ptr_array_new_with_free_func ((GDestroyNotify) scd_migration_free);

  if (dir != NULL)
    {
      g_autoptr(GDir) gdir = g_dir_open (dir, 0, error);
      const char *name;

      if (gdir == NULL)
        return NULL;
      while ((name = g_dir_read_name (gdir)) != NULL)
        {
          g_autofree char *path = NULL;
          char *sql = NULL;
          ScdMigration *migration;

          if (!g_str_has_suffix (name, ".sql"))
            continue;
          path = g_build_filename (dir, name, NULL);
          if (!g_file_get_contents (path, &sql, NULL, error))
            return NULL;
          if ((migration = migration_new (name, sql, error)) == NULL)
            return NULL;
          g_ptr_array_add (migrations, migration);
        }
    }
  else
    {
      g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_RESOURCE_PATH,
                                                            G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (names == NULL)
        return NULL;
      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *path = g_build_path ("/", MIGRATIONS_RESOURCE_PATH, names[i], NULL);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
          gsize size;
          const char *data;
          ScdMigration *migration;

          if (bytes == NULL)
            return NULL;
          data = g_bytes_get_data (bytes, &size);
          if ((migration = migration_new (names[i], g_strndup (data, size), error)) == NULL)
            return NULL;
          g_ptr_array_add (migrations, migration);
        }
    }

  g_ptr_array_sort (migrations, compare_migrations);
  for (guint i = 1; i < migrations->len; i++)
    {
      const ScdMigration *prev = g_ptr_array_index (migrations, i - 1);
      const ScdMigration *cur = g_ptr_array_index (migrations, i);

      if (prev->version == cur->version)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL,
                       "migrations \"%s\" and \"%s\" have the same version", prev->name, cur->name);
          return NULL;
        }
    }
  return g_steal_pointer (&migrations);
}

static PGconn *
connect_blocking (const char  *conninfo,
                  GError     **error)
{
  g_autoptr(PGconn) conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strdup (PQerrorMessage (conn));
      g_set_error (error, SC_ERROR, SC_ERROR_UNAVAILABLE,
                   "could not connect to the database: %s", g_strstrip (message));
      return NULL;
    }
  return g_steal_pointer (&conn);
}

/* PostgreSQL's own words for a failure, without its "ERROR:  " prefix. */
static char *
result_message (const PGresult *result)
{
  const char *primary = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
  const char *detail = PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL);

  if (primary == NULL)
    return g_strstrip (g_strdup (PQresultErrorMessage (result)));
  if (detail != NULL)
    return g_strdup_printf ("%s (%s)", primary, detail);
  return g_strdup (primary);
}

static gboolean
exec_ok (PGconn      *conn,
         const char  *sql,
         const char  *what,
         GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      g_autofree char *message = result_message (result);
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "could not %s: %s", what, message);
      return FALSE;
    }
  return TRUE;
}

gboolean
scd_migrate_ensure_database (const char  *conninfo,
                             GError     **error)
{
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGresult) result = NULL;
  PQconninfoOption *options;
  g_autoptr(GString) admin = g_string_new (NULL);
  g_autofree char *dbname = NULL;
  char *err = NULL;
  const char *params[1];

  options = PQconninfoParse (conninfo, &err);
  if (options == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT, "invalid connection string: %s",
                   err != NULL ? g_strstrip (err) : "out of memory");
      PQfreemem (err);
      return FALSE;
    }
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL)
        continue;
      if (g_str_equal (o->keyword, "dbname"))
        {
          dbname = g_strdup (o->val);
          continue;
        }
      g_string_append_printf (admin, "%s='", o->keyword);
      for (const char *p = o->val; *p; p++)
        {
          if (*p == '\'' || *p == '\\')
            g_string_append_c (admin, '\\');
          g_string_append_c (admin, *p);
        }
      g_string_append (admin, "' ");
    }
  PQconninfoFree (options);
  if (dbname == NULL)
    return TRUE;
  g_string_append (admin, "dbname=postgres");

  if ((conn = connect_blocking (admin->str, error)) == NULL)
    return FALSE;
  params[0] = dbname;
  result = PQexecParams (conn, "SELECT 1 FROM pg_database WHERE datname = $1", 1, NULL, params,
                         NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "could not look up database \"%s\": %s",
                   dbname, PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY));
      return FALSE;
    }
  if (PQntuples (result) == 0)
    {
      /* CREATE DATABASE takes no parameters: quote the identifier. */
      char *ident = PQescapeIdentifier (conn, dbname, strlen (dbname));
      g_autofree char *sql = g_strconcat ("CREATE DATABASE ", ident, " ENCODING 'UTF8' TEMPLATE template0", NULL);
      g_autoptr(PGresult) created = NULL;

      PQfreemem (ident);
      created = PQexec (conn, sql);
      if (PQresultStatus (created) != PGRES_COMMAND_OK &&
          g_strcmp0 (PQresultErrorField (created, PG_DIAG_SQLSTATE), "42P04") != 0)
        {
          g_autofree char *message = result_message (created);
          g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "could not create database \"%s\": %s",
                       dbname, message);
          return FALSE;
        }
      g_message ("created database \"%s\"", dbname);
    }
  return TRUE;
}

static gboolean
read_applied (PGconn      *conn,
              GHashTable  *applied,
              guint       *max_version,
              GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, "SELECT version, name FROM schema_migrations ORDER BY version");

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      /* 42P01: the table does not exist yet, so nothing is applied. */
      if (g_strcmp0 (PQresultErrorField (result, PG_DIAG_SQLSTATE), "42P01") == 0)
        {
          *max_version = 0;
          return TRUE;
        }
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "could not read schema_migrations: %s",
                   PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY));
      return FALSE;
    }
  *max_version = 0;
  for (int i = 0; i < PQntuples (result); i++)
    {
      guint version = (guint) g_ascii_strtoull (PQgetvalue (result, i, 0), NULL, 10);
      g_hash_table_add (applied, GUINT_TO_POINTER (version));
      *max_version = MAX (*max_version, version);
    }
  return TRUE;
}

static guint
highest_version (GPtrArray *migrations)
{
  if (migrations->len == 0)
    return 0;
  return ((ScdMigration *) g_ptr_array_index (migrations, migrations->len - 1))->version;
}

static void
ignore_notice (void       *arg,
               const char *message)
{
}

gboolean
scd_migrate_run (const char  *conninfo,
                 GPtrArray   *migrations,
                 guint       *version,
                 GError     **error)
{
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(GHashTable) applied = g_hash_table_new (NULL, NULL);
  guint max_applied = 0;
  guint count = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (conninfo != NULL, FALSE);
  g_return_val_if_fail (migrations != NULL, FALSE);

  if ((conn = connect_blocking (conninfo, error)) == NULL)
    return FALSE;
  /* PostgreSQL's notices (e.g. "relation already exists, skipping") are not
   * ours to print. */
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  if (!exec_ok (conn, "SET client_min_messages = warning", "configure the session", error))
    return FALSE;
  if (!exec_ok (conn, "SELECT pg_advisory_lock(" MIGRATION_LOCK_KEY ")", "take the migration lock", error))
    return FALSE;

  if (!exec_ok (conn,
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "  version integer PRIMARY KEY,"
                "  name text NOT NULL,"
                "  applied_at timestamptz NOT NULL DEFAULT now())",
                "create schema_migrations", error))
    goto unlock;

  if (!read_applied (conn, applied, &max_applied, error))
    goto unlock;

  if (max_applied > highest_version (migrations))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_CONFLICT,
                   "the database's schema version %u is newer than this sendcase knows (%u): "
                   "upgrade sendcase", max_applied, highest_version (migrations));
      goto unlock;
    }

  for (guint i = 0; i < migrations->len; i++)
    {
      const ScdMigration *migration = g_ptr_array_index (migrations, i);
      g_autofree char *version_text = NULL;
      const char *params[2];
      g_autoptr(PGresult) result = NULL;
      g_autoptr(GError) step_error = NULL;

      if (g_hash_table_contains (applied, GUINT_TO_POINTER (migration->version)))
        continue;

      if (!exec_ok (conn, "BEGIN", "begin a transaction", error))
        goto unlock;
      if (!exec_ok (conn, migration->sql, "apply", &step_error))
        {
          exec_ok (conn, "ROLLBACK", "roll back", NULL);
          g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "could not apply migration %s: %s",
                       migration->name, step_error->message + strlen ("could not apply: "));
          goto unlock;
        }
      version_text = g_strdup_printf ("%u", migration->version);
      params[0] = version_text;
      params[1] = migration->name;
      result = PQexecParams (conn, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                             2, NULL, params, NULL, NULL, 0);
      if (PQresultStatus (result) != PGRES_COMMAND_OK)
        {
          g_autofree char *message = result_message (result);
          exec_ok (conn, "ROLLBACK", "roll back", NULL);
          g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "could not record migration %s: %s",
                       migration->name, message);
          goto unlock;
        }
      if (!exec_ok (conn, "COMMIT", "commit", &step_error))
        {
          g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "could not apply migration %s: %s",
                       migration->name, step_error->message);
          goto unlock;
        }
      g_message ("applied migration %s", migration->name);
      max_applied = MAX (max_applied, migration->version);
      count++;
    }

  if (version != NULL)
    *version = max_applied;
  ok = TRUE;

unlock:
  exec_ok (conn, "SELECT pg_advisory_unlock(" MIGRATION_LOCK_KEY ")", "release the migration lock", NULL);
  if (ok && count == 0)
    g_debug ("schema is up to date at version %u", max_applied);
  return ok;
}

gboolean
scd_migrate_get_status (const char          *conninfo,
                        GPtrArray           *migrations,
                        ScdMigrationStatus  *status,
                        GError             **error)
{
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(GHashTable) applied = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (status != NULL, FALSE);

  memset (status, 0, sizeof *status);
  if ((conn = connect_blocking (conninfo, error)) == NULL)
    return FALSE;
  if (!read_applied (conn, applied, &status->applied_version, error))
    return FALSE;
  status->available_version = highest_version (migrations);
  status->pending = g_ptr_array_new ();
  for (guint i = 0; i < migrations->len; i++)
    {
      ScdMigration *migration = g_ptr_array_index (migrations, i);
      if (!g_hash_table_contains (applied, GUINT_TO_POINTER (migration->version)))
        g_ptr_array_add (status->pending, migration);
    }
  return TRUE;
}

void
scd_migration_status_clear (ScdMigrationStatus *status)
{
  g_clear_pointer (&status->pending, g_ptr_array_unref);
}
