/* sc-person.c
 *
 * ScPerson and ScPersonContact and their JSON codec (the rules of a
 * person's input are in sc-person-input.c). Properties are read-only and never notify: a model is a
 * snapshot of one answer, like ScUser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-person"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sc-identifiers.h"
#include "sc-json.h"
#include "sc-person.h"
#include "sc-problem.h"

/* --- ScPersonContact ------------------------------------------------------ */

G_DEFINE_BOXED_TYPE (ScPersonContact, sc_person_contact, sc_person_contact_copy, sc_person_contact_free)

ScPersonContact *
sc_person_contact_new (const char *name)
{
  ScPersonContact *contact = g_new0 (ScPersonContact, 1);

  g_return_val_if_fail (name != NULL, NULL);

  contact->name = g_strdup (name);
  return contact;
}

ScPersonContact *
sc_person_contact_copy (const ScPersonContact *contact)
{
  ScPersonContact *copy;

  g_return_val_if_fail (contact != NULL, NULL);

  copy = sc_person_contact_new (contact->name);
  copy->relationship = g_strdup (contact->relationship);
  copy->phone = g_strdup (contact->phone);
  copy->email = g_strdup (contact->email);
  copy->preferred_contact = g_strdup (contact->preferred_contact);
  copy->parental_responsibility = contact->parental_responsibility;
  return copy;
}

void
sc_person_contact_free (ScPersonContact *contact)
{
  if (contact == NULL)
    return;
  g_free (contact->name);
  g_free (contact->relationship);
  g_free (contact->phone);
  g_free (contact->email);
  g_free (contact->preferred_contact);
  g_free (contact);
}

void
sc_person_contact_write_json (const ScPersonContact *contact,
                              ScJsonWriter          *writer)
{
  g_return_if_fail (contact != NULL);

  sc_json_writer_begin_object (writer);
  sc_json_writer_member_string (writer, "name", contact->name);
  sc_json_writer_member_string (writer, "relationship", contact->relationship);
  sc_json_writer_member_string (writer, "phone", contact->phone);
  sc_json_writer_member_string (writer, "email", contact->email);
  sc_json_writer_member_string (writer, "preferred_contact", contact->preferred_contact);
  sc_json_writer_member_boolean (writer, "parental_responsibility", contact->parental_responsibility);
  sc_json_writer_end_object (writer);
}

/* The first field error of @local_error as one MALFORMED error. */
static void
set_malformed (GError     **error,
               const char  *what,
               GError      *local_error)
{
  const ScProblem *problem = sc_error_get_problem (local_error);
  const ScFieldError *first = problem != NULL ? sc_problem_get_field_error (problem, 0) : NULL;

  if (first != NULL)
    g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "%s: member \"%s\" %s", what, first->field, first->message);
  else
    g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "%s: %s", what, local_error->message);
}

ScPersonContact *
sc_person_contact_new_from_json (JsonNode  *node,
                                 GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  ScPersonContact *contact;
  JsonObject *object;
  const char *name = NULL;
  const char *relationship = NULL;
  const char *phone = NULL;
  const char *email = NULL;
  const char *preferred = NULL;
  gboolean parental = FALSE;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "contact: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_string (object, "name", TRUE, &name, &local_error);
  sc_json_read_string (object, "relationship", FALSE, &relationship, &local_error);
  sc_json_read_string (object, "phone", FALSE, &phone, &local_error);
  sc_json_read_string (object, "email", FALSE, &email, &local_error);
  sc_json_read_string (object, "preferred_contact", FALSE, &preferred, &local_error);
  sc_json_read_boolean (object, "parental_responsibility", FALSE, &parental, NULL, &local_error);
  if (local_error != NULL)
    {
      set_malformed (error, "contact", local_error);
      return NULL;
    }
  contact = sc_person_contact_new (name);
  contact->relationship = g_strdup (relationship);
  contact->phone = g_strdup (phone);
  contact->email = g_strdup (email);
  contact->preferred_contact = g_strdup (preferred);
  contact->parental_responsibility = parental;
  return contact;
}

/* --- ScPerson ------------------------------------------------------------- */

struct _ScPerson
{
  GObject    parent_instance;

  /* Owned */
  char      *given_name;
  char      *family_name;
  char      *preferred_name;
  char      *display_name;
  char      *date_of_birth;
  char      *sex;
  char      *upn;
  char      *uln;
  char      *nhs_number;
  GStrv      address_lines;
  char      *town;
  char      *postcode;
  GStrv      languages;
  GPtrArray *contacts;

  gint64     id;
  gint64     version;
  gint64     created_at;
  gint64     updated_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_PREFERRED_NAME,
  PROP_DISPLAY_NAME,
  PROP_DATE_OF_BIRTH,
  PROP_SEX,
  PROP_UPN,
  PROP_ULN,
  PROP_NHS_NUMBER,
  PROP_TOWN,
  PROP_POSTCODE,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ScPerson, sc_person, G_TYPE_OBJECT)

static void
sc_person_finalize (GObject *object)
{
  ScPerson *self = (ScPerson *)object;

  g_clear_pointer (&self->given_name, g_free);
  g_clear_pointer (&self->family_name, g_free);
  g_clear_pointer (&self->preferred_name, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->date_of_birth, g_free);
  g_clear_pointer (&self->sex, g_free);
  g_clear_pointer (&self->upn, g_free);
  g_clear_pointer (&self->uln, g_free);
  g_clear_pointer (&self->nhs_number, g_free);
  g_clear_pointer (&self->address_lines, g_strfreev);
  g_clear_pointer (&self->town, g_free);
  g_clear_pointer (&self->postcode, g_free);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_person_parent_class)->finalize (object);
}

static void
sc_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ScPerson *self = SC_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_GIVEN_NAME:
      g_value_set_string (value, self->given_name);
      break;

    case PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;

    case PROP_PREFERRED_NAME:
      g_value_set_string (value, self->preferred_name);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, sc_person_get_display_name (self));
      break;

    case PROP_DATE_OF_BIRTH:
      g_value_set_string (value, self->date_of_birth);
      break;

    case PROP_SEX:
      g_value_set_string (value, self->sex);
      break;

    case PROP_UPN:
      g_value_set_string (value, self->upn);
      break;

    case PROP_ULN:
      g_value_set_string (value, self->uln);
      break;

    case PROP_NHS_NUMBER:
      g_value_set_string (value, self->nhs_number);
      break;

    case PROP_TOWN:
      g_value_set_string (value, self->town);
      break;

    case PROP_POSTCODE:
      g_value_set_string (value, self->postcode);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_person_class_init (ScPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sc_person_finalize;
  object_class->get_property = sc_person_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_GIVEN_NAME] = g_param_spec_string ("given-name", NULL, NULL, NULL, flags);
  properties[PROP_FAMILY_NAME] = g_param_spec_string ("family-name", NULL, NULL, NULL, flags);
  properties[PROP_PREFERRED_NAME] = g_param_spec_string ("preferred-name", NULL, NULL, NULL, flags);
  /**
   * ScPerson:display-name:
   *
   * The name to show: the preferred (or else given) name and the family name.
   */
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  /**
   * ScPerson:date-of-birth:
   *
   * "YYYY-MM-DD".
   */
  properties[PROP_DATE_OF_BIRTH] = g_param_spec_string ("date-of-birth", NULL, NULL, NULL, flags);
  properties[PROP_SEX] = g_param_spec_string ("sex", NULL, NULL, NULL, flags);
  properties[PROP_UPN] = g_param_spec_string ("upn", NULL, NULL, NULL, flags);
  properties[PROP_ULN] = g_param_spec_string ("uln", NULL, NULL, NULL, flags);
  properties[PROP_NHS_NUMBER] = g_param_spec_string ("nhs-number", NULL, NULL, NULL, flags);
  properties[PROP_TOWN] = g_param_spec_string ("town", NULL, NULL, NULL, flags);
  properties[PROP_POSTCODE] = g_param_spec_string ("postcode", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_person_init (ScPerson *self)
{
  self->languages = g_new0 (char *, 1);
  self->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_person_contact_free);
}

/**
 * sc_person_new:
 * @id: the person's id (positive; 0 for one not yet stored)
 * @given_name: the given name
 * @family_name: the family name
 * @date_of_birth: "YYYY-MM-DD"
 *
 * Returns: (transfer full): a new person with no other details
 */
ScPerson *
sc_person_new (gint64      id,
               const char *given_name,
               const char *family_name,
               const char *date_of_birth)
{
  ScPerson *self;

  g_return_val_if_fail (given_name != NULL, NULL);
  g_return_val_if_fail (family_name != NULL, NULL);
  g_return_val_if_fail (date_of_birth != NULL, NULL);

  self = g_object_new (SC_TYPE_PERSON, NULL);
  self->id = id;
  self->given_name = g_strdup (given_name);
  self->family_name = g_strdup (family_name);
  self->date_of_birth = g_strdup (date_of_birth);
  return self;
}

static char *
dup_or_null (const char *value)
{
  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

void
sc_person_set_preferred_name (ScPerson   *self,
                              const char *preferred_name)
{
  g_return_if_fail (SC_IS_PERSON (self));
  g_free (self->preferred_name);
  self->preferred_name = dup_or_null (preferred_name);
  g_clear_pointer (&self->display_name, g_free);
}

void
sc_person_set_sex (ScPerson   *self,
                   const char *sex)
{
  g_return_if_fail (SC_IS_PERSON (self));
  g_free (self->sex);
  self->sex = dup_or_null (sex);
}

void
sc_person_set_identifiers (ScPerson   *self,
                           const char *upn,
                           const char *uln,
                           const char *nhs_number)
{
  g_return_if_fail (SC_IS_PERSON (self));
  g_free (self->upn);
  g_free (self->uln);
  g_free (self->nhs_number);
  self->upn = dup_or_null (upn);
  self->uln = dup_or_null (uln);
  self->nhs_number = dup_or_null (nhs_number);
}

void
sc_person_set_address (ScPerson           *self,
                       const char * const *lines,
                       const char         *town,
                       const char         *postcode)
{
  g_return_if_fail (SC_IS_PERSON (self));
  g_clear_pointer (&self->address_lines, g_strfreev);
  g_free (self->town);
  g_free (self->postcode);
  if (lines != NULL && lines[0] != NULL)
    self->address_lines = g_strdupv ((char **) lines);
  self->town = dup_or_null (town);
  self->postcode = dup_or_null (postcode);
}

void
sc_person_set_languages (ScPerson           *self,
                         const char * const *languages)
{
  g_return_if_fail (SC_IS_PERSON (self));
  g_strfreev (self->languages);
  self->languages = languages != NULL ? g_strdupv ((char **) languages) : g_new0 (char *, 1);
}

void
sc_person_take_contacts (ScPerson  *self,
                         GPtrArray *contacts)
{
  g_return_if_fail (SC_IS_PERSON (self));
  g_return_if_fail (contacts != NULL);
  g_ptr_array_unref (self->contacts);
  self->contacts = contacts;
}

void
sc_person_set_version (ScPerson *self,
                       gint64    version)
{
  g_return_if_fail (SC_IS_PERSON (self));
  self->version = version;
}

void
sc_person_set_created_at (ScPerson *self,
                          gint64    unix_usec)
{
  g_return_if_fail (SC_IS_PERSON (self));
  self->created_at = unix_usec;
}

void
sc_person_set_updated_at (ScPerson *self,
                          gint64    unix_usec)
{
  g_return_if_fail (SC_IS_PERSON (self));
  self->updated_at = unix_usec;
}

gint64
sc_person_get_id (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), 0);
  return self->id;
}

const char *
sc_person_get_given_name (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->given_name;
}

const char *
sc_person_get_family_name (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->family_name;
}

const char *
sc_person_get_preferred_name (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->preferred_name;
}

char *
sc_person_join_names (const char *given_name,
                      const char *family_name)
{
  return g_strstrip (g_strdup_printf ("%s %s", given_name != NULL ? given_name : "",
                                      family_name != NULL ? family_name : ""));
}

const char *
sc_person_get_display_name (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);

  if (self->display_name == NULL)
    self->display_name = g_strdup_printf ("%s %s",
                                          self->preferred_name != NULL ? self->preferred_name : self->given_name,
                                          self->family_name);
  return self->display_name;
}

const char *
sc_person_get_date_of_birth (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->date_of_birth;
}

const char *
sc_person_get_sex (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->sex;
}

const char *
sc_person_get_upn (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->upn;
}

const char *
sc_person_get_uln (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->uln;
}

const char *
sc_person_get_nhs_number (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->nhs_number;
}

const char * const *
sc_person_get_address_lines (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return (const char * const *) self->address_lines;
}

const char *
sc_person_get_town (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->town;
}

const char *
sc_person_get_postcode (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->postcode;
}

const char * const *
sc_person_get_languages (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return (const char * const *) self->languages;
}

GPtrArray *
sc_person_get_contacts (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->contacts;
}

gint64
sc_person_get_version (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), 0);
  return self->version;
}

gint64
sc_person_get_created_at (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), 0);
  return self->created_at;
}

gint64
sc_person_get_updated_at (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), 0);
  return self->updated_at;
}

/* --- codec --------------------------------------------------------------- */

static void
write_strv (ScJsonWriter       *writer,
            const char * const *values)
{
  sc_json_writer_begin_array (writer);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    sc_json_writer_string (writer, values[i]);
  sc_json_writer_end_array (writer);
}

void
sc_person_write_json (ScPerson     *self,
                      ScJsonWriter *writer)
{
  g_return_if_fail (SC_IS_PERSON (self));
  g_return_if_fail (writer != NULL);

  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", self->id);
  sc_json_writer_member_string (writer, "given_name", self->given_name);
  sc_json_writer_member_string (writer, "family_name", self->family_name);
  sc_json_writer_member_string (writer, "preferred_name", self->preferred_name);
  sc_json_writer_member_string (writer, "date_of_birth", self->date_of_birth);
  sc_json_writer_member_string (writer, "sex", self->sex);
  sc_json_writer_member_string (writer, "upn", self->upn);
  sc_json_writer_member_string (writer, "uln", self->uln);
  sc_json_writer_member_string (writer, "nhs_number", self->nhs_number);
  sc_json_writer_member (writer, "address");
  if (self->address_lines == NULL)
    sc_json_writer_null (writer);
  else
    {
      sc_json_writer_begin_object (writer);
      sc_json_writer_member (writer, "lines");
      write_strv (writer, (const char * const *) self->address_lines);
      sc_json_writer_member_string (writer, "town", self->town);
      sc_json_writer_member_string (writer, "postcode", self->postcode);
      sc_json_writer_end_object (writer);
    }
  sc_json_writer_member (writer, "languages");
  write_strv (writer, (const char * const *) self->languages);
  sc_json_writer_member (writer, "contacts");
  sc_json_writer_begin_array (writer);
  for (guint i = 0; i < self->contacts->len; i++)
    sc_person_contact_write_json (g_ptr_array_index (self->contacts, i), writer);
  sc_json_writer_end_array (writer);
  sc_json_writer_member_int (writer, "version", self->version);
  sc_json_writer_member_time (writer, "created_at", self->created_at);
  sc_json_writer_member_time (writer, "updated_at", self->updated_at);
  sc_json_writer_end_object (writer);
}

/* An array of strings, or absent/null (*@out NULL). */
static GStrv
read_strv (JsonObject  *object,
           const char  *member,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      sc_set_field_error (error, member, "must be an array of strings");
      return NULL;
    }
  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          sc_set_field_error (error, member, "must be an array of strings");
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  return g_strv_builder_end (builder);
}

/**
 * sc_person_new_from_json:
 * @node: a JSON object as sc_person_write_json() writes it
 *
 * Returns: (transfer full) (nullable): the person, or %NULL with an
 *   SC_ERROR_MALFORMED @error naming the first bad member
 */
ScPerson *
sc_person_new_from_json (JsonNode  *node,
                         GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ScPerson) self = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_auto(GStrv) languages = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *given = NULL, *family = NULL, *preferred = NULL, *dob = NULL, *sex = NULL;
  const char *upn = NULL, *uln = NULL, *nhs = NULL, *town = NULL, *postcode = NULL;
  gint64 id = 0, version = 0, created_at = 0, updated_at = 0;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "person: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);

  sc_json_read_int (object, "id", TRUE, &id, &local_error);
  sc_json_read_string (object, "given_name", TRUE, &given, &local_error);
  sc_json_read_string (object, "family_name", TRUE, &family, &local_error);
  sc_json_read_string (object, "preferred_name", FALSE, &preferred, &local_error);
  sc_json_read_string (object, "date_of_birth", TRUE, &dob, &local_error);
  sc_json_read_string (object, "sex", FALSE, &sex, &local_error);
  sc_json_read_string (object, "upn", FALSE, &upn, &local_error);
  sc_json_read_string (object, "uln", FALSE, &uln, &local_error);
  sc_json_read_string (object, "nhs_number", FALSE, &nhs, &local_error);
  sc_json_read_int (object, "version", FALSE, &version, &local_error);
  sc_json_read_time (object, "created_at", FALSE, &created_at, &local_error);
  sc_json_read_time (object, "updated_at", FALSE, &updated_at, &local_error);
  languages = read_strv (object, "languages", &local_error);

  member = json_object_get_member (object, "address");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      JsonObject *address = json_node_get_object (member);

      lines = read_strv (address, "lines", &local_error);
      sc_json_read_string (address, "town", FALSE, &town, &local_error);
      sc_json_read_string (address, "postcode", FALSE, &postcode, &local_error);
      if (local_error == NULL && lines == NULL)
        sc_set_field_error (&local_error, "address.lines", "is required");
    }
  else if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    sc_set_field_error (&local_error, "address", "must be an object or null");

  contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_person_contact_free);
  member = json_object_get_member (object, "contacts");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);

      for (guint i = 0; local_error == NULL && i < json_array_get_length (array); i++)
        {
          g_autoptr(GError) contact_error = NULL;
          ScPersonContact *contact = sc_person_contact_new_from_json (json_array_get_element (array, i),
                                                                      &contact_error);

          if (contact == NULL)
            {
              g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "person: member \"contacts[%u]\": %s", i,
                           contact_error->message);
              return NULL;
            }
          g_ptr_array_add (contacts, contact);
        }
    }
  else if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    sc_set_field_error (&local_error, "contacts", "must be an array");

  if (local_error == NULL && id <= 0)
    sc_set_field_error (&local_error, "id", "must be a positive whole number");
  if (local_error != NULL)
    {
      set_malformed (error, "person", local_error);
      return NULL;
    }

  self = sc_person_new (id, given, family, dob);
  sc_person_set_preferred_name (self, preferred);
  sc_person_set_sex (self, sex);
  sc_person_set_identifiers (self, upn, uln, nhs);
  sc_person_set_address (self, (const char * const *) lines, town, postcode);
  sc_person_set_languages (self, (const char * const *) languages);
  sc_person_take_contacts (self, g_steal_pointer (&contacts));
  self->version = version;
  self->created_at = created_at;
  self->updated_at = updated_at;
  return g_steal_pointer (&self);
}
