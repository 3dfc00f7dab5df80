/* scc-dispute-page.h
 *
 * SccDisputePage: one complaint, tribunal appeal or mediation (an
 * SccDisputeVm): what is due next, the child it is about, and its
 * timeline, every step done or due by its day. Record the Next Step
 * (Alt+R, for those who record disputes) opens its kind's page on its
 * case with it chosen in the form; Open the Case (Alt+C) opens the case;
 * Ctrl+R reads it again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-dispute-list-vm.h"
#include "scc-dispute-vm.h"
#include "scc-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_DISPUTE_PAGE (scc_dispute_page_get_type ())

G_DECLARE_FINAL_TYPE (SccDisputePage, scc_dispute_page, SCC, DISPUTE_PAGE, SccPage)

/* Opens the page on @kind's @id (complaint, appeal, mediation) from the
 * page @from is on */
void          scc_dispute_page_open            (GtkWidget      *from,
                                                const char     *kind,
                                                gint64          id);
/* The same for the dispute of a list's @row: the lists' Enter */
void          scc_dispute_page_open_row        (GtkWidget      *from,
                                                SccDisputeRow  *row);
SccDisputeVm *scc_dispute_page_get_view_model  (SccDisputePage *self);

G_END_DECLS
