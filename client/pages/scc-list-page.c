/* scc-list-page.c
 *
 * SccListPage: see scc-list-page.h. The base holds the list and its view
 * (borrowed from the subclass's template, the list owned) and wires them
 * to the page's life; a list page subclass is then its template, its
 * column table, its filters and what opening a row does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-list-page.h"

typedef struct
{
  /* Owned */
  SccListVm   *list;
  GtkWidget   *search_widget;
  gboolean     focus_after_search;  /* Enter in the search: the rows get the keyboard */

  /* Borrowed: in the subclass's template */
  SccListView *view;

  /* Where shown() left the keyboard while the list was still loading:
   * if it is still there when the rows arrive, it moves to them. */
  GWeakRef     focus_when_shown;
  gboolean     focus_pending;
} SccListPagePrivate;

enum {
  PROP_0,
  PROP_LIST,
  PROP_SEARCH_WIDGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SccListPage, scc_list_page, SCC_TYPE_PAGE)

static void
on_list_error_cb (SccListPage *self,
                  GParamSpec  *pspec,
                  SccListVm   *list)
{
  g_assert (SCC_IS_LIST_PAGE (self));

  /* With nothing shown, the view's error state says it, with Retry. */
  if (scc_list_vm_get_error (list) == NULL || g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    return;
  scc_page_show_toast (SCC_PAGE (self), scc_list_vm_get_error_message (list), _("_Retry"), "list-page.retry");
}

static void
on_list_state_cb (SccListPage *self,
                  GParamSpec  *pspec,
                  SccListVm   *list)
{
  SccListPagePrivate *priv = scc_list_page_get_instance_private (self);
  g_autoptr(GtkWidget) left = NULL;
  g_autoptr(GtkWidget) initial = NULL;
  GtkRoot *root;

  g_assert (SCC_IS_LIST_PAGE (self));

  if (scc_list_vm_get_loading (list))
    return;

  left = g_weak_ref_get (&priv->focus_when_shown);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  g_object_get (self, "initial-focus", &initial, NULL);
  if (root != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* A page whose keyboard starts elsewhere (a search) keeps it there:
       * the rows arriving move nothing under the user's typing. */
      gboolean starts_in_list = initial == NULL || initial == GTK_WIDGET (priv->view);

      GtkWidget *focus = gtk_root_get_focus (root);

      if (starts_in_list && priv->focus_pending && focus == left)
        gtk_widget_grab_focus (GTK_WIDGET (priv->view));
      /* Found after Enter, unless the user has gone elsewhere meanwhile. */
      else if (priv->focus_after_search && focus != NULL &&
               (focus == priv->search_widget || gtk_widget_is_ancestor (focus, priv->search_widget)))
        gtk_widget_grab_focus (GTK_WIDGET (priv->view));
      /* A reload took the focused row away with the rest. */
      else if (gtk_root_get_focus (root) == NULL)
        gtk_widget_grab_focus (starts_in_list ? GTK_WIDGET (priv->view) : initial);
    }
  priv->focus_pending = FALSE;
  priv->focus_after_search = FALSE;
}

static void
scc_list_page_shown (SccPage *page)
{
  SccListPage *self = SCC_LIST_PAGE (page);
  SccListPagePrivate *priv = scc_list_page_get_instance_private (self);

  if (priv->list != NULL && scc_page_get_user (page) != NULL)
    {
      scc_list_vm_set_cancellable (priv->list, scc_page_get_cancellable (page));
      scc_list_vm_reload (priv->list);
    }

  SCC_PAGE_CLASS (scc_list_page_parent_class)->shown (page);

  if (priv->list != NULL && scc_list_vm_get_loading (priv->list))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));

      g_weak_ref_set (&priv->focus_when_shown, root != NULL ? gtk_root_get_focus (root) : NULL);
      priv->focus_pending = TRUE;
    }
}

static void
scc_list_page_clear (SccPage *page)
{
  SccListPage *self = SCC_LIST_PAGE (page);
  SccListPagePrivate *priv = scc_list_page_get_instance_private (self);

  /* The base cancels the page's work and makes a new cancellable. */
  SCC_PAGE_CLASS (scc_list_page_parent_class)->clear (page);

  if (GTK_IS_SEARCH_ENTRY (priv->search_widget))
    gtk_editable_set_text (GTK_EDITABLE (priv->search_widget), "");
  if (priv->list != NULL)
    {
      scc_list_vm_clear (priv->list);
      scc_list_vm_set_query (priv->list, NULL);
      scc_list_vm_set_cancellable (priv->list, scc_page_get_cancellable (page));
    }
}

/* A search entry as the search-widget searches the list: as typed, or at
 * once on Enter, when the keyboard goes to what was found. */
static void
on_search_changed_cb (SccListPage *self,
                      GtkEditable *entry)
{
  SccListPagePrivate *priv = scc_list_page_get_instance_private (self);

  if (priv->list != NULL)
    scc_list_vm_set_query_typed (priv->list, gtk_editable_get_text (entry));
}

static void
on_search_activate_cb (SccListPage *self,
                       GtkEditable *entry)
{
  SccListPagePrivate *priv = scc_list_page_get_instance_private (self);

  if (priv->list == NULL)
    return;
  scc_list_vm_set_query (priv->list, gtk_editable_get_text (entry));
  if (scc_list_vm_get_loading (priv->list))
    priv->focus_after_search = TRUE;
  else
    gtk_widget_grab_focus (GTK_WIDGET (priv->view));
}

static void
set_search_widget (SccListPage *self,
                   GtkWidget   *widget)
{
  SccListPagePrivate *priv = scc_list_page_get_instance_private (self);

  if (priv->search_widget == widget)
    return;
  if (GTK_IS_SEARCH_ENTRY (priv->search_widget))
    g_signal_handlers_disconnect_by_data (priv->search_widget, self);
  g_set_object (&priv->search_widget, widget);
  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_signal_connect_object (widget, "changed", G_CALLBACK (on_search_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (widget, "activate", G_CALLBACK (on_search_activate_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
scc_list_page_dispose (GObject *object)
{
  SccListPage *self = (SccListPage *)object;
  SccListPagePrivate *priv = scc_list_page_get_instance_private (self);

  if (priv->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (priv->list, self);
      scc_list_vm_cancel (priv->list);
    }
  g_clear_object (&priv->search_widget);
  g_weak_ref_set (&priv->focus_when_shown, NULL);

  G_OBJECT_CLASS (scc_list_page_parent_class)->dispose (object);

  /* After the template (and the view showing the list) has gone. */
  g_clear_object (&priv->list);
  priv->view = NULL;
}

static void
scc_list_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SccListPage *self = SCC_LIST_PAGE (object);
  SccListPagePrivate *priv = scc_list_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_object (value, priv->list);
      break;

    case PROP_SEARCH_WIDGET:
      g_value_set_object (value, priv->search_widget);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_list_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SccListPage *self = SCC_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCH_WIDGET:
      set_search_widget (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_list_page_finalize (GObject *object)
{
  SccListPagePrivate *priv = scc_list_page_get_instance_private (SCC_LIST_PAGE (object));

  g_weak_ref_clear (&priv->focus_when_shown);

  G_OBJECT_CLASS (scc_list_page_parent_class)->finalize (object);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SccListPagePrivate *priv = scc_list_page_get_instance_private (SCC_LIST_PAGE (widget));

  if (priv->list != NULL)
    scc_list_vm_reload (priv->list);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SccListPagePrivate *priv = scc_list_page_get_instance_private (SCC_LIST_PAGE (widget));

  if (priv->list != NULL)
    scc_list_vm_retry (priv->list);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SccListPagePrivate *priv = scc_list_page_get_instance_private (SCC_LIST_PAGE (widget));

  if (priv->search_widget != NULL)
    gtk_widget_grab_focus (priv->search_widget);
}

static void
scc_list_page_class_init (SccListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->dispose = scc_list_page_dispose;
  object_class->finalize = scc_list_page_finalize;
  object_class->get_property = scc_list_page_get_property;
  object_class->set_property = scc_list_page_set_property;

  page_class->shown = scc_list_page_shown;
  page_class->clear = scc_list_page_clear;

  /**
   * SccListPage:list:
   *
   * The page's list, for its template's bindings.
   */
  properties[PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL,
                         SCC_TYPE_LIST_VM,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccListPage:search-widget:
   *
   * Where Ctrl+F takes the keyboard: the page's first filter.
   */
  properties[PROP_SEARCH_WIDGET] =
    g_param_spec_object ("search-widget", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "list-page.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "list-page.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "list-page.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "list-page.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "list-page.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "list-page.reload", NULL);
}

static void
scc_list_page_init (SccListPage *self)
{
  SccListPagePrivate *priv = scc_list_page_get_instance_private (self);

  g_weak_ref_init (&priv->focus_when_shown, NULL);
}

/**
 * scc_list_page_set_list:
 * @view: the SccListView of the page's template
 * @list: the page's list; the page keeps a reference
 *
 * In the subclass's constructed.
 */
void
scc_list_page_set_list (SccListPage *self,
                        SccListView *view,
                        SccListVm   *list)
{
  SccListPagePrivate *priv = scc_list_page_get_instance_private (self);

  g_return_if_fail (SCC_IS_LIST_PAGE (self));
  g_return_if_fail (SCC_IS_LIST_VIEW (view));
  g_return_if_fail (SCC_IS_LIST_VM (list));
  g_return_if_fail (priv->list == NULL);

  priv->list = g_object_ref (list);
  priv->view = view;
  scc_list_vm_set_cancellable (list, scc_page_get_cancellable (SCC_PAGE (self)));
  scc_list_view_set_list (view, list);
  g_signal_connect_object (list, "notify::has-error", G_CALLBACK (on_list_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "notify::state", G_CALLBACK (on_list_state_cb), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST]);
}

/**
 * scc_list_page_get_list:
 *
 * Returns: (transfer none) (nullable): the page's list
 */
SccListVm *
scc_list_page_get_list (SccListPage *self)
{
  SccListPagePrivate *priv = scc_list_page_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_LIST_PAGE (self), NULL);
  return priv->list;
}

/**
 * scc_list_page_get_view:
 *
 * Returns: (transfer none) (nullable): the page's list view
 */
SccListView *
scc_list_page_get_view (SccListPage *self)
{
  SccListPagePrivate *priv = scc_list_page_get_instance_private (self);

  g_return_val_if_fail (SCC_IS_LIST_PAGE (self), NULL);
  return priv->view;
}
