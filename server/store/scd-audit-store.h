/* scd-audit-store.h
 *
 * The audit trail as a store: reading it (newest first, filtered, a page at
 * a time: itself an audited read) and recording the refusals that no other
 * store call makes, such as a 403 by role. Every other audit row is written
 * by the statement of the act it records (scd-store-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-audit-event.h"
#include "scd-actor.h"
#include "scd-store.h"

G_BEGIN_DECLS

#define SCD_TYPE_AUDIT_STORE (scd_audit_store_get_type ())

G_DECLARE_FINAL_TYPE (ScdAuditStore, scd_audit_store, SCD, AUDIT_STORE, ScdStore)

typedef struct
{
  const char *resource_type;  /* nullable */
  const char *resource_id;    /* nullable: the row's resource, or one of the ids a list showed */
  const char *username;       /* nullable */
  gint64      from;           /* Unix microseconds, inclusive; 0 for none */
  gint64      to;             /* exclusive; 0 for none */
  gint64      before;         /* the cursor: events with a smaller id; 0 from the newest */
  guint       limit;          /* 1 to 500 */
} ScdAuditFilter;

ScdAuditStore *scd_audit_store_new           (ScdDb                *db);

void           scd_audit_store_list_async    (ScdAuditStore        *self,
                                              const ScdActor       *actor,
                                              const ScdAuditFilter *filter,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* Returns: (transfer full) (element-type ScAuditEvent)
 * @next_cursor: (out) (transfer full) (nullable) */
GPtrArray     *scd_audit_store_list_finish   (ScdAuditStore        *self,
                                              GAsyncResult         *result,
                                              char                **next_cursor,
                                              GError              **error);

/* One row: @outcome ("denied", ...) of the actor's action on @resource_id
 * (nullable). */
void           scd_audit_store_record_async  (ScdAuditStore        *self,
                                              const ScdActor       *actor,
                                              const char           *outcome,
                                              const char           *resource_id,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       scd_audit_store_record_finish (ScdAuditStore        *self,
                                              GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
