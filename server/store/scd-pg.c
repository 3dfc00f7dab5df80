/* scd-pg.c
 *
 * libpq's results and connection strings as the stores use them: a failed
 * result mapped to an SC_ERROR from its SQLSTATE (style.md 3.5), values read
 * by column name, and the connection string of the application role.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-db"

#include "config.h"

#include "sc-problem.h"
#include "scd-db-private.h"

GError *
scd_db_error_from_result (const PGresult *result)
{
  const char *sqlstate = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  const char *primary = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
  g_autofree char *message = g_strdup (primary != NULL ? primary : PQresultErrorMessage (result));
  ScErrorCode code = SC_ERROR_INTERNAL;
  const char *detail = NULL;
  GError *error;

  if (sqlstate == NULL)
    sqlstate = "";
  if (g_str_equal (sqlstate, "23505"))
    {
      code = SC_ERROR_CONFLICT;
      detail = "the record conflicts with one that already exists";
    }
  else if (g_str_equal (sqlstate, "23503"))
    {
      code = SC_ERROR_INVALID_INPUT;
      detail = "the record refers to one that does not exist";
    }
  else if (g_str_equal (sqlstate, "23514") || g_str_equal (sqlstate, "23502") ||
           g_str_has_prefix (sqlstate, "22"))
    {
      code = SC_ERROR_INVALID_INPUT;
      detail = "a value is missing, invalid or out of range";
    }
  else if (g_str_equal (sqlstate, "40001") || g_str_equal (sqlstate, "40P01") ||
           g_str_has_prefix (sqlstate, "08") || g_str_has_prefix (sqlstate, "57P"))
    {
      code = SC_ERROR_UNAVAILABLE;
      detail = "the database is unavailable; try again shortly";
    }

  error = g_error_new (SC_ERROR, code, "%s (SQLSTATE %s)", g_strstrip (message), sqlstate);
  sc_error_take_problem (error, sc_problem_new (code, detail));
  return error;
}

char *
scd_db_dup_conninfo_as (const char  *conninfo,
                        const char  *user,
                        GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  PQconninfoOption *options;
  char *err = NULL;

  g_return_val_if_fail (conninfo != NULL, NULL);
  g_return_val_if_fail (user != NULL, NULL);

  options = PQconninfoParse (conninfo, &err);
  if (options == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT, "invalid connection string: %s",
                   err != NULL ? g_strstrip (err) : "out of memory");
      PQfreemem (err);
      return NULL;
    }
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      const char *value = g_str_equal (o->keyword, "user") ? user : o->val;

      if (value == NULL || g_str_equal (o->keyword, "password"))
        continue;
      g_string_append_printf (out, "%s%s='", out->len > 0 ? " " : "", o->keyword);
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '\'' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '\'');
    }
  PQconninfoFree (options);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* --- decoding rows ------------------------------------------------------ */

int
scd_pg_column (const PGresult *result,
               const char     *name)
{
  int column = PQfnumber (result, name);

  if (column < 0)
    g_error ("a statement does not select the column \"%s\"", name);
  return column;
}

int
scd_pg_column_optional (const PGresult *result,
                        const char     *name)
{
  return PQfnumber (result, name);
}

const char *
scd_pg_string (const PGresult *result,
               int             row,
               int             column)
{
  if (column < 0 || PQgetisnull (result, row, column))
    return NULL;
  return PQgetvalue (result, row, column);
}

char *
scd_pg_dup (const PGresult *result,
            int             row,
            const char     *name)
{
  return g_strdup (scd_pg_string (result, row, scd_pg_column (result, name)));
}

ScDay
scd_pg_day (const PGresult *result,
            int             row,
            int             column)
{
  const char *text = scd_pg_string (result, row, column);
  ScDay day = SC_DAY_NONE;

  if (text != NULL && !sc_day_parse (text, &day))
    day = SC_DAY_NONE;
  return day;
}

gint64
scd_pg_int (const PGresult *result,
            int             row,
            int             column)
{
  const char *text = scd_pg_string (result, row, column);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

gboolean
scd_pg_bool (const PGresult *result,
             int             row,
             int             column)
{
  const char *text = scd_pg_string (result, row, column);

  return text != NULL && text[0] == 't';
}

/* One-dimensional arrays in PostgreSQL's text form: {a,"b c",NULL}. */
GStrv
scd_pg_strv (const PGresult *result,
             int             row,
             int             column)
{
  const char *p = scd_pg_string (result, row, column);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GString) item = NULL;

  if (p == NULL || *p != '{')
    return NULL;
  builder = g_strv_builder_new ();
  item = g_string_new (NULL);
  p++;
  while (*p != '\0' && *p != '}')
    {
      gboolean quoted = *p == '"';

      g_string_truncate (item, 0);
      if (quoted)
        {
          for (p++; *p != '\0' && *p != '"'; p++)
            {
              if (*p == '\\' && p[1] != '\0')
                p++;
              g_string_append_c (item, *p);
            }
          if (*p == '"')
            p++;
        }
      else
        for (; *p != '\0' && *p != ',' && *p != '}'; p++)
          g_string_append_c (item, *p);
      /* an unquoted NULL is SQL NULL, which a vector cannot hold: skipped */
      if (quoted || !g_str_equal (item->str, "NULL"))
        g_strv_builder_add (builder, item->str);
      if (*p == ',')
        p++;
    }
  return g_strv_builder_end (builder);
}
