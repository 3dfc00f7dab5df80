/* scc-transfer-import-vm.c
 *
 * SccTransferImportVm: see scc-transfer-import-vm.h. The file is read
 * whole when the form is checked (a transfer file is one child's record,
 * kilobytes, not megabytes) and kept parsed for the request. The match
 * choice is a pair of kept fields (person_id, confirm_different_person),
 * so choosing is new input to the base and gets its own Idempotency-Key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-transfer-import-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-consultation.h"
#include "sc-error.h"
#include "sc-json.h"
#include "sc-problem.h"

#include "scc-api-client-transfers.h"
#include "scc-caseload-vm.h"
#include "scc-person-forms.h"
#include "scc-record-form-vm.h"
#include "scc-transfer-import-vm.h"

/* No transfer file is near this: a child's record with its plan */
#define MAX_FILE_BYTES (8 * 1024 * 1024)

struct _SccTransferImportVm
{
  SccFormVm     parent_instance;

  /* Owned */
  JsonNode     *file;         /* the file read, nullable */
  char         *summary;
  char         *from;
  ScTransferIn *imported;
  gint64        owner_id;
  gint64        match;
  gboolean      match_is_identifier;
  ScDay         today;

  /* Borrowed: owned by the form */
  SccFormField *path;
  SccFormField *transferred_on;
  SccFormField *person_id;    /* kept: the record chosen after a match */
  SccFormField *different;    /* kept: "true" once called someone else */
};

enum {
  PROP_0,
  PROP_SUMMARY,
  PROP_MATCH,
  PROP_IMPORTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccTransferImportVm, scc_transfer_import_vm, SCC_TYPE_FORM_VM)

static ScDay
today_of (SccTransferImportVm *self)
{
  return self->today != SC_DAY_NONE ? self->today : scc_case_today ();
}

/* Every problem of @error whose field is in the file, one per line (a
 * bullet first, so no line reads as a sentence begun with a path),
 * without the "file." the server puts before them; NULL if none */
static char *
file_problems (const GError *error)
{
  const ScProblem *problem = sc_error_get_problem (error);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; problem != NULL && i < sc_problem_get_n_field_errors (problem); i++)
    {
      const ScFieldError *e = sc_problem_get_field_error (problem, i);
      const char *field = e->field;

      if (g_str_equal (field, "file"))
        field = NULL;
      else if (g_str_has_prefix (field, "file."))
        field += strlen ("file.");
      else
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (field != NULL)
        g_string_append_printf (out, "• %s: %s", field, e->message);
      else
        g_string_append_printf (out, "• %s", e->message);
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static void
set_summary (SccTransferImportVm  *self,
             const ScTransferFile *file)
{
  g_autofree char *born = NULL;
  g_autofree char *band = NULL;
  const char *given = NULL, *family = NULL, *dob = NULL;

  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->from, g_free);
  if (file != NULL)
    {
      sc_json_read_string (file->person, "given_name", FALSE, &given, NULL);
      sc_json_read_string (file->person, "family_name", FALSE, &family, NULL);
      sc_json_read_string (file->person, "date_of_birth", FALSE, &dob, NULL);
      born = scc_person_format_date (dob);
      self->from = g_strdup_printf ("%s (%s)", file->authority_name, file->authority_code);
      if (file->band != NULL)
        {
          g_autofree char *amount = sc_amount_format (file->band->annual_amount);

          band = g_strdup_printf (_("their band %s, %s, %s a year"), file->band->code, file->band->description,
                                  amount);
        }
      self->summary = band != NULL
                      ? g_strdup_printf (_("%s %s, born %s, from %s; %s"), given, family, born, self->from, band)
                      : g_strdup_printf (_("%s %s, born %s, from %s; no funding band named"), given, family, born,
                                         self->from);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
set_match (SccTransferImportVm *self,
           gint64               match,
           gboolean             identifier)
{
  self->match = match;
  self->match_is_identifier = identifier;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCH]);
}

gboolean
scc_transfer_import_vm_read_file (SccTransferImportVm *self)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ScTransferFile) file = NULL;
  g_autofree char *problems = NULL;
  gsize length = 0;

  g_return_val_if_fail (SCC_IS_TRANSFER_IMPORT_VM (self), FALSE);

  g_clear_pointer (&self->file, json_node_unref);
  set_summary (self, NULL);
  path = g_strstrip (g_strdup (scc_form_field_get_value (self->path)));
  if (path[0] == '\0')
    {
      scc_form_field_set_error (self->path, _("is needed: choose the file the sending authority exported"));
      return FALSE;
    }
  if (!g_file_get_contents (path, &text, &length, &error))
    {
      scc_form_field_set_error (self->path, error->message);
      return FALSE;
    }
  if (length > MAX_FILE_BYTES)
    {
      scc_form_field_set_error (self->path, _("is too large to be a transfer file"));
      return FALSE;
    }
  if (!sc_json_check_object_text (text, length, 64, &error) || !json_parser_load_from_data (parser, text, length,
                                                                                             &error))
    {
      g_autofree char *message = g_strdup_printf (_("is not a transfer file: %s"), error->message);

      scc_form_field_set_error (self->path, message);
      return FALSE;
    }
  /* the daemon's own reader: what it would refuse, in its words */
  file = sc_transfer_file_read (json_parser_get_root (parser), "file", &error);
  if (file == NULL)
    {
      problems = file_problems (error);
      scc_form_field_set_error (self->path, problems != NULL ? problems : error->message);
      return FALSE;
    }
  self->file = json_node_ref (json_parser_get_root (parser));
  set_summary (self, file);
  return TRUE;
}

static gboolean
scc_transfer_import_vm_validate (SccFormVm *form)
{
  SccTransferImportVm *self = SCC_TRANSFER_IMPORT_VM (form);
  gboolean ok = scc_transfer_import_vm_read_file (self);
  ScDay day = SC_DAY_NONE;

  if (scc_record_form_vm_read_day (self->transferred_on, &day))
    {
      if (day == SC_DAY_NONE)
        {
          scc_form_field_set_error (self->transferred_on, _("is needed: the day the plan became ours"));
          ok = FALSE;
        }
      else if (day > today_of (self))
        {
          scc_form_field_set_error (self->transferred_on,
                                    _("must not be after today: record the transfer when it happens"));
          ok = FALSE;
        }
    }
  else
    ok = FALSE;
  return ok;
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  ScTransferIn *in = scc_api_client_import_transfer_finish (SCC_API_CLIENT (object), result, &error);

  if (in == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, in, (GDestroyNotify) sc_transfer_in_free);
}

static void
scc_transfer_import_vm_submit_async (SccFormVm           *form,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  SccTransferImportVm *self = SCC_TRANSFER_IMPORT_VM (form);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  SccTransferImport import = { .file = self->file, .owner_id = self->owner_id };

  scc_record_form_vm_read_day (self->transferred_on, &import.transferred_on);
  import.person_id = g_ascii_strtoll (scc_form_field_get_value (self->person_id), NULL, 10);
  import.confirm_different_person = g_str_equal (scc_form_field_get_value (self->different), "true");
  scc_api_client_import_transfer_async (scc_form_vm_get_api_client (form), &import,
                                        scc_form_vm_get_idempotency_key (form), cancellable, imported_cb, task);
}

static gboolean
scc_transfer_import_vm_submit_finish (SccFormVm     *form,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  SccTransferImportVm *self = SCC_TRANSFER_IMPORT_VM (form);
  ScTransferIn *in = g_task_propagate_pointer (G_TASK (result), error);

  if (in == NULL)
    return FALSE;
  g_clear_pointer (&self->imported, sc_transfer_in_free);
  self->imported = in;
  set_match (self, 0, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTED]);
  return TRUE;
}

/* The person a 409's "file.person.…" errors name ("matches person 12"),
 * and whether an identifier matched */
static gint64
matched_person (const GError *error,
                gboolean     *identifier)
{
  const ScProblem *problem = sc_error_get_problem (error);
  gint64 id = 0;

  *identifier = FALSE;
  for (guint i = 0; problem != NULL && i < sc_problem_get_n_field_errors (problem); i++)
    {
      const ScFieldError *e = sc_problem_get_field_error (problem, i);
      const char *field = e->field + strlen ("file.person.");

      if (!g_str_has_prefix (e->field, "file.person.") || !g_str_has_prefix (e->message, "matches person "))
        continue;
      id = g_ascii_strtoll (e->message + strlen ("matches person "), NULL, 10);
      if (g_str_equal (field, "upn") || g_str_equal (field, "uln") || g_str_equal (field, "nhs_number"))
        *identifier = TRUE;
    }
  return id;
}

static void
scc_transfer_import_vm_show_error (SccFormVm    *form,
                                   const GError *error)
{
  SccTransferImportVm *self = SCC_TRANSFER_IMPORT_VM (form);
  g_autofree char *problems = file_problems (error);
  gboolean identifier = FALSE;
  gint64 match;

  if (g_error_matches (error, SC_ERROR, SC_ERROR_CONFLICT) &&
      (match = matched_person (error, &identifier)) > 0)
    {
      g_autofree char *message = NULL;

      set_match (self, match, identifier);
      message = identifier
                ? g_strdup_printf (_("This child is already on record (person %" G_GINT64_FORMAT ", the same "
                                     "identifier): import the plan onto that record."), match)
                : g_strdup_printf (_("Someone with the same names and date of birth is on record (person %"
                                     G_GINT64_FORMAT "): import the plan onto that record if it is this child, "
                                     "or record a different child."), match);
      scc_form_vm_set_error_message (form, message);
      return;
    }
  if (g_error_matches (error, SC_ERROR, SC_ERROR_INVALID_INPUT) && problems != NULL)
    {
      const ScProblem *problem = sc_error_get_problem (error);
      g_autofree char *message = NULL;

      /* the file's problems together beside it; the others beside theirs */
      scc_form_field_set_error (self->path, problems);
      for (guint i = 0; i < sc_problem_get_n_field_errors (problem); i++)
        {
          const ScFieldError *e = sc_problem_get_field_error (problem, i);
          SccFormField *field = g_str_has_prefix (e->field, "file") ? NULL : scc_form_vm_lookup_field (form, e->field);

          if (field != NULL)
            scc_form_field_set_error (field, e->message);
        }
      message = g_strdup_printf (_("%s: the file has problems, listed beside it. Nothing was imported."),
                                 scc_form_vm_get_failure_text (form));
      scc_form_vm_set_error_message (form, message);
      return;
    }
  SCC_FORM_VM_CLASS (scc_transfer_import_vm_parent_class)->show_error (form, error);
}

static void
scc_transfer_import_vm_finalize (GObject *object)
{
  SccTransferImportVm *self = SCC_TRANSFER_IMPORT_VM (object);

  g_clear_pointer (&self->file, json_node_unref);
  g_clear_pointer (&self->imported, sc_transfer_in_free);
  g_free (self->summary);
  g_free (self->from);

  G_OBJECT_CLASS (scc_transfer_import_vm_parent_class)->finalize (object);
}

static void
scc_transfer_import_vm_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SccTransferImportVm *self = SCC_TRANSFER_IMPORT_VM (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_MATCH:
      g_value_set_int64 (value, self->match);
      break;
    case PROP_IMPORTED:
      g_value_set_boolean (value, self->imported != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_transfer_import_vm_class_init (SccTransferImportVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);

  object_class->finalize = scc_transfer_import_vm_finalize;
  object_class->get_property = scc_transfer_import_vm_get_property;
  form_class->validate = scc_transfer_import_vm_validate;
  form_class->submit_async = scc_transfer_import_vm_submit_async;
  form_class->submit_finish = scc_transfer_import_vm_submit_finish;
  form_class->show_error = scc_transfer_import_vm_show_error;
  scc_form_vm_class_set_failure_text (form_class, _("The transfer has not been imported"));

  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MATCH] = g_param_spec_int64 ("match", NULL, NULL, 0, G_MAXINT64, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* whether the last submission imported one */
  properties[PROP_IMPORTED] = g_param_spec_boolean ("imported", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_transfer_import_vm_init (SccTransferImportVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);
  g_autofree char *today = NULL;

  self->today = SC_DAY_NONE;
  /* named as the API names them, so its field errors land here */
  self->path = scc_form_vm_add_field (form, "file", SCC_FORM_FIELD_REQUIRED);
  self->transferred_on = scc_form_vm_add_field (form, "transferred_on", SCC_FORM_FIELD_REQUIRED);
  self->person_id = scc_form_vm_add_field (form, "person_id", SCC_FORM_FIELD_KEPT);
  self->different = scc_form_vm_add_field (form, "confirm_different_person", SCC_FORM_FIELD_KEPT);
  today = scc_record_form_vm_day_text (today_of (self));
  scc_form_field_set_value (self->transferred_on, today);
}

SccTransferImportVm *
scc_transfer_import_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_TRANSFER_IMPORT_VM, "api-client", api_client, NULL);
}

void
scc_transfer_import_vm_set_owner_id (SccTransferImportVm *self,
                                     gint64               owner_id)
{
  g_return_if_fail (SCC_IS_TRANSFER_IMPORT_VM (self));
  self->owner_id = owner_id;
}

const char *
scc_transfer_import_vm_get_summary (SccTransferImportVm *self)
{
  g_return_val_if_fail (SCC_IS_TRANSFER_IMPORT_VM (self), NULL);
  return self->summary;
}

const char *
scc_transfer_import_vm_get_from (SccTransferImportVm *self)
{
  g_return_val_if_fail (SCC_IS_TRANSFER_IMPORT_VM (self), NULL);
  return self->from;
}

gint64
scc_transfer_import_vm_get_match (SccTransferImportVm *self)
{
  g_return_val_if_fail (SCC_IS_TRANSFER_IMPORT_VM (self), 0);
  return self->match;
}

gboolean
scc_transfer_import_vm_get_match_is_identifier (SccTransferImportVm *self)
{
  g_return_val_if_fail (SCC_IS_TRANSFER_IMPORT_VM (self), FALSE);
  return self->match_is_identifier;
}

gboolean
scc_transfer_import_vm_resolve_match (SccTransferImportVm    *self,
                                      SccTransferMatchChoice  choice)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (SCC_IS_TRANSFER_IMPORT_VM (self), FALSE);

  if (self->match == 0 || (choice == SCC_TRANSFER_MATCH_DIFFERENT && self->match_is_identifier))
    return FALSE;
  id = g_strdup_printf ("%" G_GINT64_FORMAT, self->match);
  scc_form_field_set_value (self->person_id, choice == SCC_TRANSFER_MATCH_SAME ? id : "");
  scc_form_field_set_value (self->different, choice == SCC_TRANSFER_MATCH_DIFFERENT ? "true" : "");
  return scc_form_vm_submit (SCC_FORM_VM (self));
}

const ScTransferIn *
scc_transfer_import_vm_get_imported (SccTransferImportVm *self)
{
  g_return_val_if_fail (SCC_IS_TRANSFER_IMPORT_VM (self), NULL);
  return self->imported;
}

void
scc_transfer_import_vm_set_today (SccTransferImportVm *self,
                                  ScDay                today)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SCC_IS_TRANSFER_IMPORT_VM (self));
  self->today = today;
  text = scc_record_form_vm_day_text (today_of (self));
  scc_form_field_set_value (self->transferred_on, text);
}
