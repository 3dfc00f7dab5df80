/* sc-consultation.c
 *
 * ScConsultation, its warnings, its JSON codec and CSV row, the check of
 * its change, and amounts of money (sc-consultation.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-consultation.h"
#include "sc-csv.h"
#include "sc-error.h"
#include "sc-json.h"
#include "sc-problem.h"

const char * const sc_consultation_outcomes[] = {
  "can_meet_needs", "cannot_meet_needs", "can_meet_with_conditions", NULL
};

const char * const sc_consultation_statuses[] = {
  "awaiting", "overdue", "answered", "withdrawn", NULL
};

const char * const sc_consultation_parties[] = { "authority", "institution", NULL };

const char * const sc_consultation_change_members[] = {
  "outcome", "reasons", "band_asked", "amount_asked", "offers", "band_agreed", "amount_agreed", "agreed_on",
  "notes", NULL
};

ScConsultationOffer *
sc_consultation_offer_new (void)
{
  ScConsultationOffer *offer = g_new0 (ScConsultationOffer, 1);

  offer->made_on = SC_DAY_NONE;
  offer->amount = SC_AMOUNT_NONE;
  return offer;
}

void
sc_consultation_offer_free (ScConsultationOffer *offer)
{
  if (offer == NULL)
    return;
  g_free (offer->made_by);
  g_free (offer->band);
  g_free (offer->note);
  g_free (offer);
}

ScConsultation *
sc_consultation_new (void)
{
  ScConsultation *consultation = g_new0 (ScConsultation, 1);

  consultation->sent_on = consultation->due = SC_DAY_NONE;
  consultation->responded_on = consultation->withdrawn_on = consultation->agreed_on = SC_DAY_NONE;
  consultation->amount_asked = consultation->amount_agreed = SC_AMOUNT_NONE;
  consultation->reminders = g_array_new (FALSE, FALSE, sizeof (ScDay));
  consultation->offers = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_consultation_offer_free);
  return consultation;
}

void
sc_consultation_free (ScConsultation *consultation)
{
  if (consultation == NULL)
    return;
  g_free (consultation->given_name);
  g_free (consultation->family_name);
  g_clear_pointer (&consultation->owner, sc_case_user_free);
  g_free (consultation->institution_name);
  g_free (consultation->institution_phase);
  g_free (consultation->institution_status);
  g_free (consultation->institution_la);
  g_free (consultation->status);
  g_array_unref (consultation->reminders);
  g_free (consultation->outcome);
  g_free (consultation->reasons);
  g_free (consultation->band_asked);
  g_ptr_array_unref (consultation->offers);
  g_free (consultation->band_agreed);
  g_free (consultation->notes);
  g_free (consultation);
}

static gboolean
blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

GPtrArray *
sc_consultation_dup_warnings (const ScConsultation *consultation)
{
  GPtrArray *warnings = sc_warnings_new ();
  const char *outcome;
  char day[SC_DAY_STRING_SIZE];
  ScDay last_reminder = SC_DAY_NONE;

  g_return_val_if_fail (consultation != NULL, warnings);

  outcome = consultation->outcome;
  for (guint i = 0; i < consultation->reminders->len; i++)
    last_reminder = MAX (last_reminder, g_array_index (consultation->reminders, ScDay, i));
  if (consultation->responded_on != SC_DAY_NONE && outcome == NULL)
    sc_warnings_add (warnings, "answer_unrecorded",
                     "the answer of %s came and what it said is not recorded",
                     sc_day_format (consultation->responded_on, day));
  if (g_strcmp0 (outcome, "cannot_meet_needs") == 0 && blank (consultation->reasons))
    sc_warnings_add (warnings, "refusal_without_reasons",
                     "the institution says it cannot meet the needs and its reasons are not recorded: a refusal "
                     "must be reasoned for the authority to weigh it (Children and Families Act 2014, s39(4))");
  if (g_strcmp0 (outcome, "can_meet_with_conditions") == 0 && consultation->band_asked == NULL &&
      consultation->amount_asked == SC_AMOUNT_NONE)
    sc_warnings_add (warnings, "conditions_without_funding",
                     "the institution names conditions and the funding it asks for is not recorded");
  if (g_strcmp0 (consultation->status, "overdue") == 0 &&
      (last_reminder == SC_DAY_NONE || last_reminder <= consultation->due))
    sc_warnings_add (warnings, "overdue_unchased",
                     "no answer since %s and no reminder sent since", sc_day_format (consultation->due, day));
  if (consultation->agreed_on != SC_DAY_NONE && g_strcmp0 (consultation->institution_status, "Closed") == 0)
    sc_warnings_add (warnings, "agreed_with_closed",
                     "funding is agreed with an institution the directory now shows closed");
  return warnings;
}

/* A text member of at most @max characters; "" is none */
static const char *
read_text (JsonObject  *object,
           const char  *member,
           const char  *field,
           int          max,
           GError     **error)
{
  const char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!sc_json_read_string (object, member, FALSE, &text, &local_error))
    sc_set_field_error (error, field, "must be text or null");
  else if (text != NULL && g_utf8_strlen (text, -1) > max)
    sc_set_field_error (error, field, "must be at most %d characters", max);
  return text != NULL && text[0] != '\0' ? text : NULL;
}

static gint64
read_amount (JsonObject  *object,
             const char  *member,
             const char  *field,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return SC_AMOUNT_NONE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > SC_CONSULTATION_MAX_AMOUNT)
    {
      sc_set_field_error (error, field, "must be a whole number of pence from 0 to %" G_GINT64_FORMAT,
                          SC_CONSULTATION_MAX_AMOUNT);
      return SC_AMOUNT_NONE;
    }
  return json_node_get_int (node);
}

static gboolean
read_day (JsonObject  *object,
          const char  *member,
          const char  *field,
          gboolean     required,
          ScDay       *out,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (sc_json_read_day (object, member, required, out, &local_error))
    return TRUE;
  sc_set_field_error (error, field, required && !json_object_has_member (object, member) ?
                      "is needed" : "must be a date YYYY-MM-DD");
  return FALSE;
}

static void
one_of (const char          *value,
        const char * const  *allowed,
        const char          *field,
        GError             **error)
{
  g_autofree char *list = NULL;

  if (value == NULL || g_strv_contains (allowed, value))
    return;
  list = g_strjoinv (", ", (char **) allowed);
  sc_set_field_error (error, field, "must be one of %s", list);
}

gboolean
sc_consultation_read_offers (JsonNode   *node,
                             GPtrArray  *offers,
                             GError    **error)
{
  gboolean ok = TRUE;
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      sc_set_field_error (error, "offers", "must be a list");
      return FALSE;
    }
  array = json_node_get_array (node);
  if (json_array_get_length (array) > SC_CONSULTATION_MAX_OFFERS)
    {
      sc_set_field_error (error, "offers", "must hold at most %d offers", SC_CONSULTATION_MAX_OFFERS);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *prefix = g_strdup_printf ("offers[%u]", i);
      g_autofree char *made_on = g_strconcat (prefix, ".made_on", NULL);
      g_autofree char *made_by = g_strconcat (prefix, ".made_by", NULL);
      g_autofree char *band = g_strconcat (prefix, ".band", NULL);
      g_autofree char *amount = g_strconcat (prefix, ".amount", NULL);
      g_autofree char *note = g_strconcat (prefix, ".note", NULL);
      static const char * const members[] = { "made_on", "made_by", "band", "amount", "note", NULL };
      ScConsultationOffer *offer;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          sc_set_field_error (error, prefix, "must be an object");
          ok = FALSE;
          continue;
        }
      object = json_node_get_object (item);
      offer = sc_consultation_offer_new ();
      {
        g_autoptr(GList) names = json_object_get_members (object);

        for (GList *l = names; l != NULL; l = l->next)
          if (!g_strv_contains (members, l->data))
            {
              g_autofree char *field = g_strconcat (prefix, ".", (const char *) l->data, NULL);

              sc_set_field_error (error, field, "is not a member of an offer");
              ok = FALSE;
            }
      }
      if (!read_day (object, "made_on", made_on, TRUE, &offer->made_on, error))
        ok = FALSE;
      offer->made_by = g_strdup (read_text (object, "made_by", made_by, 20, error));
      if (offer->made_by == NULL || !g_strv_contains (sc_consultation_parties, offer->made_by))
        {
          sc_set_field_error (error, made_by, "is needed: authority or institution");
          ok = FALSE;
        }
      offer->band = g_strdup (read_text (object, "band", band, SC_CONSULTATION_BAND_MAX_CHARS, error));
      offer->amount = read_amount (object, "amount", amount, error);
      offer->note = g_strdup (read_text (object, "note", note, SC_CONSULTATION_NOTE_MAX_CHARS, error));
      if (offer->band == NULL && offer->amount == SC_AMOUNT_NONE)
        {
          sc_set_field_error (error, band, "an offer names a band, an amount or both");
          ok = FALSE;
        }
      g_ptr_array_add (offers, offer);
    }
  /* the field errors of a text or an amount are on @error too */
  return ok && (error == NULL || *error == NULL);
}

static void
member_amount (ScJsonWriter *writer,
               const char   *name,
               gint64        amount)
{
  if (amount == SC_AMOUNT_NONE)
    sc_json_writer_member_null (writer, name);
  else
    sc_json_writer_member_int (writer, name, amount);
}

static void
member_count (ScJsonWriter *writer,
              const char   *name,
              int           count)
{
  if (count <= 0)
    sc_json_writer_member_null (writer, name);
  else
    sc_json_writer_member_int (writer, name, count);
}

void
sc_consultation_write_offers (GPtrArray    *offers,
                              ScJsonWriter *writer)
{
  sc_json_writer_begin_array (writer);
  for (guint i = 0; i < offers->len; i++)
    {
      const ScConsultationOffer *offer = g_ptr_array_index (offers, i);

      sc_json_writer_begin_object (writer);
      sc_json_writer_member_day (writer, "made_on", offer->made_on);
      sc_json_writer_member_string (writer, "made_by", offer->made_by);
      sc_json_writer_member_string (writer, "band", offer->band);
      member_amount (writer, "amount", offer->amount);
      sc_json_writer_member_string (writer, "note", offer->note);
      sc_json_writer_end_object (writer);
    }
  sc_json_writer_end_array (writer);
}

void
sc_consultation_write_json (const ScConsultation *consultation,
                            ScJsonWriter         *writer)
{
  g_autoptr(GPtrArray) warnings = NULL;

  g_return_if_fail (consultation != NULL);

  warnings = sc_consultation_dup_warnings (consultation);
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "id", consultation->id);
  sc_json_writer_member_int (writer, "case_id", consultation->case_id);
  sc_json_writer_member_int (writer, "person_id", consultation->person_id);
  sc_json_writer_member_string (writer, "given_name", consultation->given_name);
  sc_json_writer_member_string (writer, "family_name", consultation->family_name);
  if (consultation->owner != NULL)
    {
      sc_json_writer_member (writer, "owner");
      sc_case_user_write_json (consultation->owner, writer);
    }
  else
    sc_json_writer_member_null (writer, "owner");
  sc_json_writer_member_int (writer, "urn", consultation->urn);
  sc_json_writer_member (writer, "institution");
  if (consultation->institution_name == NULL)
    sc_json_writer_null (writer);
  else
    {
      sc_json_writer_begin_object (writer);
      sc_json_writer_member_string (writer, "name", consultation->institution_name);
      sc_json_writer_member_string (writer, "phase", consultation->institution_phase);
      sc_json_writer_member_string (writer, "status", consultation->institution_status);
      sc_json_writer_member_string (writer, "la_name", consultation->institution_la);
      sc_json_writer_end_object (writer);
    }
  member_count (writer, "preference_rank", consultation->preference_rank);
  member_count (writer, "plan_version", consultation->plan_version);
  sc_json_writer_member_day (writer, "sent_on", consultation->sent_on);
  sc_json_writer_member_day (writer, "due", consultation->due);
  sc_json_writer_member_string (writer, "status", consultation->status);
  sc_json_writer_member_day (writer, "responded_on", consultation->responded_on);
  sc_json_writer_member_day (writer, "withdrawn_on", consultation->withdrawn_on);
  sc_json_writer_member (writer, "reminders");
  sc_json_writer_begin_array (writer);
  for (guint i = 0; i < consultation->reminders->len; i++)
    {
      char day[SC_DAY_STRING_SIZE];

      sc_json_writer_string (writer, sc_day_format (g_array_index (consultation->reminders, ScDay, i), day));
    }
  sc_json_writer_end_array (writer);
  sc_json_writer_member_string (writer, "outcome", consultation->outcome);
  sc_json_writer_member_string (writer, "reasons", consultation->reasons);
  sc_json_writer_member_string (writer, "band_asked", consultation->band_asked);
  member_amount (writer, "amount_asked", consultation->amount_asked);
  sc_json_writer_member (writer, "offers");
  sc_consultation_write_offers (consultation->offers, writer);
  sc_json_writer_member_string (writer, "band_agreed", consultation->band_agreed);
  member_amount (writer, "amount_agreed", consultation->amount_agreed);
  sc_json_writer_member_day (writer, "agreed_on", consultation->agreed_on);
  sc_json_writer_member_string (writer, "notes", consultation->notes);
  sc_json_writer_member_int (writer, "version", consultation->version);
  sc_warnings_write_json (warnings, "warnings", writer);
  sc_json_writer_end_object (writer);
}

static gint64
amount_of (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return SC_AMOUNT_NONE;
  return json_node_get_int (node);
}

ScConsultation *
sc_consultation_new_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(ScConsultation) consultation = sc_consultation_new ();
  g_autoptr(GError) local_error = NULL;
  const char *given = NULL, *family = NULL, *status = NULL, *outcome = NULL, *reasons = NULL;
  const char *band_asked = NULL, *band_agreed = NULL, *notes = NULL;
  gint64 rank = 0, plan_version = 0;
  JsonObject *object, *institution;
  JsonArray *reminders;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "consultation: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_int (object, "id", TRUE, &consultation->id, &local_error);
  sc_json_read_int (object, "case_id", TRUE, &consultation->case_id, &local_error);
  sc_json_read_int (object, "person_id", FALSE, &consultation->person_id, &local_error);
  sc_json_read_string (object, "given_name", FALSE, &given, &local_error);
  sc_json_read_string (object, "family_name", FALSE, &family, &local_error);
  sc_json_read_int (object, "urn", TRUE, &consultation->urn, &local_error);
  sc_json_read_int (object, "preference_rank", FALSE, &rank, &local_error);
  sc_json_read_int (object, "plan_version", FALSE, &plan_version, &local_error);
  sc_json_read_day (object, "sent_on", TRUE, &consultation->sent_on, &local_error);
  sc_json_read_day (object, "due", FALSE, &consultation->due, &local_error);
  sc_json_read_string (object, "status", TRUE, &status, &local_error);
  sc_json_read_day (object, "responded_on", FALSE, &consultation->responded_on, &local_error);
  sc_json_read_day (object, "withdrawn_on", FALSE, &consultation->withdrawn_on, &local_error);
  sc_json_read_string (object, "outcome", FALSE, &outcome, &local_error);
  sc_json_read_string (object, "reasons", FALSE, &reasons, &local_error);
  sc_json_read_string (object, "band_asked", FALSE, &band_asked, &local_error);
  sc_json_read_string (object, "band_agreed", FALSE, &band_agreed, &local_error);
  sc_json_read_day (object, "agreed_on", FALSE, &consultation->agreed_on, &local_error);
  sc_json_read_string (object, "notes", FALSE, &notes, &local_error);
  sc_json_read_int (object, "version", TRUE, &consultation->version, &local_error);
  if (local_error == NULL)
    sc_consultation_read_offers (json_object_get_member (object, "offers"), consultation->offers, &local_error);
  if (local_error == NULL && json_object_has_member (object, "owner") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "owner")))
    consultation->owner = sc_case_user_read (object, "owner", FALSE, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "consultation: %s", local_error->message);
      return NULL;
    }
  institution = json_object_get_member (object, "institution") != NULL &&
                JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "institution")) ?
                json_object_get_object_member (object, "institution") : NULL;
  if (institution != NULL)
    {
      const char *name = NULL, *phase = NULL, *inst_status = NULL, *la = NULL;

      sc_json_read_string (institution, "name", FALSE, &name, NULL);
      sc_json_read_string (institution, "phase", FALSE, &phase, NULL);
      sc_json_read_string (institution, "status", FALSE, &inst_status, NULL);
      sc_json_read_string (institution, "la_name", FALSE, &la, NULL);
      consultation->institution_name = g_strdup (name);
      consultation->institution_phase = g_strdup (phase);
      consultation->institution_status = g_strdup (inst_status);
      consultation->institution_la = g_strdup (la);
    }
  reminders = json_object_get_member (object, "reminders") != NULL &&
              JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "reminders")) ?
              json_object_get_array_member (object, "reminders") : NULL;
  for (guint i = 0; reminders != NULL && i < json_array_get_length (reminders); i++)
    {
      ScDay day;

      if (sc_day_parse (json_array_get_string_element (reminders, i), &day))
        g_array_append_val (consultation->reminders, day);
    }
  consultation->given_name = g_strdup (given);
  consultation->family_name = g_strdup (family);
  consultation->preference_rank = (int) rank;
  consultation->plan_version = (int) plan_version;
  consultation->status = g_strdup (status);
  consultation->outcome = g_strdup (outcome);
  consultation->reasons = g_strdup (reasons);
  consultation->band_asked = g_strdup (band_asked);
  consultation->amount_asked = amount_of (object, "amount_asked");
  consultation->band_agreed = g_strdup (band_agreed);
  consultation->amount_agreed = amount_of (object, "amount_agreed");
  consultation->notes = g_strdup (notes);
  return g_steal_pointer (&consultation);
}

/* --- CSV ------------------------------------------------------------------- */

static void
csv_amount (GString *out,
            gint64   pence)
{
  g_autofree char *text = sc_amount_format_plain (pence);

  sc_csv_append_field (out, text[0] != '\0' ? text : NULL, FALSE);
}

void
sc_consultation_append_csv_header (GString *out)
{
  g_string_append (out, "consultation,case,child,owner,urn,institution,preference,sent_on,due,status,"
                        "responded_on,outcome,reminders,last_reminder,band_asked,amount_asked,band_agreed,"
                        "amount_agreed,agreed_on\r\n");
}

void
sc_consultation_append_csv (const ScConsultation *consultation,
                            GString              *out)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, consultation->id);
  g_autofree char *case_id = g_strdup_printf ("%" G_GINT64_FORMAT, consultation->case_id);
  g_autofree char *child = g_strdup_printf ("%s %s", consultation->given_name != NULL ? consultation->given_name : "",
                                            consultation->family_name != NULL ? consultation->family_name : "");
  g_autofree char *urn = g_strdup_printf ("%" G_GINT64_FORMAT, consultation->urn);
  g_autofree char *rank = consultation->preference_rank > 0 ?
                          g_strdup_printf ("%d", consultation->preference_rank) : NULL;
  g_autofree char *count = g_strdup_printf ("%u", consultation->reminders->len);
  ScDay last = SC_DAY_NONE;

  for (guint i = 0; i < consultation->reminders->len; i++)
    last = MAX (last, g_array_index (consultation->reminders, ScDay, i));
  sc_csv_append_field (out, id, FALSE);
  sc_csv_append_field (out, case_id, FALSE);
  sc_csv_append_field (out, g_strstrip (child), FALSE);
  sc_csv_append_field (out, consultation->owner != NULL ? sc_case_user_get_name (consultation->owner) : NULL, FALSE);
  sc_csv_append_field (out, urn, FALSE);
  sc_csv_append_field (out, consultation->institution_name, FALSE);
  sc_csv_append_field (out, rank, FALSE);
  sc_csv_append_day (out, consultation->sent_on);
  sc_csv_append_day (out, consultation->due);
  sc_csv_append_field (out, consultation->status, FALSE);
  sc_csv_append_day (out, consultation->responded_on);
  sc_csv_append_field (out, consultation->outcome, FALSE);
  sc_csv_append_field (out, count, FALSE);
  sc_csv_append_day (out, last);
  sc_csv_append_field (out, consultation->band_asked, FALSE);
  csv_amount (out, consultation->amount_asked);
  sc_csv_append_field (out, consultation->band_agreed, FALSE);
  csv_amount (out, consultation->amount_agreed);
  sc_csv_append_day (out, consultation->agreed_on);
  /* the row ends with the last field: replace the trailing comma */
  g_string_truncate (out, out->len - 1);
  g_string_append (out, "\r\n");
}

/* --- the change ------------------------------------------------------------ */

gboolean
sc_consultation_change_read (JsonObject            *body,
                             ScConsultationChange  *change,
                             GError               **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (body != NULL && change != NULL, FALSE);

  memset (change, 0, sizeof *change);
  change->offers = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_consultation_offer_free);
  change->agreed_on = SC_DAY_NONE;
  sc_json_check_members (body, sc_consultation_change_members, &local_error);
  for (guint i = 0; sc_consultation_change_members[i] != NULL; i++)
    if (!json_object_has_member (body, sc_consultation_change_members[i]))
      sc_set_field_error (&local_error, sc_consultation_change_members[i],
                          "is needed: a change names every member of a consultation's record (null for none)");
  change->outcome = read_text (body, "outcome", "outcome", 40, &local_error);
  one_of (change->outcome, sc_consultation_outcomes, "outcome", &local_error);
  change->reasons = read_text (body, "reasons", "reasons", SC_CONSULTATION_TEXT_MAX_CHARS, &local_error);
  change->band_asked = read_text (body, "band_asked", "band_asked", SC_CONSULTATION_BAND_MAX_CHARS, &local_error);
  change->amount_asked = read_amount (body, "amount_asked", "amount_asked", &local_error);
  sc_consultation_read_offers (json_object_get_member (body, "offers"), change->offers, &local_error);
  change->band_agreed = read_text (body, "band_agreed", "band_agreed", SC_CONSULTATION_BAND_MAX_CHARS,
                                   &local_error);
  change->amount_agreed = read_amount (body, "amount_agreed", "amount_agreed", &local_error);
  read_day (body, "agreed_on", "agreed_on", FALSE, &change->agreed_on, &local_error);
  change->notes = read_text (body, "notes", "notes", SC_CONSULTATION_TEXT_MAX_CHARS, &local_error);
  if ((change->band_agreed != NULL || change->amount_agreed != SC_AMOUNT_NONE) && change->agreed_on == SC_DAY_NONE)
    sc_set_field_error (&local_error, "agreed_on", "is needed with the band or amount agreed");
  if (change->agreed_on != SC_DAY_NONE && change->band_agreed == NULL && change->amount_agreed == SC_AMOUNT_NONE)
    sc_set_field_error (&local_error, "band_agreed", "an agreement names the band, the amount or both");
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

void
sc_consultation_change_clear (ScConsultationChange *change)
{
  g_clear_pointer (&change->offers, g_ptr_array_unref);
}

char *
sc_consultation_change_to_json (const ScConsultationChange *change)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member_string (&writer, "outcome", change->outcome);
  sc_json_writer_member_string (&writer, "reasons", change->reasons);
  sc_json_writer_member_string (&writer, "band_asked", change->band_asked);
  member_amount (&writer, "amount_asked", change->amount_asked);
  sc_json_writer_member (&writer, "offers");
  if (change->offers != NULL)
    sc_consultation_write_offers (change->offers, &writer);
  else
    {
      sc_json_writer_begin_array (&writer);
      sc_json_writer_end_array (&writer);
    }
  sc_json_writer_member_string (&writer, "band_agreed", change->band_agreed);
  member_amount (&writer, "amount_agreed", change->amount_agreed);
  sc_json_writer_member_day (&writer, "agreed_on", change->agreed_on);
  sc_json_writer_member_string (&writer, "notes", change->notes);
  sc_json_writer_end_object (&writer);
  return g_string_free (out, FALSE);
}

/* --- money ----------------------------------------------------------------- */

char *
sc_amount_format (gint64 pence)
{
  GString *out;
  g_autofree char *pounds = NULL;
  gsize len;

  if (pence == SC_AMOUNT_NONE)
    return g_strdup ("");
  pounds = g_strdup_printf ("%" G_GINT64_FORMAT, pence / 100);
  len = strlen (pounds);
  out = g_string_new ("£");
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, pounds[i]);
    }
  g_string_append_printf (out, ".%02d", (int) (pence % 100));
  return g_string_free (out, FALSE);
}

char *
sc_amount_format_plain (gint64 pence)
{
  if (pence == SC_AMOUNT_NONE)
    return g_strdup ("");
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", pence / 100, (int) (pence % 100));
}

gboolean
sc_amount_parse (const char *text,
                 gint64     *pence)
{
  gint64 pounds = 0;
  int fraction = 0, digits = 0, fraction_digits = -1;
  const char *p;

  g_return_val_if_fail (pence != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  p = text;
  while (g_ascii_isspace (*p))
    p++;
  if (g_str_has_prefix (p, "£"))
    p += strlen ("£");
  for (; *p != '\0' && !g_ascii_isspace (*p); p++)
    {
      if (*p == ',' && fraction_digits < 0 && digits > 0)
        {
          /* a comma only between thousands: three digits, then no more */
          if (!g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || !g_ascii_isdigit (p[3]) || g_ascii_isdigit (p[4]))
            return FALSE;
          continue;
        }
      if (*p == '.' && fraction_digits < 0 && digits > 0)
        {
          fraction_digits = 0;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        return FALSE;
      if (fraction_digits >= 0)
        {
          if (++fraction_digits > 2)
            return FALSE;
          fraction = fraction * 10 + (*p - '0');
        }
      else
        {
          if (++digits > 10)
            return FALSE;
          pounds = pounds * 10 + (*p - '0');
        }
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0' || digits == 0 || fraction_digits == 0)
    return FALSE;
  if (fraction_digits == 1)
    fraction *= 10;
  if (pounds * 100 + fraction > SC_CONSULTATION_MAX_AMOUNT)
    return FALSE;
  *pence = pounds * 100 + fraction;
  return TRUE;
}

/* --- a chase, and an institution's figures ---------------------------------- */

ScConsultationChase *
sc_consultation_chase_new (void)
{
  ScConsultationChase *chase = g_new0 (ScConsultationChase, 1);

  chase->chased = g_array_new (FALSE, FALSE, sizeof (gint64));
  chase->skipped = g_array_new (FALSE, FALSE, sizeof (gint64));
  chase->reasons = g_ptr_array_new_with_free_func (g_free);
  return chase;
}

void
sc_consultation_chase_free (ScConsultationChase *chase)
{
  if (chase == NULL)
    return;
  g_array_unref (chase->chased);
  g_array_unref (chase->skipped);
  g_ptr_array_unref (chase->reasons);
  g_free (chase);
}

void
sc_consultation_chase_write_json (const ScConsultationChase *chase,
                                  ScJsonWriter              *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member (writer, "chased");
  sc_json_writer_begin_array (writer);
  for (guint i = 0; i < chase->chased->len; i++)
    sc_json_writer_int (writer, g_array_index (chase->chased, gint64, i));
  sc_json_writer_end_array (writer);
  sc_json_writer_member (writer, "skipped");
  sc_json_writer_begin_array (writer);
  for (guint i = 0; i < chase->skipped->len; i++)
    {
      sc_json_writer_begin_object (writer);
      sc_json_writer_member_int (writer, "id", g_array_index (chase->skipped, gint64, i));
      sc_json_writer_member_string (writer, "reason", g_ptr_array_index (chase->reasons, i));
      sc_json_writer_end_object (writer);
    }
  sc_json_writer_end_array (writer);
  sc_json_writer_end_object (writer);
}

ScConsultationChase *
sc_consultation_chase_new_from_json (JsonNode  *node,
                                     GError   **error)
{
  g_autoptr(ScConsultationChase) chase = sc_consultation_chase_new ();
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *chased = object != NULL ? json_object_get_member (object, "chased") : NULL;
  JsonNode *skipped = object != NULL ? json_object_get_member (object, "skipped") : NULL;

  if (chased == NULL || skipped == NULL || !JSON_NODE_HOLDS_ARRAY (chased) || !JSON_NODE_HOLDS_ARRAY (skipped))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "chase: needs the lists chased and skipped");
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (chased)); i++)
    {
      gint64 id = json_array_get_int_element (json_node_get_array (chased), i);

      g_array_append_val (chase->chased, id);
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (skipped)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (skipped), i);
      const char *reason = NULL;
      gint64 id = 0;

      if (!JSON_NODE_HOLDS_OBJECT (item) ||
          !sc_json_read_int (json_node_get_object (item), "id", TRUE, &id, NULL) ||
          !sc_json_read_string (json_node_get_object (item), "reason", TRUE, &reason, NULL))
        {
          g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "chase: skipped[%u] needs an id and a reason", i);
          return NULL;
        }
      g_array_append_val (chase->skipped, id);
      g_ptr_array_add (chase->reasons, g_strdup (reason));
    }
  return g_steal_pointer (&chase);
}

ScConsultationStats *
sc_consultation_stats_new (void)
{
  return g_new0 (ScConsultationStats, 1);
}

void
sc_consultation_stats_free (ScConsultationStats *stats)
{
  if (stats == NULL)
    return;
  g_free (stats->name);
  g_free (stats->status);
  g_free (stats);
}

void
sc_consultation_stats_write_json (const ScConsultationStats *stats,
                                  ScJsonWriter              *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_int (writer, "urn", stats->urn);
  sc_json_writer_member_string (writer, "name", stats->name);
  sc_json_writer_member_string (writer, "status", stats->status);
  sc_json_writer_member_int (writer, "consultations", stats->consultations);
  sc_json_writer_member_int (writer, "answered", stats->answered);
  sc_json_writer_member_int (writer, "overdue", stats->overdue);
  sc_json_writer_member_int (writer, "refusals", stats->refusals);
  sc_json_writer_member_int (writer, "reversed", stats->reversed);
  sc_json_writer_member_int (writer, "agreed", stats->agreed);
  sc_json_writer_member_int (writer, "asked_total", stats->asked_total);
  sc_json_writer_member_int (writer, "agreed_total", stats->agreed_total);
  sc_json_writer_end_object (writer);
}

ScConsultationStats *
sc_consultation_stats_new_from_json (JsonNode  *node,
                                     GError   **error)
{
  ScConsultationStats *stats;
  g_autoptr(GError) local_error = NULL;
  const char *name = NULL, *status = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "institution figures: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  stats = sc_consultation_stats_new ();
  sc_json_read_int (object, "urn", TRUE, &stats->urn, &local_error);
  sc_json_read_string (object, "name", FALSE, &name, &local_error);
  sc_json_read_string (object, "status", FALSE, &status, &local_error);
  sc_json_read_int (object, "consultations", TRUE, &stats->consultations, &local_error);
  sc_json_read_int (object, "answered", TRUE, &stats->answered, &local_error);
  sc_json_read_int (object, "overdue", TRUE, &stats->overdue, &local_error);
  sc_json_read_int (object, "refusals", TRUE, &stats->refusals, &local_error);
  sc_json_read_int (object, "reversed", TRUE, &stats->reversed, &local_error);
  sc_json_read_int (object, "agreed", TRUE, &stats->agreed, &local_error);
  sc_json_read_int (object, "asked_total", TRUE, &stats->asked_total, &local_error);
  sc_json_read_int (object, "agreed_total", TRUE, &stats->agreed_total, &local_error);
  stats->name = g_strdup (name);
  stats->status = g_strdup (status);
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "institution figures: %s", local_error->message);
      sc_consultation_stats_free (stats);
      return NULL;
    }
  return stats;
}
