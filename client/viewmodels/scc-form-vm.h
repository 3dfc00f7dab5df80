/* scc-form-vm.h
 *
 * SccFormVm: the base of every form's view model. A form is a list of
 * fields named as the API names them (SccFormField) and one request that
 * sends them. The base owns what every form has: busy while the request
 * runs, its GCancellable, cancel and retry, the general error (a sentence,
 * for what belongs to no one field), a notice, and the mapping of a failed
 * answer onto the form: the server's field errors go to the fields of
 * those names, an unreachable server or a 503 to the general error with
 * Retry, an ended session to the notice. Secrets are wiped when replaced
 * and when the form is cleared.
 *
 * A form is a subclass that adds its fields in init and implements
 * submit_async/submit_finish (and validate, for what can be checked before
 * anything is sent). GNOME Calendar's event editor sections work the same
 * way: the base and the model hold the state, a section is small. No
 * widgets here: forms are tested without a display.
 *
 * A repeated part of a form (a person's contacts, a plan's provisions) is
 * a group: its fields are named as the API names the array's members,
 * "contacts[0].name", "contacts[1].phone", so the server's errors about
 * one element land on that element's fields like any other. Inserting or
 * removing an element moves the values and errors of those after it, so
 * field N is always the Nth element sent; ::group-changed tells a page to
 * add or drop the rows of the last element.
 *
 * The view model also exports its commands as a GActionGroup ("submit",
 * "retry") whose enabled state follows busy, for a page to insert under a
 * prefix and its buttons to name in the .ui.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "scc-api-client.h"
#include "scc-form-field.h"

G_BEGIN_DECLS

#define SCC_TYPE_FORM_VM (scc_form_vm_get_type ())

G_DECLARE_DERIVABLE_TYPE (SccFormVm, scc_form_vm, SCC, FORM_VM, GObject)

struct _SccFormVmClass
{
  GObjectClass parent_class;

  /* Checks what can be checked before sending (a repeated password), with
   * scc_form_vm_set_field_error; FALSE stops the submission. Optional. */
  gboolean (*validate)      (SccFormVm            *self);
  /* Sends the form. Required. */
  void     (*submit_async)  (SccFormVm            *self,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data);
  gboolean (*submit_finish) (SccFormVm            *self,
                             GAsyncResult         *result,
                             GError              **error);
  /* Puts a failure where it belongs; see scc-form-vm.c for the default.
   * An override handles its special cases and chains up for the rest. */
  void     (*show_error)    (SccFormVm            *self,
                             const GError         *error);
  /* Signal class closures. */
  void     (*succeeded)     (SccFormVm            *self);
  void     (*failed)        (SccFormVm            *self);
  void     (*group_changed) (SccFormVm            *self,
                             const char           *group);
  /* Empties the form; an override chains up. */
  void     (*clear)         (SccFormVm            *self);

  gpointer padding[7];
};

/* The start of every general failure message of the class's forms: "Your
 * password has not been changed", "Could not sign in". Call in class_init. */
void          scc_form_vm_class_set_failure_text (SccFormVmClass    *klass,
                                                  const char        *text);
/* The same for one form (@text static), over its class's */
void          scc_form_vm_set_failure_text       (SccFormVm         *self,
                                                  const char        *text);
const char   *scc_form_vm_get_failure_text       (SccFormVm         *self);

/* For subclasses, in init: adds a field. Returns: (transfer none) */
SccFormField *scc_form_vm_add_field              (SccFormVm         *self,
                                                  const char        *name,
                                                  SccFormFieldFlags  flags);

/* For subclasses, in init: a repeated group of fields @group[N].@member
 * for each of @members (NULL-terminated), at most @max_items elements, none
 * yet. Its fields come in form order where the group is added. */
void          scc_form_vm_add_group              (SccFormVm         *self,
                                                  const char        *group,
                                                  const char * const *members,
                                                  SccFormFieldFlags  flags,
                                                  guint              max_items);
guint         scc_form_vm_get_group_size         (SccFormVm         *self,
                                                  const char        *group);
guint         scc_form_vm_get_group_max          (SccFormVm         *self,
                                                  const char        *group);
/* Adds or drops elements at the end, empty ones added, to have @n_items. */
void          scc_form_vm_set_group_size         (SccFormVm         *self,
                                                  const char        *group,
                                                  guint              n_items);
/* A new element at @index (the size: at the end) with @values (one per
 * member, or NULL: empty); those from @index on move up one. FALSE when
 * the group is full. */
gboolean      scc_form_vm_insert_group_item      (SccFormVm         *self,
                                                  const char        *group,
                                                  guint              index,
                                                  const char * const *values);
/* Removes element @index; those after it move down one.
 * Returns: (transfer full): its values, one per member, for an undo */
GStrv         scc_form_vm_remove_group_item      (SccFormVm         *self,
                                                  const char        *group,
                                                  guint              index);
/* Returns: (transfer full): "contacts[1].phone" */
char         *scc_form_vm_dup_group_field_name   (const char        *group,
                                                  guint              index,
                                                  const char        *member);

SccApiClient *scc_form_vm_get_api_client         (SccFormVm         *self);
/* The fields, in the order they were added (SccFormField). */
GListModel   *scc_form_vm_get_fields             (SccFormVm         *self);
SccFormField *scc_form_vm_lookup_field           (SccFormVm         *self,
                                                  const char        *name);
const char   *scc_form_vm_get_value              (SccFormVm         *self,
                                                  const char        *name);
void          scc_form_vm_set_value              (SccFormVm         *self,
                                                  const char        *name,
                                                  const char        *value);
const char   *scc_form_vm_get_field_error        (SccFormVm         *self,
                                                  const char        *name);
void          scc_form_vm_set_field_error        (SccFormVm         *self,
                                                  const char        *name,
                                                  const char        *error);
/* The first field, in form order, with an error; NULL if none. */
SccFormField *scc_form_vm_get_first_error        (SccFormVm         *self);

gboolean      scc_form_vm_get_busy               (SccFormVm         *self);
gboolean      scc_form_vm_get_can_retry          (SccFormVm         *self);
gboolean      scc_form_vm_get_has_input          (SccFormVm         *self);
const char   *scc_form_vm_get_error_message      (SccFormVm         *self);
const char   *scc_form_vm_get_notice             (SccFormVm         *self);
GActionGroup *scc_form_vm_get_actions            (SccFormVm         *self);
/* The Idempotency-Key of this submission: made for each new submission,
 * the same for a retry of unchanged input. NULL outside submit_async. */
const char   *scc_form_vm_get_idempotency_key    (SccFormVm         *self);

/* For subclasses' show_error and succeeded. */
void          scc_form_vm_set_error_message      (SccFormVm         *self,
                                                  const char        *message);
void          scc_form_vm_set_notice             (SccFormVm         *self,
                                                  const char        *notice);
void          scc_form_vm_set_can_retry          (SccFormVm         *self,
                                                  gboolean           can_retry);

gboolean      scc_form_vm_submit                 (SccFormVm         *self);
gboolean      scc_form_vm_retry                  (SccFormVm         *self);
void          scc_form_vm_cancel                 (SccFormVm         *self);
void          scc_form_vm_clear                  (SccFormVm         *self);

G_END_DECLS
