/* sc-funding-band.c
 *
 * ScFundingBand, its JSON codec and the check of its change
 * (sc-funding-band.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-consultation.h"
#include "sc-error.h"
#include "sc-funding-band.h"
#include "sc-json.h"
#include "sc-problem.h"

const char * const sc_funding_band_change_members[] = {
  "description", "annual_amount", "valid_from", "valid_to", NULL
};

ScFundingBand *
sc_funding_band_new (void)
{
  ScFundingBand *band = g_new0 (ScFundingBand, 1);

  band->valid_from = band->valid_to = SC_DAY_NONE;
  return band;
}

void
sc_funding_band_free (ScFundingBand *band)
{
  if (band == NULL)
    return;
  g_free (band->code);
  g_free (band->description);
  g_free (band);
}

gboolean
sc_funding_band_code_is_valid (const char *code)
{
  gsize n;

  if (code == NULL || !g_ascii_isalnum (code[0]))
    return FALSE;
  n = strlen (code);
  if (n > SC_FUNDING_BAND_CODE_MAX_CHARS)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (code[i]) && strchr (" ._-", code[i]) == NULL)
      return FALSE;
  return TRUE;
}

void
sc_funding_band_write_json (const ScFundingBand *band,
                            ScJsonWriter        *writer)
{
  sc_json_writer_begin_object (writer);
  sc_json_writer_member_string (writer, "code", band->code);
  sc_json_writer_member_string (writer, "description", band->description);
  sc_json_writer_member_int (writer, "annual_amount", band->annual_amount);
  sc_json_writer_member_day (writer, "valid_from", band->valid_from);
  sc_json_writer_member_day (writer, "valid_to", band->valid_to);
  sc_json_writer_member_int (writer, "version", band->version);
  sc_json_writer_end_object (writer);
}

ScFundingBand *
sc_funding_band_new_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(ScFundingBand) band = sc_funding_band_new ();
  g_autoptr(GError) local_error = NULL;
  const char *code = NULL, *description = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "funding band: must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  sc_json_read_string (object, "code", TRUE, &code, &local_error);
  sc_json_read_string (object, "description", TRUE, &description, &local_error);
  sc_json_read_int (object, "annual_amount", TRUE, &band->annual_amount, &local_error);
  sc_json_read_day (object, "valid_from", TRUE, &band->valid_from, &local_error);
  sc_json_read_day (object, "valid_to", FALSE, &band->valid_to, &local_error);
  sc_json_read_int (object, "version", TRUE, &band->version, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED, "funding band: %s", local_error->message);
      return NULL;
    }
  band->code = g_strdup (code);
  band->description = g_strdup (description);
  return g_steal_pointer (&band);
}

gboolean
sc_funding_band_change_read (JsonObject     *body,
                             ScFundingBand  *band,
                             GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *trimmed = NULL;
  const char *description = NULL;
  JsonNode *amount;

  g_return_val_if_fail (body != NULL && band != NULL, FALSE);

  sc_json_check_members (body, sc_funding_band_change_members, &local_error);
  if (sc_json_read_string (body, "description", TRUE, &description, NULL) && description != NULL)
    trimmed = g_strstrip (g_strdup (description));
  if (trimmed == NULL || trimmed[0] == '\0')
    sc_set_field_error (&local_error, "description", "is needed: what the band pays for");
  else if (g_utf8_strlen (description, -1) > SC_FUNDING_BAND_DESCRIPTION_MAX_CHARS)
    sc_set_field_error (&local_error, "description", "must be at most %d characters",
                        SC_FUNDING_BAND_DESCRIPTION_MAX_CHARS);
  amount = json_object_get_member (body, "annual_amount");
  if (amount == NULL || !JSON_NODE_HOLDS_VALUE (amount) || json_node_get_value_type (amount) != G_TYPE_INT64 ||
      json_node_get_int (amount) < 0 || json_node_get_int (amount) > SC_CONSULTATION_MAX_AMOUNT)
    sc_set_field_error (&local_error, "annual_amount", "is needed: a whole number of pence from 0 to %" G_GINT64_FORMAT,
                        SC_CONSULTATION_MAX_AMOUNT);
  else
    band->annual_amount = json_node_get_int (amount);
  if (!sc_json_read_day (body, "valid_from", TRUE, &band->valid_from, NULL) || band->valid_from == SC_DAY_NONE)
    sc_set_field_error (&local_error, "valid_from", "is needed: a date YYYY-MM-DD");
  if (!sc_json_read_day (body, "valid_to", FALSE, &band->valid_to, NULL))
    sc_set_field_error (&local_error, "valid_to", "must be a date YYYY-MM-DD or null");
  else if (band->valid_to != SC_DAY_NONE && band->valid_from != SC_DAY_NONE && band->valid_to < band->valid_from)
    sc_set_field_error (&local_error, "valid_to", "must be on or after valid_from");
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_free (band->description);
  band->description = g_steal_pointer (&trimmed);
  return TRUE;
}

char *
sc_funding_band_change_to_json (const ScFundingBand *band)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member_string (&writer, "description", band->description);
  sc_json_writer_member_int (&writer, "annual_amount", band->annual_amount);
  sc_json_writer_member_day (&writer, "valid_from", band->valid_from);
  sc_json_writer_member_day (&writer, "valid_to", band->valid_to);
  sc_json_writer_end_object (&writer);
  return g_string_free (out, FALSE);
}
