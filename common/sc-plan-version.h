/* sc-plan-version.h
 *
 * An issued version of an EHC plan: the draft frozen when a draft, final
 * or amended plan was issued, or amendments proposed by an amendment
 * notice (the case event that issued it), numbered
 * from 1 per case, with the quality warnings it had then. Never changed.
 * And the difference of two versions, section by section: the rows added,
 * removed and changed (by their ids), and for a section of one object
 * (A, I, J) the members changed.
 *
 *   {"case_id": 7, "number": 2, "kind": "final", "event_id": 91,
 *    "issued_at": "...", "issued_by": {"id", "username", "full_name"},
 *    "sections": [{"section": "a", "title": "...", "content": {...}}, ...12],
 *    "warnings": [...]}
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-plan.h"

G_BEGIN_DECLS

typedef enum
{
  SC_PLAN_VERSION_DRAFT,
  SC_PLAN_VERSION_FINAL,
  SC_PLAN_VERSION_AMENDED,
  SC_PLAN_VERSION_PROPOSED,   /* the amendments an amendment notice proposes */
} ScPlanVersionKind;

const char *sc_plan_version_kind_to_string (ScPlanVersionKind kind);
/* The kind of version @type of event issues: FALSE for an event that
 * issues no plan. */
gboolean    sc_plan_version_kind_for_event (const char        *event_type,
                                            ScPlanVersionKind *kind);

#define SC_TYPE_PLAN_VERSION (sc_plan_version_get_type ())

G_DECLARE_FINAL_TYPE (ScPlanVersion, sc_plan_version, SC, PLAN_VERSION, GObject)

/* @sections: the frozen draft, {"a": {...}, ...} as kept; a section
 * missing is one never written. @warnings: the JSON array kept with it. */
ScPlanVersion *sc_plan_version_new              (gint64             case_id,
                                                 gint64             number,
                                                 const char        *kind,
                                                 gint64             event_id,
                                                 const char        *sections,
                                                 const char        *warnings);
void           sc_plan_version_set_issued       (ScPlanVersion     *self,
                                                 gint64             issued_at,
                                                 gint64             user_id,
                                                 const char        *username,
                                                 const char        *full_name);
gint64         sc_plan_version_get_number       (ScPlanVersion     *self);
const char    *sc_plan_version_get_kind         (ScPlanVersion     *self);
gint64         sc_plan_version_get_issued_at    (ScPlanVersion     *self);
/* The event that issued the version has been voided: the version stays,
 * never changed, but it was not issued after all. */
gboolean       sc_plan_version_get_voided       (ScPlanVersion     *self);
void           sc_plan_version_set_voided       (ScPlanVersion     *self,
                                                 gboolean           voided);
/* Who issued it: their full name, else their username */
const char    *sc_plan_version_get_issued_by_name (ScPlanVersion   *self);
/* The content of section @id (SC_PLAN_EMPTY_CONTENT if never written) */
const char    *sc_plan_version_get_content      (ScPlanVersion     *self,
                                                 ScPlanSectionId    id);
/* Without its sections: what a list of versions shows */
void           sc_plan_version_write_summary_json (ScPlanVersion   *self,
                                                   ScJsonWriter    *writer);
void           sc_plan_version_write_json       (ScPlanVersion     *self,
                                                 ScJsonWriter      *writer);
ScPlanVersion *sc_plan_version_new_from_json    (JsonNode          *node,
                                                 GError           **error);

/* The sections of a draft as a version keeps them: {"a": {...}, ...},
 * the sections never written left out. */
char          *sc_plan_sections_to_json         (const char * const contents[SC_N_PLAN_SECTIONS]);
/* The warnings as a JSON array */
char          *sc_plan_warnings_to_json         (GPtrArray         *warnings);

/* What changed from @from to @to, section by section, only the sections
 * that changed:
 *   {"case_id": 7, "from": 1, "to": 2, "sections": [
 *     {"section": "f", "title": "...", "added": [row...], "removed": [row...],
 *      "changed": [{"id": "1", "fields": [{"name": "frequency", "from": "weekly", "to": "daily"}]}]},
 *     {"section": "a", "title": "...", "added": [], "removed": [],
 *      "changed": [{"id": null, "fields": [{"name": "text", "from": "...", "to": "..."}]}]}]}
 * A field's from or to is its JSON value, null when absent. */
void           sc_plan_version_write_diff_json  (ScPlanVersion     *from,
                                                 ScPlanVersion     *to,
                                                 ScJsonWriter      *writer);

/* The difference @diff (as sc_plan_version_write_diff_json writes it) in
 * words, a line each: a section's title, then under it "Added B.2: ...",
 * "Removed F.3: ...", "F.1, How often: weekly → daily". Returns: (transfer
 * full) (element-type utf8), or NULL with @error if @diff is not one. */
GPtrArray     *sc_plan_diff_to_lines            (JsonNode          *diff,
                                                 GError           **error);

G_END_DECLS
