/* scc-review-list-vm.c
 *
 * SccReviewListVm and SccReviewRow: see scc-review-list-vm.h. A page is
 * one call of scc_api_client_list_reviews_due_async with the filters as
 * they are when it is asked for; each review becomes a row worked out
 * against today once, when it arrives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-review-list-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-api-client-cases.h"
#include "scc-caseload-vm.h"
#include "scc-review-list-vm.h"

/* --- the row ------------------------------------------------------------- */

struct _SccReviewRow
{
  GObject   parent_instance;

  gint64    case_id;
  char     *child_name;
  char     *review;
  char     *owner_name;
  char     *days_left;
  char     *invitations;
  ScDay     due;
  gboolean  overdue;
};

enum {
  ROW_PROP_0,
  ROW_PROP_CHILD_NAME,
  ROW_PROP_REVIEW,
  ROW_PROP_DUE,
  ROW_PROP_DAYS_LEFT,
  ROW_PROP_INVITATIONS,
  ROW_PROP_OWNER_NAME,
  ROW_PROP_OVERDUE,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

G_DEFINE_FINAL_TYPE (SccReviewRow, scc_review_row, G_TYPE_OBJECT)

static void
scc_review_row_finalize (GObject *object)
{
  SccReviewRow *self = SCC_REVIEW_ROW (object);

  g_free (self->child_name);
  g_free (self->review);
  g_free (self->owner_name);
  g_free (self->days_left);
  g_free (self->invitations);

  G_OBJECT_CLASS (scc_review_row_parent_class)->finalize (object);
}

static void
scc_review_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SccReviewRow *self = SCC_REVIEW_ROW (object);
  char buffer[SC_DAY_STRING_SIZE];

  switch (prop_id)
    {
    case ROW_PROP_CHILD_NAME:
      g_value_set_string (value, self->child_name);
      break;
    case ROW_PROP_REVIEW:
      g_value_set_string (value, self->review);
      break;
    /* YYYY-MM-DD, which sorts as the days do; the cell shows it in words */
    case ROW_PROP_DUE:
      g_value_set_string (value, sc_day_format (self->due, buffer));
      break;
    case ROW_PROP_DAYS_LEFT:
      g_value_set_string (value, self->days_left);
      break;
    case ROW_PROP_INVITATIONS:
      g_value_set_string (value, self->invitations);
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
scc_review_row_class_init (SccReviewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = scc_review_row_finalize;
  object_class->get_property = scc_review_row_get_property;

  row_properties[ROW_PROP_CHILD_NAME] = g_param_spec_string ("child-name", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_REVIEW] = g_param_spec_string ("review", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_DAYS_LEFT] = g_param_spec_string ("days-left", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_INVITATIONS] = g_param_spec_string ("invitations", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
scc_review_row_init (SccReviewRow *self)
{
}

SccReviewRow *
scc_review_row_new (const ScReview *review,
                    ScDay           today)
{
  SccReviewRow *self;

  g_return_val_if_fail (review != NULL, NULL);

  self = g_object_new (SCC_TYPE_REVIEW_ROW, NULL);
  self->case_id = review->case_id;
  self->child_name = g_strdup_printf ("%s %s", review->given_name, review->family_name);
  self->review = g_strdup_printf (_("Review %d"), review->number);
  self->owner_name = g_strdup (review->owner != NULL ? sc_case_user_get_name (review->owner) : "");
  self->due = review->due;
  self->days_left = scc_case_format_days_left (review->due, today);
  self->overdue = review->due < today;
  if (review->invitations_sent != SC_DAY_NONE)
    {
      g_autofree char *sent = scc_case_format_day (review->invitations_sent);

      self->invitations = g_strdup_printf (_("Sent %s"), sent);
    }
  else
    self->invitations = g_strdup (_("Not sent"));
  return self;
}

gint64
scc_review_row_get_case_id (SccReviewRow *self)
{
  g_return_val_if_fail (SCC_IS_REVIEW_ROW (self), 0);
  return self->case_id;
}

const char *
scc_review_row_get_child_name (SccReviewRow *self)
{
  g_return_val_if_fail (SCC_IS_REVIEW_ROW (self), NULL);
  return self->child_name;
}

const char *
scc_review_row_get_days_left (SccReviewRow *self)
{
  g_return_val_if_fail (SCC_IS_REVIEW_ROW (self), NULL);
  return self->days_left;
}

const char *
scc_review_row_get_invitations (SccReviewRow *self)
{
  g_return_val_if_fail (SCC_IS_REVIEW_ROW (self), NULL);
  return self->invitations;
}

gboolean
scc_review_row_get_overdue (SccReviewRow *self)
{
  g_return_val_if_fail (SCC_IS_REVIEW_ROW (self), FALSE);
  return self->overdue;
}

char *
scc_review_row_format_due (gpointer row)
{
  g_return_val_if_fail (SCC_IS_REVIEW_ROW (row), NULL);
  return scc_case_format_day (SCC_REVIEW_ROW (row)->due);
}

/* --- the list ------------------------------------------------------------ */

struct _SccReviewListVm
{
  SccChaseListVm parent_instance;
};

G_DEFINE_FINAL_TYPE (SccReviewListVm, scc_review_list_vm, SCC_TYPE_CHASE_LIST_VM)

static GObject *
review_row_new (gconstpointer item,
                ScDay         today)
{
  return G_OBJECT (scc_review_row_new (item, today));
}

static void
scc_review_list_vm_class_init (SccReviewListVmClass *klass)
{
  SccChaseListVmClass *chase_class = SCC_CHASE_LIST_VM_CLASS (klass);

  chase_class->list_async = scc_api_client_list_reviews_due_async;
  chase_class->list_finish = scc_api_client_list_reviews_due_finish;
  chase_class->row_new = review_row_new;
}

static void
scc_review_list_vm_init (SccReviewListVm *self)
{
}

SccReviewListVm *
scc_review_list_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_REVIEW_LIST_VM,
                       "api-client", api_client,
                       "item-type", SCC_TYPE_REVIEW_ROW,
                       NULL);
}

/* --- children moving phase ------------------------------------------------ */

struct _SccPhaseTransferRow
{
  GObject  parent_instance;

  gint64   case_id;
  char    *child_name;
  char    *born;
  char    *move;
  char    *state;
  char    *owner_name;
  ScDay    due;
};

enum {
  PT_PROP_0,
  PT_PROP_CHILD_NAME,
  PT_PROP_BORN,
  PT_PROP_MOVE,
  PT_PROP_DUE,
  PT_PROP_STATE,
  PT_PROP_OWNER_NAME,
  PT_N_PROPS
};

static GParamSpec *pt_properties[PT_N_PROPS];

G_DEFINE_FINAL_TYPE (SccPhaseTransferRow, scc_phase_transfer_row, G_TYPE_OBJECT)

static void
scc_phase_transfer_row_finalize (GObject *object)
{
  SccPhaseTransferRow *self = SCC_PHASE_TRANSFER_ROW (object);

  g_free (self->child_name);
  g_free (self->born);
  g_free (self->move);
  g_free (self->state);
  g_free (self->owner_name);

  G_OBJECT_CLASS (scc_phase_transfer_row_parent_class)->finalize (object);
}

static void
scc_phase_transfer_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SccPhaseTransferRow *self = SCC_PHASE_TRANSFER_ROW (object);
  char buffer[SC_DAY_STRING_SIZE];

  switch (prop_id)
    {
    case PT_PROP_CHILD_NAME:
      g_value_set_string (value, self->child_name);
      break;
    case PT_PROP_BORN:
      g_value_set_string (value, self->born);
      break;
    case PT_PROP_MOVE:
      g_value_set_string (value, self->move);
      break;
    case PT_PROP_DUE:
      g_value_set_string (value, sc_day_format (self->due, buffer));
      break;
    case PT_PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PT_PROP_OWNER_NAME:
      g_value_set_string (value, self->owner_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_phase_transfer_row_class_init (SccPhaseTransferRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = scc_phase_transfer_row_finalize;
  object_class->get_property = scc_phase_transfer_row_get_property;

  pt_properties[PT_PROP_CHILD_NAME] = g_param_spec_string ("child-name", NULL, NULL, NULL, flags);
  pt_properties[PT_PROP_BORN] = g_param_spec_string ("born", NULL, NULL, NULL, flags);
  pt_properties[PT_PROP_MOVE] = g_param_spec_string ("move", NULL, NULL, NULL, flags);
  pt_properties[PT_PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, flags);
  pt_properties[PT_PROP_STATE] = g_param_spec_string ("state", NULL, NULL, NULL, flags);
  pt_properties[PT_PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, PT_N_PROPS, pt_properties);
}

static void
scc_phase_transfer_row_init (SccPhaseTransferRow *self)
{
}

static const char *
move_in_words (const char *move)
{
  if (g_strcmp0 (move, "school_entry") == 0)
    return _("Starting school");
  if (g_strcmp0 (move, "secondary") == 0)
    return _("Primary to secondary");
  if (g_strcmp0 (move, "post16") == 0)
    return _("Secondary to post-16");
  return _("Another move (recorded)");
}

SccPhaseTransferRow *
scc_phase_transfer_row_new (const ScPhaseTransfer *transfer,
                            ScDay                  today)
{
  SccPhaseTransferRow *self;

  g_return_val_if_fail (transfer != NULL, NULL);

  self = g_object_new (SCC_TYPE_PHASE_TRANSFER_ROW, NULL);
  self->case_id = transfer->case_id;
  self->child_name = g_strdup_printf ("%s %s", transfer->given_name, transfer->family_name);
  self->born = transfer->date_of_birth != SC_DAY_NONE ? scc_case_format_day (transfer->date_of_birth) : g_strdup ("");
  self->move = g_strdup (move_in_words (transfer->move));
  self->owner_name = g_strdup (transfer->owner != NULL ? sc_case_user_get_name (transfer->owner) : "");
  self->due = transfer->due;
  if (transfer->amended_on != SC_DAY_NONE)
    {
      g_autofree char *amended = scc_case_format_day (transfer->amended_on);

      self->state = g_strdup_printf (_("Plan amended %s"), amended);
    }
  else if (!transfer->recorded)
    self->state = g_strdup (transfer->due < today ? _("Overdue: not recorded") : _("Not yet recorded"));
  else
    self->state = scc_case_format_days_left (transfer->due, today);
  return self;
}

gint64
scc_phase_transfer_row_get_case_id (SccPhaseTransferRow *self)
{
  g_return_val_if_fail (SCC_IS_PHASE_TRANSFER_ROW (self), 0);
  return self->case_id;
}

const char *
scc_phase_transfer_row_get_child_name (SccPhaseTransferRow *self)
{
  g_return_val_if_fail (SCC_IS_PHASE_TRANSFER_ROW (self), NULL);
  return self->child_name;
}

const char *
scc_phase_transfer_row_get_move (SccPhaseTransferRow *self)
{
  g_return_val_if_fail (SCC_IS_PHASE_TRANSFER_ROW (self), NULL);
  return self->move;
}

const char *
scc_phase_transfer_row_get_state (SccPhaseTransferRow *self)
{
  g_return_val_if_fail (SCC_IS_PHASE_TRANSFER_ROW (self), NULL);
  return self->state;
}

char *
scc_phase_transfer_row_format_due (gpointer row)
{
  g_return_val_if_fail (SCC_IS_PHASE_TRANSFER_ROW (row), NULL);
  return scc_case_format_day (SCC_PHASE_TRANSFER_ROW (row)->due);
}

struct _SccPhaseTransferListVm
{
  SccChaseListVm parent_instance;
};

G_DEFINE_FINAL_TYPE (SccPhaseTransferListVm, scc_phase_transfer_list_vm, SCC_TYPE_CHASE_LIST_VM)

/* One list, not pages: a year's children of a team; the overdue-only
 * filter is not the list's */
static void
list_transfers_async (SccApiClient        *api_client,
                      const char          *owner,
                      gboolean             overdue_only,
                      const char          *cursor,
                      guint                limit,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  scc_api_client_list_phase_transfers_async (api_client, owner, 0, cancellable, callback, user_data);
}

static GPtrArray *
list_transfers_finish (SccApiClient  *api_client,
                       GAsyncResult  *result,
                       char         **next_cursor,
                       GError       **error)
{
  return scc_api_client_list_phase_transfers_finish (api_client, result, error);
}

static GObject *
phase_transfer_row_new (gconstpointer item,
                        ScDay         today)
{
  return G_OBJECT (scc_phase_transfer_row_new (item, today));
}

static void
scc_phase_transfer_list_vm_class_init (SccPhaseTransferListVmClass *klass)
{
  SccChaseListVmClass *chase_class = SCC_CHASE_LIST_VM_CLASS (klass);

  chase_class->list_async = list_transfers_async;
  chase_class->list_finish = list_transfers_finish;
  chase_class->row_new = phase_transfer_row_new;
}

static void
scc_phase_transfer_list_vm_init (SccPhaseTransferListVm *self)
{
}

SccPhaseTransferListVm *
scc_phase_transfer_list_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_PHASE_TRANSFER_LIST_VM,
                       "api-client", api_client,
                       "item-type", SCC_TYPE_PHASE_TRANSFER_ROW,
                       NULL);
}
