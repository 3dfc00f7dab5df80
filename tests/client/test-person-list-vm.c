/* test-person-list-vm.c
 *
 * The People page's view models without a display, against the real
 * sendcased and its demo users, signed in as the caseworker. People are
 * recorded through SccPersonFormVm; then the search (SccPersonListVm)
 * finds them by the start of a name in any case and without its accents,
 * by UPN, by NHS number typed with spaces, and by date of birth, and a
 * search typed keystroke by keystroke runs once, after the pause. The
 * form refuses a bad NHS number before sending, in the daemon's words
 * beside the field; a second person with the same names and date of birth
 * comes back as a possible duplicate naming the first, and is recorded
 * once confirmed a different person; an identifier already recorded is
 * refused beside its field; a change sends only what changed; and a
 * change someone else made meanwhile is read back into the form. Every
 * contact is edited: two recorded, both read back into the form, a third
 * added and the first removed, and the server's list is then the second
 * and the third; an error in the second contact is refused beside its
 * field, contacts[1].phone. The formats of the list are checked last.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "sc-error.h"
#include "sc-problem.h"
#include "sc-test-daemon.h"

#include "scc-api-client.h"
#include "scc-client-test.h"
#include "scc-person-forms.h"
#include "scc-person-list-vm.h"

static ScTestDaemon *daemon_;
static char *data_dir;

typedef struct
{
  SccApiClient    *client;
  SccPersonListVm *people;
  SccPersonFormVm *form;
  guint            n_reloads;
} Fixture;

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static gboolean
result_ready (gpointer user_data)
{
  return *(GAsyncResult **)user_data != NULL;
}

static gboolean
list_settled (gpointer user_data)
{
  return scc_list_vm_get_loaded (SCC_LIST_VM (user_data)) && !scc_list_vm_get_loading (SCC_LIST_VM (user_data)) &&
         !scc_list_vm_get_query_pending (SCC_LIST_VM (user_data));
}

static gboolean
form_settled (gpointer user_data)
{
  SccPersonFormVm *form = user_data;

  return !scc_form_vm_get_busy (SCC_FORM_VM (form));
}

static gboolean
duplicate_read (gpointer user_data)
{
  return scc_person_form_vm_get_duplicate (user_data) != NULL;
}

static void
on_loading_cb (SccListVm  *list,
               GParamSpec *pspec,
               Fixture    *fixture)
{
  if (scc_list_vm_get_loading (list))
    fixture->n_reloads++;
}

static void
fill (SccPersonFormVm    *form,
      const char * const *pairs)
{
  for (guint i = 0; pairs[i] != NULL; i += 2)
    {
      guint contact;

      /* "contacts[N].member": the form has contact N (Add Contact). */
      if (sscanf (pairs[i], "contacts[%u]", &contact) == 1 &&
          scc_form_vm_get_group_size (SCC_FORM_VM (form), "contacts") <= contact)
        scc_form_vm_set_group_size (SCC_FORM_VM (form), "contacts", contact + 1);
      scc_form_vm_set_value (SCC_FORM_VM (form), pairs[i], pairs[i + 1]);
    }
}

static ScPerson *
record (Fixture            *fixture,
        const char * const *pairs)
{
  scc_person_form_vm_set_person (fixture->form, NULL);
  scc_form_vm_clear (SCC_FORM_VM (fixture->form));
  fill (fixture->form, pairs);
  g_assert_true (scc_form_vm_submit (SCC_FORM_VM (fixture->form)));
  scc_test_wait_until (form_settled, fixture->form, 30);
  g_assert_null (scc_form_vm_get_error_message (SCC_FORM_VM (fixture->form)));
  g_assert_nonnull (scc_person_form_vm_get_created (fixture->form));
  return scc_person_form_vm_get_created (fixture->form);
}

static const char * const zoe[] = {
  "given_name", "Zoë", "family_name", "O'Brien", "preferred_name", "Zo", "date_of_birth", "2016-04-01",
  "sex", "female", "upn", "B801200005001", "nhs_number", "943 476 5919",
  "address.lines[0]", "1 High Street", "address.town", "Leeds", "address.postcode", "ls1 1aa",
  "languages", "English, Irish",
  "contacts[0].name", "Ann O'Brien", "contacts[0].relationship", "mother", "contacts[0].email", "ann@example.org",
  "contacts[0].preferred_contact", "email", "contacts[0].parental_responsibility", "true",
  NULL
};

static const char * const other[] = {
  "given_name", "Zoe", "family_name", "Smith", "date_of_birth", "2012-09-15", NULL
};

static void
sign_in_as (SccApiClient *client,
            const char   *username)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ScSession) session = NULL;
  g_autoptr(GError) error = NULL;

  scc_api_client_sign_in_async (client, username, SC_TEST_DEMO_PASSWORD, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  session = scc_api_client_sign_in_finish (client, result, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  static gboolean recorded;

  fixture->client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  sign_in_as (fixture->client, "caseworker");
  fixture->people = scc_person_list_vm_new (fixture->client);
  fixture->form = scc_person_form_vm_new (fixture->client);
  g_signal_connect (fixture->people, "notify::loading", G_CALLBACK (on_loading_cb), fixture);
  if (!recorded)
    {
      ScPerson *person;

      recorded = TRUE;
      person = record (fixture, zoe);
      g_assert_cmpstr (sc_person_get_nhs_number (person), ==, "9434765919");
      g_assert_cmpstr (sc_person_get_postcode (person), ==, "LS1 1AA");
      g_assert_cmpuint (g_strv_length ((char **)sc_person_get_languages (person)), ==, 2);
      g_assert_cmpuint (sc_person_get_contacts (person)->len, ==, 1);
      record (fixture, other);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->form);
  g_assert_finalize_object (fixture->people);
  g_assert_finalize_object (fixture->client);
}

#define assert_found(fixture, q, expected) \
  G_STMT_START { \
    g_autofree char *_found = search ((fixture), (q)); \
    g_assert_cmpstr (_found, ==, (expected)); \
  } G_STMT_END

/* The family names found for @q, in order, joined by commas. */
static char *
search (Fixture    *fixture,
        const char *q)
{
  GListModel *list = G_LIST_MODEL (fixture->people);
  g_autoptr(GString) names = g_string_new ("");

  scc_list_vm_set_query (SCC_LIST_VM (fixture->people), q);
  if (!scc_list_vm_get_loaded (SCC_LIST_VM (fixture->people)))
    scc_list_vm_reload (SCC_LIST_VM (fixture->people));
  scc_test_wait_until (list_settled, fixture->people, 30);
  g_assert_null (scc_list_vm_get_error (SCC_LIST_VM (fixture->people)));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ScPerson) person = g_list_model_get_item (list, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "," : "", sc_person_get_family_name (person));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *zo = NULL;

  /* Any case, no accents: "zoe" is the start of Zoë and of Zoe. */
  zo = search (fixture, "zoe");
  g_assert_true (g_str_equal (zo, "O'Brien,Smith") || g_str_equal (zo, "Smith,O'Brien"));
  assert_found (fixture, "O'BRI", "O'Brien");
  assert_found (fixture, "smi", "Smith");
  assert_found (fixture, "B801200005001", "O'Brien");
  assert_found (fixture, "943 476 5919", "O'Brien");
  assert_found (fixture, "2012-09-15", "Smith");
  assert_found (fixture, "nobody", "");
  g_assert_true (scc_list_vm_get_empty (SCC_LIST_VM (fixture->people)));
}

static void
test_typed (Fixture       *fixture,
            gconstpointer  user_data)
{
  const char *typed[] = { "s", "sm", "smi", "smit" };
  GListModel *list = G_LIST_MODEL (fixture->people);
  g_autoptr(ScPerson) first = NULL;

  g_free (search (fixture, NULL));
  fixture->n_reloads = 0;
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      scc_list_vm_set_query_typed (SCC_LIST_VM (fixture->people), typed[i]);
      scc_test_run_for (50);
    }
  g_assert_true (scc_list_vm_get_query_pending (SCC_LIST_VM (fixture->people)));
  g_assert_cmpstr (scc_list_vm_get_query (SCC_LIST_VM (fixture->people)), ==, "smit");
  g_assert_cmpuint (fixture->n_reloads, ==, 0);
  scc_test_wait_until (list_settled, fixture->people, 30);
  /* One search, for what was typed last. */
  g_assert_cmpuint (fixture->n_reloads, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (sc_person_get_family_name (first), ==, "Smith");

  /* Enter while a typed search waits searches now, once. */
  fixture->n_reloads = 0;
  scc_list_vm_set_query_typed (SCC_LIST_VM (fixture->people), "nobody at all");
  g_assert_true (scc_list_vm_get_query_pending (SCC_LIST_VM (fixture->people)));
  scc_list_vm_set_query (SCC_LIST_VM (fixture->people), "nobody at all");
  g_assert_false (scc_list_vm_get_query_pending (SCC_LIST_VM (fixture->people)));
  g_assert_cmpuint (fixture->n_reloads, ==, 1);
  scc_test_wait_until (list_settled, fixture->people, 30);
  scc_test_run_for (SCC_LIST_VM_TYPING_MS + 100);
  g_assert_cmpuint (fixture->n_reloads, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

static void
test_client_rules (Fixture       *fixture,
                   gconstpointer  user_data)
{
  SccFormVm *form = SCC_FORM_VM (fixture->form);

  fill (fixture->form, (const char *[]) { "given_name", "Bad", "family_name", "Number",
                                          "date_of_birth", "2015-01-01", "nhs_number", "943 476 5918", NULL });
  /* Refused before anything is sent: nothing is busy. */
  g_assert_false (scc_form_vm_submit (form));
  g_assert_false (scc_form_vm_get_busy (form));
  g_assert_nonnull (scc_form_vm_get_field_error (form, "nhs_number"));
  g_assert_null (scc_form_vm_get_field_error (form, "given_name"));

  /* The daemon's own words for the same input. */
  {
    g_autoptr(JsonObject) input = json_object_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) checked = NULL;

    json_object_set_string_member (input, "given_name", "Bad");
    json_object_set_string_member (input, "family_name", "Number");
    json_object_set_string_member (input, "date_of_birth", "2015-01-01");
    json_object_set_string_member (input, "nhs_number", "943 476 5918");
    checked = sc_person_check_input (input, FALSE, &error);
    g_assert_null (checked);
    g_assert_cmpstr (scc_form_vm_get_field_error (form, "nhs_number"), ==,
                     sc_problem_lookup_field (sc_error_get_problem (error), "nhs_number"));
  }

  /* A missing name and a date in the future, beside theirs. */
  scc_form_vm_clear (form);
  fill (fixture->form, (const char *[]) { "family_name", "Later", "date_of_birth", "2999-01-01", NULL });
  g_assert_false (scc_form_vm_submit (form));
  g_assert_nonnull (scc_form_vm_get_field_error (form, "given_name"));
  g_assert_nonnull (scc_form_vm_get_field_error (form, "date_of_birth"));
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  user_data)
{
  SccFormVm *form = SCC_FORM_VM (fixture->form);
  ScPerson *created;

  fill (fixture->form, (const char *[]) { "given_name", "Zoë", "family_name", "O'Brien",
                                          "date_of_birth", "2016-04-01", NULL });
  g_assert_true (scc_form_vm_submit (form));
  scc_test_wait_until (duplicate_read, fixture->form, 30);
  g_assert_null (scc_person_form_vm_get_created (fixture->form));
  g_assert_cmpstr (scc_person_form_vm_get_duplicate_message (fixture->form), ==,
                   "Zoë O'Brien, born 1 April 2016, is already recorded.");
  g_assert_cmpstr (sc_person_get_upn (scc_person_form_vm_get_duplicate (fixture->form)), ==, "B801200005001");
  g_assert_true (g_str_has_prefix (scc_form_vm_get_field_error (form, "date_of_birth"), "matches person "));

  /* A different person: recorded, once. */
  g_assert_true (scc_person_form_vm_confirm_different (fixture->form));
  scc_test_wait_until (form_settled, fixture->form, 30);
  created = scc_person_form_vm_get_created (fixture->form);
  g_assert_nonnull (created);
  g_assert_cmpint (sc_person_get_id (created), !=,
                   0);
  g_assert_null (scc_person_form_vm_get_duplicate (fixture->form));

  /* An identifier names one person only: no confirming that away. */
  fill (fixture->form, (const char *[]) { "given_name", "Someone", "family_name", "Else",
                                          "date_of_birth", "2013-03-03", "upn", "B801200005001", NULL });
  g_assert_true (scc_form_vm_submit (form));
  scc_test_wait_until (form_settled, fixture->form, 30);
  g_assert_true (g_str_has_prefix (scc_form_vm_get_field_error (form, "upn"), "matches person "));
  g_assert_null (scc_person_form_vm_get_duplicate (fixture->form));
}

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  user_data)
{
  SccFormVm *form = SCC_FORM_VM (fixture->form);
  GListModel *list = G_LIST_MODEL (fixture->people);
  g_autoptr(ScPerson) smith = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ScPerson) theirs = NULL;
  g_autoptr(JsonObject) change = json_object_new ();
  g_autoptr(GError) error = NULL;
  gint64 version;

  g_free (search (fixture, "smith"));
  smith = g_list_model_get_item (list, 0);
  scc_person_form_vm_set_person (fixture->form, smith);
  g_assert_cmpstr (scc_form_vm_get_value (form, "given_name"), ==, "Zoe");

  /* Nothing changed: nothing sent. */
  g_assert_false (scc_form_vm_submit (form));
  g_assert_cmpstr (scc_form_vm_get_notice (form), ==, "Nothing has changed.");

  /* A town alone is no address: the lines are needed, beside the first. */
  scc_form_vm_set_value (form, "address.town", "York");
  g_assert_false (scc_form_vm_submit (form));
  g_assert_cmpstr (scc_form_field_get_name (scc_form_vm_get_first_error (form)), ==, "address.lines[0]");
  scc_form_vm_set_value (form, "address.lines[0]", "2 Low Road");
  g_assert_true (scc_form_vm_submit (form));
  scc_test_wait_until (form_settled, fixture->form, 30);
  g_assert_null (scc_form_vm_get_error_message (form));
  g_assert_cmpstr (sc_person_get_town (scc_person_form_vm_get_person (fixture->form)), ==, "York");
  version = sc_person_get_version (scc_person_form_vm_get_person (fixture->form));
  g_assert_cmpint (version, >, sc_person_get_version (smith));

  /* Someone else changes the person meanwhile: their version comes back. */
  json_object_set_string_member (change, "preferred_name", "Zed");
  scc_api_client_update_person_async (fixture->client, scc_person_form_vm_get_person (fixture->form), change,
                                      NULL, updated_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  theirs = scc_api_client_update_person_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  scc_form_vm_set_value (form, "given_name", "Zoey");
  g_assert_true (scc_form_vm_submit (form));
  scc_test_wait_until (form_settled, fixture->form, 30);
  scc_test_run_for (500);
  g_assert_cmpstr (scc_form_vm_get_value (form, "preferred_name"), ==, "Zed");
  g_assert_cmpstr (scc_form_vm_get_value (form, "given_name"), ==, "Zoe");
  g_assert_nonnull (strstr (scc_form_vm_get_notice (form), "Someone else changed this person"));
}

static void
assert_contact_names (ScPerson   *person,
                      const char *expected)
{
  GPtrArray *contacts = sc_person_get_contacts (person);
  g_autoptr(GString) names = g_string_new ("");

  for (guint i = 0; i < contacts->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "," : "",
                            ((ScPersonContact *)g_ptr_array_index (contacts, i))->name);
  g_assert_cmpstr (names->str, ==, expected);
}

static void
test_contacts (Fixture       *fixture,
               gconstpointer  user_data)
{
  SccFormVm *form = SCC_FORM_VM (fixture->form);
  g_autoptr(ScPerson) recorded = NULL;
  g_autoptr(ScPerson) read = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) removed = NULL;
  const ScPersonContact *second;

  recorded = g_object_ref (record (fixture, (const char *[]) {
    "given_name", "Kit", "family_name", "Two-Parents", "date_of_birth", "2017-05-05",
    "contacts[0].name", "Ann Parent", "contacts[0].phone", "0113 496 0000",
    "contacts[0].preferred_contact", "phone", "contacts[0].parental_responsibility", "true",
    "contacts[1].name", "Ben Parent", "contacts[1].email", "ben@example.org",
    "contacts[1].relationship", "father", NULL }));
  assert_contact_names (recorded, "Ann Parent,Ben Parent");

  /* Read back: both in the form. */
  scc_person_form_vm_set_person (fixture->form, recorded);
  g_assert_cmpuint (scc_form_vm_get_group_size (form, "contacts"), ==, 2);
  g_assert_cmpstr (scc_form_vm_get_value (form, "contacts[0].parental_responsibility"), ==, "true");
  g_assert_cmpstr (scc_form_vm_get_value (form, "contacts[1].email"), ==, "ben@example.org");

  /* A third with a phone one digit short: refused beside it, nothing sent. */
  g_assert_true (scc_form_vm_insert_group_item (form, "contacts", 2, NULL));
  scc_form_vm_set_value (form, "contacts[2].name", "Cal Carer");
  scc_form_vm_set_value (form, "contacts[2].phone", "12345");
  g_assert_false (scc_form_vm_submit (form));
  g_assert_cmpstr (scc_form_field_get_name (scc_form_vm_get_first_error (form)), ==, "contacts[2].phone");

  /* The first removed: the error moves with its contact, to [1]. */
  removed = scc_form_vm_remove_group_item (form, "contacts", 0);
  g_assert_cmpstr (removed[0], ==, "Ann Parent");
  g_assert_nonnull (scc_form_vm_get_field_error (form, "contacts[1].phone"));
  scc_form_vm_set_value (form, "contacts[1].phone", "+44 113 496 0001");
  g_assert_true (scc_form_vm_submit (form));
  scc_test_wait_until (form_settled, fixture->form, 30);
  g_assert_null (scc_form_vm_get_error_message (form));
  assert_contact_names (scc_person_form_vm_get_person (fixture->form), "Ben Parent,Cal Carer");

  /* As the server has it. */
  scc_api_client_get_person_async (fixture->client, sc_person_get_id (recorded), NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  read = scc_api_client_get_person_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  assert_contact_names (read, "Ben Parent,Cal Carer");
  second = g_ptr_array_index (sc_person_get_contacts (read), 1);
  g_assert_cmpstr (second->phone, ==, "+44 113 496 0001");
  g_assert_false (second->parental_responsibility);

  /* An empty contact is refused beside its name, not dropped. */
  g_assert_true (scc_form_vm_insert_group_item (form, "contacts", 0, NULL));
  g_assert_false (scc_form_vm_submit (form));
  g_assert_cmpstr (scc_form_field_get_name (scc_form_vm_get_first_error (form)), ==, "contacts[0].name");
}

static void
test_formats (void)
{
  g_autoptr(ScPerson) person = sc_person_new (1, "Zoë", "O'Brien", "2016-04-01");
  g_autofree char *name = NULL;
  g_autofree char *preferred = NULL;
  g_autofree char *date = scc_person_format_date ("2016-04-01");
  g_autofree char *nhs = scc_person_format_nhs_number ("9434765919");
  g_autofree char *age = NULL;
  g_autofree char *before_birthday = NULL;
  GDate today;

  name = scc_person_format_list_name (person);
  g_assert_cmpstr (name, ==, "O'Brien, Zoë");
  sc_person_set_preferred_name (person, "Zo");
  preferred = scc_person_format_list_name (person);
  g_assert_cmpstr (preferred, ==, "O'Brien, Zoë (Zo)");
  g_assert_cmpstr (date, ==, "1 April 2016");
  g_assert_cmpstr (nhs, ==, "943 476 5919");
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_APRIL, 2026);
  age = scc_person_format_age ("2016-04-01", &today);
  g_assert_cmpstr (age, ==, "10");
  g_date_set_dmy (&today, 31, G_DATE_MARCH, 2026);
  before_birthday = scc_person_format_age ("2016-04-01", &today);
  g_assert_cmpstr (before_birthday, ==, "9");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/client/person-list-vm/search", test_search);
  ADD ("/client/person-list-vm/typed", test_typed);
  ADD ("/client/person-list-vm/client-rules", test_client_rules);
  ADD ("/client/person-list-vm/duplicate", test_duplicate);
  ADD ("/client/person-list-vm/edit", test_edit);
  ADD ("/client/person-list-vm/contacts", test_contacts);
  g_test_add_func ("/client/person-list-vm/formats", test_formats);

  return scc_test_run_with_daemon ("scc-person-list-vm-XXXXXX", (const char *[]) { "--demo-data", NULL }, NULL,
                                   NULL, &daemon_, &data_dir);
}
