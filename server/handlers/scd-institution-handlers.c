/* scd-institution-handlers.c
 *
 * The institution directory: GET /institutions?q=&phase=&la=&status=open
 * (one page, by name; q is words of the name, a URN or the start of a
 * postcode) and GET /institutions/{urn}. It is filled by `sendcasectl
 * institutions import`. Any signed-in user reads it (docs/access.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-institutions"

#include "config.h"

#include "sc-institution.h"
#include "sc-problem.h"
#include "scd-handlers.h"

#define QUERY_MAX_CHARS 200

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GPtrArray) institutions = scd_institution_store_search_finish (SCD_INSTITUTION_STORE (object), result,
                                                                           &next, &error);

  if (institutions == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_page (request, institutions, next, (ScWriteJsonFunc) sc_institution_write_json);
}

void
scd_institution_handler_search (ScdRequest *request)
{
  g_autoptr(GError) error = NULL;
  ScdInstitutionQuery query = { 0 };
  const char *status;
  static const char * const texts[] = { "q", "phase", "la" };
  const char **values[] = { &query.query, &query.phase, &query.la };

  scd_handler_parse_limit (request, &query.limit, &error);
  scd_handler_parse_cursor (request, &query.after_urn, &error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      *values[i] = scd_handler_get_query_text (request, texts[i], &error);
      if (*values[i] != NULL && g_utf8_strlen (*values[i], -1) > QUERY_MAX_CHARS)
        sc_set_field_error (&error, texts[i], "must be at most %d characters", QUERY_MAX_CHARS);
    }
  status = scd_handler_get_query_text (request, "status", &error);
  if (status != NULL && !g_str_equal (status, "open") && !g_str_equal (status, "any"))
    sc_set_field_error (&error, "status", "must be open or any");
  query.open_only = g_strcmp0 (status, "open") == 0;
  if (error != NULL)
    {
      scd_request_reply_error (request, error);
      return;
    }
  scd_institution_store_search_async (scd_handler_stores (request)->institutions, scd_request_get_actor (request),
                                      &query, scd_request_get_cancellable (request), search_cb,
                                      scd_handler_hold (request));
}

static void
get_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ScdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScInstitution) institution = scd_institution_store_get_finish (SCD_INSTITUTION_STORE (object), result,
                                                                           &error);

  if (institution == NULL)
    scd_request_reply_error (request, error);
  else
    scd_handler_reply_model (request, SOUP_STATUS_OK, institution, (ScWriteJsonFunc) sc_institution_write_json);
}

void
scd_institution_handler_get (ScdRequest *request)
{
  gint64 urn;

  if (scd_handler_parse_param_id (request, "urn", "institution with URN", &urn))
    scd_institution_store_get_async (scd_handler_stores (request)->institutions, scd_request_get_actor (request), urn,
                                     TRUE, scd_request_get_cancellable (request), get_cb, scd_handler_hold (request));
}
