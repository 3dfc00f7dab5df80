/* scd-idempotency.h
 *
 * Creates that a retry cannot duplicate. scd_idempotent_create() runs the
 * caller's INSERT statement; when the request has an Idempotency-Key header
 * it does so in one transaction with a record of the key, the request's hash
 * and the exact answer:
 *
 *   same key, same request  -> the first answer again, nothing written
 *   same key, other request -> 422
 *   two at once             -> the second waits on the key and then replays
 *
 * Keys belong to the signed-in user and are kept for 24 hours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scd-request.h"
#include "store/scd-db.h"

G_BEGIN_DECLS

typedef struct
{
  guint     status;     /* e.g. 201 */
  JsonNode *body;       /* owned */
  char     *etag;       /* nullable, owned */
  char     *location;   /* nullable, owned */
} ScdCreated;

/* Turns the statement's result into the answer, or sets @error. */
typedef gboolean (*ScdCreateBuildFunc) (PGresult    *result,
                                        ScdCreated  *created,
                                        GError     **error);

/* @params: (transfer full)
 * @conflict_field, @conflict_message: the field error that answers a
 *   unique violation (e.g. "username", "is already taken"); nullable */
void scd_idempotent_create (ScdRequest         *request,
                            const char         *sql,
                            ScdParams          *params,
                            ScdCreateBuildFunc  build,
                            const char         *conflict_field,
                            const char         *conflict_message);

G_END_DECLS
