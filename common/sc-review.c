/* sc-review.c
 *
 * ScReview, its warnings, its JSON codec and the check of its change
 * (sc-review.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-error.h"
#include "sc-json.h"
#include "sc-problem.h"
#include "sc-review.h"

const char * const sc_review_change_members[] = {
  "invitations_sent", "meeting_planned", "attendees", "reasons", NULL
};

ScReview *
sc_review_new (void)
{
  ScReview *review = g_new0 (ScReview, 1);

  review->attendees = g_new0 (char *, 1);
  return review;
}

void
sc_review_free (ScReview *review)
{
  if (review == NULL)
    return;
  g_free (review->given_name);
  g_free (review->family_name);
  g_clear_pointer (&review->owner, sc_case_user_free);
  g_free (review->status);
  g_strfreev (review->attendees);
  g_free (review->outcome);
  g_free (review->reasons);
  g_free (review);
}

GPtrArray *
sc_review_dup_warnings (const ScReview *review)
{
  GPtrArray *warnings = sc_warnings_new ();
  ScDay meeting;

  g_return_val_if_fail (review != NULL, warnings);

  meeting = review->meeting_on != SC_DAY_NONE ? review->meeting_on : review->meeting_planned;
  if (review->invitations_sent != SC_DAY_NONE && meeting != SC_DAY_NONE)
    {
      /* ScDay is unsigned: invitations after the meeting are a negative notice */
      gint64 notice = (gint64) meeting - (gint64) review->invitations_sent;

      if (notice < 0)
        sc_warnings_add (warnings, "invitations_late",
                         "the invitations went out %d days after the meeting: they must go at least two weeks "
                         "before it (SEND Regulations 2014, reg 20)", (int) -notice);
      else if (notice < SC_REVIEW_NOTICE_DAYS)
        sc_warnings_add (warnings, "invitations_late",
                         "the invitations went out %d days before the meeting: they must go at least two weeks "
                         "before it (SEND Regulations 2014, reg 20)", (int) notice);
    }
  if (review->meeting_on != SC_DAY_NONE && review->invitations_sent == SC_DAY_NONE)
    sc_warnings_add (warnings, "invitations_unrecorded",
                     "the meeting was held but when its invitations went out is not recorded");
  if (review->meeting_on != SC_DAY_NONE && review->attendees[0] == NULL)
    sc_warnings_add (warnings, "attendees_unrecorded", "who attended the meeting is not recorded");
  if (review->decided_on != SC_DAY_NONE && (review->reasons == NULL || review->reasons[0] == '\0'))
    sc_warnings_add (warnings, "reasons_unrecorded",
                     "the decision is recorded without its reasons, which the family must be given");
  return warnings;
}

void
sc_review_write_json (const ScReview *review,
                      ScJsonWriter   *writer)
{
  g_autoptr(GPtrArray) warnings = NULL;

  g_return_if_fail (review != NULL && review->owner != NULL);

  warnings = sc_review_dup_warnings (review);
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", review->id);
  sc_json_writer_member_int (writer, "number", review->number);
  sc_json_writer_member_int (writer, "case_id", review->case_id);
  sc_json_writer_member (writer, "person");
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", review->person_id);
  sc_json_writer_member_string (writer, "given_name", review->given_name);
  sc_json_writer_member_string (writer, "family_name", review->family_name);
  sc_json_writer_end_object (writer);
  sc_json_writer_member (writer, "owner");
  sc_case_user_write_json (review->owner, writer);
  sc_json_writer_member_day (writer, "started_on", review->started_on);
  sc_json_writer_member_day (writer, "due", review->due);
  sc_json_writer_member_string (writer, "status", review->status);
  sc_json_writer_member_day (writer, "invitations_sent", review->invitations_sent);
  sc_json_writer_member_day (writer, "meeting_planned", review->meeting_planned);
  sc_json_writer_member_day (writer, "meeting_on", review->meeting_on);
  sc_json_writer_member (writer, "attendees");
  sc_json_writer_begin_array (writer);
  for (guint i = 0; review->attendees[i] != NULL; i++)
    sc_json_writer_string (writer, review->attendees[i]);
  sc_json_writer_end_array (writer);
  sc_json_writer_member_day (writer, "report_due", review->report_due);
  sc_json_writer_member_day (writer, "report_received_on", review->report_received_on);
  sc_json_writer_member_day (writer, "decision_due", review->decision_due);
  sc_json_writer_member_day (writer, "decided_on", review->decided_on);
  sc_json_writer_member_string (writer, "outcome", review->outcome);
  sc_json_writer_member_string (writer, "reasons", review->reasons);
  sc_json_writer_member_int (writer, "version", review->version);
  sc_warnings_write_json (warnings, "warnings", writer);
  sc_json_writer_end_object (writer);
}

/* A list of strings; NULL (with a field error) when it is not one */
static GStrv
read_strings (JsonObject  *object,
              const char  *member,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_new0 (char *, 1);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      sc_set_field_error (error, member, "must be a list of names");
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          sc_set_field_error (error, member, "must be a list of names");
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (item));
    }
  return g_strv_builder_end (builder);
}

ScReview *
sc_review_new_from_json (JsonNode  *node,
                         GError   **error)
{
  g_autoptr(ScReview) review = sc_review_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode *person;
  const char *given = NULL, *family = NULL, *status = NULL, *outcome = NULL, *reasons = NULL;
  gint64 number = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "review: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_int (object, "id", TRUE, &review->id, &local_error);
  sc_json_read_int (object, "number", TRUE, &number, &local_error);
  sc_json_read_int (object, "case_id", TRUE, &review->case_id, &local_error);
  person = json_object_get_member (object, "person");
  if (person == NULL || !JSON_NODE_HOLDS_OBJECT (person))
    sc_set_field_error (&local_error, "person", "must be an object");
  else
    {
      JsonObject *p = json_node_get_object (person);

      sc_json_read_int (p, "id", TRUE, &review->person_id, &local_error);
      sc_json_read_string (p, "given_name", TRUE, &given, &local_error);
      sc_json_read_string (p, "family_name", TRUE, &family, &local_error);
    }
  review->owner = sc_case_user_read (object, "owner", TRUE, &local_error);
  sc_json_read_day (object, "started_on", TRUE, &review->started_on, &local_error);
  sc_json_read_day (object, "due", TRUE, &review->due, &local_error);
  sc_json_read_string (object, "status", TRUE, &status, &local_error);
  sc_json_read_day (object, "invitations_sent", FALSE, &review->invitations_sent, &local_error);
  sc_json_read_day (object, "meeting_planned", FALSE, &review->meeting_planned, &local_error);
  sc_json_read_day (object, "meeting_on", FALSE, &review->meeting_on, &local_error);
  sc_json_read_day (object, "report_due", FALSE, &review->report_due, &local_error);
  sc_json_read_day (object, "report_received_on", FALSE, &review->report_received_on, &local_error);
  sc_json_read_day (object, "decision_due", FALSE, &review->decision_due, &local_error);
  sc_json_read_day (object, "decided_on", FALSE, &review->decided_on, &local_error);
  sc_json_read_string (object, "outcome", FALSE, &outcome, &local_error);
  sc_json_read_string (object, "reasons", FALSE, &reasons, &local_error);
  sc_json_read_int (object, "version", TRUE, &review->version, &local_error);
  g_strfreev (review->attendees);
  review->attendees = read_strings (object, "attendees", &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "review: %s", local_error->message);
      return NULL;
    }
  review->number = (int) number;
  review->given_name = g_strdup (given);
  review->family_name = g_strdup (family);
  review->status = g_strdup (status);
  review->outcome = g_strdup (outcome);
  review->reasons = g_strdup (reasons);
  return g_steal_pointer (&review);
}

gboolean
sc_review_change_read (JsonObject      *body,
                       ScReviewChange  *change,
                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *reasons = NULL;

  g_return_val_if_fail (body != NULL && change != NULL, FALSE);

  memset (change, 0, sizeof *change);
  sc_json_check_members (body, sc_review_change_members, &local_error);
  for (guint i = 0; sc_review_change_members[i] != NULL; i++)
    if (!json_object_has_member (body, sc_review_change_members[i]))
      sc_set_field_error (&local_error, sc_review_change_members[i],
                          "is needed: a change of a review names all four of its members (null for none)");
  sc_json_read_day (body, "invitations_sent", FALSE, &change->invitations_sent, &local_error);
  sc_json_read_day (body, "meeting_planned", FALSE, &change->meeting_planned, &local_error);
  if (change->invitations_sent != SC_DAY_NONE && change->meeting_planned != SC_DAY_NONE &&
      change->invitations_sent > change->meeting_planned)
    sc_set_field_error (&local_error, "invitations_sent", "must be on or before the meeting's planned date");
  change->attendees = read_strings (body, "attendees", &local_error);
  if (change->attendees != NULL)
    {
      if (g_strv_length (change->attendees) > SC_REVIEW_ATTENDEES_MAX)
        sc_set_field_error (&local_error, "attendees", "must list at most %d people", SC_REVIEW_ATTENDEES_MAX);
      for (guint i = 0; change->attendees[i] != NULL; i++)
        {
          g_strstrip (change->attendees[i]);
          if (change->attendees[i][0] == '\0' || g_utf8_strlen (change->attendees[i], -1) > SC_REVIEW_ATTENDEE_MAX_CHARS)
            {
              g_autofree char *field = g_strdup_printf ("attendees[%u]", i);

              sc_set_field_error (&local_error, field, "must be a name (and role) of 1 to %d characters",
                                  SC_REVIEW_ATTENDEE_MAX_CHARS);
            }
        }
    }
  if (sc_json_read_string (body, "reasons", FALSE, &reasons, &local_error) && reasons != NULL &&
      g_utf8_strlen (reasons, -1) > SC_REVIEW_REASONS_MAX_CHARS)
    sc_set_field_error (&local_error, "reasons", "must be at most %d characters", SC_REVIEW_REASONS_MAX_CHARS);
  change->reasons = reasons != NULL && reasons[0] != '\0' ? reasons : NULL;
  if (local_error != NULL)
    {
      sc_review_change_clear (change);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

void
sc_review_change_clear (ScReviewChange *change)
{
  g_clear_pointer (&change->attendees, g_strfreev);
}

char *
sc_review_change_to_json (const ScReviewChange *change)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member_day (&writer, "invitations_sent", change->invitations_sent);
  sc_json_writer_member_day (&writer, "meeting_planned", change->meeting_planned);
  sc_json_writer_member (&writer, "attendees");
  sc_json_writer_begin_array (&writer);
  for (guint i = 0; change->attendees != NULL && change->attendees[i] != NULL; i++)
    sc_json_writer_string (&writer, change->attendees[i]);
  sc_json_writer_end_array (&writer);
  sc_json_writer_member_string (&writer, "reasons", change->reasons);
  sc_json_writer_end_object (&writer);
  return g_string_free (out, FALSE);
}
