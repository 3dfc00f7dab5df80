/* scc-user-dialog.c
 *
 * SccUserDialog: see scc-user-dialog.h. The template holds every row of
 * both jobs; the rows that are not this dialog's are hidden here. The
 * role and activity rows are not text, so their values are bound to the
 * fields here (a role's place in the combo is its ScRole less one).
 *
 *   Save, Enter    submits the main form (Enter in New Password, the
 *                  reset form); a failure puts the keyboard on the
 *                  first field in error
 *   Reset Password submits the reset form (an existing user only)
 *   a success      ::saved; New User stays open for the next one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-user-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-field-row.h"
#include "scc-user-dialog.h"

struct _SccUserDialog
{
  AdwWindow           parent_instance;

  /* Owned */
  SccFormVm          *form;
  SccResetPasswordVm *reset;

  /* Template widgets */
  AdwWindowTitle     *window_title;
  GtkWidget          *username_row;
  GtkWidget          *password_row;
  AdwComboRow        *role_row;
  GtkWidget          *active_box;
  GtkSwitch          *active_switch;
  GtkWidget          *password_group;
  GtkLabel           *locked_label;
  GtkWidget          *save_button;
};

enum {
  PROP_0,
  PROP_FORM,
  PROP_NEW_FORM,
  PROP_RESET,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SccUserDialog, scc_user_dialog, ADW_TYPE_WINDOW)

static gboolean
role_to_selected (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  ScRole role = sc_role_from_string (g_value_get_string (from));

  if (role == SC_ROLE_NONE)
    return FALSE;
  g_value_set_uint (to, (guint)role - 1);
  return TRUE;
}

static gboolean
selected_to_role (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  guint selected = g_value_get_uint (from);

  if (selected >= SC_N_ROLES)
    return FALSE;
  g_value_set_string (to, sc_role_to_string ((ScRole)(selected + 1)));
  return TRUE;
}

static gboolean
text_to_active (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_boolean (to, g_strcmp0 (g_value_get_string (from), "false") != 0);
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

static void
on_failed_cb (SccUserDialog *self,
              SccFormVm     *form)
{
  SccFormField *field = scc_form_vm_get_first_error (form);
  SccFieldRow *row;

  g_assert (SCC_IS_USER_DIALOG (self));

  if (field != NULL &&
      (row = scc_field_row_find (GTK_WIDGET (self), form, scc_form_field_get_name (field))) != NULL)
    scc_field_row_focus (row);
}

static void
on_saved_cb (SccUserDialog *self)
{
  g_assert (SCC_IS_USER_DIALOG (self));

  g_signal_emit (self, signals[SAVED], 0);
}

static void
update_locked (SccUserDialog *self)
{
  ScUser *user = SCC_IS_EDIT_USER_VM (self->form) ? scc_edit_user_vm_get_user (SCC_EDIT_USER_VM (self->form)) : NULL;
  gint64 until = user != NULL ? sc_user_get_locked_until (user) : 0;

  if (until == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->locked_label), FALSE);
      return;
    }
  else
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (until / G_USEC_PER_SEC);
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      g_autofree char *text = NULL;

      /* The API has no unlock of its own: a reset lifts the lockout. */
      text = g_strdup_printf (_("Sign-ins as this user are locked until %s after repeated wrong "
                                "passwords. Resetting the password lifts the lockout."), when);
      gtk_label_set_label (self->locked_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->locked_label), TRUE);
    }
}

static void
on_user_cb (SccUserDialog *self)
{
  ScUser *user = scc_edit_user_vm_get_user (SCC_EDIT_USER_VM (self->form));

  adw_window_title_set_subtitle (self->window_title, user != NULL ? sc_user_get_username (user) : "");
  scc_reset_password_vm_set_user (self->reset, user);
  update_locked (self);
}

static void
dialog_save_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  scc_form_vm_submit (SCC_USER_DIALOG (widget)->form);
}

static void
dialog_reset_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  scc_form_vm_submit (SCC_FORM_VM (SCC_USER_DIALOG (widget)->reset));
}

static void
on_entry_activated_cb (SccUserDialog *self,
                       AdwEntryRow   *entry)
{
  SccFieldRow *row = SCC_FIELD_ROW (gtk_widget_get_ancestor (GTK_WIDGET (entry), SCC_TYPE_FIELD_ROW));

  g_assert (SCC_IS_USER_DIALOG (self));

  /* Enter sends the form the field belongs to: a new password resets. */
  scc_form_vm_submit (scc_field_row_get_form (row));
}

/* Enter in each field, handled here rather than through the window's
 * default widget, because the dialog has two forms. */
static void
connect_enter (SccUserDialog *self,
               GtkWidget     *row)
{
  AdwEntryRow *entry = scc_field_row_get_entry (SCC_FIELD_ROW (row));

  adw_entry_row_set_activates_default (entry, FALSE);
  g_signal_connect_object (entry, "entry-activated", G_CALLBACK (on_entry_activated_cb), self, G_CONNECT_SWAPPED);
}

static void
scc_user_dialog_dispose (GObject *object)
{
  SccUserDialog *self = (SccUserDialog *)object;

  if (self->form != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->form, self);
      scc_form_vm_cancel (self->form);
    }
  if (self->reset != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->reset, self);
      scc_form_vm_cancel (SCC_FORM_VM (self->reset));
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_USER_DIALOG);
  g_clear_object (&self->form);
  g_clear_object (&self->reset);

  G_OBJECT_CLASS (scc_user_dialog_parent_class)->dispose (object);
}

static void
scc_user_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SccUserDialog *self = SCC_USER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FORM:
      g_value_set_object (value, self->form);
      break;

    case PROP_NEW_FORM:
      g_value_set_object (value, SCC_IS_NEW_USER_VM (self->form) ? self->form : NULL);
      break;

    case PROP_RESET:
      g_value_set_object (value, self->reset);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_user_dialog_class_init (SccUserDialogClass *klass)
{
  static const char * const named_children[] = {
    "full_name_row", "new_password_row", "error_label", "notice_label", "reset_button",
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scc_user_dialog_dispose;
  object_class->get_property = scc_user_dialog_get_property;

  properties[PROP_FORM] =
    g_param_spec_object ("form", NULL, NULL, SCC_TYPE_FORM_VM,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The form again, for the rows only New User has (username, password). */
  properties[PROP_NEW_FORM] =
    g_param_spec_object ("new-form", NULL, NULL, SCC_TYPE_FORM_VM,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESET] =
    g_param_spec_object ("reset", NULL, NULL, SCC_TYPE_FORM_VM,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SccUserDialog::saved:
   *
   * A user was made or changed, or a password reset.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, dialog_save_action);
  gtk_widget_class_install_action (widget_class, "dialog.reset", NULL, dialog_reset_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (SCC_TYPE_FIELD_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-user-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SccUserDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SccUserDialog, username_row);
  gtk_widget_class_bind_template_child (widget_class, SccUserDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, SccUserDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, SccUserDialog, active_box);
  gtk_widget_class_bind_template_child (widget_class, SccUserDialog, active_switch);
  gtk_widget_class_bind_template_child (widget_class, SccUserDialog, password_group);
  gtk_widget_class_bind_template_child (widget_class, SccUserDialog, locked_label);
  gtk_widget_class_bind_template_child (widget_class, SccUserDialog, save_button);
  for (guint i = 0; i < G_N_ELEMENTS (named_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, named_children[i], FALSE, 0);
}

static void
scc_user_dialog_init (SccUserDialog *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In ScRole order, so a role's place is its value less one. */
  for (ScRole role = SC_ROLE_NONE + 1; role <= SC_N_ROLES; role++)
    gtk_string_list_append (roles, sc_role_get_title (role));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
}

/**
 * scc_user_dialog_new:
 *
 * Returns: (transfer none): the dialog, modal over @parent (which owns it)
 */
SccUserDialog *
scc_user_dialog_new (GtkWindow    *parent,
                     SccApiClient *api_client,
                     ScUser       *user)
{
  SccUserDialog *self;
  SccFormField *role;
  gboolean editing = user != NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);
  g_return_val_if_fail (!user || SC_IS_USER (user), NULL);

  self = g_object_new (SCC_TYPE_USER_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);

  if (editing)
    self->form = SCC_FORM_VM (scc_edit_user_vm_new (api_client));
  else
    self->form = SCC_FORM_VM (scc_new_user_vm_new (api_client));
  self->reset = scc_reset_password_vm_new (api_client);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEW_FORM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESET]);

  role = scc_form_vm_lookup_field (self->form, "role");
  g_object_bind_property_full (role, "value", self->role_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               role_to_selected, selected_to_role, NULL, NULL);

  g_signal_connect_object (self->form, "failed", G_CALLBACK (on_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "succeeded", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reset, "failed", G_CALLBACK (on_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reset, "succeeded", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_visible (self->username_row, !editing);
  gtk_widget_set_visible (self->password_row, !editing);
  gtk_widget_set_visible (self->active_box, editing);
  gtk_widget_set_visible (self->password_group, editing);

  if (editing)
    {
      SccFormField *active = scc_form_vm_lookup_field (self->form, "active");

      g_object_bind_property_full (active, "value", self->active_switch, "active",
                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                   text_to_active, active_to_text, NULL, NULL);
      g_signal_connect_object (self->form, "notify::user", G_CALLBACK (on_user_cb), self, G_CONNECT_SWAPPED);
      adw_window_title_set_title (self->window_title, _("User"));
      gtk_window_set_title (GTK_WINDOW (self), _("User"));
      scc_edit_user_vm_set_user (SCC_EDIT_USER_VM (self->form), user);
      on_user_cb (self);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("New User"));
      gtk_window_set_title (GTK_WINDOW (self), _("New User"));
    }

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  if (!editing)
    {
      connect_enter (self, self->username_row);
      connect_enter (self, self->password_row);
    }
  connect_enter (self, GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SCC_TYPE_USER_DIALOG, "full_name_row")));
  connect_enter (self, GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SCC_TYPE_USER_DIALOG, "new_password_row")));
  /* The keyboard starts in the first field to fill in. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (scc_field_row_get_entry (SCC_FIELD_ROW (editing
                          ? gtk_widget_get_template_child (GTK_WIDGET (self), SCC_TYPE_USER_DIALOG, "full_name_row")
                          : G_OBJECT (self->username_row)))));
  return self;
}

/**
 * scc_user_dialog_get_form:
 *
 * Returns: (transfer none): SccNewUserVm or SccEditUserVm
 */
SccFormVm *
scc_user_dialog_get_form (SccUserDialog *self)
{
  g_return_val_if_fail (SCC_IS_USER_DIALOG (self), NULL);
  return self->form;
}

/**
 * scc_user_dialog_get_reset:
 *
 * Returns: (transfer none): the Reset Password form
 */
SccFormVm *
scc_user_dialog_get_reset (SccUserDialog *self)
{
  g_return_val_if_fail (SCC_IS_USER_DIALOG (self), NULL);
  return SCC_FORM_VM (self->reset);
}
