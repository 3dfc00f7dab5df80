/* scd-migrate.h
 *
 * Schema migrations: sql/NNNN-name.sql, forward only, each applied in one
 * transaction and recorded in schema_migrations, under an advisory lock so
 * that several daemons starting at once apply each migration once.
 *
 * These calls block: they run at start-up (before the daemon listens) and in
 * sendcasectl, never from the main loop of a serving daemon.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint  version;
  char  *name;      /* file name, e.g. "0001-initial-schema.sql" */
  char  *sql;
} ScdMigration;

typedef struct
{
  guint      applied_version;   /* highest version recorded, 0 for none */
  guint      available_version; /* highest version this build knows */
  GPtrArray *pending;           /* of ScdMigration (borrowed from the set) */
} ScdMigrationStatus;

/* The built-in set (compiled into the binary), or the files of @dir. */
GPtrArray *scd_migrations_load        (const char          *dir,
                                       GError             **error);
void       scd_migration_free         (ScdMigration        *migration);

/* Creates the database named in @conninfo if it does not exist, connecting
 * to the "postgres" database of the same server. */
gboolean   scd_migrate_ensure_database (const char         *conninfo,
                                        GError            **error);

/* Applies what is pending. *@version is the schema version afterwards. */
gboolean   scd_migrate_run            (const char          *conninfo,
                                       GPtrArray           *migrations,
                                       guint               *version,
                                       GError             **error);
gboolean   scd_migrate_get_status     (const char          *conninfo,
                                       GPtrArray           *migrations,
                                       ScdMigrationStatus  *status,
                                       GError             **error);
void       scd_migration_status_clear (ScdMigrationStatus  *status);

/* scd-migrate-demo.c: fictional users of every role for ./demo */
typedef struct
{
  const char *username;
  const char *full_name;
  const char *role;
} ScdDemoUser;

#define SCD_DEMO_PASSWORD "demo-password-2026"

extern const ScdDemoUser scd_demo_users[];

gboolean   scd_migrate_load_demo_data (const char         *conninfo,
                                       GError            **error);
/* The synthetic authority (scd-demo-authority.h) through the stores, once:
 * nothing happens when the database has people already. */
gboolean   scd_demo_authority_load    (const char         *conninfo,
                                       GError            **error);
/* The same for a given authority (tests load a small one). */
typedef struct _ScdDemoAuthority ScdDemoAuthority;
gboolean   scd_demo_authority_load_into (const char         *conninfo,
                                         ScdDemoAuthority   *authority,
                                         GError            **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScdMigrationStatus, scd_migration_status_clear)

G_END_DECLS
