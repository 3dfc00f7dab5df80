/* scc-consultation-form-vm.c
 *
 * SccConsultationFormVm and SccConsultFormVm: see
 * scc-consultation-form-vm.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-consultation-form-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-institution.h"
#include "scc-api-client-cases.h"
#include "scc-api-client-consultations.h"
#include "scc-caseload-vm.h"
#include "scc-consultation-form-vm.h"

struct _SccConsultationFormVm
{
  SccRecordFormVm parent_instance;

  /* Borrowed: owned by the form */
  SccFormField *responded_on;
  SccFormField *outcome;
  SccFormField *reasons;
  SccFormField *band_asked;
  SccFormField *amount_asked;
  SccFormField *offer_made_on;
  SccFormField *offer_made_by;
  SccFormField *offer_band;
  SccFormField *offer_amount;
  SccFormField *offer_note;
  SccFormField *band_agreed;
  SccFormField *amount_agreed;
  SccFormField *agreed_on;
  SccFormField *notes;
};

G_DEFINE_FINAL_TYPE (SccConsultationFormVm, scc_consultation_form_vm, SCC_TYPE_RECORD_FORM_VM)


/* (transfer full): the field's text, trimmed */
static char *
text_of (SccFormField *field)
{
  return g_strstrip (g_strdup (scc_form_field_get_value (field)));
}

/* An amount of money in pounds; SC_AMOUNT_NONE when empty; FALSE, with the
 * field's error, for one that is not */
static gboolean
read_amount (SccFormField *field,
             gint64       *pence)
{
  g_autofree char *text = text_of (field);

  *pence = SC_AMOUNT_NONE;
  if (text[0] == '\0' || sc_amount_parse (text, pence))
    return TRUE;
  scc_form_field_set_error (field, _("must be an amount of money in pounds, such as 14,500 or 14500.50"));
  return FALSE;
}

static gboolean
check_length (SccFormField *field,
              int           max)
{
  g_autofree char *text = text_of (field);

  if (g_utf8_strlen (text, -1) <= max)
    return TRUE;
  scc_form_field_set_error (field, max == SC_CONSULTATION_BAND_MAX_CHARS ? _("must be at most 20 characters")
                                                                         : _("is too long"));
  return FALSE;
}

/* What is written: the form's fields, and the offers recorded with the new one */
typedef struct
{
  ScConsultationChange change;
  char *outcome, *reasons, *band_asked, *band_agreed, *notes;
  ScDay responded_on;
  /* the consultation written, as it was when the save began */
  gint64 case_id;
  gint64 id;
  gint64 version;
  gint64 urn;
} Write;

static void
write_free (Write *write)
{
  sc_consultation_change_clear (&write->change);
  g_free (write->outcome);
  g_free (write->reasons);
  g_free (write->band_asked);
  g_free (write->band_agreed);
  g_free (write->notes);
  g_free (write);
}

static const char *
or_null (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

static ScConsultationOffer *
offer_copy (const ScConsultationOffer *offer)
{
  ScConsultationOffer *copy = sc_consultation_offer_new ();

  copy->made_on = offer->made_on;
  copy->made_by = g_strdup (offer->made_by);
  copy->band = g_strdup (offer->band);
  copy->amount = offer->amount;
  copy->note = g_strdup (offer->note);
  return copy;
}

/* Reads the form into a Write; FALSE with field errors */
static Write *
read_form (SccConsultationFormVm *self,
           const ScConsultation  *consultation)
{
  Write *write = g_new0 (Write, 1);
  ScDay offer_on = SC_DAY_NONE;
  gint64 offer_amount = SC_AMOUNT_NONE;
  g_autofree char *made_by = text_of (self->offer_made_by);
  g_autofree char *offer_band = text_of (self->offer_band);
  g_autofree char *offer_note = text_of (self->offer_note);
  gboolean ok = TRUE;

  write->change.offers = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_consultation_offer_free);
  write->outcome = text_of (self->outcome);
  write->reasons = text_of (self->reasons);
  write->band_asked = text_of (self->band_asked);
  write->band_agreed = text_of (self->band_agreed);
  write->notes = text_of (self->notes);
  ok &= scc_record_form_vm_read_day (self->responded_on, &write->responded_on);
  ok &= read_amount (self->amount_asked, &write->change.amount_asked);
  ok &= read_amount (self->amount_agreed, &write->change.amount_agreed);
  ok &= scc_record_form_vm_read_day (self->agreed_on, &write->change.agreed_on);
  ok &= scc_record_form_vm_read_day (self->offer_made_on, &offer_on);
  ok &= read_amount (self->offer_amount, &offer_amount);
  ok &= check_length (self->band_asked, SC_CONSULTATION_BAND_MAX_CHARS);
  ok &= check_length (self->band_agreed, SC_CONSULTATION_BAND_MAX_CHARS);
  ok &= check_length (self->offer_band, SC_CONSULTATION_BAND_MAX_CHARS);
  ok &= check_length (self->reasons, SC_CONSULTATION_TEXT_MAX_CHARS);
  ok &= check_length (self->notes, SC_CONSULTATION_TEXT_MAX_CHARS);
  ok &= check_length (self->offer_note, SC_CONSULTATION_NOTE_MAX_CHARS);
  if (write->outcome[0] != '\0' && !g_strv_contains (sc_consultation_outcomes, write->outcome))
    {
      scc_form_field_set_error (self->outcome, _("must be one of the answers listed"));
      ok = FALSE;
    }
  if (write->outcome[0] != '\0' && write->responded_on == SC_DAY_NONE && consultation->responded_on == SC_DAY_NONE)
    {
      scc_form_field_set_error (self->responded_on, _("is needed with what the answer said"));
      ok = FALSE;
    }
  if (consultation->responded_on != SC_DAY_NONE && write->responded_on != consultation->responded_on)
    {
      scc_form_field_set_error (self->responded_on, _("the answer is recorded already: void its event on the "
                                                     "case's page to change its date"));
      ok = FALSE;
    }
  if (write->responded_on != SC_DAY_NONE && write->responded_on > scc_case_today ())
    {
      scc_form_field_set_error (self->responded_on, _("is in the future"));
      ok = FALSE;
    }
  if ((write->band_agreed[0] != '\0' || write->change.amount_agreed != SC_AMOUNT_NONE) &&
      write->change.agreed_on == SC_DAY_NONE)
    {
      scc_form_field_set_error (self->agreed_on, _("is needed with the band or amount agreed"));
      ok = FALSE;
    }
  if (write->change.agreed_on != SC_DAY_NONE && write->band_agreed[0] == '\0' &&
      write->change.amount_agreed == SC_AMOUNT_NONE)
    {
      scc_form_field_set_error (self->band_agreed, _("an agreement names the band, the amount or both"));
      ok = FALSE;
    }
  for (guint i = 0; i < consultation->offers->len; i++)
    g_ptr_array_add (write->change.offers, offer_copy (g_ptr_array_index (consultation->offers, i)));
  if (offer_on != SC_DAY_NONE || made_by[0] != '\0' || offer_band[0] != '\0' || offer_amount != SC_AMOUNT_NONE)
    {
      ScConsultationOffer *offer = sc_consultation_offer_new ();

      if (offer_on == SC_DAY_NONE)
        {
          scc_form_field_set_error (self->offer_made_on, _("is needed for a new offer"));
          ok = FALSE;
        }
      if (!g_strv_contains (sc_consultation_parties, made_by))
        {
          scc_form_field_set_error (self->offer_made_by, _("is the authority or the institution"));
          ok = FALSE;
        }
      if (offer_band[0] == '\0' && offer_amount == SC_AMOUNT_NONE)
        {
          scc_form_field_set_error (self->offer_band, _("an offer names a band, an amount or both"));
          ok = FALSE;
        }
      offer->made_on = offer_on;
      offer->made_by = g_strdup (made_by);
      offer->band = g_strdup (or_null (offer_band));
      offer->amount = offer_amount;
      offer->note = g_strdup (or_null (offer_note));
      g_ptr_array_add (write->change.offers, offer);
    }
  if (!ok)
    {
      write_free (write);
      return NULL;
    }
  write->change.outcome = or_null (write->outcome);
  write->change.reasons = or_null (write->reasons);
  write->change.band_asked = or_null (write->band_asked);
  write->change.band_agreed = or_null (write->band_agreed);
  write->change.notes = or_null (write->notes);
  return write;
}

static gboolean
scc_consultation_form_vm_validate (SccFormVm *form)
{
  SccConsultationFormVm *self = SCC_CONSULTATION_FORM_VM (form);
  const ScConsultation *consultation = scc_record_form_vm_get_selected_record (SCC_RECORD_FORM_VM (self));
  Write *write;

  if (consultation == NULL)
    {
      scc_form_vm_set_error_message (form, _("There is no consultation to record on yet."));
      return FALSE;
    }
  write = read_form (self, consultation);
  if (write == NULL)
    return FALSE;
  write_free (write);
  return TRUE;
}

static void
put (GTask *task)
{
  SccConsultationFormVm *self = g_task_get_source_object (task);
  Write *write = g_task_get_task_data (task);

  scc_api_client_put_consultation_async (scc_form_vm_get_api_client (SCC_FORM_VM (self)), write->case_id, write->id,
                                         &write->change, write->version, g_task_get_cancellable (task),
                                         scc_record_form_vm_submit_callback, task);
}

static void
answered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  SccConsultationFormVm *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCaseEvent) event = scc_api_client_add_event_finish (SCC_API_CLIENT (object), result, &error);
  ScConsultation *selected = (ScConsultation *) scc_record_form_vm_get_selected_record (SCC_RECORD_FORM_VM (self));
  Write *write = g_task_get_task_data (task);

  if (event == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  /* the answer is on the case now: a second attempt records only what it
   * said (the list read again says so too) */
  if (selected != NULL && selected->id == write->id)
    selected->responded_on = write->responded_on;
  put (task);
}

static void
scc_consultation_form_vm_submit_async (SccFormVm           *form,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  SccConsultationFormVm *self = SCC_CONSULTATION_FORM_VM (form);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  const ScConsultation *consultation = scc_record_form_vm_get_selected_record (SCC_RECORD_FORM_VM (self));
  Write *write = read_form (self, consultation);
  g_autofree char *key = NULL;
  ScClockEvent event = { .type = SC_EVENT_CONSULTATION_RESPONSE };

  write->case_id = scc_record_form_vm_get_case_id (SCC_RECORD_FORM_VM (self));
  write->id = consultation->id;
  write->version = consultation->version;
  write->urn = consultation->urn;
  g_task_set_task_data (task, write, (GDestroyNotify) write_free);
  if (write->responded_on == SC_DAY_NONE || consultation->responded_on != SC_DAY_NONE)
    {
      put (task);
      return;
    }
  key = g_strdup_printf ("%" G_GINT64_FORMAT, consultation->urn);
  event.date = write->responded_on;
  event.key = key;
  scc_api_client_add_event_async (scc_form_vm_get_api_client (form),
                                  scc_record_form_vm_get_case_id (SCC_RECORD_FORM_VM (self)), &event, NULL,
                                  scc_form_vm_get_idempotency_key (form), cancellable, answered_cb, task);
}

static gint64
consultation_id (gconstpointer record)
{
  return ((const ScConsultation *) record)->id;
}

static void
set_amount (SccFormField *field,
            gint64        pence)
{
  g_autofree char *text = sc_amount_format_plain (pence);

  scc_form_field_set_value (field, text);
}

static void
set_text (SccFormField *field,
          const char   *text)
{
  scc_form_field_set_value (field, text != NULL ? text : "");
}

static void
fill (SccRecordFormVm *form,
      gconstpointer    record)
{
  SccConsultationFormVm *self = SCC_CONSULTATION_FORM_VM (form);
  const ScConsultation *consultation = record;
  g_autofree char *responded = scc_record_form_vm_day_text (consultation->responded_on);
  g_autofree char *agreed = scc_record_form_vm_day_text (consultation->agreed_on);

  scc_form_field_set_value (self->responded_on, responded);
  set_text (self->outcome, consultation->outcome);
  set_text (self->reasons, consultation->reasons);
  set_text (self->band_asked, consultation->band_asked);
  set_amount (self->amount_asked, consultation->amount_asked);
  set_text (self->band_agreed, consultation->band_agreed);
  set_amount (self->amount_agreed, consultation->amount_agreed);
  scc_form_field_set_value (self->agreed_on, agreed);
  set_text (self->notes, consultation->notes);
  /* a new offer starts empty */
  scc_form_field_set_value (self->offer_made_on, "");
  scc_form_field_set_value (self->offer_made_by, "");
  scc_form_field_set_value (self->offer_band, "");
  scc_form_field_set_value (self->offer_amount, "");
  scc_form_field_set_value (self->offer_note, "");
}

/* --- chasing and withdrawing ------------------------------------------------- */

static void
acted (GTask  *task,
       GError *error)
{
  SccConsultationFormVm *self = g_task_get_source_object (task);

  gint64 case_id = scc_record_form_vm_get_case_id (SCC_RECORD_FORM_VM (self));

  if (error != NULL)
    g_task_return_error (task, error);
  else
    {
      /* read again, unless the form was emptied meanwhile (a sign-out) */
      if (case_id > 0)
        scc_record_form_vm_load (SCC_RECORD_FORM_VM (self), case_id);
      g_task_return_boolean (task, TRUE);
    }
  g_object_unref (task);
}

static void
chased_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError *error = NULL;
  g_autoptr(ScConsultationChase) chase = scc_api_client_chase_consultations_finish (SCC_API_CLIENT (object), result,
                                                                                    &error);

  if (chase != NULL && chase->skipped->len > 0)
    {
      const char *reason = g_ptr_array_index (chase->reasons, 0);

      if (g_str_equal (reason, "answered"))
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, _("It has answered: there is nothing to chase."));
      else if (g_str_equal (reason, "withdrawn"))
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, _("It was withdrawn: there is nothing to chase."));
      else if (g_str_equal (reason, "forbidden"))
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                     _("Only its case's owner, assignees and team managers may chase it."));
      else
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, _("It could not be chased."));
    }
  acted (user_data, error);
}

static void
withdrawn_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError *error = NULL;
  g_autoptr(ScCaseEvent) event = scc_api_client_add_event_finish (SCC_API_CLIENT (object), result, &error);

  acted (user_data, event == NULL ? error : NULL);
}

void
scc_consultation_form_vm_act_async (SccConsultationFormVm *self,
                                    SccConsultationAct     act,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  GTask *task;
  const ScConsultation *consultation;
  SccApiClient *api_client;

  g_return_if_fail (SCC_IS_CONSULTATION_FORM_VM (self));

  task = g_task_new (self, cancellable, callback, user_data);
  consultation = scc_record_form_vm_get_selected_record (SCC_RECORD_FORM_VM (self));
  api_client = scc_form_vm_get_api_client (SCC_FORM_VM (self));
  if (consultation == NULL)
    {
      acted (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, _("Choose a consultation first.")));
      return;
    }
  if (act == SCC_CONSULTATION_CHASE)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_append_val (ids, consultation->id);
      scc_api_client_chase_consultations_async (api_client, ids, scc_case_today (), cancellable, chased_cb, task);
    }
  else
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, consultation->urn);
      g_autofree char *attempt = g_uuid_string_random ();
      ScClockEvent event = { .type = SC_EVENT_CONSULTATION_WITHDRAWN, .date = scc_case_today (), .key = key };

      scc_api_client_add_event_async (api_client, scc_record_form_vm_get_case_id (SCC_RECORD_FORM_VM (self)),
                                      &event, NULL, attempt, cancellable, withdrawn_cb, task);
    }
}

gboolean
scc_consultation_form_vm_act_finish (SccConsultationFormVm  *self,
                                     GAsyncResult           *result,
                                     GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
scc_consultation_form_vm_class_init (SccConsultationFormVmClass *klass)
{
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);
  SccRecordFormVmClass *record_class = SCC_RECORD_FORM_VM_CLASS (klass);

  form_class->validate = scc_consultation_form_vm_validate;
  form_class->submit_async = scc_consultation_form_vm_submit_async;
  scc_form_vm_class_set_failure_text (form_class, _("This has not been saved"));

  record_class->list_async = scc_api_client_list_consultations_async;
  record_class->list_finish = scc_api_client_list_consultations_finish;
  record_class->put_finish = (gpointer) scc_api_client_put_consultation_finish;
  record_class->record_id = consultation_id;
  record_class->fill = fill;
  record_class->record_free = (GDestroyNotify) sc_consultation_free;
  record_class->load_failure_text = _("The consultations could not be read");
  record_class->saved_text = _("Saved.");
}

static void
scc_consultation_form_vm_init (SccConsultationFormVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  /* named as the API names them, so its field errors land here */
  self->responded_on = scc_form_vm_add_field (form, "responded_on", SCC_FORM_FIELD_DEFAULT);
  self->outcome = scc_form_vm_add_field (form, "outcome", SCC_FORM_FIELD_DEFAULT);
  self->reasons = scc_form_vm_add_field (form, "reasons", SCC_FORM_FIELD_DEFAULT);
  self->band_asked = scc_form_vm_add_field (form, "band_asked", SCC_FORM_FIELD_DEFAULT);
  self->amount_asked = scc_form_vm_add_field (form, "amount_asked", SCC_FORM_FIELD_DEFAULT);
  self->offer_made_on = scc_form_vm_add_field (form, "offer_made_on", SCC_FORM_FIELD_DEFAULT);
  self->offer_made_by = scc_form_vm_add_field (form, "offer_made_by", SCC_FORM_FIELD_DEFAULT);
  self->offer_band = scc_form_vm_add_field (form, "offer_band", SCC_FORM_FIELD_DEFAULT);
  self->offer_amount = scc_form_vm_add_field (form, "offer_amount", SCC_FORM_FIELD_DEFAULT);
  self->offer_note = scc_form_vm_add_field (form, "offer_note", SCC_FORM_FIELD_DEFAULT);
  self->band_agreed = scc_form_vm_add_field (form, "band_agreed", SCC_FORM_FIELD_DEFAULT);
  self->amount_agreed = scc_form_vm_add_field (form, "amount_agreed", SCC_FORM_FIELD_DEFAULT);
  self->agreed_on = scc_form_vm_add_field (form, "agreed_on", SCC_FORM_FIELD_DEFAULT);
  self->notes = scc_form_vm_add_field (form, "notes", SCC_FORM_FIELD_DEFAULT);
}

SccConsultationFormVm *
scc_consultation_form_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_CONSULTATION_FORM_VM, "api-client", api_client, NULL);
}

/* --- consulting -------------------------------------------------------------- */

struct _SccConsultFormVm
{
  SccFormVm     parent_instance;

  gint64        case_id;
  /* Borrowed: owned by the form */
  SccFormField *urn;
  SccFormField *sent_on;
  SccFormField *preference_rank;
};

G_DEFINE_FINAL_TYPE (SccConsultFormVm, scc_consult_form_vm, SCC_TYPE_FORM_VM)

static gboolean
read_consult (SccConsultFormVm *self,
              gint64           *urn,
              ScDay            *sent_on,
              int              *rank)
{
  g_autofree char *urn_text = text_of (self->urn);
  g_autofree char *rank_text = text_of (self->preference_rank);
  guint64 value = 0;
  gboolean ok = TRUE;

  *rank = 0;
  if (self->case_id <= 0)
    {
      scc_form_vm_set_error_message (SCC_FORM_VM (self), _("The case is still being read: try again in a moment."));
      return FALSE;
    }
  if (!sc_urn_is_valid (urn_text))
    {
      scc_form_field_set_error (self->urn, _("choose the school or college from the directory"));
      ok = FALSE;
    }
  *urn = g_ascii_strtoll (urn_text, NULL, 10);
  if (!scc_record_form_vm_read_day (self->sent_on, sent_on))
    ok = FALSE;
  else if (*sent_on == SC_DAY_NONE)
    {
      scc_form_field_set_error (self->sent_on, _("is needed"));
      ok = FALSE;
    }
  else if (*sent_on > scc_case_today ())
    {
      scc_form_field_set_error (self->sent_on, _("is in the future"));
      ok = FALSE;
    }
  if (rank_text[0] != '\0' && !g_ascii_string_to_unsigned (rank_text, 10, 1, SC_CONSULTATION_MAX_RANK, &value, NULL))
    {
      scc_form_field_set_error (self->preference_rank, _("must be a whole number from 1 (the first preference)"));
      ok = FALSE;
    }
  *rank = (int) value;
  return ok;
}

static gboolean
scc_consult_form_vm_validate (SccFormVm *form)
{
  gint64 urn;
  ScDay sent_on;
  int rank;

  return read_consult (SCC_CONSULT_FORM_VM (form), &urn, &sent_on, &rank);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  ScCaseEvent *event = scc_api_client_send_consultation_finish (SCC_API_CLIENT (object), result, &error);

  if (event == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, event, g_object_unref);
}

static void
scc_consult_form_vm_submit_async (SccFormVm           *form,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  SccConsultFormVm *self = SCC_CONSULT_FORM_VM (form);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  gint64 urn;
  ScDay sent_on;
  int rank;

  read_consult (self, &urn, &sent_on, &rank);
  scc_api_client_send_consultation_async (scc_form_vm_get_api_client (form), self->case_id, urn, sent_on, rank,
                                          scc_form_vm_get_idempotency_key (form), cancellable, sent_cb, task);
}

static gboolean
scc_consult_form_vm_submit_finish (SccFormVm     *form,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_autoptr(ScCaseEvent) event = g_task_propagate_pointer (G_TASK (result), error);

  return event != NULL;
}

static void
scc_consult_form_vm_succeeded (SccFormVm *form)
{
  SccConsultFormVm *self = SCC_CONSULT_FORM_VM (form);
  g_autofree char *now = scc_record_form_vm_day_text (scc_case_today ());

  /* ready for the next: the same day, the next preference */
  scc_form_field_set_value (self->urn, "");
  scc_form_field_set_value (self->sent_on, now);
  scc_form_field_set_value (self->preference_rank, "");
}

static void
scc_consult_form_vm_class_init (SccConsultFormVmClass *klass)
{
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);

  form_class->validate = scc_consult_form_vm_validate;
  form_class->submit_async = scc_consult_form_vm_submit_async;
  form_class->submit_finish = scc_consult_form_vm_submit_finish;
  form_class->succeeded = scc_consult_form_vm_succeeded;
  scc_form_vm_class_set_failure_text (form_class, _("The consultation has not been sent"));
}

static void
scc_consult_form_vm_init (SccConsultFormVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);
  g_autofree char *now = scc_record_form_vm_day_text (scc_case_today ());

  self->urn = scc_form_vm_add_field (form, "urn", SCC_FORM_FIELD_DEFAULT);
  self->sent_on = scc_form_vm_add_field (form, "sent_on", SCC_FORM_FIELD_DEFAULT);
  self->preference_rank = scc_form_vm_add_field (form, "preference_rank", SCC_FORM_FIELD_DEFAULT);
  scc_form_field_set_value (self->sent_on, now);
}

SccConsultFormVm *
scc_consult_form_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_CONSULT_FORM_VM, "api-client", api_client, NULL);
}

void
scc_consult_form_vm_set_case (SccConsultFormVm *self,
                              gint64            case_id)
{
  g_return_if_fail (SCC_IS_CONSULT_FORM_VM (self));
  self->case_id = case_id;
}
