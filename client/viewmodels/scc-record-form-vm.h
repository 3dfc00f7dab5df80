/* scc-record-form-vm.h
 *
 * SccRecordFormVm: the base of a form that records on one of a case's
 * records kept beside its events (an annual review, an amendment or a
 * ceasing): scc_record_form_vm_load reads the case's list (::notify
 * "records" when it arrives, "load-error" when it does not);
 * scc_record_form_vm_select fills the form from one of them (the same one
 * again when the list is read again, by its id, or else the latest).
 * Submitting writes the selected record at the version it was read at:
 * someone else's change in between is the general error, with Reload; on
 * success the record as written replaces the one read, so a second save
 * matches it, and the list is read again.
 *
 * A subclass says how to list, identify, fill from and write a record
 * (its class members below), checks its fields in validate and sends in
 * submit_async, whose GTask it hands to
 * scc_record_form_vm_submit_callback.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-calendar.h"

#include "scc-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_RECORD_FORM_VM (scc_record_form_vm_get_type ())

G_DECLARE_DERIVABLE_TYPE (SccRecordFormVm, scc_record_form_vm, SCC, RECORD_FORM_VM, SccFormVm)

struct _SccRecordFormVmClass
{
  SccFormVmClass parent_class;

  void       (*list_async)  (SccApiClient         *api_client,
                             gint64                case_id,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data);
  GPtrArray *(*list_finish) (SccApiClient         *api_client,
                             GAsyncResult         *result,
                             GError              **error);
  /* The record a PUT answered with (freed with record_free) */
  gpointer   (*put_finish)  (SccApiClient         *api_client,
                             GAsyncResult         *result,
                             GError              **error);
  gint64     (*record_id)   (gconstpointer         record);
  /* Sets the form's fields from @record */
  void       (*fill)        (SccRecordFormVm      *self,
                             gconstpointer         record);
  GDestroyNotify record_free;
  /* "The reviews could not be read" (": why" follows), "The review has been saved." */
  const char *load_failure_text;
  const char *saved_text;
};

/* A list of records of every case the user may read, not of one (a
 * page of the team's complaints): its "case id" */
#define SCC_RECORDS_OF_TEAM G_GINT64_CONSTANT (-1)

/* @case_id: the case's, or SCC_RECORDS_OF_TEAM */
void          scc_record_form_vm_load              (SccRecordFormVm *self,
                                                    gint64           case_id);
/* The same, choosing the record @record_id (if listed) when it arrives */
void          scc_record_form_vm_load_choosing     (SccRecordFormVm *self,
                                                    gint64           case_id,
                                                    gint64           record_id);
gint64        scc_record_form_vm_get_case_id       (SccRecordFormVm *self);
/* @record's id, one of the list's */
gint64        scc_record_form_vm_get_record_id     (SccRecordFormVm *self,
                                                    gconstpointer    record);
/* (transfer none): NULL until loaded */
GPtrArray    *scc_record_form_vm_get_records       (SccRecordFormVm *self);
const char   *scc_record_form_vm_get_load_error    (SccRecordFormVm *self);
/* Fills the form from record @index of the list. */
void          scc_record_form_vm_select            (SccRecordFormVm *self,
                                                    guint            index);
/* The record the form records on: its index or -1, or itself (NULL) */
int           scc_record_form_vm_get_selected      (SccRecordFormVm *self);
gconstpointer scc_record_form_vm_get_selected_record (SccRecordFormVm *self);

/* For subclasses' submit_async: the callback of their PUT, with their
 * GTask as its data. */
void          scc_record_form_vm_submit_callback   (GObject         *api_client,
                                                    GAsyncResult    *result,
                                                    gpointer         task);
/* For subclasses: a date field. An empty field is no date; FALSE, with the
 * field's error, for one that is not a date. */
gboolean      scc_record_form_vm_read_day          (SccFormField    *field,
                                                    ScDay           *out);
/* Returns: (transfer full): "" for none */
char         *scc_record_form_vm_day_text          (ScDay            day);

G_END_DECLS
