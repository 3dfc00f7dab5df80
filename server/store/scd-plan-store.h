/* scd-plan-store.h
 *
 * The draft EHC plan of a case: every statement that reads or changes
 * plan_section, each with its audit row, each result decoded once into
 * ScPlanSection. Who may do what is the case's (scd-case-store.h): a
 * restricted case is NOT_FOUND for anyone but its owner, its assignees and
 * team managers; a caseworker changes only the drafts of the cases they
 * own or are assigned to (FORBIDDEN otherwise, recorded as denied).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-plan.h"
#include "sc-plan-document.h"
#include "sc-plan-version.h"
#include "scd-actor.h"
#include "scd-store.h"

G_BEGIN_DECLS

#define SCD_TYPE_PLAN_STORE (scd_plan_store_get_type ())

G_DECLARE_FINAL_TYPE (ScdPlanStore, scd_plan_store, SCD, PLAN_STORE, ScdStore)

ScdPlanStore *scd_plan_store_new                (ScdDb               *db);

/* Every section of the case's draft, in order (SC_N_PLAN_SECTIONS of
 * them; one never written has version 0). */
void          scd_plan_store_get_draft_async    (ScdPlanStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               case_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full) (element-type ScPlanSection); @advice: (out)
 * (transfer full) (optional): the case's advice requests (ScPlanAdvice) */
GPtrArray    *scd_plan_store_get_draft_finish   (ScdPlanStore        *self,
                                                 GAsyncResult        *result,
                                                 GPtrArray          **advice,
                                                 GError             **error);

/* Writes @content (normalised, sc_plan_section_check_content) as section
 * @id of the case's draft, if the section is still at @if_match (0: never
 * written). PRECONDITION_FAILED with *@current (its version now) if not. */
void          scd_plan_store_put_section_async  (ScdPlanStore        *self,
                                                 const ScdActor      *actor,
                                                 gint64               case_id,
                                                 ScPlanSectionId      id,
                                                 const char          *content,
                                                 gint64               if_match,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full): the section as written */
ScPlanSection *scd_plan_store_put_section_finish (ScdPlanStore       *self,
                                                  GAsyncResult       *result,
                                                  gint64             *current,
                                                  GError            **error);

/* The case's issued versions, the first first, without their sections. */
void          scd_plan_store_list_versions_async  (ScdPlanStore        *self,
                                                   const ScdActor      *actor,
                                                   gint64               case_id,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* Returns: (transfer full) (element-type ScPlanVersion) */
GPtrArray    *scd_plan_store_list_versions_finish (ScdPlanStore        *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* Versions @first and @second (the same number for one) of the case, whole.
 * NOT_FOUND naming the first number the case has no version of. */
void          scd_plan_store_get_versions_async   (ScdPlanStore        *self,
                                                   const ScdActor      *actor,
                                                   gint64               case_id,
                                                   gint64               first,
                                                   gint64               second,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* Returns: (transfer full) (element-type ScPlanVersion): @first, then @second */
GPtrArray    *scd_plan_store_get_versions_finish  (ScdPlanStore        *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* Version @number of the case with what its printed form needs
 * (sc-plan-document.h). NOT_FOUND naming the number if the case has none. */
void          scd_plan_store_get_document_async   (ScdPlanStore        *self,
                                                   const ScdActor      *actor,
                                                   gint64               case_id,
                                                   gint64               number,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* Returns: (transfer full) */
ScPlanDocument *scd_plan_store_get_document_finish (ScdPlanStore       *self,
                                                    GAsyncResult       *result,
                                                    GError            **error);

G_END_DECLS
