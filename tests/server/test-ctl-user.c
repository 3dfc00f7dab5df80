/* test-ctl-user.c
 *
 * `sendcasectl user ...` on an embedded data directory, without a daemon and
 * with one running on it: add, list (with its LOCKED column), disable,
 * passwd, unlock, the errors, and the audit rows each command writes
 * through the daemon's own stores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/wait.h>

#include "sc-test-daemon.h"

static int
ctl (const char  *data_dir,
     const char  *stdin_text,
     char       **out,
     char       **err,
     ...)
{
  g_autofree char *sendcasectl = sc_test_build_path ("server/sendcasectl");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, sendcasectl);
  g_ptr_array_add (argv, (char *) "--data-dir");
  g_ptr_array_add (argv, (char *) data_dir);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "SC_EMBEDDED_FAST", "1", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, stdin_text, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

/* The line of `user list` about @username. */
static char *
list_line (const char *list,
           const char *username)
{
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);
  g_autofree char *needle = g_strdup_printf (" %s ", username);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      return g_strdup (lines[i]);
  g_error ("user list does not show %s:\n%s", username, list);
  return NULL;
}

static void
fail_sign_ins (ScTestDaemon *daemon,
               const char   *username,
               guint         times)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"not-the-password\"}", username);

  for (guint i = 0; i < times; i++)
    {
      g_autoptr(ScTestResponse) r = sc_test_daemon_request (daemon, "POST", "/api/v1/sessions", "application/json",
                                                            body, NULL);
      g_assert_cmpuint (r->status, ==, 401);
    }
}

static guint
sign_in_status (ScTestDaemon *daemon,
                const char   *username,
                const char   *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}", username, password);
  g_autoptr(ScTestResponse) r = sc_test_daemon_request (daemon, "POST", "/api/v1/sessions", "application/json",
                                                        body, NULL);
  return r->status;
}

static void
test_user_commands (void)
{
  g_autofree char *dir = sc_test_make_tmpdir ("sc-ctl-XXXXXX");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  /* a new data directory must be asked for; then, with no daemon,
   * sendcasectl starts and stops the cluster itself */
  status = ctl (dir, NULL, &out, &err, "init", NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = ctl (dir, "first-admin-password\n", &out, &err, "user", "add", "Admin.One", "--role", "system_admin",
                "--full-name", "Ada Admin", "--password-stdin", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "created user admin.one (id "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* the errors: exit 2, nothing on standard output */
  {
    struct { const char *password; const char *args[8]; const char *message; } cases[] = {
      { "short\n", { "user", "add", "bob", "--role", "caseworker", "--password-stdin", NULL }, "at least 12 characters" },
      { "long-enough-pass\n", { "user", "add", "bob", "--role", "boss", "--password-stdin", NULL }, "must be one of" },
      { "long-enough-pass\n", { "user", "add", "bob", "--role", "caseworker", NULL }, "--password-stdin" },
      { "long-enough-pass\n", { "user", "add", "b", "--role", "caseworker", "--password-stdin", NULL }, "2-63 characters" },
      { "", { "user", "remove", "bob", NULL }, "unknown command" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *sendcasectl = sc_test_build_path ("server/sendcasectl");
        g_autoptr(GPtrArray) argv = g_ptr_array_new ();
        g_autoptr(GSubprocess) process = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *o = NULL;
        g_autofree char *e = NULL;

        g_ptr_array_add (argv, sendcasectl);
        g_ptr_array_add (argv, (char *) "--data-dir");
        g_ptr_array_add (argv, dir);
        for (guint j = 0; cases[i].args[j] != NULL; j++)
          g_ptr_array_add (argv, (char *) cases[i].args[j]);
        g_ptr_array_add (argv, NULL);
        process = g_subprocess_newv ((const char * const *) argv->pdata,
                                     G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                     G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
        g_assert_no_error (error);
        g_subprocess_communicate_utf8 (process, cases[i].password, NULL, &o, &e, &error);
        g_assert_no_error (error);
        g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
        g_assert_cmpstr (o, ==, "");
        if (strstr (e, cases[i].message) == NULL)
          g_error ("case %u: expected \"%s\" in: %s", i, cases[i].message, e);
      }
  }

  status = ctl (dir, NULL, &out, &err, "status", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "daemon: not running"));
  g_assert_nonnull (strstr (out, "pending migrations: none"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* with a daemon on the same directory */
  {
    const char *args[] = { "--data-dir", dir, NULL };
    g_autoptr(GError) error = NULL;
    g_autoptr(ScTestDaemon) daemon = sc_test_daemon_spawn (args, &error);
    g_autofree char *token = NULL;
    g_autoptr(ScTestResponse) me = NULL;

    g_assert_no_error (error);
    token = sc_test_sign_in (daemon, "admin.one", "first-admin-password");

    status = ctl (dir, NULL, &out, &err, "status", NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "daemon: running (pid "));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    status = ctl (dir, NULL, &out, &err, "migrate", NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_str_has_prefix (out, "schema version "));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    status = ctl (dir, "worker-password-1\n", &out, &err, "user", "add", "worker", "--role", "caseworker",
                  "--password-stdin", NULL);
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_free (sc_test_sign_in (daemon, "worker", "worker-password-1"));

    status = ctl (dir, "worker-password-1\n", &out, &err, "user", "add", "worker", "--role", "caseworker",
                  "--password-stdin", NULL);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "already exists"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    status = ctl (dir, NULL, &out, &err, "user", "list", NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "admin.one"));
    g_assert_nonnull (strstr (out, "system_admin"));
    g_assert_nonnull (strstr (out, "Ada Admin"));
    g_assert_nonnull (strstr (out, "worker"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    /* a new password ends the sessions of that user */
    status = ctl (dir, "second-admin-password\n", &out, &err, "user", "passwd", "admin.one", "--password-stdin", NULL);
    g_assert_cmpint (status, ==, 0);
    me = sc_test_authed (daemon, token, "GET", "/api/v1/me", NULL, NULL);
    g_assert_cmpuint (me->status, ==, 401);
    g_free (token);
    token = sc_test_sign_in (daemon, "admin.one", "second-admin-password");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    status = ctl (dir, NULL, &out, &err, "user", "disable", "worker", NULL);
    g_assert_cmpint (status, ==, 0);
    {
      g_autoptr(ScTestResponse) refused = sc_test_daemon_request (daemon, "POST", "/api/v1/sessions",
                                                                  "application/json",
                                                                  "{\"username\":\"worker\",\"password\":\"worker-password-1\"}",
                                                                  NULL);
      g_assert_cmpuint (refused->status, ==, 401);
    }
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    status = ctl (dir, NULL, &out, &err, "user", "disable", "nobody", NULL);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "no user \"nobody\""));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    /* a locked-out user: shown by list, lifted by unlock, and by passwd */
    status = ctl (dir, "locked-password-1\n", &out, &err, "user", "add", "locked.one", "--role", "caseworker",
                  "--password-stdin", NULL);
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    fail_sign_ins (daemon, "locked.one", 5);
    g_assert_cmpuint (sign_in_status (daemon, "locked.one", "locked-password-1"), ==, 429);
    status = ctl (dir, NULL, &out, &err, "user", "list", NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "LOCKED"));
    {
      g_autofree char *line = list_line (out, "locked.one");
      g_autofree char *other = list_line (out, "admin.one");

      g_assert_nonnull (strstr (line, " until 20"));
      g_assert_null (strstr (other, "until"));
    }
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    status = ctl (dir, NULL, &out, &err, "user", "unlock", "Locked.One", NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_str_has_prefix (out, "unlocked locked.one"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    status = ctl (dir, NULL, &out, &err, "user", "list", NULL);
    {
      g_autofree char *line = list_line (out, "locked.one");
      g_assert_null (strstr (line, "until"));
    }
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpuint (sign_in_status (daemon, "locked.one", "locked-password-1"), ==, 201);

    fail_sign_ins (daemon, "locked.one", 5);
    g_assert_cmpuint (sign_in_status (daemon, "locked.one", "locked-password-1"), ==, 429);
    status = ctl (dir, "locked-password-2\n", &out, &err, "user", "passwd", "locked.one", "--password-stdin", NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpuint (sign_in_status (daemon, "locked.one", "locked-password-2"), ==, 201);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    status = ctl (dir, NULL, &out, &err, "user", "unlock", "nobody", NULL);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "no user \"nobody\""));

    /* every command is in the audit trail, as sendcasectl's, from "local" */
    {
      g_autoptr(ScTestResponse) trail = sc_test_authed (daemon, token, "GET", "/api/v1/audit?user=sendcasectl&limit=500",
                                                        NULL, NULL);
      JsonArray *items = json_object_get_array_member (json_node_get_object (trail->json), "items");
      g_autoptr(GString) actions = g_string_new (NULL);

      g_assert_cmpuint (trail->status, ==, 200);
      for (guint i = json_array_get_length (items); i-- > 0;)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          const char *action = json_object_get_string_member (item, "action");

          g_string_append_printf (actions, "%s%s", actions->len > 0 ? "," : "", action);
          g_assert_cmpstr (json_object_get_string_member (item, "source_address"), ==, "local");
          g_assert_cmpstr (json_object_get_string_member (item, "outcome"), ==, "success");
          g_assert_true (json_node_is_null (json_object_get_member (item, "user_id")));
          g_assert_cmpstr (json_object_get_string_member (item, "resource_type"), ==, "user");
          /* a list records the users it showed */
          if (g_str_equal (action, "user.list"))
            g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item, "resource_ids")), >=, 2);
          else
            g_assert_nonnull (json_object_get_string_member (item, "resource_id"));
        }
      g_assert_cmpstr (actions->str, ==, "user.create,user.create,user.list,user.password.reset,user.update,"
                                         "user.create,user.list,user.unlock,user.list,user.password.reset");
    }

    g_assert_cmpint (sc_test_daemon_stop (daemon), ==, 0);
  }
  sc_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/ctl/user", test_user_commands);
  return g_test_run ();
}
