/* bench-clock.c
 *
 * How fast the statutory clock engine runs: the daemon recomputes a case's
 * clock on every write, so it must be cheap.
 *
 *   build-rel/bench/bench-clock [--histories N] [--seed S] [--json]
 *
 * Generates N synthetic case histories of 10-30 events (deterministic for
 * a seed: a 20-week pathway with advice and consultations, sometimes an
 * exception, then reviews, amendments, complaints, appeals and tribunal
 * orders), computes the clock of each with one reused ScClockResult and
 * prints histories per second for the engine alone. Histories are built in
 * batches outside the timed part, so memory stays small and only
 * sc_clock_result_compute() is measured. With --json it also times the
 * whole path the CLI takes (parse JSON, compute, build the JSON output).
 *
 * Run it in a release build (meson setup build-rel --buildtype=release);
 * see docs/statutory-clock.md for the figure measured.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "sc-clock.h"

#define BATCH 1024

static const char * const advisers[] = {
  "educational_psychology", "health", "social_care", "school", "speech_and_language",
};

typedef struct
{
  GRand        *rand;
  ScClockInput *input;
  ScDay         date;
  guint         target;
} Generator;

static gboolean
room (Generator *g)
{
  return sc_clock_input_get_n_events (g->input) < g->target;
}

static void
add (Generator   *g,
     ScEventType  type,
     int          min_gap,
     int          max_gap,
     const char  *key)
{
  ScClockEvent event = { .type = type, .key = key };

  if (!room (g))
    return;
  g->date += (ScDay) g_rand_int_range (g->rand, min_gap, max_gap + 1);
  event.date = g->date;
  switch (type)
    {
    case SC_EVENT_EXCEPTION_APPLIED:
      event.reason = (ScExceptionReason) g_rand_int_range (g->rand, 1, 5);
      break;
    case SC_EVENT_REVIEW_DECISION:
      event.outcome = (ScReviewOutcome) g_rand_int_range (g->rand, 1, 3);
      break;
    case SC_EVENT_TRIBUNAL_ORDER:
      event.order = (ScTribunalOrder) g_rand_int_range (g->rand, 1, 8);
      break;
    case SC_EVENT_COMPLAINT_RECEIVED:
      event.stage = g_rand_int_range (g->rand, 1, 3);
      break;
    case SC_EVENT_PHASE_TRANSFER_DUE:
      {
        int year;

        sc_day_to_ymd (event.date, &year, NULL, NULL);
        event.transfer_year = year + 1;
        event.route = (ScTransferRoute) g_rand_int_range (g->rand, 1, 3);
      }
      break;
    case SC_EVENT_AMENDED_PLAN_ISSUED:
      event.phase_transfer = g_rand_boolean (g->rand);
      break;
    default:
      break;
    }
  if (!sc_clock_input_add_event (g->input, &event, NULL))
    g_error ("the benchmark made an invalid event");
}

static ScClockInput *
generate (GRand *rand)
{
  Generator g = {
    .rand = rand,
    .input = sc_clock_input_new (),
    .date = sc_day_from_ymd (2018, 1, 1) + (ScDay) g_rand_int_range (rand, 0, 8 * 365),
    .target = (guint) g_rand_int_range (rand, 10, 31),
  };
  guint n_advice = (guint) g_rand_int_range (rand, 2, 5);
  char urn[2][16];

  sc_clock_input_set_date_of_birth (g.input, g.date - (ScDay) g_rand_int_range (rand, 2 * 365, 16 * 365));

  /* the 20-week pathway */
  add (&g, SC_EVENT_REQUEST_RECEIVED, 0, 0, NULL);
  add (&g, SC_EVENT_DECIDED_TO_ASSESS, 20, 50, NULL);
  for (guint i = 0; i < n_advice; i++)
    add (&g, SC_EVENT_ADVICE_REQUESTED, 0, 3, advisers[i]);
  if (g_rand_int_range (rand, 0, 4) == 0)
    add (&g, SC_EVENT_EXCEPTION_APPLIED, 5, 20, NULL);
  for (guint i = 0; i < n_advice; i++)
    add (&g, SC_EVENT_ADVICE_RECEIVED, 3, 15, advisers[i]);
  add (&g, SC_EVENT_DRAFT_PLAN_ISSUED, 10, 40, NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_snprintf (urn[i], sizeof urn[i], "%u", 100000 + (guint) g_rand_int_range (rand, 0, 50000));
      add (&g, SC_EVENT_CONSULTATION_SENT, 0, 2, urn[i]);
    }
  for (guint i = 0; i < 2; i++)
    add (&g, SC_EVENT_CONSULTATION_RESPONSE, 5, 15, urn[i]);
  add (&g, SC_EVENT_FINAL_PLAN_ISSUED, 5, 30, NULL);

  /* then years of reviews, amendments and disputes */
  while (room (&g))
    {
      switch (g_rand_int_range (rand, 0, 8))
        {
        case 0:
          add (&g, SC_EVENT_COMPLAINT_RECEIVED, 5, 60, "C1");
          add (&g, SC_EVENT_COMPLAINT_ACKNOWLEDGED, 1, 6, "C1");
          add (&g, SC_EVENT_COMPLAINT_RESPONDED, 5, 20, "C1");
          break;
        case 1:
          add (&g, SC_EVENT_MEDIATION_CERTIFICATE_ISSUED, 5, 40, NULL);
          add (&g, SC_EVENT_APPEAL_REGISTERED, 5, 30, "EH1");
          add (&g, SC_EVENT_APPEAL_RESPONSE_SENT, 20, 50, "EH1");
          add (&g, SC_EVENT_TRIBUNAL_ORDER, 60, 120, "EH1");
          break;
        case 2:
          add (&g, SC_EVENT_PHASE_TRANSFER_DUE, 10, 60, NULL);
          break;
        default:
          add (&g, SC_EVENT_REVIEW_MEETING, 250, 380, NULL);
          add (&g, SC_EVENT_REVIEW_REPORT_RECEIVED, 7, 20, NULL);
          add (&g, SC_EVENT_REVIEW_DECISION, 5, 20, NULL);
          add (&g, SC_EVENT_AMENDMENT_NOTICE_ISSUED, 0, 5, NULL);
          add (&g, SC_EVENT_AMENDED_PLAN_ISSUED, 20, 70, NULL);
          break;
        }
    }
  return g.input;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the statutory clock engine");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(ScClockResult) result = sc_clock_result_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_clock_input_unref);
  gint64 histories = 100000;
  gint64 seed = 20260105;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "histories", 0, 0, G_OPTION_ARG_INT64, &histories, "How many case histories (100000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the generator", "S" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Also time parse + compute + JSON output", NULL },
    { NULL }
  };
  const ScCalendar *calendar;
  ScDay today = sc_day_from_ymd (2026, 6, 1);
  gint64 engine_us = 0;
  gint64 json_us = 0;
  guint64 n_events = 0;
  guint64 n_milestones = 0;
  guint64 n_warnings = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || histories < 1)
    {
      fprintf (stderr, "bench-clock: %s\n",
               error != NULL ? error->message : "--histories must be positive");
      return 2;
    }

  rand = g_rand_new_with_seed ((guint32) seed);
  calendar = sc_calendar_get_default ();
  /* warm the calendar and the result's arrays */
  {
    g_autoptr(ScClockInput) warm = generate (rand);

    sc_clock_result_compute (result, warm, calendar, today);
  }

  for (gint64 done = 0; done < histories; )
    {
      guint n = (guint) MIN ((gint64) BATCH, histories - done);
      gint64 start;

      g_ptr_array_set_size (batch, 0);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (batch, generate (rand));

      start = g_get_monotonic_time ();
      for (guint i = 0; i < n; i++)
        {
          sc_clock_result_compute (result, g_ptr_array_index (batch, i), calendar, today);
          n_milestones += sc_clock_result_get_n_milestones (result);
          n_warnings += sc_clock_result_get_n_warnings (result);
        }
      engine_us += g_get_monotonic_time () - start;

      for (guint i = 0; i < n; i++)
        n_events += sc_clock_input_get_n_events (g_ptr_array_index (batch, i));

      if (json)
        {
          g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

          for (guint i = 0; i < n; i++)
            {
              /* the input as JSON, built outside the timed part */
              ScClockInput *input = g_ptr_array_index (batch, i);
              g_autoptr(GString) text = g_string_new ("{\"events\":[");

              for (guint e = 0; e < sc_clock_input_get_n_events (input); e++)
                {
                  const ScClockEvent *event = sc_clock_input_get_event (input, e);
                  char date[SC_DAY_STRING_SIZE];

                  g_string_append_printf (text, "%s{\"type\":\"%s\",\"date\":\"%s\"", e > 0 ? "," : "",
                                          sc_event_type_to_string (event->type), sc_day_format (event->date, date));
                  if (event->key != NULL)
                    g_string_append_printf (text, ",\"key\":\"%s\"", event->key);
                  if (event->reason != SC_EXCEPTION_NONE)
                    g_string_append_printf (text, ",\"reason\":\"%s\"", sc_exception_reason_to_string (event->reason));
                  if (event->outcome != SC_OUTCOME_NONE)
                    g_string_append_printf (text, ",\"outcome\":\"%s\"", sc_review_outcome_to_string (event->outcome));
                  if (event->order != SC_ORDER_NONE)
                    g_string_append_printf (text, ",\"order\":\"%s\"", sc_tribunal_order_to_string (event->order));
                  if (event->stage != 0)
                    g_string_append_printf (text, ",\"stage\":%d", event->stage);
                  if (event->route != SC_ROUTE_NONE)
                    g_string_append_printf (text, ",\"transfer_year\":%d,\"route\":\"%s\"", event->transfer_year,
                                            sc_transfer_route_to_string (event->route));
                  if (event->phase_transfer)
                    g_string_append (text, ",\"phase_transfer\":true");
                  g_string_append_c (text, '}');
                }
              g_string_append (text, "]}");
              g_ptr_array_add (texts, g_string_free (g_steal_pointer (&text), FALSE));
            }

          start = g_get_monotonic_time ();
          for (guint i = 0; i < n; i++)
            {
              g_autoptr(ScClockInput) parsed = NULL;
              g_autoptr(JsonNode) output = NULL;
              g_autofree char *out_text = NULL;

              parsed = sc_clock_input_new_from_data (g_ptr_array_index (texts, i), -1, &error);
              if (parsed == NULL)
                g_error ("the benchmark's JSON was refused: %s", error->message);
              sc_clock_result_compute (result, parsed, calendar, today);
              output = sc_clock_result_to_json (result);
              out_text = json_to_string (output, FALSE);
            }
          json_us += g_get_monotonic_time () - start;
        }
      done += n;
    }

  printf ("histories:            %" G_GINT64_FORMAT " (seed %" G_GINT64_FORMAT ")\n", histories, seed);
  printf ("events per history:   %.1f\n", (double) n_events / (double) histories);
  printf ("milestones:           %" G_GUINT64_FORMAT " (%.1f per history), warnings %" G_GUINT64_FORMAT "\n",
          n_milestones, (double) n_milestones / (double) histories, n_warnings);
  printf ("engine:               %.3f s, %.0f histories/s, %.2f us each\n",
          engine_us / 1e6, histories / (engine_us / 1e6), (double) engine_us / (double) histories);
  if (json)
    printf ("JSON in, clock, out:  %.3f s, %.0f histories/s, %.2f us each\n",
            json_us / 1e6, histories / (json_us / 1e6), (double) json_us / (double) histories);
  return 0;
}
