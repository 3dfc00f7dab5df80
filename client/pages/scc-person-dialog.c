/* scc-person-dialog.c
 *
 * SccPersonDialog: see scc-person-dialog.h. The rows are made here from
 * one table (field, title, group), SccFieldRows over the form's fields;
 * sex and preferred contact are choices, parental responsibility a
 * switch, each kept the same as its field both ways, with the field's
 * error under it.
 *
 * The contacts are the form's group "contacts": one card of rows per
 * element, made or dropped at the end as the group grows or shrinks
 * (::group-changed), each row bound to contacts[N].member. The values move
 * between the cards, not the cards themselves, so card N always shows
 * contacts[N] and the server's errors about it.
 *
 *   Add Contact (Alt+A)  a new empty contact at the end, the keyboard in
 *                        its name; not offered at the limit
 *   Remove Contact       the contact goes; a toast offers Undo, also
 *                        Ctrl+Z while it shows (taken before the entries,
 *                        whose own Ctrl+Z undoes typing otherwise), which
 *                        puts it back where it was
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
  N_("Person"), N_("Identifiers"), N_("Address"), N_("Languages"),
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
};

/* The rows of one contact, in Tab order. The mnemonics are the first
 * contact's: a mnemonic shared by several rows would always go to the first
 * (an entry row's text, not its title, takes the focus, so GTK cannot
 * cycle), so the others are reached by Tab. */
static const Row contact_rows[] = {
  { "name", N_("Na_me"), 0 },
  { "relationship", N_("_Relationship"), 0 },
  { "phone", N_("P_hone"), 0 },
  { "email", N_("_Email"), 0 },
  { "preferred_contact", N_("Prefers Contact _By"), 0 },
  { "parental_responsibility", N_("Has Parental Respons_ibility"), 0 },
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
  GtkScrolledWindow *scrolled;
  AdwToastOverlay *toast_overlay;
  GtkWidget       *contacts_box;
  GtkWidget       *no_contacts_label;
  GtkWidget       *add_contact_button;

  /* Borrowed: the cards in contacts_box, card N for contacts[N] */
  GPtrArray       *contact_cards;

  /* The last contact removed, while its toast offers Undo */
  AdwToast        *undo_toast;
  GStrv            undo_values;
  guint            undo_index;

  guint            scroll_tick;
  guint            scroll_frames;

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

/* A boxed list of one row over @field_name, with the field's error under
 * it; the row is found again by the field's name (find_field_widget). */
static GtkWidget *
boxed_row (SccFormVm  *form,
           const char *field_name,
           GtkWidget  *row)
{
  SccFormField *field = scc_form_vm_lookup_field (form, field_name);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_box_append (GTK_BOX (box), list);

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_set_margin_start (caption, 12);
  gtk_widget_set_margin_end (caption, 12);
  gtk_widget_add_css_class (caption, "error");
  gtk_widget_add_css_class (caption, "caption");
  g_object_bind_property (field, "error-text", caption, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (field, "has-error", caption, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), caption);

  g_object_set_data_full (G_OBJECT (row), "scc-field-name", g_strdup (field_name), g_free);
  return box;
}

static GtkWidget *
choice_row (SccFormVm          *form,
            const char         *field_name,
            const char         *title,
            const char * const *values,
            const char * const *titles)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  for (guint i = 0; titles[i] != NULL; i++)
    gtk_string_list_append (model, _(titles[i]));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_object_bind_property_full (scc_form_vm_lookup_field (form, field_name), "value", row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               value_to_selected, selected_to_value, (gpointer)values, NULL);
  return boxed_row (form, field_name, GTK_WIDGET (row));
}

static GtkWidget *
switch_row (SccFormVm  *form,
            const char *field_name,
            const char *title)
{
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
  return boxed_row (form, field_name, row);
}

/* The widget to focus for @field_name: its entry, or its choice or switch
 * row; NULL if it has none. */
static GtkWidget *
find_field_widget (GtkWidget  *ancestor,
                   SccFormVm  *form,
                   const char *field_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (ancestor);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (SCC_IS_FIELD_ROW (child))
        {
          if (scc_field_row_get_form (SCC_FIELD_ROW (child)) == form &&
              g_strcmp0 (scc_field_row_get_field_name (SCC_FIELD_ROW (child)), field_name) == 0)
            return child;
          continue;
        }
      if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "scc-field-name"), field_name) == 0)
        return child;
      if ((found = find_field_widget (child, form, field_name)))
        return found;
    }
  return NULL;
}

static void
focus_field (SccPersonDialog *self,
             const char      *field_name)
{
  GtkWidget *widget = find_field_widget (GTK_WIDGET (self), SCC_FORM_VM (self->form), field_name);

  if (widget == NULL)
    return;
  if (SCC_IS_FIELD_ROW (widget))
    scc_field_row_focus (SCC_FIELD_ROW (widget));
  else
    gtk_widget_grab_focus (widget);
}

static void
on_entry_activated_cb (SccPersonDialog *self)
{
  scc_form_vm_submit (SCC_FORM_VM (self->form));
}

static GtkWidget *
entry_row (SccPersonDialog *self,
           const char      *field_name,
           const char      *title)
{
  GtkWidget *widget = g_object_new (SCC_TYPE_FIELD_ROW,
                                    "field-name", field_name,
                                    "title", title,
                                    "form", self->form,
                                    NULL);
  AdwEntryRow *entry = scc_field_row_get_entry (SCC_FIELD_ROW (widget));

  adw_entry_row_set_activates_default (entry, FALSE);
  g_signal_connect_object (entry, "entry-activated", G_CALLBACK (on_entry_activated_cb), self,
                           G_CONNECT_SWAPPED);
  return widget;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *title = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  return title;
}

/* Contact @index's card: its heading, its rows, Remove Contact last, so
 * Tab goes through the rows first. */
static GtkWidget *
contact_card (SccPersonDialog *self,
              guint            index)
{
  SccFormVm *form = SCC_FORM_VM (self->form);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *title = g_strdup_printf (_("Contact %u"), index + 1);
  g_autofree char *remove_label = g_strdup_printf (_("Remove contact %u"), index + 1);
  GtkWidget *remove = gtk_button_new_with_label (_("Remove Contact"));

  gtk_box_append (GTK_BOX (card), heading (title));
  for (guint i = 0; i < G_N_ELEMENTS (contact_rows); i++)
    {
      g_autofree char *name = scc_form_vm_dup_group_field_name ("contacts", index, contact_rows[i].field);
      g_autofree char *row_title = g_strdup (_(contact_rows[i].title));
      GtkWidget *widget;

      if (index > 0)
        {
          char *to = row_title;

          for (const char *from = row_title; *from != '\0'; from++)
            if (*from != '_')
              *to++ = *from;
          *to = '\0';
        }

      if (g_str_equal (contact_rows[i].field, "preferred_contact"))
        widget = choice_row (form, name, row_title, preferred_values, preferred_titles);
      else if (g_str_equal (contact_rows[i].field, "parental_responsibility"))
        widget = switch_row (form, name, row_title);
      else
        widget = entry_row (self, name, row_title);
      gtk_box_append (GTK_BOX (card), widget);
    }

  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "dialog.remove-contact");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", index);
  gtk_widget_set_halign (remove, GTK_ALIGN_END);
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_box_append (GTK_BOX (card), remove);
  gtk_widget_add_css_class (card, "scc-contact");
  return card;
}

/* One card per element of the group: made or dropped at the end. */
static void
sync_contacts (SccPersonDialog *self)
{
  SccFormVm *form = SCC_FORM_VM (self->form);
  guint n_contacts = scc_form_vm_get_group_size (form, "contacts");

  while (self->contact_cards->len < n_contacts)
    {
      GtkWidget *card = contact_card (self, self->contact_cards->len);

      gtk_box_append (GTK_BOX (self->contacts_box), card);
      g_ptr_array_add (self->contact_cards, card);
    }
  while (self->contact_cards->len > n_contacts)
    {
      GtkWidget *card = g_ptr_array_steal_index (self->contact_cards, self->contact_cards->len - 1);

      gtk_box_remove (GTK_BOX (self->contacts_box), card);
    }
  gtk_widget_set_visible (self->no_contacts_label, n_contacts == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.add-contact",
                                 n_contacts < scc_form_vm_get_group_max (form, "contacts"));
}

static void
build_rows (SccPersonDialog *self)
{
  SccFormVm *form = SCC_FORM_VM (self->form);
  GtkWidget *groups[G_N_ELEMENTS (group_titles)];
  GtkWidget *contacts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *limit = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (group_titles); i++)
    {
      groups[i] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_box_append (GTK_BOX (groups[i]), heading (_(group_titles[i])));
      gtk_box_append (GTK_BOX (self->form_box), groups[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *widget;

      if (g_str_equal (rows[i].field, "sex"))
        widget = choice_row (form, "sex", _("_Sex"), sex_values, sex_titles);
      else
        widget = entry_row (self, rows[i].field, _(rows[i].title));
      gtk_box_append (GTK_BOX (groups[rows[i].group]), widget);
    }

  /* Contacts: the cards, or a line saying there are none; Add Contact. */
  gtk_box_append (GTK_BOX (contacts), heading (_("Contacts")));
  self->no_contacts_label = gtk_label_new (_("No contacts are recorded."));
  gtk_label_set_xalign (GTK_LABEL (self->no_contacts_label), 0);
  gtk_widget_add_css_class (self->no_contacts_label, "dim-label");
  gtk_box_append (GTK_BOX (contacts), self->no_contacts_label);
  self->contacts_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (contacts), self->contacts_box);
  self->add_contact_button = gtk_button_new_with_mnemonic (_("_Add Contact"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_contact_button), "dialog.add-contact");
  gtk_widget_set_halign (self->add_contact_button, GTK_ALIGN_START);
  limit = g_strdup_printf (_("At most %u contacts"), scc_form_vm_get_group_max (form, "contacts"));
  gtk_widget_set_tooltip_text (self->add_contact_button, limit);
  gtk_box_append (GTK_BOX (contacts), self->add_contact_button);
  gtk_box_append (GTK_BOX (self->form_box), contacts);

  sync_contacts (self);
}

/* Scrolling to the focus shows an entry; the error is under it, and shows
 * from the next layout on: the frame after that scrolls it into view. */
static gboolean
scroll_to_error_cb (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  SccPersonDialog *self = SCC_PERSON_DIALOG (widget);
  SccFormField *field = scc_form_vm_get_first_error (SCC_FORM_VM (self->form));
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scrolled)));
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  GtkWidget *row;
  graphene_rect_t bounds;

  if (self->scroll_frames++ < 1)
    return G_SOURCE_CONTINUE;
  self->scroll_tick = 0;
  if (field == NULL)
    return G_SOURCE_REMOVE;
  row = find_field_widget (widget, SCC_FORM_VM (self->form), scc_form_field_get_name (field));
  if (row != NULL && !SCC_IS_FIELD_ROW (row))
    row = gtk_widget_get_ancestor (row, GTK_TYPE_BOX);
  if (row != NULL && gtk_widget_compute_bounds (row, content, &bounds))
    {
      double bottom = bounds.origin.y + bounds.size.height + 24;
      double page = gtk_adjustment_get_page_size (vadjustment);

      if (bottom > gtk_adjustment_get_value (vadjustment) + page)
        gtk_adjustment_set_value (vadjustment, bottom - page);
    }
  return G_SOURCE_REMOVE;
}

static void
on_failed_cb (SccPersonDialog *self)
{
  SccFormField *field = scc_form_vm_get_first_error (SCC_FORM_VM (self->form));

  if (field == NULL)
    return;
  focus_field (self, scc_form_field_get_name (field));
  self->scroll_frames = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_error_cb, NULL, NULL);
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

static void
forget_undo (SccPersonDialog *self)
{
  g_clear_pointer (&self->undo_values, g_strfreev);
  if (self->undo_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->undo_toast, self);
      adw_toast_dismiss (self->undo_toast);
      g_clear_object (&self->undo_toast);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.undo-remove", FALSE);
}

static void
focus_contact (SccPersonDialog *self,
               guint            index)
{
  g_autofree char *name = scc_form_vm_dup_group_field_name ("contacts", index, "name");

  focus_field (self, name);
}

static void
dialog_add_contact_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SccPersonDialog *self = SCC_PERSON_DIALOG (widget);
  SccFormVm *form = SCC_FORM_VM (self->form);
  guint index = scc_form_vm_get_group_size (form, "contacts");

  if (scc_form_vm_insert_group_item (form, "contacts", index, NULL))
    focus_contact (self, index);
}

static void
on_undo_toast_dismissed_cb (SccPersonDialog *self,
                            AdwToast        *toast)
{
  if (self->undo_toast == toast)
    forget_undo (self);
}

static void
dialog_remove_contact_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  SccPersonDialog *self = SCC_PERSON_DIALOG (widget);
  SccFormVm *form = SCC_FORM_VM (self->form);
  guint index = g_variant_get_uint32 (parameter);
  guint n_contacts = scc_form_vm_get_group_size (form, "contacts");
  g_auto(GStrv) values = NULL;
  g_autofree char *title = NULL;

  if (index >= n_contacts)
    return;
  values = scc_form_vm_remove_group_item (form, "contacts", index);
  forget_undo (self);

  /* The keyboard goes to the contact now in its place, or the one before,
   * or Add Contact when there is none. */
  if (n_contacts > 1)
    focus_contact (self, MIN (index, n_contacts - 2));
  else
    gtk_widget_grab_focus (self->add_contact_button);

  g_strstrip (values[0]);
  if (values[0][0] != '\0')
    title = g_strdup_printf (_("%s removed"), values[0]);
  else
    title = g_strdup_printf (_("Contact %u removed"), index + 1);
  self->undo_values = g_steal_pointer (&values);
  self->undo_index = index;
  self->undo_toast = g_object_ref (adw_toast_new (title));
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  adw_toast_set_action_name (self->undo_toast, "dialog.undo-remove");
  g_signal_connect_object (self->undo_toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.undo-remove", TRUE);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->undo_toast));
}

static void
dialog_undo_remove_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SccPersonDialog *self = SCC_PERSON_DIALOG (widget);
  SccFormVm *form = SCC_FORM_VM (self->form);
  g_auto(GStrv) values = g_steal_pointer (&self->undo_values);
  guint index = MIN (self->undo_index, scc_form_vm_get_group_size (form, "contacts"));

  forget_undo (self);
  if (values != NULL && scc_form_vm_insert_group_item (form, "contacts", index, (const char * const *)values))
    focus_contact (self, index);
}

/* Another record: a removal from the last one is not to be undone here. */
static void
on_person_cb (SccPersonDialog *self)
{
  forget_undo (self);
  update_title (self);
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
  forget_undo (self);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_pointer (&self->contact_cards, g_ptr_array_unref);
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
  gtk_widget_class_install_action (widget_class, "dialog.add-contact", NULL, dialog_add_contact_action);
  gtk_widget_class_install_action (widget_class, "dialog.remove-contact", "u", dialog_remove_contact_action);
  gtk_widget_class_install_action (widget_class, "dialog.undo-remove", NULL, dialog_undo_remove_action);
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

  GtkEventController *undo_keys = gtk_shortcut_controller_new ();

  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);
  self->contact_cards = g_ptr_array_new ();

  /* Ctrl+Z undoes a removal while its toast shows, before an entry's own
   * Ctrl+Z; the action is disabled otherwise, and the key goes on. */
  gtk_event_controller_set_propagation_phase (undo_keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (undo_keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("dialog.undo-remove")));
  gtk_widget_add_controller (GTK_WIDGET (self), undo_keys);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.undo-remove", FALSE);

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
  self->scrolled = GTK_SCROLLED_WINDOW (scrolled);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));
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
  g_signal_connect_object (self->form, "notify::person", G_CALLBACK (on_person_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::notice", G_CALLBACK (update_messages), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::error-message", G_CALLBACK (update_messages), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::duplicate-message", G_CALLBACK (on_duplicate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "group-changed::contacts", G_CALLBACK (sync_contacts), self,
                           G_CONNECT_SWAPPED);
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
