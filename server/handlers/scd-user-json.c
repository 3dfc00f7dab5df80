/* scd-user-json.c
 *
 * One codec for a user row. The columns come from SCD_USER_COLUMNS so every
 * query that returns users returns them the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-problem.h"
#include "sc-role.h"
#include "scd-user-json.h"

void
scd_user_json_add (JsonBuilder    *builder,
                   const PGresult *result,
                   int             row,
                   int             first)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, g_ascii_strtoll (PQgetvalue (result, row, first), NULL, 10));
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, PQgetvalue (result, row, first + 1));
  json_builder_set_member_name (builder, "full_name");
  json_builder_add_string_value (builder, PQgetvalue (result, row, first + 2));
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, PQgetvalue (result, row, first + 3));
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, PQgetvalue (result, row, first + 4)[0] == 't');
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, g_ascii_strtoll (PQgetvalue (result, row, first + 5), NULL, 10));
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, PQgetvalue (result, row, first + 6));
  json_builder_set_member_name (builder, "updated_at");
  json_builder_add_string_value (builder, PQgetvalue (result, row, first + 7));
  json_builder_end_object (builder);
}

static gint64
time_of (const PGresult *result,
         int             row,
         int             column)
{
  gint64 usec = 0;

  if (!PQgetisnull (result, row, column))
    sc_time_parse (PQgetvalue (result, row, column), &usec);
  return usec;
}

ScUser *
scd_user_from_row (const PGresult *result,
                   int             row,
                   int             first)
{
  ScUser *user = sc_user_new (g_ascii_strtoll (PQgetvalue (result, row, first), NULL, 10),
                              PQgetvalue (result, row, first + 1), PQgetvalue (result, row, first + 2),
                              PQgetvalue (result, row, first + 3), PQgetvalue (result, row, first + 4)[0] == 't');

  sc_user_set_version (user, g_ascii_strtoll (PQgetvalue (result, row, first + 5), NULL, 10));
  sc_user_set_created_at (user, time_of (result, row, first + 6));
  sc_user_set_updated_at (user, time_of (result, row, first + 7));
  return user;
}

void
scd_user_check_username (const char  *username,
                         GError     **error)
{
  g_autoptr(GRegex) pattern = g_regex_new ("^[a-z0-9][a-z0-9._-]{1,62}$", 0, 0, NULL);

  if (!g_regex_match (pattern, username, 0, NULL))
    sc_set_field_error (error, "username",
                        "must be 2-63 characters: lower-case letters, digits, '.', '_' or '-', "
                        "starting with a letter or digit");
}

void
scd_user_check_role (const char  *role,
                     GError     **error)
{
  if (sc_role_from_string (role) == SC_ROLE_NONE)
    sc_set_field_error (error, "role",
                        "must be one of caseworker, team_manager, admin_officer, system_admin");
}

void
scd_user_check_full_name (const char  *full_name,
                          GError     **error)
{
  if (!g_utf8_validate (full_name, -1, NULL) || g_utf8_strlen (full_name, -1) > 200)
    sc_set_field_error (error, "full_name", "must be at most 200 characters of text");
}
