/* scd-plan-pdf.h
 *
 * An issued plan version as a PDF, from its structured sections: A4,
 * every section under its heading with its rows as tables, the child,
 * the version and the issue date on every page, a sans-serif face at a
 * size meant to be read, an outline entry per section and the document
 * tagged (headings, paragraphs, tables) for screen readers. A version of
 * proposed amendments prints as the amendment notice: the changes from
 * the plan it would amend, section by section, and the last day for the
 * family's comments.
 *
 * The daemon renders on one worker thread of its own (the fonts are
 * loaded once and the main loop never waits); sendcasectl calls the same
 * renderer directly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-plan-document.h"

G_BEGIN_DECLS

/* Returns: (transfer full): the PDF, or NULL with @error set */
GBytes *scd_plan_pdf_render        (const ScPlanDocument  *document,
                                    GError               **error);

/* The same on the renderer's thread. Takes @document. */
void    scd_plan_pdf_render_async  (ScPlanDocument        *document,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data);
GBytes *scd_plan_pdf_render_finish (GAsyncResult          *result,
                                    GError               **error);

/* "plan-7-v2.pdf", or "amendment-notice-7-v3.pdf" for proposed amendments */
char   *scd_plan_pdf_dup_file_name (const ScPlanDocument  *document);

G_END_DECLS
