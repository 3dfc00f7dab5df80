/* scc-form.h
 *
 * Helpers the form pages share (sign-in, account): an error shown beside
 * its field, and turning an API fragment ("must not be empty") into the
 * sentence a person reads. Functions, not a type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char *scc_form_dup_sentence      (const char *message);
void  scc_form_show_field_error  (GtkWidget  *row,
                                  GtkLabel   *label,
                                  const char *message);
void  scc_form_show_message      (GtkLabel   *label,
                                  const char *message);

G_END_DECLS
