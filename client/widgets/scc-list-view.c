/* scc-list-view.c
 *
 * SccListView: see scc-list-view.h. The states are children of a GtkStack
 * whose visible child is bound to the view model's state in the template;
 * the columns are made here from the page's table, each cell a label filled
 * when bound (the models do not change once handed on, so nothing is
 * watched). Sorting is GTK's: the column view's sorter over the loaded
 * items, with a string or numeric sorter on the column's property.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-list-view"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-list-view.h"

struct _SccListView
{
  GtkWidget           parent_instance;

  /* Owned */
  SccListVm          *list;
  GtkSortListModel   *sorted;
  GtkSelectionModel  *selection;       /* single, or multiple */

  /* Template widgets */
  GtkStack           *stack;
  GtkScrolledWindow  *scroller;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
};

enum {
  PROP_0,
  PROP_LIST,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_EMPTY_ICON_NAME,
  PROP_MULTIPLE,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SccListView, scc_list_view, GTK_TYPE_WIDGET)

/* Rows from the end at which the next page is asked for. */
#define LOAD_MORE_MARGIN 0.5

static void
maybe_load_more (SccListView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);

  g_assert (SCC_IS_LIST_VIEW (self));

  if (self->list == NULL || !scc_list_vm_get_has_more (self->list))
    return;
  /* Not laid out yet: there is no end to be near. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || page <= 0)
    return;
  /* Within half a screen of the end, or everything fits. */
  if (upper - (value + page) <= page * LOAD_MORE_MARGIN)
    scc_list_vm_load_more (self->list);
}

static void
on_state_cb (SccListView *self)
{
  g_assert (SCC_IS_LIST_VIEW (self));

  gtk_stack_set_visible_child_name (self->stack, self->list != NULL ? scc_list_vm_get_state (self->list) : "loading");
  /* A page that arrived may not fill the view: ask for the next. */
  maybe_load_more (self);
}

static void
on_activate_cb (SccListView   *self,
                guint          position,
                GtkColumnView *column_view)
{
  g_autoptr(GObject) item = NULL;

  g_assert (SCC_IS_LIST_VIEW (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

char *
scc_list_view_format_cell (const SccListColumn *column,
                           gpointer             item)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);

  if (column->format != NULL)
    return column->format (item);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), column->property);
  if (pspec == NULL)
    {
      g_critical ("%s has no property \"%s\" for its column", G_OBJECT_TYPE_NAME (item), column->property);
      return g_strdup ("");
    }
  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (item), column->property, &value);

  switch (column->kind)
    {
    case SCC_LIST_COLUMN_TEXT:
      return g_strdup (g_value_get_string (&value) != NULL ? g_value_get_string (&value) : "");

    case SCC_LIST_COLUMN_YES_NO:
      /* A blank reads faster down a column than a column of "No". */
      return g_strdup (g_value_get_boolean (&value) ? _("Yes") : "");

    case SCC_LIST_COLUMN_NUMBER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));

    case SCC_LIST_COLUMN_TIME:
      {
        gint64 usec = g_value_get_int64 (&value);
        g_autoptr(GDateTime) utc = NULL;
        g_autoptr(GDateTime) local = NULL;

        if (usec == 0 || (utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC)) == NULL)
          return g_strdup ("");
        local = g_date_time_to_local (utc);
        return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
      }

    default:
      g_assert_not_reached ();
    }
}

/* A cell's whole text as its tooltip, for when the column cuts it short:
 * asked for when the pointer rests on it, not set on every bind, which
 * cost a first screen of rows a fifth of its time. */
static gboolean
on_cell_query_tooltip_cb (GtkWidget  *label,
                          int         x,
                          int         y,
                          gboolean    keyboard_mode,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  const char *text = gtk_label_get_label (GTK_LABEL (label));

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  const SccListColumn *column = user_data;
  GObject *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = item != NULL ? scc_list_view_format_cell (column, item) : g_strdup ("");
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (label), text);
}

static void
scc_list_view_dispose (GObject *object)
{
  SccListView *self = (SccListView *)object;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_LIST_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (scc_list_view_parent_class)->dispose (object);
}

static gboolean
scc_list_view_grab_focus (GtkWidget *widget)
{
  SccListView *self = SCC_LIST_VIEW (widget);
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "items") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  return visible != NULL && gtk_widget_child_focus (visible, GTK_DIR_TAB_FORWARD);
}

static void
scc_list_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SccListView *self = SCC_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_object (value, self->list);
      break;

    case PROP_EMPTY_TITLE:
      g_value_set_string (value, adw_status_page_get_title (self->empty_page));
      break;

    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, adw_status_page_get_description (self->empty_page));
      break;

    case PROP_EMPTY_ICON_NAME:
      g_value_set_string (value, adw_status_page_get_icon_name (self->empty_page));
      break;

    case PROP_MULTIPLE:
      g_value_set_boolean (value, GTK_IS_MULTI_SELECTION (self->selection));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_list_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SccListView *self = SCC_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIST:
      scc_list_view_set_list (self, g_value_get_object (value));
      break;

    case PROP_EMPTY_TITLE:
      adw_status_page_set_title (self->empty_page, g_value_get_string (value));
      break;

    case PROP_EMPTY_DESCRIPTION:
      adw_status_page_set_description (self->empty_page, g_value_get_string (value));
      break;

    case PROP_EMPTY_ICON_NAME:
      adw_status_page_set_icon_name (self->empty_page, g_value_get_string (value));
      break;

    case PROP_MULTIPLE:
      scc_list_view_set_multiple (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
list_retry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SccListView *self = SCC_LIST_VIEW (widget);

  if (self->list != NULL)
    scc_list_vm_retry (self->list);
}

static void
list_load_more_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SccListView *self = SCC_LIST_VIEW (widget);

  if (self->list != NULL)
    scc_list_vm_load_more (self->list);
}

static void
list_reload_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SccListView *self = SCC_LIST_VIEW (widget);

  if (self->list != NULL)
    scc_list_vm_reload (self->list);
}

static void
scc_list_view_class_init (SccListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scc_list_view_dispose;
  object_class->get_property = scc_list_view_get_property;
  object_class->set_property = scc_list_view_set_property;

  widget_class->grab_focus = scc_list_view_grab_focus;

  /**
   * SccListView:list:
   *
   * The view model shown.
   */
  properties[PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL,
                         SCC_TYPE_LIST_VM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_ICON_NAME] =
    g_param_spec_string ("empty-icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /**
   * SccListView:multiple:
   *
   * Whether several rows can be selected (Ctrl+click, Shift+click,
   * Shift+arrows, Ctrl+A), for a page acting on many at once.
   */
  properties[PROP_MULTIPLE] =
    g_param_spec_boolean ("multiple", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SccListView::item-activated:
   * @item: the row's model object
   *
   * Enter or a double click on a row.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_install_action (widget_class, "list.retry", NULL, list_retry_action);
  gtk_widget_class_install_action (widget_class, "list.load-more", NULL, list_load_more_action);
  gtk_widget_class_install_action (widget_class, "list.reload", NULL, list_reload_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SccListView, stack);
  gtk_widget_class_bind_template_child (widget_class, SccListView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SccListView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SccListView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
}

static void
scc_list_view_init (SccListView *self)
{
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (self->selection), TRUE);
  gtk_column_view_set_model (self->column_view, self->selection);

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (maybe_load_more), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (maybe_load_more), self, G_CONNECT_SWAPPED);
}

/**
 * scc_list_view_get_list:
 *
 * Returns: (transfer none) (nullable): the view model shown
 */
SccListVm *
scc_list_view_get_list (SccListView *self)
{
  g_return_val_if_fail (SCC_IS_LIST_VIEW (self), NULL);
  return self->list;
}

void
scc_list_view_set_list (SccListView *self,
                        SccListVm   *list)
{
  g_return_if_fail (SCC_IS_LIST_VIEW (self));
  g_return_if_fail (!list || SCC_IS_LIST_VM (list));

  if (self->list == list)
    return;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_set_object (&self->list, list);
  if (list != NULL)
    g_signal_connect_object (list, "notify::state", G_CALLBACK (on_state_cb), self, G_CONNECT_SWAPPED);
  on_state_cb (self);

  gtk_sort_list_model_set_model (self->sorted, G_LIST_MODEL (list));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST]);
}

void
scc_list_view_add_columns (SccListView         *self,
                           GType                item_type,
                           const SccListColumn *columns,
                           guint                n_columns)
{
  g_return_if_fail (SCC_IS_LIST_VIEW (self));
  g_return_if_fail (columns != NULL || n_columns == 0);

  for (guint i = 0; i < n_columns; i++)
    {
      const SccListColumn *column = &columns[i];
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      GtkExpression *expression = gtk_property_expression_new (item_type, NULL, column->property);
      GtkSorter *sorter;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer)column);

      if (column->kind == SCC_LIST_COLUMN_TEXT)
        sorter = GTK_SORTER (gtk_string_sorter_new (expression));
      else
        sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));

      view_column = gtk_column_view_column_new (_(column->title), g_object_ref (factory));
      gtk_column_view_column_set_sorter (view_column, sorter);
      gtk_column_view_column_set_expand (view_column, column->expand);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_append_column (self->column_view, view_column);
      g_object_unref (sorter);
    }
}

/**
 * scc_list_view_get_column_view:
 *
 * Returns: (transfer none): the column view of the items
 */
GtkColumnView *
scc_list_view_get_column_view (SccListView *self)
{
  g_return_val_if_fail (SCC_IS_LIST_VIEW (self), NULL);
  return self->column_view;
}

void
scc_list_view_set_multiple (SccListView *self,
                            gboolean     multiple)
{
  g_return_if_fail (SCC_IS_LIST_VIEW (self));

  if (multiple == GTK_IS_MULTI_SELECTION (self->selection))
    return;
  g_clear_object (&self->selection);
  if (multiple)
    self->selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sorted))));
  else
    {
      self->selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted))));
      gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (self->selection), TRUE);
    }
  gtk_column_view_set_model (self->column_view, self->selection);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MULTIPLE]);
}

/**
 * scc_list_view_dup_selected:
 *
 * Returns: (transfer full) (element-type GObject): the items selected, in
 * the order shown
 */
GPtrArray *
scc_list_view_dup_selected (SccListView *self)
{
  GPtrArray *items;
  guint n;

  g_return_val_if_fail (SCC_IS_LIST_VIEW (self), NULL);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    if (gtk_selection_model_is_selected (self->selection, i))
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->selection), i));
  return items;
}

/**
 * scc_list_view_get_model:
 *
 * Returns: (transfer none): the items as shown, sorted
 */
GListModel *
scc_list_view_get_model (SccListView *self)
{
  g_return_val_if_fail (SCC_IS_LIST_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}
