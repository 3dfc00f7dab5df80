/* scd-funding-band-handlers.c
 *
 * The authority's funding bands: the table, one page at a time by code,
 * for every role that works on cases; and a band written by a team
 * manager (PUT, If-None-Match: * for a new code, If-Match its version to
 * change one). Audited as funding_band.list and funding_band.update.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-funding-bands"

#include "config.h"

#include "sc-funding-band.h"
#include "sc-problem.h"
#include "scd-handlers.h"

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;
  g_autoptr(GPtrArray) bands = scd_funding_band_store_list_finish (SCD_FUNDING_BAND_STORE (object), result,
                                                                   &next_cursor, &error);

  if (bands == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, bands, next_cursor, (ScWriteJsonFunc) sc_funding_band_write_json);
}

void
scd_funding_band_handler_list (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  const char *cursor = scd_handler_get_query_text (request, "cursor", &error);
  guint limit = 0;

  scd_handler_parse_limit (request, &limit, &error);
  if (cursor != NULL && !sc_funding_band_code_is_valid (cursor))
    sc_set_field_error (&error, "cursor", "is not a cursor this server gave out");
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_funding_band_store_list_async (scd_handler_stores (request)->funding_bands, scd_request_get_actor (request),
                                     cursor, limit, scd_request_get_cancellable (request), list_cb,
                                     scd_handler_hold (request));
}

static void
put_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  gint64 current = 0;
  g_autoptr(ScFundingBand) band = scd_funding_band_store_put_finish (SCD_FUNDING_BAND_STORE (object), result,
                                                                     &current, &error);

  scd_handler_reply_versioned (request, band, band != NULL ? band->version : 0, error, current,
                               (ScWriteJsonFunc) sc_funding_band_write_json);
}

void
scd_funding_band_handler_put (ScdRequest *request)
{
  const char *code = scd_request_get_param (request, "code");
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScFundingBand) band = sc_funding_band_new ();
  gint64 version = 0;

  if (!sc_funding_band_code_is_valid (code))
    {
      scd_request_reply_problem_printf (request, SC_ERROR_INVALID_INPUT,
                                        "a band's code is 1 to 20 letters, digits, spaces, dots, dashes or "
                                        "underscores, starting with a letter or digit");
      return;
    }
  body = scd_handler_read_body (request, sc_funding_band_change_members, &error);
  if (body == NULL)
    return;
  if (error == NULL)
    sc_funding_band_change_read (body, band, &error);
  if (error == NULL && !scd_handler_creates (request))
    scd_request_get_if_match (request, &version, &error);
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  band->code = g_strdup (code);
  scd_funding_band_store_put_async (scd_handler_stores (request)->funding_bands, scd_request_get_actor (request),
                                    band, version, scd_request_get_cancellable (request), put_cb,
                                    scd_handler_hold (request));
}
