/* sc-person-input.c
 *
 * The rules of a person's input, for a create or a change: which members
 * there are, the text of names, the date of birth, the national
 * identifiers (sc-identifiers.c), the address and postcode, languages and
 * contacts. The daemon and a client's form refuse the same input with the
 * same words; docs/domain.md says why each rule is what it is.
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

/* --- rules --------------------------------------------------------------- */

const char * const sc_person_input_members[] = {
  "given_name", "family_name", "preferred_name", "date_of_birth", "sex", "upn", "uln", "nhs_number",
  "address", "languages", "contacts", NULL
};

/* Text a person typed: valid UTF-8 (json-glib's strings are), not blank,
 * at most @max characters, without control characters. */
static gboolean
text_ok (const char *value,
         glong       max)
{
  gboolean blank = TRUE;

  if (value == NULL || g_utf8_strlen (value, -1) > max)
    return FALSE;
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        return FALSE;
      if (!g_unichar_isspace (c))
        blank = FALSE;
    }
  return !blank;
}

static gboolean
check_text (const char  *field,
            const char  *value,
            glong        max,
            GError     **error)
{
  if (text_ok (value, max))
    return TRUE;
  sc_set_field_error (error, field, "must be 1-%ld characters of text, not blank, without control characters", max);
  return FALSE;
}

gboolean
sc_person_check_date_of_birth (const char   *value,
                               const GDate  *today,
                               GError      **error)
{
  g_autoptr(GDate) date = NULL;
  g_autoptr(GDate) oldest = NULL;
  guint year, month, day;

  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (value == NULL || strlen (value) != 10 || value[4] != '-' || value[7] != '-' ||
      sscanf (value, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_ascii_isdigit (value[0]) || !g_ascii_isdigit (value[5]) || !g_ascii_isdigit (value[6]) ||
      !g_ascii_isdigit (value[8]) || !g_ascii_isdigit (value[9]) ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      sc_set_field_error (error, "date_of_birth", "must be a real date written YYYY-MM-DD");
      return FALSE;
    }
  date = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
  if (g_date_compare (date, today) > 0)
    {
      sc_set_field_error (error, "date_of_birth", "must not be in the future");
      return FALSE;
    }
  /* on the 26th birthday the person is past the 0-25 of the law */
  oldest = g_date_copy (today);
  g_date_subtract_years (oldest, SC_PERSON_MAX_AGE_YEARS);
  if (g_date_compare (date, oldest) <= 0)
    {
      sc_set_field_error (error, "date_of_birth", "must be less than %d years ago: a person is 0 to 25",
                          SC_PERSON_MAX_AGE_YEARS);
      return FALSE;
    }
  return TRUE;
}

char *
sc_postcode_normalise (const char *input)
{
  g_autoptr(GString) compact = g_string_new (NULL);
  gsize n;

  if (input == NULL)
    return NULL;
  for (const char *p = input; *p != '\0'; p++)
    {
      if (*p == ' ')
        continue;
      if (!g_ascii_isalnum (*p))
        return NULL;
      g_string_append_c (compact, g_ascii_toupper (*p));
    }
  /* outward code (2-4: letters, a digit, maybe one more) and inward code
   * (a digit and two letters) */
  n = compact->len;
  if (n < 5 || n > 7 || !g_ascii_isalpha (compact->str[0]) || !g_ascii_isdigit (compact->str[n - 3]) ||
      !g_ascii_isalpha (compact->str[n - 2]) || !g_ascii_isalpha (compact->str[n - 1]))
    return NULL;
  {
    gboolean has_digit = FALSE;

    for (gsize i = 1; i < n - 3; i++)
      has_digit |= g_ascii_isdigit (compact->str[i]);
    if (!has_digit)
      return NULL;
  }
  g_string_insert_c (compact, (gssize) n - 3, ' ');
  return g_string_free (g_steal_pointer (&compact), FALSE);
}

static gboolean
phone_ok (const char *value)
{
  guint digits = 0;

  if (value == NULL || strlen (value) > 30)
    return FALSE;
  for (const char *p = value; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '+' && p == value)
        ;
      else if (*p != ' ' && *p != '-' && *p != '(' && *p != ')')
        return FALSE;
    }
  return digits >= 7 && digits <= 15;
}

/* One "@", something on each side, a dot in the domain, no space: what a
 * mistyped address most often lacks; whether it reaches anyone no rule can
 * tell. */
static gboolean
email_ok (const char *value)
{
  const char *at;
  const char *dot;

  if (value == NULL || strlen (value) > 254)
    return FALSE;
  at = strchr (value, '@');
  if (at == NULL || at == value || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = value; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f)
      return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/* A member present with a value (TRUE), absent (FALSE, *@is_null FALSE),
 * or JSON null (FALSE, *@is_null TRUE). */
static gboolean
has_value (JsonObject *object,
           const char *member,
           gboolean   *is_null)
{
  JsonNode *node = json_object_get_member (object, member);

  *is_null = node != NULL && JSON_NODE_HOLDS_NULL (node);
  return node != NULL && !*is_null;
}

static const char *
string_member (JsonObject  *object,
               const char  *member,
               const char  *field,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      sc_set_field_error (error, field, "must be a string");
      return NULL;
    }
  return json_node_get_string (node);
}

/* The optional text members of a contact and of a person */
static void
copy_text (JsonObject  *from,
           JsonObject  *to,
           const char  *member,
           const char  *field,
           glong        max,
           gboolean     update,
           GError     **error)
{
  gboolean is_null;
  const char *value;

  if (!has_value (from, member, &is_null))
    {
      if (is_null && update)
        json_object_set_null_member (to, member);
      return;
    }
  value = string_member (from, member, field, error);
  if (value != NULL && check_text (field, value, max, error))
    json_object_set_string_member (to, member, value);
}

/* A field error "PREFIX.MEMBER: is not a known field" for each member of
 * @object not in @known. */
static gboolean
check_known (JsonObject         *object,
             const char * const *known,
             const char         *prefix,
             GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);
  gboolean ok = TRUE;

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_autofree char *field = g_strconcat (prefix, ".", (const char *) l->data, NULL);

        sc_set_field_error (error, field, "is not a known field");
        ok = FALSE;
      }
  return ok;
}

static JsonObject *
check_contact (JsonNode  *node,
               guint      index,
               GError   **error)
{
  g_autoptr(JsonObject) out = json_object_new ();
  g_autofree char *prefix = g_strdup_printf ("contacts[%u]", index);
  JsonObject *contact;
  gboolean is_null;
  gboolean ok = TRUE;

#define FIELD(name) g_autofree char *name##_field = g_strconcat (prefix, "." #name, NULL)
  FIELD (name);
  FIELD (relationship);
  FIELD (phone);
  FIELD (email);
  FIELD (preferred_contact);
  FIELD (parental_responsibility);
#undef FIELD

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      sc_set_field_error (error, prefix, "must be an object");
      return NULL;
    }
  contact = json_node_get_object (node);
  {
    static const char * const known[] = { "name", "relationship", "phone", "email", "preferred_contact",
                                          "parental_responsibility", NULL };

    ok = check_known (contact, known, prefix, error);
  }

  if (!has_value (contact, "name", &is_null))
    {
      sc_set_field_error (error, name_field, "is required");
      ok = FALSE;
    }
  else
    copy_text (contact, out, "name", name_field, SC_PERSON_CONTACT_NAME_MAX_CHARS, FALSE, error);
  copy_text (contact, out, "relationship", relationship_field, SC_PERSON_NAME_MAX_CHARS, FALSE, error);
  if (has_value (contact, "phone", &is_null))
    {
      const char *phone = string_member (contact, "phone", phone_field, error);

      if (phone != NULL && !phone_ok (phone))
        sc_set_field_error (error, phone_field, "must be a telephone number: 7 to 15 digits, with spaces, "
                            "'-', '(', ')' or a leading '+'");
      else if (phone != NULL)
        json_object_set_string_member (out, "phone", phone);
    }
  if (has_value (contact, "email", &is_null))
    {
      const char *email = string_member (contact, "email", email_field, error);

      if (email != NULL && !email_ok (email))
        sc_set_field_error (error, email_field, "must be an email address (name@example.org)");
      else if (email != NULL)
        json_object_set_string_member (out, "email", email);
    }
  if (has_value (contact, "preferred_contact", &is_null))
    {
      const char *how = string_member (contact, "preferred_contact", preferred_contact_field, error);
      static const char * const ways[] = { "phone", "email", "post", NULL };

      if (how != NULL && !g_strv_contains (ways, how))
        sc_set_field_error (error, preferred_contact_field, "must be one of phone, email, post");
      else if (how != NULL && !g_str_equal (how, "post") && !has_value (contact, how, &is_null))
        sc_set_field_error (error, preferred_contact_field, "is %s, and the contact has no %s", how, how);
      else if (how != NULL)
        json_object_set_string_member (out, "preferred_contact", how);
    }
  if (has_value (contact, "parental_responsibility", &is_null))
    {
      JsonNode *value = json_object_get_member (contact, "parental_responsibility");

      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        sc_set_field_error (error, parental_responsibility_field, "must be true or false");
      else
        json_object_set_boolean_member (out, "parental_responsibility", json_node_get_boolean (value));
    }
  else
    json_object_set_boolean_member (out, "parental_responsibility", FALSE);
  return ok ? g_steal_pointer (&out) : NULL;
}

static void
check_identifier (JsonObject  *input,
                  JsonObject  *out,
                  const char  *member,
                  gboolean     update,
                  GError     **error)
{
  g_autofree char *normal = NULL;
  gboolean is_null;
  const char *value;

  if (!has_value (input, member, &is_null))
    {
      if (is_null && update)
        json_object_set_null_member (out, member);
      return;
    }
  value = string_member (input, member, member, error);
  if (value == NULL)
    return;
  if (g_str_equal (member, "upn"))
    {
      if (sc_upn_validate (value, member, error))
        json_object_set_string_member (out, member, value);
    }
  else if (g_str_equal (member, "uln"))
    {
      if (sc_uln_validate (value, member, error))
        json_object_set_string_member (out, member, value);
    }
  else
    {
      /* people write it 3-3-4; the shape is normalised, the check digit is
       * the validator's */
      normal = sc_nhs_number_normalise (value);
      if (sc_nhs_number_validate (normal != NULL ? normal : value, member, error))
        json_object_set_string_member (out, member, normal);
    }
}

static void
check_address (JsonObject  *input,
               JsonObject  *out,
               gboolean     update,
               GError     **error)
{
  g_autoptr(JsonObject) checked = json_object_new ();
  g_autoptr(JsonArray) lines_out = json_array_new ();
  JsonObject *address;
  JsonNode *lines;
  gboolean is_null;
  gboolean ok = TRUE;

  if (!has_value (input, "address", &is_null))
    {
      if (is_null && update)
        json_object_set_null_member (out, "address");
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (input, "address")))
    {
      sc_set_field_error (error, "address", "must be an object with lines, town and postcode, or null");
      return;
    }
  address = json_object_get_object_member (input, "address");
  {
    static const char * const known[] = { "lines", "town", "postcode", NULL };

    ok = check_known (address, known, "address", error);
  }

  lines = json_object_get_member (address, "lines");
  if (lines == NULL || !JSON_NODE_HOLDS_ARRAY (lines) || json_array_get_length (json_node_get_array (lines)) == 0 ||
      json_array_get_length (json_node_get_array (lines)) > SC_PERSON_MAX_ADDRESS_LINES)
    {
      sc_set_field_error (error, "address.lines", "must be 1 to %d lines of text", SC_PERSON_MAX_ADDRESS_LINES);
      ok = FALSE;
    }
  else
    {
      JsonArray *array = json_node_get_array (lines);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *field = g_strdup_printf ("address.lines[%u]", i);
          JsonNode *line = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (line) || json_node_get_value_type (line) != G_TYPE_STRING ||
              !text_ok (json_node_get_string (line), SC_PERSON_NAME_MAX_CHARS))
            {
              sc_set_field_error (error, field, "must be 1-%d characters of text, not blank, without control "
                                  "characters", SC_PERSON_NAME_MAX_CHARS);
              ok = FALSE;
            }
          else
            json_array_add_string_element (lines_out, json_node_get_string (line));
        }
    }
  json_object_set_array_member (checked, "lines", g_steal_pointer (&lines_out));
  if (has_value (address, "town", &is_null))
    {
      const char *town = string_member (address, "town", "address.town", error);

      if (town != NULL && check_text ("address.town", town, SC_PERSON_NAME_MAX_CHARS, error))
        json_object_set_string_member (checked, "town", town);
      else
        ok = FALSE;
    }
  if (has_value (address, "postcode", &is_null))
    {
      const char *postcode = string_member (address, "postcode", "address.postcode", error);
      g_autofree char *normal = sc_postcode_normalise (postcode);

      if (normal == NULL)
        {
          if (postcode != NULL)
            sc_set_field_error (error, "address.postcode", "must be a UK postcode (LS1 1AA)");
          ok = FALSE;
        }
      else
        json_object_set_string_member (checked, "postcode", normal);
    }
  if (ok)
    json_object_set_object_member (out, "address", g_steal_pointer (&checked));
}

static void
check_languages (JsonObject  *input,
                 JsonObject  *out,
                 gboolean     update,
                 GError     **error)
{
  g_autoptr(JsonArray) checked = json_array_new ();
  JsonNode *node;
  JsonArray *array;
  gboolean is_null;

  if (!has_value (input, "languages", &is_null))
    {
      /* null: none known */
      if (is_null && update)
        json_object_set_array_member (out, "languages", g_steal_pointer (&checked));
      return;
    }
  node = json_object_get_member (input, "languages");
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) > SC_PERSON_MAX_LANGUAGES)
    {
      sc_set_field_error (error, "languages", "must be an array of at most %d languages", SC_PERSON_MAX_LANGUAGES);
      return;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *field = g_strdup_printf ("languages[%u]", i);
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          !text_ok (json_node_get_string (element), 50))
        {
          sc_set_field_error (error, field, "must be a language's name: 1-50 characters of text");
          return;
        }
      json_array_add_string_element (checked, json_node_get_string (element));
    }
  json_object_set_array_member (out, "languages", g_steal_pointer (&checked));
}

static void
check_contacts (JsonObject  *input,
                JsonObject  *out,
                gboolean     update,
                GError     **error)
{
  g_autoptr(JsonArray) checked = json_array_new ();
  JsonNode *node;
  JsonArray *array;
  gboolean is_null;
  gboolean ok = TRUE;

  if (!has_value (input, "contacts", &is_null))
    {
      if (is_null && update)
        json_object_set_array_member (out, "contacts", g_steal_pointer (&checked));
      return;
    }
  node = json_object_get_member (input, "contacts");
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) > SC_PERSON_MAX_CONTACTS)
    {
      sc_set_field_error (error, "contacts", "must be an array of at most %d contacts", SC_PERSON_MAX_CONTACTS);
      return;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *contact = check_contact (json_array_get_element (array, i), i, error);

      if (contact == NULL)
        ok = FALSE;
      else
        json_array_add_object_element (checked, contact);
    }
  if (ok)
    json_object_set_array_member (out, "contacts", g_steal_pointer (&checked));
}

JsonObject *
sc_person_check_input (JsonObject  *input,
                       gboolean     update,
                       GError     **error)
{
  static const char * const names[] = { "given_name", "family_name", NULL };
  g_autoptr(JsonObject) out = json_object_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                                           (GDateMonth) g_date_time_get_month (now),
                                           (GDateYear) g_date_time_get_year (now));
  gboolean is_null;
  gboolean any = FALSE;

  g_return_val_if_fail (input != NULL, NULL);

  for (guint i = 0; sc_person_input_members[i] != NULL; i++)
    any |= json_object_has_member (input, sc_person_input_members[i]);
  if (update && !any)
    sc_set_field_error (&local_error, "body", "give at least one of the person's fields");

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (has_value (input, names[i], &is_null))
        copy_text (input, out, names[i], names[i], SC_PERSON_NAME_MAX_CHARS, update, &local_error);
      else if (!update || is_null)
        sc_set_field_error (&local_error, names[i], update ? "cannot be cleared" : "is required");
    }
  copy_text (input, out, "preferred_name", "preferred_name", SC_PERSON_NAME_MAX_CHARS, update, &local_error);

  if (has_value (input, "date_of_birth", &is_null))
    {
      const char *dob = string_member (input, "date_of_birth", "date_of_birth", &local_error);

      if (dob != NULL && sc_person_check_date_of_birth (dob, today, &local_error))
        json_object_set_string_member (out, "date_of_birth", dob);
    }
  else if (!update || is_null)
    sc_set_field_error (&local_error, "date_of_birth", update ? "cannot be cleared" : "is required");

  if (has_value (input, "sex", &is_null))
    {
      static const char * const sexes[] = { "female", "male", "other", "not_known", NULL };
      const char *sex = string_member (input, "sex", "sex", &local_error);

      if (sex != NULL && !g_strv_contains (sexes, sex))
        sc_set_field_error (&local_error, "sex", "must be one of female, male, other, not_known");
      else if (sex != NULL)
        json_object_set_string_member (out, "sex", sex);
    }
  else if (is_null && update)
    json_object_set_null_member (out, "sex");

  check_identifier (input, out, "upn", update, &local_error);
  check_identifier (input, out, "uln", update, &local_error);
  check_identifier (input, out, "nhs_number", update, &local_error);
  check_address (input, out, update, &local_error);
  check_languages (input, out, update, &local_error);
  check_contacts (input, out, update, &local_error);

  if (local_error != NULL)
    {
      /* added to the errors the caller has found already, if any */
      const ScProblem *problem = sc_error_get_problem (local_error);

      if (error != NULL && *error == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        for (guint i = 0; problem != NULL && i < sc_problem_get_n_field_errors (problem); i++)
          {
            const ScFieldError *field = sc_problem_get_field_error (problem, i);

            sc_set_field_error (error, field->field, "%s", field->message);
          }
      return NULL;
    }
  return g_steal_pointer (&out);
}
