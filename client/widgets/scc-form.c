/* scc-form.c
 *
 * See scc-form.h. A field error is shown the same way on every form: the
 * row gets the "error" style class (red title and text) and is marked
 * invalid for assistive technologies, and a caption under the row says
 * what is wrong; the row is described by that caption, so a screen reader
 * reads the message when the field is focused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-form"

#include "config.h"

#include "scc-form.h"

/**
 * scc_form_dup_sentence:
 * @message: (nullable): a message, maybe a lower-case fragment
 *
 * Returns: (transfer full) (nullable): @message with a capital first letter
 */
char *
scc_form_dup_sentence (const char *message)
{
  g_autofree char *rest = NULL;
  g_autofree char *first = NULL;
  const char *next;

  if (message == NULL)
    return NULL;
  if (message[0] == '\0' || !g_utf8_validate (message, -1, NULL))
    return g_strdup (message);

  next = g_utf8_next_char (message);
  first = g_utf8_strup (message, next - message);
  return g_strconcat (first, next, NULL);
}

/**
 * scc_form_show_field_error:
 * @row: the field's row
 * @label: the caption under it
 * @message: (nullable): what is wrong, or %NULL to show nothing
 */
void
scc_form_show_field_error (GtkWidget  *row,
                           GtkLabel   *label,
                           const char *message)
{
  g_autofree char *sentence = scc_form_dup_sentence (message);

  g_return_if_fail (GTK_IS_WIDGET (row));
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_label (label, sentence != NULL ? sentence : "");
  gtk_widget_set_visible (GTK_WIDGET (label), sentence != NULL);

  if (sentence != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
}

/**
 * scc_form_show_message:
 * @label: a label that is hidden while it has nothing to say
 * @message: (nullable): a sentence, or %NULL
 */
void
scc_form_show_message (GtkLabel   *label,
                       const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && message[0] != '\0');
}
