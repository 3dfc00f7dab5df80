/* scc-page.h
 *
 * SccPage: the base of every page of the window. A page has a name (its
 * place in the window: "home", "account"), says whether it needs a
 * session, and is given what every page needs: the API client, the
 * window's SccConnectionVm and the signed-in user. It owns a GCancellable
 * for its work, cancelled when the page goes or the user signs out.
 *
 * The window creates its pages from one list and calls them, never naming
 * one: opened (the user went to the page, not back to it), shown (the
 * keyboard goes where the user goes next), clear (a
 * sign-out or another user: unsaved input goes), session_ended (the
 * session ended under the user: input stays for them). A page shows a toast
 * through the window's win.show-toast action, never by casting its root. A
 * page that hands work to another (a case to open) finds it through
 * scc_page_find: the window is an SccPageHost, and builds the page if it
 * has not yet. A page's dialog (an editor, a handover) is shown with
 * scc_page_present_dialog: one at a time, closed when the page is cleared
 * or goes.
 *
 * A page with a form hands it to scc_page_add_form: its actions are
 * inserted under a prefix ("account.submit"), the keyboard goes to the
 * first field with an error after a failed submission, a failure that may
 * pass brings a toast with Retry, and clear empties it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-user.h"

#include "scc-api-client.h"
#include "scc-connection-vm.h"
#include "scc-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_PAGE (scc_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (SccPage, scc_page, SCC, PAGE, AdwBin)

#define SCC_TYPE_PAGE_HOST (scc_page_host_get_type ())

G_DECLARE_INTERFACE (SccPageHost, scc_page_host, SCC, PAGE_HOST, GObject)

/* What holds the pages: the page called @name, or NULL. */
struct _SccPageHostInterface
{
  GTypeInterface parent_iface;

  SccPage *(*get_page) (SccPageHost *self,
                        const char  *name);
};

SccPage         *scc_page_find                (GtkWidget    *from,
                                               const char   *name);

struct _SccPageClass
{
  AdwBinClass parent_class;

  /* The page has become the visible one. The default focuses the first
   * field with an error of its first form, else that form's default
   * widget if it has input, else initial-focus, else the first focusable
   * widget. */
  void (*shown)         (SccPage *self);
  /* Forget unsaved input: the default clears the page's forms. */
  void (*clear)         (SccPage *self);
  /* The session of @user ended; the default keeps everything. */
  void (*session_ended) (SccPage *self,
                         ScUser  *user);
  /* A form of the page failed: the default focuses its first field in
   * error and, if it may pass (can-retry), shows a toast with Retry. */
  void (*form_failed)   (SccPage   *self,
                         SccFormVm *form);
  /* The user went to the page (a place, a row that opens it), as opposed
   * to coming back to it; called before shown. Optional. */
  void (*opened)        (SccPage   *self);

  gpointer padding[7];
};

/* In class_init: the page's name in the window, and whether it is only for
 * a signed-in user (the default). */
void             scc_page_class_set_page_name     (SccPageClass *klass,
                                                   const char   *name);
void             scc_page_class_set_needs_session (SccPageClass *klass,
                                                   gboolean      needs_session);

const char      *scc_page_get_page_name       (SccPage      *self);
const char      *scc_page_type_get_page_name  (GType         page_type);
/* A page's one dialog (an editor, a handover): presenting one closes the
 * one before; it closes when the page is cleared or goes. */
void             scc_page_present_dialog      (SccPage      *self,
                                               GtkWindow    *dialog);
GtkWindow       *scc_page_get_dialog          (SccPage      *self);
gboolean         scc_page_get_needs_session   (SccPage      *self);
SccApiClient    *scc_page_get_api_client      (SccPage      *self);
SccConnectionVm *scc_page_get_connection      (SccPage      *self);
ScUser          *scc_page_get_user            (SccPage      *self);
/* Someone is signed in, in one of @roles (1 << ScRole of each) */
gboolean         scc_page_user_in_roles       (SccPage      *self,
                                               guint         roles);
/* Who records disputes (docs/access.md): admin officers, team managers */
#define SCC_DISPUTE_RECORD_ROLES ((1u << SC_ROLE_ADMIN_OFFICER) | (1u << SC_ROLE_TEAM_MANAGER))
void             scc_page_set_user            (SccPage      *self,
                                               ScUser       *user);
GCancellable    *scc_page_get_cancellable     (SccPage      *self);
GtkWidget       *scc_page_get_default_widget  (SccPage      *self);
void             scc_page_set_default_widget  (SccPage      *self,
                                               GtkWidget    *widget);

void             scc_page_add_form            (SccPage      *self,
                                               const char   *prefix,
                                               SccFormVm    *form);
/* The row of @form's first field in error; FALSE if there is none. */
gboolean         scc_page_focus_first_error   (SccPage      *self,
                                               SccFormVm    *form);
/* Focuses as shown() does for @form; FALSE if it has nothing to say. */
gboolean         scc_page_focus_form          (SccPage      *self,
                                               SccFormVm    *form);
/* @button_label, @action_name: (nullable): a button, and the page's action
 * it activates ("account.retry"). */
gboolean         scc_page_show_toast          (SccPage      *self,
                                               const char   *title,
                                               const char   *button_label,
                                               const char   *action_name);

gboolean         scc_page_popup_menu          (SccPage      *self);
void             scc_page_opened              (SccPage      *self);
void             scc_page_shown               (SccPage      *self);
void             scc_page_clear               (SccPage      *self);
void             scc_page_session_ended       (SccPage      *self,
                                               ScUser       *user);

G_END_DECLS
