/* scc-plan-vm.h
 *
 * SccPlanVm: a case's draft EHC plan as the plan editor edits it. It reads
 * the draft (every section with its version), keeps what the user changes
 * section by section until it is saved (a lost server loses nothing: the
 * edits stay until a save succeeds), computes the quality warnings of the
 * draft as edited (sc_plan_check_quality, the daemon's own rules), saves
 * the changed sections with If-Match, and when someone else changed a
 * section first (412) keeps what was typed and says which section, so the
 * user can reload the others' version numbers and save their text again.
 * It also lists the issued versions, compares one with the one before,
 * fetches a version's PDF and issues the draft.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-api-client-plans.h"

G_BEGIN_DECLS

#define SCC_TYPE_PLAN_VM (scc_plan_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccPlanVm, scc_plan_vm, SCC, PLAN_VM, GObject)

SccPlanVm     *scc_plan_vm_new               (SccApiClient     *api_client);

/* Reads the case's draft and versions, keeping the edits not yet saved
 * (an edit the draft now holds as it is stops being one); edits of
 * another case go. Emits ::loaded when both are in (or ::failed). */
void           scc_plan_vm_load              (SccPlanVm        *self,
                                              gint64            case_id);
gint64         scc_plan_vm_get_case_id       (SccPlanVm        *self);
gboolean       scc_plan_vm_get_loaded        (SccPlanVm        *self);
gboolean       scc_plan_vm_get_busy          (SccPlanVm        *self);
/* What the last failure said, or NULL */
const char    *scc_plan_vm_get_message       (SccPlanVm        *self);

/* The section's content as edited (or as read): JSON text */
const char    *scc_plan_vm_get_content       (SccPlanVm        *self,
                                              ScPlanSectionId   section);
void           scc_plan_vm_set_content       (SccPlanVm        *self,
                                              ScPlanSectionId   section,
                                              const char       *content);
gboolean       scc_plan_vm_get_dirty         (SccPlanVm        *self,
                                              ScPlanSectionId   section);
gboolean       scc_plan_vm_get_any_dirty     (SccPlanVm        *self);
/* The section someone else changed before a save, or SC_PLAN_SECTION_NONE */
ScPlanSectionId scc_plan_vm_get_conflict     (SccPlanVm        *self);
/* The refusal of the last save of @section (field errors), or NULL */
const GError  *scc_plan_vm_get_refusal       (SccPlanVm        *self,
                                              ScPlanSectionId   section);

/* The warnings of the draft as edited. (element-type ScPlanWarning) */
GPtrArray     *scc_plan_vm_get_warnings      (SccPlanVm        *self);
guint          scc_plan_vm_count_warnings    (SccPlanVm        *self,
                                              ScPlanSectionId   section);

/* Saves every changed section, one after the other; emits ::saved, or
 * ::failed (a conflict, a refusal or no server: the edits stay). */
void           scc_plan_vm_save              (SccPlanVm        *self);
/* After a conflict: reads the draft again for its versions, keeping the
 * edits, so that saving writes them over the other change. */
void           scc_plan_vm_reload_keeping    (SccPlanVm        *self);

/* The issued versions, first first. (element-type ScPlanVersion) */
GPtrArray     *scc_plan_vm_get_versions      (SccPlanVm        *self);
/* Issues the saved draft as @kind on @date ("YYYY-MM-DD"); emits
 * ::issued, or ::failed. */
void           scc_plan_vm_issue             (SccPlanVm        *self,
                                              ScPlanVersionKind kind,
                                              const char       *date);

void           scc_plan_vm_diff_async        (SccPlanVm           *self,
                                              gint64               from,
                                              gint64               to,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Returns: (transfer full) (element-type utf8) */
GPtrArray     *scc_plan_vm_diff_finish       (SccPlanVm           *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* Fetches version @number's PDF into the user's cache directory. */
void           scc_plan_vm_save_pdf_async    (SccPlanVm           *self,
                                              gint64               number,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Returns: (transfer full): the file written */
GFile         *scc_plan_vm_save_pdf_finish   (SccPlanVm           *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Forgets the case and every edit (sign-out) */
void           scc_plan_vm_clear             (SccPlanVm        *self);

G_END_DECLS
