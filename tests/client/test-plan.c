/* test-plan.c
 *
 * The plan editor against the real sendcased and its demo users, in the
 * real window under Xvfb. Asha Patel (the demo caseworker) has Pia
 * Planner's case, assessed, with one need already written through the
 * API. From the case page she opens the plan by keyboard (Alt+P), moves to
 * section B with the arrow keys, adds a need (Ctrl+Shift+N) and types it;
 * in F adds a provision and links it to a need; the sidebar says "Not
 * saved" and the warnings follow what she types; Ctrl+S saves both
 * sections (read back through the API). A second writer saves section B
 * through the API while she edits it: her save is refused (412), the page
 * says so and keeps her text, and Reload, Keeping My Changes then Ctrl+S
 * saves it. A date that is not one is refused beside the field. She
 * issues the draft (Ctrl+Shift+I), changes F, issues the final plan, sees
 * what changed from version 1 to 2, and fetches version 2's PDF.
 * Saves plan.png, plan-conflict.png and plan-versions.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-calendar.h"
#include "sc-test-daemon.h"

#include "scc-caseload-vm.h"
#include "scc-client-test.h"
#include "scc-plan-editor.h"
#include "scc-window-test.h"

static ScTestDaemon *daemon_;
static gint64 case_id;
static gint64 other_case_id;
static char *token;

#define window scc_test_window

static char *
days_ago (int days)
{
  char buffer[SC_DAY_STRING_SIZE];

  return g_strdup (sc_day_format (scc_case_today () - days, buffer));
}

static ScTestResponse *
api (const char         *method,
     const char         *tail,
     const char         *body,
     const char * const *headers)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "%s", case_id, tail);

  return sc_test_authed (daemon_, token, method, path, body, headers);
}

static void
started (const char *base_url)
{
  g_autofree char *received = days_ago (60);
  g_autofree char *assessed = days_ago (50);
  g_autofree char *body = NULL;
  g_autofree char *event = NULL;
  g_autoptr(ScTestResponse) p = NULL;
  g_autoptr(ScTestResponse) c = NULL;
  g_autoptr(ScTestResponse) e = NULL;
  g_autoptr(ScTestResponse) b = NULL;
  const char *first[] = { "If-None-Match", "*", NULL };

  token = sc_test_sign_in (daemon_, "caseworker", SC_TEST_DEMO_PASSWORD);
  p = sc_test_authed (daemon_, token, "POST", "/api/v1/people",
                      "{\"given_name\":\"Pia\",\"family_name\":\"Planner\",\"date_of_birth\":\"2016-02-03\"}", NULL);
  g_assert_cmpuint (p->status, ==, 201);
  body = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":\"%s\","
                          "\"request_source\":\"parent\"}", sc_test_response_get_int (p, "id"), received);
  c = sc_test_authed (daemon_, token, "POST", "/api/v1/cases", body, NULL);
  g_assert_cmpuint (c->status, ==, 201);
  case_id = sc_test_response_get_int (c, "id");
  event = g_strdup_printf ("{\"type\":\"decided_to_assess\",\"date\":\"%s\"}", assessed);
  e = api ("POST", "/events", event, NULL);
  g_assert_cmpuint (e->status, ==, 201);
  {
    g_autoptr(ScTestResponse) q = sc_test_authed (daemon_, token, "POST", "/api/v1/people",
                                                  "{\"given_name\":\"Tom\",\"family_name\":\"Other\","
                                                  "\"date_of_birth\":\"2015-05-06\"}", NULL);
    g_autofree char *open = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":\"%s\","
                                             "\"request_source\":\"parent\"}", sc_test_response_get_int (q, "id"),
                                             received);
    g_autoptr(ScTestResponse) d = sc_test_authed (daemon_, token, "POST", "/api/v1/cases", open, NULL);

    g_assert_cmpuint (d->status, ==, 201);
    other_case_id = sc_test_response_get_int (d, "id");
  }
  b = api ("PUT", "/plan/sections/b", "{\"content\":{\"rows\":[{\"id\":\"1\",\"text\":\"Reads well below her age\"}]}}",
           first);
  g_assert_cmpuint (b->status, ==, 200);
  scc_window_test_start (base_url);
}

static SccPlanPage *
plan_page (void)
{
  return SCC_PLAN_PAGE (scc_test_page ("plan"));
}

static SccPlanVm *
vm (void)
{
  return scc_plan_page_get_view_model (plan_page ());
}

static SccPlanEditor *
editor (void)
{
  return SCC_PLAN_EDITOR (scc_plan_page_get_editor (plan_page ()));
}

static gboolean
settled (gpointer user_data)
{
  return scc_plan_vm_get_loaded (vm ()) && !scc_plan_vm_get_busy (vm ());
}

static gboolean
editing (gpointer user_data)
{
  GtkWidget *shown = scc_plan_page_get_editor (plan_page ());

  return settled (NULL) && shown != NULL &&
         scc_plan_editor_get_section (SCC_PLAN_EDITOR (shown)) == GPOINTER_TO_INT (user_data);
}

static gboolean
case_shown (gpointer user_data)
{
  SccCasePage *page = SCC_CASE_PAGE (scc_test_page ("case"));

  return !scc_case_page_get_loading (page) && scc_case_page_get_case (page) != NULL;
}

static char *
section_text (const char *section)
{
  g_autofree char *tail = g_strdup_printf ("/plan/sections/%s", section);
  g_autoptr(ScTestResponse) r = api ("GET", tail, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  return g_strndup (g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body));
}

static gboolean
has_warning (const char *code,
             const char *section)
{
  GPtrArray *warnings = scc_plan_vm_get_warnings (vm ());

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      ScPlanWarning *warning = g_ptr_array_index (warnings, i);

      if (g_str_equal (warning->code, code) && g_str_equal (warning->section, section))
        return TRUE;
    }
  return FALSE;
}

static const char *
status_of (ScPlanSectionId section)
{
  GtkWidget *list = scc_test_child ("plan", "sections_list");
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), section));
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box)));
}

typedef gboolean (*Match) (GtkWidget *widget, const char *text);

/* The first widget under @root (itself included) that @match takes */
static GtkWidget *
find_widget (GtkWidget  *root,
             Match       match,
             const char *text)
{
  if (match (root, text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_check (GtkWidget  *widget,
          const char *label)
{
  return GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

static gboolean
is_button (GtkWidget  *widget,
           const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_row (GtkWidget  *widget,
        const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
rows_are (gpointer user_data)
{
  return scc_plan_editor_get_n_rows (editor ()) == GPOINTER_TO_UINT (user_data);
}

/* The keys typed have all reached the new need */
static gboolean
typed (gpointer user_data)
{
  GtkWidget *field = scc_plan_editor_get_field (editor (), 1, "text");

  return field != NULL && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field)), user_data) == 0;
}

static void
set_field (guint       row,
           const char *member,
           const char *text)
{
  GtkWidget *field = scc_plan_editor_get_field (editor (), row, member);

  g_assert_nonnull (field);
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

static guint answers;   /* saves and failures the view model has told of */

static void
count_answer (void)
{
  answers++;
}

static gboolean
answered (gpointer user_data)
{
  return answers > GPOINTER_TO_UINT (user_data) && settled (NULL);
}

/* Ctrl+S, and the view model's word that the save is done or failed: the
 * key may reach the window after any test of "not busy" would pass */
static void
save_and_wait (void)
{
  guint before = answers;
  gulong saved = g_signal_connect_swapped (vm (), "saved", G_CALLBACK (count_answer), NULL);
  gulong failed = g_signal_connect_swapped (vm (), "failed", G_CALLBACK (count_answer), NULL);

  scc_test_press_keys ("ctrl+s", NULL);
  scc_test_wait_until (answered, GUINT_TO_POINTER (before), 30);
  g_signal_handler_disconnect (vm (), saved);
  g_signal_handler_disconnect (vm (), failed);
}

/* Sidebar, editor, warnings and saving, by keyboard */
static void
test_edit (void)
{
  g_autofree char *b = NULL;
  g_autofree char *f = NULL;

  scc_test_sign_in_as ("caseworker", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("caseload");
  scc_case_page_open (GTK_WIDGET (window), case_id);
  scc_test_wait_page ("case");
  scc_test_wait_until (case_shown, NULL, 30);
  g_test_message ("the case is shown");
  scc_window_test_focus ();
  scc_test_press_keys ("alt+p", NULL);
  scc_test_wait_page ("plan");
  g_test_message ("the plan page is shown");
  scc_test_wait_until (editing, GINT_TO_POINTER (SC_PLAN_SECTION_A), 30);
  g_assert_true (scc_test_has_focus (scc_test_child ("plan", "sections_list")));
  /* the need written elsewhere has no provision yet */
  g_assert_true (has_warning ("need_without_provision", "b"));
  g_assert_cmpstr (status_of (SC_PLAN_SECTION_B), ==, "1 warning");

  /* B by the arrow key; a second need, typed */
  scc_test_press_keys ("Down", NULL);
  scc_test_wait_until (editing, GINT_TO_POINTER (SC_PLAN_SECTION_B), 30);
  g_assert_cmpuint (scc_plan_editor_get_n_rows (editor ()), ==, 1);
  scc_test_press_keys ("ctrl+shift+n", NULL);
  scc_test_wait_until (rows_are, GUINT_TO_POINTER (2), 30);
  g_assert_true (scc_test_has_focus (scc_plan_editor_get_field (editor (), 1, "text")));
  scc_test_type_text ("Finds it hard to make friends");
  scc_test_wait_until (typed, (gpointer) "Finds it hard to make friends", 30);
  g_assert_true (scc_plan_vm_get_dirty (vm (), SC_PLAN_SECTION_B));
  g_assert_cmpstr (status_of (SC_PLAN_SECTION_B), ==, "Not saved · 2 warnings");

  /* F: a provision meeting need 1, with nothing quantified yet */
  scc_plan_page_select_section (plan_page (), SC_PLAN_SECTION_F);
  scc_test_wait_until (editing, GINT_TO_POINTER (SC_PLAN_SECTION_F), 30);
  g_assert_true (scc_plan_editor_add_row (editor ()));
  set_field (0, "text", "Speech and language therapy");
  {
    GtkWidget *field = scc_plan_editor_get_field (editor (), 0, "text");
    GtkWidget *check = find_widget (gtk_widget_get_ancestor (field, ADW_TYPE_PREFERENCES_GROUP), is_check, "B.1");

    g_assert_nonnull (check);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  }
  g_assert_true (has_warning ("provision_unquantified", "f"));
  /* need 1 is met now; need 2 is not */
  g_assert_true (has_warning ("need_without_provision", "b"));
  g_assert_cmpstr (status_of (SC_PLAN_SECTION_B), ==, "Not saved · 1 warning");
  scc_test_save_screenshot (GTK_WIDGET (window), "plan.png");

  save_and_wait ();
  g_assert_false (scc_plan_vm_get_any_dirty (vm ()));
  b = section_text ("b");
  f = section_text ("f");
  g_assert_nonnull (strstr (b, "Finds it hard to make friends"));
  g_assert_nonnull (strstr (f, "\"needs\":[\"b.1\"]"));
  g_assert_cmpstr (status_of (SC_PLAN_SECTION_B), ==, "1 warning");
}

/* Someone else saves B first: nothing typed is lost */
static void
test_conflict (void)
{
  g_autofree char *quoted = NULL;
  g_autofree char *b = NULL;
  g_autoptr(ScTestResponse) other = NULL;
  g_autoptr(ScTestResponse) read = api ("GET", "/plan/sections/b", NULL, NULL);
  const char *etag = soup_message_headers_get_one (read->headers, "ETag");
  const char *if_match[] = { "If-Match", etag, NULL };

  scc_plan_page_select_section (plan_page (), SC_PLAN_SECTION_B);
  scc_test_wait_until (editing, GINT_TO_POINTER (SC_PLAN_SECTION_B), 30);
  set_field (0, "text", "Reads two years below her age");
  other = api ("PUT", "/plan/sections/b",
               "{\"content\":{\"rows\":[{\"id\":\"1\",\"text\":\"Changed by the manager\"}]}}", if_match);
  g_assert_cmpuint (other->status, ==, 200);
  save_and_wait ();
  g_assert_cmpint (scc_plan_vm_get_conflict (vm ()), ==, SC_PLAN_SECTION_B);
  g_assert_true (gtk_widget_get_visible (scc_test_child ("plan", "conflict_box")));
  g_assert_true (scc_plan_vm_get_dirty (vm (), SC_PLAN_SECTION_B));
  scc_test_save_screenshot (GTK_WIDGET (window), "plan-conflict.png");

  gtk_widget_activate_action (GTK_WIDGET (plan_page ()), "plan.reload-keeping", NULL);
  scc_test_wait_until (settled, NULL, 30);
  g_assert_false (gtk_widget_get_visible (scc_test_child ("plan", "conflict_box")));
  g_assert_true (scc_plan_vm_get_dirty (vm (), SC_PLAN_SECTION_B));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (scc_plan_editor_get_field (editor (), 0, "text"))), ==,
                   "Reads two years below her age");
  save_and_wait ();
  b = section_text ("b");
  g_assert_nonnull (strstr (b, "Reads two years below her age"));
  g_assert_null (strstr (b, "Changed by the manager"));
}

/* A date that is not one is refused beside its field, and nothing saved */
static void
test_refused (void)
{
  g_autofree char *f = NULL;
  GtkWidget *from;

  scc_plan_page_select_section (plan_page (), SC_PLAN_SECTION_F);
  scc_test_wait_until (editing, GINT_TO_POINTER (SC_PLAN_SECTION_F), 30);
  set_field (0, "from", "next term");
  save_and_wait ();
  from = scc_plan_editor_get_field (editor (), 0, "from");
  g_assert_true (gtk_widget_has_css_class (from, "error"));
  g_assert_nonnull (scc_plan_vm_get_refusal (vm (), SC_PLAN_SECTION_F));
  f = section_text ("f");
  g_assert_null (strstr (f, "next term"));
  set_field (0, "from", "");
  set_field (0, "frequency", "weekly");
  save_and_wait ();
  g_assert_false (gtk_widget_has_css_class (scc_plan_editor_get_field (editor (), 0, "from"), "error"));
  g_assert_false (scc_plan_vm_get_any_dirty (vm ()));
}

static gboolean
versions_are (gpointer user_data)
{
  GPtrArray *versions = scc_plan_vm_get_versions (vm ());

  return settled (NULL) && versions != NULL && versions->len == GPOINTER_TO_UINT (user_data);
}

/* @n versions, or the issue refused */
static gboolean
issued_or_refused (gpointer user_data)
{
  return versions_are (user_data) ||
         (settled (NULL) && gtk_widget_get_visible (scc_test_child ("plan", "issue_error_label")));
}

static void
issue_and_wait (guint versions)
{
  GtkWidget *refusal = scc_test_child ("plan", "issue_error_label");

  scc_test_wait_until (issued_or_refused, GUINT_TO_POINTER (versions), 30);
  if (gtk_widget_get_visible (refusal))
    g_error ("the issue was refused: %s", gtk_label_get_text (GTK_LABEL (refusal)));
}

static gboolean
diff_shown (gpointer user_data)
{
  return gtk_widget_get_visible (scc_test_child ("plan", "diff_group"));
}

/* Issuing by keyboard, the versions, what changed and a PDF */
static void
test_issue (void)
{
  g_autofree char *draft_date = days_ago (30);
  g_autofree char *today = days_ago (0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *changed;

  /* the draft a month ago, so the final plan may follow today */
  gtk_editable_set_text (GTK_EDITABLE (scc_test_child ("plan", "date_row")), draft_date);
  scc_window_test_focus ();
  scc_test_press_keys ("ctrl+shift+i", NULL);
  issue_and_wait (1);

  /* a final plan with the frequency changed */
  scc_plan_page_select_section (plan_page (), SC_PLAN_SECTION_F);
  scc_test_wait_until (editing, GINT_TO_POINTER (SC_PLAN_SECTION_F), 30);
  set_field (0, "frequency", "twice a week");
  save_and_wait ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (scc_test_child ("plan", "kind_row")), SC_PLAN_VERSION_FINAL);
  gtk_editable_set_text (GTK_EDITABLE (scc_test_child ("plan", "date_row")), today);
  gtk_widget_activate_action (GTK_WIDGET (plan_page ()), "plan.issue", NULL);
  issue_and_wait (2);
  g_assert_cmpstr (sc_plan_version_get_kind (g_ptr_array_index (scc_plan_vm_get_versions (vm ()), 1)), ==, "final");

  changed = find_widget (scc_test_child ("plan", "versions_group"), is_button, "What _Changed");
  g_assert_nonnull (changed);
  g_signal_emit_by_name (changed, "clicked");
  scc_test_wait_until (diff_shown, NULL, 30);
  g_assert_nonnull (find_widget (scc_test_child ("plan", "versions_group"), is_button, "Open _PDF"));
  g_assert_nonnull (find_widget (scc_test_child ("plan", "diff_group"), is_row,
                                 "Changed F.1, How often: weekly → twice a week"));
  scc_test_save_screenshot (GTK_WIDGET (window), "plan-versions.png");

  scc_plan_vm_save_pdf_async (vm (), 2, NULL, scc_test_store_result_cb, &result);
  scc_test_wait_until (scc_test_result_ready, &result, 30);
  pdf = scc_plan_vm_save_pdf_finish (vm (), result, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (pdf, NULL, &contents, NULL, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_file_delete (pdf, NULL, NULL);
}

/* Another case's plan and back: what was typed in the first is still there */
static void
test_two_cases (void)
{
  scc_plan_page_select_section (plan_page (), SC_PLAN_SECTION_A);
  scc_test_wait_until (editing, GINT_TO_POINTER (SC_PLAN_SECTION_A), 30);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (scc_plan_editor_get_field (editor (), 0, "text"))),
                            "Pia wants to be a vet", -1);
  g_assert_true (scc_plan_vm_get_dirty (vm (), SC_PLAN_SECTION_A));

  scc_plan_page_open (GTK_WIDGET (window), other_case_id, "Tom Other");
  scc_test_wait_until (editing, GINT_TO_POINTER (SC_PLAN_SECTION_A), 30);
  g_assert_cmpint (scc_plan_vm_get_case_id (vm ()), ==, other_case_id);
  g_assert_false (scc_plan_vm_get_any_dirty (vm ()));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (scc_test_child ("plan", "child_label"))), ==,
                   "The plan of Tom Other");

  /* meanwhile someone else writes section A of Pia's plan */
  {
    const char *first[] = { "If-None-Match", "*", NULL };
    g_autoptr(ScTestResponse) other = api ("PUT", "/plan/sections/a",
                                           "{\"content\":{\"text\":\"Written by the manager meanwhile\"}}", first);

    g_assert_cmpuint (other->status, ==, 200);
  }
  scc_plan_page_open (GTK_WIDGET (window), case_id, "Pia Planner");
  scc_test_wait_until (editing, GINT_TO_POINTER (SC_PLAN_SECTION_A), 30);
  g_assert_true (scc_plan_vm_get_dirty (vm (), SC_PLAN_SECTION_A));
  g_assert_cmpstr (status_of (SC_PLAN_SECTION_A), ==, "Not saved");
  /* her edit was made on the section before theirs: a conflict, not an overwrite */
  save_and_wait ();
  g_assert_cmpint (scc_plan_vm_get_conflict (vm ()), ==, SC_PLAN_SECTION_A);
  {
    g_autofree char *a = section_text ("a");

    g_assert_nonnull (strstr (a, "Written by the manager meanwhile"));
  }
  gtk_widget_activate_action (GTK_WIDGET (plan_page ()), "plan.reload-keeping", NULL);
  scc_test_wait_until (settled, NULL, 30);
  save_and_wait ();
  g_assert_false (scc_plan_vm_get_any_dirty (vm ()));
  {
    g_autofree char *a = section_text ("a");

    g_assert_nonnull (strstr (a, "Pia wants to be a vet"));
  }
}

/* An admin officer reads the plan and cannot change it */
static void
test_read_only (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "sign-out", NULL);
  scc_window_dismiss_toasts (window);
  scc_test_sign_in_as ("officer", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("home");
  scc_plan_page_open (GTK_WIDGET (window), case_id, "Pia Planner");
  scc_test_wait_page ("plan");
  scc_test_wait_until (editing, GINT_TO_POINTER (SC_PLAN_SECTION_A), 30);
  g_assert_false (gtk_widget_get_sensitive (scc_plan_page_get_editor (plan_page ())));
  g_assert_false (gtk_widget_get_visible (scc_test_child ("plan", "issue_group")));
  g_assert_cmpuint (scc_plan_vm_get_versions (vm ())->len, ==, 2);
  g_assert_false (scc_plan_vm_get_any_dirty (vm ()));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* In this order: each starts where the one before left the window. */
  g_test_add_func ("/client/plan/edit", test_edit);
  g_test_add_func ("/client/plan/conflict", test_conflict);
  g_test_add_func ("/client/plan/refused", test_refused);
  g_test_add_func ("/client/plan/issue", test_issue);
  g_test_add_func ("/client/plan/two-cases", test_two_cases);
  g_test_add_func ("/client/plan/read-only", test_read_only);

  status = scc_test_run_with_daemon ("scc-plan-XXXXXX", (const char *[]) { "--demo-data", NULL }, started,
                                     scc_window_test_stop, &daemon_, NULL);
  g_free (token);
  return status;
}
