/* scc-page.c
 *
 * SccPage: see scc-page.h. The page's class carries its name and whether it
 * needs a session (type data, set once in class_init); the instance is
 * given the API client and the connection when it is made (construct
 * properties, so a subclass's constructed can make its view models from
 * them) and the user whenever it changes.
 *
 * The default widget (Enter in a field presses it) is the window's while
 * the page is mapped and given back when it is not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-field-row.h"
#include "scc-page.h"

typedef struct
{
  SccFormVm *form;    /* owned */
  char      *prefix;  /* owned; of its actions */
} PageForm;

typedef struct
{
  /* Owned */
  SccApiClient    *api_client;
  SccConnectionVm *connection;
  ScUser          *user;
  GCancellable    *cancellable;
  GPtrArray       *forms;           /* PageForm */
  GtkWidget       *default_widget;
  GtkWidget       *initial_focus;
  GtkWidget       *primary_menu;
  GWeakRef         dialog;          /* GtkWindow: the page's dialog, while open */
} SccPagePrivate;

enum {
  PROP_0,
  PROP_PAGE_NAME,
  PROP_API_CLIENT,
  PROP_CONNECTION,
  PROP_USER,
  PROP_DEFAULT_WIDGET,
  PROP_INITIAL_FOCUS,
  PROP_PRIMARY_MENU,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GQuark page_name_quark;
static GQuark no_session_quark;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SccPage, scc_page, ADW_TYPE_BIN)
G_DEFINE_INTERFACE (SccPageHost, scc_page_host, G_TYPE_OBJECT)

static void
scc_page_host_default_init (SccPageHostInterface *iface)
{
}

/**
 * scc_page_find:
 * @from: a widget in the window
 * @name: a page's name
 *
 * Returns: (transfer none) (nullable): the page called @name in @from's
 *   window (built now if it was not yet), or NULL with a critical when
 *   there is none
 */
SccPage *
scc_page_find (GtkWidget  *from,
               const char *name)
{
  GtkRoot *root;
  SccPage *page = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  root = gtk_widget_get_root (from);
  if (SCC_IS_PAGE_HOST (root))
    page = SCC_PAGE_HOST_GET_IFACE (root)->get_page (SCC_PAGE_HOST (root), name);
  if (page == NULL)
    g_critical ("the window has no %s page", name);
  return page;
}

static void
page_form_free (gpointer data)
{
  PageForm *entry = data;

  g_clear_object (&entry->form);
  g_clear_pointer (&entry->prefix, g_free);
  g_free (entry);
}

static const char *
lookup_prefix (SccPage   *self,
               SccFormVm *form)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);

  for (guint i = 0; i < priv->forms->len; i++)
    {
      PageForm *entry = g_ptr_array_index (priv->forms, i);

      if (entry->form == form)
        return entry->prefix;
    }
  return NULL;
}

static void
apply_default_widget (SccPage *self)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_window_set_default_widget (GTK_WINDOW (root), priv->default_widget);
}


static void
scc_page_real_form_failed (SccPage   *self,
                           SccFormVm *form)
{
  g_assert (SCC_IS_PAGE (self));

  /* After a failed attempt, the keyboard goes to what needs fixing. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    scc_page_focus_first_error (self, form);

  if (scc_form_vm_get_can_retry (form))
    {
      g_autofree char *action = g_strconcat (lookup_prefix (self, form), ".retry", NULL);

      scc_page_show_toast (self, scc_form_vm_get_failure_text (form), _("_Retry"), action);
    }
}

static void
on_form_failed_cb (SccPage   *self,
                   SccFormVm *form)
{
  SCC_PAGE_GET_CLASS (self)->form_failed (self, form);
}

/* @widget and every parent up to @page are visible: a widget in a hidden
 * group still takes the focus, out of sight */
static gboolean
shown_in (GtkWidget *widget,
          GtkWidget *page)
{
  for (; widget != NULL && widget != page; widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget))
      return FALSE;
  return widget == page;
}

static void
scc_page_real_shown (SccPage *self)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);

  if (priv->forms->len > 0)
    {
      PageForm *first = g_ptr_array_index (priv->forms, 0);

      if (scc_page_focus_form (self, first->form))
        return;
    }

  if (priv->initial_focus != NULL && shown_in (priv->initial_focus, GTK_WIDGET (self)) &&
      gtk_widget_grab_focus (priv->initial_focus))
    return;

  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
close_dialog (SccPage *self)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);
  g_autoptr(GtkWindow) open = g_weak_ref_get (&priv->dialog);

  if (open != NULL)
    gtk_window_destroy (open);
  g_weak_ref_set (&priv->dialog, NULL);
}

static void
scc_page_real_clear (SccPage *self)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);

  /* The page's own work was for the session that is going. */
  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();

  for (guint i = 0; i < priv->forms->len; i++)
    scc_form_vm_clear (((PageForm *)g_ptr_array_index (priv->forms, i))->form);
  /* A dialog's input was for the session that is going too. */
  close_dialog (self);
}

static void
scc_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (scc_page_parent_class)->map (widget);

  apply_default_widget (SCC_PAGE (widget));
}

static void
scc_page_unmap (GtkWidget *widget)
{
  SccPage *self = SCC_PAGE (widget);
  SccPagePrivate *priv = scc_page_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root) && priv->default_widget != NULL &&
      gtk_window_get_default_widget (GTK_WINDOW (root)) == priv->default_widget)
    gtk_window_set_default_widget (GTK_WINDOW (root), NULL);

  GTK_WIDGET_CLASS (scc_page_parent_class)->unmap (widget);
}

static void
scc_page_dispose (GObject *object)
{
  SccPage *self = (SccPage *)object;
  SccPagePrivate *priv = scc_page_get_instance_private (self);

  /* The page's work ends with the page (style.md 3.6), its dialog too. */
  close_dialog (self);
  g_cancellable_cancel (priv->cancellable);
  if (priv->forms != NULL)
    {
      for (guint i = 0; i < priv->forms->len; i++)
        {
          PageForm *entry = g_ptr_array_index (priv->forms, i);

          g_signal_handlers_disconnect_by_data (entry->form, self);
          scc_form_vm_cancel (entry->form);
        }
      g_clear_pointer (&priv->forms, g_ptr_array_unref);
    }

  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->api_client);
  g_clear_object (&priv->connection);
  g_clear_object (&priv->user);
  g_clear_object (&priv->default_widget);
  g_clear_object (&priv->initial_focus);
  g_clear_object (&priv->primary_menu);

  G_OBJECT_CLASS (scc_page_parent_class)->dispose (object);
}

static void
scc_page_finalize (GObject *object)
{
  SccPagePrivate *priv = scc_page_get_instance_private (SCC_PAGE (object));

  g_weak_ref_clear (&priv->dialog);

  G_OBJECT_CLASS (scc_page_parent_class)->finalize (object);
}

static void
scc_page_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SccPage *self = SCC_PAGE (object);
  SccPagePrivate *priv = scc_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PAGE_NAME:
      g_value_set_string (value, scc_page_get_page_name (self));
      break;

    case PROP_API_CLIENT:
      g_value_set_object (value, priv->api_client);
      break;

    case PROP_CONNECTION:
      g_value_set_object (value, priv->connection);
      break;

    case PROP_USER:
      g_value_set_object (value, priv->user);
      break;

    case PROP_DEFAULT_WIDGET:
      g_value_set_object (value, priv->default_widget);
      break;

    case PROP_INITIAL_FOCUS:
      g_value_set_object (value, priv->initial_focus);
      break;

    case PROP_PRIMARY_MENU:
      g_value_set_object (value, priv->primary_menu);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_page_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SccPage *self = SCC_PAGE (object);
  SccPagePrivate *priv = scc_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_API_CLIENT:
      g_set_object (&priv->api_client, g_value_get_object (value));
      break;

    case PROP_CONNECTION:
      g_set_object (&priv->connection, g_value_get_object (value));
      break;

    case PROP_USER:
      scc_page_set_user (self, g_value_get_object (value));
      break;

    case PROP_DEFAULT_WIDGET:
      scc_page_set_default_widget (self, g_value_get_object (value));
      break;

    case PROP_INITIAL_FOCUS:
      g_set_object (&priv->initial_focus, g_value_get_object (value));
      break;

    case PROP_PRIMARY_MENU:
      g_set_object (&priv->primary_menu, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_page_class_init (SccPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scc_page_dispose;
  object_class->finalize = scc_page_finalize;
  object_class->get_property = scc_page_get_property;
  object_class->set_property = scc_page_set_property;

  widget_class->map = scc_page_map;
  widget_class->unmap = scc_page_unmap;

  klass->shown = scc_page_real_shown;
  klass->clear = scc_page_real_clear;
  klass->form_failed = scc_page_real_form_failed;

  page_name_quark = g_quark_from_static_string ("scc-page-name");
  no_session_quark = g_quark_from_static_string ("scc-page-no-session");

  /**
   * SccPage:page-name:
   *
   * The page's name in the window ("home"), from its class.
   */
  properties[PROP_PAGE_NAME] =
    g_param_spec_string ("page-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* Construct, not construct-only: bindings in a template see them arrive. */
  properties[PROP_API_CLIENT] =
    g_param_spec_object ("api-client", NULL, NULL,
                         SCC_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);

  /**
   * SccPage:connection:
   *
   * The window's server check, for the offline banner.
   */
  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL,
                         SCC_TYPE_CONNECTION_VM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);

  /**
   * SccPage:user:
   *
   * Who is signed in, or %NULL; set by the window on every page.
   */
  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL,
                         SC_TYPE_USER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SccPage:default-widget:
   *
   * The window's default widget while the page is mapped: what Enter in
   * a field presses.
   */
  properties[PROP_DEFAULT_WIDGET] =
    g_param_spec_object ("default-widget", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SccPage:initial-focus:
   *
   * Where the keyboard goes when the page is shown with nothing to fix.
   */
  properties[PROP_INITIAL_FOCUS] =
    g_param_spec_object ("initial-focus", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /**
   * SccPage:primary-menu:
   *
   * The page's menu (a GtkMenuButton, or a widget holding one), which
   * win.show-menu (F10) opens. The window opens the shown page's own: GTK's
   * "primary" menu buttons would compete across the pages of one window.
   */
  properties[PROP_PRIMARY_MENU] =
    g_param_spec_object ("primary-menu", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scc_page_init (SccPage *self)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
  priv->forms = g_ptr_array_new_with_free_func (page_form_free);
  g_weak_ref_init (&priv->dialog, NULL);
}

/**
 * scc_page_present_dialog:
 * @dialog: a window over the page's window, owned by it
 *
 * Shows @dialog as the page's one dialog: the one open before, if any,
 * closes first, and @dialog closes when the page is cleared or goes.
 */
void
scc_page_present_dialog (SccPage   *self,
                         GtkWindow *dialog)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);

  g_return_if_fail (SCC_IS_PAGE (self));
  g_return_if_fail (GTK_IS_WINDOW (dialog));

  close_dialog (self);
  g_weak_ref_set (&priv->dialog, dialog);
  gtk_window_present (dialog);
}

/**
 * scc_page_get_dialog:
 *
 * Returns: (transfer none) (nullable): the page's dialog, while open
 */
GtkWindow *
scc_page_get_dialog (SccPage *self)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);
  g_autoptr(GtkWindow) open = NULL;

  g_return_val_if_fail (SCC_IS_PAGE (self), NULL);

  open = g_weak_ref_get (&priv->dialog);
  /* The window keeps it while it is open. */
  return open;
}

void
scc_page_class_set_page_name (SccPageClass *klass,
                              const char   *name)
{
  g_return_if_fail (SCC_IS_PAGE_CLASS (klass));
  g_return_if_fail (name != NULL);

  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), page_name_quark, (gpointer)g_intern_string (name));
}

void
scc_page_class_set_needs_session (SccPageClass *klass,
                                  gboolean      needs_session)
{
  g_return_if_fail (SCC_IS_PAGE_CLASS (klass));

  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), no_session_quark, needs_session ? NULL : GINT_TO_POINTER (1));
}

/* The nearest class's setting: a page derived from a page keeps its own. */
static gpointer
lookup_type_data (GType  page_type,
                  GQuark quark)
{
  for (GType type = page_type; type != SCC_TYPE_PAGE; type = g_type_parent (type))
    {
      gpointer data = g_type_get_qdata (type, quark);

      if (data != NULL)
        return data;
    }
  return NULL;
}

const char *
scc_page_get_page_name (SccPage *self)
{
  g_return_val_if_fail (SCC_IS_PAGE (self), NULL);
  return lookup_type_data (G_OBJECT_TYPE (self), page_name_quark);
}

/**
 * scc_page_type_get_page_name:
 * @page_type: a page's type
 *
 * Returns: (nullable): the name the pages of @page_type have, known
 *   without building one
 */
const char *
scc_page_type_get_page_name (GType page_type)
{
  g_autoptr(GTypeClass) klass = NULL;

  g_return_val_if_fail (g_type_is_a (page_type, SCC_TYPE_PAGE), NULL);

  klass = g_type_class_ref (page_type);   /* its class_init names it */
  return lookup_type_data (page_type, page_name_quark);
}

gboolean
scc_page_get_needs_session (SccPage *self)
{
  g_return_val_if_fail (SCC_IS_PAGE (self), TRUE);
  return lookup_type_data (G_OBJECT_TYPE (self), no_session_quark) == NULL;
}

/**
 * scc_page_get_api_client:
 *
 * Returns: (transfer none): the application's API client
 */
SccApiClient *
scc_page_get_api_client (SccPage *self)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_PAGE (self), NULL);
  return priv->api_client;
}

/**
 * scc_page_get_connection:
 *
 * Returns: (transfer none): the window's server check
 */
SccConnectionVm *
scc_page_get_connection (SccPage *self)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_PAGE (self), NULL);
  return priv->connection;
}

/**
 * scc_page_get_user:
 *
 * Returns: (transfer none) (nullable): who is signed in
 */
ScUser *
scc_page_get_user (SccPage *self)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_PAGE (self), NULL);
  return priv->user;
}

gboolean
scc_page_user_in_roles (SccPage *self,
                        guint    roles)
{
  ScUser *user = scc_page_get_user (self);

  return user != NULL && (roles & (1u << sc_user_get_role (user))) != 0;
}

void
scc_page_set_user (SccPage *self,
                   ScUser  *user)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);

  g_return_if_fail (SCC_IS_PAGE (self));
  g_return_if_fail (!user || SC_IS_USER (user));

  if (g_set_object (&priv->user, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

/**
 * scc_page_get_cancellable:
 *
 * Returns: (transfer none): cancelled when the page goes or is cleared
 */
GCancellable *
scc_page_get_cancellable (SccPage *self)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_PAGE (self), NULL);
  return priv->cancellable;
}

/**
 * scc_page_get_default_widget:
 *
 * Returns: (transfer none) (nullable): what Enter presses on this page
 */
GtkWidget *
scc_page_get_default_widget (SccPage *self)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_PAGE (self), NULL);
  return priv->default_widget;
}

void
scc_page_set_default_widget (SccPage   *self,
                             GtkWidget *widget)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);

  g_return_if_fail (SCC_IS_PAGE (self));
  g_return_if_fail (!widget || GTK_IS_WIDGET (widget));

  if (!g_set_object (&priv->default_widget, widget))
    return;

  apply_default_widget (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_WIDGET]);
}

/**
 * scc_page_add_form:
 * @prefix: the prefix of its actions in the page ("account")
 *
 * Makes @form one of the page's forms (see the top of scc-page.h).
 */
void
scc_page_add_form (SccPage    *self,
                   const char *prefix,
                   SccFormVm  *form)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);
  PageForm *entry;

  g_return_if_fail (SCC_IS_PAGE (self));
  g_return_if_fail (prefix != NULL);
  g_return_if_fail (SCC_IS_FORM_VM (form));

  entry = g_new0 (PageForm, 1);
  entry->form = g_object_ref (form);
  entry->prefix = g_strdup (prefix);
  g_ptr_array_add (priv->forms, entry);

  gtk_widget_insert_action_group (GTK_WIDGET (self), prefix, scc_form_vm_get_actions (form));
  g_signal_connect_object (form, "failed", G_CALLBACK (on_form_failed_cb), self, G_CONNECT_SWAPPED);
}

gboolean
scc_page_focus_form (SccPage   *self,
                     SccFormVm *form)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_PAGE (self), FALSE);
  g_return_val_if_fail (SCC_IS_FORM_VM (form), FALSE);

  if (scc_page_focus_first_error (self, form))
    return TRUE;

  /* The user came back to finish it: Enter sends it. */
  if (scc_form_vm_get_has_input (form) && priv->default_widget != NULL)
    return gtk_widget_grab_focus (priv->default_widget);

  return FALSE;
}

/**
 * scc_page_focus_first_error:
 *
 * Focuses the row of @form's first field with an error, if any.
 *
 * Returns: whether there was one
 */
gboolean
scc_page_focus_first_error (SccPage   *self,
                            SccFormVm *form)
{
  SccFormField *field;
  SccFieldRow *row;

  g_return_val_if_fail (SCC_IS_PAGE (self), FALSE);
  g_return_val_if_fail (SCC_IS_FORM_VM (form), FALSE);

  field = scc_form_vm_get_first_error (form);
  if (field == NULL)
    return FALSE;
  row = scc_field_row_find (GTK_WIDGET (self), form, scc_form_field_get_name (field));
  if (row == NULL)
    return FALSE;
  scc_field_row_focus (row);
  return TRUE;
}

gboolean
scc_page_show_toast (SccPage    *self,
                     const char *title,
                     const char *button_label,
                     const char *action_name)
{
  g_autoptr(GVariant) toast = NULL;
  GVariantDict dict;

  g_return_val_if_fail (SCC_IS_PAGE (self), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "title", "s", title);
  if (button_label != NULL && action_name != NULL)
    {
      g_variant_dict_insert (&dict, "button-label", "s", button_label);
      g_variant_dict_insert (&dict, "page", "s", scc_page_get_page_name (self));
      g_variant_dict_insert (&dict, "action", "s", action_name);
    }

  /* Outside a window nothing takes it: no one to tell. */
  toast = g_variant_ref_sink (g_variant_dict_end (&dict));
  return gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.show-toast", toast);
}

static GtkMenuButton *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * scc_page_popup_menu:
 *
 * Opens the page's primary menu, if it has one.
 *
 * Returns: whether it did
 */
gboolean
scc_page_popup_menu (SccPage *self)
{
  SccPagePrivate *priv = scc_page_get_instance_private (self);
  GtkMenuButton *button;

  g_return_val_if_fail (SCC_IS_PAGE (self), FALSE);

  if (priv->primary_menu == NULL || (button = find_menu_button (priv->primary_menu)) == NULL)
    return FALSE;
  gtk_menu_button_popup (button);
  return TRUE;
}

/**
 * scc_page_opened:
 *
 * For the window: the user is going to the page (not coming back to it).
 */
void
scc_page_opened (SccPage *self)
{
  g_return_if_fail (SCC_IS_PAGE (self));

  if (SCC_PAGE_GET_CLASS (self)->opened != NULL)
    SCC_PAGE_GET_CLASS (self)->opened (self);
}

/**
 * scc_page_shown:
 *
 * For the window: the page has become the visible one.
 */
void
scc_page_shown (SccPage *self)
{
  g_return_if_fail (SCC_IS_PAGE (self));

  apply_default_widget (self);
  SCC_PAGE_GET_CLASS (self)->shown (self);
}

/**
 * scc_page_clear:
 *
 * For the window: a sign-out, or another user signed in.
 */
void
scc_page_clear (SccPage *self)
{
  g_return_if_fail (SCC_IS_PAGE (self));

  SCC_PAGE_GET_CLASS (self)->clear (self);
}

/**
 * scc_page_session_ended:
 * @user: (nullable): whose session ended
 *
 * For the window: the session ended under the user, who is being sent to
 * sign in again.
 */
void
scc_page_session_ended (SccPage *self,
                        ScUser  *user)
{
  g_return_if_fail (SCC_IS_PAGE (self));

  if (SCC_PAGE_GET_CLASS (self)->session_ended != NULL)
    SCC_PAGE_GET_CLASS (self)->session_ended (self, user);
}
