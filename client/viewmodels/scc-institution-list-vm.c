/* scc-institution-list-vm.c
 *
 * SccInstitutionListVm and SccInstitutionRow: see
 * scc-institution-list-vm.h. One page is one call of
 * scc_api_client_search_institutions_async with the list's query and
 * filter as they are when the page is asked for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-institution-list-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-api-client-cases.h"
#include "scc-institution-list-vm.h"

/* --- a row ------------------------------------------------------------------ */

enum {
  ROW_PROP_0,
  ROW_PROP_NAME,
  ROW_PROP_URN,
  ROW_PROP_KIND,
  ROW_PROP_PHASE,
  ROW_PROP_STATUS,
  ROW_PROP_AUTHORITY,
  ROW_PROP_POSTCODE,
  ROW_N_PROPS
};

struct _SccInstitutionRow
{
  GObject  parent_instance;

  gint64   urn;
  gboolean open;
  char    *texts[ROW_N_PROPS];   /* by property */
};

G_DEFINE_FINAL_TYPE (SccInstitutionRow, scc_institution_row, G_TYPE_OBJECT)

static void
scc_institution_row_finalize (GObject *object)
{
  SccInstitutionRow *self = SCC_INSTITUTION_ROW (object);

  for (guint i = 0; i < ROW_N_PROPS; i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (scc_institution_row_parent_class)->finalize (object);
}

static void
scc_institution_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SccInstitutionRow *self = SCC_INSTITUTION_ROW (object);

  if (prop_id > ROW_PROP_0 && prop_id < ROW_N_PROPS)
    g_value_set_string (value, self->texts[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
scc_institution_row_class_init (SccInstitutionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[ROW_N_PROPS] = {
    NULL, "name", "urn", "kind", "phase", "status", "authority", "postcode",
  };

  object_class->finalize = scc_institution_row_finalize;
  object_class->get_property = scc_institution_row_get_property;
  for (guint i = 1; i < ROW_N_PROPS; i++)
    g_object_class_install_property (object_class, i,
                                     g_param_spec_string (names[i], NULL, NULL, NULL,
                                                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
scc_institution_row_init (SccInstitutionRow *self)
{
}

SccInstitutionRow *
scc_institution_row_new (const ScInstitution *institution)
{
  SccInstitutionRow *self = g_object_new (SCC_TYPE_INSTITUTION_ROW, NULL);

  self->urn = institution->urn;
  self->open = sc_institution_is_open (institution);
  self->texts[ROW_PROP_NAME] = g_strdup (institution->name);
  self->texts[ROW_PROP_URN] = g_strdup_printf ("%" G_GINT64_FORMAT, institution->urn);
  self->texts[ROW_PROP_KIND] = g_strdup (institution->type);
  self->texts[ROW_PROP_PHASE] = g_strdup (institution->phase);
  self->texts[ROW_PROP_STATUS] = g_strdup (institution->status);
  self->texts[ROW_PROP_AUTHORITY] = g_strdup (institution->la_name);
  self->texts[ROW_PROP_POSTCODE] = g_strdup (institution->postcode);
  return self;
}

gint64
scc_institution_row_get_urn (SccInstitutionRow *self)
{
  g_return_val_if_fail (SCC_IS_INSTITUTION_ROW (self), 0);
  return self->urn;
}

const char *
scc_institution_row_get_name (SccInstitutionRow *self)
{
  g_return_val_if_fail (SCC_IS_INSTITUTION_ROW (self), NULL);
  return self->texts[ROW_PROP_NAME];
}

gboolean
scc_institution_row_get_open (SccInstitutionRow *self)
{
  g_return_val_if_fail (SCC_IS_INSTITUTION_ROW (self), FALSE);
  return self->open;
}

/* --- the list ----------------------------------------------------------------- */

struct _SccInstitutionListVm
{
  SccListVm parent_instance;

  gboolean  open_only;
};

G_DEFINE_FINAL_TYPE (SccInstitutionListVm, scc_institution_list_vm, SCC_TYPE_LIST_VM)

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *next_cursor = NULL;
  g_autoptr(GPtrArray) institutions = NULL;
  GPtrArray *rows;

  institutions = scc_api_client_search_institutions_finish (SCC_API_CLIENT (object), result, &next_cursor, &error);
  if (institutions == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  rows = g_ptr_array_new_full (institutions->len, g_object_unref);
  for (guint i = 0; i < institutions->len; i++)
    g_ptr_array_add (rows, scc_institution_row_new (g_ptr_array_index (institutions, i)));
  scc_list_vm_return_rows (task, rows, next_cursor);
}

static void
scc_institution_list_vm_fetch_async (SccListVm           *list,
                                     const char          *cursor,
                                     guint                limit,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  SccInstitutionListVm *self = SCC_INSTITUTION_LIST_VM (list);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  scc_api_client_search_institutions_async (scc_list_vm_get_api_client (list), scc_list_vm_get_query (list),
                                            self->open_only, cursor, limit, cancellable, fetched_cb, task);
}

static void
scc_institution_list_vm_class_init (SccInstitutionListVmClass *klass)
{
  SCC_LIST_VM_CLASS (klass)->fetch_async = scc_institution_list_vm_fetch_async;
}

static void
scc_institution_list_vm_init (SccInstitutionListVm *self)
{
  self->open_only = TRUE;
}

SccInstitutionListVm *
scc_institution_list_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_INSTITUTION_LIST_VM,
                       "api-client", api_client,
                       "item-type", SCC_TYPE_INSTITUTION_ROW,
                       NULL);
}

gboolean
scc_institution_list_vm_get_open_only (SccInstitutionListVm *self)
{
  g_return_val_if_fail (SCC_IS_INSTITUTION_LIST_VM (self), TRUE);
  return self->open_only;
}

void
scc_institution_list_vm_set_open_only (SccInstitutionListVm *self,
                                       gboolean              open_only)
{
  g_return_if_fail (SCC_IS_INSTITUTION_LIST_VM (self));

  if (self->open_only == open_only)
    return;
  self->open_only = open_only;
  scc_list_vm_filter_changed (SCC_LIST_VM (self));
}
