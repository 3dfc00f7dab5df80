/* test-people.c
 *
 * The People page in the real window, against the real sendcased and its
 * demo users. As the caseworker: the home page offers People; New Person
 * (Ctrl+N) is filled in by keyboard, a wrong NHS number refused beside its
 * field before anything is sent, and the person recorded once it is put
 * right; the same names and date of birth again bring the warning naming
 * the person already recorded, and "This Is a Different Person" records
 * the second; both are found by the search as typed, and by NHS number
 * with spaces; Enter on a row opens the record. As the admin officer:
 * People is offered, New Person is not. Saves person-new.png,
 * person-duplicate.png and people.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-daemon.h"

#include "scc-client-test.h"
#include "scc-person-dialog.h"
#include "scc-window-test.h"

static ScTestDaemon *daemon_;

#define window scc_test_window

static SccPeoplePage *
people_page (void)
{
  return SCC_PEOPLE_PAGE (scc_test_page ("people"));
}

static gboolean
list_settled (gpointer user_data)
{
  SccListVm *list = SCC_LIST_VM (scc_people_page_get_view_model (people_page ()));

  return scc_list_vm_get_loaded (list) && !scc_list_vm_get_loading (list) &&
         !scc_list_vm_get_query_pending (SCC_LIST_VM (scc_people_page_get_view_model (people_page ())));
}

static void
wait_list (void)
{
  scc_test_wait_until (list_settled, NULL, 30);
  scc_test_run_for (200);
}

static gboolean
form_settled (gpointer user_data)
{
  return !scc_form_vm_get_busy (SCC_FORM_VM (user_data));
}

static gboolean
dialog_open (gpointer user_data)
{
  return scc_people_page_get_dialog (people_page ()) != NULL;
}

static gboolean
dialog_closed (gpointer user_data)
{
  return scc_people_page_get_dialog (people_page ()) == NULL;
}

static gboolean
duplicate_shown (gpointer user_data)
{
  return scc_person_form_vm_get_duplicate (user_data) != NULL;
}

static SccPersonDialog *
wait_dialog (void)
{
  scc_test_wait_until (dialog_open, NULL, 10);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (scc_people_page_get_dialog (people_page ())));
  return scc_people_page_get_dialog (people_page ());
}

static guint
n_rows (void)
{
  return g_list_model_get_n_items (scc_list_view_get_model (scc_list_page_get_view (SCC_LIST_PAGE (people_page ()))));
}

/* Types the person's names and date of birth, Tab from field to field:
 * given, family, preferred (left empty), date of birth. */
static void
type_person (const char *given,
             const char *family,
             const char *date_of_birth)
{
  scc_test_type_text (given);
  scc_test_press_keys ("Tab", NULL);
  scc_test_type_text (family);
  scc_test_press_keys ("Tab", "Tab", NULL);
  scc_test_type_text (date_of_birth);
}

static void
test_caseworker_home (void)
{
  g_auto(GStrv) places = NULL;

  scc_test_sign_in_as ("caseworker", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("caseload");
  places = scc_home_page_dup_place_titles (SCC_HOME_PAGE (scc_test_page ("home")));
  g_assert_cmpuint (g_strv_length (places), ==, 2);
  g_assert_cmpstr (places[0], ==, "My _Caseload");
  g_assert_cmpstr (places[1], ==, "_People");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "people"));
  scc_test_wait_page ("people");
  wait_list ();
  /* The keyboard starts in the search. */
  g_assert_true (scc_test_has_focus (GTK_WIDGET (scc_people_page_get_search (people_page ()))));
}

static void
test_new_person_by_keyboard (void)
{
  SccPersonDialog *dialog;
  SccFormVm *form;
  SccFieldRow *nhs_row;

  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+n", NULL);
  dialog = wait_dialog ();
  form = SCC_FORM_VM (scc_person_dialog_get_form (dialog));
  g_assert_null (scc_person_form_vm_get_person (SCC_PERSON_FORM_VM (form)));
  scc_test_focus_window (GTK_WINDOW (dialog));

  type_person ("Ann", "Keyboard", "2016-04-01");
  g_assert_cmpstr (scc_form_vm_get_value (form, "given_name"), ==, "Ann");
  g_assert_cmpstr (scc_form_vm_get_value (form, "family_name"), ==, "Keyboard");
  g_assert_cmpstr (scc_form_vm_get_value (form, "date_of_birth"), ==, "2016-04-01");

  /* Past sex, UPN and ULN to the NHS number: one digit wrong. */
  nhs_row = scc_field_row_find (GTK_WIDGET (dialog), form, "nhs_number");
  gtk_widget_grab_focus (GTK_WIDGET (scc_field_row_get_entry (nhs_row)));
  scc_test_type_text ("943 476 5918");
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (form_settled, form, 30);
  scc_test_run_for (200);

  /* Refused before sending, beside the field, the keyboard there. */
  g_assert_nonnull (scc_form_vm_get_field_error (form, "nhs_number"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (scc_field_row_get_error_label (nhs_row))));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), GTK_WIDGET (nhs_row)));
  g_assert_null (scc_person_form_vm_get_created (SCC_PERSON_FORM_VM (form)));
  scc_test_save_screenshot (GTK_WIDGET (dialog), "person-new.png");

  /* Put right: recorded, the dialog closes, a toast says so. */
  scc_test_press_keys ("ctrl+a", NULL);
  scc_test_type_text ("943 476 5919");
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (dialog_closed, NULL, 30);
  scc_test_assert_toast ("Ann Keyboard has been recorded.");
  wait_list ();
  g_assert_cmpuint (n_rows (), ==, 1);
}

static void
test_duplicate (void)
{
  SccPersonDialog *dialog;
  SccFormVm *form;
  GtkWidget *focus;

  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+n", NULL);
  dialog = wait_dialog ();
  form = SCC_FORM_VM (scc_person_dialog_get_form (dialog));
  scc_test_focus_window (GTK_WINDOW (dialog));

  type_person ("Ann", "Keyboard", "2016-04-01");
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (duplicate_shown, form, 30);
  scc_test_run_for (300);

  /* Said plainly, beside the form; nothing recorded yet. */
  g_assert_true (gtk_widget_get_visible (scc_person_dialog_get_duplicate_box (dialog)));
  g_assert_cmpstr (gtk_label_get_label (scc_person_dialog_get_duplicate_label (dialog)), ==,
                   "Ann Keyboard, born 1 April 2016, is already recorded.");
  g_assert_null (scc_person_form_vm_get_created (SCC_PERSON_FORM_VM (form)));
  scc_test_save_screenshot (GTK_WIDGET (dialog), "person-duplicate.png");

  /* The keyboard is on the first choice, Open That Person; the next is
   * This Is a Different Person. */
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, scc_person_dialog_get_duplicate_box (dialog)));
  scc_test_press_keys ("Tab", "Return", NULL);
  scc_test_wait_until (dialog_closed, NULL, 30);
  scc_test_assert_toast ("Ann Keyboard has been recorded.");
  wait_list ();
  g_assert_cmpuint (n_rows (), ==, 2);
}

static void
test_search (void)
{
  GtkEditable *search = scc_people_page_get_search (people_page ());
  GtkWidget *column_view = GTK_WIDGET (scc_list_view_get_column_view (scc_list_page_get_view (SCC_LIST_PAGE (people_page ()))));
  SccPersonDialog *dialog;

  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+f", NULL);
  scc_test_run_for (100);
  g_assert_true (scc_test_has_focus (GTK_WIDGET (search)));
  scc_test_type_text ("keyb");
  wait_list ();
  g_assert_cmpstr (scc_list_vm_get_query (SCC_LIST_VM (scc_people_page_get_view_model (people_page ()))), ==, "keyb");
  g_assert_cmpuint (n_rows (), ==, 2);
  scc_test_save_screenshot (GTK_WIDGET (window), "people.png");

  gtk_editable_set_text (search, "943 476 5919");
  wait_list ();
  g_assert_cmpuint (n_rows (), ==, 1);

  gtk_editable_set_text (search, "nobody at all");
  wait_list ();
  g_assert_cmpuint (n_rows (), ==, 0);

  /* Enter on a row opens the record. */
  gtk_editable_set_text (search, "943 476 5919");
  wait_list ();
  gtk_widget_grab_focus (column_view);
  scc_test_press_keys ("Home", "Return", NULL);
  dialog = wait_dialog ();
  g_assert_nonnull (scc_person_form_vm_get_person (scc_person_dialog_get_form (dialog)));
  g_assert_cmpstr (scc_form_vm_get_value (SCC_FORM_VM (scc_person_dialog_get_form (dialog)), "nhs_number"), ==,
                   "9434765919");
  gtk_window_close (GTK_WINDOW (dialog));
  scc_test_run_for (200);
}

static void
test_admin_officer (void)
{
  g_auto(GStrv) places = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL));
  scc_test_wait_page ("sign-in");
  scc_test_sign_in_as ("officer", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("home");
  places = scc_home_page_dup_place_titles (SCC_HOME_PAGE (scc_test_page ("home")));
  g_assert_cmpuint (g_strv_length (places), ==, 1);
  g_assert_cmpstr (places[0], ==, "_People");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "people"));
  scc_test_wait_page ("people");
  wait_list ();
  /* A sign-out emptied the search of the last session. */
  g_assert_cmpstr (gtk_editable_get_text (scc_people_page_get_search (people_page ())), ==, "");
  g_assert_cmpuint (n_rows (), ==, 2);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (people_page ()), "people.new", NULL) &&
                  scc_people_page_get_dialog (people_page ()) != NULL);
  g_assert_null (scc_people_page_get_dialog (people_page ()));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* In this order: each starts where the one before left the window. */
  g_test_add_func ("/client/people/caseworker-home", test_caseworker_home);
  g_test_add_func ("/client/people/new-person-by-keyboard", test_new_person_by_keyboard);
  g_test_add_func ("/client/people/duplicate", test_duplicate);
  g_test_add_func ("/client/people/search", test_search);
  g_test_add_func ("/client/people/admin-officer", test_admin_officer);

  return scc_test_run_with_daemon ("scc-people-XXXXXX", (const char *[]) { "--demo-data", NULL }, scc_window_test_start,
                                   scc_window_test_stop, &daemon_, NULL);
}
