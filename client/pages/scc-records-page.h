/* scc-records-page.h
 *
 * SccRecordsPage: the base of a case's page of records kept beside its
 * events (its annual reviews, its proceedings): a form at the top that
 * records on the record chosen in its combo row, and every record below
 * as an expander row with its dates, what is recorded and its warnings.
 * The page shows what its SccRecordFormVm holds: the choice follows the
 * list, and the rows are made again whenever the list arrives. Reading a
 * case's records is for everyone who reads the case; the form is for
 * caseworkers and team managers, hidden from the rest (hidden, not made
 * insensitive: a focused entry made insensitive loses the focus without
 * a focus-out).
 *
 * A subclass has a template naming (gtk_widget_class_bind_template_child_full,
 * by name) window_title (AdwWindowTitle), load_error_label (GtkLabel),
 * form_group (the form: an AdwPreferencesGroup, or a box of them),
 * records_group (AdwPreferencesGroup) and record_row
 * (AdwComboRow), and whose form's actions are "record.*" (record.submit)
 * and reload "records.reload"; Ctrl+S saves and Ctrl+R reads again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-page.h"
#include "scc-case-finder.h"
#include "scc-record-form-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_RECORDS_PAGE (scc_records_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (SccRecordsPage, scc_records_page, SCC, RECORDS_PAGE, SccPage)

struct _SccRecordsPageClass
{
  SccPageClass parent_class;

  SccRecordFormVm *(*form_new)      (SccApiClient    *api_client);
  /* The row of @record in the list */
  GtkWidget       *(*row_new)       (SccRecordsPage  *self,
                                     gconstpointer    record);
  /* (transfer full): its choice in the combo row */
  char            *(*choice_text)   (gconstpointer    record);
  /* Optional: the form now records on @record (NULL: none) */
  void             (*record_chosen) (SccRecordsPage  *self,
                                     gconstpointer    record);
  const char *empty_title;
  const char *empty_subtitle;
  const char *saved_toast;
  /* Who records: 1 << ScRole of each; 0 for caseworkers and team managers */
  guint       record_roles;
  /* Optional: the page is also a place, opened (from home, the menu)
   * on the team's records (SCC_RECORDS_OF_TEAM) with this subtitle */
  const char *team_subtitle;
  /* Optional: the records are disputes of this kind (complaint, appeal,
   * mediation): each row has Timeline, which opens it on its own page */
  const char *dispute_kind;
};

/* Opens page @page_name, an SccRecordsPage, on @case_id's records (or
 * SCC_RECORDS_OF_TEAM's) from the page @from is on; @child (nullable)
 * names the child in its title. */
void             scc_records_page_open           (GtkWidget      *from,
                                                  const char     *page_name,
                                                  gint64          case_id,
                                                  const char     *child);
/* The same, with the record @record_id chosen in its form */
void             scc_records_page_open_record    (GtkWidget      *from,
                                                  const char     *page_name,
                                                  gint64          case_id,
                                                  const char     *child,
                                                  gint64          record_id);
SccRecordFormVm *scc_records_page_get_view_model (SccRecordsPage *self);
/* In constructed: the page's second form, @log (its actions @prefix.*),
 * which starts a record of a case the user finds with @finder (the log's):
 * its template names log_group (shown to those who record), case_row (the
 * finder's SccFieldRow) and matches_box (a GtkListBox under it); the page
 * is "log-view-model", and scc_records_page_open() on a case puts the case
 * in the finder's field. */
void             scc_records_page_set_log_form   (SccRecordsPage *self,
                                                  const char     *prefix,
                                                  SccFormVm      *log,
                                                  SccCaseFinder  *finder);
/* (transfer none) (nullable): the log form */
SccFormVm       *scc_records_page_get_log_view_model (SccRecordsPage *self);
/* The signed-in user may record on the case's records: one of the class's
 * record_roles, by default a caseworker or a team manager (the case
 * itself may still refuse them) */
gboolean         scc_records_page_may_record     (SccRecordsPage *self);

/* For subclasses' rows: a fact of @expander (@icon nullable), its
 * warnings (ScWarning) as facts and a count, and a day or @none. */
void             scc_records_page_add_fact       (AdwExpanderRow *expander,
                                                  const char     *title,
                                                  const char     *value,
                                                  const char     *icon);
void             scc_records_page_add_warnings   (AdwExpanderRow *expander,
                                                  GPtrArray      *warnings);
char            *scc_records_page_day_or         (ScDay           day,
                                                  const char     *none);
/* Keeps @row's choice and the form's field @field_name the same both ways:
 * choice i is @values[i] (NULL-terminated; "" for none), shown as
 * @words[i] (translated already); a value not listed is choice 0. */
void             scc_records_page_bind_choice    (SccRecordsPage *self,
                                                  AdwComboRow    *row,
                                                  const char     *field_name,
                                                  const char * const *values,
                                                  const char * const *words);
/* The same for a field of another form of the page; bound again, the
 * row takes the new choices (they may follow the record chosen) */
void             scc_records_page_bind_form_choice (SccFormVm    *form,
                                                    AdwComboRow  *row,
                                                    const char   *field_name,
                                                    const char * const *values,
                                                    const char * const *words);

G_END_DECLS
