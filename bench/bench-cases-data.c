/* bench-cases-data.c
 *
 * A national-size authority for bench/bench-cases, as one psql script on
 * stdout, loaded straight into the real tables:
 *
 *   build-rel/bench/bench-cases-data --caseworker-id ID [--people N]
 *       [--owners N] [--seed S] [--today YYYY-MM-DD] | psql -d sendcase ...
 *
 * The people are synthetic (names put together from syllables and a few
 * common names, identifiers in the ranges scd-demo-authority.h uses, which
 * name nobody). Each case's history is one of the demo authority's journeys
 * (scd_demo_history_new(): every event accepted by the case rules on its
 * day), over the last eight years so that most cases have a plan issued,
 * and a few move to another authority. The stage, the milestones,
 * next_due and next_milestone are the clock's for that history today,
 * computed here with the daemon's own code, exactly as a write would leave
 * them. The demo user "caseworker" (--caseworker-id) owns exactly 250 cases;
 * the others are spread over --owners generated caseworkers (cw.0001, ...,
 * with the caseworker's password), 200 to 260 each, in no order.
 *
 * Rows go in with COPY, batch by batch, with their ids given; foreign keys
 * are not checked row by row during the load (the generator makes them
 * right); the indexes that back no constraint are dropped first and built
 * again at the end from their own definitions (pg_indexes), so they are the
 * migrations' indexes; the identity columns are put back and moved on past
 * the ids used.
 * The loads of a daemon write audit rows; this one writes none. The same
 * seed and today give the same data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc-case-event.h"
#include "sc-case-rules.h"
#include "sc-clock.h"
#include "sc-identifiers.h"
#include "scd-demo-authority.h"

#define BATCH 5000
#define CASEWORKER_CASES 250
#define OWNER_ID_BASE 1000000
#define TABLES "('person', 'person_name_word', 'person_contact', 'ehc_case', 'case_assignee', 'case_event', 'case_milestone')"

static const char * const given_names[] = {
  "Aaliyah", "Adam", "Aisha", "Alfie", "Amara", "Amelia", "Archie", "Arjun", "Ava", "Ayaan",
  "Bella", "Ben", "Caleb", "Charlie", "Chloe", "Daisy", "Dylan", "Eden", "Elijah", "Ella",
  "Emily", "Ethan", "Evie", "Finley", "Freddie", "Grace", "Hamza", "Harper", "Harry", "Hugo",
  "Ibrahim", "Isla", "Ivy", "Jack", "Jacob", "Jessica", "Kai", "Layla", "Leo", "Lily",
  "Logan", "Lucas", "Maya", "Mia", "Mohammed", "Muhammad", "Noah", "Nia", "Olivia", "Oscar",
  "Priya", "Reggie", "Riley", "Rosie", "Ruby", "Sami", "Sienna", "Sophia", "Theo", "Tommy",
  "Willow", "Yusuf", "Zara", "Zoë", "Niamh", "Siân", "Rhys", "Oisín", "Chidi", "Kofi",
};

/* Given names beyond the common ones: two syllables */
static const char * const given_first[] = {
  "Al", "Bri", "Cas", "Dar", "El", "Fen", "Gal", "Hal", "Is", "Jas", "Kel", "Lor", "Mar", "Nel",
  "Or", "Per", "Quin", "Ros", "Sel", "Tam", "Ul", "Val", "Wren", "Xan", "Yas", "Zel", "Ané", "Bé",
};
static const char * const given_second[] = {
  "a", "an", "ara", "den", "die", "el", "en", "ia", "ie", "in", "ina", "is", "o", "on", "ra", "ric",
  "ta", "ton", "wyn", "y",
};

static const char * const family_names[] = {
  "Ahmed", "Ali", "Allen", "Anderson", "Bailey", "Baker", "Begum", "Bennett", "Brown", "Campbell",
  "Carter", "Chen", "Clarke", "Cooper", "Davies", "Edwards", "Evans", "Fernandes", "Green", "Hall",
  "Harris", "Hughes", "Hussain", "Jackson", "James", "Johnson", "Jones", "Kaur", "Khan", "King",
  "Kowalski", "Lee", "Lewis", "Martin", "Mensah", "Mitchell", "Moore", "Morgan", "Murphy", "Nowak",
  "Nguyen", "O'Brien", "O'Connor", "Okafor", "Owusu", "Parker", "Patel", "Phillips", "Price", "Roberts",
  "Robinson", "Rossi", "Scott", "Shah", "Singh", "Smith", "Smith-Jones", "Taylor", "Thomas", "Thompson",
  "Turner", "Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wood", "Wright", "Young",
};

/* Family names beyond the common ones: a place-like first part and an ending */
static const char * const family_first[] = {
  "Ash", "Birch", "Black", "Bram", "Brook", "Cald", "Carr", "Clay", "Crans", "Dal", "Dun", "East",
  "Elm", "Fair", "Fern", "Fox", "Glen", "Gold", "Gran", "Hal", "Hart", "Hay", "Hol", "Hund", "Kings",
  "Lang", "Lee", "Lind", "Marsh", "Mead", "Mill", "Mor", "New", "North", "Oak", "Old", "Pen", "Ray",
  "Red", "Ridg", "Rose", "Rud", "Salt", "Sand", "Shaw", "Stan", "Stock", "Thorn", "Tre", "Wal",
  "West", "Whit", "Wick", "Win", "Wolf", "Wood", "Wy", "Yar", "Dǎ", "Ó",
};
static const char * const family_second[] = {
  "by", "combe", "dale", "den", "don", "field", "ford", "gate", "ham", "hill", "hurst", "ing",
  "ley", "low", "man", "mere", "more", "ridge", "stead", "ston", "thorpe", "ton", "well", "wick",
  "win", "worth", "wood", "croft", "bury", "lake",
};

static const char * const streets[] = {
  "Acacia Avenue", "Beech Road", "Chapel Lane", "Church Street", "Elm Grove", "Hawthorn Close",
  "High Street", "Mill Lane", "Orchard Way", "Park Road", "Queens Road", "Station Road",
  "The Crescent", "Victoria Street", "Willow Drive", "York Terrace",
};

static const char * const towns[] = { "Ashbury", "Brackenfield", "Coldwater", "Dunmere", "Eastholme",
                                      "Fallowfield", "Greystone", "Hollinsbridge" };

static const char * const languages[] = { "Urdu", "Polish", "Bengali", "Punjabi", "Romanian", "Arabic",
                                          "Somali", "Welsh", "Portuguese", "Gujarati" };

static const char * const sources[] = { "parent", "parent", "parent", "setting", "setting", "health",
                                        "social_care", "other" };

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

/* A skewed pick: the first entries of @list come up far more often, as
 * common names do. */
static const char *
pick_skewed (GRand              *rand,
             const char * const *list,
             guint               n)
{
  double u = g_rand_double (rand);

  return list[MIN ((guint) (u * u * n), n - 1)];
}

#define PICK_SKEWED(rand, list) pick_skewed ((rand), (list), G_N_ELEMENTS (list))

static int
between (GRand *rand,
         int    low,
         int    high)
{
  return g_rand_int_range (rand, low, high + 1);
}

/* COPY's text format: backslash, tab and newlines escaped; NULL as \N */
static void
field (GString    *out,
       const char *text)
{
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\t');
  if (text == NULL)
    {
      g_string_append (out, "\\N");
      return;
    }
  for (const char *c = text; *c != '\0'; c++)
    switch (*c)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '\t': g_string_append (out, "\\t"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      default: g_string_append_c (out, *c);
      }
}

static void
field_printf (GString    *out,
              const char *format,
              ...) G_GNUC_PRINTF (2, 3);

static void
field_printf (GString    *out,
              const char *format,
              ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  field (out, text);
}

static void
field_day (GString *out,
           ScDay    day)
{
  char text[SC_DAY_STRING_SIZE];

  field (out, day == SC_DAY_NONE ? NULL : sc_day_format (day, text));
}

static void
end_row (GString *out)
{
  g_string_append_c (out, '\n');
}

static gboolean
complete_upn (char upn[SC_UPN_LENGTH + 1])
{
  static const char letters[] = "ABCDEFGHJKLMNPQRTUVWXYZ";

  for (guint i = 0; letters[i] != '\0'; i++)
    {
      upn[0] = letters[i];
      if (sc_upn_validate (upn, "upn", NULL))
        return TRUE;
    }
  return FALSE;
}

static gboolean
complete_nhs_number (char nhs[SC_NHS_NUMBER_LENGTH + 1])
{
  for (char digit = '0'; digit <= '9'; digit++)
    {
      nhs[SC_NHS_NUMBER_LENGTH - 1] = digit;
      if (sc_nhs_number_validate (nhs, "nhs_number", NULL))
        return TRUE;
    }
  return FALSE;
}

static char *
make_given (GRand *rand)
{
  if (g_rand_double (rand) < 0.6)
    return g_strdup (PICK_SKEWED (rand, given_names));
  return g_strconcat (PICK (rand, given_first), PICK (rand, given_second), NULL);
}

static char *
make_family (GRand *rand)
{
  if (g_rand_double (rand) < 0.35)
    return g_strdup (PICK_SKEWED (rand, family_names));
  return g_strconcat (PICK_SKEWED (rand, family_first), PICK (rand, family_second), NULL);
}

/* person (id, given_name, family_name, preferred_name, date_of_birth, sex,
 *         upn, nhs_number, address_lines, town, postcode, languages) */
static void
write_person (GString *out,
              GRand   *rand,
              guint    n,
              ScDay    date_of_birth)
{
  g_autofree char *given = make_given (rand);
  g_autofree char *family = make_family (rand);
  g_autofree char *preferred = g_rand_double (rand) < 0.05 ? make_given (rand) : NULL;
  char upn[SC_UPN_LENGTH + 1];
  char nhs[SC_NHS_NUMBER_LENGTH + 1];
  int year;

  sc_day_to_ymd (date_of_birth, &year, NULL, NULL);
  g_snprintf (upn, sizeof upn, "?999%04u%02d%03u", 2000 + n % 7000, (year + 4) % 100, (n / 7000) % 1000);
  g_snprintf (nhs, sizeof nhs, "999%06u?", n % 1000000);

  field_printf (out, "%u", n + 1);
  field (out, given);
  field (out, family);
  field (out, preferred);
  field_day (out, date_of_birth);
  field (out, g_rand_double (rand) < 0.7 ? "male" : "female");
  field (out, complete_upn (upn) ? upn : NULL);
  field (out, complete_nhs_number (nhs) ? nhs : NULL);
  field_printf (out, "{\"%d %s\"}", between (rand, 1, 180), PICK (rand, streets));
  field (out, PICK (rand, towns));
  field_printf (out, "ZZ99 %d%c%c", between (rand, 1, 9), 'A' + between (rand, 0, 25), 'A' + between (rand, 0, 25));
  if (g_rand_double (rand) < 0.2)
    field_printf (out, "{English,%s}", PICK (rand, languages));
  else
    field (out, "{English}");
  end_row (out);
}

typedef struct
{
  GString *people;
  GString *cases;
  GString *events;
  GString *milestones;
  GString *assignees;
  guint64  next_event_id;
} Batch;

static gint64
owner_id (guint   owner,
          gint64  caseworker_id)
{
  return owner == 0 ? caseworker_id : OWNER_ID_BASE + owner;
}

/* A plan in force moves to another authority now and then. */
static void
maybe_transfer_out (GRand         *rand,
                    ScCaseHistory *history,
                    ScDay          today)
{
  guint n = sc_case_history_get_n_events (history);
  ScCaseStage stage = sc_case_get_stage (history);
  ScClockEvent event = { 0 };

  if ((stage != SC_CASE_STAGE_FINAL && stage != SC_CASE_STAGE_UNDER_REVIEW) || g_rand_double (rand) >= 0.03)
    return;
  event.type = SC_EVENT_TRANSFER_OUT;
  event.date = sc_case_history_get_event (history, n - 1)->date + between (rand, 1, 120);
  if (event.date > today)
    return;
  if (sc_case_check_event (history, &event, event.date, NULL))
    sc_case_history_add_event (history, &event, NULL);
}

/* One case: its row, its events, the clock's milestones */
static void
write_case (Batch         *b,
            GRand         *rand,
            guint          n,
            ScDay          date_of_birth,
            ScCaseHistory *history,
            gint64         owner,
            gint64         other_owner,
            ScDay          today)
{
  g_autoptr(ScClockInput) input = sc_case_history_dup_clock_input (history);
  g_autoptr(ScClockResult) clock = sc_clock_compute (input, sc_calendar_get_default (), today);
  guint n_events = sc_case_history_get_n_events (history);
  guint64 first_event = b->next_event_id;
  ScDay earliest = SC_DAY_NONE;
  const char *next_milestone = NULL;
  ScDay opened = sc_case_history_get_event (history, 0)->date;
  ScDay last = sc_case_history_get_event (history, n_events - 1)->date;
  char day[SC_DAY_STRING_SIZE];

  g_assert (sc_clock_input_get_n_events (input) == n_events);   /* none voided: index = position - 1 */

  for (guint i = 0; i < n_events; i++)
    {
      const ScClockEvent *e = sc_case_history_get_event (history, i);
      g_autofree char *details = sc_case_event_dup_details (e);

      field_printf (b->events, "%" G_GUINT64_FORMAT, b->next_event_id++);
      field_printf (b->events, "%u", n + 1);
      field_printf (b->events, "%u", i + 1);
      field (b->events, sc_event_type_to_string (e->type));
      field_day (b->events, e->date);
      field (b->events, e->key);
      field (b->events, details);
      field_printf (b->events, "%" G_GINT64_FORMAT, owner);
      field_printf (b->events, "%s %02d:%02d:00+00", sc_day_format (e->date, day), between (rand, 8, 17),
                    between (rand, 0, 59));
      end_row (b->events);
    }

  for (guint i = 0; i < sc_clock_result_get_n_milestones (clock); i++)
    {
      const ScMilestone *m = sc_clock_result_get_milestone (clock, i);

      field_printf (b->milestones, "%u", n + 1);
      field_printf (b->milestones, "%u", sc_clock_result_get_milestone_slot (clock, i, m->start_event + 1));
      field (b->milestones, sc_milestone_id_to_string (m->id));
      field (b->milestones, m->key);
      field (b->milestones, m->rule);
      field_printf (b->milestones, "%" G_GUINT64_FORMAT, first_event + m->start_event);
      field_day (b->milestones, m->start_date);
      field_day (b->milestones, m->due);
      field (b->milestones, sc_milestone_status_to_string (m->status));
      field_day (b->milestones, m->completed_on);
      end_row (b->milestones);

      /* as the case store keeps next_due: the earliest open deadline */
      if (sc_milestone_id_get_kind (m->id) == SC_MILESTONE_KIND_DEADLINE &&
          (m->status == SC_STATUS_PENDING || m->status == SC_STATUS_OVERDUE) &&
          (earliest == SC_DAY_NONE || m->due < earliest))
        {
          earliest = m->due;
          next_milestone = sc_milestone_id_to_string (m->id);
        }
    }

  /* ehc_case (id, version, person_id, owner_id, restricted, stage, next_due,
   *           next_milestone, request_source, created_at, updated_at) */
  field_printf (b->cases, "%u", n + 1);
  field_printf (b->cases, "%u", n_events);   /* the create, then one more per event */
  field_printf (b->cases, "%u", n + 1);
  field_printf (b->cases, "%" G_GINT64_FORMAT, owner);
  field (b->cases, g_rand_double (rand) < 0.01 ? "t" : "f");
  field (b->cases, sc_case_stage_to_string (sc_case_get_stage (history)));
  field_day (b->cases, earliest);
  field (b->cases, next_milestone);
  field (b->cases, PICK (rand, sources));
  field_printf (b->cases, "%s 09:00:00+00", sc_day_format (opened, day));
  field_printf (b->cases, "%s 17:00:00+00", sc_day_format (last, day));
  end_row (b->cases);

  if (other_owner != 0 && g_rand_double (rand) < 0.03)
    {
      field_printf (b->assignees, "%u", n + 1);
      field_printf (b->assignees, "%" G_GINT64_FORMAT, other_owner);
      end_row (b->assignees);
    }
  (void) date_of_birth;
}

static void
flush_copy (const char *table,
            const char *columns,
            GString    *rows)
{
  if (rows->len == 0)
    return;
  printf ("COPY %s (%s) FROM STDIN;\n", table, columns);
  fwrite (rows->str, 1, rows->len, stdout);
  fputs ("\\.\n", stdout);
  g_string_truncate (rows, 0);
}

static void
flush (Batch *b)
{
  flush_copy ("person", "id, given_name, family_name, preferred_name, date_of_birth, sex, upn, nhs_number,"
              " address_lines, town, postcode, languages", b->people);
  flush_copy ("ehc_case", "id, version, person_id, owner_id, restricted, stage, next_due, next_milestone,"
              " request_source, created_at, updated_at", b->cases);
  flush_copy ("case_event", "id, case_id, position, type, date, key, details, recorded_by, recorded_at", b->events);
  flush_copy ("case_milestone", "case_id, position, milestone, key, rule, start_event_id, start_date, due,"
              " status, completed_on", b->milestones);
  flush_copy ("case_assignee", "case_id, user_id", b->assignees);
}

static ScDay
today_local (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return sc_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now));
}

int
main (int   argc,
      char *argv[])
{
  gint64 caseworker_id = 0;
  int n_people = 700000;
  int n_owners = 3000;
  int seed = 20260701;
  g_autofree char *today_text = NULL;
  GOptionEntry entries[] = {
    { "caseworker-id", 0, 0, G_OPTION_ARG_INT64, &caseworker_id, "The user id of the demo caseworker", "ID" },
    { "people", 0, 0, G_OPTION_ARG_INT, &n_people, "People (default 700000)", "N" },
    { "owners", 0, 0, G_OPTION_ARG_INT, &n_owners, "Generated caseworkers (default 3000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "The seed", "S" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, "The day the data is made for (default: today)",
      "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- a national-size authority, as a psql script");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint));
  ScDay today;
  Batch b = { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL), g_string_new (NULL),
              g_string_new (NULL), 1 };
  guint n_cases;
  char day[SC_DAY_STRING_SIZE];

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-cases-data: %s\n", error->message);
      return 2;
    }
  if (caseworker_id <= 0 || n_people <= 0 || n_owners < 1)
    {
      g_printerr ("bench-cases-data: --caseworker-id is needed, and --people and --owners must be positive\n");
      return 2;
    }
  if (today_text != NULL)
    {
      if (!sc_day_parse (today_text, &today))
        {
          g_printerr ("bench-cases-data: --today %s is not a date\n", today_text);
          return 2;
        }
    }
  else
    today = today_local ();
  rand = g_rand_new_with_seed ((guint32) seed);

  /* who owns each case: 250 for the caseworker, 200 to 260 for each other,
   * in a shuffled order so that no one's cases sit together */
  for (guint k = 0; k < CASEWORKER_CASES; k++)
    {
      guint zero = 0;

      g_array_append_val (slots, zero);
    }
  for (guint owner = 1; owner <= (guint) n_owners; owner++)
    for (int k = between (rand, 200, 260); k > 0; k--)
      g_array_append_val (slots, owner);
  n_cases = MIN (slots->len, (guint) n_people);
  if (n_cases < slots->len)
    {
      g_printerr ("bench-cases-data: %u cases for %d people: give more people or fewer owners\n", slots->len,
                  n_people);
      return 2;
    }
  for (guint i = slots->len - 1; i > 0; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1);
      guint t = g_array_index (slots, guint, i);

      g_array_index (slots, guint, i) = g_array_index (slots, guint, j);
      g_array_index (slots, guint, j) = t;
    }

  printf ("-- bench-cases-data: %d people, %u cases, %d caseworkers besides user %" G_GINT64_FORMAT ", as of %s\n",
          n_people, n_cases, n_owners, caseworker_id, sc_day_format (today, day));
  printf ("\\set ON_ERROR_STOP on\n"
          "BEGIN;\n"
          "DO $$ BEGIN IF EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM ehc_case) THEN"
          " RAISE EXCEPTION 'this database already has people or cases'; END IF; END $$;\n"
          "CREATE TEMP TABLE bench_owner (id bigint, username text, full_name text) ON COMMIT DROP;\n");
  {
    g_autoptr(GString) owners = g_string_new (NULL);

    for (guint owner = 1; owner <= (guint) n_owners; owner++)
      {
        g_autofree char *given = make_given (rand);
        g_autofree char *family = make_family (rand);

        field_printf (owners, "%" G_GINT64_FORMAT, owner_id (owner, caseworker_id));
        field_printf (owners, "cw.%04u", owner);
        field_printf (owners, "%s %s", given, family);
        end_row (owners);
      }
    flush_copy ("bench_owner", "id, username, full_name", owners);
  }
  printf ("INSERT INTO app_user (id, username, full_name, role, password_hash) OVERRIDING SYSTEM VALUE\n"
          "  SELECT o.id, o.username, o.full_name, 'caseworker', u.password_hash FROM bench_owner o,"
          " app_user u WHERE u.id = %" G_GINT64_FORMAT ";\n"
          "SELECT setval(pg_get_serial_sequence('app_user', 'id'), (SELECT max(id) FROM app_user));\n"
          "ALTER TABLE person ALTER COLUMN id SET GENERATED BY DEFAULT;\n"
          "ALTER TABLE ehc_case ALTER COLUMN id SET GENERATED BY DEFAULT;\n"
          "ALTER TABLE case_event ALTER COLUMN id SET GENERATED BY DEFAULT;\n"
          "SET LOCAL session_replication_role = replica;\n"
          /* the indexes that back no constraint are built again after the
           * load, from their own definitions, rather than kept row by row */
          "CREATE TEMP TABLE bench_index ON COMMIT DROP AS SELECT i.indexname, i.indexdef FROM pg_indexes i"
          " WHERE i.schemaname = 'public' AND i.tablename IN " TABLES
          " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname);\n"
          "DO $$ DECLARE r record; BEGIN FOR r IN SELECT indexname FROM bench_index LOOP"
          " EXECUTE format('DROP INDEX %%I', r.indexname); END LOOP; END $$;\n",
          caseworker_id);

  for (guint n = 0; n < (guint) n_people; n++)
    {
      ScDay request;
      ScDay date_of_birth;
      g_autoptr(ScCaseHistory) history = NULL;

      if (n >= n_cases)
        {
          write_person (b.people, rand, n, today - between (rand, 2 * 365, 20 * 365));
          goto next;
        }
      /* most requests long enough ago for a plan; one in eight this last
       * half year, still being assessed or drafted */
      if (g_rand_double (rand) < 0.125)
        request = today - between (rand, 0, 180);
      else
        request = today - between (rand, 181, 8 * 365);
      /* 2 to 16 when asked for, and under 25 now */
      date_of_birth = request - between (rand, 2 * 365, 16 * 365);
      date_of_birth = MAX (date_of_birth, today - 24 * 365);
      history = scd_demo_history_new (rand, date_of_birth, request, today);
      maybe_transfer_out (rand, history, today);
      write_person (b.people, rand, n, date_of_birth);
      {
        guint owner = g_array_index (slots, guint, n);
        guint other = (guint) between (rand, 1, n_owners);

        write_case (&b, rand, n, date_of_birth, history, owner_id (owner, caseworker_id),
                    other != owner ? owner_id (other, caseworker_id) : 0, today);
      }
    next:
      if ((n + 1) % BATCH == 0)
        flush (&b);
    }
  flush (&b);

  printf ("SET LOCAL session_replication_role = origin;\n"
          "ALTER TABLE person ALTER COLUMN id SET GENERATED ALWAYS;\n"
          "ALTER TABLE ehc_case ALTER COLUMN id SET GENERATED ALWAYS;\n"
          "ALTER TABLE case_event ALTER COLUMN id SET GENERATED ALWAYS;\n"
          "SELECT setval(pg_get_serial_sequence('person', 'id'), (SELECT max(id) FROM person));\n"
          "SELECT setval(pg_get_serial_sequence('ehc_case', 'id'), (SELECT max(id) FROM ehc_case));\n"
          "SELECT setval(pg_get_serial_sequence('case_event', 'id'), (SELECT max(id) FROM case_event));\n"
          /* the words of their names, which a trigger writes as a
           * daemon records a person (not in replica mode) */
          "INSERT INTO person_name_word (word, person_id)\n"
          "  SELECT w, p.id FROM person p, person_name_words(p.given_key, p.family_key, p.preferred_key) AS w;\n"
          /* one contact each, who speaks for the child */
          "INSERT INTO person_contact (person_id, position, name, relationship, phone, email, preferred_contact,"
          " parental_responsibility)\n"
          "  SELECT id, 1, (ARRAY['Sam','Alex','Jo','Chris','Robin','Jamie','Kim','Lee'])[1 + id %% 8]"
          " || ' ' || family_name,\n"
          "         CASE WHEN id %% 4 = 0 THEN 'father' ELSE 'mother' END,"
          " '07700 900' || lpad((id %% 1000)::text, 3, '0'),\n"
          "         'contact.' || id || '@example.org', CASE WHEN id %% 2 = 0 THEN 'phone' ELSE 'email' END,"
          " true FROM person;\n"
          "SET LOCAL maintenance_work_mem = '256MB';\n"
          "DO $$ DECLARE r record; BEGIN FOR r IN SELECT indexdef FROM bench_index LOOP"
          " EXECUTE r.indexdef; END LOOP; END $$;\n"
          "COMMIT;\n"
          "VACUUM ANALYZE app_user, person, person_contact, ehc_case, case_assignee, case_event, case_milestone;\n");
  fflush (stdout);
  g_printerr ("bench-cases-data: %d people, %u cases, %" G_GUINT64_FORMAT " events\n", n_people, n_cases,
              b.next_event_id - 1);
  return 0;
}
