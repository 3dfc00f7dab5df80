/* scc-pages.h
 *
 * Every page of the window, for the window's list of pages
 * (scc-window.c, page_types).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-account-page.h"
#include "scc-advice-page.h"
#include "scc-case-consultations-page.h"
#include "scc-case-proceedings-page.h"
#include "scc-case-reviews-page.h"
#include "scc-consultation-figures-page.h"
#include "scc-consultations-page.h"
#include "scc-reviews-page.h"
#include "scc-phase-transfers-page.h"
#include "scc-audit-page.h"
#include "scc-case-page.h"
#include "scc-caseload-page.h"
#include "scc-deadlines-page.h"
#include "scc-disputes-page.h"
#include "scc-dispute-page.h"
#include "scc-case-disputes-page.h"
#include "scc-appeals-page.h"
#include "scc-complaints-page.h"
#include "scc-mediations-page.h"
#include "scc-funding-bands-page.h"
#include "scc-home-page.h"
#include "scc-institutions-page.h"
#include "scc-sign-in-page.h"
#include "scc-people-page.h"
#include "scc-plan-page.h"
#include "scc-users-page.h"
#include "scc-workload-page.h"
