/* test-change-password-vm.c
 *
 * SccChangePasswordVm (a form on SccFormVm) without a display, against the
 * real sendcased and its demo users: a repetition that differs is caught
 * before anything is sent; a wrong current password and a short new one
 * come back beside the fields of those API names; a change empties the form,
 * says so in its notice, and the new password signs in; a session that
 * ended keeps the input and says the password is unchanged; an unreachable
 * server is an error with Retry; the form's actions follow busy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-error.h"
#include "sc-test-daemon.h"

#include "scc-api-client.h"
#include "scc-change-password-vm.h"
#include "scc-client-test.h"

static ScTestDaemon *daemon_;  /* shared by the tests of this binary */

typedef struct
{
  SccApiClient        *client;
  SccChangePasswordVm *vm;
  SccFormVm           *form;   /* the same, as a form */
  guint                n_busy_changes;
  guint                n_changed;
  guint                n_unauthorized;
} Fixture;

static void
on_busy_cb (SccChangePasswordVm *vm,
            GParamSpec          *pspec,
            Fixture             *fixture)
{
  fixture->n_busy_changes++;
}

static void
on_changed_cb (SccFormVm *form,
               Fixture   *fixture)
{
  fixture->n_changed++;
}

static void
on_unauthorized_cb (SccApiClient *client,
                    ScSession   *ended,
                    Fixture      *fixture)
{
  fixture->n_unauthorized++;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
result_ready (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

/* Signs the fixture's client in as @username, through the API client. */
static void
sign_in_as (Fixture    *fixture,
            const char *username,
            const char *password)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ScSession) session = NULL;
  g_autoptr(GError) error = NULL;

  scc_api_client_sign_in_async (fixture->client, username, password, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  session = scc_api_client_sign_in_finish (fixture->client, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  fixture->vm = scc_change_password_vm_new (fixture->client);
  fixture->form = SCC_FORM_VM (fixture->vm);
  g_signal_connect (fixture->vm, "notify::busy", G_CALLBACK (on_busy_cb), fixture);
  g_signal_connect (fixture->vm, "succeeded", G_CALLBACK (on_changed_cb), fixture);
  g_signal_connect (fixture->client, "unauthorized", G_CALLBACK (on_unauthorized_cb), fixture);
  sign_in_as (fixture, "caseworker", SC_TEST_DEMO_PASSWORD);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->vm);
  g_assert_finalize_object (fixture->client);
}

static gboolean
vm_settled (gpointer user_data)
{
  return !scc_form_vm_get_busy (SCC_FORM_VM (user_data));
}

static void
fill_in (Fixture    *fixture,
         const char *current,
         const char *new_password,
         const char *repeat)
{
  scc_form_vm_set_value (fixture->form, "current_password", current);
  scc_form_vm_set_value (fixture->form, "new_password", new_password);
  scc_form_vm_set_value (fixture->form, "repeat_password", repeat);
}

static void
submit (Fixture *fixture)
{
  g_assert_true (scc_form_vm_submit (fixture->form));
  g_assert_true (scc_form_vm_get_busy (fixture->form));
  scc_test_wait_until (vm_settled, fixture->vm, 30);
}

static void
test_mismatch (Fixture       *fixture,
               gconstpointer  user_data)
{
  fill_in (fixture, SC_TEST_DEMO_PASSWORD, "a-long-new-password", "a-long-new-pasword");
  g_assert_true (scc_form_vm_get_has_input (fixture->form));

  /* Caught here: nothing was sent. */
  g_assert_false (scc_form_vm_submit (fixture->form));
  g_assert_cmpuint (fixture->n_busy_changes, ==, 0);
  g_assert_cmpstr (scc_form_vm_get_field_error (fixture->form, "repeat_password"), ==,
                   "does not match the new password");
  g_assert_null (scc_form_vm_get_field_error (fixture->form, "new_password"));

  /* Fixing either half takes the complaint away. */
  scc_form_vm_set_value (fixture->form, "repeat_password", "a-long-new-password");
  g_assert_null (scc_form_vm_get_field_error (fixture->form, "repeat_password"));
}

static void
test_field_errors (Fixture       *fixture,
                   gconstpointer  user_data)
{
  fill_in (fixture, "not-my-password", "a-long-new-password", "a-long-new-password");
  submit (fixture);
  g_assert_cmpstr (scc_form_vm_get_field_error (fixture->form, "current_password"), ==,
                   "is not your current password");
  g_assert_null (scc_form_vm_get_field_error (fixture->form, "new_password"));
  g_assert_null (scc_form_vm_get_error_message (fixture->form));
  /* What was typed stays, to be corrected. */
  g_assert_cmpstr (scc_form_vm_get_value (fixture->form, "new_password"), ==, "a-long-new-password");

  fill_in (fixture, SC_TEST_DEMO_PASSWORD, "short", "short");
  g_assert_null (scc_form_vm_get_field_error (fixture->form, "current_password"));
  submit (fixture);
  g_assert_cmpstr (scc_form_vm_get_field_error (fixture->form, "new_password"), ==,
                   "must be at least 12 characters");
  g_assert_null (scc_form_vm_get_field_error (fixture->form, "current_password"));

  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpuint (fixture->n_unauthorized, ==, 0);
}

static void
test_changed (Fixture       *fixture,
              gconstpointer  user_data)
{
  static const char new_password[] = "correct-horse-battery-staple";
  g_autofree char *token = NULL;

  /* Its own user, so the other tests keep the demo password. */
  sign_in_as (fixture, "officer", SC_TEST_DEMO_PASSWORD);

  fill_in (fixture, SC_TEST_DEMO_PASSWORD, new_password, new_password);
  submit (fixture);

  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_false (scc_form_vm_get_has_input (fixture->form));
  g_assert_cmpstr (scc_form_vm_get_value (fixture->form, "current_password"), ==, "");
  g_assert_null (scc_form_vm_get_error_message (fixture->form));
  /* Said in the form, not in a toast over it. */
  g_assert_cmpstr (scc_form_vm_get_notice (fixture->form), ==, "Your password has been changed.");
  /* This session goes on. */
  g_assert_true (scc_api_client_get_signed_in (fixture->client));

  /* The new password is the one that signs in now. */
  token = sc_test_sign_in (daemon_, "officer", new_password);
  g_assert_nonnull (token);
}

static void
test_session_ended (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(ScTestResponse) response = NULL;

  /* The session ends behind the form's back. */
  response = sc_test_authed (daemon_, scc_api_client_get_token (fixture->client), "DELETE",
                             "/api/v1/sessions/current", NULL, NULL);
  g_assert_cmpuint (response->status, ==, 204);

  fill_in (fixture, SC_TEST_DEMO_PASSWORD, "a-long-new-password", "a-long-new-password");
  submit (fixture);

  /* The window is told (and sends the user to sign in); the form keeps
   * every field and says the password is unchanged. */
  g_assert_cmpuint (fixture->n_unauthorized, ==, 1);
  g_assert_false (scc_api_client_get_signed_in (fixture->client));
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpstr (scc_form_vm_get_value (fixture->form, "current_password"), ==, SC_TEST_DEMO_PASSWORD);
  g_assert_cmpstr (scc_form_vm_get_value (fixture->form, "new_password"), ==, "a-long-new-password");
  g_assert_cmpstr (scc_form_vm_get_value (fixture->form, "repeat_password"), ==, "a-long-new-password");
  g_assert_nonnull (scc_form_vm_get_notice (fixture->form));
  g_assert_nonnull (strstr (scc_form_vm_get_notice (fixture->form), "Submit the form again"));

  /* Signed in again, the same input goes through, and the notice goes. */
  sign_in_as (fixture, "caseworker", SC_TEST_DEMO_PASSWORD);
  fill_in (fixture, SC_TEST_DEMO_PASSWORD, "short", "short");
  submit (fixture);
  g_assert_null (scc_form_vm_get_notice (fixture->form));
  g_assert_nonnull (scc_form_vm_get_field_error (fixture->form, "new_password"));

  /* Cleared, as for another user or a sign-out. */
  scc_form_vm_clear (fixture->form);
  g_assert_false (scc_form_vm_get_has_input (fixture->form));
  g_assert_null (scc_form_vm_get_field_error (fixture->form, "new_password"));
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *closed = scc_test_closed_url ();

  scc_api_client_set_base_url (fixture->client, closed);
  fill_in (fixture, SC_TEST_DEMO_PASSWORD, "a-long-new-password", "a-long-new-password");
  submit (fixture);

  g_assert_true (g_str_has_prefix (scc_form_vm_get_error_message (fixture->form),
                                   "Your password has not been changed: the server could not be reached"));
  g_assert_true (scc_form_vm_get_can_retry (fixture->form));
  g_assert_true (scc_form_vm_get_has_input (fixture->form));
  /* Not a session problem. */
  g_assert_cmpuint (fixture->n_unauthorized, ==, 0);
  g_assert_true (scc_api_client_get_signed_in (fixture->client));
}

static void
test_actions (Fixture       *fixture,
              gconstpointer  user_data)
{
  GActionGroup *actions = scc_form_vm_get_actions (fixture->form);

  g_assert_true (g_action_group_get_action_enabled (actions, "submit"));
  g_assert_true (g_action_group_get_action_enabled (actions, "retry"));

  /* "submit" is the submit command; both are off while it runs. */
  fill_in (fixture, "not-my-password", "a-long-new-password", "a-long-new-password");
  g_action_group_activate_action (actions, "submit", NULL);
  g_assert_true (scc_form_vm_get_busy (fixture->form));
  g_assert_false (g_action_group_get_action_enabled (actions, "submit"));
  g_assert_false (g_action_group_get_action_enabled (actions, "retry"));
  scc_test_wait_until (vm_settled, fixture->vm, 30);
  g_assert_true (g_action_group_get_action_enabled (actions, "submit"));
  g_assert_nonnull (scc_form_vm_get_field_error (fixture->form, "current_password"));

  /* A cancelled submission says nothing when its answer comes. */
  g_assert_true (scc_form_vm_submit (fixture->form));
  scc_form_vm_cancel (fixture->form);
  g_assert_false (scc_form_vm_get_busy (fixture->form));
  scc_test_run_for (300);
  g_assert_null (scc_form_vm_get_field_error (fixture->form, "current_password"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/client/change-password-vm/mismatch", test_mismatch);
  ADD ("/client/change-password-vm/field-errors", test_field_errors);
  ADD ("/client/change-password-vm/changed", test_changed);
  ADD ("/client/change-password-vm/session-ended", test_session_ended);
  ADD ("/client/change-password-vm/unreachable", test_unreachable);
  ADD ("/client/change-password-vm/actions", test_actions);
#undef ADD

  return scc_test_run_with_daemon ("scc-password-vm-XXXXXX", (const char *[]) { "--demo-data", NULL }, NULL,
                                   NULL, &daemon_, NULL);
}
