/* scc-case-export.h
 *
 * A case's transfer file, saved for the authority the child moves to
 * (GET /api/v1/cases/{id}/export, docs/transfer-format.md): a save dialog
 * names the file, the daemon writes it, and a toast on the page says
 * where it went or why not (no plan in force; the authority's own code
 * not set).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-page.h"

G_BEGIN_DECLS

/* Asks where to save case @case_id's file, then saves it */
void     scc_case_export_choose   (SccPage             *page,
                                   gint64               case_id);
/* Saves case @case_id's file to @file; @callback (nullable) when done */
void     scc_case_export_to_file  (SccPage             *page,
                                   gint64               case_id,
                                   GFile               *file,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean scc_case_export_to_file_finish (GAsyncResult  *result,
                                         GError       **error);

G_END_DECLS
