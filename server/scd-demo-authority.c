/* scd-demo-authority.c
 *
 * The synthetic authority of scd-demo-authority.h. Each case is made by
 * proposing the events a real one would have (a request, the decision six
 * weeks later or a little after, advice from four advisers, a draft, the
 * setting consulted, the final plan around twenty weeks, then a review every
 * year that maintains, amends or ceases the plan), each dated from the one
 * before with some spread, and keeping those that the case rules accept on
 * their day. What a rule refuses is left out, as a caseworker's system would
 * have refused it; events after "today" have not happened yet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-demo"

#include "config.h"

#include <string.h>

#include "sc-identifiers.h"
#include "sc-json-writer.h"
#include "scd-demo-authority.h"

static const char * const given_names[] = {
  "Aaliyah", "Adam", "Aisha", "Alfie", "Amara", "Amelia", "Archie", "Arjun", "Ava", "Ayaan",
  "Bella", "Ben", "Caleb", "Charlie", "Chloe", "Daisy", "Dylan", "Eden", "Elijah", "Ella",
  "Emily", "Ethan", "Evie", "Finley", "Freddie", "Grace", "Hamza", "Harper", "Harry", "Hugo",
  "Ibrahim", "Isla", "Ivy", "Jack", "Jacob", "Jessica", "Kai", "Layla", "Leo", "Lily",
  "Logan", "Lucas", "Maya", "Mia", "Mohammed", "Muhammad", "Noah", "Nia", "Olivia", "Oscar",
  "Priya", "Reggie", "Riley", "Rosie", "Ruby", "Sami", "Sienna", "Sophia", "Theo", "Tommy",
  "Willow", "Yusuf", "Zara", "Zoë", "Niamh", "Siân", "Rhys", "Oisín", "Chidi", "Kofi",
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

static const char * const streets[] = {
  "Acacia Avenue", "Beech Road", "Chapel Lane", "Church Street", "Elm Grove", "Hawthorn Close",
  "High Street", "Mill Lane", "Orchard Way", "Park Road", "Queens Road", "Station Road",
  "The Crescent", "Victoria Street", "Willow Drive", "York Terrace",
};

static const char * const towns[] = { "Ashbury", "Brackenfield", "Coldwater", "Dunmere", "Eastholme" };

static const char * const languages[] = { "Urdu", "Polish", "Bengali", "Punjabi", "Romanian", "Arabic",
                                          "Somali", "Welsh", "Portuguese", "Gujarati" };

static const char * const caseworker_names[] = {
  "Asha Patel",   /* the demo user "caseworker" (scd-migrate-demo.c) */
  "Daniel Hughes", "Fatima Begum", "Megan Lloyd", "Olu Adeyemi", "Chris Nolan", "Hannah Wood",
  "Imran Qureshi",
};

static const char * const advisers[] = { "educational_psychology", "health", "social_care", "setting" };

/* An event a case would have, and its place among those of its day. */
typedef struct
{
  ScClockEvent event;
  guint        order;
} Proposal;

typedef struct
{
  GRand         *rand;
  ScDay          today;
  ScCaseHistory *history;
  GArray        *proposed;   /* of Proposal, keys in the authority's key chunk */
  GStringChunk  *keys;
} Maker;

static const char *
pick (Maker              *maker,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (maker->rand, 0, (gint32) n)];
}

#define PICK(maker, list) pick ((maker), (list), G_N_ELEMENTS (list))

static int
between (Maker *maker,
         int    low,
         int    high)
{
  return g_rand_int_range (maker->rand, low, high + 1);
}

static gboolean
chance (Maker  *maker,
        double  p)
{
  return g_rand_double (maker->rand) < p;
}

/* A valid identifier from its first characters: the one check character
 * that sc-identifiers accepts (for an NHS number there may be none). */
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

static void
write_day (ScJsonWriter *w,
           const char   *member,
           ScDay         day)
{
  char text[SC_DAY_STRING_SIZE];

  sc_json_writer_member_string (w, member, sc_day_format (day, text));
}

/* The person's create input, numbered @n in the authority (so that every
 * identifier is its own). */
static char *
make_person (Maker *maker,
             guint  n,
             ScDay  date_of_birth)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *family = PICK (maker, family_names);
  const char *given = PICK (maker, given_names);
  const char *parent = PICK (maker, given_names);
  char upn[SC_UPN_LENGTH + 1];
  char nhs[SC_NHS_NUMBER_LENGTH + 1];
  ScJsonWriter w;
  int year;

  sc_day_to_ymd (date_of_birth, &year, NULL, NULL);
  /* LA 999, an establishment, the year of allocation, a serial: n keeps them apart */
  g_snprintf (upn, sizeof upn, "?999%04u%02d%03u", 2000 + n % 7000, (year + 4) % 100, (n / 7000) % 1000);
  upn[SC_UPN_LENGTH] = '\0';
  g_snprintf (nhs, sizeof nhs, "999%06u?", n);

  sc_json_writer_init (&w, out);
  sc_json_writer_begin_object (&w);
  sc_json_writer_member_string (&w, "given_name", given);
  sc_json_writer_member_string (&w, "family_name", family);
  write_day (&w, "date_of_birth", date_of_birth);
  sc_json_writer_member_string (&w, "sex", chance (maker, 0.7) ? "male" : "female");
  if (complete_upn (upn))
    sc_json_writer_member_string (&w, "upn", upn);
  if (complete_nhs_number (nhs))
    sc_json_writer_member_string (&w, "nhs_number", nhs);

  sc_json_writer_member (&w, "address");
  sc_json_writer_begin_object (&w);
  sc_json_writer_member (&w, "lines");
  sc_json_writer_begin_array (&w);
  {
    g_autofree char *line = g_strdup_printf ("%d %s", between (maker, 1, 180), PICK (maker, streets));
    g_autofree char *postcode = g_strdup_printf ("ZZ99 %d%c%c", between (maker, 1, 9),
                                                 'A' + between (maker, 0, 25), 'A' + between (maker, 0, 25));

    sc_json_writer_string (&w, line);
    sc_json_writer_end_array (&w);
    sc_json_writer_member_string (&w, "town", PICK (maker, towns));
    sc_json_writer_member_string (&w, "postcode", postcode);
  }
  sc_json_writer_end_object (&w);

  sc_json_writer_member (&w, "languages");
  sc_json_writer_begin_array (&w);
  sc_json_writer_string (&w, "English");
  if (chance (maker, 0.2))
    sc_json_writer_string (&w, PICK (maker, languages));
  sc_json_writer_end_array (&w);

  sc_json_writer_member (&w, "contacts");
  sc_json_writer_begin_array (&w);
  {
    g_autofree char *name = g_strdup_printf ("%s %s", parent, family);
    g_autofree char *phone = g_strdup_printf ("07700 900%03u", n % 1000);
    g_autofree char *local = g_ascii_strdown (parent, -1);
    g_autofree char *email = g_strdup_printf ("%s.%u@example.org", local, n);

    /* an address of ASCII letters only ("zoë" is "zoxx") */
    for (char *c = email; *c != '\0'; c++)
      if ((guchar) *c >= 0x80)
        *c = 'x';
    sc_json_writer_begin_object (&w);
    sc_json_writer_member_string (&w, "name", name);
    sc_json_writer_member_string (&w, "relationship", chance (maker, 0.75) ? "mother" : "father");
    sc_json_writer_member_string (&w, "phone", phone);
    sc_json_writer_member_string (&w, "email", email);
    sc_json_writer_member_string (&w, "preferred_contact", chance (maker, 0.5) ? "phone" : "email");
    sc_json_writer_member_boolean (&w, "parental_responsibility", TRUE);
    sc_json_writer_end_object (&w);
  }
  sc_json_writer_end_array (&w);
  sc_json_writer_end_object (&w);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static ScClockEvent *
propose (Maker       *maker,
         ScEventType  type,
         ScDay        date,
         const char  *key)
{
  Proposal proposal = { { 0 }, maker->proposed->len };

  proposal.event.type = type;
  proposal.event.date = date;
  proposal.event.key = key != NULL ? g_string_chunk_insert_const (maker->keys, key) : NULL;
  g_array_append_val (maker->proposed, proposal);
  return &g_array_index (maker->proposed, Proposal, maker->proposed->len - 1).event;
}

/* The events of one case's journey, from its request on @request. */
static void
propose_journey (Maker *maker,
                 ScDay  request)
{
  ScDay decision = request + (ScDay) (chance (maker, 0.8) ? between (maker, 20, 41) : between (maker, 42, 63));
  ScDay draft;
  ScDay final;
  g_autofree char *urn = g_strdup_printf ("1%05d", between (maker, 0, 99999));

  propose (maker, SC_EVENT_REQUEST_RECEIVED, request, NULL);
  if (chance (maker, 0.12))
    {
      propose (maker, SC_EVENT_DECIDED_NOT_TO_ASSESS, decision, NULL);
      return;
    }
  propose (maker, SC_EVENT_DECIDED_TO_ASSESS, decision, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (advisers); i++)
    {
      ScDay asked = decision + (ScDay) between (maker, 0, 6);

      propose (maker, SC_EVENT_ADVICE_REQUESTED, asked, advisers[i]);
      propose (maker, SC_EVENT_ADVICE_RECEIVED,
               asked + (ScDay) (chance (maker, 0.75) ? between (maker, 14, 42) : between (maker, 43, 70)),
               advisers[i]);
    }
  if (chance (maker, 0.06))
    propose (maker, SC_EVENT_EXCEPTION_APPLIED, decision + (ScDay) between (maker, 7, 40), NULL)->reason =
      SC_EXCEPTION_PERSONAL_CIRCUMSTANCES;
  draft = request + (ScDay) (chance (maker, 0.7) ? between (maker, 84, 112) : between (maker, 113, 150));
  if (chance (maker, 0.05))
    {
      /* once the advice is in: the assessment is what shows no plan is needed */
      propose (maker, SC_EVENT_DECIDED_NOT_TO_ISSUE, MAX (draft, decision + 84), NULL);
      return;
    }
  propose (maker, SC_EVENT_DRAFT_PLAN_ISSUED, draft, NULL);
  propose (maker, SC_EVENT_CONSULTATION_SENT, draft + (ScDay) between (maker, 0, 2), urn);
  propose (maker, SC_EVENT_CONSULTATION_RESPONSE, draft + (ScDay) between (maker, 5, 20), urn);
  /* twenty weeks for most; never inside the family's 15 days on the draft */
  final = request + (ScDay) (chance (maker, 0.6) ? between (maker, 110, 140) : between (maker, 141, 200));
  final = MAX (final, draft + 16);
  propose (maker, SC_EVENT_FINAL_PLAN_ISSUED, final, NULL);

  /* a review each year, within the year of the plan or the last review */
  for (ScDay last = final;;)
    {
      ScDay meeting = sc_day_add_months (last, 12) - (ScDay) between (maker, 0, 35);
      ScDay decided = meeting + (ScDay) between (maker, 5, 28);
      double roll = g_rand_double (maker->rand);
      ScReviewOutcome outcome = roll < 0.72 ? SC_OUTCOME_MAINTAIN : roll < 0.94 ? SC_OUTCOME_AMEND : SC_OUTCOME_CEASE;

      if (meeting > maker->today)
        break;
      propose (maker, SC_EVENT_REVIEW_MEETING, meeting, NULL);
      propose (maker, SC_EVENT_REVIEW_REPORT_RECEIVED, meeting + (ScDay) between (maker, 1, 14), NULL);
      propose (maker, SC_EVENT_REVIEW_DECISION, decided, NULL)->outcome = outcome;
      if (outcome == SC_OUTCOME_AMEND)
        {
          ScDay notice = decided + (ScDay) between (maker, 0, 14);

          propose (maker, SC_EVENT_AMENDMENT_NOTICE_ISSUED, notice, NULL);
          propose (maker, SC_EVENT_AMENDED_PLAN_ISSUED, notice + (ScDay) between (maker, 16, 56), NULL);
        }
      else if (outcome == SC_OUTCOME_CEASE)
        {
          propose (maker, SC_EVENT_CEASE_DECIDED, decided, NULL);
          propose (maker, SC_EVENT_PLAN_CEASED, decided + (ScDay) between (maker, 28, 70), NULL);
          break;
        }
      last = meeting;
    }
}

static int
by_date (gconstpointer a,
         gconstpointer b)
{
  const Proposal *x = a;
  const Proposal *y = b;

  if (x->event.date != y->event.date)
    return x->event.date < y->event.date ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Records what was proposed, in date order (and within a day in the order
 * of the journey), as the case rules allow it on its day. */
static void
record (Maker *maker)
{
  g_array_sort (maker->proposed, by_date);
  for (guint i = 0; i < maker->proposed->len; i++)
    {
      const ScClockEvent *event = &g_array_index (maker->proposed, Proposal, i).event;
      g_autoptr(GError) error = NULL;

      if (event->date > maker->today)
        break;
      if (!sc_case_check_event (maker->history, event, event->date, &error) ||
          !sc_case_history_add_event (maker->history, event, &error))
        {
          char day[SC_DAY_STRING_SIZE];

          g_debug ("left out %s of %s: %s", sc_event_type_to_string (event->type), sc_day_format (event->date, day),
                   error->message);
        }
    }
}

ScCaseHistory *
scd_demo_history_new (GRand *rand,
                      ScDay  date_of_birth,
                      ScDay  request,
                      ScDay  today)
{
  g_autoptr(GStringChunk) keys = g_string_chunk_new (256);
  Maker maker = { rand, today, sc_case_history_new (), g_array_new (FALSE, TRUE, sizeof (Proposal)), keys };

  sc_case_history_set_date_of_birth (maker.history, date_of_birth);
  propose_journey (&maker, request);
  record (&maker);
  g_array_unref (maker.proposed);
  /* the history copied its keys (sc_case_history_add_event) */
  return maker.history;
}

static void
demo_case_free (gpointer data)
{
  ScdDemoCase *c = data;

  g_free (c->person);
  g_clear_pointer (&c->history, sc_case_history_unref);
  g_free (c);
}

static void
caseworker_free (gpointer data)
{
  ScdDemoCaseworker *cw = data;

  g_free (cw->username);
  g_free (cw->full_name);
  g_free (cw);
}

ScdDemoAuthority *
scd_demo_authority_new (guint32           seed,
                        guint             n_caseworkers,
                        guint             min_cases,
                        guint             max_cases,
                        ScDay             today)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GStringChunk) keys = g_string_chunk_new (256);   /* make_person() needs none */
  ScdDemoAuthority *authority = g_new0 (ScdDemoAuthority, 1);
  static const char * const sources[] = { "parent", "parent", "parent", "setting", "setting", "health",
                                          "social_care", "other" };
  guint n = 0;

  g_return_val_if_fail (n_caseworkers >= 1 && n_caseworkers <= G_N_ELEMENTS (caseworker_names), NULL);
  g_return_val_if_fail (min_cases <= max_cases, NULL);

  authority->caseworkers = g_ptr_array_new_with_free_func (caseworker_free);
  authority->cases = g_ptr_array_new_with_free_func (demo_case_free);
  for (guint i = 0; i < n_caseworkers; i++)
    {
      ScdDemoCaseworker *cw = g_new0 (ScdDemoCaseworker, 1);

      cw->username = i == 0 ? g_strdup ("caseworker") : g_strdup_printf ("cw.%u", i + 1);
      cw->full_name = g_strdup (caseworker_names[i]);
      g_ptr_array_add (authority->caseworkers, cw);
    }

  for (guint owner = 0; owner < n_caseworkers; owner++)
    {
      guint n_cases = (guint) g_rand_int_range (rand, (gint32) min_cases, (gint32) max_cases + 1);

      for (guint k = 0; k < n_cases; k++, n++)
        {
          Maker maker = { rand, today, NULL, NULL, keys };
          ScdDemoCase *c = g_new0 (ScdDemoCase, 1);
          /* three years of requests; children from 2 to 19 when asked for */
          ScDay request = today - (ScDay) g_rand_int_range (rand, 0, 3 * 365);
          ScDay date_of_birth = request - (ScDay) g_rand_int_range (rand, 2 * 365, 19 * 365);

          c->history = scd_demo_history_new (rand, date_of_birth, request, today);
          c->person = make_person (&maker, n, date_of_birth);
          c->owner = owner;
          c->request_source = sources[g_rand_int_range (rand, 0, G_N_ELEMENTS (sources))];
          g_ptr_array_add (authority->cases, c);
        }
    }
  return authority;
}

void
scd_demo_authority_free (ScdDemoAuthority *authority)
{
  if (authority == NULL)
    return;
  g_clear_pointer (&authority->caseworkers, g_ptr_array_unref);
  g_clear_pointer (&authority->cases, g_ptr_array_unref);
  g_free (authority);
}
