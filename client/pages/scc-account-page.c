/* scc-account-page.c
 *
 * SccAccountPage: the view of an SccChangePasswordVm, under a summary of
 * the signed-in user. The page makes its form when it is made and hands it
 * to SccPage, which inserts its actions as account.submit and
 * account.retry, focuses the first field in error after a failure, and
 * offers Retry in a toast when the failure may pass. Everything else is in
 * the template: three SccFieldRows bound to the form by field name, the
 * notice and the general error bound to the form's properties. What is
 * typed lives in the view model, so it outlives an ended session (the
 * window decides who gets it back).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-account-page"

#include "config.h"

#include "scc-account-page.h"
#include "scc-field-row.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

struct _SccAccountPage
{
  SccPage              parent_instance;

  /* Owned */
  SccChangePasswordVm *view_model;

  /* Template widgets */
  AdwActionRow        *user_row;
  AdwAvatar           *avatar;
  GtkLabel            *role_label;
};

enum {
  PROP_0,
  PROP_VIEW_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccAccountPage, scc_account_page, SCC_TYPE_PAGE)

static void
on_user_cb (SccAccountPage *self)
{
  ScUser *user = scc_page_get_user (SCC_PAGE (self));

  adw_avatar_set_text (self->avatar, user != NULL ? sc_user_get_display_name (user) : NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->user_row),
                                 user != NULL ? sc_user_get_display_name (user) : "");
  adw_action_row_set_subtitle (self->user_row, user != NULL ? sc_user_get_username (user) : "");
  gtk_label_set_label (self->role_label, user != NULL ? sc_user_get_role_title (user) : "");
}

static void
scc_account_page_constructed (GObject *object)
{
  SccAccountPage *self = (SccAccountPage *)object;

  G_OBJECT_CLASS (scc_account_page_parent_class)->constructed (object);

  self->view_model = scc_change_password_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_page_add_form (SCC_PAGE (self), "account", SCC_FORM_VM (self->view_model));
  g_object_notify_by_pspec (object, properties[PROP_VIEW_MODEL]);
}

static void
scc_account_page_dispose (GObject *object)
{
  SccAccountPage *self = (SccAccountPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_ACCOUNT_PAGE);

  G_OBJECT_CLASS (scc_account_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_account_page_class_init (SccAccountPageClass *klass)
{
  static const char * const named_children[] = {
    "notice_box", "notice_label", "current_row", "new_row", "repeat_row", "error_label", "change_button",
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = scc_account_page_constructed;
  object_class->dispose = scc_account_page_dispose;
  object_class->get_property = scc_account_page_get_property;

  scc_page_class_set_page_name (SCC_PAGE_CLASS (klass), "account");

  properties[PROP_VIEW_MODEL] =
    g_param_spec_object ("view-model", NULL, NULL,
                         SCC_TYPE_CHANGE_PASSWORD_VM,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SCC_TYPE_FIELD_ROW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sendcase/Sendcase/ui/scc-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, SccAccountPage, role_label);
  /* By name only, for tests and tools (gtk_widget_get_template_child). */
  for (guint i = 0; i < G_N_ELEMENTS (named_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, named_children[i], FALSE, 0);
}

static void
scc_account_page_init (SccAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::user", G_CALLBACK (on_user_cb), NULL);
}

/**
 * scc_account_page_get_view_model:
 *
 * Returns: (transfer none): the Change Password form
 */
SccChangePasswordVm *
scc_account_page_get_view_model (SccAccountPage *self)
{
  g_return_val_if_fail (SCC_IS_ACCOUNT_PAGE (self), NULL);
  return self->view_model;
}
