/* scc-form-vm.c
 *
 * SccFormVm: see scc-form-vm.h. The life of one submission:
 *
 *   submit --busy--> refused, nothing happens
 *          --errors cleared; a required field empty, or validate says no
 *            --> field errors, ::failed, nothing sent
 *          --busy, submit_async(cancellable)--> answer
 *   answer --ok--> ::succeeded
 *          --cancelled (cancel, clear, a newer request)--> nothing
 *          --failed--> show_error, ::failed
 *
 * The default show_error, for every form (scc-form-vm-errors.c):
 *
 *   422 with field errors  -> each on the field of that API name; one for a
 *                             field the form does not have -> error-message
 *   409                    -> its field errors on their fields, and
 *                             error-message with the server's detail
 *   401 (session ended)    -> notice: nothing saved, submit again; the input
 *                             stays (SccWindow sends the user to sign in and
 *                             back to this page, as they left it)
 *   503                    -> error-message, can-retry
 *   refused, DNS, timeout  -> error-message, can-retry
 *   any other SC_ERROR     -> error-message with the server's detail
 *
 * A group's elements are fields like any other, in the form's list where
 * the group was added; only their number changes. Inserting or removing
 * one copies values and errors along rather than renaming fields, so a row
 * bound to "contacts[1].name" stays bound to the second element.
 *
 * Messages begin with the class's failure text ("Your password has not been
 * changed: ..."), so each says what did not happen. The Idempotency-Key of
 * a submission is kept while the input is unchanged, so a retry of a create
 * can never make two records; an edit, a success or clear drops it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-form-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-error.h"
#include "sc-problem.h"

#include "scc-form-vm-private.h"

typedef struct
{
  /* Owned */
  SccApiClient       *api_client;
  GListStore         *fields;           /* SccFormField, in form order */
  GPtrArray          *groups;           /* SccFormGroup, in the order added */
  GHashTable         *by_name;          /* name -> SccFormField, borrowed from fields */
  GCancellable       *cancellable;      /* of the submission in flight, or NULL */
  GSimpleActionGroup *actions;
  char               *error_message;
  char               *notice;
  char               *idempotency_key;  /* NULL until a submission needs one */

  guint               can_retry : 1;
  guint               has_input : 1;
} SccFormVmPrivate;

typedef struct
{
  SccFormVm    *self;         /* owned */
  GCancellable *cancellable;  /* owned; the submission's */
} Submission;

enum {
  PROP_0,
  PROP_API_CLIENT,
  PROP_FIELDS,
  PROP_BUSY,
  PROP_CAN_RETRY,
  PROP_HAS_INPUT,
  PROP_ERROR_MESSAGE,
  PROP_HAS_ERROR_MESSAGE,
  PROP_NOTICE,
  PROP_HAS_NOTICE,
  N_PROPS
};

enum {
  SUCCEEDED,
  FAILED,
  GROUP_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GQuark failure_text_quark;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SccFormVm, scc_form_vm, G_TYPE_OBJECT)

static void
set_string (SccFormVm  *self,
            char      **field,
            const char *value,
            guint       prop_id,
            guint       has_prop_id)
{
  gboolean had_value = *field != NULL;

  g_assert (SCC_IS_FORM_VM (self));

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (had_value != (value != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[has_prop_id]);
}

static void
update_actions (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);
  static const char * const names[] = { "submit", "retry" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (priv->actions), names[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), priv->cancellable == NULL);
    }
}

/* Call with the cancellable already replaced or cleared. */
static void
notify_busy (SccFormVm *self)
{
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
clear_errors (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);
  guint n_fields = g_list_model_get_n_items (G_LIST_MODEL (priv->fields));

  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(SccFormField) field = g_list_model_get_item (G_LIST_MODEL (priv->fields), i);

      scc_form_field_set_error (field, NULL);
    }
  scc_form_vm_set_error_message (self, NULL);
  scc_form_vm_set_notice (self, NULL);
  scc_form_vm_set_can_retry (self, FALSE);
}

/* The input changed: a value, or the number of a group's elements. */
void
_scc_form_vm_input_changed (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);
  guint n_fields = g_list_model_get_n_items (G_LIST_MODEL (priv->fields));
  gboolean has_input = FALSE;

  g_assert (SCC_IS_FORM_VM (self));

  /* Other input is another request: a retry must not replay the old key. */
  g_clear_pointer (&priv->idempotency_key, g_free);
  /* What the notice said ("changed", "submit again") is about the old input. */
  scc_form_vm_set_notice (self, NULL);

  for (guint i = 0; i < n_fields && !has_input; i++)
    {
      g_autoptr(SccFormField) field = g_list_model_get_item (G_LIST_MODEL (priv->fields), i);

      if ((scc_form_field_get_flags (field) & SCC_FORM_FIELD_KEPT) == 0)
        has_input = scc_form_field_get_value (field)[0] != '\0';
    }

  if (priv->has_input != has_input)
    {
      priv->has_input = has_input;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_INPUT]);
    }
}

static void
on_field_value_cb (SccFormVm    *self,
                   GParamSpec   *pspec,
                   SccFormField *changed)
{
  _scc_form_vm_input_changed (self);
}

void
_scc_form_vm_insert_field (SccFormVm    *self,
                           SccFormField *field,
                           guint         position)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_list_store_insert (priv->fields, position, field);
  g_hash_table_insert (priv->by_name, (gpointer)scc_form_field_get_name (field), field);
  g_signal_connect_object (field, "notify::value", G_CALLBACK (on_field_value_cb), self, G_CONNECT_SWAPPED);
}

void
_scc_form_vm_remove_field (SccFormVm    *self,
                           SccFormField *field)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);
  guint position;

  /* A row may still hold the field until the page drops it. */
  g_signal_handlers_disconnect_by_data (field, self);
  g_hash_table_remove (priv->by_name, scc_form_field_get_name (field));
  if (g_list_store_find (priv->fields, field, &position))
    g_list_store_remove (priv->fields, position);
}

GPtrArray *
_scc_form_vm_get_groups (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  return priv->groups;
}

void
_scc_form_vm_emit_group_changed (SccFormVm  *self,
                                 const char *group)
{
  g_signal_emit (self, signals[GROUP_CHANGED], g_quark_from_string (group), group);
}

static gboolean
check_required (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);
  guint n_fields = g_list_model_get_n_items (G_LIST_MODEL (priv->fields));
  gboolean ok = TRUE;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(SccFormField) field = g_list_model_get_item (G_LIST_MODEL (priv->fields), i);
      g_autofree char *value = g_strstrip (g_strdup (scc_form_field_get_value (field)));

      if (scc_form_field_get_required (field) && value[0] == '\0')
        {
          /* The API's words for the same fault. */
          scc_form_field_set_error (field, "must not be empty");
          ok = FALSE;
        }
    }
  return ok;
}

static void
submission_free (Submission *submission)
{
  g_clear_object (&submission->self);
  g_clear_object (&submission->cancellable);
  g_free (submission);
}

static void
scc_form_vm_submit_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Submission *submission = user_data;
  SccFormVm *self = submission->self;
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;
  gboolean cancelled;

  ok = SCC_FORM_VM_GET_CLASS (self)->submit_finish (self, result, &error);

  /* Cancelled, or cleared: the form has moved on without this answer. */
  if (submission->cancellable != priv->cancellable)
    {
      submission_free (submission);
      return;
    }

  cancelled = !ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_object_freeze_notify (G_OBJECT (self));
  g_clear_object (&priv->cancellable);
  notify_busy (self);
  if (ok)
    g_clear_pointer (&priv->idempotency_key, g_free);
  else if (!cancelled)
    SCC_FORM_VM_GET_CLASS (self)->show_error (self, error);
  g_object_thaw_notify (G_OBJECT (self));

  if (ok)
    g_signal_emit (self, signals[SUCCEEDED], 0);
  else if (!cancelled)
    g_signal_emit (self, signals[FAILED], 0);

  submission_free (submission);
}

static void
scc_form_vm_real_clear (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);
  guint n_fields;

  scc_form_vm_cancel (self);
  _scc_form_vm_clear_groups (self);
  n_fields = g_list_model_get_n_items (G_LIST_MODEL (priv->fields));
  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(SccFormField) field = g_list_model_get_item (G_LIST_MODEL (priv->fields), i);

      if ((scc_form_field_get_flags (field) & SCC_FORM_FIELD_KEPT) == 0)
        scc_form_field_set_value (field, "");
    }
  clear_errors (self);
  g_clear_pointer (&priv->idempotency_key, g_free);
}

static void
submit_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  scc_form_vm_submit (SCC_FORM_VM (user_data));
}

static void
retry_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  scc_form_vm_retry (SCC_FORM_VM (user_data));
}

static void
scc_form_vm_dispose (GObject *object)
{
  SccFormVm *self = (SccFormVm *)object;
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  /* The actions hold the view model: break the cycle. */
  if (priv->actions != NULL)
    {
      g_action_map_remove_action (G_ACTION_MAP (priv->actions), "submit");
      g_action_map_remove_action (G_ACTION_MAP (priv->actions), "retry");
    }

  G_OBJECT_CLASS (scc_form_vm_parent_class)->dispose (object);
}

static void
scc_form_vm_finalize (GObject *object)
{
  SccFormVm *self = (SccFormVm *)object;
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_clear_object (&priv->api_client);
  g_clear_pointer (&priv->by_name, g_hash_table_unref);
  g_clear_pointer (&priv->groups, g_ptr_array_unref);
  g_clear_object (&priv->fields);
  g_clear_object (&priv->actions);
  g_clear_pointer (&priv->error_message, g_free);
  g_clear_pointer (&priv->notice, g_free);
  g_clear_pointer (&priv->idempotency_key, g_free);

  G_OBJECT_CLASS (scc_form_vm_parent_class)->finalize (object);
}

static void
scc_form_vm_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SccFormVm *self = SCC_FORM_VM (object);
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_API_CLIENT:
      g_value_set_object (value, priv->api_client);
      break;

    case PROP_FIELDS:
      g_value_set_object (value, priv->fields);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, priv->cancellable != NULL);
      break;

    case PROP_CAN_RETRY:
      g_value_set_boolean (value, priv->can_retry);
      break;

    case PROP_HAS_INPUT:
      g_value_set_boolean (value, priv->has_input);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, priv->error_message);
      break;

    case PROP_HAS_ERROR_MESSAGE:
      g_value_set_boolean (value, priv->error_message != NULL);
      break;

    case PROP_NOTICE:
      g_value_set_string (value, priv->notice);
      break;

    case PROP_HAS_NOTICE:
      g_value_set_boolean (value, priv->notice != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_form_vm_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SccFormVm *self = SCC_FORM_VM (object);
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_API_CLIENT:
      priv->api_client = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_form_vm_class_init (SccFormVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scc_form_vm_dispose;
  object_class->finalize = scc_form_vm_finalize;
  object_class->get_property = scc_form_vm_get_property;
  object_class->set_property = scc_form_vm_set_property;

  klass->show_error = _scc_form_vm_real_show_error;
  klass->clear = scc_form_vm_real_clear;

  failure_text_quark = g_quark_from_static_string ("scc-form-vm-failure-text");

  properties[PROP_API_CLIENT] =
    g_param_spec_object ("api-client", NULL, NULL,
                         SCC_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELDS] =
    g_param_spec_object ("fields", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccFormVm:busy:
   *
   * The form's request is in flight; the fields are read-only meanwhile.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccFormVm:can-retry:
   *
   * The last submission failed for a reason that may pass by itself (the
   * network, the server's database): the page offers Retry.
   */
  properties[PROP_CAN_RETRY] =
    g_param_spec_boolean ("can-retry", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccFormVm:has-input:
   *
   * Something is typed in a field that clear empties: unsaved input.
   */
  properties[PROP_HAS_INPUT] =
    g_param_spec_boolean ("has-input", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccFormVm:error-message:
   *
   * Why the last submission failed when no one field is to blame: a sentence.
   */
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_ERROR_MESSAGE] =
    g_param_spec_boolean ("has-error-message", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccFormVm:notice:
   *
   * Something to read that is not an error: what a submission did, or that
   * it was cut short by the end of the session. Goes with the next edit.
   */
  properties[PROP_NOTICE] =
    g_param_spec_string ("notice", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_NOTICE] =
    g_param_spec_boolean ("has-notice", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SccFormVm::succeeded:
   *
   * The server accepted the form.
   */
  signals[SUCCEEDED] =
    g_signal_new ("succeeded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  G_STRUCT_OFFSET (SccFormVmClass, succeeded),
                  NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * SccFormVm::failed:
   *
   * A submission was refused, here or by the server; the errors are on the
   * form (a page moves the keyboard to the first field with one).
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  G_STRUCT_OFFSET (SccFormVmClass, failed),
                  NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * SccFormVm::group-changed:
   * @group: the group's name, also the detail
   *
   * A group has more or fewer elements: a page adds the rows of the new
   * last ones, or drops those of elements no longer there.
   */
  signals[GROUP_CHANGED] =
    g_signal_new ("group-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  G_STRUCT_OFFSET (SccFormVmClass, group_changed),
                  NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
scc_form_vm_init (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);
  const GActionEntry entries[] = {
    { "submit", submit_action_cb },
    { "retry", retry_action_cb },
  };

  priv->fields = g_list_store_new (SCC_TYPE_FORM_FIELD);
  priv->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  priv->groups = g_ptr_array_new_with_free_func (_scc_form_group_free);
  priv->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (priv->actions), entries, G_N_ELEMENTS (entries), self);
}

void
scc_form_vm_class_set_failure_text (SccFormVmClass *klass,
                                    const char     *text)
{
  g_return_if_fail (SCC_IS_FORM_VM_CLASS (klass));
  g_return_if_fail (text != NULL);

  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), failure_text_quark, (gpointer)text);
}

/**
 * scc_form_vm_set_failure_text:
 * @text: (not nullable): static
 *
 * The failure text of this form alone, for a class whose forms are of
 * several kinds.
 */
void
scc_form_vm_set_failure_text (SccFormVm  *self,
                              const char *text)
{
  g_return_if_fail (SCC_IS_FORM_VM (self));
  g_return_if_fail (text != NULL);

  g_object_set_qdata (G_OBJECT (self), failure_text_quark, (gpointer) text);
}

/**
 * scc_form_vm_get_failure_text:
 *
 * Returns: the nearest class's failure text ("Your password has not been
 *   changed"), or a general one
 */
const char *
scc_form_vm_get_failure_text (SccFormVm *self)
{
  g_return_val_if_fail (SCC_IS_FORM_VM (self), NULL);

  if (g_object_get_qdata (G_OBJECT (self), failure_text_quark) != NULL)
    return g_object_get_qdata (G_OBJECT (self), failure_text_quark);
  for (GType type = G_OBJECT_TYPE (self); type != SCC_TYPE_FORM_VM; type = g_type_parent (type))
    {
      const char *text = g_type_get_qdata (type, failure_text_quark);

      if (text != NULL)
        return text;
    }
  return _("Nothing was saved");
}

/**
 * scc_form_vm_add_field:
 * @name: the field's API name, unique in the form
 *
 * Returns: (transfer none): the new field
 */
SccFormField *
scc_form_vm_add_field (SccFormVm         *self,
                       const char        *name,
                       SccFormFieldFlags  flags)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);
  g_autoptr(SccFormField) field = NULL;

  g_return_val_if_fail (SCC_IS_FORM_VM (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (!g_hash_table_contains (priv->by_name, name), NULL);

  field = scc_form_field_new (name, flags);
  _scc_form_vm_insert_field (self, field, g_list_model_get_n_items (G_LIST_MODEL (priv->fields)));
  return field;
}

/**
 * scc_form_vm_get_api_client:
 *
 * Returns: (transfer none): the API client the form is sent through
 */
SccApiClient *
scc_form_vm_get_api_client (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_FORM_VM (self), NULL);
  return priv->api_client;
}

/**
 * scc_form_vm_get_fields:
 *
 * Returns: (transfer none): the fields (SccFormField), in form order
 */
GListModel *
scc_form_vm_get_fields (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_FORM_VM (self), NULL);
  return G_LIST_MODEL (priv->fields);
}

/**
 * scc_form_vm_lookup_field:
 *
 * Returns: (transfer none) (nullable): the field called @name
 */
SccFormField *
scc_form_vm_lookup_field (SccFormVm  *self,
                          const char *name)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_FORM_VM (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (priv->by_name, name);
}

static SccFormField *
get_field (SccFormVm  *self,
           const char *name)
{
  SccFormField *field = scc_form_vm_lookup_field (self, name);

  if (field == NULL)
    g_critical ("%s has no field \"%s\"", G_OBJECT_TYPE_NAME (self), name);
  return field;
}

const char *
scc_form_vm_get_value (SccFormVm  *self,
                       const char *name)
{
  SccFormField *field;

  g_return_val_if_fail (SCC_IS_FORM_VM (self), NULL);

  field = get_field (self, name);
  return field != NULL ? scc_form_field_get_value (field) : NULL;
}

void
scc_form_vm_set_value (SccFormVm  *self,
                       const char *name,
                       const char *value)
{
  SccFormField *field;

  g_return_if_fail (SCC_IS_FORM_VM (self));

  if ((field = get_field (self, name)))
    scc_form_field_set_value (field, value);
}

const char *
scc_form_vm_get_field_error (SccFormVm  *self,
                             const char *name)
{
  SccFormField *field;

  g_return_val_if_fail (SCC_IS_FORM_VM (self), NULL);

  field = get_field (self, name);
  return field != NULL ? scc_form_field_get_error (field) : NULL;
}

void
scc_form_vm_set_field_error (SccFormVm  *self,
                             const char *name,
                             const char *error)
{
  SccFormField *field;

  g_return_if_fail (SCC_IS_FORM_VM (self));

  if ((field = get_field (self, name)))
    scc_form_field_set_error (field, error);
}

/**
 * scc_form_vm_get_first_error:
 *
 * Returns: (transfer none) (nullable): the first field with an error
 */
SccFormField *
scc_form_vm_get_first_error (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);
  guint n_fields;

  g_return_val_if_fail (SCC_IS_FORM_VM (self), NULL);

  n_fields = g_list_model_get_n_items (G_LIST_MODEL (priv->fields));
  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(SccFormField) field = g_list_model_get_item (G_LIST_MODEL (priv->fields), i);

      if (scc_form_field_get_has_error (field))
        return field;  /* the store holds it */
    }
  return NULL;
}

gboolean
scc_form_vm_get_busy (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_FORM_VM (self), FALSE);
  return priv->cancellable != NULL;
}

gboolean
scc_form_vm_get_can_retry (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_FORM_VM (self), FALSE);
  return priv->can_retry;
}

gboolean
scc_form_vm_get_has_input (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_FORM_VM (self), FALSE);
  return priv->has_input;
}

const char *
scc_form_vm_get_error_message (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_FORM_VM (self), NULL);
  return priv->error_message;
}

const char *
scc_form_vm_get_notice (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_FORM_VM (self), NULL);
  return priv->notice;
}

/**
 * scc_form_vm_get_actions:
 *
 * Returns: (transfer none): "submit" and "retry", enabled while not busy
 */
GActionGroup *
scc_form_vm_get_actions (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_FORM_VM (self), NULL);
  return G_ACTION_GROUP (priv->actions);
}

const char *
scc_form_vm_get_idempotency_key (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_FORM_VM (self), NULL);
  return priv->idempotency_key;
}

void
scc_form_vm_set_error_message (SccFormVm  *self,
                               const char *message)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_return_if_fail (SCC_IS_FORM_VM (self));
  set_string (self, &priv->error_message, message, PROP_ERROR_MESSAGE, PROP_HAS_ERROR_MESSAGE);
}

void
scc_form_vm_set_notice (SccFormVm  *self,
                        const char *notice)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_return_if_fail (SCC_IS_FORM_VM (self));
  set_string (self, &priv->notice, notice, PROP_NOTICE, PROP_HAS_NOTICE);
}

void
scc_form_vm_set_can_retry (SccFormVm *self,
                           gboolean   can_retry)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_return_if_fail (SCC_IS_FORM_VM (self));

  if (priv->can_retry == !!can_retry)
    return;
  priv->can_retry = !!can_retry;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_RETRY]);
}

/**
 * scc_form_vm_submit:
 *
 * Sends the form (see the top of this file).
 *
 * Returns: %FALSE if nothing was sent: busy, or refused here (the field
 *   errors say why)
 */
gboolean
scc_form_vm_submit (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);
  SccFormVmClass *klass;
  Submission *submission;
  gboolean ok;

  g_return_val_if_fail (SCC_IS_FORM_VM (self), FALSE);

  klass = SCC_FORM_VM_GET_CLASS (self);
  g_return_val_if_fail (klass->submit_async != NULL && klass->submit_finish != NULL, FALSE);

  if (priv->cancellable != NULL)
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  clear_errors (self);
  ok = check_required (self);
  if (ok && klass->validate != NULL)
    ok = klass->validate (self);
  if (!ok)
    {
      g_object_thaw_notify (G_OBJECT (self));
      g_signal_emit (self, signals[FAILED], 0);
      return FALSE;
    }

  if (priv->idempotency_key == NULL)
    priv->idempotency_key = g_uuid_string_random ();
  priv->cancellable = g_cancellable_new ();
  notify_busy (self);
  g_object_thaw_notify (G_OBJECT (self));

  submission = g_new0 (Submission, 1);
  submission->self = g_object_ref (self);
  submission->cancellable = g_object_ref (priv->cancellable);
  klass->submit_async (self, priv->cancellable, scc_form_vm_submit_cb, submission);
  return TRUE;
}

/**
 * scc_form_vm_retry:
 *
 * Retry: submits the same input again, with the same Idempotency-Key.
 */
gboolean
scc_form_vm_retry (SccFormVm *self)
{
  g_return_val_if_fail (SCC_IS_FORM_VM (self), FALSE);
  return scc_form_vm_submit (self);
}

/**
 * scc_form_vm_cancel:
 *
 * Abandons the submission in flight, if any: its answer is ignored. The
 * server may still have done what was asked.
 */
void
scc_form_vm_cancel (SccFormVm *self)
{
  SccFormVmPrivate *priv = scc_form_vm_get_instance_private (self);

  g_return_if_fail (SCC_IS_FORM_VM (self));

  if (priv->cancellable == NULL)
    return;

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  notify_busy (self);
}

/**
 * scc_form_vm_clear:
 *
 * Empties the form (kept fields keep their value), its errors and notice,
 * and abandons its request: after a sign-out or another user's sign-in.
 */
void
scc_form_vm_clear (SccFormVm *self)
{
  g_return_if_fail (SCC_IS_FORM_VM (self));

  g_object_freeze_notify (G_OBJECT (self));
  SCC_FORM_VM_GET_CLASS (self)->clear (self);
  g_object_thaw_notify (G_OBJECT (self));
}
