/* scc-audit-page.h
 *
 * SccAuditPage ("audit"): the audit trail for team managers and system
 * administrators, newest first, filtered by user, resource and dates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-audit-list-vm.h"
#include "scc-list-page.h"

G_BEGIN_DECLS

#define SCC_TYPE_AUDIT_PAGE (scc_audit_page_get_type ())

G_DECLARE_FINAL_TYPE (SccAuditPage, scc_audit_page, SCC, AUDIT_PAGE, SccListPage)

SccAuditListVm *scc_audit_page_get_view_model (SccAuditPage *self);

G_END_DECLS
