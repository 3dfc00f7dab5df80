/* scc-window.h
 *
 * The one main window of sendcase: a toast overlay over a leaflet of pages.
 * The connection page is its first page; sign-in, the caseload and case
 * pages are added to the same leaflet by later issues.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "scc-application.h"
#include "scc-connection-vm.h"
#include "scc-connection-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_WINDOW (scc_window_get_type ())

G_DECLARE_FINAL_TYPE (SccWindow, scc_window, SCC, WINDOW, AdwApplicationWindow)

SccWindow         *scc_window_new                 (SccApplication *application);
SccConnectionPage *scc_window_get_connection_page (SccWindow      *self);
SccConnectionVm   *scc_window_get_connection_vm   (SccWindow      *self);
void               scc_window_connect_to          (SccWindow      *self,
                                                   const char     *server_url);
void               scc_window_show_page           (SccWindow      *self,
                                                   const char     *name);
void               scc_window_add_toast           (SccWindow      *self,
                                                   AdwToast       *toast);

G_END_DECLS
