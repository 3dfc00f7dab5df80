/* scd-person-handlers.c
 *
 * The people a case is about: search, create, read and change (with
 * If-Match). People are case content (docs/access.md): caseworkers, team
 * managers and admin officers read them; caseworkers and team managers
 * create and change them; a system administrator is refused. People are
 * never deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-people"

#include "config.h"

#include <string.h>

#include "sc-json.h"
#include "scd-handlers.h"

static void
reply_person (ScdRequest *request,
              guint       status,
              ScPerson   *person)
{
  scd_handler_set_etag (request, sc_person_get_version (person));
  scd_handler_reply_model (request, status, person, (ScWriteJsonFunc) sc_person_write_json);
}

/* --- search -------------------------------------------------------------- */

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GPtrArray) people = scd_person_store_search_finish (SCD_PERSON_STORE (object), result, &next, &error);

  if (people == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, people, next, (ScWriteJsonFunc) sc_person_write_json);
}

/* A search's cursor: a person's id, or for a name search the word they
 * matched, as the hex of its UTF-8, a dot and the id. */
static gboolean
parse_search_cursor (ScdRequest  *request,
                     char       **after_word,
                     gint64      *after,
                     GError     **error)
{
  const char *text = scd_handler_get_query_text (request, "cursor", error);
  const char *dot = text != NULL ? strrchr (text, '.') : NULL;
  g_autoptr(GByteArray) word = NULL;
  guint64 id = 0;

  *after_word = NULL;
  *after = 0;
  if (text == NULL)
    return TRUE;
  if (dot != NULL)
    {
      word = g_byte_array_new ();
      for (const char *c = text; c + 1 < dot; c += 2)
        {
          int high = g_ascii_xdigit_value (c[0]);
          int low = g_ascii_xdigit_value (c[1]);
          guint8 byte = (guint8) (high * 16 + low);

          if (high < 0 || low < 0)
            break;
          g_byte_array_append (word, &byte, 1);
        }
    }
  if (!g_ascii_string_to_unsigned (dot != NULL ? dot + 1 : text, 10, 1, G_MAXINT64, &id, NULL) ||
      (word != NULL && (word->len == 0 || word->len * 2 != (guint) (dot - text) ||
                        !g_utf8_validate ((const char *) word->data, word->len, NULL) ||
                        memchr (word->data, 0, word->len) != NULL)))
    {
      sc_set_field_error (error, "cursor", "is not a cursor this server gave out");
      return FALSE;
    }
  *after = (gint64) id;
  if (word != NULL)
    *after_word = g_strndup ((const char *) word->data, word->len);
  return TRUE;
}

void
scd_person_handler_search (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after_word = NULL;
  const char *query;
  gint64 after = 0;
  guint limit = 0;

  scd_handler_parse_limit (request, &limit, &error);
  parse_search_cursor (request, &after_word, &after, &error);
  query = scd_handler_get_query_text (request, "q", &error);
  if (query != NULL && g_utf8_strlen (query, -1) > SCD_PERSON_QUERY_MAX_CHARS)
    sc_set_field_error (&error, "q", "must be at most %d characters", SCD_PERSON_QUERY_MAX_CHARS);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_person_store_search_async (scd_handler_stores (request)->people, scd_request_get_actor (request), query,
                                 after_word, after, limit, scd_request_get_cancellable (request), search_cb,
                                 scd_handler_hold (request));
}

/* --- get ----------------------------------------------------------------- */

static void
get_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPerson) person = scd_person_store_get_finish (SCD_PERSON_STORE (object), result, &error);

  if (person == NULL)
    scd_request_reply_error (request, error);
  else
    reply_person (request, SOUP_STATUS_OK, person);
}

void
scd_person_handler_get (ScdRequest *request)
{
  gint64 id;

  if (scd_handler_parse_id (request, "person", &id))
    scd_person_store_get_async (scd_handler_stores (request)->people, scd_request_get_actor (request), id,
                                scd_request_get_cancellable (request), get_cb, scd_handler_hold (request));
}

/* --- create -------------------------------------------------------------- */

/* The answer to a create, kept with its Idempotency-Key for a retry. */
static void
person_answer (GObject    *model,
               ScdCreated *created)
{
  scd_handler_answer_created (created, model, (ScWriteJsonFunc) sc_person_write_json, "/api/v1/people",
                              sc_person_get_id (SC_PERSON (model)), sc_person_get_version (SC_PERSON (model)));
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScdCreated) created = scd_person_store_create_finish (SCD_PERSON_STORE (object), result, &error);

  if (created == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_created (request, created);
}

/* A create's members: the person's, and the confirmation that a near
 * match is someone else. */
static const char * const create_members[] = {
  "given_name", "family_name", "preferred_name", "date_of_birth", "sex", "upn", "uln", "nhs_number",
  "address", "languages", "contacts", "confirm_different_person", NULL
};

void
scd_person_handler_create (ScdRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScdIdempotency) idempotency = NULL;
  gboolean confirm = FALSE;

  body = scd_handler_read_body (request, create_members, &error);
  if (body == NULL)
    return;
  input = sc_person_check_input (body, FALSE, &error);
  sc_json_read_boolean (body, "confirm_different_person", FALSE, &confirm, NULL, &error);
  idempotency = scd_handler_idempotency (request, person_answer, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_person_store_create_async (scd_handler_stores (request)->people, scd_request_get_actor (request), input,
                                 confirm, idempotency, scd_request_get_cancellable (request), created_cb,
                                 scd_handler_hold (request));
}

/* --- update -------------------------------------------------------------- */

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  gint64 current = 0;
  g_autoptr(ScPerson) person = scd_person_store_update_finish (SCD_PERSON_STORE (object), result, &current, &error);

  if (g_error_matches (error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED))
    scd_handler_set_etag (request, current);
  if (person == NULL)
    scd_request_reply_error (request, error);
  else
    reply_person (request, SOUP_STATUS_OK, person);
}

void
scd_person_handler_update (ScdRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) change = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version = 0;
  gint64 id;

  if (!scd_handler_parse_id (request, "person", &id))
    return;
  body = scd_handler_read_body (request, sc_person_input_members, &error);
  if (body == NULL)
    return;
  change = sc_person_check_input (body, TRUE, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  if (!scd_request_get_if_match (request, &version, &error))
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_person_store_update_async (scd_handler_stores (request)->people, scd_request_get_actor (request), id, version,
                                 change, scd_request_get_cancellable (request), updated_cb,
                                 scd_handler_hold (request));
}
