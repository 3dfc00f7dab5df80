/* scd-person-query.c
 *
 * ScdPersonQuery: see scd-person-query.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sc-identifiers.h"
#include "scd-person-query.h"

/* The words of @text as LIKE patterns: '\', '%' and '_' escaped, in a
 * text[] literal; NULL when there are none. @longest gets the longest. */
static char *
like_words (const char  *text,
            char       **longest)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  g_autoptr(GString) out = g_string_new ("{");
  guint n = 0;

  for (guint i = 0; words[i] != NULL && n < SCD_PERSON_QUERY_MAX_WORDS; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (*longest == NULL || g_utf8_strlen (words[i], -1) > g_utf8_strlen (*longest, -1))
        {
          g_free (*longest);
          *longest = g_strdup (words[i]);
        }
      g_string_append (out, n++ > 0 ? ",\"" : "\"");
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '\\' || *p == '%' || *p == '_')
            g_string_append (out, "\\\\");
          if (*p == '"' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '}');
  return n > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static gboolean
looks_like_upn (const char *text)
{
  if (strlen (text) != SC_UPN_LENGTH || !g_ascii_isalpha (text[0]) ||
      !g_ascii_isalnum (text[SC_UPN_LENGTH - 1]))
    return FALSE;
  for (guint i = 1; i < SC_UPN_LENGTH - 1; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
looks_like_date (const char *text)
{
  guint year, month, day;

  return strlen (text) == 10 && text[4] == '-' && text[7] == '-' &&
         g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[5]) &&
         g_ascii_isdigit (text[6]) && g_ascii_isdigit (text[8]) && g_ascii_isdigit (text[9]) &&
         sscanf (text, "%4u-%2u-%2u", &year, &month, &day) == 3 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

void
scd_person_query_init (ScdPersonQuery *query,
                       const char     *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  memset (query, 0, sizeof *query);
  if (*stripped == '\0')
    return;
  if (looks_like_date (stripped))
    query->date = g_steal_pointer (&stripped);
  else if ((query->number = sc_nhs_number_normalise (stripped)) != NULL)
    return;
  else if (looks_like_upn (stripped))
    query->upn = g_ascii_strup (stripped, -1);
  else
    query->words = like_words (stripped, &query->longest);
}

void
scd_person_query_clear (ScdPersonQuery *query)
{
  g_clear_pointer (&query->date, g_free);
  g_clear_pointer (&query->number, g_free);
  g_clear_pointer (&query->upn, g_free);
  g_clear_pointer (&query->words, g_free);
  g_clear_pointer (&query->longest, g_free);
}

void
scd_person_query_add_params (ScdPersonQuery *query,
                             ScdParams      *params)
{
  scd_params_add (params, query->date);
  scd_params_add (params, query->number);
  scd_params_add (params, query->upn);
  scd_params_add (params, query->words);
}
