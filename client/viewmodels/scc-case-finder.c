/* scc-case-finder.c
 *
 * SccCaseFinder: see scc-case-finder.h. Each change of the field cancels
 * the search before it; a number, a choice or fewer than two letters
 * search nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-case-finder"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-case.h"
#include "scc-api-client-disputes.h"
#include "scc-case-finder.h"

/* The most cases a search shows */
#define MATCHES_MAX 6

struct _SccCaseFinder
{
  GObject       parent_instance;

  SccApiClient *api_client;
  SccFormField *field;
  GPtrArray    *matches;      /* of ScCase, never NULL */
  GCancellable *finding;
};

G_DEFINE_FINAL_TYPE (SccCaseFinder, scc_case_finder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MATCHES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "12", "#12" or "… (case 12)": the case's number; 0 for anything else */
static gint64
case_number (const char *text)
{
  const char *start = text;
  guint64 value = 0;
  g_autofree char *digits = NULL;

  if (g_str_has_suffix (text, ")") && (start = g_strrstr (text, "(case ")) != NULL)
    {
      digits = g_strndup (start + 6, strlen (start + 6) - 1);
      start = digits;
    }
  else if (start[0] == '#')
    start++;
  if (!g_ascii_string_to_unsigned (start, 10, 1, G_MAXINT64, &value, NULL))
    return 0;
  return (gint64) value;
}

static void
set_matches (SccCaseFinder *self,
             GPtrArray     *cases)
{
  if (self->matches->len == 0 && (cases == NULL || cases->len == 0))
    return;
  g_ptr_array_set_size (self->matches, 0);
  for (guint i = 0; cases != NULL && i < cases->len; i++)
    g_ptr_array_add (self->matches, g_object_ref (g_ptr_array_index (cases, i)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCHES]);
}

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SccCaseFinder) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = scc_api_client_find_cases_finish (SCC_API_CLIENT (object), result, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_matches (self, cases);
}

static void
on_typed_cb (SccCaseFinder *self)
{
  g_autofree char *text = g_strstrip (g_strdup (scc_form_field_get_value (self->field)));

  g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  if (g_utf8_strlen (text, -1) < 2 || case_number (text) > 0)
    {
      set_matches (self, NULL);
      return;
    }
  self->finding = g_cancellable_new ();
  scc_api_client_find_cases_async (self->api_client, text, MATCHES_MAX, self->finding, found_cb,
                                   g_object_ref (self));
}

SccCaseFinder *
scc_case_finder_new (SccApiClient *api_client,
                     SccFormField *field)
{
  SccCaseFinder *self;

  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);
  g_return_val_if_fail (SCC_IS_FORM_FIELD (field), NULL);

  self = g_object_new (SCC_TYPE_CASE_FINDER, NULL);
  self->api_client = g_object_ref (api_client);
  self->field = g_object_ref (field);
  g_signal_connect_object (field, "notify::value", G_CALLBACK (on_typed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

GPtrArray *
scc_case_finder_get_matches (SccCaseFinder *self)
{
  g_return_val_if_fail (SCC_IS_CASE_FINDER (self), NULL);
  return self->matches;
}

void
scc_case_finder_set_case (SccCaseFinder *self,
                          gint64         case_id,
                          const char    *child)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SCC_IS_CASE_FINDER (self));
  g_return_if_fail (case_id > 0 && child != NULL);

  text = g_strdup_printf (_("%s (case %" G_GINT64_FORMAT ")"), child, case_id);
  scc_form_field_set_value (self->field, text);
}

void
scc_case_finder_choose (SccCaseFinder *self,
                        guint          index)
{
  g_autoptr(ScCase) kase = NULL;
  const ScCasePerson *person;
  g_autofree char *child = NULL;

  g_return_if_fail (SCC_IS_CASE_FINDER (self));
  g_return_if_fail (index < self->matches->len);

  kase = g_object_ref (g_ptr_array_index (self->matches, index));
  person = sc_case_get_person (kase);
  child = g_strdup_printf ("%s %s", person->given_name, person->family_name);
  scc_case_finder_set_case (self, sc_case_get_id (kase), child);
}

gint64
scc_case_finder_get_case_id (SccCaseFinder *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SCC_IS_CASE_FINDER (self), 0);
  text = g_strstrip (g_strdup (scc_form_field_get_value (self->field)));
  return case_number (text);
}

void
scc_case_finder_clear (SccCaseFinder *self)
{
  g_return_if_fail (SCC_IS_CASE_FINDER (self));
  g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  set_matches (self, NULL);
}

static void
scc_case_finder_dispose (GObject *object)
{
  SccCaseFinder *self = SCC_CASE_FINDER (object);

  g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  g_clear_object (&self->field);
  g_clear_object (&self->api_client);
  G_OBJECT_CLASS (scc_case_finder_parent_class)->dispose (object);
}

static void
scc_case_finder_finalize (GObject *object)
{
  g_ptr_array_unref (SCC_CASE_FINDER (object)->matches);
  G_OBJECT_CLASS (scc_case_finder_parent_class)->finalize (object);
}

static void
scc_case_finder_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_MATCHES:
      g_value_set_boxed (value, SCC_CASE_FINDER (object)->matches);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_case_finder_class_init (SccCaseFinderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scc_case_finder_dispose;
  object_class->finalize = scc_case_finder_finalize;
  object_class->get_property = scc_case_finder_get_property;

  properties[PROP_MATCHES] = g_param_spec_boxed ("matches", NULL, NULL, G_TYPE_PTR_ARRAY,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_case_finder_init (SccCaseFinder *self)
{
  self->matches = g_ptr_array_new_with_free_func (g_object_unref);
}
