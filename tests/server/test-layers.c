/* test-layers.c
 *
 * The layers hold. The build itself is the first proof: the HTTP and
 * command-line libraries are compiled without libpq's include directory, so
 * a handler that includes libpq-fe.h, or a store's private header, does not
 * compile (server/meson.build also checks, when it configures, that the
 * header cannot be found with their dependencies). This test adds what the
 * compiler cannot see: no file of those libraries (meson passes their
 * sources and headers) so much as names libpq's types or the pool's
 * statement API, and sendcasectl does not link libsoup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

static const char **files;

static void
test_no_sql_above_the_stores (void)
{
  static const char * const forbidden[] = {
    "libpq", "PGresult", "PGconn", "PQ", "scd-db-private.h", "scd-store-private.h", "scd_db_query",
    "INSERT INTO", "SELECT ", "UPDATE ", "DELETE FROM",
  };
  guint checked = 0;

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (files[i], &text, NULL, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < G_N_ELEMENTS (forbidden); j++)
        if (strstr (text, forbidden[j]) != NULL)
          g_error ("%s mentions \"%s\": SQL and libpq belong in server/store/", files[i], forbidden[j]);
      checked++;
    }
  /* the handlers are among them */
  g_assert_cmpuint (checked, >=, 10);
}

static void
test_ctl_without_libsoup (void)
{
  g_autofree char *sendcasectl = g_build_filename (g_getenv ("SC_BUILD_ROOT"), "server", "sendcasectl", NULL);
  const char *argv[] = { "readelf", "-d", sendcasectl, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "libpq"));
  g_assert_null (strstr (out, "libsoup"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* what is left of the command line: the files to read */
  files = (const char **) argv + 1;
  g_test_add_func ("/server/layers/no-sql-above-the-stores", test_no_sql_above_the_stores);
  g_test_add_func ("/server/layers/ctl-without-libsoup", test_ctl_without_libsoup);
  return g_test_run ();
}
