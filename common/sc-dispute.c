/* sc-dispute.c
 *
 * ScDispute and ScDisputeCount: see sc-dispute.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-dispute"

#include "config.h"

#include "sc-csv.h"
#include "sc-dispute.h"
#include "sc-json.h"
#include "sc-person.h"
#include "sc-problem.h"

const char * const sc_dispute_kinds[] = { "complaint", "mediation", "appeal", NULL };
static const char * const statuses[] = { "open", "closed", NULL };

ScDispute *
sc_dispute_new (void)
{
  ScDispute *dispute = g_new0 (ScDispute, 1);

  dispute->next_due = SC_DAY_NONE;
  return dispute;
}

void
sc_dispute_free (ScDispute *dispute)
{
  if (dispute == NULL)
    return;
  g_free (dispute->kind);
  g_free (dispute->reference);
  g_free (dispute->status);
  g_free (dispute->given_name);
  g_free (dispute->family_name);
  g_free (dispute);
}

void
sc_dispute_write_json (const ScDispute *dispute,
                       ScJsonWriter    *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_string (writer, "kind", dispute->kind);
  sc_json_writer_member_int (writer, "id", dispute->id);
  if (dispute->case_id > 0)
    sc_json_writer_member_int (writer, "case_id", dispute->case_id);
  else
    sc_json_writer_member_null (writer, "case_id");
  sc_json_writer_member_string (writer, "reference", dispute->reference);
  sc_json_writer_member_string (writer, "status", dispute->status);
  sc_json_writer_member_string (writer, "given_name", dispute->given_name);
  sc_json_writer_member_string (writer, "family_name", dispute->family_name);
  sc_json_writer_member_day (writer, "next_due", dispute->next_due);
  sc_json_writer_end_object (writer);
}

ScDispute *
sc_dispute_new_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(ScDispute) dispute = sc_dispute_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "dispute: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_word (object, "", "kind", sc_dispute_kinds, &dispute->kind, &local_error);
  sc_json_read_int (object, "id", TRUE, &dispute->id, &local_error);
  sc_json_read_int (object, "case_id", FALSE, &dispute->case_id, &local_error);
  sc_json_read_text (object, "", "reference", G_MAXINT, &dispute->reference, &local_error);
  sc_json_read_word (object, "", "status", statuses, &dispute->status, &local_error);
  sc_json_read_text (object, "", "given_name", G_MAXINT, &dispute->given_name, &local_error);
  sc_json_read_text (object, "", "family_name", G_MAXINT, &dispute->family_name, &local_error);
  sc_json_read_day (object, "next_due", FALSE, &dispute->next_due, &local_error);
  if (local_error == NULL && dispute->kind == NULL)
    sc_set_field_error (&local_error, "kind", "is needed");
  if (local_error == NULL && dispute->status == NULL)
    sc_set_field_error (&local_error, "status", "is needed");
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "dispute: %s", local_error->message);
      return NULL;
    }
  return g_steal_pointer (&dispute);
}

void
sc_dispute_append_csv_header (GString *out)
{
  g_string_append (out, "kind,id,case,child,reference,status,next_due\r\n");
}

void
sc_dispute_append_csv (const ScDispute *dispute,
                       GString         *out)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, dispute->id);
  g_autofree char *case_id = dispute->case_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, dispute->case_id) : NULL;
  g_autofree char *child = dispute->case_id > 0 ? sc_person_join_names (dispute->given_name, dispute->family_name)
                                                : NULL;
  char day[SC_DAY_STRING_SIZE];

  sc_csv_append_field (out, dispute->kind, FALSE);
  sc_csv_append_field (out, id, FALSE);
  sc_csv_append_field (out, case_id, FALSE);
  sc_csv_append_field (out, child, FALSE);
  sc_csv_append_field (out, dispute->reference, FALSE);
  sc_csv_append_field (out, dispute->status, FALSE);
  sc_csv_append_field (out, dispute->next_due != SC_DAY_NONE ? sc_day_format (dispute->next_due, day) : NULL, TRUE);
}

ScDisputeCount *
sc_dispute_count_new (const char *kind,
                      const char *measure,
                      gint64      count)
{
  ScDisputeCount *self = g_new0 (ScDisputeCount, 1);

  self->kind = g_strdup (kind);
  self->measure = g_strdup (measure);
  self->count = count;
  return self;
}

void
sc_dispute_count_free (ScDisputeCount *count)
{
  if (count == NULL)
    return;
  g_free (count->kind);
  g_free (count->measure);
  g_free (count);
}

void
sc_dispute_count_write_json (const ScDisputeCount *count,
                             ScJsonWriter         *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_string (writer, "kind", count->kind);
  sc_json_writer_member_string (writer, "measure", count->measure);
  sc_json_writer_member_int (writer, "count", count->count);
  sc_json_writer_end_object (writer);
}

ScDisputeCount *
sc_dispute_count_new_from_json (JsonNode  *node,
                                GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *kind = NULL, *measure = NULL;
  gint64 count = 0;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "dispute count: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_string (object, "kind", TRUE, &kind, &local_error);
  sc_json_read_string (object, "measure", TRUE, &measure, &local_error);
  sc_json_read_int (object, "count", TRUE, &count, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "dispute count: %s", local_error->message);
      return NULL;
    }
  return sc_dispute_count_new (kind, measure, count);
}

void
sc_dispute_counts_append_csv (GPtrArray *counts,
                              int        year,
                              GString   *out)
{
  g_autofree char *y = g_strdup_printf ("%d", year);

  g_string_append (out, "year,kind,measure,count\r\n");
  for (guint i = 0; i < counts->len; i++)
    {
      const ScDisputeCount *count = g_ptr_array_index (counts, i);
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, count->count);

      sc_csv_append_field (out, y, FALSE);
      sc_csv_append_field (out, count->kind, FALSE);
      sc_csv_append_field (out, count->measure, FALSE);
      sc_csv_append_field (out, n, TRUE);
    }
}
