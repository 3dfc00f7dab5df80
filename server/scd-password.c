/* scd-password.c
 *
 * argon2id via libsodium. The limits follow OWASP's first argon2id setting
 * (19 MiB, 2 passes, 1 lane) rather than libsodium's "interactive" 64 MiB:
 * a sign-in still costs tens of milliseconds of one core, and the daemon's
 * memory stays bounded by what it hashes at once, not by how many people
 * sign in.
 *
 * The daemon hashes in a small pool of its own: at most two hashes run at a
 * time (one per core on a one-core machine), a few more wait, and beyond
 * that the _async calls fail at once with SC_ERROR_UNAVAILABLE (503,
 * Retry-After), so a burst of sign-ins neither piles up memory nor waits
 * unboundedly. A job also waits until the memory it needs fits within the
 * pool's budget: an old hash made with 64 MiB runs alone. A job whose
 * request was cancelled (the client went away) before it starts is dropped
 * without hashing, and frees its place in the queue at once.
 *
 * Copies of passwords made here are wiped before they are freed, and no
 * password is ever logged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-password"

#include "config.h"

#include <sodium.h>

#include "sc-problem.h"
#include "scd-password.h"

/* Hashes running at once, and waiting beyond those. */
#define POOL_THREADS_MAX 2
#define POOL_QUEUE_MAX 8
/* Memory the running hashes may take together, in KiB: two new ones. */
#define POOL_MEMORY_BUDGET_KIB (POOL_THREADS_MAX * (SCD_PASSWORD_MEMLIMIT / 1024))

static char dummy_hash[crypto_pwhash_STRBYTES];

gboolean
scd_password_init (GError **error)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      gboolean ok = sodium_init () >= 0;

      /* A hash of nothing anyone knows, to verify unknown usernames against. */
      if (ok)
        {
          unsigned char random[32];
          char text[65];

          randombytes_buf (random, sizeof random);
          sodium_bin2hex (text, sizeof text, random, sizeof random);
          ok = crypto_pwhash_str (dummy_hash, text, strlen (text), SCD_PASSWORD_OPSLIMIT,
                                  SCD_PASSWORD_MEMLIMIT) == 0;
          sodium_memzero (text, sizeof text);
        }
      g_once_init_leave (&initialised, ok ? 1 : 2);
    }
  if (initialised != 1)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INTERNAL, "could not initialise libsodium");
      return FALSE;
    }
  return TRUE;
}

void
scd_secret_free (char *secret)
{
  if (secret == NULL)
    return;
  sodium_memzero (secret, strlen (secret));
  g_free (secret);
}

gboolean
scd_password_check_policy (const char  *password,
                           const char  *field,
                           GError     **error)
{
  if (password == NULL || *password == '\0')
    {
      sc_set_field_error (error, field, "must not be empty");
      return FALSE;
    }
  if (strlen (password) > SCD_PASSWORD_MAX_BYTES)
    {
      sc_set_field_error (error, field, "must be at most %d bytes", SCD_PASSWORD_MAX_BYTES);
      return FALSE;
    }
  if (!g_utf8_validate (password, -1, NULL))
    {
      sc_set_field_error (error, field, "must be valid UTF-8 text");
      return FALSE;
    }
  if (g_utf8_strlen (password, -1) < SCD_PASSWORD_MIN_CHARS)
    {
      sc_set_field_error (error, field, "must be at least %d characters", SCD_PASSWORD_MIN_CHARS);
      return FALSE;
    }
  return TRUE;
}

char *
scd_password_hash (const char  *password,
                   GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!scd_password_init (error))
    return NULL;
  if (crypto_pwhash_str (hash, password, strlen (password), SCD_PASSWORD_OPSLIMIT, SCD_PASSWORD_MEMLIMIT) != 0)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_UNAVAILABLE, "could not hash the password: out of memory");
      return NULL;
    }
  return g_strdup (hash);
}

gboolean
scd_password_verify (const char *hash,
                     const char *password)
{
  gboolean known = hash != NULL;
  gboolean ok;

  if (!scd_password_init (NULL))
    return FALSE;
  ok = crypto_pwhash_str_verify (known ? hash : dummy_hash, password, strlen (password)) == 0;
  return known && ok;
}

gboolean
scd_password_needs_rehash (const char *hash)
{
  g_return_val_if_fail (hash != NULL, TRUE);

  if (!scd_password_init (NULL))
    return FALSE;
  /* 1: other limits or another algorithm; -1: not a hash libsodium reads */
  return crypto_pwhash_str_needs_rehash (hash, SCD_PASSWORD_OPSLIMIT, SCD_PASSWORD_MEMLIMIT) != 0;
}

/* --- the pool ----------------------------------------------------------- */

typedef enum
{
  JOB_QUEUED,
  JOB_RUNNING,
  JOB_DROPPED,   /* cancelled while queued: its place is already given back */
} JobState;

typedef struct
{
  GTask        *task;          /* owned until returned */
  GCancellable *cancellable;   /* the task's, nullable */
  gulong        cancelled_id;
  gboolean      verify;
  char         *hash;          /* verify: the stored hash, nullable (unknown user) */
  char         *password;      /* secret: wiped */
  guint         cost_kib;      /* memory the job takes while it runs */
  JobState      state;         /* under pool_lock */
} PasswordJob;

static GMutex pool_lock;
static GCond budget_cond;
static GThreadPool *pool;
static guint pool_threads;
static guint pending;          /* queued and running jobs */
static guint memory_in_use_kib;
static guint n_computed;

static void
password_job_free (PasswordJob *job)
{
  g_clear_object (&job->cancellable);
  g_free (job->hash);
  scd_secret_free (job->password);
  g_free (job);
}

/* The memory argon2 takes for @hash ("...$m=19456,t=2,p=1$..."), in KiB. */
static guint
cost_of_hash (const char *hash)
{
  const char *m = hash != NULL ? strstr (hash, "$m=") : NULL;
  guint64 kib;

  if (m == NULL)
    return SCD_PASSWORD_MEMLIMIT / 1024;
  kib = g_ascii_strtoull (m + 3, NULL, 10);
  if (kib == 0 || kib > G_MAXUINT32)
    return SCD_PASSWORD_MEMLIMIT / 1024;
  return (guint) kib;
}

static void
on_cancelled_cb (GCancellable *cancellable,
                 gpointer      user_data)
{
  PasswordJob *job = user_data;

  /* may run in any thread, before or while a worker takes the job */
  g_mutex_lock (&pool_lock);
  if (job->state == JOB_QUEUED)
    {
      job->state = JOB_DROPPED;
      pending--;
    }
  g_mutex_unlock (&pool_lock);
}

static void
take_memory (guint cost_kib)
{
  g_mutex_lock (&pool_lock);
  /* a job bigger than the budget runs when nothing else does */
  while (memory_in_use_kib > 0 && memory_in_use_kib + cost_kib > POOL_MEMORY_BUDGET_KIB)
    g_cond_wait (&budget_cond, &pool_lock);
  memory_in_use_kib += cost_kib;
  g_mutex_unlock (&pool_lock);
}

static void
give_memory (guint cost_kib)
{
  g_mutex_lock (&pool_lock);
  memory_in_use_kib -= cost_kib;
  pending--;
  n_computed++;
  g_cond_broadcast (&budget_cond);
  g_mutex_unlock (&pool_lock);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  PasswordJob *job = data;
  g_autoptr(GTask) task = g_steal_pointer (&job->task);
  gboolean dropped;

  g_mutex_lock (&pool_lock);
  dropped = job->state == JOB_DROPPED;
  if (!dropped)
    job->state = JOB_RUNNING;
  g_mutex_unlock (&pool_lock);
  /* no lock held: disconnecting waits for a handler running elsewhere */
  if (job->cancelled_id != 0)
    g_cancellable_disconnect (job->cancellable, job->cancelled_id);

  if (dropped)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "the request was cancelled");
      password_job_free (job);
      return;
    }

  take_memory (job->cost_kib);
  /* cancelled while it waited for memory: still not started */
  if (g_cancellable_is_cancelled (job->cancellable))
    {
      g_mutex_lock (&pool_lock);
      memory_in_use_kib -= job->cost_kib;
      pending--;
      g_cond_broadcast (&budget_cond);
      g_mutex_unlock (&pool_lock);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "the request was cancelled");
      password_job_free (job);
      return;
    }
  if (job->verify)
    {
      gboolean ok = scd_password_verify (job->hash, job->password);

      give_memory (job->cost_kib);
      g_task_return_boolean (task, ok);
    }
  else
    {
      GError *error = NULL;
      char *hash = scd_password_hash (job->password, &error);

      give_memory (job->cost_kib);
      if (hash == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, hash, g_free);
    }
  password_job_free (job);
}

static void
ensure_pool (void)
{
  static gsize created = 0;

  if (g_once_init_enter (&created))
    {
      pool_threads = CLAMP (g_get_num_processors (), 1, POOL_THREADS_MAX);
      pool = g_thread_pool_new (run_job, NULL, (int) pool_threads, FALSE, NULL);
      g_once_init_leave (&created, 1);
    }
}

static void
submit (GTask       *task,   /* (transfer full) */
        PasswordJob *job)    /* (transfer full) */
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  gboolean busy;

  ensure_pool ();
  if (g_cancellable_set_error_if_cancelled (cancellable, NULL))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "the request was cancelled");
      g_object_unref (task);
      password_job_free (job);
      return;
    }

  g_mutex_lock (&pool_lock);
  busy = pending >= pool_threads + POOL_QUEUE_MAX;
  if (!busy)
    pending++;
  g_mutex_unlock (&pool_lock);
  if (busy)
    {
      g_debug ("%u password checks running or waiting: refusing another", pool_threads + POOL_QUEUE_MAX);
      g_task_return_new_error (task, SC_ERROR, SC_ERROR_UNAVAILABLE,
                               "the server is busy with other sign-ins: try again in a few seconds");
      g_object_unref (task);
      password_job_free (job);
      return;
    }

  job->task = task;
  job->state = JOB_QUEUED;
  if (cancellable != NULL)
    {
      job->cancellable = g_object_ref (cancellable);
      /* runs at once if cancelled meanwhile: the job is then dropped */
      job->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled_cb), job, NULL);
    }
  g_thread_pool_push (pool, job, NULL);
}

void
scd_password_hash_async (const char          *password,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  PasswordJob *job = g_new0 (PasswordJob, 1);

  g_task_set_source_tag (task, scd_password_hash_async);
  job->password = g_strdup (password);
  job->cost_kib = SCD_PASSWORD_MEMLIMIT / 1024;
  submit (task, job);
}

char *
scd_password_hash_finish (GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
scd_password_verify_async (const char          *hash,
                           const char          *password,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  PasswordJob *job = g_new0 (PasswordJob, 1);

  g_task_set_source_tag (task, scd_password_verify_async);
  job->verify = TRUE;
  job->hash = g_strdup (hash);
  job->password = g_strdup (password);
  job->cost_kib = cost_of_hash (hash != NULL ? hash : dummy_hash);
  submit (task, job);
}

gboolean
scd_password_verify_finish (GAsyncResult *result)
{
  return g_task_propagate_boolean (G_TASK (result), NULL);
}

gboolean
scd_password_verify_finish_full (GAsyncResult  *result,
                                 gboolean      *matches,
                                 GError       **error)
{
  GError *local_error = NULL;

  *matches = g_task_propagate_boolean (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

guint
scd_password_get_n_computed (void)
{
  guint n;

  g_mutex_lock (&pool_lock);
  n = n_computed;
  g_mutex_unlock (&pool_lock);
  return n;
}
