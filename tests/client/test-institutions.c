/* test-institutions.c
 *
 * The institution directory in a real window under Xvfb, with sendcased
 * and its demo data and the sample GIAS file imported with sendcasectl,
 * driven by keyboard: Asha opens Schools and Colleges from home (Alt+S);
 * the search has the focus, and typing finds the open schools whose name
 * has the words; Show: Closed Too adds the closed one; a postcode finds
 * by its start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-test-daemon.h"

#include "scc-client-test.h"
#include "scc-institutions-page.h"
#include "scc-window-test.h"

static ScTestDaemon *daemon_;
static char *data_dir;

#define window scc_test_window

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

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/client/institutions/search", test_search);

  status = scc_test_run_with_daemon ("scc-institutions-XXXXXX", (const char *[]) { "--demo-data", NULL }, started,
                                     scc_window_test_stop, &daemon_, &data_dir);
  return status;
}
