/* scc-client-test.c
 *
 * See scc-client-test.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include <glib/gstdio.h>

#include "sc-test-daemon.h"

#include "scc-client-test.h"
#include "scc-caseload-vm.h"
#include "scc-list-vm.h"

char *
scc_test_closed_url (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  guint16 port;

  /* Bind port 0, learn the port, close: nothing listens there afterwards
   * (another process could take it in between, but not on purpose). */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  address = g_inet_socket_address_new (loopback, 0);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);

  return g_strdup_printf ("http://127.0.0.1:%u", port);
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
set_flag_cb (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

void
scc_test_wait_until (SccTestCondition condition,
                     gpointer         user_data,
                     guint            timeout_seconds)
{
  gint64 deadline = g_get_monotonic_time () + timeout_seconds * G_USEC_PER_SEC;
  guint wake_id = g_timeout_add (50, wake_cb, NULL);

  while (!condition (user_data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("condition not met within %u s", timeout_seconds);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake_id);
}

void
scc_test_run_for (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
scc_test_stop_database (const char *data_dir)
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

ScTestDaemon *
scc_test_restart_daemon (const char         *base_url,
                         const char * const *args)
{
  g_autoptr(GUri) uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  ScTestDaemon *daemon = NULL;

  g_assert_nonnull (uri);
  g_ptr_array_add (argv, g_strdup ("--listen"));
  g_ptr_array_add (argv, g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri)));
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  /* The old one's socket may linger a moment. */
  for (guint attempt = 0; attempt < 20 && daemon == NULL; attempt++)
    {
      g_clear_error (&error);
      daemon = sc_test_daemon_spawn ((const char * const *) argv->pdata, &error);
      if (daemon == NULL)
        g_usleep (G_USEC_PER_SEC / 4);
    }
  g_assert_no_error (error);
  g_assert_cmpstr (sc_test_daemon_get_base_url (daemon), ==, base_url);
  return daemon;
}

int
scc_test_run_with_daemon (const char         *prefix,
                          const char * const *args,
                          void              (*started) (const char *base_url),
                          void              (*stopping) (void),
                          ScTestDaemon      **daemon,
                          char              **data_dir)
{
  g_autofree char *dir = sc_test_make_tmpdir (prefix);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (char *) "--data-dir");
  g_ptr_array_add (argv, dir);
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  *daemon = sc_test_daemon_spawn ((const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  if (data_dir != NULL)
    *data_dir = dir;
  if (started != NULL)
    started (sc_test_daemon_get_base_url (*daemon));

  status = g_test_run ();

  if (stopping != NULL)
    stopping ();
  if (status != 0 && *daemon != NULL)
    {
      g_autofree char *log = sc_test_daemon_dup_log (*daemon);
      g_printerr ("sendcased log:\n%s\n", log);
    }
  if (*daemon != NULL)
    sc_test_daemon_stop (*daemon);
  g_clear_pointer (daemon, sc_test_daemon_free);
  sc_test_rm_rf (dir);
  if (data_dir != NULL)
    *data_dir = NULL;
  return status;
}

void
scc_test_save_screenshot (GtkWidget  *widget,
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

  /* into the build directory: tools/refresh-screenshots copies them to docs/ */
  dir = g_build_filename (g_getenv ("SC_BUILD_ROOT"), "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s (%dx%d)", path, width, height);
}

void
scc_test_store_result_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

gboolean
scc_test_result_ready (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

char *
scc_test_day_from_today (int days)
{
  char buffer[SC_DAY_STRING_SIZE];

  return g_strdup (sc_day_format (scc_case_today () + days, buffer));
}

gboolean
scc_test_list_settled (gpointer user_data)
{
  return scc_list_vm_get_loaded (SCC_LIST_VM (user_data)) && !scc_list_vm_get_loading (SCC_LIST_VM (user_data));
}
