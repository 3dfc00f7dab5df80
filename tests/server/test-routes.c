/* test-routes.c
 *
 * The route table, in process: the matcher, deny by default (every route has
 * an access rule), and docs/openapi.yaml describing exactly the operations
 * (method and path) the daemon serves, both ways.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scd-routes.h"

static void
test_every_route_has_a_rule (void)
{
  guint n = 0;
  const ScdRoute *routes = scd_routes_get (&n);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      if (routes[i].access == SCD_ACCESS_NONE)
        g_error ("route %s %s has no access rule", routes[i].method, routes[i].pattern);
      g_assert_nonnull (routes[i].handler);
      g_assert_true (g_str_has_prefix (routes[i].pattern, "/api/v1/"));
    }
}

static void
test_routes_unique (void)
{
  guint n = 0;
  const ScdRoute *routes = scd_routes_get (&n);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (g_str_equal (routes[i].method, routes[j].method) && g_str_equal (routes[i].pattern, routes[j].pattern))
        g_error ("route %s %s appears twice", routes[i].method, routes[i].pattern);
}

/* The operations docs/openapi.yaml describes, "METHOD /path" each, read
 * with a real YAML parser (tools/check-openapi-answers.py --operations). */
static GHashTable *
documented_operations (void)
{
  g_autofree char *script = g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "tools", "check-openapi-answers.py",
                                              NULL);
  g_autofree char *document = g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "docs", "openapi.yaml", NULL);
  const char *argv[] = { "/usr/bin/python3", script, "--document", document, "--operations", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *operations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-openapi-answers.py --operations failed: %s", err);
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_hash_table_add (operations, g_strdup (lines[i]));
  return operations;
}

/* Method and path, both ways: every route served is documented, and every
 * documented operation is served. */
static void
test_routes_in_openapi (void)
{
  g_autoptr(GHashTable) documented = documented_operations ();
  g_autoptr(GHashTable) served = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;
  const ScdRoute *routes = scd_routes_get (&n);
  GHashTableIter iter;
  const char *operation;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("%s %s", routes[i].method, routes[i].pattern);

      if (!g_hash_table_contains (documented, key))
        g_error ("docs/openapi.yaml does not describe %s, which the daemon serves", key);
      g_hash_table_add (served, g_steal_pointer (&key));
    }
  g_hash_table_iter_init (&iter, documented);
  while (g_hash_table_iter_next (&iter, (gpointer *) &operation, NULL))
    if (!g_hash_table_contains (served, operation))
      g_error ("docs/openapi.yaml describes %s, which the daemon does not serve", operation);
  g_assert_cmpuint (g_hash_table_size (documented), ==, n);
}

static void
test_match (void)
{
  g_autoptr(GString) allow = g_string_new (NULL);
  gboolean known = FALSE;

  g_assert_nonnull (scd_routes_match ("GET", "/api/v1/health", NULL, &known, allow));
  g_assert_null (scd_routes_match ("DELETE", "/api/v1/health", NULL, &known, allow));
  g_assert_true (known);
  g_assert_cmpstr (allow->str, ==, "GET");
  g_string_truncate (allow, 0);
  g_assert_null (scd_routes_match ("GET", "/api/v1/health/", NULL, &known, allow));
  g_assert_false (known);
  g_assert_null (scd_routes_match ("GET", "/api/v1", NULL, &known, allow));
  g_assert_false (known);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/routes/every-route-has-a-rule", test_every_route_has_a_rule);
  g_test_add_func ("/server/routes/unique", test_routes_unique);
  g_test_add_func ("/server/routes/in-openapi", test_routes_in_openapi);
  g_test_add_func ("/server/routes/match", test_match);
  return g_test_run ();
}
