/* scc-account-page.c
 *
 * SccAccountPage: the view of an SccChangePasswordVm, under a summary of
 * the signed-in user. The three password rows are bound both ways to the
 * view model, so what is typed lives in the view model: when the session
 * ends and the window goes to sign-in, the input is still there when the
 * same user comes back (SccWindow decides who gets it back).
 *
 * The page installs account.change-password and makes Change Password the
 * window's default widget while it is mapped, so Enter in any field submits.
 * A change is confirmed by a toast; a failure that may pass (network,
 * database) by a toast with Retry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-account-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-account-page.h"
#include "scc-form.h"
#include "scc-window.h"
#include "scc-user-button.h"

struct _SccAccountPage
{
  AdwBin               parent_instance;

  /* Owned */
  SccChangePasswordVm *view_model;
  SccUser             *user;
  GPtrArray           *bindings;  /* GBinding, unbound when the view model goes */

  /* Template widgets */
  SccUserButton       *user_button;
  AdwActionRow        *user_row;
  AdwAvatar           *avatar;
  GtkLabel            *role_label;
  GtkWidget           *notice_box;
  GtkLabel            *notice_label;
  AdwPasswordEntryRow *current_row;
  GtkLabel            *current_error_label;
  AdwPasswordEntryRow *new_row;
  GtkLabel            *new_error_label;
  AdwPasswordEntryRow *repeat_row;
  GtkLabel            *repeat_error_label;
  GtkLabel            *error_label;
  GtkButton           *change_button;
  GtkSpinner          *change_spinner;
};

enum {
  PROP_0,
  PROP_VIEW_MODEL,
  PROP_USER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccAccountPage, scc_account_page, ADW_TYPE_BIN)

static void
update_errors (SccAccountPage *self)
{
  SccChangePasswordVm *vm = self->view_model;

  g_assert (SCC_IS_ACCOUNT_PAGE (self));

  scc_form_show_field_error (GTK_WIDGET (self->current_row), self->current_error_label,
                             vm ? scc_change_password_vm_get_current_password_error (vm) : NULL);
  scc_form_show_field_error (GTK_WIDGET (self->new_row), self->new_error_label,
                             vm ? scc_change_password_vm_get_new_password_error (vm) : NULL);
  scc_form_show_field_error (GTK_WIDGET (self->repeat_row), self->repeat_error_label,
                             vm ? scc_change_password_vm_get_repeat_password_error (vm) : NULL);
  scc_form_show_message (self->error_label, vm ? scc_change_password_vm_get_error_message (vm) : NULL);
}

static void
update_notice (SccAccountPage *self)
{
  const char *notice = NULL;

  g_assert (SCC_IS_ACCOUNT_PAGE (self));

  if (self->view_model != NULL)
    notice = scc_change_password_vm_get_notice (self->view_model);

  gtk_label_set_label (self->notice_label, notice != NULL ? notice : "");
  gtk_widget_set_visible (self->notice_box, notice != NULL);
}

static void
update_busy (SccAccountPage *self)
{
  gboolean busy = FALSE;

  g_assert (SCC_IS_ACCOUNT_PAGE (self));

  if (self->view_model != NULL)
    busy = scc_change_password_vm_get_busy (self->view_model);

  /* Read-only, not insensitive: see scc-sign-in-page.c. */
  gtk_editable_set_editable (GTK_EDITABLE (self->current_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->new_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->repeat_row), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->change_spinner), busy);
  gtk_spinner_set_spinning (self->change_spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.change-password",
                                 self->view_model != NULL && !busy);
}

/* Toasts go over the whole window; a page outside one has no one to tell. */
static void
show_toast (SccAccountPage *self,
            AdwToast       *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (SCC_IS_WINDOW (root))
    scc_window_add_toast (SCC_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

static void
on_retry_clicked_cb (SccAccountPage *self,
                     AdwToast       *toast)
{
  g_assert (SCC_IS_ACCOUNT_PAGE (self));

  if (self->view_model != NULL)
    scc_change_password_vm_submit (self->view_model);
}

static void
on_view_model_notify_cb (SccAccountPage      *self,
                         GParamSpec          *pspec,
                         SccChangePasswordVm *view_model)
{
  g_assert (SCC_IS_ACCOUNT_PAGE (self));

  if (g_str_equal (pspec->name, "busy"))
    update_busy (self);
  else if (g_str_equal (pspec->name, "notice"))
    update_notice (self);
  else if (g_str_has_suffix (pspec->name, "-error") || g_str_equal (pspec->name, "error-message"))
    update_errors (self);
  else if (g_str_equal (pspec->name, "can-retry") && scc_change_password_vm_get_can_retry (view_model))
    {
      AdwToast *toast = adw_toast_new (_("Could not change your password"));

      adw_toast_set_button_label (toast, _("_Retry"));
      adw_toast_set_timeout (toast, 10);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_retry_clicked_cb),
                               self, G_CONNECT_SWAPPED);
      show_toast (self, toast);
    }
}

static void
on_view_model_changed_cb (SccAccountPage      *self,
                          SccChangePasswordVm *view_model)
{
  g_assert (SCC_IS_ACCOUNT_PAGE (self));

  show_toast (self, adw_toast_new (_("Your password has been changed")));
  gtk_widget_grab_focus (GTK_WIDGET (self->current_row));
}

static void
account_change_password_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  SccAccountPage *self = SCC_ACCOUNT_PAGE (widget);

  if (self->view_model == NULL)
    return;

  if (!scc_change_password_vm_submit (self->view_model) &&
      scc_change_password_vm_get_repeat_password_error (self->view_model) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
}

static void
scc_account_page_map (GtkWidget *widget)
{
  SccAccountPage *self = SCC_ACCOUNT_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (scc_account_page_parent_class)->map (widget);

  /* Enter in any field submits. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_default_widget (GTK_WINDOW (root), GTK_WIDGET (self->change_button));
}

static void
scc_account_page_unmap (GtkWidget *widget)
{
  SccAccountPage *self = SCC_ACCOUNT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root) &&
      gtk_window_get_default_widget (GTK_WINDOW (root)) == GTK_WIDGET (self->change_button))
    gtk_window_set_default_widget (GTK_WINDOW (root), NULL);

  GTK_WIDGET_CLASS (scc_account_page_parent_class)->unmap (widget);
}

static void
scc_account_page_dispose (GObject *object)
{
  SccAccountPage *self = (SccAccountPage *)object;

  /* The form's request ends with the page (style.md 3.6). */
  if (self->view_model != NULL)
    scc_change_password_vm_cancel (self->view_model);
  scc_account_page_set_view_model (self, NULL);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_ACCOUNT_PAGE);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (scc_account_page_parent_class)->dispose (object);
}

static void
scc_account_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SccAccountPage *self = SCC_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW_MODEL:
      g_value_set_object (value, self->view_model);
      break;

    case PROP_USER:
      g_value_set_object (value, self->user);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_account_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SccAccountPage *self = SCC_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW_MODEL:
      scc_account_page_set_view_model (self, g_value_get_object (value));
      break;

    case PROP_USER:
      scc_account_page_set_user (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_account_page_class_init (SccAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scc_account_page_dispose;
  object_class->get_property = scc_account_page_get_property;
  object_class->set_property = scc_account_page_set_property;

  widget_class->map = scc_account_page_map;
  widget_class->unmap = scc_account_page_unmap;

  properties[PROP_VIEW_MODEL] =
    g_param_spec_object ("view-model", NULL, NULL,
                         SCC_TYPE_CHANGE_PASSWORD_VM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL,
                         SCC_TYPE_USER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sendcase/Sendcase/ui/scc-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, user_button);
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, role_label);
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, notice_box);
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, current_row);
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, current_error_label);
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, new_row);
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, new_error_label);
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, repeat_error_label);
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, change_button);
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, change_spinner);

  gtk_widget_class_install_action (widget_class, "account.change-password", NULL,
                                   account_change_password_action);
}

static void
scc_account_page_init (SccAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.change-password", FALSE);
}

/**
 * scc_account_page_get_view_model:
 *
 * Returns: (transfer none) (nullable): the Change Password form's view model
 */
SccChangePasswordVm *
scc_account_page_get_view_model (SccAccountPage *self)
{
  g_return_val_if_fail (SCC_IS_ACCOUNT_PAGE (self), NULL);
  return self->view_model;
}

void
scc_account_page_set_view_model (SccAccountPage      *self,
                                 SccChangePasswordVm *view_model)
{
  static const struct {
    const char *property;
    gsize       row_offset;
  } fields[] = {
    { "current-password", G_STRUCT_OFFSET (SccAccountPage, current_row) },
    { "new-password", G_STRUCT_OFFSET (SccAccountPage, new_row) },
    { "repeat-password", G_STRUCT_OFFSET (SccAccountPage, repeat_row) },
  };

  g_return_if_fail (SCC_IS_ACCOUNT_PAGE (self));
  g_return_if_fail (!view_model || SCC_IS_CHANGE_PASSWORD_VM (view_model));

  if (self->view_model == view_model)
    return;

  if (self->view_model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view_model, self);
      for (guint i = 0; i < self->bindings->len; i++)
        g_binding_unbind (g_ptr_array_index (self->bindings, i));
      g_ptr_array_set_size (self->bindings, 0);
      g_clear_object (&self->view_model);
    }

  if (view_model != NULL)
    {
      self->view_model = g_object_ref (view_model);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          GObject *row = G_STRUCT_MEMBER (GObject *, self, fields[i].row_offset);

          g_ptr_array_add (self->bindings,
                           g_object_bind_property (view_model, fields[i].property, row, "text",
                                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
        }
      g_signal_connect_object (view_model, "notify", G_CALLBACK (on_view_model_notify_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (view_model, "changed", G_CALLBACK (on_view_model_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  update_errors (self);
  update_notice (self);
  update_busy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_MODEL]);
}

/**
 * scc_account_page_get_user:
 *
 * Returns: (transfer none) (nullable): the user whose account is shown
 */
SccUser *
scc_account_page_get_user (SccAccountPage *self)
{
  g_return_val_if_fail (SCC_IS_ACCOUNT_PAGE (self), NULL);
  return self->user;
}

void
scc_account_page_set_user (SccAccountPage *self,
                           SccUser        *user)
{
  g_return_if_fail (SCC_IS_ACCOUNT_PAGE (self));
  g_return_if_fail (!user || SCC_IS_USER (user));

  if (!g_set_object (&self->user, user))
    return;

  adw_avatar_set_text (self->avatar, user != NULL ? scc_user_get_display_name (user) : NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->user_row),
                                 user != NULL ? scc_user_get_display_name (user) : "");
  adw_action_row_set_subtitle (self->user_row, user != NULL ? scc_user_get_username (user) : "");
  gtk_label_set_label (self->role_label, user != NULL ? scc_user_get_role_title (user) : "");
  scc_user_button_set_user (self->user_button, user);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

/**
 * scc_account_page_focus:
 *
 * Focuses the first field with an error, else the submit button if the
 * form holds input (the user came back to finish it), else the first field.
 */
void
scc_account_page_focus (SccAccountPage *self)
{
  SccChangePasswordVm *vm;

  g_return_if_fail (SCC_IS_ACCOUNT_PAGE (self));

  vm = self->view_model;
  if (vm != NULL && scc_change_password_vm_get_current_password_error (vm) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->current_row));
  else if (vm != NULL && scc_change_password_vm_get_new_password_error (vm) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
  else if (vm != NULL && scc_change_password_vm_get_repeat_password_error (vm) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
  else if (vm != NULL && scc_change_password_vm_get_has_input (vm))
    {
      GtkEditable *rows[] = {
        GTK_EDITABLE (self->current_row), GTK_EDITABLE (self->new_row), GTK_EDITABLE (self->repeat_row),
      };

      gtk_widget_grab_focus (GTK_WIDGET (self->change_button));
      /* No stale selection left grey in a field the user is not in. */
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        gtk_editable_select_region (rows[i], 0, 0);
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->current_row));
}
