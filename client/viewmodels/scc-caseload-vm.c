/* scc-caseload-vm.c
 *
 * SccCaseloadVm and SccCaseRow: see scc-caseload-vm.h. A page is one call
 * of scc_api_client_get_caseload_async with the filter as it is when the
 * page is asked for; each case becomes an SccCaseRow worked out against
 * today once, when it arrives. The counts are one call of
 * scc_api_client_get_caseload_counts_async.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-caseload-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-case-rules.h"
#include "sc-clock.h"

#include "scc-api-client-cases.h"
#include "scc-caseload-vm.h"

/* --- the row ------------------------------------------------------------- */

struct _SccCaseRow
{
  GObject  parent_instance;

  ScCase  *kase;
  char    *child_name;
  char    *owner_name;
  char    *age;
  char    *next_deadline;
  char    *days_left;
  gboolean overdue;
  ScDay    due;
};

enum {
  ROW_PROP_0,
  ROW_PROP_CHILD_NAME,
  ROW_PROP_OWNER_NAME,
  ROW_PROP_AGE,
  ROW_PROP_STAGE_TITLE,
  ROW_PROP_NEXT_DEADLINE,
  ROW_PROP_DUE,
  ROW_PROP_DAYS_LEFT,
  ROW_PROP_OVERDUE,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

G_DEFINE_FINAL_TYPE (SccCaseRow, scc_case_row, G_TYPE_OBJECT)

ScDay
scc_case_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return sc_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now));
}

char *
scc_case_format_age (const char *date_of_birth,
                     ScDay       today)
{
  ScDay born;
  int by, bm, bd, ty, tm, td, years;

  if (date_of_birth == NULL || !sc_day_parse (date_of_birth, &born) || born > today)
    return g_strdup ("");
  sc_day_to_ymd (born, &by, &bm, &bd);
  sc_day_to_ymd (today, &ty, &tm, &td);
  years = ty - by - ((tm < bm || (tm == bm && td < bd)) ? 1 : 0);
  if (years < 1)
    {
      int months = (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0);

      return g_strdup_printf (g_dngettext (NULL, "%d month", "%d months", months), months);
    }
  return g_strdup_printf (g_dngettext (NULL, "%d year", "%d years", years), years);
}

char *
scc_case_format_days_left (ScDay due,
                           ScDay today)
{
  int days;

  if (due == SC_DAY_NONE)
    return g_strdup ("");
  days = (int) due - (int) today;
  if (days < 0)
    return g_strdup_printf (g_dngettext (NULL, "Overdue by %d day", "Overdue by %d days", -days), -days);
  if (days == 0)
    return g_strdup (_("Due today"));
  return g_strdup_printf (g_dngettext (NULL, "%d day left", "%d days left", days), days);
}

char *
scc_case_format_day (ScDay day)
{
  int y, m, d;
  g_autoptr(GDateTime) time = NULL;

  if (day == SC_DAY_NONE)
    return g_strdup ("");
  sc_day_to_ymd (day, &y, &m, &d);
  time = g_date_time_new_utc (y, m, d, 12, 0, 0);
  return time != NULL ? g_date_time_format (time, "%-d %b %Y") : g_strdup ("");
}

const char *
scc_case_stage_title (const char *stage)
{
  for (ScCaseStage s = SC_CASE_STAGE_NONE; s < SC_N_CASE_STAGES; s++)
    if (g_strcmp0 (sc_case_stage_to_string (s), stage) == 0)
      return sc_case_stage_get_title (s);
  return stage != NULL ? stage : "";
}

const char *
scc_case_milestone_title (const char *milestone)
{
  for (ScMilestoneId id = 0; id < SC_N_MILESTONE_IDS; id++)
    if (g_strcmp0 (sc_milestone_id_to_string (id), milestone) == 0)
      return sc_milestone_id_get_title (id);
  return milestone != NULL ? milestone : "";
}

static void
scc_case_row_finalize (GObject *object)
{
  SccCaseRow *self = SCC_CASE_ROW (object);

  g_clear_object (&self->kase);
  g_free (self->child_name);
  g_free (self->owner_name);
  g_free (self->age);
  g_free (self->next_deadline);
  g_free (self->days_left);

  G_OBJECT_CLASS (scc_case_row_parent_class)->finalize (object);
}

static void
scc_case_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SccCaseRow *self = SCC_CASE_ROW (object);
  char buffer[SC_DAY_STRING_SIZE];

  switch (prop_id)
    {
    case ROW_PROP_CHILD_NAME:
      g_value_set_string (value, self->child_name);
      break;
    case ROW_PROP_OWNER_NAME:
      g_value_set_string (value, self->owner_name);
      break;
    case ROW_PROP_AGE:
      g_value_set_string (value, self->age);
      break;
    case ROW_PROP_STAGE_TITLE:
      g_value_set_string (value, scc_case_stage_title (sc_case_get_stage_name (self->kase)));
      break;
    case ROW_PROP_NEXT_DEADLINE:
      g_value_set_string (value, self->next_deadline);
      break;
    case ROW_PROP_DUE:
      g_value_set_string (value, self->due != SC_DAY_NONE ? sc_day_format (self->due, buffer) : "");
      break;
    case ROW_PROP_DAYS_LEFT:
      g_value_set_string (value, self->days_left);
      break;
    case ROW_PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_case_row_class_init (SccCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = scc_case_row_finalize;
  object_class->get_property = scc_case_row_get_property;

  row_properties[ROW_PROP_CHILD_NAME] = g_param_spec_string ("child-name", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_AGE] = g_param_spec_string ("age", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_STAGE_TITLE] = g_param_spec_string ("stage-title", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_NEXT_DEADLINE] = g_param_spec_string ("next-deadline", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_DAYS_LEFT] = g_param_spec_string ("days-left", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
scc_case_row_init (SccCaseRow *self)
{
}

SccCaseRow *
scc_case_row_new (ScCase *kase,
                  ScDay   today)
{
  SccCaseRow *self;
  const ScCasePerson *person;
  const ScCaseUser *owner;
  g_autofree char *day = NULL;

  g_return_val_if_fail (SC_IS_CASE (kase), NULL);

  self = g_object_new (SCC_TYPE_CASE_ROW, NULL);
  self->kase = g_object_ref (kase);
  person = sc_case_get_person (kase);
  owner = sc_case_get_owner (kase);
  self->child_name = g_strdup_printf ("%s %s", person->given_name, person->family_name);
  self->owner_name = g_strdup (owner == NULL ? "" : sc_case_user_get_name (owner));
  self->age = scc_case_format_age (person->date_of_birth, today);
  if (sc_case_get_next_due (kase) == NULL || !sc_day_parse (sc_case_get_next_due (kase), &self->due))
    self->due = SC_DAY_NONE;
  day = scc_case_format_day (self->due);
  self->next_deadline = sc_case_get_next_milestone (kase) != NULL
    ? g_strdup_printf ("%s, %s", scc_case_milestone_title (sc_case_get_next_milestone (kase)), day)
    : g_strdup ("");
  self->days_left = scc_case_format_days_left (self->due, today);
  self->overdue = self->due != SC_DAY_NONE && self->due < today;
  return self;
}

ScCase *
scc_case_row_get_case (SccCaseRow *self)
{
  g_return_val_if_fail (SCC_IS_CASE_ROW (self), NULL);
  return self->kase;
}

const char *
scc_case_row_get_child_name (SccCaseRow *self)
{
  g_return_val_if_fail (SCC_IS_CASE_ROW (self), NULL);
  return self->child_name;
}

const char *
scc_case_row_get_owner_name (SccCaseRow *self)
{
  g_return_val_if_fail (SCC_IS_CASE_ROW (self), NULL);
  return self->owner_name;
}

const char *
scc_case_row_get_days_left (SccCaseRow *self)
{
  g_return_val_if_fail (SCC_IS_CASE_ROW (self), NULL);
  return self->days_left;
}

gboolean
scc_case_row_get_overdue (SccCaseRow *self)
{
  g_return_val_if_fail (SCC_IS_CASE_ROW (self), FALSE);
  return self->overdue;
}

/* --- the caseload -------------------------------------------------------- */

typedef enum
{
  COUNT_CASES,
  COUNT_OVERDUE,
  COUNT_DUE_SOON,
  N_COUNTS
} Count;

struct _SccCaseloadVm
{
  SccListVm          parent_instance;

  SccCaseloadFilter  filter;
  char              *stage;  /* NULL: every stage */
  char              *owner;       /* "me" or a user's id */
  gboolean           team;        /* the team's deadlines: every owner's */
  int                counts[N_COUNTS];
  GCancellable      *count_cancellable;
};

enum {
  PROP_0,
  PROP_FILTER,
  PROP_STAGE,
  PROP_N_CASES,
  PROP_N_OVERDUE,
  PROP_N_DUE_SOON,
  PROP_OWNER,
  PROP_TEAM,
  PROP_COUNTS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccCaseloadVm, scc_caseload_vm, SCC_TYPE_LIST_VM)

/* What the server is asked for: the filter, the stage and the query. */
static SccCaseloadQuery
caseload_query (SccCaseloadVm     *self,
                SccCaseloadFilter  filter)
{
  SccCaseloadQuery query = { .owner = self->team ? NULL : self->owner, .due_within = -1, .team = self->team };

  if (filter == SCC_CASELOAD_OVERDUE)
    query.status = "overdue";
  else if (filter == SCC_CASELOAD_DUE_SOON)
    {
      query.status = "due";
      query.due_within = SCC_CASELOAD_DUE_SOON_DAYS;
    }
  query.q = scc_list_vm_get_query (SCC_LIST_VM (self));
  query.stage = self->stage;
  return query;
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  char *next_cursor = NULL;
  GPtrArray *rows;
  ScDay today = scc_case_today ();

  cases = scc_api_client_get_caseload_finish (SCC_API_CLIENT (object), result, &next_cursor, &error);
  if (cases == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < cases->len; i++)
    g_ptr_array_add (rows, scc_case_row_new (g_ptr_array_index (cases, i), today));
  scc_list_vm_return_rows (task, rows, next_cursor);
}

static void
scc_caseload_vm_fetch_async (SccListVm           *list,
                             const char          *cursor,
                             guint                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  SccCaseloadVm *self = SCC_CASELOAD_VM (list);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  SccCaseloadQuery query = caseload_query (self, self->filter);

  scc_api_client_get_caseload_async (scc_list_vm_get_api_client (list), &query, cursor, limit,
                                     cancellable, fetched_cb, task);
}

static void
set_counts (SccCaseloadVm *self,
            guint64        cases,
            guint64        overdue,
            guint64        due_soon)
{
  self->counts[COUNT_CASES] = (int) MIN (cases, G_MAXINT);
  self->counts[COUNT_OVERDUE] = (int) MIN (overdue, G_MAXINT);
  self->counts[COUNT_DUE_SOON] = (int) MIN (due_soon, G_MAXINT);
  for (Count count = 0; count < N_COUNTS; count++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CASES + count]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTS_TEXT]);
}

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SccCaseloadVm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkload) counts = scc_api_client_get_caseload_counts_finish (SCC_API_CLIENT (object), result,
                                                                           &error);

  if (counts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("could not count the caseload: %s", error->message);
      return;
    }
  set_counts (self, counts->cases, counts->overdue, counts->due_this_week);
}

/* The team's counts are the sum of its members' (GET /workload). */
static void
team_counted_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SccCaseloadVm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) team = scc_api_client_get_workload_finish (SCC_API_CLIENT (object), result, &error);
  guint64 cases = 0, overdue = 0, due_soon = 0;

  if (team == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("could not count the team's cases: %s", error->message);
      return;
    }
  for (guint i = 0; i < team->len; i++)
    {
      const ScWorkload *member = g_ptr_array_index (team, i);

      cases += member->cases;
      overdue += member->overdue;
      due_soon += member->due_this_week;
    }
  set_counts (self, cases, overdue, due_soon);
}

void
scc_caseload_vm_count (SccCaseloadVm *self)
{
  SccApiClient *api_client;

  g_return_if_fail (SCC_IS_CASELOAD_VM (self));

  if (self->count_cancellable != NULL)
    g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  self->count_cancellable = g_cancellable_new ();
  api_client = scc_list_vm_get_api_client (SCC_LIST_VM (self));
  if (self->team)
    scc_api_client_get_workload_async (api_client, self->count_cancellable, team_counted_cb, g_object_ref (self));
  else
    scc_api_client_get_caseload_counts_async (api_client, self->owner, self->count_cancellable, counted_cb,
                                              g_object_ref (self));
}

static void
scc_caseload_vm_dispose (GObject *object)
{
  SccCaseloadVm *self = SCC_CASELOAD_VM (object);

  if (self->count_cancellable != NULL)
    g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);

  G_OBJECT_CLASS (scc_caseload_vm_parent_class)->dispose (object);
}

static void
scc_caseload_vm_finalize (GObject *object)
{
  g_clear_pointer (&SCC_CASELOAD_VM (object)->stage, g_free);
  g_free (SCC_CASELOAD_VM (object)->owner);

  G_OBJECT_CLASS (scc_caseload_vm_parent_class)->finalize (object);
}

static void
scc_caseload_vm_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SccCaseloadVm *self = SCC_CASELOAD_VM (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_int (value, self->filter);
      break;
    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;
    case PROP_N_CASES:
    case PROP_N_OVERDUE:
    case PROP_N_DUE_SOON:
      g_value_set_int (value, self->counts[prop_id - PROP_N_CASES]);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_TEAM:
      g_value_set_boolean (value, self->team);
      break;
    case PROP_COUNTS_TEXT:
      g_value_take_string (value, scc_caseload_vm_dup_counts_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_caseload_vm_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SccCaseloadVm *self = SCC_CASELOAD_VM (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      scc_caseload_vm_set_filter (self, g_value_get_int (value));
      break;
    case PROP_STAGE:
      scc_caseload_vm_set_stage (self, g_value_get_string (value));
      break;
    case PROP_OWNER:
      scc_caseload_vm_set_owner (self, g_value_get_string (value));
      break;
    case PROP_TEAM:
      self->team = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_caseload_vm_class_init (SccCaseloadVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccListVmClass *list_class = SCC_LIST_VM_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = scc_caseload_vm_dispose;
  object_class->finalize = scc_caseload_vm_finalize;
  object_class->get_property = scc_caseload_vm_get_property;
  object_class->set_property = scc_caseload_vm_set_property;

  list_class->fetch_async = scc_caseload_vm_fetch_async;

  properties[PROP_FILTER] = g_param_spec_int ("filter", NULL, NULL, SCC_CASELOAD_ALL, SCC_CASELOAD_DUE_SOON,
                                              SCC_CASELOAD_ALL, flags | G_PARAM_WRITABLE);
  properties[PROP_STAGE] = g_param_spec_string ("stage", NULL, NULL, NULL, flags | G_PARAM_WRITABLE);
  properties[PROP_N_CASES] = g_param_spec_int ("n-cases", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_N_OVERDUE] = g_param_spec_int ("n-overdue", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_N_DUE_SOON] = g_param_spec_int ("n-due-soon", NULL, NULL, -1, G_MAXINT, -1, flags);
  /* Whose caseload: "me" (the default) or a user's id, for a team manager. */
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, "me", flags | G_PARAM_WRITABLE);
  /* The team's deadlines (GET /deadlines), every owner's, for a team manager. */
  properties[PROP_TEAM] = g_param_spec_boolean ("team", NULL, NULL, FALSE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* scc_caseload_vm_dup_counts_text, for a label */
  properties[PROP_COUNTS_TEXT] = g_param_spec_string ("counts-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_caseload_vm_init (SccCaseloadVm *self)
{
  for (Count count = 0; count < N_COUNTS; count++)
    self->counts[count] = -1;
  self->owner = g_strdup ("me");
}

SccCaseloadVm *
scc_caseload_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_CASELOAD_VM,
                       "api-client", api_client,
                       "item-type", SCC_TYPE_CASE_ROW,
                       NULL);
}

SccCaseloadVm *
scc_caseload_vm_new_team (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_CASELOAD_VM,
                       "api-client", api_client,
                       "item-type", SCC_TYPE_CASE_ROW,
                       "team", TRUE,
                       NULL);
}

gboolean
scc_caseload_vm_get_team (SccCaseloadVm *self)
{
  g_return_val_if_fail (SCC_IS_CASELOAD_VM (self), FALSE);
  return self->team;
}

SccCaseloadFilter
scc_caseload_vm_get_filter (SccCaseloadVm *self)
{
  g_return_val_if_fail (SCC_IS_CASELOAD_VM (self), SCC_CASELOAD_ALL);
  return self->filter;
}

void
scc_caseload_vm_set_filter (SccCaseloadVm     *self,
                            SccCaseloadFilter  filter)
{
  g_return_if_fail (SCC_IS_CASELOAD_VM (self));
  g_return_if_fail (filter <= SCC_CASELOAD_DUE_SOON);

  if (self->filter == filter)
    return;
  self->filter = filter;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  scc_list_vm_filter_changed (SCC_LIST_VM (self));
}

const char *
scc_caseload_vm_get_stage (SccCaseloadVm *self)
{
  g_return_val_if_fail (SCC_IS_CASELOAD_VM (self), NULL);
  return self->stage;
}

void
scc_caseload_vm_set_stage (SccCaseloadVm *self,
                           const char    *stage)
{
  g_return_if_fail (SCC_IS_CASELOAD_VM (self));

  if (g_strcmp0 (self->stage, stage) == 0)
    return;
  g_free (self->stage);
  self->stage = g_strdup (stage);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
  scc_list_vm_filter_changed (SCC_LIST_VM (self));
}

int
scc_caseload_vm_get_n_cases (SccCaseloadVm *self)
{
  g_return_val_if_fail (SCC_IS_CASELOAD_VM (self), -1);
  return self->counts[COUNT_CASES];
}

int
scc_caseload_vm_get_n_overdue (SccCaseloadVm *self)
{
  g_return_val_if_fail (SCC_IS_CASELOAD_VM (self), -1);
  return self->counts[COUNT_OVERDUE];
}

int
scc_caseload_vm_get_n_due_soon (SccCaseloadVm *self)
{
  g_return_val_if_fail (SCC_IS_CASELOAD_VM (self), -1);
  return self->counts[COUNT_DUE_SOON];
}

char *
scc_caseload_vm_dup_counts_text (SccCaseloadVm *self)
{
  g_return_val_if_fail (SCC_IS_CASELOAD_VM (self), NULL);

  for (Count count = 0; count < N_COUNTS; count++)
    if (self->counts[count] < 0)
      return g_strdup (_("Counting…"));
  return g_strdup_printf (_("%d cases · %d overdue · %d due in the next %d days"),
                          self->counts[COUNT_CASES], self->counts[COUNT_OVERDUE], self->counts[COUNT_DUE_SOON],
                          SCC_CASELOAD_DUE_SOON_DAYS);
}

char **
scc_caseload_dup_stage_titles (void)
{
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();

  g_strv_builder_add (titles, _("All Stages"));
  for (ScCaseStage stage = SC_CASE_STAGE_NONE + 1; stage < SC_N_CASE_STAGES; stage++)
    g_strv_builder_add (titles, sc_case_stage_get_title (stage));
  return g_strv_builder_end (titles);
}

const char *
scc_caseload_stage_at (guint position)
{
  ScCaseStage stage = SC_CASE_STAGE_NONE + position;

  return position > 0 && stage < SC_N_CASE_STAGES ? sc_case_stage_to_string (stage) : NULL;
}

const char *
scc_caseload_vm_get_owner (SccCaseloadVm *self)
{
  g_return_val_if_fail (SCC_IS_CASELOAD_VM (self), NULL);
  return self->owner;
}

void
scc_caseload_vm_set_owner (SccCaseloadVm *self,
                           const char    *owner)
{
  g_return_if_fail (SCC_IS_CASELOAD_VM (self));

  if (owner == NULL || owner[0] == '\0')
    owner = "me";
  if (g_strcmp0 (self->owner, owner) == 0)
    return;
  g_free (self->owner);
  self->owner = g_strdup (owner);
  /* Another person's counts: unknown until asked again. */
  if (self->count_cancellable != NULL)
    g_cancellable_cancel (self->count_cancellable);
  for (Count count = 0; count < N_COUNTS; count++)
    if (self->counts[count] != -1)
      {
        self->counts[count] = -1;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CASES + count]);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTS_TEXT]);
      }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
  scc_list_vm_filter_changed (SCC_LIST_VM (self));
}
