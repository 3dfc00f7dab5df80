/* test-reviews.c
 *
 * The annual reviews in a real window under Xvfb, with sendcased and its
 * demo data, driven by keyboard: Asha opens Reviews Due from home (Alt+R)
 * and finds her overdue review, then every one due within eight weeks;
 * Enter opens the case's reviews. From a case, Alt+E opens them too. She
 * records the invitations, the planned meeting and who is coming (a wrong
 * date is refused beside its field; two weeks' notice not given is a
 * warning, not a refusal), Ctrl+S, and the daemon has it. Someone else's
 * change in between is said under the form and Ctrl+R reads it again. An
 * admin officer reads the reviews without the form. From a case whose
 * plan is to cease, Alt+M opens its amendments and ceasing, where she
 * records when the decision notice went, to whom and on what ground.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-calendar.h"
#include "sc-test-daemon.h"

#include "scc-caseload-vm.h"
#include "scc-client-test.h"
#include "scc-list-view.h"
#include "scc-proceeding-form-vm.h"
#include "scc-review-form-vm.h"
#include "scc-window-test.h"

static ScTestDaemon *daemon_;
static gint64 late_case;
static gint64 soon_case;
static char *token;

#define window scc_test_window

/* A case of Asha's whose final plan went @days ago: the request twenty
 * weeks before, the decision six weeks after it, the draft at sixteen */
static gint64
case_with_plan (const char *family,
                int         days)
{
  /* eleven on the 31 August before the coming transfer: moving to secondary */
  g_autofree char *person = g_strdup_printf ("{\"given_name\":\"Rae\",\"family_name\":\"%s\","
                                             "\"date_of_birth\":\"%d-01-10\"}", family,
                                             sc_phase_transfer_year_for (scc_case_today ()) - 11);
  g_autoptr(ScTestResponse) p = sc_test_authed (daemon_, token, "POST", "/api/v1/people", person, NULL);
  g_autofree char *received = scc_test_day_from_today (-days - 140);
  g_autofree char *body = NULL;
  g_autofree char *events = NULL;
  g_autoptr(ScTestResponse) c = NULL;
  static const struct { const char *type; int days; } steps[] = {
    { "decided_to_assess", 42 }, { "draft_plan_issued", 112 }, { "final_plan_issued", 140 },
  };

  g_assert_cmpuint (p->status, ==, 201);
  body = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":\"%s\","
                          "\"request_source\":\"parent\"}", sc_test_response_get_int (p, "id"), received);
  c = sc_test_authed (daemon_, token, "POST", "/api/v1/cases", body, NULL);
  g_assert_cmpuint (c->status, ==, 201);
  events = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", sc_test_response_get_int (c, "id"));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *date = scc_test_day_from_today (-days - 140 + steps[i].days);
      g_autofree char *event = g_strdup_printf ("{\"type\":\"%s\",\"date\":\"%s\"}", steps[i].type, date);
      g_autoptr(ScTestResponse) e = sc_test_authed (daemon_, token, "POST", events, event, NULL);

      g_assert_cmpuint (e->status, ==, 201);
    }
  return sc_test_response_get_int (c, "id");
}

static void
started (const char *base_url)
{
  token = sc_test_sign_in (daemon_, "caseworker", SC_TEST_DEMO_PASSWORD);
  /* a final plan thirteen months ago: the review is a month overdue */
  late_case = case_with_plan ("Late", 395);
  /* one eleven months ago: the review is due in about a month */
  soon_case = case_with_plan ("Soon", 335);
  scc_window_test_start (base_url);
}

/* GET .../reviews or .../proceedings (@what) */
static ScTestResponse *
records_of (gint64      case_id,
            const char *what)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/%s", case_id, what);
  g_autoptr(ScTestResponse) r = sc_test_authed (daemon_, token, "GET", path, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  return g_steal_pointer (&r);
}

/* Member @member of the case's first review or proceeding (@what), as the
 * daemon has it */
static char *
first_member (gint64      case_id,
              const char *what,
              const char *member)
{
  g_autoptr(ScTestResponse) r = records_of (case_id, what);
  JsonArray *items = json_object_get_array_member (json_node_get_object (r->json), "items");
  JsonNode *node = json_object_get_member (json_array_get_object_element (items, 0), member);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static SccReviewFormVm *
form (void)
{
  return SCC_REVIEW_FORM_VM (scc_records_page_get_view_model (SCC_RECORDS_PAGE (scc_test_page ("case-reviews"))));
}

static gboolean
reviews_of_case (gpointer user_data)
{
  return scc_record_form_vm_get_case_id (SCC_RECORD_FORM_VM (form ())) == GPOINTER_TO_INT (user_data) &&
         scc_record_form_vm_get_records (SCC_RECORD_FORM_VM (form ())) != NULL;
}

static gboolean
case_shown (gpointer user_data)
{
  SccCasePage *page = SCC_CASE_PAGE (scc_test_page ("case"));

  return !scc_case_page_get_loading (page) && scc_case_page_get_case (page) != NULL;
}

static gboolean
lists_case (SccReviewListVm *vm,
            gint64           case_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (vm)); i++)
    {
      g_autoptr(SccReviewRow) row = g_list_model_get_item (G_LIST_MODEL (vm), i);

      if (scc_review_row_get_case_id (row) == case_id)
        return TRUE;
    }
  return FALSE;
}

static void
test_due (void)
{
  SccReviewListVm *vm = scc_reviews_page_get_view_model (SCC_REVIEWS_PAGE (scc_test_page ("reviews")));
  GtkDropDown *show = GTK_DROP_DOWN (scc_test_child ("reviews", "show_filter"));
  g_autoptr(SccReviewRow) first = NULL;

  scc_test_sign_in_as ("caseworker", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("caseload");
  scc_window_test_focus ();
  scc_test_press_keys ("alt+Home", NULL);
  scc_test_wait_page ("home");
  scc_test_press_keys ("alt+r", NULL);
  scc_test_wait_page ("reviews");
  scc_test_wait_until (scc_test_list_settled, vm, 30);

  /* her overdue review, in words, with its invitations not sent */
  g_assert_true (scc_chase_list_vm_get_overdue_only (SCC_CHASE_LIST_VM (vm)));
  g_assert_false (scc_chase_list_vm_get_team (SCC_CHASE_LIST_VM (vm)));
  g_assert_true (lists_case (vm, late_case));
  g_assert_false (lists_case (vm, soon_case));
  first = g_list_model_get_item (G_LIST_MODEL (vm), 0);
  g_assert_true (scc_review_row_get_overdue (first));
  g_assert_true (g_str_has_prefix (scc_review_row_get_days_left (first), "Overdue by"));
  g_assert_cmpstr (scc_review_row_get_invitations (first), ==, "Not sent");

  /* every one due within eight weeks: the one due next month too */
  gtk_drop_down_set_selected (show, 1);
  scc_test_wait_until (scc_test_list_settled, vm, 30);
  g_assert_true (lists_case (vm, late_case));
  g_assert_true (lists_case (vm, soon_case));
  scc_test_save_screenshot (GTK_WIDGET (window), "reviews-due.png");

  /* Enter on the first (the overdue one) opens its case's reviews */
  gtk_widget_grab_focus (scc_test_child ("reviews", "list_view"));
  scc_test_press_keys ("Home", "Return", NULL);
  scc_test_wait_page ("case-reviews");
  scc_test_wait_until (reviews_of_case, GINT_TO_POINTER (late_case), 30);
  g_assert_cmpuint (scc_record_form_vm_get_records (SCC_RECORD_FORM_VM (form ()))->len, ==, 1);
}

static void
test_phase_transfers (void)
{
  SccPhaseTransferListVm *vm = scc_phase_transfers_page_get_view_model (SCC_PHASE_TRANSFERS_PAGE (scc_test_page ("phase-transfers")));
  g_autoptr(SccPhaseTransferRow) first = NULL;
  g_autofree char *due = NULL;

  scc_window_test_focus ();
  scc_test_press_keys ("alt+Home", NULL);
  scc_test_wait_page ("home");
  scc_test_press_keys ("alt+h", NULL);
  scc_test_wait_page ("phase-transfers");
  scc_test_wait_until (scc_test_list_settled, vm, 30);
  /* both of Asha's children move to secondary in the coming September: 15 February */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (vm), 0);
  g_assert_cmpstr (scc_phase_transfer_row_get_move (first), ==, "Primary to secondary");
  due = scc_phase_transfer_row_format_due (first);
  g_assert_true (g_str_has_prefix (due, "15 Feb"));
  g_assert_true (g_str_has_suffix (scc_phase_transfer_row_get_state (first), "recorded"));
  scc_test_save_screenshot (GTK_WIDGET (window), "phase-transfers.png");
  /* Enter opens the case */
  gtk_widget_grab_focus (scc_test_child ("phase-transfers", "list_view"));
  scc_test_press_keys ("Home", "Return", NULL);
  scc_test_wait_page ("case");
  scc_test_wait_until (case_shown, NULL, 30);
}

static gboolean
saved (gpointer user_data)
{
  g_autofree char *version = first_member (GPOINTER_TO_INT (user_data), "reviews", "version");

  return !scc_form_vm_get_busy (SCC_FORM_VM (form ())) && g_strcmp0 (version, "0") != 0;
}

static void
test_record (void)
{
  g_autofree char *invited = scc_test_day_from_today (-10);
  g_autofree char *planned = scc_test_day_from_today (0);
  g_autofree char *attendees = NULL;
  g_autofree char *version = NULL;

  /* from the case, by keyboard */
  scc_window_test_focus ();
  scc_test_press_keys ("alt+Home", NULL);
  scc_test_wait_page ("home");
  scc_case_page_open (GTK_WIDGET (window), late_case);
  scc_test_wait_page ("case");
  scc_test_wait_until (case_shown, NULL, 30);
  g_test_message ("the case is shown");
  scc_window_test_focus ();
  scc_test_press_keys ("alt+e", NULL);
  scc_test_wait_page ("case-reviews");
  scc_test_wait_until (reviews_of_case, GINT_TO_POINTER (late_case), 30);
  g_assert_true (scc_test_has_focus (scc_test_child ("case-reviews", "record_row")));

  /* a date that is not one: said beside its field, nothing sent */
  scc_test_press_keys ("Tab", NULL);
  g_assert_true (scc_test_has_focus (scc_test_child ("case-reviews", "invitations_row")));
  scc_test_type_text ("last Tuesday");
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_form (SCC_FORM_VM (form ()));
  scc_test_assert_field_error ("case-reviews", "invitations_row", "Must be a date (YYYY-MM-DD)");
  version = first_member (late_case, "reviews", "version");
  g_assert_cmpstr (version, ==, "0");

  /* ten days' notice, the meeting today, and who came */
  gtk_editable_set_text (scc_test_entry ("case-reviews", "invitations_row"), "");
  scc_test_type_into ("case-reviews", "invitations_row", invited);
  scc_test_type_into ("case-reviews", "planned_row", planned);
  scc_test_type_into ("case-reviews", "attendees_row", "Rae's mother; SENCo, Hill Primary");
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (saved, GINT_TO_POINTER (late_case), 30);
  scc_test_assert_toast ("The review has been saved");
  scc_test_assert_no_field_error ("case-reviews", "invitations_row");
  attendees = first_member (late_case, "reviews", "attendees");
  g_assert_cmpstr (attendees, ==, "[\"Rae's mother\",\"SENCo, Hill Primary\"]");
  {
    g_autofree char *warnings = first_member (late_case, "reviews", "warnings");

    g_assert_nonnull (strstr (warnings, "invitations_late"));
  }
  /* the list read again shows what was saved, the fields with it */
  scc_test_wait_until (reviews_of_case, GINT_TO_POINTER (late_case), 30);
  g_assert_cmpstr (gtk_editable_get_text (scc_test_entry ("case-reviews", "attendees_row")), ==,
                   "Rae's mother; SENCo, Hill Primary");
  scc_test_save_screenshot (GTK_WIDGET (window), "case-reviews.png");
}

static gboolean
form_failed (gpointer user_data)
{
  return !scc_form_vm_get_busy (SCC_FORM_VM (form ())) && scc_form_vm_get_error_message (SCC_FORM_VM (form ())) != NULL;
}

static gboolean
reasons_are (gpointer user_data)
{
  return g_strcmp0 (gtk_editable_get_text (scc_test_entry ("case-reviews", "reasons_row")), user_data) == 0;
}

static void
test_conflict (void)
{
  g_autofree char *path = NULL;
  g_autofree char *id = first_member (late_case, "reviews", "id");
  g_autofree char *invited = scc_test_day_from_today (-10);
  g_autofree char *body = NULL;
  const char *if_match[] = { "If-Match", "\"1\"", NULL };

  /* a colleague records the reasons meanwhile */
  path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/reviews/%s", late_case, id);
  body = g_strdup_printf ("{\"invitations_sent\":\"%s\",\"meeting_planned\":null,\"attendees\":[],"
                          "\"reasons\":\"Recorded by a colleague\"}", invited);
  {
    g_autoptr(ScTestResponse) r = sc_test_authed (daemon_, token, "PUT", path, body, if_match);

    g_assert_cmpuint (r->status, ==, 200);
  }
  scc_test_type_into ("case-reviews", "reasons_row", "Mine");
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (form_failed, NULL, 30);
  g_assert_nonnull (strstr (scc_form_vm_get_error_message (SCC_FORM_VM (form ())), "changed by someone else"));
  g_assert_true (gtk_widget_get_visible (scc_test_child ("case-reviews", "error_label")));
  /* Ctrl+R reads it again: the colleague's reasons */
  scc_test_press_keys ("ctrl+r", NULL);
  scc_test_wait_until (reasons_are, (gpointer) "Recorded by a colleague", 30);
}

static SccProceedingFormVm *
proceedings_form (void)
{
  return SCC_PROCEEDING_FORM_VM (scc_records_page_get_view_model (SCC_RECORDS_PAGE (scc_test_page ("case-proceedings"))));
}

static gboolean
proceedings_of_case (gpointer user_data)
{
  SccRecordFormVm *vm = SCC_RECORD_FORM_VM (proceedings_form ());

  return scc_record_form_vm_get_case_id (vm) == GPOINTER_TO_INT (user_data) &&
         scc_record_form_vm_get_records (vm) != NULL && !scc_form_vm_get_busy (SCC_FORM_VM (vm));
}

static gboolean
proceeding_saved (gpointer user_data)
{
  g_autofree char *version = first_member (GPOINTER_TO_INT (user_data), "proceedings", "version");

  return !scc_form_vm_get_busy (SCC_FORM_VM (proceedings_form ())) && g_strcmp0 (version, "0") != 0;
}

/* The first widget of @type in @widget, depth first */
static GtkWidget *
first_of_type (GtkWidget *widget,
               GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
ground_chosen (gpointer user_data)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (scc_test_child ("case-proceedings", "ground_row"))) == 1;
}

static void
test_proceedings (void)
{
  g_autofree char *decided = scc_test_day_from_today (-20);
  g_autofree char *noticed = scc_test_day_from_today (-20);
  g_autofree char *event = g_strdup_printf ("{\"type\":\"cease_decided\",\"date\":\"%s\"}", decided);
  g_autofree char *events = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", soon_case);
  g_autofree char *value = NULL;
  g_autofree char *title = NULL;

  /* the decision to cease Rae Soon's plan, recorded on the case */
  {
    g_autoptr(ScTestResponse) e = sc_test_authed (daemon_, token, "POST", events, event, NULL);

    g_assert_cmpuint (e->status, ==, 201);
  }
  /* from the case, by keyboard: Alt+M */
  scc_window_test_focus ();
  scc_case_page_open (GTK_WIDGET (window), soon_case);
  scc_test_wait_page ("case");
  scc_test_wait_until (case_shown, NULL, 30);
  scc_window_test_focus ();
  scc_test_press_keys ("alt+m", NULL);
  scc_test_wait_page ("case-proceedings");
  scc_test_wait_until (proceedings_of_case, GINT_TO_POINTER (soon_case), 30);
  g_assert_true (scc_test_has_focus (scc_test_child ("case-proceedings", "record_row")));
  /* a ceasing: its fields are titled for it, and its ground is asked */
  g_assert_true (gtk_widget_get_visible (scc_test_child ("case-proceedings", "ground_row")));
  g_object_get (scc_test_child ("case-proceedings", "noted_row"), "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Decision _Notice Sent On (YYYY-MM-DD)");

  /* the ground first, by keyboard: the list of grounds, the first of them */
  scc_test_press_keys ("Tab", NULL);
  g_assert_true (scc_test_has_focus (scc_test_child ("case-proceedings", "ground_row")));
  scc_test_press_keys ("space", NULL);
  scc_test_run_for (300);
  scc_test_press_keys ("Down", "Return", NULL);
  scc_test_wait_until (ground_chosen, NULL, 10);

  /* a date that is not one: said beside its field, nothing sent */
  scc_test_press_keys ("Tab", NULL);
  if (!scc_test_has_focus (scc_test_child ("case-proceedings", "noted_row")))
    g_error ("Tab went to %s", scc_test_describe_focus ());
  scc_test_type_text ("yesterday");
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_form (SCC_FORM_VM (proceedings_form ()));
  scc_test_assert_field_error ("case-proceedings", "noted_row", "Must be a date (YYYY-MM-DD)");
  value = first_member (soon_case, "proceedings", "version");
  g_assert_cmpstr (value, ==, "0");

  /* the notice that day, to whom, and the ground */
  gtk_editable_set_text (scc_test_entry ("case-proceedings", "noted_row"), "");
  scc_test_type_into ("case-proceedings", "noted_row", noticed);
  scc_test_type_into ("case-proceedings", "party_row", "Rae's mother; Hill Primary; the ICB");
  scc_test_type_into ("case-proceedings", "notes_row", "Outcomes met; the school meets her needs itself");
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (proceeding_saved, GINT_TO_POINTER (soon_case), 30);
  scc_test_assert_toast ("Saved");
  scc_test_assert_no_field_error ("case-proceedings", "noted_row");
  g_clear_pointer (&value, g_free);
  value = first_member (soon_case, "proceedings", "ground");
  g_assert_cmpstr (value, ==, "\"no_longer_necessary\"");
  g_clear_pointer (&value, g_free);
  value = first_member (soon_case, "proceedings", "warnings");
  g_assert_null (strstr (value, "ground_unrecorded"));
  g_assert_null (strstr (value, "notice_unrecorded"));
  g_assert_null (strstr (value, "notice_after_decision"));
  /* read again, the form shows what was saved */
  scc_test_wait_until (proceedings_of_case, GINT_TO_POINTER (soon_case), 30);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (scc_test_child ("case-proceedings", "ground_row"))),
                    ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (scc_test_entry ("case-proceedings", "party_row")), ==,
                   "Rae's mother; Hill Primary; the ICB");
  /* the ceasing opened, for the picture */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (first_of_type (scc_test_child ("case-proceedings", "records_group"),
                                                                 ADW_TYPE_EXPANDER_ROW)), TRUE);
  scc_window_dismiss_toasts (window);
  scc_test_run_for (300);
  scc_test_save_screenshot (GTK_WIDGET (window), "case-proceedings.png");
}

static void
test_read_only (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "sign-out", NULL);
  scc_window_dismiss_toasts (window);
  scc_test_sign_in_as ("officer", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("home");
  /* the last user's child is not named to the next */
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (scc_test_child ("case-reviews", "window_title"))),
                   ==, "");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (scc_test_child ("case-proceedings",
                                                                                    "window_title"))), ==, "");
  scc_case_reviews_page_open (GTK_WIDGET (window), late_case, "Rae Late");
  scc_test_wait_page ("case-reviews");
  scc_test_wait_until (reviews_of_case, GINT_TO_POINTER (late_case), 30);
  g_assert_false (gtk_widget_get_visible (scc_test_child ("case-reviews", "form_group")));
  g_assert_cmpuint (scc_record_form_vm_get_records (SCC_RECORD_FORM_VM (form ()))->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* In this order: each starts where the one before left the window. */
  g_test_add_func ("/client/reviews/due", test_due);
  g_test_add_func ("/client/reviews/phase-transfers", test_phase_transfers);
  g_test_add_func ("/client/reviews/record", test_record);
  g_test_add_func ("/client/reviews/conflict", test_conflict);
  g_test_add_func ("/client/reviews/proceedings", test_proceedings);
  g_test_add_func ("/client/reviews/read-only", test_read_only);

  status = scc_test_run_with_daemon ("scc-reviews-XXXXXX", (const char *[]) { "--demo-data", NULL }, started,
                                     scc_window_test_stop, &daemon_, NULL);
  g_free (token);
  return status;
}
