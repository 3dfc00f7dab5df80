/* test-main.c
 *
 * The sendcase binary started without its settings schema where GSettings
 * looks (an empty GSETTINGS_SCHEMA_DIR, and no system data directories):
 * it must not abort in GIO, but say in one line which schema is missing and
 * how to fix it, and exit 1, before it opens any window. And with the
 * build's schema, the same check passes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-test-daemon.h"

#include "scc-application.h"

static void
test_no_schema (void)
{
  g_autofree char *empty = sc_test_make_tmpdir ("scc-no-schema-XXXXXX");
  g_autofree char *binary = sc_test_build_path ("client/sendcase");
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { binary, NULL };
  int wait_status = 0;

  envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", empty, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_DIRS", empty, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", empty, TRUE);
  /* Nothing in this run may need a display. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("stderr: %s", err);

  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
  g_assert_cmpstr (err, ==,
                   "sendcase: cannot find the settings schema \"" SC_APP_ID "\": install sendcase "
                   "(meson install), or run it from the build tree with "
                   "GSETTINGS_SCHEMA_DIR=build/client/data\n");
  g_assert_cmpstr (out, ==, "");

  sc_test_rm_rf (empty);
}

static void
test_schema (void)
{
  g_autoptr(GError) error = NULL;

  /* The test runs with the build's schema directory. */
  g_assert_true (scc_application_check_settings (&error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/main/no-schema", test_no_schema);
  g_test_add_func ("/client/main/schema", test_schema);

  return g_test_run ();
}
