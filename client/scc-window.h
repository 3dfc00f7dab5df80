/* scc-window.h
 *
 * The one main window of sendcase: a toast overlay over a leaflet of pages
 * (SccPage: sign-in, home, account), and the session's life in the window:
 * signing in, signing out, and going back to sign-in when the session ends,
 * with what the user was typing kept for them. It owns the connection
 * (SccConnectionVm) that every page shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "scc-application.h"
#include "scc-connection-vm.h"
#include "scc-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_WINDOW (scc_window_get_type ())

G_DECLARE_FINAL_TYPE (SccWindow, scc_window, SCC, WINDOW, AdwApplicationWindow)

SccWindow       *scc_window_new              (SccApplication *application);
SccConnectionVm *scc_window_get_connection   (SccWindow      *self);
/* The page called @name ("sign-in", "home", "account"), or NULL. */
SccPage         *scc_window_get_page         (SccWindow      *self,
                                              const char     *name);
void             scc_window_connect_to       (SccWindow      *self,
                                              const char     *server_url);
void             scc_window_show_page        (SccWindow      *self,
                                              const char     *name);
/* Shows @name, opened from the page shown: Back on it returns there. */
void             scc_window_open_page        (SccWindow      *self,
                                              const char     *name);
/* Back: the page the shown one was opened from, or home. */
void             scc_window_go_back          (SccWindow      *self);
const char      *scc_window_get_visible_page (SccWindow      *self);
char           **scc_window_dup_toast_titles (SccWindow      *self);
void             scc_window_dismiss_toasts   (SccWindow      *self);

G_END_DECLS
