/* test-people.c
 *
 * The people of /api/v1/people against a real daemon and database: a
 * create with every field read back; every refused field a 422 naming it
 * that writes nothing; the duplicate check (a 409 naming the match, the
 * confirmation that records someone else anyway, identifiers unique
 * whatever); search by name prefixes whatever the case and accents, by
 * UPN, NHS number with spaces and date of birth, page by page; a change
 * with If-Match (stale 412, contacts replaced); a replayed create; who may
 * do what; and a name search among 150,000 people answered from the
 * index of the names' words, which follow the names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef ScTestServer Fixture;

static const char full_body[] =
  "{\"given_name\":\"Zoë\",\"family_name\":\"O'Brien\",\"preferred_name\":\"Zo\","
  "\"date_of_birth\":\"2016-04-01\",\"sex\":\"female\",\"upn\":\"B801200005001\",\"uln\":\"9276308686\","
  "\"nhs_number\":\"943 476 5919\","
  "\"address\":{\"lines\":[\"1 High Street\",\"Flat 2\"],\"town\":\"Leeds\",\"postcode\":\"ls1 1aa\"},"
  "\"languages\":[\"English\",\"Irish\"],"
  "\"contacts\":[{\"name\":\"Ann O'Brien\",\"relationship\":\"mother\",\"phone\":\"0113 496 0000\","
  "\"email\":\"ann@example.org\",\"preferred_contact\":\"email\",\"parental_responsibility\":true},"
  "{\"name\":\"Sam Lee\",\"relationship\":\"social worker\",\"preferred_contact\":\"post\"}]}";

static char *
count_people (Fixture *fixture)
{
  return sc_test_psql (fixture->cluster, "SELECT count(*) || '/' || (SELECT count(*) FROM person_contact) FROM person");
}

static JsonObject *
object_of (ScTestResponse *response)
{
  g_assert_nonnull (response->json);
  return json_node_get_object (response->json);
}

static ScTestResponse *
create (Fixture    *fixture,
        const char *token,
        const char *body)
{
  return sc_test_authed (fixture->daemon, token, "POST", "/api/v1/people", body, NULL);
}

static gint64
create_ok (Fixture    *fixture,
           const char *token,
           const char *body)
{
  g_autoptr(ScTestResponse) r = create (fixture, token, body);

  if (r->status != 201)
    g_error ("create answered %u: %s", r->status, (const char *) g_bytes_get_data (r->body, NULL));
  return sc_test_response_get_int (r, "id");
}

/* The ids of a page, "1,2,3", and its next_cursor (or NULL) */
static char *
ids_of (ScTestResponse  *response,
        char           **next_cursor)
{
  JsonObject *page = object_of (response);
  JsonArray *items = json_object_get_array_member (page, "items");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (items); i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            json_object_get_int_member (json_array_get_object_element (items, i), "id"));
  if (next_cursor != NULL)
    *next_cursor = g_strdup (json_object_get_null_member (page, "next_cursor") ? NULL :
                             json_object_get_string_member (page, "next_cursor"));
  return g_string_free (out, FALSE);
}

static char *
search (Fixture    *fixture,
        const char *token,
        const char *query)
{
  g_autofree char *escaped = g_uri_escape_string (query, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/api/v1/people?q=", escaped, NULL);
  g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  return ids_of (r, NULL);
}

static void
test_create_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autoptr(ScTestResponse) created = create (fixture, token, full_body);
  g_autoptr(ScTestResponse) read = NULL;
  g_autofree char *path = NULL;
  JsonObject *person;
  JsonObject *address;
  JsonArray *contacts;
  JsonObject *first;
  JsonObject *second;

  g_assert_cmpuint (created->status, ==, 201);
  g_assert_cmpstr (soup_message_headers_get_one (created->headers, "ETag"), ==, "\"1\"");
  path = g_strdup_printf ("/api/v1/people/%" G_GINT64_FORMAT, sc_test_response_get_int (created, "id"));
  g_assert_cmpstr (soup_message_headers_get_one (created->headers, "Location"), ==, path);

  read = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);
  g_assert_cmpuint (read->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (read->headers, "ETag"), ==, "\"1\"");
  /* the same answer both times */
  g_assert_true (json_node_equal (created->json, read->json));

  person = object_of (read);
  g_assert_cmpstr (json_object_get_string_member (person, "given_name"), ==, "Zoë");
  g_assert_cmpstr (json_object_get_string_member (person, "family_name"), ==, "O'Brien");
  g_assert_cmpstr (json_object_get_string_member (person, "preferred_name"), ==, "Zo");
  g_assert_cmpstr (json_object_get_string_member (person, "date_of_birth"), ==, "2016-04-01");
  g_assert_cmpstr (json_object_get_string_member (person, "sex"), ==, "female");
  g_assert_cmpstr (json_object_get_string_member (person, "upn"), ==, "B801200005001");
  g_assert_cmpstr (json_object_get_string_member (person, "uln"), ==, "9276308686");
  /* stored without its spaces */
  g_assert_cmpstr (json_object_get_string_member (person, "nhs_number"), ==, "9434765919");
  g_assert_cmpint (json_object_get_int_member (person, "version"), ==, 1);
  address = json_object_get_object_member (person, "address");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (address, "lines")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (address, "lines"), 1), ==, "Flat 2");
  g_assert_cmpstr (json_object_get_string_member (address, "town"), ==, "Leeds");
  g_assert_cmpstr (json_object_get_string_member (address, "postcode"), ==, "LS1 1AA");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (person, "languages"), 1), ==,
                   "Irish");
  contacts = json_object_get_array_member (person, "contacts");
  g_assert_cmpuint (json_array_get_length (contacts), ==, 2);
  first = json_array_get_object_element (contacts, 0);
  second = json_array_get_object_element (contacts, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Ann O'Brien");
  g_assert_cmpstr (json_object_get_string_member (first, "email"), ==, "ann@example.org");
  g_assert_cmpstr (json_object_get_string_member (first, "phone"), ==, "0113 496 0000");
  g_assert_cmpstr (json_object_get_string_member (first, "preferred_contact"), ==, "email");
  g_assert_true (json_object_get_boolean_member (first, "parental_responsibility"));
  g_assert_cmpstr (json_object_get_string_member (second, "relationship"), ==, "social worker");
  g_assert_true (json_object_get_null_member (second, "email"));
  g_assert_false (json_object_get_boolean_member (second, "parental_responsibility"));

  /* the least a record needs: the rest null or empty */
  {
    g_autoptr(ScTestResponse) r = create (fixture, token, "{\"given_name\":\"Amir\",\"family_name\":\"Khan\","
                                                          "\"date_of_birth\":\"2020-02-29\"}");
    JsonObject *least = object_of (r);

    g_assert_cmpuint (r->status, ==, 201);
    g_assert_true (json_object_get_null_member (least, "address"));
    g_assert_true (json_object_get_null_member (least, "upn"));
    g_assert_true (json_object_get_null_member (least, "sex"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (least, "contacts")), ==, 0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (least, "languages")), ==, 0);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/people/999999", NULL, NULL);

    g_assert_cmpuint (r->status, ==, 404);
  }
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) long_ago = g_date_time_add_years (now, -26);
  g_autofree char *tomorrow = g_date_time_format (later, "%Y-%m-%d");
  g_autofree char *aged_out = g_date_time_format (long_ago, "%Y-%m-%d");
  g_autofree char *before = count_people (fixture);
  g_autofree char *future_body = g_strdup_printf ("{\"date_of_birth\":\"%s\"}", tomorrow);
  g_autofree char *old_body = g_strdup_printf ("{\"date_of_birth\":\"%s\"}", aged_out);
  /* a member (or a few) over a valid person, and the field the 422 names */
  const struct {
    const char *members;
    const char *field;
  } cases[] = {
    { "{\"upn\":\"B801200005002\"}", "upn" },
    { "{\"upn\":\"b801200005001\"}", "upn" },
    { "{\"uln\":\"9276308687\"}", "uln" },
    { "{\"uln\":\"92763\"}", "uln" },
    { "{\"nhs_number\":\"943 476 5918\"}", "nhs_number" },
    { "{\"nhs_number\":\"94347659\"}", "nhs_number" },
    { "{\"date_of_birth\":\"2016-02-30\"}", "date_of_birth" },
    { "{\"date_of_birth\":\"1 April 2016\"}", "date_of_birth" },
    { future_body, "date_of_birth" },
    { old_body, "date_of_birth" },
    { "{\"given_name\":\"  \"}", "given_name" },
    { "{\"family_name\":\"\"}", "family_name" },
    { "{\"given_name\":\"a\\u0007b\"}", "given_name" },
    { "{\"sex\":\"F\"}", "sex" },
    { "{\"address\":{\"lines\":[],\"postcode\":\"LS1 1AA\"}}", "address.lines" },
    { "{\"address\":{\"lines\":[\"1 Road\"],\"postcode\":\"NOT A CODE\"}}", "address.postcode" },
    { "{\"contacts\":[{\"name\":\"Ann\",\"email\":\"ann.example.org\"}]}", "contacts[0].email" },
    { "{\"contacts\":[{\"name\":\"Ann\"},{\"name\":\"Bo\",\"phone\":\"12\"}]}", "contacts[1].phone" },
    { "{\"contacts\":[{\"name\":\"Ann\",\"preferred_contact\":\"phone\"}]}", "contacts[0].preferred_contact" },
    { "{\"contacts\":[{\"relationship\":\"aunt\"}]}", "contacts[0].name" },
    { "{\"nickname\":\"Zed\"}", "nickname" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonParser) extra = json_parser_new ();
      g_autoptr(JsonNode) merged = NULL;
      g_autofree char *body = NULL;
      g_autoptr(ScTestResponse) r = NULL;
      g_autofree char *after = NULL;
      JsonObject *base;
      JsonArray *errors;
      gboolean named = FALSE;

      g_assert_true (json_parser_load_from_data (parser, full_body, -1, NULL));
      g_assert_true (json_parser_load_from_data (extra, cases[i].members, -1, NULL));
      merged = json_node_copy (json_parser_get_root (parser));
      base = json_node_get_object (merged);
      {
        JsonObject *add = json_node_get_object (json_parser_get_root (extra));
        g_autoptr(GList) names = json_object_get_members (add);

        for (GList *l = names; l != NULL; l = l->next)
          json_object_set_member (base, l->data, json_node_copy (json_object_get_member (add, l->data)));
      }
      body = json_to_string (merged, FALSE);
      r = create (fixture, token, body);
      if (r->status != 422)
        g_error ("%s answered %u, not 422", cases[i].members, r->status);
      errors = json_object_get_array_member (object_of (r), "errors");
      for (guint e = 0; e < json_array_get_length (errors); e++)
        named |= g_str_equal (json_object_get_string_member (json_array_get_object_element (errors, e), "field"),
                              cases[i].field);
      if (!named)
        g_error ("%s: the 422 does not name %s: %s", cases[i].members, cases[i].field,
                 (const char *) g_bytes_get_data (r->body, NULL));
      after = count_people (fixture);
      g_assert_cmpstr (after, ==, before);
    }

  /* a create needs the names and the date of birth, and says so for each */
  {
    g_autoptr(ScTestResponse) r = create (fixture, token, "{}");
    JsonArray *errors = json_object_get_array_member (object_of (r), "errors");

    g_assert_cmpuint (r->status, ==, 422);
    g_assert_cmpuint (json_array_get_length (errors), ==, 3);
  }
}

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 first = create_ok (fixture, token, full_body);
  g_autofree char *before = count_people (fixture);
  g_autofree char *matches = g_strdup_printf ("matches person %" G_GINT64_FORMAT, first);
  g_autofree char *named = g_strdup_printf ("person %" G_GINT64_FORMAT " ", first);
#define NEAR "{\"given_name\":\"ZOE\",\"family_name\":\"o'brien\",\"date_of_birth\":\"2016-04-01\"%s}"

  /* the same names, case and accents aside, and date of birth */
  {
    g_autofree char *body = g_strdup_printf (NEAR, "");
    g_autoptr(ScTestResponse) r = create (fixture, token, body);
    JsonArray *errors = json_object_get_array_member (object_of (r), "errors");
    g_autofree char *after = count_people (fixture);

    g_assert_cmpuint (r->status, ==, 409);
    g_assert_cmpstr (sc_test_response_get_string (r, "code"), ==, "conflict");
    g_assert_true (g_str_has_prefix (sc_test_response_get_string (r, "detail"), named));
    g_assert_nonnull (strstr (sc_test_response_get_string (r, "detail"), "confirm_different_person"));
    g_assert_cmpuint (json_array_get_length (errors), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "field"), ==,
                     "given_name");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 2), "field"), ==,
                     "date_of_birth");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "message"), ==,
                     matches);
    g_assert_cmpstr (after, ==, before);
  }
  /* someone else after all */
  {
    g_autofree char *body = g_strdup_printf (NEAR, ",\"confirm_different_person\":true");
    g_autoptr(ScTestResponse) r = create (fixture, token, body);

    g_assert_cmpuint (r->status, ==, 201);
    g_assert_cmpint (sc_test_response_get_int (r, "id"), !=, first);
  }
  /* an identifier names one person, confirmed or not */
  {
    const char *bodies[] = {
      "{\"given_name\":\"Other\",\"family_name\":\"Child\",\"date_of_birth\":\"2012-01-01\","
      "\"upn\":\"B801200005001\",\"confirm_different_person\":true}",
      "{\"given_name\":\"Other\",\"family_name\":\"Child\",\"date_of_birth\":\"2012-01-01\","
      "\"nhs_number\":\"9434765919\",\"confirm_different_person\":true}",
      "{\"given_name\":\"Other\",\"family_name\":\"Child\",\"date_of_birth\":\"2012-01-01\","
      "\"uln\":\"9276308686\"}",
    };
    const char *fields[] = { "upn", "nhs_number", "uln" };

    g_free (before);
    before = count_people (fixture);
    for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
      {
        g_autoptr(ScTestResponse) r = create (fixture, token, bodies[i]);
        JsonArray *errors = json_object_get_array_member (object_of (r), "errors");
        g_autofree char *after = count_people (fixture);

        g_assert_cmpuint (r->status, ==, 409);
        g_assert_true (g_str_has_prefix (sc_test_response_get_string (r, "detail"), named));
        g_assert_cmpuint (json_array_get_length (errors), ==, 1);
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "field"), ==,
                         fields[i]);
        g_assert_cmpstr (after, ==, before);
      }
  }
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  g_autofree char *writer = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 zoe = create_ok (fixture, writer, full_body);
  gint64 jo = create_ok (fixture, writer, "{\"given_name\":\"Jo\",\"family_name\":\"Smith-Jones\","
                                          "\"date_of_birth\":\"2014-06-30\",\"upn\":\"P207000016049\","
                                          "\"nhs_number\":\"4010232137\"}");
  gint64 chloe = create_ok (fixture, writer, "{\"given_name\":\"Chloé\",\"family_name\":\"Brien\","
                                             "\"preferred_name\":\"Clo\",\"date_of_birth\":\"2016-04-01\"}");
  g_autofree char *z = g_strdup_printf ("%" G_GINT64_FORMAT, zoe);
  g_autofree char *j = g_strdup_printf ("%" G_GINT64_FORMAT, jo);
  g_autofree char *c = g_strdup_printf ("%" G_GINT64_FORMAT, chloe);
  g_autofree char *zc = g_strdup_printf ("%s,%s", z, c);
  g_autofree char *all = g_strdup_printf ("%s,%s,%s", z, j, c);
  const struct {
    const char *query;
    const char *ids;
  } cases[] = {
    { "zoe", z },
    { "ZOË", z },
    { "zo", z },               /* the preferred name "Zo" and the given name */
    { "o'b", z },
    { "O'BRIEN", z },
    { "brien", c },            /* a name's start, not its middle */
    { "chloe", c },
    { "clo", c },
    { "jones", j },            /* a word after a hyphen */
    { "smith", j },
    { "zoe o'b", z },          /* every word */
    { "zoe smith", "" },
    { "jo brien", "" },        /* Jo has no preferred name: it matches no word */
    { "nobody", "" },
    { "%", "" },               /* no wildcards */
    { "_o", "" },
    { "B801200005001", z },
    { "b801200005001", z },
    { "P207000016049", j },
    { "943 476 5919", z },
    { "9434765919", z },
    { "401 023 2137", j },
    { "9276308686", z },       /* a ULN */
    { "2016-04-01", zc },
    { "2014-06-30", j },
    { "2014-06-29", "" },
    { "", all },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ids = search (fixture, token, cases[i].query);

      if (!g_str_equal (ids, cases[i].ids))
        g_error ("q=%s found [%s], expected [%s]", cases[i].query, ids, cases[i].ids);
    }

  /* page by page */
  {
    g_autofree char *cursor = NULL;
    g_autofree char *next = NULL;
    g_autofree char *ids = NULL;
    g_autofree char *path = NULL;
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", "/api/v1/people?limit=2", NULL,
                                                  NULL);
    g_autoptr(ScTestResponse) rest = NULL;
    g_autofree char *first_two = g_strdup_printf ("%s,%s", z, j);

    ids = ids_of (r, &cursor);
    g_assert_cmpstr (ids, ==, first_two);
    g_assert_nonnull (cursor);
    path = g_strdup_printf ("/api/v1/people?limit=2&cursor=%s", cursor);
    rest = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);
    g_free (ids);
    ids = ids_of (rest, &next);
    g_assert_cmpstr (ids, ==, c);
    g_assert_null (next);
  }
  /* the list read records the ids it showed */
  {
    g_autofree char *shown = sc_test_psql (fixture->cluster,
                                           "SELECT array_to_string(resource_ids, ',') FROM audit_event"
                                           " WHERE action = 'person.list' ORDER BY id DESC LIMIT 1");

    g_assert_cmpstr (shown, ==, c);
  }
  {
    g_autofree char *long_query = g_strnfill (201, 'a');
    g_autofree char *path = g_strconcat ("/api/v1/people?q=", long_query, NULL);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);

    g_assert_cmpuint (r->status, ==, 422);
    g_assert_cmpstr (sc_test_response_get_string (r, "detail"), ==, "q: must be at most 200 characters");
  }
}

/* A name search comes in the order of the words matched, and its pages,
 * each read from where the last ended, hold everyone once. */
static void
test_search_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  g_autofree char *writer = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  const char *people[] = {
    "{\"given_name\":\"Samuel\",\"family_name\":\"Okafor\",\"date_of_birth\":\"2013-01-01\"}",
    "{\"given_name\":\"Amy\",\"family_name\":\"Sampson\",\"date_of_birth\":\"2013-01-02\"}",
    "{\"given_name\":\"Sam\",\"family_name\":\"Samuels\",\"date_of_birth\":\"2013-01-03\"}",
    "{\"given_name\":\"Ola\",\"family_name\":\"Sam-Lee\",\"date_of_birth\":\"2013-01-04\"}",
    "{\"given_name\":\"Samira\",\"family_name\":\"Khan\",\"date_of_birth\":\"2013-01-05\"}",
    "{\"given_name\":\"Chi\",\"family_name\":\"Salt\",\"date_of_birth\":\"2013-01-06\"}",
  };
  gint64 ids[G_N_ELEMENTS (people)];
  g_autofree char *expected = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autofree char *cursor = NULL;
  g_autofree char *last_page = NULL;
  guint pages = 0;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    ids[i] = create_ok (fixture, writer, people[i]);
  /* sam, sam-lee, samira, sampson, samuel: Sam Samuels once, at his first */
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                              ",%" G_GINT64_FORMAT, ids[2], ids[3], ids[4], ids[1], ids[0]);
  {
    g_autofree char *found = search (fixture, token, "SAM");

    g_assert_cmpstr (found, ==, expected);
  }
  do
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/people?q=sam&limit=2%s%s", cursor != NULL ? "&cursor=" : "",
                                               cursor != NULL ? cursor : "");
      g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);

      g_assert_cmpuint (r->status, ==, 200);
      g_clear_pointer (&cursor, g_free);
      g_free (last_page);
      last_page = ids_of (r, &cursor);
      g_string_append_printf (seen, "%s%s", seen->len > 0 ? "," : "", last_page);
      pages++;
    }
  while (cursor != NULL);
  g_assert_cmpstr (seen->str, ==, expected);
  g_assert_cmpuint (pages, ==, 3);
  /* the last page's read records the one it showed */
  {
    g_autofree char *shown = sc_test_psql (fixture->cluster,
                                           "SELECT array_to_string(resource_ids, ',') FROM audit_event"
                                           " WHERE action = 'person.list' ORDER BY id DESC LIMIT 1");

    g_assert_cmpstr (shown, ==, last_page);
  }
  /* cursors this server did not give out, or gave out for another search */
  {
    const char *paths[] = {
      "/api/v1/people?q=sam&cursor=zz.3",
      "/api/v1/people?q=sam&cursor=73616d.0",
      "/api/v1/people?q=sam&cursor=7.3",
      "/api/v1/people?q=sam&cursor=.3",
      "/api/v1/people?q=sam&cursor=00.3",
      "/api/v1/people?q=sam&cursor=3",
      "/api/v1/people?cursor=73616d.3",
    };
    const char *details[] = {
      "cursor: is not a cursor this server gave out",
      "cursor: is not a cursor this server gave out",
      "cursor: is not a cursor this server gave out",
      "cursor: is not a cursor this server gave out",
      "cursor: is not a cursor this server gave out",
      "cursor: is not a cursor of this search",
      "cursor: is not a cursor of this search",
    };

    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "GET", paths[i], NULL, NULL);

        g_assert_cmpuint (r->status, ==, 422);
        g_assert_cmpstr (sc_test_response_get_string (r, "detail"), ==, details[i]);
      }
  }
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  gint64 id = create_ok (fixture, token, full_body);
  gint64 other = create_ok (fixture, token, "{\"given_name\":\"Jo\",\"family_name\":\"Smith\","
                                            "\"date_of_birth\":\"2014-06-30\",\"upn\":\"P207000016049\"}");
  g_autofree char *path = g_strdup_printf ("/api/v1/people/%" G_GINT64_FORMAT, id);
  const char *v1[] = { "If-Match", "\"1\"", NULL };
  const char *v2[] = { "If-Match", "\"2\"", NULL };
  const char *change = "{\"preferred_name\":null,\"sex\":\"not_known\",\"address\":null,"
                       "\"contacts\":[{\"name\":\"Pat Doe\",\"relationship\":\"foster carer\","
                       "\"phone\":\"+44 113 496 0001\",\"preferred_contact\":\"phone\"}]}";

  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "PATCH", path, change, NULL);

    g_assert_cmpuint (r->status, ==, 428);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "PATCH", path, change, v1);
    JsonObject *person = object_of (r);
    JsonArray *contacts = json_object_get_array_member (person, "contacts");
    g_autofree char *rows = NULL;

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_one (r->headers, "ETag"), ==, "\"2\"");
    g_assert_true (json_object_get_null_member (person, "preferred_name"));
    g_assert_true (json_object_get_null_member (person, "address"));
    g_assert_cmpstr (json_object_get_string_member (person, "sex"), ==, "not_known");
    /* kept */
    g_assert_cmpstr (json_object_get_string_member (person, "given_name"), ==, "Zoë");
    g_assert_cmpstr (json_object_get_string_member (person, "nhs_number"), ==, "9434765919");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (person, "languages")), ==, 2);
    /* replaced whole */
    g_assert_cmpuint (json_array_get_length (contacts), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (contacts, 0), "name"), ==,
                     "Pat Doe");
    rows = sc_test_psql (fixture->cluster, "SELECT string_agg(name, ',') FROM person_contact WHERE person_id = (SELECT"
                                           " max(id) - 1 FROM person)");
    g_assert_cmpstr (rows, ==, "Pat Doe");
  }
  /* stale: 412 with the current version, and nothing changed */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "PATCH", path, "{\"given_name\":\"Lost\"}",
                                                  v1);
    g_autoptr(ScTestResponse) read = sc_test_authed (fixture->daemon, token, "GET", path, NULL, NULL);

    g_assert_cmpuint (r->status, ==, 412);
    g_assert_cmpstr (soup_message_headers_get_one (r->headers, "ETag"), ==, "\"2\"");
    g_assert_cmpstr (json_object_get_string_member (object_of (read), "given_name"), ==, "Zoë");
  }
  /* a required field cannot be cleared; an empty change is refused */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "PATCH", path, "{\"family_name\":null}", v2);

    g_assert_cmpuint (r->status, ==, 422);
    g_assert_cmpstr (sc_test_response_get_string (r, "detail"), ==, "family_name: cannot be cleared");
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "PATCH", path, "{}", v2);

    g_assert_cmpuint (r->status, ==, 422);
  }
  /* another person's UPN */
  {
    g_autofree char *named = g_strdup_printf ("person %" G_GINT64_FORMAT " ", other);
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "PATCH", path,
                                                  "{\"upn\":\"P207000016049\"}", v2);

    g_assert_cmpuint (r->status, ==, 409);
    g_assert_true (g_str_has_prefix (sc_test_response_get_string (r, "detail"), named));
  }
  /* its own UPN again is no conflict */
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "PATCH", path,
                                                  "{\"upn\":\"B801200005001\",\"given_name\":\"Zoey\"}", v2);

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpint (sc_test_response_get_int (r, "version"), ==, 3);
    /* the contacts were not in the change: kept */
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (r), "contacts")), ==, 1);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "PATCH", "/api/v1/people/999999",
                                                  "{\"given_name\":\"X\"}", v1);

    g_assert_cmpuint (r->status, ==, 404);
  }
}

static void
test_idempotent_create (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  const char *key[] = { "Idempotency-Key", "people-1", NULL };
  g_autoptr(ScTestResponse) first = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/people", full_body, key);
  g_autoptr(ScTestResponse) again = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/people", full_body, key);
  g_autofree char *count = count_people (fixture);

  g_assert_cmpuint (first->status, ==, 201);
  g_assert_cmpuint (again->status, ==, 201);
  g_assert_cmpstr (soup_message_headers_get_one (again->headers, "Idempotent-Replayed"), ==, "true");
  g_assert_true (json_node_equal (first->json, again->json));
  g_assert_cmpstr (count, ==, "1/2");
  /* a refused create under a key leaves the key unused */
  {
    const char *other[] = { "Idempotency-Key", "people-2", NULL };
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, token, "POST", "/api/v1/people", full_body, other);
    g_autofree char *keys = sc_test_psql (fixture->cluster, "SELECT count(*) FROM idempotency_key WHERE key = 'people-2'");

    g_assert_cmpuint (r->status, ==, 409);
    g_assert_cmpstr (keys, ==, "0");
  }
}

static void
test_access (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *writer = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = sc_test_sign_in (fixture->daemon, "officer", SC_TEST_DEMO_PASSWORD);
  g_autofree char *admin = sc_test_sign_in (fixture->daemon, "sysadmin", SC_TEST_DEMO_PASSWORD);
  gint64 id = create_ok (fixture, writer, full_body);
  g_autofree char *path = g_strdup_printf ("/api/v1/people/%" G_GINT64_FORMAT, id);
  const char *v1[] = { "If-Match", "\"1\"", NULL };

  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, officer, "GET", path, NULL, NULL);

    g_assert_cmpuint (r->status, ==, 200);
  }
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (fixture->daemon, officer, "PATCH", path, "{\"sex\":\"male\"}", v1);

    g_assert_cmpuint (r->status, ==, 403);
  }
  {
    g_autoptr(ScTestResponse) r = create (fixture, officer, full_body);

    g_assert_cmpuint (r->status, ==, 403);
  }
  /* a system administrator sees no case content at all */
  {
    g_autoptr(ScTestResponse) read = sc_test_authed (fixture->daemon, admin, "GET", path, NULL, NULL);
    g_autoptr(ScTestResponse) list = sc_test_authed (fixture->daemon, admin, "GET", "/api/v1/people?q=zoe", NULL,
                                                     NULL);

    g_assert_cmpuint (read->status, ==, 403);
    g_assert_cmpuint (list->status, ==, 403);
    g_assert_null (strstr (g_bytes_get_data (read->body, NULL), "Zo"));
    g_assert_null (strstr (g_bytes_get_data (list->body, NULL), "Zo"));
  }
}

static gint64
index_scans (Fixture *fixture)
{
  g_autofree char *n = sc_test_psql (fixture->cluster,
                                     "SELECT coalesce(sum(idx_scan), 0) FROM pg_stat_user_indexes"
                                     " WHERE indexrelname = 'person_name_word_pkey'");

  return g_ascii_strtoll (n, NULL, 10);
}

static void
test_search_uses_index (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *token = sc_test_sign_in (fixture->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *plan = NULL;
  g_autofree char *ids = NULL;
  gint64 scans_before;
  gint64 scans_after = 0;

  /* 150,000 people with names of many shapes: enough that a scan of them
   * all costs more than the index */
  g_free (sc_test_psql (fixture->cluster,
                        "INSERT INTO person (given_name, family_name, date_of_birth)"
                        " SELECT 'Given' || md5(i::text), 'Family' || (i % 997), date '2005-01-01' + (i % 7000)"
                        " FROM generate_series(1, 150000) AS i; ANALYZE person"));
  create_ok (fixture, token, full_body);
  g_free (sc_test_psql (fixture->cluster, "ANALYZE person"));

  /* the words of the names: a prefix is a range of their primary key */
  g_free (sc_test_psql (fixture->cluster, "VACUUM ANALYZE person_name_word"));
  plan = sc_test_psql (fixture->cluster,
                       "EXPLAIN SELECT DISTINCT person_id FROM person_name_word w"
                       " WHERE w.word >= 'zoe' AND w.word < 'zoe' || chr(1114111)");
  if (strstr (plan, "person_name_word_pkey") == NULL)
    g_error ("the name search does not use the index of the names' words:\n%s", plan);
  ids = sc_test_psql (fixture->cluster,
                      "SELECT string_agg(word, ',' ORDER BY word) FROM person_name_word w JOIN person p"
                      " ON p.id = w.person_id WHERE p.upn IS NOT NULL");
  g_assert_cmpstr (ids, ==, "o'brien,zo,zoe");
  g_clear_pointer (&ids, g_free);
  /* a changed name changes its words; other changes leave them */
  ids = sc_test_psql (fixture->cluster,
                      "UPDATE person SET family_name = 'Ashworth-Lee', preferred_name = NULL WHERE upn IS NOT NULL;"
                      " UPDATE person SET town = 'York' WHERE upn IS NOT NULL;"
                      " SELECT string_agg(word, ',' ORDER BY word) FROM person_name_word w JOIN person p"
                      " ON p.id = w.person_id WHERE p.upn IS NOT NULL");
  g_assert_cmpstr (ids, ==, "ashworth-lee,lee,zoe");
  g_clear_pointer (&ids, g_free);

  /* and the daemon's own statement scans it */
  scans_before = index_scans (fixture);
  ids = search (fixture, token, "zoe");
  g_assert_cmpstr (ids, !=, "");
  g_assert_null (strchr (ids, ','));
  for (guint i = 0; i < 100; i++)
    {
      /* the server's statistics arrive a moment after the statement */
      scans_after = index_scans (fixture);
      if (scans_after > scans_before)
        break;
      g_usleep (100 * 1000);
    }
  g_assert_cmpint (scans_after, >, scans_before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add ("/server/people/" path, Fixture, NULL, sc_test_server_setup, func, \
                                    sc_test_server_teardown)
  ADD ("create/round-trip", test_create_round_trip);
  ADD ("create/refusals", test_refusals);
  ADD ("create/duplicates", test_duplicates);
  ADD ("create/idempotent", test_idempotent_create);
  ADD ("search", test_search);
  ADD ("search-pages", test_search_pages);
  ADD ("search/uses-index", test_search_uses_index);
  ADD ("update", test_update);
  ADD ("access", test_access);
#undef ADD
  return g_test_run ();
}
