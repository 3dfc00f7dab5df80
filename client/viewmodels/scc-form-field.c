/* scc-form-field.c
 *
 * SccFormField: see scc-form-field.h. A field is a plain GObject so a row
 * can bind its entry's text to "value" and its error caption to
 * "error-text" and "has-error". Editing the value takes the error away:
 * once the user has changed what was complained about, the complaint is
 * stale. A secret value is overwritten before it is freed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-form-field"

#include "config.h"

#include "scc-form-field.h"

struct _SccFormField
{
  GObject            parent_instance;

  /* Owned */
  char              *name;
  char              *value;       /* never NULL; wiped if secret */
  char              *error;
  char              *error_text;  /* error as a sentence */

  SccFormFieldFlags  flags;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_FLAGS,
  PROP_SECRET,
  PROP_REQUIRED,
  PROP_VALUE,
  PROP_ERROR,
  PROP_ERROR_TEXT,
  PROP_HAS_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccFormField, scc_form_field, G_TYPE_OBJECT)

static void
wipe_string (char **text)
{
  volatile char *p;

  if (*text == NULL)
    return;
  for (p = *text; *p != '\0'; p++)
    *p = '\0';
  g_clear_pointer (text, g_free);
}

static void
scc_form_field_finalize (GObject *object)
{
  SccFormField *self = (SccFormField *)object;

  g_clear_pointer (&self->name, g_free);
  if (self->flags & SCC_FORM_FIELD_SECRET)
    wipe_string (&self->value);
  else
    g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->error_text, g_free);

  G_OBJECT_CLASS (scc_form_field_parent_class)->finalize (object);
}

static void
scc_form_field_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SccFormField *self = SCC_FORM_FIELD (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_FLAGS:
      g_value_set_uint (value, self->flags);
      break;

    case PROP_SECRET:
      g_value_set_boolean (value, scc_form_field_get_secret (self));
      break;

    case PROP_REQUIRED:
      g_value_set_boolean (value, scc_form_field_get_required (self));
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    case PROP_ERROR_TEXT:
      g_value_set_string (value, self->error_text);
      break;

    case PROP_HAS_ERROR:
      g_value_set_boolean (value, self->error != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_form_field_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SccFormField *self = SCC_FORM_FIELD (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_FLAGS:
      self->flags = g_value_get_uint (value);
      break;

    case PROP_VALUE:
      scc_form_field_set_value (self, g_value_get_string (value));
      break;

    case PROP_ERROR:
      scc_form_field_set_error (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_form_field_class_init (SccFormFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scc_form_field_finalize;
  object_class->get_property = scc_form_field_get_property;
  object_class->set_property = scc_form_field_set_property;

  /**
   * SccFormField:name:
   *
   * The API's name of the field, as in the request body and in the
   * "field" of a problem document's errors.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLAGS] =
    g_param_spec_uint ("flags", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECRET] =
    g_param_spec_boolean ("secret", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUIRED] =
    g_param_spec_boolean ("required", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccFormField:value:
   *
   * What is typed; never %NULL. Setting it clears the error.
   */
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SccFormField:error-text:
   *
   * The error as a sentence, for the caption under the field.
   */
  properties[PROP_ERROR_TEXT] =
    g_param_spec_string ("error-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_ERROR] =
    g_param_spec_boolean ("has-error", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_form_field_init (SccFormField *self)
{
  self->value = g_strdup ("");
}

/**
 * scc_form_field_new:
 * @name: the field's name in the API
 *
 * Returns: (transfer full): a new, empty field
 */
SccFormField *
scc_form_field_new (const char        *name,
                    SccFormFieldFlags  flags)
{
  g_return_val_if_fail (name != NULL && name[0] != '\0', NULL);

  return g_object_new (SCC_TYPE_FORM_FIELD, "name", name, "flags", (guint)flags, NULL);
}

const char *
scc_form_field_get_name (SccFormField *self)
{
  g_return_val_if_fail (SCC_IS_FORM_FIELD (self), NULL);
  return self->name;
}

SccFormFieldFlags
scc_form_field_get_flags (SccFormField *self)
{
  g_return_val_if_fail (SCC_IS_FORM_FIELD (self), 0);
  return self->flags;
}

gboolean
scc_form_field_get_secret (SccFormField *self)
{
  g_return_val_if_fail (SCC_IS_FORM_FIELD (self), FALSE);
  return (self->flags & SCC_FORM_FIELD_SECRET) != 0;
}

gboolean
scc_form_field_get_required (SccFormField *self)
{
  g_return_val_if_fail (SCC_IS_FORM_FIELD (self), FALSE);
  return (self->flags & SCC_FORM_FIELD_REQUIRED) != 0;
}

const char *
scc_form_field_get_value (SccFormField *self)
{
  g_return_val_if_fail (SCC_IS_FORM_FIELD (self), NULL);
  return self->value;
}

void
scc_form_field_set_value (SccFormField *self,
                          const char   *value)
{
  g_return_if_fail (SCC_IS_FORM_FIELD (self));

  /* Never NULL: it is bound to the text of an entry. */
  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->value, value) == 0)
    return;

  if (self->flags & SCC_FORM_FIELD_SECRET)
    wipe_string (&self->value);
  else
    g_free (self->value);
  self->value = g_strdup (value);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
  scc_form_field_set_error (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
scc_form_field_get_error (SccFormField *self)
{
  g_return_val_if_fail (SCC_IS_FORM_FIELD (self), NULL);
  return self->error;
}

/**
 * scc_form_field_set_error:
 * @error: (nullable): what is wrong, as the API words it, or %NULL
 */
void
scc_form_field_set_error (SccFormField *self,
                          const char   *error)
{
  gboolean had_error;

  g_return_if_fail (SCC_IS_FORM_FIELD (self));

  if (g_strcmp0 (self->error, error) == 0)
    return;

  had_error = self->error != NULL;
  g_free (self->error);
  self->error = g_strdup (error);
  g_free (self->error_text);
  self->error_text = scc_form_field_dup_sentence (error);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_TEXT]);
  if (had_error != (error != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_ERROR]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
scc_form_field_get_error_text (SccFormField *self)
{
  g_return_val_if_fail (SCC_IS_FORM_FIELD (self), NULL);
  return self->error_text;
}

gboolean
scc_form_field_get_has_error (SccFormField *self)
{
  g_return_val_if_fail (SCC_IS_FORM_FIELD (self), FALSE);
  return self->error != NULL;
}

/**
 * scc_form_field_dup_sentence:
 * @message: (nullable): a message, maybe a lower-case fragment
 *
 * Returns: (transfer full) (nullable): @message with a capital first letter
 */
char *
scc_form_field_dup_sentence (const char *message)
{
  g_autofree char *first = NULL;
  const char *next;

  if (message == NULL)
    return NULL;
  if (message[0] == '\0' || !g_utf8_validate (message, -1, NULL))
    return g_strdup (message);

  next = g_utf8_next_char (message);
  first = g_utf8_strup (message, next - message);
  return g_strconcat (first, next, NULL);
}
