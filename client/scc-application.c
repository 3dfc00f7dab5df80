/* scc-application.c
 *
 * SccApplication: the sendcase AdwApplication. One instance per desktop
 * session (a second launch raises the first window). It owns the one
 * SccApiClient, so sign-in and every later page speak to the same server
 * with the same token (held in memory only, for as long as the process).
 *
 * Command line: `sendcase --server URL` opens the sign-in page for the
 * server at URL (./demo uses it); without it the window uses the address
 * kept in GSettings (org.sendcase.Sendcase server-url).
 *
 * On a machine with no GPU it draws with GTK's cairo renderer rather than
 * OpenGL emulated on the CPU (choose_renderer); GSK_RENDERER overrides.
 *
 * Running from the build tree needs the compiled schema:
 *   GSETTINGS_SCHEMA_DIR=build/client/data build/client/sendcase
 * Without it, main() says so in one line and exits 1
 * (scc_application_check_settings), rather than GIO aborting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-application.h"
#include "scc-window.h"

struct _SccApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  SccApiClient   *api_client;
  char           *server_url;  /* from --server, used by the next activate */
};

G_DEFINE_FINAL_TYPE (SccApplication, scc_application, ADW_TYPE_APPLICATION)

static void
scc_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  static const char *developers[] = { "The sendcase developers", NULL };
  SccApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkIconTheme *icon_theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GtkWidget *about;

  g_assert (SCC_IS_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", "sendcase",
                        "application-icon", gtk_icon_theme_has_icon (icon_theme, SC_APP_ID)
                                              ? SC_APP_ID : "network-server-symbolic",
                        "version", PACKAGE_VERSION,
                        "comments", _("Casework for local-authority SEND teams: EHC needs "
                                      "assessments, plans, annual reviews and their "
                                      "statutory deadlines."),
                        "developer-name", "The sendcase developers",
                        "developers", developers,
                        "copyright", "© 2026 The sendcase developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
scc_application_quit_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  SccApplication *self = user_data;

  g_assert (SCC_IS_APPLICATION (self));

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", scc_application_about_action },
  { "quit", scc_application_quit_action },
};

static int
scc_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  const char *server_url = NULL;

  /* Checked here so a typo fails on the terminal, before any window. */
  if (g_variant_dict_lookup (options, "server", "&s", &server_url))
    {
      g_autoptr(GError) error = NULL;

      if (!scc_connection_vm_check_url (server_url, &error))
        {
          g_printerr ("sendcase: --server %s: %s\n", server_url, error->message);
          return EXIT_FAILURE;
        }
    }

  /* Go on: register, then command_line in the primary instance. */
  return -1;
}

static int
scc_application_command_line (GApplication            *application,
                              GApplicationCommandLine *command_line)
{
  SccApplication *self = SCC_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *server_url = NULL;

  if (g_variant_dict_lookup (options, "server", "&s", &server_url))
    {
      g_free (self->server_url);
      self->server_url = g_strdup (server_url);
    }

  g_application_activate (application);
  return EXIT_SUCCESS;
}

static void
scc_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *sign_out_accels[] = { "<Control><Shift>q", NULL };
  static const char *home_accels[] = { "<Alt>Home", NULL };
  static const char *back_accels[] = { "<Alt>Left", "Back", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *menu_accels[] = { "F10", NULL };
  SccApplication *self = SCC_APPLICATION (application);

  G_APPLICATION_CLASS (scc_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.sign-out", sign_out_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-page::home", home_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.go-back", back_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-menu", menu_accels);
}

static void
scc_application_activate (GApplication *application)
{
  SccApplication *self = SCC_APPLICATION (application);
  g_autofree char *server_url = g_steal_pointer (&self->server_url);
  GtkWindow *window;

  /* A new window connects at once, to --server or to the remembered
   * address; an open one only when given a new address. */
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (scc_window_new (self));
      scc_window_connect_to (SCC_WINDOW (window), server_url);
    }
  else if (server_url != NULL)
    {
      scc_window_connect_to (SCC_WINDOW (window), server_url);
    }

  gtk_window_present (window);
}

static void
scc_application_finalize (GObject *object)
{
  SccApplication *self = (SccApplication *)object;

  g_clear_object (&self->api_client);
  g_clear_pointer (&self->server_url, g_free);

  G_OBJECT_CLASS (scc_application_parent_class)->finalize (object);
}

static void
scc_application_class_init (SccApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = scc_application_finalize;

  app_class->handle_local_options = scc_application_handle_local_options;
  app_class->command_line = scc_application_command_line;
  app_class->startup = scc_application_startup;
  app_class->activate = scc_application_activate;
}

static void
scc_application_init (SccApplication *self)
{
  static const GOptionEntry options[] = {
    { "server", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Connect to the sendcase server at URL"), N_("URL") },
    { NULL }
  };

  self->api_client = scc_api_client_new (NULL);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

/* GTK 4.8 draws with OpenGL whenever it can open a context. On a machine
 * with no GPU (no DRM render node: a virtual desktop, a remote session,
 * as many an authority's office runs) that is Mesa's llvmpipe, OpenGL
 * emulated on the CPU: some 150 ms more before the first frame, and every
 * frame dearer. GTK's cairo renderer draws the same pages sooner there.
 * GSK_RENDERER, when set, still decides. Done before GTK starts, while the
 * process is one thread, since it sets the environment. */
static void
choose_renderer (void)
{
  g_autoptr(GDir) dri = NULL;
  const char *name;
  gboolean render_node = FALSE;

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  if (g_strcmp0 (g_getenv ("LIBGL_ALWAYS_SOFTWARE"), "1") != 0)
    {
      dri = g_dir_open ("/dev/dri", 0, NULL);
      while (dri != NULL && !render_node && (name = g_dir_read_name (dri)) != NULL)
        render_node = g_str_has_prefix (name, "renderD");
    }
  if (!render_node)
    {
      g_debug ("no GPU: drawing with cairo");
      g_setenv ("GSK_RENDERER", "cairo", FALSE);
    }
}

/**
 * scc_application_new:
 *
 * The application, with GTK's renderer chosen for the machine (cairo when
 * it has no GPU, see choose_renderer): call it from main(), before any
 * other thread starts.
 */
SccApplication *
scc_application_new (void)
{
  choose_renderer ();
  return g_object_new (SCC_TYPE_APPLICATION,
                       "application-id", SC_APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/org/sendcase/Sendcase",
                       NULL);
}

/**
 * scc_application_check_settings:
 *
 * Checks that the settings schema is installed where GSettings looks, so
 * the window's g_settings_new() will not abort the process.
 *
 * Returns: %FALSE with @error saying what is missing and how to fix it
 */
gboolean
scc_application_check_settings (GError **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SC_APP_ID, TRUE);
  if (schema == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "cannot find the settings schema \"%s\": install sendcase (meson install), "
                   "or run it from the build tree with GSETTINGS_SCHEMA_DIR=build/client/data",
                   SC_APP_ID);
      return FALSE;
    }
  return TRUE;
}

/**
 * scc_application_get_api_client:
 *
 * Returns: (transfer none): the application's API client
 */
SccApiClient *
scc_application_get_api_client (SccApplication *self)
{
  g_return_val_if_fail (SCC_IS_APPLICATION (self), NULL);
  return self->api_client;
}
