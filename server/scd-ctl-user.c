/* scd-ctl-user.c
 *
 * `sendcasectl user ...`: user administration from the command line, for the
 * first administrator and for recovery. Works whether or not the daemon is
 * running (scd-ctl.c). Passwords are read from standard input only, never
 * from the command line, where other users and shell history could see them.
 * Every change is recorded in the audit trail as done by "sendcasectl".
 *
 *   user add NAME --role ROLE [--full-name TEXT] --password-stdin
 *   user list
 *   user disable NAME
 *   user passwd NAME --password-stdin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-ctl"

#include "config.h"

#include <stdio.h>
#include <libpq-fe.h>

#include "sc-problem.h"
#include "scd-ctl.h"
#include "scd-ctl-commands.h"
#include "scd-migrate.h"
#include "scd-password.h"
#include "handlers/scd-user-json.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

#define CTL_AUDIT(action) \
  " audit AS (INSERT INTO audit_event (username, request_id, source_address, action, resource_type," \
  "                                    resource_id, outcome)" \
  "           SELECT 'sendcasectl', NULL, 'local', '" action "', 'user', u.id::text, 'success' FROM u)"

static const char add_sql[] =
  "WITH u AS (INSERT INTO app_user (username, full_name, role, password_hash) VALUES ($1, $2, $3, $4)"
  "           RETURNING id),"
  CTL_AUDIT ("user.create")
  " SELECT id FROM u";

static const char list_sql[] =
  "SELECT id, username, role, CASE WHEN active THEN 'active' ELSE 'disabled' END, full_name"
  " FROM app_user ORDER BY username";

static const char disable_sql[] =
  "WITH u AS (UPDATE app_user SET active = false, version = version + 1, updated_at = clock_timestamp()"
  "           WHERE username = $1 RETURNING id),"
  " ended AS (UPDATE session SET ended_at = clock_timestamp() WHERE user_id IN (SELECT id FROM u)"
  "           AND ended_at IS NULL),"
  CTL_AUDIT ("user.update")
  " SELECT id FROM u";

static const char passwd_sql[] =
  "WITH u AS (UPDATE app_user SET password_hash = $2, password_changed_at = clock_timestamp(),"
  "                               version = version + 1, updated_at = clock_timestamp()"
  "           WHERE username = $1 RETURNING id),"
  " ended AS (UPDATE session SET ended_at = clock_timestamp() WHERE user_id IN (SELECT id FROM u)"
  "           AND ended_at IS NULL),"
  CTL_AUDIT ("user.password.reset")
  " SELECT id FROM u";

static const char usage[] =
  "usage: sendcasectl user add NAME --role ROLE [--full-name TEXT] --password-stdin\n"
  "       sendcasectl user list\n"
  "       sendcasectl user disable NAME\n"
  "       sendcasectl user passwd NAME --password-stdin";

/* The first line of standard input, without its line end. */
static char *
read_password (GError **error)
{
  GString *line = g_string_new (NULL);
  int c;

  while ((c = fgetc (stdin)) != EOF && c != '\n')
    {
      g_string_append_c (line, (char) c);
      if (line->len > SCD_PASSWORD_MAX_BYTES)
        break;
    }
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  if (!scd_password_check_policy (line->str, "password", error))
    {
      scd_secret_free (g_string_free (line, FALSE));
      return NULL;
    }
  return g_string_free (line, FALSE);
}

static const char *
first_field_error (const GError *error)
{
  const ScProblem *problem = sc_error_get_problem (error);

  if (problem != NULL && sc_problem_get_n_field_errors (problem) > 0)
    return sc_problem_get_field_error (problem, 0)->message;
  return error->message;
}

/* Runs one statement; returns its result, or NULL after printing why. */
static PGresult *
run (const char         *conninfo,
     const char         *sql,
     const char * const *params,
     int                 n_params,
     const char         *what)
{
  g_autoptr(PGconn) conn = PQconnectdb (conninfo);
  PGresult *result;
  const char *sqlstate;

  if (PQstatus (conn) != CONNECTION_OK)
    {
      scd_ctl_fail (1, "%s: could not connect to the database: %s", what, PQerrorMessage (conn));
      return NULL;
    }
  result = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);
  if (PQresultStatus (result) == PGRES_TUPLES_OK || PQresultStatus (result) == PGRES_COMMAND_OK)
    return result;
  sqlstate = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  if (g_strcmp0 (sqlstate, "23505") == 0)
    scd_ctl_fail (1, "%s: a user with that name already exists", what);
  else
    scd_ctl_fail (1, "%s: %s", what, PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY));
  PQclear (result);
  return NULL;
}

static int
user_add (const char *conninfo,
          int         argc,
          char      **argv)
{
  g_autofree char *role = NULL;
  g_autofree char *full_name = NULL;
  gboolean password_stdin = FALSE;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *username = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(PGresult) result = NULL;
  char *password;
  const GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, NULL, NULL },
    { "full-name", 0, 0, G_OPTION_ARG_STRING, &full_name, NULL, NULL },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &password_stdin, NULL, NULL },
    { NULL }
  };

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return scd_ctl_fail (2, "user add: %s\n%s", error->message, usage);
  if (argc != 2)
    return scd_ctl_fail (2, "user add: give one user name\n%s", usage);
  if (role == NULL)
    return scd_ctl_fail (2, "user add: --role is required (caseworker, team_manager, admin_officer, system_admin)");
  if (!password_stdin)
    return scd_ctl_fail (2, "user add: give the password on standard input with --password-stdin");

  username = g_utf8_strdown (argv[1], -1);
  scd_user_check_username (username, &error);
  if (error == NULL)
    scd_user_check_role (role, &error);
  if (error == NULL && full_name != NULL)
    scd_user_check_full_name (full_name, &error);
  if (error != NULL)
    return scd_ctl_fail (2, "user add: %s %s", sc_problem_get_field_error (sc_error_get_problem (error), 0)->field,
                         first_field_error (error));

  password = read_password (&error);
  if (password == NULL)
    return scd_ctl_fail (2, "user add: password %s", first_field_error (error));
  hash = scd_password_hash (password, &error);
  scd_secret_free (password);
  if (hash == NULL)
    return scd_ctl_fail (1, "user add: %s", error->message);

  {
    const char *params[] = { username, full_name != NULL ? full_name : "", role, hash };
    result = run (conninfo, add_sql, params, 4, "user add");
  }
  if (result == NULL)
    return 1;
  printf ("created user %s (id %s, %s)\n", username, PQgetvalue (result, 0, 0), role);
  return 0;
}

static int
user_list (const char *conninfo,
           int         argc,
           char      **argv)
{
  g_autoptr(PGresult) result = NULL;

  if (argc != 1)
    return scd_ctl_fail (2, "user list: unexpected argument \"%s\"", argv[1]);
  result = run (conninfo, list_sql, NULL, 0, "user list");
  if (result == NULL)
    return 1;
  printf ("%-6s %-24s %-14s %-9s %s\n", "ID", "USERNAME", "ROLE", "STATE", "FULL NAME");
  for (int i = 0; i < PQntuples (result); i++)
    printf ("%-6s %-24s %-14s %-9s %s\n", PQgetvalue (result, i, 0), PQgetvalue (result, i, 1),
            PQgetvalue (result, i, 2), PQgetvalue (result, i, 3), PQgetvalue (result, i, 4));
  return 0;
}

static int
user_disable (const char *conninfo,
              int         argc,
              char      **argv)
{
  g_autoptr(PGresult) result = NULL;
  g_autofree char *username = NULL;
  const char *params[1];

  if (argc != 2)
    return scd_ctl_fail (2, "user disable: give one user name\n%s", usage);
  username = g_utf8_strdown (argv[1], -1);
  params[0] = username;
  result = run (conninfo, disable_sql, params, 1, "user disable");
  if (result == NULL)
    return 1;
  if (PQntuples (result) == 0)
    return scd_ctl_fail (1, "user disable: no user \"%s\"", username);
  printf ("disabled user %s; their sessions have ended\n", username);
  return 0;
}

static int
user_passwd (const char *conninfo,
             int         argc,
             char      **argv)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *username = NULL;
  g_autofree char *hash = NULL;
  gboolean password_stdin = FALSE;
  char *password;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--password-stdin"))
        password_stdin = TRUE;
      else if (argv[i][0] == '-')
        return scd_ctl_fail (2, "user passwd: unknown option \"%s\"\n%s", argv[i], usage);
      else if (username == NULL)
        username = g_utf8_strdown (argv[i], -1);
      else
        return scd_ctl_fail (2, "user passwd: give one user name\n%s", usage);
    }
  if (username == NULL)
    return scd_ctl_fail (2, "user passwd: give one user name\n%s", usage);
  if (!password_stdin)
    return scd_ctl_fail (2, "user passwd: give the password on standard input with --password-stdin");

  password = read_password (&error);
  if (password == NULL)
    return scd_ctl_fail (2, "user passwd: password %s", first_field_error (error));
  hash = scd_password_hash (password, &error);
  scd_secret_free (password);
  if (hash == NULL)
    return scd_ctl_fail (1, "user passwd: %s", error->message);
  {
    const char *params[] = { username, hash };
    result = run (conninfo, passwd_sql, params, 2, "user passwd");
  }
  if (result == NULL)
    return 1;
  if (PQntuples (result) == 0)
    return scd_ctl_fail (1, "user passwd: no user \"%s\"", username);
  printf ("changed the password of %s; their sessions have ended\n", username);
  return 0;
}

int
scd_ctl_user_main (const char  *data_dir,
                   const char  *database,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GPtrArray) migrations = NULL;
  g_autoptr(GError) error = NULL;
  ScdCtlDb db;
  const char *verb;
  int status;

  if (argc < 2)
    return scd_ctl_fail (2, "user: give a command\n%s", usage);
  verb = argv[1];
  if (!g_str_equal (verb, "add") && !g_str_equal (verb, "list") && !g_str_equal (verb, "disable") &&
      !g_str_equal (verb, "passwd"))
    return scd_ctl_fail (2, "user: unknown command \"%s\"\n%s", verb, usage);

  if (!scd_password_init (&error))
    return scd_ctl_fail (1, "user: %s", error->message);
  if (!scd_ctl_db_open (&db, data_dir, database, &error))
    {
      scd_ctl_db_close (&db);
      return scd_ctl_fail (1, "user: %s", error->message);
    }
  /* the tables must exist: bring the schema up to date first */
  migrations = scd_migrations_load (NULL, &error);
  if (migrations == NULL || !scd_migrate_run (db.conninfo, migrations, NULL, &error))
    {
      scd_ctl_db_close (&db);
      return scd_ctl_fail (1, "user: %s", error->message);
    }

  if (g_str_equal (verb, "add"))
    status = user_add (db.conninfo, argc - 1, argv + 1);
  else if (g_str_equal (verb, "list"))
    status = user_list (db.conninfo, argc - 1, argv + 1);
  else if (g_str_equal (verb, "disable"))
    status = user_disable (db.conninfo, argc - 1, argv + 1);
  else
    status = user_passwd (db.conninfo, argc - 1, argv + 1);
  scd_ctl_db_close (&db);
  return status;
}
