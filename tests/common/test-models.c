/* test-models.c
 *
 * The models of common/ and their codecs: the JSON writer's escaping and
 * numbers, RFC 3339 times, each model written and read back through
 * json-glib, the reader's errors, the rules of a user's fields, and the
 * page envelope of lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-audit-event.h"
#include "sc-case.h"
#include "sc-case-event.h"
#include "sc-health.h"
#include "sc-json-writer.h"
#include "sc-page.h"
#include "sc-person.h"
#include "sc-problem.h"
#include "sc-session.h"
#include "sc-user.h"
#include "sc-workload.h"
#include "sc-advice-request.h"

static char *
write_string (const char *value)
{
  GString *out = g_string_new (NULL);

  sc_json_append_string (out, value);
  return g_string_free (out, FALSE);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_writer_strings (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "", "\"\"" },
    { "plain", "\"plain\"" },
    { "quote \" and \\ back", "\"quote \\\" and \\\\ back\"" },
    { "line\nfeed\r\t", "\"line\\nfeed\\r\\t\"" },
    { "\x01\x1f", "\"\\u0001\\u001f\"" },
    { "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"" },
    /* a bad byte, a truncated sequence, an overlong form: each byte replaced */
    { "a\xffz", "\"a\xef\xbf\xbdz\"" },
    { "a\xe2\x82", "\"a\xef\xbf\xbd\xef\xbf\xbd\"" },
    { "\xc0\xaf", "\"\xef\xbf\xbd\xef\xbf\xbd\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = write_string (cases[i].in);
      g_autoptr(JsonNode) node = NULL;

      g_assert_cmpstr (got, ==, cases[i].out);
      /* and it is JSON that a strict parser takes */
      g_assert_true (g_utf8_validate (got, -1, NULL));
      node = parse (got);
      g_assert_true (JSON_NODE_HOLDS_VALUE (node));
    }
}

static void
test_writer_structure (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member_int (&writer, "a", 0);
  sc_json_writer_member_int (&writer, "min", G_MININT64);
  sc_json_writer_member_int (&writer, "max", G_MAXINT64);
  sc_json_writer_member (&writer, "list");
  sc_json_writer_begin_array (&writer);
  sc_json_writer_boolean (&writer, TRUE);
  sc_json_writer_null (&writer);
  sc_json_writer_string (&writer, NULL);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_end_object (&writer);
  sc_json_writer_begin_array (&writer);
  sc_json_writer_end_array (&writer);
  sc_json_writer_raw (&writer, "{\"x\":1}");
  sc_json_writer_end_array (&writer);
  sc_json_writer_member_time (&writer, "none", 0);
  sc_json_writer_member_string (&writer, "k\"ey", "v");
  sc_json_writer_end_object (&writer);

  g_assert_cmpstr (out->str, ==,
                   "{\"a\":0,\"min\":-9223372036854775808,\"max\":9223372036854775807,"
                   "\"list\":[true,null,null,{},[],{\"x\":1}],\"none\":null,\"k\\\"ey\":\"v\"}");
}

static void
test_times (void)
{
  static const char * const texts[] = {
    "1970-01-01T00:00:01Z", "2000-02-29T23:59:59Z", "2024-02-29T12:00:00Z", "2026-11-23T09:15:02Z",
    "2100-03-01T00:00:00Z", "9999-12-31T23:59:59Z",
  };
  char buf[SC_TIME_STRING_SIZE];
  gint64 usec;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (texts[i], NULL);

      g_assert_true (sc_time_parse (texts[i], &usec));
      g_assert_cmpint (usec, ==, g_date_time_to_unix (expected) * G_USEC_PER_SEC);
      sc_time_format (usec, buf);
      g_assert_cmpstr (buf, ==, texts[i]);
    }
  /* a zone other than UTC, and fractions, are read; written back in UTC, to the second */
  g_assert_true (sc_time_parse ("2026-11-23T10:15:02.750+01:00", &usec));
  sc_time_format (usec, buf);
  g_assert_cmpstr (buf, ==, "2026-11-23T09:15:02Z");
  g_assert_false (sc_time_parse ("2026-11-23", &usec));
  g_assert_false (sc_time_parse ("2026-11-23 09:15:02Z", &usec));
  g_assert_false (sc_time_parse ("not a time at all, no", &usec));
  g_assert_false (sc_time_parse (NULL, &usec));
}

static char *
user_json (ScUser *user)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_user_write_json (user, &writer);
  return g_string_free (out, FALSE);
}

static void
test_user_round_trip (void)
{
  g_autoptr(ScUser) user = sc_user_new (7, "asha", "Asha \"Ash\" Patel", "caseworker", TRUE);
  g_autoptr(ScUser) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 created;

  g_assert_true (sc_time_parse ("2026-11-20T08:00:00Z", &created));
  sc_user_set_version (user, 3);
  sc_user_set_created_at (user, created);
  sc_user_set_updated_at (user, created + 60 * G_USEC_PER_SEC);
  text = user_json (user);
  g_assert_cmpstr (text, ==,
                   "{\"id\":7,\"username\":\"asha\",\"full_name\":\"Asha \\\"Ash\\\" Patel\",\"role\":\"caseworker\","
                   "\"active\":true,\"version\":3,\"created_at\":\"2026-11-20T08:00:00Z\","
                   "\"updated_at\":\"2026-11-20T08:01:00Z\",\"locked_until\":null}");

  node = parse (text);
  back = sc_user_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_user_get_id (back), ==, 7);
  g_assert_cmpstr (sc_user_get_username (back), ==, "asha");
  g_assert_cmpstr (sc_user_get_full_name (back), ==, "Asha \"Ash\" Patel");
  g_assert_cmpint (sc_user_get_role (back), ==, SC_ROLE_CASEWORKER);
  g_assert_cmpstr (sc_user_get_role_title (back), ==, "Caseworker");
  g_assert_true (sc_user_get_active (back));
  g_assert_cmpint (sc_user_get_version (back), ==, 3);
  g_assert_cmpint (sc_user_get_created_at (back), ==, created);
  g_assert_cmpint (sc_user_get_locked_until (back), ==, 0);
}

static void
test_user_display (void)
{
  g_autoptr(ScUser) nameless = sc_user_new (2, "ops", NULL, "system_admin", FALSE);
  g_autoptr(ScUser) future = sc_user_new (3, "new", "New Role", "auditor", TRUE);
  g_autofree char *display = NULL;
  gboolean active = TRUE;

  g_assert_cmpstr (sc_user_get_full_name (nameless), ==, "");
  g_assert_cmpstr (sc_user_get_display_name (nameless), ==, "ops");
  g_object_get (nameless, "display-name", &display, "active", &active, NULL);
  g_assert_cmpstr (display, ==, "ops");
  g_assert_false (active);
  /* a role this build does not know is kept by name */
  g_assert_cmpint (sc_user_get_role (future), ==, SC_ROLE_NONE);
  g_assert_cmpstr (sc_user_get_role_name (future), ==, "auditor");
  g_assert_cmpstr (sc_user_get_role_title (future), ==, "auditor");
}

static void
test_user_bad_json (void)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { "[]", "user: must be a JSON object" },
    { "{\"username\":\"a\",\"full_name\":\"\",\"role\":\"caseworker\"}", "user: member \"id\" is required" },
    { "{\"id\":\"7\",\"username\":\"a\",\"full_name\":\"\",\"role\":\"caseworker\"}",
      "user: member \"id\" must be a whole number" },
    { "{\"id\":0,\"username\":\"a\",\"full_name\":\"\",\"role\":\"caseworker\"}",
      "user: member \"id\" must be a positive whole number" },
    { "{\"id\":1,\"username\":\"\",\"full_name\":\"\",\"role\":\"caseworker\"}",
      "user: member \"username\" must not be empty" },
    { "{\"id\":1,\"username\":\"a\",\"full_name\":\"\",\"role\":\"caseworker\",\"active\":1}",
      "user: member \"active\" must be true or false" },
    { "{\"id\":1,\"username\":\"a\",\"full_name\":\"\",\"role\":\"caseworker\",\"created_at\":\"yesterday\"}",
      "user: member \"created_at\" must be a date and time such as 2026-11-23T13:43:23Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScUser) user = sc_user_new_from_json (node, &error);

      g_assert_null (user);
      g_assert_error (error, SC_ERROR, SC_ERROR_MALFORMED);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_user_rules (void)
{
  static const struct { const char *value; gboolean ok; } usernames[] = {
    { "asha", TRUE }, { "a.patel-2_x", TRUE }, { "42", TRUE }, { "ab", TRUE },
    { "a", FALSE }, { "", FALSE }, { "Asha", FALSE }, { ".asha", FALSE }, { "-asha", FALSE },
    { "asha\n", FALSE }, { "asha ", FALSE }, { "as ha", FALSE }, { "ash\xc3\xa1", FALSE },
    { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", TRUE },   /* 63 */
    { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", FALSE },  /* 64 */
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (201, 'x');

  for (guint i = 0; i < G_N_ELEMENTS (usernames); i++)
    {
      g_autoptr(GError) field_error = NULL;

      g_assert_cmpint (sc_user_check_username (usernames[i].value, &field_error), ==, usernames[i].ok);
      if (!usernames[i].ok)
        g_assert_nonnull (sc_problem_lookup_field (sc_error_get_problem (field_error), "username"));
    }

  g_assert_true (sc_user_check_full_name ("Asha Patel", NULL));
  g_assert_true (sc_user_check_full_name ("", NULL));
  g_assert_false (sc_user_check_full_name ("Asha\nPatel", NULL));
  g_assert_false (sc_user_check_full_name (long_name, NULL));
  g_assert_false (sc_user_check_full_name ("bad \xff", NULL));
  g_assert_true (sc_user_check_role ("team_manager", NULL));
  g_assert_false (sc_user_check_role ("root", &error));
  g_assert_nonnull (sc_problem_lookup_field (sc_error_get_problem (error), "role"));
}

static void
test_session_round_trip (void)
{
  g_autoptr(ScUser) user = sc_user_new (9, "tom", "Tom Reilly", "team_manager", TRUE);
  g_autoptr(ScSession) session = NULL;
  g_autoptr(ScSession) back = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  ScJsonWriter writer;
  gint64 expires;

  g_assert_true (sc_time_parse ("2026-11-23T21:00:00Z", &expires));
  session = sc_session_new (user, expires);
  sc_json_writer_init (&writer, out);
  sc_session_write_json (session, "tok-en", &writer);
  g_assert_true (g_str_has_prefix (out->str, "{\"token\":\"tok-en\",\"expires_at\":\"2026-11-23T21:00:00Z\","
                                             "\"user\":{\"id\":9,"));

  node = parse (out->str);
  back = sc_session_new_from_json (node, &token, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "tok-en");
  g_assert_cmpint (sc_session_get_expires_at (back), ==, expires);
  g_assert_cmpstr (sc_user_get_username (sc_session_get_user (back)), ==, "tom");

  /* without a token (GET /api/v1/me) */
  g_string_truncate (out, 0);
  sc_json_writer_init (&writer, out);
  sc_session_write_json (session, NULL, &writer);
  g_clear_pointer (&node, json_node_unref);
  g_clear_object (&back);
  g_clear_pointer (&token, g_free);
  node = parse (out->str);
  back = sc_session_new_from_json (node, &token, &error);
  g_assert_no_error (error);
  g_assert_null (token);

  g_clear_pointer (&node, json_node_unref);
  g_clear_object (&back);
  node = parse ("{\"expires_at\":\"2026-11-23T21:00:00Z\"}");
  back = sc_session_new_from_json (node, NULL, &error);
  g_assert_null (back);
  g_assert_error (error, SC_ERROR, SC_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==, "session: member \"user\" is required");
}

static void
test_health_round_trip (void)
{
  g_autoptr(ScHealth) up = sc_health_new (TRUE, 2, "0.1.0");
  g_autoptr(ScHealth) down = sc_health_new (FALSE, -1, "0.1.0");
  g_autoptr(ScHealth) back = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_health_write_json (up, &writer);
  g_assert_cmpstr (out->str, ==, "{\"status\":\"ok\",\"database\":\"ok\",\"schema_version\":2,\"version\":\"0.1.0\"}");
  g_string_truncate (out, 0);
  sc_json_writer_init (&writer, out);
  sc_health_write_json (down, &writer);
  g_assert_cmpstr (out->str, ==,
                   "{\"status\":\"unavailable\",\"database\":\"unavailable\",\"schema_version\":null,"
                   "\"version\":\"0.1.0\"}");
  node = parse (out->str);
  back = sc_health_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_false (sc_health_is_ok (back));
  g_assert_cmpint (sc_health_get_schema_version (back), ==, -1);

  g_clear_pointer (&node, json_node_unref);
  g_clear_object (&back);
  node = parse ("{\"status\":\"ok\",\"database\":\"ok\",\"schema_version\":\"2\",\"version\":\"0.1.0\"}");
  back = sc_health_new_from_json (node, &error);
  g_assert_null (back);
  g_assert_error (error, SC_ERROR, SC_ERROR_MALFORMED);
}

static void
test_audit_event_round_trip (void)
{
  static const char * const ids[] = { "3", "7", "a \"quoted\" id", NULL };
  g_autoptr(ScAuditEvent) event = NULL;
  g_autoptr(ScAuditEvent) bare = NULL;
  g_autoptr(ScAuditEvent) back = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  ScJsonWriter writer;
  gint64 at;

  g_assert_true (sc_time_parse ("2026-11-23T09:15:02Z", &at));
  event = sc_audit_event_new (91, at, "user.list", "success");
  sc_audit_event_set_actor (event, 7, "asha", "system_admin", "0123456789abcdef", "127.0.0.1");
  sc_audit_event_set_resource (event, "user", NULL, ids);
  sc_json_writer_init (&writer, out);
  sc_audit_event_write_json (event, &writer);
  g_assert_cmpstr (out->str, ==,
                   "{\"id\":91,\"at\":\"2026-11-23T09:15:02Z\",\"user_id\":7,\"username\":\"asha\","
                   "\"role\":\"system_admin\",\"action\":\"user.list\",\"resource_type\":\"user\","
                   "\"resource_id\":null,\"resource_ids\":[\"3\",\"7\",\"a \\\"quoted\\\" id\"],"
                   "\"request_id\":\"0123456789abcdef\",\"source_address\":\"127.0.0.1\",\"outcome\":\"success\"}");

  node = parse (out->str);
  back = sc_audit_event_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_audit_event_get_id (back), ==, 91);
  g_assert_cmpint (sc_audit_event_get_at (back), ==, at);
  g_assert_cmpint (sc_audit_event_get_user_id (back), ==, 7);
  g_assert_cmpstr (sc_audit_event_get_username (back), ==, "asha");
  g_assert_cmpstr (sc_audit_event_get_role (back), ==, "system_admin");
  g_assert_cmpstr (sc_audit_event_get_action (back), ==, "user.list");
  g_assert_cmpstr (sc_audit_event_get_resource_type (back), ==, "user");
  g_assert_null (sc_audit_event_get_resource_id (back));
  g_assert_true (g_strv_equal ((const char * const *) sc_audit_event_get_resource_ids (back), ids));
  g_assert_cmpstr (sc_audit_event_get_request_id (back), ==, "0123456789abcdef");
  g_assert_cmpstr (sc_audit_event_get_source_address (back), ==, "127.0.0.1");
  g_assert_cmpstr (sc_audit_event_get_outcome (back), ==, "success");

  /* a failed sign-in of an unknown user: no user id, no role, no list */
  bare = sc_audit_event_new (92, at, "session.create", "failure");
  sc_audit_event_set_actor (bare, 0, "nobody", NULL, NULL, "10.0.0.1");
  g_string_truncate (out, 0);
  sc_json_writer_init (&writer, out);
  sc_audit_event_write_json (bare, &writer);
  g_assert_nonnull (strstr (out->str, "\"user_id\":null,\"username\":\"nobody\",\"role\":null"));
  g_assert_nonnull (strstr (out->str, "\"resource_ids\":null"));
  g_clear_pointer (&node, json_node_unref);
  g_clear_object (&back);
  node = parse (out->str);
  back = sc_audit_event_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_audit_event_get_user_id (back), ==, 0);
  g_assert_null (sc_audit_event_get_resource_ids (back));

  /* each bad member named */
  {
    static const struct { const char *json; const char *member; } bad[] = {
      { "{\"at\":\"2026-11-23T09:15:02Z\",\"action\":\"a\",\"outcome\":\"success\"}", "\"id\"" },
      { "{\"id\":1,\"at\":\"yesterday\",\"action\":\"a\",\"outcome\":\"success\"}", "\"at\"" },
      { "{\"id\":1,\"at\":\"2026-11-23T09:15:02Z\",\"outcome\":\"success\"}", "\"action\"" },
      { "{\"id\":1,\"at\":\"2026-11-23T09:15:02Z\",\"action\":\"a\",\"outcome\":\"success\",\"resource_ids\":[1]}",
        "\"resource_ids\"" },
      { "{\"id\":1,\"at\":\"2026-11-23T09:15:02Z\",\"action\":\"a\",\"outcome\":\"success\",\"user_id\":\"7\"}",
        "\"user_id\"" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(JsonNode) bad_node = parse (bad[i].json);
        g_autoptr(GError) bad_error = NULL;
        g_autoptr(ScAuditEvent) none = sc_audit_event_new_from_json (bad_node, &bad_error);

        g_assert_null (none);
        g_assert_error (bad_error, SC_ERROR, SC_ERROR_MALFORMED);
        if (strstr (bad_error->message, bad[i].member) == NULL)
          g_error ("case %u: expected %s in: %s", i, bad[i].member, bad_error->message);
      }
  }
}

static void
test_page_round_trip (void)
{
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  ScJsonWriter writer;

  g_ptr_array_add (users, sc_user_new (3, "asha", "Asha Patel", "caseworker", TRUE));
  g_ptr_array_add (users, sc_user_new (7, "tom", "", "team_manager", FALSE));
  sc_json_writer_init (&writer, out);
  sc_page_write_json (users, (ScWriteJsonFunc) sc_user_write_json, "7", &writer);
  g_assert_true (g_str_has_prefix (out->str, "{\"items\":[{\"id\":3,\"username\":\"asha\","));
  g_assert_true (g_str_has_suffix (out->str, "}],\"next_cursor\":\"7\"}"));

  node = parse (out->str);
  back = sc_page_read_json (node, (ScReadJsonFunc) sc_user_new_from_json, &cursor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 2);
  g_assert_cmpstr (sc_user_get_username (g_ptr_array_index (back, 1)), ==, "tom");
  g_assert_false (sc_user_get_active (g_ptr_array_index (back, 1)));
  g_assert_cmpstr (cursor, ==, "7");

  /* the last page, and an empty one */
  g_ptr_array_set_size (users, 0);
  g_string_truncate (out, 0);
  sc_json_writer_init (&writer, out);
  sc_page_write_json (users, (ScWriteJsonFunc) sc_user_write_json, NULL, &writer);
  g_assert_cmpstr (out->str, ==, "{\"items\":[],\"next_cursor\":null}");
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&back, g_ptr_array_unref);
  g_clear_pointer (&cursor, g_free);
  node = parse (out->str);
  back = sc_page_read_json (node, (ScReadJsonFunc) sc_user_new_from_json, &cursor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 0);
  g_assert_null (cursor);

  /* a bad item is named by its place */
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&back, g_ptr_array_unref);
  node = parse ("{\"items\":[{\"id\":1,\"username\":\"a\",\"full_name\":\"\",\"role\":\"caseworker\"},{\"id\":2}],"
                "\"next_cursor\":null}");
  back = sc_page_read_json (node, (ScReadJsonFunc) sc_user_new_from_json, NULL, &error);
  g_assert_null (back);
  g_assert_error (error, SC_ERROR, SC_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "page: item 1: user: member \"username\""));
  g_clear_error (&error);
  g_clear_pointer (&node, json_node_unref);
  node = parse ("{\"items\":{}}");
  back = sc_page_read_json (node, (ScReadJsonFunc) sc_user_new_from_json, NULL, &error);
  g_assert_null (back);
  g_assert_error (error, SC_ERROR, SC_ERROR_MALFORMED);
}

/* --- people ----------------------------------------------------------- */

static char *
person_json (ScPerson *person)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_person_write_json (person, &writer);
  return g_string_free (out, FALSE);
}

static void
test_person_round_trip (void)
{
  g_autoptr(ScPerson) person = sc_person_new (7, "Zoë", "O'Brien", "2016-04-01");
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_person_contact_free);
  ScPersonContact *contact = sc_person_contact_new ("Ann O'Brien");
  const char *lines[] = { "1 High Street", NULL };
  const char *languages[] = { "English", "Irish", NULL };
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(ScPerson) read = NULL;
  g_autoptr(GError) error = NULL;

  contact->email = g_strdup ("ann@example.org");
  contact->preferred_contact = g_strdup ("email");
  contact->parental_responsibility = TRUE;
  g_ptr_array_add (contacts, contact);
  sc_person_set_preferred_name (person, "Zo");
  sc_person_set_sex (person, "female");
  sc_person_set_identifiers (person, "B801200005001", NULL, "9434765919");
  sc_person_set_address (person, lines, "Leeds", "LS1 1AA");
  sc_person_set_languages (person, languages);
  sc_person_take_contacts (person, g_steal_pointer (&contacts));
  sc_person_set_version (person, 3);
  sc_person_set_created_at (person, G_GINT64_CONSTANT (1700000000) * G_USEC_PER_SEC);
  sc_person_set_updated_at (person, G_GINT64_CONSTANT (1700000001) * G_USEC_PER_SEC);

  text = person_json (person);
  g_assert_cmpstr (text, ==,
                   "{\"id\":7,\"given_name\":\"Zoë\",\"family_name\":\"O'Brien\",\"preferred_name\":\"Zo\","
                   "\"date_of_birth\":\"2016-04-01\",\"sex\":\"female\",\"upn\":\"B801200005001\",\"uln\":null,"
                   "\"nhs_number\":\"9434765919\",\"address\":{\"lines\":[\"1 High Street\"],\"town\":\"Leeds\","
                   "\"postcode\":\"LS1 1AA\"},\"languages\":[\"English\",\"Irish\"],\"contacts\":[{\"name\":"
                   "\"Ann O'Brien\",\"relationship\":null,\"phone\":null,\"email\":\"ann@example.org\","
                   "\"preferred_contact\":\"email\",\"parental_responsibility\":true}],\"version\":3,"
                   "\"created_at\":\"2023-11-14T22:13:20Z\",\"updated_at\":\"2023-11-14T22:13:21Z\"}");
  g_assert_cmpstr (sc_person_get_display_name (person), ==, "Zo O'Brien");

  node = parse (text);
  read = sc_person_new_from_json (node, &error);
  g_assert_no_error (error);
  again = person_json (read);
  g_assert_cmpstr (again, ==, text);
  g_assert_cmpuint (sc_person_get_contacts (read)->len, ==, 1);

  /* none of the optional parts */
  {
    g_autoptr(ScPerson) least = sc_person_new (8, "Amir", "Khan", "2020-02-29");
    g_autofree char *out = person_json (least);

    g_assert_nonnull (strstr (out, "\"address\":null,\"languages\":[],\"contacts\":[]"));
    g_assert_cmpstr (sc_person_get_display_name (least), ==, "Amir Khan");
  }
}

static void
test_person_read_errors (void)
{
  const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "[]", "person: must be a JSON object" },
    { "{\"id\":1,\"given_name\":\"A\",\"family_name\":\"B\"}", "person: member \"date_of_birth\" is required" },
    { "{\"id\":0,\"given_name\":\"A\",\"family_name\":\"B\",\"date_of_birth\":\"2016-01-01\"}",
      "person: member \"id\" must be a positive whole number" },
    { "{\"id\":1,\"given_name\":\"A\",\"family_name\":\"B\",\"date_of_birth\":\"2016-01-01\",\"languages\":[1]}",
      "person: member \"languages\" must be an array of strings" },
    { "{\"id\":1,\"given_name\":\"A\",\"family_name\":\"B\",\"date_of_birth\":\"2016-01-01\",\"address\":7}",
      "person: member \"address\" must be an object or null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScPerson) person = sc_person_new_from_json (node, &error);

      g_assert_null (person);
      g_assert_error (error, SC_ERROR, SC_ERROR_MALFORMED);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* The first field error of checking @json, as "field: message"; NULL when
 * it passes. */
static char *
input_refusal (const char *json,
               gboolean    update)
{
  g_autoptr(JsonNode) node = parse (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) out = sc_person_check_input (json_node_get_object (node), update, &error);
  const ScFieldError *first;

  if (out != NULL)
    {
      g_assert_no_error (error);
      return NULL;
    }
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
  first = sc_problem_get_field_error (sc_error_get_problem (error), 0);
  return g_strdup_printf ("%s: %s", first->field, first->message);
}

#define VALID "\"given_name\":\"Zoë\",\"family_name\":\"O'Brien\",\"date_of_birth\":\"2016-04-01\""

static void
test_person_input (void)
{
  const struct {
    const char *json;
    gboolean    update;
    const char *refusal;   /* NULL: accepted */
  } cases[] = {
    { "{" VALID "}", FALSE, NULL },
    { "{" VALID ",\"confirm_different_person\":true}", FALSE, NULL },   /* not the rules' to check */
    { "{\"given_name\":\"Zoë\",\"family_name\":\"O'Brien\"}", FALSE, "date_of_birth: is required" },
    { "{" VALID ",\"preferred_name\":null}", FALSE, NULL },
    { "{\"given_name\":null}", TRUE, "given_name: cannot be cleared" },
    { "{\"preferred_name\":null}", TRUE, NULL },
    { "{}", TRUE, "body: give at least one of the person's fields" },
    { "{\"given_name\":\"\\t\"}", TRUE,
      "given_name: must be 1-100 characters of text, not blank, without control characters" },
    { "{\"given_name\":12}", TRUE, "given_name: must be a string" },
    { "{\"date_of_birth\":\"2016-13-01\"}", TRUE, "date_of_birth: must be a real date written YYYY-MM-DD" },
    { "{\"date_of_birth\":\"2016-1-01\"}", TRUE, "date_of_birth: must be a real date written YYYY-MM-DD" },
    { "{\"date_of_birth\":\"+016-01-01\"}", TRUE, "date_of_birth: must be a real date written YYYY-MM-DD" },
    { "{\"sex\":\"M\"}", TRUE, "sex: must be one of female, male, other, not_known" },
    { "{\"sex\":null}", TRUE, NULL },
    { "{\"nhs_number\":\"943-476-5919\"}", TRUE, "nhs_number: must be 10 digits" },  /* spaces only */
    { "{\"upn\":\"B801200005001\",\"uln\":\"9276308686\"}", TRUE, NULL },
    { "{\"address\":{\"lines\":[\"1 Road\"],\"postcode\":\"LS1 1AA\",\"county\":\"West Yorkshire\"}}", TRUE,
      "address.county: is not a known field" },
    { "{\"address\":{\"lines\":[\"a\",\"b\",\"c\",\"d\"]}}", TRUE, "address.lines: must be 1 to 3 lines of text" },
    { "{\"languages\":[\"\"]}", TRUE, "languages[0]: must be a language's name: 1-50 characters of text" },
    { "{\"contacts\":[{\"name\":\"A\",\"email\":\"a@b\"}]}", TRUE,
      "contacts[0].email: must be an email address (name@example.org)" },
    { "{\"contacts\":[{\"name\":\"A\",\"email\":\"a b@c.org\"}]}", TRUE,
      "contacts[0].email: must be an email address (name@example.org)" },
    { "{\"contacts\":[{\"name\":\"A\",\"phone\":\"0113 496 0000 ext 2\"}]}", TRUE,
      "contacts[0].phone: must be a telephone number: 7 to 15 digits, with spaces, '-', '(', ')' or a leading '+'" },
    { "{\"contacts\":[{\"name\":\"A\",\"preferred_contact\":\"email\"}]}", TRUE,
      "contacts[0].preferred_contact: is email, and the contact has no email" },
    { "{\"contacts\":[{\"name\":\"A\",\"parental_responsibility\":\"yes\"}]}", TRUE,
      "contacts[0].parental_responsibility: must be true or false" },
    { "{\"contacts\":[{\"name\":\"A\",\"age\":40}]}", TRUE, "contacts[0].age: is not a known field" },
    { "{\"contacts\":[7]}", TRUE, "contacts[0]: must be an object" },
    { "{\"contacts\":null}", TRUE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *refusal = input_refusal (cases[i].json, cases[i].update);

      if (g_strcmp0 (refusal, cases[i].refusal) != 0)
        g_error ("%s: got [%s], expected [%s]", cases[i].json, refusal, cases[i].refusal);
    }

  /* the stored forms */
  {
    g_autoptr(JsonNode) node = parse ("{\"nhs_number\":\"943 476 5919\",\"address\":{\"lines\":[\"1 Road\"],"
                                      "\"postcode\":\"ls11aa\"},\"contacts\":[{\"name\":\"A\"}],\"preferred_name\":null}");
    g_autoptr(JsonObject) out = sc_person_check_input (json_node_get_object (node), TRUE, NULL);
    JsonObject *contact;

    g_assert_nonnull (out);
    g_assert_cmpstr (json_object_get_string_member (out, "nhs_number"), ==, "9434765919");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (out, "address"), "postcode"), ==,
                     "LS1 1AA");
    contact = json_array_get_object_element (json_object_get_array_member (out, "contacts"), 0);
    g_assert_false (json_object_get_boolean_member (contact, "parental_responsibility"));
    g_assert_true (json_object_get_null_member (out, "preferred_name"));
    g_assert_false (json_object_has_member (out, "given_name"));
  }
  /* every bad field at once */
  {
    g_autoptr(JsonNode) node = parse ("{\"upn\":\"x\",\"uln\":\"y\",\"nhs_number\":\"z\"}");
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) out = sc_person_check_input (json_node_get_object (node), FALSE, &error);

    g_assert_null (out);
    /* the three names and date, and the three identifiers */
    g_assert_cmpuint (sc_problem_get_n_field_errors (sc_error_get_problem (error)), ==, 6);
  }
}

static void
test_person_date_of_birth (void)
{
  g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_MARCH, 2026);
  const struct {
    const char *value;
    gboolean    ok;
  } cases[] = {
    { "2026-03-15", TRUE },    /* born today */
    { "2026-03-16", FALSE },   /* tomorrow */
    { "2000-03-16", TRUE },    /* the day before the 26th birthday */
    { "2000-03-15", FALSE },   /* the 26th birthday: past 0-25 */
    { "1990-01-01", FALSE },
    { "2024-02-29", TRUE },
    { "2023-02-29", FALSE },
    { "2016-04-01T00:00", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (sc_person_check_date_of_birth (cases[i].value, today, NULL) != cases[i].ok)
      g_error ("date of birth %s: expected %s", cases[i].value, cases[i].ok ? "accepted" : "refused");
}

static void
test_postcode (void)
{
  const struct {
    const char *input;
    const char *stored;
  } cases[] = {
    { "LS1 1AA", "LS1 1AA" }, { "ls11aa", "LS1 1AA" }, { "SW1A 2AA", "SW1A 2AA" }, { "m1 1ae", "M1 1AE" },
    { "B33 8TH", "B33 8TH" }, { "CR2 6XH", "CR2 6XH" }, { "DN55 1PT", "DN55 1PT" },
    { "LS1", NULL }, { "1S1 1AA", NULL }, { "LS1 AAA", NULL }, { "LSS 1AA", NULL }, { "LS1-1AA", NULL },
    { "", NULL }, { "LS123 1AA", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stored = sc_postcode_normalise (cases[i].input);

      g_assert_cmpstr (stored, ==, cases[i].stored);
    }
}

/* --- cases ------------------------------------------------------------ */

static char *
written (gpointer         model,
         void           (*write) (gpointer, ScJsonWriter *))
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  write (model, &writer);
  return g_string_free (out, FALSE);
}

static void
test_case_round_trip (void)
{
  g_autoptr(ScCase) kase = sc_case_new (4);
  g_autoptr(ScCase) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  sc_case_set_version (kase, 3);
  sc_case_set_person (kase, 9, "Zoë", "O'Brien", "2016-04-01", NULL);
  sc_case_take_owner (kase, sc_case_user_new (2, "caseworker", "Asha Patel"));
  sc_case_take_assignee (kase, sc_case_user_new (3, "manager", ""));
  sc_case_set_stage_name (kase, "assessing");
  sc_case_set_restricted (kase, TRUE);
  sc_case_set_notes (kase, "notes \"quoted\"", NULL);
  sc_case_set_request (kase, "2026-03-02", "parent");
  sc_case_set_next (kase, "2026-07-20", "final_plan");
  sc_case_set_times (kase, G_GINT64_CONSTANT (1767225600000000), G_GINT64_CONSTANT (1767225601000000));
  sc_case_take_handover (kase, sc_case_user_new (3, "manager", "Tom Reilly"), G_GINT64_CONSTANT (1767225600000000));

  text = written (kase, (void (*) (gpointer, ScJsonWriter *)) sc_case_write_json);
  g_assert_nonnull (strstr (text, "\"handed_over_by\":{\"id\":3,\"username\":\"manager\",\"full_name\":\"Tom Reilly\"},"
                                  "\"handed_over_at\":\"2026-01-01T00:00:00Z\""));
  node = parse (text);
  back = sc_case_new_from_json (node, &error);
  g_assert_no_error (error);
  again = written (back, (void (*) (gpointer, ScJsonWriter *)) sc_case_write_json);
  g_assert_cmpstr (again, ==, text);
  g_assert_cmpstr (sc_case_get_person (back)->given_name, ==, "Zoë");
  g_assert_null (sc_case_get_person (back)->upn);
  g_assert_cmpuint (sc_case_get_n_assignees (back), ==, 1);
  g_assert_cmpstr (sc_case_get_assignee (back, 0)->username, ==, "manager");
  g_assert_true (sc_case_get_restricted (back));
  g_assert_null (sc_case_get_handover_note (back));
  g_assert_cmpstr (sc_case_get_handed_over_by (back)->full_name, ==, "Tom Reilly");
  g_assert_cmpint (sc_case_get_handed_over_at (back), ==, G_GINT64_CONSTANT (1767225600000000));
  g_assert_cmpstr (sc_case_get_next_milestone (back), ==, "final_plan");
  {
    g_autofree char *stage = NULL;
    g_autofree char *due = NULL;
    gboolean restricted = FALSE;

    g_object_get (back, "stage", &stage, "next-due", &due, "restricted", &restricted, NULL);
    g_assert_cmpstr (stage, ==, "assessing");
    g_assert_cmpstr (due, ==, "2026-07-20");
    g_assert_true (restricted);
  }

  /* a member of the wrong type is named */
  {
    g_autoptr(JsonNode) bad = parse ("{\"id\":4,\"person\":{\"id\":9,\"given_name\":\"a\",\"family_name\":\"b\"},"
                                     "\"owner\":{\"id\":2,\"username\":\"x\"},\"stage\":7}");
    g_autoptr(GError) bad_error = NULL;
    g_autoptr(ScCase) none = sc_case_new_from_json (bad, &bad_error);

    g_assert_null (none);
    g_assert_error (bad_error, SC_ERROR, SC_ERROR_MALFORMED);
    g_assert_nonnull (strstr (bad_error->message, "\"stage\""));
  }
  g_assert_true (sc_case_check_request_source ("social_care", NULL));
  g_assert_false (sc_case_check_request_source ("school", NULL));
}

static void
test_case_event_round_trip (void)
{
  ScClockEvent event = { .type = SC_EVENT_ADVICE_REQUESTED, .date = sc_day_from_ymd (2026, 4, 7),
                         .key = "educational_psychologist" };
  g_autoptr(ScCaseEvent) record = sc_case_event_new (12, &event);
  g_autoptr(ScCaseEvent) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *details = NULL;

  sc_case_event_set_position (record, 3);
  sc_case_event_set_note (record, "EP service");
  sc_case_event_take_recorded (record, sc_case_user_new (2, "caseworker", "Asha Patel"),
                               G_GINT64_CONSTANT (1767225600000000));
  sc_case_event_take_voided (record, sc_case_user_new (3, "manager", "Sam"), G_GINT64_CONSTANT (1767225660000000),
                             "wrong case");
  text = written (record, (void (*) (gpointer, ScJsonWriter *)) sc_case_event_write_json);
  node = parse (text);
  back = sc_case_event_new_from_json (node, &error);
  g_assert_no_error (error);
  again = written (back, (void (*) (gpointer, ScJsonWriter *)) sc_case_event_write_json);
  g_assert_cmpstr (again, ==, text);
  g_assert_cmpstr (sc_case_event_get_clock_event (back)->key, ==, "educational_psychologist");
  g_assert_true (sc_case_event_is_voided (back));
  g_assert_cmpstr (sc_case_event_get_void_reason (back), ==, "wrong case");

  details = sc_case_event_dup_details (&event);
  g_assert_cmpstr (details, ==, "{}");
  {
    ScClockEvent decision = { .type = SC_EVENT_REVIEW_DECISION, .date = sc_day_from_ymd (2026, 4, 7),
                              .outcome = SC_OUTCOME_AMEND };
    g_autofree char *amend = sc_case_event_dup_details (&decision);

    g_assert_cmpstr (amend, ==, "{\"outcome\":\"amend\"}");
  }
}

static void
test_case_event_input (void)
{
  static const struct { const char *json; const char *field; } refused[] = {
    { "{\"date\":\"2026-04-07\"}", "type" },
    { "{\"type\":\"advice_requestd\",\"date\":\"2026-04-07\",\"key\":\"x\"}", "type" },
    { "{\"type\":\"advice_requested\",\"key\":\"x\"}", "date" },
    { "{\"type\":\"advice_requested\",\"date\":\"2026-04-07\"}", "key" },
    { "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-07\",\"outcome\":\"amend\"}", "outcome" },
    { "{\"type\":\"review_decision\",\"date\":\"2026-04-07\",\"outcome\":\"maybe\"}", "outcome" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(JsonNode) node = parse (refused[i].json);
      g_autoptr(GError) error = NULL;
      g_autofree char *key = NULL;
      ScClockEvent event;
      const ScProblem *problem;

      g_assert_false (sc_case_event_read_clock_event (json_node_get_object (node), NULL, &event, &key, &error));
      g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
      problem = sc_error_get_problem (error);
      g_assert_nonnull (problem);
      g_assert_cmpstr (sc_problem_get_field_error (problem, 0)->field, ==, refused[i].field);
    }
  {
    static const char * const note[] = { "note", NULL };
    g_autoptr(JsonNode) node = parse ("{\"type\":\"advice_received\",\"date\":\"2026-05-01\",\"key\":\"ep\","
                                      "\"note\":\"x\"}");
    g_autoptr(GError) error = NULL;
    g_autofree char *key = NULL;
    ScClockEvent event;

    g_assert_true (sc_case_event_read_clock_event (json_node_get_object (node), note, &event, &key, &error));
    g_assert_no_error (error);
    g_assert_cmpint (event.type, ==, SC_EVENT_ADVICE_RECEIVED);
    g_assert_cmpstr (event.key, ==, "ep");
    g_assert_true (event.key == key);
  }
}

static void
test_workload_round_trip (void)
{
  g_autoptr(ScWorkload) workload = sc_workload_new (sc_case_user_new (7, "cw.2", "Daniel Hughes"), 231, 12, 9);
  g_autoptr(ScWorkload) back = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_workload_write_json (workload, &writer);
  g_assert_cmpstr (out->str, ==, "{\"owner\":{\"id\":7,\"username\":\"cw.2\",\"full_name\":\"Daniel Hughes\"},"
                                 "\"cases\":231,\"overdue\":12,\"due_this_week\":9}");
  node = parse (out->str);
  back = sc_workload_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->owner->id, ==, 7);
  g_assert_cmpstr (back->owner->full_name, ==, "Daniel Hughes");
  g_assert_cmpuint (back->cases, ==, 231);
  g_assert_cmpuint (back->overdue, ==, 12);
  g_assert_cmpuint (back->due_this_week, ==, 9);

  for (guint i = 0; i < 3; i++)
    {
      static const char * const bad[] = {
        "{\"owner\":{\"id\":7,\"username\":\"cw.2\"},\"cases\":-1,\"overdue\":0,\"due_this_week\":0}",
        "{\"owner\":null,\"cases\":1,\"overdue\":0,\"due_this_week\":0}",
        "{\"owner\":{\"id\":7,\"username\":\"cw.2\"},\"cases\":1,\"overdue\":\"0\",\"due_this_week\":0}",
      };
      g_autoptr(JsonNode) wrong = parse (bad[i]);
      g_autoptr(ScWorkload) none = NULL;

      g_clear_error (&error);
      none = sc_workload_new_from_json (wrong, &error);
      g_assert_null (none);
      g_assert_error (error, SC_ERROR, SC_ERROR_MALFORMED);
    }
}

static void
test_advice_request_round_trip (void)
{
  g_autoptr(ScAdviceRequest) request = sc_advice_request_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) page = g_string_new (NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  const ScAdviceRequest *first;
  ScJsonWriter writer;

  request->case_id = 12;
  request->person_id = 3;
  request->given_name = g_strdup ("Ivo");
  request->family_name = g_strdup ("Lang");
  request->owner = sc_case_user_new (1, "caseworker", "Asha Patel");
  request->adviser = g_strdup ("educational_psychology");
  g_assert_true (sc_day_parse ("2026-02-02", &request->requested_on));
  g_assert_true (sc_day_parse ("2026-03-16", &request->due));
  sc_json_writer_init (&writer, out);
  sc_advice_request_write_json (request, &writer);
  g_assert_cmpstr (out->str, ==, "{\"case_id\":12,\"person\":{\"id\":3,\"given_name\":\"Ivo\",\"family_name\":\"Lang\"},"
                                 "\"owner\":{\"id\":1,\"username\":\"caseworker\",\"full_name\":\"Asha Patel\"},"
                                 "\"adviser\":\"educational_psychology\",\"requested_on\":\"2026-02-02\","
                                 "\"due\":\"2026-03-16\"}");

  /* A page of them, read with their own free function: not GObjects. */
  g_ptr_array_add (items, request);
  g_ptr_array_add (items, request);
  sc_json_writer_init (&writer, page);
  sc_page_write_json (items, (ScWriteJsonFunc) sc_advice_request_write_json, "2026-03-16.12.1", &writer);
  node = parse (page->str);
  back = sc_page_read_json_full (node, (ScReadJsonFunc) sc_advice_request_new_from_json,
                                 (GDestroyNotify) sc_advice_request_free, &next, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 2);
  g_assert_cmpstr (next, ==, "2026-03-16.12.1");
  first = g_ptr_array_index (back, 0);
  g_assert_cmpint (first->case_id, ==, 12);
  g_assert_cmpint (first->person_id, ==, 3);
  g_assert_cmpstr (first->family_name, ==, "Lang");
  g_assert_cmpstr (sc_case_user_get_name (first->owner), ==, "Asha Patel");
  g_assert_cmpstr (first->adviser, ==, "educational_psychology");
  g_assert_cmpint (first->requested_on, ==, request->requested_on);
  g_assert_cmpint (first->due, ==, request->due);

  for (guint i = 0; i < 4; i++)
    {
      static const char * const bad[][2] = {
        { "{\"case_id\":12,\"person\":null,\"owner\":{\"id\":1,\"username\":\"c\"},\"adviser\":\"health\","
          "\"requested_on\":\"2026-02-02\",\"due\":\"2026-03-16\"}", "person" },
        { "{\"case_id\":12,\"person\":{\"id\":3,\"given_name\":\"I\",\"family_name\":\"L\"},"
          "\"owner\":{\"id\":1,\"username\":\"c\"},\"adviser\":\"health\","
          "\"requested_on\":\"2 Feb 2026\",\"due\":\"2026-03-16\"}", "requested_on" },
        { "{\"case_id\":12,\"person\":{\"id\":3,\"given_name\":\"I\",\"family_name\":\"L\"},"
          "\"owner\":{\"id\":1,\"username\":\"c\"},"
          "\"requested_on\":\"2026-02-02\",\"due\":\"2026-03-16\"}", "adviser" },
        { "[]", "object" },
      };
      g_autoptr(JsonNode) wrong = parse (bad[i][0]);
      g_autoptr(ScAdviceRequest) none = NULL;

      g_clear_error (&error);
      none = sc_advice_request_new_from_json (wrong, &error);
      g_assert_null (none);
      g_assert_error (error, SC_ERROR, SC_ERROR_MALFORMED);
      g_assert_nonnull (strstr (error->message, bad[i][1]));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/models/writer/strings", test_writer_strings);
  g_test_add_func ("/common/models/writer/structure", test_writer_structure);
  g_test_add_func ("/common/models/times", test_times);
  g_test_add_func ("/common/models/user/round-trip", test_user_round_trip);
  g_test_add_func ("/common/models/user/display", test_user_display);
  g_test_add_func ("/common/models/user/bad-json", test_user_bad_json);
  g_test_add_func ("/common/models/user/rules", test_user_rules);
  g_test_add_func ("/common/models/session/round-trip", test_session_round_trip);
  g_test_add_func ("/common/models/health/round-trip", test_health_round_trip);
  g_test_add_func ("/common/models/audit-event/round-trip", test_audit_event_round_trip);
  g_test_add_func ("/common/models/page/round-trip", test_page_round_trip);
  g_test_add_func ("/common/models/person/round-trip", test_person_round_trip);
  g_test_add_func ("/common/models/person/read-errors", test_person_read_errors);
  g_test_add_func ("/common/models/person/input", test_person_input);
  g_test_add_func ("/common/models/person/date-of-birth", test_person_date_of_birth);
  g_test_add_func ("/common/models/person/postcode", test_postcode);
  g_test_add_func ("/common/models/case/round-trip", test_case_round_trip);
  g_test_add_func ("/common/models/case-event/round-trip", test_case_event_round_trip);
  g_test_add_func ("/common/models/case-event/input", test_case_event_input);
  g_test_add_func ("/common/models/workload/round-trip", test_workload_round_trip);
  g_test_add_func ("/common/models/advice-request/round-trip", test_advice_request_round_trip);

  return g_test_run ();
}
