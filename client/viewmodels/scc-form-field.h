/* scc-form-field.h
 *
 * One field of a form (SccFormVm): its name, which is the API's name for it
 * ("current_password", "received_on"), the value as typed, and what is
 * wrong with it. The server's field errors find their field by that name,
 * and a field row (SccFieldRow) in a page's template finds its field by it
 * too, so the name is written once in the view model and once in the .ui.
 *
 * Flags say how a field is treated: a secret is wiped from memory when it
 * is replaced or cleared; a required field is refused empty before
 * anything is sent; a kept field (the server address on the sign-in form)
 * survives clear, which empties the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SCC_FORM_FIELD_DEFAULT  = 0,
  SCC_FORM_FIELD_SECRET   = 1 << 0,
  SCC_FORM_FIELD_REQUIRED = 1 << 1,
  SCC_FORM_FIELD_KEPT     = 1 << 2,
} SccFormFieldFlags;

#define SCC_TYPE_FORM_FIELD (scc_form_field_get_type ())

G_DECLARE_FINAL_TYPE (SccFormField, scc_form_field, SCC, FORM_FIELD, GObject)

SccFormField *scc_form_field_new            (const char        *name,
                                             SccFormFieldFlags  flags);
const char   *scc_form_field_get_name       (SccFormField      *self);
SccFormFieldFlags scc_form_field_get_flags  (SccFormField      *self);
gboolean      scc_form_field_get_secret     (SccFormField      *self);
gboolean      scc_form_field_get_required   (SccFormField      *self);
/* Never NULL; "" when empty. */
const char   *scc_form_field_get_value      (SccFormField      *self);
void          scc_form_field_set_value      (SccFormField      *self,
                                             const char        *value);
/* The API's fragment ("must not be empty"), or NULL. */
const char   *scc_form_field_get_error      (SccFormField      *self);
void          scc_form_field_set_error      (SccFormField      *self,
                                             const char        *error);
/* The error as the sentence a person reads ("Must not be empty"), or NULL. */
const char   *scc_form_field_get_error_text (SccFormField      *self);
gboolean      scc_form_field_get_has_error  (SccFormField      *self);

/* @message with a capital first letter: the API writes fragments. */
char         *scc_form_field_dup_sentence   (const char        *message);

G_END_DECLS
