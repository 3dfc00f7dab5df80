/* sc-role.h
 *
 * The four roles of sendcase and their names on the wire. The access rules
 * built on them are in docs/access.md and in the daemon's route table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SC_ROLE_NONE = 0,
  SC_ROLE_CASEWORKER,
  SC_ROLE_TEAM_MANAGER,
  SC_ROLE_ADMIN_OFFICER,
  SC_ROLE_SYSTEM_ADMIN,
} ScRole;

#define SC_N_ROLES 4

/* "caseworker", "team_manager", "admin_officer", "system_admin" */
const char *sc_role_to_string   (ScRole      role);
ScRole      sc_role_from_string (const char *name);
/* "Caseworker", "Team manager", ... */
const char *sc_role_get_title   (ScRole      role);

G_END_DECLS
