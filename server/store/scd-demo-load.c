/* scd-demo-load.c
 *
 * Loads the synthetic authority of scd-demo-authority.h for
 * `sendcased --demo-authority` (./demo), once, into a database that has no
 * people yet: its caseworkers as users (with the demo password), then for
 * each case its child, the case opened by its owner and every event of its
 * history recorded by its owner, through the same stores and rules as the
 * API, so that every row has its audit row and every deadline is the
 * clock's. It runs before the daemon serves, and says how far it has got.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-demo"

#include "config.h"

#include "sc-error.h"
#include "sc-institution.h"
#include "sc-person.h"
#include "scd-demo-authority.h"
#include "scd-migrate.h"
#include "scd-password.h"
#include "scd-sync.h"

/* Enough for the caseloads the issue asks for: four caseworkers, each with
 * 200 to 250 cases. */
#define DEMO_SEED          20140901u
#define DEMO_CASEWORKERS   4
#define DEMO_MIN_CASES     200
#define DEMO_MAX_CASES     250

static ScDay
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return sc_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now));
}

static gboolean
already_loaded (ScdSync  *sync,
                GError  **error)
{
  ScdStores *stores = scd_sync_get_stores (sync);
  g_autoptr(ScdActor) actor = scd_actor_new_local ("sendcased --demo-authority", "person.list", "person", TRUE);
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *cursor = NULL;

  scd_person_store_search_async (stores->people, actor, NULL, NULL, 0, 1, NULL, scd_sync_cb, sync);
  people = scd_person_store_search_finish (stores->people, scd_sync_wait (sync), &cursor, error);
  if (people == NULL)
    return TRUE;   /* with @error set */
  return people->len > 0;
}

/* The caseworkers' user ids, making the users that are missing. */
static GArray *
ensure_caseworkers (ScdSync           *sync,
                    ScdDemoAuthority  *authority,
                    GError           **error)
{
  ScdStores *stores = scd_sync_get_stores (sync);
  g_autoptr(GArray) ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(ScdActor) creator = scd_actor_new_local ("sendcased --demo-authority", "user.create", "user", FALSE);
  g_autoptr(ScdActor) reader = scd_actor_new_local ("sendcased --demo-authority", "user.list", "user", TRUE);
  ScdUserFilter filter = { "caseworker", -1, 0, 500 };
  g_autoptr(GPtrArray) users = NULL;
  g_autofree char *cursor = NULL;

  for (guint i = 0; i < authority->caseworkers->len; i++)
    {
      ScdDemoCaseworker *cw = g_ptr_array_index (authority->caseworkers, i);
      g_autofree char *hash = NULL;
      g_autoptr(ScdCreated) created = NULL;
      g_autoptr(GError) local_error = NULL;
      ScdNewUser user = { cw->username, cw->full_name, "caseworker", NULL };

      if (i == 0)
        continue;   /* "caseworker" is one of the demo users */
      if ((hash = scd_password_hash (SCD_DEMO_PASSWORD, error)) == NULL)
        return NULL;
      user.password_hash = hash;
      scd_user_store_create_async (stores->users, creator, &user, NULL, NULL, scd_sync_cb, sync);
      created = scd_user_store_create_finish (stores->users, scd_sync_wait (sync), &local_error);
      if (created == NULL && !g_error_matches (local_error, SC_ERROR, SC_ERROR_CONFLICT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  scd_user_store_list_async (stores->users, reader, &filter, NULL, scd_sync_cb, sync);
  if ((users = scd_user_store_list_finish (stores->users, scd_sync_wait (sync), &cursor, error)) == NULL)
    return NULL;
  for (guint i = 0; i < authority->caseworkers->len; i++)
    {
      ScdDemoCaseworker *cw = g_ptr_array_index (authority->caseworkers, i);
      gint64 id = 0;

      for (guint k = 0; k < users->len && id == 0; k++)
        if (g_strcmp0 (sc_user_get_username (g_ptr_array_index (users, k)), cw->username) == 0)
          id = sc_user_get_id (g_ptr_array_index (users, k));
      if (id == 0)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "demo caseworker %s is missing", cw->username);
          return NULL;
        }
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* One case: its child, the case opened on its request and every later
 * event, each as its owner. */
static gboolean
load_case (ScdSync            *sync,
           const ScdDemoCase  *demo,
           gint64              owner_id,
           const char         *owner_username,
           GError            **error)
{
  ScdStores *stores = scd_sync_get_stores (sync);
  g_autoptr(ScdActor) local = scd_actor_new_local ("sendcased --demo-authority", "person.create", "person", FALSE);
  g_autoptr(ScdActor) person_actor = scd_actor_new_as (local, owner_id, owner_username, "caseworker");
  g_autoptr(ScdActor) case_local = scd_actor_new_local ("sendcased --demo-authority", "case.create", "case", FALSE);
  g_autoptr(ScdActor) case_actor = scd_actor_new_as (case_local, owner_id, owner_username, "caseworker");
  g_autoptr(ScdActor) event_local = scd_actor_new_local ("sendcased --demo-authority", "case.event.create", "case",
                                                         FALSE);
  g_autoptr(ScdActor) event_actor = scd_actor_new_as (event_local, owner_id, owner_username, "caseworker");
  g_autoptr(JsonNode) node = json_from_string (demo->person, error);
  g_autoptr(JsonObject) input = NULL;
  g_autoptr(ScdCreated) person = NULL;
  g_autoptr(ScdCreated) created = NULL;
  const ScClockEvent *request = sc_case_history_get_event (demo->history, 0);
  gint64 person_id;
  gint64 case_id;

  if (node == NULL || (input = sc_person_check_input (json_node_get_object (node), FALSE, error)) == NULL)
    return FALSE;
  /* the demo's names repeat; their numbers do not */
  scd_person_store_create_async (stores->people, person_actor, input, TRUE, NULL, NULL, scd_sync_cb, sync);
  if ((person = scd_person_store_create_finish (stores->people, scd_sync_wait (sync), error)) == NULL)
    return FALSE;
  person_id = g_ascii_strtoll (person->resource_id, NULL, 10);

  scd_case_store_create_async (stores->cases, case_actor, person_id, owner_id, request->date,
                               demo->request_source, NULL, NULL, scd_sync_cb, sync);
  if ((created = scd_case_store_create_finish (stores->cases, scd_sync_wait (sync), error)) == NULL)
    return FALSE;
  case_id = g_ascii_strtoll (created->resource_id, NULL, 10);

  for (guint i = 1; i < sc_case_history_get_n_events (demo->history); i++)
    {
      g_autoptr(ScdCreated) event = NULL;

      scd_case_store_add_event_async (stores->cases, event_actor, case_id,
                                      sc_case_history_get_event (demo->history, i), NULL, NULL, NULL, scd_sync_cb,
                                      sync);
      event = scd_case_store_add_event_finish (stores->cases, scd_sync_wait (sync), error);
      if (event == NULL)
        return FALSE;
    }
  return TRUE;
}

/* A fictional school or college for a URN the demo consulted: its name,
 * type and phase picked by the URN, so the same URN is always the same
 * institution */
static ScInstitution *
demo_institution (gint64 urn)
{
  static const char * const places[] = {
    "Riverside", "Hillcrest", "Oakfield", "Meadow Lane", "St Anne's", "Brookside", "Elmwood", "Northgate",
    "Kingsmead", "Ashby Road", "Willow Bank", "Castle View",
  };
  static const struct { const char *kind, *type, *phase; } kinds[] = {
    { "Primary School", "Community school", "Primary" },
    { "Academy", "Academy converter", "Secondary" },
    { "Infant School", "Voluntary aided school", "Primary" },
    { "Special School", "Community special school", "Not applicable" },
    { "College", "Further education", "16 plus" },
  };
  ScInstitution *institution = sc_institution_new ();
  guint place = (guint) (urn % G_N_ELEMENTS (places));
  guint kind = (guint) ((urn / G_N_ELEMENTS (places)) % G_N_ELEMENTS (kinds));

  institution->urn = urn;
  g_free (institution->name);
  institution->name = g_strdup_printf ("%s %s", places[place], kinds[kind].kind);
  institution->type = g_strdup (kinds[kind].type);
  institution->phase = g_strdup (kinds[kind].phase);
  institution->status = g_strdup ("Open");
  institution->la_code = g_strdup ("999");
  institution->la_name = g_strdup ("Demo Borough");
  institution->town = g_strdup ("Demo Town");
  return institution;
}

/* The directory of the schools and colleges the demo's cases consulted,
 * as if loaded from GIAS (sendcasectl institutions import) */
static gboolean
load_directory (ScdSync           *sync,
                ScdDemoAuthority  *authority,
                GError           **error)
{
  ScdStores *stores = scd_sync_get_stores (sync);
  g_autoptr(ScdActor) actor = scd_actor_new_local ("sendcased --demo-authority", "institution.import", "institution",
                                                   FALSE);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_institution_free);

  for (guint i = 0; i < authority->cases->len; i++)
    {
      const ScdDemoCase *demo = g_ptr_array_index (authority->cases, i);

      for (guint k = 0; k < sc_case_history_get_n_events (demo->history); k++)
        {
          const ScClockEvent *event = sc_case_history_get_event (demo->history, k);
          ScInstitution *institution;

          if (event->type != SC_EVENT_CONSULTATION_SENT || !sc_urn_is_valid (event->key))
            continue;
          institution = demo_institution (g_ascii_strtoll (event->key, NULL, 10));
          if (g_hash_table_contains (seen, &institution->urn))
            {
              sc_institution_free (institution);
              continue;
            }
          g_ptr_array_add (batch, institution);
          g_hash_table_add (seen, &institution->urn);
        }
    }
  /* one statement for a few hundred; the import's own batches are 1,000 */
  for (guint start = 0; start < batch->len; start += 1000)
    {
      g_autoptr(GPtrArray) part = g_ptr_array_new ();
      ScdInstitutionCounts counts;

      for (guint i = start; i < MIN (batch->len, start + 1000); i++)
        g_ptr_array_add (part, g_ptr_array_index (batch, i));
      scd_institution_store_import_async (stores->institutions, actor, part, NULL, scd_sync_cb, sync);
      if (!scd_institution_store_import_finish (stores->institutions, scd_sync_wait (sync), &counts, error))
        return FALSE;
    }
  return TRUE;
}

/* Who the demo authority is, as transfer files name their sender, and
 * its funding bands */
static gboolean
load_authority (ScdSync  *sync,
                gint64    user_id,
                GError  **error)
{
  static const struct { const char *code, *description; gint64 amount; } bands[] = {
    { "A", "Light-touch support in class", 300000 },
    { "B", "Small group support", 750000 },
    { "C", "Full-time teaching assistant", 1450000 },
    { "D", "Specialist provision with therapies", 2600000 },
  };
  ScdStores *stores = scd_sync_get_stores (sync);
  g_autoptr(ScdActor) actor = scd_actor_new_local ("sendcased --demo-authority", "authority.update", "authority",
                                                   FALSE);

  scd_case_store_set_authority_async (stores->cases, actor, SCD_DEMO_AUTHORITY_CODE, SCD_DEMO_AUTHORITY_NAME, NULL,
                                      scd_sync_cb, sync);
  if (!scd_case_store_set_authority_finish (stores->cases, scd_sync_wait (sync), error))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      g_autoptr(ScFundingBand) band = sc_funding_band_new ();
      g_autoptr(ScFundingBand) written = NULL;
      g_autoptr(ScdActor) manager = scd_actor_new_as (actor, user_id, NULL, "team_manager");

      band->code = g_strdup (bands[i].code);
      band->description = g_strdup (bands[i].description);
      band->annual_amount = bands[i].amount;
      band->valid_from = sc_day_from_ymd (2024, 4, 1);
      scd_funding_band_store_put_async (stores->funding_bands, manager, band, 0, NULL, scd_sync_cb, sync);
      written = scd_funding_band_store_put_finish (stores->funding_bands, scd_sync_wait (sync), NULL, error);
      if (written == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
scd_demo_authority_load (const char  *conninfo,
                         GError     **error)
{
  g_autoptr(ScdDemoAuthority) authority =
    scd_demo_authority_new (DEMO_SEED, DEMO_CASEWORKERS, DEMO_MIN_CASES, DEMO_MAX_CASES, today ());

  return scd_demo_authority_load_into (conninfo, authority, error);
}

gboolean
scd_demo_authority_load_into (const char        *conninfo,
                              ScdDemoAuthority  *authority,
                              GError           **error)
{
  g_autoptr(ScdSync) sync = scd_sync_new (conninfo, error);
  g_autoptr(GArray) owners = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 started = g_get_monotonic_time ();

  if (sync == NULL)
    return FALSE;
  if (already_loaded (sync, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }

  if ((owners = ensure_caseworkers (sync, authority, error)) == NULL)
    return FALSE;
  g_message ("loading the demo authority: %u cases for %u caseworkers", authority->cases->len,
             authority->caseworkers->len);
  for (guint i = 0; i < authority->cases->len; i++)
    {
      const ScdDemoCase *demo = g_ptr_array_index (authority->cases, i);
      const ScdDemoCaseworker *owner = g_ptr_array_index (authority->caseworkers, demo->owner);

      if (!load_case (sync, demo, g_array_index (owners, gint64, demo->owner), owner->username, error))
        {
          g_prefix_error (error, "demo case %u of %u: ", i + 1, authority->cases->len);
          return FALSE;
        }
      if ((i + 1) % 100 == 0)
        g_message ("demo authority: %u of %u cases loaded", i + 1, authority->cases->len);
    }
  if (!load_directory (sync, authority, error))
    {
      g_prefix_error (error, "demo institutions: ");
      return FALSE;
    }
  if (!load_authority (sync, g_array_index (owners, gint64, 0), error))
    {
      g_prefix_error (error, "demo authority: ");
      return FALSE;
    }
  g_message ("demo authority loaded: %u cases in %.0f s", authority->cases->len,
             (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  return TRUE;
}
