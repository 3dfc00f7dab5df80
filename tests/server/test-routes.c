/* test-routes.c
 *
 * The route table, in process: the matcher, deny by default (every route has
 * an access rule), and docs/openapi.yaml describing exactly the routes the
 * daemon serves.
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

/* Finds "  PATTERN:" among the paths of the document, then "    method:" in
 * its block. Enough YAML for a document we write by hand in this shape. */
static gboolean
openapi_has (const char *document,
             const char *method,
             const char *pattern)
{
  g_autofree char *path_key = g_strdup_printf ("\n  %s:\n", pattern);
  g_autofree char *method_key = g_ascii_strdown (method, -1);
  g_autofree char *method_line = g_strdup_printf ("\n    %s:\n", method_key);
  const char *block = strstr (document, path_key);
  const char *end;

  if (block == NULL)
    return FALSE;
  block += strlen (path_key) - 1;
  /* the block ends at the next line indented by two spaces or less */
  for (end = block; (end = strchr (end + 1, '\n')) != NULL;)
    if (end[1] != '\0' && end[1] != '\n' && !(end[1] == ' ' && end[2] == ' ' && end[3] == ' '))
      break;
  if (end == NULL)
    end = block + strlen (block);
  {
    g_autofree char *slice = g_strndup (block, end - block + 1);
    return strstr (slice, method_line) != NULL;
  }
}

static void
test_routes_in_openapi (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "docs", "openapi.yaml", NULL);
  g_autofree char *document = NULL;
  guint n = 0;
  const ScdRoute *routes = scd_routes_get (&n);
  guint documented = 0;

  g_assert_true (g_file_get_contents (path, &document, NULL, NULL));
  for (guint i = 0; i < n; i++)
    if (!openapi_has (document, routes[i].method, routes[i].pattern))
      g_error ("docs/openapi.yaml does not describe %s %s", routes[i].method, routes[i].pattern);

  /* and the document describes no route the daemon does not serve */
  for (const char *p = strstr (document, "\n  /api/"); p != NULL; p = strstr (p + 1, "\n  /api/"))
    {
      const char *colon = strchr (p + 3, ':');
      g_autofree char *pattern = g_strndup (p + 3, colon - (p + 3));
      gboolean served = FALSE;

      for (guint i = 0; i < n; i++)
        served |= g_str_equal (routes[i].pattern, pattern);
      if (!served)
        g_error ("docs/openapi.yaml describes %s, which the daemon does not serve", pattern);
      documented++;
    }
  g_assert_cmpuint (documented, >, 0);
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
