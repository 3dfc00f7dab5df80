/* scd-password.h
 *
 * Passwords: the policy (at least 12 characters), argon2id hashing through
 * libsodium's crypto_pwhash_str, and verification. Hashing is deliberately
 * slow, so the daemon runs it in worker threads (the _async calls); the
 * blocking calls are for sendcasectl and start-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SCD_PASSWORD_MIN_CHARS 12
#define SCD_PASSWORD_MAX_BYTES 1024

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
/* Whether @hash was made with other limits than this build hashes with (or
 * is not one of its hashes): the next sign-in with it should store a new
 * hash of the same password. */
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
gboolean scd_password_verify_finish (GAsyncResult        *result);

/* Wipes and frees a secret string. */
void     scd_secret_free            (char                *secret);

G_END_DECLS
