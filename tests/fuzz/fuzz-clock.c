/* fuzz-clock.c
 *
 * libFuzzer target for the statutory clock: arbitrary bytes go to the JSON
 * codec (sc_clock_input_new_from_data); whatever it accepts is computed,
 * checked against the contract's invariants and written back out. Bad input
 * must give a one-line SC_ERROR, never a crash, a hang, a sanitizer report
 * or a clock that breaks its own rules.
 *
 *   tests/fuzz/run-fuzz --ci | --long SECONDS [clock]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "sc-clock.h"
#include "sc-error.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define CHECK(condition) \
  G_STMT_START { if (!(condition)) { \
    g_printerr ("fuzz-clock: invariant failed: %s\n", #condition); __builtin_trap (); } } G_STMT_END

static void
check_result (ScClockResult *result,
              ScDay          today)
{
  guint n = sc_clock_result_get_n_milestones (result);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      const ScMilestone *m = sc_clock_result_get_milestone (result, i);
      gboolean period = sc_milestone_id_get_kind (m->id) == SC_MILESTONE_KIND_PERIOD;

      CHECK (m->due != SC_DAY_NONE && m->start_date != SC_DAY_NONE);
      CHECK (m->rule != NULL && *m->rule != '\0');
      CHECK (m->start_event < sc_clock_input_get_n_events (sc_clock_result_get_input (result)));
      if (i > 0)
        CHECK (sc_clock_result_get_milestone (result, i - 1)->due <= m->due);
      if (period)
        CHECK ((m->status == SC_STATUS_OPEN) == (today <= m->due) &&
               (m->status == SC_STATUS_OPEN || m->status == SC_STATUS_CLOSED));
      else
        CHECK (m->status <= SC_STATUS_CANCELLED);
      CHECK ((m->status == SC_STATUS_EXCEPTED) == (m->exception_reason != SC_EXCEPTION_NONE));
      if (m->status == SC_STATUS_MET)
        CHECK (m->completed_on != SC_DAY_NONE && m->completed_on <= m->due);
      if (m->status == SC_STATUS_LATE)
        CHECK (m->completed_on != SC_DAY_NONE && m->completed_on > m->due);
      if (m->status == SC_STATUS_PENDING || m->status == SC_STATUS_OVERDUE || m->status == SC_STATUS_CANCELLED)
        CHECK (m->completed_on == SC_DAY_NONE);
      if (m->completed_on != SC_DAY_NONE)
        CHECK (m->completed_on >= m->start_date);
    }
  for (guint i = 0; i < sc_clock_result_get_n_warnings (result); i++)
    {
      g_autofree char *message =
        sc_clock_result_dup_warning_message (result, sc_clock_result_get_warning (result, i));

      CHECK (message != NULL && *message != '\0');
    }

  /* the output is JSON that reads back */
  node = sc_clock_result_to_json (result);
  text = json_to_string (node, FALSE);
  CHECK (json_parser_load_from_data (parser, text, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ScClockInput) input = NULL;
  g_autoptr(ScClockResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ScDay today = sc_day_from_ymd (2026, 6, 1);
  ScDay long_ago = sc_day_from_ymd (1900, 1, 1);

  input = sc_clock_input_new_from_data ((const char *) data, (gssize) size, &error);
  if (input == NULL)
    {
      CHECK (error != NULL && error->domain == SC_ERROR);
      CHECK (error->code == SC_ERROR_INVALID_INPUT || error->code == SC_ERROR_MALFORMED);
      CHECK (*error->message != '\0' && strchr (error->message, '\n') == NULL);
      return 0;
    }
  CHECK (error == NULL);

  /* one result, computed twice: reuse must leave nothing behind */
  result = sc_clock_compute (input, NULL, today);
  check_result (result, today);
  sc_clock_result_compute (result, input, NULL, long_ago);
  check_result (result, long_ago);
  return 0;
}
