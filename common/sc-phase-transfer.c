/* sc-phase-transfer.c
 *
 * ScPhaseTransfer and its JSON codec (sc-phase-transfer.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-error.h"
#include "sc-json.h"
#include "sc-phase-transfer.h"
#include "sc-problem.h"

int
sc_phase_transfer_year_for (ScDay today)
{
  int year, month, day;

  sc_day_to_ymd (today, &year, &month, &day);
  return month >= 9 ? year + 1 : year;
}

ScPhaseTransfer *
sc_phase_transfer_new (void)
{
  return g_new0 (ScPhaseTransfer, 1);
}

void
sc_phase_transfer_free (ScPhaseTransfer *transfer)
{
  if (transfer == NULL)
    return;
  g_free (transfer->given_name);
  g_free (transfer->family_name);
  g_clear_pointer (&transfer->owner, sc_case_user_free);
  g_free (transfer->move);
  g_free (transfer->route);
  g_free (transfer->status);
  g_free (transfer);
}

void
sc_phase_transfer_write_json (const ScPhaseTransfer *transfer,
                              ScJsonWriter          *writer)
{
  g_return_if_fail (transfer != NULL && transfer->owner != NULL);

  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "case_id", transfer->case_id);
  sc_json_writer_member (writer, "person");
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", transfer->person_id);
  sc_json_writer_member_string (writer, "given_name", transfer->given_name);
  sc_json_writer_member_string (writer, "family_name", transfer->family_name);
  sc_json_writer_end_object (writer);
  sc_json_writer_member (writer, "owner");
  sc_case_user_write_json (transfer->owner, writer);
  sc_json_writer_member_day (writer, "date_of_birth", transfer->date_of_birth);
  sc_json_writer_member_string (writer, "move", transfer->move);
  sc_json_writer_member_string (writer, "route", transfer->route);
  sc_json_writer_member_int (writer, "transfer_year", transfer->transfer_year);
  sc_json_writer_member_day (writer, "due", transfer->due);
  sc_json_writer_member_boolean (writer, "recorded", transfer->recorded);
  if (transfer->status != NULL)
    sc_json_writer_member_string (writer, "status", transfer->status);
  else
    sc_json_writer_member_null (writer, "status");
  sc_json_writer_member_day (writer, "amended_on", transfer->amended_on);
  sc_json_writer_end_object (writer);
}

ScPhaseTransfer *
sc_phase_transfer_new_from_json (JsonNode  *node,
                                 GError   **error)
{
  g_autoptr(ScPhaseTransfer) transfer = sc_phase_transfer_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode *person;
  const char *given = NULL, *family = NULL, *move = NULL, *route = NULL, *status = NULL;
  gint64 year = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "phase transfer: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_int (object, "case_id", TRUE, &transfer->case_id, &local_error);
  person = json_object_get_member (object, "person");
  if (person == NULL || !JSON_NODE_HOLDS_OBJECT (person))
    sc_set_field_error (&local_error, "person", "must be an object");
  else
    {
      JsonObject *p = json_node_get_object (person);

      sc_json_read_int (p, "id", TRUE, &transfer->person_id, &local_error);
      sc_json_read_string (p, "given_name", TRUE, &given, &local_error);
      sc_json_read_string (p, "family_name", TRUE, &family, &local_error);
    }
  transfer->owner = sc_case_user_read (object, "owner", TRUE, &local_error);
  sc_json_read_day (object, "date_of_birth", FALSE, &transfer->date_of_birth, &local_error);
  sc_json_read_string (object, "move", TRUE, &move, &local_error);
  sc_json_read_string (object, "route", TRUE, &route, &local_error);
  sc_json_read_int (object, "transfer_year", TRUE, &year, &local_error);
  sc_json_read_day (object, "due", TRUE, &transfer->due, &local_error);
  sc_json_read_boolean (object, "recorded", TRUE, &transfer->recorded, NULL, &local_error);
  sc_json_read_string (object, "status", FALSE, &status, &local_error);
  sc_json_read_day (object, "amended_on", FALSE, &transfer->amended_on, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "phase transfer: %s", local_error->message);
      return NULL;
    }
  transfer->transfer_year = (int) year;
  transfer->given_name = g_strdup (given);
  transfer->family_name = g_strdup (family);
  transfer->move = g_strdup (move);
  transfer->route = g_strdup (route);
  transfer->status = g_strdup (status);
  return g_steal_pointer (&transfer);
}
