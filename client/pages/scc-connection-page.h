/* scc-connection-page.h
 *
 * The first page of the window: asks for the server's address, connects,
 * and says what it found (connected, unreachable, or up without its
 * database). All it knows comes from an SccConnectionVm.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "scc-connection-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_CONNECTION_PAGE (scc_connection_page_get_type ())

G_DECLARE_FINAL_TYPE (SccConnectionPage, scc_connection_page, SCC, CONNECTION_PAGE, AdwBin)

GtkWidget       *scc_connection_page_new            (void);
SccConnectionVm *scc_connection_page_get_view_model (SccConnectionPage *self);
void             scc_connection_page_set_view_model (SccConnectionPage *self,
                                                     SccConnectionVm   *view_model);
/* The text of the status line, e.g. "Connected to sendcase 0.1.0 (schema 3)";
 * for tests and accessibility checks. */
const char      *scc_connection_page_get_status_text (SccConnectionPage *self);
/* "form" or "problem": which of its two faces the page shows. */
const char      *scc_connection_page_get_visible_face (SccConnectionPage *self);

G_END_DECLS
