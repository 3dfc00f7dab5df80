/* scc-sign-in-page.h
 *
 * The page the window opens on: the server's address (and whether that
 * server answers, with its version), username and password. It shows the
 * "Cannot Reach the Server" / "Database Unavailable" status page with Retry
 * while the server cannot serve, errors beside the fields they are about,
 * and why the user is here again when their session ended. An SccPage
 * named "sign-in", the one page that needs no session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-page.h"
#include "scc-sign-in-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_SIGN_IN_PAGE (scc_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (SccSignInPage, scc_sign_in_page, SCC, SIGN_IN_PAGE, SccPage)

SccSignInVm *scc_sign_in_page_get_view_model   (SccSignInPage *self);
/* The server status line, e.g. "Connected to sendcase 0.1.0 (schema 3)";
 * for tests and accessibility checks. */
const char  *scc_sign_in_page_get_status_text  (SccSignInPage *self);
/* "form" or "problem": which of its two faces the page shows. */
const char  *scc_sign_in_page_get_visible_face (SccSignInPage *self);

G_END_DECLS
