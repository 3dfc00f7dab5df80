/* scc-case-forms.c
 *
 * SccNewCaseVm: see scc-case-forms.h. The chosen person is held as a
 * model and as the person_id field, so choosing another is new input to
 * the base (a new Idempotency-Key) and a server error on person_id lands
 * beside the person. The owner is a kept field for the same reason (a
 * new owner is a new request); no row shows it, so its error is said in
 * error-message. validate checks the date as the daemon does, against
 * the form's today, with the daemon's own rule function.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-case-forms"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-case-rules.h"
#include "sc-error.h"
#include "sc-problem.h"

#include "scc-api-client-cases.h"
#include "scc-case-forms.h"
#include "scc-caseload-vm.h"

/* In the order of sc_case_request_sources. */
const char * const scc_request_source_titles[] = {
  N_("Parent or carer"), N_("School or setting"), N_("Health"), N_("Social care"), N_("Other"), NULL
};

struct _SccNewCaseVm
{
  SccFormVm     parent_instance;

  /* Owned */
  ScPerson     *person;
  ScCase       *created;
  ScDay         today;     /* SC_DAY_NONE: the real one */

  /* Borrowed: owned by the form */
  SccFormField *owner_id;  /* kept, and shown in no row */
  SccFormField *person_id;
  SccFormField *received;
  SccFormField *source;
};

enum {
  PROP_0,
  PROP_PERSON,
  PROP_CREATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccNewCaseVm, scc_new_case_vm, SCC_TYPE_FORM_VM)

static ScDay
today_of (SccNewCaseVm *self)
{
  return self->today != SC_DAY_NONE ? self->today : scc_case_today ();
}

/* The first field error's message of @error, or its message. */
static const char *
first_message (const GError *error)
{
  const ScProblem *problem = sc_error_get_problem (error);

  if (problem != NULL && sc_problem_get_n_field_errors (problem) > 0)
    return sc_problem_get_field_error (problem, 0)->message;
  return error->message;
}

static gboolean
scc_new_case_vm_validate (SccFormVm *form)
{
  SccNewCaseVm *self = SCC_NEW_CASE_VM (form);
  g_autoptr(ScCaseHistory) history = sc_case_history_new ();
  g_autoptr(GError) error = NULL;
  ScClockEvent event = { .type = SC_EVENT_REQUEST_RECEIVED };
  g_autofree char *received = g_strstrip (g_strdup (scc_form_field_get_value (self->received)));
  gboolean ok = TRUE;

  if (self->person == NULL)
    {
      scc_form_field_set_error (self->person_id, "choose the child or young person first");
      ok = FALSE;
    }
  if (!sc_day_parse (received, &event.date))
    {
      scc_form_field_set_error (self->received, "must be a date (YYYY-MM-DD)");
      ok = FALSE;
    }
  /* The daemon's own check of the request, on a case with no events yet. */
  else if (!sc_case_check_event (history, &event, today_of (self), &error))
    {
      scc_form_field_set_error (self->received, first_message (error));
      g_clear_error (&error);
      ok = FALSE;
    }
  if (scc_form_field_get_value (self->source)[0] == '\0')
    {
      scc_form_field_set_error (self->source, "choose who sent the request");
      ok = FALSE;
    }
  else if (!sc_case_check_request_source (scc_form_field_get_value (self->source), &error))
    {
      scc_form_field_set_error (self->source, first_message (error));
      ok = FALSE;
    }
  return ok;
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  ScCase *kase = scc_api_client_create_case_finish (SCC_API_CLIENT (object), result, &error);

  if (kase == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, kase, g_object_unref);
}

static void
scc_new_case_vm_submit_async (SccFormVm           *form,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  SccNewCaseVm *self = SCC_NEW_CASE_VM (form);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *received = g_strstrip (g_strdup (scc_form_field_get_value (self->received)));
  ScDay day = SC_DAY_NONE;

  sc_day_parse (received, &day);
  scc_api_client_create_case_async (scc_form_vm_get_api_client (form), sc_person_get_id (self->person), day,
                                    scc_form_field_get_value (self->source),
                                    scc_new_case_vm_get_owner_id (self),
                                    scc_form_vm_get_idempotency_key (form), cancellable, created_cb, task);
}

static gboolean
scc_new_case_vm_submit_finish (SccFormVm     *form,
                               GAsyncResult  *result,
                               GError       **error)
{
  SccNewCaseVm *self = SCC_NEW_CASE_VM (form);
  ScCase *kase = g_task_propagate_pointer (G_TASK (result), error);

  if (kase == NULL)
    return FALSE;
  g_clear_object (&self->created);
  self->created = kase;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
  return TRUE;
}

static void
scc_new_case_vm_show_error (SccFormVm    *form,
                            const GError *error)
{
  SccNewCaseVm *self = SCC_NEW_CASE_VM (form);
  const char *owner;

  SCC_FORM_VM_CLASS (scc_new_case_vm_parent_class)->show_error (form, error);
  owner = scc_form_field_get_error (self->owner_id);
  if (owner != NULL && scc_form_vm_get_error_message (form) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s: the owner %s."), scc_form_vm_get_failure_text (form), owner);

      scc_form_vm_set_error_message (form, message);
    }
}

static void
reset_date (SccNewCaseVm *self)
{
  char buffer[SC_DAY_STRING_SIZE];

  scc_form_field_set_value (self->received, sc_day_format (today_of (self), buffer));
}

static void
scc_new_case_vm_clear (SccFormVm *form)
{
  SccNewCaseVm *self = SCC_NEW_CASE_VM (form);

  SCC_FORM_VM_CLASS (scc_new_case_vm_parent_class)->clear (form);
  if (self->person != NULL)
    {
      g_clear_object (&self->person);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
    }
  reset_date (self);
}

static void
scc_new_case_vm_dispose (GObject *object)
{
  SccNewCaseVm *self = SCC_NEW_CASE_VM (object);

  g_clear_object (&self->person);
  g_clear_object (&self->created);

  G_OBJECT_CLASS (scc_new_case_vm_parent_class)->dispose (object);
}

static void
scc_new_case_vm_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SccNewCaseVm *self = SCC_NEW_CASE_VM (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;

    case PROP_CREATED:
      g_value_set_object (value, self->created);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_new_case_vm_class_init (SccNewCaseVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = scc_new_case_vm_dispose;
  object_class->get_property = scc_new_case_vm_get_property;
  form_class->validate = scc_new_case_vm_validate;
  form_class->submit_async = scc_new_case_vm_submit_async;
  form_class->submit_finish = scc_new_case_vm_submit_finish;
  form_class->clear = scc_new_case_vm_clear;
  form_class->show_error = scc_new_case_vm_show_error;

  scc_form_vm_class_set_failure_text (form_class, _("The case has not been opened"));

  properties[PROP_PERSON] = g_param_spec_object ("person", NULL, NULL, SC_TYPE_PERSON, flags);
  properties[PROP_CREATED] = g_param_spec_object ("created", NULL, NULL, SC_TYPE_CASE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_new_case_vm_init (SccNewCaseVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  self->today = SC_DAY_NONE;
  self->person_id = scc_form_vm_add_field (form, "person_id", SCC_FORM_FIELD_DEFAULT);
  self->source = scc_form_vm_add_field (form, "request_source", SCC_FORM_FIELD_DEFAULT);
  self->received = scc_form_vm_add_field (form, "request_received", SCC_FORM_FIELD_REQUIRED);
  self->owner_id = scc_form_vm_add_field (form, "owner_id", SCC_FORM_FIELD_KEPT);
  reset_date (self);
}

SccNewCaseVm *
scc_new_case_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);
  return g_object_new (SCC_TYPE_NEW_CASE_VM, "api-client", api_client, NULL);
}

ScPerson *
scc_new_case_vm_get_person (SccNewCaseVm *self)
{
  g_return_val_if_fail (SCC_IS_NEW_CASE_VM (self), NULL);
  return self->person;
}

void
scc_new_case_vm_set_person (SccNewCaseVm *self,
                            ScPerson     *person)
{
  g_autofree char *id = NULL;

  g_return_if_fail (SCC_IS_NEW_CASE_VM (self));
  g_return_if_fail (person == NULL || SC_IS_PERSON (person));

  if (!g_set_object (&self->person, person))
    return;
  if (person != NULL)
    id = g_strdup_printf ("%" G_GINT64_FORMAT, sc_person_get_id (person));
  scc_form_field_set_value (self->person_id, id != NULL ? id : "");
  scc_form_field_set_error (self->person_id, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

gint64
scc_new_case_vm_get_owner_id (SccNewCaseVm *self)
{
  g_return_val_if_fail (SCC_IS_NEW_CASE_VM (self), 0);
  return g_ascii_strtoll (scc_form_field_get_value (self->owner_id), NULL, 10);
}

void
scc_new_case_vm_set_owner_id (SccNewCaseVm *self,
                              gint64        owner_id)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SCC_IS_NEW_CASE_VM (self));
  g_return_if_fail (owner_id >= 0);

  if (owner_id > 0)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, owner_id);
  scc_form_field_set_value (self->owner_id, text != NULL ? text : "");
}

void
scc_new_case_vm_set_today (SccNewCaseVm *self,
                           ScDay         today)
{
  gboolean was_default;
  char buffer[SC_DAY_STRING_SIZE];

  g_return_if_fail (SCC_IS_NEW_CASE_VM (self));

  /* A date still at the old default follows the new one. */
  was_default = g_strcmp0 (scc_form_field_get_value (self->received), sc_day_format (today_of (self), buffer)) == 0;
  self->today = today;
  if (was_default)
    reset_date (self);
}

ScCase *
scc_new_case_vm_get_created (SccNewCaseVm *self)
{
  g_return_val_if_fail (SCC_IS_NEW_CASE_VM (self), NULL);
  return self->created;
}
