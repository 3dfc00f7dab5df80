/* test-advice.c
 *
 * Advice to Chase and Team Deadlines against the real sendcased and its
 * demo users, with a second caseworker (Dan Hughes) made through the API.
 * Asha Patel (the demo caseworker) has one case, Ada Byrne's, whose
 * educational psychology advice was asked for 60 days ago (overdue: six
 * weeks is 42 days) and whose health advice 20 days ago; Dan has Eli
 * Moss's, whose social care advice was asked for 50 days ago.
 *
 * First the call of SccApiClient: the caseworker's chase list is her one
 * overdue request, the team's every request awaited is all three, a
 * system administrator may not read it. Then the real window, by
 * keyboard: Asha opens Advice to Chase from home (Alt+V) and finds her
 * overdue request, in words; every request awaited adds the health one;
 * the team's adds Dan's, with his name; Ctrl+A and Ctrl+Shift+C put the
 * three on the clipboard as a chase list; Enter opens the case and Back
 * returns to the list as it was left. Last, the team manager opens Team
 * Deadlines from home (Alt+D): both cases, their owners, the team's
 * counts; Enter opens a case and Back returns to the deadlines, and from
 * there home; and the admin officer's Advice to Chase is the team's.
 * Saves advice.png and deadlines.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-error.h"
#include "sc-test-daemon.h"

#include "scc-advice-page.h"
#include "scc-api-client-cases.h"
#include "scc-case-page.h"
#include "scc-client-test.h"
#include "scc-deadlines-page.h"
#include "scc-window-test.h"

#define DAN_PASSWORD "dan-hughes-password-2026"

static ScTestDaemon *daemon_;
static gint64 ada_case_id;
static gint64 eli_case_id;

#define window scc_test_window

static char *
days_ago (int days)
{
  char buffer[SC_DAY_STRING_SIZE];

  return g_strdup (sc_day_format (scc_case_today () - days, buffer));
}

static void
add_event (const char *token,
           gint64      case_id,
           const char *type,
           int         days,
           const char *key)
{
  g_autofree char *date = days_ago (days);
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", case_id);
  g_autofree char *body = g_strdup_printf ("{\"type\":\"%s\",\"date\":\"%s\"%s%s%s}", type, date,
                                           key != NULL ? ",\"key\":\"" : "", key != NULL ? key : "",
                                           key != NULL ? "\"" : "");
  g_autoptr(ScTestResponse) r = sc_test_authed (daemon_, token, "POST", path, body, NULL);

  g_assert_cmpuint (r->status, ==, 201);
}

/* A case received @received days ago, with the decision to assess ten days later. */
static gint64
open_case (const char *token,
           const char *given,
           const char *family,
           int         received)
{
  g_autofree char *person = g_strdup_printf ("{\"given_name\":\"%s\",\"family_name\":\"%s\","
                                             "\"date_of_birth\":\"2015-09-12\"}", given, family);
  g_autoptr(ScTestResponse) p = sc_test_authed (daemon_, token, "POST", "/api/v1/people", person, NULL);
  g_autofree char *date = days_ago (received);
  g_autofree char *body = NULL;
  g_autoptr(ScTestResponse) c = NULL;
  gint64 id;

  g_assert_cmpuint (p->status, ==, 201);
  body = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":\"%s\","
                          "\"request_source\":\"parent\"}", sc_test_response_get_int (p, "id"), date);
  c = sc_test_authed (daemon_, token, "POST", "/api/v1/cases", body, NULL);
  g_assert_cmpuint (c->status, ==, 201);
  id = sc_test_response_get_int (c, "id");
  add_event (token, id, "decided_to_assess", received - 10, NULL);
  return id;
}

static void
started (const char *base_url)
{
  g_autofree char *admin = sc_test_sign_in (daemon_, "sysadmin", SC_TEST_DEMO_PASSWORD);
  g_autofree char *asha = sc_test_sign_in (daemon_, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autofree char *dan = NULL;
  g_autoptr(ScTestResponse) user = NULL;

  user = sc_test_authed (daemon_, admin, "POST", "/api/v1/users",
                         "{\"username\":\"cw.two\",\"full_name\":\"Dan Hughes\",\"role\":\"caseworker\","
                         "\"password\":\"" DAN_PASSWORD "\"}", NULL);
  g_assert_cmpuint (user->status, ==, 201);
  dan = sc_test_sign_in (daemon_, "cw.two", DAN_PASSWORD);

  ada_case_id = open_case (asha, "Ada", "Byrne", 80);
  add_event (asha, ada_case_id, "advice_requested", 60, "educational_psychology");
  add_event (asha, ada_case_id, "advice_requested", 20, "health");
  eli_case_id = open_case (dan, "Eli", "Moss", 70);
  add_event (dan, eli_case_id, "advice_requested", 50, "social_care");
  scc_window_test_start (base_url);
}

static GPtrArray *
advice_of (const char  *username,
           const char  *owner,
           gboolean     overdue_only,
           GError     **error)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autofree char *token = sc_test_sign_in (daemon_, username, SC_TEST_DEMO_PASSWORD);
  g_autoptr(GAsyncResult) result = NULL;

  scc_api_client_set_token (client, token);
  scc_api_client_list_advice_async (client, owner, overdue_only, NULL, 0, NULL, scc_test_store_result_cb, &result);
  scc_test_wait_until (scc_test_result_ready, &result, 30);
  return scc_api_client_list_advice_finish (client, result, NULL, error);
}

static void
test_api (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mine = advice_of ("caseworker", "me", TRUE, &error);
  g_autoptr(GPtrArray) team = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  const ScAdviceRequest *ep;

  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 1);
  ep = g_ptr_array_index (mine, 0);
  g_assert_cmpint (ep->case_id, ==, ada_case_id);
  g_assert_cmpstr (ep->adviser, ==, "educational_psychology");
  g_assert_cmpstr (ep->given_name, ==, "Ada");
  g_assert_cmpint (ep->requested_on, ==, scc_case_today () - 60);
  g_assert_cmpint (ep->due, ==, scc_case_today () - 60 + 42);
  g_assert_cmpstr (ep->owner->full_name, ==, "Asha Patel");

  /* The team's, every one awaited, earliest due first. */
  team = advice_of ("caseworker", NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (team->len, ==, 3);
  g_assert_cmpstr (((ScAdviceRequest *) g_ptr_array_index (team, 0))->adviser, ==, "educational_psychology");
  g_assert_cmpstr (((ScAdviceRequest *) g_ptr_array_index (team, 1))->adviser, ==, "social_care");
  g_assert_cmpstr (((ScAdviceRequest *) g_ptr_array_index (team, 2))->adviser, ==, "health");

  refused = advice_of ("sysadmin", NULL, FALSE, &error);
  g_assert_null (refused);
  g_assert_error (error, SC_ERROR, SC_ERROR_FORBIDDEN);
}

static SccAdviceRow *
shown_row (SccListPage *page,
           guint        position)
{
  GListModel *shown = scc_list_view_get_model (scc_list_page_get_view (page));

  g_assert_cmpuint (position, <, g_list_model_get_n_items (shown));
  return g_list_model_get_item (shown, position);
}

static gboolean
case_shown (gpointer user_data)
{
  SccCasePage *page = SCC_CASE_PAGE (scc_test_page ("case"));

  return !scc_case_page_get_loading (page) && scc_case_page_get_case (page) != NULL &&
         sc_case_get_id (scc_case_page_get_case (page)) == GPOINTER_TO_INT (user_data);
}

typedef struct
{
  gboolean  done;
  char     *text;
} ClipboardRead;

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  read->done = TRUE;
}

static gboolean
clipboard_read (gpointer user_data)
{
  return ((ClipboardRead *) user_data)->done;
}

static void
test_chase (void)
{
  SccListPage *page = SCC_LIST_PAGE (scc_test_page ("advice"));
  SccAdviceListVm *vm = scc_advice_page_get_view_model (SCC_ADVICE_PAGE (page));
  GtkDropDown *whose = GTK_DROP_DOWN (scc_test_child ("advice", "whose_filter"));
  GtkDropDown *show = GTK_DROP_DOWN (scc_test_child ("advice", "show_filter"));
  g_autoptr(SccAdviceRow) first = NULL;
  g_autoptr(SccAdviceRow) second = NULL;
  ClipboardRead read = { 0 };

  scc_test_sign_in_as ("caseworker", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("caseload");
  scc_window_test_focus ();
  scc_test_press_keys ("alt+Home", NULL);
  scc_test_wait_page ("home");
  scc_test_press_keys ("alt+v", NULL);
  scc_test_wait_page ("advice");
  scc_test_wait_until (scc_test_list_settled, vm, 30);

  /* Her own overdue request, overdue in words. */
  g_assert_cmpuint (gtk_drop_down_get_selected (whose), ==, 0);
  g_assert_true (scc_chase_list_vm_get_overdue_only (SCC_CHASE_LIST_VM (vm)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 1);
  first = shown_row (page, 0);
  g_assert_cmpstr (scc_advice_row_get_child_name (first), ==, "Ada Byrne");
  g_assert_cmpstr (scc_advice_row_get_adviser (first), ==, "Educational psychology");
  g_assert_cmpstr (scc_advice_row_get_days_left (first), ==, "Overdue by 18 days");
  g_assert_true (scc_advice_row_get_overdue (first));
  g_clear_object (&first);

  /* Every request awaited: the health advice too, not yet due. */
  gtk_drop_down_set_selected (show, 1);
  scc_test_wait_until (scc_test_list_settled, vm, 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 2);

  /* The team's: Dan's case with his name. */
  gtk_drop_down_set_selected (whose, 1);
  scc_test_wait_until (scc_test_list_settled, vm, 30);
  g_assert_true (scc_chase_list_vm_get_team (SCC_CHASE_LIST_VM (vm)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 3);
  second = shown_row (page, 1);
  g_assert_cmpstr (scc_advice_row_get_child_name (second), ==, "Eli Moss");
  {
    GValue owner = G_VALUE_INIT;

    g_value_init (&owner, G_TYPE_STRING);
    g_object_get_property (G_OBJECT (second), "owner-name", &owner);
    g_assert_cmpstr (g_value_get_string (&owner), ==, "Dan Hughes");
    g_value_unset (&owner);
  }

  /* Every row, copied as a chase list. */
  gtk_widget_grab_focus (GTK_WIDGET (scc_list_page_get_view (page)));
  scc_test_run_for (100);
  scc_test_press_keys ("ctrl+a", "ctrl+shift+c", NULL);
  scc_test_assert_toast ("3 requests copied: paste them into a letter or an email");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, clipboard_read_cb, &read);
  scc_test_wait_until (clipboard_read, &read, 10);
  g_assert_nonnull (read.text);
  g_assert_true (g_str_has_prefix (read.text, "Child\tAdviser\tAsked On\tDue\tDays Left\tCase Owner\n"));
  g_assert_nonnull (strstr (read.text, "Ada Byrne\tEducational psychology\t"));
  g_assert_nonnull (strstr (read.text, "\tOverdue by 18 days\tAsha Patel\n"));
  g_assert_nonnull (strstr (read.text, "Eli Moss\tSocial care\t"));
  g_assert_nonnull (strstr (read.text, "Ada Byrne\tHealth\t"));
  g_free (read.text);
  scc_window_dismiss_toasts (window);
  scc_test_save_screenshot (GTK_WIDGET (window), "advice.png");

  /* Enter opens the case; Back returns to the list as it was left. */
  scc_test_press_keys ("Home", "Return", NULL);
  scc_test_wait_page ("case");
  scc_test_wait_until (case_shown, GINT_TO_POINTER (ada_case_id), 30);
  scc_test_press_keys ("alt+Left", NULL);
  scc_test_wait_page ("advice");
  g_assert_true (scc_chase_list_vm_get_team (SCC_CHASE_LIST_VM (vm)));
  g_assert_false (scc_chase_list_vm_get_overdue_only (SCC_CHASE_LIST_VM (vm)));
  scc_test_wait_until (scc_test_list_settled, vm, 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 3);
}

static gboolean
counted (gpointer user_data)
{
  return scc_caseload_vm_get_n_cases (SCC_CASELOAD_VM (user_data)) >= 0;
}

static void
test_deadlines (void)
{
  SccListPage *page = SCC_LIST_PAGE (scc_test_page ("deadlines"));
  SccCaseloadVm *vm = scc_deadlines_page_get_view_model (SCC_DEADLINES_PAGE (page));
  GListModel *shown = scc_list_view_get_model (scc_list_page_get_view (page));
  g_autofree char *counts = NULL;
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();

  g_action_group_activate_action (G_ACTION_GROUP (window), "sign-out", NULL);
  scc_window_dismiss_toasts (window);
  scc_test_sign_in_as ("manager", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("home");
  /* The team manager chases for the team. */
  g_assert_true (scc_chase_list_vm_get_team (SCC_CHASE_LIST_VM (scc_advice_page_get_view_model (SCC_ADVICE_PAGE (scc_test_page ("advice"))))));

  scc_window_test_focus ();
  scc_test_press_keys ("alt+d", NULL);
  scc_test_wait_page ("deadlines");
  scc_test_wait_until (scc_test_list_settled, vm, 30);
  scc_test_wait_until (counted, vm, 30);
  g_assert_true (scc_caseload_vm_get_team (vm));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SccCaseRow) row = g_list_model_get_item (shown, i);

      g_ptr_array_add (owners, (gpointer) g_intern_string (scc_case_row_get_owner_name (row)));
      g_assert_true (scc_case_row_get_overdue (row));
    }
  g_assert_true (g_ptr_array_find_with_equal_func (owners, "Asha Patel", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (owners, "Dan Hughes", g_str_equal, NULL));
  counts = scc_caseload_vm_dup_counts_text (vm);
  g_assert_cmpstr (counts, ==, "2 cases · 2 overdue · 0 due in the next 7 days");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (scc_test_child ("deadlines", "counts_label"))), ==, counts);
  g_assert_true (scc_test_has_focus (GTK_WIDGET (scc_list_page_get_view (page))));
  scc_test_save_screenshot (GTK_WIDGET (window), "deadlines.png");

  /* Enter opens the first; Back is the deadlines, and then home. */
  {
    g_autoptr(SccCaseRow) row = g_list_model_get_item (shown, 0);
    gint64 id = sc_case_get_id (scc_case_row_get_case (row));

    scc_test_press_keys ("Home", "Return", NULL);
    scc_test_wait_page ("case");
    scc_test_wait_until (case_shown, GINT_TO_POINTER (id), 30);
  }
  scc_test_press_keys ("alt+Left", NULL);
  scc_test_wait_page ("deadlines");
  scc_test_press_keys ("alt+Left", NULL);
  scc_test_wait_page ("home");
}

/* The admin officer, who owns no case, chases for the team. */
static void
test_admin_officer (void)
{
  SccAdviceListVm *vm = scc_advice_page_get_view_model (SCC_ADVICE_PAGE (scc_test_page ("advice")));

  g_action_group_activate_action (G_ACTION_GROUP (window), "sign-out", NULL);
  scc_window_dismiss_toasts (window);
  scc_test_sign_in_as ("officer", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("home");
  scc_window_test_focus ();
  scc_test_press_keys ("alt+v", NULL);
  scc_test_wait_page ("advice");
  scc_test_wait_until (scc_test_list_settled, vm, 30);
  g_assert_true (scc_chase_list_vm_get_team (SCC_CHASE_LIST_VM (vm)));
  g_assert_true (scc_chase_list_vm_get_overdue_only (SCC_CHASE_LIST_VM (vm)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* In this order: each starts where the one before left the window. */
  g_test_add_func ("/client/advice/api", test_api);
  g_test_add_func ("/client/advice/chase", test_chase);
  g_test_add_func ("/client/advice/deadlines", test_deadlines);
  g_test_add_func ("/client/advice/admin-officer", test_admin_officer);

  return scc_test_run_with_daemon ("scc-advice-XXXXXX", (const char *[]) { "--demo-data", NULL }, started,
                                   scc_window_test_stop, &daemon_, NULL);
}
