/* scc-field-row.c
 *
 * SccFieldRow: see scc-field-row.h. What is the same on every form lives
 * here, once:
 *
 *  - the entry's text and the field's value are one (a two-way binding),
 *    so what is typed lives in the view model and survives the page;
 *  - a field error: the entry gets the "error" style class (red title and
 *    text) and is marked invalid for assistive technologies, described by
 *    the caption under it, so a screen reader reads the message when the
 *    field is focused;
 *  - while the form is busy the entry is read-only rather than
 *    insensitive: a focused GtkText made insensitive loses the focus
 *    without a focus-out (GTK warns), and the keyboard should stay where
 *    the user was;
 *  - a password row's "show text" button takes no keyboard focus: Tab goes
 *    from field to field, and nothing typed lands on a button and is lost;
 *  - a selection left behind in a field the user has left is dropped, so no
 *    grey band suggests a problem that is not there;
 *  - Shift+Tab leaves the row: a list box row backed out of by its child
 *    takes the focus itself, and an entry row hands it straight back to its
 *    text, so without this Shift+Tab stays in the field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-field-row"

#include "config.h"

#include "scc-field-row.h"

struct _SccFieldRow
{
  GtkWidget     parent_instance;

  /* Owned */
  SccFormVm    *form;
  SccFormField *field;
  char         *field_name;
  GBinding     *value_binding;
  char         *title;

  SccFieldKind  kind;
  GtkInputPurpose input_purpose;
  GtkInputHints input_hints;
  guint         template_done : 1;

  /* Template widgets */
  GtkListBox   *list;
  GtkLabel     *error_label;

  /* Borrowed: a child of list */
  AdwEntryRow  *entry;
};

enum {
  PROP_0,
  PROP_FORM,
  PROP_FIELD_NAME,
  PROP_FIELD,
  PROP_KIND,
  PROP_TITLE,
  PROP_INPUT_PURPOSE,
  PROP_INPUT_HINTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

static void scc_field_row_buildable_init (GtkBuildableIface *iface);

G_DEFINE_ENUM_TYPE (SccFieldKind, scc_field_kind,
                    G_DEFINE_ENUM_VALUE (SCC_FIELD_KIND_TEXT, "text"),
                    G_DEFINE_ENUM_VALUE (SCC_FIELD_KIND_SECRET, "secret"))

G_DEFINE_FINAL_TYPE_WITH_CODE (SccFieldRow, scc_field_row, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, scc_field_row_buildable_init))

static void
update_error (SccFieldRow *self)
{
  GtkWidget *entry = GTK_WIDGET (self->entry);

  g_assert (SCC_IS_FIELD_ROW (self));

  if (self->field != NULL && scc_form_field_get_has_error (self->field))
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label, NULL,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
}

static void
update_busy (SccFieldRow *self)
{
  gboolean busy = self->form != NULL && scc_form_vm_get_busy (self->form);

  g_assert (SCC_IS_FIELD_ROW (self));

  gtk_editable_set_editable (GTK_EDITABLE (self->entry), !busy);
}

/* Follows form + field-name to the field, and binds the entry to it. */
static void
update_field (SccFieldRow *self)
{
  SccFormField *field = NULL;

  g_assert (SCC_IS_FIELD_ROW (self));

  if (self->form != NULL && self->field_name != NULL)
    {
      field = scc_form_vm_lookup_field (self->form, self->field_name);
      if (field == NULL)
        g_critical ("%s has no field \"%s\" for its row", G_OBJECT_TYPE_NAME (self->form), self->field_name);
      else if (scc_form_field_get_secret (field) && self->kind != SCC_FIELD_KIND_SECRET)
        g_critical ("field \"%s\" is a secret: its row must be of kind secret", self->field_name);
    }

  if (field == self->field)
    return;

  g_clear_pointer (&self->value_binding, g_binding_unbind);
  if (self->field != NULL)
    g_signal_handlers_disconnect_by_data (self->field, self);
  g_set_object (&self->field, field);

  if (field != NULL)
    {
      self->value_binding = g_object_bind_property (field, "value", self->entry, "text",
                                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_signal_connect_object (field, "notify::has-error", G_CALLBACK (update_error), self, G_CONNECT_SWAPPED);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
    }

  update_error (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

static void
on_text_has_focus_cb (SccFieldRow *self,
                      GParamSpec  *pspec,
                      GtkWidget   *text)
{
  GtkEditable *editable = GTK_EDITABLE (text);
  int position;

  g_assert (SCC_IS_FIELD_ROW (self));

  if (gtk_widget_has_focus (text))
    return;

  position = gtk_editable_get_position (editable);
  gtk_editable_select_region (editable, position, position);
}

static gboolean
on_key_pressed_cb (SccFieldRow     *self,
                   guint            keyval,
                   guint            keycode,
                   GdkModifierType  state,
                   GtkEventController *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean moved;

  g_assert (SCC_IS_FIELD_ROW (self));

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab) ||
      (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != GDK_SHIFT_MASK || root == NULL)
    return FALSE;

  /* The move as the window would make it, with this row passed over. */
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_BACKWARD);
  gtk_widget_set_can_focus (GTK_WIDGET (self), TRUE);
  return moved;
}

/* A password row's one button, "show text", out of the Tab chain (the
 * text's context menu, Shift+F10, has Show Text for the keyboard). */
static void
unfocus_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        gtk_widget_set_focusable (child, FALSE);
      else
        unfocus_buttons (child);
    }
}

static void
scc_field_row_constructed (GObject *object)
{
  SccFieldRow *self = (SccFieldRow *)object;
  GtkEditable *text;

  G_OBJECT_CLASS (scc_field_row_parent_class)->constructed (object);

  if (self->kind == SCC_FIELD_KIND_SECRET)
    self->entry = ADW_ENTRY_ROW (adw_password_entry_row_new ());
  else
    self->entry = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->entry), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry), self->title != NULL ? self->title : "");
  adw_entry_row_set_activates_default (self->entry, TRUE);
  if (self->kind == SCC_FIELD_KIND_TEXT)
    {
      /* Titles are plain text; an address or a name is not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->entry), FALSE);
      adw_entry_row_set_input_purpose (self->entry, self->input_purpose);
    }
  adw_entry_row_set_input_hints (self->entry, self->input_hints);
  gtk_list_box_append (self->list, GTK_WIDGET (self->entry));

  if (self->kind == SCC_FIELD_KIND_SECRET)
    unfocus_buttons (GTK_WIDGET (self->entry));

  text = gtk_editable_get_delegate (GTK_EDITABLE (self->entry));
  if (text != NULL)
    g_signal_connect_object (text, "notify::has-focus", G_CALLBACK (on_text_has_focus_cb), self,
                             G_CONNECT_SWAPPED);

  update_busy (self);
  update_field (self);
}

static gboolean
scc_field_row_grab_focus (GtkWidget *widget)
{
  SccFieldRow *self = SCC_FIELD_ROW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
scc_field_row_dispose (GObject *object)
{
  SccFieldRow *self = (SccFieldRow *)object;
  GtkWidget *child;

  scc_field_row_set_form (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_FIELD_ROW);
  /* Children given in the .ui of the page. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (scc_field_row_parent_class)->dispose (object);
}

static void
scc_field_row_finalize (GObject *object)
{
  SccFieldRow *self = (SccFieldRow *)object;

  g_clear_pointer (&self->field_name, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (scc_field_row_parent_class)->finalize (object);
}

static void
scc_field_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SccFieldRow *self = SCC_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_FORM:
      g_value_set_object (value, self->form);
      break;

    case PROP_FIELD_NAME:
      g_value_set_string (value, self->field_name);
      break;

    case PROP_FIELD:
      g_value_set_object (value, self->field);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_INPUT_PURPOSE:
      g_value_set_enum (value, self->input_purpose);
      break;

    case PROP_INPUT_HINTS:
      g_value_set_flags (value, self->input_hints);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_field_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SccFieldRow *self = SCC_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_FORM:
      scc_field_row_set_form (self, g_value_get_object (value));
      break;

    case PROP_FIELD_NAME:
      scc_field_row_set_field_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      if (self->entry != NULL)
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry), self->title != NULL ? self->title : "");
      break;

    case PROP_INPUT_PURPOSE:
      self->input_purpose = g_value_get_enum (value);
      if (self->entry != NULL && self->kind == SCC_FIELD_KIND_TEXT)
        adw_entry_row_set_input_purpose (self->entry, self->input_purpose);
      break;

    case PROP_INPUT_HINTS:
      self->input_hints = g_value_get_flags (value);
      if (self->entry != NULL)
        adw_entry_row_set_input_hints (self->entry, self->input_hints);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_field_row_buildable_add_child (GtkBuildable *buildable,
                                   GtkBuilder   *builder,
                                   GObject      *child,
                                   const char   *type)
{
  SccFieldRow *self = SCC_FIELD_ROW (buildable);

  if (!GTK_IS_WIDGET (child))
    parent_buildable_iface->add_child (buildable, builder, child, type);
  else if (!self->template_done)
    gtk_widget_set_parent (GTK_WIDGET (child), GTK_WIDGET (self));
  else
    gtk_widget_insert_before (GTK_WIDGET (child), GTK_WIDGET (self), GTK_WIDGET (self->error_label));
}

static void
scc_field_row_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = scc_field_row_buildable_add_child;
}

static void
scc_field_row_class_init (SccFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = scc_field_row_constructed;
  object_class->dispose = scc_field_row_dispose;
  object_class->finalize = scc_field_row_finalize;
  object_class->get_property = scc_field_row_get_property;
  object_class->set_property = scc_field_row_set_property;

  widget_class->grab_focus = scc_field_row_grab_focus;

  /**
   * SccFieldRow:form:
   *
   * The form whose field the row shows; usually bound in the .ui to the
   * page's view model.
   */
  properties[PROP_FORM] =
    g_param_spec_object ("form", NULL, NULL,
                         SCC_TYPE_FORM_VM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SccFieldRow:field-name:
   *
   * The API's name of the field, as the form's view model adds it.
   */
  properties[PROP_FIELD_NAME] =
    g_param_spec_string ("field-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SccFieldRow:field:
   *
   * The field found from form and field-name, or %NULL.
   */
  properties[PROP_FIELD] =
    g_param_spec_object ("field", NULL, NULL,
                         SCC_TYPE_FORM_FIELD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SccFieldRow:kind:
   *
   * What the entry is: "text", or "secret" for a password (hidden, with a
   * button to show it).
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       SCC_TYPE_FIELD_KIND, SCC_FIELD_KIND_TEXT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SccFieldRow:title:
   *
   * The entry's title, with an underlined mnemonic ("_Username").
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INPUT_PURPOSE] =
    g_param_spec_enum ("input-purpose", NULL, NULL,
                       GTK_TYPE_INPUT_PURPOSE, GTK_INPUT_PURPOSE_FREE_FORM,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INPUT_HINTS] =
    g_param_spec_flags ("input-hints", NULL, NULL,
                        GTK_TYPE_INPUT_HINTS, GTK_INPUT_HINT_NONE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-field-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SccFieldRow, list);
  gtk_widget_class_bind_template_child (widget_class, SccFieldRow, error_label);
}

static void
scc_field_row_init (SccFieldRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  self->input_purpose = GTK_INPUT_PURPOSE_FREE_FORM;
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->template_done = TRUE;
}

/**
 * scc_field_row_get_form:
 *
 * Returns: (transfer none) (nullable): the form
 */
SccFormVm *
scc_field_row_get_form (SccFieldRow *self)
{
  g_return_val_if_fail (SCC_IS_FIELD_ROW (self), NULL);
  return self->form;
}

void
scc_field_row_set_form (SccFieldRow *self,
                        SccFormVm   *form)
{
  g_return_if_fail (SCC_IS_FIELD_ROW (self));
  g_return_if_fail (!form || SCC_IS_FORM_VM (form));

  if (self->form == form)
    return;

  if (self->form != NULL)
    g_signal_handlers_disconnect_by_data (self->form, self);
  g_set_object (&self->form, form);
  if (form != NULL)
    g_signal_connect_object (form, "notify::busy", G_CALLBACK (update_busy), self, G_CONNECT_SWAPPED);

  /* Before construction ends there is no entry yet: constructed catches up. */
  if (self->entry != NULL)
    {
      update_busy (self);
      update_field (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORM]);
}

const char *
scc_field_row_get_field_name (SccFieldRow *self)
{
  g_return_val_if_fail (SCC_IS_FIELD_ROW (self), NULL);
  return self->field_name;
}

void
scc_field_row_set_field_name (SccFieldRow *self,
                              const char  *field_name)
{
  g_return_if_fail (SCC_IS_FIELD_ROW (self));

  if (g_strcmp0 (self->field_name, field_name) == 0)
    return;

  g_free (self->field_name);
  self->field_name = g_strdup (field_name);
  if (self->entry != NULL)
    update_field (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_NAME]);
}

/**
 * scc_field_row_get_field:
 *
 * Returns: (transfer none) (nullable): the field shown
 */
SccFormField *
scc_field_row_get_field (SccFieldRow *self)
{
  g_return_val_if_fail (SCC_IS_FIELD_ROW (self), NULL);
  return self->field;
}

/**
 * scc_field_row_get_entry:
 *
 * Returns: (transfer none): the entry row
 */
AdwEntryRow *
scc_field_row_get_entry (SccFieldRow *self)
{
  g_return_val_if_fail (SCC_IS_FIELD_ROW (self), NULL);
  return self->entry;
}

/**
 * scc_field_row_get_error_label:
 *
 * Returns: (transfer none): the caption under the entry
 */
GtkLabel *
scc_field_row_get_error_label (SccFieldRow *self)
{
  g_return_val_if_fail (SCC_IS_FIELD_ROW (self), NULL);
  return self->error_label;
}

void
scc_field_row_focus (SccFieldRow *self)
{
  GtkEditable *editable;

  g_return_if_fail (SCC_IS_FIELD_ROW (self));

  editable = GTK_EDITABLE (self->entry);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  if (self->kind == SCC_FIELD_KIND_SECRET && self->field != NULL && scc_form_field_get_has_error (self->field))
    gtk_editable_select_region (editable, 0, -1);
  else
    gtk_editable_set_position (editable, -1);
}

SccFieldRow *
scc_field_row_find (GtkWidget  *ancestor,
                    SccFormVm  *form,
                    const char *field_name)
{
  g_return_val_if_fail (GTK_IS_WIDGET (ancestor), NULL);
  g_return_val_if_fail (SCC_IS_FORM_VM (form), NULL);
  g_return_val_if_fail (field_name != NULL, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (ancestor);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SccFieldRow *found;

      if (SCC_IS_FIELD_ROW (child) &&
          SCC_FIELD_ROW (child)->form == form &&
          g_strcmp0 (SCC_FIELD_ROW (child)->field_name, field_name) == 0)
        return SCC_FIELD_ROW (child);

      if ((found = scc_field_row_find (child, form, field_name)))
        return found;
    }
  return NULL;
}
