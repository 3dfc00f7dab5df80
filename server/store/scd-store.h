/* scd-store.h
 *
 * The base of every store. A store owns the SQL of one entity (users,
 * sessions, the audit trail, ...), runs it on the pool, and decodes each
 * result once into the models of common/. Its calls are _async/_finish
 * pairs that take the acting ScdActor, so the statement that reads or
 * changes a record also writes that record's audit row. Errors are SC_ERROR:
 * NOT_FOUND, CONFLICT with the field named, PRECONDITION_FAILED with the
 * current version, UNAVAILABLE, INTERNAL.
 *
 * A store holds only its pool: it is cheap, shared by every request, and the
 * daemon and sendcasectl use the same ones (scd-stores.h, scd-sync.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-calendar.h"
#include "scd-db.h"

G_BEGIN_DECLS

#define SCD_TYPE_STORE (scd_store_get_type ())

G_DECLARE_DERIVABLE_TYPE (ScdStore, scd_store, SCD, STORE, GObject)

struct _ScdStoreClass
{
  GObjectClass parent_class;
};

ScdDb *scd_store_get_db (ScdStore *self);

/* A list of a case's records (complaints, appeals, mediations) by next
 * deadline: @status NULL for any (open, closed), @case_id 0 for any (a
 * complaint's -1 for the service's), after the cursor (@after_due,
 * @after_id; SC_DAY_NONE for the first page), at most @limit */
typedef struct
{
  const char *status;
  gint64      case_id;
  ScDay       after_due;
  gint64      after_id;
  guint       limit;
} ScdRecordQuery;

G_END_DECLS
