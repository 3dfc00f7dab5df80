/* bench-client-start.c
 *
 * How long the desktop client takes from its start to a caseworker's
 * caseload on screen: the real SccApplication and window (the same code
 * as sendcase), against a running sendcased. One run per process, so that
 * every run pays what a person starting sendcase pays:
 *
 *   start      main() entered
 *   activated  the application activated, its window and pages built
 *   window     the sign-in page's first frame drawn
 *   connected  the window's first check of the server answered
 *   submitted  the sign-in submitted (as Enter would), at once
 *   signed_in  the server's answer to the sign-in arrived (the session)
 *   rows       the caseload's first page of rows arrived in its model
 *   caseload   the caseload page's first rows drawn (the frame after they
 *              arrived), with its counts
 *
 * and prints one line of JSON with each as milliseconds from start, the
 * rows shown, the caseload's size, the start itself (start_us, on the
 * monotonic clock, to line the stages up with a profiler's samples) and
 * the renderer GTK drew with. bench/bench-client runs it several
 * times under Xvfb against a daemon with the demo authority.
 *
 *   bench-client-start --server URL --username NAME --password-file FILE
 *
 * Needs GSETTINGS_BACKEND=memory and GSETTINGS_SCHEMA_DIR (the build's
 * client/data), as the client tests do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "scc-api-client.h"
#include "scc-application.h"
#include "scc-caseload-page.h"
#include "scc-connection-vm.h"
#include "scc-form-vm.h"
#include "scc-window.h"

typedef struct
{
  GApplication *app;
  SccWindow    *window;
  char         *username;
  char         *password;
  gint64        start;
  gint64        activated;
  gint64        window_drawn;
  gint64        connected;
  gint64        submitted;
  gint64        signed_in;
  gint64        rows_arrived;
  gint64        caseload_drawn;
  guint         rows;
  int           cases;
  guint         timeout_id;
} Run;

static double
ms_since_start (Run    *run,
                gint64  when)
{
  return when > 0 ? (double) (when - run->start) / 1000.0 : -1.0;
}

static void
finish (Run *run)
{
  g_print ("{\"activated_ms\": %.1f, \"window_ms\": %.1f, \"connected_ms\": %.1f, \"submitted_ms\": %.1f, "
           "\"signed_in_ms\": %.1f, \"rows_ms\": %.1f, \"caseload_ms\": %.1f, \"rows\": %u, \"cases\": %d, "
           "\"start_us\": %" G_GINT64_FORMAT ", \"renderer\": \"%s\"}\n",
           ms_since_start (run, run->activated), ms_since_start (run, run->window_drawn),
           ms_since_start (run, run->connected), ms_since_start (run, run->submitted),
           ms_since_start (run, run->signed_in), ms_since_start (run, run->rows_arrived),
           ms_since_start (run, run->caseload_drawn), run->rows, run->cases, run->start,
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (run->window))));
  g_application_release (run->app);
  gtk_window_destroy (GTK_WINDOW (run->window));
}

static void
after_caseload_paint_cb (GdkFrameClock *clock,
                         Run           *run)
{
  SccCaseloadPage *page = SCC_CASELOAD_PAGE (scc_window_get_page (run->window, "caseload"));

  g_signal_handlers_disconnect_by_func (clock, after_caseload_paint_cb, run);
  run->caseload_drawn = g_get_monotonic_time ();
  run->rows = g_list_model_get_n_items (G_LIST_MODEL (scc_caseload_page_get_view_model (page)));
  run->cases = scc_caseload_vm_get_n_cases (scc_caseload_page_get_view_model (page));
  finish (run);
}

static void
on_caseload_state_cb (SccListVm  *list,
                      GParamSpec *pspec,
                      Run        *run)
{
  GdkFrameClock *clock;

  if (run->caseload_drawn > 0 || scc_list_vm_get_loading (list) || !scc_list_vm_get_loaded (list))
    return;
  if (g_strcmp0 (scc_window_get_visible_page (run->window), "caseload") != 0)
    return;
  /* The rows are in the model: the next frame painted shows them. */
  run->rows_arrived = g_get_monotonic_time ();
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (run->window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_caseload_paint_cb), run);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
submit (Run *run)
{
  SccPage *page = scc_window_get_page (run->window, "sign-in");
  g_autoptr(SccFormVm) form = NULL;

  g_object_get (page, "view-model", &form, NULL);
  scc_form_vm_set_value (form, "username", run->username);
  scc_form_vm_set_value (form, "password", run->password);
  run->submitted = g_get_monotonic_time ();
  if (!gtk_widget_activate_action (GTK_WIDGET (page), "sign-in.submit", NULL))
    {
      g_printerr ("bench-client-start: the sign-in could not be submitted\n");
      exit (EXIT_FAILURE);
    }
}

static void
on_connection_busy_cb (SccConnectionVm *connection,
                       GParamSpec      *pspec,
                       Run             *run)
{
  if (run->connected > 0 || scc_connection_vm_get_busy (connection))
    return;
  run->connected = g_get_monotonic_time ();
  submit (run);
}

static void
after_window_paint_cb (GdkFrameClock *clock,
                       Run           *run)
{
  SccConnectionVm *connection = scc_window_get_connection (run->window);

  g_signal_handlers_disconnect_by_func (clock, after_window_paint_cb, run);
  run->window_drawn = g_get_monotonic_time ();
  g_signal_connect (connection, "notify::busy", G_CALLBACK (on_connection_busy_cb), run);
  on_connection_busy_cb (connection, NULL, run);
}

static void
on_window_realize_cb (GtkWidget *widget,
                      Run       *run)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (after_window_paint_cb), run);
}

static void
on_session_cb (SccApiClient *api_client,
               GParamSpec   *pspec,
               Run          *run)
{
  SccPage *caseload;

  if (run->signed_in > 0 || scc_api_client_get_session (api_client) == NULL)
    return;
  run->signed_in = g_get_monotonic_time ();
  /* The window builds a page when first wanted: the caseload, a
   * caseworker's first page, a moment from now. Building it here costs the
   * same, only sooner, and lets its list be watched. */
  caseload = scc_window_get_page (run->window, "caseload");
  g_signal_connect (scc_caseload_page_get_view_model (SCC_CASELOAD_PAGE (caseload)), "notify::state",
                    G_CALLBACK (on_caseload_state_cb), run);
}

static void
on_activate_cb (GApplication *app,
                Run          *run)
{
  run->activated = g_get_monotonic_time ();
  g_signal_connect (scc_application_get_api_client (SCC_APPLICATION (app)), "notify::session",
                    G_CALLBACK (on_session_cb), run);
  run->window = SCC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert (run->window != NULL);
  if (gtk_widget_get_realized (GTK_WIDGET (run->window)))
    on_window_realize_cb (GTK_WIDGET (run->window), run);
  else
    g_signal_connect (run->window, "realize", G_CALLBACK (on_window_realize_cb), run);
  g_application_hold (app);
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_printerr ("bench-client-start: no caseload after 60 s\n");
  exit (EXIT_FAILURE);
}

int
main (int   argc,
      char *argv[])
{
  Run run = { .start = g_get_monotonic_time () };
  g_autoptr(SccApplication) application = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *password = NULL;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, "The daemon's URL", "URL" },
    { "username", 0, 0, G_OPTION_ARG_STRING, &run.username, "Who signs in", "NAME" },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file, "Their password, in a file", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the client's start to a caseload");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || server == NULL || run.username == NULL ||
      password_file == NULL || !g_file_get_contents (password_file, &password, NULL, &error))
    {
      g_printerr ("bench-client-start: %s\n", error != NULL ? error->message
                                                             : "--server, --username and --password-file are needed");
      return EXIT_FAILURE;
    }
  run.password = g_strchomp (password);
  if (!scc_application_check_settings (&error))
    {
      g_printerr ("bench-client-start: %s\n", error->message);
      return EXIT_FAILURE;
    }
  settings = g_settings_new (SC_APP_ID);
  g_settings_set_string (settings, "server-url", server);

  application = scc_application_new ();
  run.app = G_APPLICATION (application);
  g_application_set_flags (run.app, g_application_get_flags (run.app) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (application, "activate", G_CALLBACK (on_activate_cb), &run);
  run.timeout_id = g_timeout_add_seconds (60, timeout_cb, NULL);
  {
    char *args[] = { argv[0], NULL };

    return g_application_run (run.app, 1, args);
  }
}
