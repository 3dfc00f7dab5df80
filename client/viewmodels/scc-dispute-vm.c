/* scc-dispute-vm.c
 *
 * SccDisputeVm: see scc-dispute-vm.h. The record read is not kept: what
 * the page shows of it (title, child, next, steps) is taken from it when
 * it arrives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-dispute-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-person.h"
#include "scc-api-client-disputes.h"
#include "scc-caseload-vm.h"
#include "scc-dispute-vm.h"
#include "scc-dispute-words.h"

struct _SccDisputeVm
{
  GObject       parent_instance;

  SccApiClient *api_client;
  GCancellable *cancellable;   /* the read under way */
  const char   *kind;          /* interned */
  gint64        id;
  gboolean      loading;
  char         *error;

  /* what was read */
  gint64        case_id;
  char         *title;
  char         *child;
  char         *next;
  GPtrArray    *steps;
};

G_DEFINE_FINAL_TYPE (SccDisputeVm, scc_dispute_vm, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_API_CLIENT,
  PROP_LOADING,
  PROP_ERROR,
  PROP_STEPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
child_of (const char *given_name,
          const char *family_name)
{
  if (given_name == NULL && family_name == NULL)
    return NULL;
  return sc_person_join_names (given_name, family_name);
}

static void
forget_read (SccDisputeVm *self)
{
  self->case_id = 0;
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->child, g_free);
  g_clear_pointer (&self->next, g_free);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
}

/* Takes what the page shows from the record read, of self->kind */
static void
take_record (SccDisputeVm  *self,
             gconstpointer  record)
{
  ScDay today = sc_day_today ();

  forget_read (self);
  if (self->kind == g_intern_static_string ("complaint"))
    {
      const ScComplaint *complaint = record;

      self->case_id = complaint->case_id;
      self->title = g_strdup_printf (_("Complaint %s"), complaint->reference);
      self->child = child_of (complaint->given_name, complaint->family_name);
      self->next = scc_complaint_dup_next (complaint);
    }
  else if (self->kind == g_intern_static_string ("appeal"))
    {
      const ScAppeal *appeal = record;

      self->case_id = appeal->case_id;
      self->title = g_strdup_printf (_("Tribunal Appeal %s"), appeal->reference);
      self->child = child_of (appeal->given_name, appeal->family_name);
      self->next = scc_appeal_dup_next (appeal);
    }
  else
    {
      const ScMediation *mediation = record;
      g_autofree char *asked = scc_case_format_day (mediation->advice_requested_on);

      self->case_id = mediation->case_id;
      self->title = g_strdup_printf (_("Mediation, Advice Asked For %s"), asked);
      self->child = child_of (mediation->given_name, mediation->family_name);
      self->next = scc_mediation_dup_next (mediation);
    }
  self->steps = scc_dispute_timeline_new (self->kind, record, today);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SccDisputeVm) self = user_data;
  SccApiClient *api_client = SCC_API_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScComplaint) complaint = NULL;
  g_autoptr(ScAppeal) appeal = NULL;
  g_autoptr(ScMediation) mediation = NULL;
  gconstpointer record;

  /* read as the call made was (the dispute shown may have changed since) */
  if (g_async_result_is_tagged (result, scc_api_client_get_complaint_async))
    record = complaint = scc_api_client_get_complaint_finish (api_client, result, &error);
  else if (g_async_result_is_tagged (result, scc_api_client_get_appeal_async))
    record = appeal = scc_api_client_get_appeal_finish (api_client, result, &error);
  else
    record = mediation = scc_api_client_get_mediation_finish (api_client, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || (record == NULL && error == NULL))
    return;
  self->loading = FALSE;
  g_clear_pointer (&self->error, g_free);
  if (record != NULL)
    take_record (self, record);
  else
    self->error = g_strdup_printf (_("It could not be read: %s"), error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEPS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
scc_dispute_vm_load (SccDisputeVm *self,
                     const char   *kind,
                     gint64        id)
{
  g_return_if_fail (SCC_IS_DISPUTE_VM (self));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (id > 0);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* another dispute's steps are never shown under this one's title */
  if (g_intern_string (kind) != self->kind || id != self->id)
    {
      forget_read (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEPS]);
    }
  self->kind = g_intern_string (kind);
  self->id = id;
  self->loading = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  if (self->kind == g_intern_static_string ("complaint"))
    scc_api_client_get_complaint_async (self->api_client, id, self->cancellable, read_cb, g_object_ref (self));
  else if (self->kind == g_intern_static_string ("appeal"))
    scc_api_client_get_appeal_async (self->api_client, id, self->cancellable, read_cb, g_object_ref (self));
  else if (self->kind == g_intern_static_string ("mediation"))
    scc_api_client_get_mediation_async (self->api_client, id, self->cancellable, read_cb, g_object_ref (self));
  else
    g_return_if_reached ();
}

void
scc_dispute_vm_reload (SccDisputeVm *self)
{
  g_return_if_fail (SCC_IS_DISPUTE_VM (self));

  if (self->kind != NULL)
    scc_dispute_vm_load (self, self->kind, self->id);
}

void
scc_dispute_vm_clear (SccDisputeVm *self)
{
  g_return_if_fail (SCC_IS_DISPUTE_VM (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  forget_read (self);
  self->kind = NULL;
  self->id = 0;
  self->loading = FALSE;
  g_clear_pointer (&self->error, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEPS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

gboolean
scc_dispute_vm_get_loading (SccDisputeVm *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_VM (self), FALSE);
  return self->loading;
}

const char *
scc_dispute_vm_get_error (SccDisputeVm *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_VM (self), NULL);
  return self->error;
}

const char *
scc_dispute_vm_get_kind (SccDisputeVm *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_VM (self), NULL);
  return self->kind;
}

gint64
scc_dispute_vm_get_id (SccDisputeVm *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_VM (self), 0);
  return self->id;
}

gint64
scc_dispute_vm_get_case_id (SccDisputeVm *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_VM (self), 0);
  return self->case_id;
}

const char *
scc_dispute_vm_get_title (SccDisputeVm *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_VM (self), NULL);
  return self->title;
}

const char *
scc_dispute_vm_get_child (SccDisputeVm *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_VM (self), NULL);
  return self->child;
}

const char *
scc_dispute_vm_get_next (SccDisputeVm *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_VM (self), NULL);
  return self->next;
}

GPtrArray *
scc_dispute_vm_get_steps (SccDisputeVm *self)
{
  g_return_val_if_fail (SCC_IS_DISPUTE_VM (self), NULL);
  return self->steps;
}

static void
scc_dispute_vm_dispose (GObject *object)
{
  SccDisputeVm *self = SCC_DISPUTE_VM (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->api_client);
  G_OBJECT_CLASS (scc_dispute_vm_parent_class)->dispose (object);
}

static void
scc_dispute_vm_finalize (GObject *object)
{
  SccDisputeVm *self = SCC_DISPUTE_VM (object);

  forget_read (self);
  g_free (self->error);
  G_OBJECT_CLASS (scc_dispute_vm_parent_class)->finalize (object);
}

static void
scc_dispute_vm_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SccDisputeVm *self = SCC_DISPUTE_VM (object);

  switch (prop_id)
    {
    case PROP_API_CLIENT:
      g_value_set_object (value, self->api_client);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_STEPS:
      g_value_set_boxed (value, self->steps);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_dispute_vm_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SccDisputeVm *self = SCC_DISPUTE_VM (object);

  switch (prop_id)
    {
    case PROP_API_CLIENT:
      self->api_client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_dispute_vm_class_init (SccDisputeVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scc_dispute_vm_dispose;
  object_class->finalize = scc_dispute_vm_finalize;
  object_class->get_property = scc_dispute_vm_get_property;
  object_class->set_property = scc_dispute_vm_set_property;

  properties[PROP_API_CLIENT] = g_param_spec_object ("api-client", NULL, NULL, SCC_TYPE_API_CLIENT,
                                                     G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                     G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEPS] = g_param_spec_boxed ("steps", NULL, NULL, G_TYPE_PTR_ARRAY,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_dispute_vm_init (SccDisputeVm *self)
{
}

SccDisputeVm *
scc_dispute_vm_new (SccApiClient *api_client)
{
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);

  return g_object_new (SCC_TYPE_DISPUTE_VM, "api-client", api_client, NULL);
}
