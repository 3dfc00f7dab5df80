/* scc-advice-list-vm.c
 *
 * SccAdviceListVm and SccAdviceRow: see scc-advice-list-vm.h. A page is
 * one call of scc_api_client_list_advice_async with the filters as they
 * are when it is asked for; each request becomes a row worked out against
 * today once, when it arrives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-advice-list-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-advice-list-vm.h"
#include "scc-api-client-cases.h"
#include "scc-caseload-vm.h"

/* --- the row ------------------------------------------------------------- */

struct _SccAdviceRow
{
  GObject   parent_instance;

  gint64    case_id;
  char     *child_name;
  char     *adviser;
  char     *owner_name;
  char     *days_left;
  ScDay     requested_on;
  ScDay     due;
  gboolean  overdue;
};

enum {
  ROW_PROP_0,
  ROW_PROP_CHILD_NAME,
  ROW_PROP_ADVISER,
  ROW_PROP_REQUESTED_ON,
  ROW_PROP_DUE,
  ROW_PROP_DAYS_LEFT,
  ROW_PROP_OWNER_NAME,
  ROW_PROP_OVERDUE,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

G_DEFINE_FINAL_TYPE (SccAdviceRow, scc_advice_row, G_TYPE_OBJECT)

static void
scc_advice_row_finalize (GObject *object)
{
  SccAdviceRow *self = SCC_ADVICE_ROW (object);

  g_free (self->child_name);
  g_free (self->adviser);
  g_free (self->owner_name);
  g_free (self->days_left);

  G_OBJECT_CLASS (scc_advice_row_parent_class)->finalize (object);
}

static void
scc_advice_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SccAdviceRow *self = SCC_ADVICE_ROW (object);
  char buffer[SC_DAY_STRING_SIZE];

  switch (prop_id)
    {
    case ROW_PROP_CHILD_NAME:
      g_value_set_string (value, self->child_name);
      break;
    case ROW_PROP_ADVISER:
      g_value_set_string (value, self->adviser);
      break;
    /* YYYY-MM-DD, which sorts as the days do; the cells show them in words */
    case ROW_PROP_REQUESTED_ON:
      g_value_set_string (value, sc_day_format (self->requested_on, buffer));
      break;
    case ROW_PROP_DUE:
      g_value_set_string (value, sc_day_format (self->due, buffer));
      break;
    case ROW_PROP_DAYS_LEFT:
      g_value_set_string (value, self->days_left);
      break;
    case ROW_PROP_OWNER_NAME:
      g_value_set_string (value, self->owner_name);
      break;
    case ROW_PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_advice_row_class_init (SccAdviceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = scc_advice_row_finalize;
  object_class->get_property = scc_advice_row_get_property;

  row_properties[ROW_PROP_CHILD_NAME] = g_param_spec_string ("child-name", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_ADVISER] = g_param_spec_string ("adviser", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_REQUESTED_ON] = g_param_spec_string ("requested-on", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_DAYS_LEFT] = g_param_spec_string ("days-left", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
scc_advice_row_init (SccAdviceRow *self)
{
}

/* "educational_psychology" reads "Educational psychology". */
static char *
adviser_in_words (const char *key)
{
  g_autofree char *words = g_strdup (key != NULL ? key : "");
  g_autofree char *first = NULL;
  const char *rest;

  g_strdelimit (words, "_-", ' ');
  if (words[0] == '\0')
    return g_strdup ("");
  rest = g_utf8_next_char (words);
  first = g_utf8_strup (words, rest - words);
  return g_strconcat (first, rest, NULL);
}

SccAdviceRow *
scc_advice_row_new (const ScAdviceRequest *request,
                    ScDay                  today)
{
  SccAdviceRow *self;

  g_return_val_if_fail (request != NULL, NULL);

  self = g_object_new (SCC_TYPE_ADVICE_ROW, NULL);
  self->case_id = request->case_id;
  self->child_name = g_strdup_printf ("%s %s", request->given_name, request->family_name);
  self->adviser = adviser_in_words (request->adviser);
  self->owner_name = g_strdup (request->owner != NULL ? sc_case_user_get_name (request->owner) : "");
  self->requested_on = request->requested_on;
  self->due = request->due;
  self->days_left = scc_case_format_days_left (request->due, today);
  self->overdue = request->due < today;
  return self;
}

gint64
scc_advice_row_get_case_id (SccAdviceRow *self)
{
  g_return_val_if_fail (SCC_IS_ADVICE_ROW (self), 0);
  return self->case_id;
}

const char *
scc_advice_row_get_child_name (SccAdviceRow *self)
{
  g_return_val_if_fail (SCC_IS_ADVICE_ROW (self), NULL);
  return self->child_name;
}

const char *
scc_advice_row_get_adviser (SccAdviceRow *self)
{
  g_return_val_if_fail (SCC_IS_ADVICE_ROW (self), NULL);
  return self->adviser;
}

const char *
scc_advice_row_get_days_left (SccAdviceRow *self)
{
  g_return_val_if_fail (SCC_IS_ADVICE_ROW (self), NULL);
  return self->days_left;
}

gboolean
scc_advice_row_get_overdue (SccAdviceRow *self)
{
  g_return_val_if_fail (SCC_IS_ADVICE_ROW (self), FALSE);
  return self->overdue;
}

char *
scc_advice_row_format_requested (gpointer row)
{
  g_return_val_if_fail (SCC_IS_ADVICE_ROW (row), NULL);
  return scc_case_format_day (SCC_ADVICE_ROW (row)->requested_on);
}

char *
scc_advice_row_format_due (gpointer row)
{
  g_return_val_if_fail (SCC_IS_ADVICE_ROW (row), NULL);
  return scc_case_format_day (SCC_ADVICE_ROW (row)->due);
}

char *
scc_advice_rows_dup_chase_text (GPtrArray *rows)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (rows != NULL, NULL);

  g_string_append_printf (text, "%s\t%s\t%s\t%s\t%s\t%s\n", _("Child"), _("Adviser"), _("Asked On"), _("Due"),
                          _("Days Left"), _("Case Owner"));
  for (guint i = 0; i < rows->len; i++)
    {
      SccAdviceRow *row = g_ptr_array_index (rows, i);
      g_autofree char *requested = scc_case_format_day (row->requested_on);
      g_autofree char *due = scc_case_format_day (row->due);

      g_string_append_printf (text, "%s\t%s\t%s\t%s\t%s\t%s\n", row->child_name, row->adviser, requested, due,
                              row->days_left, row->owner_name);
    }
  return g_string_free (text, FALSE);
}

/* --- the list ------------------------------------------------------------ */

struct _SccAdviceListVm
{
  SccChaseListVm parent_instance;
};

G_DEFINE_FINAL_TYPE (SccAdviceListVm, scc_advice_list_vm, SCC_TYPE_CHASE_LIST_VM)

static GObject *
advice_row_new (gconstpointer item,
                ScDay         today)
{
  return G_OBJECT (scc_advice_row_new (item, today));
}

static void
scc_advice_list_vm_class_init (SccAdviceListVmClass *klass)
{
  SccChaseListVmClass *chase_class = SCC_CHASE_LIST_VM_CLASS (klass);

  chase_class->list_async = scc_api_client_list_advice_async;
  chase_class->list_finish = scc_api_client_list_advice_finish;
  chase_class->row_new = advice_row_new;
}

static void
scc_advice_list_vm_init (SccAdviceListVm *self)
{
}

SccAdviceListVm *
scc_advice_list_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_ADVICE_LIST_VM,
                       "api-client", api_client,
                       "item-type", SCC_TYPE_ADVICE_ROW,
                       NULL);
}
