/* test-keyboard.c
 *
 * The client by keyboard only, in the real window under Xvfb, with real key
 * presses (XTEST, through xdotool) against the real sendcased: after each
 * step the test asks GTK where the focus is (gtk_root_get_focus).
 *
 *  - sign-in: the username has the focus; Tab goes to the password's text,
 *    not to its show-text button, then to Sign In; the main menu (F10)
 *    closed with Escape gives the focus back to the password, so what is
 *    typed next lands there, hidden, and not in the server address;
 *  - Enter signs in; home puts the focus on its one action;
 *  - the user menu (F10) opens Account by keyboard; Tab in the password
 *    form skips the show-text buttons;
 *  - Back (Alt+Left) leaves the focus on home;
 *  - Alt+W on home opens Team Workload with the focus in its list;
 *    Ctrl+Shift+H opens Hand Over Caseload on the selected person with the
 *    focus on the new owner, Escape closes it without moving anything, and
 *    Back is home again with the focus on its action; from there Tab, the
 *    shortcuts window (Ctrl+?), the menu (F10), help (F1) and sign-out
 *    (Ctrl+Shift+Q) all work without a click.
 *
 * Animations are off so that each key meets a settled window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-daemon.h"

#include "scc-client-test.h"
#include "scc-handover-dialog.h"
#include "scc-help-window.h"
#include "scc-window-test.h"

static ScTestDaemon *daemon_;
static char *data_dir;

#define window scc_test_window

#define assert_focus_in(widget) \
  G_STMT_START { \
    if (!scc_test_has_focus (widget)) \
      g_error ("the focus is on %s, not in %s", scc_test_describe_focus (), G_OBJECT_TYPE_NAME (widget)); \
  } G_STMT_END

static gboolean
focus_in_popover (void)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;  /* GTK holds it */
    }
  return NULL;
}

static void
test_sign_in (void)
{
  GtkWidget *username_row = scc_test_child ("sign-in", "username_row");
  GtkWidget *password_row = scc_test_child ("sign-in", "password_row");
  SccFormVm *form = scc_test_form ("sign-in");
  GtkWidget *focus;

  scc_window_test_focus ();
  assert_focus_in (username_row);
  scc_test_type_text ("manager");
  g_assert_cmpstr (scc_form_vm_get_value (form, "username"), ==, "manager");

  /* Tab: into the password's text itself. */
  scc_test_press_keys ("Tab", NULL);
  assert_focus_in (password_row);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT (focus));

  /* Tab again: Sign In, not the show-text button; and back. */
  scc_test_press_keys ("Tab", NULL);
  assert_focus_in (scc_test_child ("sign-in", "sign_in_button"));
  scc_test_press_keys ("shift+Tab", NULL);
  assert_focus_in (password_row);

  /* The main menu, opened and closed: the focus comes back here. */
  scc_test_press_keys ("F10", NULL);
  g_assert_true (focus_in_popover ());
  scc_test_press_keys ("Escape", NULL);
  assert_focus_in (password_row);

  /* So the password goes where it belongs, hidden. */
  scc_test_type_text (SC_TEST_DEMO_PASSWORD);
  g_assert_cmpstr (scc_form_vm_get_value (form, "password"), ==, SC_TEST_DEMO_PASSWORD);
  g_assert_cmpstr (scc_form_vm_get_value (form, "server_url"), ==, sc_test_daemon_get_base_url (daemon_));

  /* Enter signs in; home has the focus on its action. */
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_page ("home");
  assert_focus_in (scc_test_child ("home", "account_row"));
}

static void
test_account_and_back (void)
{
  /* The user menu by keyboard: its first item is Account. */
  scc_test_press_keys ("F10", NULL);
  g_assert_true (focus_in_popover ());
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_page ("account");
  assert_focus_in (scc_test_child ("account", "current_row"));

  /* Tab goes from field to field, never to a show-text button. */
  scc_test_press_keys ("Tab", NULL);
  assert_focus_in (scc_test_child ("account", "new_row"));
  scc_test_press_keys ("Tab", NULL);
  assert_focus_in (scc_test_child ("account", "repeat_row"));
  scc_test_press_keys ("Tab", NULL);
  assert_focus_in (scc_test_child ("account", "change_button"));

  /* Back, by keyboard: the focus is on home, not left behind. */
  scc_test_press_keys ("alt+Left", NULL);
  scc_test_wait_page ("home");
  assert_focus_in (scc_test_child ("home", "account_row"));
}

static gboolean
list_settled (gpointer user_data)
{
  return scc_list_vm_get_loaded (SCC_LIST_VM (user_data)) && !scc_list_vm_get_loading (SCC_LIST_VM (user_data));
}

static gboolean
owners_listed (gpointer user_data)
{
  return !scc_handover_vm_get_loading (SCC_HANDOVER_VM (user_data));
}

static void
test_team_workload (void)
{
  SccWorkloadPage *page = SCC_WORKLOAD_PAGE (scc_test_page ("workload"));
  GtkWidget *list = GTK_WIDGET (scc_list_page_get_view (SCC_LIST_PAGE (page)));
  GtkWindow *dialog;
  GtkWidget *owner_row;

  scc_test_press_keys ("alt+w", NULL);
  scc_test_wait_page ("workload");
  scc_test_wait_until (list_settled, scc_workload_page_get_view_model (page), 30);
  scc_test_run_for (200);
  assert_focus_in (list);
  g_assert_nonnull (scc_workload_page_get_selected (page));

  scc_test_press_keys ("ctrl+shift+h", NULL);
  dialog = find_toplevel (SCC_TYPE_HANDOVER_DIALOG);
  g_assert_nonnull (dialog);
  scc_test_wait_until (owners_listed, scc_handover_dialog_get_form (SCC_HANDOVER_DIALOG (dialog)), 30);
  scc_test_focus_window (dialog);
  scc_test_run_for (100);
  owner_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), SCC_TYPE_HANDOVER_DIALOG, "owner_row"));
  g_assert_true (gtk_window_get_focus (dialog) == owner_row);

  /* Escape: closed, nothing sent. */
  scc_test_press_keys ("Escape", NULL);
  scc_test_run_for (100);
  g_assert_null (find_toplevel (SCC_TYPE_HANDOVER_DIALOG));
  scc_window_test_focus ();
  assert_focus_in (list);

  scc_test_press_keys ("alt+Left", NULL);
  scc_test_wait_page ("home");
  assert_focus_in (scc_test_child ("home", "account_row"));
}

static void
test_keys_after_back (void)
{
  GtkWidget *before;
  GtkWindow *shortcuts;
  GtkWindow *help;

  /* Tab moves on. */
  before = gtk_root_get_focus (GTK_ROOT (window));
  scc_test_press_keys ("Tab", NULL);
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (window)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) != before);
  scc_test_press_keys ("shift+Tab", NULL);
  assert_focus_in (scc_test_child ("home", "account_row"));

  /* Ctrl+? shows the shortcuts; Escape closes them. */
  scc_test_press_keys ("ctrl+question", NULL);
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  scc_test_press_keys ("Escape", NULL);
  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  /* The window manager would give the main window the keyboard back. */
  scc_window_test_focus ();

  /* F10 opens the menu; Escape closes it, back where the focus was. */
  scc_test_press_keys ("F10", NULL);
  g_assert_true (focus_in_popover ());
  scc_test_press_keys ("Escape", NULL);
  assert_focus_in (scc_test_child ("home", "account_row"));

  /* F1: the guide, with the team manager's own section. */
  scc_test_press_keys ("F1", NULL);
  help = find_toplevel (SCC_TYPE_HELP_WINDOW);
  g_assert_nonnull (help);
  {
    g_auto(GStrv) headings = scc_help_window_dup_headings (SCC_HELP_WINDOW (help));

    g_assert_true (g_strv_contains ((const char * const *) headings, "A team manager's day"));
    g_assert_false (g_strv_contains ((const char * const *) headings, "A caseworker's day"));
  }
  scc_test_save_screenshot (GTK_WIDGET (help), "help.png");
  scc_test_press_keys ("Escape", NULL);
  g_assert_null (find_toplevel (SCC_TYPE_HELP_WINDOW));
  scc_window_test_focus ();
  assert_focus_in (scc_test_child ("home", "account_row"));

  /* Ctrl+Shift+Q signs out, to an empty form with the focus in it. */
  scc_test_press_keys ("ctrl+shift+q", NULL);
  g_assert_cmpstr (scc_window_get_visible_page (window), ==, "sign-in");
  g_assert_false (scc_api_client_get_signed_in (scc_application_get_api_client (scc_test_app)));
  assert_focus_in (scc_test_child ("sign-in", "username_row"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* In this order: each starts where the one before left the window. */
  g_test_add_func ("/client/keyboard/sign-in", test_sign_in);
  g_test_add_func ("/client/keyboard/account-and-back", test_account_and_back);
  g_test_add_func ("/client/keyboard/team-workload", test_team_workload);
  g_test_add_func ("/client/keyboard/keys-after-back", test_keys_after_back);

  return scc_test_run_with_daemon ("scc-keys-XXXXXX", (const char *[]) { "--demo-data", NULL }, scc_window_test_start,
                                   scc_window_test_stop, &daemon_, &data_dir);
}
