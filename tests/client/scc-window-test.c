/* scc-window-test.c
 *
 * See scc-window-test.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>

#include "scc-client-test.h"
#include "scc-window-test.h"

SccApplication *scc_test_app;
SccWindow      *scc_test_window;

static gboolean
connection_settled (gpointer user_data)
{
  return !scc_connection_vm_get_busy (scc_window_get_connection (scc_test_window));
}

static void run_xdotool (GPtrArray *argv);

/* The pointer off the window, so no row is drawn hovered in a screenshot. */
static void
park_pointer (void)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (scc_test_window));
  GdkMonitor *monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  GdkRectangle geometry;

  gdk_monitor_get_geometry (monitor, &geometry);
  g_object_unref (monitor);
  g_ptr_array_add (argv, g_strdup ("xdotool"));
  g_ptr_array_add (argv, g_strdup ("mousemove"));
  g_ptr_array_add (argv, g_strdup_printf ("%d", geometry.width - 1));
  g_ptr_array_add (argv, g_strdup_printf ("%d", geometry.height - 1));
  run_xdotool (argv);
}

void
scc_window_test_start (const char *server_url)
{
  g_autoptr(GSettings) settings = g_settings_new (SC_APP_ID);
  g_autoptr(GError) error = NULL;

  /* GSETTINGS_BACKEND=memory: this is the address the window will find. */
  g_settings_set_string (settings, "server-url", server_url);

  /* Not unique: the GTK tests run side by side on one session bus. */
  scc_test_app = scc_application_new ();
  g_application_set_flags (G_APPLICATION (scc_test_app),
                           g_application_get_flags (G_APPLICATION (scc_test_app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (scc_test_app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (scc_test_app));
  scc_test_window = SCC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (scc_test_app)));
  g_assert_nonnull (scc_test_window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (scc_test_window));
  scc_test_wait_connection ();
  park_pointer ();
}

/* Gives the X input focus to the window once, as a window manager would:
 * Xvfb has none. Keys pressed later go where X sends them (a menu's popup
 * takes them while it is open). */
void
scc_window_test_focus (void)
{
  scc_test_focus_window (GTK_WINDOW (scc_test_window));
}

void
scc_window_test_stop (void)
{
  gtk_window_destroy (GTK_WINDOW (scc_test_window));
  scc_test_window = NULL;
  g_clear_object (&scc_test_app);
}

SccPage *
scc_test_page (const char *name)
{
  SccPage *page = scc_window_get_page (scc_test_window, name);

  g_assert_nonnull (page);
  return page;
}

SccFormVm *
scc_test_form (const char *page)
{
  g_autoptr(SccFormVm) form = NULL;

  g_object_get (scc_test_page (page), "view-model", &form, NULL);
  g_assert_true (SCC_IS_FORM_VM (form));
  return form;  /* the page holds it */
}

GtkWidget *
scc_test_child (const char *page,
                const char *id)
{
  SccPage *widget = scc_test_page (page);
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), G_OBJECT_TYPE (widget), id);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

GtkEditable *
scc_test_entry (const char *page,
                const char *row)
{
  return GTK_EDITABLE (scc_field_row_get_entry (SCC_FIELD_ROW (scc_test_child (page, row))));
}

void
scc_test_type_into (const char *page,
                    const char *row,
                    const char *text)
{
  gtk_editable_set_text (scc_test_entry (page, row), text);
}

void
scc_test_tab_to (const char *page,
                 const char *name)
{
  for (guint i = 0; i < 10 && !scc_test_has_focus (scc_test_child (page, name)); i++)
    scc_test_press_keys ("Tab", NULL);
  if (!scc_test_has_focus (scc_test_child (page, name)))
    g_error ("Tab never reached %s of %s: the focus is on %s", name, page, scc_test_describe_focus ());
}

gboolean
scc_test_has_focus (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (scc_test_window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* For failure messages: the focus widget and its nearest named ancestor. */
const char *
scc_test_describe_focus (void)
{
  static char text[256];
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (scc_test_window));
  GtkWidget *named = focus;

  while (named != NULL && !SCC_IS_FIELD_ROW (named) && !GTK_IS_BUTTON (named) && !SCC_IS_PAGE (named))
    named = gtk_widget_get_parent (named);

  g_snprintf (text, sizeof text, "%s in %s",
              focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing",
              named != NULL ? G_OBJECT_TYPE_NAME (named) : "-");
  return text;
}

static gboolean
page_shown (gpointer user_data)
{
  return g_strcmp0 (scc_window_get_visible_page (scc_test_window), user_data) == 0;
}

void
scc_test_wait_page (const char *name)
{
  scc_test_wait_until (page_shown, (gpointer) name, 10);
}

static gboolean
form_settled (gpointer user_data)
{
  return !scc_form_vm_get_busy (SCC_FORM_VM (user_data));
}

void
scc_test_wait_form (SccFormVm *form)
{
  scc_test_wait_until (form_settled, form, 30);
}

void
scc_test_wait_connection (void)
{
  scc_test_wait_until (connection_settled, NULL, 30);
}

void
scc_test_sign_in_as (const char *username,
                     const char *password)
{
  scc_test_type_into ("sign-in", "username_row", username);
  scc_test_type_into ("sign-in", "password_row", password);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scc_test_page ("sign-in")), "sign-in.submit", NULL));
  scc_test_wait_form (scc_test_form ("sign-in"));
}

void
scc_test_assert_field_error (const char *page,
                             const char *row,
                             const char *message)
{
  SccFieldRow *field_row = SCC_FIELD_ROW (scc_test_child (page, row));
  GtkWidget *label = GTK_WIDGET (scc_field_row_get_error_label (field_row));

  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (scc_field_row_get_entry (field_row)), "error"));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, message);
}

void
scc_test_assert_no_field_error (const char *page,
                                const char *row)
{
  SccFieldRow *field_row = SCC_FIELD_ROW (scc_test_child (page, row));

  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (scc_field_row_get_entry (field_row)), "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (scc_field_row_get_error_label (field_row))));
}

static gboolean
toast_shown (gpointer user_data)
{
  g_auto(GStrv) titles = scc_window_dup_toast_titles (scc_test_window);

  return g_strv_contains ((const char * const *) titles, user_data);
}

void
scc_test_assert_toast (const char *title)
{
  scc_test_wait_until (toast_shown, (gpointer) title, 30);
}

static gboolean
subprocess_done (gpointer user_data)
{
  return *(gboolean *) user_data;
}

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (object), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* Runs xdotool without blocking GTK, which must go on handling events. */
static void
run_xdotool (GPtrArray *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, wait_cb, &done);
  scc_test_wait_until (subprocess_done, &done, 30);
  /* Let GTK take the events that are queued for it. */
  scc_test_run_for (150);
}

void
scc_test_focus_window (GtkWindow *window)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  g_ptr_array_add (argv, g_strdup ("xdotool"));
  g_ptr_array_add (argv, g_strdup ("windowfocus"));
  g_ptr_array_add (argv, g_strdup ("--sync"));
  g_ptr_array_add (argv, g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface)));
  run_xdotool (argv);
}

void
scc_test_press_keys (const char *first_key,
                     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  va_list args;

  g_ptr_array_add (argv, g_strdup ("xdotool"));
  g_ptr_array_add (argv, g_strdup ("key"));
  g_ptr_array_add (argv, g_strdup ("--delay"));
  g_ptr_array_add (argv, g_strdup ("60"));
  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (key));
  va_end (args);
  run_xdotool (argv);
}

void
scc_test_type_text (const char *text)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (argv, g_strdup ("xdotool"));
  g_ptr_array_add (argv, g_strdup ("type"));
  g_ptr_array_add (argv, g_strdup ("--delay"));
  g_ptr_array_add (argv, g_strdup ("20"));
  g_ptr_array_add (argv, g_strdup (text));
  run_xdotool (argv);
}
