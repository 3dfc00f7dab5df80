/* sc-plan-document.h
 *
 * What a printed plan needs beyond the version itself: the child it is
 * for, the date the version was issued (its event's date) and, for the
 * amendments an amendment notice proposes, the plan they would amend and
 * the last day for the family's comments. The daemon's plan store gives
 * one; the PDF renderer (server/render/) prints it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-plan-version.h"

G_BEGIN_DECLS

/* Every member is owned. */
typedef struct
{
  gint64         case_id;
  ScPlanVersion *version;
  ScPlanVersion *base;            /* proposed only: the last final or amended version before it, or NULL */
  char          *child_name;      /* "Amira Khan" (the preferred given name if any) */
  char          *date_of_birth;   /* YYYY-MM-DD */
  char          *upn;             /* or NULL */
  char          *nhs_number;      /* or NULL */
  char          *issued_on;       /* YYYY-MM-DD: the date of the event that issued the version */
  char          *base_issued_on;  /* YYYY-MM-DD: the base's, or NULL */
} ScPlanDocument;

void  sc_plan_document_free             (ScPlanDocument *document);

/* The last day of the 15 days, beginning with the day the notice was
 * served, in which the family may comment on proposed amendments (reg
 * 22(2)): issued_on + 14 days, YYYY-MM-DD. NULL for a version that is
 * not proposed amendments. */
char *sc_plan_document_dup_comments_by  (const ScPlanDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScPlanDocument, sc_plan_document_free)

G_END_DECLS
