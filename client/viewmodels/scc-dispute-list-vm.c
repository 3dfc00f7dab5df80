/* scc-dispute-list-vm.c
 *
 * SccDisputeRow and SccDisputeListVm: see scc-dispute-list-vm.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-dispute-list-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-person.h"
#include "scc-api-client-disputes.h"
#include "scc-caseload-vm.h"
#include "scc-dispute-list-vm.h"

/* --- a row ---------------------------------------------------------------- */

enum {
  ROW_PROP_0,
  ROW_PROP_WHAT,
  ROW_PROP_CHILD,
  ROW_PROP_REFERENCE,
  ROW_PROP_DUE,
  ROW_PROP_STATUS,
  ROW_N_PROPS
};

static const char * const row_names[ROW_N_PROPS] = { NULL, "what", "child", "reference", "due", "status" };

static GParamSpec *row_properties[ROW_N_PROPS];

struct _SccDisputeRow
{
  GObject  parent_instance;

  char    *kind;
  gint64   id;
  gint64   case_id;
  char    *cells[ROW_N_PROPS];   /* by property */
};

G_DEFINE_FINAL_TYPE (SccDisputeRow, scc_dispute_row, G_TYPE_OBJECT)

static void
scc_dispute_row_finalize (GObject *object)
{
  SccDisputeRow *self = SCC_DISPUTE_ROW (object);

  g_free (self->kind);
  for (guint i = 0; i < ROW_N_PROPS; i++)
    g_free (self->cells[i]);
  G_OBJECT_CLASS (scc_dispute_row_parent_class)->finalize (object);
}

static void
scc_dispute_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SccDisputeRow *self = SCC_DISPUTE_ROW (object);

  if (prop_id > ROW_PROP_0 && prop_id < ROW_N_PROPS)
    g_value_set_string (value, self->cells[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
scc_dispute_row_class_init (SccDisputeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scc_dispute_row_finalize;
  object_class->get_property = scc_dispute_row_get_property;

  for (guint i = 1; i < ROW_N_PROPS; i++)
    row_properties[i] = g_param_spec_string (row_names[i], NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
scc_dispute_row_init (SccDisputeRow *self)
{
}

SccDisputeRow *
scc_dispute_row_new (const ScDispute *dispute)
{
  SccDisputeRow *self;

  g_return_val_if_fail (dispute != NULL, NULL);

  self = g_object_new (SCC_TYPE_DISPUTE_ROW, NULL);
  self->kind = g_strdup (dispute->kind);
  self->id = dispute->id;
  self->case_id = dispute->case_id;
  self->cells[ROW_PROP_STATUS] = g_strdup (g_strcmp0 (dispute->status, "closed") == 0 ? _("Closed") : _("Open"));
  if (g_strcmp0 (dispute->kind, "complaint") == 0)
    self->cells[ROW_PROP_WHAT] = g_strdup (_("Complaint"));
  else if (g_strcmp0 (dispute->kind, "mediation") == 0)
    self->cells[ROW_PROP_WHAT] = g_strdup (_("Mediation"));
  else
    self->cells[ROW_PROP_WHAT] = g_strdup (_("Tribunal appeal"));
  self->cells[ROW_PROP_CHILD] = dispute->case_id > 0 ? sc_person_join_names (dispute->given_name, dispute->family_name)
                                                    : g_strdup (_("The service"));
  self->cells[ROW_PROP_REFERENCE] = g_strdup (dispute->reference != NULL ? dispute->reference : "");
  self->cells[ROW_PROP_DUE] = dispute->next_due != SC_DAY_NONE ? scc_case_format_day (dispute->next_due)
                                                               : g_strdup (_("No deadline yet"));
  return self;
}

const char *
scc_dispute_row_get_kind (SccDisputeRow *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_ROW (self), NULL);
  return self->kind;
}

gint64
scc_dispute_row_get_id (SccDisputeRow *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_ROW (self), 0);
  return self->id;
}

gint64
scc_dispute_row_get_case_id (SccDisputeRow *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_ROW (self), 0);
  return self->case_id;
}

const char *
scc_dispute_row_get_child (SccDisputeRow *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_ROW (self), NULL);
  return self->cells[ROW_PROP_CHILD];
}

/* --- the list ------------------------------------------------------------- */

struct _SccDisputeListVm
{
  SccListVm     parent_instance;

  gint64        case_id;      /* 0: the team's open ones */
  GCancellable *counting;
  GPtrArray    *counts;       /* of ScDisputeCount, nullable */
  int           counts_year;
  char         *counts_error;
};

G_DEFINE_FINAL_TYPE (SccDisputeListVm, scc_dispute_list_vm, SCC_TYPE_LIST_VM)

enum {
  PROP_0,
  PROP_COUNTS,
  PROP_COUNTS_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *next_cursor = NULL;
  g_autoptr(GPtrArray) disputes = scc_api_client_list_disputes_finish (SCC_API_CLIENT (object), result,
                                                                       &next_cursor, &error);
  GPtrArray *rows;

  if (disputes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  rows = g_ptr_array_new_full (disputes->len, g_object_unref);
  for (guint i = 0; i < disputes->len; i++)
    g_ptr_array_add (rows, scc_dispute_row_new (g_ptr_array_index (disputes, i)));
  scc_list_vm_return_rows (task, rows, next_cursor);
}

static void
scc_dispute_list_vm_fetch_async (SccListVm           *list,
                                 const char          *cursor,
                                 guint                limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  SccDisputeListVm *self = SCC_DISPUTE_LIST_VM (list);
  GTask *task = g_task_new (list, cancellable, callback, user_data);

  scc_api_client_list_disputes_async (scc_list_vm_get_api_client (list), self->case_id > 0 ? "all" : NULL,
                                      self->case_id, cursor, limit, cancellable, fetched_cb, task);
}

void
scc_dispute_list_vm_set_case_id (SccDisputeListVm *self,
                                 gint64            case_id)
{
  g_return_if_fail (SCC_IS_DISPUTE_LIST_VM (self));
  g_return_if_fail (case_id >= 0);

  /* no other case's disputes under this one's name */
  if (case_id != self->case_id)
    scc_list_vm_clear (SCC_LIST_VM (self));
  self->case_id = case_id;
}

gint64
scc_dispute_list_vm_get_case_id (SccDisputeListVm *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_LIST_VM (self), 0);
  return self->case_id;
}

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SccDisputeListVm) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *counts = scc_api_client_count_disputes_finish (SCC_API_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->counts, g_ptr_array_unref);
  g_clear_pointer (&self->counts_error, g_free);
  self->counts = counts;
  if (counts == NULL)
    self->counts_error = g_strdup_printf (_("The counts could not be read: %s"), error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTS_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTS]);
}

void
scc_dispute_list_vm_load_counts (SccDisputeListVm *self,
                                 int               year)
{
  g_return_if_fail (SCC_IS_DISPUTE_LIST_VM (self));

  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  self->counting = g_cancellable_new ();
  self->counts_year = year;
  /* no other year's counts under this one's */
  if (self->counts != NULL)
    {
      g_clear_pointer (&self->counts, g_ptr_array_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTS]);
    }
  scc_api_client_count_disputes_async (scc_list_vm_get_api_client (SCC_LIST_VM (self)), year, self->counting,
                                       counted_cb, g_object_ref (self));
}

GPtrArray *
scc_dispute_list_vm_get_counts (SccDisputeListVm *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_LIST_VM (self), NULL);
  return self->counts;
}

int
scc_dispute_list_vm_get_counts_year (SccDisputeListVm *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_LIST_VM (self), 0);
  return self->counts_year;
}

const char *
scc_dispute_list_vm_get_counts_error (SccDisputeListVm *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_LIST_VM (self), NULL);
  return self->counts_error;
}

char *
scc_dispute_list_vm_dup_counts_csv (SccDisputeListVm *self)
{
  GString *csv;

  g_return_val_if_fail (SCC_IS_DISPUTE_LIST_VM (self), NULL);
  if (self->counts == NULL)
    return NULL;
  csv = g_string_new (NULL);
  sc_dispute_counts_append_csv (self->counts, self->counts_year, csv);
  return g_string_free (csv, FALSE);
}

static void
scc_dispute_list_vm_dispose (GObject *object)
{
  SccDisputeListVm *self = SCC_DISPUTE_LIST_VM (object);

  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  G_OBJECT_CLASS (scc_dispute_list_vm_parent_class)->dispose (object);
}

static void
scc_dispute_list_vm_finalize (GObject *object)
{
  SccDisputeListVm *self = SCC_DISPUTE_LIST_VM (object);

  g_clear_pointer (&self->counts, g_ptr_array_unref);
  g_free (self->counts_error);
  G_OBJECT_CLASS (scc_dispute_list_vm_parent_class)->finalize (object);
}

static void
scc_dispute_list_vm_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SccDisputeListVm *self = SCC_DISPUTE_LIST_VM (object);

  switch (prop_id)
    {
    case PROP_COUNTS:
      g_value_set_boxed (value, self->counts);
      break;
    case PROP_COUNTS_ERROR:
      g_value_set_string (value, self->counts_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_dispute_list_vm_class_init (SccDisputeListVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scc_dispute_list_vm_dispose;
  object_class->finalize = scc_dispute_list_vm_finalize;
  object_class->get_property = scc_dispute_list_vm_get_property;
  SCC_LIST_VM_CLASS (klass)->fetch_async = scc_dispute_list_vm_fetch_async;

  properties[PROP_COUNTS] = g_param_spec_boxed ("counts", NULL, NULL, G_TYPE_PTR_ARRAY,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTS_ERROR] = g_param_spec_string ("counts-error", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_dispute_list_vm_init (SccDisputeListVm *self)
{
}

SccDisputeListVm *
scc_dispute_list_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_DISPUTE_LIST_VM, "api-client", api_client, "item-type", SCC_TYPE_DISPUTE_ROW, NULL);
}
