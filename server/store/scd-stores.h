/* scd-stores.h
 *
 * One of each store, on one pool: what the daemon's handlers and
 * sendcasectl's commands reach the database through. A new entity adds its
 * store here and nowhere else in the server's plumbing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scd-audit-store.h"
#include "scd-case-store.h"
#include "scd-config.h"
#include "scd-health-store.h"
#include "scd-institution-store.h"
#include "scd-person-store.h"
#include "scd-plan-store.h"
#include "scd-proceeding-store.h"
#include "scd-appeal-store.h"
#include "scd-complaint-store.h"
#include "scd-dispute-store.h"
#include "scd-mediation-store.h"
#include "scd-consultation-store.h"
#include "scd-funding-band-store.h"
#include "scd-review-store.h"
#include "scd-session-store.h"
#include "scd-user-store.h"

G_BEGIN_DECLS

typedef struct _ScdStores
{
  ScdDb           *db;
  ScdAuditStore   *audit;
  ScdHealthStore  *health;
  ScdPersonStore  *people;
  ScdCaseStore    *cases;
  ScdPlanStore    *plans;
  ScdReviewStore  *reviews;
  ScdProceedingStore *proceedings;
  ScdConsultationStore *consultations;
  ScdComplaintStore *complaints;
  ScdAppealStore  *appeals;
  ScdMediationStore *mediations;
  ScdDisputeStore *disputes;
  ScdFundingBandStore *funding_bands;
  ScdInstitutionStore *institutions;
  ScdSessionStore *sessions;
  ScdUserStore    *users;
  ScdSessionCache *session_cache;   /* shared by the session and user stores */
} ScdStores;

/* The longest a checked session is kept (scd-session-cache.h). */
#define SCD_SESSION_CACHE_SECONDS 5

/* @config: (nullable): the daemon's settings, read by the session store */
ScdStores *scd_stores_new          (ScdDb               *db,
                                    const ScdConfig     *config);
ScdStores *scd_stores_ref          (ScdStores           *stores);
void       scd_stores_unref        (ScdStores           *stores);

/* Deletes what is kept only for a while: idempotency keys older than 24
 * hours, sign-in failures older than a day whose lock has ended. */
void       scd_stores_sweep_async  (ScdStores           *stores,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean   scd_stores_sweep_finish (GAsyncResult        *result,
                                    GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScdStores, scd_stores_unref)

G_END_DECLS
