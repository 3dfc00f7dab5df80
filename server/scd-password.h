/* scd-password.h
 *
 * Passwords: the policy (at least 12 characters), argon2id hashing through
 * libsodium's crypto_pwhash_str (19 MiB, 2 passes), and verification.
 * Hashing is deliberately slow, so the daemon runs it in a small bounded
 * pool of worker threads (the _async calls), which refuses work beyond a
 * short queue with SC_ERROR_UNAVAILABLE and drops work whose cancellable
 * was cancelled before it started; the blocking calls are for sendcasectl
 * and start-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SCD_PASSWORD_MIN_CHARS 12
#define SCD_PASSWORD_MAX_BYTES 1024
/* argon2id limits of new hashes (OWASP: m=19 MiB, t=2, p=1) */
#define SCD_PASSWORD_OPSLIMIT 2
#define SCD_PASSWORD_MEMLIMIT (19 * 1024 * 1024)

gboolean scd_password_init          (GError       **error);
/* Sets a field error on @field when @password breaks the policy. */
gboolean scd_password_check_policy  (const char    *password,
                                     const char    *field,
                                     GError       **error);
char    *scd_password_hash          (const char    *password,
                                     GError       **error);
/* @hash may be NULL (unknown user): a dummy hash is verified instead, so
 * that an unknown username costs the same time as a wrong password. */
gboolean scd_password_verify        (const char    *hash,
                                     const char    *password);
/* Whether @hash was made with other limits (or another algorithm) than
 * new hashes: the password, once verified, should be hashed again. */
gboolean scd_password_needs_rehash  (const char    *hash);

void     scd_password_hash_async    (const char          *password,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
char    *scd_password_hash_finish   (GAsyncResult        *result,
                                     GError             **error);
void     scd_password_verify_async  (const char          *hash,
                                     const char          *password,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
/* FALSE when the password does not match, and also when it could not be
 * checked (busy, cancelled): use _finish_full to tell them apart. */
gboolean scd_password_verify_finish (GAsyncResult        *result);
/* TRUE with *@matches when the check ran; FALSE with @error when it did
 * not: SC_ERROR_UNAVAILABLE when too many checks are running or waiting,
 * G_IO_ERROR_CANCELLED when the cancellable was cancelled first. */
gboolean scd_password_verify_finish_full (GAsyncResult   *result,
                                     gboolean            *matches,
                                     GError             **error);
/* Hashes and verifications the pool has computed (not those dropped). */
guint    scd_password_get_n_computed (void);

/* Wipes and frees a secret string. */
void     scd_secret_free            (char                *secret);

G_END_DECLS
