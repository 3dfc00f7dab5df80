/* test-new-case.c
 *
 * New Case against the real sendcased and its demo users, with three
 * children recorded through the API (Ada Byrne, Ben Okafor, Dina Patel).
 * First the form without the window: a date in the future is refused
 * beside the date before anything is sent; the server's own refusal of
 * one (the form's today moved on) lands beside the date too; a refusal
 * no field shows (another owner named) is said under the form; a retry of
 * the same attempt sends the same Idempotency-Key and opens one case.
 * Then the real window, as the caseworker: the home page offers New Case…;
 * on My Caseload, Ctrl+N, the name typed, Down, Enter, the source chosen,
 * Tab, Enter opens the case by keyboard only, the Case page shows it at
 * stage "requested" and the server has it; a date in the future is
 * refused beside the date and nothing is opened; a second case for Ada,
 * whose case is open, is refused beside her name; a new person recorded in
 * the flow gets the case; the same names and date of birth again bring
 * the duplicate warning, whose Use That Person takes the person already
 * recorded; the People page opens it on the person selected. As the
 * team manager, the case opened (Ctrl+Enter) is the manager's own, and
 * signing out closes an open New Case. Saves
 * new-case.png, new-case-error.png and new-case-duplicate.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-daemon.h"

#include "scc-api-client-cases.h"
#include "scc-case-page.h"
#include "scc-caseload-vm.h"
#include "scc-client-test.h"
#include "scc-new-case-dialog.h"
#include "scc-window-test.h"

static ScTestDaemon *daemon_;
static char *token;
static gint64 ada_id;
static gint64 ben_id;
static gint64 dina_id;

#define window scc_test_window

static gint64
record_person (const char *given,
               const char *family,
               const char *date_of_birth)
{
  g_autofree char *body = g_strdup_printf ("{\"given_name\":\"%s\",\"family_name\":\"%s\","
                                           "\"date_of_birth\":\"%s\"}", given, family, date_of_birth);
  g_autoptr(ScTestResponse) p = sc_test_authed (daemon_, token, "POST", "/api/v1/people", body, NULL);

  g_assert_cmpuint (p->status, ==, 201);
  return sc_test_response_get_int (p, "id");
}

/* How many cases the server has for people whose names start @q. */
static guint
n_cases (const char *q)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases?q=%s", q);
  g_autoptr(ScTestResponse) r = sc_test_authed (daemon_, token, "GET", path, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  return json_array_get_length (json_object_get_array_member (json_node_get_object (r->json), "items"));
}

/* How many people the server has whose names start @q. */
static guint
n_people (const char *q)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/people?q=%s", q);
  g_autoptr(ScTestResponse) r = sc_test_authed (daemon_, token, "GET", path, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  return json_array_get_length (json_object_get_array_member (json_node_get_object (r->json), "items"));
}

static void
started (const char *base_url)
{
  token = sc_test_sign_in (daemon_, "caseworker", SC_TEST_DEMO_PASSWORD);
  ada_id = record_person ("Ada", "Byrne", "2016-04-01");
  ben_id = record_person ("Ben", "Okafor", "2015-09-12");
  dina_id = record_person ("Dina", "Patel", "2014-02-03");
  scc_window_test_start (base_url);
}

static void
stopping (void)
{
  scc_window_test_stop ();
  g_clear_pointer (&token, g_free);
}

static gboolean
form_settled (gpointer user_data)
{
  return !scc_form_vm_get_busy (SCC_FORM_VM (user_data));
}

/* --- the form, without the window ----------------------------------------- */

static void
test_form (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autoptr(SccNewCaseVm) vm = scc_new_case_vm_new (client);
  SccFormVm *form = SCC_FORM_VM (vm);
  g_autoptr(ScPerson) ben = sc_person_new (ben_id, "Ben", "Okafor", "2015-09-12");
  g_autofree char *ben_text = g_strdup_printf ("%" G_GINT64_FORMAT, ben_id);
  g_autofree char *tomorrow = scc_test_day_from_today (1);
  g_autofree char *today = scc_test_day_from_today (0);
  g_autofree char *key = NULL;

  scc_api_client_set_token (client, token);

  /* Today by default; nothing sent without a person and a source. */
  g_assert_cmpstr (scc_form_vm_get_value (form, "request_received"), ==, today);
  g_assert_false (scc_form_vm_submit (form));
  g_assert_nonnull (scc_form_vm_get_field_error (form, "person_id"));
  g_assert_cmpstr (scc_form_vm_get_field_error (form, "request_source"), ==, "choose who sent the request");
  g_assert_cmpstr (scc_form_field_get_name (scc_form_vm_get_first_error (form)), ==, "person_id");

  /* Tomorrow: refused here, in the server's words, beside the date. */
  scc_new_case_vm_set_person (vm, ben);
  g_assert_cmpstr (scc_form_vm_get_value (form, "person_id"), ==, ben_text);
  scc_form_vm_set_value (form, "request_source", "health");
  scc_form_vm_set_value (form, "request_received", tomorrow);
  g_assert_false (scc_form_vm_submit (form));
  g_assert_cmpstr (scc_form_vm_get_field_error (form, "request_received"), ==,
                   "is in the future: record an event once it has happened");
  g_assert_null (scc_form_vm_get_field_error (form, "request_source"));
  g_assert_cmpstr (scc_form_vm_get_value (form, "request_received"), ==, tomorrow);

  /* The server checks too: with the form's day moved on, its 422 lands
   * beside the date; nothing is opened. */
  scc_new_case_vm_set_today (vm, scc_case_today () + 1);
  g_assert_true (scc_form_vm_submit (form));
  scc_test_wait_until (form_settled, form, 30);
  g_assert_nonnull (scc_form_vm_get_field_error (form, "request_received"));
  g_assert_null (scc_form_vm_get_error_message (form));
  g_assert_null (scc_new_case_vm_get_created (vm));
  g_assert_cmpuint (n_cases ("Okafor"), ==, 0);
  scc_new_case_vm_set_today (vm, SC_DAY_NONE);

  /* A refusal of what no field shows (a caseworker naming another owner)
   * is said under the form, in the server's words; nothing is lost. */
  scc_form_vm_set_value (form, "request_received", today);
  scc_new_case_vm_set_owner_id (vm, 9999);
  g_assert_true (scc_form_vm_submit (form));
  scc_test_wait_until (form_settled, form, 30);
  g_assert_nonnull (scc_form_vm_get_error_message (form));
  g_assert_nonnull (strstr (scc_form_vm_get_error_message (form), "must be your own id"));
  g_assert_true (g_str_has_prefix (scc_form_vm_get_error_message (form), "The case has not been opened: "));
  g_assert_cmpstr (scc_form_vm_get_value (form, "request_source"), ==, "health");
  g_assert_cmpuint (n_cases ("Okafor"), ==, 0);
  /* Another owner is another request: its key goes. */
  g_assert_nonnull (scc_form_vm_get_idempotency_key (form));
  scc_new_case_vm_set_owner_id (vm, 0);
  g_assert_null (scc_form_vm_get_idempotency_key (form));

  /* A retry of the same attempt carries the same key: one case. */
  g_assert_true (scc_form_vm_submit (form));
  key = g_strdup (scc_form_vm_get_idempotency_key (form));
  g_assert_nonnull (key);
  /* Abandoned before its answer (as a dropped connection would): the
   * retry of the same input is the same request to the server. */
  scc_form_vm_cancel (form);
  g_assert_cmpstr (scc_form_vm_get_idempotency_key (form), ==, key);
  g_assert_true (scc_form_vm_retry (form));
  g_assert_cmpstr (scc_form_vm_get_idempotency_key (form), ==, key);
  scc_test_wait_until (form_settled, form, 30);
  g_assert_nonnull (scc_new_case_vm_get_created (vm));
  g_assert_null (scc_form_vm_get_error_message (form));
  g_assert_cmpint (sc_case_get_person (scc_new_case_vm_get_created (vm))->id, ==, ben_id);
  g_assert_cmpstr (sc_case_get_stage_name (scc_new_case_vm_get_created (vm)), ==, "requested");
  g_assert_cmpstr (sc_case_get_request_source (scc_new_case_vm_get_created (vm)), ==, "health");
  g_assert_cmpuint (n_cases ("Okafor"), ==, 1);
  /* A success drops the key: the next case is another request. */
  g_assert_null (scc_form_vm_get_idempotency_key (form));
}

/* --- the window ------------------------------------------------------------ */

static SccNewCaseDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (SCC_IS_NEW_CASE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return SCC_NEW_CASE_DIALOG (toplevel);
    }
  return NULL;
}

static gboolean
dialog_open (gpointer user_data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_closed (gpointer user_data)
{
  return find_dialog () == NULL;
}

static SccNewCaseDialog *
wait_dialog (void)
{
  SccNewCaseDialog *dialog;

  scc_test_wait_until (dialog_open, NULL, 10);
  dialog = find_dialog ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

static gboolean
people_settled (gpointer user_data)
{
  SccPersonListVm *people = scc_new_case_dialog_get_people (user_data);

  return scc_list_vm_get_loaded (SCC_LIST_VM (people)) && !scc_list_vm_get_loading (SCC_LIST_VM (people)) &&
         !scc_list_vm_get_query_pending (SCC_LIST_VM (people));
}

static void
wait_people (SccNewCaseDialog *dialog)
{
  scc_test_wait_until (people_settled, dialog, 30);
  scc_test_run_for (200);
}

static gboolean
case_loaded (gpointer user_data)
{
  SccCasePage *page = user_data;

  return !scc_case_page_get_loading (page) && scc_case_page_get_case (page) != NULL &&
         scc_case_page_get_events (page) != NULL;
}

static gboolean
in_dialog (SccNewCaseDialog *dialog,
           const char       *id)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));
  GtkWidget *child = scc_new_case_dialog_get_child (dialog, id);

  return focus != NULL && (focus == child || gtk_widget_is_ancestor (focus, child));
}

static SccNewCaseDialog *
open_from_caseload (void)
{
  SccNewCaseDialog *dialog;

  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+n", NULL);
  dialog = wait_dialog ();
  scc_test_focus_window (GTK_WINDOW (dialog));
  wait_people (dialog);
  return dialog;
}

static void
test_home (void)
{
  g_auto(GStrv) tasks = NULL;

  /* A caseworker's session begins at their caseload; home is a step away. */
  scc_test_sign_in_as ("caseworker", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("caseload");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "home"));
  scc_test_wait_page ("home");
  tasks = scc_home_page_dup_task_titles (SCC_HOME_PAGE (scc_test_page ("home")));
  g_assert_cmpuint (g_strv_length (tasks), ==, 2);
  g_assert_cmpstr (tasks[0], ==, "New _Case…");
  g_assert_cmpstr (tasks[1], ==, "Import a _Transfer…");

  /* The row opens the dialog; Escape closes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scc_test_page ("home")), "home.new-case", NULL));
  scc_test_focus_window (GTK_WINDOW (wait_dialog ()));
  g_assert_cmpstr (scc_new_case_dialog_get_step (find_dialog ()), ==, "person");
  g_assert_true (in_dialog (find_dialog (), "search_entry"));
  scc_test_press_keys ("Escape", NULL);
  scc_test_wait_until (dialog_closed, NULL, 10);
}

static void
test_by_keyboard (void)
{
  SccCasePage *page = SCC_CASE_PAGE (scc_test_page ("case"));
  SccNewCaseDialog *dialog;
  SccFormVm *form;
  ScCase *kase;
  g_autofree char *today = scc_test_day_from_today (0);
  g_autofree char *path = NULL;
  g_autoptr(ScTestResponse) r = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "caseload"));
  scc_test_wait_page ("caseload");
  dialog = open_from_caseload ();
  form = SCC_FORM_VM (scc_new_case_dialog_get_form (dialog));

  /* The keyboard starts in the search; the name typed finds her. */
  g_assert_true (in_dialog (dialog, "search_entry"));
  scc_test_type_text ("byrne");
  wait_people (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (scc_new_case_dialog_get_people (dialog))), ==, 1);

  /* Down to the people found, Enter on her: the request step. */
  scc_test_press_keys ("Down", NULL);
  g_assert_true (in_dialog (dialog, "list_view"));
  scc_test_press_keys ("Return", NULL);
  g_assert_cmpstr (scc_new_case_dialog_get_step (dialog), ==, "request");
  g_assert_cmpint (sc_person_get_id (scc_new_case_vm_get_person (scc_new_case_dialog_get_form (dialog))), ==, ada_id);
  g_assert_true (in_dialog (dialog, "source_row"));
  g_assert_cmpstr (scc_form_vm_get_value (form, "request_received"), ==, today);

  /* Who sent it: the list of sources, the first (Parent or carer). */
  scc_test_press_keys ("space", NULL);
  scc_test_run_for (300);
  scc_test_press_keys ("Down", "Return", NULL);
  scc_test_run_for (300);
  g_assert_cmpstr (scc_form_vm_get_value (form, "request_source"), ==, "parent");
  scc_test_focus_window (GTK_WINDOW (dialog));
  scc_test_save_screenshot (GTK_WIDGET (dialog), "new-case.png");

  /* Tab to the date (today), Enter opens the case. */
  scc_test_press_keys ("Tab", NULL);
  g_assert_true (in_dialog (dialog, "date_row"));
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (dialog_closed, NULL, 30);
  /* The toast as soon as it is due: it goes by itself after a while. */
  scc_test_assert_toast ("A case has been opened for Ada Byrne.");
  scc_test_wait_page ("case");
  scc_test_wait_until (case_loaded, page, 30);
  scc_test_run_for (300);

  kase = scc_case_page_get_case (page);
  g_assert_cmpint (sc_case_get_person (kase)->id, ==, ada_id);
  g_assert_cmpstr (sc_case_get_stage_name (kase), ==, "requested");
  g_assert_cmpstr (sc_case_get_request_received (kase), ==, today);

  /* And the server has it, the caseworker's own. */
  path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT, sc_case_get_id (kase));
  r = sc_test_authed (daemon_, token, "GET", path, NULL, NULL);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (sc_test_response_get_string (r, "request_source"), ==, "parent");
  g_assert_cmpstr (sc_test_response_get_string (r, "stage"), ==, "requested");
  g_assert_cmpuint (n_cases ("Byrne"), ==, 1);

  scc_window_dismiss_toasts (window);
  scc_window_test_focus ();
  scc_test_press_keys ("alt+Left", NULL);
  scc_test_wait_page ("caseload");
}

static void
test_future_date (void)
{
  SccNewCaseDialog *dialog = open_from_caseload ();
  SccFormVm *form = SCC_FORM_VM (scc_new_case_dialog_get_form (dialog));
  g_autofree char *tomorrow = scc_test_day_from_today (1);
  SccFieldRow *date_row = SCC_FIELD_ROW (scc_new_case_dialog_get_child (dialog, "date_row"));

  /* Enter in the search chooses the only one found. */
  scc_test_type_text ("patel");
  wait_people (dialog);
  scc_test_press_keys ("Return", NULL);
  g_assert_cmpstr (scc_new_case_dialog_get_step (dialog), ==, "request");
  g_assert_cmpint (sc_person_get_id (scc_new_case_vm_get_person (SCC_NEW_CASE_VM (form))), ==, dina_id);

  scc_form_vm_set_value (form, "request_source", "setting");
  scc_field_row_focus (date_row);
  scc_test_press_keys ("ctrl+a", NULL);
  scc_test_type_text (tomorrow);
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (form_settled, form, 30);
  scc_test_run_for (300);

  /* Beside the date, the keyboard there, nothing lost, nothing opened. */
  g_assert_nonnull (scc_form_vm_get_field_error (form, "request_received"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (scc_field_row_get_error_label (date_row))));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (scc_field_row_get_entry (date_row)), "error"));
  g_assert_true (in_dialog (dialog, "date_row"));
  g_assert_cmpstr (scc_form_vm_get_value (form, "request_received"), ==, tomorrow);
  g_assert_cmpstr (scc_form_vm_get_value (form, "request_source"), ==, "setting");
  g_assert_nonnull (find_dialog ());
  g_assert_cmpuint (n_cases ("Patel"), ==, 0);
  scc_test_save_screenshot (GTK_WIDGET (dialog), "new-case-error.png");

  scc_test_press_keys ("Escape", NULL);
  scc_test_wait_until (dialog_closed, NULL, 10);
  g_assert_cmpuint (n_cases ("Patel"), ==, 0);
}

/* Ada's case is open: a second one is refused beside her name, naming it. */
static void
test_open_case_refused (void)
{
  SccNewCaseDialog *dialog = open_from_caseload ();
  SccFormVm *form = SCC_FORM_VM (scc_new_case_dialog_get_form (dialog));
  const char *error;

  scc_test_type_text ("byrne");
  wait_people (dialog);
  scc_test_press_keys ("Return", NULL);
  g_assert_cmpstr (scc_new_case_dialog_get_step (dialog), ==, "request");
  scc_form_vm_set_value (form, "request_source", "health");
  scc_test_press_keys ("ctrl+Return", NULL);
  scc_test_wait_until (form_settled, form, 30);
  scc_test_run_for (300);

  error = scc_form_vm_get_field_error (form, "person_id");
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error, "has an open case, case "));
  g_assert_true (gtk_widget_get_visible (scc_new_case_dialog_get_child (dialog, "person_error_label")));
  g_assert_nonnull (find_dialog ());
  g_assert_cmpuint (n_cases ("Byrne"), ==, 1);

  scc_test_press_keys ("Escape", NULL);
  scc_test_wait_until (dialog_closed, NULL, 10);
}

static gboolean
person_dialog_open (gpointer user_data)
{
  return scc_new_case_dialog_get_person_dialog (user_data) != NULL;
}

static gboolean
person_dialog_closed (gpointer user_data)
{
  return scc_new_case_dialog_get_person_dialog (user_data) == NULL;
}

static gboolean
duplicate_shown (gpointer user_data)
{
  return scc_person_form_vm_get_duplicate (user_data) != NULL;
}

/* New Person… from the search step: the person form, the keyboard in it. */
static SccPersonDialog *
open_new_person (SccNewCaseDialog *dialog)
{
  SccPersonDialog *person_dialog;

  scc_test_press_keys ("alt+p", NULL);
  scc_test_wait_until (person_dialog_open, dialog, 10);
  person_dialog = scc_new_case_dialog_get_person_dialog (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (person_dialog));
  scc_test_focus_window (GTK_WINDOW (person_dialog));
  return person_dialog;
}

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
test_new_person (void)
{
  SccNewCaseDialog *dialog = open_from_caseload ();
  SccNewCaseVm *vm = scc_new_case_dialog_get_form (dialog);
  SccFormVm *form = SCC_FORM_VM (vm);
  SccCasePage *page = SCC_CASE_PAGE (scc_test_page ("case"));

  scc_test_type_text ("quinn");
  wait_people (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (scc_new_case_dialog_get_people (dialog))), ==, 0);

  /* Not on record: New Person…, recorded, and chosen for the case. */
  open_new_person (dialog);
  type_person ("Eve", "Quinn", "2017-06-30");
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (person_dialog_closed, dialog, 30);
  scc_test_focus_window (GTK_WINDOW (dialog));
  g_assert_cmpstr (scc_new_case_dialog_get_step (dialog), ==, "request");
  g_assert_nonnull (scc_new_case_vm_get_person (vm));
  g_assert_cmpstr (sc_person_get_family_name (scc_new_case_vm_get_person (vm)), ==, "Quinn");
  g_assert_cmpuint (n_people ("Quinn"), ==, 1);

  /* The case, for her. */
  scc_form_vm_set_value (form, "request_source", "social_care");
  scc_field_row_focus (SCC_FIELD_ROW (scc_new_case_dialog_get_child (dialog, "date_row")));
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (dialog_closed, NULL, 30);
  scc_test_assert_toast ("A case has been opened for Eve Quinn.");
  scc_test_wait_page ("case");
  scc_test_wait_until (case_loaded, page, 30);
  g_assert_cmpstr (sc_case_get_person (scc_case_page_get_case (page))->family_name, ==, "Quinn");
  g_assert_cmpuint (n_cases ("Quinn"), ==, 1);

  scc_window_dismiss_toasts (window);
  scc_window_test_focus ();
  scc_test_press_keys ("alt+Left", NULL);
  scc_test_wait_page ("caseload");
}

static void
test_duplicate_person (void)
{
  SccNewCaseDialog *dialog = open_from_caseload ();
  SccNewCaseVm *vm = scc_new_case_dialog_get_form (dialog);
  SccPersonDialog *person_dialog;
  SccPersonFormVm *person_form;
  GtkWidget *focus;

  /* The same names and date of birth as someone on record. */
  person_dialog = open_new_person (dialog);
  person_form = scc_person_dialog_get_form (person_dialog);
  type_person ("Dina", "Patel", "2014-02-03");
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (duplicate_shown, person_form, 30);
  scc_test_run_for (300);

  /* The warning, and its first choice is to use her. */
  g_assert_true (gtk_widget_get_visible (scc_person_dialog_get_duplicate_box (person_dialog)));
  g_assert_cmpstr (gtk_label_get_label (scc_person_dialog_get_duplicate_label (person_dialog)), ==,
                   "Dina Patel, born 3 February 2014, is already recorded.");
  focus = gtk_root_get_focus (GTK_ROOT (person_dialog));
  g_assert_true (GTK_IS_BUTTON (focus) || (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON)));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (GTK_IS_BUTTON (focus) ? focus
                                                     : gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON))),
                   ==, "_Use That Person");
  scc_test_save_screenshot (GTK_WIDGET (person_dialog), "new-case-duplicate.png");

  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (person_dialog_closed, dialog, 30);
  g_assert_cmpstr (scc_new_case_dialog_get_step (dialog), ==, "request");
  g_assert_cmpint (sc_person_get_id (scc_new_case_vm_get_person (vm)), ==, dina_id);
  /* No second Dina Patel. */
  g_assert_cmpuint (n_people ("Patel"), ==, 1);

  gtk_window_close (GTK_WINDOW (dialog));
  scc_test_wait_until (dialog_closed, NULL, 10);
}

static gboolean
people_page_settled (gpointer user_data)
{
  SccListVm *list = SCC_LIST_VM (scc_people_page_get_view_model (SCC_PEOPLE_PAGE (scc_test_page ("people"))));

  return scc_list_vm_get_loaded (list) && !scc_list_vm_get_loading (list) &&
         !scc_list_vm_get_query_pending (list);
}

static void
test_from_people (void)
{
  SccPeoplePage *people = SCC_PEOPLE_PAGE (scc_test_page ("people"));
  SccNewCaseDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "people"));
  scc_test_wait_page ("people");
  gtk_editable_set_text (scc_people_page_get_search (people), "okafor");
  scc_test_wait_until (people_page_settled, NULL, 30);
  scc_test_run_for (200);

  /* On the person selected: straight to the request, the keyboard there. */
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+shift+n", NULL);
  dialog = wait_dialog ();
  g_assert_cmpstr (scc_new_case_dialog_get_step (dialog), ==, "request");
  g_assert_cmpint (sc_person_get_id (scc_new_case_vm_get_person (scc_new_case_dialog_get_form (dialog))), ==, ben_id);
  g_assert_true (in_dialog (dialog, "source_row"));

  gtk_window_close (GTK_WINDOW (dialog));
  scc_test_wait_until (dialog_closed, NULL, 10);
}

static void
test_team_manager (void)
{
  SccCasePage *page = SCC_CASE_PAGE (scc_test_page ("case"));
  SccNewCaseDialog *dialog;
  SccFormVm *form;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL));
  scc_test_wait_page ("sign-in");
  scc_window_dismiss_toasts (window);
  scc_test_sign_in_as ("manager", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("home");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "caseload"));
  scc_test_wait_page ("caseload");

  /* A team manager names the owner: the manager, here. */
  dialog = open_from_caseload ();
  form = SCC_FORM_VM (scc_new_case_dialog_get_form (dialog));
  g_assert_cmpint (scc_new_case_vm_get_owner_id (SCC_NEW_CASE_VM (form)), >, 0);
  scc_test_type_text ("patel");
  wait_people (dialog);
  scc_test_press_keys ("Return", NULL);
  g_assert_cmpstr (scc_new_case_dialog_get_step (dialog), ==, "request");
  scc_form_vm_set_value (form, "request_source", "other");
  scc_test_press_keys ("ctrl+Return", NULL);
  scc_test_wait_until (dialog_closed, NULL, 30);
  scc_test_wait_page ("case");
  scc_test_wait_until (case_loaded, page, 30);
  g_assert_cmpstr (sc_case_get_person (scc_case_page_get_case (page))->family_name, ==, "Patel");
  g_assert_cmpstr (sc_case_get_owner (scc_case_page_get_case (page))->username, ==, "manager");
  g_assert_cmpuint (n_cases ("Patel"), ==, 1);

  /* Signing out takes an open New Case, and what was typed in it, away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scc_test_page ("home")), "home.new-case", NULL));
  dialog = wait_dialog ();
  gtk_editable_set_text (scc_new_case_dialog_get_search (dialog), "byrne");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL));
  scc_test_wait_until (dialog_closed, NULL, 10);
  scc_test_wait_page ("sign-in");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* In this order: each starts where the one before left the window. */
  g_test_add_func ("/client/new-case/form", test_form);
  g_test_add_func ("/client/new-case/home", test_home);
  g_test_add_func ("/client/new-case/by-keyboard", test_by_keyboard);
  g_test_add_func ("/client/new-case/future-date", test_future_date);
  g_test_add_func ("/client/new-case/open-case-refused", test_open_case_refused);
  g_test_add_func ("/client/new-case/new-person", test_new_person);
  g_test_add_func ("/client/new-case/duplicate-person", test_duplicate_person);
  g_test_add_func ("/client/new-case/from-people", test_from_people);
  g_test_add_func ("/client/new-case/team-manager", test_team_manager);

  return scc_test_run_with_daemon ("scc-new-case-XXXXXX", (const char *[]) { "--demo-data", NULL }, started,
                                   stopping, &daemon_, NULL);
}
