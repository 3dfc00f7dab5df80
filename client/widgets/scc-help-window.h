/* scc-help-window.h
 *
 * SccHelpWindow: the help F1 opens. It shows the user guide that ships in
 * docs/user-guide.md (compiled into the resources), the sections for
 * everyone and the one for the signed-in user's role; signed out, the
 * sections for everyone. A button opens the keyboard shortcuts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-user.h"

G_BEGIN_DECLS

#define SCC_TYPE_HELP_WINDOW (scc_help_window_get_type ())

G_DECLARE_FINAL_TYPE (SccHelpWindow, scc_help_window, SCC, HELP_WINDOW, AdwWindow)

/* @user: (nullable): who is signed in */
SccHelpWindow *scc_help_window_new          (GtkWindow     *parent,
                                             ScUser        *user);
/* The section headings shown, in order; for tests. */
char         **scc_help_window_dup_headings (SccHelpWindow *self);

G_END_DECLS
