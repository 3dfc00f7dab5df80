/* scc-person-forms.c
 *
 * SccPersonFormVm: see scc-person-forms.h. The fields are flat strings;
 * build_input turns them into the members of a PersonInput (a create) or
 * a PersonChange (an edit: only what differs from the person as read),
 * which validate checks with sc_person_check_input and keeps, in its
 * stored form, for submit_async to send.
 *
 * confirm_different_person is a kept field of its own, so confirming is
 * new input to the base: it gets a new Idempotency-Key rather than the
 * refused request's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-person-forms"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "sc-error.h"
#include "sc-problem.h"

#include "scc-person-forms.h"

#define CONFIRM_FIELD "confirm_different_person"

static const char * const text_members[] = {
  "given_name", "family_name", "preferred_name", "date_of_birth", "sex", "upn", "uln", "nhs_number", NULL
};

/* The members of each element of the "contacts" group; the text ones first. */
static const char * const contact_members[] = {
  "name", "relationship", "phone", "email", "preferred_contact", "parental_responsibility", NULL
};
#define N_CONTACT_TEXT_MEMBERS 5

struct _SccPersonFormVm
{
  SccFormVm     parent_instance;

  /* Owned */
  ScPerson     *person;      /* edited, NULL for a new one */
  ScPerson     *created;
  ScPerson     *duplicate;
  char         *duplicate_message;
  JsonObject   *input;       /* checked, between validate and submit */
  GCancellable *reading;     /* the GET of a duplicate or after a 412 */
};

enum {
  PROP_0,
  PROP_PERSON,
  PROP_DUPLICATE,
  PROP_DUPLICATE_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccPersonFormVm, scc_person_form_vm, SCC_TYPE_FORM_VM)

/* --- formats -------------------------------------------------------------- */

static const char * const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
  N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

char *
scc_person_format_date (const char *date)
{
  GDate parsed;

  if (!parse_date (date, &parsed))
    return g_strdup (date != NULL ? date : "");
  return g_strdup_printf ("%u %s %u", g_date_get_day (&parsed),
                          _(month_names[g_date_get_month (&parsed) - 1]), g_date_get_year (&parsed));
}

char *
scc_person_format_age (const char  *date_of_birth,
                       const GDate *today)
{
  GDate born, now;
  int years;

  if (!parse_date (date_of_birth, &born))
    return g_strdup ("");
  if (today != NULL)
    now = *today;
  else
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
    }
  years = (int)g_date_get_year (&now) - (int)g_date_get_year (&born);
  if (g_date_get_month (&now) < g_date_get_month (&born) ||
      (g_date_get_month (&now) == g_date_get_month (&born) && g_date_get_day (&now) < g_date_get_day (&born)))
    years--;
  return years >= 0 ? g_strdup_printf ("%d", years) : g_strdup ("");
}

char *
scc_person_format_nhs_number (const char *nhs_number)
{
  if (nhs_number == NULL)
    return g_strdup ("");
  if (strlen (nhs_number) != 10)
    return g_strdup (nhs_number);
  return g_strdup_printf ("%.3s %.3s %.4s", nhs_number, nhs_number + 3, nhs_number + 6);
}

char *
scc_person_format_list_name (ScPerson *person)
{
  const char *preferred;

  g_return_val_if_fail (SC_IS_PERSON (person), NULL);

  preferred = sc_person_get_preferred_name (person);
  if (preferred != NULL && preferred[0] != '\0')
    return g_strdup_printf ("%s, %s (%s)", sc_person_get_family_name (person),
                            sc_person_get_given_name (person), preferred);
  return g_strdup_printf ("%s, %s", sc_person_get_family_name (person), sc_person_get_given_name (person));
}

/* --- fields and input ----------------------------------------------------- */

static char *
value_of (SccFormVm  *form,
          const char *name)
{
  return g_strstrip (g_strdup (scc_form_vm_get_value (form, name)));
}

static const char *
or_empty (const char *value)
{
  return value != NULL ? value : "";
}

/* The address from the fields, or NULL when every part is empty. */
static JsonNode *
address_from_fields (SccFormVm *form)
{
  g_autoptr(JsonObject) address = json_object_new ();
  g_autoptr(JsonArray) lines = json_array_new ();
  g_autofree char *town = value_of (form, "address.town");
  g_autofree char *postcode = value_of (form, "address.postcode");
  gboolean any = town[0] != '\0' || postcode[0] != '\0';

  for (guint i = 0; i < SC_PERSON_MAX_ADDRESS_LINES; i++)
    {
      g_autofree char *name = g_strdup_printf ("address.lines[%u]", i);
      g_autofree char *line = value_of (form, name);

      if (line[0] != '\0')
        {
          json_array_add_string_element (lines, line);
          any = TRUE;
        }
    }
  if (!any)
    return NULL;
  json_object_set_array_member (address, "lines", g_steal_pointer (&lines));
  if (town[0] != '\0')
    json_object_set_string_member (address, "town", town);
  if (postcode[0] != '\0')
    json_object_set_string_member (address, "postcode", postcode);
  return json_node_init_object (json_node_alloc (), address);
}

static JsonNode *
languages_from_fields (SccFormVm *form)
{
  g_auto(GStrv) parts = g_strsplit (scc_form_vm_get_value (form, "languages"), ",", -1);
  g_autoptr(JsonArray) languages = json_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        json_array_add_string_element (languages, parts[i]);
    }
  return json_node_init_array (json_node_alloc (), languages);
}

static JsonObject *
contact_to_object (const ScPersonContact *contact)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "name", contact->name);
#define OPTIONAL(member) \
  if (contact->member != NULL) json_object_set_string_member (object, #member, contact->member)
  OPTIONAL (relationship);
  OPTIONAL (phone);
  OPTIONAL (email);
  OPTIONAL (preferred_contact);
#undef OPTIONAL
  json_object_set_boolean_member (object, "parental_responsibility", contact->parental_responsibility);
  return object;
}

/* Contact @index from the fields: its text members as typed (none empty),
 * parental_responsibility always. An empty contact is sent as it is, for
 * the rules to refuse beside its name: contact N of the form is always
 * contacts[N] of the request and of the server's errors. */
static JsonObject *
contact_from_fields (SccFormVm *form,
                     guint      index)
{
  JsonObject *contact = json_object_new ();
  g_autofree char *parental = scc_form_vm_dup_group_field_name ("contacts", index, "parental_responsibility");

  for (guint i = 0; i < N_CONTACT_TEXT_MEMBERS; i++)
    {
      g_autofree char *name = scc_form_vm_dup_group_field_name ("contacts", index, contact_members[i]);
      g_autofree char *value = value_of (form, name);

      if (value[0] != '\0')
        json_object_set_string_member (contact, contact_members[i], value);
    }
  json_object_set_boolean_member (contact, "parental_responsibility",
                                  g_str_equal (scc_form_vm_get_value (form, parental), "true"));
  return contact;
}

static JsonNode *
contacts_from_fields (SccFormVm *form)
{
  g_autoptr(JsonArray) contacts = json_array_new ();
  guint n_contacts = scc_form_vm_get_group_size (form, "contacts");

  for (guint i = 0; i < n_contacts; i++)
    json_array_add_object_element (contacts, contact_from_fields (form, i));
  return json_node_init_array (json_node_alloc (), contacts);
}

static const char *
person_text (ScPerson   *person,
             const char *member)
{
  if (g_str_equal (member, "given_name")) return sc_person_get_given_name (person);
  if (g_str_equal (member, "family_name")) return sc_person_get_family_name (person);
  if (g_str_equal (member, "preferred_name")) return sc_person_get_preferred_name (person);
  if (g_str_equal (member, "date_of_birth")) return sc_person_get_date_of_birth (person);
  if (g_str_equal (member, "sex")) return sc_person_get_sex (person);
  if (g_str_equal (member, "upn")) return sc_person_get_upn (person);
  if (g_str_equal (member, "uln")) return sc_person_get_uln (person);
  if (g_str_equal (member, "nhs_number")) return sc_person_get_nhs_number (person);
  g_return_val_if_reached (NULL);
}

static JsonNode *
person_address (ScPerson *person)
{
  const char * const *lines = sc_person_get_address_lines (person);
  g_autoptr(JsonObject) address = NULL;
  g_autoptr(JsonArray) array = NULL;

  if (lines == NULL)
    return NULL;
  address = json_object_new ();
  array = json_array_new ();
  for (guint i = 0; lines[i] != NULL; i++)
    json_array_add_string_element (array, lines[i]);
  json_object_set_array_member (address, "lines", g_steal_pointer (&array));
  if (sc_person_get_town (person) != NULL)
    json_object_set_string_member (address, "town", sc_person_get_town (person));
  if (sc_person_get_postcode (person) != NULL)
    json_object_set_string_member (address, "postcode", sc_person_get_postcode (person));
  return json_node_init_object (json_node_alloc (), address);
}

static JsonNode *
person_languages (ScPerson *person)
{
  const char * const *languages = sc_person_get_languages (person);
  g_autoptr(JsonArray) array = json_array_new ();

  for (guint i = 0; languages[i] != NULL; i++)
    json_array_add_string_element (array, languages[i]);
  return json_node_init_array (json_node_alloc (), array);
}

static JsonNode *
person_contacts (ScPerson *person)
{
  GPtrArray *contacts = sc_person_get_contacts (person);
  g_autoptr(JsonArray) array = json_array_new ();

  for (guint i = 0; i < contacts->len; i++)
    json_array_add_object_element (array, contact_to_object (g_ptr_array_index (contacts, i)));
  return json_node_init_array (json_node_alloc (), array);
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

/* A structured member: set on a create when it says something, on a
 * change when it differs from the person's (null: cleared). */
static void
put_node (JsonObject *input,
          const char *member,
          JsonNode   *value,   /* transfer full, nullable */
          JsonNode   *was,     /* transfer full, nullable; NULL on a create */
          gboolean    update)
{
  if (!update)
    {
      if (value != NULL)
        json_object_set_member (input, member, value);
    }
  else if (!nodes_equal (value, was))
    json_object_set_member (input, member, value != NULL ? value : json_node_new (JSON_NODE_NULL));
  else if (value != NULL)
    json_node_unref (value);
  if (was != NULL)
    json_node_unref (was);
}

/* Returns: (transfer full): the members of the input */
static JsonObject *
build_input (SccPersonFormVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);
  JsonObject *input = json_object_new ();
  gboolean update = self->person != NULL;
  JsonNode *languages;

  for (guint i = 0; text_members[i] != NULL; i++)
    {
      g_autofree char *value = value_of (form, text_members[i]);

      if (!update)
        {
          /* The required ones always go, so an empty one is named as the API names it. */
          if (value[0] != '\0' || g_str_equal (text_members[i], "given_name") ||
              g_str_equal (text_members[i], "family_name") || g_str_equal (text_members[i], "date_of_birth"))
            json_object_set_string_member (input, text_members[i], value);
        }
      else if (g_strcmp0 (value, or_empty (person_text (self->person, text_members[i]))) != 0)
        {
          if (value[0] != '\0')
            json_object_set_string_member (input, text_members[i], value);
          else
            json_object_set_null_member (input, text_members[i]);
        }
    }

  put_node (input, "address", address_from_fields (form), update ? person_address (self->person) : NULL, update);
  languages = languages_from_fields (form);
  if (!update && json_array_get_length (json_node_get_array (languages)) == 0)
    g_clear_pointer (&languages, json_node_unref);
  put_node (input, "languages", languages, update ? person_languages (self->person) : NULL, update);
  {
    JsonNode *contacts = contacts_from_fields (form);

    if (!update && json_array_get_length (json_node_get_array (contacts)) == 0)
      g_clear_pointer (&contacts, json_node_unref);
    put_node (input, "contacts", contacts, update ? person_contacts (self->person) : NULL, update);
  }
  return input;
}

/* The field a member's error belongs beside: "languages[1]" is the
 * languages entry's, "address.lines" the first line's. */
static SccFormField *
field_for (SccFormVm  *form,
           const char *member)
{
  SccFormField *field = scc_form_vm_lookup_field (form, member);

  if (field == NULL && g_str_has_prefix (member, "languages"))
    field = scc_form_vm_lookup_field (form, "languages");
  if (field == NULL && g_str_equal (member, "address.lines"))
    field = scc_form_vm_lookup_field (form, "address.lines[0]");
  return field;
}

/* Puts each field error of @error beside its field. Returns: FALSE if one
 * belongs to no field (it is then in the general error). */
static gboolean
show_field_errors (SccFormVm    *form,
                   const GError *error)
{
  const ScProblem *problem = sc_error_get_problem (error);
  guint n_errors = problem != NULL ? sc_problem_get_n_field_errors (problem) : 0;

  for (guint i = 0; i < n_errors; i++)
    {
      const ScFieldError *field_error = sc_problem_get_field_error (problem, i);
      SccFormField *field = field_for (form, field_error->field);

      if (field != NULL)
        {
          if (scc_form_field_get_error (field) == NULL)
            scc_form_field_set_error (field, field_error->message);
        }
      else
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("%s: %s %s."), scc_form_vm_get_failure_text (form),
                                     field_error->field, field_error->message);
          scc_form_vm_set_error_message (form, message);
          return FALSE;
        }
    }
  return n_errors > 0;
}

static void
set_duplicate (SccPersonFormVm *self,
               ScPerson        *duplicate)
{
  g_autofree char *born = NULL;

  if (self->duplicate == duplicate)
    return;
  g_set_object (&self->duplicate, duplicate);
  g_clear_pointer (&self->duplicate_message, g_free);
  if (duplicate != NULL)
    {
      born = scc_person_format_date (sc_person_get_date_of_birth (duplicate));
      self->duplicate_message = g_strdup_printf (_("%s %s, born %s, is already recorded."),
                                                 sc_person_get_given_name (duplicate),
                                                 sc_person_get_family_name (duplicate), born);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUPLICATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUPLICATE_MESSAGE]);
}

/* --- the form ------------------------------------------------------------- */

static gboolean
scc_person_form_vm_validate (SccFormVm *form)
{
  SccPersonFormVm *self = SCC_PERSON_FORM_VM (form);
  g_autoptr(JsonObject) input = build_input (self);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->input, json_object_unref);
  set_duplicate (self, NULL);

  if (self->person != NULL && json_object_get_size (input) == 0)
    {
      scc_form_vm_set_notice (form, _("Nothing has changed."));
      return FALSE;
    }
  self->input = sc_person_check_input (input, self->person != NULL, &error);
  if (self->input == NULL)
    {
      if (!show_field_errors (form, error) && scc_form_vm_get_error_message (form) == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("%s: %s."), scc_form_vm_get_failure_text (form),
                                                      error->message);
          scc_form_vm_set_error_message (form, message);
        }
      return FALSE;
    }
  return TRUE;
}

static void
answer_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ScPerson *(*finish) (SccApiClient *, GAsyncResult *, GError **) = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  ScPerson *person;

  person = finish (SCC_API_CLIENT (object), result, &error);
  if (person == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, person, g_object_unref);
}

static void
scc_person_form_vm_submit_async (SccFormVm           *form,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  SccPersonFormVm *self = SCC_PERSON_FORM_VM (form);
  GTask *task = g_task_new (form, cancellable, callback, user_data);

  if (self->person == NULL)
    {
      g_task_set_task_data (task, scc_api_client_create_person_finish, NULL);
      scc_api_client_create_person_async (scc_form_vm_get_api_client (form), self->input,
                                          g_str_equal (scc_form_vm_get_value (form, CONFIRM_FIELD), "true"),
                                          scc_form_vm_get_idempotency_key (form),
                                          cancellable, answer_cb, task);
    }
  else
    {
      g_task_set_task_data (task, scc_api_client_update_person_finish, NULL);
      scc_api_client_update_person_async (scc_form_vm_get_api_client (form), self->person, self->input,
                                          cancellable, answer_cb, task);
    }
}

static gboolean
scc_person_form_vm_submit_finish (SccFormVm     *form,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  SccPersonFormVm *self = SCC_PERSON_FORM_VM (form);
  g_autoptr(ScPerson) person = g_task_propagate_pointer (G_TASK (result), error);

  if (person == NULL)
    return FALSE;
  if (self->person == NULL)
    g_set_object (&self->created, person);
  else
    scc_person_form_vm_set_person (self, person);
  return TRUE;
}

static void
scc_person_form_vm_succeeded (SccFormVm *form)
{
  SccPersonFormVm *self = SCC_PERSON_FORM_VM (form);
  g_autofree char *notice = NULL;

  if (self->person != NULL)
    {
      scc_form_vm_set_notice (form, _("The changes have been saved."));
      return;
    }
  scc_form_vm_clear (form);
  notice = g_strdup_printf (_("%s %s has been recorded."), sc_person_get_given_name (self->created),
                            sc_person_get_family_name (self->created));
  scc_form_vm_set_notice (form, notice);
}

static void
duplicate_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SccPersonFormVm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPerson) person = NULL;

  person = scc_api_client_get_person_finish (SCC_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->reading);
  if (person == NULL)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("This may be a person already recorded, who could not be read: %s."),
                                 error->message);
      scc_form_vm_set_error_message (SCC_FORM_VM (self), message);
      return;
    }
  set_duplicate (self, person);
}

static void
reread_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SccPersonFormVm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPerson) person = NULL;

  person = scc_api_client_get_person_finish (SCC_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->reading);
  if (person == NULL)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Someone else changed this person meanwhile, and their version "
                                   "could not be read: %s."), error->message);
      scc_form_vm_set_error_message (SCC_FORM_VM (self), message);
      return;
    }
  scc_person_form_vm_set_person (self, person);
  scc_form_vm_set_notice (SCC_FORM_VM (self),
                          _("Someone else changed this person meanwhile. The form now shows their "
                            "version: make your change again."));
}

/* The id of "matches person N" on a names-and-date-of-birth match, or 0
 * (no match, or one on an identifier, which no confirmation overrides). */
static gint64
duplicate_id (const GError *error)
{
  const ScProblem *problem = sc_error_get_problem (error);
  guint n_errors = problem != NULL ? sc_problem_get_n_field_errors (problem) : 0;
  gint64 id = 0;

  for (guint i = 0; i < n_errors; i++)
    {
      const ScFieldError *field_error = sc_problem_get_field_error (problem, i);

      if (g_str_equal (field_error->field, "upn") || g_str_equal (field_error->field, "uln") ||
          g_str_equal (field_error->field, "nhs_number"))
        return 0;
      if (g_str_has_prefix (field_error->message, "matches person "))
        id = g_ascii_strtoll (field_error->message + strlen ("matches person "), NULL, 10);
    }
  return id;
}

static void
scc_person_form_vm_show_error (SccFormVm    *form,
                               const GError *error)
{
  SccPersonFormVm *self = SCC_PERSON_FORM_VM (form);

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);

  if (g_error_matches (error, SC_ERROR, SC_ERROR_PRECONDITION_FAILED) && self->person != NULL)
    {
      self->reading = g_cancellable_new ();
      scc_api_client_get_person_async (scc_form_vm_get_api_client (form), sc_person_get_id (self->person),
                                       self->reading, reread_cb, g_object_ref (self));
      return;
    }
  if (g_error_matches (error, SC_ERROR, SC_ERROR_CONFLICT))
    {
      gint64 id = duplicate_id (error);

      show_field_errors (form, error);
      if (id > 0 && self->person == NULL)
        {
          self->reading = g_cancellable_new ();
          scc_api_client_get_person_async (scc_form_vm_get_api_client (form), id,
                                           self->reading, duplicate_read_cb, g_object_ref (self));
          return;
        }
    }
  if (g_error_matches (error, SC_ERROR, SC_ERROR_INVALID_INPUT))
    {
      show_field_errors (form, error);
      return;
    }
  SCC_FORM_VM_CLASS (scc_person_form_vm_parent_class)->show_error (form, error);
}

static void
scc_person_form_vm_clear (SccFormVm *form)
{
  SccPersonFormVm *self = SCC_PERSON_FORM_VM (form);

  SCC_FORM_VM_CLASS (scc_person_form_vm_parent_class)->clear (form);
  set_duplicate (self, NULL);
  scc_form_vm_set_value (form, CONFIRM_FIELD, "");
}

static void
scc_person_form_vm_dispose (GObject *object)
{
  SccPersonFormVm *self = SCC_PERSON_FORM_VM (object);

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_object (&self->person);
  g_clear_object (&self->created);
  g_clear_object (&self->duplicate);
  g_clear_pointer (&self->input, json_object_unref);

  G_OBJECT_CLASS (scc_person_form_vm_parent_class)->dispose (object);
}

static void
scc_person_form_vm_finalize (GObject *object)
{
  g_free (SCC_PERSON_FORM_VM (object)->duplicate_message);

  G_OBJECT_CLASS (scc_person_form_vm_parent_class)->finalize (object);
}

static void
scc_person_form_vm_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SccPersonFormVm *self = SCC_PERSON_FORM_VM (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;

    case PROP_DUPLICATE:
      g_value_set_object (value, self->duplicate);
      break;

    case PROP_DUPLICATE_MESSAGE:
      g_value_set_string (value, self->duplicate_message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_person_form_vm_class_init (SccPersonFormVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SccFormVmClass *form_class = SCC_FORM_VM_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = scc_person_form_vm_dispose;
  object_class->finalize = scc_person_form_vm_finalize;
  object_class->get_property = scc_person_form_vm_get_property;
  form_class->validate = scc_person_form_vm_validate;
  form_class->submit_async = scc_person_form_vm_submit_async;
  form_class->submit_finish = scc_person_form_vm_submit_finish;
  form_class->succeeded = scc_person_form_vm_succeeded;
  form_class->show_error = scc_person_form_vm_show_error;
  form_class->clear = scc_person_form_vm_clear;

  scc_form_vm_class_set_failure_text (form_class, _("The person has not been saved"));

  properties[PROP_PERSON] = g_param_spec_object ("person", NULL, NULL, SC_TYPE_PERSON, flags);
  properties[PROP_DUPLICATE] = g_param_spec_object ("duplicate", NULL, NULL, SC_TYPE_PERSON, flags);
  properties[PROP_DUPLICATE_MESSAGE] = g_param_spec_string ("duplicate-message", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_person_form_vm_init (SccPersonFormVm *self)
{
  SccFormVm *form = SCC_FORM_VM (self);

  for (guint i = 0; text_members[i] != NULL; i++)
    scc_form_vm_add_field (form, text_members[i], SCC_FORM_FIELD_DEFAULT);
  for (guint i = 0; i < SC_PERSON_MAX_ADDRESS_LINES; i++)
    {
      g_autofree char *name = g_strdup_printf ("address.lines[%u]", i);

      scc_form_vm_add_field (form, name, SCC_FORM_FIELD_DEFAULT);
    }
  scc_form_vm_add_field (form, "address.town", SCC_FORM_FIELD_DEFAULT);
  scc_form_vm_add_field (form, "address.postcode", SCC_FORM_FIELD_DEFAULT);
  scc_form_vm_add_field (form, "languages", SCC_FORM_FIELD_DEFAULT);
  scc_form_vm_add_group (form, "contacts", contact_members, SCC_FORM_FIELD_DEFAULT, SC_PERSON_MAX_CONTACTS);
  scc_form_vm_add_field (form, CONFIRM_FIELD, SCC_FORM_FIELD_KEPT);
}

SccPersonFormVm *
scc_person_form_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);
  return g_object_new (SCC_TYPE_PERSON_FORM_VM, "api-client", api_client, NULL);
}

ScPerson *
scc_person_form_vm_get_person (SccPersonFormVm *self)
{
  g_return_val_if_fail (SCC_IS_PERSON_FORM_VM (self), NULL);
  return self->person;
}

void
scc_person_form_vm_set_person (SccPersonFormVm *self,
                               ScPerson        *person)
{
  SccFormVm *form = SCC_FORM_VM (self);
  const char * const *lines;
  const char * const *languages;
  g_autofree char *joined = NULL;
  GPtrArray *contacts;

  g_return_if_fail (SCC_IS_PERSON_FORM_VM (self));
  g_return_if_fail (person == NULL || SC_IS_PERSON (person));

  if (self->person != person)
    {
      if (person == NULL || self->person == NULL || sc_person_get_id (person) != sc_person_get_id (self->person))
        scc_form_vm_clear (form);
      g_set_object (&self->person, person);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
    }
  if (person == NULL)
    return;

  for (guint i = 0; text_members[i] != NULL; i++)
    scc_form_vm_set_value (form, text_members[i], or_empty (person_text (person, text_members[i])));
  lines = sc_person_get_address_lines (person);
  for (guint i = 0; i < SC_PERSON_MAX_ADDRESS_LINES; i++)
    {
      g_autofree char *name = g_strdup_printf ("address.lines[%u]", i);
      gboolean has = lines != NULL && g_strv_length ((char **)lines) > i;

      scc_form_vm_set_value (form, name, has ? lines[i] : "");
    }
  scc_form_vm_set_value (form, "address.town", or_empty (sc_person_get_town (person)));
  scc_form_vm_set_value (form, "address.postcode", or_empty (sc_person_get_postcode (person)));
  languages = sc_person_get_languages (person);
  joined = g_strjoinv (", ", (char **)languages);
  scc_form_vm_set_value (form, "languages", joined);
  contacts = sc_person_get_contacts (person);
  scc_form_vm_set_group_size (form, "contacts", MIN (contacts->len, SC_PERSON_MAX_CONTACTS));
  for (guint i = 0; i < contacts->len && i < SC_PERSON_MAX_CONTACTS; i++)
    {
      const ScPersonContact *contact = g_ptr_array_index (contacts, i);
      const char *values[] = {
        contact->name, or_empty (contact->relationship), or_empty (contact->phone), or_empty (contact->email),
        or_empty (contact->preferred_contact), contact->parental_responsibility ? "true" : "false",
      };

      for (guint m = 0; m < G_N_ELEMENTS (values); m++)
        {
          g_autofree char *name = scc_form_vm_dup_group_field_name ("contacts", i, contact_members[m]);

          scc_form_vm_set_value (form, name, values[m]);
        }
    }
}

ScPerson *
scc_person_form_vm_get_created (SccPersonFormVm *self)
{
  g_return_val_if_fail (SCC_IS_PERSON_FORM_VM (self), NULL);
  return self->created;
}

ScPerson *
scc_person_form_vm_get_duplicate (SccPersonFormVm *self)
{
  g_return_val_if_fail (SCC_IS_PERSON_FORM_VM (self), NULL);
  return self->duplicate;
}

const char *
scc_person_form_vm_get_duplicate_message (SccPersonFormVm *self)
{
  g_return_val_if_fail (SCC_IS_PERSON_FORM_VM (self), NULL);
  return self->duplicate_message;
}

gboolean
scc_person_form_vm_confirm_different (SccPersonFormVm *self)
{
  g_return_val_if_fail (SCC_IS_PERSON_FORM_VM (self), FALSE);
  g_return_val_if_fail (self->person == NULL, FALSE);

  scc_form_vm_set_value (SCC_FORM_VM (self), CONFIRM_FIELD, "true");
  return scc_form_vm_submit (SCC_FORM_VM (self));
}
