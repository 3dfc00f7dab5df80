/* scc-list-view.h
 *
 * SccListView: the view of an SccListVm that every list page embeds in its
 * template. It shows one of four states, following the view model's
 * state: a spinner while the first page loads, an AdwStatusPage with the
 * reason and Retry when it failed, an AdwStatusPage saying nothing matched
 * (title and description from the page), or the items in a GtkColumnView
 * over a GtkSortListModel (clicking or Enter on a column header sorts what
 * is loaded) and a GtkSingleSelection. More is fetched as the view is
 * scrolled (or arrowed) near its end, and by the Load More button under
 * it, for the keyboard.
 *
 * The columns come from a small table the page writes once:
 *
 *   static const SccListColumn columns[] = {
 *     { N_("Username"), "username", SCC_LIST_COLUMN_TEXT, TRUE },
 *     { N_("Active"),   "active",   SCC_LIST_COLUMN_YES_NO },
 *   };
 *
 * the property of the item each shows, how to show it, and whether the
 * column takes spare width. A column may give its own format for a cell
 * (a person's name from its parts, an NHS number in groups): the
 * property then only sorts the column. Enter or a double click on a row emits
 * ::item-activated with its item. Actions: list.retry, list.load-more,
 * list.reload.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "scc-list-vm.h"

G_BEGIN_DECLS

typedef enum
{
  SCC_LIST_COLUMN_TEXT,    /* a string property, as it is */
  SCC_LIST_COLUMN_YES_NO,  /* a boolean: "Yes" or blank */
  SCC_LIST_COLUMN_TIME,    /* Unix microseconds, in local time */
  SCC_LIST_COLUMN_NUMBER,  /* an int64 */
} SccListColumnKind;

typedef struct
{
  const char        *title;     /* untranslated (N_()), with no mnemonic */
  const char        *property;  /* of the item */
  SccListColumnKind  kind;
  gboolean           expand;
  /* (nullable): what a cell shows for the item, instead of the property */
  char            *(*format)   (gpointer item);
} SccListColumn;

#define SCC_TYPE_LIST_VIEW (scc_list_view_get_type ())

G_DECLARE_FINAL_TYPE (SccListView, scc_list_view, SCC, LIST_VIEW, GtkWidget)

SccListVm     *scc_list_view_get_list        (SccListView         *self);
void           scc_list_view_set_list        (SccListView         *self,
                                              SccListVm           *list);
/* @columns: a static table, borrowed for the view's life */
void           scc_list_view_add_columns     (SccListView         *self,
                                              GType                item_type,
                                              const SccListColumn *columns,
                                              guint                n_columns);
GtkColumnView *scc_list_view_get_column_view (SccListView         *self);
/* The items as shown, sorted: a GtkSingleSelection, or a
 * GtkMultiSelection with multiple. */
GListModel    *scc_list_view_get_model       (SccListView         *self);
void           scc_list_view_set_multiple    (SccListView         *self,
                                              gboolean             multiple);
/* Returns: (transfer full) (element-type GObject): the rows selected */
GPtrArray     *scc_list_view_dup_selected    (SccListView         *self);
/* What a cell shows for @item in @column (tests, and the formats in one place). */
char          *scc_list_view_format_cell     (const SccListColumn *column,
                                              gpointer             item);

G_END_DECLS
