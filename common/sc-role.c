/* sc-role.c
 *
 * Role names. The same table is seeded into PostgreSQL (sql/0002-*.sql); a
 * server test checks that the two agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-role.h"

static const struct {
  ScRole      role;
  const char *name;
  const char *title;
} roles[] = {
  { SC_ROLE_CASEWORKER, "caseworker", "Caseworker" },
  { SC_ROLE_TEAM_MANAGER, "team_manager", "Team manager" },
  { SC_ROLE_ADMIN_OFFICER, "admin_officer", "Admin officer" },
  { SC_ROLE_SYSTEM_ADMIN, "system_admin", "System administrator" },
};

const char *
sc_role_to_string (ScRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i].role == role)
      return roles[i].name;
  return NULL;
}

ScRole
sc_role_from_string (const char *name)
{
  if (name == NULL)
    return SC_ROLE_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_str_equal (roles[i].name, name))
      return roles[i].role;
  return SC_ROLE_NONE;
}

const char *
sc_role_get_title (ScRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i].role == role)
      return roles[i].title;
  return NULL;
}
