/* scd-idempotency.h
 *
 * Creates that a retry cannot duplicate. A store's create takes an
 * ScdIdempotency made from the request's Idempotency-Key header; with a key
 * it runs in one transaction with a record of the key, the request's hash and
 * the exact answer, which the HTTP layer made from the new record with its
 * ScdAnswerFunc:
 *
 *   same key, same request  -> the first answer again ("replayed"), nothing
 *                              created, an audit row with outcome replayed
 *   same key, other request -> 422 on the Idempotency-Key field
 *   two at once             -> the second waits on the key and then replays
 *
 * The same holds for a change of several statements that makes a record
 * (an event on a case): its transaction claims the key first and keeps the
 * answer last (scd-store-private.h). Keys belong to the signed-in user and
 * are kept for 24 hours. The store knows nothing of HTTP: an answer is a
 * status, a body and two headers it keeps as text. A request that fails
 * keeps nothing: its key is free for the corrected request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  GObject  *model;        /* the record made; NULL when replayed */
  gboolean  replayed;
  /* set by the store before the answer is made */
  char     *resource_id;  /* the id its audit rows record, e.g. "42": the
                           * record's, or for an event its case's */
  gint64    version;      /* the version its ETag names: the record's, or
                           * for an event its case's new one; 0 when
                           * replayed */
  /* the answer, set by the ScdAnswerFunc (or read back on a replay) */
  guint     status;
  char     *body;         /* JSON text */
  char     *etag;         /* nullable */
  char     *location;     /* nullable */
} ScdCreated;

void scd_created_free (ScdCreated *created);

/* Fills @created's answer from @model, the record just made. */
typedef void (*ScdAnswerFunc) (GObject    *model,
                               ScdCreated *created);

typedef struct _ScdIdempotency ScdIdempotency;

/* @key: (nullable): without one the create just runs, and its answer is
 *   still made, so the caller answers the same way either way
 * @request_hash: what identifies the request (method, path and body)
 * @answer: (nullable): how to answer; NULL for callers with no answer to
 *   give (sendcasectl), which may not pass a key */
ScdIdempotency *scd_idempotency_new         (const char       *key,
                                             const char       *request_hash,
                                             ScdAnswerFunc     answer);
/* Returns: (nullable): a copy, for a store call that outlives the caller's */
ScdIdempotency *scd_idempotency_copy        (const ScdIdempotency *idempotency);
void            scd_idempotency_free        (ScdIdempotency   *idempotency);
const char     *scd_idempotency_get_key     (ScdIdempotency   *idempotency);
/* @idempotency: (nullable) */
gboolean        scd_idempotency_has_key     (const ScdIdempotency *idempotency);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScdCreated, scd_created_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScdIdempotency, scd_idempotency_free)

G_END_DECLS
