/* scc-review-form-vm.c
 *
 * SccReviewFormVm: see scc-review-form-vm.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-review-form-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-problem.h"
#include "scc-api-client-cases.h"
#include "scc-review-form-vm.h"

struct _SccReviewFormVm
{
  SccRecordFormVm parent_instance;

  /* Borrowed: owned by the form */
  SccFormField *invitations;
  SccFormField *planned;
  SccFormField *attendees;
  SccFormField *reasons;
};

G_DEFINE_FINAL_TYPE (SccReviewFormVm, scc_review_form_vm, SCC_TYPE_RECORD_FORM_VM)

/* "Rae's mother; SENCo" -> the names, empty ones left out */
static GStrv
split_attendees (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ";", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
scc_review_form_vm_validate (SccFormVm *form)
{
  SccReviewFormVm *self = SCC_REVIEW_FORM_VM (form);
  g_auto(GStrv) names = split_attendees (scc_form_field_get_value (self->attendees));
  ScDay invited, planned;
  gboolean ok = scc_record_form_vm_read_day (self->invitations, &invited) &
                scc_record_form_vm_read_day (self->planned, &planned);

  if (scc_record_form_vm_get_selected_record (SCC_RECORD_FORM_VM (self)) == NULL)
    {
      scc_form_vm_set_error_message (form, _("There is no review to record on yet."));
      return FALSE;
    }
  if (ok && invited != SC_DAY_NONE && planned != SC_DAY_NONE && invited > planned)
    {
      scc_form_field_set_error (self->invitations, _("must be on or before the meeting's planned date"));
      ok = FALSE;
    }
  if (g_strv_length (names) > SC_REVIEW_ATTENDEES_MAX)
    {
      scc_form_field_set_error (self->attendees, _("must list at most 40 people"));
      ok = FALSE;
    }
  return ok;
}

static void
scc_review_form_vm_submit_async (SccFormVm           *form,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  SccReviewFormVm *self = SCC_REVIEW_FORM_VM (form);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  const ScReview *review = scc_record_form_vm_get_selected_record (SCC_RECORD_FORM_VM (self));
  g_autofree char *reasons = g_strstrip (g_strdup (scc_form_field_get_value (self->reasons)));
  ScReviewChange change = { 0 };

  scc_record_form_vm_read_day (self->invitations, &change.invitations_sent);
  scc_record_form_vm_read_day (self->planned, &change.meeting_planned);
  change.attendees = split_attendees (scc_form_field_get_value (self->attendees));
  change.reasons = reasons[0] != '\0' ? reasons : NULL;
  scc_api_client_put_review_async (scc_form_vm_get_api_client (form),
                                   scc_record_form_vm_get_case_id (SCC_RECORD_FORM_VM (self)), review->id, &change,
                                   review->version, cancellable, scc_record_form_vm_submit_callback, task);
  sc_review_change_clear (&change);
}

/* "attendees[2]" is about the attendees field */
static void
scc_review_form_vm_show_error (SccFormVm    *form,
                               const GError *error)
{
  SccReviewFormVm *self = SCC_REVIEW_FORM_VM (form);
  const ScProblem *problem = sc_error_get_problem (error);

  SCC_FORM_VM_CLASS (scc_review_form_vm_parent_class)->show_error (form, error);
  for (guint i = 0; problem != NULL && i < sc_problem_get_n_field_errors (problem); i++)
    {
      const ScFieldError *field = sc_problem_get_field_error (problem, i);

      if (g_str_has_prefix (field->field, "attendees["))
        scc_form_field_set_error (self->attendees, field->message);
    }
}

static gint64
review_id (gconstpointer record)
{
  return ((const ScReview *) record)->id;
}

static void
fill (SccRecordFormVm *form,
      gconstpointer    record)
{
  SccReviewFormVm *self = SCC_REVIEW_FORM_VM (form);
  const ScReview *review = record;
  g_autofree char *invited = scc_record_form_vm_day_text (review->invitations_sent);
  g_autofree char *planned = scc_record_form_vm_day_text (review->meeting_planned);
  g_autofree char *names = g_strjoinv ("; ", review->attendees);

  scc_form_field_set_value (self->invitations, invited);
  scc_form_field_set_value (self->planned, planned);
  scc_form_field_set_value (self->attendees, names);
  scc_form_field_set_value (self->reasons, review->reasons != NULL ? review->reasons : "");
}

static void
scc_review_form_vm_class_init (SccReviewFormVmClass *klass)
{
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);
  SccRecordFormVmClass *record_class = SCC_RECORD_FORM_VM_CLASS (klass);

  form_class->validate = scc_review_form_vm_validate;
  form_class->submit_async = scc_review_form_vm_submit_async;
  form_class->show_error = scc_review_form_vm_show_error;
  scc_form_vm_class_set_failure_text (form_class, _("The review has not been saved"));

  record_class->list_async = scc_api_client_list_reviews_async;
  record_class->list_finish = scc_api_client_list_reviews_finish;
  record_class->put_finish = (gpointer) scc_api_client_put_review_finish;
  record_class->record_id = review_id;
  record_class->fill = fill;
  record_class->record_free = (GDestroyNotify) sc_review_free;
  record_class->load_failure_text = _("The reviews could not be read");
  record_class->saved_text = _("The review has been saved.");
}

static void
scc_review_form_vm_init (SccReviewFormVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  self->invitations = scc_form_vm_add_field (form, "invitations_sent", SCC_FORM_FIELD_DEFAULT);
  self->planned = scc_form_vm_add_field (form, "meeting_planned", SCC_FORM_FIELD_DEFAULT);
  self->attendees = scc_form_vm_add_field (form, "attendees", SCC_FORM_FIELD_DEFAULT);
  self->reasons = scc_form_vm_add_field (form, "reasons", SCC_FORM_FIELD_DEFAULT);
}

SccReviewFormVm *
scc_review_form_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_REVIEW_FORM_VM, "api-client", api_client, NULL);
}
