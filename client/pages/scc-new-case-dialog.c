/* scc-new-case-dialog.c
 *
 * SccNewCaseDialog: see scc-new-case-dialog.h. The template holds both
 * steps in a GtkStack; the form's commands are inserted as "form"
 * (form.submit is Create, disabled while busy; form.retry is Try Again).
 * The source is not text, so its choice row is bound to its field here,
 * and the captions under the person and the source follow their fields'
 * errors as an SccFieldRow's caption does.
 *
 *   search typed      the people found once the typing pauses
 *   Down in search    the keyboard to the people found
 *   Enter in search   the only one found is chosen; otherwise search now
 *                     and go to the people found
 *   Enter on a row    that person is chosen: the request step, the
 *                     keyboard on Who Sent the Request
 *   Enter in the date, Ctrl+Enter   Create
 *   a failure         the keyboard to the first field in error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-new-case-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-case-page.h"
#include "scc-field-row.h"
#include "scc-list-view.h"
#include "scc-new-case-dialog.h"
#include "scc-person-forms.h"

static char *
format_name (gpointer item)
{
  return scc_person_format_list_name (item);
}

static char *
format_date_of_birth (gpointer item)
{
  return scc_person_format_date (sc_person_get_date_of_birth (item));
}

static const SccListColumn columns[] = {
  { N_("Name"),          "family-name",   SCC_LIST_COLUMN_TEXT, TRUE, format_name },
  { N_("Date of Birth"), "date-of-birth", SCC_LIST_COLUMN_TEXT, FALSE, format_date_of_birth },
  { N_("UPN"),           "upn",           SCC_LIST_COLUMN_TEXT, FALSE, NULL },
};

struct _SccNewCaseDialog
{
  AdwWindow        parent_instance;

  /* Owned */
  SccApiClient    *api_client;
  SccNewCaseVm    *form;
  SccPersonListVm *people;
  GWeakRef         person_dialog;
  gint64           user_id;   /* who opens the case, 0 if no one */

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  GtkSearchEntry  *search_entry;
  SccListView     *list_view;
  AdwActionRow    *person_row;
  GtkWidget       *change_button;
  GtkLabel        *person_error_label;
  AdwComboRow     *source_row;
  GtkLabel        *source_error_label;
  SccFieldRow     *date_row;
};

enum {
  PROP_0,
  PROP_FORM,
  N_PROPS
};

enum {
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SccNewCaseDialog, scc_new_case_dialog, ADW_TYPE_WINDOW)

/* The source row's choices: nothing chosen, then the API's sources. */
static guint
source_index (const char *value)
{
  for (guint i = 0; sc_case_request_sources[i] != NULL; i++)
    if (g_strcmp0 (sc_case_request_sources[i], value) == 0)
      return i + 1;
  return 0;
}

static gboolean
value_to_selected (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  g_value_set_uint (to, source_index (g_value_get_string (from)));
  return TRUE;
}

static gboolean
selected_to_value (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  guint selected = g_value_get_uint (from);

  if (selected == 0 || selected > g_strv_length ((char **) sc_case_request_sources))
    g_value_set_string (to, "");
  else
    g_value_set_string (to, sc_case_request_sources[selected - 1]);
  return TRUE;
}

/* A caption under a row that is not an SccFieldRow, following @field's
 * error (update_row_errors marks the row). */
static void
bind_caption (SccFormField *field,
              GtkLabel     *label)
{
  g_object_bind_property (field, "error-text", label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (field, "has-error", label, "visible", G_BINDING_SYNC_CREATE);
}

static void
update_row_errors (SccNewCaseDialog *self)
{
  SccFormVm *form = SCC_FORM_VM (self->form);
  struct { const char *field; GtkWidget *row; GtkLabel *label; } rows[] = {
    { "person_id", GTK_WIDGET (self->person_row), self->person_error_label },
    { "request_source", GTK_WIDGET (self->source_row), self->source_error_label },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gboolean has = scc_form_vm_get_field_error (form, rows[i].field) != NULL;

      if (has)
        gtk_widget_add_css_class (rows[i].row, "error");
      else
        gtk_widget_remove_css_class (rows[i].row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (rows[i].row), GTK_ACCESSIBLE_STATE_INVALID,
                                   has ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (rows[i].row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      rows[i].label, NULL, -1);
    }
}

static void
show_step (SccNewCaseDialog *self,
           const char       *step)
{
  gboolean request = g_str_equal (step, "request");

  gtk_stack_set_visible_child_name (self->stack, step);
  adw_window_title_set_subtitle (self->window_title,
                                 request ? _("The Request") : _("Find the Child or Young Person"));
  gtk_widget_set_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SCC_TYPE_NEW_CASE_DIALOG,
                                                                     "create_button")), request);
  if (request)
    gtk_widget_grab_focus (GTK_WIDGET (self->source_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
update_person (SccNewCaseDialog *self)
{
  ScPerson *person = scc_new_case_vm_get_person (self->form);
  g_autofree char *name = NULL;
  g_autofree char *born = NULL;
  g_autofree char *subtitle = NULL;
  const char *upn;

  if (person == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->person_row), _("No one chosen yet"));
      adw_action_row_set_subtitle (self->person_row, "");
      return;
    }
  name = scc_person_format_list_name (person);
  born = scc_person_format_date (sc_person_get_date_of_birth (person));
  upn = sc_person_get_upn (person);
  if (upn != NULL && upn[0] != '\0')
    subtitle = g_strdup_printf (_("Born %s · UPN %s"), born, upn);
  else
    subtitle = g_strdup_printf (_("Born %s"), born);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->person_row), name);
  adw_action_row_set_subtitle (self->person_row, subtitle);
}

static void
choose (SccNewCaseDialog *self,
        ScPerson         *person)
{
  scc_new_case_vm_set_person (self->form, person);
  show_step (self, "request");
}

static void
on_search_changed_cb (SccNewCaseDialog *self)
{
  if (self->people != NULL)
    scc_list_vm_set_query_typed (SCC_LIST_VM (self->people),
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate_cb (SccNewCaseDialog *self)
{
  SccListVm *list = SCC_LIST_VM (self->people);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  /* What is shown answers what is typed: the one person found is chosen. */
  if (!scc_list_vm_get_query_pending (list) && !scc_list_vm_get_loading (list) &&
      g_strcmp0 (scc_list_vm_get_query (list), stripped[0] != '\0' ? stripped : NULL) == 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (list)) == 1)
    {
      g_autoptr(ScPerson) only = g_list_model_get_item (G_LIST_MODEL (list), 0);

      choose (self, only);
      return;
    }
  scc_list_vm_set_query (SCC_LIST_VM (self->people), text);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_stop_search_cb (SccNewCaseDialog *self)
{
  /* Escape in the search closes the dialog, as it does elsewhere in it. */
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
on_search_key_cb (SccNewCaseDialog      *self,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  GtkEventControllerKey *controller)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->people)) == 0)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return TRUE;
}

static void
on_item_activated_cb (SccNewCaseDialog *self,
                      ScPerson         *person)
{
  g_assert (SCC_IS_NEW_CASE_DIALOG (self));

  choose (self, person);
}

static void
on_person_chosen_cb (SccNewCaseDialog *self,
                     ScPerson         *person)
{
  scc_list_vm_reload (SCC_LIST_VM (self->people));
  choose (self, person);
}

static void
dialog_new_person_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SccNewCaseDialog *self = SCC_NEW_CASE_DIALOG (widget);
  g_autoptr(GtkWindow) open = g_weak_ref_get (&self->person_dialog);
  SccPersonDialog *dialog;

  if (open != NULL)
    gtk_window_destroy (open);
  dialog = scc_person_dialog_new (GTK_WINDOW (self), self->api_client, NULL);
  scc_person_dialog_set_choosing (dialog, TRUE);
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (on_person_chosen_cb), self, G_CONNECT_SWAPPED);
  g_weak_ref_set (&self->person_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dialog_change_person_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  show_step (SCC_NEW_CASE_DIALOG (widget), "person");
}

static void
dialog_create_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SccNewCaseDialog *self = SCC_NEW_CASE_DIALOG (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "request"))
    scc_form_vm_submit (SCC_FORM_VM (self->form));
}

static void
on_date_activated_cb (SccNewCaseDialog *self)
{
  scc_form_vm_submit (SCC_FORM_VM (self->form));
}

static void
on_failed_cb (SccNewCaseDialog *self)
{
  SccFormField *field = scc_form_vm_get_first_error (SCC_FORM_VM (self->form));
  const char *name = field != NULL ? scc_form_field_get_name (field) : NULL;

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "request"))
    show_step (self, "request");
  if (g_strcmp0 (name, "person_id") == 0)
    gtk_widget_grab_focus (self->change_button);
  else if (g_strcmp0 (name, "request_source") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->source_row));
  else if (g_strcmp0 (name, "request_received") == 0)
    scc_field_row_focus (self->date_row);
}

static void
on_succeeded_cb (SccNewCaseDialog *self)
{
  ScCase *kase = scc_new_case_vm_get_created (self->form);

  g_object_ref (self);
  if (kase != NULL)
    g_signal_emit (self, signals[CREATED], 0, kase);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
on_busy_cb (SccNewCaseDialog *self)
{
  gboolean busy = scc_form_vm_get_busy (SCC_FORM_VM (self->form));

  /* Nothing changes under a request on its way; the entry is read-only
   * (SccFieldRow), the rows that are not text are held still here. */
  gtk_widget_set_sensitive (self->change_button, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_row), !busy);
}

static void
scc_new_case_dialog_dispose (GObject *object)
{
  SccNewCaseDialog *self = (SccNewCaseDialog *)object;

  if (self->form != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->form, self);
      scc_form_vm_cancel (SCC_FORM_VM (self->form));
    }
  if (self->people != NULL)
    scc_list_vm_cancel (SCC_LIST_VM (self->people));
  g_weak_ref_set (&self->person_dialog, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_NEW_CASE_DIALOG);
  g_clear_object (&self->form);
  g_clear_object (&self->people);
  g_clear_object (&self->api_client);

  G_OBJECT_CLASS (scc_new_case_dialog_parent_class)->dispose (object);
}

static void
scc_new_case_dialog_finalize (GObject *object)
{
  g_weak_ref_clear (&SCC_NEW_CASE_DIALOG (object)->person_dialog);

  G_OBJECT_CLASS (scc_new_case_dialog_parent_class)->finalize (object);
}

static void
scc_new_case_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SccNewCaseDialog *self = SCC_NEW_CASE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FORM:
      g_value_set_object (value, self->form);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_new_case_dialog_class_init (SccNewCaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scc_new_case_dialog_dispose;
  object_class->finalize = scc_new_case_dialog_finalize;
  object_class->get_property = scc_new_case_dialog_get_property;

  properties[PROP_FORM] =
    g_param_spec_object ("form", NULL, NULL, SCC_TYPE_FORM_VM,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SccNewCaseDialog::created:
   * @kase: the case opened
   */
  signals[CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SC_TYPE_CASE);

  gtk_widget_class_install_action (widget_class, "dialog.new-person", NULL, dialog_new_person_action);
  gtk_widget_class_install_action (widget_class, "dialog.change-person", NULL, dialog_change_person_action);
  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, dialog_create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "dialog.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (SCC_TYPE_FIELD_ROW);
  g_type_ensure (SCC_TYPE_LIST_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-new-case-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SccNewCaseDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SccNewCaseDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SccNewCaseDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SccNewCaseDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, SccNewCaseDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, SccNewCaseDialog, change_button);
  gtk_widget_class_bind_template_child (widget_class, SccNewCaseDialog, person_error_label);
  gtk_widget_class_bind_template_child (widget_class, SccNewCaseDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, SccNewCaseDialog, source_error_label);
  gtk_widget_class_bind_template_child (widget_class, SccNewCaseDialog, date_row);
  gtk_widget_class_bind_template_child_full (widget_class, "create_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
}

static void
scc_new_case_dialog_init (SccNewCaseDialog *self)
{
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_weak_ref_init (&self->person_dialog, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (sources, _("Not chosen yet"));
  for (guint i = 0; scc_request_source_titles[i] != NULL; i++)
    gtk_string_list_append (sources, _(scc_request_source_titles[i]));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (sources));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_search_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  scc_list_view_add_columns (self->list_view, SC_TYPE_PERSON, columns, G_N_ELEMENTS (columns));
}

SccNewCaseDialog *
scc_new_case_dialog_new (GtkWindow    *parent,
                         SccApiClient *api_client,
                         ScUser       *user,
                         ScPerson     *person)
{
  SccNewCaseDialog *self;
  AdwEntryRow *entry;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);
  g_return_val_if_fail (!user || SC_IS_USER (user), NULL);
  g_return_val_if_fail (!person || SC_IS_PERSON (person), NULL);

  self = g_object_new (SCC_TYPE_NEW_CASE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->api_client = g_object_ref (api_client);
  self->user_id = user != NULL ? sc_user_get_id (user) : 0;
  self->form = scc_new_case_vm_new (api_client);
  /* A team manager names the owner: here, themselves (docs/access.md). */
  if (user != NULL && sc_user_get_role (user) == SC_ROLE_TEAM_MANAGER)
    scc_new_case_vm_set_owner_id (self->form, sc_user_get_id (user));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORM]);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "form", scc_form_vm_get_actions (SCC_FORM_VM (self->form)));

  self->people = scc_person_list_vm_new (api_client);
  scc_list_view_set_list (self->list_view, SCC_LIST_VM (self->people));
  scc_list_vm_reload (SCC_LIST_VM (self->people));

  g_object_bind_property_full (scc_form_vm_lookup_field (SCC_FORM_VM (self->form), "request_source"), "value",
                               self->source_row, "selected", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               value_to_selected, selected_to_value, NULL, NULL);
  bind_caption (scc_form_vm_lookup_field (SCC_FORM_VM (self->form), "person_id"), self->person_error_label);
  bind_caption (scc_form_vm_lookup_field (SCC_FORM_VM (self->form), "request_source"), self->source_error_label);
  g_signal_connect_object (scc_form_vm_lookup_field (SCC_FORM_VM (self->form), "person_id"), "notify::has-error",
                           G_CALLBACK (update_row_errors), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scc_form_vm_lookup_field (SCC_FORM_VM (self->form), "request_source"), "notify::has-error",
                           G_CALLBACK (update_row_errors), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->form, "notify::person", G_CALLBACK (update_person), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::busy", G_CALLBACK (on_busy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "failed", G_CALLBACK (on_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "succeeded", G_CALLBACK (on_succeeded_cb), self, G_CONNECT_SWAPPED);

  entry = scc_field_row_get_entry (self->date_row);
  adw_entry_row_set_activates_default (entry, FALSE);
  g_signal_connect_object (entry, "entry-activated", G_CALLBACK (on_date_activated_cb), self, G_CONNECT_SWAPPED);

  update_person (self);
  update_row_errors (self);
  /* The keyboard starts where the first thing is to do. */
  if (person != NULL)
    choose (self, person);
  else
    show_step (self, "person");
  return self;
}

static void
on_created_cb (SccNewCaseDialog *dialog,
               ScCase           *kase,
               SccPage          *page)
{
  const ScCasePerson *person = sc_case_get_person (kase);
  g_autofree char *title = NULL;

  g_debug ("case %" G_GINT64_FORMAT " opened", sc_case_get_id (kase));
  title = g_strdup_printf (_("A case has been opened for %s %s."), person->given_name, person->family_name);
  scc_case_page_open (GTK_WIDGET (page), sc_case_get_id (kase));
  scc_page_show_toast (page, title, NULL, NULL);
}

static void
on_page_user_cb (SccNewCaseDialog *self,
                 GParamSpec       *pspec,
                 SccPage          *page)
{
  ScUser *user = scc_page_get_user (page);

  /* What was typed was for a session that is over: a sign-out, or someone
   * else. The same user back after their session ended carries on. */
  if (user == NULL || sc_user_get_id (user) != self->user_id)
    gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * scc_new_case_dialog_present:
 * @person: (nullable): the person the case is for, if known
 *
 * Returns: (transfer none): the dialog, modal over @from's window
 */
SccNewCaseDialog *
scc_new_case_dialog_present (SccPage  *from,
                             ScPerson *person)
{
  GtkRoot *root;
  SccNewCaseDialog *dialog;

  g_return_val_if_fail (SCC_IS_PAGE (from), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (from));
  dialog = scc_new_case_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    scc_page_get_api_client (from), scc_page_get_user (from), person);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_created_cb), from, 0);
  g_signal_connect_object (from, "notify::user", G_CALLBACK (on_page_user_cb), dialog, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

gboolean
scc_new_case_dialog_allows (ScUser *user)
{
  ScRole role;

  g_return_val_if_fail (!user || SC_IS_USER (user), FALSE);

  role = user != NULL ? sc_user_get_role (user) : SC_ROLE_NONE;
  return role == SC_ROLE_CASEWORKER || role == SC_ROLE_TEAM_MANAGER;
}

/**
 * scc_new_case_dialog_get_form:
 *
 * Returns: (transfer none): the dialog's form
 */
SccNewCaseVm *
scc_new_case_dialog_get_form (SccNewCaseDialog *self)
{
  g_return_val_if_fail (SCC_IS_NEW_CASE_DIALOG (self), NULL);
  return self->form;
}

/**
 * scc_new_case_dialog_get_people:
 *
 * Returns: (transfer none): the people found by the search
 */
SccPersonListVm *
scc_new_case_dialog_get_people (SccNewCaseDialog *self)
{
  g_return_val_if_fail (SCC_IS_NEW_CASE_DIALOG (self), NULL);
  return self->people;
}

/**
 * scc_new_case_dialog_get_search:
 *
 * Returns: (transfer none): the search entry
 */
GtkEditable *
scc_new_case_dialog_get_search (SccNewCaseDialog *self)
{
  g_return_val_if_fail (SCC_IS_NEW_CASE_DIALOG (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

const char *
scc_new_case_dialog_get_step (SccNewCaseDialog *self)
{
  g_return_val_if_fail (SCC_IS_NEW_CASE_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * scc_new_case_dialog_get_person_dialog:
 *
 * Returns: (transfer none) (nullable): the person form open over the dialog
 */
SccPersonDialog *
scc_new_case_dialog_get_person_dialog (SccNewCaseDialog *self)
{
  g_autoptr(GtkWindow) open = NULL;

  g_return_val_if_fail (SCC_IS_NEW_CASE_DIALOG (self), NULL);

  open = g_weak_ref_get (&self->person_dialog);
  /* The application keeps it while it is open. */
  return open != NULL ? SCC_PERSON_DIALOG (open) : NULL;
}

/**
 * scc_new_case_dialog_get_child:
 *
 * Returns: (transfer none) (nullable): the template child @id
 */
GtkWidget *
scc_new_case_dialog_get_child (SccNewCaseDialog *self,
                               const char       *id)
{
  g_return_val_if_fail (SCC_IS_NEW_CASE_DIALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SCC_TYPE_NEW_CASE_DIALOG, id));
}
