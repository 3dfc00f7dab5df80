/* scd-routes.c
 *
 * The route table and its matcher. Patterns are literal segments and
 * {name} parameters; a parameter matches one non-empty segment of at most
 * 64 bytes of UTF-8 without control characters (a path with any other
 * segment there matches no route: 404). The table is small and matched
 * linearly: it costs less than parsing the request line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-routes"

#include "config.h"

#include "scd-routes.h"
#include "handlers/scd-handlers.h"

#define STAFF_ADMIN (SCD_ACCESS_SYSTEM_ADMIN)
#define AUDITORS (SCD_ACCESS_TEAM_MANAGER | SCD_ACCESS_SYSTEM_ADMIN)
/* case content: never a system administrator's */
#define CASE_READERS (SCD_ACCESS_CASEWORKER | SCD_ACCESS_TEAM_MANAGER | SCD_ACCESS_ADMIN_OFFICER)
#define CASE_WRITERS (SCD_ACCESS_CASEWORKER | SCD_ACCESS_TEAM_MANAGER)
#define MANAGERS (SCD_ACCESS_TEAM_MANAGER)
/* complaints, mediation and appeals: business support and team managers */
#define DISPUTE_WRITERS (SCD_ACCESS_ADMIN_OFFICER | SCD_ACCESS_TEAM_MANAGER)

/* The access matrix of docs/access.md, route by route. */
static const ScdRoute routes[] = {
  { "GET", "/api/v1/health", scd_health_handler_get, SCD_ACCESS_PUBLIC, "health.read", NULL },

  { "POST", "/api/v1/sessions", scd_session_handler_create, SCD_ACCESS_PUBLIC, "session.create", "session" },
  { "DELETE", "/api/v1/sessions/current", scd_session_handler_delete_current, SCD_ACCESS_ANY_USER,
    "session.delete", "session" },
  { "GET", "/api/v1/me", scd_session_handler_me, SCD_ACCESS_ANY_USER, "me.read", NULL },
  { "POST", "/api/v1/me/password", scd_session_handler_change_password, SCD_ACCESS_ANY_USER,
    "user.password.change", "user" },

  { "GET", "/api/v1/users", scd_user_handler_list, STAFF_ADMIN, "user.list", "user" },
  { "POST", "/api/v1/users", scd_user_handler_create, STAFF_ADMIN, "user.create", "user" },
  { "GET", "/api/v1/users/{id}", scd_user_handler_get, STAFF_ADMIN, "user.read", "user" },
  { "PATCH", "/api/v1/users/{id}", scd_user_handler_update, STAFF_ADMIN, "user.update", "user" },
  { "POST", "/api/v1/users/{id}/password", scd_user_handler_reset_password, STAFF_ADMIN,
    "user.password.reset", "user" },

  { "GET", "/api/v1/people", scd_person_handler_search, CASE_READERS, "person.list", "person" },
  { "POST", "/api/v1/people", scd_person_handler_create, CASE_WRITERS, "person.create", "person" },
  { "GET", "/api/v1/people/{id}", scd_person_handler_get, CASE_READERS, "person.read", "person" },
  { "PATCH", "/api/v1/people/{id}", scd_person_handler_update, CASE_WRITERS, "person.update", "person" },

  { "GET", "/api/v1/cases", scd_case_handler_list, CASE_READERS, "case.list", "case" },
  { "POST", "/api/v1/cases", scd_case_handler_create, CASE_WRITERS, "case.create", "case" },
  { "GET", "/api/v1/cases/{id}", scd_case_handler_get, CASE_READERS, "case.read", "case" },
  { "PATCH", "/api/v1/cases/{id}", scd_case_handler_update, CASE_WRITERS, "case.update", "case" },
  { "GET", "/api/v1/cases/{id}/events", scd_case_handler_list_events, CASE_READERS, "case.event.list", "case" },
  { "POST", "/api/v1/cases/{id}/events", scd_case_handler_add_event, CASE_WRITERS, "case.event.create", "case" },
  { "POST", "/api/v1/cases/{id}/events/{event_id}/void", scd_case_handler_void_event, CASE_WRITERS,
    "case.event.void", "case" },
  { "GET", "/api/v1/cases/{id}/timeline", scd_case_handler_timeline, CASE_READERS, "case.timeline.read", "case" },
  { "GET", "/api/v1/cases/{id}/plan", scd_plan_handler_get_draft, CASE_READERS, "plan.read", "case" },
  { "GET", "/api/v1/cases/{id}/plan/sections/{section}", scd_plan_handler_get_section, CASE_READERS,
    "plan.section.read", "case" },
  { "PUT", "/api/v1/cases/{id}/plan/sections/{section}", scd_plan_handler_put_section, CASE_WRITERS,
    "plan.section.update", "case" },
  { "GET", "/api/v1/cases/{id}/plan/versions", scd_plan_handler_list_versions, CASE_READERS, "plan.version.list",
    "case" },
  { "POST", "/api/v1/cases/{id}/plan/versions", scd_plan_handler_issue, CASE_WRITERS, "plan.version.create",
    "case" },
  { "GET", "/api/v1/cases/{id}/plan/versions/{number}", scd_plan_handler_get_version, CASE_READERS,
    "plan.version.read", "case" },
  { "GET", "/api/v1/cases/{id}/plan/versions/{number}/diff/{other}", scd_plan_handler_diff_versions, CASE_READERS,
    "plan.version.diff", "case" },
  { "GET", "/api/v1/cases/{id}/plan/versions/{number}/pdf", scd_plan_handler_get_version_pdf, CASE_READERS,
    "plan.version.pdf", "case" },

  { "GET", "/api/v1/cases/{id}/reviews", scd_review_handler_list, CASE_READERS, "review.list", "case" },
  { "PUT", "/api/v1/cases/{id}/reviews/{review_id}", scd_review_handler_put, CASE_WRITERS, "review.update", "case" },
  { "GET", "/api/v1/cases/{id}/proceedings", scd_proceeding_handler_list, CASE_READERS, "proceeding.list", "case" },
  { "PUT", "/api/v1/cases/{id}/proceedings/{proceeding_id}", scd_proceeding_handler_put, CASE_WRITERS,
    "proceeding.update", "case" },
  { "GET", "/api/v1/cases/{id}/consultations", scd_consultation_handler_list, CASE_READERS, "consultation.list",
    "case" },
  { "POST", "/api/v1/cases/{id}/consultations", scd_consultation_handler_create, CASE_WRITERS,
    "consultation.create", "case" },
  { "PUT", "/api/v1/cases/{id}/consultations/{consultation_id}", scd_consultation_handler_put, CASE_WRITERS,
    "consultation.update", "case" },
  { "GET", "/api/v1/consultations", scd_consultation_handler_team, CASE_READERS, "consultation.team", "case" },
  { "POST", "/api/v1/consultations/reminders", scd_consultation_handler_chase, CASE_WRITERS, "consultation.chase",
    "case" },
  { "GET", "/api/v1/consultations/institutions", scd_consultation_handler_institutions, MANAGERS,
    "consultation.institutions", "institution" },
  { "GET", "/api/v1/complaints", scd_complaint_handler_list, CASE_READERS, "complaint.list", "complaint" },
  { "POST", "/api/v1/complaints", scd_complaint_handler_create, DISPUTE_WRITERS, "complaint.create", "complaint" },
  { "GET", "/api/v1/complaints/{id}", scd_complaint_handler_get, CASE_READERS, "complaint.read", "complaint" },
  { "PUT", "/api/v1/complaints/{id}", scd_complaint_handler_put, DISPUTE_WRITERS, "complaint.update", "complaint" },
  { "GET", "/api/v1/appeals", scd_appeal_handler_list, CASE_READERS, "appeal.list", "appeal" },
  { "POST", "/api/v1/appeals", scd_appeal_handler_create, DISPUTE_WRITERS, "appeal.create", "appeal" },
  { "GET", "/api/v1/appeals/{id}", scd_appeal_handler_get, CASE_READERS, "appeal.read", "appeal" },
  { "PUT", "/api/v1/appeals/{id}", scd_appeal_handler_put, DISPUTE_WRITERS, "appeal.update", "appeal" },
  { "GET", "/api/v1/mediations", scd_mediation_handler_list, CASE_READERS, "mediation.list", "mediation" },
  { "POST", "/api/v1/mediations", scd_mediation_handler_create, DISPUTE_WRITERS, "mediation.create", "mediation" },
  { "GET", "/api/v1/mediations/{id}", scd_mediation_handler_get, CASE_READERS, "mediation.read", "mediation" },
  { "PUT", "/api/v1/mediations/{id}", scd_mediation_handler_put, DISPUTE_WRITERS, "mediation.update", "mediation" },
  { "GET", "/api/v1/disputes", scd_dispute_handler_list, CASE_READERS, "dispute.list", "dispute" },
  { "GET", "/api/v1/disputes/counts", scd_dispute_handler_counts, DISPUTE_WRITERS, "dispute.counts", "dispute" },
  { "GET", "/api/v1/cases/{id}/export", scd_transfer_handler_export, CASE_WRITERS, "case.export", "case" },
  { "POST", "/api/v1/transfers", scd_transfer_handler_import, CASE_WRITERS, "transfer.import", "case" },
  { "GET", "/api/v1/band-mappings", scd_transfer_handler_list_mappings, CASE_READERS, "band_mapping.list",
    "band_mapping" },
  { "PUT", "/api/v1/band-mappings/{authority}/{code}", scd_transfer_handler_decide_mapping, MANAGERS,
    "band_mapping.decide", "band_mapping" },
  { "GET", "/api/v1/funding-bands", scd_funding_band_handler_list, CASE_READERS, "funding_band.list",
    "funding_band" },
  { "PUT", "/api/v1/funding-bands/{code}", scd_funding_band_handler_put, MANAGERS, "funding_band.update",
    "funding_band" },
  { "GET", "/api/v1/institutions", scd_institution_handler_search, SCD_ACCESS_ANY_USER, "institution.list",
    "institution" },
  { "GET", "/api/v1/institutions/{urn}", scd_institution_handler_get, SCD_ACCESS_ANY_USER, "institution.read",
    "institution" },
  { "GET", "/api/v1/caseload", scd_case_handler_caseload, CASE_READERS, "caseload.read", "case" },
  { "GET", "/api/v1/caseload/counts", scd_case_handler_caseload_counts, CASE_READERS, "caseload.counts.read",
    "case" },
  { "GET", "/api/v1/advice-requests", scd_case_handler_advice, CASE_READERS, "advice.list", "case" },
  { "GET", "/api/v1/reviews", scd_review_handler_due, CASE_READERS, "review.due.list", "case" },
  { "GET", "/api/v1/phase-transfers", scd_review_handler_phase_transfers, CASE_READERS, "phase_transfer.list",
    "case" },
  { "POST", "/api/v1/caseload/handover", scd_case_handler_handover, MANAGERS, "caseload.handover", "case" },
  { "GET", "/api/v1/deadlines", scd_case_handler_deadlines, MANAGERS, "deadlines.read", "case" },
  { "GET", "/api/v1/workload", scd_case_handler_workload, MANAGERS, "workload.read", "case" },

  { "GET", "/api/v1/audit", scd_audit_handler_list, AUDITORS, "audit.read", "audit" },
};

const ScdRoute *
scd_routes_get (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}

/* A path parameter is an identifier: at most this many bytes of UTF-8
 * text without control characters. Anything else names no resource, and is
 * refused here so that no handler, log line, audit row or reply sees it. */
#define PARAM_MAX_BYTES 64

static gboolean
param_is_acceptable (const char *value,
                     gsize       length)
{
  const char *p = value;
  const char *end = value + length;

  if (length > PARAM_MAX_BYTES || !g_utf8_validate_len (value, length, NULL))
    return FALSE;
  for (; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        return FALSE;
    }
  return TRUE;
}

/* Matches @path against @pattern; on success sets params on @request (if
 * given). Both start with '/'. */
static gboolean
match_pattern (const char *pattern,
               const char *path,
               ScdRequest *request)
{
  const char *p = pattern;
  const char *s = path;

  while (*p != '\0' && *s != '\0')
    {
      if (*p == '{')
        {
          const char *close = strchr (p, '}');
          const char *end = strchr (s, '/');
          g_autofree char *name = NULL;
          g_autofree char *value = NULL;

          g_assert (close != NULL);
          if (end == NULL)
            end = s + strlen (s);
          if (end == s || !param_is_acceptable (s, end - s))
            return FALSE;
          if (request != NULL)
            {
              name = g_strndup (p + 1, close - p - 1);
              value = g_strndup (s, end - s);
              scd_request_set_param (request, name, value);
            }
          p = close + 1;
          s = end;
          continue;
        }
      if (*p != *s)
        return FALSE;
      p++;
      s++;
    }
  return *p == '\0' && *s == '\0';
}

const ScdRoute *
scd_routes_match (const char *method,
                  const char *path,
                  ScdRequest *request,
                  gboolean   *path_known,
                  GString    *allow)
{
  *path_known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (!match_pattern (routes[i].pattern, path, NULL))
        continue;
      if (g_str_equal (routes[i].method, method))
        {
          match_pattern (routes[i].pattern, path, request);
          return &routes[i];
        }
      *path_known = TRUE;
      if (allow != NULL)
        g_string_append_printf (allow, "%s%s", allow->len ? ", " : "", routes[i].method);
    }
  return NULL;
}
