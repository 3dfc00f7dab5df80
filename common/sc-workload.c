/* sc-workload.c
 *
 * ScWorkload and its JSON codec (sc-workload.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-error.h"
#include "sc-json.h"
#include "sc-problem.h"
#include "sc-workload.h"

ScWorkload *
sc_workload_new (ScCaseUser *owner,
                 guint       cases,
                 guint       overdue,
                 guint       due_this_week)
{
  ScWorkload *self = g_new0 (ScWorkload, 1);

  g_return_val_if_fail (owner != NULL, NULL);
  self->owner = owner;
  self->cases = cases;
  self->overdue = overdue;
  self->due_this_week = due_this_week;
  return self;
}

void
sc_workload_free (ScWorkload *workload)
{
  if (workload == NULL)
    return;
  g_clear_pointer (&workload->owner, sc_case_user_free);
  g_free (workload);
}

void
sc_workload_write_json (const ScWorkload *workload,
                        ScJsonWriter     *writer)
{
  g_return_if_fail (workload != NULL);

  sc_json_writer_begin_object (writer);
  sc_json_writer_member (writer, "owner");
  sc_case_user_write_json (workload->owner, writer);
  sc_json_writer_member_int (writer, "cases", workload->cases);
  sc_json_writer_member_int (writer, "overdue", workload->overdue);
  sc_json_writer_member_int (writer, "due_this_week", workload->due_this_week);
  sc_json_writer_end_object (writer);
}

static gboolean
read_count (JsonObject  *object,
            const char  *member,
            guint       *out,
            GError     **error)
{
  gint64 value = 0;

  if (!sc_json_read_int (object, member, TRUE, &value, error))
    return FALSE;
  if (value < 0 || value > G_MAXUINT)
    {
      sc_set_field_error (error, member, "must be a count");
      return FALSE;
    }
  *out = (guint) value;
  return TRUE;
}

ScWorkload *
sc_workload_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ScCaseUser) owner = NULL;
  JsonObject *object;
  guint cases = 0;
  guint overdue = 0;
  guint soon = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "workload: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  owner = sc_case_user_read (object, "owner", TRUE, &local_error);
  read_count (object, "cases", &cases, &local_error);
  read_count (object, "overdue", &overdue, &local_error);
  read_count (object, "due_this_week", &soon, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "workload: %s", local_error->message);
      return NULL;
    }
  return sc_workload_new (g_steal_pointer (&owner), cases, overdue, soon);
}
