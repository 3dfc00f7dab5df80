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
 * Keys belong to the signed-in user and are kept for 24 hours. The store
 * knows nothing of HTTP: an answer is a status, a body and two headers it
 * keeps as text.
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
  char     *resource_id;  /* the record's id, e.g. "42" */
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
void            scd_idempotency_free        (ScdIdempotency   *idempotency);
const char     *scd_idempotency_get_key     (ScdIdempotency   *idempotency);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScdCreated, scd_created_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScdIdempotency, scd_idempotency_free)

G_END_DECLS
