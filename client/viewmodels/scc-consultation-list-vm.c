/* scc-consultation-list-vm.c
 *
 * SccConsultationListVm and SccConsultationRow: see
 * scc-consultation-list-vm.h. Each consultation becomes a row worked out
 * against today once, when it arrives; its cells are string properties,
 * kept in one array by property.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-consultation-list-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-api-client-consultations.h"
#include "scc-caseload-vm.h"
#include "scc-consultation-list-vm.h"

/* --- the row ------------------------------------------------------------- */

enum {
  ROW_PROP_0,
  ROW_PROP_CHILD_NAME,
  ROW_PROP_INSTITUTION,
  ROW_PROP_SENT,
  ROW_PROP_DUE,
  ROW_PROP_DAYS_LEFT,
  ROW_PROP_REMINDERS,
  ROW_PROP_OWNER_NAME,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

struct _SccConsultationRow
{
  GObject  parent_instance;

  gint64   id;
  gint64   case_id;
  ScDay    due;
  char    *cells[ROW_N_PROPS];   /* by property */
  char    *csv;
};

G_DEFINE_FINAL_TYPE (SccConsultationRow, scc_consultation_row, G_TYPE_OBJECT)

static void
scc_consultation_row_finalize (GObject *object)
{
  SccConsultationRow *self = SCC_CONSULTATION_ROW (object);

  for (guint i = 0; i < ROW_N_PROPS; i++)
    g_free (self->cells[i]);
  g_free (self->csv);

  G_OBJECT_CLASS (scc_consultation_row_parent_class)->finalize (object);
}

static void
scc_consultation_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SccConsultationRow *self = SCC_CONSULTATION_ROW (object);

  if (prop_id > ROW_PROP_0 && prop_id < ROW_N_PROPS)
    g_value_set_string (value, self->cells[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
scc_consultation_row_class_init (SccConsultationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[ROW_N_PROPS] = {
    NULL, "child-name", "institution", "sent", "due", "days-left", "reminders", "owner-name",
  };

  object_class->finalize = scc_consultation_row_finalize;
  object_class->get_property = scc_consultation_row_get_property;

  for (guint i = 1; i < ROW_N_PROPS; i++)
    row_properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
scc_consultation_row_init (SccConsultationRow *self)
{
}

SccConsultationRow *
scc_consultation_row_new (const ScConsultation *consultation,
                          ScDay                 today)
{
  SccConsultationRow *self;
  GString *csv;
  char due[SC_DAY_STRING_SIZE];
  guint n;

  g_return_val_if_fail (consultation != NULL, NULL);

  self = g_object_new (SCC_TYPE_CONSULTATION_ROW, NULL);
  n = consultation->reminders->len;
  self->id = consultation->id;
  self->case_id = consultation->case_id;
  self->due = consultation->due;
  self->cells[ROW_PROP_CHILD_NAME] = g_strdup_printf ("%s %s", consultation->given_name != NULL
                                                      ? consultation->given_name : "",
                                                      consultation->family_name != NULL
                                                      ? consultation->family_name : "");
  self->cells[ROW_PROP_INSTITUTION] = consultation->institution_name != NULL
                                      ? g_strdup (consultation->institution_name)
                                      : g_strdup_printf (_("URN %" G_GINT64_FORMAT), consultation->urn);
  self->cells[ROW_PROP_SENT] = scc_case_format_day (consultation->sent_on);
  /* YYYY-MM-DD, which sorts as the days do; the cell shows it in words */
  self->cells[ROW_PROP_DUE] = g_strdup (sc_day_format (consultation->due, due));
  self->cells[ROW_PROP_DAYS_LEFT] = scc_case_format_days_left (consultation->due, today);
  if (n == 0)
    self->cells[ROW_PROP_REMINDERS] = g_strdup (_("None sent"));
  else
    {
      g_autofree char *last = scc_case_format_day (g_array_index (consultation->reminders, ScDay, n - 1));

      self->cells[ROW_PROP_REMINDERS] = g_strdup_printf (g_dngettext (NULL, "%u, on %s", "%u, the last on %s", n),
                                                         n, last);
    }
  self->cells[ROW_PROP_OWNER_NAME] = g_strdup (consultation->owner != NULL
                                               ? sc_case_user_get_name (consultation->owner) : "");
  csv = g_string_new (NULL);
  sc_consultation_append_csv (consultation, csv);
  self->csv = g_string_free (csv, FALSE);
  return self;
}

gint64
scc_consultation_row_get_id (SccConsultationRow *self)
{
  g_return_val_if_fail (SCC_IS_CONSULTATION_ROW (self), 0);
  return self->id;
}

gint64
scc_consultation_row_get_case_id (SccConsultationRow *self)
{
  g_return_val_if_fail (SCC_IS_CONSULTATION_ROW (self), 0);
  return self->case_id;
}

const char *
scc_consultation_row_get_child_name (SccConsultationRow *self)
{
  g_return_val_if_fail (SCC_IS_CONSULTATION_ROW (self), NULL);
  return self->cells[ROW_PROP_CHILD_NAME];
}

const char *
scc_consultation_row_get_reminders (SccConsultationRow *self)
{
  g_return_val_if_fail (SCC_IS_CONSULTATION_ROW (self), NULL);
  return self->cells[ROW_PROP_REMINDERS];
}

const char *
scc_consultation_row_get_csv (SccConsultationRow *self)
{
  g_return_val_if_fail (SCC_IS_CONSULTATION_ROW (self), NULL);
  return self->csv;
}

char *
scc_consultation_row_format_due (gpointer row)
{
  g_return_val_if_fail (SCC_IS_CONSULTATION_ROW (row), NULL);
  return scc_case_format_day (SCC_CONSULTATION_ROW (row)->due);
}

char *
scc_consultation_rows_dup_csv (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);

  sc_consultation_append_csv_header (out);
  for (guint i = 0; i < rows->len; i++)
    g_string_append (out, scc_consultation_row_get_csv (g_ptr_array_index (rows, i)));
  return g_string_free (out, FALSE);
}

/* --- the list ------------------------------------------------------------ */

struct _SccConsultationListVm
{
  SccChaseListVm parent_instance;
};

G_DEFINE_FINAL_TYPE (SccConsultationListVm, scc_consultation_list_vm, SCC_TYPE_CHASE_LIST_VM)

static GObject *
consultation_row_new (gconstpointer item,
                      ScDay         today)
{
  return G_OBJECT (scc_consultation_row_new (item, today));
}

static void
chased_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  ScConsultationChase *chase = scc_api_client_chase_consultations_finish (SCC_API_CLIENT (object), result, &error);

  if (chase == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  scc_list_vm_reload (SCC_LIST_VM (g_task_get_source_object (task)));
  g_task_return_pointer (task, chase, (GDestroyNotify) sc_consultation_chase_free);
}

void
scc_consultation_list_vm_chase_async (SccConsultationListVm *self,
                                      GPtrArray             *rows,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  GTask *task;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_if_fail (SCC_IS_CONSULTATION_LIST_VM (self));
  g_return_if_fail (rows != NULL && rows->len > 0);

  task = g_task_new (self, cancellable, callback, user_data);
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = scc_consultation_row_get_id (g_ptr_array_index (rows, i));

      g_array_append_val (ids, id);
    }
  scc_api_client_chase_consultations_async (scc_list_vm_get_api_client (SCC_LIST_VM (self)), ids, scc_case_today (),
                                            cancellable, chased_cb, task);
}

ScConsultationChase *
scc_consultation_list_vm_chase_finish (SccConsultationListVm  *self,
                                       GAsyncResult           *result,
                                       GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
scc_consultation_list_vm_class_init (SccConsultationListVmClass *klass)
{
  SccChaseListVmClass *chase_class = SCC_CHASE_LIST_VM_CLASS (klass);

  chase_class->list_async = scc_api_client_consultations_to_chase_async;
  chase_class->list_finish = scc_api_client_team_consultations_finish;
  chase_class->row_new = consultation_row_new;
}

static void
scc_consultation_list_vm_init (SccConsultationListVm *self)
{
}

SccConsultationListVm *
scc_consultation_list_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_CONSULTATION_LIST_VM,
                       "api-client", api_client,
                       "item-type", SCC_TYPE_CONSULTATION_ROW,
                       NULL);
}

/* --- each institution's figures ------------------------------------------ */

enum {
  FIG_PROP_0,
  FIG_PROP_NAME,
  FIG_PROP_URN,
  FIG_PROP_CONSULTATIONS,
  FIG_PROP_ANSWERED,
  FIG_PROP_OVERDUE,
  FIG_PROP_REFUSALS,
  FIG_PROP_REVERSED,
  FIG_PROP_AGREED,
  FIG_PROP_ASKED,
  FIG_PROP_AGREED_TOTAL,
  FIG_N_PROPS
};

static const char * const figures_names[FIG_N_PROPS] = {
  NULL, "name", "urn", "consultations", "answered", "overdue", "refusals", "reversed", "agreed", "asked",
  "agreed-total",
};

static GParamSpec *figures_properties[FIG_N_PROPS];

struct _SccFiguresRow
{
  GObject  parent_instance;

  char    *cells[FIG_N_PROPS];   /* by property */
};

G_DEFINE_FINAL_TYPE (SccFiguresRow, scc_figures_row, G_TYPE_OBJECT)

static void
scc_figures_row_finalize (GObject *object)
{
  SccFiguresRow *self = SCC_FIGURES_ROW (object);

  for (guint i = 0; i < FIG_N_PROPS; i++)
    g_free (self->cells[i]);

  G_OBJECT_CLASS (scc_figures_row_parent_class)->finalize (object);
}

static void
scc_figures_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SccFiguresRow *self = SCC_FIGURES_ROW (object);

  if (prop_id > FIG_PROP_0 && prop_id < FIG_N_PROPS)
    g_value_set_string (value, self->cells[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
scc_figures_row_class_init (SccFiguresRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scc_figures_row_finalize;
  object_class->get_property = scc_figures_row_get_property;

  for (guint i = 1; i < FIG_N_PROPS; i++)
    figures_properties[i] = g_param_spec_string (figures_names[i], NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, FIG_N_PROPS, figures_properties);
}

static void
scc_figures_row_init (SccFiguresRow *self)
{
}

SccFiguresRow *
scc_figures_row_new (const ScConsultationStats *stats)
{
  SccFiguresRow *self;

  g_return_val_if_fail (stats != NULL, NULL);

  self = g_object_new (SCC_TYPE_FIGURES_ROW, NULL);
  self->cells[FIG_PROP_NAME] = stats->name != NULL ? g_strdup (stats->name) : g_strdup (_("Not in the directory"));
  self->cells[FIG_PROP_URN] = g_strdup_printf ("%" G_GINT64_FORMAT, stats->urn);
  self->cells[FIG_PROP_CONSULTATIONS] = g_strdup_printf ("%" G_GINT64_FORMAT, stats->consultations);
  self->cells[FIG_PROP_ANSWERED] = g_strdup_printf ("%" G_GINT64_FORMAT, stats->answered);
  self->cells[FIG_PROP_OVERDUE] = g_strdup_printf ("%" G_GINT64_FORMAT, stats->overdue);
  self->cells[FIG_PROP_REFUSALS] = g_strdup_printf ("%" G_GINT64_FORMAT, stats->refusals);
  self->cells[FIG_PROP_REVERSED] = g_strdup_printf ("%" G_GINT64_FORMAT, stats->reversed);
  self->cells[FIG_PROP_AGREED] = g_strdup_printf ("%" G_GINT64_FORMAT, stats->agreed);
  self->cells[FIG_PROP_ASKED] = sc_amount_format (stats->asked_total);
  self->cells[FIG_PROP_AGREED_TOTAL] = sc_amount_format (stats->agreed_total);
  return self;
}

const char *
scc_figures_row_get_name (SccFiguresRow *self)
{
  g_return_val_if_fail (SCC_IS_FIGURES_ROW (self), NULL);
  return self->cells[FIG_PROP_NAME];
}

const char *
scc_figures_row_get_cell (SccFiguresRow *self,
                          const char    *name)
{
  g_return_val_if_fail (SCC_IS_FIGURES_ROW (self), NULL);

  for (guint i = 1; i < FIG_N_PROPS; i++)
    if (g_str_equal (figures_names[i], name))
      return self->cells[i];
  return NULL;
}

struct _SccFiguresListVm
{
  SccListVm parent_instance;
};

G_DEFINE_FINAL_TYPE (SccFiguresListVm, scc_figures_list_vm, SCC_TYPE_LIST_VM)

static void
figures_fetched_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *next_cursor = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  GPtrArray *rows;

  figures = scc_api_client_consultation_figures_finish (SCC_API_CLIENT (object), result, &next_cursor, &error);
  if (figures == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  rows = g_ptr_array_new_full (figures->len, g_object_unref);
  for (guint i = 0; i < figures->len; i++)
    g_ptr_array_add (rows, scc_figures_row_new (g_ptr_array_index (figures, i)));
  scc_list_vm_return_rows (task, rows, next_cursor);
}

static void
scc_figures_list_vm_fetch_async (SccListVm           *list,
                                 const char          *cursor,
                                 guint                limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (list, cancellable, callback, user_data);

  scc_api_client_consultation_figures_async (scc_list_vm_get_api_client (list), cursor, limit, cancellable,
                                             figures_fetched_cb, task);
}

static void
scc_figures_list_vm_class_init (SccFiguresListVmClass *klass)
{
  SCC_LIST_VM_CLASS (klass)->fetch_async = scc_figures_list_vm_fetch_async;
}

static void
scc_figures_list_vm_init (SccFiguresListVm *self)
{
}

SccFiguresListVm *
scc_figures_list_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_FIGURES_LIST_VM,
                       "api-client", api_client,
                       "item-type", SCC_TYPE_FIGURES_ROW,
                       NULL);
}
