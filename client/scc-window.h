/* scc-window.h
 *
 * The one main window of sendcase: a toast overlay over a leaflet of pages
 * (sign-in, home, account), and the session's life in the window: signing
 * in, signing out, and going back to sign-in when the session ends, with
 * what the user was typing kept for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "scc-account-page.h"
#include "scc-application.h"
#include "scc-change-password-vm.h"
#include "scc-home-page.h"
#include "scc-sign-in-page.h"
#include "scc-sign-in-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_WINDOW (scc_window_get_type ())

G_DECLARE_FINAL_TYPE (SccWindow, scc_window, SCC, WINDOW, AdwApplicationWindow)

SccWindow           *scc_window_new                     (SccApplication *application);
SccSignInPage       *scc_window_get_sign_in_page        (SccWindow      *self);
SccSignInVm         *scc_window_get_sign_in_vm          (SccWindow      *self);
SccHomePage         *scc_window_get_home_page           (SccWindow      *self);
SccAccountPage      *scc_window_get_account_page        (SccWindow      *self);
SccChangePasswordVm *scc_window_get_change_password_vm  (SccWindow      *self);
void                 scc_window_connect_to              (SccWindow      *self,
                                                         const char     *server_url);
void                 scc_window_show_page               (SccWindow      *self,
                                                         const char     *name);
const char          *scc_window_get_visible_page        (SccWindow      *self);
void                 scc_window_add_toast               (SccWindow      *self,
                                                         AdwToast       *toast);
char               **scc_window_dup_toast_titles        (SccWindow      *self);
void                 scc_window_dismiss_toasts          (SccWindow      *self);

G_END_DECLS
