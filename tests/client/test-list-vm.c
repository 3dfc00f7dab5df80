/* test-list-vm.c
 *
 * The list base (SccListVm) through its two lists, without a display,
 * against the real sendcased and its demo users: users made through the
 * API here are fetched page by page across more rows than one page holds,
 * each once and in the server's order; has-more ends on the last page;
 * a filter reloads and the answer matches it; a reload supersedes a fetch
 * in flight; the page's cancellable stops a fetch; the audit trail lists
 * what was just done, newest first, by user; a date the server cannot
 * read is the list's error; and, last, a stopped database is the error
 * state, with what was shown kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-error.h"
#include "sc-test-daemon.h"

#include "scc-api-client.h"
#include "scc-audit-list-vm.h"
#include "scc-client-test.h"
#include "scc-user-list-vm.h"

#define N_MADE 9
#define PAGE 4

static ScTestDaemon *daemon_;
static char *data_dir;

typedef struct
{
  SccApiClient  *client;
  SccUserListVm *users;
  SccListVm     *list;    /* the same, as a list */
  guint          n_changes;
} Fixture;

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static gboolean
result_ready (gpointer user_data)
{
  return *(GAsyncResult **)user_data != NULL;
}

static gboolean
list_settled (gpointer user_data)
{
  return !scc_list_vm_get_loading (SCC_LIST_VM (user_data));
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  fixture->n_changes++;
}

static void
sign_in_as (SccApiClient *client,
            const char   *username)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ScSession) session = NULL;
  g_autoptr(GError) error = NULL;

  scc_api_client_sign_in_async (client, username, SC_TEST_DEMO_PASSWORD, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  session = scc_api_client_sign_in_finish (client, result, NULL, &error);
  g_assert_no_error (error);
}

/* Makes the users of the tests once, through the API (POST /users). */
static void
make_users (SccApiClient *client)
{
  static gboolean made;

  if (made)
    return;
  made = TRUE;
  for (guint i = 0; i < N_MADE; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ScUser) user = NULL;
      g_autofree char *username = g_strdup_printf ("list.user%u", i);

      scc_api_client_create_user_async (client, username, "List User",
                                        i % 3 == 0 ? "team_manager" : "caseworker",
                                        "a long enough passphrase", NULL, NULL, store_result_cb, &result);
      scc_test_wait_until (result_ready, &result, 30);
      user = scc_api_client_create_user_finish (client, result, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (sc_user_get_username (user), ==, username);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  sign_in_as (fixture->client, "sysadmin");
  make_users (fixture->client);
  fixture->users = scc_user_list_vm_new (fixture->client);
  fixture->list = SCC_LIST_VM (fixture->users);
  scc_list_vm_set_page_size (fixture->list, PAGE);
  g_signal_connect (fixture->list, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->users);
  g_assert_finalize_object (fixture->client);
}

static guint
n_items (SccListVm *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_paging (Fixture       *fixture,
             gconstpointer  user_data)
{
  gint64 last_id = 0;
  guint n_pages = 1;

  g_assert_cmpstr (scc_list_vm_get_state (fixture->list), ==, "loading");
  g_assert_false (scc_list_vm_get_loaded (fixture->list));

  scc_list_vm_reload (fixture->list);
  g_assert_true (scc_list_vm_get_loading (fixture->list));
  g_assert_false (scc_list_vm_load_more (fixture->list));
  scc_test_wait_until (list_settled, fixture->list, 30);
  g_assert_cmpuint (n_items (fixture->list), ==, PAGE);
  g_assert_true (scc_list_vm_get_has_more (fixture->list));
  g_assert_cmpstr (scc_list_vm_get_state (fixture->list), ==, "items");

  while (scc_list_vm_get_has_more (fixture->list))
    {
      guint before = n_items (fixture->list);

      g_assert_true (scc_list_vm_load_more (fixture->list));
      scc_test_wait_until (list_settled, fixture->list, 30);
      g_assert_null (scc_list_vm_get_error (fixture->list));
      g_assert_cmpuint (n_items (fixture->list), >, before);
      n_pages++;
    }

  /* The demo's four and ours, each once (ids only go up), in id order. */
  g_assert_cmpuint (n_items (fixture->list), >=, N_MADE + 4);
  g_assert_cmpuint (n_pages, ==, (n_items (fixture->list) + PAGE - 1) / PAGE);
  for (guint i = 0; i < n_items (fixture->list); i++)
    {
      g_autoptr(ScUser) user = g_list_model_get_item (G_LIST_MODEL (fixture->list), i);
      gint64 id = sc_user_get_id (user);

      g_assert_true (SC_IS_USER (user));
      g_assert_cmpint (id, >, last_id);
      last_id = id;
    }
  g_assert_false (scc_list_vm_load_more (fixture->list));
  g_assert_cmpuint (fixture->n_changes, ==, n_pages);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  user_data)
{
  guint n_managers;

  /* Nothing asked for yet: a filter alone fetches nothing. */
  scc_user_list_vm_set_role (fixture->users, "team_manager");
  g_assert_false (scc_list_vm_get_loading (fixture->list));

  scc_list_vm_set_page_size (fixture->list, 100);
  scc_list_vm_reload (fixture->list);
  scc_test_wait_until (list_settled, fixture->list, 30);
  n_managers = n_items (fixture->list);
  /* The demo's manager and every third of ours. */
  g_assert_cmpuint (n_managers, ==, 1 + (N_MADE + 2) / 3);
  for (guint i = 0; i < n_managers; i++)
    {
      g_autoptr(ScUser) user = g_list_model_get_item (G_LIST_MODEL (fixture->list), i);

      g_assert_cmpstr (sc_user_get_role_name (user), ==, "team_manager");
    }

  /* Once loaded, a filter reloads by itself. */
  scc_user_list_vm_set_role (fixture->users, "system_admin");
  g_assert_true (scc_list_vm_get_loading (fixture->list));
  g_assert_cmpuint (n_items (fixture->list), ==, 0);
  scc_test_wait_until (list_settled, fixture->list, 30);
  g_assert_cmpuint (n_items (fixture->list), ==, 1);

  /* No deactivated system administrator: empty, not an error. */
  scc_user_list_vm_set_active (fixture->users, "false");
  scc_test_wait_until (list_settled, fixture->list, 30);
  g_assert_true (scc_list_vm_get_empty (fixture->list));
  g_assert_null (scc_list_vm_get_error (fixture->list));
  g_assert_cmpstr (scc_list_vm_get_state (fixture->list), ==, "empty");

  /* "" is no filter. */
  scc_user_list_vm_set_role (fixture->users, "");
  scc_user_list_vm_set_active (fixture->users, NULL);
  g_assert_null (scc_user_list_vm_get_role (fixture->users));
  scc_test_wait_until (list_settled, fixture->list, 30);
  g_assert_cmpuint (n_items (fixture->list), >=, N_MADE + 4);
}

static void
test_superseded (Fixture       *fixture,
                 gconstpointer  user_data)
{
  /* The first answer, for every role, must not land after the second. */
  scc_list_vm_set_page_size (fixture->list, 100);
  scc_list_vm_reload (fixture->list);
  scc_user_list_vm_set_role (fixture->users, "system_admin");
  scc_test_wait_until (list_settled, fixture->list, 30);
  scc_test_run_for (300);
  g_assert_cmpuint (n_items (fixture->list), ==, 1);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GCancellable) page = g_cancellable_new ();

  scc_list_vm_set_cancellable (fixture->list, page);
  scc_list_vm_reload (fixture->list);
  g_assert_true (scc_list_vm_get_loading (fixture->list));
  g_cancellable_cancel (page);
  scc_test_wait_until (list_settled, fixture->list, 30);
  scc_test_run_for (200);

  /* Stopped, and not an error: nobody is waiting for it. */
  g_assert_cmpuint (n_items (fixture->list), ==, 0);
  g_assert_null (scc_list_vm_get_error (fixture->list));

  /* Cleared: nothing shown, nothing loaded; the filters stay. */
  scc_list_vm_set_cancellable (fixture->list, NULL);
  scc_user_list_vm_set_role (fixture->users, "caseworker");
  scc_list_vm_reload (fixture->list);
  scc_test_wait_until (list_settled, fixture->list, 30);
  g_assert_cmpuint (n_items (fixture->list), >, 0);
  scc_list_vm_clear (fixture->list);
  g_assert_cmpuint (n_items (fixture->list), ==, 0);
  g_assert_false (scc_list_vm_get_loaded (fixture->list));
  g_assert_cmpstr (scc_user_list_vm_get_role (fixture->users), ==, "caseworker");
}

static void
test_audit (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(SccAuditListVm) audit = scc_audit_list_vm_new (fixture->client);
  SccListVm *list = SCC_LIST_VM (audit);
  gint64 last_at = G_MAXINT64;
  gboolean saw_create = FALSE;

  scc_list_vm_set_page_size (list, 5);
  scc_audit_list_vm_set_filter (audit, "user", "sysadmin");
  scc_list_vm_reload (list);
  scc_test_wait_until (list_settled, list, 30);
  g_assert_null (scc_list_vm_get_error (list));
  g_assert_cmpuint (n_items (list), ==, 5);
  g_assert_true (scc_list_vm_get_has_more (list));

  while (scc_list_vm_load_more (list))
    scc_test_wait_until (list_settled, list, 30);

  for (guint i = 0; i < n_items (list); i++)
    {
      g_autoptr(ScAuditEvent) event = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (sc_audit_event_get_username (event), ==, "sysadmin");
      g_assert_cmpint (sc_audit_event_get_at (event), <=, last_at);
      last_at = sc_audit_event_get_at (event);
      saw_create |= g_str_equal (sc_audit_event_get_action (event), "user.create");
    }
  g_assert_true (saw_create);

  scc_audit_list_vm_set_filter (audit, "resource-type", "user");
  scc_audit_list_vm_set_filter (audit, "from", "not a date");
  g_assert_cmpstr (scc_audit_list_vm_get_filter (audit, "from"), ==, "not a date");
  scc_test_wait_until (list_settled, list, 30);
  g_assert_true (g_error_matches (scc_list_vm_get_error (list), SC_ERROR, SC_ERROR_INVALID_INPUT));
  g_assert_cmpstr (scc_list_vm_get_state (list), ==, "error");
  g_assert_nonnull (scc_list_vm_get_error_message (list));

  scc_audit_list_vm_set_filter (audit, "from", "2000-01-01");
  scc_test_wait_until (list_settled, list, 30);
  g_assert_null (scc_list_vm_get_error (list));
  g_assert_cmpuint (n_items (list), >, 0);
}

static void
test_forbidden (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(SccApiClient) client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  g_autoptr(SccUserListVm) users = scc_user_list_vm_new (client);

  sign_in_as (client, "manager");
  scc_list_vm_reload (SCC_LIST_VM (users));
  scc_test_wait_until (list_settled, users, 30);
  g_assert_true (g_error_matches (scc_list_vm_get_error (SCC_LIST_VM (users)), SC_ERROR, SC_ERROR_FORBIDDEN));
  g_assert_cmpstr (scc_list_vm_get_state (SCC_LIST_VM (users)), ==, "error");
}

/* Last: it stops the database. */
static void
test_database_stopped (Fixture       *fixture,
                       gconstpointer  user_data)
{
  scc_list_vm_reload (fixture->list);
  scc_test_wait_until (list_settled, fixture->list, 30);
  g_assert_cmpuint (n_items (fixture->list), ==, PAGE);

  scc_test_stop_database (data_dir);

  /* A failed "more" keeps the page shown, and its cursor for a retry. */
  g_assert_true (scc_list_vm_load_more (fixture->list));
  scc_test_wait_until (list_settled, fixture->list, 30);
  g_assert_true (g_error_matches (scc_list_vm_get_error (fixture->list), SC_ERROR, SC_ERROR_UNAVAILABLE));
  g_assert_cmpuint (n_items (fixture->list), ==, PAGE);
  g_assert_true (scc_list_vm_get_has_more (fixture->list));
  g_assert_cmpstr (scc_list_vm_get_state (fixture->list), ==, "items");

  /* A failed first page is the error state. */
  scc_list_vm_reload (fixture->list);
  scc_test_wait_until (list_settled, fixture->list, 30);
  g_assert_true (g_error_matches (scc_list_vm_get_error (fixture->list), SC_ERROR, SC_ERROR_UNAVAILABLE));
  g_assert_cmpstr (scc_list_vm_get_state (fixture->list), ==, "error");
  g_assert_cmpstr (scc_list_vm_get_error_message (fixture->list), ==,
                   "The server cannot reach its database at the moment. Try again in a few minutes.");
  g_assert_false (scc_list_vm_get_empty (fixture->list));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/client/list-vm/paging", test_paging);
  ADD ("/client/list-vm/filters", test_filters);
  ADD ("/client/list-vm/superseded", test_superseded);
  ADD ("/client/list-vm/cancelled", test_cancelled);
  ADD ("/client/list-vm/audit", test_audit);
  ADD ("/client/list-vm/forbidden", test_forbidden);
  ADD ("/client/list-vm/database-stopped", test_database_stopped);

  return scc_test_run_with_daemon ("scc-list-vm-XXXXXX", (const char *[]) { "--demo-data", NULL }, NULL,
                                   NULL, &daemon_, &data_dir);
}
