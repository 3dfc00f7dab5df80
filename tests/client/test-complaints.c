/* test-complaints.c
 *
 * Complaints in a real window under Xvfb, with sendcased and its demo
 * data, driven by keyboard: Grace, an admin officer, opens Complaints from
 * home (Alt+L) on the team's list, types the start of a child's name,
 * goes Down to the child found and chooses them with Enter, gives a
 * reference and a category, and logs it with Ctrl+Return: a toast says
 * when it must be acknowledged and the daemon has it, with the case's
 * complaint_received event. A reference missing is said beside its field
 * and nothing is sent; one used already is the daemon's 409, said beside
 * it too. She records the acknowledgement with Ctrl+S. From the case,
 * Alt+T opens its complaints, the log form about it already. A caseworker reads
 * the complaint on the same page, without either form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-calendar.h"
#include "sc-test-daemon.h"

#include "scc-caseload-vm.h"
#include "scc-client-test.h"
#include "scc-complaint-form-vm.h"
#include "scc-complaint-log-vm.h"
#include "scc-window-test.h"

static ScTestDaemon *daemon_;
static gint64 rhea_case;
static char *token;

#define window scc_test_window

static void
started (const char *base_url)
{
  g_autofree char *received = scc_test_day_from_today (-30);

  token = sc_test_sign_in (daemon_, "caseworker", SC_TEST_DEMO_PASSWORD);
  rhea_case = sc_test_open_case (daemon_, token, "Rhea", "Quarrie", "2016-04-02", received, 0);
  scc_window_test_start (base_url);
}

/* The case's complaints as the daemon has them */
static ScTestResponse *
complaints_of_case (void)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/complaints?case_id=%" G_GINT64_FORMAT "", rhea_case);
  g_autoptr(ScTestResponse) r = sc_test_authed (daemon_, token, "GET", path, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  return g_steal_pointer (&r);
}

static guint
n_complaints (void)
{
  g_autoptr(ScTestResponse) r = complaints_of_case ();

  return json_array_get_length (json_object_get_array_member (json_node_get_object (r->json), "items"));
}

static SccComplaintLogVm *
log_form (void)
{
  return scc_complaints_page_get_log_view_model (SCC_COMPLAINTS_PAGE (scc_test_page ("complaints")));
}

static SccRecordFormVm *
records (void)
{
  return scc_records_page_get_view_model (SCC_RECORDS_PAGE (scc_test_page ("complaints")));
}

static gboolean
team_listed (gpointer user_data)
{
  return scc_record_form_vm_get_case_id (records ()) == SCC_RECORDS_OF_TEAM &&
         scc_record_form_vm_get_records (records ()) != NULL && !scc_form_vm_get_busy (SCC_FORM_VM (records ())) &&
         scc_record_form_vm_get_records (records ())->len == GPOINTER_TO_UINT (user_data);
}

static gboolean
matches_found (gpointer user_data)
{
  return scc_case_finder_get_matches (scc_complaint_log_vm_get_finder (log_form ()))->len > 0;
}

static gboolean
log_done (gpointer user_data)
{
  return !scc_form_vm_get_busy (SCC_FORM_VM (log_form ()));
}

static gboolean
category_chosen (gpointer user_data)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (scc_test_child ("complaints", "category_row"))) ==
         GPOINTER_TO_UINT (user_data);
}

/* Tab until the focus is in @row, at most ten times */
static void
test_log (void)
{
  g_autoptr(ScTestResponse) r = NULL;
  g_autofree char *events_path = NULL;
  JsonObject *first;
  GtkWidget *matches;

  scc_test_sign_in_as ("officer", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("home");
  scc_window_test_focus ();
  scc_test_press_keys ("alt+l", NULL);
  scc_test_wait_page ("complaints");
  scc_test_wait_until (team_listed, GUINT_TO_POINTER (0), 30);
  g_assert_true (gtk_widget_get_visible (scc_test_child ("complaints", "log_group")));
  g_assert_true (scc_test_has_focus (scc_test_child ("complaints", "case_row")));

  /* the start of her name finds Rhea; Down goes to her, Enter chooses her */
  scc_test_type_text ("Rhe");
  scc_test_wait_until (matches_found, NULL, 30);
  matches = scc_test_child ("complaints", "matches_box");
  g_assert_true (gtk_widget_get_visible (matches));
  scc_test_run_for (100);
  scc_test_save_screenshot (GTK_WIDGET (window), "complaints-find.png");
  scc_test_press_keys ("Down", NULL);
  g_assert_true (scc_test_has_focus (matches));
  scc_test_press_keys ("Return", NULL);
  g_assert_cmpint (scc_case_finder_get_case_id (scc_complaint_log_vm_get_finder (log_form ())), ==, rhea_case);
  g_assert_true (scc_test_has_focus (scc_test_child ("complaints", "case_row")));
  scc_test_save_screenshot (GTK_WIDGET (window), "complaints-log.png");

  /* no reference and no category: said beside them, nothing sent */
  scc_test_press_keys ("ctrl+Return", NULL);
  scc_test_wait_until (log_done, NULL, 30);
  scc_test_assert_field_error ("complaints", "reference_row",
                               "Is needed: 1 to 40 letters, digits, dots, slashes, dashes or underscores, "
                               "starting with a letter or digit");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (scc_test_child ("complaints",
                                                                                        "category_row"))),
                            "choose one"));
  g_assert_cmpuint (n_complaints (), ==, 0);

  /* the reference, then the category by keyboard: its list, "Delay" */
  scc_test_tab_to ("complaints", "reference_row");
  scc_test_type_text ("C-2026-0042");
  scc_test_tab_to ("complaints", "category_row");
  scc_test_press_keys ("space", NULL);
  scc_test_run_for (300);
  scc_test_press_keys ("Down", "Return", NULL);
  scc_test_wait_until (category_chosen, GUINT_TO_POINTER (1), 10);
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+Return", NULL);
  scc_test_wait_until (log_done, NULL, 30);
  g_assert_nonnull (scc_complaint_log_vm_get_logged (log_form ()));
  {
    const ScComplaint *logged = scc_complaint_log_vm_get_logged (log_form ());
    const ScComplaintStage *stage = g_ptr_array_index (logged->stages, 0);
    g_autofree char *due = scc_case_format_day (stage->acknowledgement_due);
    g_autofree char *toast = g_strdup_printf ("Complaint C-2026-0042 logged: acknowledge it by %s", due);

    scc_test_assert_toast (toast);
  }
  r = complaints_of_case ();
  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (r->json), "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "reference"), ==, "C-2026-0042");
  g_assert_cmpstr (json_object_get_string_member (first, "category"), ==, "delay");
  g_assert_cmpint (json_object_get_int_member (first, "stage"), ==, 1);
  /* the case's clock has it */
  events_path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", rhea_case);
  {
    g_autoptr(ScTestResponse) e = sc_test_authed (daemon_, token, "GET", events_path, NULL, NULL);
    g_autofree char *text = NULL;

    g_assert_cmpuint (e->status, ==, 200);
    text = g_strndup (g_bytes_get_data (e->body, NULL), g_bytes_get_size (e->body));
    g_assert_nonnull (strstr (text, "complaint_received"));
  }
  /* the form starts afresh; the list has it */
  g_assert_cmpstr (gtk_editable_get_text (scc_test_entry ("complaints", "reference_row")), ==, "");
  scc_test_wait_until (team_listed, GUINT_TO_POINTER (1), 30);

  /* the same reference again is the daemon's 409, beside the field */
  scc_test_type_into ("complaints", "reference_row", "C-2026-0042");
  adw_combo_row_set_selected (ADW_COMBO_ROW (scc_test_child ("complaints", "category_row")), 3);
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+Return", NULL);
  scc_test_wait_until (log_done, NULL, 30);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (scc_field_row_get_entry (
                   SCC_FIELD_ROW (scc_test_child ("complaints", "reference_row")))), "error"));
  g_assert_cmpuint (n_complaints (), ==, 1);
  gtk_editable_set_text (scc_test_entry ("complaints", "reference_row"), "");
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
acknowledged (gpointer user_data)
{
  g_autoptr(ScTestResponse) r = complaints_of_case ();
  JsonObject *first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (r->json),
                                                                                   "items"), 0);
  JsonObject *stage = json_array_get_object_element (json_object_get_array_member (first, "stages"), 0);

  return !scc_form_vm_get_busy (SCC_FORM_VM (records ())) && json_object_has_member (stage, "acknowledged_on") &&
         !json_object_get_null_member (stage, "acknowledged_on");
}

static gboolean
version_is (gpointer user_data)
{
  g_autoptr(ScTestResponse) r = complaints_of_case ();
  JsonObject *first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (r->json),
                                                                                   "items"), 0);

  return !scc_form_vm_get_busy (SCC_FORM_VM (records ())) &&
         json_object_get_int_member (first, "version") == GPOINTER_TO_INT (user_data);
}

static void
test_acknowledge (void)
{
  g_autofree char *today = scc_test_day_from_today (0);

  /* the one complaint is the form's */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (scc_test_child ("complaints", "record_row"))), ==, 0);
  gtk_widget_grab_focus (scc_test_child ("complaints", "acknowledged_row"));
  scc_test_type_text (today);
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (acknowledged, NULL, 30);
  scc_test_assert_toast ("The complaint has been saved");
  scc_test_wait_until (team_listed, GUINT_TO_POINTER (1), 30);

  /* answered, not upheld; then the family goes to the Ombudsman */
  scc_test_type_into ("complaints", "responded_row", today);
  adw_combo_row_set_selected (ADW_COMBO_ROW (scc_test_child ("complaints", "outcome_row")), 3);
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (version_is, GINT_TO_POINTER (3), 30);
  scc_test_wait_until (team_listed, GUINT_TO_POINTER (1), 30);
  scc_test_type_into ("complaints", "ombudsman_reference_row", "LGSCO 26 001 234");
  scc_test_type_into ("complaints", "ombudsman_referred_row", today);
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (version_is, GINT_TO_POINTER (4), 30);
  {
    g_autoptr(ScTestResponse) r = complaints_of_case ();
    JsonObject *first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (r->json),
                                                                                     "items"), 0);
    JsonObject *ombudsman = json_object_get_object_member (first, "ombudsman");

    g_assert_nonnull (ombudsman);
    g_assert_cmpstr (json_object_get_string_member (ombudsman, "referred_on"), ==, today);
    g_assert_cmpstr (json_object_get_string_member (ombudsman, "reference"), ==, "LGSCO 26 001 234");
    g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "open");
  }
  scc_test_wait_until (team_listed, GUINT_TO_POINTER (1), 30);
  show_first_record ("complaints");
  scc_test_save_screenshot (GTK_WIDGET (window), "complaints.png");
}

static gboolean
case_shown (gpointer user_data)
{
  SccCasePage *page = SCC_CASE_PAGE (scc_test_page ("case"));

  return !scc_case_page_get_loading (page) && scc_case_page_get_case (page) != NULL;
}

static gboolean
case_listed (gpointer user_data)
{
  return scc_record_form_vm_get_case_id (records ()) == rhea_case &&
         scc_record_form_vm_get_records (records ()) != NULL && !scc_form_vm_get_busy (SCC_FORM_VM (records ()));
}

/* From the case, Alt+T: its complaints, and one logged there is about it */
static void
test_from_case (void)
{
  g_autofree char *expected = g_strdup_printf ("Rhea Quarrie (case %" G_GINT64_FORMAT ")", rhea_case);

  scc_case_page_open (GTK_WIDGET (window), rhea_case);
  scc_test_wait_page ("case");
  scc_test_wait_until (case_shown, NULL, 30);
  scc_window_test_focus ();
  scc_test_press_keys ("alt+t", NULL);
  scc_test_wait_page ("complaints");
  scc_test_wait_until (case_listed, NULL, 30);
  g_assert_cmpuint (scc_record_form_vm_get_records (records ())->len, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (scc_test_entry ("complaints", "case_row")), ==, expected);
  g_assert_cmpint (scc_case_finder_get_case_id (scc_complaint_log_vm_get_finder (log_form ())), ==, rhea_case);
  /* Back returns to the case */
  scc_test_press_keys ("alt+Left", NULL);
  scc_test_wait_page ("case");
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
  scc_test_press_keys ("alt+l", NULL);
  scc_test_wait_page ("complaints");
  scc_test_wait_until (team_listed, GUINT_TO_POINTER (1), 30);
  g_assert_false (gtk_widget_get_visible (scc_test_child ("complaints", "log_group")));
  g_assert_false (gtk_widget_get_visible (scc_test_child ("complaints", "form_group")));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* In this order: each starts where the one before left the window. */
  g_test_add_func ("/client/complaints/log", test_log);
  g_test_add_func ("/client/complaints/acknowledge", test_acknowledge);
  g_test_add_func ("/client/complaints/from-case", test_from_case);
  g_test_add_func ("/client/complaints/caseworker-reads", test_caseworker_reads);

  status = scc_test_run_with_daemon ("scc-complaints-XXXXXX", (const char *[]) { "--demo-data", NULL }, started,
                                     scc_window_test_stop, &daemon_, NULL);
  g_free (token);
  return status;
}
