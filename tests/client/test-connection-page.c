/* test-connection-page.c
 *
 * The real SccApplication and SccWindow under Xvfb, against the real
 * sendcased: the window opens on the connection page, connects to the
 * address kept in GSettings and says "Connected to sendcase VERSION (schema
 * N)"; pointed at a closed port it shows the "Cannot Reach the Server"
 * status page with Retry; a bad address is shown beside the field; with
 * its database stopped the daemon is shown as reachable but degraded. Each
 * state is rendered in-process to a PNG under docs/screenshots/.
 *
 * Runs with GSK_RENDERER=cairo (stable antialiasing) and animations off, so
 * a screenshot never catches a crossfade half-way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include <glib/gstdio.h>

#include "sc-test-daemon.h"

#include "scc-application.h"
#include "scc-client-test.h"
#include "scc-window.h"

static ScTestDaemon *daemon_;
static char *data_dir;
static SccApplication *app;
static SccWindow *window;

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;

  gtk_test_widget_wait_for_draw (widget);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "docs", "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s (%dx%d)", path, width, height);
}

static gboolean
vm_settled (gpointer user_data)
{
  return !scc_connection_vm_get_busy (SCC_CONNECTION_VM (user_data));
}

/* Points the window at @url as a user would: the text in the field, then
 * the page's connect action. */
static void
connect_to (const char *url)
{
  SccConnectionPage *page = scc_window_get_connection_page (window);
  SccConnectionVm *vm = scc_window_get_connection_vm (window);

  scc_connection_vm_set_server_url (vm, url);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "connection.connect", NULL));
  scc_test_wait_until (vm_settled, vm, 30);
}

static void
test_connected (void)
{
  SccConnectionPage *page = scc_window_get_connection_page (window);
  SccConnectionVm *vm = scc_window_get_connection_vm (window);
  g_autofree char *expected = NULL;
  GtkWidget *def;

  /* The window connected by itself to the address in GSettings. */
  scc_test_wait_until (vm_settled, vm, 30);
  g_assert_cmpint (scc_connection_vm_get_state (vm), ==, SCC_CONNECTION_STATE_CONNECTED);
  g_assert_cmpstr (scc_connection_page_get_visible_face (page), ==, "form");

  expected = g_strdup_printf ("Connected to sendcase %s (schema %" G_GINT64_FORMAT ")",
                              PACKAGE_VERSION, scc_connection_vm_get_schema_version (vm));
  g_assert_cmpstr (scc_connection_page_get_status_text (page), ==, expected);
  g_assert_cmpint (scc_connection_vm_get_schema_version (vm), >=, 1);

  g_assert_cmpstr (scc_connection_vm_get_server_url (vm), ==, sc_test_daemon_get_base_url (daemon_));

  /* Enter in the address field presses Connect. */
  def = gtk_window_get_default_widget (GTK_WINDOW (window));
  g_assert_true (GTK_IS_BUTTON (def));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (def)), ==, "connection.connect");

  save_screenshot (GTK_WIDGET (window), "connection.png");
}

static void
test_unreachable (void)
{
  SccConnectionPage *page = scc_window_get_connection_page (window);
  SccConnectionVm *vm = scc_window_get_connection_vm (window);
  g_autofree char *closed = scc_test_closed_url ();
  g_autoptr(GSettings) settings = g_settings_new (SC_APP_ID);
  g_autofree char *saved = NULL;

  connect_to (closed);

  g_assert_cmpint (scc_connection_vm_get_state (vm), ==, SCC_CONNECTION_STATE_UNREACHABLE);
  g_assert_cmpstr (scc_connection_page_get_visible_face (page), ==, "problem");
  g_assert_cmpstr (scc_connection_page_get_status_text (page), ==, "Cannot reach the server");

  /* A usable address that was tried is remembered, even if it failed. */
  saved = g_settings_get_string (settings, "server-url");
  g_assert_cmpstr (saved, ==, closed);

  save_screenshot (GTK_WIDGET (window), "connection-unreachable.png");

  /* Change Server Address goes back to the form, still saying what failed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "connection.edit-address", NULL));
  g_assert_cmpstr (scc_connection_page_get_visible_face (page), ==, "form");

  /* Retry, once the address is right, connects. */
  scc_connection_vm_set_server_url (vm, sc_test_daemon_get_base_url (daemon_));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "connection.retry", NULL));
  scc_test_wait_until (vm_settled, vm, 30);
  g_assert_cmpint (scc_connection_vm_get_state (vm), ==, SCC_CONNECTION_STATE_CONNECTED);
  g_assert_cmpstr (scc_connection_page_get_visible_face (page), ==, "form");
}

static void
test_bad_address (void)
{
  SccConnectionPage *page = scc_window_get_connection_page (window);
  SccConnectionVm *vm = scc_window_get_connection_vm (window);

  scc_connection_vm_set_server_url (vm, "sendcase.example.org");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "connection.connect", NULL));

  /* Nothing was sent; the state of the last connection stands. */
  g_assert_false (scc_connection_vm_get_busy (vm));
  g_assert_cmpint (scc_connection_vm_get_state (vm), ==, SCC_CONNECTION_STATE_CONNECTED);
  g_assert_cmpstr (scc_connection_vm_get_url_error (vm), ==, "must start with http:// or https://");
  g_assert_cmpstr (scc_connection_page_get_visible_face (page), ==, "form");

  save_screenshot (GTK_WIDGET (window), "connection-bad-address.png");

  scc_connection_vm_set_server_url (vm, sc_test_daemon_get_base_url (daemon_));
  g_assert_null (scc_connection_vm_get_url_error (vm));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static gboolean
busy_twice (gpointer user_data)
{
  return *(guint *) user_data >= 2;
}

static void
test_enter_connects (void)
{
  SccConnectionPage *page = scc_window_get_connection_page (window);
  SccConnectionVm *vm = scc_window_get_connection_vm (window);
  GtkWidget *url_row = find_descendant (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW);
  GtkEditable *text;
  guint n_busy = 0;
  gulong handler;

  g_assert_nonnull (url_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url_row)), ==, sc_test_daemon_get_base_url (daemon_));

  /* Typing in the field goes to the view model. */
  gtk_editable_set_text (GTK_EDITABLE (url_row), "http://localhost:1");
  g_assert_cmpstr (scc_connection_vm_get_server_url (vm), ==, "http://localhost:1");
  gtk_editable_set_text (GTK_EDITABLE (url_row), sc_test_daemon_get_base_url (daemon_));

  /* Enter in the field presses the default button, Connect. */
  handler = g_signal_connect (vm, "notify::busy", G_CALLBACK (count_cb), &n_busy);
  gtk_widget_grab_focus (url_row);
  text = gtk_editable_get_delegate (GTK_EDITABLE (url_row));
  g_assert_true (GTK_IS_TEXT (text));
  g_signal_emit_by_name (text, "activate");

  /* GtkButton emits clicked when its short press animation ends; then
   * busy goes up and down again. */
  scc_test_wait_until (busy_twice, &n_busy, 30);
  g_signal_handler_disconnect (vm, handler);

  g_assert_cmpint (scc_connection_vm_get_state (vm), ==, SCC_CONNECTION_STATE_CONNECTED);
}

static void
test_app_actions (void)
{
  g_auto(GStrv) quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_before = g_list_model_get_n_items (toplevels);
  GtkWindow *about = NULL;

  g_assert_true (g_strv_contains ((const char * const *) quit_accels, "<Control>q"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));

  /* app.about opens an AdwAboutWindow over the main window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (toplevel))
        about = toplevel;
    }
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  gtk_window_destroy (about);

  /* The keyboard shortcuts window comes from the resources. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
}

static void
stop_database (void)
{
  g_autofree char *pid_file = g_build_filename (data_dir, "pgdata", "postmaster.pid", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pid;

  g_file_get_contents (pid_file, &contents, NULL, &error);
  g_assert_no_error (error);
  pid = g_ascii_strtoll (contents, NULL, 10);
  g_assert_cmpint (pid, >, 1);
  g_assert_cmpint (kill ((pid_t) pid, SIGINT), ==, 0);

  while (g_file_test (pid_file, G_FILE_TEST_EXISTS))
    g_usleep (G_USEC_PER_SEC / 20);
}

static void
test_degraded (void)
{
  SccConnectionPage *page = scc_window_get_connection_page (window);
  SccConnectionVm *vm = scc_window_get_connection_vm (window);

  stop_database ();
  connect_to (sc_test_daemon_get_base_url (daemon_));

  g_assert_cmpint (scc_connection_vm_get_state (vm), ==, SCC_CONNECTION_STATE_DEGRADED);
  g_assert_cmpstr (scc_connection_page_get_visible_face (page), ==, "problem");
  g_assert_cmpstr (scc_connection_page_get_status_text (page), ==, "Server reachable, database unavailable");

  save_screenshot (GTK_WIDGET (window), "connection-degraded.png");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/client/connection-page/connected", test_connected);
  g_test_add_func ("/client/connection-page/unreachable", test_unreachable);
  g_test_add_func ("/client/connection-page/bad-address", test_bad_address);
  g_test_add_func ("/client/connection-page/enter-connects", test_enter_connects);
  g_test_add_func ("/client/window/app-actions", test_app_actions);
  /* Last: it stops the database. */
  g_test_add_func ("/client/connection-page/degraded", test_degraded);

  data_dir = sc_test_make_tmpdir ("scc-page-XXXXXX");
  daemon_ = sc_test_daemon_spawn ((const char *[]) { "--data-dir", data_dir, NULL }, &error);
  g_assert_no_error (error);

  /* GSETTINGS_BACKEND=memory: this is the address the window will find. */
  settings = g_settings_new (SC_APP_ID);
  g_settings_set_string (settings, "server-url", sc_test_daemon_get_base_url (daemon_));

  app = scc_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = SCC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  g_clear_object (&app);

  if (status != 0)
    {
      g_autofree char *log = sc_test_daemon_dup_log (daemon_);
      g_printerr ("sendcased log:\n%s\n", log);
    }
  sc_test_daemon_stop (daemon_);
  g_clear_pointer (&daemon_, sc_test_daemon_free);
  sc_test_rm_rf (data_dir);
  g_clear_pointer (&data_dir, g_free);

  return status;
}
