/* scc-window.c
 *
 * SccWindow: the main window and the session's life in it. It makes its
 * pages from one list (page_types below: adding a page is one line there),
 * each the first time it is wanted (the window starts with sign-in alone),
 * gives each the API client and the connection, and from then on treats
 * them alike: it tells them who is signed in, when to forget input, when
 * the session has ended, and when they are shown. Only one name is its
 * own: "sign-in", where a session starts; where it begins is the role's
 * (scc_places_first_page: a caseworker's caseload, everyone else's home).
 *
 *   sign-in --the API client holds a session--> the role's first page
 *                                               (or back where the user was)
 *   any page --win.sign-out--> sign-in, empty; every page cleared
 *   any page --SccApiClient::unauthorized--> sign-in, username filled in,
 *            "Your session has ended"; the pages keep their input
 *
 * When a session ends under the user, the window remembers the page they
 * were on and who they were. If the same user (by id) signs in again, they
 * go back to that page with their input as they left it (and a form whose
 * submission was cut short says so). Anyone else starts from their first page with
 * every page cleared, so one person's unsaved input never reaches another.
 *
 * Back (win.go-back, Alt+Left, each page's back button) returns to the page
 * the shown one was opened from (win.open-page: a caseload from Team
 * Workload, a case from a list), and from a place (win.show-page: home,
 * the menu) to home. Going back shows the page as it was left: it is not
 * opened again.
 *
 * Actions: win.show-page(s), win.open-page(s), win.go-back, win.sign-out, win.show-menu (F10:
 * the shown page's menu), win.show-help (F1: the user guide for the
 * signed-in role, SccHelpWindow), and for pages
 * win.show-toast(a{sv}) (title, and optionally button-label, page and
 * action: the page's action the button activates, through
 * win.page-action((ss))). Toasts belong to the session that raised them.
 *
 * The keyboard: every page puts the focus somewhere when shown (also after
 * Back, which the leaflet does by itself), and closing a menu gives the
 * focus back to the field it came from, not to the menu button, so Tab
 * and typing carry on where the user was.
 *
 * The server address is read from GSettings once, when the window opens,
 * and written back whenever the user starts a connection to a usable
 * address. The token is never stored (scc-api-client.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-help-window.h"
#include "scc-pages.h"
#include "scc-places.h"
#include "scc-window.h"

#define SIGN_IN_PAGE "sign-in"
#define HOME_PAGE    "home"

/* The pages, in the leaflet's order (which only sets the direction the
 * leaflet slides in). */
static GType (* const page_types[]) (void) = {
  scc_sign_in_page_get_type,
  scc_home_page_get_type,
  scc_people_page_get_type,
  scc_account_page_get_type,
  scc_users_page_get_type,
  scc_audit_page_get_type,
  scc_workload_page_get_type,
  scc_plan_page_get_type,
  scc_caseload_page_get_type,
  scc_deadlines_page_get_type,
  scc_advice_page_get_type,
  scc_reviews_page_get_type,
  scc_consultations_page_get_type,
  scc_consultation_figures_page_get_type,
  scc_phase_transfers_page_get_type,
  scc_institutions_page_get_type,
  scc_funding_bands_page_get_type,
  scc_complaints_page_get_type,
  scc_appeals_page_get_type,
  scc_mediations_page_get_type,
  scc_disputes_page_get_type,
  scc_dispute_page_get_type,
  scc_case_disputes_page_get_type,
  scc_case_page_get_type,
  scc_case_reviews_page_get_type,
  scc_case_proceedings_page_get_type,
  scc_case_consultations_page_get_type,
};

struct _SccWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned */
  SccApiClient         *api_client;
  SccConnectionVm      *connection;
  GSettings            *settings;
  GPtrArray            *pages;           /* SccPage or NULL (not built yet), in page_types order */
  GPtrArray            *toasts;          /* AdwToast shown or queued, until dismissed */
  GHashTable           *back_to;         /* page name -> the page it was opened from (interned) */
  char                 *resume_page;     /* where an ended session left the user, or NULL */
  gint64                resume_user_id;  /* whose it was */
  guint                 signed_in_source;
  GWeakRef              content_focus;   /* the last focus outside menus */
  GWeakRef              help_window;     /* SccHelpWindow, while open */

  guint                 focus_in_popover : 1;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
};

enum {
  PROP_0,
  PROP_API_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void scc_window_page_host_init (SccPageHostInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SccWindow, scc_window, ADW_TYPE_APPLICATION_WINDOW,
                               G_IMPLEMENT_INTERFACE (SCC_TYPE_PAGE_HOST, scc_window_page_host_init))

static void show_page (SccWindow  *self,
                       const char *name,
                       gboolean    open,
                       const char *back_to);

/* Every page built so far: one not built yet has no state to keep or clear. */
#define FOR_EACH_PAGE(self, page) \
  for (guint _i = 0; _i < (self)->pages->len; _i++) \
    if (((page) = g_ptr_array_index ((self)->pages, _i)) != NULL)

static void
update_actions (SccWindow *self)
{
  gboolean signed_in = scc_api_client_get_signed_in (self->api_client);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "sign-out");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), signed_in);
}

static void
set_user (SccWindow *self,
          ScUser    *user)
{
  SccPage *page;

  FOR_EACH_PAGE (self, page)
    scc_page_set_user (page, user);
}

static void
clear_pages (SccWindow *self)
{
  SccPage *page;

  FOR_EACH_PAGE (self, page)
    scc_page_clear (page);
  g_hash_table_remove_all (self->back_to);
}

/* Toasts belong to the session that raised them: a new session, or none,
 * starts without the old one's news. */
static void
dismiss_toasts (SccWindow *self)
{
  g_autoptr(GPtrArray) toasts = NULL;

  g_assert (SCC_IS_WINDOW (self));

  toasts = g_steal_pointer (&self->toasts);
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < toasts->len; i++)
    adw_toast_dismiss (g_ptr_array_index (toasts, i));
}

static void
on_toast_dismissed_cb (SccWindow *self,
                       AdwToast  *toast)
{
  g_assert (SCC_IS_WINDOW (self));

  /* NULL once the window is disposed, which dismisses what it shows. */
  if (self->toasts != NULL)
    g_ptr_array_remove (self->toasts, toast);
}

static void
add_toast (SccWindow *self,
           AdwToast  *toast)
{
  g_assert (SCC_IS_WINDOW (self));

  g_ptr_array_add (self->toasts, g_object_ref (toast));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_connection_state_cb (SccWindow       *self,
                        GParamSpec      *pspec,
                        SccConnectionVm *connection)
{
  g_assert (SCC_IS_WINDOW (self));

  if (scc_connection_vm_get_state (connection) == SCC_CONNECTION_STATE_CONNECTING)
    g_settings_set_string (self->settings, "server-url", scc_connection_vm_get_target_url (connection));
}

static void
on_visible_child_cb (SccWindow  *self,
                     GParamSpec *pspec,
                     AdwLeaflet *leaflet)
{
  GtkWidget *child = adw_leaflet_get_visible_child (leaflet);

  g_assert (SCC_IS_WINDOW (self));

  /* Whoever changed it: the focus must not stay behind on the page that
   * went. */
  if (SCC_IS_PAGE (child))
    scc_page_shown (SCC_PAGE (child));
}

/* After the sign-in's own completion has run (the API client announces the
 * session from inside it), so clearing the pages cannot cut it short. */
static gboolean
signed_in_cb (gpointer user_data)
{
  SccWindow *self = user_data;
  ScSession *session = scc_api_client_get_session (self->api_client);
  g_autofree char *page = g_steal_pointer (&self->resume_page);
  ScUser *user;
  gboolean resuming;

  self->signed_in_source = 0;
  if (session == NULL)
    return G_SOURCE_REMOVE;

  user = sc_session_get_user (session);
  resuming = page != NULL && self->resume_user_id == sc_user_get_id (user);
  g_debug ("signed in as user %" G_GINT64_FORMAT "%s", sc_user_get_id (user), resuming ? ", resuming" : "");

  if (!resuming)
    {
      clear_pages (self);
      g_clear_pointer (&page, g_free);
      page = g_strdup (scc_places_first_page (sc_user_get_role (user)));
    }
  self->resume_user_id = 0;

  dismiss_toasts (self);
  set_user (self, user);
  update_actions (self);
  /* Back where they were, as they left it, Back still going where it went. */
  show_page (self, page, !resuming, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_session_cb (SccWindow    *self,
               GParamSpec   *pspec,
               SccApiClient *api_client)
{
  g_assert (SCC_IS_WINDOW (self));

  update_actions (self);
  if (scc_api_client_get_session (api_client) != NULL && self->signed_in_source == 0)
    self->signed_in_source = g_idle_add (signed_in_cb, self);
}

static void
on_unauthorized_cb (SccWindow    *self,
                    ScSession    *ended,
                    SccApiClient *api_client)
{
  const char *visible = scc_window_get_visible_page (self);
  ScUser *user = ended != NULL ? sc_session_get_user (ended) : NULL;
  SccPage *page;

  g_assert (SCC_IS_WINDOW (self));

  g_debug ("the session has ended; back to sign-in from %s", visible);

  update_actions (self);
  if (g_strcmp0 (visible, SIGN_IN_PAGE) == 0)
    return;

  g_free (self->resume_page);
  self->resume_page = g_strdup (visible);
  self->resume_user_id = user != NULL ? sc_user_get_id (user) : 0;

  dismiss_toasts (self);
  FOR_EACH_PAGE (self, page)
    scc_page_session_ended (page, user);
  scc_window_show_page (self, SIGN_IN_PAGE);
}

/* Closing a menu hands the focus to its button; give it back to the field
 * the user was in, so that Tab and typing go on from there (and a password
 * is never typed into the field after the menu button). */
static void
on_focus_widget_cb (SccWindow  *self,
                    GParamSpec *pspec,
                    GtkWindow  *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean in_popover;
  gboolean on_menu_button;

  g_assert (SCC_IS_WINDOW (self));

  in_popover = focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL;

  /* (A menu's popover is a child of its button: inside it is not "on" it.) */
  on_menu_button = focus != NULL && !in_popover &&
                   (GTK_IS_MENU_BUTTON (focus) || gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON) != NULL);

  if (on_menu_button && self->focus_in_popover)
    {
      g_autoptr(GtkWidget) previous = g_weak_ref_get (&self->content_focus);
      GtkWidget *page = adw_leaflet_get_visible_child (self->leaflet);

      self->focus_in_popover = FALSE;
      if (previous != NULL && gtk_widget_get_mapped (previous) && gtk_widget_is_ancestor (previous, page))
        gtk_widget_grab_focus (previous);
      return;
    }

  self->focus_in_popover = in_popover;
  if (focus != NULL && !in_popover && !on_menu_button)
    g_weak_ref_set (&self->content_focus, focus);
}

static void
sign_out_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Signed out here either way; an unreachable server lets the session
   * idle out, so this is not worth a word to the user. */
  if (!scc_api_client_sign_out_finish (SCC_API_CLIENT (object), result, &error))
    g_debug ("could not tell the server about the sign-out: %s", error->message);
}

static void
win_sign_out_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SccWindow *self = user_data;

  g_assert (SCC_IS_WINDOW (self));

  if (!scc_api_client_get_signed_in (self->api_client))
    return;

  scc_api_client_sign_out_async (self->api_client, NULL, sign_out_cb, NULL);

  g_clear_handle_id (&self->signed_in_source, g_source_remove);
  g_clear_pointer (&self->resume_page, g_free);
  self->resume_user_id = 0;
  clear_pages (self);
  set_user (self, NULL);
  update_actions (self);
  dismiss_toasts (self);
  scc_window_show_page (self, SIGN_IN_PAGE);
  add_toast (self, adw_toast_new (_("Signed out")));
}

static void
win_show_page_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SccWindow *self = user_data;

  g_assert (SCC_IS_WINDOW (self));

  scc_window_show_page (self, g_variant_get_string (parameter, NULL));
}

static void
win_go_back_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SccWindow *self = user_data;

  g_assert (SCC_IS_WINDOW (self));

  scc_window_go_back (self);
}

static void
win_open_page_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SccWindow *self = user_data;

  g_assert (SCC_IS_WINDOW (self));

  scc_window_open_page (self, g_variant_get_string (parameter, NULL));
}

static void
win_show_help_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SccWindow *self = user_data;
  ScSession *session = scc_api_client_get_session (self->api_client);
  g_autoptr(SccHelpWindow) open = g_weak_ref_get (&self->help_window);
  SccHelpWindow *help;

  g_assert (SCC_IS_WINDOW (self));

  /* One help window at a time; a new one if the reader changed. */
  if (open != NULL)
    gtk_window_destroy (GTK_WINDOW (open));
  help = scc_help_window_new (GTK_WINDOW (self), session != NULL ? sc_session_get_user (session) : NULL);
  g_weak_ref_set (&self->help_window, help);
  gtk_window_present (GTK_WINDOW (help));
}

static void
win_show_menu_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SccWindow *self = user_data;
  GtkWidget *page = adw_leaflet_get_visible_child (self->leaflet);

  g_assert (SCC_IS_WINDOW (self));

  if (SCC_IS_PAGE (page))
    scc_page_popup_menu (SCC_PAGE (page));
}

static void
win_show_toast_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SccWindow *self = user_data;
  AdwToast *toast;
  GVariantDict dict;
  const char *title = NULL;
  const char *button_label = NULL;
  const char *page = NULL;
  const char *page_action = NULL;

  g_assert (SCC_IS_WINDOW (self));

  g_variant_dict_init (&dict, parameter);
  if (!g_variant_dict_lookup (&dict, "title", "&s", &title))
    {
      g_critical ("win.show-toast needs a title");
      g_variant_dict_clear (&dict);
      return;
    }

  toast = adw_toast_new (title);
  if (g_variant_dict_lookup (&dict, "button-label", "&s", &button_label) &&
      g_variant_dict_lookup (&dict, "page", "&s", &page) &&
      g_variant_dict_lookup (&dict, "action", "&s", &page_action))
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, "win.page-action");
      adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", page, page_action));
      /* Time to read it and reach the button. */
      adw_toast_set_timeout (toast, 10);
    }
  g_variant_dict_clear (&dict);

  add_toast (self, toast);
}

static void
win_page_action_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  SccWindow *self = user_data;
  const char *name = NULL;
  const char *page_action = NULL;
  SccPage *page;

  g_assert (SCC_IS_WINDOW (self));

  g_variant_get (parameter, "(&s&s)", &name, &page_action);
  if ((page = scc_window_get_page (self, name)))
    gtk_widget_activate_action (GTK_WIDGET (page), page_action, NULL);
}

static const GActionEntry win_actions[] = {
  { "sign-out", win_sign_out_action },
  { "show-page", win_show_page_action, "s" },
  { "open-page", win_open_page_action, "s" },
  { "go-back", win_go_back_action },
  { "show-help", win_show_help_action },
  { "show-menu", win_show_menu_action },
  { "show-toast", win_show_toast_action, "a{sv}" },
  { "page-action", win_page_action_action, "(ss)" },
};

/* The page of page_types[@i], built the first time it is wanted: a window
 * starts sooner with one page than with all of them, and most sessions
 * visit few. A page built while someone is signed in is theirs at once. */
static SccPage *
ensure_page (SccWindow *self,
             guint      i)
{
  SccPage *page = g_ptr_array_index (self->pages, i);
  ScSession *session = scc_api_client_get_session (self->api_client);
  GtkWidget *before = NULL;
  AdwLeafletPage *leaflet_page;

  if (page != NULL)
    return page;

  page = g_object_new (page_types[i] (), "api-client", self->api_client, "connection", self->connection, NULL);
  /* in page_types order among those built */
  for (guint j = i; j > 0 && before == NULL; j--)
    before = g_ptr_array_index (self->pages, j - 1);
  leaflet_page = adw_leaflet_insert_child_after (self->leaflet, GTK_WIDGET (page), before);
  adw_leaflet_page_set_name (leaflet_page, scc_page_get_page_name (page));
  g_ptr_array_index (self->pages, i) = page;
  if (session != NULL)
    scc_page_set_user (page, sc_session_get_user (session));
  return page;
}

static void
scc_window_constructed (GObject *object)
{
  SccWindow *self = (SccWindow *)object;

  G_OBJECT_CLASS (scc_window_parent_class)->constructed (object);

  g_assert (SCC_IS_API_CLIENT (self->api_client));

  self->connection = scc_connection_vm_new (self->api_client);
  g_settings_bind (self->settings, "server-url", self->connection, "server-url",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_signal_connect_object (self->connection, "notify::state",
                           G_CALLBACK (on_connection_state_cb), self, G_CONNECT_SWAPPED);

  /* Only the first page now (sign-in, and visible); each of the others
   * when it is first wanted (scc_window_get_page). */
  g_ptr_array_set_size (self->pages, G_N_ELEMENTS (page_types));
  ensure_page (self, 0);
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (on_visible_child_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->api_client, "unauthorized",
                           G_CALLBACK (on_unauthorized_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->api_client, "notify::session",
                           G_CALLBACK (on_session_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (on_focus_widget_cb), NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  update_actions (self);
}

static void
scc_window_dispose (GObject *object)
{
  SccWindow *self = (SccWindow *)object;

  if (self->api_client != NULL)
    g_signal_handlers_disconnect_by_data (self->api_client, self);
  g_clear_handle_id (&self->signed_in_source, g_source_remove);
  if (self->connection != NULL)
    scc_connection_vm_cancel (self->connection);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_WINDOW);

  g_clear_object (&self->connection);
  g_clear_object (&self->settings);
  g_clear_object (&self->api_client);
  g_clear_pointer (&self->toasts, g_ptr_array_unref);
  g_clear_pointer (&self->back_to, g_hash_table_unref);
  g_clear_pointer (&self->resume_page, g_free);
  g_weak_ref_set (&self->content_focus, NULL);
  g_weak_ref_set (&self->help_window, NULL);

  G_OBJECT_CLASS (scc_window_parent_class)->dispose (object);
}

static void
scc_window_finalize (GObject *object)
{
  SccWindow *self = (SccWindow *)object;

  g_weak_ref_clear (&self->content_focus);
  g_weak_ref_clear (&self->help_window);

  G_OBJECT_CLASS (scc_window_parent_class)->finalize (object);
}

static void
scc_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SccWindow *self = SCC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_API_CLIENT:
      g_value_set_object (value, self->api_client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SccWindow *self = SCC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_API_CLIENT:
      self->api_client = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_window_class_init (SccWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = scc_window_constructed;
  object_class->dispose = scc_window_dispose;
  object_class->finalize = scc_window_finalize;
  object_class->get_property = scc_window_get_property;
  object_class->set_property = scc_window_set_property;

  /**
   * SccWindow:api-client:
   *
   * The application's API client, shared by every page of the window.
   */
  properties[PROP_API_CLIENT] =
    g_param_spec_object ("api-client", NULL, NULL,
                         SCC_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SccWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SccWindow, leaflet);
}

static void
scc_window_init (SccWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_weak_ref_init (&self->content_focus, NULL);
  g_weak_ref_init (&self->help_window, NULL);
  self->pages = g_ptr_array_new ();
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->back_to = g_hash_table_new (g_str_hash, g_str_equal);
  self->settings = g_settings_new (SC_APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

SccWindow *
scc_window_new (SccApplication *application)
{
  g_return_val_if_fail (SCC_IS_APPLICATION (application), NULL);

  return g_object_new (SCC_TYPE_WINDOW,
                       "application", application,
                       "api-client", scc_application_get_api_client (application),
                       NULL);
}

/**
 * scc_window_get_connection:
 *
 * Returns: (transfer none): the window's view of the server
 */
SccConnectionVm *
scc_window_get_connection (SccWindow *self)
{
  g_return_val_if_fail (SCC_IS_WINDOW (self), NULL);
  return self->connection;
}

/**
 * scc_window_get_page:
 *
 * Returns: (transfer none) (nullable): the page called @name, built
 *   now if it was not yet
 */
SccPage *
scc_window_get_page (SccWindow  *self,
                     const char *name)
{
  g_return_val_if_fail (SCC_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    {
      if (g_strcmp0 (scc_page_type_get_page_name (page_types[i] ()), name) == 0)
        return ensure_page (self, i);
    }
  return NULL;
}

static SccPage *
scc_window_page_host_get_page (SccPageHost *host,
                               const char  *name)
{
  return scc_window_get_page (SCC_WINDOW (host), name);
}

static void
scc_window_page_host_init (SccPageHostInterface *iface)
{
  iface->get_page = scc_window_page_host_get_page;
}

/**
 * scc_window_connect_to:
 * @server_url: (nullable): an address, e.g. from the command line, or
 *   %NULL for the one remembered in GSettings
 *
 * Checks the server (health and version) so the sign-in page can say at
 * once whether it answers: the application calls it when it opens the
 * window. A bad address is reported beside the field as if typed. Ignored
 * while signed in: the server of a session is not changed under it.
 */
void
scc_window_connect_to (SccWindow  *self,
                       const char *server_url)
{
  g_return_if_fail (SCC_IS_WINDOW (self));

  if (scc_api_client_get_signed_in (self->api_client))
    return;

  scc_window_show_page (self, SIGN_IN_PAGE);
  if (server_url != NULL)
    scc_connection_vm_set_server_url (self->connection, server_url);
  scc_connection_vm_connect (self->connection);
}

/* Shows @name; @open: as a new visit (the page is opened: a place's or an
 * opener's), else as it was left (Back). @back_to: (nullable): where Back
 * goes from it; an open with none is a place's, and Back goes home. */
static void
show_page (SccWindow  *self,
           const char *name,
           gboolean    open,
           const char *back_to)
{
  SccPage *page = scc_window_get_page (self, name);

  if (page == NULL)
    {
      g_critical ("the window has no page called \"%s\"", name);
      return;
    }
  if (scc_page_get_needs_session (page) && !scc_api_client_get_signed_in (self->api_client))
    return;

  if (open)
    {
      if (back_to != NULL && !g_str_equal (back_to, name))
        g_hash_table_insert (self->back_to, (gpointer) g_intern_string (name), (gpointer) back_to);
      else if (back_to == NULL)
        g_hash_table_remove (self->back_to, name);
      scc_page_opened (page);
    }
  if (adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (page))
    scc_page_shown (page);
  else
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (page));
}

/**
 * scc_window_show_page:
 * @name: the page's name
 *
 * Shows the page and puts the keyboard focus where its user goes next. A
 * page that needs a session is not shown without one.
 */
void
scc_window_show_page (SccWindow  *self,
                      const char *name)
{
  g_return_if_fail (SCC_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  show_page (self, name, TRUE, NULL);
}

/**
 * scc_window_open_page:
 * @name: the page to open from the one shown
 *
 * Shows @name as scc_window_show_page() does; Back on it returns to the
 * page shown now.
 */
void
scc_window_open_page (SccWindow  *self,
                      const char *name)
{
  g_return_if_fail (SCC_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  show_page (self, name, TRUE, g_intern_string (scc_window_get_visible_page (self)));
}

/**
 * scc_window_go_back:
 *
 * Shows the page the shown one was opened from, as it was left, or home
 * from a place; nothing from home or sign-in.
 */
void
scc_window_go_back (SccWindow *self)
{
  const char *visible;
  const char *target;

  g_return_if_fail (SCC_IS_WINDOW (self));

  visible = scc_window_get_visible_page (self);
  if (visible == NULL || g_str_equal (visible, SIGN_IN_PAGE) || g_str_equal (visible, HOME_PAGE))
    return;
  target = g_hash_table_lookup (self->back_to, visible);
  show_page (self, target != NULL ? target : HOME_PAGE, FALSE, NULL);
}

/**
 * scc_window_get_visible_page:
 *
 * Returns: the name of the page shown
 */
const char *
scc_window_get_visible_page (SccWindow *self)
{
  g_return_val_if_fail (SCC_IS_WINDOW (self), NULL);
  return adw_leaflet_get_visible_child_name (self->leaflet);
}

/**
 * scc_window_dup_toast_titles:
 *
 * For tests: what the toasts shown or waiting to be shown say.
 *
 * Returns: (transfer full): their titles, oldest first
 */
char **
scc_window_dup_toast_titles (SccWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SCC_IS_WINDOW (self), NULL);

  for (guint i = 0; i < self->toasts->len; i++)
    g_strv_builder_add (builder, adw_toast_get_title (g_ptr_array_index (self->toasts, i)));
  return g_strv_builder_end (builder);
}

/**
 * scc_window_dismiss_toasts:
 *
 * Dismisses every toast, shown or waiting.
 */
void
scc_window_dismiss_toasts (SccWindow *self)
{
  g_return_if_fail (SCC_IS_WINDOW (self));

  dismiss_toasts (self);
}
