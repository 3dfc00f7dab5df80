/* scc-list-vm.h
 *
 * SccListVm: the base of every list's view model. A list is a GListModel of
 * model objects (ScUser, ScAuditEvent, later ScCase) fetched from the API
 * a page at a time: a subclass says how to fetch one page given the cursor
 * of the page before (fetch_async/fetch_finish, usually one typed call of
 * SccApiClient with the subclass's filters), and the base does the rest:
 *
 *   reload     forget what is shown, fetch the first page
 *   load_more  fetch the page after the last one shown, if there is one
 *   cancel     stop what is being fetched; what is shown stays
 *   clear      cancel and forget everything (a sign-out)
 *
 * and keeps the state a page shows: loading, error (the failure of the
 * last fetch, until the next), empty (loaded, and nothing matched),
 * has-more (a next cursor), and state, one of "loading", "error", "empty"
 * or "items" for a GtkStack's visible-child-name. A filter is a property of
 * the subclass whose setter calls scc_list_vm_filter_changed (a reload, once
 * the list has been asked for). One filter every searchable list has is in
 * the base: the query, set at once (Enter) or as typed, when the reload
 * waits SCC_LIST_VM_TYPING_MS after the last keystroke, so that typing a
 * name asks the server once.
 *
 * A fetch runs under the view model's own GCancellable, which is also
 * cancelled when the cancellable given with scc_list_vm_set_cancellable
 * (the page's) is. A newer reload supersedes a fetch in flight, whose
 * answer is then dropped. No widgets here: lists are tested without a
 * display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "scc-api-client.h"

G_BEGIN_DECLS

#define SCC_LIST_VM_DEFAULT_PAGE_SIZE 50
#define SCC_LIST_VM_TYPING_MS 300

#define SCC_TYPE_LIST_VM (scc_list_vm_get_type ())

G_DECLARE_DERIVABLE_TYPE (SccListVm, scc_list_vm, SCC, LIST_VM, GObject)

struct _SccListVmClass
{
  GObjectClass parent_class;

  /* Fetches the page after @cursor (NULL: the first) of at most @limit
   * items. Required. */
  void       (*fetch_async)  (SccListVm            *self,
                              const char           *cursor,
                              guint                 limit,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
  /* Returns: (transfer full) (element-type GObject): the page's items, in
   * order, or NULL with @error. @next_cursor: (out) (transfer full) (nullable)
   * The default finishes a GTask of the list that fetch_async completed with
   * scc_list_vm_return_rows (or an error). */
  GPtrArray *(*fetch_finish) (SccListVm            *self,
                              GAsyncResult         *result,
                              char                **next_cursor,
                              GError              **error);

  gpointer padding[8];
};

SccApiClient *scc_list_vm_get_api_client    (SccListVm     *self);
GType         scc_list_vm_get_item_type     (SccListVm     *self);
guint         scc_list_vm_get_page_size     (SccListVm     *self);
void          scc_list_vm_set_page_size     (SccListVm     *self,
                                             guint          page_size);
void          scc_list_vm_set_cancellable   (SccListVm     *self,
                                             GCancellable  *cancellable);

gboolean      scc_list_vm_get_loading       (SccListVm     *self);
gboolean      scc_list_vm_get_loaded        (SccListVm     *self);
gboolean      scc_list_vm_get_has_more      (SccListVm     *self);
gboolean      scc_list_vm_get_empty         (SccListVm     *self);
/* Returns: (nullable) (transfer none): why the last fetch failed */
const GError *scc_list_vm_get_error         (SccListVm     *self);
/* The failure as a sentence for a person, or NULL. */
const char   *scc_list_vm_get_error_message (SccListVm     *self);
const char   *scc_list_vm_get_state         (SccListVm     *self);

void          scc_list_vm_reload            (SccListVm     *self);
/* Returns: FALSE if there is nothing more, or a fetch runs already */
gboolean      scc_list_vm_load_more         (SccListVm     *self);
/* Reloads after a failure of the first page, else loads more. */
void          scc_list_vm_retry             (SccListVm     *self);
void          scc_list_vm_cancel            (SccListVm     *self);
/* For fetch_async's GTask (the default fetch_finish's): the page's @rows
 * and @next_cursor (nullable), both taken. */
void          scc_list_vm_return_rows       (GTask         *task,
                                             GPtrArray     *rows,
                                             char          *next_cursor);
/* For subclasses' filter setters: reloads, unless nothing was asked for yet. */
void          scc_list_vm_filter_changed    (SccListVm     *self);
void          scc_list_vm_clear             (SccListVm     *self);

/* The query: NULL for everything. set_query reloads now; set_query_typed
 * after a pause in typing, and query-pending is TRUE while it waits. */
const char   *scc_list_vm_get_query         (SccListVm     *self);
void          scc_list_vm_set_query         (SccListVm     *self,
                                             const char    *query);
void          scc_list_vm_set_query_typed   (SccListVm     *self,
                                             const char    *query);
gboolean      scc_list_vm_get_query_pending (SccListVm     *self);

G_END_DECLS
