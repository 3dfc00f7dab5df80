/* scd-session-store.c
 *
 * The SQL of sessions, sign-in failures and one's own password.
 *
 * The lockout: every attempt (a sign-in, or the current password given to
 * change it) is recorded in sign_in_failure as it arrives, before the slow
 * argon2id check, together with the lock it causes if it fails: when it is
 * the Nth failure of its username (or the Mth of its address) within the
 * window, the username (or the address) is locked for one window from it.
 * A username or address is locked while the latest such lock is in the
 * future, so the lock ends one window after the failure that caused it, and
 * sendcasectl can show and lift it without the daemon's settings. A success
 * deletes the username's rows, the attempt itself among them. Attempts
 * refused by a lock are recorded in the audit trail but not counted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-session-store"

#include "config.h"

#include <sodium.h>

#include "sc-problem.h"
#include "scd-password.h"
#include "scd-session-store.h"
#include "scd-store-private.h"

#define TOKEN_BYTES 32
#define INVALID_CREDENTIALS "invalid username or password"

struct _ScdSessionStore
{
  ScdStore         parent_instance;

  ScdSessionCache *cache;   /* owned ref */

  guint    idle_seconds;
  guint    lifetime_seconds;
  guint    lockout_window_seconds;
  guint    lockout_max_failures;
  guint    lockout_address_max_failures;
};

G_DEFINE_FINAL_TYPE (ScdSessionStore, scd_session_store, SCD_TYPE_STORE)

static const char authenticate_sql[] =
  "WITH s AS ("
  "  SELECT s.id AS session_id, s.user_id, s.expires_at"
  "  FROM session s JOIN app_user u ON u.id = s.user_id"
  "  WHERE s.token_hash = $1 AND s.ended_at IS NULL AND u.active"
  "    AND s.expires_at > clock_timestamp()"
  "    AND s.last_seen_at > clock_timestamp() - $2::double precision * interval '1 second'),"
  " touch AS ("
  "  UPDATE session SET last_seen_at = clock_timestamp()"
  "  WHERE id = (SELECT session_id FROM s)"
  "    AND last_seen_at < clock_timestamp() - $3::double precision * interval '1 second')"
  "SELECT s.session_id, " SCD_SQL_USEC ("s.expires_at") " AS expires_at, " SCD_USER_COLUMNS
  " FROM s JOIN app_user u ON u.id = s.user_id";

/* The lockout, shared by both credential checks. $2 username, $3 source
 * address, $4 window (seconds), $5 and $6 the failures that lock a username
 * and an address. The attempt is recorded unless a lock is on. */
#define LOCKOUT_CTES \
  "state AS (SELECT" \
  "  (SELECT max(username_locked_until) FROM sign_in_failure WHERE username = $2) AS user_lock," \
  "  (SELECT max(address_locked_until) FROM sign_in_failure WHERE source_address = $3) AS address_lock," \
  "  (SELECT count(*) FROM sign_in_failure WHERE username = $2" \
  "     AND at > clock_timestamp() - $4::integer * interval '1 second') AS user_failures," \
  "  (SELECT count(*) FROM sign_in_failure WHERE source_address = $3" \
  "     AND at > clock_timestamp() - $4::integer * interval '1 second') AS address_failures)," \
  " lock AS (SELECT CASE WHEN greatest(user_lock, address_lock) > clock_timestamp()" \
  "                      THEN greatest(user_lock, address_lock) END AS locked_until," \
  "                 user_failures, address_failures FROM state)," \
  " attempt AS (" \
  "  INSERT INTO sign_in_failure (username, source_address, username_locked_until, address_locked_until)" \
  "  SELECT $2, $3," \
  "    CASE WHEN user_failures + 1 >= $5 THEN clock_timestamp() + $4::integer * interval '1 second' END," \
  "    CASE WHEN address_failures + 1 >= $6 THEN clock_timestamp() + $4::integer * interval '1 second' END" \
  "  FROM lock WHERE locked_until IS NULL RETURNING id)"
/* NULL when not locked (greatest() would skip a NULL) */
#define RETRY_AFTER \
  "CASE WHEN lock.locked_until IS NOT NULL" \
  "     THEN greatest(1, ceil(extract(epoch FROM lock.locked_until - clock_timestamp())))::bigint END" \
  " AS retry_after"

static const char sign_in_check_sql[] =
  "WITH " LOCKOUT_CTES ","
  " refused AS (INSERT INTO audit_entry (actor, outcome) SELECT $1, 'denied' FROM lock WHERE locked_until IS NOT NULL)"
  "SELECT " RETRY_AFTER ", (SELECT id FROM attempt) AS attempt_id, " SCD_USER_COLUMNS ", u.password_hash"
  " FROM lock LEFT JOIN app_user u ON u.username = $2 AND lock.locked_until IS NULL";

static const char sign_in_sql[] =
  "WITH s AS ("
  "  INSERT INTO session (token_hash, user_id, expires_at, source_address)"
  "  VALUES ($2, $3, clock_timestamp() + $4::integer * interval '1 second', $5)"
  "  RETURNING id, expires_at),"
  " cleared AS (DELETE FROM sign_in_failure WHERE username = $6),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM s)"
  "SELECT id, " SCD_SQL_USEC ("expires_at") " AS expires_at FROM s";

/* the failure itself was recorded with the lockout check */
static const char failed_sql[] =
  "INSERT INTO audit_entry (actor, outcome, resource_id) VALUES ($1, 'failure', $2)";

/* a check that could not run (the server too busy to hash) was no attempt */
static const char forget_attempt_sql[] =
  "DELETE FROM sign_in_failure WHERE id = $1";

static const char rehash_sql[] =
  "UPDATE app_user SET password_hash = $2 WHERE id = $1 AND password_hash = $3";

static const char sign_out_sql[] =
  "WITH e AS (UPDATE session SET ended_at = clock_timestamp() WHERE id = $2::bigint AND ended_at IS NULL),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) VALUES ($1, 'success', $2::bigint::text))"
  "SELECT 1";

static const char change_check_sql[] =
  "WITH " LOCKOUT_CTES ","
  " refused AS (INSERT INTO audit_entry (actor, outcome, resource_id)"
  "             SELECT $1, 'denied', $7::bigint::text FROM lock WHERE locked_until IS NOT NULL)"
  "SELECT " RETRY_AFTER ", (SELECT id FROM attempt) AS attempt_id, u.password_hash"
  " FROM lock LEFT JOIN app_user u ON u.id = $7::bigint AND lock.locked_until IS NULL";

static const char change_sql[] =
  "WITH u AS ("
  "  UPDATE app_user SET password_hash = $3, password_changed_at = clock_timestamp(),"
  "                      version = version + 1, updated_at = clock_timestamp()"
  "  WHERE id = $2 RETURNING id, username),"
  " ended AS (UPDATE session SET ended_at = clock_timestamp()"
  "           WHERE user_id = $2 AND id <> $4 AND ended_at IS NULL),"
  " cleared AS (DELETE FROM sign_in_failure WHERE username IN (SELECT username FROM u)),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM u)"
  "SELECT id FROM u";

static void
scd_session_store_dispose (GObject *object)
{
  ScdSessionStore *self = SCD_SESSION_STORE (object);

  g_clear_object (&self->cache);

  G_OBJECT_CLASS (scd_session_store_parent_class)->dispose (object);
}

static void
scd_session_store_class_init (ScdSessionStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = scd_session_store_dispose;
}

static void
scd_session_store_init (ScdSessionStore *self)
{
}

ScdSessionStore *
scd_session_store_new (ScdDb           *db,
                       const ScdConfig *config,
                       ScdSessionCache *cache)
{
  g_autoptr(ScdConfig) defaults = NULL;
  ScdSessionStore *self;

  g_return_val_if_fail (SCD_IS_DB (db), NULL);
  g_return_val_if_fail (SCD_IS_SESSION_CACHE (cache), NULL);

  if (config == NULL)
    config = defaults = scd_config_new ();
  self = g_object_new (SCD_TYPE_SESSION_STORE, "db", db, NULL);
  self->idle_seconds = config->session_idle_seconds;
  self->lifetime_seconds = config->session_lifetime_seconds;
  self->lockout_window_seconds = config->lockout_window_seconds;
  self->lockout_max_failures = config->lockout_max_failures;
  self->lockout_address_max_failures = config->lockout_address_max_failures;
  self->cache = g_object_ref (cache);
  return self;
}

static ScdDb *
db_of (ScdSessionStore *self)
{
  return scd_store_get_db (SCD_STORE (self));
}

static char *
new_token (void)
{
  unsigned char bytes[TOKEN_BYTES];
  char text[sodium_base64_ENCODED_LEN (TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  G_STATIC_ASSERT (sizeof text - 1 == SCD_SESSION_TOKEN_LENGTH);
  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2base64 (text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (bytes, sizeof bytes);
  return g_strdup (text);
}

static char *
hash_token (const char *token)
{
  unsigned char digest[crypto_hash_sha256_BYTES];
  char hex[crypto_hash_sha256_BYTES * 2 + 1];

  crypto_hash_sha256 (digest, (const unsigned char *) token, strlen (token));
  sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);
  return g_strdup (hex);
}

/* --- authenticate -------------------------------------------------------- */

typedef struct
{
  ScSession *session;
  gint64     id;
} Live;

/* What an authentication asked: for keeping its answer. */
typedef struct
{
  char    *token_hash;
  guint64  epoch;
} Check;

static void
live_free (gpointer data)
{
  Live *live = data;

  g_clear_object (&live->session);
  g_free (live);
}

static void
check_free (gpointer data)
{
  Check *check = data;

  g_free (check->token_hash);
  g_free (check);
}

static gpointer
decode_live (PGresult  *pg,
             GTask     *task,
             GError   **error)
{
  ScdSessionStore *self = g_task_get_source_object (task);
  Check *check = g_task_get_task_data (task);
  g_autoptr(ScUser) user = NULL;
  ScdUserColumns columns;
  Live *live;

  if (PQntuples (pg) != 1)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_UNAUTHORIZED,
                           "your session has ended or is not valid; sign in again");
      return NULL;
    }
  scd_user_columns_find (pg, &columns);
  user = scd_user_from_row (pg, 0, &columns);
  live = g_new0 (Live, 1);
  live->id = scd_pg_int (pg, 0, scd_pg_column (pg, "session_id"));
  live->session = sc_session_new (user, scd_pg_int (pg, 0, scd_pg_column (pg, "expires_at")));
  scd_session_cache_insert (self->cache, check->epoch, check->token_hash, live->id, live->session);
  return live;
}

ScSession *
scd_session_store_lookup (ScdSessionStore *self,
                          const char      *token,
                          gint64          *session_id)
{
  g_autofree char *token_hash = NULL;

  g_return_val_if_fail (SCD_IS_SESSION_STORE (self), NULL);
  g_return_val_if_fail (token != NULL, NULL);

  token_hash = hash_token (token);
  return scd_session_cache_lookup (self->cache, token_hash, session_id);
}

void
scd_session_store_authenticate_async (ScdSessionStore     *self,
                                      const char          *token,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, scd_session_store_authenticate_async);
  g_autoptr(ScdParams) params = scd_params_new ();
  Check *check = g_new0 (Check, 1);
  double idle = self->idle_seconds;

  check->token_hash = hash_token (token);
  check->epoch = scd_session_cache_get_epoch (self->cache);
  g_task_set_task_data (task, check, check_free);
  scd_params_add (params, check->token_hash);
  g_ptr_array_add (params, g_strdup_printf ("%.3f", idle));
  /* last use is written at most every 15 s (or a tenth of the idle limit) */
  g_ptr_array_add (params, g_strdup_printf ("%.3f", MIN (15.0, idle / 10.0)));
  scd_store_run (SCD_STORE (self), authenticate_sql, params, decode_live, live_free, task);
}

ScSession *
scd_session_store_authenticate_finish (ScdSessionStore  *self,
                                       GAsyncResult     *result,
                                       gint64           *session_id,
                                       GError          **error)
{
  Live *live;
  ScSession *session;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  live = g_task_propagate_pointer (G_TASK (result), error);
  *session_id = 0;
  if (live == NULL)
    return NULL;
  *session_id = live->id;
  session = g_steal_pointer (&live->session);
  live_free (live);
  return session;
}

/* --- credentials --------------------------------------------------------- */

/* What a sign-in or a password change carries between its steps: the task
 * data of its GTask. */
typedef struct
{
  ScdActor *actor;         /* the request's */
  char     *username;
  char     *password;      /* secret */
  char     *new_password;  /* secret: a change */
  gint64    session_id;    /* a change: the caller's session */
  ScUser   *user;          /* a sign-in: the user found, nullable */
  char     *hash;          /* the stored hash, nullable; secret */
  gint64    retry_after;
  gint64    attempt_id;    /* the failure recorded in advance */
  char     *token;         /* secret: a sign-in's answer */
  GError   *busy;          /* why the password was not checked */
} Credential;

static void
credential_free (gpointer data)
{
  Credential *credential = data;

  g_clear_error (&credential->busy);
  g_clear_pointer (&credential->actor, scd_actor_unref);
  g_free (credential->username);
  scd_secret_free (credential->password);
  scd_secret_free (credential->new_password);
  g_clear_object (&credential->user);
  scd_secret_free (credential->hash);
  scd_secret_free (credential->token);
  g_free (credential);
}

static ScdParams *
lockout_params (ScdSessionStore *self,
                const ScdActor  *actor,
                const char      *username)
{
  ScdParams *params = scd_store_params_new (actor);

  scd_params_add (params, username);
  scd_params_add (params, scd_actor_get_source_address (actor));
  scd_params_add_int (params, self->lockout_window_seconds);
  scd_params_add_int (params, self->lockout_max_failures);
  scd_params_add_int (params, self->lockout_address_max_failures);
  return params;
}

/* TRUE when the check found a lock: then the task has its answer. */
static gboolean
return_if_locked (GTask          *task,
                  const PGresult *pg)
{
  Credential *credential = g_task_get_task_data (task);
  const char *retry = scd_pg_string (pg, 0, scd_pg_column (pg, "retry_after"));
  GError *error;

  if (retry == NULL)
    return FALSE;
  credential->retry_after = g_ascii_strtoll (retry, NULL, 10);
  error = g_error_new (SC_ERROR, SC_ERROR_TOO_MANY_REQUESTS, "too many failed sign-ins: try again in %s seconds",
                       retry);
  g_task_return_error (task, error);
  return TRUE;
}

static GError *
invalid_credentials (void)
{
  GError *error = g_error_new_literal (SC_ERROR, SC_ERROR_UNAUTHORIZED, INVALID_CREDENTIALS);
  g_autoptr(ScProblem) problem = sc_problem_new (SC_ERROR_UNAUTHORIZED, INVALID_CREDENTIALS);

  sc_problem_add_field_error (problem, "password", INVALID_CREDENTIALS);
  sc_error_take_problem (error, g_steal_pointer (&problem));
  return error;
}

/* --- sign-in ------------------------------------------------------------- */

static void
rehashed_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);

  /* nobody waits for this: the sign-in was answered; an outage is the pool's to log */
  if (pg == NULL && !g_error_matches (error, SC_ERROR, SC_ERROR_UNAVAILABLE))
    g_warning ("could not store a new hash of a password: %s", error->message);
}

static void
rehashed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ScdSessionStore *self = g_task_get_source_object (task);
  Credential *credential = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = scd_password_hash_finish (result, &error);
  g_autoptr(ScdParams) params = scd_params_new ();

  if (hash == NULL)
    {
      /* too busy just now: the next sign-in tries again */
      if (!g_error_matches (error, SC_ERROR, SC_ERROR_UNAVAILABLE))
        g_warning ("could not hash a password again: %s", error->message);
      return;
    }
  scd_params_add_int (params, sc_user_get_id (credential->user));
  scd_params_add (params, hash);
  scd_params_add (params, credential->hash);
  scd_db_query_async (db_of (self), rehash_sql, scd_params_values (params), params->len, NULL,
                      rehashed_saved_cb, g_steal_pointer (&task));
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Credential *credential = g_task_get_task_data (task);
  g_autoptr(PGresult) pg = scd_store_query_finish (object, result, task);
  gboolean rehash;

  if (pg == NULL)
    return;
  rehash = scd_password_needs_rehash (credential->hash);
  g_task_return_pointer (task, sc_session_new (credential->user, scd_pg_int (pg, 0, scd_pg_column (pg, "expires_at"))),
                         g_object_unref);
  /* after the answer: the old hash still works until the new one is stored */
  if (rehash)
    scd_password_hash_async (credential->password, NULL, rehashed_cb, g_steal_pointer (&task));
}

static void
failure_recorded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);

  g_task_return_error (task, pg == NULL ? g_steal_pointer (&error) : invalid_credentials ());
}

static void
attempt_forgotten_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Credential *credential = g_task_get_task_data (task);
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, NULL);

  g_task_return_error (task, g_steal_pointer (&credential->busy));
}

/* The password could not be checked (too many checks at once: 503, or the
 * client left): the failure recorded in advance is taken back, so that a
 * busy server never locks anyone out, and @error is the answer. */
static void
not_checked (GTask  *task,
             GError *error)
{
  ScdSessionStore *self = g_task_get_source_object (task);
  Credential *credential = g_task_get_task_data (task);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, credential->attempt_id);
  const char *params[] = { id };

  credential->busy = error;
  if (credential->attempt_id <= 0)
    {
      g_task_return_error (task, g_steal_pointer (&credential->busy));
      g_object_unref (task);
      return;
    }
  scd_db_query_async (db_of (self), forget_attempt_sql, params, 1, NULL, attempt_forgotten_cb, task);
}

/* The attempt's row, recorded with the lockout check. */
static void
keep_attempt (Credential     *credential,
              const PGresult *pg)
{
  const char *id = scd_pg_string (pg, 0, scd_pg_column (pg, "attempt_id"));

  credential->attempt_id = id != NULL ? g_ascii_strtoll (id, NULL, 10) : 0;
}

static void
sign_in_verified_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ScdSessionStore *self = g_task_get_source_object (task);
  Credential *credential = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;
  ScUser *user = credential->user;
  g_autoptr(ScdActor) actor = NULL;
  g_autoptr(ScdParams) params = NULL;

  if (!scd_password_verify_finish_full (result, &ok, &error))
    {
      not_checked (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  /* who acted: the user, once known; the name as typed otherwise */
  actor = scd_actor_new_as (credential->actor, user != NULL ? sc_user_get_id (user) : 0, credential->username,
                            user != NULL ? sc_user_get_role_name (user) : NULL);
  params = scd_store_params_new (actor);
  if (ok && user != NULL && sc_user_get_active (user))
    {
      g_autofree char *token_hash = NULL;

      credential->token = new_token ();
      token_hash = hash_token (credential->token);
      scd_params_add (params, token_hash);
      scd_params_add_int (params, sc_user_get_id (user));
      scd_params_add_int (params, self->lifetime_seconds);
      scd_params_add (params, scd_actor_get_source_address (actor));
      scd_params_add (params, credential->username);
      scd_db_query_async (db_of (self), sign_in_sql, scd_params_values (params), params->len, NULL,
                          signed_in_cb, g_steal_pointer (&task));
      return;
    }

  /* an unknown user, a wrong password or a deactivated user: one answer */
  scd_params_add (params, NULL);
  scd_db_query_async (db_of (self), failed_sql, scd_params_values (params), params->len, NULL,
                      failure_recorded_cb, g_steal_pointer (&task));
}

static void
sign_in_checked_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Credential *credential = g_task_get_task_data (task);
  g_autoptr(PGresult) pg = scd_store_query_finish (object, result, task);
  GCancellable *cancellable;
  ScdUserColumns columns;

  if (pg == NULL)
    return;
  if (return_if_locked (task, pg))
    return;
  keep_attempt (credential, pg);
  scd_user_columns_find (pg, &columns);
  if (scd_pg_string (pg, 0, columns.id) != NULL)
    {
      credential->user = scd_user_from_row (pg, 0, &columns);
      credential->hash = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "password_hash")));
    }
  /* the cancellable first: the task is handed on in the same call */
  cancellable = g_task_get_cancellable (task);
  scd_password_verify_async (credential->hash, credential->password, cancellable, sign_in_verified_cb,
                             g_steal_pointer (&task));
}

void
scd_session_store_sign_in_async (ScdSessionStore     *self,
                                 const ScdActor      *actor,
                                 const char          *username,
                                 const char          *password,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, scd_session_store_sign_in_async);
  Credential *credential = g_new0 (Credential, 1);
  g_autoptr(ScdActor) typed = scd_actor_new_as (actor, 0, username, NULL);
  g_autoptr(ScdParams) params = lockout_params (self, typed, username);

  credential->actor = scd_actor_ref ((ScdActor *) actor);
  credential->username = g_strdup (username);
  credential->password = g_strdup (password);
  g_task_set_task_data (task, credential, credential_free);
  scd_db_query_async (db_of (self), sign_in_check_sql, scd_params_values (params), params->len, cancellable,
                      sign_in_checked_cb, task);
}

ScSession *
scd_session_store_sign_in_finish (ScdSessionStore  *self,
                                  GAsyncResult     *result,
                                  char            **token,
                                  gint64           *retry_after,
                                  GError          **error)
{
  Credential *credential;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  credential = g_task_get_task_data (G_TASK (result));
  *retry_after = credential->retry_after;
  *token = g_steal_pointer (&credential->token);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- sign-out ------------------------------------------------------------ */

/* The ended session is forgotten before anyone is told it has ended. */
static gpointer
decode_signed_out (PGresult  *pg,
                   GTask     *task,
                   GError   **error)
{
  ScdSessionStore *self = g_task_get_source_object (task);

  scd_session_cache_forget_user (self->cache, *(gint64 *) g_task_get_task_data (task));
  return GINT_TO_POINTER (TRUE);
}

void
scd_session_store_sign_out_async (ScdSessionStore     *self,
                                  const ScdActor      *actor,
                                  gint64               session_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, scd_session_store_sign_out_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);

  scd_params_add_int (params, session_id);
  g_task_set_task_data (task, g_memdup2 (&(gint64) { scd_actor_get_user_id (actor) }, sizeof (gint64)), g_free);
  scd_store_run (SCD_STORE (self), sign_out_sql, params, decode_signed_out, NULL, task);
}

gboolean
scd_session_store_sign_out_finish (ScdSessionStore  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_pointer (G_TASK (result), error) != NULL;
}

/* --- one's own password -------------------------------------------------- */

static void
changed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ScdSessionStore *self = g_task_get_source_object (task);
  Credential *credential = g_task_get_task_data (task);
  g_autoptr(PGresult) pg = scd_store_query_finish (object, result, task);

  if (pg == NULL)
    return;
  /* the user's other sessions have ended, and their user changed */
  scd_session_cache_forget_user (self->cache, scd_actor_get_user_id (credential->actor));
  g_task_return_boolean (task, TRUE);
}

static void
new_hash_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ScdSessionStore *self = g_task_get_source_object (task);
  Credential *credential = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = scd_password_hash_finish (result, &error);
  g_autoptr(ScdParams) params = NULL;

  if (hash == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  params = scd_store_params_new (credential->actor);
  scd_params_add_int (params, scd_actor_get_user_id (credential->actor));
  scd_params_add (params, hash);
  scd_params_add_int (params, credential->session_id);
  scd_db_query_async (db_of (self), change_sql, scd_params_values (params), params->len, NULL, changed_cb,
                      g_steal_pointer (&task));
}

static void
wrong_current_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) pg = scd_db_query_finish (SCD_DB (object), result, &error);

  if (pg != NULL)
    sc_set_field_error (&error, "current_password", "is not your current password");
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
current_verified_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ScdSessionStore *self = g_task_get_source_object (task);
  Credential *credential = g_task_get_task_data (task);
  g_autoptr(ScdParams) params = NULL;
  g_autoptr(GError) error = NULL;
  const char *new_password = credential->new_password;
  gboolean ok = FALSE;

  if (!scd_password_verify_finish_full (result, &ok, &error))
    {
      not_checked (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }
  if (ok)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      scd_password_hash_async (new_password, cancellable, new_hash_cb, g_steal_pointer (&task));
      return;
    }
  /* the refusal is recorded, then answered */
  params = scd_store_params_new (credential->actor);
  scd_params_add_int (params, scd_actor_get_user_id (credential->actor));
  scd_db_query_async (db_of (self), failed_sql, scd_params_values (params), params->len, NULL,
                      wrong_current_cb, g_steal_pointer (&task));
}

static void
change_checked_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Credential *credential = g_task_get_task_data (task);
  g_autoptr(PGresult) pg = scd_store_query_finish (object, result, task);
  GCancellable *cancellable;

  if (pg == NULL)
    return;
  if (return_if_locked (task, pg))
    return;
  keep_attempt (credential, pg);
  credential->hash = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "password_hash")));
  /* the cancellable first: the task is handed on in the same call */
  cancellable = g_task_get_cancellable (task);
  scd_password_verify_async (credential->hash, credential->password, cancellable, current_verified_cb,
                             g_steal_pointer (&task));
}

void
scd_session_store_change_password_async (ScdSessionStore     *self,
                                         const ScdActor      *actor,
                                         gint64               session_id,
                                         const char          *current_password,
                                         const char          *new_password,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data,
                                    scd_session_store_change_password_async);
  Credential *credential = g_new0 (Credential, 1);
  g_autoptr(ScdParams) params = lockout_params (self, actor, scd_actor_get_username (actor));

  credential->actor = scd_actor_ref ((ScdActor *) actor);
  credential->password = g_strdup (current_password);
  credential->new_password = g_strdup (new_password);
  credential->session_id = session_id;
  g_task_set_task_data (task, credential, credential_free);
  scd_params_add_int (params, scd_actor_get_user_id (actor));
  scd_db_query_async (db_of (self), change_check_sql, scd_params_values (params), params->len, cancellable,
                      change_checked_cb, task);
}

gboolean
scd_session_store_change_password_finish (ScdSessionStore  *self,
                                          GAsyncResult     *result,
                                          gint64           *retry_after,
                                          GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  *retry_after = ((Credential *) g_task_get_task_data (G_TASK (result)))->retry_after;
  return g_task_propagate_boolean (G_TASK (result), error);
}
