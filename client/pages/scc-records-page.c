/* scc-records-page.c
 *
 * SccRecordsPage: see scc-records-page.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-records-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-warning.h"
#include "scc-case-finder-view.h"
#include "scc-caseload-vm.h"
#include "scc-dispute-page.h"
#include "scc-dispute-words.h"
#include "scc-records-page.h"

typedef struct
{
  /* Owned */
  SccRecordFormVm     *view_model;
  GPtrArray           *rows;        /* AdwExpanderRow in records_group */
  gboolean             filling;     /* the combo row set from the list, not by the user */
  gboolean             opening;     /* opened by scc_records_page_open(), not from a place */
  SccFormVm           *log;         /* owned, nullable: the form a record is started with */
  SccCaseFinder       *finder;      /* borrowed: the log's */
  GtkWidget           *log_group;   /* borrowed: the subclass's template's */

  /* Borrowed: the subclass's template's */
  AdwWindowTitle      *window_title;
  GtkLabel            *load_error_label;
  GtkWidget           *form_group;  /* the form: a group, or a box of them */
  AdwComboRow         *record_row;
  AdwPreferencesGroup *records_group;
} SccRecordsPagePrivate;

enum {
  PROP_0,
  PROP_VIEW_MODEL,
  PROP_LOG_VIEW_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SccRecordsPage, scc_records_page, SCC_TYPE_PAGE)

#define GET_PRIV(self) ((SccRecordsPagePrivate *) scc_records_page_get_instance_private (self))

void
scc_records_page_add_fact (AdwExpanderRow *expander,
                           const char     *title,
                           const char     *value,
                           const char     *icon)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  if (icon != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  adw_expander_row_add_row (expander, row);
}

void
scc_records_page_add_warnings (AdwExpanderRow *expander,
                               GPtrArray      *warnings)
{
  if (warnings->len > 0)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (NULL, "%u warning", "%u warnings", warnings->len),
                                                warnings->len);
      GtkWidget *label = gtk_label_new (count);

      gtk_widget_add_css_class (label, "warning");
      adw_expander_row_add_action (expander, label);
    }
  for (guint i = 0; i < warnings->len; i++)
    scc_records_page_add_fact (expander, _("Warning"), ((ScWarning *) g_ptr_array_index (warnings, i))->message,
                               "dialog-warning-symbolic");
}

char *
scc_records_page_day_or (ScDay       day,
                         const char *none)
{
  return day != SC_DAY_NONE ? scc_case_format_day (day) : g_strdup (none);
}

gboolean
scc_records_page_may_record (SccRecordsPage *self)
{
  guint roles;

  g_return_val_if_fail (SCC_IS_RECORDS_PAGE (self), FALSE);
  roles = SCC_RECORDS_PAGE_GET_CLASS (self)->record_roles;
  return scc_page_user_in_roles (SCC_PAGE (self), roles != 0 ? roles
                                                             : (1u << SC_ROLE_CASEWORKER) | (1u << SC_ROLE_TEAM_MANAGER));
}

static void
update_form_shown (SccRecordsPage *self)
{
  SccRecordsPagePrivate *priv = GET_PRIV (self);
  GPtrArray *records = priv->view_model != NULL ? scc_record_form_vm_get_records (priv->view_model) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (priv->form_group),
                          scc_records_page_may_record (self) && records != NULL && records->len > 0);
}

static void
chosen (SccRecordsPage *self)
{
  SccRecordsPageClass *klass = SCC_RECORDS_PAGE_GET_CLASS (self);

  if (klass->record_chosen != NULL)
    klass->record_chosen (self, scc_record_form_vm_get_selected_record (GET_PRIV (self)->view_model));
}

/* Timeline: the dispute of the row on its own page */
static void
on_timeline_clicked_cb (GtkButton      *button,
                        SccRecordsPage *self)
{
  const gint64 *id = g_object_get_data (G_OBJECT (button), "scc-record-id");

  scc_dispute_page_open (GTK_WIDGET (self), SCC_RECORDS_PAGE_GET_CLASS (self)->dispute_kind, *id);
}

static void
add_timeline_button (SccRecordsPage *self,
                     GtkWidget      *row,
                     gconstpointer   record)
{
  GtkWidget *button;
  gint64 *id;

  if (SCC_RECORDS_PAGE_GET_CLASS (self)->dispute_kind == NULL || !ADW_IS_EXPANDER_ROW (row))
    return;
  button = gtk_button_new_with_label (_("Timeline"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Its own page: every step done or due, by its day"));
  id = g_new (gint64, 1);
  *id = scc_record_form_vm_get_record_id (GET_PRIV (self)->view_model, record);
  g_object_set_data_full (G_OBJECT (button), "scc-record-id", id, g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_timeline_clicked_cb), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
}

static void
on_records_cb (SccRecordsPage *self)
{
  SccRecordsPagePrivate *priv = GET_PRIV (self);
  SccRecordsPageClass *klass = SCC_RECORDS_PAGE_GET_CLASS (self);
  GPtrArray *records = scc_record_form_vm_get_records (priv->view_model);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  int selected = scc_record_form_vm_get_selected (priv->view_model);
  gboolean was_shown;

  for (guint i = 0; i < priv->rows->len; i++)
    adw_preferences_group_remove (priv->records_group, g_ptr_array_index (priv->rows, i));
  g_ptr_array_set_size (priv->rows, 0);
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      g_autofree char *choice = klass->choice_text (g_ptr_array_index (records, i));
      GtkWidget *row = klass->row_new (self, g_ptr_array_index (records, i));

      gtk_string_list_append (choices, choice);
      add_timeline_button (self, row, g_ptr_array_index (records, i));
      adw_preferences_group_add (priv->records_group, row);
      g_ptr_array_add (priv->rows, row);
    }
  if (records != NULL && records->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), klass->empty_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), klass->empty_subtitle);
      adw_preferences_group_add (priv->records_group, row);
      g_ptr_array_add (priv->rows, row);
    }
  priv->filling = TRUE;
  adw_combo_row_set_model (priv->record_row, G_LIST_MODEL (choices));
  if (selected >= 0)
    adw_combo_row_set_selected (priv->record_row, (guint) selected);
  priv->filling = FALSE;
  was_shown = gtk_widget_get_visible (GTK_WIDGET (priv->form_group));
  update_form_shown (self);
  /* the form appears once there is something to record on: to it, if the
   * page is the one in front */
  if (!was_shown && gtk_widget_get_visible (GTK_WIDGET (priv->form_group)) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (priv->record_row));
  chosen (self);
}

static void
on_load_error_cb (SccRecordsPage *self)
{
  const char *error = scc_record_form_vm_get_load_error (GET_PRIV (self)->view_model);

  gtk_label_set_text (GET_PRIV (self)->load_error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (GET_PRIV (self)->load_error_label), error != NULL);
}

static void
on_record_selected_cb (SccRecordsPage *self)
{
  SccRecordsPagePrivate *priv = GET_PRIV (self);
  guint selected = adw_combo_row_get_selected (priv->record_row);
  GPtrArray *records = priv->view_model != NULL ? scc_record_form_vm_get_records (priv->view_model) : NULL;

  if (priv->filling || records == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= records->len)
    return;
  scc_record_form_vm_select (priv->view_model, selected);
  chosen (self);
}

static void
records_reload_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SccRecordFormVm *view_model = GET_PRIV (SCC_RECORDS_PAGE (widget))->view_model;

  if (scc_record_form_vm_get_case_id (view_model) != 0)
    scc_record_form_vm_load (view_model, scc_record_form_vm_get_case_id (view_model));
}

static void
on_saved_cb (SccRecordsPage *self)
{
  scc_page_show_toast (SCC_PAGE (self), SCC_RECORDS_PAGE_GET_CLASS (self)->saved_toast, NULL, NULL);
}

static gpointer
template_child (SccRecordsPage *self,
                const char     *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (self), G_OBJECT_TYPE (self), name);

  g_assert (child != NULL);
  return child;
}

static void
scc_records_page_constructed (GObject *object)
{
  SccRecordsPage *self = (SccRecordsPage *)object;
  SccRecordsPagePrivate *priv = GET_PRIV (self);

  G_OBJECT_CLASS (scc_records_page_parent_class)->constructed (object);

  priv->window_title = template_child (self, "window_title");
  priv->load_error_label = template_child (self, "load_error_label");
  priv->form_group = template_child (self, "form_group");
  priv->record_row = template_child (self, "record_row");
  priv->records_group = template_child (self, "records_group");
  priv->view_model = SCC_RECORDS_PAGE_GET_CLASS (self)->form_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_page_add_form (SCC_PAGE (self), "record", SCC_FORM_VM (priv->view_model));
  g_signal_connect_object (priv->view_model, "notify::records", G_CALLBACK (on_records_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->view_model, "notify::load-error", G_CALLBACK (on_load_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->view_model, "succeeded", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->record_row, "notify::selected", G_CALLBACK (on_record_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::user", G_CALLBACK (update_form_shown), NULL);
  update_form_shown (self);
  g_object_notify_by_pspec (object, properties[PROP_VIEW_MODEL]);
}

static void
scc_records_page_dispose (GObject *object)
{
  SccRecordsPagePrivate *priv = GET_PRIV (SCC_RECORDS_PAGE (object));

  gtk_widget_dispose_template (GTK_WIDGET (object), G_OBJECT_TYPE (object));

  G_OBJECT_CLASS (scc_records_page_parent_class)->dispose (object);

  g_clear_object (&priv->view_model);
  g_clear_object (&priv->log);
  g_clear_pointer (&priv->rows, g_ptr_array_unref);
}

static void
scc_records_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SccRecordsPage *self = SCC_RECORDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW_MODEL:
      g_value_set_object (value, GET_PRIV (self)->view_model);
      break;
    case PROP_LOG_VIEW_MODEL:
      g_value_set_object (value, GET_PRIV (self)->log);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The next user sees no child's name: the form and its records go with
 * the default, the name in the title here */
static void
scc_records_page_clear (SccPage *page)
{
  SCC_PAGE_CLASS (scc_records_page_parent_class)->clear (page);
  adw_window_title_set_subtitle (GET_PRIV (SCC_RECORDS_PAGE (page))->window_title, "");
}

static void
update_log_shown (SccRecordsPage *self)
{
  SccRecordsPagePrivate *priv = GET_PRIV (self);

  if (priv->log_group != NULL)
    gtk_widget_set_visible (priv->log_group, scc_records_page_may_record (self));
}

void
scc_records_page_set_log_form (SccRecordsPage *self,
                               const char     *prefix,
                               SccFormVm      *log,
                               SccCaseFinder  *finder)
{
  SccRecordsPagePrivate *priv;

  g_return_if_fail (SCC_IS_RECORDS_PAGE (self));
  g_return_if_fail (SCC_IS_FORM_VM (log));
  g_return_if_fail (SCC_IS_CASE_FINDER (finder));

  priv = GET_PRIV (self);
  g_return_if_fail (priv->log == NULL);
  priv->log = g_object_ref (log);
  priv->finder = finder;
  priv->log_group = template_child (self, "log_group");
  scc_page_add_form (SCC_PAGE (self), prefix, log);
  scc_case_finder_view_attach (finder, template_child (self, "case_row"), template_child (self, "matches_box"));
  g_signal_connect (self, "notify::user", G_CALLBACK (update_log_shown), NULL);
  update_log_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOG_VIEW_MODEL]);
}

SccFormVm *
scc_records_page_get_log_view_model (SccRecordsPage *self)
{
  g_return_val_if_fail (SCC_IS_RECORDS_PAGE (self), NULL);
  return GET_PRIV (self)->log;
}

/* From a place (home, the menu) a page that has a team_subtitle shows the
 * team's records; from scc_records_page_open() the case's it was given */
static void
scc_records_page_opened (SccPage *page)
{
  SccRecordsPagePrivate *priv = GET_PRIV (SCC_RECORDS_PAGE (page));
  const char *team = SCC_RECORDS_PAGE_GET_CLASS (page)->team_subtitle;

  if (!priv->opening && team != NULL)
    {
      adw_window_title_set_subtitle (priv->window_title, team);
      scc_record_form_vm_load (priv->view_model, SCC_RECORDS_OF_TEAM);
    }
  priv->opening = FALSE;
}

static void
scc_records_page_class_init (SccRecordsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_records_page_constructed;
  object_class->dispose = scc_records_page_dispose;
  object_class->get_property = scc_records_page_get_property;
  page_class->clear = scc_records_page_clear;
  page_class->opened = scc_records_page_opened;

  properties[PROP_VIEW_MODEL] = g_param_spec_object ("view-model", NULL, NULL, SCC_TYPE_RECORD_FORM_VM,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOG_VIEW_MODEL] = g_param_spec_object ("log-view-model", NULL, NULL, SCC_TYPE_FORM_VM,
                                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "records.reload", NULL, records_reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "records.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "record.submit", NULL);
}

static void
scc_records_page_init (SccRecordsPage *self)
{
  GET_PRIV (self)->rows = g_ptr_array_new ();
}

void
scc_records_page_open (GtkWidget  *from,
                       const char *page_name,
                       gint64      case_id,
                       const char *child)
{
  scc_records_page_open_record (from, page_name, case_id, child, 0);
}

void
scc_records_page_open_record (GtkWidget  *from,
                              const char *page_name,
                              gint64      case_id,
                              const char *child,
                              gint64      record_id)
{
  SccPage *page;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (case_id > 0 || case_id == SCC_RECORDS_OF_TEAM);

  if (!SCC_IS_RECORDS_PAGE ((page = scc_page_find (from, page_name))))
    return;
  adw_window_title_set_subtitle (GET_PRIV (SCC_RECORDS_PAGE (page))->window_title, child != NULL ? child : "");
  /* one started from here is about this child */
  if (GET_PRIV (SCC_RECORDS_PAGE (page))->finder != NULL && case_id > 0 && child != NULL)
    scc_case_finder_set_case (GET_PRIV (SCC_RECORDS_PAGE (page))->finder, case_id, child);
  scc_record_form_vm_load_choosing (GET_PRIV (SCC_RECORDS_PAGE (page))->view_model, case_id, record_id);
  GET_PRIV (SCC_RECORDS_PAGE (page))->opening = TRUE;
  gtk_widget_activate_action (from, "win.open-page", "s", page_name);
  GET_PRIV (SCC_RECORDS_PAGE (page))->opening = FALSE;
}

SccRecordFormVm *
scc_records_page_get_view_model (SccRecordsPage *self)
{
  g_return_val_if_fail (SCC_IS_RECORDS_PAGE (self), NULL);
  return GET_PRIV (self)->view_model;
}

/* --- a combo row kept as a field ------------------------------------------ */

typedef struct
{
  SccFormField *field;    /* owned */
  AdwComboRow  *row;      /* borrowed: the binding is its data */
  GStrv         values;
  char         *subtitle; /* the row's own, shown when there is no error */
  gboolean      syncing;  /* the row set from the field */
} ChoiceBinding;

static void
choice_binding_free (ChoiceBinding *binding)
{
  g_signal_handlers_disconnect_by_data (binding->field, binding);
  g_object_unref (binding->field);
  g_strfreev (binding->values);
  g_free (binding->subtitle);
  g_free (binding);
}

static void
on_choice_field_cb (ChoiceBinding *binding)
{
  const char *value = scc_form_field_get_value (binding->field);
  guint choice = 0;

  for (guint i = 0; binding->values[i] != NULL; i++)
    if (g_strcmp0 (binding->values[i], value) == 0)
      choice = i;
  binding->syncing = TRUE;
  adw_combo_row_set_selected (binding->row, choice);
  binding->syncing = FALSE;
}

/* A choice's error is said under its title, as an SccFieldRow says its own */
static void
on_choice_error_cb (ChoiceBinding *binding)
{
  const char *error = scc_form_field_get_error_text (binding->field);
  const char *own = binding->subtitle != NULL ? binding->subtitle : "";

  adw_action_row_set_subtitle (ADW_ACTION_ROW (binding->row), error != NULL ? error : own);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (binding->row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (binding->row), "error");
}

static void
on_choice_row_cb (ChoiceBinding *binding)
{
  guint choice = adw_combo_row_get_selected (binding->row);

  if (binding->syncing || choice == GTK_INVALID_LIST_POSITION || choice >= g_strv_length (binding->values))
    return;
  scc_form_field_set_value (binding->field, binding->values[choice]);
}

void
scc_records_page_bind_choice (SccRecordsPage      *self,
                              AdwComboRow         *row,
                              const char          *field_name,
                              const char * const  *values,
                              const char * const  *words)
{
  g_return_if_fail (SCC_IS_RECORDS_PAGE (self));
  scc_records_page_bind_form_choice (SCC_FORM_VM (GET_PRIV (self)->view_model), row, field_name, values, words);
}

void
scc_records_page_bind_form_choice (SccFormVm           *form,
                                   AdwComboRow         *row,
                                   const char          *field_name,
                                   const char * const  *values,
                                   const char * const  *words)
{
  g_autoptr(GtkStringList) list = NULL;
  ChoiceBinding *binding;
  SccFormField *field;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (SCC_IS_FORM_VM (form));
  field = scc_form_vm_lookup_field (form, field_name);
  g_return_if_fail (field != NULL);

  /* bound again (its choices change with the record): the row forgets the old */
  binding = g_object_get_data (G_OBJECT (row), "scc-choice-binding");
  if (binding != NULL)
    g_signal_handlers_disconnect_by_data (row, binding);
  subtitle = g_strdup (binding != NULL ? binding->subtitle : adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  binding = g_new0 (ChoiceBinding, 1);
  binding->field = g_object_ref (field);
  binding->row = row;
  binding->values = g_strdupv ((char **) values);
  binding->subtitle = g_steal_pointer (&subtitle);
  list = gtk_string_list_new (words);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  g_signal_connect_swapped (field, "notify::value", G_CALLBACK (on_choice_field_cb), binding);
  g_signal_connect_swapped (field, "notify::error", G_CALLBACK (on_choice_error_cb), binding);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_choice_row_cb), binding);
  g_object_set_data_full (G_OBJECT (row), "scc-choice-binding", binding, (GDestroyNotify) choice_binding_free);
  on_choice_field_cb (binding);
}
