/* test-mediations.c
 *
 * Mediation in a real window under Xvfb, with sendcased and its demo data,
 * driven by keyboard: Grace, an admin officer, opens Mediation from home
 * (Alt+M) on the team's list, types the start of a child's name and takes
 * the first child found with Enter; the day the family asked the
 * mediation adviser is today already, and Ctrl+Return records it: a toast
 * says so and the daemon has it. A mediation held before it was asked for
 * is said beside its field and nothing is sent; the advice given and the
 * request for mediation are saved with Ctrl+S, and it is due to be held
 * within 30 days. From the case, a caseworker opens its mediation with
 * Alt+I and reads it without either form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-calendar.h"
#include "sc-test-daemon.h"

#include "scc-caseload-vm.h"
#include "scc-client-test.h"
#include "scc-mediation-form-vm.h"
#include "scc-window-test.h"

static ScTestDaemon *daemon_;
static gint64 ivo_case;
static char *token;

#define window scc_test_window

static void
started (const char *base_url)
{
  g_autofree char *received = scc_test_day_from_today (-100);

  token = sc_test_sign_in (daemon_, "caseworker", SC_TEST_DEMO_PASSWORD);
  ivo_case = sc_test_open_case (daemon_, token, "Ivo", "Okonkwo", "2015-09-12", received, 0);
  scc_window_test_start (base_url);
}

/* The case's first mediation as the daemon has it, or NULL */
static JsonObject *
first_mediation (ScTestResponse **response)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/mediations?case_id=%" G_GINT64_FORMAT, ivo_case);
  JsonArray *items;

  *response = sc_test_authed (daemon_, token, "GET", path, NULL, NULL);
  g_assert_cmpuint ((*response)->status, ==, 200);
  items = json_object_get_array_member (json_node_get_object ((*response)->json), "items");
  return json_array_get_length (items) > 0 ? json_array_get_object_element (items, 0) : NULL;
}

static SccRecordLogVm *
log_form (void)
{
  return scc_mediations_page_get_log_view_model (SCC_MEDIATIONS_PAGE (scc_test_page ("mediations")));
}

static SccRecordFormVm *
records (void)
{
  return scc_records_page_get_view_model (SCC_RECORDS_PAGE (scc_test_page ("mediations")));
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

static void
test_request (void)
{
  g_autoptr(ScTestResponse) r = NULL;
  g_autofree char *today = scc_test_day_from_today (0);
  g_autofree char *expected = g_strdup_printf ("Ivo Okonkwo (case %" G_GINT64_FORMAT ")", ivo_case);
  JsonObject *mediation;

  scc_test_sign_in_as ("officer", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("home");
  scc_window_test_focus ();
  scc_test_press_keys ("alt+m", NULL);
  scc_test_wait_page ("mediations");
  scc_test_wait_until (listed, GUINT_TO_POINTER (0), 30);
  g_assert_true (scc_test_has_focus (scc_test_child ("mediations", "case_row")));
  g_assert_cmpstr (gtk_editable_get_text (scc_test_entry ("mediations", "advice_requested_row")), ==, today);

  scc_test_type_text ("Iv");
  scc_test_wait_until (matches_found, NULL, 30);
  scc_test_run_for (100);
  scc_test_press_keys ("Return", NULL);
  g_assert_cmpstr (gtk_editable_get_text (scc_test_entry ("mediations", "case_row")), ==, expected);
  scc_test_press_keys ("ctrl+Return", NULL);
  scc_test_wait_until (log_done, NULL, 30);
  scc_test_assert_toast ("The request for mediation advice has been recorded");
  mediation = first_mediation (&r);
  g_assert_nonnull (mediation);
  g_assert_cmpstr (json_object_get_string_member (mediation, "advice_requested_on"), ==, today);
  g_assert_cmpstr (gtk_editable_get_text (scc_test_entry ("mediations", "case_row")), ==, "");
  scc_test_wait_until (listed, GUINT_TO_POINTER (1), 30);
}

static gboolean
saved_with (gpointer user_data)
{
  g_autoptr(ScTestResponse) r = NULL;
  JsonObject *mediation = first_mediation (&r);

  return !scc_form_vm_get_busy (SCC_FORM_VM (records ())) && mediation != NULL &&
         json_object_get_int_member (mediation, "version") == GPOINTER_TO_INT (user_data);
}

static void
test_next_steps (void)
{
  g_autofree char *today = scc_test_day_from_today (0);
  g_autofree char *due = scc_test_day_from_today (30);
  g_autoptr(ScTestResponse) r = NULL;
  JsonObject *mediation;

  /* held before it was asked for: beside the field, nothing sent */
  scc_test_type_into ("mediations", "held_row", today);
  gtk_widget_grab_focus (scc_test_child ("mediations", "given_row"));
  scc_test_type_text (today);
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_form (SCC_FORM_VM (records ()));
  scc_test_assert_field_error ("mediations", "held_row",
                               "Follows the family's request for mediation: record it first");

  /* the advice given and mediation asked for today */
  gtk_editable_set_text (scc_test_entry ("mediations", "held_row"), "");
  scc_test_type_into ("mediations", "requested_row", today);
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (saved_with, GINT_TO_POINTER (2), 30);
  scc_test_assert_toast ("The mediation has been saved");
  mediation = first_mediation (&r);
  g_assert_cmpstr (json_object_get_string_member (mediation, "mediation_due"), ==, due);
  g_assert_cmpstr (json_object_get_string_member (mediation, "next_due"), ==, due);
  scc_test_wait_until (listed, GUINT_TO_POINTER (1), 30);
  scc_test_save_screenshot (GTK_WIDGET (window), "mediations.png");
}

/* Held, agreed, two agreements: the second one carried out is chosen by
 * what was agreed, and only it is marked done */
static void
test_agreements (void)
{
  g_autofree char *today = scc_test_day_from_today (0);
  g_autofree char *soon = scc_test_day_from_today (10);
  g_autofree char *later = scc_test_day_from_today (20);
  g_autoptr(ScTestResponse) r = NULL;
  AdwComboRow *which = ADW_COMBO_ROW (scc_test_child ("mediations", "done_agreement_row"));
  JsonArray *agreements;
  JsonObject *mediation;

  g_assert_false (gtk_widget_get_visible (scc_test_child ("mediations", "done_group")));
  scc_test_type_into ("mediations", "held_row", today);
  adw_combo_row_set_selected (ADW_COMBO_ROW (scc_test_child ("mediations", "outcome_row")), 1);
  scc_test_type_into ("mediations", "agreement_row", "a speech and language assessment");
  scc_test_type_into ("mediations", "agreement_due_row", soon);
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (saved_with, GINT_TO_POINTER (3), 30);
  scc_test_type_into ("mediations", "agreement_row", "a visit to the new school");
  scc_test_type_into ("mediations", "agreement_due_row", later);
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (saved_with, GINT_TO_POINTER (4), 30);
  scc_test_wait_until (listed, GUINT_TO_POINTER (1), 30);

  /* both still to do: the first chosen, the second taken */
  g_assert_true (gtk_widget_get_visible (scc_test_child ("mediations", "done_group")));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (which)), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (which), ==, 0);
  adw_combo_row_set_selected (which, 1);
  g_assert_cmpstr (scc_form_vm_get_value (SCC_FORM_VM (records ()), "done_agreement"), ==, "1");
  scc_test_type_into ("mediations", "agreement_done_row", today);
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (saved_with, GINT_TO_POINTER (5), 30);
  mediation = first_mediation (&r);
  agreements = json_object_get_array_member (mediation, "agreements");
  g_assert_cmpuint (json_array_get_length (agreements), ==, 2);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (agreements, 0), "done_on"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (agreements, 1), "done_on"), ==,
                   today);
  /* one left: the only choice */
  scc_test_wait_until (listed, GUINT_TO_POINTER (1), 30);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (which)), ==, 1);
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
  scc_test_press_keys ("alt+i", NULL);
  scc_test_wait_page ("mediations");
  scc_test_wait_until (listed, GUINT_TO_POINTER (1), 30);
  g_assert_cmpint (scc_record_form_vm_get_case_id (records ()), ==, ivo_case);
  g_assert_false (gtk_widget_get_visible (scc_test_child ("mediations", "log_group")));
  g_assert_false (gtk_widget_get_visible (scc_test_child ("mediations", "form_group")));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* In this order: each starts where the one before left the window. */
  g_test_add_func ("/client/mediations/request", test_request);
  g_test_add_func ("/client/mediations/next-steps", test_next_steps);
  g_test_add_func ("/client/mediations/agreements", test_agreements);
  g_test_add_func ("/client/mediations/caseworker-reads", test_caseworker_reads);

  status = scc_test_run_with_daemon ("scc-mediations-XXXXXX", (const char *[]) { "--demo-data", NULL }, started,
                                     scc_window_test_stop, &daemon_, NULL);
  g_free (token);
  return status;
}
