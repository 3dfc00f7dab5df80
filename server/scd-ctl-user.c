/* scd-ctl-user.c
 *
 * `sendcasectl user ...`: user administration from the command line, for the
 * first administrator and for recovery. Works whether or not the daemon is
 * running (scd-ctl.c). Passwords are read from standard input only, never
 * from the command line, where other users and shell history could see them.
 *
 *   user add NAME --role ROLE [--full-name TEXT] --password-stdin
 *   user list
 *   user disable NAME
 *   user passwd NAME --password-stdin
 *   user unlock NAME
 *
 * Each command is one call of the daemon's own user store (scd-sync.h), so
 * it runs the same SQL and writes the same audit rows, as done by
 * "sendcasectl" from "local", with the action named in the table below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-ctl"

#include "config.h"

#include <stdio.h>

#include "sc-problem.h"
#include "scd-ctl.h"
#include "scd-ctl-commands.h"
#include "scd-migrate.h"
#include "scd-password.h"
#include "scd-sync.h"

#define LIST_PAGE 500

static const char usage[] =
  "usage: sendcasectl user add NAME --role ROLE [--full-name TEXT] --password-stdin\n"
  "       sendcasectl user list\n"
  "       sendcasectl user disable NAME\n"
  "       sendcasectl user passwd NAME --password-stdin\n"
  "       sendcasectl user unlock NAME";

typedef struct
{
  ScdSync   *sync;
  ScdStores *stores;   /* borrowed from sync */
  ScdActor  *actor;    /* the command's */
} Ctl;

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

/* NAME, lower-cased, checked by the same rule as the API's. */
static char *
username_arg (const char  *arg,
              GError     **error)
{
  g_autofree char *username = g_utf8_strdown (arg, -1);

  if (!sc_user_check_username (username, error))
    return NULL;
  return g_steal_pointer (&username);
}

/* Hashes a password read from standard input; exit status 0, or the
 * failure's. */
static int
hash_password (const char  *what,
               char       **hash)
{
  g_autoptr(GError) error = NULL;
  char *password = read_password (&error);

  if (password == NULL)
    return scd_ctl_fail (2, "%s: password %s", what, first_field_error (error));
  *hash = scd_password_hash (password, &error);
  scd_secret_free (password);
  if (*hash == NULL)
    return scd_ctl_fail (1, "%s: %s", what, error->message);
  return 0;
}

static int
user_add (Ctl   *ctl,
          int    argc,
          char **argv)
{
  g_autofree char *role = NULL;
  g_autofree char *full_name = NULL;
  gboolean password_stdin = FALSE;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *username = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(ScdCreated) created = NULL;
  ScdNewUser user;
  int status;
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

  username = username_arg (argv[1], &error);
  if (username != NULL)
    sc_user_check_role (role, &error);
  if (error == NULL && full_name != NULL)
    sc_user_check_full_name (full_name, &error);
  if (error != NULL)
    return scd_ctl_fail (2, "user add: %s %s", sc_problem_get_field_error (sc_error_get_problem (error), 0)->field,
                         first_field_error (error));
  if ((status = hash_password ("user add", &hash)) != 0)
    return status;

  user = (ScdNewUser) { username, full_name != NULL ? full_name : "", role, hash };
  scd_user_store_create_async (ctl->stores->users, ctl->actor, &user, NULL, NULL, scd_sync_cb, ctl->sync);
  created = scd_user_store_create_finish (ctl->stores->users, scd_sync_wait (ctl->sync), &error);
  if (created == NULL && g_error_matches (error, SC_ERROR, SC_ERROR_CONFLICT))
    return scd_ctl_fail (1, "user add: a user with that name already exists");
  if (created == NULL)
    return scd_ctl_fail (1, "user add: %s", error->message);
  printf ("created user %s (id %s, %s)\n", username, created->resource_id, role);
  return 0;
}

static int
user_list (Ctl   *ctl,
           int    argc,
           char **argv)
{
  ScdUserFilter filter = { NULL, -1, 0, LIST_PAGE };

  if (argc != 1)
    return scd_ctl_fail (2, "user list: unexpected argument \"%s\"", argv[1]);

  printf ("%-6s %-24s %-14s %-9s %-26s %s\n", "ID", "USERNAME", "ROLE", "STATE", "LOCKED", "FULL NAME");
  do
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *next = NULL;
      g_autoptr(GPtrArray) users = NULL;

      scd_user_store_list_async (ctl->stores->users, ctl->actor, &filter, NULL, scd_sync_cb, ctl->sync);
      users = scd_user_store_list_finish (ctl->stores->users, scd_sync_wait (ctl->sync), &next, &error);
      if (users == NULL)
        return scd_ctl_fail (1, "user list: %s", error->message);
      for (guint i = 0; i < users->len; i++)
        {
          ScUser *user = g_ptr_array_index (users, i);
          char until[SC_TIME_STRING_SIZE] = "-";
          g_autofree char *locked = NULL;

          if (sc_user_get_locked_until (user) != 0)
            sc_time_format (sc_user_get_locked_until (user), until);
          locked = sc_user_get_locked_until (user) != 0 ? g_strconcat ("until ", until, NULL) : g_strdup ("-");
          printf ("%-6" G_GINT64_FORMAT " %-24s %-14s %-9s %-26s %s\n", sc_user_get_id (user),
                  sc_user_get_username (user), sc_user_get_role_name (user),
                  sc_user_get_active (user) ? "active" : "disabled", locked, sc_user_get_full_name (user));
        }
      filter.after = next != NULL ? g_ascii_strtoll (next, NULL, 10) : 0;
    }
  while (filter.after != 0);
  return 0;
}

static int
user_disable (Ctl   *ctl,
              int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *username = NULL;
  g_autoptr(ScUser) user = NULL;
  const ScdUserChange change = { NULL, NULL, 0 };

  if (argc != 2)
    return scd_ctl_fail (2, "user disable: give one user name\n%s", usage);
  if ((username = username_arg (argv[1], &error)) == NULL)
    return scd_ctl_fail (2, "user disable: %s", first_field_error (error));
  scd_user_store_update_async (ctl->stores->users, ctl->actor, 0, username, 0, &change, NULL, scd_sync_cb,
                               ctl->sync);
  user = scd_user_store_update_finish (ctl->stores->users, scd_sync_wait (ctl->sync), NULL, &error);
  if (user == NULL)
    return scd_ctl_fail (1, "user disable: %s", error->message);
  printf ("disabled user %s; their sessions have ended\n", username);
  return 0;
}

static int
user_passwd (Ctl   *ctl,
             int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *username = NULL;
  g_autofree char *hash = NULL;
  gboolean password_stdin = FALSE;
  const char *name = NULL;
  int status;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--password-stdin"))
        password_stdin = TRUE;
      else if (argv[i][0] == '-')
        return scd_ctl_fail (2, "user passwd: unknown option \"%s\"\n%s", argv[i], usage);
      else if (name != NULL)
        return scd_ctl_fail (2, "user passwd: give one user name\n%s", usage);
      else
        name = argv[i];
    }
  if (name == NULL)
    return scd_ctl_fail (2, "user passwd: give one user name\n%s", usage);
  if ((username = username_arg (name, &error)) == NULL)
    return scd_ctl_fail (2, "user passwd: %s", first_field_error (error));
  if (!password_stdin)
    return scd_ctl_fail (2, "user passwd: give the password on standard input with --password-stdin");
  if ((status = hash_password ("user passwd", &hash)) != 0)
    return status;

  scd_user_store_set_password_async (ctl->stores->users, ctl->actor, 0, username, hash, NULL, scd_sync_cb,
                                     ctl->sync);
  if (!scd_user_store_set_password_finish (ctl->stores->users, scd_sync_wait (ctl->sync), &error))
    return scd_ctl_fail (1, "user passwd: %s", error->message);
  printf ("changed the password of %s; their sessions have ended and any sign-in lock is lifted\n", username);
  return 0;
}

static int
user_unlock (Ctl   *ctl,
             int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *username = NULL;

  if (argc != 2)
    return scd_ctl_fail (2, "user unlock: give one user name\n%s", usage);
  if ((username = username_arg (argv[1], &error)) == NULL)
    return scd_ctl_fail (2, "user unlock: %s", first_field_error (error));
  scd_user_store_unlock_async (ctl->stores->users, ctl->actor, 0, username, NULL, scd_sync_cb, ctl->sync);
  if (!scd_user_store_unlock_finish (ctl->stores->users, scd_sync_wait (ctl->sync), &error))
    return scd_ctl_fail (1, "user unlock: %s", error->message);
  printf ("unlocked %s: its failed sign-ins are forgotten\n", username);
  return 0;
}

/* The commands and the audit action each is recorded under. */
static const struct
{
  const char *verb;
  int       (*run) (Ctl *ctl, int argc, char **argv);
  const char *action;
  gboolean    read;
} commands[] = {
  { "add", user_add, "user.create", FALSE },
  { "list", user_list, "user.list", TRUE },
  { "disable", user_disable, "user.update", FALSE },
  { "passwd", user_passwd, "user.password.reset", FALSE },
  { "unlock", user_unlock, "user.unlock", FALSE },
};

int
scd_ctl_user_main (const char  *data_dir,
                   const char  *database,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GPtrArray) migrations = NULL;
  g_autoptr(GError) error = NULL;
  ScdCtlDb db;
  Ctl ctl = { NULL, NULL, NULL };
  guint i;
  int status;

  if (argc < 2)
    return scd_ctl_fail (2, "user: give a command\n%s", usage);
  for (i = 0; i < G_N_ELEMENTS (commands) && !g_str_equal (commands[i].verb, argv[1]); i++)
    ;
  if (i == G_N_ELEMENTS (commands))
    return scd_ctl_fail (2, "user: unknown command \"%s\"\n%s", argv[1], usage);

  if (!scd_password_init (&error))
    return scd_ctl_fail (1, "user: %s", error->message);
  if (!scd_ctl_db_open (&db, data_dir, database, &error))
    {
      scd_ctl_db_close (&db);
      return scd_ctl_fail (1, "user: %s", error->message);
    }
  /* the tables must exist: bring the schema up to date first */
  migrations = scd_migrations_load (NULL, &error);
  if (migrations == NULL || !scd_migrate_run (db.conninfo, migrations, NULL, &error) ||
      (ctl.sync = scd_sync_new (db.conninfo, &error)) == NULL)
    {
      scd_ctl_db_close (&db);
      return scd_ctl_fail (1, "user: %s", error->message);
    }

  ctl.stores = scd_sync_get_stores (ctl.sync);
  ctl.actor = scd_actor_new_local ("sendcasectl", commands[i].action, "user", commands[i].read);
  status = commands[i].run (&ctl, argc - 1, argv + 1);
  scd_actor_unref (ctl.actor);
  scd_sync_free (ctl.sync);
  scd_ctl_db_close (&db);
  return status;
}
