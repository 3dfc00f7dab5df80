/* test-form.c
 *
 * The form base (SccFormVm, SccFormField, SccFieldRow) through a minimal
 * form written as a new one would be: the system administrator's "new
 * user" (POST /api/v1/users), a view model of four fields and a template
 * of four rows, against the real sendcased with its demo users.
 *
 *  - required fields are refused empty here, in the API's words, and
 *    nothing is sent;
 *  - the server's field errors land on the fields of those API names, and
 *    on the rows bound to them (error style, caption, invalid for AT);
 *  - an answer about no one field (409, the username taken) is the
 *    general error, starting with the form's failure text;
 *  - a created user empties the form, secrets included; the
 *    Idempotency-Key is kept for a retry of the same input and renewed by
 *    an edit;
 *  - a row's entry and its field are one, both ways, and the entry is
 *    read-only while the form is busy;
 *  - a repeated group (a form of its own, offline): elements added and
 *    removed keep field N the Nth element, in form order, values and
 *    errors moving along, up to the group's limit; an error the answer
 *    names "items[1].note" lands on that field; clear empties the group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-problem.h"
#include "sc-test-daemon.h"

#include "scc-api-client-private.h"
#include "scc-client-test.h"
#include "scc-field-row.h"
#include "scc-form-vm.h"

/* ---- The minimal form: everything a new form writes, but its page. ---- */

#define TEST_TYPE_NEW_USER_VM (test_new_user_vm_get_type ())
G_DECLARE_FINAL_TYPE (TestNewUserVm, test_new_user_vm, TEST, NEW_USER_VM, SccFormVm)

struct _TestNewUserVm
{
  SccFormVm  parent_instance;
  char      *sent_key;  /* the Idempotency-Key of the last request, for the test */
};

G_DEFINE_FINAL_TYPE (TestNewUserVm, test_new_user_vm, SCC_TYPE_FORM_VM)

static void
test_new_user_vm_created_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = _scc_api_client_request_finish (SCC_API_CLIENT (object), result, NULL, NULL, &error);
  if (node == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
test_new_user_vm_submit_async (SccFormVm           *form,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  static const char * const names[] = { "username", "full_name", "role", "password" };
  TestNewUserVm *self = TEST_NEW_USER_VM (form);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  const char *key = scc_form_vm_get_idempotency_key (form);
  const char *headers[] = { "Idempotency-Key", key, NULL };

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_string_value (builder, scc_form_vm_get_value (form, names[i]));
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  g_free (self->sent_key);
  self->sent_key = g_strdup (key);
  _scc_api_client_request_async (scc_form_vm_get_api_client (form), "POST", "/users", body, headers,
                                 SCC_API_REQUEST_DEFAULT, cancellable, test_new_user_vm_created_cb,
                                 g_task_new (form, cancellable, callback, user_data));
}

static gboolean
test_new_user_vm_submit_finish (SccFormVm     *form,
                                GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
test_new_user_vm_succeeded (SccFormVm *form)
{
  scc_form_vm_clear (form);
  scc_form_vm_set_notice (form, "The user has been created.");
}

static void
test_new_user_vm_finalize (GObject *object)
{
  g_clear_pointer (&TEST_NEW_USER_VM (object)->sent_key, g_free);
  G_OBJECT_CLASS (test_new_user_vm_parent_class)->finalize (object);
}

static void
test_new_user_vm_class_init (TestNewUserVmClass *klass)
{
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = test_new_user_vm_finalize;
  form_class->submit_async = test_new_user_vm_submit_async;
  form_class->submit_finish = test_new_user_vm_submit_finish;
  form_class->succeeded = test_new_user_vm_succeeded;
  scc_form_vm_class_set_failure_text (form_class, "The user has not been created");
}

static void
test_new_user_vm_init (TestNewUserVm *self)
{
  scc_form_vm_add_field (SCC_FORM_VM (self), "username", SCC_FORM_FIELD_REQUIRED);
  scc_form_vm_add_field (SCC_FORM_VM (self), "full_name", SCC_FORM_FIELD_DEFAULT);
  scc_form_vm_add_field (SCC_FORM_VM (self), "role", SCC_FORM_FIELD_REQUIRED);
  scc_form_vm_add_field (SCC_FORM_VM (self), "password", SCC_FORM_FIELD_REQUIRED | SCC_FORM_FIELD_SECRET);
}

/* Its rows, as a page's template writes them (the page binds "form" to its
 * view model; here the builder is given it). */
static const char new_user_ui[] =
  "<interface>"
  "  <object class='GtkBox' id='box'>"
  "    <property name='orientation'>vertical</property>"
  "    <child><object class='SccFieldRow' id='username'>"
  "      <property name='field-name'>username</property>"
  "      <property name='title'>_Username</property>"
  "      <property name='form'>form</property>"
  "    </object></child>"
  "    <child><object class='SccFieldRow' id='full_name'>"
  "      <property name='field-name'>full_name</property>"
  "      <property name='title'>_Full Name</property>"
  "      <property name='form'>form</property>"
  "    </object></child>"
  "    <child><object class='SccFieldRow' id='role'>"
  "      <property name='field-name'>role</property>"
  "      <property name='title'>_Role</property>"
  "      <property name='form'>form</property>"
  "    </object></child>"
  "    <child><object class='SccFieldRow' id='password'>"
  "      <property name='field-name'>password</property>"
  "      <property name='kind'>secret</property>"
  "      <property name='title'>_Password</property>"
  "      <property name='form'>form</property>"
  "    </object></child>"
  "  </object>"
  "</interface>";

static gboolean form_settled (gpointer user_data);

/* ---- A form with a repeated group: a title, up to three items (name,
 * note), a last field; its answer is always a 422 on items[1].note. ---- */

#define TEST_TYPE_ITEMS_VM (test_items_vm_get_type ())
G_DECLARE_FINAL_TYPE (TestItemsVm, test_items_vm, TEST, ITEMS_VM, SccFormVm)

struct _TestItemsVm
{
  SccFormVm parent_instance;
};

G_DEFINE_FINAL_TYPE (TestItemsVm, test_items_vm, SCC_TYPE_FORM_VM)

static void
test_items_vm_submit_async (SccFormVm           *form,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GError *error = NULL;

  sc_set_field_error (&error, "items[1].note", "must be shorter");
  g_task_report_error (form, callback, user_data, test_items_vm_submit_async, error);
}

static gboolean
test_items_vm_submit_finish (SccFormVm     *form,
                             GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
test_items_vm_class_init (TestItemsVmClass *klass)
{
  SCC_FORM_VM_CLASS (klass)->submit_async = test_items_vm_submit_async;
  SCC_FORM_VM_CLASS (klass)->submit_finish = test_items_vm_submit_finish;
}

static void
test_items_vm_init (TestItemsVm *self)
{
  static const char * const members[] = { "name", "note", NULL };

  scc_form_vm_add_field (SCC_FORM_VM (self), "title", SCC_FORM_FIELD_DEFAULT);
  scc_form_vm_add_group (SCC_FORM_VM (self), "items", members, SCC_FORM_FIELD_DEFAULT, 3);
  scc_form_vm_add_field (SCC_FORM_VM (self), "after", SCC_FORM_FIELD_KEPT);
}

/* The fields' names in form order, joined by spaces. */
static char *
field_names (SccFormVm *form)
{
  GListModel *fields = scc_form_vm_get_fields (form);
  g_autoptr(GString) names = g_string_new ("");

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(SccFormField) field = g_list_model_get_item (fields, i);

      g_string_append_printf (names, "%s%s", i > 0 ? " " : "", scc_form_field_get_name (field));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
count_group_cb (SccFormVm  *form,
                const char *group,
                guint      *count)
{
  g_assert_cmpstr (group, ==, "items");
  (*count)++;
}

static void
test_groups (void)
{
  g_autoptr(SccApiClient) client = scc_api_client_new ("http://127.0.0.1:9");
  g_autoptr(SccFormVm) form = g_object_new (TEST_TYPE_ITEMS_VM, "api-client", client, NULL);
  g_autofree char *none = NULL;
  g_autofree char *two = NULL;
  g_auto(GStrv) removed = NULL;
  guint n_changed = 0;

  g_signal_connect (form, "group-changed::items", G_CALLBACK (count_group_cb), &n_changed);
  none = field_names (form);
  g_assert_cmpstr (none, ==, "title after");
  g_assert_cmpuint (scc_form_vm_get_group_size (form, "items"), ==, 0);
  g_assert_cmpuint (scc_form_vm_get_group_max (form, "items"), ==, 3);

  /* Two elements, their fields where the group is, named as the API's. */
  scc_form_vm_set_group_size (form, "items", 2);
  g_assert_cmpuint (n_changed, ==, 1);
  two = field_names (form);
  g_assert_cmpstr (two, ==, "title items[0].name items[0].note items[1].name items[1].note after");
  scc_form_vm_set_value (form, "items[0].name", "first");
  scc_form_vm_set_value (form, "items[1].name", "second");
  scc_form_vm_set_field_error (form, "items[1].note", "is wrong");

  /* One inserted at the start: the others move up, their errors too. */
  g_assert_true (scc_form_vm_insert_group_item (form, "items", 0, (const char *[]) { "new", "a note", NULL }));
  g_assert_cmpuint (scc_form_vm_get_group_size (form, "items"), ==, 3);
  g_assert_cmpstr (scc_form_vm_get_value (form, "items[0].name"), ==, "new");
  g_assert_cmpstr (scc_form_vm_get_value (form, "items[0].note"), ==, "a note");
  g_assert_cmpstr (scc_form_vm_get_value (form, "items[1].name"), ==, "first");
  g_assert_cmpstr (scc_form_vm_get_value (form, "items[2].name"), ==, "second");
  g_assert_cmpstr (scc_form_vm_get_field_error (form, "items[2].note"), ==, "is wrong");
  g_assert_null (scc_form_vm_get_field_error (form, "items[1].note"));

  /* Full: no fourth. */
  g_assert_false (scc_form_vm_insert_group_item (form, "items", 3, NULL));
  g_assert_cmpuint (n_changed, ==, 2);

  /* The first removed: its values handed back, the rest move down, the
   * last element's fields gone. */
  removed = scc_form_vm_remove_group_item (form, "items", 0);
  g_assert_cmpstr (removed[0], ==, "new");
  g_assert_cmpstr (removed[1], ==, "a note");
  g_assert_cmpstr (scc_form_vm_get_value (form, "items[0].name"), ==, "first");
  g_assert_cmpstr (scc_form_vm_get_value (form, "items[1].name"), ==, "second");
  g_assert_cmpstr (scc_form_vm_get_field_error (form, "items[1].note"), ==, "is wrong");
  g_assert_null (scc_form_vm_lookup_field (form, "items[2].name"));
  g_assert_cmpuint (n_changed, ==, 3);

  /* Put back where it was (an undo). */
  g_assert_true (scc_form_vm_insert_group_item (form, "items", 0, (const char * const *)removed));
  g_assert_cmpstr (scc_form_vm_get_value (form, "items[0].name"), ==, "new");
  g_clear_pointer (&removed, g_strfreev);
  removed = scc_form_vm_remove_group_item (form, "items", 0);

  /* The answer's error about the second element lands on its field, the
   * first in form order. */
  g_assert_true (scc_form_vm_submit (form));
  scc_test_wait_until (form_settled, form, 10);
  g_assert_cmpstr (scc_form_vm_get_field_error (form, "items[1].note"), ==, "must be shorter");
  g_assert_cmpstr (scc_form_field_get_name (scc_form_vm_get_first_error (form)), ==, "items[1].note");
  g_assert_null (scc_form_vm_get_error_message (form));

  /* Clear: no elements, no fields of theirs. */
  scc_form_vm_clear (form);
  g_assert_cmpuint (scc_form_vm_get_group_size (form, "items"), ==, 0);
  g_free (two);
  two = field_names (form);
  g_assert_cmpstr (two, ==, "title after");
  g_assert_false (scc_form_vm_get_has_input (form));
}

/* ---- The tests. ---- */

static ScTestDaemon *daemon_;

typedef struct
{
  SccApiClient *client;
  SccFormVm    *form;
  GtkBuilder   *builder;
  GtkWidget    *box;     /* owned */
  guint         n_succeeded;
  guint         n_failed;
} Fixture;

static void
count_cb (SccFormVm *form,
          guint     *count)
{
  (*count)++;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_ready (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ScSession) session = NULL;
  g_autoptr(GError) error = NULL;

  fixture->client = scc_api_client_new (sc_test_daemon_get_base_url (daemon_));
  scc_api_client_sign_in_async (fixture->client, "sysadmin", SC_TEST_DEMO_PASSWORD, NULL, store_result_cb, &result);
  scc_test_wait_until (result_ready, &result, 30);
  session = scc_api_client_sign_in_finish (fixture->client, result, NULL, &error);
  g_assert_no_error (error);

  fixture->form = g_object_new (TEST_TYPE_NEW_USER_VM, "api-client", fixture->client, NULL);
  g_signal_connect (fixture->form, "succeeded", G_CALLBACK (count_cb), &fixture->n_succeeded);
  g_signal_connect (fixture->form, "failed", G_CALLBACK (count_cb), &fixture->n_failed);

  g_type_ensure (SCC_TYPE_FIELD_ROW);
  fixture->builder = gtk_builder_new ();
  gtk_builder_expose_object (fixture->builder, "form", G_OBJECT (fixture->form));
  gtk_builder_add_from_string (fixture->builder, new_user_ui, -1, &error);
  g_assert_no_error (error);
  fixture->box = g_object_ref_sink (GTK_WIDGET (gtk_builder_get_object (fixture->builder, "box")));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->builder);
  g_clear_object (&fixture->box);
  g_assert_finalize_object (fixture->form);
  g_assert_finalize_object (fixture->client);
}

static SccFieldRow *
row (Fixture    *fixture,
     const char *name)
{
  return SCC_FIELD_ROW (gtk_builder_get_object (fixture->builder, name));
}

static GtkEditable *
entry (Fixture    *fixture,
       const char *name)
{
  return GTK_EDITABLE (scc_field_row_get_entry (row (fixture, name)));
}

static gboolean
form_settled (gpointer user_data)
{
  return !scc_form_vm_get_busy (SCC_FORM_VM (user_data));
}

static void
submit (Fixture *fixture)
{
  g_assert_true (scc_form_vm_submit (fixture->form));
  /* Read-only while it is sent; still typed in. */
  g_assert_false (gtk_editable_get_editable (entry (fixture, "username")));
  scc_test_wait_until (form_settled, fixture->form, 30);
  g_assert_true (gtk_editable_get_editable (entry (fixture, "username")));
}

static void
assert_row_error (Fixture    *fixture,
                  const char *name,
                  gboolean    expected)
{
  SccFieldRow *field_row = row (fixture, name);
  GtkWidget *label = GTK_WIDGET (scc_field_row_get_error_label (field_row));

  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (scc_field_row_get_entry (field_row)), "error"), ==, expected);
  g_assert_cmpint (gtk_widget_get_visible (label), ==, expected);
  if (expected)
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==,
                     scc_form_field_get_error_text (scc_field_row_get_field (field_row)));
}

static void
test_rows_bind (Fixture       *fixture,
                gconstpointer  user_data)
{
  /* Each row found its field by name; typing is the field's value. */
  g_assert_true (scc_field_row_get_field (row (fixture, "role")) ==
                 scc_form_vm_lookup_field (fixture->form, "role"));
  gtk_editable_set_text (entry (fixture, "username"), "j.smith");
  g_assert_cmpstr (scc_form_vm_get_value (fixture->form, "username"), ==, "j.smith");
  scc_form_vm_set_value (fixture->form, "full_name", "Jo Smith");
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, "full_name")), ==, "Jo Smith");
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (scc_field_row_get_entry (row (fixture, "password"))));
  g_assert_true (scc_form_vm_get_has_input (fixture->form));
}

static void
test_required (Fixture       *fixture,
               gconstpointer  user_data)
{
  gtk_editable_set_text (entry (fixture, "username"), "   ");

  /* Nothing sent: the empty required fields say so, as the API would. */
  g_assert_false (scc_form_vm_submit (fixture->form));
  g_assert_false (scc_form_vm_get_busy (fixture->form));
  g_assert_cmpuint (fixture->n_failed, ==, 1);
  g_assert_cmpstr (scc_form_vm_get_field_error (fixture->form, "username"), ==, "must not be empty");
  g_assert_cmpstr (scc_form_vm_get_field_error (fixture->form, "role"), ==, "must not be empty");
  g_assert_cmpstr (scc_form_vm_get_field_error (fixture->form, "password"), ==, "must not be empty");
  g_assert_null (scc_form_vm_get_field_error (fixture->form, "full_name"));
  g_assert_true (scc_form_vm_get_first_error (fixture->form) == scc_form_vm_lookup_field (fixture->form, "username"));
  assert_row_error (fixture, "username", TRUE);
  g_assert_cmpstr (gtk_label_get_label (scc_field_row_get_error_label (row (fixture, "username"))), ==,
                   "Must not be empty");
  assert_row_error (fixture, "full_name", FALSE);

  /* An edit takes its field's error away, and only that one. */
  gtk_editable_set_text (entry (fixture, "username"), "j.smith");
  assert_row_error (fixture, "username", FALSE);
  assert_row_error (fixture, "role", TRUE);
}

static void
test_server_field_errors (Fixture       *fixture,
                          gconstpointer  user_data)
{
  gtk_editable_set_text (entry (fixture, "username"), "Not A Username");
  gtk_editable_set_text (entry (fixture, "role"), "pilot");
  gtk_editable_set_text (entry (fixture, "password"), "a long enough passphrase");
  submit (fixture);

  /* The server's words, on the fields of those API names. */
  g_assert_cmpuint (fixture->n_failed, ==, 1);
  g_assert_true (g_str_has_prefix (scc_form_vm_get_field_error (fixture->form, "username"), "must be"));
  g_assert_cmpstr (scc_form_vm_get_field_error (fixture->form, "role"), ==,
                   "must be one of caseworker, team_manager, admin_officer, system_admin");
  g_assert_null (scc_form_vm_get_field_error (fixture->form, "password"));
  g_assert_null (scc_form_vm_get_error_message (fixture->form));
  g_assert_false (scc_form_vm_get_can_retry (fixture->form));
  assert_row_error (fixture, "username", TRUE);
  assert_row_error (fixture, "role", TRUE);
  assert_row_error (fixture, "password", FALSE);
}

static void
test_created_and_conflict (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *first_key = NULL;

  gtk_editable_set_text (entry (fixture, "username"), "j.smith");
  gtk_editable_set_text (entry (fixture, "full_name"), "Jo Smith");
  gtk_editable_set_text (entry (fixture, "role"), "caseworker");
  gtk_editable_set_text (entry (fixture, "password"), "a long enough passphrase");
  submit (fixture);

  /* Created: the form is empty again, the secret too, and says so. */
  g_assert_cmpuint (fixture->n_succeeded, ==, 1);
  g_assert_false (scc_form_vm_get_has_input (fixture->form));
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, "password")), ==, "");
  g_assert_cmpstr (scc_form_vm_get_notice (fixture->form), ==, "The user has been created.");
  g_assert_null (scc_form_vm_get_idempotency_key (fixture->form));
  g_free (sc_test_sign_in (daemon_, "j.smith", "a long enough passphrase"));

  /* The same username again: a 409, said under the form and beside the
   * username it names. */
  gtk_editable_set_text (entry (fixture, "username"), "j.smith");
  gtk_editable_set_text (entry (fixture, "role"), "caseworker");
  gtk_editable_set_text (entry (fixture, "password"), "another long passphrase");
  submit (fixture);
  g_assert_cmpuint (fixture->n_failed, ==, 1);
  g_assert_true (g_str_has_prefix (scc_form_vm_get_error_message (fixture->form), "The user has not been created: "));
  g_assert_nonnull (scc_form_vm_get_first_error (fixture->form));
  g_assert_cmpstr (scc_form_field_get_name (scc_form_vm_get_first_error (fixture->form)), ==, "username");
  first_key = g_strdup (TEST_NEW_USER_VM (fixture->form)->sent_key);
  g_assert_nonnull (first_key);

  /* Sent again as it is: the same key, so a retry cannot make two. */
  submit (fixture);
  g_assert_cmpstr (TEST_NEW_USER_VM (fixture->form)->sent_key, ==, first_key);

  /* Other input is another request: a new key. */
  gtk_editable_set_text (entry (fixture, "username"), "j.smith2");
  submit (fixture);
  g_assert_cmpstr (TEST_NEW_USER_VM (fixture->form)->sent_key, !=, first_key);
  g_assert_cmpuint (fixture->n_succeeded, ==, 2);
}

static void
test_clear (Fixture       *fixture,
            gconstpointer  user_data)
{
  gtk_editable_set_text (entry (fixture, "username"), "half.typed");
  gtk_editable_set_text (entry (fixture, "password"), "a secret typed");
  g_assert_false (scc_form_vm_submit (fixture->form));  /* role is missing */

  scc_form_vm_clear (fixture->form);
  g_assert_false (scc_form_vm_get_has_input (fixture->form));
  g_assert_null (scc_form_vm_get_first_error (fixture->form));
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, "username")), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, "password")), ==, "");
  assert_row_error (fixture, "role", FALSE);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/client/form/rows-bind", test_rows_bind);
  ADD ("/client/form/required", test_required);
  ADD ("/client/form/server-field-errors", test_server_field_errors);
  ADD ("/client/form/created-and-conflict", test_created_and_conflict);
  ADD ("/client/form/clear", test_clear);
#undef ADD
  g_test_add_func ("/client/form/groups", test_groups);

  return scc_test_run_with_daemon ("scc-form-XXXXXX", (const char *[]) { "--demo-data", NULL }, NULL,
                                   NULL, &daemon_, NULL);
}
