/* scc-plan-vm.c
 *
 * SccPlanVm: see scc-plan-vm.h. The draft read and the edits are kept
 * apart: a section's content is its edit when it has one, else what was
 * read. A save walks the changed sections in order, one request at a time,
 * and stops at the first that fails, so what was saved is saved and the
 * rest stays edited. Each request runs under the view model's cancellable,
 * which a new case, a clear or the view model's end cancels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-plan-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-error.h"

#include "scc-plan-vm.h"

struct _SccPlanVm
{
  GObject          parent_instance;

  SccApiClient    *api_client;
  GCancellable    *cancellable;
  gint64           case_id;
  SccPlanDraft    *draft;
  GPtrArray       *versions;
  char            *edits[SC_N_PLAN_SECTIONS];
  gint64           bases[SC_N_PLAN_SECTIONS];   /* the version each edit was made on: its If-Match */
  ScPlanSectionId  rebase;       /* the section in conflict, taken at the version read again */
  GError          *refusals[SC_N_PLAN_SECTIONS];
  GPtrArray       *warnings;
  ScPlanSectionId  conflict;
  ScPlanSectionId  saving;
  char            *sent;         /* the content of the section being saved, as sent */
  char            *message;
  guint            busy;
};

enum {
  PROP_0,
  PROP_BUSY,
  PROP_LOADED,
  N_PROPS
};

enum {
  LOADED,
  CHANGED,
  SAVED,
  ISSUED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SccPlanVm, scc_plan_vm, G_TYPE_OBJECT)

static void
set_busy (SccPlanVm *self,
          gboolean   busy)
{
  gboolean was = self->busy > 0;

  self->busy = busy ? self->busy + 1 : self->busy - 1;
  if (was != (self->busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
fail (SccPlanVm    *self,
      const GError *error)
{
  g_free (self->message);
  self->message = g_strdup (error->message);
  g_signal_emit (self, signals[FAILED], 0, error);
}

static void
recheck (SccPlanVm *self)
{
  const char *contents[SC_N_PLAN_SECTIONS];

  if (self->draft == NULL)
    return;
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    contents[s] = scc_plan_vm_get_content (self, s);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  self->warnings = sc_plan_check_quality (contents, self->draft->advice);
}

static void
forget (SccPlanVm *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->draft, scc_plan_draft_free);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    {
      g_clear_pointer (&self->edits[s], g_free);
      g_clear_error (&self->refusals[s]);
    }
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->sent, g_free);
  self->conflict = SC_PLAN_SECTION_NONE;
  self->saving = SC_PLAN_SECTION_NONE;
  self->rebase = SC_PLAN_SECTION_NONE;
  self->case_id = 0;
  self->busy = 0;
}

static void
scc_plan_vm_dispose (GObject *object)
{
  SccPlanVm *self = SCC_PLAN_VM (object);

  forget (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->api_client);
  G_OBJECT_CLASS (scc_plan_vm_parent_class)->dispose (object);
}

static void
scc_plan_vm_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SccPlanVm *self = SCC_PLAN_VM (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, scc_plan_vm_get_busy (self));
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, scc_plan_vm_get_loaded (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_plan_vm_class_init (SccPlanVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scc_plan_vm_dispose;
  object_class->get_property = scc_plan_vm_get_property;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                  G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* the draft and versions are in (again) */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
  /* an edit, a save or a reload changed what the sections hold or warn of */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);
  signals[ISSUED] = g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, SC_TYPE_CASE_EVENT);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
scc_plan_vm_init (SccPlanVm *self)
{
  self->cancellable = g_cancellable_new ();
  self->conflict = SC_PLAN_SECTION_NONE;
  self->saving = SC_PLAN_SECTION_NONE;
  self->rebase = SC_PLAN_SECTION_NONE;
}

SccPlanVm *
scc_plan_vm_new (SccApiClient *api_client)
{
  SccPlanVm *self;

  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);
  self = g_object_new (SCC_TYPE_PLAN_VM, NULL);
  self->api_client = g_object_ref (api_client);
  return self;
}

/* --- reading ------------------------------------------------------------------ */

static void
versions_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SccPlanVm) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *versions = scc_api_client_list_plan_versions_finish (SCC_API_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (versions == NULL)
    {
      fail (self, error);
      return;
    }
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  self->versions = versions;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  g_signal_emit (self, signals[LOADED], 0);
}

static gboolean
stored_as_edited (SccPlanVm       *self,
                  ScPlanSectionId  section)
{
  return g_strcmp0 (self->edits[section],
                    sc_plan_section_get_content (g_ptr_array_index (self->draft->sections, section))) == 0;
}

static void
draft_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SccPlanVm) self = user_data;
  g_autoptr(GError) error = NULL;
  SccPlanDraft *draft = scc_api_client_get_plan_finish (SCC_API_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (draft == NULL)
    {
      set_busy (self, FALSE);
      fail (self, error);
      return;
    }
  g_clear_pointer (&self->draft, scc_plan_draft_free);
  self->draft = draft;
  /* edits outlive a reading again (after a conflict, on a second visit):
   * only one equal to what is now stored is no longer an edit */
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    if (self->edits[s] != NULL && stored_as_edited (self, s))
      g_clear_pointer (&self->edits[s], g_free);
  /* only the section the user chose to write over takes the version read
   * now; any other edit keeps the version it was made on, so a change
   * someone saved under it meanwhile is a conflict, never overwritten */
  if (self->rebase != SC_PLAN_SECTION_NONE)
    self->bases[self->rebase] = sc_plan_section_get_version (g_ptr_array_index (draft->sections, self->rebase));
  self->rebase = SC_PLAN_SECTION_NONE;
  self->conflict = SC_PLAN_SECTION_NONE;
  recheck (self);
  scc_api_client_list_plan_versions_async (self->api_client, self->case_id, self->cancellable, versions_cb,
                                           g_object_ref (self));
}

static void
read_draft (SccPlanVm *self)
{
  set_busy (self, TRUE);
  scc_api_client_get_plan_async (self->api_client, self->case_id, self->cancellable, draft_cb, g_object_ref (self));
}

void
scc_plan_vm_load (SccPlanVm *self,
                  gint64     case_id)
{
  g_return_if_fail (SCC_IS_PLAN_VM (self));
  g_return_if_fail (case_id > 0);

  if (self->case_id != case_id)
    forget (self);
  self->case_id = case_id;
  read_draft (self);
}

void
scc_plan_vm_reload_keeping (SccPlanVm *self)
{
  g_return_if_fail (SCC_IS_PLAN_VM (self));
  g_return_if_fail (self->case_id > 0);

  self->rebase = self->conflict;
  read_draft (self);
}

void
scc_plan_vm_clear (SccPlanVm *self)
{
  g_return_if_fail (SCC_IS_PLAN_VM (self));
  forget (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

gint64
scc_plan_vm_get_case_id (SccPlanVm *self)
{
  g_return_val_if_fail (SCC_IS_PLAN_VM (self), 0);
  return self->case_id;
}

gboolean
scc_plan_vm_get_loaded (SccPlanVm *self)
{
  g_return_val_if_fail (SCC_IS_PLAN_VM (self), FALSE);
  return self->draft != NULL && self->versions != NULL;
}

gboolean
scc_plan_vm_get_busy (SccPlanVm *self)
{
  g_return_val_if_fail (SCC_IS_PLAN_VM (self), FALSE);
  return self->busy > 0;
}

const char *
scc_plan_vm_get_message (SccPlanVm *self)
{
  g_return_val_if_fail (SCC_IS_PLAN_VM (self), NULL);
  return self->message;
}

/* --- editing ------------------------------------------------------------------- */

const char *
scc_plan_vm_get_content (SccPlanVm       *self,
                         ScPlanSectionId  section)
{
  g_return_val_if_fail (SCC_IS_PLAN_VM (self), NULL);
  g_return_val_if_fail (section >= 0 && section < SC_N_PLAN_SECTIONS, NULL);

  if (self->edits[section] != NULL)
    return self->edits[section];
  if (self->draft == NULL)
    return SC_PLAN_EMPTY_CONTENT;
  return sc_plan_section_get_content (g_ptr_array_index (self->draft->sections, section));
}

void
scc_plan_vm_set_content (SccPlanVm       *self,
                         ScPlanSectionId  section,
                         const char      *content)
{
  g_return_if_fail (SCC_IS_PLAN_VM (self));
  g_return_if_fail (section >= 0 && section < SC_N_PLAN_SECTIONS);
  g_return_if_fail (content != NULL);

  if (g_strcmp0 (content, scc_plan_vm_get_content (self, section)) == 0)
    return;
  if (self->edits[section] == NULL)
    self->bases[section] = self->draft != NULL
      ? sc_plan_section_get_version (g_ptr_array_index (self->draft->sections, section)) : 0;
  g_free (self->edits[section]);
  self->edits[section] = g_strdup (content);
  g_clear_error (&self->refusals[section]);
  recheck (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
scc_plan_vm_get_dirty (SccPlanVm       *self,
                       ScPlanSectionId  section)
{
  g_return_val_if_fail (SCC_IS_PLAN_VM (self), FALSE);
  g_return_val_if_fail (section >= 0 && section < SC_N_PLAN_SECTIONS, FALSE);
  return self->edits[section] != NULL;
}

gboolean
scc_plan_vm_get_any_dirty (SccPlanVm *self)
{
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    if (scc_plan_vm_get_dirty (self, s))
      return TRUE;
  return FALSE;
}

ScPlanSectionId
scc_plan_vm_get_conflict (SccPlanVm *self)
{
  g_return_val_if_fail (SCC_IS_PLAN_VM (self), SC_PLAN_SECTION_NONE);
  return self->conflict;
}

const GError *
scc_plan_vm_get_refusal (SccPlanVm       *self,
                         ScPlanSectionId  section)
{
  g_return_val_if_fail (SCC_IS_PLAN_VM (self), NULL);
  g_return_val_if_fail (section >= 0 && section < SC_N_PLAN_SECTIONS, NULL);
  return self->refusals[section];
}

GPtrArray *
scc_plan_vm_get_warnings (SccPlanVm *self)
{
  g_return_val_if_fail (SCC_IS_PLAN_VM (self), NULL);
  return self->warnings;
}

guint
scc_plan_vm_count_warnings (SccPlanVm       *self,
                            ScPlanSectionId  section)
{
  guint n = 0;

  for (guint i = 0; self->warnings != NULL && i < self->warnings->len; i++)
    {
      ScPlanWarning *warning = g_ptr_array_index (self->warnings, i);

      if (sc_plan_section_id_from_string (warning->section) == section)
        n++;
    }
  return n;
}

/* --- saving -------------------------------------------------------------------- */

static void save_next (SccPlanVm *self);

static void
put_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(SccPlanVm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPlanSection) section = scc_api_client_put_plan_section_finish (SCC_API_CLIENT (object), result,
                                                                             &error);
  ScPlanSectionId id = self->saving;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  self->saving = SC_PLAN_SECTION_NONE;
  if (section == NULL)
    {
      if (g_error_matches (error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED))
        self->conflict = id;
      else if (g_error_matches (error, SC_ERROR, SC_ERROR_INVALID_INPUT))
        {
          g_clear_error (&self->refusals[id]);
          self->refusals[id] = g_error_copy (error);
        }
      g_signal_emit (self, signals[CHANGED], 0);
      fail (self, error);
      return;
    }
  /* what was saved is the section as read now; an edit made while it
   * was on its way stays one */
  if (g_strcmp0 (self->edits[id], self->sent) == 0)
    g_clear_pointer (&self->edits[id], g_free);
  else
    self->bases[id] = sc_plan_section_get_version (section);
  g_set_object ((ScPlanSection **) &g_ptr_array_index (self->draft->sections, id), section);
  recheck (self);
  g_signal_emit (self, signals[CHANGED], 0);
  save_next (self);
}

static void
save_next (SccPlanVm *self)
{
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    if (self->edits[s] != NULL)
      {
        self->saving = s;
        g_free (self->sent);
        self->sent = g_strdup (self->edits[s]);
        set_busy (self, TRUE);
        scc_api_client_put_plan_section_async (self->api_client, self->case_id, s, self->edits[s],
                                               self->bases[s], self->cancellable, put_cb,
                                               g_object_ref (self));
        return;
      }
  g_signal_emit (self, signals[SAVED], 0);
}

void
scc_plan_vm_save (SccPlanVm *self)
{
  g_return_if_fail (SCC_IS_PLAN_VM (self));
  g_return_if_fail (self->draft != NULL);

  if (self->saving != SC_PLAN_SECTION_NONE)
    return;
  self->conflict = SC_PLAN_SECTION_NONE;
  save_next (self);
}

/* --- versions ------------------------------------------------------------------- */

GPtrArray *
scc_plan_vm_get_versions (SccPlanVm *self)
{
  g_return_val_if_fail (SCC_IS_PLAN_VM (self), NULL);
  return self->versions;
}

static void
issue_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SccPlanVm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCaseEvent) event = scc_api_client_issue_plan_finish (SCC_API_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (event == NULL)
    {
      fail (self, error);
      return;
    }
  g_signal_emit (self, signals[ISSUED], 0, event);
  read_draft (self);
}

void
scc_plan_vm_issue (SccPlanVm         *self,
                   ScPlanVersionKind  kind,
                   const char        *date)
{
  g_autofree char *key = g_uuid_string_random ();

  g_return_if_fail (SCC_IS_PLAN_VM (self));
  g_return_if_fail (self->case_id > 0);

  set_busy (self, TRUE);
  scc_api_client_issue_plan_async (self->api_client, self->case_id, kind, date, key, self->cancellable, issue_cb,
                                   g_object_ref (self));
}

static void
diff_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *lines = scc_api_client_diff_plan_versions_finish (SCC_API_CLIENT (object), result, &error);

  if (lines == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, lines, (GDestroyNotify) g_ptr_array_unref);
}

void
scc_plan_vm_diff_async (SccPlanVm           *self,
                        gint64               from,
                        gint64               to,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  scc_api_client_diff_plan_versions_async (self->api_client, self->case_id, from, to, cancellable, diff_cb, task);
}

GPtrArray *
scc_plan_vm_diff_finish (SccPlanVm     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
pdf_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = scc_api_client_get_plan_pdf_finish (SCC_API_CLIENT (object), result, &error);
  SccPlanVm *self = g_task_get_source_object (task);
  gint64 number = GPOINTER_TO_SIZE (g_task_get_task_data (task));
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "sendcase", NULL);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (pdf == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  name = g_strdup_printf ("plan-%" G_GINT64_FORMAT "-v%" G_GINT64_FORMAT ".pdf", self->case_id, number);
  path = g_build_filename (dir, name, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the folder %s"), dir);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_file_new_for_path (path), g_object_unref);
}

void
scc_plan_vm_save_pdf_async (SccPlanVm           *self,
                            gint64               number,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_task_data (task, GSIZE_TO_POINTER ((gsize) number), NULL);
  scc_api_client_get_plan_pdf_async (self->api_client, self->case_id, number, cancellable, pdf_cb, task);
}

GFile *
scc_plan_vm_save_pdf_finish (SccPlanVm     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
