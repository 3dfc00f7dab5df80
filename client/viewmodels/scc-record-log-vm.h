/* scc-record-log-vm.h
 *
 * SccRecordLogVm: the form a record of a case is started with (a tribunal
 * appeal registered, a mediation asked for): the case it is about (an
 * SccCaseFinder's field, "case_id") and the kind's text fields, named as
 * the API names them, one of them a day that starts as today. Checked
 * before anything is sent by the daemon's own reader of the kind
 * (its create_read), each refusal beside its field; the server's land
 * there too. An SccRecordLogKind names the kind's fields, reader and
 * API call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-calendar.h"

#include "scc-case-finder.h"
#include "scc-form-vm.h"

G_BEGIN_DECLS

typedef struct
{
  const char * const *text_members;   /* NULL-terminated, besides case_id */
  const char         *today_member;   /* one of them: today, on a fresh form */
  const char         *failure_text;   /* N_("The appeal has not been registered") */
  gpointer          (*create_read)    (JsonObject          *body,
                                       ScDay                today,
                                       GError             **error);
  void              (*create_async)   (SccApiClient        *api_client,
                                       gconstpointer        record,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
  gpointer          (*create_finish)  (SccApiClient        *api_client,
                                       GAsyncResult        *result,
                                       GError             **error);
  GDestroyNotify      free;
} SccRecordLogKind;

#define SCC_TYPE_RECORD_LOG_VM (scc_record_log_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccRecordLogVm, scc_record_log_vm, SCC, RECORD_LOG_VM, SccFormVm)

/* @kind: static */
SccRecordLogVm *scc_record_log_vm_new        (SccApiClient           *api_client,
                                              const SccRecordLogKind *kind);
/* (transfer none): what finds the case it is about */
SccCaseFinder  *scc_record_log_vm_get_finder (SccRecordLogVm         *self);
/* (transfer none): the record started last, or NULL */
gconstpointer   scc_record_log_vm_get_logged (SccRecordLogVm         *self);

G_END_DECLS
