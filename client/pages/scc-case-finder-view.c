/* scc-case-finder-view.c
 *
 * The view of an SccCaseFinder: see scc-case-finder-view.h. The list's
 * own activation is not relied on for Enter: a row given the focus is
 * not always its cursor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-case-finder-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sc-case.h"
#include "scc-case-finder-view.h"

typedef struct
{
  SccCaseFinder *finder;   /* owned */
  SccFieldRow   *row;      /* borrowed: the page's */
  GtkListBox    *matches;  /* borrowed: the view is its data */
} View;

static void
view_free (View *view)
{
  g_signal_handlers_disconnect_by_data (view->finder, view);
  g_object_unref (view->finder);
  g_free (view);
}

static void
choose (View          *view,
        GtkListBoxRow *row)
{
  scc_case_finder_choose (view->finder, (guint) gtk_list_box_row_get_index (row));
  scc_field_row_focus (view->row);
}

static void
on_activated_cb (GtkListBox    *box,
                 GtkListBoxRow *row,
                 View          *view)
{
  choose (view, row);
}

static void
on_matches_cb (View *view)
{
  GPtrArray *matches = scc_case_finder_get_matches (view->finder);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (view->matches))) != NULL)
    gtk_list_box_remove (view->matches, child);
  for (guint i = 0; i < matches->len; i++)
    {
      ScCase *kase = g_ptr_array_index (matches, i);
      const ScCasePerson *person = sc_case_get_person (kase);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s %s", person->given_name, person->family_name);
      g_autofree char *subtitle = g_strdup_printf (_("Born %s · case %" G_GINT64_FORMAT), person->date_of_birth,
                                                   sc_case_get_id (kase));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (view->matches, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (view->matches), matches->len > 0);
}

/* Down from the field goes to the cases found, through the list's own
 * focus: its first row becomes its cursor */
static gboolean
on_field_key_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 View                  *view)
{
  if (keyval != GDK_KEY_Down || !gtk_widget_get_visible (GTK_WIDGET (view->matches)))
    return FALSE;
  return gtk_widget_child_focus (GTK_WIDGET (view->matches), GTK_DIR_TAB_FORWARD);
}

static gboolean
on_matches_key_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   View                  *view)
{
  GtkWidget *row = gtk_widget_get_focus_child (GTK_WIDGET (view->matches));

  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      (state & GDK_CONTROL_MASK) != 0 || !GTK_IS_LIST_BOX_ROW (row))
    return FALSE;
  choose (view, GTK_LIST_BOX_ROW (row));
  return TRUE;
}

static void
on_field_activated_cb (View *view)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (view->matches, 0);

  if (first != NULL && gtk_widget_get_visible (GTK_WIDGET (view->matches)))
    choose (view, first);
}

void
scc_case_finder_view_attach (SccCaseFinder *finder,
                             SccFieldRow   *row,
                             GtkListBox    *matches)
{
  AdwEntryRow *entry;
  GtkEventController *keys;
  View *view;

  g_return_if_fail (SCC_IS_CASE_FINDER (finder));
  g_return_if_fail (SCC_IS_FIELD_ROW (row));
  g_return_if_fail (GTK_IS_LIST_BOX (matches));

  view = g_new0 (View, 1);
  view->finder = g_object_ref (finder);
  view->row = row;
  view->matches = matches;
  g_object_set_data_full (G_OBJECT (matches), "scc-case-finder-view", view, (GDestroyNotify) view_free);

  g_signal_connect_swapped (finder, "notify::matches", G_CALLBACK (on_matches_cb), view);
  g_signal_connect (matches, "row-activated", G_CALLBACK (on_activated_cb), view);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_matches_key_cb), view);
  gtk_widget_add_controller (GTK_WIDGET (matches), keys);

  entry = scc_field_row_get_entry (row);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_field_key_cb), view);
  gtk_widget_add_controller (GTK_WIDGET (entry), keys);
  /* Enter in the field does not submit the form: it takes the first case */
  adw_entry_row_set_activates_default (entry, FALSE);
  g_signal_connect_swapped (entry, "entry-activated", G_CALLBACK (on_field_activated_cb), view);
  on_matches_cb (view);
}
