/* sc-plan.h
 *
 * The EHC plan as structure: its sections A to K (the law's list), the
 * rules of each section's content, and the quality warnings of a draft.
 * One codec, used by the daemon and the client alike.
 *
 * A section's content is a JSON object of its kind:
 *
 *   text       A               {"text": "..."}
 *   needs      B, C, D         {"rows": [{"id": "1", "text": "..."}]}
 *   outcomes   E               {"rows": [{"id": "1", "text": "...", "needs": ["b.1"]}]}
 *   provision  F, G, H1, H2    {"rows": [{"id": "1", "text": "...", "provider": "...",
 *                                         "frequency": "...", "duration": "...",
 *                                         "group_size": "...", "from": "YYYY-MM-DD",
 *                                         "to": "YYYY-MM-DD", "needs": ["b.1"],
 *                                         "outcomes": ["e.1"]}]}
 *   placement  I               {"name": "...", "type": "...", "urn": "123456"}
 *   budget     J               {"amount_pence": 120000, "covers": "..."}
 *   advice     K               {"rows": [{"id": "1", "source": "...", "received": "YYYY-MM-DD",
 *                                         "advice": "health", "request": "EP service"}]}
 *
 * A row of K answers one of the case's advice requests when its "request"
 * names the adviser the request was made to (the advice_requested event's
 * key).
 *
 * A row's id is its own within its section; elsewhere it is named with its
 * section, "b.1". sc_plan_section_check_content() refuses what is not such
 * content, naming the member ("content.rows[2].to"), and gives it back
 * normalised: known members only, in this order, absent ones left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "sc-json-writer.h"

G_BEGIN_DECLS

#define SC_PLAN_TEXT_MAX_CHARS 20000
#define SC_PLAN_FIELD_MAX_CHARS 200
#define SC_PLAN_ROW_ID_MAX_CHARS 20
#define SC_PLAN_MAX_ROWS 200

typedef enum
{
  SC_PLAN_SECTION_A,
  SC_PLAN_SECTION_B,
  SC_PLAN_SECTION_C,
  SC_PLAN_SECTION_D,
  SC_PLAN_SECTION_E,
  SC_PLAN_SECTION_F,
  SC_PLAN_SECTION_G,
  SC_PLAN_SECTION_H1,
  SC_PLAN_SECTION_H2,
  SC_PLAN_SECTION_I,
  SC_PLAN_SECTION_J,
  SC_PLAN_SECTION_K,
  SC_N_PLAN_SECTIONS,
  SC_PLAN_SECTION_NONE = -1,
} ScPlanSectionId;

typedef enum
{
  SC_PLAN_KIND_TEXT,
  SC_PLAN_KIND_NEEDS,
  SC_PLAN_KIND_OUTCOMES,
  SC_PLAN_KIND_PROVISION,
  SC_PLAN_KIND_PLACEMENT,
  SC_PLAN_KIND_BUDGET,
  SC_PLAN_KIND_ADVICE,
} ScPlanSectionKind;

/* "a" ... "k", "h1", "h2" */
const char        *sc_plan_section_id_to_string   (ScPlanSectionId id);
ScPlanSectionId    sc_plan_section_id_from_string (const char     *text);
/* The law's heading, e.g. "Special educational needs" */
const char        *sc_plan_section_title          (ScPlanSectionId id);
ScPlanSectionKind  sc_plan_section_kind           (ScPlanSectionId id);
/* A member of a section's content or rows in words: "frequency" is "How
 * often"; a name it does not know, as it is. */
const char        *sc_plan_field_label            (const char     *name);
/* "b.1" as "B.1": how a row is named to a reader */
char              *sc_plan_ref_display            (const char     *link);

/* The content of a section never written: "{}" */
#define SC_PLAN_EMPTY_CONTENT "{}"

/* Returns: (transfer full): @content normalised as JSON text, or NULL
 * with a field error on "content..." for each thing wrong with it. */
char              *sc_plan_section_check_content  (ScPlanSectionId  id,
                                                   JsonNode        *content,
                                                   GError         **error);

/* --- quality warnings ------------------------------------------------------ */

#define SC_TYPE_PLAN_WARNING (sc_plan_warning_get_type ())

/* What a tribunal would find wrong with a draft, naming the row. Warnings
 * never stop a plan being issued. Strings are owned. */
typedef struct
{
  char *code;      /* "need_without_provision", "provision_unquantified", "provision_vague",
                      "outcome_without_need", "provision_without_need", "link_missing",
                      "advice_unlisted", "advice_request_unknown" */
  char *section;   /* "b" */
  char *row;       /* the row's id, NULL for the whole section */
  char *message;   /* one English sentence */
} ScPlanWarning;

GType          sc_plan_warning_get_type   (void) G_GNUC_CONST;
ScPlanWarning *sc_plan_warning_copy       (const ScPlanWarning *warning);
void           sc_plan_warning_free       (ScPlanWarning       *warning);
void           sc_plan_warning_write_json (const ScPlanWarning *warning,
                                           ScJsonWriter        *writer);
ScPlanWarning *sc_plan_warning_new_from_json (JsonNode         *node,
                                              GError          **error);

/* One of a case's advice requests, as section K is checked against it:
 * whom it asked (the advice milestone's key), when, and when the advice
 * came (NULL: not yet). Dates "YYYY-MM-DD". Strings are owned. Written in
 * a draft as "advice_requests": [{"adviser", "requested_on",
 * "received_on"}]. */
typedef struct
{
  char *adviser;
  char *requested_on;
  char *received_on;
} ScPlanAdvice;

void           sc_plan_advice_free        (ScPlanAdvice        *advice);
/* A list of them from its JSON (the draft's member, or what a store
 * reads). Returns: (transfer full) (element-type ScPlanAdvice), or NULL
 * with SC_ERROR_MALFORMED */
GPtrArray     *sc_plan_advice_list_new_from_json (JsonNode     *node,
                                                  GError      **error);

/* The warnings of a draft whose sections' contents (normalised JSON text,
 * SC_PLAN_EMPTY_CONTENT for one never written) are @contents, in section
 * order; with the case's advice requests (@advice, of ScPlanAdvice; NULL:
 * not known, K is not checked against them), also advice received but
 * not in K and a row of K answering a request the case has not made.
 * Returns: (transfer full) (element-type ScPlanWarning) */
GPtrArray     *sc_plan_check_quality      (const char * const contents[SC_N_PLAN_SECTIONS],
                                           GPtrArray          *advice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScPlanWarning, sc_plan_warning_free)

/* --- a section of a draft ------------------------------------------------- */

#define SC_TYPE_PLAN_SECTION (sc_plan_section_get_type ())

G_DECLARE_FINAL_TYPE (ScPlanSection, sc_plan_section, SC, PLAN_SECTION, GObject)

/*   {"case_id": 7, "section": "f", "title": "Special educational provision",
 *    "content": {...}, "version": 3, "updated_at": "...",
 *    "updated_by": {"id": 2, "username": "caseworker", "full_name": "..."}}
 * A section never written has version 0, content {} and no updated_*. */
ScPlanSection   *sc_plan_section_new            (gint64           case_id,
                                                 ScPlanSectionId  id,
                                                 const char      *content,
                                                 gint64           version);
void             sc_plan_section_set_updated    (ScPlanSection   *self,
                                                 gint64           updated_at,
                                                 gint64           user_id,
                                                 const char      *username,
                                                 const char      *full_name);
gint64           sc_plan_section_get_case_id    (ScPlanSection   *self);
ScPlanSectionId  sc_plan_section_get_id         (ScPlanSection   *self);
/* normalised JSON text */
const char      *sc_plan_section_get_content    (ScPlanSection   *self);
gint64           sc_plan_section_get_version    (ScPlanSection   *self);
gint64           sc_plan_section_get_updated_at (ScPlanSection   *self);
const char      *sc_plan_section_get_updated_by_username (ScPlanSection *self);
void             sc_plan_section_write_json     (ScPlanSection   *self,
                                                 ScJsonWriter    *writer);
ScPlanSection   *sc_plan_section_new_from_json  (JsonNode        *node,
                                                 GError         **error);

/* The draft: every section in order, the warnings over them all and the
 * case's advice requests (ScPlanAdvice).
 *   {"case_id": 7, "sections": [...12...], "warnings": [...],
 *    "advice_requests": [...]} */
void             sc_plan_draft_write_json       (gint64           case_id,
                                                 GPtrArray       *sections,
                                                 GPtrArray       *warnings,
                                                 GPtrArray       *advice,
                                                 ScJsonWriter    *writer);

G_END_DECLS
