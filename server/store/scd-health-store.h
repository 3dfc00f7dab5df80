/* scd-health-store.h
 *
 * Whether the database answers, and at which schema version: what
 * GET /api/v1/health reports. Not audited: it says nothing about anyone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-health.h"
#include "scd-store.h"

G_BEGIN_DECLS

#define SCD_TYPE_HEALTH_STORE (scd_health_store_get_type ())

G_DECLARE_FINAL_TYPE (ScdHealthStore, scd_health_store, SCD, HEALTH_STORE, ScdStore)

ScdHealthStore *scd_health_store_new          (ScdDb               *db);

void            scd_health_store_check_async  (ScdHealthStore      *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* Returns: (transfer full): the health of a daemon that reaches its
 * database; an error (UNAVAILABLE, ...) when it does not. */
ScHealth       *scd_health_store_check_finish (ScdHealthStore      *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
