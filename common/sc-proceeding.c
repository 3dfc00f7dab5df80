/* sc-proceeding.c
 *
 * ScProceeding, its status and warnings, its JSON codec and the check of
 * its change (sc-proceeding.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-error.h"
#include "sc-json.h"
#include "sc-problem.h"
#include "sc-proceeding.h"

const char * const sc_proceeding_kinds[] = {
  "amendment", "reassessment", "ceasing", "transfer_in", NULL
};

/* Children and Families Act 2014, s45 and SEND Regulations 2014, regs 29
 * and 30: no longer necessary, or the authority no longer responsible */
const char * const sc_proceeding_grounds[SC_PROCEEDING_N_GROUNDS + 1] = {
  "no_longer_necessary", "moved_away", "higher_education", "employment", "left_education", "age_25", NULL
};

const char * const sc_proceeding_change_members[] = {
  "noted_on", "party", "ground", "notes", NULL
};

static void
step_free (gpointer data)
{
  ScProceedingStep *step = data;

  g_free (step->milestone);
  g_free (step->status);
  g_free (step);
}

ScProceeding *
sc_proceeding_new (void)
{
  ScProceeding *proceeding = g_new0 (ScProceeding, 1);

  proceeding->steps = g_ptr_array_new_with_free_func (step_free);
  return proceeding;
}

void
sc_proceeding_free (ScProceeding *proceeding)
{
  if (proceeding == NULL)
    return;
  g_free (proceeding->kind);
  g_free (proceeding->decision);
  g_free (proceeding->ended_by);
  g_ptr_array_unref (proceeding->steps);
  g_free (proceeding->party);
  g_free (proceeding->ground);
  g_free (proceeding->notes);
  g_free (proceeding);
}

const ScProceedingStep *
sc_proceeding_find_step (const ScProceeding *proceeding,
                         const char         *milestone)
{
  g_return_val_if_fail (proceeding != NULL, NULL);

  for (guint i = 0; i < proceeding->steps->len; i++)
    {
      const ScProceedingStep *step = g_ptr_array_index (proceeding->steps, i);

      if (g_strcmp0 (step->milestone, milestone) == 0)
        return step;
    }
  return NULL;
}

/* A deadline no longer running: met, late, excepted or cancelled */
static gboolean
step_settled (const ScProceedingStep *step)
{
  return step != NULL && g_strcmp0 (step->status, "pending") != 0 && g_strcmp0 (step->status, "overdue") != 0;
}

const char *
sc_proceeding_get_status (const ScProceeding *proceeding)
{
  gboolean closed = FALSE;

  g_return_val_if_fail (proceeding != NULL, "open");

  if (g_strcmp0 (proceeding->kind, "amendment") == 0)
    closed = step_settled (sc_proceeding_find_step (proceeding, "amended_plan"));
  else if (g_strcmp0 (proceeding->kind, "reassessment") == 0)
    {
      const ScProceedingStep *decision = sc_proceeding_find_step (proceeding, "reassessment_decision");

      /* refused, its plan done, or no longer to be decided (the plan ceased) */
      closed = g_strcmp0 (proceeding->decision, "not_reassess") == 0 ||
               step_settled (sc_proceeding_find_step (proceeding, "reassessment_plan")) ||
               (decision != NULL && g_strcmp0 (decision->status, "cancelled") == 0);
    }
  else if (g_strcmp0 (proceeding->kind, "ceasing") == 0)
    closed = proceeding->ended_on != SC_DAY_NONE;
  else if (g_strcmp0 (proceeding->kind, "transfer_in") == 0)
    closed = step_settled (sc_proceeding_find_step (proceeding, "transfer_notice"));
  return closed ? "closed" : "open";
}

static gboolean
blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

GPtrArray *
sc_proceeding_dup_warnings (const ScProceeding *proceeding)
{
  GPtrArray *warnings = sc_warnings_new ();
  char one[SC_DAY_STRING_SIZE], two[SC_DAY_STRING_SIZE];

  g_return_val_if_fail (proceeding != NULL, warnings);

  if (g_strcmp0 (proceeding->kind, "amendment") == 0)
    {
      const ScProceedingStep *comments = sc_proceeding_find_step (proceeding, "amendment_comments");
      const ScProceedingStep *plan = sc_proceeding_find_step (proceeding, "amended_plan");

      if (comments != NULL && plan != NULL && plan->completed_on != SC_DAY_NONE && plan->completed_on <= comments->due)
        sc_warnings_add (warnings, "amended_in_comment_period",
                         "the amended plan was issued on %s, before the family's 15 days for comments ended on %s "
                         "(SEND Regulations 2014, reg 22(2))",
                         sc_day_format (plan->completed_on, one), sc_day_format (comments->due, two));
      if (comments != NULL && g_strcmp0 (comments->status, "closed") == 0 && proceeding->noted_on == SC_DAY_NONE &&
          blank (proceeding->notes))
        sc_warnings_add (warnings, "comments_unrecorded",
                         "the time for comments has ended and no comments are recorded: record them, or in the "
                         "notes that none were made");
    }
  else if (g_strcmp0 (proceeding->kind, "reassessment") == 0)
    {
      if (g_strcmp0 (proceeding->decision, "not_reassess") == 0 && blank (proceeding->notes))
        sc_warnings_add (warnings, "reasons_unrecorded",
                         "the decision not to reassess is recorded without its reasons, which the family must be "
                         "given with their right to appeal");
    }
  else if (g_strcmp0 (proceeding->kind, "ceasing") == 0)
    {
      const ScProceedingStep *window = sc_proceeding_find_step (proceeding, "appeal_window");

      gboolean ceased = g_strcmp0 (proceeding->ended_by, "plan_ceased") == 0;

      if (proceeding->ground == NULL)
        sc_warnings_add (warnings, "ground_unrecorded",
                         "the ground for ceasing is not recorded: a plan may cease only on one of those in the "
                         "Children and Families Act 2014, s45");
      if (proceeding->noted_on == SC_DAY_NONE)
        sc_warnings_add (warnings, "notice_unrecorded",
                         "when the family, the institution and the health body were told of the decision is not "
                         "recorded (SEND Regulations 2014, reg 31)");
      if (proceeding->noted_on != SC_DAY_NONE && proceeding->noted_on > proceeding->started_on)
        sc_warnings_add (warnings, "notice_after_decision",
                         "the decision notice went on %s, after the decision recorded on %s: the time to appeal "
                         "runs from the notice, so record the decision on the day its notice was sent",
                         sc_day_format (proceeding->noted_on, one), sc_day_format (proceeding->started_on, two));
      if (window != NULL && ceased && proceeding->ended_on <= window->due)
        sc_warnings_add (warnings, "ceased_in_appeal_window",
                         "the plan ceased on %s, before the time to appeal ended on %s: if the family appeals, the "
                         "plan must be maintained until the appeal is decided",
                         sc_day_format (proceeding->ended_on, one), sc_day_format (window->due, two));
    }
  else if (g_strcmp0 (proceeding->kind, "transfer_in") == 0)
    {
      if (blank (proceeding->party))
        sc_warnings_add (warnings, "authority_unrecorded", "the authority the plan came from is not recorded");
    }
  return warnings;
}

gboolean
sc_proceeding_read_steps (JsonNode   *node,
                          GPtrArray  *steps,
                          GError    **error)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "steps: must be a list");
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      const char *milestone = NULL, *status = NULL;
      ScProceedingStep *step;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "steps[%u]: must be an object", i);
          return FALSE;
        }
      object = json_node_get_object (item);
      step = g_new0 (ScProceedingStep, 1);
      sc_json_read_string (object, "milestone", TRUE, &milestone, &local_error);
      sc_json_read_day (object, "due", TRUE, &step->due, &local_error);
      sc_json_read_string (object, "status", TRUE, &status, &local_error);
      sc_json_read_day (object, "completed_on", FALSE, &step->completed_on, &local_error);
      step->milestone = g_strdup (milestone);
      step->status = g_strdup (status);
      if (local_error != NULL)
        {
          step_free (step);
          g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "steps[%u]: %s", i, local_error->message);
          return FALSE;
        }
      g_ptr_array_add (steps, step);
    }
  return TRUE;
}

void
sc_proceeding_write_json (const ScProceeding *proceeding,
                          ScJsonWriter       *writer)
{
  g_autoptr(GPtrArray) warnings = NULL;

  g_return_if_fail (proceeding != NULL);

  warnings = sc_proceeding_dup_warnings (proceeding);
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", proceeding->id);
  sc_json_writer_member_int (writer, "case_id", proceeding->case_id);
  sc_json_writer_member_string (writer, "kind", proceeding->kind);
  sc_json_writer_member_string (writer, "status", sc_proceeding_get_status (proceeding));
  sc_json_writer_member_day (writer, "started_on", proceeding->started_on);
  sc_json_writer_member_string (writer, "decision", proceeding->decision);
  sc_json_writer_member_day (writer, "decided_on", proceeding->decided_on);
  sc_json_writer_member_day (writer, "last_review", proceeding->last_review);
  sc_json_writer_member_day (writer, "ended_on", proceeding->ended_on);
  sc_json_writer_member_string (writer, "ended_by", proceeding->ended_by);
  sc_json_writer_member (writer, "steps");
  sc_json_writer_begin_array (writer);
  for (guint i = 0; i < proceeding->steps->len; i++)
    {
      const ScProceedingStep *step = g_ptr_array_index (proceeding->steps, i);

      sc_json_writer_begin_object (writer);
      sc_json_writer_member_string (writer, "milestone", step->milestone);
      sc_json_writer_member_day (writer, "due", step->due);
      sc_json_writer_member_string (writer, "status", step->status);
      sc_json_writer_member_day (writer, "completed_on", step->completed_on);
      sc_json_writer_end_object (writer);
    }
  sc_json_writer_end_array (writer);
  sc_json_writer_member_day (writer, "noted_on", proceeding->noted_on);
  sc_json_writer_member_string (writer, "party", proceeding->party);
  sc_json_writer_member_string (writer, "ground", proceeding->ground);
  sc_json_writer_member_string (writer, "notes", proceeding->notes);
  sc_json_writer_member_int (writer, "version", proceeding->version);
  sc_warnings_write_json (warnings, "warnings", writer);
  sc_json_writer_end_object (writer);
}

ScProceeding *
sc_proceeding_new_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(ScProceeding) proceeding = sc_proceeding_new ();
  g_autoptr(GError) local_error = NULL;
  const char *kind = NULL, *decision = NULL, *ended_by = NULL, *party = NULL, *ground = NULL, *notes = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "proceeding: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_int (object, "id", TRUE, &proceeding->id, &local_error);
  sc_json_read_int (object, "case_id", TRUE, &proceeding->case_id, &local_error);
  sc_json_read_string (object, "kind", TRUE, &kind, &local_error);
  sc_json_read_day (object, "started_on", TRUE, &proceeding->started_on, &local_error);
  sc_json_read_string (object, "decision", FALSE, &decision, &local_error);
  sc_json_read_day (object, "decided_on", FALSE, &proceeding->decided_on, &local_error);
  sc_json_read_day (object, "last_review", FALSE, &proceeding->last_review, &local_error);
  sc_json_read_day (object, "ended_on", FALSE, &proceeding->ended_on, &local_error);
  sc_json_read_string (object, "ended_by", FALSE, &ended_by, &local_error);
  sc_json_read_day (object, "noted_on", FALSE, &proceeding->noted_on, &local_error);
  sc_json_read_string (object, "party", FALSE, &party, &local_error);
  sc_json_read_string (object, "ground", FALSE, &ground, &local_error);
  sc_json_read_string (object, "notes", FALSE, &notes, &local_error);
  sc_json_read_int (object, "version", TRUE, &proceeding->version, &local_error);
  if (local_error == NULL)
    sc_proceeding_read_steps (json_object_get_member (object, "steps"), proceeding->steps, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "proceeding: %s", local_error->message);
      return NULL;
    }
  proceeding->kind = g_strdup (kind);
  proceeding->decision = g_strdup (decision);
  proceeding->ended_by = g_strdup (ended_by);
  proceeding->party = g_strdup (party);
  proceeding->ground = g_strdup (ground);
  proceeding->notes = g_strdup (notes);
  return g_steal_pointer (&proceeding);
}

/* A text member of at most @max characters; "" is none */
static const char *
read_text (JsonObject  *body,
           const char  *member,
           int          max,
           GError     **error)
{
  const char *text = NULL;

  if (sc_json_read_string (body, member, FALSE, &text, error) && text != NULL &&
      g_utf8_strlen (text, -1) > max)
    sc_set_field_error (error, member, "must be at most %d characters", max);
  return text != NULL && text[0] != '\0' ? text : NULL;
}

gboolean
sc_proceeding_change_read (JsonObject          *body,
                           ScProceedingChange  *change,
                           GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (body != NULL && change != NULL, FALSE);

  memset (change, 0, sizeof *change);
  sc_json_check_members (body, sc_proceeding_change_members, &local_error);
  for (guint i = 0; sc_proceeding_change_members[i] != NULL; i++)
    if (!json_object_has_member (body, sc_proceeding_change_members[i]))
      sc_set_field_error (&local_error, sc_proceeding_change_members[i],
                          "is needed: a change names all four of noted_on, party, ground and notes (null for none)");
  sc_json_read_day (body, "noted_on", FALSE, &change->noted_on, &local_error);
  change->party = read_text (body, "party", SC_PROCEEDING_PARTY_MAX_CHARS, &local_error);
  change->notes = read_text (body, "notes", SC_PROCEEDING_NOTES_MAX_CHARS, &local_error);
  change->ground = read_text (body, "ground", 100, &local_error);
  if (change->ground != NULL && !g_strv_contains (sc_proceeding_grounds, change->ground))
    {
      g_autofree char *grounds = g_strjoinv (", ", (char **) sc_proceeding_grounds);

      sc_set_field_error (&local_error, "ground", "must be one of %s", grounds);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

char *
sc_proceeding_change_to_json (const ScProceedingChange *change)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member_day (&writer, "noted_on", change->noted_on);
  sc_json_writer_member_string (&writer, "party", change->party);
  sc_json_writer_member_string (&writer, "ground", change->ground);
  sc_json_writer_member_string (&writer, "notes", change->notes);
  sc_json_writer_end_object (&writer);
  return g_string_free (out, FALSE);
}
