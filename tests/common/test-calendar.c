/* test-calendar.c
 *
 * Days, months and the England and Wales calendar: each year 2020-2027
 * against the list published at gov.uk/bank-holidays (Easter, substitute
 * days, the 2020, 2022 and 2023 changes), Easter by the computus against
 * known dates, working days and tribunal working days across the closures
 * that matter (Easter, Christmas, August), and holidays added from a
 * configuration file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-calendar.h"
#include "sc-error.h"

static ScDay
day (const char *text)
{
  ScDay d = SC_DAY_NONE;

  g_assert_true (sc_day_parse (text, &d));
  return d;
}

static const char *
fmt (ScDay d)
{
  static char buffers[4][SC_DAY_STRING_SIZE];
  static guint next;

  return sc_day_format (d, buffers[next++ % 4]);
}

static void
test_day_parse (void)
{
  static const char *valid[] = { "2026-01-05", "2024-02-29", "2000-02-29", "1900-01-01", "0001-01-01",
                                 "9999-12-31" };
  static const char *invalid[] = { "2026-02-30", "2025-02-29", "1900-02-29", "2026-13-01", "2026-00-10",
                                   "2026-01-00", "2026-1-05", "2026-01-5", " 2026-01-05", "2026-01-05 ",
                                   "2026-01-05T00:00", "2026/01/05", "20260105", "0000-01-01", "", "abcd-ef-gh",
                                   "+026-01-05" };
  ScDay d;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_assert_true (sc_day_parse (valid[i], &d));
      g_assert_cmpstr (fmt (d), ==, valid[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (sc_day_parse (invalid[i], &d));
  g_assert_false (sc_day_parse (NULL, &d));

  /* the clock's years are 1900-2199 */
  g_assert_true (sc_day_is_in_range (day ("1900-01-01")));
  g_assert_true (sc_day_is_in_range (day ("2199-12-31")));
  g_assert_false (sc_day_is_in_range (day ("1899-12-31")));
  g_assert_false (sc_day_is_in_range (day ("2200-01-01")));
}

/* An ScDay is GDate's Julian day number, both ways, every day of the
 * clock's years. */
static void
test_day_matches_gdate (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1900);
  for (; g_date_get_year (&date) < 2200; g_date_add_days (&date, 1))
    {
      ScDay d = sc_day_from_ymd (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
      int y, m, dd;

      g_assert_cmpuint (d, ==, g_date_get_julian (&date));
      sc_day_to_ymd (d, &y, &m, &dd);
      g_assert_cmpint (y, ==, g_date_get_year (&date));
      g_assert_cmpint (m, ==, g_date_get_month (&date));
      g_assert_cmpint (dd, ==, g_date_get_day (&date));
      g_assert_cmpint (sc_day_get_weekday (d), ==, g_date_get_weekday (&date));
    }
  /* 2026-01-05 was a Monday */
  g_assert_cmpint (sc_day_get_weekday (day ("2026-01-05")), ==, G_DATE_MONDAY);
}

/* N months: same day of the month, or the last day of a shorter month. */
static void
test_add_months (void)
{
  static const struct { const char *start; int months; const char *expected; } cases[] = {
    { "2024-08-31", 6, "2025-02-28" },    /* the contract's example */
    { "2024-01-31", 1, "2024-02-29" },    /* leap year */
    { "2023-01-31", 1, "2023-02-28" },
    { "2024-02-29", 12, "2025-02-28" },   /* from a leap day */
    { "2024-02-29", 48, "2028-02-29" },
    { "2027-11-30", 3, "2028-02-29" },
    { "2026-03-31", 2, "2026-05-31" },
    { "2026-03-31", 3, "2026-06-30" },
    { "2026-12-31", 2, "2027-02-28" },
    { "2026-01-05", 12, "2027-01-05" },
    { "2026-05-31", -3, "2026-02-28" },
    { "2026-12-15", 1, "2027-01-15" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (fmt (sc_day_add_months (day (cases[i].start), cases[i].months)), ==,
                     cases[i].expected);
}

typedef struct
{
  const char *date;
  const char *name;
} Published;

static void
assert_year (int              year,
             const Published *published,
             guint            n_published)
{
  ScCalendar *calendar = sc_calendar_get_default ();
  const ScHoliday *holidays;
  guint n = sc_calendar_get_holidays (calendar, year, &holidays);

  for (guint i = 0; i < MIN (n, n_published); i++)
    {
      g_assert_cmpstr (fmt (holidays[i].day), ==, published[i].date);
      g_assert_cmpstr (holidays[i].name, ==, published[i].name);
      g_assert_true (sc_calendar_is_holiday (calendar, holidays[i].day));
      g_assert_false (sc_calendar_is_working_day (calendar, holidays[i].day));
      g_assert_cmpstr (sc_calendar_get_holiday_name (calendar, holidays[i].day), ==, published[i].name);
    }
  g_assert_cmpuint (n, ==, n_published);
}

/* gov.uk/bank-holidays, England and Wales (the apostrophe is ASCII here). */
static void
test_holidays_2020 (void)
{
  static const Published list[] = {
    { "2020-01-01", "New Year's Day" },
    { "2020-04-10", "Good Friday" },
    { "2020-04-13", "Easter Monday" },
    { "2020-05-08", "Early May bank holiday (VE day)" },   /* moved from Monday 4 May */
    { "2020-05-25", "Spring bank holiday" },
    { "2020-08-31", "Summer bank holiday" },
    { "2020-12-25", "Christmas Day" },
    { "2020-12-28", "Boxing Day (substitute day)" },      /* 26 December was a Saturday */
  };

  assert_year (2020, list, G_N_ELEMENTS (list));
  g_assert_true (sc_calendar_is_working_day (sc_calendar_get_default (), day ("2020-05-04")));
}

static void
test_holidays_2021 (void)
{
  static const Published list[] = {
    { "2021-01-01", "New Year's Day" },
    { "2021-04-02", "Good Friday" },
    { "2021-04-05", "Easter Monday" },
    { "2021-05-03", "Early May bank holiday" },
    { "2021-05-31", "Spring bank holiday" },
    { "2021-08-30", "Summer bank holiday" },
    { "2021-12-27", "Christmas Day (substitute day)" },   /* 25 December a Saturday */
    { "2021-12-28", "Boxing Day (substitute day)" },      /* 26 December a Sunday */
  };

  assert_year (2021, list, G_N_ELEMENTS (list));
}

static void
test_holidays_2022 (void)
{
  static const Published list[] = {
    { "2022-01-03", "New Year's Day (substitute day)" },  /* 1 January a Saturday */
    { "2022-04-15", "Good Friday" },
    { "2022-04-18", "Easter Monday" },
    { "2022-05-02", "Early May bank holiday" },
    { "2022-06-02", "Spring bank holiday" },              /* moved from Monday 30 May */
    { "2022-06-03", "Platinum Jubilee bank holiday" },
    { "2022-08-29", "Summer bank holiday" },
    { "2022-09-19", "Bank holiday for the State Funeral of Queen Elizabeth II" },
    { "2022-12-26", "Boxing Day" },
    { "2022-12-27", "Christmas Day (substitute day)" },   /* 25 December a Sunday */
  };

  assert_year (2022, list, G_N_ELEMENTS (list));
  g_assert_true (sc_calendar_is_working_day (sc_calendar_get_default (), day ("2022-05-30")));
}

static void
test_holidays_2023 (void)
{
  static const Published list[] = {
    { "2023-01-02", "New Year's Day (substitute day)" },  /* 1 January a Sunday */
    { "2023-04-07", "Good Friday" },
    { "2023-04-10", "Easter Monday" },
    { "2023-05-01", "Early May bank holiday" },
    { "2023-05-08", "Bank holiday for the coronation of King Charles III" },
    { "2023-05-29", "Spring bank holiday" },
    { "2023-08-28", "Summer bank holiday" },
    { "2023-12-25", "Christmas Day" },
    { "2023-12-26", "Boxing Day" },
  };

  assert_year (2023, list, G_N_ELEMENTS (list));
}

static void
test_holidays_2024 (void)
{
  static const Published list[] = {
    { "2024-01-01", "New Year's Day" },
    { "2024-03-29", "Good Friday" },
    { "2024-04-01", "Easter Monday" },
    { "2024-05-06", "Early May bank holiday" },
    { "2024-05-27", "Spring bank holiday" },
    { "2024-08-26", "Summer bank holiday" },
    { "2024-12-25", "Christmas Day" },
    { "2024-12-26", "Boxing Day" },
  };

  assert_year (2024, list, G_N_ELEMENTS (list));
}

static void
test_holidays_2025 (void)
{
  static const Published list[] = {
    { "2025-01-01", "New Year's Day" },
    { "2025-04-18", "Good Friday" },
    { "2025-04-21", "Easter Monday" },
    { "2025-05-05", "Early May bank holiday" },
    { "2025-05-26", "Spring bank holiday" },
    { "2025-08-25", "Summer bank holiday" },
    { "2025-12-25", "Christmas Day" },
    { "2025-12-26", "Boxing Day" },
  };

  assert_year (2025, list, G_N_ELEMENTS (list));
}

static void
test_holidays_2026 (void)
{
  static const Published list[] = {
    { "2026-01-01", "New Year's Day" },
    { "2026-04-03", "Good Friday" },
    { "2026-04-06", "Easter Monday" },
    { "2026-05-04", "Early May bank holiday" },
    { "2026-05-25", "Spring bank holiday" },
    { "2026-08-31", "Summer bank holiday" },
    { "2026-12-25", "Christmas Day" },
    { "2026-12-28", "Boxing Day (substitute day)" },      /* 26 December a Saturday */
  };

  assert_year (2026, list, G_N_ELEMENTS (list));
}

static void
test_holidays_2027 (void)
{
  static const Published list[] = {
    { "2027-01-01", "New Year's Day" },
    { "2027-03-26", "Good Friday" },
    { "2027-03-29", "Easter Monday" },
    { "2027-05-03", "Early May bank holiday" },
    { "2027-05-31", "Spring bank holiday" },
    { "2027-08-30", "Summer bank holiday" },
    { "2027-12-27", "Christmas Day (substitute day)" },
    { "2027-12-28", "Boxing Day (substitute day)" },
  };

  assert_year (2027, list, G_N_ELEMENTS (list));
}

/* The one-off changes before 2020 within the calendar's years. */
static void
test_holidays_earlier_one_offs (void)
{
  ScCalendar *calendar = sc_calendar_get_default ();

  /* 2002: Spring bank holiday moved to Tuesday 4 June; Golden Jubilee Monday 3 June */
  g_assert_true (sc_calendar_is_working_day (calendar, day ("2002-05-27")));
  g_assert_cmpstr (sc_calendar_get_holiday_name (calendar, day ("2002-06-03")), ==, "Golden Jubilee bank holiday");
  g_assert_cmpstr (sc_calendar_get_holiday_name (calendar, day ("2002-06-04")), ==, "Spring bank holiday");
  /* 2011: royal wedding, Friday 29 April */
  g_assert_true (sc_calendar_is_holiday (calendar, day ("2011-04-29")));
  /* 2012: Spring bank holiday moved to Monday 4 June; Diamond Jubilee Tuesday 5 June */
  g_assert_true (sc_calendar_is_working_day (calendar, day ("2012-05-28")));
  g_assert_cmpstr (sc_calendar_get_holiday_name (calendar, day ("2012-06-04")), ==, "Spring bank holiday");
  g_assert_cmpstr (sc_calendar_get_holiday_name (calendar, day ("2012-06-05")), ==, "Queen's Diamond Jubilee");
}

/* Easter by the computus: Good Friday and Easter Monday around known
 * Easter Sundays, including the earliest and latest of the range. */
static void
test_easter (void)
{
  static const char *sundays[] = {
    "2000-04-23", "2001-04-15", "2002-03-31", "2008-03-23", "2011-04-24", "2019-04-21",
    "2024-03-31", "2028-04-16", "2035-03-25", "2038-04-25", "2049-04-18", "2050-04-10",
  };
  ScCalendar *calendar = sc_calendar_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (sundays); i++)
    {
      ScDay sunday = day (sundays[i]);

      g_assert_cmpstr (sc_calendar_get_holiday_name (calendar, sunday - 2), ==, "Good Friday");
      g_assert_cmpstr (sc_calendar_get_holiday_name (calendar, sunday + 1), ==, "Easter Monday");
    }
}

/* Substitute days outside 2020-2027. */
static void
test_substitute_days (void)
{
  ScCalendar *calendar = sc_calendar_get_default ();

  /* 2033-01-01 is a Saturday: Monday 3 January */
  g_assert_cmpstr (sc_calendar_get_holiday_name (calendar, day ("2033-01-03")), ==,
                   "New Year's Day (substitute day)");
  /* 2010: Christmas Saturday, Boxing Day Sunday: Monday 27 and Tuesday 28 */
  g_assert_true (sc_calendar_is_holiday (calendar, day ("2010-12-27")));
  g_assert_true (sc_calendar_is_holiday (calendar, day ("2010-12-28")));
  g_assert_false (sc_calendar_is_holiday (calendar, day ("2010-12-25")));
}

/* The calendar covers 2000-2050; outside it the standing rules still hold. */
static void
test_holidays_range (void)
{
  ScCalendar *calendar = sc_calendar_get_default ();
  const ScHoliday *holidays;

  g_assert_cmpuint (sc_calendar_get_holidays (calendar, 2000, &holidays), ==, 8);
  g_assert_cmpstr (fmt (holidays[0].day), ==, "2000-01-03");   /* 1 January 2000 a Saturday */
  g_assert_cmpuint (sc_calendar_get_holidays (calendar, 2050, &holidays), ==, 8);
  g_assert_cmpuint (sc_calendar_get_holidays (calendar, 1999, &holidays), ==, 0);
  g_assert_cmpuint (sc_calendar_get_holidays (calendar, 2051, &holidays), ==, 0);
  /* 2060-12-25 is a Saturday: Monday 27 December is Christmas's substitute */
  g_assert_true (sc_calendar_is_holiday (calendar, day ("2060-12-27")));
  g_assert_cmpstr (sc_calendar_get_holiday_name (calendar, day ("2060-12-27")), ==,
                   "Christmas Day (substitute day)");
  /* Thursday 2050-12-29 + 2 working days: Fri 30 (1), [31, 1 Jan 2051 a Sunday,
   * Monday 2 January its substitute], Tuesday 3 January (2) */
  g_assert_cmpstr (fmt (sc_calendar_add_working_days (calendar, day ("2050-12-29"), 2)), ==, "2051-01-03");
}

static void
test_working_days (void)
{
  ScCalendar *calendar = sc_calendar_get_default ();

  /* Friday 2026-01-09 + 1 working day = Monday 2026-01-12 */
  g_assert_cmpstr (fmt (sc_calendar_add_working_days (calendar, day ("2026-01-09"), 1)), ==, "2026-01-12");
  /* from a Saturday, the start never counts: Sat 2026-01-10 + 1 = Mon 2026-01-12 */
  g_assert_cmpstr (fmt (sc_calendar_add_working_days (calendar, day ("2026-01-10"), 1)), ==, "2026-01-12");
  /* 0 working days: the start itself */
  g_assert_cmpstr (fmt (sc_calendar_add_working_days (calendar, day ("2026-01-10"), 0)), ==, "2026-01-10");
  /* Monday 2026-01-05 + 10 = Monday 2026-01-19 (two weeks) */
  g_assert_cmpstr (fmt (sc_calendar_add_working_days (calendar, day ("2026-01-05"), 10)), ==, "2026-01-19");
  g_assert_false (sc_calendar_is_working_day (calendar, day ("2026-01-10")));
  g_assert_true (sc_calendar_is_working_day (calendar, day ("2026-01-09")));
}

/* Complaint working days across Easter 2026 (Good Friday 3 April, Easter
 * Monday 6 April). */
static void
test_working_days_easter (void)
{
  ScCalendar *calendar = sc_calendar_get_default ();

  /* Tue 2026-03-31 + 5: Apr 1 (1), 2 (2), [3, 4, 5, 6], 7 (3), 8 (4), 9 (5) */
  g_assert_cmpstr (fmt (sc_calendar_add_working_days (calendar, day ("2026-03-31"), 5)), ==, "2026-04-09");
  /* Thu 2026-04-02 + 1 = Tue 2026-04-07 */
  g_assert_cmpstr (fmt (sc_calendar_add_working_days (calendar, day ("2026-04-02"), 1)), ==, "2026-04-07");
}

/* Working days across Christmas 2026 (Friday 25, Boxing Day's substitute
 * Monday 28). */
static void
test_working_days_christmas (void)
{
  ScCalendar *calendar = sc_calendar_get_default ();

  /* Wed 2026-12-23 + 3: Dec 24 (1), [25, 26, 27, 28], 29 (2), 30 (3) */
  g_assert_cmpstr (fmt (sc_calendar_add_working_days (calendar, day ("2026-12-23"), 3)), ==, "2026-12-30");
  /* ordinary working days run through 29-31 December, unlike the tribunal's */
  g_assert_true (sc_calendar_is_working_day (calendar, day ("2026-12-29")));
  g_assert_false (sc_calendar_is_tribunal_working_day (calendar, day ("2026-12-29")));
}

/* Tribunal working days across August. */
static void
test_tribunal_days_august (void)
{
  ScCalendar *calendar = sc_calendar_get_default ();

  /* Tue 2026-07-28 + 5: Jul 29 (1), 30 (2), 31 (3), [August], Sep 1 (4), 2 (5) */
  g_assert_cmpstr (fmt (sc_calendar_add_tribunal_working_days (calendar, day ("2026-07-28"), 5)), ==,
                   "2026-09-02");
  /* from inside August: Mon 2026-08-03 + 1 = Tue 2026-09-01 */
  g_assert_cmpstr (fmt (sc_calendar_add_tribunal_working_days (calendar, day ("2026-08-03"), 1)), ==,
                   "2026-09-01");
  g_assert_true (sc_calendar_is_working_day (calendar, day ("2026-08-03")));
  g_assert_false (sc_calendar_is_tribunal_working_day (calendar, day ("2026-08-03")));
}

/* August 2027, where the bank holiday is Monday 30 August and Tuesday 31
 * August is an ordinary working day: the tribunal is still closed on the
 * 31st (2026 cannot show this: its 31 August is the bank holiday). */
static void
test_tribunal_days_august_31 (void)
{
  ScCalendar *calendar = sc_calendar_get_default ();

  g_assert_true (sc_calendar_is_working_day (calendar, day ("2027-08-31")));
  g_assert_false (sc_calendar_is_tribunal_working_day (calendar, day ("2027-08-31")));
  g_assert_false (sc_calendar_is_tribunal_working_day (calendar, day ("2027-08-02")));
  g_assert_true (sc_calendar_is_tribunal_working_day (calendar, day ("2027-07-30")));
  g_assert_true (sc_calendar_is_tribunal_working_day (calendar, day ("2027-09-01")));
  /* Fri 2027-07-30 + 1: [August, the 31st too], Wed 2027-09-01 */
  g_assert_cmpstr (fmt (sc_calendar_add_tribunal_working_days (calendar, day ("2027-07-30"), 1)), ==,
                   "2027-09-01");
  /* 2028: Thu 31 August, after the bank holiday of Mon 28; Thu 2028-07-27 + 3:
   * Jul 28 (1), 31 (2), [August], Fri 2028-09-01 (3) */
  g_assert_true (sc_calendar_is_working_day (calendar, day ("2028-08-31")));
  g_assert_false (sc_calendar_is_tribunal_working_day (calendar, day ("2028-08-31")));
  g_assert_cmpstr (fmt (sc_calendar_add_tribunal_working_days (calendar, day ("2028-07-27"), 3)), ==,
                   "2028-09-01");
}

/* Tribunal working days across Christmas: 25 December-1 January closed. */
static void
test_tribunal_days_christmas (void)
{
  ScCalendar *calendar = sc_calendar_get_default ();

  /* Tue 2026-12-22 + 3: Dec 23 (1), 24 (2), [25 Dec-1 Jan, 2-3 Jan weekend], Mon 2027-01-04 (3) */
  g_assert_cmpstr (fmt (sc_calendar_add_tribunal_working_days (calendar, day ("2026-12-22"), 3)), ==,
                   "2027-01-04");
  /* 2025: Wed 2025-12-24 + 1: [25 Dec-1 Jan], Fri 2026-01-02 (1) */
  g_assert_cmpstr (fmt (sc_calendar_add_tribunal_working_days (calendar, day ("2025-12-24"), 1)), ==,
                   "2026-01-02");
}

/* A newly proclaimed bank holiday from the [holidays] group. */
static void
test_key_file_adds (void)
{
  g_autoptr(ScCalendar) calendar = sc_calendar_new ();
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  const ScHoliday *holidays;
  guint n;

  g_key_file_load_from_data (key_file,
                             "[sendcased]\nlisten=127.0.0.1:8080\n"
                             "[holidays]\n2027-06-07=Proclaimed bank holiday\n2026-12-25=Another name\n",
                             -1, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  /* before: Fri 2027-06-04 + 1 working day = Mon 2027-06-07 */
  g_assert_cmpstr (fmt (sc_calendar_add_working_days (calendar, day ("2027-06-04"), 1)), ==, "2027-06-07");

  g_assert_true (sc_calendar_add_holidays_from_key_file (calendar, key_file, &error));
  g_assert_no_error (error);
  /* after: Monday is a holiday, so Tue 2027-06-08 */
  g_assert_cmpstr (fmt (sc_calendar_add_working_days (calendar, day ("2027-06-04"), 1)), ==, "2027-06-08");
  g_assert_cmpstr (sc_calendar_get_holiday_name (calendar, day ("2027-06-07")), ==, "Proclaimed bank holiday");
  /* a day that already is one keeps its name */
  g_assert_cmpstr (sc_calendar_get_holiday_name (calendar, day ("2026-12-25")), ==, "Christmas Day");
  n = sc_calendar_get_holidays (calendar, 2027, &holidays);
  g_assert_cmpuint (n, ==, 9);
  g_assert_cmpstr (fmt (holidays[5].day), ==, "2027-06-07");
  /* the shared default calendar is untouched */
  g_assert_true (sc_calendar_is_working_day (sc_calendar_get_default (), day ("2027-06-07")));
}

static void
test_key_file_without_group (void)
{
  g_autoptr(ScCalendar) calendar = sc_calendar_new ();
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_calendar_add_holidays_from_key_file (calendar, key_file, &error));
  g_assert_no_error (error);
}

static void
test_key_file_errors (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "[holidays]\n2027-13-01=Bad\n", "[holidays] holiday \"2027-13-01\": not a date (YYYY-MM-DD)" },
    { "[holidays]\nnext-monday=Bad\n", "[holidays] holiday \"next-monday\": not a date (YYYY-MM-DD)" },
    { "[holidays]\n2060-06-07=Late\n", "[holidays] holiday 2060-06-07: the calendar covers only the years 2000-2050" },
    { "[holidays]\n2027-06-07=\n", "[holidays] holiday 2027-06-07: its name must be non-empty UTF-8 text" },
    { "[holidays]\n2027-06-07=One\\nTwo\n", "[holidays] holiday 2027-06-07: its name must be one line of text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScCalendar) calendar = sc_calendar_new ();
      g_autoptr(GKeyFile) key_file = g_key_file_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strconcat ("[holidays]\n2027-06-08=Good one\n", cases[i].text + 11, NULL);

      g_assert_true (g_key_file_load_from_data (key_file, text, -1, G_KEY_FILE_NONE, NULL));
      g_assert_false (sc_calendar_add_holidays_from_key_file (calendar, key_file, &error));
      g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      /* all or nothing: the good entry was not added either */
      g_assert_true (sc_calendar_is_working_day (calendar, day ("2027-06-08")));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/calendar/day/parse", test_day_parse);
  g_test_add_func ("/common/calendar/day/matches-gdate", test_day_matches_gdate);
  g_test_add_func ("/common/calendar/day/add-months", test_add_months);
  g_test_add_func ("/common/calendar/holidays/2020", test_holidays_2020);
  g_test_add_func ("/common/calendar/holidays/2021", test_holidays_2021);
  g_test_add_func ("/common/calendar/holidays/2022", test_holidays_2022);
  g_test_add_func ("/common/calendar/holidays/2023", test_holidays_2023);
  g_test_add_func ("/common/calendar/holidays/2024", test_holidays_2024);
  g_test_add_func ("/common/calendar/holidays/2025", test_holidays_2025);
  g_test_add_func ("/common/calendar/holidays/2026", test_holidays_2026);
  g_test_add_func ("/common/calendar/holidays/2027", test_holidays_2027);
  g_test_add_func ("/common/calendar/holidays/earlier-one-offs", test_holidays_earlier_one_offs);
  g_test_add_func ("/common/calendar/holidays/easter", test_easter);
  g_test_add_func ("/common/calendar/holidays/substitute-days", test_substitute_days);
  g_test_add_func ("/common/calendar/holidays/range", test_holidays_range);
  g_test_add_func ("/common/calendar/working-days/basic", test_working_days);
  g_test_add_func ("/common/calendar/working-days/easter", test_working_days_easter);
  g_test_add_func ("/common/calendar/working-days/christmas", test_working_days_christmas);
  g_test_add_func ("/common/calendar/tribunal-days/august", test_tribunal_days_august);
  g_test_add_func ("/common/calendar/tribunal-days/august-31", test_tribunal_days_august_31);
  g_test_add_func ("/common/calendar/tribunal-days/christmas", test_tribunal_days_christmas);
  g_test_add_func ("/common/calendar/key-file/adds", test_key_file_adds);
  g_test_add_func ("/common/calendar/key-file/without-group", test_key_file_without_group);
  g_test_add_func ("/common/calendar/key-file/errors", test_key_file_errors);

  return g_test_run ();
}
