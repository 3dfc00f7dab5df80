/* scd-idempotency.c
 *
 * The steps of an idempotent create, on one leased connection:
 *
 *   BEGIN
 *   INSERT the key with an empty answer      -- a twin in flight makes us wait
 *     unique violation -> ROLLBACK, read the stored key: replay or 422
 *   the caller's statement                   -- the record and its audit row
 *   UPDATE the key with the answer
 *   COMMIT, then answer
 *
 * Without a key the statement runs alone (one statement is one transaction).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-idempotency"

#include "config.h"

#include <sodium.h>

#include "scd-auth.h"
#include "scd-idempotency.h"
#include "scd-server.h"

#define KEY_MAX_LENGTH 200

static const char key_insert_sql[] =
  "INSERT INTO idempotency_key (user_id, key, request_hash, status, body) VALUES ($1, $2, $3, 0, '')";
static const char key_expire_sql[] =
  "DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND created_at < now() - interval '24 hours'";
static const char key_lookup_sql[] =
  "SELECT request_hash, status, body, etag, location FROM idempotency_key WHERE user_id = $1 AND key = $2";
static const char key_store_sql[] =
  "UPDATE idempotency_key SET status = $3, body = $4, etag = $5, location = $6 WHERE user_id = $1 AND key = $2";

typedef enum
{
  STEP_BEGIN,
  STEP_EXPIRE,
  STEP_KEY,
  STEP_WORK,
  STEP_STORE,
  STEP_COMMIT,
  STEP_ROLLBACK_REPLAY,
  STEP_LOOKUP,
  STEP_FAILED_ROLLBACK,
} Step;

typedef struct
{
  ScdRequest         *request;   /* owned */
  ScdDbLease         *lease;     /* owned until released */
  char               *sql;
  ScdParams          *params;    /* owned */
  ScdCreateBuildFunc  build;
  const char         *conflict_field;    /* static */
  const char         *conflict_message;  /* static */
  char               *key;
  char               *request_hash;
  char               *user_id;
  Step                step;
  ScdCreated          created;
  GError             *error;     /* the answer, when it is an error */
} Create;

static void create_step (Create *create);

static void
create_free (Create *create)
{
  if (create->lease != NULL)
    scd_db_lease_release (create->lease);
  scd_request_unref (create->request);
  g_free (create->sql);
  g_clear_pointer (&create->params, g_ptr_array_unref);
  g_free (create->key);
  g_free (create->request_hash);
  g_free (create->user_id);
  g_clear_pointer (&create->created.body, json_node_unref);
  g_free (create->created.etag);
  g_free (create->created.location);
  g_clear_error (&create->error);
  g_free (create);
}

static void
reply_created (ScdRequest *request,
               ScdCreated *created)
{
  if (created->etag != NULL)
    scd_request_add_header (request, "ETag", created->etag);
  if (created->location != NULL)
    scd_request_add_header (request, "Location", created->location);
  scd_request_reply_json (request, created->status, g_steal_pointer (&created->body));
}

/* Ends the create: give the connection back first, then answer. */
static void
create_finish (Create *create)
{
  g_clear_pointer (&create->lease, scd_db_lease_release);
  if (create->error != NULL)
    scd_request_reply_error (create->request, create->error);
  else
    reply_created (create->request, &create->created);
  create_free (create);
}

static void
create_fail (Create *create,
             GError *error)
{
  g_clear_error (&create->error);
  create->error = error;
  create_finish (create);
}

static void
step_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Create *create = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_lease_query_finish (create->lease, result, &error);

  switch (create->step)
    {
    case STEP_BEGIN:
    case STEP_EXPIRE:
      if (pg == NULL)
        {
          create_fail (create, g_steal_pointer (&error));
          return;
        }
      create->step++;
      break;

    case STEP_KEY:
      if (pg == NULL && g_error_matches (error, SC_ERROR, SC_ERROR_CONFLICT))
        {
          /* the key is known: read what it answered, outside this transaction */
          create->step = STEP_ROLLBACK_REPLAY;
          break;
        }
      if (pg == NULL)
        {
          create_fail (create, g_steal_pointer (&error));
          return;
        }
      create->step = STEP_WORK;
      break;

    case STEP_WORK:
      if (pg == NULL || !create->build (pg, &create->created, &error))
        {
          /* the error is the answer; with a key, its transaction goes too */
          if (g_error_matches (error, SC_ERROR, SC_ERROR_CONFLICT) && create->conflict_field != NULL)
            {
              g_clear_error (&error);
              sc_set_field_error (&error, create->conflict_field, "%s", create->conflict_message);
              error->code = SC_ERROR_CONFLICT;
            }
          create->error = g_steal_pointer (&error);
          if (create->key == NULL)
            {
              create_finish (create);
              return;
            }
          create->step = STEP_FAILED_ROLLBACK;
          break;
        }
      if (create->key == NULL)
        {
          create_finish (create);
          return;
        }
      create->step = STEP_STORE;
      break;

    case STEP_STORE:
      if (pg == NULL)
        {
          create_fail (create, g_steal_pointer (&error));
          return;
        }
      create->step = STEP_COMMIT;
      break;

    case STEP_COMMIT:
      if (pg == NULL)
        {
          g_clear_pointer (&create->created.body, json_node_unref);
          create_fail (create, g_steal_pointer (&error));
          return;
        }
      create_finish (create);
      return;

    case STEP_ROLLBACK_REPLAY:
      create->step = STEP_LOOKUP;
      break;

    case STEP_LOOKUP:
      if (pg == NULL)
        {
          create_fail (create, g_steal_pointer (&error));
          return;
        }
      if (PQntuples (pg) != 1 || !g_str_equal (PQgetvalue (pg, 0, 0), create->request_hash))
        {
          g_autoptr(GError) reuse = NULL;

          sc_set_field_error (&reuse, "Idempotency-Key",
                              "was already used for a different request; use a new key for a new request");
          create_fail (create, g_steal_pointer (&reuse));
          return;
        }
      {
        g_autoptr(JsonParser) parser = json_parser_new ();
        g_autoptr(GError) parse_error = NULL;

        if (!json_parser_load_from_data (parser, PQgetvalue (pg, 0, 2), -1, &parse_error))
          {
            create_fail (create, g_error_new (SC_ERROR, SC_ERROR_INTERNAL, "stored answer is not JSON: %s",
                                              parse_error->message));
            return;
          }
        create->created.status = (guint) g_ascii_strtoull (PQgetvalue (pg, 0, 1), NULL, 10);
        create->created.body = json_node_copy (json_parser_get_root (parser));
        create->created.etag = PQgetisnull (pg, 0, 3) ? NULL : g_strdup (PQgetvalue (pg, 0, 3));
        create->created.location = PQgetisnull (pg, 0, 4) ? NULL : g_strdup (PQgetvalue (pg, 0, 4));
        scd_request_add_header (create->request, "Idempotent-Replayed", "true");
      }
      create_finish (create);
      return;

    case STEP_FAILED_ROLLBACK:
    default:
      /* the failed statement is rolled back: answer with its error */
      create_finish (create);
      return;
    }

  create_step (create);
}

static void
create_step (Create *create)
{
  g_autoptr(ScdParams) params = scd_params_new ();

  switch (create->step)
    {
    case STEP_BEGIN:
      scd_db_lease_query_async (create->lease, "BEGIN", NULL, 0, NULL, step_cb, create);
      return;

    case STEP_EXPIRE:
    case STEP_KEY:
      scd_params_add (params, create->user_id);
      scd_params_add (params, create->key);
      if (create->step == STEP_KEY)
        scd_params_add (params, create->request_hash);
      scd_db_lease_query_async (create->lease, create->step == STEP_KEY ? key_insert_sql : key_expire_sql,
                                scd_params_values (params), params->len, NULL, step_cb, create);
      return;

    case STEP_WORK:
      scd_db_lease_query_async (create->lease, create->sql, scd_params_values (create->params),
                                create->params->len, NULL, step_cb, create);
      return;

    case STEP_STORE:
      {
        g_autofree char *body = json_to_string (create->created.body, FALSE);

        scd_params_add (params, create->user_id);
        scd_params_add (params, create->key);
        g_ptr_array_add (params, g_strdup_printf ("%u", create->created.status));
        scd_params_add (params, body);
        scd_params_add (params, create->created.etag);
        scd_params_add (params, create->created.location);
        scd_db_lease_query_async (create->lease, key_store_sql, scd_params_values (params), params->len,
                                  NULL, step_cb, create);
      }
      return;

    case STEP_COMMIT:
      scd_db_lease_query_async (create->lease, "COMMIT", NULL, 0, NULL, step_cb, create);
      return;

    case STEP_ROLLBACK_REPLAY:
    case STEP_FAILED_ROLLBACK:
      scd_db_lease_query_async (create->lease, "ROLLBACK", NULL, 0, NULL, step_cb, create);
      return;

    case STEP_LOOKUP:
      scd_params_add (params, create->user_id);
      scd_params_add (params, create->key);
      scd_db_lease_query_async (create->lease, key_lookup_sql, scd_params_values (params), params->len,
                                NULL, step_cb, create);
      return;

    default:
      g_assert_not_reached ();
    }
}

static void
acquired_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Create *create = user_data;
  g_autoptr(GError) error = NULL;

  create->lease = scd_db_acquire_finish (SCD_DB (object), result, &error);
  if (create->lease == NULL)
    {
      create_fail (create, g_steal_pointer (&error));
      return;
    }
  create->step = create->key != NULL ? STEP_BEGIN : STEP_WORK;
  create_step (create);
}

static char *
hash_request (ScdRequest *request)
{
  crypto_hash_sha256_state state;
  unsigned char digest[crypto_hash_sha256_BYTES];
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  GBytes *body = scd_request_get_body (request);
  const char *method = scd_request_get_method (request);
  const char *path = scd_request_get_path (request);
  gsize size = 0;
  const guchar *data = g_bytes_get_data (body, &size);

  crypto_hash_sha256_init (&state);
  crypto_hash_sha256_update (&state, (const guchar *) method, strlen (method));
  crypto_hash_sha256_update (&state, (const guchar *) " ", 1);
  crypto_hash_sha256_update (&state, (const guchar *) path, strlen (path));
  crypto_hash_sha256_update (&state, (const guchar *) "\n", 1);
  if (size > 0)
    crypto_hash_sha256_update (&state, data, size);
  crypto_hash_sha256_final (&state, digest);
  sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);
  return g_strdup (hex);
}

void
scd_idempotent_create (ScdRequest         *request,
                       const char         *sql,
                       ScdParams          *params,
                       ScdCreateBuildFunc  build,
                       const char         *conflict_field,
                       const char         *conflict_message)
{
  ScdSession *session = scd_request_get_session (request);
  const char *key = scd_request_get_header (request, "Idempotency-Key");
  Create *create;

  g_return_if_fail (session != NULL);

  if (key != NULL && (*key == '\0' || strlen (key) > KEY_MAX_LENGTH))
    {
      g_autoptr(GError) error = NULL;

      sc_set_field_error (&error, "Idempotency-Key", "must be 1 to %d characters", KEY_MAX_LENGTH);
      g_ptr_array_unref (params);
      scd_request_reply_error (request, error);
      return;
    }

  create = g_new0 (Create, 1);
  create->request = scd_request_ref (request);
  create->sql = g_strdup (sql);
  create->params = params;
  create->build = build;
  create->conflict_field = conflict_field;
  create->conflict_message = conflict_message;
  create->key = g_strdup (key);
  create->user_id = g_strdup_printf ("%" G_GINT64_FORMAT, session->user_id);
  if (key != NULL)
    create->request_hash = hash_request (request);

  scd_request_pause (request);
  scd_db_acquire_async (scd_server_get_db (scd_request_get_server (request)),
                        scd_request_get_cancellable (request), acquired_cb, create);
}
