/* sc-plan-document.c
 *
 * A plan version with what its printed form needs (sc-plan-document.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-plan-document"

#include "config.h"

#include "sc-calendar.h"
#include "sc-plan-document.h"

/* reg 22(2): "within 15 days beginning with the day on which the notice
 * was served", so the day served is the first of the fifteen */
#define COMMENT_DAYS 15

void
sc_plan_document_free (ScPlanDocument *document)
{
  if (document == NULL)
    return;
  g_clear_object (&document->version);
  g_clear_object (&document->base);
  g_free (document->child_name);
  g_free (document->date_of_birth);
  g_free (document->upn);
  g_free (document->nhs_number);
  g_free (document->issued_on);
  g_free (document->base_issued_on);
  g_free (document);
}

char *
sc_plan_document_dup_comments_by (const ScPlanDocument *document)
{
  char text[SC_DAY_STRING_SIZE];
  ScDay served;

  g_return_val_if_fail (document != NULL, NULL);
  if (g_strcmp0 (sc_plan_version_get_kind (document->version),
                 sc_plan_version_kind_to_string (SC_PLAN_VERSION_PROPOSED)) != 0 ||
      !sc_day_parse (document->issued_on, &served))
    return NULL;
  return g_strdup (sc_day_format (served + COMMENT_DAYS - 1, text));
}
