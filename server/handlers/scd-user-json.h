/* scd-user-json.h
 *
 * The JSON shape of a user and the rules of its fields, shared by the
 * handlers and sendcasectl. A user's JSON never carries the password hash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libpq-fe.h>

#include "sc-user.h"

G_BEGIN_DECLS

/* The columns every user query selects, in this order. */
#define SCD_USER_COLUMNS(t) \
  t "id, " t "username, " t "full_name, " t "role, " t "active, " t "version, " \
  "to_char(" t "created_at, 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), " \
  "to_char(" t "updated_at, 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
#define SCD_USER_N_COLUMNS 8

/* Adds the user in row @row, from column @first on, as the value of the
 * builder's current member (or array element). */
void scd_user_json_add (JsonBuilder    *builder,
                        const PGresult *result,
                        int             row,
                        int             first);

/* The user in row @row, from column @first on (SCD_USER_COLUMNS). */
ScUser *scd_user_from_row (const PGresult *result,
                           int             row,
                           int             first);

/* The rules of a user's fields; each adds a field error to @error. */
void scd_user_check_username  (const char  *username,
                               GError     **error);
void scd_user_check_role      (const char  *role,
                               GError     **error);
void scd_user_check_full_name (const char  *full_name,
                               GError     **error);

G_END_DECLS
