/* scd-log.h
 *
 * The daemon's log format: one line per event on standard error, with a UTC
 * timestamp, the level and the domain, so a journal or a file collector can
 * read it without parsing GLib's own format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void scd_log_init (const char *program_name);

G_END_DECLS
