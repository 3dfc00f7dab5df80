/* sc-mediation.c
 *
 * ScMediation: see sc-mediation.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-mediation"

#include "config.h"

#include "sc-clock.h"
#include "sc-json.h"
#include "sc-mediation.h"
#include "sc-problem.h"

const char * const sc_mediation_outcomes[] = { "agreed", "partly_agreed", "not_agreed", NULL };
const char * const sc_mediation_create_members[] = {
  "case_id", "advice_requested_on", "provider", "notes", NULL
};
const char * const sc_mediation_change_members[] = {
  "advice_given_on", "mediation_requested_on", "provider", "held_on", "certificate_issued_on", "outcome",
  "agreements", "notes", NULL
};
static const char * const agreement_members[] = { "what", "due_on", "done_on", NULL };

static void
agreement_free (gpointer data)
{
  ScMediationAgreement *agreement = data;

  g_free (agreement->what);
  g_free (agreement);
}

ScMediationAgreement *
sc_mediation_agreement_new (void)
{
  ScMediationAgreement *agreement = g_new0 (ScMediationAgreement, 1);

  agreement->due_on = SC_DAY_NONE;
  agreement->done_on = SC_DAY_NONE;
  return agreement;
}

ScMediation *
sc_mediation_new (void)
{
  ScMediation *mediation = g_new0 (ScMediation, 1);

  mediation->advice_requested_on = SC_DAY_NONE;
  mediation->advice_given_on = SC_DAY_NONE;
  mediation->mediation_requested_on = SC_DAY_NONE;
  mediation->mediation_due = SC_DAY_NONE;
  mediation->held_on = SC_DAY_NONE;
  mediation->certificate_due = SC_DAY_NONE;
  mediation->certificate_issued_on = SC_DAY_NONE;
  mediation->next_due = SC_DAY_NONE;
  mediation->agreements = g_ptr_array_new_with_free_func (agreement_free);
  return mediation;
}

void
sc_mediation_free (ScMediation *mediation)
{
  if (mediation == NULL)
    return;
  g_free (mediation->given_name);
  g_free (mediation->family_name);
  g_free (mediation->provider);
  g_free (mediation->outcome);
  g_ptr_array_unref (mediation->agreements);
  g_free (mediation->notes);
  g_free (mediation->status);
  g_free (mediation);
}

static ScMediationAgreement *
agreement_at (const ScMediation *mediation,
              guint              i)
{
  return i < mediation->agreements->len ? g_ptr_array_index (mediation->agreements, i) : NULL;
}

static ScDay
earlier (ScDay a,
         ScDay b)
{
  if (a == SC_DAY_NONE)
    return b;
  if (b == SC_DAY_NONE)
    return a;
  return MIN (a, b);
}

void
sc_mediation_compute (ScMediation      *mediation,
                      const ScCalendar *calendar)
{
  gboolean open = mediation->certificate_issued_on == SC_DAY_NONE;
  ScDay next = SC_DAY_NONE;

  mediation->mediation_due = mediation->mediation_requested_on != SC_DAY_NONE
                             ? mediation->mediation_requested_on + SC_MEDIATION_HELD_DAYS : SC_DAY_NONE;
  /* after the mediation; after the 30 days, when it was not held in them;
   * or after the advice, when the family did not ask for mediation */
  if (mediation->held_on != SC_DAY_NONE)
    mediation->certificate_due = sc_calendar_add_working_days (calendar, mediation->held_on,
                                                               SC_MEDIATION_CERTIFICATE_WORKING_DAYS);
  else if (mediation->mediation_requested_on != SC_DAY_NONE)
    mediation->certificate_due = sc_calendar_add_working_days (calendar, mediation->mediation_due,
                                                               SC_MEDIATION_CERTIFICATE_WORKING_DAYS);
  else if (mediation->advice_given_on != SC_DAY_NONE && mediation->mediation_requested_on == SC_DAY_NONE)
    mediation->certificate_due = sc_calendar_add_working_days (calendar, mediation->advice_given_on,
                                                               SC_MEDIATION_CERTIFICATE_WORKING_DAYS);
  else
    mediation->certificate_due = SC_DAY_NONE;
  if (mediation->certificate_issued_on == SC_DAY_NONE)
    {
      next = earlier (next, mediation->certificate_due);
      if (mediation->held_on == SC_DAY_NONE)
        next = earlier (next, mediation->mediation_due);
    }
  for (guint i = 0; i < mediation->agreements->len; i++)
    {
      const ScMediationAgreement *agreement = agreement_at (mediation, i);

      if (agreement->done_on == SC_DAY_NONE)
        {
          open = TRUE;
          next = earlier (next, agreement->due_on);
        }
    }
  g_free (mediation->status);
  mediation->status = g_strdup (open ? "open" : "closed");
  mediation->next_due = next;
}

/* --- JSON --- */

static void
write_agreements (const ScMediation *mediation,
                  ScJsonWriter      *writer)
{
  sc_json_writer_begin_array (writer);
  for (guint i = 0; i < mediation->agreements->len; i++)
    {
      const ScMediationAgreement *agreement = agreement_at (mediation, i);

      sc_json_writer_begin_object (writer);
      sc_json_writer_member_string (writer, "what", agreement->what);
      sc_json_writer_member_day (writer, "due_on", agreement->due_on);
      sc_json_writer_member_day (writer, "done_on", agreement->done_on);
      sc_json_writer_end_object (writer);
    }
  sc_json_writer_end_array (writer);
}

void
sc_mediation_write_json (const ScMediation *mediation,
                         ScJsonWriter      *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", mediation->id);
  sc_json_writer_member_int (writer, "case_id", mediation->case_id);
  sc_json_writer_member_int (writer, "person_id", mediation->person_id);
  sc_json_writer_member_string (writer, "given_name", mediation->given_name);
  sc_json_writer_member_string (writer, "family_name", mediation->family_name);
  sc_json_writer_member_day (writer, "advice_requested_on", mediation->advice_requested_on);
  sc_json_writer_member_day (writer, "advice_given_on", mediation->advice_given_on);
  sc_json_writer_member_day (writer, "mediation_requested_on", mediation->mediation_requested_on);
  sc_json_writer_member_day (writer, "mediation_due", mediation->mediation_due);
  sc_json_writer_member_string (writer, "provider", mediation->provider);
  sc_json_writer_member_day (writer, "held_on", mediation->held_on);
  sc_json_writer_member_day (writer, "certificate_due", mediation->certificate_due);
  sc_json_writer_member_day (writer, "certificate_issued_on", mediation->certificate_issued_on);
  sc_json_writer_member_string (writer, "outcome", mediation->outcome);
  sc_json_writer_member (writer, "agreements");
  write_agreements (mediation, writer);
  sc_json_writer_member_string (writer, "notes", mediation->notes);
  sc_json_writer_member_string (writer, "status", mediation->status);
  sc_json_writer_member_day (writer, "next_due", mediation->next_due);
  sc_json_writer_member_int (writer, "version", mediation->version);
  sc_json_writer_end_object (writer);
}

char *
sc_mediation_agreements_to_json (const ScMediation *mediation)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  write_agreements (mediation, &writer);
  return g_string_free (out, FALSE);
}

gboolean
sc_mediation_read_agreements (JsonNode   *node,
                              GPtrArray  *agreements,
                              GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *array;

  g_ptr_array_set_size (agreements, 0);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (json_node_get_array (node)) > SC_MEDIATION_MAX_AGREEMENTS)
    {
      sc_set_field_error (error, "agreements", "must be a list of at most %d agreements",
                          SC_MEDIATION_MAX_AGREEMENTS);
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *prefix = g_strdup_printf ("agreements[%u].", i);
      g_autofree char *field = g_strdup_printf ("agreements[%u]", i);
      ScMediationAgreement *agreement = sc_mediation_agreement_new ();
      JsonObject *object;

      g_ptr_array_add (agreements, agreement);
      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          sc_set_field_error (&local_error, field, "must be an object with what, due_on and done_on");
          continue;
        }
      object = json_node_get_object (element);
      sc_json_check_members (object, agreement_members, &local_error);
      if (sc_json_read_text (object, prefix, "what", SC_MEDIATION_TEXT_MAX_CHARS, &agreement->what, &local_error) &&
          agreement->what == NULL)
        {
          g_autofree char *what = g_strconcat (prefix, "what", NULL);

          sc_set_field_error (&local_error, what, "is needed: what was agreed");
        }
      if (!sc_json_read_day (object, "due_on", TRUE, &agreement->due_on, NULL) || agreement->due_on == SC_DAY_NONE)
        {
          g_autofree char *due = g_strconcat (prefix, "due_on", NULL);

          sc_set_field_error (&local_error, due, "is needed: a date YYYY-MM-DD");
        }
      if (!sc_json_read_day (object, "done_on", FALSE, &agreement->done_on, NULL))
        {
          g_autofree char *done = g_strconcat (prefix, "done_on", NULL);

          sc_set_field_error (&local_error, done, "must be a date YYYY-MM-DD or null");
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

ScMediation *
sc_mediation_new_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(ScMediation) mediation = sc_mediation_new ();
  g_autoptr(GError) local_error = NULL;
  const char *status = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "mediation: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_int (object, "id", TRUE, &mediation->id, &local_error);
  sc_json_read_int (object, "case_id", TRUE, &mediation->case_id, &local_error);
  sc_json_read_int (object, "person_id", FALSE, &mediation->person_id, &local_error);
  sc_json_read_text (object, "", "given_name", G_MAXINT, &mediation->given_name, &local_error);
  sc_json_read_text (object, "", "family_name", G_MAXINT, &mediation->family_name, &local_error);
  sc_json_read_day (object, "advice_requested_on", TRUE, &mediation->advice_requested_on, &local_error);
  sc_json_read_day (object, "advice_given_on", FALSE, &mediation->advice_given_on, &local_error);
  sc_json_read_day (object, "mediation_requested_on", FALSE, &mediation->mediation_requested_on, &local_error);
  sc_json_read_day (object, "mediation_due", FALSE, &mediation->mediation_due, &local_error);
  sc_json_read_text (object, "", "provider", G_MAXINT, &mediation->provider, &local_error);
  sc_json_read_day (object, "held_on", FALSE, &mediation->held_on, &local_error);
  sc_json_read_day (object, "certificate_due", FALSE, &mediation->certificate_due, &local_error);
  sc_json_read_day (object, "certificate_issued_on", FALSE, &mediation->certificate_issued_on, &local_error);
  sc_json_read_text (object, "", "outcome", G_MAXINT, &mediation->outcome, &local_error);
  sc_mediation_read_agreements (json_object_get_member (object, "agreements"), mediation->agreements, &local_error);
  sc_json_read_text (object, "", "notes", G_MAXINT, &mediation->notes, &local_error);
  sc_json_read_string (object, "status", TRUE, &status, &local_error);
  sc_json_read_day (object, "next_due", FALSE, &mediation->next_due, &local_error);
  sc_json_read_int (object, "version", TRUE, &mediation->version, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "mediation: %s", local_error->message);
      return NULL;
    }
  mediation->status = g_strdup (status);
  return g_steal_pointer (&mediation);
}

/* --- the checks --- */

static void
check_day (ScDay        day,
           ScDay        earliest,
           const char  *after_what,
           ScDay        today,
           const char  *field,
           GError     **error)
{
  if (day == SC_DAY_NONE)
    return;
  if (earliest != SC_DAY_NONE && day < earliest)
    sc_set_field_error (error, field, "is before %s", after_what);
  else if (day > today)
    sc_set_field_error (error, field, "is after today: record it on the day it happens");
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

ScMediation *
sc_mediation_create_read (JsonObject  *body,
                          ScDay        today,
                          GError     **error)
{
  g_autoptr(ScMediation) mediation = sc_mediation_new ();
  g_autoptr(GError) local_error = NULL;

  sc_json_check_members (body, sc_mediation_create_members, &local_error);
  if (!sc_json_read_int (body, "case_id", TRUE, &mediation->case_id, NULL) || mediation->case_id <= 0)
    sc_set_field_error (&local_error, "case_id", "is needed: the case the mediation is about");
  if (!sc_json_read_day (body, "advice_requested_on", TRUE, &mediation->advice_requested_on, NULL) ||
      mediation->advice_requested_on == SC_DAY_NONE)
    sc_set_field_error (&local_error, "advice_requested_on", "is needed: a date YYYY-MM-DD");
  else
    check_day (mediation->advice_requested_on, SC_DAY_NONE, NULL, today, "advice_requested_on", &local_error);
  sc_json_read_text (body, "", "provider", SC_MEDIATION_NAME_MAX_CHARS, &mediation->provider, &local_error);
  sc_json_read_text (body, "", "notes", SC_MEDIATION_TEXT_MAX_CHARS, &mediation->notes, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&mediation);
}

static void
read_day_member (JsonObject  *body,
                 const char  *member,
                 ScDay       *out,
                 GError     **error)
{
  if (!sc_json_read_day (body, member, FALSE, out, NULL))
    sc_set_field_error (error, member, "must be a date YYYY-MM-DD or null");
}

static void
check_agreements (const ScMediation *current,
                  const ScMediation *after,
                  ScDay              today,
                  GError           **error)
{
  if (after->agreements->len < current->agreements->len)
    sc_set_field_error (error, "agreements", "keeps every agreement recorded: one cannot be removed");
  for (guint i = 0; i < after->agreements->len; i++)
    {
      const ScMediationAgreement *was = agreement_at (current, i);
      const ScMediationAgreement *agreement = agreement_at (after, i);
      g_autofree char *field = g_strdup_printf ("agreements[%u]", i);
      g_autofree char *due = g_strdup_printf ("agreements[%u].due_on", i);
      g_autofree char *done = g_strdup_printf ("agreements[%u].done_on", i);

      if (was != NULL)
        {
          if (g_strcmp0 (was->what, agreement->what) != 0 || was->due_on != agreement->due_on)
            sc_set_field_error (error, field, "is recorded: what was agreed and by when cannot be changed");
          check_kept_day (was->done_on, agreement->done_on, done, error);
        }
      else if (after->held_on == SC_DAY_NONE)
        sc_set_field_error (error, field, "follows the mediation: record the day it was held first");
      else if (agreement->due_on < after->held_on)
        sc_set_field_error (error, due, "is before the mediation");
      check_day (agreement->done_on, after->held_on, "the mediation", today, done, error);
    }
}

ScMediation *
sc_mediation_change_read (const ScMediation *current,
                          JsonObject        *body,
                          ScDay              today,
                          GError           **error)
{
  g_autoptr(ScMediation) after = sc_mediation_new ();
  g_autoptr(GError) local_error = NULL;

  sc_json_check_every_member (body, sc_mediation_change_members, &local_error);
  after->id = current->id;
  after->case_id = current->case_id;
  after->person_id = current->person_id;
  after->given_name = g_strdup (current->given_name);
  after->family_name = g_strdup (current->family_name);
  after->advice_requested_on = current->advice_requested_on;
  after->version = current->version;
  read_day_member (body, "advice_given_on", &after->advice_given_on, &local_error);
  read_day_member (body, "mediation_requested_on", &after->mediation_requested_on, &local_error);
  read_day_member (body, "held_on", &after->held_on, &local_error);
  read_day_member (body, "certificate_issued_on", &after->certificate_issued_on, &local_error);
  sc_json_read_text (body, "", "provider", SC_MEDIATION_NAME_MAX_CHARS, &after->provider, &local_error);
  sc_json_read_word (body, "", "outcome", sc_mediation_outcomes, &after->outcome, &local_error);
  sc_json_read_text (body, "", "notes", SC_MEDIATION_TEXT_MAX_CHARS, &after->notes, &local_error);
  if (json_object_has_member (body, "agreements"))
    sc_mediation_read_agreements (json_object_get_member (body, "agreements"), after->agreements, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  check_kept_day (current->advice_given_on, after->advice_given_on, "advice_given_on", &local_error);
  check_kept_day (current->mediation_requested_on, after->mediation_requested_on, "mediation_requested_on",
                  &local_error);
  check_kept_day (current->held_on, after->held_on, "held_on", &local_error);
  check_kept_day (current->certificate_issued_on, after->certificate_issued_on, "certificate_issued_on",
                  &local_error);
  if (current->outcome != NULL && g_strcmp0 (current->outcome, after->outcome) != 0)
    sc_set_field_error (&local_error, "outcome", "is recorded: it cannot be changed or removed");
  check_day (after->advice_given_on, after->advice_requested_on, "the advice was asked for", today,
             "advice_given_on", &local_error);
  check_day (after->mediation_requested_on, after->advice_requested_on, "the advice was asked for", today,
             "mediation_requested_on", &local_error);
  if (after->held_on != SC_DAY_NONE && after->mediation_requested_on == SC_DAY_NONE)
    sc_set_field_error (&local_error, "held_on", "follows the family's request for mediation: record it first");
  else
    check_day (after->held_on, after->mediation_requested_on, "mediation was asked for", today, "held_on",
               &local_error);
  check_day (after->certificate_issued_on, after->advice_requested_on, "the advice was asked for", today,
             "certificate_issued_on", &local_error);
  if (after->outcome != NULL && after->held_on == SC_DAY_NONE)
    sc_set_field_error (&local_error, "outcome", "follows the mediation: record the day it was held first");
  check_agreements (current, after, today, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&after);
}

char *
sc_mediation_change_to_json (const ScMediation *mediation)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member_day (&writer, "advice_given_on", mediation->advice_given_on);
  sc_json_writer_member_day (&writer, "mediation_requested_on", mediation->mediation_requested_on);
  sc_json_writer_member_string (&writer, "provider", mediation->provider);
  sc_json_writer_member_day (&writer, "held_on", mediation->held_on);
  sc_json_writer_member_day (&writer, "certificate_issued_on", mediation->certificate_issued_on);
  sc_json_writer_member_string (&writer, "outcome", mediation->outcome);
  sc_json_writer_member (&writer, "agreements");
  write_agreements (mediation, &writer);
  sc_json_writer_member_string (&writer, "notes", mediation->notes);
  sc_json_writer_end_object (&writer);
  return g_string_free (out, FALSE);
}

void
sc_mediation_new_events (const ScMediation *before,
                         const ScMediation *after,
                         GArray            *events)
{
  ScClockEvent event = { 0 };

  if (after->certificate_issued_on == SC_DAY_NONE ||
      (before != NULL && before->certificate_issued_on != SC_DAY_NONE))
    return;
  event.type = SC_EVENT_MEDIATION_CERTIFICATE_ISSUED;
  event.date = after->certificate_issued_on;
  g_array_append_val (events, event);
}
