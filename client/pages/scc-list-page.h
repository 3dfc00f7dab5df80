/* scc-list-page.h
 *
 * SccListPage: the base of a page that is a list (users, the audit trail,
 * later the caseload). A subclass's template has an SccListView, and its
 * constructed hands the view and its SccListVm to
 * scc_list_page_set_list; the base then does what every list page does:
 *
 *   shown          the list is fetched again (what is shown is never
 *                  older than the visit), and the keyboard goes to the
 *                  page's initial-focus (the list view: once its rows
 *                  arrive, unless the user has moved on meanwhile; any
 *                  other, a search, at once, and it stays there)
 *   clear          the list is emptied and its fetches cancelled; the
 *                  list's fetches always run under the page's cancellable
 *   a failed "more" with rows shown: a toast with Retry (the rows stay);
 *                  a failed first page is the view's own error state
 *   Ctrl+F         the page's search-widget (a filter), if it has one; a
 *                  GtkSearchEntry there searches the list (its query) as
 *                  typed, at once on Enter (the keyboard then goes to the
 *                  list), and is emptied by clear
 *   Ctrl+R, F5     reload
 *
 * Actions: list-page.reload, list-page.retry, list-page.search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-list-view.h"
#include "scc-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_LIST_PAGE (scc_list_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (SccListPage, scc_list_page, SCC, LIST_PAGE, SccPage)

struct _SccListPageClass
{
  SccPageClass parent_class;

  gpointer padding[4];
};

void         scc_list_page_set_list     (SccListPage *self,
                                         SccListView *view,
                                         SccListVm   *list);
SccListVm   *scc_list_page_get_list     (SccListPage *self);
SccListView *scc_list_page_get_view     (SccListPage *self);

G_END_DECLS
