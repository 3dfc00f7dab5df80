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
  SccFormVm     parent_instance;

  gint64        case_id;
  GPtrArray    *reviews;      /* of ScReview, nullable */
  char         *load_error;
  int           selected;
  GCancellable *loading;

  /* Borrowed: owned by the form */
  SccFormField *invitations;
  SccFormField *planned;
  SccFormField *attendees;
  SccFormField *reasons;
};

enum {
  PROP_0,
  PROP_REVIEWS,
  PROP_LOAD_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccReviewFormVm, scc_review_form_vm, SCC_TYPE_FORM_VM)

static char *
day_text (ScDay day)
{
  char text[SC_DAY_STRING_SIZE];

  return day == SC_DAY_NONE ? g_strdup ("") : g_strdup (sc_day_format (day, text));
}

/* An empty field is no date; FALSE, with the field's error, for one that
 * is not a date */
static gboolean
read_day (SccFormField *field,
          ScDay        *out)
{
  g_autofree char *text = g_strstrip (g_strdup (scc_form_field_get_value (field)));

  *out = SC_DAY_NONE;
  if (text[0] == '\0' || sc_day_parse (text, out))
    return TRUE;
  scc_form_field_set_error (field, _("must be a date (YYYY-MM-DD)"));
  return FALSE;
}

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
  gboolean ok = read_day (self->invitations, &invited) & read_day (self->planned, &planned);

  if (self->selected < 0)
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
reviews_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SccReviewFormVm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = scc_api_client_list_reviews_finish (SCC_API_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  g_clear_pointer (&self->load_error, g_free);
  if (reviews == NULL)
    {
      self->load_error = g_strdup_printf (_("The reviews could not be read: %s"), error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
      return;
    }
  /* the same review again (by its id: the list may have moved), or the latest */
  {
    gint64 was = self->reviews != NULL && self->selected >= 0 && (guint) self->selected < self->reviews->len
                 ? ((ScReview *) g_ptr_array_index (self->reviews, self->selected))->id : 0;

    self->selected = (int) reviews->len - 1;
    for (guint i = 0; was > 0 && i < reviews->len; i++)
      if (((ScReview *) g_ptr_array_index (reviews, i))->id == was)
        self->selected = (int) i;
  }
  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  self->reviews = g_steal_pointer (&reviews);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
  if (self->selected >= 0)
    scc_review_form_vm_select (self, (guint) self->selected);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWS]);
}

static void
reload (SccReviewFormVm *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  scc_api_client_list_reviews_async (scc_form_vm_get_api_client (SCC_FORM_VM (self)), self->case_id,
                                     self->loading, reviews_cb, g_object_ref (self));
}

static void
put_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  ScReview *review = scc_api_client_put_review_finish (SCC_API_CLIENT (object), result, &error);

  if (review == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, review, (GDestroyNotify) sc_review_free);
}

static void
scc_review_form_vm_submit_async (SccFormVm           *form,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  SccReviewFormVm *self = SCC_REVIEW_FORM_VM (form);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  const ScReview *review = g_ptr_array_index (self->reviews, self->selected);
  g_autofree char *reasons = g_strstrip (g_strdup (scc_form_field_get_value (self->reasons)));
  ScReviewChange change = { 0 };

  read_day (self->invitations, &change.invitations_sent);
  read_day (self->planned, &change.meeting_planned);
  change.attendees = split_attendees (scc_form_field_get_value (self->attendees));
  change.reasons = reasons[0] != '\0' ? reasons : NULL;
  scc_api_client_put_review_async (scc_form_vm_get_api_client (form), self->case_id, review->id, &change,
                                   review->version, cancellable, put_cb, task);
  sc_review_change_clear (&change);
}

static gboolean
scc_review_form_vm_submit_finish (SccFormVm     *form,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  SccReviewFormVm *self = SCC_REVIEW_FORM_VM (form);
  ScReview *review = g_task_propagate_pointer (G_TASK (result), error);

  if (review == NULL)
    return FALSE;
  /* the review as written, its new version at once: a second save before
   * the list is read again matches it */
  for (guint i = 0; self->reviews != NULL && i < self->reviews->len; i++)
    if (((ScReview *) g_ptr_array_index (self->reviews, i))->id == review->id)
      {
        sc_review_free (g_ptr_array_index (self->reviews, i));
        g_ptr_array_index (self->reviews, i) = g_steal_pointer (&review);
        break;
      }
  g_clear_pointer (&review, sc_review_free);
  return TRUE;
}

static void
scc_review_form_vm_succeeded (SccFormVm *form)
{
  scc_form_vm_set_notice (form, _("The review has been saved."));
  reload (SCC_REVIEW_FORM_VM (form));
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

/* The next user starts from nothing: no case, no reviews */
static void
scc_review_form_vm_clear (SccFormVm *form)
{
  SccReviewFormVm *self = SCC_REVIEW_FORM_VM (form);

  SCC_FORM_VM_CLASS (scc_review_form_vm_parent_class)->clear (form);
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->case_id = 0;
  self->selected = -1;
  if (self->load_error != NULL)
    {
      g_clear_pointer (&self->load_error, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
    }
  if (self->reviews != NULL)
    {
      g_clear_pointer (&self->reviews, g_ptr_array_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWS]);
    }
}

static void
scc_review_form_vm_dispose (GObject *object)
{
  SccReviewFormVm *self = SCC_REVIEW_FORM_VM (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);

  G_OBJECT_CLASS (scc_review_form_vm_parent_class)->dispose (object);
}

static void
scc_review_form_vm_finalize (GObject *object)
{
  SccReviewFormVm *self = SCC_REVIEW_FORM_VM (object);

  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  g_free (self->load_error);

  G_OBJECT_CLASS (scc_review_form_vm_parent_class)->finalize (object);
}

static void
scc_review_form_vm_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SccReviewFormVm *self = SCC_REVIEW_FORM_VM (object);

  switch (prop_id)
    {
    case PROP_REVIEWS:
      g_value_set_boxed (value, self->reviews);
      break;
    case PROP_LOAD_ERROR:
      g_value_set_string (value, self->load_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_review_form_vm_class_init (SccReviewFormVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);

  object_class->dispose = scc_review_form_vm_dispose;
  object_class->finalize = scc_review_form_vm_finalize;
  object_class->get_property = scc_review_form_vm_get_property;
  form_class->validate = scc_review_form_vm_validate;
  form_class->submit_async = scc_review_form_vm_submit_async;
  form_class->submit_finish = scc_review_form_vm_submit_finish;
  form_class->succeeded = scc_review_form_vm_succeeded;
  form_class->show_error = scc_review_form_vm_show_error;
  form_class->clear = scc_review_form_vm_clear;

  scc_form_vm_class_set_failure_text (form_class, _("The review has not been saved"));

  properties[PROP_REVIEWS] = g_param_spec_boxed ("reviews", NULL, NULL, G_TYPE_PTR_ARRAY,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOAD_ERROR] = g_param_spec_string ("load-error", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_review_form_vm_init (SccReviewFormVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  self->selected = -1;
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

void
scc_review_form_vm_load (SccReviewFormVm *self,
                         gint64           case_id)
{
  g_return_if_fail (SCC_IS_REVIEW_FORM_VM (self));
  g_return_if_fail (case_id > 0);

  if (case_id != self->case_id)
    {
      scc_form_vm_clear (SCC_FORM_VM (self));
      self->case_id = case_id;
    }
  reload (self);
}

gint64
scc_review_form_vm_get_case_id (SccReviewFormVm *self)
{
  g_return_val_if_fail (SCC_IS_REVIEW_FORM_VM (self), 0);
  return self->case_id;
}

GPtrArray *
scc_review_form_vm_get_reviews (SccReviewFormVm *self)
{
  g_return_val_if_fail (SCC_IS_REVIEW_FORM_VM (self), NULL);
  return self->reviews;
}

const char *
scc_review_form_vm_get_load_error (SccReviewFormVm *self)
{
  g_return_val_if_fail (SCC_IS_REVIEW_FORM_VM (self), NULL);
  return self->load_error;
}

void
scc_review_form_vm_select (SccReviewFormVm *self,
                           guint            index)
{
  const ScReview *review;
  g_autofree char *invited = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *names = NULL;

  g_return_if_fail (SCC_IS_REVIEW_FORM_VM (self));
  g_return_if_fail (self->reviews != NULL && index < self->reviews->len);

  review = g_ptr_array_index (self->reviews, index);
  self->selected = (int) index;
  invited = day_text (review->invitations_sent);
  planned = day_text (review->meeting_planned);
  names = g_strjoinv ("; ", review->attendees);
  scc_form_field_set_value (self->invitations, invited);
  scc_form_field_set_value (self->planned, planned);
  scc_form_field_set_value (self->attendees, names);
  scc_form_field_set_value (self->reasons, review->reasons != NULL ? review->reasons : "");
  for (guint i = 0; i < g_list_model_get_n_items (scc_form_vm_get_fields (SCC_FORM_VM (self))); i++)
    {
      g_autoptr(SccFormField) field = g_list_model_get_item (scc_form_vm_get_fields (SCC_FORM_VM (self)), i);

      scc_form_field_set_error (field, NULL);
    }
}

int
scc_review_form_vm_get_selected (SccReviewFormVm *self)
{
  g_return_val_if_fail (SCC_IS_REVIEW_FORM_VM (self), -1);
  return self->selected;
}
