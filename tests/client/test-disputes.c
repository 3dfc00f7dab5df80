/* test-disputes.c
 *
 * Open Disputes in a real window under Xvfb, with sendcased and its demo
 * data, driven by keyboard: a complaint, a tribunal appeal and a
 * mediation are open on a child's case. Grace, an admin officer, opens
 * Open Disputes from home (Alt+N): the three by next deadline, and beside
 * them this year's counts; Ctrl+Shift+C copies the counts as CSV; Enter
 * on the first opens the complaint's own page with its timeline (received
 * today, its acknowledgement and answer due in 5 and 10 working days);
 * Alt+R there opens the complaints of its case with it chosen. A
 * caseworker sees the list without the counts, and from the child's case
 * its Disputes (Alt+S), open and closed: Enter on the appeal gives its
 * timeline, without Record the Next Step, and Alt+C goes back to the case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-calendar.h"
#include "sc-test-daemon.h"

#include "scc-client-test.h"
#include "scc-list-view.h"
#include "scc-window-test.h"

static ScTestDaemon *daemon_;
static gint64 ivo_case;
static gint64 complaint_id;
static char *token;

#define window scc_test_window

static gint64
post (const char *officer,
      const char *path,
      const char *body)
{
  g_autoptr(ScTestResponse) r = sc_test_authed (daemon_, officer, "POST", path, body, NULL);

  if (r->status != 201)
    g_error ("%s: %u", path, r->status);
  return sc_test_response_get_int (r, "id");
}

static void
started (const char *base_url)
{
  g_autofree char *officer = NULL;
  g_autofree char *received = scc_test_day_from_today (-100);
  g_autofree char *today = scc_test_day_from_today (0);
  g_autofree char *body = NULL;

  token = sc_test_sign_in (daemon_, "caseworker", SC_TEST_DEMO_PASSWORD);
  officer = sc_test_sign_in (daemon_, "officer", SC_TEST_DEMO_PASSWORD);
  ivo_case = sc_test_open_case (daemon_, token, "Ivo", "Adeyemi", "2015-09-12", received, 0);
  g_free (body);
  body = g_strdup_printf ("{\"case_id\":%" G_GINT64_FORMAT ",\"reference\":\"C-7\",\"received_on\":\"%s\","
                          "\"category\":\"delay\"}", ivo_case, today);
  complaint_id = post (officer, "/api/v1/complaints", body);
  g_free (body);
  body = g_strdup_printf ("{\"case_id\":%" G_GINT64_FORMAT ",\"reference\":\"EH7\",\"appeal_type\":\"plan_contents\","
                          "\"registered_on\":\"%s\"}", ivo_case, today);
  post (officer, "/api/v1/appeals", body);
  g_free (body);
  body = g_strdup_printf ("{\"case_id\":%" G_GINT64_FORMAT ",\"advice_requested_on\":\"%s\"}", ivo_case, today);
  post (officer, "/api/v1/mediations", body);
  scc_window_test_start (base_url);
}

static SccDisputeListVm *
disputes (void)
{
  return scc_disputes_page_get_view_model (SCC_DISPUTES_PAGE (scc_test_page ("disputes")));
}

static gboolean
counts_read (gpointer user_data)
{
  return scc_dispute_list_vm_get_counts (disputes ()) != NULL;
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

static gboolean
complaints_of_case (gpointer user_data)
{
  SccRecordFormVm *vm = scc_records_page_get_view_model (SCC_RECORDS_PAGE (scc_test_page ("complaints")));

  return scc_record_form_vm_get_case_id (vm) == ivo_case && scc_record_form_vm_get_records (vm) != NULL;
}

static SccDisputeVm *
dispute (void)
{
  return scc_dispute_page_get_view_model (SCC_DISPUTE_PAGE (scc_test_page ("dispute")));
}

static gboolean
dispute_read (gpointer user_data)
{
  return !scc_dispute_vm_get_loading (dispute ()) && scc_dispute_vm_get_steps (dispute ()) != NULL &&
         g_strcmp0 (scc_dispute_vm_get_kind (dispute ()), user_data) == 0;
}

/* "STATE:WHAT" of each step of the dispute shown */
static char *
steps_seen (void)
{
  GPtrArray *steps = scc_dispute_vm_get_steps (dispute ());
  static const char * const states[] = { "done", "late", "due", "overdue", "cancelled", "set", "excepted" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < steps->len; i++)
    {
      const SccTimelineStep *step = g_ptr_array_index (steps, i);

      g_string_append_printf (out, "%s%s:%s", i > 0 ? "; " : "", states[step->state], step->what);
    }
  return g_string_free (out, FALSE);
}

static SccDisputeListVm *
case_disputes (void)
{
  return scc_case_disputes_page_get_view_model (SCC_CASE_DISPUTES_PAGE (scc_test_page ("case-disputes")));
}

static gboolean
case_shown (gpointer user_data)
{
  SccCasePage *page = SCC_CASE_PAGE (scc_test_page ("case"));

  return !scc_case_page_get_loading (page) && scc_case_page_get_case (page) != NULL &&
         scc_case_page_get_case_id (page) == ivo_case;
}

static void
test_officer (void)
{
  ClipboardRead read = { 0 };
  g_autofree char *year = NULL;
  g_autoptr(SccDisputeRow) first = NULL;

  scc_test_sign_in_as ("officer", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("home");
  scc_window_test_focus ();
  scc_test_press_keys ("alt+n", NULL);
  scc_test_wait_page ("disputes");
  scc_test_wait_until (scc_test_list_settled, disputes (), 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (disputes ())), ==, 3);
  /* the complaint's acknowledgement (5 working days) first; the mediation,
   * with no deadline yet, last */
  first = g_list_model_get_item (G_LIST_MODEL (disputes ()), 0);
  g_assert_cmpstr (scc_dispute_row_get_kind (first), ==, "complaint");
  {
    g_autoptr(SccDisputeRow) last = g_list_model_get_item (G_LIST_MODEL (disputes ()), 2);

    g_assert_cmpstr (scc_dispute_row_get_kind (last), ==, "mediation");
  }
  scc_test_wait_until (counts_read, NULL, 30);
  g_assert_true (gtk_widget_get_visible (scc_test_child ("disputes", "counts_panel")));
  scc_test_save_screenshot (GTK_WIDGET (window), "disputes.png");

  /* the counts as CSV */
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+shift+c", NULL);
  scc_test_assert_toast ("The year’s counts have been copied as CSV");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, clipboard_read_cb, &read);
  scc_test_wait_until (clipboard_read, &read, 10);
  year = g_strdup_printf ("%d,appeal,registered,1\r\n", scc_dispute_list_vm_get_counts_year (disputes ()));
  g_assert_nonnull (read.text);
  g_assert_true (g_str_has_prefix (read.text, "year,kind,measure,count\r\n"));
  g_assert_nonnull (strstr (read.text, year));
  g_free (read.text);

  /* Enter on the first: its own page, with its timeline */
  gtk_widget_grab_focus (scc_test_child ("disputes", "list_view"));
  scc_test_press_keys ("Home", "Return", NULL);
  scc_test_wait_page ("dispute");
  scc_test_wait_until (dispute_read, (gpointer) "complaint", 30);
  g_assert_cmpint (scc_dispute_vm_get_id (dispute ()), ==, complaint_id);
  g_assert_cmpint (scc_dispute_vm_get_case_id (dispute ()), ==, ivo_case);
  g_assert_cmpstr (scc_dispute_vm_get_title (dispute ()), ==, "Complaint C-7");
  g_assert_cmpstr (scc_dispute_vm_get_child (dispute ()), ==, "Ivo Adeyemi");
  {
    g_autofree char *seen = steps_seen ();
    const SccTimelineStep *received = g_ptr_array_index (scc_dispute_vm_get_steps (dispute ()), 0);
    const SccTimelineStep *acknowledged = g_ptr_array_index (scc_dispute_vm_get_steps (dispute ()), 1);
    const SccTimelineStep *answered = g_ptr_array_index (scc_dispute_vm_get_steps (dispute ()), 2);

    g_assert_cmpstr (seen, ==, "done:Stage 1 received; due:Stage 1 acknowledged; due:Stage 1 answered");
    g_assert_cmpuint (received->day, ==, scc_case_today ());
    /* five and ten working days on: at least a week and two weeks */
    g_assert_cmpuint (acknowledged->due, >=, scc_case_today () + 7);
    g_assert_cmpuint (answered->due, >=, scc_case_today () + 14);
    g_assert_cmpuint (answered->due, >, acknowledged->due);
  }
  g_assert_true (gtk_widget_get_visible (scc_test_child ("dispute", "record_button")));
  g_assert_true (scc_test_has_focus (scc_test_child ("dispute", "record_button")));
  scc_test_save_screenshot (GTK_WIDGET (window), "dispute.png");

  /* Alt+R: the complaints of its case, this one chosen */
  scc_test_press_keys ("alt+r", NULL);
  scc_test_wait_page ("complaints");
  scc_test_wait_until (complaints_of_case, NULL, 30);
  {
    SccRecordFormVm *vm = scc_records_page_get_view_model (SCC_RECORDS_PAGE (scc_test_page ("complaints")));
    const ScComplaint *chosen = scc_record_form_vm_get_selected_record (vm);

    g_assert_nonnull (chosen);
    g_assert_cmpint (chosen->id, ==, complaint_id);
  }
}

static void
test_caseworker (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "sign-out", NULL);
  scc_test_wait_page ("sign-in");
  scc_test_sign_in_as ("caseworker", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("caseload");
  scc_window_test_focus ();
  scc_test_press_keys ("alt+Home", NULL);
  scc_test_wait_page ("home");
  scc_test_press_keys ("alt+n", NULL);
  scc_test_wait_page ("disputes");
  scc_test_wait_until (scc_test_list_settled, disputes (), 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (disputes ())), ==, 3);
  g_assert_false (gtk_widget_get_visible (scc_test_child ("disputes", "counts_panel")));

  /* the child's case, its Disputes (Alt+S): all three */
  scc_case_page_open (GTK_WIDGET (window), ivo_case);
  scc_test_wait_page ("case");
  scc_test_wait_until (case_shown, NULL, 30);
  scc_window_test_focus ();
  scc_test_press_keys ("alt+s", NULL);
  scc_test_wait_page ("case-disputes");
  scc_test_wait_until (scc_test_list_settled, case_disputes (), 30);
  g_assert_cmpint (scc_dispute_list_vm_get_case_id (case_disputes ()), ==, ivo_case);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (case_disputes ())), ==, 3);
  scc_test_save_screenshot (GTK_WIDGET (window), "case-disputes.png");

  /* Enter on the appeal (the second, by its response due): its timeline,
   * read only */
  gtk_widget_grab_focus (scc_test_child ("case-disputes", "list_view"));
  scc_test_press_keys ("Home", "Down", "Return", NULL);
  scc_test_wait_page ("dispute");
  scc_test_wait_until (dispute_read, (gpointer) "appeal", 30);
  {
    g_autofree char *seen = steps_seen ();

    g_assert_cmpstr (seen, ==, "done:Registered by the tribunal; due:The authority’s response lodged");
  }
  g_assert_false (gtk_widget_get_visible (scc_test_child ("dispute", "record_button")));
  g_assert_true (gtk_widget_get_visible (scc_test_child ("dispute", "case_button")));
  g_assert_true (scc_test_has_focus (scc_test_child ("dispute", "case_button")));

  /* Alt+C: the case */
  scc_test_press_keys ("alt+c", NULL);
  scc_test_wait_page ("case");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* In this order: each starts where the one before left the window. */
  g_test_add_func ("/client/disputes/officer", test_officer);
  g_test_add_func ("/client/disputes/caseworker", test_caseworker);

  status = scc_test_run_with_daemon ("scc-disputes-XXXXXX", (const char *[]) { "--demo-data", NULL }, started,
                                     scc_window_test_stop, &daemon_, NULL);
  g_free (token);
  return status;
}
