/* scc-person-dialog.c
 *
 * SccPersonDialog: see scc-person-dialog.h. The rows are made here from
 * one table (field, title, group), SccFieldRows over the form's fields;
 * sex and preferred contact are choices, parental responsibility a
 * switch, each kept the same as its field both ways.
 *
 *   Save, Ctrl+S, Enter  submits; a failure puts the keyboard on the first
 *                        field in error
 *   a new person saved   ::saved, and the dialog closes
 *   a change saved       ::saved; the dialog stays on the record
 *   choosing             a new person saved, or Use That Person on a
 *                        duplicate: ::chosen with the person, and the
 *                        dialog closes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-field-row.h"
#include "scc-person-dialog.h"

typedef struct
{
  const char *field;
  const char *title;
  guint       group;
} Row;

static const char * const group_titles[] = {
  N_("Person"), N_("Identifiers"), N_("Address"), N_("Languages"), N_("Main Contact"),
};

static const Row rows[] = {
  { "given_name", N_("_Given Name"), 0 },
  { "family_name", N_("_Family Name"), 0 },
  { "preferred_name", N_("_Preferred Name"), 0 },
  { "date_of_birth", N_("_Date of Birth (YYYY-MM-DD)"), 0 },
  { "sex", NULL, 0 },
  { "upn", N_("_UPN"), 1 },
  { "uln", N_("U_LN"), 1 },
  { "nhs_number", N_("_NHS Number"), 1 },
  { "address.lines[0]", N_("Address Line _1"), 2 },
  { "address.lines[1]", N_("Address Line _2"), 2 },
  { "address.lines[2]", N_("Address Line _3"), 2 },
  { "address.town", N_("_Town"), 2 },
  { "address.postcode", N_("P_ostcode"), 2 },
  { "languages", N_("_Languages (comma-separated)"), 3 },
  { "contacts[0].name", N_("Contact _Name"), 4 },
  { "contacts[0].relationship", N_("_Relationship"), 4 },
  { "contacts[0].phone", N_("P_hone"), 4 },
  { "contacts[0].email", N_("_Email"), 4 },
  { "contacts[0].preferred_contact", NULL, 4 },
  { "contacts[0].parental_responsibility", NULL, 4 },
};

/* The choices of a choice row: the field's values, and what is shown. */
static const char * const sex_values[] = { "", "female", "male", "other", "not_known", NULL };
static const char * const sex_titles[] = { N_("Not Recorded"), N_("Female"), N_("Male"), N_("Other"), N_("Not Known"), NULL };
static const char * const preferred_values[] = { "", "phone", "email", "post", NULL };
static const char * const preferred_titles[] = { N_("No Preference"), N_("Phone"), N_("Email"), N_("Post"), NULL };

struct _SccPersonDialog
{
  AdwWindow        parent_instance;

  /* Owned */
  SccPersonFormVm *form;

  /* Children */
  AdwWindowTitle  *window_title;
  GtkLabel        *notice_label;
  GtkLabel        *error_label;
  GtkWidget       *duplicate_box;
  GtkLabel        *duplicate_label;
  GtkButton       *open_duplicate_button;
  GtkWidget       *form_box;

  gboolean         choosing;
};

enum {
  SAVED,
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SccPersonDialog, scc_person_dialog, ADW_TYPE_WINDOW)

static guint
value_index (const char * const *values,
             const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static gboolean
value_to_selected (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      values)
{
  g_value_set_uint (to, value_index (values, g_value_get_string (from)));
  return TRUE;
}

static gboolean
selected_to_value (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      values)
{
  guint selected = g_value_get_uint (from);

  if (selected >= g_strv_length ((char **)values))
    return FALSE;
  g_value_set_string (to, ((const char * const *)values)[selected]);
  return TRUE;
}

static gboolean
text_to_active (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_boolean (to, g_strcmp0 (g_value_get_string (from), "true") == 0);
  return TRUE;
}

static gboolean
active_to_text (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_string (to, g_value_get_boolean (from) ? "true" : "false");
  return TRUE;
}

static GtkWidget *
choice_row (SccFormVm          *form,
            const char         *field_name,
            const char         *title,
            const char * const *values,
            const char * const *titles)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *list = gtk_list_box_new ();
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  for (guint i = 0; titles[i] != NULL; i++)
    gtk_string_list_append (model, _(titles[i]));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_object_bind_property_full (scc_form_vm_lookup_field (form, field_name), "value", row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               value_to_selected, selected_to_value, (gpointer)values, NULL);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  return list;
}

static GtkWidget *
switch_row (SccFormVm  *form,
            const char *field_name,
            const char *title)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_object_bind_property_full (scc_form_vm_lookup_field (form, field_name), "value", toggle, "active",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               text_to_active, active_to_text, NULL, NULL);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return list;
}

static void
on_entry_activated_cb (SccPersonDialog *self)
{
  scc_form_vm_submit (SCC_FORM_VM (self->form));
}

static void
build_rows (SccPersonDialog *self)
{
  SccFormVm *form = SCC_FORM_VM (self->form);
  GtkWidget *groups[G_N_ELEMENTS (group_titles)];

  for (guint i = 0; i < G_N_ELEMENTS (group_titles); i++)
    {
      GtkWidget *title = gtk_label_new (_(group_titles[i]));

      groups[i] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (groups[i]), title);
      gtk_box_append (GTK_BOX (self->form_box), groups[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *widget;

      if (g_str_equal (rows[i].field, "sex"))
        widget = choice_row (form, "sex", _("_Sex"), sex_values, sex_titles);
      else if (g_str_equal (rows[i].field, "contacts[0].preferred_contact"))
        widget = choice_row (form, rows[i].field, _("Prefers _Contact By"), preferred_values, preferred_titles);
      else if (g_str_equal (rows[i].field, "contacts[0].parental_responsibility"))
        widget = switch_row (form, rows[i].field, _("Has Parental _Responsibility"));
      else
        {
          AdwEntryRow *entry;

          widget = g_object_new (SCC_TYPE_FIELD_ROW,
                                 "field-name", rows[i].field,
                                 "title", _(rows[i].title),
                                 "form", form,
                                 NULL);
          entry = scc_field_row_get_entry (SCC_FIELD_ROW (widget));
          adw_entry_row_set_activates_default (entry, FALSE);
          g_signal_connect_object (entry, "entry-activated", G_CALLBACK (on_entry_activated_cb), self,
                                   G_CONNECT_SWAPPED);
        }
      gtk_box_append (GTK_BOX (groups[rows[i].group]), widget);
    }
}

static void
on_failed_cb (SccPersonDialog *self)
{
  SccFormVm *form = SCC_FORM_VM (self->form);
  SccFormField *field = scc_form_vm_get_first_error (form);
  SccFieldRow *row;

  if (field != NULL &&
      (row = scc_field_row_find (GTK_WIDGET (self), form, scc_form_field_get_name (field))) != NULL)
    scc_field_row_focus (row);
}

static void
on_succeeded_cb (SccPersonDialog *self)
{
  gboolean created = scc_person_form_vm_get_person (self->form) == NULL;

  g_signal_emit (self, signals[SAVED], 0);
  if (created && self->choosing && scc_person_form_vm_get_created (self->form) != NULL)
    g_signal_emit (self, signals[CHOSEN], 0, scc_person_form_vm_get_created (self->form));
  if (created)
    gtk_window_close (GTK_WINDOW (self));
}

static void
update_title (SccPersonDialog *self)
{
  ScPerson *person = scc_person_form_vm_get_person (self->form);

  adw_window_title_set_title (self->window_title, person != NULL ? _("Person") : _("New Person"));
  adw_window_title_set_subtitle (self->window_title, person != NULL ? sc_person_get_display_name (person) : "");
}

static void
update_messages (SccPersonDialog *self)
{
  SccFormVm *form = SCC_FORM_VM (self->form);
  const char *notice = scc_form_vm_get_notice (form);
  const char *error = scc_form_vm_get_error_message (form);
  const char *duplicate = scc_person_form_vm_get_duplicate_message (self->form);

  gtk_label_set_label (self->notice_label, notice != NULL ? notice : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), notice != NULL && notice[0] != '\0');
  gtk_label_set_label (self->error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL && error[0] != '\0');
  gtk_label_set_label (self->duplicate_label, duplicate != NULL ? duplicate : "");
  gtk_widget_set_visible (self->duplicate_box, duplicate != NULL);
}

static void
on_duplicate_cb (SccPersonDialog *self)
{
  update_messages (self);
  /* The question is the next thing to answer. */
  if (scc_person_form_vm_get_duplicate (self->form) != NULL)
    gtk_widget_child_focus (self->duplicate_box, GTK_DIR_TAB_FORWARD);
}

static void
dialog_save_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  scc_form_vm_submit (SCC_FORM_VM (SCC_PERSON_DIALOG (widget)->form));
}

static void
dialog_open_duplicate_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  SccPersonDialog *self = SCC_PERSON_DIALOG (widget);
  g_autoptr(ScPerson) duplicate = NULL;

  if (scc_person_form_vm_get_duplicate (self->form) == NULL)
    return;
  duplicate = g_object_ref (scc_person_form_vm_get_duplicate (self->form));
  if (self->choosing)
    {
      g_signal_emit (self, signals[CHOSEN], 0, duplicate);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  scc_person_form_vm_set_person (self->form, duplicate);
  gtk_widget_child_focus (self->form_box, GTK_DIR_TAB_FORWARD);
}

static void
dialog_confirm_different_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  scc_person_form_vm_confirm_different (SCC_PERSON_DIALOG (widget)->form);
}

static GtkWidget *
message_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
action_button (const char *label,
               const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
scc_person_dialog_dispose (GObject *object)
{
  SccPersonDialog *self = (SccPersonDialog *)object;

  if (self->form != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->form, self);
      scc_form_vm_cancel (SCC_FORM_VM (self->form));
    }
  g_clear_object (&self->form);

  G_OBJECT_CLASS (scc_person_dialog_parent_class)->dispose (object);
}

static void
scc_person_dialog_class_init (SccPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scc_person_dialog_dispose;

  /**
   * SccPersonDialog::saved:
   *
   * A person was recorded or changed.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SccPersonDialog::chosen:
   * @person: the person recorded, or the one already recorded
   *
   * A choosing dialog's person: see scc_person_dialog_set_choosing.
   */
  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SC_TYPE_PERSON);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, dialog_save_action);
  gtk_widget_class_install_action (widget_class, "dialog.open-duplicate", NULL, dialog_open_duplicate_action);
  gtk_widget_class_install_action (widget_class, "dialog.confirm-different", NULL, dialog_confirm_different_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
scc_person_dialog_init (SccPersonDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *save = action_button (_("_Save"), "dialog.save");
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);

  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_("New Person"), ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), action_button (_("_Close"), "window.close"));
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_tooltip_text (save, _("Save (Ctrl+S)"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  self->notice_label = GTK_LABEL (message_label ("card"));
  gtk_widget_add_css_class (GTK_WIDGET (self->notice_label), "scc-notice");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notice_label), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notice"), -1);
  self->error_label = GTK_LABEL (message_label ("error"));

  self->duplicate_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (self->duplicate_box, "card");
  gtk_widget_add_css_class (self->duplicate_box, "scc-duplicate");
  gtk_widget_set_visible (self->duplicate_box, FALSE);
  self->duplicate_label = GTK_LABEL (message_label ("heading"));
  gtk_widget_set_visible (GTK_WIDGET (self->duplicate_label), TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->duplicate_label), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->duplicate_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->duplicate_label), 12);
  gtk_box_append (GTK_BOX (self->duplicate_box), GTK_WIDGET (self->duplicate_label));
  gtk_widget_set_margin_bottom (buttons, 12);
  gtk_widget_set_margin_start (buttons, 12);
  gtk_widget_set_margin_end (buttons, 12);
  self->open_duplicate_button = GTK_BUTTON (action_button (_("_Open That Person"), "dialog.open-duplicate"));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->open_duplicate_button));
  gtk_box_append (GTK_BOX (buttons), action_button (_("This Is a _Different Person"), "dialog.confirm-different"));
  gtk_box_append (GTK_BOX (self->duplicate_box), buttons);

  self->form_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->notice_label));
  gtk_box_append (GTK_BOX (content), self->duplicate_box);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (content), self->form_box);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 520);
  gtk_widget_set_margin_top (clamp, 18);
  gtk_widget_set_margin_bottom (clamp, 18);
  gtk_widget_set_margin_start (clamp, 18);
  gtk_widget_set_margin_end (clamp, 18);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * scc_person_dialog_new:
 *
 * Returns: (transfer none): the dialog, modal over @parent (which owns it)
 */
SccPersonDialog *
scc_person_dialog_new (GtkWindow    *parent,
                       SccApiClient *api_client,
                       ScPerson     *person)
{
  SccPersonDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);
  g_return_val_if_fail (!person || SC_IS_PERSON (person), NULL);

  self = g_object_new (SCC_TYPE_PERSON_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->form = scc_person_form_vm_new (api_client);
  scc_person_form_vm_set_person (self->form, person);
  build_rows (self);

  g_signal_connect_object (self->form, "failed", G_CALLBACK (on_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "succeeded", G_CALLBACK (on_succeeded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::person", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::notice", G_CALLBACK (update_messages), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::error-message", G_CALLBACK (update_messages), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::duplicate-message", G_CALLBACK (on_duplicate_cb), self, G_CONNECT_SWAPPED);
  update_title (self);
  update_messages (self);

  /* The keyboard starts in the first field. */
  scc_field_row_focus (scc_field_row_find (self->form_box, SCC_FORM_VM (self->form), "given_name"));
  return self;
}

/**
 * scc_person_dialog_get_form:
 *
 * Returns: (transfer none): the dialog's form
 */
SccPersonFormVm *
scc_person_dialog_get_form (SccPersonDialog *self)
{
  g_return_val_if_fail (SCC_IS_PERSON_DIALOG (self), NULL);
  return self->form;
}

/**
 * scc_person_dialog_set_choosing:
 *
 * The dialog chooses a person for another form: see ::chosen.
 */
void
scc_person_dialog_set_choosing (SccPersonDialog *self,
                                gboolean         choosing)
{
  g_return_if_fail (SCC_IS_PERSON_DIALOG (self));

  self->choosing = !!choosing;
  gtk_button_set_label (self->open_duplicate_button, choosing ? _("_Use That Person") : _("_Open That Person"));
}

/**
 * scc_person_dialog_get_duplicate_label:
 *
 * Returns: (transfer none): the sentence naming a possible duplicate
 */
GtkLabel *
scc_person_dialog_get_duplicate_label (SccPersonDialog *self)
{
  g_return_val_if_fail (SCC_IS_PERSON_DIALOG (self), NULL);
  return self->duplicate_label;
}

/**
 * scc_person_dialog_get_duplicate_box:
 *
 * Returns: (transfer none): the possible duplicate and its two choices
 */
GtkWidget *
scc_person_dialog_get_duplicate_box (SccPersonDialog *self)
{
  g_return_val_if_fail (SCC_IS_PERSON_DIALOG (self), NULL);
  return self->duplicate_box;
}
