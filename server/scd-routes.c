/* scd-routes.c
 *
 * The route table and its matcher. Patterns are literal segments and
 * {name} parameters; a parameter matches one non-empty segment. The table is
 * small and matched linearly: it costs less than parsing the request line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-routes"

#include "config.h"

#include "scd-routes.h"
#include "handlers/scd-handlers.h"

static const ScdRoute routes[] = {
  { "GET", "/api/v1/health", scd_health_handler_get, SCD_ACCESS_PUBLIC },
};

const ScdRoute *
scd_routes_get (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}

/* Matches @path against @pattern; on success sets params on @request (if
 * given). Both start with '/'. */
static gboolean
match_pattern (const char *pattern,
               const char *path,
               ScdRequest *request)
{
  const char *p = pattern;
  const char *s = path;

  while (*p != '\0' && *s != '\0')
    {
      if (*p == '{')
        {
          const char *close = strchr (p, '}');
          const char *end = strchr (s, '/');
          g_autofree char *name = NULL;
          g_autofree char *value = NULL;

          g_assert (close != NULL);
          if (end == NULL)
            end = s + strlen (s);
          if (end == s)
            return FALSE;
          if (request != NULL)
            {
              name = g_strndup (p + 1, close - p - 1);
              value = g_strndup (s, end - s);
              scd_request_set_param (request, name, value);
            }
          p = close + 1;
          s = end;
          continue;
        }
      if (*p != *s)
        return FALSE;
      p++;
      s++;
    }
  return *p == '\0' && *s == '\0';
}

const ScdRoute *
scd_routes_match (const char *method,
                  const char *path,
                  ScdRequest *request,
                  gboolean   *path_known,
                  GString    *allow)
{
  *path_known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (!match_pattern (routes[i].pattern, path, NULL))
        continue;
      if (g_str_equal (routes[i].method, method))
        {
          match_pattern (routes[i].pattern, path, request);
          return &routes[i];
        }
      *path_known = TRUE;
      if (allow != NULL)
        g_string_append_printf (allow, "%s%s", allow->len ? ", " : "", routes[i].method);
    }
  return NULL;
}
