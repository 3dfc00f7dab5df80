/* sc-person.h
 *
 * A person: a child or young person (0-25) an EHC case is about. The model
 * the daemon decodes from its rows, writes as JSON, and the client reads
 * back, with its contacts (the parents, carers and professionals who speak
 * for the person) in the order the record lists them. One codec, used by
 * all: a field added here is added everywhere.
 *
 *   {"id": 7, "given_name": "Zoë", "family_name": "O'Brien", "preferred_name": null,
 *    "date_of_birth": "2016-04-01", "sex": "female", "upn": "A123456789012",
 *    "uln": null, "nhs_number": "9434765919",
 *    "address": {"lines": ["1 High Street"], "town": "Leeds", "postcode": "LS1 1AA"},
 *    "languages": ["English"], "contacts": [{"name": "Ann O'Brien", ...}],
 *    "version": 1, "created_at": "...", "updated_at": "..."}
 *
 * The rules of a create's or a change's input (sc_person_check_input) live
 * here too, so the daemon and a client's form refuse the same input with
 * the same words. docs/domain.md says why each rule is what it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "sc-json-writer.h"

G_BEGIN_DECLS

#define SC_PERSON_NAME_MAX_CHARS 100
#define SC_PERSON_CONTACT_NAME_MAX_CHARS 200
#define SC_PERSON_MAX_CONTACTS 10
#define SC_PERSON_MAX_LANGUAGES 10
#define SC_PERSON_MAX_ADDRESS_LINES 3
/* The oldest a person may be when their date of birth is recorded: the
 * 0-25 of the law ends on the 26th birthday. */
#define SC_PERSON_MAX_AGE_YEARS 26

/* --- a contact ------------------------------------------------------------ */

#define SC_TYPE_PERSON_CONTACT (sc_person_contact_get_type ())

/* A plain boxed struct: a contact has no identity of its own (a change of
 * the person replaces the whole list). Strings are owned; NULL for none. */
typedef struct
{
  char     *name;               /* never NULL */
  char     *relationship;
  char     *phone;
  char     *email;
  char     *preferred_contact;  /* "phone", "email", "post" */
  gboolean  parental_responsibility;
} ScPersonContact;

GType            sc_person_contact_get_type   (void) G_GNUC_CONST;
ScPersonContact *sc_person_contact_new        (const char            *name);
ScPersonContact *sc_person_contact_copy       (const ScPersonContact *contact);
void             sc_person_contact_free       (ScPersonContact       *contact);
void             sc_person_contact_write_json (const ScPersonContact *contact,
                                               ScJsonWriter          *writer);
/* Errors are SC_ERROR_MALFORMED, naming the member. */
ScPersonContact *sc_person_contact_new_from_json (JsonNode           *node,
                                                  GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScPersonContact, sc_person_contact_free)

/* --- a person ------------------------------------------------------------- */

#define SC_TYPE_PERSON (sc_person_get_type ())

G_DECLARE_FINAL_TYPE (ScPerson, sc_person, SC, PERSON, GObject)

/* @date_of_birth: "YYYY-MM-DD" */
ScPerson    *sc_person_new                (gint64        id,
                                           const char   *given_name,
                                           const char   *family_name,
                                           const char   *date_of_birth);
/* Setters for decoders; a model is not changed once handed on. NULL (or
 * an empty vector) for none. */
void         sc_person_set_preferred_name (ScPerson     *self,
                                           const char   *preferred_name);
void         sc_person_set_sex            (ScPerson     *self,
                                           const char   *sex);
void         sc_person_set_identifiers    (ScPerson     *self,
                                           const char   *upn,
                                           const char   *uln,
                                           const char   *nhs_number);
void         sc_person_set_address        (ScPerson     *self,
                                           const char * const *lines,
                                           const char   *town,
                                           const char   *postcode);
void         sc_person_set_languages      (ScPerson     *self,
                                           const char * const *languages);
/* @contacts: (transfer full) (element-type ScPersonContact) */
void         sc_person_take_contacts      (ScPerson     *self,
                                           GPtrArray    *contacts);
void         sc_person_set_version        (ScPerson     *self,
                                           gint64        version);
void         sc_person_set_created_at     (ScPerson     *self,
                                           gint64        unix_usec);
void         sc_person_set_updated_at     (ScPerson     *self,
                                           gint64        unix_usec);

gint64       sc_person_get_id             (ScPerson     *self);
const char  *sc_person_get_given_name     (ScPerson     *self);
const char  *sc_person_get_family_name    (ScPerson     *self);
/* (nullable) */
const char  *sc_person_get_preferred_name (ScPerson     *self);
/* "Zoë O'Brien", with the preferred name for the given one when there is one */
const char  *sc_person_get_display_name   (ScPerson     *self);
/* (transfer full): "@given_name @family_name", either nullable, without
 * the space when one is missing: a child named in a row of a list */
char        *sc_person_join_names         (const char   *given_name,
                                           const char   *family_name);
/* "YYYY-MM-DD" */
const char  *sc_person_get_date_of_birth  (ScPerson     *self);
/* (nullable): "female", "male", "other", "not_known" */
const char  *sc_person_get_sex            (ScPerson     *self);
const char  *sc_person_get_upn            (ScPerson     *self);
const char  *sc_person_get_uln            (ScPerson     *self);
const char  *sc_person_get_nhs_number     (ScPerson     *self);
/* (nullable) (array zero-terminated=1): NULL when no address is known */
const char * const *sc_person_get_address_lines (ScPerson *self);
const char  *sc_person_get_town           (ScPerson     *self);
const char  *sc_person_get_postcode       (ScPerson     *self);
/* (array zero-terminated=1): never NULL */
const char * const *sc_person_get_languages (ScPerson   *self);
/* Returns: (transfer none) (element-type ScPersonContact): never NULL */
GPtrArray   *sc_person_get_contacts       (ScPerson     *self);
/* The record's version: its ETag. 0 when the answer did not say. */
gint64       sc_person_get_version        (ScPerson     *self);
gint64       sc_person_get_created_at     (ScPerson     *self);
gint64       sc_person_get_updated_at     (ScPerson     *self);

/* The codec. Reading requires id, given_name, family_name and
 * date_of_birth, takes the other members when present, and ignores members
 * it does not know. Errors are SC_ERROR_MALFORMED, naming the member. */
void         sc_person_write_json         (ScPerson     *self,
                                           ScJsonWriter *writer);
ScPerson    *sc_person_new_from_json      (JsonNode     *node,
                                           GError      **error);

/* --- the rules of input --------------------------------------------------- */

/* The members a create or a change may carry (NULL-terminated). */
extern const char * const sc_person_input_members[];

/* Checks a create's (@update FALSE) or a change's (@update TRUE) members
 * of sc_person_input_members, ignoring any other, and adds a field error to
 * @error for each that breaks a rule ("contacts[1].email", ...). A create
 * needs given_name, family_name and date_of_birth; a change needs at least
 * one member, and a null member clears an optional field (a required one
 * cannot be cleared). Returns: (transfer full) (nullable): the members in
 * their stored form (an NHS number without its spaces, a postcode in upper
 * case with one space, a missing parental_responsibility false), or NULL
 * with @error set. */
JsonObject  *sc_person_check_input        (JsonObject   *input,
                                           gboolean      update,
                                           GError      **error);

/* A date of birth: "YYYY-MM-DD", a real date, not after @today and not
 * SC_PERSON_MAX_AGE_YEARS or more years before it. */
gboolean     sc_person_check_date_of_birth (const char  *value,
                                            const GDate *today,
                                            GError     **error);
/* "LS1 1AA", "ls11aa": a UK postcode's shape; the stored form, or NULL. */
char        *sc_postcode_normalise        (const char   *input);

G_END_DECLS
