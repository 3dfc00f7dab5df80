/* sc-advice-request.c
 *
 * ScAdviceRequest and its JSON codec (sc-advice-request.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-advice-request.h"
#include "sc-error.h"
#include "sc-json.h"
#include "sc-problem.h"

ScAdviceRequest *
sc_advice_request_new (void)
{
  return g_new0 (ScAdviceRequest, 1);
}

void
sc_advice_request_free (ScAdviceRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->given_name);
  g_free (request->family_name);
  g_clear_pointer (&request->owner, sc_case_user_free);
  g_free (request->adviser);
  g_free (request);
}

void
sc_advice_request_write_json (const ScAdviceRequest *request,
                              ScJsonWriter          *writer)
{
  g_return_if_fail (request != NULL && request->owner != NULL);

  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "case_id", request->case_id);
  sc_json_writer_member (writer, "person");
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", request->person_id);
  sc_json_writer_member_string (writer, "given_name", request->given_name);
  sc_json_writer_member_string (writer, "family_name", request->family_name);
  sc_json_writer_end_object (writer);
  sc_json_writer_member (writer, "owner");
  sc_case_user_write_json (request->owner, writer);
  sc_json_writer_member_string (writer, "adviser", request->adviser);
  sc_json_writer_member_day (writer, "requested_on", request->requested_on);
  sc_json_writer_member_day (writer, "due", request->due);
  sc_json_writer_end_object (writer);
}

ScAdviceRequest *
sc_advice_request_new_from_json (JsonNode  *node,
                                 GError   **error)
{
  g_autoptr(ScAdviceRequest) request = sc_advice_request_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode *person;
  const char *given = NULL;
  const char *family = NULL;
  const char *adviser = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "advice request: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_int (object, "case_id", TRUE, &request->case_id, &local_error);
  person = json_object_get_member (object, "person");
  if (person == NULL || !JSON_NODE_HOLDS_OBJECT (person))
    sc_set_field_error (&local_error, "person", "must be an object");
  else
    {
      JsonObject *p = json_node_get_object (person);

      sc_json_read_int (p, "id", TRUE, &request->person_id, &local_error);
      sc_json_read_string (p, "given_name", TRUE, &given, &local_error);
      sc_json_read_string (p, "family_name", TRUE, &family, &local_error);
    }
  request->owner = sc_case_user_read (object, "owner", TRUE, &local_error);
  sc_json_read_string (object, "adviser", TRUE, &adviser, &local_error);
  sc_json_read_day (object, "requested_on", TRUE, &request->requested_on, &local_error);
  sc_json_read_day (object, "due", TRUE, &request->due, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "advice request: %s", local_error->message);
      return NULL;
    }
  request->given_name = g_strdup (given);
  request->family_name = g_strdup (family);
  request->adviser = g_strdup (adviser);
  return g_steal_pointer (&request);
}
