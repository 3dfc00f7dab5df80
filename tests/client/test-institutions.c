/* test-institutions.c
 *
 * The institution directory in a real window under Xvfb, with sendcased
 * and its demo data and the sample GIAS file imported with sendcasectl,
 * driven by keyboard: Asha opens Schools and Colleges from home (Alt+S);
 * the search has the focus, and typing finds the open schools whose name
 * has the words; Show: Closed Too adds the closed one; a postcode finds
 * by its start. On a case with its draft plan out, Alt+O opens its
 * consultations: she finds The Aldgate School as she types, Enter takes
 * it, the family's first preference, Send (Alt+N). The answer: a refusal
 * asking for band C at an amount that is not money (refused beside its
 * field, nothing sent), then £14,500, Ctrl+S: the daemon has the answer's
 * event and what it said; Chased Today is no longer offered. Last, from
 * home, Consultations to Chase (Alt+O) lists the college asked three
 * weeks ago and not answered; Ctrl+A, Ctrl+Shift+M records a reminder
 * today, and Ctrl+Shift+C puts it on the clipboard as the server's CSV.
 * The team manager opens Funding Bands (Alt+F): the authority's bands;
 * a new band D with an amount that is not money is refused beside it,
 * then saved; Enter on band C fills the form, and its new amount is
 * saved at its version. Last, Institutions Consulted (Alt+I) gives the
 * school's figures: one consultation, refused, none reversed, and the
 * college's: one, overdue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-daemon.h"

#include "sc-calendar.h"

#include "scc-case-consultations-page.h"
#include "scc-caseload-vm.h"
#include "scc-client-test.h"
#include "scc-consultation-form-vm.h"
#include "scc-consultations-page.h"
#include "scc-consultation-figures-page.h"
#include "scc-funding-bands-page.h"
#include "scc-list-page.h"
#include "scc-institutions-page.h"
#include "scc-window-test.h"

static ScTestDaemon *daemon_;
static char *data_dir;
static char *token;
static gint64 draft_case;

#define window scc_test_window

/* A case of Asha's whose draft plan went thirty days ago */
static gint64
case_in_draft (void)
{
  g_autoptr(ScTestResponse) p = sc_test_authed (daemon_, token, "POST", "/api/v1/people",
                                                "{\"given_name\":\"Noor\",\"family_name\":\"Placed\","
                                                "\"date_of_birth\":\"2017-03-02\"}", NULL);
  g_autofree char *received = scc_test_day_from_today (-100);
  g_autofree char *body = NULL;
  g_autofree char *events = NULL;
  g_autoptr(ScTestResponse) c = NULL;
  static const struct { const char *type; int days; } steps[] = {
    { "decided_to_assess", -60 }, { "draft_plan_issued", -30 },
  };

  g_assert_cmpuint (p->status, ==, 201);
  body = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":\"%s\","
                          "\"request_source\":\"parent\"}", sc_test_response_get_int (p, "id"), received);
  c = sc_test_authed (daemon_, token, "POST", "/api/v1/cases", body, NULL);
  g_assert_cmpuint (c->status, ==, 201);
  events = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", sc_test_response_get_int (c, "id"));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *date = scc_test_day_from_today (steps[i].days);
      g_autofree char *event = g_strdup_printf ("{\"type\":\"%s\",\"date\":\"%s\"}", steps[i].type, date);
      g_autoptr(ScTestResponse) e = sc_test_authed (daemon_, token, "POST", events, event, NULL);

      g_assert_cmpuint (e->status, ==, 201);
    }
  return sc_test_response_get_int (c, "id");
}

static void
started (const char *base_url)
{
  g_autofree char *sendcasectl = sc_test_build_path ("server/sendcasectl");
  g_autofree char *file = g_build_filename (g_getenv ("SC_SOURCE_ROOT"), "tests", "data", "gias-sample.csv", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              sendcasectl, "--data-dir", data_dir, "institutions", "import", file, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
  token = sc_test_sign_in (daemon_, "caseworker", SC_TEST_DEMO_PASSWORD);
  draft_case = case_in_draft ();
  /* the authority's band C, which the school will ask for */
  {
    g_autofree char *manager = sc_test_sign_in (daemon_, "manager", SC_TEST_DEMO_PASSWORD);
    const char *first[] = { "If-None-Match", "*", NULL };
    g_autoptr(ScTestResponse) r = sc_test_authed (daemon_, manager, "PUT", "/api/v1/funding-bands/C",
                                                  "{\"description\":\"Full-time support\",\"annual_amount\":1400000,"
                                                  "\"valid_from\":\"2026-04-01\",\"valid_to\":null}", first);

    g_assert_cmpuint (r->status, ==, 200);
  }
  scc_window_test_start (base_url);
}

static SccInstitutionListVm *
list (void)
{
  return scc_institutions_page_get_view_model (SCC_INSTITUTIONS_PAGE (scc_test_page ("institutions")));
}

/* The names listed, "a; b" */
static char *
names (void)
{
  GListModel *model = G_LIST_MODEL (list ());
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SccInstitutionRow) row = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s%s", i > 0 ? "; " : "", scc_institution_row_get_name (row));
    }
  return g_string_free (out, FALSE);
}

static gboolean
names_are (gpointer expected)
{
  g_autofree char *now = names ();

  return scc_test_list_settled (list ()) && g_strcmp0 (now, expected) == 0;
}

static void
test_search (void)
{
  GtkEditable *search;

  scc_test_sign_in_as ("caseworker", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("caseload");
  scc_window_test_focus ();
  scc_test_press_keys ("alt+Home", NULL);
  scc_test_wait_page ("home");
  scc_test_press_keys ("alt+s", NULL);
  scc_test_wait_page ("institutions");
  search = GTK_EDITABLE (scc_test_child ("institutions", "search_entry"));
  g_assert_true (scc_test_has_focus (GTK_WIDGET (search)));

  /* as typed: the open ones whose name has the words */
  scc_test_type_text ("hill");
  scc_test_wait_until (names_are, (gpointer) "Ysgol Gymraeg Llundain \u2013 Caf\u00e9 Hill\u2019s School", 30);
  scc_test_save_screenshot (GTK_WIDGET (window), "institutions.png");
  /* and the closed one too */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (scc_test_child ("institutions", "show_filter")), 1);
  scc_test_wait_until (names_are, (gpointer) "Hill Primary School; Ysgol Gymraeg Llundain \u2013 Caf\u00e9 Hill\u2019s School",
                       30);
  /* the start of a postcode */
  gtk_editable_set_text (search, "");
  gtk_widget_grab_focus (GTK_WIDGET (search));
  scc_test_type_text ("se10 9");
  scc_test_wait_until (names_are, (gpointer) "Hill Primary School; The \"New\" Academy", 30);
}


static SccRecordFormVm *
consultations_form (void)
{
  return scc_records_page_get_view_model (SCC_RECORDS_PAGE (scc_test_page ("case-consultations")));
}

/* The case's consultations as the daemon has them: the first one's @member */
static char *
first_member (const char *member)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/consultations", draft_case);
  g_autoptr(ScTestResponse) r = sc_test_authed (daemon_, token, "GET", path, NULL, NULL);
  JsonArray *items;
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_assert_cmpuint (r->status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (r->json), "items");
  if (json_array_get_length (items) == 0)
    return g_strdup ("none");
  json_generator_set_root (generator, json_object_get_member (json_array_get_object_element (items, 0), member));
  return json_generator_to_data (generator, NULL);
}

static gboolean
consultations_read (gpointer user_data)
{
  SccRecordFormVm *vm = consultations_form ();
  GPtrArray *records = scc_record_form_vm_get_records (vm);

  return scc_record_form_vm_get_case_id (vm) == draft_case && records != NULL &&
         records->len == GPOINTER_TO_UINT (user_data) && !scc_form_vm_get_busy (SCC_FORM_VM (vm));
}

static gboolean
found_aldgate (gpointer user_data)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (scc_test_child ("case-consultations",
                                                                                    "results_list")), 0);

  return row != NULL && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                   "The Aldgate School") == 0;
}

static gboolean
answered (gpointer user_data)
{
  g_autofree char *status = first_member ("status");
  g_autofree char *version = first_member ("version");

  return g_strcmp0 (status, "\"answered\"") == 0 && g_strcmp0 (version, "1") == 0 &&
         !scc_form_vm_get_busy (SCC_FORM_VM (consultations_form ()));
}

static gboolean
case_shown (gpointer user_data)
{
  SccCasePage *page = SCC_CASE_PAGE (scc_test_page ("case"));

  return !scc_case_page_get_loading (page) && scc_case_page_get_case (page) != NULL;
}

static void
test_consultations (void)
{
  g_autofree char *rank = NULL;
  g_autofree char *status = NULL;
  g_autofree char *today = scc_test_day_from_today (0);
  g_autofree char *value = NULL;

  scc_window_test_focus ();
  scc_case_page_open (GTK_WIDGET (window), draft_case);
  scc_test_wait_page ("case");
  scc_test_wait_until (case_shown, NULL, 30);
  scc_window_test_focus ();
  scc_test_press_keys ("alt+o", NULL);
  scc_test_wait_page ("case-consultations");
  scc_test_wait_until (consultations_read, GUINT_TO_POINTER (0), 30);
  g_assert_true (scc_test_has_focus (scc_test_child ("case-consultations", "search_entry")));

  /* found as typed; Enter takes the first; the family's first preference */
  scc_test_type_text ("aldgate");
  scc_test_wait_until (found_aldgate, NULL, 30);
  scc_test_press_keys ("Return", NULL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (scc_test_child ("case-consultations", "chosen_label"))), ==,
                   "Chosen: The Aldgate School, URN 100000");
  scc_test_type_into ("case-consultations", "rank_row", "1");
  scc_test_press_keys ("alt+n", NULL);
  scc_test_wait_until (consultations_read, GUINT_TO_POINTER (1), 30);
  scc_test_assert_toast ("Consultation sent");
  rank = first_member ("preference_rank");
  g_assert_cmpstr (rank, ==, "1");
  status = first_member ("status");
  g_assert_cmpstr (status, ==, "\"awaiting\"");
  g_assert_true (gtk_widget_is_sensitive (scc_test_child ("case-consultations", "chase_button")));

  /* the answer: refused, asking for more; an amount that is not money is refused beside it */
  scc_test_type_into ("case-consultations", "responded_row", today);
  adw_combo_row_set_selected (ADW_COMBO_ROW (scc_test_child ("case-consultations", "outcome_row")), 2);
  g_assert_cmpstr (scc_form_vm_get_value (SCC_FORM_VM (consultations_form ()), "outcome"), ==, "cannot_meet_needs");
  scc_test_type_into ("case-consultations", "reasons_row", "Needs a full-time assistant it cannot fund");
  scc_test_type_into ("case-consultations", "band_asked_row", "C");
  scc_test_type_into ("case-consultations", "amount_asked_row", "lots");
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_form (SCC_FORM_VM (consultations_form ()));
  scc_test_assert_field_error ("case-consultations", "amount_asked_row",
                               "Must be an amount of money in pounds, such as 14,500 or 14500.50");
  value = first_member ("status");
  g_assert_cmpstr (value, ==, "\"awaiting\"");

  gtk_editable_set_text (scc_test_entry ("case-consultations", "amount_asked_row"), "");
  scc_test_type_into ("case-consultations", "amount_asked_row", "14,500");
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (answered, NULL, 30);
  g_clear_pointer (&value, g_free);
  value = first_member ("amount_asked");
  g_assert_cmpstr (value, ==, "1450000");
  g_clear_pointer (&value, g_free);
  value = first_member ("outcome");
  g_assert_cmpstr (value, ==, "\"cannot_meet_needs\"");
  scc_test_wait_until (consultations_read, GUINT_TO_POINTER (1), 30);
  g_assert_false (gtk_widget_is_sensitive (scc_test_child ("case-consultations", "chase_button")));
  scc_window_dismiss_toasts (window);
  gtk_widget_grab_focus (scc_test_child ("case-consultations", "record_row"));
  scc_test_run_for (300);
  scc_test_save_screenshot (GTK_WIDGET (window), "case-consultations.png");
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
chased (gpointer user_data)
{
  SccConsultationListVm *vm = scc_consultations_page_get_view_model (SCC_CONSULTATIONS_PAGE (scc_test_page
                                                                                           ("consultations")));
  g_autoptr(SccConsultationRow) row = g_list_model_get_item (G_LIST_MODEL (vm), 0);

  return scc_test_list_settled (vm) && row != NULL &&
         g_str_has_prefix (scc_consultation_row_get_reminders (row), "1, on ");
}

static void
test_team_consultations (void)
{
  g_autofree char *sent = scc_test_day_from_today (-21);
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/consultations", draft_case);
  g_autofree char *body = g_strdup_printf ("{\"urn\":130400,\"sent_on\":\"%s\",\"preference_rank\":2}", sent);
  g_autoptr(ScTestResponse) r = sc_test_authed (daemon_, token, "POST", path, body, NULL);
  SccListPage *page;
  SccConsultationListVm *vm;
  g_autoptr(SccConsultationRow) row = NULL;
  ClipboardRead read = { 0 };

  g_assert_cmpuint (r->status, ==, 201);
  scc_window_test_focus ();
  scc_test_press_keys ("alt+Home", NULL);
  scc_test_wait_page ("home");
  scc_test_press_keys ("alt+o", NULL);
  scc_test_wait_page ("consultations");
  page = SCC_LIST_PAGE (scc_test_page ("consultations"));
  vm = scc_consultations_page_get_view_model (SCC_CONSULTATIONS_PAGE (page));
  scc_test_wait_until (scc_test_list_settled, vm, 30);
  /* the overdue only, of her own cases: the college, not the school that answered */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 1);
  row = g_list_model_get_item (G_LIST_MODEL (vm), 0);
  g_assert_cmpstr (scc_consultation_row_get_child_name (row), ==, "Noor Placed");
  g_assert_cmpstr (scc_consultation_row_get_reminders (row), ==, "None sent");
  scc_test_save_screenshot (GTK_WIDGET (window), "consultations.png");

  gtk_widget_grab_focus (GTK_WIDGET (scc_list_page_get_view (page)));
  scc_test_run_for (100);
  scc_test_press_keys ("ctrl+a", "ctrl+shift+m", NULL);
  scc_test_wait_until (chased, NULL, 30);
  scc_test_assert_toast ("Reminder recorded for 1 consultation");

  gtk_widget_grab_focus (GTK_WIDGET (scc_list_page_get_view (page)));
  scc_test_run_for (100);
  scc_test_press_keys ("ctrl+a", "ctrl+shift+c", NULL);
  scc_test_assert_toast ("1 consultation copied as CSV: paste it into a spreadsheet");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, clipboard_read_cb, &read);
  scc_test_wait_until (clipboard_read, &read, 10);
  g_assert_nonnull (read.text);
  g_assert_true (g_str_has_prefix (read.text, "consultation,case,child,owner,urn,institution,preference,sent_on,"));
  g_assert_nonnull (strstr (read.text, ",Noor Placed,Asha Patel,130400,Greenwich Riverside College,2,"));
  g_assert_nonnull (strstr (read.text, ",overdue,,,1,"));
  g_free (read.text);
}

static SccFundingBandFormVm *
bands (void)
{
  return scc_funding_bands_page_get_view_model (SCC_FUNDING_BANDS_PAGE (scc_test_page ("funding-bands")));
}

static gboolean
bands_are (gpointer user_data)
{
  GPtrArray *list = scc_funding_band_form_vm_get_bands (bands ());

  return list != NULL && list->len == GPOINTER_TO_UINT (user_data) && !scc_form_vm_get_busy (SCC_FORM_VM (bands ()));
}

static gboolean
band_c_raised (gpointer user_data)
{
  GPtrArray *list = scc_funding_band_form_vm_get_bands (bands ());

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const ScFundingBand *band = g_ptr_array_index (list, i);

      if (g_str_equal (band->code, "C") && band->annual_amount == 1500000 && band->version == 2)
        return TRUE;
    }
  return FALSE;
}

static void
test_funding_bands (void)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL));
  scc_test_wait_page ("sign-in");
  scc_test_sign_in_as ("manager", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("home");
  scc_window_test_focus ();
  scc_test_press_keys ("alt+f", NULL);
  scc_test_wait_page ("funding-bands");
  scc_test_wait_until (bands_are, GUINT_TO_POINTER (1), 30);

  /* a new band; an amount that is not money is refused beside it */
  scc_test_type_into ("funding-bands", "code_row", "D");
  gtk_editable_set_text (scc_test_entry ("funding-bands", "description_row"), "Specialist placement");
  scc_test_type_into ("funding-bands", "amount_row", "a lot");
  scc_test_type_into ("funding-bands", "from_row", "2026-04-01");
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_form (SCC_FORM_VM (bands ()));
  scc_test_assert_field_error ("funding-bands", "amount_row", "Must be an amount of money in pounds, such as 14,500");
  gtk_editable_set_text (scc_test_entry ("funding-bands", "amount_row"), "22,000");
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (bands_are, GUINT_TO_POINTER (2), 30);
  scc_test_assert_toast ("Band saved");

  /* Enter on band C fills the form; its new amount is saved at its version */
  scc_funding_band_form_vm_select (bands (), 0);
  g_assert_cmpstr (scc_form_vm_get_value (SCC_FORM_VM (bands ()), "code"), ==, "C");
  gtk_editable_set_text (scc_test_entry ("funding-bands", "amount_row"), "15,000");
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (band_c_raised, NULL, 30);
  scc_window_dismiss_toasts (window);
  scc_test_run_for (300);
  scc_test_save_screenshot (GTK_WIDGET (window), "funding-bands.png");

  /* each institution's figures */
  scc_window_test_focus ();
  scc_test_press_keys ("alt+Home", NULL);
  scc_test_wait_page ("home");
  scc_test_press_keys ("alt+i", NULL);
  scc_test_wait_page ("consultation-figures");
  {
    SccFiguresListVm *vm = scc_consultation_figures_page_get_view_model (SCC_CONSULTATION_FIGURES_PAGE (
      scc_test_page ("consultation-figures")));
    g_autoptr(SccFiguresRow) school = NULL;
    g_autoptr(SccFiguresRow) college = NULL;

    scc_test_wait_until (scc_test_list_settled, vm, 30);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vm)), ==, 2);
    school = g_list_model_get_item (G_LIST_MODEL (vm), 0);
    college = g_list_model_get_item (G_LIST_MODEL (vm), 1);
    g_assert_cmpstr (scc_figures_row_get_name (school), ==, "The Aldgate School");
    g_assert_cmpstr (scc_figures_row_get_cell (school, "refusals"), ==, "1");
    g_assert_cmpstr (scc_figures_row_get_cell (school, "reversed"), ==, "0");
    g_assert_cmpstr (scc_figures_row_get_cell (college, "overdue"), ==, "1");
    scc_test_save_screenshot (GTK_WIDGET (window), "consultation-figures.png");
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/client/institutions/search", test_search);
  g_test_add_func ("/client/institutions/consultations", test_consultations);
  g_test_add_func ("/client/institutions/team-consultations", test_team_consultations);
  g_test_add_func ("/client/institutions/funding-bands", test_funding_bands);

  status = scc_test_run_with_daemon ("scc-institutions-XXXXXX", (const char *[]) { "--demo-data", NULL }, started,
                                     scc_window_test_stop, &daemon_, &data_dir);
  g_free (token);
  return status;
}
