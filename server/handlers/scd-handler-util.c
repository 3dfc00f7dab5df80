/* scd-handler-util.c
 *
 * What many handlers do the same way: reach the stores, hold a request for
 * a store call, read the path id, a JSON body and the query, answer a model,
 * a page of a list or a create.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-handlers"

#include "config.h"

#include <string.h>

#include "sc-json.h"
#include "sc-problem.h"
#include "scd-handlers.h"

#define LIST_DEFAULT_LIMIT 100
#define LIST_MAX_LIMIT 500
#define IDEMPOTENCY_KEY_MAX_LENGTH 200

ScdStores *
scd_handler_stores (ScdRequest *request)
{
  return scd_request_get_stores (request);
}

ScdRequest *
scd_handler_hold (ScdRequest *request)
{
  scd_request_pause (request);
  return scd_request_ref (request);
}

gboolean
scd_handler_parse_id (ScdRequest *request,
                      const char *what,
                      gint64     *id)
{
  return scd_handler_parse_param_id (request, "id", what, id);
}

gboolean
scd_handler_parse_param_id (ScdRequest *request,
                            const char *param,
                            const char *what,
                            gint64     *id)
{
  const char *text = scd_request_get_param (request, param);
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      scd_request_reply_problem_printf (request, SC_ERROR_NOT_FOUND, "no %s %s", what, text);
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

JsonObject *
scd_handler_read_body (ScdRequest         *request,
                       const char * const *allowed,
                       GError            **error)
{
  g_autoptr(GError) parse_error = NULL;
  JsonObject *body = scd_request_parse_json_object (request, &parse_error);

  if (body == NULL)
    {
      scd_request_reply_error (request, parse_error);
      return NULL;
    }
  sc_json_check_members (body, allowed, error);
  return body;
}

const char *
scd_handler_get_query_text (ScdRequest  *request,
                            const char  *name,
                            GError     **error)
{
  const char *text = scd_request_get_query (request, name);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      sc_set_field_error (error, name, "must be valid UTF-8 text");
      return NULL;
    }
  return text;
}

gboolean
scd_handler_parse_limit (ScdRequest  *request,
                         guint       *limit,
                         GError     **error)
{
  const char *text = scd_request_get_query (request, "limit");
  guint64 value;

  *limit = LIST_DEFAULT_LIMIT;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, LIST_MAX_LIMIT, &value, NULL))
    {
      sc_set_field_error (error, "limit", "must be a whole number from 1 to %d", LIST_MAX_LIMIT);
      return FALSE;
    }
  *limit = (guint) value;
  return TRUE;
}

gboolean
scd_handler_creates (ScdRequest *request)
{
  return scd_request_get_header (request, "If-Match") == NULL &&
         g_strcmp0 (scd_request_get_header (request, "If-None-Match"), "*") == 0;
}

void
scd_handler_read_owner (ScdRequest  *request,
                        gint64      *owner_id,
                        GError     **error)
{
  const char *owner = scd_handler_get_query_text (request, "owner", error);
  guint64 value;

  if (owner == NULL)
    return;
  if (g_str_equal (owner, "me"))
    *owner_id = scd_actor_get_user_id (scd_request_get_actor (request));
  else if (g_ascii_string_to_unsigned (owner, 10, 1, G_MAXINT64, &value, NULL))
    *owner_id = (gint64) value;
  else
    sc_set_field_error (error, "owner", "must be \"me\" or a user's id");
}

gboolean
scd_handler_read_chase_query (ScdRequest    *request,
                              ScdChaseQuery *query)
{
  g_autoptr(GError) error = NULL;
  const char *status = scd_handler_get_query_text (request, "status", &error);
  const char *cursor = scd_handler_get_query_text (request, "cursor", &error);
  guint64 after_case = 0;
  guint64 after_position = 0;

  memset (query, 0, sizeof *query);
  query->after_due = SC_DAY_NONE;
  scd_handler_parse_limit (request, &query->limit, &error);
  scd_handler_read_owner (request, &query->owner_id, &error);
  if (status != NULL && g_str_equal (status, "overdue"))
    query->overdue_only = TRUE;
  else if (status != NULL && !g_str_equal (status, "open"))
    sc_set_field_error (&error, "status", "must be overdue or open");
  if (cursor != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (cursor, ".", 0);

      if (g_strv_length (parts) != 3 || !sc_day_parse (parts[0], &query->after_due) ||
          !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT64, &after_case, NULL) ||
          !g_ascii_string_to_unsigned (parts[2], 10, 1, G_MAXINT32, &after_position, NULL))
        sc_set_field_error (&error, "cursor", "is not a cursor this server gave out");
    }
  query->after_case = (gint64) after_case;
  query->after_position = (gint64) after_position;
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
scd_handler_parse_cursor (ScdRequest  *request,
                          gint64      *cursor,
                          GError     **error)
{
  const char *text = scd_request_get_query (request, "cursor");
  guint64 value = 0;

  *cursor = 0;
  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      sc_set_field_error (error, "cursor", "is not a cursor this server gave out");
      return FALSE;
    }
  *cursor = (gint64) value;
  return TRUE;
}

static char *
hash_request (ScdRequest *request)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GBytes *body = scd_request_get_body (request);
  const char *method = scd_request_get_method (request);
  const char *path = scd_request_get_path (request);
  gsize size = 0;
  const guchar *data = g_bytes_get_data (body, &size);

  g_checksum_update (checksum, (const guchar *) method, -1);
  g_checksum_update (checksum, (const guchar *) " ", 1);
  g_checksum_update (checksum, (const guchar *) path, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  if (size > 0)
    g_checksum_update (checksum, data, size);
  return g_strdup (g_checksum_get_string (checksum));
}

ScdIdempotency *
scd_handler_idempotency (ScdRequest     *request,
                         ScdAnswerFunc   answer,
                         GError        **error)
{
  const char *key = scd_request_get_header (request, "Idempotency-Key");
  g_autofree char *hash = NULL;

  if (key != NULL && (*key == '\0' || strlen (key) > IDEMPOTENCY_KEY_MAX_LENGTH))
    {
      sc_set_field_error (error, "Idempotency-Key", "must be 1 to %d characters", IDEMPOTENCY_KEY_MAX_LENGTH);
      return NULL;
    }
  if (key != NULL)
    hash = hash_request (request);
  return scd_idempotency_new (key, hash, answer);
}

void
scd_handler_set_etag (ScdRequest *request,
                      gint64      version)
{
  g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version);

  scd_request_add_header (request, "ETag", etag);
}

void
scd_handler_reply_model (ScdRequest      *request,
                         guint            status,
                         gpointer         model,
                         ScWriteJsonFunc  write)
{
  GString *out = g_string_sized_new (512);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  write (model, &writer);
  scd_request_reply_json_text (request, status, g_string_free (out, FALSE));
}

void
scd_handler_reply_versioned (ScdRequest      *request,
                             gpointer         model,
                             gint64           version,
                             const GError    *error,
                             gint64           current,
                             ScWriteJsonFunc  write)
{
  if (model == NULL)
    {
      if (g_error_matches (error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED) && current > 0)
        scd_handler_set_etag (request, current);
      scd_request_reply_error (request, error);
      return;
    }
  scd_handler_set_etag (request, version);
  scd_handler_reply_model (request, SOUP_STATUS_OK, model, write);
}

void
scd_handler_reply_page (ScdRequest      *request,
                        GPtrArray       *items,
                        const char      *next_cursor,
                        ScWriteJsonFunc  write_item)
{
  GString *out = g_string_sized_new (256 + 256 * items->len);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_page_write_json (items, write_item, next_cursor, &writer);
  scd_request_reply_json_text (request, SOUP_STATUS_OK, g_string_free (out, FALSE));
}

void
scd_handler_answer_created (ScdCreated      *created,
                            gpointer         model,
                            ScWriteJsonFunc  write,
                            const char      *collection,
                            gint64           id,
                            gint64           version)
{
  GString *out = g_string_sized_new (1024);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  write (model, &writer);
  created->status = SOUP_STATUS_CREATED;
  created->body = g_string_free (out, FALSE);
  created->etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version);
  if (collection != NULL)
    created->location = g_strdup_printf ("%s/%" G_GINT64_FORMAT, collection, id);
}

void
scd_handler_reply_created (ScdRequest *request,
                           ScdCreated *created)
{
  if (created->etag != NULL)
    scd_request_add_header (request, "ETag", created->etag);
  if (created->location != NULL)
    scd_request_add_header (request, "Location", created->location);
  if (created->replayed)
    scd_request_add_header (request, "Idempotent-Replayed", "true");
  scd_request_reply_json_text (request, created->status, g_strdup (created->body));
}

void
scd_handler_reply_refusal (ScdRequest   *request,
                           const GError *error,
                           gint64        retry_after)
{
  if (g_error_matches (error, SC_ERROR, SC_ERROR_UNAUTHORIZED))
    scd_request_add_header (request, "WWW-Authenticate", "Bearer realm=\"sendcase\"");
  if (g_error_matches (error, SC_ERROR, SC_ERROR_TOO_MANY_REQUESTS))
    {
      g_autofree char *seconds = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (retry_after, 1));

      scd_request_add_header (request, "Retry-After", seconds);
    }
  scd_request_reply_error (request, error);
}

void
scd_handler_parse_due_cursor (ScdRequest  *request,
                              ScDay       *after_due,
                              gint64      *after_id,
                              GError     **error)
{
  const char *cursor = scd_handler_get_query_text (request, "cursor", error);
  g_auto(GStrv) parts = NULL;
  guint64 value = 0;

  *after_due = SC_DAY_NONE;
  *after_id = 0;
  if (cursor == NULL)
    return;
  parts = g_strsplit (cursor, ".", 0);
  if (g_strv_length (parts) != 2 || !sc_day_parse (parts[0], after_due) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT64, &value, NULL))
    {
      *after_due = SC_DAY_NONE;
      sc_set_field_error (error, "cursor", "is not a cursor this server gave out");
    }
  *after_id = (gint64) value;
}

void
scd_handler_reply_csv (ScdRequest *request,
                       const char *filename,
                       GString    *csv,
                       const char *next_cursor)
{
  g_autofree char *disposition = g_strdup_printf ("attachment; filename=\"%s\"", filename);
  gsize length = csv->len;

  if (next_cursor != NULL)
    scd_request_add_header (request, "Next-Cursor", next_cursor);
  scd_request_add_header (request, "Content-Disposition", disposition);
  scd_request_reply_bytes (request, SOUP_STATUS_OK, "text/csv; charset=utf-8",
                           g_bytes_new_take (g_string_free (csv, FALSE), length));
}

gint64
scd_handler_parse_case_id (ScdRequest  *request,
                           const char  *none,
                           GError     **error)
{
  const char *case_id = scd_handler_get_query_text (request, "case_id", error);
  guint64 value = 0;

  if (none != NULL && g_strcmp0 (case_id, "none") == 0)
    return -1;
  if (case_id != NULL && !g_ascii_string_to_unsigned (case_id, 10, 1, G_MAXINT64, &value, NULL) && none != NULL)
    sc_set_field_error (error, "case_id", "must be a case's id, or none for %s", none);
  else if (case_id != NULL && value == 0)
    sc_set_field_error (error, "case_id", "must be a case's id");
  else
    return (gint64) value;
  return 0;
}

gboolean
scd_handler_parse_record_query (ScdRequest     *request,
                                const char     *none,
                                ScdRecordQuery *query,
                                GError        **error)
{
  const char *status = scd_handler_get_query_text (request, "status", error);

  memset (query, 0, sizeof *query);
  scd_handler_parse_limit (request, &query->limit, error);
  scd_handler_parse_due_cursor (request, &query->after_due, &query->after_id, error);
  if (status != NULL && !g_str_equal (status, "open") && !g_str_equal (status, "closed"))
    sc_set_field_error (error, "status", "must be open or closed");
  query->status = status;
  query->case_id = scd_handler_parse_case_id (request, none, error);
  return *error == NULL;
}
