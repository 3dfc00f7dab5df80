/* sc-complaint.c
 *
 * ScComplaint, its dues, its JSON codec, the checks of its creation and
 * its change, and the case's events a change adds (sc-complaint.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-complaint.h"
#include "sc-error.h"
#include "sc-json.h"
#include "sc-problem.h"

const char * const sc_complaint_channels[] = {
  "email", "letter", "phone", "in_person", "online", "other", NULL
};
const char * const sc_complaint_categories[] = {
  "delay", "plan_content", "communication", "provision_not_delivered", "other", NULL
};
const char * const sc_complaint_outcomes[] = { "upheld", "partly_upheld", "not_upheld", NULL };
const char * const sc_complaint_ombudsman_decisions[] = {
  "upheld", "partly_upheld", "not_upheld", "not_investigated", NULL
};
const char * const sc_complaint_create_members[] = {
  "case_id", "reference", "received_on", "stage", "category", "complainant", "channel", NULL
};
const char * const sc_complaint_change_members[] = {
  "complainant", "channel", "category", "stages", "ombudsman", "notes", NULL
};
/* a stage and the Ombudsman's part as a PUT may send them back: what is
 * computed is read past */
static const char * const stage_members[] = {
  "stage", "received_on", "acknowledged_on", "acknowledgement_due", "extensions", "response_due",
  "responded_on", "outcome", "remedy", NULL
};
static const char * const extension_members[] = { "extended_on", "reason", NULL };
static const char * const ombudsman_members[] = {
  "reference", "referred_on", "decided_on", "decision", "remedy", "compliance_due", "complied_on", NULL
};

/* working days to acknowledge, and to answer at each stage */
#define ACKNOWLEDGE_DAYS 5
#define ANSWER_DAYS(stage) ((stage) == 2 ? 20 : 10)

static void
extension_free (gpointer data)
{
  ScComplaintExtension *extension = data;

  g_free (extension->reason);
  g_free (extension);
}

ScComplaintStage *
sc_complaint_stage_new (void)
{
  ScComplaintStage *stage = g_new0 (ScComplaintStage, 1);

  stage->received_on = stage->acknowledged_on = stage->acknowledgement_due = SC_DAY_NONE;
  stage->response_due = stage->responded_on = SC_DAY_NONE;
  stage->extensions = g_ptr_array_new_with_free_func (extension_free);
  return stage;
}

void
sc_complaint_stage_free (ScComplaintStage *stage)
{
  if (stage == NULL)
    return;
  g_ptr_array_unref (stage->extensions);
  g_free (stage->outcome);
  g_free (stage->remedy);
  g_free (stage);
}

static ScComplaintOmbudsman *
ombudsman_new (void)
{
  ScComplaintOmbudsman *o = g_new0 (ScComplaintOmbudsman, 1);

  o->referred_on = o->decided_on = o->compliance_due = o->complied_on = SC_DAY_NONE;
  return o;
}

void
sc_complaint_ombudsman_free (ScComplaintOmbudsman *o)
{
  if (o == NULL)
    return;
  g_free (o->reference);
  g_free (o->decision);
  g_free (o->remedy);
  g_free (o);
}

ScComplaint *
sc_complaint_new (void)
{
  ScComplaint *complaint = g_new0 (ScComplaint, 1);

  complaint->received_on = complaint->next_due = SC_DAY_NONE;
  complaint->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_complaint_stage_free);
  return complaint;
}

void
sc_complaint_free (ScComplaint *complaint)
{
  if (complaint == NULL)
    return;
  g_free (complaint->reference);
  g_free (complaint->given_name);
  g_free (complaint->family_name);
  g_free (complaint->complainant);
  g_free (complaint->channel);
  g_free (complaint->category);
  g_ptr_array_unref (complaint->stages);
  sc_complaint_ombudsman_free (complaint->ombudsman);
  g_free (complaint->notes);
  g_free (complaint->status);
  g_free (complaint);
}

gboolean
sc_complaint_reference_is_valid (const char *reference)
{
  gsize n;

  if (reference == NULL || !g_ascii_isalnum (reference[0]))
    return FALSE;
  n = strlen (reference);
  if (n > SC_COMPLAINT_REFERENCE_MAX_CHARS)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (reference[i]) && strchr ("/._-", reference[i]) == NULL)
      return FALSE;
  return TRUE;
}

static ScComplaintStage *
stage_at_list (GPtrArray *stages,
               guint      i)
{
  return i < stages->len ? g_ptr_array_index (stages, i) : NULL;
}

static ScComplaintStage *
stage_at (const ScComplaint *complaint,
          guint              i)
{
  return stage_at_list (complaint->stages, i);
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
sc_complaint_compute (ScComplaint      *complaint,
                      const ScCalendar *calendar)
{
  gboolean open = FALSE;
  ScDay next = SC_DAY_NONE;

  complaint->stage = complaint->stages->len > 0 ? stage_at (complaint, complaint->stages->len - 1)->number : 0;
  for (guint i = 0; i < complaint->stages->len; i++)
    {
      ScComplaintStage *stage = stage_at (complaint, i);
      int days = ANSWER_DAYS (stage->number);

      if (i == 0)
        complaint->received_on = stage->received_on;
      stage->acknowledgement_due = sc_calendar_add_working_days (calendar, stage->received_on, ACKNOWLEDGE_DAYS);
      stage->response_due = sc_calendar_add_working_days (calendar, stage->received_on, days);
      for (guint e = 0; e < stage->extensions->len; e++)
        stage->response_due = sc_calendar_add_working_days (calendar, stage->response_due, days);
      if (stage->acknowledged_on == SC_DAY_NONE && stage->responded_on == SC_DAY_NONE)
        next = earlier (next, stage->acknowledgement_due);
      if (stage->responded_on == SC_DAY_NONE)
        {
          open = TRUE;
          next = earlier (next, stage->response_due);
        }
    }
  if (complaint->ombudsman != NULL)
    {
      ScComplaintOmbudsman *o = complaint->ombudsman;

      if (o->decided_on == SC_DAY_NONE)
        open = TRUE;
      else if (o->compliance_due != SC_DAY_NONE && o->complied_on == SC_DAY_NONE)
        {
          open = TRUE;
          next = earlier (next, o->compliance_due);
        }
    }
  g_free (complaint->status);
  complaint->status = g_strdup (open ? "open" : "closed");
  complaint->next_due = next;
}

/* --- JSON --- */

static void
write_stage (const ScComplaintStage *stage,
             gboolean                computed,
             ScJsonWriter           *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "stage", stage->number);
  sc_json_writer_member_day (writer, "received_on", stage->received_on);
  sc_json_writer_member_day (writer, "acknowledged_on", stage->acknowledged_on);
  if (computed)
    sc_json_writer_member_day (writer, "acknowledgement_due", stage->acknowledgement_due);
  sc_json_writer_member (writer, "extensions");
  sc_json_writer_begin_array (writer);
  for (guint i = 0; i < stage->extensions->len; i++)
    {
      const ScComplaintExtension *extension = g_ptr_array_index (stage->extensions, i);

      sc_json_writer_begin_object (writer);
      sc_json_writer_member_day (writer, "extended_on", extension->extended_on);
      sc_json_writer_member_string (writer, "reason", extension->reason);
      sc_json_writer_end_object (writer);
    }
  sc_json_writer_end_array (writer);
  if (computed)
    sc_json_writer_member_day (writer, "response_due", stage->response_due);
  sc_json_writer_member_day (writer, "responded_on", stage->responded_on);
  sc_json_writer_member_string (writer, "outcome", stage->outcome);
  sc_json_writer_member_string (writer, "remedy", stage->remedy);
  sc_json_writer_end_object (writer);
}

static void
write_stages (const ScComplaint *complaint,
              gboolean           computed,
              ScJsonWriter      *writer)
{
  sc_json_writer_begin_array (writer);
  for (guint i = 0; i < complaint->stages->len; i++)
    write_stage (stage_at (complaint, i), computed, writer);
  sc_json_writer_end_array (writer);
}

static void
write_ombudsman (const ScComplaintOmbudsman *o,
                 ScJsonWriter               *writer)
{
  if (o == NULL)
    {
      sc_json_writer_null (writer);
      return;
    }
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_string (writer, "reference", o->reference);
  sc_json_writer_member_day (writer, "referred_on", o->referred_on);
  sc_json_writer_member_day (writer, "decided_on", o->decided_on);
  sc_json_writer_member_string (writer, "decision", o->decision);
  sc_json_writer_member_string (writer, "remedy", o->remedy);
  sc_json_writer_member_day (writer, "compliance_due", o->compliance_due);
  sc_json_writer_member_day (writer, "complied_on", o->complied_on);
  sc_json_writer_end_object (writer);
}

static void
member_id (ScJsonWriter *writer,
           const char   *member,
           gint64        id)
{
  if (id > 0)
    sc_json_writer_member_int (writer, member, id);
  else
    sc_json_writer_member_null (writer, member);
}

void
sc_complaint_write_json (const ScComplaint *complaint,
                         ScJsonWriter      *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", complaint->id);
  sc_json_writer_member_string (writer, "reference", complaint->reference);
  member_id (writer, "case_id", complaint->case_id);
  member_id (writer, "person_id", complaint->person_id);
  sc_json_writer_member_string (writer, "given_name", complaint->given_name);
  sc_json_writer_member_string (writer, "family_name", complaint->family_name);
  sc_json_writer_member_string (writer, "complainant", complaint->complainant);
  sc_json_writer_member_string (writer, "channel", complaint->channel);
  sc_json_writer_member_string (writer, "category", complaint->category);
  sc_json_writer_member_int (writer, "stage", complaint->stage);
  sc_json_writer_member_day (writer, "received_on", complaint->received_on);
  sc_json_writer_member (writer, "stages");
  write_stages (complaint, TRUE, writer);
  sc_json_writer_member (writer, "ombudsman");
  write_ombudsman (complaint->ombudsman, writer);
  sc_json_writer_member_string (writer, "notes", complaint->notes);
  sc_json_writer_member_string (writer, "status", complaint->status);
  sc_json_writer_member_day (writer, "next_due", complaint->next_due);
  sc_json_writer_member_int (writer, "version", complaint->version);
  sc_json_writer_end_object (writer);
}

char *
sc_complaint_stages_to_json (const ScComplaint *complaint)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  write_stages (complaint, FALSE, &writer);
  return g_string_free (out, FALSE);
}

char *
sc_complaint_ombudsman_to_json (const ScComplaint *complaint)
{
  GString *out;
  ScJsonWriter writer;

  if (complaint->ombudsman == NULL)
    return NULL;
  out = g_string_new (NULL);
  sc_json_writer_init (&writer, out);
  write_ombudsman (complaint->ombudsman, &writer);
  return g_string_free (out, FALSE);
}

static void
read_date (JsonObject  *object,
           const char  *prefix,
           const char  *member,
           ScDay       *out,
           GError     **error)
{
  g_autofree char *field = g_strconcat (prefix, member, NULL);

  if (!sc_json_read_day (object, member, FALSE, out, NULL))
    sc_set_field_error (error, field, "must be a date YYYY-MM-DD or null");
}

static gboolean
check_members (JsonObject         *object,
               const char         *prefix,
               const char * const *allowed,
               GError            **error)
{
  g_autoptr(GList) names = json_object_get_members (object);
  gboolean ok = TRUE;

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        sc_set_field_error (error, prefix, "has no member '%s'", (const char *) l->data);
        ok = FALSE;
      }
  return ok;
}

static ScComplaintStage *
read_stage (JsonNode    *node,
            const char  *prefix,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  ScComplaintStage *stage;
  JsonObject *object;
  JsonNode *extensions;
  gint64 number = 0;
  g_autofree char *dotted = g_strconcat (prefix, ".", NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      sc_set_field_error (error, prefix, "must be an object");
      return NULL;
    }
  object = json_node_get_object (node);
  stage = sc_complaint_stage_new ();
  check_members (object, prefix, stage_members, &local_error);
  if (!sc_json_read_int (object, "stage", FALSE, &number, NULL) || (number != 1 && number != 2))
    sc_set_field_error (&local_error, prefix, "needs its stage: 1 or 2");
  stage->number = (int) number;
  read_date (object, dotted, "received_on", &stage->received_on, &local_error);
  if (stage->received_on == SC_DAY_NONE && local_error == NULL)
    sc_set_field_error (&local_error, prefix, "needs its received_on");
  read_date (object, dotted, "acknowledged_on", &stage->acknowledged_on, &local_error);
  read_date (object, dotted, "responded_on", &stage->responded_on, &local_error);
  sc_json_read_word (object, dotted, "outcome", sc_complaint_outcomes, &stage->outcome, &local_error);
  sc_json_read_text (object, dotted, "remedy", SC_COMPLAINT_TEXT_MAX_CHARS, &stage->remedy, &local_error);
  extensions = json_object_get_member (object, "extensions");
  if (extensions != NULL && !JSON_NODE_HOLDS_NULL (extensions) && !JSON_NODE_HOLDS_ARRAY (extensions))
    sc_set_field_error (&local_error, prefix, "has extensions that are not a list");
  else if (extensions != NULL && JSON_NODE_HOLDS_ARRAY (extensions))
    {
      JsonArray *array = json_node_get_array (extensions);

      if (json_array_get_length (array) > SC_COMPLAINT_MAX_EXTENSIONS)
        sc_set_field_error (&local_error, prefix, "has more than %d extensions", SC_COMPLAINT_MAX_EXTENSIONS);
      for (guint i = 0; i < json_array_get_length (array) && i < SC_COMPLAINT_MAX_EXTENSIONS; i++)
        {
          g_autofree char *at = g_strdup_printf ("%s.extensions[%u]", prefix, i);
          g_autofree char *at_dotted = g_strconcat (at, ".", NULL);
          JsonNode *item = json_array_get_element (array, i);
          ScComplaintExtension *extension;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            {
              sc_set_field_error (&local_error, at, "must be an object");
              continue;
            }
          extension = g_new0 (ScComplaintExtension, 1);
          extension->extended_on = SC_DAY_NONE;
          check_members (json_node_get_object (item), at, extension_members, &local_error);
          read_date (json_node_get_object (item), at_dotted, "extended_on", &extension->extended_on, &local_error);
          sc_json_read_text (json_node_get_object (item), at_dotted, "reason", SC_COMPLAINT_TEXT_MAX_CHARS, &extension->reason,
                     &local_error);
          g_ptr_array_add (stage->extensions, extension);
        }
    }
  if (local_error != NULL)
    {
      sc_complaint_stage_free (stage);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return stage;
}

gboolean
sc_complaint_read_stages (JsonNode   *node,
                          GPtrArray  *stages,
                          GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) < 1 ||
      json_array_get_length (json_node_get_array (node)) > 2)
    {
      sc_set_field_error (error, "stages", "must be a list of one or two stages");
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("stages[%u]", i);
      ScComplaintStage *stage = read_stage (json_array_get_element (array, i), prefix, &local_error);

      if (stage != NULL)
        g_ptr_array_add (stages, stage);
    }
  if (local_error == NULL && stages->len == 2 &&
      (stage_at_list (stages, 0)->number != 1 || stage_at_list (stages, 1)->number != 2))
    sc_set_field_error (&local_error, "stages", "holds stage 1, then stage 2");
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_complaint_read_ombudsman (JsonNode              *node,
                             ScComplaintOmbudsman **ombudsman,
                             GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  ScComplaintOmbudsman *o;
  JsonObject *object;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_clear_pointer (ombudsman, sc_complaint_ombudsman_free);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      sc_set_field_error (error, "ombudsman", "must be an object or null");
      return FALSE;
    }
  object = json_node_get_object (node);
  o = ombudsman_new ();
  check_members (object, "ombudsman", ombudsman_members, &local_error);
  sc_json_read_text (object, "ombudsman.", "reference", SC_COMPLAINT_REFERENCE_MAX_CHARS, &o->reference, &local_error);
  read_date (object, "ombudsman.", "referred_on", &o->referred_on, &local_error);
  read_date (object, "ombudsman.", "decided_on", &o->decided_on, &local_error);
  sc_json_read_word (object, "ombudsman.", "decision", sc_complaint_ombudsman_decisions, &o->decision, &local_error);
  sc_json_read_text (object, "ombudsman.", "remedy", SC_COMPLAINT_TEXT_MAX_CHARS, &o->remedy, &local_error);
  read_date (object, "ombudsman.", "compliance_due", &o->compliance_due, &local_error);
  read_date (object, "ombudsman.", "complied_on", &o->complied_on, &local_error);
  if (local_error != NULL)
    {
      sc_complaint_ombudsman_free (o);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_pointer (ombudsman, sc_complaint_ombudsman_free);
  *ombudsman = o;
  return TRUE;
}

ScComplaint *
sc_complaint_new_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(ScComplaint) complaint = sc_complaint_new ();
  g_autoptr(GError) local_error = NULL;
  const char *reference = NULL, *category = NULL, *status = NULL;
  gint64 stage = 0;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "complaint: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_int (object, "id", TRUE, &complaint->id, &local_error);
  sc_json_read_string (object, "reference", TRUE, &reference, &local_error);
  sc_json_read_int (object, "case_id", FALSE, &complaint->case_id, &local_error);
  sc_json_read_int (object, "person_id", FALSE, &complaint->person_id, &local_error);
  sc_json_read_text (object, "", "given_name", G_MAXINT, &complaint->given_name, &local_error);
  sc_json_read_text (object, "", "family_name", G_MAXINT, &complaint->family_name, &local_error);
  sc_json_read_text (object, "", "complainant", G_MAXINT, &complaint->complainant, &local_error);
  sc_json_read_text (object, "", "channel", G_MAXINT, &complaint->channel, &local_error);
  sc_json_read_string (object, "category", TRUE, &category, &local_error);
  sc_json_read_int (object, "stage", TRUE, &stage, &local_error);
  sc_json_read_day (object, "received_on", TRUE, &complaint->received_on, &local_error);
  sc_complaint_read_stages (json_object_get_member (object, "stages"), complaint->stages, &local_error);
  sc_complaint_read_ombudsman (json_object_get_member (object, "ombudsman"), &complaint->ombudsman, &local_error);
  sc_json_read_text (object, "", "notes", G_MAXINT, &complaint->notes, &local_error);
  sc_json_read_string (object, "status", TRUE, &status, &local_error);
  sc_json_read_day (object, "next_due", FALSE, &complaint->next_due, &local_error);
  sc_json_read_int (object, "version", TRUE, &complaint->version, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "complaint: %s", local_error->message);
      return NULL;
    }
  /* the dues as the server computed them */
  if (JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "stages")))
    {
      JsonArray *array = json_object_get_array_member (object, "stages");

      for (guint i = 0; i < complaint->stages->len && i < json_array_get_length (array); i++)
        {
          ScComplaintStage *s = stage_at (complaint, i);
          JsonObject *o = json_array_get_object_element (array, i);

          sc_json_read_day (o, "acknowledgement_due", FALSE, &s->acknowledgement_due, NULL);
          sc_json_read_day (o, "response_due", FALSE, &s->response_due, NULL);
        }
    }
  complaint->reference = g_strdup (reference);
  complaint->category = g_strdup (category);
  complaint->status = g_strdup (status);
  complaint->stage = (int) stage;
  return g_steal_pointer (&complaint);
}

/* --- the checks --- */

static void
not_after_today (ScDay        day,
                 ScDay        today,
                 const char  *field,
                 GError     **error)
{
  if (day != SC_DAY_NONE && day > today)
    sc_set_field_error (error, field, "is after today: record it on the day it happens");
}

ScComplaint *
sc_complaint_create_read (JsonObject  *body,
                          ScDay        today,
                          GError     **error)
{
  g_autoptr(ScComplaint) complaint = sc_complaint_new ();
  g_autoptr(GError) local_error = NULL;
  ScComplaintStage *stage = sc_complaint_stage_new ();
  const char *reference = NULL;
  gint64 number = 0;

  g_ptr_array_add (complaint->stages, stage);
  sc_json_check_members (body, sc_complaint_create_members, &local_error);
  if (!sc_json_read_int (body, "case_id", FALSE, &complaint->case_id, NULL) || complaint->case_id < 0)
    sc_set_field_error (&local_error, "case_id", "must be the id of a case, or null for the service");
  if (!sc_json_read_string (body, "reference", TRUE, &reference, NULL) ||
      !sc_complaint_reference_is_valid (reference))
    sc_set_field_error (&local_error, "reference", "is needed: 1 to %d letters, digits, dots, slashes, dashes or "
                        "underscores, starting with a letter or digit", SC_COMPLAINT_REFERENCE_MAX_CHARS);
  if (!sc_json_read_day (body, "received_on", TRUE, &stage->received_on, NULL) || stage->received_on == SC_DAY_NONE)
    sc_set_field_error (&local_error, "received_on", "is needed: a date YYYY-MM-DD");
  else
    not_after_today (stage->received_on, today, "received_on", &local_error);
  if (!sc_json_read_int (body, "stage", FALSE, &number, NULL) || (number != 0 && number != 1 && number != 2))
    sc_set_field_error (&local_error, "stage", "must be 1 or 2");
  if (sc_json_read_word (body, "", "category", sc_complaint_categories, &complaint->category, &local_error) &&
      complaint->category == NULL)
    sc_set_field_error (&local_error, "category", "is needed: what the complaint is about");
  sc_json_read_text (body, "", "complainant", SC_COMPLAINT_NAME_MAX_CHARS, &complaint->complainant, &local_error);
  sc_json_read_word (body, "", "channel", sc_complaint_channels, &complaint->channel, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* a complaint that comes at stage 2 (stage 1 was heard before it was
   * logged) has only its second stage */
  stage->number = number == 2 ? 2 : 1;
  complaint->reference = g_strdup (reference);
  return g_steal_pointer (&complaint);
}

/* What @before recorded that @after changes: each a field error */
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
check_kept_text (const char  *before,
                 const char  *after,
                 const char  *field,
                 GError     **error)
{
  if (before != NULL && g_strcmp0 (before, after) != 0)
    sc_set_field_error (error, field, "is recorded with the answer: it cannot be changed or removed");
}

static void
check_stage (const ScComplaintStage *before,
             const ScComplaintStage *after,
             guint                   i,
             ScDay                   today,
             GError                **error)
{
  g_autofree char *prefix = g_strdup_printf ("stages[%u].", i);
  g_autofree char *received = g_strconcat (prefix, "received_on", NULL);
  g_autofree char *acknowledged = g_strconcat (prefix, "acknowledged_on", NULL);
  g_autofree char *responded = g_strconcat (prefix, "responded_on", NULL);
  g_autofree char *outcome = g_strconcat (prefix, "outcome", NULL);
  g_autofree char *remedy = g_strconcat (prefix, "remedy", NULL);

  if (before != NULL)
    {
      check_kept_day (before->received_on, after->received_on, received, error);
      check_kept_day (before->acknowledged_on, after->acknowledged_on, acknowledged, error);
      check_kept_day (before->responded_on, after->responded_on, responded, error);
      check_kept_text (before->outcome, after->outcome, outcome, error);
      if (before->responded_on != SC_DAY_NONE)
        check_kept_text (before->remedy, after->remedy, remedy, error);
      if (after->extensions->len < before->extensions->len)
        {
          g_autofree char *extensions = g_strconcat (prefix, "extensions", NULL);

          sc_set_field_error (error, extensions, "keeps its extensions: one recorded cannot be removed");
        }
    }
  not_after_today (after->received_on, today, received, error);
  not_after_today (after->acknowledged_on, today, acknowledged, error);
  not_after_today (after->responded_on, today, responded, error);
  if (after->acknowledged_on != SC_DAY_NONE && after->acknowledged_on < after->received_on)
    sc_set_field_error (error, acknowledged, "is before the complaint was received");
  if (after->responded_on != SC_DAY_NONE)
    {
      if (after->acknowledged_on == SC_DAY_NONE)
        sc_set_field_error (error, responded, "needs the acknowledgement first: record when it was acknowledged");
      else if (after->responded_on < after->acknowledged_on)
        sc_set_field_error (error, responded, "is before the complaint was acknowledged");
      if (after->outcome == NULL)
        sc_set_field_error (error, outcome, "is needed with the answer: upheld, partly_upheld or not_upheld");
    }
  else
    {
      if (after->outcome != NULL)
        sc_set_field_error (error, outcome, "is recorded with the answer: give responded_on too");
    }
  for (guint e = 0; e < after->extensions->len; e++)
    {
      const ScComplaintExtension *extension = g_ptr_array_index (after->extensions, e);
      const ScComplaintExtension *was = before != NULL && e < before->extensions->len ?
                                        g_ptr_array_index (before->extensions, e) : NULL;
      g_autofree char *at = g_strdup_printf ("%sextensions[%u]", prefix, e);
      g_autofree char *on = g_strconcat (at, ".extended_on", NULL);
      g_autofree char *reason = g_strconcat (at, ".reason", NULL);

      if (was != NULL)
        {
          if (was->extended_on != extension->extended_on || g_strcmp0 (was->reason, extension->reason) != 0)
            sc_set_field_error (error, at, "is recorded: it cannot be changed");
          continue;
        }
      if (extension->extended_on == SC_DAY_NONE)
        sc_set_field_error (error, on, "is needed: the day the complainant was told");
      else
        {
          not_after_today (extension->extended_on, today, on, error);
          if (extension->extended_on < after->received_on)
            sc_set_field_error (error, on, "is before the complaint was received");
          if (after->responded_on != SC_DAY_NONE && extension->extended_on > after->responded_on)
            sc_set_field_error (error, on, "is after the answer: an answered complaint is not extended");
          if (e > 0)
            {
              const ScComplaintExtension *previous = g_ptr_array_index (after->extensions, e - 1);

              if (previous->extended_on != SC_DAY_NONE && extension->extended_on < previous->extended_on)
                sc_set_field_error (error, on, "is before the extension that comes before it");
            }
        }
      if (extension->reason == NULL)
        sc_set_field_error (error, reason, "is needed: why the answer needs longer");
    }
}

static void
check_ombudsman (const ScComplaint *before,
                 const ScComplaint *after,
                 ScDay              today,
                 GError           **error)
{
  const ScComplaintOmbudsman *was = before->ombudsman;
  const ScComplaintOmbudsman *o = after->ombudsman;
  const ScComplaintStage *last = stage_at (after, after->stages->len - 1);

  if (o == NULL)
    {
      if (was != NULL)
        sc_set_field_error (error, "ombudsman", "is recorded: a referral cannot be removed");
      return;
    }
  if (was != NULL)
    {
      check_kept_day (was->referred_on, o->referred_on, "ombudsman.referred_on", error);
      check_kept_day (was->decided_on, o->decided_on, "ombudsman.decided_on", error);
      check_kept_day (was->complied_on, o->complied_on, "ombudsman.complied_on", error);
      check_kept_text (was->decision, o->decision, "ombudsman.decision", error);
    }
  if (o->referred_on == SC_DAY_NONE)
    sc_set_field_error (error, "ombudsman.referred_on", "is needed: the day the complainant went to the Ombudsman");
  else if (last->responded_on == SC_DAY_NONE)
    sc_set_field_error (error, "ombudsman", "follows the authority's answer: record the answer first");
  else if (o->referred_on < last->responded_on)
    sc_set_field_error (error, "ombudsman.referred_on", "is before the authority's answer");
  not_after_today (o->referred_on, today, "ombudsman.referred_on", error);
  not_after_today (o->decided_on, today, "ombudsman.decided_on", error);
  not_after_today (o->complied_on, today, "ombudsman.complied_on", error);
  if (o->decided_on != SC_DAY_NONE)
    {
      if (o->referred_on != SC_DAY_NONE && o->decided_on < o->referred_on)
        sc_set_field_error (error, "ombudsman.decided_on", "is before the referral");
      if (o->decision == NULL)
        sc_set_field_error (error, "ombudsman.decision", "is needed with the decision's date");
    }
  else
    {
      if (o->decision != NULL)
        sc_set_field_error (error, "ombudsman.decision", "is recorded with decided_on");
      if (o->compliance_due != SC_DAY_NONE)
        sc_set_field_error (error, "ombudsman.compliance_due", "follows the decision: give decided_on too");
    }
  if (o->compliance_due != SC_DAY_NONE && o->decided_on != SC_DAY_NONE && o->compliance_due < o->decided_on)
    sc_set_field_error (error, "ombudsman.compliance_due", "is before the decision");
  if (o->complied_on != SC_DAY_NONE && o->compliance_due == SC_DAY_NONE)
    sc_set_field_error (error, "ombudsman.complied_on", "needs the remedy's compliance_due");
  else if (o->complied_on != SC_DAY_NONE && o->complied_on < o->decided_on)
    sc_set_field_error (error, "ombudsman.complied_on", "is before the decision");
}

ScComplaint *
sc_complaint_change_read (const ScComplaint *current,
                          JsonObject        *body,
                          ScDay              today,
                          GError           **error)
{
  g_autoptr(ScComplaint) after = sc_complaint_new ();
  g_autoptr(GError) local_error = NULL;

  sc_json_check_every_member (body, sc_complaint_change_members, &local_error);
  after->id = current->id;
  after->reference = g_strdup (current->reference);
  after->case_id = current->case_id;
  after->person_id = current->person_id;
  after->given_name = g_strdup (current->given_name);
  after->family_name = g_strdup (current->family_name);
  after->version = current->version;
  sc_json_read_text (body, "", "complainant", SC_COMPLAINT_NAME_MAX_CHARS, &after->complainant, &local_error);
  sc_json_read_word (body, "", "channel", sc_complaint_channels, &after->channel, &local_error);
  if (sc_json_read_word (body, "", "category", sc_complaint_categories, &after->category, &local_error) &&
      after->category == NULL)
    sc_set_field_error (&local_error, "category", "is needed: what the complaint is about");
  sc_json_read_text (body, "", "notes", SC_COMPLAINT_TEXT_MAX_CHARS, &after->notes, &local_error);
  if (json_object_has_member (body, "stages"))
    sc_complaint_read_stages (json_object_get_member (body, "stages"), after->stages, &local_error);
  if (json_object_has_member (body, "ombudsman"))
    sc_complaint_read_ombudsman (json_object_get_member (body, "ombudsman"), &after->ombudsman, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (after->stages->len < current->stages->len ||
      stage_at (after, 0)->number != stage_at (current, 0)->number)
    sc_set_field_error (&local_error, "stages", "keeps every stage recorded: a stage cannot be removed");
  for (guint i = 0; i < after->stages->len; i++)
    check_stage (stage_at (current, i), stage_at (after, i), i, today, &local_error);
  if (after->stages->len == 2 && current->stages->len < 2)
    {
      const ScComplaintStage *first = stage_at (after, 0), *second = stage_at (after, 1);

      if (first->responded_on == SC_DAY_NONE)
        sc_set_field_error (&local_error, "stages[1]", "follows stage 1's answer: record the answer first");
      else if (second->received_on < first->responded_on)
        sc_set_field_error (&local_error, "stages[1].received_on", "is before stage 1 was answered");
    }
  if (after->ombudsman != NULL && after->stages->len == 2 && stage_at (after, 1)->responded_on == SC_DAY_NONE &&
      current->ombudsman == NULL)
    sc_set_field_error (&local_error, "ombudsman", "follows the authority's answer at stage 2: record it first");
  else
    check_ombudsman (current, after, today, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&after);
}

char *
sc_complaint_change_to_json (const ScComplaint *complaint)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member_string (&writer, "complainant", complaint->complainant);
  sc_json_writer_member_string (&writer, "channel", complaint->channel);
  sc_json_writer_member_string (&writer, "category", complaint->category);
  sc_json_writer_member (&writer, "stages");
  write_stages (complaint, FALSE, &writer);
  sc_json_writer_member (&writer, "ombudsman");
  write_ombudsman (complaint->ombudsman, &writer);
  sc_json_writer_member_string (&writer, "notes", complaint->notes);
  sc_json_writer_end_object (&writer);
  return g_string_free (out, FALSE);
}

static void
add_event (GArray      *events,
           ScEventType  type,
           ScDay        date,
           const char  *key,
           int          stage)
{
  ScClockEvent event = { 0 };

  event.type = type;
  event.date = date;
  event.key = key;
  event.stage = stage;
  g_array_append_val (events, event);
}

void
sc_complaint_new_events (const ScComplaint *before,
                         const ScComplaint *after,
                         GArray            *events)
{
  for (guint i = 0; i < after->stages->len; i++)
    {
      const ScComplaintStage *was = before != NULL ? stage_at (before, i) : NULL;
      const ScComplaintStage *stage = stage_at (after, i);
      guint known = was != NULL ? was->extensions->len : 0;

      if (was == NULL)
        add_event (events, SC_EVENT_COMPLAINT_RECEIVED, stage->received_on, after->reference, stage->number);
      if (stage->acknowledged_on != SC_DAY_NONE && (was == NULL || was->acknowledged_on == SC_DAY_NONE))
        add_event (events, SC_EVENT_COMPLAINT_ACKNOWLEDGED, stage->acknowledged_on, after->reference, 0);
      for (guint e = known; e < stage->extensions->len; e++)
        add_event (events, SC_EVENT_COMPLAINT_EXTENDED,
                   ((ScComplaintExtension *) g_ptr_array_index (stage->extensions, e))->extended_on,
                   after->reference, 0);
      if (stage->responded_on != SC_DAY_NONE && (was == NULL || was->responded_on == SC_DAY_NONE))
        add_event (events, SC_EVENT_COMPLAINT_RESPONDED, stage->responded_on, after->reference, 0);
    }
}
