/* test-transfers.c
 *
 * Moving a case between authorities in a real window under Xvfb, against
 * sendcased with its demo data, its authority set by the real sendcasectl
 * and bands A and B: Asha opens a case with a final plan and exports it
 * (Export…, Alt+X, saved where a save dialog would put it): the file is the
 * daemon's, naming our authority; a case without a plan in force is
 * refused in a toast. The file then comes back as if another authority
 * (812) had sent it with its own band N2: from home, Import a Transfer…;
 * a copy with a broken date of birth and an unknown event is refused
 * beside the file with both problems, nothing sent; the real one, typed
 * and Enter, shows who it is for and moves to the date; Enter imports; the
 * child is found on record by names and date of birth, so the two ways on
 * are offered and Record a Different Child (Alt+D) opens the case, with a
 * toast saying band N2 waits. Last, the team manager opens Funding Bands
 * (Alt+F): N2 awaits a decision, suggested our B by amount; Enter on it
 * fills Our Band, Enter maps it, and the draft plan of the case has band B.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-error.h"
#include "sc-test-daemon.h"

#include "scc-case-export.h"
#include "scc-case-page.h"
#include "scc-client-test.h"
#include "scc-field-row.h"
#include "scc-funding-bands-page.h"
#include "scc-transfer-import-dialog.h"
#include "scc-window-test.h"

static ScTestDaemon *daemon_;
static char *data_dir;
static char *token;
static char *dir;
static gint64 final_case;
static gint64 bare_case;
static gint64 imported_case;

#define window scc_test_window

static gint64
post (const char *path,
      const char *body)
{
  g_autoptr(ScTestResponse) r = sc_test_authed (daemon_, token, "POST", path, body, NULL);

  if (r->status != 201)
    g_error ("POST %s: %u %s", path, r->status, (const char *) g_bytes_get_data (r->body, NULL));
  return sc_test_response_get_int (r, "id");
}

/* A case of Asha's for a new child; with a final plan funded at band A
 * when @final */
static gint64
new_case (const char *family,
          gboolean    final)
{
  g_autofree char *person = g_strdup_printf ("{\"given_name\":\"Rowan\",\"family_name\":\"%s\","
                                             "\"date_of_birth\":\"2016-05-09\"}", family);
  g_autofree char *body = g_strdup_printf ("{\"person_id\":%" G_GINT64_FORMAT ",\"request_received\":\"2026-03-02\","
                                           "\"request_source\":\"parent\"}", post ("/api/v1/people", person));
  gint64 id = post ("/api/v1/cases", body);
  g_autofree char *events = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/events", id);
  g_autofree char *section = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/plan/sections/i", id);
  const char *first[] = { "If-None-Match", "*", NULL };
  g_autoptr(ScTestResponse) r = NULL;

  if (!final)
    return id;
  r = sc_test_authed (daemon_, token, "PUT", section,
                      "{\"content\":{\"name\":\"Hillside Primary School\",\"type\":\"Mainstream primary\","
                      "\"funding_band\":\"A\"}}", first);
  g_assert_cmpuint (r->status, ==, 200);
  post (events, "{\"type\":\"decided_to_assess\",\"date\":\"2026-04-06\"}");
  post (events, "{\"type\":\"draft_plan_issued\",\"date\":\"2026-06-15\"}");
  post (events, "{\"type\":\"final_plan_issued\",\"date\":\"2026-07-13\"}");
  return id;
}

static void
started (const char *base_url)
{
  g_autofree char *sendcasectl = sc_test_build_path ("server/sendcasectl");
  g_autofree char *manager = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const bands[] = {
    "A", "{\"description\":\"Support in class\",\"annual_amount\":300000,\"valid_from\":\"2024-04-01\","
         "\"valid_to\":null}",
    "B", "{\"description\":\"Small group support\",\"annual_amount\":750000,\"valid_from\":\"2024-04-01\","
         "\"valid_to\":null}",
  };

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, sendcasectl, "--data-dir", data_dir,
                              "authority", "990", "Demo Borough Council", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
  manager = sc_test_sign_in (daemon_, "manager", SC_TEST_DEMO_PASSWORD);
  for (guint i = 0; i < G_N_ELEMENTS (bands); i += 2)
    {
      g_autofree char *path = g_strconcat ("/api/v1/funding-bands/", bands[i], NULL);
      const char *first[] = { "If-None-Match", "*", NULL };
      g_autoptr(ScTestResponse) r = sc_test_authed (daemon_, manager, "PUT", path, bands[i + 1], first);

      g_assert_cmpuint (r->status, ==, 200);
    }
  token = sc_test_sign_in (daemon_, "caseworker", SC_TEST_DEMO_PASSWORD);
  final_case = new_case ("Ashdown", TRUE);
  bare_case = new_case ("Bare", FALSE);
  dir = sc_test_make_tmpdir ("scc-transfers-XXXXXX");
  scc_window_test_start (base_url);
}

static void
stopping (void)
{
  scc_window_test_stop ();
  sc_test_rm_rf (dir);
}

static gboolean
case_loaded (gpointer user_data)
{
  SccCasePage *page = user_data;

  return !scc_case_page_get_loading (page) && scc_case_page_get_case (page) != NULL &&
         scc_case_page_get_events (page) != NULL;
}

static SccCasePage *
open_case (gint64 id)
{
  SccCasePage *page = SCC_CASE_PAGE (scc_test_page ("case"));

  scc_case_page_open (GTK_WIDGET (window), id);
  scc_test_wait_page ("case");
  scc_test_wait_until (case_loaded, page, 30);
  return page;
}

static char *
export_path (void)
{
  return g_build_filename (dir, "transfer.json", NULL);
}

static void
test_export (void)
{
  g_autofree char *path = export_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  SccCasePage *page;
  GtkWidget *button;

  scc_test_sign_in_as ("caseworker", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("caseload");
  page = open_case (final_case);
  button = scc_test_child ("case", "export_button");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  scc_test_save_screenshot (GTK_WIDGET (window), "case-export.png");

  /* where the save dialog would have put it */
  scc_case_export_to_file (SCC_PAGE (page), final_case, file, scc_test_store_result_cb, &result);
  scc_test_wait_until (scc_test_result_ready, &result, 30);
  g_assert_true (scc_case_export_to_file_finish (result, &error));
  g_assert_no_error (error);
  saved = g_strdup_printf ("Transfer file saved to %s", path);
  scc_test_assert_toast (saved);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  root = json_from_string (text, NULL);
  g_assert_nonnull (root);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (root),
                                                                                 "sending_authority"), "code"),
                   ==, "990");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (root),
                                                                                 "funding_band"), "code"),
                   ==, "A");

  /* no plan in force: refused, said in a toast, no file */
  {
    g_autofree char *other = g_build_filename (dir, "bare.json", NULL);
    g_autoptr(GFile) none = g_file_new_for_path (other);

    page = open_case (bare_case);
    scc_case_export_to_file (SCC_PAGE (page), bare_case, none, scc_test_store_result_cb, &refused);
    scc_test_wait_until (scc_test_result_ready, &refused, 30);
    g_assert_false (scc_case_export_to_file_finish (refused, &error));
    g_assert_error (error, SC_ERROR, SC_ERROR_CONFLICT);
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }
  scc_window_dismiss_toasts (window);
}

/* The exported file as the authority @code @name would send it, with
 * their band @band at @amount; @corrupt: a bad date of birth and event */
static char *
sent_from (const char *code,
           const char *name,
           const char *band,
           gint64      amount,
           gboolean    corrupt,
           const char *file_name)
{
  g_autofree char *path = export_path ();
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *out = NULL;
  JsonObject *object;
  char *target = g_build_filename (dir, file_name, NULL);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  root = json_from_string (text, NULL);
  object = json_node_get_object (root);
  json_object_set_string_member (json_object_get_object_member (object, "sending_authority"), "code", code);
  json_object_set_string_member (json_object_get_object_member (object, "sending_authority"), "name", name);
  json_object_set_string_member (json_object_get_object_member (object, "funding_band"), "code", band);
  json_object_set_int_member (json_object_get_object_member (object, "funding_band"), "annual_amount", amount);
  if (corrupt)
    {
      json_object_set_string_member (json_object_get_object_member (object, "person"), "date_of_birth", "2016-02-30");
      json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (object, "events"),
                                                                    0), "type", "letter_posted");
    }
  out = json_to_string (root, TRUE);
  g_assert_true (g_file_set_contents (target, out, -1, NULL));
  return target;
}

static SccTransferImportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (SCC_IS_TRANSFER_IMPORT_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return SCC_TRANSFER_IMPORT_DIALOG (toplevel);
    }
  return NULL;
}

static gboolean
dialog_open (gpointer user_data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_closed (gpointer user_data)
{
  return find_dialog () == NULL;
}

static gboolean
form_settled (gpointer user_data)
{
  return !scc_form_vm_get_busy (SCC_FORM_VM (user_data));
}

static gboolean
in_dialog (SccTransferImportDialog *dialog,
           const char              *id)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));
  GtkWidget *child = scc_transfer_import_dialog_get_child (dialog, id);

  return focus != NULL && (focus == child || gtk_widget_is_ancestor (focus, child));
}

static void
test_import (void)
{
  g_autofree char *broken = sent_from ("812", "Northfield County Council", "N2", 760000, TRUE, "broken.json");
  g_autofree char *good = sent_from ("812", "Northfield County Council", "N2", 760000, FALSE, "good.json");
  SccTransferImportDialog *dialog;
  SccTransferImportVm *form;
  SccFieldRow *file_row;
  const char *problems;

  scc_window_test_focus ();
  scc_test_press_keys ("alt+Home", NULL);
  scc_test_wait_page ("home");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scc_test_page ("home")), "home.import-transfer", NULL));
  scc_test_wait_until (dialog_open, NULL, 10);
  dialog = find_dialog ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  scc_test_focus_window (GTK_WINDOW (dialog));
  form = scc_transfer_import_dialog_get_form (dialog);
  file_row = SCC_FIELD_ROW (scc_transfer_import_dialog_get_child (dialog, "file_row"));
  g_assert_true (in_dialog (dialog, "file_row"));

  /* a broken file: every problem beside it, nothing sent */
  scc_test_type_text (broken);
  scc_test_press_keys ("Return", NULL);
  scc_test_run_for (200);
  problems = scc_form_vm_get_field_error (SCC_FORM_VM (form), "file");
  g_assert_nonnull (problems);
  g_assert_nonnull (strstr (problems, "person.date_of_birth: "));
  g_assert_nonnull (strstr (problems, "events[0].type: "));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (scc_field_row_get_error_label (file_row))));
  g_assert_null (scc_transfer_import_vm_get_summary (form));
  g_assert_true (in_dialog (dialog, "file_row"));
  scc_test_save_screenshot (GTK_WIDGET (dialog), "transfer-import-error.png");

  /* the real one: who it is for, and the keyboard to the date */
  scc_test_press_keys ("ctrl+a", NULL);
  scc_test_type_text (good);
  scc_test_press_keys ("Return", NULL);
  scc_test_run_for (200);
  g_assert_null (scc_form_vm_get_field_error (SCC_FORM_VM (form), "file"));
  g_assert_cmpstr (scc_transfer_import_vm_get_summary (form), ==,
                   "Rowan Ashdown, born 9 May 2016, from Northfield County Council (812); their band N2, "
                   "Support in class, £7,600.00 a year");
  g_assert_true (in_dialog (dialog, "date_row"));
  scc_test_press_keys ("ctrl+a", NULL);
  scc_test_type_text ("2026-11-02");
  scc_test_save_screenshot (GTK_WIDGET (dialog), "transfer-import.png");

  /* the child is on record by names and date of birth: the two ways on */
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (form_settled, form, 30);
  scc_test_run_for (300);
  g_assert_cmpint (scc_transfer_import_vm_get_match (form), >, 0);
  g_assert_true (gtk_widget_get_visible (scc_transfer_import_dialog_get_child (dialog, "different_button")));
  g_assert_true (in_dialog (dialog, "same_button"));
  scc_test_save_screenshot (GTK_WIDGET (dialog), "transfer-import-match.png");

  scc_test_press_keys ("alt+d", NULL);
  scc_test_wait_until (dialog_closed, NULL, 30);
  scc_test_assert_toast ("Transferred in from Northfield County Council (812); their band N2 waits for a team "
                         "manager under Funding Bands (suggested: B).");
  scc_test_wait_page ("case");
  {
    SccCasePage *page = SCC_CASE_PAGE (scc_test_page ("case"));
    ScCase *kase;

    scc_test_wait_until (case_loaded, page, 30);
    kase = scc_case_page_get_case (page);
    imported_case = sc_case_get_id (kase);
    g_assert_cmpint (imported_case, !=, final_case);
    g_assert_cmpstr (sc_case_get_person (kase)->family_name, ==, "Ashdown");
    g_assert_cmpstr (sc_case_get_stage_name (kase), ==, "final");
  }
  scc_window_dismiss_toasts (window);
}

static SccBandMappingFormVm *
mappings (void)
{
  return scc_funding_bands_page_get_mappings (SCC_FUNDING_BANDS_PAGE (scc_test_page ("funding-bands")));
}

static gboolean
mappings_are (gpointer user_data)
{
  GPtrArray *list = scc_band_mapping_form_vm_get_mappings (mappings ());
  const ScBandMapping *first = list != NULL && list->len > 0 ? g_ptr_array_index (list, 0) : NULL;

  return first != NULL && !scc_form_vm_get_busy (SCC_FORM_VM (mappings ())) &&
         g_strcmp0 (first->our_code, user_data) == 0;
}

static void
test_mapping (void)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%" G_GINT64_FORMAT "/plan/sections/i", imported_case);
  g_autoptr(ScTestResponse) before = sc_test_authed (daemon_, token, "GET", path, NULL, NULL);
  g_autoptr(ScTestResponse) after = NULL;
  const ScBandMapping *mapping;

  g_assert_null (strstr (g_bytes_get_data (before->body, NULL), "funding_band"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL));
  scc_test_wait_page ("sign-in");
  scc_test_sign_in_as ("manager", SC_TEST_DEMO_PASSWORD);
  scc_test_wait_page ("home");
  scc_window_test_focus ();
  scc_test_press_keys ("alt+f", NULL);
  scc_test_wait_page ("funding-bands");
  scc_test_wait_until (mappings_are, NULL, 30);
  mapping = g_ptr_array_index (scc_band_mapping_form_vm_get_mappings (mappings ()), 0);
  g_assert_cmpstr (mapping->their_code, ==, "N2");
  g_assert_cmpstr (mapping->suggested_code, ==, "B");
  g_assert_cmpstr (mapping->suggested_by, ==, "amount");
  g_assert_cmpint (mapping->waiting, ==, 1);
  g_assert_true (gtk_widget_get_visible (scc_test_child ("funding-bands", "mapping_button")));

  /* Enter on it fills Our Band with the suggestion; Enter maps it */
  scc_band_mapping_form_vm_select (mappings (), 0);
  g_assert_cmpstr (scc_form_vm_get_value (SCC_FORM_VM (mappings ()), "our_code"), ==, "B");
  scc_test_run_for (300);
  scc_test_save_screenshot (GTK_WIDGET (window), "band-mappings.png");
  scc_field_row_focus (SCC_FIELD_ROW (scc_test_child ("funding-bands", "mapping_row")));
  scc_test_press_keys ("Return", NULL);
  scc_test_wait_until (mappings_are, (gpointer) "B", 30);
  scc_test_assert_toast ("Band mapped: the plans waiting for it have our band");

  after = sc_test_authed (daemon_, token, "GET", path, NULL, NULL);
  g_assert_cmpuint (after->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (after->json),
                                                                                 "content"), "funding_band"),
                   ==, "B");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/client/transfers/export", test_export);
  g_test_add_func ("/client/transfers/import", test_import);
  g_test_add_func ("/client/transfers/mapping", test_mapping);

  status = scc_test_run_with_daemon ("scc-transfers-XXXXXX", (const char *[]) { "--demo-data", NULL }, started,
                                     stopping, &daemon_, &data_dir);
  g_free (token);
  return status;
}
