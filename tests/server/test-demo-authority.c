/* test-demo-authority.c
 *
 * The synthetic authority of `sendcased --demo-data`: the same seed and day
 * give the same authority; every person is one the API would accept; every
 * event of every case is one the case rules accept on its day, none after
 * today; the caseloads are the size asked for, and the cases are spread
 * over the stages a real caseload has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-person.h"
#include "scd-demo-authority.h"

#define SEED 20261201u

static ScDay
today (void)
{
  return sc_day_from_ymd (2026, 12, 1);
}

static char *
describe (const ScdDemoCase *c)
{
  GString *out = g_string_new (c->person);

  g_string_append_printf (out, " owner=%u source=%s", c->owner, c->request_source);
  for (guint i = 0; i < sc_case_history_get_n_events (c->history); i++)
    {
      const ScClockEvent *e = sc_case_history_get_event (c->history, i);
      char day[SC_DAY_STRING_SIZE];

      g_string_append_printf (out, " %s@%s/%s/%d/%d", sc_event_type_to_string (e->type), sc_day_format (e->date, day),
                              e->key != NULL ? e->key : "", e->reason, e->outcome);
    }
  return g_string_free (out, FALSE);
}

static void
test_deterministic (void)
{
  g_autoptr(ScdDemoAuthority) a = scd_demo_authority_new (SEED, 3, 20, 30, today ());
  g_autoptr(ScdDemoAuthority) b = scd_demo_authority_new (SEED, 3, 20, 30, today ());
  g_autoptr(ScdDemoAuthority) other = scd_demo_authority_new (SEED + 1, 3, 20, 30, today ());
  gboolean differs = other->cases->len != a->cases->len;

  g_assert_cmpuint (a->cases->len, ==, b->cases->len);
  for (guint i = 0; i < a->cases->len; i++)
    {
      g_autofree char *x = describe (g_ptr_array_index (a->cases, i));
      g_autofree char *y = describe (g_ptr_array_index (b->cases, i));

      g_assert_cmpstr (x, ==, y);
      if (!differs && i < other->cases->len)
        {
          g_autofree char *z = describe (g_ptr_array_index (other->cases, i));

          differs = g_strcmp0 (x, z) != 0;
        }
    }
  g_assert_true (differs);
}

static void
test_people_accepted (void)
{
  g_autoptr(ScdDemoAuthority) authority = scd_demo_authority_new (SEED, 2, 100, 100, today ());
  g_autoptr(GHashTable) upns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint with_nhs = 0;

  for (guint i = 0; i < authority->cases->len; i++)
    {
      const ScdDemoCase *c = g_ptr_array_index (authority->cases, i);
      g_autoptr(JsonNode) node = json_from_string (c->person, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) checked = NULL;
      const char *upn;

      g_assert_nonnull (node);
      checked = sc_person_check_input (json_node_get_object (node), FALSE, &error);
      if (checked == NULL)
        g_error ("person %u refused: %s: %s", i, error->message, c->person);
      upn = json_object_get_string_member_with_default (checked, "upn", NULL);
      g_assert_nonnull (upn);
      /* the local authority number no authority has */
      g_assert_true (g_str_has_prefix (upn + 1, "999"));
      g_assert_true (g_hash_table_add (upns, g_strdup (upn)));
      if (json_object_has_member (checked, "nhs_number"))
        {
          g_assert_true (g_str_has_prefix (json_object_get_string_member (checked, "nhs_number"), "999"));
          with_nhs++;
        }
    }
  /* an NHS number is left out only where no check digit fits (1 in 11) */
  g_assert_cmpuint (with_nhs, >, authority->cases->len * 8 / 10);
}

static void
test_events_legal (void)
{
  g_autoptr(ScdDemoAuthority) authority = scd_demo_authority_new (SEED, 4, 200, 250, today ());
  guint per_stage[SC_N_CASE_STAGES] = { 0 };
  guint per_owner[4] = { 0 };
  guint events = 0;

  g_assert_cmpuint (authority->caseworkers->len, ==, 4);
  g_assert_cmpstr (((ScdDemoCaseworker *) g_ptr_array_index (authority->caseworkers, 0))->username, ==,
                   "caseworker");
  for (guint i = 0; i < authority->cases->len; i++)
    {
      const ScdDemoCase *c = g_ptr_array_index (authority->cases, i);
      g_autoptr(ScCaseHistory) replay = sc_case_history_new ();
      guint n = sc_case_history_get_n_events (c->history);

      g_assert_cmpuint (n, >=, 1);
      g_assert_cmpint (sc_case_history_get_event (c->history, 0)->type, ==, SC_EVENT_REQUEST_RECEIVED);
      /* recorded again, one by one, each on its own day: every one accepted */
      for (guint k = 0; k < n; k++)
        {
          const ScClockEvent *e = sc_case_history_get_event (c->history, k);
          g_autoptr(GError) error = NULL;

          g_assert_cmpuint (e->date, <=, today ());
          if (!sc_case_check_event (replay, e, e->date, &error))
            g_error ("case %u event %u (%s) refused: %s", i, k, sc_event_type_to_string (e->type), error->message);
          g_assert_true (sc_case_history_add_event (replay, e, NULL));
        }
      events += n;
      per_stage[sc_case_get_stage (c->history)]++;
      g_assert_cmpuint (c->owner, <, 4);
      per_owner[c->owner]++;
    }
  for (guint owner = 0; owner < 4; owner++)
    {
      g_assert_cmpuint (per_owner[owner], >=, 200);
      g_assert_cmpuint (per_owner[owner], <=, 250);
    }
  g_test_message ("%u cases, %u events", authority->cases->len, events);
  /* a caseload of real-looking work: every stage of the pathway is held */
  for (ScCaseStage stage = SC_CASE_STAGE_REQUESTED; stage <= SC_CASE_STAGE_CEASED; stage++)
    {
      g_test_message ("%-16s %u", sc_case_stage_to_string (stage), per_stage[stage]);
      g_assert_cmpuint (per_stage[stage], >, 0);
    }
  g_assert_cmpuint (per_stage[SC_CASE_STAGE_CLOSED], >, 0);
  /* most cases have a plan */
  g_assert_cmpuint (per_stage[SC_CASE_STAGE_FINAL] + per_stage[SC_CASE_STAGE_UNDER_REVIEW], >,
                    authority->cases->len / 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/demo-authority/deterministic", test_deterministic);
  g_test_add_func ("/server/demo-authority/people-accepted", test_people_accepted);
  g_test_add_func ("/server/demo-authority/events-legal", test_events_legal);
  return g_test_run ();
}
