/* sc-case.c
 *
 * ScCase and its codec (sc-case.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-case"

#include "config.h"

#include "sc-case.h"
#include "sc-json.h"
#include "sc-problem.h"

struct _ScCase
{
  GObject       parent_instance;

  /* Owned */
  ScCasePerson  person;
  ScCaseUser   *owner;
  GPtrArray    *assignees;      /* of ScCaseUser */
  char         *stage;
  char         *notes;
  char         *handover_note;
  ScCaseUser   *handed_over_by;  /* who last handed the case over, or NULL */
  char         *request_received;
  char         *request_source;
  char         *next_due;
  char         *next_milestone;

  gint64        id;
  gint64        version;
  gint64        created_at;
  gint64        updated_at;
  gint64        handed_over_at;
  gboolean      restricted;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_STAGE,
  PROP_RESTRICTED,
  PROP_NOTES,
  PROP_NEXT_DUE,
  PROP_NEXT_MILESTONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ScCase, sc_case, G_TYPE_OBJECT)

const char * const sc_case_request_sources[] = {
  "parent", "setting", "health", "social_care", "other", NULL
};

gboolean
sc_case_check_request_source (const char  *value,
                              GError     **error)
{
  if (value != NULL && g_strv_contains (sc_case_request_sources, value))
    return TRUE;
  sc_set_field_error (error, "request_source", "must be one of parent, setting, health, social_care, other");
  return FALSE;
}

static void
person_clear (ScCasePerson *person)
{
  g_clear_pointer (&person->given_name, g_free);
  g_clear_pointer (&person->family_name, g_free);
  g_clear_pointer (&person->date_of_birth, g_free);
  g_clear_pointer (&person->upn, g_free);
}

static void
sc_case_finalize (GObject *object)
{
  ScCase *self = (ScCase *) object;

  person_clear (&self->person);
  g_clear_pointer (&self->owner, sc_case_user_free);
  g_clear_pointer (&self->assignees, g_ptr_array_unref);
  g_clear_pointer (&self->stage, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->handover_note, g_free);
  g_clear_pointer (&self->handed_over_by, sc_case_user_free);
  g_clear_pointer (&self->request_received, g_free);
  g_clear_pointer (&self->request_source, g_free);
  g_clear_pointer (&self->next_due, g_free);
  g_clear_pointer (&self->next_milestone, g_free);

  G_OBJECT_CLASS (sc_case_parent_class)->finalize (object);
}

static void
sc_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ScCase *self = SC_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;

    case PROP_RESTRICTED:
      g_value_set_boolean (value, self->restricted);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_NEXT_DUE:
      g_value_set_string (value, self->next_due);
      break;

    case PROP_NEXT_MILESTONE:
      g_value_set_string (value, self->next_milestone);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_case_class_init (ScCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_case_finalize;
  object_class->get_property = sc_case_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE] = g_param_spec_string ("stage", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESTRICTED] = g_param_spec_boolean ("restricted", NULL, NULL, FALSE,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_DUE] = g_param_spec_string ("next-due", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_MILESTONE] = g_param_spec_string ("next-milestone", NULL, NULL, NULL,
                                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_case_init (ScCase *self)
{
  self->assignees = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_case_user_free);
}

ScCase *
sc_case_new (gint64 id)
{
  ScCase *self = g_object_new (SC_TYPE_CASE, NULL);

  self->id = id;
  return self;
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

void
sc_case_set_person (ScCase     *self,
                    gint64      id,
                    const char *given_name,
                    const char *family_name,
                    const char *date_of_birth,
                    const char *upn)
{
  g_return_if_fail (SC_IS_CASE (self));
  person_clear (&self->person);
  self->person.id = id;
  self->person.given_name = g_strdup (given_name != NULL ? given_name : "");
  self->person.family_name = g_strdup (family_name != NULL ? family_name : "");
  self->person.date_of_birth = g_strdup (date_of_birth != NULL ? date_of_birth : "");
  self->person.upn = g_strdup (upn);
}

void
sc_case_take_owner (ScCase     *self,
                    ScCaseUser *owner)
{
  g_return_if_fail (SC_IS_CASE (self));
  g_clear_pointer (&self->owner, sc_case_user_free);
  self->owner = owner;
}

void
sc_case_take_assignee (ScCase     *self,
                       ScCaseUser *assignee)
{
  g_return_if_fail (SC_IS_CASE (self));
  g_return_if_fail (assignee != NULL);
  g_ptr_array_add (self->assignees, assignee);
}

void
sc_case_set_stage_name (ScCase     *self,
                   const char *stage)
{
  g_return_if_fail (SC_IS_CASE (self));
  replace (&self->stage, stage);
}

void
sc_case_set_restricted (ScCase   *self,
                        gboolean  restricted)
{
  g_return_if_fail (SC_IS_CASE (self));
  self->restricted = restricted;
}

void
sc_case_set_notes (ScCase     *self,
                   const char *notes,
                   const char *handover_note)
{
  g_return_if_fail (SC_IS_CASE (self));
  replace (&self->notes, notes);
  replace (&self->handover_note, handover_note);
}

void
sc_case_take_handover (ScCase     *self,
                       ScCaseUser *by,
                       gint64      at_usec)
{
  g_return_if_fail (SC_IS_CASE (self));
  g_clear_pointer (&self->handed_over_by, sc_case_user_free);
  self->handed_over_by = by;
  self->handed_over_at = at_usec;
}

const ScCaseUser *
sc_case_get_handed_over_by (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), NULL);
  return self->handed_over_by;
}

gint64
sc_case_get_handed_over_at (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), 0);
  return self->handed_over_at;
}

void
sc_case_set_request (ScCase     *self,
                     const char *received,
                     const char *source)
{
  g_return_if_fail (SC_IS_CASE (self));
  replace (&self->request_received, received);
  replace (&self->request_source, source);
}

void
sc_case_set_next (ScCase     *self,
                  const char *due,
                  const char *milestone)
{
  g_return_if_fail (SC_IS_CASE (self));
  replace (&self->next_due, due);
  replace (&self->next_milestone, milestone);
}

void
sc_case_set_version (ScCase *self,
                     gint64  version)
{
  g_return_if_fail (SC_IS_CASE (self));
  self->version = version;
}

void
sc_case_set_times (ScCase *self,
                   gint64  created_at,
                   gint64  updated_at)
{
  g_return_if_fail (SC_IS_CASE (self));
  self->created_at = created_at;
  self->updated_at = updated_at;
}

gint64
sc_case_get_id (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), 0);
  return self->id;
}

gint64
sc_case_get_version (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), 0);
  return self->version;
}

const ScCasePerson *
sc_case_get_person (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), NULL);
  return &self->person;
}

const ScCaseUser *
sc_case_get_owner (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), NULL);
  return self->owner;
}

guint
sc_case_get_n_assignees (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), 0);
  return self->assignees->len;
}

const ScCaseUser *
sc_case_get_assignee (ScCase *self,
                      guint   index)
{
  g_return_val_if_fail (SC_IS_CASE (self), NULL);
  g_return_val_if_fail (index < self->assignees->len, NULL);
  return g_ptr_array_index (self->assignees, index);
}

const char *
sc_case_get_stage_name (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), NULL);
  return self->stage;
}

gboolean
sc_case_get_restricted (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), FALSE);
  return self->restricted;
}

const char *
sc_case_get_notes (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), NULL);
  return self->notes;
}

const char *
sc_case_get_handover_note (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), NULL);
  return self->handover_note;
}

const char *
sc_case_get_request_received (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), NULL);
  return self->request_received;
}

const char *
sc_case_get_request_source (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), NULL);
  return self->request_source;
}

const char *
sc_case_get_next_due (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), NULL);
  return self->next_due;
}

const char *
sc_case_get_next_milestone (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), NULL);
  return self->next_milestone;
}

gint64
sc_case_get_created_at (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), 0);
  return self->created_at;
}

gint64
sc_case_get_updated_at (ScCase *self)
{
  g_return_val_if_fail (SC_IS_CASE (self), 0);
  return self->updated_at;
}

/* --- the codec ----------------------------------------------------------- */

void
sc_case_write_json (ScCase       *self,
                    ScJsonWriter *writer)
{
  g_return_if_fail (SC_IS_CASE (self));

  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", self->id);
  sc_json_writer_member_int (writer, "version", self->version);
  sc_json_writer_member (writer, "person");
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", self->person.id);
  sc_json_writer_member_string (writer, "given_name", self->person.given_name);
  sc_json_writer_member_string (writer, "family_name", self->person.family_name);
  sc_json_writer_member_string (writer, "date_of_birth", self->person.date_of_birth);
  sc_json_writer_member_string (writer, "upn", self->person.upn);
  sc_json_writer_end_object (writer);
  sc_json_writer_member (writer, "owner");
  sc_case_user_write_json (self->owner, writer);
  sc_json_writer_member (writer, "assignees");
  sc_json_writer_begin_array (writer);
  for (guint i = 0; i < self->assignees->len; i++)
    sc_case_user_write_json (g_ptr_array_index (self->assignees, i), writer);
  sc_json_writer_end_array (writer);
  sc_json_writer_member_string (writer, "stage", self->stage);
  sc_json_writer_member_boolean (writer, "restricted", self->restricted);
  sc_json_writer_member_string (writer, "notes", self->notes);
  sc_json_writer_member_string (writer, "handover_note", self->handover_note);
  sc_json_writer_member (writer, "handed_over_by");
  if (self->handed_over_by != NULL)
    sc_case_user_write_json (self->handed_over_by, writer);
  else
    sc_json_writer_null (writer);
  sc_json_writer_member_time (writer, "handed_over_at", self->handed_over_at);
  sc_json_writer_member_string (writer, "request_received", self->request_received);
  sc_json_writer_member_string (writer, "request_source", self->request_source);
  sc_json_writer_member_string (writer, "next_due", self->next_due);
  sc_json_writer_member_string (writer, "next_milestone", self->next_milestone);
  sc_json_writer_member_time (writer, "created_at", self->created_at);
  sc_json_writer_member_time (writer, "updated_at", self->updated_at);
  sc_json_writer_end_object (writer);
}

static gboolean
read_person (JsonObject    *object,
             ScCasePerson  *person,
             GError       **error)
{
  JsonNode *node = json_object_get_member (object, "person");
  g_autoptr(GError) local_error = NULL;
  const char *given = NULL;
  const char *family = NULL;
  const char *dob = "";
  const char *upn = NULL;
  JsonObject *p;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      sc_set_field_error (error, "person", "must be an object");
      return FALSE;
    }
  p = json_node_get_object (node);
  sc_json_read_int (p, "id", TRUE, &person->id, &local_error);
  sc_json_read_string (p, "given_name", TRUE, &given, &local_error);
  sc_json_read_string (p, "family_name", TRUE, &family, &local_error);
  sc_json_read_string (p, "date_of_birth", FALSE, &dob, &local_error);
  sc_json_read_string (p, "upn", FALSE, &upn, &local_error);
  if (local_error != NULL || person->id <= 0)
    {
      sc_set_field_error (error, "person", "must have an id, a given name and a family name");
      return FALSE;
    }
  person->given_name = g_strdup (given);
  person->family_name = g_strdup (family);
  person->date_of_birth = g_strdup (dob);
  person->upn = g_strdup (upn);
  return TRUE;
}

ScCase *
sc_case_new_from_json (JsonNode  *node,
                       GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ScCase) self = NULL;
  JsonObject *object;
  JsonNode *assignees;
  const char *stage = NULL;
  const char *notes = NULL;
  const char *handover = NULL;
  const char *received = NULL;
  const char *source = NULL;
  const char *due = NULL;
  const char *milestone = NULL;
  gint64 id = 0;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "case: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_int (object, "id", TRUE, &id, &local_error);
  self = sc_case_new (id);
  sc_json_read_int (object, "version", FALSE, &self->version, &local_error);
  read_person (object, &self->person, &local_error);
  self->owner = sc_case_user_read (object, "owner", TRUE, &local_error);
  assignees = json_object_get_member (object, "assignees");
  if (assignees != NULL && JSON_NODE_HOLDS_ARRAY (assignees))
    {
      JsonArray *array = json_node_get_array (assignees);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autoptr(JsonObject) wrapper = json_object_new ();
          ScCaseUser *user;

          json_object_set_member (wrapper, "assignee", json_node_copy (json_array_get_element (array, i)));
          if ((user = sc_case_user_read (wrapper, "assignee", TRUE, &local_error)) != NULL)
            g_ptr_array_add (self->assignees, user);
        }
    }
  else if (assignees != NULL && !JSON_NODE_HOLDS_NULL (assignees))
    sc_set_field_error (&local_error, "assignees", "must be an array");
  sc_json_read_string (object, "stage", TRUE, &stage, &local_error);
  sc_json_read_boolean (object, "restricted", FALSE, &self->restricted, NULL, &local_error);
  sc_json_read_string (object, "notes", FALSE, &notes, &local_error);
  sc_json_read_string (object, "handover_note", FALSE, &handover, &local_error);
  self->handed_over_by = sc_case_user_read (object, "handed_over_by", FALSE, &local_error);
  sc_json_read_time (object, "handed_over_at", FALSE, &self->handed_over_at, &local_error);
  sc_json_read_string (object, "request_received", FALSE, &received, &local_error);
  sc_json_read_string (object, "request_source", FALSE, &source, &local_error);
  sc_json_read_string (object, "next_due", FALSE, &due, &local_error);
  sc_json_read_string (object, "next_milestone", FALSE, &milestone, &local_error);
  sc_json_read_time (object, "created_at", FALSE, &self->created_at, &local_error);
  sc_json_read_time (object, "updated_at", FALSE, &self->updated_at, &local_error);
  if (local_error == NULL && id <= 0)
    sc_set_field_error (&local_error, "id", "must be a positive whole number");
  if (local_error != NULL)
    {
      const ScProblem *problem = sc_error_get_problem (local_error);
      const ScFieldError *first = problem != NULL && sc_problem_get_n_field_errors (problem) > 0 ?
                                  sc_problem_get_field_error (problem, 0) : NULL;

      if (first != NULL)
        g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "case: member \"%s\" %s", first->field, first->message);
      else
        g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "case: %s", local_error->message);
      return NULL;
    }
  self->stage = g_strdup (stage);
  self->notes = g_strdup (notes);
  self->handover_note = g_strdup (handover);
  self->request_received = g_strdup (received);
  self->request_source = g_strdup (source);
  self->next_due = g_strdup (due);
  self->next_milestone = g_strdup (milestone);
  return g_steal_pointer (&self);
}
