/* scc-chase-list-vm.h
 *
 * SccChaseListVm: an SccListVm of open deadlines to chase (the advice
 * awaited, the reviews due), with the two filters such a list has: whose
 * (the user's own cases, the default, or the team's) and which (only the
 * overdue, the default, or every one still open). A subclass names the
 * API call of its list and how an item becomes a row; the base fetches
 * the pages with the filters as they are and makes the rows against
 * today, once, as they arrive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-calendar.h"

#include "scc-list-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_CHASE_LIST_VM (scc_chase_list_vm_get_type ())

G_DECLARE_DERIVABLE_TYPE (SccChaseListVm, scc_chase_list_vm, SCC, CHASE_LIST_VM, SccListVm)

/* One page of the list's items for @owner ("me", or NULL for the team) */
typedef void       (*SccChaseListAsync)  (SccApiClient        *api_client,
                                          const char          *owner,
                                          gboolean             overdue_only,
                                          const char          *cursor,
                                          guint                limit,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
typedef GPtrArray *(*SccChaseListFinish) (SccApiClient        *api_client,
                                          GAsyncResult        *result,
                                          char               **next_cursor,
                                          GError             **error);

struct _SccChaseListVmClass
{
  SccListVmClass parent_class;

  /* Required: the list's API call, and a row for one of its items */
  SccChaseListAsync   list_async;
  SccChaseListFinish  list_finish;
  GObject          *(*row_new)     (gconstpointer item,
                                    ScDay         today);
};

gboolean    scc_chase_list_vm_get_overdue_only (SccChaseListVm *self);
void        scc_chase_list_vm_set_overdue_only (SccChaseListVm *self,
                                                gboolean        overdue_only);
/* Whether the team's are listed, not only the user's own cases'. */
gboolean    scc_chase_list_vm_get_team         (SccChaseListVm *self);
void        scc_chase_list_vm_set_team         (SccChaseListVm *self,
                                                gboolean        team);
/* The owner to ask for: "me", or NULL for the team */
const char *scc_chase_list_vm_get_owner        (SccChaseListVm *self);

G_END_DECLS
