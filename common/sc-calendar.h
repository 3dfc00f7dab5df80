/* sc-calendar.h
 *
 * Days and the England and Wales calendar of the statutory clock.
 *
 * A day is an ScDay: GDate's Julian day number (1 is 0001-01-01), so day
 * arithmetic is integer arithmetic and g_date_set_julian() converts both
 * ways. The clock reads dates as strict `YYYY-MM-DD` and accepts the years
 * SC_DAY_FIRST_YEAR to SC_DAY_LAST_YEAR: wide enough for any child's case,
 * narrow enough that a typed 3026 is refused rather than computed.
 *
 * An ScCalendar knows the bank holidays of England and Wales for 2000-2050:
 * the standing rules (New Year's Day, Good Friday, Easter Monday, the first
 * and last Mondays of May, the last Monday of August, Christmas Day and
 * Boxing Day, each with its substitute weekday) plus the one-off changes
 * made by proclamation, plus any a configuration file adds. It answers
 * "is this a working day" and "which is the Nth (tribunal) working day after
 * this one" from a table built once, so the clock engine can ask thousands
 * of times a second. A calendar is changed only while it is being set up
 * (sc_calendar_add_*); after that it is read-only and may be shared between
 * threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef guint32 ScDay;

#define SC_DAY_NONE ((ScDay) 0)
/* "YYYY-MM-DD" and its NUL */
#define SC_DAY_STRING_SIZE 11

#define SC_DAY_FIRST_YEAR 1900
#define SC_DAY_LAST_YEAR  2199

#define SC_CALENDAR_FIRST_YEAR 2000
#define SC_CALENDAR_LAST_YEAR  2050

ScDay         sc_day_from_ymd    (int          year,
                                  int          month,
                                  int          mday);
void          sc_day_to_ymd      (ScDay        day,
                                  int         *year,
                                  int         *month,
                                  int         *mday);
gboolean      sc_day_parse       (const char  *text,
                                  ScDay       *out);
char         *sc_day_format      (ScDay        day,
                                  char         buffer[SC_DAY_STRING_SIZE]);
GDateWeekday  sc_day_get_weekday (ScDay        day);
ScDay         sc_day_add_months  (ScDay        day,
                                  int          months);
gboolean      sc_day_is_in_range (ScDay        day);
/* Today in the local time zone */
ScDay         sc_day_today       (void);

typedef struct _ScCalendar ScCalendar;

typedef struct
{
  ScDay       day;
  const char *name;   /* owned by the calendar */
} ScHoliday;

GType         sc_calendar_get_type                    (void) G_GNUC_CONST;
ScCalendar   *sc_calendar_new                         (void);
ScCalendar   *sc_calendar_get_default                 (void);
ScCalendar   *sc_calendar_ref                         (ScCalendar        *calendar);
void          sc_calendar_unref                       (ScCalendar        *calendar);

gboolean      sc_calendar_add_holiday                 (ScCalendar        *calendar,
                                                       ScDay              day,
                                                       const char        *name,
                                                       GError           **error);
gboolean      sc_calendar_add_holidays_from_key_file  (ScCalendar        *calendar,
                                                       GKeyFile          *key_file,
                                                       GError           **error);

gboolean      sc_calendar_is_holiday                  (const ScCalendar  *calendar,
                                                       ScDay              day);
const char   *sc_calendar_get_holiday_name            (const ScCalendar  *calendar,
                                                       ScDay              day);
guint         sc_calendar_get_holidays                (const ScCalendar  *calendar,
                                                       int                year,
                                                       const ScHoliday  **holidays);
gboolean      sc_calendar_is_working_day              (const ScCalendar  *calendar,
                                                       ScDay              day);
gboolean      sc_calendar_is_tribunal_working_day     (const ScCalendar  *calendar,
                                                       ScDay              day);
ScDay         sc_calendar_add_working_days            (const ScCalendar  *calendar,
                                                       ScDay              start,
                                                       guint              n);
ScDay         sc_calendar_add_tribunal_working_days   (const ScCalendar  *calendar,
                                                       ScDay              start,
                                                       guint              n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCalendar, sc_calendar_unref)

G_END_DECLS
