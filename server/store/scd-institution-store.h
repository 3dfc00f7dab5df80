/* scd-institution-store.h
 *
 * The institution directory (sc-institution.h): its import, a batch at a
 * time, and its reads. Each is one statement with its audit row: an
 * import batch names the URNs it added or changed, a read is recorded as
 * the action the actor's route names. The directory is no child's data:
 * every signed-in user reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-institution.h"
#include "scd-actor.h"
#include "scd-store.h"

G_BEGIN_DECLS

#define SCD_TYPE_INSTITUTION_STORE (scd_institution_store_get_type ())

G_DECLARE_FINAL_TYPE (ScdInstitutionStore, scd_institution_store, SCD, INSTITUTION_STORE, ScdStore)

/* What one batch of an import did */
typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
  guint closed;      /* added or updated as closed, when they were not closed before */
} ScdInstitutionCounts;

/* The directory's search: @query (nullable) is words of the name, a URN
 * or the start of a postcode; @phase and @la (nullable) match the phase
 * and the local authority's code or name exactly (any case) */
typedef struct
{
  const char *query;
  const char *phase;
  const char *la;
  gboolean    open_only;
  gint64      after_urn;   /* the cursor: the last URN of the page before, 0 for the first */
  guint       limit;
} ScdInstitutionQuery;

ScdInstitutionStore *scd_institution_store_new (ScdDb *db);

/* Upserts @institutions (ScInstitution, each URN once) by URN in one
 * statement: a row changes only when what it says changed. */
void       scd_institution_store_import_async   (ScdInstitutionStore         *self,
                                                 const ScdActor              *actor,
                                                 GPtrArray                   *institutions,
                                                 GCancellable                *cancellable,
                                                 GAsyncReadyCallback          callback,
                                                 gpointer                     user_data);
gboolean   scd_institution_store_import_finish  (ScdInstitutionStore         *self,
                                                 GAsyncResult                *result,
                                                 ScdInstitutionCounts        *counts,
                                                 GError                     **error);
/* One page of the search, by name then URN. */
void       scd_institution_store_search_async   (ScdInstitutionStore         *self,
                                                 const ScdActor              *actor,
                                                 const ScdInstitutionQuery   *query,
                                                 GCancellable                *cancellable,
                                                 GAsyncReadyCallback          callback,
                                                 gpointer                     user_data);
/* Returns: (transfer full) (element-type ScInstitution) */
GPtrArray *scd_institution_store_search_finish  (ScdInstitutionStore         *self,
                                                 GAsyncResult                *result,
                                                 char                       **next_cursor,
                                                 GError                     **error);
/* NOT_FOUND for a URN the directory does not have. @audited: FALSE for a
 * route that reads it on the way to another record and audits that. */
void       scd_institution_store_get_async      (ScdInstitutionStore         *self,
                                                 const ScdActor              *actor,
                                                 gint64                       urn,
                                                 gboolean                     audited,
                                                 GCancellable                *cancellable,
                                                 GAsyncReadyCallback          callback,
                                                 gpointer                     user_data);
ScInstitution *scd_institution_store_get_finish (ScdInstitutionStore         *self,
                                                 GAsyncResult                *result,
                                                 GError                     **error);

G_END_DECLS
