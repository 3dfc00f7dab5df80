/* sc-appeal.c
 *
 * ScAppeal: see sc-appeal.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-appeal"

#include "config.h"

#include <string.h>

#include "sc-appeal.h"
#include "sc-complaint.h"
#include "sc-json.h"
#include "sc-problem.h"

const char * const sc_appeal_types[] = {
  "refusal_to_assess", "refusal_to_issue", "plan_contents", "refusal_to_amend", "cease",
  "disability_discrimination", NULL
};
const char * const sc_appeal_outcomes[] = {
  "upheld", "partly_upheld", "dismissed", "withdrawn", "conceded", NULL
};
/* the orders of reg 44(2), as the clock names them */
const char * const sc_appeal_orders[] = {
  "assess", "reassess", "make_plan", "amend_provision", "amend_placement", "continue_plan", "cease_plan", NULL
};
const char * const sc_appeal_create_members[] = {
  "case_id", "reference", "appeal_type", "registered_on", "representatives", NULL
};
const char * const sc_appeal_change_members[] = {
  "response_sent_on", "evidence_due", "hearing_on", "representatives", "outcome", "decided_on", "orders", "notes",
  NULL
};
static const char * const order_members[] = { "order", "ordered_on", NULL };

static void
deadline_free (gpointer data)
{
  ScAppealDeadline *deadline = data;

  g_free (deadline->milestone);
  g_free (deadline->status);
  g_free (deadline);
}

ScAppealOrder *
sc_appeal_order_new (void)
{
  ScAppealOrder *order = g_new0 (ScAppealOrder, 1);

  order->ordered_on = SC_DAY_NONE;
  order->deadlines = g_ptr_array_new_with_free_func (deadline_free);
  return order;
}

void
sc_appeal_order_free (ScAppealOrder *order)
{
  if (order == NULL)
    return;
  g_free (order->order);
  g_free (order->key);
  g_ptr_array_unref (order->deadlines);
  g_free (order);
}

ScAppeal *
sc_appeal_new (void)
{
  ScAppeal *appeal = g_new0 (ScAppeal, 1);

  appeal->registered_on = SC_DAY_NONE;
  appeal->response_due = SC_DAY_NONE;
  appeal->response_sent_on = SC_DAY_NONE;
  appeal->evidence_due = SC_DAY_NONE;
  appeal->hearing_on = SC_DAY_NONE;
  appeal->decided_on = SC_DAY_NONE;
  appeal->next_due = SC_DAY_NONE;
  appeal->orders = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_appeal_order_free);
  return appeal;
}

void
sc_appeal_free (ScAppeal *appeal)
{
  if (appeal == NULL)
    return;
  g_free (appeal->reference);
  g_free (appeal->given_name);
  g_free (appeal->family_name);
  g_free (appeal->appeal_type);
  g_free (appeal->representatives);
  g_free (appeal->outcome);
  g_ptr_array_unref (appeal->orders);
  g_free (appeal->notes);
  g_free (appeal->status);
  g_free (appeal);
}

gboolean
sc_appeal_outcome_orders (const char *outcome)
{
  return g_strcmp0 (outcome, "upheld") == 0 || g_strcmp0 (outcome, "partly_upheld") == 0 ||
         g_strcmp0 (outcome, "conceded") == 0;
}

static ScAppealOrder *
order_at (const ScAppeal *appeal,
          guint           i)
{
  return i < appeal->orders->len ? g_ptr_array_index (appeal->orders, i) : NULL;
}

/* Each order's key: the reference and its place, "REFERENCE/N" */
static void
set_keys (ScAppeal *appeal)
{
  for (guint i = 0; i < appeal->orders->len; i++)
    {
      ScAppealOrder *order = order_at (appeal, i);

      g_free (order->key);
      order->key = g_strdup_printf ("%s/%u", appeal->reference, i + 1);
    }
}

static gboolean
deadline_is_open (const ScAppealDeadline *deadline)
{
  return g_strcmp0 (deadline->status, "pending") == 0 || g_strcmp0 (deadline->status, "overdue") == 0;
}

void
sc_appeal_compute (ScAppeal         *appeal,
                   const ScCalendar *calendar)
{
  gboolean open = appeal->outcome == NULL;
  ScDay next = SC_DAY_NONE;

  appeal->response_due = appeal->registered_on != SC_DAY_NONE
                         ? sc_calendar_add_tribunal_working_days (calendar, appeal->registered_on,
                                                                  SC_APPEAL_RESPONSE_DAYS)
                         : SC_DAY_NONE;
  if (appeal->response_sent_on == SC_DAY_NONE && appeal->outcome == NULL)
    next = appeal->response_due;
  set_keys (appeal);
  for (guint i = 0; i < appeal->orders->len; i++)
    {
      ScAppealOrder *order = order_at (appeal, i);

      for (guint d = 0; d < order->deadlines->len; d++)
        {
          const ScAppealDeadline *deadline = g_ptr_array_index (order->deadlines, d);

          if (!deadline_is_open (deadline))
            continue;
          open = TRUE;
          if (next == SC_DAY_NONE || deadline->due < next)
            next = deadline->due;
        }
    }
  g_free (appeal->status);
  appeal->status = g_strdup (open ? "open" : "closed");
  appeal->next_due = next;
}

/* --- JSON --- */

static void
write_orders (const ScAppeal *appeal,
              gboolean        computed,
              ScJsonWriter   *writer)
{
  sc_json_writer_begin_array (writer);
  for (guint i = 0; i < appeal->orders->len; i++)
    {
      const ScAppealOrder *order = order_at (appeal, i);

      sc_json_writer_begin_object (writer);
      sc_json_writer_member_string (writer, "order", order->order);
      sc_json_writer_member_day (writer, "ordered_on", order->ordered_on);
      if (computed)
        {
          sc_json_writer_member_string (writer, "key", order->key);
          sc_json_writer_member (writer, "deadlines");
          sc_json_writer_begin_array (writer);
          for (guint d = 0; d < order->deadlines->len; d++)
            {
              const ScAppealDeadline *deadline = g_ptr_array_index (order->deadlines, d);

              sc_json_writer_begin_object (writer);
              sc_json_writer_member_string (writer, "milestone", deadline->milestone);
              sc_json_writer_member_day (writer, "due", deadline->due);
              sc_json_writer_member_string (writer, "status", deadline->status);
              sc_json_writer_member_day (writer, "completed_on", deadline->completed_on);
              sc_json_writer_end_object (writer);
            }
          sc_json_writer_end_array (writer);
        }
      sc_json_writer_end_object (writer);
    }
  sc_json_writer_end_array (writer);
}

void
sc_appeal_write_json (const ScAppeal *appeal,
                      ScJsonWriter   *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", appeal->id);
  sc_json_writer_member_string (writer, "reference", appeal->reference);
  sc_json_writer_member_int (writer, "case_id", appeal->case_id);
  sc_json_writer_member_int (writer, "person_id", appeal->person_id);
  sc_json_writer_member_string (writer, "given_name", appeal->given_name);
  sc_json_writer_member_string (writer, "family_name", appeal->family_name);
  sc_json_writer_member_string (writer, "appeal_type", appeal->appeal_type);
  sc_json_writer_member_day (writer, "registered_on", appeal->registered_on);
  sc_json_writer_member_day (writer, "response_due", appeal->response_due);
  sc_json_writer_member_day (writer, "response_sent_on", appeal->response_sent_on);
  sc_json_writer_member_day (writer, "evidence_due", appeal->evidence_due);
  sc_json_writer_member_day (writer, "hearing_on", appeal->hearing_on);
  sc_json_writer_member_string (writer, "representatives", appeal->representatives);
  sc_json_writer_member_string (writer, "outcome", appeal->outcome);
  sc_json_writer_member_day (writer, "decided_on", appeal->decided_on);
  sc_json_writer_member (writer, "orders");
  write_orders (appeal, TRUE, writer);
  sc_json_writer_member_string (writer, "notes", appeal->notes);
  sc_json_writer_member_string (writer, "status", appeal->status);
  sc_json_writer_member_day (writer, "next_due", appeal->next_due);
  sc_json_writer_member_int (writer, "version", appeal->version);
  sc_json_writer_end_object (writer);
}

char *
sc_appeal_orders_to_json (const ScAppeal *appeal)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  write_orders (appeal, FALSE, &writer);
  return g_string_free (out, FALSE);
}

gboolean
sc_appeal_read_orders (JsonNode   *node,
                       GPtrArray  *orders,
                       GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *array;

  g_ptr_array_set_size (orders, 0);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) > SC_APPEAL_MAX_ORDERS)
    {
      sc_set_field_error (error, "orders", "must be a list of at most %d orders", SC_APPEAL_MAX_ORDERS);
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *prefix = g_strdup_printf ("orders[%u].", i);
      g_autofree char *field = g_strdup_printf ("orders[%u]", i);
      ScAppealOrder *order = sc_appeal_order_new ();
      JsonObject *object;

      g_ptr_array_add (orders, order);
      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          sc_set_field_error (&local_error, field, "must be an object with order and ordered_on");
          continue;
        }
      object = json_node_get_object (element);
      {
        g_autoptr(GList) names = json_object_get_members (object);

        for (GList *l = names; l != NULL; l = l->next)
          if (!g_strv_contains (order_members, l->data) && !g_str_equal (l->data, "key") &&
              !g_str_equal (l->data, "deadlines"))
            sc_set_field_error (&local_error, field, "has no member '%s'", (const char *) l->data);
      }
      if (sc_json_read_word (object, prefix, "order", sc_appeal_orders, &order->order, &local_error) &&
          order->order == NULL)
        {
          g_autofree char *what = g_strconcat (prefix, "order", NULL);

          sc_set_field_error (&local_error, what, "is needed: what the tribunal ordered");
        }
      if (!sc_json_read_day (object, "ordered_on", TRUE, &order->ordered_on, NULL) ||
          order->ordered_on == SC_DAY_NONE)
        {
          g_autofree char *what = g_strconcat (prefix, "ordered_on", NULL);

          sc_set_field_error (&local_error, what, "is needed: a date YYYY-MM-DD");
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* One of the clock's milestones, as the order's deadline */
static void
add_deadline (ScAppealOrder *order,
              JsonObject    *object)
{
  ScAppealDeadline *deadline = g_new0 (ScAppealDeadline, 1);
  const char *milestone = NULL, *status = NULL;

  sc_json_read_string (object, "milestone", TRUE, &milestone, NULL);
  sc_json_read_string (object, "status", TRUE, &status, NULL);
  deadline->milestone = g_strdup (milestone);
  deadline->status = g_strdup (status);
  deadline->due = SC_DAY_NONE;
  deadline->completed_on = SC_DAY_NONE;
  sc_json_read_day (object, "due", FALSE, &deadline->due, NULL);
  sc_json_read_day (object, "completed_on", FALSE, &deadline->completed_on, NULL);
  g_ptr_array_add (order->deadlines, deadline);
}

void
sc_appeal_take_deadlines (ScAppeal *appeal,
                          JsonNode *node)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *key = NULL;

      if (object == NULL || !sc_json_read_string (object, "key", TRUE, &key, NULL))
        continue;
      for (guint o = 0; o < appeal->orders->len; o++)
        if (g_strcmp0 (order_at (appeal, o)->key, key) == 0)
          add_deadline (order_at (appeal, o), object);
    }
}

ScAppeal *
sc_appeal_new_from_json (JsonNode  *node,
                         GError   **error)
{
  g_autoptr(ScAppeal) appeal = sc_appeal_new ();
  g_autoptr(GError) local_error = NULL;
  const char *reference = NULL, *type = NULL, *status = NULL;
  JsonObject *object;
  JsonArray *orders;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "appeal: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_int (object, "id", TRUE, &appeal->id, &local_error);
  sc_json_read_string (object, "reference", TRUE, &reference, &local_error);
  sc_json_read_int (object, "case_id", TRUE, &appeal->case_id, &local_error);
  sc_json_read_int (object, "person_id", FALSE, &appeal->person_id, &local_error);
  sc_json_read_text (object, "", "given_name", G_MAXINT, &appeal->given_name, &local_error);
  sc_json_read_text (object, "", "family_name", G_MAXINT, &appeal->family_name, &local_error);
  sc_json_read_string (object, "appeal_type", TRUE, &type, &local_error);
  sc_json_read_day (object, "registered_on", TRUE, &appeal->registered_on, &local_error);
  sc_json_read_day (object, "response_due", FALSE, &appeal->response_due, &local_error);
  sc_json_read_day (object, "response_sent_on", FALSE, &appeal->response_sent_on, &local_error);
  sc_json_read_day (object, "evidence_due", FALSE, &appeal->evidence_due, &local_error);
  sc_json_read_day (object, "hearing_on", FALSE, &appeal->hearing_on, &local_error);
  sc_json_read_text (object, "", "representatives", G_MAXINT, &appeal->representatives, &local_error);
  sc_json_read_text (object, "", "outcome", G_MAXINT, &appeal->outcome, &local_error);
  sc_json_read_day (object, "decided_on", FALSE, &appeal->decided_on, &local_error);
  sc_appeal_read_orders (json_object_get_member (object, "orders"), appeal->orders, &local_error);
  sc_json_read_text (object, "", "notes", G_MAXINT, &appeal->notes, &local_error);
  sc_json_read_string (object, "status", TRUE, &status, &local_error);
  sc_json_read_day (object, "next_due", FALSE, &appeal->next_due, &local_error);
  sc_json_read_int (object, "version", TRUE, &appeal->version, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "appeal: %s", local_error->message);
      return NULL;
    }
  /* the keys and deadlines as the server had them */
  orders = json_object_get_array_member (object, "orders");
  for (guint i = 0; i < appeal->orders->len; i++)
    {
      JsonObject *o = json_array_get_object_element (orders, i);
      ScAppealOrder *order = order_at (appeal, i);
      const char *key = NULL;

      sc_json_read_string (o, "key", FALSE, &key, NULL);
      order->key = g_strdup (key);
      if (json_object_has_member (o, "deadlines") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "deadlines")))
        {
          JsonArray *deadlines = json_object_get_array_member (o, "deadlines");

          for (guint d = 0; d < json_array_get_length (deadlines); d++)
            if (json_array_get_object_element (deadlines, d) != NULL)
              add_deadline (order, json_array_get_object_element (deadlines, d));
        }
    }
  appeal->reference = g_strdup (reference);
  appeal->appeal_type = g_strdup (type);
  appeal->status = g_strdup (status);
  return g_steal_pointer (&appeal);
}

/* --- the checks --- */

/* @day, if any, is on or after the registration and not after today */
static void
check_day (const ScAppeal *appeal,
           ScDay           day,
           gboolean        may_be_future,
           ScDay           today,
           const char     *field,
           GError        **error)
{
  if (day == SC_DAY_NONE)
    return;
  if (day < appeal->registered_on)
    sc_set_field_error (error, field, "is before the appeal was registered");
  else if (!may_be_future && day > today)
    sc_set_field_error (error, field, "is after today: record it on the day it happens");
}

ScAppeal *
sc_appeal_create_read (JsonObject  *body,
                       ScDay        today,
                       GError     **error)
{
  g_autoptr(ScAppeal) appeal = sc_appeal_new ();
  g_autoptr(GError) local_error = NULL;
  const char *reference = NULL;

  sc_json_check_members (body, sc_appeal_create_members, &local_error);
  if (!sc_json_read_int (body, "case_id", TRUE, &appeal->case_id, NULL) || appeal->case_id <= 0)
    sc_set_field_error (&local_error, "case_id", "is needed: the case the appeal is about");
  /* a tribunal reference is written as a complaint's is */
  if (!sc_json_read_string (body, "reference", TRUE, &reference, NULL) ||
      !sc_complaint_reference_is_valid (reference))
    sc_set_field_error (&local_error, "reference", "is needed: the tribunal's reference, 1 to %d letters, digits, "
                        "dots, slashes, dashes or underscores", SC_COMPLAINT_REFERENCE_MAX_CHARS);
  if (sc_json_read_word (body, "", "appeal_type", sc_appeal_types, &appeal->appeal_type, &local_error) &&
      appeal->appeal_type == NULL)
    sc_set_field_error (&local_error, "appeal_type", "is needed: what the family appeals against");
  if (!sc_json_read_day (body, "registered_on", TRUE, &appeal->registered_on, NULL) ||
      appeal->registered_on == SC_DAY_NONE)
    sc_set_field_error (&local_error, "registered_on", "is needed: a date YYYY-MM-DD");
  else if (appeal->registered_on > today)
    sc_set_field_error (&local_error, "registered_on", "is after today: record it on the day it happens");
  sc_json_read_text (body, "", "representatives", SC_APPEAL_NAME_MAX_CHARS, &appeal->representatives,
                     &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  appeal->reference = g_strdup (reference);
  return g_steal_pointer (&appeal);
}

static void
check_kept_day (ScDay        before,
                ScDay        after,
                const char  *field,
                GError     **error)
{
  if (before != SC_DAY_NONE && after != before)
    sc_set_field_error (error, field, "is recorded: it cannot be changed or removed");
}

static void
check_orders (const ScAppeal *current,
              const ScAppeal *after,
              ScDay           today,
              GError        **error)
{
  if (after->orders->len < current->orders->len)
    sc_set_field_error (error, "orders", "keeps every order recorded: an order cannot be removed");
  for (guint i = 0; i < after->orders->len; i++)
    {
      const ScAppealOrder *was = order_at (current, i);
      const ScAppealOrder *order = order_at (after, i);
      g_autofree char *field = g_strdup_printf ("orders[%u]", i);
      g_autofree char *on = g_strdup_printf ("orders[%u].ordered_on", i);

      if (was != NULL)
        {
          if (g_strcmp0 (was->order, order->order) != 0 || was->ordered_on != order->ordered_on)
            sc_set_field_error (error, field, "is recorded: an order cannot be changed");
          continue;
        }
      if (!sc_appeal_outcome_orders (after->outcome) &&
          !(g_strcmp0 (after->outcome, "dismissed") == 0 &&
            (g_strcmp0 (order->order, "continue_plan") == 0 || g_strcmp0 (order->order, "cease_plan") == 0)))
        sc_set_field_error (error, field, "follows an outcome that orders the authority to act "
                            "(upheld, partly upheld or conceded; after a dismissal, only that the plan "
                            "continues or ceases): record the outcome first");
      else if (order->ordered_on < after->decided_on)
        sc_set_field_error (error, on, "is before the decision");
      check_day (after, order->ordered_on, FALSE, today, on, error);
    }
}

ScAppeal *
sc_appeal_change_read (const ScAppeal *current,
                       JsonObject     *body,
                       ScDay           today,
                       GError        **error)
{
  g_autoptr(ScAppeal) after = sc_appeal_new ();
  g_autoptr(GError) local_error = NULL;

  sc_json_check_every_member (body, sc_appeal_change_members, &local_error);
  after->id = current->id;
  after->reference = g_strdup (current->reference);
  after->case_id = current->case_id;
  after->person_id = current->person_id;
  after->given_name = g_strdup (current->given_name);
  after->family_name = g_strdup (current->family_name);
  after->appeal_type = g_strdup (current->appeal_type);
  after->registered_on = current->registered_on;
  after->version = current->version;
  if (!sc_json_read_day (body, "response_sent_on", FALSE, &after->response_sent_on, NULL))
    sc_set_field_error (&local_error, "response_sent_on", "must be a date YYYY-MM-DD or null");
  if (!sc_json_read_day (body, "evidence_due", FALSE, &after->evidence_due, NULL))
    sc_set_field_error (&local_error, "evidence_due", "must be a date YYYY-MM-DD or null");
  if (!sc_json_read_day (body, "hearing_on", FALSE, &after->hearing_on, NULL))
    sc_set_field_error (&local_error, "hearing_on", "must be a date YYYY-MM-DD or null");
  if (!sc_json_read_day (body, "decided_on", FALSE, &after->decided_on, NULL))
    sc_set_field_error (&local_error, "decided_on", "must be a date YYYY-MM-DD or null");
  sc_json_read_text (body, "", "representatives", SC_APPEAL_NAME_MAX_CHARS, &after->representatives, &local_error);
  sc_json_read_word (body, "", "outcome", sc_appeal_outcomes, &after->outcome, &local_error);
  sc_json_read_text (body, "", "notes", SC_APPEAL_TEXT_MAX_CHARS, &after->notes, &local_error);
  if (json_object_has_member (body, "orders"))
    sc_appeal_read_orders (json_object_get_member (body, "orders"), after->orders, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  check_kept_day (current->response_sent_on, after->response_sent_on, "response_sent_on", &local_error);
  check_day (after, after->response_sent_on, FALSE, today, "response_sent_on", &local_error);
  check_day (after, after->evidence_due, TRUE, today, "evidence_due", &local_error);
  check_day (after, after->hearing_on, TRUE, today, "hearing_on", &local_error);
  if (current->outcome != NULL && g_strcmp0 (current->outcome, after->outcome) != 0)
    sc_set_field_error (&local_error, "outcome", "is recorded: it cannot be changed or removed");
  check_kept_day (current->decided_on, after->decided_on, "decided_on", &local_error);
  if ((after->outcome == NULL) != (after->decided_on == SC_DAY_NONE))
    sc_set_field_error (&local_error, after->outcome == NULL ? "outcome" : "decided_on",
                        "is recorded with %s: give both", after->outcome == NULL ? "decided_on" : "the outcome");
  check_day (after, after->decided_on, FALSE, today, "decided_on", &local_error);
  check_orders (current, after, today, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  set_keys (after);
  return g_steal_pointer (&after);
}

char *
sc_appeal_change_to_json (const ScAppeal *appeal)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member_day (&writer, "response_sent_on", appeal->response_sent_on);
  sc_json_writer_member_day (&writer, "evidence_due", appeal->evidence_due);
  sc_json_writer_member_day (&writer, "hearing_on", appeal->hearing_on);
  sc_json_writer_member_string (&writer, "representatives", appeal->representatives);
  sc_json_writer_member_string (&writer, "outcome", appeal->outcome);
  sc_json_writer_member_day (&writer, "decided_on", appeal->decided_on);
  sc_json_writer_member (&writer, "orders");
  write_orders (appeal, FALSE, &writer);
  sc_json_writer_member_string (&writer, "notes", appeal->notes);
  sc_json_writer_end_object (&writer);
  return g_string_free (out, FALSE);
}

static ScTribunalOrder
order_from_string (const char *name)
{
  for (int o = SC_ORDER_ASSESS; o <= SC_ORDER_CEASE_PLAN; o++)
    if (g_strcmp0 (sc_tribunal_order_to_string ((ScTribunalOrder) o), name) == 0)
      return (ScTribunalOrder) o;
  return SC_ORDER_NONE;
}

void
sc_appeal_new_events (const ScAppeal *before,
                      const ScAppeal *after,
                      GArray         *events)
{
  ScClockEvent event = { 0 };

  if (before == NULL)
    {
      event.type = SC_EVENT_APPEAL_REGISTERED;
      event.date = after->registered_on;
      event.key = after->reference;
      g_array_append_val (events, event);
    }
  if (after->response_sent_on != SC_DAY_NONE && (before == NULL || before->response_sent_on == SC_DAY_NONE))
    {
      memset (&event, 0, sizeof event);
      event.type = SC_EVENT_APPEAL_RESPONSE_SENT;
      event.date = after->response_sent_on;
      event.key = after->reference;
      g_array_append_val (events, event);
    }
  if (after->decided_on != SC_DAY_NONE && (before == NULL || before->decided_on == SC_DAY_NONE))
    {
      memset (&event, 0, sizeof event);
      event.type = SC_EVENT_APPEAL_DECIDED;
      event.date = after->decided_on;
      event.key = after->reference;
      g_array_append_val (events, event);
    }
  for (guint i = before != NULL ? before->orders->len : 0; i < after->orders->len; i++)
    {
      const ScAppealOrder *order = order_at (after, i);

      memset (&event, 0, sizeof event);
      event.type = SC_EVENT_TRIBUNAL_ORDER;
      event.date = order->ordered_on;
      event.key = order->key;
      event.order = order_from_string (order->order);
      g_array_append_val (events, event);
    }
}
