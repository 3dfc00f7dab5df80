/* scc-list-vm.c
 *
 * SccListVm: see scc-list-vm.h. The items are a GPtrArray the view model
 * owns; a page that arrives is appended (one items-changed), a reload
 * empties the array first (another). Each fetch has its own GCancellable,
 * kept in self->fetch while it runs: an answer whose cancellable is no
 * longer self->fetch was superseded (a reload, a cancel) and is dropped,
 * so a slow first page can never land after the filters changed.
 *
 * A failed fetch keeps what was shown (a failed "load more" loses nothing)
 * and leaves the cursor where it was, so retry asks for the same page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-list-vm"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-error.h"

#include "scc-list-vm.h"

typedef struct
{
  /* Owned */
  SccApiClient *api_client;
  GPtrArray    *items;        /* of item_type */
  char         *next_cursor;  /* of the page after the last shown */
  GError       *error;
  char         *error_message;
  GCancellable *fetch;        /* of the fetch in flight, or NULL */
  GCancellable *outer;        /* the page's */
  GCancellable *linked;       /* the outer the fetch in flight is linked to */
  gulong        linked_handler;

  GType         item_type;
  guint         page_size;
  char         *query;        /* what the list is searched for, or NULL */
  guint         typed_id;     /* the debounce of a typed query, while it waits */
  guint         loaded : 1;   /* the first page has arrived */
  guint         has_more : 1;
} SccListVmPrivate;

enum {
  PROP_0,
  PROP_API_CLIENT,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  PROP_PAGE_SIZE,
  PROP_LOADING,
  PROP_LOADED,
  PROP_HAS_MORE,
  PROP_EMPTY,
  PROP_HAS_ERROR,
  PROP_ERROR_MESSAGE,
  PROP_STATE,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void scc_list_vm_list_model_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (SccListVm, scc_list_vm, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (SccListVm)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, scc_list_vm_list_model_init))

static GType
scc_list_vm_list_model_get_item_type (GListModel *model)
{
  return scc_list_vm_get_item_type (SCC_LIST_VM (model));
}

static guint
scc_list_vm_list_model_get_n_items (GListModel *model)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (SCC_LIST_VM (model));

  return priv->items->len;
}

static gpointer
scc_list_vm_list_model_get_item (GListModel *model,
                                 guint       position)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (SCC_LIST_VM (model));

  if (position >= priv->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (priv->items, position));
}

static void
scc_list_vm_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = scc_list_vm_list_model_get_item_type;
  iface->get_n_items = scc_list_vm_list_model_get_n_items;
  iface->get_item = scc_list_vm_list_model_get_item;
}

/* Notifies everything derived from the state at once, frozen, so a
 * binding never sees half a change. */
static void
notify_state (SccListVm *self)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  g_object_notify_by_pspec (object, properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (object, properties[PROP_LOADING]);
  g_object_notify_by_pspec (object, properties[PROP_LOADED]);
  g_object_notify_by_pspec (object, properties[PROP_HAS_MORE]);
  g_object_notify_by_pspec (object, properties[PROP_EMPTY]);
  g_object_notify_by_pspec (object, properties[PROP_HAS_ERROR]);
  g_object_notify_by_pspec (object, properties[PROP_ERROR_MESSAGE]);
  g_object_notify_by_pspec (object, properties[PROP_STATE]);
  g_object_thaw_notify (object);
}

static char *
describe_error (const GError *error)
{
  if (g_error_matches (error, SC_ERROR, SC_ERROR_FORBIDDEN))
    return g_strdup (_("Your role may not see this list."));
  if (g_error_matches (error, SC_ERROR, SC_ERROR_UNAVAILABLE))
    return g_strdup (_("The server cannot reach its database at the moment. Try again in a few minutes."));
  if (g_error_matches (error, SC_ERROR, SC_ERROR_UNAUTHORIZED))
    return g_strdup (_("Your session has ended. Sign in again to see the list."));
  if (error->domain == SC_ERROR)
    return g_strdup_printf (_("The list could not be loaded: %s."), error->message);
  return g_strdup_printf (_("The server could not be reached (%s)."), error->message);
}

static void
set_error (SccListVm    *self,
           const GError *error)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_clear_error (&priv->error);
  g_clear_pointer (&priv->error_message, g_free);
  if (error != NULL)
    {
      priv->error = g_error_copy (error);
      priv->error_message = describe_error (error);
    }
}

/* The fetch in flight is no longer in charge: unlink it from the outer. */
static void
end_fetch (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  if (priv->linked != NULL)
    {
      g_cancellable_disconnect (priv->linked, priv->linked_handler);
      priv->linked_handler = 0;
      g_clear_object (&priv->linked);
    }
  g_clear_object (&priv->fetch);
}

static void
stop_fetch (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  if (priv->fetch != NULL)
    g_cancellable_cancel (priv->fetch);
  end_fetch (self);
}

static void
on_outer_cancelled_cb (GCancellable *outer,
                       gpointer      user_data)
{
  GCancellable *fetch = user_data;

  /* May run in another thread (g_cancellable_connect): only cancel. */
  g_cancellable_cancel (fetch);
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SccListVm *self = SCC_LIST_VM (object);
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);
  g_autoptr(GCancellable) fetch = user_data;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;
  guint position;

  items = SCC_LIST_VM_GET_CLASS (self)->fetch_finish (self, result, &next_cursor, &error);

  /* Superseded by a reload or cancelled: another fetch, or none, is in charge. */
  if (fetch != priv->fetch)
    return;
  end_fetch (self);

  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("could not load a page of %s: %s", g_type_name (priv->item_type), error->message);
          set_error (self, error);
        }
      notify_state (self);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      if (!g_type_is_a (G_OBJECT_TYPE (g_ptr_array_index (items, i)), priv->item_type))
        {
          g_critical ("%s fetched a %s into a list of %s", G_OBJECT_TYPE_NAME (self),
                      G_OBJECT_TYPE_NAME (g_ptr_array_index (items, i)), g_type_name (priv->item_type));
          notify_state (self);
          return;
        }
    }

  position = priv->items->len;
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (priv->items, g_object_ref (g_ptr_array_index (items, i)));
  g_free (priv->next_cursor);
  priv->next_cursor = g_steal_pointer (&next_cursor);
  priv->has_more = priv->next_cursor != NULL;
  priv->loaded = TRUE;
  set_error (self, NULL);

  if (items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, items->len);
  notify_state (self);
}

static void
start_fetch (SccListVm  *self,
             const char *cursor)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);
  GCancellable *fetch;

  g_assert (priv->fetch == NULL);

  fetch = g_cancellable_new ();
  priv->fetch = g_object_ref (fetch);
  if (priv->outer != NULL)
    {
      /* The handler holds its own ref on the fetch's cancellable. */
      priv->linked_handler = g_cancellable_connect (priv->outer, G_CALLBACK (on_outer_cancelled_cb),
                                                    g_object_ref (fetch), g_object_unref);
      if (priv->linked_handler != 0)
        priv->linked = g_object_ref (priv->outer);
    }

  SCC_LIST_VM_GET_CLASS (self)->fetch_async (self, cursor, priv->page_size, fetch, fetch_cb, fetch);
  notify_state (self);
}

static void
scc_list_vm_dispose (GObject *object)
{
  SccListVm *self = (SccListVm *)object;
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  stop_fetch (self);
  g_clear_handle_id (&priv->typed_id, g_source_remove);
  scc_list_vm_set_cancellable (self, NULL);
  g_clear_object (&priv->api_client);

  G_OBJECT_CLASS (scc_list_vm_parent_class)->dispose (object);
}

static void
scc_list_vm_finalize (GObject *object)
{
  SccListVm *self = (SccListVm *)object;
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_clear_pointer (&priv->items, g_ptr_array_unref);
  g_clear_pointer (&priv->next_cursor, g_free);
  g_clear_error (&priv->error);
  g_clear_pointer (&priv->error_message, g_free);
  g_clear_pointer (&priv->query, g_free);

  G_OBJECT_CLASS (scc_list_vm_parent_class)->finalize (object);
}

static void
scc_list_vm_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SccListVm *self = SCC_LIST_VM (object);
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_API_CLIENT:
      g_value_set_object (value, priv->api_client);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, priv->item_type);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, priv->items->len);
      break;

    case PROP_PAGE_SIZE:
      g_value_set_uint (value, priv->page_size);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, scc_list_vm_get_loading (self));
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, priv->loaded);
      break;

    case PROP_HAS_MORE:
      g_value_set_boolean (value, scc_list_vm_get_has_more (self));
      break;

    case PROP_EMPTY:
      g_value_set_boolean (value, scc_list_vm_get_empty (self));
      break;

    case PROP_HAS_ERROR:
      g_value_set_boolean (value, priv->error != NULL);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, priv->error_message);
      break;

    case PROP_STATE:
      g_value_set_string (value, scc_list_vm_get_state (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_list_vm_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SccListVm *self = SCC_LIST_VM (object);
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_API_CLIENT:
      priv->api_client = g_value_dup_object (value);
      break;

    case PROP_ITEM_TYPE:
      priv->item_type = g_value_get_gtype (value);
      break;

    case PROP_PAGE_SIZE:
      scc_list_vm_set_page_size (self, g_value_get_uint (value));
      break;

    case PROP_QUERY:
      scc_list_vm_set_query (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The default: a GTask of the list that returns the rows, with the next
 * cursor as its task data (scc_list_vm_return_rows). */
static GPtrArray *
scc_list_vm_real_fetch_finish (SccListVm     *self,
                               GAsyncResult  *result,
                               char         **next_cursor,
                               GError       **error)
{
  GPtrArray *items;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  items = g_task_propagate_pointer (G_TASK (result), error);
  if (items != NULL)
    *next_cursor = g_strdup (g_task_get_task_data (G_TASK (result)));
  return items;
}

void
scc_list_vm_return_rows (GTask     *task,
                         GPtrArray *rows,
                         char      *next_cursor)
{
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (rows != NULL);

  g_task_set_task_data (task, next_cursor, g_free);
  g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

static void
scc_list_vm_class_init (SccListVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = scc_list_vm_dispose;
  object_class->finalize = scc_list_vm_finalize;
  object_class->get_property = scc_list_vm_get_property;
  object_class->set_property = scc_list_vm_set_property;
  klass->fetch_finish = scc_list_vm_real_fetch_finish;

  properties[PROP_API_CLIENT] =
    g_param_spec_object ("api-client", NULL, NULL,
                         SCC_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SccListVm:item-type:
   *
   * The model type of the items (ScUser); set by the subclass.
   */
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        G_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);

  /**
   * SccListVm:page-size:
   *
   * How many items one fetch asks for (the API's limit, 1 to 500).
   */
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL, 1, 500, SCC_LIST_VM_DEFAULT_PAGE_SIZE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SccListVm:loading:
   *
   * A page is being fetched.
   */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);

  /**
   * SccListVm:loaded:
   *
   * The first page has arrived since the last reload.
   */
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, ro);

  /**
   * SccListVm:has-more:
   *
   * The server has a page after the last one shown.
   */
  properties[PROP_HAS_MORE] = g_param_spec_boolean ("has-more", NULL, NULL, FALSE, ro);

  /**
   * SccListVm:empty:
   *
   * Loaded, and nothing matched.
   */
  properties[PROP_EMPTY] = g_param_spec_boolean ("empty", NULL, NULL, FALSE, ro);
  properties[PROP_HAS_ERROR] = g_param_spec_boolean ("has-error", NULL, NULL, FALSE, ro);

  /**
   * SccListVm:error-message:
   *
   * Why the last fetch failed, as a sentence; NULL when it did not.
   */
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL, ro);

  /**
   * SccListVm:state:
   *
   * What a page shows instead of, or as, the list: "loading" (nothing yet),
   * "error" (nothing, and the first page failed), "empty" or "items".
   */
  properties[PROP_STATE] = g_param_spec_string ("state", NULL, NULL, "loading", ro);

  /**
   * SccListVm:query:
   *
   * What the list is searched for (stripped; NULL for everything), for a
   * subclass whose fetch can search.
   */
  properties[PROP_QUERY] = g_param_spec_string ("query", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_list_vm_init (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  priv->items = g_ptr_array_new_with_free_func (g_object_unref);
  priv->page_size = SCC_LIST_VM_DEFAULT_PAGE_SIZE;
  priv->item_type = G_TYPE_OBJECT;
}

/**
 * scc_list_vm_get_api_client:
 *
 * Returns: (transfer none): the API client the pages come from
 */
SccApiClient *
scc_list_vm_get_api_client (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_LIST_VM (self), NULL);
  return priv->api_client;
}

GType
scc_list_vm_get_item_type (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_LIST_VM (self), G_TYPE_OBJECT);
  return priv->item_type;
}

guint
scc_list_vm_get_page_size (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_LIST_VM (self), 0);
  return priv->page_size;
}

/* For the next fetch; what is shown stays. */
void
scc_list_vm_set_page_size (SccListVm *self,
                           guint      page_size)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_if_fail (SCC_IS_LIST_VM (self));
  g_return_if_fail (page_size >= 1 && page_size <= 500);

  if (priv->page_size == page_size)
    return;
  priv->page_size = page_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SIZE]);
}

/**
 * scc_list_vm_set_cancellable:
 * @cancellable: (nullable): the page's; cancelling it cancels the fetch
 *   in flight and any started later under it
 */
void
scc_list_vm_set_cancellable (SccListVm    *self,
                             GCancellable *cancellable)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_if_fail (SCC_IS_LIST_VM (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  g_set_object (&priv->outer, cancellable);
}

gboolean
scc_list_vm_get_loading (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_LIST_VM (self), FALSE);
  return priv->fetch != NULL;
}

gboolean
scc_list_vm_get_loaded (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_LIST_VM (self), FALSE);
  return priv->loaded;
}

gboolean
scc_list_vm_get_has_more (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_LIST_VM (self), FALSE);
  return priv->loaded && priv->has_more;
}

gboolean
scc_list_vm_get_empty (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_LIST_VM (self), FALSE);
  return priv->loaded && priv->fetch == NULL && priv->items->len == 0;
}

/**
 * scc_list_vm_get_error:
 *
 * Returns: (nullable) (transfer none): the failure of the last fetch
 */
const GError *
scc_list_vm_get_error (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_LIST_VM (self), NULL);
  return priv->error;
}

const char *
scc_list_vm_get_error_message (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_LIST_VM (self), NULL);
  return priv->error_message;
}

const char *
scc_list_vm_get_state (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_LIST_VM (self), NULL);

  if (priv->items->len > 0)
    return "items";
  if (priv->fetch != NULL)
    return "loading";
  if (priv->error != NULL)
    return "error";
  if (priv->loaded)
    return "empty";
  return "loading";
}

/**
 * scc_list_vm_reload:
 *
 * Forgets what is shown and fetches the first page (the filters changed,
 * or the user asked). A fetch in flight is superseded.
 */
void
scc_list_vm_reload (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);
  guint removed;

  g_return_if_fail (SCC_IS_LIST_VM (self));

  stop_fetch (self);
  removed = priv->items->len;
  g_ptr_array_set_size (priv->items, 0);
  g_clear_pointer (&priv->next_cursor, g_free);
  priv->has_more = FALSE;
  priv->loaded = FALSE;
  set_error (self, NULL);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);

  start_fetch (self, NULL);
}

gboolean
scc_list_vm_load_more (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_LIST_VM (self), FALSE);

  if (priv->fetch != NULL || !priv->loaded || priv->next_cursor == NULL)
    return FALSE;

  start_fetch (self, priv->next_cursor);
  return TRUE;
}

void
scc_list_vm_retry (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_if_fail (SCC_IS_LIST_VM (self));

  if (priv->fetch != NULL)
    return;
  if (!priv->loaded)
    scc_list_vm_reload (self);
  else
    scc_list_vm_load_more (self);
}

/**
 * scc_list_vm_cancel:
 *
 * Stops the fetch in flight, if any; what is shown stays.
 */
void
scc_list_vm_cancel (SccListVm *self)
{
  g_return_if_fail (SCC_IS_LIST_VM (self));

  stop_fetch (self);
  notify_state (self);
}

/**
 * scc_list_vm_clear:
 *
 * Cancels and forgets everything shown: the list was for a session that
 * is going. The filters stay (they are the subclass's).
 */
void
scc_list_vm_clear (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);
  guint removed;

  g_return_if_fail (SCC_IS_LIST_VM (self));

  stop_fetch (self);
  removed = priv->items->len;
  g_ptr_array_set_size (priv->items, 0);
  g_clear_pointer (&priv->next_cursor, g_free);
  priv->has_more = FALSE;
  priv->loaded = FALSE;
  set_error (self, NULL);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  notify_state (self);
}

void
scc_list_vm_filter_changed (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_if_fail (SCC_IS_LIST_VM (self));

  if (priv->loaded || priv->fetch != NULL || priv->error != NULL)
    scc_list_vm_reload (self);
}

const char *
scc_list_vm_get_query (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_LIST_VM (self), NULL);
  return priv->query;
}

/* Keeps @query (stripped; "" is NULL). Returns: FALSE if it was already so. */
static gboolean
keep_query (SccListVm  *self,
            const char *query)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);
  g_autofree char *stripped = query != NULL ? g_strstrip (g_strdup (query)) : NULL;

  if (stripped != NULL && stripped[0] == '\0')
    g_clear_pointer (&stripped, g_free);
  if (g_strcmp0 (stripped, priv->query) == 0)
    return FALSE;
  g_free (priv->query);
  priv->query = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
  return TRUE;
}

void
scc_list_vm_set_query (SccListVm  *self,
                       const char *query)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  gboolean waiting;

  g_return_if_fail (SCC_IS_LIST_VM (self));

  /* A typed query still waiting is searched now too. */
  waiting = priv->typed_id != 0;
  g_clear_handle_id (&priv->typed_id, g_source_remove);
  if (keep_query (self, query) || waiting)
    scc_list_vm_filter_changed (self);
}

static gboolean
typed_timeout_cb (gpointer user_data)
{
  SccListVm *self = user_data;
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  priv->typed_id = 0;
  scc_list_vm_filter_changed (self);
  return G_SOURCE_REMOVE;
}

void
scc_list_vm_set_query_typed (SccListVm  *self,
                             const char *query)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);
  gboolean waiting;

  g_return_if_fail (SCC_IS_LIST_VM (self));

  waiting = priv->typed_id != 0;
  g_clear_handle_id (&priv->typed_id, g_source_remove);
  /* A keystroke that changes nothing (a space at the end) restarts no
   * search, but one already waiting still runs. */
  if (keep_query (self, query) || waiting)
    priv->typed_id = g_timeout_add (SCC_LIST_VM_TYPING_MS, typed_timeout_cb, self);
}

gboolean
scc_list_vm_get_query_pending (SccListVm *self)
{
  SccListVmPrivate *priv = scc_list_vm_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_LIST_VM (self), FALSE);
  return priv->typed_id != 0;
}
