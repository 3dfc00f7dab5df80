/* sc-institution.c
 *
 * ScInstitution, its JSON codec and its reading from GIAS's establishment
 * CSV (sc-institution.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sc-error.h"
#include "sc-institution.h"
#include "sc-json.h"

ScInstitution *
sc_institution_new (void)
{
  ScInstitution *institution = g_new0 (ScInstitution, 1);

  institution->name = g_strdup ("");
  institution->low_age = -1;
  institution->high_age = -1;
  return institution;
}

void
sc_institution_free (ScInstitution *institution)
{
  if (institution == NULL)
    return;
  g_free (institution->la_code);
  g_free (institution->la_name);
  g_free (institution->establishment_number);
  g_free (institution->name);
  g_free (institution->type);
  g_free (institution->type_group);
  g_free (institution->status);
  g_free (institution->phase);
  g_free (institution->street);
  g_free (institution->town);
  g_free (institution->postcode);
  g_free (institution);
}

gboolean
sc_institution_is_open (const ScInstitution *institution)
{
  const char *status = institution->status;

  return status == NULL || (g_ascii_strncasecmp (status, "closed", 6) != 0 &&
                            g_ascii_strncasecmp (status, "proposed to open", 16) != 0);
}

static void
write_age (ScJsonWriter *writer,
           const char   *member,
           int           age)
{
  if (age < 0)
    sc_json_writer_member_null (writer, member);
  else
    sc_json_writer_member_int (writer, member, age);
}

void
sc_institution_write_json (const ScInstitution *institution,
                           ScJsonWriter        *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "urn", institution->urn);
  if (institution->ukprn > 0)
    sc_json_writer_member_int (writer, "ukprn", institution->ukprn);
  else
    sc_json_writer_member_null (writer, "ukprn");
  sc_json_writer_member_string (writer, "name", institution->name);
  sc_json_writer_member_string (writer, "la_code", institution->la_code);
  sc_json_writer_member_string (writer, "la_name", institution->la_name);
  sc_json_writer_member_string (writer, "establishment_number", institution->establishment_number);
  sc_json_writer_member_string (writer, "type", institution->type);
  sc_json_writer_member_string (writer, "type_group", institution->type_group);
  sc_json_writer_member_string (writer, "status", institution->status);
  sc_json_writer_member_boolean (writer, "open", sc_institution_is_open (institution));
  sc_json_writer_member_string (writer, "phase", institution->phase);
  sc_json_writer_member_day (writer, "open_date", institution->open_date);
  sc_json_writer_member_day (writer, "close_date", institution->close_date);
  sc_json_writer_member_string (writer, "street", institution->street);
  sc_json_writer_member_string (writer, "town", institution->town);
  sc_json_writer_member_string (writer, "postcode", institution->postcode);
  write_age (writer, "low_age", institution->low_age);
  write_age (writer, "high_age", institution->high_age);
  sc_json_writer_end_object (writer);
}

static gboolean
read_age (JsonObject  *object,
          const char  *member,
          int         *out,
          GError     **error)
{
  gint64 value = -1;
  JsonNode *node = json_object_get_member (object, member);

  *out = -1;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!sc_json_read_int (object, member, FALSE, &value, error))
    return FALSE;
  *out = (int) value;
  return TRUE;
}

ScInstitution *
sc_institution_new_from_json (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(ScInstitution) institution = sc_institution_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  const char *strings[11] = { NULL };
  static const char * const members[11] = {
    "la_code", "la_name", "establishment_number", "name", "type", "type_group", "status", "phase", "street",
    "town", "postcode",
  };
  char **fields[11];

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "institution: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  fields[0] = &institution->la_code;
  fields[1] = &institution->la_name;
  fields[2] = &institution->establishment_number;
  fields[3] = &institution->name;
  fields[4] = &institution->type;
  fields[5] = &institution->type_group;
  fields[6] = &institution->status;
  fields[7] = &institution->phase;
  fields[8] = &institution->street;
  fields[9] = &institution->town;
  fields[10] = &institution->postcode;
  sc_json_read_int (object, "urn", TRUE, &institution->urn, &local_error);
  if (json_object_has_member (object, "ukprn") && !json_object_get_null_member (object, "ukprn"))
    sc_json_read_int (object, "ukprn", FALSE, &institution->ukprn, &local_error);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    sc_json_read_string (object, members[i], i == 3, &strings[i], &local_error);
  sc_json_read_day (object, "open_date", FALSE, &institution->open_date, &local_error);
  sc_json_read_day (object, "close_date", FALSE, &institution->close_date, &local_error);
  read_age (object, "low_age", &institution->low_age, &local_error);
  read_age (object, "high_age", &institution->high_age, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "institution: %s", local_error->message);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_free (*fields[i]);
      *fields[i] = g_strdup (strings[i]);
    }
  return g_steal_pointer (&institution);
}

/* --- GIAS ------------------------------------------------------------------ */

gboolean
sc_gias_columns_read (GPtrArray     *header,
                      ScGiasColumns *columns,
                      GError       **error)
{
  static const struct { const char *name; gsize offset; } known[] = {
    { "URN", G_STRUCT_OFFSET (ScGiasColumns, urn) },
    { "UKPRN", G_STRUCT_OFFSET (ScGiasColumns, ukprn) },
    { "LA (code)", G_STRUCT_OFFSET (ScGiasColumns, la_code) },
    { "LA (name)", G_STRUCT_OFFSET (ScGiasColumns, la_name) },
    { "EstablishmentNumber", G_STRUCT_OFFSET (ScGiasColumns, establishment_number) },
    { "EstablishmentName", G_STRUCT_OFFSET (ScGiasColumns, name) },
    { "TypeOfEstablishment (name)", G_STRUCT_OFFSET (ScGiasColumns, type) },
    { "EstablishmentTypeGroup (name)", G_STRUCT_OFFSET (ScGiasColumns, type_group) },
    { "EstablishmentStatus (name)", G_STRUCT_OFFSET (ScGiasColumns, status) },
    { "PhaseOfEducation (name)", G_STRUCT_OFFSET (ScGiasColumns, phase) },
    { "OpenDate", G_STRUCT_OFFSET (ScGiasColumns, open_date) },
    { "CloseDate", G_STRUCT_OFFSET (ScGiasColumns, close_date) },
    { "Street", G_STRUCT_OFFSET (ScGiasColumns, street) },
    { "Town", G_STRUCT_OFFSET (ScGiasColumns, town) },
    { "Postcode", G_STRUCT_OFFSET (ScGiasColumns, postcode) },
    { "StatutoryLowAge", G_STRUCT_OFFSET (ScGiasColumns, low_age) },
    { "StatutoryHighAge", G_STRUCT_OFFSET (ScGiasColumns, high_age) },
  };

  for (guint k = 0; k < G_N_ELEMENTS (known); k++)
    G_STRUCT_MEMBER (int, columns, known[k].offset) = -1;
  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (g_ptr_array_index (header, i)));

      for (guint k = 0; k < G_N_ELEMENTS (known); k++)
        if (g_ascii_strcasecmp (name, known[k].name) == 0 && G_STRUCT_MEMBER (int, columns, known[k].offset) < 0)
          G_STRUCT_MEMBER (int, columns, known[k].offset) = (int) i;
    }
  if (columns->urn < 0 || columns->name < 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                   "the header has no %s column: is this a GIAS establishment file?",
                   columns->urn < 0 && columns->name < 0 ? "URN or EstablishmentName"
                   : columns->urn < 0 ? "URN" : "EstablishmentName");
      return FALSE;
    }
  return TRUE;
}

/* The trimmed text of column @column, NULL when absent or empty */
static char *
cell (GPtrArray *fields,
      int        column)
{
  char *text;

  if (column < 0 || (guint) column >= fields->len)
    return NULL;
  text = g_strstrip (g_strdup (g_ptr_array_index (fields, column)));
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
read_number (GPtrArray   *fields,
             int          column,
             const char  *name,
             guint64      max,
             gint64      *out,
             GError     **error)
{
  g_autofree char *text = cell (fields, column);
  guint64 value;

  *out = -1;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT, "%s: \"%s\" is not a number", name, text);
      return FALSE;
    }
  *out = (gint64) value;
  return TRUE;
}

/* DD-MM-YYYY, as GIAS writes its dates */
static gboolean
read_date (GPtrArray   *fields,
           int          column,
           const char  *name,
           ScDay       *out,
           GError     **error)
{
  g_autofree char *text = cell (fields, column);
  guint day, month, year;
  char rest;

  *out = SC_DAY_NONE;
  if (text == NULL)
    return TRUE;
  if (sscanf (text, "%2u-%2u-%4u%c", &day, &month, &year, &rest) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) || year < 1800)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT, "%s: \"%s\" is not a date (DD-MM-YYYY)", name, text);
      return FALSE;
    }
  *out = sc_day_from_ymd ((int) year, (int) month, (int) day);
  return TRUE;
}

ScInstitution *
sc_gias_row_read (const ScGiasColumns *columns,
                  GPtrArray           *fields,
                  GError             **error)
{
  g_autoptr(ScInstitution) institution = sc_institution_new ();
  g_autofree char *urn = cell (fields, columns->urn);
  gint64 number;

  if (urn == NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID_INPUT, "URN: is empty");
      return NULL;
    }
  if (!read_number (fields, columns->urn, "URN", G_MAXINT32, &number, error))
    return NULL;
  if (number <= 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT, "URN: \"%s\" is not a number from 1", urn);
      return NULL;
    }
  institution->urn = number;
  g_free (institution->name);
  institution->name = cell (fields, columns->name);
  if (institution->name == NULL || g_utf8_strlen (institution->name, -1) > SC_INSTITUTION_NAME_MAX_CHARS)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT, "EstablishmentName: %s",
                   institution->name == NULL ? "is empty" : "is longer than 200 characters");
      return NULL;
    }
  if (!read_number (fields, columns->ukprn, "UKPRN", G_MAXINT32, &institution->ukprn, error) ||
      !read_date (fields, columns->open_date, "OpenDate", &institution->open_date, error) ||
      !read_date (fields, columns->close_date, "CloseDate", &institution->close_date, error) ||
      !read_number (fields, columns->low_age, "StatutoryLowAge", 99, &number, error))
    return NULL;
  institution->low_age = (int) number;
  if (!read_number (fields, columns->high_age, "StatutoryHighAge", 99, &number, error))
    return NULL;
  institution->high_age = (int) number;
  if (institution->ukprn < 0)
    institution->ukprn = 0;
  institution->la_code = cell (fields, columns->la_code);
  institution->la_name = cell (fields, columns->la_name);
  institution->establishment_number = cell (fields, columns->establishment_number);
  institution->type = cell (fields, columns->type);
  institution->type_group = cell (fields, columns->type_group);
  institution->status = cell (fields, columns->status);
  institution->phase = cell (fields, columns->phase);
  institution->street = cell (fields, columns->street);
  institution->town = cell (fields, columns->town);
  institution->postcode = cell (fields, columns->postcode);
  return g_steal_pointer (&institution);
}

gboolean
sc_urn_is_valid (const char *text)
{
  gsize n = 0;

  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++, n++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  /* written as GIAS writes it: no leading zero, so one URN is one key */
  return n >= 1 && n <= 9 && text[0] != '0';
}
