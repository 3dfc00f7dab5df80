/* scd-log.h
 *
 * The daemon's log format: one line per event on standard error, with a UTC
 * timestamp, the level and the domain, so a journal or a file collector can
 * read it without parsing GLib's own format. Control characters and invalid
 * UTF-8 in a message are escaped, so text from a request cannot forge a
 * line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void scd_log_init          (const char *program_name);
/* Once the main loop runs: information lines are gathered and written
 * together (see scd-log.c); warnings still go at once. */
void scd_log_set_buffered  (gboolean    enabled);
/* An information line without GLib's logging machinery in between (the
 * line of every request). */
void scd_log_info          (const char *domain,
                            const char *message);
/* Writes what was gathered (also done at exit). */
void scd_log_flush         (void);
/* Appends @text to @line with everything that could end or forge a log
 * line escaped (see scd-log.c). */
void scd_log_escape_append (GString    *line,
                            const char *text);

G_END_DECLS
