/* sc-calendar.c
 *
 * Day arithmetic and the England and Wales bank-holiday calendar.
 *
 * Days are counted the way GDate counts them (day 1 is 0001-01-01 in the
 * proleptic Gregorian calendar). The conversion to and from year, month and
 * day shifts the year to start in March, so the leap day is the last day of
 * the shifted year and every month length but February's follows from one
 * formula; 400 Gregorian years are exactly 146,097 days.
 *
 * The calendar keeps one byte of flags per day from 2000-01-01 to 2050-12-31
 * (about 18,600 bytes) built once from the holiday list, so "is this a
 * working day" is an array read. Days outside those years fall back to the
 * standing rules computed on the spot: slower, and without one-off changes,
 * but the clock never refuses a date the input accepted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-calendar"

#include "config.h"

#include <string.h>

#include <glib-object.h>

#include "sc-calendar.h"
#include "sc-error.h"

enum
{
  DAY_HOLIDAY          = 1 << 0,
  DAY_WORKING          = 1 << 1,
  DAY_TRIBUNAL_WORKING = 1 << 2,
};

struct _ScCalendar
{
  gatomicrefcount  ref_count;

  /* Owned */
  guint8          *flags;       /* one per day from @first, @n_days of them */
  GArray          *holidays;    /* of ScHoliday, sorted by day */
  GStringChunk    *names;       /* names of holidays added at run time */

  ScDay            first;
  guint            n_days;
};

G_DEFINE_BOXED_TYPE (ScCalendar, sc_calendar, sc_calendar_ref, sc_calendar_unref)

/* The most holidays the standing rules give one year. */
#define MAX_STANDING 12

/* One-off changes by proclamation within 2000-2050: those since 2020, and
 * 2002, 2011 and 2012 too because they are part of the published record and
 * a configuration file can only add days, not move them
 * (docs/statutory-clock.md, choice 17). */
typedef struct
{
  int         year, month, mday;
  const char *name;   /* NULL: the standing holiday on this day is removed */
} OneOff;

static const OneOff one_offs[] = {
  { 2002, 5, 27, NULL },
  { 2002, 6, 3, "Golden Jubilee bank holiday" },
  { 2002, 6, 4, "Spring bank holiday" },
  { 2011, 4, 29, "Bank holiday for the wedding of Prince William and Catherine Middleton" },
  { 2012, 5, 28, NULL },
  { 2012, 6, 4, "Spring bank holiday" },
  { 2012, 6, 5, "Queen's Diamond Jubilee" },
  { 2020, 5, 4, NULL },
  { 2020, 5, 8, "Early May bank holiday (VE day)" },
  { 2022, 5, 30, NULL },
  { 2022, 6, 2, "Spring bank holiday" },
  { 2022, 6, 3, "Platinum Jubilee bank holiday" },
  { 2022, 9, 19, "Bank holiday for the State Funeral of Queen Elizabeth II" },
  { 2023, 5, 8, "Bank holiday for the coronation of King Charles III" },
};

static gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month (int year,
               int month)
{
  static const guint8 lengths[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && is_leap_year (year))
    return 29;
  return lengths[month - 1];
}

/* Days since 0000-03-01 of a date in a March-based year; year >= 1. */
static gint64
days_from_march_epoch (int year,
                       int month,
                       int mday)
{
  gint64 y = month <= 2 ? year - 1 : year;
  gint64 cycle = y / 400;                        /* y >= 0, so no rounding trouble */
  gint64 year_of_cycle = y - cycle * 400;        /* 0..399 */
  gint64 shifted_month = month > 2 ? month - 3 : month + 9;   /* March = 0 */
  gint64 day_of_year = (153 * shifted_month + 2) / 5 + mday - 1;
  gint64 day_of_cycle = year_of_cycle * 365 + year_of_cycle / 4 - year_of_cycle / 100 + day_of_year;

  return cycle * 146097 + day_of_cycle;
}

/* 0001-01-01 is 306 days after 0000-03-01 and is day 1. */
#define MARCH_EPOCH_OFFSET 305

/**
 * sc_day_from_ymd:
 *
 * Returns: the day, or %SC_DAY_NONE if the three numbers are not a real date
 *   of the years 1 to 9999
 */
ScDay
sc_day_from_ymd (int year,
                 int month,
                 int mday)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || mday < 1 ||
      mday > days_in_month (year, month))
    return SC_DAY_NONE;
  return (ScDay) (days_from_march_epoch (year, month, mday) - MARCH_EPOCH_OFFSET);
}

void
sc_day_to_ymd (ScDay  day,
               int   *year,
               int   *month,
               int   *mday)
{
  gint64 days, cycle, day_of_cycle, year_of_cycle, day_of_year, shifted_month, y, m;

  g_return_if_fail (day != SC_DAY_NONE);

  days = (gint64) day + MARCH_EPOCH_OFFSET;
  cycle = days / 146097;
  day_of_cycle = days - cycle * 146097;                         /* 0..146096 */
  year_of_cycle = (day_of_cycle - day_of_cycle / 1460 + day_of_cycle / 36524 -
                   day_of_cycle / 146096) / 365;               /* 0..399 */
  day_of_year = day_of_cycle - (365 * year_of_cycle + year_of_cycle / 4 - year_of_cycle / 100);
  shifted_month = (5 * day_of_year + 2) / 153;                  /* March = 0 */
  m = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  y = year_of_cycle + cycle * 400 + (m <= 2 ? 1 : 0);

  if (year != NULL)
    *year = (int) y;
  if (month != NULL)
    *month = (int) m;
  if (mday != NULL)
    *mday = (int) (day_of_year - (153 * shifted_month + 2) / 5 + 1);
}

/**
 * sc_day_parse:
 * @text: (nullable): text that should be a date
 * @out: (out): the day
 *
 * Accepts exactly `YYYY-MM-DD` naming a real date (no time, no zone, no
 * spaces). The year range of the clock is checked separately, by
 * sc_day_is_in_range(), so a caller can say which of the two is wrong.
 */
gboolean
sc_day_parse (const char *text,
              ScDay      *out)
{
  int numbers[3] = { 0, 0, 0 };
  static const int widths[3] = { 4, 2, 2 };
  const char *p = text;
  ScDay day;

  if (text == NULL)
    return FALSE;
  for (guint part = 0; part < 3; part++)
    {
      for (int i = 0; i < widths[part]; i++, p++)
        {
          if (*p < '0' || *p > '9')
            return FALSE;
          numbers[part] = numbers[part] * 10 + (*p - '0');
        }
      if (part < 2 && *p++ != '-')
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  day = sc_day_from_ymd (numbers[0], numbers[1], numbers[2]);
  if (day == SC_DAY_NONE)
    return FALSE;
  *out = day;
  return TRUE;
}

/**
 * sc_day_format:
 * @buffer: (out caller-allocates): room for SC_DAY_STRING_SIZE bytes
 *
 * Returns: (transfer none): @buffer, holding `YYYY-MM-DD`
 */
char *
sc_day_format (ScDay day,
               char  buffer[SC_DAY_STRING_SIZE])
{
  int year, month, mday;

  g_return_val_if_fail (day != SC_DAY_NONE, NULL);

  sc_day_to_ymd (day, &year, &month, &mday);
  /* A year above 9999 cannot come from the clock (inputs stop at 2199), but
   * the buffer must not overflow if it ever did. */
  g_snprintf (buffer, SC_DAY_STRING_SIZE, "%04d-%02d-%02d", year % 10000, month, mday);
  return buffer;
}

GDateWeekday
sc_day_get_weekday (ScDay day)
{
  g_return_val_if_fail (day != SC_DAY_NONE, G_DATE_BAD_WEEKDAY);

  /* day 1, 0001-01-01, was a Monday */
  return (GDateWeekday) ((day - 1) % 7 + 1);
}

/**
 * sc_day_add_months:
 *
 * The same day of the month @months later (or earlier); if that month is
 * shorter, its last day: 2024-08-31 + 6 months is 2025-02-28.
 *
 * Returns: the day, or %SC_DAY_NONE if it would fall outside years 1-9999
 */
ScDay
sc_day_add_months (ScDay day,
                   int   months)
{
  int year, month, mday;
  gint64 index;

  g_return_val_if_fail (day != SC_DAY_NONE, SC_DAY_NONE);

  sc_day_to_ymd (day, &year, &month, &mday);
  index = (gint64) year * 12 + (month - 1) + months;
  if (index < 12 || index >= (gint64) 10000 * 12)
    return SC_DAY_NONE;
  year = (int) (index / 12);
  month = (int) (index % 12) + 1;
  return sc_day_from_ymd (year, month, MIN (mday, days_in_month (year, month)));
}

/**
 * sc_day_is_in_range:
 *
 * Returns: whether @day lies in the years the clock accepts as input
 *   (SC_DAY_FIRST_YEAR to SC_DAY_LAST_YEAR)
 */
gboolean
sc_day_is_in_range (ScDay day)
{
  int year;

  if (day == SC_DAY_NONE)
    return FALSE;
  sc_day_to_ymd (day, &year, NULL, NULL);
  return year >= SC_DAY_FIRST_YEAR && year <= SC_DAY_LAST_YEAR;
}

/* Western (Gregorian) Easter Sunday: the first Sunday after the
 * ecclesiastical full moon on or after 21 March, from the computus: the
 * golden number places the year in the 19-year Metonic cycle, the century
 * terms correct the epact for the Gregorian leap-year rule and the drift of
 * the lunar tables. */
static ScDay
easter_sunday (int year)
{
  int golden = year % 19;
  int century = year / 100;
  int year_of_century = year % 100;
  int skipped_leaps = century / 4;
  int century_leap_rest = century % 4;
  int moon_correction = (century + 8) / 25;
  int lunar_drift = (century - moon_correction + 1) / 3;
  int epact = (19 * golden + century - skipped_leaps - lunar_drift + 15) % 30;
  int leaps = year_of_century / 4;
  int year_leap_rest = year_of_century % 4;
  int to_sunday = (32 + 2 * century_leap_rest + 2 * leaps - epact - year_leap_rest) % 7;
  int late_moon = (golden + 11 * epact + 22 * to_sunday) / 451;
  int month = (epact + to_sunday - 7 * late_moon + 114) / 31;
  int mday = (epact + to_sunday - 7 * late_moon + 114) % 31 + 1;

  return sc_day_from_ymd (year, month, mday);
}

static ScDay
first_weekday_of_month (int          year,
                        int          month,
                        GDateWeekday weekday)
{
  ScDay first = sc_day_from_ymd (year, month, 1);

  return first + (7 + weekday - sc_day_get_weekday (first)) % 7;
}

static ScDay
last_weekday_of_month (int          year,
                       int          month,
                       GDateWeekday weekday)
{
  ScDay last = sc_day_from_ymd (year, month, days_in_month (year, month));

  return last - (7 + sc_day_get_weekday (last) - weekday) % 7;
}

static gboolean
is_weekend (ScDay day)
{
  return sc_day_get_weekday (day) >= G_DATE_SATURDAY;
}

/* The standing rules of one year, in date order. A holiday falling on a
 * weekend is replaced by its substitute weekday, as the published list
 * shows it (the weekend day itself is not a working day anyway). */
static guint
standing_holidays (int        year,
                   ScHoliday  out[MAX_STANDING])
{
  ScDay new_year = sc_day_from_ymd (year, 1, 1);
  ScDay easter = easter_sunday (year);
  ScDay christmas = sc_day_from_ymd (year, 12, 25);
  guint n = 0;

  switch (sc_day_get_weekday (new_year))
    {
    case G_DATE_SATURDAY:
      out[n++] = (ScHoliday) { new_year + 2, "New Year's Day (substitute day)" };
      break;
    case G_DATE_SUNDAY:
      out[n++] = (ScHoliday) { new_year + 1, "New Year's Day (substitute day)" };
      break;
    default:
      out[n++] = (ScHoliday) { new_year, "New Year's Day" };
      break;
    }
  out[n++] = (ScHoliday) { easter - 2, "Good Friday" };
  out[n++] = (ScHoliday) { easter + 1, "Easter Monday" };
  out[n++] = (ScHoliday) { first_weekday_of_month (year, 5, G_DATE_MONDAY),
                           "Early May bank holiday" };
  out[n++] = (ScHoliday) { last_weekday_of_month (year, 5, G_DATE_MONDAY), "Spring bank holiday" };
  out[n++] = (ScHoliday) { last_weekday_of_month (year, 8, G_DATE_MONDAY), "Summer bank holiday" };

  switch (sc_day_get_weekday (christmas))
    {
    case G_DATE_FRIDAY:     /* Boxing Day on Saturday: Monday 28 */
      out[n++] = (ScHoliday) { christmas, "Christmas Day" };
      out[n++] = (ScHoliday) { christmas + 3, "Boxing Day (substitute day)" };
      break;
    case G_DATE_SATURDAY:   /* both on the weekend: Monday 27 and Tuesday 28 */
      out[n++] = (ScHoliday) { christmas + 2, "Christmas Day (substitute day)" };
      out[n++] = (ScHoliday) { christmas + 3, "Boxing Day (substitute day)" };
      break;
    case G_DATE_SUNDAY:     /* Boxing Day on Monday 26, Christmas on Tuesday 27 */
      out[n++] = (ScHoliday) { christmas + 1, "Boxing Day" };
      out[n++] = (ScHoliday) { christmas + 2, "Christmas Day (substitute day)" };
      break;
    default:
      out[n++] = (ScHoliday) { christmas, "Christmas Day" };
      out[n++] = (ScHoliday) { christmas + 1, "Boxing Day" };
      break;
    }

  g_assert (n <= MAX_STANDING);
  return n;
}

static gboolean
is_tribunal_closed (ScDay day)
{
  int month, mday;

  sc_day_to_ymd (day, NULL, &month, &mday);
  return month == 8 || (month == 12 && mday >= 25) || (month == 1 && mday == 1);
}

static guint8
flags_for (ScDay    day,
           gboolean holiday)
{
  guint8 flags = 0;

  if (holiday)
    flags |= DAY_HOLIDAY;
  if (!holiday && !is_weekend (day))
    {
      flags |= DAY_WORKING;
      if (!is_tribunal_closed (day))
        flags |= DAY_TRIBUNAL_WORKING;
    }
  return flags;
}

/* Outside the table: the standing rules of that year, computed now. */
static guint8
flags_slow (ScDay day)
{
  ScHoliday holidays[MAX_STANDING];
  gboolean holiday = FALSE;
  guint n;
  int year;

  sc_day_to_ymd (day, &year, NULL, NULL);
  n = standing_holidays (year, holidays);
  for (guint i = 0; i < n; i++)
    holiday |= holidays[i].day == day;
  return flags_for (day, holiday);
}

static inline guint8
day_flags (const ScCalendar *calendar,
           ScDay             day)
{
  guint offset = day - calendar->first;

  /* days before @first wrap to large offsets and take the slow path too */
  if (G_LIKELY (offset < calendar->n_days))
    return calendar->flags[offset];
  return flags_slow (day);
}

static int
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  const ScHoliday *ha = a;
  const ScHoliday *hb = b;

  return ha->day < hb->day ? -1 : ha->day > hb->day;
}

/* Index of the first holiday on or after @day. */
static guint
lower_bound (const ScCalendar *calendar,
             ScDay             day)
{
  guint low = 0;
  guint high = calendar->holidays->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (calendar->holidays, ScHoliday, mid).day < day)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/**
 * sc_calendar_new:
 *
 * Builds the England and Wales calendar for 2000-2050: the standing rules
 * and the one-off changes. Add newly proclaimed holidays with
 * sc_calendar_add_holiday() or sc_calendar_add_holidays_from_key_file()
 * before sharing it.
 *
 * Returns: (transfer full): a new calendar
 */
ScCalendar *
sc_calendar_new (void)
{
  ScCalendar *calendar = g_new0 (ScCalendar, 1);
  ScDay last;

  g_atomic_ref_count_init (&calendar->ref_count);
  calendar->first = sc_day_from_ymd (SC_CALENDAR_FIRST_YEAR, 1, 1);
  last = sc_day_from_ymd (SC_CALENDAR_LAST_YEAR, 12, 31);
  calendar->n_days = last - calendar->first + 1;
  calendar->flags = g_malloc (calendar->n_days);
  calendar->holidays = g_array_sized_new (FALSE, FALSE, sizeof (ScHoliday),
                                          (SC_CALENDAR_LAST_YEAR - SC_CALENDAR_FIRST_YEAR + 1) * 9);
  calendar->names = g_string_chunk_new (256);

  for (int year = SC_CALENDAR_FIRST_YEAR; year <= SC_CALENDAR_LAST_YEAR; year++)
    {
      ScHoliday standing[MAX_STANDING];
      guint n = standing_holidays (year, standing);

      for (guint i = 0; i < n; i++)
        {
          gboolean removed = FALSE;

          for (guint j = 0; j < G_N_ELEMENTS (one_offs); j++)
            removed |= one_offs[j].name == NULL &&
                       sc_day_from_ymd (one_offs[j].year, one_offs[j].month,
                                        one_offs[j].mday) == standing[i].day;
          if (!removed)
            g_array_append_val (calendar->holidays, standing[i]);
        }
    }
  for (guint j = 0; j < G_N_ELEMENTS (one_offs); j++)
    {
      if (one_offs[j].name != NULL)
        {
          ScHoliday holiday = {
            sc_day_from_ymd (one_offs[j].year, one_offs[j].month, one_offs[j].mday),
            one_offs[j].name,
          };

          g_array_append_val (calendar->holidays, holiday);
        }
    }
  g_array_sort (calendar->holidays, compare_holidays);

  for (guint i = 0; i < calendar->n_days; i++)
    calendar->flags[i] = flags_for (calendar->first + i, FALSE);
  for (guint i = 0; i < calendar->holidays->len; i++)
    {
      ScDay day = g_array_index (calendar->holidays, ScHoliday, i).day;

      calendar->flags[day - calendar->first] = flags_for (day, TRUE);
    }

  return calendar;
}

/**
 * sc_calendar_get_default:
 *
 * The built-in calendar with nothing added, built on first use and shared
 * for the life of the process.
 *
 * Returns: (transfer none): the default calendar
 */
ScCalendar *
sc_calendar_get_default (void)
{
  static ScCalendar *default_calendar;

  if (g_once_init_enter (&default_calendar))
    g_once_init_leave (&default_calendar, sc_calendar_new ());
  return default_calendar;
}

ScCalendar *
sc_calendar_ref (ScCalendar *calendar)
{
  g_return_val_if_fail (calendar != NULL, NULL);

  g_atomic_ref_count_inc (&calendar->ref_count);
  return calendar;
}

void
sc_calendar_unref (ScCalendar *calendar)
{
  g_return_if_fail (calendar != NULL);

  if (g_atomic_ref_count_dec (&calendar->ref_count))
    {
      g_clear_pointer (&calendar->flags, g_free);
      g_clear_pointer (&calendar->holidays, g_array_unref);
      g_clear_pointer (&calendar->names, g_string_chunk_free);
      g_free (calendar);
    }
}

static gboolean
check_holiday (ScDay        day,
               const char  *label,
               const char  *name,
               GError     **error)
{
  int year;

  if (day == SC_DAY_NONE)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                   "holiday \"%s\": not a date (YYYY-MM-DD)", label);
      return FALSE;
    }
  sc_day_to_ymd (day, &year, NULL, NULL);
  if (year < SC_CALENDAR_FIRST_YEAR || year > SC_CALENDAR_LAST_YEAR)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                   "holiday %s: the calendar covers only the years %d-%d",
                   label, SC_CALENDAR_FIRST_YEAR, SC_CALENDAR_LAST_YEAR);
      return FALSE;
    }
  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                   "holiday %s: its name must be non-empty UTF-8 text", label);
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                       "holiday %s: its name must be one line of text", label);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * sc_calendar_add_holiday:
 * @day: a day of 2000-2050
 * @name: its name, one line of text
 *
 * Adds a newly proclaimed bank holiday. A day that is already a holiday
 * keeps its name and the call succeeds. Call only while setting the
 * calendar up: it invalidates what sc_calendar_get_holidays() returned.
 */
gboolean
sc_calendar_add_holiday (ScCalendar  *calendar,
                         ScDay        day,
                         const char  *name,
                         GError     **error)
{
  char label[SC_DAY_STRING_SIZE] = "";
  ScHoliday holiday;

  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (day != SC_DAY_NONE)
    sc_day_format (day, label);
  if (!check_holiday (day, label, name, error))
    return FALSE;
  if (sc_calendar_is_holiday (calendar, day))
    return TRUE;

  holiday.day = day;
  holiday.name = g_string_chunk_insert_const (calendar->names, name);
  g_array_insert_val (calendar->holidays, lower_bound (calendar, day), holiday);
  calendar->flags[day - calendar->first] = flags_for (day, TRUE);
  return TRUE;
}

/**
 * sc_calendar_add_holidays_from_key_file:
 * @key_file: a configuration file
 *
 * Adds the holidays of the `[holidays]` group, one per line as
 * `YYYY-MM-DD=name`, for example `2027-06-07=Bank holiday for ...`. A file
 * without the group adds nothing. Either every entry is valid and all are
 * added, or none is and @error names the first bad one.
 */
gboolean
sc_calendar_add_holidays_from_key_file (ScCalendar  *calendar,
                                        GKeyFile    *key_file,
                                        GError     **error)
{
  g_auto(GStrv) keys = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) days = NULL;
  gsize n_keys = 0;

  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (key_file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_key_file_has_group (key_file, "holidays"))
    return TRUE;
  keys = g_key_file_get_keys (key_file, "holidays", &n_keys, NULL);
  if (keys == NULL)
    return TRUE;

  names = g_ptr_array_new_with_free_func (g_free);
  days = g_array_new (FALSE, FALSE, sizeof (ScDay));
  for (gsize i = 0; i < n_keys; i++)
    {
      g_autofree char *name = g_key_file_get_string (key_file, "holidays", keys[i], NULL);
      g_autofree char *label = g_strescape (keys[i], NULL);
      ScDay day = SC_DAY_NONE;

      if (!sc_day_parse (keys[i], &day))
        day = SC_DAY_NONE;
      if (name != NULL)
        g_strstrip (name);
      if (!check_holiday (day, label, name, error))
        {
          g_prefix_error (error, "[holidays] ");
          return FALSE;
        }
      g_array_append_val (days, day);
      g_ptr_array_add (names, g_steal_pointer (&name));
    }

  for (guint i = 0; i < days->len; i++)
    if (!sc_calendar_add_holiday (calendar, g_array_index (days, ScDay, i),
                                  g_ptr_array_index (names, i), error))
      return FALSE;   /* cannot happen: checked above */
  return TRUE;
}

gboolean
sc_calendar_is_holiday (const ScCalendar *calendar,
                        ScDay             day)
{
  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (day != SC_DAY_NONE, FALSE);

  return (day_flags (calendar, day) & DAY_HOLIDAY) != 0;
}

/**
 * sc_calendar_get_holiday_name:
 *
 * Returns: (transfer none) (nullable): the holiday's name, or %NULL if @day
 *   is not a bank holiday
 */
const char *
sc_calendar_get_holiday_name (const ScCalendar *calendar,
                              ScDay             day)
{
  guint i;

  g_return_val_if_fail (calendar != NULL, NULL);
  g_return_val_if_fail (day != SC_DAY_NONE, NULL);

  i = lower_bound (calendar, day);
  if (i < calendar->holidays->len && g_array_index (calendar->holidays, ScHoliday, i).day == day)
    return g_array_index (calendar->holidays, ScHoliday, i).name;
  if (day - calendar->first >= calendar->n_days)
    {
      ScHoliday standing[MAX_STANDING];
      int year;
      guint n;

      sc_day_to_ymd (day, &year, NULL, NULL);
      n = standing_holidays (year, standing);
      for (guint j = 0; j < n; j++)
        if (standing[j].day == day)
          return standing[j].name;
    }
  return NULL;
}

/**
 * sc_calendar_get_holidays:
 * @year: a year of 2000-2050
 * @holidays: (out) (transfer none) (array length=return value): the year's
 *   holidays in date order, valid until the calendar changes
 *
 * Returns: how many there are (0 for a year outside the calendar)
 */
guint
sc_calendar_get_holidays (const ScCalendar  *calendar,
                          int                year,
                          const ScHoliday  **holidays)
{
  guint begin, end;

  g_return_val_if_fail (calendar != NULL, 0);
  g_return_val_if_fail (holidays != NULL, 0);

  *holidays = NULL;
  if (year < SC_CALENDAR_FIRST_YEAR || year > SC_CALENDAR_LAST_YEAR)
    return 0;
  begin = lower_bound (calendar, sc_day_from_ymd (year, 1, 1));
  end = lower_bound (calendar, sc_day_from_ymd (year + 1, 1, 1));
  *holidays = &g_array_index (calendar->holidays, ScHoliday, begin);
  return end - begin;
}

/* Working day: not Saturday or Sunday and not a bank holiday. */
gboolean
sc_calendar_is_working_day (const ScCalendar *calendar,
                            ScDay             day)
{
  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (day != SC_DAY_NONE, FALSE);

  return (day_flags (calendar, day) & DAY_WORKING) != 0;
}

/* Tribunal working day: a working day not in 25 December-1 January and not
 * in August. */
gboolean
sc_calendar_is_tribunal_working_day (const ScCalendar *calendar,
                                     ScDay             day)
{
  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (day != SC_DAY_NONE, FALSE);

  return (day_flags (calendar, day) & DAY_TRIBUNAL_WORKING) != 0;
}

static ScDay
add_days_with (const ScCalendar *calendar,
               ScDay             start,
               guint             n,
               guint8            flag)
{
  ScDay day = start;

  /* Every year has working and tribunal working days, so this ends. */
  while (n > 0)
    {
      day++;
      if (day_flags (calendar, day) & flag)
        n--;
    }
  return day;
}

/**
 * sc_calendar_add_working_days:
 *
 * Returns: the @n-th working day after @start (@start itself never counts;
 *   0 gives @start)
 */
ScDay
sc_calendar_add_working_days (const ScCalendar *calendar,
                              ScDay             start,
                              guint             n)
{
  g_return_val_if_fail (calendar != NULL, SC_DAY_NONE);
  g_return_val_if_fail (start != SC_DAY_NONE, SC_DAY_NONE);

  return add_days_with (calendar, start, n, DAY_WORKING);
}

/**
 * sc_calendar_add_tribunal_working_days:
 *
 * Returns: the @n-th tribunal working day after @start
 */
ScDay
sc_calendar_add_tribunal_working_days (const ScCalendar *calendar,
                                       ScDay             start,
                                       guint             n)
{
  g_return_val_if_fail (calendar != NULL, SC_DAY_NONE);
  g_return_val_if_fail (start != SC_DAY_NONE, SC_DAY_NONE);

  return add_days_with (calendar, start, n, DAY_TRIBUNAL_WORKING);
}

ScDay
sc_day_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return sc_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now));
}
