/* scd-password.c
 *
 * argon2id via libsodium with its "interactive" limits (2 passes, 64 MiB),
 * the strength libsodium recommends for sign-in. Copies of passwords made
 * here are wiped before they are freed, and no password is ever logged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-password"

#include "config.h"

#include <sodium.h>

#include "sc-problem.h"
#include "scd-password.h"

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
          ok = crypto_pwhash_str (dummy_hash, text, strlen (text), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                  crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0;
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
  if (crypto_pwhash_str (hash, password, strlen (password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
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
  g_return_val_if_fail (hash != NULL, FALSE);

  if (!scd_password_init (NULL))
    return FALSE;
  return crypto_pwhash_str_needs_rehash (hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

typedef struct
{
  char *hash;
  char *password;
} PasswordJob;

static void
password_job_free (gpointer data)
{
  PasswordJob *job = data;

  g_free (job->hash);
  scd_secret_free (job->password);
  g_free (job);
}

static void
hash_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PasswordJob *job = task_data;
  GError *error = NULL;
  char *hash = scd_password_hash (job->password, &error);

  if (hash == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hash, g_free);
}

void
scd_password_hash_async (const char          *password,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PasswordJob *job = g_new0 (PasswordJob, 1);

  job->password = g_strdup (password);
  g_task_set_source_tag (task, scd_password_hash_async);
  g_task_set_task_data (task, job, password_job_free);
  g_task_run_in_thread (task, hash_thread);
}

char *
scd_password_hash_finish (GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PasswordJob *job = task_data;

  g_task_return_boolean (task, scd_password_verify (job->hash, job->password));
}

void
scd_password_verify_async (const char          *hash,
                           const char          *password,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PasswordJob *job = g_new0 (PasswordJob, 1);

  job->hash = g_strdup (hash);
  job->password = g_strdup (password);
  g_task_set_source_tag (task, scd_password_verify_async);
  g_task_set_task_data (task, job, password_job_free);
  g_task_run_in_thread (task, verify_thread);
}

gboolean
scd_password_verify_finish (GAsyncResult *result)
{
  return g_task_propagate_boolean (G_TASK (result), NULL);
}
