/* test-appeals.c
 *
 * Tribunal appeals in a real window under Xvfb, with sendcased and its
 * demo data, driven by keyboard: Grace, an admin officer, opens Tribunal
 * Appeals from home (Alt+E) on the team's list, types the start of a
 * child's name and takes the first child found with Enter, gives the
 * tribunal's reference and the appeal's type, and registers it with
 * Ctrl+Return: a toast says when the response is due and the daemon has
 * it, with the case's appeal_registered event. A type not chosen is said
 * under its title and nothing is sent. She records the response lodged
 * (Ctrl+S), then the outcome with the tribunal's order, whose deadlines
 * the case's clock now holds. From the case, a caseworker opens its
 * appeals with Alt+A and reads them without either form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-calendar.h"
#include "sc-test-daemon.h"

#include "scc-appeal-form-vm.h"
#include "scc-caseload-vm.h"
#include "scc-client-test.h"
#include "scc-window-test.h"

static ScTestDaemon *daemon_;
static gint64 ivo_case;
static char *token;

#define window scc_test_window

static void
started (const char *base_url)
{
  g_autofree char *received = scc_test_day_from_today (-200);

  token = sc_test_sign_in (daemon_, "caseworker", SC_TEST_DEMO_PASSWORD);
  ivo_case = sc_test_open_case (daemon_, token, "Ivo", "Marchetti", "2015-09-12", received, 0);
  scc_window_test_start (base_url);
}

/* The case's first appeal as the daemon has it, or NULL */
static JsonObject *
first_appeal (ScTestResponse **response)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals?case_id=%" G_GINT64_FORMAT, ivo_case);
  JsonArray *items;

  *response = sc_test_authed (daemon_, token, "GET", path, NULL, NULL);
  g_assert_cmpuint ((*response)->status, ==, 200);
  items = json_object_get_array_member (json_node_get_object ((*response)->json), "items");
  return json_array_get_length (items) > 0 ? json_array_get_object_element (items, 0) : NULL;
}

static SccRecordLogVm *
log_form (void)
{
  return scc_appeals_page_get_log_view_model (SCC_APPEALS_PAGE (scc_test_page ("appeals")));
}

static SccRecordFormVm *
records (void)
{
  return scc_records_page_get_view_model (SCC_RECORDS_PAGE (scc_test_page ("appeals")));
}

static gboolean
listed (gpointer user_data)
{
  return scc_record_form_vm_get_records (records ()) != NULL && !scc_form_vm_get_busy (SCC_FORM_VM (records ())) &&
         scc_record_form_vm_get_records (records ())->len == GPOINTER_TO_UINT (user_data);
}

static gboolean
matches_found (gpointer user_data)
{
  return scc_case_finder_get_matches (scc_record_log_vm_get_finder (log_form ()))->len > 0;
}

static gboolean
log_done (gpointer user_data)
{
  return !scc_form_vm_get_busy (SCC_FORM_VM (log_form ()));
}

static gboolean
type_chosen (gpointer user_data)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (scc_test_child ("appeals", "type_row"))) ==
         GPOINTER_TO_UINT (user_data);
}

static void
test_register (void)
{
  g_autoptr(ScTestResponse) r = NULL;
  g_autofree char *events_path = NULL;
  g_autofree char *expected = g_strdup_printf ("Ivo Marchetti (case %" G_GINT64_FORMAT ")", ivo_case);
  JsonObject *appeal;

  scc_test_sign_in_as ("officer", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("home");
  scc_window_test_focus ();
  scc_test_press_keys ("alt+e", NULL);
  scc_test_wait_page ("appeals");
  scc_test_wait_until (listed, GUINT_TO_POINTER (0), 30);
  g_assert_cmpint (scc_record_form_vm_get_case_id (records ()), ==, SCC_RECORDS_OF_TEAM);
  g_assert_true (scc_test_has_focus (scc_test_child ("appeals", "case_row")));

  /* the start of his name finds Ivo; Enter takes him */
  scc_test_type_text ("Iv");
  scc_test_wait_until (matches_found, NULL, 30);
  scc_test_run_for (100);
  scc_test_press_keys ("Return", NULL);
  g_assert_cmpstr (gtk_editable_get_text (scc_test_entry ("appeals", "case_row")), ==, expected);

  /* the reference, but no type: said under its title, nothing sent */
  scc_test_tab_to ("appeals", "reference_row");
  scc_test_type_text ("EH101/26/00077");
  scc_test_press_keys ("ctrl+Return", NULL);
  scc_test_wait_until (log_done, NULL, 30);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (scc_test_child ("appeals", "type_row"))),
                            "what the family appeals against"));
  g_assert_null (first_appeal (&r));
  g_clear_pointer (&r, sc_test_response_free);

  /* the type by keyboard: its list, the first, "Refusal to assess" */
  scc_test_tab_to ("appeals", "type_row");
  scc_test_press_keys ("space", NULL);
  scc_test_run_for (300);
  scc_test_press_keys ("Down", "Return", NULL);
  scc_test_wait_until (type_chosen, GUINT_TO_POINTER (1), 10);
  scc_test_save_screenshot (GTK_WIDGET (window), "appeals-register.png");
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+Return", NULL);
  scc_test_wait_until (log_done, NULL, 30);
  g_assert_nonnull (scc_record_log_vm_get_logged (log_form ()));
  {
    const ScAppeal *logged = ((const ScAppeal *) scc_record_log_vm_get_logged (log_form ()));
    g_autofree char *due = scc_case_format_day (logged->response_due);
    g_autofree char *toast = g_strdup_printf ("Appeal EH101/26/00077 registered: the response is due by %s", due);

    scc_test_assert_toast (toast);
  }
  appeal = first_appeal (&r);
  g_assert_nonnull (appeal);
  g_assert_cmpstr (json_object_get_string_member (appeal, "reference"), ==, "EH101/26/00077");
  g_assert_cmpstr (json_object_get_string_member (appeal, "appeal_type"), ==, "refusal_to_assess");
  events_path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", ivo_case);
  {
    g_autoptr(ScTestResponse) e = sc_test_authed (daemon_, token, "GET", events_path, NULL, NULL);
    g_autofree char *text = NULL;

    g_assert_cmpuint (e->status, ==, 200);
    text = g_strndup (g_bytes_get_data (e->body, NULL), g_bytes_get_size (e->body));
    g_assert_nonnull (strstr (text, "appeal_registered"));
  }
  g_assert_cmpstr (gtk_editable_get_text (scc_test_entry ("appeals", "reference_row")), ==, "");
  scc_test_wait_until (listed, GUINT_TO_POINTER (1), 30);
}

static GtkWidget *
first_expander (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_expander (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Opens the first record of the list and brings it into view */
static void
show_first_record (const char *page)
{
  GtkWidget *row = first_expander (scc_test_child (page, "records_group"));
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;

  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  scc_test_run_for (300);
  scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  scc_test_run_for (300);
}

static gboolean
saved_with (gpointer user_data)
{
  g_autoptr(ScTestResponse) r = NULL;
  JsonObject *appeal = first_appeal (&r);

  return !scc_form_vm_get_busy (SCC_FORM_VM (records ())) && appeal != NULL &&
         json_object_get_int_member (appeal, "version") == GPOINTER_TO_INT (user_data);
}

static void
test_next_steps (void)
{
  g_autofree char *today = scc_test_day_from_today (0);
  g_autoptr(ScTestResponse) r = NULL;
  JsonObject *appeal;
  JsonObject *order;

  /* the response lodged today */
  gtk_widget_grab_focus (scc_test_child ("appeals", "sent_row"));
  scc_test_type_text (today);
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (saved_with, GINT_TO_POINTER (2), 30);
  scc_test_assert_toast ("The appeal has been saved");
  scc_test_wait_until (listed, GUINT_TO_POINTER (1), 30);

  /* an order without an outcome: said beside it, nothing sent */
  adw_combo_row_set_selected (ADW_COMBO_ROW (scc_test_child ("appeals", "order_row")), 3);
  scc_test_type_into ("appeals", "ordered_row", today);
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_form (SCC_FORM_VM (records ()));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (scc_test_child ("appeals", "order_row"))),
                            "record the outcome first"));

  /* conceded today, and the tribunal orders a plan */
  adw_combo_row_set_selected (ADW_COMBO_ROW (scc_test_child ("appeals", "outcome_row")), 5);
  scc_test_type_into ("appeals", "decided_row", today);
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (saved_with, GINT_TO_POINTER (3), 30);
  appeal = first_appeal (&r);
  g_assert_cmpstr (json_object_get_string_member (appeal, "outcome"), ==, "conceded");
  order = json_array_get_object_element (json_object_get_array_member (appeal, "orders"), 0);
  g_assert_cmpstr (json_object_get_string_member (order, "order"), ==, "make_plan");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (order, "deadlines")), ==, 2);
  scc_test_wait_until (listed, GUINT_TO_POINTER (1), 30);
  show_first_record ("appeals");
  scc_test_save_screenshot (GTK_WIDGET (window), "appeals.png");
}

static gboolean
case_shown (gpointer user_data)
{
  SccCasePage *page = SCC_CASE_PAGE (scc_test_page ("case"));

  return !scc_case_page_get_loading (page) && scc_case_page_get_case (page) != NULL;
}

static void
test_caseworker_reads (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "sign-out", NULL);
  scc_test_wait_page ("sign-in");
  scc_test_sign_in_as ("caseworker", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("caseload");
  scc_window_test_focus ();
  scc_test_press_keys ("alt+Home", NULL);
  scc_test_wait_page ("home");
  scc_case_page_open (GTK_WIDGET (window), ivo_case);
  scc_test_wait_page ("case");
  scc_test_wait_until (case_shown, NULL, 30);
  scc_window_test_focus ();
  scc_test_press_keys ("alt+a", NULL);
  scc_test_wait_page ("appeals");
  scc_test_wait_until (listed, GUINT_TO_POINTER (1), 30);
  g_assert_cmpint (scc_record_form_vm_get_case_id (records ()), ==, ivo_case);
  g_assert_false (gtk_widget_get_visible (scc_test_child ("appeals", "log_group")));
  g_assert_false (gtk_widget_get_visible (scc_test_child ("appeals", "form_group")));
  /* the keyboard is not in the hidden form */
  g_assert_false (scc_test_has_focus (scc_test_child ("appeals", "log_group")));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* In this order: each starts where the one before left the window. */
  g_test_add_func ("/client/appeals/register", test_register);
  g_test_add_func ("/client/appeals/next-steps", test_next_steps);
  g_test_add_func ("/client/appeals/caseworker-reads", test_caseworker_reads);

  status = scc_test_run_with_daemon ("scc-appeals-XXXXXX", (const char *[]) { "--demo-data", NULL }, started,
                                     scc_window_test_stop, &daemon_, NULL);
  g_free (token);
  return status;
}
