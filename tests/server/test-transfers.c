/* test-transfers.c
 *
 * Moving a child's plan between two authorities, each its own cluster
 * and daemon: cases with final plans exported from the first (through the
 * API and the real sendcasectl) and checked against
 * docs/transfer.schema.json, imported into the second (its authority set
 * by sendcasectl) with the person created, the case opened by its
 * transfer_in event (the 6-week notice and the review from the plan's last
 * review), the plan as a draft and the sending authority recorded; a band
 * the second authority also has suggested by its code, another by the
 * nearest amount, both listed for a team manager and never applied until
 * decided; the decision applied to the draft waiting for it and to the
 * next import; the same child imported twice found by the duplicate
 * rules; and a corrupted file refused with every problem listed and
 * nothing written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-proceeding.h"
#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

typedef struct
{
  ScTestServer from;    /* the sending authority: the demo's 990 */
  ScTestServer to;      /* the receiving authority: 812 */
} Fixture;

static const char *
body_of (ScTestResponse *response)
{
  return g_bytes_get_data (response->body, NULL);
}

/* The real sendcasectl on @server's database with the arguments after
 * @output (NULL-terminated); its exit status, its output in *@output */
static int
ctl (ScTestServer  *server,
     char         **output,
     ...)
{
  g_autofree char *sendcasectl = sc_test_build_path ("server/sendcasectl");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  /* what an earlier command printed is not looked at again */
  g_clear_pointer (output, g_free);
  g_ptr_array_add (argv, sendcasectl);
  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, (char *) sc_test_cluster_get_conninfo (server->cluster));
  va_start (args, output);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, output, NULL, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

static void
put_band (ScTestServer *server,
          const char   *code,
          const char   *description,
          gint64        amount)
{
  g_autofree char *token = sc_test_sign_in (server->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autofree char *path = g_strconcat ("/api/v1/funding-bands/", code, NULL);
  g_autofree char *body = g_strdup_printf ("{\"description\":\"%s\",\"annual_amount\":%" G_GINT64_FORMAT ","
                                           "\"valid_from\":\"2024-04-01\",\"valid_to\":null}", description, amount);
  const char *new_band[] = { "If-None-Match", "*", NULL };
  g_autoptr(ScTestResponse) r = sc_test_authed (server->daemon, token, "PUT", path, body, new_band);

  if (r->status != 200)
    g_error ("PUT %s: %u %s", path, r->status, body_of (r));
}

/* Two authorities, each with its code and band table: the sending one has
 * a band X the receiving one does not */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *output = NULL;

  sc_test_server_setup (&fixture->from, NULL);
  sc_test_server_setup (&fixture->to, NULL);
  if (ctl (&fixture->from, &output, "authority", "990", "Demo Borough Council", NULL) != 0)
    g_error ("sendcasectl authority: %s", output);
  g_clear_pointer (&output, g_free);
  if (ctl (&fixture->to, &output, "authority", "812", "Northfield County Council", NULL) != 0)
    g_error ("sendcasectl authority: %s", output);
  g_assert_nonnull (strstr (output, "Northfield County Council (812)"));
  put_band (&fixture->from, "A", "Light-touch support in class", 300000);
  put_band (&fixture->from, "B", "Small group support", 750000);
  put_band (&fixture->from, "X", "Enhanced mainstream support", 900000);
  put_band (&fixture->to, "A", "Support in class", 310000);
  put_band (&fixture->to, "B", "Small group support", 750000);
  put_band (&fixture->to, "C", "Full-time teaching assistant", 1450000);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sc_test_server_teardown (&fixture->to, NULL);
  sc_test_server_teardown (&fixture->from, NULL);
}

static void
import_directory (ScTestServer *server)
{
  g_autofree char *file = g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "tests", "data", "gias-sample.csv", NULL);
  g_autofree char *output = NULL;

  if (ctl (server, &output, "institutions", "import", file, NULL) != 0)
    g_error ("sendcasectl institutions import: %s", output);
}

static char *
user_id (ScTestServer *server,
         const char   *username)
{
  return sc_test_psqlf (server->cluster, "SELECT id FROM app_user WHERE username = '%s'", username);
}

static void
must (ScTestResponse *response,
      guint           status)
{
  if (response->status != status)
    g_error ("expected %u, got %u: %s", status, response->status, body_of (response));
}

/* A case of a new child whose final plan, issued on 2026-07-13, names a
 * school and funds it at @band */
static gint64
final_case (ScTestServer *server,
            const char   *token,
            const char   *given,
            const char   *family,
            const char   *band,
            const char   *urn)
{
  g_autofree char *owner = user_id (server, "caseworker");
  g_autofree char *person = g_strdup_printf ("{\"given_name\":\"%s\",\"family_name\":\"%s\","
                                             "\"date_of_birth\":\"2015-09-14\",\"sex\":\"female\"}", given, family);
  g_autoptr(ScTestResponse) p = sc_test_authed (server->daemon, token, "POST", "/api/v1/people", person, NULL);
  g_autofree char *body = NULL;
  g_autoptr(ScTestResponse) c = NULL;
  g_autofree char *placement = urn != NULL
    ? g_strdup_printf ("{\"urn\":\"%s\",\"name\":\"The Aldgate School\",\"type\":\"Primary\","
                       "\"consultation_exemption\":\"the family's own choice\",\"funding_band\":\"%s\"}", urn, band)
    : g_strdup_printf ("{\"name\":\"Hillside Primary School\",\"type\":\"Mainstream primary\","
                       "\"funding_band\":\"%s\"}", band);
  const struct { const char *section, *content; } sections[] = {
    { "b", "{\"rows\":[{\"id\":\"1\",\"text\":\"Reads two years behind her age\"}]}" },
    { "i", placement },
  };
  static const char * const events[] = {
    "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}",
    "{\"type\":\"draft_plan_issued\",\"date\":\"2026-06-15\"}",
    "{\"type\":\"final_plan_issued\",\"date\":\"2026-07-13\"}",
  };
  g_autofree char *events_path = NULL;
  gint64 id;

  must (p, 201);
  body = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":\"2026-03-02\","
                          "\"request_source\":\"parent\",\"owner_id\":%s}", sc_test_response_get_int (p, "id"), owner);
  c = sc_test_authed (server->daemon, token, "POST", "/api/v1/cases", body, NULL);
  must (c, 201);
  id = sc_test_response_get_int (c, "id");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/plan/sections/%s", id,
                                               sections[i].section);
      g_autofree char *content = g_strdup_printf ("{\"content\":%s}", sections[i].content);
      const char *first[] = { "If-None-Match", "*", NULL };
      g_autoptr(ScTestResponse) r = sc_test_authed (server->daemon, token, "PUT", path, content, first);

      must (r, 200);
    }
  events_path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", id);
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(ScTestResponse) r = sc_test_authed (server->daemon, token, "POST", events_path, events[i], NULL);

      must (r, 201);
    }
  return id;
}

static char *
export_case (ScTestServer *server,
             const char   *token,
             gint64        id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/export", id);
  g_autoptr(ScTestResponse) r = sc_test_authed (server->daemon, token, "GET", path, NULL, NULL);
  g_autofree char *disposition = g_strdup_printf ("attachment; filename=\"transfer-case-%" G_GINT64_FORMAT ".json\"",
                                                  id);

  must (r, 200);
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Content-Disposition"), ==, disposition);
  return g_strdup (body_of (r));
}

/* The file against docs/transfer.schema.json, by python3-jsonschema */
static void
assert_schema_valid (const char *file_path)
{
  g_autofree char *schema = g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "docs", "transfer.schema.json", NULL);
  static const char script[] =
    "import json, sys, jsonschema\n"
    "schema = json.load(open(sys.argv[1]))\n"
    "jsonschema.Draft7Validator.check_schema(schema)\n"
    "errors = list(jsonschema.Draft7Validator(schema).iter_errors(json.load(open(sys.argv[2]))))\n"
    "for e in errors: print('/'.join(str(p) for p in e.absolute_path), e.message)\n"
    "sys.exit(1 if errors else 0)\n";
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE, &error,
                              "/usr/bin/python3", "-c", script, schema, file_path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (process) != 0)
    g_error ("%s does not follow docs/transfer.schema.json:\n%s", file_path, output);
}

static ScTestResponse *
import (ScTestServer *server,
        const char   *token,
        const char   *file,
        const char   *owner,
        const char   *extra)
{
  g_autofree char *body = g_strdup_printf ("{\"file\":%s,\"owner_id\":%s,\"transferred_on\":\"2026-11-02\"%s}", file,
                                           owner, extra != NULL ? extra : "");

  return sc_test_authed (server->daemon, token, "POST", "/api/v1/transfers", body, NULL);
}

static JsonObject *
object_at (JsonNode   *node,
           const char *member)
{
  return json_object_get_object_member (json_node_get_object (node), member);
}

/* The content of section @section of the case's draft */
static char *
section_of (ScTestServer *server,
            const char   *token,
            gint64        id,
            const char   *section)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/plan/sections/%s", id, section);
  g_autoptr(ScTestResponse) r = sc_test_authed (server->daemon, token, "GET", path, NULL, NULL);
  JsonNode *content;

  must (r, 200);
  content = json_object_get_member (json_node_get_object (r->json), "content");
  return json_to_string (content, FALSE);
}

/* The pending mapping of the sending authority's band @code, or NULL;
 * *@keep (freed first) holds the answer it is in */
static JsonObject *
pending_mapping (ScTestServer    *server,
                 const char      *token,
                 const char      *code,
                 ScTestResponse **keep)
{
  JsonArray *items;

  /* a mapping read before is no longer looked at */
  g_clear_pointer (keep, sc_test_response_free);
  *keep = sc_test_authed (server->daemon, token, "GET", "/api/v1/band-mappings?status=pending", NULL, NULL);
  must (*keep, 200);
  items = json_object_get_array_member (json_node_get_object ((*keep)->json), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *mapping = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (mapping, "authority_code"), "990") &&
          g_str_equal (json_object_get_string_member (mapping, "their_code"), code))
        return mapping;
    }
  return NULL;
}

static char *
day_text (ScDay day)
{
  char text[SC_DAY_STRING_SIZE];

  return day == SC_DAY_NONE ? NULL : g_strdup (sc_day_format (day, text));
}

static void
test_two_authorities (Fixture       *fixture,
                      gconstpointer  data)
{
  ScTestServer *from = &fixture->from, *to = &fixture->to;
  g_autofree char *sender = sc_test_sign_in (from->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *receiver = sc_test_sign_in (to->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *manager = sc_test_sign_in (to->daemon, "manager", SC_TEST_DEMO_PASSWORD);
  g_autofree char *owner = user_id (to, "caseworker");
  g_autofree char *dir = sc_test_make_tmpdir ("transfers-XXXXXX");
  g_autofree char *first_path = g_build_filename (dir, "first.json", NULL);
  g_autofree char *second_path = g_build_filename (dir, "second.json", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *output = NULL;
  g_autoptr(JsonNode) file = NULL;
  gint64 first_id, second_id, third_id, moved;

  import_directory (from);
  first_id = final_case (from, sender, "Iris", "Lowther", "A", "100000");
  second_id = final_case (from, sender, "June", "Pavey", "X", NULL);
  third_id = final_case (from, sender, "Maud", "Treloar", "A", NULL);

  /* the export: the whole record, the sending authority and its band */
  first = export_case (from, sender, first_id);
  g_assert_true (g_file_set_contents (first_path, first, -1, NULL));
  assert_schema_valid (first_path);
  file = json_from_string (first, NULL);
  g_assert_nonnull (file);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (file), "format"), ==, "sendcase-transfer");
  g_assert_cmpstr (json_object_get_string_member (object_at (file, "sending_authority"), "code"), ==, "990");
  g_assert_cmpstr (json_object_get_string_member (object_at (file, "person"), "family_name"), ==, "Lowther");
  g_assert_cmpstr (json_object_get_string_member (object_at (file, "funding_band"), "code"), ==, "A");
  g_assert_cmpint (json_object_get_int_member (object_at (file, "funding_band"), "annual_amount"), ==, 300000);
  g_assert_cmpstr (json_object_get_string_member (object_at (file, "placement"), "urn"), ==, "100000");
  g_assert_cmpstr (json_object_get_string_member (object_at (file, "placement"), "name"), ==, "The Aldgate School");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (file), "events")), ==,
                    4);    /* the request and the three in final_case */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_at (file, "plan"), "versions")), ==,
                    2);

  /* the same through sendcasectl, to a file */
  g_assert_cmpint (ctl (from, &output, "case", "export", "999999", NULL), !=, 0);
  g_clear_pointer (&output, g_free);
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, second_id);

    if (ctl (from, &output, "case", "export", id, "--output", second_path, NULL) != 0)
      g_error ("sendcasectl case export: %s", output);
  }
  g_assert_true (g_file_get_contents (second_path, &second, NULL, NULL));
  assert_schema_valid (second_path);
  g_assert_nonnull (strstr (second, "\"Pavey\""));

  /* the import: the child, the case on the clock, the plan as a draft;
   * their band A is our A by its code, but a team manager decides */
  {
    g_autoptr(ScTestResponse) r = import (to, receiver, first, owner, NULL);
    g_autoptr(GPtrArray) proceedings = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_proceeding_free);
    g_autofree char *path = NULL;
    g_autofree char *placement = NULL;
    g_autofree char *needs = NULL;
    g_autoptr(ScTestResponse) kase = NULL;
    g_autoptr(ScTestResponse) listed = NULL;
    g_autofree char *notice = NULL;
    g_autofree char *review = NULL;
    JsonObject *band;
    JsonArray *items;

    must (r, 201);
    moved = sc_test_response_get_int (r, "case_id");
    g_assert_true (json_object_get_boolean_member (json_node_get_object (r->json), "person_created"));
    g_assert_cmpstr (sc_test_response_get_string (r, "band_status"), ==, "unmapped");
    band = object_at (r->json, "band");
    g_assert_cmpstr (json_object_get_string_member (band, "suggested_code"), ==, "A");
    g_assert_cmpstr (json_object_get_string_member (band, "suggested_by"), ==, "code");
    g_assert_true (json_object_get_null_member (band, "our_code"));
    g_assert_cmpint (json_object_get_int_member (band, "waiting"), ==, 1);

    path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT, moved);
    kase = sc_test_authed (to->daemon, receiver, "GET", path, NULL, NULL);
    must (kase, 200);
    g_assert_cmpstr (sc_test_response_get_string (kase, "request_source"), ==, "transfer");
    g_assert_cmpstr (json_object_get_string_member (object_at (kase->json, "person"), "given_name"), ==, "Iris");
    g_assert_cmpint (json_object_get_int_member (object_at (kase->json, "person"), "id"), ==,
                     sc_test_response_get_int (r, "person_id"));

    needs = section_of (to, receiver, moved, "b");
    g_assert_nonnull (strstr (needs, "Reads two years behind her age"));
    placement = section_of (to, receiver, moved, "i");
    g_assert_nonnull (strstr (placement, "\"urn\":\"100000\""));
    g_assert_nonnull (strstr (placement, "Named in the plan transferred in from Demo Borough Council (990)"));
    g_assert_null (strstr (placement, "funding_band"));    /* never guessed */

    g_free (path);
    path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/proceedings", moved);
    listed = sc_test_authed (to->daemon, receiver, "GET", path, NULL, NULL);
    must (listed, 200);
    items = json_object_get_array_member (json_node_get_object (listed->json), "items");
    g_assert_cmpuint (json_array_get_length (items), ==, 1);
    {
      g_autoptr(GError) error = NULL;
      ScProceeding *p = sc_proceeding_new_from_json (json_array_get_element (items, 0), &error);
      g_autoptr(GPtrArray) warnings = NULL;

      g_assert_no_error (error);
      g_ptr_array_add (proceedings, p);
      g_assert_cmpstr (p->kind, ==, "transfer_in");
      g_assert_cmpstr (p->party, ==, "Demo Borough Council (990)");
      notice = day_text (sc_proceeding_find_step (p, "transfer_notice")->due);
      review = day_text (sc_proceeding_find_step (p, "annual_review")->due);
      g_assert_cmpstr (notice, ==, "2026-12-14");    /* 6 weeks from 2026-11-02 */
      g_assert_cmpstr (review, ==, "2027-07-13");    /* a year from the final plan */
      warnings = sc_proceeding_dup_warnings (p);
      g_assert_cmpuint (warnings->len, ==, 0);
    }
  }

  /* their X is no band of ours: the nearest amount (9,000.00 against
   * B's 7,500.00 and C's 14,500.00) is suggested, by sendcasectl too */
  {
    g_autoptr(ScTestResponse) keep = NULL;
    JsonObject *mapping;

    if (ctl (to, &output, "case", "import", second_path, "--owner", owner, "--transferred-on", "2026-11-02", NULL) != 0)
      g_error ("sendcasectl case import: %s", output);
    g_assert_nonnull (strstr (output, "band"));
    mapping = pending_mapping (to, manager, "X", &keep);
    g_assert_nonnull (mapping);
    g_assert_cmpstr (json_object_get_string_member (mapping, "suggested_code"), ==, "B");
    g_assert_cmpstr (json_object_get_string_member (mapping, "suggested_by"), ==, "amount");
    g_assert_cmpint (json_object_get_int_member (mapping, "their_amount"), ==, 900000);
    g_assert_cmpstr (json_object_get_string_member (mapping, "their_description"), ==,
                     "Enhanced mainstream support");
    g_assert_cmpint (json_object_get_int_member (mapping, "waiting"), ==, 1);
    g_assert_nonnull (pending_mapping (to, manager, "A", &keep));
  }

  /* a caseworker may not decide; a team manager does, at its version,
   * and the draft waiting for it gets our band */
  {
    const char *at_one[] = { "If-Match", "\"1\"", NULL };
    const char *at_nine[] = { "If-Match", "\"9\"", NULL };
    g_autoptr(ScTestResponse) denied = sc_test_authed (to->daemon, receiver, "PUT", "/api/v1/band-mappings/990/A",
                                                       "{\"our_code\":\"A\"}", at_one);
    g_autoptr(ScTestResponse) stale = sc_test_authed (to->daemon, manager, "PUT", "/api/v1/band-mappings/990/A",
                                                      "{\"our_code\":\"A\"}", at_nine);
    g_autoptr(ScTestResponse) unknown = sc_test_authed (to->daemon, manager, "PUT", "/api/v1/band-mappings/990/A",
                                                        "{\"our_code\":\"Q\"}", at_one);
    g_autoptr(ScTestResponse) decided = NULL;
    g_autoptr(ScTestResponse) keep = NULL;
    g_autofree char *placement = section_of (to, receiver, moved, "i");

    must (denied, 403);
    must (stale, 412);
    must (unknown, 422);
    g_assert_null (strstr (placement, "funding_band"));
    decided = sc_test_authed (to->daemon, manager, "PUT", "/api/v1/band-mappings/990/A", "{\"our_code\":\"A\"}",
                              at_one);
    must (decided, 200);
    g_assert_cmpstr (sc_test_response_get_string (decided, "our_code"), ==, "A");
    g_assert_cmpint (sc_test_response_get_int (decided, "version"), ==, 2);
    g_assert_null (pending_mapping (to, manager, "A", &keep));
    g_free (placement);
    placement = section_of (to, receiver, moved, "i");
    g_assert_nonnull (strstr (placement, "\"funding_band\":\"A\""));
  }

  /* the next child with their band A comes in mapped; the caseworker who
   * names no owner holds the case */
  {
    g_autofree char *third = export_case (from, sender, third_id);
    g_autoptr(ScTestResponse) r = import (to, receiver, third, "null", NULL);
    g_autofree char *placement = NULL;
    g_autofree char *held_by = NULL;

    must (r, 201);
    held_by = sc_test_psqlf (to->cluster, "SELECT owner_id FROM ehc_case WHERE id = %" G_GINT64_FORMAT,
                             sc_test_response_get_int (r, "case_id"));
    g_assert_cmpstr (held_by, ==, owner);
    g_assert_cmpstr (sc_test_response_get_string (r, "band_status"), ==, "mapped");
    g_assert_cmpstr (json_object_get_string_member (object_at (r->json, "band"), "our_code"), ==, "A");
    placement = section_of (to, receiver, sc_test_response_get_int (r, "case_id"), "i");
    g_assert_nonnull (strstr (placement, "\"funding_band\":\"A\""));
  }

  /* the same child again is found by the duplicate rules, not doubled */
  {
    g_autofree char *before = sc_test_psql (to->cluster, "SELECT count(*) FROM person");
    g_autoptr(ScTestResponse) r = import (to, receiver, first, owner, NULL);
    g_autofree char *after = sc_test_psql (to->cluster, "SELECT count(*) FROM person");
    JsonArray *errors;

    must (r, 409);
    errors = json_object_get_array_member (json_node_get_object (r->json), "errors");
    g_assert_cmpuint (json_array_get_length (errors), >, 0);
    g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (errors, 0),
                                                                    "field"), "file.person."));
    g_assert_cmpstr (before, ==, after);
  }
  /* and from the command line, in the command's own words */
  {
    g_assert_cmpint (ctl (to, &output, "case", "import", first_path, "--owner", owner, NULL), ==, 2);
    g_assert_nonnull (strstr (output, "nothing was imported; run it again with --person "));
    g_assert_null (strstr (output, "person_id"));
  }
  sc_test_rm_rf (dir);
}

/* A corrupted file: every problem listed, nothing written */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  ScTestServer *from = &fixture->from, *to = &fixture->to;
  g_autofree char *sender = sc_test_sign_in (from->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *receiver = sc_test_sign_in (to->daemon, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *owner = user_id (to, "caseworker");
  gint64 id = final_case (from, sender, "Petra", "Quayle", "B", NULL);
  g_autofree char *exported = export_case (from, sender, id);
  g_autoptr(JsonNode) file = json_from_string (exported, NULL);
  JsonObject *root = json_node_get_object (file);
  JsonArray *events = json_object_get_array_member (root, "events");
  g_autofree char *corrupted = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *counts_after = NULL;
  g_autoptr(ScTestResponse) r = NULL;
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *errors;
  static const char count_sql[] =
    "SELECT (SELECT count(*) FROM person) || ' ' || (SELECT count(*) FROM ehc_case) || ' '"
    " || (SELECT count(*) FROM case_event) || ' ' || (SELECT count(*) FROM band_mapping) || ' '"
    " || (SELECT count(*) FROM case_transfer) || ' ' || (SELECT count(*) FROM plan_section)";

  json_object_set_int_member (root, "format_version", 2);
  json_object_set_string_member (json_object_get_object_member (root, "person"), "date_of_birth", "2015-13-40");
  json_object_set_string_member (json_array_get_object_element (events, 1), "type", "plan_posted");
  json_object_set_string_member (json_object_get_object_member (root, "sending_authority"), "code", "99");
  corrupted = json_to_string (file, FALSE);

  counts = sc_test_psql (to->cluster, count_sql);
  r = import (to, receiver, corrupted, owner, NULL);
  must (r, 422);
  errors = json_object_get_array_member (json_node_get_object (r->json), "errors");
  for (guint i = 0; i < json_array_get_length (errors); i++)
    g_hash_table_add (fields, (gpointer) json_object_get_string_member (json_array_get_object_element (errors, i),
                                                                        "field"));
  g_assert_true (g_hash_table_contains (fields, "file.format_version"));
  g_assert_true (g_hash_table_contains (fields, "file.person.date_of_birth"));
  g_assert_true (g_hash_table_contains (fields, "file.events[1].type"));
  g_assert_true (g_hash_table_contains (fields, "file.sending_authority.code"));
  g_assert_nonnull (strstr (sc_test_response_get_string (r, "detail"), "nothing was imported"));
  counts_after = sc_test_psql (to->cluster, count_sql);
  g_assert_cmpstr (counts, ==, counts_after);

  /* not JSON at all, through sendcasectl: refused, exit 2, nothing written */
  {
    g_autofree char *dir = sc_test_make_tmpdir ("transfers-XXXXXX");
    g_autofree char *path = g_build_filename (dir, "broken.json", NULL);
    g_autofree char *output = NULL;
    g_autofree char *counts_ctl = NULL;

    g_assert_true (g_file_set_contents (path, corrupted, -1, NULL));
    g_assert_cmpint (ctl (to, &output, "case", "import", path, "--owner", owner, NULL), ==, 2);
    g_assert_nonnull (strstr (output, "  person.date_of_birth: "));
    g_assert_nonnull (strstr (output, "  events[1].type: "));
    g_clear_pointer (&output, g_free);
    g_assert_true (g_file_set_contents (path, exported, -1, NULL));
    g_assert_cmpint (ctl (to, &output, "case", "import", path, "--owner", owner, "--transferred-on", "2099-01-01",
                          NULL), ==, 2);
    g_assert_nonnull (strstr (output, "after today"));
    g_clear_pointer (&output, g_free);
    g_assert_true (g_file_set_contents (path, "{\"format\": \"sendcase-transfer\", ", -1, NULL));
    g_assert_cmpint (ctl (to, &output, "case", "import", path, "--owner", owner, NULL), ==, 2);
    counts_ctl = sc_test_psql (to->cluster, count_sql);
    g_assert_cmpstr (counts, ==, counts_ctl);
    sc_test_rm_rf (dir);
  }

  /* a future transfer date and an owner who is no caseworker */
  {
    g_autofree char *admin = user_id (to, "sysadmin");
    g_autofree char *body = g_strdup_printf ("{\"file\":%s,\"owner_id\":%s,\"transferred_on\":\"2099-01-01\"}",
                                             exported, admin);
    g_autoptr(ScTestResponse) future = sc_test_authed (to->daemon, receiver, "POST", "/api/v1/transfers", body,
                                                       NULL);
    g_autoptr(ScTestResponse) not_owner = import (to, receiver, exported, admin, NULL);
    g_autofree char *counts_end = NULL;

    must (future, 422);
    g_assert_nonnull (strstr (body_of (future), "transferred_on"));
    must (not_owner, 422);
    g_assert_nonnull (strstr (body_of (not_owner), "owner_id"));
    counts_end = sc_test_psql (to->cluster, count_sql);
    g_assert_cmpstr (counts, ==, counts_end);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/transfers/two-authorities", Fixture, NULL, fixture_setup, test_two_authorities,
              fixture_teardown);
  g_test_add ("/server/transfers/refused", Fixture, NULL, fixture_setup, test_refused, fixture_teardown);
  return g_test_run ();
}
