/* scc-form-vm-errors.c
 *
 * The default SccFormVm.show_error: a refusal as the user reads it. Field
 * errors of the server's problem go beside their fields (a 422, and a 409
 * that names a field: a username taken, a person's open case); what no
 * field shows is said under the form, with a retry offered when the server
 * or the network may answer next time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-form-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-error.h"
#include "sc-problem.h"

#include "scc-form-vm-private.h"

/* The problem's field errors beside their fields; returns whether any was
 * shown, and in @unknown the first that names no field of the form. */
static gboolean
show_field_errors (SccFormVm           *self,
                   const GError        *error,
                   const ScFieldError **unknown)
{
  const ScProblem *problem = sc_error_get_problem (error);
  guint n_errors = problem != NULL ? sc_problem_get_n_field_errors (problem) : 0;
  gboolean shown = FALSE;

  *unknown = NULL;
  for (guint i = 0; i < n_errors; i++)
    {
      const ScFieldError *field_error = sc_problem_get_field_error (problem, i);
      SccFormField *field = scc_form_vm_lookup_field (self, field_error->field);

      if (field != NULL)
        {
          scc_form_field_set_error (field, field_error->message);
          shown = TRUE;
        }
      else if (*unknown == NULL)
        {
          *unknown = field_error;
        }
    }
  return shown;
}

void
_scc_form_vm_real_show_error (SccFormVm    *self,
                              const GError *error)
{
  const char *failure = scc_form_vm_get_failure_text (self);
  g_autofree char *message = NULL;
  const ScFieldError *unknown = NULL;

  if (g_error_matches (error, SC_ERROR, SC_ERROR_INVALID_INPUT))
    {
      gboolean shown = show_field_errors (self, error, &unknown);

      if (unknown != NULL)
        message = g_strdup_printf (_("%s: %s %s."), failure, unknown->field, unknown->message);
      else if (!shown)
        message = g_strdup_printf (_("%s: %s."), failure, error->message);
    }
  else if (g_error_matches (error, SC_ERROR, SC_ERROR_CONFLICT))
    {
      /* Beside what it names (a username taken, a person's open case), and
       * said under the form too: a conflict is with a record elsewhere. */
      show_field_errors (self, error, &unknown);
      message = g_strdup_printf (_("%s: %s."), failure, error->message);
    }
  else if (g_error_matches (error, SC_ERROR, SC_ERROR_UNAUTHORIZED))
    {
      g_autofree char *notice = NULL;

      /* The window is taking the user to sign in; the input stays for later. */
      notice = g_strdup_printf (_("%s: your session ended before it could be saved. "
                                  "Submit the form again to save it."),
                                failure);
      scc_form_vm_set_notice (self, notice);
    }
  else if (g_error_matches (error, SC_ERROR, SC_ERROR_UNAVAILABLE))
    {
      message = g_strdup_printf (_("%s: the server cannot reach its database at the moment. "
                                   "Try again in a few minutes."),
                                 failure);
      scc_form_vm_set_can_retry (self, TRUE);
    }
  else if (error->domain == SC_ERROR)
    {
      message = g_strdup_printf (_("%s: %s."), failure, error->message);
    }
  else
    {
      /* Refused, unresolvable, timed out: the server or the network. */
      message = g_strdup_printf (_("%s: the server could not be reached (%s)."), failure, error->message);
      scc_form_vm_set_can_retry (self, TRUE);
    }

  if (message != NULL)
    scc_form_vm_set_error_message (self, message);
}
