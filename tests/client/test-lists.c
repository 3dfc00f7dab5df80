/* test-lists.c
 *
 * The Users and Audit Trail pages in the real window, against the real
 * sendcased and its demo users. As the system administrator: the home
 * page and the menu offer both pages; the users are listed; a user is made
 * by keyboard in New User (Ctrl+N, typing, Tab, Enter), a short password
 * coming back beside its field first; the user is opened from the list
 * and changed; a change someone else made meanwhile (412) is read back
 * into the form; and the audit trail lists what was just done, newest
 * first. As the team manager: My Caseload, People and the audit trail are offered. Saves
 * users.png, user-edit.png and audit.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-daemon.h"

#include "scc-client-test.h"
#include "scc-user-dialog.h"
#include "scc-window-test.h"

static ScTestDaemon *daemon_;

#define window scc_test_window

static gboolean
list_settled (gpointer user_data)
{
  return scc_list_vm_get_loaded (SCC_LIST_VM (user_data)) && !scc_list_vm_get_loading (SCC_LIST_VM (user_data));
}

static gboolean
form_settled (gpointer user_data)
{
  return !scc_form_vm_get_busy (SCC_FORM_VM (user_data));
}

static SccListVm *
page_list (const char *name)
{
  return scc_list_page_get_list (SCC_LIST_PAGE (scc_test_page (name)));
}

static void
wait_list (const char *name)
{
  scc_test_wait_until (list_settled, page_list (name), 30);
  /* Let the rows be drawn. */
  scc_test_run_for (200);
}

/* The position in the page's sorted rows of the user called @username. */
static guint
find_user_row (const char *username)
{
  GListModel *rows = scc_list_view_get_model (scc_list_page_get_view (SCC_LIST_PAGE (scc_test_page ("users"))));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(ScUser) user = g_list_model_get_item (rows, i);

      if (g_str_equal (sc_user_get_username (user), username))
        return i;
    }
  return G_MAXUINT;
}

static gboolean
dialog_open (gpointer user_data)
{
  return scc_page_get_dialog (scc_test_page ("users")) != NULL;
}

static SccUserDialog *
wait_dialog (void)
{
  scc_test_wait_until (dialog_open, NULL, 10);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (scc_page_get_dialog (scc_test_page ("users"))));
  return SCC_USER_DIALOG (scc_page_get_dialog (scc_test_page ("users")));
}

static GtkWidget *
dialog_child (SccUserDialog *dialog,
              const char    *id)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), SCC_TYPE_USER_DIALOG, id));
}

static void
test_admin_home (void)
{
  g_auto(GStrv) places = NULL;

  scc_test_sign_in_as ("sysadmin", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("home");
  places = scc_home_page_dup_place_titles (SCC_HOME_PAGE (scc_test_page ("home")));
  g_assert_cmpuint (g_strv_length (places), ==, 2);
  g_assert_cmpstr (places[0], ==, "_Users");
  g_assert_cmpstr (places[1], ==, "Audit _Trail");
}

static void
test_users_listed (void)
{
  SccListVm *list;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "users"));
  scc_test_wait_page ("users");
  wait_list ("users");
  list = page_list ("users");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, 4);
  g_assert_cmpuint (find_user_row ("caseworker"), !=, G_MAXUINT);

  /* The keyboard starts in the list. */
  g_assert_true (scc_test_has_focus (GTK_WIDGET (scc_list_page_get_view (SCC_LIST_PAGE (scc_test_page ("users"))))));

  /* A filter reloads: only team managers. */
  scc_user_list_vm_set_role (SCC_USER_LIST_VM (list), "team_manager");
  wait_list ("users");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  scc_user_list_vm_set_role (SCC_USER_LIST_VM (list), NULL);
  wait_list ("users");

  scc_test_save_screenshot (GTK_WIDGET (window), "users.png");
}

static void
test_new_user_by_keyboard (void)
{
  SccUserDialog *dialog;
  SccFormVm *form;

  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+n", NULL);
  dialog = wait_dialog ();
  form = scc_user_dialog_get_form (dialog);
  g_assert_true (SCC_IS_NEW_USER_VM (form));
  scc_test_focus_window (GTK_WINDOW (dialog));

  scc_test_type_text ("new.person");
  scc_test_press_keys ("Tab", NULL);
  scc_test_type_text ("New Person");
  /* Past the role (Caseworker, the default) to the password. */
  scc_test_press_keys ("Tab", "Tab", NULL);
  scc_test_type_text ("short");
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (form_settled, form, 30);

  g_assert_cmpstr (scc_form_vm_get_value (form, "username"), ==, "new.person");
  g_assert_cmpstr (scc_form_vm_get_value (form, "full_name"), ==, "New Person");
  g_assert_cmpstr (scc_form_vm_get_value (form, "role"), ==, "caseworker");
  /* The server's word, beside the field of its name; the keyboard there. */
  g_assert_nonnull (scc_form_vm_get_field_error (form, "password"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (scc_field_row_get_error_label (SCC_FIELD_ROW (dialog_child (dialog, "password_row"))))));
  g_assert_true (gtk_widget_has_focus (gtk_root_get_focus (GTK_ROOT (dialog))));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), dialog_child (dialog, "password_row")));
  scc_test_save_screenshot (GTK_WIDGET (dialog), "user-new-error.png");

  /* The secret is all selected: typing replaces it. */
  scc_test_type_text ("a long enough passphrase");
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (form_settled, form, 30);
  g_assert_null (scc_form_vm_get_field_error (form, "password"));
  g_assert_cmpstr (scc_form_vm_get_notice (form), ==, "new.person has been created.");
  g_assert_nonnull (scc_new_user_vm_get_created (SCC_NEW_USER_VM (form)));

  /* Escape closes it; the list has the new user. */
  scc_test_press_keys ("Escape", NULL);
  scc_test_run_for (200);
  g_assert_null (scc_page_get_dialog (scc_test_page ("users")));
  scc_window_test_focus ();
  wait_list ("users");
  g_assert_cmpuint (find_user_row ("new.person"), !=, G_MAXUINT);
}

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static gboolean
result_ready (gpointer user_data)
{
  return *(GAsyncResult **)user_data != NULL;
}

static void
test_edit_user (void)
{
  SccListView *view = scc_list_page_get_view (SCC_LIST_PAGE (scc_test_page ("users")));
  GtkWidget *column_view = GTK_WIDGET (scc_list_view_get_column_view (view));
  guint position = find_user_row ("new.person");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ScUser) changed = NULL;
  g_autoptr(GError) error = NULL;
  SccUserDialog *dialog;
  SccFormVm *form;
  ScUser *user;

  /* The newest user is the last row (id order): End, then Enter opens it. */
  g_assert_cmpuint (position, ==, g_list_model_get_n_items (scc_list_view_get_model (view)) - 1);
  scc_window_test_focus ();
  gtk_widget_grab_focus (column_view);
  scc_test_press_keys ("End", "Return", NULL);
  dialog = wait_dialog ();
  form = scc_user_dialog_get_form (dialog);
  g_assert_true (SCC_IS_EDIT_USER_VM (form));
  user = scc_edit_user_vm_get_user (SCC_EDIT_USER_VM (form));
  g_assert_cmpstr (sc_user_get_username (user), ==, "new.person");
  g_assert_cmpstr (scc_form_vm_get_value (form, "full_name"), ==, "New Person");
  g_assert_cmpstr (scc_form_vm_get_value (form, "active"), ==, "true");

  /* Saved as it is: nothing is sent. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  scc_test_wait_until (form_settled, form, 30);
  g_assert_cmpstr (scc_form_vm_get_notice (form), ==, "Nothing has changed.");

  scc_form_vm_set_value (form, "full_name", "Newly Renamed");
  scc_form_vm_set_value (form, "role", "admin_officer");
  scc_test_run_for (200);
  scc_test_save_screenshot (GTK_WIDGET (dialog), "user-edit.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  scc_test_wait_until (form_settled, form, 30);
  g_assert_cmpstr (scc_form_vm_get_notice (form), ==, "The changes have been saved.");
  user = scc_edit_user_vm_get_user (SCC_EDIT_USER_VM (form));
  g_assert_cmpstr (sc_user_get_full_name (user), ==, "Newly Renamed");
  g_assert_cmpstr (sc_user_get_role_name (user), ==, "admin_officer");

  /* Someone else deactivates the user meanwhile (from the same version). */
  scc_api_client_update_user_async (scc_page_get_api_client (scc_test_page ("users")), user, NULL, NULL,
                                    &(gboolean) { FALSE }, NULL, updated_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  changed = scc_api_client_update_user_finish (scc_page_get_api_client (scc_test_page ("users")), result, &error);
  g_assert_no_error (error);

  /* This form's change is refused (412) and their version read back. */
  scc_form_vm_set_value (form, "full_name", "Renamed Again");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  scc_test_wait_until (form_settled, form, 30);
  scc_test_run_for (500);
  g_assert_nonnull (strstr (scc_form_vm_get_notice (form), "Someone else changed this user"));
  g_assert_cmpstr (scc_form_vm_get_value (form, "full_name"), ==, "Newly Renamed");
  g_assert_cmpstr (scc_form_vm_get_value (form, "active"), ==, "false");
  g_assert_cmpint (sc_user_get_version (scc_edit_user_vm_get_user (SCC_EDIT_USER_VM (form))), ==,
                   sc_user_get_version (changed));

  /* A short password is refused beside its field; a long one resets it. */
  scc_form_vm_set_value (scc_user_dialog_get_reset (dialog), "new_password", "short");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.reset", NULL));
  scc_test_wait_until (form_settled, scc_user_dialog_get_reset (dialog), 30);
  g_assert_nonnull (scc_form_vm_get_field_error (scc_user_dialog_get_reset (dialog), "new_password"));
  scc_form_vm_set_value (scc_user_dialog_get_reset (dialog), "new_password", "another long passphrase");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.reset", NULL));
  scc_test_wait_until (form_settled, scc_user_dialog_get_reset (dialog), 30);
  g_assert_null (scc_form_vm_get_field_error (scc_user_dialog_get_reset (dialog), "new_password"));
  g_assert_nonnull (scc_form_vm_get_notice (scc_user_dialog_get_reset (dialog)));

  gtk_window_close (GTK_WINDOW (dialog));
  scc_test_run_for (200);
  wait_list ("users");
}

static void
test_audit_lists_it (void)
{
  SccListVm *list;
  gboolean saw_create = FALSE;
  gboolean saw_update = FALSE;
  gboolean saw_reset = FALSE;
  gint64 last_at = G_MAXINT64;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "audit"));
  scc_test_wait_page ("audit");
  wait_list ("audit");
  list = page_list ("audit");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(ScAuditEvent) event = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *action = sc_audit_event_get_action (event);

      g_assert_cmpint (sc_audit_event_get_at (event), <=, last_at);
      last_at = sc_audit_event_get_at (event);
      if (g_strcmp0 (sc_audit_event_get_username (event), "sysadmin") != 0)
        continue;
      saw_create |= g_str_equal (action, "user.create");
      saw_update |= g_str_equal (action, "user.update");
      saw_reset |= g_str_equal (action, "user.password.reset");
    }
  g_assert_true (saw_create);
  g_assert_true (saw_update);
  g_assert_true (saw_reset);

  scc_test_save_screenshot (GTK_WIDGET (window), "audit.png");

  /* The filters: Ctrl+F goes to the first, Enter applies them. */
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+f", NULL);
  g_assert_true (scc_test_has_focus (scc_test_child ("audit", "user_entry")));
  scc_test_type_text ("nobody.at.all");
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (list_settled, list, 30);
  g_assert_true (scc_list_vm_get_empty (list));
  g_assert_cmpstr (scc_audit_list_vm_get_filter (SCC_AUDIT_LIST_VM (list), "user"), ==, "nobody.at.all");
  gtk_editable_set_text (GTK_EDITABLE (scc_test_child ("audit", "user_entry")), "");
  g_assert_true (gtk_widget_activate_action (scc_test_child ("audit", "user_entry"), "audit.filter", NULL));
  scc_test_wait_until (list_settled, list, 30);
}

static void
test_manager (void)
{
  g_auto(GStrv) places = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (window), "sign-out", NULL);
  scc_window_dismiss_toasts (window);
  scc_test_run_for (100);
  scc_test_sign_in_as ("manager", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("home");
  places = scc_home_page_dup_place_titles (SCC_HOME_PAGE (scc_test_page ("home")));
  g_assert_cmpuint (g_strv_length (places), ==, 16);
  g_assert_cmpstr (places[0], ==, "My _Caseload");
  g_assert_cmpstr (places[1], ==, "Team _Workload");
  g_assert_cmpstr (places[2], ==, "Team _Deadlines");
  g_assert_cmpstr (places[3], ==, "Ad_vice to Chase");
  g_assert_cmpstr (places[4], ==, "_Reviews Due");
  g_assert_cmpstr (places[5], ==, "C_onsultations to Chase");
  g_assert_cmpstr (places[6], ==, "P_hase Transfers");
  g_assert_cmpstr (places[7], ==, "_People");
  g_assert_cmpstr (places[8], ==, "_Schools and Colleges");
  g_assert_cmpstr (places[9], ==, "_Institutions Consulted");
  g_assert_cmpstr (places[10], ==, "_Funding Bands");
  g_assert_cmpstr (places[11], ==, "Ope_n Disputes");
  g_assert_cmpstr (places[12], ==, "Comp_laints");
  g_assert_cmpstr (places[13], ==, "Tribunal App_eals");
  g_assert_cmpstr (places[14], ==, "_Mediation");
  g_assert_cmpstr (places[15], ==, "Audit _Trail");

  /* A sign-out emptied the lists of the last session. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page_list ("users"))), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "audit"));
  scc_test_wait_page ("audit");
  wait_list ("audit");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page_list ("audit"))), >, 0);

  /* Back, by keyboard, is home: not the Users page before it in the
   * window's list, which is not the manager's */
  scc_window_test_focus ();
  scc_test_press_keys ("alt+Left", NULL);
  scc_test_wait_page ("home");
  /* and from Account too */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "account"));
  scc_test_wait_page ("account");
  scc_test_press_keys ("alt+Left", NULL);
  scc_test_wait_page ("home");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* In this order: each starts where the one before left the window. */
  g_test_add_func ("/client/lists/admin-home", test_admin_home);
  g_test_add_func ("/client/lists/users", test_users_listed);
  g_test_add_func ("/client/lists/new-user-by-keyboard", test_new_user_by_keyboard);
  g_test_add_func ("/client/lists/edit-user", test_edit_user);
  g_test_add_func ("/client/lists/audit", test_audit_lists_it);
  g_test_add_func ("/client/lists/manager", test_manager);

  return scc_test_run_with_daemon ("scc-lists-XXXXXX", (const char *[]) { "--demo-data", NULL }, scc_window_test_start,
                                   scc_window_test_stop, &daemon_, NULL);
}
