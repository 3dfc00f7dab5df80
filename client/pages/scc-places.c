/* scc-places.c
 *
 * The table of scc-places.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-places"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-places.h"

#define ROLE(r) (1u << (r))

static const SccPlace places[] = {
  { "caseload", "x-office-calendar-symbolic", N_("My _Caseload"),
    N_("Your cases by their next statutory deadline, the most overdue first"),
    NULL, ROLE (SC_ROLE_CASEWORKER) | ROLE (SC_ROLE_TEAM_MANAGER) },
  { "workload", "system-users-symbolic", N_("Team _Workload"),
    N_("Who holds which cases, how many are overdue and how many are due this week"),
    NULL, ROLE (SC_ROLE_TEAM_MANAGER) },
  { "deadlines", "alarm-symbolic", N_("Team _Deadlines"),
    N_("Every open case of the team by its next statutory deadline, with its owner"),
    NULL, ROLE (SC_ROLE_TEAM_MANAGER) },
  { "advice", "mail-send-symbolic", N_("Ad_vice to Chase"),
    N_("Advice asked for in assessments and not yet received, the overdue first"),
    NULL, ROLE (SC_ROLE_CASEWORKER) | ROLE (SC_ROLE_TEAM_MANAGER) | ROLE (SC_ROLE_ADMIN_OFFICER) },
  { "reviews", "x-office-calendar-symbolic", N_("_Reviews Due"),
    N_("Annual reviews due within eight weeks, and those overdue, with their invitations"),
    NULL, ROLE (SC_ROLE_CASEWORKER) | ROLE (SC_ROLE_TEAM_MANAGER) | ROLE (SC_ROLE_ADMIN_OFFICER) },
  { "consultations", "mail-send-symbolic", N_("C_onsultations to Chase"),
    N_("Schools and colleges asked whether they can meet a child's needs that have not yet answered"),
    NULL, ROLE (SC_ROLE_CASEWORKER) | ROLE (SC_ROLE_TEAM_MANAGER) | ROLE (SC_ROLE_ADMIN_OFFICER) },
  { "phase-transfers", "go-next-symbolic", N_("P_hase Transfers"),
    N_("Children with a plan moving school or college next September, and their plan's deadline"),
    NULL, ROLE (SC_ROLE_CASEWORKER) | ROLE (SC_ROLE_TEAM_MANAGER) | ROLE (SC_ROLE_ADMIN_OFFICER) },
  { "people", "avatar-default-symbolic", N_("_People"),
    N_("Find a child or young person, or record a new one"),
    NULL, ROLE (SC_ROLE_CASEWORKER) | ROLE (SC_ROLE_TEAM_MANAGER) | ROLE (SC_ROLE_ADMIN_OFFICER) },
  { "institutions", "system-search-symbolic", N_("_Schools and Colleges"),
    N_("Find a school, college or early-years setting in the DfE's directory, by name, URN or postcode"),
    NULL, ROLE (SC_ROLE_CASEWORKER) | ROLE (SC_ROLE_TEAM_MANAGER) | ROLE (SC_ROLE_ADMIN_OFFICER) },
  { "consultation-figures", "system-search-symbolic", N_("_Institutions Consulted"),
    N_("Each school and college consulted: its refusals, those reversed, and the funding asked against agreed"),
    NULL, ROLE (SC_ROLE_TEAM_MANAGER) },
  { "funding-bands", "document-edit-symbolic", N_("_Funding Bands"),
    N_("The authority's bands of top-up funding for a child's placement, by code and amount"),
    NULL, ROLE (SC_ROLE_CASEWORKER) | ROLE (SC_ROLE_TEAM_MANAGER) | ROLE (SC_ROLE_ADMIN_OFFICER) },
  { "disputes", "mail-unread-symbolic", N_("Ope_n Disputes"),
    N_("Every open complaint, mediation and tribunal appeal by next deadline, and each year's counts of them"),
    NULL, ROLE (SC_ROLE_CASEWORKER) | ROLE (SC_ROLE_TEAM_MANAGER) | ROLE (SC_ROLE_ADMIN_OFFICER) },
  { "complaints", "mail-unread-symbolic", N_("Comp_laints"),
    N_("Complaints about a child's case or the service, with their deadlines and the Ombudsman's part"),
    NULL, ROLE (SC_ROLE_CASEWORKER) | ROLE (SC_ROLE_TEAM_MANAGER) | ROLE (SC_ROLE_ADMIN_OFFICER) },
  { "appeals", "mail-unread-symbolic", N_("Tribunal App_eals"),
    N_("Appeals to the tribunal about a child's case: the response due, the hearing, the outcome and the orders"),
    NULL, ROLE (SC_ROLE_CASEWORKER) | ROLE (SC_ROLE_TEAM_MANAGER) | ROLE (SC_ROLE_ADMIN_OFFICER) },
  { "mediations", "mail-unread-symbolic", N_("_Mediation"),
    N_("Mediation before an appeal: the advice, the mediation held, the certificate and what was agreed"),
    NULL, ROLE (SC_ROLE_CASEWORKER) | ROLE (SC_ROLE_TEAM_MANAGER) | ROLE (SC_ROLE_ADMIN_OFFICER) },
  { "users", "system-users-symbolic", N_("_Users"),
    N_("Create accounts, set roles, reset passwords and deactivate users"),
    NULL, ROLE (SC_ROLE_SYSTEM_ADMIN) },
  { "audit", "document-open-recent-symbolic", N_("Audit _Trail"),
    N_("Who read or changed which record, and when, newest first"),
    NULL, ROLE (SC_ROLE_TEAM_MANAGER) | ROLE (SC_ROLE_SYSTEM_ADMIN) },
  { NULL }
};

gboolean
scc_place_allows (const SccPlace *place,
                  ScRole          role)
{
  g_return_val_if_fail (place != NULL, FALSE);
  return role != SC_ROLE_NONE && (place->roles & ROLE (role)) != 0;
}

/**
 * scc_places_get:
 *
 * Returns: (transfer none): the table, ending with a zeroed place
 */
const SccPlace *
scc_places_get (void)
{
  return places;
}

/**
 * scc_places_first_page:
 *
 * Returns: the name of the page a session of @role begins on: a
 * caseworker's day starts at their caseload, everyone else's at home.
 */
const char *
scc_places_first_page (ScRole role)
{
  return role == SC_ROLE_CASEWORKER ? "caseload" : "home";
}
