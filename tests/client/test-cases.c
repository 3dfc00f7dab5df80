/* test-cases.c
 *
 * The caseworker's pages against the real sendcased and its demo users,
 * with three cases opened through the API for the caseworker: one whose
 * decision on the request is overdue, one due within the week, one newly
 * received. First the case calls of SccApiClient (the caseload and its
 * filters, a case, its timeline and events, a refused event naming its
 * field, a refused void of the request; an event sent twice under one
 * Idempotency-Key, as a retry sends it, recorded once). Then the real window: the caseworker's home offers My
 * Caseload first; the caseload lists the cases, the overdue one first,
 * with its counts; Enter opens the case; an event is recorded by keyboard
 * and the next deadline moves; an event dated tomorrow is refused beside
 * its date; the event recorded is voided and the deadline it met is open
 * again. Saves caseload.png, case.png and case-record-event.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-case-rules.h"

#include "sc-error.h"
#include "sc-problem.h"
#include "sc-test-daemon.h"

#include "scc-api-client-cases.h"
#include "scc-case-page.h"
#include "scc-caseload-page.h"
#include "scc-client-test.h"
#include "scc-window-test.h"

static ScTestDaemon *daemon_;
static gint64 overdue_case;

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

static gint64
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
  return sc_test_response_get_int (c, "id");
}

static void
started (const char *base_url)
{
  g_autofree char *token = sc_test_sign_in (daemon_, "caseworker", SC_TEST_DEMO_PASSWORD);

  overdue_case = open_case (token, "Ada", "Byrne", 60);
  open_case (token, "Ben", "Okafor", 38);
  open_case (token, "Cara", "Singh", 5);
  scc_window_test_start (base_url);
}

static GPtrArray *
caseload (SccApiClient *client,
          const char   *status,
          int           due_within)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SccCaseloadQuery query = { .owner = "me", .status = status, .due_within = due_within };
  GPtrArray *cases;

  scc_api_client_get_caseload_async (client, &query, NULL, 0, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  cases = scc_api_client_get_caseload_finish (client, result, NULL, &error);
  g_assert_no_error (error);
  return cases;
}

static void
test_api (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autofree char *token = sc_test_sign_in (daemon_, "caseworker", SC_TEST_DEMO_PASSWORD);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) soon = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(ScCase) kase = NULL;
  g_autoptr(ScCaseEvent) event = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ScClockEvent future = { .type = SC_EVENT_DECIDED_TO_ASSESS, .date = scc_case_today () + 1 };
  const GError *problem;

  scc_api_client_set_token (client, token);

  all = caseload (client, NULL, -1);
  g_assert_cmpuint (all->len, ==, 3);
  /* the earliest deadline first */
  g_assert_cmpint (sc_case_get_id (g_ptr_array_index (all, 0)), ==, overdue_case);
  g_assert_cmpstr (sc_case_get_next_milestone (g_ptr_array_index (all, 0)), ==, "assessment_decision");
  overdue = caseload (client, "overdue", -1);
  g_assert_cmpuint (overdue->len, ==, 1);
  soon = caseload (client, "due", SCC_CASELOAD_DUE_SOON_DAYS);
  g_assert_cmpuint (soon->len, ==, 1);
  g_assert_cmpstr (sc_case_get_person (g_ptr_array_index (soon, 0))->given_name, ==, "Ben");

  scc_api_client_get_case_async (client, overdue_case, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  kase = scc_api_client_get_case_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_case_get_person (kase)->family_name, ==, "Byrne");
  g_assert_cmpint (sc_case_get_version (kase), >, 0);
  g_clear_object (&result);

  scc_api_client_get_timeline_async (client, overdue_case, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  timeline = scc_api_client_get_timeline_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, >=, 2);
  g_assert_cmpint (((SccTimelineEntry *) g_ptr_array_index (timeline, 0))->id, ==, SC_MILESTONE_ASSESSMENT_DECISION);
  g_assert_cmpint (((SccTimelineEntry *) g_ptr_array_index (timeline, 0))->status, ==, SC_STATUS_OVERDUE);
  g_clear_object (&result);

  scc_api_client_list_events_async (client, overdue_case, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  events = scc_api_client_list_events_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (sc_case_event_get_clock_event (g_ptr_array_index (events, 0))->type, ==, SC_EVENT_REQUEST_RECEIVED);
  g_clear_object (&result);

  /* A date in the future is refused, naming the date. */
  scc_api_client_add_event_async (client, overdue_case, &future, NULL, NULL, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  event = scc_api_client_add_event_finish (client, result, &error);
  g_assert_null (event);
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
  problem = error;
  g_assert_nonnull (sc_error_get_problem (problem));
  g_assert_nonnull (sc_problem_lookup_field (sc_error_get_problem (problem), "date"));
  g_clear_error (&error);
  g_clear_object (&result);

  /* The first event cannot be voided: the request opened the case. */
  scc_api_client_void_event_async (client, overdue_case, sc_case_event_get_id (g_ptr_array_index (events, 0)),
                                   "entered by mistake", NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  event = scc_api_client_void_event_finish (client, result, &error);
  g_assert_null (event);
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
}

static gboolean
list_settled (gpointer user_data)
{
  return scc_list_vm_get_loaded (SCC_LIST_VM (user_data)) && !scc_list_vm_get_loading (SCC_LIST_VM (user_data));
}

static gboolean
counted (gpointer user_data)
{
  SccCaseloadVm *vm = user_data;

  return scc_caseload_vm_get_n_cases (vm) >= 0 && scc_caseload_vm_get_n_overdue (vm) >= 0 &&
         scc_caseload_vm_get_n_due_soon (vm) >= 0;
}

static gboolean
case_loaded (gpointer user_data)
{
  SccCasePage *page = user_data;

  return !scc_case_page_get_loading (page) && scc_case_page_get_case (page) != NULL &&
         scc_case_page_get_events (page) != NULL;
}

static gboolean
voided (gpointer user_data)
{
  SccCasePage *page = user_data;
  GPtrArray *events = scc_case_page_get_events (page);

  return !scc_case_page_get_loading (page) && events != NULL && events->len == 2 &&
         sc_case_event_is_voided (g_ptr_array_index (events, 1));
}

static gboolean
form_settled (gpointer user_data)
{
  return !scc_form_vm_get_busy (SCC_FORM_VM (user_data));
}

static void
test_caseload (void)
{
  g_auto(GStrv) places = NULL;
  SccCaseloadVm *vm;
  g_autoptr(SccCaseRow) first = NULL;

  /* A caseworker's day starts at their caseload, which home offers too. */
  scc_test_sign_in_as ("caseworker", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("caseload");
  places = scc_home_page_dup_place_titles (SCC_HOME_PAGE (scc_test_page ("home")));
  g_assert_cmpstr (places[0], ==, "My _Caseload");
  vm = scc_caseload_page_get_view_model (SCC_CASELOAD_PAGE (scc_test_page ("caseload")));
  scc_test_wait_until (list_settled, vm, 30);
  scc_test_wait_until (counted, vm, 30);
  scc_test_run_for (200);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 3);
  g_assert_cmpint (scc_caseload_vm_get_n_cases (vm), ==, 3);
  g_assert_cmpint (scc_caseload_vm_get_n_overdue (vm), ==, 1);
  g_assert_cmpint (scc_caseload_vm_get_n_due_soon (vm), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (vm), 0);
  g_assert_cmpstr (scc_case_row_get_child_name (first), ==, "Ada Byrne");
  g_assert_true (scc_case_row_get_overdue (first));
  g_assert_true (g_str_has_prefix (scc_case_row_get_days_left (first), "Overdue by "));
  g_assert_true (scc_test_has_focus (GTK_WIDGET (scc_list_page_get_view (SCC_LIST_PAGE (scc_test_page ("caseload"))))));
  scc_test_save_screenshot (GTK_WIDGET (window), "caseload.png");

  /* The filter: overdue only. */
  scc_caseload_vm_set_filter (vm, SCC_CASELOAD_OVERDUE);
  scc_test_wait_until (list_settled, vm, 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 1);
  scc_caseload_vm_set_filter (vm, SCC_CASELOAD_ALL);
  scc_test_wait_until (list_settled, vm, 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 3);

  /* The search, by keyboard: Ctrl+F, the start of a name, Enter; the
   * keyboard goes to what was found. */
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+f", NULL);
  scc_test_run_for (100);
  g_assert_true (scc_test_has_focus (scc_test_child ("caseload", "search_entry")));
  scc_test_type_text ("okaf");
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (list_settled, vm, 30);
  g_assert_cmpstr (scc_list_vm_get_query (SCC_LIST_VM (vm)), ==, "okaf");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 1);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (vm), 0);
  g_assert_cmpstr (scc_case_row_get_child_name (first), ==, "Ben Okafor");
  g_assert_true (scc_test_has_focus (GTK_WIDGET (scc_list_page_get_view (SCC_LIST_PAGE (scc_test_page ("caseload"))))));
  /* The counts are the whole caseload's, whatever is searched. */
  g_assert_cmpint (scc_caseload_vm_get_n_cases (vm), ==, 3);
  scc_test_save_screenshot (GTK_WIDGET (window), "caseload-search.png");

  /* No case of this caseload is at the final stage. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (scc_test_child ("caseload", "stage_filter")), SC_CASE_STAGE_FINAL);
  scc_test_wait_until (list_settled, vm, 30);
  g_assert_cmpstr (scc_caseload_vm_get_stage (vm), ==, "final");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (scc_test_child ("caseload", "stage_filter")), SC_CASE_STAGE_REQUESTED);
  scc_test_wait_until (list_settled, vm, 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (scc_test_child ("caseload", "stage_filter")), 0);

  /* Emptied by keyboard, the search finds every case again. */
  scc_test_press_keys ("ctrl+f", "ctrl+a", "BackSpace", "Return", NULL);
  scc_test_wait_until (list_settled, vm, 30);
  g_assert_null (scc_list_vm_get_query (SCC_LIST_VM (vm)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 3);
}

/* The first descendant of @widget of @type whose text (a preferences row's
 * title, a label's text) starts with @prefix, or NULL. */
static GtkWidget *
find_text (GtkWidget  *widget,
           GType       type,
           const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = NULL;
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          if (ADW_IS_PREFERENCES_ROW (child))
            text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
          else if (GTK_IS_LABEL (child))
            text = gtk_label_get_text (GTK_LABEL (child));
          if (text != NULL && g_str_has_prefix (text, prefix))
            return child;
        }
      if ((found = find_text (child, type, prefix)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_open_and_record (void)
{
  SccCasePage *page = SCC_CASE_PAGE (scc_test_page ("case"));
  SccRecordEventVm *form = scc_case_page_get_view_model (page);
  GtkWidget *list = GTK_WIDGET (scc_list_page_get_view (SCC_LIST_PAGE (scc_test_page ("caseload"))));
  g_autofree char *before = NULL;
  g_autofree char *tomorrow = NULL;
  g_autofree char *today = NULL;
  g_autofree char *toast = NULL;
  char buffer[SC_DAY_STRING_SIZE];
  GPtrArray *steps;
  int assess = -1;
  gint64 recorded_id;

  /* Enter on the first row (the overdue case) opens it. */
  scc_window_test_focus ();
  gtk_widget_grab_focus (list);
  scc_test_run_for (100);
  scc_test_press_keys ("Down", "Up", "Return", NULL);
  scc_test_wait_page ("case");
  scc_test_wait_until (case_loaded, page, 30);
  scc_test_run_for (300);
  g_assert_cmpint (scc_case_page_get_case_id (page), ==, overdue_case);
  g_assert_cmpstr (sc_case_get_person (scc_case_page_get_case (page))->given_name, ==, "Ada");
  before = g_strdup (sc_case_get_next_milestone (scc_case_page_get_case (page)));
  g_assert_cmpstr (before, ==, "assessment_decision");
  g_assert_nonnull (scc_case_page_get_timeline (page));
  scc_test_save_screenshot (GTK_WIDGET (window), "case.png");

  /* What comes next explains itself: each step legal today opens on what it
   * starts, the date it would set and the rule; so does every milestone. */
  {
    GtkWidget *next = scc_test_child ("case", "next_group");
    GtkWidget *timeline = scc_test_child ("case", "timeline_group");
    GtkWidget *step = find_text (next, ADW_TYPE_EXPANDER_ROW, "Decided to assess");
    GtkWidget *milestone = find_text (timeline, ADW_TYPE_EXPANDER_ROW, "Decision whether to assess");
    GtkWidget *why;

    g_assert_nonnull (step);
    g_assert_null (find_text (next, ADW_TYPE_EXPANDER_ROW, "Request received"));
    /* opened as Space or Enter on its header row opens it (no real key
     * here: one that arrived before the focus moved would press the
     * form's default button) */
    g_assert_true (gtk_widget_grab_focus (find_text (step, ADW_TYPE_ACTION_ROW, "Decided to assess")));
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (step), TRUE);
    scc_test_run_for (300);
    g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (step)));
    why = find_text (step, GTK_TYPE_LABEL, "Why it may be recorded now: ");
    g_assert_nonnull (why);
    /* some step starts a deadline, and says when it would fall */
    g_assert_nonnull (find_text (next, GTK_TYPE_LABEL, "Starts: "));
    /* the picture: what opened, scrolled to */
    gtk_widget_grab_focus (gtk_widget_get_ancestor (why, GTK_TYPE_LIST_BOX_ROW));
    scc_test_run_for (300);
    scc_test_save_screenshot (GTK_WIDGET (window), "case-next.png");
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (step), FALSE);
    g_assert_nonnull (milestone);
    g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (find_text (milestone, GTK_TYPE_LABEL, "")))), >, 20);
  }

  /* Only what is legal today: the decision is among them, a second request is not. */
  steps = scc_record_event_vm_get_steps (form);
  g_assert_nonnull (steps);
  for (guint i = 0; i < steps->len; i++)
    {
      const ScCaseStep *step = g_ptr_array_index (steps, i);

      g_assert_cmpint (step->event.type, !=, SC_EVENT_REQUEST_RECEIVED);
      if (step->event.type == SC_EVENT_DECIDED_TO_ASSESS)
        assess = i;
    }
  g_assert_cmpint (assess, >=, 0);

  /* Choose it, then Tab to the date (today) and Enter records it. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (scc_test_child ("case", "step_row")), assess);
  g_assert_cmpint (scc_record_event_vm_get_step (form), ==, assess);
  gtk_widget_grab_focus (scc_test_child ("case", "step_row"));
  scc_test_press_keys ("Tab", NULL);
  g_assert_true (scc_test_has_focus (scc_test_child ("case", "date_row")));
  today = scc_case_format_day (scc_case_today ());
  toast = g_strdup_printf ("Recorded: Decided to assess, %s", today);
  scc_test_press_keys ("Return", NULL);
  scc_test_assert_toast (toast);
  scc_test_wait_until (form_settled, form, 30);
  scc_test_run_for (100);
  scc_test_wait_until (case_loaded, page, 30);
  scc_test_run_for (300);
  g_assert_null (scc_form_vm_get_error_message (SCC_FORM_VM (form)));
  g_assert_nonnull (scc_record_event_vm_get_recorded (form));
  /* The next deadline moved on from the decision. */
  g_assert_cmpstr (sc_case_get_next_milestone (scc_case_page_get_case (page)), !=, before);
  g_assert_cmpuint (scc_case_page_get_events (page)->len, ==, 2);

  /* Dated tomorrow: refused beside the date (on a step that needs no key). */
  steps = scc_record_event_vm_get_steps (form);
  for (guint i = 0; i < steps->len; i++)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (scc_test_child ("case", "step_row")), i);
      if (!scc_record_event_vm_get_needs_key (form))
        break;
    }
  g_assert_false (scc_record_event_vm_get_needs_key (form));
  tomorrow = g_strdup (sc_day_format (scc_case_today () + 1, buffer));
  scc_test_type_into ("case", "date_row", tomorrow);
  gtk_widget_grab_focus (GTK_WIDGET (scc_test_entry ("case", "date_row")));
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (form_settled, form, 30);
  scc_test_run_for (300);
  g_assert_nonnull (scc_form_vm_get_field_error (SCC_FORM_VM (form), "date"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (scc_field_row_get_error_label (SCC_FIELD_ROW (scc_test_child ("case", "date_row"))))));
  g_assert_cmpuint (scc_case_page_get_events (page)->len, ==, 2);
  scc_test_save_screenshot (GTK_WIDGET (window), "case-record-event.png");

  /* Voiding the decision puts the decision back as the next deadline. */
  scc_window_dismiss_toasts (window);
  recorded_id = sc_case_event_get_id (g_ptr_array_index (scc_case_page_get_events (page), 1));
  scc_case_page_void_event (page, recorded_id, "recorded on the wrong case");
  scc_test_assert_toast ("Voided: Decided to assess");
  scc_test_wait_until (voided, page, 30);
  scc_test_wait_until (case_loaded, page, 30);
  g_assert_cmpstr (sc_case_get_next_milestone (scc_case_page_get_case (page)), ==, "assessment_decision");
  g_assert_cmpstr (sc_case_event_get_void_reason (g_ptr_array_index (scc_case_page_get_events (page), 1)), ==,
                   "recorded on the wrong case");

  /* Back goes to the caseload. */
  scc_test_press_keys ("alt+Left", NULL);
  scc_test_wait_page ("caseload");
}

/* A retry of an event whose answer was lost sends the same key: the server
 * answers the first event again and records nothing more. */
static void
test_retry_event (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autofree char *token = sc_test_sign_in (daemon_, "caseworker", SC_TEST_DEMO_PASSWORD);
  gint64 id = open_case (token, "Dan", "Retry", 10);
  ScClockEvent assess = { .type = SC_EVENT_DECIDED_TO_ASSESS, .date = scc_case_today () };
  g_autoptr(ScCaseEvent) first = NULL;
  g_autoptr(ScCaseEvent) again = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  scc_api_client_set_token (client, token);
  scc_api_client_add_event_async (client, id, &assess, "first try", "client-retry-1", NULL, store_result_cb,
                                  &result);
  scc_test_wait_until (result_ready, &result, 30);
  first = scc_api_client_add_event_finish (client, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  scc_api_client_add_event_async (client, id, &assess, "first try", "client-retry-1", NULL, store_result_cb,
                                  &result);
  scc_test_wait_until (result_ready, &result, 30);
  again = scc_api_client_add_event_finish (client, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (sc_case_event_get_id (again), ==, sc_case_event_get_id (first));

  scc_api_client_list_events_async (client, id, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  events = scc_api_client_list_events_finish (client, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (events->len, ==, 2);

  /* the key of another attempt is refused for another event */
  {
    ScClockEvent other = { .type = SC_EVENT_DECIDED_NOT_TO_ASSESS, .date = scc_case_today () };
    g_autoptr(ScCaseEvent) refused = NULL;

    scc_api_client_add_event_async (client, id, &other, NULL, "client-retry-1", NULL, store_result_cb, &result);
    scc_test_wait_until (result_ready, &result, 30);
    refused = scc_api_client_add_event_finish (client, result, &error);
    g_clear_object (&result);
    g_assert_null (refused);
    g_assert_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT);
    g_assert_nonnull (sc_problem_lookup_field (sc_error_get_problem (error), "Idempotency-Key"));
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/client/cases/api", test_api);
  g_test_add_func ("/client/cases/caseload", test_caseload);
  g_test_add_func ("/client/cases/open-and-record", test_open_and_record);
  g_test_add_func ("/client/cases/retry-event", test_retry_event);

  return scc_test_run_with_daemon ("scc-cases-XXXXXX", (const char *[]) { "--demo-data", NULL }, started,
                                   scc_window_test_stop, &daemon_, NULL);
}
