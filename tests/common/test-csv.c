/* test-csv.c
 *
 * ScCsvReader and the reading of GIAS rows, without a database: quoted
 * commas, doubled quotes and line breaks with the line each record starts
 * on; CRLF and LF; a byte order mark; Windows-1252 converted; a quote
 * never closed; columns found by name in any order; each bad cell named.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-csv.h"
#include "sc-error.h"
#include "sc-institution.h"

/* Every record of @text as "line:field|field" lines */
static char *
records_of (const char *text,
            gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new (bytes);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  GPtrArray *fields;
  guint line;

  while (sc_csv_reader_next (reader, &fields, &line, &error))
    {
      g_ptr_array_add (fields, NULL);
      g_string_append_printf (out, "%u:", line);
      for (guint i = 0; g_ptr_array_index (fields, i) != NULL; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", (char *) g_ptr_array_index (fields, i));
      g_ptr_array_remove_index (fields, fields->len - 1);
      g_string_append_c (out, '\n');
    }
  if (error != NULL)
    g_string_append_printf (out, "error: %s\n", error->message);
  return g_string_free (out, FALSE);
}

static void
test_records (void)
{
  static const struct { const char *text; const char *records; } cases[] = {
    { "a,b\r\nc,d\r\n", "1:a|b\n2:c|d\n" },
    { "a,b\nc,d", "1:a|b\n2:c|d\n" },
    { "\xEF\xBB\xBFURN,Name\n1,x\n", "1:URN|Name\n2:1|x\n" },
    { "1,\"Hill, Lane\",\"The \"\"New\"\" One\"\n2,x\n", "1:1|Hill, Lane|The \"New\" One\n2:2|x\n" },
    { "1,\"Unit 4,\r\nThe Mill\",z\n2,y\n", "1:1|Unit 4,\r\nThe Mill|z\n3:2|y\n" },
    { "a,,\n\n\nb\n", "1:a||\n4:b\n" },
    { "1,\"never closed\n2,x\n", "error: line 1: a quoted field is never closed\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *records = records_of (cases[i].text, strlen (cases[i].text));

      g_assert_cmpstr (records, ==, cases[i].records);
    }
}

static void
test_windows_1252 (void)
{
  /* "Café – St Mary’s" in Windows-1252 */
  static const char text[] = "Caf\xE9 \x96 St Mary\x92s\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, sizeof text - 1);
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new (bytes);
  GPtrArray *fields;
  guint line;

  g_assert_true (sc_csv_reader_next (reader, &fields, &line, NULL));
  g_assert_true (sc_csv_reader_was_converted (reader));
  g_assert_cmpstr (g_ptr_array_index (fields, 0), ==, "Caf\u00e9 \u2013 St Mary\u2019s");
}

/* The header's fields, split on commas (no quotes in these) */
static GPtrArray *
split (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    g_ptr_array_add (fields, g_strdup (parts[i]));
  return fields;
}

static void
test_gias_rows (void)
{
  /* in an order of its own, with a column GIAS has that is not read */
  g_autoptr(GPtrArray) header = split ("Postcode,EstablishmentName,SchoolWebsite,OpenDate,URN,StatutoryLowAge,"
                                       "EstablishmentStatus (name)");
  g_autoptr(GPtrArray) good = split ("SE10 9LS, Hill Primary ,https://hill.example,01-09-1980,100005,4,Closed");
  g_autoptr(GPtrArray) no_header = split ("Town,Name");
  static const struct { const char *row; const char *message; } bad[] = {
    { ",Hill,,,EY123,,Open", "URN: \"EY123\" is not a number" },
    { ",Hill,,,,,Open", "URN: is empty" },
    { ",Hill,,,0,,Open", "URN: \"0\" is not a number from 1" },
    { ",,,,100001,,Open", "EstablishmentName: is empty" },
    { ",Hill,,2015-09-01,100001,,Open", "OpenDate: \"2015-09-01\" is not a date (DD-MM-YYYY)" },
    { ",Hill,,31-02-2015,100001,,Open", "OpenDate: \"31-02-2015\" is not a date (DD-MM-YYYY)" },
    { ",Hill,,,100001,four,Open", "StatutoryLowAge: \"four\" is not a number" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScInstitution) institution = NULL;
  ScGiasColumns columns;

  g_assert_false (sc_gias_columns_read (no_header, &columns, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "URN or EstablishmentName"));
  g_clear_error (&error);
  g_assert_true (sc_gias_columns_read (header, &columns, &error));
  g_assert_cmpint (columns.ukprn, ==, -1);
  institution = sc_gias_row_read (&columns, good, &error);
  g_assert_no_error (error);
  g_assert_cmpint (institution->urn, ==, 100005);
  g_assert_cmpstr (institution->name, ==, "Hill Primary");
  g_assert_cmpstr (institution->postcode, ==, "SE10 9LS");
  g_assert_cmpint (institution->open_date, ==, sc_day_from_ymd (1980, 9, 1));
  g_assert_cmpint (institution->low_age, ==, 4);
  g_assert_cmpint (institution->high_age, ==, -1);
  g_assert_false (sc_institution_is_open (institution));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) row = split (bad[i].row);
      g_autoptr(ScInstitution) none = sc_gias_row_read (&columns, row, &error);

      g_assert_null (none);
      g_assert_cmpstr (error->message, ==, bad[i].message);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/common/csv/records", test_records);
  g_test_add_func ("/common/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/common/csv/gias-rows", test_gias_rows);
  return g_test_run ();
}
