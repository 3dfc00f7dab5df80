/* test-people.c
 *
 * The People page in the real window, against the real sendcased and its
 * demo users. As the caseworker: the home page offers People; New Person
 * (Ctrl+N) is filled in by keyboard, a wrong NHS number refused beside its
 * field before anything is sent, and the person recorded once it is put
 * right; the same names and date of birth again bring the warning naming
 * the person already recorded, and "This Is a Different Person" records
 * the second; both are found by the search as typed, and by NHS number
 * with spaces; Enter on a row opens the record. Contacts by keyboard: a
 * new person with two (Alt+A, Add Contact, puts the keyboard in the new
 * name), both on the server; opened again, a third added and saved, all
 * three read back when opened once more; the first removed with the
 * keyboard (Shift+Tab to its Remove Contact; then Tab through its rows to
 * it), put back with Ctrl+Z, removed again and saved, and the server
 * has the other two; a phone refused beside the second contact's row, and
 * the server's own 422 on contacts[1].phone shown there too; no Add
 * Contact past the server's limit of 10. As the admin
 * officer: People is offered, New Person is not. Saves person-new.png,
 * person-duplicate.png, person-contacts.png and people.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-error.h"
#include "sc-problem.h"
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
  return scc_page_get_dialog (SCC_PAGE (people_page ())) != NULL;
}

static gboolean
dialog_closed (gpointer user_data)
{
  return scc_page_get_dialog (SCC_PAGE (people_page ())) == NULL;
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
  gtk_test_widget_wait_for_draw (GTK_WIDGET (scc_page_get_dialog (SCC_PAGE (people_page ()))));
  return SCC_PERSON_DIALOG (scc_page_get_dialog (SCC_PAGE (people_page ())));
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
  g_assert_cmpuint (g_strv_length (places), ==, 12);
  g_assert_cmpstr (places[0], ==, "My _Caseload");
  g_assert_cmpstr (places[1], ==, "Ad_vice to Chase");
  g_assert_cmpstr (places[2], ==, "_Reviews Due");
  g_assert_cmpstr (places[3], ==, "C_onsultations to Chase");
  g_assert_cmpstr (places[4], ==, "P_hase Transfers");
  g_assert_cmpstr (places[5], ==, "_People");
  g_assert_cmpstr (places[6], ==, "_Schools and Colleges");
  g_assert_cmpstr (places[7], ==, "_Funding Bands");
  g_assert_cmpstr (places[8], ==, "Ope_n Disputes");
  g_assert_cmpstr (places[9], ==, "Comp_laints");
  g_assert_cmpstr (places[10], ==, "Tribunal App_eals");
  g_assert_cmpstr (places[11], ==, "_Mediation");

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

static gint64 contacts_person_id;

static JsonObject *
json_from_string_object (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

/* The person as the server has it, read by another user. */
static ScPerson *
server_person (gint64 id)
{
  g_autofree char *token = sc_test_sign_in (daemon_, "officer", SC_TEST_DEMO_PASSWORD);
  g_autofree char *path = g_strdup_printf ("/api/v1/people/%" G_GINT64_FORMAT, id);
  g_autoptr(ScTestResponse) response = sc_test_authed (daemon_, token, "GET", path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  ScPerson *person;

  g_assert_cmpuint (response->status, ==, 200);
  person = sc_person_new_from_json (response->json, &error);
  g_assert_no_error (error);
  return person;
}

static char *
contact_names (ScPerson *person)
{
  GPtrArray *contacts = sc_person_get_contacts (person);
  g_autoptr(GString) names = g_string_new ("");

  for (guint i = 0; i < contacts->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "," : "",
                            ((ScPersonContact *)g_ptr_array_index (contacts, i))->name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define assert_server_contacts(id, expected) \
  G_STMT_START { \
    g_autoptr(ScPerson) _person = server_person (id); \
    g_autofree char *_names = contact_names (_person); \
    g_assert_cmpstr (_names, ==, (expected)); \
  } G_STMT_END

static gboolean
focus_in_field (SccPersonDialog *dialog,
                const char      *field_name)
{
  SccFieldRow *row = scc_field_row_find (GTK_WIDGET (dialog), SCC_FORM_VM (scc_person_dialog_get_form (dialog)),
                                         field_name);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  g_assert_nonnull (row);
  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (row));
}

static void
test_contacts_by_keyboard (void)
{
  SccPersonDialog *dialog;
  g_autoptr(SccFormVm) form = NULL;
  ScPerson *created;

  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+n", NULL);
  dialog = wait_dialog ();
  form = g_object_ref (SCC_FORM_VM (scc_person_dialog_get_form (dialog)));
  scc_test_focus_window (GTK_WINDOW (dialog));
  g_assert_cmpuint (scc_form_vm_get_group_size (form, "contacts"), ==, 0);

  type_person ("Cara", "Contacts", "2015-06-06");
  /* Add Contact, Alt+A: the keyboard in its name; Tab through its rows. */
  scc_test_press_keys ("alt+a", NULL);
  scc_test_run_for (100);
  g_assert_cmpuint (scc_form_vm_get_group_size (form, "contacts"), ==, 1);
  g_assert_true (focus_in_field (dialog, "contacts[0].name"));
  scc_test_type_text ("Ann Parent");
  scc_test_press_keys ("Tab", NULL);
  scc_test_type_text ("mother");
  scc_test_press_keys ("Tab", NULL);
  scc_test_type_text ("0113 496 0100");

  scc_test_press_keys ("alt+a", NULL);
  scc_test_run_for (100);
  g_assert_true (focus_in_field (dialog, "contacts[1].name"));
  scc_test_type_text ("Ben Parent");
  scc_test_press_keys ("Tab", "Tab", "Tab", NULL);
  g_assert_true (focus_in_field (dialog, "contacts[1].email"));
  scc_test_type_text ("ben@example.org");
  g_assert_cmpstr (scc_form_vm_get_value (form, "contacts[0].relationship"), ==, "mother");
  g_assert_cmpstr (scc_form_vm_get_value (form, "contacts[0].phone"), ==, "0113 496 0100");
  g_assert_cmpstr (scc_form_vm_get_value (form, "contacts[1].email"), ==, "ben@example.org");

  /* The first contact's mnemonics: Alt+H to its phone. */
  scc_test_press_keys ("alt+h", NULL);
  scc_test_run_for (100);
  g_assert_true (focus_in_field (dialog, "contacts[0].phone"));

  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (dialog_closed, NULL, 30);
  scc_test_assert_toast ("Cara Contacts has been recorded.");
  created = scc_person_form_vm_get_created (SCC_PERSON_FORM_VM (form));
  g_assert_nonnull (created);
  contacts_person_id = sc_person_get_id (created);
  assert_server_contacts (contacts_person_id, "Ann Parent,Ben Parent");
  {
    g_autoptr(ScPerson) person = server_person (contacts_person_id);
    const ScPersonContact *ann = g_ptr_array_index (sc_person_get_contacts (person), 0);

    g_assert_cmpstr (ann->relationship, ==, "mother");
    g_assert_cmpstr (ann->phone, ==, "0113 496 0100");
  }
}

/* Opens Cara Contacts from the People page, as Enter on her row does. */
static SccPersonDialog *
open_contacts_person (void)
{
  GtkEditable *search = scc_people_page_get_search (people_page ());
  GtkWidget *column_view = GTK_WIDGET (scc_list_view_get_column_view (scc_list_page_get_view (SCC_LIST_PAGE (people_page ()))));
  SccPersonDialog *dialog;

  scc_window_test_focus ();
  gtk_editable_set_text (search, "Contacts");
  wait_list ();
  g_assert_cmpuint (n_rows (), ==, 1);
  gtk_widget_grab_focus (column_view);
  scc_test_press_keys ("Home", "Return", NULL);
  dialog = wait_dialog ();
  scc_test_focus_window (GTK_WINDOW (dialog));
  return dialog;
}

static void
close_dialog (SccPersonDialog *dialog)
{
  gtk_window_close (GTK_WINDOW (dialog));
  scc_test_wait_until (dialog_closed, NULL, 10);
  scc_test_run_for (100);
}

/* From contact @index's name, Tab until the keyboard is on its Remove
 * Contact: after its six rows. */
static void
tab_to_remove (SccPersonDialog *dialog,
               guint            index)
{
  SccFormVm *form = SCC_FORM_VM (scc_person_dialog_get_form (dialog));
  g_autofree char *name = scc_form_vm_dup_group_field_name ("contacts", index, "name");
  guint n_tabs = 0;
  GtkWidget *focus;

  scc_field_row_focus (scc_field_row_find (GTK_WIDGET (dialog), form, name));
  do
    {
      scc_test_press_keys ("Tab", NULL);
      focus = gtk_root_get_focus (GTK_ROOT (dialog));
      n_tabs++;
    }
  while (n_tabs < 12 && !(GTK_IS_BUTTON (focus) &&
                          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), "dialog.remove-contact") == 0));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpuint (n_tabs, <=, 8);
  g_assert_cmpuint (g_variant_get_uint32 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (focus))), ==, index);
}

static void
test_edit_contacts (void)
{
  SccPersonDialog *dialog;
  SccFormVm *form;
  GtkWidget *focus;

  /* A third added and saved. */
  dialog = open_contacts_person ();
  form = SCC_FORM_VM (scc_person_dialog_get_form (dialog));
  g_assert_cmpuint (scc_form_vm_get_group_size (form, "contacts"), ==, 2);
  scc_test_press_keys ("alt+a", NULL);
  scc_test_run_for (100);
  g_assert_true (focus_in_field (dialog, "contacts[2].name"));
  scc_test_type_text ("Cal Carer");
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (form_settled, form, 30);
  scc_test_run_for (200);
  g_assert_cmpstr (scc_form_vm_get_notice (form), ==, "The changes have been saved.");
  assert_server_contacts (contacts_person_id, "Ann Parent,Ben Parent,Cal Carer");
  close_dialog (dialog);

  /* Opened again: all three. */
  dialog = open_contacts_person ();
  form = SCC_FORM_VM (scc_person_dialog_get_form (dialog));
  g_assert_cmpuint (scc_form_vm_get_group_size (form, "contacts"), ==, 3);
  g_assert_cmpstr (scc_form_vm_get_value (form, "contacts[0].name"), ==, "Ann Parent");
  g_assert_cmpstr (scc_form_vm_get_value (form, "contacts[1].email"), ==, "ben@example.org");
  g_assert_cmpstr (scc_form_vm_get_value (form, "contacts[2].name"), ==, "Cal Carer");

  /* Remove Contact is the last stop of its card: Shift+Tab from the
   * second contact's name, then Space. */
  scc_field_row_focus (scc_field_row_find (GTK_WIDGET (dialog), form, "contacts[1].name"));
  scc_test_press_keys ("shift+Tab", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpuint (g_variant_get_uint32 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (focus))), ==, 0);
  scc_test_press_keys ("space", NULL);
  scc_test_run_for (100);
  g_assert_cmpuint (scc_form_vm_get_group_size (form, "contacts"), ==, 2);
  g_assert_cmpstr (scc_form_vm_get_value (form, "contacts[0].name"), ==, "Ben Parent");
  g_assert_cmpstr (scc_form_vm_get_value (form, "contacts[1].name"), ==, "Cal Carer");
  /* The keyboard on the contact now first. */
  g_assert_true (focus_in_field (dialog, "contacts[0].name"));

  /* Ctrl+Z, even in an entry: put back where it was, with its values. */
  scc_test_press_keys ("ctrl+z", NULL);
  scc_test_run_for (100);
  g_assert_cmpuint (scc_form_vm_get_group_size (form, "contacts"), ==, 3);
  g_assert_cmpstr (scc_form_vm_get_value (form, "contacts[0].name"), ==, "Ann Parent");
  g_assert_cmpstr (scc_form_vm_get_value (form, "contacts[0].phone"), ==, "0113 496 0100");
  g_assert_true (focus_in_field (dialog, "contacts[0].name"));
  /* Nothing more to undo: Ctrl+Z is the entry's again. */
  scc_test_press_keys ("ctrl+z", NULL);
  scc_test_run_for (100);
  g_assert_cmpuint (scc_form_vm_get_group_size (form, "contacts"), ==, 3);

  /* Removed again, and saved: the server has the other two. */
  tab_to_remove (dialog, 0);
  scc_test_press_keys ("space", NULL);
  scc_test_run_for (100);
  g_assert_cmpuint (scc_form_vm_get_group_size (form, "contacts"), ==, 2);
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (form_settled, form, 30);
  scc_test_run_for (200);
  g_assert_cmpstr (scc_form_vm_get_notice (form), ==, "The changes have been saved.");
  assert_server_contacts (contacts_person_id, "Ben Parent,Cal Carer");
  close_dialog (dialog);
}

static void
store_result_cb (GObject      *object,
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
assert_row_error (SccPersonDialog *dialog,
                  const char      *field_name,
                  const char      *message)
{
  SccFormVm *form = SCC_FORM_VM (scc_person_dialog_get_form (dialog));
  SccFieldRow *row = scc_field_row_find (GTK_WIDGET (dialog), form, field_name);
  GtkLabel *label = scc_field_row_get_error_label (row);
  g_autofree char *sentence = scc_form_field_dup_sentence (message);

  g_assert_cmpstr (scc_form_vm_get_field_error (form, field_name), ==, message);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_label (label), ==, sentence);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (scc_field_row_get_entry (row)), "error"));
  g_assert_true (focus_in_field (dialog, field_name));
}

static GtkWidget *
find_button (GtkWidget  *ancestor,
             const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (ancestor);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      if ((found = find_button (child, action_name)))
        return found;
    }
  return NULL;
}

static void
test_contact_errors (void)
{
  SccPersonDialog *dialog = open_contacts_person ();
  SccFormVm *form = SCC_FORM_VM (scc_person_dialog_get_form (dialog));
  SccApiClient *client = scc_form_vm_get_api_client (form);
  g_autoptr(JsonObject) change = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPerson) unchanged = NULL;
  const char *phone_rule;

  /* A phone too short in the second contact: refused before sending,
   * beside that contact's phone, the keyboard there. */
  gtk_widget_grab_focus (GTK_WIDGET (scc_field_row_get_entry (scc_field_row_find (GTK_WIDGET (dialog), form,
                                                                                  "contacts[1].phone"))));
  scc_test_type_text ("12");
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (form_settled, form, 30);
  scc_test_run_for (200);
  phone_rule = scc_form_vm_get_field_error (form, "contacts[1].phone");
  g_assert_nonnull (phone_rule);
  assert_row_error (dialog, "contacts[1].phone", phone_rule);
  g_assert_null (scc_form_vm_get_field_error (form, "contacts[0].phone"));
  scc_test_save_screenshot (GTK_WIDGET (dialog), "person-contacts.png");

  /* The server's own 422 for the same input, sent past the form's check,
   * given to the form as its answer: the same place. */
  change = json_from_string_object ("{\"contacts\":[{\"name\":\"Ben Parent\"},"
                                    "{\"name\":\"Cal Carer\",\"phone\":\"12\"}]}");
  scc_api_client_update_person_async (client, scc_person_form_vm_get_person (SCC_PERSON_FORM_VM (form)), change,
                                      NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  unchanged = scc_api_client_update_person_finish (client, result, &error);
  g_assert_null (unchanged);
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
  g_assert_nonnull (sc_problem_lookup_field (sc_error_get_problem (error), "contacts[1].phone"));
  scc_form_vm_set_value (form, "contacts[1].phone", "");
  gtk_widget_grab_focus (GTK_WIDGET (scc_field_row_get_entry (scc_field_row_find (GTK_WIDGET (dialog), form,
                                                                                  "given_name"))));
  SCC_FORM_VM_GET_CLASS (form)->show_error (form, error);
  g_signal_emit_by_name (form, "failed");
  scc_test_run_for (100);
  assert_row_error (dialog, "contacts[1].phone", sc_problem_lookup_field (sc_error_get_problem (error),
                                                                          "contacts[1].phone"));
  g_assert_null (scc_form_vm_get_error_message (form));
  assert_server_contacts (contacts_person_id, "Ben Parent,Cal Carer");

  /* At the server's limit, Add Contact is not offered. */
  scc_form_vm_set_group_size (form, "contacts", SC_PERSON_MAX_CONTACTS - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.add-contact", NULL));
  g_assert_cmpuint (scc_form_vm_get_group_size (form, "contacts"), ==, SC_PERSON_MAX_CONTACTS);
  g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (dialog), "dialog.add-contact")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.add-contact", NULL);
  g_assert_cmpuint (scc_form_vm_get_group_size (form, "contacts"), ==, SC_PERSON_MAX_CONTACTS);
  close_dialog (dialog);
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
  g_assert_cmpuint (g_strv_length (places), ==, 11);
  g_assert_cmpstr (places[0], ==, "Ad_vice to Chase");
  g_assert_cmpstr (places[1], ==, "_Reviews Due");
  g_assert_cmpstr (places[2], ==, "C_onsultations to Chase");
  g_assert_cmpstr (places[3], ==, "P_hase Transfers");
  g_assert_cmpstr (places[4], ==, "_People");
  g_assert_cmpstr (places[5], ==, "_Schools and Colleges");
  g_assert_cmpstr (places[6], ==, "_Funding Bands");
  g_assert_cmpstr (places[7], ==, "Ope_n Disputes");
  g_assert_cmpstr (places[8], ==, "Comp_laints");
  g_assert_cmpstr (places[9], ==, "Tribunal App_eals");
  g_assert_cmpstr (places[10], ==, "_Mediation");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "people"));
  scc_test_wait_page ("people");
  wait_list ();
  /* A sign-out emptied the search of the last session. */
  g_assert_cmpstr (gtk_editable_get_text (scc_people_page_get_search (people_page ())), ==, "");
  g_assert_cmpuint (n_rows (), ==, 3);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (people_page ()), "people.new", NULL) &&
                  scc_page_get_dialog (SCC_PAGE (people_page ())) != NULL);
  g_assert_null (scc_page_get_dialog (SCC_PAGE (people_page ())));
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
  g_test_add_func ("/client/people/contacts-by-keyboard", test_contacts_by_keyboard);
  g_test_add_func ("/client/people/edit-contacts", test_edit_contacts);
  g_test_add_func ("/client/people/contact-errors", test_contact_errors);
  g_test_add_func ("/client/people/admin-officer", test_admin_officer);

  return scc_test_run_with_daemon ("scc-people-XXXXXX", (const char *[]) { "--demo-data", NULL }, scc_window_test_start,
                                   scc_window_test_stop, &daemon_, NULL);
}
