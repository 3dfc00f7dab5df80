/* scc-complaint-log-vm.c
 *
 * SccComplaintLogVm: see scc-complaint-log-vm.h. The case field holds
 * what was typed; a match chosen writes "Name (case N)" into it, which
 * reads back as case N, as a bare number does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-complaint-log-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-api-client-complaints.h"
#include "scc-complaint-log-vm.h"
#include "scc-record-form-vm.h"

/* The most cases a search shows */
#define MATCHES_MAX 6

struct _SccComplaintLogVm
{
  SccFormVm     parent_instance;

  GPtrArray    *matches;      /* of ScCase, never NULL */
  GCancellable *finding;
  ScComplaint  *logged;

  /* Borrowed: owned by the form */
  SccFormField *case_field;
  SccFormField *reference;
  SccFormField *received_on;
  SccFormField *stage;
  SccFormField *category;
  SccFormField *complainant;
  SccFormField *channel;
};

G_DEFINE_FINAL_TYPE (SccComplaintLogVm, scc_complaint_log_vm, SCC_TYPE_FORM_VM)

enum {
  PROP_0,
  PROP_MATCHES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "12", "#12" or "… (case 12)": the case's number; 0 for anything else */
static gint64
case_number (const char *text)
{
  const char *start = text;
  guint64 value = 0;
  g_autofree char *digits = NULL;

  if (g_str_has_suffix (text, ")") && (start = g_strrstr (text, "(case ")) != NULL)
    {
      digits = g_strndup (start + 6, strlen (start + 6) - 1);
      start = digits;
    }
  else if (start[0] == '#')
    start++;
  if (!g_ascii_string_to_unsigned (start, 10, 1, G_MAXINT64, &value, NULL))
    return 0;
  return (gint64) value;
}

gint64
scc_complaint_log_vm_get_case_id (SccComplaintLogVm *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SCC_IS_COMPLAINT_LOG_VM (self), 0);
  text = g_strstrip (g_strdup (scc_form_field_get_value (self->case_field)));
  return case_number (text);
}

static char *
text_or_null (SccFormField *field)
{
  char *text = g_strstrip (g_strdup (scc_form_field_get_value (field)));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* The choice @field holds, one of @allowed; FALSE with its error */
static gboolean
read_choice (SccFormField       *field,
             const char * const *allowed,
             gboolean            required,
             char              **out)
{
  g_autofree char *value = text_or_null (field);

  if (value == NULL && !required)
    return TRUE;
  if (value == NULL || !g_strv_contains (allowed, value))
    {
      scc_form_field_set_error (field, _("is needed: choose one of those listed"));
      return FALSE;
    }
  *out = g_steal_pointer (&value);
  return TRUE;
}

/* The form's complaint, read and checked; NULL with field errors */
static ScComplaint *
read_complaint (SccComplaintLogVm *self)
{
  static const char * const stages[] = { "1", "2", NULL };
  g_autoptr(ScComplaint) complaint = sc_complaint_new ();
  g_autofree char *typed = text_or_null (self->case_field);
  g_autofree char *stage = NULL;
  gboolean ok = TRUE;

  complaint->reference = text_or_null (self->reference);
  if (!sc_complaint_reference_is_valid (complaint->reference))
    {
      scc_form_field_set_error (self->reference, _("is needed: up to 40 letters, digits, dots, slashes or dashes"));
      ok = FALSE;
    }
  complaint->case_id = typed != NULL ? case_number (typed) : 0;
  if (typed != NULL && complaint->case_id == 0)
    {
      scc_form_field_set_error (self->case_field, _("is not a case: choose one of the children found, or leave it "
                                                    "empty for a complaint about the service"));
      ok = FALSE;
    }
  ok &= scc_record_form_vm_read_day (self->received_on, &complaint->received_on);
  if (ok && complaint->received_on == SC_DAY_NONE)
    {
      scc_form_field_set_error (self->received_on, _("is needed"));
      ok = FALSE;
    }
  else if (complaint->received_on != SC_DAY_NONE && complaint->received_on > sc_day_today ())
    {
      scc_form_field_set_error (self->received_on, _("is after today: record it on the day it comes"));
      ok = FALSE;
    }
  ok &= read_choice (self->stage, stages, TRUE, &stage);
  ok &= read_choice (self->category, sc_complaint_categories, TRUE, &complaint->category);
  ok &= read_choice (self->channel, sc_complaint_channels, FALSE, &complaint->channel);
  complaint->complainant = text_or_null (self->complainant);
  if (complaint->complainant != NULL && g_utf8_strlen (complaint->complainant, -1) > SC_COMPLAINT_NAME_MAX_CHARS)
    {
      scc_form_field_set_error (self->complainant, _("must be at most 200 characters"));
      ok = FALSE;
    }
  if (!ok)
    return NULL;
  complaint->stage = g_strcmp0 (stage, "2") == 0 ? 2 : 1;
  return g_steal_pointer (&complaint);
}

static gboolean
scc_complaint_log_vm_validate (SccFormVm *form)
{
  g_autoptr(ScComplaint) complaint = read_complaint (SCC_COMPLAINT_LOG_VM (form));

  return complaint != NULL;
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  ScComplaint *complaint = scc_api_client_create_complaint_finish (SCC_API_CLIENT (object), result, &error);

  if (complaint == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, complaint, (GDestroyNotify) sc_complaint_free);
}

static void
scc_complaint_log_vm_submit_async (SccFormVm           *form,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = g_task_new (form, cancellable, callback, user_data);
  g_autoptr(ScComplaint) complaint = read_complaint (SCC_COMPLAINT_LOG_VM (form));

  scc_api_client_create_complaint_async (scc_form_vm_get_api_client (form), complaint, cancellable, created_cb, task);
}

static gboolean
scc_complaint_log_vm_submit_finish (SccFormVm     *form,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  SccComplaintLogVm *self = SCC_COMPLAINT_LOG_VM (form);
  ScComplaint *complaint = g_task_propagate_pointer (G_TASK (result), error);

  if (complaint == NULL)
    return FALSE;
  g_clear_pointer (&self->logged, sc_complaint_free);
  self->logged = complaint;
  return TRUE;
}

static void
set_today (SccComplaintLogVm *self)
{
  g_autofree char *today = scc_record_form_vm_day_text (sc_day_today ());

  scc_form_field_set_value (self->received_on, today);
  scc_form_field_set_value (self->stage, "1");
}

/* Logged: the next one starts afresh */
static void
scc_complaint_log_vm_succeeded (SccFormVm *form)
{
  scc_form_vm_clear (form);
}

static void
scc_complaint_log_vm_clear (SccFormVm *form)
{
  SccComplaintLogVm *self = SCC_COMPLAINT_LOG_VM (form);

  SCC_FORM_VM_CLASS (scc_complaint_log_vm_parent_class)->clear (form);
  g_ptr_array_set_size (self->matches, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCHES]);
  set_today (self);
}

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SccComplaintLogVm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = scc_api_client_find_cases_finish (SCC_API_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_ptr_array_set_size (self->matches, 0);
  for (guint i = 0; cases != NULL && i < cases->len; i++)
    g_ptr_array_add (self->matches, g_object_ref (g_ptr_array_index (cases, i)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCHES]);
}

/* As the child is typed: their cases; a number or a choice finds none */
static void
on_case_typed_cb (SccComplaintLogVm *self)
{
  g_autofree char *text = g_strstrip (g_strdup (scc_form_field_get_value (self->case_field)));

  g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  if (g_utf8_strlen (text, -1) < 2 || case_number (text) > 0)
    {
      if (self->matches->len > 0)
        {
          g_ptr_array_set_size (self->matches, 0);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCHES]);
        }
      return;
    }
  self->finding = g_cancellable_new ();
  scc_api_client_find_cases_async (scc_form_vm_get_api_client (SCC_FORM_VM (self)), text, MATCHES_MAX,
                                   self->finding, found_cb, g_object_ref (self));
}

void
scc_complaint_log_vm_choose (SccComplaintLogVm *self,
                             guint              index)
{
  ScCase *kase;
  const ScCasePerson *person;
  g_autofree char *text = NULL;

  g_return_if_fail (SCC_IS_COMPLAINT_LOG_VM (self));
  g_return_if_fail (index < self->matches->len);

  kase = g_object_ref (g_ptr_array_index (self->matches, index));
  person = sc_case_get_person (kase);
  text = g_strdup_printf ("%s %s", person->given_name, person->family_name);
  scc_complaint_log_vm_set_case (self, sc_case_get_id (kase), text);
  g_object_unref (kase);
}

void
scc_complaint_log_vm_set_case (SccComplaintLogVm *self,
                               gint64             case_id,
                               const char        *child)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SCC_IS_COMPLAINT_LOG_VM (self));
  g_return_if_fail (case_id > 0 && child != NULL);

  text = g_strdup_printf (_("%s (case %" G_GINT64_FORMAT ")"), child, case_id);
  scc_form_field_set_value (self->case_field, text);
}

GPtrArray *
scc_complaint_log_vm_get_matches (SccComplaintLogVm *self)
{
  g_return_val_if_fail (SCC_IS_COMPLAINT_LOG_VM (self), NULL);
  return self->matches;
}

const ScComplaint *
scc_complaint_log_vm_get_logged (SccComplaintLogVm *self)
{
  g_return_val_if_fail (SCC_IS_COMPLAINT_LOG_VM (self), NULL);
  return self->logged;
}

static void
scc_complaint_log_vm_dispose (GObject *object)
{
  SccComplaintLogVm *self = SCC_COMPLAINT_LOG_VM (object);

  g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  G_OBJECT_CLASS (scc_complaint_log_vm_parent_class)->dispose (object);
}

static void
scc_complaint_log_vm_finalize (GObject *object)
{
  SccComplaintLogVm *self = SCC_COMPLAINT_LOG_VM (object);

  g_ptr_array_unref (self->matches);
  g_clear_pointer (&self->logged, sc_complaint_free);
  G_OBJECT_CLASS (scc_complaint_log_vm_parent_class)->finalize (object);
}

static void
scc_complaint_log_vm_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_MATCHES:
      g_value_set_boxed (value, SCC_COMPLAINT_LOG_VM (object)->matches);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_complaint_log_vm_class_init (SccComplaintLogVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);

  object_class->dispose = scc_complaint_log_vm_dispose;
  object_class->finalize = scc_complaint_log_vm_finalize;
  object_class->get_property = scc_complaint_log_vm_get_property;
  form_class->validate = scc_complaint_log_vm_validate;
  form_class->submit_async = scc_complaint_log_vm_submit_async;
  form_class->submit_finish = scc_complaint_log_vm_submit_finish;
  form_class->succeeded = scc_complaint_log_vm_succeeded;
  form_class->clear = scc_complaint_log_vm_clear;
  scc_form_vm_class_set_failure_text (form_class, _("The complaint has not been logged"));

  properties[PROP_MATCHES] = g_param_spec_boxed ("matches", NULL, NULL, G_TYPE_PTR_ARRAY,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_complaint_log_vm_init (SccComplaintLogVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  self->matches = g_ptr_array_new_with_free_func (g_object_unref);
  /* named as the API names them, so its field errors land here */
  self->case_field = scc_form_vm_add_field (form, "case_id", SCC_FORM_FIELD_DEFAULT);
  self->reference = scc_form_vm_add_field (form, "reference", SCC_FORM_FIELD_DEFAULT);
  self->received_on = scc_form_vm_add_field (form, "received_on", SCC_FORM_FIELD_DEFAULT);
  self->stage = scc_form_vm_add_field (form, "stage", SCC_FORM_FIELD_DEFAULT);
  self->category = scc_form_vm_add_field (form, "category", SCC_FORM_FIELD_DEFAULT);
  self->complainant = scc_form_vm_add_field (form, "complainant", SCC_FORM_FIELD_DEFAULT);
  self->channel = scc_form_vm_add_field (form, "channel", SCC_FORM_FIELD_DEFAULT);
  set_today (self);
  g_signal_connect_swapped (self->case_field, "notify::value", G_CALLBACK (on_case_typed_cb), self);
}

SccComplaintLogVm *
scc_complaint_log_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_COMPLAINT_LOG_VM, "api-client", api_client, NULL);
}
