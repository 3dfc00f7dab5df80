/* scc-users-page.c
 *
 * SccUsersPage: see scc-users-page.h. An SccListPage: its template, the
 * column table below, two filters and what opening a row does. The role
 * filter's first choice is "any role", then the roles in ScRole order;
 * the activity filter's are "all", "active", "deactivated". New User and
 * a user's details open an SccUserDialog over the window; whatever it
 * saves reloads the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-users-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-offline-banner.h"
#include "scc-user-button.h"
#include "scc-user-dialog.h"
#include "scc-users-page.h"

static const SccListColumn columns[] = {
  { N_("Username"),  "username",   SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Full Name"), "full-name",  SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Role"),      "role-title", SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Active"),    "active",     SCC_LIST_COLUMN_YES_NO },
  { N_("Locked"),    "locked",     SCC_LIST_COLUMN_YES_NO },
};

/* The activity filter's choices, as the API's active parameter. */
static const char * const active_filters[] = { NULL, "true", "false" };

struct _SccUsersPage
{
  SccListPage     parent_instance;

  /* Owned */
  SccUserListVm  *view_model;

  /* Template widgets */
  SccListView    *list_view;
  GtkDropDown    *role_filter;
  GtkDropDown    *active_filter;
};

G_DEFINE_FINAL_TYPE (SccUsersPage, scc_users_page, SCC_TYPE_LIST_PAGE)

static void
on_role_filter_cb (SccUsersPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->role_filter);

  if (self->view_model == NULL)
    return;
  scc_user_list_vm_set_role (self->view_model,
                             selected >= 1 && selected <= SC_N_ROLES ? sc_role_to_string ((ScRole)selected) : NULL);
}

static void
on_active_filter_cb (SccUsersPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->active_filter);

  if (self->view_model == NULL)
    return;
  scc_user_list_vm_set_active (self->view_model, selected < G_N_ELEMENTS (active_filters) ? active_filters[selected] : NULL);
}

static void
on_dialog_saved_cb (SccUsersPage *self)
{
  scc_list_vm_reload (SCC_LIST_VM (self->view_model));
}

static void
open_dialog (SccUsersPage *self,
             ScUser       *user)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SccUserDialog *dialog;

  dialog = scc_user_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                scc_page_get_api_client (SCC_PAGE (self)), user);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, G_CONNECT_SWAPPED);
  scc_page_present_dialog (SCC_PAGE (self), GTK_WINDOW (dialog));
}

static void
on_item_activated_cb (SccUsersPage *self,
                      ScUser       *user)
{
  g_assert (SCC_IS_USERS_PAGE (self));

  open_dialog (self, user);
}

static void
users_new_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_dialog (SCC_USERS_PAGE (widget), NULL);
}

static void
scc_users_page_constructed (GObject *object)
{
  SccUsersPage *self = (SccUsersPage *)object;

  G_OBJECT_CLASS (scc_users_page_parent_class)->constructed (object);

  self->view_model = scc_user_list_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_list_view_add_columns (self->list_view, SC_TYPE_USER, columns, G_N_ELEMENTS (columns));
  scc_list_page_set_list (SCC_LIST_PAGE (self), self->list_view, SCC_LIST_VM (self->view_model));
}

static void
scc_users_page_dispose (GObject *object)
{
  SccUsersPage *self = (SccUsersPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_USERS_PAGE);

  G_OBJECT_CLASS (scc_users_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
}

static void
scc_users_page_class_init (SccUsersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_users_page_constructed;
  object_class->dispose = scc_users_page_dispose;

  scc_page_class_set_page_name (page_class, "users");

  gtk_widget_class_install_action (widget_class, "users.new", NULL, users_new_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "users.new", NULL);

  g_type_ensure (SCC_TYPE_LIST_VIEW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-users-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccUsersPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SccUsersPage, role_filter);
  gtk_widget_class_bind_template_child (widget_class, SccUsersPage, active_filter);
  gtk_widget_class_bind_template_child_full (widget_class, "new_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_role_filter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_active_filter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
}

static void
scc_users_page_init (SccUsersPage *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (roles, _("Any Role"));
  for (ScRole role = SC_ROLE_NONE + 1; role <= SC_N_ROLES; role++)
    gtk_string_list_append (roles, sc_role_get_title (role));
  gtk_drop_down_set_model (self->role_filter, G_LIST_MODEL (roles));
}

/**
 * scc_users_page_get_view_model:
 *
 * Returns: (transfer none): the list of users
 */
SccUserListVm *
scc_users_page_get_view_model (SccUsersPage *self)
{
  g_return_val_if_fail (SCC_IS_USERS_PAGE (self), NULL);
  return self->view_model;
}

