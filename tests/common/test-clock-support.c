/* test-clock-support.c
 *
 * See test-clock-support.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-clock-support.h"

char *
tc_json (const char *text)
{
  char *json = g_strdup (text);

  g_strdelimit (json, "'", '"');
  return json;
}

ScDay
tc_day (const char *text)
{
  ScDay day = SC_DAY_NONE;

  g_assert_true (sc_day_parse (text, &day));
  return day;
}

ScClockResult *
tc_run (const char *events,
        const char *today)
{
  g_autofree char *json = tc_json (events);
  g_autofree char *whole = NULL;
  g_autoptr(ScClockInput) input = NULL;
  g_autoptr(GError) error = NULL;

  whole = json[0] == '[' ? g_strdup_printf ("{\"events\": %s}", json) : g_strdup (json);
  input = sc_clock_input_new_from_data (whole, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (input);
  return sc_clock_compute (input, NULL, tc_day (today));
}

const ScMilestone *
tc_find (ScClockResult *result,
         const char    *id,
         const char    *key,
         guint          nth)
{
  for (guint i = 0; i < sc_clock_result_get_n_milestones (result); i++)
    {
      const ScMilestone *m = sc_clock_result_get_milestone (result, i);

      if (g_str_equal (sc_milestone_id_to_string (m->id), id) && g_strcmp0 (m->key, key) == 0 &&
          nth-- == 0)
        return m;
    }
  return NULL;
}

guint
tc_count (ScClockResult *result,
          const char    *id)
{
  guint n = 0;

  for (guint i = 0; i < sc_clock_result_get_n_milestones (result); i++)
    n += g_str_equal (sc_milestone_id_to_string (sc_clock_result_get_milestone (result, i)->id), id);
  return n;
}

const char *
tc_state_nth (ScClockResult *result,
              const char    *id,
              const char    *key,
              guint          nth)
{
  const ScMilestone *m = tc_find (result, id, key, nth);
  char due[SC_DAY_STRING_SIZE];
  char done[SC_DAY_STRING_SIZE] = "null";
  g_autofree char *text = NULL;

  if (m == NULL)
    return "missing";
  if (m->completed_on != SC_DAY_NONE)
    sc_day_format (m->completed_on, done);
  text = g_strdup_printf ("due=%s status=%s completed_on=%s", sc_day_format (m->due, due),
                          sc_milestone_status_to_string (m->status), done);
  return g_intern_string (text);
}

const char *
tc_state (ScClockResult *result,
          const char    *id,
          const char    *key)
{
  return tc_state_nth (result, id, key, 0);
}

const char *
tc_warnings (ScClockResult *result)
{
  g_autoptr(GString) codes = g_string_new (NULL);

  for (guint i = 0; i < sc_clock_result_get_n_warnings (result); i++)
    g_string_append_printf (codes, "%s%s", i > 0 ? "," : "",
                            sc_clock_warning_code_to_string (sc_clock_result_get_warning (result, i)->code));
  return g_intern_string (codes->str);
}

char *
tc_to_json (ScClockResult *result)
{
  g_autoptr(JsonNode) node = sc_clock_result_to_json (result);

  return json_to_string (node, FALSE);
}
