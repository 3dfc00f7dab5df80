/* test-team.c
 *
 * The team manager's pages against the real sendcased and its demo users,
 * with a second caseworker (Dan Hughes) made through the API and three
 * cases opened for the demo caseworker (Asha Patel): one overdue, one due
 * within the week, one newly received. First the team calls of
 * SccApiClient: the workload counts each owner's cases, a caseworker may
 * not read it, and a handover without a note is refused naming the note.
 * Then the real window, by keyboard: the manager opens Team Workload from
 * home (Alt+W), sorts it by cases, opens Asha's caseload with Enter (its
 * title names her), selects two cases with Shift+Down, reassigns them to
 * Dan with Ctrl+Shift+R (a missing note refused beside the note first);
 * the server has moved them with their note, the caseload shows the case
 * left, and Back returns to the workload; Hand Over Caseload… (Ctrl+Shift+H)
 * moves the rest to the manager; the manager's My Caseload is their own
 * again. On Team Deadlines, Reassign (Ctrl+Shift+R) refuses cases of two
 * owners at once and gives Tom's case back to Asha. Last, Dan signs in and
 * the case page shows the handover note first. Saves workload.png,
 * caseload-team.png, reassign.png, hand-over.png and case-handover-note.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-error.h"
#include "sc-problem.h"
#include "sc-test-daemon.h"

#include "scc-api-client-cases.h"
#include "scc-case-page.h"
#include "scc-caseload-page.h"
#include "scc-client-test.h"
#include "scc-deadlines-page.h"
#include "scc-handover-dialog.h"
#include "scc-window-test.h"
#include "scc-workload-page.h"

#define DAN_PASSWORD "dan-hughes-password-2026"
#define REASSIGN_NOTE "Ada's decision is overdue: ring her mother before Friday."
#define HANDOVER_NOTE "Cara's request came in this week; advice not yet asked for."
#define DEADLINES_NOTE "Back to Asha while Tom is on leave: the advice requests go out on Monday."

static ScTestDaemon *daemon_;
static gint64 dan_id;

#define window scc_test_window

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
result_ready (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

static char *
days_ago (int days)
{
  char buffer[SC_DAY_STRING_SIZE];

  return g_strdup (sc_day_format (scc_case_today () - days, buffer));
}

static void
open_case (const char *token,
           const char *given,
           const char *family,
           int         received_days_ago)
{
  g_autofree char *person = g_strdup_printf ("{\"given_name\":\"%s\",\"family_name\":\"%s\","
                                             "\"date_of_birth\":\"2016-04-01\"}", given, family);
  g_autoptr(ScTestResponse) p = sc_test_authed (daemon_, token, "POST", "/api/v1/people", person, NULL);
  g_autofree char *received = days_ago (received_days_ago);
  g_autofree char *body = NULL;
  g_autoptr(ScTestResponse) c = NULL;

  g_assert_cmpuint (p->status, ==, 201);
  body = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":\"%s\","
                          "\"request_source\":\"parent\"}", sc_test_response_get_int (p, "id"), received);
  c = sc_test_authed (daemon_, token, "POST", "/api/v1/cases", body, NULL);
  g_assert_cmpuint (c->status, ==, 201);
}

static void
started (const char *base_url)
{
  g_autofree char *admin = sc_test_sign_in (daemon_, "sysadmin", SC_TEST_DEMO_PASSWORD);
  g_autofree char *token = sc_test_sign_in (daemon_, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autoptr(ScTestResponse) user = NULL;

  user = sc_test_authed (daemon_, admin, "POST", "/api/v1/users",
                         "{\"username\":\"cw.two\",\"full_name\":\"Dan Hughes\",\"role\":\"caseworker\","
                         "\"password\":\"" DAN_PASSWORD "\"}", NULL);
  g_assert_cmpuint (user->status, ==, 201);
  dan_id = sc_test_response_get_int (user, "id");

  open_case (token, "Ada", "Byrne", 60);
  open_case (token, "Ben", "Okafor", 38);
  open_case (token, "Cara", "Singh", 5);
  scc_window_test_start (base_url);
}

static SccApiClient *
client_as (const char *username,
           const char *password)
{
  SccApiClient *client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autofree char *token = sc_test_sign_in (daemon_, username, password);

  scc_api_client_set_token (client, token);
  return client;
}

static GPtrArray *
workload (SccApiClient  *client,
          GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  scc_api_client_get_workload_async (client, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  return scc_api_client_get_workload_finish (client, result, error);
}

static const ScWorkload *
find_workload (GPtrArray  *team,
               const char *username)
{
  for (guint i = 0; i < team->len; i++)
    {
      const ScWorkload *workload = g_ptr_array_index (team, i);

      if (g_strcmp0 (workload->owner->username, username) == 0)
        return workload;
    }
  g_error ("%s is not in the workload", username);
  return NULL;
}

static GPtrArray *
caseload_of (SccApiClient *client,
             const char   *owner)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *cases;
  SccCaseloadQuery query = { .owner = owner, .due_within = -1 };

  scc_api_client_get_caseload_async (client, &query, NULL, 0, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  cases = scc_api_client_get_caseload_finish (client, result, NULL, &error);
  g_assert_no_error (error);
  return cases;
}

static void
test_api (void)
{
  g_autoptr(SccApiClient) manager = client_as ("manager", SC_TEST_DEMO_PASSWORD);
  g_autoptr(SccApiClient) caseworker = client_as ("caseworker", SC_TEST_DEMO_PASSWORD);
  g_autoptr(GPtrArray) team = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_autoptr(SccHandoverVm) form = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const ScWorkload *asha;
  const ScWorkload *dan;

  team = workload (manager, &error);
  g_assert_no_error (error);
  /* The caseworkers and the team manager, not the officer or the administrator. */
  g_assert_cmpuint (team->len, ==, 3);
  asha = find_workload (team, "caseworker");
  g_assert_cmpstr (asha->owner->full_name, ==, "Asha Patel");
  g_assert_cmpuint (asha->cases, ==, 3);
  g_assert_cmpuint (asha->overdue, ==, 1);
  g_assert_cmpuint (asha->due_this_week, ==, 1);
  dan = find_workload (team, "cw.two");
  g_assert_cmpint (dan->owner->id, ==, dan_id);
  g_assert_cmpuint (dan->cases, ==, 0);

  refused = workload (caseworker, &error);
  g_assert_null (refused);
  g_assert_error (error, SC_ERROR, SC_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* No note: nothing moves, and the note is named. */
  scc_api_client_hand_over_async (manager, asha->owner->id, NULL, 0, dan_id, "", NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  moved = scc_api_client_hand_over_finish (manager, result, &error);
  g_assert_null (moved);
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
  g_assert_nonnull (sc_problem_lookup_field (sc_error_get_problem (error), "note"));

  /* The form refuses what it can before sending: no new owner, no note. */
  form = scc_handover_vm_new (manager);
  scc_handover_vm_set_from (form, asha->owner->id, "Asha Patel");
  scc_handover_vm_set_cases (form, NULL, 0, asha->cases);
  g_assert_true (scc_handover_vm_get_whole (form));
  g_assert_cmpuint (scc_handover_vm_get_n_cases (form), ==, 3);
  g_assert_false (scc_form_vm_submit (SCC_FORM_VM (form)));
  g_assert_nonnull (scc_form_vm_get_field_error (SCC_FORM_VM (form), "note"));
  scc_form_vm_set_value (SCC_FORM_VM (form), "note", "a note");
  g_assert_false (scc_form_vm_submit (SCC_FORM_VM (form)));
  g_assert_cmpstr (scc_form_vm_get_field_error (SCC_FORM_VM (form), "to_owner_id"), ==, "choose who the cases go to");
  g_assert_false (scc_form_vm_get_busy (SCC_FORM_VM (form)));
}

static gboolean
list_settled (gpointer user_data)
{
  return scc_list_vm_get_loaded (SCC_LIST_VM (user_data)) && !scc_list_vm_get_loading (SCC_LIST_VM (user_data));
}

static gboolean
counted (gpointer user_data)
{
  return scc_caseload_vm_get_n_cases (SCC_CASELOAD_VM (user_data)) >= 0;
}

static gboolean
owners_loaded (gpointer user_data)
{
  return !scc_handover_vm_get_loading (SCC_HANDOVER_VM (user_data)) &&
         g_list_model_get_n_items (scc_handover_vm_get_owners (SCC_HANDOVER_VM (user_data))) > 0;
}

static gboolean
form_settled (gpointer user_data)
{
  return !scc_form_vm_get_busy (SCC_FORM_VM (user_data));
}

static gboolean
dialog_gone (gpointer user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(GObject) dialog = g_weak_ref_get (ref);

  return dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog));
}

static gboolean
case_loaded (gpointer user_data)
{
  SccCasePage *page = user_data;

  return !scc_case_page_get_loading (page) && scc_case_page_get_case (page) != NULL &&
         scc_case_page_get_events (page) != NULL;
}

static gboolean
dialog_focus_in (SccHandoverDialog *dialog,
                 const char        *id)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  GtkWidget *child = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), SCC_TYPE_HANDOVER_DIALOG, id));

  return focus != NULL && (focus == child || gtk_widget_is_ancestor (focus, child));
}

/* Enter in the dialog hands the cases over: waits for it to close and for
 * @list (a list view model) to be read again. */
static void
submit_and_wait (SccHandoverDialog *dialog,
                 gpointer           list)
{
  GWeakRef ref;

  g_weak_ref_init (&ref, dialog);
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (dialog_gone, &ref, 30);
  g_weak_ref_clear (&ref);
  scc_window_test_focus ();
  scc_test_wait_until (list_settled, list, 30);
  scc_test_run_for (200);
}

static gint64
owner_id_of (SccWorkloadVm *vm,
             const char    *name)
{
  GListModel *model = G_LIST_MODEL (vm);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SccWorkloadRow) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (scc_workload_row_get_name (row), name) == 0)
        return scc_workload_row_get_owner_id (row);
    }
  g_error ("%s is not on the Team Workload page", name);
  return 0;
}

static void
test_workload (void)
{
  SccWorkloadPage *page;
  SccWorkloadVm *vm;
  GtkColumnView *columns;
  GListModel *shown;
  g_autoptr(GtkColumnViewColumn) cases_column = NULL;
  g_autoptr(SccWorkloadRow) last = NULL;
  g_autoptr(SccWorkloadRow) asha = NULL;
  g_autofree char *overdue = NULL;
  g_auto(GStrv) places = NULL;

  scc_test_sign_in_as ("manager", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("home");
  places = scc_home_page_dup_place_titles (SCC_HOME_PAGE (scc_test_page ("home")));
  g_assert_true (g_strv_contains ((const char * const *) places, "Team _Workload"));

  /* From home by its mnemonic. */
  scc_window_test_focus ();
  scc_test_press_keys ("alt+w", NULL);
  scc_test_wait_page ("workload");
  page = SCC_WORKLOAD_PAGE (scc_test_page ("workload"));
  vm = scc_workload_page_get_view_model (page);
  scc_test_wait_until (list_settled, vm, 30);
  scc_test_run_for (200);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 3);
  g_assert_true (scc_test_has_focus (GTK_WIDGET (scc_list_page_get_view (SCC_LIST_PAGE (page)))));

  /* By name first: Asha, with the overdue case in words. */
  asha = g_list_model_get_item (G_LIST_MODEL (vm), 0);
  g_assert_cmpstr (scc_workload_row_get_name (asha), ==, "Asha Patel");
  g_assert_cmpuint (scc_workload_row_get_cases (asha), ==, 3);
  overdue = scc_workload_row_format_overdue (asha);
  g_assert_cmpstr (overdue, ==, "1 overdue");
  scc_test_save_screenshot (GTK_WIDGET (window), "workload.png");

  /* Sorted by cases, fewest first: Asha is last. */
  columns = scc_list_view_get_column_view (scc_list_page_get_view (SCC_LIST_PAGE (page)));
  cases_column = g_list_model_get_item (gtk_column_view_get_columns (columns), 1);
  g_assert_cmpstr (gtk_column_view_column_get_title (cases_column), ==, "Cases");
  gtk_column_view_sort_by_column (columns, cases_column, GTK_SORT_ASCENDING);
  scc_test_run_for (100);
  shown = scc_list_view_get_model (scc_list_page_get_view (SCC_LIST_PAGE (page)));
  last = g_list_model_get_item (shown, g_list_model_get_n_items (shown) - 1);
  g_assert_cmpstr (scc_workload_row_get_name (last), ==, "Asha Patel");
}

static void
test_reassign (void)
{
  SccCaseloadPage *page = SCC_CASELOAD_PAGE (scc_test_page ("caseload"));
  SccCaseloadVm *vm = scc_caseload_page_get_view_model (page);
  SccListView *list = scc_list_page_get_view (SCC_LIST_PAGE (page));
  g_autoptr(SccApiClient) manager = client_as ("manager", SC_TEST_DEMO_PASSWORD);
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GPtrArray) dans = NULL;
  g_autofree char *dan = g_strdup_printf ("%" G_GINT64_FORMAT, dan_id);
  g_autoptr(SccCaseRow) left = NULL;
  SccHandoverDialog *dialog;
  SccHandoverVm *form;

  /* Enter on the last row (Asha, after the sort) opens her caseload. */
  scc_test_press_keys ("End", "Return", NULL);
  scc_test_wait_page ("caseload");
  scc_test_wait_until (list_settled, vm, 30);
  scc_test_wait_until (counted, vm, 30);
  scc_test_run_for (200);
  g_assert_cmpstr (scc_caseload_page_get_owner_name (page), ==, "Asha Patel");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 3);
  g_assert_cmpint (scc_caseload_vm_get_n_cases (vm), ==, 3);
  g_assert_true (scc_test_has_focus (GTK_WIDGET (list)));

  /* The first two (Ada, the overdue one, and Ben) with Shift+Down. */
  scc_test_press_keys ("Down", "Up", "shift+Down", NULL);
  selected = scc_list_view_dup_selected (list);
  g_assert_cmpuint (selected->len, ==, 2);
  g_assert_cmpstr (scc_case_row_get_child_name (g_ptr_array_index (selected, 0)), ==, "Ada Byrne");
  g_assert_cmpstr (scc_case_row_get_child_name (g_ptr_array_index (selected, 1)), ==, "Ben Okafor");
  scc_test_save_screenshot (GTK_WIDGET (window), "caseload-team.png");

  /* Ctrl+Shift+R: the dialog, the keyboard on the new owner. */
  scc_test_press_keys ("ctrl+shift+r", NULL);
  dialog = SCC_HANDOVER_DIALOG (scc_page_get_dialog (SCC_PAGE (page)));
  g_assert_nonnull (dialog);
  form = scc_handover_dialog_get_form (dialog);
  g_assert_cmpuint (scc_handover_vm_get_n_cases (form), ==, 2);
  g_assert_false (scc_handover_vm_get_whole (form));
  scc_test_wait_until (owners_loaded, form, 30);
  scc_test_focus_window (GTK_WINDOW (dialog));
  scc_test_run_for (200);
  g_assert_true (dialog_focus_in (dialog, "owner_row"));
  /* Asha is not offered her own cases. */
  g_assert_cmpuint (g_list_model_get_n_items (scc_handover_vm_get_owners (form)), ==, 2);
  g_assert_true (scc_handover_vm_select_owner (form, dan_id));
  g_assert_cmpstr (scc_handover_vm_get_to_name (form), ==, "Dan Hughes");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                     SCC_TYPE_HANDOVER_DIALOG, "summary_label"))), ==,
                   "2 cases of Asha Patel move to Dan Hughes, with their deadlines.");

  /* Tab to the note; Enter with none is refused beside it. */
  scc_test_press_keys ("Tab", "Return", NULL);
  scc_test_wait_until (form_settled, form, 30);
  scc_test_run_for (100);
  g_assert_nonnull (scc_form_vm_get_field_error (SCC_FORM_VM (form), "note"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (scc_field_row_get_error_label (
    SCC_FIELD_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), SCC_TYPE_HANDOVER_DIALOG, "note_row"))))));

  /* The note, and Enter hands the cases over. */
  scc_test_type_text (REASSIGN_NOTE);
  g_assert_cmpstr (scc_form_vm_get_value (SCC_FORM_VM (form), "note"), ==, REASSIGN_NOTE);
  scc_test_save_screenshot (GTK_WIDGET (dialog), "reassign.png");
  submit_and_wait (dialog, vm);
  scc_test_assert_toast ("2 cases reassigned to Dan Hughes");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 1);
  left = g_list_model_get_item (G_LIST_MODEL (vm), 0);
  g_assert_cmpstr (scc_case_row_get_child_name (left), ==, "Cara Singh");

  /* The server moved them, with the note. */
  dans = caseload_of (manager, dan);
  g_assert_cmpuint (dans->len, ==, 2);
  for (guint i = 0; i < dans->len; i++)
    {
      ScCase *kase = g_ptr_array_index (dans, i);

      g_assert_cmpint (sc_case_get_owner (kase)->id, ==, dan_id);
      g_assert_cmpstr (sc_case_get_handover_note (kase), ==, REASSIGN_NOTE);
    }

  /* Back is Team Workload, where the caseload was opened from. */
  scc_window_dismiss_toasts (window);
  scc_test_press_keys ("alt+Left", NULL);
  scc_test_wait_page ("workload");
}

static void
test_hand_over (void)
{
  SccWorkloadPage *page = SCC_WORKLOAD_PAGE (scc_test_page ("workload"));
  SccWorkloadVm *vm = scc_workload_page_get_view_model (page);
  GtkSelectionModel *shown = GTK_SELECTION_MODEL (scc_list_view_get_model (scc_list_page_get_view (SCC_LIST_PAGE (page))));
  g_autoptr(SccApiClient) manager = client_as ("manager", SC_TEST_DEMO_PASSWORD);
  g_autoptr(GPtrArray) toms = NULL;
  SccCaseloadPage *caseload = SCC_CASELOAD_PAGE (scc_test_page ("caseload"));
  SccHandoverDialog *dialog;
  SccHandoverVm *form;
  gint64 tom_id;

  scc_test_wait_until (list_settled, vm, 30);
  scc_test_run_for (200);
  tom_id = owner_id_of (vm, "Tom Reilly");
  g_assert_cmpuint (scc_workload_row_get_cases (scc_workload_vm_find (vm, owner_id_of (vm, "Asha Patel"))), ==, 1);
  g_assert_cmpuint (scc_workload_row_get_cases (scc_workload_vm_find (vm, dan_id)), ==, 2);

  /* Asha's row selected, wherever the sort put it. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shown)); i++)
    {
      g_autoptr(SccWorkloadRow) row = g_list_model_get_item (G_LIST_MODEL (shown), i);

      if (g_strcmp0 (scc_workload_row_get_name (row), "Asha Patel") == 0)
        gtk_selection_model_select_item (shown, i, TRUE);
    }
  g_assert_cmpstr (scc_workload_row_get_name (scc_workload_page_get_selected (page)), ==, "Asha Patel");

  scc_test_press_keys ("ctrl+shift+h", NULL);
  dialog = SCC_HANDOVER_DIALOG (scc_page_get_dialog (SCC_PAGE (page)));
  g_assert_nonnull (dialog);
  form = scc_handover_dialog_get_form (dialog);
  g_assert_true (scc_handover_vm_get_whole (form));
  scc_test_wait_until (owners_loaded, form, 30);
  g_assert_cmpuint (scc_handover_vm_get_n_cases (form), ==, 1);
  scc_test_focus_window (GTK_WINDOW (dialog));
  g_assert_true (scc_handover_vm_select_owner (form, tom_id));
  scc_test_press_keys ("Tab", NULL);
  scc_test_type_text (HANDOVER_NOTE);
  scc_test_run_for (100);
  scc_test_save_screenshot (GTK_WIDGET (dialog), "hand-over.png");
  submit_and_wait (dialog, vm);
  scc_test_assert_toast ("1 case handed over from Asha Patel to Tom Reilly");
  g_assert_cmpuint (scc_workload_row_get_cases (scc_workload_vm_find (vm, owner_id_of (vm, "Asha Patel"))), ==, 0);
  g_assert_cmpuint (scc_workload_row_get_cases (scc_workload_vm_find (vm, tom_id)), ==, 1);

  toms = caseload_of (manager, "me");
  g_assert_cmpuint (toms->len, ==, 1);
  g_assert_cmpstr (sc_case_get_handover_note (g_ptr_array_index (toms, 0)), ==, HANDOVER_NOTE);

  /* My Caseload, from a place, is the manager's own again. */
  scc_window_dismiss_toasts (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "caseload"));
  scc_test_wait_page ("caseload");
  g_assert_null (scc_caseload_page_get_owner_name (caseload));
  g_assert_cmpstr (scc_caseload_vm_get_owner (scc_caseload_page_get_view_model (caseload)), ==, "me");
  scc_test_wait_until (list_settled, scc_caseload_page_get_view_model (caseload), 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (scc_caseload_page_get_view_model (caseload))), ==, 1);
  /* Back from one's own caseload is home again, not the workload. */
  scc_test_press_keys ("alt+Left", NULL);
  scc_test_wait_page ("home");
}

static void
test_deadlines_reassign (void)
{
  SccDeadlinesPage *page = SCC_DEADLINES_PAGE (scc_test_page ("deadlines"));
  SccCaseloadVm *vm = scc_deadlines_page_get_view_model (page);
  SccListView *list = scc_list_page_get_view (SCC_LIST_PAGE (page));
  GtkSelectionModel *shown = GTK_SELECTION_MODEL (scc_list_view_get_model (list));
  SccWorkloadVm *workload = scc_workload_page_get_view_model (SCC_WORKLOAD_PAGE (scc_test_page ("workload")));
  g_autoptr(SccApiClient) manager = client_as ("manager", SC_TEST_DEMO_PASSWORD);
  g_autoptr(GPtrArray) ashas = NULL;
  g_autofree char *asha = NULL;
  SccHandoverDialog *dialog;
  SccHandoverVm *form;
  gint64 asha_id;

  asha_id = owner_id_of (workload, "Asha Patel");
  asha = g_strdup_printf ("%" G_GINT64_FORMAT, asha_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "deadlines"));
  scc_test_wait_page ("deadlines");
  scc_test_wait_until (list_settled, vm, 30);
  scc_test_run_for (200);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 3);

  /* All three (Dan's two and Tom's one, Ctrl+A): of two owners, refused. */
  scc_window_test_focus ();
  gtk_widget_grab_focus (GTK_WIDGET (list));
  scc_test_press_keys ("ctrl+a", NULL);
  {
    g_autoptr(GPtrArray) selected = scc_list_view_dup_selected (list);

    g_assert_cmpuint (selected->len, ==, 3);
  }
  scc_test_press_keys ("ctrl+shift+r", NULL);
  scc_test_run_for (100);
  g_assert_null (scc_page_get_dialog (SCC_PAGE (page)));
  scc_test_assert_toast ("Select the cases of one owner to reassign them together");
  scc_window_dismiss_toasts (window);

  /* Tom's one alone: back to Asha, with a note. */
  gtk_selection_model_unselect_all (shown);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shown)); i++)
    {
      g_autoptr(SccCaseRow) row = g_list_model_get_item (G_LIST_MODEL (shown), i);

      if (g_strcmp0 (scc_case_row_get_child_name (row), "Cara Singh") == 0)
        gtk_selection_model_select_item (shown, i, TRUE);
    }
  scc_test_press_keys ("ctrl+shift+r", NULL);
  dialog = SCC_HANDOVER_DIALOG (scc_page_get_dialog (SCC_PAGE (page)));
  g_assert_nonnull (dialog);
  form = scc_handover_dialog_get_form (dialog);
  g_assert_cmpuint (scc_handover_vm_get_n_cases (form), ==, 1);
  scc_test_wait_until (owners_loaded, form, 30);
  scc_test_focus_window (GTK_WINDOW (dialog));
  g_assert_true (scc_handover_vm_select_owner (form, asha_id));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                     SCC_TYPE_HANDOVER_DIALOG, "summary_label"))), ==,
                   "1 case of Tom Reilly moves to Asha Patel, with its deadlines.");
  scc_test_press_keys ("Tab", NULL);
  scc_test_type_text (DEADLINES_NOTE);
  submit_and_wait (dialog, vm);
  scc_test_assert_toast ("1 case reassigned to Asha Patel");
  scc_window_dismiss_toasts (window);

  ashas = caseload_of (manager, asha);
  g_assert_cmpuint (ashas->len, ==, 1);
  g_assert_cmpstr (sc_case_get_handover_note (g_ptr_array_index (ashas, 0)), ==, DEADLINES_NOTE);
  g_assert_cmpint (sc_case_get_owner (g_ptr_array_index (ashas, 0))->id, ==, asha_id);
}

static void
test_new_owner_reads_note (void)
{
  SccCaseloadPage *caseload = SCC_CASELOAD_PAGE (scc_test_page ("caseload"));
  SccCaseloadVm *vm = scc_caseload_page_get_view_model (caseload);
  SccCasePage *page = SCC_CASE_PAGE (scc_test_page ("case"));
  GtkWidget *box = scc_test_child ("case", "handover_box");

  g_action_group_activate_action (G_ACTION_GROUP (window), "sign-out", NULL);
  scc_window_dismiss_toasts (window);
  scc_test_run_for (100);
  /* A caseworker's session begins at their caseload. */
  scc_test_sign_in_as ("cw.two", DAN_PASSWORD);
  scc_test_wait_page ("caseload");
  scc_test_wait_until (list_settled, vm, 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 2);
  /* A caseworker reassigns nothing. */
  g_assert_false (gtk_widget_get_visible (scc_test_child ("caseload", "reassign_button")));

  scc_window_test_focus ();
  gtk_widget_grab_focus (GTK_WIDGET (scc_list_page_get_view (SCC_LIST_PAGE (caseload))));
  scc_test_run_for (100);
  scc_test_press_keys ("Down", "Up", "Return", NULL);
  scc_test_wait_page ("case");
  scc_test_wait_until (case_loaded, page, 30);
  scc_test_run_for (300);
  g_assert_true (gtk_widget_get_visible (box));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (scc_test_child ("case", "handover_note_label"))), ==,
                   REASSIGN_NOTE);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%-d %b %Y");
    g_autofree char *title = g_strdup_printf ("Handed over to you by Tom Reilly on %s: read this first", today);

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (scc_test_child ("case", "handover_title_label"))), ==, title);
  }
  scc_test_save_screenshot (GTK_WIDGET (window), "case-handover-note.png");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* In this order: each starts where the one before left the window. */
  g_test_add_func ("/client/team/api", test_api);
  g_test_add_func ("/client/team/workload", test_workload);
  g_test_add_func ("/client/team/reassign", test_reassign);
  g_test_add_func ("/client/team/hand-over", test_hand_over);
  g_test_add_func ("/client/team/deadlines-reassign", test_deadlines_reassign);
  g_test_add_func ("/client/team/new-owner-reads-note", test_new_owner_reads_note);

  return scc_test_run_with_daemon ("scc-team-XXXXXX", (const char *[]) { "--demo-data", NULL }, started,
                                   scc_window_test_stop, &daemon_, NULL);
}
