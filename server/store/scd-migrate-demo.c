/* scd-migrate-demo.c
 *
 * Demonstration data for `sendcased --demo-data` (used by ./demo): one
 * fictional user of every role, created if missing, so that every page can be
 * tried with every role. The sign-ins are printed by ./demo and listed in the
 * README. Never use --demo-data on a database that holds real records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-demo"

#include "config.h"

#include <libpq-fe.h>

#include "sc-error.h"
#include "scd-actor.h"
#include "scd-migrate.h"
#include "scd-password.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

const ScdDemoUser scd_demo_users[] = {
  { "caseworker", "Asha Patel", "caseworker" },
  { "manager", "Tom Reilly", "team_manager" },
  { "officer", "Grace Okafor", "admin_officer" },
  { "sysadmin", "Sam Lewis", "system_admin" },
  { NULL, NULL, NULL },
};

/* Runs as the owner, before the pool exists; its audit row goes through
 * audit_entry like every other (sql/0003-*.sql). */
static const char insert_sql[] =
  "WITH u AS (INSERT INTO app_user (username, full_name, role, password_hash) VALUES ($2, $3, $4, $5)"
  "           ON CONFLICT (username) DO NOTHING RETURNING id)"
  "INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', u.id::text FROM u";

gboolean
scd_migrate_load_demo_data (const char  *conninfo,
                            GError     **error)
{
  g_autoptr(PGconn) conn = PQconnectdb (conninfo);
  g_autoptr(ScdActor) actor = scd_actor_new_local ("sendcased --demo-data", "user.create", "user", FALSE);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_UNAVAILABLE, "could not connect to load demo data: %s",
                   PQerrorMessage (conn));
      return FALSE;
    }
  for (guint i = 0; scd_demo_users[i].username != NULL; i++)
    {
      g_autofree char *hash = scd_password_hash (SCD_DEMO_PASSWORD, error);
      g_autoptr(PGresult) result = NULL;
      const char *params[5];

      if (hash == NULL)
        return FALSE;
      params[0] = scd_actor_get_json (actor);
      params[1] = scd_demo_users[i].username;
      params[2] = scd_demo_users[i].full_name;
      params[3] = scd_demo_users[i].role;
      params[4] = hash;
      result = PQexecParams (conn, insert_sql, 5, NULL, params, NULL, NULL, 0);
      if (PQresultStatus (result) != PGRES_COMMAND_OK)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "could not create demo user %s: %s",
                       scd_demo_users[i].username, PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY));
          return FALSE;
        }
    }
  g_message ("demo data loaded: users caseworker, manager, officer, sysadmin (password %s)", SCD_DEMO_PASSWORD);
  return TRUE;
}
